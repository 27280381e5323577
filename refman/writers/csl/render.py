"""Render prepared CSL items with a style: the terms of each entry's language, the prescribed
words of the list's, and fast enough for 10,000 entries.

CSL processors apply one locale to a whole list. refman renders every entry with a variant
of the style for (list language, entry language): the style unchanged, except that the
entry language's locale gets the list language's *prescribed words* first. Which terms are
prescribed words is data (``LIST_TERMS``), kept in one place.

Speed: items are rendered one by one (no whole-list work that grows with n²); each style
variant is parsed once and its bibliography layout compiled into closures (``csl.compile.layout``)
that read the CSL-JSON item directly in citeproc-py's string model (``csl.compile.strings``).
An element the compiler does not model is rendered by citeproc-py's own element object, and
an entry in a state the string model does not carry by citeproc-py's objects as a whole
(``csl.compile.fast``, memoised look-ups); large lists are split over the CPU cores. The text
does not depend on any of that: the renderer "citeproc" (``REFMAN_RENDERER=citeproc``, or
``WriteOptions.renderer``) renders every entry with citeproc-py's own classes, and
tests/test_styles.py compares the two character for character.
"""

from __future__ import annotations

import copy
import gc
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import citeproc
from citeproc import Citation, CitationItem
from citeproc.source.json import CiteProcJSON
from lxml import etree

from ...model import NAME_VARIABLES, Reference
from ...parse.safe_xml import safe_parser
from . import prepare as csl_prepare
from .compile.fast import RENDERERS, Style
from .compile.strings import pure_reference
from .styles import CSL_NS, XML_LANG

#: Terms that are prescribed words or supplied information: they follow the list language
#: (docs/GOST.md rule 9). (name, form); form None is the long form.
LIST_TERMS: tuple[tuple[str, str | None], ...] = (
    ("online", None), ("reference", None), ("internet", None), ("accessed", None),
    *((f"month-{m:02d}", "short") for m in range(1, 13)),
)  # fmt: skip
#: Name variables whose role label refman replaces with a whole statement (``gost_items``).
ROLE_VARIABLES = frozenset({"compiler", "translator", "editor"})
#: GOST's area separator (docs/GOST.md rule 1).
FULL_SEPARATOR = ". \u2013 "
#: Below this many entries one process is faster than starting workers (an entry takes
#: about 0.15 ms, starting a pool and gathering its results some 50 ms).
PARALLEL_MIN = 2000
_CS = f"{{{CSL_NS}}}"
_UNKNOWN_NAME_VARS = frozenset(NAME_VARIABLES - {n.replace("_", "-") for n in citeproc.NAMES})
_UNKNOWN_NAME_KEYS = frozenset(v.replace("-", "_") for v in _UNKNOWN_NAME_VARS)


def variant(
    data: bytes, list_lang: str, entry_lang: str, gost: bool = False, short_areas: bool = False
) -> bytes:
    """The style for entries in ``entry_lang`` of a list in ``list_lang`` (see module doc).

    Also drops a citation number from the bibliography layout: refman numbers entries
    itself, with a space, and the style's own number would come out glued ("1.The").
    ``gost`` (a bundled GOST style): the role labels of editors, compilers and translators
    are taken out, since refman passes whole grammatical statements there (``gost_items``).
    ``short_areas``: areas separated by ". " (GOST R 7.0.5-2008's short form) for ". – ".
    """
    root = etree.fromstring(data, safe_parser())
    for entity in list(root.iter(etree.Entity)):
        _drop_keeping_tail(entity)  # never expanded: an external entity could name any file
    for element in list(root.iter(f"{_CS}text")):
        if element.get("variable") == "citation-number" and _in_bibliography(element):
            element.getparent().remove(element)
    if gost:
        for names in root.iter(f"{_CS}names"):
            if ROLE_VARIABLES.intersection(names.get("variable", "").split()):
                for label in names.findall(f"{_CS}label"):
                    names.remove(label)
    if short_areas:
        for element in root.iter(f"{_CS}group"):
            if element.get("delimiter") == FULL_SEPARATOR:
                element.set("delimiter", ". ")
    if entry_lang != list_lang:
        terms = [copy.deepcopy(t) for t in _list_terms(root, list_lang)]
        block = _locale_block(root, entry_lang)
        for position, term in enumerate(terms):
            block.insert(position, term)
    return etree.tostring(root, encoding="utf-8")


def _in_bibliography(element: etree._Element) -> bool:
    """In the bibliography's layout or a macro (a macro may be what prints the number)."""
    return not any(etree.QName(a).localname == "citation" for a in element.iterancestors())


def _drop_keeping_tail(node: etree._Entity) -> None:
    parent, tail = node.getparent(), node.tail or ""
    previous = node.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(node)


