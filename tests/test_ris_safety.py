"""RIS output that no value can forge and that drops nothing (CSL-JSON → RIS → CSL-JSON).

Documented normalisations, the only differences a round trip may show: a number comes back
as its text (RIS is text), and an id's line breaks are folded to spaces (the ID tag is the
record's key; ``parse.ris.tags.fold``). Everything else comes back exactly, through the tags
or through the N1 note of ``variable: value`` lines (``parse.ris.note``).
"""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from refman.model import CSL_FIELDS, Library, Reference
from refman.parse.ris import tags as rt
from refman.readers import csljson
from refman.readers.bibtex import read as read_bibtex
from refman.readers.ris import read
from refman.writers import csljson as csljson_writer
from refman.writers.ris import write

EXAMPLES = int(os.environ.get("REFMAN_FUZZ_EXAMPLES", "150"))


def _round_trip(items: list[dict]) -> list[dict]:
    """CSL-JSON text → refman → RIS → refman → CSL-JSON, with refman's own readers and writers."""
    library = csljson.read(json.dumps(items, ensure_ascii=False), "in.json").library
    result = read(write(library), "back.ris")
    assert [d for d in result.diagnostics if d.severity.value == "error"] == []
    return json.loads(csljson_writer.write(result.library))


def _direct(items: list[dict]) -> list[dict]:
    """CSL-JSON text → refman → CSL-JSON: what refman writes with no RIS in between."""
    return json.loads(
        csljson_writer.write(csljson.read(json.dumps(items, ensure_ascii=False), "in.json").library)
    )


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2).strip()) for line in text.splitlines() if (m := rt.TAG_LINE.match(line))]


def test_a_title_cannot_forge_a_record():
    evil = {"id": "a", "type": "article-journal", "title": "Evil\nER  - \n\nTY  - BOOK\nTI  - forged"}
    text = write(Library(references=[Reference.model_validate(evil)]))
    assert [tag for tag, _ in _pairs(text)] == ["TY", "ID", "TI", "N1", "ER"]
    assert ("TI", "Evil ER  - TY  - BOOK TI  - forged") in _pairs(text)
    assert _round_trip([evil]) == [evil]


def test_every_line_break_folds_in_a_one_line_value():
    for brk in ("\n", "\r", "\r\n", "\u2028", "\u2029", "\x85", "\v", "\f", "\x1c", "\x00"):
        text = write(Library(references=[Reference(id="x", title=f"One{brk}TY  - BOOK")]))
        assert text.count("\n") == 6  # TY, ID, TI, N1, ER, and the blank line after the record
        assert f"TI  - One TY  - BOOK\nN1  - title: {json.dumps(f'One{brk}TY  - BOOK')}\n" in text


def test_abstract_paragraphs_are_continuation_lines_and_tag_like_lines_are_joined():
    abstract = "First paragraph.\n\nSecond paragraph.\nER  - \nTY  - BOOK"
    text = write(Library(references=[Reference(id="x", type="article-journal", abstract=abstract)]))
    # the paragraphs stay on lines of their own (Zotero reads them back so); the two lines
    # that look like tags are joined to the text before them
    assert "AB  - First paragraph.\n\nSecond paragraph. ER  - TY  - BOOK\n" in text
    assert [tag for tag, _ in _pairs(text)] == ["TY", "ID", "AB", "N1", "ER"]
    assert (
        _round_trip([{"id": "x", "type": "article-journal", "abstract": abstract}])[0]["abstract"] == abstract
    )
    plain = write(Library(references=[Reference(id="x", type="article-journal", abstract="A.\n\nB.")]))
    assert plain == "TY  - JOUR\nID  - x\nAB  - A.\n\nB.\nER  - \n\n"  # nothing lost: no note


def test_what_ris_has_no_tag_for_goes_to_the_note():
    item = {
        "id": "conf2019", "type": "paper-conference", "title": "Talk", "container-title": "Proceedings",
        "issued": {"date-parts": [[2019], [2020]]}, "event-date": {"date-parts": [[2019, 5, 12]]},
        "chapter-number": "3", "number-of-pages": "300", "version": "2.1", "medium": "CD-ROM",
        "status": "in press", "collection-number": "12", "event-place": "Москва",
        "author": [{"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"}],
    }  # fmt: skip
    text = write(Library(references=[Reference.model_validate(item)]))
    assert text == (
        "TY  - CONF\nID  - conf2019\nAU  - van Beethoven, Ludwig\nTI  - Talk\nT2  - Proceedings\nPY  - 2019\n"
        'N1  - author: {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"}\n'
        "event-date: 2019-05-12\nissued: 2019/2020\nchapter-number: 3\ncollection-number: 12\n"
        "event-place: Москва\nmedium: CD-ROM\nnumber-of-pages: 300\nstatus: in press\nversion: 2.1\n"
        "ER  - \n\n"
    )
    assert _round_trip([item]) == [item]


