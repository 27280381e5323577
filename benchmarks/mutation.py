"""Mutation testing of the modules where a silent bug costs users most: how much of their
behaviour the tests pin down, as the share of small deliberate bugs ("mutants") they catch.

    python3 benchmarks/mutation.py                  # every group, kill rates per module
    python3 benchmarks/mutation.py dates identifiers --survivors
    python3 benchmarks/mutation.py --list           # the groups, their modules and tests

Each mutant changes one thing: an operator (+ -, * /, % /, | &), a comparison (< <=, > >=,
== !=, in / not in, is / is not), and/or, a removed `not` or minus sign, a number (n → n+1,
x → x+0.1), True/False, break/continue, or a returned value (→ None). String constants are
not mutated: they are messages and evidence texts (the exclusion the issue allows), and so
are docstrings, f-strings, annotations, decorators and lines marked `pragma: no mutate`.
Equivalent mutants (no test could tell them from the code) are listed in ``EQUIVALENT`` with
the reason for each, shown in their own column and left out of the rate.

    python3 benchmarks/mutation.py bibtex --survivors > before.txt   # then add tests, and:
    python3 benchmarks/mutation.py bibtex --survivors --recheck before.txt

How it runs, fast enough for minutes rather than hours: the modules and the chosen tests are
imported once; each mutant runs in a forked child that swaps the mutated function's code
object in place (or re-executes one module-level statement), re-runs the module-level
assignments that use what the mutant changed (tables built at import), and runs the group's tests
with ``-x``. A test failure, an error or a timeout kills the mutant; a green run means it
survived. Not part of the suite or CI: it takes minutes (``--jobs`` children at a time).
"""

from __future__ import annotations

import argparse
import ast
import gc
import importlib
import os
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import CodeType, FunctionType, ModuleType

ROOT = Path(__file__).resolve().parent.parent

#: group → (modules mutated, tests that judge them)
GROUPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "dedupe": (
        ("refman/core/dedupe/score.py", "refman/core/dedupe/similar.py", "refman/core/dedupe/ids.py",
         "refman/core/dedupe/merge.py"),
        ("tests/test_dedupe_decisions.py", "tests/test_dedupe_merge.py", "tests/test_dedupe_similar.py",
         "tests/test_dedupe_match.py",
         "tests/test_dedupe_containers.py",
         "tests/test_dedupe_links.py"),
    ),
    "dates": (
        ("refman/parse/dates.py", "refman/core/rules/dates.py"),
        ("tests/test_check_digits_calendar.py", "tests/test_dates.py", "tests/test_date_edges.py",
         "tests/test_rules.py"),
    ),
    "identifiers": (
        ("refman/core/rules/identifiers.py",),
        ("tests/test_check_digits_calendar.py", "tests/test_rules.py"),
    ),
    "names": (
        ("refman/parse/names.py", "refman/parse/bibnames.py"),
        ("tests/test_names_rules.py", "tests/test_bibnames_rules.py", "tests/test_names.py",
         "tests/test_bibtex_reader.py",
         "tests/test_reader_reflist.py"),
    ),
    "latex": (
        ("refman/parse/latex.py",),
        ("tests/test_latex_rules.py", "tests/test_bibtex_reader.py", "tests/test_bibtex_writer.py",
         "tests/test_encodings.py"),
    ),
    "bibtex": (
        ("refman/readers/bibtex_entry.py", "refman/writers/bibtex/fields.py",
         "refman/parse/bibtex_map/table.py", "refman/parse/bibtex_map/convert.py",
         "refman/parse/bibtex_map/dates.py", "refman/parse/bibtex_map/types.py",
         "refman/parse/bibtex_map/own.py"),
        ("tests/test_bibtex_mapping.py", "tests/test_bibtex_map.py", "tests/test_bibtex_reader.py",
         "tests/test_bibtex_writer.py", "tests/test_lossless.py"),
    ),
    "ris": (
        ("refman/readers/ris.py", "refman/parse/ris/tags.py", "refman/parse/ris/table.py",
         "refman/parse/ris/record.py", "refman/parse/ris/note.py", "refman/writers/ris.py"),
        ("tests/test_ris.py", "tests/test_ris_rules.py", "tests/test_ris_write_rules.py",
         "tests/test_ris_roundtrip.py", "tests/test_ris_safety.py", "tests/test_ris_table.py"),
    ),
}  # fmt: skip

