"""`refman dedupe`: duplicates with the evidence for each, a CI check, and a lossless merge."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .. import console, io
from ..errors import EXIT_FINDINGS, UsageError
from .common import Encoding, FromFormat, Output, Quiet, ReportFormat, Verbose
from .library_hooks import LibraryFlag, OptionalInputs, Tags, Where
from .report import key_map_tsv, report_read_diagnostics

if TYPE_CHECKING:
    from ..model import Reference

#: Below this many records a run is too short for a progress bar to help.
PROGRESS_FROM = 5000


def dedupe(
    inputs: OptionalInputs = None,
    from_format: FromFormat = None,
    encoding: Encoding = None,
    output_format: ReportFormat = "text",
    profile: Annotated[
        str,
        typer.Option(
            "--profile",
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
        typer.Option(
            "--survivor",
            metavar="complete|first",
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

    if output_format not in ("text", "json"):
        raise UsageError(f"unknown --format {output_format!r} (choose text or json)")
    merge_only = {"--key-map": key_map, "--keep": keep, "--keep-file": keep_file, "--prefer": prefer,
                  "--survivor": survivor != "complete"}  # fmt: skip
    for option, given in merge_only.items():
        if given and not merge:
            raise UsageError(f"{option} needs --merge")
    if merge:
        api.writer_for(to)
    decisions = io.read_text(distinct).text if distinct else None
    keys = [k for value in keep or [] for k in api.parse_keys(value)]
    keys += api.parse_keys(io.read_text(keep_file).text) if keep_file else []
    from . import library_hooks

    inputs = library_hooks.inputs_or_library(inputs, library)
    selected = library_hooks.load(library, tag, where) if library is not None else None
    loaded = selected.loaded if selected is not None else api.load(inputs, from_format, encoding)
    rule = api.survivor_rule(loaded, keys, prefer, survivor) if merge else None
    report_read_diagnostics(loaded.diagnostics, verbose, quiet)
    refs = loaded.library.references
    with _Progress(len(refs)) as progress:
        result = api.dedupe(loaded, profile, decisions, progress)
    for key in result.unknown_keys:
        console.warn(f"{distinct}: no record has the key {key!r}")
    clusters = result.clusters
    duplicates = sum(len(c.indices) - 1 for c in clusters)
    if merge:
        merged = api.merge_duplicates(loaded, clusters, rule)
        for key in merged.unknown_keys:
            console.warn(f"--keep: no record has the key {key!r}")
        for done in merged.clusters:
            sys.stderr.write(f"refman: merged {done.line()}\n")
        for link in merged.relinks:
            now = link.new or "dropped (it named the record itself)"
            sys.stderr.write(f"refman: in {link.key}, {link.field} {link.old} → {now}\n")
        for conflict in [] if quiet else merged.conflicts:
            console.warn(f"merge conflict: {conflict.line()} (kept as a -variant field)")
        if selected is not None and output is None:
            library_hooks.merge(selected, merged, key_map, quiet)
            _summary(len(refs), clusters, duplicates, profile, len(merged.library.references))
            return 0
        written = dict(api.key_changes(merged.library, to))  # keys the writer must change too
        for old, new in written.items():
            console.warn(f"key {old!r} written as {new!r}: {api.key_change_reason(old, new)}")
        io.write_output(output, api.export(merged.library, to))
        if key_map:
            chained = [(old, written.get(new, new)) for old, new in merged.key_map]
            io.write_output(key_map, key_map_tsv(chained + list(written.items())))
        _summary(len(refs), clusters, duplicates, profile, len(merged.library.references))
    elif output_format == "json":
        doc = {"profile": profile, "records": len(refs), "clusters": [c.to_dict() for c in clusters]}
        io.write_output(output, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        _summary(len(refs), clusters, duplicates, profile)
    elif console.is_terminal() and output is None:
        _rich(refs, clusters)
        _summary(len(refs), clusters, duplicates, profile)
    else:
        io.write_output(output, "".join(_plain(refs, n, c) for n, c in enumerate(clusters, 1)))
        _summary(len(refs), clusters, duplicates, profile)
    return EXIT_FINDINGS if check and clusters else 0


def _summary(
    records: int, clusters: list[Any], duplicates: int, profile: str, kept: int | None = None
) -> None:
    text = (
        f"refman: {_count(records, 'record')}, {_count(len(clusters), 'cluster')}, "
        f"{_count(duplicates, 'duplicate')} (profile {profile})"
    )
    if kept is not None:
        text += f"; {kept} records written"
    sys.stderr.write(text + "\n")


def _describe(ref: Reference) -> str:
    names = "; ".join(n.display() for n in (ref.author or [])[:3])
    year = ref.issued.year if ref.issued is not None else None
    parts = [names, ref.title or ref.container_title or "", f"({year})" if year else ""]
    return " ".join(p for p in parts if p).replace("\t", " ").replace("\n", " ")


def _source(ref: Reference) -> str:
    origin = ref.origin
    if origin is None or origin.path is None:
        return "-"
    return f"{origin.path}:{origin.line}" if origin.line else origin.path


def _evidence_text(evidence: dict[str, str]) -> str:
    return "; ".join(text if name in text.split()[0:1] or name == "decision" else f"{name}: {text}"
                     for name, text in evidence.items())  # fmt: skip


def _plain(refs: list[Reference], number: int, cluster: Any) -> str:
    lines = [f"cluster {number}: {len(cluster.indices)} records, score {cluster.score:.2f} "
             f"(threshold {cluster.threshold:.2f}, {cluster.profile})"]  # fmt: skip
    for index in cluster.indices:
        ref = refs[index]
        lines.append(f"  {ref.id}\t{_source(ref)}\t{_describe(ref)}")
    for pair in cluster.pairs:
        lines.append(f"  {pair.ids[0]} ~ {pair.ids[1]}: {_evidence_text(pair.evidence)}")
    for apart in cluster.kept_apart:
        lines.append(f"  kept apart {apart['ids'][0]} / {apart['ids'][1]}: {apart['reason']}")
    return "\n".join(lines) + "\n\n"


def _rich(refs: list[Reference], clusters: list[Any]) -> None:
    from rich.table import Table

    out = console.rich_console()
    for number, cluster in enumerate(clusters, 1):
        table = Table(
            title=f"Cluster {number}: score {cluster.score:.2f} (threshold {cluster.threshold:.2f}, "
            f"{cluster.profile})",
            title_justify="left",
            expand=True,
        )
        table.add_column("Key", overflow="fold")
        table.add_column("Source", overflow="fold")
        table.add_column("Record", ratio=3, overflow="fold")
        for index in cluster.indices:
            table.add_row(str(refs[index].id), _source(refs[index]), _describe(refs[index]))
        out.print(table)
        for pair in cluster.pairs:
            out.print(f"  {pair.ids[0]} ~ {pair.ids[1]}: {_evidence_text(pair.evidence)}", style="dim")
        for apart in cluster.kept_apart:
            out.print(
                f"  kept apart {apart['ids'][0]} / {apart['ids'][1]}: {apart['reason']}", style="yellow"
            )
    if not clusters:
        out.print("No duplicates.")


class _Progress:
    """A progress bar on stderr for long runs on a terminal; otherwise nothing at all."""

    def __init__(self, records: int) -> None:
        self.enabled = records >= PROGRESS_FROM and console.is_terminal(sys.stderr)
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> Any:
        if not self.enabled:
            return None
        from rich.progress import Progress

        self.bar = Progress(console=console.rich_console(stderr=True), transient=True)
        self.bar.start()
        self.task = self.bar.add_task("reading", total=None)
        return self.update

    def update(self, stage: str, done: int, total: int) -> None:
        self.bar.update(self.task, description=stage, completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
