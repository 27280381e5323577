"""Imports follow the data (ARCHITECTURE.md): a test that reads the imports keeps it so."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "refman"


def _imports(path: Path) -> set[str]:
    """The refman modules a file imports, as dotted names relative to the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    rel = path.relative_to(PKG).with_suffix("").parts
    here = list(rel[:-1])
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level + 1]
                mod = ".".join([*base, *(node.module.split(".") if node.module else [])])
                for alias in node.names:
                    out.add(f"{mod}.{alias.name}" if mod else alias.name)
                    out.add(mod)
            elif node.module and node.module.startswith("refman"):
                out.add(node.module.removeprefix("refman").lstrip("."))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("refman"):
                    out.add(alias.name.removeprefix("refman").lstrip("."))
    return {m for m in out if m}


def _layer(module: str) -> str:
    return module.split(".")[0]


FORBIDDEN = {
    "model": {"readers", "writers", "core", "cli", "api", "formats", "io", "console", "diagnostics", "parse"},
    "parse": {"readers", "writers", "core", "cli", "api", "formats", "io", "console"},
    # the learned reference parser: text in, a Reference out; the readers decide when to use it
    "parsing": {"readers", "writers", "core", "cli", "api", "formats", "io", "console"},
    "readers": {"writers", "core", "cli", "api", "formats", "console"},
    "writers": {"readers", "core", "cli", "api", "formats", "console"},
    "core": {"readers", "writers", "cli", "api", "formats", "io", "console"},
    # pure text work (citations in manuscripts), reused by later features: no files, no models
    "manuscripts": {"readers", "writers", "core", "cli", "api", "formats", "io", "console", "model", "parse"},
    "formats": {"cli", "api", "core"},
    "api": {"cli", "console"},
    "cli": {"readers", "writers", "core", "parse", "parsing", "formats", "manuscripts"},
}


def test_layers_import_only_downstream():
    bad = []
    for path in PKG.rglob("*.py"):
        layer = _layer(".".join(path.relative_to(PKG).with_suffix("").parts))
        for module in _imports(path):
            if _layer(module) in FORBIDDEN.get(layer, set()):
                bad.append(f"{path.relative_to(PKG)} imports {module}")
    assert not bad, "\n".join(sorted(bad))


def test_nothing_imports_cli():
    bad = [
        str(path.relative_to(PKG))
        for path in PKG.rglob("*.py")
        if path.relative_to(PKG).parts[0] not in ("cli", "__main__.py")
        and any(_layer(m) == "cli" for m in _imports(path))
    ]
    assert not bad


def test_modules_stay_small():
    """About 400 lines at most per module (one owner each)."""
    big = [
        f"{p.relative_to(PKG)}: {n}"
        for p in PKG.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450
    ]
    assert not big, big
