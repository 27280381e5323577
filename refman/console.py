"""Terminal output: Rich on a terminal for people, plain text when piped or with NO_COLOR.

Data never goes through Rich (its markup would eat "[сайт]"); Rich is only for tables,
reports and progress, and only on a terminal.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

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
