"""Memoised rendering of style elements, keyed by exactly the item data each one reads.

Entries share a great deal (dates, sites, journals, the content type, the access note). An
element (a macro call, group, choose, names or date) that sees the same item type, language,
suppressed variables and values of the variables under it renders the same text, so the
result is remembered per parsed style. Elements with side effects (cs:substitute suppresses
variables later in the entry) or that read anything but the item (citation number,
locator, position) are always rendered. A variable that is only tested (cs:if variable=…)
keys on its presence, a printed one on its value.
"""

from __future__ import annotations

from typing import Any

import citeproc.model as cpm
from citeproc.source import VariableError
from lxml import etree

#: What an element may read that is not the item's own data: such elements are not memoised.
_DYNAMIC = frozenset(
    {"citation-number", "year-suffix", "locator", "first-reference-note-number", "citation-label"}
)
_DEP_ATTRS = ("variable", "is-numeric", "is-uncertain-date")
_MISSING = object()
#: The element classes whose render is memoised (leaf texts are cheaper to render than to key).
MEMOISED = frozenset({cpm.Text, cpm.Group, cpm.Choose, cpm.Names, cpm.Date})


def memo_of(element: Any) -> dict:
    """The memo of the style an element belongs to (kept on its root, and on the element)."""
    memo = element.__dict__.get("_refman_m")
    if memo is None:
        memo = element.__dict__["_refman_m"] = element.get_root().__dict__.setdefault("_refman_memo", {})
    return memo


class _Failed:
    """A remembered VariableError (a group with nothing to show), raised again on a hit."""


class Memoised:
    def render(self, item, *args, **kwargs):
        deps = self.__dict__.get("_refman_deps", _MISSING)
        if deps is _MISSING:
            deps = self.__dict__["_refman_deps"] = _deps(self)
        data = item.__dict__.get("_refman_raw")  # the CSL-JSON item (csl.render._Item)
        if deps is None or args or data is None or not kwargs.keys() <= {"context", "delimiter"}:
            return super().render(item, *args, **kwargs)
        context = kwargs.get("context")
        repressed = (context if context is not None else self).get_layout().repressed
        key = ("r", id(self), id(context), kwargs.get("delimiter"), data.get("type"), data.get("language"),
               tuple((k, tuple(v)) for k, v in repressed.items()),
               *(_repr(item, data, var) for var in deps[0]), *(var in data for var in deps[1]))  # fmt: skip
        memo = memo_of(self)
        found = memo.get(key, _MISSING)
        if found is _MISSING:
            try:
                found = super().render(item, *args, **kwargs)
            except VariableError:
                found = _Failed
            memo[key] = found
        if found is _Failed:
            raise VariableError
        return found


def _repr(item: Any, data: dict, var: str) -> str:
    """A variable's value as a memo key part, computed once per item."""
    reprs = item.__dict__.setdefault("_refman_reprs", {})
    found = reprs.get(var)
    if found is None:
        found = reprs[var] = repr(data.get(var))
    return found


def _deps(element: Any) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(variables whose values the element prints, variables it only tests for), or None."""
    memo = memo_of(element)
    key = ("deps", id(element))
    if key not in memo:
        leaf_text = isinstance(element, cpm.Text) and "macro" not in element.attrib
        memo[key] = None if leaf_text or _in_locale(element) else _collect(element)
    return memo[key]


def _in_locale(element: Any) -> bool:
    return any(
        etree.QName(a).localname == "locale" for a in element.iterancestors() if isinstance(a.tag, str)
    )


def _collect(element: Any) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    printed: set[str] = set()
    tested: set[str] = set()
    pending, seen = [element], set()
    while pending:
        top = pending.pop()
        for node in top.iter():
            if not isinstance(node.tag, str):
                continue
            local = etree.QName(node).localname
            if local == "substitute" or "position" in node.attrib or "locator" in node.attrib:
                return None
            if local == "text" and "macro" in node.attrib and node.get("macro") not in seen:
                seen.add(node.get("macro"))
                pending.append(node.get_macro(node.get("macro")))
            if local == "date" and "form" in node.attrib:
                return None  # a localized date: its parts live in the locale
            condition = local in ("if", "else-if")
            for attr in _DEP_ATTRS:
                names = node.get(attr, "").split()
                (tested if condition and attr == "variable" else printed).update(names)
    if (printed | tested) & _DYNAMIC:
        return None
    return tuple(sorted(printed)), tuple(sorted(tested - printed))
