"""The CLI contract: streams, exit statuses, `-`, errors as one line, quiet pipes, help."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .conftest import ROOT

ITEM = [
    {
        "id": "Ivanov2019",
        "type": "book",
        "title": "Заглавие",
        "author": [{"family": "Иванов", "given": "И. И."}],
        "issued": {"date-parts": [[2019]]},
    }
]


def test_stdin_dash_and_stdout_is_only_data(run_cli, validate_csl):
    code, out, err = run_cli("export", "-", "--from", "csl-json", "--to", "csl-json", input=json.dumps(ITEM))
    assert code == 0, err
    data = json.loads(out)
    validate_csl(data)
    assert data[0]["title"] == "Заглавие"
    assert "\\u" not in out  # UTF-8, never escaped


def test_missing_file_is_one_line_exit_2(run_cli, tmp_path):
    code, out, err = run_cli("export", str(tmp_path / "nope.bib"))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "no such file" in err


def test_binary_file_is_refused(run_cli, tmp_path):
    path = tmp_path / "x.bib"
    path.write_bytes(b"\x00\x01\x02binary\x00" * 10)
    code, out, err = run_cli("show", str(path))
    assert code == 2 and "binary" in err and out == ""


def test_undecodable_bytes_are_refused(run_cli, tmp_path):
    path = tmp_path / "x.json"
    path.write_bytes(b"[\xff\xfe\xfa\x81\x82\x83]")
    code, _, err = run_cli("show", str(path), "--encoding", "utf-8")
    assert code == 2 and "utf-8" in err


def test_directory_is_refused(run_cli, tmp_path):
    code, _, err = run_cli("show", str(tmp_path))
    assert code == 2 and "directory" in err


def test_unknown_format_names_the_known_ones(run_cli):
    code, _, err = run_cli("export", "-", "--from", "nope", input="[]")
    assert code == 2 and "csl-json" in err


def test_usage_error_is_exit_2(run_cli):
    code, out, err = run_cli("export", "--no-such-option")
    assert code == 2 and out == ""
    assert "No such option: --no-such-option" in err and "internal error" not in err


@pytest.mark.parametrize(
    "command", ["show", "export", "formats", "styles", "validate", "rules", "dedupe", "rekey", "parse"]
)
def test_every_command_has_help_with_an_example(run_cli, command):
    code, out, _ = run_cli(command, "--help")
    assert code == 0
    assert "Example" in out


def test_output_file_is_written_atomically_and_input_untouched(run_cli, tmp_path):
    src = tmp_path / "in.json"
    src.write_text(json.dumps(ITEM), encoding="utf-8")
    before = src.read_bytes()
    target = tmp_path / "out.json"
    code, out, _ = run_cli("export", str(src), "-o", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))[0]["id"] == "Ivanov2019"
    assert src.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def _subprocess(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "refman", *args], cwd=ROOT, env=env, capture_output=True, **kwargs
    )


@pytest.mark.parametrize("output", [[], ["-o", "/dev/stdout"]])
def test_closed_pipe_ends_quietly(tmp_path, output):
    items = [{**ITEM[0], "id": f"k{i}"} for i in range(3000)]
    src = tmp_path / "many.json"
    src.write_text(json.dumps(items), encoding="utf-8")
    # stdout buffered, as users have it (PYTHONUNBUFFERED, set in some CI shells, hid a bug:
    # click turned the EPIPE into exit status 1)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    proc = subprocess.Popen([sys.executable, "-m", "refman", "export", str(src), *output], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)  # fmt: skip
    first = proc.stdout.readline()
    proc.stdout.close()
    proc.wait(timeout=60)
    err = proc.stderr.read()
    proc.stderr.close()
    assert first.strip() == b"["
    assert err == b"", err
    assert proc.returncode == 0


def test_no_escape_codes_when_piped():
    proc = _subprocess(["show", "-", "--from", "csl-json"], input=json.dumps(ITEM).encode())
    assert proc.returncode == 0
    assert b"\x1b[" not in proc.stdout and b"\x1b[" not in proc.stderr


def test_show_piped_is_one_line_per_reference(run_cli):
    from .conftest import SEED

    code, out, err = run_cli("show", str(SEED))
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 24
    number, key, kind, author, title, outlet, issued, accessed = lines[6].split("\t")
    assert (number, key, kind, author) == ("7", "zainullin2021russian", "webpage", "Zainullin E.")
    assert (title, outlet, issued, accessed) == (
        "Russian coal will follow the path of Juche",
        "Kommersant",
        "2021-06-28",
        "2022-08-25",
    )
    assert lines[0].split("\t")[6] == "2019-02-01?"  # ambiguous, read month/day from the list's evidence


def test_show_json_has_the_article_and_no_invented_author(run_cli, validate_csl):
    from .conftest import SEED

    code, out, _ = run_cli("show", str(SEED), "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["article"]["title"].startswith("Current State And Future Prospects")
    assert data["article"]["author_known"] is False and "author" not in data["article"]
    validate_csl(data["references"])
    assert len(data["references"]) == 24


def test_with_article_puts_the_article_first(run_cli, validate_csl):
    from .conftest import SEED

    code, out, _ = run_cli("export", str(SEED), "--with-article")
    items = json.loads(out)
    validate_csl(items)
    assert code == 0 and len(items) == 25
    assert items[0]["type"] == "article-journal" and "author" not in items[0]
    assert items[0]["container-title"].startswith("Vostok")


def test_input_over_the_size_limit_is_one_line(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("REFMAN_MAX_INPUT_MB", "0.01")  # 10 KiB, so the test stays small
    path = tmp_path / "big.json"
    path.write_text(json.dumps([{**ITEM[0], "id": f"k{i}"} for i in range(200)]), encoding="utf-8")
    code, out, err = run_cli("show", str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "input limit" in err and "REFMAN_MAX_INPUT_MB" in err
    code, _, err = run_cli("show", "-", input=path.read_text(encoding="utf-8"))
    assert code == 2 and "input limit" in err
