"""BibTeX name lists: the BibTeX grammar (First von Last, von Last, Jr, First), braces, and
Russian surname-first names, read into CSL names and written back.

The BibTeX rules (Patashnik, "BibTeXing", §4; Markey, "Tame the BeaST", §11): names are
separated by ``and`` at brace depth 0; a word whose first letter is lower-case is a "von"
word; a braced group is one unbreakable word (``{Delgado de Molina}``); ``and others`` ends a
truncated list. Where plain BibTeX gets Russian names wrong we deliberately do not follow it:
"Иванов Иван Иванович" (surname, given name, patronymic) and "Иванов И. И." (surname, then
initials) have the surname first, while BibTeX would take the last word as the surname.
"""

from __future__ import annotations

import re

from ..model import Name
from .latex import escape, to_unicode

_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_PATRONYMIC = re.compile(r"(?:вич|вна|ична|инична|ич|оглы|кызы|улы)$")
#: Initials: "I.", "Yu.", "I.I.", "Zh.-P.", or a lone capital "I"; never a bare "Li" or "Na".
_INITIAL = re.compile(r"^(?:[A-ZА-ЯЁ](?:[a-zа-яё]?\.|(?=-|$))-?)+$")
_CYRILLIC_WORD = re.compile(r"^[А-ЯЁа-яё][А-ЯЁа-яё'’-]*$")
OTHERS = "others"


def split_names(value: str) -> list[str]:
    """The names in a raw (LaTeX) name list, split on ``and`` at brace depth 0."""
    if " and " not in value.lower() and "\n" not in value and "\t" not in value:
        return [value.strip()] if value.strip() else []
    out: list[str] = []
    if "{" not in value:
        return [name.strip() for name in _AND.split(value) if name.strip()]
    protected = [depth > 0 for depth in _depths(value)]  # inside braces "and" does not split
    start = 0
    for match in _AND.finditer(value):
        if not protected[match.start()]:
            out.append(value[start : match.start()].strip())
            start = match.end()
    out.append(value[start:].strip())
    return [name for name in out if name]


def _depths(text: str) -> list[int]:
    """The brace depth at each character; escaped braces (``\\{``) do not count."""
    out: list[int] = []
    depth = 0
    escaped = False
    for ch in text:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(depth - 1, 0)
        out.append(depth)
    return out


def _words(text: str) -> list[str]:
    """Words at brace depth 0, split on spaces (and on a ``~`` or a hyphen's neighbour spaces)."""
    if "{" not in text:
        return text.replace("~", " ").split()
    words: list[str] = []
    current: list[str] = []
    for ch, depth in zip(text, _depths(text), strict=True):
        if depth == 0 and (ch.isspace() or ch == "~"):
            if current:
                words.append("".join(current))
                current = []
            continue
        current.append(ch)
    if current:
        words.append("".join(current))
    return words


def _split_commas(text: str) -> list[str]:
    if "{" not in text:
        return [part.strip() for part in text.split(",")]
    parts: list[str] = []
    start = 0
    for index, (ch, depth) in enumerate(zip(text, _depths(text), strict=True)):
        if ch == "," and depth == 0:
            parts.append(text[start:index].strip())
            start = index + 1
    parts.append(text[start:].strip())
    return parts


def _is_von(word: str) -> bool:
    """BibTeX's test: the first letter at brace depth 0 (or of a special character) is lower case."""
    depth = 0
    index = 0
    while index < len(word):
        ch = word[index]
        if ch == "{":
            if depth == 0 and word[index + 1 : index + 2] == "\\":  # a special character
                letters = to_unicode(word[index:])
                return bool(letters) and letters[0].islower()
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0 and ch.isalpha():
            return ch.islower()
        elif depth == 0 and ch == "\\":
            decoded = to_unicode(word[index:])
            return bool(decoded) and decoded[0].isalpha() and decoded[0].islower()
        index += 1
    return False


def _text(words: list[str]) -> str | None:
    joined = to_unicode(" ".join(words))
    return joined or None


