"""Diagnostics: what readers, rules and writers have to say about the data, as values.

Readers never raise on one bad item; they return a ``Diagnostic`` and go on. The CLI decides
how to show them (a table on a terminal, one line each when piped, JSON or SARIF for tools).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .model import Library


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class FixSafety(StrEnum):
    SAFE = "safe"  # meaning-preserving: applied by --fix
    UNSAFE = "unsafe"  # may change meaning: only with --unsafe-fixes


@dataclass(frozen=True, slots=True)
class Fix:
    """A proposed change to one field of one reference, as data."""

    description: str
    field: str
    new: Any
    old: Any = None
    safety: FixSafety = FixSafety.SAFE


@dataclass(frozen=True, slots=True)
class Location:
    path: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.path or "-"]
        if self.line is not None:
            parts.append(str(self.line))
        return ":".join(parts)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding: a code (RMnnn), a kebab-case name, a severity and a message."""

    code: str
    name: str
    severity: Severity
    message: str
    location: Location = field(default_factory=Location)
    reference: str | None = None  # the reference's id
    number: int | None = None  # its number in a numbered list
    field: str | None = None  # the CSL variable concerned
    fix: Fix | None = None

    def to_dict(self) -> dict[str, Any]:
        """The one JSON shape of a finding, for ``--format json``."""
        out: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "reference": self.reference,
            "number": self.number,
            "field": self.field,
            "path": self.location.path,
            "line": self.location.line,
        }
        if self.fix is not None:
            out["fix"] = {
                "description": self.fix.description,
                "field": self.fix.field,
                "old": self.fix.old,
                "new": self.fix.new,
                "safety": self.fix.safety.value,
            }
        else:
            out["fix"] = None
        return out

    def line(self) -> str:
        """``file:line: CODE message``: the plain one-line form for pipes and editors."""
        where = str(self.location)
        subject = f"[{self.number}] " if self.number is not None else ""
        return f"{where}: {self.code} {subject}{self.message}"


@dataclass(slots=True)
class ReadResult:
    """What a reader returns: the library it built and what it noticed on the way."""

    library: Library
    diagnostics: list[Diagnostic] = field(default_factory=list)
