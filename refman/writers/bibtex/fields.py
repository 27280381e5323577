"""A CSL reference as BibTeX or BibLaTeX fields: (name, LaTeX value, bare) triples.

The mapping mirrors ``readers.bibtex_entry`` through the shared tables in
``parse.bibtex_fields``, so that what one writes the other reads back to the same record.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ...model import (
    CSL_FIELDS,
    DATE_VARIABLES,
    NAME_VARIABLES,
    DateValue,
    Name,
    Reference,
    attribute_name,
)
from ...parse.bibnames import format_names
from ...parse.bibtex_fields import (
    AUTHORITY_TYPES,
    CSL_TO_TYPES,
    MONTHS,
    SEASON_NAMES,
    TYPE_TO_CSL,
    entry_head,
    format_edtf,
    language_to_langid,
    season_number,
)  # fmt: skip
from ...parse.latex import balanced, escape, to_unicode
from .case import protect_words

BIBTEX_TYPES = frozenset("article book booklet conference inbook incollection inproceedings manual "
                         "mastersthesis misc phdthesis proceedings techreport unpublished".split())  # fmt: skip
#: Genres that are the default meaning of a type (written as the type, not as ``type``).
DEFAULT_GENRES = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis",
                  "techreport": "technical report"}  # fmt: skip
#: biblatex ``type`` keys for those genres (biblatex manual §4.9.2.13 localisation keys).
BIBLATEX_GENRE_KEYS = {"PhD thesis": "phdthesis", "Master's thesis": "mathesis",
                       "technical report": "techreport", "research report": "resreport",
                       "Candidate thesis": "candthesis"}  # fmt: skip
NAME_OUT = {"author": "author", "editor": "editor", "translator": "translator",
            "container-author": "bookauthor", "contributor": "editora", "director": "director"}  # fmt: skip
#: Keys of ``unmapped`` that are refman's own notes, not fields.
RESERVED = frozenset(["entrytype", "others"])
_FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_+.:-]*$")
_RANGE_DASH = re.compile(
    r"(?<=\w)–(?=\w)"
)  # "10–20" is "10--20" in BibTeX; a dash beside other dashes stays as it is
#: CSL variables written under their own (lower-case) name, which the reader maps back.
_HANDLED = {
    "id",
    "type",
    "citation-key",
    "language",
    "title",
    "title-short",
    "container-title",
    "container-title-short",
    "collection-title",
    "collection-number",
    "volume",
    "issue",
    "number",
    "page",
    "number-of-pages",
    "number-of-volumes",
    "edition",
    "chapter-number",
    "publisher",
    "publisher-place",
    "authority",
    "event",
    "event-title",
    "event-place",
    "genre",
    "URL",
    "DOI",
    "ISBN",
    "ISSN",
    "note",
    "abstract",
    "keyword",
    "annote",
    "status",
    "call-number",
    "original-title",
    "original-publisher",
    "original-publisher-place",
    "version",
    "custom",
}


def entry_type(ref: Reference, dialect: str) -> str:
    """The entry type to write: the one read where it still says the record's CSL type (a
    @misc with a URL stays @misc), else the dialect's type for it."""
    recorded = str(ref.unmapped.get("entrytype", "")).lower()
    if recorded and (dialect == "biblatex" or recorded in BIBTEX_TYPES):
        return recorded
    head = entry_head(ref.origin.raw) if ref.origin is not None and ref.origin.fields is not None else None
    read_as = head[0].lower() if head else ""
    if read_as and (dialect == "biblatex" or read_as in BIBTEX_TYPES):
        says_it = TYPE_TO_CSL.get(read_as) == ref.type or read_as in CSL_TO_TYPES.get(ref.type, ())
        if says_it or (read_as == "misc" and ref.type == "webpage" and ref.URL):  # (with entrysubtype)
            return read_as
    bibtex, biblatex = CSL_TO_TYPES.get(ref.type, ("misc", "misc"))
    if dialect == "biblatex":
        return biblatex
    if bibtex == "phdthesis" and ref.genre and "master" in ref.genre.lower():
        return "mastersthesis"
    return bibtex


def _text(value: Any) -> str:
    return escape(str(value))


def _title(value: str) -> str:
    return "".join("{" + escape(w) + "}" if braced else escape(w) for w, braced in protect_words(value))


def _var(ref: Reference, var: str, title: bool = False) -> str:
    """A CSL variable's value as LaTeX: the LaTeX it was read from while the value is unchanged
    (math, ``\\ce{…}``, superscripts survive), else the plain text escaped."""
    value = str(ref.get(var))
    return _source_form(ref, var, value) or (_title(value) if title else _text(value))


