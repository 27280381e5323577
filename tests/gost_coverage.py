"""Which elements of a record its GOST text prints: names, titles, series, volume counts,
numbers and identifiers (issue 11, "Done means"). Shared by tests/test_gost_coverage.py and
benchmarks/gost_coverage.py, so that the test and the figures count the same things.

An element is printed when its text appears in the entry's text after the same tidying on
both sides (case, spaces, quotes, dashes, LaTeX braces). A Russian name may appear declined
("И. Вдовиной" after "перевод", docs/GOST.md rule 16): its family name counts as printed when
the text holds it with at most its last two letters changed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from refman.model import NAME_VARIABLES, Reference
from refman.parse.text import has_cyrillic

KINDS = ("name", "title", "series", "volumes", "number", "identifier")
_VARIABLES: dict[str, tuple[str, ...]] = {
    "title": ("title", "container-title", "volume-title", "original-title", "event"),
    "series": ("collection-title", "collection-number"),
    "volumes": ("number-of-volumes",),
    "number": ("volume", "issue", "number"),
    "identifier": ("DOI", "ISBN", "ISSN", "URL"),
}
#: Fields a BibLaTeX reader keeps in ``Reference.unmapped`` that hold names or identifiers.
_UNMAPPED_NAMES = ("foreword", "afterword", "introduction", "commentator", "annotator")
_UNMAPPED_IDS = ("eprint",)
#: Elements styles/README.md lists as deliberately not printed: named rules, each matching
#: only its case (``_excluded``), with the reason the README gives.
NOT_PRINTED: dict[str, str] = {
    "issn-of-host": "an article's ISSN is its journal's: GOST R 7.0.100-2018 records an ISSN for a "
    "serial, not for an article in it",
    "url-beside-doi": "a DOI stands for the address: a record with both prints the DOI (docs/GOST.md rule 8)",
    "eprint-beside-doi": "a DOI stands for the address an eprint (JSTOR, HDL…) would give (rule 8)",
    "isbn-of-host": "a part's ISBN is its host's: the host is identified by title, publication and "
    'date after "//" (docs/GOST.md rule 35)',
    "names-after-others": 'the names past the first ones printed before "[и др.]" / "[et al.]" '
    "(docs/GOST.md rules 3, 13)",
}
_PART_TYPES = frozenset({"chapter", "paper-conference", "entry-dictionary", "entry-encyclopedia",
                         "article-journal", "article-magazine", "article-newspaper"})  # fmt: skip
_OTHERS = re.compile(r"(?<!\w)(?:и\sдр|et\sal|u\.\s?a)\.")
_ARTICLES = frozenset({"article-journal", "article-magazine", "article-newspaper"})
_QUOTES = str.maketrans({c: "" for c in "«»“”„\"'’{}"})
_DOI_PREFIX = re.compile(r"^(?:https?://)?(?:dx\.)?doi\.org/")
#: biblatex's localisation keys a record may hold as a value → the phrases printed for them.
_KEYS = {"newseries": ("new series", "нов. сер."), "oldseries": ("old series", "стар. сер.")}


def tidy(text: str) -> str:
    text = text.translate(_QUOTES).replace("\u2013", "-").replace("\u2014", "-").replace("~", " ")
    text = re.sub(r"\s+:", ":", text)  # "Title : subtitle" prints "Title: subtitle" (rule 4)
    return re.sub(r"\s+", " ", text).strip().casefold()


def elements(ref: Reference) -> list[tuple[str, str, str]]:
    """(kind, variable, value) of every element the record holds."""
    data = ref.to_csl()
    found: list[tuple[str, str, str]] = []
    for var in sorted(NAME_VARIABLES):
        for name in ref.get(var) or []:
            value = name.literal if name.is_institution else (name.family or name.literal)
            if value:
                found.append(("name", var, value))
    for kind, variables in _VARIABLES.items():
        for var in variables:
            value = data.get(var)
            if value not in (None, ""):
                found.append((kind, var, str(value)))
    for field in _UNMAPPED_NAMES:
        value = ref.unmapped.get(field)
        if isinstance(value, str) and value.strip():
            for part in re.split(r"\s+and\s+", value):
                found.append(
                    ("name", field, part.split(",")[0].split()[-1] if "," in part else part.split()[-1])
                )
    for field in _UNMAPPED_IDS:
        value = ref.unmapped.get(field)
        if isinstance(value, str) and value.strip():
            found.append(("identifier", field, value))
    return found


def printed(kind: str, value: str, text: str) -> bool:
    """The value appears in the tidied text (a Cyrillic family name possibly declined)."""
    want, have = tidy(value), tidy(text)
    if kind == "identifier":
        want = _DOI_PREFIX.sub("", want)
    if want in have or any(phrase in have for phrase in _KEYS.get(want, ())):
        return True
    if kind == "name" and has_cyrillic(want) and len(want) > 4:
        # "Успенского" printed "Успенский" after "редактор" (rule 16): the stem before the ending
        stem = want[:-3] if len(want) > 7 else want[:-2]
        return re.search(re.escape(stem) + r"\w{0,4}\b", have) is not None
    return False


def _excluded(ref: Reference, text: str, found: list[tuple[str, str, str]]) -> list[str | None]:
    """For each element, the NOT_PRINTED rule it falls under, or None."""
    data = ref.to_csl()
    part = data.get("type") in _PART_TYPES and bool(data.get("container-title"))
    eprint_type = str(ref.unmapped.get("eprinttype") or "").strip().lower()
    out: list[str | None] = []
    for _, var, _ in found:
        rule = None
        if var == "ISSN" and part and data.get("type") in _ARTICLES:
            rule = "issn-of-host"
        elif var == "URL" and data.get("DOI"):
            rule = "url-beside-doi"
        elif var == "eprint" and data.get("DOI") and eprint_type != "arxiv":
            rule = "eprint-beside-doi"
        elif var == "ISBN" and part:
            rule = "isbn-of-host"
        out.append(rule)
    if _OTHERS.search(text):
        for var in {var for kind, var, _ in found if kind == "name"}:
            positions = [i for i, (kind, v, _) in enumerate(found) if kind == "name" and v == var]
            shown = [printed("name", found[i][2], text) for i in positions]
            first_lost = shown.index(False) if False in shown else len(shown)
            if first_lost > 0 and not any(shown[first_lost:]):
                for i in positions[first_lost:]:
                    out[i] = "names-after-others"
    return out


def missing(ref: Reference, text: str) -> list[tuple[str, str, str]]:
    """The elements the text should print and does not (after the NOT_PRINTED rules)."""
    found = elements(ref)
    rules = _excluded(ref, text, found)
    return [e for e, rule in zip(found, rules, strict=True) if rule is None and not printed(e[0], e[2], text)]


def figures(pairs: Iterable[tuple[Reference, str]]) -> dict[str, tuple[int, int]]:
    """kind → (printed, present) over every (reference, text): present counts what the text
    should print, i.e. not what a NOT_PRINTED rule excludes."""
    present: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    for ref, text in pairs:
        found = elements(ref)
        for (kind, _, value), rule in zip(found, _excluded(ref, text, found), strict=True):
            if rule is None:
                present[kind] += 1
                shown[kind] += printed(kind, value, text)
    return {kind: (shown[kind], present[kind]) for kind in KINDS}


def excluded_counts(pairs: Iterable[tuple[Reference, str]]) -> Counter[str]:
    """NOT_PRINTED rule → how many elements it excludes (the figures' other side)."""
    counts: Counter[str] = Counter()
    for ref, text in pairs:
        found = elements(ref)
        counts.update(rule for rule in _excluded(ref, text, found) if rule is not None)
    return counts
