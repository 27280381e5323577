"""Changed keys as a machine-readable table (``rekey`` reads it back)."""

from __future__ import annotations


def key_map_tsv(changes: list[tuple[str, str]]) -> str:
    """Changed keys as ``refman rekey`` and ``dedupe --key-map`` write them: a header line,
    then ``old<TAB>new``, each old key once."""
    seen: set[str] = set()
    rows = [(old, new) for old, new in changes if not (old in seen or seen.add(old))]
    return "old\tnew\n" + "".join(f"{old}\t{new}\n" for old, new in rows)
