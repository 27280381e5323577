"""The block structure of pandoc Markdown that decides where citations can be: not in fenced or
indented code; in the YAML front matter, in the values of its fields.

Line-based and forgiving, as pandoc is: a fence is three or more backticks or tildes (then at
most one word or a ``{…}`` of attributes), closed by a run of the same character at least as
long; an indented code block is indented four
columns (a tab is four) past the content of the list item it is in, after a blank line or
another code line; blockquote markers are looked through.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

_QUOTE = re.compile(r"(?: {0,3}>[ \t]?)*")
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})[ \t]*(\{[^\n]*\}|\S+)?[ \t]*$")
_LIST_ITEM = re.compile(
    r"[ \t]*(?:[*+-]|\d{1,9}[.)]|\(\d{1,9}\)|#[.)]|[a-z][.)]|\([a-zA-Z]\)|[A-Z]\)|[A-Z]\.(?=[ \t]{2})"
    r"|[ivxlcdm]+[.)]|[IVXLCDM]+\)|\(@[\w-]*\)|@[\w-]*[.)])([ \t]+|$)"
)
_FRONT_END = re.compile(r"(?:---|\.\.\.)[ \t]*\r?$")
_FIELD = re.compile(r"([^\s#\-:][^:\n]*?)[ \t]*:(?=\s|$)")


@dataclass(slots=True)
class Blocks:
    """Where inline text is (``regions``, pairs of offsets), and the fields of the YAML front
    matter as (name, start, end)."""

    regions: list[tuple[int, int]] = field(default_factory=list)
    metadata: list[tuple[str, int, int]] = field(default_factory=list)


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end with the line end, content without it) for each line."""
    start = 0
    size = len(text)
    while start < size:
        newline = text.find("\n", start)
        end = size if newline < 0 else newline + 1
        yield start, end, text[start:end].rstrip("\r\n")
        start = end


def _columns(line: str) -> int:
    """The indentation of ``line`` in columns, a tab advancing to the next multiple of four."""
    column = 0
    for char in line:
        if char == " ":
            column += 1
        elif char == "\t":
            column += 4 - column % 4
        else:
            break
    return column


def _item_content(line: str, match: re.Match[str]) -> int:
    """The column where a list item's content starts (marker, then one to four spaces)."""
    spaces = match.group(1)
    marker_end = _columns(line) + len(line[: match.start(1)].strip())
    width = len(spaces.expandtabs(4))
    return marker_end + (width if 1 <= width <= 4 else 1)


def front_matter(text: str) -> tuple[int, list[tuple[str, int, int]]] | None:
    """The YAML block at the very start: its end, and its fields as (name, value start, value
    end) pieces, without comment lines. None when the text does not open with one.

    pandoc reads every string in it as Markdown, so ``title`` and ``abstract`` may cite too;
    a field whose name ends in ``_`` is ignored by pandoc, and so here.
    """
    lines = _lines(text)
    first = next(lines, None)
    if first is None or first[2].rstrip() != "---":
        return None
    fields: list[tuple[str, int, int]] = []
    name: str | None = None
    value = 0
    for index, (start, end, line) in enumerate(lines):
        if index == 0 and not line.strip():
            return None  # "---" then a blank line is a horizontal rule
        key = _FIELD.match(line)
        ends = _FRONT_END.match(line) is not None
        if name is not None and start > value and (ends or key or line.lstrip().startswith("#")):
            fields.append((name, value, start))
            value = end  # after a comment line the same field goes on
        if ends:
            return end, [field for field in fields if not field[0].endswith("_")]
        if key is not None:
            name, value = key.group(1), start + key.end()
    return None


def _closing_fences(lines: list[tuple[int, int, str]]) -> dict[str, list[tuple[int, int]]]:
    """Lines that can close a fence, by character: (line number, run length)."""
    found: dict[str, list[tuple[int, int]]] = {"`": [], "~": []}
    for number, (_, _, content) in enumerate(lines):
        run = content.strip()
        if len(run) >= 3 and run[0] in found and run == run[0] * len(run):
            found[run[0]].append((number, len(run)))
    return found


def _fence_end(closings: list[tuple[int, int]], after: int, length: int) -> int | None:
    """The line that closes a fence opened on line ``after`` with a run of ``length``."""
    for index in range(bisect.bisect_right(closings, (after, 10**9)), len(closings)):
        if closings[index][1] >= length:
            return closings[index][0]
    return None


def blocks(text: str) -> Blocks:
    """Split ``text`` into the regions where inline Markdown (and so a citation) can be."""
    result = Blocks()
    excluded: list[tuple[int, int]] = []
    matter = front_matter(text)
    body = 0
    if matter is not None:
        excluded.append((0, matter[0]))
        result.metadata, body = matter[1], matter[0]
    lines = [(start, end, line[_QUOTE.match(line).end() :]) for start, end, line in _lines(text[body:])]  # type: ignore[union-attr]
    closings = _closing_fences(lines)
    fence_end = -1
    list_indent = 0
    blank = True
    code = False
    for number, (start, end, content) in enumerate(lines):
        if number <= fence_end:
            excluded.append((body + start, body + end))
            continue
        if not content.strip():
            blank = True
            continue
        indent = _columns(content)
        item = _LIST_ITEM.match(content)
        if list_indent and blank and indent < list_indent and item is None:
            list_indent = 0
        if indent >= list_indent + 4 and (blank or code):
            excluded.append((body + start, body + end))
            blank, code = False, True
            continue
        code = False
        opening = _FENCE.match(content)
        if opening is not None and not (opening.group(1)[0] == "`" and "`" in (opening.group(2) or "")):
            closing = _fence_end(closings[opening.group(1)[0]], number, len(opening.group(1)))
            if closing is not None:  # pandoc: an unclosed fence is no code block
                excluded.append((body + start, body + end))
                fence_end = closing
                blank = False
                continue
        if item is not None:
            list_indent = _item_content(content, item)
        blank = False
    pos = 0
    for start, end in excluded:
        if start > pos:
            result.regions.append((pos, start))
        pos = max(pos, end)
    if pos < len(text):
        result.regions.append((pos, len(text)))
    return result
