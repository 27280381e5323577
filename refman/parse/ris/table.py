"""RIS ↔ CSL, written once: the two-way table read by the RIS reader (``record.build``: tag →
variable) and the RIS writer (``writers.ris``: rows in order → tag lines).

A ``Row`` says: CSL variable ``var`` is written as tag ``tag`` and read from ``tag`` and
``reads``. Its ``kind`` is ``text`` (one value; a repeat is kept aside), ``names`` (one line
per name) or ``id``. The rules that are not one row are named converters beside the table:

- ``serial`` (``tags.serial_variable``): SN is an ISBN, an ISSN or a document number, by
  its pattern and the record's type; ISBN and ISSN are both written as SN.
- ``whole book`` (``record._Builder.text``): BT is the title itself in a book-like type.
- ``pages`` (``tags.page_lines``/``split_pages``): ``page`` ↔ SP and EP.
- ``dates`` (``tags.pick_issued``/``default_dates``): PY, Y1, DA ↔ ``issued``; Y2 ↔
  ``accessed``.
- ``joined`` (``JOINED_TAGS``): KW and N1 repeat; their values join into one variable.
- ``note`` (``parse.ris.note``): what no tag gives back travels in one N1 block.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Row:
    var: str
    tag: str  # the tag written (and read)
    reads: tuple[str, ...] = ()  # further tags read as it
    kind: str = "text"  # text | names | id


# fmt: off
TABLE: tuple[Row, ...] = (
    Row("id", "ID", kind="id"),
    Row("author", "AU", ("A1",), "names"),
    Row("editor", "A2", ("ED",), "names"),
    Row("collection-editor", "A3", kind="names"),
    Row("translator", "A4", kind="names"),
    Row("title", "TI", ("T1", "CT")),
    Row("title-short", "ST"),
    Row("container-title", "T2", ("JF", "JO", "BT")),
    Row("container-title-short", "J2", ("JA", "J1")),
    Row("collection-title", "T3"),
    Row("event-title", "C3"),
    Row("volume", "VL", ("VO",)),
    Row("issue", "IS", ("CP",)),
    Row("number", "M1"),
    Row("number-of-volumes", "NV"),
    Row("edition", "ET"),
    Row("section", "SE"),
    Row("publisher", "PB"),
    Row("publisher-place", "CY", ("PP",)),
    Row("genre", "M3"),
    Row("ISBN", "SN", kind="serial"),  # read by the ``serial`` converter
    Row("ISSN", "SN", kind="serial"),
    Row("DOI", "DO"),
    Row("URL", "UR"),
    Row("language", "LA"),
    Row("abstract", "AB", ("N2",)),
    Row("call-number", "CN"),
    Row("source", "DB"),
    Row("archive_location", "AV"),
    Row("original-title", "OP"),
    Row("citation-label", "LB"),
    Row("annote", "RN"),
)
# fmt: on

#: Name tags → CSL name variable.
NAME_TAGS: dict[str, str] = {t: r.var for r in TABLE if r.kind == "names" for t in (r.tag, *r.reads)}
#: Text tags → CSL variable (the first occurrence wins; later ones are kept as extra tags).
TEXT_TAGS: dict[str, str] = {t: r.var for r in TABLE if r.kind in ("text", "id") for t in (r.tag, *r.reads)}
#: CSL variable → the tag written for it.
WRITE_TAG: dict[str, str] = {r.var: r.tag for r in TABLE}
#: Name variables in the order they are written.
NAME_ORDER: tuple[str, ...] = tuple(r.var for r in TABLE if r.kind == "names")
#: Other variables in the order they are written (after TY, ID and the names).
TEXT_ORDER: tuple[str, ...] = tuple(r.var for r in TABLE if r.kind in ("text", "serial"))
#: The ``joined`` converter: repeated tags whose values are all kept, joined into one string.
JOINED_TAGS: dict[str, tuple[str, str]] = {"KW": ("keyword", ", "), "N1": ("note", "\n\n")}
