"""`refman cite`: the works a manuscript cites, in order of first citation, as GOST lists.

The manuscripts (tests/data/cite) cite Russian and English works with locators, repeat
citations and cite a key no reference has. Every GOST line below is the hand-checked line of
tests/test_gost.py for the same record (docs/GOST.md rules 3 and 12); the order of each list
was worked out by hand from the manuscript.
"""

from __future__ import annotations

import pytest

from refman.citing import workflow as citing
from refman.manuscripts import marks
from refman.manuscripts.cited import (
    AUTHOR,
    NOCITE,
    NORMAL,
    SUPPRESS,
    bibliography_files,
    first_citation_order,
    from_aux,
    from_bcf,
    from_text,
)

from .conftest import DATA

CITE = DATA / "cite"
PAPER, THESIS, BIB = CITE / "paper.md", CITE / "thesis.tex", CITE / "refs.bib"

ARTICLE_RU = (
    "Иванов, И. О. Заглавие статьи / И. О. Иванов. – Текст : непосредственный // Журнал. – 2019. "
    "– Т. 12, № 3. – С. 45–67."
)
ARTICLE_EN = (
    "Smith, J. Trade and sanctions / J. Smith, L. Chen. – Текст : непосредственный // Pacific Affairs. "
    "– 2019. – Vol. 12, No. 3. – P. 45–67."
)
BOOK_RU = (
    "Иванов, И. О. Заглавие / И. О. Иванов. – 2-е изд. – Москва : Наука, 2019. – 300 с. "
    "– ISBN 978-5-02-040000-1. – Текст : непосредственный."
)
CHAPTER_RU = (
    "Петрова, А. Глава / А. Петрова. – Текст : непосредственный // Сборник / редактор С. Сидоров. "
    "– Москва : Наука, 2020. – С. 10–20."
)
BOOK_EN = (
    "Lankov, A. The Real North Korea / A. Lankov. – Oxford : Oxford University Press, 2013. – 283 p. "
    "– Текст : непосредственный."
)


def numbered(*lines: str) -> str:
    return "".join(f"{number}. {line}\n" for number, line in enumerate(lines, 1))


def _plain(cited):
    return [(c.key, c.line, c.prefix, c.locator, c.mode) for c in cited]


# --- finding citations ----------------------------------------------------------------------------


def test_latex_citations_with_notes_in_order_never_in_comments_or_verbatim():
    cited = from_text(THESIS.read_text(encoding="utf-8"), "latex")
    assert _plain(cited) == [
        ("ivanov2019", 6, "", "с. 50", AUTHOR),  # \textcite[с.~50]: the tie is a space
        ("petrova2020", 7, "", "", NORMAL),
        ("smith2019", 7, "", "", NORMAL),
        ("smith2019", 11, "см.", "p. 47", NORMAL),  # \cite[см.][p.~47]
        ("ivanov2019book", 11, "", "15", NORMAL),
        ("missing:key", 12, "", "", NORMAL),
        ("ivanov2019", 12, "", "5", NORMAL),  # \cites[5]{…}[10--12]{…}: one note per group
        ("petrova2020", 12, "", "10–12", NORMAL),
    ]
    assert cited[1].group == cited[2].group != cited[3].group


def test_markdown_citations_with_locators_nocite_last():
    cited = from_text(PAPER.read_text(encoding="utf-8"), "markdown")
    assert _plain(cited) == [
        ("smith2019", 10, "", "p. 47", NORMAL),
        ("ivanov2019", 11, "см.", "с. 50", NORMAL),
        ("smith2019", 11, "", "", NORMAL),
        ("ivanov2019book", 12, "", "15", AUTHOR),  # @key [15]
        ("ivanov2019", 14, "", "3–5", SUPPRESS),  # [-@key, 3--5]
        ("nokey2020", 14, "", "p. 3", NORMAL),
        ("petrova2020", 5, "", "", NOCITE),  # the YAML nocite field: after the text
    ]


def test_aux_and_bcf():
    cited, includes = from_aux((CITE / "thesis.aux").read_text(encoding="utf-8"))
    assert [(c.key, c.line) for c in cited] == [("ivanov2019", 2), ("petrova2020", 3), ("smith2019", 3)]
    assert includes == ["chapter1.aux"]
    biblatex, _ = from_aux("\\abx@aux@cite{0}{a}\n\\abx@aux@cite{b}\n\\abx@aux@segm{0}{0}{c}\n")
    assert [c.key for c in biblatex] == ["a", "b"]
    bcf = from_bcf((CITE / "thesis.bcf").read_text(encoding="utf-8"))
    assert [c.key for c in bcf] == ["petrova2020", "ivanov2019book", "smith2019", "petrova2020"]
    assert [c.key for c in from_bcf('<bcf:citekey order="1">a&amp;b</bcf:citekey>')] == ["a&b"]


