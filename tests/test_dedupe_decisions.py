"""Dedupe's decision rules pinned at their edges: each profile's threshold met exactly, the
year penalty, every veto, the identifier rules, and the two exceptions (a title in two
languages, a title of one or two words). Records are built as ``Features`` so that every
similarity is known by hand; the expected scores are worked out from ``_WEIGHTS`` (title
0.55, authors 0.22, year 0.08, container 0.1, numbering 0.05) in the comments."""

from __future__ import annotations

from dataclasses import replace

import pytest

from refman.core.dedupe import score as dedupe_score
from refman.core.dedupe.features import Author, Features
from refman.core.dedupe.ids import identifier_evidence, shared_container
from refman.core.dedupe.score import PROFILES, compare

SMITH = Author("smith", "john", "john")
LEE = Author("lee", "kim", "kim")
BROWN = Author("brown", "anna", "anna")
TITLE = "a study of four things"


def feat(id_: str = "a", **fields) -> Features:
    """A journal article with one author, a year, a journal and a first page; ``fields``
    override any of them."""
    base = Features(
        index=0, id=id_, doi=None, isbns=frozenset(), url=None, pmid=None,
        titles=(TITLE,), title_words=(("study", "four", "things"),), numbers=frozenset(),
        parts=frozenset(), cyrillic_title=False, cyrillic_authors=False, authors=(SMITH,),
        year=2020, date=(2020,), container=("physics",), group="journal", type="article-journal",
        volume=None, issue=None, edition=None, page="10", number=None, chapter=None,
        accessed=(), publisher="",
    )  # fmt: skip
    return replace(base, **fields)


def both(a: Features, b: Features, profile: str = "strict") -> dedupe_score.Decision:
    """The decision, checked to be the same in both orders, and as ``add`` takes it (without
    describing a pair proven apart): the same outcome, and a match decided identically."""
    one, two = compare(a, b, PROFILES[profile]), compare(b, a, PROFILES[profile])
    assert (one.same, one.score, one.veto) == (two.same, two.score, two.veto)
    for x, y in ((a, b), (b, a)):
        quick = compare(x, y, PROFILES[profile], describe_apart=False)
        assert quick.same == one.same
        if one.same:
            assert quick == compare(x, y, PROFILES[profile])
    return one


# --- thresholds: a score equal to the threshold is enough (>=), one just below is not ---


def test_strict_threshold_met_exactly():
    # title 1, authors 1, year 1, container "bmj" vs "cell" 0 (no letter in common), page 1:
    # 0.55 + 0.22 + 0.08 + 0 + 0.05 = 0.90 = strict threshold
    a, b = feat("a", container=("bmj",)), feat("b", container=("cell",))
    d = both(a, b)
    assert d.score == 0.9 and d.same
    assert d.evidence["decision"] == "score 0.90 ≥ threshold 0.90 (strict)"


def test_strict_just_below_threshold_but_balanced_merges():
    # as above with different first pages: numbering 0, so 0.55 + 0.22 + 0.08 = 0.85
    a, b = feat("a", container=("bmj",)), feat("b", container=("cell",), page="11")
    d = both(a, b)
    assert d.score == 0.85 and not d.same
    assert d.evidence["decision"] == "score 0.85 < threshold 0.90 (strict)"
    assert d.evidence["page"] == "page 10 vs 11"
    assert both(a, b, "balanced").same  # 0.85 >= 0.82


def test_recall_threshold_met_exactly():
    # authors: one of two matched, 0.7 * 1/2 + 0.3 * 1/2 = 0.5; container 0; pages differ:
    # (0.55 + 0.11 + 0.08 + 0 + 0) / 1.0 = 0.74 = recall threshold; balanced needs 0.82
    a = feat("a", authors=(SMITH, LEE), container=("bmj",))
    b = feat("b", authors=(SMITH, BROWN), container=("cell",), page="11")
    d = both(a, b, "recall")
    assert d.score == 0.74 and d.same
    assert d.evidence["authors"] == "authors 1 of 2 match"
    assert not both(a, b, "balanced").same


