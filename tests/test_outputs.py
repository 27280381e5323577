"""Bibliography outputs read back by other programs: Markdown through pandoc, LaTeX through
pandoc's LaTeX reader (and TeX where installed), Word documents through python-docx and pandoc.
Each must give back exactly the words of the plain-text output."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from refman.model import Library, Reference
from refman.options import WriteOptions
from refman.writers.csl import latex as csl_latex
from refman.writers.csl import markdown as csl_markdown
from refman.writers.csl.writer import write

from .conftest import need_client

DATA = Path(__file__).parent / "data" / "outputs"
ITALIC = str(DATA / "italic.csl")
_MARKER = re.compile(r"^(\d+)\.\s+", re.MULTILINE)


def _hostile() -> Library:
    items = json.loads((DATA / "hostile.json").read_text(encoding="utf-8"))
    return Library(references=[Reference.model_validate(item) for item in items])


def _pandoc(args: list[str], data: bytes) -> str:
    done = subprocess.run([need_client("pandoc"), *args], input=data, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def _text(library: Library, style: str = "gost") -> str:
    return str(write(library, WriteOptions(style=style)))


# --- Markdown --------------------------------------------------------------------------------


def test_markdown_escapes_what_pandoc_reads_as_markup():
    md = str(write(_hostile(), WriteOptions(style="gost", output_format="markdown"))).splitlines()
    assert md[0] == (
        r"1. Links \[text\](x), \[ref\]\[x\], \<http://a.example\>, \[\@key\], \^\[note\] and "
        r"\[span\]{.smallcaps}. – 2020. – Текст : непосредственный."
    )
    assert md[3] == r"4. \# Not a heading. – 2000. – Текст : непосредственный."
    assert md[4] == r"5. 1984\. Not a nested list. – 1949. – Текст : непосредственный."
    assert md[6] == r"7. \(iv) Nor this. – 1951. – Текст : непосредственный."
    assert md[9].startswith(r"10. Dashes \-- and \-\-- and dots\... and 100% {braces} #hash.")


def test_block_marks_are_escaped_only_where_an_entry_begins():
    assert csl_markdown.block_safe("a) x") == r"a\) x"
    assert csl_markdown.block_safe("IV. Four") == r"IV\. Four"
    assert csl_markdown.block_safe("B. Russell") == r"B\. Russell"
    assert csl_markdown.block_safe("Mix. Words") == "Mix. Words"  # no numeral of one case
    assert csl_markdown.block_safe("+ plus\n# second line") == r"\+ plus # second line"
    assert csl_markdown.block_safe("Иванов, И. #1") == "Иванов, И. #1"


def test_abbreviations_pandoc_knows_keep_their_space():
    """pandoc's smart extension would join "No. 7" with a no-break space; "No\\." keeps it."""
    assert csl_markdown.block_safe("Mr. Smith, No. 7, p. 5, e.g. Ph.D. thesis") == (
        r"Mr\. Smith, No\. 7, p\. 5, e.g\. Ph.D\. thesis"
    )
    # words pandoc does not list stay as they are: "Vol." (it knows "vol."), initials, "P."
    assert csl_markdown.block_safe("Vol. 12. P. 45. Smith J. Igor.") == "Vol. 12. P. 45. Smith J. Igor."


@pytest.mark.clients
def test_abbreviations_read_back_without_a_no_break_space():
    md = csl_markdown.block_safe("Statement by Mr. Smith, No. 729, p. 5.")
    assert _pandoc(["-f", "markdown", "-t", "plain", "--wrap=none"], md.encode()) == (
        "Statement by Mr. Smith, No. 729, p. 5.\n"
    )


@pytest.mark.clients
def test_markdown_reads_back_in_pandoc_as_the_plain_text():
    library = _hostile()
    md = str(write(library, WriteOptions(style="gost", output_format="markdown")))
    plain = _pandoc(["-f", "markdown", "-t", "plain", "--wrap=none"], md.encode("utf-8"))
    assert _MARKER.sub(r"\1. ", plain) == _text(library)
    tree = json.loads(_pandoc(["-f", "markdown", "-t", "json"], md.encode("utf-8")))
    assert [block["t"] for block in tree["blocks"]] == ["OrderedList"]  # one list, no heading
    assert [[b["t"] for b in item] for item in tree["blocks"][0]["c"][1]] == [["Plain"]] * 11


