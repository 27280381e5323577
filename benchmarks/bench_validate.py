"""Validation speed: `refman validate` rules over generated libraries of growing size.

Prints the time per run and per 1,000 references for 1,000 and 10,000 references, and the
ratio between them (a linear validator keeps it near 10; pairwise cross-list checks would
make it near 100). The baseline is loading the same library, measured in the same run.

    python3 benchmarks/bench_validate.py [N ...]
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import csl_items
from timing import best

from refman import api


def measure(n: int, directory: Path) -> tuple[float, float, int]:
    path = directory / f"lib{n}.json"
    path.write_text(json.dumps(csl_items(n), ensure_ascii=False), encoding="utf-8")
    load = best(lambda: api.load([str(path)]))
    loaded = api.load([str(path)])
    findings: list = []
    check = best(lambda: findings.__setitem__(slice(None), api.validate(loaded, today=date(2024, 6, 1))))
    return load, check, len(findings)


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        results = {n: measure(n, Path(tmp)) for n in sizes}
    print(f"{'refs':>7} {'load s':>8} {'validate s':>11} {'per 1k s':>9} {'findings':>9}")
    for n, (load, check, count) in results.items():
        print(f"{n:>7} {load:>8.2f} {check:>11.2f} {check / n * 1000:>9.3f} {count:>9}")
    if len(sizes) >= 2:
        small, big = sizes[0], sizes[-1]
        ratio = results[big][1] / results[small][1]
        print(f"validate time ratio {big}/{small} refs: {ratio:.1f} (linear: {big / small:.0f})")
        print(f"validate / load at {big}: {results[big][1] / results[big][0]:.2f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000])