def _locale_block(root: etree._Element, lang: str) -> etree._Element:
    """The cs:terms of the style's locale for exactly ``lang`` (created first when absent)."""
    for locale in root.findall(f"{_CS}locale"):
        if locale.get(XML_LANG) == lang:
            terms = locale.find(f"{_CS}terms")
            if terms is None:
                terms = etree.SubElement(locale, f"{_CS}terms")
            return terms
    locale = etree.Element(f"{_CS}locale", {XML_LANG: lang})
    anchor = root.find(f"{_CS}locale")
    if anchor is None:
        anchor = root.find(f"{_CS}macro")
    if anchor is None:
        root.append(locale)
    else:
        anchor.addprevious(locale)
    return etree.SubElement(locale, f"{_CS}terms")


def _list_terms(root: etree._Element, lang: str) -> list[etree._Element]:
    """The list language's prescribed terms: from the style's locales, else citeproc's files."""
    sources = [loc for loc in root.findall(f"{_CS}locale") if (loc.get(XML_LANG) or "").split("-")[0] == lang]
    sources += [loc for loc in root.findall(f"{_CS}locale") if not loc.get(XML_LANG)]
    system = _system_locale(lang)
    if system is not None:
        sources.append(system)
    found = []
    for name, form in LIST_TERMS:
        for source in sources:
            term = _find_term(source, name, form)
            if term is not None:
                found.append(term)
                break
    return found


def _find_term(locale: etree._Element, name: str, form: str | None) -> etree._Element | None:
    for term in locale.iter(f"{_CS}term"):
        if term.get("name") == name and term.get("form") == form:
            return term
    return None


@lru_cache(maxsize=16)
def _system_locale(lang: str) -> etree._Element | None:
    dialect = citeproc.PRIMARY_DIALECTS.get(lang, lang)
    path = Path(citeproc.LOCALES_PATH) / f"locales-{dialect}.xml"
    if not path.exists():
        return None
    return etree.parse(str(path), safe_parser()).getroot()


def has_locale(lang: str) -> bool:
    """citeproc-py has terms for this language (else the entry uses the list's)."""
    return _system_locale(lang) is not None


@lru_cache(maxsize=32)
def _style(
    data: bytes, list_lang: str, entry_lang: str, output: str, gost: bool, short: bool, renderer: str
) -> Style:
    """Every argument named, none defaulted: a default would make a second cache entry (and a
    second parse) for the same style."""
    return Style(
        variant(data, list_lang, entry_lang, gost, short), entry_lang, formatter_for(output), renderer
    )


def renderer_from(value: str | None, environ: Any = os.environ) -> str:
    """The renderer asked for: ``value``, else REFMAN_RENDERER, else "fast"; ValueError names
    the choices when it is not one of them."""
    chosen = value if value is not None else (environ.get("REFMAN_RENDERER") or "fast")
    if chosen not in RENDERERS:
        source = "renderer" if value is not None else "REFMAN_RENDERER"
        raise ValueError(f"unknown {source} {chosen!r} (known: {', '.join(RENDERERS)})")
    return chosen


def formatter_for(output: str) -> Any:
    from citeproc import formatter

    from . import markdown as csl_markdown

    return {"html": formatter.html, "markdown": csl_markdown}.get(output, formatter.plain)


#: CSL 1.0.2 text variables citeproc-py does not know that the bundled styles print.
_EXTRA_TEXT_VARS = frozenset({"volume-title"})
_SUPPORTED = frozenset(
    {v.replace("_", "-") for v in citeproc.VARIABLES}
    | {"id", "type", "language", "contributor"}
    | _EXTRA_TEXT_VARS
)


def _supported(item: dict[str, Any], names: bool = False) -> dict[str, Any]:
    """Only what citeproc-py models (it warns on stderr about anything else); ``names``: with
    the CSL 1.0.2 name variables it does not know, which refman parses as names itself."""
    return {k: v for k, v in item.items() if (names if k in _UNKNOWN_NAME_VARS else k in _SUPPORTED)}


def _escaped(value: Any, escape: Any) -> Any:
    """Item text escaped for the output (citeproc-py escapes its terms, never the data)."""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [_escaped(v, escape) for v in value]
    if isinstance(value, dict):
        return {k: v if k in ("id", "type", "language") else _escaped(v, escape) for k, v in value.items()}
    return value


class _Bibliography:
    """What a citeproc CitationItem asks of its bibliography, with O(1) number look-ups."""

    def __init__(self, source: CiteProcJSON, formatter: Any, numbers: dict[str, int]) -> None:
        self.source = source
        self.formatter = formatter
        self.keys = _Numbers(numbers)


class _Item(CitationItem):
    """A CitationItem that holds its reference instead of finding it through three look-ups."""

    @property
    def reference(self) -> Any:
        return self.__dict__["_reference"]


class _Numbers(dict):
    def index(self, key: str) -> int:
        return self[key] - 1


@dataclass(frozen=True, slots=True)
class Job:
    """One rendering: the style, the list language, the output, (reference, language) pairs,
    and the renderer (``csl.compile.fast.RENDERERS``)."""

    data: bytes
    list_lang: str
    output: str
    entries: list[tuple[Reference, str]]
    gost: bool
    renderer: str = "fast"
    #: ". " between areas instead of ". – " (GOST R 7.0.5-2008's permitted short form).
    short_areas: bool = False


