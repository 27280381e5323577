"""Train the shipped reference-parsing model: ``python3 -m training.train``.

Inputs, each pinned by sha256 in ``training/MANIFEST.sha256`` and checked before anything is
read: AnyStyle's annotated strings (``training/anystyle/``), real ``.bib`` files from Debian's
texlive-bibtex-extra (``--texlive``, default ``$REFMAN_TEXLIVE_DIR``), CSL styles from Debian's
citation-style-language-styles (``--styles``), refman's GOST styles and the benchmark
generator. Writes ``refman/parsing/model.crfsuite`` and the held-out split
``training/heldout.jsonl.gz`` that ``benchmarks/bench_parse.py`` scores. Same inputs, same
bytes out: the data are built in a fixed order with fixed seeds, and L-BFGS is deterministic.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import pycrfsuite

from refman.model import Reference
from refman.parsing.features import sequence_features
from refman.parsing.tokens import tokenize

from . import abbrev, data

MANIFEST = data.HERE / "MANIFEST.sha256"
MODEL = data.REPO / "refman" / "parsing" / "model.crfsuite"
HELDOUT = data.HERE / "heldout.jsonl.gz"
#: .bib files (paths under the texlive root) whose records are rendered; the held-out sources
#: are data.HELD_OUT_SOURCES.
BIB_FILES = (
    "usr/share/texlive/texmf-dist/bibtex/bib/beebe/typeset.bib",
    "usr/share/texlive/texmf-dist/bibtex/bib/beebe/printing-history.bib",
    "usr/share/texlive/texmf-dist/bibtex/bib/beebe/tugboat.bib",
    "usr/share/texlive/texmf-dist/bibtex/bib/beebe/texgraph.bib",
    "usr/share/texlive/texmf-dist/bibtex/bib/biblatex/biblatex/biblatex-examples.bib",
    "usr/share/doc/texlive-doc/latex/biblatex-gost/biblatex-gost-examples.bib.gz",
    "usr/share/doc/texlive-doc/latex/biblatex-apa/biblatex-apa-test-references.bib.gz",
    "usr/share/doc/texlive-doc/bibtex/apacite/apa5ex.bib.gz",
    "usr/share/doc/texlive-doc/bibtex/econ-bst/econ-example.bib.gz",
    "usr/share/doc/texlive-doc/latex/hep-bibliography/bibliography.bib.gz",
    "usr/share/doc/texlive-doc/bibtex/zootaxa-bst/example-refs.bib.gz",
    "usr/share/doc/texlive-doc/latex/biblatex-mla/doc/examples.bib.gz",
    "usr/share/doc/texlive-doc/latex/biblatex-oxref/oxref.bib.gz",
    "usr/share/doc/texlive-doc/latex/biblatex-historian/historian.bib.gz",
    "usr/share/doc/texlive-doc/latex/biblatex-chem/biblatex-chem.bib.gz",
    "usr/share/doc/texlive-doc/latex/biblatex-phys/biblatex-phys.bib.gz",
    "usr/share/doc/texlive-doc/bibtex/economic/aer-cje-ex.bib.gz",
    "usr/share/doc/texlive-doc/latex/biblatex-bath/biblatex-bath.bib.gz",
    "usr/share/doc/texlive-doc/support/crossrefware/citations.bib.gz",
    "usr/share/doc/texlive-doc/latex/biblatex-ieee/biblatex-ieee.bib.gz",
)
RECORDS_PER_FILE = 400
_WORD = re.compile(r"\w+")
#: Every other .bib file of texlive-bibtex-extra (``bibs.txt``, none of a held-out source's
#: name): up to ``RECORDS_PER_MORE_FILE`` records of each, for journals, publishers, fields
#: and kinds beyond TeX's own bibliographies (validation by source: 0.878 -> 0.892).
MORE_BIB_FILES = tuple((data.HERE / "bibs.txt").read_text().split())
RECORDS_PER_MORE_FILE = 60
PER_STYLE_TRAIN = 260
PER_STYLE_TEST = 120
SEED = 20260226
PARAMS = {"c1": 0.03, "c2": 0.01, "max_iterations": 120, "feature.possible_transitions": True}


def inputs(texlive: Path, styles: Path) -> dict[str, Path]:
    """Every input file by its manifest name."""
    out = {f"anystyle/{n}.xml": data.HERE / "anystyle" / f"{n}.xml" for n in ("core", "good", "bad")}
    out.update({f"texlive/{p}": texlive / p for p in (*BIB_FILES, *MORE_BIB_FILES)})
    for family in data.FAMILIES.values():
        for style in family:
            name = (
                f"repo/styles/{style[7:]}.csl" if style.startswith("refman:") else f"csl-styles/{style}.csl"
            )
            out[name] = Path(data.style_path(style, styles))
    out["repo/benchmarks/generate.py"] = data.REPO / "benchmarks" / "generate.py"
    return out


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check(files: dict[str, Path]) -> list[str]:
    """Problems with the inputs against the manifest (empty when every checksum matches)."""
    pinned = dict(reversed(line.split("  ", 1)) for line in MANIFEST.read_text().splitlines() if line)
    problems = []
    for name, path in files.items():
        if name not in pinned:
            problems.append(f"{name}: not in the manifest")
        elif not path.exists():
            problems.append(f"{name}: missing ({path})")
        elif sha256(path) != pinned[name]:
            problems.append(f"{name}: checksum differs from the manifest")
    return problems


def _read_bib(path: Path) -> list:
    if path.suffix == ".gz":
        tmp = path.with_suffix("")
        text = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        from refman.readers import bibtex

        result = bibtex.read(text, tmp.name)
        return [r for r in result.library.references if r.type in data.synth.TYPES and r.title]
    return data.bib_records(path)


def title_key(ref: Reference) -> str:
    """A record's title as lower-cased words: the same work in two files."""
    return " ".join(_WORD.findall((ref.title or "").casefold()))


