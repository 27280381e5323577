"""Dedupe never joins different works that share a container: an ISBN or DOI a part carries
is its book's, papers that crossref one proceedings are neither one another nor the
proceedings; and the other false merges found on Beebe's bibliographies stay apart."""

from __future__ import annotations

import pytest

from refman import api
from refman.core.dedupe.engine import PROFILES, explain, find_clusters, library_features
from refman.core.dedupe.norm import title_numbers
from refman.core.dedupe.score import compare

from .conftest import DATA
from .test_dedupe_match import ref, same

DEDUPE = DATA / "dedupe"


def _refs(*names: str):
    return api.load([str(DEDUPE / name) for name in names]).library.references


def _decision(refs, a: str, b: str, profile: str = "strict"):
    """The decision on two records of a library, knowing the library (crossref parents)."""
    feats = library_features(refs)
    ids = [str(r.id) for r in refs]
    return compare(feats[ids.index(a)], feats[ids.index(b)], PROFILES[profile])


@pytest.mark.parametrize("profile", ["strict", "balanced", "recall"])
def test_two_papers_with_their_proceedings_isbn_are_two_works(profile):
    refs = _refs("ep92-papers.bib")
    assert find_clusters(refs, profile) == []
    decision = _decision(refs, "Mittelbach:1992:PQH", "Murata:1992:FHS", profile)
    assert decision.evidence["isbn"] == (
        "ISBN equal (9780521432771): one container, which alone does not make one work"
    )
    assert decision.evidence["decision"] == (
        "kept apart: first pages 261 vs 77 in one container, the book with ISBN 9780521432771: two parts of it"
    )


@pytest.mark.parametrize("profile", ["strict", "balanced", "recall"])
def test_crossref_children_are_neither_one_another_nor_their_parent(profile):
    refs = _refs("crossref-children.bib")
    assert len(refs) == 6
    assert find_clusters(refs, profile) == []
    children = _decision(refs, "Athale:2004:ULT", "Beesley:2004:TDA", profile)
    assert children.evidence["doi"] == "DOI equal (10.1007/b99374): the container's, not a part's own"
    assert children.veto == "pages"
    assert children.evidence["decision"] == (
        "kept apart: first pages 55 vs 68 in one container, the entry syropoulos:2004:txd "
        "(both crossref it): two parts of it"
    )
    parent = _decision(refs, "Athale:2004:ULT", "Syropoulos:2004:TXD", profile)
    assert parent.veto == "crossref"
    assert (
        parent.evidence["crossref"] == "Athale:2004:ULT crossrefs Syropoulos:2004:TXD: a part and its whole"
    )
    # one author, half a title in common, one proceedings: the pages tell the two talks apart
    lavaud = _decision(refs, "Lavaud:1992:SHE", "Lavaud:1992:WEF", profile)
    assert lavaud.veto == "pages" and lavaud.evidence["authors"] == "authors 1 of 1 match"


def test_one_book_with_isbn10_and_isbn13_and_one_chapter_in_two_files_are_merged():
    refs = _refs("books-a.bib", "books-b.json")
    clusters = find_clusters(refs)
    assert [c.ids for c in clusters] == [
        ["Gurari:1994:TLD", "gurari1994tex"],
        ["Berry:2006:TF", "berry2006text"],
    ]
    book, chapter = clusters
    assert book.evidence["decision"] == "ISBN equal: the same book"
    # the chapter is matched on its title, author and pages; the ISBN only names its book
    assert chapter.evidence["isbn"] == (
        "ISBN equal (9780080442990): one container, which alone does not make one work"
    )
    assert chapter.evidence["page"] == "page 607 equal"
    assert chapter.evidence["decision"] == "score 1.00 ≥ threshold 0.90 (strict)"


BOOK = ref("book", "Computer Science in Perspective", type="book", year=2003,
           DOI="10.1007/3-540-36477-3", ISBN="3-540-00579-X")  # fmt: skip
PAGINATION = ref("pag", "On the pagination of complex documents", "Brüggemann-Klein, Anne", "Klein, Rolf",
                 type="chapter", year=2003, container_title="Computer Science in Perspective",
                 DOI="10.1007/3-540-36477-3", page="49-68")  # fmt: skip


