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

from ...model import CSL_FIELDS, Reference
from ...parse.bibnames import parse_names, split_names
from ...parse.bibtex_fields import (
    VERBATIM_FIELDS,
    entry_head,
    field_name,
    langid_to_language,
    month_number,
    parse_edtf,
)  # fmt: skip
from ...parse.bibtex_map.biblatex import LIST_FIELDS, LIST_SEPARATOR
from ...parse.bibtex_map.table import DATE_FIELDS, NAME_FIELDS, TEXT_FIELDS
from ...parse.bibtex_values import evaluate, split_concatenation
from ...parse.latex import escape, to_unicode
from ...parse.latex_edit import place_edits

#: The same field under its BibTeX and its BibLaTeX name (biber's default source map).
TWINS = {
    "journal": "journaltitle", "journaltitle": "journal", "address": "location", "location": "address",
    "school": "institution", "institution": "school", "annote": "annotation", "annotation": "annote",
    "language": "langid", "langid": "language",
}  # fmt: skip
#: Fields whose value is split over several source fields, by the field the writer produces.
GROUPS = {"title": "subtitle", "booktitle": "booksubtitle", "maintitle": "mainsubtitle"}
#: CSL variables that refman writes under their own name (``keyword``, ``pmid``).
_CSL_NAMED = {var.lower(): var for var in CSL_FIELDS}
_BODIES = frozenset(["publisher", "authority", "container-title", "URL"])
#: Fields the reader sends to one of several variables, by entry type and neighbours.
_SHARED = {
    **dict.fromkeys(["institution", "school", "organization", "howpublished", "publisher"], _BODIES),
    **dict.fromkeys(["booktitle", "journal", "journaltitle"], frozenset(["container-title"])),
    **dict.fromkeys(["number", "issue"], frozenset(["issue", "number", "collection-number"])),
}
_DATE_PARTS = frozenset(["year", "month", "day", "date"])
_DATE_LIKE = re.compile(r"^[\d/.~?%X-]+$")

Field = tuple[str, str]  # (name as written, value expression)


def meaning(name: str, expr: str, macros: dict[str, str]) -> Any:
    """What a field's value says, as the reader would take it: equal meanings, same field."""
    text = evaluate(expr, macros)
    name = name.lower()
    if name in VERBATIM_FIELDS:
        return text.strip()
    if name in DATE_FIELDS:  # ISO 8601 / EDTF, not LaTeX: "1957?" and "1957~" are one date
        date = parse_edtf(text)
        return date.model_dump(exclude_none=True) if date is not None else text.strip()
    if name in NAME_FIELDS:
        return [n.model_dump(exclude_none=True) for n in parse_names(text)[0]]
    if name in LIST_FIELDS:  # "A and B" as the reader takes a biblatex list: "A; B"
        return LIST_SEPARATOR.join(to_unicode(item) for item in split_names(text)) or to_unicode(text)
    plain = to_unicode(text)
    if name == "month":
        return month_number(plain) or plain.lower()
    if name in ("langid", "language"):
        return langid_to_language(plain)
    return plain


class Meaning:
    """``meaning`` for one entry, each (field, expression) worked out once."""

    def __init__(self, macros: dict[str, str]) -> None:
        self.macros = macros
        self.known: dict[tuple[str, str], Any] = {}

    def __call__(self, name: str, expr: str) -> Any:
        key = (name, expr)
        if key not in self.known:
            self.known[key] = meaning(name, expr, self.macros)
        return self.known[key]


