"""`refman rules`: every validation rule, or one rule's full documentation."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import io
from ..errors import UsageError


def list_rules(
    code: Annotated[
        str | None, typer.Argument(help="A rule code (RM401) or name.", show_default=False)
    ] = None,
    markdown: Annotated[bool, typer.Option("--markdown", help="The README's table, in Markdown.")] = False,
) -> None:
    """List validation rules with code, name, severity, fix safety and summary; or explain one.

    Examples:
      refman rules
      refman rules RM401
    """
    from .. import api

    rules = api.rules()
    if markdown:
        io.write_output(None, api.rules_markdown())
        return
    if code is None:
        rows = [("CODE", "NAME", "SEVERITY", "FIX", "SUMMARY")]
        rows += [(r.code, r.name, r.severity.value, r.fix_label, r.summary) for r in rules]
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        lines = [
            "  ".join([*(cell.ljust(w) for cell, w in zip(row[:4], widths, strict=True)), row[4]])
            for row in rows
        ]
        io.write_output(None, "\n".join(lines) + "\n")
        return
    wanted = [r for r in rules if r.code == code.upper() or r.name == code.lower()]
    if not wanted:
        raise UsageError(f"no rule {code!r} (see `refman rules`)")
    rule = wanted[0]
    head = f"{rule.code} {rule.name} ({rule.severity.value}, {rule.group}; fix: {rule.fix_label})\n\n{rule.summary}\n"
    body = "".join(f"\n{title}:\n" + _indent(text) + "\n" for title, text in rule.sections().items())
    io.write_output(None, head + body)


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.splitlines())
