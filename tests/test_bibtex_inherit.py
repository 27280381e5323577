"""Crossref and xdata inheritance by biblatex's default rules (biblatex.def, manual appendix B
"Default Crossref Setup"); each expected record is written out by hand from the rule cited."""

from __future__ import annotations

from refman.model import Name
from refman.parse.bibtex_map.inherit import inherit, resolve
from refman.readers.bibtex import read

SET = """
@mvbook{works, author={Витгенштейн, Людвиг}, title={Философские работы}, subtitle={Собрание},
  shorttitle={ФР}, volumes={2}, location={М.}, publisher={Гнозис}, date={1994/1995},
  ids={wittgenstein_fr}}
@book{works1, crossref={works}, title={Часть первая}, volume={1}, year={1994}}
@inbook{pi, crossref={works1}, title={Философские исследования}, pages={75--319}}
@bookinbook{tractatus, crossref={works1}, author={Wittgenstein, Ludwig}, title={Tractatus}}
"""


def _refs(text: str) -> dict:
    return {ref.id: ref for ref in read(text, "t.bib").library.references}


def test_mvbook_title_becomes_a_volumes_maintitle():
    """\\DeclareDataInheritance{mvbook}{book,…}: title → maintitle, subtitle → mainsubtitle,
    shorttitle not inherited; other fields by their own name; the child's own fields win."""
    fields = {"title": "Часть первая", "volume": "1"}
    inherit(fields, "book", {"title": "ФР", "subtitle": "С", "shorttitle": "x", "volumes": "2", "volume": "9"},
            "mvbook")  # fmt: skip
    assert fields == {"title": "Часть первая", "volume": "1", "maintitle": "ФР", "mainsubtitle": "С",
                      "volumes": "2"}  # fmt: skip


def test_book_title_becomes_an_inbooks_booktitle_and_its_author_both_roles():
    """\\DeclareDataInheritance{book}{inbook,…}: title → booktitle; {mvbook,book}{inbook,
    bookinbook,suppbook}: author → author and author → bookauthor."""
    fields = {"title": "Глава"}
    inherit(fields, "inbook", {"title": "Книга", "author": "A", "shorttitle": "К"}, "book")
    assert fields == {"title": "Глава", "booktitle": "Книга", "author": "A", "bookauthor": "A"}


def test_periodical_title_becomes_an_articles_journaltitle():
    fields = {"title": "Статья"}
    inherit(fields, "article", {"title": "Вопросы философии", "issn": "0042-8744"}, "periodical")
    assert fields == {"title": "Статья", "journaltitle": "Вопросы философии", "issn": "0042-8744"}


def test_fields_never_inherited():
    """\\DeclareDataInheritance{*}{*}: ids, crossref, entrysubtype… are not inherited."""
    fields: dict[str, str] = {}
    inherit(fields, "book", {"ids": "a", "crossref": "b", "entrysubtype": "x", "related": "r",
                             "sortkey": "s", "isbn": "1"}, "book")  # fmt: skip
    assert fields == {"isbn": "1"}


def test_the_childs_own_year_wins_over_the_parents_date_range():
    fields = {"title": "Том", "year": "1994"}
    inherit(fields, "book", {"date": "1994/1995", "title": "Все"}, "mvbook")
    assert fields == {"title": "Том", "year": "1994", "maintitle": "Все"}


def test_an_undeclared_part_of_a_book_still_takes_its_booktitle():
    """@book → @incollection is undeclared in biblatex; BibTeX's crossref convention gives it."""
    fields = {"title": "Глава"}
    inherit(fields, "incollection", {"title": "Сборник", "editor": "E"}, "book")
    assert fields == {"title": "Глава", "booktitle": "Сборник", "editor": "E"}


def test_crossrefs_cascade_and_a_cycle_stops():
    entries = {"a": ("inbook", {"crossref": "b", "title": "A"}),
               "b": ("book", {"crossref": "c", "title": "B"}),
               "c": ("mvbook", {"crossref": "a", "title": "C"})}  # fmt: skip
    missing: list[str] = []
    fields = resolve("inbook", entries["a"][1], entries, {}, missing)
    assert fields == {"crossref": "b", "title": "A", "booktitle": "B", "maintitle": "C"}
    assert missing == []


def test_xdata_merges_in_order_with_nested_xdata_and_own_fields_winning():
    xdata = {"x1": {"publisher": "P1", "xdata": "x2"}, "x2": {"location": "L2", "publisher": "P2"}}
    missing: list[str] = []
    fields = resolve("book", {"title": "T", "xdata": "x1, x3", "location": "Own"}, {}, xdata, missing)
    assert fields == {"title": "T", "xdata": "x1, x3", "location": "Own", "publisher": "P1"}
    assert missing == ["xdata 'x3'"]


def test_a_multi_volume_set_read_as_csl_records():
    refs = _refs(SET)
    volume = refs["works1"]  # title → maintitle (mvbook → book); the volume's own title and year
    assert (volume.title, volume.volume_title, volume.volume) == (
        "Философские работы: Собрание", "Часть первая", "1")  # fmt: skip
    assert volume.issued.date_parts == [[1994]] and volume.number_of_volumes == "2"
    assert (volume.publisher, volume.publisher_place, volume.title_short) == ("Гнозис", "М.", None)
    assert volume.author == [Name(family="Витгенштейн", given="Людвиг")]
    assert "ids" not in volume.unmapped
    chapter = refs["pi"]  # cascade: booktitle from the volume, maintitle from the set
    assert (chapter.title, chapter.container_title, chapter.volume_title) == (
        "Философские исследования", "Философские работы: Собрание", "Часть первая")  # fmt: skip
    assert chapter.author == chapter.container_author == [Name(family="Витгенштейн", given="Людвиг")]
    assert chapter.issued.date_parts == [[1994]] and chapter.page == "75–319"
    inner = refs["tractatus"]  # @bookinbook: its own author stays author; the book's is bookauthor
    assert inner.author == [Name(family="Wittgenstein", given="Ludwig")]
    assert inner.container_author == [Name(family="Витгенштейн", given="Людвиг")]
