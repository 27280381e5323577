"""A Reference as the CSL-JSON citeproc-py should see, with the gaps of citeproc-py closed.

What this fixes before rendering, and why:
- ids: citeproc-py lower-cases them, so entries get internal keys and refman maps back;
- dates: citeproc-py drops ``raw`` dates, so every date goes over as the parts refman read
  (``DateValue.parts``), or as a literal when no parts are known;
- GOST headings: CSL cannot count names, so with four or more authors a GOST style gets the
  names as ``contributor`` and the record starts with the title (GOST R 7.0.100-2018 4.1);
- initials: a romanised Russian given name gives two-letter initials ("Yuri" → "Yu.");
- quotes: straight double quotes in titles become the typographic ones of the entry's
  language (« » for Russian, “ ” otherwise), apostrophes become ’;
- an event already named in the title is not repeated as other title information;
- a whole website (type webpage, genre "website", no container) keeps its genre as the
  style's signal for "[сайт]"; any other genre of a page without a site is dropped from
  the rendered copy, so that it is not mistaken for one.
"""

from __future__ import annotations

import re
from typing import Any

from ...model import DATE_VARIABLES, NAME_VARIABLES, DateValue, Name, Reference
from ...parse.dates import parse_date
from ...parse.identifiers import bare_doi
from ...parse.text import has_cyrillic
from . import gost_items, gost_kinds

#: Languages refman knows terms for; any other entry language falls back to the list's.
#: Genres that mean "the whole website" (docs/GOST.md rule 10).
WEBSITE_GENRES = frozenset({"website", "web site", "site", "сайт", "веб-сайт", "homepage"})
#: Romanised Russian digraphs that make a two-letter initial (docs/GOST.md rule 3).
_DIGRAPH = re.compile(r"^(Shch|Yu|Ya|Yo|Ye|Zh|Kh|Ts|Ch|Sh)(?=[a-z])")
_TITLE_VARS = ("title", "container-title", "collection-title", "event", "note")
_QUOTED = re.compile(r'"([^"\n]+)"')
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "sr", "mk"})
#: BibLaTeX's language names (``langid``, ``language``) as codes.
_LANGUAGE_NAMES = {"russian": "ru", "english": "en", "american": "en", "british": "en", "german": "de",
                   "ngerman": "de", "french": "fr", "ukrainian": "uk", "italian": "it", "spanish": "es",
                   "latin": "la", "polish": "pl", "czech": "cs", "greek": "el", "dutch": "nl"}  # fmt: skip


def entry_language(ref: Reference, default: str) -> str:
    """The entry's language as a two-letter code ("ru-RU" → "ru").

    With no language given, the script of its title decides: Cyrillic → "ru", Latin → "en"
    (a GOST list gives a foreign entry "P.", "Vol." rather than "С.", "Т."); the list's
    language when the title tells nothing.
    """
    code = (ref.language or "").strip().lower().replace("_", "-").split("-")[0]
    code = _LANGUAGE_NAMES.get(code, code)
    text = " ".join(filter(None, (ref.title, ref.container_title)))
    if re.fullmatch(r"[a-z]{2,3}", code) and code not in _CYRILLIC_LANGUAGES:
        return code
    if code in _CYRILLIC_LANGUAGES and (has_cyrillic(text) or not _LATIN_LETTER.search(text)):
        return code
    # none given, or a Cyrillic-script language given for a text in Latin letters (seed ref 23:
    # an English decree marked "in Russian"): the text's own script decides (docs/GOST.md rule 9)
    if has_cyrillic(text):
        return "ru"
    if _LATIN_LETTER.search(text):
        return "en"
    return default


