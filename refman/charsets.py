"""Which encoding a text file is in, told from its bytes, or honestly not told.

A byte order mark decides; then UTF-16 without one, then UTF-8. Other bytes are read in each
single-byte code page a Russian or Western bibliography comes in (cp1251, cp1252, KOI8-R,
cp866, Mac Cyrillic, ISO-8859-5) and every reading is scored like a sentence: its Russian
words by how likely each letter pair is (``charsets_ru``, learnt from Russian text), by
case (cp1251 read as KOI8-R swaps capitals and small letters: "Иванов" becomes "иБЮМНБ"),
other words and symbols by how usual they are in a bibliography. The best reading wins
only by a clear margin: a three-letter word such as "МГУ" (cp1251) reads as a word in
KOI8-R too ("лцс"), and then the caller asks for ``--encoding`` instead of guessing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from . import charsets_ru

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
#: Single-byte code pages tried, with a prior in nats (how much rarer files in it are than
#: in cp1251); on equal readings the first wins. Names are ones --encoding accepts.
SINGLE_BYTE: tuple[tuple[str, float], ...] = (
    ("cp1251", 0.0),
    ("cp1252", -0.5),
    ("koi8-r", -2.0),
    ("cp866", -3.0),
    ("iso-8859-5", -5.0),
    ("mac-cyrillic", -6.0),
)
#: The best reading must beat the next by this many nats (odds of about 1,100 to 1).
MARGIN = 7.0
#: A best reading that still costs this much per non-ASCII character is not text.
NOT_TEXT = 9.0
#: What Russian text costs per letter, at most, in a reading taken over valid UTF-8.
_PLAIN = 4.0
_SAMPLE = 65536
_EVIDENCE = 16384
_NOT_ASCII = re.compile(rb"[\x80-\xff]")
#: Costs in nats. Letters of Russian words come from the pair table (about 2.5 each).
_OTHER_CYRILLIC = 5.0  # і, ї, є, ґ, ў: Ukrainian and Belarusian letters
_EAST_SLAVIC = frozenset("іїєґў")
_SOUTH_SLAVIC = 7.0  # ђ, ј, љ, њ, ћ, џ, ѓ, ќ, ѕ: Serbian and Macedonian, rare in our lists
_ACCENTED_IN_LATIN = 2.5  # é in "Études", ü in "Müller"
_ACCENTED_ALONE = 8.0  # a word of accented letters only: "Èâàíîâ" is cp1251 read as cp1252
_AFTER_OTHER = 5.0  # the letter after one of those: the table cannot say
_SCRIPT_SWITCH = 10.0  # per switch between Cyrillic and Latin inside one word
_MIXED_CASE = 3.0  # per letter of "иБЮМНБ"
_ALL_CAPS = 1.0  # per word: "МГУ", "ГОСТ" are common in bibliographies, not the rule
_ABBREVIATION = 2.0  # per word: "СПб", "РАНХиГС", "КомКнига"
_USUAL_MARKS = frozenset("«»„“”‘’–—…№§°\u00a0")
_USUAL_MARK = 3.0
_SYMBOL = 8.0  # printable, but rare in a bibliography: ¤ ¦ † ‰ ™ ±
_ODD = 12.0  # box drawing, C1 controls, replacement characters: not text
_GLUED = 6.0  # a mark stuck to a word on the wrong side
_INITIAL = 3.0  # "И.", "т.": one letter and a period, the commonest word of a bibliography
_INITIALS = frozenset("абвгдеёжзиклмнопрстуфхцчшщэюя")
_ABBREVIATED = 1.5  # for the period after a longer abbreviation, instead of a word's end
_WORD_DOT = re.compile(r"([^\W\d_]+)(\.?)")
_MARK = re.compile(r"(?<=(.))([^\w\x00-\x7f])(?=(.))", re.S)  # not ASCII, not in a word; its neighbours
_SCRIPT_RUN = re.compile(r"[\u0400-\u052f]+|[^\u0400-\u052f]+")


@dataclass(frozen=True, slots=True)
class Guess:
    """The detected encoding, or None with the readings that could not be told apart."""

    encoding: str | None
    rivals: tuple[str, ...] = ()


def detect_encoding(data: bytes) -> str | None:
    """The encoding of ``data``, or None when it cannot be told (see ``guess``)."""
    return guess(data).encoding


def guess(data: bytes) -> Guess:
    """A BOM, UTF-16 without BOM, UTF-8, else the single-byte reading that wins by MARGIN;
    Guess(None) for binary data (NUL bytes, or no reading that looks like text)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Guess(encoding)
    sample = data[:_SAMPLE]
    controls = sum(sample.count(b) for b in (0, 1, 2, 3, 4, 5, 6, 7, 8))
    if len(data) % 2 == 0 and controls * 8 > len(sample):
        utf16 = _utf16_without_bom(sample)
        if utf16 is not None:
            return Guess(utf16)
    if 0 in sample:
        return Guess(None)  # NUL bytes and not UTF-16: binary
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _single_byte(_evidence(data))
    if all(
        ch < "\u0800" or "\u2000" <= ch < "\u2c00" or ch == "\ufeff" for ch in text[:_SAMPLE] if ch >= "\x80"
    ):
        return Guess("utf-8")
    # Valid UTF-8 in other scripts: so are a few cp866 words ("разума" is Samaritan and CJK
    # in UTF-8). A single-byte reading wins only when it reads as plainly as Russian does.
    evidence = _evidence(data)
    single = _single_byte(evidence)
    if single.encoding is not None:
        unlikely = cost(evidence.decode(single.encoding))
        if unlikely <= _PLAIN * sum(1 for byte in evidence if byte >= 0x80):
            return single
    return Guess("utf-8")