_SWAP = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Div,
         ast.Mod: ast.Div, ast.Pow: ast.Mult, ast.BitOr: ast.BitAnd, ast.BitAnd: ast.BitOr,
         ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
         ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
         ast.And: ast.Or, ast.Or: ast.And}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Mutant:
    path: str
    index: int  # position of the mutated node in ast.walk order
    line: int
    what: str
    text: str = ""  # the line as written, the mutated node in ⟦⟧: what EQUIVALENT names


#: Equivalent mutants: (module, the line as written with the mutated node in ⟦⟧, the mutation)
#: → why no test can tell the mutant from the code. They are left out of the counts and listed under their own column;
#: an entry that no longer matches a mutant is reported, so the list cannot go stale unseen.
EQUIVALENT: dict[tuple[str, str, str], str] = {
    ("refman/parse/dates.py", "⟦return False⟧", "return None"):
        "_valid is only ever tested for truth; None is as false as False",
    ("refman/parse/dates.py", "return all(⟦m.end() <= a⟧ or m.start() >= b for a, b in taken)", "LtE → Lt"):
        "two dates never touch: every pattern ends in a digit that no digit may follow, and "
        "starts with a digit or a month name that may not follow a digit or a letter",
    ("refman/parse/dates.py", "return all(m.end() <= a or ⟦m.start() >= b⟧ for a, b in taken)", "GtE → Gt"):
        "two dates never touch (see LtE → Lt on the same line)",
    ("refman/parse/dates.py", '_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=⟦True⟧))', "True → False"):
        "the regex backtracks to the longer month name, and a shorter name cannot match where a "
        "longer one does, since a month name is followed by a dot, comma or space",
    ("refman/parse/dates.py", "if ⟦mdy and dmy⟧:", "And → Or"):
        "reached only when both lists are empty or neither is, where and and or agree",
    ("refman/core/rules/dates.py", "⟦return False⟧", "return None"):
        "_valid is only ever tested for truth; None is as false as False",
    ("refman/core/rules/dates.py", "date(parts[0] if parts[0] > ⟦0⟧ else 1, parts[1], parts[2])", "0 → 1"):
        "year 1 is checked as year 1 by either branch",
    ("refman/core/rules/dates.py", "date(parts[0] if parts[0] > 0 else ⟦1⟧, parts[1], parts[2])", "1 → 2"):
        "years 1 and 2 are both common years: the same months, the same February",
    ("refman/core/rules/dates.py", 'return ", ".join(list(shown.values())[:⟦3⟧])', "3 → 4"):
        "one example per pattern, and neither side of ORDER has more than three patterns",
    ("refman/core/rules/dates.py", "⟦return source⟧", "return None"):
        "unreachable: the source always comes from one of the record's own dates",
    ("refman/readers/ris.py", "if ⟦len(tags) >= 5⟧:", "GtE → Gt"):
        "the score depends on the first tag and on whether there are 2 or 3 tags: 5 or 6 give the same",
    ("refman/readers/ris.py", "if len(tags) >= ⟦5⟧:", "5 → 6"):
        "the score depends on the first tag and on whether there are 2 or 3 tags: 5 or 6 give the same",
    ("refman/parse/ris/tags.py", "if text.isdecimal() and ⟦len(text) <= 4⟧:", "LtE → Lt"):
        "a four-digit value never gets here: the ISO pattern before it reads every four decimal digits",
    ("refman/parse/ris/record.py", "for (index, tag, value), fate in zip(found, fates, strict=⟦True⟧):",
     "True → False"):
        "pick_issued gives one fate per value: the lengths always match",
    ("refman/parse/ris/record.py", "if ⟦value is None or isinstance(value, DateValue)⟧:", "Or → And"):
        "DateValue.model_validate gives back a DateValue as it is, and None fails it: None either way",
    ("refman/parse/ris/note.py",
     "expected = str(value) if isinstance(value, int) and ⟦not isinstance(value, bool)⟧ else value",
     "drop Not"):
        "for an int the plain line and the JSON line are the same text, str(value)",
    ("refman/parse/ris/note.py",
     "if ⟦var in DATE_VARIABLES and isinstance(read, dict) and isinstance(stated, dict)⟧:", "And → Or"):
        "block values are validated: a date's read and stated values are dicts, no other variable's value is one",
    ("refman/parse/ris/note.py", "if ⟦isinstance(value, dict) and var in NAME_VARIABLES⟧:", "And → Or"):
        "_encode writes a plain text only if csl_value reads it back as the value; a date's or custom's "
        "text never reads back as a {literal} or {family, given} dict, so JSON is written either way",
    ("refman/parse/ris/note.py", "if ⟦not isinstance(date_parts, list) or not 1 <= len(date_parts) <= 2⟧:",
     "Or → And"):
        "what the looser check lets through gives a text that reads back as raw, not as the value: JSON either way",
    ("refman/parse/ris/note.py", "if not isinstance(date_parts, list) or not 1 <= len(date_parts) <= ⟦2⟧:",
     "2 → 3"):
        "three ranges give \"2020/2021/2022\", which reads back as raw, not as the value: JSON either way",
    ("refman/parse/ris/note.py", "if not isinstance(parts, list) or not 1 <= len(parts) <= ⟦3⟧:", "3 → 4"):
        "four parts give \"2020-01-02-03\", which reads back as raw, not as the value: JSON either way",
    ("refman/writers/ris.py", "⟦return False⟧", "return None"):
        "_says is only ever tested for truth; None is as false as False",
}  # fmt: skip


