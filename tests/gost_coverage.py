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
#: Elements styles/README.md lists as deliberately not printed: (kind, CSL variable, why).
NOT_PRINTED: tuple[tuple[str, str, str], ...] = (
    ("identifier", "ISSN", "GOST R 7.0.100-2018 records an ISSN for a serial, not for an article in it"),
    (
        "identifier",
        "URL",
        "a DOI stands for the address: a record with both prints the DOI (docs/GOST.md rule 8)",
    ),
)
_SKIP = {(kind, var) for kind, var, _ in NOT_PRINTED}
_QUOTES = str.maketrans({c: "" for c in "«»“”„\"'’{}"})


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
            if value not in (None, "") and (kind, var) not in _SKIP:
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
    if kind == "identifier" and want.startswith("https://doi.org/"):
        want = want[len("https://doi.org/") :]
    if want in have:
        return True
    if kind == "name" and has_cyrillic(want) and len(want) > 4:
        return re.search(re.escape(want[:-2]) + r"\w{0,3}\b", have) is not None
    return False


def missing(ref: Reference, text: str) -> list[tuple[str, str, str]]:
    return [element for element in elements(ref) if not printed(element[0], element[2], text)]


def figures(pairs: Iterable[tuple[Reference, str]]) -> dict[str, tuple[int, int]]:
    """kind → (printed, present) over every (reference, text)."""
    present: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    for ref, text in pairs:
        for kind, _, value in elements(ref):
            present[kind] += 1
            shown[kind] += printed(kind, value, text)
    return {kind: (shown[kind], present[kind]) for kind in KINDS}
