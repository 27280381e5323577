"""RM21x names: initials and their periods, two-letter initials, one person written two ways."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from ...diagnostics import FixSafety, Severity
from ...model import NAME_VARIABLES, Name, Reference
from ...parse.names import INITIALS_SURNAME, SURNAME_INITIALS, normalize_initials
from .common import LATEX_FORMATS, LATIN, fold, source_format
from .registry import Context, Finding, make_fix, rule

_UP, _LO = "A-ZА-ЯЁ", "a-zа-яё"
_ALL_INITIALS = re.compile(rf"^(?:[{_UP}][{_LO}]?\.?(?:[\s\u00a0]*-[\s\u00a0]*|[\s\u00a0]*))+$")
_BARE = re.compile(rf"(?<![{_UP}{_LO}])([{_UP}])(?![{_LO}.])|(?<![{_UP}{_LO}])([{_UP}]{{2,3}})(?![{_LO}.])")
_GLUED = re.compile(rf"\.(?=[{_UP}])")
#: Endings of Russian surnames in Latin transliteration (judgment: used to tell that a lone
#: "Y." or "C." is a cut "Yu."/"Ya." or "Ch.").
_RU_ENDINGS = ("ov", "ova", "ev", "eva", "ёв", "in", "ina", "sky", "skiy", "skii", "skaya", "enko",
               "uk", "yuk", "ich", "vich", "ikh", "ykh", "ko", "iy", "yi", "aya", "ykh", "ets")  # fmt: skip
_CUT = {"Y": ("Yu", "Ya", "Ye", "Yo"), "C": ("Ch",), "Z": ("Zh",), "S": ("Sh",), "K": ("Kh",), "T": ("Ts",)}
#: Capitals glued without periods ("BBC", "UN"): an acronym, never a person's initials.
_ACRONYM = re.compile(rf"[{_UP}À-ÖØ-Þ]{{2,}}")
#: Initials beyond doubt: each a capital with a period ("E.", "Yu.") or a lone capital ("E").
_CERTAIN_INITIALS = re.compile(
    rf"(?:[{_UP}À-ÖØ-Þ][{_LO}]?\.|[{_UP}À-ÖØ-Þ](?![{_LO}]))(?:[\s\u00a0-]*(?:[{_UP}À-ÖØ-Þ][{_LO}]?\.|[{_UP}À-ÖØ-Þ](?![{_LO}])))*"
)
_ROMAN = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"})
_ET_AL = frozenset({"et al.", "et al", "и др.", "и др", "[и др.]", "others", "u. a.", "et alii"})


_NAME_ATTRS = tuple((var, var.replace("-", "_")) for var in sorted(NAME_VARIABLES))


def _names(ref: Reference) -> Iterator[tuple[str, list[Name]]]:
    for var, attr in _NAME_ATTRS:
        value = getattr(ref, attr)
        if value:
            yield var, value


def _dump(names: list[Name]) -> list[dict]:
    return [n.model_dump(by_alias=True, exclude_none=True) for n in names]


def _fixed_initials(given: str) -> str:
    def expand(m: re.Match[str]) -> str:
        return m[1] + "." if m[1] else ". ".join(m[2]) + "."

    return _GLUED.sub(". ", _BARE.sub(expand, given))


@rule("RM211", "initials-without-periods", Severity.WARNING, fix=FixSafety.SAFE)
def initials_without_periods(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """Initials written without their periods or glued together ("E", "II", "I.I.").

    What it checks:
        Given names made only of initials: each initial ends with a period and initials are
        separated by a space ("И. И.", "Yu. A."). Two-letter names without a period ("Li",
        "Yu") are left alone: they may be whole given names.
    Why it matters:
        GOST R 7.0.100-2018 writes "Иванов, И. И."; "Ivanov II" reads as a regnal number and
        unspaced initials are printed glued by every style that does not reinitialize names.
    Example:
        {"family": "Zainullin", "given": "E"} fires (fix "E."); "I.I." fires (fix "I. I.");
        "Eduard" and "E." do not.
    Fix safety:
        Safe: only periods and spaces are added.
    """
    for var, names in _names(ref):
        new = []
        for name in names:
            given = name.given or ""
            if name.family and given and _ALL_INITIALS.match(given):
                fixed = _fixed_initials(given.strip())
                new.append(name.model_copy(update={"given": fixed}))
            else:
                new.append(name)
        changed = [f"{n.family} {n.given!r}" for n, m in zip(names, new, strict=True) if n.given != m.given]
        if changed:
            yield Finding(ref, var, f"initials without periods or spaces: {', '.join(changed)}",
                          make_fix(var, _dump(names), _dump(new), f"{var}: initials written 'X. Y.'"))  # fmt: skip


def _russian_looking(name: Name, ref: Reference) -> bool:
    family = (name.family or "").lower()
    return (ref.language or "")[:2] in ("ru", "uk", "be") or family.endswith(_RU_ENDINGS)


def _digraph_index(ctx: Context) -> dict[str, set[str]]:
    """Folded family name → the two-letter initials it has anywhere in the list."""
    index: dict[str, set[str]] = defaultdict(set)
    for ref in ctx.refs:
        for _var, names in _names(ref):
            for name in names:
                for token in re.findall(r"\b([A-Z][a-z])\.", name.given or ""):
                    index[fold(name.family or "")].add(token)
    return index


@rule("RM212", "cut-digraph-initial", Severity.WARNING, fix=FixSafety.UNSAFE)
def cut_digraph_initial(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A two-letter initial cut to one letter: "Y." for "Yu." or "Ya.", "C." for "Ch.".

    What it checks:
        Latin-script names of Russian origin (language ru, uk or be, or a Russian surname
        ending) whose initials include a lone "Y." or "C." (no Russian name transliterates
        to them), and any initial that the same surname has with two letters elsewhere in
        the list ("Zh." in one record, "Z." in another).
    Why it matters:
        Transliterated Russian initials keep two letters for one Cyrillic letter (Ю → Yu.,
        Я → Ya., Ж → Zh., Ч → Ch.); "Y." loses which name it was and breaks matching.
    Example:
        {"family": "Ivanov", "given": "Y. A."} fires; "Yu. A." does not; "Smith, Y." does not.
    Fix safety:
        Unsafe, and offered only when the list itself shows the two-letter form.
    """
    index = ctx.memo("digraphs", lambda: _digraph_index(ctx))
    for var, names in _names(ref):
        for i, name in enumerate(names):
            given = name.given or ""
            if not name.family or not LATIN.search(name.family):
                continue
            for letter in re.findall(r"(?<![A-Za-z])([A-Z])\.", given):
                known = [d for d in index.get(fold(name.family), ()) if d in _CUT.get(letter, ())]
                if known:
                    new = [*names]
                    new[i] = name.model_copy(
                        update={"given": re.sub(rf"(?<![A-Za-z]){letter}\.", known[0] + ".", given, count=1)}
                    )
                    yield Finding(ref, var, f"{name.family} {given}: '{letter}.' is '{known[0]}.' elsewhere in the list",
                                  make_fix(var, _dump(names), _dump(new), f"{var}: '{letter}.' → '{known[0]}.'", safe=False))  # fmt: skip
                elif letter in ("Y", "C") and _russian_looking(name, ref):
                    options = "/".join(d + "." for d in _CUT[letter])
                    yield Finding(
                        ref,
                        var,
                        f"{name.family} {given}: '{letter}.' is a cut two-letter initial ({options})",
                    )


