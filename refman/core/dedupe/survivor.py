"""Which record of a cluster survives a merge: its key is the merged record's key, and where
the members disagree its values are the ones kept (the others travel on as variants).

Keys are what LaTeX sources cite, so the user decides, most explicit first: a key listed in
``keep``; else a record from the most preferred input (``prefer``); else the first record in
input order (``first``) or, by default, the record that says the most. Ties within a rule go
to the next rule, and last to the earlier record, so the choice is deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Reference

COMPLETE = "complete"
FIRST = "first"
RULES = (COMPLETE, FIRST)


@dataclass(slots=True)
class SurvivorRule:
    """What the user asked for. ``prefer`` holds input numbers (0 = the first input), most
    preferred first, with ``input_names`` for the report; ``input_of`` gives each record's
    input number."""

    keep: list[str] = field(default_factory=list)
    prefer: list[int] = field(default_factory=list)
    input_of: list[int] = field(default_factory=list)
    input_names: list[str] = field(default_factory=list)
    fallback: str = COMPLETE


@dataclass(slots=True, frozen=True)
class Choice:
    index: int  # the surviving record
    reason: str  # why, in words, for the merge report


def completeness(ref: Reference) -> int:
    """How much a record says: fields set, unknown fields kept, authors, date precision."""
    data = ref.model_dump(exclude_none=True, exclude={"id"})
    return len(data) + len(ref.unmapped) + len(ref.author or []) + len(ref.issued.parts if ref.issued else [])


def choose(
    refs: list[Reference], clusters: list[list[int]], rule: SurvivorRule | None = None
) -> list[Choice]:
    """The surviving record of each cluster (lists of indices into ``refs``)."""
    rule = rule or SurvivorRule()
    rank = {key: n for n, key in reversed(list(enumerate(rule.keep)))}
    return [_choose_one(refs, sorted(indices), rule, rank) for indices in clusters]


def unknown_keys(refs: list[Reference], keep: list[str]) -> list[str]:
    """Keys in ``keep`` that no record has (the user mistyped one, or it is not in the input)."""
    present = {str(ref.id) for ref in refs}
    return [key for key in dict.fromkeys(keep) if key not in present]


def _choose_one(
    refs: list[Reference], members: list[int], rule: SurvivorRule, rank: dict[str, int]
) -> Choice:
    listed = sorted((rank[str(refs[k].id)], k) for k in members if str(refs[k].id) in rank)
    if listed:
        others = [str(refs[k].id) for _, k in listed[1:]]
        also = f" (so is {', '.join(others)}, merged into it)" if others else ""
        return Choice(listed[0][1], "listed in --keep" + also)
    pool, reason = members, ""
    for number in rule.prefer:
        mine = [k for k in members if k < len(rule.input_of) and rule.input_of[k] == number]
        if mine:
            name = rule.input_names[number] if number < len(rule.input_names) else f"input {number + 1}"
            pool, reason = mine, f"from the preferred input {name}"
            break
    if len(pool) == 1:
        return Choice(pool[0], reason)
    if rule.fallback == FIRST:
        best = pool[0]
        how = "the first in input order"
    else:
        best = min(pool, key=lambda k: (-completeness(refs[k]), k))
        how = "the most complete record"
    return Choice(best, f"{reason}, {how} there" if reason else how)


def parse_keys(text: str) -> list[str]:
    """Keys from a list: one or more a line (commas or white space between them), ``#``
    comments and blank lines ignored; repeats dropped, order kept."""
    keys: dict[str, None] = {}
    for line in text.splitlines():
        keys.update(dict.fromkeys(line.split("#", 1)[0].replace(",", " ").split()))
    return list(keys)
