"""RIS reader and writer: tags and types, dates (PY/Y1/DA, Y2 = accessed), structure, CRLF."""

from __future__ import annotations

from pathlib import Path

import pytest

from refman.model import CSL_TYPES, Library, Reference
from refman.parse.ris import tags as rt
from refman.readers.ris import read, sniff
from refman.writers.ris import write

DATA = Path(__file__).parent / "data" / "ris"


def _one(text: str) -> Reference:
    result = read(text, "t.ris")
    assert len(result.library.references) == 1, result.diagnostics
    return result.library.references[0]


def _pairs(text: str) -> list[tuple[str, str]]:
    out = []
    for line in text.splitlines():
        match = rt.TAG_LINE.match(line)
        if match:
            out.append((match.group(1), match.group(2).strip()))
    return out


def test_zotero_export_reads_every_field():
    result = read((DATA / "zotero.ris").read_text(encoding="utf-8"), "zotero.ris")
    assert result.diagnostics == []
    article, book, chapter = result.library.references
    assert article.type == "article-journal"
    assert article.author[0].family == "Zakharova" and article.author[0].given == "Liudmila V."
    assert (
        article.container_title.startswith("Vostok.") and article.container_title_short == "Vostok (Oriens)"
    )
    assert article.issued.date_parts == [[2023, 2, 26]]
    assert article.accessed.date_parts == [[2024, 3, 15]]
    assert article.page == "72-84" and article.issue == "1" and article.ISSN == "0869-1908"
    assert article.keyword == "Russian-North Korean relations, sanctions, COVID-19"
    assert article.unmapped == {}  # a canonical record needs nothing kept aside
    assert [a.family for a in book.author] == ["Толорая", "Иванов"]
    assert book.author[0].given == "Георгий Давидович" and book.author[1].given == "И. И."
    assert book.ISBN == "978-5-02-040123-4" and book.publisher_place == "Москва"
    assert chapter.type == "chapter" and chapter.editor[0].family == "Smith"
    assert chapter.collection_title == "Studies in Asian Security"
    assert chapter.issued.date_parts == [[2015]] and chapter.issued.season == "Spring"


def test_round_trip_gives_back_every_line():
    text = (DATA / "zotero.ris").read_text(encoding="utf-8")
    out = write(read(text, "zotero.ris").library)
    # the one change: a name written without the spec's comma gets it ("Family, Given")
    expected = [("AU", "Иванов, И. И.") if p == ("AU", "Иванов И. И.") else p for p in _pairs(text)]
    assert sorted(_pairs(out)) == sorted(expected)


def test_crlf_file_and_unknown_tag():
    raw = (DATA / "crlf-webpage.ris").read_bytes()
    assert b"\r\n" in raw
    text = raw.decode("utf-8").replace("\r\n", "\n")
    ref = _one(text)
    assert ref.type == "webpage" and ref.container_title == "РИА Новости"
    assert ref.issued is None, "Y2 is the access date, never the publication date"
    assert ref.accessed.date_parts == [[2023, 9, 14]]
    assert ref.unmapped["ris"]["extra"] == [["ZZ", "something custom"]]
    assert ("ZZ", "something custom") in _pairs(write(Library(references=[ref])))


@pytest.mark.parametrize(
    ("lines", "issued", "accessed"),
    [
        (["PY  - 1948", "DA  - July"], [[1948, 7]], None),
        (["DA  - July", "PY  - 1948"], [[1948, 7]], None),  # the month before the year
        (["Y1  - 2004/05/01/"], [[2004, 5, 1]], None),
        (["PY  - 2012", "DA  - 2012/09/01"], [[2012, 9, 1]], None),
        (["DA  - 2020-05-12"], [[2020, 5, 12]], None),
        (["Y2  - 2021/03/04/"], None, [[2021, 3, 4]]),
        (["PY  - 2019", "Y2  - 2021-03-04"], [[2019]], [[2021, 3, 4]]),
    ],
)
def test_publication_and_access_dates(lines, issued, accessed):
    ref = _one("\n".join(["TY  - JOUR", "TI  - X", *lines, "ER  - "]))
    assert (ref.issued.date_parts if ref.issued else None) == issued
    assert (ref.accessed.date_parts if ref.accessed else None) == accessed


