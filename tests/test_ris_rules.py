"""RIS reading rules one decision at a time, each checked by hand against the RIS specification
(2001 tag list, 2011 type tables) and refman's table: format detection, date values and their
bounds, which date tag gives the date, SN by type, locations, refman's N1 block (the writer's
lines: test_ris_write_rules.py)."""

from __future__ import annotations

import pytest

from refman import formats
from refman.errors import FormatError
from refman.model import Library, Reference
from refman.readers.ris import read, sniff
from refman.writers.ris import write

_FROM = "name it with --from (csl-json, bibtex, biblatex, ris, csl-yaml, page, reflist)"


def _one(text: str) -> Reference:
    result = read(text, "t.ris")
    assert len(result.library.references) == 1, result.diagnostics
    return result.library.references[0]


# ---- format detection ------------------------------------------------------------------
# detect() takes a reader when its score is at least 0.3 (0.15 more for a matching extension),
# settles on a decisive extension at 0.8, and names the closest scores when nothing qualifies.


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("TY  - JOUR\nTI  - T\nER  - \n", 0.95),  # a TY and more tags: RIS
        ("\n  \n\nTY  - JOUR\nTI  - T\nER  - \n", 0.95),  # blank lines before the first record
        ("TY  - JOUR\nTI  - A title\nover two lines\nAU  - Smith, J.\nER  - \n", 0.95),
        ("TY  - JOUR\nER  - \n", 0.95),  # a record with no fields
        ("TY  - JOUR\n", 0.7),  # a TY alone: RIS, not sure enough for the extension to settle it
        ("TY  - JOUR\nSome prose\nmore prose\n", 0.7),
        ("AU  - Smith, J.\nTI  - T\nPY  - 2019\n", 0.2),  # three tags but no TY first
        ("AU  - Smith, J.\nTY  - JOUR\nPY  - 2019\nER  - \n", 0.2),  # TY not first
        ("AU  - Smith, J.\nTI  - T\n", 0.0),  # two tag lines without a TY
        ("Exported from a catalogue\nTY  - JOUR\nTI  - T\nER  - \n", 0.0),  # RIS starts with a tag
        ("ty  - JOUR\nti  - T\ner  - \n", 0.0),  # tags are upper case
        ("", 0.0),
    ],
)
def test_sniff_scores(text, score):
    assert sniff(text) == score


def test_sniff_counts_tags_past_a_long_first_value():
    abstract = "\n".join(f"line {i}" for i in range(150))
    text = f"TY  - JOUR\nAB  - {abstract}\nTI  - T\nER  - \n"
    assert sniff(text) == 0.95


@pytest.mark.parametrize("suffix", ["", ".ris", ".txt"])
def test_a_record_is_detected_as_ris_with_any_extension(suffix):
    assert formats.detect("TY  - JOUR\nTI  - T\nER  - \n", "in" + suffix, suffix).name == "ris"
    assert formats.detect("TY  - JOUR\n", "in" + suffix, suffix).name == "ris"


def test_tags_without_a_leading_ty_are_ris_only_in_a_ris_file():
    text = "AU  - Smith, J.\nTI  - T\nPY  - 2019\nER  - \n"
    assert formats.detect(text, "in.ris", ".ris").name == "ris"
    with pytest.raises(FormatError) as info:
        formats.detect(text, "in", "")
    assert info.value.message == f"in: cannot tell the format; closest: ris 0.20, reflist 0.05; {_FROM}"


def test_two_tags_without_a_ty_are_not_ris_even_in_a_ris_file():
    with pytest.raises(FormatError) as info:
        formats.detect("AU  - Smith, J.\nTI  - T\n", "in.ris", ".ris")
    assert info.value.message == f"in.ris: cannot tell the format; closest: ris 0.15; {_FROM}"
    with pytest.raises(FormatError) as info:
        formats.detect("Exported from a catalogue\nTY  - JOUR\nER  - \n", "in", "")
    assert info.value.message == f"in: cannot tell the format; {_FROM}"


# ---- dates: "YYYY/MM/DD/other info" (PY, Y1, DA), ISO dates, a month alone ----------------


@pytest.mark.parametrize(
    ("value", "parts"),
    [
        ("2004/01/01/", [2004, 1, 1]),  # the first month and day are dates
        ("2004/12/31/", [2004, 12, 31]),  # and the last
        ("2004/05/01", [2004, 5, 1]),  # without the final slash
        ("2020/5/7/", [2020, 5, 7]),  # one-digit month and day
        ("2004/13/01/", [2004]),  # no month 13: the year alone, and no day without a month
        ("2004/00/15/", [2004]),  # month 0 is no month
        ("2004//15/", [2004]),  # a day without a month says nothing
        ("2004/05/32/", [2004, 5]),  # no day 32
        ("2004/05/00/", [2004, 5]),  # day 0 is no day
        ("2004/05", [2004, 5]),
        ("2020-05-12", [2020, 5, 12]),  # ISO, as Mendeley writes DA
        ("2020-12-31", [2020, 12, 31]),
        ("2020-13", [2020]),
        ("123", [123]),  # a year of three digits
    ],
)
def test_a_date_value_is_read_within_the_calendar_bounds(value, parts):
    assert _one(f"TY  - JOUR\nDA  - {value}\nER  - \n").issued.date_parts == [parts]


