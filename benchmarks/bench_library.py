"""The library at scale, on SQLite and on PostgreSQL, each figure with a baseline from the same run.

Generates N references (benchmarks/generate.py: Latin and Cyrillic, several types) as one
CSL-JSON file, then per backend, each command in a fresh process (wall time, peak memory):
  add         — `refman add FILE` into an empty library (baseline: `refman dedupe FILE`, the
                same records deduplicated from the file, and `refman export FILE`). On two
                cores or more add prepares its input in a second process (refman/preparing.py):
                its CPU figure is both processes' together, its peak memory the larger one's
  list keys   — `refman list --format keys` of every record (baseline: `refman --version`)
  export      — `refman export --library --to csl-json` (baseline: the same from the file)
  search      — p50/p95 of ranked searches in one process (Cyrillic, Latin transliterations,
                fields, years; baseline: one `SELECT count(*)`)
On PostgreSQL it also compares its full-text search with pg_trgm for transliteration: recall of
"Ivanov", "Ivanova"… (Latin) against the records whose authors are written in Cyrillic, and p95.

    python3 benchmarks/bench_library.py [--n 100000] [--backends sqlite,postgresql] [--queries 200]

With --sizes 20000,50000,100000 it runs only `refman add` into an empty SQLite library at each
size and prints CPU seconds and peak memory: the memory of add should not grow with N.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from generate import FAMILIES_EN, FAMILIES_RU, WORDS_EN, WORDS_RU, csl_items  # noqa: E402

REFMAN = [sys.executable, "-m", "refman"]
#: CPU seconds (user + system) of the last run of each command, by its name.
CPU: dict[str, float] = {}
#: Latin spellings of the generator's Cyrillic family names (passport, scholarly, press).
TRANSLIT = {"Иванов": "Ivanov", "Петрова": "Petrova", "Кузнецов": "Kuznetsov", "Жуков": "Zhukov",
            "Щербаков": "Shcherbakov", "Цветков": "Tsvetkov", "Шевченко": "Shevchenko", "Юдин": "Yudin"}  # fmt: skip


def run(args: list[str], out: str | None = None) -> tuple[float, float]:
    """(seconds, peak MiB) of one command in its own process; its output to ``out`` or nowhere.
    The CPU seconds go to ``CPU`` (on a shared machine they say more than the wall time)."""
    sink = open(out, "w") if out else subprocess.DEVNULL  # noqa: SIM115 - closed below
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=sink, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    CPU[args[3] if len(args) > 3 else "?"] = usage.ru_utime + usage.ru_stime
    if out:
        sink.close()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed: {' '.join(args)}")
    return seconds, usage.ru_maxrss / 1024


def queries(count: int) -> list[str]:
    """Searches a user would type: a Cyrillic or Latin word, a name in another script, fields."""
    out = []
    pool = WORDS_RU + WORDS_EN
    for i in range(count):
        kind = i % 5
        if kind == 0:
            out.append(pool[i % len(pool)])
        elif kind == 1:
            out.append(list(TRANSLIT.values())[i % len(TRANSLIT)])
        elif kind == 2:
            out.append(FAMILIES_RU[i % len(FAMILIES_RU)])
        elif kind == 3:
            out.append(f"author:{FAMILIES_EN[i % len(FAMILIES_EN)]} year:{1990 + i % 30}..")
        else:
            out.append(f"title:{WORDS_RU[i % len(WORDS_RU)]} {WORDS_RU[(i * 7) % len(WORDS_RU)]}")
    return out


def search_times(location: str, texts: list[str]) -> tuple[float, float, float, float]:
    """(p50, p95, p95 of CPU time, baseline) in ms: ranked searches, top 50, as `refman
    search` runs them (on a loaded machine the CPU figure is the steadier one)."""
    from refman.library_api import open_store, query

    store = open_store(location)
    times, cpu = [], []
    for text in texts:
        start, start_cpu = time.perf_counter(), time.process_time()
        list(store.select(query(text), ranked=True, limit=50))
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    start = time.perf_counter()
    store.count()
    baseline = (time.perf_counter() - start) * 1000
    store.close()
    times.sort()
    cpu.sort()
    at95 = int(len(times) * 0.95) - 1
    return statistics.median(times), times[at95], cpu[at95], baseline


def pg_text_search_vs_trgm(url: str) -> None:
    """Recall and p95 of transliterated author searches: tsvector over skeletons (what refman
    uses), pg_trgm over the same skeletons, and pg_trgm over the text as written."""
    import psycopg

    from refman.core.dedupe.translit import skeleton

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        conn.execute("CREATE INDEX IF NOT EXISTS bench_trgm_skel ON search USING GIN (names gin_trgm_ops)")
        conn.execute("CREATE INDEX IF NOT EXISTS bench_trgm_raw ON records USING GIN (names gin_trgm_ops)")
        conn.execute("ANALYZE")
        ways = {
            "tsvector over skeletons": ("SELECT count(*) FROM search WHERE to_tsvector('simple', names) @@ to_tsquery('simple', %s)",
                                        lambda latin: skeleton(latin) + ":*"),
            "pg_trgm over skeletons": ("SELECT count(*) FROM search WHERE names ILIKE %s", lambda latin: f"%{skeleton(latin)}%"),
            "pg_trgm over the text": ("SELECT count(*) FROM records WHERE names ILIKE %s", lambda latin: f"%{latin}%"),
        }  # fmt: skip
        truth = {
            ru: conn.execute("SELECT count(*) FROM records WHERE names LIKE %s", (f"%{ru}%",)).fetchone()[0]
            for ru in TRANSLIT
        }
        expected = sum(truth.values())
        for name, (sql, arg) in ways.items():
            found, times = 0, []
            for ru, latin in TRANSLIT.items():
                start = time.perf_counter()
                count = conn.execute(sql, (arg(latin),)).fetchone()[0]
                times.append((time.perf_counter() - start) * 1000)
                found += min(count, truth[ru])
            print(
                f"  {name:<26} finds {found:,} of {expected:,} records (recall {found / max(1, expected):.3f}); "
                f"slowest of {len(times)} names {max(times):.1f} ms"
            )


def bench(backend: str, location: str, data: Path, n: int, count: int) -> None:
    print(f"\n{backend}: {n:,} references")
    add_s, add_mb = run([*REFMAN, "add", "-q", "--library", location, str(data)])
    add_cpu = CPU["add"]
    dedupe_s, dedupe_mb = run([*REFMAN, "dedupe", str(data)])
    print(f"  add            {add_s:7.1f} s  {add_mb:6.0f} MiB   baseline dedupe FILE {dedupe_s:6.1f} s "
          f"{dedupe_mb:6.0f} MiB  (×{add_s / dedupe_s:.2f}; CPU {add_cpu:.1f} s vs {CPU['dedupe']:.1f} s)")  # fmt: skip
    keys_s, _ = run([*REFMAN, "list", "--library", location, "--format", "keys"])
    version_s, _ = run([*REFMAN, "--version"])
    print(f"  list keys      {keys_s:7.2f} s (CPU {CPU['list']:.2f} s)   baseline refman --version {version_s:.2f} s "
          f"(CPU {CPU['--version']:.2f} s)")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        lib_s, lib_mb = run([*REFMAN, "export", "--library", location, "--to", "csl-json"], f"{tmp}/a.json")
        lib_cpu = CPU["export"]
        file_s, file_mb = run([*REFMAN, "export", str(data), "--to", "csl-json"], f"{tmp}/b.json")
        # the library holds the file's records less the duplicates add skipped
        counts = [len(json.loads(Path(f"{tmp}/{name}.json").read_text(encoding="utf-8"))) for name in "ab"]
    print(f"  export         {lib_s:7.1f} s  {lib_mb:6.0f} MiB   baseline export FILE {file_s:6.1f} s "
          f"{file_mb:6.0f} MiB  (×{lib_s / file_s:.2f}; CPU {lib_cpu:.1f} s vs {CPU['export']:.1f} s; "
          f"{counts[0]:,} records vs {counts[1]:,})")  # fmt: skip
    p50, p95, cpu95, base = search_times(location, queries(count))
    print(
        f"  search         p50 {p50:6.1f} ms  p95 {p95:6.1f} ms (CPU p95 {cpu95:.1f} ms) over {count} queries   "
        f"baseline count(*) {base:.1f} ms"
    )


def add_sizes(sizes: list[int]) -> None:
    """CPU and peak memory of `refman add` at each size (SQLite), the input's size beside."""
    print("add into an empty SQLite library:")
    with tempfile.TemporaryDirectory(prefix="refman-bench-") as tmp:
        for n in sizes:
            data = Path(tmp) / f"refs{n}.json"
            data.write_text(json.dumps(csl_items(n), ensure_ascii=False), encoding="utf-8")
            seconds, peak = run([*REFMAN, "add", "-q", "--library", f"{tmp}/lib{n}.sqlite", str(data)])
            size = data.stat().st_size / 2**20
            print(f"  {n:>7,} references ({size:5.1f} MiB of CSL-JSON)  {seconds:6.1f} s  "
                  f"CPU {CPU['add']:6.1f} s  peak {peak:5.0f} MiB")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--sizes", help="only `refman add`, at these sizes (comma-separated)")
    args = parser.parse_args()
    if args.sizes:
        add_sizes([int(n) for n in args.sizes.split(",")])
        return
    with tempfile.TemporaryDirectory(prefix="refman-bench-") as tmp:
        data = Path(tmp) / "refs.json"
        items = csl_items(args.n)
        data.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        del items
        for backend in args.backends.split(","):
            if backend == "sqlite":
                bench("sqlite", str(Path(tmp) / "library.sqlite"), data, args.n, args.queries)
            elif backend == "postgresql":
                from tests.pg_server import Server, server_binaries

                binaries = server_binaries()
                if binaries is None:
                    print("\npostgresql: skipped (initdb and pg_ctl not installed)")
                    continue
                server = Server(binaries).start()
                try:
                    url = server.url()
                    bench("postgresql", url, data, args.n, args.queries)
                    print("  transliterated author search (Latin query, Cyrillic records):")
                    pg_text_search_vs_trgm(url)
                finally:
                    server.stop()


if __name__ == "__main__":
    main()
