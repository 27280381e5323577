"""CSL-YAML reader: pandoc's shapes, agreement with pandoc, and hostile YAML refused safely."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from refman.readers.cslyaml import MAX_NODES, read, sniff
from tests.conftest import need_client

DATA = Path(__file__).parent / "data" / "cslyaml"


def test_references_document_as_pandoc_writes_it():
    result = read((DATA / "pandoc-refs.yaml").read_text(encoding="utf-8"), "refs.yaml")
    assert result.diagnostics == []
    book, article, standard = result.library.references
    assert book.author[1].family == "Денисов" and book.issued.date_parts == [[2008]]
    assert article.volume == 27 and article.page == "379-423"
    assert standard.author[0].literal == "Росстандарт"
    assert standard.issued.raw == "2018-12-03" and standard.issued.parsed_parts == [[2018, 12, 3]]


def test_agrees_with_pandoc_field_by_field():
    """Deliberate difference: YAML numbers stay numbers (CSL allows them); pandoc makes strings."""
    pandoc = need_client("pandoc")
    path = DATA / "pandoc-refs.yaml"
    theirs = json.loads(subprocess.run([pandoc, "-f", "markdown", "-t", "csljson", str(path)],
                                       capture_output=True, check=True, text=True).stdout)  # fmt: skip
    ours = read(path.read_text(encoding="utf-8"), str(path)).library.references
    assert len(ours) == len(theirs)
    for ref, item in zip(ours, theirs, strict=True):
        mine = ref.to_csl()
        assert set(mine) == set(item), ref.id
        for key, value in item.items():
            if isinstance(value, dict) and "date-parts" in value:
                assert ref.get(key).parts == value["date-parts"][0], (ref.id, key)
            elif isinstance(value, (str, int)):
                assert str(mine[key]) == str(value), (ref.id, key)
            else:
                assert mine[key] == value, (ref.id, key)


def test_plain_list_front_matter_and_multiple_documents():
    assert [r.id for r in read("- id: a\n  type: book\n- id: b\n  type: book\n", "t").library.references] == [
        "a",
        "b",
    ]
    markdown = "---\nreferences:\n- id: a\n  type: book\n---\n\n# Heading\n\nText: with a colon.\n"
    assert [r.id for r in read(markdown, "t.md").library.references] == ["a"]
    multi = "---\n- id: a\n  type: book\n---\n- id: b\n  type: book\n"
    assert [r.id for r in read(multi, "t").library.references] == ["a", "b"]


def test_billion_laughs_is_refused_at_once():
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    previous = "a"
    for name in "bcdefghij":
        bomb += f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]\n"
        previous = name
    result = read(bomb, "bomb.yaml")
    assert result.library.references == []
    assert f"{MAX_NODES:,}" in result.diagnostics[0].message


def test_a_few_aliases_are_fine():
    text = "- id: a\n  type: book\n  author: &ivanov\n  - family: Иванов\n- id: b\n  type: book\n  author: *ivanov\n"
    refs = read(text, "t").library.references
    assert refs[1].author[0].family == "Иванов"


def test_hostile_and_broken_yaml_end_in_a_diagnostic():
    cases = {
        "deep flow": "[" * 200000,
        "deep block": "- " * 200000 + "x",
        "python tag": '- !!python/object/apply:os.system ["echo pwned"]',
        "bad syntax": "- id: a\n  type: [book\n",
        "scalar": "just a sentence",
        "empty": "   \n",
        "not items": "title: x\n",
    }
    for label, text in cases.items():
        result = read(text, "bad.yaml")
        assert result.library.references == [], label
        assert result.diagnostics and result.diagnostics[0].severity.value == "error", label


def test_sniff():
    assert sniff((DATA / "pandoc-refs.yaml").read_text(encoding="utf-8")) >= 0.9
    assert sniff("- id: a\n  type: book\n  title: T\n") >= 0.8
    assert sniff('[{"id": "a"}]') == 0.0
    assert sniff("TY  - JOUR\nER  - \n") == 0.0
    assert sniff("1. Иванов И. И. История. М., 2019.") == 0.0
