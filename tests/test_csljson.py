"""CSL-JSON reader: shapes (array, object, JSON Lines), dates, names, note extras, bad values."""

from __future__ import annotations

import json

from refman.readers.csljson import read, sniff
from refman.writers.csljson import write


def _refs(data, name="t.json"):
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    return read(text, name)


def test_array_object_items_and_json_lines_give_the_same_items():
    items = [{"id": "a", "type": "book", "title": "A"}, {"id": "b", "type": "report", "title": "B"}]
    shapes = [json.dumps(items), json.dumps({"items": items}), "\n".join(json.dumps(i) for i in items) + "\n"]
    for text in shapes:
        result = read(text, "t")
        assert [r.id for r in result.library.references] == ["a", "b"] and result.diagnostics == []
    assert [r.id for r in read(json.dumps(items[0]), "t").library.references] == ["a"]


def test_json_lines_bad_line_is_reported_with_its_line_and_the_rest_read():
    text = '{"id": "a", "type": "book"}\n{"id": "b", "type": \n{"id": "c", "type": "book"}\n'
    result = read(text, "t.jsonl")
    assert [r.id for r in result.library.references] == ["a", "c"]
    assert result.diagnostics[0].location.line == 2


def test_raw_date_is_parsed_and_written_back_as_given():
    result = _refs(
        [{"id": "a", "type": "book", "issued": {"raw": "May 2004"}, "accessed": {"raw": "2020-05-12"}}]
    )
    ref = result.library.references[0]
    assert ref.issued.parsed_parts == [[2004, 5]] and ref.issued.year == 2004
    assert ref.accessed.parsed_parts == [[2020, 5, 12]]
    assert json.loads(write(result.library))[0]["issued"] == {"raw": "May 2004"}


def test_literal_dates_and_literal_names():
    items = [{"id": "a", "type": "legislation", "issued": {"literal": "в ред. от 2022"},
              "author": [{"literal": "Государственная Дума РФ"}, {"family": "Иванов", "given": "И. И."}]}]  # fmt: skip
    result = _refs(items)
    ref = result.library.references[0]
    assert ref.author[0].is_institution and ref.issued.literal == "в ред. от 2022"
    assert json.loads(write(result.library)) == items


def test_zotero_note_extras_fill_missing_variables_and_keep_the_note():
    note = "original-date: 1950\nDOI: 10.1000/xyz\nauthor: Толстой || Лев\nISBN: 123\nSome remark: free text"
    items = [{"id": "a", "type": "book", "ISBN": "978-5-02-040123-4", "note": note}]
    result = _refs(items)
    ref = result.library.references[0]
    assert ref.original_date.date_parts == [[1950]]
    assert ref.DOI == "10.1000/xyz"
    assert ref.author[0].family == "Толстой" and ref.author[0].given == "Лев"
    assert ref.ISBN == "978-5-02-040123-4", "a value the item gives wins over the note"
    assert ref.note == note
    assert json.loads(write(result.library)) == items, "the note still says them: written as given"
    ref.DOI = "10.1000/changed"
    assert json.loads(write(result.library))[0]["DOI"] == "10.1000/changed"


def test_note_type_applies_only_without_a_type():
    ref = _refs([{"id": "a", "note": "type: dataset"}]).library.references[0]
    assert ref.type == "dataset"
    ref = _refs([{"id": "a", "type": "book", "note": "type: dataset"}]).library.references[0]
    assert ref.type == "book"


def test_invalid_value_is_kept_aside_not_the_whole_item():
    result = _refs(
        [{"id": "a", "type": "book", "title": "T", "volume": 1.5, "author": "Smith, John", "x-zotero": 7}]
    )
    ref = result.library.references[0]
    assert ref.title == "T"
    assert ref.unmapped == {"volume": 1.5, "author": "Smith, John", "x-zotero": 7}
    assert {d.code for d in result.diagnostics} == {"RM009"}
    assert json.loads(write(result.library))[0]["custom"]["refman"]["unmapped"]["x-zotero"] == 7


def test_our_own_custom_data_comes_back():
    result = _refs([{"id": "a", "type": "book", "zzz": [1, 2]}])
    again = read(write(result.library), "again.json")
    assert again.library.references[0].unmapped == {"zzz": [1, 2]}


def test_errors_for_unusable_documents():
    for text, part in [("", "empty"), ("[1, 2", "invalid JSON"), ('"a string"', "list of items"),
                       ('{"foo": 1}', "without id or type"), ("[" * 100 + "]" * 100, "nested deeper"),
                       ("[" * 100000, "")]:  # fmt: skip
        result = read(text, "bad.json")
        assert result.library.references == []
        assert result.diagnostics and result.diagnostics[0].severity.value == "error"
        assert part in result.diagnostics[0].message
    result = read('[{"id": "a", "type": "book"}, 3, "x"]', "t.json")
    assert len(result.library.references) == 1 and len(result.diagnostics) == 2


def test_json_lines_with_a_broken_first_line_lose_that_line_only():
    # the first line was cut; the file had been refused whole (every item lost for one line)
    text = '{"id": "a", "type": "bo\n{"id": "b", "type": "book", "title": "B"}\n{"id": "c", "title": "C"}\n'
    result = read(text, "t.jsonl")
    assert [(r.id, r.title) for r in result.library.references] == [("b", "B"), ("c", "C")]
    assert [(d.code, d.location.line) for d in result.diagnostics] == [("RM001", 1)]
    assert result.diagnostics[0].message.startswith("invalid JSON on this line: Unterminated string")
    # a pretty-printed array broken on its first line is still one broken document
    broken = '[x\n  {"id": "b"}\n]\n'
    assert [(d.code, d.message) for d in read(broken, "t.json").diagnostics] == [
        ("RM001", "invalid JSON: Expecting value (column 2)")
    ]


def test_sniff():
    assert sniff('[{"id": "a", "type": "book"}]') >= 0.9
    assert sniff('\ufeff\n{"id": "a", "title": "x"}\n{"id": "b"}') >= 0.9
    assert sniff("[1, 2, 3]") < 0.3
    assert sniff("TY  - JOUR") == 0.0
    assert sniff("- id: a\n  type: book") == 0.0


def test_the_array_is_printed_exactly_as_json_dumps_prints_it():
    """The writer turns items into text one by one; the bytes must not change for that."""
    import json as _json

    from refman.model import Library, Reference
    from refman.writers import csljson as writer

    refs = [Reference(id=f"k{i}", type="book", title=f"Заглавие {i}\\n«{i}»", volume=i) for i in range(3)]
    library = Library(references=refs)
    assert writer.write(library) == _json.dumps(writer.items(library), ensure_ascii=False, indent=2) + "\n"
    assert writer.write(Library()) == "[]\n"
