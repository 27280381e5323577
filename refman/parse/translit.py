"""Cyrillic → Latin transliteration for citation keys and matching.

Keys use one readable system (BGN/PCGN-like: ж zh, х kh, ц ts, ш sh, щ shch, ю yu, я ya),
because a key is typed by people. Matching code that must recognise other systems
(GOST 7.79 B, ISO 9, LC, passport spellings) builds on ``fold_latin`` rather than on this.
"""

from __future__ import annotations

import unicodedata

_BGN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
}  # fmt: skip
_TABLE = {ord(k): v for k, v in _BGN.items()}
_TABLE.update({ord(k.upper()): v.capitalize() for k, v in _BGN.items() if k.upper() != k})


def fold_latin(text: str) -> str:
    """Latin letters without diacritics: "Višneveckij" → "Visneveckij", "Müller" → "Muller"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def to_latin(text: str) -> str:
    """Cyrillic transliterated (BGN/PCGN-like), other letters folded to plain Latin."""
    return fold_latin(text.translate(_TABLE))
