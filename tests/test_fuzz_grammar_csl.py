"""Grammar-based fuzzing of the CSL-JSON and CSL-YAML readers: hypothesis builds valid CSL items
from the records of ``test_fuzz_grammar`` (so every input reaches the field mapping), written
as a JSON array, JSON Lines or a YAML ``references:`` document, then damaged two ways:

- a value of the wrong shape (a number where names belong, a list where text belongs, a
  fractional volume): the item is still read, the value is kept aside in ``unmapped`` and a
  warning names it; every other field comes back as generated;
- a cut or insertion in one JSON line: that line may be lost, with an error that says so, and
  every other line comes back whole.

Properties: no exception; nothing lost (written back, the items are the generated ones);
every dropped value or line has a diagnostic. Each test prints its yield (references per 100
generated items; run with ``-s``).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from refman.readers import csljson, cslyaml
from refman.writers.csljson import write

from .test_fuzz_grammar import SETTINGS, TYPES, Record, Yield, _damage, _expected, _got, records


def to_item(rec: Record, data: st.DataObject) -> dict[str, Any]:
    """The CSL item for ``rec``; numbers written as CSL allows them, as numbers or as text."""
    item: dict[str, Any] = {"id": rec.key, "type": TYPES[rec.kind][0], "title": rec.title,
                            "issued": {"date-parts": [[rec.year]]}}  # fmt: skip
    if rec.authors:
        item["author"] = [{"family": f, "given": g} for f, g in rec.authors]
    if rec.container:
        item["container-title"] = rec.container
    for var, value in (("volume", rec.volume), ("issue", rec.issue)):
        if value is not None:
            item[var] = data.draw(st.sampled_from([value, str(value)]))
    if rec.pages:
        item["page"] = f"{rec.pages[0]}-{rec.pages[1]}"
    if rec.doi:
        item["DOI"] = rec.doi
    return item


def _got_csl(ref) -> dict:
    """What a reader gave back, numbers as text (CSL's number variables take either)."""
    got = _got(ref)
    for var in ("volume", "issue"):
        got[var] = None if got[var] is None else str(got[var])
    return got


#: Values of the wrong shape for a variable (CSL-JSON schema): names are a list of objects,
#: titles strings, volumes strings or integers.
WRONG = {"author": 42, "title": ["a", "b"], "volume": 1.5, "container-title": {"x": 1}, "DOI": 10.5}


def _spoil(items: list[dict], data: st.DataObject) -> dict[str, tuple[str, Any]]:
    """Give one variable of some items a value of the wrong shape; {id: (variable, value)}."""
    spoiled = {}
    for item in items:
        if data.draw(st.booleans()):
            var = data.draw(st.sampled_from(sorted(WRONG)))
            item[var] = WRONG[var]
            spoiled[item["id"]] = (var, WRONG[var])
    return spoiled


def _check_spoiled(result, items: list[dict], spoiled: dict[str, tuple[str, Any]]) -> None:
    refs = result.library.references
    assert [str(r.id) for r in refs] == [item["id"] for item in items]
    for ref in refs:
        if ref.id in spoiled:
            var, value = spoiled[ref.id]
            assert ref.unmapped == {var: value}
            assert ref.get(var) is None
    warnings = sorted((d.code, d.message) for d in result.diagnostics)
    expected = sorted(
        ("RM009", f"item {n} ({item['id']}): {spoiled[item['id']][0]!r} is not valid CSL; kept aside")
        for n, item in enumerate(items, 1)
        if item["id"] in spoiled
    )
    assert warnings == expected
    # written back, a value kept aside goes under custom.refman.unmapped, under its own name
    kept = []
    for item in items:
        item = dict(item)
        if item["id"] in spoiled:
            var, value = spoiled[item["id"]]
            del item[var]
            item["custom"] = {"refman": {"unmapped": {var: value}}}
        kept.append(item)
    assert json.loads(write(result.library)) == kept


def test_csljson_grammar_nothing_lost():
    seen = Yield("CSL-JSON, valid")

    @SETTINGS
    @given(records(), st.booleans(), st.data())
    def run(recs: list[Record], lines: bool, data: st.DataObject) -> None:
        items = [to_item(r, data) for r in recs]
        text = "\n".join(json.dumps(i, ensure_ascii=False) for i in items) if lines else json.dumps(items)
        result = csljson.read(text, "gen.json")
        refs = result.library.references
        assert [_got_csl(r) for r in refs] == [_expected(r, "-") for r in recs]
        assert result.diagnostics == []
        assert json.loads(write(result.library)) == items
        seen.add(len(refs), len(recs))

    run()
    assert seen.report() == 100.0


def test_cslyaml_grammar_nothing_lost():
    seen = Yield("CSL-YAML, valid")

    @SETTINGS
    @given(records(), st.booleans(), st.data())
    def run(recs: list[Record], front_matter: bool, data: st.DataObject) -> None:
        items = [to_item(r, data) for r in recs]
        text = yaml.safe_dump({"references": items}, allow_unicode=True, sort_keys=False)
        if front_matter:
            text = f"---\n{text}---\n\n# Body\n"
        result = cslyaml.read(text, "gen.yaml")
        refs = result.library.references
        assert [_got_csl(r) for r in refs] == [_expected(r, "-") for r in recs]
        assert result.diagnostics == []
        assert json.loads(write(result.library)) == items
        seen.add(len(refs), len(recs))

    run()
    assert seen.report() == 100.0


@pytest.mark.parametrize(
    ("name", "dump", "read"),
    [
        ("CSL-JSON", lambda items: json.dumps(items, ensure_ascii=False), lambda text: csljson.read(text, "gen.json")),
        ("CSL-YAML", lambda items: yaml.safe_dump(items, allow_unicode=True), lambda text: cslyaml.read(text, "gen.yaml")),
    ],
)  # fmt: skip
def test_wrong_shapes_are_kept_aside_and_named(name, dump, read):
    seen = Yield(f"{name}, wrong shapes")

    @SETTINGS
    @given(records(), st.data())
    def run(recs: list[Record], data: st.DataObject) -> None:
        items = [to_item(r, data) for r in recs]
        spoiled = _spoil(items, data)
        result = read(dump(items))
        _check_spoiled(result, items, spoiled)
        seen.add(len(result.library.references), len(recs))

    run()
    assert seen.report() == 100.0


def test_damaged_json_lines_keep_every_other_line():
    seen = Yield("CSL-JSON lines, damaged")

    @SETTINGS
    @given(records(), st.data())
    def run(recs: list[Record], data: st.DataObject) -> None:
        items = [to_item(r, data) for r in recs]
        lines = [json.dumps(i, ensure_ascii=False) for i in items]
        hit = data.draw(st.integers(0, len(lines) - 1))
        lines[hit] = _damage(lines[hit], data).replace("\n", " ")
        result = csljson.read("\n".join(lines), "gen.jsonl")
        refs = result.library.references
        others = [i for n, i in enumerate(items) if n != hit]
        got = json.loads(write(result.library))
        if len(refs) == len(items) - 1:  # the damaged line is lost, and said to be
            assert got == others
            assert [d.location.line for d in result.diagnostics if d.code == "RM001"] == [hit + 1]
        else:  # the damage left valid JSON: the other items are still exactly as generated
            assert len(refs) == len(items)
            assert [g for n, g in enumerate(got) if n != hit] == others
        seen.add(len(refs), len(recs))

    run()
    assert seen.report() >= 50.0
