"""`refman validate` and `refman rules` end to end: exit statuses, JSON, SARIF, pipes, --fix,
the seed's report (a golden file reviewed finding by finding), and the README's rule table."""

from __future__ import annotations

import json

import pytest

from .conftest import DATA, ROOT, SEED, golden_text

GOLDEN = ROOT / "tests" / "golden"
TODAY = "2024-06-01"
CLEAN = [{"id": "ivanov2019", "type": "book", "title": "Заглавие", "language": "ru",
          "author": [{"family": "Иванов", "given": "И. И."}], "issued": {"date-parts": [[2019]]},
          "publisher": "Наука", "publisher-place": "Москва", "number-of-pages": "300"}]  # fmt: skip
DIRTY = [
    {"id": "a", "type": "webpage", "title": "Trade &amp; sanctions , secondly", "container-title": "TASS",
     "URL": "https://tass.ru/1", "accessed": {"date-parts": [[2022, 8, 6]]}, "issued": {"date-parts": [[2022, 8, 1]]},
     "language": "en", "DOI": "https://doi.org/10.1000/xyz"},
    {"id": "b", "type": "webpage", "title": "RUSSIAN COAL AND THE PATH", "container-title": "TASS",
     "URL": "https://tass.ru/2", "accessed": {"date-parts": [[2022, 8, 6]]}, "issued": {"date-parts": [[2022, 8, 1]]},
     "language": "en"},
]  # fmt: skip


def _write(tmp_path, items, name="refs.json"):
    path = tmp_path / name
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_clean_input_exits_0_with_nothing_on_stdout(run_cli, tmp_path):
    code, out, err = run_cli("validate", _write(tmp_path, CLEAN), "--today", TODAY)
    assert (code, out) == (0, ""), err


def test_findings_exit_1_and_exit_zero(run_cli, tmp_path):
    path = _write(tmp_path, DIRTY)
    code, out, _ = run_cli("validate", path, "--today", TODAY)
    assert code == 1
    lines = out.splitlines()
    assert lines and all(line.startswith(f"{path}: RM") for line in lines)  # piped: file[:line]: CODE …
    assert run_cli("validate", path, "--exit-zero", "--today", TODAY)[0] == 0


def test_unusable_input_and_unknown_rule_exit_2(run_cli, tmp_path):
    code, out, err = run_cli("validate", str(tmp_path / "missing.bib"))
    assert code == 2 and out == "" and err.count("\n") == 1
    code, _, err = run_cli("validate", _write(tmp_path, CLEAN), "--select", "RM999")
    assert code == 2 and "RM999" in err


def test_json_shape_and_selection(run_cli, tmp_path):
    path = _write(tmp_path, DIRTY)
    code, out, _ = run_cli("validate", path, "--format", "json", "--today", TODAY)
    data = json.loads(out)
    assert code == 1 and isinstance(data, list) and data
    for item in data:
        assert {"code", "name", "severity", "message", "reference", "field"} <= set(item)
    codes = {item["code"] for item in data}
    assert {"RM201", "RM207", "RM208", "RM301"} <= codes
    _, out, _ = run_cli("validate", path, "--format", "json", "--select", "RM2", "--ignore", "RM207,RM208")
    assert {item["code"] for item in json.loads(out)} == {"RM201"}


def _check_sarif(log: dict) -> None:
    """The properties SARIF 2.1.0 requires (sarif-schema-2.1.0: sarifLog, run, tool,
    toolComponent, reportingDescriptor, result, message, region), checked by hand."""
    assert log["version"] == "2.1.0" and isinstance(log["runs"], list)
    for run in log["runs"]:
        driver = run["tool"]["driver"]
        assert isinstance(driver["name"], str) and driver["name"]
        ids = [rule["id"] for rule in driver.get("rules", [])]
        assert len(ids) == len(set(ids))
        for result in run["results"]:
            assert isinstance(result["message"]["text"], str)
            assert result["level"] in ("none", "note", "warning", "error")
            if "ruleIndex" in result:
                assert ids[result["ruleIndex"]] == result["ruleId"]
            for location in result.get("locations", []):
                physical = location.get("physicalLocation")
                if physical:
                    assert isinstance(physical["artifactLocation"]["uri"], str)
                    assert physical.get("region", {}).get("startLine", 1) >= 1


def test_sarif_is_valid(run_cli, tmp_path):
    code, out, _ = run_cli("validate", str(SEED), "--format", "sarif", "--today", TODAY)
    log = json.loads(out)
    _check_sarif(log)
    results = log["runs"][0]["results"]
    assert code == 1 and results
    assert any(r["ruleId"] == "RM401" and r["locations"][0]["physicalLocation"]["region"]["startLine"] == 28
               for r in results)  # fmt: skip


def test_fix_writes_safe_fixes_and_is_idempotent(run_cli, tmp_path):
    path = _write(tmp_path, DIRTY)
    before = (tmp_path / "refs.json").read_bytes()
    code, out, err = run_cli("validate", path, "--fix", "-o", str(tmp_path / "fixed.json"), "--today", TODAY)
    assert code == 1 and out == ""  # findings remain (unsafe ones); the data went to -o
    assert (tmp_path / "refs.json").read_bytes() == before  # the input is never touched
    fixed = {item["id"]: item for item in json.loads((tmp_path / "fixed.json").read_text(encoding="utf-8"))}
    assert fixed["a"]["title"] == "Trade & sanctions, secondly"
    assert fixed["a"]["DOI"] == "10.1000/xyz"
    assert fixed["b"]["title"] == "RUSSIAN COAL AND THE PATH"  # unsafe: left alone
    assert "fixed [1] a:" in err and "(RM201)" in err
    _, out, err = run_cli("validate", str(tmp_path / "fixed.json"), "--fix", "--today", TODAY)
    assert "0 fixes applied" in err
    assert json.loads(out) == json.loads((tmp_path / "fixed.json").read_text(encoding="utf-8"))
    _, out, _ = run_cli("validate", path, "--fix", "--unsafe-fixes", "--today", TODAY)
    assert {i["id"]: i for i in json.loads(out)}["b"]["title"] == "Russian coal and the path"


