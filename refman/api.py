"""The facade the CLI and the tests call: load inputs, export libraries, list what exists.

It knows the format registry and the core, and nothing of terminals or exit codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import formats
from .core.keys import assign_keys  # noqa: F401  (the facade: tests and scripts call api.assign_keys)
from .diagnostics import Diagnostic
from .errors import FormatError, InputError, UsageError
from .loading import (  # noqa: F401  (the facade: callers use api.load and the rest)
    Loaded,
    check_key_pattern,
    distinct_inputs,
    input_format,
    load,
    parse_references,
    read_input,
    stamp_format,
)
from .model import Library
from .options import WriteOptions


def key_changes(library: Library, target: str) -> list[tuple[str, str]]:
    """(id, key) for every record whose id a BibTeX/BibLaTeX writer must change: characters
    BibTeX cannot take in a key, or a key that clashes with another ignoring case."""
    if target not in ("bibtex", "biblatex"):
        return []
    from .writers.bibtex.writer import unique_keys

    refs = library.references
    return [
        (str(ref.id), key) for ref, key in zip(refs, unique_keys(refs), strict=True) if key != str(ref.id)
    ]


def dialect_losses(library: Library, target: str) -> list[str]:
    """What a BibTeX write cannot say of a BibLaTeX entry: its type, where BibTeX has none."""
    if target != "bibtex":
        return []
    from .writers.bibtex.fields import BIBTEX_TYPES

    out = []
    for ref in library.references:
        recorded = str(ref.unmapped.get("entrytype", "")).lower()
        if recorded and recorded not in BIBTEX_TYPES:
            out.append(
                f"{ref.id}: BibTeX has no @{recorded}; written as the nearest type for CSL {ref.type!r}"
            )
    return out


def key_change_reason(old: str, new: str) -> str:
    """Why a writer changed a key, for the warning that reports it."""
    from .parse.bibtex_fields import safe_key

    if safe_key(old) != old:
        return "a BibTeX key cannot hold spaces, commas, braces, quotes, #, %, ', (, ), =, ~ or \\"
    return "another record has this key, or one that differs only in case"


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
        from .writers.csl.writer import write as write_style

        return write_style(library, _with_style(options, target))
    return formats.get(name).load_writer()(library, options)


def formats_known() -> tuple[formats.Format, ...]:
    """Every format refman knows, with its reader and writer (for `refman formats`)."""
    return formats.FORMATS


def styles() -> list[tuple[str, tuple[str, ...], str]]:
    """The bundled CSL styles: (name, aliases, description)."""
    from .writers.csl.styles import BUNDLED

    return [(style.name, tuple(style.aliases), style.description) for style in BUNDLED]


def is_gost_style(name: str) -> bool:
    """A bundled GOST style (by name or alias): the styles ``--short-areas`` applies to."""
    from .writers.csl.styles import bundled

    entry = bundled(name)
    return entry is not None and entry.gost


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


def left_after_fix(
    loaded: Loaded,
    unsafe: bool = False,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    today: date | None = None,
) -> list[Diagnostic]:
    """The findings a ``fix`` with these settings could not take away: those without a fix,
    and (without ``unsafe``) those whose fix is unsafe. ``validate --fix`` reports and exits
    by them, on files and in the library alike."""
    return [
        d
        for d in validate(loaded, select, ignore, today)
        if d.fix is None or not (unsafe or d.fix.safety.value == "safe")
    ]


def rules() -> list[Any]:
    """Every registered rule, by code."""
    from .core.rules import RULES

    return [RULES[code] for code in sorted(RULES)]


def rules_markdown() -> str:
    from .core.rules import markdown_table

    return markdown_table()


def rule_descriptors() -> list[dict[str, Any]]:
    """Every rule as plain values (id, name, texts, severity), for a SARIF report's driver."""
    return [
        {"code": r.code, "name": r.name, "summary": r.summary, "severity": r.severity.value,
         "help": "\n\n".join(f"{k}: {v}" for k, v in r.sections().items()), "fix": r.fix_label,
         "group": r.group}
        for r in rules()
    ]  # fmt: skip


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
    from .core.dedupe.engine import (
        DEFAULT_PROFILE,
        distinct_indices,
        find_clusters,
        parse_decisions,
        profile_named,
    )

    try:
        profile_named(profile)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    refs = loaded.library.references
    pairs, unknown = distinct_indices(refs, parse_decisions(decisions or ""))
    return Deduped(find_clusters(refs, profile or DEFAULT_PROFILE, pairs, progress), unknown)


