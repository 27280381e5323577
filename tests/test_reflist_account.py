"""The free-text reader places every word of an item somewhere (readers.reflist.account).

The invariant: each word of a list item is held by a field of the reference written out (its
CSL-JSON, ``custom.refman.unmapped`` included) or is one of the prescribed words a list puts
around the data (labels such as "Т.", "pp.", "URL:", "дата обращения"). Checked on every list
in tests/data/reflists, on the seed through the page reader, on a generated list and on
hypothesis-made items; text the reader cannot place is kept in ``unmapped["unparsed"]`` with
an RM002 warning that quotes it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from refman.model import Name, Reference
from refman.readers import article_page
from refman.readers.reflist import reader as reflist
from refman.readers.reflist.account import unplaced

from .conftest import ROOT, SEED

LISTS = Path(__file__).resolve().parent / "data" / "reflists"


def _read_items(text: str, monkeypatch: pytest.MonkeyPatch | None = None, page: bool = False):
    """(item, reference as written out, diagnostics) for each item of a list or a page."""
    pairs = []
    parse = reflist.parse_items

    def spy(items, name, diagnostics):  # the reader's own items, paired with what it made
        references = parse(items, name, diagnostics)
        pairs.extend(zip(items, references, strict=True))
        return references

    if page:
        assert monkeypatch is not None
        monkeypatch.setattr(article_page, "parse_items", spy)
        result = article_page.read(text, "page")
    else:
        items, _, _ = reflist.split_items(text)
        diagnostics: list = []
        spy(items, "list", diagnostics)
        result = None
    written = [(item, Reference.model_validate(ref.to_csl())) for item, ref in pairs]
    return written, result


def assert_all_placed(written) -> None:
    """The invariant, on references as written out (a field the dump dropped would show)."""
    lost = {item.number: spans for item, ref in written if (spans := unplaced(item.text, ref))}
    assert lost == {}


@pytest.mark.parametrize("name", sorted(p.name for p in LISTS.glob("*.txt")))
def test_every_list_in_the_test_data(name):
    written, _ = _read_items((LISTS / name).read_text(encoding="utf-8"))
    assert written
    assert_all_placed(written)


def test_the_seed_through_the_page_reader(monkeypatch):
    written, result = _read_items(SEED.read_text(encoding="utf-8"), monkeypatch, page=True)
    assert len(written) == 24
    assert_all_placed(written)
    # nothing needed rescuing: the seed's fields are exactly as pinned in tests/golden
    assert all("unparsed" not in ref.unmapped for _, ref in written)
    assert not [d for d in result.diagnostics if d.code == "RM002"]


def test_a_generated_list():
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    written, _ = _read_items(generate.reflist_text(200))
    assert len(written) == 200
    assert_all_placed(written)


def test_repeated_pages_are_kept_and_reported():
    result = reflist.read("1. P. 0-1. P. 1-2. P. 2-3.\n")
    (ref,) = result.library.references
    assert (ref.title, ref.page, ref.unmapped) == ("P. 0-1", "1–2", {"unparsed": "P. 2-3"})
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("RM002", "could not tell the parts of this reference; text not placed in any field kept "
                  "in unmapped 'unparsed': 'P. 2-3'"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "unparsed"),
    [
        ("1. Иванов И. И. Статья // Журнал. 2019. Т. 1. Т. 2. С. 3–4.", "Т. 2"),
        ("1. Smith J. Title. Journal, 2019, vol. 1, no. 2, pp. 3-4, pp. 5-6.", "pp. 5-6"),
        ("1. Петров П. П. Книга. М.: Наука, 2019. СПб.: Питер, 2020. 300 с.", "СПб.: Питер, 2020"),
    ],
)
def test_a_second_locator_or_publisher_is_kept(text, unparsed):
    result = reflist.read(text + "\n")
    (ref,) = result.library.references
    assert ref.unmapped == {"unparsed": unparsed}
    (warning,) = result.diagnostics
    assert warning.code == "RM002" and warning.message.endswith(f"kept in unmapped 'unparsed': {unparsed!r}")


def test_a_statement_of_responsibility_after_the_byline_is_kept():
    text = "1. Кузнецов Д. В. Политика / Д. В. Кузнецов ; под ред. И. И. Иванова. М.: Наука, 2019. 200 с.\n"
    (ref,) = reflist.read(text).library.references
    assert ref.unmapped == {"responsibility": "Д. В. Кузнецов; под ред. И. И. Иванова"}


def test_unplaced_words_and_prescribed_ones():
    ref = Reference(author=[Name(family="Smith", given="J.")], title="Title", volume="1", page="3–4")
    assert unplaced("Smith J. Title. Vol. 1, pp. 3-4.", ref) == []  # "Vol.", "pp." are labels
    assert unplaced("Smith J. P. Title. Vol. 1, pp. 3-4. P. 5-6.", ref) == ["P", "P. 5-6"]  # an initial
    assert unplaced("Smith J. Title. Vol. 1, pp. 3-4, Title", ref) == ["Title"]  # a word twice
    web = Reference(title="Page", URL="https://example.org/a", DOI="10.1/x")
    text = "Page. URL: https://example.org/a (accessed: 5 May). DOI: 10.1/x"
    assert unplaced(text, web) == ["accessed: 5 May"]  # the label goes with the date it labels


#: Pieces that reference lists are made of, with the punctuation between them (also used by
#: benchmarks/reflist_loss.py).
PIECES = [
    "Иванов И. И.", "Smith J.", "Заглавие", "Title words", "Журнал", "Journal", "2019", "2020", "Т. 1",
    "Vol. 5", "№ 2", "no. 3", "С. 3–4", "P. 1-2", "pp. 10-20", "М.: Наука, 2019", "London: Routledge, 2020",
    "300 с.", "250 p.", "2-е изд.", "2nd ed.", "URL: https://example.org/x", "(дата обращения: 25.08.2022)",
    "(accessed: 19.08.2022)", "DOI: 10.1000/abc", "ISBN 978-5-8243-1050-6", "(in Russian)",
    "[Электронный ресурс]", "Текст : электронный", "[и др.]", "et al.", "(ред. от 01.01.2020)",
    "12.03.2021", "03/04/2021", "March 2, 2022", "Указ Президента РФ от 14.10.2017 № 484", "«Название»",
    "дис. … канд. ист. наук", "Statement by Mr. Igor Petrov at the Conference, New York, August 2, 2022",
    "[сайт]", "Ст. 5", "Вып. 7",
]  # fmt: skip
SEPARATORS = [" ", ". ", ", ", " // ", " – ", ". – ", " : ", " / ", "; "]
_ITEM = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(PIECES), st.text(min_size=1, max_size=12)), st.sampled_from(SEPARATORS)
    ),
    min_size=1,
    max_size=10,
).map(lambda parts: "".join(a + b for a, b in parts).strip())


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ITEM, min_size=1, max_size=4))
def test_no_item_loses_a_word(items):
    text = "\n".join(f"{n}. {item}" for n, item in enumerate(items, start=1)) + "\n"
    written, _ = _read_items(text)
    assert_all_placed(written)
    result = reflist.read(text)
    warned = {d.number for d in result.diagnostics if d.code == "RM002"}
    assert all(ref.origin.number in warned for ref in result.library.references if "unparsed" in ref.unmapped)