def test_a_chapter_carrying_its_books_doi_is_not_the_book():
    refs = [BOOK, PAGINATION]
    assert find_clusters(refs) == []
    decision = _decision(refs, "book", "pag")
    assert decision.evidence["doi"] == "DOI equal (10.1007/3-540-36477-3): the container's, not a part's own"
    assert decision.evidence["decision"] == "kept apart: type book vs chapter: different works"


def test_one_doi_on_two_chapters_at_different_pages_decides_nothing():
    other = PAGINATION.model_copy(
        update={
            "id": "ott",
            "title": "Ottmann's algorithms",
            "page": "3-17",
            "author": [PAGINATION.author[1]],
        }
    )
    decision = explain(PAGINATION, other)
    assert not decision.same
    assert decision.evidence["doi"] == (
        "DOI equal (10.1007/3-540-36477-3), but first pages 49 vs 3: the DOI alone does not decide"
    )
    # the same chapter twice (same pages) is one work: the DOI decides
    again = PAGINATION.model_copy(update={"id": "again", "title": "Pagination of complex documents"})
    assert explain(PAGINATION, again).evidence["decision"] == "DOI equal: the same work"


def test_one_isbn_on_two_books_with_unlike_titles_and_authors_decides_nothing():
    # Beebe's texbook3.bib gives Lesetypographie the ISBN of Scientific WorkPlace 2.5
    workplace = ref(
        "swp", "Scientific WorkPlace 2.5", "Anonymous", type="book", year=1997, ISBN="3-87439-375-5"
    )
    lesetypo = ref("lese", "Lesetypographie", "Wilberg, Hans Peter", "Forssman, Friedrich",
                   type="book", year=1997, ISBN="978-3-87439-375-1")  # fmt: skip
    assert not same(workplace, lesetypo)
    assert (
        explain(workplace, lesetypo)
        .evidence["isbn"]
        .endswith(", but title similarity 0.44 and no author in common: the ISBN alone does not decide")
    )


def test_part_letters_and_german_part_words_number_parts():
    assert title_numbers("LaTeX Lernen leicht gemacht: Teil A: Arbeitsheft")[1] == {"a"}
    assert title_numbers("LaTeX Band 2: Ergänzungen")[1] == {"2"}
    assert title_numbers("Vitamin A in a book a day")[1] == set()
    a = ref("a", "LaTeX Lernen leicht gemacht: Teil A: Arbeitsheft", "Weyerich, Astrid", type="book",
            ISBN="3-7983-1546-9")  # fmt: skip
    b = a.model_copy(update={"id": "b", "title": "LaTeX Lernen leicht gemacht: Teil B: Manual"})
    assert not same(a, b)
    assert explain(a, b).evidence["numbers"] == "parts differ: a vs b"


def test_titles_alone_must_agree_closely():
    card = ref("card", "Clinician's Illustrated Dictionary of Cardiology", type="periodical", year=None)
    rheu = ref("rheu", "Clinician's Illustrated Dictionary of Rheumatology", type="periodical", year=None)
    assert not same(card, rheu)
    assert explain(card, rheu).evidence["decision"] == (
        "score 0.90 ≥ threshold 0.90 (strict); but with nothing else to compare the titles must agree to 0.95"
    )
    typo = card.model_copy(update={"id": "typo", "title": "Clinicians Illustrated Dictionary of Cardiolgy"})
    assert same(card, typo)


def test_a_report_and_its_journal_version_are_merged_only_with_recall():
    report = ref(
        "stan", "The Letter S", "Knuth, Donald E.", type="report", year=1980, number="STAN-CS-80-795"
    )
    article = ref(
        "mi", "The Letter S", "Knuth, Donald E.", year=1980, container_title="Mathematical Intelligencer"
    )
    assert not same(report, article)
    assert explain(report, article).evidence["type"] == (
        "type report vs article-journal: two publications of one text (merged only with profile recall)"
    )
    assert same(report, article, "recall")
