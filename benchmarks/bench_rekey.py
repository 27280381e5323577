"""`refman rekey` speed: the test manuscripts repeated to a book's size, and hostile text.

Part one rewrites tests/data/manuscripts/article.{tex,md} repeated to about ``--mb`` MB each
and prints MB/s, against a baseline measured in the same run: one ``re.sub`` of every key
in the map over the same text (the naive tool that would also rewrite comments, verbatim and
code). Part two reads pathological text (``\\cite[`` a million times, unclosed braces and
backticks …) at N and 2N characters and prints the time ratio: a linear scanner keeps it near
2, a quadratic one near 4; a ratio over ``--max-ratio`` while the 2N run takes over a
second is reported as a failure (exit status 1).

    python3 benchmarks/bench_rekey.py [--mb 5] [--size 200000] [--max-ratio 3]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import best  # noqa: E402

from refman.manuscripts import keymap, latex, markdown  # noqa: E402

DATA = ROOT / "tests" / "data" / "manuscripts"
HOSTILE = {
    "latex: \\cite[ unclosed": (latex, lambda n: "\\cite[" * (n // 6)),
    "latex: \\cite{ unclosed": (latex, lambda n: "\\cite{" * (n // 6)),
    "latex: nested notes": (latex, lambda n: "\\cite[" * (n // 12) + "]{a}" * (n // 12)),
    "latex: one long \\cites": (latex, lambda n: "\\cites" + "{a}" * (n // 3)),
    "latex: \\verb| unclosed": (latex, lambda n: "\\verb|" * (n // 6)),
    "latex: \\url{ unclosed": (latex, lambda n: "\\url{" * (n // 5)),
    "latex: comments": (latex, lambda n: "%\\cite{a}\n" * (n // 10)),
    "markdown: backticks": (markdown, lambda n: "`a " * (n // 3)),
    "markdown: citations": (markdown, lambda n: "[@a; " * (n // 5)),
    "markdown: @{ unclosed": (markdown, lambda n: "@{" * (n // 2)),
    "markdown: brackets": (markdown, lambda n: "[" * n),
    "markdown: dollars": (markdown, lambda n: "$a " * (n // 3)),
    "markdown: raw LaTeX": (markdown, lambda n: "\\foo{" * (n // 5)),
    "markdown: \\begin{x}": (markdown, lambda n: "\\begin{x}" * (n // 9)),
    "markdown: fences": (markdown, lambda n: "````\n```\n" * (n // 9)),
    "markdown: lists and code": (markdown, lambda n: "- a\n\n    b\n" * (n // 11)),
}


def manuscripts(megabytes: float) -> None:
    mapping = keymap.parse((DATA / "keys.tsv").read_text(encoding="utf-8")).mapping
    naive = re.compile("|".join(re.escape(key) for key in sorted(mapping, key=len, reverse=True)))
    print(f"{'manuscript':<12} {'MB':>5} {'citations':>10} {'rekey s':>8} {'MB/s':>6} {'re.sub s':>9}")
    for name, module in (("article.tex", latex), ("article.md", markdown)):
        one = (DATA / name).read_bytes().decode("utf-8")
        text = one * max(1, int(megabytes * 1e6 / len(one.encode("utf-8"))))
        size = len(text.encode("utf-8")) / 1e6
        result = module.rewrite(text, mapping, ("mycite",))
        took = best(lambda text=text, module=module: module.rewrite(text, mapping, ("mycite",)))
        baseline = best(lambda text=text: naive.sub(lambda m: mapping[m.group()], text))
        print(
            f"{name:<12} {size:>5.1f} {result.citations:>10} {took:>8.2f} {size / took:>6.1f} {baseline:>9.3f}"
        )


def hostile(size: int, max_ratio: float) -> bool:
    ok = True
    print(f"\n{'hostile text':<28} {'N s':>7} {'2N s':>7} {'ratio':>6}")
    for name, (module, make) in HOSTILE.items():
        times = []
        for n in (size, 2 * size):
            text = make(n)
            times.append(best(lambda text=text, module=module: module.rekey(text, {"a": "b"}), 1))
        ratio = times[1] / max(times[0], 1e-9)
        bad = ratio > max_ratio and times[1] > 1.0
        ok &= not bad
        print(f"{name:<28} {times[0]:>7.3f} {times[1]:>7.3f} {ratio:>6.2f}{'  FAIL' if bad else ''}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="manuscript size in MB (default 5)")
    parser.add_argument("--size", type=int, default=200_000, help="hostile text size N (default 200,000)")
    parser.add_argument("--max-ratio", type=float, default=3.0, help="2N/N time ratio that fails (default 3)")
    args = parser.parse_args()
    manuscripts(args.mb)
    return 0 if hostile(args.size, args.max_ratio) else 1


if __name__ == "__main__":
    sys.exit(main())
