"""A CSL reference as BibTeX or BibLaTeX fields: (name, LaTeX value, bare) triples.

The mapping is the two-way table in ``parse.bibtex_map``, read here row by row in its order
(the reader reads the same rows the other way), so that what one writes the other reads back
to the same record. This module owns only how a value becomes LaTeX.
"""

from __future__ import annotations

import re
from typing import Any

from ...model import Name, Reference, attribute_name
from ...parse.bibnames import format_names
from ...parse.bibtex_map.dates import date_fields
from ...parse.bibtex_map.own import write_own
from ...parse.bibtex_map.table import HANDLED, READ_ONLY, TABLE, Converter, Row
from ...parse.bibtex_map.types import BIBTEX_TYPES, entry_type
from ...parse.latex import balanced, escape, to_unicode
from .case import protect_words

__all__ = ["BIBTEX_TYPES", "entry_type", "fields"]

_RANGE_DASH = re.compile(
    r"(?<=\w)–(?=\w)"
)  # "10–20" is "10--20" in BibTeX; a dash beside other dashes stays as it is
_WRITTEN_ROWS = tuple(item for item in TABLE if isinstance(item, Converter) or item.var not in READ_ONLY)


class _Fields:
    """The fields of one record as they are written (``parse.bibtex_map.context.Writing``)."""

    __slots__ = ("dialect", "etype", "out", "ref")

    def __init__(self, ref: Reference, dialect: str, etype: str) -> None:
        self.ref, self.dialect, self.etype = ref, dialect, etype
        self.out: list[tuple[str, str, bool]] = []

    def add(self, field: str, value: str, bare: bool = False) -> None:
        self.out.append((field, value, bare))

    def var(self, var: str, title: bool = False) -> str:
        """A CSL variable's value as LaTeX: the LaTeX it was read from while the value is
        unchanged (math, ``\\ce{…}``, superscripts survive), else the plain text escaped."""
        value = str(self.ref.get(var))
        return _source_form(self.ref, var, value) or (_title(value) if title else escape(value))

    def written(self, field: str) -> bool:
        return any(f == field for f, _, _ in self.out)

    def row(self, row: Row, others: Any) -> None:
        value = self.ref.get(row.var)
        codec = row.codec
        if codec in ("scalar", "range"):
            if value is None:
                return
        elif not value:
            return
        if codec == "scalar":
            self.add(row.field_in(self.dialect), self.var(row.var))
        elif codec == "names":
            names: list[Name] = value
            self.add(row.field, format_names(names, row.field in others))
        elif codec == "date":
            self.out.extend(date_fields(row.field, value, self.dialect))
        elif codec == "range":
            self.add(row.field, _RANGE_DASH.sub("--", escape(str(value))))
        elif codec == "verbatim":  # only braces must not occur
            self.add(row.field, str(value).replace("{", "%7B").replace("}", "%7D"))
        else:
            self.add(row.field_in(self.dialect), self.var(row.var, title=codec == "title"))


def _title(value: str) -> str:
    return "".join("{" + escape(w) + "}" if braced else escape(w) for w, braced in protect_words(value))


def _source_form(ref: Reference, key: str, value: str) -> str | None:
    latex = ref.latex.get(key)
    return latex if latex is not None and to_unicode(latex) == value and balanced(latex) else None


def fields(
    ref: Reference, dialect: str, etype: str, known_keys: set[str] | None = None
) -> list[tuple[str, str, bool]]:
    """The fields for ``ref``, in the table's order; each value is LaTeX, ``bare`` = no braces.

    ``crossref``/``xdata`` are kept only if they name an entry in the output (``known_keys``,
    lower case): the inherited data is in the model and written out either way."""
    if noted := ref.stated_in_note():  # the note, written as it is, says them already
        ref = ref.model_copy(update={attribute_name(var): None for var in noted})
    out = _Fields(ref, dialect, etype)
    others = ref.unmapped.get("others") or []
    for item in _WRITTEN_ROWS:
        if isinstance(item, Row):
            out.row(item, others)
        elif item.write is not None:
            item.write(out)
    write_own(out, HANDLED, _source_form, known_keys)
    return out.out
