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

#: A tag line: two characters (upper-case letter, then letter or digit), spaces, a hyphen.
#: The spec says exactly two spaces and one after the hyphen; real files vary, so any
#: run of spaces/tabs is accepted (bounded: the pattern stays linear).
TAG_LINE = re.compile(r"^([A-Z][A-Z0-9])[ \t]{1,4}-(?:[ \t]|$)(.*)$")

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

#: Name tags → CSL name variable. The first tag of each variable is the one written.
NAME_TAGS: dict[str, str] = {
    "AU": "author", "A1": "author", "A2": "editor", "ED": "editor",
    "A3": "collection-editor", "A4": "translator",
}  # fmt: skip

#: Text tags → CSL variable (single value: the first occurrence wins, later ones are kept
#: verbatim as extra tags). The first tag listed for a variable is the one written.
TEXT_TAGS: dict[str, str] = {
    "TI": "title", "T1": "title", "CT": "title",
    "T2": "container-title", "JF": "container-title", "JO": "container-title",
    "BT": "container-title",
    "J2": "container-title-short", "JA": "container-title-short", "J1": "container-title-short",
    "T3": "collection-title", "ST": "title-short",
    "VL": "volume", "VO": "volume", "IS": "issue", "CP": "issue",
    "PB": "publisher", "CY": "publisher-place", "PP": "publisher-place",
    "ET": "edition", "LA": "language", "AB": "abstract", "N2": "abstract",
    "UR": "URL", "DO": "DOI", "M3": "genre", "M1": "number", "NV": "number-of-volumes",
    "SE": "section", "CN": "call-number", "DB": "source", "LB": "citation-label",
    "OP": "original-title", "RN": "annote", "AV": "archive_location", "ID": "id",
    "C3": "event-title",
}  # fmt: skip

#: Tags whose repeated values are all kept, joined into one CSL string.
JOINED_TAGS: dict[str, tuple[str, str]] = {"KW": ("keyword", ", "), "N1": ("note", "\n\n")}

#: Date tags. ``Y2`` is the access date (see the module docstring).
ISSUED_TAGS = ("PY", "Y1", "DA")
ACCESSED_TAG = "Y2"

#: Book-like RIS types, whose SN is an ISBN and whose BT is the title itself.
WHOLE_BOOK_TYPES = frozenset({"BOOK", "EBOOK", "EDBOOK", "CTLG", "ANCIENT", "CLSWK", "PAMP"})
#: Types whose SN is a report, patent, standard or bill number rather than an ISBN/ISSN.
NUMBERED_TYPES = frozenset({"RPRT", "PAT", "STAND", "BILL", "UNBILL", "STAT", "LEGAL", "GOVDOC"})

#: CSL variable → tag written for it (the first tag listed above for that variable).
WRITE_TAG: dict[str, str] = {}
for _tag, _var in (*NAME_TAGS.items(), *TEXT_TAGS.items()):
    WRITE_TAG.setdefault(_var, _tag)
WRITE_TAG.update({"container-title-short": "J2", "ISBN": "SN", "ISSN": "SN"})

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
    if text.isdigit() and len(text) <= 4:
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


def split_pages(page: str) -> tuple[str, str | None]:
    """ "379-423" → ("379", "423"); a single page or an odd form stays whole in SP."""
    for dash in ("--", "-", "–", "—"):
        first, sep, last = page.partition(dash)
        if sep and first.strip() and last.strip() and dash not in last:
            return first.strip(), last.strip()
    return page, None