def test_disagreeing_da_is_kept_and_reported():
    result = read("TY  - JOUR\nPY  - 2019\nDA  - 2021/01/02/\nER  - \n", "t.ris")
    ref = result.library.references[0]
    assert ref.issued.date_parts == [[2019]]
    assert ["DA", "2021/01/02/"] in ref.unmapped["ris"]["extra"]
    assert any("disagrees" in d.message for d in result.diagnostics)
    assert ("DA", "2021/01/02/") in _pairs(write(result.library))


def test_unparseable_date_is_kept_raw():
    ref = _one("TY  - BOOK\nTI  - X\nPY  - n.d.\nER  - \n")
    assert ref.issued.raw == "n.d." and ref.issued.date_parts is None
    assert ("PY", "n.d.") in _pairs(write(Library(references=[ref])))
    superscript = _one("TY  - BOOK\nPY  - ²\nER  - \n")  # a digit that is not a number
    assert superscript.issued.raw == "²" and superscript.issued.date_parts is None


def test_repeated_authors_keywords_and_notes():
    ref = _one(
        "TY  - JOUR\nAU  - Smith, John\nA1  - Petrova, Anna\nAU  - World Health Organization\n"
        "KW  - sanctions\nKW  - trade, economy\nN1  - first\nN1  - second\nER  - \n"
    )
    assert [a.family for a in ref.author[:2]] == ["Smith", "Petrova"]
    assert ref.author[2].literal == "World Health Organization"
    assert ref.keyword == "sanctions, trade, economy"
    assert ref.note == "first\n\nsecond"
    pairs = _pairs(write(Library(references=[ref])))
    assert [p for p in pairs if p[0] in ("AU", "A1")] == [
        ("AU", "Smith, John"), ("A1", "Petrova, Anna"), ("AU", "World Health Organization")
    ]  # fmt: skip
    assert [v for t, v in pairs if t == "KW"] == ["sanctions", "trade, economy"]
    assert [v for t, v in pairs if t == "N1"] == ["first", "second"]


def test_multiline_values_and_blank_lines_inside_a_value():
    text = "TY  - JOUR\nAB  - First paragraph\ncontinues here.\n\nSecond paragraph.\nER  - \n"
    ref = _one(text)
    assert ref.abstract == "First paragraph\ncontinues here.\n\nSecond paragraph."
    assert _one(write(Library(references=[ref]))).abstract == ref.abstract


def test_serial_numbers_by_pattern_and_type():
    ref = _one("TY  - JOUR\nSN  - 0869-1908\nSN  - 978-5-02-040123-4\nER  - \n")
    assert ref.ISSN == "0869-1908" and ref.ISBN == "978-5-02-040123-4"
    report = _one("TY  - RPRT\nSN  - WP-2021/7\nER  - \n")
    assert report.number == "WP-2021/7"
    assert ("SN", "WP-2021/7") in _pairs(write(Library(references=[report])))


def test_structure_problems_are_reported_and_records_read():
    text = "Provider: Some Catalogue\n\nTY  - BOOK\nTI  - One\nTY  - BOOK\nTI  - Two\nER  - \nER  - \nTI  - Three\n"
    result = read(text, "t.ris")
    assert [r.title for r in result.library.references] == ["One", "Two", "Three"]
    messages = " | ".join(d.message for d in result.diagnostics)
    for part in ("outside a RIS record", "no ER line", "ER without a record", "before TY"):
        assert part in messages
    assert all(d.location.line for d in result.diagnostics)


