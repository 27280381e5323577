"""`refman export`: convert to a data format or render with a bibliography style."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from .. import console, io
from ..options import OUTPUT_FORMATS, SORTS
from ..report import findings
from ..report.keys import key_map_tsv
from .common import (
    Encoding,
    FromFormat,
    Output,
    Quiet,
    ShortAreas,
    Verbose,
    WithArticle,
    check_applies,
    choice,
)
from .library_hooks import LibraryFlag, OptionalInputs, Tags, Where


class Renderer(StrEnum):
    """How a style renders (refman.writers.csl.compile.fast.RENDERERS): a closed choice."""

    fast = "fast"
    citeproc = "citeproc"


def export(
    ctx: typer.Context,
    inputs: OptionalInputs = None,
    to: Annotated[
        str,
        typer.Option(
            "--to", "-t", help="csl-json, bibtex, biblatex, ris, or a style: gost, gost-r-7.0.5-2008."
        ),
    ] = "csl-json",
    from_format: FromFormat = None,
    encoding: Encoding = None,
    output: Output = None,
    with_article: WithArticle = False,
    json_lines: Annotated[bool, typer.Option("--json-lines", help="CSL-JSON: one item per line.")] = False,
    style: Annotated[
        str | None, typer.Option("--style", help="A CSL style: bundled name or .csl path.")
    ] = None,
    output_format: Annotated[
        str,
        choice(
            "--output-format",
            choices=OUTPUT_FORMATS,
            help="For styles: text, html, markdown, json, latex (a thebibliography environment) or "
            "docx (a Word document: with -o, or to a pipe).",
        ),
    ] = "text",
    lang: Annotated[
        str | None, typer.Option("--lang", help="For styles: language of prescribed words (ru, en).")
    ] = None,
    sort: Annotated[
        str, choice("--sort", choices=SORTS, help="For styles: given (input order) or alphabetical.")
    ] = "given",
    renderer: Annotated[
        Renderer | None,
        typer.Option(
            "--renderer",
            help="For styles: fast (compiled) or citeproc (citeproc-py itself; same text, slower). "
            "Default: REFMAN_RENDERER, else fast.",
        ),
    ] = None,
    short_areas: ShortAreas = False,
    key_map: Annotated[
        str | None,
        typer.Option("--key-map", help="BibTeX/BibLaTeX: write every changed key as old<TAB>new here."),
    ] = None,
    library: LibraryFlag = None,
    tag: Tags = None,
    where: Where = None,
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> None:
    """Write the records of INPUT in another format, or as a formatted bibliography.

    Examples:
      refman export seeds/000_fe4f377d4096e258.txt --to csl-json
      refman export refs.bib --to gost --output-format html
      refman export refs.bib --to gost --output-format docx -o refs.docx
      cat list.txt | refman export - --from reflist --to bibtex -o refs.bib
      refman export zotero.json --to biblatex -o refs.bib --key-map keys.tsv
      refman export --library --tag thesis --to gost --output-format html
    """
    from .. import api
    from ..options import WriteOptions
    from . import defaults

    to = defaults.configured(ctx, "to", "style", to)  # refman.toml's style when --to is left off
    target = style if style and to == "csl-json" else to
    name, is_style = api.writer_for(target)
    if is_style:
        output_format = defaults.output_format(ctx, output_format)
        lang = defaults.configured(ctx, "lang", "lang", lang)
    check_applies(ctx, name, is_style, output_format, output)
    from . import library_hooks

    inputs = library_hooks.inputs_or_library(inputs, library)
    if library is not None:
        loaded = library_hooks.load(library, tag, where, writable=False).loaded
    else:
        loaded = api.load(
            inputs, from_format, encoding, with_article=with_article, key_pattern=defaults.key_pattern()
        )
    findings.read_diagnostics(loaded.diagnostics, verbose, quiet)
    options = WriteOptions(
        json_lines=json_lines,
        output_format=output_format,
        lang=lang,
        sort=sort,
        style=style,
        renderer=renderer.value if renderer is not None else None,
        short_areas=short_areas,
    )
    for loss in api.dialect_losses(loaded.library, target):
        console.warn(loss)
    # \bibitem keys follow the BibTeX writer's rule (refman.writers.csl.latex)
    changes = api.key_changes(loaded.library, "bibtex" if is_style and output_format == "latex" else target)
    for old, new in changes:
        console.warn(f"key {old!r} written as {new!r}: {api.key_change_reason(old, new)}")
    io.write_output(output, api.export(loaded.library, target, options))
    if key_map:
        io.write_output(key_map, key_map_tsv(changes))
