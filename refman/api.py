"""The facade the CLI and the tests call: load inputs, export libraries, list what exists.

It knows the format registry and the core, and nothing of terminals or exit codes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import formats
from .core.keys import assign_keys, compile_pattern
from .diagnostics import Diagnostic, Location, Severity
from .errors import FormatError, InputError, UsageError
from .io import STDIO, InputText, identity, read_text
from .model import Library, SourceSpan
from .options import WriteOptions


@dataclass(slots=True)
class Loaded:
    """Inputs read into one library, with the diagnostics of every reader."""

    library: Library
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: list[tuple[str, str]] = field(default_factory=list)  # (input name, format name)
    input_of: list[int] = field(default_factory=list)  # for each reference, its input's number


def read_input(source: InputText, from_format: str | None = None) -> tuple[Library, list[Diagnostic], str]:
    fmt = formats.get(from_format) if from_format else formats.detect(source.text, source.name, source.suffix)
    if not fmt.reader:
        raise FormatError(f"refman cannot read {fmt.name}")
    result = fmt.load_reader()(source.text, name=source.name)
    stamp_format(result.library, source.name, fmt.name)
    errors = [d for d in result.diagnostics if d.severity.value == "error"]
    if errors and not result.library.references and result.library.article is None:
        raise InputError(f"{source.name}: {errors[0].message} (read as {fmt.name})")
    return result.library, result.diagnostics, fmt.name


def stamp_format(library: Library, name: str, fmt: str) -> None:
    """Record on every reference which format read it (``SourceSpan.format``): one reader
    serves several formats (BibTeX and BibLaTeX, a page's list), so the registry says."""
    for ref in library.references:
        if ref.origin is None:
            ref.origin = SourceSpan(path=name)
        ref.origin.format = fmt


def check_key_pattern(pattern: str) -> None:
    """A usage error that names what is wrong with a key pattern (see ``core.keys``)."""
    compile_pattern(pattern)


def distinct_inputs(inputs: list[str], diagnostics: list[Diagnostic]) -> Iterator[str]:
    """Each input once: ``-`` may be named once only (a usage error), and a file named twice
    (``a.bib ./a.bib``, or a link to it) is read once, with an RM008 warning in
    ``diagnostics``: reading it again would only duplicate every record and its id."""
    if inputs.count(STDIO) > 1:
        raise UsageError("- (standard input) is named twice; it can be read only once")
    seen: dict[tuple[int, int], str] = {}
    for name in inputs:
        key = identity(name)
        if key in seen:
            first = seen[key]
            message = "named twice; read once" if first == name else f"the same file as {first}; read once"
            diagnostics.append(
                Diagnostic("RM008", "input-structure", Severity.WARNING, message, Location(path=name))
            )
            continue
        if key is not None:
            seen[key] = name
        yield name


def load(
    inputs: list[str],
    from_format: str | None = None,
    encoding: str | None = None,
    with_article: bool = False,
    key_pattern: str | None = None,
) -> Loaded:
    """Read every input (files or ``-``) into one library; ids made readable and unique
    (``key_pattern``: see ``core.keys``); each input once (``distinct_inputs``)."""
    loaded = Loaded(Library())
    for name in distinct_inputs(inputs, loaded.diagnostics):
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
        loaded.input_of.extend(
            [len(loaded.sources) - 1] * (len(loaded.library.references) - len(loaded.input_of))
        )
        for key, value in library.preserved.items():
            loaded.library.preserved.setdefault(key, value)
    assign_keys(loaded.library, key_pattern)
    return loaded


def input_format(loaded: Loaded) -> str:
    """The format to write a library back in: its first input's, with a BibTeX input's dialect
    (a .bib file read as BibLaTeX is written back as BibLaTeX)."""
    if not loaded.sources:
        return "csl-json"
    name, fmt = loaded.sources[0]
    if fmt in ("bibtex", "biblatex"):
        layout = loaded.library.preserved.get("bibtex:" + name)
        if isinstance(layout, dict) and layout.get("dialect") in ("bibtex", "biblatex"):
            return str(layout["dialect"])
    return fmt


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


def parse_references(texts: list[str], key_pattern: str | None = None, confidence: bool = False) -> Loaded:
    """References given as strings (``refman parse``), one reference each, read as a list's
    items are: the rules where they are certain, the model for the rest. With ``confidence``,
    a reference the model read carries its confidence in each field it holds (the lowest
    marginal probability of the field's tokens, two decimals) in ``unmapped["confidence"]``,
    which CSL-JSON writes as ``custom.refman.unmapped.confidence``."""
    from .parse.text import clean_spaces
    from .readers.reflist import reader as reflist

    items = []
    for line, text in enumerate(texts, start=1):
        text = " ".join(text.split())
        numbered = reflist.NUMBERED.match(text)  # "[3] …", "3. …": the list's number, not data
        number = int(numbered["b"] or numbered["n"]) if numbered else None
        text = text[numbered.end() :] if numbered else text
        if text:
            items.append(reflist.Item(number, line, line, clean_spaces(text), text))
    if not items:
        raise UsageError("no reference given: pass one or more references as arguments")
    loaded = Loaded(Library())
    found: list[dict[str, float]] = []
    loaded.library.references = reflist.parse_items(items, "<argument>", loaded.diagnostics, found)
    for ref, fields in zip(loaded.library.references, found, strict=True) if confidence else ():
        held = {var: round(value, 2) for var, value in fields.items() if ref.get(var) is not None}
        if held:
            ref.unmapped["confidence"] = held
    stamp_format(loaded.library, "<argument>", "reflist")
    loaded.sources.append(("<argument>", "reflist"))
    loaded.input_of = [0] * len(loaded.library.references)
    assign_keys(loaded.library, key_pattern)
    return loaded
