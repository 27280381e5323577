"""`refman config`: the effective settings and where each came from."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from .. import io
from ..errors import UsageError
from .library import LibraryOption


def config(
    library: LibraryOption = None,
    output_format: Annotated[str, typer.Option("--format", help="lines or json.")] = "lines",
) -> None:
    """Print the effective settings (library, style, lang, key-pattern, output-format) and
    where each came from: --library, REFMAN_LIBRARY, a refman.toml (the project's, then the
    user's), or the default.

    Examples:
      refman config
      REFMAN_LIBRARY=postgresql://refman@db.lab/refs refman config --format json
    """
    from .. import config as settings

    found = settings.settings(library)
    if output_format == "json":
        doc = {name: {"value": s.value, "from": s.origin} for name, s in found.items()}
        io.write_output(None, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    if output_format != "lines":
        raise UsageError(f"unknown --format {output_format!r} (choose lines or json)")
    width = max(len(name) for name in found)
    io.write_output(None, "".join(f"{name:<{width}}  {s.value}\t({s.origin})\n" for name, s in found.items()))
