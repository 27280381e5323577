"""Synthetic training strings: structured records rendered through CSL styles, each token
labelled with the field it came from.

Each variable's value is wrapped in private-use sentinels (one opening character per label,
one closing character for all) before rendering; refman's own CSL renderer keeps them in
place, and ``label_rendered`` strips them while labelling the characters between. Names are
wrapped by family name; their initials, "and", "&" and "et al." join the name segment, and
so do the record's own given names beside it ("Lamport, Leslie.") and the role words before
an editor's names ("Edited by", "hrsg. von"). The
year is found in the output by its digits; tokens no variable produced (prefixes such as
"pp.", "Vol.", "In:") join the field they introduce, role words ("(Eds.)", "пер.") the
names before them, and punctuation the token before it.
"""

from __future__ import annotations

import random
import re

from refman.model import DateValue, Name, Reference
from refman.options import WriteOptions
from refman.parsing import LABELS
from refman.parsing.features import _DICT
from refman.parsing.tokens import tokenize
from refman.writers.csl import writer as csl

CLOSE = "\ue0ff"
OPEN = {label: chr(0xE000 + i) for i, label in enumerate(LABELS)}
_BY_CHAR = {ch: label for label, ch in OPEN.items()}
#: CSL variables → labels (names are handled apart).
VARIABLES = {
    "title": "title", "container_title": "container", "container_title_short": "container",
    "collection_title": "collection",
    "volume": "volume", "issue": "issue", "page": "pages", "publisher": "publisher",
    "publisher_place": "location", "edition": "edition", "genre": "genre", "note": "note",
    "URL": "url", "DOI": "doi", "ISBN": "isbn",
}  # fmt: skip
NAMES = {"author": "author", "editor": "editor", "translator": "translator"}
TYPES = {
    "article-journal", "book", "chapter", "paper-conference", "thesis", "report", "webpage",
    "article-magazine", "article-newspaper",
}  # fmt: skip
_PREFIX = re.compile(
    r"^[(\[]?(?:in|in:|в|в:|//|vol\.?|volume|v\.|no\.?|nos\.|issue|iss\.|nr\.|№|pp?\.?|pages|s\.?|с\.|сс\.?|"
    r"т\.|вып\.|bd\.|available|retrieved|from|at|url|doi|isbn|edn\.?|ed\.|\(|\[):?$",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"^\(?(?:eds?\.?|editors?|ed\.|ред\.|пер\.|сост\.|trans\.?|transl\.|hrsg\.?|herausgeber)\)?[.,:;]?$", re.I
)
_PUNCT = re.compile(r"^[\W_]+$")
_DAY = re.compile(r"^\(?\d{1,2}(?:[-–]\d{1,2})?[,.)]*$")
_INITIALS = re.compile(r"^\(?(?:[A-ZА-ЯЁ][a-zа-яё]?\.?-?){1,3}[,.;:]?$")
_GIVEN = re.compile(r"^[^\W\d_][^\W\d_'’-]*$")
_OPENERS = {"and", "&", "by", "и", "und", "et", "with"}
#: Words before an editor's or translator's names that belong to the role ("ed. by", "Edited
#: by", "hrsg. von", "Herausgegeben von", "под ред.").
_ROLE_BEFORE = re.compile(
    r"^\(?(?:edited|by|von|herausgegeben|hrsg\.?|translated|trans\.|transl\.|übersetzt|под|ред\.|пер\.)[,:]?$",
    re.IGNORECASE,
)
_STRIP = ".,;:()[]"
_JOINERS = {"and", "&", "и", "et", "al", "al.", "др", "др.", "others", "[и", "др.]", "und", "y", "e"}


def _date_word(text: str) -> bool:
    """A day or a month name next to the year ("May 8,", "(1995,", "8).")."""
    core = text.strip("(),.;:").lower()
    return bool(_DAY.match(text)) or features_month(core) or core in ("г", "гг")  # "2012 г.)"


def features_month(core: str) -> bool:
    return _DICT.get(core) == "month"


def _fill_names(tokens: list, labels: list[str | None]) -> None:
    """Initials, "and", "&", "et al." of a name list take the list's label: between two of
    its family names, and initials just before the first or after the last."""
    names = set(NAMES.values())
    for i in range(len(tokens)):
        if labels[i] is not None:
            continue
        before = next(((j, labels[j]) for j in range(i - 1, -1, -1) if labels[j]), (None, None))
        after = next(((j, labels[j]) for j in range(i + 1, len(tokens)) if labels[j]), (None, None))
        word = tokens[i].text
        small = _INITIALS.match(word) or word.lower().strip(",.;") in _JOINERS or word in ("&", "[и", "др.]")
        inside = before[1] == after[1] and word.isupper()  # between two names of one list
        if before[1] in names and (small or inside or (word.isupper() and len(word) <= 4)):
            labels[i] = before[1]
        elif after[1] in names and _INITIALS.match(word):
            labels[i] = after[1]
    for i in range(len(tokens) - 1):  # full given names ("by Jiří Zlatuška", "and Anna Maria Smith")
        nxt = labels[i + 1]
        if labels[i] is not None or nxt not in names or not _GIVEN.match(tokens[i].text):
            continue
        start = i
        while (
            start > i - 2
            and start > 0
            and labels[start - 1] is None
            and _GIVEN.match(tokens[start - 1].text)
            and tokens[start - 1].text.lower() not in _OPENERS
        ):
            start -= 1
        before = tokens[start - 1].text if start else ""
        if not start or before.endswith(",") or before.lower() in _OPENERS or labels[start - 1] == nxt:
            for j in range(start, i + 1):
                labels[j] = nxt


