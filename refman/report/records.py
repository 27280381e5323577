"""The records read (``refman show``): a table on a terminal, tab-separated lines in a pipe, JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .. import console

if TYPE_CHECKING:
    from ..model import Library, Reference


def as_json(library: Library) -> str:
    article = (
        library.article.model_dump(mode="json", exclude={"references"}, exclude_none=True)
        if library.article
        else None
    )
    doc = {"article": article, "references": [ref.to_csl() for ref in library.references]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def as_lines(library: Library) -> str:
    return "".join(_line(number, ref) for number, ref in enumerate(library.references, 1))


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


def _cells(number: int, ref: Reference) -> list[str]:
    return [str(number), str(ref.id), ref.type, _authors(ref), ref.title or "", ref.container_title or "",
            _date(ref, "issued"), _date(ref, "accessed")]  # fmt: skip


def _line(number: int, ref: Reference) -> str:
    return "\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in _cells(number, ref)) + "\n"


def table(library: Library) -> None:
    """The page's article (label: value), then one row a record, then the count."""
    article = library.article
    if article is not None:
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
        head = [console.Column(style="bold"), console.Column()]
        console.print_table(head, [((label, value), None) for label, value in rows if value], grid=True)
        console.print_text()
    columns = [console.Column("#", justify="right", fold=True), console.Column("Key", fold=True),
               console.Column("Type", fold=True), console.Column("Author", fold=True),
               console.Column("Title", ratio=3, fold=True), console.Column("Outlet", ratio=1, fold=True),
               console.Column("Issued", fold=True), console.Column("Accessed", fold=True)]  # fmt: skip
    rows = [(_cells(number, ref), None) for number, ref in enumerate(library.references, 1)]
    console.print_table(columns, rows)
    console.print_text(f"{len(library.references)} references", style="dim")
    if any(_date(ref, "issued").endswith("?") for ref in library.references):
        console.print_text(
            "? an ambiguous date, read by the list's own convention (refman validate says why)", style="dim"
        )
