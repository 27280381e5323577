"""``refman-pandoc``: a pandoc JSON filter (``pandoc paper.md --filter refman-pandoc -o paper.docx``).

pandoc writes the document as JSON to standard input and the output format as the first
argument, and reads the filtered document from standard output. The filter never fails a
pandoc run: every problem is one ``refman-pandoc: …`` line on standard error, and if
anything goes wrong the document goes back as it came, never empty.
"""

from __future__ import annotations

import json
import sys
from typing import Any


def _warn(message: str) -> None:
    sys.stderr.write(f"refman-pandoc: {message}\n")


def main(argv: list[str] | None = None) -> int:
    """Filter standard input to standard output; always status 0 with a document."""
    data = sys.stdin.buffer.read()
    out = data
    try:
        document: Any = json.loads(data)
        if not isinstance(document, dict) or "blocks" not in document:
            raise ValueError("not a pandoc JSON document")
        from ..citing.pandoc_filter import filter_document

        filtered = filter_document(document, _warn)
        out = json.dumps(filtered, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except Exception as exc:  # noqa: BLE001 (a filter hands pandoc its document back, whatever happened)
        _warn(
            f"citations left as they were: {getattr(exc, 'message', None) or exc.__class__.__name__ + ': ' + str(exc)}"
        )
        out = data
    try:
        sys.stdout.buffer.write(out)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        pass
    return 0


def run() -> None:
    raise SystemExit(main())
