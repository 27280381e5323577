"""Duplicate detection: which records of a library describe the same work, and why.

The pipeline: ``dedupe.features`` (each record normalised once) → ``dedupe.block``
(candidate pairs, never all pairs) → ``dedupe.score`` (identifiers, vetoes, weighted
similarity, with evidence in words) → ``dedupe.cluster`` (joins that never put two proven
different works together). ``dedupe.merge`` turns clusters into one record each, losslessly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ...model import Reference
from .block import candidate_pairs
from .cluster import Edge, cluster
from .features import Features, crossref_key, features
from .links import KeyIndex
from .score import (
    DEFAULT_PROFILE,
    PROFILES,
    Decision,
    Profile,
    compare,
    identifier_evidence,
    proven_apart,
)

__all__ = [
    "DEFAULT_PROFILE",
    "PROFILES",
    "Cluster",
    "Pair",
    "distinct_indices",
    "explain",
    "find_clusters",
    "parse_decisions",
    "profile_named",
]

Progress = Callable[[str, int, int], None]


@dataclass(slots=True)
class Pair:
    """One matched pair inside a cluster, with its score and per-field evidence."""

    ids: tuple[str, str]
    indices: tuple[int, int]
    score: float
    evidence: dict[str, str]


@dataclass(slots=True)
class Cluster:
    """Records judged to be one work. ``score`` and ``evidence`` are those of the weakest pair
    that holds the cluster together (the decision most worth a second look)."""

    ids: list[str]
    indices: list[int]
    score: float
    evidence: dict[str, str]
    threshold: float
    profile: str
    pairs: list[Pair] = field(default_factory=list)
    #: Matched pairs that were not joined because another member is proven different.
    kept_apart: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``refman dedupe --format json`` (fixed key order)."""
        return {
            "ids": self.ids,
            "indices": self.indices,
            "score": round(self.score, 4),
            "threshold": self.threshold,
            "profile": self.profile,
            "evidence": self.evidence,
            "pairs": [
                {"ids": list(p.ids), "score": round(p.score, 4), "evidence": p.evidence} for p in self.pairs
            ],
            "kept_apart": self.kept_apart,
        }


def profile_named(name: str | None) -> Profile:
    """The named profile; a ValueError naming the choices for an unknown one."""
    try:
        return PROFILES[name or DEFAULT_PROFILE]
    except KeyError:
        raise ValueError(f"unknown profile {name!r} (choose {', '.join(PROFILES)})") from None


def explain(a: Reference, b: Reference, profile: str = DEFAULT_PROFILE) -> Decision:
    """The decision for one pair, with its evidence (whatever the blocking would have done)."""
    return compare(features(0, a), features(1, b), profile_named(profile))


def find_clusters(
    refs: list[Reference],
    profile: str = DEFAULT_PROFILE,
    distinct: Iterable[tuple[int, int]] = (),
    progress: Progress | None = None,
) -> list[Cluster]:
    """Clusters of duplicates among ``refs`` (two or more records each), in input order.

    ``distinct`` holds index pairs that a person has ruled different works: they never end
    up in one cluster. ``progress(stage, done, total)`` is called now and then on long runs.
    """
    chosen = profile_named(profile)
    feats = library_features(refs, progress)
    ruled = {(min(i, j), max(i, j)) for i, j in distinct if i != j}
    edges: list[Edge] = []
    cutoff = max(0.5, chosen.min_title - 0.12)
    for i, j in candidate_pairs(feats, cutoff, progress):
        if (i, j) in ruled:
            continue
        decision = compare(feats[i], feats[j], chosen)
        if decision.same:
            edges.append(Edge(i, j, decision.score, decision.evidence))

    def apart(i: int, j: int) -> str | None:
        return _apart(feats[i], feats[j], chosen)

    out = []
    for group in cluster(len(refs), edges, apart, ruled):
        weakest = min(group.edges, key=lambda e: (e.score, e.i, e.j))
        out.append(
            Cluster(
                ids=[str(refs[k].id) for k in group.indices],
                indices=group.indices,
                score=weakest.score,
                evidence=weakest.evidence,
                threshold=chosen.threshold,
                profile=chosen.name,
                pairs=[
                    Pair((str(refs[e.i].id), str(refs[e.j].id)), (e.i, e.j), e.score, e.evidence)
                    for e in group.edges
                ],
                kept_apart=[
                    {"ids": [str(refs[r.i].id), str(refs[r.j].id)], "reason": r.reason} for r in group.refused
                ],
            )
        )
    return out


def library_features(refs: list[Reference], progress: Progress | None = None) -> list[Features]:
    """Features of every record, knowing the library: the entry each one crossrefs (whose
    ISBN and DOI it inherited), and which DOIs belong to whole books, so that a part carrying
    its book's DOI is not taken for the book, nor for another part of it."""
    keys = KeyIndex(refs)
    feats: list[Features] = []
    for index, ref in enumerate(refs):
        parent_key = crossref_key(ref)
        parent = keys.find(parent_key, index) if parent_key else None
        feats.append(features(index, ref, refs[parent] if parent is not None and parent != index else None))
        if progress and index % 2000 == 1999:
            progress("reading", index + 1, len(refs))
    whole_dois = {f.doi for f in feats if f.doi and not f.part}
    for f in feats:
        if f.part and f.doi in whole_dois:
            f.doi, f.container_doi = None, f.doi
    return feats


def _apart(a: Features, b: Features, profile: Profile) -> str | None:
    """Why two records are proven different works (identifier conflict or a veto), or None."""
    deciding, evidence, veto = identifier_evidence(a, b)
    if veto is not None:
        return evidence[veto]
    if deciding in ("doi", "pmid"):
        return None
    found = proven_apart(a, b, profile)
    return found[1] if found else None


def parse_decisions(text: str) -> list[tuple[str, str]]:
    """Pairs of keys a person has ruled different, from a TSV file: ``key1<TAB>key2``, an
    optional third column (a note, or "distinct"), ``#`` comments and blank lines ignored."""
    pairs = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 2 or not cells[0] or not cells[1]:
            cells = line.split()
        if len(cells) >= 2 and (cells[0], cells[1]) != ("old", "new"):
            pairs.append((cells[0], cells[1]))
    return pairs


def distinct_indices(
    refs: list[Reference], pairs: list[tuple[str, str]]
) -> tuple[list[tuple[int, int]], list[str]]:
    """Index pairs for key pairs (every record with that key: keys from several inputs may
    repeat), and the keys that no record has."""
    where: dict[str, list[int]] = {}
    for index, ref in enumerate(refs):
        where.setdefault(str(ref.id), []).append(index)
    out, unknown = [], []
    for a, b in pairs:
        for key in (a, b):
            if key not in where and key not in unknown:
                unknown.append(key)
        out.extend((i, j) for i in where.get(a, []) for j in where.get(b, []) if i != j)
    return out, unknown
