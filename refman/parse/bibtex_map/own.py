"""The own-name converter: what no row maps travels under its own name, both ways.

A CSL variable BibTeX has no field for (``PMID``, ``archive``, ``compiler``) is written under
its lower-case name and read back to the same variable; a field CSL has no variable for
(``eprint``, ``titleaddon``, ``crossref``) is kept in ``unmapped`` under its name and written
back from there. So a round trip loses nothing either way.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ...model import CSL_FIELDS, DATE_VARIABLES, NAME_VARIABLES
from ..bibnames import format_names, parse_names
from ..bibtex_fields import STRUCTURAL_FIELDS, VERBATIM_FIELDS, format_edtf
from ..latex import escape, to_unicode
from .context import Reading, Writing
from .dates import read_date

#: CSL variables by lower-case name, for fields that carry one under its own name ("pmid").
CSL_BY_FIELD = {var.lower(): var for var in CSL_FIELDS if var not in ("id", "type", "custom", "citation-key")}
#: Keys of ``unmapped`` that are refman's own notes, not fields.
RESERVED = frozenset(["entrytype", "others", "main-title-of"])
#: Fields written bare-verbatim from ``unmapped`` (no LaTeX escaping) while brace-free.
VERBATIM_OUT = frozenset("crossref xref xdata ids file eprint entryset related".split())
_FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_+.:-]*$")


def read_own(entry: Reading, field: str, raw: str) -> None:
    """A field no row reads: structure and verbatim data as written, a CSL variable under
    its own name (written so by refman), anything else kept decoded."""
    if field in STRUCTURAL_FIELDS or field in VERBATIM_FIELDS:
        entry.unmapped[field] = raw.strip()
    elif field == "categories":
        entry.put("categories", _categories(to_unicode(raw)), field)
    elif field in CSL_BY_FIELD:
        var = CSL_BY_FIELD[field]
        if var in NAME_VARIABLES:
            entry.put(var, parse_names(raw)[0], field)
        elif var in DATE_VARIABLES:
            entry.put(var, read_date(raw.strip()), field)
        else:
            entry.put(var, to_unicode(raw), field)
    else:
        entry.keep(field)


def _categories(text: str) -> list[str]:
    """CSL ``categories`` as refman writes them (a JSON list), or one category as written."""
    if text.startswith("["):
        try:
            value = json.loads(text)
        except ValueError:
            value = None
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return value
    return [text]


def write_own(out: Writing, handled: frozenset[str], source_form: Any, known_keys: set[str] | None) -> None:
    """CSL variables no row writes, under their own name; then ``unmapped``. A crossref/xdata
    is kept only if it names an entry in the output (``known_keys``, lower case)."""
    ref = out.ref
    written = {name for name, _, _ in out.out}
    data = ref.model_dump(by_alias=True, exclude_none=True, mode="json")
    for var, value in data.items():
        if var in handled:
            continue
        if var in NAME_VARIABLES and value:
            out.add(var, format_names(ref.get(var)))
        elif var in DATE_VARIABLES and (edtf := format_edtf(ref.get(var))):
            out.add(var, edtf)
        elif var == "categories" and value:
            out.add(var, escape(json.dumps(value, ensure_ascii=False)))
        elif var in CSL_FIELDS and var.lower() not in written and not isinstance(value, list | dict):
            out.add(var.lower(), out.var(var))
            written.add(var.lower())
    for key, value in ref.unmapped.items():
        name = str(key).lower()
        if name in RESERVED or name in written or not _FIELD_NAME.match(name):
            continue
        if name in ("crossref", "xdata") and known_keys is not None:
            targets = [k.strip().lower() for k in str(value).split(",")]
            if not all(k in known_keys for k in targets):
                continue  # the parent is not in this output; its data is written inline
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        source = source_form(ref, "unmapped:" + str(key), text)
        out.add(name, source or (text if name in VERBATIM_OUT and "{" not in text else escape(text)))
        written.add(name)
