"""LaTeX citations: every natbib and biblatex citation command, never in comments or verbatim.

A citation is ``\\name`` (``*`` optional), up to two ``[notes]`` and ``{key, key}``; biblatex's
multicites (``\\cites(pre)(post)[pre][post]{a}[pre][post]{b}``) repeat the group, and the
``\\volcite`` family takes ``[prenote]{volume}[pages]{key}``. As in TeX, arguments may be
separated by spaces, one line end and comments (a blank line ends them), and notes may hold
nested braces and, as xparse reads them, nested brackets. Nothing after ``%`` (but ``\\%``),
in a verbatim environment, or in ``\\verb``, ``\\lstinline``, ``\\mintinline``, ``\\url`` or the
address of ``\\href`` is read.

One pass matches every brace, bracket and parenthesis (brackets and parentheses within one
brace level), so even hostile input ("\\cite[" a million times) costs linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from .citations import Citation, CiteGroup, KeySpan, Rewrite, apply

_SINGLE = (
    # natbib (all but \citetext, which holds free text)
    "cite citet citep citealt citealp citenum citeauthor citefullauthor citeyear citeyearpar "
    "citetalias citepalias Citet Citep Citealt Citealp Citeauthor "
    # biblatex
    "Cite parencite Parencite footcite footcitetext textcite Textcite smartcite Smartcite "
    "supercite autocite Autocite Citeauthor citetitle citedate citeurl fullcite footfullcite "
    "nocite notecite pnotecite Pnotecite fnotecite citename citefield citelist"
).split()
_MULTI = (
    "cites Cites parencites Parencites footcites footcitetexts textcites Textcites smartcites "
    "Smartcites supercites autocites Autocites"
).split()
_VOLUME = "volcite Volcite pvolcite Pvolcite fvolcite ftvolcite svolcite Svolcite tvolcite Tvolcite avolcite Avolcite".split()

#: Argument patterns: ``o`` an optional ``[note]``, ``v`` a ``{volume}``, ``k`` the ``{keys}``.
PLAIN, VOLUME = "ook", "ovok"
#: Every citation command, without its backslash: (argument pattern, multicite?).
COMMANDS: dict[str, tuple[str, bool]] = {
    **{name: (PLAIN, False) for name in _SINGLE},
    **{name: (PLAIN, True) for name in _MULTI},
    **{name: (VOLUME, False) for name in _VOLUME},
    **{name + "s": (VOLUME, True) for name in _VOLUME},
}
#: Commands with "cite" in their name that take no keys (natbib's \citetext holds free text).
NOT_CITATIONS = frozenset({"citetext", "citestyle", "citesetup"})
#: Environments whose body LaTeX reads verbatim (or, ``comment``, not at all).
VERBATIM_ENVIRONMENTS = frozenset(
    "verbatim verbatim* Verbatim Verbatim* BVerbatim LVerbatim lstlisting minted comment "
    "filecontents filecontents*".split()
)
#: Commands whose argument is read verbatim: ``%``, ``\\`` and braces in it mean nothing.
VERBATIM_COMMANDS = frozenset({"verb", "lstinline", "mintinline", "url", "href"})
#: A note longer than this is not a note but a runaway bracket.
MAX_NOTE = 4000

_TOKEN = re.compile(r"[\\%{}\[\]()]")
_TOKEN_NO_COMMENTS = re.compile(r"[\\{}\[\]()]")
#: A control word: letters, and "@" as in a package's internal macros (\\blx@cite is not \\cite).
NAME = re.compile(r"[A-Za-z@]+")
_BEGIN = re.compile(r"[ \t]*\{([A-Za-z*]+)\}")
_PAR = re.compile(r"\n[ \t\r]*\n")
_BRACES = re.compile(r"[{}]")


@dataclass(slots=True)
class Index:
    """One pass over a text: the closing position of every matched ``{``, ``[`` and ``(``,
    and where each citation command starts (backslash, end of its name); ``others`` are the
    commands with "cite" in their name that refman does not know (``\\citeA``)."""

    close: dict[int, int]
    commands: list[tuple[int, int]]
    others: list[tuple[int, int]]


def index(
    text: str, start: int = 0, end: int | None = None, names: Iterable[str] = (), comments: bool = True
) -> Index:
    """Match delimiters and find citation commands (``COMMANDS`` and ``names``) in
    ``text[start:end]``, skipping comments (when ``comments``) and verbatim text."""
    end = len(text) if end is None else end
    wanted = COMMANDS.keys() | set(names)
    token = _TOKEN if comments else _TOKEN_NO_COMMENTS
    close: dict[int, int] = {}
    commands: list[tuple[int, int]] = []
    others: list[tuple[int, int]] = []
    braces: list[int] = []
    inner: list[dict[str, list[int]]] = [{"[": [], "(": []}]  # open [ and ( per brace level
    verbatim = Verbatim(text, end)
    pos = start
    while (match := token.search(text, pos, end)) is not None:
        i = match.start()
        char = text[i]
        pos = i + 1
        if char == "%":
            pos = _line_end(text, i, end)
        elif char == "\\":
            name = NAME.match(text, i + 1, end)
            if name is None:
                pos = i + 2  # a control symbol: \%, \{, \\ …
                continue
            pos = name.end()
            word = name.group()
            if word in wanted:
                commands.append((i, pos))
            elif word == "begin":
                pos = skip_environment(text, pos, end)
            elif word in VERBATIM_COMMANDS:
                pos = verbatim.skip(word, pos)
            elif "cite" in word.lower() and word not in NOT_CITATIONS:
                others.append((i, pos))
        elif char == "{":
            braces.append(i)
            inner.append({"[": [], "(": []})
        elif char == "}":
            if braces:
                close[braces.pop()] = i
                inner.pop()
        elif char in "[(":
            inner[-1][char].append(i)
        else:
            opened = inner[-1]["[" if char == "]" else "("]
            if opened:
                close[opened.pop()] = i
    return Index(close, commands, others)


def skip_environment(text: str, pos: int, end: int) -> int:
    """After ``\\begin``: the end of a verbatim environment (past its ``\\end{…}``), else ``pos``."""
    env = _BEGIN.match(text, pos, end)
    if env is None or env.group(1) not in VERBATIM_ENVIRONMENTS:
        return pos
    closing = text.find(f"\\end{{{env.group(1)}}}", env.end(), end)
    return end if closing < 0 else closing + len(env.group(1)) + 6


class Verbatim:
    """Skips the verbatim argument of ``\\verb`` and its kin, which ends on its own line.

    It remembers what it has scanned (each line's end, every brace group, delimiters that do
    not occur again on a line), so that ``\\verb|`` or ``\\url{`` a million times on one line
    still costs linear time.
    """

    def __init__(self, text: str, end: int) -> None:
        self.text, self.end = text, end
        self._line = (-1, -1)
        self._groups: dict[int, int] = {}  # "{" → the offset after its "}", or -1
        self._absent: dict[str, int] = {}  # delimiter → no occurrence before this offset

    def line_end(self, pos: int) -> int:
        if not self._line[0] <= pos < self._line[1]:
            self._line = (pos, _line_end(self.text, pos, self.end))
        return self._line[1]

    def skip(self, word: str, pos: int) -> int:
        """After ``\\word``: the end of its verbatim argument, or ``pos`` when it has none
        (the command is then read as any other)."""
        text = self.text
        line_end = self.line_end(pos)
        if word == "verb":
            pos += text.startswith("*", pos)
            if pos >= line_end or text[pos].isalpha() or text[pos].isspace():
                return pos
            closing = self._find(text[pos], pos + 1, line_end)
            return line_end if closing < 0 else closing + 1
        if word in ("lstinline", "mintinline") and text.startswith("[", pos):
            options = self._find("]", pos, line_end)
            pos = pos if options < 0 else options + 1
        if word == "mintinline":
            pos = self.group(pos, line_end) or pos  # the language
        if text.startswith("{", pos):
            return self.group(pos, line_end) or pos
        if word != "href" and pos < line_end and not text[pos].isspace():
            closing = self._find(text[pos], pos + 1, line_end)
            return pos if closing < 0 else closing + 1
        return pos

    def _find(self, char: str, pos: int, line_end: int) -> int:
        if self._absent.get(char, -1) >= line_end:
            return -1
        found = self.text.find(char, pos, line_end)
        if found < 0:
            self._absent[char] = line_end
        return found

    def group(self, pos: int, limit: int) -> int | None:
        """The end of a ``{…}`` read verbatim (only braces count) before ``limit`` (the end of
        its line; or of its word, for a Markdown ``@{key}``), or None. Every call on a text
        must pass the same limit for offsets that share one."""
        if not self.text.startswith("{", pos):
            return None
        if pos not in self._groups:
            stack: list[int] = []
            for brace in _BRACES.finditer(self.text, pos, limit):
                if brace.group() == "{":
                    stack.append(brace.start())
                elif stack:
                    self._groups[stack.pop()] = brace.end()
                    if not stack:
                        break
            for unclosed in stack:
                self._groups[unclosed] = -1
        return None if self._groups[pos] < 0 else self._groups[pos]


def _line_end(text: str, pos: int, end: int) -> int:
    newline = text.find("\n", pos, end)
    return end if newline < 0 else newline + 1


def skip_space(text: str, pos: int, end: int, comments: bool = True) -> int:
    """Past the spaces, comments and at most one line end that TeX skips between arguments."""
    newline = False
    while pos < end:
        char = text[pos]
        if char == "%" and comments:
            pos = _line_end(text, pos, end)
            newline = True
            continue
        if char == "\n":
            if newline:
                return pos  # a blank line: \par ends the arguments
            newline = True
        elif char not in " \t\r":
            return pos
        pos += 1
    return pos


def citation_at(
    text: str, found: Index, at: int, name_end: int, end: int | None = None, comments: bool = True
) -> Citation | None:
    """The citation whose command starts at ``at`` (its name ends at ``name_end``), or None
    when its arguments are not there (``\\cite`` in a macro definition, an unclosed brace)."""
    end = len(text) if end is None else end
    name = text[at + 1 : name_end]
    pattern, multi = COMMANDS.get(name, (PLAIN, False))
    pos = name_end + text.startswith("*", name_end)
    kind = text[at + 1 : pos]
    notes: list[str] = []
    if multi:
        while len(notes) < 2 and (arg := _argument(text, found, skip_space(text, pos, end, comments), "(")):
            notes.append(text[arg[0] + 1 : arg[1]])
            pos = arg[1] + 1
    groups: list[CiteGroup] = []
    while (group := _group(text, found, pos, end, pattern, comments)) is not None:
        groups.append(group[0])
        pos = group[1]
        if not multi:
            break
    if not groups:
        return None
    prefix, suffix = _notes(notes)
    return Citation(at, pos, kind, tuple(groups), prefix, suffix)


def _group(
    text: str, found: Index, pos: int, end: int, pattern: str, comments: bool
) -> tuple[CiteGroup, int] | None:
    """One ``[pre][post]{keys}`` (or ``[pre]{volume}[pages]{key}``) group from ``pos``."""
    notes: list[str | None] = []
    volume: str | None = None
    keys: tuple[KeySpan, ...] = ()
    for part in pattern:
        at = skip_space(text, pos, end, comments)
        arg = _argument(text, found, at, "[" if part == "o" else "{", part != "k")
        if arg is None:
            if part != "o":
                return None
            notes.append(None)
            continue
        pos = arg[1] + 1
        if part == "o":
            notes.append(text[arg[0] + 1 : arg[1]])
        elif part == "v":
            volume = text[arg[0] + 1 : arg[1]]
        else:
            keys = tuple(_keys(text, arg[0] + 1, arg[1]))
    if pattern == VOLUME:
        prefix, suffix = notes[0] or "", notes[1] or ""
    else:
        prefix, suffix = _notes([note for note in notes if note is not None])
    return CiteGroup(keys, prefix, suffix, volume=volume), pos


def _argument(text: str, found: Index, at: int, opening: str, limited: bool = True) -> tuple[int, int] | None:
    """(opening, closing) positions of a delimited argument at ``at``, or None. A note or a
    volume (``limited``) is short and holds no blank line; a key list is read in place."""
    if not text.startswith(opening, at):
        return None
    closing = found.close.get(at)
    if closing is None:
        return None
    if limited and (closing - at > MAX_NOTE or _PAR.search(text, at, closing)):
        return None
    return at, closing


def _notes(notes: list[str]) -> tuple[str, str]:
    """One note is the postnote; two are the prenote and the postnote."""
    if len(notes) == 1:
        return "", notes[0]
    return (notes[0], notes[1]) if notes else ("", "")


_KEY_STOP = re.compile(r"[,%\s\\{}]")


def _keys(text: str, start: int, end: int) -> Iterator[KeySpan]:
    """The comma-separated keys of ``{…}``; spaces, line ends and comments around them are
    not part of a key. A list holding a command or a brace group is not a list of keys."""
    pos = start
    pending: KeySpan | None = None
    separated = True  # a comma since the last key
    while pos < end:
        char = text[pos]
        if char == ",":
            if pending is not None:
                yield pending
            pending, separated = None, True
            pos += 1
        elif char == "%":
            pos = _line_end(text, pos, end)
        elif char.isspace():
            pos += 1
        elif char in "\\{}" or not separated:
            return  # a macro, a group, or two words without a comma: not a key list
        else:
            stop = _KEY_STOP.search(text, pos, end)
            key_end = end if stop is None else stop.start()
            pending, separated = KeySpan(pos, key_end, text[pos:key_end]), False
            pos = key_end
    if pending is not None:
        yield pending


def citations(
    text: str, names: Iterable[str] = (), start: int = 0, end: int | None = None
) -> Iterator[Citation]:
    """Every citation in a LaTeX text (or ``text[start:end]``), in order; ``names`` adds
    commands of the ``\\name[pre][post]{keys}`` form (a user's own ``\\mycite``)."""
    return iter(scan(text, names, start, end)[0])


def scan(
    text: str, names: Iterable[str] = (), start: int = 0, end: int | None = None
) -> tuple[list[Citation], list[Citation]]:
    """The citations, and what commands refman does not know but that have "cite" in their
    name (``\\citeA{key}``) would be if read as ``\\cite``: keys a rename would leave behind."""
    end = len(text) if end is None else end
    found = index(text, start, end, names)
    known = (citation_at(text, found, at, name_end, end) for at, name_end in found.commands)
    unknown = (citation_at(text, found, at, name_end, end) for at, name_end in found.others)
    return [c for c in known if c is not None], [c for c in unknown if c is not None]


def key_spans(text: str, names: Iterable[str] = ()) -> Iterator[KeySpan]:
    """Every cited key with its position, in order of the citations."""
    for citation in citations(text, names):
        yield from citation.keys


#: Characters a key cannot hold in a LaTeX key list.
_UNWRITABLE = re.compile(r"[\s,%{}\\]")


def spell(text: str, span: KeySpan, new: str) -> str:
    """``new`` as it can stand in a key list; a key LaTeX cannot read is refused."""
    if not new or _UNWRITABLE.search(new):
        raise ValueError(f"the key {new!r} cannot be written in a LaTeX citation (for {span.key!r})")
    return new


def rewrite(text: str, mapping: Mapping[str, str], names: Iterable[str] = ()) -> Rewrite:
    """``text`` with the keys in ``mapping`` renamed in every citation, the counts, and the
    mapped keys left in commands refman does not know."""
    known, unknown = scan(text, names)
    return apply(text, known, mapping, spell, unknown)


def rekey(text: str, mapping: Mapping[str, str], names: Iterable[str] = ()) -> tuple[str, int]:
    """(new text, number of keys renamed)."""
    result = rewrite(text, mapping, names)
    return result.text, result.keys
