"""`refman show`: what was read, as a table on a terminal, as lines or JSON in a pipe."""

from __future__ import annotations

from .. import console, io
from ..report import findings, records
from . import defaults
from .common import Encoding, FromFormat, Quiet, ReportFormat, Verbose
from .library_hooks import LibraryFlag, OptionalInputs


def show(
    inputs: OptionalInputs = None,
    from_format: FromFormat = None,
    encoding: Encoding = None,
    output_format: ReportFormat = "text",
    library: LibraryFlag = None,
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """Show the records read from INPUT: the article a page describes and its references.

    Examples:
      refman show seeds/000_fe4f377d4096e258.txt
      refman show --library zainullin2021russian     # records of the library, by key
    """
    from .. import api
    from . import library_hooks

    inputs = library_hooks.inputs_or_library(inputs, library, keys_allowed=True)
    if library is not None:
        loaded = library_hooks.load(library, keys=inputs, writable=False).loaded
    else:
        loaded = api.load(inputs, from_format, encoding, key_pattern=defaults.key_pattern())
    findings.read_diagnostics(loaded.diagnostics, verbose, quiet)
    library = loaded.library
    if output_format == "json":
        io.write_output(None, records.as_json(library))
    elif console.is_terminal():
        records.table(library)
    else:
        io.write_output(None, records.as_lines(library))