@pytest.mark.clients
def test_markdown_italics_are_emphasis_in_pandoc():
    library = _hostile()
    md = str(write(library, WriteOptions(style=ITALIC, output_format="markdown")))
    assert md.splitlines()[3] == "4. *# Not a heading*. 2000."  # "#" after "*" starts no heading
    plain = _pandoc(["-f", "markdown", "-t", "plain", "--wrap=none"], md.encode("utf-8"))
    assert _MARKER.sub(r"\1. ", plain) == _text(library, ITALIC)
    tree = json.loads(_pandoc(["-f", "markdown", "-t", "json"], md.encode("utf-8")))
    assert all(item[0]["c"][0]["t"] == "Emph" for item in tree["blocks"][0]["c"][1][:10])


# --- LaTeX -----------------------------------------------------------------------------------


def test_latex_escapes_every_special_and_keeps_cyrillic():
    assert csl_latex.escape(r"\ { } $ & # ^ _ % ~") == (
        r"\textbackslash{} \{ \} \$ \& \# \textasciicircum{} \_ \% \textasciitilde{}"
    )
    assert csl_latex.escape('<a> |b| "c" `d`') == (
        r"\textless{}a\textgreater{} \textbar{}b\textbar{} \textquotedbl{}c\textquotedbl{} "
        r"\textasciigrave{}d\textasciigrave{}"
    )
    assert (
        csl_latex.escape("1--2 --- ''x'' ,,y Т.\u00a03 Вопросы")
        == "1-{}-2 -{}-{}- '{}'x'{}' ,{},y Т.~3 Вопросы"
    )


def test_latex_keys_follow_the_bibtex_writer():
    assert csl_latex.keys(["a b%", "Иванов2020", "x{y}", "", "KEY", "key", "Key"]) == [
        "a-b", "Иванов2020", "x-y", "ref", "KEY", "keya", "Keyb"
    ]  # fmt: skip


def test_latex_is_a_thebibliography_environment():
    tex = str(write(_hostile(), WriteOptions(style=ITALIC, output_format="latex"))).splitlines()
    assert tex[0] == r"\begin{thebibliography}{99}" and tex[-1] == r"\end{thebibliography}"
    assert tex[1] == (
        r"\bibitem{links} \textit{Links [text](x), [ref][x], \textless{}http://a.example\textgreater{}, "
        r"[@key], \textasciicircum{}[note] and [span]\{.smallcaps\}}. 2020."
    )
    assert tex[11] == (
        r"\bibitem{Иванов2020} Иванов, И. И. \textit{Вопросы [истории] *и* \_теории\_ № 5 \$ \& \% \# "
        r"\textasciitilde{} \textasciicircum{}}. 2020."
    )
    assert len(tex) == 13


@pytest.mark.clients
def test_latex_reads_back_in_pandoc_as_the_plain_text():
    """pandoc 2.x drops \\bibitem and reads the list as one paragraph: each item is read alone,
    and the whole environment once for its structure. Its reader does not know \\textasciigrave,
    \\textbar and \\textquotedbl (their escapes are checked above): those characters are left
    out of the comparison."""
    library = _hostile()
    tex = str(write(library, WriteOptions(style="gost", output_format="latex")))
    items = [line.split("} ", 1)[1] for line in tex.splitlines() if line.startswith("\\bibitem{")]
    read = [_pandoc(["-f", "latex", "-t", "plain", "--wrap=none"], item.encode("utf-8")) for item in items]
    expected = [line.split(". ", 1)[1] + "\n" for line in _text(library).splitlines()]
    unknown = str.maketrans("", "", '`|"')
    assert [text.translate(unknown) for text in read] == [text.translate(unknown) for text in expected]
    assert read[0] == expected[0] and read[-1] == expected[-1]
    tree = json.loads(_pandoc(["-f", "latex", "-t", "json"], tex.encode("utf-8")))
    assert tree["blocks"][0]["t"] == "Div" and tree["blocks"][0]["c"][0][1] == ["thebibliography"]


@pytest.mark.clients
def test_latex_italics_read_back_as_emphasis():
    tex = str(write(_hostile(), WriteOptions(style=ITALIC, output_format="latex")))
    item = tex.splitlines()[4].split("} ", 1)[1]  # \bibitem{heading}
    tree = json.loads(_pandoc(["-f", "latex", "-t", "json"], item.encode("utf-8")))
    assert tree["blocks"][0]["c"][0] == {"t": "Emph", "c": [{"t": "Str", "c": "#"}, {"t": "Space"},
                                         {"t": "Str", "c": "Not"}, {"t": "Space"}, {"t": "Str", "c": "a"},
                                         {"t": "Space"}, {"t": "Str", "c": "heading"}]}  # fmt: skip


#: A preamble for each engine that typesets Cyrillic: 8-bit fonts through T2A, or a Unicode font.
PREAMBLES = {
    "pdflatex": "\\usepackage[T2A,T1]{fontenc}\n\\usepackage[russian,english]{babel}\n",
    "xelatex": "\\usepackage{fontspec}\n\\setmainfont{DejaVu Serif}\n",
}


