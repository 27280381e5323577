"""RIS out: one TY … ER record per reference, giving back every tag a RIS input had.

The default tags follow what Zotero and EndNote write (AU, TI, T2, PY year + DA full date,
Y2 access date, SP/EP, SN, KW per keyword). A reference read from RIS carries in
``unmapped["ris"]`` its original type, tag choices, date texts and unknown tags (see
``readers.ris``); they are used as long as they still agree with the reference's values.
Lines end with LF; multi-line values continue on the following lines, as the spec allows.
"""

from __future__ import annotations

from typing import Any

from ..model import Library, Name, Reference
from ..options import WriteOptions
from ..parse import ris_tags as rt

#: CSL variables written, in this order, after TY/ID, the names and before the dates.
_TEXT_ORDER = (
    "title", "title-short", "container-title", "container-title-short", "collection-title",
    "event-title", "volume", "issue", "number", "number-of-volumes", "edition", "section",
    "publisher", "publisher-place", "genre", "ISBN", "ISSN", "DOI", "URL", "language",
    "abstract", "call-number", "source", "archive_location", "original-title",
    "citation-label", "annote",
)  # fmt: skip
_NAME_ORDER = ("author", "editor", "collection-editor", "translator")


def write(library: Library, options: WriteOptions | None = None) -> str:
    return "".join(_record(ref) for ref in library.references)


def _record(ref: Reference) -> str:
    ours: dict[str, Any] = ref.unmapped.get("ris") if isinstance(ref.unmapped.get("ris"), dict) else {}
    tags: dict[str, str] = ours.get("tags") if isinstance(ours.get("tags"), dict) else {}
    lines: list[tuple[str, str]] = [("TY", _type(ref, ours))]
    if ref.id not in ("", None):
        lines.append((tags.get("id", "ID"), str(ref.id)))
    for var in _NAME_ORDER:
        used = str(tags.get(var, rt.WRITE_TAG[var])).split(",")  # "A1" or one tag per name
        for index, person in enumerate(ref.get(var) or []):
            lines.append((used[min(index, len(used) - 1)], _name(person)))
    for var in _TEXT_ORDER:
        value = ref.get(var)
        if value not in (None, ""):
            lines.append((tags.get(var, rt.WRITE_TAG[var]), str(value)))
    if ref.page not in (None, ""):
        lines.extend(_pages(str(ref.page), tags.get("page")))
    lines.extend(_dates(ref, ours.get("dates") if isinstance(ours.get("dates"), dict) else {}))
    for tag, (var, sep) in rt.JOINED_TAGS.items():
        lines.extend((tag, value) for value in _joined(ref.get(var), sep, ours.get(tag), tag))
    for pair in ours.get("extra") or []:
        if isinstance(pair, (list, tuple)) and len(pair) == 2:
            lines.append((str(pair[0]), str(pair[1])))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\n" for tag, value in lines) + "\n"


def _type(ref: Reference, ours: dict[str, Any]) -> str:
    original = ours.get("type")
    if isinstance(original, str) and rt.RIS_TO_CSL.get(original, "document") == ref.type:
        return original
    return rt.CSL_TO_RIS.get(ref.type, "GEN")


def _name(person: Name) -> str:
    if person.family is None:
        return person.literal or person.given or ""
    family = " ".join(p for p in (person.non_dropping_particle, person.family) if p)
    given = " ".join(p for p in (person.given, person.dropping_particle) if p)
    parts = [family, given] if given or person.suffix else [family]
    if person.suffix:
        parts.append(person.suffix)
    return ", ".join(parts)


def _pages(page: str, tag: str | None) -> list[tuple[str, str]]:
    first, last = rt.split_pages(page)
    if tag == "SP" or last is None:
        return [("SP", page)]
    return [("SP", first), ("EP", last)]


def _agrees(text: str, parts: list[int]) -> bool:
    """A date text as given still says the same as the model's parts (PY may say less)."""
    found, _ = rt.parse_ris_date(text)
    if not found or not parts:
        return False
    return all(p == 0 or (i < len(parts) and p == parts[i]) for i, p in enumerate(found))


def _dates(ref: Reference, given: dict[str, Any]) -> list[tuple[str, str]]:
    issued, accessed = ref.issued, ref.accessed
    issued_tags = [t for t in given if t in rt.ISSUED_TAGS] if issued is not None else []
    out: list[tuple[str, str]] = []
    if issued is not None and not issued_tags:
        issued_tags = ["PY", "DA"] if len(issued.parts) > 1 else ["PY"]
    for tag in issued_tags:
        text = given.get(tag)
        if isinstance(text, str) and (_agrees(text, issued.parts) or text == issued.raw):
            out.append((tag, text))
        elif issued.parts:
            alone = len(issued.parts) == 1 and not isinstance(issued.season, str)
            short = tag == "PY" and ("DA" in issued_tags or alone)
            out.append((tag, str(issued.parts[0]) if short else _full(issued.parts, issued.season)))
        else:
            out.append((tag, issued.raw or issued.literal or ""))
    if accessed is not None:
        text = given.get(rt.ACCESSED_TAG)
        if isinstance(text, str) and (_agrees(text, accessed.parts) or text == accessed.raw):
            out.append((rt.ACCESSED_TAG, text))
        elif accessed.parts:
            out.append((rt.ACCESSED_TAG, rt.format_ris_date(accessed.parts)))
        elif accessed.raw or accessed.literal:
            out.append((rt.ACCESSED_TAG, accessed.raw or accessed.literal or ""))
    return out


def _full(parts: list[int], season: Any) -> str:
    return rt.format_ris_date(parts, str(season) if isinstance(season, str) else "")


def _joined(value: Any, sep: str, given: Any, tag: str) -> list[str]:
    """KW/N1 lines: the original list if it still joins to the value, else split or whole."""
    if value in (None, ""):
        return []
    text = str(value)
    if isinstance(given, list) and sep.join(map(str, given)) == text:
        return [str(v) for v in given]
    if tag == "KW":
        return [part.strip() for part in text.split(",") if part.strip()]
    return [text]
