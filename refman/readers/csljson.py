"""CSL-JSON in: an array of items, one item, ``{"items": [...]}``, or JSON Lines.

Nothing is lost and one bad value does not cost the item: keys that are not CSL variables,
and values that do not fit the CSL schema (a number where a name belongs, a fractional
volume), go to ``unmapped`` with a warning and the rest of the item is read. A ``raw`` date
is parsed into ``parsed_parts`` and written back as given; Zotero's note extras fill the
variables an item lacks (see ``csl_note``). ``items_to_library`` is shared with CSL-YAML.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError

from ..diagnostics import Diagnostic, Location, ReadResult, Severity
from ..model import CSL_FIELDS, DATE_VARIABLES, Library, Reference, SourceSpan
from ..parse import csl_note

#: Deeper nesting than this is not bibliographic data; refusing it bounds time and memory.
MAX_DEPTH = 64
_KNOWN = frozenset(CSL_FIELDS) - {"unmapped", "origin"}
_ITEM_KEYS = ('"type"', '"id"', '"title"', '"author"', '"issued"', '"container-title"')


def sniff(text: str) -> float:
    """JSON that looks like CSL items: an array or object(s) with CSL keys near the start."""
    head = text[:20000].lstrip("\ufeff \t\r\n")
    if not head or head[0] not in "[{":
        return 0.0
    if head[0] == "[" and head[1:].lstrip()[:1] not in ("{", "]", ""):
        return 0.1  # an array of scalars: JSON, but not CSL
    keys = sum(key in head for key in _ITEM_KEYS)
    if keys >= 2:
        return 0.9
    return 0.6 if keys else 0.4


def read(text: str, name: str = "-") -> ReadResult:
    diagnostics: list[Diagnostic] = []
    items = _load_items(text, name, diagnostics)
    library = items_to_library(items, name, diagnostics)
    return ReadResult(library, diagnostics)


def read_batches(text: str, name: str = "-", size: int = 2000) -> Iterator[tuple[ReadResult, int]]:
    """``read`` in parts of ``size`` items, for inputs too large to hold as models at once
    (``refman add``). A plain array whose every item is well-formed is decoded item by item
    (a first pass checks the whole text, so an invalid file is refused before any part is
    given); anything else (JSON Lines, ``{"items": …}``, a broken or unusual file) is read
    whole by ``read``, with the same items and diagnostics either way. Each part comes with
    how far into the text it reaches."""
    spans = _array_spans(text)
    if spans is None:
        yield read(text, name), len(text)
        return
    for start in range(0, len(spans), size):
        diagnostics: list[Diagnostic] = []
        items = [_STRICT.raw_decode(text, begin)[0] for begin in spans[start : start + size]]
        reached = spans[start + size] if start + size < len(spans) else len(text)
        yield ReadResult(items_to_library(items, name, diagnostics, first=start + 1), diagnostics), reached


def _array_spans(text: str) -> list[int] | None:
    """Where each item of a top-level array of objects begins, when ``read`` would take the
    array as it is (strict JSON, nesting within bounds, no lone surrogate escape); else None."""
    begin = len(text) - len(text.lstrip("\ufeff \t\r\n"))
    if text[begin : begin + 1] != "[" or _SURROGATE_ESCAPE.search(text):
        return None
    spans, at, end = [], begin + 1, len(text.rstrip(" \t\r\n"))
    try:
        at = _WHITESPACE.match(text, at).end()  # type: ignore[union-attr]
        if text[at : at + 1] == "]":
            return None  # an empty array: ``read`` says so
        while True:
            if text[at : at + 1] != "{":
                return None
            item, after = _STRICT.raw_decode(text, at)
            if depth_exceeds(item, MAX_DEPTH - 1):
                return None
            spans.append(at)
            at = _WHITESPACE.match(text, after).end()  # type: ignore[union-attr]
            if text[at : at + 1] == "]":
                return spans if at + 1 == end else None
            if text[at : at + 1] != ",":
                return None
            at = _WHITESPACE.match(text, at + 1).end()  # type: ignore[union-attr]
    except (ValueError, RecursionError):
        return None


_WHITESPACE = re.compile(r"[ \t\r\n]*")


def items_to_library(items: list[Any], name: str, diagnostics: list[Diagnostic], first: int = 1) -> Library:
    """CSL items (dicts as JSON or YAML gave them) as references, each bad one reported
    (``first``: the number of the first item in the input)."""
    library = Library()
    for index, item in enumerate(items, start=first):
        ref = _to_reference(item, index, name, diagnostics)
        if ref is not None:
            library.references.append(ref)
    return library


def diag(
    name: str, message: str, *, line: int | None = None, number: int | None = None, error: bool = True
) -> Diagnostic:
    """RM001 (an input or an item that cannot be read) or RM009 (a value kept aside)."""
    if error:
        return Diagnostic(
            "RM001", "unreadable-input", Severity.ERROR, message, Location(name, line), number=number
        )
    return Diagnostic("RM009", "input-data", Severity.WARNING, message, Location(name, line), number=number)


def depth_exceeds(data: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether parsed data nests deeper than ``limit``. Recursion is bounded by ``limit``
    itself, so it cannot blow the stack; a plain loop per level keeps 10,000 items fast."""
    if isinstance(data, (dict, list)):
        return _deeper(data, limit - 1)
    return False


