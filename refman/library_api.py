"""The facade of the library commands (add, list, search, tag, note, rm, undo, log): the CLI
calls these, and they work through ``refman.store`` so that SQLite and PostgreSQL serve them
alike. Nothing here knows terminals or exit codes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from . import api
from .core.dedupe.engine import DEFAULT_PROFILE, profile_named
from .core.dedupe.features import features
from .core.dedupe.score import compare
from .errors import InputError, UsageError
from .library_cache import FeatureCache
from .model import Library, Reference
from .parse.bibtex_fields import fingerprint
from .preparing import feed, few_collections
from .reading import Inputs
from .store import Entry, LibraryError, Query, QueryError, Store, open_library, parse

Progress = Callable[[int, int], None]
#: Characters of a typical record: the progress of add counts the text read in these units,
#: so that the bar's threshold (``cli.library.PROGRESS_FROM`` records) keeps its meaning.
_RECORD_SIZE = 400
#: The format whose layout the BibTeX reader keeps in ``Library.preserved`` under this prefix.
_LAYOUT = "bibtex:"


def open_store(location: str, create: bool = False) -> Store:
    """The library at ``location`` (see ``refman.config.library``); an InputError if unusable."""
    try:
        return open_library(location, create)
    except LibraryError as exc:
        raise InputError(str(exc)) from None
    except ImportError as exc:
        raise InputError(f"{location}: PostgreSQL needs psycopg ({exc})") from None


def query(text: str | None = None, tags: list[str] | None = None, types: list[str] | None = None,
          years: str | None = None, lang: str | None = None) -> Query:  # fmt: skip
    """A query from the words of ``text`` and the filter options; a UsageError if unreadable."""
    try:
        found = parse(text)
        if years:
            found.years(years)
    except QueryError as exc:
        raise UsageError(str(exc)) from None
    found.tags += tags or []
    found.types += types or []
    if lang:
        found.languages.append(lang.lower()[:2])
    return found


@dataclass(slots=True)
class Duplicate:
    """A record not added: the library's record it duplicates, and the evidence."""

    key: str
    existing: str
    score: float
    evidence: dict[str, str]
    merged: bool = False


@dataclass(slots=True)
class Added:
    added: list[str] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (key as read, key in the library)
    diagnostics: list[Any] = field(default_factory=list)
    change: int | None = None

    @property
    def skipped(self) -> list[Duplicate]:
        return [d for d in self.duplicates if not d.merged]


