"""Encoding detection on real text: how often each detector reads a single-byte file right,
refuses it (asks for --encoding), or reads it wrong, by size of the text and code page.

Each UTF-8 input is cut into units: whole files, entries (a .bib entry, or a line of a
.txt list), field values and single words (Cyrillic ones; for a Latin file, its lines with
accented letters). Every unit is encoded in each code page that can hold it (after the
usual substitutions: "–" → "-", "№" → "N", « » → "), and given to
``refman.charsets.detect_encoding`` (this tree), to the detector of ``--baseline`` (a git
revision of refman/io.py, default the one before refman.charsets) and to charset-normalizer
when it is installed. Wrong is the number that matters: a refusal costs the user one
``--encoding``, a wrong reading silently garbles every name.

    python3 benchmarks/bench_encodings.py [FILE ...] [--latin FILE ...] [--baseline REV]

Without files it reads tests/data/encodings/ru-refs.txt and latin-refs.txt.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
import types
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from refman.charsets import detect_encoding  # noqa: E402

DATA = ROOT / "tests" / "data" / "encodings"
CYRILLIC_PAGES = ("cp1251", "koi8-r", "cp866", "mac-cyrillic", "iso-8859-5")
_SUBSTITUTES = str.maketrans({"–": "-", "—": "-", "№": "N", "«": '"', "»": '"', "“": '"', "”": '"',
                              "„": '"', "’": "'", "‘": "'", "…": "...", "\u00a0": " "})  # fmt: skip
_CYRILLIC = re.compile(r"[а-яёА-ЯЁіїєґўІЇЄҐЎ]")
_FIELD = re.compile(r"=\s*[{\"](.+?)[}\"]\s*,?\s*$", re.M)
Detector = Callable[[bytes], "str | None"]


def units(path: Path, latin: bool) -> dict[str, list[str]]:
    text = path.read_text(encoding="utf-8")
    keep = (lambda s: any(ch > "\x7f" and ch.isalpha() for ch in s)) if latin else _CYRILLIC.search
    if path.suffix == ".bib":
        entries = ["@" + chunk.strip() for chunk in re.split(r"\n@", "\n" + text) if chunk.strip()]
        fields = _FIELD.findall(text)
    else:
        entries = [line for line in text.splitlines() if line.strip()]
        fields = [part.strip() for line in entries for part in re.split(r"\. [–-] |: |, ", line)]
    words = sorted({w for w in re.findall(r"[^\W\d_]{2,}", text) if keep(w)})
    out = {"file": [text], "entry": entries, "field": fields, "word": words}
    return {kind: [u for u in found if keep(u)] for kind, found in out.items()}


def baseline(revision: str) -> Detector:
    """detect_encoding of refman/io.py at ``revision``, run from its source."""
    source = subprocess.run(["git", "show", f"{revision}:refman/io.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout  # fmt: skip
    module = types.ModuleType("refman_io_baseline")
    sys.modules[module.__name__] = module  # dataclasses look their module up
    exec(
        compile(source.replace("from .errors", "from refman.errors"), "io_baseline", "exec"), module.__dict__
    )
    return module.detect_encoding


def normalizer() -> Detector | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None

    def detect(data: bytes) -> str | None:
        best = from_bytes(data).best()
        return None if best is None else best.encoding

    return detect


def verdict(detector: Detector, data: bytes, text: str) -> str:
    encoding = detector(data)
    if encoding is None:
        return "refused"
    try:
        return "right" if data.decode(encoding) == text else "wrong"
    except (UnicodeError, LookupError):
        return "wrong"


def cases(
    paths: Iterable[Path], pages: tuple[str, ...], latin: bool
) -> Iterable[tuple[str, str, str, bytes]]:
    for path in paths:
        for kind, found in units(path, latin).items():
            for text in found:
                for page in pages:
                    fitted = text.translate(_SUBSTITUTES)
                    try:
                        data = fitted.encode(page)
                    except UnicodeEncodeError:
                        continue
                    if data.isascii():
                        continue
                    yield kind, page, fitted, data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--latin", nargs="*", type=Path, default=None, help="Western (cp1252) texts")
    parser.add_argument("--baseline", default="2ad7335", help="git revision of the baseline refman/io.py")
    parser.add_argument("--quick", action="store_true", help="leave charset-normalizer out (it is slow)")
    args = parser.parse_args()
    files = args.files or [DATA / "ru-refs.txt"]
    latin = args.latin if args.latin is not None else [DATA / "latin-refs.txt"]
    detectors: dict[str, Detector] = {
        "refman": detect_encoding,
        f"baseline {args.baseline}": baseline(args.baseline),
    }
    other = None if args.quick else normalizer()
    if other is not None:
        detectors["charset-normalizer"] = other
    tally: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    spent: Counter[str] = Counter()
    all_cases = [*cases(files, CYRILLIC_PAGES, False), *cases(latin, ("cp1252",), True)]
    for kind, page, text, data in all_cases:
        for name, detector in detectors.items():
            started = time.perf_counter()
            tally[kind, page, name][verdict(detector, data, text)] += 1
            spent[name] += time.perf_counter() - started
    print(f"{len(all_cases)} cases; right / refused / wrong per detector")
    header = f"{'unit':6} {'code page':13} {'n':>6}  " + "  ".join(f"{name:>24}" for name in detectors)
    print(header)
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    for kind in ("file", "entry", "field", "word"):
        for page in (*CYRILLIC_PAGES, "cp1252"):
            rows = [tally.get((kind, page, name), Counter()) for name in detectors]
            n = sum(rows[0].values())
            if not n:
                continue
            cells = "  ".join(f"{r['right']:>8} {r['refused']:>7} {r['wrong']:>7}" for r in rows)
            print(f"{kind:6} {page:13} {n:>6}  {cells}")
            for name, row in zip(detectors, rows, strict=True):
                totals[name].update(row)
    for name in detectors:
        row = totals[name]
        print(f"{name:>28}: right {row['right']}, refused {row['refused']}, wrong {row['wrong']}; "
              f"{spent[name] * 1000 / max(1, len(all_cases)):.2f} ms a case")  # fmt: skip


if __name__ == "__main__":
    main()
