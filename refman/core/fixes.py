"""Apply the fixes that rules propose, until nothing changes (so a second run has nothing to do).

A fix names a field, the value it expects there and the value to put; it is applied only if
the field still holds the expected value, so two fixes of one field never trample each other:
the second waits for the next pass, when its rule sees the first one's result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from pydantic import TypeAdapter

from ..diagnostics import Diagnostic, FixSafety
from ..model import Library, Reference, attribute_name, csl_value
from ..parse.latex_edit import place_edits
from .validate import run, selected_rules

MAX_PASSES = 8


@dataclass(frozen=True, slots=True)
class Change:
    """One applied fix, for the report on stderr."""

    code: str
    reference: str
    number: int | None
    field: str
    description: str

    def line(self) -> str:
        where = f"[{self.number}] " if self.number is not None else ""
        return f"fixed {where}{self.reference}: {self.description} ({self.code})"


@cache
def _adapter(attr: str) -> TypeAdapter[Any]:
    return TypeAdapter(Reference.model_fields[attr].annotation)


def _apply(ref: Reference, diag: Diagnostic) -> bool:
    fix = diag.fix
    if fix is None:
        return False
    attr = attribute_name(fix.field)
    if attr not in Reference.model_fields or csl_value(getattr(ref, attr)) != fix.old or fix.new == fix.old:
        return False  # the field moved on since the check, or the fix would change nothing
    new = None if fix.new is None else _adapter(attr).validate_python(fix.new)
    if fix.field in ref.latex:  # the LaTeX it was read from takes the same edit (see latex_allows)
        edited = (
            place_edits(ref.latex[fix.field], str(fix.old), str(fix.new)) if fix.new is not None else None
        )
        if edited is None:
            del ref.latex[fix.field]
        else:
            ref.latex[fix.field] = edited
    setattr(ref, attr, new)
    return True


def fix_library(
    library: Library,
    unsafe: bool = False,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    today: date | None = None,
) -> list[Change]:
    """Apply safe fixes (and unsafe ones with ``unsafe``) in place; the changes made."""
    rules = [r for r in selected_rules(select, ignore) if r.fix is not None]
    allowed = {FixSafety.SAFE, FixSafety.UNSAFE} if unsafe else {FixSafety.SAFE}
    changes: list[Change] = []
    for _ in range(MAX_PASSES):
        applied = 0
        for result in run(library, rules, today):
            diag, ref = result.diagnostic, result.ref
            if ref is None or diag.fix is None or diag.fix.safety not in allowed:
                continue
            if _apply(ref, diag):
                applied += 1
                changes.append(
                    Change(diag.code, str(ref.id), diag.number, diag.fix.field, diag.fix.description)
                )
        if not applied:
            break
    return changes
