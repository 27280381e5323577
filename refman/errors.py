"""The few exceptions that end a command: each carries one line for stderr and an exit status."""

from __future__ import annotations

#: Exit statuses (documented in README): 0 ok, 1 findings, 2 usage/input/internal error.
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class RefmanError(Exception):
    """A problem the user can act on; shown as ``refman: <message>`` with ``exit_code``."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(RefmanError):
    """An input that cannot be read: missing, unreadable, binary, undecodable, too large."""


class OutputError(RefmanError):
    """An output that cannot be written: a directory, a missing directory, no permission, a full disk."""


class FormatError(RefmanError):
    """An unknown or ambiguous format or style name, or content no reader accepts."""


class UsageError(RefmanError):
    """Options that do not fit together."""
