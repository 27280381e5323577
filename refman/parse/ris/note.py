"""The N1 note in which the RIS writer keeps what no RIS tag gives back, and how it is read.

RIS has tags for some CSL variables only, none for refman's own data, and no escapes (a line
break in a value is folded to a space, see ``ris.tags.fold``). The writer reads its own tags
back (``ris.record.build``); every variable that does not come back exactly goes into one
N1 note of ``variable: value`` lines: the form of Zotero's Extra field, which citeproc-js and
refman's CSL-JSON reader also read (``csl_note``): ``original-date: 1950``, ``PMID: 123``,
``author: Family || Given``. A value that form cannot state exactly is written as JSON on
its line: a name with a particle, a date range with a season, a title with a line break, an
empty string, and ``custom`` (refman's ``{"refman": {"unmapped": …, "dates": …}}``).

Reading, an N1 note is such a block when every line is ``key: value`` with ``key`` a
CSL-JSON variable spelled exactly (or ``custom``) and every value decodes and validates. The
reader takes it as those variables, whoever wrote it, as Zotero and citeproc-js read Extra.
Numbers come back as text (RIS is text; CSL-JSON allows both).
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import ValidationError

from ...model import CSL_FIELDS, DATE_VARIABLES, NAME_VARIABLES, Reference
from ..csl_note import csl_value
from .tags import fold

#: Keys a block line may have: CSL-JSON variable names as CSL-JSON spells them ("PMID",
#: "container-title", "journalAbbreviation"), "type", "note" and "custom"; never "id".
KEYS = frozenset(CSL_FIELDS) - {"id"}
_LINE = re.compile(r"([A-Za-z][A-Za-z0-9_-]*): (.+)")
#: Characters ``json.dumps(ensure_ascii=False)`` leaves raw that some reader takes for a
#: line end (see ``ris.tags._BREAK``).
_JSON_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def lines(var: str, value: Any) -> list[str]:
    """The block lines stating ``var`` (its CSL-JSON value): one per name for a name list."""
    if var in NAME_VARIABLES and isinstance(value, list):
        return [f"{var}: {_encode(var, name)}" for name in value] if value else [f"{var}: []"]
    return [f"{var}: {_encode(var, value)}"]


def _encode(var: str, value: Any) -> str:
    """Plain text when reading it gives ``value`` back (numbers as their text), else JSON."""
    plain = _plain(var, value)
    if plain is not None and _safe(plain):
        expected = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        if csl_value(var, plain) == expected:
            return plain
    return json.dumps(value, ensure_ascii=False).translate(_JSON_BREAKS)


def _plain(var: str, value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str | int):
        return str(value)
    if isinstance(value, dict) and var in NAME_VARIABLES:
        if set(value) == {"family", "given"}:
            return f"{value['family']} || {value['given']}"
        if set(value) == {"literal"}:
            return str(value["literal"])
    if isinstance(value, dict) and var in DATE_VARIABLES and set(value) == {"date-parts"}:
        return _edtf(value["date-parts"])
    return None


def _edtf(date_parts: Any) -> str | None:
    """[[1950, 5, 12], [1951]] → "1950-05-12/1951" (what ``csl_note`` reads back)."""
    if not isinstance(date_parts, list) or not 1 <= len(date_parts) <= 2:
        return None
    texts = []
    for parts in date_parts:
        if not isinstance(parts, list) or not 1 <= len(parts) <= 3:
            return None
        if not all(isinstance(p, int) and not isinstance(p, bool) for p in parts):
            return None
        texts.append("-".join([str(parts[0]), *(f"{p:02d}" for p in parts[1:])]))
    return "/".join(texts)


def _safe(text: str) -> bool:
    """Text that stands on a block line as it is: one line, no edge spaces, not JSON-like."""
    return bool(text) and text == text.strip() and fold(text) == text and text[0] not in '{["'


def read_block(text: str) -> dict[str, Any] | None:
    """The variables (CSL-JSON values) a note states, if it is a block; else None."""
    found: dict[str, Any] = {}
    rows = [row.strip() for row in text.split("\n") if row.strip()]
    if not rows:
        return None
    for row in rows:
        match = _LINE.fullmatch(row)
        if match is None or match[1] not in KEYS:
            return None
        var, value = match[1], _decode(match[1], match[2])
        if var in NAME_VARIABLES:
            found.setdefault(var, []).extend(value if isinstance(value, list) else [value])
        elif var in found:
            return None  # a variable stated twice: not ours
        else:
            found[var] = value
    for var, value in found.items():
        try:
            Reference.model_validate({var: value})
        except (ValidationError, ValueError, TypeError):
            return None
    return found


def _decode(var: str, text: str) -> Any:
    if text[0] in '{["':
        try:
            return json.loads(text)
        except ValueError:
            pass
    return csl_value(var, text)


def agrees(var: str, read: Any, stated: Any) -> bool:
    """Whether a block value restates what a tag gave (folded, split, without a range end):
    the same letters and digits, or, for a date, the same start."""
    if read in (None, "", []):
        return True
    if var in DATE_VARIABLES and isinstance(read, dict) and isinstance(stated, dict):
        start = _first_date(read)
        if start and _first_date(stated)[: len(start)] == start:
            return True
    return _skeleton(read) == _skeleton(stated)


def _first_date(value: dict[str, Any]) -> list[int]:
    parts = value.get("date-parts")
    if not isinstance(parts, list) or not parts or not isinstance(parts[0], list):
        return []
    out = []
    for part in parts[0]:
        try:
            out.append(int(part))
        except (TypeError, ValueError):
            break
    return out


def _skeleton(value: Any) -> str:
    """The letters and digits of every text and number in ``value``, sorted, case folded."""
    chars: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str | int) and not isinstance(item, bool):
            chars.extend(ch for ch in str(item).casefold() if ch.isalnum())
    return "".join(sorted(chars))
