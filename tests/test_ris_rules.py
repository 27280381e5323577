"""RIS rules one decision at a time, each checked by hand against the RIS specification (2001
tag list, 2011 type tables) and refman's table: format detection, date values and their bounds,
and the exact lines the writer gives a reference."""

from __future__ import annotations

import json

import pytest

from refman import formats
from refman.errors import FormatError
from refman.model import DateValue, Library, Reference
from refman.readers.ris import read, sniff
from refman.writers.ris import write

_FROM = "name it with --from (csl-json, bibtex, biblatex, ris, csl-yaml, page, reflist)"


def _one(text: str) -> Reference:
    result = read(text, "t.ris")
    assert len(result.library.references) == 1, result.diagnostics
    return result.library.references[0]


def _lines(data: dict) -> list[str]:
    return write(Library(references=[Reference.model_validate(data)])).splitlines()


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


# ---- the writer's date lines: PY the year and DA the full date (Zotero, EndNote), Y2 accessed


@pytest.mark.parametrize(
    ("issued", "accessed", "lines"),
    [
        ({"date-parts": [[2019, 5, 3]]}, None, ["PY  - 2019", "DA  - 2019/05/03/"]),
        ({"date-parts": [[2019, 5]]}, None, ["PY  - 2019", "DA  - 2019/05//"]),
        ({"date-parts": [[2019]]}, None, ["PY  - 2019"]),
        ({"date-parts": [[1998]], "season": "Spring"}, None, ["PY  - 1998///Spring"]),
        ({"date-parts": [[1998, 3]], "season": "Spring"}, None, ["PY  - 1998", "DA  - 1998/03//Spring"]),
        ({"raw": "n.d."}, None, ["PY  - n.d."]),
        # read back as text, not a literal: the note states it exactly
        ({"literal": "circa 1900"}, None, ["PY  - circa 1900", 'N1  - issued: {"literal": "circa 1900"}']),
        (None, {"date-parts": [[2024, 1, 2]]}, ["Y2  - 2024/01/02/"]),
        (None, {"raw": "last week"}, ["Y2  - last week"]),
        ({"date-parts": [[2019]]}, {"date-parts": [[2024, 1]]}, ["PY  - 2019", "Y2  - 2024/01//"]),
    ],
)
def test_dates_are_written_as_py_da_and_y2(issued, accessed, lines):
    data = {"id": "x", "type": "article-journal", "title": "T", "issued": issued, "accessed": accessed}
    assert _lines({k: v for k, v in data.items() if v is not None}) == [
        "TY  - JOUR", "ID  - x", "TI  - T", *lines, "ER  - ", ""
    ]  # fmt: skip


@pytest.mark.parametrize(
    "dates",
    [
        ["PY  - 1948", "DA  - July"],  # a month alone, its year in PY
        ["Y1  - 2004/05/01/"],  # the 2001 spec's primary date
        ["PY  - 2004///", "DA  - 2004/05/01/"],
        ["PY  - 2004/05/01/"],  # a full date in PY
        ["PY  - 2019", "Y2  - 2024-01-02"],  # an ISO access date
    ],
)
def test_date_lines_read_are_written_back_as_they_were(dates):
    text = "\n".join(["TY  - JOUR", "TI  - T", *dates, "ER  - ", "", ""])
    assert write(read(text, "t.ris").library) == text


