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

from ...model import Library, Reference
from ...options import WriteOptions
from ...parse.bibtex_fields import BIBLATEX_MARKERS, entry_head, field_name, fingerprint, safe_key
from ...parse.bibtex_values import damage
from ...parse.text import unique_key
from .anchor import anchor
from .fields import BIBTEX_TYPES, entry_type, fields

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


def format_entry(
    ref: Reference,
    key: str,
    dialect: str,
    known_keys: set[str] | None = None,
    macros: dict[str, str] | None = None,
) -> str:
    """One entry written from the model, anchored to its fields as read where it has them."""
    if ref.origin is not None and ref.origin.damaged and ref.origin.raw:
        return ref.origin.raw.rstrip("\n") + "\n"  # its fields cannot be trusted: as read
    etype = entry_type(ref, dialect)
    fresh = fields(ref, dialect, etype, known_keys)
    if ref.origin is not None and ref.origin.fields is not None:
        parents = [
            k.strip().lower() for f in ("crossref", "xdata") for k in str(ref.unmapped.get(f, "")).split(",")
        ]
        parents = [k for k in parents if k]
        in_output = bool(parents) and known_keys is not None and all(k in known_keys for k in parents)
        written_type, pairs = anchor(ref, etype, fresh, macros or {}, in_output, dialect)
        if _same_as_read(ref, key, written_type, pairs):
            return (ref.origin.raw or "").rstrip("\n") + "\n"
        if damage(pairs):  # never write what would not read back: the fresh fields instead
            written_type, pairs = etype, [(n, v if bare else "{" + v + "}") for n, v, bare in fresh]
    else:
        written_type, pairs = etype, [(n, v if bare else "{" + v + "}") for n, v, bare in fresh]
    layout = _Layout.of(ref.origin.raw if ref.origin is not None else None)
    lines = [f"@{written_type}{{{key},"]
    lines += [layout.line(name, value) + "," for name, value in pairs]
    if not layout.trailing_comma:
        lines[-1] = lines[-1].rstrip(",")
    lines.append("}")
    return "\n".join(lines) + "\n"


class _Layout:
    """How an entry as read lays out its fields (indent, the column of ``=`` and of the value,
    a comma after the last field), so that a rewritten entry looks like its neighbours."""

    _FIELD = re.compile(r"\n([ \t]*)([A-Za-z_][^\s=,{}]*)([ \t]*)=([ \t]*)\S")

    def __init__(
        self, indent: str = "  ", equals: int = 0, value: int = 0, trailing_comma: bool = False
    ) -> None:
        self.indent, self.equals, self.value, self.trailing_comma = indent, equals, value, trailing_comma

    @classmethod
    def of(cls, raw: str | None) -> _Layout:
        lines = list(cls._FIELD.finditer(raw or ""))
        if not lines:
            return cls()
        indent = lines[0][1]
        equals = {len(m[1]) + len(m[2]) + len(m[3]) for m in lines}
        values = {len(m[1]) + len(m[2]) + len(m[3]) + 1 + len(m[4]) for m in lines}
        trailing = bool(re.search(r",\s*[})]\s*\Z", raw or ""))
        if len(equals) == 1 and max(len(m[3]) for m in lines) > 1:
            return cls(indent, equals.pop(), max(values), trailing)  # "name   = value": "=" aligned
        return cls(indent, 0, max(values) if len(values) == 1 else 0, trailing)

    def line(self, name: str, value: str) -> str:
        comments = ""
        if "\n" in name:  # "% a comment" lines that stood before the field: each on its own line
            *notes, name = name.split("\n")
            comments = "".join(f"{self.indent}{note.strip()}\n" for note in notes if note.strip())
            name = name.strip()
        left = comments + self.indent + name
        width = len(left) - len(comments)
        left += " " * (self.equals - width) if width < self.equals else " "
        left += "="
        width = len(left) - len(comments)
        return left + (" " * (self.value - width) if width < self.value else " ") + value


def _entry_dialect(ref: Reference, dialect: str) -> str:
    """The dialect to rewrite one entry of a file written back in its own dialect: a plain
    BibTeX entry in a BibLaTeX file stays BibTeX (``year``, ``address``), which biber reads."""
    origin = ref.origin
    if dialect != "biblatex" or origin is None or origin.fields is None:
        return dialect
    head = entry_head(origin.raw)
    names = {field_name(name) for name, _ in origin.fields}
    plain = head is not None and head[0].lower() in BIBTEX_TYPES and not names & BIBLATEX_MARKERS
    return "bibtex" if plain else dialect


def _same_as_read(ref: Reference, key: str, written_type: str, pairs: list[tuple[str, str]]) -> bool:
    """The entry would come out field for field as it was read: its raw text is written."""
    origin = ref.origin
    if origin is None or not origin.raw or pairs != origin.fields:
        return False
    return entry_head(origin.raw) == (written_type, key)


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
    layouts = {
        layout_key[len(PRESERVED_PREFIX) :]: layout
        for layout_key, layout in library.preserved.items()
        if layout_key.startswith(PRESERVED_PREFIX) and isinstance(layout, dict)
    }
    for layout in layouts.values():
        known.update(
            k.lower()
            for k in _XDATA_KEY.findall(
                "\n".join(str(b[2]) for b in layout.get("blocks", []) if b[0] == "xdata")
            )
        )
    macros = {path: layout.get("macros") or {} for path, layout in layouts.items()}
    for path, layout in layouts.items():
        same_dialect = layout.get("dialect") == dialect
        for kind, line, payload, *rest in layout.get("blocks", []):
            gap = rest[0] if rest and rest[0] is not None else ("\n\n" if parts else "")
            if kind != "entry":
                parts.append(gap + str(payload))
                continue
            index = by_origin.get((path, line))
            if index is None or index in used:
                continue  # removed (merged by dedupe, filtered) since reading
            used.add(index)
            ref = refs[index]
            unchanged = same_dialect and keys[index] == str(ref.id) and fingerprint(ref) == payload
            raw = ref.origin.raw if ref.origin is not None else None
            own = _entry_dialect(ref, dialect) if same_dialect else dialect
            text = raw if unchanged and raw else format_entry(ref, keys[index], own, known, macros.get(path))
            parts.append(gap + text.rstrip("\n"))
        parts.append(str(layout.get("tail", "\n")) or "\n")
    for index, ref in enumerate(refs):
        if index not in used:
            origin_path = ref.origin.path if ref.origin is not None else None
            text = format_entry(ref, keys[index], dialect, known, macros.get(origin_path or ""))
            parts.append(("\n" if parts else "") + text)
    out = "".join(parts)
    return out if out.endswith("\n") or not out else out + "\n"