def prepare(ref: Reference, key: str, language: str, gost: bool) -> dict[str, Any]:
    """The item for citeproc-py: our key, our dates, and the GOST adjustments above."""
    data = ref.to_csl()
    data.pop("custom", None)
    if "event-title" in data:  # CSL 1.0.2's name; citeproc-py and our styles know "event"
        data.setdefault("event", data["event-title"])
        data.pop("event-title")
    data["id"] = key
    data["language"] = language
    for var in DATE_VARIABLES.intersection(data):
        date = _date(ref.get(var))
        if date is None:
            data.pop(var)
        else:
            data[var] = date
    for var in NAME_VARIABLES.intersection(data):
        data[var] = [_name(name, language) for name in ref.get(var)]
    # quotes are transcribed with the data: the declared language chooses them (seed ref 13)
    declared = _LANGUAGE_NAMES.get((ref.language or "").strip().lower().split("-")[0])
    quotes = declared or (ref.language or "").strip().lower().split("-")[0] or language
    for var in _TITLE_VARS:
        if isinstance(data.get(var), str):
            data[var] = typographic_quotes(
                data[var], quotes if re.fullmatch(r"[a-z]{2,3}", quotes) else language
            )
    if isinstance(data.get("DOI"), str):
        data["DOI"] = bare_doi(data["DOI"])  # styles print "DOI 10.…" themselves
    if gost:
        _gost_adjust(data)
        gost_items.adjust(data, ref, language)
        gost_kinds.adjust(data, ref, language)
    return data


def _date(value: DateValue) -> dict[str, Any] | None:
    if value.date_parts:
        try:
            parts = [[int(p) for p in part] for part in value.date_parts if part]
        except (TypeError, ValueError):
            parts = []
        if parts:
            return {"date-parts": parts}
    if value.parts:
        return {"date-parts": [value.parts]}
    if value.raw:
        parsed = parse_date(value.raw)  # a raw date no reader parsed: read it, never guess
        if parsed is not None and parsed.parts and not (parsed.reading and parsed.reading.ambiguous):
            return {"date-parts": [parsed.parts]}
    text = value.literal or value.raw
    return {"literal": text} if text else None


def _name(name: Name, language: str) -> dict[str, Any]:
    if name.is_institution:
        return {"literal": name.literal or ""}
    out: dict[str, Any] = {"family": name.family or name.literal or ""}
    if name.given:
        given = name.given
        if language == "ru":
            given = " ".join(_romanised_initial(word) for word in given.split())
        out["given"] = given
    for attr in ("dropping_particle", "non_dropping_particle", "suffix"):
        value = getattr(name, attr)
        if value:
            out[attr.replace("_", "-")] = value
    return out


def _romanised_initial(word: str) -> str:
    """ "Yuri" → "Yu." (kept whole by the renderer); anything else unchanged."""
    match = _DIGRAPH.match(word)
    return match.group(1) + "." if match else word


def typographic_quotes(text: str, language: str) -> str:
    """Balanced straight double quotes → « » (Russian) or “ ” (others); ' inside a word → ’."""
    if text.count('"') % 2 == 0 and '"' in text:
        opening, closing = ("«", "»") if language == "ru" else ("“", "”")
        text = _QUOTED.sub(lambda m: f"{opening}{m.group(1)}{closing}", text)
    return _APOSTROPHE.sub("’", text)


def _gost_adjust(data: dict[str, Any]) -> None:
    event_words = set(re.findall(r"\w+", str(data.get("event", "")).casefold()))
    title_words = set(re.findall(r"\w+", str(data.get("title", "")).casefold()))
    if event_words and event_words <= title_words:
        data.pop("event")  # every word of it is already in the title: said once
    place_words = set(re.findall(r"\w+", str(data.get("event-place", "")).casefold()))
    if data.get("type") == "speech" and place_words and place_words <= title_words:
        data.pop("event-place")  # "…, New York, August 2, 2022" is in the title (seed refs 3, 4)
    authors = data.get("author") or []
    if len(authors) >= 4:
        data["contributor"] = data.pop("author")
    if data.get("type") == "webpage" and not data.get("container-title"):
        genre = str(data.get("genre", "")).strip().lower()
        if genre and genre not in WEBSITE_GENRES:
            data.pop("genre")
