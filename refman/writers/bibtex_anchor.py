"""A changed entry written the way its author wrote it, wherever the meaning did not change.

An entry read from a .bib file and then changed (a fix, a merge, another dialect) is written
afresh from the model, and the fresh fields are then anchored to the fields as read
(``SourceSpan.fields``): a fresh field whose meaning equals the source field of the same name
(or its twin in the other dialect: ``journal``/``journaltitle``, ``address``/``location``…)
is written as the source wrote it, with its macros, braces, ``#`` and LaTeX. Fields keep the
source's order and spelling; new ones follow. A source field the fresh writer does not produce
stays if the model still holds what it says (``type = {PhD thesis}``), and goes only if its
variable was removed or changed. So a rewrite never re-escapes LaTeX nor drops a field, and
writing the output again gives the same bytes.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Reference
from ..parse.bibnames import parse_names
from ..parse.bibtex_fields import (
    NAME_FIELDS,
    TEXT_FIELDS,
    VERBATIM_FIELDS,
    langid_to_language,
    month_number,
)  # fmt: skip
from ..parse.latex import to_unicode
from ..parse.bibtex_values import evaluate

#: The same field under its BibTeX and its BibLaTeX name (biber's default source map).
TWINS = {
    "journal": "journaltitle", "journaltitle": "journal", "address": "location", "location": "address",
    "school": "institution", "institution": "school", "annote": "annotation", "annotation": "annote",
    "language": "langid", "langid": "language",
}  # fmt: skip
#: Fields whose value is split over several source fields, by the field the writer produces.
GROUPS = {"title": "subtitle", "booktitle": "booksubtitle"}
_BODIES = frozenset(["publisher", "authority", "container-title", "URL"])
#: Fields the reader sends to one of several variables, by entry type and neighbours.
_SHARED = {
    **dict.fromkeys(["institution", "school", "organization", "howpublished", "publisher"], _BODIES),
    **dict.fromkeys(["booktitle", "journal", "journaltitle"], frozenset(["container-title"])),
    **dict.fromkeys(["number", "issue"], frozenset(["issue", "number", "collection-number"])),
}
_DATE_PARTS = frozenset(["year", "month", "day", "date"])
_TYPE = re.compile(r"\s*@\s*([A-Za-z]+)")

Field = tuple[str, str]  # (name as written, value expression)


def meaning(name: str, expr: str, macros: dict[str, str]) -> Any:
    """What a field's value says, as the reader would take it: equal meanings, same field."""
    text = evaluate(expr, macros)
    name = name.lower()
    if name in VERBATIM_FIELDS:
        return text.strip()
    if name in NAME_FIELDS:
        return [n.model_dump(exclude_none=True) for n in parse_names(text)[0]]
    plain = to_unicode(text)
    if name == "month":
        return month_number(plain) or plain.lower()
    if name in ("langid", "language"):
        return langid_to_language(plain)
    return plain


def anchor(
    ref: Reference,
    etype: str,
    fresh: list[tuple[str, str, bool]],
    macros: dict[str, str],
    parent_in_output: bool,
) -> tuple[str, list[Field]]:
    """(entry type as written, fields): ``fresh`` anchored to the entry's source fields."""
    origin = ref.origin
    source: list[Field] = list(origin.fields or []) if origin is not None else []
    written_type = _TYPE.match(origin.raw or "") if origin is not None else None
    out_type = written_type[1] if written_type and written_type[1].lower() == etype else etype
    by_name: dict[str, tuple[int, Field]] = {}
    for index, field in enumerate(source):
        by_name.setdefault(field[0].lower(), (index, field))
    inherited = {name.lower() for name in (origin.inherited or [])} if origin is not None else set()
    placed: list[tuple[float, Field]] = []
    used: set[int] = set()
    fresh_names = {name for name, _, _ in fresh}
    for order, (name, value, bare) in enumerate(fresh):
        expr = value if bare else "{" + value + "}"
        if parent_in_output and name in inherited and name not in by_name:
            continue  # the parent, which is in the output too, still gives it
        match = by_name.get(name) or by_name.get(TWINS.get(name, "")) or _same_variable(source, used, name, expr, macros)
        if match is not None:
            index, (src_name, src_expr) = match
            same_var = src_name.lower() not in (name, TWINS.get(name))
            used.add(index)
            if name in GROUPS and _group_matches(by_name, name, expr, macros):
                part = by_name[GROUPS[name]]
                used.add(part[0])
                placed += [(index, (src_name, src_expr)), (part[0], part[1])]
                continue
            same = meaning(name, src_expr, macros) == meaning(name, expr, macros)
            spelled = src_name if src_name.lower() == name or same_var else name
            placed.append((index, (spelled, src_expr) if same else (spelled, expr)))
        else:
            placed.append((len(source) + order, (name, expr)))
    for index, (src_name, src_expr) in enumerate(source):
        if index not in used and _still_said(ref, src_name.lower(), src_expr, fresh_names, macros):
            placed.append((index, (src_name, src_expr)))
    placed.sort(key=lambda item: item[0])
    return out_type, [field for _, field in placed]


def _variables(name: str) -> frozenset[str]:
    """The CSL variables the reader may fill from a field (several where the type decides)."""
    single = NAME_FIELDS.get(name) or TEXT_FIELDS.get(name)
    return _SHARED.get(name) or (frozenset([single]) if single else frozenset())


def _same_variable(
    source: list[Field], used: set[int], name: str, expr: str, macros: dict[str, str]
) -> tuple[int, Field] | None:
    """An unused source field that says the same under another name (``journal`` of a @book
    that the writer would call ``booktitle``): the source's name is kept."""
    targets = _variables(name)
    if not targets:
        return None
    said = meaning(name, expr, macros)
    for index, (src_name, src_expr) in enumerate(source):
        if (
            index not in used
            and targets & _variables(src_name.lower())
            and meaning(src_name, src_expr, macros) == said
        ):
            return index, (src_name, src_expr)
    return None


def _group_matches(by_name: dict[str, tuple[int, Field]], name: str, expr: str, macros: dict[str, str]) -> bool:
    """A title the reader built from title and subtitle, unchanged: both are written back."""
    part = by_name.get(GROUPS[name])
    if part is None:
        return False
    head = meaning(name, by_name[name][1][1], macros)
    tail = meaning(name, part[1][1], macros)
    joined = f"{head} {tail}" if head.endswith(("?", "!", ":")) else f"{head}: {tail}"
    return bool(joined == meaning(name, expr, macros))


def _still_said(ref: Reference, name: str, expr: str, fresh_names: set[str], macros: dict[str, str]) -> bool:
    """A source field the fresh fields do not cover: kept unless the model no longer says it."""
    if name in _DATE_PARTS:
        return not (fresh_names & _DATE_PARTS) and ref.issued is not None
    if name in GROUPS.values() or name in ("crossref", "xdata"):
        return False  # folded into the title; or a link the fresh fields keep where it resolves
    if name in ref.unmapped:
        return True
    var = NAME_FIELDS.get(name) or TEXT_FIELDS.get(name)
    if var is None or name in _SHARED:
        return False  # consumed by the reader into a variable that the fresh fields write
    value = ref.get(var)
    if value is None or value in ("", []):
        return False  # removed since reading (a fix, a merge)
    said = meaning(name, expr, macros)
    if var == "genre":
        return True  # the genre a type implies, which the fresh fields leave out
    current = [n.model_dump(exclude_none=True) for n in value] if name in NAME_FIELDS else str(value)
    return bool(current == said)
