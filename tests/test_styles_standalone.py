"""The bundled styles used without refman, by ``pandoc --citeproc`` (issue 11, req. 6):
a numbered list, the heading rules CSL can express, and the limits styles/README.md names.

Each expected line was written from docs/GOST.md (rules cited beside it). Skips, with its
reason, where pandoc is not installed.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from .conftest import need_client

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "gost" / "standalone.json"

EXPECTED = {
    "gost-r-7.0.100-2018": [
        # rules 3, 12: one author heads the record and follows " / "; the list is numbered "1. "
        "1. Иванов, И. И. Теория информации / И. И. Иванов. – Москва : Наука, 2019. – 300 с. – Текст : непосредственный.",
        # rule 3: with three authors the first heads the record, all three follow " / "
        "2. Алексеев, А. Механика / А. Алексеев, Б. Борисов, В. Васильев. – Москва : Физматлит, 2018. – Текст : непосредственный.",
        # rule 3 as far as CSL goes: CSL cannot count names, so a record of four or more keeps the
        # first author's heading; " / " gives the first three and "[и др.]". One locale for the
        # whole list: the English entry takes the style's Russian terms (styles/README.md)
        "3. Gamma, E. Design notes / E. Gamma, R. Helm, R. Johnson [и др.]. – Текст : непосредственный // Software. – 1994. – Т. 3, № 2. – С. 10–20.",
    ],
    "gost-r-7.0.5-2008": [
        # rule 13: the heading without a comma, not repeated after " / "
        "1. Иванов И. И. Теория информации. – Москва : Наука, 2019. – 300 с.",
        # rule 13: up to three authors head the reference
        "2. Алексеев А., Борисов Б., Васильев В. Механика. – Москва : Физматлит, 2018.",
        # rule 13 as far as CSL goes: four or more give the first three and "[и др.]" in the heading
        "3. Gamma E., Helm R., Johnson R. [и др.] Design notes // Software. – 1994. – Т. 3, № 2. – С. 10–20.",
    ],
}  # fmt: skip


@pytest.mark.parametrize("style", sorted(EXPECTED))
def test_pandoc_citeproc_numbered_list(style, tmp_path):
    pandoc = need_client("pandoc")
    document = tmp_path / "doc.md"
    document.write_text('---\nnocite: "@*"\n---\n', encoding="utf-8")
    result = subprocess.run(
        [pandoc, str(document), "--citeproc", "--bibliography", str(DATA), "--csl",
         str(ROOT / "styles" / f"{style}.csl"), "-t", "plain", "--wrap=none"],
        capture_output=True, text=True, encoding="utf-8", check=True, timeout=60,
    )  # fmt: skip
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines == EXPECTED[style]
