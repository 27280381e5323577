"""The backend-neutral library: records, tags, notes, the change log and undo, in SQL that
SQLite and PostgreSQL both run. A backend (``sqlite.py``, ``postgres.py``) adds how to
connect, how to take the write lock, and its full-text index.

Every change runs in one transaction (``change``) that also writes its change-log row; what
undo needs is kept with it: rows a change created carry its number, and the row of every
record it modified or removed is kept as it was before (``change_rows``). Undo is last in,
first out, so putting those rows back restores the library exactly.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..core.dedupe.features import Features, features
from ..model import Reference
from . import schema
from .blocking import Blocking
from .changes import COLUMNS, Change, History
from .query import Query
from .records import Row, decode, encode, key_folded, search_texts, with_key


def newer(location: str, version: int) -> str:
    return (
        f"{location}: written by a newer refman (schema {version}; this refman knows {schema.VERSION}); "
        "upgrade refman to use it"
    )


def row_values(row: Row, source_id: int | None, notes: str, change: Change) -> tuple[Any, ...]:
    """A new record's values for ``COLUMNS`` after ``id``, in their order."""
    return (row.key, key_folded(row.key), row.type, row.year, row.language, row.title, row.names,
            row.csl, row.origin, source_id, notes, row.titles, row.cyrillic, change.id)  # fmt: skip


class LibraryError(Exception):
    """A library that cannot be used: not a refman library, a newer schema, unreachable."""


@dataclass(slots=True)
class Entry:
    """One record as ``list`` and ``show`` see it."""

    id: int
    key: str
    type: str
    year: int | None
    language: str | None
    title: str
    names: str
    tags: list[str]
    notes: str
    csl: str
    origin: str | None
    source_id: int | None

    def reference(self) -> Reference:
        return decode(self.csl, self.origin)


