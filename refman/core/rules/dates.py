"""RM4xx dates: ambiguous readings, mixed conventions, missing, impossible and future dates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ...diagnostics import Severity
from ...model import DATE_VARIABLES, DateValue, Reference
from ...parse.dates import parse_date
from .common import number_of
from .registry import Context, Finding, rule
from .structure import LEGAL, is_website

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
#: How a written pattern orders day and month; ISO and year-only forms are neutral.
ORDER = {
    "DD.MM.YYYY": "day first", "DD/MM/YYYY": "day first", "D Month YYYY": "day first",
    "MM/DD/YYYY": "month first", "Month D, YYYY": "month first",
}  # fmt: skip
#: Date texts that say on purpose that there is no date.
NO_DATE = frozenset({"n.d.", "nd", "б. г.", "б.г.", "forthcoming", "in press", "в печати", "s.a.", "s. a."})


def _dates(ref: Reference) -> Iterator[tuple[str, DateValue]]:
    for var in sorted(DATE_VARIABLES):
        value = ref.get(var)
        if value is not None:
            yield var, value


def _human(parts: list[int]) -> str:
    if len(parts) == 3:
        return f"{parts[2]} {_MONTHS[parts[1] - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def _valid(parts: list[int]) -> bool:
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        return False
    if len(parts) >= 3:
        try:
            date(parts[0] if parts[0] > 0 else 1, parts[1], parts[2])
        except ValueError:
            return False
    return True


@rule("RM401", "ambiguous-date", Severity.WARNING, supersedes=("RM004",))
def ambiguous_date(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A date whose written form fits two readings, with how it was resolved.

    What it checks:
        Dates that a reader marked ambiguous: "02/01/2019" is 1 February (month/day) or
        2 January (day/month). The finding gives the reading taken and the evidence for it
        (another date in the same list that only one convention fits).
    Why it matters:
        The two readings are different dates; a copy editor must confirm the one taken
        against the source. The same check works for CSL-JSON written by refman, which keeps
        how each date was read.
    Example:
        A list with "02/01/2019" and "06/28/2021" fires once, for "02/01/2019"; a list of
        ISO dates never fires.
    Fix safety:
        No fix: the reading is already the best evidence gives; confirm it by hand.
    """
    for var, value in _dates(ref):
        reading = value.reading
        parts = value.parts
        if reading is None or not reading.ambiguous or len(parts) != 3 or not _valid(parts):
            continue
        y, m, d = parts
        other = f"{d} {_MONTHS[m - 1]}" if d > 12 else _human([y, d, m])
        why = f" ({reading.evidence})" if reading.evidence else " (no evidence recorded)"
        yield Finding(
            ref,
            var,
            f"{var} {reading.source!r} is ambiguous: read as {reading.pattern}, {_human(parts)}, "
            f"not {other}{why}",
        )


@rule("RM402", "mixed-date-conventions", Severity.WARNING, scope="list")
def mixed_conventions(refs: list[Reference], ctx: Context) -> Iterator[Finding]:
    """One list that writes some dates day first and others month first.

    What it checks:
        The written forms of all dates in the list (as the readers recorded them):
        "07.09.2022" and "2 March 2022" put the day first, "06/28/2021" and "May 26, 2022"
        the month. One finding for the list, with counts and examples of both.
    Why it matters:
        Mixed conventions are why slash dates become ambiguous, and a list should read one
        way; GOST writes dates day first (DD.MM.YYYY, "28 июня").
    Example:
        A list with "07.09.2022" and "06/28/2021" fires; a list of "DD.MM.YYYY" dates does not.
    Fix safety:
        No fix: the output styles write every date one way; the source text stays as it is.
    """
    seen: dict[str, list[tuple[Reference, str, str]]] = {"day first": [], "month first": []}
    for ref in refs:
        for var, value in _dates(ref):
            order = ORDER.get(value.reading.pattern) if value.reading else None
            if order:
                seen[order].append((ref, var, value.reading.source))  # type: ignore[union-attr]
    if not all(seen.values()):
        return
    minority = min(seen, key=lambda k: (len(seen[k]), k))

    def examples(items: list[tuple[Reference, str, str]]) -> str:
        shown: dict[str, str] = {}  # one example per written pattern
        for ref, _var, source in items:
            pattern = _pattern_of(ref, source)
            number = number_of(ref)
            if pattern not in shown:
                shown[pattern] = f"[{number}] {source}" if number is not None else f"{ref.id}: {source}"
        return ", ".join(list(shown.values())[:3])

    day, month = seen["day first"], seen["month first"]
    first = seen[minority][0][0]
    yield Finding(
        None,
        None,
        f"the list writes dates two ways: day first in {len(day)} ({examples(day)}) and "
        f"month first in {len(month)} ({examples(month)})",
        line=first.origin.line if first.origin else None,
    )


