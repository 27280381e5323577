"""A phonetic Latin skeleton in which every common romanisation of a Russian word agrees.

People write Вишневецкий as Vishnevetskii (LC, ICAO passports), Vishnevetsky (press),
Vishnevetskiy (BGN/PCGN), Vishneveckij (scholarly), Višneveckij (ISO 9) or Vishneveczkij
(GOST 7.79 B). The systems differ in a small, known set of places: the digraphs for ж х ц ч ш
щ, the glides for й ю я е ё, the signs ь ъ, and diacritics. ``skeleton`` maps each of those
variants onto one letter, so the five spellings above (and the Cyrillic original, through
``to_latin``) all become ``visneveki``. The map is applied to every text, Latin or not, so
both sides of a comparison always go through the same function; it is lossy on purpose and is
only ever used to *compare*, never shown.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...parse.translit import fold_latin, to_latin

# Letters that Unicode does not decompose into a base letter + a combining mark.
_SPECIAL = str.maketrans(
    dict(zip("ßæœøłđðþıʹʺʼ’'`´", ["ss", "ae", "oe", "o", "l", "d", "d", "th", "i"] + [""] * 7, strict=True))
)
# Ordered: longer variants first (щ before ш, ч). Each right side is what every system's
# spelling of that Cyrillic letter collapses to.
_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("shch", "s"), ("shh", "s"), ("sch", "s"),  # щ: BGN/LC/passport, GOST B, German-style
    ("zh", "z"), ("kh", "h"), ("ch", "c"), ("sh", "s"),  # ж х ч ш (ISO 9 ž h č š fold alike)
    ("ts", "c"), ("tc", "c"), ("cz", "c"), ("sc", "s"),  # ц: ts, tc, cz (GOST B); ISO 9 щ šč
    ("ks", "x"), ("w", "v"), ("q", "k"),
)  # fmt: skip
_NON_WORD = re.compile(r"[^a-z0-9]+")
_GLIDE = re.compile(r"[iy]+(?=[aeiouy])")  # я ю е ё as ya/ia/ja/â …: the glide is dropped
_REPEATS = re.compile(r"([a-z])\1+")


@lru_cache(maxsize=200_000)
def skeleton_word(word: str) -> str:
    """One lower-case ASCII word's skeleton (see the module docstring)."""
    for variant, canonical in _DIGRAPHS:
        if variant in word:
            word = word.replace(variant, canonical)
    word = word.replace("j", "i").replace("y", "i")
    word = _REPEATS.sub(r"\1", word)
    word = _GLIDE.sub("", word)
    word = word.replace("c", "k")
    return _REPEATS.sub(r"\1", word)


class _Folding(dict[int, str]):
    """``str.translate`` table built as characters come: each one's lower-case plain Latin
    (``to_latin`` works letter by letter, so a per-letter cache gives the same result)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        value = fold_latin(to_latin(char.translate(_SPECIAL))).lower().translate(_SPECIAL)
        self[code] = value
        return value


_FOLD = _Folding()


def latin_words(text: str) -> list[str]:
    """Lower-case ASCII words of any text: Cyrillic transliterated, diacritics folded."""
    if not text:
        return []
    latin = text.lower() if text.isascii() else text.translate(_FOLD)
    return [w for w in _NON_WORD.split(latin) if w]


def skeleton_words(text: str) -> list[str]:
    """The skeletons of the words of ``text`` (numbers kept as they are)."""
    return [w if w.isdigit() else skeleton_word(w) for w in latin_words(text)]


@lru_cache(maxsize=16_384)
def skeleton(text: str) -> str:
    """``text`` as one space-separated skeleton string: "Вишневецкий И." → "visneveki i".
    Kept for recent texts: journals, publishers and names recur record after record."""
    return " ".join(skeleton_words(text))
