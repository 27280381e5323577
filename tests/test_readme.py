"""The README's quick start and .ci/run agree: CI runs exactly the README's test command."""

from __future__ import annotations

import re

from .conftest import ROOT


def _quick_start() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, re.S)]


def test_quick_start_is_two_commands():
    commands = _quick_start()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)
    assert "seeds/000_fe4f377d4096e258.txt" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_exactly_the_readme_test_command():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert run[-1] == _quick_start()[1]