@pytest.mark.parametrize("unsafe", [[], ["--unsafe-fixes"]])
def test_a_second_fix_of_written_bibtex_changes_nothing(run_cli, tmp_path, unsafe):
    """Corpus entries whose fixes came back after `--fix -o a.bib`: a family name "J. B. Mason"
    (written back as a literal), "NJ:Prentice Hall" beside "NJ: Prentice Hall" (RM202 and
    RM503 swapped them), a CJK journal (an ALL CAPS "fix" that changed nothing), TeX math."""
    source = DATA / "fixes" / "second-fix.bib"
    first, second = tmp_path / "a.bib", tmp_path / "b.bib"
    _, _, err = run_cli("validate", str(source), "--fix", *unsafe, "-o", str(first), "--today", TODAY)
    assert "fixes applied" in err and "refman: 0 fixes applied" not in err
    _, _, err = run_cli("validate", str(first), "--fix", *unsafe, "-o", str(second), "--today", TODAY)
    assert err.startswith("refman: 0 fixes applied"), err
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")


def test_fix_of_a_page_needs_a_data_format(run_cli):
    code, _, err = run_cli("validate", str(SEED), "--fix")
    assert code == 2 and "--to" in err
    code, out, _ = run_cli("validate", str(SEED), "--fix", "--to", "csl-json", "--today", TODAY)
    assert code == 1 and len(json.loads(out)) == 24


def test_fix_keeps_bibtex_as_bibtex(run_cli, tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text("@article{ivanov2019,\n  title = {Trade , sanctions},\n  author = {Ivanov, I.},\n"
                   "  journal = {J},\n  year = {2019},\n  volume = {1},\n  pages = {1--2}\n}\n", encoding="utf-8")  # fmt: skip
    _, out, err = run_cli("validate", str(bib), "--fix", "--today", TODAY)
    assert out.lstrip().startswith("@") and "Trade, sanctions" in out, err
    again = tmp_path / "again.bib"
    again.write_text(out, encoding="utf-8")
    _, out2, err2 = run_cli("validate", str(again), "--fix", "--today", TODAY)
    assert "0 fixes applied" in err2 and out2 == out


def test_rules_listing_and_one_rule(run_cli):
    code, out, _ = run_cli("rules")
    assert code == 0 and "RM401" in out and "ambiguous-date" in out
    code, out, _ = run_cli("rules", "RM401")
    for section in ("What it checks:", "Why it matters:", "Example:", "Fix safety:"):
        assert section in out
    assert run_cli("rules", "RM999")[0] == 2


def test_readme_rule_table_matches_the_rules(run_cli):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("<!-- rules:begin -->\n", 1)[1].split("<!-- rules:end -->", 1)[0]
    _, out, _ = run_cli("rules", "--markdown")
    assert table == out, "README rule table is stale: run `refman rules --markdown` and paste it"


def _golden(name: str, actual: str) -> None:
    assert actual == golden_text(GOLDEN / name, actual)


def test_seed_report_matches_the_reviewed_golden(run_cli):
    code, out, _ = run_cli("validate", str(SEED.relative_to(ROOT)), "--today", TODAY, "--verbose")
    assert code == 1
    _golden("seed.validate.txt", out)
    # by default the 24 identical RM305 findings are the first three and one line with a count
    rm305 = [line for line in out.splitlines() if " RM305 " in line]
    assert len(rm305) == 24
    condensed = [line for line in out.splitlines() if line not in rm305[3:]]
    condensed.insert(condensed.index(rm305[2]) + 1,
                     "… and 21 more like this (RM305 an access date but no URL: where was it read?)")  # fmt: skip
    _, out, _ = run_cli("validate", str(SEED.relative_to(ROOT)), "--today", TODAY)
    assert out.splitlines() == condensed
    _, out, _ = run_cli("validate", str(SEED.relative_to(ROOT)), "--format", "json", "--today", TODAY)
    _golden("seed.validate.json", out)


@pytest.fixture(scope="module")
def seed_findings():
    from datetime import date

    from refman import api

    loaded = api.load([str(SEED)])
    return api.validate(loaded, today=date(2024, 6, 1))


def _numbers(findings, code, field=None):
    return sorted(d.number for d in findings if d.code == code and (field is None or d.field == field))


def test_seed_has_what_the_issue_asks_for(seed_findings):
    found = seed_findings
    assert any(d.code == "RM102" and d.reference == "article" for d in found)  # the article's author
    assert _numbers(found, "RM305") == list(range(1, 25))  # access date without URL, every ref
    ambiguous = [d for d in found if d.code == "RM401"]
    assert sorted(d.number for d in ambiguous) == [1, 8, 10, 17, 20, 21]
    assert all("06/28/2021" in d.message for d in ambiguous)  # the evidence
    assert _numbers(found, "RM403") == [2, 9, 11, 12]  # no publication date
    assert _numbers(found, "RM503") == [6]  # RIA Novosti / RIA News
    assert _numbers(found, "RM103") == [1, 15]  # no outlet
    assert _numbers(found, "RM108") == [22, 22]  # the act's own date and number
    assert not [d for d in found if d.code == "RM504"]  # refs 3 and 4 are different statements
    assert not [d for d in found if d.code == "RM007"]  # skipped page furniture is not a problem
