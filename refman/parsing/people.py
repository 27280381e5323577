"""A labelled name list → names: "Rachlin, H., Sommerbeck, L., & Frankel, M." (APA),
"Pérez-Higueras JJ, Arias A" (Vancouver), "S. E. Han, G. Chen" (IEEE), "Crichton, Michael"
(MLA, Chicago), "Иванов И. И., Петров П. П. и др." (GOST).

Judgment: Vancouver's run-together initials are written as GOST and APA write them ("JJ" →
"J. J."), so one person reads the same from every style; lower-case words before a family
name ("de la Macorra") are its non-dropping particle; a part with neither initials nor a
comma partner and more than three words, or an organisation word, is an institution
(``literal``). "et al." / "и др." set the flag the caller records.
"""

from __future__ import annotations

import re

from ..model import Name

_UP = "A-ZА-ЯЁÀ-ÖØ-ÞĀ-ſ"
_INITIAL = rf"(?:[{_UP}][a-zа-яё]?\.|[{_UP}]\b)"
INITIALS = re.compile(rf"^(?:{_INITIAL}[\s-]*){{1,4}}$")
VANCOUVER = re.compile(rf"^[{_UP}]{{1,3}}$")
_ET_AL = re.compile(r",?\s*(?:\[?\s*(?:et\.?\s+al\.?|и\s+др\.?|and\s+others)\s*\]?)", re.IGNORECASE)
_ROLE = re.compile(
    r"^\s*(?:in:?\s+|в\s+кн\.:?\s*|под\s+(?:общ\.\s+)?ред\.\s*|edited\s+by\s+|ed\.\s+by\s+|eds?\.\s+|"
    r"trans(?:lated|l)?\.?\s+(?:by\s+)?|пер\.\s+(?:с\s+\w+\.\s+)?|hrsg\.\s+v\.\s+)"
    r"|\s*[(\[]?\s*(?:eds?|editors?|ed|ред|пер|сост|trans|transl|hrsg|comp)\.?\s*[)\]]?[.,:;]*\s*$",
    re.IGNORECASE,
)
#: Role words inside a list (two segments joined): "(eds.), Edited by", "(Hrsg.)", "под ред.".
_ROLE_INSIDE = re.compile(
    r"\s*[(\[]\s*(?:eds?|editors?|ред|пер|сост|trans|transl|hrsg|comp)\.?\s*[)\]]\s*,?"
    r"|(?:,\s*|\s+)(?:edited|translated|compiled)\s+by\s+|(?:,\s*|\s+)под\s+(?:общ\.\s+)?ред\.\s*",
    re.IGNORECASE,
)
#: Words that open a family name ("De Renzi", "van der Waals", "DE LAMARCK").
_PARTICLES = frozenset("de da di du del della der den des la le van von ten ter dos das do".split())
_SPLIT = re.compile(r"\s*;\s*|\s+(?:and|&|и|und|et|y)\s+|,\s*(?:and|&|и)\s+|\s*&\s*", re.IGNORECASE)
_ORGANISATION = re.compile(
    r"\b(?:institute|university|council|committee|ministry|organi[sz]ation|association|society|"
    r"commission|office|department|agency|bank|group|center|centre|government|service|"
    r"министерство|институт|комитет|совет|служба|университет)\b",
    re.IGNORECASE,
)


