"""RM6xx GOST: what GOST R 7.0.100-2018 asks of the data itself (the style does the rest)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostics import FixSafety, Severity
from ...model import Reference
from .common import number_of, script, text_fields
from .language import CYRILLIC_LANGUAGES, english_words, noted_languages
from .registry import Context, Finding, make_fix, rule

_GMD = re.compile(r"\s*[:.]?\s*\[(?:Электронный ресурс|Electronic resource)\]", re.IGNORECASE)
#: Prescribed text that a style prints; found in data it was pasted from a formatted record.
_PRESCRIBED = (
    ("URL:", re.compile(r"\bURL\s*:", re.IGNORECASE)),
    ("Режим доступа", re.compile(r"Режим доступа", re.IGNORECASE)),
    ("дата обращения", re.compile(r"дата обращения", re.IGNORECASE)),
    ("accessed:", re.compile(r"\(accessed\s*:?", re.IGNORECASE)),
    ("Текст : электронный", re.compile(r"Текст\s*:\s*(?:электронный|непосредственный)", re.IGNORECASE)),
    ("[сайт]", re.compile(r"\[(?:сайт|site)\]", re.IGNORECASE)),
    ("//", re.compile(r"\s//\s")),
)
_TRANSLIT = re.compile(r"(?:zh|kh|shch|iia|iya|aya|ogo|ykh|skii|skiy)\b|\b\w+(?:ov|ev|ovo|ogo)\b", re.I)
_SITE_SUFFIX = re.compile(r"\s*:\s*\[(?:сайт|site)\]\s*$", re.IGNORECASE)


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 5] → "[1]–[3], [5]"."""
    out, i = [], 0
    while i < len(numbers):
        j = i
        while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
            j += 1
        out.append(f"[{numbers[i]}]" if i == j else f"[{numbers[i]}]–[{numbers[j]}]")
        i = j + 1
    return ", ".join(out)


def _translated(ref: Reference) -> str | None:
    """How a Latin-script title renders a Cyrillic-language source, or None if it does not."""
    title = ref.title or ""
    lang = (ref.language or "").lower()[:2]
    if not title or script(title) != "latin":
        return None
    if lang not in CYRILLIC_LANGUAGES and "ru" not in noted_languages(ref):
        return None
    words = title.split()
    if len(words) >= 3 and english_words(title) >= 1:
        return "English translations"
    if len(words) >= 3 and _TRANSLIT.search(title):
        return "transliterations"
    return None  # a name ("RasonConTrans") or a single word: nothing to tell


@rule("RM601", "translated-title", Severity.INFO, scope="list")
def translated_title(refs: list[Reference], ctx: Context) -> Iterator[Finding]:
    """Sources in Russian (or another Cyrillic language) recorded under Latin-script titles.

    What it checks:
        Records whose `language` (or a note such as "(in Russian)") is a Cyrillic-script
        language while the title is an English sentence or a transliteration. One finding
        for the list, naming the records (a list is usually translated as a whole).
    Why it matters:
        GOST R 7.0.100-2018 transcribes data in the language of the source: the record of a
        Russian news item gives its Russian title. Translated titles marked "(in Russian)"
        belong to English-language reference lists (Scopus style); they cannot be found in
        Russian catalogues or on the site itself.
    Example:
        {"title": "Russian coal will follow the path of Juche", "language": "ru"} fires;
        {"title": "Российский уголь пойдет путем чучхе", "language": "ru"} and a site named
        "RasonConTrans" do not.
    Fix safety:
        No fix: the original titles must come from the sources.
    """
    kinds: dict[str, list[Reference]] = {}
    for ref in refs:
        kind = _translated(ref)
        if kind:
            kinds.setdefault(kind, []).append(ref)
    for kind, found in kinds.items():
        numbers = [n for n in (number_of(r) for r in found) if n is not None]
        who = _ranges(numbers) if len(numbers) == len(found) else ", ".join(str(r.id) for r in found)
        first = found[0].origin.line if found[0].origin else None
        yield Finding(None, "title", f"{len(found)} titles of Russian sources are {kind} ({who}); "
                      "GOST gives each title in the language of the source", line=first)  # fmt: skip


@rule("RM602", "obsolete-material-designation", Severity.WARNING, fix=FixSafety.SAFE)
def obsolete_gmd(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """The general material designation "[Электронный ресурс]" stored in a field.

    What it checks:
        Prose fields for the general material designation "[Электронный ресурс]" /
        "[Electronic resource]".
    Why it matters:
        GOST R 7.0.100-2018 abolished it ("Текст : электронный" replaces it), and GOST R
        7.0.5-2008 styles add it themselves: stored in a title it is printed twice or in the
        wrong standard.
    Example:
        "Заглавие [Электронный ресурс]" fires (fix: "Заглавие").
    Fix safety:
        Safe: the designation is a style's business, never part of the title.
    """
    for var, value in text_fields(ref):
        if _GMD.search(value):
            fixed = _GMD.sub("", value).strip()
            yield Finding(ref, var, f"{var} contains '[Электронный ресурс]'",
                          make_fix(var, value, fixed, f"{var}: removed '[Электронный ресурс]'"))  # fmt: skip


@rule("RM603", "prescribed-text-in-data", Severity.WARNING, fix=FixSafety.SAFE)
def prescribed_text(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """Words and signs a GOST style prints, pasted into a field ("URL:", "[сайт]", "//").

    What it checks:
        Prose fields for "URL:", "Режим доступа", "дата обращения", "(accessed",
        "Текст : электронный", "[сайт]" and the " // " before a container.
    Why it matters:
        They come from copying a formatted record into a field; the style prints them again,
        and the field no longer holds what its name says (a title, an outlet).
    Example:
        "container-title": "Коммерсантъ : [сайт]" fires (fix: "Коммерсантъ"); "Коммерсантъ"
        does not.
    Fix safety:
        Safe for a trailing " : [сайт]"; other pasted parts must be moved to their fields by
        hand.
    """
    for var, value in text_fields(ref):
        found = [label for label, pattern in _PRESCRIBED if pattern.search(value)]
        if not found:
            continue
        fix = None
        if found == ["[сайт]"] and _SITE_SUFFIX.search(value):
            fixed = _SITE_SUFFIX.sub("", value)
            fix = make_fix(var, value, fixed, f"{var}: removed ' : [сайт]'")
        yield Finding(ref, var, f"{var} contains text a style prints: {', '.join(found)}", fix)
