"""Rendering speed: refman against one plain citeproc-py call and against pandoc --citeproc.

    python3 benchmarks/bench_render.py                  # 1,000 and 10,000 entries, GOST 7.0.100
    python3 benchmarks/bench_render.py 2000 --style gost-2008

All in one run, on the same generated CSL-JSON (benchmarks/generate.py) and the same style:
- refman: ``refman.writers.csl.write`` (text), as `refman export --to gost` runs it;
- citeproc-py: ONE plain bibliography call (register every item, render the list), as a
  user of citeproc-py would write it;
- pandoc --citeproc with the same style file and data (when pandoc is installed).

Identity check: refman must not change one character of what citeproc-py renders. refman
hands citeproc-py prepared items (its own ids, parsed dates, four or more authors as
contributor, GOST initials) and renders each entry with the style variant for the entry's
language, so the check runs plain citeproc-py — one bibliography call per entry language —
on exactly those items and style variants, and compares every entry. (Plain citeproc-py on
the raw items differs by design where refman closes its gaps: English terms for English
entries, four-author headings; the count of such entries is printed too.)
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from generate import csl_items

from refman.model import Library, Reference
from refman.options import WriteOptions
from refman.writers import csl_prepare, csl_render, csl_styles
from refman.writers.csl import write


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


def pandoc(items: list[dict], style_path: str) -> tuple[float, int] | None:
    exe = shutil.which("pandoc")
    if exe is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        refs = Path(tmp, "refs.json")
        refs.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        doc = "---\nnocite: '@*'\n---\n"
        start = time.perf_counter()
        done = subprocess.run(
            [exe, "--citeproc", "--csl", style_path, "--bibliography", str(refs), "-t", "plain", "--wrap=none"],
            input=doc, capture_output=True, text=True, check=True,
        )  # fmt: skip
        elapsed = time.perf_counter() - start
    return elapsed, sum(1 for line in done.stdout.splitlines() if line.strip())


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


def run(n: int, style: str) -> bool:
    items = csl_items(n)
    data, _ = csl_styles.style_bytes(style)
    with tempfile.NamedTemporaryFile("wb", suffix=".csl", delete=False) as handle:
        handle.write(data)
        style_path = handle.name
    references = [Reference.model_validate(item) for item in items]
    library = Library(references=references)

    start = time.perf_counter()
    out = write(library, WriteOptions(style=style))
    refman_time = time.perf_counter() - start
    texts = [line.split(". ", 1)[1] for line in out.splitlines()]

    start = time.perf_counter()
    raw = plain_citeproc(items, style_path)
    plain_time = time.perf_counter() - start
    differs = sum(1 for a, b in zip(texts, raw, strict=True) if a != b)

    compared, mismatches = identity(references, data, texts)
    pandoc_result = pandoc(items, style_path)
    os.unlink(style_path)

    print(f"{n} entries, style {style}")
    print(f"  refman                  {refman_time:8.2f} s  ({refman_time / n * 1000:.2f} ms/entry)")
    print(f"  citeproc-py, one call   {plain_time:8.2f} s  ({plain_time / n * 1000:.2f} ms/entry)"
          f"  → refman {plain_time / refman_time:.1f}× faster")  # fmt: skip
    if pandoc_result:
        pandoc_time, lines = pandoc_result
        print(
            f"  pandoc --citeproc       {pandoc_time:8.2f} s  ({lines} lines)  → refman {pandoc_time / refman_time:.1f}× faster"
        )
    else:
        print("  pandoc --citeproc       not installed")
    print(
        f"  identical to plain citeproc-py on the same prepared items and style: {compared - mismatches}/{compared}"
    )
    print(f"  entries where plain citeproc-py on the raw items shows its gaps (terms, 4+ authors): {differs}")
    return mismatches == 0


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    style = sys.argv[sys.argv.index("--style") + 1] if "--style" in sys.argv else "gost"
    sizes = [int(a) for a in args if a.isdigit()] or [1000, 10000]
    print(f"cores: {os.cpu_count()}")
    ok = all([run(n, style) for n in sizes])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
