"""BibTeX and BibLaTeX in: every entry as a CSL reference, the file's shape kept for writing.

bibtexparser 2.x splits the file, with its parse stack pinned to nothing: its middlewares
(LaTeX decoding through pylatexenc, names) run at about 250 entries a second, so macros,
LaTeX and names are ours (``parse.bibtex_values``, ``parse.latex``, ``parse.bibnames``).
The input is split into chunks at entry starts so that the parser's own block objects for a
100,000-entry file never exist all at once.

Lossless writing: each reference keeps its raw entry text (``origin.raw``); the library keeps,
per input, the order of every block (``@string``, ``@preamble``, comments, ``@xdata``, entries)
and a fingerprint of each reference as read. A writer that finds the fingerprint unchanged
writes the raw entry back byte for byte. A broken entry is reported (RM001, with its line and
raw text) and the rest of the file is read; nothing here raises.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import bibtexparser
from bibtexparser import model as bp

from ..diagnostics import Diagnostic, Location, ReadResult, Severity
from ..model import Library, SourceSpan
from ..parse.bibtex_fields import BIBLATEX_MARKERS, field_name, fingerprint
from ..parse.bibtex_map.inherit import resolve
from ..parse.bibtex_values import ValueTooLongError, damage, evaluate
from .bibtex_entry import to_reference

# bibtexparser logs every failed block on stderr; this reader reports each one as a
# diagnostic (RM001, with its line and raw text), so the library's own copy is silenced.
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())
logging.getLogger("bibtexparser").propagate = False

#: The key in ``Library.preserved`` for one input's blocks: ``PRESERVED_PREFIX + name``.
PRESERVED_PREFIX = "bibtex:"
#: Characters per chunk handed to bibtexparser (cut only where a line starts with "@").
CHUNK = 1 << 20
_ENTRY_START = re.compile(r"^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(]", re.MULTILINE)
_BIBLATEX_TYPES = frozenset("online dataset software thesis report mvbook bookinbook xdata set "
                            "legislation legal jurisdiction standard inreference".split())  # fmt: skip
_RAW_SNIPPET = 200
#: An entry type that merely starts with "comment" (biblatex's @commentary, jurabib's
#: @COMMENTED): bibtexparser takes it for a comment, BibTeX and biber for an entry.
_COMMENT_LIKE = re.compile(r"\A(\s*@\s*)(comment[A-Za-z]+)(\s*[{(])", re.IGNORECASE)
_RENAMED = "refmanentrytype"


def sniff(text: str) -> float:
    """High for text with ``@type{`` blocks; BibTeX and BibLaTeX share one reader."""
    head = text[:50_000]
    found = [m[1].lower() for m in _ENTRY_START.finditer(head)]
    if not found:
        return 0.0
    entries = [t for t in found if t not in ("string", "comment", "preamble")]
    return 0.95 if entries else 0.6


def _chunks(text: str) -> list[tuple[int, str]]:
    """(first line number, text) pieces, each cut at a line that starts a block."""
    out: list[tuple[int, str]] = []
    start = 0
    line = 0
    while start < len(text):
        end = len(text) if len(text) - start <= CHUNK else text.find("\n@", start + CHUNK)
        end = len(text) if end < 0 else end + 1
        piece = text[start:end]
        out.append((line, piece))
        line += piece.count("\n")
        start = end
    return out


class _Reading:
    """State while reading one input: macros, blocks in order, entries, diagnostics."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.macros: dict[str, str] = {}
        self.blocks: list[list[Any]] = []
        self.entries: list[tuple[Any, ...]] = []
        self.xdata: dict[str, dict[str, str]] = {}
        self.diagnostics: list[Diagnostic] = []
        self.biblatex = False
        self.keys: set[str] = set()
        self.gap: str | None = None
        self.damage: str | None = None
        self.tail = ""

    def report(self, code: str, severity: Severity, message: str, line: int | None) -> None:
        names = {"RM001": "unreadable-input", "RM008": "input-structure", "RM009": "input-data"}
        self.diagnostics.append(
            Diagnostic(code, names[code], severity, message, location=Location(self.name, line))
        )

    def value(self, raw: str, line: int, what: str) -> str:
        unknown: list[str] = []
        try:
            text = evaluate(raw, self.macros, unknown)
        except ValueTooLongError as exc:
            self.report("RM001", Severity.ERROR, f"{what}: {exc}; value dropped", line)
            return ""
        for macro in unknown:
            self.report("RM009", Severity.WARNING, f"{what}: undefined @string {macro!r}; kept as text", line)
        return text

    def block(self, block: bp.Block, offset: int, gap: str | None = None) -> None:
        """One block; ``gap`` is the text between it and the block before (for exact writing)."""
        self.gap = gap
        line = (block.start_line or 0) + offset + 1
        if isinstance(block, bp.DuplicateFieldKeyBlock):
            dupes = ", ".join(sorted(block.duplicate_keys))
            self.report("RM008", Severity.WARNING, f"duplicate field(s) {dupes}: the first is used", line)
            self.entry(block.ignore_error_block, line, block.raw)
        elif isinstance(block, bp.DuplicateBlockKeyBlock) and isinstance(block.ignore_error_block, bp.String):
            string = block.ignore_error_block  # a macro defined again: BibTeX uses the later value
            self.report(
                "RM008",
                Severity.WARNING,
                f"@string {string.key} defined again: the later value is used",
                line,
            )
            self.macros[string.key.lower()] = self.value(string.value, line, f"@string {string.key}")
            self.blocks.append(["string", line, block.raw, gap])
        elif isinstance(block, bp.DuplicateBlockKeyBlock):
            self.entry(block.ignore_error_block, line, block.raw)
        elif isinstance(block, bp.ParsingFailedBlock):
            raw = (block.raw or "").strip()
            snippet = raw if len(raw) <= _RAW_SNIPPET else raw[:_RAW_SNIPPET] + "…"
            self.report("RM001", Severity.ERROR, f"unreadable entry, skipped: {snippet!r}", line)
            self.blocks.append(["comment", line, block.raw or "", gap])  # written back: nothing lost
        elif isinstance(block, bp.String):
            self.macros[block.key.lower()] = self.value(block.value, line, f"@string {block.key}")
            self.blocks.append(["string", line, block.raw, gap])
        elif isinstance(block, bp.Entry):
            self.entry(block, line, block.raw)
        elif isinstance(block, bp.ExplicitComment) and (match := _COMMENT_LIKE.match(block.raw or "")):
            self.comment_like(block.raw, match, line)
        else:  # @preamble, @comment, text between entries
            kind = "preamble" if isinstance(block, bp.Preamble) else "comment"
            self.blocks.append([kind, line, block.raw, gap])

    def comment_like(self, raw: str, match: re.Match[str], line: int) -> None:
        """An entry whose type begins with "comment", parsed under a stand-in type name."""
        renamed = match[1] + _RENAMED + raw[match.end(1) :]
        blocks = bibtexparser.parse_string(renamed, parse_stack=[]).blocks
        entry = next((b for b in blocks if isinstance(b, bp.Entry)), None)
        if entry is None:
            self.blocks.append(["comment", line, raw, self.gap])
            return
        entry.entry_type = match[2]
        self.entry(entry, line, raw)

    def entry(self, entry: bp.Block | None, line: int, raw: str | None) -> None:
        if not isinstance(entry, bp.Entry):
            self.report("RM001", Severity.ERROR, "unreadable entry, skipped", line)
            return
        fields: dict[str, str] = {}
        source: list[tuple[str, str]] = []
        for field in entry.fields:
            name = field_name(field.key)
            source.append((field.key, str(field.value)))
            if name not in fields:
                fields[name] = self.value(str(field.value), line, f"{entry.key}: {name}")
        etype = entry.entry_type.lower()
        self.damage = damage(source)
        if self.damage:
            self.report(
                "RM008",
                Severity.WARNING,
                f"{entry.key}: {self.damage}; the entry is kept exactly as written",
                line,
            )
        if not self.biblatex and (etype in _BIBLATEX_TYPES or fields.keys() & BIBLATEX_MARKERS):
            self.biblatex = True
        if etype == "xdata":
            self.xdata[entry.key.lower()] = fields
            self.blocks.append(["xdata", line, raw or "", self.gap])
            return
        if not entry.key.strip():
            self.report("RM008", Severity.WARNING, f"@{etype} without a key: refman gives it one", line)
        elif entry.key.lower() in self.keys:  # BibTeX and biber compare keys ignoring case
            self.report("RM008", Severity.WARNING, f"duplicate key {entry.key!r}: both entries kept", line)
        self.keys.add(entry.key.lower())
        end = line + (raw or "").count("\n")
        # the entry's place among the blocks, filled in by _build once the entry is read
        self.blocks.append(["slot", len(self.entries)])
        self.entries.append((etype, entry.key, fields, line, end, raw or "", source, self.gap, self.damage))


def read(text: str, name: str = "-") -> ReadResult:
    """Every entry of a BibTeX/BibLaTeX text; broken ones reported, never raised."""
    state = _Reading(name)
    try:
        pending = ""  # text after the last block of a piece: the next block's gap begins with it
        for offset, piece in _chunks(text.replace("\x00", "")):
            parsed = bibtexparser.parse_string(piece, parse_stack=[])
            cursor = 0
            for block in parsed.blocks:
                found = piece.find(block.raw, cursor) if block.raw else -1
                gap = pending + piece[cursor:found] if found >= 0 else None
                cursor, pending = (found + len(block.raw), "") if found >= 0 else (cursor, "")
                state.block(block, offset, gap)
            pending += piece[cursor:]
            del parsed
        state.tail = pending
        library = _build(state)
    except Exception as exc:  # noqa: BLE001 - a reader reports, it never raises
        state.report("RM001", Severity.ERROR, f"cannot read BibTeX: {type(exc).__name__}: {exc}", None)
        return ReadResult(Library(), state.diagnostics)
    if "\x00" in text:
        state.report("RM008", Severity.WARNING, "NUL bytes in the input were ignored", None)
    if not library.references and not any(d.severity == Severity.ERROR for d in state.diagnostics):
        if any(block[0] in ("string", "preamble", "xdata") for block in state.blocks):
            # a file of @string definitions (a journal-abbreviation list): kept, written back
            state.report("RM008", Severity.WARNING, "no entries, only @string/@preamble/@xdata blocks", None)
        else:
            state.report("RM001", Severity.ERROR, "no BibTeX entries found", None)
    return ReadResult(library, state.diagnostics)


def _build(state: _Reading) -> Library:
    library = Library()
    parents = {key.lower(): (etype, fields) for etype, key, fields, *_ in state.entries}
    filled: dict[int, list[Any]] = {}  # entry number → its block, put in its slot below
    for number, (etype, key, fields, line, end, raw, source, gap, damaged) in enumerate(state.entries):
        own = fields
        fields = _inherited(state, etype, fields, parents, line)
        try:
            ref = to_reference(etype, key, fields)
        except Exception as exc:  # noqa: BLE001 - one bad entry is reported, the rest read
            state.report("RM001", Severity.ERROR, f"{key}: cannot be read ({exc}); skipped", line)
            filled[number] = ["comment", line, raw, gap]
            continue
        inherited = [name for name in fields if name not in own] or None
        ref.origin = SourceSpan(
            path=state.name,
            line=line,
            end_line=end,
            raw=raw,
            fields=source,
            inherited=inherited,
            damaged=damaged,
        )
        library.references.append(ref)
        filled[number] = ["entry", line, fingerprint(ref), gap]
    # blocks in the order they stand in the text: text after an entry on its own line (a
    # damaged entry's remains) stays after it
    state.blocks = [filled[block[1]] if block[0] == "slot" else block for block in state.blocks]
    library.preserved[PRESERVED_PREFIX + state.name] = {
        "dialect": "biblatex" if state.biblatex else "bibtex",
        "blocks": state.blocks,
        "macros": state.macros,
        "tail": state.tail,
    }
    return library


def _inherited(
    state: _Reading,
    etype: str,
    fields: dict[str, str],
    parents: dict[str, tuple[str, dict[str, str]]],
    line: int,
) -> dict[str, str]:
    """Fields with crossref and xdata data filled in (``parse.bibtex_map.inherit``)."""
    missing: list[str] = []
    fields = resolve(etype, fields, parents, state.xdata, missing)
    for what in missing:
        state.report("RM009", Severity.WARNING, f"{what} not found in this input", line)
    return fields
