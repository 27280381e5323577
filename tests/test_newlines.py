"""Every text refman writes ends with a newline (a file without one breaks `cat a b`, `wc -l`
and diffs), through the CLI, for every format and command; an empty output stays empty."""

from __future__ import annotations

import pytest

from .conftest import SEED

DUPLICATES = """@article{a, author = {Иванов, И. И.}, title = {Заглавие}, journal = {Вопросы истории},
  year = {2019}, doi = {10.1000/xyz}}
@article{b, author = {Ivanov, I. I.}, title = {Zaglavie}, journal = {Voprosy istorii},
  year = {2019}, doi = {10.1000/XYZ}}"""  # no newline at the very end: output still gets one

COMMANDS: dict[str, list[str]] = {
    **{f"export --to {to}": ["export", "{seed}", "--to", to]
       for to in ("csl-json", "bibtex", "biblatex", "ris", "gost", "gost-2008")},
    "export --json-lines": ["export", "{seed}", "--json-lines"],
    **{f"export gost --output-format {of}": ["export", "{seed}", "--to", "gost", "--output-format", of]
       for of in ("text", "html", "markdown", "json")},
    "export bib --to bibtex (unchanged entries)": ["export", "{bib}", "--to", "bibtex"],
    "export bib --to ris": ["export", "{bib}", "--to", "ris"],
    "export -o FILE": ["export", "{bib}", "--to", "bibtex", "-o", "{out}"],
    "validate": ["validate", "{seed}"],
    "validate --format json": ["validate", "{seed}", "--format", "json"],
    "validate --format sarif": ["validate", "{seed}", "--format", "sarif"],
    "validate --fix": ["validate", "{bib}", "--fix"],
    "validate --fix --to csl-json": ["validate", "{bib}", "--fix", "--to", "csl-json"],
    "dedupe": ["dedupe", "{bib}"],
    "dedupe --format json": ["dedupe", "{bib}", "--format", "json"],
    "dedupe --merge --to bibtex": ["dedupe", "{bib}", "--merge", "--to", "bibtex"],
    "dedupe --merge --key-map FILE": ["dedupe", "{bib}", "--merge", "-o", "{out}", "--key-map", "{out2}"],
    "show": ["show", "{seed}"],
    "show --format json": ["show", "{seed}", "--format", "json"],
    "rules": ["rules"],
    "rules RM401": ["rules", "RM401"],
    "rules --markdown": ["rules", "--markdown"],
    "styles": ["styles"],
    "formats": ["formats"],
}  # fmt: skip


@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_every_text_output_ends_with_a_newline(run_cli, tmp_path, args):
    bib = tmp_path / "dups.bib"
    bib.write_text(DUPLICATES, encoding="utf-8")
    paths = {"seed": SEED, "bib": bib, "out": tmp_path / "out.txt", "out2": tmp_path / "keys.tsv"}
    code, out, err = run_cli(*(arg.format(**paths) for arg in args))
    assert code in (0, 1), err
    outputs = [out] + [p.read_text(encoding="utf-8") for p in (paths["out"], paths["out2"]) if p.exists()]
    assert any(outputs), "the command wrote nothing: the case checks nothing"
    for text in outputs:
        assert text == "" or text.endswith("\n"), repr(text[-80:])
        assert not text.endswith("\n\n\n"), repr(text[-80:])


@pytest.mark.parametrize("to", ["bibtex", "ris", "gost"])
def test_an_empty_library_is_an_empty_output(run_cli, tmp_path, to):
    path = tmp_path / "empty.json"
    path.write_text("[]", encoding="utf-8")
    assert run_cli("export", str(path), "--to", to) == (0, "", "")