def _form(given: str) -> str:
    return " ".join(given.split())


_GIVEN_PART = re.compile(r"[^\W\d_]+\.?")


def _parts(given: str) -> tuple[tuple[str, bool], ...]:
    """A given name as (folded letters, is an initial) parts: "Jean-Pierre" → jean, pierre;
    "J.-P." and "JP" → j, p; "Yu. A." → yu, a (a digraph initial keeps both letters)."""
    out: list[tuple[str, bool]] = []
    for token in _GIVEN_PART.findall(given):
        letters = token.rstrip(".")
        if token.endswith(".") or len(letters) == 1:
            out.append((fold(letters), True))
        elif letters.isupper() and len(letters) <= 3:
            out.extend((fold(ch), True) for ch in letters)  # "JRR": glued initials (RM211's)
        else:
            out.append((fold(letters), False))
    return tuple(out)


def _compatible(a: tuple[tuple[str, bool], ...], b: tuple[tuple[str, bool], ...]) -> bool:
    """Could two given names be one person's? Part by part, an initial must begin the other
    form's name ("E." ~ "Eduard", "Yu." ~ "Yuri", "Ю." ~ "Юрий"), two initials must agree up
    to a cut digraph ("Y." ~ "Yu."), and two full names must be the same name ("Scott" and
    "Sungmin" never are); a part that one form leaves out at the end (a middle initial) is
    no evidence either way."""
    if not a or not b:
        return False
    for (x, x_initial), (y, y_initial) in zip(a, b, strict=False):
        if x_initial and y_initial:
            same = x.startswith(y) or y.startswith(x)
        elif x_initial or y_initial:
            full, initial = (y, x) if x_initial else (x, y)
            same = full.startswith(initial)
        else:
            same = x == y
        if not same:
            return False
    return True