def split_names(text: str) -> tuple[list[Name], bool]:
    """The names of a name list, and whether it ends with "et al." / "и др."."""
    text = " ".join(text.split())
    et_al = bool(_ET_AL.search(text))
    text = _ET_AL.sub("", text)
    text = _ROLE_INSIDE.sub(",", text)
    for _ in range(3):
        text = _ROLE.sub("", text)
    text = text.strip(" ,;:/()[]–—")
    last = text.split()[-1].rstrip(".") if text.split() else ""
    if len(last) >= 2 and not last.isupper():  # a sentence's period, not an initial's
        text = text.rstrip(".")
    if not text:
        return [], et_al
    if _ORGANISATION.search(text) and not re.search(_INITIAL, text.split()[0] + " "):
        return [Name(literal=text)], et_al
    parts: list[str] = []
    for chunk in _SPLIT.split(text):
        parts.extend(p.strip(" ,") for p in chunk.split(","))
    parts = [p for p in parts if p]
    names: list[Name] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        if family_like(part) and nxt is not None and (_given_like(nxt) or _capitals_then_given(part, nxt)):
            names.append(_person(part, nxt))
            i += 2
            continue
        names.append(_one(part))
        i += 1
    return names, et_al


def family_like(part: str) -> bool:
    """One word, or one after particles: "Crichton", "De Renzi", "DE LAMARCK", "van Gogh"."""
    words = part.split()
    return len(words) == 1 or all(w.casefold() in _PARTICLES for w in words[:-1])


def _capitals_then_given(family: str, given: str) -> bool:
    """ISO 690 writes family names in capitals: after "FLETCHER," the part "H. George" is the
    given name, not a person of its own."""
    return family.split()[-1].isupper() and len(family) > 1 and not given.isupper() and given[:1].isupper()


def _given_like(part: str) -> bool:
    """An APA/MLA given part after "Family,": initials, or first names that are not a
    complete name of their own ("W. E. Howard" is a name, "Michael" or "L. L." a given)."""
    words = part.split()
    if INITIALS.match(part + " "):
        return True
    if len(words) <= 2 and all(w[:1].isupper() for w in words) and not VANCOUVER.match(words[-1]):
        return not any(INITIALS.match(w + " ") for w in words[:-1]) or len(words) == 1
    return False


def _person(family: str, given: str) -> Name:
    particle, family = _particle(family.rstrip("."))
    return Name(family=family, given=_tidy_initials(given), non_dropping_particle=particle)


def _one(part: str) -> Name:
    words = part.split()
    if len(words) == 1:
        return Name(family=words[0].strip("."))
    if VANCOUVER.match(words[-1].rstrip(".")) and (not words[-1].endswith(".") or len(words[-1]) > 2):
        return _person(" ".join(words[:-1]), words[-1].rstrip("."))  # "Smith AB", "Peters OA."
    if VANCOUVER.match(words[-1]):  # "Smith A" / "Smith AB"
        return _person(" ".join(words[:-1]), " ".join(f"{c}." for c in words[-1]))
    lead = 0
    while lead < len(words) and INITIALS.match(words[lead] + " "):
        lead += 1
    if lead:  # "S. E. Han"
        return (
            _person(" ".join(words[lead:]), " ".join(words[:lead]))
            if lead < len(words)
            else Name(literal=part)
        )
    tail = len(words)
    while tail > 1 and INITIALS.match(words[tail - 1] + " "):
        tail -= 1
    if tail < len(words):  # "Иванов И. И."
        return _person(" ".join(words[:tail]), " ".join(words[tail:]))
    if len(words) > 3 or _ORGANISATION.search(part):
        return Name(literal=part.rstrip("."))
    given = words[:-1]
    lead = len(given)
    while lead > 1 and given[lead - 1] in _PARTICLES:  # "Theo van Gogh": lower-case particles
        lead -= 1
    return _person(" ".join([*given[lead:], words[-1]]), " ".join(given[:lead]))  # "Michael Crichton"


def _particle(family: str) -> tuple[str | None, str]:
    words = family.split()
    lead = 0
    while lead < len(words) - 1 and words[lead].islower():
        lead += 1
    return (" ".join(words[:lead]) or None), " ".join(words[lead:])


def _tidy_initials(given: str) -> str:
    given = given.strip(" ,;")
    if VANCOUVER.match(given):
        return " ".join(f"{c}." for c in given)
    return re.sub(r"\.(?=[^\s.-])", ". ", given)