# Every CSL variable refman models, with values that RIS tags alone would lose somewhere.
EVERY_VARIABLE = {
    "id": "every", "type": "chapter", "citation-key": "every2019", "categories": ["a", "b"],
    "language": "ru", "journalAbbreviation": "J. Abbr.", "shortTitle": "Short",
    **{var: [{"family": "Иванов", "given": "И. И."}] for var in (
        "chair", "collection-editor", "compiler", "composer", "container-author", "contributor",
        "curator", "director", "editorial-director", "executive-producer", "guest", "host",
        "interviewer", "illustrator", "narrator", "organizer", "original-author", "performer",
        "producer", "recipient", "reviewed-author", "script-writer", "series-creator")},
    "author": [{"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"},
               {"literal": "Институт востоковедения РАН"}, {"family": "Smith", "given": "J.", "suffix": "Jr."}],
    "editor": [{"family": "Петров", "given": "П."}], "translator": [{"literal": "A, B"}],
    "accessed": {"date-parts": [[2024, 3, 15]]}, "available-date": {"date-parts": [[2020, 1]]},
    "event-date": {"date-parts": [[2019, 5, 12], [2019, 5, 14]]},
    "issued": {"date-parts": [[2019, 5]], "season": "Spring"},
    "original-date": {"literal": "около 1850"}, "submitted": {"date-parts": [[2018]], "circa": True},
    "abstract": "Абзац один.\n\nАбзац два.", "annote": "annotation", "archive": "Archive",
    "archive_collection": "Fonds 1", "archive_location": "Box 2", "archive-place": "Moscow",
    "authority": "Court", "call-number": "QA76", "chapter-number": 4, "citation-number": 7,
    "citation-label": "Iv19", "collection-number": "12", "collection-title": "Series",
    "container-title": "Сборник статей", "container-title-short": "Сборник", "dimensions": "24 cm",
    "division": "Division", "DOI": "10.1000/xyz", "edition": "2", "event": "Event (deprecated)",
    "event-title": "Conference", "event-place": "Санкт-Петербург",
    "first-reference-note-number": 3, "genre": "Genre", "ISBN": "978-5-02-040123-4",
    "ISSN": "0869-1908", "issue": "1", "jurisdiction": "RU", "keyword": "Korea, sanctions",
    "locator": "12", "medium": "Print", "note": "A note,\nof two lines.", "number": "N-5",
    "number-of-pages": "300", "number-of-volumes": "3", "original-publisher": "Old Press",
    "original-publisher-place": "London", "original-title": "Original", "page": "10–20",
    "page-first": "10", "part": "2", "part-title": "Part two", "PMCID": "PMC123", "PMID": "456",
    "printing": "3", "publisher": "Наука", "publisher-place": "Москва", "references": "12 refs",
    "reviewed-genre": "book", "reviewed-title": "Reviewed", "scale": "1:1000", "section": "Sec",
    "source": "Catalogue", "status": "published", "supplement": "S1", "title": "Заглавие: главы",
    "title-short": "Заглавие", "URL": "https://example.org/x", "version": "1.0", "volume": 5,
    "volume-title": "Volume title", "volume-title-short": "Vol. t.", "year-suffix": "a",
    "custom": {"zotero-key": "ABCD", "refman": {"unmapped": {"bibtex-field": "kept", "et-al": True},
                                                "dates": {"issued": {"source": "May 2019", "pattern": "Month YYYY",
                                                                     "ambiguous": False}}}},
}  # fmt: skip


def test_every_csl_variable_survives_csl_json_ris_csl_json():
    assert set(EVERY_VARIABLE) == set(CSL_FIELDS)  # a new variable in the model needs a value here
    (back,) = _round_trip([EVERY_VARIABLE])
    # the documented normalisation: numbers come back as text
    expected = {k: str(v) if isinstance(v, int) else v for k, v in EVERY_VARIABLE.items()}
    assert back == expected


_PEOPLE = (
    "chair", "compiler", "composer", "container-author", "contributor", "curator", "director",
    "editorial-director", "executive-producer", "guest", "host", "interviewer", "illustrator",
    "narrator", "organizer", "original-author", "performer", "producer", "recipient",
    "reviewed-author", "script-writer", "series-creator",
)  # fmt: skip