def _evidence(data: bytes) -> bytes:
    """The lines that are not plain ASCII, up to _EVIDENCE bytes: where the encoding shows,
    even in a big file whose only Russian entry comes last."""
    if len(data) <= _EVIDENCE:
        return data
    lines = []
    size = position = 0
    while size < _EVIDENCE and (match := _NOT_ASCII.search(data, position)):
        start = data.rfind(b"\n", 0, match.start()) + 1
        end = data.find(b"\n", match.end())
        position = end = len(data) if end < 0 else end
        lines.append(data[start:end])
        size += end - start + 1
    return b"\n".join(lines)[:_EVIDENCE]


def _single_byte(sample: bytes) -> Guess:
    """The single-byte reading that scores best by a clear margin (see module doc)."""
    scored: dict[str, tuple[float, float, str]] = {}
    for encoding, prior in SINGLE_BYTE:
        text = sample.decode(encoding, errors="replace")
        if text not in scored:  # cp1251 and Mac Cyrillic agree on small letters
            unlikely = cost(text)
            scored[text] = (prior - unlikely, unlikely, encoding)
    (best, unlikely, encoding), *rest = sorted(scored.values(), key=lambda scores: -scores[0])
    if unlikely > NOT_TEXT * sum(1 for byte in sample if byte >= 0x80):
        return Guess(None)
    if rest and best - rest[0][0] < MARGIN:
        return Guess(None, (encoding, rest[0][2]))
    return Guess(encoding)


def cost(text: str) -> float:
    """How unlikely ``text`` is as a bibliography, in nats, counting only what is not ASCII."""
    total = 0.0
    for (word, dot), count in Counter(_WORD_DOT.findall(text)).items():
        if not word.isascii():
            total += count * word_cost(word, bool(dot))
    for (before, char, after), count in Counter(_MARK.findall(f" {text} ")).items():
        total += count * _mark_cost(_kind(before), char, _kind(after))
    return total


@cache
def word_cost(word: str, dotted: bool = False) -> float:
    """The cost of one word; ``dotted`` when a period follows (as after an initial).

    A word that switches script ("Домбровскоro", a typo; "Mьller", cp1252 read as cp1251)
    pays for each part and for each switch.
    """
    runs = _SCRIPT_RUN.findall(word)
    if len(runs) > 1:
        return _SCRIPT_SWITCH * (len(runs) - 1) + sum(word_cost(run) for run in runs if not run.isascii())
    if _is_cyrillic(word[0]):
        return _cyrillic_cost(word, dotted)
    accented = [ch for ch in word if ch >= "\x80"]
    unit = _ACCENTED_IN_LATIN if 2 * len(accented) <= len(word) else _ACCENTED_ALONE  # "Äîìáðîâñêî"
    return _case_cost(word) + sum(unit if ch.isalpha() else _mark_cost("L", ch, "L") for ch in accented)


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char < "\u0530"


