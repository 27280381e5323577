"""RIS in: TY … ER records, tags mapped to CSL variables, nothing lost.

What the writer needs to give back every tag goes into ``unmapped["ris"]``:
``type`` (a TY that is not the usual one for its CSL type), ``tags`` (a variable read from a
tag other than the one written by default, e.g. A1 or JO), ``dates`` (date tags as given,
when they are not the canonical "PY year + DA full date"), ``KW``/``N1`` lists that a
joined string would not restore, and ``extra``: unknown tags, and later occurrences of
single-valued tags, as [tag, value] pairs in input order. Y2 is the access date, never the
publication date (see ``parse.ris_tags``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ..diagnostics import Diagnostic, Location, ReadResult, Severity
from ..model import DateValue, Library, Name, Reference, SourceSpan
from ..parse import ris_tags as rt
from ..parse.names import parse_person

_SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})


def sniff(text: str) -> float:
    """High when the first tag lines are a TY and RIS tags; 0 for anything else."""
    tags = []
    for line in text[:20000].splitlines()[:200]:
        if not line.strip():
            continue
        match = rt.TAG_LINE.match(line)
        if match is None:
            if not tags:
                return 0.0  # RIS starts with a tag line (after blank lines)
            continue
        tags.append(match.group(1))
        if len(tags) >= 5:
            break
    if not tags or tags[0] != "TY":
        return 0.2 if len(tags) >= 3 else 0.0
    return 0.95 if len(tags) >= 2 else 0.7


@dataclass(slots=True)
class _Record:
    line: int
    pairs: list[tuple[str, str, int]] = field(default_factory=list)  # tag, value, line
    closed: bool = False


def read(text: str, name: str = "-") -> ReadResult:
    diagnostics: list[Diagnostic] = []
    records = _records(text, name, diagnostics)
    library = Library()
    for number, record in enumerate(records, start=1):
        ref = _reference(record, number, name, diagnostics)
        if ref is not None:
            library.references.append(ref)
    if not records:
        diagnostics.append(_diag(name, None, "RM001", "no RIS records (TY - … ER -) found", Severity.ERROR))
    return ReadResult(library, diagnostics)


def _diag(
    name: str, line: int | None, code: str, message: str, severity: Severity = Severity.WARNING
) -> Diagnostic:
    kind = {"RM001": "unreadable-input", "RM008": "input-structure", "RM009": "input-data"}[code]
    return Diagnostic(code, kind, severity, message, location=Location(name, line))


def _records(text: str, name: str, diagnostics: list[Diagnostic]) -> list[_Record]:
    """Split into records; continuation lines join the value before them with a newline."""
    records: list[_Record] = []
    current: _Record | None = None
    stray = blanks = 0
    for lineno, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip()
        match = rt.TAG_LINE.match(line)
        if match is None:
            if not line.strip():
                blanks += 1
                continue
            if current is not None and not current.closed and current.pairs:
                tag, value, at = current.pairs[-1]
                joined = value + "\n" * (blanks + 1) + line if value else line.strip()
                current.pairs[-1] = (tag, joined, at)
            else:
                stray += 1
                if stray == 1:
                    diagnostics.append(_diag(name, lineno, "RM008", "text outside a RIS record ignored"))
            blanks = 0
            continue
        blanks = 0
        tag, value = match.group(1), match.group(2).strip()
        if tag == "TY":
            if current is not None and not current.closed:
                diagnostics.append(
                    _diag(name, current.line, "RM008", "record has no ER line; ended at next TY")
                )
            current = _Record(lineno)
            records.append(current)
            current.pairs.append((tag, value, lineno))
        elif tag == "ER":
            if current is None or current.closed:
                diagnostics.append(_diag(name, lineno, "RM008", "ER without a record; ignored"))
            else:
                current.closed = True
        else:
            if current is None or current.closed:
                diagnostics.append(_diag(name, lineno, "RM008", f"{tag} line before TY; record read as GEN"))
                current = _Record(lineno, [("TY", "GEN", lineno)])
                records.append(current)
            current.pairs.append((tag, value, lineno))
    if current is not None and not current.closed:
        diagnostics.append(_diag(name, current.line, "RM008", "last record has no ER line; read anyway"))
    return records


class _Builder:
    """Collects one record's values into CSL data plus the ``ris`` part of ``unmapped``."""

    def __init__(self, ris_type: str) -> None:
        self.ris_type = ris_type
        self.csl_type = rt.RIS_TO_CSL.get(ris_type, "document")
        self.data: dict[str, Any] = {"type": self.csl_type}
        self.tags: dict[str, str] = {}
        self.extra: list[list[str]] = []
        self.lists: dict[str, list[str]] = {}
        self.dates: dict[str, str] = {}
        self.pages: dict[str, str] = {}
        self.name_tags: dict[str, list[str]] = {}

    def text(self, tag: str, var: str, value: str) -> None:
        if var == "container-title" and tag == "BT" and self.ris_type in rt.WHOLE_BOOK_TYPES:
            var = "title"
        if var in self.data or not value:
            self.extra.append([tag, value])
            return
        self.data[var] = value
        if rt.WRITE_TAG.get(var) != tag:
            self.tags[var] = tag

    def name(self, tag: str, var: str, value: str) -> None:
        if not value:
            self.extra.append([tag, value])
            return
        self.data.setdefault(var, []).append(_name(value))
        self.name_tags.setdefault(var, []).append(tag)

    def serial(self, value: str) -> None:
        compact = value.strip()
        if rt.ISSN_RE.match(compact):
            var = "ISSN"
        elif rt.ISBN_RE.match(compact):
            var = "ISBN"
        elif self.ris_type in rt.NUMBERED_TYPES:
            var = "number"
        else:
            var = "ISBN" if self.ris_type in rt.WHOLE_BOOK_TYPES or self.ris_type == "CHAP" else "ISSN"
        self.text("SN", var, value)

    def finish(self) -> dict[str, Any]:
        self._pages()
        for var, used in self.name_tags.items():
            if set(used) != {rt.WRITE_TAG[var]}:  # one tag for all names, or one per name
                self.tags[var] = used[0] if len(set(used)) == 1 else ",".join(used)
        for tag, (var, sep) in rt.JOINED_TAGS.items():
            values = self.lists.get(tag)
            if values:
                self.data[var] = sep.join(values)
                # kept as a list only where the writer's default would not restore it:
                # KW is split at commas, N1 is written as one line
                lossy = any("," in v for v in values) if tag == "KW" else len(values) > 1
                if not lossy:
                    self.lists.pop(tag)
        ours: dict[str, Any] = {}
        if rt.CSL_TO_RIS.get(self.csl_type) != self.ris_type:
            ours["type"] = self.ris_type
        for key, value in (("tags", self.tags), ("dates", self.dates), ("extra", self.extra)):
            if value:
                ours[key] = value
        ours.update(self.lists)
        if ours:
            self.data["unmapped"] = {"ris": ours}
        return self.data

    def _pages(self) -> None:
        first, last = self.pages.get("SP"), self.pages.get("EP")
        if first and last:
            self.data["page"] = f"{first}-{last}"
        elif first:
            self.data["page"] = first
            if rt.split_pages(first)[1] is not None:
                self.tags["page"] = "SP"  # a whole range in SP: written back the same way
        elif last:
            self.extra.append(["EP", last])


