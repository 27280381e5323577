"""`refman show`: what was read, as a table on a terminal, as lines or JSON in a pipe."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .. import console, io
from .common import Encoding, FromFormat, Quiet, ReportFormat, Verbose
from .library_hooks import LibraryFlag, OptionalInputs
from .report import report_read_diagnostics

if TYPE_CHECKING:
    from ..model import Library, Reference


def show(
    inputs: OptionalInputs = None,
    from_format: FromFormat = None,
    encoding: Encoding = None,
    output_format: ReportFormat = "text",
    verbose: Verbose = False,
    quiet: Quiet = False,
    library: LibraryFlag = None,
) -> None:
    """Show the records read from INPUT: the article a page describes and its references.

    Examples:
      refman show seeds/000_fe4f377d4096e258.txt
      refman show --library zainullin2021russian     # records of the library, by key
    """
    from .. import api
    from . import library_hooks

    inputs = library_hooks.inputs_or_library(inputs, library, keys_allowed=True)
    if library is not None:
        loaded = library_hooks.load(library, keys=inputs).loaded
    else:
        loaded = api.load(inputs, from_format, encoding)
    report_read_diagnostics(loaded.diagnostics, verbose, quiet)
    library = loaded.library
    if output_format == "json":
        io.write_output(None, json.dumps(_as_json(library), ensure_ascii=False, indent=2) + "\n")
    elif console.is_terminal():
        _table(library)
    else:
        io.write_output(None, "".join(_line(i, ref) for i, ref in enumerate(library.references, 1)))


def _as_json(library: Library) -> dict:
    article = (
        library.article.model_dump(mode="json", exclude={"references"}, exclude_none=True)
        if library.article
        else None
    )
    return {"article": article, "references": [ref.to_csl() for ref in library.references]}


def _date(ref: Reference, var: str) -> str:
    value = ref.get(var)
    if value is None:
        return ""
    parts = value.parts
    text = (
        "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))
        if parts
        else (value.raw or value.literal or "")
    )
    if value.reading is not None and value.reading.ambiguous:
        text += "?"
    return text


def _authors(ref: Reference) -> str:
    return "; ".join(name.display() for name in ref.names)


def _line(number: int, ref: Reference) -> str:
    cells = [str(number), str(ref.id), ref.type, _authors(ref), ref.title or "", ref.container_title or "",
             _date(ref, "issued"), _date(ref, "accessed")]  # fmt: skip
    return "\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in cells) + "\n"


def _table(library: Library) -> None:
    from rich.table import Table

    out = console.rich_console()
    article = library.article
    if article is not None:
        head = Table.grid(padding=(0, 2))
        head.add_column(style="bold")
        head.add_column()
        rows = [
            ("Title", article.title), ("Type", article.publication_type), ("Status", article.status),
            ("Author", "; ".join(n.display() for n in article.author or []) or "unknown (the page names none)"),
            ("Occupation", article.occupation), ("Affiliation", article.affiliation),
            ("Address", article.address), ("Journal", article.journal), ("Issue", article.issue),
            ("Published", article.publication_date.raw if article.publication_date else None),
            ("Keywords", "; ".join(article.keywords)),
            ("Characters", str(article.characters) if article.characters is not None else None),
            ("Price", article.price),
        ]  # fmt: skip
        for label, value in rows:
            if value:
                head.add_row(label, value)
        out.print(head)
        out.print()
    table = Table(show_lines=False, expand=True)
    for column, kwargs in (("#", {"justify": "right"}), ("Key", {}), ("Type", {}), ("Author", {}),
                           ("Title", {"ratio": 3}), ("Outlet", {"ratio": 1}), ("Issued", {}),
                           ("Accessed", {})):  # fmt: skip
        table.add_column(column, overflow="fold", **kwargs)
    for number, ref in enumerate(library.references, 1):
        table.add_row(str(number), str(ref.id), ref.type, _authors(ref), ref.title or "",
                      ref.container_title or "", _date(ref, "issued"), _date(ref, "accessed"))  # fmt: skip
    out.print(table)
    out.print(f"{len(library.references)} references", style="dim")
    if any(_date(ref, "issued").endswith("?") for ref in library.references):
        out.print(
            "? an ambiguous date, read by the list's own convention (refman validate says why)", style="dim"
        )
