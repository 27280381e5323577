"""The BibTeX field mapping both ways, one record per rule, values worked out by hand from the
BibTeX conventions (btxdoc: journal, address, school, annote, month macros) and the biblatex
manual (§2.2: journaltitle, location, institution, annotation, langid, date in ISO 8601 and
EDTF seasons 21-24; §2.3.2 entrysubtype; type keys mathesis/phdthesis).

Writing: ``fields`` gives (field, LaTeX value, bare) triples; bare values are macros (jan…dec)
written without braces. Reading: ``to_reference`` gives the CSL reference of one entry."""

from __future__ import annotations

from refman.model import Reference
from refman.readers.bibtex_entry import to_reference
from refman.writers.bibtex.fields import entry_type, fields


def _out(item: dict, dialect: str, known_keys: set[str] | None = None) -> tuple[str, list]:
    ref = Reference.model_validate({"id": "k", **item})
    etype = entry_type(ref, dialect)
    return etype, fields(ref, dialect, etype, known_keys)


ARTICLE = {"type": "article-journal", "title": "On Coal", "title-short": "Coal in Korea",
           "container-title": "Vostok", "container-title-short": "Vost.", "volume": "5", "issue": "3",
           "page": "10-20", "issued": {"date-parts": [[2021, 6, 28]]}, "annote": "read", "language": "ru",
           "DOI": "10.1/x{y}", "author": [{"family": "Иванов", "given": "И. И."}]}  # fmt: skip


def test_an_article_in_bibtex():
    # a capitalised word after the first is braced in titles only (case protection); a DOI's
    # braces are percent-encoded (verbatim field); the month is the bare macro
    assert _out(ARTICLE, "bibtex") == ("article", [
        ("author", "Иванов, И. И.", False), ("title", "On {Coal}", False),
        ("shorttitle", "Coal in {Korea}", False), ("journal", "Vostok", False),
        ("shortjournal", "Vost.", False), ("volume", "5", False), ("number", "3", False),
        ("pages", "10-20", False), ("year", "2021", False), ("month", "jun", True), ("day", "28", False),
        ("language", "russian", False), ("doi", "10.1/x%7By%7D", False), ("annote", "read", False),
    ])  # fmt: skip


def test_an_article_in_biblatex():
    assert _out(ARTICLE, "biblatex") == ("article", [
        ("author", "Иванов, И. И.", False), ("title", "On {Coal}", False),
        ("shorttitle", "Coal in {Korea}", False), ("journaltitle", "Vostok", False),
        ("shortjournal", "Vost.", False), ("volume", "5", False), ("number", "3", False),
        ("pages", "10-20", False), ("date", "2021-06-28", False), ("langid", "russian", False),
        ("doi", "10.1/x%7By%7D", False), ("annotation", "read", False),
    ])  # fmt: skip


THESIS = {"type": "thesis", "title": "T", "genre": "Master's thesis", "publisher": "MSU",
          "publisher-place": "М.", "issued": {"date-parts": [[2020]], "season": 1}}  # fmt: skip


def test_a_masters_thesis():
    # BibTeX: @mastersthesis, the university is the school, a season is the month written out
    assert _out(THESIS, "bibtex") == ("mastersthesis", [
        ("title", "T", False), ("school", "MSU", False), ("address", "М.", False), ("year", "2020", False),
        ("month", "Spring", False),
    ])  # fmt: skip
    # biblatex: @thesis with type = mathesis, institution, location; spring is EDTF season 21
    assert _out(THESIS, "biblatex") == ("thesis", [
        ("title", "T", False), ("institution", "MSU", False), ("location", "М.", False),
        ("date", "2020-21", False), ("type", "mathesis", False),
    ])  # fmt: skip


def test_a_magazine_article_keeps_number_and_issue_and_its_subtype():
    item = {"type": "article-magazine", "title": "T", "container-title": "Ogonyok", "issue": "7", "number": "12",
            "issued": {"raw": "spring of 2020"}}  # fmt: skip
    expected = [("title", "T", False), ("number", "12", False), ("issue", "7", False),
                ("year", "spring of 2020", False), ("entrysubtype", "magazine", False)]  # fmt: skip
    assert _out(item, "bibtex") == ("article", [expected[0], ("journal", "Ogonyok", False), *expected[1:]])
    assert _out(item, "biblatex") == (
        "article",
        [expected[0], ("journaltitle", "Ogonyok", False), *expected[1:]],
    )


def test_a_report_and_the_variables_without_a_field():
    item = {"type": "report", "title": "T", "publisher": "RAND", "collection-number": "4",
            "collection-title": "Reports", "PMID": "123", "composer": [{"family": "Bach"}],
            "categories": ["a", "b"], "event-date": {"date-parts": [[2020, 5]]}}  # fmt: skip
    rest = [("title", "T", False), ("eventdate", "2020-05", False), ("series", "Reports", False),
            ("number", "4", False), ("institution", "RAND", False), ("categories", '["a", "b"]', False),
            ("composer", "Bach", False), ("pmid", "123", False)]  # fmt: skip
    assert _out(item, "bibtex") == ("techreport", rest)
    assert _out(item, "biblatex") == ("report", rest)


