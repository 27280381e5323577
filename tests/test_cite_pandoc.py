"""`refman-pandoc`, run by pandoc as a user runs it: docx, odt and html read back as text.

The in-text references and the list below were written by hand from the manuscript
(tests/data/cite/paper.md) and the GOST lines of tests/test_cite.py: smith2019 is cited first
(1), then ivanov2019 (2), ivanov2019book (3); petrova2020 is only in `nocite` (4); nokey2020
is in no reference file.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import need_client
from .test_cite import ARTICLE_EN, ARTICLE_RU, BOOK_RU, CHAPTER_RU, CITE

pytestmark = pytest.mark.clients

TEXT = [
    "Введение",
    "Санкции изучены в работе [1, p. 47]. По данным [см. 2, с. 50; 1] торговля сократилась. "
    "Иванов [3, с. 15] приводит те же цифры.",
    "Повторная ссылка: [2, с. 3–5]. Ключа нет: [?nokey2020, p. 3].",
    "В коде это не ссылка: [@lankov2013], и в блоке тоже:",
    "[@lankov2013]",
]
WARNING = "refman-pandoc: no reference has the key 'nokey2020' (cited as [@nokey2020, p. 3])\n"


def _env() -> dict[str, str]:
    """PATH with this interpreter's bin folder first, where pip put the console script."""
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    if shutil.which("refman-pandoc", path=env["PATH"]) is None:
        pytest.skip("refman-pandoc is not installed next to this Python (pip install -e .)")
    return env


def _pandoc(*args: str, cwd: Path = CITE) -> subprocess.CompletedProcess[str]:
    pandoc = need_client("pandoc")
    return subprocess.run(
        [pandoc, *args], capture_output=True, text=True, cwd=cwd, env=_env(), timeout=120, check=False
    )


def _plain(path: Path) -> list[str]:
    done = _pandoc(str(path), "-t", "plain", "--wrap=none")
    assert done.returncode == 0, done.stderr
    return [line.strip() for line in done.stdout.splitlines() if line.strip()]  # docx/odt lists are tight


def _listed(*lines: str) -> list[str]:
    """A numbered list as pandoc's plain writer prints it: "1.  " and the entry."""
    return [f"{number}.  {line}" for number, line in enumerate(lines, 1)]


@pytest.mark.parametrize("fmt", ["docx", "odt", "html"])
def test_numbers_in_the_text_and_the_list_agree(tmp_path, fmt):
    out = tmp_path / f"paper.{fmt}"
    done = _pandoc("paper.md", "--filter", "refman-pandoc", "-s", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stderr == WARNING
    blocks = _plain(out)  # one line per paragraph, list item and heading
    start = blocks.index("Введение")
    assert blocks[start:] == [
        *TEXT,
        "Список литературы",
        *_listed(ARTICLE_EN, ARTICLE_RU, BOOK_RU, CHAPTER_RU),
    ]


def test_alphabetical_style_and_title_from_the_metadata(tmp_path):
    out = tmp_path / "paper.html"
    done = _pandoc(
        "paper.md", "--filter", "refman-pandoc", "-M", "refman-sort=alphabetical",
        "-M", "refman-style=gost-r-7.0.5-2008", "-M", "reference-section-title=Литература", "-o", str(out),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    blocks = _plain(out)
    # alphabetical, Cyrillic first: the book, the article, the chapter, then Smith (GOST R 7.0.5-2008)
    assert blocks[1] == (
        "Санкции изучены в работе [4, p. 47]. По данным [см. 2, с. 50; 4] торговля сократилась. "
        "Иванов [1, с. 15] приводит те же цифры."
    )
    assert blocks[-5:] == [
        "Литература",
        *_listed(
            # the full ". – " between areas by default, and up to three authors in the heading
            # (docs/GOST.md rules 1 and 13)
            "Иванов И. О. Заглавие. – 2-е изд. – Москва : Наука, 2019. – 300 с. – ISBN 978-5-02-040000-1.",
            "Иванов И. О. Заглавие статьи // Журнал. – 2019. – Т. 12, № 3. – С. 45–67.",
            "Петрова А. Глава // Сборник / редактор С. Сидоров. – Москва : Наука, 2020. – С. 10–20.",
            "Smith J., Chen L. Trade and sanctions // Pacific Affairs. – 2019. – Vol. 12, No. 3. – P. 45–67.",
        ),
    ]


def test_missing_references_and_the_library_warn_and_keep_the_document(tmp_path):
    source = tmp_path / "short.md"
    source.write_text(
        "---\nbibliography: nowhere.bib\nrefman-library: main\n---\n\nSee [@a, 5].\n", encoding="utf-8"
    )
    done = _pandoc(str(source), "--filter", "refman-pandoc", "-t", "plain", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout == "See [?a, 5].\n"
    lines = done.stderr.splitlines()
    assert len(lines) == 3 and lines[0].startswith("refman-pandoc: nowhere.bib: ")
    assert lines[1] == "refman-pandoc: main: no library here yet (`refman add FILE` creates it)"
    assert lines[2] == "refman-pandoc: no reference has the key 'a' (cited as [@a, 5])"


def test_pdf_through_latex(tmp_path):
    engine = next((name for name in ("xelatex", "lualatex") if shutil.which(name)), None)
    if engine is None:
        pytest.skip("no TeX engine with Cyrillic fonts (xelatex, lualatex) installed")
    out = tmp_path / "paper.pdf"
    done = _pandoc("paper.md", "--filter", "refman-pandoc", f"--pdf-engine={engine}", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_latex_for_pdf_gets_the_marks_and_an_enumerate():
    """What pandoc hands the TeX engine for a PDF (checked with no engine installed)."""
    done = _pandoc("paper.md", "--filter", "refman-pandoc", "-t", "latex")
    assert done.returncode == 0
    assert "{Иванов {[}3, с. 15{]}}" in done.stdout
    assert "\\section*{Список литературы}" in done.stdout
    assert done.stdout.count("\\item") == 4 and "\\begin{enumerate}" in done.stdout


def test_a_bad_document_goes_back_as_it_came(monkeypatch, capsys):
    """No pandoc needed: whatever the filter is given, it hands it back and says why."""
    from refman.cli.pandoc_filter import main

    for data in (b'{"bad', b'{"pandoc-api-version": [1, 22], "meta": {}, "blocks": []}'):
        stdin = io.TextIOWrapper(io.BytesIO(data))
        monkeypatch.setattr(sys, "stdin", stdin)
        stdout = io.TextIOWrapper(io.BytesIO())
        monkeypatch.setattr(sys, "stdout", stdout)
        assert main() == 0
        stdout.flush()
        written = stdout.buffer.getvalue()
        assert written == data if data.startswith(b'{"bad') else json.loads(written) == json.loads(data)
    assert capsys.readouterr().err.startswith("refman-pandoc: citations left as they were: JSONDecodeError")
