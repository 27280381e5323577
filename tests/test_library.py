"""The library commands, each test run on SQLite and on a real PostgreSQL server (see
``pg_server.py``): add with dedupe, keys, byte-for-byte export, search, filters, tags, notes,
rm, undo, log, edit, and --library on export, validate, dedupe and show."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from .conftest import DATA, SEED

MIXED = DATA / "bibtex" / "mixed.bib"
LIB = DATA / "library"
MIXED_KEYS = ["ivanov2019", "mueller2020", "chapter:parent", "chapter:child", "tass2021", "decree484",
              "kim1999", "range2020"]  # fmt: skip


@pytest.fixture
def cli(run_cli, library):
    """Run a library command on this test's library (``--library`` given explicitly)."""

    def run(command: str, *args: str, input: str | None = None) -> tuple[int, str, str]:
        return run_cli(command, "--library", library, *args, input=input)

    return run


def keys(cli, *args: str) -> list[str]:
    code, out, err = cli("list", "--format", "keys", *args)
    assert code == 0, err
    return out.split()


def test_add_prints_keys_and_exports_the_source_byte_for_byte(cli):
    code, out, err = cli("add", str(MIXED))
    assert (code, out.split()) == (0, MIXED_KEYS), err
    assert err.endswith("added 8, merged 0, skipped 0 (" + err.rsplit("(", 1)[1])
    code, out, _ = cli("export", "--to", "biblatex")
    assert (code, out) == (0, MIXED.read_text(encoding="utf-8"))  # its own dialect: the file as it was


def test_export_from_the_library_equals_export_from_the_file(cli, run_cli):
    cli("add", str(MIXED))
    for target in ("bibtex", "csl-json", "ris"):
        _, from_library, _ = cli("export", "--to", target)
        _, from_file, _ = run_cli("export", str(MIXED), "--to", target)
        assert from_library == from_file, target


def test_a_duplicate_is_reported_with_evidence_and_skipped(cli):
    cli("add", str(MIXED))
    code, out, err = cli("add", str(MIXED))
    assert (code, out) == (1, "")
    assert (
        "refman: ivanov2019 not added: a likely duplicate of ivanov2019 (score 1.00; title: title similarity 1.00"
        in err
    )
    assert "DOI equal (10.1000/xyz_123)" in err
    assert err.rstrip().endswith("added 0, merged 0, skipped 8 (" + err.rstrip().rsplit("(", 1)[1])
    code, out, _ = cli("log", "--format", "json")
    assert [c["command"] for c in json.loads(out)] == ["add"]  # a command that changed nothing logs nothing


def test_merge_adds_what_the_new_record_knows_and_keeps_the_library_key(cli):
    cli("add", str(MIXED))
    code, out, err = cli("add", str(LIB / "ivanov-variant.json"), "--merge")
    assert (code, out) == (0, "")
    assert "refman: ivanov2019sanctions merged into ivanov2019 (score 1.00;" in err
    code, out, _ = cli("export", "--to", "csl-json", "--where", "key:ivanov2019")
    (item,) = json.loads(out)
    assert item["abstract"] == "Как санкции Совета Безопасности меняют торговлю России с КНДР."
    assert item["title"] == "Санкции против КНДР и экономика России"
    assert keys(cli) == MIXED_KEYS


def test_force_adds_a_duplicate_under_a_free_key(cli):
    cli("add", str(MIXED))
    code, out, err = cli("add", str(LIB / "ivanov-variant.json"), "--force")
    assert (code, out) == (0, "ivanov2019sanctions\n")
    code, _, err = cli("add", str(LIB / "ivanov-variant.json"), "--force")
    assert (
        "key 'ivanov2019sanctions' is taken in the library (ignoring case); added as 'ivanov2019sanctionsa'"
        in err
    )


