"""Training and held-out data: AnyStyle's annotated strings and synthetic strings rendered
from real records (``synth``), split by style family and by source.

Everything here is deterministic: files are read in the manifest's order, samples are drawn
with fixed seeds, and each AnyStyle string goes to the held-out split by a hash of its text.
"""

from __future__ import annotations

import hashlib
import random
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from refman.model import Name, Reference
from refman.parsing.tokens import tokenize
from refman.readers import bibtex, csljson

from . import synth

HERE = Path(__file__).parent
REPO = HERE.parent
#: AnyStyle tag → our label (AnyStyle has no issue: "9(1)" volume tokens are split below).
ANYSTYLE = {
    "author": "author", "editor": "editor", "translator": "translator", "title": "title",
    "container-title": "container", "journal": "container", "collection-title": "collection",
    "volume": "volume", "pages": "pages", "date": "date", "publisher": "publisher",
    "location": "location", "edition": "edition", "genre": "genre", "medium": "genre",
    "note": "note", "source": "note", "url": "url", "doi": "doi", "isbn": "isbn",
    "citation-number": "citation-number", "director": "author", "producer": "other",
    "dataset": "other",
}  # fmt: skip
_ISSUE_WORDS = {"no", "no.", "nos.", "issue", "iss.", "nr.", "№", "n°", "heft"}

#: Style families: a family is held out whole. Names are files in Debian's
#: citation-style-language-styles; "refman:" names our own styles/ files.
FAMILIES: dict[str, tuple[str, ...]] = {
    "apa": ("apa", "apa-6th-edition"),
    "chicago": ("chicago-author-date", "chicago-fullnote-bibliography", "chicago-note-bibliography",
                "turabian-fullnote-bibliography", "taylor-and-francis-chicago-author-date"),
    "vancouver": ("vancouver", "elsevier-vancouver", "the-lancet", "bmj", "american-medical-association",
                  "springer-vancouver-brackets", "council-of-science-editors"),
    "nature": ("nature", "science", "cell", "pnas", "american-physics-society",
               "american-institute-of-physics", "institute-of-physics-numeric"),
    "springer": ("springer-basic-author-date", "springer-basic-brackets",
                 "springer-lecture-notes-in-computer-science", "biomed-central", "frontiers"),
    "social": ("american-sociological-association", "american-political-science-association",
               "annual-reviews", "oxford-university-press-humsoc", "ecology", "copernicus-publications",
               "american-geophysical-union"),
    "iso": ("iso690-author-date-en", "iso690-numeric-en", "din-1505-2"),
    "gost-zotero": ("gost-r-7-0-5-2008", "gost-r-7-0-5-2008-numeric"),
    "gost-refman-2008": ("refman:gost-r-7.0.5-2008",),
    # independent styles of other journals and institutions, none of a held-out family by
    # name or by the template it declares (training/styles.txt)
    "assorted": tuple((HERE / "styles.txt").read_text().split()),
    # held out: never trained on
    "harvard": ("harvard-cite-them-right", "elsevier-harvard", "sage-harvard", "harvard-anglia-ruskin-university"),
    "ieee": ("ieee", "acm-sig-proceedings", "spie-journals"),
    "mla": ("modern-language-association", "modern-humanities-research-association"),
    "chemistry": ("american-chemical-society", "royal-society-of-chemistry", "wiley-vch-books"),
    "gost-refman-2018": ("refman:gost-r-7.0.100-2018",),
}  # fmt: skip
HELD_OUT_FAMILIES = ("harvard", "ieee", "mla", "chemistry", "gost-refman-2018")
#: .bib files (under the texlive tree) whose records are only rendered for the held-out split.
HELD_OUT_SOURCES = (
    "texgraph.bib", "biblatex-chem.bib", "biblatex-phys.bib", "aer-cje-ex.bib", "biblatex-bath.bib",
    "citations.bib", "biblatex-ieee.bib",
)  # fmt: skip