def _source_form(ref: Reference, key: str, value: str) -> str | None:
    latex = ref.latex.get(key)
    return latex if latex is not None and to_unicode(latex) == value and balanced(latex) else None


def _range(value: Any) -> str:
    return _RANGE_DASH.sub("--", escape(str(value)))


def _date_fields(name: str, value: DateValue, dialect: str) -> list[tuple[str, str, bool]]:
    edtf = format_edtf(value)
    text = value.literal or value.raw
    if name != "date" or dialect == "biblatex":
        field = {"date": "date"}.get(name, name)
        if edtf:
            return [(field, edtf, False)]
        return [("year" if name == "date" else field, escape(text), False)] if text else []
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


def _container_field(ref: Reference, etype: str, dialect: str) -> str:
    if etype in ("article", "periodical", "review") or ref.type.startswith("article"):
        return "journaltitle" if dialect == "biblatex" else "journal"
    if etype.startswith("in") or etype in ("bookinbook", "suppbook", "suppcollection", "conference"):
        return "booktitle"
    if etype == "online":
        return "organization"
    if etype in ("misc", "dataset", "software", "audio", "video", "legislation", "legal",
                 "jurisdiction", "standard", "patent", "artwork", "image", "letter"):  # fmt: skip
        return "howpublished"
    return "booktitle"


def fields(
    ref: Reference, dialect: str, etype: str, known_keys: set[str] | None = None
) -> list[tuple[str, str, bool]]:
    """The fields for ``ref``, in a fixed order; each value is LaTeX, ``bare`` = no braces.

    ``crossref``/``xdata`` are kept only if they name an entry in the output (``known_keys``,
    lower case): the inherited data is in the model and written out either way."""
    if noted := ref.stated_in_note():  # the note, written as it is, says them already
        ref = ref.model_copy(update={attribute_name(var): None for var in noted})
    out: list[tuple[str, str, bool]] = []
    add = out.append
    others = ref.unmapped.get("others") or []
    for var, field in NAME_OUT.items():
        names: list[Name] | None = ref.get(var)
        if names:
            add((field, format_names(names, field in others), False))
    if ref.title:
        add(("title", _var(ref, "title", title=True), False))
    if ref.title_short:
        add(("shorttitle", _var(ref, "title-short", title=True), False))
    if ref.container_title:
        field = _container_field(ref, etype, dialect)
        if field in ref.unmapped:  # that field holds another value read from the input
            alternatives = ("journal", "booktitle", "howpublished", "journaltitle")
            field = next((f for f in alternatives if f not in ref.unmapped), "container-title")
        add(
            (
                field,
                _var(ref, "container-title", title=field == "booktitle"),
                False,
            )
        )
    if ref.container_title_short:
        add(("shortjournal", _var(ref, "container-title-short"), False))
    for var, field in (("event", "eventtitle"), ("event-title", "eventtitle"), ("event-place", "venue")):
        if ref.get(var) and not any(f == field for f, _, _ in out):
            add((field, _var(ref, var, title=field == "eventtitle"), False))
    if ref.event_date:
        out.extend(_date_fields("eventdate", ref.event_date, dialect))
    if ref.collection_title:
        add(("series", _var(ref, "collection-title"), False))
    if ref.volume is not None:
        add(("volume", _var(ref, "volume"), False))
    article = ref.type.startswith("article") or etype == "article"
    if article and ref.issue is not None and ref.number is None:
        add(("number", _var(ref, "issue"), False))
    else:
        if ref.number is not None:
            add(("number", _var(ref, "number"), False))
        elif ref.collection_number is not None:
            add(("number", _var(ref, "collection-number"), False))
        if ref.issue is not None:
            add(("issue", _var(ref, "issue"), False))
    if ref.page is not None:
        add(("pages", _range(ref.page), False))
    for var, field in (("number-of-pages", "pagetotal"), ("number-of-volumes", "volumes"),
                       ("edition", "edition"), ("chapter-number", "chapter"), ("version", "version")):  # fmt: skip
        if ref.get(var) is not None:
            add((field, _var(ref, var), False))
    _publisher(ref, etype, dialect, out)
    if ref.issued:
        out.extend(_date_fields("date", ref.issued, dialect))
    for var, field in (("accessed", "urldate"), ("original-date", "origdate")):
        if ref.get(var):
            out.extend(_date_fields(field, ref.get(var), dialect))
    _genre(ref, etype, dialect, out)
    if "entrysubtype" not in ref.unmapped:
        if ref.type in ("article-magazine", "article-newspaper") and etype == "article":
            add(("entrysubtype", ref.type.split("-")[1], False))
        elif (
            ref.type != TYPE_TO_CSL.get(etype, "document")
            and etype in CSL_TO_TYPES.get(ref.type, ())
            and not (ref.type == "webpage" and etype == "misc" and ref.URL)  # the reader infers it
        ):
            add(("entrysubtype", ref.type, False))  # the CSL type the entry type cannot say
    if ref.language:
        langid = language_to_langid(ref.language) or ref.language
        add(("langid" if dialect == "biblatex" else "language", _text(langid), False))
    for var, field in (("DOI", "doi"), ("URL", "url")):  # verbatim: only braces must not occur
        if ref.get(var):
            add((field, str(ref.get(var)).replace("{", "%7B").replace("}", "%7D"), False))
    for var, field in (("ISBN", "isbn"), ("ISSN", "issn")):
        if ref.get(var):
            add((field, _var(ref, var), False))
    for var, field in (("status", "pubstate"), ("call-number", "library"), ("original-title", "origtitle"),
                       ("original-publisher", "origpublisher"),
                       ("original-publisher-place", "origlocation"), ("keyword", "keywords"),
                       ("abstract", "abstract"), ("note", "note")):  # fmt: skip
        if ref.get(var):
            add((field, _var(ref, var, title=field == "origtitle"), False))
    if ref.annote:
        add(("annotation" if dialect == "biblatex" else "annote", _var(ref, "annote"), False))
    _rest(ref, out, known_keys)
    return out