def add(
    store: Store,
    inputs: Inputs,
    merge: bool = False,
    force: bool = False,
    tags: list[str] | None = None,
    profile: str | None = None,
    progress: Progress | None = None,
) -> Added:
    """Add the records of ``inputs`` (``reading.open_inputs``), read part by part, in
    one change: each record is checked against the library (and the records added before it)
    through the blocking index and the dedupe engine's comparison; a likely duplicate is
    skipped, or merged into the library's record (``merge``, lossless as ``dedupe --merge``),
    or added anyway (``force``). Any error rolls the whole change back."""
    try:
        chosen = profile_named(profile or DEFAULT_PROFILE)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    names = [name for name, _ in inputs.sources]
    result = Added(diagnostics=list(inputs.diagnostics))
    cutoff = max(0.5, chosen.min_title - 0.12)
    cache = FeatureCache()
    total = inputs.characters
    with few_collections(), store.change("add") as change:
        source = 0
        for part in feed(inputs, tags or []):
            result.diagnostics += part.diagnostics
            if part.first:
                name, fmt = inputs.sources[part.input]
                source = store.add_source(name, fmt, part.preserved.get(_LAYOUT + name), change)
            for record in part.records:
                if record.crossref:  # its entry is of an earlier part, if this add stored it
                    parent = _parent_added(store, record.crossref, change.id)
                    if parent is not None:
                        record.with_parent(parent)
                feats = record.feats
                store.known_keys(feats, record.keys)
                found = None if force else _duplicate_of(store, cache, feats, chosen, cutoff)
                given = record.row.key
                if found is not None:
                    entry, decision = found
                    duplicate = Duplicate(given, entry.key, decision.score, decision.evidence)
                    result.duplicates.append(duplicate)
                    if merge:
                        store.replace(entry.id, _merged(entry.reference(), record.reference()), change)
                        cache.drop(entry.id)
                        duplicate.merged = True
                    continue
                record_id, key = store.insert_row(record.row, feats, record.texts, change, source, tags)
                cache.put(record_id, feats)
                if key != given:
                    result.renamed.append((given, key))
                result.added.append(key)
            if progress:
                progress(part.reached // _RECORD_SIZE, total // _RECORD_SIZE)
        merged = sum(d.merged for d in result.duplicates)
        change.discard = not result.added and not merged  # nothing changed: no change to log
        change.summary = _summary(f"added {len(result.added)}", result.added, names, merged)
        result.change = change.id
    return result


def _parent_added(store: Store, key: str, change: int) -> Reference | None:
    """The record ``key`` names if this add stored it (a crossref to an entry of an earlier
    part or input); never a record of the library from before, which the input does not hold."""
    row = store.one(
        "SELECT id FROM records WHERE key_folded = ? AND created_change = ?", (key.casefold(), change)
    )
    entry = store.entry(int(row[0])) if row else None
    return entry.reference() if entry is not None else None


def _duplicate_of(store: Store, cache: FeatureCache, feats: Any, profile: Any, cutoff: float) -> Any:
    """(entry, decision) of the library's likeliest duplicate of a record, or None."""
    best = None
    for record_id in store.candidates(feats, cutoff, profile.year_slack):
        theirs = cache.get(record_id)
        if theirs is None:
            entry = store.entry(record_id)
            if entry is None:
                continue
            theirs = cache.put(record_id, features(1, entry.reference()))
        decision = compare(theirs, feats, profile, describe_apart=False)  # only a match is kept
        if decision.same and (best is None or decision.score > best[1].score):
            best = (record_id, decision)
    if best is None:
        return None
    entry = store.entry(best[0])
    return (entry, best[1]) if entry is not None else None


def _merged(existing: Reference, new: Reference) -> Reference:
    """The library's record with what ``new`` adds, losslessly (``dedupe --merge``'s merge);
    the library's key survives."""
    from .core.dedupe.merge import merge
    from .core.dedupe.survivor import Choice

    result = merge(Library(references=[existing, new]), [[0, 1]], [Choice(0, "in the library")])
    return result.library.references[0]


def _summary(what: str, keys: list[str], inputs: list[str], merged: int = 0) -> str:
    shown = ", ".join(keys[:5]) + (f", … ({len(keys) - 5} more)" if len(keys) > 5 else "")
    text = f"{what} from {', '.join(inputs)}" + (f": {shown}" if keys else "")
    return text + (f"; merged {merged} into the library's records" if merged else "")


def entries(store: Store, found: Query, ranked: bool = False, limit: int | None = None) -> Iterator[Entry]:
    return store.select(found, ranked, limit)


@dataclass(slots=True)
class FromLibrary:
    """Records of the library loaded for export, validate or dedupe, with their row ids and
    fingerprints as loaded (so that what a fix or a merge changed can be written back)."""

    loaded: api.Loaded
    store: Store
    ids: list[int] = field(default_factory=list)
    prints: list[str] = field(default_factory=list)


def library_as_loaded(
    store: Store,
    found: Query | None = None,
    ranked: bool = False,
    progress: Progress | None = None,
    writable: bool = True,
) -> FromLibrary:
    """The records a query selects as a loaded library, for export, validate and dedupe:
    each with its origin and the layout of the BibTeX file it came from, so that an
    unchanged record is written back in its own dialect byte for byte. ``writable``: with
    each record's fingerprint as loaded, which ``write_back`` needs to tell what changed (a
    quarter of the time of reading a library; export, show, list and cite do without)."""
    loaded = api.Loaded(Library())
    out = FromLibrary(loaded, store)
    source_ids: set[int] = set()
    total = store.count() if progress else 0
    for done, entry in enumerate(store.select(found or Query(), ranked), 1):
        if progress and done % 2000 == 0:
            progress(done, total)
        ref = entry.reference()
        out.ids.append(entry.id)
        if writable:
            out.prints.append(fingerprint(ref))
        if entry.source_id is not None:
            source_ids.add(entry.source_id)
        loaded.library.references.append(ref)
        loaded.input_of.append(entry.source_id if entry.source_id is not None else -1)
    sources = store.sources(source_ids)
    names = [name for _, name, _, _ in sources]
    labels = {sid: name if names.count(name) == 1 else f"{name} [{sid}]" for sid, name, _, _ in sources}
    number = {sid: n for n, (sid, _, _, _) in enumerate(sources)}
    for sid, _, fmt, layout in sources:
        loaded.sources.append((labels[sid], fmt))
        if layout is not None:
            loaded.library.preserved[_LAYOUT + labels[sid]] = layout
    for position, ref in enumerate(loaded.library.references):
        sid = loaded.input_of[position]
        loaded.input_of[position] = number.get(sid, len(sources))
        if ref.origin is not None and sid in labels:
            ref.origin.path = labels[sid]
    if not loaded.sources:
        loaded.sources.append((store.location, "csl-json"))
    return out


def write_back(store: Store, selected: FromLibrary, refs: list[Reference], command: str, what: str) -> int:
    """Put a fixed or merged library back in one change: records whose fingerprint changed
    are replaced, records no longer there (merged away) removed; how many changed."""
    before = {
        str(ref.id).casefold(): (rid, mark)
        for ref, rid, mark in zip(
            selected.loaded.library.references, selected.ids, selected.prints, strict=True
        )
    }
    changed: list[str] = []
    with store.change(command) as change:
        kept = set()
        for ref in refs:
            folded = str(ref.id).casefold()
            if folded not in before:
                continue
            kept.add(folded)
            rid, mark = before[folded]
            if fingerprint(ref) != mark:
                store.replace(rid, ref, change)
                changed.append(str(ref.id))
        gone = [(key, rid) for key, (rid, _) in before.items() if key not in kept]
        for _, rid in gone:
            store.delete(rid, change)
        change.summary = _summary(
            f"{what}: changed {len(changed)}, removed {len(gone)}", changed, [store.location]
        )
    return len(changed) + len(gone)


def find(store: Store, keys: list[str]) -> list[Entry]:
    """The records with these keys (ignoring case), in the order given; an InputError naming
    the keys the library does not have."""
    out, missing = [], []
    for key in keys:
        entry = store.entry_by_key(key)
        if entry is None:
            missing.append(key)
        else:
            out.append(entry)
    if missing:
        raise InputError(f"no record with the key {', '.join(missing)} in {store.location}")
    return out


def tag(store: Store, key: str, changes: list[str]) -> tuple[list[str], str]:
    """Apply ``+tag``/``-tag`` (a bare word adds) to one record; its tags after, and the summary."""
    if not changes:
        raise UsageError("name tags to change: +tag adds, -tag removes")
    entry = find(store, [key])[0]
    tags = list(entry.tags)
    for word in changes:
        name = word[1:] if word[:1] in "+-" else word
        if not name.strip():
            raise UsageError(f"an empty tag in {word!r}")
        if word.startswith("-"):
            tags = [t for t in tags if t != name]
        elif name not in tags:
            tags.append(name)
    summary = f"tag {entry.key} {' '.join(changes)}"
    with store.change("tag") as change:
        store.replace(entry.id, entry.reference(), change, tags=sorted(tags))
        change.summary = summary
    return sorted(tags), summary


def note(store: Store, key: str, text: str | None, append: bool = True) -> str:
    """Set (or add a paragraph to) a record's notes; the notes after."""
    entry = find(store, [key])[0]
    if text is None:
        return entry.notes
    notes = f"{entry.notes}\n\n{text}".strip() if append and entry.notes else text
    with store.change("note") as change:
        store.replace(entry.id, entry.reference(), change, notes=notes)
        change.summary = f"note on {entry.key}"
    return notes


def remove(store: Store, keys: list[str]) -> list[str]:
    """Remove the records with these keys in one change; their keys."""
    found = find(store, keys)
    with store.change("rm") as change:
        for entry in found:
            store.delete(entry.id, change)
        change.summary = _summary(f"removed {len(found)}", [e.key for e in found], [store.location])
    return [e.key for e in found]


def replace(store: Store, key: str, ref: Reference, command: str, summary: str) -> str:
    """Put ``ref`` in place of the record ``key`` in one change; the key it ends with."""
    entry = find(store, [key])[0]
    with store.change(command) as change:
        store.replace(entry.id, ref, change)
        change.summary = summary
    return str(ref.id)


def undo(store: Store) -> str | None:
    """Revert the last change; its summary, or None when there is nothing to undo."""
    with store.change("undo") as change:
        target = store.undo(change)
        if target is None:
            raise UsageError(f"nothing to undo in {store.location}")
        change.summary = f"undo #{target.id}: {target.summary}"
    return change.summary


def log(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    """The change log, newest first, as dicts (the JSON of ``refman log --format json``)."""
    return [
        {"id": i, "time": at, "command": command, "summary": summary, "undoes": undoes, "undone_by": undone}
        for i, at, command, summary, undoes, undone in store.log(limit)
    ]


# --- edit ---------------------------------------------------------------------------------

EDIT_FORMATS = {"biblatex": ".bib", "yaml": ".yaml"}


def edit_text(store: Store, key: str, fmt: str) -> str:
    """A record as the user edits it: a BibLaTeX entry, or CSL-YAML."""
    if fmt not in EDIT_FORMATS:
        raise UsageError(f"unknown edit format {fmt!r} (choose biblatex or yaml)")
    ref = find(store, [key])[0].reference()
    if fmt == "yaml":
        import yaml

        return yaml.safe_dump([ref.to_csl()], allow_unicode=True, sort_keys=False)
    return api.export(Library(references=[ref]), "biblatex")


def read_edit(text: str, fmt: str, name: str) -> tuple[Reference, list[Any]]:
    """The one record an edit holds, and the findings of validation on it; a ValueError (its
    message for the user) if it does not read as exactly one record."""
    from .io import InputText

    source = InputText(name, text, "utf-8", EDIT_FORMATS[fmt])
    try:
        library, diagnostics, _ = api.read_input(source, "csl-yaml" if fmt == "yaml" else "biblatex")
    except Exception as exc:  # noqa: BLE001 - any reading failure keeps the user's text
        raise ValueError(getattr(exc, "message", str(exc))) from None
    errors = [d for d in diagnostics if d.severity.value == "error"]
    if errors:
        raise ValueError(errors[0].message)
    if len(library.references) != 1:
        raise ValueError(f"{len(library.references)} records; an edit holds exactly one")
    loaded = api.Loaded(library, diagnostics, [(name, fmt)], [0])
    return library.references[0], api.validate(loaded)


def save_edit(store: Store, key: str, ref: Reference) -> str:
    """The edited record in place of ``key``, in one change; the key it has now."""
    return replace(store, key, ref, "edit", f"edit {key}" + (f" → {ref.id}" if str(ref.id) != key else ""))