def style_for(job: Job, lang: str) -> Style:
    """The style variant (parsed and compiled once, cached) that renders ``job``'s entries in
    language ``lang``."""
    return _style(job.data, job.list_lang, lang, job.output, job.gost, job.short_areas, job.renderer)


#: The job being rendered, inherited by forked workers (nothing is pickled on the way in).
_CURRENT: Job | None = None


def render_chunk(job: Job, start: int, stop: int) -> list[str | None]:
    """Entries ``start``..``stop`` of the job; None where the style renders nothing."""
    from citeproc import formatter

    escape = formatter_for(job.output).preformat
    # the plain formatter escapes nothing: the item as it is, not a copy of it
    escaped = (
        (lambda data: data) if escape is formatter.plain.preformat else (lambda data: _escaped(data, escape))
    )
    texts: list[str | None] = []
    frozen = gc.isenabled()
    if frozen:  # long-lived memo objects: collecting them over and over costs a quarter
        gc.freeze()
        gc.disable()
    try:
        for index, (ref, lang) in enumerate(job.entries[start:stop], start=start):
            item = csl_prepare.prepare(ref, f"r{index}", lang, job.gost)
            style = style_for(job, lang)
            data = escaped(_supported(item, names=True))
            text = render_entry(style, item, data, index, job.output)
            texts.append(None if text is None else str(text))
    finally:
        if frozen:
            gc.enable()
            gc.unfreeze()
    return texts


def render_entry(style: Style, item: dict[str, Any], data: dict[str, Any], index: int, output: str) -> Any:
    """One prepared item (``data``: escaped for the output): the compiled layout when the style
    has one, else (or for an entry in a state its string model does not carry) citeproc-py's
    objects; None on failure."""
    entry = _Entry(item, data, index, output)
    if style.compiled is not None:
        try:
            text = style.compiled.render(entry, pure_reference(data, _UNKNOWN_NAME_KEYS))
        except Exception:  # noqa: BLE001 - a state the string model does not carry: citeproc-py's turn
            pass
        else:
            style.counts["compiled"] += 1
            return text
    try:
        return style.render_citeproc(entry.cite)
    except Exception:  # noqa: BLE001 - one odd item must not end the list; caller falls back
        return None


class _Entry:
    """One entry for the compiled layout: its citeproc-py CitationItem is built only when an
    element delegated to citeproc-py asks for it."""

    __slots__ = ("_cite", "data", "index", "item", "output")

    def __init__(self, item: dict[str, Any], data: dict[str, Any], index: int, output: str) -> None:
        self.item, self.data, self.index, self.output = item, data, index, output
        self._cite: _Item | None = None

    @property
    def cite(self) -> _Item:
        if self._cite is None:
            self._cite = citeproc_item(self.item, self.data, self.index, self.output)
        return self._cite


def citeproc_item(item: dict[str, Any], data: dict[str, Any], index: int, output: str) -> _Item:
    """A citeproc-py CitationItem for one entry, with its Reference and number at hand."""
    known = {k: v for k, v in data.items() if k not in _UNKNOWN_NAME_VARS and k not in _EXTRA_TEXT_VARS}
    source = CiteProcJSON([known])
    reference = source[item["id"].lower()]
    for var in _EXTRA_TEXT_VARS.intersection(data):
        reference[var.replace("-", "_")] = source.parse_string(str(data[var]))
    # citeproc-py parses only the name variables it knows; CSL 1.0.2 has more (contributor…)
    for var in _UNKNOWN_NAME_VARS.intersection(data):
        reference[var.replace("-", "_")] = source.parse_names(data[var])
    bibliography = _Bibliography(source, formatter_for(output), {item["id"]: index + 1})
    cite = _Item(item["id"])
    Citation([cite]).bibliography = bibliography
    object.__setattr__(cite, "_reference", reference)
    object.__setattr__(cite, "_refman_raw", item)
    return cite


def _chunk_of_current(bounds: tuple[int, int]) -> list[str | None]:
    assert _CURRENT is not None
    return render_chunk(_CURRENT, *bounds)


def render_all(job: Job, workers: int | None = None) -> list[str | None]:
    """Every entry's text, in order; over forked worker processes when the list is long.

    The styles are parsed and compiled before the fork (the workers inherit them), and this
    process renders the first share itself while the workers render the others.
    """
    global _CURRENT
    import multiprocessing

    count = len(job.entries)
    can_fork = "fork" in multiprocessing.get_all_start_methods()
    if workers is None:
        workers = min(os.cpu_count() or 1, 4) if count >= PARALLEL_MIN and can_fork else 1
    if workers <= 1:
        return render_chunk(job, 0, count)
    from concurrent.futures import ProcessPoolExecutor

    for lang in {lang for _, lang in job.entries}:
        style_for(job, lang)
    size = -(-count // workers)
    bounds = [(i, min(i + size, count)) for i in range(0, count, size)]
    _CURRENT = job
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=len(bounds) - 1, mp_context=context) as pool:
            others = pool.map(_chunk_of_current, bounds[1:])
            texts = render_chunk(job, *bounds[0])
            for chunk in others:
                texts.extend(chunk)
            return texts
    finally:
        _CURRENT = None
