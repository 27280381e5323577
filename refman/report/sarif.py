"""Diagnostics as SARIF 2.1.0 (OASIS), for code-scanning tools (GitHub, GitLab, VS Code).

Reports know no rules: the caller passes the rule descriptors (id, name, texts, severity),
so this module stays a pure serialization of values it is given.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
#: refman severities → SARIF result levels (SARIF has no "info"; "note" is its name).
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _rule(desc: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": desc["code"],
        "name": desc["name"],
        "shortDescription": {"text": desc["summary"]},
        "defaultConfiguration": {"level": LEVELS[desc["severity"]]},
    }
    if desc.get("help"):
        out["fullDescription"] = {"text": desc["help"]}
        out["help"] = {"text": desc["help"]}
    out["properties"] = {"fix": desc.get("fix") or "none", "group": desc.get("group", "")}
    return out


def _result(diag: Diagnostic, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {"ruleId": diag.code}
    if diag.code in index:
        result["ruleIndex"] = index[diag.code]
    result["level"] = LEVELS[diag.severity.value]
    result["message"] = {"text": diag.message}
    location: dict[str, Any] = {}
    path = diag.location.path
    if path and path != "-":
        physical: dict[str, Any] = {"artifactLocation": {"uri": path}}
        if diag.location.line is not None and diag.location.line >= 1:
            physical["region"] = {"startLine": diag.location.line}
        location["physicalLocation"] = physical
    if diag.reference is not None:
        name = diag.reference if diag.field is None else f"{diag.reference}.{diag.field}"
        location["logicalLocations"] = [{"name": name, "kind": "object"}]
    result["locations"] = [location] if location else []
    properties: dict[str, Any] = {"reference": diag.reference, "number": diag.number, "field": diag.field}
    if diag.fix is not None:
        properties["fix"] = diag.to_dict()["fix"]
    result["properties"] = properties
    return result


def write_sarif(diagnostics: Sequence[Diagnostic], rules: Sequence[dict[str, Any]], tool_version: str) -> str:
    """One SARIF log with one run: the tool and its rules, then every finding in order."""
    index = {desc["code"]: i for i, desc in enumerate(rules)}
    log = {
        "$schema": SCHEMA,
        "version": VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "refman",
                        "version": tool_version,
                        "rules": [_rule(desc) for desc in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(diag, index) for diag in diagnostics],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