def test_the_note_states_only_what_the_tags_do_not_give_back():
    text = write(Library(references=[Reference.model_validate(EVERY_VARIABLE)]))
    for pair in [("TY", "CHAP"), ("A2", "Петров, П."), ("A3", "Иванов, И. И."), ("T2", "Сборник статей"),
                 ("VL", "5"), ("SN", "978-5-02-040123-4"), ("SN", "0869-1908"), ("SP", "10–20"),
                 ("PY", "2019"), ("DA", "2019/05//Spring"), ("Y2", "2024/03/15/"), ("KW", "Korea"),
                 ("KW", "sanctions"), ("N1", "A note,")]:  # fmt: skip
        assert pair in _pairs(text)
    block = text[text.index("N1  - citation-key") : text.index("ER  - ")].removeprefix("N1  - ")
    keys = [row.partition(": ")[0] for row in block.splitlines()]
    # no tag for these; and the tags lose the particle "van" and the literal "A, B" (read as
    # family and given); every other variable is in a tag, exactly
    assert keys == [
        "citation-key", "categories", "journalAbbreviation", "shortTitle", "author", "author", "author",
        *_PEOPLE, "translator", "available-date", "event-date", "original-date", "submitted", "archive",
        "archive_collection", "archive-place", "authority", "chapter-number", "citation-number",
        "collection-number", "dimensions", "division", "event", "event-place", "first-reference-note-number",
        "jurisdiction", "locator", "medium", "number-of-pages", "original-publisher",
        "original-publisher-place", "page-first", "part", "part-title", "PMCID", "PMID", "printing",
        "references", "reviewed-genre", "reviewed-title", "scale", "status", "supplement", "version",
        "volume-title", "volume-title-short", "year-suffix", "custom",
    ]  # fmt: skip
    assert "chair: Иванов || И. И.\n" in block and "translator: A, B\n" in block


def test_unmapped_fields_survive_bibtex_ris_csl_json():
    bib = "@book{key1, title={Title}, author={Ivanov, I.}, year={2019}, langid={russian}, pagetotal={300}, foo={bar}}"
    first = read_bibtex(bib, "a.bib").library.references[0]
    text = write(Library(references=[first]))
    again = read(text, "b.ris").library.references[0]
    assert again.to_csl() == first.to_csl()
    assert first.unmapped == {"foo": "bar"} and again.unmapped == {"foo": "bar"}
    assert write(Library(references=[again])) == text  # RIS → RIS gives the same text


def test_bad_tag_names_from_data_are_never_written():
    ref = Reference(
        id="x", title="T",
        unmapped={"ris": {"tags": {"title": "TI  - x\nER"}, "extra": [["ER\nTY", "v"], ["ZZ", "kept"]]}},
    )  # fmt: skip
    text = write(Library(references=[ref]))
    # ZZ is a good tag, but the extra tags stay together in their order: all in the note
    assert [tag for tag, _ in _pairs(text)] == ["TY", "ID", "TI", "N1", "ER"]
    back = read(text, "x.ris").library.references[0]
    assert back.unmapped["ris"] == {
        "extra": [["ER\nTY", "v"], ["ZZ", "kept"]],
        "tags": {"title": "TI  - x\nER"},
    }


#: Any text, and text made of what RIS, the note block and the readers give meaning to.
_PIECES = ["TY  - BOOK", "ER  - ", "N1  - ", "title: x", "\n", "\r\n", "\r", "\u2028", "\x85", "\v", " ", "\t",
           "a", "Б", ",", ", ", "||", ": ", "{", "[", '"', "-", "–", "10", "2019", "/", "\\"]  # fmt: skip
_TEXT = st.one_of(st.text(max_size=40), st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))
_NAME = st.one_of(
    st.fixed_dictionaries({"family": _TEXT, "given": _TEXT}),
    st.fixed_dictionaries({"literal": _TEXT}),
    st.fixed_dictionaries(
        {"family": _TEXT}, optional={"given": _TEXT, "suffix": _TEXT, "non-dropping-particle": _TEXT}
    ),
)
_TEXT_VARS = (
    "title", "abstract", "note", "keyword", "page", "container-title", "publisher", "volume", "ISBN",
    "ISSN", "number", "URL", "DOI", "genre", "status", "event-place", "language", "section",
)  # fmt: skip


@st.composite
def items(draw: st.DrawFn) -> dict:
    item = {
        "id": draw(_TEXT),
        "type": draw(st.sampled_from(["article-journal", "book", "report", "article"])),
    }
    for var in draw(st.lists(st.sampled_from(_TEXT_VARS), unique=True, max_size=6)):
        item[var] = draw(_TEXT)
    for var in draw(st.lists(st.sampled_from(["author", "editor", "translator"]), unique=True, max_size=2)):
        item[var] = draw(st.lists(_NAME, max_size=3))
    if draw(st.booleans()):
        year = draw(st.integers(1, 2100))
        item["issued"] = (
            {"date-parts": [[year], [year + 1]]} if draw(st.booleans()) else {"literal": draw(_TEXT)}
        )
    if draw(st.booleans()):
        item["custom"] = {"refman": {"unmapped": draw(st.dictionaries(_TEXT, _TEXT, min_size=1, max_size=3))}}
    return item


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(items(), min_size=1, max_size=3))
def test_any_text_in_any_field_gives_one_record_each_and_comes_back(library):
    back = _round_trip(library)
    assert len(back) == len(library)
    for item, again in zip(_direct(library), back, strict=True):
        # the id is folded (it is the ID tag's one line, and RIS has no escapes); the rest exact
        folded = rt.fold(item["id"]).strip()
        assert again.get("id", "") == folded
        assert {k: v for k, v in again.items() if k != "id"} == {k: v for k, v in item.items() if k != "id"}
