"""One fixture per rule (tests/data/rules/RMnnn.json): cases that must fire, cases that must not,
and for fixable cases the field values after `--fix` (with `"unsafe": true`, `--unsafe-fixes`);
`"severity"` is the severity every finding of the case must have (a rule may report weaker
evidence below its own severity).
An item's `_raw`, `_number`, `_line` and `_format` become its `origin` (what a reader sets)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from refman.core.fixes import fix_library
from refman.core.rules import RULES
from refman.core.validate import validate
from refman.model import Article, Library, Reference, SourceSpan

from .conftest import DATA

FIXTURES = DATA / "rules"
TODAY = date(2024, 6, 1)
CHECKED = sorted(code for code, rule in RULES.items() if rule.check is not None)


def _library(case: dict) -> Library:
    refs = []
    for item in case["items"]:
        item = dict(item)
        raw, number, line = item.pop("_raw", None), item.pop("_number", None), item.pop("_line", None)
        fmt = item.pop("_format", None)
        ref = Reference.model_validate(item)
        if raw is not None or fmt is not None:
            ref.origin = SourceSpan(path="list.txt", line=line, number=number, raw=raw, format=fmt)
        refs.append(ref)
    article = Article.model_validate(case["article"]) if "article" in case else None
    return Library(references=refs, article=article)


def _load(code: str) -> dict:
    path = FIXTURES / f"{code}.json"
    assert path.exists(), f"rule {code} has no fixture {path.name}"
    return json.loads(path.read_text(encoding="utf-8"))


def _cases(kind: str):
    for code in CHECKED:
        path = FIXTURES / f"{code}.json"
        cases = json.loads(path.read_text(encoding="utf-8"))[kind] if path.exists() else [None]
        for i, case in enumerate(cases):
            yield pytest.param(code, case, id=f"{code}-{kind}-{i}")


def test_every_rule_with_a_check_has_a_fixture_both_ways():
    for code in CHECKED:
        data = _load(code)
        assert data["rule"] == code
        assert data["fire"] and data["quiet"], f"{code}: needs cases that fire and cases that do not"


def test_every_fixture_names_a_rule():
    names = {p.stem for p in FIXTURES.glob("RM*.json")}
    assert names <= set(RULES), names - set(RULES)


@pytest.mark.parametrize(("code", "case"), list(_cases("fire")))
def test_fires(code, case):
    assert case is not None, f"{code} has no fixture"
    library = _library(case)
    found = [d for d in validate(library, select=[code], today=TODAY) if d.code == code]
    assert found, f"{code} did not fire"
    for diag in found:
        assert diag.name == RULES[code].name and diag.message
    if "expect" in case:
        got = sorted((d.reference, d.field) for d in found)
        assert got == sorted(tuple(e) for e in case["expect"]), [d.message for d in found]
    if "severity" in case:
        assert {d.severity.value for d in found} == {case["severity"]}, [d.message for d in found]
    if "fixed" in case:
        changes = fix_library(library, unsafe=case.get("unsafe", False), select=[code], today=TODAY)
        assert changes
        by_id = {str(ref.id): ref for ref in library.references}
        for ref_id, fields in case["fixed"].items():
            for var, value in fields.items():
                got = by_id[ref_id].get(var)
                if isinstance(got, list):
                    got = [n.model_dump(by_alias=True, exclude_none=True) for n in got]
                assert got == value, f"{code}: {ref_id}.{var}"
        again = fix_library(library, unsafe=case.get("unsafe", False), select=[code], today=TODAY)
        assert again == [], "a second --fix changed something"


@pytest.mark.parametrize(("code", "case"), list(_cases("quiet")))
def test_stays_quiet(code, case):
    assert case is not None, f"{code} has no fixture"
    found = [d for d in validate(_library(case), select=[code], today=TODAY) if d.code == code]
    assert not found, [d.message for d in found]


def test_unsafe_fixes_are_not_applied_by_default():
    library = _library({"items": [{"id": "a", "type": "webpage", "title": "ALL CAPS TITLE HERE"}]})
    assert fix_library(library, select=["RM207"], today=TODAY) == []
    assert library.references[0].title == "ALL CAPS TITLE HERE"


def test_a_hyphenated_spelling_is_never_closed_up_by_a_safe_fix():
    """ "pretty-printing" beside "prettyprinting" and "printing", "Xy-pic" twice beside "Xypic":
    meant hyphens (a half that is a word, a spelling used twice), so RM206 only notes them."""
    titles = ["On pretty-printing", "A prettyprinting tool", "Printing", "Xy-pic diagrams", "More Xy-pic"]
    titles.append("Xypic")
    library = _library({"items": [{"id": str(i), "type": "book", "title": t} for i, t in enumerate(titles)]})
    assert fix_library(library, select=["RM206"], today=TODAY) == []
    assert [ref.title for ref in library.references] == titles
    found = validate(library, select=["RM206"], today=TODAY)
    assert [(d.reference, d.severity.value, d.fix.safety.value) for d in found] == [
        ("0", "info", "unsafe"), ("3", "info", "unsafe"), ("4", "info", "unsafe")]  # fmt: skip


def test_two_rules_never_undo_each_others_fixes():
    """RM202 spaces "NJ:Prentice Hall"; RM503 copied the other record's spelling back over it
    (a tie, broken by the text), so each pass swapped the two records and every --unsafe-fixes
    run changed the list again. Now both settle on the clean spelling."""
    items = [{"id": i, "type": "book", "title": "T", "publisher": p}
             for i, p in zip("ab", ["NJ:Prentice Hall", "NJ: Prentice Hall"], strict=True)]  # fmt: skip
    library = _library({"items": items})
    assert fix_library(library, unsafe=True, select=["RM202", "RM503"], today=TODAY)
    assert {ref.publisher for ref in library.references} == {"NJ: Prentice Hall"}
    assert fix_library(library, unsafe=True, today=TODAY) == []


def test_every_rule_is_documented_with_the_fixed_sections():
    for code, rule in RULES.items():
        sections = rule.sections()
        assert list(sections) == ["What it checks", "Why it matters", "Example", "Fix safety"], code
        assert all(text.strip() for text in sections.values()), code
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
        assert rule.summary.endswith("."), code


def test_codes_are_grouped_by_hundreds():
    groups = {"0": "input", "1": "structure", "2": "field format", "3": "identifiers", "4": "dates",
              "5": "duplicates and keys", "6": "GOST"}  # fmt: skip
    for code, rule in RULES.items():
        assert rule.group == groups[code[2]]
    assert all(rule.scope == "reader" for code, rule in RULES.items() if code.startswith("RM0"))


EMITTED = re.compile(r"""["'](RM\d{3})["']""")


def _emitted() -> dict[str, set[str]]:
    """Every code written as a string literal in refman/ outside the rules, and where."""
    root = Path(__file__).resolve().parent.parent / "refman"
    out: dict[str, set[str]] = {}
    for path in root.rglob("*.py"):
        if "rules" in path.parts:
            continue
        for code in EMITTED.findall(path.read_text(encoding="utf-8")):
            out.setdefault(code, set()).add(str(path.relative_to(root)))
    return out


def test_every_code_emitted_anywhere_is_registered():
    missing = {code: sorted(where) for code, where in _emitted().items() if code not in RULES}
    assert not missing, missing


def test_dedupe_rule_is_registered_when_dedupe_exists():
    pytest.importorskip("refman.core.dedupe.engine")
    assert "RM504" in RULES


_NAMED = re.compile(r"""["'](RM\d{3})["'],\s*["']([a-z0-9-]+)["']""")


def test_emitted_codes_use_the_registered_names():
    root = Path(__file__).resolve().parent.parent / "refman"
    clashes = []
    for path in root.rglob("*.py"):
        if "rules" in path.parts:
            continue
        for code, name in _NAMED.findall(path.read_text(encoding="utf-8")):
            if code in RULES and RULES[code].name != name:
                clashes.append(f"{path.relative_to(root)}: {code} {name!r} (registered {RULES[code].name!r})")
    assert not clashes, clashes
