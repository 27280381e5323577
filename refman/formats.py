"""The format registry: names, aliases, extensions, and the reader and writer of each.

Readers and writers are named as ``module:function`` and imported only when used, so that
``refman --help`` stays fast. Detection asks every reader's sniffer for a confidence and
reports an ambiguity instead of taking the first match.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from .errors import FormatError


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    description: str
    aliases: tuple[str, ...] = ()
    extensions: tuple[str, ...] = ()
    reader: str | None = None  # "module:function" → fn(text, name=...) -> ReadResult
    sniffer: str | None = None  # "module:function" → fn(text) -> float in [0, 1]
    writer: str | None = None  # "module:function" → fn(library, options) -> str
    #: A matching extension plus a confident sniff settles it without asking the other
    #: readers (whose modules then need not be imported): for syntaxes no other format shares.
    decisive_extension: bool = False
    #: "module:function" → fn(text, name=..., size=...) -> Iterator[(ReadResult, characters
    #: read)]: the reader in parts, so that ``refman add`` never holds a large input's models.
    batches: str | None = None

    def load_reader(self) -> Callable[..., Any]:
        return _load(self.reader, self.name, "read")

    def load_batches(self) -> Callable[..., Any]:
        """The reader in parts; a reader without one gives the whole input as one part."""
        if self.batches:
            return _load(self.batches, self.name, "read")
        reader = self.load_reader()
        return lambda text, name="-", size=0: iter([(reader(text, name=name), len(text))])

    def load_writer(self) -> Callable[..., Any]:
        return _load(self.writer, self.name, "write")

    def sniff(self, text: str) -> float:
        if not self.sniffer:
            return 0.0
        return float(_load(self.sniffer, self.name, "detect")(text))


def _load(spec: str | None, name: str, what: str) -> Callable[..., Any]:
    if not spec:
        raise FormatError(f"refman cannot {what} {name}")
    module, _, function = spec.partition(":")
    return getattr(import_module(module, __package__), function)


FORMATS: tuple[Format, ...] = (
    Format("csl-json", "CSL-JSON: an array of items, or JSON Lines",
           aliases=("csljson", "json", "jsonl", "csl"), extensions=(".json", ".jsonl", ".ndjson"),
           reader=".readers.csljson:read", sniffer=".readers.csljson:sniff",
           writer=".writers.csljson:write", decisive_extension=True, batches=".readers.csljson:read_batches"),
    Format("bibtex", "BibTeX (.bib)", aliases=("bib",), extensions=(".bib", ".bibtex"),
           reader=".readers.bibtex:read", sniffer=".readers.bibtex:sniff",
           writer=".writers.bibtex.writer:write_bibtex", decisive_extension=True),
    Format("biblatex", "BibLaTeX (.bib): @online, date, urldate, langid",
           aliases=(), extensions=(),
           reader=".readers.bibtex:read", writer=".writers.bibtex.writer:write_biblatex"),
    Format("ris", "RIS (Research Information Systems)", extensions=(".ris",),
           reader=".readers.ris:read", sniffer=".readers.ris:sniff", writer=".writers.ris:write",
           decisive_extension=True),
    Format("csl-yaml", "CSL-YAML (as pandoc reads it)", aliases=("yaml",),
           extensions=(".yaml", ".yml"),
           reader=".readers.cslyaml:read", sniffer=".readers.cslyaml:sniff", decisive_extension=True),
    Format("page", "a journal article's web page with metadata and a numbered reference list",
           aliases=("article-page",), extensions=(),
           reader=".readers.article_page:read", sniffer=".readers.article_page:sniff"),
    Format("reflist", "a free-text numbered reference list ('1.' or '[1]')",
           aliases=("text", "txt"), extensions=(".txt",),
           reader=".readers.reflist.reader:read", sniffer=".readers.reflist.reader:sniff"),
)  # fmt: skip

_BY_NAME: dict[str, Format] = {}
for _fmt in FORMATS:
    for _alias in (_fmt.name, *_fmt.aliases):
        _BY_NAME[_alias] = _fmt


def get(name: str) -> Format:
    try:
        return _BY_NAME[name.lower()]
    except KeyError:
        known = ", ".join(f.name for f in FORMATS)
        raise FormatError(f"unknown format {name!r} (known: {known})") from None


def readable() -> list[Format]:
    return [f for f in FORMATS if f.reader]


#: Below this confidence no reader claims an input.
MIN_CONFIDENCE = 0.3
#: Two readers within this margin of each other make the input ambiguous.
AMBIGUITY_MARGIN = 0.1


#: The sniff score at which a decisive extension settles the format (see Format).
DECISIVE = 0.8


def detect(text: str, name: str, suffix: str = "") -> Format:
    """The reader for an input: content sniffing, with the extension as a tie-breaker.

    Every reader's sniffer scores the text in [0, 1]; a matching extension adds 0.15, so
    it decides between close contents but cannot make a reader claim content it rejects.
    """
    if not text.strip():
        raise FormatError(f"{name}: empty input; nothing to read")
    for fmt in readable():
        if fmt.decisive_extension and suffix in fmt.extensions and fmt.sniff(text) >= DECISIVE:
            return fmt
    scores: list[tuple[float, Format]] = []
    for fmt in readable():
        if not fmt.sniffer:
            continue
        try:
            score = fmt.sniff(text)
        except ImportError:
            continue
        if suffix and suffix in fmt.extensions:
            score += 0.15
        scores.append((score, fmt))
    scores.sort(key=lambda pair: -pair[0])
    if not scores or scores[0][0] < MIN_CONFIDENCE:
        closest = [f"{f.name} {s:.2f}" for s, f in scores if s > 0][:3]
        hint = f"; closest: {', '.join(closest)}" if closest else ""
        raise FormatError(
            f"{name}: cannot tell the format{hint}; name it with --from "
            f"({', '.join(f.name for f in readable())})"
        )
    best_score, best = scores[0]
    rivals = [f.name for s, f in scores[1:] if best_score - s < AMBIGUITY_MARGIN]
    if rivals:
        raise FormatError(
            f"{name}: ambiguous format (could be {best.name} or {', '.join(rivals)}); name it with --from"
        )
    return best
