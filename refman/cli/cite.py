"""`refman cite`: the bibliography of a manuscript, the cited works only, numbered by first citation."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from .. import console, io
from ..errors import EXIT_FINDINGS, UsageError
from ..options import OUTPUT_FORMATS
from ..report import findings
from .common import Encoding, Output, Quiet, ShortAreas, Verbose, check_applies, choice

#: The orders of a manuscript's list (``citing.workflow.SORTS``, named here so that --help
#: does not import the workflow).
CITE_SORTS = ("citation", "alphabetical")


def cite(
    ctx: typer.Context,
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Manuscripts: LaTeX (.tex), pandoc Markdown (.md), or what LaTeX wrote (.aux, .bcf).",
            show_default=False,
            metavar="FILE...",
        ),
    ],
    bib: Annotated[
        list[str] | None,
        typer.Option(
            "--bib",
            "-b",
            help="A reference file (BibTeX, CSL-JSON, CSL-YAML, RIS …; repeatable). Default: the "
            "manuscript's own (YAML bibliography:, \\addbibresource, \\bibliography).",
            metavar="FILE",
        ),
    ] = None,
    library: Annotated[
        bool, typer.Option("--library", help="Take the references from refman's library.")
    ] = False,
    to: Annotated[
        str, typer.Option("--to", "-t", help="A style (gost, gost-r-7.0.5-2008, a .csl) or a data format.")
    ] = "gost",
    output_format: Annotated[
        str,
        choice("--output-format", choices=OUTPUT_FORMATS, help="For styles: as `refman export`."),
    ] = "text",
    lang: Annotated[
        str | None, typer.Option("--lang", help="For styles: language of prescribed words (ru, en).")
    ] = None,
    sort: Annotated[
        str,
        choice("--sort", choices=CITE_SORTS, help="citation (order of first citation) or alphabetical."),
    ] = "citation",
    short_areas: ShortAreas = False,
    output: Output = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Write no list: exit 1 if a cited key has no reference; list unused entries."
        ),
    ] = False,
    key_map: Annotated[
        str | None,
        typer.Option(
            "--key-map",
            "-k",
            help="old<TAB>new keys (from `refman dedupe --merge`), applied to the citations first.",
            metavar="FILE",
        ),
    ] = None,
    syntax: Annotated[
        str | None,
        typer.Option(
            "--from", "-f", help="latex, markdown, aux or bcf (default: by extension).", metavar="SYNTAX"
        ),
    ] = None,
    commands: Annotated[
        list[str] | None,
        typer.Option(
            "--command",
            help="Another LaTeX citation command, \\name[pre][post]{keys} (repeatable).",
            metavar="NAME",
        ),
    ] = None,
    encoding: Encoding = None,
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> int:
    """Write the bibliography of a manuscript: only the works it cites, numbered in the order of
    first citation (or --sort alphabetical), in GOST or any style and every output format of
    `refman export`.

    Citations are read as `refman rekey` reads them (never in comments, verbatim or code;
    Markdown through pandoc's own reader when pandoc is installed), with \\nocite{*} and
    nocite: '@*' adding every other entry. A cited key that no reference has is one warning
    line naming where it is cited; with --check it is a finding (exit 1), and the entries no
    one cites are listed.

    Examples:
      refman cite paper.md --bib refs.bib --to gost
      refman cite paper.md                                   # the YAML bibliography: field
      refman cite thesis.tex chapters/*.tex --to gost --output-format html -o refs.html
      refman cite thesis.aux --bib refs.bib --sort alphabetical
      refman cite paper.md --bib merged.bib --key-map keys.tsv
      refman cite paper.md --bib refs.bib --check            # exit 1 on a missing key
    """
    from .. import api
    from ..citing import workflow as citing
    from ..options import WriteOptions

    if inputs.count(io.STDIO) + (key_map == io.STDIO) + (bib or []).count(io.STDIO) > 1:
        raise UsageError("standard input (-) can be read only once")
    if output_format != "text" and check:
        raise UsageError("--check writes no list; leave out --output-format")
    from . import defaults

    to = defaults.configured(ctx, "to", "style", to)  # refman.toml's style when --to is left off
    name, is_style = api.writer_for(to)
    if is_style and not check:
        output_format = defaults.output_format(ctx, output_format)
        lang = defaults.configured(ctx, "lang", "lang", lang)
    check_applies(ctx, name, is_style, output_format, output)
    names = tuple(name.lstrip("\\") for name in commands or ())
    manuscripts = _read_all(inputs, syntax, names, encoding)
    sources = [citing.Source("file", name) for name in bib or []]
    if library:
        sources.append(citing.Source("library"))
    if not sources:
        named = dict.fromkeys(file for m in manuscripts for file in m.bibliography)
        for file in named:
            citing.check_source(file)
        sources = [citing.Source("file", file) for file in named]
    if not sources:
        raise UsageError("no references: give --bib FILES, or name them in the manuscript (bibliography:)")
    loaded = citing.load_references(sources, encoding)
    findings.read_diagnostics(loaded.diagnostics, verbose, quiet)
    mapping = api.read_key_map(io.read_text(key_map).text, key_map).mapping if key_map else {}
    cited = [(m.name, item) for m in manuscripts for item in m.cited]
    selection = citing.select(loaded.library.references, cited, mapping)
    for line in citing.missing_lines(selection):
        console.warn(line)
    if not cited:
        console.warn(f"no citations found in {', '.join(m.name for m in manuscripts)}")
    if check:
        for key in selection.unused:
            origin = selection.by_key[key].origin
            where = f"{origin.path}: " if origin is not None and origin.path else ""
            console.warn(f"{where}{key!r} is never cited")
        works = len(selection.library.references)
        sys.stderr.write(
            f"refman: {works} cited work{'s' * (works != 1)}, {len(selection.missing)} missing "
            f"key{'s' * (len(selection.missing) != 1)}, {len(selection.unused)} never cited\n"
        )
        return EXIT_FINDINGS if selection.missing else 0
    options = WriteOptions(output_format=output_format, lang=lang, sort=sort, short_areas=short_areas)
    io.write_output(output, citing.render(selection, to, options))
    return 0


def _read_all(inputs: list[str], syntax: str | None, names: tuple[str, ...], encoding: str | None) -> list:
    """Every manuscript read, and the .aux files an .aux includes (one per \\include)."""
    from ..citing import workflow as citing

    done = []
    seen: set[str] = set()
    queue = [(name, syntax) for name in inputs]
    while queue:
        name, given = queue.pop(0)
        real = name if name == io.STDIO else os.path.realpath(name)
        if real in seen:
            continue
        seen.add(real)
        kind = citing.syntax_of(name, given)
        manuscript = citing.read_manuscript(name, io.read_text(name, encoding).text, kind, names)
        done.append(manuscript)
        queue.extend((include, "aux") for include in manuscript.includes if os.path.exists(include))
    return done