def anchor(
    ref: Reference,
    etype: str,
    fresh: list[tuple[str, str, bool]],
    macros: dict[str, str],
    parent_in_output: bool,
    dialect: str = "biblatex",
) -> tuple[str, list[Field]]:
    """(entry type as written, fields): ``fresh`` anchored to the entry's source fields.

    Each fresh field is paired with one source field: first by its own name, then by its twin
    in the other dialect, then by a field the reader sends to the same variable with the
    same meaning; each pass sees only what the earlier ones left."""
    mean = Meaning(macros)
    origin = ref.origin
    source: list[Field] = list(origin.fields or []) if origin is not None else []
    head = entry_head(origin.raw) if origin is not None else None
    out_type = head[0] if head and head[0].lower() == etype else etype
    inherited = {name.lower() for name in (origin.inherited or [])} if origin is not None else set()
    names = [field_name(name) for name, _ in source]
    exprs = [value if bare else "{" + value + "}" for _, value, bare in fresh]
    todo = [
        i
        for i, (name, _, _) in enumerate(fresh)
        if not (parent_in_output and name in inherited and name not in names)  # the parent gives it
    ]
    pairs: dict[int, int] = {}  # fresh index → source index
    for rule in ("name=", "twin=", "variable", "name", "twin", "sole"):
        for i in todo:
            if i in pairs:
                continue
            name = fresh[i][0]
            taken = set(pairs.values())
            free = [j for j in range(len(source)) if j not in taken]
            if rule in ("name=", "twin="):  # the same field saying the same: surely the one
                wanted = name if rule == "name=" else TWINS.get(name)
                said = mean(name, exprs[i])
                found = next(
                    (j for j in free if names[j] == wanted and mean(name, source[j][1]) == said),
                    None,
                )
            elif rule == "variable":
                found = _same_variable(source, free, name, exprs[i], mean)
            elif rule in ("name", "twin"):  # the same field, its value changed
                wanted = name if rule == "name" else TWINS.get(name)
                found = next((j for j in free if names[j] == wanted), None)
            else:  # a changed value keeps its field's name if one field alone could hold it
                fits = [j for j in free if _variables(name) & _variables(names[j])]
                found = fits[0] if len(fits) == 1 else None
            if found is not None:
                pairs[i] = found
    placed: list[tuple[int, Field]] = []
    used = set(pairs.values())
    for i in todo:
        name, expr = fresh[i][0], exprs[i]
        if i not in pairs:
            placed.append((len(source) + i, (name, expr)))
            continue
        j = pairs[i]
        src_name, src_expr = source[j]
        part = _group_part(source, names, used, name, j, expr, mean) if dialect == "biblatex" else None
        if part is not None:  # title + subtitle as read, unchanged
            used.add(part)
            placed += [(j, source[j]), (part, source[part])]
            continue
        split = _split_group(source, names, used, name, j, fresh[i], mean) if dialect == "biblatex" else None
        if split is not None:  # changed (a fix): cut again where the source cut it
            part, head_expr, tail_expr = split
            used.add(part)
            placed += [(j, (src_name, head_expr)), (part, (source[part][0], tail_expr))]
            continue
        spelled = src_name if names[j] not in (TWINS.get(name),) else name
        same = mean(name, src_expr) == mean(name, expr)
        if not same:
            src_expr = _edited(name, src_expr, exprs[i], mean) or _in_source_style(src_expr, fresh[i])
        placed.append((j, (spelled, src_expr)))
    fresh_names = {name for name, _, _ in fresh}
    for j, (src_name, src_expr) in enumerate(source):
        if j not in used and _still_said(ref, names[j], src_expr, fresh_names, mean):
            placed.append((j, (src_name, src_expr)))
    placed.sort(key=lambda item: item[0])
    return out_type, [field for _, field in placed]


def _split_group(
    source: list[Field],
    names: list[str],
    used: set[int],
    name: str,
    head: int,
    fresh: tuple[str, str, bool],
    mean: Meaning,
) -> tuple[int, str, str] | None:
    """A changed title whose source had a subtitle: (subtitle index, title, subtitle), cut
    after as many ": " as the source's title holds, each part in its source's style."""
    if name not in GROUPS or names[head] != name or GROUPS[name] not in names:
        return None
    part = names.index(GROUPS[name])
    if part in used:
        return None
    plain = to_unicode(fresh[1])
    cuts = mean(name, source[head][1]).count(": ") + 1
    pieces = plain.split(": ")
    if len(pieces) <= cuts:
        return None
    first, rest = ": ".join(pieces[:cuts]), ": ".join(pieces[cuts:])
    head_expr = _in_source_style(source[head][1], (name, escape(first), False))
    tail_expr = _in_source_style(source[part][1], (name, escape(rest), False))
    return part, head_expr, tail_expr


def _group_part(
    source: list[Field],
    names: list[str],
    used: set[int],
    name: str,
    head: int,
    expr: str,
    mean: Meaning,
) -> int | None:
    """The subtitle field, when the fresh title is the source's title and subtitle joined."""
    if name not in GROUPS or names[head] != name or GROUPS[name] not in names:
        return None
    part = names.index(GROUPS[name])
    if part in used:
        return None
    first = mean(name, source[head][1])
    rest = mean(name, source[part][1])
    joined = f"{first} {rest}" if first.endswith(("?", "!", ":")) else f"{first}: {rest}"
    return part if joined == mean(name, expr) else None


