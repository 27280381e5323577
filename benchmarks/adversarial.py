"""Hostile inputs against every reader and the CLI: time and peak memory per case.

Two kinds of case, each in a fresh process (a crash, even a segfault, is caught and named;
peak memory is that process's own, read with wait4):

* reader cases: a pathological string ("1. a a a …", "((((", digit and whitespace runs,
  unclosed braces and quotes …) given to each reader of the registry at N and 2N
  characters. A linear reader takes about twice as long for 2N; the ratio is printed
  and a case fails when it is over ``--max-ratio`` (quadratic is about 4) while the 2N
  run takes more than a second, or when it exceeds the time or memory bound.
* CLI cases: deeply nested JSON, a YAML alias bomb, an exponential BibTeX @string, a file
  with a NUL byte, and a big file (``--big-mb``, 100 MB by default) of plain text and of
  RIS records: each must end with exit status 0, 1 or 2 and no "internal error".

    python3 benchmarks/adversarial.py [--size 200000] [--big-mb 100] [--only NAME]

Exit status 1 if any case crashes or exceeds its bounds.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: name → Python expression of a string of about ``n`` characters (``n`` is defined).
PATTERNS: dict[str, str] = {
    "numbered-words": '"1. " + "a " * (n // 2)',
    "many-numbers": '"".join(f"{i}. a\\n" for i in range(n // 6))',
    "open-parens": '"(" * n',
    "digits": '"1" * n',
    "digit-groups": '"12. " * (n // 4)',
    "whitespace": '"a" + " " * n + "b"',
    "newlines": '"\\n" * n',
    "open-braces": '"@article{x, title = " + "{" * n',
    "open-quote": '"@article{x, title = \\"" + "a " * (n // 2)',
    "at-signs": '"@" * n',
    "comma-names": '"AU  - " + "a, " * (n // 3)',
    "ris-tags": '"TY  - JOUR\\n" + "AU  - a\\n" * (n // 8)',
    "dots-initials": '"Ivanov " + "I. " * (n // 3)',
    "dashes": '"–" * n',
    "json-open": '"[" + "{\\"a\\": " * (n // 6)',
    "yaml-keys": '"- " + "a: " * (n // 3)',
    "note-spaces": '"[{\\"id\\": 1, \\"note\\": \\"a: " + " " * n + "x\\"}]"',
    "cyrillic-words": '"1. " + "Иванов И. И. " * (n // 13)',
}

READER_CASE = r"""
import json, sys, time
sys.path.insert(0, {root!r})
sys.setrecursionlimit(10000)
from refman import formats
reader = formats.get({fmt!r}).load_reader()
times = []
for n in ({size} // 2, {size}):
    text = {expr}
    t0 = time.perf_counter()
    result = reader(text, name="adversarial")
    times.append(time.perf_counter() - t0)
print(json.dumps({{"times": times, "refs": len(result.library.references), "diags": len(result.diagnostics)}}))
"""


def run(args: list[str], timeout: float) -> dict:
    """Run a process; its status, output, wall time and peak RSS (MiB), killed at timeout."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    out, err = [], []
    readers = [threading.Thread(target=lambda s=s, b=b: b.append(s.read())) for s, b in
               ((proc.stdout, out), (proc.stderr, err))]  # fmt: skip
    for thread in readers:
        thread.start()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    for thread in readers:
        thread.join()
    timer.cancel()
    return {"status": proc.returncode, "stdout": "".join(out), "stderr": "".join(err),
            "seconds": time.perf_counter() - started, "mib": usage.ru_maxrss / 1024,
            "killed": proc.returncode == -9}  # fmt: skip


def reader_cases(
    size: int, max_seconds: float, max_mib: float, max_ratio: float, only: str | None
) -> list[dict]:
    sys.path.insert(0, str(ROOT))
    from refman import formats

    rows = []
    names = sorted({f.name for f in formats.readable() if f.name != "biblatex"})
    for pattern, expr in PATTERNS.items():
        for fmt in names:
            label = f"{fmt}/{pattern}"
            if only and only not in label:
                continue
            code = READER_CASE.format(root=str(ROOT), fmt=fmt, size=size, expr=expr)
            res = run([sys.executable, "-c", code], max_seconds)
            row = {"case": label, "seconds": res["seconds"], "mib": res["mib"], "ok": True, "note": ""}
            if res["status"] != 0:
                row["ok"] = False
                tail = res["stderr"].strip().splitlines()[-1:] or ["killed"]
                row["note"] = (
                    "timeout" if res["killed"] else f"crash (status {res['status']}): {tail[0][:120]}"
                )
            else:
                data = json.loads(res["stdout"].strip().splitlines()[-1])
                small, big = data["times"]
                ratio = big / small if small > 0.001 else 1.0
                row["note"] = f"N/2 {small:.3f}s  N {big:.3f}s  ratio {ratio:.1f}  refs {data['refs']}"
                if ratio > max_ratio and big > 1.0:
                    row["ok"] = False
                    row["note"] += "  SUPERLINEAR"
            if res["mib"] > max_mib:
                row["ok"] = False
                row["note"] += "  OVER MEMORY BOUND"
            rows.append(row)
    return rows


def _bomb_yaml() -> str:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    previous = "a"
    for name in "bcdefghij":
        text += f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]\n"
        previous = name
    return text


