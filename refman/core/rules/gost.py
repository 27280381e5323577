"""RM6xx GOST: what GOST R 7.0.100-2018 asks of the data itself (the style does the rest)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostics import FixSafety, Severity
from ...model import Reference
from .common import script, text_fields
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


@rule("RM601", "translated-title", Severity.INFO)
def translated_title(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A source in Russian (or another Cyrillic language) recorded under a Latin-script title.

    What it checks:
        Records whose `language` (or a note such as "(in Russian)") is a Cyrillic-script
        language while the title is in Latin script: an English translation, or a
        transliteration, of the original title.
    Why it matters:
        GOST R 7.0.100-2018 transcribes data in the language of the source: the record of a
        Russian news item gives its Russian title. Translated titles ("(in Russian)") belong
        to English-language reference lists (Scopus style), and cannot be found in Russian
        catalogues or on the site itself.
    Example:
        {"title": "Russian coal will follow the path of Juche", "language": "ru"} fires;
        {"title": "Российский уголь пойдет путем чучхе", "language": "ru"} does not.
    Fix safety:
        No fix: the original title must come from the source.
    """
    title = ref.title or ""
    lang = (ref.language or "").lower()[:2]
    if not title or script(title) != "latin":
        return
    if lang not in CYRILLIC_LANGUAGES and not noted_languages(ref) & {"ru"}:
        return
    if english_words(title) >= 2:
        what = "an English translation"
    elif _TRANSLIT.search(title):
        what = "a transliteration"
    else:
        what = "in Latin script"
    yield Finding(ref, "title", f"the source is in Russian ({lang or 'noted'}) but the title is {what}; "
                  "GOST gives the original title")  # fmt: skip


@rule("RM602", "obsolete-material-designation", Severity.WARNING, fix=FixSafety.SAFE)
def obsolete_gmd(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """"[Электронный ресурс]" stored in a field.

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
