"""RIS out: one TY … ER record per reference that no value can forge, and nothing dropped.

The tags follow what Zotero and EndNote write (AU, TI, T2, PY year + DA full date, Y2 access
date, SP/EP, SN, KW per keyword). A reference read from RIS carries in ``unmapped["ris"]``
its original type, tag choices, date texts and unknown tags (see ``parse.ris.record``); they
are used as long as they still agree with the reference's values. Lines end with LF.

Safety: RIS has no escapes, so a value never carries a line break onto a line of its own
where it could start a tag or a record: in AB and N1 a line break starts a continuation
line (the spec allows it; a line that looks like a tag is joined to the text before it),
everywhere else it becomes a space (``parse.ris.tags.fold``). Tag names taken from a
reference's data are used only when they are valid tag names.

Completeness: the writer reads every record it writes back with the reader's own mapping
(``parse.ris.record.build``). A tag line the reader would not read into its variable is left
out, and every variable that does not come back exactly (one RIS has no tag for, the end of
a date range, a title whose line break was folded, a name particle) goes into one N1 note of
``variable: value`` lines, Zotero's Extra convention, which the reader reads back
(``parse.ris.note``), with refman's ``custom`` data (unmapped fields, how dates were read).
"""

from __future__ import annotations

from typing import Any

from ..model import DateValue, Library, Reference, csl_value
from ..options import WriteOptions
from ..parse import csl_note
from ..parse.ris import note as ris_note
from ..parse.ris import tags as rt
from ..parse.ris.record import Built, build
from ..parse.ris.table import NAME_ORDER, TEXT_ORDER

#: Rounds of leaving out lines the reader would not take back (one is the rule; a line left
#: out can only uncover another in a record whose own data contradicts itself).
_ROUNDS = 3


def write(library: Library, options: WriteOptions | None = None) -> str:
    return "".join(_record(ref) for ref in library.references)


def _record(ref: Reference) -> str:
    ours: dict[str, Any] = ref.unmapped.get("ris") if isinstance(ref.unmapped.get("ris"), dict) else {}
    bad: dict[str, Any] = {}
    csl = ref.to_csl()
    custom = csl.pop("custom", None)
    from_note = _from_note(ref)
    pairs, meant = _pairs(ref, ours, _choices(ours, bad))
    extra = _extra(ours, bad)
    rounds = 0
    while True:
        built = build(_read([*pairs, *extra]))
        if extra and not set(range(len(pairs), len(pairs) + len(extra))) <= set(built.extra_indices):
            bad["extra"], extra = list(ours["extra"]), []  # an unknown tag would be read as known
            continue
        back = {var: csl_value(value) for var, value in built.data.items() if var != "unmapped"}
        note = _note(ref, csl, back, _custom(custom, bad), from_note)
        unwanted = _unread(built, back, csl, meant, from_note)
        if not unwanted:
            final = build(_read([*pairs, *extra, ("N1", note)])) if note else built
            unwanted = _residue(final, ours, len(pairs))
        if not unwanted or rounds == _ROUNDS:
            break
        rounds += 1
        pairs = [pair for i, pair in enumerate(pairs) if i not in unwanted]
        meant = [var for i, var in enumerate(meant) if i not in unwanted]
    pairs += extra
    if note:
        pairs.append(("N1", note))
    pairs.append(("ER", ""))
    return "".join(f"{tag}  - {text}\n" for tag, text in pairs) + "\n"


def _read(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(tag, _as_read(tag, text)) for tag, text in pairs]


def _unread(
    built: Built, back: dict[str, Any], csl: dict[str, Any], meant: list[str], from_note: dict[str, Any]
) -> set[int]:
    """Lines written for a variable that the reader keeps aside, reads into a variable that
    disagrees with the reference (an SN read as the other serial number, a shadowed repeat),
    or reads as refman's block (a note made of "variable: value" lines): left out, the block
    states the value. So is a line that gives other than the note for a variable read from
    the note's own "key: value" lines: the reader takes it from the note again."""
    generated = len(meant)
    unwanted = {i for i in (*built.extra_indices, *built.block_indices) if i < generated}
    for var, indices in built.sources.items():
        unwanted.update(i for i in indices if i < generated and meant[i] != var)
        if var in csl and _exact(back.get(var), csl[var]):
            continue
        if (
            var not in csl
            or from_note.get(var) == csl[var]
            or not ris_note.agrees(var, back.get(var), csl[var])
        ):
            unwanted.update(i for i in indices if i < generated)
    return unwanted