def _string_bomb() -> str:
    lines = ['@string{s0 = "lol"}']
    lines += [f"@string{{s{i} = s{i - 1} # s{i - 1}}}" for i in range(1, 41)]  # 2**40 characters
    return "\n".join(lines) + "\n@article{x, title = s40, year = 2020}\n"


def _big_text(path: Path, mib: int) -> None:
    line = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n"
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(mib * 2**20 // len(line)):
            handle.write(line)


def _big_ris(path: Path, mib: int) -> None:
    record = ("TY  - JOUR\nAU  - Иванов, Иван Иванович\nAU  - Smith, John\nTI  - {i} Россия и Корея: "
              "history of relations\nT2  - Вопросы истории\nPY  - 2019\nVL  - 5\nSP  - 10\nEP  - 20\n"
              "KW  - Korea\nER  - \n\n")  # fmt: skip
    with path.open("w", encoding="utf-8") as handle:
        written, i = 0, 0
        while written < mib * 2**20:
            chunk = record.replace("{i}", str(i))
            handle.write(chunk)
            written += len(chunk.encode())
            i += 1


def cli_cases(tmp: Path, big_mb: int, max_seconds: float, max_mib: float, only: str | None) -> list[dict]:
    files: dict[str, tuple[Path, list[str], float]] = {}

    def add(name: str, suffix: str, content: str | bytes, extra: list[str], big: bool = False) -> None:
        path = tmp / f"{name}{suffix}"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        files[name] = (path, extra, 5.0 if big else 1.0)

    add("deep-json", ".json", "[" * 1_000_000 + "]" * 1_000_000, [])
    add(
        "deep-json-in-item",
        ".json",
        '[{"id": "a", "type": "book", "x": ' + "[" * 50_000 + "]" * 50_000 + "}]",
        [],
    )
    add("deep-yaml", ".yaml", "- " * 1_000_000 + "x", ["--from", "csl-yaml"])
    add("yaml-bomb", ".yaml", _bomb_yaml(), ["--from", "csl-yaml"])
    add("bibtex-string-bomb", ".bib", _string_bomb(), [])
    add("nul-byte", ".ris", b"TY  - JOUR\nTI  - a\x00b\nER  - \n", [])
    add("binary", ".bib", bytes(range(256)) * 4096, [])
    rows = []
    if big_mb:
        _big_text(tmp / "big-text.txt", big_mb)
        files["big-text"] = (tmp / "big-text.txt", [], 5.0)
        _big_ris(tmp / "big-records.ris", big_mb)
        files["big-ris"] = (tmp / "big-records.ris", [], 5.0)
    for name, (path, extra, scale) in files.items():
        if only and only not in f"cli/{name}":
            continue
        args = [sys.executable, "-m", "refman", "export", str(path), "--to", "csl-json", *extra]
        res = run(args, max_seconds * scale)
        message = res["stderr"].strip().splitlines()[-1][:110] if res["stderr"].strip() else ""
        ok = (
            res["status"] in (0, 1, 2)
            and "internal error" not in res["stderr"]
            and "Traceback" not in res["stderr"]
        )
        note = f"exit {res['status']}: {message}" if ok else f"CRASH exit {res['status']}: {message}"
        if res["mib"] > max_mib * scale:
            ok, note = False, note + "  OVER MEMORY BOUND"
        if res["killed"]:
            ok, note = False, "TIMEOUT"
        rows.append({"case": f"cli/{name} ({path.stat().st_size / 2**20:.1f} MiB)", "seconds": res["seconds"],
                     "mib": res["mib"], "ok": ok, "note": note})  # fmt: skip
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--size", type=int, default=200_000, help="characters per reader case (default 200000)"
    )
    parser.add_argument("--big-mb", type=int, default=100, help="size of the big-file cases; 0 skips them")
    parser.add_argument("--max-seconds", type=float, default=60.0, help="per case (big files: 5x)")
    parser.add_argument("--max-mib", type=float, default=1024.0, help="peak RSS per case (big files: 5x)")
    parser.add_argument(
        "--max-ratio", type=float, default=3.0, help="time(2N)/time(N) above which a case is superlinear"
    )
    parser.add_argument("--only", help="run only the cases whose name contains this")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = reader_cases(args.size, args.max_seconds, args.max_mib, args.max_ratio, args.only)
        rows += cli_cases(Path(tmp), args.big_mb, args.max_seconds, args.max_mib, args.only)
    width = max(len(r["case"]) for r in rows) if rows else 10
    print(f"{'case':<{width}}  {'seconds':>8}  {'peak MiB':>8}  result")
    for row in rows:
        flag = "ok  " if row["ok"] else "FAIL"
        print(f"{row['case']:<{width}}  {row['seconds']:8.2f}  {row['mib']:8.0f}  {flag} {row['note']}")
    failed = [r["case"] for r in rows if not r["ok"]]
    print(f"\n{len(rows)} cases, {len(failed)} failed" + (f": {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
