"""Reading inputs into one library: files and ``-`` in any readable format, or references
given as strings; each input once, every record stamped with its format, keys made.

``api`` re-exports all of it: the CLI and the tests call ``api.load``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from . import formats
from .core.keys import assign_keys, compile_pattern
from .diagnostics import Diagnostic, Location, Severity
from .errors import FormatError, InputError, UsageError
from .io import STDIO, InputText, identity, read_text
from .model import Library, SourceSpan


@dataclass(slots=True)
class Loaded:
    """Inputs read into one library, with the diagnostics of every reader."""

    library: Library
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: list[tuple[str, str]] = field(default_factory=list)  # (input name, format name)
    input_of: list[int] = field(default_factory=list)  # for each reference, its input's number


def reader_format(source: InputText, from_format: str | None = None) -> formats.Format:
    """The format to read ``source`` as: the one named, else the one its text and name say;
    a format refman only writes is an error."""
    fmt = formats.get(from_format) if from_format else formats.detect(source.text, source.name, source.suffix)
    if not fmt.reader:
        raise FormatError(f"refman cannot read {fmt.name}")
    return fmt


def read_input(source: InputText, from_format: str | None = None) -> tuple[Library, list[Diagnostic], str]:
    return read_told(source, reader_format(source, from_format))


def read_told(source: InputText, fmt: formats.Format) -> tuple[Library, list[Diagnostic], str]:
    """``source`` read as ``fmt``: (library, diagnostics, format name); an InputError
    (``unreadable``) if it gave errors and nothing read."""
    result = fmt.load_reader()(source.text, name=source.name)
    stamp_format(result.library, source.name, fmt.name)
    errors = [d for d in result.diagnostics if d.severity.value == "error"]
    if errors and not result.library.references and result.library.article is None:
        raise unreadable(source, fmt, errors[0])
    return result.library, result.diagnostics, fmt.name


def unreadable(source: InputText, fmt: formats.Format, error: Diagnostic) -> InputError:
    """An input that gave errors and no record at all: its first error, and the format tried."""
    return InputError(f"{source.name}: {error.message} (read as {fmt.name})")


def told_inputs(
    inputs: list[str], from_format: str | None, encoding: str | None, diagnostics: list[Diagnostic]
) -> Iterator[tuple[str, InputText, formats.Format]]:
    """Each input once (``distinct_inputs``), read as text, with the format to read it as."""
    for name in distinct_inputs(inputs, diagnostics):
        source = read_text(name, encoding)
        yield name, source, reader_format(source, from_format)


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
    for name, source, fmt in told_inputs(inputs, from_format, encoding, loaded.diagnostics):
        library, diagnostics, fmt_name = read_told(source, fmt)
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
