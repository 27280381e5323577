"""A bibliography layout compiled once into Python closures, with citeproc-py's own semantics.

Walking the style tree for every entry (XPath, attribute and option look-ups, term searches,
exceptions for every missing variable) is most of what citeproc-py spends. Everything that
depends only on the style is decided here once: options, terms, affixes, which conditions
to test, which children call variables. What remains per entry is what depends on the data,
done in the order citeproc-py's element classes do it, on plain strings in citeproc-py's
string model (``csl.compile.strings``) read straight from the CSL-JSON item, so the text is
the same character for character.

What the compiled layout renders itself (CSL 1.0.2 names; "fonts" is font-style,
font-variant, font-weight, text-decoration and vertical-align):

- cs:layout: prefix, suffix, fonts.
- cs:group: delimiter, prefix, suffix, fonts; left out when it calls variables and none renders.
- cs:choose with cs:if, cs:else-if, cs:else: the conditions ``type``, ``variable`` and
  ``is-numeric``, with ``match`` any, all or none; the delimiter of the enclosing group.
- cs:text: ``variable`` (with ``form="short"`` and the page variables' range formatting),
  ``macro``, ``term`` (``form``, ``plural``), ``value``; prefix, suffix, fonts, strip-periods.
- cs:number: any variable but ``locator``; prefix, suffix, fonts, strip-periods.
- cs:date without ``form``: its cs:date-part children year (long, short), month (long, short,
  numeric, numeric-leading-zeros; seasons), day (numeric, numeric-leading-zeros) with their
  affixes, fonts and strip-periods; literal dates and date ranges; delimiter, prefix, suffix.
- cs:names: its variables, delimiter, prefix, suffix, fonts; cs:name in forms long and short
  with ``and``, ``delimiter``, ``delimiter-precedes-et-al``, ``delimiter-precedes-last``,
  ``et-al-min``, ``et-al-use-first``, ``et-al-use-last``, ``initialize-with`` (refman's
  initials: "Yu." stays two letters), ``initialize-with-hyphen``, ``name-as-sort-order``,
  ``sort-separator``, ``demote-non-dropping-particle``, with their inheritance; cs:label;
  cs:substitute with the suppression of the variable it substitutes.

Any other element or attribute (``text-case``, ``quotes``, localized dates, ordinal days,
cs:name-part, ``form="count"``, ``position``, ``locator``, ``citation-number``…) is
delegated: that one element is rendered by citeproc-py's own element object, with the
arguments its parent would pass, and its text comes back into the compiled layout. Each
delegation is listed in ``Compiled.delegated``; tests/test_styles.py requires none for the
bundled styles and compares every renderer with plain citeproc-py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import citeproc.model as cpm
from citeproc.source import VariableError

from . import dates as csl_compile_dates
from . import names as csl_compile_names
from .nodes import ABSENT, CS, NotCompiledError, local
from .strings import EMPTY, OutsideModelError, T, add, conv, pure_join, seam

#: f(entry, reference, delimiter) -> rendered text or None (None also stands for VariableError:
#: every parent in citeproc-py treats the two alike). ``entry.cite`` is the entry as a
#: citeproc-py CitationItem (built on first use, for delegated elements only).
Node = Callable[[Any, dict, str], Any]
FONTS = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")
_TEXT_ATTRS = frozenset({"variable", "macro", "term", "value", "form", "plural", "prefix", "suffix",
                         "display", "strip-periods", *FONTS})  # fmt: skip
_CONDITIONS = frozenset({"type", "variable", "is-numeric", "match"})
_CS = CS
_DYNAMIC = ("citation-number", "locator", "first-reference-note-number", "year-suffix")


def _plain_mark(text: Any) -> Any:
    """The markup of an element without affixes, font or stripped periods."""
    if not text:
        return None
    return str(text) if isinstance(text, (int, float)) else text


def describe(element: Any) -> str:
    """An element as a style author finds it: tag and attributes, and the macro it is in."""
    attributes = "".join(f' {k}="{v}"' for k, v in element.attrib.items())
    macro = next((a.get("name") for a in element.iterancestors() if local(a) == "macro"), None)
    return f"<{local(element)}{attributes}>" + (f' in macro "{macro}"' if macro else " in the layout")


@dataclass(frozen=True, slots=True)
class Compiled:
    """A compiled layout: f(entry, reference) -> the entry's text, and what it delegates."""

    render: Callable[[Any, dict], Any]
    #: The elements citeproc-py renders for the compiled layout (``describe``), each once.
    delegated: tuple[str, ...]


