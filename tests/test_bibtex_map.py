"""The BibTeX/BibLaTeX two-way table: every row read and written both ways with exact values,
and the converters beside it (multi-volume works, compilers, arXiv, lists, seasons)."""

from __future__ import annotations

from typing import Any

import pytest

from refman.model import DateValue, Name, Reference
from refman.parse.bibtex_map.table import READ_ONLY, TABLE, Row
from refman.readers.bibtex import read
from refman.readers.bibtex_entry import to_reference
from refman.writers.bibtex.fields import fields

IVANOV = [Name(family="Иванов", given="И. И."), Name(family="Smith", given="John")]
IVANOV_TEX = "Иванов, И. И. and Smith, John"

#: (CSL variable, its value, entry type, dialect, field written, LaTeX written). Checked by
#: hand against the biblatex manual §2.2 (field names) and CSL 1.0.2 (variables).
ROWS: list[tuple[str, Any, str, str, str, str]] = [
    ("author", IVANOV, "book", "biblatex", "author", IVANOV_TEX),
    ("editor", IVANOV, "collection", "biblatex", "editor", IVANOV_TEX),
    ("translator", IVANOV, "book", "bibtex", "translator", IVANOV_TEX),
    ("container-author", IVANOV, "inbook", "biblatex", "bookauthor", IVANOV_TEX),
    ("contributor", IVANOV, "book", "biblatex", "editora", IVANOV_TEX),
    ("director", IVANOV, "video", "biblatex", "director", IVANOV_TEX),
    ("title", "Philosophische Untersuchungen", "book", "biblatex", "title", "Philosophische {Untersuchungen}"),
    ("title-short", "Логико-философский трактат", "book", "biblatex", "shorttitle", "Логико-философский трактат"),
    ("container-title-short", "J. Geophys. Res.", "article", "bibtex", "shortjournal", "J. Geophys. Res."),
    ("event-title", "Logic Colloquium", "inproceedings", "biblatex", "eventtitle", "Logic {Colloquium}"),
    ("event-place", "Novosibirsk", "inproceedings", "biblatex", "venue", "Novosibirsk"),
    ("event-date", DateValue(date_parts=[[2020, 5, 1]]), "inproceedings", "biblatex", "eventdate", "2020-05-01"),
    ("collection-title", "Библиотека философа", "book", "biblatex", "series", "Библиотека философа"),
    ("volume", "3", "book", "biblatex", "volume", "3"),
    ("page", "45–67", "article", "bibtex", "pages", "45--67"),
    ("number-of-pages", "612", "book", "biblatex", "pagetotal", "612"),
    ("number-of-volumes", "5", "mvbook", "biblatex", "volumes", "5"),
    ("edition", "2", "book", "biblatex", "edition", "2"),
    ("chapter-number", "7", "inbook", "biblatex", "chapter", "7"),
    ("version", "1.2", "software", "biblatex", "version", "1.2"),
    ("publisher", "Гнозис", "book", "biblatex", "publisher", "Гнозис"),
    ("publisher-place", "М.", "book", "biblatex", "location", "М."),
    ("publisher-place", "London", "book", "bibtex", "address", "London"),
    ("issued", DateValue(date_parts=[[1994]]), "book", "biblatex", "date", "1994"),
    ("accessed", DateValue(date_parts=[[2021, 3, 4]]), "online", "biblatex", "urldate", "2021-03-04"),
    ("original-date", DateValue(date_parts=[[1953]]), "book", "biblatex", "origdate", "1953"),
    ("DOI", "10.1000/xyz_123", "article", "bibtex", "doi", "10.1000/xyz_123"),
    ("URL", "https://example.org/a_b", "online", "biblatex", "url", "https://example.org/a_b"),
    ("ISBN", "5-7333-0485-6", "book", "bibtex", "isbn", "5-7333-0485-6"),
    ("ISSN", "0042-8779", "article", "biblatex", "issn", "0042-8779"),
    ("status", "forthcoming", "article", "biblatex", "pubstate", "forthcoming"),
    ("call-number", "QA76", "book", "biblatex", "library", "QA76"),
    ("original-title", "Die Welt als Wille", "book", "biblatex", "origtitle", "Die {Welt} als {Wille}"),
    ("original-publisher", "Suhrkamp", "book", "biblatex", "origpublisher", "Suhrkamp"),
    ("original-publisher-place", "Frankfurt", "book", "biblatex", "origlocation", "Frankfurt"),
    ("keyword", "logic, sets", "book", "biblatex", "keywords", "logic, sets"),
    ("abstract", "Short & sweet.", "book", "biblatex", "abstract", r"Short \& sweet."),
    ("note", "Reprint.", "book", "bibtex", "note", "Reprint."),
    ("annote", "Read twice.", "book", "biblatex", "annotation", "Read twice."),
    ("annote", "Read twice.", "book", "bibtex", "annote", "Read twice."),
]  # fmt: skip

