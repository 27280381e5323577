"""One RIS record's tag/value pairs → CSL data: what the RIS reader makes of a record, and what
the RIS writer reads its own output back with (to put in the note what would not come back).

Besides the CSL variables, ``data["unmapped"]["ris"]`` keeps what the writer needs to give
back every tag: ``type`` (a TY that is not the usual one for its CSL type), ``tags`` (a
variable read from a tag other than the one written by default, e.g. A1 or JO), ``dates``
(date tags as given, when they are not what the writer writes by default), ``KW``/``N1``
lists that a joined string would not restore, and ``extra``: unknown tags, and later
occurrences of single-valued tags, as [tag, value] pairs in input order. Y2 is the access
date, never the publication date (see ``ris.tags``). An N1 note that is refman's block of
``variable: value`` lines (``ris.note``) is read as those variables.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any

from ...model import DateReading, DateValue, csl_value
from . import note as ris_note
from . import tags as rt


@dataclass(slots=True)
class Built:
    """A record's CSL data (``Reference.model_validate`` takes it), the indices of the pairs
    each variable was read from, of pairs kept only in ``extra`` (read into no variable), and
    (index, message) problems to report."""

    data: dict[str, Any]
    sources: dict[str, list[int]] = field(default_factory=dict)
    extra_indices: list[int] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    #: N1 pairs read as refman's block, and the variables blocks set.
    block_indices: list[int] = field(default_factory=list)
    block_vars: set[str] = field(default_factory=set)


class _Builder:
    """Collects one record's values into CSL data plus the ``ris`` part of ``unmapped``."""

    def __init__(self, ris_type: str) -> None:
        self.ris_type = ris_type
        self.csl_type = rt.RIS_TO_CSL.get(ris_type, "document")
        self.data: dict[str, Any] = {"type": self.csl_type}
        self.tags: dict[str, str] = {}
        self.extra: list[list[str]] = []
        self.extra_indices: list[int] = []
        self.lists: dict[str, list[str]] = {}
        self.dates: dict[str, str] = {}
        self.pages: dict[str, str] = {}
        self.page_lines: dict[str, int] = {}
        self.name_tags: dict[str, list[str]] = {}
        self.blocks: list[tuple[int, int, dict[str, Any]]] = []  # (place in N1 list, pair, block)
        self.block_vars: set[str] = set()
        self.sources: dict[str, list[int]] = {}

    def keep(self, index: int, tag: str, value: str) -> None:
        self.extra.append([tag, value])
        self.extra_indices.append(index)

    def text(self, index: int, tag: str, var: str, value: str) -> None:
        if var == "container-title" and tag == "BT" and self.ris_type in rt.WHOLE_BOOK_TYPES:
            var = "title"
        if var in self.data or not value:
            self.keep(index, tag, value)
            return
        self.data[var] = value
        self.sources[var] = [index]
        if rt.WRITE_TAG.get(var) != tag:
            self.tags[var] = tag

    def name(self, index: int, tag: str, var: str, value: str) -> None:
        if not value:
            self.keep(index, tag, value)
            return
        self.data.setdefault(var, []).append(rt.read_name(value))
        self.name_tags.setdefault(var, []).append(tag)
        self.sources.setdefault(var, []).append(index)

    def joined(self, index: int, tag: str, value: str) -> None:
        """KW and N1 values, in order; an N1 that reads as refman's block is noted too."""
        block = ris_note.read_block(value) if tag == "N1" and ":" in value else None
        if block is not None:
            self.blocks.append((len(self.lists.get(tag, [])), index, block))
        self.lists.setdefault(tag, []).append(value)
        self.sources.setdefault(rt.JOINED_TAGS[tag][0], []).append(index)

    def pages_to_data(self) -> None:
        first, last = self.pages.get("SP"), self.pages.get("EP")
        if first:
            self.sources["page"] = [self.page_lines[tag] for tag in ("SP", "EP") if tag in self.pages]
        if first and last:
            self.data["page"] = f"{first}-{last}"
        elif first:
            self.data["page"] = first
            if rt.page_lines(first) != [("SP", first)]:
                self.tags["page"] = "SP"  # a whole range in SP: written back the same way
        elif last:
            self.extra.append(["EP", last])

    def finish(self) -> dict[str, Any]:
        for var, used in self.name_tags.items():
            if set(used) != {rt.WRITE_TAG[var]}:  # one tag for all names, or one per name
                self.tags[var] = used[0] if len(set(used)) == 1 else ",".join(used)
        for tag, (var, sep) in rt.JOINED_TAGS.items():
            values = self.lists.get(tag)
            if values:
                self.data.setdefault(var, sep.join(values))
                # kept as a list only where the writer's default would not restore it:
                # KW is split at commas, N1 is written as one note
                lossy = any("," in v for v in values) if tag == "KW" else len(values) > 1
                if not lossy:
                    self.lists.pop(tag)
        ours: dict[str, Any] = {}
        if rt.CSL_TO_RIS.get(self.data["type"]) != self.ris_type:
            ours["type"] = self.ris_type
        for key, value in (("tags", self.tags), ("dates", self.dates), ("extra", self.extra)):
            if value:
                ours[key] = value
        ours.update(self.lists)
        if ours:
            self.data["unmapped"] = {"ris": ours}
        return self.data


