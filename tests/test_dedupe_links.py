"""`refman dedupe --merge` leaves no dangling link: every crossref, xref, xdata, related and
entryset names a surviving key; the user picks the survivor (--keep, --keep-file, --prefer,
--survivor) and the merge report on stderr says which and why."""

from __future__ import annotations

import json
import re

import pytest

from refman.core.dedupe.links import Relink, relink
from refman.core.dedupe.merge import merge
from refman.core.dedupe.survivor import FIRST, SurvivorRule, choose, parse_keys, unknown_keys
from refman.model import Library, Reference, SourceSpan

from .conftest import DATA

DEDUPE = DATA / "dedupe"
MINE, THEIRS = str(DEDUPE / "procs-mine.bib"), str(DEDUPE / "procs-theirs.bib")


def _merge(run_cli, tmp_path, *args: str):
    """(items by key, key map text, stderr lines) of a merge to CSL-JSON."""
    out, keys = tmp_path / "merged.json", tmp_path / "keys.tsv"
    status, stdout, err = run_cli(
        "dedupe", *args, "--merge", "-o", str(out), "--key-map", str(keys), "--to", "csl-json"
    )
    assert status == 0 and stdout == "", err
    items = json.loads(out.read_text(encoding="utf-8"))
    links = {
        i["id"]: i.get("custom", {}).get("refman", {}).get("unmapped", {}).get("crossref") for i in items
    }
    return links, keys.read_text(encoding="utf-8"), err.splitlines()


def test_by_default_the_most_complete_record_survives_and_children_follow_it(run_cli, tmp_path):
    links, key_map, err = _merge(run_cli, tmp_path, MINE, THEIRS)
    # Semenzato's paper is in both files: crossref'ing EP92 and Vanoirbeek:1992:EPE, one parent
    assert links == {"Semenzato:1992:AAL": "Vanoirbeek:1992:EPE", "Vanoirbeek:1992:EPE": None,
                     "Murata:1992:FHS": "Vanoirbeek:1992:EPE", "Porter:1992:DRA": "Vanoirbeek:1992:EPE"}  # fmt: skip
    assert key_map == (
        "old\tnew\nSemenzato:1992:AAL\tSemenzato:1992:AAL\nEP92\tVanoirbeek:1992:EPE\n"
        "Vanoirbeek:1992:EPE\tVanoirbeek:1992:EPE\n"
    )
    assert err[:3] == [
        "refman: merged Semenzato:1992:AAL into Semenzato:1992:AAL (the most complete record)",
        "refman: merged EP92 into Vanoirbeek:1992:EPE (the most complete record)",
        "refman: in Semenzato:1992:AAL, crossref EP92 → Vanoirbeek:1992:EPE",
    ]
    assert not any("crossref" in line for line in err if "merge conflict" in line)  # rewritten first


@pytest.mark.parametrize(
    ("options", "reason"),
    [
        (("--prefer", MINE), f"from the preferred input {MINE}"),
        (("--survivor", "first"), "the first in input order"),
        (("--keep", "nobody,EP92"), "listed in --keep"),
        (("--prefer", THEIRS, "--keep", "EP92"), "listed in --keep"),
    ],
)
def test_the_user_chooses_the_surviving_key(run_cli, tmp_path, options, reason):
    links, key_map, err = _merge(run_cli, tmp_path, MINE, THEIRS, *options)
    assert links["EP92"] is None and "Vanoirbeek:1992:EPE" not in links
    assert links["Murata:1992:FHS"] == links["Porter:1992:DRA"] == links["Semenzato:1992:AAL"] == "EP92"
    assert "EP92\tEP92\nVanoirbeek:1992:EPE\tEP92\n" in key_map
    assert f"refman: merged Vanoirbeek:1992:EPE into EP92 ({reason})" in err
    assert "refman: in Murata:1992:FHS, crossref Vanoirbeek:1992:EPE → EP92" in err
    assert ("refman: warning: --keep: no record has the key 'nobody'" in err) == ("nobody,EP92" in options)


def test_keep_file_and_an_unchanged_child_written_back_byte_for_byte(run_cli, tmp_path):
    keep = tmp_path / "keep.txt"
    keep.write_text("# keys cited in the thesis\nEP92  # the proceedings\n", encoding="utf-8")
    theirs = (DEDUPE / "procs-theirs.bib").read_text(encoding="utf-8")
    proceedings = tmp_path / "proceedings.bib"
    proceedings.write_text(theirs[theirs.index("@Proceedings") :], encoding="utf-8")
    status, out, err = run_cli(
        "dedupe", MINE, str(proceedings), "--merge", "--to", "bibtex", "--keep-file", str(keep)
    )
    assert status == 0, err
    mine = (DEDUPE / "procs-mine.bib").read_text(encoding="utf-8")
    semenzato = mine[mine.index("@InProceedings") : mine.index("}\n") + 1]
    assert semenzato in out  # its link already names the survivor: nothing to rewrite
    assert out.count("@") == 2 and "{Vanoirbeek:1992:EPE" not in out
    assert err.splitlines()[0] == "refman: merged Vanoirbeek:1992:EPE into EP92 (listed in --keep)"


