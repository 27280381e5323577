"""The blocking index of the library: which records ``add`` compares a new record with.

A record is filed under its blocking keys (``records.block_keys``: identifiers, title words,
first author and year). As the dedupe engine does, a block is a neighbourhood by title: of
each key's records, the ``BLOCK_LIMIT`` whose title skeletons sort nearest to the new one's
(half before, half after), so a small block is compared whole and a large one
("Introduction", a prolific author's year) by its nearest titles, in one query for all keys.

The query reads the index alone (key number and record id, no text). The title skeletons the
cheap check needs are kept per record in a bounded map (``_titles``), filled when a record is
filed and, for records of earlier commands, read in one query for all that are missing; the
cheap check itself is the engine's ``quick_title_check``, run for all of a record's
candidates at once (``rapidfuzz.process.extract``): the same pairs pass, in a fraction of the time.
"""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.process import extract

from ..core.dedupe.block import BLOCK_CAP
from ..core.dedupe.features import Features
from .records import IDENTIFIER_PREFIXES, block_keys

#: Candidates looked at per blocking key at most (the dedupe engine's cap on an exact block).
BLOCK_LIMIT = BLOCK_CAP
#: Records whose title skeletons are kept (about 200 bytes each): beyond it the oldest go.
TITLES_KEPT = 200_000
#: What the map keeps of a record: its title skeletons, whether they are Cyrillic, and, for
#: a record filed by this process, its year, DOI and PMID (None when read back from the
#: library: then the year test below is not made).
Known = tuple[tuple[str, ...], bool, int | None, str | None, str | None]


class Blocking:
    """Mixed into ``Store``: filing records under their keys and finding candidates."""

    execute: Any
    executemany: Any

    def __init__(self) -> None:
        self._keys: tuple[Features | None, list[str]] = (None, [])
        self._block_queries: dict[int, str] = {}
        self._titles: dict[int, Known] = {}

    def feats_keys(self, feats: Features) -> list[str]:
        """A record's blocking keys, worked out once (add looks them up, then files them)."""
        if self._keys[0] is not feats:
            self._keys = (feats, block_keys(feats))
        return self._keys[1]

    def known_keys(self, feats: Features, keys: list[str]) -> None:
        """``block_keys(feats)``, worked out ahead (``preparing``: by another process)."""
        self._keys = (feats, keys)

    def file_keys(self, record_id: int, feats: Features) -> None:
        """File a record in the blocking index (and keep its titles for the cheap check)."""
        place = place_of(feats)
        rows = [(record_id, key, place) for key in self.feats_keys(feats)]
        if rows:
            self.executemany("INSERT INTO block_keys (record_id, key, place) VALUES (?, ?, ?)", rows)
        self.keep_titles(record_id, feats)

    def keep_titles(self, record_id: int, feats: Features) -> None:
        """Keep what the cheap check needs of a record just filed (see ``Known``)."""
        titles = tuple("\x1f".join(feats.titles).split("\x1f"))
        self._remember(record_id, (titles, feats.cyrillic_title, feats.year, feats.doi, feats.pmid))

    def unfile_keys(self, record_id: int) -> None:
        self.execute("DELETE FROM block_keys WHERE record_id = ?", (record_id,))
        self._titles.pop(record_id, None)

    def _remember(self, record_id: int, known: Known) -> None:
        self._titles[record_id] = known
        if len(self._titles) > TITLES_KEPT:
            del self._titles[next(iter(self._titles))]

    def forget_titles(self) -> None:
        """After a rollback: the map may name records that are no longer there."""
        self._titles.clear()

    def candidates(self, feats: Features, cutoff: float, year_slack: int | None = None) -> list[int]:
        """Records the blocking index pairs with ``feats`` that pass the engine's cheap check,
        in the order the blocks give them (see the module docstring). With ``year_slack``
        (the profile's), a record whose year differs by more and that shares neither DOI nor
        PMID is left out before the title check: ``compare`` vetoes such a pair (only an
        equal DOI or PMID decides before the year veto), so the decisions are the same."""
        keys = self.feats_keys(feats)
        if not keys:
            return []
        place = place_of(feats)
        params = [value for key in keys for value in (key, place, key, place)]
        rows = self.execute(self._blocks_sql(len(keys)), params).fetchall()
        if not rows:
            return []
        # a key that takes its records without the title test: an identifier block, or an
        # author's year across scripts (a Cyrillic and a Latin record of one author)
        always = [key.startswith(IDENTIFIER_PREFIXES) for key in keys]
        by_author = [key.startswith("a:") for key in keys]
        titles = self._titles_of({rid for _, rid in rows})
        mine, year = feats.cyrillic_title, feats.year if year_slack is not None else None
        # record id → whether its first row takes it whatever the titles; where not, the
        # title test decides whether it comes there or at a later row that takes it
        taken: dict[int, bool] = {}
        for n, rid in rows:
            if rid not in taken:
                known = titles.get(rid)
                if known is None:  # filed but not there (as a join)
                    continue
                if (
                    year is not None
                    and known[2] is not None
                    and abs(known[2] - year) > year_slack  # type: ignore[operator]
                    and not (feats.doi and feats.doi == known[3])
                    and not (feats.pmid and feats.pmid == known[4])
                ):
                    continue
                taken[rid] = always[n] or (by_author[n] and known[1] != mine)
        close = _close_titles(feats, {rid: titles[rid][0] for rid, free in taken.items() if not free}, cutoff)
        out: dict[int, None] = {}
        for n, rid in rows:
            if rid in out or rid not in taken:
                continue
            if rid in close or always[n] or (by_author[n] and titles[rid][1] != mine):
                out[rid] = None
        return list(out)

    def _titles_of(self, ids: set[int]) -> dict[int, Known]:
        """The map of (title skeletons, Cyrillic) by record, holding ``ids`` (those still
        in the library): the ones it lacked read at once."""
        missing = list(ids.difference(self._titles))  # O(len(ids)): a set lookup in the dict each
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for rid, text, cyrillic in self.execute(
                f"SELECT id, titles, cyrillic FROM records WHERE id IN ({marks})", chunk
            ).fetchall():
                self._remember(int(rid), (tuple(text.split("\x1f")), bool(cyrillic), None, None, None))
        return self._titles

    def _blocks_sql(self, count: int) -> str:
        """The query of ``candidates`` for ``count`` keys (made once per count): the number of
        the key and the record id of each block member, block by block."""
        text = self._block_queries.get(count)
        if text is None:
            half = BLOCK_LIMIT // 2
            part = (
                "SELECT {n} AS n, q{m}.record_id FROM (SELECT b.record_id FROM block_keys b "
                "WHERE b.key = ? AND b.place {op} ? ORDER BY b.place {order} LIMIT {limit}) AS q{m}"
            )
            text = self._block_queries[count] = " UNION ALL ".join(
                part.format(n=n, op=op, order=order, limit=half, m=2 * n + side)
                for n in range(count)
                for side, (op, order) in enumerate(((">=", "ASC"), ("<", "DESC")))
            )
        return text