def _edited(name: str, src_expr: str, fresh_expr: str, mean: Meaning) -> str | None:
    """The source expression with the same edits the plain value took (a fix removed a dot,
    a space), so that the rest of it, LaTeX, line breaks and all, stays as written; None when
    an edit cannot be placed in the source without doubt."""
    old, new = mean(name, src_expr), mean(name, fresh_expr)
    if not isinstance(old, str) or not isinstance(new, str) or name in VERBATIM_FIELDS:
        return None
    whole = src_expr.strip()
    if len(whole) < 2 or (whole[0], whole[-1]) not in (("{", "}"), ('"', '"')):
        return None  # a macro, a number or a "#" concatenation: written afresh
    body = place_edits(whole[1:-1], old, new)  # inside the delimiters, never across them
    if body is None or (whole[0] == '"' and body.count('"') != whole.count('"') - 2):
        return None  # a '"' the edit brought would end a quoted value
    text = whole[0] + body + whole[-1]
    return text if len(split_concatenation(text)) == 1 and mean(name, text) == new else None


def _in_source_style(src_expr: str, fresh: tuple[str, str, bool]) -> str:
    """A changed value written as its source wrote the old one: a plain quoted or braced
    string without case-protecting braces stays so (a fix removes a space; it does not brace
    every capital); anything else takes the fresh form."""
    _, fresh_value, bare = fresh
    if bare:
        return fresh_value  # a macro (``jan``) or a number
    text = src_expr.strip()
    inner = text[1:-1]
    if "\\" not in fresh_value and "{" not in fresh_value and _DATE_LIKE.match(fresh_value):
        return "{" + fresh_value + "}"  # a date or a number: nothing to keep of the old form
    delimited = len(text) >= 2 and (text[0], text[-1]) in (("{", "}"), ('"', '"'))
    if not delimited or any(ch in inner for ch in "{}\\$") or len(split_concatenation(text)) > 1:
        return "{" + fresh_value + "}"
    plain = escape(to_unicode(fresh_value))
    if text[0] == '"' and '"' in plain:
        return "{" + plain + "}"
    return text[0] + plain + text[-1]


def _variables(name: str) -> frozenset[str]:
    """The CSL variables the reader may fill from a field (several where the type decides)."""
    single = NAME_FIELDS.get(name) or TEXT_FIELDS.get(name) or _CSL_NAMED.get(name)
    return _SHARED.get(name) or (frozenset([single]) if single else frozenset())


def _same_variable(source: list[Field], free: list[int], name: str, expr: str, mean: Meaning) -> int | None:
    """An unused source field that says the same under another name (``journal`` of a @book
    that the writer would call ``booktitle``): the source's name is kept."""
    targets = _variables(name)
    if not targets:
        return None
    said = mean(name, expr)
    for index in free:
        src_name, src_expr = source[index]
        if targets & _variables(src_name.lower()) and mean(src_name, src_expr) == said:
            return index
    return None


def _still_said(ref: Reference, name: str, expr: str, fresh_names: set[str], mean: Meaning) -> bool:
    """A source field the fresh fields do not cover: kept unless the model no longer says it."""
    if name in _DATE_PARTS:
        if mean(name, expr) == "":
            return ref.issued is not None  # month = "" beside a year: kept as read
        return not (fresh_names & _DATE_PARTS) and ref.issued is not None
    if name in GROUPS.values() or name in ("crossref", "xdata"):
        return False  # folded into the title; or a link the fresh fields keep where it resolves
    if name in ref.unmapped or mean(name, expr) in ("", []):
        return True  # kept as read; an empty field goes only by a reported fix (RM109)
    var = NAME_FIELDS.get(name) or TEXT_FIELDS.get(name) or _CSL_NAMED.get(name)
    if var is None or name in _SHARED:
        return False  # consumed by the reader into a variable that the fresh fields write
    value = ref.get(var)
    if value is None or value in ("", []):
        return False  # removed since reading (a fix, a merge)
    said = mean(name, expr)
    if var == "genre":
        return True  # the genre a type implies, which the fresh fields leave out
    current = [n.model_dump(exclude_none=True) for n in value] if name in NAME_FIELDS else str(value)
    return bool(current == said)
