"""Helpers shared by the rule modules: which fields hold prose, scripts, simple folding."""

from __future__ import annotations

import re
import unicodedata

from ...model import Reference

#: Fields that hold prose or names of things: typography rules look at these and no others
#: (never at URL, DOI, ISBN, ids, page ranges or raw source text).
TEXT_FIELDS: tuple[str, ...] = (
    "title", "container-title", "collection-title", "volume-title", "original-title",
    "publisher", "publisher-place", "event", "event-title", "event-place", "authority",
    "genre", "medium", "abstract", "note", "section", "archive", "jurisdiction", "keyword",
)  # fmt: skip
#: Fields that name an outlet or a body, compared across the list for variant spellings.
OUTLET_FIELDS: tuple[str, ...] = ("container-title", "publisher", "authority")

#: Formats whose records are prose as a person typed it: ``origin.raw`` is a line of a list.
FREE_TEXT_FORMATS = frozenset({"reflist", "page"})
#: Formats in which LaTeX markup is the format itself, not debris left in a value.
LATEX_FORMATS = frozenset({"bibtex", "biblatex"})

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


_TEXT_ATTRS = tuple((name, name.replace("-", "_")) for name in TEXT_FIELDS)


def text_fields(ref: Reference) -> list[tuple[str, str]]:
    """(field, value) for every non-empty prose field of ``ref``."""
    out = []
    for name, attr in _TEXT_ATTRS:
        value = getattr(ref, attr)
        if value and isinstance(value, str) and not value.isspace():
            out.append((name, value))
    return out


def script(text: str) -> str | None:
    """ "cyrillic", "latin", "mixed" or None (no letters): by counting letters of each."""
    cyr = len(CYRILLIC.findall(text))
    lat = len(LATIN.findall(text))
    if not cyr and not lat:
        return None
    if cyr and lat:
        share = cyr / (cyr + lat)
        return "cyrillic" if share > 0.8 else "latin" if share < 0.2 else "mixed"
    return "cyrillic" if cyr else "latin"


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form, for grouping spellings together."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ё", "е"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.findall(r"\w+", plain))


def number_of(ref: Reference) -> int | None:
    return ref.origin.number if ref.origin else None


def source_format(ref: Reference) -> str | None:
    """The format that read ``ref`` (``SourceSpan.format``); None for a record built in code."""
    return ref.origin.format if ref.origin is not None else None
