"""The data model: CSL items with what a reader learned about them, and no I/O.

A ``Reference`` dumped with ``by_alias=True, exclude_none=True`` is a valid CSL-JSON item:
everything refman knows beyond CSL (source fields it does not model, how a date was read)
travels inside the CSL ``custom`` object, so nothing a user gave is lost on a round trip.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_serializer, model_validator

Scalar = str | int

#: CSL 1.0.2 item types (the official CSL-JSON schema's enum).
CSL_TYPES: tuple[str, ...] = (
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
    "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
    "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
    "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
    "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
    "personal_communication", "post", "post-weblog", "regulation", "report", "review",
    "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
)  # fmt: skip

#: Key inside ``custom`` where refman keeps its own data.
CUSTOM_KEY = "refman"


class _Model(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")


class Name(_Model):
    """A CSL name: a person (family/given, particles) or an institution (literal)."""

    family: str | None = None
    given: str | None = None
    dropping_particle: str | None = Field(None, alias="dropping-particle")
    non_dropping_particle: str | None = Field(None, alias="non-dropping-particle")
    suffix: str | None = None
    comma_suffix: str | int | bool | None = Field(None, alias="comma-suffix")
    static_ordering: str | int | bool | None = Field(None, alias="static-ordering")
    literal: str | None = None
    parse_names: str | int | bool | None = Field(None, alias="parse-names")

    @property
    def is_institution(self) -> bool:
        return self.literal is not None and self.family is None

    def display(self) -> str:
        """Family first, as a list shows it: "Zainullin E.", "Ministry of …"."""
        if self.literal is not None and self.family is None:
            return self.literal
        family = " ".join(p for p in (self.non_dropping_particle, self.family) if p)
        return " ".join(p for p in (family, self.given, self.suffix) if p)


class DateReading(_Model):
    """How a date was read from text: kept so that no date is ever guessed silently."""

    source: str  # the text it was read from
    pattern: str  # e.g. "MM/DD/YYYY", "DD.MM.YYYY", "D Month YYYY"
    ambiguous: bool = False  # the text alone admits more than one date
    evidence: str | None = None  # what decided an ambiguous reading


class DateValue(_Model):
    """A CSL date. ``date_parts`` are [[Y, M, D]] (one or two of them for a range)."""

    date_parts: list[list[Scalar]] | None = Field(None, alias="date-parts")
    season: Scalar | None = None
    circa: str | int | bool | None = None
    literal: str | None = None
    raw: str | None = None
    #: Parts a reader parsed out of ``raw`` when the input gave no ``date-parts``;
    #: used by styles and rules, never written back, so a round trip stays identical.
    parsed_parts: list[list[int]] | None = Field(None, exclude=True)
    reading: DateReading | None = Field(None, exclude=True)

    @property
    def parts(self) -> list[int]:
        """The first (or only) date as [Y], [Y, M] or [Y, M, D] integers; [] if unknown."""
        source = self.date_parts or self.parsed_parts
        if not source or not source[0]:
            return []
        out: list[int] = []
        for value in source[0]:
            try:
                out.append(int(value))
            except (TypeError, ValueError):
                break
        return out

    @property
    def year(self) -> int | None:
        parts = self.parts
        return parts[0] if parts else None


class SourceSpan(_Model):
    """Where a record came from, for diagnostics and for writing an unchanged record back."""

    path: str | None = None
    line: int | None = None
    end_line: int | None = None
    number: int | None = None  # its number in a numbered list
    raw: str | None = None
    #: The registry name of the format that read it ("bibtex", "reflist", "page", "ris", …):
    #: what ``raw`` is (a BibTeX entry or a line of prose) and whether markup in a value is
    #: the format's own (LaTeX in BibTeX) or debris; rules that apply to some sources ask it.
    format: str | None = None
    #: CSL variables a reader filled from Zotero-style "key: value" lines of ``note``, with
    #: the CSL-JSON value read; the note still holds them, so a CSL-JSON writer leaves a
    #: variable out while it keeps that value (the round trip stays identical).
    note_fields: dict[str, Any] | None = None
    #: A BibTeX entry's fields as written: (name, value expression with its braces, quotes,
    #: macros and ``#``), so that a writer can put back every value whose meaning is unchanged.
    fields: list[tuple[str, str]] | None = None
    #: BibTeX fields the entry took from its ``crossref``/``xdata`` parent (not its own).
    inherited: list[str] | None = None
    #: Why the entry as read cannot be trusted field by field (a value whose braces do not
    #: balance, a field name that is not one): it is written back as read and never changed.
    damaged: str | None = None


_NAME_VARS = (
    "author", "chair", "collection-editor", "compiler", "composer", "container-author",
    "contributor", "curator", "director", "editor", "editorial-director",
    "executive-producer", "guest", "host", "interviewer", "illustrator", "narrator",
    "organizer", "original-author", "performer", "producer", "recipient", "reviewed-author",
    "script-writer", "series-creator", "translator",
)  # fmt: skip
_DATE_VARS = ("accessed", "available-date", "event-date", "issued", "original-date", "submitted")
NAME_VARIABLES: frozenset[str] = frozenset(_NAME_VARS)
DATE_VARIABLES: frozenset[str] = frozenset(_DATE_VARS)


class Reference(_Model):
    """One bibliographic item, as CSL types and variables (snake_case here, kebab-case by alias)."""

    id: str | int = ""
    type: str = "document"
    citation_key: str | None = Field(None, alias="citation-key")
    categories: list[str] | None = None
    language: str | None = None
    journalAbbreviation: str | None = None  # noqa: N815 - the CSL-JSON name
    shortTitle: str | None = None  # noqa: N815 - the CSL-JSON name
    # names
    author: list[Name] | None = None
    chair: list[Name] | None = None
    collection_editor: list[Name] | None = Field(None, alias="collection-editor")
    compiler: list[Name] | None = None
    composer: list[Name] | None = None
    container_author: list[Name] | None = Field(None, alias="container-author")
    contributor: list[Name] | None = None
    curator: list[Name] | None = None
    director: list[Name] | None = None
    editor: list[Name] | None = None
    editorial_director: list[Name] | None = Field(None, alias="editorial-director")
    executive_producer: list[Name] | None = Field(None, alias="executive-producer")
    guest: list[Name] | None = None
    host: list[Name] | None = None
    interviewer: list[Name] | None = None
    illustrator: list[Name] | None = None
    narrator: list[Name] | None = None
    organizer: list[Name] | None = None
    original_author: list[Name] | None = Field(None, alias="original-author")
    performer: list[Name] | None = None
    producer: list[Name] | None = None
    recipient: list[Name] | None = None
    reviewed_author: list[Name] | None = Field(None, alias="reviewed-author")
    script_writer: list[Name] | None = Field(None, alias="script-writer")
    series_creator: list[Name] | None = Field(None, alias="series-creator")
    translator: list[Name] | None = None
    # dates
    accessed: DateValue | None = None
    available_date: DateValue | None = Field(None, alias="available-date")
    event_date: DateValue | None = Field(None, alias="event-date")
    issued: DateValue | None = None
    original_date: DateValue | None = Field(None, alias="original-date")
    submitted: DateValue | None = None
    # standard variables
    abstract: str | None = None
    annote: str | None = None
    archive: str | None = None
    archive_collection: str | None = None
    archive_location: str | None = None
    archive_place: str | None = Field(None, alias="archive-place")
    authority: str | None = None
    call_number: str | None = Field(None, alias="call-number")
    chapter_number: Scalar | None = Field(None, alias="chapter-number")
    citation_number: Scalar | None = Field(None, alias="citation-number")
    citation_label: str | None = Field(None, alias="citation-label")
    collection_number: Scalar | None = Field(None, alias="collection-number")
    collection_title: str | None = Field(None, alias="collection-title")
    container_title: str | None = Field(None, alias="container-title")
    container_title_short: str | None = Field(None, alias="container-title-short")
    dimensions: str | None = None
    division: str | None = None
    DOI: str | None = None
    edition: Scalar | None = None
    event: str | None = None
    event_title: str | None = Field(None, alias="event-title")
    event_place: str | None = Field(None, alias="event-place")
    first_reference_note_number: Scalar | None = Field(None, alias="first-reference-note-number")
    genre: str | None = None
    ISBN: str | None = None
    ISSN: str | None = None
    issue: Scalar | None = None
    jurisdiction: str | None = None
    keyword: str | None = None
    locator: Scalar | None = None
    medium: str | None = None
    note: str | None = None
    number: Scalar | None = None
    number_of_pages: Scalar | None = Field(None, alias="number-of-pages")
    number_of_volumes: Scalar | None = Field(None, alias="number-of-volumes")
    original_publisher: str | None = Field(None, alias="original-publisher")
    original_publisher_place: str | None = Field(None, alias="original-publisher-place")
    original_title: str | None = Field(None, alias="original-title")
    page: Scalar | None = None
    page_first: Scalar | None = Field(None, alias="page-first")
    part: Scalar | None = None
    part_title: str | None = Field(None, alias="part-title")
    PMCID: str | None = None
    PMID: str | None = None
    printing: Scalar | None = None
    publisher: str | None = None
    publisher_place: str | None = Field(None, alias="publisher-place")
    references: str | None = None
    reviewed_genre: str | None = Field(None, alias="reviewed-genre")
    reviewed_title: str | None = Field(None, alias="reviewed-title")
    scale: str | None = None
    section: str | None = None
    source: str | None = None
    status: str | None = None
    supplement: Scalar | None = None
    title: str | None = None
    title_short: str | None = Field(None, alias="title-short")
    URL: str | None = None
    version: str | None = None
    volume: Scalar | None = None
    volume_title: str | None = Field(None, alias="volume-title")
    volume_title_short: str | None = Field(None, alias="volume-title-short")
    year_suffix: str | None = Field(None, alias="year-suffix")
    custom: dict[str, Any] | None = None
    # refman's own, outside CSL: serialized into custom[CUSTOM_KEY] (see _dump)
    unmapped: dict[str, Any] = Field(default_factory=dict, exclude=True)
    #: CSL variable → the LaTeX it was read from, kept where decoding was not complete (math,
    #: ``\ce{…}``, ``\textsuperscript``): the plain value serves matching and rendering, the
    #: LaTeX is what a BibTeX writer puts back while the plain value is unchanged.
    latex: dict[str, str] = Field(default_factory=dict, exclude=True)
    origin: SourceSpan | None = Field(None, exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _take_refman_custom(cls, data: Any) -> Any:
        """Reading CSL-JSON we wrote: lift our ``custom`` entries back into the model."""
        if not isinstance(data, dict):
            return data
        custom = data.get("custom")
        if not isinstance(custom, dict) or not isinstance(custom.get(CUSTOM_KEY), dict):
            return data
        data = dict(data)
        custom = dict(custom)
        ours = custom.pop(CUSTOM_KEY)
        data["custom"] = custom or None
        if isinstance(ours.get("unmapped"), dict):
            data.setdefault("unmapped", ours["unmapped"])
        if isinstance(ours.get("latex"), dict):
            data.setdefault("latex", ours["latex"])
        for var, reading in (ours.get("dates") or {}).items():
            value = data.get(var)
            if isinstance(value, dict) and isinstance(reading, dict):
                data[var] = {**value, "reading": reading}
        return data

    @model_serializer(mode="wrap")
    def _dump(self, handler: Any) -> dict[str, Any]:
        data = handler(self)
        ours: dict[str, Any] = {}
        if self.unmapped:
            ours["unmapped"] = self.unmapped
        if self.latex:
            ours["latex"] = self.latex
        readings = {
            var: value.reading.model_dump(exclude_none=True)
            for var in _DATE_VARS
            if (value := getattr(self, var.replace("-", "_"))) is not None
            and value.reading is not None
            and value.date_parts is not None  # a reading of our own, not of a CSL `raw`
        }
        if readings:
            ours["dates"] = readings
            for var in readings:
                # The text a date was read from travels in the reading; a CSL `raw` beside
                # `date-parts` would make pandoc read the raw text and ignore the parts.
                value = data.get(var)
                if isinstance(value, dict) and value.get("raw") == readings[var].get("source"):
                    value.pop("raw")
        if ours:
            custom = dict(data.get("custom") or {})
            custom[CUSTOM_KEY] = ours
            data["custom"] = custom
        return data

    def to_csl(self) -> dict[str, Any]:
        """This item as a CSL-JSON object (valid against the official schema)."""
        return self.model_dump(by_alias=True, exclude_none=True, mode="json")

    def stated_in_note(self) -> list[str]:
        """Variables a reader took from the note's "key: value" lines and still unchanged: a
        writer that writes the note leaves them out, so a round trip gives the note back."""
        from_note = self.origin.note_fields if self.origin is not None else None
        return [
            var
            for var, value in (from_note or {}).items()
            if var != "type" and csl_value(self.get(var)) == value
        ]

    def get(self, variable: str) -> Any:
        """A CSL variable by its CSL (kebab-case) name."""
        return getattr(self, attribute_name(variable), None)

    def set(self, variable: str, value: Any) -> None:
        setattr(self, attribute_name(variable), value)

    @property
    def names(self) -> list[Name]:
        return self.author or []


def attribute_name(variable: str) -> str:
    """The model attribute for a CSL variable name (or an attribute name): a dict look-up,
    since ``get`` runs for every variable of every item in the readers and styles."""
    attr = _ATTRS.get(variable)
    return attr if attr is not None else variable.replace("-", "_")


#: CSL variable name → model attribute name (kebab-case → snake_case), for readers.
CSL_FIELDS: dict[str, str] = {
    (info.alias or name): name
    for name, info in Reference.model_fields.items()
    if name not in ("unmapped", "latex", "origin")
}
_ATTRS: dict[str, str] = {**{name: name for name in CSL_FIELDS.values()}, **CSL_FIELDS}


def csl_value(value: Any) -> Any:
    """A field value in its CSL-JSON form (names and dates as dicts), for comparing values."""
    if isinstance(value, list):
        return [csl_value(v) for v in value]
    if isinstance(value, BaseModel):
        return value.model_dump(by_alias=True, exclude_none=True, mode="json")
    return value


class Paragraph(_Model):
    number: int
    text: str


class PageStats(_Model):
    views: int | None = None
    purchasers: int | None = None
    rating_votes: int | None = None


class Article(_Model):
    """The article a journal page describes (the seed's kind of input)."""

    title: str | None = None
    publication_type: str | None = None
    status: str | None = None
    #: The page names no author: recorded as unknown, never invented.
    author: list[Name] | None = None
    author_known: bool = False
    occupation: str | None = None
    affiliation: str | None = None
    address: str | None = None
    journal: str | None = None
    issue: str | None = None
    publication_date: DateValue | None = None
    abstract: str | None = None
    keywords: list[str] = Field(default_factory=list)
    characters: int | None = None
    price: str | None = None
    excerpt_language: str | None = None
    excerpt: list[Paragraph] = Field(default_factory=list)
    stats: PageStats = Field(default_factory=PageStats)
    references: list[Reference] = Field(default_factory=list)

    def as_reference(self, ref_id: str = "") -> Reference:
        """The article itself as a CSL item (for exporting the page with its references)."""
        return Reference(
            id=ref_id,
            type="article-journal",
            title=self.title,
            author=self.author,
            container_title=self.journal,
            issue=self.issue,
            issued=self.publication_date,
            abstract=self.abstract,
            keyword=", ".join(self.keywords) or None,
            status=self.status,
            unmapped=self._page_fields(),
        )

    def _page_fields(self) -> dict[str, Any]:
        """What the page says of the article that CSL has no variable for (page furniture such
        as price and view counts stays on the Article only)."""
        fields: dict[str, Any] = {
            "author-occupation": self.occupation,
            "author-affiliation": self.affiliation,
            "author-address": self.address,
            "number-of-characters": self.characters,
        }
        if not self.author_known:
            fields["author-unknown"] = "the page names no author"
        return {key: value for key, value in fields.items() if value is not None}


class Library(_Model):
    """What one or more inputs held: references, and the page they came from if any."""

    references: list[Reference] = Field(default_factory=list)
    article: Article | None = None
    #: Format-level data kept for lossless writing (BibTeX @string/@preamble/comments…).
    preserved: dict[str, Any] = Field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.references)
