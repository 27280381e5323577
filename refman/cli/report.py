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


def key_map_tsv(changes: list[tuple[str, str]]) -> str:
    """Changed keys as ``refman rekey`` and ``dedupe --key-map`` write them: a header line,
    then ``old<TAB>new``, each old key once."""
    seen: set[str] = set()
    rows = [(old, new) for old, new in changes if not (old in seen or seen.add(old))]
    return "old\tnew\n" + "".join(f"{old}\t{new}\n" for old, new in rows)