CSL_TYPE = {"book": "book", "collection": "book", "inbook": "chapter", "article": "article-journal",
            "video": "motion_picture", "inproceedings": "paper-conference", "mvbook": "book",
            "software": "software", "online": "webpage"}  # fmt: skip


def _ref(var: str, value: Any, etype: str) -> Reference:
    unmapped = (
        {} if etype in ("book", "article", "online", "software", "inproceedings") else {"entrytype": etype}
    )
    ref = Reference(id="k", type=CSL_TYPE[etype], unmapped=unmapped)
    ref.set(var, value)
    return ref


def test_every_row_of_the_table_is_tested_here():
    rows = {item.var for item in TABLE if isinstance(item, Row)}
    assert rows <= {case[0] for case in ROWS}


@pytest.mark.parametrize(("var", "value", "etype", "dialect", "field", "latex"), ROWS)
def test_a_row_is_written_as_its_field(var, value, etype, dialect, field, latex):
    out = [(name, text) for name, text, _ in fields(_ref(var, value, etype), dialect, etype)]
    if var == "issued":
        assert out == [(field, latex)]
    else:
        assert out == [(field, latex)] or (var in ("event-title", "event-place") and (field, latex) in out)


@pytest.mark.parametrize(("var", "value", "etype", "dialect", "field", "latex"), ROWS)
def test_a_row_is_read_back_to_its_variable(var, value, etype, dialect, field, latex):
    ref = to_reference(etype, "k", {field: latex})
    assert ref.get(var) == value
    assert not {k for k in ref.unmapped if k != "entrytype"}


def test_read_only_rows_are_written_by_a_converter():
    """Each row the writer skips has a converter that writes its variable."""
    converters = {var for item in TABLE if not isinstance(item, Row) for var in item.vars}
    assert set(READ_ONLY) <= converters


def _one(text: str) -> Reference:
    return read(text, "t.bib").library.references[-1]


def _fresh(ref: Reference, dialect: str = "biblatex", etype: str | None = None) -> list[tuple[str, str]]:
    bare = ref.model_copy(update={"origin": None})
    return [
        (name, text)
        for name, text, _ in fields(bare, dialect, etype or ref.unmapped.get("entrytype", "book"))
    ]


def test_a_volume_of_a_multi_volume_work():
    """biblatex §2.2.2 maintitle: the whole work; CSL 1.0.2 volume-title: the volume's own."""
    ref = _one(
        "@book{v, maintitle={Система наук}, mainsubtitle={Очерки}, title={Логика}, volume={2}, volumes={5}}"
    )
    assert (ref.title, ref.volume_title, ref.volume, ref.number_of_volumes) == (
        "Система наук: Очерки", "Логика", "2", "5")  # fmt: skip
    assert "maintitle" not in ref.unmapped and "mainsubtitle" not in ref.unmapped
    assert _fresh(ref)[:2] == [("title", "Логика"), ("maintitle", "Система наук: Очерки")]


def test_a_chapter_in_a_volume_of_a_multi_volume_work():
    ref = _one("@inbook{c, title={Глава}, booktitle={Логика}, maintitle={Система наук}, pages={3--14}}")
    assert (ref.title, ref.container_title, ref.volume_title) == ("Глава", "Система наук", "Логика")
    assert _fresh(ref, etype="inbook")[:3] == [("title", "Глава"), ("booktitle", "Логика"),
                                               ("maintitle", "Система наук")]  # fmt: skip


def test_a_compiler_is_an_editor_with_editortype_compiler():
    """biblatex §2.2.2 editortype; CSL 1.0.2 has the compiler role."""
    ref = _one("@book{c, editor={Козлова, М. С.}, editortype={compiler}, title={T}}")
    assert ref.editor is None and ref.compiler == [Name(family="Козлова", given="М. С.")]
    assert "editortype" not in ref.unmapped
    assert _fresh(ref)[:2] == [("editor", "Козлова, М. С."), ("editortype", "compiler")]
    genitive = _one("@book{g, editor={Козловой, М. С.}, editortype={gecompiler}, title={T}}")
    assert genitive.compiler == [Name(family="Козловой", given="М. С.")]
    assert genitive.unmapped["editortype"] == "gecompiler"  # biblatex-gost's type: written back as read
    written = _fresh(genitive)
    assert ("editortype", "gecompiler") in written and ("editortype", "compiler") not in written
    other = _one("@book{r, editor={Чанышева, А.}, editortype={geneditor}, title={T}}")
    assert other.editor == [Name(family="Чанышева", given="А.")]
    assert other.unmapped["editortype"] == "geneditor"  # a role CSL has not: the editor stays


