"""Real .bib files written by others: Debian's texlive-bibtex-extra, unpacked with ``dpkg -x``.

``.ci/run`` downloads and unpacks the package and points ``REFMAN_TEXLIVE_DIR`` at it; a
developer can do the same (README, Development). Where neither that nor a TeX installation
(``kpsewhich``) has the files, the tests that need them skip with the reason, checked before
any tool is called; under ``.ci/run`` (``REFMAN_REQUIRE_CLIENTS=1``) they fail instead.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REQUIRE_CLIENTS

#: The unpacked package's root (it holds ``usr/share/…``).
ENV = "REFMAN_TEXLIVE_DIR"


def _missing(reason: str) -> None:
    if REQUIRE_CLIENTS:
        pytest.fail(f"{reason}; .ci/run provides it ({ENV})")
    pytest.skip(reason)


def texlive_root() -> Path:
    """The unpacked texlive-bibtex-extra, or skip (fail under .ci/run)."""
    root = os.environ.get(ENV)
    if root and Path(root, "usr", "share").is_dir():
        return Path(root)
    _missing(f"texlive-bibtex-extra not unpacked ({ENV} unset or empty)")
    raise AssertionError  # not reached: skip and fail raise


def bib_files(root: Path) -> list[Path]:
    """Every .bib and .bib.gz of the package, in a stable order."""
    return sorted(p for p in root.rglob("*") if p.name.endswith((".bib", ".bib.gz")) and p.is_file())


def read_bib(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()


def biblatex_examples() -> Path:
    """biblatex-examples.bib: from the unpacked package, else from a TeX installation."""
    root = os.environ.get(ENV)
    if root:
        found = sorted(Path(root).rglob("biblatex-examples.bib"))
        if found:
            return found[0]
    kpsewhich = shutil.which("kpsewhich")
    if kpsewhich is not None:
        done = subprocess.run(
            [kpsewhich, "biblatex-examples.bib"], capture_output=True, text=True, check=False
        )
        path = Path(done.stdout.strip()) if done.returncode == 0 and done.stdout.strip() else None
        if path is not None and path.exists():
            return path
    _missing(f"biblatex-examples.bib not found (no {ENV}, no kpsewhich)")
    raise AssertionError
