"""Files and streams at the edges: the input limit counts bytes read (devices, FIFOs, stdin,
/proc), and `-o` writes through symlinks, into devices and FIFOs in place, and refuses a
directory or a missing one with one line."""

from __future__ import annotations

import json
import os
import resource
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from .conftest import ROOT

ITEM = [{"id": "Ivanov2019", "type": "book", "title": "Заглавие", "issued": {"date-parts": [[2019]]}}]
LIMIT_LINE = "input limit (stopped reading there); split the input or raise REFMAN_MAX_INPUT_MB\n"


def _limited(limit_mb: str, args: list[str], stdin: object) -> subprocess.CompletedProcess:
    """refman in a child with 1 GiB of address space and a timeout: a regression that reads
    an endless stream fails this test instead of filling the machine's memory."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    env = {**os.environ, "REFMAN_MAX_INPUT_MB": limit_mb, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "refman", *args], cwd=ROOT, env=env, stdin=stdin,
                          capture_output=True, timeout=60, preexec_fn=cap)  # fmt: skip


@pytest.mark.parametrize("name", ["/dev/zero", "/dev/stdin"])
def test_endless_streams_stop_at_the_limit(name):
    """`refman export /dev/zero` and `yes | refman export /dev/stdin` used to grow without end."""
    with open("/dev/zero", "rb") as endless:
        proc = _limited("1", ["export", name], stdin=endless)
    assert proc.returncode == 2 and proc.stdout == b""
    assert proc.stderr.decode() == f"refman: {name}: over the 1 MiB {LIMIT_LINE}"


def test_standard_input_stops_at_the_limit(run_cli, monkeypatch):
    monkeypatch.setenv("REFMAN_MAX_INPUT_MB", "0.01")
    code, out, err = run_cli("export", "-", input=b"y\n" * 100_000)
    assert (code, out) == (2, "")
    assert err == f"refman: - (standard input): over the 10485 bytes {LIMIT_LINE}"


def test_a_fifo_is_read_up_to_the_limit(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("REFMAN_MAX_INPUT_MB", "0.01")  # 10485 bytes
    fifo = tmp_path / "refs.ris"
    os.mkfifo(fifo)

    def feed() -> None:
        try:
            with open(fifo, "wb") as handle:
                for _ in range(100):  # 1.6 MB if nobody stopped reading
                    handle.write(b"TY  - BOOK\nTI  - A\nER  - \n" * 640)
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=feed)
    writer.start()
    code, out, err = run_cli("export", str(fifo))
    writer.join(timeout=30)
    assert not writer.is_alive()
    assert (code, out) == (2, "")
    assert err == f"refman: {fifo}: over the 10485 bytes {LIMIT_LINE}"


def test_proc_files_have_no_size_and_are_still_bounded(run_cli, monkeypatch):
    monkeypatch.setenv("REFMAN_MAX_INPUT_MB", "0.0001")  # 104 bytes; /proc/self/status has ~1.5 KB
    code, out, err = run_cli("export", "/proc/self/status")
    assert (code, out) == (2, "")
    assert err == f"refman: /proc/self/status: over the 104 bytes {LIMIT_LINE}"


@pytest.mark.parametrize("value", ["inf", "nan", "0", "-1", "lots"])
def test_a_bad_limit_is_one_line(run_cli, tmp_path, monkeypatch, value):
    monkeypatch.setenv("REFMAN_MAX_INPUT_MB", value)
    path = tmp_path / "a.json"
    path.write_text(json.dumps(ITEM), encoding="utf-8")
    code, out, err = run_cli("export", str(path))
    assert (code, out) == (2, "")
    assert err == f"refman: REFMAN_MAX_INPUT_MB={value!r} is not a positive number of megabytes\n"


@pytest.fixture
def src(tmp_path) -> Path:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(ITEM), encoding="utf-8")
    return path


def _expected(run_cli, src: Path) -> str:
    code, out, _ = run_cli("export", str(src))
    assert code == 0
    return out


def test_output_through_a_symlink_replaces_the_target_and_keeps_the_link(run_cli, src, tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to("real.json")
    code, out, err = run_cli("export", str(src), "-o", str(link))
    assert (code, out, err) == (0, "", "")
    assert link.is_symlink() and os.readlink(link) == "real.json"
    assert real.read_text(encoding="utf-8") == _expected(run_cli, src)
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json", "link.json", "real.json"]


def test_output_through_a_dangling_symlink_creates_its_target(run_cli, src, tmp_path):
    link = tmp_path / "link.json"
    link.symlink_to("made.json")
    assert run_cli("export", str(src), "-o", str(link))[0] == 0
    assert link.is_symlink()
    assert (tmp_path / "made.json").read_text(encoding="utf-8") == _expected(run_cli, src)


def test_output_to_a_fifo_is_written_in_place(run_cli, src, tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    code, out, err = run_cli("export", str(src), "-o", str(fifo))
    reader.join(timeout=30)
    assert (code, out, err) == (0, "", "")
    assert received == [_expected(run_cli, src).encode("utf-8")]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.fixture
def no_replace_under_dev(monkeypatch):
    """Fail, instead of replacing a device, if the code ever tries to rename over /dev."""
    real_replace, real_mkstemp = os.replace, tempfile.mkstemp

    def replace(src, dst, *args, **kwargs):
        assert not os.path.abspath(dst).startswith("/dev/"), f"would replace {dst}"
        return real_replace(src, dst, *args, **kwargs)

    def mkstemp(*args, **kwargs):
        assert not str(kwargs.get("dir", "")).startswith("/dev"), "would create a file in /dev"
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


def test_output_to_dev_null_leaves_the_device(run_cli, src, no_replace_under_dev):
    before = os.stat("/dev/null")
    assert stat.S_ISCHR(before.st_mode)
    assert run_cli("export", str(src), "-o", "/dev/null") == (0, "", "")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_a_full_device_is_one_line(run_cli, src, no_replace_under_dev):
    code, out, err = run_cli("export", str(src), "-o", "/dev/full")
    assert (code, out) == (2, "")
    assert err == "refman: /dev/full: cannot write (No space left on device)\n"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_output_to_a_directory_is_a_usage_error(run_cli, src, tmp_path):
    code, out, err = run_cli("export", str(src), "-o", str(tmp_path))
    assert (code, out) == (2, "")
    assert err == f"refman: {tmp_path}: is a directory, not a file to write to\n"


@pytest.mark.parametrize("command", [["export"], ["dedupe", "--merge"], ["validate", "--fix"]])
def test_output_into_a_missing_directory_is_one_line(run_cli, src, tmp_path, command):
    target = tmp_path / "no" / "out.json"
    code, out, err = run_cli(*command, str(src), "-o", str(target))
    assert (code, out) == (2, "")
    assert err.endswith(f"refman: {target}: cannot write: no directory '{tmp_path / 'no'}'\n")
    assert "internal error" not in err


def test_key_map_into_a_directory_is_one_line(run_cli, src, tmp_path):
    out_file = tmp_path / "merged.json"
    code, _, err = run_cli("dedupe", str(src), "--merge", "-o", str(out_file), "--key-map", str(tmp_path))
    assert code == 2
    assert err == f"refman: {tmp_path}: is a directory, not a file to write to\n"


@pytest.mark.parametrize(
    ("encoding", "line"),
    [
        ("no-such-codec", "unknown encoding 'no-such-codec' (try {known})"),
        ("base64", "unknown encoding 'base64' (try {known})"),  # a codec, but not of text
        ("undefined", "{src}: cannot be decoded as undefined; try another --encoding"),
        ("punycode", "{src}: cannot be decoded as punycode; try another --encoding"),
        ("utf-32", "{src}: not valid utf-32 at byte 0; try --encoding"),
    ],
)
def test_a_wrong_encoding_name_is_one_line(run_cli, src, encoding, line):
    code, out, err = run_cli("export", str(src), "--encoding", encoding)
    known = "utf-8, utf-16, cp1251, cp1252, koi8-r, cp866, iso-8859-5, mac-cyrillic"
    assert (code, out, err) == (2, "", "refman: " + line.format(src=src, known=known) + "\n")


def test_data_on_stdout_is_utf8_whatever_the_locale(src):
    """A Latin-1 locale cannot encode Cyrillic: data still goes out, in UTF-8 as in a file."""
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    proc = subprocess.run([sys.executable, "-m", "refman", "export", str(src), "--to", "bibtex"],
                          cwd=ROOT, env=env, capture_output=True, timeout=60)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode("utf-8") == "@book{Ivanov2019,\n  title = {Заглавие},\n  year = {2019}\n}\n"


BIB = "@book{ivanov2019, author = {Иванов, И. И.}, title = {Заглавие}, year = {2019}}\n"


def test_one_file_named_twice_is_read_once(run_cli, tmp_path, monkeypatch):
    """a.bib, ./a.bib, its absolute path and a link to it: one file, one record, one warning each."""
    monkeypatch.chdir(tmp_path)
    Path("a.bib").write_text(BIB, encoding="utf-8")
    Path("link.bib").symlink_to("a.bib")
    code, out, err = run_cli("export", "a.bib", "./a.bib", str(tmp_path / "a.bib"), "link.bib", "a.bib")
    assert code == 0
    assert [item["id"] for item in json.loads(out)] == ["ivanov2019"]
    assert err == (
        "refman: warning: ./a.bib: RM008 the same file as a.bib; read once\n"
        f"refman: warning: {tmp_path / 'a.bib'}: RM008 the same file as a.bib; read once\n"
        "refman: warning: link.bib: RM008 the same file as a.bib; read once\n"
        "refman: warning: a.bib: RM008 named twice; read once\n"
    )


def test_two_files_with_the_same_content_are_both_read(run_cli, tmp_path):
    """Sameness is the file's identity, not its content (dedupe is for that)."""
    (tmp_path / "a.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "b.bib").write_text(BIB, encoding="utf-8")
    code, out, err = run_cli("export", str(tmp_path / "a.bib"), str(tmp_path / "b.bib"))
    assert (code, err) == (0, "")
    assert [item["id"] for item in json.loads(out)] == ["ivanov2019", "ivanov2019"]


def test_standard_input_named_twice_is_a_usage_error(run_cli):
    code, out, err = run_cli("export", "-", "-", input=BIB)
    assert (code, out) == (2, "")
    assert err == "refman: - (standard input) is named twice; it can be read only once\n"


def test_standard_input_and_dev_stdin_are_one_stream(tmp_path):
    path = tmp_path / "a.bib"
    path.write_text(BIB, encoding="utf-8")
    with open(path, "rb") as stdin:
        proc = subprocess.run([sys.executable, "-m", "refman", "export", "-", "/dev/stdin", str(path)],
                              cwd=ROOT, stdin=stdin, capture_output=True, timeout=60)  # fmt: skip
    assert proc.returncode == 0
    assert [item["id"] for item in json.loads(proc.stdout)] == ["ivanov2019"]
    assert proc.stderr.decode() == (
        "refman: warning: /dev/stdin: RM008 the same file as -; read once\n"
        f"refman: warning: {path}: RM008 the same file as -; read once\n"
    )
