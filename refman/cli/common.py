"""Options shared by every command, defined once (the sqlite-utils way)."""

from __future__ import annotations

from typing import Annotated

import typer

Inputs = Annotated[
    list[str],
    typer.Argument(help="Input files, or - for standard input.", show_default=False, metavar="INPUT..."),
]
FromFormat = Annotated[
    str | None,
    typer.Option(
        "--from", "-f", help="Input format (default: detected). See `refman formats`.", metavar="FORMAT"
    ),
]
Encoding = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        help="Input text encoding (default: detected: UTF-8/16, cp1251, KOI8-R, cp866, ISO-8859-5, "
        "mac-cyrillic, cp1252; refused, not guessed, when a few letters fit two).",
    ),
]
Output = Annotated[
    str | None,
    typer.Option("--output", "-o", help="Write to this file (atomically) instead of standard output."),
]
WithArticle = Annotated[
    bool,
    typer.Option("--with-article", help="For a journal page: also output the article itself, first."),
]
ReportFormat = Annotated[
    str,
    typer.Option("--format", help="text (a table on a terminal, lines in a pipe) or json."),
]
Verbose = Annotated[
    bool,
    typer.Option(
        "--verbose",
        "-v",
        help="Show every diagnostic (and notes); by default one cause is one line with a count.",
    ),
]
Quiet = Annotated[
    bool, typer.Option("--quiet", "-q", help="Show only errors on standard error and in reports.")
]
