"""`refman rekey`: files rewritten in place and atomically, every other byte kept (encoding,
BOM, line ends, mode), a dry run that is a patch, --check for CI, and one line for a bad map."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from .conftest import DATA, need_client

MANUSCRIPTS = DATA / "manuscripts"
KEYS = str(MANUSCRIPTS / "keys.tsv")


def _copy(tmp_path: Path, name: str, target: str | None = None) -> Path:
    path = tmp_path / (target or name)
    path.write_bytes((MANUSCRIPTS / name).read_bytes())
    return path


def _key_map(tmp_path: Path, text: str) -> str:
    path = tmp_path / "keys.tsv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_rewrites_files_in_place_keeping_their_mode(run_cli, tmp_path):
    tex, md = _copy(tmp_path, "article.tex"), _copy(tmp_path, "article.md")
    tex.chmod(0o640)
    code, out, err = run_cli("rekey", "--key-map", KEYS, "--command", "mycite", str(tex), str(md))
    assert (code, out) == (0, "")
    assert err == (
        f"refman: {tex}: 56 citations changed (65 keys)\nrefman: {md}: 18 citations changed (19 keys)\n"
    )
    assert tex.read_bytes() == (MANUSCRIPTS / "article.rekeyed.tex").read_bytes()
    assert md.read_bytes() == (MANUSCRIPTS / "article.rekeyed.md").read_bytes()
    assert stat.S_IMODE(tex.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.md", "article.tex"]


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [
        ("utf-8", b"\xef\xbb\xbf", "\r\n"),
        ("utf-8", b"", "\r\n"),
        ("cp1251", b"", "\n"),
        ("utf-16-le", b"\xff\xfe", "\n"),
    ],
)
def test_encoding_bom_and_line_ends_are_kept(run_cli, tmp_path, encoding, bom, newline):
    def encoded(name: str) -> bytes:
        text = (MANUSCRIPTS / name).read_bytes().decode("utf-8")
        return bom + text.replace("\n", newline).encode(encoding)

    path = tmp_path / "article.md"
    path.write_bytes(encoded("article.md"))
    code, _, err = run_cli("rekey", "-k", KEYS, str(path))
    assert code == 0, err
    assert path.read_bytes() == encoded("article.rekeyed.md")


def test_dry_run_prints_a_patch_and_writes_nothing(run_cli, tmp_path):
    path = tmp_path / "glava.tex"
    path.write_text(
        "Текст \\cite{ivanov2019}.\nКонец.\n% \\cite{ivanov2019}\n\\cite{petrov2020}", encoding="utf-8"
    )
    before = path.read_bytes()
    code, out, err = run_cli("rekey", "-k", KEYS, "--dry-run", str(path))
    assert code == 0
    assert out == (
        f"--- a/{path}\n+++ b/{path}\n@@ -1,4 +1,4 @@\n"
        "-Текст \\cite{ivanov2019}.\n+Текст \\cite{ivanov2019zaglavie}.\n Конец.\n % \\cite{ivanov2019}\n"
        "-\\cite{petrov2020}\n\\ No newline at end of file\n+\\cite{petrov2020a}\n\\ No newline at end of file\n"
    )
    assert err == f"refman: {path}: 2 citations would change (2 keys)\n"
    assert path.read_bytes() == before
    patch = subprocess.run([need_client("patch"), "-p1", "--dry-run", "-s"], input=out.replace(f"/{path}", f"/{path.name}"),
                           cwd=tmp_path, capture_output=True, text=True)  # fmt: skip
    assert patch.returncode == 0, patch.stderr


def test_check_exits_1_when_anything_would_change(run_cli, tmp_path):
    changing, clean = _copy(tmp_path, "article.md"), _copy(tmp_path, "article.rekeyed.md")
    before = changing.read_bytes()
    code, out, err = run_cli("rekey", "-k", KEYS, "--check", str(changing), str(clean))
    assert (code, out) == (1, "")
    assert err == (
        f"refman: {changing}: 18 citations would change (19 keys)\nrefman: {clean}: 0 citations would change (0 keys)\n"
    )
    assert changing.read_bytes() == before
    assert run_cli("rekey", "-k", KEYS, "--check", str(clean))[0] == 0


def test_standard_input_to_standard_output(run_cli):
    code, out, err = run_cli(
        "rekey", "-k", KEYS, "--from", "markdown", "-", input="См. [@ivanov2019] и `@ivanov2019`.\n"
    )
    assert (code, out, err) == (
        0,
        "См. [@ivanov2019zaglavie] и `@ivanov2019`.\n",
        "refman: -: 1 citation changed (1 key)\n",
    )
    code, out, _ = run_cli("rekey", "-k", KEYS, "--from", "latex", "-", input="без цитат\n")
    assert (code, out) == (0, "без цитат\n")


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ("old\tnew\nivanov2019 petrov2020\n", "keys.tsv:2: expected old<TAB>new, found no tab"),
        ("a\tb\tc\n", "keys.tsv:1: expected old<TAB>new, found 3 fields"),
        ("a\tb\n# комментарий\na\tc\n", "keys.tsv:3: 'a' is mapped to 'c' here and to 'b' on line 1"),
        ("a\tb\nb\tc\nc\ta\n", "key map has a cycle: a → b → c → a; rename in two steps"),
        ("a\t\n", "keys.tsv:1: an empty key"),
        ("a \tb\n", "keys.tsv:1: the key 'a ' has white space in it"),
        ("*\tb\n", "keys.tsv:1: '*' cites every entry; it is not a key to rename"),
    ],
)
def test_a_bad_key_map_is_one_line_and_exit_2(run_cli, tmp_path, lines, message):
    path = _copy(tmp_path, "article.tex")
    keys = _key_map(tmp_path, lines)
    code, out, err = run_cli("rekey", "-k", keys, str(path))
    assert (code, out, err) == (2, "", f"refman: {message.replace('keys.tsv', keys)}\n")
    assert path.read_bytes() == (MANUSCRIPTS / "article.tex").read_bytes()


def test_a_chain_is_resolved_and_reported(run_cli, tmp_path):
    path = tmp_path / "a.md"
    path.write_text("[@a; @b] @c\n", encoding="utf-8")
    # two merges, one after the other: their maps concatenated (one written on Windows)
    keys = _key_map(tmp_path, "old\tnew\na\tb\nb\tb\n\nold\tnew\r\nb\tc\r\nc\tc\r\n")
    code, _, err = run_cli("rekey", "-k", keys, str(path))
    assert code == 0
    assert (
        err
        == f"refman: warning: {keys}: chain a → b → c: a becomes c\nrefman: {path}: 1 citation changed (2 keys)\n"
    )
    assert path.read_text(encoding="utf-8") == "[@c; @c] @c\n"


def test_nothing_is_written_unless_every_file_can_be(run_cli, tmp_path):
    good = _copy(tmp_path, "article.md")
    bad = tmp_path / "b.tex"
    bad.write_text("\\cite{a}", encoding="utf-8")
    keys = _key_map(tmp_path, "ivanov2019\tx\na\tb,c\n")
    code, _, err = run_cli("rekey", "-k", keys, str(good), str(bad))
    assert code == 2
    assert err == f"refman: {bad}: the key 'b,c' cannot be written in a LaTeX citation (for 'a')\n"
    assert good.read_bytes() == (MANUSCRIPTS / "article.md").read_bytes()
    code, _, err = run_cli("rekey", "-k", keys, str(good), str(tmp_path / "nope.md"))
    assert (code, err) == (2, f"refman: {tmp_path / 'nope.md'}: no such file\n")
    assert good.read_bytes() == (MANUSCRIPTS / "article.md").read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["paper.txt"],
            "paper.txt: the extension does not say LaTeX or Markdown; name it with --from latex|markdown",
        ),
        (["-"], "standard input does not say LaTeX or Markdown; name it with --from latex|markdown"),
        (["--from", "rst", "a.md"], "unknown manuscript syntax 'rst' (choose latex or markdown)"),
        (["-", "-", "--from", "latex"], "standard input (-) can be read only once"),
    ],
)
def test_usage_errors(run_cli, args, message):
    assert run_cli("rekey", "-k", KEYS, *args) == (2, "", f"refman: {message}\n")


def test_binary_input_and_a_key_map_from_standard_input(run_cli, tmp_path):
    path = tmp_path / "figure.tex"
    path.write_bytes(b"%PDF-1.5\x00\x01\x02")
    assert run_cli("rekey", "-k", KEYS, str(path)) == (
        2,
        "",
        f"refman: {path}: binary data (NUL bytes), not a text file\n",
    )
    assert run_cli("rekey", "-k", "-", "-", "--from", "latex", input="a\tb\n")[0] == 2
    tex = tmp_path / "a.tex"
    tex.write_text("\\cite{a}", encoding="utf-8")
    assert run_cli("rekey", "-k", "-", str(tex), input="a\tb\n")[0] == 0
    assert tex.read_text(encoding="utf-8") == "\\cite{b}"


def test_one_file_named_twice_is_rewritten_once(run_cli, tmp_path):
    path = tmp_path / "a.md"
    path.write_text("[@a] [@b]\n", encoding="utf-8")
    os.symlink(path, tmp_path / "link.md")
    keys = _key_map(tmp_path, "a\tb\n")
    code, _, err = run_cli("rekey", "-k", keys, str(path), str(tmp_path / "link.md"), str(path))
    assert (code, err) == (0, f"refman: {path}: 1 citation changed (1 key)\n")
    assert path.read_text(encoding="utf-8") == "[@b] [@b]\n"


def test_a_symbolic_link_stays_a_link(run_cli, tmp_path):
    target = tmp_path / "real.tex"
    target.write_text("\\cite{a}\n", encoding="utf-8")
    link = tmp_path / "link.tex"
    os.symlink(target.name, link)
    keys = _key_map(tmp_path, "a\tb\n")
    assert run_cli("rekey", "-k", keys, str(link))[0] == 0
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "\\cite{b}\n"


def test_keys_left_in_unknown_commands_are_reported(run_cli, tmp_path):
    path = tmp_path / "apa.tex"
    path.write_text("\\citeA{a}\n\\citeA*[p.~5]{b} \\cite{a} \\citeNP{c}\n", encoding="utf-8")
    keys = _key_map(tmp_path, "a\tx\nb\ty\n")
    code, _, err = run_cli("rekey", "-k", keys, str(path))
    assert code == 0
    assert err == (
        f"refman: {path}: 1 citation changed (1 key)\n"
        f"refman: warning: {path}:1: 2 mapped keys (a, b) left in \\citeA, which refman does not know as a "
        "citation; --command citeA renames them\n"
    )
    code, _, err = run_cli("rekey", "-k", keys, "--command", "citeA", str(path))
    assert (code, err) == (0, f"refman: {path}: 2 citations changed (2 keys)\n")
    assert path.read_text(encoding="utf-8") == "\\citeA{x}\n\\citeA*[p.~5]{y} \\cite{x} \\citeNP{c}\n"
