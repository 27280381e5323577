"""Real clients read what we write: pandoc (BibTeX, BibLaTeX, CSL-JSON) and biber.

Also: BibTeX → CSL-JSON agrees with what pandoc reads from the same file, field by field,
with every deliberate difference normalised below and named in ``DELIBERATE``.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from refman import api
from refman.readers.bibtex import read
from tests.conftest import DATA, SEED, need_client
from tests.corpus import biblatex_examples

pytestmark = pytest.mark.clients
FIXTURES = [DATA / "bibtex" / "mixed.bib", DATA / "bibtex" / "mixed-csl.json"]


def _library(name: str):
    """A fixture or the seed, loaded through the api; fresh writing (no raw write-back), so
    that what pandoc and biber read is refman's own output."""
    path = SEED if name == "seed" else DATA / "bibtex" / name
    library = api.load([str(path)]).library
    library.preserved.clear()
    for ref in library.references:
        ref.origin = None  # nor the fields as read: every entry written afresh
    return library


SOURCES = ["mixed.bib", "mixed-csl.json", "seed"]


def _pandoc(fmt: str, text: str) -> list[dict]:
    done = subprocess.run([need_client("pandoc"), "-f", fmt, "-t", "csljson"], input=text,
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


CASES = [
    pytest.param(target, fmt, source)
    for target, fmt in (("bibtex", "bibtex"), ("biblatex", "biblatex"), ("csl-json", "csljson"))
    for source in SOURCES
]


@pytest.mark.parametrize(("target", "pandoc_format", "source"), CASES)
def test_pandoc_reads_every_reference(target, pandoc_format, source):
    library = _library(source)
    items = _pandoc(pandoc_format, api.export(library, target))
    assert len(items) == len(library.references) > 0
    for ref, item in zip(library.references, items, strict=True):
        assert item.get("title"), ref.id
        authors = [a for a in item.get("author", []) if a.get("literal") != "others"]  # "and others"
        assert len(authors) == len(ref.author or []), (ref.id, item.get("author"))
        for ours, theirs in zip(ref.author or [], authors, strict=True):
            assert (theirs.get("family") or theirs.get("literal")) == (ours.family or ours.literal), ref.id
        for var in ("issued", "accessed"):
            if ref.get(var) is not None and ref.get(var).parts:
                assert item.get(var, {}).get("date-parts", [None])[0] == ref.get(var).parts, (ref.id, var)


@pytest.mark.parametrize("source", SOURCES)
def test_biber_reads_our_biblatex(tmp_path, source):
    biber = need_client("biber")
    bib = tmp_path / "ours.bib"
    bib.write_text(api.export(_library(source), "biblatex"), encoding="utf-8")
    done = subprocess.run([biber, "--tool", "--output-file", str(tmp_path / "out.bib"), str(bib)],
                          capture_output=True, text=True, timeout=120, check=False, cwd=tmp_path)  # fmt: skip
    log = done.stdout + done.stderr + Path(f"{bib}.blg").read_text(encoding="utf-8", errors="replace")
    problems = [line for line in log.splitlines() if re.match(r"(ERROR|WARN)", line)]
    assert done.returncode == 0 and not problems, problems[:5]


def test_raw_write_back_is_still_read_by_pandoc():
    """Unchanged entries are written as the user wrote them; pandoc still reads them all."""
    library = api.load([str(DATA / "bibtex" / "mixed.bib")]).library
    items = _pandoc("biblatex", api.export(library, "biblatex"))
    assert [i["id"] for i in items] == [str(r.id) for r in library.references]


# ---------------------------------------------------------------- agreement with pandoc

#: Differences we make on purpose, normalised before comparing:
#: - pandoc turns English titles into sentence case and ' into ’ and adds HTML markup
#:   (<i>, <span class="nocase">); refman keeps the title's text as written (plain);
#: - "--" becomes an en dash in refman (LaTeX's meaning), a hyphen in some pandoc fields;
#: - biblatex name-list fields (publisher, location) stay "A and B"; pandoc joins with "; ";
#: - "and others" is a flag in refman (unmapped "others"); pandoc adds a literal name "others";
#: - @misc is CSL "document" in refman; pandoc leaves the type empty.
#: Per entry, fields that pandoc builds from other fields (``maintitle`` as title or container,
#: ``eventtitle`` appended to the container, ``part`` appended to the volume) are listed here:
DELIBERATE = {
    ("coleridge", "volume"), ("coleridge", "title"), ("knuth:ct:a", "title"), ("knuth:ct:b", "title"),
    ("knuth:ct:c", "title"), ("knuth:ct:d", "title"), ("knuth:ct:e", "title"),
    ("nietzsche:ksa1", "title"), ("nietzsche:historie", "container-title"),
    ("kant:kpv", "container-title"), ("kant:ku", "container-title"), ("moraux", "container-title"),
    ("salam", "container-title"), ("westfahl:frontier", "container-title"),
    # @periodical: refman keeps CSL "periodical" with its own title; pandoc makes it an article
    ("jcg", "type"), ("jcg", "title"), ("jcg", "container-title"), ("jcg", "issue"),
    ("almendro", "publisher-place"),  # biblatex localisation keys (countryfr): kept as written
}  # fmt: skip
COMPARED = ("title", "container-title", "volume", "issue", "page", "DOI", "URL", "publisher",
            "publisher-place", "issued", "accessed", "author", "editor", "type")  # fmt: skip


def _norm(value) -> object:
    if isinstance(value, dict):
        return value.get("date-parts")
    if isinstance(value, list):
        return [tuple(_norm(n[k]) if n.get(k) else None for k in ("family", "given", "literal"))
                for n in value if n.get("literal") != "others"]  # fmt: skip
    text = re.sub(r"<[^>]+>", "", str(value)).replace("’", "'").replace("–", "-").replace("; ", " and ")
    return text.casefold()


def _agreement(path: Path) -> list[tuple[str, str, object, object]]:
    ours = {
        str(r.id): r.to_csl() for r in read(path.read_text(encoding="utf-8"), path.name).library.references
    }
    theirs = {item["id"]: item for item in _pandoc("biblatex", path.read_text(encoding="utf-8"))}
    assert set(ours) == set(theirs)
    differences = []
    for key, item in ours.items():
        for var in COMPARED:
            a, b = item.get(var), theirs[key].get(var)
            if var == "type" and a == "document" and b == "":
                continue
            kept = item.get("custom", {}).get("refman", {}).get("unmapped", {})
            if var == "URL" and a is None and ("eprint" in kept or "eprinttype" in kept):
                continue  # pandoc builds a URL from eprint; refman keeps eprint (arXiv's as number)
            if _norm(a) != _norm(b) and (key, var) not in DELIBERATE:
                differences.append((key, var, a, b))
    return differences


def test_agrees_with_pandoc_on_our_realistic_file():
    """Each remaining difference is one of refman's deliberate readings."""
    assert _agreement(DATA / "bibtex" / "mixed.bib") == [
        # surname first with a patronymic: pandoc (like BibTeX) takes the last word as surname
        ("ivanov2019", "author",
         [{"family": "Иванов", "given": "Иван Иванович"}, {"family": "Петрова", "given": "А. С."},
          {"family": "Tadtaev", "given": "Yu."}],
         [{"family": "Иванович", "given": "Иванов Иван"}, {"family": "Петрова", "given": "А. С."},
          {"family": "Tadtaev", "given": "Yu."}]),
        # crossref and xdata are resolved by refman (biblatex semantics), not by pandoc here
        ("chapter:child", "container-title", "Russia and Asia", None),
        ("tass2021", "container-title", "TASS", None),
        # an @online's organization is the site (CSL container-title); pandoc: publisher
        ("tass2021", "publisher", None, "TASS"),
        # a legal act written as @misc with entrysubtype: its organization is the authority
        ("decree484", "publisher", None, "Президент Российской Федерации"),
        ("decree484", "type", "legislation", ""),
    ]  # fmt: skip


def test_agrees_with_pandoc_on_biblatex_examples():
    path = biblatex_examples()  # skips, with its reason, before any tool is called
    need_client("pandoc")
    assert _agreement(path) == []
