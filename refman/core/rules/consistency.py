"""RM205 and RM5xx: what must agree across the list: quotes, keys, outlets, duplicates.

Every check here groups the list by a normalized key in one pass (no pairwise comparison),
so a 10,000-reference library costs about as much as reading it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from ...diagnostics import FixSafety, Severity
from ...model import Reference
from ...parse.translit import to_latin
from .common import OUTLET_FIELDS, fold, number_of, script, text_fields
from .registry import Context, Finding, make_fix, rule
from .text import typography_clean

_OPENERS = {'"': "straight", "“": "english", "„": "german", "«": "guillemets"}
_PAIRS = {"english": ("“", "”"), "german": ("„", "“"), "guillemets": ("«", "»")}
_BAD_KEY = re.compile(r"[\s,{}\"#%~\\()=']")
#: Judgment: spellings of one outlet that differ by translation or transliteration only.
_SYNONYMS = {"novosti": "news", "новости": "news", "the": "", "russian federation": "russia",
             "rf": "russia", "рф": "russia", "россии": "russia", "российской федерации": "russia"}  # fmt: skip
_ACRONYMS = {"un": "united nations", "оон": "united nations", "eu": "european union",
             "ес": "european union", "mfa": "ministry of foreign affairs", "мид": "ministry of foreign affairs"}  # fmt: skip
_SKELETON = ((r"shch", "sch"), (r"(?:iy|ij|y|j)a", "ia"), (r"(?:iy|ij|y|j)u", "iu"), (r"kh", "h"),
             (r"(?:iy|yi|ii|yy|y)\b", "i"), (r"'", ""))  # fmt: skip


def _quote_style(ref: Reference) -> str | None:
    for _var, value in text_fields(ref):
        for ch in value:
            if ch in _OPENERS:
                return _OPENERS[ch]
    return None


def _curl(value: str, style: str) -> str | None:
    if value.count('"') % 2:
        return None
    opening, closing = _PAIRS[style]
    parts = value.split('"')
    return "".join(p + (opening if i % 2 == 0 else closing) for i, p in enumerate(parts[:-1])) + parts[-1]


@rule("RM205", "mixed-quotes", Severity.WARNING, scope="list", fix=FixSafety.SAFE)
def mixed_quotes(refs: list[Reference], ctx: Context) -> Iterator[Finding]:
    """Straight quotes ("…") in a list that elsewhere uses typographic ones (“…”, «…»).

    What it checks:
        The opening double quote of each record's prose fields. When the list has both
        straight and typographic quotes, records with straight ones fire.
    Why it matters:
        A typeset list uses one kind of quotes; straight quotes are a typewriter's and show
        that entries were pasted from different sources.
    Example:
        One title with “On Measures…” and another with "On measures…": the second fires (fix:
        “On measures…”). A list that uses only straight quotes does not fire.
    Fix safety:
        Safe when the straight quotes pair up: only the characters change. Cyrillic text gets
        «…», Latin text the list's own typographic quotes.
    """
    styles = {id(ref): _quote_style(ref) for ref in refs}
    counts = Counter(s for s in styles.values() if s and s != "straight")
    if not counts or "straight" not in styles.values():
        return
    latin_style = "english" if counts["english"] >= counts["german"] else "german"
    for ref in refs:
        if styles[id(ref)] != "straight":
            continue
        for var, value in text_fields(ref):
            if '"' not in value:
                continue
            target = "guillemets" if script(value) == "cyrillic" else latin_style
            fixed = _curl(value, target)
            opening, closing = _PAIRS[target]
            fix = make_fix(var, value, fixed, f"{var}: quotes made {opening}…{closing}") if fixed else None
            yield Finding(ref, var, f"{var} uses straight quotes; the list uses typographic ones", fix)


def _unique_key(base: str, taken: set[str]) -> str:
    for suffix in "bcdefghijklmnopqrstuvwxyz":
        if (base + suffix).lower() not in taken:
            return base + suffix
    n = 2
    while f"{base}-{n}".lower() in taken:
        n += 1
    return f"{base}-{n}"


@rule("RM501", "duplicate-key", Severity.ERROR, scope="list", fix=FixSafety.UNSAFE)
def duplicate_key(refs: list[Reference], ctx: Context) -> Iterator[Finding]:
    """Two records with the same key, or keys that differ only in case.

    What it checks:
        Record ids (BibTeX keys, CSL ids), compared ignoring case: every record after the
        first with a given key fires.
    Why it matters:
        A citation resolves to one of them at random; BibTeX and biber warn, and citeproc-py
        lower-cases ids, so "Smith2020" and "smith2020" collide there too.
    Example:
        ids "Smith2020" and "smith2020" fire on the second; "smith2020" and "smith2020a" do not.
    Fix safety:
        Unsafe: renaming a key breaks the documents that cite it; the fix appends a letter.
    """
    taken = {str(ref.id).lower() for ref in refs}
    first: dict[str, Reference] = {}
    for ref in refs:
        key = str(ref.id)
        if key == "":
            continue
        other = first.setdefault(key.lower(), ref)
        if other is ref:
            continue
        same = "the same key" if str(other.id) == key else f"a key differing only in case ({other.id!r})"
        where = f"[{number_of(other)}]" if number_of(other) is not None else "another record"
        new = _unique_key(key, taken)
        taken.add(new.lower())
        yield Finding(ref, "id", f"key {key!r}: {where} has {same}",
                      make_fix("id", key, new, f"key {key!r} → {new!r}", safe=False))  # fmt: skip


@rule("RM502", "invalid-key", Severity.ERROR, fix=FixSafety.UNSAFE)
def invalid_key(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A key with characters that BibTeX cannot take (spaces, commas, braces, quotes, #, %, ~).

    What it checks:
        Record ids against the characters that end or break a BibTeX key.
    Why it matters:
        Writing such a key to BibTeX or BibLaTeX gives a file that BibTeX, biber and pandoc
        misread.
    Example:
        id "Smith 2020" fires (fix "Smith_2020"); "smith2020" does not.
    Fix safety:
        Unsafe: renaming a key breaks the documents that cite it.
    """
    key = str(ref.id)
    if key and _BAD_KEY.search(key):
        new = _BAD_KEY.sub("_", key)
        yield Finding(ref, "id", f"key {key!r} has characters BibTeX keys cannot contain",
                      make_fix("id", key, new, f"key {key!r} → {new!r}", safe=False))  # fmt: skip