def _name(value: str) -> Name:
    """ "Family, Given[, Suffix]" as the spec writes names; else a list-style name or literal."""
    if "," in value:
        family, _, rest = value.partition(",")
        given, _, suffix = rest.partition(",")
        if family.strip():
            return Name(family=family.strip(), given=given.strip() or None, suffix=suffix.strip() or None)
    person = parse_person(value) if len(value) < 200 else None
    return person if person is not None else Name(literal=value)


def _reference(record: _Record, number: int, name: str, diagnostics: list[Diagnostic]) -> Reference | None:
    ris_type = record.pairs[0][1].upper() or "GEN"
    builder = _Builder(ris_type)
    if ris_type not in rt.RIS_TO_CSL:
        diagnostics.append(
            _diag(name, record.line, "RM009", f"unknown RIS type {ris_type!r}; read as a document")
        )
    issued: list[tuple[str, str, int]] = []
    for tag, value, lineno in record.pairs[1:]:
        if tag in rt.NAME_TAGS:
            builder.name(tag, rt.NAME_TAGS[tag], value)
        elif tag in rt.ISSUED_TAGS:
            issued.append((tag, value, lineno))
        elif tag == rt.ACCESSED_TAG and "accessed" not in builder.data and value:
            builder.data["accessed"] = _date_value(value, [])
            builder.dates.setdefault(tag, value)
        elif tag in ("SP", "EP") and tag not in builder.pages and value:
            builder.pages[tag] = value
        elif tag == "SN" and value:
            builder.serial(value)
        elif tag in rt.JOINED_TAGS and value:
            builder.lists.setdefault(tag, []).append(value)
        elif tag in rt.TEXT_TAGS:
            builder.text(tag, rt.TEXT_TAGS[tag], value)
        else:
            builder.extra.append([tag, value])
    _issued(builder, issued, name, diagnostics)
    data = builder.finish()
    _drop_canonical_dates(builder, data)
    try:
        ref = Reference.model_validate(data)
    except ValidationError as exc:  # not expected: every value above is a string or a name
        diagnostics.append(
            _diag(name, record.line, "RM001", f"record {number} unusable: {exc.errors()[0]['msg']}")
        )
        return None
    raw_end = record.pairs[-1][2]
    ref.origin = SourceSpan(path=name, line=record.line, end_line=raw_end, number=number)
    return ref


