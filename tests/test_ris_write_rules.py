"""The RIS writer's lines one decision at a time, each checked by hand against the RIS
specification and refman's table: PY/DA/Y2 date lines (also for a date changed since it was
read), continuation lines, and what goes to the N1 note (refman's block of variables)."""

from __future__ import annotations

import json

import pytest

from refman.model import DateValue, Library, Reference
from refman.readers.ris import read
from refman.writers.ris import write


def _one(text: str) -> Reference:
    result = read(text, "t.ris")
    assert len(result.library.references) == 1, result.diagnostics
    return result.library.references[0]


def _lines(data: dict) -> list[str]:
    return write(Library(references=[Reference.model_validate(data)])).splitlines()


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
