"""Where a library lives: an SQLite file by default, a PostgreSQL database for a team.

``open_library`` takes what the user gave (a path or a ``postgresql://`` URL) and returns a
``Store``; every command works through the Store's methods, so both backends serve the same
commands. psycopg is imported only for a PostgreSQL URL.
"""

from __future__ import annotations

import re

from .base import Change, Entry, LibraryError, Store
from .query import Query, QueryError, parse

__all__ = [
    "Change",
    "Entry",
    "LibraryError",
    "Query",
    "QueryError",
    "Store",
    "is_url",
    "open_library",
    "parse",
]

_PG_SCHEMES = ("postgresql://", "postgres://")


def is_url(location: str) -> bool:
    return location.startswith(_PG_SCHEMES)


def open_library(location: str, create: bool = False) -> Store:
    """The library at ``location``, checked (and created if ``create``); LibraryError if not."""
    if is_url(location):
        from .postgres import connect as connect_pg

        return connect_pg(location, create)
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://", location)
    if scheme and scheme[1].lower() != "file":
        raise LibraryError(
            f"{location}: unknown kind of library {scheme[1]!r} (a file path or postgresql://…)"
        )
    from .sqlite import connect as connect_sqlite

    return connect_sqlite(location.removeprefix("file://"), create)
