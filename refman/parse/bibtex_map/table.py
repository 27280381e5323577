"""The BibTeX/BibLaTeX ↔ CSL table: one row per field that maps to one variable, and the
named converters at their place among the rows. Read in one direction by
``readers.bibtex_entry`` (field → row) and in the other by ``writers.bibtex.fields`` (rows in
order → fields), so a rule is written once and a record reads back as it was written.

A ``Row`` says: CSL variable ``var`` is field ``field`` (``biblatex`` where biblatex names it
differently), its value is of kind ``codec``, and ``reads`` are further fields taken as it.
A ``Converter`` is a rule that needs more than one field or the entry type (see ``convert``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import biblatex, convert, dates, titles, types
from .context import Reading, Writing

#: How a value is read and written: ``text`` (LaTeX ↔ Unicode), ``title`` (text, written
#: with capitals protected), ``list`` (a biblatex list: "A and B" ↔ "A; B"), ``scalar`` (text that may be a number: written unless None),
#: ``range`` (pages: "–" ↔ "--"), ``verbatim`` (URLs: no LaTeX), ``names`` (a name list),
#: ``date`` (EDTF).
CODECS = ("text", "title", "list", "scalar", "range", "verbatim", "names", "date")


@dataclass(frozen=True, slots=True)
class Row:
    var: str
    field: str
    codec: str = "text"
    reads: tuple[str, ...] = ()
    biblatex: str = ""
    subfield: str = ""  # a field read as part of this one ("subtitle" of "title")

    def field_in(self, dialect: str) -> str:
        return self.biblatex if dialect == "biblatex" and self.biblatex else self.field


@dataclass(frozen=True, slots=True)
class Converter:
    name: str
    vars: tuple[str, ...]  # the CSL variables it writes
    reads: tuple[str, ...] = ()  # fields it reads as they come
    read: Callable[[Reading, str, str], None] | None = None
    write: Callable[[Writing], None] | None = None
    finish: Callable[[Reading], None] | None = None  # run once after all fields are read
    # each field it reads is its one variable as text, kept as read when the fresh fields leave
    # it out (the anchor's view; fields shared by several variables, such as ``journal`` or
    # ``issue``, are the anchor's own business)
    plain: bool = False


def _row(
    var: str, field: str, codec: str = "text", *reads: str, biblatex: str = "", subfield: str = ""
) -> Row:
    return Row(var, field, codec, reads, biblatex, subfield)


# fmt: off
TABLE: tuple[Row | Converter, ...] = (
    _row("author", "author", "names", "holder"),
    Converter("editor", ("editor", "compiler"), write=biblatex.write_editor,
              finish=biblatex.read_editortype),
    _row("editor", "editor", "names"),  # read only: ``editor`` above writes it
    _row("translator", "translator", "names"),
    _row("container-author", "bookauthor", "names"),
    _row("contributor", "editora", "names", "annotator"),
    _row("director", "director", "names"),
    Converter("titles", ("title", "volume-title"), write=titles.write_titles, finish=titles.read_main),
    _row("title", "title", "title", subfield="subtitle"),  # read only: ``titles`` writes it
    _row("title-short", "shorttitle", "title"),
    Converter("container", ("container-title",), ("journal", "journaltitle", "booktitle"),
              convert.read_container, convert.write_container),
    Converter("booksubtitle", (), ("booksubtitle",), convert.read_booksubtitle),
    _row("container-title-short", "shortjournal"),
    Converter("event", ("event", "event-title", "event-place"), write=convert.write_event),
    _row("event-title", "eventtitle"),  # read only: ``event`` above writes it
    _row("event-place", "venue"),
    _row("event-date", "eventdate", "date"),
    _row("collection-title", "series"),
    _row("volume", "volume", "scalar"),
    Converter("number", ("number", "issue", "collection-number"), write=convert.write_number,
              finish=convert.read_number),
    Converter("eprint", (), finish=biblatex.read_eprint),  # arXiv: written by ``number``
    Converter("issue", ("issue",), ("issue",), biblatex.read_issue),  # ``number`` writes it
    _row("page", "pages", "range"),
    _row("number-of-pages", "pagetotal", "scalar"),
    _row("number-of-volumes", "volumes", "scalar"),
    _row("edition", "edition", "scalar"),
    _row("chapter-number", "chapter", "scalar"),
    _row("version", "version", "scalar"),
    Converter("bodies", ("authority", "publisher", "publisher-place"),
              ("institution", "school", "organization", "howpublished"), convert.read_body, convert.write_bodies),
    _row("publisher", "publisher", "list"),  # written by ``bodies`` above
    _row("publisher-place", "address", "list", "location", biblatex="location"),  # likewise
    Converter("issued", ("issued",), write=dates.write_issued, finish=dates.read_issued),
    Converter("season", (), finish=biblatex.read_season),  # after ``issued``: an issue's season
    _row("issued", "date", "date"),  # read only: ``issued`` above writes it
    _row("accessed", "urldate", "date"),
    _row("original-date", "origdate", "date"),
    Converter("genre", ("genre",), ("type",), convert.read_genre, convert.write_genre,
              convert.read_default_genre, plain=True),
    Converter("entrysubtype", (), write=types.write_subtype),
    Converter("language", ("language",), ("langid", "language"), convert.read_language,
              convert.write_language),
    _row("DOI", "doi", "verbatim"),
    _row("URL", "url", "verbatim"),
    _row("ISBN", "isbn"),
    _row("ISSN", "issn"),
    _row("status", "pubstate"),
    _row("call-number", "library"),
    _row("original-title", "origtitle", "title"),
    _row("original-publisher", "origpublisher"),
    _row("original-publisher-place", "origlocation"),
    _row("keyword", "keywords"),
    _row("abstract", "abstract"),
    _row("note", "note"),
    _row("annote", "annote", "text", "annotation", biblatex="annotation"),
)
# fmt: on

#: Rows a converter writes (the writer skips them; the reader still reads by them).
READ_ONLY = frozenset(
    ["editor", "title", "event-title", "event-place", "issue", "publisher", "publisher-place", "issued"]
)
#: Fields read after all others, by a converter's ``finish`` (never as they come).
DEFERRED = frozenset(["year", "month", "day", "number", "subtitle"])


def _readers() -> dict[str, Row | Converter]:
    out: dict[str, Row | Converter] = {}
    for item in TABLE:
        names = item.reads if isinstance(item, Converter) else (item.field, item.biblatex, *item.reads)
        for name in names:
            if name:
                out.setdefault(name, item)
    return out


#: Field name → the row or converter that reads it.
READERS: dict[str, Row | Converter] = _readers()
#: The converters with a step after all fields are read, in table order.
FINISHERS: tuple[Callable[[Reading], None], ...] = tuple(
    item.finish for item in TABLE if isinstance(item, Converter) and item.finish is not None
)
#: CSL variables the table writes (the own-name converter writes the others).
HANDLED: frozenset[str] = frozenset(
    {"id", "type", "citation-key", "custom"}
    | {item.var for item in TABLE if isinstance(item, Row)}
    | {var for item in TABLE if isinstance(item, Converter) for var in item.vars}
)


def _fields_of(codecs: tuple[str, ...]) -> dict[str, str]:
    return {
        name: item.var
        for item in TABLE
        if isinstance(item, Row) and item.codec in codecs
        for name in (item.field, item.biblatex, *item.reads)
        if name
    }


#: Name-list fields → CSL name variables.
NAME_FIELDS: dict[str, str] = _fields_of(("names",))
#: Date fields (biblatex) → CSL date variables; ``year``/``month``/``day`` build ``issued``.
DATE_FIELDS: dict[str, str] = _fields_of(("date",))
#: Fields read as one CSL text variable (after LaTeX decoding).
TEXT_FIELDS: dict[str, str] = {
    **_fields_of(("text", "title", "scalar", "range", "verbatim", "list")),
    **{
        name: item.vars[0]
        for item in TABLE
        if isinstance(item, Converter) and item.plain
        for name in item.reads
    },
}