@pytest.mark.parametrize("engine", PREAMBLES)
def test_latex_compiles_where_tex_is_installed(tmp_path, engine):
    if shutil.which(engine) is None:
        pytest.skip(f"{engine} not installed: the LaTeX is checked through pandoc's reader only")
    tex = str(write(_hostile(), WriteOptions(style=ITALIC, output_format="latex")))
    keys = ",".join(csl_latex.keys([str(ref.id) for ref in _hostile().references]))
    doc = (
        f"\\documentclass{{article}}\n{PREAMBLES[engine]}"
        f"\\begin{{document}}\n\\cite{{{keys}}}\n{tex}\\end{{document}}\n"
    )
    (tmp_path / "refs.tex").write_text(doc, encoding="utf-8")
    for _ in range(2):  # the second run resolves the citations
        done = subprocess.run([engine, "-interaction=nonstopmode", "-halt-on-error", "refs.tex"],
                              cwd=tmp_path, capture_output=True, check=False)  # fmt: skip
        assert done.returncode == 0, done.stdout.decode("utf-8", "replace")[-2000:]
    log = (tmp_path / "refs.log").read_text(encoding="utf-8", errors="replace")
    assert "Citation" not in log and "Missing character" not in log


# --- Word --------------------------------------------------------------------------------------


def _docx(library: Library, style: str = "gost") -> bytes:
    data = write(library, WriteOptions(style=style, output_format="docx"))
    assert isinstance(data, bytes)
    return data


def test_docx_is_one_numbered_list_with_hanging_indents():
    import docx

    library = _hostile()
    document = docx.Document(io.BytesIO(_docx(library, ITALIC)))
    paragraphs = document.paragraphs
    assert len(paragraphs) == 11 and not document.tables and not document.inline_shapes
    expected = [line.split(". ", 1)[1] for line in _text(library, ITALIC).splitlines()]
    assert [p.text for p in paragraphs] == expected
    for paragraph in paragraphs:
        fmt = paragraph.paragraph_format
        assert (fmt.left_indent, fmt.first_line_indent) == (360045, -360045)  # 1 cm, hanging
        num = paragraph._p.pPr.numPr
        assert (num.ilvl.val, num.numId.val) == (0, 90)
    assert [(r.text, r.italic) for r in paragraphs[10].runs] == [
        ("Иванов, И. И. ", None), ("Вопросы [истории] *и* _теории_ № 5 $ & % # ~ ^", True), (". 2020.", None)
    ]  # fmt: skip


def test_docx_bytes_depend_on_the_input_only():
    first, second = _docx(_hostile()), _docx(_hostile())
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "docProps/thumbnail.jpeg" not in archive.namelist()


@pytest.mark.clients
def test_docx_reads_back_in_pandoc_as_a_numbered_list():
    library = _hostile()
    plain = _pandoc(["-f", "docx", "-t", "plain", "--wrap=none"], _docx(library, ITALIC))
    assert _MARKER.sub(r"\1. ", plain).replace("\n\n", "\n") == _text(library, ITALIC)
    tree = json.loads(_pandoc(["-f", "docx", "-t", "json"], _docx(library, ITALIC)))
    assert [block["t"] for block in tree["blocks"]] == ["OrderedList"]
    assert tree["blocks"][0]["c"][0] == [1, {"t": "Decimal"}, {"t": "Period"}]
    assert all(item[0]["c"][0]["t"] == "Emph" for item in tree["blocks"][0]["c"][1][:10])


# --- the command line ---------------------------------------------------------------------------


def test_docx_goes_to_a_file_or_a_pipe_never_to_a_terminal(run_cli, tmp_path, monkeypatch):
    from refman import console

    refs = str(DATA / "hostile.json")
    target = tmp_path / "refs.docx"
    code, out, err = run_cli("export", refs, "--to", "gost", "--output-format", "docx", "-o", str(target))
    assert (code, out) == (0, "") and target.read_bytes() == _docx(_hostile())
    monkeypatch.setattr(console, "is_terminal", lambda stream=None: True)
    code, out, err = run_cli("export", refs, "--to", "gost", "--output-format", "docx")
    assert (code, out) == (2, "") and err == (
        "refman: docx is a binary Word document: write it with -o FILE or redirect standard output\n"
    )


def test_docx_to_a_pipe_is_the_same_bytes(monkeypatch):
    """Standard output that is not a terminal (a pipe, a redirect) takes the document's bytes."""
    import sys

    from refman.cli.app import main

    pipe = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", pipe)
    code = main(["export", str(DATA / "hostile.json"), "--to", "gost", "--output-format", "docx"])
    assert code == 0 and pipe.buffer.getvalue() == _docx(_hostile())
