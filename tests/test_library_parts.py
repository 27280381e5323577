"""`refman add` reads its inputs in parts (both backends): what one part cannot see of another
is still seen — a duplicate of a record of an earlier part, a key an earlier part took, a
generated key an earlier part made — and an error after some parts were added takes them all
back. The batched CSL-JSON reader gives what the whole reader gives."""

from __future__ import annotations

import json
import os

import pytest
from rapidfuzz import fuzz, process

from refman import library_api, preparing
from refman.core.dedupe.block import quick_title_check
from refman.core.dedupe.features import features
from refman.errors import InputError
from refman.model import Reference
from refman.readers import csljson
from refman.reading import open_inputs
from refman.store.blocking import _close_titles

from .conftest import DATA

PARTS = DATA / "library" / "parts.json"
MIXED = DATA / "bibtex" / "mixed.bib"


@pytest.fixture(params=["in process", "child process"])
def preparing_in(request, monkeypatch):
    """Where the parts are made ready (``refman.preparing``): in the process, or, as for a
    large input on two cores, by a forked child that sends them over a pipe."""
    if request.param == "child process":
        if not hasattr(os, "fork"):
            pytest.skip("no fork() on this platform: add prepares its parts in process")
        monkeypatch.setattr(preparing, "PARALLEL_FROM", 0)
        monkeypatch.setattr(preparing, "_cores_to_spare", lambda: True)
    return request.param


def _add(library: str, names: list[str], size: int, merge: bool = False) -> library_api.Added:
    store = library_api.open_store(library, create=True)
    try:
        return library_api.add(store, open_inputs(names, size=size), merge=merge)
    finally:
        store.close()


def _rows(library: str) -> list[tuple]:
    store = library_api.open_store(library)
    try:
        return [
            (e.key, e.type, e.year, e.language, e.title, e.names, e.csl, e.origin)
            for e in store.select(library_api.query())
        ]
    finally:
        store.close()


def _keys(library: str) -> list[str]:
    store = library_api.open_store(library)
    try:
        return list(store.keys(library_api.query()))
    finally:
        store.close()


@pytest.mark.parametrize("size", [1, 2, 1000])
def test_parts_see_each_other(library, size, preparing_in):
    """parts.json, five records: 1 and 5 are one book (5 a duplicate of 1 across parts of any
    size), 3 takes 1's key in other case, 2 and 4 have no key and make the same one."""
    result = _add(library, [str(PARTS)], size)
    assert result.added == ["okun1975", "petrov2018pchelovodstvo", "OKUN1975a", "petrov2018pchelovodstvoa"]
    assert result.renamed == [("OKUN1975", "OKUN1975a")]
    assert [(d.key, d.existing, d.score, d.merged) for d in result.duplicates] == [
        ("okun-tradeoff", "okun1975", 1.0, False)
    ]
    assert result.duplicates[0].evidence["decision"] == "score 1.00 ≥ threshold 0.90 (strict)"
    assert _keys(library) == result.added


