"""The RIS two-way table: every row written as its tag and read back to its variable."""

from __future__ import annotations

from typing import Any

import pytest

from refman.model import Library, Name, Reference
from refman.parse.ris.record import build
from refman.parse.ris.table import TABLE
from refman.writers.ris import write

#: (variable, value, RIS type, the tag line written). Checked by hand against the RIS
#: specification's tag list (2011) and what Zotero writes.
ROWS: list[tuple[str, Any, str, str]] = [
    ("id", "ivanov2019", "JOUR", "ID  - ivanov2019"),
    ("author", [Name(family="Иванов", given="И. И.")], "JOUR", "AU  - Иванов, И. И."),
    ("editor", [Name(family="Smith", given="John")], "BOOK", "A2  - Smith, John"),
    ("collection-editor", [Name(family="Doe", given="J.")], "BOOK", "A3  - Doe, J."),
    ("translator", [Name(family="Козлова", given="М. С.")], "BOOK", "A4  - Козлова, М. С."),
    ("title", "Санкции и экономика", "JOUR", "TI  - Санкции и экономика"),
    ("title-short", "Санкции", "JOUR", "ST  - Санкции"),
    ("container-title", "Вопросы истории", "JOUR", "T2  - Вопросы истории"),
    ("container-title-short", "Вопр. ист.", "JOUR", "J2  - Вопр. ист."),
    ("collection-title", "Библиотека", "BOOK", "T3  - Библиотека"),
    ("event-title", "Logic Colloquium", "CONF", "C3  - Logic Colloquium"),
    ("volume", "12", "JOUR", "VL  - 12"),
    ("issue", "3", "JOUR", "IS  - 3"),
    ("number", "7.0.100-2018", "STAND", "M1  - 7.0.100-2018"),
    ("number-of-volumes", "5", "BOOK", "NV  - 5"),
    ("edition", "2", "BOOK", "ET  - 2"),
    ("section", "B", "NEWS", "SE  - B"),
    ("publisher", "Гнозис", "BOOK", "PB  - Гнозис"),
    ("publisher-place", "М.", "BOOK", "CY  - М."),
    ("genre", "PhD thesis", "THES", "M3  - PhD thesis"),
    ("ISBN", "5-7333-0485-6", "BOOK", "SN  - 5-7333-0485-6"),
    ("ISSN", "0042-8779", "JOUR", "SN  - 0042-8779"),
    ("DOI", "10.1000/xyz_123", "JOUR", "DO  - 10.1000/xyz_123"),
    ("URL", "https://example.org/a", "ELEC", "UR  - https://example.org/a"),
    ("language", "ru", "JOUR", "LA  - ru"),
    ("abstract", "Short.", "JOUR", "AB  - Short."),
    ("call-number", "QA76", "BOOK", "CN  - QA76"),
    ("source", "Scopus", "JOUR", "DB  - Scopus"),
    ("archive_location", "Box 3", "GEN", "AV  - Box 3"),
    ("original-title", "Die Welt", "BOOK", "OP  - Die Welt"),
    ("citation-label", "Iv19", "JOUR", "LB  - Iv19"),
    ("annote", "Read twice.", "JOUR", "RN  - Read twice."),
]
CSL = {"JOUR": "article-journal", "BOOK": "book", "CONF": "paper-conference", "STAND": "standard",
       "NEWS": "article-newspaper", "THES": "thesis", "ELEC": "webpage", "GEN": "document"}  # fmt: skip


def test_every_row_of_the_table_is_tested_here():
    assert {row.var for row in TABLE} == {case[0] for case in ROWS}


@pytest.mark.parametrize(("var", "value", "ris_type", "line"), ROWS)
def test_a_row_is_written_as_its_tag(var, value, ris_type, line):
    ref = Reference(id="ivanov2019" if var == "id" else "", type=CSL[ris_type])
    ref.set(var, value)
    lines = write(Library(references=[ref])).splitlines()
    assert lines[0] == f"TY  - {ris_type}" and line in lines


@pytest.mark.parametrize(("var", "value", "ris_type", "line"), ROWS)
def test_a_row_is_read_back_to_its_variable(var, value, ris_type, line):
    tag, _, text = line.partition("  - ")
    data = build([("TY", ris_type), (tag, text)]).data
    assert data[var] == value
    assert "unmapped" not in data
