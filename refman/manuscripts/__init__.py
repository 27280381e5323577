"""Citations in manuscripts (LaTeX and pandoc Markdown): find them, and rename their keys.

Pure text work, no files: ``latex`` and ``markdown`` each yield ``Citation`` values (the keys
with their exact positions, the notes around them) and build ``rekey`` on that, so a later
feature that needs to find citations reads the same scanner that rewrites them.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from . import latex
from .citations import Rewrite
from .markdown import scanner as markdown

#: Manuscript syntaxes, and the file extensions that name each.
SYNTAXES: dict[str, tuple[str, ...]] = {
    "latex": (".tex", ".ltx", ".latex"),
    "markdown": (".md", ".markdown", ".mdown", ".mkd", ".rmd", ".qmd", ".pmd"),
}


def syntax_for(suffix: str) -> str | None:
    """The syntax a file extension names (``.tex`` → latex), or None."""
    suffix = suffix.lower()
    return next((name for name, suffixes in SYNTAXES.items() if suffix in suffixes), None)


def rewrite(text: str, syntax: str, mapping: Mapping[str, str], commands: tuple[str, ...] = ()) -> Rewrite:
    """``text`` with every cited key in ``mapping`` renamed, and what changed.

    ``commands`` are extra LaTeX citation commands (``\\name[pre][post]{keys}``), also used
    for raw LaTeX inside Markdown.
    """
    if syntax == "latex":
        return latex.rewrite(text, mapping, commands)
    if syntax == "markdown":
        return markdown.rewrite(text, mapping, commands)
    raise ValueError(f"unknown manuscript syntax {syntax!r} (choose {' or '.join(SYNTAXES)})")


def unified_diff(name: str, before: str, after: str) -> str:
    """A unified diff of ``before`` → ``after`` that ``patch`` and ``git apply`` accept.

    Line ends are kept as they are (a CRLF file gives CRLF lines), and a last line without
    its newline gets the usual "\\ No newline at end of file" marker.
    """
    out = []
    for line in difflib.unified_diff(_lines(before), _lines(after), f"a/{name}", f"b/{name}"):
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Lines split at LF only (``str.splitlines`` also splits at form feeds and U+2028)."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    return [*lines, parts[-1]] if parts[-1] else lines