@pytest.mark.parametrize(
    ("dates", "new", "lines"),
    [
        # the input's tags no longer say the date: the default PY/DA, never a date in N1 alone
        (["Y1  - 2004/05/01/"], {"date_parts": [[2005, 6, 7]]}, ["PY  - 2005", "DA  - 2005/06/07/"]),
        (["PY  - 2004/05/01/"], {"date_parts": [[2005, 6]]}, ["PY  - 2005", "DA  - 2005/06//"]),
        (["PY  - 2004///", "DA  - 2004/05/01/"], {"date_parts": [[2006, 7, 8]]},
         ["PY  - 2006", "DA  - 2006/07/08/"]),
        (["PY  - 2004///"], {"date_parts": [[2006]], "season": "Winter"}, ["PY  - 2006///Winter"]),
        (["PY  - 1948", "DA  - July"], {"date_parts": [[1948, 8]]}, ["PY  - 1948", "DA  - 1948/08//"]),
        (["PY  - 1948", "DA  - July"], {"raw": "undated"}, ["PY  - undated"]),
        (["Y1  - n.d."], {"raw": "n.d."}, ["Y1  - n.d."]),
        (["Y1  - n.d."], {"date_parts": [[2005, 6, 7]]}, ["PY  - 2005", "DA  - 2005/06/07/"]),
        (["Y1  - 2004/05/01/"], {"date_parts": [[2004, 5]]}, ["PY  - 2004", "DA  - 2004/05//"]),  # the day is gone  # a text that still says it
        (["Y1  - 2004"], {"date_parts": [[2004, 5, 1]]}, ["Y1  - 2004", "N1  - issued: 2004-05-01"]),
    ],
)  # fmt: skip
def test_a_changed_date_is_written_with_the_default_tags(dates, new, lines):
    ref = _one("\n".join(["TY  - JOUR", "TI  - T", *dates, "ER  - "]))
    ref.issued = DateValue(**new)
    assert write(Library(references=[ref])).splitlines() == ["TY  - JOUR", "TI  - T", *lines, "ER  - ", ""]


def test_a_changed_access_date_is_written_as_y2_by_default():
    ref = _one("TY  - JOUR\nTI  - T\nPY  - 2019\nY2  - 2024-01-02\nER  - \n")
    ref.accessed = DateValue(date_parts=[[2025, 2, 3]])
    assert write(Library(references=[ref])).splitlines() == [
        "TY  - JOUR", "TI  - T", "PY  - 2019", "Y2  - 2025/02/03/", "ER  - ", ""
    ]  # fmt: skip
    ref.accessed = None
    assert write(Library(references=[ref])).splitlines() == [
        "TY  - JOUR",
        "TI  - T",
        "PY  - 2019",
        "ER  - ",
        "",
    ]


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


@pytest.mark.parametrize(
    ("abstract", "lines"),
    [
        ("Line one\nline two\nline three", ["AB  - Line one", "line two", "line three"]),
        ("Глава первая\n\nГлава вторая", ["AB  - Глава первая", "", "Глава вторая"]),
        # the reader drops spaces at a line's end, and a tag-like first line joins the empty one:
        # the note gives the abstract back exactly
        ("Trailing  \nspaces", ["AB  - Trailing  ", "spaces", 'N1  - abstract: "Trailing  \\nspaces"']),
        ("\nTI  - x", ["AB  -  TI  - x", 'N1  - abstract: "\\nTI  - x"']),
        # a line that looks like a tag joins the text before it, blank lines between dropped;
        # the note gives the abstract back exactly
        ("Intro\n\nTI  - not a tag", ["AB  - Intro TI  - not a tag", 'N1  - abstract: "Intro\\n\\nTI  - not a tag"']),
    ],
)  # fmt: skip
def test_an_abstract_is_written_on_continuation_lines(abstract, lines):
    data = {"id": "x", "type": "article-journal", "abstract": abstract}
    assert _lines(data) == ["TY  - JOUR", "ID  - x", *lines, "ER  - ", ""]
    assert _one("\n".join(_lines(data))).abstract == abstract


def test_what_a_line_cannot_hold_is_stated_in_the_note_as_json_in_its_own_script():
    data = {"id": "x", "type": "article-journal", "title": "Глава\nвторая", "accessed": {"literal": "вчера"}}
    assert _lines(data) == [
        "TY  - JOUR", "ID  - x", "TI  - Глава вторая", "Y2  - вчера",
        'N1  - accessed: {"literal": "вчера"}', 'title: "Глава\\nвторая"', "ER  - ", "",
    ]  # fmt: skip


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


@pytest.mark.parametrize(
    ("issued", "dates"),
    [
        (
            {"date-parts": [[2020, 1, 2, 3]]},
            ["PY  - 2020", "DA  - 2020/01/02/"],
        ),  # more parts than a date has
        ({"date-parts": [[2020], [2021], [2022]]}, ["PY  - 2020"]),  # more than a range
        ({"date-parts": [["2020", "5"]]}, ["PY  - 2020", "DA  - 2020/05//"]),  # parts as text
        ({"date-parts": [[]]}, []),  # no parts at all
    ],
)
def test_a_date_ris_cannot_hold_is_written_to_the_day_and_stated_as_json(issued, dates):
    assert _lines({"id": "x", "type": "article-journal", "issued": issued}) == [
        "TY  - JOUR", "ID  - x", *dates, f"N1  - issued: {json.dumps(issued)}", "ER  - ", ""
    ]  # fmt: skip


