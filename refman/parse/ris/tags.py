"""RIS tags and types as data, shared by the RIS reader and writer (which never import each other).

Sources: the RIS format specification of Research Information Systems (RefMan, 2001 tag list
and the 2011 per-type tables) and what common tools write (Zotero, EndNote, Mendeley,
publisher exports such as ScienceDirect and Springer).

Dates: ``PY``/``Y1`` is the primary (publication) date, ``DA`` the full date (2011 spec);
both are written "YYYY/MM/DD/other info". ``Y2`` is "Date Secondary" in the 2001 spec and
"Access Date" in the 2011 per-type tables; Zotero, EndNote and Mendeley write the access
date there, so refman reads ``Y2`` as ``accessed`` and writes ``accessed`` as ``Y2``. It is
never read as the publication date, whatever else the record lacks.
"""

from __future__ import annotations

import re

from ...model import DateValue, Name
from ..names import parse_person
from .table import JOINED_TAGS, NAME_TAGS, TEXT_TAGS, WRITE_TAG

__all__ = ["JOINED_TAGS", "NAME_TAGS", "TEXT_TAGS", "WRITE_TAG"]

#: A tag line: two characters (upper-case letter, then letter or digit), spaces, a hyphen.
#: The spec says exactly two spaces and one after the hyphen; real files vary, so any
#: run of spaces/tabs is accepted (bounded: the pattern stays linear).
TAG_LINE = re.compile(r"^([A-Z][A-Z0-9])[ \t]{1,4}-(?:[ \t]|$)(.*)$")

#: A tag name as the spec defines it: an upper-case letter, then an upper-case letter or digit.
TAG = re.compile(r"[A-Z][A-Z0-9]")
#: Tags whose values keep their line breaks, written as continuation lines (the spec allows
#: it; Zotero writes multi-paragraph abstracts and notes so and reads them back with their
#: line breaks). Every other value is one line.
LONG_TAGS = frozenset({"AB", "N1"})
#: What ends a line for some reader: LF, CR (refman's decoder and Zotero read a lone CR as a
#: line end), VT, FF, FS/GS/RS/US and NEL (``str.splitlines``), U+2028/2029 (Zotero turns
#: them into spaces). Other C0 controls are here too: they are never text, and NUL makes a
#: file look binary. No value is written with any of them.
_BREAK = re.compile(r"\r\n|[\x00-\x08\x0a-\x1f\x85\u2028\u2029]")
#: A continuation line that some reader could take for a tag line: lenient readers strip
#: the line and ignore case. Such a line is joined to the line before it with a space.
_TAG_LIKE = re.compile(r"\s*[A-Za-z][A-Za-z0-9](?:[ \t]+-|-(?:[ \t]|$))")

#: RIS type → CSL type, for reading. Every type of the 2011 specification is listed.
RIS_TO_CSL: dict[str, str] = {
    "ABST": "article-journal", "ADVS": "motion_picture", "AGGR": "dataset",
    "ANCIENT": "classic", "ART": "graphic", "BILL": "bill", "BLOG": "post-weblog",
    "BOOK": "book", "CASE": "legal_case", "CHAP": "chapter", "CHART": "figure",
    "CLSWK": "classic", "COMP": "software", "CONF": "paper-conference",
    "CPAPER": "paper-conference", "CTLG": "book", "DATA": "dataset", "DBASE": "dataset",
    "DICT": "entry-dictionary", "EBOOK": "book", "ECHAP": "chapter", "EDBOOK": "book",
    "EJOUR": "article-journal", "ELEC": "webpage", "ENCYC": "entry-encyclopedia",
    "EQUA": "document", "FIGURE": "figure", "GEN": "document", "GOVDOC": "report",
    "GRANT": "document", "HEAR": "hearing", "ICOMM": "personal_communication",
    "INPR": "article-journal", "JFULL": "periodical", "JOUR": "article-journal",
    "LEGAL": "regulation", "MANSCPT": "manuscript", "MAP": "map", "MGZN": "article-magazine",
    "MPCT": "motion_picture", "MULTI": "post", "MUSIC": "musical_score",
    "NEWS": "article-newspaper", "PAMP": "pamphlet", "PAT": "patent",
    "PCOMM": "personal_communication", "RPRT": "report", "SER": "periodical",
    "SLIDE": "speech", "SOUND": "song", "STAND": "standard", "STAT": "legislation",
    "THES": "thesis", "UNBILL": "bill", "UNPB": "manuscript", "VIDEO": "motion_picture",
}  # fmt: skip

