"""What a scanner finds: citations, their keys with exact positions, and the notes around them.

Positions are indices into the text as given (str offsets, line ends untouched), so a caller
can both rewrite a key in place and point at it (line, column) without scanning again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

#: ``\nocite{*}`` and pandoc's ``@*``: every entry, never a key to rename.
WILDCARD = "*"


@dataclass(frozen=True, slots=True)
class KeySpan:
    """One cited key: ``text[start:end] == key``."""

    start: int
    end: int
    key: str


@dataclass(frozen=True, slots=True)
class CiteGroup:
    """Keys cited together with one set of notes.

    LaTeX: the keys of one ``{…}`` with its ``[prenote][postnote]`` (``\\volcite`` also has a
    volume). Markdown: one item, ``[see @key, p. 15]`` → prefix "see", suffix ", p. 15".
    """

    keys: tuple[KeySpan, ...]
    prefix: str = ""
    suffix: str = ""
    suppress_author: bool = False
    volume: str | None = None


@dataclass(frozen=True, slots=True)
class Citation:
    """One citation as written, ``text[start:end]``.

    ``kind`` is the LaTeX command without its backslash (``parencite*``, ``cites``) or, in
    Markdown, ``bracketed``, ``in-text`` or ``nocite`` (the YAML field). ``prefix`` and
    ``suffix`` are the global notes of a biblatex multicite, ``\\cites(pre)(post)…``.
    """

    start: int
    end: int
    kind: str
    groups: tuple[CiteGroup, ...]
    prefix: str = ""
    suffix: str = ""

    @property
    def keys(self) -> tuple[KeySpan, ...]:
        return tuple(span for group in self.groups for span in group.keys)


@dataclass(frozen=True, slots=True)
class Rewrite:
    """A rewritten text: how many keys changed, in how many citations; and ``missed``, the
    mapped keys left as they were in commands that look like citations but that refman does
    not know (``\\citeA``), as (offset of the command, command, key)."""

    text: str
    keys: int
    citations: int
    missed: tuple[tuple[int, str, str], ...] = ()


#: How a new key is written in place of an old one: (text, old span, new key) → replacement.
Spell = Callable[[str, KeySpan, str], str]


def apply(
    text: str,
    citations: Iterable[Citation],
    mapping: Mapping[str, str],
    spell: Spell,
    unknown: Iterable[Citation] = (),
) -> Rewrite:
    """Replace every key span whose key is in ``mapping``; all other characters stay as they are.

    Spans are applied in text order; a span that overlaps one already applied (a citation
    nested in another's note is scanned once, but be safe) is skipped. ``unknown`` citations
    are not rewritten: their mapped keys are reported in ``missed``.
    """
    missed = tuple(
        (citation.start, citation.kind, span.key)
        for citation in unknown
        for span in citation.keys
        if mapping.get(span.key, span.key) != span.key
    )
    changes: list[tuple[KeySpan, str]] = []
    touched = 0
    for citation in citations:
        changed = False
        for span in citation.keys:
            new = mapping.get(span.key)
            if new is not None and new != span.key and span.key != WILDCARD:
                changes.append((span, spell(text, span, new)))
                changed = True
        touched += changed
    if not changes:
        return Rewrite(text, 0, 0, missed)
    changes.sort(key=lambda change: change[0].start)
    out: list[str] = []
    pos = 0
    applied = 0
    for span, replacement in changes:
        if span.start < pos:
            continue
        out.append(text[pos : span.start])
        out.append(replacement)
        pos = span.end
        applied += 1
    out.append(text[pos:])
    return Rewrite("".join(out), applied, touched, missed)
