"""Abbreviated journal titles for the training records (training/abbrev.py), checked by
hand against the ISO 4 abbreviations the journals use and GOST R 7.0.12-2011's word cuts."""

from __future__ import annotations

from refman.model import Reference
from training.abbrev import abbreviation, with_short_titles


def test_titles_are_abbreviated_word_by_word_without_articles_prepositions_or_commas() -> None:
    assert abbreviation("Journal of the American Chemical Society") == "J. Am. Chem. Soc."
    assert abbreviation("The Review of Economics and Statistics") == "Rev. Econ. Stat."
    assert abbreviation("Journal of Research, Science and Policy") == "J. Res. Sci. Policy"
    assert abbreviation("Printing History (New Series)") == "Printing Hist. (New Ser.)"


def test_russian_titles_take_gost_word_cuts_and_keep_their_periods() -> None:
    assert abbreviation("Вестник Московского университета. Серия 1") == "Вестн. Моск. ун-та. Сер. 1"


def test_a_title_of_one_word_or_with_no_word_to_cut_is_not_abbreviated() -> None:
    assert abbreviation("TUGboat") is None
    assert abbreviation("Pacific Horizons") is None
    assert abbreviation("Cell Cancer") is None  # listed words whose short form is the word


def test_only_articles_and_papers_get_a_short_title_and_only_about_half_of_them() -> None:
    journals = [
        Reference(
            id=f"a{i}", type="article-journal", title=f"T{i}", container_title="Journal of Applied Physics"
        )
        for i in range(200)
    ]
    chapter = Reference(id="c", type="chapter", title="T", container_title="Journal of Applied Physics")
    out = with_short_titles([*journals, chapter], "salt")
    short = [r for r in out if r.container_title_short]
    assert 70 < len(short) < 130
    assert {r.container_title_short for r in short} == {"J. Appl. Phys."}
    assert {r.container_title for r in out} == {"Journal of Applied Physics"}
    assert out[-1].container_title_short is None
    assert with_short_titles([*journals, chapter], "salt") == out  # deterministic
