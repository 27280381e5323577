"""Reading and exporting a large free-text reference list, and the CLI's start-up time.

Generates a 10,000-reference list (Latin and Cyrillic, several types: benchmarks/generate.py),
then, each stage in a fresh process so that peak memory is its own:
  read      — api.load of the list (reflist reader + keys)
  csl-json  — read + export to CSL-JSON
  bibtex    — read + export to BibTeX
and compares ``refman --help`` with a bare ``python -c pass`` measured in the same run.

    python3 benchmarks/bench_read_export.py [--n 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import reflist_text  # noqa: E402

STAGE = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
from refman import api
from refman.options import WriteOptions
t0 = time.perf_counter()
loaded = api.load([{path!r}], "reflist")
t1 = time.perf_counter()
out = ""
if {target!r}:
    out = api.export(loaded.library, {target!r}, WriteOptions())
t2 = time.perf_counter()
print(json.dumps({{"refs": len(loaded.library.references), "read": t1 - t0, "write": t2 - t1,
                  "bytes": len(out.encode()), "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}}))
"""


def run_stage(path: Path, target: str) -> dict:
    code = STAGE.format(root=str(ROOT), path=str(path), target=target)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def startup(args: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(args, capture_output=True, check=True, cwd=ROOT)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "list.txt"
        path.write_text(reflist_text(args.n), encoding="utf-8")
        print(f"input: {args.n} references, {path.stat().st_size / 2**20:.1f} MiB of text")
        print(f"{'stage':<10} {'refs':>7} {'read s':>8} {'write s':>8} {'refs/s':>9} {'peak MiB':>9}")
        for target in ("", "csl-json", "bibtex"):
            best = min(
                (run_stage(path, target) for _ in range(args.repeat)), key=lambda r: r["read"] + r["write"]
            )
            total = best["read"] + best["write"]
            print(f"{target or 'read':<10} {best['refs']:>7} {best['read']:>8.2f} {best['write']:>8.2f} "
                  f"{best['refs'] / total:>9.0f} {best['maxrss_kb'] / 1024:>9.0f}")  # fmt: skip
    bare = startup([sys.executable, "-c", "pass"], args.repeat * 5)
    helped = startup([sys.executable, "-m", "refman", "--help"], args.repeat * 5)
    print(f"start-up: python -c pass {bare * 1000:.0f} ms; refman --help {helped * 1000:.0f} ms "
          f"(ratio {helped / bare:.1f}x, overhead {(helped - bare) * 1000:.0f} ms)")  # fmt: skip


if __name__ == "__main__":
    main()
