"""The similarity measures under dedupe's decisions, at their rules' edges: a title cut short,
initials across romanisations, one-to-one author matching and its caps, journal
abbreviations and acronyms. Expected values worked out from the formulas in the comments."""

from __future__ import annotations

from dataclasses import replace

import pytest

from refman.core.dedupe.features import Author
from refman.core.dedupe.similar import (
    authors_similarity,
    container_similarity,
    initials_agree,
    title_similarity,
)

from .test_dedupe_decisions import feat


def _titles(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[float, int, int]:
    return title_similarity(replace(feat(), titles=a), replace(feat(), titles=b))


def test_equal_titles_and_which_reading_matched():
    assert _titles(("zzz qqq", "coal path of juche"), ("coal path of juche",)) == (1.0, 1, 0)
    assert _titles(("", "coal"), ("coal",)) == (1.0, 1, 0)  # an empty reading is skipped
    score, i, j = _titles(("zzz qqq", "coal path of juche"), ("xx", "coal paths of juche"))
    assert (i, j) == (1, 1) and 0.9 < score < 1.0


def test_a_title_cut_short_needs_four_words():
    # "a b c d" (three spaces) begins the longer title: at least 0.9
    assert (
        _titles(("alpha beta gamma delta",), ("alpha beta gamma delta epsilon zeta eta theta iota",))[0]
        == 0.9
    )
    # three words are not enough: only the plain ratio, well below 0.9
    assert _titles(("alpha beta gamma",), ("alpha beta gamma delta epsilon zeta eta theta iota",))[0] < 0.6
    # the shorter must end at a word boundary of the longer
    assert (
        _titles(("alpha beta gamma delt",), ("alpha beta gamma delta epsilon zeta eta theta iota",))[0] < 0.9
    )


@pytest.mark.parametrize(
    ("x", "y", "agree"),
    [
        ("j", "john", True), ("yu", "iurii", True), ("ju", "yuri", True), ("ya", "iana", True),
        ("ye", "evgenii", True), ("jo", "yolkin", True), ("zh", "zhanna", True), ("kh", "hasan", True),
        ("ts", "cvetan", True), ("ch", "cyril", True), ("sh", "sergei", True), ("", "john", True),
        ("k", "j", False), ("yu", "k", False), ("a", "b", False), ("zh", "sh", False), ("ts", "sh", False),
    ],
)  # fmt: skip
def test_initials_across_romanisations(x, y, agree):
    assert initials_agree(x, y) is agree
    assert initials_agree(y, x) is agree


SMITH, LEE, PARK = Author("smith", "j", "j"), Author("lee", "k", "k"), Author("park", "s", "s")


def test_authors_one_to_one():
    # one of one matched against two: 0.7 * 1/1 + 0.3 * 1/2 = 0.85
    assert authors_similarity((SMITH,), (SMITH, LEE)) == (0.85, 1, 2)
    # a name is used once: the second Smith finds no partner; 0.7 * 1/2 + 0.3 * 1/2 = 0.5
    assert authors_similarity((SMITH, SMITH), (SMITH, LEE)) == (0.5, 1, 2)
    assert authors_similarity((), (SMITH,)) == (0.0, 0, 0)
    assert authors_similarity((LEE, SMITH), (SMITH, LEE)) == (1.0, 2, 2)  # any order


def test_authors_caps_at_twelve_against_twenty_four():
    many = tuple(Author(f"family{n:02d}", "a", "a") for n in range(13))
    # only the first 12 of the shorter list are matched: 0.7 * 12/12 + 0.3 * 12/13
    assert authors_similarity(many, many) == (pytest.approx(0.7 + 0.3 * 12 / 13), 12, 13)
    longer = (*(Author(f"other{n:02d}", "a", "a") for n in range(24)), SMITH)
    # Smith is the 25th of the longer list: beyond its cap of 24, never reached
    assert authors_similarity((SMITH,), longer) == (0.0, 0, 25)


def test_author_families_alike():
    ivanov, ivanova = Author("ivanov", "i", "i"), Author("ivanova", "i", "i")
    assert authors_similarity((ivanov,), (ivanova,))[1] == 1  # ratio 2*6/13 = 92 >= 80
    assert (
        authors_similarity((Author("lee", "k", "k"),), (Author("lees", "k", "k"),))[1] == 0
    )  # under 4 letters
    assert authors_similarity((ivanov,), (Author("ivanova", "p", "p"),))[1] == 0  # initials differ
    who, whos = (
        Author("worldhealthorganization", "", "", True),
        Author("worldhealthorganisation", "", "", True),
    )
    assert authors_similarity((who,), (whos,))[1] == 1  # institutions: ratio >= 88, no initials


def test_containers():
    assert container_similarity(("physics",), ("physics",)) == 1.0
    assert container_similarity(("j", "asian", "stud"), ("journal", "asian", "studies")) == 0.9
    assert container_similarity(("journal", "asian", "studies"), ("j", "asian", "stud")) == 0.9
    assert container_similarity(("vldb",), ("very", "large", "data", "bases")) == 0.9
    assert container_similarity(("journal",), ("journal", "asian", "studies")) == 0.9  # 1 >= 3 // 2
    # one word cannot stand for four (1 < 4 // 2), nor words out of order
    assert container_similarity(("journal",), ("journal", "asian", "studies", "review")) < 0.6
    assert container_similarity(("asian", "j"), ("journal", "asian", "studies")) < 0.9
    assert container_similarity(("bmj",), ("cell",)) == 0.0


def test_title_readings_edges():
    assert _titles(("",), ("coal",)) == (0.0, 0, 0)  # nothing to compare
    assert _titles(("aaa",), ("zzz",)) == (0.0, 0, 0)  # no letter in common: ratio 0
    score, i, j = _titles(("zzz", "coal paths"), ("coal path",))
    assert (i, j) == (1, 0) and 0.9 < score < 1.0
    assert _titles(("coal paths", "coal paths"), ("coal path",))[1:] == (0, 0)  # a tie keeps the first


def test_more_author_and_venue_edges():
    park, parks = Author("park", "s", "s"), Author("parks", "s", "s")
    assert authors_similarity((park,), (parks,))[1] == 1  # four letters, ratio 2*4/9 = 89 >= 80
    who, unesco = Author("worldhealthorganization", "", "", True), Author("unesco", "", "", True)
    assert authors_similarity((who,), (unesco,))[1] == 0
    assert container_similarity(("ml",), ("machine", "learning")) == 0.9  # an acronym of two words
