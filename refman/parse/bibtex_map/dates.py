"""The date converters: biblatex's EDTF ``date`` fields and BibTeX's ``year``/``month``/``day``.

biblatex writes every date as one ISO 8601/EDTF field (§2.3.8); BibTeX splits ``issued`` over
three fields, ``month`` as a macro (``jan``) or a season word. What is no date at all
("May/June", "??") stays in ``unmapped`` as written, so nothing is guessed and nothing lost.
"""

from __future__ import annotations

from ...model import DateValue
from ..bibtex_fields import (
    MONTHS,
    SEASON_NAMES,
    SEASONS,
    format_edtf,
    month_number,
    parse_edtf,
    season_number,
)
from ..dates import parse_date
from ..latex import escape, to_unicode
from .biblatex import issued_to_write
from .context import Reading, Writing

#: The fields that make up ``issued`` in BibTeX (read after the rest, as one date).
DATE_PARTS = ("year", "month", "day")


def read_date(text: str) -> DateValue:
    """A biblatex date field; what is not EDTF is kept raw (with the parts a parser found)."""
    value = parse_edtf(text)
    if value is not None:
        return value
    parsed = parse_date(text)
    out = DateValue(raw=text)
    if parsed is not None and parsed.parts:
        out.parsed_parts = [list(parsed.parts)]
    return out


def read_issued(entry: Reading) -> None:
    """``issued`` from year, month and day unless a ``date`` gave it (then they are kept)."""
    fields = entry.fields
    if "year" in fields and "issued" not in entry.data:
        entry.data["issued"] = _from_parts(fields, entry.unmapped)
        return
    for field in DATE_PARTS:
        if field in fields:
            entry.keep(field)


def _from_parts(fields: dict[str, str], unmapped: dict[str, object]) -> DateValue:
    """A month or day that is not one number or name ("Winter" becomes the season; "May/June",
    "??") stays in ``unmapped`` as written."""
    text_year = to_unicode(fields["year"])
    month = to_unicode(fields["month"]) if "month" in fields else ""
    day = to_unicode(fields["day"]) if "day" in fields else ""
    if not text_year.lstrip("-").isdigit():
        parsed = parse_date(text_year)
        for name, value in (("month", month), ("day", day)):
            if value:
                unmapped[name] = value
        return parsed if parsed is not None else DateValue(literal=text_year)
    parts: list[int | str] = [int(text_year)]
    season = SEASONS.get(month.strip().lower().rstrip(".")) if month else None
    number = month_number(month) if month else None
    if number:
        parts.append(number)
    elif month and not season:
        unmapped["month"] = month
    if day and number and day.isdigit() and 1 <= int(day) <= 31:
        parts.append(int(day))
    elif day:
        unmapped["day"] = day
    return DateValue(date_parts=[parts], season=season)


def date_fields(field: str, value: DateValue, dialect: str) -> list[tuple[str, str, bool]]:
    """One date as fields: EDTF in biblatex (and for every date but ``issued`` in BibTeX);
    ``issued`` in BibTeX as year, month macro (or season word) and day where it can be."""
    edtf = format_edtf(value)
    text = value.literal or value.raw
    if field != "date" or dialect == "biblatex":
        if edtf:
            return [(field, edtf, False)]
        return [("year" if field == "date" else field, escape(text), False)] if text else []
    parts = value.parts
    if edtf and "/" not in edtf and not value.circa and parts:
        out = [("year", str(parts[0]), False)]
        if len(parts) > 1:
            out.append(("month", MONTHS[parts[1] - 1], True))
        elif season := season_number(value.season):
            out.append(("month", SEASON_NAMES[season - 1], False))
        if len(parts) > 2:
            out.append(("day", str(parts[2]), False))
        return out
    return [("date", edtf, False)] if edtf else ([("year", escape(text), False)] if text else [])


def write_issued(out: Writing) -> None:
    issued = issued_to_write(out)
    if issued:
        out.out.extend(date_fields("date", issued, out.dialect))
