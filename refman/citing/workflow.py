"""The facade for citing: what a manuscript cites, the references it cites, their list.

``refman cite`` and the ``refman-pandoc`` filter share it. The list is rendered by
``api.export``, the very function ``refman export`` writes with, given a library of only
the cited works in order of first citation; so every output format export writes, cite
writes too.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from .. import api, external
from ..errors import InputError, RefmanError, UsageError
from ..manuscripts import SYNTAXES, syntax_for
from ..manuscripts.cited import (
    AUX_SYNTAXES,
    Cited,
    bibliography_files,
    first_citation_order,
    from_aux,
    from_bcf,
    from_text,
)
from ..model import Library, Reference
from ..options import WriteOptions

#: --sort: "citation" (order of first citation, the default) or "alphabetical".
SORTS = {"citation": "given", "given": "given", "alphabetical": "alphabetical"}


@dataclass(slots=True)
class Manuscript:
    """One manuscript (or .aux/.bcf) read: its citations in order, the reference files it
    names (resolved against its folder when not found as written), and the .aux files it
    includes."""

    name: str
    syntax: str
    cited: list[Cited]
    bibliography: list[str] = field(default_factory=list)
    includes: list[str] = field(default_factory=list)


def syntax_of(name: str, given: str | None = None) -> str:
    """latex, markdown, aux or bcf: as ``given``, else by extension."""
    known = {**SYNTAXES, **AUX_SYNTAXES}
    if given is not None:
        if given not in known:
            raise UsageError(f"unknown manuscript syntax {given!r} (choose {', '.join(known)})")
        return given
    suffix = PurePath(name).suffix.lower()
    found = syntax_for(suffix) or next((k for k, v in AUX_SYNTAXES.items() if suffix in v), None)
    if found is None or name == "-":
        what = "standard input" if name == "-" else f"{name}: the extension"
        raise UsageError(f"{what} does not say LaTeX or Markdown; name it with --from latex|markdown|aux|bcf")
    return found


def read_manuscript(name: str, text: str, syntax: str, commands: Iterable[str] = ()) -> Manuscript:
    """The citations of one manuscript. Markdown is read by pandoc (its JSON AST) when pandoc
    is installed, by refman's scanner otherwise; lines come from the scanner, which finds the
    same keys (tests/test_manuscripts_pandoc.py holds it to that)."""
    names = tuple(commands)
    includes: list[str] = []
    if syntax == "aux":
        cited, includes = from_aux(text)
    elif syntax == "bcf":
        cited = from_bcf(text)
    else:
        cited = from_text(text, syntax, names)
        if syntax == "markdown" and (document := external.pandoc_ast(text)) is not None:
            from ..manuscripts.pandoc_ast import citations

            lines: dict[str, list[int]] = {}
            for item in cited:  # the n-th citation of a key is where the scanner found its n-th
                lines.setdefault(item.key, []).append(item.line)
            cited = [
                replace(item, line=_next_line(lines.get(item.key), text, item.key))
                for item in citations(document)
            ]
    files = [_beside(name, file) for file in bibliography_files(text, syntax)]
    return Manuscript(name, syntax, cited, files, [_beside(name, file) for file in includes])


def _next_line(lines: list[int] | None, text: str, key: str) -> int:
    if lines:
        return lines.pop(0) if len(lines) > 1 else lines[0]
    at = text.find(key)
    return 0 if at < 0 else text.count("\n", 0, at) + 1


def _beside(manuscript: str, file: str) -> str:
    """A file a manuscript names: as written if it exists (pandoc reads it so, from the
    working directory), else beside the manuscript (as LaTeX finds it)."""
    if manuscript == "-" or os.path.isabs(file) or os.path.exists(file):
        return file
    near = os.path.join(os.path.dirname(manuscript), file)
    return near if os.path.exists(near) else file


@dataclass(frozen=True, slots=True)
class Source:
    """Where references come from: ``file`` (a .bib, .json, .yaml, .ris … path) or
    ``library`` (refman's library store; ``name`` None for the default one)."""

    kind: str
    name: str | None = None


def load_references(
    sources: list[Source], encoding: str | None = None, skip: Callable[[str], None] | None = None
) -> api.Loaded:
    """The one place references for citing are read, from every source in order. A source
    that cannot be read stops with its error, or, with ``skip``, is reported there and left
    out (the pandoc filter must still give a document)."""
    files: list[str] = []
    libraries: list[api.Loaded] = []
    for source in sources:
        try:
            if source.kind == "library":
                libraries.append(_from_library(source.name))
                continue
            if skip is not None:
                api.load([str(source.name)], encoding=encoding)
        except RefmanError as exc:
            if skip is None:
                raise
            skip(exc.message)
            continue
        files.append(str(source.name))
    loaded = api.load(list(dict.fromkeys(files)), encoding=encoding) if files else api.Loaded(Library())
    for part in libraries:  # the library's records after the files', each input numbered on
        offset = len(loaded.sources)
        loaded.library.references.extend(part.library.references)
        loaded.library.preserved.update(part.library.preserved)
        loaded.sources.extend(part.sources)
        loaded.input_of.extend(offset + n for n in part.input_of)
        loaded.diagnostics.extend(part.diagnostics)
    return loaded


def _from_library(name: str | None) -> api.Loaded:
    """Every record of refman's library (``name``: a path or URL; None: the configured one)."""
    from .. import config, library_api

    return library_api.library_as_loaded(library_api.open_store(config.library(name)), writable=False).loaded


@dataclass(slots=True)
class Selection:
    """The cited works in order of first citation (``library``), where each missing key is
    cited (name, line), and the ids of entries nobody cites."""

    library: Library
    missing: dict[str, list[tuple[str, int]]]
    unused: list[str]
    by_key: dict[str, Reference]
    near_misses: dict[str, str] = field(default_factory=dict)


def select(
    references: list[Reference], cited: list[tuple[str, Cited]], key_map: dict[str, str] | None = None
) -> Selection:
    """The works ``cited`` ((manuscript name, citation) pairs) names, keys renamed by
    ``key_map`` first; ``*`` adds every other entry after the cited ones, in input order."""
    key_map = key_map or {}
    by_key: dict[str, Reference] = {}
    for ref in references:
        by_key.setdefault(str(ref.id), ref)
    order, everything = first_citation_order(
        replace(item, key=key_map.get(item.key, item.key)) for _, item in cited
    )
    missing: dict[str, list[tuple[str, int]]] = {}
    for name, item in cited:
        key = key_map.get(item.key, item.key)
        if key != "*" and key not in by_key:
            missing.setdefault(key, []).append((name, item.line))
    chosen = [by_key[key] for key in order if key in by_key]
    if everything:
        chosen += [ref for key, ref in by_key.items() if key not in set(order)]
    used = {str(ref.id) for ref in chosen}
    folded = {key.casefold(): key for key in by_key}
    near = {key: folded[key.casefold()] for key in missing if key.casefold() in folded}
    return Selection(Library(references=chosen), missing, [k for k in by_key if k not in used], by_key, near)


def render(selection: Selection, target: str, options: WriteOptions) -> str:
    """The cited works written as ``refman export --to target`` writes them."""
    sort = SORTS.get(options.sort)
    if sort is None:
        raise UsageError(f"unknown --sort {options.sort!r} (choose citation or alphabetical)")
    return api.export(selection.library, target, replace(options, sort=sort))


def numbered(selection: Selection, style: str, options: WriteOptions) -> list[tuple[str, int, str]]:
    """(id, number, plain text) of each cited work, as the list prints them: the in-text
    numbers are read from the very list they point into."""
    if not selection.library.references:
        return []
    rows = json.loads(render(selection, style, replace(options, output_format="json", style=None)))
    return [(str(row["id"]), int(row["number"]), str(row["text"])) for row in rows]


def missing_lines(selection: Selection) -> list[str]:
    """One line per missing key: where it is first cited, how often, a near miss in case."""
    out = []
    for key, places in selection.missing.items():
        name, line = places[0]
        where = f"{name}:{line}" if line else name
        more = f" (and {len(places) - 1} more)" if len(places) > 1 else ""
        hint = f"; did you mean {selection.near_misses[key]!r}?" if key in selection.near_misses else ""
        out.append(f"{where}: {key!r} is cited{more} but no reference has this key{hint}")
    return out


def surnames(ref: Reference) -> tuple[str, ...]:
    """The authors' (else editors') surnames, for "Иванов [1]"."""
    names = ref.author or ref.editor or []
    return tuple(n.family or n.literal or "" for n in names if (n.family or n.literal))


def language(ref: Reference, default: str = "ru") -> str:
    """The entry's language, as the list gives it its terms (writers.csl_prepare)."""
    from ..writers.csl.prepare import entry_language

    return entry_language(ref, default)


def check_source(name: str) -> None:
    """A reference file named in a manuscript that does not exist: one clear line, exit 2."""
    if name != "-" and not os.path.exists(name):
        raise InputError(f"{name}: no such file (named as the manuscript's bibliography)")
