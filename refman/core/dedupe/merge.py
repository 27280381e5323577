"""One record per cluster, without losing anything any member said, and with no dangling link.

The surviving record (``dedupe.survivor``: the one the user chose, by default the one that says
the most) is the base and gives its key. For every field the most complete value wins: a full
given name over an initial, a longer author list, a date with a day over a year, a title with
its subtitle over one without, any value over none. Values that disagree (and are not merely
another spelling of the same text) are reported, and every value not kept travels on in the
merged record as an ``unmapped`` "<field>-variant" entry, so a writer still outputs it. Every
``crossref``, ``xdata``, ``related`` … that named a merged-away key names the survivor's
(``dedupe.links``), before the fields are merged, so one parent under two keys is no conflict.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...model import DATE_VARIABLES, NAME_VARIABLES, DateValue, Library, Name, Reference
from ...parse.latex import to_unicode
from .links import Relink, relink
from .norm import clean_text
from .survivor import Choice, choose, completeness
from .translit import latin_words, skeleton

_SKIP = frozenset({"id", "unmapped", "latex", "origin", "custom"})


@dataclass(slots=True)
class Conflict:
    """Members of a cluster that disagree on a field: what was kept, what was set aside."""

    key: str  # the merged record's key
    field: str
    kept: str
    others: list[tuple[str, str]]  # (source key, value)

    def line(self) -> str:
        others = "; ".join(f"{value!r} ({source})" for source, value in self.others)
        return f"{self.key}: {self.field}: kept {self.kept!r}; also {others}"


@dataclass(slots=True)
class MergedCluster:
    """One cluster's outcome: the merged record's key, every member's key (input order), and
    why that key survived."""

    key: str
    members: list[str]
    reason: str

    def line(self) -> str:
        others = list(self.members)
        others.remove(self.key)  # once: a key can repeat across inputs
        return f"{', '.join(others)} into {self.key} ({self.reason})"


@dataclass(slots=True)
class MergeResult:
    library: Library
    key_map: list[tuple[str, str]] = field(default_factory=list)  # (old key, new key)
    conflicts: list[Conflict] = field(default_factory=list)
    clusters: list[MergedCluster] = field(default_factory=list)
    relinks: list[Relink] = field(default_factory=list)  # links rewritten to a surviving key
    unknown_keys: list[str] = field(default_factory=list)  # keys to keep that no record has


def merge(library: Library, clusters: list[list[int]], survivors: list[Choice] | None = None) -> MergeResult:
    """``library`` with each cluster (lists of indices) replaced by one merged record, placed
    where its first member was; ``survivors`` (one per cluster, default ``choose``) say whose
    key it takes. Records outside clusters are kept as they are, but for links to a
    merged-away key, which are rewritten."""
    refs = library.references
    survivors = survivors if survivors is not None else choose(refs, clusters)
    new_keys = {
        k: str(refs[s.index].id) for indices, s in zip(clusters, survivors, strict=True) for k in indices
    }
    linked, relinks = relink(refs, new_keys)
    result = MergeResult(Library(article=library.article, preserved=dict(library.preserved)))
    result.relinks = list(dict.fromkeys(relinks))
    merged_at: dict[int, Reference] = {}
    absorbed: set[int] = set()
    for indices, survivor in zip(clusters, survivors, strict=True):
        rest = sorted((k for k in indices if k != survivor.index), key=lambda k: (-completeness(refs[k]), k))
        merged, conflicts = _merge_records([linked[k] for k in [survivor.index, *rest]])
        merged_at[min(indices)] = merged
        absorbed.update(indices)
        result.conflicts.extend(conflicts)
        result.clusters.append(
            MergedCluster(str(merged.id), [str(refs[k].id) for k in sorted(indices)], survivor.reason)
        )
        result.key_map.extend((str(refs[k].id), str(merged.id)) for k in sorted(indices))
    result.key_map = list(dict.fromkeys(result.key_map))  # a key can repeat across inputs
    for k, ref in enumerate(linked):
        if k in merged_at:
            result.library.references.append(merged_at[k])
        elif k not in absorbed:
            result.library.references.append(ref)
    return result


def _merge_records(members: list[Reference]) -> tuple[Reference, list[Conflict]]:
    base = members[0]
    merged = base.model_copy(deep=True)
    key = str(base.id)
    conflicts: list[Conflict] = []
    for name in Reference.model_fields:
        if name in _SKIP:
            continue
        values = [(str(m.id), getattr(m, name)) for m in members if _present(getattr(m, name))]
        if not values:
            continue
        variable = Reference.model_fields[name].alias or name
        kept, others = _choose(variable, values)
        setattr(merged, name, kept)
        if others:
            conflicts.append(Conflict(key, variable, _text(kept), [(s, _text(v)) for s, v in others]))
            for number, (_, value) in enumerate(others, start=1):
                suffix = "" if number == 1 else f"-{number}"
                merged.unmapped[f"{variable}-variant{suffix}"] = _text(value)
    _merge_unmapped(merged, members, conflicts)
    merged.custom = _merge_custom(members)
    merged.latex = _merge_latex(merged, members)
    return merged, conflicts


def _merge_latex(merged: Reference, members: list[Reference]) -> dict[str, str]:
    """The LaTeX source of each kept value: from the member whose value was kept."""
    out: dict[str, str] = {}
    for member in members:
        for key, latex in member.latex.items():
            value = merged.unmapped.get(key[9:]) if key.startswith("unmapped:") else merged.get(key)
            if key not in out and isinstance(value, str) and to_unicode(latex) == value:
                out[key] = latex
    return out


def _present(value: Any) -> bool:
    return value not in (None, "", [], {})


def _choose(variable: str, values: list[tuple[str, Any]]) -> tuple[Any, list[tuple[str, Any]]]:
    """The most complete value and the values that disagree with it."""
    if variable in NAME_VARIABLES:
        return _choose_names(values)
    if variable in DATE_VARIABLES:
        return _choose_date(values)
    if variable == "type":  # "document" says only that the source did not know
        specific = [(s, v) for s, v in values if v != "document"] or values
        return specific[0][1], [(s, v) for s, v in specific if v != specific[0][1]][:1]
    kept = values[0][1]
    others: list[tuple[str, Any]] = []
    for source, value in values[1:]:
        relation = _relation(_text(kept), _text(value))
        if relation == "longer":
            kept = value
        elif relation == "different" and all(_relation(_text(v), _text(value)) != "same" for _, v in others):
            others.append((source, value))
    others = [(s, v) for s, v in others if _relation(_text(kept), _text(v)) == "different"]
    return kept, others


def _relation(kept: str, other: str) -> str:
    """ "same" (another spelling), "longer" (``other`` adds to ``kept``), "shorter", "different"."""
    a, b = latin_words(clean_text(kept)), latin_words(clean_text(other))
    if a == b:
        return "same"
    if b[: len(a)] == a:
        return "longer"
    if a[: len(b)] == b:
        return "shorter"
    return "different"


def _choose_names(values: list[tuple[str, list[Name]]]) -> tuple[list[Name], list[tuple[str, Any]]]:
    """The longest list, each name upgraded with a fuller given name from another list."""
    ordered = sorted(values, key=lambda sv: -len(sv[1]))
    kept = [n.model_copy() for n in ordered[0][1]]
    others = []
    for source, names in values:
        if names is ordered[0][1]:
            continue
        agree = len(names) <= len(kept) and all(_same_person(x, y) for x, y in zip(names, kept, strict=False))
        if not agree:
            others.append((source, names))
            continue
        for x, y in zip(names, kept, strict=False):
            if len(latin_words(x.given or "")) >= len(latin_words(y.given or "")) and len(
                x.given or ""
            ) > len(y.given or ""):
                y.given = x.given if _same_script(x, y) else y.given
        if any(not _same_script(x, y) for x, y in zip(names, kept, strict=False)):
            others.append((source, names))  # a transliteration: kept as a variant, never lost
    return kept, others


def _same_person(x: Name, y: Name) -> bool:
    return skeleton(x.family or x.literal or "") == skeleton(y.family or y.literal or "")


def _same_script(x: Name, y: Name) -> bool:
    a, b = x.family or x.literal or "", y.family or y.literal or ""
    return a.isascii() == b.isascii()


def _choose_date(values: list[tuple[str, DateValue]]) -> tuple[DateValue, list[tuple[str, Any]]]:
    ordered = sorted(values, key=lambda sv: -len(sv[1].parts))
    kept = ordered[0][1]
    others = [
        (s, v) for s, v in values if v.parts != kept.parts[: len(v.parts)] or (not v.parts and v != kept)
    ]
    return kept, others


def _merge_unmapped(merged: Reference, members: list[Reference], conflicts: list[Conflict]) -> None:
    for member in members[1:]:
        for name, value in member.unmapped.items():
            if name not in merged.unmapped:
                merged.unmapped[name] = value
            elif merged.unmapped[name] != value and name not in ("entrytype",):
                variant = f"{name}-variant"
                number = 2
                while variant in merged.unmapped:
                    variant, number = f"{name}-variant-{number}", number + 1
                merged.unmapped[variant] = value
                conflicts.append(
                    Conflict(
                        str(merged.id), name, _text(merged.unmapped[name]), [(str(member.id), _text(value))]
                    )
                )


def _merge_custom(members: list[Reference]) -> dict[str, Any] | None:
    out: dict[str, Any] = {}
    for member in reversed(members):
        out.update(member.custom or {})
    return out or None


def _text(value: Any) -> str:
    """A value as one line of text, for reports and ``-variant`` fields."""
    if isinstance(value, list) and value and isinstance(value[0], Name):
        return " and ".join(", ".join(p for p in (n.family or n.literal, n.given) if p) for n in value)
    if isinstance(value, DateValue):
        parts = value.parts
        return (
            "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts)) if parts else value.raw or ""
        )
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)
