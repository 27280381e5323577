"""Free-text reference lists: numbered ("1.", "1)", "[1]") or one reference per paragraph.

A list is split into items first (wrapped lines joined, line-break hyphens repaired with
evidence), then the document decides what only the whole list can: how it writes slash
dates (``parse.dates.infer_slash_convention``), whether quotes around a title are the list's
habit or part of one title, and which people it names as speakers. Each item is then read by
``reflist.fields.parse_reference``. Nothing is dropped: an item that cannot be read (or is too
long to be one reference) becomes a reference whose title is its text, and text of an item
that no field holds (``reflist.account``) is kept in ``unmapped["unparsed"]``, each with an
RM002 warning.

Judgment: quotes around a title are cut when most titles in the list are quoted (a list
style); when only a few are, they belong to those titles (a headline that is a quotation,
such as the seed's ref 13) and stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from ...diagnostics import Diagnostic, Location, ReadResult, Severity
from ...model import Library, Reference, SourceSpan
from ...parse.dates import infer_slash_convention
from ...parse.text import clean_spaces, has_russian_letters, repair_hyphenation, script_language, words_of
from .account import unplaced
from .crf import read_reference
from .fields import Context, Parsed, names_of_speakers

NUMBERED = re.compile(r"^\s*(?:\[(?P<b>\d{1,6})\]|(?P<n>\d{1,6})[.)])\s+(?=\S)")
#: Labels of an article page's header: with several of them the text is a page, not a list.
PAGE_MARKERS = (
    "Publication type", "Journal name", "Keywords", "Publication date", "Number of characters",
    "Number of purchasers", "Тип публикации", "Название журнала", "Ключевые слова",
    "Дата публикации", "Количество символов", "Кол-во символов",
)  # fmt: skip
#: Longer than any real reference (they run to a few hundred characters: 336 at most in the
#: seed and tests/data/reflists): such an item is text that the numbering failed to split, or
#: hostile input. It is kept whole as its title, unread, with an RM002 warning, so that reading
#: one item costs a bounded amount whatever its text.
LONGEST_REFERENCE = 5_000
_REFERENCE_MARKS = re.compile(
    r"\b(?:1[5-9]\d\d|20\d\d)\b|https?://|//|\b(?:accessed|дата обращения|DOI|ISBN|pp?\.|С\.|Т\.|Vol\.)",
    re.IGNORECASE,
)
_HEADING = re.compile(
    r"^\s*(?:references|bibliography|literature|sources|works cited|список (?:литературы|источников|"
    r"использованных источников|использованной литературы)|литература|источники|библиография)\s*:?\s*$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Item:
    """One reference's text, where it stood, and its number in the list."""

    number: int | None
    line: int
    end_line: int
    text: str  # lines joined, spaces cleaned: what the fields are read from
    raw: str = ""  # the lines as written (without the number), for SourceSpan.raw


def sniff(text: str) -> float:
    """High for a numbered list of references; low for a page (its header labels) or data."""
    head = text.lstrip()[:4]
    if not head or (head[0] in "[{@<" and not NUMBERED.match(text.lstrip().splitlines()[0])):
        return 0.0
    sample = text[:200_000]
    items, _, _ = split_items(sample)
    if not items:
        return 0.0
    marked = sum(1 for it in items if _REFERENCE_MARKS.search(it.text)) / len(items)
    numbered = sum(1 for it in items if it.number is not None)
    if numbered >= 2:
        score = 0.55 + 0.4 * marked
    elif len(items) >= 2 and marked >= 0.6:
        score = 0.35 + 0.1 * marked
    else:
        score = 0.2 * marked
    if sum(marker in sample for marker in PAGE_MARKERS) >= 3:
        score = min(score, 0.5)  # the page reader knows this text better
    return round(min(score, 0.95), 3)


