"""Candidate pairs without comparing all pairs: blocks on keys, and sorted neighbourhoods.

Comparing every pair is O(n²): 5·10⁹ pairs at 100,000 references. A duplicate almost always
shares something exact with its original: an identifier, the same title words in any order, or
its first author and year; and a title with a typo still sorts next to the original by its
beginning or by its end. So pairs come from (1) exact blocks on those keys, each capped so a
common key ("Introduction", a prolific author's year) cannot explode, and (2) a sliding window
over the records sorted by title skeleton, forwards and by reversed words. Each candidate then
passes a cheap title check before it is scored in full.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from itertools import pairwise

from rapidfuzz import fuzz

from .features import Features

#: Exact blocks larger than this are not compared pair by pair (see ``_block_pairs``).
BLOCK_CAP = 40
#: Each record is compared with this many neighbours in every sort order.
WINDOW = 6

Progress = Callable[[str, int, int], None]


def _keys(f: Features) -> Iterator[tuple[str, bool]]:
    """(key, is_identifier) of every exact block the record belongs to. The author-and-year
    block also pairs a Russian record with its English catalogue entry, whose titles differ."""
    if f.doi:
        yield "d:" + f.doi, True
    if f.pmid:
        yield "p:" + f.pmid, True
    for isbn in f.isbns:
        yield "i:" + isbn, True
    if f.url:
        yield "u:" + f.url, True
    for words in f.title_words:
        if words:
            yield "t:" + " ".join(sorted(set(words))), False
    if f.authors and f.year is not None:
        yield f"a:{f.authors[0].family}:{f.year}", False


def _block_pairs(members: list[int], identifier: bool, feats: list[Features]) -> Iterator[tuple[int, int]]:
    """All pairs of a small block; a big identifier block as a chain (enough to connect it);
    a big title or author block as a window over its members sorted by title."""
    if len(members) <= BLOCK_CAP:
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                yield i, j
        return
    if identifier:
        yield from pairwise(members)
        return
    ordered = sorted(members, key=lambda k: feats[k].titles[0] if feats[k].titles else "")
    yield from _window(ordered, WINDOW)


def _window(order: list[int], width: int) -> Iterator[tuple[int, int]]:
    for x, i in enumerate(order):
        for j in order[x + 1 : x + width]:
            yield i, j


def _sort_orders(feats: list[Features]) -> Iterator[list[int]]:
    """Record indices sorted by each title reading, forwards and by reversed words."""
    entries = []
    reversed_entries = []
    for f in feats:
        for title in f.titles[:2]:
            if title:
                entries.append((title, f.index))
                reversed_entries.append((" ".join(reversed(title.split())), f.index))
    for table in (entries, reversed_entries):
        table.sort()
        yield [index for _, index in table]


def quick_title_check(a: Features, b: Features, cutoff: float) -> bool:
    """A cheap lower bound test before the full comparison: some title readings are close."""
    for ta in a.titles:
        for tb in b.titles:
            if not ta or not tb:
                continue
            if ta == tb or fuzz.ratio(ta, tb, score_cutoff=cutoff * 100):
                return True
            shorter, longer = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
            if longer.startswith(shorter + " ") and shorter.count(" ") >= 3:
                return True
            if fuzz.token_sort_ratio(ta, tb, score_cutoff=cutoff * 100):
                return True
    return False


def candidate_pairs(
    feats: list[Features], cutoff: float, progress: Progress | None = None
) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) worth scoring, each once: blocked, then past ``quick_title_check``."""
    seen: set[int] = set()
    n = len(feats)

    def emit(
        pairs: Iterator[tuple[int, int]], identifier: bool, by_author: bool = False
    ) -> Iterator[tuple[int, int]]:
        for i, j in pairs:
            if i == j:
                continue
            if i > j:
                i, j = j, i
            code = i * n + j
            if code in seen:
                continue
            a, b = feats[i], feats[j]
            if (
                identifier
                or (by_author and a.cyrillic_title != b.cyrillic_title)
                or quick_title_check(a, b, cutoff)
            ):
                seen.add(code)
                yield i, j

    blocks: dict[str, list[int]] = defaultdict(list)
    kinds: dict[str, bool] = {}
    for f in feats:
        for key, identifier in _keys(f):
            members = blocks[key]
            if not members or members[-1] != f.index:
                members.append(f.index)
            kinds[key] = identifier
    total = len(blocks) + 2 * n
    done = 0
    for key, members in blocks.items():
        done += 1
        if len(members) > 1:
            yield from emit(_block_pairs(members, kinds[key], feats), kinds[key], key.startswith("a:"))
        if progress and done % 5000 == 0:
            progress("blocking", done, total)
    for order in _sort_orders(feats):
        yield from emit(_window(order, WINDOW), False)
        done += n
        if progress:
            progress("blocking", done, total)
