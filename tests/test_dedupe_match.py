"""Dedupe matching: every kind of duplicate is found and every kind of near-duplicate kept
apart, each checked both ways (a, b) and (b, a), with the evidence that explains it."""

from __future__ import annotations

import pytest

from refman.core.dedupe.engine import explain, find_clusters
from refman.core.dedupe.norm import clean_text, isbns, normalize_doi, normalize_url, title_numbers
from refman.core.dedupe.translit import skeleton
from refman.model import DateValue, Name, Reference


def ref(id_: str, title: str, *authors: str, year: int | None = 2020, **fields) -> Reference:
    names = []
    for author in authors:
        family, _, given = author.partition(",")
        names.append(Name(family=family.strip(), given=given.strip() or None))
    issued = fields.pop("issued", None) or (DateValue(date_parts=[[year]]) if year else None)
    return Reference(id=id_, type=fields.pop("type", "article-journal"), title=title,
                     author=names or None, issued=issued, **fields)  # fmt: skip


def same(a: Reference, b: Reference, profile: str = "strict") -> bool:
    one, two = explain(a, b, profile), explain(b, a, profile)
    assert one.same == two.same, (one.evidence, two.evidence)
    return one.same


@pytest.mark.parametrize(
    "spelling",
    ["Vishnevetskii", "Vishnevetsky", "Vishnevetskiy", "Vishneveckij", "Višneveckij", "Vishneveczkij"],
)
def test_every_romanisation_meets_the_cyrillic_original(spelling):
    assert skeleton(spelling) == skeleton("Вишневецкий")


def test_other_letters_across_systems():
    for variants in (("Щербаков", "Shcherbakov", "Ščerbakov", "Shherbakov"),
                     ("Юрий", "Yuriy", "Iurii", "Jurij", "Yuri"), ("Хасан", "Khasan", "Hasan"),
                     ("Жуков", "Zhukov", "Žukov"), ("Цветков", "Tsvetkov", "Cvetkov", "Czvetkov"),
                     ("История", "Istoriia", "Istoriya", "Istorija")):  # fmt: skip
        assert len({skeleton(v) for v in variants}) == 1, variants


def test_identifier_normalisation():
    assert normalize_doi("https://doi.org/10.1000/ABC.") == normalize_doi("doi:10.1000/abc") == "10.1000/abc"
    assert isbns("0-306-40615-2") == isbns("978-0-306-40615-7")
    assert normalize_url("https://www.Example.org/a/?utm_source=x#top") == normalize_url(
        "http://example.org/a"
    )
    assert clean_text(r"{T}he \textit{Caf\'{e}} &amp; <i>bar</i>") == "The Cafe & bar"


def test_numbers_however_written():
    assert title_numbers("Part II")[1] == title_numbers("Second part")[1] == title_numbers("Часть 2")[1]
    assert title_numbers("10th Review Conference")[0] == title_numbers("Tenth Review Conference")[0]


BASE = ref(
    "a", "Russian coal will follow the path of Juche", "Zainullin, Eduard", container_title="Kommersant"
)


@pytest.mark.parametrize(
    ("other", "evidence"),
    [
        (ref("b", "RUSSIAN COAL WILL FOLLOW THE PATH OF JUCHE!", "Zainullin, E.", container_title="Kommersant"),
         "title similarity 1.00"),
        (ref("b", "{Russian} coal will follow the path of <i>Juche</i>", "Зайнуллин, Эдуард"), "after transliteration"),
        (ref("b", "Russian coal wil follow the path of Juhce", "Zainullin, E."), "title similarity 0.9"),
        (ref("b", "Уголь пойдёт путём чучхе [Russian coal will follow the path of Juche]", "Зайнуллин, Э."),
         "translation in brackets"),
        (ref("b", "Anything at all", DOI="https://doi.org/10.1234/XYZ"), "DOI equal"),
    ],
)  # fmt: skip
def test_duplicates_are_found_both_ways(other, evidence):
    base = BASE.model_copy(update={"DOI": "10.1234/xyz"}) if other.DOI else BASE
    assert same(base, other)
    assert any(evidence in text for text in explain(base, other).evidence.values())


def test_isbn10_and_isbn13_of_one_book():
    a = ref("a", "Russian history", "Orlov, A.", type="book", ISBN="0-306-40615-2")
    b = ref("b", "Russian history: a survey", "Orlov, A.", type="book", ISBN="9780306406157")
    assert same(a, b)
    assert "ISBN equal" in explain(a, b).evidence["isbn"]


def test_abbreviated_journal_and_initials():
    a = ref("a", "Sanctions and trade in North East Asia", "Smith, John", "Lee, Anna",
            container_title="Journal of Asian Studies", volume="12", page="1-20")  # fmt: skip
    b = ref("b", "Sanctions and trade in North-East Asia", "Smith, J.", "Lee, A.",
            container_title="J. Asian Stud.", volume="12", page="1–20")  # fmt: skip
    assert same(a, b)
    evidence = explain(a, b).evidence
    assert evidence["authors"] == "authors 2 of 2 match"
    assert evidence["container"] == "container similarity 0.90"


