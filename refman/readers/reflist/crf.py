"""Rules and the learned model together: which of them reads a free-text reference.

The rules (``reflist_fields``) are exact on the seed's family, and keep the reading when
its structure is certain: GOST's structure (``_gost``; not its place "М.:" alone), a legal
act, the translated-Russian web references of the seed (an access date in brackets), or a
Russian journal's transliterated reference, marked "(In Russ.)", that the rules read whole
(a Western list's "(in Russian)" after an English title is read as any other reference).
Otherwise the model reads the reference, and the rules' reading is kept only where it is
whole and either agrees with the model's, or the model sees no reference, or the rules found
a locator or publisher given twice (which they report); a rules title that holds the year
and locators the model read as fields is not whole (chemistry's title-less
"Name, Journal, 1991, 12, 58–63"). Where neither reading is whole, the rules' stands unless
the model found a title and the year the rules' title swallowed, or names and a year, or
names and no title (a line of names alone; its reading is then kept, and still reported).
A model's title with one part more ("Title. (2009).") is a reference where the rules read
one whole too (``_pick``).

Whichever reads it, the rules cut first what they are certain of wherever it stands: DOI,
URL, ISBN, ISSN, the access date, the language note and the content designation. Text the
model labels as the list's own words ("In:", "Retrieved from") is kept in
``unmapped["list-words"]``; any other text no field holds goes to ``note``. A field whose
confidence is below ``DOUBT`` is returned as a doubt, which the reader reports (RM002).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import Reference
from ...parse.text import has_cyrillic
from ...parsing import labeller
from ...parsing.assemble import assemble
from ...parsing.tokens import tokenize
from .account import unplaced
from .fields import Context, Parsed, parse_reference
from .kinds import legal_act
from .parts import Cut, cut_parts, read_date

#: Below this, a field read by the model is reported (RM002) with its confidence.
DOUBT = 0.6
_FIELDS = {
    "author": "author", "editor": "editor", "translator": "translator", "title": "title",
    "container": "container-title", "collection": "collection-title", "volume": "volume",
    "issue": "issue", "pages": "page", "date": "issued", "publisher": "publisher",
    "location": "publisher-place", "edition": "edition", "genre": "genre",
}  # fmt: skip
#: GOST's own structure: " // " before the container, ". – " between areas, " / " before
#: the statement of responsibility (names with initials follow). In Cyrillic text also
#: " : " before other title information or the publisher (an APA reference in Russian,
#: "(2006). … СПб. : Питер.", is not GOST).
_GOST = re.compile(r" // |\. [–—] | / (?=(?:[A-ZА-ЯЁ][a-zа-яё]?\.\s?)+[A-ZА-ЯЁ])")
#: An author-date reference's year after the names: APA's "(2006)." or Chicago's and ASA's
#: ". 1996. " (GOST gives the year after the place, or after "//" in a journal's area).
_APA_DATE = re.compile(r"\(\d{4}[a-z]?\)\.|(?<=\.\s)(?:1[5-9]|20)\d\d[a-z]?\.\s")
_ALNUM = re.compile(r"[^\W_]+")
_DIGIT = re.compile(r"\d")
#: A name's family of two letters or more: "P." alone is an initial or a locator's label.
_WORDLIKE = re.compile(r"[^\W\d_]{2}")
_PARTS = (("author", "editor"), ("issued",), ("container-title", "publisher", "publisher-place", "genre"),
          ("volume", "issue", "page"), ("URL", "DOI", "ISBN"))  # fmt: skip
#: The list's own words around the data ("and", "In:", "Retrieved from", "p." before "A65"):
#: kept in ``unmapped["list-words"]``, not in ``note``.
LIST_WORDS = frozenset(
    "and in of the from retrieved available at online url doi p pp s с т vol no ed eds edn "
    "editor editors edited by trans translated и в под ред пер сост доступно на режим доступа".split()
)
#: The words that led to a link the rules cut out, left dangling at a sentence's end.
_LEAD_IN = re.compile(
    r"\b(?:available\s+(?:at|from|online)|retrieved\s+from|accessed\s+from|url|доступно\s+на|"
    r"режим\s+доступа)\s*:?\s*(?:<\s*>)?\s*(?=[.,;]?\s*$|[.,;]\s)",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^\s*(?:\[\d{1,4}\]|\d{1,4}[.)])\s+")


@dataclass(slots=True)
class Reading:
    parsed: Parsed
    by: str  # "rules" or "model"
    doubts: list[tuple[str, float, str]] = field(default_factory=list)  # (CSL variable, confidence, text)
    confidence: dict[str, float] = field(default_factory=dict)  # CSL variable → the model's confidence


def read_reference(text: str, ctx: Context) -> Reading:
    """The reading of one reference, by the rules or the model (module docstring)."""
    cut = cut_parts(text, ctx.convention)
    rules = parse_reference(text, ctx, cut)
    if _gost(text) or legal_act(text) is not None or (cut.accessed_raw or "")[:1] in ("(", "["):
        return Reading(rules, "rules")
    left = rules.ref.unmapped.get("unparsed")
    # the rules' reading is whole: nothing left over but a locator or publisher given twice
    sure = rules.understood and bool(rules.ref.title) and (not left or left == ". ".join(rules.repeats))
    if sure and cut.language_note and "Russ." in cut.language_note:  # a Russian journal's "(In Russ.)"
        return Reading(rules, "rules")
    if sure and rules.repeats:  # "М.: Наука, 2019. СПб.: Питер, 2020.": a second one, reported
        return Reading(rules, "rules")
    model = _model(text, ctx, cut)
    return _pick(rules, model, sure and not _overreach(rules, model.parsed))


def _pick(rules: Parsed, model: Reading, sure: bool) -> Reading:
    """The rules' reading or the model's, given whether the rules' is whole (``sure``).

    Where the model sees no reference (``understood`` False), the rules' reading stands if it
    is whole; where the rules see none either, theirs stands (their title, the string's first
    sentence, is reported) unless the model found names and a year ("Philip Norton (ed.),
    Legislatures (Oxford: Oxford University Press, 1990).") or names and no title (a list's
    broken line "Hüper, K., Kleinsteuber, M., Silva Leite, F." is names, not a title): its
    reading is kept and still reported. A name needs a family of two letters or more ("P." in
    "P. 0-1. P. 1-2." is a label, "T. Y." in "TY  - JOUR" a RIS tag). A title with one part
    more ("Law Commission: Title. (2009).") is a reference
    where the rules read a whole one with no more parts, and the two readings are compared
    (the rules' "The sanctions" in "Book", 2019, stands against the model's one title "The
    sanctions. Book" and its year). A partial rules
    reading ("Title; Name, ed.; Publisher: Place, 1988; p 383." as one title) is not kept.
    """
    found = model.parsed
    if sure and not found.understood and found.ref.title and _parts(found.ref) >= max(1, _parts(rules.ref)):
        found.understood = True
    if not found.understood:
        if sure:
            return Reading(rules, "rules")
        if not (rules.understood or _dated_title(rules, found)):
            people = [*(found.ref.author or []), *(found.ref.editor or [])]
            named = any(_WORDLIKE.search(n.family or n.literal or "") for n in people)
            dated = _year(found.ref) is not None or not found.ref.title
            return model if named and dated else Reading(rules, "rules")
    if sure and (_swallowed(rules, found) or _agree(rules, found)):
        return Reading(rules, "rules")
    _keep_byline(rules, found)
    return model


def _model(text: str, ctx: Context, cut: Cut) -> Reading:
    body = _NUMBER.sub("", cut.text)
    if cut.url or cut.doi:  # "Available at: <>." where the link was cut: no field of the model's
        body = _LEAD_IN.sub(" ", body).strip()
    tokens = tokenize(body)
    labelled = labeller.label(tokens)
    got = assemble(body, tokens, labelled, lambda raw: read_date(raw, ctx.convention, "issued", cut))
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
    words: list[str] = []
    notes: list[str] = []
    for span in unplaced(text, ref):
        pieces = span.split()
        tail: list[str] = []
        while pieces and all(w.casefold() in LIST_WORDS for w in _ALNUM.findall(pieces[-1])):
            tail.insert(0, pieces.pop())  # "Supplement. p" before "A65": "p" is the list's
        words += tail
        if pieces:
            notes.append(" ".join(pieces).rstrip(".,;: "))
    if words:
        ref.unmapped["list-words"] = " ".join(words)
    if notes:
        ref.note = "; ".join([*([ref.note] if ref.note else []), *notes])
    doubts = [
        (_FIELDS[label], conf, got.texts.get(label, ""))
        for label, conf in got.confidence.items()
        if label in _FIELDS and conf < DOUBT
    ]
    # a reference has a title and at least two other parts (names, date, container, …); with
    # fewer the model saw no reference either, and the rules' reading (and RM002) stands
    parsed = Parsed(
        ref, unread=cut.unread, understood=bool(ref.title or ref.container_title) and _parts(ref) >= 2
    )
    confidence = {_FIELDS[label]: conf for label, conf in got.confidence.items() if label in _FIELDS}
    return Reading(parsed, "model", doubts, confidence)


def _parts(ref: Reference) -> int:
    """How many of a reference's parts (names, date, container or publisher or place,
    locators, identifiers) it has."""
    return sum(1 for group in _PARTS if any(ref.get(v) for v in group))


def _agree(rules: Parsed, model: Parsed) -> bool:
    """Whether the two readings agree on the authors, title, container, year and locators."""
    a, b = rules.ref, model.ref
    for var in ("title", "container_title", "volume", "issue", "page", "publisher"):
        if _ALNUM.findall(str(getattr(a, var) or "").casefold()) != _ALNUM.findall(
            str(getattr(b, var) or "").casefold()
        ):
            return False
    return len(a.author or []) == len(b.author or []) and _year(a) == _year(b)


def _dated_title(rules: Parsed, model: Parsed) -> bool:
    """Whether the model found a title and the year inside the rules' title ("Anon., 1996.
    FLEXChip Signal Processor. Motorola." read whole by the rules)."""
    year = _year(model.ref)
    return bool(model.ref.title and year is not None and str(year) in (rules.ref.title or ""))


