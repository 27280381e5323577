"""Merging a cluster: the most complete value of every field wins, and every value not kept
travels on as a "<field>-variant" with a conflict reported (the rules of dedupe.merge's
docstring, each checked on a pair built by hand)."""

from __future__ import annotations

from refman.core.dedupe.merge import merge
from refman.core.dedupe.survivor import Choice
from refman.model import DateValue, Library, Name, Reference


def _ref(id_: str, **fields) -> Reference:
    return Reference(id=id_, type=fields.pop("type", "article-journal"), **fields)


def _merged(*refs: Reference, survivor: int = 0):
    result = merge(Library(references=list(refs)), [list(range(len(refs)))], [Choice(survivor, "chosen")])
    assert len(result.library.references) == 1
    return result.library.references[0], result


def test_the_fuller_value_wins_and_nothing_conflicts():
    a = _ref(
        "a", title="Coal", author=[Name(family="Smith", given="J.")], issued=DateValue(date_parts=[[2021]])
    )
    b = _ref(
        "b",
        title="Coal: the path of Juche",  # "coal" then more words: longer, not different
        author=[Name(family="Smith", given="John")],
        issued=DateValue(date_parts=[[2021, 6, 28]]),
        volume="3",
    )
    ref, result = _merged(a, b)
    assert str(ref.id) == "a"
    assert ref.title == "Coal: the path of Juche"
    assert [(n.family, n.given) for n in ref.author] == [("Smith", "John")]
    assert ref.issued.parts == [2021, 6, 28]
    assert ref.volume == "3"
    assert result.conflicts == [] and ref.unmapped == {}
    assert result.key_map == [("a", "a"), ("b", "a")]
    assert [c.line() for c in result.clusters] == ["b into a (chosen)"]


def test_a_shorter_value_never_replaces_a_longer_one():
    ref, result = _merged(_ref("a", title="Coal: the path of Juche"), _ref("b", title="Coal"))
    assert ref.title == "Coal: the path of Juche" and result.conflicts == []


def test_another_spelling_is_no_conflict():
    ref, result = _merged(_ref("a", title="The Café"), _ref("b", title="The cafe"))
    assert ref.title == "The Café" and result.conflicts == [] and ref.unmapped == {}


def test_different_values_travel_on_as_numbered_variants():
    ref, result = _merged(
        _ref("a", publisher="Nauka"), _ref("b", publisher="Mir"), _ref("c", publisher="Progress")
    )
    assert ref.publisher == "Nauka"
    assert ref.unmapped == {"publisher-variant": "Mir", "publisher-variant-2": "Progress"}
    assert [c.line() for c in result.conflicts] == [
        "a: publisher: kept 'Nauka'; also 'Mir' (b); 'Progress' (c)"
    ]


def test_a_repeated_different_value_is_reported_once():
    ref, result = _merged(
        _ref("a", publisher="Nauka"), _ref("b", publisher="Mir"), _ref("c", publisher="mir")
    )
    assert ref.unmapped == {"publisher-variant": "Mir"}
    assert [c.others for c in result.conflicts] == [[("b", "Mir")]]


def test_document_is_no_type_at_all():
    ref, result = _merged(_ref("a", type="document"), _ref("b", type="book"))
    assert ref.type == "book" and result.conflicts == []
    ref, result = _merged(_ref("a", type="report"), _ref("b", type="book"))
    assert ref.type == "report"
    assert [c.line() for c in result.conflicts] == ["a: type: kept 'report'; also 'book' (b)"]


def test_the_longer_author_list_wins_and_a_different_one_is_a_variant():
    one = [Name(family="Lee", given="K.")]
    two = [Name(family="Lee", given="Kim"), Name(family="Park", given="J.")]
    ref, result = _merged(_ref("a", author=one), _ref("b", author=two))
    assert [(n.family, n.given) for n in ref.author] == [("Lee", "Kim"), ("Park", "J.")]
    assert result.conflicts == []
    other = [Name(family="Brown", given="A.")]
    ref, result = _merged(_ref("a", author=two), _ref("b", author=other))
    assert ref.unmapped == {"author-variant": "Brown, A."}
    assert [c.line() for c in result.conflicts] == [
        "a: author: kept 'Lee, Kim and Park, J.'; also 'Brown, A.' (b)"
    ]


def test_a_transliterated_author_list_is_kept_as_a_variant():
    ru = [Name(family="Иванов", given="Иван")]
    en = [Name(family="Ivanov", given="Ivan Ivanovich")]
    ref, _result = _merged(_ref("a", author=ru), _ref("b", author=en))
    # the Latin given name is not copied into the Cyrillic record; the other script travels on
    assert [(n.family, n.given) for n in ref.author] == [("Иванов", "Иван")]
    assert ref.unmapped == {"author-variant": "Ivanov, Ivan Ivanovich"}


def test_dates_a_fuller_one_wins_a_different_one_is_a_variant():
    ref, result = _merged(
        _ref("a", issued=DateValue(date_parts=[[2020, 5]])),
        _ref("b", issued=DateValue(date_parts=[[2020, 5, 1]])),
    )
    assert ref.issued.parts == [2020, 5, 1] and result.conflicts == []
    ref, result = _merged(
        _ref("a", issued=DateValue(date_parts=[[2020, 5, 1]])),
        _ref("b", issued=DateValue(date_parts=[[2019, 5]])),
    )
    assert ref.issued.parts == [2020, 5, 1]
    assert ref.unmapped == {"issued-variant": "2019-05"}
    assert [c.line() for c in result.conflicts] == ["a: issued: kept '2020-05-01'; also '2019-05' (b)"]


def test_unknown_fields_merge_with_numbered_variants():
    a = _ref("a", unmapped={"series": "A", "entrytype": "article"})
    b = _ref("b", unmapped={"series": "B", "entrytype": "online", "isrn": "X-1"})
    c = _ref("c", unmapped={"series": "C"})
    ref, result = _merged(a, b, c)
    assert ref.unmapped == {"series": "A", "entrytype": "article", "series-variant": "B", "isrn": "X-1",
                            "series-variant-2": "C"}  # fmt: skip
    assert [c.line() for c in result.conflicts] == [
        "a: series: kept 'A'; also 'B' (b)",
        "a: series: kept 'A'; also 'C' (c)",
    ]


def test_custom_data_of_the_survivor_wins():
    a = _ref("a", custom={"x": 1})
    b = _ref("b", custom={"x": 2, "y": 3})
    ref, _ = _merged(a, b)
    assert ref.custom == {"x": 1, "y": 3}


def test_the_merged_record_stands_where_its_first_member_stood():
    refs = [_ref("x", title="X"), _ref("a", title="Coal"), _ref("y", title="Y"), _ref("b", title="Coal")]
    result = merge(Library(references=refs), [[1, 3]], [Choice(3, "chosen")])
    assert [str(r.id) for r in result.library.references] == ["x", "b", "y"]
    assert result.key_map == [("a", "b"), ("b", "b")]