#: CSL type → RIS type, for writing: the usual choice for every CSL 1.0.2 type.
CSL_TO_RIS: dict[str, str] = {
    "article": "GEN", "article-journal": "JOUR", "article-magazine": "MGZN",
    "article-newspaper": "NEWS", "bill": "BILL", "book": "BOOK", "broadcast": "MPCT",
    "chapter": "CHAP", "classic": "CLSWK", "collection": "EDBOOK", "dataset": "DATA",
    "document": "GEN", "entry": "GEN", "entry-dictionary": "DICT",
    "entry-encyclopedia": "ENCYC", "event": "GEN", "figure": "FIGURE", "graphic": "ART",
    "hearing": "HEAR", "interview": "PCOMM", "legal_case": "CASE", "legislation": "STAT",
    "manuscript": "MANSCPT", "map": "MAP", "motion_picture": "MPCT",
    "musical_score": "MUSIC", "pamphlet": "PAMP", "paper-conference": "CONF",
    "patent": "PAT", "performance": "GEN", "periodical": "JFULL",
    "personal_communication": "PCOMM", "post": "BLOG", "post-weblog": "BLOG",
    "regulation": "LEGAL", "report": "RPRT", "review": "JOUR", "review-book": "JOUR",
    "software": "COMP", "song": "SOUND", "speech": "SLIDE", "standard": "STAND",
    "thesis": "THES", "treaty": "GEN", "webpage": "ELEC",
}  # fmt: skip

# Which tag is which CSL variable: the two-way table in ``parse.ris.table``.

#: Date tags. ``Y2`` is the access date (see the module docstring).
ISSUED_TAGS = ("PY", "Y1", "DA")
ACCESSED_TAG = "Y2"
ISSUED_OR_ACCESSED = {**dict.fromkeys(ISSUED_TAGS, "issued"), ACCESSED_TAG: "accessed"}

#: Book-like RIS types, whose SN is an ISBN and whose BT is the title itself.
WHOLE_BOOK_TYPES = frozenset({"BOOK", "EBOOK", "EDBOOK", "CTLG", "ANCIENT", "CLSWK", "PAMP"})
#: Types whose SN is a report, patent, standard or bill number rather than an ISBN/ISSN.
NUMBERED_TYPES = frozenset({"RPRT", "PAT", "STAND", "BILL", "UNBILL", "STAT", "LEGAL", "GOVDOC"})

ISSN_RE = re.compile(r"^\d{4}-?\d{3}[\dXx]$")
ISBN_RE = re.compile(r"^(?:97[89][- ]?)?(?:\d[- ]?){9}[\dXx]$")

_RIS_DATE = re.compile(r"^(\d{1,4})?/(\d{1,2})?/?(\d{1,2})?/?(.*)$")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.+Z-]*)?$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        ("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
         "august aug", "september sep sept", "october oct", "november nov", "december dec"),
        start=1,
    )
    for name in names.split()
}  # fmt: skip


def parse_ris_date(text: str) -> tuple[list[int], str]:
    """Date parts and "other info" of a RIS date value: "2004/05/01/", "1998///Spring",
    "2012/09/01", "2020-05-12", "2020", "July" (month only: the year comes from PY).

    Parts are [] when no number could be read; the other info is returned as given.
    """
    text = text.strip()
    match = _ISO_DATE.match(text)
    if match:
        return _valid_parts(match.group(1), match.group(2), match.group(3)), ""
    match = _RIS_DATE.match(text)
    if match and "/" in text:
        return _valid_parts(match.group(1), match.group(2), match.group(3)), match.group(4).strip()
    if text.isdecimal() and len(text) <= 4:
        return [int(text)], ""
    month = _MONTHS.get(text.lower().rstrip("."))
    if month is not None:
        return [0, month], ""
    return [], text


def _valid_parts(year: str | None, month: str | None, day: str | None) -> list[int]:
    if not year:
        return []
    parts = [int(year)]
    if month and 1 <= int(month) <= 12:
        parts.append(int(month))
        if day and 1 <= int(day) <= 31:
            parts.append(int(day))
    return parts


def format_ris_date(parts: list[int], other: str = "") -> str:
    """Parts as the spec writes them: "2004/05/01/", "2004/05//", "1998///Spring"."""
    fields = [f"{parts[0]:04d}" if parts else ""]
    fields += [f"{p:02d}" for p in parts[1:3]]
    fields += [""] * (3 - len(fields))
    return "/".join(fields) + "/" + other


def page_lines(page: str) -> list[tuple[str, str]]:
    """The tags a page is written with by default: SP/EP for "379-423" (what Zotero and
    EndNote write); SP alone for one page, an odd form, or a range with another dash
    ("45–67", kept as written: SP/EP would give it back with a hyphen)."""
    first, last = split_pages(page)
    if last is None or page.strip() != f"{first}-{last}":
        return [("SP", page)]
    return [("SP", first), ("EP", last)]


def split_pages(page: str) -> tuple[str, str | None]:
    """ "379-423" → ("379", "423"); a single page or an odd form stays whole in SP."""
    for dash in ("--", "-", "–", "—"):
        first, sep, last = page.partition(dash)
        if sep and first.strip() and last.strip() and dash not in last:
            return first.strip(), last.strip()
    return page, None


def fold(text: str) -> str:
    """A value as one line: each line break (and control character), with the spaces and
    tabs around it, becomes one space. RIS has no escapes; this is what keeps a value from
    starting a tag or a record of its own."""
    pieces = _BREAK.split(text)
    if len(pieces) == 1:
        return text
    return " ".join(p for p in (piece.strip(" \t") for piece in pieces) if p)