def test_balanced_threshold_and_minimum_title_met_exactly(monkeypatch):
    # (0.55 * 0.84 + 0.22 * 0.77) / 0.77 = 0.82 exactly in floating point: title at
    # balanced's min_title 0.84 and score at its threshold 0.82 both pass
    monkeypatch.setattr(dedupe_score, "_describe", lambda a, b, ev, *_: {"title": 0.84, "authors": 0.77})
    d = compare(feat("a"), feat("b"), PROFILES["balanced"])
    assert d.score == 0.82 and d.same
    monkeypatch.setattr(dedupe_score, "_describe", lambda a, b, ev, *_: {"title": 0.83, "authors": 1.0})
    d = compare(feat("a"), feat("b"), PROFILES["balanced"])  # (0.4565 + 0.22) / 0.77 = 0.8786
    assert d.score == 0.8786 and not d.same
    assert d.evidence["decision"].endswith("; but title similarity is below 0.84")


def test_title_cut_short_scores_point_nine_and_meets_strict_min_title():
    # "a study of four things" begins the other title and has 4 words: title similarity 0.9;
    # (0.495 + 0.22 + 0.08 + 0.1 + 0.05) / 1.0 = 0.945
    a, b = feat("a"), feat("b", titles=(TITLE + " and more",))
    d = both(a, b)
    assert d.evidence["title"] == "title similarity 0.90"
    assert d.score == 0.945 and d.same


def test_title_alone_must_agree_to_095():
    # nothing but titles: 0.9 passes strict's threshold, yet TITLE_ALONE asks for 0.95
    bare = dict(authors=(), year=None, date=(), container=(), page=None)
    d = both(feat("a", **bare), feat("b", titles=(TITLE + " and more",), **bare))
    assert d.score == 0.9 and not d.same
    assert d.evidence["decision"].endswith("the titles must agree to 0.95")
    assert both(feat("a", **bare), feat("b", **bare)).same  # equal titles: 1.0


# --- the year: a veto beyond the profile's slack, a penalty within it ---


def test_year_veto_and_slack():
    a, b = feat("a", year=2020), feat("b", year=2021)
    d = both(a, b)
    assert (d.same, d.score, d.veto) == (False, 0.0, "year")
    assert d.evidence["decision"] == "kept apart: year 2020 vs 2021"
    assert both(a, b, "balanced").veto == "year"
    assert both(a, b, "recall").veto is None  # a difference of 1 is within recall's slack
    assert both(a, feat("b", year=2022), "recall").veto == "year"


def test_a_pair_proven_apart_is_not_described_for_add():
    """``add`` keeps only matches: a vetoed pair, or titles below min_title in one script,
    end there, with only what decided them as evidence."""
    vetoed = compare(feat("a", year=2020), feat("b", year=2021), PROFILES["strict"], describe_apart=False)
    assert (vetoed.same, vetoed.score, vetoed.veto, vetoed.evidence) == (
        False, 0.0, "year", {"year": "year 2020 vs 2021", "decision": "kept apart: year 2020 vs 2021"},
    )  # fmt: skip
    # "a study of four things" vs "a study of five apples": fuzz.ratio 63.6, token_sort_ratio 54.5 × 0.97
    unlike = compare(
        feat("a"), feat("b", titles=("a study of five apples",)), PROFILES["strict"], describe_apart=False
    )
    assert (unlike.same, unlike.score, unlike.veto, unlike.evidence) == (
        False, 0.0, None, {"decision": "title similarity 0.64 below 0.90"},
    )  # fmt: skip
    described = compare(feat("a"), feat("b", titles=("a study of five apples",)), PROFILES["strict"])
    assert (described.same, described.evidence["title"]) == (False, "title similarity 0.64")


def test_year_penalty_within_slack():
    # recall, 2020 vs 2021: year part 0.3; 0.55 + 0.22 + 0.024 + 0.1 + 0.05 = 0.944, minus 0.05
    d = both(feat("a", year=2020), feat("b", year=2021), "recall")
    assert d.score == 0.894 and d.same
    assert d.evidence["year"] == "year 2020 vs 2021"


