"""A change to a plain value, made to the LaTeX it was read from.

A fix edits plain text ("size.." → "size."); the value was written as LaTeX, with line
breaks, macros and commands around the words. Each edit is placed in the source by the plain
text on either side of it (white space may differ), and only where that context occurs once,
so the rest of the source stays as its author wrote it. The caller checks that the result
reads back as the new value.
"""

from __future__ import annotations

import difflib
import re

from .latex import balanced, escape

#: Characters on each side of an edit that place it in the source.
CONTEXT = 12
#: Below this likeness (difflib's ratio) the new value is taken as new, not as an edit.
MOST_CHANGED = 0.8


def place_edits(source: str, old: str, new: str) -> str | None:
    """``source`` with the edits that turn ``old`` into ``new``, or None when one of them
    cannot be placed without doubt (its context is absent from the source, or there twice)."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    if matcher.ratio() < MOST_CHANGED:
        return None  # a new value, not an edit of the old one
    edits: list[tuple[int, int, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        left, right = old[max(0, i1 - CONTEXT) : i1], old[i2 : i2 + CONTEXT]
        pattern = _loose(left) + "(" + _loose(old[i1:i2], edges=False) + ")" + _loose(right)
        found = list(re.finditer(pattern, source))
        if len(found) != 1:
            return None
        edits.append((found[0].start(1), found[0].end(1), escape(new[j1:j2])))
    if not edits:
        return None
    text = source
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text if balanced(text) else None


def _loose(text: str, edges: bool = True) -> str:
    """A pattern for plain text as the source may spell it: any run of white space for one,
    and protective braces between letters ("NASA report" matches "{NASA} report"); at its
    edges too unless ``edges`` is False (the part an edit replaces never takes a brace)."""
    if not text.strip():
        return r"\s*"
    words = [_BRACES.join(re.escape(ch) for ch in part) for part in re.split(r"\s+", text) if part]
    inner = (_BRACES + r"\s+" + _BRACES).join(words)
    if text[:1].isspace():
        inner = r"\s+" + inner
    if text[-1:].isspace():
        inner += r"\s+"
    return _BRACES + inner + _BRACES if edges else inner


_BRACES = r"[{}]*"
