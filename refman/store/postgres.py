"""The PostgreSQL backend (psycopg 3): the same schema and commands as SQLite, for a team.

The connection carries the user's URL and nothing more (no options of ours). Writers take a
transaction-level advisory lock first, so that, as with SQLite's IMMEDIATE transactions,
processes adding at once run one after another and the dedupe check and the key check of each
see what the others committed. Search is PostgreSQL's full-text search (``simple``
configuration, so no stemming in any language) over the same phonetic skeletons SQLite's FTS5
indexes: ``benchmarks/bench_library.py`` measures it against pg_trgm.
"""

from __future__ import annotations

import re
from typing import Any

from ..core.dedupe.features import Features
from .base import LibraryError, Store, row_values
from .blocking import place_of
from .changes import COLUMNS, Change
from .query import Query
from .records import Row

#: The advisory lock every writer holds for its transaction (an arbitrary constant: "refman").
WRITE_LOCK = 0x7265666D616E
#: The weight of each search field in the document (schema version 3); the others are D.
FIELD_WEIGHTS = {"title": "A", "names": "B", "container": "C"}
#: ``ts_rank``'s weights of D, C, B, A: as SQLite's bm25 weights order the fields.
RANK_WEIGHTS = "{0.2, 0.4, 0.8, 1.0}"


def masked(url: str) -> str:
    """The URL with its password hidden, for messages."""
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


class PostgresStore(Store):
    dialect = "postgresql"

    def sql(self, text: str) -> str:
        return text.replace("?", "%s")

    def begin_write(self) -> None:
        self.execute("BEGIN")
        self.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))

    def table_names(self) -> set[str]:
        rows = self.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").fetchall()
        return {row[0] for row in rows}

    def _index(self, record_id: int, feats: Any, texts: tuple[str, ...]) -> None:
        """The blocking keys and the search row in one round trip (psycopg's pipeline mode)."""
        with self.conn.pipeline():
            super()._index(record_id, feats, texts)

    def insert_row(self, row: Row, feats: Features, texts: tuple[str, ...], change: Change,
                   source_id: int | None, tags: list[str] | None = None, notes: str = "",
                   record_id: int | None = None) -> tuple[int, str]:  # fmt: skip
        """The record, its blocking keys and its search row in one statement, so one round
        trip to the server (``add`` stores most records this way); a taken key, tags or a
        given row id take the general way (``Store.insert_row``)."""
        if tags or record_id is not None:
            return super().insert_row(row, feats, texts, change, source_id, tags, notes, record_id)
        values = row_values(row, source_id, notes, change)
        new = self.one(_INSERT_WHOLE, (*values, place_of(feats), self.feats_keys(feats), *texts))
        if new is None:  # the key is taken
            return super().insert_row(row, feats, texts, change, source_id, tags, notes, record_id)
        self.keep_titles(int(new[0]), feats)
        return int(new[0]), row.key

    def index_search(self, record_id: int, texts: tuple[str, ...]) -> None:
        self.execute(
            "INSERT INTO search (record_id, title, names, container, abstract, keywords, notes, tags) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (record_id, *texts),
        )

    def unindex_search(self, record_id: int) -> None:
        self.execute("DELETE FROM search WHERE record_id = ?", (record_id,))

    def search_ids(self, query: Query, where: str, params: list[Any], limit: int | None) -> list[int]:
        """Matches best first (``ts_rank`` with the weights below, ties by row id), in one
        question to the GIN index: a word of a field is the word at that field's weight
        (``FIELD_WEIGHTS``); a field that shares its weight (abstract, keywords, notes, tags)
        is checked on the rows the index gives. Unfiltered, ``records`` is not joined."""
        words, checks = [], []
        for column, word in query.terms:
            weight = FIELD_WEIGHTS.get(column or "", "")
            words.append(f"{word}:*{weight}")
            if column and not weight:
                checks.append((f"to_tsvector('simple', s.{column}) @@ to_tsquery('simple', ?)", f"{word}:*"))
        question = " & ".join(words)
        extra = "".join(f" AND {condition}" for condition, _ in checks)
        rank = f"ts_rank('{RANK_WEIGHTS}', s.doc, to_tsquery('simple', ?), 1) DESC"
        if where:
            extra += " AND " + where.removeprefix("WHERE ")
            text = (
                "SELECT r.id FROM search s JOIN records r ON r.id = s.record_id "
                f"WHERE s.doc @@ to_tsquery('simple', ?){extra} ORDER BY {rank}, r.id"
            )
        else:
            text = f"SELECT s.record_id FROM search s WHERE s.doc @@ to_tsquery('simple', ?){extra} ORDER BY {rank}, s.record_id"
        if limit:
            text += f" LIMIT {int(limit)}"
        values = [question, *(value for _, value in checks), *params, question]
        # never a prepared statement: its generic plan does not know how many rows a word
        # matches (a common word, thousands), and searches took twice as long at the 95th percentile
        rows = self.conn.execute(self.sql(text), values, prepare=False).fetchall()
        return [int(row[0]) for row in rows]


_INSERT_WHOLE = (
    f"WITH new AS (INSERT INTO records ({', '.join(COLUMNS[1:])}) VALUES ({', '.join('?' * (len(COLUMNS) - 1))}) "
    "ON CONFLICT (key_folded) DO NOTHING RETURNING id), "
    "keys AS (INSERT INTO block_keys (record_id, key, place) SELECT new.id, k, ? FROM new, unnest(?::text[]) AS k), "
    "found AS (INSERT INTO search (record_id, title, names, container, abstract, keywords, notes, tags) "
    "SELECT new.id, ?, ?, ?, ?, ?, ?, ? FROM new) "
    "SELECT id FROM new"
)


def connect(url: str, create: bool) -> PostgresStore:
    """The library in the database ``url`` names, checked (and created if ``create``)."""
    import psycopg

    shown = masked(url)
    try:
        conn = psycopg.connect(url, autocommit=True)
    except psycopg.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise LibraryError(f"{shown}: cannot connect: {first}") from None
    store = PostgresStore(conn, shown)
    try:
        store.open(create)
    except psycopg.Error as exc:
        store.close()
        raise LibraryError(f"{shown}: {str(exc).strip().splitlines()[0]}") from None
    except BaseException:
        store.close()
        raise
    return store