def build(pairs: list[tuple[str, str]]) -> Built:
    """The CSL data of one record; ``pairs[0]`` is its TY."""
    ris_type = pairs[0][1].upper() or "GEN"
    builder = _Builder(ris_type)
    issued: list[tuple[int, str, str]] = []
    for index, (tag, value) in enumerate(pairs[1:], start=1):
        if tag in rt.NAME_TAGS:
            builder.name(index, tag, rt.NAME_TAGS[tag], value)
        elif tag in rt.ISSUED_TAGS:
            issued.append((index, tag, value))
        elif tag == rt.ACCESSED_TAG and "accessed" not in builder.data and value:
            builder.data["accessed"] = rt.read_date(value, [])
            builder.dates.setdefault(tag, value)
            builder.sources["accessed"] = [index]
        elif tag in ("SP", "EP") and tag not in builder.pages and value:
            builder.pages[tag] = value
            builder.page_lines[tag] = index
        elif tag == "SN" and value:
            builder.text(index, "SN", rt.serial_variable(value, ris_type), value)
        elif tag in rt.JOINED_TAGS and value:
            builder.joined(index, tag, value)
        elif tag in rt.TEXT_TAGS:
            builder.text(index, tag, rt.TEXT_TAGS[tag], value)
        else:
            builder.keep(index, tag, value)
    builder.pages_to_data()
    problems = _issued(builder, issued)
    custom, lifted = _lift_blocks(builder)
    data = builder.finish()
    _drop_default_dates(builder, data)
    if custom is not None:
        _take_custom(data, custom)
    return Built(data, builder.sources, builder.extra_indices, problems, lifted, builder.block_vars)


def _issued(builder: _Builder, found: list[tuple[int, str, str]]) -> list[tuple[int, str]]:
    """PY/Y1/DA: the most specific value agreeing on the year (``ris.tags.pick_issued``); a
    value with another year is kept verbatim and reported."""
    best, fates = rt.pick_issued([value for _, _, value in found])
    problems = []
    for (index, tag, value), fate in zip(found, fates, strict=True):
        if fate == "disagrees" and best is not None:
            problems.append(
                (index, f"{tag} {value!r} disagrees with the year {best.parts[0]}; kept as given")
            )
        if fate != "used" or tag in builder.dates:
            builder.keep(index, tag, value)
        else:
            builder.dates[tag] = value
            builder.sources.setdefault("issued", []).append(index)
    if best is not None:
        builder.data["issued"] = best
    return problems


def _lift_blocks(builder: _Builder) -> tuple[dict[str, Any] | None, list[int]]:
    """Take refman's N1 blocks as variables where they agree with what the tags gave (a
    block that contradicts a tag is somebody's note and stays one): their ``custom``, and the
    pairs taken."""
    custom: dict[str, Any] | None = None
    places = {place for place, _, _ in builder.blocks}
    notes = [v for i, v in enumerate(builder.lists.get("N1", [])) if i not in places]
    lifted: list[tuple[int, int]] = []
    for place, index, block in builder.blocks:
        kind = block.get("type")
        if kind is not None and rt.CSL_TO_RIS.get(kind) != builder.ris_type and kind != builder.csl_type:
            continue
        if not all(
            ris_note.agrees(var, "\n\n".join(notes) if var == "note" else _read_value(builder, var), value)
            for var, value in block.items()
            if var not in ("type", "custom")
        ):
            continue
        lifted.append((place, index))
        for var, value in block.items():
            if var == "custom":
                custom = value
            else:
                builder.data[var] = value
                builder.sources.setdefault(var, []).append(index)
                builder.block_vars.add(var)
    for place, index in reversed(lifted):
        del builder.lists["N1"][place]
        builder.sources["note"].remove(index)
    if not builder.lists.get("N1"):
        builder.lists.pop("N1", None)
        builder.sources.pop("note", None)
    return custom, [index for _, index in lifted]


def _read_value(builder: _Builder, var: str) -> Any:
    """What the tags gave ``var`` so far, in its CSL-JSON form (KW is joined later)."""
    if var == "keyword" and "KW" in builder.lists:
        return ", ".join(builder.lists["KW"])
    return csl_value(builder.data.get(var))


def _drop_default_dates(builder: _Builder, data: dict[str, Any]) -> None:
    """Keep ``dates`` only when the writer's default (``ris.tags.default_dates``) differs."""
    if not builder.dates:
        return
    issued, accessed = _as_date(data.get("issued")), _as_date(data.get("accessed"))
    written = {tag: rt.fold(text).strip() for tag, text in rt.default_dates(issued, accessed)}
    if builder.dates == written:
        ours = data.get("unmapped", {}).get("ris", {})
        ours.pop("dates", None)
        if not ours:
            data.pop("unmapped", None)


def _as_date(value: Any) -> DateValue | None:
    if value is None or isinstance(value, DateValue):
        return value
    try:
        return DateValue.model_validate(value)
    except ValueError:
        return None


def _take_custom(data: dict[str, Any], custom: dict[str, Any]) -> None:
    """A block's ``custom``: refman's unmapped fields and date readings, other tools' keys."""
    rest = {key: value for key, value in custom.items() if key != "refman"}
    ours = custom.get("refman") if isinstance(custom.get("refman"), dict) else {}
    if rest:
        data["custom"] = rest
    unmapped = ours.get("unmapped")
    if isinstance(unmapped, dict):
        here = data.get("unmapped", {})
        merged = {**unmapped, **here}
        if isinstance(unmapped.get("ris"), dict):  # what no tag could hold (a bad tag name)
            ris = dict(here.get("ris", {}))
            for key, value in unmapped["ris"].items():
                ris[key] = ris.get(key, []) + value if key == "extra" and isinstance(value, list) else value
            merged["ris"] = ris
        data["unmapped"] = merged
    for var, reading in (ours.get("dates") or {}).items() if isinstance(ours.get("dates"), dict) else ():
        value = data.get(var)
        if isinstance(value, dict) and isinstance(reading, dict):
            data[var] = {**value, "reading": reading}
        elif isinstance(value, DateValue) and isinstance(reading, dict):
            with contextlib.suppress(ValueError):
                value.reading = DateReading.model_validate(reading)
