"""cs:names, cs:name, cs:label and cs:substitute for the compiled layouts (csl.compile.layout).

The same steps as citeproc-py's Names.process and Name.process, in the same order, with the
inherited name options, the et-al term and the labels fixed once per style. Initials follow
refman's rule (csl.compile.fast: "Yu." stays two letters).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import nodes
from .strings import add, conv

_CS = nodes.CS


def names(compiler: Any, element: Any, ctx: Any, names_context: Any = None) -> Any:
    """Names.render: each role's names (and label), else the substitute, then affixes."""
    not_compiled = nodes.NotCompiledError
    host = names_context if names_context is not None else element
    roles = element.get("variable", "").split()
    if set(roles) == {"editor", "translator"}:
        raise not_compiled("editor-translator")
    name_element = host.name
    if name_element is None:
        raise not_compiled("no cs:name")
    name = render_name(compiler, name_element)
    label_element = host.label
    label_first = label_element is not None and label_element is host.getchildren()[0]
    labels: dict[tuple[str, bool], Any] = {}
    delimiter = element.get("delimiter", compiler.bibliography.get_option("names-delimiter"))
    substitute = element.find(f"{_CS}substitute")
    inner = ctx if ctx is not None else element
    fallback = substitute_of(compiler, substitute, element, inner) if substitute is not None else None
    fmt, wrap, djoin = compiler.formatter(element), compiler.wrapper(element), compiler.djoin
    absent = nodes.ABSENT

    def run(entry: Any, ref: dict, _: str) -> Any:
        output = []
        for role in roles:
            if role in ref:
                text = name(ref[role])
                if label_element is not None:
                    plural = len(ref[role]) > 1
                    label = labels.get((role, plural), absent)
                    if label is absent:
                        label = labels[(role, plural)] = conv(label_element.render(None, role, plural))
                    if label is not None:
                        text = add(label, text) if label_first else add(text, label)
                output.append(text)
        if output:
            text = djoin([t for t in output if t is not None], delimiter)
        elif fallback is not None:
            text = fallback(entry, ref, "")
        else:
            return None
        return wrap(fmt(text)) if text else None

    return run


def substitute_of(compiler: Any, substitute: Any, parent: Any, ctx: Any) -> Any:
    """Substitute.render: the first child that renders, its variable then suppressed."""
    layout = compiler.layout
    kids = []
    for child in substitute.iterchildren():
        kind = nodes.local(child)
        if kind == "names" and child.name is None:
            kids.append((names(compiler, child, ctx, names_context=parent), child))
        elif kind:
            kids.append((compiler.node(child, ctx), child))

    def run(entry: Any, ref: dict, _: str) -> Any:
        text = None
        for kid, child in kids:
            text = kid(entry, ref, "")
            if text:
                layout.repressed.setdefault(child.tag, []).append(child.get("variable"))
                break
        return text

    return run


def render_name(compiler: Any, element: Any) -> Callable[[list], Any]:
    """Name.render for forms long and short (no cs:name-part), options fixed once."""
    not_compiled = nodes.NotCompiledError
    if element.find(f"{_CS}name-part") is not None:
        raise not_compiled("name-part")

    def option(name: str) -> Any:
        return element.get_option(name, compiler.layout)

    form = option("form")
    if form not in ("long", "short"):
        raise not_compiled("name form")
    and_, delimiter = option("and"), option("delimiter")
    precedes_et_al, precedes_last = option("delimiter-precedes-et-al"), option("delimiter-precedes-last")
    et_al_min, use_first, use_last = option("et-al-min"), option("et-al-use-first"), option("et-al-use-last")
    mark_with, sort_order = option("initialize-with"), option("name-as-sort-order")
    separator, demote = option("sort-separator"), option("demote-non-dropping-particle")
    hyphen = option("initialize-with-hyphen")
    and_term = None
    if and_ == "text":
        and_term = conv(element.get_single_term(name="and"))
    elif and_ == "symbol":
        and_term = conv(element.preformat("&"))
    et_al = conv(element.et_al())
    own, own_last = element.get("delimiter", delimiter), element.get("delimiter", ", ")
    ellipsis = conv(element.unicode_character("horizontal ellipsis")) if use_last else None
    fmt, wrap, djoin = compiler.formatter(element), compiler.wrapper(element), compiler.djoin

    initials: dict[str, str] = {}  # given names repeat across a list

    def initialize(given: str) -> str:
        found = initials.get(given)
        if found is None:
            pieces = given.split("-") if hyphen else [given.replace("-", " ")]
            found = initials[given] = "-".join(nodes.initials(piece, mark_with) for piece in pieces)
        return found

    def render(people: list) -> Any:
        truncate = len(people) > 1 and et_al_min and len(people) >= et_al_min
        last = use_last and use_first <= et_al_min - 2
        if truncate:
            people = [*people[:use_first], people[-1]] if last else people[:use_first]
        output = []
        for i, person in enumerate(people):
            given, family, dp, ndp, suffix = person.parts()
            if given is not None and mark_with is not None:
                given = initialize(given)
            if form == "long":
                if sort_order == "all" or (sort_order == "first" and i == 0):
                    if demote in ("never", "sort-only"):
                        family = " ".join([n for n in (ndp, family) if n])
                        given = " ".join([n for n in (given, dp) if n])
                    else:
                        given = " ".join([n for n in (given, dp, ndp) if n])
                    text = separator.join([n for n in (family, given, suffix) if n])
                else:
                    family = " ".join([n for n in (dp, ndp, family) if n])
                    text = " ".join([n for n in (given, family, suffix) if n])
            else:
                text = " ".join([n for n in (ndp, family) if n])
            output.append(text)
        if truncate and et_al:
            if last:
                output[-1] = ellipsis + " " + output[-1]
                text = djoin(output, own)
            elif precedes_et_al == "always" or (precedes_et_al == "contextual" and len(output) >= 2):
                output.append(et_al)
                text = djoin(output, own)
            else:
                text = add(add(djoin(output, own), " "), et_al)
        elif and_ is not None and len(output) > 1:
            text = djoin(output[:-1], own_last)
            if precedes_last == "always" or (precedes_last == "contextual" and len(output) > 2):
                text = djoin([text, ""], own_last)
            else:
                text = add(text, " ")
            text = add(text, f"{and_term} " + output[-1])
        else:
            text = djoin(output, own)
        return wrap(fmt(text)) if text else None

    return render
