"""The free-text reader's invariant: no text of a list item goes nowhere.

Every word of an item (a run of letters or digits; case is not compared) must be found in a
field of the reference read from it (a CSL variable, a name, a date's text, ``unmapped``),
each occurrence of it in one place, or be one of the prescribed words that a list writes
around the data and the reader removes (``PRESCRIBED``): the labels of locators and
identifiers ("Т.", "Vol.", "№", "pp.", "С.", "DOI", "ISBN", "URL:", "Режим доступа:"), the
words of an access date ("дата обращения", "accessed"), "et al." and "[и др.]", "[сайт]",
an edition's "-е изд." and "ed.", a year's "г.", the "с."/"p." of a page count. Punctuation
and the item's number are the list's, not data. ``unplaced`` gives the spans of text that
break it; the reader keeps them in ``unmapped["unparsed"]`` and says so (RM002).

A word counts as placed inside an identifier (URL, DOI, ISBN, ISSN) as well, which the reader
may rewrite ("978 5 02…" → "978502…").
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ...model import DateValue, Name, Reference

#: A word: a run of digits or a run of letters ("2nd" is "2" and "nd", "149-ФЗ" is "149", "ФЗ").
_WORD = re.compile(r"\d+|[^\W\d_]+")
_LABEL = r"Т|Том|Vol|Volume|V|Bd|No|Nо|Iss|Issue|Вып|Nr|N|С|pp|P|S|стр|Ст|Art|Ч|Part"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_AFTER_NUMBER = r"(?:(?<=\d)|(?<=\d[\s-]))"
#: What a list writes around the data, matched where a word starts: the words of a match are
#: placed even if no field holds them. Labels count only before a number ("P. 12", not the
#: initial "P."); the rest are phrases that say nothing but what the field they mark holds.
PRESCRIBED = re.compile(
    rf"(?<![^\W\d_])(?:{_LABEL})\.?\s*(?=\d)"  # Т. 1, Vol. 2, pp. 3, С. 45
    rf"|{_AFTER_NUMBER}(?:с|p|pp|pages|стр|л|s)\.?(?![^\W\d_])"  # 300 с., 250 p.
    rf"|{_AFTER_NUMBER}(?:е|e|st|nd|rd|th)(?![^\W\d_])\s*(?:изд|ed|edition)?\.?"  # 2-е изд., 2nd ed.
    r"|(?:изд|ed|edition)\."
    rf"|{_AFTER_NUMBER}гг?\."  # 2019 г.
    r"|(?:URL|Режим\s+доступа|Available\s+(?:at|from)|Access\s+mode)\s*:"
    r"|DOI\b\s*:?|https?://(?:dx\.)?doi\.org/(?=10\.)|ISBN(?:-1[03])?\b|ISSN\b"
    r"|(?:date\s+)?(?:accessed(?:\s+on)?|access(?:ed)?\s+date|date\s+of\s+access|retrieved|viewed|"
    r"дата\s+обращения|дата\s+доступа|обращение)\b"
    r"|et\s+al\b\.?|и\s+др\b\.?"  # et al., [и др.]
    r"|(?<=\[)(?:сайт|site|website|веб-сайт)(?=\])"  # [сайт]
    rf"|(?:от|of|from|dated)\s+(?=\d|(?:{_MONTHS})\b)",  # a legal act's "от 14.10.2017"
    re.IGNORECASE,
)
#: The words a prescribed phrase can start with (case folded): only there is it tried.
_FIRST_WORDS = frozenset(
    "т том vol volume v bd no nо iss issue вып nr n с pp p s стр ст art ч part pages л е e st nd rd th "
    "изд ed edition г гг url режим available access doi https http isbn issn date accessed retrieved "
    "viewed дата обращение et и сайт site website веб от of from dated".split()
)
_IDENTIFIERS = ("URL", "DOI", "ISBN", "ISSN")
#: Fields that do not come from the item's text (a reading's evidence cites other items).
_NOT_TEXT = frozenset({"id", "type", "language", "origin"})


def unplaced(text: str, ref: Reference) -> list[str]:
    """The spans of ``text`` whose words no field of ``ref`` holds (in order); [] if none."""
    held = Counter(w.casefold() for w in _WORD.findall(" ".join(_texts(ref))))
    if not Counter(w.casefold() for w in _WORD.findall(text)) - held:
        return []  # every word is in a field: nothing to look at more closely
    words = [(m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(text)]
    marked = _marked(text, words)
    identifiers = " ".join(str(ref.get(var) or "") for var in _IDENTIFIERS).casefold()
    left = []
    for index, (_start, _end, word) in enumerate(words):
        if marked[index]:
            continue  # prescribed: needs no field (and takes none from a word that does)
        if held[word] > 0:
            held[word] -= 1
        elif word not in identifiers:
            left.append(index)
    return _spans(text, words, left, marked)


def _texts(ref: Reference) -> list[str]:
    """Every text and number a reference holds: names, dates' texts, ``unmapped`` included."""
    out: list[str] = []
    stack: list[Any] = [v for k, v in ref.__dict__.items() if v is not None and k not in _NOT_TEXT]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, Name):
            out.extend(p for p in (value.family, value.given, value.literal, value.suffix,
                                   value.dropping_particle, value.non_dropping_particle) if p)  # fmt: skip
        elif isinstance(value, DateValue):  # a date's text once (its raw and its reading's source agree)
            source = value.reading.source if value.reading is not None else None
            out.extend({str(p) for p in (value.raw, source, value.literal, value.season) if p})
            if value.date_parts and not (value.raw or source):
                out.extend(str(p) for parts in value.date_parts for p in parts)
        elif isinstance(value, int) and not isinstance(value, bool):
            out.append(str(value))
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list | tuple):
            stack.extend(value)
    return out


def _marked(text: str, words: list[tuple[int, int, str]]) -> list[bool]:
    """For each word: whether it is inside a prescribed phrase (tried where one may start)."""
    marked = [False] * len(words)
    reach = -1
    for index, (start, _end, word) in enumerate(words):
        if start < reach:
            marked[index] = True
        elif word in _FIRST_WORDS and (match := PRESCRIBED.match(text, start)) is not None:
            marked[index], reach = True, match.end()
    return marked


def _spans(text: str, words: list[tuple[int, int, str]], left: list[int], marked: list[bool]) -> list[str]:
    """Runs of unplaced words as the text has them, each with the label just before it
    ("P. 2-3", not "2-3")."""
    spans: list[tuple[int, int]] = []
    for index in left:
        start, end, _ = words[index]
        while index > 0 and marked[index - 1] and (not spans or words[index - 1][1] > spans[-1][1]):
            index -= 1
            start = words[index][0]
        if spans and start >= spans[-1][1] and not _WORD.search(text[spans[-1][1] : start]):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return [text[a:b] for a, b in spans]
