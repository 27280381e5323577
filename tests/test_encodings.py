"""Encodings: BOMs, UTF-16 without BOM, cp1251 vs KOI8-R on real Russian bibliographic text,
CRLF, --encoding, and clear errors for binary or undecodable input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from refman.errors import InputError
from refman.io import decode, detect_encoding

DATA = Path(__file__).parent / "data" / "encodings"
LINES = (DATA / "ru-refs.txt").read_text(encoding="utf-8").splitlines()
TEXT = "\n".join(LINES) + "\n"


def _fit(text: str, encoding: str) -> str:
    """KOI8-R has no en dash or numero sign: files in it use "-" and "N" instead."""
    return text.replace("–", "-").replace("№", "N") if encoding == "koi8_r" else text


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251", "koi8_r", "utf-16-le", "utf-16-be"])
def test_whole_file_in_each_encoding(encoding):
    text = _fit(TEXT, encoding)
    assert decode("refs.txt", text.encode(encoding)).text == text


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
@pytest.mark.parametrize("line", LINES, ids=[f"line{i}" for i in range(1, len(LINES) + 1)])
def test_each_short_line_alone(line, encoding):
    """Even one reference, or a name like "Иванов И. И.", is told apart."""
    line = _fit(line, encoding)
    assert decode("one.txt", line.encode(encoding)).text == line


@pytest.mark.parametrize(
    ("prefix", "encoding"),
    [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")],
)
def test_byte_order_marks_are_used_and_dropped(prefix, encoding):
    assert decode("bom.txt", prefix + TEXT.encode(encoding)).text == TEXT


def test_latin_text_in_windows_1252_is_not_read_as_cyrillic():
    line = "Müller, Jürgen; Böll, Heinrich. Études françaises. Zürich, 1998."
    assert decode("de.bib", line.encode("cp1252")).text == line


def test_crlf_and_cr_become_lf():
    assert decode("x", b"a\r\nb\rc\n").text == "a\nb\nc\n"


def test_named_encoding_wins_and_errors_are_clear():
    data = "Иванов".encode("koi8_r")
    assert decode("x", data, "koi8-r").text == "Иванов"
    with pytest.raises(InputError, match="unknown encoding"):
        decode("x", data, "no-such-codec")
    with pytest.raises(InputError, match="not valid utf-8 at byte 0; try --encoding"):
        decode("x", data, "utf-8")


def test_binary_and_nul_bytes_are_refused():
    with pytest.raises(InputError, match="binary data"):
        decode("x.pdf", b"%PDF-1.4\x00\x01\x02\xff" * 100)
    with pytest.raises(InputError, match="NUL"):
        decode("x.ris", b"TY  - JOUR\nTI  - a\x00b\nER  - \n", "utf-8")
    assert detect_encoding(bytes(range(256)) * 10) is None


def test_ascii_is_utf8():
    assert detect_encoding(b"TY  - JOUR\n") == "utf-8"


@pytest.mark.parametrize("name", ["torkunov-cp1251.ris", "torkunov-koi8r.ris", "torkunov-utf16le-nobom.ris"])
def test_cli_reads_files_in_other_encodings(run_cli, name):
    status, out, err = run_cli("export", str(DATA / name), "--to", "csl-json")
    assert status == 0, err
    item = json.loads(out)[0]
    assert item["author"][0]["family"] == "Торкунов"
    assert item["title"] == "Корейский полуостров: метаморфозы послевоенной истории"