def test_related_links_of_biblatex_examples(run_cli, tmp_path):
    path = str(DEDUPE / "related.bib")
    status, out, err = run_cli("dedupe", path, "--merge", "--to", "biblatex")
    assert status == 0
    assert "@book{vangennep:related," in out and "@book{vangennep:trans," in out and out.count("@book") == 2
    flat = re.sub(r" +", " ", out)  # rewritten entries keep the file's alignment
    assert "related = {vangennep:trans}" in flat and "related = {vangennep:related}" in flat
    assert err.splitlines()[:4] == [
        "refman: merged vangennep into vangennep:related (the most complete record)",
        "refman: merged vizedom:related into vangennep:trans (the most complete record)",
        "refman: in vangennep:related, related vizedom:related → vangennep:trans",
        "refman: in vangennep:trans, related vangennep → vangennep:related",
    ]


def _ref(key: str, **links: str) -> Reference:
    ref = Reference(id=key, type="book", title=key)
    ref.unmapped.update(links)
    return ref


def test_relink_rewrites_lists_in_order_without_repeats_or_self_links():
    refs = [
        _ref("set", entryset="b,C,x"),  # C spelt in another case: BibTeX keys ignore case
        _ref("b", related="c"),
        _ref("c", xdata="shared"),
        _ref("child", crossref="C"),
        _ref("plain", related="b"),
    ]
    linked, changes = relink(refs, {1: "b", 2: "b"})  # c merged into b
    assert [r.unmapped for r in linked] == [
        {"entryset": "b,x"}, {}, {"xdata": "shared"}, {"crossref": "b"}, {"related": "b"}
    ]  # fmt: skip
    assert changes == [
        Relink("set", "entryset", "b,C,x", "b,x"),
        Relink("b", "related", "c", None),  # b and c are now one record: no link to itself
        Relink("child", "crossref", "C", "b"),
    ]
    assert linked[4] is refs[4] and linked[2] is refs[2]  # untouched records are not copied


def test_a_key_is_looked_up_in_the_linking_records_own_input_first():
    refs = [
        _ref("proc"),
        _ref("paper", crossref="proc"),
        _ref("proc"),
        _ref("talk", crossref="proc"),
        _ref("X"),
    ]
    for ref, path in zip(refs, ["a.bib", "a.bib", "b.bib", "b.bib", "b.bib"], strict=True):
        ref.origin = SourceSpan(path=path)
    linked, changes = relink(refs, {2: "X", 4: "X"})  # b.bib's proc merged into X
    assert linked[1] is refs[1] and linked[3].unmapped == {"crossref": "X"}
    assert changes == [Relink("talk", "crossref", "proc", "X")]


def test_merge_without_a_choice_keeps_the_most_complete_record():
    thin = Reference(id="thin", type="book", title="Lisp")
    full = Reference(id="full", type="book", title="Lisp", publisher="Addison-Wesley", ISBN="0-201-08319-1")
    result = merge(Library(references=[thin, full]), [[0, 1]])
    assert [r.id for r in result.library.references] == ["full"]
    assert result.key_map == [("thin", "full"), ("full", "full")]
    assert result.clusters[0].line() == "thin into full (the most complete record)"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--keep", "EP92"), "refman: --keep needs --merge"),
        (("--prefer", MINE), "refman: --prefer needs --merge"),
        (("--merge", "--prefer", "other.bib"), "refman: --prefer other.bib: not one of the inputs"),
        (("--merge", "--survivor", "best"), "refman: unknown --survivor 'best' (choose complete or first)"),
        (("--merge", "--keep-file", "no-such-file.txt"), "refman: "),
    ],
)
def test_bad_survivor_options_are_one_line_and_status_2(run_cli, args, message):
    status, out, err = run_cli("dedupe", MINE, THEIRS, *args)
    assert status == 2 and out == "" and err.count("\n") == 1
    assert err.startswith(message)


def test_survivor_rules_in_order_keep_prefer_then_fallback():
    refs = [
        Reference(id="A", type="book", title="Lisp"),
        Reference(id="B", type="book", title="Lisp"),
        Reference(id="C", type="book", title="Lisp", publisher="Addison-Wesley"),
    ]
    inputs = {"input_of": [0, 1, 1], "input_names": ["mine.bib", "theirs.bib"]}

    def chosen(**rule) -> tuple[str, str]:
        (choice,) = choose(refs, [[0, 1, 2]], SurvivorRule(**inputs, **rule))
        return str(refs[choice.index].id), choice.reason

    assert chosen(keep=["C", "A"]) == ("C", "listed in --keep (so is A, merged into it)")
    assert chosen(keep=["zzz"], prefer=[0]) == ("A", "from the preferred input mine.bib")
    assert chosen(prefer=[1]) == ("C", "from the preferred input theirs.bib, the most complete record there")
    assert chosen(prefer=[1], fallback=FIRST) == (
        "B",
        "from the preferred input theirs.bib, the first in input order there",
    )
    assert chosen() == ("C", "the most complete record")
    assert unknown_keys(refs, ["zzz", "A", "zzz"]) == ["zzz"]
    assert parse_keys("A, B\n# a comment\nB C  # cited twice\n") == ["A", "B", "C"]
