"""Findings (diagnostics) as people and programs read them: a table on a terminal, one line
each in a pipe, JSON, and lines on stderr for what the readers noticed and what --fix did."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .. import console
from .condense import Flood, condense, keep

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic

#: Severity → the colour of its rows on a colour terminal.
STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def read_diagnostics(diagnostics: list[Diagnostic], verbose: bool = False, quiet: bool = False) -> None:
    """What the readers noticed, on stderr: errors and warnings (notes too with ``verbose``),
    a flood of one cause as one line with a count unless ``verbose``; errors only if ``quiet``."""
    shown = [d for d in diagnostics if keep(d, quiet) and (verbose or d.severity.value != "info")]
    for item in condense(shown, verbose):
        if isinstance(item, Flood):
            console.say(f"{item.severity}: {item.text()}")
        else:
            console.say(f"{item.severity.value}: {item.line()}")


def as_json(diagnostics: list[Diagnostic]) -> str:
    """Every finding, for programs."""
    return json.dumps([d.to_dict() for d in diagnostics], ensure_ascii=False, indent=2) + "\n"


def as_lines(diagnostics: list[Diagnostic], verbose: bool, quiet: bool) -> str:
    """One line a finding (a flood of one cause cut to a count), for a pipe."""
    shown = condense([d for d in diagnostics if keep(d, quiet)], verbose)
    return "".join((d.text() if isinstance(d, Flood) else d.line()) + "\n" for d in shown)


def fixes(changes: list[Any], remaining: int, verbose: bool, quiet: bool) -> None:
    """What --fix changed, on stderr (a flood of one cause as one line), then the totals."""
    key: Callable[[Any], tuple[str, str]] = lambda c: (c.code, c.description)  # noqa: E731
    for change in [] if quiet else condense(changes, verbose, key=key):
        console.say(change.text() if isinstance(change, Flood) else change.line())
    console.say(f"{len(changes)} fixes applied, {remaining} findings remain")


def table(diagnostics: list[Diagnostic], total: int, verbose: bool, quiet: bool) -> None:
    """Findings grouped by reference; a flood of one cause is one line after the tables;
    the summary counts every finding."""
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
    columns = [console.Column(name, no_wrap=True) for name in ("code", "severity", "field")]
    columns += [console.Column("message", ratio=1, fold=True), console.Column("fix", no_wrap=True)]
    for key, items in groups.items():
        rows = [
            ((d.code, d.severity.value, d.field or "", d.message, d.fix.safety.value if d.fix else ""),
             STYLES.get(d.severity.value))
            for d in items
        ]  # fmt: skip
        console.print_table(columns, rows, title=key, header=False, box=False)
    for flood in floods:
        console.print_text(flood.text(), style=STYLES.get(flood.severity))
    console.print_text(summary(diagnostics, total, sum(flood.more for flood in floods)), style="bold")


def summary(diagnostics: list[Diagnostic], total: int, folded: int) -> str:
    counts = {s: sum(1 for d in diagnostics if d.severity.value == s) for s in ("error", "warning", "info")}
    fixable = sum(1 for d in diagnostics if d.fix and d.fix.safety.value == "safe")
    text = f"{len(diagnostics)} findings in {total} references: " + ", ".join(
        f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items()
    )
    text += f"; {fixable} fixable with --fix" if fixable else ""
    text += f"; {folded} repeats counted, not listed (--verbose lists them)" if folded else ""
    return text
