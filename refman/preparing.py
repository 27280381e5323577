"""The records of ``refman add`` made ready for the library ahead of it: read, their dedupe
features worked out, their rows and search texts encoded (``Prepared``).

None of that depends on the library, and at 100,000 records it is about half of the work of
``add``; the other half (the blocking query, comparisons, the inserts) must run in order, in
the process that holds the transaction. So on a machine with two cores or more and an input
of more than a few parts, a forked child process prepares part after part while the parent
adds the one before (``feed``). The child sends each part as plain values (``marshal``: no
Python code runs per object, unlike pickling models), the reference itself left out: the
parent decodes it from the row's CSL-JSON in the rare case it needs it (a merge, a crossref
to an entry of an earlier part). The pipe holds about one part, which bounds memory; an
error of the child (an input that cannot be read) is raised in the parent, inside its
transaction, exactly as when the parts are prepared in process.
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
import pickle
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from multiprocessing import Pipe
from multiprocessing.connection import Connection
from typing import Any

from .core.dedupe.features import Features, crossref_key, features
from .diagnostics import Diagnostic
from .errors import InputError
from .library_cache import from_plain, plain
from .model import Reference
from .reading import PART_SIZE, Inputs, Part
from .store.records import Row, block_keys, decode, encode, search_texts

#: Characters of input (about 400 a record) from which the parts are prepared in a child
#: process: below it, starting one costs more than it saves.
PARALLEL_FROM = 2_000_000
_ROW = tuple(f.name for f in fields(Row))


@dataclass(slots=True)
class Prepared:
    """One record made ready: ``crossref`` names the entry it crossrefs when that entry was
    not in its part (``add`` looks for it among the records it added before)."""

    feats: Features
    keys: list[str]  # its blocking keys (``records.block_keys``)
    row: Row
    texts: tuple[str, ...]
    crossref: str | None
    ref: Reference | None  # None when prepared by the child: ``reference`` decodes it

    def reference(self) -> Reference:
        if self.ref is None:
            self.ref = decode(self.row.csl, self.row.origin)
        return self.ref

    def with_parent(self, parent: Reference) -> None:
        """Made again now that the entry it crossrefs is found (in an earlier part): its
        features see the parent (an inherited identifier is the container's), and so its row
        and blocking keys."""
        ref = self.reference()
        self.feats = features(0, ref, parent)
        self.row = encode(ref, self.feats)
        self.keys = block_keys(self.feats)


@dataclass(slots=True)
class PreparedPart:
    """A ``reading.Part`` with its records prepared."""

    input: int
    first: bool
    preserved: dict[str, Any]
    diagnostics: list[Diagnostic]
    reached: int
    records: list[Prepared]


def prepare(part: Part, tags: list[str], since: int = 0, size: int = PART_SIZE) -> Iterator[PreparedPart]:
    """The records of ``part`` in pieces of ``size``, each with its features (a crossref
    resolved within the whole part), row and search texts (under ``tags``, the tags add gives
    every record). A reader without batches gives a whole file as one part: its pieces let
    the parent start on the first while the rest are prepared. ``since``: the characters
    read before the part, for the pieces' share of the progress."""
    refs = part.library.references
    parents = {str(ref.id).lower(): ref for ref in refs}
    ordered = sorted(tags)
    starts = range(0, len(refs), size) if refs else range(1)
    for start in starts:
        records = []
        for ref in refs[start : start + size]:
            parent_key = crossref_key(ref)
            parent = parents.get(parent_key) if parent_key else None
            feats = features(0, ref, parent)
            missing = parent_key if parent_key and parent is None else None
            row = encode(ref, feats)
            records.append(
                Prepared(feats, block_keys(feats), row, search_texts(ref, "", ordered), missing, ref)
            )
        end = min(start + size, len(refs))
        reached = part.reached if end == len(refs) else since + (part.reached - since) * end // len(refs)
        if start == 0:
            yield PreparedPart(
                part.input, part.first, part.library.preserved, part.diagnostics, reached, records
            )
        else:
            yield PreparedPart(part.input, False, {}, [], reached, records)


def _prepared(inputs: Inputs, tags: list[str]) -> Iterator[PreparedPart]:
    since = 0
    for part in inputs.parts():
        yield from prepare(part, tags, since, inputs.size)
        since = part.reached


def feed(inputs: Inputs, tags: list[str]) -> Iterator[PreparedPart]:
    """The parts of ``inputs`` prepared, in order: by a child process when that pays (see
    the module docstring), else here."""
    if inputs.characters < PARALLEL_FROM or not _cores_to_spare():
        return _prepared(inputs, tags)
    return _from_child(inputs, tags)


@contextmanager
def few_collections() -> Iterator[None]:
    """The cyclic garbage collector run rarely while ``add`` runs (and in its child, which
    inherits the setting): add makes and keeps millions of small objects, none in cycles that
    need collecting, and with the default thresholds the collector walked the growing heap
    over and over, about an eighth of add's CPU at 100,000 records. What exists before (the
    modules) is frozen out of its walks; everything is as it was afterwards."""
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def _cores_to_spare() -> bool:
    if not hasattr(os, "fork"):
        return False
    try:
        return len(os.sched_getaffinity(0)) > 1
    except AttributeError:  # no affinity on this platform
        return (os.cpu_count() or 1) > 1


def _from_child(inputs: Inputs, tags: list[str]) -> Iterator[PreparedPart]:
    receiver, sender = Pipe(duplex=False)
    pid = os.fork()
    if pid == 0:  # the child: prepare and send, never return into the caller's code
        receiver.close()
        _serve(inputs, tags, sender)
    sender.close()
    try:
        while True:
            try:
                message = receiver.recv_bytes()
            except EOFError:
                raise InputError("the process reading the input stopped unexpectedly") from None
            kind, payload = message[:1], message[1:]
            if kind == b"e":
                raise pickle.loads(payload)
            if kind == b"z":
                return
            yield _unpack(payload)
    finally:
        receiver.close()
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


def _serve(inputs: Inputs, tags: list[str], sender: Connection) -> None:
    """The child's whole life: each part prepared and sent, then the end (or the error)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    status = 0
    try:
        for prepared in _prepared(inputs, tags):
            sender.send_bytes(b"p" + _pack(prepared))
        sender.send_bytes(b"z")
    except (BrokenPipeError, ConnectionResetError):
        status = 1  # the parent is gone: nobody to tell
    except BaseException as exc:  # noqa: BLE001 - every error goes to the parent, who reports it
        status = 1
        with contextlib.suppress(OSError):
            sender.send_bytes(b"e" + _pickled(exc))
    finally:
        os._exit(status)  # no atexit, no flushing of the parent's buffers a second time


def _pickled(exc: BaseException) -> bytes:
    try:
        return pickle.dumps(exc)
    except Exception:  # noqa: BLE001 - an exception that cannot travel travels as its text
        return pickle.dumps(RuntimeError(f"{type(exc).__name__}: {exc}"))


def _pack(part: PreparedPart) -> bytes:
    records = [
        (plain(r.feats), r.keys, tuple(getattr(r.row, f) for f in _ROW), r.texts, r.crossref)
        for r in part.records
    ]
    head = pickle.dumps((part.input, part.first, part.preserved, part.diagnostics, part.reached))
    return marshal.dumps((head, records))


def _unpack(data: bytes) -> PreparedPart:
    head, records = marshal.loads(data)
    number, first, preserved, diagnostics, reached = pickle.loads(head)
    prepared = [
        Prepared(from_plain(feats), keys, Row(*row), texts, crossref, None)
        for feats, keys, row, texts, crossref in records
    ]
    return PreparedPart(number, first, preserved, diagnostics, reached, prepared)