def read(text: str, name: str = "-") -> ReadResult:
    diagnostics: list[Diagnostic] = []
    if not text.strip():
        diagnostics.append(
            _diag(name, "RM001", "unreadable-input", Severity.ERROR, "empty input: no references")
        )
        return ReadResult(Library(), diagnostics)
    items, skipped, repairs = split_items(text)
    for line, content in skipped:
        diagnostics.append(
            _diag(name, "RM007", "page-noise-skipped", Severity.INFO,
                  f"not a reference, skipped: {content[:80]!r}", line=line)
        )  # fmt: skip
    for line, word, fixed in repairs:
        diagnostics.append(
            _diag(name, "RM003", "repaired-hyphenation", Severity.INFO,
                  f"line-break hyphen repaired: {word!r} → {fixed!r}", line=line)
        )  # fmt: skip
    if not items:
        diagnostics.append(
            _diag(name, "RM001", "unreadable-input", Severity.ERROR, "no references found in the text")
        )
    references = parse_items(items, name, diagnostics)
    return ReadResult(Library(references=references), diagnostics)


def split_items(text: str) -> tuple[list[Item], list[tuple[int, str]], list[tuple[int, str, str]]]:
    """Items of a list, lines skipped as not part of any (line, text), and hyphenation repairs
    (line, broken word, repaired word)."""
    lines = text.splitlines()
    vocabulary = words_of(text)
    numbered = _numbered_starts(lines)
    # unnumbered: one reference per paragraph if paragraphs wrap over lines, else per line
    wrapped = not numbered and _paragraphs_wrap(text)
    groups: list[tuple[int | None, int, list[str]]] = []
    skipped: list[tuple[int, str]] = []
    gap = True
    for index, line in enumerate(lines, start=1):
        if not line.strip():
            gap = True
            continue
        if index in numbered:
            match = NUMBERED.match(line)
            assert match is not None
            groups.append((numbered[index], index, [line[match.end() :]]))
        elif numbered and not groups:
            skipped.append((index, line.strip()))
        elif groups and _continues(bool(numbered), bool(wrapped) or _hanging(line), gap, groups[-1][2][-1]):
            groups[-1][2].append(line)
        elif (numbered and not _REFERENCE_MARKS.search(line)) or _HEADING.match(line):
            skipped.append((index, line.strip()))
        else:
            groups.append((None, index, [line]))
        gap = False
    items: list[Item] = []
    repairs: list[tuple[int, str, str]] = []
    for number, start, parts in groups:
        joined = _join_lines(parts, start, vocabulary, repairs)
        raw = "\n".join(p.strip() for p in parts)
        items.append(Item(number, start, start + len(parts) - 1, clean_spaces(joined), raw))
    return [it for it in items if it.text], skipped, repairs


def _numbered_starts(lines: list[str]) -> dict[int, int]:
    """Line number → list number, for lines that start the next item of a numbered list."""
    starts: dict[int, int] = {}
    expected: int | None = None
    previous = ""
    for index, line in enumerate(lines, start=1):
        match = NUMBERED.match(line)
        if match is not None:
            number = int(match["b"] or match["n"])
            after_blank = not previous.strip()
            near = _finished(previous) and expected is not None and expected < number <= expected + 2
            restart = after_blank and expected is not None and (number >= expected or number == 1)
            if expected is None or number == expected or near or restart:
                starts[index] = number
                expected = number + 1
        previous = line
    return starts if len(starts) >= 1 else {}


def _paragraphs_wrap(text: str) -> bool:
    """Whether an unnumbered text has paragraphs of several lines: two non-blank lines in a
    row somewhere, and a blank line somewhere. One pass over the lines; the obvious regex
    (a non-blank line, a newline, a non-blank line) rescans a long line from each character."""
    blank = [not segment.strip() for segment in text.split("\n")]
    two_in_a_row = any(not a and not b for a, b in pairwise(blank))
    return two_in_a_row and any(blank[1:-1])


def _continues(numbered: bool, wrapped: bool, gap: bool, last: str) -> bool:
    """Whether a line without a number continues the item before it: in a numbered list,
    unless a blank line follows a finished item; unnumbered, only within a paragraph."""
    if numbered:
        return not gap or not _finished(last)
    return wrapped and not gap