def test_keys_are_unique_ignoring_case(cli):
    cli("add", str(MIXED))
    code, out, err = cli("add", str(LIB / "clash.json"))
    assert (code, out) == (0, "IVANOV2019a\nvishnevetskii2020\n")
    assert (
        "refman: warning: key 'IVANOV2019' is taken in the library (ignoring case); added as 'IVANOV2019a'"
        in err
    )


def test_search_is_insensitive_to_script_spelling_and_case(cli):
    cli("add", str(SEED), str(LIB / "clash.json"))
    for query in ("Вишневецкий", "vishnevetsky", "VIŠNEVECKIJ"):
        code, out, _ = cli("search", query, "--format", "keys")
        assert out.split() == ["vishnevetskii2020", "statement2022igor", "statement2022deputy"], query
    code, out, _ = cli("search", "author:vishnevetskii", "--format", "keys")
    assert out.split() == ["vishnevetskii2020"]  # the speeches name him in the title only
    code, out, _ = cli("search", "nonexistentword", "--format", "keys")
    assert (code, out) == (1, "")


def test_search_fields_and_years(cli):
    cli("add", str(MIXED), str(LIB / "clash.json"))
    code, out, _ = cli("search", "author:ivanov title:санкции year:2015..", "--format", "keys")
    assert out.split() == ["ivanov2019"]
    code, out, _ = cli("search", "author:ivanov year:..2018", "--format", "keys")
    assert (code, out) == (1, "")
    code, out, _ = cli("search", "ivan", "--format", "keys")
    assert out.split() == ["ivanov2019", "IVANOV2019a"]  # a word matches as a prefix
    code, _, err = cli("search", "year:20x")
    assert (code, err) == (2, "refman: year '20x': write 2020, 2015..2023, 2020.. or ..1999\n")


def test_list_filters_and_formats(cli):
    cli("add", str(MIXED), str(LIB / "clash.json"))
    assert keys(cli, "--year", "2019..2020") == ["ivanov2019", "mueller2020", "range2020", "IVANOV2019a",
                                                 "vishnevetskii2020"]  # fmt: skip
    assert keys(cli, "--type", "book") == ["chapter:parent", "IVANOV2019a"]
    assert keys(cli, "--lang", "en") == ["vishnevetskii2020"]
    code, out, _ = cli("list", "type:thesis")
    assert out == "kim1999\t1999\tthesis\tKim Yu.\tKorean studies in Russia\t\n"
    code, out, _ = cli("list", "--format", "json", "key:kim1999")
    (item,) = json.loads(out)
    assert (item["key"], item["year"], item["tags"], item["csl"]["title"]) == (
        "kim1999",
        1999,
        [],
        "Korean studies in Russia",
    )
    code, out, _ = cli("list", "key:kim1999", "--format", "bibtex")
    assert code == 0
    assert "@phdthesis{kim1999,\n  author = {Kim, Yu.},\n" in out


def test_tag_note_rm_undo_log(cli):
    cli("add", str(MIXED))
    assert cli("tag", "KIM1999", "+thesis", "+ch2") == (0, "ch2 thesis\n", "")
    assert cli("tag", "kim1999", "-ch2") == (0, "thesis\n", "")
    assert keys(cli, "--tag", "thesis") == ["kim1999"]
    assert cli("note", "kim1999", "read chapter 2")[0:2] == (0, "read chapter 2\n")
    code, out, _ = cli("search", "tag:thesis chapter", "--format", "keys")
    assert out == "kim1999\n"  # notes and tags are searched
    assert cli("rm", "kim1999", "decree484")[0] == 0
    assert "kim1999" not in keys(cli)
    code, _, err = cli("undo")
    assert (code, err) == (0, "refman: undo #5: removed 2 from " + err.split(" from ", 1)[1])
    assert keys(cli) == MIXED_KEYS
    assert keys(cli, "--tag", "thesis") == ["kim1999"]  # tags and notes came back with it
    code, out, _ = cli("log")
    lines = [line.split("\t") for line in out.splitlines()]
    assert [(n, command) for n, _, command, *_ in lines] == [
        ("#6", "undo"), ("#5", "rm"), ("#4", "note"), ("#3", "tag"), ("#2", "tag"), ("#1", "add")
    ]  # fmt: skip
    assert lines[1][3].endswith("(undone by #6)")
    for _ in range(4):
        assert cli("undo")[0] == 0  # note, tag, tag, add
    assert keys(cli) == []
    assert cli("undo")[0:2] == (2, "")
    code, _, err = cli("rm", "nokey")
    assert code == 2 and err.startswith("refman: no record with the key nokey in ")


