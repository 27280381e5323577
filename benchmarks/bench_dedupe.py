"""Dedupe at scale: time, peak memory, and pairwise precision, recall and F1 against known truth.

    python3 benchmarks/bench_dedupe.py            # 10,000 and 100,000 references, profile strict
    python3 benchmarks/bench_dedupe.py 20000 --profile balanced

The libraries come from ``dedupe_data.library`` (every kind of duplicate and near-duplicate of
the dedupe issue, with the work each record describes). The baseline, measured in the same run,
is the time to build the records' features alone: dedupe's cost over merely reading every record
once. Memory is the process's peak resident set during ``find_clusters`` above what it held
before (Linux: the high-water mark is reset through /proc/self/clear_refs), so the generated
models themselves are not counted.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import contextlib

from dedupe_data import library

from refman.core.dedupe.engine import find_clusters
from refman.core.dedupe.features import features
from refman.model import Reference


def pairs_of(groups: list[list[int]]) -> set[tuple[int, int]]:
    return {pair for group in groups for pair in itertools.combinations(sorted(group), 2)}


def _status_kib(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _reset_peak() -> int:
    """Reset the peak-RSS mark where Linux allows it; the resident size now, in bytes."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")
    now = _status_kib("VmRSS")
    return (now if now is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024


def _peak() -> int:
    peak = _status_kib("VmHWM")
    return (peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024


def run(n: int, profile: str) -> None:
    items, truth = library(n)
    refs = [Reference.model_validate(item) for item in items]
    start = time.perf_counter()
    for index, ref in enumerate(refs):
        features(index, ref)
    baseline = time.perf_counter() - start
    before = _reset_peak()
    start = time.perf_counter()
    clusters = find_clusters(refs, profile)
    elapsed = time.perf_counter() - start
    peak = _peak() - before
    works: dict[int, list[int]] = defaultdict(list)
    for index, work in enumerate(truth):
        works[work].append(index)
    true = pairs_of(list(works.values()))
    predicted = pairs_of([c.indices for c in clusters])
    found = len(true & predicted)
    precision = found / len(predicted) if predicted else 1.0
    recall = found / len(true) if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"{n:>7} refs  profile {profile:<8} time {elapsed:6.2f} s  ({elapsed / baseline:4.1f}x features alone "
        f"{baseline:5.2f} s)  +{peak / 2**20:6.1f} MiB RSS  clusters {len(clusters):>6}  "
        f"true pairs {len(true):>6}  precision {precision:.4f}  recall {recall:.4f}  F1 {f1:.4f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--profile", default="strict", choices=["strict", "balanced", "recall"])
    args = parser.parse_args()
    for n in args.sizes:
        run(n, args.profile)


if __name__ == "__main__":
    main()