def _hanging(line: str) -> bool:
    """An indented line: a hanging indent continues the reference above it (APA, MLA)."""
    return line[:1] in (" ", "\t")


def _finished(line: str) -> bool:
    return line.rstrip().endswith((".", ")", "]"))


#: A line-break hyphen joins parts of one word; past this many letters either side it is not
#: a word (and looking further back on every line would be quadratic in a hostile item).
_LONGEST_WORD = 64
_WORD_BEFORE_HYPHEN = re.compile(r"([^\W\d_]+)-$")
_WORD_AT_START = re.compile(r"[^\W\d_]+")


def _join_lines(
    parts: list[str], start: int, vocabulary: set[str], repairs: list[tuple[int, str, str]]
) -> str:
    """The lines of one item joined: with a space, or without one where a hyphen ends a line
    (repaired when ``repair_hyphenation`` proves it a line break, else kept)."""
    pieces = [parts[0].strip()]
    recent = pieces[0][-(_LONGEST_WORD + 2) :]  # the end of the text joined so far
    for offset, part in enumerate(parts[1:], start=1):
        part = part.strip()
        broken = _WORD_BEFORE_HYPHEN.search(recent)
        tail = _WORD_AT_START.match(part, 0, _LONGEST_WORD + 1)
        if broken and tail:
            word = f"{broken[1]}-{tail[0]}"
            fixed = None
            if max(len(broken[1]), len(tail[0])) <= _LONGEST_WORD:
                fixed = repair_hyphenation(word, vocabulary)
            if fixed is not None:
                repairs.append((start + offset, word, fixed))
                pieces[-1] = pieces[-1][:-1]
                recent = recent[:-1]
            joint = part
        else:
            joint = " " + part
        pieces.append(joint)
        recent = (recent + joint[-(_LONGEST_WORD + 2) :])[-(_LONGEST_WORD + 2) :]
    return "".join(pieces)


def parse_items(
    items: list[Item],
    name: str,
    diagnostics: list[Diagnostic],
    confidence: list[dict[str, float]] | None = None,
) -> list[Reference]:
    """Read every item, with what the whole document decides; diagnostics appended. Given
    ``confidence``, the model's confidence in each field (CSL variable → the lowest marginal
    of its tokens) is appended for every item, empty where the rules read it."""
    labels = [(str(it.number if it.number is not None else i), it.text) for i, it in enumerate(items, 1)]
    ctx = Context(infer_slash_convention(labels), names_of_speakers([it.text for it in items]))
    parsed: list[Parsed] = []
    doubts: list[list[tuple[str, float, str]]] = []
    for item in items:
        doubts.append([])
        if confidence is not None:
            confidence.append({})
        if len(item.text) > LONGEST_REFERENCE:
            parsed.append(Parsed(Reference(type="document"), understood=False))
            continue
        try:
            reading = read_reference(item.text, ctx)  # rules or the model (reflist_crf)
            result, doubts[-1] = reading.parsed, reading.doubts
            if confidence is not None:
                confidence[-1] = reading.confidence
        except Exception:  # noqa: BLE001 - one unreadable reference must never lose the list
            result = Parsed(Reference(type="document"), understood=False)
        parsed.append(result)
    keep_quotes = 2 * sum(1 for p in parsed if p.quotes) <= len(parsed)
    _cyrillic_language([p.ref for p in parsed], [it.text for it in items])
    references = []
    for item, result, doubt in zip(items, parsed, doubts, strict=True):
        ref = result.ref
        if result.quotes and keep_quotes and ref.title:
            ref.title = result.quotes[0] + ref.title + result.quotes[1]
        understood = result.understood and bool(ref.title)
        ref.title = ref.title or item.text
        _keep_unplaced(ref, item.text)
        left = ref.unmapped.get("unparsed")
        if not understood or left:
            diagnostics.append(
                _diag(name, "RM002", "unparsed-reference", Severity.WARNING,
                      _unread_message(item.text, ref, understood, left), line=item.line, number=item.number)
            )  # fmt: skip
        ref.origin = SourceSpan(path=name, line=item.line, end_line=item.end_line, number=item.number,
                                raw=item.raw or item.text)  # fmt: skip
        _date_diagnostics(ref, result, ctx, name, item, diagnostics)
        for var, confidence, text in doubt if understood and not left else ():  # one RM002 per item
            diagnostics.append(
                _diag(name, "RM002", "unparsed-reference", Severity.WARNING,
                      f"{var} read with low confidence ({confidence:.2f}): {text!r}; check it",
                      line=item.line, number=item.number, field=var)
            )  # fmt: skip
        references.append(ref)
    return references


