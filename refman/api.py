"""The facade the CLI and the tests call: load inputs, export libraries, list what exists.

It knows the format registry and the core, and nothing of terminals or exit codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import formats
from .core.keys import assign_keys
from .diagnostics import Diagnostic
from .errors import FormatError, InputError, UsageError
from .io import InputText, read_text
from .model import Library, SourceSpan
from .options import WriteOptions


@dataclass(slots=True)
class Loaded:
    """Inputs read into one library, with the diagnostics of every reader."""

    library: Library
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: list[tuple[str, str]] = field(default_factory=list)  # (input name, format name)


def read_input(source: InputText, from_format: str | None = None) -> tuple[Library, list[Diagnostic], str]:
    fmt = formats.get(from_format) if from_format else formats.detect(source.text, source.name, source.suffix)
    if not fmt.reader:
        raise FormatError(f"refman cannot read {fmt.name}")
    result = fmt.load_reader()(source.text, name=source.name)
    _stamp_format(result.library, source.name, fmt.name)
    errors = [d for d in result.diagnostics if d.severity.value == "error"]
    if errors and not result.library.references and result.library.article is None:
        raise InputError(f"{source.name}: {errors[0].message} (read as {fmt.name})")
    return result.library, result.diagnostics, fmt.name


def _stamp_format(library: Library, name: str, fmt: str) -> None:
    """Record on every reference which format read it (``SourceSpan.format``): one reader
    serves several formats (BibTeX and BibLaTeX, a page's list), so the registry says."""
    for ref in library.references:
        if ref.origin is None:
            ref.origin = SourceSpan(path=name)
        ref.origin.format = fmt


def load(
    inputs: list[str],
    from_format: str | None = None,
    encoding: str | None = None,
    with_article: bool = False,
) -> Loaded:
    """Read every input (files or ``-``) into one library; ids made readable and unique."""
    loaded = Loaded(Library())
    for name in inputs:
        source = read_text(name, encoding)
        library, diagnostics, fmt_name = read_input(source, from_format)
        loaded.sources.append((name, fmt_name))
        loaded.diagnostics.extend(diagnostics)
        if library.article is not None:
            if loaded.library.article is None:
                loaded.library.article = library.article
            if with_article:
                loaded.library.references.append(library.article.as_reference())
        loaded.library.references.extend(library.references)
        for key, value in library.preserved.items():
            loaded.library.preserved.setdefault(key, value)
    assign_keys(loaded.library)
    return loaded


def writer_for(target: str) -> tuple[str, bool]:
    """(name, is_style): a data format we write, or else a CSL style name or path."""
    try:
        fmt = formats.get(target)
    except FormatError:
        return target, True
    if not fmt.writer:
        raise FormatError(f"refman reads {fmt.name} but does not write it")
    return fmt.name, False


def export(library: Library, target: str, options: WriteOptions | None = None) -> str:
    """The library as text in a data format (csl-json, bibtex, …) or a style (gost, a .csl)."""
    options = options or WriteOptions()
    name, is_style = writer_for(target)
    if is_style:
        from .writers.csl import write as write_style

        return write_style(library, _with_style(options, target))
    return formats.get(name).load_writer()(library, options)


def formats_known() -> tuple[formats.Format, ...]:
    """Every format refman knows, with its reader and writer (for `refman formats`)."""
    return formats.FORMATS


def styles() -> list[tuple[str, tuple[str, ...], str]]:
    """The bundled CSL styles: (name, aliases, description)."""
    from .writers.csl_styles import BUNDLED

    return [(style.name, tuple(style.aliases), style.description) for style in BUNDLED]


def _with_style(options: WriteOptions, style: str) -> WriteOptions:
    from dataclasses import replace

    return replace(options, style=options.style or style)


# --- validation (refman validate, refman rules) -------------------------------------------


def validate(
    loaded: Loaded,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    today: date | None = None,
) -> list[Diagnostic]:
    """Every finding on a loaded library: reader diagnostics, then the rules' (see core.validate)."""
    from .core.validate import UnknownRuleError
    from .core.validate import validate as run_rules

    try:
        return run_rules(loaded.library, select, ignore, today, loaded.diagnostics, _main_path(loaded))
    except UnknownRuleError as exc:
        raise UsageError(str(exc)) from None


def fix(
    loaded: Loaded,
    unsafe: bool = False,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    today: date | None = None,
) -> list[Any]:
    """Apply safe (with ``unsafe``, all) fixes to ``loaded.library`` in place; the changes."""
    from .core.fixes import fix_library
    from .core.validate import UnknownRuleError

    try:
        return fix_library(loaded.library, unsafe, select, ignore, today)
    except UnknownRuleError as exc:
        raise UsageError(str(exc)) from None


def rules() -> list[Any]:
    """Every registered rule, by code."""
    from .core.rules import RULES

    return [RULES[code] for code in sorted(RULES)]


def rules_markdown() -> str:
    from .core.rules import markdown_table

    return markdown_table()


def sarif(diagnostics: list[Diagnostic]) -> str:
    """Findings as a SARIF 2.1.0 log, with the descriptors of every rule."""
    from . import __version__
    from .writers.sarif import write_sarif

    descriptors = [
        {"code": r.code, "name": r.name, "summary": r.summary, "severity": r.severity.value,
         "help": "\n\n".join(f"{k}: {v}" for k, v in r.sections().items()), "fix": r.fix_label,
         "group": r.group}
        for r in rules()
    ]  # fmt: skip
    return write_sarif(diagnostics, descriptors, __version__)


def _main_path(loaded: Loaded) -> str | None:
    for name, fmt in loaded.sources:
        if fmt == "page":
            return name
    return loaded.sources[0][0] if loaded.sources else None


@dataclass(slots=True)
class Deduped:
    """Duplicate clusters found in a library, and the ``--distinct`` keys that matched nothing."""

    clusters: list[Any]
    unknown_keys: list[str] = field(default_factory=list)


def dedupe(
    loaded: Loaded, profile: str | None = None, decisions: str | None = None, progress: Any = None
) -> Deduped:
    """Clusters of records that describe one work (``core.dedupe.find_clusters``); pairs in
    ``decisions`` (TSV text: key, key) are kept apart."""
    from .core.dedupe import DEFAULT_PROFILE, distinct_indices, find_clusters, parse_decisions, profile_named

    try:
        profile_named(profile)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    refs = loaded.library.references
    pairs, unknown = distinct_indices(refs, parse_decisions(decisions or ""))
    return Deduped(find_clusters(refs, profile or DEFAULT_PROFILE, pairs, progress), unknown)


def merge_duplicates(loaded: Loaded, clusters: list[Any]) -> Any:
    """One record per cluster, lossless (``core.dedupe_merge``): library, key map, conflicts."""
    from .core.dedupe_merge import merge

    return merge(loaded.library, [cluster.indices for cluster in clusters])