def test_year_penalty_decides_a_pair():
    # (0.55 + 0.11 + 0.024 + 0) / 0.9 = 0.76 >= 0.74, but 0.76 - 0.05 = 0.71 < 0.74
    a = feat("a", authors=(SMITH, LEE), container=(), year=2020)
    b = feat("b", authors=(SMITH, BROWN), container=(), year=2021, page="11")
    d = both(a, b, "recall")
    assert d.score == 0.71 and not d.same


def test_year_on_one_side_only_is_evidence_not_score():
    d = both(feat("a"), feat("b", year=None, date=()))
    assert d.evidence["year"] == "year 2020 on one side only"
    assert d.score == 1.0  # (0.55 + 0.22 + 0.1 + 0.05) / 0.92


# --- identifiers ---


def test_conflicting_doi_vetoes_equal_doi_decides_before_other_vetoes():
    d = both(feat("a", doi="10.1/x"), feat("b", doi="10.1/y"))
    assert (d.same, d.veto, d.evidence["decision"]) == (False, "doi", "DOI conflict vetoes a match")
    assert d.evidence["doi"] == "DOI 10.1/x vs 10.1/y"
    d = both(feat("a", doi="10.1/x"), feat("b", doi="10.1/x", year=2021))
    assert (d.same, d.score, d.evidence["doi"]) == (True, 1.0, "DOI equal (10.1/x)")


def test_conflicting_pmid_vetoes_equal_pmid_decides():
    d = both(feat("a", pmid="123"), feat("b", pmid="124"))
    assert (d.same, d.veto, d.evidence["pmid"]) == (False, "pmid", "PMID 123 vs 124")
    d = both(feat("a", pmid="123"), feat("b", pmid="123", volume="2"))
    assert (d.same, d.evidence["decision"]) == (True, "PMID equal: the same work")


def test_one_doi_on_unlike_records_decides_nothing():
    # title similarity far below 0.6 and no author in common: the DOI is someone's mistake
    other = feat("b", doi="10.1/x", titles=("zygote biology of mice",), authors=(BROWN,))
    d = both(feat("a", doi="10.1/x"), other)
    assert not d.same and d.veto is None
    assert d.evidence["doi"].startswith("DOI equal (10.1/x), but title similarity 0.")
    assert d.evidence["doi"].endswith("and no author in common: the DOI alone does not decide")


def test_one_doi_on_two_parts_at_different_pages_decides_nothing():
    a, b = feat("a", doi="10.1/x", part=True), feat("b", doi="10.1/x", part=True, page="20")
    d = both(a, b)
    assert d.evidence["doi"] == "DOI equal (10.1/x), but first pages 10 vs 20: the DOI alone does not decide"
    assert not d.same and d.veto == "pages"  # two parts of the publication with that DOI
    assert shared_container(a, b) == "the publication with DOI 10.1/x"


def test_isbn_conflict_vetoes_and_equal_isbn_decides_after_the_vetoes():
    book = dict(group="book", type="book", page=None)
    d = both(
        feat("a", isbns=frozenset({"9780306406157"}), **book),
        feat("b", isbns=frozenset({"9780306406164"}), **book),
    )
    assert (d.same, d.veto) == (False, "isbn")
    assert d.evidence["isbn"] == "ISBN 9780306406157 vs 9780306406164: different books or editions"
    one = frozenset({"9780306406157"})
    d = both(feat("a", isbns=one, **book), feat("b", isbns=one, titles=("quite another name",), **book))
    assert (d.same, d.score, d.evidence["decision"]) == (True, 1.0, "ISBN equal: the same book")
    d = both(feat("a", isbns=one, volume="1", **book), feat("b", isbns=one, volume="2", **book))
    assert (d.same, d.veto) == (False, "volume")  # one ISBN for a set of volumes


def test_isbn_of_a_container_is_evidence_only():
    a = feat("a", container_isbns=frozenset({"9780306406157"}), part=True)
    b = feat("b", container_isbns=frozenset({"9780306406157"}), part=True, titles=("other words entirely",))
    deciding, evidence, veto = identifier_evidence(a, b)
    assert (deciding, veto) == (None, None)
    assert evidence["isbn"] == "ISBN equal (9780306406157): one container, which alone does not make one work"


