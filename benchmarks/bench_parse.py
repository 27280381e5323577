"""Field accuracy of the free-text reader on the held-out split, against the rules alone.

    python3 benchmarks/bench_parse.py [--limit N] [--workers 2]

The held-out split (``training/heldout.jsonl.gz``, written by ``python3 -m training.train``)
holds AnyStyle strings the model never saw (one in ten, by hash) and synthetic strings from
style families and sources it never saw. Gold fields come from the gold labels through the
same post-processing the reader uses, so the scores measure the labelling. Per field:
precision, recall and F1 of values equal after normalisation (names: the multiset of their
words; years; numbers; other text: its lower-cased words) and of word overlap; micro F1 by
style family. Also: throughput (references per second, one process and ``--workers``) and
the model's load time (in this process, and in a fresh one with and without the imports).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pycrfsuite  # noqa: E402

from refman.model import Reference  # noqa: E402
from refman.parsing import labeller  # noqa: E402
from refman.parsing.assemble import assemble  # noqa: E402
from refman.parsing.tokens import tokenize  # noqa: E402
from refman.readers.reflist.crf import read_reference  # noqa: E402
from refman.readers.reflist.fields import Context, parse_reference  # noqa: E402
from refman.readers.reflist.reader import NUMBERED  # noqa: E402

FIELDS = (
    "author",
    "editor",
    "title",
    "container",
    "date",
    "volume",
    "issue",
    "pages",
    "publisher",
    "location",
)
_WORD = re.compile(r"[^\W_]+")


def values(ref: Reference) -> dict[str, Any]:
    """Each scored field, normalised (None when absent)."""

    def names(people: Any) -> tuple[str, ...] | None:
        if not people:
            return None
        words = []
        for n in people:
            for part in (n.non_dropping_particle, n.family, n.given, n.literal):
                words += _WORD.findall((part or "").casefold())
        return tuple(sorted(words)) or None

    def text(value: Any) -> tuple[str, ...] | None:
        return tuple(_WORD.findall(str(value).casefold())) or None if value else None

    year = ref.issued.date_parts[0][0] if ref.issued and ref.issued.date_parts else None
    return {
        "author": names(ref.author), "editor": names(ref.editor), "title": text(ref.title),
        "container": text(ref.container_title), "date": (str(year),) if year else None,
        "volume": text(ref.volume), "issue": text(ref.issue), "pages": text(ref.page),
        "publisher": text(ref.publisher), "location": text(ref.publisher_place),
    }  # fmt: skip


def gold(row: dict) -> dict[str, Any]:
    tokens = tokenize(row["text"])
    return values(assemble(row["text"], tokens, [(lab, 1.0) for lab in row["labels"]]).ref)


def read_model(text: str) -> Reference:
    tokens = tokenize(text)
    return assemble(text, tokens, labeller.label(tokens)).ref


def read_product(text: str) -> Reference:
    return read_reference(_unnumbered(text), Context()).parsed.ref


def read_rules(text: str) -> Reference:
    return parse_reference(_unnumbered(text), Context()).ref


def _unnumbered(text: str) -> str:
    """The item without its list number, as the reader's list splitter gives it."""
    found = NUMBERED.match(text)
    return text[found.end() :] if found else text


READERS = {"rules only": read_rules, "model only": read_model, "refman (rules + model)": read_product}


class Score:
    def __init__(self) -> None:
        self.exact: dict[str, Counter] = defaultdict(Counter)
        self.overlap: dict[str, Counter] = defaultdict(Counter)

    def add(self, want: dict, got: dict) -> None:
        for f in FIELDS:
            w, g = want[f], got[f]
            e = self.exact[f]
            if w and g and w == g:
                e["tp"] += 1
            else:
                e["fp"] += bool(g)
                e["fn"] += bool(w)
            common = sum((Counter(w or ()) & Counter(g or ())).values())
            o = self.overlap[f]
            o["tp"] += common
            o["fp"] += len(g or ()) - common
            o["fn"] += len(w or ()) - common

    @staticmethod
    def prf(c: Counter) -> tuple[float, float, float]:
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def micro(self, kind: str = "exact") -> float:
        total: Counter = Counter()
        for c in (self.exact if kind == "exact" else self.overlap).values():
            total.update(c)
        return self.prf(total)[2]


