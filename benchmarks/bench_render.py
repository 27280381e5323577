"""Rendering speed: refman against one plain citeproc-py call and against pandoc --citeproc.

    python3 benchmarks/bench_render.py                  # 1,000 and 10,000 entries, GOST 7.0.100
    python3 benchmarks/bench_render.py 2000 --style gost-2008 --repeat 3

All in one run, on the same generated CSL-JSON file (benchmarks/generate.py) and the same
style file. What each figure measures:
- refman, end to end: ``python -m refman export refs.json --to STYLE`` as a child process:
  interpreter start, imports, reading and checking the CSL-JSON, rendering, the text on stdout;
- pandoc --citeproc, end to end: ``pandoc --citeproc --csl STYLE --bibliography refs.json
  -t plain`` on a document that cites every entry (nocite @*) as a child process: start,
  reading, rendering, the text on stdout (when pandoc is installed);
- refman, in process: ``refman.writers.csl.writer.write`` on an already-read library (rendering only);
- citeproc-py, one call: in process, ONE plain bibliography call (register every item, render
  the list), as a user of citeproc-py would write it, without process start or file reading;
- render only: ``csl.render.render_all`` in one process on the already-read references (no
  reading, sorting or output), with the compiled layout ("fast"), with the same style plus one
  ``text-case`` attribute on the title (one element delegated to citeproc-py), and with the
  renderer "citeproc" (citeproc-py's own element classes for every entry); the three texts
  are compared (the attribute changes none of these titles' first letters).
Both commands run once untimed first (file cache; refman's bytecode cache, as an installed
package has it). With ``--repeat N`` every figure is the fastest of N runs (the least
disturbed by other load).

Identity check: refman must not change one character of what citeproc-py renders. refman
hands citeproc-py prepared items (its own ids, parsed dates, four or more authors as
contributor, GOST initials) and renders each entry with the style variant for the entry's
language, so the check runs plain citeproc-py — one bibliography call per entry language —
on exactly those items (as refman read them from the file) and style variants, and compares
every entry of the command's output; the in-process output must equal it too. (Plain
citeproc-py on the raw items differs by design where refman closes its gaps: English terms for
English entries, four-author headings; the count of such entries is printed too.)
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from generate import csl_items

from refman import api
from refman.model import Reference
from refman.options import WriteOptions
from refman.writers.csl import prepare as csl_prepare
from refman.writers.csl import render as csl_render
from refman.writers.csl import styles as csl_styles
from refman.writers.csl.writer import write


def plain_citeproc(items: list[dict], style: bytes | str, locale: str | None = None) -> list[str]:
    """One plain citeproc-py bibliography call, the way its README shows it."""
    source = style if isinstance(style, str) else io.BytesIO(style)
    csl = CitationStylesStyle(source, locale=locale, validate=False)
    data = CiteProcJSON(items)
    for item in items:  # citeproc-py reads `contributor` as a string; give it names, as refman does
        if "contributor" in item:
            data[item["id"].lower()]["contributor"] = data.parse_names(item["contributor"])
    bibliography = CitationStylesBibliography(csl, data, formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    return [str(entry) for entry in bibliography.bibliography()]


def timed(run: Callable[[], object], repeat: int) -> tuple[float, object]:
    """(fastest wall time of ``repeat`` runs, the last result)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def command(args: list[str], stdin: str = "", env: dict[str, str] | None = None) -> str:
    return subprocess.run(args, input=stdin, capture_output=True, text=True, check=True, env=env).stdout


def installed_env(cache: Path) -> dict[str, str]:
    """The child's environment with bytecode cached, as after `pip install` (which compiles
    it); a checkout run under PYTHONDONTWRITEBYTECODE would compile every module each time."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def identity(references: list[Reference], data: bytes, texts: list[str]) -> tuple[int, int]:
    """(entries compared, mismatches) against plain citeproc-py on refman's prepared items."""
    groups: dict[str, list[tuple[int, dict]]] = {}
    for index, ref in enumerate(references):
        lang = csl_prepare.entry_language(ref, "ru")
        prepared = csl_prepare.prepare(ref, f"r{index}", lang, gost=True)
        groups.setdefault(lang, []).append((index, prepared))
    mismatches = compared = 0
    for lang, members in groups.items():
        plain = plain_citeproc([item for _, item in members], csl_render.variant(data, "ru", lang), lang)
        for (index, _), expected in zip(members, plain, strict=True):
            compared += 1
            if texts[index] != expected:
                mismatches += 1
                if mismatches <= 3:
                    print(f"  MISMATCH {index}:\n    refman: {texts[index]}\n    plain:  {expected}")
    return compared, mismatches


