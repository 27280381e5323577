"""Duplicate clusters (``refman dedupe``): a table on a terminal, plain blocks in a pipe, JSON;
and the merge report (what survived, what was relinked, what conflicted) on stderr."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .. import console

if TYPE_CHECKING:
    from ..model import Reference


def as_json(records: int, clusters: list[Any], profile: str) -> str:
    doc = {"profile": profile, "records": records, "clusters": [c.to_dict() for c in clusters]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def as_lines(refs: list[Reference], clusters: list[Any]) -> str:
    return "".join(_plain(refs, number, cluster) for number, cluster in enumerate(clusters, 1))


def _describe(ref: Reference) -> str:
    names = "; ".join(n.display() for n in (ref.author or [])[:3])
    year = ref.issued.year if ref.issued is not None else None
    parts = [names, ref.title or ref.container_title or "", f"({year})" if year else ""]
    return " ".join(p for p in parts if p).replace("\t", " ").replace("\n", " ")


def _source(ref: Reference) -> str:
    origin = ref.origin
    if origin is None or origin.path is None:
        return "-"
    return f"{origin.path}:{origin.line}" if origin.line else origin.path


def _evidence_text(evidence: dict[str, str]) -> str:
    return "; ".join(text if name in text.split()[0:1] or name == "decision" else f"{name}: {text}"
                     for name, text in evidence.items())  # fmt: skip


def _notes(cluster: Any) -> list[tuple[str, str]]:
    """(line, style) under a cluster: the evidence of each pair, then what was kept apart."""
    out = [(f"  {p.ids[0]} ~ {p.ids[1]}: {_evidence_text(p.evidence)}", "dim") for p in cluster.pairs]
    out += [
        (f"  kept apart {a['ids'][0]} / {a['ids'][1]}: {a['reason']}", "yellow") for a in cluster.kept_apart
    ]
    return out


def _plain(refs: list[Reference], number: int, cluster: Any) -> str:
    lines = [f"cluster {number}: {len(cluster.indices)} records, score {cluster.score:.2f} "
             f"(threshold {cluster.threshold:.2f}, {cluster.profile})"]  # fmt: skip
    lines += [f"  {refs[i].id}\t{_source(refs[i])}\t{_describe(refs[i])}" for i in cluster.indices]
    lines += [line for line, _ in _notes(cluster)]
    return "\n".join(lines) + "\n\n"


def table(refs: list[Reference], clusters: list[Any]) -> None:
    columns = [console.Column("Key", fold=True), console.Column("Source", fold=True),
               console.Column("Record", ratio=3, fold=True)]  # fmt: skip
    for number, cluster in enumerate(clusters, 1):
        title = (f"Cluster {number}: score {cluster.score:.2f} (threshold {cluster.threshold:.2f}, "
                 f"{cluster.profile})")  # fmt: skip
        rows = [((str(refs[i].id), _source(refs[i]), _describe(refs[i])), None) for i in cluster.indices]
        console.print_table(columns, rows, title=title)
        for line, style in _notes(cluster):
            console.print_text(line, style=style)
    if not clusters:
        console.print_text("No duplicates.")


def merge_report(merged: Any, quiet: bool) -> None:
    """On stderr: every cluster merged and its survivor, every link rewritten, every conflict
    kept as a -variant field (not with ``quiet``)."""
    for key in merged.unknown_keys:
        console.warn(f"--keep: no record has the key {key!r}")
    for done in merged.clusters:
        console.say(f"merged {done.line()}")
    for link in merged.relinks:
        now = link.new or "dropped (it named the record itself)"
        console.say(f"in {link.key}, {link.field} {link.old} → {now}")
    for conflict in [] if quiet else merged.conflicts:
        console.warn(f"merge conflict: {conflict.line()} (kept as a -variant field)")


def summary(records: int, clusters: list[Any], profile: str, kept: int | None = None) -> str:
    """The totals line on stderr: records, clusters, duplicates (and records written)."""
    duplicates = sum(len(c.indices) - 1 for c in clusters)
    text = (
        f"{_count(records, 'record')}, {_count(len(clusters), 'cluster')}, "
        f"{_count(duplicates, 'duplicate')} (profile {profile})"
    )
    return text + (f"; {kept} records written" if kept is not None else "")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
