"""biber's warnings on real .bib files before and after ``refman validate --fix``.

``--fix`` must never make a file worse for biber: for every file, biber (``--tool``, which reads
and checks the data without a document) may report no more warnings on the fixed file than on
the input. Needs biber; takes a few minutes over texlive-bibtex-extra.

    apt-get download texlive-bibtex-extra && dpkg -x texlive-bibtex-extra_*.deb /tmp/tl
    python3 benchmarks/biber_warnings.py /tmp/tl
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.corpus import bib_files, read_bib


def warnings(biber: str, path: Path) -> int:
    done = subprocess.run([biber, "--tool", "--output-file", str(path) + ".out", str(path)],
                          capture_output=True, text=True, cwd=path.parent, timeout=300, check=False)  # fmt: skip
    return sum(1 for line in (done.stdout + done.stderr).splitlines() if line.startswith(("WARN", "ERROR")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path)
    args = parser.parse_args()
    biber = shutil.which("biber")
    if biber is None:
        sys.exit("biber is not installed")
    before_total = after_total = worse = 0
    with tempfile.TemporaryDirectory() as tmp:
        for source in bib_files(args.root):
            given = Path(tmp, "in.bib")
            given.write_bytes(read_bib(source))
            fixed = Path(tmp, "fixed.bib")
            done = subprocess.run([sys.executable, "-m", "refman", "validate", str(given), "--fix", "-o", str(fixed)],
                                  capture_output=True, text=True, check=False)  # fmt: skip
            if not fixed.exists():
                print(f"{source.name}: --fix wrote nothing ({done.stderr.strip().splitlines()[-1:]})")
                continue
            before, after = warnings(biber, given), warnings(biber, fixed)
            before_total += before
            after_total += after
            if after > before:
                worse += 1
                print(f"{source.name}: {before} → {after} biber warnings")
            fixed.unlink()
    print(f"biber warnings and errors: {before_total} before --fix, {after_total} after; {worse} files worse")


if __name__ == "__main__":
    main()
