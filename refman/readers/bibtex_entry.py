"""One BibTeX/BibLaTeX entry (fields already macro-expanded, still LaTeX) as a CSL reference.

Every field lands somewhere: a CSL variable, or ``unmapped`` under its own name, so that a
round trip keeps it. Where BibTeX and CSL disagree in shape (``number`` is an issue in an
@article, a series number in a @book, a document number in a @report; ``institution`` is a
publisher, or the issuing authority of an act), the entry type decides. Crossref and xdata
inheritance follow the biblatex manual (§2.4.1, appendix B) in simplified form.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import CSL_FIELDS, CSL_TYPES, DATE_VARIABLES, NAME_VARIABLES, DateValue, Reference
from ..parse.bibnames import parse_names
from ..parse.bibtex_fields import (
    ARTICLE_SUBTYPES,
    AUTHORITY_TYPES,
    CSL_TO_TYPES,
    DATE_FIELDS,
    NAME_FIELDS,
    SEASONS,
    STRUCTURAL_FIELDS,
    TEXT_FIELDS,
    TYPE_TO_CSL,
    VERBATIM_FIELDS,
    langid_to_language,
    month_number,
    parse_edtf,
)  # fmt: skip
from ..parse.dates import parse_date
from ..parse.latex import decoded_completely, to_unicode

#: ``type`` values (biblatex keys and BibTeX entry types) with the genre they mean.
THESIS_GENRES = {
    "phdthesis": "PhD thesis", "mathesis": "Master's thesis", "mastersthesis": "Master's thesis",
    "candthesis": "Candidate thesis", "techreport": "technical report",
    "resreport": "research report",
}  # fmt: skip
#: Types that take a parent's title as their container title (``booktitle``).
IN_TYPES = frozenset(
    "inbook incollection inproceedings inreference bookinbook suppbook suppcollection".split()
)
#: Fields never inherited through crossref/xdata (biblatex appendix B).
NOT_INHERITED = frozenset("ids crossref xref entryset entrysubtype execute label options shorthand "
                          "shorthandintro sortkey related relatedtype relatedstring xdata".split())  # fmt: skip
#: The key in ``unmapped`` that remembers an entry type CSL has no twin for (@manual, @mvbook).
ENTRY_TYPE_KEY = "entrytype"
#: The key in ``unmapped`` listing name fields that ended in "and others".
OTHERS_KEY = "others"
#: CSL variables by lower-case name, for fields that carry one under its own name ("pmid").
CSL_BY_FIELD = {var.lower(): var for var in CSL_FIELDS if var not in ("id", "type", "custom", "citation-key")}
BOOKISH = frozenset("book mvbook collection mvcollection proceedings mvproceedings reference "
                    "mvreference incollection inbook inproceedings bookinbook".split())  # fmt: skip


def inherit(fields: dict[str, str], entry_type: str, parent: dict[str, str], parent_type: str) -> None:
    """Fill ``fields`` from a crossref'd parent: missing fields only; title → booktitle."""
    for name, value in parent.items():
        if name in NOT_INHERITED:
            continue
        target = name
        if entry_type in IN_TYPES and parent_type not in IN_TYPES:
            target = {"title": "booktitle", "subtitle": "booksubtitle", "shorttitle": "",
                      "author": "bookauthor" if entry_type in ("inbook", "bookinbook") else "author"}.get(name, name)  # fmt: skip
        if target and target not in fields:
            fields[target] = value


def _date_from_parts(fields: dict[str, str], unmapped: dict[str, Any]) -> DateValue:
    """``issued`` from year, month and day; a month or day that is not one number or name
    ("Winter" becomes the season; "May/June", "??") stays in ``unmapped`` as written."""
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


def _date(text: str) -> DateValue:
    value = parse_edtf(text)
    if value is not None:
        return value
    parsed = parse_date(text)
    out = DateValue(raw=text)
    if parsed is not None and parsed.parts:
        out.parsed_parts = [list(parsed.parts)]
    return out


def _genre(entry_type: str, type_field: str | None) -> str | None:
    if type_field is not None:
        return THESIS_GENRES.get(type_field.strip().lower(), type_field)
    return THESIS_GENRES.get(entry_type)


