"""Terminal output: Rich on a terminal for people, plain text when piped or with NO_COLOR.

Data never goes through Rich (its markup would eat "[сайт]"); Rich is only for tables,
reports and progress, and only on a terminal. This is the one module that imports Rich:
``refman.report`` says what a table holds (``Column``, rows), this module draws it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


def is_terminal(stream: object = None) -> bool:
    stream = stream or sys.stdout
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def use_color() -> bool:
    return "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def rich_console(stderr: bool = False) -> Console:
    """A Rich console that writes no escape codes unless the stream is a colour terminal."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    terminal = is_terminal(stream)
    return Console(
        file=stream,
        force_terminal=False if not terminal else None,
        no_color=not use_color(),
        color_system="auto" if terminal and use_color() else None,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=not terminal,
    )


def error(message: str) -> None:
    """One line on stderr: ``refman: message``."""
    sys.stderr.write(f"refman: {message}\n")
    sys.stderr.flush()


def warn(message: str) -> None:
    sys.stderr.write(f"refman: warning: {message}\n")


def say(message: str) -> None:
    """One line of a report on stderr (what a merge did, totals): ``refman: message``."""
    sys.stderr.write(f"refman: {message}\n")


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a terminal table: its header, share of the width and how it wraps."""

    header: str = ""
    ratio: int | None = None
    justify: str = "left"
    no_wrap: bool = False
    fold: bool = False  # long words wrap instead of ending in "…"
    style: str | None = None


def print_table(
    columns: Sequence[Column],
    rows: Sequence[tuple[Sequence[str], str | None]],
    title: str | None = None,
    header: bool = True,
    box: bool = True,
    grid: bool = False,
) -> None:
    """A table on stdout: (cells, style) rows; ``grid``: label/value pairs without rules."""
    from rich.table import Table

    if grid:
        table = Table.grid(padding=(0, 2))
    else:
        box_kw: dict[str, Any] = {} if box else {"box": None}
        table = Table(title=title, title_justify="left", show_header=header, expand=True, **box_kw)
    for column in columns:
        kwargs: dict[str, Any] = {"overflow": "fold"} if column.fold else {}
        if column.ratio is not None:
            kwargs["ratio"] = column.ratio
        if column.no_wrap:
            kwargs["no_wrap"] = True
        if column.justify != "left":
            kwargs["justify"] = column.justify
        if column.style:
            kwargs["style"] = column.style
        table.add_column(column.header, **kwargs)
    for cells, style in rows:
        table.add_row(*cells, style=style)
    rich_console().print(table)


def print_text(text: str = "", style: str | None = None) -> None:
    """A line of a report on stdout, in ``style`` on a colour terminal."""
    rich_console().print(text, style=style)


class Progress:
    """A progress bar on stderr for long runs on a terminal; otherwise nothing at all.

    ``with Progress(enabled) as update:`` gives ``update(stage, done, total)`` or None.
    """

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and is_terminal(sys.stderr)
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> Any:
        if not self.enabled:
            return None
        from rich.progress import Progress as Bar

        self.bar = Bar(console=rich_console(stderr=True), transient=True)
        self.bar.start()
        self.task = self.bar.add_task("reading", total=None)
        return self.update

    def update(self, stage: str, done: int, total: int) -> None:
        self.bar.update(self.task, description=stage, completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
