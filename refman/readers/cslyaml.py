"""CSL-YAML in, as pandoc reads it: a list of items, or a document with ``references:``
(a Markdown file's YAML front matter between ``---`` lines works too).

Only PyYAML's safe constructors are used (no Python objects, no tags that run code). Two
hostile shapes are refused before anything is built: nesting deeper than ``MAX_DEPTH``
(libyaml's C composer recurses and would crash the interpreter) and aliases that expand to
more than ``MAX_NODES`` nodes (the "billion laughs" bomb, harmless while shared but
exponential as soon as the items are walked). Both are checked on the event stream, which
libyaml produces without recursion.
"""

from __future__ import annotations

import base64
import math
import re
from typing import Any, ClassVar

import yaml

from ..diagnostics import Diagnostic, ReadResult
from ..model import Library
from .csljson import MAX_DEPTH, diag, items_to_library, top_level_items

#: Nodes the document may expand to, counting every use of an alias in full.
MAX_NODES = 2_000_000
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE):  # type: ignore[misc, valid-type]
    """The safe loader, with dates left as text as pandoc leaves them ("2018-12-03")."""

    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _BASE.yaml_implicit_resolvers.items()
    }


_LOADER = _Loader
_ITEM_LINE = re.compile(r"^(?:- |  )?(?:id|type|title|author|issued|container-title):", re.MULTILINE)


def sniff(text: str) -> float:
    """YAML with ``references:`` or a list of mappings with CSL keys; JSON is not claimed."""
    head = text[:20000].lstrip("\ufeff \t\r\n")
    if not head or head[0] in "[{":
        return 0.0
    if head.startswith("---"):
        head = head[3:]
    if re.search(r"^references:[ \t]*$", head, re.MULTILINE):
        return 0.9
    keys = len(_ITEM_LINE.findall(head[:5000]))
    starts_list = re.match(r"\s*- [\w-]+:", head) is not None
    if starts_list and keys >= 2:
        return 0.85
    return 0.3 if starts_list else 0.0


def read(text: str, name: str = "-") -> ReadResult:
    diagnostics: list[Diagnostic] = []
    data = _load(_front_matter(text), name, diagnostics)
    if data is None:
        return ReadResult(Library(), diagnostics)
    items = top_level_items(data, name, diagnostics, "CSL-YAML")
    return ReadResult(items_to_library(items, name, diagnostics), diagnostics)


def _front_matter(text: str) -> str:
    """The YAML block of a Markdown file (``---`` … ``---``/``...``), else the whole text.

    After a closing ``---`` another YAML document may follow (a list, or ``references:``);
    anything else there is Markdown and is not read.
    """
    stripped = text.lstrip("\ufeff")
    if not stripped.startswith("---"):
        return stripped
    match = re.search(r"^(---|\.\.\.)[ \t]*$", stripped[3:], re.MULTILINE)
    if match is None:
        return stripped
    rest = stripped[3 + match.end() :].lstrip("\n")
    if match.group(1) == "---" and (not rest.strip() or rest.startswith(("- ", "references:"))):
        return stripped
    return stripped[: 3 + match.start()]


def _load(text: str, name: str, diagnostics: list[Diagnostic]) -> Any:
    if not text.strip():
        diagnostics.append(diag(name, "empty input: no CSL-YAML items"))
        return None
    try:
        problem = _hostile(text)
        if problem:
            diagnostics.append(diag(name, problem))
            return None
        documents = list(yaml.load_all(text, Loader=_LOADER))  # a safe loader (see _LOADER)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark is not None else None
        diagnostics.append(diag(name, f"invalid YAML: {exc.problem or exc}", line=line))
        return None
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError) as exc:
        diagnostics.append(diag(name, f"invalid YAML: {type(exc).__name__}: {str(exc)[:200]}"))
        return None
    documents = [_plain(doc) for doc in documents if doc is not None]
    if not documents:
        diagnostics.append(diag(name, "no YAML document with CSL items"))
        return None
    return documents[0] if len(documents) == 1 else _merge(documents)


def _plain(value: Any) -> Any:
    """JSON values only (the depth is already bounded): YAML's binary, sets, pairs, non-text
    keys and non-finite floats would otherwise break CSL-JSON output later."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return [_plain(v) for v in items]
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def _merge(documents: list[Any]) -> Any:
    """Several documents (pandoc's multi-document YAML): their items, in order."""
    merged: list[Any] = []
    for doc in documents:
        if isinstance(doc, list):
            merged.extend(doc)
        elif isinstance(doc, dict) and isinstance(doc.get("references"), list):
            merged.extend(doc["references"])
        else:
            merged.append(doc)
    return merged


def _hostile(text: str) -> str | None:
    """Too deep, or aliases expanding beyond MAX_NODES: said before anything is built."""
    depth = 0
    anchors: dict[str, int] = {}  # anchor → nodes it expands to
    open_nodes: list[tuple[str | None, int]] = []  # (anchor, nodes counted so far)
    total = 0
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return f"YAML nested deeper than {MAX_DEPTH} levels; not CSL-YAML"
            open_nodes.append((event.anchor, 1))
            continue
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
            anchor, size = open_nodes.pop()
            if anchor:
                anchors[anchor] = size
        elif isinstance(event, yaml.ScalarEvent):
            size = 1
            if event.anchor:
                anchors[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            size = anchors.get(event.anchor, 1)
        else:
            continue
        total += size if isinstance(event, yaml.AliasEvent) else 1
        if open_nodes:
            parent_anchor, parent_size = open_nodes[-1]
            open_nodes[-1] = (parent_anchor, parent_size + size)
        if total > MAX_NODES:
            return f"YAML aliases expand to more than {MAX_NODES:,} nodes (an alias bomb?); refused"
    return None