def to_reference(entry_type: str, key: str, fields: dict[str, str]) -> Reference:
    """The CSL reference an entry stands for; ``fields`` maps lower-case names to LaTeX."""
    etype = entry_type.lower()
    csl_type = TYPE_TO_CSL.get(etype, "document")
    subtype = fields.get("entrysubtype", "").strip().lower()
    if etype == "article" and subtype in ARTICLE_SUBTYPES:
        csl_type = ARTICLE_SUBTYPES[subtype]
    elif subtype in CSL_TYPES and etype in CSL_TO_TYPES.get(subtype, ()):
        csl_type = subtype  # a CSL type refman wrote as the nearest entry type (@misc, @online)
    elif etype == "misc" and "url" in fields and not fields.keys() & {"journal", "booktitle"}:
        csl_type = "webpage"
    data: dict[str, Any] = {"id": key, "type": csl_type}
    unmapped: dict[str, Any] = {}
    latex: dict[str, str] = {}
    if etype not in CSL_TO_TYPES.get(csl_type, ()):  # @manual, @mvbook, @inbook…: kept
        unmapped[ENTRY_TYPE_KEY] = etype
    others: list[str] = []
    by_subtype = csl_type == ARTICLE_SUBTYPES.get(subtype, subtype) != TYPE_TO_CSL.get(etype, "document")
    consumed = {"entrysubtype"} if by_subtype else set()  # the writer writes it back from the type

    def put(var: str, value: Any, field: str) -> None:
        if value in (None, "", []):
            return
        if var in data:
            keep(field)
        else:
            data[var] = value
            if isinstance(value, str) and field not in VERBATIM_FIELDS:
                source = fields[field].strip()
                if not decoded_completely(source, value) and to_unicode(source) == value:
                    latex[var] = source

    def keep(field: str) -> None:
        """A field with no CSL variable of its own (or whose variable is taken): kept."""
        raw = fields[field]
        if field in VERBATIM_FIELDS:
            unmapped[field] = raw
            return
        unmapped[field] = value = to_unicode(raw)
        if not decoded_completely(raw, value):
            latex["unmapped:" + field] = raw.strip()

    for field, raw in fields.items():
        if field in consumed or field in ("year", "month", "day", "number", "subtitle"):
            continue
        if field in NAME_FIELDS:
            names, truncated = parse_names(raw)
            if truncated:
                others.append(field)
            put(NAME_FIELDS[field], names, field)
        elif field in DATE_FIELDS:
            put(DATE_FIELDS[field], _date(raw.strip()), field)
        elif field in VERBATIM_FIELDS and field in TEXT_FIELDS:
            put(TEXT_FIELDS[field], raw.strip(), field)
        elif field == "booktitle":
            put("container-title", _titled(raw, fields.get("booksubtitle")), field)
        elif field in ("institution", "school", "organization", "howpublished"):
            value = to_unicode(raw)
            if field == "howpublished" and (value.startswith(("http", "www.")) or "\\url" in raw):
                put("URL", value, field)
            elif csl_type in AUTHORITY_TYPES and field in ("institution", "organization"):
                put("authority", value, field)
            elif field == "howpublished" or (
                csl_type in ("webpage", "post", "post-weblog") and field == "organization"
            ):
                put("container-title", value, field)  # a @misc's outlet: the site, the portal
            else:
                put("publisher", value, field)
        elif field == "langid" or (field == "language" and "langid" not in fields):
            put("language", langid_to_language(to_unicode(raw)), field)
        elif field == "type":
            put("genre", _genre(etype, to_unicode(raw)), field)
        elif field == "title":
            put("title", _titled(raw, fields.get("subtitle")), field)
        elif field == "venue" and csl_type not in ("speech", "paper-conference", "document", "webpage"):
            put("event-place", to_unicode(raw), field)
        elif field in TEXT_FIELDS:
            put(TEXT_FIELDS[field], to_unicode(raw), field)
        elif field in STRUCTURAL_FIELDS or field in VERBATIM_FIELDS:
            unmapped[field] = raw.strip()
        elif field == "categories":
            put("categories", _categories(to_unicode(raw)), field)
        elif field in CSL_BY_FIELD:  # a CSL variable written under its own name (by refman)
            var = CSL_BY_FIELD[field]
            if var in NAME_VARIABLES:
                put(var, parse_names(raw)[0], field)
            elif var in DATE_VARIABLES:
                put(var, _date(raw.strip()), field)
            else:
                put(var, to_unicode(raw), field)
        elif field != "booksubtitle" or "booktitle" not in fields:
            keep(field)
    if "type" not in fields and (genre := _genre(etype, None)) and csl_type in ("thesis", "report"):
        data["genre"] = genre
    if "number" in fields:
        number = to_unicode(fields["number"])
        if csl_type.startswith("article") and "issue" not in data:
            data["issue"] = number
        elif "series" in fields and etype in BOOKISH:
            data["collection-number"] = number
        elif "number" not in data:
            data["number"] = number
        else:
            keep("number")
    if "year" in fields and "issued" not in data:
        data["issued"] = _date_from_parts(fields, unmapped)
    else:
        for field in ("year", "month", "day"):
            if field in fields:
                keep(field)
    if others:
        unmapped[OTHERS_KEY] = others
    data["unmapped"] = unmapped
    data["latex"] = latex
    return Reference.model_validate(data)


def _categories(text: str) -> list[str]:
    """CSL ``categories`` as refman writes them (a JSON list), or one category as written."""
    if text.startswith("["):
        try:
            value = json.loads(text)
        except ValueError:
            value = None
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return value
    return [text]


def _titled(raw: str, subtitle: str | None) -> str:
    title = to_unicode(raw)
    if not subtitle:
        return title
    sub = to_unicode(subtitle)
    return f"{title} {sub}" if title.endswith(("?", "!", ":")) else f"{title}: {sub}"
