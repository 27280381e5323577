"""A reference as the library stores it, and back: CSL-JSON plus its source text.

A row holds the record's CSL-JSON (the model's dump, ``custom.refman`` included) and its
origin (``SourceSpan``: the entry's bytes as read, its fields as written, its format), so
that a record exported unchanged to its own dialect is written byte for byte as it was read
(the BibTeX writer compares fingerprints and fields, see ``writers/bibtex.py``). Beside them
go the columns the library filters, sorts and searches on, computed here once, backend-neutral.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from ..core.dedupe.features import Features, features
from ..core.dedupe.translit import skeleton
from ..model import NAME_VARIABLES, Reference, SourceSpan, attribute_name
from ..parse.csl_note import fill_parsed_parts

#: The searchable fields, in the order of the full-text index's columns.
SEARCH_FIELDS = ("title", "names", "container", "abstract", "keywords", "notes", "tags")
#: Field names a query may use (``author:ivanov``), mapped to search columns.
FIELD_ALIASES = {
    "title": "title", "author": "names", "authors": "names", "name": "names", "names": "names",
    "editor": "names", "container": "container", "journal": "container", "abstract": "abstract",
    "keyword": "keywords", "keywords": "keywords", "note": "notes", "notes": "notes", "tag": "tags",
}  # fmt: skip


_NAME_ATTRIBUTES = tuple(sorted(attribute_name(var) for var in NAME_VARIABLES))


@dataclass(slots=True)
class Row:
    """What one record's row holds (``id`` and its change bookkeeping aside)."""

    key: str
    type: str
    year: int | None
    language: str | None
    title: str
    names: str
    csl: str
    origin: str | None
    titles: str  # the dedupe title skeletons, "\x1f"-joined: the blocking index's cheap check
    cyrillic: bool


def key_folded(key: str) -> str:
    """Keys are unique ignoring case (BibTeX, biber and citeproc look them up that way)."""
    return key.casefold()


def encode(ref: Reference, feats: Features | None = None) -> Row:
    """The row for ``ref`` (its dedupe features, when already computed, are reused)."""
    feats = feats or features(0, ref)
    origin = ref.origin.model_dump(mode="json", exclude_none=True) if ref.origin is not None else None
    issued = ref.issued.year if ref.issued is not None else None
    return Row(
        key=str(ref.id),
        type=ref.type,
        year=issued if isinstance(issued, int) and -9999 < issued < 10000 else None,
        language=(ref.language or "").strip().lower()[:2] or None,
        title=ref.title or ref.container_title or "",
        names="; ".join(name.display() for name in (ref.author or ref.editor or [])),
        csl=compact_json(ref.to_csl()),
        origin=compact_json(origin) if origin else None,
        titles="\x1f".join(feats.titles),
        cyrillic=feats.cyrillic_title,
    )


def with_key(row: Row, key: str) -> Row:
    """``row`` under another key: its key column and the id its CSL-JSON holds (as ``encode``
    of the reference with that id writes it)."""
    data = json.loads(row.csl)
    data["id"] = key
    return replace(row, key=key, csl=compact_json(data))


def decode(csl: str, origin: str | None) -> Reference:
    """The reference a row holds, as a reader would have made it (raw dates parsed)."""
    ref = Reference.model_validate(json.loads(csl))
    if origin:
        ref.origin = SourceSpan.model_validate(json.loads(origin))
    for var in ("issued", "accessed", "event-date", "original-date", "submitted", "available-date"):
        fill_parsed_parts(ref.get(var))
    return ref


def search_texts(ref: Reference, notes: str = "", tags: list[str] | tuple[str, ...] = ()) -> tuple[str, ...]:
    """The text of each search field as the index holds it: every word in its phonetic Latin
    skeleton (``dedupe_translit``), so case, diacritics and Cyrillic/Latin spelling agree."""
    fields = ref.__dict__
    names = [
        name.literal or " ".join(p for p in (name.given, name.non_dropping_particle, name.family) if p)
        for attr in _NAME_ATTRIBUTES
        for name in fields[attr] or ()
    ]
    texts = (
        " ".join(str(v) for v in (ref.title, ref.original_title, ref.title_short, ref.shortTitle) if v),
        " ".join(names),
        " ".join(
            str(v)
            for v in (ref.container_title, ref.collection_title, ref.container_title_short, ref.publisher)
            if v
        ),
        ref.abstract or "",
        " ".join([ref.keyword or "", *(ref.categories or [])]),
        " ".join(str(v) for v in (ref.note, ref.annote, notes) if v),
        " ".join(tags),
    )
    return tuple(skeleton(text) for text in texts)


def block_keys(feats: Features) -> list[str]:
    """The keys a record is filed under in the blocking index: those of the dedupe engine's
    exact blocks (identifiers, title words, first author and year) and, standing in for its
    sorted neighbourhoods, the first and the last three title words (a typo elsewhere)."""
    keys = []
    if feats.doi:
        keys.append("d:" + feats.doi)
    if feats.pmid:
        keys.append("p:" + feats.pmid)
    keys += ["i:" + isbn for isbn in sorted(feats.isbns)]
    if feats.url:
        keys.append("u:" + feats.url)
    for words in feats.title_words:
        if words:
            keys.append("t:" + " ".join(sorted(set(words))))
    for title in feats.titles[:2]:
        words = title.split()
        if len(words) >= 4:
            keys += ["h:" + " ".join(words[:3]), "e:" + " ".join(words[-3:])]
    if feats.authors and feats.year is not None:
        keys.append(f"a:{feats.authors[0].family}:{feats.year}")
    return list(dict.fromkeys(key[:300] for key in keys))


IDENTIFIER_PREFIXES = ("d:", "p:", "i:", "u:")


def compact_json(value: Any) -> str:
    """JSON as the library stores it (UTF-8 text, no spaces): one form, so that a row made
    again (``with_key``) is the row ``encode`` would have made."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def snapshot(row: dict[str, Any]) -> str:
    """A record's row (with its tags) as JSON: what ``undo`` puts back."""
    return compact_json(row)
