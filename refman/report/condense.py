"""A flood of one cause is one line with a count: how every report shows many findings.

One undefined ``@string`` used 90,000 times is one problem, not 90,000: the first few
occurrences are shown, then "… and N more like this (CODE message)". A cause is a code and
a message with its entry taken out (the entry key a reader puts first, the reference id),
so "undefined @string 'ack-hg'" and "undefined @string 'ack-nhfb'" stay two causes.
``--verbose`` shows every occurrence; ``--quiet`` shows errors only. JSON and SARIF outputs
are for machines and always list every finding.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic

T = TypeVar("T")

#: Occurrences of one cause shown before the rest are counted; a cause with one more than
#: this is shown whole (a summary line would save nothing).
SHOWN_PER_CAUSE = 3
#: "Knuth:1984:LP: title: …": the entry key a reader writes before its message.
_ENTRY_KEY = re.compile(r"^[^\s:][^\s]*?: (?=\S)")


@dataclass(frozen=True, slots=True)
class Flood:
    """The occurrences of one cause left out after the first ones were shown."""

    code: str
    template: str
    more: int
    severity: str = "info"

    def text(self) -> str:
        template = self.template if len(self.template) <= 100 else self.template[:99] + "…"
        return f"… and {self.more} more like this ({self.code} {template})"


def cause(diag: Diagnostic) -> tuple[str, str]:
    """(code, message without its entry): what identical diagnostics have in common."""
    message = diag.message
    if diag.reference:
        message = message.replace(str(diag.reference), "…")
    return diag.code, _ENTRY_KEY.sub("", message, count=1)


def keep(diag: Diagnostic, quiet: bool) -> bool:
    """Whether ``--quiet`` (errors only) lets a diagnostic through."""
    return not quiet or diag.severity.value == "error"


def condense(
    items: Iterable[T], verbose: bool = False, key: Callable[[T], tuple[str, str]] | None = None
) -> list[T | Flood]:
    """The items (diagnostics, or anything with a ``key``) in order, each cause cut to its
    first occurrences and a ``Flood`` right after the last one shown; with ``verbose``, all."""
    items = list(items)
    if verbose:
        return list(items)
    key = key or cause  # type: ignore[assignment]
    totals = Counter(key(item) for item in items)
    seen: Counter[tuple[str, str]] = Counter()
    out: list[T | Flood] = []
    for item in items:
        which = key(item)
        seen[which] += 1
        total, count = totals[which], seen[which]
        if total <= SHOWN_PER_CAUSE + 1 or count <= SHOWN_PER_CAUSE:
            out.append(item)
        if total > SHOWN_PER_CAUSE + 1 and count == SHOWN_PER_CAUSE:
            severity = getattr(getattr(item, "severity", None), "value", "info")
            out.append(Flood(which[0], which[1], total - SHOWN_PER_CAUSE, severity))
    return out