@dataclass(slots=True)
class Example:
    text: str
    labels: list[str]
    source: str  # "anystyle:core", "synthetic:<family>/<style>"


def anystyle(path: Path, name: str) -> list[Example]:
    """One example per ``<sequence>``: its fields joined by spaces, as AnyStyle joins them."""
    out = []
    for seq in ET.parse(path).getroot().iter("sequence"):
        parts: list[tuple[str, str]] = []
        for child in seq:
            value = " ".join((child.text or "").split())
            if value:
                parts.append((ANYSTYLE.get(child.tag, "other"), value))
        if not parts:
            continue
        text = " ".join(v for _, v in parts)
        labels: list[str] = []
        for label, value in parts:
            toks = [t.text for t in tokenize(value)]
            labels.extend(_split_issue(toks) if label == "volume" else [label] * len(toks))
        if len(tokenize(text)) == len(labels):
            out.append(Example(text, labels, f"anystyle:{name}"))
    return out


def _split_issue(tokens: list[str]) -> list[str]:
    """Volume tokens with the issue's own marked: "(1)," after a number, "no. 3"."""
    labels = ["volume"] * len(tokens)
    for i, tok in enumerate(tokens):
        if tok.lower() in _ISSUE_WORDS and i + 1 < len(tokens):
            labels[i] = labels[i + 1] = "issue"
        elif i and tok.startswith("(") and any(c.isdigit() for c in tok) and tokens[i - 1][-1:].isdigit():
            labels[i] = "issue"
    return labels


def share(key: str, of_256: int) -> bool:
    """Whether ``key`` falls in a share of ``of_256``/256, by its hash: the same answer on
    every run and machine (Python's own ``hash`` is salted per process)."""
    return hashlib.sha256(key.encode()).digest()[0] < of_256


def held_out(text: str) -> bool:
    """One AnyStyle string in ten, by a hash of its text."""
    return share(text, 26)


def bib_records(path: Path) -> list[Reference]:
    result = bibtex.read(path.read_text(encoding="utf-8", errors="replace"), path.name)
    return [r for r in result.library.references if r.type in synth.TYPES and r.title]


def generated_records(n: int, seed: int) -> list[Reference]:
    """The benchmark generator's library (Latin and Cyrillic); a third of its English records
    get the seed's "(in Russian)" note, as translated Russian references carry it."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    import json

    import generate  # type: ignore[import-not-found]

    refs = csljson.read(json.dumps(generate.csl_items(n, seed=seed)), "generated").library.references
    rng = random.Random(seed)
    for ref in refs:
        if ref.language == "en" and rng.random() < 0.33:
            ref.note = "(in Russian)"
        ref.author = [Name(family=a.family, given=a.given) for a in ref.author or []] or None
    return [r for r in refs if r.type in synth.TYPES]


def style_path(name: str, styles_dir: Path) -> str:
    if name.startswith("refman:"):
        return str(REPO / "styles" / f"{name.split(':', 1)[1]}.csl")
    return str(styles_dir / f"{name}.csl")


def synthetic(
    records: list[Reference], families: list[str], styles_dir: Path, per_style: int, seed: int
) -> list[Example]:
    """``per_style`` records drawn for each style of ``families``, rendered and labelled."""
    out: list[Example] = []
    latin = [r for r in records if r.language != "ru"]
    for family in families:
        for style in FAMILIES[family]:
            rng = random.Random(f"{seed}:{style}")
            count = per_style // 3 if family == "assorted" else per_style
            pool = records if "gost" in family else latin + [r for r in records if r.language == "ru"][:50]
            sample = rng.sample(pool, min(count, len(pool)))
            for text, labels in synth.render_labelled(sample, style_path(style, styles_dir), rng):
                out.append(Example(text, labels, f"synthetic:{family}/{style.removeprefix('refman:')}"))
    return out
