"""CSL-JSON in: an array of items, one object, or JSON Lines.

Keys that are not CSL variables are kept in ``unmapped`` (nothing is lost); an item that
cannot be used is reported with its position and the rest are read.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from ..diagnostics import Diagnostic, Location, ReadResult, Severity
from ..model import CSL_FIELDS, DATE_VARIABLES, Library, Reference, SourceSpan
from ..parse.dates import parse_date

#: Deeper nesting than this is not bibliographic data; refusing it bounds time and memory.
MAX_DEPTH = 64


def sniff(text: str) -> float:
    head = text.lstrip()[:1]
    if head == "[":
        return 0.9 if '"type"' in text[:20000] or '"id"' in text[:20000] else 0.5
    if head == "{":
        return 0.8 if '"id"' in text[:20000] or '"type"' in text[:20000] else 0.4
    return 0.0


def read(text: str, name: str = "-") -> ReadResult:
    diagnostics: list[Diagnostic] = []
    items = _load_items(text, name, diagnostics)
    library = Library()
    for index, item in enumerate(items, start=1):
        ref = _to_reference(item, index, name, diagnostics)
        if ref is not None:
            library.references.append(ref)
    return ReadResult(library, diagnostics)


def _error(name: str, message: str, line: int | None = None, number: int | None = None) -> Diagnostic:
    return Diagnostic(
        "RM001", "unreadable-input", Severity.ERROR, message,
        location=Location(name, line), number=number,
    )  # fmt: skip


def _too_deep(text: str) -> bool:
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif ch in "]}":
            depth -= 1
    return False


def _load_items(text: str, name: str, diagnostics: list[Diagnostic]) -> list[Any]:
    stripped = text.strip()
    if not stripped:
        diagnostics.append(_error(name, "empty input: no CSL-JSON items"))
        return []
    if _too_deep(stripped):
        diagnostics.append(_error(name, f"JSON nested deeper than {MAX_DEPTH} levels; not CSL-JSON"))
        return []
    try:
        data = json.loads(stripped)
    except json.JSONDecodeError as exc:
        lines = [ln for ln in stripped.splitlines() if ln.strip()]
        if len(lines) > 1 and all(ln.lstrip().startswith("{") for ln in lines):
            return _load_json_lines(text, name, diagnostics)
        diagnostics.append(_error(name, f"invalid JSON: {exc.msg}", exc.lineno))
        return []
    except RecursionError:
        diagnostics.append(_error(name, "JSON nested too deeply; not CSL-JSON"))
        return []
    if isinstance(data, dict):
        data = data.get("items", [data]) if "id" not in data and "type" not in data else [data]
    if not isinstance(data, list):
        diagnostics.append(_error(name, "CSL-JSON must be an array of objects"))
        return []
    return data


def _load_json_lines(text: str, name: str, diagnostics: list[Diagnostic]) -> list[Any]:
    items: list[Any] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except (json.JSONDecodeError, RecursionError) as exc:
            diagnostics.append(_error(name, f"invalid JSON on this line: {exc}", lineno))
    return items


def _to_reference(item: Any, index: int, name: str, diagnostics: list[Diagnostic]) -> Reference | None:
    if not isinstance(item, dict):
        diagnostics.append(_error(name, f"item {index} is not an object; skipped", number=index))
        return None
    known: dict[str, Any] = {}
    unmapped: dict[str, Any] = {}
    for key, value in item.items():
        (known if key in CSL_FIELDS and key not in ("unmapped", "origin") else unmapped)[key] = value
    if unmapped:
        known.setdefault("unmapped", {}).update(unmapped)
    try:
        ref = Reference.model_validate(known)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        diagnostics.append(
            _error(
                name, f"item {index} ({item.get('id', '?')}): {where}: {first['msg']}; skipped", number=index
            )
        )
        return None
    ref.origin = SourceSpan(path=name, number=index)
    for var in DATE_VARIABLES:
        value = ref.get(var)
        if value is not None and not value.date_parts and value.raw:
            parsed = parse_date(value.raw)
            if parsed is not None:
                value.parsed_parts = [list(map(int, parsed.parts))]
                value.reading = value.reading or parsed.reading
    return ref