def _skipped(tree: ast.Module, source: str) -> set[int]:
    """ids of nodes never mutated: docstrings, f-strings, annotations, decorators, imports."""
    skip: set[int] = set()
    quiet = {i + 1 for i, text in enumerate(source.splitlines()) if "pragma: no mutate" in text}

    def drop(node: ast.AST | None) -> None:
        if node is not None:
            skip.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)
        ):
            drop(first)
        if isinstance(node, (ast.JoinedStr, ast.Import, ast.ImportFrom)):
            drop(node)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            drop(node.returns)
            for default in (*node.args.defaults, *node.args.kw_defaults):
                drop(default)  # evaluated once, at definition: a code swap would not reach them
            for d in node.decorator_list:
                drop(d)
            for a in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs,
                      node.args.vararg, node.args.kwarg):  # fmt: skip
                if a is not None:
                    drop(a.annotation)
        elif isinstance(node, ast.ClassDef):
            for d in node.decorator_list:
                drop(d)
            for stmt in node.body:  # class attributes: fields and defaults, not behaviour
                if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    drop(stmt)
        elif isinstance(node, ast.AnnAssign):
            drop(node.annotation)
        if getattr(node, "lineno", None) in quiet:
            skip.add(id(node))
    return skip


def _variants(node: ast.AST) -> list[str]:
    """The mutations of one node, described (their order is their number)."""
    if isinstance(node, (ast.BinOp, ast.AugAssign, ast.BoolOp)) and type(node.op) in _SWAP:
        return [f"{type(node.op).__name__} → {_SWAP[type(node.op)].__name__}"]
    if isinstance(node, ast.Compare):
        return [f"{type(op).__name__} → {_SWAP[type(op)].__name__}" for op in node.ops if type(op) in _SWAP]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
        return [f"drop {type(node.op).__name__}"]
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool):
            return [f"{node.value} → {not node.value}"]
        if isinstance(node.value, int):
            return [f"{node.value} → {node.value + 1}"]
        if isinstance(node.value, float):
            return [f"{node.value} → {round(node.value + 0.1, 10)}"]
    returned = node.value if isinstance(node, ast.Return) else None
    if returned is not None and not (isinstance(returned, ast.Constant) and returned.value is None):
        return ["return None"]
    if isinstance(node, (ast.Break, ast.Continue)):
        return ["break ↔ continue"]
    return []


def _parents(tree: ast.AST) -> dict[int, tuple[ast.AST, str, int | None]]:
    out: dict[int, tuple[ast.AST, str, int | None]] = {}
    for parent in ast.walk(tree):
        for name, value in ast.iter_fields(parent):
            if isinstance(value, list):
                for i, child in enumerate(value):
                    if isinstance(child, ast.AST):
                        out[id(child)] = (parent, name, i)
            elif isinstance(value, ast.AST):
                out[id(value)] = (parent, name, None)
    return out