def family(source: str) -> str:
    return (
        source.split("/")[0].removeprefix("synthetic:")
        if source.startswith("synthetic:")
        else "anystyle (held-out 10 %)"
    )


_COLD = """
import time
started = time.perf_counter()
from refman.parsing import labeller
imported = time.perf_counter()
labeller.tagger()
done = time.perf_counter()
print(f"{(done - imported) * 1000:.0f} {(done - started) * 1000:.0f}")
"""


def _cold_load() -> str:
    """The model's load time in a fresh interpreter (the file in the page cache), without and
    with the import of refman's labeller and python-crfsuite: the best of three."""
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", _COLD], capture_output=True, text=True, cwd=ROOT, check=True
        )
        runs.append(tuple(float(x) for x in out.stdout.split()))
    load, total = min(runs)
    return f"{load:.0f} ms to open the model, {total:.0f} ms with the imports"


def _rate(texts: list[str]) -> int:
    for text in texts:
        read_product(text)
    return len(texts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--heldout", type=Path, default=ROOT / "training" / "heldout.jsonl.gz")
    args = parser.parse_args()
    with gzip.open(args.heldout, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    if args.limit:
        rows = rows[:: max(1, len(rows) // args.limit)]
    started = time.perf_counter()
    fresh = pycrfsuite.Tagger()
    fresh.open(labeller.model_path())
    load_ms = (time.perf_counter() - started) * 1000
    size = Path(labeller.model_path()).stat().st_size / 1e6
    print(f"{len(rows)} held-out references; model {size:.2f} MB, loaded in {load_ms:.0f} ms "
          f"(this process); in a fresh process: {_cold_load()}")  # fmt: skip
    scores: dict[str, dict[str, Score]] = {name: defaultdict(Score) for name in READERS}
    for row in rows:
        want = gold(row)
        fam = family(row["source"])
        unseen = "unseen styles" if fam != "anystyle (held-out 10 %)" else fam
        for name, reader in READERS.items():
            got = values(reader(row["text"]))
            for group in (fam, unseen):
                scores[name][group].add(want, got)
    print("\nmicro F1 (exact after normalisation / word overlap) by style family")
    groups = sorted(scores["rules only"])
    print(f"{'family':28}" + "".join(f"{name:>26}" for name in READERS))
    for group in groups:
        cells = "".join(
            f"{s[group].micro():>18.3f} / {s[group].micro('overlap'):.3f}" for s in scores.values()
        )
        print(f"{group:28}{cells}")
    for group in ("unseen styles", "anystyle (held-out 10 %)"):
        print(f"\nper field, {group}: P / R / F1 (exact), F1 (overlap)")
        for name in READERS:
            s = scores[name][group]
            print(f"  {name}")
            for f in FIELDS:
                p, r, f1 = Score.prf(s.exact[f])
                print(f"    {f:10} {p:.3f} / {r:.3f} / {f1:.3f}   {Score.prf(s.overlap[f])[2]:.3f}")
    texts = [row["text"] for row in rows] * 3  # enough work that process start-up counts little
    started, cpu = time.perf_counter(), time.process_time()
    _rate(texts)
    one = len(texts) / (time.perf_counter() - started)
    per_cpu = len(texts) / (time.process_time() - cpu)
    chunks = [texts[i :: args.workers] for i in range(args.workers)]
    started = time.perf_counter()
    with ProcessPoolExecutor(args.workers) as pool:
        done = sum(pool.map(_rate, chunks))
    many = done / (time.perf_counter() - started)
    print(f"\nthroughput (rules + model, whole reader): {one:,.0f} refs/s in one process, "
          f"{many:,.0f} refs/s with {args.workers} processes (start-up included); "
          f"{per_cpu:,.0f} refs per CPU second (what a free core gives; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores during the run)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
