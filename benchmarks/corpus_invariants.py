"""The data-safety invariants over real .bib files written by others (texlive-bibtex-extra).

For every file, in process: export to BibTeX and to BibLaTeX twice (the second output must
equal the first: a fixed point); every key and every field of the input is in the output;
``validate --fix`` keeps every field and key, and a second ``--fix`` changes nothing.

    apt-get download texlive-bibtex-extra && dpkg -x texlive-bibtex-extra_*.deb /tmp/tl
    python3 benchmarks/corpus_invariants.py /tmp/tl            # a line per problem, then totals

Prints files and entries tried, fixed points, keys and fields lost, fixes and idempotence.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.corpus import bib_files, check


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="the unpacked package (or any folder of .bib files)")
    parser.add_argument("--only", nargs="*", default=None, help="file names to check (default: all)")
    parser.add_argument("--no-fix", action="store_true", help="skip the validate --fix invariants")
    args = parser.parse_args()
    files = [p for p in bib_files(args.root) if args.only is None or p.name in args.only]
    start = time.perf_counter()
    totals = {"files": 0, "entries": 0, "problems": 0, "fixes": 0}
    kinds: dict[str, int] = {}
    for path in files:
        result = check(path, not args.no_fix)
        totals["files"] += 1
        totals["entries"] += int(result["entries"])  # type: ignore[arg-type]
        totals["fixes"] += int(result.get("fixes", 0))  # type: ignore[arg-type]
        for problem in result["problems"]:  # type: ignore[union-attr]
            print(f"{path.name}: {problem}")
            kind = problem.split(":")[0] + ":" + problem.split(":")[1]
            kinds[kind] = kinds.get(kind, 0) + 1
            totals["problems"] += 1
    print(f"{totals['files']} files, {totals['entries']} entries, {totals['fixes']} fixes applied, "
          f"{totals['problems']} problems in {time.perf_counter() - start:.1f} s")  # fmt: skip
    for kind, count in sorted(kinds.items()):
        print(f"  {kind}: {count}")


if __name__ == "__main__":
    main()
