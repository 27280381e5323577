"""What a manuscript cites, in order: for a bibliography numbered by first citation.

The scanners (``latex``, ``markdown``) find citations for ``rekey``; this module reads the
same citations as a list of cited keys with their line, notes and mode, and adds the two
files LaTeX leaves behind: the ``.aux`` (``\\citation{…}``, biblatex's ``\\abx@aux@cite``)
and biblatex's ``.bcf`` (XML, with biber's own citation order). It also reads where a
manuscript says its references are (YAML ``bibliography:``, ``\\addbibresource``,
``\\bibliography``, ``\\bibdata``, the ``.bcf`` data sources).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from . import latex
from .citations import WILDCARD, Citation
from .markdown import scanner as markdown
from .markdown.blocks import front_matter

#: How a key is cited: in brackets, with the author named in the text (``@key``,
#: ``\\textcite``), with the author left out (``[-@key]``), or only listed (``\\nocite``).
NORMAL, AUTHOR, SUPPRESS, NOCITE = "normal", "author", "suppress-author", "nocite"
#: Files LaTeX writes that list what a document cites, by extension.
AUX_SYNTAXES: dict[str, tuple[str, ...]] = {"aux": (".aux",), "bcf": (".bcf",)}
#: LaTeX commands that name the author in the text.
_AUTHOR_COMMANDS = frozenset(
    "citet Citet textcite Textcite textcites Textcites citeauthor Citeauthor".split()
)


@dataclass(frozen=True, slots=True)
class Cited:
    """One key where it is cited. ``group`` numbers the citation it is in (keys cited together
    share it); ``line`` is 1-based, 0 where the source has no lines (a ``.bcf``)."""

    key: str
    line: int
    group: int
    prefix: str = ""
    locator: str = ""
    mode: str = NORMAL


def _line_of(text: str) -> Callable[[int], int]:
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    return lambda offset: bisect.bisect_right(starts, offset)


def from_text(text: str, syntax: str, names: Iterable[str] = ()) -> list[Cited]:
    """Every cited key of a LaTeX or Markdown text, in order. Markdown's ``nocite`` field comes
    last, as pandoc lists those works after the cited ones; LaTeX's ``\\nocite`` stays where
    it is, as biblatex counts it there."""
    if syntax == "latex":
        found = list(latex.citations(text, names))
    elif syntax == "markdown":
        found = list(markdown.citations(text, names))
        found.sort(key=lambda citation: citation.kind == "nocite")
    else:
        raise ValueError(f"unknown manuscript syntax {syntax!r}")
    return list(from_citations(text, found))


def from_citations(text: str, found: Iterable[Citation], first_group: int = 0) -> Iterator[Cited]:
    """``Cited`` values of scanned citations: a group's prenote goes with its first key and its
    postnote (the locator) with its last, as LaTeX prints them."""
    line_of = _line_of(text)
    for number, citation in enumerate(found, first_group):
        kind = citation.kind.rstrip("*")
        if kind == "nocite":
            base = NOCITE
        elif kind in ("in-text", *_AUTHOR_COMMANDS):
            base = AUTHOR
        else:
            base = NORMAL
        groups = [group for group in citation.groups if group.keys]
        for index, group in enumerate(groups):
            mode = SUPPRESS if group.suppress_author and base == NORMAL else base
            prefix = " ".join(filter(None, (citation.prefix if index == 0 else "", group.prefix)))
            suffix = " ".join(
                filter(None, (group.suffix, citation.suffix if index == len(groups) - 1 else ""))
            )
            last = len(group.keys) - 1
            for position, span in enumerate(group.keys):
                yield Cited(
                    span.key,
                    line_of(span.start),
                    number,
                    clean_note(prefix) if position == 0 else "",
                    clean_note(suffix).removeprefix(",").strip() if position == last else "",
                    mode,
                )


_TEX_NOTE = (
    (re.compile(r"\\(?:,|nobreakspace\{\}|nbsp\b|\s)|~"), " "),
    (re.compile(r"---"), "—"),
    (re.compile(r"--"), "–"),
    (re.compile(r"\\[A-Za-z]+\*?\s*|[{}]"), ""),
)


def clean_note(note: str) -> str:
    """A note as words: LaTeX ties, dashes and braces read as they print; space collapsed."""
    if "\\" in note or "~" in note or "--" in note or "{" in note:
        for pattern, replacement in _TEX_NOTE:
            note = pattern.sub(replacement, note)
    return " ".join(note.split())


_AUX_CITE = re.compile(r"\\(?:citation|abx@aux@cite)\{([^{}]*)\}(?:\{([^{}]*)\})?")
_AUX_INPUT = re.compile(r"\\@input\{([^{}]+)\}")
_AUX_DATA = re.compile(r"\\bibdata\{([^{}]*)\}")


def from_aux(text: str) -> tuple[list[Cited], list[str]]:
    """The keys of a LaTeX ``.aux`` in order (BibTeX's ``\\citation{a,b}``, biblatex's
    ``\\abx@aux@cite{section}{key}``), and the ``.aux`` files it includes (``\\@input``,
    one per ``\\include``d chapter) for the caller to read."""
    line_of = _line_of(text)
    cited: list[Cited] = []
    for number, match in enumerate(_AUX_CITE.finditer(text)):
        keys = match.group(2) if match.group(2) is not None else match.group(1)
        for key in filter(None, (part.strip() for part in keys.split(","))):
            cited.append(Cited(key, line_of(match.start()), number))
    return cited, [match.group(1) for match in _AUX_INPUT.finditer(text)]


_BCF_KEY = re.compile(r"<bcf:citekey\b([^>]*)>([^<]*)</bcf:citekey>")
_BCF_ORDER = re.compile(r"\border=\"(\d+)\"")
_BCF_SOURCE = re.compile(r"<bcf:datasource\b[^>]*>([^<]+)</bcf:datasource>")
_XML_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}


def _unescape(value: str) -> str:
    return re.sub(r"&(?:amp|lt|gt|quot|apos);", lambda m: _XML_ENTITIES[m.group()], value).strip()


def from_bcf(text: str) -> list[Cited]:
    """The keys of a biblatex ``.bcf`` in biber's citation order (its ``order`` attribute);
    ``*`` for ``\\nocite{*}``. Read as text: only these elements matter, and no entity or DTD
    of the file is ever expanded."""
    found: list[tuple[int, int, str]] = []
    for index, match in enumerate(_BCF_KEY.finditer(text)):
        order = _BCF_ORDER.search(match.group(1))
        found.append((int(order.group(1)) if order else 0, index, _unescape(match.group(2))))
    found.sort()
    return [Cited(key, 0, number) for number, (_, _, key) in enumerate(found) if key]


_BIB_RESOURCE = re.compile(r"\\(addbibresource|addglobalbib|bibliography)\s*(?:\[[^\]]*\]\s*)?\{([^{}]*)\}")


def bibliography_files(text: str, syntax: str) -> list[str]:
    """Where a manuscript says its references are, as written: YAML ``bibliography:`` (one
    path or a list), LaTeX ``\\addbibresource{refs.bib}`` and ``\\bibliography{a,b}`` (".bib"
    added, as BibTeX does), an ``.aux``'s ``\\bibdata``, a ``.bcf``'s data sources."""
    if syntax == "markdown":
        return _yaml_bibliography(text)
    if syntax == "aux":
        return [
            name.strip() + ".bib"
            for m in _AUX_DATA.finditer(text)
            for name in m.group(1).split(",")
            if name.strip()
        ]
    if syntax == "bcf":
        return [_unescape(m.group(1)) for m in _BCF_SOURCE.finditer(text)]
    out: list[str] = []
    for match in _BIB_RESOURCE.finditer(_without_comments(text)):
        if match.group(1) == "bibliography":
            out.extend(
                n.strip() + ("" if n.strip().endswith(".bib") else ".bib")
                for n in match.group(2).split(",")
                if n.strip()
            )
        else:
            out.append(match.group(2).strip())
    return list(dict.fromkeys(name for name in out if name))


def _without_comments(text: str) -> str:
    return re.sub(r"(?<!\\)%[^\n]*", "", text)


def _yaml_bibliography(text: str) -> list[str]:
    matter = front_matter(text)
    if matter is None:
        return []
    import yaml

    try:
        data = yaml.safe_load(text[text.index("\n") + 1 : _closing_line(text, matter[0])])
    except yaml.YAMLError:
        return []
    value = data.get("bibliography") if isinstance(data, dict) else None
    values = value if isinstance(value, list) else [value]
    return [str(item).strip() for item in values if isinstance(item, str | int) and str(item).strip()]


def _closing_line(text: str, end: int) -> int:
    """Where the closing ``---``/``...`` line starts, of a front matter that ends at ``end``."""
    return text.rfind("\n", 0, end - 1 if text[end - 1 : end] == "\n" else end) + 1


def first_citation_order(cited: Iterable[Cited]) -> tuple[list[str], bool]:
    """The keys in order of first citation, and whether ``*`` (every entry) was cited."""
    order: dict[str, None] = {}
    everything = False
    for item in cited:
        if item.key == WILDCARD:
            everything = True
        else:
            order.setdefault(item.key)
    return list(order), everything