def _deeper(value: dict | list, budget: int) -> bool:
    children = value.values() if type(value) is dict else value
    for child in children:
        kind = type(child)
        nested = kind is dict or kind is list or isinstance(child, (dict, list))
        if nested and (budget <= 0 or _deeper(child, budget - 1)):
            return True
    return False


def _load_items(text: str, name: str, diagnostics: list[Diagnostic]) -> list[Any]:
    stripped = text.strip().lstrip("\ufeff")
    if not stripped:
        diagnostics.append(diag(name, "empty input: no CSL-JSON items"))
        return []
    try:
        data = _json(stripped)
    except json.JSONDecodeError as exc:
        if (exc.lineno > 1 and stripped.startswith("{")) or _json_lines_after_first(stripped):
            return _load_json_lines(stripped, name, diagnostics)
        diagnostics.append(diag(name, f"invalid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno))
        return []
    except RecursionError:
        diagnostics.append(diag(name, f"JSON nested deeper than {MAX_DEPTH} levels; not CSL-JSON"))
        return []
    except ValueError as exc:  # NaN, Infinity, 1e999, integers of thousands of digits
        diagnostics.append(diag(name, f"invalid JSON: {exc}"))
        return []
    if (half := _lone_surrogate(stripped, data)) is not None:
        diagnostics.append(
            diag(name, f"invalid JSON: \\u{ord(half):04x} is half of a surrogate pair, not a character")
        )
        return []
    return top_level_items(data, name, diagnostics, "CSL-JSON")


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _lone_surrogate(text: str, data: Any) -> str | None:
    """A "\\ud800" escape without its pair: json reads it as a lone surrogate, which no
    output encoding can write. Paired escapes (an emoji) were joined into one character."""
    if not _SURROGATE_ESCAPE.search(text):
        return None
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.object[exc.start]
    return None


def _not_json(value: str) -> float:
    raise ValueError(f"{value} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text[:20]} is out of range")
    return value


#: Strict JSON: no NaN/Infinity, no overflowing floats (both would be written as non-JSON).
_STRICT_HOOKS: dict[str, Any] = {"parse_constant": _not_json, "parse_float": _finite}
#: The same rules for decoding an array item by item (``read_batches``).
_STRICT = json.JSONDecoder(**_STRICT_HOOKS)


def _json(text: str) -> Any:
    return json.loads(text, **_STRICT_HOOKS)


def top_level_items(data: Any, name: str, diagnostics: list[Diagnostic], what: str) -> list[Any]:
    """The item list of a parsed document: a list, ``items``/``references``, or one item."""
    if depth_exceeds(data):
        diagnostics.append(
            diag(name, f"{what} nested deeper than {MAX_DEPTH} levels; not bibliographic data")
        )
        return []
    if isinstance(data, dict):
        for key in ("items", "references"):
            if isinstance(data.get(key), list):
                return data[key]
        if "id" in data or "type" in data:
            return [data]
        diagnostics.append(diag(name, f"{what}: an object without id or type, not an item"))
        return []
    if not isinstance(data, list):
        diagnostics.append(diag(name, f"{what} must be a list of items, not a {type(data).__name__}"))
        return []
    return data


def _json_lines_after_first(text: str) -> bool:
    """Whether every line after a broken first one is an object of its own: JSON Lines whose
    first line is damaged (that line alone is lost, not the file)."""
    rest = [line.strip() for line in text.split("\n")[1:] if line.strip()]
    return bool(rest) and all(line.startswith("{") and line.endswith("}") for line in rest)


def _load_json_lines(text: str, name: str, diagnostics: list[Diagnostic]) -> list[Any]:
    items: list[Any] = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = _json(line)
        except (ValueError, RecursionError) as exc:
            diagnostics.append(diag(name, f"invalid JSON on this line: {exc}", line=lineno))
            continue
        if depth_exceeds(item):
            diagnostics.append(diag(name, f"JSON nested deeper than {MAX_DEPTH} levels", line=lineno))
            continue
        items.append(item)
    return items


def _to_reference(item: Any, index: int, name: str, diagnostics: list[Diagnostic]) -> Reference | None:
    if not isinstance(item, dict):
        diagnostics.append(diag(name, f"item {index} is not an object; skipped", number=index))
        return None
    item = {str(k): v for k, v in item.items()}
    item, from_note = csl_note.apply(item)
    known = {k: v for k, v in item.items() if k in _KNOWN}
    unmapped = {k: v for k, v in item.items() if k not in _KNOWN}
    label = item.get("id", "?")
    for _ in range(len(known) + 1):
        try:
            ref = Reference.model_validate({**known, "unmapped": {**unmapped, **_lifted(known)}})
            break
        except ValidationError as exc:
            bad = _bad_key(exc, known)
            if bad is None:
                first = exc.errors()[0]
                diagnostics.append(
                    diag(name, f"item {index} ({label}): {first['msg']}; skipped", number=index)
                )
                return None
            unmapped[bad] = known.pop(bad)
            from_note.pop(bad, None)
            diagnostics.append(
                diag(
                    name,
                    f"item {index} ({label}): {bad!r} is not valid CSL; kept aside",
                    number=index,
                    error=False,
                )
            )
    else:  # pragma: no cover - every pass removes a key, so the loop ends by break
        return None
    ref.origin = SourceSpan(path=name, number=index, note_fields=from_note or None)
    for var in DATE_VARIABLES:
        csl_note.fill_parsed_parts(ref.get(var))
    return ref


def _lifted(known: dict[str, Any]) -> dict[str, Any]:
    """Our own ``custom.refman.unmapped`` (from CSL-JSON we wrote) comes back as unmapped."""
    custom = known.get("custom")
    if isinstance(custom, dict) and isinstance(custom.get("refman"), dict):
        ours = custom["refman"].get("unmapped")
        return dict(ours) if isinstance(ours, dict) else {}
    return {}


def _bad_key(exc: ValidationError, known: dict[str, Any]) -> str | None:
    """The item key a validation error is about, so that it alone can be kept aside."""
    for error in exc.errors():
        loc = error.get("loc") or ()
        if loc and isinstance(loc[0], str):
            key = loc[0]
            for candidate in (key, key.replace("_", "-")):
                if candidate in known:
                    return candidate
            for candidate in known:
                if CSL_FIELDS.get(candidate) == key:
                    return candidate
    return None
