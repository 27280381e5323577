"""`refman add`, `list`, `search`, `tag`, `note`, `rm`, `undo`, `log`: the library commands,
thin shells over ``refman.library_api``."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .. import console, io
from ..errors import EXIT_FINDINGS, UsageError
from ..report import findings
from . import defaults
from .common import Encoding, FromFormat, Inputs, Output, Quiet, Verbose

if TYPE_CHECKING:
    from ..store import Entry, Store

LibraryOption = Annotated[
    str | None,
    typer.Option(
        "--library",
        "-L",
        metavar="PATH|URL",
        help="The library: an SQLite file or postgresql://… (default: REFMAN_LIBRARY, refman.toml, "
        "then the user data folder; see `refman config`).",
    ),
]
Tags = Annotated[list[str] | None, typer.Option("--tag", help="Only records with this tag (repeatable).")]
Types = Annotated[
    list[str] | None, typer.Option("--type", help="Only records of this CSL type (repeatable).")
]
Years = Annotated[
    str | None,
    typer.Option("--year", metavar="A..B", help="Only these years: 2020, 2015..2023, 2020.., ..1999."),
]
Lang = Annotated[str | None, typer.Option("--lang", help="Only records in this language (ru, en, …).")]
ListFormat = Annotated[
    str | None,
    typer.Option(
        "--format",
        help="table (on a terminal), lines (in a pipe), json, keys, or any writer or style "
        "(csl-json, bibtex, biblatex, ris, gost, …).",
    ),
]
#: From this many records on, adding shows a progress bar (on a terminal only).
PROGRESS_FROM = 1000


def open_store(library: str | None, create: bool = False) -> Store:
    from .. import config, library_api

    return library_api.open_store(config.library(library), create)


def add(
    inputs: Inputs,
    library: LibraryOption = None,
    from_format: FromFormat = None,
    encoding: Encoding = None,
    merge: Annotated[
        bool, typer.Option("--merge", help="Merge a likely duplicate into the library's record (lossless).")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Add likely duplicates too.")] = False,
    tag: Tags = None,
    profile: Annotated[
        str, typer.Option("--profile", help="Dedupe profile: strict, balanced or recall.")
    ] = "strict",
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> int:
    """Add the records of INPUT to the library, each checked against it for duplicates first.

    A likely duplicate is reported with its evidence and not added (exit status 1), unless
    --merge or --force. Keys stay unique ignoring case (a clash gets a suffix, reported).
    Prints the keys added. The whole command is one change: `refman undo` reverts it.

    Examples:
      refman add thesis.bib zotero.json seeds/000_fe4f377d4096e258.txt
      pbpaste | refman add -
      refman add new.bib --tag thesis --merge
    """
    from .. import library_api
    from ..reading import open_inputs

    if merge and force:
        raise UsageError("--merge and --force do not go together (--force adds duplicates as they are)")
    # read first: a bad input creates no library
    read = open_inputs(inputs, from_format, encoding, key_pattern=defaults.key_pattern())
    read.read_ahead()
    store = open_store(library, create=True)
    with Bar("adding", quiet) as progress:
        result = library_api.add(store, read, merge, force, tag, profile, progress)
    findings.read_diagnostics(result.diagnostics, verbose, quiet)
    for old, new in result.renamed:
        console.warn(f"key {old!r} is taken in the library (ignoring case); added as {new!r}")
    for dup in result.duplicates:
        evidence = "; ".join(f"{k}: {v}" for k, v in dup.evidence.items())
        what = "merged into" if dup.merged else "not added: a likely duplicate of"
        if not quiet or not dup.merged:
            sys.stderr.write(f"refman: {dup.key} {what} {dup.existing} (score {dup.score:.2f}; {evidence})\n")
    io.write_output(None, "".join(key + "\n" for key in result.added))
    if not quiet:
        skipped = len(result.skipped)
        sys.stderr.write(
            f"refman: added {len(result.added)}, merged {len(result.duplicates) - skipped}, "
            f"skipped {skipped} ({store.location})\n"
        )
    return EXIT_FINDINGS if result.skipped else 0


def list_records(
    query: Annotated[str | None, typer.Argument(help="A query: words and field:value (as search).")] = None,
    library: LibraryOption = None,
    tag: Tags = None,
    type_: Types = None,
    year: Years = None,
    lang: Lang = None,
    output_format: ListFormat = None,
    output: Output = None,
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """List the library's records, in the order they were added.

    Examples:
      refman list --tag thesis --year 2015..2023 --lang ru
      refman list --format keys | wc -l
      refman list 'author:ivanov' --format bibtex -o ivanov.bib
    """
    from .. import library_api

    found = library_api.query(query, tag, type_, year, lang)
    _show(open_store(library), found, output_format, output, ranked=False, limit=None)


def search(
    query: Annotated[
        str,
        typer.Argument(
            help="Words and field:value: author:, title:, container:, abstract:, keyword:, note:, tag:, year:, type:, lang:."
        ),
    ],
    library: LibraryOption = None,
    tag: Tags = None,
    type_: Types = None,
    year: Years = None,
    lang: Lang = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many records (0: all).")] = 50,
    output_format: ListFormat = None,
    output: Output = None,
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> int:
    """Search the library, best matches first: title, names, container, abstract, keywords,
    notes and tags; case, diacritics and Cyrillic/Latin spelling do not matter.

    Examples:
      refman search 'Вишневецкий'
      refman search 'author:ivanov title:санкции year:2020..'
    """
    from .. import library_api

    found = library_api.query(query, tag, type_, year, lang)
    if not found.terms and not query.strip():
        raise UsageError("search for what? (give words, or use `refman list` for everything)")
    count = _show(open_store(library), found, output_format, output, ranked=True, limit=limit or None)
    return 0 if count else EXIT_FINDINGS


def _show(
    store: Store, found: Any, fmt: str | None, output: str | None, ranked: bool, limit: int | None
) -> int:
    from .. import api, library_api

    fmt = fmt or ("table" if console.is_terminal() and output is None else "lines")
    if fmt == "keys":
        keys = list(store.keys(found, ranked, limit))
        io.write_output(output, "".join(key + "\n" for key in keys))
        return len(keys)
    if fmt in ("table", "lines", "json"):
        entries = library_api.entries(store, found, ranked, limit)
        if fmt == "table":
            return _table(list(entries))
        render = {"lines": _line, "json": None}[fmt]
        if render is None:
            items = [_json(e) for e in entries]
            io.write_output(output, json.dumps(items, ensure_ascii=False, indent=2) + "\n")
            return len(items)
        count, parts = 0, []
        for entry in entries:
            parts.append(render(entry))
            count += 1
        io.write_output(output, "".join(parts))
        return count
    api.writer_for(fmt)
    selected = library_api.library_as_loaded(store, found, ranked, writable=False)
    io.write_output(output, api.export(selected.loaded.library, fmt))
    return len(selected.ids)


def _line(entry: Entry) -> str:
    cells = [entry.key, str(entry.year or ""), entry.type, entry.names, entry.title, ",".join(entry.tags)]
    return "\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells) + "\n"


def _json(entry: Entry) -> dict[str, Any]:
    return {"key": entry.key, "type": entry.type, "year": entry.year, "language": entry.language,
            "authors": entry.names, "title": entry.title, "tags": entry.tags, "notes": entry.notes,
            "csl": json.loads(entry.csl)}  # fmt: skip


def _table(entries: list[Entry]) -> int:
    columns = [
        console.Column(name, fold=True) for name in ("key", "year", "type", "authors", "title", "tags")
    ]
    rows = [([e.key, str(e.year or ""), e.type, e.names, e.title, ", ".join(e.tags)], None) for e in entries]
    console.print_table(columns, rows)
    console.print_text(f"{len(entries)} record{'s' if len(entries) != 1 else ''}")
    return len(entries)


def tag(
    key: Annotated[str, typer.Argument(help="The record's key.")],
    changes: Annotated[list[str], typer.Argument(help="+tag adds, -tag removes.", metavar="+TAG|-TAG...")],
    library: LibraryOption = None,
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """Add (+tag) and remove (-tag) tags of a record. Example: refman tag smith2020 +thesis -draft"""
    from .. import library_api

    tags, _ = library_api.tag(open_store(library), key, changes)
    io.write_output(None, " ".join(tags) + "\n" if tags else "")


def note(
    key: Annotated[str, typer.Argument(help="The record's key.")],
    text: Annotated[
        str | None, typer.Argument(help="The note to add (- reads standard input); none: print the notes.")
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace the notes instead of adding a paragraph.")
    ] = False,
    library: LibraryOption = None,
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """Add a note to a record (searchable), or print its notes. Example: refman note smith2020 'read ch. 2'"""
    from .. import library_api

    if text == "-":
        text = io.read_text("-").text.strip()
    notes = library_api.note(open_store(library), key, text, append=not replace)
    io.write_output(None, notes + "\n" if notes else "")


def rm(
    keys: Annotated[list[str], typer.Argument(help="Keys of the records to remove.", metavar="KEY...")],
    library: LibraryOption = None,
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """Remove records (one change; `refman undo` brings them back). Example: refman rm smith2020"""
    from .. import library_api

    removed = library_api.remove(open_store(library), keys)
    if not quiet:
        sys.stderr.write(f"refman: removed {', '.join(removed)}\n")


def undo(library: LibraryOption = None, verbose: Verbose = False, quiet: Quiet = False) -> None:
    """Revert the last change (again for the one before). Example: refman rm smith2020 && refman undo"""
    from .. import library_api

    summary = library_api.undo(open_store(library))
    if not quiet:
        sys.stderr.write(f"refman: {summary}\n")


def log(
    library: LibraryOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="The last N changes (0: all).")] = 20,
    output_format: Annotated[str, typer.Option("--format", help="lines or json.")] = "lines",
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """The library's changes, newest first: number, time (UTC), command, summary."""
    from .. import library_api

    changes = library_api.log(open_store(library), limit or None)
    if output_format == "json":
        io.write_output(None, json.dumps(changes, ensure_ascii=False, indent=2) + "\n")
        return
    if output_format != "lines":
        raise UsageError(f"unknown --format {output_format!r} (choose lines or json)")
    lines = []
    for c in changes:
        state = f" (undone by #{c['undone_by']})" if c["undone_by"] else ""
        lines.append(f"#{c['id']}\t{c['time']}\t{c['command']}\t{c['summary']}{state}\n")
    io.write_output(None, "".join(lines))


class Bar:
    """A progress bar on standard error for long runs on a terminal; never in a pipe."""

    def __init__(self, what: str, quiet: bool = False) -> None:
        self.what = what
        self.enabled = not quiet and console.is_terminal(sys.stderr)
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> Any:
        return self.update if self.enabled else None

    def update(self, done: int, total: int) -> None:
        if self.bar is None:
            if total < PROGRESS_FROM:
                return
            self.bar = console.Progress(True)
            self.task = self.bar.__enter__()
        if self.task is not None:
            self.task(self.what, done, total)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)
