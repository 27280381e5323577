"""The golden switch cannot make a golden test pass: a rewrite fails the test that made it,
and a rewrite under CI is refused before any test runs."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from . import conftest
from .conftest import ROOT, golden_text


def test_without_the_switch_a_golden_is_read_not_written(tmp_path, monkeypatch):
    monkeypatch.setattr(conftest, "UPDATE_GOLDEN", False)
    path = tmp_path / "g.txt"
    path.write_text("reviewed\n", encoding="utf-8")
    assert golden_text(path, "changed\n") == "reviewed\n"
    assert path.read_text(encoding="utf-8") == "reviewed\n"
    with pytest.raises(AssertionError, match=r"missing golden none\.txt"):
        golden_text(tmp_path / "none.txt", "x")


def test_under_the_switch_a_rewrite_fails_the_test(tmp_path, monkeypatch):
    monkeypatch.setattr(conftest, "UPDATE_GOLDEN", True)
    path = tmp_path / "g.txt"
    path.write_text("reviewed\n", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match=r"golden g\.txt rewritten: review `git diff`"):
        golden_text(path, "changed\n")
    assert path.read_text(encoding="utf-8") == "changed\n"
    assert golden_text(path, "changed\n") == "changed\n"  # unchanged now: it passes
    with pytest.raises(pytest.fail.Exception, match=r"golden new\.txt rewritten"):
        golden_text(tmp_path / "sub" / "new.txt", "first\n")
    assert (tmp_path / "sub" / "new.txt").read_text(encoding="utf-8") == "first\n"


@pytest.mark.parametrize(
    ("env", "refused"),
    [
        ({"REFMAN_UPDATE_GOLDEN": "1", "CI": "true"}, True),
        ({"REFMAN_UPDATE_GOLDEN": "1", "CI": "1"}, True),
        ({"REFMAN_UPDATE_GOLDEN": "1"}, False),
        ({"REFMAN_UPDATE_GOLDEN": "1", "CI": ""}, False),
        ({"REFMAN_UPDATE_GOLDEN": "0", "CI": "true"}, False),
        ({"CI": "true"}, False),
    ],
)
def test_rewrite_refused_under_ci(env, refused):
    if refused:
        with pytest.raises(pytest.UsageError, match="REFMAN_UPDATE_GOLDEN=1 is refused when CI is set"):
            conftest.refuse_golden_rewrite_in_ci(env)
    else:
        assert conftest.refuse_golden_rewrite_in_ci(env) is None


def test_a_ci_run_with_the_switch_stops_before_any_test():
    env = {**os.environ, "REFMAN_UPDATE_GOLDEN": "1", "CI": "true"}
    target = "tests/test_golden_guard.py::test_without_the_switch_a_golden_is_read_not_written"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", target],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == pytest.ExitCode.USAGE_ERROR
    assert conftest.REFUSED_IN_CI in done.stderr
    assert "passed" not in done.stdout