def test_a_web_page_with_its_dates():
    item = {"type": "webpage", "title": "T", "URL": "https://a.b/{x}", "accessed": {"date-parts": [[2022, 8, 25]]},
            "original-date": {"date-parts": [[1950]]}}  # fmt: skip
    rest = [("title", "T", False), ("urldate", "2022-08-25", False), ("origdate", "1950", False),
            ("url", "https://a.b/%7Bx%7D", False)]  # fmt: skip
    assert _out(item, "bibtex") == ("misc", rest)  # @misc with a URL reads back as a web page
    assert _out(item, "biblatex") == ("online", rest)


def test_a_crossref_is_kept_only_when_its_parent_is_written_too():
    item = {"type": "chapter", "title": "T", "container-title": "Book",
            "unmapped": {"crossref": "Parent", "booktitle": "Other", "note2": "x", "related": "a{b}"}}  # fmt: skip
    # booktitle holds another value read from the input: the container takes the next free field
    tail = [("booktitle", "Other", False), ("note2", "x", False), ("related", "a\\{b\\}", False)]
    head = [("title", "T", False), ("journal", "Book", False)]
    assert _out(item, "bibtex", {"parent"}) == ("incollection", [*head, ("crossref", "Parent", False), *tail])
    assert _out(item, "bibtex", {"other"}) == ("incollection", [*head, *tail])


# --- reading ------------------------------------------------------------------------------


def _csl(etype: str, **fields_: str) -> dict:
    item = to_reference(etype, "k", fields_).to_csl()
    item.pop("id")
    return item


def test_a_date_field_that_is_no_edtf_is_kept_raw_with_its_reading():
    ref = to_reference("misc", "k", {"date": "26 May 2022"})
    assert (ref.issued.raw, ref.issued.parts) == ("26 May 2022", [2022, 5, 26])
    unread = to_reference("misc", "k", {"date": "spring of 2020"})
    assert (unread.issued.raw, unread.issued.parts) == ("spring of 2020", [])


def test_a_year_that_is_not_a_number():
    assert to_reference("misc", "k", {"year": "May 2020"}).issued.parts == [2020, 5]
    lit = to_reference("misc", "k", {"year": "in press", "month": "may"})
    assert (lit.issued.literal, lit.unmapped) == ("in press", {"month": "may"})


def test_a_day_is_a_day_of_the_month_1_to_31():
    assert to_reference("misc", "k", {"year": "2020", "month": "jan", "day": "31"}).issued.parts == [
        2020,
        1,
        31,
    ]
    assert to_reference("misc", "k", {"year": "2020", "month": "jan", "day": "1"}).issued.parts == [
        2020,
        1,
        1,
    ]
    for day in ("32", "0"):
        ref = to_reference("misc", "k", {"year": "2020", "month": "jan", "day": day})
        assert (ref.issued.parts, ref.unmapped) == ([2020, 1], {"day": day})


def test_entrysubtype_makes_a_magazine_only_of_an_article():
    assert _csl("article", title="T", entrysubtype="magazine")["type"] == "article-magazine"
    misc = _csl("misc", title="T", entrysubtype="magazine")
    assert (misc["type"], misc["custom"]["refman"]["unmapped"]) == ("document", {"entrysubtype": "magazine"})


def test_howpublished_is_a_url_or_the_outlet():
    assert _csl("misc", howpublished="https://a.b/c")["URL"] == "https://a.b/c"
    assert _csl("misc", howpublished="\\url{a.b/c}")["URL"] == "a.b/c"
    assert _csl("misc", howpublished="Radio Liberty")["container-title"] == "Radio Liberty"


def test_a_series_number_in_a_book_and_an_issue_in_an_article():
    assert _csl("book", title="T", series="S", number="4")["collection-number"] == "4"
    assert _csl("report", title="T", series="S", number="4")["number"] == "4"  # not bookish: its own number
    assert _csl("article", title="T", number="4")["issue"] == "4"


def test_a_venue_is_the_event_place():
    assert _csl("book", title="T", venue="Kazan")["event-place"] == "Kazan"
    assert _csl("inproceedings", title="T", venue="Kazan")["event-place"] == "Kazan"


def test_booksubtitle_joins_its_booktitle_and_is_kept_without_one():
    assert (
        _csl("incollection", booktitle="Book", booksubtitle="A Study")["container-title"] == "Book: A Study"
    )
    alone = _csl("incollection", title="T", booksubtitle="A Study")
    assert alone["custom"]["refman"]["unmapped"] == {"booksubtitle": "A Study"}


def test_a_csl_name_variable_under_its_own_name():
    assert _csl("misc", title="T", composer="Bach, Johann Sebastian")["composer"] == [
        {"family": "Bach", "given": "Johann Sebastian"}
    ]


def test_an_unmapped_field_keeps_its_latex():
    ref = to_reference("misc", "k", {"title": "T", "mynote": "$x^2$ {\\em y}"})
    assert ref.latex == {"unmapped:mynote": "$x^2$ {\\em y}"}


