"""CSL-JSON out: an array (pretty, stable key order) or JSON Lines; UTF-8, never \\u escapes."""

from __future__ import annotations

import json
from typing import Any

from ..model import Library
from ..options import WriteOptions


def items(library: Library) -> list[dict[str, Any]]:
    """The library as CSL-JSON objects, in library order."""
    return [ref.to_csl() for ref in library.references]


def write(library: Library, options: WriteOptions | None = None) -> str:
    options = options or WriteOptions()
    data = items(library)
    if options.json_lines:
        return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in data)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