def _residue(final: Built, ours: dict[str, Any], generated: int) -> set[int]:
    """Lines that would leave the reader an ``unmapped["ris"]`` record the reference did not
    have (a date text that is not the default, a tag choice): left out."""
    found = final.data.get("unmapped", {}).get("ris")
    if not isinstance(found, dict):  # none, or a field of another format that is called "ris"
        return {i for i in final.extra_indices if i < generated}
    unwanted: set[int] = set()
    dates = ours.get("dates") if isinstance(ours.get("dates"), dict) else {}
    tags = ours.get("tags") if isinstance(ours.get("tags"), dict) else {}
    for tag, text in found.get("dates", {}).items():
        if dates.get(tag) != text:
            unwanted.update(final.sources.get(rt.ISSUED_OR_ACCESSED.get(tag, ""), []))
    for var, choice in found.get("tags", {}).items():
        if tags.get(var) != choice:
            unwanted.update(final.sources.get(var, []))
    for tag, (var, _) in rt.JOINED_TAGS.items():
        if tag in found and found[tag] != ours.get(tag):
            unwanted.update(final.sources.get(var, []))
    unwanted.update(final.extra_indices)
    return {i for i in unwanted if i < generated}


def _as_read(tag: str, text: str) -> str:
    """What the reader takes from a line as written (see ``parse.ris.tags.reread``)."""
    return rt.reread(text.split("\n")) if tag in rt.LONG_TAGS else text.strip()


def _written(tag: str, value: Any) -> str:
    """A value as it is written after its tag: continuation lines or one folded line."""
    text = str(value)
    return "\n".join(rt.long_lines(text)) if tag in rt.LONG_TAGS else rt.fold(text)


def _choices(ours: dict[str, Any], bad: dict[str, Any]) -> dict[str, str]:
    """The input's tag choices that are tag names ("A1", or "AU,A1" one per name)."""
    given = ours.get("tags") if isinstance(ours.get("tags"), dict) else {}
    good = {}
    for var, tags in given.items():
        if isinstance(tags, str) and all(rt.TAG.fullmatch(t) for t in tags.split(",")):
            good[var] = tags
        else:
            bad.setdefault("tags", {})[var] = tags
    return good


def _extra(ours: dict[str, Any], bad: dict[str, Any]) -> list[tuple[str, str]]:
    """Unknown and repeated tags of the input, in order. If one of them is not a tag name and
    a one-line text, they all stay in the note's ``custom`` instead (in their order)."""
    out = []
    for pair in ours.get("extra") or []:
        ok = isinstance(pair, list | tuple) and len(pair) == 2 and isinstance(pair[0], str)
        if not (ok and rt.TAG.fullmatch(pair[0]) and isinstance(pair[1], str)):
            bad["extra"] = list(ours["extra"])
            return []
        written = _written(pair[0], pair[1])
        if _as_read(pair[0], written) != pair[1]:
            bad["extra"] = list(ours["extra"])
            return []
        out.append((pair[0], written))
    return out


def _pairs(
    ref: Reference, ours: dict[str, Any], tags: dict[str, str]
) -> tuple[list[tuple[str, str]], list[str]]:
    """TY, then every variable RIS has a tag for, as written (empty values left out), and the
    variable each line is written for."""
    out: list[tuple[str, str]] = [("TY", _type(ref, ours))]
    meant = ["type"]

    def add(var: str, tag: str, value: Any) -> None:
        text = _written(tag, value)
        if _as_read(tag, text):
            out.append((tag, text))
            meant.append(var)

    if ref.id not in ("", None):
        add("id", tags.get("id", "ID"), ref.id)
    for var in NAME_ORDER:
        used = tags.get(var, rt.WRITE_TAG[var]).split(",")  # "A1" or one tag per name
        for index, person in enumerate(ref.get(var) or []):
            add(var, used[min(index, len(used) - 1)], rt.name_text(person))
    for var in TEXT_ORDER:
        value = ref.get(var)
        if value not in (None, ""):
            add(var, tags.get(var, rt.WRITE_TAG[var]), value)
    if ref.page not in (None, ""):
        for tag, value in _pages(rt.fold(str(ref.page)).strip(), tags.get("page")):
            add("page", tag, value)
    given = ours.get("dates") if isinstance(ours.get("dates"), dict) else {}
    for tag, value in _dates(ref, given):
        add(rt.ISSUED_OR_ACCESSED[tag], tag, value)
    for tag, (var, sep) in rt.JOINED_TAGS.items():
        for value in _joined(ref.get(var), sep, ours.get(tag), tag):
            add(var, tag, value)
    return out, meant


