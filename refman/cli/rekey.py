"""`refman rekey`: rename citation keys in LaTeX and Markdown manuscripts after a merge."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Annotated

import typer

from .. import console, io
from ..errors import EXIT_FINDINGS, UsageError
from .common import Encoding


@dataclass(slots=True)
class _Done:
    """One manuscript, rewritten in memory: nothing is written before every file has been read."""

    name: str
    data: bytes
    before: str
    after: str
    keys: int
    citations: int
    missed: tuple[tuple[int, str, str], ...]


def rekey(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="LaTeX or Markdown files, rewritten in place; - reads standard input and writes "
            "standard output.",
            show_default=False,
            metavar="FILE...",
        ),
    ],
    key_map: Annotated[
        str,
        typer.Option(
            "--key-map",
            "-k",
            help="old<TAB>new lines, as `refman dedupe --merge --key-map` writes them.",
            metavar="FILE",
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="Print a unified diff of the changes; write nothing.")
    ] = False,
    check: Annotated[
        bool,
        typer.Option("--check", help="Write nothing; exit with status 1 if any citation would change (CI)."),
    ] = False,
    syntax: Annotated[
        str | None,
        typer.Option(
            "--from",
            "-f",
            help="latex or markdown (default: by extension: .tex .ltx .latex; .md .markdown .Rmd .qmd).",
            metavar="SYNTAX",
        ),
    ] = None,
    commands: Annotated[
        list[str] | None,
        typer.Option(
            "--command",
            help="Another LaTeX citation command of the \\name[pre][post]{keys} form (repeatable): "
            "--command citeA.",
            metavar="NAME",
        ),
    ] = None,
    encoding: Encoding = None,
) -> int:
    """Rename cited keys in manuscripts, as a key map says (after `refman dedupe --merge`).

    LaTeX: every natbib and biblatex citation command (\\cite, \\citep, \\parencite,
    \\textcite, \\autocite, \\footcite, \\cites …, \\volcite …), never in comments or verbatim.
    Markdown: pandoc citations ([@key], [see @a; @b, p. 3], @key, [-@key], @{key}) in the
    text and the YAML front matter (nocite), and raw LaTeX citations; never in code. Only
    mapped keys change; every other byte, the encoding and the line ends stay. Nothing is
    written unless every file could be read and rewritten; each is then replaced atomically.
    A mapped key left in a command refman does not know (\\citeA) is reported with the
    --command that renames it.

    Examples:
      refman dedupe refs.bib --merge --to bibtex -o merged.bib --key-map keys.tsv
      refman rekey --key-map keys.tsv paper.tex chapters/*.tex notes.md
      refman rekey --key-map keys.tsv --dry-run paper.tex > rekey.diff
      refman rekey --key-map keys.tsv --check *.md      # exit 1 if anything would change
      refman rekey -k keys.tsv --from markdown - < draft.md > fixed.md
    """
    from .. import api

    if inputs.count(io.STDIO) + (key_map == io.STDIO) > 1:
        raise UsageError("standard input (-) can be read only once")
    names = tuple(name.lstrip("\\") for name in commands or ())
    loaded = api.read_key_map(io.read_text(key_map).text, key_map)
    for chain in loaded.chains:
        console.warn(f"{key_map}: chain {' → '.join(chain)}: {chain[0]} becomes {chain[-1]}")
    done: list[_Done] = []
    seen: set[str] = set()
    for name in inputs:
        real = name if name == io.STDIO else os.path.realpath(name)
        if real in seen:
            continue  # the same file twice would be renamed twice (a → b, then b → …)
        seen.add(real)
        kind = api.manuscript_syntax(name, syntax)
        data = io.read_bytes(name)
        exact = io.decode_exact(name, data, encoding)
        result = api.rekey(name, exact.text, kind, loaded.mapping, names)
        data = exact.encode(result.text) if result.keys else data
        done.append(_Done(name, data, exact.text, result.text, result.keys, result.citations, result.missed))
    changed = [item for item in done if item.keys]
    if dry_run:
        io.write_output(None, "".join(api.manuscript_diff(i.name, i.before, i.after) for i in changed))
    for item in done:
        if not (dry_run or check) and (item.keys or item.name == io.STDIO):
            io.replace_file(item.name, item.data)
        verb = "would change" if dry_run or check else "changed"
        sys.stderr.write(f"refman: {item.name}: {_count(item.citations, 'citation')} {verb} "
                         f"({_count(item.keys, 'key')})\n")  # fmt: skip
        _warn_missed(item)
    return EXIT_FINDINGS if check and changed else 0


def _warn_missed(item: _Done) -> None:
    """One line per unknown citation-like command (``\\citeA``) that holds mapped keys."""
    by_command: dict[str, list[tuple[int, str]]] = {}
    for offset, kind, key in item.missed:
        by_command.setdefault(kind.rstrip("*"), []).append((offset, key))
    for command, hits in by_command.items():
        line = item.before.count("\n", 0, hits[0][0]) + 1
        keys = ", ".join(dict.fromkeys(key for _, key in hits))
        console.warn(
            f"{item.name}:{line}: {_count(len(hits), 'mapped key')} ({keys}) left in \\{command}, which "
            f"refman does not know as a citation; --command {command} renames them"
        )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