def test_where_a_manuscript_says_its_references_are():
    assert bibliography_files(PAPER.read_text(encoding="utf-8"), "markdown") == ["refs.bib"]
    assert bibliography_files("---\nbibliography:\n  - a.bib\n  - b.json\n...\ntext\n", "markdown") == [
        "a.bib",
        "b.json",
    ]
    tex = "% \\addbibresource{old.bib}\n\\addbibresource[location=local]{new.bib}\n\\bibliography{x,y.bib}\n"
    assert bibliography_files(tex, "latex") == ["new.bib", "x.bib", "y.bib"]
    assert bibliography_files("\\bibdata{refs,more}", "aux") == ["refs.bib", "more.bib"]
    assert bibliography_files((CITE / "thesis.bcf").read_text(encoding="utf-8"), "bcf") == ["refs.bib"]


def test_first_citation_order_and_the_wildcard():
    order, everything = first_citation_order(from_text("\\nocite{*}\\cite{b,a}\\cite{a,c}", "latex"))
    assert (order, everything) == (["b", "a", "c"], True)


# --- in-text references (GOST R 7.0.5-2008, 7.5) ----------------------------------------------------


@pytest.mark.parametrize(
    ("written", "language", "printed"),
    [
        ("15", "ru", "с. 15"),
        ("p. 47", "ru", "с. 47"),  # the entry's language decides, not the manuscript's
        ("с. 3-5", "en", "p. 3–5"),
        ("pp. 10--12", "en", "p. 10–12"),
        ("15, 17", "de", "S. 15, 17"),
        ("xii", "en", "p. xii"),
        ("гл. 2", "ru", "гл. 2"),  # not pages: as written
        ("§ 4", "ru", "§ 4"),
    ],
)
def test_locators(written, language, printed):
    assert marks.locator(written, language) == printed


def test_marks():
    item = marks.Item
    assert marks.mark([item("a", 1)]) == "[1]"
    assert marks.mark([item("a", 1, locator="15", language="ru"), item("b", 3)]) == "[1, с. 15; 3]"
    assert marks.mark([item("a", 2, "см.", "p. 7", language="en")]) == "[см. 2, p. 7]"
    assert marks.mark([item("x", None, locator="p. 3")]) == "[?x, p. 3]"
    assert marks.mark([item("a", 1, mode=AUTHOR, authors=("Иванов",))]) == "Иванов [1]"
    assert (
        marks.mark([item("a", 1, mode=AUTHOR, language="en", authors=("Smith", "Chen"))])
        == "Smith and Chen [1]"
    )
    assert marks.mark([item("a", 1, mode=AUTHOR, authors=("А", "Б", "В"))]) == "А и др. [1]"


# --- refman cite ------------------------------------------------------------------------------------


@pytest.fixture(params=["scanner", "pandoc"])
def reader(request, monkeypatch):
    """Markdown read by refman's scanner, and by pandoc where it is installed: the same lists."""
    if request.param == "scanner":
        monkeypatch.setenv("REFMAN_PANDOC", "none")
    else:
        from .conftest import need_client

        need_client("pandoc")
        monkeypatch.delenv("REFMAN_PANDOC", raising=False)
    return request.param


def test_markdown_list_in_order_of_first_citation_from_the_yaml_bibliography(run_cli, reader):
    code, out, err = run_cli("cite", str(PAPER))
    assert code == 0
    assert out == numbered(ARTICLE_EN, ARTICLE_RU, BOOK_RU, CHAPTER_RU)
    assert err == f"refman: warning: {PAPER}:14: 'nokey2020' is cited but no reference has this key\n"


def test_pandoc_and_the_scanner_find_the_same_citations(reader):
    text = PAPER.read_text(encoding="utf-8")
    found = citing.read_manuscript(str(PAPER), text, "markdown")
    assert _plain(found.cited) == _plain(from_text(text, "markdown"))


def test_latex_list_and_the_aux_files(run_cli):
    expected = numbered(ARTICLE_RU, CHAPTER_RU, ARTICLE_EN, BOOK_RU)
    code, out, err = run_cli("cite", str(THESIS))  # \addbibresource{refs.bib}
    assert (code, out) == (0, expected)
    assert err == f"refman: warning: {THESIS}:12: 'missing:key' is cited but no reference has this key\n"
    code, out, err = run_cli("cite", str(CITE / "thesis.aux"))  # \bibdata, and \@input{chapter1.aux}
    assert (code, out, err) == (0, expected, "")
    code, out, _ = run_cli("cite", str(CITE / "thesis.bcf"))
    assert (code, out) == (0, numbered(CHAPTER_RU, BOOK_RU, ARTICLE_EN))


