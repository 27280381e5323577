"""Dates as lists write them, read into CSL parts with a record of how they were read.

Forms: ISO "2022-09-07"; "07.09.2022" (day.month, the Russian and European order);
"06/28/2021" (slash: month/day in American usage, day/month elsewhere: ambiguous unless a
field is over 12); "May 26, 2022"; "2 March 2022"; "26 мая 2022"; "March 2022"; "2022".
A slash date whose fields are both ≤ 12 is *ambiguous*: ``parse_date`` takes a convention
from the caller (decided from evidence in the same document) and marks the reading ambiguous
with that evidence; it never picks one silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import DateReading, DateValue

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan янв январь января",
        "february feb фев февр февраль февраля",
        "march mar мар март марта",
        "april apr апр апрель апреля",
        "may май мая",
        "june jun июн июнь июня",
        "july jul июл июль июля",
        "august aug авг август августа",
        "september sep sept сен сент сентябрь сентября",
        "october oct окт октябрь октября",
        "november nov ноя нояб ноябрь ноября",
        "december dec дек декабрь декабря",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
DOTTED = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])")
SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
MONTH_DAY_YEAR = re.compile(rf"(?<![\w])({_MONTH_RE})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})(?!\d)", re.IGNORECASE)
DAY_MONTH_YEAR = re.compile(rf"(?<![\w\d])(\d{{1,2}})\s+({_MONTH_RE})\.?,?\s+(\d{{4}})(?!\d)", re.IGNORECASE)
MONTH_YEAR = re.compile(rf"(?<![\w])({_MONTH_RE})\.?\s+(\d{{4}})(?!\d)", re.IGNORECASE)
YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")

#: Slash conventions: month/day (US) or day/month.
MDY = "MM/DD/YYYY"
DMY = "DD/MM/YYYY"


@dataclass(frozen=True, slots=True)
class Found:
    """A date found in text: where, its value, and whether its slash form was ambiguous."""

    start: int
    end: int
    value: DateValue
    slash: tuple[int, int] | None = None  # the two leading fields of a slash date


def _valid(year: int, month: int, day: int) -> bool:
    if not (1 <= month <= 12 and day >= 1):  # the month's own length caps the day
        return False
    days = (
        31,
        29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    )
    return day <= days[month - 1]


def _value(
    text: str, pattern: str, parts: list[int], ambiguous: bool = False, evidence: str | None = None
) -> DateValue:
    reading = DateReading(source=text, pattern=pattern, ambiguous=ambiguous, evidence=evidence)
    return DateValue(date_parts=[parts], raw=text, reading=reading)


def slash_reading(first: int, second: int) -> str | None:
    """What one slash date proves by itself: MDY if the second field is over 12, DMY if the
    first is, None if both fields fit either (ambiguous)."""
    if second > 12 >= first:
        return MDY
    if first > 12 >= second:
        return DMY
    return None


def find_dates(text: str, convention: str | None = None, evidence: str | None = None) -> list[Found]:
    """Every date in ``text``, left to right. Ambiguous slash dates are read with
    ``convention`` (and marked ambiguous with ``evidence``); without one they are skipped."""
    found: list[Found] = []
    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in taken)

    def add(m: re.Match[str], value: DateValue, slash: tuple[int, int] | None = None) -> None:
        taken.append((m.start(), m.end()))
        found.append(Found(m.start(), m.end(), value, slash))

    for m in ISO.finditer(text):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        if _valid(y, mo, d):
            add(m, _value(m[0], "YYYY-MM-DD", [y, mo, d]))
    for m in DOTTED.finditer(text):
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
        if free(m) and _valid(y, mo, d):
            add(m, _value(m[0], "DD.MM.YYYY", [y, mo, d]))
    for m in SLASHED.finditer(text):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        proven = slash_reading(a, b)
        if proven is not None:
            mo, d = (a, b) if proven == MDY else (b, a)
            if _valid(y, mo, d):
                add(m, _value(m[0], proven, [y, mo, d]), (a, b))
        elif convention is not None:
            mo, d = (a, b) if convention == MDY else (b, a)
            if _valid(y, mo, d):
                add(m, _value(m[0], convention, [y, mo, d], a != b, evidence if a != b else None), (a, b))
    for m in MONTH_DAY_YEAR.finditer(text):
        mo, d, y = MONTHS[m[1].lower()], int(m[2]), int(m[3])
        if free(m) and _valid(y, mo, d):
            add(m, _value(m[0], "Month D, YYYY", [y, mo, d]))
    for m in DAY_MONTH_YEAR.finditer(text):
        d, mo, y = int(m[1]), MONTHS[m[2].lower()], int(m[3])
        if free(m) and _valid(y, mo, d):
            add(m, _value(m[0], "D Month YYYY", [y, mo, d]))
    for m in MONTH_YEAR.finditer(text):
        if free(m):
            add(m, _value(m[0], "Month YYYY", [int(m[2]), MONTHS[m[1].lower()]]))
    found.sort(key=lambda f: f.start)
    return found


def parse_date(text: str, convention: str | None = None, evidence: str | None = None) -> DateValue | None:
    """The date that ``text`` is (not merely contains), or None."""
    stripped = text.strip().rstrip(".")
    if YEAR.match(stripped):
        return _value(stripped, "YYYY", [int(stripped)])
    for found in find_dates(stripped, convention, evidence):
        if found.start == 0 and found.end == len(stripped):
            return found.value
    return None


@dataclass(frozen=True, slots=True)
class SlashConvention:
    """The slash convention a document proves: MDY, DMY, or None (no evidence, or conflict)."""

    convention: str | None
    evidence: str | None = None  # e.g. "month/day: refs 7, 13 have a second field over 12 (…)"
    conflict: bool = False  # some dates prove month/day and others day/month


def _cite(label: str, hits: list[tuple[str, str]], why: str) -> str:
    names = ", ".join(dict.fromkeys(item for item, _ in hits))
    shown = ", ".join(raw for _, raw in hits[:3]) + (" …" if len(hits) > 3 else "")
    noun = "refs" if len({item for item, _ in hits}) > 1 else "ref"
    return f"{label}: {noun} {names} {'have' if noun == 'refs' else 'has'} {why} ({shown})"


def infer_slash_convention(items: list[tuple[str, str]]) -> SlashConvention:
    """Decide how a document writes slash dates from the ones that prove it.

    ``items`` are (label, text) pairs, e.g. ("7", "Zainullin E. … 06/28/2021. …"). A slash date
    whose second field is over 12 can only be month/day; one whose first field is over 12 can
    only be day/month. One kind of proof decides; both kinds, or none, decide nothing."""
    mdy: list[tuple[str, str]] = []
    dmy: list[tuple[str, str]] = []
    for label, text in items:
        for m in SLASHED.finditer(text):
            proven = slash_reading(int(m[1]), int(m[2]))
            if proven == MDY:
                mdy.append((label, m[0]))
            elif proven == DMY:
                dmy.append((label, m[0]))
    if mdy and not dmy:
        return SlashConvention(MDY, _cite("month/day", mdy, "a second field over 12"))
    if dmy and not mdy:
        return SlashConvention(DMY, _cite("day/month", dmy, "a first field over 12"))
    if mdy and dmy:
        evidence = (
            _cite("month/day", mdy, "a second field over 12")
            + "; but "
            + _cite("day/month", dmy, "a first field over 12")
        )
        return SlashConvention(None, evidence, conflict=True)
    return SlashConvention(None)


def ambiguous_slash(text: str) -> bool:
    """Whether ``text`` is a slash date that either convention reads, as different dates."""
    m = SLASHED.fullmatch(text.strip().rstrip("."))
    return m is not None and slash_reading(int(m[1]), int(m[2])) is None and m[1] != m[2]


def unread_slash(text: str) -> DateValue:
    """An ambiguous slash date kept unread: the raw text and why, no parts (never guessed)."""
    raw = text.strip().rstrip(".")
    reading = DateReading(source=raw, pattern=f"{MDY} or {DMY}", ambiguous=True, evidence=None)
    return DateValue(raw=raw, reading=reading)
