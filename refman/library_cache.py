"""The dedupe features of library records while ``add`` runs, in bounded memory.

Adding compares each new record with the library's records its blocks hold; those records'
features (normalised titles, names, identifiers) cost more to make again than the comparison
itself: reading the row, decoding its CSL-JSON, normalising. A large add meets the same
records again and again (a popular block), so they are kept: the most recent as objects, and
older ones pickled (about a third of the memory, and unpickling is far cheaper than remaking
them). Both tiers are bounded, so memory does not grow with the library.
"""

from __future__ import annotations

import pickle
from collections import OrderedDict
from typing import Any

#: Features kept as objects (about 2 KB each).
HOT = 20_000
#: Features kept pickled (about 0.8 KB each) once they leave the objects.
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
        return None if packed is None else self.put(record_id, pickle.loads(packed))

    def put(self, record_id: int, feats: Any) -> Any:
        self.hot[record_id] = feats
        if len(self.hot) > self.hot_size:
            old_id, old = self.hot.popitem(last=False)
            self.cold[old_id] = pickle.dumps(old, protocol=pickle.HIGHEST_PROTOCOL)
            if len(self.cold) > self.cold_size:
                del self.cold[next(iter(self.cold))]
        return feats

    def drop(self, record_id: int) -> None:
        self.hot.pop(record_id, None)
        self.cold.pop(record_id, None)
