"""Outside programs refman runs: pandoc, whose Markdown reader is the reference for citations.

Set ``REFMAN_PANDOC`` to a path to use another pandoc, or to ``none`` to read Markdown with
refman's own scanner even where pandoc is installed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from typing import Any

#: Seconds pandoc may take to read one manuscript before refman reads it itself.
TIMEOUT = 120


def pandoc() -> str | None:
    """The pandoc to run, or None."""
    wanted = os.environ.get("REFMAN_PANDOC", "pandoc")
    return None if wanted.lower() in ("", "none", "0") else shutil.which(wanted)


def pandoc_ast(text: str, reader: str = "markdown") -> dict[str, Any] | None:
    """pandoc's JSON AST of ``text``, or None when pandoc is absent or cannot read it (the
    caller then scans the text itself)."""
    program = pandoc()
    if program is None:
        return None
    try:
        done = subprocess.run(
            [program, "-f", reader, "-t", "json"],
            input=text.encode("utf-8"),
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    try:
        document = json.loads(done.stdout)
    except ValueError:
        return None
    return document if isinstance(document, dict) and "blocks" in document else None
