"""A flood of one cause is one line with a count, for people; machines get every finding.

tests/data/report/flood.bib: ten entries use one undefined macro (`xyz`), two another
(`abc`), the last entry is unreadable (an error), and all twelve books lack a place (RM104).
"""

from __future__ import annotations

import json

import pytest

from refman.diagnostics import Diagnostic, Location, Severity
from refman.report.condense import Flood, cause, condense

from .conftest import DATA

FLOOD = str(DATA / "report" / "flood.bib")
TODAY = "2025-01-01"
XYZ = "note: undefined @string 'xyz'; kept as text"
ABC = "note: undefined @string 'abc'; kept as text"
BROKEN = f"{FLOOD}:110: RM001 unreadable entry, skipped: '@book{{broken,\\n  title = {{Unclosed'"


def _rm009(line: int, key: str, text: str = XYZ) -> str:
    return f"{FLOOD}:{line}: RM009 {key}: {text}"


READ_LINES = [
    _rm009(2, "key01"), _rm009(11, "key02"), _rm009(20, "key03"),
    f"… and 7 more like this (RM009 {XYZ})",
    _rm009(92, "key11", ABC), _rm009(101, "key12", ABC),
    BROKEN,
]  # fmt: skip


def test_validate_text_shows_each_cause_once_with_a_count(run_cli):
    code, out, _ = run_cli("validate", FLOOD, "--today", TODAY)
    assert code == 1
    assert out.splitlines() == [
        *READ_LINES,
        f"{FLOOD}:2: RM104 a book without its place of publication",
        f"{FLOOD}:11: RM104 a book without its place of publication",
        f"{FLOOD}:20: RM104 a book without its place of publication",
        "… and 9 more like this (RM104 a book without its place of publication)",
    ]


def test_verbose_shows_every_finding_and_json_and_sarif_stay_complete(run_cli):
    _, out, _ = run_cli("validate", FLOOD, "--today", TODAY, "-v")
    lines = out.splitlines()
    assert len(lines) == 25 and not any("more like this" in line for line in lines)
    assert sum(f"RM009 key{i:02d}: {XYZ}" in out for i in range(1, 11)) == 10
    _, out, _ = run_cli("validate", FLOOD, "--today", TODAY, "--format", "json")
    assert len(json.loads(out)) == 25
    _, out, _ = run_cli("validate", FLOOD, "--today", TODAY, "--format", "sarif")
    assert len(json.loads(out)["runs"][0]["results"]) == 25


def test_quiet_shows_only_errors_and_keeps_the_exit_status(run_cli):
    code, out, _ = run_cli("validate", FLOOD, "--today", TODAY, "--quiet")
    assert (code, out.splitlines()) == (1, [BROKEN])


@pytest.mark.parametrize("command", [["export"], ["show"], ["dedupe"]])
def test_reader_diagnostics_on_stderr_are_condensed_the_same_way(run_cli, command):
    _, _, err = run_cli(*command, FLOOD)
    severities = ["warning"] * 6 + ["error"]
    assert err.splitlines()[:7] == [
        f"refman: {s}: {line}" for s, line in zip(severities, READ_LINES, strict=True)
    ]
    _, _, err = run_cli(*command, FLOOD, "-v")
    assert sum("RM009" in line for line in err.splitlines()) == 12
    _, _, err = run_cli(*command, FLOOD, "-q")
    assert [line for line in err.splitlines() if "RM0" in line] == [f"refman: error: {BROKEN}"]


def test_fix_reports_a_flood_of_one_change_once(run_cli, tmp_path):
    items = [
        {"id": f"r{i}", "type": "book", "title": f"Title {i} , part", "publisher": "P"} for i in range(6)
    ]
    path = tmp_path / "refs.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    _, _, err = run_cli("validate", str(path), "--fix", "--select", "RM201", "--today", TODAY)
    assert err.splitlines() == [
        "refman: fixed [1] r0: title: removed space before ',' (RM201)",
        "refman: fixed [2] r1: title: removed space before ',' (RM201)",
        "refman: fixed [3] r2: title: removed space before ',' (RM201)",
        "refman: … and 3 more like this (RM201 title: removed space before ',')",
        "refman: 6 fixes applied, 0 findings remain",
    ]
    _, _, err = run_cli("validate", str(path), "--fix", "--select", "RM201", "--today", TODAY, "-q")
    assert err.splitlines() == ["refman: 6 fixes applied, 0 findings remain"]


def _diag(code: str, message: str, reference: str | None = None) -> Diagnostic:
    return Diagnostic(code, "x", Severity.WARNING, message, Location("f", 1), reference=reference)


def test_a_cause_is_the_code_and_the_message_without_its_entry():
    assert cause(_diag("RM009", "Knuth:1984:LP: note: undefined @string 'xyz'")) == (
        "RM009", "note: undefined @string 'xyz'")  # fmt: skip
    assert cause(_diag("RM504", "same work as a1 (score 1.00)", reference="b2")) == (
        "RM504", "same work as a1 (score 1.00)")  # fmt: skip
    assert cause(_diag("RM106", "the pages of b2 are not given", reference="b2")) == (
        "RM106", "the pages of … are not given")  # fmt: skip
    assert cause(_diag("RM001", "unreadable entry, skipped: '@book{x'")) == (
        "RM001", "unreadable entry, skipped: '@book{x'")  # fmt: skip


def test_four_of_a_kind_are_all_shown_five_are_cut_to_three():
    four = [_diag("RM106", "no pages", reference=f"r{i}") for i in range(4)]
    assert condense(four) == four
    five = [*four, _diag("RM106", "no pages", reference="r4")]
    assert condense(five) == [*five[:3], Flood("RM106", "no pages", 2, "warning")]
    assert condense(five, verbose=True) == five


def test_the_terminal_table_counts_a_flood_under_the_tables(run_cli, monkeypatch):
    from refman import console

    monkeypatch.setattr(console, "is_terminal", lambda stream=None: True)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    _, out, _ = run_cli("validate", FLOOD, "--today", TODAY)
    lines = [line.strip() for line in out.splitlines()]
    assert lines[-3:] == [
        f"… and 7 more like this (RM009 {XYZ})",
        "… and 9 more like this (RM104 a book without its place of publication)",
        "25 findings in 12 references: 1 error, 24 warnings, 0 infos; "
        "16 repeats counted, not listed (--verbose lists them)",
    ]
    assert sum("RM104" in line for line in lines) == 4  # three rows and the count
