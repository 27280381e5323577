"""Links between records by key (``crossref``, ``xref``, ``xdata``, ``related``, ``entryset``),
found as BibTeX finds them and rewritten when dedupe merges the record they point at.

These fields live in each reference's ``unmapped`` dict as the reader found them: one key, or
(``xdata``, ``related``, ``entryset``) a comma-separated list. BibTeX compares keys without
regard to case. Keys are unique within one input but not across inputs, so a key is looked up
in the linking record's own input first (by ``origin.path``), then anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Reference

#: Fields that name other entries by key; the first two take exactly one key.
LINK_FIELDS = ("crossref", "xref", "xdata", "related", "entryset")
SINGLE_KEY = frozenset({"crossref", "xref"})


@dataclass(slots=True, frozen=True)
class Relink:
    """One link rewritten by a merge: in the record now keyed ``key``, ``field`` said ``old``
    and now says ``new`` (None: the link was dropped, it would point at the record itself)."""

    key: str
    field: str
    old: str
    new: str | None


def _input_of(ref: Reference) -> str | None:
    return ref.origin.path if ref.origin is not None else None


class KeyIndex:
    """Which record a key names, seen from a given record."""

    def __init__(self, refs: list[Reference]) -> None:
        self.refs = refs
        self.where: dict[str, list[int]] = {}
        for index, ref in enumerate(refs):
            if str(ref.id):
                self.where.setdefault(str(ref.id).lower(), []).append(index)

    def find(self, key: str, seen_from: int) -> int | None:
        """The index of the record ``key`` names for the record at ``seen_from``, or None."""
        found = self.where.get(key.strip().lower())
        if not found:
            return None
        home = _input_of(self.refs[seen_from])
        return next((k for k in found if _input_of(self.refs[k]) == home), found[0])


def link_keys(value: object) -> list[str]:
    """The keys in a link field's value, in order."""
    return [k.strip() for k in str(value).split(",") if k.strip()] if value else []


def relink(refs: list[Reference], new_keys: dict[int, str]) -> tuple[list[Reference], list[Relink]]:
    """``refs`` with every link to a record in ``new_keys`` (index → its key after the merge)
    rewritten to that key; a list keeps its order and loses repeats, a link to the record
    itself is dropped. Records with no link to rewrite are returned as they are (not copied),
    so an unchanged BibTeX entry is still written back byte for byte."""
    index = KeyIndex(refs)
    out: list[Reference] = []
    changes: list[Relink] = []
    for here, ref in enumerate(refs):
        own = new_keys.get(here, str(ref.id))
        updated: dict[str, str | None] = {}
        for name in LINK_FIELDS:
            value = ref.unmapped.get(name)
            if not isinstance(value, str) or not value.strip():
                continue
            keys: list[str] = []
            moved = False
            for key in link_keys(value):
                target = index.find(key, here)
                new = new_keys.get(target, key) if target is not None else key
                moved = (
                    moved or new.lower() != key.lower() or (here in new_keys and new.lower() == own.lower())
                )
                if new.lower() != own.lower() and new.lower() not in (k.lower() for k in keys):
                    keys.append(new)
            if moved:
                text = ",".join(keys) if keys else None
                updated[name] = text
                changes.append(Relink(own, name, value.strip(), text))
        if not updated:
            out.append(ref)
            continue
        copy = ref.model_copy(deep=True)
        for name, text in updated.items():
            if text is None:
                copy.unmapped.pop(name, None)
            else:
                copy.unmapped[name] = text
        out.append(copy)
    return out, changes