def test_equal_url_adds_005_and_stands_in_for_the_title():
    url = "example.org/a"
    # 0.55 + 0.22 + 0.08 + 0 + 0 = 0.85, and an equal URL adds 0.05: 0.90 = strict threshold
    a, b = feat("a", url=url, container=("bmj",)), feat("b", url=url, container=("cell",), page="11")
    d = both(a, b)
    assert d.evidence["url"] == "URL equal (up to scheme, www, slash, tracking parameters)"
    assert d.score == 0.9 and d.same
    d = both(
        feat("a", url=url, container=("bmj",)), feat("b", url="example.org/b", container=("cell",), page="11")
    )
    assert "url" not in d.evidence and d.score == 0.85 and not d.same


def test_container_doi_is_evidence_only():
    a, b = feat("a", container_doi="10.1/book"), feat("b", doi="10.1/book")
    deciding, evidence, veto = identifier_evidence(a, b)
    assert (deciding, veto) == (None, None)
    assert evidence["doi"] == "DOI equal (10.1/book): the container's, not a part's own"


# --- what proves two works apart ---


@pytest.mark.parametrize(
    ("field", "values", "evidence"),
    [
        ("volume", ("1", "2"), "volume 1 vs 2"),
        ("edition", ("2", "3"), "edition 2 vs 3"),
        ("chapter", ("4", "5"), "chapter 4 vs 5"),
        ("number", ("N 12", "N 13"), "number N 12 vs N 13"),
    ],
)
def test_different_numbers_veto(field, values, evidence):
    d = both(feat("a", **{field: values[0]}), feat("b", **{field: values[1]}))
    assert (d.same, d.veto, d.evidence[field]) == (False, field, evidence)
    assert both(feat("a", **{field: values[0]}), feat("b")).same  # missing on one side: no veto


def test_part_numbers_and_title_numbers():
    d = both(feat("a", parts=frozenset({"1"})), feat("b", parts=frozenset({"2"})))
    assert (d.veto, d.evidence["numbers"]) == ("numbers", "parts differ: 1 vs 2")
    d = both(feat("a", numbers=frozenset({"3", "10"})), feat("b", numbers=frozenset({"3", "12"})))
    assert (d.veto, d.evidence["numbers"]) == ("numbers", "numbers in titles differ: 10 vs 12")
    assert both(feat("a", numbers=frozenset({"3"})), feat("b", numbers=frozenset({"3", "12"}))).same


def test_crossref_part_and_whole():
    d = both(feat("part", crossref="book"), feat("Book", group="book", type="book"))
    assert (d.veto, d.evidence["crossref"]) == ("crossref", "part crossrefs Book: a part and its whole")


def test_two_parts_of_one_container_at_different_pages():
    a = feat("a", part=True, crossref="proc")
    d = both(a, feat("b", part=True, crossref="proc", page="11"))
    assert d.veto == "pages"
    assert (
        d.evidence["pages"]
        == "first pages 10 vs 11 in one container, the entry proc (both crossref it): two parts of it"
    )
    assert both(a, feat("b", part=True, crossref="proc")).same  # the same first page


def test_type_groups():
    d = both(feat("a", group="book", type="book"), feat("b", group="part", type="chapter"))
    assert (d.veto, d.evidence["type"]) == ("type", "type book vs chapter: different works")
    paper = feat("b", group="conference", type="paper-conference")
    assert both(feat("a"), paper).veto == "type"
    assert both(feat("a"), paper, "balanced").veto == "type"
    assert both(feat("a"), paper, "recall").same  # a paper and its journal version, on request


def test_dated_works_differ_by_day():
    speech = dict(group="speech", type="speech")
    d = both(feat("a", date=(2020, 5, 1), **speech), feat("b", date=(2020, 5, 2), **speech))
    assert (d.veto, d.evidence["date"]) == ("date", "date 2020-05-01 vs 2020-05-02")
    assert both(feat("a", date=(2020, 5, 1)), feat("b", date=(2020, 5, 2))).same  # articles: no
    assert both(feat("a", date=(2020, 5), **speech), feat("b", date=(2020, 5, 2), **speech)).same


