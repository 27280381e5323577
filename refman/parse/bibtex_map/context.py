"""What a converter of the BibTeX map may ask of the reader and of the writer that run it.

The reader (``readers.bibtex_entry``) and the writer (``writers.bibtex.fields``) each pass an
object with these methods; the converters beside the table never touch files, LaTeX output
rules or the other side, so both sides read one description of the mapping.
"""

from __future__ import annotations

from typing import Any, Protocol

from ...model import Reference


class Reading(Protocol):
    """One entry being read: its fields (lower-case names → LaTeX) and the record so far."""

    etype: str  # the entry type, lower case
    csl_type: str
    fields: dict[str, str]
    data: dict[str, Any]  # CSL variables set so far (first value wins)
    unmapped: dict[str, Any]
    latex: dict[str, str]  # LaTeX source forms by variable ("unmapped:field" for kept ones)
    others: list[str]  # name fields that ended in "and others"

    def put(self, var: str, value: Any, field: str) -> None:
        """``var`` = ``value`` read from ``field``, unless ``var`` is taken (then ``keep``)."""

    def keep(self, field: str) -> None:
        """``field`` into ``unmapped`` under its own name, decoded (its LaTeX remembered)."""


class Writing(Protocol):
    """One record being written: the fields so far, in order."""

    ref: Reference
    dialect: str  # "bibtex" or "biblatex"
    etype: str  # the entry type being written
    out: list[tuple[str, str, bool]]  # (field, LaTeX value, bare)

    def add(self, field: str, value: str, bare: bool = False) -> None:
        """Append one field."""

    def var(self, var: str, title: bool = False) -> str:
        """A variable's value as LaTeX (its source form while unchanged; titles case-protected)."""

    def written(self, field: str) -> bool:
        """Whether ``field`` is among the fields written so far."""