def test_unknown_type_read_as_document_and_written_back():
    result = read("TY  - WEIRD\nTI  - X\nER  - \n", "t.ris")
    ref = result.library.references[0]
    assert ref.type == "document" and ref.unmapped["ris"]["type"] == "WEIRD"
    assert any("unknown RIS type" in d.message for d in result.diagnostics)
    assert write(result.library).startswith("TY  - WEIRD\n")


def test_no_records_is_an_error():
    result = read("just some text\n", "t.ris")
    assert result.library.references == []
    assert result.diagnostics[-1].severity.value == "error"


@pytest.mark.parametrize("csl_type", CSL_TYPES)
def test_every_csl_type_has_a_ris_type_that_reads_back(csl_type):
    ris_type = rt.CSL_TO_RIS[csl_type]
    assert ris_type in rt.RIS_TO_CSL
    text = write(Library(references=[Reference(id="x", type=csl_type, title="T")]))
    assert _one(text).type == csl_type
    # several CSL types share one RIS type: TY reads as another, so the note names the type
    lossy = {"article": "document", "entry": "document", "event": "document", "performance": "document",
             "treaty": "document", "collection": "book", "broadcast": "motion_picture", "interview":
             "personal_communication", "post": "post-weblog", "review": "article-journal",
             "review-book": "article-journal"}  # fmt: skip
    assert rt.RIS_TO_CSL[ris_type] == lossy.get(csl_type, csl_type)
    assert (("N1", f"type: {csl_type}") in _pairs(text)) == (csl_type in lossy)


def test_every_ris_type_reads_as_a_csl_type():
    assert set(rt.RIS_TO_CSL.values()) <= set(CSL_TYPES)
    for ris_type in ("JOUR", "BOOK", "CHAP", "ELEC", "CONF", "THES", "STAT", "BILL", "LEGAL", "GEN",
                     "RPRT", "DATA", "NEWS", "CASE", "PAT", "STAND", "MGZN", "BLOG", "MAP"):  # fmt: skip
        assert ris_type in rt.RIS_TO_CSL


def test_writer_from_csl_json_item():
    ref = Reference.model_validate(
        {"id": "ivanov2019", "type": "chapter", "title": "Глава", "container-title": "Сборник",
         "author": [{"family": "Иванов", "given": "И. И."}, {"literal": "ИМЭМО РАН"}],
         "editor": [{"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"}],
         "issued": {"date-parts": [[2019, 5]]}, "accessed": {"date-parts": [[2024, 1, 2]]},
         "page": "10–20", "keyword": "Корея, санкции", "URL": "https://example.org/x"}
    )  # fmt: skip
    pairs = _pairs(write(Library(references=[ref])))
    assert pairs[0] == ("TY", "CHAP") and pairs[-1] == ("ER", "")
    for pair in [("ID", "ivanov2019"), ("AU", "Иванов, И. И."), ("AU", "ИМЭМО РАН"), ("A2", "van Beethoven, Ludwig"),
                 ("T2", "Сборник"), ("PY", "2019"), ("DA", "2019/05//"), ("Y2", "2024/01/02/"),
                 ("SP", "10–20"), ("KW", "Корея"), ("KW", "санкции")]:  # fmt: skip
        assert pair in pairs
    assert "EP" not in dict(pairs)  # an en-dash range stays whole in SP: SP/EP would give a hyphen
    again = _one(write(Library(references=[ref])))
    assert again.issued.date_parts == [[2019, 5]] and again.accessed.date_parts == [[2024, 1, 2]]
    assert again.page == "10–20" and again.unmapped == {}


def test_sniff():
    assert sniff((DATA / "zotero.ris").read_text(encoding="utf-8")) > 0.9
    assert sniff("\n\nTY  - JOUR\nER  - \n") > 0.5
    assert sniff('[{"id": "x"}]') == 0.0
    assert sniff("@article{x, title={T}}") == 0.0
    assert sniff("1. Ivanov I. I. Title. 2019.") == 0.0
