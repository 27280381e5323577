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
#: A family name: "Иванов", "Salamanca-Gómez", and one inner capital after a short prefix
#: ("O'Brien", "McDonell", "MacKenzie", "DiCaprio").
_SURNAME = rf"[{_UP}](?:[{_LO}]{{0,2}}['’]?[{_UP}])?[{_LO}'’]+(?:-[{_UP}][{_LO}'’]+)?"
_DIGRAPHS = {"Yu", "Ya", "Ye", "Yo", "Zh", "Ch", "Sh", "Ts", "Kh", "Th", "Ph", "Sz", "Cz"}

SURNAME_INITIALS = re.compile(rf"^(?P<family>{_SURNAME}),?[\s\u00a0]+(?P<given>{_INITIALS})$")
#: "И.И. Иванов", "И.И.Иванов"; an initial without its period needs a space ("B. McGuire" is
#: not "B. Mc" "Guire").
INITIALS_SURNAME = re.compile(
    rf"^(?P<given>{_INITIALS})(?:(?<=\.)[\s\u00a0]*|[\s\u00a0]+)(?P<family>{_SURNAME})$"
)
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


# A byline in running text: periods after initials are required (else "Заглавие" would pass
# for an initial "За"), and two-letter initials must be real digraphs (Yu., Zh., Дж.).
_CYR_DIGRAPH = "(?:Дж|Юр)"
_LATIN_DIGRAPH = "(?:" + "|".join(sorted(_DIGRAPHS)) + ")"
_RUN_INITIAL = rf"(?:{_LATIN_DIGRAPH}|{_CYR_DIGRAPH}|[{_UP}])\."
_RUN_INITIALS = rf"{_RUN_INITIAL}(?:[\s\u00a0]?-?[\s\u00a0]?{_RUN_INITIAL}){{0,2}}"
_RUN_SURNAME = rf"(?:Mc|Mac|O['’]|D['’])?{_SURNAME}"
_BYLINE_NAME = re.compile(
    rf"(?:(?P<f1>{_RUN_SURNAME}),?[\s\u00a0](?P<g1>{_RUN_INITIALS})"
    rf"|(?P<g2>{_RUN_INITIALS})[\s\u00a0]?(?P<f2>{_RUN_SURNAME})(?!\w))"
)
_NAME_SEPARATOR = re.compile(r"(?:,[\s\u00a0]*|[\s\u00a0]+(?:and|и|&)[\s\u00a0]+)")
_ET_AL = re.compile(r",?[\s\u00a0]*(?:\[\s*)?(?:et[\s\u00a0]+al\.|и[\s\u00a0]+др\.)(?:\s*\])?")


def split_byline(text: str) -> tuple[list[Name], str, bool]:
    """The authors a reference opens with, the rest of it, and whether "et al." cut the list.

    "Zainullin E. Russian coal …" → ([Zainullin, E.], "Russian coal …", False). Only names in
    the forms lists use for a byline count ("Surname I. I.", "I. I. Surname"), so a person named
    inside a title ("Zakharova: Russia expects …", "Georgy Zinoviev: …") is not taken."""
    names: list[Name] = []
    pos = 0
    while True:
        match = _BYLINE_NAME.match(text, pos)
        if match is None:
            break
        family, given = match["f1"] or match["f2"], match["g1"] or match["g2"]
        names.append(Name(family=family, given=normalize_initials(given)))
        pos = match.end()
        sep = _NAME_SEPARATOR.match(text, pos)
        if sep is None or _BYLINE_NAME.match(text, sep.end()) is None:
            break
        pos = sep.end()
    if not names:
        return [], text, False
    et_al = _ET_AL.match(text, pos)
    if et_al is not None:
        pos = et_al.end()
    rest = text[pos:]
    if rest and not rest[0].isspace() and rest[0] not in ",:;.":
        return [], text, False  # the "name" runs into a word: not a byline
    rest = rest.lstrip(" ,:;.\u00a0")
    if not rest:
        return [], text, False  # nothing but names: a title that looks like one, not a byline
    return names, rest, et_al is not None


def parse_name_list(text: str) -> tuple[list[Name], bool]:
    """Names of a responsibility statement ("И. И. Иванов, П. П. Петров [и др.]"), and
    whether it was cut with "et al."; an empty list when any part is not a person's name."""
    et_al = _ET_AL.search(text)
    if et_al is not None:
        text = text[: et_al.start()] + text[et_al.end() :]
    parts = [p for p in _NAME_SEPARATOR.split(text.strip().rstrip(".")) if p.strip()]
    names = [parse_person(p) for p in parts]
    if not names or any(n is None for n in names):
        return [], False
    return [n for n in names if n is not None], et_al is not None
