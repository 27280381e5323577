"""Identifier check digits, URL hosts and the calendar, each value worked out by hand from the
standard it comes from (ISO 2108 for the ISBN, ISO 3297 for the ISSN, the Gregorian leap
rule for dates); the sums are in the comments so that a reader can redo them."""

from __future__ import annotations

from datetime import date

import pytest

from refman.core.rules.identifiers import _url_ok, isbn_ok, issn_ok
from refman.core.validate import validate
from refman.model import DateReading, DateValue, Library, Reference
from refman.parse.dates import parse_date


@pytest.mark.parametrize(
    ("isbn", "ok"),
    [
        # ISBN-10: sum of digit * weight (10 down to 1) must be a multiple of 11, X = 10
        ("0-306-40615-2", True),  # 0+27+0+42+24+0+24+3+10+2 = 132 = 12 * 11
        ("0-306-40615-3", False),  # 133
        ("0 306 40615 2", True),  # spaces separate groups as hyphens do
        ("0-8044-2957-X", True),  # 0+72+0+28+24+10+36+15+14+10 = 209 = 19 * 11
        ("0-8044-2957-x", True),  # a lower-case x is the same check digit
        ("0-8044-2957-0", False),  # 199
        ("5-02-013589-X", False),  # 159 = 14 * 11 + 5
        ("X-306-40615-2", False),  # X only as the check digit
        # ISBN-13: weights 1, 3, 1, 3 …; the sum must be a multiple of 10; prefix 978 or 979
        ("978-0-306-40615-7", True),  # 9+21+8+0+3+0+6+12+0+18+1+15+7 = 100
        ("978-0-306-40615-8", False),  # 101
        ("979-10-90636-07-1", True),  # 9+21+9+3+0+27+0+18+3+18+0+21+1 = 130
        ("9770306406158", False),  # sum 100, but 977 is an ISSN's EAN prefix, not an ISBN's
        ("978030640615X", False),  # no X in an ISBN-13
        # wrong lengths
        ("030640615", False),
        ("03064061522", False),
        ("978030640615", False),
        ("97803064061570", False),
        ("", False),
    ],
)
def test_isbn_check_digit(isbn, ok):
    assert isbn_ok(isbn) is ok


@pytest.mark.parametrize(
    ("issn", "ok"),
    [
        # weights 8 down to 2 over seven digits; check = (11 - sum mod 11) mod 11, 10 written X
        ("0317-8471", True),  # 0+21+6+35+32+12+14 = 120; 120 mod 11 = 10; 11 - 10 = 1
        ("0317-8472", False),
        ("2434-561X", True),  # 16+28+18+20+20+18+2 = 122; mod 11 = 1; 11 - 1 = 10 → X
        ("2434-561x", True),
        ("2434-5610", False),
        ("2049-3630", True),  # 16+0+24+45+12+18+6 = 121; mod 11 = 0; (11 - 0) mod 11 = 0
        ("2049-363X", False),
        ("20493630", True),  # the hyphen is optional
        ("0317-847", False),
        ("0317-84711", False),
        ("X317-8471", False),
    ],
)
def test_issn_check_digit(issn, ok):
    assert issn_ok(issn) is ok


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://tass.ru/1", True),
        ("http://localhost:8080/x", True),
        ("ftp://ftp.example.org/pub", True),
        ("https://intranet/page", False),  # a host without a dot
        ("http://[::1", False),  # urlsplit raises on the unclosed bracket
        ("https://tass.ru/a b", False),
        ("mailto:someone@example.org", False),
        ("file:///home/a.txt", False),
        ("tass.ru/1", False),
        ("", False),
    ],
)
def test_url_syntax(url, ok):
    assert _url_ok(url) is ok


def _messages(code: str, **fields) -> list[str]:
    ref = Reference(id="r", type="book", title="T", **fields)
    return [d.message for d in validate(Library(references=[ref]), select=[code], today=date(2024, 6, 1))]


def test_isbn_rule_names_each_bad_isbn():
    assert _messages("RM302", ISBN="0-306-40615-2; 0-306-40615-3") == [
        "ISBN '0-306-40615-3' has a wrong length or check digit"
    ]
    assert _messages("RM302", ISBN="none") == ["ISBN 'none' is not an ISBN"]


def test_issn_rule_accepts_x_and_names_a_bad_one():
    assert _messages("RM303", ISSN="2434-561X") == []
    assert _messages("RM303", ISSN="2434-5610") == ["ISSN '2434-5610' has a wrong check digit"]


def test_url_rule_on_a_host_without_a_dot():
    assert _messages("RM304", URL="https://intranet/page") == [
        "URL 'https://intranet/page' is not an absolute http(s) address"
    ]
    assert _messages("RM304", URL="https://tass.ru/1") == []


def _fixes(code: str, **fields) -> list[tuple[str, str, str]]:
    ref = Reference(id="r", type="book", title="T", **fields)
    found = validate(Library(references=[ref]), select=[code], today=date(2024, 6, 1))
    return [(d.fix.old, d.fix.new, d.fix.safety.value) for d in found if d.fix is not None]


def test_url_fixes_and_their_safety():
    # a label around a good URL is debris: safe to remove; a missing scheme is a guess: unsafe
    assert _fixes("RM304", URL="URL: https://tass.ru/1") == [
        ("URL: https://tass.ru/1", "https://tass.ru/1", "safe")
    ]
    assert _fixes("RM304", URL="<https://tass.ru/1>") == [
        ("<https://tass.ru/1>", "https://tass.ru/1", "safe")
    ]
    assert _fixes("RM304", URL="tass.ru/1") == [("tass.ru/1", "https://tass.ru/1", "unsafe")]
    assert _fixes("RM304", URL="intranet/page") == []  # with a scheme it still has no dotted host
    assert _fixes("RM301", DOI="https://doi.org/10.1000/xyz") == [
        ("https://doi.org/10.1000/xyz", "10.1000/xyz", "safe")
    ]
    assert _fixes("RM301", DOI="10.10/x") == []