def test_an_error_after_some_parts_takes_the_whole_add_back(library, tmp_path, preparing_in):
    """Three parts of parts.json are in the transaction when the second input turns out to
    be unreadable: nothing of the command stays, the library is as before it."""
    assert _add(library, [str(MIXED)], 1000).change is not None
    before = _keys(library)
    broken = tmp_path / "broken.json"
    broken.write_text('[{"id": "x", "type": "book"', encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.json: invalid JSON: Expecting ',' delimiter"):
        _add(library, [str(PARTS), str(broken)], 2)
    assert _keys(library) == before
    store = library_api.open_store(library)
    try:
        assert [entry["command"] for entry in library_api.log(store)] == ["add"]
    finally:
        store.close()


def test_cli_add_reports_the_error_in_one_line_and_adds_nothing(run_cli, library, tmp_path, preparing_in):
    broken = tmp_path / "broken.bib"
    broken.write_text("\x00\x01 not a bibliography", encoding="utf-8")
    code, out, err = run_cli("add", "--library", library, str(PARTS), str(broken), "--from", "csl-json")
    assert (code, out, err.count("\n"), err.startswith("refman: ")) == (2, "", 1, True)
    assert run_cli("list", "--library", library, "--format", "keys")[1] == ""


def _as_read(ref: Reference) -> tuple[dict, int | None]:
    return ref.model_dump(mode="json"), ref.origin.number if ref.origin else None


def _read_all(text: str, size: int) -> tuple[list[tuple[dict, int | None]], list[str], list[int]]:
    refs, messages, reached = [], [], []
    for result, upto in csljson.read_batches(text, "x.json", size):
        refs += [_as_read(ref) for ref in result.library.references]
        messages += [d.message for d in result.diagnostics]
        reached.append(upto)
    return refs, messages, reached


def test_batched_csl_json_reads_as_the_whole_reader():
    text = PARTS.read_text(encoding="utf-8")
    whole = csljson.read(text, "x.json")
    refs, messages, reached = _read_all(text, 2)
    assert refs == [_as_read(ref) for ref in whole.library.references]
    assert [number for _, number in refs] == [1, 2, 3, 4, 5]
    assert (messages, reached[-1], len(reached)) == ([], len(text), 3)
    assert reached[:2] == [text.index('{"id": "OKUN1975"'), text.index('{"id": "okun-tradeoff"')]


@pytest.mark.parametrize(
    "text",
    [
        '{"id": "a", "type": "book"}\n{"id": "b", "type": "book"}\n',  # JSON Lines
        '{"items": [{"id": "a", "type": "book"}]}',
        '[{"id": "a", "type": "book"}, 7]',  # an item that is not an object
        '[{"id": "a", "type": "book"}, {"id": "b", "type": "book"]',  # broken
        '[{"id": "a", "title": "\\ud800"}]',  # a lone surrogate
        "[]",
    ],
)
def test_anything_but_a_plain_array_is_read_whole(text):
    """One part, with exactly the items and diagnostics of ``read``."""
    whole = csljson.read(text, "x.json")
    refs, messages, reached = _read_all(text, 1)
    assert refs == [_as_read(ref) for ref in whole.library.references]
    assert messages == [d.message for d in whole.diagnostics]
    assert reached == [len(text)]


def test_the_candidates_title_check_is_the_engines():
    """``_close_titles`` (all candidates at once) passes exactly the records that
    ``quick_title_check`` passes one by one: ratio, the four-word prefix, token order."""
    mine = features(0, Reference(id="m", title="The economics of beekeeping in Siberia today"))
    others = {
        1: "The economics of beekeeping in Siberia today",  # equal
        2: "The economic of beekeping in Siberia today",  # typos: ratio
        3: "The economics of beekeeping in Siberia today and tomorrow in three volumes of notes",  # prefix
        4: "Siberia today beekeeping in the economics of",  # reordered: token sort
        5: "Glaciers of the north",  # far
        6: "",  # no title
    }
    feats = {rid: features(rid, Reference(id=str(rid), title=title)) for rid, title in others.items()}
    expected = {rid for rid, f in feats.items() if quick_title_check(mine, f, 0.78)}
    assert expected == {1, 2, 3, 4}
    assert _close_titles(mine, {rid: f.titles for rid, f in feats.items()}, 0.78) == expected


def test_extract_scores_as_the_scorer_alone():
    """The ground ``_close_titles`` stands on: ``process.extract`` with a cutoff keeps exactly
    the choices the scorer itself scores at the cutoff or above: 100, 80 (the cutoff), 50, 0."""
    choices = ["abcdefghij", "abcdefghxy", "abcdexyzuv", "klmnopqrst"]
    found = process.extract("abcdefghij", choices, scorer=fuzz.ratio, score_cutoff=80, limit=None)
    assert sorted((index, score) for _, score, index in found) == [(0, 100.0), (1, 80.0)]
    assert [fuzz.ratio("abcdefghij", c) for c in choices] == [100.0, 80.0, 50.0, 0.0]


def test_the_title_check_agrees_with_the_engine_on_many_titles():
    """Every record of 80 titles made of 9 words (prefixes, reorders, near misses among
    them) against every other: ``_close_titles`` passes exactly what ``quick_title_check``
    passes, at the strict and the recall cutoffs."""
    import random

    words = ["bee", "keeping", "siberia", "economics", "of", "the", "north", "glacier", "today"]
    rng = random.Random(12)
    titles = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 9))) for _ in range(80)]
    feats = {i: features(i, Reference(id=str(i), title=title)) for i, title in enumerate(titles)}
    for cutoff in (0.78, 0.5):
        for mine in feats.values():
            expected = {i for i, f in feats.items() if quick_title_check(mine, f, cutoff)}
            assert _close_titles(mine, {i: f.titles for i, f in feats.items()}, cutoff) == expected