def place_of(feats: Features) -> str:
    """Where a record sorts within its blocks: its first title skeleton."""
    return feats.titles[0] if feats.titles else ""


def _close_titles(feats: Features, others: dict[int, tuple[str, ...]], cutoff: float) -> set[int]:
    """The records of ``others`` (id → title skeletons) that ``quick_title_check`` passes
    against ``feats``: some pair of titles alike by ``fuzz.ratio``, one the start of the other
    (four words or more), or alike by ``fuzz.token_sort_ratio``, at ``cutoff``."""
    mine = [title for title in feats.titles if title]
    owners: list[int] = []
    theirs: list[str] = []
    for rid, titles in others.items():
        for title in titles:
            if title:
                owners.append(rid)
                theirs.append(title)
    if not mine or not theirs:
        return set()
    score = cutoff * 100
    close = _passing(mine, theirs, owners, fuzz.ratio, score)
    rest = [i for i, rid in enumerate(owners) if rid not in close]
    # one title the other's start, at a word, the shorter of four words or more: the
    # shorter is theirs (one of my word prefixes) or mine (theirs starts with it)
    starts = set()
    for title in mine:
        words = title.split(" ")
        starts.update(" ".join(words[:k]) for k in range(4, len(words)))
    longer = tuple(title + " " for title in mine if title.count(" ") >= 3)
    for i in rest:
        tb = theirs[i]
        if tb in starts or (longer and tb.startswith(longer)):
            close.add(owners[i])
    rest = [i for i in rest if owners[i] not in close]
    if rest:
        close |= _passing(
            mine, [theirs[i] for i in rest], [owners[i] for i in rest], fuzz.token_sort_ratio, score
        )
    return close


def _passing(mine: list[str], theirs: list[str], owners: list[int], scorer: Any, score: float) -> set[int]:
    """The owners of the titles of ``theirs`` that some title of ``mine`` matches at ``score``."""
    return {
        owners[index]
        for title in mine
        for _, _, index in extract(title, theirs, scorer=scorer, score_cutoff=score, limit=None)
    }
