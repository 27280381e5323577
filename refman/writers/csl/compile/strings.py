"""citeproc-py's string arithmetic on plain Python strings, for the compiled layouts.

citeproc-py builds every entry from ``String`` and ``MixedString`` objects whose ``+`` and
``join`` drop a doubled space or punctuation mark at each seam, while a plain ``str`` (names,
numbers, the formatter's wrappers) concatenates as Python does. Which of the two an operand
is decides the text, so the pure model keeps exactly that one bit: a value is ``T`` (it would
be a String or MixedString), a plain ``str``, or ``W`` (a formatter wrapper: a str subclass
whose own ``+`` wins on the left). The rules below are citeproc-py's ``string.py`` and Python's
operator dispatch, case by case; ``OutsideModelError`` marks the states the model does not
carry (a MixedString whose first segment is empty; a formatter wrapper before a String or a
MixedString), and the entry is then rendered by citeproc-py. ``conv`` brings what citeproc-py
itself computed (a term, a page range, the text of an element it rendered) into the model.
"""

from __future__ import annotations

from typing import Any

from citeproc import DATES, NAMES
from citeproc.source import VariableError
from citeproc.source.json import CiteProcJSON
from citeproc.string import MixedString, String

SEAM = frozenset(".,;:!? ")


class OutsideModelError(Exception):
    """A state the pure model does not carry: citeproc-py renders this entry itself."""


class T(str):
    """A value citeproc-py would hold as String or MixedString (seam-normalising ``+``)."""

    __slots__ = ()


class W(str):
    """A formatter wrapper (html, markdown): a str subclass whose str ``+`` wins on the left."""

    __slots__ = ()


def seam(left: Any, other: Any) -> Any:
    """normalize_seam: ``other`` without a first character that would double ``left``'s last."""
    if not left or not other:
        return other
    first = other[0]
    if first == left[-1] and first in SEAM:
        kind = type(other)
        if kind is T:
            return T(other[1:])
        if kind is str:
            return other[1:]
        raise OutsideModelError
    return other


def add(a: Any, b: Any) -> Any:
    """``a + b`` between citeproc-py values (see the module doc)."""
    ta, tb = type(a), type(b)
    if tb is not T:
        if ta is not T:
            return a + b  # str.__add__: a plain str, no seam
        if b == "":
            return a
    elif ta is W:
        raise OutsideModelError  # str + String is plain, str + MixedString seamed: T does not tell
    elif ta is str:
        if a == "":
            return b
        return T(a + seam(a, b))
    elif b == "":
        return a
    if not a:
        raise OutsideModelError  # String('') + x starts a MixedString with an empty segment
    return T(a + seam(a, b))


def pure_join(items: Any, delimiter: str = "") -> Any:
    """citeproc.string.join: each delimiter and item seamed by join, then again by ``+``."""
    if type(items) is not list:
        items = list(items)
    if not items:
        return T("")
    output, index, count = items[0], 1, len(items)
    while index < count and not (type(output) is T and output):
        output = add(output, seam(output, delimiter))
        output = add(output, seam(output, items[index]))
        index += 1
    if index == count:
        return output
    # from here the text is a non-empty String: every seam is normalised, twice
    text = str(output)
    for item in items[index:]:
        if delimiter:
            last, piece = text[-1], delimiter
            if piece[0] == last and last in SEAM:
                piece = piece[1:]
                if piece and piece[0] == last:
                    piece = piece[1:]
            text += piece
        if item:
            last, piece = text[-1], item
            if piece[0] == last and last in SEAM:
                if type(piece) is W:
                    raise OutsideModelError
                piece = piece[1:]
                if piece and piece[0] == last:
                    piece = piece[1:]
            text += piece
    return T(text)


def conv(value: Any) -> Any:
    """A value citeproc-py computed (a term, a label, a page range) in the pure model."""
    if value is None or type(value) in (str, int, float):
        return value
    if isinstance(value, MixedString):
        if value and str(list.__getitem__(value, 0)) == "":
            raise OutsideModelError
        return T(str(value))
    if isinstance(value, String):
        return T(str(value))
    if isinstance(value, str):
        return W(str(value))
    raise OutsideModelError


#: The empty String (citeproc-py's Delimited.join gives it when a join fails).
EMPTY = T("")


class Person(dict):
    """A CSL-JSON name with citeproc-py's ``Name.parts``."""

    __slots__ = ()

    def parts(self) -> tuple:
        if "literal" in self:
            return (None, self["literal"], None, None, None)
        get = self.get
        return (
            get("given"),
            get("family"),
            get("dropping-particle"),
            get("non-dropping-particle"),
            get("suffix"),
        )


_NAME_KEYS = frozenset(NAMES)
_DATE_KEYS = frozenset(DATES)
_parse_string = CiteProcJSON.parse_string.__get__(CiteProcJSON.__new__(CiteProcJSON))


def pure_reference(item: dict[str, Any], name_keys: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The item as CiteProcJSON would hold it, values in the pure model.

    ``name_keys``: further name variables (underscored) that refman parses as names.
    """
    ref: dict[str, Any] = {}
    for key, value in item.items():
        python_key = key.replace("-", "_")
        if python_key == "id":
            ref["key"] = str(value).lower()
            continue
        if python_key == "type":
            ref["type"] = value
            continue
        if python_key == "key":
            continue
        if python_key == "shortTitle":
            python_key = "title_short"
        if python_key in _NAME_KEYS or python_key in name_keys:
            value = [Person(name) for name in value]
        elif python_key in _DATE_KEYS:
            try:
                value = CiteProcJSON.parse_date(None, value)
            except (TypeError, VariableError, AttributeError) as exc:
                raise OutsideModelError from exc
        elif key != "language":
            text = str(value)
            if "<span" in text.lower():
                text = str(_parse_string(text))  # nocase spans: citeproc-py's own reading
            value = T(text) if text else T("")
        ref[python_key] = value
    if "type" not in ref or "key" not in ref:
        raise OutsideModelError
    return ref
