"""Undo and the change log, and a BibTeX file's layout: the part of ``Store`` that keeps history.

A change's own rows carry its number (``created_change``); the row of a record it modified or
removed is kept as it was (``change_rows``). Undo is last in, first out: it removes the rows
the change created and puts the kept ones back, so the library is exactly as before.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .records import compact_json, decode, search_texts, snapshot

#: The columns of ``records`` a snapshot keeps (all of them).
COLUMNS = (
    "id", "key", "key_folded", "type", "year", "language", "title", "names", "csl", "origin",
    "source_id", "notes", "titles", "cyrillic", "created_change",
)  # fmt: skip


@dataclass(slots=True)
class Change:
    id: int
    command: str
    summary: str = ""
    discard: bool = False  # set when the change turned out to change nothing: rolled back


class History:
    """Mixed into ``Store``: undo, the log, sources (it provides execute, one, _tags, _index)."""

    execute: Any
    one: Any
    _tags: Any
    _index: Any
    _unindex: Any

    def keep_before(self, record_id: int, change: Change) -> None:
        """Keep the record's row as it is, for undo (once per change; not for a record the
        change itself created, which undo removes)."""
        created = self.one("SELECT created_change FROM records WHERE id = ?", (record_id,))
        if created is None or int(created[0]) == change.id:
            return
        if self.one(
            "SELECT 1 FROM change_rows WHERE change_id = ? AND record_id = ?", (change.id, record_id)
        ):
            return
        row = self.one(f"SELECT {', '.join(COLUMNS)} FROM records WHERE id = ?", (record_id,))
        data = dict(zip(COLUMNS, row, strict=True))
        data["cyrillic"] = bool(data["cyrillic"])
        data["tags"] = self._tags([record_id]).get(record_id, [])
        self.execute(
            "INSERT INTO change_rows (change_id, record_id, before) VALUES (?, ?, ?)",
            (change.id, record_id, snapshot(data)),
        )

    # --- undo and the log ------------------------------------------------------------------
    def undo(self, change: Change) -> Change | None:
        """Revert the last change not yet undone (never an undo itself); that change, or None."""
        row = self.one(
            "SELECT id, command, summary FROM changes WHERE undone_by IS NULL AND undoes IS NULL "
            "AND id < ? ORDER BY id DESC LIMIT 1",
            (change.id,),
        )
        if row is None:
            return None
        target = Change(int(row[0]), row[1], row[2])
        for (record_id,) in self.execute(
            "SELECT id FROM records WHERE created_change = ?", (target.id,)
        ).fetchall():
            self._unindex(int(record_id))
            self.execute("DELETE FROM tags WHERE record_id = ?", (record_id,))
            self.execute("DELETE FROM records WHERE id = ?", (record_id,))
        self.execute("DELETE FROM sources WHERE created_change = ?", (target.id,))
        for record_id, before in self.execute(
            "SELECT record_id, before FROM change_rows WHERE change_id = ? ORDER BY record_id", (target.id,)
        ).fetchall():
            self._restore(int(record_id), json.loads(before))
        self.execute("UPDATE changes SET undone_by = ? WHERE id = ?", (change.id, target.id))
        self.execute("UPDATE changes SET undoes = ? WHERE id = ?", (target.id, change.id))
        return target

    def _restore(self, record_id: int, data: dict[str, Any]) -> None:
        if self.one("SELECT 1 FROM records WHERE id = ?", (record_id,)):
            self._unindex(record_id)
            self.execute("DELETE FROM tags WHERE record_id = ?", (record_id,))
            self.execute("DELETE FROM records WHERE id = ?", (record_id,))
        tags = data.pop("tags", [])
        marks = ", ".join("?" * len(COLUMNS))
        self.execute(
            f"INSERT INTO records ({', '.join(COLUMNS)}) VALUES ({marks})", [data[c] for c in COLUMNS]
        )
        for tag in tags:
            self.execute("INSERT INTO tags (record_id, tag) VALUES (?, ?)", (record_id, tag))
        ref = decode(data["csl"], data["origin"])
        from ..core.dedupe.features import features

        self._index(record_id, features(0, ref), search_texts(ref, data["notes"], sorted(tags)))

    def log(self, limit: int | None = None) -> list[tuple[int, str, str, str, int | None, int | None]]:
        """(id, time, command, summary, undoes, undone_by) of the changes, newest first."""
        text = "SELECT id, at, command, summary, undoes, undone_by FROM changes ORDER BY id DESC"
        if limit:
            text += f" LIMIT {int(limit)}"
        return [tuple(row) for row in self.execute(text).fetchall()]

    # --- sources (a BibTeX file's layout: its @string macros, comments, order) -------------
    def add_source(self, name: str, fmt: str, layout: dict[str, Any] | None, change: Change) -> int:
        text = compact_json(layout) if layout is not None else None
        row = self.one(
            "INSERT INTO sources (name, format, layout, created_change) VALUES (?, ?, ?, ?) RETURNING id",
            (name, fmt, text, change.id),
        )
        return int(row[0])

    def sources(self, ids: set[int]) -> list[tuple[int, str, str, dict[str, Any] | None]]:
        """(id, name, format, layout) of the sources ``ids``, in the order they were added."""
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        rows = self.execute(
            f"SELECT id, name, format, layout FROM sources WHERE id IN ({marks}) ORDER BY id", sorted(ids)
        ).fetchall()
        return [(int(i), n, f, json.loads(layout) if layout else None) for i, n, f, layout in rows]
