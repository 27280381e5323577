"""RM22x language: a Cyrillic title without a language, a language that contradicts the text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostics import FixSafety, Severity
from ...model import Reference
from .common import script
from .registry import Context, Finding, make_fix, rule

#: Languages written in Cyrillic (ISO 639-1); Serbian is written in both scripts.
CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "mk", "kk", "ky", "tg", "mn", "ba", "tt", "cv"})
BOTH_SCRIPTS = frozenset({"sr", "sh", "az", "uz"})
#: Letters that only some Cyrillic languages use: they tell the language apart safely.
_DISTINCT = (("uk", "їєґ"), ("be", "ў"), ("kk", "әғқңөұүһ"), ("sr", "ђћџљњј"))
_RUSSIAN_ONLY = re.compile(r"[ыэъё]", re.IGNORECASE)
#: Language notes as lists write them, and the language they name.
NOTES = {
    "ru": re.compile(r"\b(?:in russian|in russ\.)|на русском", re.IGNORECASE),
    "en": re.compile(r"\bin english\b|на английском", re.IGNORECASE),
}
_ENGLISH = frozenset(
    "the of and to in on for is are was were be has have with from by at as will an a us after every "
    "not don't does do why how what about between against its this that new".split()
)


def guess_cyrillic(text: str) -> tuple[str, bool]:
    """(language, sure): the Cyrillic language the letters of ``text`` prove, else ("ru", False)."""
    lower = text.lower()
    for code, letters in _DISTINCT:
        if any(ch in lower for ch in letters):
            return code, not _RUSSIAN_ONLY.search(lower)
    if "і" in lower:
        return "uk", False
    return "ru", bool(_RUSSIAN_ONLY.search(lower))


def english_words(text: str) -> int:
    return sum(1 for w in re.findall(r"[A-Za-z]+", text) if w.lower() in _ENGLISH)


def noted_languages(ref: Reference) -> set[str]:
    """Languages a note such as "(in Russian)" attributes to the source."""
    texts = [ref.note or "", *(str(v) for v in ref.unmapped.values() if isinstance(v, str))]
    return {code for code, pattern in NOTES.items() if any(pattern.search(t) for t in texts)}


@rule("RM221", "missing-language", Severity.INFO, fix=FixSafety.SAFE)
def missing_language(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A Cyrillic title without a `language`.

    What it checks:
        Records whose title is in Cyrillic and that have no `language`.
    Why it matters:
        Styles choose terms, quotes, hyphenation and sorting by it: a GOST list prints "Т." and
        "С." for Russian items, biblatex needs `langid` for hyphenation, and CSL processors
        title-case English items only.
    Example:
        {"title": "Развитие отношений"} fires (fix: "ru", proved by "ы"/"э"/"ъ"/"ё" and
        nothing Ukrainian or Belarusian); {"title": "Кит"} fires with an unsafe fix.
    Fix safety:
        Safe when the letters prove the language (ї, є, ґ for Ukrainian, ў for Belarusian,
        ы, э, ъ, ё for Russian); otherwise the guess "ru" is unsafe.
    """
    if ref.language or not ref.title or script(ref.title) != "cyrillic":
        return
    code, sure = guess_cyrillic(ref.title)
    yield Finding(ref, "language", "a Cyrillic title but no language",
                  make_fix("language", None, code, f"language set to {code!r}", safe=sure))  # fmt: skip


@rule("RM222", "language-mismatch", Severity.WARNING)
def language_mismatch(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A `language`, or a language note, that the text of the title contradicts.

    What it checks:
        A title in Cyrillic with a Latin-script `language` (en, de, fr…); a note such as
        "(in English)" beside a Cyrillic title; a note that names another language than
        `language` ("(in Russian)" with language "en").
    Why it matters:
        The language drives the terms and sorting of the output; a wrong one prints
        "Vol." and "P." in a Russian record, or sorts it with the Latin entries.
    Example:
        {"title": "Развитие", "language": "en"} fires; {"title": "Развитие", "language":
        "ru"} does not.
    Fix safety:
        No fix: which of the two is wrong needs a look at the source.
    """
    title = ref.title or ""
    lang = (ref.language or "").lower()[:2]
    kind = script(title) if title else None
    notes = noted_languages(ref)
    if kind == "cyrillic" and lang and lang not in CYRILLIC_LANGUAGES | BOTH_SCRIPTS:
        yield Finding(ref, "language", f"language {ref.language!r} but the title is in Cyrillic")
    elif kind == "cyrillic" and "en" in notes:
        yield Finding(ref, "note", "a note says the source is in English but the title is in Cyrillic")
    elif lang and notes and lang not in notes:
        said = ", ".join(sorted(notes))
        yield Finding(ref, "language", f"language {ref.language!r} but a note says {said!r}")
