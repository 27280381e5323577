"""Closed choices: every option with a fixed set of values refuses any other with one line and
status 2, and an option that does not apply to the chosen output is refused the same way."""

from __future__ import annotations

import pytest

from .conftest import SEED

BIB = """@article{a, author = {Иванов, И. И.}, title = {Заглавие}, journal = {Вопросы истории}, year = {2019}}
"""

REFUSED = {
    "show --format xml": (["show", "{seed}", "--format", "xml"],
                          "unknown --format 'xml' (choose text or json)"),
    "validate --format xml": (["validate", "{seed}", "--format", "xml"],
                              "unknown --format 'xml' (choose text, json or sarif)"),
    "dedupe --format xml": (["dedupe", "{bib}", "--format", "xml"],
                            "unknown --format 'xml' (choose text or json)"),
    "dedupe --profile loose": (["dedupe", "{bib}", "--profile", "loose"],
                               "unknown --profile 'loose' (choose strict, balanced or recall)"),
    "dedupe --survivor last": (["dedupe", "{bib}", "--merge", "--survivor", "last"],
                               "unknown --survivor 'last' (choose complete or first)"),
    "export --output-format xml": (["export", "{seed}", "--to", "gost", "--output-format", "xml"],
                                   "unknown --output-format 'xml' (choose text, html, markdown, json, latex or docx)"),
    "export --sort year": (["export", "{seed}", "--to", "gost", "--sort", "year"],
                           "unknown --sort 'year' (choose given or alphabetical)"),
    "style option with csl-json": (["export", "{seed}", "--sort", "alphabetical"],
                                   "--sort is for styles; --to csl-json writes data (see `refman styles`)"),
    "its default value too": (["export", "{bib}", "--to", "bibtex", "--output-format", "text"],
                              "--output-format is for styles; --to bibtex writes data (see `refman styles`)"),
    "--style with a data format": (["export", "{bib}", "--to", "ris", "--style", "gost"],
                                   "--style is for styles; --to ris writes data (see `refman styles`)"),
    "--lang with an alias": (["export", "{bib}", "--to", "bib", "--lang", "en"],
                             "--lang is for styles; --to bibtex writes data (see `refman styles`)"),
    "--json-lines with a style": (["export", "{seed}", "--to", "gost", "--json-lines"],
                                  "--json-lines is for CSL-JSON, not --to gost"),
    "validate --fix --format": (["validate", "{bib}", "--fix", "--format", "json"],
                                "--format is for the report; --fix writes data (choose it with --to)"),
    "dedupe --merge --format": (["dedupe", "{bib}", "--merge", "--format", "json"],
                                "--format is for the report; --merge writes data (choose it with --to)"),
    "dedupe --to without --merge": (["dedupe", "{bib}", "--to", "bibtex"],
                                    "--to needs --merge (the report's format is --format)"),
}  # fmt: skip


@pytest.mark.parametrize(("args", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_a_value_outside_the_choices_or_an_option_that_does_not_apply_is_one_line(
    run_cli, tmp_path, args, message
):
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    code, out, err = run_cli(*(arg.format(seed=SEED, bib=bib) for arg in args))
    assert (code, out, err) == (2, "", f"refman: {message}\n")


def test_style_options_still_apply_to_a_style_named_by_style(run_cli, tmp_path):
    """--style with the default --to renders that style: its options apply."""
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    code, out, _ = run_cli("export", str(bib), "--style", "gost", "--output-format", "markdown", "--sort",
                           "alphabetical", "--lang", "ru")  # fmt: skip
    assert code == 0 and out.startswith(
        "1. Иванов, И. И. Заглавие / И. И. Иванов. – Текст : непосредственный"
    )


@pytest.mark.parametrize(("command", "choices"), [
    ("export", "text|html|markdown|json|latex|docx"), ("validate", "text|json|sarif"),
    ("show", "text|json"), ("dedupe", "strict|balanced|recall"),
])  # fmt: skip
def test_help_lists_the_choices(run_cli, command, choices):
    code, out, _ = run_cli(command, "--help")
    assert code == 0 and choices in out