# --- the two exceptions ---

RU = dict(titles=("issledovanie chetyrekh veshchei",), cyrillic_title=True, volume="3")


def test_one_work_catalogued_in_two_languages():
    # titles unlike, so: (0.22 * 1 + 0.08 + 0.1 + 0.05) / 0.45 = 1.0 without the title
    d = both(feat("a", **RU), feat("b", volume="3"))
    assert d.same and d.score == 1.0
    assert d.evidence["decision"].startswith("titles in two languages; the same authors, year and place")


@pytest.mark.parametrize(
    "change",
    [dict(page="11"), dict(volume="4"), dict(authors=(BROWN,)), dict(container=("cell",))],
    ids=["page", "volume", "authors", "container"],
)
def test_two_languages_need_every_coordinate(change):
    assert not both(feat("a", **RU), feat("b", **{"volume": "3", **change})).same


def test_two_languages_by_issue_or_by_url_and_day():
    ru = {**RU, "volume": None, "issue": "5"}
    assert both(feat("a", **ru), feat("b", issue="5")).same
    assert not both(feat("a", **ru), feat("b", issue="6")).same
    web = dict(url="example.org/a", container=(), page=None, date=(2020, 5, 1))
    ru_web = {**RU, **web, "volume": None}
    assert both(feat("a", **ru_web), feat("b", **web)).same
    assert not both(feat("a", **ru_web), feat("b", **{**web, "date": (2020, 5, 2)})).same


SHORT = dict(titles=("resolutions",), title_words=(("resolutions",),), authors=(), container=(), page=None)


def test_a_short_title_needs_another_field_to_agree():
    # title 1.0 and year 1.0 only: the year is the support
    assert both(feat("a", **SHORT), feat("b", **SHORT)).same
    alone = {**SHORT, "year": None, "date": ()}
    d = both(feat("a", **alone, publisher="un"), feat("b", **alone, publisher="who"))
    assert not d.same  # nothing but the title (and two publishers that differ)
    assert both(feat("a", **alone, publisher="un"), feat("b", **alone, publisher="un")).same


def test_a_short_title_supported_by_the_access_day():
    alone = {**SHORT, "year": None, "date": (), "accessed": (2021, 3, 4)}
    d = both(feat("a", **alone, publisher="un"), feat("b", **alone, publisher="who"))
    assert d.same and d.evidence["accessed"] == "accessed 2021-3-4 on both"


# --- the arithmetic's corners ---


def test_an_identifier_veto_scores_zero_and_an_equal_url_caps_at_one():
    d = both(feat("a", doi="10.1/x"), feat("b", doi="10.1/y"))
    assert d.score == 0.0
    d = both(feat("a", url="example.org/a"), feat("b", url="example.org/a"))
    assert d.score == 1.0 and d.same  # 1.0 + 0.05, capped


def test_nothing_to_compare_scores_zero():
    bare = dict(titles=(), title_words=(), authors=(), year=None, date=(), container=(), page=None)
    d = both(feat("a", **bare), feat("b", **bare))
    assert (d.same, d.score) == (False, 0.0)


def test_a_field_on_one_side_only_is_left_out():
    # no page on one side: no numbering part; (0.55 + 0.22 + 0.08 + 0.1) / 0.95 = 1.0
    d = compare(feat("a"), feat("b", page=None), PROFILES["strict"])
    assert d.score == 1.0 and "page" not in d.evidence
    d = compare(feat("a", year=None, date=()), feat("b"), PROFILES["strict"])
    assert d.evidence["year"] == "year 2020 on one side only"


def test_equal_title_numbers_are_no_veto():
    assert both(feat("a", numbers=frozenset({"3"})), feat("b", numbers=frozenset({"3"}))).same


