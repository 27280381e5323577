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
    for var in ref.stated_in_note():
        data.pop(var, None)
    return data


def write(library: Library, options: WriteOptions | None = None) -> str:
    """The text of the array (as ``json.dumps(items, indent=2)`` prints it) or of JSON Lines.

    Each item is turned into text as soon as it is built, so no list of every item's dict is
    held beside the models and the text: at 100,000 items that is a few hundred MB.
    """
    options = options or WriteOptions()
    if options.json_lines:
        return "".join(json.dumps(_item(ref), ensure_ascii=False) + "\n" for ref in library.references)
    if not library.references:
        return "[]\n"
    texts = (
        "  " + json.dumps(_item(ref), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        for ref in library.references
    )
    return "[\n" + ",\n".join(texts) + "\n]\n"
