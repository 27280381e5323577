"""Zotero's "Extra" lines in a CSL ``note``: ``original-date: 1950``, ``DOI: 10.1/x``,
``author: Family || Given``, and the older ``{:original-date: 1950}`` form.

Zotero puts what its item types cannot hold into Extra, and CSL processors (citeproc-js)
read CSL variables from those lines of the note. refman does the same for the variables
CSL knows: it fills a variable the item lacks and leaves the note as it was, so nothing is
lost and a CSL-JSON writer can give the item back unchanged.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import CSL_FIELDS, CSL_TYPES, DATE_VARIABLES, NAME_VARIABLES, DateValue
from .dates import parse_date

#: "key: value" on a line of its own; the key is letters, digits, spaces, '-' or '_'.
#: Greedy value groups (stripped afterwards): a lazy group before ``[ \t]*$`` would be
#: quadratic on long runs of spaces.
_LINE = re.compile(r"^[ \t]*([A-Za-z][A-Za-z0-9 _-]{0,40}?)[ \t]*:[ \t]*(\S[^\n]*)$", re.MULTILINE)
_BRACED = re.compile(r"\{:([A-Za-z][A-Za-z0-9_-]{0,40}):([^{}\n]*)\}")
_CAMEL = re.compile(r"(?<=[a-z0-9])([A-Z])")
_EDTF = re.compile(r"^(-?\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?$")

#: Variables a note line may not set: ours, structural, or the note itself.
_NOT_FROM_NOTE = frozenset({"id", "note", "custom", "type"})
_LOOKUP = {name.lower(): name for name in CSL_FIELDS if name not in _NOT_FROM_NOTE}


def variable_of(key: str) -> str | None:
    """The CSL variable a note key names: "original-date", "Original Date", "originalDate"."""
    kebab = _CAMEL.sub(r"-\1", key.strip()).replace(" ", "-").replace("_", "-").lower()
    return _LOOKUP.get(kebab) or _LOOKUP.get(key.strip().lower())


def extras(note: str) -> list[tuple[str, str]]:
    """(CSL variable, value) pairs the note states, in order; other lines are ignored."""
    found: list[tuple[str, str]] = []
    for match in _BRACED.finditer(note):
        var = variable_of(match.group(1))
        if var is not None and match.group(2).strip():
            found.append((var, match.group(2).strip()))
    for match in _LINE.finditer(note):
        var = variable_of(match.group(1))
        if var is not None:
            found.append((var, match.group(2).strip()))
    return found


def note_type(note: str) -> str | None:
    """A ``type: …`` line naming a CSL type (used only for an item without a type)."""
    for match in _LINE.finditer(note):
        if match.group(1).strip().lower() == "type" and match.group(2).strip() in CSL_TYPES:
            return match.group(2).strip()
    return None


def csl_value(var: str, text: str) -> Any:
    """The CSL-JSON value of one note line: a date object, a name, or the text."""
    if var in DATE_VARIABLES:
        return date_from_text(text)
    if var in NAME_VARIABLES:
        family, sep, given = text.partition("||")
        if sep:
            return {"family": family.strip(), "given": given.strip()}
        return {"literal": text.strip()}
    return text


def date_from_text(text: str) -> dict[str, Any]:
    """An EDTF-style date or range as date-parts ("1950", "1950-05", "1950-05-12/1951");
    anything else as ``raw``, which CSL processors parse themselves."""
    parts: list[list[int]] = []
    for piece in text.strip().split("/") if text.count("/") == 1 else [text.strip()]:
        match = _EDTF.match(piece.strip())
        if match is None:
            return {"raw": text}
        numbers = [int(g) for g in match.groups() if g is not None]
        if (len(numbers) > 1 and not 1 <= numbers[1] <= 12) or (
            len(numbers) > 2 and not 1 <= numbers[2] <= 31
        ):
            return {"raw": text}
        parts.append(numbers)
    return {"date-parts": parts}


def stated(note: str) -> dict[str, Any]:
    """The variables the note's lines state, as CSL-JSON values: the first line for each, every
    line for a name variable."""
    found: dict[str, Any] = {}
    for var, text in extras(note):
        value = csl_value(var, text)
        if var in NAME_VARIABLES:
            found.setdefault(var, []).append(value)
        elif var not in found:
            found[var] = value
    return found


def apply(item: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The item with the note's variables filled where it has none, and what was filled."""
    note = item.get("note")
    if not isinstance(note, str) or ":" not in note:
        return item, {}
    filled = {var: value for var, value in stated(note).items() if var not in item}
    out = {**item, **filled}
    if "type" not in item:
        kind = note_type(note)
        if kind is not None:
            out["type"] = kind
    return out, filled


def fill_parsed_parts(value: DateValue | None) -> None:
    """A ``raw`` date without parts gets ``parsed_parts`` (never written back): what a CSL-JSON
    reader and the library do with a date given only as text."""
    if value is None or value.date_parts or not value.raw:
        return
    parsed = parse_date(value.raw) if len(value.raw) < 100 else None
    if parsed is not None and parsed.date_parts:
        value.parsed_parts = [[int(p) for p in parsed.date_parts[0]]]
        value.reading = value.reading or parsed.reading
        return
    edtf = date_from_text(value.raw)
    if "date-parts" in edtf:
        value.parsed_parts = edtf["date-parts"]
