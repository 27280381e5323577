"""`refman validate`: lint a bibliography; report, or apply the fixes that are safe."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from .. import console, io
from ..errors import EXIT_FINDINGS, EXIT_OK, UsageError
from .common import Encoding, FromFormat, Output, Quiet, Verbose
from .library_hooks import LibraryFlag, OptionalInputs, Tags, Where
from .report import Flood, condense, keep

if TYPE_CHECKING:
    from datetime import date

    from ..diagnostics import Diagnostic

Codes = Annotated[
    list[str] | None,
    typer.Option(metavar="CODES", help="Rule codes, prefixes (RM4) or names; comma-separated or repeated."),
]


def validate(
    inputs: OptionalInputs = None,
    from_format: FromFormat = None,
    encoding: Encoding = None,
    select: Codes = None,
    ignore: Codes = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even with findings.")] = False,
    output_format: Annotated[
        str, typer.Option("--format", help="text (a table on a terminal, lines in a pipe), json or sarif.")
    ] = "text",
    fix: Annotated[
        bool, typer.Option("--fix", help="Apply safe fixes; write the result to -o or stdout.")
    ] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="With --fix: apply unsafe fixes too.")
    ] = False,
    to: Annotated[
        str | None, typer.Option("--to", "-t", help="With --fix: output format (default: the input's).")
    ] = None,
    output: Output = None,
    verbose: Verbose = False,
    quiet: Quiet = False,
    today: Annotated[str | None, typer.Option("--today", hidden=True, help="YYYY-MM-DD, for tests.")] = None,
    library: LibraryFlag = None,
    tag: Tags = None,
    where: Where = None,
) -> int:
    """Check references for problems a copy editor would flag; exit 1 if any are found.

    Examples:
      refman validate seeds/000_fe4f377d4096e258.txt
      refman validate refs.bib --format json
      refman validate refs.bib --select RM4 --ignore RM402 --exit-zero
      refman validate refs.bib --fix -o fixed.bib
      refman validate big.bib -v                 # every finding (default: a flood of one cause is one line)
      refman validate --library --fix            # fixes applied in the library, in one change
    """
    from .. import api

    if output_format not in ("text", "json", "sarif"):
        raise UsageError(f"unknown --format {output_format!r} (text, json or sarif)")
    if unsafe_fixes and not fix:
        raise UsageError("--unsafe-fixes needs --fix")
    if (to or output) and not fix:
        raise UsageError("--to and --output go with --fix (the report goes to standard output)")
    chosen, skipped, day = _split(select), _split(ignore), _day(today)
    from . import library_hooks

    inputs = library_hooks.inputs_or_library(inputs, library)
    if library is not None:
        selected = library_hooks.load(library, tag, where)
        if fix and not (to or output):
            return library_hooks.fix(
                selected, api, unsafe_fixes, chosen, skipped, day, exit_zero, verbose, quiet
            )
        loaded = selected.loaded
    else:
        loaded = api.load(inputs, from_format, encoding)
    if fix:
        return _fix(api, loaded, unsafe_fixes, chosen, skipped, day, to, output, exit_zero, verbose, quiet)
    diagnostics = api.validate(loaded, chosen, skipped, day)
    if output_format == "json":
        io.write_output(
            None, json.dumps([d.to_dict() for d in diagnostics], ensure_ascii=False, indent=2) + "\n"
        )
    elif output_format == "sarif":
        io.write_output(None, api.sarif(diagnostics))
    elif console.is_terminal():
        _table(diagnostics, len(loaded.library.references), verbose, quiet)
    else:
        shown = condense([d for d in diagnostics if keep(d, quiet)], verbose)
        io.write_output(None, "".join((d.text() if isinstance(d, Flood) else d.line()) + "\n" for d in shown))
    return EXIT_FINDINGS if diagnostics and not exit_zero else EXIT_OK


def _split(values: list[str] | None) -> list[str] | None:
    out = [part.strip() for value in values or () for part in value.split(",") if part.strip()]
    return out or None


def _day(text: str | None) -> date | None:
    from datetime import date

    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--today {text!r} is not a YYYY-MM-DD date") from None


def _fix(api, loaded, unsafe, select, ignore, day, to, output, exit_zero, verbose, quiet) -> int:
    target = to or api.input_format(loaded)
    from ..errors import FormatError

    try:
        name, is_style = api.writer_for(target)
    except FormatError as exc:
        raise UsageError(f"{exc.message}: name an output format with --to (csl-json, bibtex, ris…)") from None
    if is_style:
        raise UsageError(f"--fix writes data, not a style: name a format with --to (not {target!r})")
    changes = api.fix(loaded, unsafe, select, ignore, day)
    text = api.export(loaded.library, name)
    for change in [] if quiet else condense(changes, verbose, key=lambda c: (c.code, c.description)):
        sys.stderr.write(f"refman: {change.text() if isinstance(change, Flood) else change.line()}\n")
    remaining = [
        d for d in api.validate(loaded, select, ignore, day) if d.fix is None or not _applicable(d, unsafe)
    ]
    sys.stderr.write(f"refman: {len(changes)} fixes applied, {len(remaining)} findings remain\n")
    io.write_output(output, text)
    return EXIT_FINDINGS if remaining and not exit_zero else EXIT_OK


def _applicable(diag: Diagnostic, unsafe: bool) -> bool:
    return diag.fix is not None and (unsafe or diag.fix.safety.value == "safe")


def _table(diagnostics: list[Diagnostic], total: int, verbose: bool, quiet: bool) -> None:
    """Findings grouped by reference; a flood of one cause is one line after the tables;
    the summary counts every finding."""
    from rich.table import Table

    out = console.rich_console()
    styles = {"error": "bold red", "warning": "yellow", "info": "cyan"}
    groups: dict[str, list[Diagnostic]] = {}
    shown = condense([d for d in diagnostics if keep(d, quiet)], verbose)
    floods = [item for item in shown if isinstance(item, Flood)]
    for diag in shown:
        if isinstance(diag, Flood):
            continue
        key = (
            f"[{diag.number}] {diag.reference}" if diag.number is not None else (diag.reference or "the list")
        )
        groups.setdefault(key, []).append(diag)
    for key, items in groups.items():
        table = Table(title=key, title_justify="left", show_header=False, expand=True, box=None)
        table.add_column("code", no_wrap=True)
        table.add_column("severity", no_wrap=True)
        table.add_column("field", no_wrap=True)
        table.add_column("message", ratio=1, overflow="fold")
        table.add_column("fix", no_wrap=True)
        for diag in items:
            fix = diag.fix.safety.value if diag.fix else ""
            table.add_row(diag.code, diag.severity.value, diag.field or "", diag.message, fix,
                          style=styles.get(diag.severity.value))  # fmt: skip
        out.print(table)
    for flood in floods:
        out.print(flood.text(), style=styles.get(flood.severity))
    counts = {s: sum(1 for d in diagnostics if d.severity.value == s) for s in ("error", "warning", "info")}
    fixable = sum(1 for d in diagnostics if d.fix and d.fix.safety.value == "safe")
    summary = f"{len(diagnostics)} findings in {total} references: " + ", ".join(
        f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items()
    )
    summary += f"; {fixable} fixable with --fix" if fixable else ""
    folded = sum(flood.more for flood in floods)
    summary += f"; {folded} repeats counted, not listed (--verbose lists them)" if folded else ""
    out.print(summary, style="bold")
