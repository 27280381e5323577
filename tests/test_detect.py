"""Detection: each sniffer scores its confidence; the extension breaks ties; ambiguous or
unknown input is a FormatError naming the candidates and --from. Sniffers never raise."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refman import formats
from refman.errors import FormatError

ROOT = Path(__file__).parent
SAMPLES = {
    "ris": (ROOT / "data" / "ris" / "zotero.ris").read_text(encoding="utf-8"),
    "csl-json": '[{"id": "a", "type": "book", "title": "T"}]',
    "csl-json-lines": '{"id": "a", "type": "book"}\n{"id": "b", "type": "book"}\n',
    "csl-yaml": (ROOT / "data" / "cslyaml" / "pandoc-refs.yaml").read_text(encoding="utf-8"),
    "csl-yaml-list": "- id: a\n  type: book\n  title: T\n",
    "bibtex": "@article{smith2020,\n  title = {T},\n  author = {Smith, John},\n  year = 2020\n}\n",
    "reflist": "1. Иванов И. И. История России. – М.: Наука, 2019. – 320 с.\n2. Petrov P. Title. 2020.\n",
}


@pytest.mark.parametrize(("label", "text"), SAMPLES.items())
def test_content_alone_decides(label, text):
    expected = label.removesuffix("-lines").removesuffix("-list")
    assert formats.detect(text, f"input-{label}").name == expected


def test_seed_page_is_a_page():
    seed = (ROOT.parent / "seeds" / "000_fe4f377d4096e258.txt").read_text(encoding="utf-8")
    assert formats.detect(seed, "seed.txt", ".txt").name == "page"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty input"),
        ("   \n\n", "empty input"),
        ("Just some prose without any structure.\n", "cannot tell the format"),
        ("\x7f\x01 garbage ~~~", "cannot tell the format"),
    ],
)
def test_unknown_input_names_from_and_the_formats(text, message):
    with pytest.raises(FormatError) as info:
        formats.detect(text, "mystery.dat", ".dat")
    assert message in info.value.message and "mystery.dat" in info.value.message
    if message != "empty input":
        assert "--from" in info.value.message and "ris" in info.value.message


def test_ambiguity_is_reported_with_the_candidates(monkeypatch):
    fake = {"ris": 0.6, "csl-yaml": 0.55}
    monkeypatch.setattr(formats.Format, "sniff", lambda self, text: fake.get(self.name, 0.0))
    with pytest.raises(FormatError) as info:
        formats.detect("x", "both.txt")
    assert "ambiguous" in info.value.message and "ris" in info.value.message
    assert "csl-yaml" in info.value.message and "--from" in info.value.message
    assert formats.detect("x", "both.ris", ".ris").name == "ris", "the extension breaks the tie"


def test_extension_does_not_make_a_reader_claim_foreign_content():
    with pytest.raises(FormatError):
        formats.detect("Just some prose.\n", "notes.ris", ".ris")


def test_every_readable_format_but_biblatex_has_a_sniffer():
    """biblatex shares the BibTeX reader; it is chosen with --from, never guessed."""
    assert [f.name for f in formats.readable() if not f.sniffer] == ["biblatex"]


_JUNK = st.one_of(
    st.text(max_size=300),
    st.sampled_from(list(SAMPLES.values())).flatmap(
        lambda s: st.integers(0, len(s)).map(lambda n: s[:n])  # every truncation of a real input
    ),
)


@settings(max_examples=200, deadline=None)
@given(_JUNK)
def test_sniffers_return_a_score_and_never_raise(text):
    for fmt in formats.readable():
        if fmt.sniffer:
            score = fmt.sniff(text)
            assert 0.0 <= score <= 1.0, fmt.name


def test_a_decisive_extension_settles_without_asking_the_other_readers(monkeypatch):
    """A .json that sniffs as CSL-JSON is read as CSL-JSON without importing other readers."""
    asked = []
    original = formats.Format.sniff

    def spy(self, text):
        asked.append(self.name)
        return original(self, text)

    monkeypatch.setattr(formats.Format, "sniff", spy)
    assert formats.detect('[{"id": "a", "type": "book"}]', "x.json", ".json").name == "csl-json"
    assert asked == ["csl-json"]
    asked.clear()
    formats.detect("1. Ivanov I. Title. Moscow, 2019.", "x.txt", ".txt")  # .txt is not decisive
    assert len(asked) > 1