def test_which_title_reading_matched_is_evidence():
    a = feat("a", titles=("rossiiskii ugol", TITLE, "third reading"), cyrillic_title=False)
    assert compare(a, feat("b"), PROFILES["strict"]).evidence["title"] == (
        "title similarity 1.00 (a title against the translation in brackets)"
    )
    b = feat("b", titles=("unrelated words here", "more unrelated words", TITLE))
    assert (
        compare(feat("a"), b, PROFILES["strict"]).evidence["title"] == "title similarity 1.00 (other title)"
    )


def test_two_languages_score_without_the_title():
    # page equal, issues 1 vs 2: numbering 0.5; (0.22 + 0.08 + 0.1 + 0.025) / 0.45 = 0.9444
    d = both(feat("a", **RU, issue="1"), feat("b", volume="3", issue="2"))
    assert d.same and d.score == 0.9444


@pytest.mark.parametrize(
    "change",
    [dict(authors=()), dict(year=None, date=()), dict(container=())],
    ids=["no-authors", "no-year", "no-container"],
)
def test_two_languages_need_each_coordinate_present(change):
    assert not both(feat("a", **RU), feat("b", **{"volume": "3", **change})).same


def test_two_languages_with_an_abbreviated_journal():
    d = both(
        feat("a", **RU, container=("j", "asian", "stud")),
        feat("b", volume="3", container=("journal", "asian", "studies")),
    )
    assert d.same  # container similarity 0.9 >= 0.85


def test_three_words_need_no_support_two_do():
    three = dict(titles=("coal and steel",), title_words=(("coal", "steel", "mining"),), authors=(), container=(),
                 page=None, year=None, date=())  # fmt: skip
    assert both(feat("a", **three), feat("b", **three)).same
    two = {**three, "title_words": (("coal", "steel"),)}
    assert not both(feat("a", **two), feat("b", **two)).same


def test_a_short_title_supported_by_half_the_authors_or_the_venue():
    alone = {**SHORT, "year": None, "date": ()}
    # one of two authors: 0.7 * 1/2 + 0.3 * 1/2 = 0.5, just enough support
    d = both(
        feat("a", **{**alone, "authors": (SMITH, LEE)}),
        feat("b", **{**alone, "authors": (SMITH, BROWN)}),
        "recall",
    )
    assert d.same
    d = both(feat("a", **{**alone, "container": ("j", "asian", "stud")}),
             feat("b", **{**alone, "container": ("journal", "asian", "studies")}))  # fmt: skip
    assert d.same  # venue 0.9 >= 0.85
    d = compare(feat("a", **SHORT), feat("b", **SHORT), PROFILES["strict"])
    assert d.same and "accessed" not in d.evidence  # the year supports; no access day to name


def test_an_identifier_on_one_side_only_decides_nothing():
    d = both(feat("a", doi="10.1/x"), feat("b"))
    assert d.same and "doi" not in d.evidence
    assert both(feat("a", pmid="1"), feat("b")).same


def test_isbn_evidence_names_what_is_shared():
    book = dict(group="book", type="book", page=None)
    one = frozenset({"9780306406157"})
    d = compare(feat("a", isbns=one, **book), feat("b", isbns=one, **book), PROFILES["strict"])
    assert d.evidence["isbn"] == "ISBN equal (9780306406157) (ISBN-10 and ISBN-13 of one book)"
    two = frozenset({"9780306406157", "9780306406164"})
    d = compare(feat("a", isbns=two, **book), feat("b", isbns=two, **book), PROFILES["strict"])
    assert d.evidence["isbn"] == "ISBN equal (9780306406157)"


def test_no_container_is_shared_without_evidence_of_one():
    a = feat("a", part=True, container_isbns=frozenset({"9780306406157"}), doi="10.1/x")
    b = feat("b", part=True, container_isbns=frozenset({"9780306406164"}), page="20")
    assert shared_container(a, b) is None
    assert "isbn" not in identifier_evidence(a, b)[1]
    assert shared_container(feat("a", part=True), feat("b", part=True, page="20")) is None
    d = both(feat("a", part=True), feat("b", part=True, page="11"))
    assert d.veto is None  # different first pages, but no container known to be shared