def _type(ref: Reference, ours: dict[str, Any]) -> str:
    original = ours.get("type")
    if isinstance(original, str) and rt.RIS_TO_CSL.get(original, "document") == ref.type:
        return original
    return rt.CSL_TO_RIS.get(ref.type, "GEN")


def _pages(page: str, tag: str | None) -> list[tuple[str, str]]:
    return [("SP", page)] if tag == "SP" else rt.page_lines(page)


def _says(text: Any, date: DateValue) -> bool:
    """A date text as given still says the model's date: its parts (PY may say less), or its
    text when it has no parts."""
    if not isinstance(text, str):
        return False
    found, _ = rt.parse_ris_date(text)
    if not found or not date.parts:
        return text == date.raw
    return all(p == 0 or (i < len(date.parts) and p == date.parts[i]) for i, p in enumerate(found))


def _dates(ref: Reference, given: dict[str, Any]) -> list[tuple[str, str]]:
    """The input's date tags where they all still say the reference's dates, else the default.

    A tag of the input given a new text would read back as a date text the reference does not
    have, and the completeness check would leave it out: the date would be in the note only,
    where other tools do not look. So one changed date writes the default tags instead."""
    issued, accessed = ref.issued, ref.accessed
    default = rt.default_dates(issued, accessed)
    out = [pair for pair in default if pair[0] != rt.ACCESSED_TAG]
    if issued is not None:
        kept = [(tag, text) for tag, text in given.items() if tag in rt.ISSUED_TAGS]
        if kept and all(_says(text, issued) for _, text in kept):
            out = kept
    if accessed is not None:
        text = given.get(rt.ACCESSED_TAG)
        if _says(text, accessed):
            out.append((rt.ACCESSED_TAG, text))
        else:
            out += [pair for pair in default if pair[0] == rt.ACCESSED_TAG]
    return out


def _joined(value: Any, sep: str, given: Any, tag: str) -> list[str]:
    """KW/N1 lines: the original list if it still joins to the value, else split or whole."""
    if value in (None, ""):
        return []
    text = str(value)
    if isinstance(given, list) and all(isinstance(v, str) for v in given) and sep.join(given) == text:
        return list(given)
    if tag == "KW":
        return [part.strip() for part in text.split(",") if part.strip()]
    return [text]


def _note(
    ref: Reference, csl: dict[str, Any], back: dict[str, Any], kept: dict[str, Any], from_note: dict[str, Any]
) -> str:
    """The block of variables the tags do not give back exactly, and refman's own data."""
    # a variable the note states too is read as the note's (CSL-JSON leaves it out) unless
    # the block names it: so one the reference has in its own right is named
    stated = csl_note.stated(ref.note) if isinstance(ref.note, str) and ":" in ref.note else {}
    rows: list[str] = []
    for var, value in csl.items():
        if var == "id" or (var in from_note and from_note[var] == value):
            continue  # the note itself states it (read from its "key: value" lines)
        if _exact(back.get(var), value) and stated.get(var) != value:
            continue
        rows += ris_note.lines(var, value)
    if kept:
        rows += ris_note.lines("custom", kept)
    return "\n".join(rows)


def _from_note(ref: Reference) -> dict[str, Any]:
    return (ref.origin.note_fields if ref.origin is not None else None) or {}


def _exact(read: Any, value: Any) -> bool:
    """The value read back is the reference's (a number as its text: RIS is text)."""
    return read == value or (isinstance(value, int) and not isinstance(value, bool) and read == str(value))


def _custom(custom: Any, bad: dict[str, Any]) -> dict[str, Any]:
    """CSL ``custom`` for the note: without ``unmapped.ris`` (the tags say it), with what of
    it no tag could hold."""
    kept = dict(custom) if isinstance(custom, dict) else {}
    ours = dict(kept.pop("refman", None) or {})
    unmapped = {
        k: v for k, v in (ours.pop("unmapped", None) or {}).items() if k != "ris" or not isinstance(v, dict)
    }
    if bad:
        unmapped["ris"] = bad
    if unmapped:
        ours["unmapped"] = unmapped
    if ours:
        kept["refman"] = ours
    return kept
