"""Personal names from free text: "Zainullin E.", "E. Zainullin", "Иванов И. И.",
"Иванов Иван Иванович", "Tadtaev, G.", with two-letter initials (Yu., Ya., Zh., Ch.) kept.

BibTeX's own name grammar (von, Jr, braces) belongs to the BibTeX reader; this module knows
only how people write names in reference lists.
"""

from __future__ import annotations

import re

from ..model import Name

_UP = "A-ZА-ЯЁÀ-ÖØ-ÞĀ-ſ"
_LO = "a-zа-яёß-öø-ÿĀ-ſ"
#: One initial: a capital, optionally a second lower-case letter for digraphs (Yu, Zh, Ch, Sh,
#: Ya, Ts, Kh; Cyrillic ones too), and a period or not; hyphenated ("Zh.-Zh.").
INITIAL = rf"[{_UP}][{_LO}]?\.?"
_INITIALS = rf"{INITIAL}(?:[\s\u00a0]*-?[\s\u00a0]*{INITIAL}){{0,2}}"
_SURNAME = rf"[{_UP}][{_LO}'’]+(?:-[{_UP}][{_LO}'’]+)?"
_DIGRAPHS = {"Yu", "Ya", "Ye", "Yo", "Zh", "Ch", "Sh", "Ts", "Kh", "Th", "Ph", "Sz", "Cz"}

SURNAME_INITIALS = re.compile(rf"^(?P<family>{_SURNAME}),?[\s\u00a0]+(?P<given>{_INITIALS})$")
INITIALS_SURNAME = re.compile(rf"^(?P<given>{_INITIALS})[\s\u00a0]*(?P<family>{_SURNAME})$")
_FULL_RU = re.compile(
    r"^(?P<family>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s+(?P<given>[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:вич|вна|ична|инична|ич|оглы|кызы))$"
)
_FAMILY_COMMA_GIVEN = re.compile(rf"^(?P<family>[^,]+),\s*(?P<given>[{_UP}][^,]*)$")


def normalize_initials(given: str) -> str:
    """ "E" → "E.", "I.I." → "I. I.", "Yu" → "Yu.": spaced, each with its period."""
    parts = re.findall(rf"[{_UP}][{_LO}]*\.?|-", given)
    out: list[str] = []
    for part in parts:
        if part == "-":
            out.append("-")
            continue
        word = part.rstrip(".")
        is_initial = len(word) == 1 or (len(word) == 2 and (word in _DIGRAPHS or _cyrillic_digraph(word)))
        out.append(word + "." if is_initial else word)
    text = " ".join(out)
    return text.replace(" - ", "-")


def _cyrillic_digraph(word: str) -> bool:
    return word[:1] in "ДЮЯЁЖЧШЩ" and word[1:] in {"ж", "х", "ш", "ц"} if len(word) == 2 else False


def parse_person(text: str) -> Name | None:
    """A personal name in one of the forms lists use, or None if ``text`` is not one."""
    text = re.sub(r"\s+", " ", text.strip().rstrip(","))
    if not text:
        return None
    match = SURNAME_INITIALS.match(text)
    if match:
        return Name(family=match["family"], given=normalize_initials(match["given"]))
    match = INITIALS_SURNAME.match(text)
    if match:
        return Name(family=match["family"], given=normalize_initials(match["given"]))
    match = _FULL_RU.match(text)
    if match:
        return Name(family=match["family"], given=match["given"])
    match = _FAMILY_COMMA_GIVEN.match(text)
    if match and len(match["family"].split()) <= 3:
        return Name(family=match["family"].strip(), given=match["given"].strip())
    return None


def initials_of(given: str | None) -> str:
    """Initials of a given name, two letters kept for digraphs: "Yuri Ivanovich" → "Yu. I."."""
    if not given:
        return ""
    out = []
    for word in re.split(r"[\s\u00a0]+", given.strip()):
        if not word:
            continue
        pieces = word.split("-")
        initials = []
        for piece in pieces:
            letters = piece.rstrip(".")
            if not letters:
                continue
            head = letters[:2] if letters[:2] in _DIGRAPHS or _cyrillic_digraph(letters[:2]) else letters[0]
            initials.append(head + ".")
        out.append("-".join(initials))
    return " ".join(out)
