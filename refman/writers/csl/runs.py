"""A rendered entry as runs of text with their fonts: the common ground of LaTeX and Word.

Formats that are not text (a Word document) or that escape differently from HTML (LaTeX)
take the entry as citeproc-py renders it in HTML: the data is escaped there (``&lt;``), the
only tags are citeproc-py's font wrappers, so reading it back is exact. One reading serves
every such format, and the renderer (and its compiled fast path) keeps three outputs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

#: citeproc-py's HTML font wrappers → the font each one sets (``l`` is light: no font).
_TAGS = {"i": "italic", "b": "bold", "u": "underline", "sup": "superscript", "sub": "subscript"}
_SMALL_CAPS = "font-variant:small-caps"
FONTS = ("italic", "bold", "small_caps", "underline", "superscript", "subscript")
_SPACES = re.compile(r"\s*\n\s*")


@dataclass(frozen=True, slots=True)
class Run:
    """Text in one combination of fonts."""

    text: str
    fonts: frozenset[str] = frozenset()


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str | None] = []
        self.runs: list[Run] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        style = dict(attrs).get("style") or ""
        self.stack.append("small_caps" if tag == "span" and _SMALL_CAPS in style else _TAGS.get(tag))

    def handle_endtag(self, tag: str) -> None:
        if self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        fonts = frozenset(font for font in self.stack if font)
        if self.runs and self.runs[-1].fonts == fonts:
            self.runs[-1] = Run(self.runs[-1].text + data, fonts)
        elif data:
            self.runs.append(Run(data, fonts))


def from_html(text: str) -> list[Run]:
    """The runs of one entry rendered by citeproc-py's HTML formatter; a line break inside
    the data is a space (one entry is one paragraph)."""
    reader = _Reader()
    reader.feed(_SPACES.sub(" ", text))
    reader.close()
    return reader.runs


def plain(runs: list[Run]) -> str:
    """The words of the runs without their fonts."""
    return "".join(run.text for run in runs)