def _keep_unplaced(ref: Reference, text: str) -> None:
    """Text of the item that no field holds (``reflist.account``) goes to
    ``unmapped["unparsed"]``, beside what the reader could not place itself."""
    spans = unplaced(text, ref) if ref.title != text else []
    if spans:
        left = " … ".join(spans)
        old = ref.unmapped.get("unparsed")
        ref.unmapped["unparsed"] = f"{old}. {left}" if isinstance(old, str) and old else left


def _unread_message(text: str, ref: Reference, understood: bool, left: Any) -> str:
    """What RM002 says: why the reading is incomplete, and where the text went."""
    if len(text) > LONGEST_REFERENCE:
        long = f"{len(text)} characters, longer than any reference (over {LONGEST_REFERENCE})"
        return f"{long}: not read; kept whole as its title"
    why = "could not tell the parts of this reference" if not understood else "read in part"
    if ref.title == text:
        return f"{why}; kept whole as its title"
    if left:
        return f"{why}; text not placed in any field kept in unmapped 'unparsed': {left!r}"
    return f"{why}; every part kept, the reading is a guess"


def _cyrillic_language(references: list[Reference], texts: list[str]) -> None:
    """Cyrillic references get language "ru" when the list proves its Cyrillic is Russian
    (some reference has ы or э) and nothing points to Ukrainian or Belarusian (і ї є ґ ў):
    evidence from the whole list, so that short titles are not left out at random."""
    whole = " ".join(texts)
    if script_language(whole) != "ru":
        return
    for ref in references:
        if ref.language is None and has_russian_letters(
            " ".join(filter(None, (ref.title, ref.container_title)))
        ):
            ref.language = "ru"


def _date_diagnostics(
    ref: Reference, result: Parsed, ctx: Context, name: str, item: Item, out: list[Diagnostic]
) -> None:
    for var in ("issued", "accessed"):
        value = ref.get(var)
        if value is None or value.reading is None or not value.reading.ambiguous or not value.date_parts:
            continue
        iso = "-".join(f"{int(p):02d}" for p in value.date_parts[0])
        out.append(
            _diag(name, "RM004", "ambiguous-date-resolved", Severity.INFO,
                  f"{var} {value.raw} read as {iso} ({value.reading.pattern}); evidence: {value.reading.evidence}",
                  line=item.line, number=item.number, field=var)
        )  # fmt: skip
    for var, raw in result.unread:
        why = (
            f"the document contradicts itself ({ctx.convention.evidence})"
            if ctx.convention.conflict
            else "no slash date in the document has a field over 12"
        )
        out.append(
            _diag(name, "RM005", "undated-ambiguous-date", Severity.WARNING,
                  f"{var} {raw} could be month/day or day/month and {why}; kept unread",
                  line=item.line, number=item.number, field=var)
        )  # fmt: skip


def _diag(
    name: str, code: str, slug: str, severity: Severity, message: str,
    line: int | None = None, number: int | None = None, field: str | None = None,
) -> Diagnostic:  # fmt: skip
    return Diagnostic(
        code, slug, severity, message, location=Location(name, line), number=number, field=field
    )
