"""`refman show`: what was read, as a table on a terminal, as lines or JSON in a pipe."""

from __future__ import annotations

from .. import console, io
from ..report import findings, records
from .common import Encoding, FromFormat, Inputs, Quiet, ReportFormat, Verbose


def show(
    inputs: Inputs,
    from_format: FromFormat = None,
    encoding: Encoding = None,
    output_format: ReportFormat = "text",
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """Show the records read from INPUT: the article a page describes and its references.

    Example: refman show seeds/000_fe4f377d4096e258.txt
    """
    from .. import api

    loaded = api.load(inputs, from_format, encoding)
    findings.read_diagnostics(loaded.diagnostics, verbose, quiet)
    library = loaded.library
    if output_format == "json":
        io.write_output(None, records.as_json(library))
    elif console.is_terminal():
        records.table(library)
    else:
        io.write_output(None, records.as_lines(library))
