"""RM210 and RM504: the list as written (raw entries) and probable duplicates.

Free-text readers keep each entry's text as written (``origin.raw``) and clean the fields;
slips that the cleaning removed from the fields are still in the user's list, so they are
reported here, once, without a fix (the fields are already right).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostics import Severity
from ...model import Reference
from .common import FREE_TEXT_FORMATS, number_of, text_fields
from .registry import Context, Finding, rule

_SPACE_BEFORE = re.compile(r"\S[ \t]+[,.;:](?=\s|$)")
_GLUED_COLON = re.compile(r"(?<![a-z]{3}s)(?<!http)(?<!https)(?<!ftp)[^\W\d_]:(?=[^\s/])")
_TRAILING_NOTES = re.compile(r"(?:\s*\([^()]*\))+\s*\.?\s*$")


def _in_fields(ref: Reference, snippet: str) -> bool:
    return any(snippet in value for _var, value in text_fields(ref))


def _note_separator(raw: str) -> str | None:
    """The character before the trailing "(in Russian) (accessed: …)" notes, if any."""
    match = _TRAILING_NOTES.search(raw)
    if not match or match.start() == 0:
        return None
    return raw[: match.start()].rstrip()[-1:]


@rule("RM210", "source-typography", Severity.INFO, scope="list")
def source_typography(refs: list[Reference], ctx: Context) -> Iterator[Finding]:
    """Typing slips in the list as written, which the reader's cleaning hid from the fields.

    What it checks:
        The text of each entry of a free-text list or a page's list (not the fields; never
        a BibTeX entry or a RIS record, whose text is markup, not prose): a space before a
        comma or period ("New York , August 2"), a colon glued to what follows
        ("(accessed:19.08.2022)"), straight quotes in a list that also uses typographic
        ones, a missing period before the trailing notes or at the end where the other
        entries have one. Slips still present in a field are left to the field rules.
    Why it matters:
        The user's own list still has them; a journal's copy editor returns the list for
        exactly these.
    Example:
        Entries ending "(accessed: 06.08.2022)." and one ending "(accessed: 22.08.2022)":
        the last fires for its missing period.
    Fix safety:
        No fix: refman never rewrites the input; the fields it writes are already clean.
    """
    entries = [
        (ref, ref.origin.raw.strip())
        for ref in refs
        if ref.origin and ref.origin.raw and ref.origin.format in FREE_TEXT_FORMATS
    ]
    if not entries:
        return
    typographic = any(ch in raw for _ref, raw in entries for ch in "“”«»„")
    # when the fields themselves mix quotes, RM205 reports it (with a fix)
    fields_curly = any(ch in value for ref in refs for _v, value in text_fields(ref) for ch in "“«„")
    # "… С. 77–89. (In Russ.)" ends with its abbreviation's period inside the brackets
    ends = [raw.rstrip(")]").endswith((".", "!", "?")) if raw.endswith((".)", ".]")) else raw.endswith((".", "!", "?"))
            for _ref, raw in entries]  # fmt: skip
    seps = [_note_separator(raw) for _ref, raw in entries]
    usual_end = sum(ends) * 4 >= len(entries) * 3 and len(entries) >= 4
    known = [s for s in seps if s is not None]
    usual_sep = len(known) >= 4 and sum(s == "." for s in known) * 4 >= len(known) * 3
    for (ref, raw), ends_well, sep in zip(entries, ends, seps, strict=True):
        slips = []
        for m in _SPACE_BEFORE.finditer(raw):
            start = raw.rfind(" ", 0, m.start()) + 1
            snippet = raw[start : m.end()]
            if not _in_fields(ref, snippet.strip()):
                slips.append(f"space before {m[0][-1]!r} in {snippet!r}")
        for m in _GLUED_COLON.finditer(raw):
            token_start = raw.rfind(" ", 0, m.start()) + 1
            token_end = raw.find(" ", m.end())
            if "/" in raw[token_start : token_end if token_end >= 0 else len(raw)]:
                continue  # a URL or a path, not prose
            start = raw.rfind("(", 0, m.start())
            start = start if start >= 0 and m.start() - start < 20 else m.start()
            stop = raw.find(")", m.end())
            snippet = raw[start : stop + 1 if 0 <= stop < m.end() + 20 else m.end() + 10]
            if not _in_fields(ref, snippet):
                slips.append(f"no space after ':' in {snippet!r}")
        if typographic and '"' in raw and not fields_curly:
            slips.append('straight quotes "…" where the list also uses typographic ones')
        if usual_sep and sep is not None and sep != ".":
            note = _TRAILING_NOTES.search(raw)
            before = raw[: note.start()].rstrip() if note else raw
            slips.append(f"no period before the notes, after {before[-12:]!r}")
        if usual_end and not ends_well:
            slips.append(f"no final period after {raw[-14:]!r}")
        if slips:
            yield Finding(ref, None, "as written: " + "; ".join(slips))


def _register_duplicates() -> None:
    try:
        from ..dedupe.engine import find_clusters
    except ImportError:  # the dedupe module is optional: without it the rule is not offered
        return

    @rule("RM504", "probable-duplicate", Severity.WARNING, scope="list")
    def probable_duplicate(refs: list[Reference], ctx: Context) -> Iterator[Finding]:
        """Two records that probably describe the same work.

        What it checks:
            The list with refman's duplicate finder (the same as `refman dedupe`): records
            with the same identifiers, or close titles with agreeing authors, years and
            containers, and nothing that proves them different (another date, number or
            part). Every record after the first of a cluster fires, with the evidence.
        Why it matters:
            A list cites each work once; duplicates get two numbers and split citations.
        Example:
            The same article read from two files (one with a DOI, one without) fires; two
            statements by the same person at one conference on different days do not.
        Fix safety:
            No fix here: `refman dedupe` merges duplicates without losing a field.
        """
        for cluster in find_clusters(refs):
            first = refs[cluster.indices[0]]
            label = f"[{number_of(first)}]" if number_of(first) is not None else str(first.id)
            why = "; ".join(f"{k}: {v}" for k, v in cluster.evidence.items())
            for index in cluster.indices[1:]:
                yield Finding(refs[index], None,
                              f"probably the same work as {label} (score {cluster.score:.2f}; {why})")  # fmt: skip

    del probable_duplicate


_register_duplicates()
