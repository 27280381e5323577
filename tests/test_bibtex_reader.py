"""The BibTeX/BibLaTeX reader: LaTeX decoding, names, biblatex data, broken entries."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refman.parse.bibnames import parse_names
from refman.parse.latex import escape, to_unicode
from refman.readers.bibtex import read, sniff
from tests.conftest import DATA

MIXED = (DATA / "bibtex" / "mixed.bib").read_text(encoding="utf-8")


def _by_id(text: str) -> dict:
    return {ref.id: ref for ref in read(text, "t.bib").library.references}


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"M{\"u}ller", "Müller"),
        (r"M\"{u}ller", "Müller"),
        (r"{\"{o}}", "ö"),
        (r"\'{\i}ndice", "índice"),
        (r"\v{C}ech \v c", "Čech č"),
        (r"Stra\ss e", "Straße"),
        (r"A \& B --- C -- D", "A & B — C – D"),
        ("D~E", "D\u00a0E"),
        ("``q''", "“q”"),
        (r"\emph{big} {UN}", "big UN"),
        (r"$x^2$ kept", "$x^2$ kept"),
        (r"\cyrchar\CYRI\cyrchar\cyrv\cyra\cyrn", "Иван"),
        (r"{\cyrya}", "я"),
        (r"\foo{bar} stays", r"\foo{bar} stays"),
        (r"The {\TeX book}", "The TeXbook"),
        ("Уже Unicode", "Уже Unicode"),
    ],
)
def test_latex_decoding(latex, text):
    assert to_unicode(latex) == text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Knuth, Donald E.", [("Knuth", "Donald E.", None)]),
        ("Ludwig van Beethoven", [("Beethoven", "Ludwig", "van")]),
        ("{Delgado de Molina}, A.", [("Delgado de Molina", "A.", None)]),
        ("Иванов Иван Иванович", [("Иванов", "Иван Иванович", None)]),
        ("Иванов И. И.", [("Иванов", "И. И.", None)]),
        ("Иванов, И. И.", [("Иванов", "И. И.", None)]),
        ("Yu. Ivanov and Zh.-P. Kim", [("Ivanov", "Yu.", None), ("Kim", "Zh.-P.", None)]),
        ("John Li", [("Li", "John", None)]),  # "Li" is a surname, not initials
    ],
)
def test_names(raw, expected):
    names, _ = parse_names(raw)
    assert [(n.family, n.given, n.non_dropping_particle) for n in names] == expected


def test_names_institution_jr_and_others():
    names, others = parse_names("{World Health Organization} and de la Fuente, Jr, Juan and others")
    assert names[0].literal == "World Health Organization" and names[0].family is None
    assert (names[1].family, names[1].suffix, names[1].non_dropping_particle) == ("Fuente", "Jr", "de la")
    assert others


def test_mixed_file_fields():
    refs = _by_id(MIXED)
    ivanov = refs["ivanov2019"]
    assert ivanov.container_title == "Вопросы истории"  # @string expanded
    assert ivanov.issued.date_parts == [[2019, 3]] and ivanov.issue == "3" and ivanov.page == "45–67"
    assert ivanov.language == "ru" and ivanov.title == "Санкции против КНДР и экономика России"
    mueller = refs["mueller2020"]
    assert mueller.title == "The UN, the DPRK and COVID-19: Ökonomie & Politik — a review"
    assert mueller.container_title == "Journal of Asian Studies (Online)"  # macro # literal
    assert mueller.unmapped["foo"] == "An unknown field"
    assert mueller.unmapped["others"] == ["author"]
    assert mueller.DOI == "10.1000/xyz_123"  # verbatim: no LaTeX decoding of "_"
    child = refs["chapter:child"]
    assert child.container_title == "Russia and Asia" and child.publisher == "Routledge"  # crossref
    assert child.unmapped["crossref"] == "chapter:parent"
    tass = refs["tass2021"]
    assert tass.type == "webpage" and tass.container_title == "TASS"  # @xdata
    assert tass.accessed.date_parts == [[2022, 8, 19]]
    decree = refs["decree484"]
    assert (decree.type, decree.genre, decree.number) == (
        "legislation",
        "Указ Президента Российской Федерации",
        "484",
    )
    assert decree.authority == "Президент Российской Федерации"
    assert refs["kim1999"].genre == "PhD thesis" and refs["kim1999"].publisher == "Moscow State University"
    assert refs["range2020"].issued.date_parts == [[2019, 5], [2020, 7]]
    assert "tass" not in refs  # @xdata is data, not a reference


@pytest.mark.parametrize(
    ("date", "parts", "circa"),
    [("2020", [[2020]], None), ("2020-03-04", [[2020, 3, 4]], None), ("1999?", [[1999]], True),
     ("2020/", [[2020], [0]], None), ("2019-05/2020-07", [[2019, 5], [2020, 7]], None)],
)  # fmt: skip
def test_edtf_dates(date, parts, circa):
    ref = read(f"@misc{{k, title={{T}}, date={{{date}}}}}", "t.bib").library.references[0]
    assert ref.issued.date_parts == parts and ref.issued.circa == circa


def test_broken_entry_reported_and_rest_read():
    text = "@article{ok1, title={A}}\n@article{broken, title = {x\n@book{ok2, title={B}}\n"
    result = read(text, "bad.bib")
    assert [r.id for r in result.library.references] == ["ok1", "ok2"]
    errors = [d for d in result.diagnostics if d.code == "RM001"]
    assert len(errors) == 1 and errors[0].location.line == 2 and "broken" in errors[0].message


def test_duplicates_and_undefined_macro_are_reported():
    result = read("@misc{a, title={One}, title={Two}, journal=nosuch}\n@misc{a, title={Again}}", "d.bib")
    codes = sorted(d.code for d in result.diagnostics)
    assert codes == ["RM008", "RM008", "RM009"]
    first = result.library.references[0]
    assert first.title == "One" and first.container_title == "nosuch"  # kept as its own name


def test_exponential_string_is_bounded():
    lines = ['@string{s0 = "xxxxxxxxxx"}'] + [f"@string{{s{i} = s{i - 1} # s{i - 1}}}" for i in range(1, 40)]
    result = read("\n".join(lines) + "\n@misc{k, title = s39}", "bomb.bib")
    assert any("longer than" in d.message for d in result.diagnostics)
    assert len(result.library.references) == 1


def test_sniff():
    assert sniff(MIXED) > 0.9
    assert sniff('[{"id": "x"}]') == 0.0


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('@{}"#=,\\%~ \nab1Жé')), max_size=300))
def test_never_raises(text):
    result = read(text, "fuzz.bib")
    # every entry begins with "@"; every diagnostic is a registered-style code with a message
    # that points into this file
    assert len(result.library.references) <= text.count("@")
    for diag in result.diagnostics:
        assert re.fullmatch(r"RM\d{3}", diag.code) and diag.message and diag.location.path == "fuzz.bib"


@settings(max_examples=200, deadline=None)
# NUL is left out: input holding one is refused as binary before any value is read
# (io.read_text), and the decoder uses it internally to mark \newline and \par.
@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)
)
def test_escape_then_decode_is_identity(text):
    text = " ".join(text.split())  # values are whitespace-normalised on reading
    if "$" in text or "\\" in text:
        return  # math and commands are kept verbatim by design
    assert to_unicode(escape(text)) == text


def test_a_broken_entry_is_said_once_in_our_words(run_cli, tmp_path):
    """bibtexparser's own log lines must not reach stderr beside our diagnostic."""
    path = tmp_path / "b.bib"
    path.write_text(
        "@inproceedings{broken,\n  title = {Missing brace\n@misc{ok, title={Fine}, year=2020}\n",
        encoding="utf-8",
    )
    code, out, err = run_cli("export", str(path), "--to", "csl-json")
    assert code == 0 and '"title": "Fine"' in out
    assert err.count("\n") == 1 and "RM001" in err and "Parsing of" not in err
