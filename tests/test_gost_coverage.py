"""Coverage by element over biblatex-gost-examples.bib and biblatex-examples.bib (issue 11,
"Done means"): every name, title, series, volume count, number and identifier refman's reader
gives is printed in the GOST text, in both styles, except what a named rule of
``tests/gost_coverage.NOT_PRINTED`` (styles/README.md, "Deliberately not printed") excludes.

How many elements each rule excludes is pinned too, so that a rule cannot quietly grow to
hide a lost element. Figures: ``benchmarks/gost_coverage.py``. Skips with its reason where
texlive-bibtex-extra is absent.
"""

from __future__ import annotations

import pytest

from refman.options import WriteOptions
from refman.writers.csl.writer import render

from .corpus import biblatex_examples, read_bib, texlive_root
from .gost_coverage import KINDS, NOT_PRINTED, excluded_counts, figures, missing

STYLES = ("gost-r-7.0.100-2018", "gost-r-7.0.5-2008")


def _refs(path):
    from refman import api
    from refman.io import InputText

    text = read_bib(path).decode("utf-8")
    return api.read_input(InputText(path.name, text, "utf-8", ".bib"))[0].references


def _gost_examples():
    found = sorted(texlive_root().rglob("biblatex-gost-examples.bib.gz"))
    if not found:
        pytest.skip("biblatex-gost-examples.bib.gz not in texlive-bibtex-extra")
    return found[0]


#: (file, style) → elements each NOT_PRINTED rule excludes, as measured and checked by hand:
#: the parts' host ISBNs and journal ISSNs, the DOI-backed addresses, and the authors past
#: "[и др.]" (7.0.5-2008 heads four or more authors with the first one alone).
EXCLUDED = {
    ("gost", "gost-r-7.0.100-2018"): {"eprint-beside-doi": 3, "isbn-of-host": 76, "issn-of-host": 13,
                                      "names-after-others": 4, "url-beside-doi": 1},
    ("gost", "gost-r-7.0.5-2008"): {"eprint-beside-doi": 3, "isbn-of-host": 76, "issn-of-host": 13,
                                    "names-after-others": 10, "url-beside-doi": 1},
    ("examples", "gost-r-7.0.100-2018"): {"isbn-of-host": 1, "issn-of-host": 1, "names-after-others": 29},
    ("examples", "gost-r-7.0.5-2008"): {"isbn-of-host": 1, "issn-of-host": 1, "names-after-others": 41},
}  # fmt: skip


@pytest.fixture(scope="module")
def rendered():
    """(file, style) → (references, texts), rendered once for the module."""
    out = {}
    for name, path in (("gost", _gost_examples()), ("examples", biblatex_examples())):
        refs = _refs(path)
        for style in STYLES:
            out[name, style] = refs, [text for _, _, text in render(refs, WriteOptions(style=style))]
    return out


@pytest.mark.parametrize("key", sorted(EXCLUDED))
def test_every_element_printed(rendered, key):
    refs, texts = rendered[key]
    lost = {ref.id: missing(ref, text) for ref, text in zip(refs, texts, strict=True)}
    assert {k: v for k, v in lost.items() if v} == {}
    got = figures(zip(refs, texts, strict=True))
    assert all(got[kind][0] == got[kind][1] for kind in KINDS), got
    assert sum(got[kind][1] for kind in KINDS) > (3000 if key[0] == "gost" else 300)
    assert dict(excluded_counts(zip(refs, texts, strict=True))) == EXCLUDED[key]


def test_exclusions_are_the_documented_ones():
    """Each NOT_PRINTED rule is listed, by name, in styles/README.md."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "styles" / "README.md").read_text("utf-8")
    section = readme.split("## Deliberately not printed", 1)[1]
    assert sorted(rule for rule in NOT_PRINTED if f"`{rule}`" in section) == sorted(NOT_PRINTED)
