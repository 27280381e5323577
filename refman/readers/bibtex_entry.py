"""One BibTeX/BibLaTeX entry (fields already macro-expanded, still LaTeX) as a CSL reference.

Every field lands somewhere: a CSL variable, or ``unmapped`` under its own name, so that a
round trip keeps it. Which field is which variable is the two-way table in
``parse.bibtex_map`` (the writer reads the same table the other way); this module only runs
it: each field to its row or converter, then the converters' steps that need every field.
"""

from __future__ import annotations

from typing import Any

from ..model import Reference
from ..parse.bibnames import parse_names
from ..parse.bibtex_fields import VERBATIM_FIELDS
from ..parse.bibtex_map.biblatex import list_text
from ..parse.bibtex_map.dates import read_date
from ..parse.bibtex_map.own import read_own
from ..parse.bibtex_map.table import DEFERRED, FINISHERS, READERS, Converter, Row
from ..parse.bibtex_map.titles import titled
from ..parse.bibtex_map.types import csl_type, read_entry_type
from ..parse.latex import decoded_completely, to_unicode

#: The key in ``unmapped`` listing name fields that ended in "and others".
OTHERS_KEY = "others"


class _Entry:
    """One entry being read (``parse.bibtex_map.context.Reading``)."""

    __slots__ = ("csl_type", "data", "etype", "fields", "latex", "others", "skip", "unmapped")

    def __init__(self, etype: str, key: str, fields: dict[str, str]) -> None:
        self.etype = etype
        self.fields = fields
        self.csl_type, by_subtype = csl_type(etype, fields)
        self.data: dict[str, Any] = {"id": key, "type": self.csl_type}
        self.unmapped: dict[str, Any] = {}
        self.latex: dict[str, str] = {}
        self.others: list[str] = []
        self.skip = DEFERRED | {"entrysubtype"} if by_subtype else DEFERRED  # written back from the type

    def put(self, var: str, value: Any, field: str) -> None:
        if value in (None, "", []):
            return
        if var in self.data:
            self.keep(field)
            return
        self.data[var] = value
        if isinstance(value, str) and field not in VERBATIM_FIELDS:
            source = self.fields[field].strip()
            if not decoded_completely(source, value) and to_unicode(source) == value:
                self.latex[var] = source

    def keep(self, field: str) -> None:
        """A field with no CSL variable of its own (or whose variable is taken): kept."""
        raw = self.fields[field]
        if field in VERBATIM_FIELDS:
            self.unmapped[field] = raw
            return
        self.unmapped[field] = value = to_unicode(raw)
        if not decoded_completely(raw, value):
            self.latex["unmapped:" + field] = raw.strip()

    def row(self, row: Row, field: str, raw: str) -> None:
        codec = row.codec
        if codec == "names":
            names, truncated = parse_names(raw)
            if truncated:
                self.others.append(field)
            self.put(row.var, names, field)
        elif codec == "date":
            self.put(row.var, read_date(raw.strip()), field)
        elif codec == "verbatim":
            self.put(row.var, raw.strip(), field)
        elif codec == "list":
            self.put(row.var, list_text(self, field, raw), field)
        elif row.subfield:
            self.put(row.var, titled(raw, self.fields.get(row.subfield)), field)
        else:
            self.put(row.var, to_unicode(raw), field)


def to_reference(entry_type: str, key: str, fields: dict[str, str]) -> Reference:
    """The CSL reference an entry stands for; ``fields`` maps lower-case names to LaTeX."""
    entry = _Entry(entry_type.lower(), key, fields)
    read_entry_type(entry)
    skip = entry.skip
    for field, raw in fields.items():
        if field in skip:
            continue
        reader = READERS.get(field)
        if reader is None:
            read_own(entry, field, raw)
        elif isinstance(reader, Converter):
            reader.read(entry, field, raw)  # type: ignore[misc]
        else:
            entry.row(reader, field, raw)
    for finish in FINISHERS:
        finish(entry)
    if entry.others:
        entry.unmapped[OTHERS_KEY] = entry.others
    entry.data["unmapped"] = entry.unmapped
    entry.data["latex"] = entry.latex
    return Reference.model_validate(entry.data)
