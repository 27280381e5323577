"""Rules and the learned model together: which of them reads a free-text reference.

The rules (``reflist_fields``) are exact on the seed's family, and keep the reading when
its structure is certain: GOST's " // " (the container follows), a legal act, or the
translated-Russian web references of the seed (an "(in Russian)" note or an access date).
Otherwise the model reads the reference, and the rules' reading is kept only where the two
agree on the title and the number of authors (the rules then know the details best).

Whichever reads it, the rules cut first what they are certain of wherever it stands: DOI,
URL, ISBN, ISSN, the access date, the language note and the content designation. Text the
model labels as the list's own words ("In:", "Retrieved from") is kept in
``unmapped["list-words"]``; any other text no field holds goes to ``note``. A field whose
confidence is below ``DOUBT`` is returned as a doubt, which the reader reports (RM002).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..parsing import labeller
from ..parsing.assemble import assemble
from ..parsing.tokens import tokenize
from .reflist_account import unplaced
from .reflist_fields import Context, Parsed, parse_reference
from .reflist_kinds import legal_act
from .reflist_parts import cut_parts

#: Below this, a field read by the model is reported (RM002) with its confidence.
DOUBT = 0.6
_FIELDS = {
    "author": "author", "editor": "editor", "translator": "translator", "title": "title",
    "container": "container-title", "collection": "collection-title", "volume": "volume",
    "issue": "issue", "pages": "page", "date": "issued", "publisher": "publisher",
    "location": "publisher-place", "edition": "edition", "genre": "genre",
}  # fmt: skip
_ALNUM = re.compile(r"[^\W_]+")
_NUMBER = re.compile(r"^\s*(?:\[\d{1,4}\]|\d{1,4}[.)])\s+")


@dataclass(slots=True)
class Reading:
    parsed: Parsed
    by: str  # "rules" or "model"
    doubts: list[tuple[str, float, str]] = field(default_factory=list)  # (CSL variable, confidence, text)


def read_reference(text: str, ctx: Context) -> Reading:
    """The reading of one reference, by the rules or the model (module docstring)."""
    rules = parse_reference(text, ctx)
    cut = cut_parts(text, ctx.convention)
    if " // " in text or legal_act(text) is not None or cut.language_note or cut.accessed:
        return Reading(rules, "rules")
    model = _model(text, ctx, cut)
    if rules.understood and _agree(rules, model.parsed):
        return Reading(rules, "rules")
    return model


def _model(text: str, ctx: Context, cut) -> Reading:  # noqa: ANN001 - reflist_parts.Cut
    body = _NUMBER.sub("", cut.text)
    tokens = tokenize(body)
    labelled = labeller.label(tokens)
    got = assemble(body, tokens, labelled)
    ref = got.ref
    for var in ("URL", "DOI", "ISBN", "ISSN"):
        if getattr(cut, var.lower()):
            setattr(ref, var, getattr(cut, var.lower()))
    ref.accessed = cut.accessed or ref.accessed
    if cut.language:
        ref.language = cut.language
    if cut.language_note:
        ref.unmapped["language-note"] = cut.language_note
    if cut.medium:
        ref.unmapped["medium"] = cut.medium
    words = [t.text for t, (lab, _) in zip(tokens, labelled, strict=True) if lab in ("other", "citation-number")]
    if words and not ref.note:
        ref.unmapped["list-words"] = " ".join(words)
    left = unplaced(text, ref)
    if left:
        ref.note = "; ".join([*([ref.note] if ref.note else []), *left])
    doubts = [
        (_FIELDS[label], conf, got.texts.get(label, ""))
        for label, conf in got.confidence.items()
        if label in _FIELDS and conf < DOUBT
    ]
    parsed = Parsed(ref, unread=cut.unread, understood=bool(ref.title))
    return Reading(parsed, "model", doubts)


def _agree(rules: Parsed, model: Parsed) -> bool:
    """Whether the two readings name the same title and as many authors."""
    a, b = rules.ref, model.ref
    same_title = _ALNUM.findall((a.title or "").casefold()) == _ALNUM.findall((b.title or "").casefold())
    return same_title and len(a.author or []) == len(b.author or [])