def outlet_key(text: str, phrases: dict[str, str]) -> str:
    """The outlet with case, punctuation, translation, transliteration and acronyms folded."""
    words = fold(to_latin(text) if script(text) == "cyrillic" else text)
    words = f" {words} "
    for a, b in _SYNONYMS.items():
        words = words.replace(f" {a} ", f" {b} " if b else " ")
    tokens = []
    for token in words.split():
        token = _ACRONYMS.get(token) or phrases.get(token) or token
        for pattern, repl in _SKELETON:
            token = re.sub(pattern, repl, token)
        tokens.append(token)
    return " ".join(tokens)


def _acronym_phrases(values: list[str]) -> dict[str, str]:
    """Acronym → phrase, from runs of capitalized words in the list's outlets ("United
    Nations" → "un"), used only for acronyms that the list itself writes in capitals."""
    phrases: dict[str, str] = {}
    for value in values:
        words = [w for w in re.findall(r"\w+", value) if w[:1].isupper() and len(w) > 1]
        for size in (2, 3, 4):
            for i in range(len(words) - size + 1):
                run = words[i : i + size]
                phrases.setdefault("".join(w[0] for w in run).lower(), " ".join(run).lower())
    return phrases


@rule("RM503", "outlet-variants", Severity.WARNING, scope="list", fix=FixSafety.UNSAFE)
def outlet_variants(refs: list[Reference], ctx: Context) -> Iterator[Finding]:
    """One outlet or body written two ways in one list ("RIA Novosti" and "RIA News").

    What it checks:
        Container titles, publishers and authorities, grouped by a folded form that ignores
        case and punctuation, a translated word ("Novosti" = "News"), transliteration
        variants ("Izvestiya"/"Izvestia", Cyrillic/Latin) and acronyms ("UN" = "United
        Nations", from a small table or spelled out elsewhere in the list). Records with a
        less common spelling fire; a spelling with a typing slip (RM201-RM203) is never the
        one proposed.
    Why it matters:
        Readers and indexes take two spellings for two outlets; a list writes each one way.
    Example:
        "RIA Novosti" once and "RIA News" three times: the first fires. "UN News" and
        "United Nations Security Council" are different bodies and do not.
    Fix safety:
        Unsafe: the commonest spelling is not always the outlet's own name.
    """
    values = [(ref, var, ref.get(var)) for ref in refs for var in OUTLET_FIELDS]
    values = [(r, v, " ".join(t.split())) for r, v, t in values if isinstance(t, str) and t.strip()]
    phrases = _acronym_phrases([t for _r, _v, t in values])
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    keyed = []
    for ref, var, text in values:
        key = var + ":" + outlet_key(text, phrases)
        groups[key][text] += 1
        keyed.append((ref, var, text, key))
    where: dict[tuple[str, str], list[str]] = defaultdict(list)
    for ref, var, text, _key in keyed:
        label = f"[{number_of(ref)}]" if number_of(ref) is not None else str(ref.id)
        if label not in where[var, text]:
            where[var, text].append(label)
    for ref, var, text, key in keyed:
        spellings = groups[key]
        if len(spellings) < 2:
            continue
        # a spelling the typography rules would change is never the one to copy: "NJ:Prentice
        # Hall" three times and "NJ: Prentice Hall" once must not undo RM202's fix
        best = max(spellings, key=lambda s: (typography_clean(s), spellings[s], s))
        if text == best:
            continue
        shown = ", ".join(where[var, best][:4])
        yield Finding(ref, var, f"{var} {text!r} is written {best!r} in {shown}",
                      make_fix(var, text, best, f"{var}: {text!r} → {best!r}", safe=False))  # fmt: skip