def test_an_arxiv_eprint_is_the_number_and_its_type_stays():
    ref = _one("@online{a, title={T}, eprint={2101.00001}, eprinttype={arxiv}, date={2021}}")
    assert ref.number == "2101.00001" and ref.unmapped == {"eprinttype": "arxiv"}
    written = _fresh(ref, etype="online")
    assert ("eprint", "2101.00001") in written and not any(name == "number" for name, _ in written)
    jstor = _one("@article{j, title={T}, eprint={2289057}, eprinttype={jstor}, date={1998}}")
    assert jstor.number is None and jstor.unmapped["eprint"] == "2289057"


def test_places_and_publishers_are_lists_in_biblatex():
    """biblatex §2.2.2: location, publisher, institution, organization are lists."""
    ref = _one("@book{b, title={T}, location={München and Berlin and New York},"
               " publisher={Springer and {Wiley and Sons}}, date={2001}}")  # fmt: skip
    assert ref.publisher_place == "München; Berlin; New York"
    assert ref.publisher == "Springer; Wiley and Sons"
    assert ("publisher", "Springer; Wiley {and} Sons") in _fresh(ref)
    classic = _one("@book{c, title={T}, publisher={John Wiley and Sons}, address={New York}, year=2001}")
    assert classic.publisher == "John Wiley and Sons"  # classic BibTeX: a literal, not a list
    assert ("publisher", "John Wiley and Sons") in _fresh(classic, "bibtex")


def test_an_issue_named_by_a_season_is_the_season_of_the_date():
    ref = _one("@article{a, title={T}, journaltitle={J}, year={2020}, number={4}, issue={Winter}}")
    assert (ref.issue, ref.number, ref.issued.date_parts, ref.issued.season) == ("4", None, [[2020]], 4)
    assert ref.unmapped == {"issue": "Winter"}
    assert _fresh(ref, etype="article")[2:] == [("number", "4"), ("date", "2020"), ("issue", "Winter")]
    alone = _one("@article{c, title={T}, journal={October}, volume={27}, issue={Winter}, year={1983}}")
    assert (alone.issue, alone.issued.season, alone.unmapped) == (
        None,
        4,
        {"issue": "Winter"},
    )  # deleuze:ps-en
    named = _one("@article{b, title={T}, journaltitle={J}, year={2020}, number={4}, issue={Special}}")
    assert (named.issue, named.number) == ("Special", "4")  # as before: no season, both kept


def test_what_csl_cannot_hold_stays_under_its_biblatex_name():
    ref = _one("@book{b, title={T}, foreword={Автономова, Н. С.}, commentator={Козлова, М. С.},"
               " userc={x}, origlanguage={french}, _related={Переиздано}, date={1994},"
               " language={russian and french}, langid={russian}}")  # fmt: skip
    assert ref.unmapped == {"foreword": "Автономова, Н. С.", "commentator": "Козлова, М. С.", "userc": "x",
                            "origlanguage": "french", "_related": "Переиздано", "language": "russian and french"}  # fmt: skip
    assert ref.language == "ru" and ref.contributor is None


def test_theses_standards_and_series():
    thesis = _one("@thesis{t, author={А, Б}, title={T}, institution={МГУ}, type={candthesis}, date={2001}}")
    assert (thesis.publisher, thesis.genre) == ("МГУ", "Candidate thesis")
    standard = _one("@standard{s, title={T}, organization={Росстандарт}, number={7.0.100-2018}, date={2018}}")
    assert (standard.authority, standard.number, standard.publisher) == ("Росстандарт", "7.0.100-2018", None)
    assert ("organization", "Росстандарт") in _fresh(standard, etype="standard")
    series = _one("@book{b, title={T}, series={Библиотека}, number={14}, date={2001}}")
    assert (series.collection_title, series.collection_number, series.number) == ("Библиотека", "14", None)


def test_a_maintitle_alone_is_the_title_and_written_back_as_maintitle():
    """A volume with no title of its own (biblatex-historian's darwin:1839 is such a part)."""
    part = _one(
        "@incollection{d, title={Journal}, maintitle={Narrative}, mainsubtitle={Voyages}, date={1839}}"
    )
    assert (part.title, part.container_title, part.volume_title) == ("Journal", "Narrative: Voyages", None)
    assert ("maintitle", "Narrative: Voyages") in _fresh(part, etype="incollection")
    volume = _one("@book{v, maintitle={Narrative}, volume={3}, date={1839}}")
    assert volume.title == "Narrative" and _fresh(volume)[0] == ("maintitle", "Narrative")
