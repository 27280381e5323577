"""The same workloads on this checkout and on another git revision, in one run.

For a change that must not change speed (a restructuring, a refactor), this is the baseline
measured in the same run: each workload runs as ``refman`` from each tree in turn, rounds
alternating so that a busy machine slows both alike, and the CPU seconds the child used
(user + system, best of the rounds) are compared. CPU time is steadier than wall time when
other work shares the machine.

    python3 benchmarks/compare_revisions.py bbd2076            # the revision to compare with
    python3 benchmarks/compare_revisions.py HEAD~5 --n 5000 --rounds 5

The other revision is checked out with ``git worktree`` into a temporary folder and removed
afterwards; both trees run with the same Python and installed dependencies (a dependency
added since that revision must be installed).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate

ROOT = Path(__file__).resolve().parent.parent


def _workloads(folder: Path, n: int) -> dict[str, list[str]]:
    """name → refman arguments, on inputs written once into ``folder``."""
    items = generate.csl_items(n)
    data = folder / "refs.json"
    data.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    reflist = folder / "list.txt"
    reflist.write_text(generate.reflist_text(n), encoding="utf-8")
    bib = folder / "refs.bib"
    here = subprocess.run(
        [sys.executable, "-m", "refman", "export", str(data), "--to", "biblatex", "-o", str(bib), "-q"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, check=False,
    )  # fmt: skip
    if here.returncode not in (0, 1):
        sys.exit(f"compare_revisions: could not write the BibTeX input: {here.stderr.decode()[:300]}")
    return {
        "CSL-JSON → BibLaTeX": ["export", str(data), "--to", "biblatex", "-q"],
        "BibLaTeX → CSL-JSON": ["export", str(bib), "--to", "csl-json", "-q"],
        "BibLaTeX → BibLaTeX (rewrite)": ["export", str(bib), "--to", "biblatex", "-q"],
        "free-text list → CSL-JSON": ["export", str(reflist), "--from", "reflist", "--to", "csl-json", "-q"],
        "GOST, text": ["export", str(data), "--to", "gost", "-q"],
        "validate": ["validate", str(data), "-q", "--exit-zero"],
        "dedupe": ["dedupe", str(data), "-q"],
        "--help": ["--help"],
    }


def _cpu(tree: Path, args: list[str]) -> float:
    """CPU seconds (user + system) of one ``python -m refman …`` run from ``tree``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, "-m", "refman", *args],
        cwd=tree, env={**os.environ, "PYTHONPATH": str(tree)}, capture_output=True, check=False,
    )  # fmt: skip
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{tree.name}: refman {' '.join(args[:3])}: {done.stderr.decode()[:300]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision", help="the git revision to compare this checkout with")
    parser.add_argument("--n", type=int, default=3000, help="records per workload (default 3000)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (default 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="refman-compare-") as tmp:
        other = Path(tmp) / "other"
        subprocess.run(
            ["git", "worktree", "add", "-q", "--detach", str(other), args.revision], cwd=ROOT, check=True
        )
        try:
            workloads = _workloads(Path(tmp), args.n)
            print(f"{args.n} records, best CPU seconds of {args.rounds} alternating rounds")
            print(f"{'workload':32} {args.revision[:12]:>12} {'this tree':>12} {'ratio':>7}")
            for name, argv in workloads.items():
                base = here = float("inf")
                for _ in range(args.rounds):
                    base = min(base, _cpu(other, argv))
                    here = min(here, _cpu(ROOT, argv))
                print(f"{name:32} {base:12.2f} {here:12.2f} {here / base:7.2f}")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(other)], cwd=ROOT, check=False)


if __name__ == "__main__":
    main()