def _given_names(tokens: list, labels: list[str | None], given: dict[str, set[str]]) -> None:
    """Given names the record holds, beside a family name of the same list ("Lamport, Leslie.",
    "Cotton, Frank Albert,", "Ёлкин Жанна Сергеевич"): the sentinels wrap family names only."""
    changed = True
    while changed:
        changed = False
        for i, tok in enumerate(tokens):
            if labels[i] is not None:
                continue
            core = tok.text.strip(_STRIP).casefold()
            for step in (-1, 1):
                j = i + step
                role = labels[j] if 0 <= j < len(tokens) else None
                if role in given and core in given[role]:
                    labels[i] = role
                    changed = True
                    break


def given_words(ref: Reference) -> dict[str, set[str]]:
    """The words of the given names and particles of each name list of ``ref``, case-folded,
    by label."""
    out: dict[str, set[str]] = {}
    for var, label in NAMES.items():
        for name in getattr(ref, var, None) or []:
            # particles too: "Food and Agriculture Organization of the United" is the particle
            # of "Nations" as BibTeX reads the name unbraced
            parts = (name.given, name.non_dropping_particle, name.dropping_particle)
            words = " ".join(p for p in parts if p).replace(".", ". ").split()
            out.setdefault(label, set()).update(w.strip(_STRIP).casefold() for w in words if w.strip(_STRIP))
    return out


def wrap(ref: Reference) -> Reference | None:
    """A copy of ``ref`` with only the labelled variables, each wrapped in its sentinels."""
    if ref.type not in TYPES or not ref.title:
        return None
    out = Reference(type=ref.type, id=ref.id)
    for var, label in VARIABLES.items():
        value = getattr(ref, var, None)
        if value:
            setattr(out, var, f"{OPEN[label]}{value}{CLOSE}")
    for var, label in NAMES.items():
        names = getattr(ref, var, None)
        if names:
            setattr(out, var, [_wrap_name(n, label) for n in names[:12]])
    if ref.issued is not None and ref.issued.date_parts:
        out.issued = DateValue(date_parts=ref.issued.date_parts)
    out.language = ref.language
    return out


def _wrap_name(name: Name, label: str) -> Name:
    if name.literal:
        return Name(literal=f"{OPEN[label]}{name.literal}{CLOSE}")
    family = f"{OPEN[label]}{name.family}{CLOSE}" if name.family else None
    return Name(family=family, given=name.given, non_dropping_particle=name.non_dropping_particle)


def label_rendered(
    rendered: str, year: str | None, given: dict[str, set[str]] | None = None
) -> tuple[str, list[str]] | None:
    """The rendered string without sentinels, and a label for each of its tokens; ``given``:
    the record's given names by label (``given_words``)."""
    chars: list[str] = []
    marks: list[str | None] = []
    current: str | None = None
    for ch in rendered:
        if ch in _BY_CHAR:
            current = _BY_CHAR[ch]
        elif ch == CLOSE:
            current = None
        else:
            chars.append(ch)
            marks.append(current)
    text = "".join(chars)
    if not text.strip():
        return None
    tokens = tokenize(text)
    labels: list[str | None] = []
    for tok in tokens:
        seen = [m for m in marks[tok.start : tok.end] if m]
        # the field with most of the token's characters; of two with as many, the first (not
        # a set's order, which changes with the hash seed: the same inputs, the same labels)
        labels.append(max(dict.fromkeys(seen), key=seen.count) if seen else None)
    if year:
        for i, tok in enumerate(tokens):
            if labels[i] is None and year in tok.text:
                labels[i] = "date"
                for step in (-1, 1):
                    j = i + step
                    while (
                        0 <= j < len(tokens)
                        and abs(j - i) <= 2
                        and labels[j] is None
                        and _date_word(tokens[j].text)
                    ):
                        labels[j] = "date"
                        j += step
    _fill_names(tokens, labels)
    if given:
        _given_names(tokens, labels, given)
    for i, tok in enumerate(tokens):
        if labels[i] is not None:
            continue
        before = next((labels[j] for j in range(i - 1, -1, -1) if labels[j]), None)
        after = next((labels[j] for j in range(i + 1, len(tokens)) if labels[j]), None)
        core = tok.text
        if _ROLE.match(core) and before in ("editor", "translator", "author"):
            labels[i] = before
        elif ((_ROLE.match(core) or _ROLE_BEFORE.match(core)) and after in ("editor", "translator")) or (
            _PREFIX.match(core) and after
        ):
            labels[i] = after
        elif _PUNCT.match(core) and before:
            labels[i] = before
        else:
            labels[i] = "other"
    return text, [str(label) for label in labels]


def render_labelled(refs: list[Reference], style: str, rng: random.Random) -> list[tuple[str, list[str]]]:
    """Each reference rendered in ``style`` and labelled; a citation number in front of some."""
    wrapped = [w for w in (wrap(r) for r in refs) if w is not None]
    if not wrapped:
        return []
    try:
        texts = csl.render(wrapped, WriteOptions(style=style, lang="en"))
    except Exception:  # noqa: BLE001 - a style our renderer cannot take is skipped, not fatal
        return []
    out = []
    for ref, (_, number, text) in zip(wrapped, texts, strict=True):
        year = str(ref.issued.date_parts[0][0]) if ref.issued and ref.issued.date_parts else None
        found = label_rendered(text, year, given_words(ref))
        if found is None:
            continue
        text, labels = found
        if rng.random() < 0.25:
            mark = rng.choice((f"[{number}]", f"{number}.", f"{number})"))
            text, labels = f"{mark} {text}", ["citation-number", *labels]
        out.append((text, labels))
    return out
