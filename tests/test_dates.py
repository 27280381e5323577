"""Dates as lists write them, and the slash convention decided from a document's own evidence."""

from __future__ import annotations

import pytest

from refman.parse.dates import (
    DMY,
    MDY,
    ambiguous_slash,
    find_dates,
    infer_slash_convention,
    parse_date,
    slash_reading,
    unread_slash,
)


@pytest.mark.parametrize(
    ("text", "parts", "pattern"),
    [
        ("07.09.2022", [2022, 9, 7], "DD.MM.YYYY"),
        ("2022-09-07", [2022, 9, 7], "YYYY-MM-DD"),
        ("May 26, 2022", [2022, 5, 26], "Month D, YYYY"),
        ("2 March 2022", [2022, 3, 2], "D Month YYYY"),
        ("26 мая 2022", [2022, 5, 26], "D Month YYYY"),
        ("06/28/2021", [2021, 6, 28], MDY),
        ("28/06/2021", [2021, 6, 28], DMY),
        ("March 2022", [2022, 3], "Month YYYY"),
        ("2019", [2019], "YYYY"),
    ],
)
def test_forms(text, parts, pattern):
    value = parse_date(text)
    assert value.date_parts == [parts] and value.raw == text and value.reading.pattern == pattern
    assert value.reading.ambiguous is False


def test_ambiguous_slash_needs_a_convention():
    assert parse_date("02/01/2019") is None
    assert (
        ambiguous_slash("02/01/2019")
        and not ambiguous_slash("06/28/2021")
        and not ambiguous_slash("05/05/2020")
    )
    value = parse_date("02/01/2019", MDY, "month/day: ref 7")
    assert (
        value.date_parts == [[2019, 2, 1]]
        and value.reading.ambiguous
        and value.reading.evidence == "month/day: ref 7"
    )
    assert parse_date("02/01/2019", DMY).date_parts == [[2019, 1, 2]]


def test_slash_reading_proves_only_with_a_field_over_12():
    assert slash_reading(6, 28) == MDY and slash_reading(28, 6) == DMY and slash_reading(2, 1) is None


def test_infer_month_day_names_the_deciding_items():
    found = infer_slash_convention([("1", "x 02/01/2019"), ("7", "y 06/28/2021"), ("13", "z 07/18/2022")])
    assert found.convention == MDY and not found.conflict
    assert found.evidence == "month/day: refs 7, 13 have a second field over 12 (06/28/2021, 07/18/2022)"


def test_infer_day_month_and_conflict_and_none():
    assert infer_slash_convention([("2", "25/03/2021")]).evidence == (
        "day/month: ref 2 has a first field over 12 (25/03/2021)"
    )
    conflict = infer_slash_convention([("1", "25/03/2021"), ("2", "03/25/2021")])
    assert conflict.convention is None and conflict.conflict and "but day/month" in conflict.evidence
    assert infer_slash_convention([("1", "02/01/2019")]).convention is None


def test_unread_slash_keeps_the_text_only():
    value = unread_slash("02/01/2019.")
    assert value.date_parts is None and value.raw == "02/01/2019" and value.reading.ambiguous
    assert value.parts == []


def test_find_dates_skips_impossible_and_ambiguous():
    assert find_dates("31.02.2020 and 02/01/2019") == []
    assert [f.value.date_parts for f in find_dates("of October 14, 2017. No. 484")] == [[[2017, 10, 14]]]
