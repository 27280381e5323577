"""`refman dedupe`: duplicates with the evidence for each, a CI check, and a lossless merge."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import console, io
from ..errors import EXIT_FINDINGS, UsageError
from ..report import clusters as report_clusters
from ..report import findings
from ..report.keys import key_map_tsv
from . import defaults
from .common import Encoding, FromFormat, Output, Quiet, ReportFormat, Verbose, choice, given
from .library_hooks import LibraryFlag, OptionalInputs, Tags, Where

#: Below this many records a run is too short for a progress bar to help.
PROGRESS_FROM = 5000
PROFILES = ("strict", "balanced", "recall")
SURVIVORS = ("complete", "first")


def dedupe(
    ctx: typer.Context,
    inputs: OptionalInputs = None,
    from_format: FromFormat = None,
    encoding: Encoding = None,
    output_format: ReportFormat = "text",
    profile: Annotated[
        str,
        choice(
            "--profile",
            choices=PROFILES,
            help="strict (precision first), balanced, or recall (also merges a conference "
            "paper, a report or a reprint with its journal version, tolerates a year's difference).",
        ),
    ] = "strict",
    check: Annotated[
        bool, typer.Option("--check", help="Exit with status 1 if any duplicate is found.")
    ] = False,
    merge: Annotated[
        bool, typer.Option("--merge", help="Write the library with one record per cluster (lossless).")
    ] = False,
    to: Annotated[
        str,
        typer.Option("--to", "-t", help="With --merge: the output format (csl-json, bibtex, biblatex, ris)."),
    ] = "csl-json",
    output: Output = None,
    key_map: Annotated[
        str | None, typer.Option("--key-map", help="With --merge: write old key → new key as TSV here.")
    ] = None,
    distinct: Annotated[
        str | None,
        typer.Option("--distinct", help="TSV of key pairs ruled different works (key<TAB>key per line)."),
    ] = None,
    keep: Annotated[
        list[str] | None,
        typer.Option(
            "--keep",
            metavar="KEY[,KEY…]",
            help="With --merge: a cluster with one of these keys keeps it (repeatable; the first "
            "listed wins when a cluster has two).",
        ),
    ] = None,
    keep_file: Annotated[
        str | None,
        typer.Option(
            "--keep-file",
            metavar="FILE",
            help="With --merge: keys to keep, as --keep, one or more a line (# comments).",
        ),
    ] = None,
    prefer: Annotated[
        list[str] | None,
        typer.Option(
            "--prefer",
            metavar="INPUT",
            help="With --merge: a cluster with a record from this input keeps that record's key and "
            "values (repeatable, most preferred first).",
        ),
    ] = None,
    survivor: Annotated[
        str,
        choice(
            "--survivor",
            choices=SURVIVORS,
            help="With --merge, where --keep and --prefer do not decide: complete (the record that "
            "says the most) or first (the first in input order).",
        ),
    ] = "complete",
    library: LibraryFlag = None,
    tag: Tags = None,
    where: Where = None,
    verbose: Verbose = False,
    quiet: Quiet = False,
) -> int:
    """Find records that describe the same work, across files, formats and scripts.

    Every cluster comes with its score, the threshold and per-field evidence. With --merge,
    one record survives per cluster: its key is kept and its values win where the members
    disagree (the others are kept as -variant fields); every crossref, xref, xdata, related
    and entryset naming a merged-away key is rewritten to the surviving one. Which record
    survives and why is reported on standard error.

    Examples:
      refman dedupe a.bib b.json seeds/000_fe4f377d4096e258.txt
      refman dedupe a.bib b.json --format json
      refman dedupe a.bib b.json --merge --to bibtex -o merged.bib --key-map keys.tsv
      refman dedupe mine.bib theirs.bib --merge --to bibtex --prefer mine.bib
      refman dedupe a.bib --merge --to bibtex --keep knuth84,lamport94 --keep-file cited.txt
      refman dedupe a.bib b.bib --merge --to bibtex --survivor first
      refman dedupe --library --merge --key-map keys.tsv   # merged in the library, in one change
    """
    from .. import api

    merge_only = {"--key-map": key_map, "--keep": keep, "--keep-file": keep_file, "--prefer": prefer,
                  "--survivor": survivor != "complete"}  # fmt: skip
    for option, value in merge_only.items():
        if value and not merge:
            raise UsageError(f"{option} needs --merge")
    if not merge and given(ctx, "to"):
        raise UsageError("--to needs --merge (the report's format is --format)")
    if merge and given(ctx, "output_format"):
        raise UsageError("--format is for the report; --merge writes data (choose it with --to)")
    if merge:
        api.writer_for(to)
    decisions = io.read_text(distinct).text if distinct else None
    keys = [k for value in keep or [] for k in api.parse_keys(value)]
    keys += api.parse_keys(io.read_text(keep_file).text) if keep_file else []
    from . import library_hooks

    inputs = library_hooks.inputs_or_library(inputs, library)
    selected = library_hooks.load(library, tag, where) if library is not None else None
    loaded = (
        selected.loaded
        if selected is not None
        else api.load(inputs, from_format, encoding, key_pattern=defaults.key_pattern())
    )
    rule = api.survivor_rule(loaded, keys, prefer, survivor) if merge else None
    findings.read_diagnostics(loaded.diagnostics, verbose, quiet)
    refs = loaded.library.references
    with console.Progress(len(refs) >= PROGRESS_FROM) as progress:
        result = api.dedupe(loaded, profile, decisions, progress)
    for key in result.unknown_keys:
        console.warn(f"{distinct}: no record has the key {key!r}")
    clusters = result.clusters
    kept = None
    if merge:
        merged = api.merge_duplicates(loaded, clusters, rule)
        report_clusters.merge_report(merged, quiet)
        if selected is not None and output is None:
            library_hooks.merge(selected, merged, key_map, quiet)
            console.say(report_clusters.summary(len(refs), clusters, profile, len(merged.library.references)))
            return 0
        written = dict(api.key_changes(merged.library, to))  # keys the writer must change too
        for old, new in written.items():
            console.warn(f"key {old!r} written as {new!r}: {api.key_change_reason(old, new)}")
        io.write_output(output, api.export(merged.library, to))
        if key_map:
            chained = [(old, written.get(new, new)) for old, new in merged.key_map]
            io.write_output(key_map, key_map_tsv(chained + list(written.items())))
        kept = len(merged.library.references)
    elif output_format == "json":
        io.write_output(output, report_clusters.as_json(len(refs), clusters, profile))
    elif console.is_terminal() and output is None:
        report_clusters.table(refs, clusters)
    else:
        io.write_output(output, report_clusters.as_lines(refs, clusters))
    console.say(report_clusters.summary(len(refs), clusters, profile, kept))
    return EXIT_FINDINGS if check and clusters else 0
