"""Options shared by every command, defined once (the sqlite-utils way), and the one closed
choice type every option with a fixed set of values uses.

A closed choice refuses any other value with one line and status 2 before anything is read
(``refman: unknown --format 'xml' (choose text or json)``); ``given`` names the options a
command line set, so that a command can refuse one that does not apply to its output.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer

from .. import console, io
from ..errors import UsageError
from ..options import STYLE_ONLY


def listed(values: tuple[str, ...] | list[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    return values[0] if len(values) == 1 else f"{', '.join(values[:-1])} or {values[-1]}"


def closed(*choices: str) -> Callable[[typer.Context, typer.CallbackParam, Any], Any]:
    """An option callback that lets through only ``choices`` (or an unset option)."""

    def check(ctx: typer.Context, param: typer.CallbackParam, value: Any) -> Any:
        if value is not None and value not in choices:
            raise UsageError(f"unknown {param.opts[0]} {value!r} (choose {listed(choices)})")
        return value

    return check


def choice(*decls: str, choices: tuple[str, ...], help: str) -> Any:
    """A typer.Option whose value is one of ``choices`` (shown as ``a|b|c`` in --help)."""
    return typer.Option(*decls, help=help, metavar="|".join(choices), callback=closed(*choices))


def given(ctx: typer.Context, *names: str) -> list[str]:
    """The options among ``names`` (parameter names) set on the command line, as spelled in
    --help (``--output-format``), in the command's order."""
    wanted = set(names)
    out = []
    for param in ctx.command.params:
        source = ctx.get_parameter_source(param.name) if param.name in wanted else None
        if source is not None and source.name == "COMMANDLINE":
            out.append(param.opts[0])
    return out


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
#: The formats of a report (`show`, `dedupe`; `validate` adds sarif).
REPORT_FORMATS = ("text", "json")
ReportFormat = Annotated[
    str,
    choice("--format", choices=REPORT_FORMATS, help="text (a table on a terminal, lines in a pipe) or json."),
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


ShortAreas = Annotated[
    bool,
    typer.Option(
        "--short-areas",
        help="GOST styles: areas separated by '. ' (GOST R 7.0.5-2008's short form) instead of '. – '.",
    ),
]


def _gost(target: str) -> bool:
    from .. import api

    return api.is_gost_style(target)


def check_applies(
    ctx: typer.Context, target: str, is_style: bool, output_format: str, output: str | None
) -> None:
    """Refuse an option the chosen output does not read, and binary data to a terminal
    (``target``: the data format's own name, or the style)."""
    if not is_style and (style_only := given(ctx, *(o.lstrip("-").replace("-", "_") for o in STYLE_ONLY))):
        raise UsageError(f"{style_only[0]} is for styles; --to {target} writes data (see `refman styles`)")
    if is_style and given(ctx, "short_areas") and not _gost(target):
        raise UsageError(f"--short-areas is for the bundled GOST styles, not {target} (see `refman styles`)")
    if given(ctx, "json_lines") and target != "csl-json":
        raise UsageError(f"--json-lines is for CSL-JSON, not --to {target}")
    if output_format == "docx" and output in (None, io.STDIO) and console.is_terminal():
        raise UsageError("docx is a binary Word document: write it with -o FILE or redirect standard output")
