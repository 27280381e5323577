"""`refman parse`: read references given on the command line, for quick use in a shell."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import io
from ..report import findings
from . import defaults
from .common import Output, Quiet, Verbose


def parse(
    references: Annotated[
        list[str], typer.Argument(help="One or more references, each one argument.", show_default=False)
    ],
    to: Annotated[
        str, typer.Option("--to", "-t", "--format", help="csl-json, bibtex, biblatex, ris, or a style: gost.")
    ] = "csl-json",
    output: Output = None,
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """Read references written in any common style and print them as CSL-JSON (or --to).

    Examples:
      refman parse "Crichton, Michael. State of Fear. New York: HarperCollins, 2004."
      refman parse "Nature. 2019;571(7763):45-50" "Smith J. Title // Journal. 2001. Т. 1." --to bibtex
    """
    from .. import api
    from ..options import WriteOptions

    # CSL-JSON keeps the model's confidence in each field (custom.refman.unmapped.confidence)
    loaded = api.parse_references(
        references, defaults.key_pattern(), confidence=api.writer_for(to) == ("csl-json", False)
    )
    findings.read_diagnostics(loaded.diagnostics, verbose, quiet)
    io.write_output(output, api.export(loaded.library, to, WriteOptions()))