def test_a_crossref_to_an_entry_of_an_earlier_input(run_cli, library, tmp_path, preparing_in):
    """The chapter's crossref names the book of the first input (another part): its parent is
    looked up among the records this add stored; both are added, neither a duplicate."""
    book = tmp_path / "book.bib"
    book.write_text(
        "@book{handbook, title = {Handbook of Beekeeping}, editor = {Ivanov, Petr},\n"
        "  year = {2019}, isbn = {978-5-02-037471-8}, publisher = {Nauka}}\n",
        encoding="utf-8",
    )
    chapter = tmp_path / "chapter.bib"
    chapter.write_text(
        "@incollection{swarms, title = {Swarms}, author = {Petrova, Anna}, pages = {10--20},\n"
        "  crossref = {handbook}}\n",
        encoding="utf-8",
    )
    assert run_cli("add", "--library", library, str(book), str(chapter))[:2] == (0, "handbook\nswarms\n")


def test_a_first_input_that_does_not_read_creates_no_library(run_cli, tmp_path):
    """Its first part is read before the library is opened: invalid JSON, one line, no file."""
    broken = tmp_path / "broken.json"
    broken.write_text('[{"id": "x", "type": "book"', encoding="utf-8")
    library = tmp_path / "new.sqlite"
    code, out, err = run_cli("add", "--library", str(library), str(broken))
    assert (code, out, library.exists()) == (2, "", False)
    assert err == f"refman: {broken}: invalid JSON: Expecting ',' delimiter (column 28) (read as csl-json)\n"


def test_a_child_prepares_what_the_process_would(tmp_path, monkeypatch):
    """The same inputs added with --merge give the same library, row for row (CSL-JSON,
    source text, search columns), whether the parts were prepared here or by a child: the
    child's records travel without their models, which the merge (okun-tradeoff into
    okun1975) and the renamed key (OKUN1975a) rebuild from the row."""
    here = str(tmp_path / "here.sqlite")
    first = _add(here, [str(PARTS), str(MIXED)], 2, merge=True)
    monkeypatch.setattr(preparing, "PARALLEL_FROM", 0)
    monkeypatch.setattr(preparing, "_cores_to_spare", lambda: True)
    forked, real = [], preparing._from_child
    monkeypatch.setattr(preparing, "_from_child", lambda *args: forked.append(1) or real(*args))
    child = str(tmp_path / "child.sqlite")
    second = _add(child, [str(PARTS), str(MIXED)], 2, merge=True)
    assert forked == [1]
    assert [(d.key, d.existing, d.merged) for d in second.duplicates] == [
        (d.key, d.existing, d.merged) for d in first.duplicates
    ]
    assert ("okun-tradeoff", "okun1975", True) in [(d.key, d.existing, d.merged) for d in first.duplicates]
    assert (second.added, second.renamed) == (first.added, first.renamed)
    assert _rows(child) == _rows(here)
    assert len(_rows(here)) == len(first.added)


def test_a_child_that_dies_is_one_error_and_adds_nothing(library, monkeypatch):
    """A child killed while preparing (here it exits at its first part) ends the add with
    one error, its transaction rolled back; the parent does not wait for parts forever."""
    monkeypatch.setattr(preparing, "PARALLEL_FROM", 0)
    monkeypatch.setattr(preparing, "_cores_to_spare", lambda: True)
    monkeypatch.setattr(preparing, "prepare", lambda *args: os._exit(3))
    with pytest.raises(InputError, match=r"^the process reading the input stopped unexpectedly$"):
        _add(library, [str(PARTS)], 2)
    assert _keys(library) == []