@pytest.mark.parametrize("value", ["/05/01/", "12345", "0000", "July", "Sept.", "n.d."])
def test_a_date_value_without_a_year_is_kept_as_text(value):
    issued = _one(f"TY  - JOUR\nPY  - {value}\nER  - \n").issued
    assert issued.raw == value and issued.date_parts is None


def test_a_season_is_the_other_info_of_a_date_and_other_text_is_not():
    spring = _one("TY  - JOUR\nPY  - 1998///Spring\nER  - \n").issued
    assert spring.date_parts == [[1998]] and spring.season == "Spring"
    noted = _one("TY  - JOUR\nPY  - 1998///Conference issue\nER  - \n").issued
    assert noted.date_parts == [[1998]] and noted.season is None


def test_a_month_alone_takes_the_year_of_py_before_or_after_it():
    assert _one("TY  - JOUR\nDA  - Sept.\nPY  - 2001\nER  - \n").issued.date_parts == [[2001, 9]]
    assert _one("TY  - JOUR\nPY  - 2001\nDA  - jan\nER  - \n").issued.date_parts == [[2001, 1]]


# ---- the reader: where each record and problem is, what a note states ----------------------


def test_records_and_problems_are_located_by_line_and_number():
    text = "Provider: Some Catalogue\n\nTY  - BOOK\nTI  - One\nTY  - BOOK\nTI  - Two\nER  - \nER  - \nTI  - Three\n"
    result = read(text, "t.ris")
    assert [(d.location.path, d.location.line, d.message) for d in result.diagnostics] == [
        ("t.ris", 1, "text outside a RIS record ignored"),
        ("t.ris", 3, "record has no ER line; ended at next TY"),
        ("t.ris", 8, "ER without a record; ignored"),
        ("t.ris", 9, "TI line before TY; record read as GEN"),
        ("t.ris", 9, "last record has no ER line; read anyway"),
    ]
    spans = [
        (r.origin.number, r.origin.line, r.origin.end_line, r.origin.note_fields)
        for r in result.library.references
    ]
    assert spans == [(1, 3, 4, None), (2, 5, 6, None), (3, 9, 9, None)]


def test_a_note_line_that_restates_a_tag_is_known_as_the_notes():
    # Zotero's Extra convention: "DOI: …" in a note states the DOI; the DO line says the same
    text = "TY  - JOUR\nTI  - T\nDO  - 10.1000/xyz\nN1  - Seen in the library.\nDOI: 10.1000/xyz\nER  - \n"
    ref = _one(text)
    assert ref.DOI == "10.1000/xyz" and ref.note == "Seen in the library.\nDOI: 10.1000/xyz"
    assert ref.origin.note_fields == {"DOI": "10.1000/xyz"}
    assert write(Library(references=[ref])) == text + "\n"
    other = _one(text.replace("DOI: 10.1000/xyz", "DOI: 10.1000/other"))
    assert other.DOI == "10.1000/xyz" and other.origin.note_fields is None
    title = _one("TY  - JOUR\nTI  - T\nN1  - title: T\nER  - \n")  # refman's block: the tag's, not the note's
    assert title.title == "T" and title.note is None and title.origin.note_fields is None


@pytest.mark.parametrize(
    ("dates", "parts", "raw", "ris"),
    [
        # a text first, a date after it: the date is the publication date, both texts kept
        (["PY  - n.d.", "DA  - 2019/05/01/"], [[2019, 5, 1]], None, {"dates": {"PY": "n.d.", "DA": "2019/05/01/"}}),
        # a date first: a later text adds nothing and is kept aside
        (["PY  - 2019", "DA  - n.d."], [[2019]], None, {"extra": [["DA", "n.d."]]}),
        (["PY  - n.d.", "Y1  - unknown"], None, "n.d.", {"extra": [["Y1", "unknown"]]}),
        # as specific as the first, same year: the first stays the date, the other text is kept
        (["PY  - 2019/05/01/", "DA  - 2019/06/02/"], [[2019, 5, 1]], None,
         {"dates": {"PY": "2019/05/01/", "DA": "2019/06/02/"}}),
        (["PY  - 0001/12/25/"], [[1, 12, 25]], None, {"dates": {"PY": "0001/12/25/"}}),  # year 1 is a year
    ],
)  # fmt: skip
def test_which_date_tag_gives_the_publication_date(dates, parts, raw, ris):
    result = read("\n".join(["TY  - JOUR", *dates, "ER  - "]), "t.ris")
    ref = result.library.references[0]
    assert (ref.issued.date_parts, ref.issued.raw, ref.unmapped["ris"]) == (parts, raw, ris)
    assert result.diagnostics == []


