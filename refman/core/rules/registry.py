"""The rule registry: every check has a code, a kebab-case name, a severity and a docstring.

A rule is a function decorated with ``@rule``. Its docstring is its documentation, with four
fixed sections (what it checks, why it matters, example, fix safety): ``refman rules`` and the
README's rule table are printed from it, so the docs cannot drift from the code.

Per-reference rules take ``(ref, ctx)``; list rules take ``(refs, ctx)`` and see the whole
list at once (grouping by normalized keys, never comparing every pair). Rules with no check
are documented codes that readers emit while reading (RM0xx).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ...diagnostics import Fix, FixSafety, Severity
from ...model import Library, Reference

SECTIONS = ("What it checks", "Why it matters", "Example", "Fix safety")
GROUPS = {
    "0": "input",
    "1": "structure",
    "2": "field format",
    "3": "identifiers",
    "4": "dates",
    "5": "duplicates and keys",
    "6": "GOST",
}
_CODE = re.compile(r"^RM[0-6]\d\d$")
_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check returns: the engine adds the rule's code, name, severity and location."""

    ref: Reference | None
    field: str | None
    message: str
    fix: Fix | None = None
    line: int | None = None  # overrides the reference's own line (list rules)
    severity: Severity | None = None  # below the rule's own when the evidence is weaker


@dataclass(slots=True)
class Context:
    """What a check may know beyond one reference: the list, today's date, shared indexes."""

    library: Library
    today: date
    refs: list[Reference]
    article: Reference | None = None  # the page's own article, checked like a reference
    cache: dict[str, Any] = field(default_factory=dict)

    def memo(self, key: str, build: Callable[[], Any]) -> Any:
        """A value computed once per run and shared by rules (word sets, majorities)."""
        if key not in self.cache:
            self.cache[key] = build()
        return self.cache[key]


Check = Callable[..., Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    doc: str
    check: Check | None = None
    scope: str = "reference"  # "reference", "list", or "reader" (emitted while reading)
    fix: FixSafety | None = None  # the safest fix the rule offers, None if it never fixes
    supersedes: tuple[str, ...] = ()  # reader codes this rule re-derives from the model
    default: bool = True  # reported unless --select names it (False: notes, not problems)

    @property
    def group(self) -> str:
        return GROUPS[self.code[2]]

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip()

    def sections(self) -> dict[str, str]:
        return parse_sections(self.doc)

    @property
    def fix_label(self) -> str:
        return self.fix.value if self.fix else "-"


RULES: dict[str, Rule] = {}


def parse_sections(doc: str) -> dict[str, str]:
    """The fixed sections of a rule docstring, by heading; text dedented and joined."""
    text = inspect.cleandoc(doc)
    out: dict[str, str] = {}
    current: str | None = None
    lines: list[str] = []
    for line in text.splitlines()[1:]:
        heading = line.strip().rstrip(":")
        if line.strip().endswith(":") and heading in SECTIONS:
            if current:
                out[current] = inspect.cleandoc("\n".join(lines))
            current, lines = heading, []
        elif current:
            lines.append(line)
    if current:
        out[current] = inspect.cleandoc("\n".join(lines))
    return out


def _register(new: Rule) -> None:
    if not _CODE.match(new.code) or not _NAME.match(new.name):
        raise ValueError(f"bad rule code or name: {new.code} {new.name}")
    if new.code in RULES or any(r.name == new.name for r in RULES.values()):
        raise ValueError(f"rule registered twice: {new.code} {new.name}")
    missing = [s for s in SECTIONS if s not in parse_sections(new.doc)]
    if missing:
        raise ValueError(f"{new.code} docstring lacks sections: {', '.join(missing)}")
    RULES[new.code] = new


def rule(
    code: str,
    name: str,
    severity: Severity,
    *,
    scope: str = "reference",
    fix: FixSafety | None = None,
    supersedes: tuple[str, ...] = (),
) -> Callable[[Check], Check]:
    """Register the decorated function as the check of rule ``code``."""

    def wrap(check: Check) -> Check:
        _register(Rule(code, name, severity, check.__doc__ or "", check, scope, fix, supersedes))
        return check

    return wrap


def reader_rule(
    code: str, name: str, severity: Severity, doc: str, fix: FixSafety | None = None, default: bool = True
) -> None:
    """Register a code that readers emit while reading (no check of its own)."""
    _register(Rule(code, name, severity, doc, None, "reader", fix, default=default))


def make_fix(field: str, old: Any, new: Any, description: str, safe: bool = True) -> Fix:
    return Fix(description, field, new, old, FixSafety.SAFE if safe else FixSafety.UNSAFE)


def label(ref: Reference) -> str:
    """How a message names a reference: its list number, else its id."""
    number = ref.origin.number if ref.origin else None
    return f"[{number}]" if number is not None else str(ref.id)
