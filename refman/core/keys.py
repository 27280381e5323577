"""Citation keys: readable, stable from run to run, unique even when case is ignored.

A key is the first author's surname (or, with no author, the first significant title word),
the year, and the next significant title word, all transliterated to ASCII:
"Zainullin E. Russian coal … 2021" → ``zainullin2021russian``; "Иванов И. И. Заглавие, 2019" →
``ivanov2019zaglavie``. Clashes get a, b, c … in input order, so the same input always gives
the same keys. Ids that an input already has are kept.
"""

from __future__ import annotations

import re

from ..model import Library, Reference
from ..parse.text import unique_key
from ..parse.translit import to_latin

#: Words that say nothing about a work: articles, prepositions, auxiliaries, honorifics.
STOP_WORDS = frozenset(
    (
        "a an the of on in at to for and or by with from is are was were be as its it his her "
        "their about into over under how why what who does do did will new mr mrs ms dr prof sir "
        "и в во на о об от по для с со к из за у не а как что это при г-н г-жа"
    ).split()
)


def _ascii_words(text: str) -> list[str]:
    latin = to_latin(text).lower()
    return [w for w in re.split(r"[^a-z0-9]+", latin) if w]


def _significant(text: str | None) -> list[str]:
    if not text:
        return []
    words = []
    for word in re.split(r"[\s\-–—/:;,.!?\"'«»“”()\[\]]+", text):
        if word and word.lower() not in STOP_WORDS:
            words.extend(_ascii_words(word))
    return [w for w in words if not w.isdigit()] or words


def base_key(ref: Reference) -> str:
    title_words = _significant(ref.title)
    head = ""
    if ref.author:
        first = ref.author[0]
        head = "".join(_ascii_words(first.family or first.literal or ""))[:24]
    if not head:
        head = title_words.pop(0) if title_words else ""
    if not head:
        head = "".join(_ascii_words(ref.container_title or ""))[:16] or "ref"
    year = ref.issued.year if ref.issued is not None else None
    tail = title_words[0] if title_words else ""
    return f"{head}{year or ''}{tail}"


def assign_keys(library: Library) -> None:
    """Give every reference without an id a readable key, unique ignoring case."""
    taken = {str(ref.id).lower() for ref in library.references if ref.id != ""}
    for ref in library.references:
        if ref.id != "":
            continue
        ref.id = unique_key(base_key(ref), taken)