def _marked(line: str, node: ast.AST) -> str:
    """``line`` with ``node`` in ⟦⟧ (to the line's end if the node goes on), stripped."""
    start = node.col_offset  # type: ignore[attr-defined]
    end = node.end_col_offset if node.end_lineno == node.lineno else len(line)  # type: ignore[attr-defined]
    return f"{line[:start]}⟦{line[start:end]}⟧{line[end:]}".strip()


def mutants(path: str) -> list[Mutant]:
    source = (ROOT / path).read_text(encoding="utf-8")
    tree = ast.parse(source)
    skip = _skipped(tree, source)
    lines = source.splitlines()
    found = []
    for index, node in enumerate(ast.walk(tree)):
        if id(node) not in skip:
            line = getattr(node, "lineno", 0)
            text = _marked(lines[line - 1], node) if line else ""
            for k, what in enumerate(_variants(node)):
                found.append(Mutant(path, index * 8 + k, line, what, text))
    return found


def _replace(parents: dict, node: ast.AST, new: ast.AST) -> None:
    parent, name, i = parents[id(node)]
    if i is None:
        setattr(parent, name, new)
    else:
        getattr(parent, name)[i] = new


def mutate(tree: ast.Module, mutant: Mutant) -> ast.AST:
    """Apply ``mutant`` to ``tree`` in place; the mutated node (or its replacement)."""
    index, k = divmod(mutant.index, 8)
    node = next(n for i, n in enumerate(ast.walk(tree)) if i == index)
    parents = _parents(tree)
    if isinstance(node, (ast.BinOp, ast.AugAssign, ast.BoolOp)):
        node.op = _SWAP[type(node.op)]()
    elif isinstance(node, ast.Compare):
        positions = [i for i, op in enumerate(node.ops) if type(op) in _SWAP]
        node.ops[positions[k]] = _SWAP[type(node.ops[positions[k]])]()
    elif isinstance(node, ast.UnaryOp):
        _replace(parents, node, node.operand)
        node = node.operand
    elif isinstance(node, ast.Constant):
        value = node.value
        node.value = (
            (not value) if isinstance(value, bool) else value + (1 if isinstance(value, int) else 0.1)
        )
    elif isinstance(node, ast.Return):
        node.value = ast.copy_location(ast.Constant(None), node.value)
    elif isinstance(node, ast.Break):
        _replace(parents, node, ast.copy_location(ast.Continue(), node))
    elif isinstance(node, ast.Continue):
        _replace(parents, node, ast.copy_location(ast.Break(), node))
    return node


def _codes(code: CodeType):
    yield code
    for const in code.co_consts:
        if isinstance(const, CodeType):
            yield from _codes(const)


def _functions(module: ModuleType, path: Path) -> dict[tuple[str, int], FunctionType]:
    """The module's own functions and methods by (name, first line), decorators unwrapped."""
    out: dict[tuple[str, int], FunctionType] = {}

    def add(obj: object) -> None:
        for attr in ("__func__", "fget"):
            obj = getattr(obj, attr, obj)
        while hasattr(obj, "__wrapped__"):
            obj = obj.__wrapped__
        if isinstance(obj, FunctionType) and obj.__code__.co_filename == str(path):
            out[obj.__code__.co_name, obj.__code__.co_firstlineno] = obj

    for value in list(vars(module).values()):
        add(value)
        if isinstance(value, type) and value.__module__ == module.__name__:
            for member in vars(value).values():
                add(member)
    return out


