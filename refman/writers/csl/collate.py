"""Alphabetical order for a bibliography: Cyrillic entries first, then Latin, then the rest,
each in its own alphabet's order (Ё sorts with Е, not after Я; Müller with Muller).

citeproc-py compares raw code points (Latin before Cyrillic, Ё after Я), so refman orders
the rendered entries itself: the key is the entry as printed, which starts with its heading
(the author or, without one, the title), exactly what a reader scans.
"""

from __future__ import annotations

import unicodedata

CYRILLIC, LATIN, OTHER = 0, 1, 2
#: Primary equivalences of the Russian alphabet; й stays a letter of its own.
_RU_PRIMARY = str.maketrans({"ё": "е"})


def script_of(text: str) -> int:
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            if name.startswith("CYRILLIC"):
                return CYRILLIC
            if name.startswith("LATIN"):
                return LATIN
            return OTHER
    return OTHER


def _primary(text: str) -> str:
    """Letters and digits only, case-folded, Ё as Е, Latin diacritics removed."""
    out: list[str] = []
    for char in text.casefold().translate(_RU_PRIMARY):
        if char in "йё":
            out.append(char)
        elif char.isalnum():
            base = unicodedata.normalize("NFD", char)[0]
            out.append(base if base.isalnum() else char)
        elif char.isspace() and out and out[-1] != " ":
            out.append(" ")
    return "".join(out).strip()


def sort_key(text: str) -> tuple[int, str, str, str]:
    """Script group, then letters (Ё = Е), then Ё after Е and lower before upper, then text."""
    folded = text.casefold()
    return (script_of(text), _primary(text), folded, text)
