"""The inputs of ``refman add`` read in parts, so that adding a large file never holds all its
records as models at once (what ``api.load`` does for the file commands, which need them all).

Every input's text is read, and its format told, before anything else, and the first part
read ahead (``read_ahead``): a missing file, an unknown format or a first input that cannot be
read stops the command before a library is created; a later input that cannot be read stops
it inside its transaction, so nothing of it is added. Then the parts follow in input
order; a reader with a batched form (CSL-JSON: an array decoded item by item) gives parts of
``size`` records, any other reader the whole input as one part. Keys are made as ``api.load``
makes them (``assign_keys``): readable, unique ignoring case; the keys taken so far are the
one thing kept for the whole input (a set of short strings).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

from .core.keys import assign_keys
from .diagnostics import Diagnostic
from .formats import Format
from .io import InputText
from .loading import stamp_format, told_inputs, unreadable
from .model import Library

#: Records per part: enough to keep per-part costs small, few enough to bound memory.
PART_SIZE = 2000


@dataclass(slots=True)
class Part:
    """Some records of one input (``input``: its number in ``Inputs.sources``). The first part
    of an input carries what the reader keeps of the file itself (``library.preserved``)."""

    input: int
    first: bool
    library: Library
    diagnostics: list[Diagnostic]
    reached: int = 0  # characters of all the inputs read so far (the progress bar's count)


@dataclass(slots=True)
class Inputs:
    """Inputs read as text and their formats told (``open_inputs``); ``parts`` reads them."""

    texts: list[tuple[InputText, Format]]
    sources: list[tuple[str, str]] = field(default_factory=list)  # (input name, format name)
    diagnostics: list[Diagnostic] = field(default_factory=list)  # the inputs' own (RM008)
    size: int = PART_SIZE
    ahead: Iterator[Part] | None = None  # the parts, the first read already (``read_ahead``)
    key_pattern: str | None = None  # how keys are made (``core.keys``)

    @property
    def characters(self) -> int:
        return sum(len(source.text) for source, _ in self.texts)

    def read_ahead(self) -> None:
        """Read the first part now: a first input that cannot be read fails here, before the
        caller opens (and perhaps creates) a library; ``parts`` then begins with it."""
        parts = self._parts()
        first = next(parts, None)
        self.ahead = itertools.chain([first] if first is not None else [], parts)

    def parts(self) -> Iterator[Part]:
        """Each input's records in parts, keys assigned; an InputError for an input that
        gives errors and no record at all (as ``api.read_input``), after its last part."""
        ahead, self.ahead = self.ahead, None
        return ahead if ahead is not None else self._parts()

    def _parts(self) -> Iterator[Part]:
        taken: set[str] = set()
        before = 0
        for number, (source, fmt) in enumerate(self.texts):
            error: Diagnostic | None = None
            waiting: list[Diagnostic] = []  # of parts before the first record: yielded with it
            first, held = True, Library()
            for result, reached in fmt.load_batches()(source.text, name=source.name, size=self.size):
                library = result.library
                stamp_format(library, source.name, fmt.name)
                error = error or next((d for d in result.diagnostics if d.severity.value == "error"), None)
                waiting += result.diagnostics
                if first and not library.references and library.article is None:
                    held = library
                    continue  # nothing read yet: an error may be the whole input's
                library.article = None  # add stores the references, never the page itself
                assign_keys(library, self.key_pattern, taken)
                yield Part(number, first, library, waiting, before + reached)
                first, waiting = False, []
            if first and error is not None:
                raise unreadable(source, fmt, error)
            if first:  # an input without records (a file of @string only): its source all the same
                yield Part(number, True, held, waiting, before + len(source.text))
            before += len(source.text)


def open_inputs(
    inputs: list[str],
    from_format: str | None = None,
    encoding: str | None = None,
    size: int = PART_SIZE,
    key_pattern: str | None = None,
) -> Inputs:
    """Every input read as text and its format told (``api.load``'s checks: ``-`` once, a
    file named twice read once with an RM008 warning)."""
    out = Inputs([], size=size, key_pattern=key_pattern)
    for name, source, fmt in told_inputs(inputs, from_format, encoding, out.diagnostics):
        out.texts.append((source, fmt))
        out.sources.append((name, fmt.name))
    return out