def test_a_date_range_is_stated_in_the_note_as_edtf():
    assert _lines({"id": "x", "type": "article-journal", "issued": {"date-parts": [[2020, 5], [2021, 6]]}}) == [
        "TY  - JOUR", "ID  - x", "PY  - 2020", "DA  - 2020/05//", "N1  - issued: 2020-05/2021-06", "ER  - ", ""
    ]  # fmt: skip


# ---- the writer: what goes to the note, and unknown tags kept from the input ---------------


def _round_trip(data: dict) -> tuple[list[str], dict]:
    text = write(Library(references=[Reference.model_validate(data)]))
    return text.splitlines(), _one(text).to_csl()


def test_a_variable_the_note_also_states_is_named_in_the_block():
    # read back, the note's "DOI: …" line would be taken for where the DOI came from
    data = {"id": "x", "type": "article-journal", "DOI": "10.1/x", "note": "Checked.\nDOI: 10.1/x"}
    lines, back = _round_trip(data)
    assert lines == [
        "TY  - JOUR", "ID  - x", "DO  - 10.1/x", "N1  - Checked.", "DOI: 10.1/x", "N1  - DOI: 10.1/x", "ER  - ", ""
    ]  # fmt: skip
    assert back == data


@pytest.mark.parametrize(
    "extra",
    [
        [["ZZ", "a\nb"]],  # a line break a one-line value cannot hold
        [["ZZ", " padded "]],  # edge spaces the reader strips
        [["ZZ", "v", "w"]],  # not a tag and a value
        [[1, "v"]],
        [["N1", "first\nsecond"], ["ZZ", "z"]],  # a known tag would be read as the note
    ],
)
def test_unknown_tags_no_line_can_give_back_stay_in_the_note_in_their_order(extra):
    data = {"id": "x", "type": "article-journal", "title": "T",
            "custom": {"refman": {"unmapped": {"ris": {"extra": extra}}}}}  # fmt: skip
    lines, back = _round_trip(data)
    assert lines == [
        "TY  - JOUR",
        "ID  - x",
        "TI  - T",
        f"N1  - custom: {json.dumps(data['custom'])}",
        "ER  - ",
        "",
    ]
    assert back == data


def test_unknown_tags_are_written_as_tags_and_other_formats_data_in_the_note():
    data = {"id": "x", "type": "article-journal", "title": "T",
            "custom": {"zotero": {"k": 1}, "refman": {"unmapped": {"ris": {"extra": [["ZZ", "z"], ["ZY", "m"]]},
                                                                    "bibtex": {"foo": "bar"}}}}}  # fmt: skip
    lines, back = _round_trip(data)
    note = {"zotero": {"k": 1}, "refman": {"unmapped": {"bibtex": {"foo": "bar"}}}}
    assert lines == [
        "TY  - JOUR", "ID  - x", "TI  - T", "ZZ  - z", "ZY  - m", f"N1  - custom: {json.dumps(note)}", "ER  - ", ""
    ]  # fmt: skip
    assert back == data


def test_a_repeated_abstract_is_written_again_when_its_lines_give_it_back():
    def written(second: str) -> list[str]:
        data = {"id": "x", "type": "article-journal", "abstract": "first",
                "custom": {"refman": {"unmapped": {"ris": {"extra": [["AB", second]]}}}}}  # fmt: skip
        lines, back = _round_trip(data)
        assert back == data
        return lines

    assert written("second\nabstract") == [
        "TY  - JOUR",
        "ID  - x",
        "AB  - first",
        "AB  - second",
        "abstract",
        "ER  - ",
        "",
    ]
    custom = {"refman": {"unmapped": {"ris": {"extra": [["AB", "second  \nabstract"]]}}}}
    assert written("second  \nabstract") == [
        "TY  - JOUR", "ID  - x", "AB  - first", f"N1  - custom: {json.dumps(custom)}", "ER  - ", ""
    ]  # fmt: skip
