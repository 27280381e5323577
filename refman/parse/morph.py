"""Russian personal names in the nominative and the genitive (docs/GOST.md rule 16).

A role statement pairs a role word with names in the case it governs: "редактор И. И.
Иванов" (nominative), "перевод с французского Н. С. Автономовой" (genitive). Most sources
give names in the nominative; biblatex-gost data gives them already declined ("И. Вдовиной").
pymorphy3 (OpenCorpora's dictionary and its guesser for unknown words) tells which cases a
family name can be in and inflects it; petrovich was judged and not taken: it only inflects
from the nominative, with the gender given, and cannot tell which case a name is in.

A name is never changed where its case is ambiguous ("Базарова": a woman in the nominative or
a man in the genitive); the role word follows the case instead (``writers.csl.roles``). The
free-text reader (``readers.reflist.responsibility``) goes the other way: after a role word
that governs the genitive ("под ред. П. П. Петрова") the name is in the genitive, and
``inflect`` gives its nominative.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

NOM, GEN = "nomn", "gent"


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    import pymorphy3  # loaded only when a Cyrillic role name is rendered or read (0.3 s, 15 MB)

    return pymorphy3.MorphAnalyzer()


def _parses(word: str) -> list[Any]:
    """The analyses of a family name: as a surname where the dictionary knows one, else as an
    adjective-like or noun-like word ("Северской"), which declines the same way."""
    parses = _analyzer().parse(word)
    surnames = [p for p in parses if "Surn" in p.tag]
    if surnames:
        return surnames
    return [p for p in parses if p.tag.POS in ("ADJF", "NOUN") and p.tag.number != "plur"]


@lru_cache(maxsize=4096)
def cases(family: str) -> frozenset[str]:
    """Which of nominative and genitive the family name can be in (empty: not known)."""
    found: set[str] = set()
    for part in family.split("-"):
        own = {p.tag.case for p in _parses(part)} & {NOM, GEN}
        if not own:
            return frozenset()
        found = own if not found else found & own
    return frozenset(found)


@lru_cache(maxsize=4096)
def inflect(family: str, source: str, target: str) -> str | None:
    """The family name, read in case ``source``, in case ``target``; None when no analysis
    reads it in ``source`` (the caller then keeps the name and changes the role word)."""
    out = []
    for part in family.split("-"):
        options = [p for p in _parses(part) if p.tag.case == source]
        if not options:
            return None
        form = options[0].inflect({target})
        if form is None:
            return None
        word = form.word
        out.append(word[:1].upper() + word[1:] if part[:1].isupper() else word)
    return "-".join(out)