def _people(forms: list[str]) -> list[list[str]]:
    """The forms of one surname grouped into people. A form that could be either of two
    people ("S." beside "Scott" and "Sungmin") is left out of every group, so each group is
    a set of forms that are all compatible with each other."""
    parts = {form: _parts(form) for form in forms}
    near = {f: {g for g in forms if g != f and _compatible(parts[f], parts[g])} for f in forms}
    ambiguous = {f for f in forms if any(h not in near[g] for g in near[f] for h in near[f] if h != g)}
    groups: list[list[str]] = []
    seen: set[str] = set()
    for form in forms:
        if form in ambiguous or form in seen:
            continue
        group = [form, *sorted(g for g in near[form] if g not in ambiguous)]
        seen.update(group)
        groups.append(group)
    return groups


@rule("RM213", "name-form-varies", Severity.INFO, scope="list", fix=FixSafety.UNSAFE)
def name_form_varies(refs: list[Reference], ctx: Context) -> Iterator[Finding]:
    """One person written in different forms across the list ("E. " here, "Eduard" there).

    What it checks:
        Personal names with the same surname whose given names could be one person's: an
        initial that begins the full name ("E." and "Eduard", "Yu." and "Yuri", "Ю." and
        "Юрий"), the same name with a middle initial left out, or a difference of case or
        accents. Two different full given names are two people ("Scott" and "Sungmin", but
        also "Will" and "William"), and a form that fits two such people ("S.") is grouped
        with neither. Differences that are only a cut two-letter initial are RM212's.
    Why it matters:
        Styles sort, disambiguate and initialize names by their stored form; two forms of one
        person look like two people ("Zainullin, E." and "Zainullin, Eduard").
    Example:
        "Zainullin E." in one record and "Zainullin Eduard" in another: the less frequent
        form fires. "Kim Scott" and "Kim Sungmin" do not.
    Fix safety:
        Unsafe: two people may share a surname and an initial; the fix uses the commonest form.
    """
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    where: dict[tuple[str, str], list[tuple[Reference, str, int, Name]]] = defaultdict(list)
    for ref in refs:
        for var, names in _names(ref):
            for i, name in enumerate(names):
                if name.family and name.given and name.given.strip():
                    surname, form = fold(name.family), _form(name.given)
                    forms[surname][form] += 1
                    where[surname, form].append((ref, var, i, name))
    for surname, counter in forms.items():
        if len(counter) < 2:
            continue
        for group in _people(list(counter)):
            if len(group) < 2:
                continue
            best = max(group, key=lambda f: (counter[f], len(f), f))
            for form in group:
                if form == best or _only_cut(form, best):
                    continue
                for ref, var, i, name in where[surname, form]:
                    names = ref.get(var)
                    new = [*names]
                    new[i] = name.model_copy(update={"given": best})
                    yield Finding(ref, var, f"{name.family} is written {form!r} here but {best!r} elsewhere in the list",
                                  make_fix(var, _dump(names), _dump(new), f"{var}: {form!r} → {best!r}", safe=False))  # fmt: skip


