"""Property: schema-valid CSL-JSON → model → CSL-JSON is the identity (as JSON values)."""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from refman.model import CSL_TYPES, DATE_VARIABLES, NAME_VARIABLES
from refman.readers.csljson import read
from refman.writers.csljson import write

EXAMPLES = int(os.environ.get("REFMAN_FUZZ_EXAMPLES", "150"))

_STRING_VARS = ("title", "container-title", "publisher", "publisher-place", "abstract", "DOI", "URL",
                "note", "genre", "language", "ISBN", "ISSN", "archive_location", "citation-key",
                "title-short", "journalAbbreviation", "event-title", "status")  # fmt: skip
_NUMBER_VARS = ("volume", "issue", "page", "edition", "number", "number-of-pages", "chapter-number")
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
_NUMBER = st.one_of(st.integers(-(10**6), 10**6), _TEXT)
_SCALAR = st.one_of(st.integers(0, 3000), st.text("0123456789-", min_size=1, max_size=6))
_FLAG = st.one_of(st.booleans(), st.integers(0, 1), _TEXT)

_PERSON_KEYS = ("family", "given", "suffix", "non-dropping-particle", "dropping-particle")
_NAME = st.one_of(
    st.fixed_dictionaries(
        {},
        optional={
            **dict.fromkeys(_PERSON_KEYS, _TEXT),
            **dict.fromkeys(("comma-suffix", "static-ordering", "parse-names"), _FLAG),
        },
    ),
    st.fixed_dictionaries({"literal": _TEXT}),
)
_DATE = st.fixed_dictionaries(
    {},
    optional={
        "date-parts": st.lists(st.lists(_SCALAR, min_size=1, max_size=3), min_size=1, max_size=2),
        "season": st.one_of(st.integers(1, 4), _TEXT),
        "circa": _FLAG,
        "literal": _TEXT,
        "raw": st.one_of(
            _TEXT, st.sampled_from(["2020-05", "May 2004", "26.02.2023", "1950/1951", "2020-13"])
        ),
    },
)


@st.composite
def items(draw: st.DrawFn) -> dict:
    item: dict = {
        "id": draw(st.one_of(_TEXT, st.integers(0, 10**6))),
        "type": draw(st.sampled_from(CSL_TYPES)),
    }
    for var in draw(st.lists(st.sampled_from(_STRING_VARS), unique=True, max_size=6)):
        item[var] = draw(_TEXT)
    for var in draw(st.lists(st.sampled_from(_NUMBER_VARS), unique=True, max_size=3)):
        item[var] = draw(_NUMBER)
    for var in draw(st.lists(st.sampled_from(sorted(NAME_VARIABLES)), unique=True, max_size=2)):
        item[var] = draw(st.lists(_NAME, max_size=3))
    for var in draw(st.lists(st.sampled_from(sorted(DATE_VARIABLES)), unique=True, max_size=2)):
        item[var] = draw(_DATE)
    if draw(st.booleans()):
        item["categories"] = draw(st.lists(_TEXT, max_size=3))
    if draw(st.booleans()):
        item["custom"] = draw(
            st.dictionaries(st.text(max_size=8).filter(lambda k: k != "refman"), _TEXT, max_size=3)
        )
    if draw(st.booleans()):  # Zotero's extras in the note, some of them also given as fields
        lines = draw(st.lists(st.sampled_from(["original-date: 1950", "DOI: 10.1/x", "publisher: Наука",
                                               "author: Иванов || Иван", "foo: bar", "{:issue: 3}"]),
                              max_size=4))  # fmt: skip
        item["note"] = "\n".join([draw(_TEXT), *lines])
    return item


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.lists(items(), min_size=1, max_size=4), as_lines=st.booleans())
def test_csl_json_round_trip_is_identity(validate_csl, data, as_lines):
    validate_csl(data)
    text = "\n".join(json.dumps(i, ensure_ascii=False) for i in data) if as_lines else json.dumps(data)
    result = read(text, "gen.json")
    assert [d for d in result.diagnostics if d.severity.value == "error"] == []
    out = json.loads(write(result.library))
    validate_csl(out)
    assert out == data
