"""`refman validate`: lint a bibliography; report, or apply the fixes that are safe."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from .. import __version__, console, io
from ..errors import EXIT_FINDINGS, EXIT_OK, UsageError
from ..report import findings
from ..report.sarif import write_sarif
from . import defaults
from .common import Encoding, FromFormat, Output, Quiet, Verbose, choice, given
from .library_hooks import LibraryFlag, OptionalInputs, Tags, Where

#: The formats of validate's report.
FINDINGS_FORMATS = ("text", "json", "sarif")

if TYPE_CHECKING:
    from datetime import date


Codes = Annotated[
    list[str] | None,
    typer.Option(metavar="CODES", help="Rule codes, prefixes (RM4) or names; comma-separated or repeated."),
]


def validate(
    ctx: typer.Context,
    inputs: OptionalInputs = None,
    from_format: FromFormat = None,
    encoding: Encoding = None,
    select: Codes = None,
    ignore: Codes = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even with findings.")] = False,
    output_format: Annotated[
        str,
        choice(
            "--format",
            choices=FINDINGS_FORMATS,
            help="text (a table on a terminal, lines in a pipe), json or sarif.",
        ),
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
    library: LibraryFlag = None,
    tag: Tags = None,
    where: Where = None,
    verbose: Verbose = False,
    quiet: Quiet = False,
    today: Annotated[str | None, typer.Option("--today", hidden=True, help="YYYY-MM-DD, for tests.")] = None,
) -> int:
    """Check references for problems a copy editor would flag; exit 1 if any are found.

    Examples:
      refman validate seeds/000_fe4f377d4096e258.txt
      refman validate refs.bib --format json
      refman validate refs.bib --select RM4 --ignore RM402 --exit-zero
      refman validate refs.bib --fix -o fixed.bib
      refman validate --library --fix            # fixes applied in the library, in one change
      refman validate big.bib -v                 # every finding (default: a flood of one cause is one line)
    """
    from .. import api

    if unsafe_fixes and not fix:
        raise UsageError("--unsafe-fixes needs --fix")
    if (to or output) and not fix:
        raise UsageError("--to and --output go with --fix (the report goes to standard output)")
    if fix and given(ctx, "output_format"):
        raise UsageError("--format is for the report; --fix writes data (choose it with --to)")
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
        loaded = api.load(inputs, from_format, encoding, key_pattern=defaults.key_pattern())
    if fix:
        return _fix(api, loaded, unsafe_fixes, chosen, skipped, day, to, output, exit_zero, verbose, quiet)
    diagnostics = api.validate(loaded, chosen, skipped, day)
    if output_format == "json":
        io.write_output(None, findings.as_json(diagnostics))
    elif output_format == "sarif":
        io.write_output(None, write_sarif(diagnostics, api.rule_descriptors(), __version__))
    elif console.is_terminal():
        findings.table(diagnostics, len(loaded.library.references), verbose, quiet)
    else:
        io.write_output(None, findings.as_lines(diagnostics, verbose, quiet))
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
    remaining = api.left_after_fix(loaded, unsafe, select, ignore, day)
    findings.fixes(changes, len(remaining), verbose, quiet)
    io.write_output(output, text)
    return EXIT_FINDINGS if remaining and not exit_zero else EXIT_OK
