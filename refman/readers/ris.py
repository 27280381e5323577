"""RIS in: TY … ER records, tags mapped to CSL variables, nothing lost.

This module splits the text into records (continuation lines joined to the value before
them, structure problems reported); ``parse.ris.record.build`` maps each record's tags to CSL
variables, keeping in ``unmapped["ris"]`` what the writer needs to give back every tag, and
reading refman's own N1 block of ``variable: value`` lines (``parse.ris.note``). As in
CSL-JSON, other "key: value" lines of a note fill the variables a record lacks
(``parse.csl_note``); the note stays as it was. Y2 is the access date, never the
publication date (see ``parse.ris.tags``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import ValidationError

from ..diagnostics import Diagnostic, Location, ReadResult, Severity
from ..model import Library, Reference, SourceSpan, csl_value
from ..parse import csl_note
from ..parse.ris import tags as rt
from ..parse.ris.record import build


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
                current.pairs[-1] = (tag, rt.continue_value(value, line, blanks), at)
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


def _reference(record: _Record, number: int, name: str, diagnostics: list[Diagnostic]) -> Reference | None:
    ris_type = record.pairs[0][1].upper() or "GEN"
    if ris_type not in rt.RIS_TO_CSL:
        diagnostics.append(
            _diag(name, record.line, "RM009", f"unknown RIS type {ris_type!r}; read as a document")
        )
    built = build([(tag, value) for tag, value, _ in record.pairs])
    for index, message in built.problems:
        diagnostics.append(_diag(name, record.pairs[index][2], "RM009", message))
    data, from_note = csl_note.apply(built.data)
    note = data.get("note")
    if isinstance(note, str) and ":" in note:  # the note states what a tag gave: read from the note
        for var, value in csl_note.stated(note).items():
            if var not in from_note and var not in built.block_vars and csl_value(data.get(var)) == value:
                from_note[var] = value
    try:
        ref = Reference.model_validate(data)
    except ValidationError as exc:  # not expected: every value above is a string or a name
        diagnostics.append(
            _diag(name, record.line, "RM001", f"record {number} unusable: {exc.errors()[0]['msg']}")
        )
        return None
    raw_end = record.pairs[-1][2]
    ref.origin = SourceSpan(
        path=name, line=record.line, end_line=raw_end, number=number, note_fields=from_note or None
    )
    return ref
