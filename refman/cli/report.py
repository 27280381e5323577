"""How commands other than `validate` show what the readers noticed: one line each on stderr."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic


def report_read_diagnostics(diagnostics: list[Diagnostic], verbose: bool = False) -> None:
    """Errors and warnings from reading, on stderr; notes only with ``verbose``."""
    for diag in diagnostics:
        if diag.severity.value == "info" and not verbose:
            continue
        sys.stderr.write(f"refman: {diag.severity.value}: {diag.line()}\n")
