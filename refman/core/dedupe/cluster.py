"""From matched pairs to clusters, without chaining two works together through a third.

Plain transitive closure merges "Part 1" and "Part 2" as soon as one record without a part
number matches both. So pairs join clusters strongest first, and a join is refused when any
record of one side is proven apart from any record of the other (a veto, or a person's
"distinct" decision): every cluster stays consistent with everything known about its members.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

#: Cross-checking every pair of two clusters costs |A|·|B| comparisons; above this the check
#: is left to the pairwise vetoes already seen (clusters of that size are rare and uniform).
CROSS_CHECK_LIMIT = 2500


@dataclass(slots=True)
class Edge:
    """A matched pair: indices into the input, its score and the evidence of the decision."""

    i: int
    j: int
    score: float
    evidence: dict[str, str]


@dataclass(slots=True)
class Refused:
    """A matched pair that was not joined, and why (the pair or decision that forbids it)."""

    i: int
    j: int
    reason: str


@dataclass(slots=True)
class Group:
    indices: list[int]
    edges: list[Edge] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)


def cluster(
    n: int,
    edges: Iterable[Edge],
    apart: Callable[[int, int], str | None],
    distinct: Iterable[tuple[int, int]] = (),
) -> list[Group]:
    """Clusters of two or more records, ordered by their first record; members in input order.

    ``apart(i, j)`` says why two records are different works (or None); ``distinct`` are
    pairs a person has ruled different.
    """
    parent = list(range(n))
    members: dict[int, list[int]] = {}
    forbidden: dict[int, set[int]] = {}
    for i, j in distinct:
        forbidden.setdefault(i, set()).add(j)
        forbidden.setdefault(j, set()).add(i)

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    used: dict[int, list[Edge]] = {}
    refused: dict[int, list[Refused]] = {}
    for edge in sorted(edges, key=lambda e: (-e.score, e.i, e.j)):
        ra, rb = root(edge.i), root(edge.j)
        if ra == rb:
            used.setdefault(ra, []).append(edge)
            continue
        side_a = members.get(ra, [ra])
        side_b = members.get(rb, [rb])
        reason = _conflict(side_a, side_b, forbidden, apart)
        if reason is not None:
            refused.setdefault(ra, []).append(Refused(edge.i, edge.j, reason))
            continue
        if len(side_a) < len(side_b):
            ra, rb, side_a, side_b = rb, ra, side_b, side_a
        parent[rb] = ra
        members[ra] = side_a + side_b
        members.pop(rb, None)
        used[ra] = used.get(ra, []) + used.pop(rb, []) + [edge]
        refused[ra] = refused.get(ra, []) + refused.pop(rb, [])
    groups = []
    for r, indices in members.items():
        if root(r) != r or len(indices) < 2:
            continue
        edges_of = sorted(used.get(r, []), key=lambda e: (e.i, e.j))
        groups.append(Group(sorted(indices), edges_of, refused.get(r, [])))
    groups.sort(key=lambda g: g.indices[0])
    return groups


def _conflict(
    side_a: list[int],
    side_b: list[int],
    forbidden: dict[int, set[int]],
    apart: Callable[[int, int], str | None],
) -> str | None:
    for x in side_a:
        ruled = forbidden.get(x)
        if ruled and any(y in ruled for y in side_b):
            y = next(y for y in side_b if y in ruled)
            return f"ruled distinct: records {x + 1} and {y + 1}"
    if len(side_a) * len(side_b) > CROSS_CHECK_LIMIT or (len(side_a) == 1 and len(side_b) == 1):
        return None
    for x in side_a:
        for y in side_b:
            reason = apart(x, y)
            if reason is not None:
                return f"records {x + 1} and {y + 1}: {reason}"
    return None