def _draw(found: list[Reference], rel: str, most: int) -> list[Reference]:
    """Up to ``most`` of a file's records, drawn by a generator seeded with the file's name."""
    return random.Random(f"{SEED}:{rel}").sample(found, min(most, len(found)))


def more_records(texlive: Path, files: Iterable[str], known: set[str]) -> list[Reference]:
    """Up to ``RECORDS_PER_MORE_FILE`` records of each file whose titles are not ``known``
    (held out, or drawn already: ``known`` grows with the records drawn)."""
    out: list[Reference] = []
    for rel in files:
        found = _draw(
            [r for r in _read_bib(texlive / rel) if title_key(r) not in known], rel, RECORDS_PER_MORE_FILE
        )
        known.update(title_key(r) for r in found)
        out += found
    return out


def records(
    texlive: Path, leave_out: tuple[str, ...] = ()
) -> tuple[list[Reference], list[Reference], list[Reference]]:
    """The records rendered for training, those rendered only for the held-out split, and
    those of the ``leave_out`` files (validation's sources): ``RECORDS_PER_FILE`` drawn from
    each of ``BIB_FILES``, then from each of ``MORE_BIB_FILES`` but ``leave_out``, then the
    generator's; then the left-out files'. None of the later has the title of a record drawn
    before it or of any record of a held-out source."""
    seen: list[Reference] = []
    unseen: list[Reference] = []
    known: set[str] = set()
    for rel in BIB_FILES:
        found = _read_bib(texlive / rel)
        if Path(rel).name.removesuffix(".gz") in data.HELD_OUT_SOURCES:
            known.update(title_key(r) for r in found)  # every record's, not only those drawn
            unseen += _draw(found, rel, RECORDS_PER_FILE)
        else:
            seen += _draw(found, rel, RECORDS_PER_FILE)
    known.update(title_key(r) for r in seen)
    seen += more_records(texlive, [f for f in MORE_BIB_FILES if f not in leave_out], known)
    generated = data.generated_records(600, SEED)
    known.update(title_key(r) for r in generated)
    seen = abbrev.with_short_titles(seen + generated, str(SEED))
    unseen += data.generated_records(200, SEED + 1)
    return seen, unseen, more_records(texlive, leave_out, known)


def build(texlive: Path, styles: Path) -> tuple[list[data.Example], list[data.Example]]:
    """The training examples and the held-out ones."""
    train: list[data.Example] = []
    test: list[data.Example] = []
    for name in ("core", "good", "bad"):
        for ex in data.anystyle(data.HERE / "anystyle" / f"{name}.xml", name):
            (test if data.held_out(ex.text) else train).append(ex)
    seen, unseen, _ = records(texlive)
    trained = [f for f in data.FAMILIES if f not in data.HELD_OUT_FAMILIES]
    train += data.synthetic(seen, trained, styles, PER_STYLE_TRAIN, SEED)
    test += data.synthetic(unseen, list(data.HELD_OUT_FAMILIES), styles, PER_STYLE_TEST, SEED)
    return train, test


def input_arguments(parser: argparse.ArgumentParser) -> None:
    """``--texlive`` and ``--styles``: where the pinned inputs were unpacked."""
    parser.add_argument("--texlive", type=Path, default=Path(os.environ.get("REFMAN_TEXLIVE_DIR", "/tmp/tl")))
    parser.add_argument(
        "--styles", type=Path, default=Path("/tmp/csl/usr/share/citation-style-language/styles")
    )


def unpinned(files: dict[str, Path], command: str) -> bool:
    """Whether an input differs from the manifest (each problem reported on stderr)."""
    problems = check(files)
    for problem in problems:
        print(f"{command}: {problem}", file=sys.stderr)
    return bool(problems)


def fit(examples: list[data.Example], params: dict, out: Path) -> None:
    """A model fitted to ``examples`` with crfsuite's L-BFGS, written to ``out``."""
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for ex in examples:
        trainer.append(sequence_features(tokenize(ex.text)), ex.labels)
    trainer.set_params(params)
    trainer.train(str(out))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    input_arguments(parser)
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--write-manifest", action="store_true", help="pin the current inputs (maintainers)")
    args = parser.parse_args(argv)
    files = inputs(args.texlive, args.styles)
    if args.write_manifest:
        MANIFEST.write_text("".join(f"{sha256(p)}  {n}\n" for n, p in files.items()))
        print(f"pinned {len(files)} inputs in {MANIFEST}")
    if unpinned(files, "training"):
        return 2
    started = time.perf_counter()
    train, test = build(args.texlive, args.styles)
    print(f"{len(train)} training strings, {len(test)} held out ({time.perf_counter() - started:.1f} s)")
    print("training (several minutes)", flush=True)
    fit(train, PARAMS, args.out)
    size = args.out.stat().st_size
    print(f"model {args.out} ({size / 1e6:.2f} MB) in {time.perf_counter() - started:.1f} s")
    with gzip.GzipFile(HELDOUT, "wb", mtime=0) as fh:
        for ex in test:
            row = {"text": ex.text, "labels": ex.labels, "source": ex.source}
            fh.write((json.dumps(row, ensure_ascii=False) + "\n").encode())
    return 0


if __name__ == "__main__":
    sys.exit(main())
