"""Hostile input, the fast cases (benchmarks/adversarial.py has the big and timed ones):
every reader returns diagnostics on pathological text, and the CLI ends every hostile file
with exit status 2 (or a report) and one clear line on stderr, never a traceback."""

from __future__ import annotations

import pytest

from refman import formats
from refman.diagnostics import ReadResult

READERS = sorted({f.reader: f for f in formats.readable()}.values(), key=lambda f: f.name)
N = 3000
PATHOLOGICAL = {
    "numbered-words": "1. " + "a " * N,
    "open-parens": "(" * N,
    "digits": "1" * N,
    "whitespace": "a" + " " * N + "b",
    "open-braces": "@article{x, title = " + "{" * N,
    "open-quote": '@article{x, title = "' + "a " * N,
    "json-open": "[" + '{"a": ' * N,
    "ris-names": "TY  - JOUR\nAU  - " + "a, " * N,
    "initials": "Ivanov " + "I. " * N,
    "nul": "TY  - JOUR\nTI  - a\x00b\nER  - \n",
    "control": "".join(chr(c) for c in range(32)) * 10,
    "surrogate-escapes": '[{"id": "a", "type": "book", "title": "\\ud800"}]',
}


@pytest.mark.parametrize("fmt", READERS, ids=lambda f: f.name)
@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_readers_return_diagnostics_on_pathological_text(fmt, text):
    result = fmt.load_reader()(text, name="hostile")
    assert isinstance(result, ReadResult)


def _bomb_yaml() -> str:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for previous, name in zip("abcdefghi", "bcdefghij", strict=True):
        text += f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]\n"
    return text


def _string_bomb() -> str:
    lines = ['@string{s0 = "lol"}', *(f"@string{{s{i} = s{i - 1} # s{i - 1}}}" for i in range(1, 41))]
    return "\n".join(lines) + "\n@article{x, title = s40, year = 2020}\n"


CLI_CASES = {
    "deep.json": ("[" * 200_000 + "]" * 200_000, []),
    "deep-item.json": ('[{"id": "a", "type": "book", "x": ' + "[" * 5000 + "]" * 5000 + "}]", []),
    "deep.yaml": ("- " * 200_000 + "x", ["--from", "csl-yaml"]),
    "bomb.yaml": (_bomb_yaml(), ["--from", "csl-yaml"]),
    "nul.ris": (b"TY  - JOUR\nTI  - a\x00b\nER  - \n", []),
    "binary.bib": (bytes(range(256)) * 64, []),
    "empty.ris": (b"", []),
    "python.yaml": ('- !!python/object/apply:os.system ["echo pwned"]\n', ["--from", "csl-yaml"]),
    "nan.json": ('[{"id": "a", "type": "book", "volume": NaN}]', []),
    "surrogate.json": ('[{"id": "a", "type": "book", "title": "\\ud800"}]', ["--to", "bibtex"]),
}


@pytest.mark.parametrize("name", CLI_CASES)
def test_cli_ends_hostile_files_with_one_clear_line(run_cli, tmp_path, name):
    content, extra = CLI_CASES[name]
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    status, out, err = run_cli("export", str(path), "--to", "csl-json", *extra)
    assert status == 2, (status, err)
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("refman: "), err
    assert "Traceback" not in err and "internal error" not in err


def test_cli_survives_an_exponential_string_macro(run_cli, tmp_path):
    """@string s40 doubles 40 times (2**40 characters): refused as a diagnostic, rest read."""
    path = tmp_path / "bomb.bib"
    path.write_text(_string_bomb(), encoding="utf-8")
    status, _out, err = run_cli("export", str(path), "--to", "csl-json")
    assert status in (0, 1, 2)
    assert "Traceback" not in err and "internal error" not in err
