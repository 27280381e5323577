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

from refman import api
from refman.io import InputText
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


# ---------------------------------------------------------------- invariants


def source_entries(text: str) -> dict[str, set[str]]:
    """Entry key → lower-case field names, as bibtexparser splits the text (types that merely
    begin with "comment" included, as BibTeX and biber read them)."""
    import logging
    import re

    import bibtexparser
    from bibtexparser import model as bp

    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
    text = re.sub(r"(?im)^(\s*@\s*)(comment[a-z]+)(\s*[{(])", r"\1x\2\3", text)
    out: dict[str, set[str]] = {}
    twice: set[str] = set()
    for block in bibtexparser.parse_string(text, parse_stack=[]).blocks:
        entry = getattr(block, "ignore_error_block", block)
        if isinstance(entry, bp.Entry) and entry.entry_type.lower() != "xdata":
            if entry.key in out:
                twice.add(entry.key)
            out[entry.key] = {f.key.lower() for f in entry.fields}
    for key in twice:  # a key given twice: which entry is which cannot be told by key
        out[key] = set()
    return out


#: Field names that mean the same in BibTeX and BibLaTeX (biber's default source map), and the
#: date fields one dialect writes as ``year``/``month``/``day`` and the other as ``date``.
TWINS = {"journal": "journaltitle", "address": "location", "school": "institution", "annote": "annotation",
         "language": "langid", "year": "date", "month": "date", "day": "date", "subtitle": "title"}  # fmt: skip


def string_names(text: str) -> list[str]:
    """Every ``@string`` name defined, in order and with repeats (a redefinition counts)."""
    import re

    return [m.lower() for m in re.findall(r"(?im)^[ \t%]*@\s*string\s*[{(]\s*([^\s=]+)", text)]


def lost_fields(
    before: dict[str, set[str]], after: dict[str, set[str]], renamed: dict[str, str]
) -> list[str]:
    """``key.field`` for every field of ``before`` that ``after`` has under no name."""
    lost = []
    for key, names in before.items():
        now = after.get(renamed.get(key, key))
        if now is None:
            continue  # a lost key is counted on its own
        for name in names:
            twin = TWINS.get(name) or next((a for a, b in TWINS.items() if b == name), None)
            if name not in now and (twin is None or twin not in now):
                lost.append(f"{key}.{name}")
    return lost


def _load(text: str, name: str) -> api.Loaded:
    library, diagnostics, fmt = api.read_input(
        InputText(name=name, text=text, encoding="utf-8", suffix=".bib"), "bibtex"
    )
    loaded = api.Loaded(library, diagnostics, [(name, fmt)])
    api.assign_keys(loaded.library)
    return loaded


def check(path: Path, fix: bool = True) -> dict[str, object]:
    """The invariants for one file: counts, and a list of problems."""
    text = read_bib(path).decode("utf-8", errors="replace")
    before = source_entries(text)
    result: dict[str, object] = {"entries": len(before), "problems": []}
    problems: list[str] = result["problems"]  # type: ignore[assignment]
    try:
        loaded = _load(text, path.name)
    except Exception as exc:  # noqa: BLE001 - an unreadable file is reported, not fatal
        problems.append(f"unreadable: {exc}")
        return result
    dialect = api.input_format(loaded)
    for target in ("bibtex", "biblatex"):
        renamed = dict(api.key_changes(loaded.library, target))
        first = api.export(loaded.library, target)
        second = api.export(_load(first, path.name).library, target)
        if first != second:
            problems.append(f"{target}: not a fixed point")
        after = source_entries(first)
        if string_names(first) != string_names(text):
            problems.append(f"{target}: @string definitions lost")
        lost_keys = [k for k in before if renamed.get(k, k) not in after]
        problems += [f"{target}: key lost: {k}" for k in lost_keys]
        if target == dialect:
            problems += [f"{target}: field lost: {f}" for f in lost_fields(before, after, renamed)]
    if fix:
        fixed_lib = loaded
        changes = api.fix(fixed_lib)
        fixed = api.export(fixed_lib.library, dialect)
        emptied = {c.reference for c in changes if c.code == "RM109"}  # empty fields removed, as reported
        lost = [
            f for f in lost_fields(before, source_entries(fixed), {}) if f.split(".", 1)[0] not in emptied
        ]
        problems += [f"fix: field lost: {f}" for f in lost]
        again = _load(fixed, path.name)
        second_changes = api.fix(again)
        if second_changes or api.export(again.library, dialect) != fixed:
            problems.append(f"fix: not idempotent ({len(second_changes)} more changes)")
        result["fixes"] = len(changes)
    return result