def apply(mutant: Mutant) -> None:
    """Install ``mutant`` in the running process (a forked child)."""
    path = ROOT / mutant.path
    module = importlib.import_module(mutant.path.removesuffix(".py").replace("/", "."))
    tree = ast.parse(path.read_text(encoding="utf-8"))
    node = mutate(tree, mutant)
    parents = _parents(tree)
    outer, top = node, None
    while id(outer) in parents:
        parent = parents[id(outer)][0]
        if isinstance(outer, (ast.FunctionDef, ast.AsyncFunctionDef)):
            top = outer  # the outermost def: its code holds any nested one
        if isinstance(parent, ast.Module):
            break
        outer = parent
    if top is None:  # a module-level statement: run it again, mutated, in the module
        _rebind(module, compile(ast.Module([outer], []), str(path), "exec"))
        _rerun_dependents(module, path, tree, outer, _assigned(outer))
        return
    first = top.decorator_list[0].lineno if top.decorator_list else top.lineno
    code = compile(tree, str(path), "exec")
    new = next(c for c in _codes(code) if (c.co_name, c.co_firstlineno) == (top.name, first))
    _functions(module, path)[top.name, first].__code__ = new
    _rerun_dependents(module, path, tree, top, {top.name})


def _names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _assigned(node: ast.AST) -> set[str]:
    targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
    return {n.id for t in targets if t is not None for n in ast.walk(t) if isinstance(n, ast.Name)}


def _rerun_dependents(
    module: ModuleType, path: Path, tree: ast.Module, changed_at: ast.AST, changed: set[str]
) -> None:
    """Tables built at import (``TABLE = [_row(…) …]``, ``TEXT_FIELDS`` from ``TABLE``) would
    keep the values the unmutated code gave: re-run, in order, each module-level assignment
    after the mutated statement that uses, directly or through a function of the module, a
    name the mutant changed, so the mutant reaches what the module computed from it. Only
    those statements run again: objects nothing mutated keep their identity."""
    defs = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    grown = True
    while grown:  # functions that call a changed function are changed too
        reached = {name for name, node in defs.items() if name not in changed and _names(node) & changed}
        grown = bool(reached)
        changed |= reached
    after = False
    for statement in tree.body:
        if statement is changed_at:
            after = True
            continue
        if not after or not isinstance(statement, (ast.Assign, ast.AnnAssign)) or statement.value is None:
            continue
        if _names(statement.value) & changed:
            _rebind(module, compile(ast.Module([statement], []), str(path), "exec"))
            changed |= _assigned(statement)


def _rebind(module: ModuleType, code: CodeType) -> None:
    """Run one module-level statement and rebind what it assigns, in the module and wherever
    another module imported it under the same name (``from .m import NAME``)."""
    space = dict(vars(module))
    exec(code, space)
    for name, value in space.items():
        old = vars(module).get(name, value)
        if old is value:
            continue
        for other in list(sys.modules.values()):
            if getattr(other, name, None) is old:
                setattr(other, name, value)


def _clear_caches() -> None:
    for obj in gc.get_objects():
        if callable(getattr(obj, "cache_clear", None)) and type(obj).__name__ == "_lru_cache_wrapper":
            obj.cache_clear()


def _child(mutant: Mutant | None, tests: tuple[str, ...]) -> int:
    import pytest

    try:
        if mutant is not None:
            apply(mutant)
    except (StopIteration, KeyError):
        return 77  # could not be installed: left out of the counts
    except Exception:  # noqa: BLE001 - the mutant breaks the module itself: caught
        return 1
    _clear_caches()
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    return int(pytest.main([*tests, "-x", "-q", "-p", "no:cacheprovider", "--no-header", "-o", "addopts="]))


