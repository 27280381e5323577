"""GOST in-text references: "[1]", "[1, с. 15]", "[см. 2; 3, p. 7]", "Иванов [1]".

GOST R 7.0.5-2008 (7.5.1, 7.5.6) puts the number of the work in the list in square brackets,
then the pages after a comma; several works are separated by semicolons. The word for
"page" follows the language of the entry cited, as refman's lists give each entry the terms
of its own language ("С. 45–67" for a Russian article, "P. 45–67" for an English one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cited import AUTHOR

#: The abbreviation of "page" in a locator, by the entry's language; others take "p.".
PAGE_TERMS = {"ru": "с.", "uk": "с.", "be": "с.", "bg": "с.", "sr": "с.", "kk": "б.", "de": "S.", "pl": "s."}
#: "and" and "et al." for an author named in the text, by the entry's language.
_AND = {"ru": ("и", "и др."), "uk": ("і", "та ін."), "de": ("und", "u. a."), "fr": ("et", "et al.")}
_PAGE_LABEL = re.compile(r"(?:pp?|pages?|pg|с|стр|s)\.?\s*(?=\d)", re.IGNORECASE)
_PAGES = re.compile(r"\d+[a-zа-я]?(?:\s*(?:-{1,2}|[–—,])\s*\d+[a-zа-я]?)*|[ivxlcdm]+", re.IGNORECASE)
_RANGE = re.compile(r"(?<=\d)\s*(?:-{1,2}|—)\s*(?=\d)")


def page_term(language: str) -> str:
    return PAGE_TERMS.get(language, "p.")


def locator(text: str, language: str) -> str:
    """A locator as GOST prints it: pages ("15", "p. 15", "с. 3-5") take the entry's own word
    for page and an en dash in a range ("с. 3–5"); any other locator ("гл. 2", "§ 4") stays
    as written."""
    text = " ".join(text.split())
    label = _PAGE_LABEL.match(text)
    rest = text[label.end() :] if label else text
    if _PAGES.fullmatch(rest):
        return f"{page_term(language)} {_RANGE.sub('–', rest)}"
    return text


@dataclass(frozen=True, slots=True)
class Item:
    """One key of a citation, resolved: its number in the list (None: no such entry), the
    language of the entry, and the surnames of its authors."""

    key: str
    number: int | None
    prefix: str = ""
    locator: str = ""
    mode: str = ""
    language: str = "ru"
    authors: tuple[str, ...] = ()


def authors_label(surnames: tuple[str, ...], language: str) -> str:
    """ "Иванов", "Иванов и Петров", "Иванов и др." ("Smith and Chen", "Smith et al.")."""
    if not surnames:
        return ""
    conjunction, others = _AND.get(language, ("and", "et al."))
    if len(surnames) == 1:
        return surnames[0]
    if len(surnames) == 2:
        return f"{surnames[0]} {conjunction} {surnames[1]}"
    return f"{surnames[0]} {others}"


def mark(items: list[Item]) -> str:
    """The in-text reference of one citation: "[1, с. 15; 3]"; an unknown key shows as
    "?key". A citation that names its author in the text (``@key``, ``\\textcite``) gives
    "Иванов [1]"."""
    parts = []
    for item in items:
        part = str(item.number) if item.number is not None else f"?{item.key}"
        if item.locator:  # an unknown entry has no language: its locator stays as written
            written = locator(item.locator, item.language) if item.number is not None else item.locator
            part = f"{part}, {written}"
        parts.append(f"{item.prefix} {part}" if item.prefix else part)
    bracket = "[" + "; ".join(parts) + "]"
    first = items[0] if items else None
    if first is not None and first.mode == AUTHOR and first.number is not None and first.authors:
        return f"{authors_label(first.authors, first.language)} {bracket}"
    return bracket
