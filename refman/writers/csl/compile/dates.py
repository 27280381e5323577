"""cs:date and cs:date-part for the compiled layouts (csl.compile.layout).

The same steps as citeproc-py's Date.process and Date_Part.render for dates that are not
localized (no ``form``): each part in the element's order, day and month and year in their
plain forms, the date's delimiter and affixes (a cs:date takes no font in citeproc-py). A
date range is rendered by citeproc-py's own range routine on the parsed date (it needs no
other data of the entry); a date-part form or attribute not modelled here leaves the whole
cs:date to citeproc-py (the layout delegates it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from citeproc.source import DateRange, LiteralDate, VariableError

from . import nodes
from .strings import OutsideModelError, add, conv


def date(compiler: Any, element: Any, ctx: Any) -> Any:
    """Date.render for a date with its own date-parts (a literal date prints its text)."""
    if element.get("form") is not None or element.get("variable") is None:
        raise nodes.NotCompiledError("localized date")
    key = element.get("variable").replace("-", "_")
    if any(nodes.local(p) != "date-part" for p in element.iterchildren() if nodes.local(p)):
        raise nodes.NotCompiledError("date child")
    parts = [
        date_part(compiler, p) for p in element.iterchildren() if p.get("name") in ("year", "month", "day")
    ]
    delimiter, wrap, djoin = element.get("delimiter", ""), compiler.wrapper(element), compiler.djoin
    context = ctx if ctx is not None else element

    def date(entry: Any, ref: dict, _: str) -> Any:
        value = ref.get(key)
        if not value:
            return None
        if isinstance(value, LiteralDate):
            text = value.text
        elif isinstance(value, DateRange):
            try:
                text = conv(element.render_date_range(value, ["year", "month", "day"], context))
            except VariableError:
                return None
        else:
            output = []
            for part in parts:
                rendered = part(value)
                if rendered is not None:
                    output.append(rendered)
            text = djoin(output, delimiter) if output else None
        return wrap(text) if text is not None else None

    return date


def date_part(compiler: Any, part: Any) -> Callable[[Any], Any]:
    """Date_Part.render for day, month and year in their plain forms."""
    name, form = part.get("name"), part.get("form")
    mark = compiler.marker(part)
    if name == "day" and form in (None, "numeric", "numeric-leading-zeros"):
        pattern = "{:02}" if form == "numeric-leading-zeros" else None

        def value(date: Any) -> Any:
            return pattern.format(date["day"]) if pattern else date["day"]
    elif name == "month" and form in (None, "long", "short", "numeric", "numeric-leading-zeros"):
        term_form = "short" if form == "short" else None

        def value(date: Any) -> Any:
            index, term = (date["month"], "month") if "month" in date else (date["season"], "season")
            if form in (None, "long", "short"):
                return conv(part.get_single_term(name=f"{term}-{index:02}", form=term_form))
            if term != "month":
                raise OutsideModelError  # citeproc-py fails an assertion here
            return ("{:02}" if form == "numeric-leading-zeros" else "{}").format(index)
    elif name == "year" and form in (None, "long", "short"):

        def value(date: Any) -> Any:
            year = date["year"]
            if form == "short":
                return str(year)[-2:]
            text = str(abs(year))
            if year < 0:
                return add(text, conv(part.get_single_term(name="bc")))
            if year < 1000:
                return add(text, conv(part.get_single_term(name="ad")))
            return text
    else:
        raise nodes.NotCompiledError("date-part form")

    def render(date: Any) -> Any:
        try:
            return mark(value(date))
        except VariableError:
            return None

    return render
