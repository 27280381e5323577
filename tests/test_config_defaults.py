"""refman.toml's style, lang and output-format as the defaults of export and cite when the
option is left off the command line (the command line wins; no config file: as before)."""

from __future__ import annotations

import json

import pytest

from .conftest import DATA

MIXED = str(DATA / "bibtex" / "mixed.bib")


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with this refman.toml, and no user config file."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user-config"))
    monkeypatch.chdir(tmp_path)

    def write(text: str) -> None:
        (tmp_path / "refman.toml").write_text(text, encoding="utf-8")

    return write


def test_export_takes_style_lang_and_output_format_from_the_config(project, run_cli):
    _, plain, _ = run_cli("export", MIXED)
    _, explicit, _ = run_cli("export", MIXED, "--to", "gost", "--output-format", "html", "--lang", "en")
    project('style = "gost"\nlang = "en"\noutput-format = "html"\n')
    code, configured, err = run_cli("export", MIXED)
    assert (code, configured) == (0, explicit), err
    assert configured.startswith("<") and plain.startswith("[")


def test_the_command_line_wins_over_the_config(project, run_cli):
    _, csl, _ = run_cli("export", MIXED, "--to", "csl-json")
    _, text_ru, _ = run_cli("export", MIXED, "--to", "gost", "--output-format", "text", "--lang", "ru")
    project('style = "gost"\nlang = "en"\noutput-format = "html"\n')
    assert run_cli("export", MIXED, "--to", "csl-json")[1] == csl  # a data format: no style options
    code, out, err = run_cli("export", MIXED, "--output-format", "text", "--lang", "ru")
    assert (code, out) == (0, text_ru), err


def test_cite_takes_output_format_from_the_config(project, run_cli, tmp_path):
    paper = tmp_path / "paper.md"
    paper.write_text("As shown [@ivanov2019].\n", encoding="utf-8")
    _, text, _ = run_cli("cite", str(paper), "--bib", MIXED)
    _, explicit, _ = run_cli("cite", str(paper), "--bib", MIXED, "--output-format", "html")
    project('output-format = "html"\n')
    code, out, err = run_cli("cite", str(paper), "--bib", MIXED)
    assert (code, out) == (0, explicit), err
    assert out != text and out.startswith("<")


def test_a_bad_output_format_in_the_config_is_one_line(project, run_cli):
    project('output-format = "pdf"\n')
    code, out, err = run_cli("export", MIXED, "--to", "gost")
    assert (code, out) == (2, "")
    assert (
        err
        == "refman: refman.toml: output-format 'pdf' is not one of text, html, markdown, json, latex, docx\n"
    )


def test_the_config_key_pattern_makes_the_keys_of_records_without_one(project, run_cli, tmp_path):
    ris = tmp_path / "two.ris"
    ris.write_text(
        "TY  - JOUR\nAU  - Иванов, И. И.\nTI  - Уголь Кузбасса\nPY  - 2019\nER  - \n\n"
        "TY  - BOOK\nAU  - Smith, John\nAU  - Doe, Jane\nTI  - Coal markets\nPY  - 2020\nER  - \n",
        encoding="utf-8",
    )

    def keys() -> list[str]:
        code, out, err = run_cli("export", str(ris), "--to", "csl-json")
        assert code == 0, err
        return [item["id"] for item in json.loads(out)]

    assert keys() == ["ivanov2019ugol", "smith2020coal"]
    project('key-pattern = "[auth:capitalize][year]"\n')
    assert keys() == ["Ivanov2019", "Smith2020"]


def test_a_bad_key_pattern_in_the_config_is_one_line(project, run_cli):
    project('key-pattern = "[surname]"\n')
    code, out, err = run_cli("export", MIXED, "--to", "csl-json")
    assert (code, out) == (2, "")
    assert err.startswith("refman: ") and err.count("\n") == 1
    assert err.endswith(
        "refman.toml: key-pattern '[surname]': unknown part [surname] (known: auth, authors2, year, title, shorttitle)\n"
    )


def test_add_makes_keys_by_the_config_key_pattern(project, run_cli, tmp_path):
    ris = tmp_path / "one.ris"
    ris.write_text("TY  - BOOK\nAU  - Smith, John\nAU  - Doe, Jane\nTI  - Coal markets\nPY  - 2020\nER  - \n")
    project('key-pattern = "authors-year"\n')
    library = str(tmp_path / "lib.sqlite")
    code, out, err = run_cli("add", "--library", library, str(ris))
    assert (code, out) == (0, "smithdoe2020\n"), err
    assert run_cli("list", "--library", library, "--format", "keys")[1] == "smithdoe2020\n"
