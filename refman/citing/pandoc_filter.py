"""The ``refman-pandoc`` filter's work on a document: GOST in-text references and the list.

Each ``Cite`` becomes "[1]", "[1, с. 15]", "[1; 3]" or "Иванов [1]"; the cited works are
rendered by refman's own engine (``citing.numbered``, that is ``api.export``) and put after
the text, or in a ``::: {#refs}`` div, as a list numbered from 1 under a heading. The
numbers in the text are read from the rendered list itself, so the two cannot disagree, in
citation order or alphabetical. Settings come from the metadata: ``bibliography``,
``refman-style``, ``refman-lang``, ``refman-sort``, ``refman-library``,
``reference-section-title`` and ``suppress-bibliography``, as pandoc's own citeproc reads them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import RefmanError
from ..manuscripts import marks, pandoc_ast
from ..options import WriteOptions
from . import workflow as citing

#: The heading of the list when the metadata names none, by the language of the list.
TITLES = {"ru": "Список литературы", "en": "References"}
DEFAULT_STYLE = "gost"


def _strings(value: Any) -> list[str]:
    if isinstance(value, list):
        return [item for entry in value for item in _strings(entry)]
    return [str(value).strip()] if isinstance(value, str | int) and str(value).strip() else []


def filter_document(document: dict[str, Any], warn: Callable[[str], None]) -> dict[str, Any]:
    """The document with citations numbered and the list appended; problems go to ``warn``
    (one line each), and the document always comes back."""
    cited = pandoc_ast.citations(document)
    if not cited:
        return document
    meta: Callable[[str], Any] = lambda name: pandoc_ast.meta_value(document, name)  # noqa: E731
    lang = (_strings(meta("refman-lang")) or [None])[0]
    list_lang = (lang or "ru").lower().split("-")[0]
    sources = [citing.Source("file", name) for name in _strings(meta("bibliography"))]
    library = meta("refman-library")
    if library:
        sources.append(citing.Source("library", _strings(library)[0] if _strings(library) else None))
    if not sources:
        warn("no bibliography: name one in the metadata (bibliography: refs.bib)")
    loaded = citing.load_references(sources, skip=warn)
    selection = citing.select(loaded.library.references, [("", item) for item in cited])
    options = WriteOptions(lang=lang, sort=(_strings(meta("refman-sort")) or ["citation"])[0])
    style = (_strings(meta("refman-style")) or [DEFAULT_STYLE])[0]
    try:
        rows = citing.numbered(selection, style, options)
    except RefmanError as exc:
        warn(f"{exc.message}; the list is rendered in {DEFAULT_STYLE}")
        rows = citing.numbered(selection, DEFAULT_STYLE, WriteOptions(sort=options.sort))
    number = {key: n for key, n, _ in rows}
    unknown: dict[str, list[str]] = {}

    def mark(node: dict[str, Any]) -> list[dict[str, Any]]:
        items = []
        for item in pandoc_ast.cite_items(node, 0):
            ref = selection.by_key.get(item.key)
            if ref is None:
                unknown.setdefault(item.key, []).append(pandoc_ast.stringify(node).strip())
            items.append(
                marks.Item(
                    item.key,
                    number.get(item.key),
                    item.prefix,
                    item.locator,
                    item.mode,
                    citing.language(ref, list_lang) if ref is not None else list_lang,
                    citing.surnames(ref) if ref is not None else (),
                )
            )
        return pandoc_ast.inlines(marks.mark(items))

    pandoc_ast.replace_cites(document, mark)
    for key, places in unknown.items():
        more = f" and {len(places) - 1} more time{'s' * (len(places) > 2)}" if len(places) > 1 else ""
        hint = f"; did you mean {selection.near_misses[key]!r}?" if key in selection.near_misses else ""
        warn(f"no reference has the key {key!r} (cited as {places[0]}{more}){hint}")
    if rows and meta("suppress-bibliography") is not True:
        titles = _strings(meta("reference-section-title"))
        title = titles[0] if titles else TITLES.get(list_lang, TITLES["en"])
        pandoc_ast.place_bibliography(
            document, pandoc_ast.bibliography_blocks(title, [t for _, _, t in rows])
        )
    return document