def _pattern_of(ref: Reference, source: str) -> str:
    for _var, value in _dates(ref):
        if value.reading and value.reading.source == source:
            return value.reading.pattern
    return source


@rule("RM403", "missing-date", Severity.WARNING)
def missing_date(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A record without a publication date.

    What it checks:
        `issued` is present. Whole websites are exempt (their start year is optional) and so
        are legal acts (RM108 reports their dates); a date written on purpose as "n.d." or
        "б. г." counts as given.
    Why it matters:
        The year is obligatory in every GOST record and in author-date citations; for news
        items the day and month identify the item.
    Example:
        {"type": "webpage", "title": "Relations between Russia and North Korea"} fires.
    Fix safety:
        No fix: the date must come from the source.
    """
    if ref.issued is None and ref.type not in LEGAL and not is_website(ref):
        yield Finding(ref, "issued", "no publication date")


@rule("RM404", "accessed-before-issued", Severity.WARNING)
def accessed_before_issued(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """An access date earlier than the publication date.

    What it checks:
        `accessed` is not before `issued`, compared at the precision both have.
    Why it matters:
        Nobody reads a page before it is published: one of the two dates is wrong (often a
        day/month swap).
    Example:
        issued 2022-08-23, accessed 2022-08-19 fires.
    Fix safety:
        No fix.
    """
    if ref.issued is None or ref.accessed is None:
        return
    issued, accessed = ref.issued.parts, ref.accessed.parts
    n = min(len(issued), len(accessed))
    if n and accessed[:n] < issued[:n] and _valid(issued) and _valid(accessed):
        yield Finding(ref, "accessed",
                      f"accessed {_human(accessed)} is before the publication date {_human(issued)}")  # fmt: skip


@rule("RM405", "future-date", Severity.WARNING)
def future_date(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A date later than today.

    What it checks:
        Every date of the record (publication, access, event…) against today's date, at
        the date's own precision. Records with status "forthcoming" or "in press" may have
        a future publication date.
    Why it matters:
        An access date cannot be in the future, and a future publication date is usually a
        typo or a swapped day and month.
    Example:
        "accessed": {"date-parts": [[2099, 1, 1]]} fires.
    Fix safety:
        No fix.
    """
    today = [ctx.today.year, ctx.today.month, ctx.today.day]
    forthcoming = (ref.status or "").lower() in {"forthcoming", "in press", "в печати"}
    for var, value in _dates(ref):
        parts = value.parts
        if not parts or not _valid(parts) or (forthcoming and var == "issued"):
            continue
        if parts > today[: len(parts)]:
            yield Finding(ref, var, f"{var} {_human(parts)} is in the future")


@rule("RM406", "unreadable-date", Severity.WARNING)
def unreadable_date(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A date given as text that could not be read as a date.

    What it checks:
        Dates with `raw` or `literal` text but no year that refman could read. "n.d.",
        "б. г.", "forthcoming" and "in press" are deliberate and do not fire.
    Why it matters:
        Styles cannot sort, format or abbreviate a date they cannot read; it is printed as
        is, or dropped.
    Example:
        {"issued": {"raw": "spring of 20201"}} fires; {"issued": {"raw": "2020-03-04"}} does not.
    Fix safety:
        No fix.
    """
    for var, value in _dates(ref):
        text = (value.raw or value.literal or "").strip()
        if text and not value.parts and text.lower() not in NO_DATE and parse_date(text) is None:
            yield Finding(ref, var, f"{var} {text!r} could not be read as a date")


@rule("RM407", "impossible-date", Severity.ERROR)
def impossible_date(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A date that does not exist: month 13, 30 February, day 32.

    What it checks:
        The month and day of every date-parts value against the calendar.
    Why it matters:
        Such a date is a typo or a day/month swap; processors reject or misprint it.
    Example:
        {"issued": {"date-parts": [[2021, 2, 30]]}} fires.
    Fix safety:
        No fix.
    """
    for var, value in _dates(ref):
        parts = value.parts
        if parts and not _valid(parts):
            shown = "-".join(str(p) for p in parts)
            yield Finding(ref, var, f"{var} {shown} is not a real date")
