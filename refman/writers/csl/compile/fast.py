"""citeproc-py's element classes with their repeated look-ups memoised, and digraph initials.

A plain citeproc-py render spends most of its time re-running the same XPath queries (the
macro by name, the enclosing layout, a name's inherited options, every term) for every
element of every entry. The answers never change once a style is loaded, so these classes
remember them. Nothing else differs from citeproc-py: the output is character for character
the same (benchmarks/bench_render.py checks it), except that an initial the data already
gives with two letters ("Yu.", "Zh.") keeps them, as GOST requires.

The memos are keyed by element identity, which is stable only while every element proxy
stays alive: ``load`` keeps them all in a list on the root for the style's lifetime.

Most entries never reach these classes: ``Style`` also compiles its bibliography layout
(csl.compile.layout). They render the elements the compiled layout delegates and the rare
entry in a state its string model does not carry. ``Style(renderer="citeproc")`` uses
citeproc-py's own classes instead (only the initials rule is refman's), the reference the
compiled layout is tested against (tests/test_styles.py).
"""

from __future__ import annotations

from typing import Any

import citeproc.model as cpm
from lxml import etree

from ..styles import CSL_NS
from .memo import MEMOISED, Memoised, memo_of
from .nodes import initials

#: Initials that stand for one Cyrillic letter in romanised Russian names, kept whole.
_MISSING = object()


_memo = memo_of


class _FastTree:
    """Memoised tree navigation (every element, cs:locale included)."""

    def get_root(self):
        root = self.__dict__.get("_refman_root")
        if root is None:
            root = self.getroottree().getroot()
            self.__dict__["_refman_root"] = root
        return root

    def xpath_search(self, expression):
        memo = _memo(self)
        key = ("x", id(self), expression)
        found = memo.get(key)
        if found is None:
            found = memo[key] = self.xpath(expression, namespaces=self.nsmap)
        return found

    def get_formatter(self):
        return self.get_root().formatter

    def get_macro(self, name):
        memo = _memo(self)
        key = ("macro", name)
        found = memo.get(key)
        if found is None:
            found = memo[key] = cpm.CitationStylesElement.get_macro(self, name)
        return found

    def calls_variable(self):
        memo = _memo(self)
        key = ("cv", id(self))
        found = memo.get(key)
        if found is None:
            found = memo[key] = super().calls_variable()
        return found

    def format(self, string):
        """Formatted.format, skipped for the many elements that carry no font attribute."""
        memo = _memo(self)
        key = ("fmt", id(self))
        plain = memo.get(key)
        if plain is None:
            plain = memo[key] = not any(self.get(a) for a in _FONT_ATTRS)
        if plain:
            return str(string) if isinstance(string, (int, float)) else string
        return cpm.Formatted.format(self, string)

    def wrap(self, string):
        """Affixed.wrap, skipped for elements without prefix or suffix."""
        if string is not None and self.get("prefix") is None and self.get("suffix") is None:
            return string
        return cpm.Affixed.wrap(self, string)


_FONT_ATTRS = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")


class _Fast(_FastTree):
    """Memoised versions of the style-wide look-ups citeproc-py repeats for every entry."""

    def get_term(self, name, form=None, fallback_locale=True, zero_padded=False):
        memo = _memo(self)
        key = ("t", name, form, fallback_locale, zero_padded)
        found = memo.get(key, _MISSING)
        if found is _MISSING:
            found = memo[key] = cpm.CitationStylesElement.get_term(
                self, name, form, fallback_locale, zero_padded
            )
        return found

    def get_single_term(self, name, *args, **kwargs):
        memo = _memo(self)
        key = ("s", name, args, tuple(sorted(kwargs.items())))
        found = memo.get(key)
        if found is None:
            found = memo[key] = cpm.CitationStylesElement.get_single_term(self, name, *args, **kwargs)
        return found

    def get_plural_term(self, name, *args, **kwargs):
        memo = _memo(self)
        key = ("p", name, args, tuple(sorted(kwargs.items())))
        found = memo.get(key)
        if found is None:
            found = memo[key] = cpm.CitationStylesElement.get_plural_term(self, name, *args, **kwargs)
        return found

    def get_date(self, form):
        memo = _memo(self)
        key = ("d", form)
        found = memo.get(key)
        if found is None:
            found = memo[key] = cpm.CitationStylesElement.get_date(self, form)
        return found

    def get_locale_option(self, name):
        memo = _memo(self)
        key = ("l", name)
        found = memo.get(key, _MISSING)
        if found is _MISSING:
            found = memo[key] = cpm.CitationStylesElement.get_locale_option(self, name)
        return found

    def unicode_character(self, name):
        memo = _memo(self)
        key = ("u", name)
        found = memo.get(key)
        if found is None:
            found = memo[key] = cpm.CitationStylesElement.unicode_character(self, name)
        return found


