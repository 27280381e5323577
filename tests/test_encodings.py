"""Encodings: BOMs, UTF-16 without BOM, the single-byte Cyrillic code pages (cp1251, KOI8-R,
cp866, ISO-8859-5, Mac Cyrillic) and cp1252 on real bibliographic text, refusal instead of a
guess when a few letters read as words in two code pages, CRLF, --encoding, and clear errors
for binary or undecodable input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from refman.charsets import detect_encoding
from refman.errors import InputError
from refman.io import decode

DATA = Path(__file__).parent / "data" / "encodings"
LINES = (DATA / "ru-refs.txt").read_text(encoding="utf-8").splitlines()
TEXT = "\n".join(LINES) + "\n"


CYRILLIC_PAGES = ["cp1251", "koi8-r", "cp866", "iso-8859-5", "mac-cyrillic"]
#: What files in a code page without these signs use instead (KOI8-R has no en dash or
#: numero sign, cp866 no en dash, ISO-8859-5 neither dash).
_PLAIN_SIGNS = {"–": "-", "—": "-", "№": "N", "«": '"', "»": '"'}


def _fit(text: str, encoding: str) -> str:
    return "".join(ch if _encodable(ch, encoding) else _PLAIN_SIGNS[ch] for ch in text)


def _encodable(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@pytest.mark.parametrize("encoding", ["utf-8", *CYRILLIC_PAGES, "utf-16-le", "utf-16-be"])
def test_whole_file_in_each_encoding(encoding):
    text = _fit(TEXT, encoding)
    found = decode("refs.txt", text.encode(encoding))
    assert found.text == text
    assert found.encoding == encoding


@pytest.mark.parametrize("encoding", CYRILLIC_PAGES)
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


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("МГУ", "cp1251"),  # read as KOI8-R it was "лцс"
        ("РАН", "cp1251"),
        ("ГОСТ", "cp1251"),
        ("ГОСТ", "koi8-r"),
        ("Иванов", "koi8-r"),  # KOI8-R read as cp1251 swaps the case: "иБЮМНБ"
        ("наука", "koi8-r"),
        ("СПб.", "cp1251"),
        ("Москва", "cp866"),
        ("Москва", "iso-8859-5"),
        ("разума", "cp866"),  # also valid UTF-8 (Samaritan and CJK), which it is not
        ("Müller", "cp1252"),
    ],
)
def test_a_word_is_read_right_when_the_evidence_is_clear(text, encoding):
    assert decode("x.txt", text.encode(encoding)).text == text


@pytest.mark.parametrize(
    ("text", "encoding", "rivals"),
    [
        ("СССР", "koi8-r", ("koi8-r", "cp1251")),  # read as cp1251 it was "ууут"
        ("СССР", "cp1251", ("cp1251", "mac-cyrillic")),  # "———–" in Mac Cyrillic
        ("МГУ", "koi8-r", ("koi8-r", "cp1251")),  # "нЗУ" is as poor a word as "МГУ" is short
        ("М.", "cp1251", ("cp1251", "koi8-r")),  # "л." in KOI8-R
        ("Москва", "mac-cyrillic", ("mac-cyrillic", "cp1251")),  # "Ќосква": one letter differs
    ],
)
def test_a_few_letters_that_read_as_words_twice_are_refused(text, encoding, rivals):
    first, second = rivals
    with pytest.raises(InputError) as caught:
        decode("x.txt", text.encode(encoding))
    assert caught.value.message == (
        f"x.txt: cannot tell the text encoding: {first} or {second}? (too few letters to be sure); "
        f"name it with --encoding {first}, or --encoding {second}"
    )
    assert decode("x.txt", text.encode(encoding), first if first == encoding else second).text == text


@pytest.mark.parametrize("line", (DATA / "uk-be-refs.txt").read_text(encoding="utf-8").splitlines())
def test_ukrainian_and_belarusian_in_cp1251(line):
    assert decode("uk.txt", line.encode("cp1251")).text == line


@pytest.mark.parametrize("line", (DATA / "latin-refs.txt").read_text(encoding="utf-8").splitlines())
def test_western_lines_in_cp1252(line):
    assert decode("latin.txt", line.encode("cp1252")).text == line


def test_the_evidence_is_looked_for_past_the_first_kilobytes():
    """A big file whose only Russian entry comes last is still read in that entry's code page."""
    entry = "@book{ivanov, author = {Иванов, И. И.}, title = {Заглавие}, address = {М.}, year = 2019}\n"
    data = b"@misc{x, title = {Plain English}}\n" * 3000 + entry.encode("koi8-r")
    assert len(data) > 100_000
    assert detect_encoding(data) == "koi8-r"


@pytest.mark.parametrize(
    "text", ["北京: 北京大学出版社, 2005.", "東京: 岩波書店, 1990. 320 頁", "नई दिल्ली, 2001"]
)
def test_utf8_in_other_scripts_stays_utf8(text):
    assert detect_encoding(text.encode("utf-8")) == "utf-8"


def test_cli_refuses_a_guess_and_takes_encoding(run_cli, tmp_path):
    path = tmp_path / "sssr.txt"
    path.write_bytes("СССР".encode("koi8-r"))
    code, out, err = run_cli("export", str(path), "--from", "reflist")
    assert (code, out) == (2, "")
    assert err == (
        f"refman: {path}: cannot tell the text encoding: koi8-r or cp1251? (too few letters to be "
        "sure); name it with --encoding koi8-r, or --encoding cp1251\n"
    )
    code, out, _ = run_cli("export", str(path), "--from", "reflist", "--encoding", "koi8-r")
    assert code == 0 and json.loads(out)[0]["title"] == "СССР"


@pytest.mark.parametrize("encoding", ["cp866", "iso-8859-5", "mac-cyrillic", "koi8-r", "windows-1251"])
def test_cli_takes_every_cyrillic_code_page_by_name(run_cli, tmp_path, encoding):
    path = tmp_path / "refs.ris"
    text = "TY  - BOOK\nAU  - Ёлкин, П. С.\nTI  - Щи да каша\nPY  - 2001\nER  - \n"
    path.write_bytes(text.encode(encoding))
    code, out, err = run_cli("export", str(path), "--encoding", encoding)
    assert code == 0, err
    item = json.loads(out)[0]
    assert (item["author"][0]["family"], item["title"]) == ("Ёлкин", "Щи да каша")