def _publisher(ref: Reference, etype: str, dialect: str, out: list[tuple[str, str, bool]]) -> None:
    if ref.authority:
        if ref.type in AUTHORITY_TYPES:  # the issuing body of an act: @misc allows organization
            field = "organization" if etype == "misc" else "institution"
        else:
            field = "authority"
        out.append((field, _var(ref, "authority"), False))
    if ref.publisher:
        if ref.type == "thesis":
            field = "institution" if dialect == "biblatex" else "school"
        elif etype in ("report", "techreport"):
            field = "institution"
        else:
            field = "publisher"
        taken = {f for f, _, _ in out} | set(ref.unmapped)  # a field another value holds
        if field in taken:
            field = next(
                (f for f in ("publisher", "institution", "organization", "school") if f not in taken), field
            )
        out.append((field, _var(ref, "publisher"), False))
    if ref.publisher_place:
        out.append(("location" if dialect == "biblatex" else "address", _var(ref, "publisher-place"), False))


def _genre(ref: Reference, etype: str, dialect: str, out: list[tuple[str, str, bool]]) -> None:
    if not ref.genre:
        return
    if DEFAULT_GENRES.get(etype) == ref.genre:
        return
    if dialect == "biblatex" and ref.genre in BIBLATEX_GENRE_KEYS and etype in ("thesis", "report"):
        out.append(("type", BIBLATEX_GENRE_KEYS[ref.genre], False))
        return
    out.append(("type", _var(ref, "genre"), False))


def _rest(ref: Reference, out: list[tuple[str, str, bool]], known_keys: set[str] | None) -> None:
    """CSL variables without a BibTeX field, under their own name; then ``unmapped``."""
    written = {name for name, _, _ in out}
    data = ref.model_dump(by_alias=True, exclude_none=True, mode="json")
    for var, value in data.items():
        if var in _HANDLED or var in NAME_OUT or var in ("accessed", "original-date", "event-date", "issued"):
            continue
        if var in NAME_VARIABLES and value:
            out.append((var, format_names(ref.get(var)), False))
        elif var in DATE_VARIABLES and (edtf := format_edtf(ref.get(var))):
            out.append((var, edtf, False))
        elif var == "categories" and value:
            out.append((var, _text(json.dumps(value, ensure_ascii=False)), False))
        elif var in CSL_FIELDS and var.lower() not in written and not isinstance(value, list | dict):
            out.append((var.lower(), _var(ref, var), False))
            written.add(var.lower())
    for key, value in ref.unmapped.items():
        name = str(key).lower()
        if name in RESERVED or name in written or not _FIELD_NAME.match(name):
            continue
        if name in ("crossref", "xdata") and known_keys is not None:
            targets = [k.strip().lower() for k in str(value).split(",")]
            if not all(k in known_keys for k in targets):
                continue  # the parent is not in this output; its data is written inline
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        verbatim = name in ("crossref", "xref", "xdata", "ids", "file", "eprint", "entryset", "related")
        source = _source_form(ref, "unmapped:" + str(key), text)
        out.append((name, source or (text if verbatim and "{" not in text else _text(text)), False))
        written.add(name)
