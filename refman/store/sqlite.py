"""The SQLite backend: one file, FTS5 for search, IMMEDIATE transactions for writers.

Writers take the write lock when they begin (``BEGIN IMMEDIATE``) and wait for it up to the
busy timeout, so processes adding at once run one after another and each sees the keys the
others committed. The journal is WAL (readers never block the writer), switched on only once
the file is known to be a current refman library: an unknown or newer file is never modified.
"""

from __future__ import annotations

import os
import sqlite3
from typing import Any

from . import schema
from .base import LibraryError, Store, newer
from .query import Query
from .records import SEARCH_FIELDS

_HEADER = b"SQLite format 3\x00"
#: How long a writer waits for another one's transaction (seconds).
BUSY_TIMEOUT = 600
#: bm25 weights of the search columns (title, names, container, abstract, keywords, notes, tags).
WEIGHTS = (10.0, 8.0, 4.0, 1.0, 3.0, 2.0, 3.0)
#: Search rows buffered before one ``executemany`` writes them.
SEARCH_BATCH = 1000


class SqliteStore(Store):
    dialect = "sqlite"

    def __init__(self, conn: Any, location: str) -> None:
        super().__init__(conn, location)
        self._search_rows: list[tuple[Any, ...]] = []

    def begin_write(self) -> None:
        self.execute("BEGIN IMMEDIATE")

    def table_names(self) -> set[str]:
        return {row[0] for row in self.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def after_open(self) -> None:
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA cache_size = -65536")  # 64 MiB: the indexes of a large add stay in memory

    def index_search(self, record_id: int, texts: tuple[str, ...]) -> None:
        """Buffered: a large add writes its search rows in batches (``executemany``), since
        nothing reads the full-text index inside a write transaction until it is flushed."""
        self._search_rows.append((record_id, *texts))
        if len(self._search_rows) >= SEARCH_BATCH:
            self.before_commit()

    def before_commit(self) -> None:
        if self._search_rows:
            rows, self._search_rows = self._search_rows, []
            marks = ", ".join("?" * len(rows[0]))
            self.executemany(f"INSERT INTO search (rowid, {', '.join(SEARCH_FIELDS)}) VALUES ({marks})", rows)

    def after_rollback(self) -> None:
        self._search_rows = []

    def unindex_search(self, record_id: int) -> None:
        self.before_commit()
        self.execute("DELETE FROM search WHERE rowid = ?", (record_id,))

    def search_ids(self, query: Query, where: str, params: list[Any], limit: int | None) -> list[int]:
        """Matches best first (bm25, ties by row id). Unfiltered, the full-text index alone
        answers: joining ``records`` for every match (thousands for a common word) costs a
        row lookup each, several times the ranking itself. Filtered, the matches are ranked
        first and then joined, so the bm25 call is not made inside the join."""
        match = " AND ".join(
            f'{column} : "{word}"*' if column else f'"{word}"*' for column, word in query.terms
        )
        self.before_commit()
        rank = f"bm25(search, {', '.join(str(w) for w in WEIGHTS)})"
        if where:
            text = (
                f"SELECT r.id FROM (SELECT rowid AS id, {rank} AS score FROM search WHERE search MATCH ?) m "
                f"JOIN records r ON r.id = m.id {where} ORDER BY m.score, r.id"
            )
        else:
            text = f"SELECT rowid FROM search WHERE search MATCH ? ORDER BY {rank}, rowid"
        if limit:
            text += f" LIMIT {int(limit)}"
        return [int(row[0]) for row in self.execute(text, [match, *params]).fetchall()]


def connect(path: str, create: bool) -> SqliteStore:
    """The library at ``path`` (created when ``create`` and absent), checked and current."""
    if os.path.exists(path):
        if os.path.isdir(path):
            raise LibraryError(f"{path}: a directory, not a refman library")
        try:
            with open(path, "rb") as handle:
                header = handle.read(len(_HEADER))
        except OSError as exc:
            raise LibraryError(f"{path}: cannot read the library: {exc.strerror or exc}") from None
        if header and header != _HEADER:
            raise LibraryError(f"{path}: not a refman library (not an SQLite database)")
        if header:
            _check_read_only(path)
    elif not create:
        raise LibraryError(f"{path}: no library here yet (`refman add FILE` creates it)")
    else:
        parent = os.path.dirname(os.path.abspath(path))
        try:
            os.makedirs(parent, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"{path}: cannot create the library's folder: {exc.strerror or exc}") from None
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
        store = SqliteStore(conn, path)
        return _opened(store, create)
    except sqlite3.DatabaseError as exc:
        raise LibraryError(f"{path}: not a usable refman library ({exc})") from None


def _check_read_only(path: str) -> None:
    """Whether the file is a refman library this refman can use, asked through a read-only
    connection: a file that is not ours, or is newer, is refused before a writer touches it."""
    from urllib.parse import quote

    try:
        conn = sqlite3.connect(f"file:{quote(os.path.abspath(path))}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
    except sqlite3.DatabaseError as exc:
        raise LibraryError(f"{path}: cannot open the library ({exc})") from None
    try:
        version = SqliteStore(conn, path)._version()
    except sqlite3.DatabaseError as exc:
        raise LibraryError(f"{path}: not a refman library ({exc})") from None
    finally:
        conn.close()
    if version is not None and version > schema.VERSION:
        raise LibraryError(newer(path, version))


def _opened(store: SqliteStore, create: bool) -> SqliteStore:
    try:
        store.open(create)
    except BaseException:
        store.close()
        raise
    return store