def run_group(
    name: str, jobs: int, timeout: float, limit: int | None, only: set[tuple[str, str, str]] | None = None
) -> dict[str, list[tuple[Mutant, str]]]:
    """{module: [(mutant, outcome)]}, outcome one of killed, survived, timeout, skipped,
    equivalent (listed in EQUIVALENT: not run)."""
    modules, tests = GROUPS[name]
    tests = tuple(t for t in tests if (ROOT / t).exists())
    for path in modules:
        importlib.import_module(path.removesuffix(".py").replace("/", "."))
    for test in tests:  # imported once here: every child starts with them loaded
        importlib.import_module(test.removesuffix(".py").replace("/", "."))
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os._exit(_child(None, tests))
    if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != 0:
        raise SystemExit(f"mutation: the {name} tests fail without a mutant; fix them first")
    timeout = max(timeout, 5 * (time.monotonic() - started))
    todo = [m for path in modules for m in mutants(path)][:limit]
    if only is not None:  # a recheck: the survivors of an earlier run, the rest counted as before
        todo = [m for m in todo if (m.path, m.what, m.text) in only]
    results: dict[str, list[tuple[Mutant, str]]] = {path: [] for path in modules}
    for mutant in [m for m in todo if (m.path, m.text, m.what) in EQUIVALENT]:
        todo.remove(mutant)
        results[mutant.path].append((mutant, "equivalent"))
    running: dict[int, tuple[Mutant, float]] = {}
    while todo or running:
        while todo and len(running) < jobs:
            mutant = todo.pop(0)
            pid = os.fork()
            if pid == 0:
                os._exit(_child(mutant, tests))
            running[pid] = (mutant, time.monotonic() + timeout)
        pid, status = os.waitpid(-1, os.WNOHANG)
        if pid == 0:
            for pid, (mutant, deadline) in list(running.items()):
                if time.monotonic() > deadline:
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                    del running[pid]
                    results[mutant.path].append((mutant, "timeout"))
            time.sleep(0.02)
            continue
        mutant, _ = running.pop(pid)
        code = os.waitstatus_to_exitcode(status)
        outcome = {0: "survived", 77: "skipped", 5: "skipped"}.get(code, "killed")
        results[mutant.path].append((mutant, outcome))
    return results


def _survived(output: Path | None) -> set[tuple[str, str, str]] | None:
    """(module, mutation, marked line) of each "survived" line of an earlier run's output."""
    if output is None:
        return None
    found = set()
    for line in output.read_text(encoding="utf-8").splitlines():
        if line.startswith("    survived "):
            where, what, text = line.removeprefix("    survived ").split(": ", 2)
            found.add((where.rsplit(":", 1)[0], what, text))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("groups", nargs="*", help=f"groups to run (default: all): {', '.join(GROUPS)}")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument(
        "--timeout", type=float, default=10.0, help="seconds per mutant, at least 5x the tests' own time"
    )
    parser.add_argument("--limit", type=int, help="at most this many mutants per group")
    parser.add_argument(
        "--recheck",
        type=Path,
        metavar="OUTPUT",
        help="run only the mutants an earlier --survivors OUTPUT lists as survived (after adding tests)",
    )
    parser.add_argument("--survivors", action="store_true", help="list the mutants that survived")
    parser.add_argument("--list", action="store_true", help="show the groups and exit")
    args = parser.parse_args(argv)
    if unknown := [g for g in args.groups if g not in GROUPS]:
        parser.error(f"unknown group {unknown[0]!r}; choose from {', '.join(GROUPS)}")
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("CI", "1")  # hypothesis derandomized: the same figures on every run
    if args.list:
        for name, (modules, tests) in GROUPS.items():
            print(f"{name}: {', '.join(modules)}\n    tests: {', '.join(tests)}")
        return 0
    if args.recheck is not None:
        print(f"rechecking the survivors listed in {args.recheck}: the counts below are of those only")
    print(f"{'module':44} {'mutants':>8} {'killed':>7} {'timeout':>8} {'equiv':>6} {'rate':>6}")
    for name in args.groups or GROUPS:
        started = time.monotonic()
        results = run_group(name, args.jobs, args.timeout, args.limit, _survived(args.recheck))
        for path, outcomes in results.items():
            counted = [o for _, o in outcomes if o not in ("skipped", "equivalent")]
            caught = sum(o in ("killed", "timeout") for o in counted)
            same = sum(o == "equivalent" for _, o in outcomes)
            rate = f"{100 * caught / len(counted):.0f} %" if counted else "-"
            print(f"{path:44} {len(counted):8} {caught:7} {counted.count('timeout'):8} {same:6} {rate:>6}",
                  flush=True)  # fmt: skip
            if args.survivors:
                for mutant, outcome in outcomes:
                    if outcome == "survived":
                        print(f"    survived {path}:{mutant.line}: {mutant.what}: {mutant.text}")
            matched = {(m.path, m.text, m.what) for m, o in outcomes if o == "equivalent"}
            for key in EQUIVALENT:
                if key[0] == path and key not in matched and args.limit is None and args.recheck is None:
                    print(f"    stale EQUIVALENT entry (no such mutant): {key}")
        print(f"  ({name}: {time.monotonic() - started:.0f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
