"""Options that travel from the CLI to the writers, as one immutable value."""

from __future__ import annotations

from dataclasses import dataclass

#: What a style renders to: ``--output-format`` (docx is the one binary output).
OUTPUT_FORMATS = ("text", "html", "markdown", "json", "latex", "docx")
#: The order of a rendered list: ``--sort``.
SORTS = ("given", "alphabetical")
#: Options that only a style's rendering reads: given with a data format they are an error.
STYLE_ONLY = ("--style", "--output-format", "--lang", "--sort", "--short-areas", "--renderer")


@dataclass(frozen=True, slots=True)
class WriteOptions:
    #: CSL-JSON: one object per line instead of an array.
    json_lines: bool = False
    #: Style rendering: one of OUTPUT_FORMATS.
    output_format: str = "text"
    #: Style rendering: the language of prescribed words ("ru", "en"); None = the style's own.
    lang: str | None = None
    #: Style rendering: "given" (input order) or "alphabetical".
    sort: str = "given"
    #: A CSL style: a bundled name or alias, or a path to a .csl file.
    style: str | None = None
    #: GOST styles: areas separated by ". " (GOST R 7.0.5-2008's permitted short form), not ". – ".
    short_areas: bool = False
    #: Style rendering: "fast" (the compiled layout) or "citeproc" (citeproc-py's own element
    #: classes, the same text, slower); None = REFMAN_RENDERER, else "fast".
    renderer: str | None = None