def _cyrillic_cost(word: str, dotted: bool) -> float:
    """Letter pairs of the small-letter word, boundaries included, and its case pattern."""
    if dotted and len(word) == 1 and word.lower() in _INITIALS:
        return _INITIAL  # "И." an initial, "т." "с." "ч." the commonest abbreviations
    total = _case_cost(word)
    pairs = _pairs()
    previous: int | None = 0
    for ch in word.lower():
        index = _INDEX.get(ch)
        if index is None:
            total += _OTHER_CYRILLIC if ch in _EAST_SLAVIC else _SOUTH_SLAVIC
        elif previous is None:
            total += _AFTER_OTHER  # after a letter the table does not know
        else:
            total += pairs[previous][index]
        previous = index
    if dotted:  # "Бюл.", "изд.": an abbreviation ends where a word does not
        return total + _ABBREVIATED
    return total + (pairs[previous][0] if previous is not None else _AFTER_OTHER / 2)


def _case_cost(word: str) -> float:
    """Small, Capitalised, CAPITALS, abbreviations ("СПб", "РАНХиГС") and CamelCase
    ("КомКнига") are how words are written; a small letter then capitals ("иБЮМНБ", "урВ")
    is what reading cp1251 as KOI8-R, or KOI8-R as cp1251, makes of them."""
    if word.islower() or (word[0].isupper() and word[1:].islower()):
        return 0.0
    if word.isupper():
        return _ALL_CAPS
    if word[0].isupper():
        upper = sum(1 for ch in word if ch.isupper())
        camel = all(
            word[i - 1].islower() and word[i + 1 : i + 2].islower()
            for i in range(1, len(word))
            if word[i].isupper()
        )
        if 2 * upper >= len(word) or camel:
            return _ABBREVIATION
    return _MIXED_CASE * max(len(word), 3)


_INDEX = {ch: i for i, ch in enumerate(charsets_ru.SYMBOLS) if i}


@cache
def _pairs() -> tuple[tuple[float, ...], ...]:
    step = {ch: i / 2 for i, ch in enumerate(charsets_ru.STEPS)}
    return tuple(tuple(step[ch] for ch in row) for row in charsets_ru.COSTS)


@cache
def _kind(char: str) -> str:
    """L a letter, D a digit, S a space, bracket or the edge, P anything else."""
    if char.isalpha():
        return "L"
    if char.isdigit():
        return "D"
    return "S" if char.isspace() or char in '(){}[]<>"' else "P"


@cache
def _mark_cost(before: str, char: str, after: str) -> float:
    """A mark that is not ASCII and not a letter, in its place: a dash glued to one word
    ("—оссюр"), an opening quote after a letter, a sign inside a word ("пр€мой") are what
    a wrong code page makes of letters, not what a bibliography prints."""
    code = ord(char)
    if code < 0xA0 or char == "\ufffd" or 0x2500 <= code < 0x25A0 or 0xE000 <= code < 0xF900:
        return _ODD
    if char not in _USUAL_MARKS:
        return _SYMBOL + (_GLUED if "L" in (before, after) else 0.0)
    glued = 0.0
    if char in "–—":
        if (before, after) == ("L", "L"):
            glued = _GLUED / 2  # "Восток–Запад"
        elif "L" in (before, after):
            glued = _GLUED
    elif char in "«„“‘":
        glued = (_GLUED if before == "L" else 0.0) + (_GLUED / 2 if after in "SP" else 0.0)
    elif char in "»”":
        glued = (_GLUED if after == "L" else 0.0) + (_GLUED / 2 if before == "S" else 0.0)
    elif char == "’":
        glued = _GLUED if before in "SP" and after == "L" else 0.0
    elif char == "\u00a0":  # between words or after "т.": never at the edge of a field
        glued = _GLUED if "S" in (before, after) else _GLUED / 2 if before == after == "L" else 0.0
    elif char == "…":  # "слово…" is written; "…ditions" is "Éditions" read as Mac Cyrillic
        glued = _GLUED if before == after == "L" else _GLUED / 2 if after == "L" else 0.0
    elif "L" in (before, after):  # "№5" and "§ 3" are written, "№а" or "ю°" are not
        glued = _GLUED
    return _USUAL_MARK + glued


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 LE or BE, when one of them reads as ordinary text (Latin, Cyrillic, punctuation)."""
    sample = sample[: len(sample) // 2 * 2]
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            try:  # the sample may end inside a surrogate pair
                text = sample[:-2].decode(encoding)
            except UnicodeDecodeError:
                continue
        usual = sum(1 for ch in text if ch in "\n\r\t" or 0x20 <= ord(ch) < 0x250 or 0x400 <= ord(ch) < 0x530
                    or 0x2000 <= ord(ch) < 0x2070)  # fmt: skip
        if text and usual >= 0.95 * len(text):
            return encoding
    return None