def test_the_entry_type_written_is_the_one_read_where_the_dialect_has_it():
    from refman.readers.bibtex import read

    text = (
        "@online{a, title={T}, url={https://a.b}}\n@misc{b, title={T}, url={https://a.b}}\n"
        "@manual{c, title={T}}\n@mvbook{d, title={T}}\n@report{f, title={T}}\n@inproceedings{g, title={T}}\n"
    )
    refs = read(text, "x.bib").library.references
    # @online, @mvbook and @report are biblatex's only: BibTeX writes @misc, @book, @techreport
    assert [(r.id, entry_type(r, "bibtex"), entry_type(r, "biblatex")) for r in refs] == [
        ("a", "misc", "online"), ("b", "misc", "misc"), ("c", "manual", "manual"), ("d", "book", "mvbook"),
        ("f", "techreport", "report"), ("g", "inproceedings", "inproceedings"),
    ]  # fmt: skip
    # a record whose type changed since reading takes the type for its new CSL type
    chapter = refs[5].model_copy(update={"type": "chapter"})
    assert (entry_type(chapter, "bibtex"), entry_type(chapter, "biblatex")) == (
        "incollection",
        "incollection",
    )


def test_a_date_as_text_is_written_as_the_year_field_or_its_own():
    item = {
        "type": "book",
        "title": "T",
        "issued": {"literal": "in press"},
        "accessed": {"raw": "last spring"},
    }
    assert _out(item, "biblatex") == ("book", [
        ("title", "T", False), ("year", "in press", False), ("urldate", "last spring", False),
    ])  # fmt: skip
    assert _out({**item, "accessed": None}, "bibtex") == (
        "book",
        [("title", "T", False), ("year", "in press", False)],
    )


def test_the_container_field_follows_the_entry_type():
    ref = Reference.model_validate({"id": "k", "type": "document", "container-title": "C"})
    got = {etype: fields(ref, "biblatex", etype)[0][0]
           for etype in ("article", "periodical", "inbook", "conference", "online", "misc", "book")}  # fmt: skip
    assert got == {"article": "journaltitle", "periodical": "journaltitle", "inbook": "booktitle",
                   "conference": "booktitle", "online": "organization", "misc": "howpublished",
                   "book": "booktitle"}  # fmt: skip
    assert fields(ref, "bibtex", "article")[0][0] == "journal"


def test_an_issue_is_an_articles_number():
    ref = Reference.model_validate({"id": "k", "type": "document", "issue": "2"})
    assert fields(ref, "bibtex", "article") == [("number", "2", False)]
    assert fields(ref, "bibtex", "misc") == [("issue", "2", False)]


def test_a_publisher_moves_aside_for_a_field_read_from_the_input():
    item = {"type": "report", "publisher": "P", "unmapped": {"institution": "X"}}
    assert _out(item, "bibtex") == ("techreport", [("publisher", "P", False), ("institution", "X", False)])


def test_the_rest_under_their_own_names():
    item = {"type": "book", "reviewed-title": "R", "submitted": {"date-parts": [[2020]]},
            "unmapped": {"eprint": "1234.5678", "note2": "50%", "Bad Name": "z", "crossref": "a, b"}}  # fmt: skip
    # a verbatim field as written, other text escaped; a name that is no BibTeX field name is
    # not written as a field; a crossref naming two written entries is kept
    assert _out(item, "biblatex", {"a", "b"}) == ("book", [
        ("submitted", "2020", False), ("reviewed-title", "R", False), ("eprint", "1234.5678", False),
        ("note2", "50\\%", False), ("crossref", "a, b", False),
    ])  # fmt: skip
    assert ("crossref", "a, b", False) not in _out(item, "biblatex", {"a"})[1]


def test_categories_a_json_list_or_one_category():
    assert _csl("misc", title="T", categories="physics")["categories"] == ["physics"]
    assert _csl("misc", title="T", categories='["a", "b"]')["categories"] == ["a", "b"]
    assert _csl("misc", title="T", categories="[1, 2]")["categories"] == ["[1, 2]"]  # not a list of texts


def test_an_organization_is_a_sites_name_or_a_publisher():
    assert _csl("online", title="T", organization="BBC")["container-title"] == "BBC"
    assert _csl("book", title="T", organization="BBC")["publisher"] == "BBC"


def test_fields_under_csl_names_and_structural_fields():
    assert _csl("misc", title="T", submitted="2020-05")["submitted"] == {"date-parts": [[2020, 5]]}
    kept = _csl("misc", title="T", ids="a,b", crossref="p")["custom"]["refman"]["unmapped"]
    assert kept == {"ids": "a,b", "crossref": "p"}


def test_a_title_that_plain_text_cannot_say_keeps_its_latex():
    assert to_reference("misc", "k", {"title": "$x^2$ law"}).latex == {"title": "$x^2$ law"}
    assert to_reference("misc", "k", {"title": 'Gr{\\"o}bner'}).latex == {}  # decoded completely


def test_an_entrysubtype_that_is_a_csl_type_of_the_entry_type():
    assert _csl("misc", title="T", entrysubtype="post")["type"] == "post"
    assert _csl("book", title="T", entrysubtype="post")["type"] == "book"  # @book never writes a post
