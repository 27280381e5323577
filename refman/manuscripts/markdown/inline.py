"""The inline pass over pandoc Markdown: one scan, left to right, of a block of text.

It finds ``@key`` as pandoc's ``citeKey`` does (see ``markdown``) and skips what pandoc does
not read as Markdown: code spans, TeX math, HTML comments, tags and ``<pre>`` blocks,
autolinks, link addresses, reference definitions, escapes, raw LaTeX commands with their
arguments and environments (whose citation commands it reads as LaTeX). Every search that
may fail remembers where it failed, so hostile text costs linear time.
"""

from __future__ import annotations

import re

from .. import latex
from ..citations import Citation, KeySpan

SIMPLE_KEY = re.compile(r"[\w*](?:\w|[:.#$%&\-+?<>~/](?=\w)|[:/](?=/))*")

_SPECIAL = re.compile(r"[\\`@<\[\];$]")
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_BACKTICKS = re.compile(r"`+")
_SPACE = re.compile(r"\s")
_PAR = re.compile(r"\n[ \t\r]*\n")
_AUTOLINK = re.compile(
    r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*"
    r"|[\w.!#$%&'*+/=?^`{|}~-]+@[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)*)>"
)
_TAG = re.compile(
    r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:[^\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*\s*/?>"
)
_RAW_HTML = re.compile(r"<(pre|script|style|textarea)\b", re.I)
_DESTINATION = re.compile(
    r"\(\s*(?:<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"
)
_REFERENCE = re.compile(r"[ \t>]*\[[^\]\n]+\]:[ \t]*\S[^\n]*")
EXAMPLE = re.compile(r"[ \t>]*(?:\(@[\w-]*\)|@[\w-]*[.)])(?:[ \t]|\r?$)", re.M)
_ENVIRONMENT = re.compile(r"\\(begin|end)\{([^{}\s]+)\}")


class Scanner:
    """One left-to-right pass over a region of inline text: the keys (with the bracket each
    is directly in), the bracket pairs, and the semicolons that separate citation items."""

    def __init__(self, text: str, start: int, end: int, names: tuple[str, ...]) -> None:
        self.text, self.start, self.end, self.names = text, start, end, names
        self.keys: list[
            tuple[int, KeySpan, int, bool, int | None]
        ] = []  # (at, span, token end, suppress, bracket)
        self.pairs: dict[int, int] = {}  # [ → ] of brackets that are not links
        self.semicolons: dict[int, list[int]] = {}
        self.latex: list[Citation] = []
        self.unknown: list[Citation] = []  # \citeA and other commands refman does not know
        self.labels: set[str] = set()  # example-list labels: "@good" refers to one, not a work
        self.openings: set[int] = set()  # keys where "(@good)" or "@good." would be a label
        self._index: latex.Index | None = None
        self._environments: dict[int, int] | None = None
        self._verbatim = latex.Verbatim(text, end)
        self._run = (-1, -1)
        self._par_end = -1
        self._cited_end = -1
        self._unclosed: dict[str, int] = {}  # what has no closing before this offset

    def run(self) -> None:
        text, end = self.text, self.end
        brackets: list[int] = []
        pos = self.start
        while (match := _SPECIAL.search(text, pos, end)) is not None:
            i = match.start()
            char = text[i]
            pos = i + 1
            if char == "\\":
                pos = self._backslash(i)
            elif char == "`":
                pos = self._code_span(i)
            elif char == "<":
                pos = self._angle(i)
            elif char == "$":
                pos = self._math(i)
            elif char == "@":
                pos = self._citation(i, brackets[-1] if brackets else None)
            elif char == "[":
                line = line_start(text, i, self.start)
                definition = None if line is None else _REFERENCE.match(text, line, end)
                if definition is not None:
                    pos = definition.end()  # [label]: address "title"
                else:
                    brackets.append(i)
            elif char == ";":
                if brackets:
                    self.semicolons.setdefault(brackets[-1], []).append(i)
            elif brackets:  # "]"
                opening = brackets.pop()
                link = _DESTINATION.match(text, i + 1, end) if text.startswith("(", i + 1) else None
                if link is not None:
                    pos = link.end()
                elif text[i + 1 : i + 2] not in ("[", "{"):
                    self.pairs[opening] = i  # not a reference link, not a span

    def _paragraph_end(self, pos: int) -> int:
        if pos >= self._par_end:
            blank = _PAR.search(self.text, pos, self.end)
            self._par_end = self.end if blank is None else blank.start()
        return self._par_end

    def _space_end(self, pos: int) -> int:
        """Where the run of non-space characters at ``pos`` ends (remembered, for linear time)."""
        if not self._run[0] <= pos < self._run[1]:
            space = _SPACE.search(self.text, pos, self.end)
            self._run = (pos, self.end if space is None else space.start())
        return self._run[1]

    def _find(self, what: str, needle: str, pos: int, limit: int) -> int:
        """``text.find`` that remembers failures: hostile text ("`" a million times) stays linear."""
        if self._unclosed.get(what, -1) >= limit:
            return -1
        found = self.text.find(needle, pos, limit)
        if found < 0:
            self._unclosed[what] = limit
        return found

    def _code_span(self, i: int) -> int:
        run = _BACKTICKS.match(self.text, i)
        assert run is not None
        ticks = run.group()
        limit = self._paragraph_end(i)
        pos = run.end()
        while (found := self._find(ticks, ticks, pos, limit)) >= 0:
            closing = _BACKTICKS.match(self.text, found)
            assert closing is not None
            if closing.end() - found == len(ticks):
                return closing.end()
            pos = closing.end()
        return i + 1  # no closing run: one backtick is text, and the rest may open a span

    def _angle(self, i: int) -> int:
        text = self.text
        if text.startswith("<!--", i):
            found = self._find("-->", "-->", i + 4, self.end)
            return i + 1 if found < 0 else found + 3
        raw = _RAW_HTML.match(text, i, self.end)
        if raw is not None:
            closing = re.compile(f"</{raw.group(1)}\\s*>", re.I).search(text, raw.end(), self.end)
            return i + 1 if closing is None else closing.end()
        tag = _AUTOLINK.match(text, i, self.end) or _TAG.match(text, i, self.end)
        return i + 1 if tag is None else tag.end()

    def _math(self, i: int) -> int:
        """TeX math as pandoc reads it: ``$x$`` (no space inside the dollars, no digit after
        the closing one) or ``$$x$$``."""
        text, limit = self.text, self._paragraph_end(i)
        if text.startswith("$$", i):
            found = self._find("$$", "$$", i + 2, limit)
            if found >= 0:
                return found + 2
            i += 1  # no closing "$$": the second "$" may open inline math
        if i + 1 >= limit or text[i + 1].isspace():
            return i + 1
        pos = i + 1
        while (found := self._find("$", "$", pos, limit)) >= 0:
            if not text[found - 1].isspace() and not text[found + 1 : found + 2].isdigit():
                return found + 1 if found > i + 1 else i + 1
            pos = found + 1
        return i + 1

    def _backslash(self, i: int) -> int:
        """An escape (``\\@`` is text), or raw LaTeX: a command with its adjacent arguments,
        or an environment, none of which pandoc reads as Markdown."""
        text, end = self.text, self.end
        following = text[i + 1 : i + 2]
        if following in _ESCAPABLE:
            return i + 2
        name = latex.NAME.match(text, i + 1, end)
        if name is None:
            return i + 1
        word = name.group()
        if word == "begin":
            return self._environment(i)
        if word in latex.VERBATIM_COMMANDS:
            return self._verbatim.skip(word, name.end())
        if self._index is None:
            self._index = latex.index(text, self.start, end, self.names, comments=False)
        if (
            word in latex.COMMANDS
            or word in self.names
            or ("cite" in word.lower() and word not in latex.NOT_CITATIONS)
        ):
            cited = latex.citation_at(text, self._index, i, name.end(), end, comments=False)
            if cited is not None:
                known = word in latex.COMMANDS or word in self.names
                (self.latex if known else self.unknown).append(cited)
                return cited.end
        pos = name.end() + text.startswith("*", name.end())
        pos = latex.skip_space(text, pos, end, comments=False) if text[pos : pos + 1] in " \t\n" else pos
        while text[pos : pos + 1] in ("{", "[") and (closing := self._index.close.get(pos)) is not None:
            pos = closing + 1
        return pos if pos > name.end() and text[pos - 1 : pos] in "}]" else name.end()

    def _environment(self, i: int) -> int:
        """A LaTeX environment, to its matching ``\\end``: LaTeX, not Markdown, inside."""
        if self._environments is None:
            self._environments = _match_environments(self.text, self.start, self.end)
        closing = self._environments.get(i)
        if closing is None:
            return i + 1
        self.latex.extend(latex.citations(self.text, self.names, i, closing))
        return closing

    def _citation(self, i: int, bracket: int | None) -> int:
        text = self.text
        dash = i > self.start and text[i - 1] == "-"
        if dash and not _after_word(text, i - 1, self.start):
            before, suppress = i - 1, True
        elif _after_word(text, i, self.start) and i != self._cited_end:
            word = SIMPLE_KEY.match(text, i + 1, self.end)  # me@example.org: text, but pandoc
            self._cited_end = i + 1 if word is None else word.end()  # cites "@b" in "x@a@b"
            return self._cited_end
        else:
            before, suppress = i, False  # also "a-@key": the dash is text
        if text.startswith("{", i + 1):
            span, token_end = _braced(text, i + 1, self._space_end(i + 1), self._verbatim)
        else:
            key = SIMPLE_KEY.match(text, i + 1, self.end)
            span = None if key is None else KeySpan(key.start(), key.end(), key.group())
            token_end = None if key is None else key.end()
        if span is None or token_end is None:
            return i + 1
        line = self._opening(before)
        if line is not None:
            if EXAMPLE.match(text, line):
                self.labels.add(span.key)
                return token_end
            self.openings.add(span.start)
        self.keys.append((before, span, token_end, suppress, bracket))
        self._cited_end = token_end
        return token_end

    def _opening(self, at: int) -> int | None:
        """The line start if the citation at ``at`` opens a block (after a blank line, at the
        start, or after an example item), where ``(@good)`` and ``@good.`` are labels."""
        text = self.text
        line = line_start(text, at - 1 if text[at - 1 : at] == "(" else at, self.start)
        if line is None or line == self.start:
            return line
        previous = max(text.rfind("\n", self.start, line - 1) + 1, self.start)
        body = text[previous:line].strip().lstrip("> \t")
        return line if not body or EXAMPLE.match(text, previous) else None


def line_start(text: str, pos: int, start: int) -> int | None:
    """Where the content of the line ``pos`` is on starts, if only a little indentation and
    blockquote markers precede ``pos`` there; else None."""
    line = pos
    while line > start and text[line - 1] in " \t>" and pos - line < 12:
        line -= 1
    return line if line == start or text[line - 1] == "\n" else None


def _match_environments(text: str, start: int, end: int) -> dict[int, int]:
    """``\\begin{name}`` offset → the offset after its matching ``\\end{name}``."""
    stacks: dict[str, list[int]] = {}
    matched: dict[int, int] = {}
    for found in _ENVIRONMENT.finditer(text, start, end):
        stack = stacks.setdefault(found.group(2), [])
        if found.group(1) == "begin":
            stack.append(found.start())
        elif stack:
            matched[stack.pop()] = found.end()
    return matched


def _after_word(text: str, i: int, start: int) -> bool:
    """Whether ``text[i]`` directly follows a word (pandoc's ``notAfterString``)."""
    if i <= start:
        return False
    return text[i - 1].isalnum() or text[i - 1] == "."


def _braced(text: str, opening: int, limit: int, groups: latex.Verbatim) -> tuple[KeySpan | None, int | None]:
    """``{key}`` after ``@``: balanced braces and no white space (``limit`` is the next one)."""
    closing = groups.group(opening, limit)
    if closing is None:
        return None, None
    return KeySpan(opening + 1, closing - 1, text[opening + 1 : closing - 1]), closing
