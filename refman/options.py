"""Options that travel from the CLI to the writers, as one immutable value."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class WriteOptions:
    #: CSL-JSON: one object per line instead of an array.
    json_lines: bool = False
    #: Style rendering: "text", "html", "markdown" or "json".
    output_format: str = "text"
    #: Style rendering: the language of prescribed words ("ru", "en"); None = the style's own.
    lang: str | None = None
    #: Style rendering: "given" (input order) or "alphabetical".
    sort: str = "given"
    #: A CSL style: a bundled name or alias, or a path to a .csl file.
    style: str | None = None
    #: Style rendering: "fast" (the compiled layout) or "citeproc" (citeproc-py's own element
    #: classes, the same text, slower); None = REFMAN_RENDERER, else "fast".
    renderer: str | None = None
    #: Put the page's own article first, as a record of its own (pages like the seed only).
    with_article: bool = False
