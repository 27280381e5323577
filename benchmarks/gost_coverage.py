"""Coverage by element of the GOST styles: of the names, titles, series, volume counts,
numbers and identifiers the records hold, how many their GOST text prints (issue 11).

Reads biblatex-gost-examples.bib and biblatex-examples.bib from texlive-bibtex-extra
(``REFMAN_TEXLIVE_DIR``, as the corpus tests) or the files named, renders them in both
bundled styles and prints printed / present per element and style (present: what the text
should print, after the named rules of styles/README.md "Deliberately not printed", whose
counts follow); ``--missing N`` lists N entries that miss an element.

    REFMAN_TEXLIVE_DIR=/work/tl python3 benchmarks/gost_coverage.py [--missing N] [FILE …]
"""

from __future__ import annotations

import gzip
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from refman import api  # noqa: E402
from refman.io import InputText  # noqa: E402
from refman.options import WriteOptions  # noqa: E402
from refman.writers.csl.writer import render  # noqa: E402
from tests.gost_coverage import KINDS, excluded_counts, figures, missing  # noqa: E402

STYLES = ("gost-r-7.0.100-2018", "gost-r-7.0.5-2008")


def default_files() -> list[Path]:
    root = Path(os.environ.get("REFMAN_TEXLIVE_DIR", "/nonexistent"))
    found = sorted(root.rglob("biblatex-gost-examples.bib.gz")) + sorted(root.rglob("biblatex-examples.bib"))
    if not found:
        sys.exit("no files: set REFMAN_TEXLIVE_DIR to the unpacked texlive-bibtex-extra, or name .bib files")
    return found


def references(path: Path) -> list:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    library, _, _ = api.read_input(InputText(path.name, data.decode("utf-8"), "utf-8", ".bib"))
    return library.references


def main(argv: list[str]) -> None:
    show = 0
    if argv[:1] == ["--missing"]:
        show, argv = int(argv[1]), argv[2:]
    files = [Path(a) for a in argv] or default_files()
    for path in files:
        refs = references(path)
        for style in STYLES:
            rows = render(refs, WriteOptions(style=style))
            texts = [text for _, _, text in rows]
            counts = figures(zip(refs, texts, strict=True))
            total = [sum(counts[k][i] for k in KINDS) for i in (0, 1)]
            parts = ", ".join(f"{k} {counts[k][0]}/{counts[k][1]}" for k in KINDS)
            print(f"{path.name} {style}: {len(refs)} entries; {parts}; all {total[0]}/{total[1]}")
            excluded = excluded_counts(zip(refs, texts, strict=True))
            print("  not printed by rule: " + ", ".join(f"{k} {v}" for k, v in sorted(excluded.items())))
            if show:
                shown = 0
                for ref, text in zip(refs, texts, strict=True):
                    lost = missing(ref, text)
                    if lost and shown < show:
                        shown += 1
                        print(f"  {ref.id}: {lost}\n    {text}")


if __name__ == "__main__":
    main(sys.argv[1:])
