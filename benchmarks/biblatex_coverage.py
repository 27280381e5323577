"""Where the fields of real BibLaTeX data land: a CSL variable, or ``unmapped`` (kept, but
invisible to a CSL style); and whether a record survives model → BibLaTeX → model.

    python3 benchmarks/biblatex_coverage.py [FILE.bib[.gz] ...]

Defaults to the biblatex-gost examples and biblatex-examples.bib under $REFMAN_TEXLIVE_DIR
(or /). For each field name: how many entries have it as their own field, and in how many
it reached a CSL variable; then how many records have each CSL variable. "changed" counts records whose CSL data differs after being written
afresh as BibLaTeX (no source text to copy) and read back.
"""

from __future__ import annotations

import collections
import gzip
import os
import sys
from pathlib import Path

from refman.model import Library
from refman.readers.bibtex import read
from refman.writers.bibtex.writer import write_biblatex

STRUCTURE = frozenset("crossref xdata xref ids entryset related relatedtype keywords".split())
DEFAULTS = (
    "usr/share/doc/texlive-doc/latex/biblatex-gost/biblatex-gost-examples.bib.gz",
    "usr/share/texlive/texmf-dist/bibtex/bib/biblatex/biblatex/biblatex-examples.bib",
)


def _text(path: Path) -> str:
    data = path.read_bytes()
    return (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace")


def measure(
    path: Path,
) -> tuple[collections.Counter[str], collections.Counter[str], int, int, collections.Counter[str]]:
    library = read(_text(path), path.name).library
    present: collections.Counter[str] = collections.Counter()
    mapped: collections.Counter[str] = collections.Counter()
    variables: collections.Counter[str] = collections.Counter()
    for ref in library.references:
        variables.update(var for var in ref.to_csl() if var not in ("id", "type", "custom"))
        own = {name.strip().lower().rsplit("\n", 1)[-1] for name, _ in (ref.origin.fields or [])}
        for name in own - STRUCTURE:
            present[name] += 1
            if name not in ref.unmapped:
                mapped[name] += 1
    fresh = [ref.model_copy(update={"origin": None}) for ref in library.references]
    back = read(write_biblatex(Library(references=fresh)), "back.bib").library.references
    before = {str(r.id): _meaning(r) for r in fresh}
    lost = sum(1 for r in back if before.get(str(r.id)) != _meaning(r))
    return present, mapped, len(library.references), lost + len(fresh) - len(back), variables


def _meaning(ref) -> dict:
    """A record's CSL data; without an ``xdata`` link, which a fresh write without the @xdata
    entry leaves out by design (its fields are written inline)."""
    data = ref.model_copy(update={"latex": {}}).to_csl()
    data.pop("id", None)
    kept = (data.get("custom") or {}).get("refman", {}).get("unmapped", {})
    kept.pop("xdata", None)
    return data


def main() -> None:
    root = Path(os.environ.get("REFMAN_TEXLIVE_DIR", "/"))
    paths = [Path(p) for p in sys.argv[1:]] or [root / p for p in DEFAULTS]
    for path in paths:
        present, mapped, entries, lost, variables = measure(path)
        total_present, total_mapped = sum(present.values()), sum(mapped.values())
        print(f"{path.name}: {entries} entries, {total_mapped}/{total_present} fields in a CSL variable, "
              f"{lost} records changed by a fresh BibLaTeX round trip")  # fmt: skip
        for name, count in sorted(present.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {name:16} {mapped[name]:5}/{count:<5}")
        print("  records with each CSL variable (own and inherited data):")
        for var, count in sorted(variables.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {var:26} {count:5}")


if __name__ == "__main__":
    main()
