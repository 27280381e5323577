"""Validation rules, registered by code (see ``registry``); importing this loads them all."""

from __future__ import annotations

# importing the modules registers their rules
from . import consistency, dates, gost, hyphens, identifiers, input, language, names, source, structure, text  # noqa: F401
from .registry import RULES, SECTIONS, Context, Finding, Rule, parse_sections

__all__ = ["RULES", "SECTIONS", "Context", "Finding", "Rule", "markdown_table", "parse_sections"]


def markdown_table() -> str:
    """The README's rule table: one row per rule, from the same docstrings as `refman rules`."""
    rows = ["| Code | Name | Severity | Fix | What it checks |", "| --- | --- | --- | --- | --- |"]
    for code in sorted(RULES):
        rule = RULES[code]
        summary = rule.summary.replace("|", "\\|")
        rows.append(f"| {code} | `{rule.name}` | {rule.severity.value} | {rule.fix_label} | {summary} |")
    return "\n".join(rows) + "\n"
