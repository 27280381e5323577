"""pandoc Markdown citations: ``[@key]``, ``[see @a; @b, p. 3]``, ``@key``, ``[-@key]``, ``@{key}``.

Keys follow pandoc's rule (``Text.Pandoc.Parsing.Citations``): a letter, digit or ``_``, then
letters, digits, ``_`` and single punctuation marks from ``:.#$%&-+?<>~/`` each followed by a
letter or digit (``:`` and ``/`` also before ``/``); anything else is written in braces,
``@{…}``. An ``@`` right after a letter, digit or period is text (``me@example.org``).
Nothing is read in code (spans, fenced and indented blocks), HTML comments and tags,
autolinks, link addresses, TeX math, raw LaTeX commands and environments (whose own
``\\cite`` commands are read as LaTeX), or example-list labels. As pandoc does, the values of
the YAML front matter are read as Markdown (``nocite`` and ``title`` alike), but not YAML
comments nor fields whose name ends in ``_``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping

from .. import latex
from ..citations import Citation, CiteGroup, KeySpan, Rewrite, apply
from .blocks import blocks
from .inline import EXAMPLE, SIMPLE_KEY, Scanner, line_start


def _group(scanner: Scanner) -> Iterator[Citation]:
    """Bracketed citations (every ``;``-separated item of a bracket holds one key), then the
    other keys as in-text citations, each with the ``[locator]`` that may follow it."""
    text = scanner.text
    inside: dict[int, list[tuple[int, KeySpan, int, bool, int | None]]] = {}
    for entry in scanner.keys:
        if entry[4] is not None and entry[4] in scanner.pairs:
            inside.setdefault(entry[4], []).append(entry)
    bracketed: set[int] = set()
    for opening, entries in inside.items():
        closing = scanner.pairs[opening]
        cuts = [opening, *scanner.semicolons.get(opening, []), closing]
        groups: list[CiteGroup] = []
        for (left, right), entry in zip(itertools.pairwise(cuts), entries, strict=False):
            at, span, token_end, suppress, _ = entry
            if not left < at < right:
                break
            groups.append(
                CiteGroup((span,), text[left + 1 : at].strip(), text[token_end:right].strip(), suppress)
            )
        if len(groups) == len(entries) == len(cuts) - 1:
            bracketed.add(opening)
            yield Citation(opening, closing + 1, "bracketed", tuple(groups))
    for at, span, token_end, suppress, bracket in scanner.keys:
        if bracket in bracketed:
            continue
        end, locator = token_end, ""
        after = latex.skip_space(text, token_end, scanner.end, comments=False)
        closing = scanner.pairs.get(after)
        if closing is not None and after not in inside:
            end, locator = closing + 1, text[after + 1 : closing]
        yield Citation(at, end, "in-text", (CiteGroup((span,), "", locator, suppress),))


def citations(text: str, names: Iterable[str] = ()) -> Iterator[Citation]:
    """Every citation in a pandoc Markdown text, in order of position: bracketed and in-text
    ones (also in the front matter: pandoc reads its strings as Markdown), the keys of
    ``nocite`` (one citation), and raw LaTeX citations (``names`` adds LaTeX commands of the
    ``\\name[pre][post]{keys}`` form)."""
    return iter(_scan(text, tuple(names))[0])


def _scan(text: str, names: tuple[str, ...]) -> tuple[list[Citation], set[int], list[Citation]]:
    """The citations, the keys that open a block (see ``Scanner.openings``), and raw LaTeX
    commands refman does not know that look like citations."""
    layout = blocks(text)
    found: list[Citation] = []
    unknown: list[Citation] = []
    labels: set[str] = set()
    openings: set[int] = set()
    for name, start, end in layout.metadata:
        scanner = Scanner(text, start, end, names)
        scanner.run()
        if name != "nocite":
            found.extend(_group(scanner))
        elif scanner.keys:
            groups = tuple(CiteGroup((span,)) for _, span, _, _, _ in scanner.keys)
            found.append(Citation(scanner.keys[0][0], scanner.keys[-1][2], "nocite", groups))
        openings |= scanner.openings
    for start, end in layout.regions:
        scanner = Scanner(text, start, end, names)
        scanner.run()
        found.extend(_group(scanner))
        found.extend(scanner.latex)
        unknown.extend(scanner.unknown)
        labels |= scanner.labels
        openings |= scanner.openings
    if labels:
        found = [c for c in found if not (c.kind == "in-text" and c.keys[0].key in labels)]
    found.sort(key=lambda citation: citation.start)
    return found, openings, unknown


def key_spans(text: str, names: Iterable[str] = ()) -> Iterator[KeySpan]:
    """Every cited key with its position, in order of the citations."""
    for citation in citations(text, names):
        yield from citation.keys


def spell(text: str, span: KeySpan, new: str, opening: bool = False) -> str:
    """``new`` as it can follow ``@``: bare if pandoc reads it whole, else in braces, and in
    braces too where a bare key would read as an example label (``opening``: the citation
    opens a block, and ``(@c:d)`` cites but ``(@cd)`` is a label). A key with white space or
    unbalanced braces cannot be written and is refused. Raw LaTeX keys are written as LaTeX
    wants them."""
    braced = text[span.start - 2 : span.start] == "@{"
    if not braced and text[span.start - 1 : span.start] != "@":
        return latex.spell(text, span, new)
    if not new or any(char.isspace() for char in new) or not _balanced(new):
        raise ValueError(f"the key {new!r} cannot be written in a Markdown citation (for {span.key!r})")
    if braced or (SIMPLE_KEY.fullmatch(new) and not (opening and _label_shaped(text, span, new))):
        return new
    return "{" + new + "}"


def _label_shaped(text: str, span: KeySpan, new: str) -> bool:
    at = span.start - 1
    line = line_start(text, at - 1 if text[at - 1 : at] == "(" else at, 0)
    probe = text[line or 0 : span.start] + new + text[span.end : span.end + 2]
    return line is not None and EXAMPLE.match(probe) is not None


def _balanced(key: str) -> bool:
    depth = 0
    for char in key:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def rewrite(text: str, mapping: Mapping[str, str], names: Iterable[str] = ()) -> Rewrite:
    """``text`` with the keys in ``mapping`` renamed in every citation, and the counts."""
    found, openings, unknown = _scan(text, tuple(names))
    return apply(
        text, found, mapping, lambda t, span, new: spell(t, span, new, span.start in openings), unknown
    )


def rekey(text: str, mapping: Mapping[str, str], names: Iterable[str] = ()) -> tuple[str, int]:
    """(new text, number of keys renamed)."""
    result = rewrite(text, mapping, names)
    return result.text, result.keys
