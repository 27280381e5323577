"""Citations in pandoc's JSON AST (``pandoc -t json``), and the few nodes refman writes back.

pandoc's own reader is the reference for Markdown citations; when it is installed its AST is
read instead of scanning the text. Plain JSON (dicts and lists) is enough: a ``Cite`` holds
its citations (key, prefix, suffix, mode) and the few nodes written here (``Str``, ``Space``,
``Link``, ``Span``, ``Para``, ``Header``, ``OrderedList``, ``Div``) have kept their shape
across pandoc's API versions 1.20–1.23. Raw LaTeX (``RawInline``/``RawBlock`` in ``tex`` or
``latex``) is read with the LaTeX scanner, as pandoc passes it on unread.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from . import latex
from .cited import AUTHOR, NOCITE, NORMAL, SUPPRESS, Cited, clean_note, from_citations

Node = dict[str, Any]
_MODES = {"AuthorInText": AUTHOR, "SuppressAuthor": SUPPRESS, "NormalCitation": NORMAL}
_RAW_TEX = ("tex", "latex")


def stringify(node: Any) -> str:
    """The text of inlines (or one inline), as pandoc's ``stringify`` reads it; notes left out."""
    if isinstance(node, list):
        return "".join(stringify(item) for item in node)
    if not isinstance(node, dict):
        return ""
    kind, content = node.get("t"), node.get("c")
    if kind == "Str":
        return str(content)
    if kind in ("Space", "SoftBreak", "LineBreak"):
        return " "
    if kind in ("Code", "Math", "RawInline"):
        return str(content[1]) if isinstance(content, list) and len(content) > 1 else ""
    if kind == "Quoted" and isinstance(content, list) and len(content) > 1:
        double = isinstance(content[0], dict) and content[0].get("t") == "DoubleQuote"
        return ("“{}”" if double else "‘{}’").format(stringify(content[1]))
    if kind == "Note":
        return ""
    if kind in ("Cite", "Link", "Image", "Span"):
        return stringify(content[1]) if isinstance(content, list) and len(content) > 1 else ""
    return stringify(content) if isinstance(content, list) else ""


def cite_items(node: Node, group: int) -> list[Cited]:
    """The keys of one ``Cite`` with their prefix, locator (the suffix without its leading
    comma) and mode; all share ``group``."""
    out = []
    for citation in node["c"][0]:
        mode = citation.get("citationMode", {})
        suffix = clean_note(stringify(citation.get("citationSuffix", [])))
        out.append(
            Cited(
                str(citation.get("citationId", "")),
                0,
                group,
                clean_note(stringify(citation.get("citationPrefix", []))),
                suffix.removeprefix(",").strip(),
                _MODES.get(mode.get("t", "") if isinstance(mode, dict) else "", NORMAL),
            )
        )
    return out


def _nodes(node: Any) -> Iterator[Node]:
    """Every Cite and raw TeX node in document order, not looking inside a Cite."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            kind = item.get("t")
            if kind == "Cite" or (kind in ("RawInline", "RawBlock") and _raw_tex(item) is not None):
                yield item
            elif "c" in item:
                stack.append(item["c"])
            elif kind is None:
                stack.extend(reversed(list(item.values())))


def _raw_tex(node: Node) -> str | None:
    content = node.get("c")
    if isinstance(content, list) and len(content) == 2 and str(content[0]).lower() in _RAW_TEX:
        return str(content[1])
    return None


def citations(document: Node) -> list[Cited]:
    """Every cited key of a document in order: the text (with raw LaTeX citations), then the
    ``nocite`` metadata, as pandoc's citeproc orders them."""
    out: list[Cited] = []
    group = 0
    for node in _nodes(document.get("blocks", [])):
        out.extend(_node_items(node, group))
        group += 1
    for node in _nodes(document.get("meta", {}).get("nocite") or []):
        out.extend(Cited(item.key, 0, group, mode=NOCITE) for item in _node_items(node, group))
        group += 1
    return out