def _date_value(value: str, year_from: list[int]) -> DateValue:
    parts, other = rt.parse_ris_date(value)
    if parts[:1] == [0] and year_from:
        parts = [year_from[0], *parts[1:]]
    if not parts or parts[0] <= 0:
        return DateValue(raw=value)
    date = DateValue(date_parts=[list(parts)])
    if other.lower() in _SEASONS:
        date.season = other
    return date


def _issued(
    builder: _Builder, found: list[tuple[str, str, int]], name: str, diagnostics: list[Diagnostic]
) -> None:
    """PY/Y1 give the year (and maybe more), DA the full date; the most specific one agreeing
    on the year wins. A DA with another year is kept verbatim and reported."""
    best: DateValue | None = None
    for tag, value, lineno in found:
        if not value:
            builder.extra.append([tag, value])
            continue
        candidate = _date_value(value, best.parts if best is not None else [])
        if best is None:
            best = candidate
        elif not candidate.parts or not best.parts:
            if best.parts or not candidate.parts:
                builder.extra.append([tag, value])
                continue
            best = candidate
        elif candidate.parts[0] != best.parts[0]:
            diagnostics.append(
                _diag(
                    name,
                    lineno,
                    "RM009",
                    f"{tag} {value!r} disagrees with the year {best.parts[0]}; kept as given",
                )
            )
            builder.extra.append([tag, value])
            continue
        elif len(candidate.parts) > len(best.parts):
            best = candidate
        if tag in builder.dates:
            builder.extra.append([tag, value])
            continue
        builder.dates[tag] = value
    if best is not None:
        builder.data["issued"] = best


def _drop_canonical_dates(builder: _Builder, data: dict[str, Any]) -> None:
    """Keep ``dates`` only when the writer's default (PY year, DA full date) would differ."""
    dates = builder.dates
    issued: DateValue | None = data.get("issued")
    expected: dict[str, str] = {}
    if issued is not None and issued.parts:
        expected["PY"] = str(issued.parts[0])
        if len(issued.parts) > 1:
            expected["DA"] = rt.format_ris_date(issued.parts)
    elif issued is not None and issued.raw:
        expected["PY"] = issued.raw
    accessed: DateValue | None = data.get("accessed")
    if accessed is not None:
        expected["Y2"] = rt.format_ris_date(accessed.parts) if accessed.parts else accessed.raw or ""
    if dates == expected:
        builder.dates = {}
        ours = data.get("unmapped", {}).get("ris", {})
        ours.pop("dates", None)
        if not ours:
            data.pop("unmapped", None)
