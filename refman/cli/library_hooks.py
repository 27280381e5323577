"""`--library` on the file commands (export, validate, dedupe, show): the records come from
the library instead of INPUT files, and a fix or a merge is written back to it in one change.

``--library`` alone names the configured library; followed by what is clearly a library (a
``postgresql://`` URL, an existing file, a name ending in .sqlite or .db) or written
``--library=VALUE``, it names that one. ``main`` rewrites the bare form to ``--library=``
before Typer parses (see ``bare_library_flag``), so ``refman show --library KEY`` works.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .. import console, io
from ..errors import EXIT_FINDINGS, EXIT_OK, UsageError

if TYPE_CHECKING:
    from ..library_api import FromLibrary

#: Commands where ``--library`` may stand alone (it reads the configured library).
FLAG_COMMANDS = ("export", "validate", "dedupe", "show")

OptionalInputs = Annotated[
    list[str] | None,
    typer.Argument(
        help="Input files, or - for standard input (with --library: none; for show, keys).",
        show_default=False,
        metavar="INPUT...",
    ),
]
LibraryFlag = Annotated[
    str | None,
    typer.Option(
        "--library",
        "-L",
        metavar="[PATH|URL]",
        help="Read the library instead of files: alone, the configured one (see `refman config`).",
    ),
]
Tags = Annotated[list[str] | None, typer.Option("--tag", help="With --library: only records with this tag.")]
Where = Annotated[
    str | None,
    typer.Option(
        "--where", metavar="QUERY", help="With --library: only records matching a query, as `refman list`."
    ),
]


def bare_library_flag(argv: list[str]) -> list[str]:
    """``--library`` not followed by a library (see the module docstring) as ``--library=``,
    for the commands that read files or the library."""
    if not argv or argv[0] not in FLAG_COMMANDS:
        return argv
    out = list(argv)
    for i, arg in enumerate(out):
        if arg == "--":
            break
        if arg in ("--library", "-L") and (i + 1 == len(out) or not _names_library(out[i + 1])):
            out[i] = "--library="
    return out


def tag_arguments(argv: list[str]) -> list[str]:
    """``refman tag KEY +a -b``: options first, then ``--``, so that ``-b`` (or ``-ch2``) is a
    tag to remove, never an option."""
    if not argv or argv[0] != "tag" or "--" in argv:
        return argv
    options: list[str] = []
    rest: list[str] = []
    args = iter(argv[1:])
    for arg in args:
        if arg in ("--library", "-L"):
            options += [arg, next(args, "")]
        elif arg.startswith("--library=") or arg in ("-q", "--quiet", "-v", "--verbose", "-h", "--help"):
            options.append(arg)
        else:
            rest.append(arg)
    return ["tag", *options, "--", *rest]


def _names_library(arg: str) -> bool:
    import os

    if arg.startswith(("postgresql://", "postgres://", "file://")):
        return True
    if arg.startswith("-"):
        return False
    return arg.lower().endswith((".sqlite", ".sqlite3", ".db")) or os.path.isfile(arg)


def inputs_or_library(inputs: list[str] | None, library: str | None, keys_allowed: bool = False) -> list[str]:
    """The INPUT files, checked against ``--library`` (one or the other)."""
    if library is None:
        if not inputs:
            raise UsageError("name INPUT files (- for standard input), or read the library with --library")
        return inputs
    if inputs and not keys_allowed:
        raise UsageError("give INPUT files or --library, not both")
    return inputs or []


def load(
    library: str,
    tags: list[str] | None = None,
    where: str | None = None,
    keys: list[str] | None = None,
    writable: bool = True,
) -> FromLibrary:
    """The library's records (those with ``keys``, or matching ``tags`` and ``where``);
    ``writable`` as ``library_api.library_as_loaded``."""
    from .. import config, library_api

    store = library_api.open_store(config.library(library or None))
    query = library_api.query(where, tags)
    if keys:
        library_api.find(store, keys)  # one line for a key the library lacks
        query.keys += keys
    from .library import Bar

    with Bar("reading the library") as progress:
        return library_api.library_as_loaded(store, query, progress=progress, writable=writable)


def write_back(selected: Any, refs: list[Any], command: str, what: str, quiet: bool) -> int:
    from .. import library_api

    store = selected.store
    changed = library_api.write_back(store, selected, refs, command, what)
    if not quiet:
        sys.stderr.write(
            f"refman: {what}: {changed} records changed in {store.location} (`refman undo` reverts)\n"
        )
    return changed


def fix(selected: Any, api: Any, unsafe: bool, select: Any, ignore: Any, day: Any, exit_zero: bool,
        verbose: bool, quiet: bool) -> int:  # fmt: skip
    """``validate --library --fix``: the fixes applied in the library, in one change."""
    from ..report import findings

    loaded = selected.loaded
    changes = api.fix(loaded, unsafe, select, ignore, day)
    write_back(selected, loaded.library.references, "validate --fix", f"{len(changes)} fixes", quiet)
    remaining = api.left_after_fix(loaded, unsafe, select, ignore, day)
    findings.fixes(changes, len(remaining), verbose, quiet)
    return EXIT_FINDINGS if remaining and not exit_zero else EXIT_OK


def merge(selected: Any, merged: Any, key_map: str | None, quiet: bool) -> None:
    """``dedupe --library --merge``: the merge applied in the library, in one change; the key
    map (old<TAB>new) written where asked."""
    from ..report.keys import key_map_tsv

    write_back(
        selected,
        merged.library.references,
        "dedupe --merge",
        f"merged {len(merged.clusters)} clusters",
        quiet,
    )
    if key_map:
        io.write_output(key_map, key_map_tsv(merged.key_map))
    elif merged.key_map and not quiet:
        console.warn("keys changed; --key-map FILE writes them for `refman rekey`")