@pytest.mark.parametrize(
    ("a", "b", "field"),
    [
        (ref("a", "Trade in Asia", "Orlov, A."), ref("b", "Trade in Asia", "Orlov, A.", year=2021), "year"),
        (ref("a", "Russian history", "Orlov, A.", type="book", volume="1"),
         ref("b", "Russian history", "Orlov, A.", type="book", volume="2"), "volume"),
        (ref("a", "Russian history", "Orlov, A.", type="book", edition="2"),
         ref("b", "Russian history", "Orlov, A.", type="book", edition="3"), "edition"),
        (ref("a", "Russian history. Part 1", "Orlov, A."), ref("b", "Russian history. Part 2", "Orlov, A."), "numbers"),
        (ref("a", "Russian history", "Orlov, A."), ref("b", "Russian history. Part II", "Orlov, A."), "numbers"),
        (ref("a", "Russian history", "Orlov, A.", type="chapter", chapter_number="3", container_title="Asia"),
         ref("b", "Russian history", "Orlov, A.", type="chapter", chapter_number="4", container_title="Asia"),
         "chapter"),
        (ref("a", "Sanctions and trade in North East Asia", "Orlov, A.", type="paper-conference"),
         ref("b", "Sanctions and trade in North East Asia", "Orlov, A.", type="article-journal"), "type"),
        (ref("a", "Russian history", "Orlov, A.", type="book"),
         ref("b", "Russian history", "Orlov, A.", type="chapter"), "type"),
        (ref("a", "Statement by the Deputy Head", "Vishnevetskii, I.", type="speech",
             issued=DateValue(date_parts=[[2022, 8, 2]])),
         ref("b", "Statement by the Deputy Head", "Vishnevetskii, I.", type="speech",
             issued=DateValue(date_parts=[[2022, 8, 8]])), "date"),
        (ref("a", "On measures to implement UN Security Council Resolution 1874", type="legislation"),
         ref("b", "On measures to implement UN Security Council Resolution 2321", type="legislation"), "numbers"),
        (ref("a", "Any title here", DOI="10.1000/a"), ref("b", "Any title here", DOI="10.1000/b"), "doi"),
        (ref("a", "Russian history", type="book", ISBN="9780306406157"),
         ref("b", "Russian history", type="book", ISBN="9781861972712"), "isbn"),
    ],
)  # fmt: skip
def test_near_duplicates_stay_apart_both_ways(a, b, field):
    # recall tolerates a year's difference and merges a conference paper with its journal version
    versions = field == "year" or (field == "type" and a.type == "paper-conference")
    for profile in ("strict", "balanced") if versions else ("strict", "balanced", "recall"):
        assert not same(a, b, profile), profile
    assert explain(a, b).veto == field


def test_recall_merges_a_conference_paper_with_its_journal_version():
    a = ref("a", "Sanctions and trade in North East Asia", "Orlov, A.", type="paper-conference")
    b = ref("b", "Sanctions and trade in North East Asia", "Orlov, A.", type="article-journal")
    assert not same(a, b, "balanced")
    assert same(a, b, "recall")


def test_a_short_title_alone_is_not_enough():
    a, b = ref("a", "Introduction", "Orlov, A.", year=None), ref("b", "Introduction", "Petrov, B.", year=None)
    assert not same(a, b, "recall")


def test_different_authors_with_one_title_stay_apart():
    a = ref("a", "Sanctions and trade in North East Asia", "Orlov, A.", "Petrov, B.")
    b = ref("b", "Sanctions and trade in North East Asia", "Kim, C.", "Park, D.")
    assert not same(a, b)


def test_no_chaining_through_a_record_without_a_part_number():
    parts = [
        ref("p1", "Russian history. Part 1", "Orlov, A."),
        ref("p0", "Russian history: part", "Orlov, A."),
        ref("p2", "Russian history. Part 2", "Orlov, A."),
    ]
    for cluster in find_clusters(parts, "recall"):
        assert {"p1", "p2"} - set(cluster.ids), cluster.ids


def test_distinct_decisions_keep_a_pair_apart():
    a, b = BASE, BASE.model_copy(update={"id": "b"})
    assert [c.ids for c in find_clusters([a, b])] == [["a", "b"]]
    assert find_clusters([a, b], distinct=[(0, 1)]) == []


def test_cluster_shape():
    (cluster,) = find_clusters([BASE, BASE.model_copy(update={"id": "b"})])
    data = cluster.to_dict()
    assert data["ids"] == ["a", "b"] and data["score"] == 1.0 and data["threshold"] == 0.9
    assert data["evidence"]["decision"].startswith("score 1.00 ≥ threshold 0.90")
