"""BibTeX/BibLaTeX ↔ CSL entry types as data, shared by the reader and the writer (which never
import each other), plus the small pure helpers both need: EDTF dates, language ids, keys,
fingerprints. Which field is which CSL variable is the two-way table in ``parse.bibtex_map``.

Sources: the biblatex manual (§2.1 entry types, §2.2 fields, §2.3.8 dates, §2.3.12 langid),
biber's default data model, the CSL 1.0.2 specification (types and variables), and what pandoc
reads (``pandoc -f biblatex -t csljson``), against which refman is tested field by field.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from ..model import DateValue, Reference

# ---------------------------------------------------------------- entry types

#: BibTeX/BibLaTeX entry type → CSL type (reading). Types not listed read as "document".
TYPE_TO_CSL: dict[str, str] = {
    "article": "article-journal", "book": "book", "mvbook": "book", "inbook": "chapter",
    "bookinbook": "chapter", "suppbook": "chapter", "booklet": "pamphlet",
    "collection": "book", "mvcollection": "book", "incollection": "chapter",
    "suppcollection": "chapter", "dataset": "dataset", "manual": "book", "misc": "document",
    "online": "webpage", "electronic": "webpage", "www": "webpage", "patent": "patent",
    "periodical": "periodical", "suppperiodical": "article-journal", "proceedings": "book",
    "mvproceedings": "book", "inproceedings": "paper-conference", "conference": "paper-conference",
    "reference": "book", "mvreference": "book", "inreference": "entry-encyclopedia",
    "report": "report", "techreport": "report", "software": "software", "thesis": "thesis",
    "mastersthesis": "thesis", "phdthesis": "thesis", "unpublished": "manuscript",
    "legislation": "legislation", "legal": "treaty", "jurisdiction": "legal_case",
    "standard": "standard", "audio": "song", "music": "song", "video": "motion_picture",
    "movie": "motion_picture", "artwork": "graphic", "image": "graphic",
    "letter": "personal_communication", "performance": "performance", "review": "review",
    "commentary": "article", "bibnote": "document",
}  # fmt: skip

#: biblatex ``entrysubtype`` of @article → CSL type.
ARTICLE_SUBTYPES = {"magazine": "article-magazine", "newspaper": "article-newspaper"}

#: CSL type → (BibTeX type, BibLaTeX type). BibTeX has only its 14 classic types, so anything
#: else is @misc there (with ``entrysubtype`` = the CSL type, which the reader maps back).
#: biblatex types come from biber's default data model. Legal types are @misc with ``type``,
#: ``number`` and ``organization``: biber's model declares @legislation, @legal and
#: @jurisdiction but allows them no fields at all (``biber --validate-datamodel`` rejects even
#: their title), and the standard styles print them as @misc anyway.
CSL_TO_TYPES: dict[str, tuple[str, str]] = {
    "article": ("unpublished", "unpublished"), "article-journal": ("article", "article"),
    "article-magazine": ("article", "article"), "article-newspaper": ("article", "article"),
    "bill": ("misc", "misc"), "book": ("book", "book"), "broadcast": ("misc", "audio"),
    "chapter": ("incollection", "incollection"), "classic": ("book", "book"),
    "collection": ("book", "collection"), "dataset": ("misc", "dataset"),
    "document": ("misc", "misc"), "entry": ("incollection", "inreference"),
    "entry-dictionary": ("incollection", "inreference"),
    "entry-encyclopedia": ("incollection", "inreference"), "event": ("misc", "misc"),
    "figure": ("misc", "image"), "graphic": ("misc", "artwork"), "hearing": ("misc", "misc"),
    "interview": ("misc", "misc"), "legal_case": ("misc", "misc"),
    "legislation": ("misc", "misc"), "manuscript": ("unpublished", "unpublished"),
    "map": ("misc", "misc"), "motion_picture": ("misc", "video"),
    "musical_score": ("misc", "misc"), "pamphlet": ("booklet", "booklet"),
    "paper-conference": ("inproceedings", "inproceedings"), "patent": ("misc", "patent"),
    "performance": ("misc", "performance"), "periodical": ("misc", "periodical"),
    "personal_communication": ("misc", "letter"), "post": ("misc", "online"),
    "post-weblog": ("misc", "online"), "regulation": ("misc", "misc"),
    "report": ("techreport", "report"), "review": ("article", "review"),
    "review-book": ("article", "review"), "software": ("misc", "software"),
    "song": ("misc", "audio"), "speech": ("misc", "misc"), "standard": ("misc", "standard"),
    "thesis": ("phdthesis", "thesis"), "treaty": ("misc", "misc"), "webpage": ("misc", "online"),
}  # fmt: skip

#: CSL types whose ``number`` is a document number (reports, acts, standards, patents).
NUMBERED_TYPES = frozenset(
    "report legislation bill regulation treaty legal_case standard patent dataset".split()
)
#: CSL types whose issuing body is written as ``institution`` (and read back as authority).
AUTHORITY_TYPES = frozenset("legislation bill regulation treaty legal_case hearing standard".split())

# ---------------------------------------------------------------- fields

# Which field is which CSL variable: the two-way table in ``parse.bibtex_map``.

#: Fields that are not LaTeX text: kept verbatim (only the outer delimiters go).
VERBATIM_FIELDS = frozenset("url doi eprint file pdf verba verbb verbc urlraw".split())
#: Fields of the entry's structure, not of the item: kept in ``unmapped`` as written.
STRUCTURAL_FIELDS = frozenset("crossref xref xdata ids entryset related relatedtype".split())
#: Fields whose names mark a file as BibLaTeX rather than BibTeX.
BIBLATEX_MARKERS = frozenset(
    "date urldate langid journaltitle location eventtitle eventdate origdate xdata ids "
    "subtitle titleaddon maintitle pubstate".split()
)

# ---------------------------------------------------------------- months and languages

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_WORDS = {m: i for i, m in enumerate(MONTHS, start=1)}
_MONTH_WORDS.update({"sept": 9, "june": 6, "july": 7})
for _i, _full in enumerate(
    "january february march april may june july august september october november december".split(), 1
):
    _MONTH_WORDS[_full] = _i

#: biblatex ``langid`` (babel/polyglossia names) ↔ ISO 639-1 (CSL ``language``).
LANGIDS: dict[str, str] = {
    "russian": "ru", "english": "en", "american": "en-US", "british": "en-GB", "ukrainian": "uk",
    "belarusian": "be", "german": "de", "ngerman": "de", "french": "fr", "spanish": "es",
    "italian": "it", "polish": "pl", "czech": "cs", "bulgarian": "bg", "serbian": "sr",
    "kazakh": "kk", "chinese": "zh", "japanese": "ja", "korean": "ko", "portuguese": "pt",
    "dutch": "nl", "swedish": "sv", "finnish": "fi", "turkish": "tr", "greek": "el",
    "latin": "la", "arabic": "ar", "hebrew": "he", "brazilian": "pt-BR", "brazil": "pt-BR",
    "austrian": "de-AT", "naustrian": "de-AT", "swissgerman": "de-CH", "nswissgerman": "de-CH",
    "canadian": "en-CA", "australian": "en-AU", "newzealand": "en-NZ", "ukenglish": "en-GB",
    "usenglish": "en-US", "canadien": "fr-CA", "mexican": "es-MX", "portuges": "pt",
}  # fmt: skip
_ISO_TO_LANGID = {code: name for name, code in reversed(list(LANGIDS.items()))}
_ISO_TO_LANGID.update({"en": "english", "de": "ngerman", "en-US": "american", "en-GB": "british",
                       "pt": "portuguese", "de-AT": "naustrian", "de-CH": "nswissgerman"})  # fmt: skip
#: Season words of a BibTeX ``month`` → CSL ``season`` (1 spring … 4 winter, as EDTF 21–24).
SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}
SEASON_NAMES = ("Spring", "Summer", "Autumn", "Winter")


def month_number(text: str) -> int | None:
    """A BibTeX month (``jan``, ``January``, ``1``) as a number, or None."""
    word = text.strip().lower().rstrip(".")
    if word.isdigit() and 1 <= int(word) <= 12:
        return int(word)
    return _MONTH_WORDS.get(word)


def langid_to_language(langid: str) -> str:
    """``russian`` → ``ru``; an unknown langid is kept as it is."""
    return LANGIDS.get(langid.strip().lower(), langid.strip())


def language_to_langid(language: str) -> str | None:
    """``ru`` → ``russian``, ``en-US`` → ``american``, ``pt-BR`` → ``brazilian``; None when
    biblatex has no name that reads back to the same tag (a region is never dropped)."""
    code = language.strip()
    if code in _ISO_TO_LANGID:
        return _ISO_TO_LANGID[code]
    base, _, region = code.partition("-")
    if not region and base.lower() in _ISO_TO_LANGID:
        return _ISO_TO_LANGID[base.lower()]
    return code.lower() if code.lower() in LANGIDS else None


# ---------------------------------------------------------------- EDTF dates (biblatex §2.3.8)

_EDTF_ONE = re.compile(r"^(-?\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:]+Z?)?([?~%]?)$")


def _edtf_parts(text: str) -> tuple[list[Any], bool] | None:
    match = _EDTF_ONE.match(text.strip())
    if not match:
        return None
    parts: list[Any] = [int(match[1])]
    if match[2]:
        month = int(match[2])
        if 21 <= month <= 24 and not match[3]:  # seasons: 21 spring … 24 winter
            return [parts[0], f"season{month - 20}"], bool(match[4])
        if not 1 <= month <= 12:
            return None
        parts.append(month)
        if match[3]:
            day = int(match[3])
            if not 1 <= day <= 31:
                return None
            parts.append(day)
    return parts, bool(match[4])


def parse_edtf(text: str) -> DateValue | None:
    """A biblatex date (``2020``, ``2020-03-04``, ``2020/2021``, ``2020-03/``, ``1999?``) as CSL.

    A range open at the end (``2020/`` or ``2020/..``) becomes two parts with an empty end,
    as CSL-JSON writers such as citeproc-js read it; anything unparsable is None.
    """
    value = text.strip()
    if not value:
        return None
    if "/" in value:
        start_text, _, end_text = value.partition("/")
        start = _edtf_parts(start_text) if start_text not in ("", "..") else ([], False)
        end = _edtf_parts(end_text) if end_text not in ("", "..") else ([], False)
        if start is None or end is None or not (start[0] or end[0]):
            return None
        if _season(start[0]) or _season(end[0]):
            return None  # a range of seasons: kept as text by the caller
        parts = [start[0] or [0], end[0] or [0]]
        circa = start[1] or end[1]
        return DateValue(date_parts=parts, circa=True if circa else None)
    single = _edtf_parts(value)
    if single is None:
        return None
    season = _season(single[0])
    return DateValue(date_parts=[single[0][:1] if season else single[0]], season=season,
                     circa=True if single[1] else None)  # fmt: skip


def _season(parts: list[Any]) -> int | None:
    last = parts[-1] if parts else None
    return int(last[6:]) if isinstance(last, str) and last.startswith("season") else None


def _edtf_one(parts: list[Any]) -> str:
    numbers = [int(p) for p in parts]
    if not numbers or numbers == [0]:
        return ""
    year = f"{numbers[0]:04d}" if numbers[0] >= 0 else f"-{abs(numbers[0]):04d}"
    return "-".join([year, *(f"{n:02d}" for n in numbers[1:3])])


def format_edtf(value: DateValue) -> str | None:
    """A CSL date as a biblatex ``date`` (ISO 8601 / EDTF), or None if it has no parts."""
    source = value.date_parts or value.parsed_parts
    if not source or not source[0]:
        return None
    try:
        text = _edtf_one(source[0])
        if len(source) > 1:
            text += "/" + _edtf_one(source[1])
    except (TypeError, ValueError):
        return None
    if text and "/" not in text and len(source[0]) == 1 and (season := season_number(value.season)):
        text += f"-{20 + season}"
    if value.circa and text:
        text += "~" if "/" not in text else ""
    return text or None


def season_number(season: Any) -> int | None:
    """A CSL season (1–4, "1", or a word: "Winter") as 1–4; None for anything else."""
    text = str(season).strip().lower() if season is not None else ""
    if text.isdigit() and 1 <= int(text) <= 4:
        return int(text)
    return SEASONS.get(text)


# ---------------------------------------------------------------- keys and fingerprints


_ENTRY_HEAD = re.compile(r"\s*@\s*([A-Za-z]+)\s*[{(]\s*([^,\s]*)")


def entry_head(raw: str | None) -> tuple[str, str] | None:
    """An entry's type and key as written (``@Article{Smith:2001,`` → ("Article", "Smith:2001"))."""
    match = _ENTRY_HEAD.match(raw or "")
    return (match[1], match[2]) if match else None


def field_name(key: str) -> str:
    """A field's name as the reader knows it: lower case, without the ``% comment`` lines that
    bibtexparser leaves in front of it (``issn = {…}, % ISSN-L`` then ``url = …``)."""
    return key.rsplit("\n", 1)[-1].strip().lower() if "\n" in key or "%" in key else key.lower()


#: Characters a BibTeX key must not contain (the entry syntax, comments and TeX specials).
_KEY_ILLEGAL = re.compile(r"[\s,{}()\"#%'=~\\]+")
_KEY_ILLEGAL_ENDS = re.compile(r"^[\s,{}()\"#%'=~\\]+|[\s,{}()\"#%'=~\\]+$")


def safe_key(key: str) -> str:
    """A citation key BibTeX, biber and pandoc all accept: illegal runs become ``-``."""
    cleaned = _KEY_ILLEGAL.sub("-", _KEY_ILLEGAL_ENDS.sub("", str(key)))  # a key's own "-" stays
    return cleaned or "ref"


def fingerprint(ref: Reference) -> str:
    """A digest of everything a writer could write for ``ref``: equal digests, same entry."""
    data = ref.model_dump(mode="json", exclude_none=True, by_alias=True)  # unmapped included
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()
