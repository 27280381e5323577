"""Run the rules over a library: per-reference checks, then list checks, as diagnostics.

Selection works like ruff's: ``select`` and ``ignore`` take code prefixes ("RM4", "RM402")
or rule names; ignore wins. Reader diagnostics are merged in, except those a rule re-derives
from the model (the rule's finding carries the reference id and works for every format).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ..diagnostics import Diagnostic, Fix, Location
from ..model import Library, Reference, SourceSpan
from ..parse.latex import to_unicode
from ..parse.latex_edit import place_edits
from .rules import RULES, Context, Finding, Rule


class UnknownRuleError(ValueError):
    """A --select/--ignore entry that matches no rule code or name."""


@dataclass(frozen=True, slots=True)
class Result:
    """One finding with the reference object it is about (for applying fixes)."""

    diagnostic: Diagnostic
    ref: Reference | None


def _matches(rule: Rule, pattern: str) -> bool:
    pattern = pattern.strip()
    return rule.code.startswith(pattern.upper()) or rule.name == pattern.lower()


def selected_rules(select: Sequence[str] | None = None, ignore: Sequence[str] | None = None) -> list[Rule]:
    """The rules that ``select`` (default: all) picks and ``ignore`` does not; by code."""
    for pattern in [*(select or ()), *(ignore or ())]:
        if pattern.strip() and not any(_matches(r, pattern) for r in RULES.values()):
            raise UnknownRuleError(f"no rule matches {pattern!r} (see `refman rules`)")
    chosen = []
    for code in sorted(RULES):
        rule = RULES[code]
        if select and not any(_matches(rule, p) for p in select if p.strip()):
            continue
        if not select and not rule.default:
            continue
        if ignore and any(_matches(rule, p) for p in ignore if p.strip()):
            continue
        chosen.append(rule)
    return chosen


def _diagnostic(rule: Rule, finding: Finding, path: str | None) -> Diagnostic:
    ref = finding.ref
    origin = ref.origin if ref is not None and ref.origin is not None else SourceSpan()
    line = finding.line if finding.line is not None else origin.line
    return Diagnostic(
        code=rule.code,
        name=rule.name,
        severity=finding.severity or rule.severity,
        message=finding.message,
        location=Location(origin.path or path, line),
        reference=str(ref.id) if ref is not None else None,
        number=origin.number if ref is not None else None,
        field=finding.field,
        fix=finding.fix,
    )


def latex_allows(ref: Reference, fix: Fix) -> bool:
    """A fix may change a value read from LaTeX only where its edit can be made to the LaTeX
    itself (the plain text cannot say $x^2$ or \\emph): then fixing keeps both in step."""
    latex = ref.latex.get(fix.field)
    if latex is None:
        return True
    if not isinstance(fix.old, str) or not isinstance(fix.new, str):
        return False
    edited = place_edits(latex, fix.old, fix.new)
    return edited is not None and to_unicode(edited) == fix.new


def run(
    library: Library,
    rules: Iterable[Rule],
    today: date | None = None,
    article_path: str | None = None,
) -> list[Result]:
    """Every finding of ``rules`` on ``library`` (and on the page's article, if any)."""
    refs = list(library.references)
    article = None
    if library.article is not None:
        article = library.article.as_reference("article")
        article.origin = SourceSpan(path=article_path)
    ctx = Context(library=library, today=today or date.today(), refs=refs, article=article)
    subjects = ([article] if article is not None else []) + refs
    results: list[Result] = []
    path = article_path
    for rule in rules:
        if rule.check is None:
            continue
        if rule.scope == "list":
            findings = list(rule.check(refs, ctx))
        else:
            findings = [f for ref in subjects for f in rule.check(ref, ctx)]
        for finding in findings:
            if finding.fix is not None and (
                finding.ref is article  # the page is never rewritten
                or (finding.ref is not None and not latex_allows(finding.ref, finding.fix))  # $x^2$, \ce{}
                or (finding.ref is not None and finding.ref.origin is not None and finding.ref.origin.damaged)
            ):
                finding = Finding(finding.ref, finding.field, finding.message, None, finding.line,
                                  finding.severity)  # fmt: skip
            results.append(Result(_diagnostic(rule, finding, path), finding.ref))
    order = {id(ref): i for i, ref in enumerate(subjects)}
    results.sort(key=lambda r: (order.get(id(r.ref), -1) if r.ref is not None else len(order),
                                r.diagnostic.code, r.diagnostic.field or ""))  # fmt: skip
    return results


def validate(
    library: Library,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    today: date | None = None,
    read_diagnostics: Sequence[Diagnostic] = (),
    article_path: str | None = None,
) -> list[Diagnostic]:
    """Reader diagnostics (selected, not superseded) followed by the rules' findings."""
    rules = selected_rules(select, ignore)
    chosen = {r.code for r in rules}
    superseded = {code for r in rules if r.check is not None for code in r.supersedes}
    kept = [d for d in read_diagnostics if d.code in chosen and d.code not in superseded]
    unknown = [d for d in read_diagnostics if d.code not in RULES]  # never hide what we cannot filter
    found = [r.diagnostic for r in run(library, rules, today, article_path)]
    return kept + unknown + found