class Compiler:
    """Compiles the children of one bibliography layout (see the module doc)."""

    def __init__(self, layout: Any) -> None:
        self.layout = layout
        self.bibliography = layout.getparent()
        self.delegated: list[str] = []
        if local(self.bibliography) != "bibliography":
            raise NotCompiledError("not a bibliography layout")
        if layout.get_locale_option("punctuation-in-quote") is None:
            raise NotCompiledError("no punctuation-in-quote option")  # citeproc-py fails on every cs:text
        #: only a cs:text in a cs:substitute suppresses a cs:text variable later in the entry
        self.represses_text = any(
            local(child) == "text"
            for substitute in layout.getroottree().getroot().iter(f"{_CS}substitute")
            for child in substitute.iterchildren()
        )

    # -- what every element shares ---------------------------------------------------------

    def djoin(self, strings: list, delimiter: str) -> Any:
        """Delimited.join (it swallows any error into an empty String); no None in ``strings``."""
        try:
            return pure_join(strings, delimiter)
        except OutsideModelError:
            raise
        except Exception:  # noqa: BLE001 - as citeproc-py
            return EMPTY

    def wrapper(self, element: Any) -> Callable[[Any], Any]:
        """Affixed.wrap with the element's prefix and suffix fixed."""
        prefix, suffix = element.get("prefix", ""), element.get("suffix", "")
        if not prefix and not suffix:
            return lambda string: string

        def wrap(string: Any) -> Any:
            if string is None:
                return None
            text = add(prefix, seam(prefix, string))
            return add(text, seam(text, suffix))

        return wrap

    def formatter(self, element: Any) -> Callable[[Any], Any]:
        """Formatted.format: the formatter's wrappers only where the element asks for a font."""
        if any(element.get(a) for a in FONTS):  # as csl.compile.fast: an empty attribute is no font
            return lambda text: conv(cpm.Formatted.format(element, text))
        return lambda text: str(text) if isinstance(text, (int, float)) else text

    def marker(self, element: Any) -> Callable[[Any], Any]:
        """The element's markup: strip periods, font, affixes (that order); text case and
        quotes work per segment of citeproc-py's strings, so their elements are delegated."""
        if element.get("text-case") is not None or element.get("quotes", "false").lower() == "true":
            raise NotCompiledError("text-case or quotes")
        strip = element.get("strip-periods", "false").lower() == "true"
        fmt, wrap = self.formatter(element), self.wrapper(element)
        if not (strip or any(element.get(a) for a in (*FONTS, "prefix", "suffix"))):
            return _plain_mark

        def mark(text: Any) -> Any:
            if not text:
                return None
            if strip:
                text = T(text.replace(".", "")) if type(text) is T else text.replace(".", "")
            return wrap(fmt(text))

        return mark

    # -- structure ------------------------------------------------------------------------

    def entry(self) -> Compiled:
        """The entry as Style.render gives it (layout affixes and font)."""
        layout = self.layout
        children = self.children(layout, None)
        fmt, wrap = self.formatter(layout), self.wrapper(layout)

        def render(entry: Any, ref: dict) -> Any:
            layout.repressed = {}
            return fmt(wrap(children(entry, ref, "")))

        return Compiled(render, tuple(dict.fromkeys(self.delegated)))

    def children(self, parent: Any, ctx: Any) -> Node:
        """Parent.render_children: each child, a choose with the inherited delimiter."""
        kids = [self.node(child, ctx) for child in parent.iterchildren() if local(child)]
        if len(kids) == 1:
            return kids[0]  # join of one text is that text

        def run(entry: Any, ref: dict, delimiter: str) -> Any:
            output = []
            for kid in kids:
                text = kid(entry, ref, delimiter)
                if text is not None:
                    output.append(text)
            return pure_join(output, delimiter) if output else None

        return run

    def node(self, element: Any, ctx: Any) -> Node:
        """The element compiled, or delegated to citeproc-py when the compiler does not model it."""
        kind = local(element)
        builder = _BUILDERS.get(kind)
        delegated = len(self.delegated)
        try:
            if builder is None:
                raise NotCompiledError(kind)
            return builder(self, element, ctx)
        except Exception:  # noqa: BLE001 - NotCompiledError, or a broken style: citeproc-py's own behaviour
            del self.delegated[delegated:]  # the element's own children go with it
            return self.delegate(element, ctx)

    def delegate(self, element: Any, ctx: Any) -> Node:
        """citeproc-py renders this element itself, with the arguments its parent passes."""
        self.delegated.append(describe(element))
        choose = isinstance(element, cpm.Choose)

        def run(entry: Any, ref: dict, delimiter: str) -> Any:
            try:
                if choose:
                    return conv(element.render(entry.cite, context=ctx, delimiter=delimiter))
                return conv(element.render(entry.cite, context=ctx))
            except VariableError:
                return None

        return run

    def group(self, element: Any, ctx: Any) -> Node:
        """Group.render: suppressed when it calls variables and none of them rendered.

        Every child is evaluated, so "called a variable" is known here; "rendered one" is
        whether a child that calls variables gave text (all or none of them, mostly).
        """
        found = [(self.node(c, ctx), bool(c.calls_variable())) for c in element.iterchildren() if local(c)]
        kids = [kid for kid, _ in found]
        callers = {i for i, (_, calls) in enumerate(found) if calls}
        own = element.get("delimiter", "")
        fmt, wrap, djoin = self.formatter(element), self.wrapper(element), self.djoin
        plain = not any(element.get(a) for a in (*FONTS, "prefix", "suffix"))
        if len(callers) in (0, len(kids)):

            def gather(entry: Any, ref: dict) -> list | None:
                output = [text for kid in kids if (text := kid(entry, ref, own)) is not None]
                return output or None
        else:

            def gather(entry: Any, ref: dict) -> list | None:
                output, rendered = [], False
                for index, kid in enumerate(kids):
                    text = kid(entry, ref, own)
                    if text is not None:
                        output.append(text)
                        rendered = rendered or index in callers
                return output if output and rendered else None

        def group(entry: Any, ref: dict, _: str) -> Any:
            output = gather(entry, ref)
            if output is None:
                return None
            text = output[0] if len(output) == 1 else djoin(output, own)
            if not text:
                return None
            return text if plain else wrap(fmt(text))

        return group

    def choose(self, element: Any, ctx: Any) -> Node:
        branches = []
        for branch in element.iterchildren():
            kind = local(branch)
            if kind in ("if", "else-if"):
                if not set(branch.attrib) <= _CONDITIONS:
                    raise NotCompiledError("condition")
                branches.append((self.condition(branch), self.children(branch, ctx)))
            elif kind == "else":
                branches.append((None, self.children(branch, ctx)))
            elif kind:
                raise NotCompiledError(kind)

        def choose(entry: Any, ref: dict, delimiter: str) -> Any:
            for test, body in branches:
                if test is None or test(ref):
                    return body(entry, ref, delimiter)
            return None

        return choose

    def condition(self, branch: Any) -> Callable[[dict], bool]:
        """If.render's tests: type, variable, is-numeric; match any, none or all."""
        types = [t.lower() for t in branch.get("type", "").split()] if "type" in branch.attrib else None
        variables = [v.replace("-", "_") for v in branch.get("variable", "").split()]
        if "locator" in variables:
            raise NotCompiledError("locator")
        has_variables = "variable" in branch.attrib
        numeric = [v.replace("-", "_") for v in branch.get("is-numeric", "").split()]
        has_numeric = "is-numeric" in branch.attrib
        is_numeric = cpm.If.re_numeric.match
        match = branch.get("match")
        combine = {"any": any, "none": lambda r: not any(r)}.get(match, all)
        if types and not has_variables and not has_numeric and (match in ("any", "none") or len(types) == 1):
            wanted, negate = frozenset(types), match == "none"
            return lambda ref: (ref["type"] in wanted) is not negate
        if variables and types is None and not has_numeric and match in ("any", "none"):
            negate = match == "none"
            return lambda ref: any(v in ref for v in variables) is not negate

        def test(ref: dict) -> bool:
            results: list = []
            if types is not None:
                kind = ref["type"]
                results += [t == kind for t in types]
            if has_variables:
                results += [v in ref for v in variables]
            if has_numeric:
                results += [v in ref and is_numeric(str(ref[v])) for v in numeric]
            return combine(results)

        return test

    # -- cs:text and cs:number --------------------------------------------------------------

    def text(self, element: Any, ctx: Any) -> Node:
        if not set(element.attrib) <= _TEXT_ATTRS:
            raise NotCompiledError("text attribute")
        mark = self.marker(element)
        if "variable" in element.attrib:
            return self.text_variable(element, mark)
        if "macro" in element.attrib:
            body = self.children(element.get_macro(element.get("macro")), ctx if ctx is not None else element)
            if mark is _plain_mark:
                return lambda entry, ref, _: body(entry, ref, "") or None  # never a number here
            return lambda entry, ref, _: mark(body(entry, ref, ""))
        if "term" in element.attrib:
            form = element.get("form", "long")
            plural = element.get("plural", "false").lower() == "true"
            term = (element.get_plural_term if plural else element.get_single_term)(
                name=element.get("term"), form=form if form != "long" else None
            )
        elif "value" in element.attrib:
            term = cpm.String(element.preformat(element.get("value")))
        else:
            raise NotCompiledError("empty text")
        constant = mark(conv(term))
        return lambda entry, ref, _: constant

    def text_variable(self, element: Any, mark: Callable[[Any], Any]) -> Node:
        variable = element.get("variable")
        if variable in _DYNAMIC:
            raise NotCompiledError(variable)
        layout, tag = self.layout, element.tag
        short = element.get("form") == "short"
        key, short_name = variable.replace("-", "_"), variable + "-short"
        short_key = short_name.replace("-", "_")
        if not short and not variable.startswith("page") and not self.represses_text:

            def simple(entry: Any, ref: dict, _: str) -> Any:
                value = ref.get(key, ABSENT)
                return None if value is ABSENT else mark(value)

            return simple

        def text(entry: Any, ref: dict, _: str) -> Any:
            repressed = layout.repressed
            if repressed and tag in repressed and variable in repressed[tag]:
                return None
            name, name_key = (short_name, short_key) if short and short_key in ref else (variable, key)
            if name.startswith("page"):
                if "page" not in ref:
                    return None
                value = conv(element._process(ref["page"], name))
            else:
                value = ref.get(name_key, ABSENT)
                if value is ABSENT:
                    return None
            return mark(value)

        return text

    def number(self, element: Any, ctx: Any) -> Node:
        """Number.render (its variable is read without the '-' → '_' mapping, as there)."""
        variable = element.get("variable")
        if variable is None or variable == "locator":
            raise NotCompiledError("number")
        key = "page" if variable == "page-first" else variable
        mark = self.marker(element)

        def number(entry: Any, ref: dict, _: str) -> Any:
            if key not in ref:
                return None
            return mark(conv(element._process(ref[key], variable)))

        return number


_BUILDERS: dict[str, Callable[[Compiler, Any, Any], Node]] = {
    "group": Compiler.group,
    "choose": Compiler.choose,
    "text": Compiler.text,
    "number": Compiler.number,
    "date": csl_compile_dates.date,
    "names": csl_compile_names.names,
}


def compile_layout(layout: Any) -> Compiled | None:
    """The compiled layout, or None when no part of it can be compiled (not a bibliography
    layout, or a locale without the punctuation-in-quote option that citeproc-py requires)."""
    try:
        return Compiler(layout).entry()
    except NotCompiledError:
        return None
