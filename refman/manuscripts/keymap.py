"""The key map ``refman dedupe --merge --key-map`` writes: ``old<TAB>new`` lines.

A line ``old<TAB>new`` is a header (every one: maps may be concatenated); blank lines and
lines starting with ``#`` are skipped; ``k<TAB>k`` (dedupe writes one for the record that
keeps its key) says nothing and so never conflicts with a later ``k<TAB>m``. A key mapped to
two different keys, a line that is not two tab-separated keys, and a cycle (``a → b → a``)
are refused: no guess is safe. A chain ``a → b``, ``b → c`` (maps of two merges, one after
the other) is resolved to ``a → c``, ``b → c``, and reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import InputError
from .citations import WILDCARD

HEADER = "old\tnew"


@dataclass(slots=True)
class KeyMap:
    """Old key → new key, chains resolved; ``chains`` says which were, for the report."""

    mapping: dict[str, str] = field(default_factory=dict)
    chains: list[tuple[str, ...]] = field(default_factory=list)


def parse(text: str, name: str = "key map") -> KeyMap:
    """Read a key map; a bad line is an ``InputError`` naming the file and the line."""
    direct: dict[str, tuple[str, int]] = {}
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.removesuffix("\r")
        if not line.strip() or line.startswith("#") or line == HEADER:
            continue
        parts = line.split("\t")
        where = f"{name}:{number}"
        if len(parts) != 2:
            found = "no tab" if len(parts) == 1 else f"{len(parts)} fields"
            raise InputError(f"{where}: expected old<TAB>new, found {found}")
        old, new = parts
        for key in parts:
            if not key:
                raise InputError(f"{where}: an empty key")
            if key != key.strip() or any(char.isspace() for char in key):
                raise InputError(f"{where}: the key {key!r} has white space in it")
            if key == WILDCARD:
                raise InputError(f"{where}: '*' cites every entry; it is not a key to rename")
        if old == new:
            continue
        earlier = direct.get(old)
        if earlier is not None and earlier[0] != new:
            raise InputError(
                f"{where}: {old!r} is mapped to {new!r} here and to {earlier[0]!r} on line {earlier[1]}"
            )
        direct[old] = (new, number)
    return _resolve({old: new for old, (new, _) in direct.items()})


def _resolve(direct: dict[str, str]) -> KeyMap:
    """Follow every chain to its end; a cycle is an error."""
    result = KeyMap()
    for old, new in direct.items():
        path = [old, new]
        while path[-1] in direct:
            following = direct[path[-1]]
            if following in path:
                cycle = " → ".join([*path[path.index(following) :], following])
                raise InputError(f"key map has a cycle: {cycle}; rename in two steps")
            path.append(following)
        result.mapping[old] = path[-1]
        if len(path) > 2 and old not in direct.values():
            result.chains.append(tuple(path))
    return result
