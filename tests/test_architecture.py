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
    "model": {"readers", "writers", "core", "cli", "api", "formats", "io", "console", "diagnostics", "parse",
              "report"},
    "parse": {"readers", "writers", "core", "cli", "api", "formats", "io", "console", "report"},
    # the learned reference parser: text in, a Reference out; the readers decide when to use it
    "parsing": {"readers", "writers", "core", "cli", "api", "formats", "io", "console", "report"},
    "readers": {"writers", "core", "cli", "api", "formats", "console", "report"},
    "writers": {"readers", "core", "cli", "api", "formats", "console", "report"},
    "core": {"readers", "writers", "cli", "api", "formats", "io", "console", "report"},
    # pure text work (citations in manuscripts), reused by later features: no files, no models
    "manuscripts": {"readers", "writers", "core", "cli", "api", "formats", "io", "console", "model", "parse",
                    "report"},
    "formats": {"cli", "api", "core", "report"},
    "api": {"cli", "console", "report"},
    # reading inputs into one library: the first half of the facade, which re-exports it
    "loading": {"cli", "console", "report", "api", "writers"},
    # every report people or programs read: models and diagnostics in, text out, tables drawn
    # by console; the commands (cli) are its only users
    "report": {"readers", "writers", "core", "cli", "api", "formats", "io", "parse", "manuscripts"},
    "cli": {"readers", "writers", "core", "parse", "parsing", "formats", "manuscripts"},
    # the library: records in and out of a database; it uses the dedupe engine's keys, never
    # a reader, a writer or the terminal
    "store": {"readers", "writers", "cli", "api", "formats", "console", "report", "citing"},
    # a manuscript's bibliography: the api's client, as the CLI is, without the terminal
    "citing": {"readers", "core", "cli", "console", "report"},
}  # fmt: skip


def test_layers_import_only_downstream():
    bad = []
    for path in PKG.rglob("*.py"):
        layer = _layer(".".join(path.relative_to(PKG).with_suffix("").parts))
        for module in _imports(path):
            if _layer(module) in FORBIDDEN.get(layer, set()):
                bad.append(f"{path.relative_to(PKG)} imports {module}")
    assert not bad, "\n".join(sorted(bad))


def test_only_console_imports_rich():
    """Rich draws tables and progress bars for console.py alone; reports say what a table holds."""
    bad = []
    for path in PKG.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            names += [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            if any(n == "rich" or n.startswith("rich.") for n in names) and path.name != "console.py":
                bad.append(str(path.relative_to(PKG)))
    assert not bad, bad


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


def _module_name(path: Path) -> str:
    parts = path.relative_to(PKG).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    """Module → the refman modules it imports, lazy imports included (a cycle through a
    function-level import is still a cycle a reader has to hold in their head)."""
    paths = {_module_name(p): p for p in PKG.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        found = set()
        for module in _imports(path):
            while module and module not in paths:  # "writers.csl.render.write" → the module
                module = module.rpartition(".")[0]
            if module and module != name:
                found.add(module)
        # "from .. import latex" names the package only on the way to its module latex
        graph[name] = {m for m in found if not any(other.startswith(m + ".") for other in found)}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (iterative Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles():
    assert _cycles(_graph()) == []


def test_no_file_name_prefix_stands_in_for_a_package():
    """Three or more sibling modules named ``x_…`` (or ``x`` and ``x_…``) are a feature that
    wants its own package, as writers/csl/, core/dedupe/ and readers/reflist/ are."""
    groups: dict[tuple[Path, str], list[str]] = {}
    for path in PKG.rglob("*.py"):
        if path.name != "__init__.py":
            groups.setdefault((path.parent, path.stem.split("_")[0]), []).append(path.stem)
    crowded = {f"{d.relative_to(PKG)}/{p}_*": sorted(m) for (d, p), m in groups.items() if len(m) >= 3}
    assert not crowded


#: Packages inside a layer and what they must not import: the fast renderer's compiler knows
#: nothing of the bibliography around it, and dedupe knows nothing of the rules that use it.
INNER_FORBIDDEN = {
    "writers.csl.compile": (
        "writers.csl.writer", "writers.csl.render", "writers.csl.prepare",
        "writers.csl.markdown", "writers.csl.collate", "writers.csl.latex", "writers.csl.docx",
        "writers.csl.runs",
    ),
    "core.dedupe": ("core.rules", "core.validate", "core.fixes"),
    "readers.reflist": ("readers.bibtex", "readers.csljson", "readers.cslyaml", "readers.ris"),
}  # fmt: skip


def test_packages_keep_their_boundaries():
    bad = [
        f"{module} imports {target}"
        for module, targets in _graph().items()
        for package, forbidden in INNER_FORBIDDEN.items()
        if module == package or module.startswith(package + ".")
        for target in targets
        if target.startswith(forbidden)
    ]
    assert not bad, bad
