"""Hostile input, the fast cases (benchmarks/adversarial.py has the big and timed ones):
every reader returns diagnostics on pathological text, and the CLI ends every hostile file
with exit status 2 (or a report) and one clear line on stderr, never a traceback."""

from __future__ import annotations

import json

import pytest

from refman import formats

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


#: Pathological text that is still valid in a format: (references, diagnostic codes).
VALID_IN = {
    ("ris", "ris-names"): (1, {"RM008"}),  # one record; "last record has no ER line"
    ("ris", "nul"): (1, set()),  # a complete record whose title holds a NUL
}
#: How many numbered or separate chunks a reference list sees in the text: each is kept whole
#: as a title, with one RM002 each ("could not tell the parts").
REFLIST_CHUNKS = {"ris-names": 2, "nul": 3, "control": 20}


def _expected(reader: str, case: str) -> tuple[int, set[str]]:
    """What a reader must say about text it cannot read: the structured formats refuse it
    (RM001, and RM008 for text outside their records or control characters); the free-text
    readers keep what they can and warn (RM002)."""
    if (reader, case) in VALID_IN:
        return VALID_IN[reader, case]
    if reader == "ris":
        return 0, {"RM001", "RM008"}
    if reader == "biblatex":
        return 0, {"RM001", "RM008"} if case in ("nul", "control") else {"RM001"}
    if reader in ("csl-json", "csl-yaml"):
        return 0, {"RM001"}
    if reader == "page":  # only the 6000-character "1. a a a …" looks like a reference at all
        return (1 if case == "numbered-words" else 0), {"RM002"}
    return REFLIST_CHUNKS.get(case, 1), {"RM002"}


@pytest.mark.parametrize("fmt", READERS, ids=lambda f: f.name)
@pytest.mark.parametrize("case", PATHOLOGICAL)
def test_readers_return_diagnostics_on_pathological_text(fmt, case):
    result = fmt.load_reader()(PATHOLOGICAL[case], name="hostile")
    refs, codes = _expected(fmt.name, case)
    assert len(result.library.references) == refs
    assert {d.code for d in result.diagnostics} == codes
    if fmt.name == "reflist":  # one warning per chunk kept whole
        assert len(result.diagnostics) == refs


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
    status, out, err = run_cli("export", str(path), "--to", "csl-json")
    # s19 is "lol" doubled 19 times, 3 * 2**19 = 1,572,864 characters: the first over the
    # 1,000,000 limit; the entry is read without the title that needed it
    assert status == 0
    assert json.loads(out) == [{"id": "x", "type": "article-journal", "issued": {"date-parts": [[2020]]}}]
    assert err.splitlines() == [
        f"refman: error: {path}:20: RM001 @string s19: value longer than 1,000,000 characters "
        "after @string expansion; value dropped"
    ]