def test_edit_saves_a_valid_edit_and_keeps_text_that_does_not_read(cli, tmp_path, monkeypatch):
    cli("add", str(MIXED))
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys\np = sys.argv[1]\ns = open(p, encoding='utf-8').read()\n"
        "s = s.replace('Korean studies', 'Korean and Japanese studies') if 'BREAK' not in __import__('os').environ "
        "else s.replace('}', '', 1)\nopen(p, 'w', encoding='utf-8').write(s)\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    code, _, err = cli("edit", "kim1999")
    assert code == 0
    assert err.endswith(":1: RM104 a thesis without its place of publication\nrefman: saved kim1999\n")
    code, out, _ = cli("export", "--to", "biblatex", "--where", "key:kim1999")
    assert "title  = {Korean and Japanese studies in {R}ussia}," in out
    monkeypatch.setenv("BREAK", "1")
    code, _, err = cli("edit", "kim1999")
    assert code == 2 and err.startswith("refman: cannot read the edit (") and "your text is in " in err
    kept = Path(err.rstrip().rsplit("your text is in ", 1)[1])
    assert kept.read_text(encoding="utf-8").startswith("@phdthesis{kim1999,\n  author = {Kim, Yu.,\n")
    kept.unlink()
    code, out, _ = cli("log", "--format", "json")
    assert [c["command"] for c in json.loads(out)] == ["edit", "add"]  # the bad edit changed nothing


def test_validate_fix_in_the_library_is_one_change(cli):
    cli("add", str(LIB / "fixable.bib"))
    code, _, err = cli("validate", "--fix")
    assert (code, "refman: 1 fixes: 1 records changed in " in err) == (0, True)
    out = cli("export", "--to", "bibtex")[1]
    assert "title   = {Trade, sanctions and the Far East}," in out
    assert cli("undo")[0] == 0
    assert cli("export", "--to", "bibtex") == (0, (LIB / "fixable.bib").read_text(encoding="utf-8"), "")
    assert out != (LIB / "fixable.bib").read_text(encoding="utf-8")


def test_dedupe_merge_in_the_library_writes_the_key_map(cli, tmp_path):
    cli("add", str(MIXED))
    cli("add", str(LIB / "ivanov-variant.json"), "--force")
    code, out, err = cli("dedupe", "--format", "json")
    assert [c["ids"] for c in json.loads(out)["clusters"]] == [["ivanov2019", "ivanov2019sanctions"]]
    key_map = tmp_path / "keys.tsv"
    code, _, err = cli("dedupe", "--merge", "--key-map", str(key_map))
    assert code == 0, err
    assert keys(cli) == MIXED_KEYS
    assert "ivanov2019sanctions\tivanov2019\n" in key_map.read_text(encoding="utf-8")
    code, out, _ = cli("log", "--format", "json")
    assert json.loads(out)[0]["command"] == "dedupe --merge"


def test_show_by_key(cli):
    cli("add", str(MIXED))
    code, out, _ = cli("show", "kim1999")
    assert out == "1\tkim1999\tthesis\tKim Yu.\tKorean studies in Russia\t\t1999\t\n"
    code, _, err = cli("show", "nokey")
    assert code == 2 and err.startswith("refman: no record with the key nokey in ")
