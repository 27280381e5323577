"""`refman dedupe` end to end: the seed (requirement 5), JSON, --check, --merge, --distinct,
and the generated library with known truth (precision and recall, never timing)."""

from __future__ import annotations

import itertools
import json
import sys
from collections import defaultdict

import pytest

from refman import api
from refman.core.dedupe.engine import find_clusters
from refman.model import Reference

from .conftest import ROOT, SEED

_TO_CYRILLIC = (("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"),
                ("ya", "я"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"),
                ("z", "з"), ("i", "и"), ("y", "ы"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
                ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"),
                ("c", "к"), ("h", "х"), ("w", "в"), ("j", "й"), ("x", "кс"), ("q", "к"))  # fmt: skip


def to_cyrillic(text: str) -> str:
    """A Latin name written back in Cyrillic, as a Russian source would print it."""
    out, i = [], 0
    while i < len(text):
        for latin, cyrillic in _TO_CYRILLIC:
            chunk = text[i : i + len(latin)]
            if chunk.lower() == latin:
                out.append(cyrillic.capitalize() if chunk[0].isupper() else cyrillic)
                i += len(latin)
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _altered(library, style: int):
    """The seed's records as another source writes them: case, punctuation, initials changed,
    authors in Cyrillic."""
    out = library.model_copy(deep=True)
    for ref in out.references:
        ref.id = ""
        if ref.title:
            ref.title = (
                ref.title.upper() if style == 1 else ref.title.replace(",", "").replace(":", " -") + "."
            )
        for name in ref.author or []:
            if name.family:
                name.family = to_cyrillic(name.family)
            if name.given:
                name.given = name.given.replace(".", "") if style == 1 else to_cyrillic(name.given)
            if name.literal:
                name.literal = name.literal.lower() if style == 1 else to_cyrillic(name.literal)
    return out


def test_seed_alone_has_no_duplicates():
    refs = api.load([str(SEED)]).library.references
    assert len(refs) == 24
    for profile in ("strict", "balanced", "recall"):
        assert find_clusters(refs, profile) == [], profile


def test_seed_with_its_altered_bibtex_and_csljson_exports_gives_24_clusters_of_3(tmp_path, run_cli):
    library = api.load([str(SEED)]).library
    bib, csl = tmp_path / "seed.bib", tmp_path / "seed.json"
    bib.write_text(api.export(_altered(library, 1), "bibtex"), encoding="utf-8")
    csl.write_text(api.export(_altered(library, 2), "csl-json"), encoding="utf-8")
    assert "Зайнуллин" in csl.read_text(encoding="utf-8") or "Заинуллин" in csl.read_text(encoding="utf-8")
    status, out, _ = run_cli("dedupe", str(SEED), str(bib), str(csl), "--format", "json")
    assert status == 0
    clusters = json.loads(out)["clusters"]
    assert [len(c["indices"]) for c in clusters] == [3] * 24
    # each cluster is one seed reference with its two copies: numbers n, 24 + n, 48 + n
    assert all(
        c["indices"] == [c["indices"][0], c["indices"][0] + 24, c["indices"][0] + 48] for c in clusters
    )


def _library_file(tmp_path, items: list[dict]) -> str:
    path = tmp_path / "lib.json"
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return str(path)


ITEMS = [
    {"id": "zain", "type": "article-newspaper", "title": "Russian coal will follow the path of Juche",
     "author": [{"family": "Zainullin", "given": "E."}], "container-title": "Kommersant",
     "issued": {"date-parts": [[2021, 6, 28]]}, "note": "from the seed"},
    {"id": "zain-ru", "type": "article-newspaper", "title": "RUSSIAN COAL WILL FOLLOW THE PATH OF JUCHE",
     "author": [{"family": "Зайнуллин", "given": "Эдуард"}], "issued": {"date-parts": [[2021]]},
     "URL": "https://www.kommersant.ru/doc/4876543", "custom": {"refman": {"unmapped": {"mood": "x"}}}},
    {"id": "other", "type": "book", "title": "Another work entirely", "issued": {"date-parts": [[2020]]}},
]  # fmt: skip


def test_json_check_and_text(tmp_path, run_cli):
    path = _library_file(tmp_path, ITEMS)
    status, out, err = run_cli("dedupe", path, "--format", "json", "--check")
    assert status == 1
    (cluster,) = json.loads(out)["clusters"]
    assert cluster["ids"] == ["zain", "zain-ru"]
    assert cluster["evidence"]["authors"] == "authors 1 of 1 match after transliteration"
    assert "1 cluster," in err
    status, out, _ = run_cli("dedupe", path)
    assert status == 0 and out.startswith("cluster 1: 2 records, score ")
    assert "\x1b" not in out


def test_merge_is_lossless_with_key_map(tmp_path, run_cli):
    path = _library_file(tmp_path, ITEMS)
    merged, keys = tmp_path / "merged.json", tmp_path / "keys.tsv"
    args = ("dedupe", path, "--merge", "--to", "csl-json", "-o", str(merged), "--key-map", str(keys))
    status, _, err = run_cli(*args)
    assert status == 0
    items = json.loads(merged.read_text(encoding="utf-8"))
    assert [i["id"] for i in items] == ["zain", "other"]
    first = items[0]
    assert (
        first["author"] == [{"family": "Zainullin", "given": "Эдуард"}] or first["author"][0]["given"] == "E."
    )
    assert first["issued"]["date-parts"] == [[2021, 6, 28]]  # the more precise date
    assert first["URL"] == "https://www.kommersant.ru/doc/4876543" and first["note"] == "from the seed"
    unmapped = first["custom"]["refman"]["unmapped"]
    assert unmapped["mood"] == "x"  # unknown fields kept
    assert "Зайнуллин" in unmapped["author-variant"]  # the other script, never dropped
    assert "merge conflict" in err
    assert keys.read_text(encoding="utf-8") == "old\tnew\nzain\tzain\nzain-ru\tzain\n"
    run_cli(*args)
    assert json.loads(merged.read_text(encoding="utf-8")) == items  # deterministic


def test_merge_to_bibtex(tmp_path, run_cli):
    status, out, _ = run_cli("dedupe", _library_file(tmp_path, ITEMS), "--merge", "--to", "bibtex")
    assert status == 0 and out.count("@") == 2 and "author-variant" in out


def test_distinct_decisions(tmp_path, run_cli):
    path = _library_file(tmp_path, ITEMS)
    decisions = tmp_path / "decisions.tsv"
    decisions.write_text(
        "# ruled by hand\nzain\tzain-ru\tdifferent editions\nzain\tnobody\n", encoding="utf-8"
    )
    status, out, err = run_cli("dedupe", path, "--distinct", str(decisions), "--format", "json", "--check")
    assert status == 0 and json.loads(out)["clusters"] == []
    assert "'nobody'" in err


@pytest.mark.parametrize("args", [("--profile", "loose"), ("--format", "xml"), ("--key-map", "k.tsv")])
def test_bad_options_are_one_line_and_status_2(tmp_path, run_cli, args):
    status, out, err = run_cli("dedupe", _library_file(tmp_path, ITEMS), *args)
    assert status == 2 and out == "" and err.count("\n") == 1


def test_generated_library_precision_and_recall():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from dedupe_data import library

    items, truth = library(1500, seed=11)
    refs = [Reference.model_validate(item) for item in items]
    predicted = {p for c in find_clusters(refs) for p in itertools.combinations(c.indices, 2)}
    works = defaultdict(list)
    for index, work in enumerate(truth):
        works[work].append(index)
    true = {p for members in works.values() for p in itertools.combinations(members, 2)}
    found = len(predicted & true)
    assert found / len(predicted) > 0.97 and found / len(true) > 0.95
