"""Dates at the edges of their rules: a slash field of exactly 12, day 32 of each long month,
two dates in one text, the evidence cap of three examples, and RM402/RM404 messages in full.
Every expected value is worked out by hand from the rule named in the test."""

from __future__ import annotations

from datetime import date

import pytest

from refman.core.validate import validate
from refman.model import DateReading, DateValue, Library, Reference, SourceSpan
from refman.parse.dates import DMY, MDY, find_dates, infer_slash_convention, parse_date, slash_reading


@pytest.mark.parametrize(
    ("first", "second", "proves"),
    [
        # a field over 12 cannot be a month; 12 itself can
        (5, 13, MDY),
        (13, 5, DMY),
        (12, 13, MDY),
        (13, 12, DMY),
        (12, 12, None),
        (5, 12, None),
        (12, 5, None),
        (13, 13, None),  # neither field is a month: no convention reads it
    ],
)
def test_slash_reading_at_twelve(first, second, proves):
    assert slash_reading(first, second) == proves


@pytest.mark.parametrize("month", [1, 3, 5, 7, 8, 10, 12])
def test_day_32_of_a_long_month_is_no_date(month):
    assert parse_date(f"2023-{month:02}-31").date_parts == [[2023, month, 31]]
    assert parse_date(f"2023-{month:02}-32") is None
    assert parse_date(f"32.{month:02}.2023") is None


def test_a_convention_reads_an_ambiguous_date_whole_and_marks_it():
    # 03/04/2021 read day/month is 3 April; the value keeps the whole written date
    (found,) = find_dates("accessed 03/04/2021.", DMY, "day/month: ref 2")
    assert found.value.date_parts == [[2021, 4, 3]]
    assert found.value.raw == "03/04/2021"
    assert (found.value.reading.pattern, found.value.reading.ambiguous) == (DMY, True)
    assert found.value.reading.evidence == "day/month: ref 2"
    assert (found.start, found.end, found.slash) == (9, 19, (3, 4))
    # 04/04/2021 is the same date either way: not ambiguous, no evidence needed
    (same,) = find_dates("04/04/2021", MDY, "month/day: ref 7")
    assert same.value.raw == "04/04/2021"
    assert (same.value.reading.ambiguous, same.value.reading.evidence) == (False, None)


def test_two_dates_in_one_text_are_both_found_and_overlaps_are_not():
    found = find_dates("2022-09-07; 07.09.2021; May 5, 2020; 6 June 2019; July 2018")
    assert [f.value.date_parts for f in found] == [
        [[2022, 9, 7]],
        [[2021, 9, 7]],
        [[2020, 5, 5]],
        [[2019, 6, 6]],
        [[2018, 7]],
    ]
    # "May 2022" inside "26 May 2022" is the same date, not a second one
    assert [f.value.date_parts for f in find_dates("26 May 2022")] == [[[2022, 5, 26]]]


def test_evidence_shows_three_dates_then_an_ellipsis():
    three = [("1", "06/28/2021"), ("2", "06/29/2021"), ("3", "07/30/2021")]
    assert infer_slash_convention(three).evidence == (
        "month/day: refs 1, 2, 3 have a second field over 12 (06/28/2021, 06/29/2021, 07/30/2021)"
    )
    four = [*three, ("4", "08/31/2021")]
    assert infer_slash_convention(four).evidence == (
        "month/day: refs 1, 2, 3, 4 have a second field over 12 (06/28/2021, 06/29/2021, 07/30/2021 …)"
    )
    # two dates of one item name it once, as one ref
    assert infer_slash_convention([("5", "06/28/2021, 06/29/2021")]).evidence == (
        "month/day: ref 5 has a second field over 12 (06/28/2021, 06/29/2021)"
    )


def _date(parts: list[int], source: str, pattern: str) -> DateValue:
    return DateValue(date_parts=[parts], reading=DateReading(source=source, pattern=pattern))


def _rm402(refs: list[Reference]) -> list[str]:
    return [d.message for d in validate(Library(references=refs), select=["RM402"], today=date(2024, 6, 1))]


def test_mixed_conventions_give_one_example_per_pattern():
    refs = [
        Reference(id="a", type="webpage", title="A", origin=SourceSpan(number=1),
                  issued=_date([2022, 9, 7], "07.09.2022", "DD.MM.YYYY")),
        Reference(id="b", type="webpage", title="B", origin=SourceSpan(number=2),
                  issued=_date([2022, 9, 8], "08.09.2022", "DD.MM.YYYY")),
        Reference(id="c", type="webpage", title="C", origin=SourceSpan(number=3),
                  issued=_date([2022, 3, 2], "2 March 2022", "D Month YYYY")),
        Reference(id="d", type="webpage", title="D", issued=_date([2021, 6, 28], "06/28/2021", MDY)),
    ]  # fmt: skip
    # day first: 3 dates, DD.MM.YYYY shown once (ref 1's), D Month YYYY once; month first: the
    # unnumbered record is named by its id
    assert _rm402(refs) == [
        "the list writes dates two ways: day first in 3 ([1] 07.09.2022, [3] 2 March 2022) "
        "and month first in 1 (d: 06/28/2021)"
    ]
    assert _rm402(refs[:3]) == []  # one way only


def test_mixed_conventions_take_each_example_pattern_from_its_own_date():
    # each record also has a month-first access date; the day-first examples are still told
    # apart by their own patterns (DD.MM.YYYY and D Month YYYY), not by the access date's
    refs = [
        Reference(id="a", type="webpage", title="A", origin=SourceSpan(number=1),
                  accessed=_date([2021, 6, 28], "06/28/2021", MDY),
                  issued=_date([2022, 9, 7], "07.09.2022", "DD.MM.YYYY")),
        Reference(id="b", type="webpage", title="B", origin=SourceSpan(number=2),
                  accessed=_date([2021, 6, 29], "06/29/2021", MDY),
                  issued=_date([2022, 3, 2], "2 March 2022", "D Month YYYY")),
    ]  # fmt: skip
    assert _rm402(refs) == [
        "the list writes dates two ways: day first in 2 ([1] 07.09.2022, [2] 2 March 2022) "
        "and month first in 2 ([1] 06/28/2021)"
    ]


@pytest.mark.parametrize("given", ["issued", "accessed"])
def test_accessed_before_issued_needs_both_dates(given):
    ref = Reference(id="r", type="webpage", title="T", **{given: DateValue(date_parts=[[2021, 6, 28]])})
    assert validate(Library(references=[ref]), select=["RM404"], today=date(2024, 6, 1)) == []
