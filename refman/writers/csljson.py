"""CSL-JSON out: an array (pretty, stable key order) or JSON Lines; UTF-8, never \\u escapes."""

from __future__ import annotations

import json
from typing import Any

from ..model import Library, Reference
from ..options import WriteOptions


def items(library: Library) -> list[dict[str, Any]]:
    """The library as CSL-JSON objects, in library order."""
    return [_item(ref) for ref in library.references]


def _item(ref: Reference) -> dict[str, Any]:
    """One item; variables a reader took from the note's "key: value" lines are left out
    while unchanged, since the note (written as it was) still states them."""
    data = ref.to_csl()
    from_note = ref.origin.note_fields if ref.origin is not None else None
    for var, value in (from_note or {}).items():
        if var != "type" and data.get(var) == value:
            del data[var]
    return data


def write(library: Library, options: WriteOptions | None = None) -> str:
    options = options or WriteOptions()
    data = items(library)
    if options.json_lines:
        return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in data)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
