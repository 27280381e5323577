"""Shared fixtures: paths to the seed and the schema, a CLI runner that keeps stderr apart."""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import settings

#: Under CI the property tests are derandomized: a submission lands or not on the code alone,
#: never on the luck of the draw. Locally they explore new examples on every run.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_fe4f377d4096e258.txt"
DATA = Path(__file__).resolve().parent / "data"
#: The official CSL-JSON schema: from ../shared when present, else the copy kept in tests/data.
SCHEMA_PATHS = (ROOT.parent / "shared" / "schemas" / "csl-data.json", DATA / "csl-data.json")
#: Set by .ci/run: tests that need pandoc or biber fail instead of skipping when they are absent.
REQUIRE_CLIENTS = os.environ.get("REFMAN_REQUIRE_CLIENTS") == "1"
#: Set to rewrite golden files (then review the diff line by line before committing).
UPDATE_GOLDEN = os.environ.get("REFMAN_UPDATE_GOLDEN") == "1"
REFUSED_IN_CI = "REFMAN_UPDATE_GOLDEN=1 is refused when CI is set: goldens are rewritten by a person, who reviews the diff"


def refuse_golden_rewrite_in_ci(env: dict[str, str]) -> None:
    """A run that would rewrite goldens under CI could never fail on them: stop it before any test."""
    if env.get("REFMAN_UPDATE_GOLDEN") == "1" and env.get("CI"):
        raise pytest.UsageError(REFUSED_IN_CI)


def pytest_configure(config: pytest.Config) -> None:
    refuse_golden_rewrite_in_ci(dict(os.environ))


def golden_text(path: Path, actual: str) -> str:
    """The reviewed golden at ``path``, to compare ``actual`` with.

    Under REFMAN_UPDATE_GOLDEN=1 a golden that is missing or differs from ``actual`` is
    rewritten and the test fails, naming the file: a rewrite is never a pass, so the diff is
    reviewed and the suite rerun without the switch. An unchanged golden passes as usual.
    """
    old = path.read_text(encoding="utf-8") if path.exists() else None
    if UPDATE_GOLDEN and old != actual:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        pytest.fail(
            f"golden {path.name} rewritten: review `git diff` and rerun without REFMAN_UPDATE_GOLDEN",
            pytrace=False,
        )
    assert old is not None, f"missing golden {path.name} (REFMAN_UPDATE_GOLDEN=1 writes it; review it)"
    return old


@pytest.fixture(scope="session")
def csl_schema() -> dict:
    for path in SCHEMA_PATHS:
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8"))
    raise FileNotFoundError("csl-data.json schema not found")


@pytest.fixture(scope="session")
def validate_csl(csl_schema):
    """Assert that a CSL-JSON document (a list of items) is valid against the official schema."""
    import jsonschema

    validator = jsonschema.Draft7Validator(csl_schema)

    def check(items: list) -> None:
        errors = sorted(validator.iter_errors(items), key=lambda e: list(e.path))
        assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])

    return check


def need_client(name: str) -> str:
    """The path of an external program, or skip (fail under .ci/run) when it is missing."""
    path = shutil.which(name)
    if path is None:
        if REQUIRE_CLIENTS:
            pytest.fail(f"{name} is required under .ci/run but is not installed")
        pytest.skip(f"{name} not installed")
    return path


@pytest.fixture
def run_cli():
    """Run the CLI in-process: (exit status, stdout, stderr), with stdin from ``input``.

    Standard streams are byte buffers (not terminals), as in a pipe; an unexpected exception
    is let through so that the failing test shows its traceback.
    """
    from refman.cli.app import main

    def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
        data = input.encode("utf-8") if isinstance(input, str) else (input or b"")
        streams = {
            "stdin": io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"),
            "stdout": io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline=""),
            "stderr": io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline=""),
        }
        saved = {name: getattr(sys, name) for name in streams}
        try:
            for name, stream in streams.items():
                setattr(sys, name, stream)
            try:
                code = main(list(args), raise_internal=True)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
        finally:
            for name, stream in saved.items():
                setattr(sys, name, stream)
        texts = []
        for name in ("stdout", "stderr"):
            streams[name].flush()
            texts.append(streams[name].buffer.getvalue().decode("utf-8"))
        return code, texts[0], texts[1]

    return run


# The library tests' PostgreSQL server and their backend-parametrised library (tests/pg_server.py).
from .pg_server import library, postgres_server  # noqa: E402, F401