def _node_items(node: Node, group: int) -> list[Cited]:
    if node.get("t") == "Cite":
        return cite_items(node, group)
    raw = _raw_tex(node) or ""
    return list(from_citations(raw, latex.citations(raw), group))


def meta_value(document: Node, name: str) -> Any:
    """A metadata field as plain Python: text for inlines, a list for a list, None if absent."""
    return _meta(document.get("meta", {}).get(name))


def _meta(node: Any) -> Any:
    if not isinstance(node, dict):
        return None
    kind, content = node.get("t"), node.get("c")
    if kind == "MetaString":
        return str(content)
    if kind == "MetaBool":
        return bool(content)
    if kind == "MetaInlines":
        return stringify(content).strip()
    if kind == "MetaBlocks":
        return " ".join(
            stringify(block.get("c")) for block in content or [] if isinstance(block, dict)
        ).strip()
    if kind == "MetaList":
        return [_meta(item) for item in content or []]
    if kind == "MetaMap":
        return {key: _meta(value) for key, value in (content or {}).items()}
    return None


def replace_cites(document: Node, mark: Callable[[Node], list[Node]]) -> int:
    """Replace every ``Cite`` of the body (the metadata's too, but ``nocite``) by a citation
    ``Span`` holding the inlines ``mark(cite)`` returns; how many. A Span, not the Cite with
    new content: pandoc's Markdown writer would print a Cite back as ``[@key]``."""
    count = 0

    def visit(node: Any) -> Any:
        nonlocal count
        if isinstance(node, list):
            return [visit(item) for item in node]
        if not isinstance(node, dict):
            return node
        if node.get("t") == "Cite":
            count += 1
            return {"t": "Span", "c": [["", ["citation"], [["cites", _keys(node)]]], mark(node)]}
        if "c" in node:
            node["c"] = visit(node["c"])
        return node

    document["blocks"] = visit(document.get("blocks", []))
    meta = document.get("meta", {})
    for name in [name for name in meta if name != "nocite"]:
        meta[name] = visit(meta[name])
    return count


def _keys(node: Node) -> str:
    return " ".join(str(citation.get("citationId", "")) for citation in node["c"][0])


_PIECES = re.compile(r"(\s+)|(https?://\S+?)(?=[.,;)]?(?:\s|$))")


def inlines(text: str) -> list[Node]:
    """Plain text as pandoc inlines: words, spaces, and web addresses as links."""
    out: list[Node] = []
    pos = 0
    for match in _PIECES.finditer(text):
        if match.start() > pos:
            out.append({"t": "Str", "c": text[pos : match.start()]})
        if match.group(1):
            out.append({"t": "Space"})
        else:
            url = match.group(2)
            out.append({"t": "Link", "c": [["", [], []], [{"t": "Str", "c": url}], [url, ""]]})
        pos = match.end()
    if pos < len(text):
        out.append({"t": "Str", "c": text[pos:]})
    return out


def bibliography_blocks(title: str, entries: list[str]) -> list[Node]:
    """A heading (left out when ``title`` is empty) and the entries as a list numbered from 1,
    the numbers the in-text references use."""
    items = [[{"t": "Para", "c": inlines(text)}] for text in entries]
    listing = {"t": "OrderedList", "c": [[1, {"t": "Decimal"}, {"t": "Period"}], items]}
    if not title:
        return [listing]
    header = {"t": "Header", "c": [1, ["bibliography", ["unnumbered"], []], inlines(title)]}
    return [header, listing]


def place_bibliography(document: Node, blocks: list[Node]) -> None:
    """Put the list in a ``::: {#refs}`` div if the document has one (as pandoc's citeproc
    does), else at the end."""
    for node in document.get("blocks", []):
        if isinstance(node, dict) and node.get("t") == "Div":
            attr = node["c"][0]
            if isinstance(attr, list) and attr and attr[0] == "refs":
                node["c"][1] = [*node["c"][1], *blocks]
                return
    document.setdefault("blocks", []).extend(blocks)