@pytest.mark.parametrize(
    ("ris_type", "variable"),
    [("BOOK", "ISBN"), ("EBOOK", "ISBN"), ("CHAP", "ISBN"), ("JOUR", "ISSN"), ("RPRT", "number")],
)
def test_a_serial_number_of_no_known_pattern_is_read_by_the_type(ris_type, variable):
    ref = _one(f"TY  - {ris_type}\nSN  - 12-34\nER  - \n")
    assert {v: ref.get(v) for v in ("ISBN", "ISSN", "number") if ref.get(v)} == {variable: "12-34"}


# ---- records: BT by type, refman's N1 block taken only where it agrees with the tags -------


def test_bt_is_the_title_of_a_whole_book_and_the_container_of_a_chapter():
    book = _one("TY  - BOOK\nBT  - The Book\nER  - \n")
    assert (book.title, book.container_title, book.unmapped) == (
        "The Book",
        None,
        {"ris": {"tags": {"title": "BT"}}},
    )
    chapter = _one("TY  - CHAP\nTI  - Chapter\nBT  - The Book\nER  - \n")
    assert (chapter.title, chapter.container_title) == ("Chapter", "The Book")
    series = _one("TY  - BOOK\nTI  - Book\nT2  - Series\nER  - \n")
    assert (series.title, series.container_title, series.unmapped) == ("Book", "Series", {})


@pytest.mark.parametrize(
    ("lines", "csl"),
    [
        # a block that agrees with the tags is refman's: read as the variables it states
        (["KW  - a", "KW  - b", "N1  - keyword: a, b"], {"keyword": "a, b"}),
        (["N1  - type: book"], {"type": "book"}),  # CTLG reads as book: the block may say book
        (["PY  - 2004", 'N1  - issued: {"raw": "2004"}'], {"issued": {"raw": "2004"}}),
        # the letters and digits decide: a flag or an empty value of the block is no contradiction
        (
            ["PY  - n.d.", 'N1  - issued: {"raw": "n.d.", "circa": true}'],
            {"issued": {"raw": "n.d.", "circa": True}},
        ),
        (["PY  - n.d.", 'N1  - issued: {"raw": "n.d.", "literal": null}'], {"issued": {"raw": "n.d."}}),
        # one that contradicts them is somebody's note
        (["TI  - Foo", "N1  - title: Bar"], {"title": "Foo", "note": "title: Bar"}),
        (["KW  - a", "N1  - keyword: z"], {"keyword": "a", "note": "keyword: z"}),
        (["PY  - n.d.", "N1  - issued: 2004"], {"issued": {"raw": "n.d."}, "note": "issued: 2004"}),
        (["KW  - note: important"], {"keyword": "note: important"}),  # only an N1 is a block
    ],
)
def test_a_note_block_is_read_only_where_it_agrees_with_the_tags(lines, csl):
    ris_type = "CTLG" if csl.get("type") == "book" else "JOUR"
    found = _one("\n".join([f"TY  - {ris_type}", *lines, "ER  - "])).to_csl()
    found.pop("custom", None)
    assert found == {"id": "", "type": "article-journal", **csl}


def test_a_block_of_another_type_is_a_note():
    ref = _one("TY  - JOUR\nN1  - type: book\nER  - \n")
    assert (ref.type, ref.note) == ("article-journal", "type: book")


def test_the_blocks_custom_data_joins_what_the_tags_kept():
    block = 'N1  - custom: {"refman": {"unmapped": {"ris": {"extra": [["ER\\nTY", "v"]]}}}}'
    ref = _one(f"TY  - JOUR\nZZ  - kept\n{block}\nER  - \n")
    assert ref.unmapped == {"ris": {"extra": [["ZZ", "kept"], ["ER\nTY", "v"]]}}
    reading = (
        'N1  - custom: {"refman": {"dates": {"issued": {"source": "1 May 2004", "pattern": "D Month YYYY"}}}}'
    )
    dated = _one(f"TY  - JOUR\nPY  - 2004/05/01/\n{reading}\nER  - \n")
    assert dated.issued.reading.source == "1 May 2004" and dated.issued.reading.pattern == "D Month YYYY"
    undated = _one(f"TY  - JOUR\nTI  - T\n{reading}\nER  - \n")  # a reading of no date: nothing to attach
    assert (undated.title, undated.issued, undated.note) == ("T", None, None)