class Store(History, Blocking):
    """A refman library over a DB-API connection in autocommit mode (see module docstring)."""

    dialect = ""

    def __init__(self, conn: Any, location: str) -> None:
        Blocking.__init__(self)
        self.conn = conn
        self.location = location

    # --- backend hooks -------------------------------------------------------------------
    def sql(self, text: str) -> str:
        return text

    def begin_write(self) -> None:
        raise NotImplementedError

    def table_names(self) -> set[str]:
        raise NotImplementedError

    def index_search(self, record_id: int, texts: tuple[str, ...]) -> None:
        raise NotImplementedError

    def unindex_search(self, record_id: int) -> None:
        raise NotImplementedError

    def search_ids(self, query: Query, where: str, params: list[Any], limit: int | None) -> list[int]:
        raise NotImplementedError

    def after_open(self) -> None:
        """Settings for a checked, current library (SQLite: WAL)."""

    def before_commit(self) -> None:
        """Write what the backend buffered in the transaction (SQLite: search rows)."""

    def after_rollback(self) -> None:
        """Forget what the backend buffered in the transaction."""

    # --- plumbing --------------------------------------------------------------------------
    def execute(self, text: str, params: tuple | list = ()) -> Any:
        return self.conn.execute(self.sql(text), params)

    def executemany(self, text: str, rows: list[tuple]) -> None:
        self.conn.cursor().executemany(self.sql(text), rows)

    def one(self, text: str, params: tuple | list = ()) -> Any:
        return self.execute(text, params).fetchone()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def write(self) -> Iterator[None]:
        """One transaction holding the write lock; rolled back on any error."""
        self.begin_write()
        try:
            yield
            self.before_commit()
        except BaseException:
            self._roll_back()
            raise
        self.execute("COMMIT")

    def _roll_back(self) -> None:
        """Undo the transaction, and what this object remembers of it."""
        self.after_rollback()
        self.forget_titles()
        self.execute("ROLLBACK")

    @contextmanager
    def change(self, command: str) -> Iterator[Change]:
        """One change: a transaction and its log row (set ``summary`` on the Change; a change
        marked ``discard`` is rolled back, so a command that changed nothing logs nothing)."""
        self.begin_write()
        try:
            at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            row = self.one(
                "INSERT INTO changes (at, command, summary) VALUES (?, ?, '') RETURNING id", (at, command)
            )
            change = Change(int(row[0]), command)
            yield change
            self.execute(
                "UPDATE changes SET summary = ? WHERE id = ?", (change.summary or command, change.id)
            )
            if not change.discard:
                self.before_commit()
        except BaseException:
            self._roll_back()
            raise
        if change.discard:
            self._roll_back()
        else:
            self.execute("COMMIT")

    # --- opening: is it ours, which version ------------------------------------------------
    def open(self, create: bool) -> Store:
        """Check the library (and create or migrate it): LibraryError for a database that is
        not refman's or is newer than this refman, before anything is written."""
        version = self._version()
        if version is not None and version > schema.VERSION:
            raise LibraryError(newer(self.location, version))
        if version == schema.VERSION:
            self.after_open()
            return self
        if version is None and not create:
            raise LibraryError(f"{self.location}: not a refman library yet (`refman add FILE` creates it)")
        with self.write():
            version = self._version()  # another process may have created it meanwhile
            if version is None:
                self.execute("CREATE TABLE refman_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
                self.execute("INSERT INTO refman_meta VALUES ('application', ?)", (schema.APPLICATION,))
                self.execute("INSERT INTO refman_meta VALUES ('schema_version', '0')")
                version = 0
            for reached, statements in schema.migrations_from(version, self.dialect):
                for statement in statements:
                    self.execute(statement)
                self.execute(
                    "UPDATE refman_meta SET value = ? WHERE name = 'schema_version'", (str(reached),)
                )
        self.after_open()
        return self

    def _version(self) -> int | None:
        """The schema version; None for an empty database; LibraryError if it is not ours."""
        tables = self.table_names()
        if not tables:
            return None
        if "refman_meta" not in tables:
            raise LibraryError(f"{self.location}: not a refman library (a database with other tables)")
        meta = dict(self.execute("SELECT name, value FROM refman_meta").fetchall())
        if meta.get("application") != schema.APPLICATION or not str(meta.get("schema_version", "")).isdigit():
            raise LibraryError(f"{self.location}: not a refman library")
        return int(meta["schema_version"])

    # --- records ---------------------------------------------------------------------------
    def free_key(self, key: str) -> str:
        """``key``, or with the first free suffix a, b, … z, aa …: keys are unique ignoring case."""
        candidate, number = key or "ref", 0
        while self.one("SELECT 1 FROM records WHERE key_folded = ?", (key_folded(candidate),)):
            number += 1
            suffix, n = "", number
            while n:
                n, rest = divmod(n - 1, 26)
                suffix = chr(97 + rest) + suffix
            candidate = (key or "ref") + suffix
        return candidate

    def insert(self, ref: Reference, change: Change, source_id: int | None, feats: Features | None = None,
               tags: list[str] | None = None, notes: str = "", record_id: int | None = None) -> int:  # fmt: skip
        """Store ``ref`` under its id as key; its row id. A key taken (ignoring case) becomes
        the first free one (``free_key``) and ``ref.id`` says which."""
        feats = feats or features(0, ref)
        texts = search_texts(ref, notes, sorted(tags or []))
        record_id, key = self.insert_row(
            encode(ref, feats), feats, texts, change, source_id, tags, notes, record_id
        )
        if key != str(ref.id):
            ref.id = key
        return record_id

    def insert_row(self, row: Row, feats: Features, texts: tuple[str, ...], change: Change,
                   source_id: int | None, tags: list[str] | None = None, notes: str = "",
                   record_id: int | None = None) -> tuple[int, str]:  # fmt: skip
        """Store a record made into its row and search texts already (``records.encode``,
        ``records.search_texts``: ``add`` makes them ahead); (row id, key). A key taken
        (ignoring case) becomes the first free one (``free_key``), in the row's CSL too."""
        values = row_values(row, source_id, notes, change)
        names = ", ".join(COLUMNS[1:])
        if record_id is None:
            marks = ", ".join("?" * len(values))
            text = f"INSERT INTO records ({names}) VALUES ({marks}) ON CONFLICT (key_folded) DO NOTHING RETURNING id"
            new = self.one(text, values)
            if new is None:  # the key is taken: the next free one, and the CSL that says it
                row = with_key(row, self.free_key(row.key))
                values = row_values(row, source_id, notes, change)
                new = self.one(text, values)
        else:
            marks = ", ".join("?" * (len(values) + 1))
            new = self.one(
                f"INSERT INTO records (id, {names}) VALUES ({marks}) RETURNING id", (record_id, *values)
            )
        record_id = int(new[0])
        self._index(record_id, feats, texts)
        if tags:
            for tag in dict.fromkeys(tags):
                self.execute("INSERT INTO tags (record_id, tag) VALUES (?, ?)", (record_id, tag))
        return record_id, row.key

    def _index(self, record_id: int, feats: Features, texts: tuple[str, ...]) -> None:
        self.file_keys(record_id, feats)
        self.index_search(record_id, texts)

    def _unindex(self, record_id: int) -> None:
        self.unfile_keys(record_id)
        self.unindex_search(record_id)

    def entry(self, record_id: int) -> Entry | None:
        rows = self.entries(f"WHERE r.id = {int(record_id)}")
        return rows[0] if rows else None

    def entry_by_key(self, key: str) -> Entry | None:
        row = self.one("SELECT id FROM records WHERE key_folded = ?", (key_folded(key),))
        return self.entry(int(row[0])) if row else None

    def entries(
        self, where: str = "", params: list[Any] | tuple = (), order: str = "ORDER BY r.id"
    ) -> list[Entry]:
        return list(self.iter_entries(where, params, order))

    def iter_entries(self, where: str = "", params: list[Any] | tuple = (), order: str = "ORDER BY r.id",
                     batch: int = 2000) -> Iterator[Entry]:  # fmt: skip
        """Records, streamed in batches (never the whole library in memory)."""
        cursor = self.conn.cursor()
        cursor.execute(
            self.sql(
                "SELECT r.id, r.key, r.type, r.year, r.language, r.title, r.names, r.notes, r.csl, r.origin, "
                f"r.source_id FROM records r {where} {order}"
            ),
            params,
        )
        while rows := cursor.fetchmany(batch):
            tags = self._tags([int(row[0]) for row in rows])
            for rid, key, typ, year, lang, title, names, notes, csl, origin, source in rows:
                yield Entry(int(rid), key, typ, year, lang, title, names, tags.get(int(rid), []), notes, csl,
                            origin, source)  # fmt: skip

    def _tags(self, ids: list[int]) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        if not ids:
            return out
        marks = ", ".join("?" * len(ids))
        for rid, tag in self.execute(
            f"SELECT record_id, tag FROM tags WHERE record_id IN ({marks}) ORDER BY tag", ids
        ).fetchall():
            out.setdefault(int(rid), []).append(tag)
        return out

    def filter_sql(self, query: Query) -> tuple[str, list[Any]]:
        """The WHERE clause (over ``records r``) of a query's filters, and its parameters."""
        parts: list[str] = []
        params: list[Any] = []
        if query.year_from is not None:
            parts.append("r.year >= ?")
            params.append(query.year_from)
        if query.year_to is not None:
            parts.append("r.year <= ?")
            params.append(query.year_to)
        for column, values in (("r.type", query.types), ("r.language", query.languages)):
            if values:
                parts.append(f"{column} IN ({', '.join('?' * len(values))})")
                params += values
        for tag in query.tags:
            parts.append("EXISTS (SELECT 1 FROM tags t WHERE t.record_id = r.id AND t.tag = ?)")
            params.append(tag)
        if query.keys:
            parts.append("(" + " OR ".join("r.key_folded = ?" for _ in query.keys) + ")")
            params += [key_folded(key) for key in query.keys]
        return ("WHERE " + " AND ".join(parts)) if parts else "", params

    def select(self, query: Query, ranked: bool = False, limit: int | None = None) -> Iterator[Entry]:
        """Records that meet ``query``: in the order added, or by search rank (``ranked``)."""
        where, params = self.filter_sql(query)
        if not query.terms:
            order = "ORDER BY r.id" + (f" LIMIT {int(limit)}" if limit else "")
            yield from self.iter_entries(where, params, order)
            return
        ids = self.search_ids(query, where, params, limit)
        if not ranked:
            ids.sort()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            found = {e.id: e for e in self.entries(f"WHERE r.id IN ({', '.join(map(str, chunk))})")}
            yield from (found[i] for i in chunk if i in found)

    def keys(self, query: Query, ranked: bool = False, limit: int | None = None) -> Iterator[str]:
        """The keys of the records ``select`` gives, reading the key column alone when the
        query has no words (``list --format keys`` of a whole library: no JSON, no tags)."""
        if query.terms:
            yield from (entry.key for entry in self.select(query, ranked, limit))
            return
        where, params = self.filter_sql(query)
        cursor = self.conn.cursor()
        limited = f" LIMIT {int(limit)}" if limit else ""
        cursor.execute(self.sql(f"SELECT r.key FROM records r {where} ORDER BY r.id{limited}"), params)
        while rows := cursor.fetchmany(5000):
            yield from (row[0] for row in rows)

    def count(self) -> int:
        return int(self.one("SELECT COUNT(*) FROM records")[0])

    # --- changes to records (each inside ``change``) ---------------------------------------
    def delete(self, record_id: int, change: Change) -> None:
        self.keep_before(record_id, change)
        self._unindex(record_id)
        self.execute("DELETE FROM tags WHERE record_id = ?", (record_id,))
        self.execute("DELETE FROM records WHERE id = ?", (record_id,))

    def replace(self, record_id: int, ref: Reference, change: Change, tags: list[str] | None = None,
                notes: str | None = None) -> None:  # fmt: skip
        """The record ``record_id`` becomes ``ref`` (its tags and notes kept unless given)."""
        old = self.entry(record_id)
        assert old is not None
        self.keep_before(record_id, change)
        created = self.one("SELECT created_change FROM records WHERE id = ?", (record_id,))[0]
        self.delete(record_id, change)
        new_key = str(ref.id)
        if key_folded(new_key) != key_folded(old.key):
            ref.id = self.free_key(new_key)
        self.insert(ref, change, old.source_id, tags=old.tags if tags is None else tags,
                    notes=old.notes if notes is None else notes, record_id=record_id)  # fmt: skip
        self.execute("UPDATE records SET created_change = ? WHERE id = ?", (created, record_id))
