"""The dedupe features of library records while ``add`` runs, in bounded memory.

Adding compares each new record with the library's records its blocks hold; those records'
features (normalised titles, names, identifiers) cost more to make again than the comparison
itself: reading the row, decoding its CSL-JSON, normalising. A large add meets the same
records again and again (a popular block), so they are kept: the most recent as objects, and
older ones packed (about a third of the memory, and unpickling is far cheaper than remaking
them). Both tiers are bounded, so memory does not grow with the library.

The cold tier packs a record's features as a tuple of plain values with ``marshal`` (strings,
numbers, tuples, frozensets): pickling the slotted dataclasses goes through Python code for
every object and cost add a quarter of its time at 100,000 records.
"""

from __future__ import annotations

import marshal
from collections import OrderedDict
from dataclasses import fields
from typing import Any

from .core.dedupe.features import EMPTY, Author, Features

_FIELDS = tuple(f.name for f in fields(Features))
_AUTHORS = _FIELDS.index("authors")
#: The frozenset fields: an empty one comes back as the shared ``EMPTY`` (as ``features`` makes it).
_SETS = tuple(i for i, f in enumerate(fields(Features)) if f.type == "frozenset[str]")


def plain(feats: Features) -> tuple:
    """``feats`` as a tuple of plain values, which ``marshal`` takes (``from_plain`` undoes it)."""
    values = [getattr(feats, name) for name in _FIELDS]
    values[_AUTHORS] = tuple((a.family, a.initial, a.given, a.institution) for a in feats.authors)
    return tuple(values)


def from_plain(values: tuple | list) -> Features:
    values = list(values)
    values[_AUTHORS] = tuple(Author(*author) for author in values[_AUTHORS])
    for i in _SETS:
        if not values[i]:
            values[i] = EMPTY
    return Features(*values)


def pack(feats: Features) -> bytes:
    """``feats`` as bytes (``unpack`` gives an equal Features back)."""
    return marshal.dumps(plain(feats))


def unpack(data: bytes) -> Features:
    return from_plain(marshal.loads(data))


#: Features kept as objects (about 1.2 KB each): at 60,000, an add of up to that many records
#: never packs one, and a larger one unpacks less often.
HOT = 60_000
#: Features kept packed (about 0.35 KB each) once they leave the objects.
COLD = 150_000


class FeatureCache:
    """Record id → dedupe features, least recently used out first (see module docstring)."""

    def __init__(self, hot: int = HOT, cold: int = COLD) -> None:
        self.hot: OrderedDict[int, Any] = OrderedDict()
        self.cold: dict[int, bytes] = {}
        self.hot_size, self.cold_size = hot, cold

    def get(self, record_id: int) -> Any:
        feats = self.hot.get(record_id)
        if feats is not None:
            self.hot.move_to_end(record_id)
            return feats
        packed = self.cold.pop(record_id, None)
        return None if packed is None else self.put(record_id, unpack(packed))

    def put(self, record_id: int, feats: Any) -> Any:
        self.hot[record_id] = feats
        if len(self.hot) > self.hot_size:
            old_id, old = self.hot.popitem(last=False)
            self.cold[old_id] = pack(old)
            if len(self.cold) > self.cold_size:
                del self.cold[next(iter(self.cold))]
        return feats

    def drop(self, record_id: int) -> None:
        self.hot.pop(record_id, None)
        self.cold.pop(record_id, None)