def render_only(library: object, data: bytes, repeat: int) -> list[tuple[str, float, list]]:
    """(label, seconds, texts) of render_all for the fast renderer, the fast renderer with one
    text-case attribute, and the citeproc renderer (see the module doc)."""
    cased = data.replace(
        b'<text variable="title"/>', b'<text variable="title" text-case="capitalize-first"/>', 1
    )
    entries = []
    for ref in library.references:  # type: ignore[attr-defined]
        lang = csl_prepare.entry_language(ref, "ru")
        entries.append((ref, lang if csl_render.has_locale(lang) else "ru"))
    figures = []
    for label, style, renderer in (("fast", data, "fast"), ("fast, one text-case", cased, "fast"),
                                   ("citeproc renderer", data, "citeproc")):  # fmt: skip
        job = csl_render.Job(style, "ru", "text", entries, True, renderer)
        csl_render.render_chunk(job, 0, min(50, len(entries)))  # untimed: parse and compile the styles
        seconds, texts = timed(lambda job=job: csl_render.render_all(job, workers=1), repeat)
        figures.append((label, seconds, texts))
    return figures


def entries(out: str) -> list[str]:
    return [line.split(". ", 1)[1] for line in out.splitlines()]


def run(n: int, style: str, repeat: int) -> bool:
    items = csl_items(n)
    data, _ = csl_styles.style_bytes(style)
    with tempfile.TemporaryDirectory() as tmp:
        style_path, refs_path = Path(tmp, "style.csl"), Path(tmp, "refs.json")
        style_path.write_bytes(data)
        refs_path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        refman_cmd = [sys.executable, "-m", "refman", "export", str(refs_path), "--to", style]
        env = installed_env(Path(tmp, "pycache"))
        command(refman_cmd, env=env)  # untimed: writes the bytecode cache, warms the file cache
        cli_time, cli_out = timed(lambda: command(refman_cmd, env=env), repeat)
        pandoc_time = pandoc_lines = None
        exe = shutil.which("pandoc")
        if exe:
            pandoc_cmd = [exe, "--citeproc", "--csl", str(style_path), "--bibliography", str(refs_path),
                          "-t", "plain", "--wrap=none"]  # fmt: skip
            document = "---\nnocite: '@*'\n---\n"
            command(pandoc_cmd, document)  # untimed, as for refman
            pandoc_time, pandoc_out = timed(lambda: command(pandoc_cmd, document), repeat)
            pandoc_lines = sum(1 for line in pandoc_out.splitlines() if line.strip())
        library = api.load([str(refs_path)]).library
    texts = entries(cli_out)
    write_time, out = timed(lambda: write(library, WriteOptions(style=style)), repeat)
    same_in_process = entries(out) == texts
    plain_time, raw = timed(lambda: plain_citeproc(items, data), repeat)
    differs = sum(1 for a, b in zip(texts, raw, strict=True) if a != b)
    compared, mismatches = identity(library.references, data, texts)
    figures = render_only(library, data, repeat)
    same_renderers = all(f[2] == figures[0][2] for f in figures)

    print(f"{n} entries, style {style}" + (f", fastest of {repeat}" if repeat > 1 else ""))
    print(f"  refman export (end to end)   {cli_time:7.2f} s  ({cli_time / n * 1000:.2f} ms/entry)")
    if pandoc_time is not None:
        print(f"  pandoc --citeproc (end to end) {pandoc_time:5.2f} s  ({pandoc_lines} lines)"
              f"  → refman {pandoc_time / cli_time:.2f}× faster")  # fmt: skip
    else:
        print("  pandoc --citeproc             not installed")
    print(f"  refman write() in process    {write_time:7.2f} s")
    print(f"  citeproc-py, one call        {plain_time:7.2f} s  (in process)"
          f"  → refman end to end {plain_time / cli_time:.1f}× faster, in process {plain_time / write_time:.1f}×")  # fmt: skip
    print(f"  identical to plain citeproc-py on the same prepared items and style: {compared - mismatches}/{compared}"
          f"; in-process output equals the command's: {same_in_process}")  # fmt: skip
    print(f"  entries where plain citeproc-py on the raw items shows its gaps (terms, 4+ authors): {differs}")
    for label, seconds, _ in figures:
        print(f"  render only, {label:20} {seconds:6.2f} s  (one process)")
    print(f"  render only: the three give the same text: {same_renderers}")
    return mismatches == 0 and same_in_process and compared == n and same_renderers


def main() -> int:
    args = sys.argv[1:]
    style = args[args.index("--style") + 1] if "--style" in args else "gost"
    repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 1
    values = {i + 1 for i, a in enumerate(args) if a in ("--style", "--repeat")}
    sizes = [int(a) for i, a in enumerate(args) if a.isdigit() and i not in values] or [1000, 10000]
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.2f}")
    ok = all([run(n, style, repeat) for n in sizes])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
