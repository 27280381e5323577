"""Every reader in the registry, given random text or mutations of real inputs, returns a
ReadResult with diagnostics and never raises; the api turns failures into InputError or
FormatError only. New readers are covered by being registered.

The default run is modest; ``REFMAN_FUZZ_EXAMPLES=20000 python3 -m pytest -m slow
tests/test_fuzz_readers.py`` fuzzes for real.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from refman import api, formats
from refman.diagnostics import Diagnostic, ReadResult
from refman.errors import FormatError, InputError
from refman.io import InputText
from refman.model import Library
from refman.writers.csljson import write as write_csljson

ROOT = Path(__file__).parent
EXAMPLES = int(os.environ.get("REFMAN_FUZZ_EXAMPLES", "60"))
READERS = sorted({f.reader: f for f in formats.readable()}.values(), key=lambda f: f.name)

REAL = [
    (ROOT.parent / "seeds" / "000_fe4f377d4096e258.txt").read_text(encoding="utf-8")[:6000],
    (ROOT / "data" / "ris" / "zotero.ris").read_text(encoding="utf-8"),
    (ROOT / "data" / "cslyaml" / "pandoc-refs.yaml").read_text(encoding="utf-8"),
    (ROOT / "data" / "encodings" / "ru-refs.txt").read_text(encoding="utf-8"),
    json.dumps([{"id": "a", "type": "article-journal", "title": "T", "author": [{"family": "Иванов", "given": "И."}],
                 "issued": {"date-parts": [[2020, 5]]}, "note": "original-date: 1950"}], ensure_ascii=False),
    '@string{vostok = "Vostok (Oriens)"}\n% a comment\n@preamble{"\\newcommand{\\noop}[1]{}"}\n'
    "@article{ivanov2019,\n  author = {Иванов, Иван Иванович and {Delgado de Molina}, A.},\n"
    '  title = {{R}ussia and {\\"U}ber -- {\\cyr Korea}},\n  journal = vostok # " 1",\n'
    "  year = 2019, pages = {10--20}, date = {2019-05/2019-06}\n}\n",
]  # fmt: skip
_NOISE = "{}[]()\"'\\@%#=,.:;-–—/ \n\t0123456789aZяЁ&*!|~^$`<>?"


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A real input with a few edits: cuts, insertions, duplications, character swaps."""
    text = draw(st.sampled_from(REAL))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.integers(0, 3))
        if kind == 0:
            text = text[:at] + text[at + draw(st.integers(1, 200)) :]
        elif kind == 1:
            text = text[:at] + draw(st.text(st.sampled_from(_NOISE), max_size=20)) + text[at:]
        elif kind == 2:
            end = min(len(text), at + draw(st.integers(1, 300)))
            text = text[:at] + text[at:end] * draw(st.integers(2, 5)) + text[at:]
        elif text:
            at = min(at, len(text) - 1)
            text = text[:at] + draw(st.sampled_from(_NOISE)) + text[at + 1 :]
    return text


INPUTS = st.one_of(st.text(max_size=400), st.text(st.sampled_from(_NOISE), max_size=400), mutated())


def _check(reader_format: formats.Format, text: str) -> None:
    result = reader_format.load_reader()(text, name="fuzz")
    assert isinstance(result, ReadResult)
    assert isinstance(result.library, Library)
    assert all(isinstance(d, Diagnostic) for d in result.diagnostics)
    refs = result.library.references
    # what was read can be written, every reference of it
    assert [item["id"] for item in json.loads(write_csljson(result.library))] == [str(r.id) for r in refs]
    if re.search(r"\w", text) and not refs:  # nothing read from words or numbers: the reader says why
        assert result.diagnostics


def _fuzz(reader_format: formats.Format, examples: int):
    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(INPUTS)
    def run(text: str) -> None:
        _check(reader_format, text)

    run()


@pytest.mark.parametrize("fmt", READERS, ids=lambda f: f.name)
def test_reader_survives_random_and_mutated_input(fmt):
    _fuzz(fmt, min(EXAMPLES, 60))


@pytest.mark.slow
@pytest.mark.skipif("REFMAN_FUZZ_EXAMPLES" not in os.environ, reason="long fuzzing: set REFMAN_FUZZ_EXAMPLES")
@pytest.mark.parametrize("fmt", READERS, ids=lambda f: f.name)
def test_reader_survives_long_fuzzing(fmt):
    _fuzz(fmt, EXAMPLES)


@settings(max_examples=min(EXAMPLES, 100), deadline=None, suppress_health_check=list(HealthCheck))
@given(INPUTS)
def test_api_detects_and_reads_or_says_why(text):
    """Detection plus reading: a result, or InputError/FormatError with a message."""
    try:
        library, _diagnostics, name = api.read_input(InputText("fuzz.txt", text, "utf-8", ".txt"))
    except (InputError, FormatError) as exc:
        assert exc.message
        return
    assert isinstance(library, Library) and name