def long_lines(text: str) -> list[str]:
    """A long value (``LONG_TAGS``) as the lines it is written on: one per line of the value,
    except that a line looking like a tag line is joined to the text before it."""
    out: list[str] = []
    for line in _BREAK.split(text):
        if out and _TAG_LIKE.match(line):
            while len(out) > 1 and not out[-1].strip():
                out.pop()
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
    return out


def continue_value(value: str, line: str, blanks: int) -> str:
    """A value with a continuation line added (``blanks`` blank lines came between)."""
    return value + "\n" * (blanks + 1) + line if value else line.strip()


def reread(lines: list[str]) -> str:
    """What the reader makes of a value written on ``lines``: the first stripped, later lines
    without trailing spaces, runs of blank lines kept (the writer checks its output with it)."""
    value, blanks = lines[0].strip(), 0
    for raw in lines[1:]:
        line = raw.rstrip()
        if not line.strip():
            blanks += 1
            continue
        value, blanks = continue_value(value, line, blanks), 0
    return value


def name_text(person: Name) -> str:
    """A name as the spec writes it: "Family, Given[, Suffix]"; an institution as it is."""
    if person.family is None:
        return person.literal or person.given or ""
    family = " ".join(p for p in (person.non_dropping_particle, person.family) if p)
    given = " ".join(p for p in (person.given, person.dropping_particle) if p)
    parts = [family, given] if given or person.suffix else [family]
    if person.suffix:
        parts.append(person.suffix)
    return ", ".join(parts)


def read_name(value: str) -> Name:
    """ "Family, Given[, Suffix]" as the spec writes names; else a list-style name or literal."""
    if "," in value:
        family, _, rest = value.partition(",")
        given, _, suffix = rest.partition(",")
        if family.strip():
            return Name(family=family.strip(), given=given.strip() or None, suffix=suffix.strip() or None)
    person = parse_person(value) if len(value) < 200 else None
    return person if person is not None else Name(literal=value)


def serial_variable(value: str, ris_type: str) -> str:
    """The variable an SN value is read into: by its pattern, else by the record's type."""
    compact = value.strip()
    if ISSN_RE.match(compact):
        return "ISSN"
    if ISBN_RE.match(compact):
        return "ISBN"
    if ris_type in NUMBERED_TYPES:
        return "number"
    return "ISBN" if ris_type in WHOLE_BOOK_TYPES or ris_type == "CHAP" else "ISSN"


_SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})


def read_date(value: str, year_from: list[int]) -> DateValue:
    """A date tag's value as a CSL date; a month-only value takes the year of ``year_from``."""
    parts, other = parse_ris_date(value)
    if parts[:1] == [0] and year_from:
        parts = [year_from[0], *parts[1:]]
    if not parts or parts[0] <= 0:
        return DateValue(raw=value)
    date = DateValue(date_parts=[list(parts)])
    if other.lower() in _SEASONS:
        date.season = other
    return date


def pick_issued(values: list[str]) -> tuple[DateValue | None, list[str]]:
    """The publication date that PY/Y1/DA values (in order) give, and what became of each:
    "used", "extra" (empty, or less than a date already read) or "disagrees" (another year).
    The most specific value agreeing on the year wins; a month alone ("DA  - July") takes the
    year of the first value that has one, before or after it."""
    best: DateValue | None = None
    fates: list[str] = []
    anchor = next((parts for v in values if v and (parts := read_date(v, []).parts)), [])  # parts: a year > 0
    for value in values:
        if not value:
            fates.append("extra")
            continue
        candidate = read_date(value, best.parts if best is not None and best.parts else anchor)
        if best is None:
            best = candidate
        elif not candidate.parts or not best.parts:
            if best.parts or not candidate.parts:
                fates.append("extra")
                continue
            best = candidate
        elif candidate.parts[0] != best.parts[0]:
            fates.append("disagrees")
            continue
        elif len(candidate.parts) > len(best.parts):
            best = candidate
        fates.append("used")
    return best, fates


def default_dates(issued: DateValue | None, accessed: DateValue | None) -> list[tuple[str, str]]:
    """The date tags the writer writes when no input told it otherwise (Zotero's and EndNote's
    form): PY the year and DA the full date; PY alone for a year, "1998///Spring" with a
    season; Y2 the access date. A date with no parts is written as its text."""
    out: list[tuple[str, str]] = []
    if issued is not None:
        parts = issued.parts
        season = issued.season if isinstance(issued.season, str) else ""
        if len(parts) > 1:
            out += [("PY", str(parts[0])), ("DA", format_ris_date(parts, season))]
        elif parts:
            out.append(("PY", format_ris_date(parts, season) if season else str(parts[0])))
        elif issued.raw or issued.literal:
            out.append(("PY", issued.raw or issued.literal or ""))
    if accessed is not None:
        if accessed.parts:
            out.append((ACCESSED_TAG, format_ris_date(accessed.parts)))
        elif accessed.raw or accessed.literal:
            out.append((ACCESSED_TAG, accessed.raw or accessed.literal or ""))
    return out