def test_alphabetical_and_other_output_formats(run_cli):
    code, out, _ = run_cli("cite", str(THESIS), "--bib", str(BIB), "--sort", "alphabetical")
    assert (code, out) == (0, numbered(BOOK_RU, ARTICLE_RU, CHAPTER_RU, ARTICLE_EN))
    code, out, _ = run_cli("cite", str(THESIS), "--output-format", "html")
    assert code == 0 and out.startswith('<ol>\n  <li value="1">Иванов, И. О. Заглавие статьи')
    code, out, _ = run_cli("cite", str(THESIS), "--to", "bibtex")  # the cited works as a .bib
    assert code == 0
    assert [line.split("{")[1].rstrip(",") for line in out.splitlines() if line.startswith("@")] == [
        "ivanov2019",
        "petrova2020",
        "smith2019",
        "ivanov2019book",
    ]


def test_check_reports_missing_and_unused(run_cli, monkeypatch):
    monkeypatch.setenv("REFMAN_PANDOC", "none")
    code, out, err = run_cli("cite", str(PAPER), "--check")
    assert (code, out) == (1, "")
    assert err == (
        f"refman: warning: {PAPER}:14: 'nokey2020' is cited but no reference has this key\n"
        f"refman: warning: {BIB}: 'lankov2013' is never cited\n"
        "refman: 4 cited works, 1 missing key, 1 never cited\n"
    )
    code, _, err = run_cli("cite", str(THESIS), "--bib", str(BIB), "--check")
    assert code == 1 and "thesis.tex:12: 'missing:key' is cited" in err


def test_key_map_is_applied_first(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("REFMAN_PANDOC", "none")
    keys = tmp_path / "keys.tsv"
    keys.write_text("old\tnew\nnokey2020\tlankov2013\n", encoding="utf-8")
    code, out, err = run_cli("cite", str(PAPER), "--key-map", str(keys), "--check")
    assert (code, err) == (0, "refman: 5 cited works, 0 missing keys, 0 never cited\n")
    code, out, err = run_cli("cite", str(PAPER), "--key-map", str(keys))
    assert (code, out, err) == (0, numbered(ARTICLE_EN, ARTICLE_RU, BOOK_RU, BOOK_EN, CHAPTER_RU), "")


def test_nocite_everything_follows_the_cited_in_input_order(run_cli, tmp_path):
    tex = tmp_path / "all.tex"
    tex.write_text("\\nocite{*}\nSee \\cite{smith2019}.\n", encoding="utf-8")
    code, out, _ = run_cli("cite", str(tex), "--bib", str(BIB))
    assert (code, out) == (0, numbered(ARTICLE_EN, ARTICLE_RU, BOOK_RU, CHAPTER_RU, BOOK_EN))


def test_references_from_the_library(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("REFMAN_LIBRARY", str(tmp_path / "lib.sqlite"))
    assert run_cli("add", str(BIB))[0] == 0
    code, out, err = run_cli("cite", str(PAPER), "--library")
    with_bib = run_cli("cite", str(PAPER), "--bib", str(BIB))
    assert (code, out) == (0, with_bib[1]) and out.count("\n") == 4
    assert err == with_bib[2]  # the same warning for the missing key, nothing more


def test_bad_input_is_one_line_and_status_2(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("REFMAN_LIBRARY", str(tmp_path / "none.sqlite"))
    assert run_cli("cite", str(PAPER), "--library") == (
        2,
        "",
        f"refman: {tmp_path / 'none.sqlite'}: no library here yet (`refman add FILE` creates it)\n",
    )
    code, out, err = run_cli("cite", str(PAPER), "--bib", str(tmp_path / "none.bib"))
    assert (code, out) == (2, "") and err.count("\n") == 1 and "none.bib" in err
    bare = tmp_path / "bare.tex"
    bare.write_text("\\cite{a}\n", encoding="utf-8")
    assert run_cli("cite", str(bare)) == (
        2,
        "",
        "refman: no references: give --bib FILES, or name them in the manuscript (bibliography:)\n",
    )
    code, _, err = run_cli("cite", str(tmp_path / "x.docx"), "--bib", str(BIB))
    assert code == 2 and err.startswith("refman: ") and err.count("\n") == 1