def _only_cut(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return re.sub(r"([A-Z])[a-z]\.", r"\1.", long) == short


def _initials_for_sure(text: str, given: str) -> bool:
    """Whether the "initials" a name pattern found are surely initials: each with a period or
    a lone capital, not an acronym ("BBC"), not two letters of a name ("Mc" of "McAllister",
    "Fu" of "Shen Fu"), not a regnal number ("Elizabeth I"), and apart from the surname."""
    given = given.strip()
    if not _CERTAIN_INITIALS.fullmatch(given) or _ACRONYM.fullmatch(given.replace(" ", "")):
        return False
    if "." not in given and given.replace(" ", "") in _ROMAN:
        return False
    at = text.find(given)
    around = text[at - 1 : at] + text[at + len(given) : at + len(given) + 1]
    return given.endswith(".") or any(ch.isspace() or ch == "," for ch in around)


def _undivided(name: Name, braced_on_purpose: bool) -> str:
    """The text of a name kept as one string: a literal, or a family name with no other part
    (BibTeX reads "J. B. Mason," as a family name; written back it becomes a literal). In
    BibTeX a literal is a name the user braced to keep it whole ("{A Butler}"): left alone."""
    if name.literal and not name.family:
        return "" if braced_on_purpose else name.literal.strip()
    others = (name.given, name.literal, name.dropping_particle, name.non_dropping_particle, name.suffix)
    return name.family.strip() if name.family and not any(others) else ""


@rule("RM214", "person-as-literal", Severity.WARNING, fix=FixSafety.SAFE)
def person_as_literal(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A person's name stored as one literal string instead of family and given parts.

    What it checks:
        Literal names, and family names with no other part, that have the shape of a
        personal name with initials ("Zainullin E.", "E. Zainullin", "Иванов И. И.");
        capitals glued without periods are an acronym, not initials ("BBC News" stays whole).
        A BibTeX literal ("{A Butler}") was braced on purpose and is left alone.
    Why it matters:
        A literal is printed as is: styles cannot invert it ("Иванов, И. И."), initialize it
        or sort by surname, so the record looks unlike its neighbours.
    Example:
        {"literal": "Zainullin E."} fires (fix: family "Zainullin", given "E."); {"literal":
        "Federal State Statistics Service"} does not.
    Fix safety:
        Safe: the split follows the unambiguous surname-initials pattern.
    """
    braced_on_purpose = source_format(ref) in LATEX_FORMATS
    for var, names in _names(ref):
        new, changed = [], []
        for name in names:
            text = _undivided(name, braced_on_purpose)
            match = SURNAME_INITIALS.match(text) or INITIALS_SURNAME.match(text) if text else None
            if match and not _initials_for_sure(text, match["given"]):
                match = None  # "BBC News", "McAllister", "Shen Fu", "Elizabeth I" are not split
            if match:
                new.append(Name(family=match["family"], given=normalize_initials(match["given"])))
                changed.append(text)
            else:
                new.append(name)
        if changed:
            shown = ", ".join(repr(c) for c in changed)
            yield Finding(ref, var, f"personal name stored whole, not as family and given: {shown}",
                          make_fix(var, _dump(names), _dump(new), f"{var}: split {shown} into family and given"))  # fmt: skip


@rule("RM215", "et-al-as-name", Severity.WARNING, fix=FixSafety.UNSAFE)
def et_al_as_name(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """An "et al." or "и др." stored as if it were an author.

    What it checks:
        Names whose literal or family is "et al.", "и др.", "[и др.]", "others".
    Why it matters:
        Styles decide themselves when to shorten a list of authors ("[и др.]" after three in
        GOST); a stored "et al." is printed as a person and hides that authors are missing.
    Example:
        [{"family": "Ivanov", "given": "I."}, {"literal": "et al."}] fires.
    Fix safety:
        Unsafe: removing it leaves the author list silently incomplete; add the real names.
    """
    for var, names in _names(ref):
        kept = [n for n in names if (n.literal or n.family or "").strip().lower() not in _ET_AL]
        if len(kept) != len(names):
            yield Finding(ref, var, f"{var} lists 'et al.' as a name: the other names are missing",
                          make_fix(var, _dump(names), _dump(kept), f"{var}: removed 'et al.'", safe=False))  # fmt: skip