def test_the_year_test_of_candidates_keeps_every_pair_compare_can_call_one_work(library, tmp_path):
    """One title in records of 2000, 2001 and 2003, some sharing the new record's DOI or
    PMID: with the profile's year slack, candidates leaves out exactly the records of
    another year (beyond the slack) that share neither, and every pair ``compare`` calls one
    work is still among them, for each profile."""
    from refman.core.dedupe.engine import profile_named
    from refman.core.dedupe.score import compare

    title = "Swarming behaviour of honey bees in the northern forests"
    items = [
        {"id": f"r{n}", "type": "article-journal", "title": title, "issued": {"date-parts": [[year]]},
         "author": [{"family": "Petrova", "given": "Anna"}], **extra}
        for n, (year, extra) in enumerate([
            (2000, {}), (2001, {}), (2003, {}), (2003, {"DOI": "10.1000/bees"}), (2003, {"PMID": "123"}),
            (2003, {"DOI": "10.1000/other"}), (2001, {"DOI": "10.1000/bees"}),
        ])
    ]  # fmt: skip
    data = tmp_path / "bees.json"
    data.write_text(json.dumps(items), encoding="utf-8")
    store = library_api.open_store(library, create=True)
    try:
        library_api.add(store, open_inputs([str(data)]), force=True)
        new = Reference.model_validate(
            {"id": "new", "type": "article-journal", "title": title, "issued": {"date-parts": [[2000]]},
             "author": [{"family": "Petrova", "given": "Anna"}], "DOI": "10.1000/bees", "PMID": "123"}
        )  # fmt: skip
        feats = features(0, new)
        ids = {
            int(store.one("SELECT id FROM records WHERE key = ?", (f"r{n}",))[0]): f"r{n}" for n in range(7)
        }
        left = {}
        for name in ("strict", "balanced", "recall"):
            profile = profile_named(name)
            every = store.candidates(feats, 0.5)
            kept = store.candidates(feats, 0.5, profile.year_slack)
            assert sorted(ids[i] for i in every) == [f"r{n}" for n in range(7)]
            same = {
                ids[i] for i in every if compare(features(1, store.entry(i).reference()), feats, profile).same
            }
            assert same <= {ids[i] for i in kept}
            left[name] = sorted(ids[i] for i in set(every) - set(kept))
    finally:
        store.close()
    # r2 (2003, nothing shared) goes for every profile; r1 (2001) only where no slack is allowed;
    # r3, r6 (the DOI) and r4 (the PMID) stay whatever their year; r5's other DOI is vetoed anyway
    assert left == {"strict": ["r1", "r2", "r5"], "balanced": ["r1", "r2", "r5"], "recall": ["r2", "r5"]}


def test_a_whole_file_is_prepared_in_pieces_that_still_see_its_crossrefs(library, preparing_in, tmp_path):
    """A BibTeX file is one part (its reader has no batches); it is prepared in pieces of the
    part size, here one record each, and a chapter still gets the book it crossrefs, which
    BibTeX puts after it (a later piece): features, and so the library, as in one piece."""
    data = tmp_path / "book.bib"
    data.write_text(
        "@incollection{swarms, title = {Swarms}, author = {Petrova, Anna}, pages = {10--20},\n"
        "  crossref = {handbook}}\n"
        "@incollection{hives, title = {Hives}, author = {Sidorov, Oleg}, pages = {21--30},\n"
        "  crossref = {handbook}}\n"
        "@book{handbook, title = {Handbook of Beekeeping}, editor = {Ivanov, Petr},\n"
        "  year = {2019}, isbn = {978-5-02-037471-8}, publisher = {Nauka}}\n",
        encoding="utf-8",
    )
    parts = list(preparing.prepare(next(open_inputs([str(data)]).parts()), [], 0, 1))
    assert [[r.row.key for r in p.records] for p in parts] == [["swarms"], ["hives"], ["handbook"]]
    # progress: the file's 357 characters shared out by records, the last piece at the end
    assert len(data.read_text(encoding="utf-8")) == 357
    assert [(p.first, p.reached) for p in parts] == [(True, 119), (False, 238), (False, 357)]
    assert [p.records[0].crossref for p in parts] == [None, None, None]  # each found its book
    assert parts[0].records[0].feats.container_isbns == frozenset({"9785020374718"})
    result = _add(library, [str(data)], 1)
    assert (result.added, result.duplicates) == (["swarms", "hives", "handbook"], [])
