"""BibTeX and BibLaTeX out: UTF-8, specials escaped, capitals that matter braced, and what was
read from a .bib file written back as it was.

For every input that was BibTeX, the library keeps the order of its blocks (``@string``,
``@preamble``, comments, ``@xdata``, entries). We write those blocks in that order; an entry
whose reference is unchanged since reading (same fingerprint, same key, same dialect) is
written as its raw text, byte for byte, macros and protective braces included; a changed one
is written afresh. References from other formats follow, in library order.

Keys: the reference's id, made legal for BibTeX (``safe_key``) and unique ignoring case
(citeproc-py and biber's case-insensitive lookups would otherwise merge two entries).
"""

from __future__ import annotations

import re

from ..model import Library, Reference
from ..options import WriteOptions
from ..parse.bibtex_fields import fingerprint, safe_key
from ..parse.text import unique_key
from .bibtex_fields_out import entry_type, fields

_XDATA_KEY = re.compile(r"@\s*xdata\s*[{(]\s*([^,\s]+)", re.IGNORECASE)
#: The prefix of a BibTeX input's layout in ``Library.preserved`` (set by the reader).
PRESERVED_PREFIX = "bibtex:"


def write_bibtex(library: Library, options: WriteOptions | None = None) -> str:
    return _write(library, "bibtex")


def write_biblatex(library: Library, options: WriteOptions | None = None) -> str:
    return _write(library, "biblatex")


def unique_keys(refs: list[Reference]) -> list[str]:
    """One legal key per reference, unique ignoring case; clashes get a, b, c… in order."""
    taken: set[str] = set()
    return [unique_key(safe_key(str(ref.id)) if str(ref.id) else "ref", taken) for ref in refs]


def format_entry(ref: Reference, key: str, dialect: str, known_keys: set[str] | None = None) -> str:
    """One entry written afresh from the model."""
    etype = entry_type(ref, dialect)
    lines = [f"@{etype}{{{key},"]
    for name, value, bare in fields(ref, dialect, etype, known_keys):
        lines.append(f"  {name} = {value if bare else '{' + value + '}'},")
    lines[-1] = lines[-1].rstrip(",")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _write(library: Library, dialect: str) -> str:
    refs = library.references
    keys = unique_keys(refs)
    by_origin = {
        (ref.origin.path, ref.origin.line): index
        for index, ref in enumerate(refs)
        if ref.origin is not None and ref.origin.raw
    }
    used: set[int] = set()
    parts: list[str] = []
    known = {key.lower() for key in keys}
    for layout_key, layout in library.preserved.items():
        if layout_key.startswith(PRESERVED_PREFIX) and isinstance(layout, dict):
            known.update(
                k.lower()
                for k in _XDATA_KEY.findall(
                    "\n".join(str(b[2]) for b in layout.get("blocks", []) if b[0] == "xdata")
                )
            )
    for layout_key, layout in library.preserved.items():
        if not layout_key.startswith(PRESERVED_PREFIX) or not isinstance(layout, dict):
            continue
        path = layout_key[len(PRESERVED_PREFIX) :]
        same_dialect = layout.get("dialect") == dialect
        for kind, line, payload in layout.get("blocks", []):
            if kind != "entry":
                parts.append(str(payload).strip() + "\n")
                continue
            index = by_origin.get((path, line))
            if index is None or index in used:
                continue  # removed (merged by dedupe, filtered) since reading
            used.add(index)
            ref = refs[index]
            unchanged = same_dialect and keys[index] == str(ref.id) and fingerprint(ref) == payload
            raw = ref.origin.raw if ref.origin is not None else None
            parts.append(
                raw.strip() + "\n" if unchanged and raw else format_entry(ref, keys[index], dialect, known)
            )
    for index, ref in enumerate(refs):
        if index not in used:
            parts.append(format_entry(ref, keys[index], dialect, known))
    return "\n".join(parts)