def _russian_surname_first(words: list[str]) -> Name | None:
    """ "Иванов Иван Иванович", "Иванов И. И.", "Ivanov I. I.": the surname comes first."""
    if len(words) < 2:
        return None
    decoded = [to_unicode(w) for w in words]
    if all(_INITIAL.match(w) for w in decoded[1:]) and not _INITIAL.match(decoded[0]):
        return Name(family=decoded[0], given=" ".join(decoded[1:]))
    if (
        len(decoded) == 3
        and all(_CYRILLIC_WORD.match(w) and w[0].isupper() for w in decoded)
        and _PATRONYMIC.search(decoded[2])
    ):
        return Name(family=decoded[0], given=" ".join(decoded[1:]))
    return None


def parse_name(raw: str) -> Name:
    """One BibTeX name (raw LaTeX) as a CSL name."""
    raw = raw.strip()
    if raw.startswith("{") and raw.endswith("}") and _words(raw) == [raw] and "," not in _unbraced(raw):
        return Name(literal=to_unicode(raw))  # "{World Health Organization}": an institution
    parts = _split_commas(raw)
    if len(parts) == 1:
        words = _words(parts[0])
        surname_first = _russian_surname_first(words)
        if surname_first is not None:
            return surname_first
        if len(words) == 1:
            return Name(family=to_unicode(words[0]))
        # First von Last: von starts at the first lower-case word that is not the last word.
        von_start = next((i for i, w in enumerate(words[:-1]) if _is_von(w)), None)
        if von_start is None:
            return Name(family=_text(words[-1:]), given=_text(words[:-1]))
        von_end = max(i for i, w in enumerate(words[:-1]) if _is_von(w)) + 1
        return Name(
            given=_text(words[:von_start]),
            non_dropping_particle=_text(words[von_start:von_end]),
            family=_text(words[von_end:]),
        )
    last_part = _words(parts[0])
    suffix = _text(_words(parts[1])) if len(parts) >= 3 else None
    given = _text(_words(parts[-1] if len(parts) >= 3 else parts[1]))
    von_words = [w for w in last_part[:-1] if _is_von(w)]
    von_end = 0
    if von_words:
        von_end = max(i for i, w in enumerate(last_part[:-1]) if _is_von(w)) + 1
    if len(parts) > 3:  # "Last, Jr, First, extra": keep the extra with the given name
        given = _text(_words(", ".join(parts[2:])))
    return Name(
        family=_text(last_part[von_end:]) or _text(last_part),
        given=given,
        non_dropping_particle=_text(last_part[:von_end]),
        suffix=suffix,
    )


def _unbraced(text: str) -> str:
    return "".join(ch for ch, depth in zip(text, _depths(text), strict=True) if depth == 0 and ch not in "{}")


def parse_names(raw: str) -> tuple[list[Name], bool]:
    """A raw name list as CSL names, and whether it ended in ``and others``."""
    names = split_names(raw)
    others = bool(names) and names[-1].strip().lower() == OTHERS
    if others:
        names = names[:-1]
    return [parse_name(n) for n in names], others


# ---------------------------------------------------------------- writing


def _protect(part: str) -> str:
    """A family name that BibTeX would split (spaces, commas, a lower-case start, a tie kept
    verbatim in math) in braces."""
    text = escape(part)
    if " " in part or "," in part or "~" in text or (part[:1].islower()) or _AND.search(f" {part} "):
        return "{" + text + "}"
    return text


def format_name(name: Name) -> str:
    """A CSL name in BibTeX's "von Last, Jr, First" form, which every reader parses alike."""
    if name.family is None:
        literal = name.literal or name.given or ""
        return "{" + escape(literal) + "}"
    family = _protect(name.family)
    particle = " ".join(p for p in (name.dropping_particle, name.non_dropping_particle) if p)
    head = f"{escape(particle)} {family}" if particle else family
    given = name.given or ""
    text = escape(given)
    # a "~" left in the escaped text is LaTeX kept verbatim (math): unbraced, BibTeX and our
    # reader would take it for a tie between two words
    needs_braces = "," in given or "~" in text or _AND.search(f" {given} ")
    given = "{" + text + "}" if needs_braces else text
    if name.suffix:
        return f"{head}, {escape(name.suffix)}, {given}"
    return f"{head}, {given}" if given else head


def format_names(names: list[Name], others: bool = False) -> str:
    text = " and ".join(format_name(n) for n in names)
    return f"{text} and {OTHERS}" if others else text