def _overreach(rules: Parsed, model: Parsed) -> bool:
    """Whether the rules' title holds the year and a locator the model read as fields
    (chemistry's "F. Sowa, \\TUB{}, 1991, 12, 58–63." has no title: the rules' is the rest)."""
    title, ref = rules.ref.title or "", model.ref
    year = _year(ref)
    if year is None or str(year) not in title:
        return False
    return any(value and str(value) in title for value in (ref.volume, ref.page, ref.issue))


def _swallowed(rules: Parsed, model: Parsed) -> bool:
    """Whether the model read the rules' title as part of a name ("Smith J. Title." as one
    person): no title of its own, and the rules' title among its names."""
    if model.ref.title is not None or not rules.ref.title:
        return False
    names = " ".join(" ".join(filter(None, (n.family, n.given, n.literal))) for n in model.ref.author or [])
    return rules.ref.title.casefold() in names.casefold()


def _gost(text: str) -> bool:
    """Whether GOST's own structure shows (``_GOST``, or " : " in Cyrillic text): the rules
    read it alone. A Cyrillic reference whose only sign of GOST is its place ("М.: Наука,
    1996") is read by both: the rules' reading stands where it is whole and the model agrees
    (Vancouver's "М.: Гнозис; 1995", Springer's "Аспект Пресс, М., сс 326–342" are not GOST)."""
    if _GOST.search(text):
        return True
    return has_cyrillic(text) and " : " in text and not _APA_DATE.search(text)


def _keep_byline(rules: Parsed, model: Parsed) -> None:
    """The rules' byline where the model moved the border between names and title ("Yu. A.
    Kim, Zh. Park. Title." read as one author and the title "Zh. Park. Title"; "Park Zh.
    North Korea's Economy" as the name "North Park Zh."): the rules read names only in their
    strict forms ("Surname I.", "I. Surname"), so where they found one they are right."""
    a, b = rules.ref, model.ref
    if not (a.author and a.title and b.title) or a.title == b.title:
        return
    if a.title.endswith(b.title) and _DIGIT.search(a.title[: -len(b.title)]):
        return  # "(1970) Title": the rules' title kept a date the model read as one
    longer = len(a.author) > len(b.author or []) and b.title.endswith(a.title)
    if longer or (len(a.author) == len(b.author or []) and a.title.endswith(b.title)):
        b.author, b.title = a.author, a.title


def _year(ref: Reference) -> object:
    return ref.issued.date_parts[0][0] if ref.issued and ref.issued.date_parts else None
