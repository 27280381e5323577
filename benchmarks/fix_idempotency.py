"""Are `--fix` runs idempotent on real files? Fix every file twice, in process, and compare.

For each input, the library is read, ``fix_library`` is run until it settles, the models are
snapshotted, and ``fix_library`` is run again: the second run must apply nothing and leave
every model equal. Judged on the model (not on written text), so writers cannot hide or
cause a difference. Prints one line per file that fails, with the rules whose fixes came
back, and a summary; exit 1 if any file fails. ``--roundtrip`` writes the fixed library in
its format and reads it back between the runs, as `--fix -o a.bib` then `--fix a.bib` do
(differences then may come from the writer and reader as well as from the rules).

    python3 benchmarks/fix_idempotency.py [--unsafe] [--roundtrip] FILE_OR_DIR ...

A folder is searched for .bib files (the unpacked texlive-bibtex-extra, for example: see
docs/DEVELOPING.md); ``REFMAN_TEXLIVE_DIR`` is the default folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

from refman import api
from refman.core.fixes import fix_library

TODAY = date(2025, 1, 1)


def _snapshot(loaded: api.Loaded) -> list[dict]:
    return [ref.model_dump(by_alias=True, exclude_none=True) for ref in loaded.library.references]


def _written_and_read(loaded: api.Loaded, directory: Path) -> api.Loaded:
    """The library as `--fix -o a.bib` writes it and the next `refman validate a.bib` reads it."""
    target = directory / "a.bib"
    target.write_text(api.export(loaded.library, loaded.sources[0][1]), encoding="utf-8")
    return api.load([str(target)])


def check(path: Path, unsafe: bool, roundtrip: Path | None = None) -> tuple[int, Counter[str], list[str]]:
    """(fixes of the first run, codes fixed again by the second run, sample change lines)."""
    loaded = api.load([str(path)])
    first = fix_library(loaded.library, unsafe=unsafe, today=TODAY)
    if roundtrip is not None:
        loaded = _written_and_read(loaded, roundtrip)
    before = _snapshot(loaded)
    second = fix_library(loaded.library, unsafe=unsafe, today=TODAY)
    again = Counter(change.code for change in second)
    if not second and _snapshot(loaded) != before:
        again["(model changed)"] += 1
    return len(first), again, [change.line() for change in second[:3]]


def main(argv: list[str]) -> int:
    unsafe = "--unsafe" in argv
    roundtrip = "--roundtrip" in argv
    default = os.environ.get("REFMAN_TEXLIVE_DIR")
    targets = [Path(a) for a in argv if not a.startswith("--")] or ([Path(default)] if default else [])
    if not targets:
        sys.exit("name the .bib files or folders to check (or set REFMAN_TEXLIVE_DIR)")
    files = sorted(p for t in targets for p in ([t] if t.is_file() else t.rglob("*.bib")))
    failing, total_fixes, codes = 0, 0, Counter()
    start = time.perf_counter()
    scratch = tempfile.TemporaryDirectory()
    for path in files:
        try:
            fixes, again, sample = check(path, unsafe, Path(scratch.name) if roundtrip else None)
        except Exception as exc:  # noqa: BLE001 - a file refman refuses is reported, not fatal
            print(f"{path.name}: not read ({type(exc).__name__}: {exc})")
            continue
        total_fixes += fixes
        if again:
            failing += 1
            codes.update(again)
            print(f"{path.name}: second run fixed {dict(again)}")
            for line in sample:
                print(f"    {line[:200]}")
    scratch.cleanup()
    mode = ("safe and unsafe fixes" if unsafe else "safe fixes") + (
        ", written and read back" if roundtrip else ""
    )
    print(f"{failing} of {len(files)} files not idempotent ({mode}; {total_fixes} fixes in first runs; "
          f"{time.perf_counter() - start:.0f} s)")  # fmt: skip
    if codes:
        print("rules fixing again: " + ", ".join(f"{c} {n}" for c, n in codes.most_common()))
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