# --- the calendar: Gregorian leap years (divisible by 4, except centuries not divisible by 400)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("2024-02-29", [2024, 2, 29]),  # 2024 divisible by 4
        ("2023-02-29", None),  # 2023 is not
        ("2023-02-28", [2023, 2, 28]),
        ("1900-02-29", None),  # a century not divisible by 400
        ("2000-02-29", [2000, 2, 29]),  # a century divisible by 400
        ("2100-02-29", None),
        ("2024-02-30", None),
        ("2023-04-31", None),  # April, June, September and November have 30 days
        ("2023-04-30", [2023, 4, 30]),
        ("2023-06-31", None),
        ("2023-09-31", None),
        ("2023-11-31", None),
        ("2023-01-31", [2023, 1, 31]),
        ("2023-03-31", [2023, 3, 31]),
        ("2023-05-31", [2023, 5, 31]),
        ("2023-07-31", [2023, 7, 31]),
        ("2023-08-31", [2023, 8, 31]),
        ("2023-10-31", [2023, 10, 31]),
        ("2023-12-31", [2023, 12, 31]),
        ("2023-12-32", None),
        ("2023-13-01", None),
        ("2023-00-10", None),
        ("2023-01-00", None),
        ("29.02.1900", None),
        ("29.02.2000", [2000, 2, 29]),
        ("February 29, 1900", None),
        ("February 29, 2024", [2024, 2, 29]),
        ("29 февраля 2023", None),
        ("29 февраля 2024", [2024, 2, 29]),
        ("02/29/2023", None),  # month/day, proven by the 29
        ("02/29/2024", [2024, 2, 29]),
        ("29/02/1900", None),  # day/month, proven by the 29
        ("29/02/2000", [2000, 2, 29]),
    ],
)
def test_leap_years_and_month_lengths(text, parts):
    value = parse_date(text)
    assert (value.parts if value is not None else None) == parts


@pytest.mark.parametrize(
    ("parts", "fires"),
    [([2023, 2, 29], True), ([2024, 2, 29], False), ([1900, 2, 29], True), ([2000, 2, 29], False),
     ([2021, 4, 31], True), ([2021, 13], True), ([2021, 0], True), ([2021, 12], False), ([2021], False)],
)  # fmt: skip
def test_impossible_date_rule(parts, fires):
    messages = _messages("RM407", issued=DateValue(date_parts=[parts]))
    shown = "-".join(str(p) for p in parts)
    assert messages == ([f"issued {shown} is not a real date"] if fires else [])


@pytest.mark.parametrize(
    ("parts", "fires"),
    [([-44, 3, 15], False), ([0, 2, 28], False), ([0, 2, 29], True)],  # year 0 or BC: checked as year 1
)
def test_impossible_date_before_the_common_era(parts, fires):
    assert bool(_messages("RM407", issued=DateValue(date_parts=[parts]))) is fires


@pytest.mark.parametrize(
    ("issued", "accessed", "message"),
    [
        ([2021, 6, 28], [2021, 6, 27], "accessed 27 June 2021 is before the publication date 28 June 2021"),
        ([2021, 6, 28], [2021, 5], "accessed May 2021 is before the publication date 28 June 2021"),
        ([2022], [2021, 12, 31], "accessed 31 December 2021 is before the publication date 2022"),
        ([2021, 6], [2021, 6, 1], None),  # equal at the precision both have
        ([2021, 6, 28], [2021, 6, 28], None),
        ([2021, 2, 30], [2021, 1, 1], None),  # an impossible date is RM407's business
    ],
)
def test_accessed_before_issued(issued, accessed, message):
    got = _messages("RM404", issued=DateValue(date_parts=[issued]), accessed=DateValue(date_parts=[accessed]))
    assert got == ([message] if message else [])


@pytest.mark.parametrize(
    ("issued", "status", "messages"),
    [
        ([2024, 6, 2], None, ["issued 2 June 2024 is in the future"]),  # today is 1 June 2024
        ([2024, 6, 1], None, []),
        ([2024, 7], None, ["issued July 2024 is in the future"]),
        ([2024, 6], None, []),
        ([2025], None, ["issued 2025 is in the future"]),
        ([2025], "in press", []),
    ],
)
def test_future_date(issued, status, messages):
    assert _messages("RM405", issued=DateValue(date_parts=[issued]), status=status) == messages


def test_ambiguous_date_names_the_other_reading():
    def ambiguous(parts: list[int], source: str) -> list[str]:
        reading = DateReading(
            source=source, pattern="MM/DD/YYYY", ambiguous=True, evidence="month/day: ref 7"
        )
        return _messages("RM401", issued=DateValue(date_parts=[parts], reading=reading))

    assert ambiguous([2019, 2, 1], "02/01/2019") == [
        "issued '02/01/2019' is ambiguous: read as MM/DD/YYYY, 1 February 2019, not 2 January 2019 (month/day: ref 7)"
    ]
    # the other reading of 13/05 would be month 13: only the day and month are named
    assert ambiguous([2019, 5, 13], "05/13/2019") == [
        "issued '05/13/2019' is ambiguous: read as MM/DD/YYYY, 13 May 2019, not 13 May (month/day: ref 7)"
    ]
    assert ambiguous([2019, 12, 12], "12/12/2019")[0].endswith("not 12 December 2019 (month/day: ref 7)")