class _FastName(_Fast):
    def get_option(self, name, context=None, sort_options=None):
        if sort_options is not None:
            return cpm.Name.get_option(self, name, context, sort_options)
        memo = _memo(self)
        key = ("o", id(self), name, id(context))
        found = memo.get(key, _MISSING)
        if found is _MISSING:
            found = memo[key] = cpm.Name.get_option(self, name, context, sort_options)
        return found

    def initialize(self, given, mark, context):
        """Initials joined by ``mark``; particles (lower-case words) kept; "Yu." stays "Yu."."""
        hyphen = self.get_option("initialize-with-hyphen", context)
        pieces = given.split("-") if hyphen else [given.replace("-", " ")]
        return "-".join(initials(piece, mark) for piece in pieces)


def _fast_classes() -> dict[str, type]:
    classes: dict[str, type] = {}
    for cls in cpm.CitationStylesElement.__subclasses__():
        mixin = {cpm.Name: _FastName, cpm.Locale: _FastTree}.get(cls, _Fast)
        bases = (Memoised, mixin, cls) if cls in MEMOISED else (mixin, cls)
        fast = type(cls.__name__, bases, {"__module__": __name__})
        classes[cls.__name__.replace("_", "-").lower()] = fast
    return classes


_CLASSES = _fast_classes()


class _RefmanName(cpm.Name):
    """citeproc-py's cs:name with refman's initials rule only (the plain renderer's)."""

    initialize = _FastName.initialize


def parser(memoised: bool = True) -> etree.XMLParser:
    """A safe parser (no DTD, entities or network) that builds citeproc-py's elements:
    our memoising subclasses, or (``memoised=False``) citeproc-py's own classes with only
    refman's initials rule."""
    from ....parse.safe_xml import safe_parser

    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(CSL_NS)
    if memoised:
        namespace[None] = type("CitationStylesElement", (_Fast, cpm.CitationStylesElement), {})
        namespace.update(_CLASSES)
    else:
        namespace[None] = cpm.CitationStylesElement
        namespace.update({cls.__name__.replace("_", "-").lower(): cls for cls in _CLASSES_PLAIN})
        namespace["name"] = _RefmanName
    xml_parser = safe_parser(encoding="UTF-8")
    xml_parser.set_element_class_lookup(lookup)
    return xml_parser


_CLASSES_PLAIN = tuple(c for c in cpm.CitationStylesElement.__subclasses__() if c.__module__ == cpm.__name__)
#: The renderers a user may choose: the compiled layout (citeproc-py's elements for what it
#: does not model), or citeproc-py's own element classes for every entry.
RENDERERS = ("fast", "citeproc")


class Style:
    """A parsed style bound to one entry language, one output formatter and one renderer.

    ``renderer="fast"``: the compiled bibliography layout (csl.compile.layout) on memoised
    elements; ``"citeproc"``: citeproc-py's own element classes, nothing compiled or
    remembered (for users who want it, and as the reference in tests/test_styles.py).
    """

    def __init__(self, data: bytes, locale: str, formatter: Any, renderer: str = "fast") -> None:
        fast = renderer == "fast"
        tree = etree.fromstring(data, parser(memoised=fast)).getroottree()
        root = tree.getroot()
        if fast:
            for names in root.iter(f"{{{CSL_NS}}}names"):
                # citeproc-py inserts a default cs:name at render time; doing it now keeps
                # every element (and so every memo key) alive and fixed from here on.
                if (
                    names.getparent().tag != f"{{{CSL_NS}}}substitute"
                    and names.find(f"{{{CSL_NS}}}name") is None
                ):
                    names.insert(0, cpm.Name())
            root.__dict__["_refman_keep"] = list(root.iter())
        root.formatter = formatter
        root.set_locale_list(locale, validate=False)
        if fast:
            for locale_root in root.locales:
                locale_root.__dict__["_refman_keep"] = list(locale_root.iter())
        self.root = root
        self.layout = root.bibliography.layout
        from .layout import compile_layout

        #: The compiled layout (None for the citeproc renderer, or a layout it cannot compile).
        self.compiled = compile_layout(self.layout) if fast else None
        #: The elements the compiled layout leaves to citeproc-py (csl.compile.layout.describe).
        self.delegated = self.compiled.delegated if self.compiled is not None else ()
        #: Entries rendered so far: "compiled", "citeproc" (the whole entry by citeproc-py).
        self.counts = {"compiled": 0, "citeproc": 0}

    def render_citeproc(self, item: Any) -> Any:
        """The entry as citeproc-py's element classes render it (Layout.render_bibliography)."""
        self.counts["citeproc"] += 1
        self.layout.repressed = {}
        return self.layout.format(self.layout.wrap(self.layout.render_children(item)))