def survivor_rule(
    loaded: Loaded, keep: list[str] | None = None, prefer: list[str] | None = None, survivor: str = "complete"
) -> Any:
    """Which record of a cluster survives a merge (``core.dedupe.survivor``): a key in
    ``keep``, else a record from the first of the ``prefer`` inputs (as named in ``load``)
    that has one, else the ``survivor`` rule: "complete" (the record that says the most) or
    "first". Checked before any work is done: a UsageError for an unknown rule or input."""
    from .core.dedupe.survivor import RULES, SurvivorRule

    if survivor not in RULES:
        raise UsageError(f"unknown --survivor {survivor!r} (choose {' or '.join(RULES)})")
    return SurvivorRule(
        keep=list(keep or []),
        prefer=[_input_number(loaded, name) for name in prefer or []],
        input_of=loaded.input_of,
        input_names=[name for name, _ in loaded.sources],
        fallback=survivor,
    )


def merge_duplicates(loaded: Loaded, clusters: list[Any], rule: Any = None) -> Any:
    """One record per cluster, lossless, links rewritten (``core.dedupe.merge``): library, key
    map, conflicts, which key survived (``rule``, see ``survivor_rule``) and why, and the
    keys to keep that no record has."""
    from .core.dedupe.merge import merge
    from .core.dedupe.survivor import SurvivorRule, choose, unknown_keys

    rule = rule or SurvivorRule()
    refs = loaded.library.references
    indices = [cluster.indices for cluster in clusters]
    result = merge(loaded.library, indices, choose(refs, indices, rule))
    result.unknown_keys = unknown_keys(refs, rule.keep)
    return result


def parse_keys(text: str) -> list[str]:
    """Keys from a ``--keep-file``: one or more a line (commas or spaces between them),
    ``#`` comments and blank lines ignored."""
    from .core.dedupe.survivor import parse_keys as parse

    return parse(text)


def _input_number(loaded: Loaded, name: str) -> int:
    """The number of the input ``name`` (as given, or another spelling of the same path)."""
    import os

    def spelled(path: str) -> str:
        return path if path == "-" else os.path.normcase(os.path.abspath(path))

    for number, (given, _) in enumerate(loaded.sources):
        if given == name or spelled(given) == spelled(name):
            return number
    inputs = ", ".join(given for given, _ in loaded.sources)
    raise UsageError(f"--prefer {name}: not one of the inputs ({inputs})")


# --- manuscripts (refman rekey) -------------------------------------------------------------


def read_key_map(text: str, name: str) -> Any:
    """An ``old<TAB>new`` key map (``manuscripts.keymap``): the mapping, chains resolved."""
    from .manuscripts.keymap import parse

    return parse(text, name)


def manuscript_syntax(name: str, given: str | None = None) -> str:
    """``latex`` or ``markdown``: as ``given`` (``--from``), else by the file's extension."""
    from pathlib import PurePath

    from .manuscripts import SYNTAXES, syntax_for

    if given is not None:
        if given not in SYNTAXES:
            raise UsageError(f"unknown manuscript syntax {given!r} (choose latex or markdown)")
        return given
    syntax = syntax_for(PurePath(name).suffix) if name != "-" else None
    if syntax is None:
        what = "standard input" if name == "-" else f"{name}: the extension"
        raise UsageError(f"{what} does not say LaTeX or Markdown; name it with --from latex|markdown")
    return syntax


def rekey(name: str, text: str, syntax: str, mapping: dict[str, str], commands: tuple[str, ...] = ()) -> Any:
    """``text`` with every cited key in ``mapping`` renamed (``manuscripts.rewrite``): the new
    text and how many keys and citations changed; a new key the syntax cannot hold is refused."""
    from .manuscripts import rewrite

    try:
        return rewrite(text, syntax, mapping, commands)
    except ValueError as exc:
        raise InputError(f"{name}: {exc}") from None


def manuscript_diff(name: str, before: str, after: str) -> str:
    """A unified diff of a rewrite, for ``--dry-run``."""
    from .manuscripts import unified_diff

    return unified_diff(name, before, after)
