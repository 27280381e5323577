"""The pieces of one free-text reference that can be recognised wherever they stand.

Identifiers (URL, DOI, ISBN, ISSN), the access date, the language note and the GOST content
designation are cut out of the text first, so that what remains is the bibliographic
description proper. Locators (volume, issue, pages, year, edition, place : publisher) are
recognised one element at a time. Every pattern here accepts both the English and the
Russian (GOST R 7.0.100-2018, 7.0.5-2008) way of writing it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import DateValue
from ...parse.dates import MONTHS, SlashConvention, ambiguous_slash, parse_date, unread_slash

_DATE_TEXT = r"[\w.,/ -]{4,40}?"
ACCESSED = re.compile(
    rf"[(\[]?\s*(?:date\s+)?(?:accessed(?:\s+on)?|access(?:ed)?\s+date|date\s+of\s+access|retrieved|"
    rf"viewed|дата\s+обращения|дата\s+доступа|обращение)\s*:?\s*(?P<date>{_DATE_TEXT})\s*[)\]]",
    re.IGNORECASE,
)
#: An access date without brackets, as English lists write it: "Accessed 5 May 2021."
ACCESSED_BARE = re.compile(
    r"(?:^|(?<=[.;,]\s))(?:accessed|retrieved)(?:\s+on)?\s*:?\s*(?P<date>[\w ,/.-]{6,30}?\d{4})\.?(?=\s|$)",
    re.IGNORECASE,
)
LANGUAGE_NOTE = re.compile(
    r"[(\[]\s*(?:in|на)\s+(?P<lang>russian|russ\.?|english|eng\.?|рус\.?\s*яз\.?|русском(?:\s+языке)?|"
    r"англ\.?\s*яз\.?|английском(?:\s+языке)?|ukrainian|ukr\.?|german|ger\.?|french|fr\.?|chinese|"
    r"korean)\s*[)\]]",
    re.IGNORECASE,
)
_LANG_CODES = {
    "rus": "ru", "рус": "ru", "рус.": "ru", "eng": "en", "анг": "en", "англ": "en", "ukr": "uk",
    "ger": "de", "fre": "fr", "fr": "fr", "fr.": "fr", "chi": "zh", "kor": "ko",
}  # fmt: skip
URL = re.compile(
    r"(?:\b(?:URL|Режим\s+доступа|Available\s+(?:at|from)|Access\s+mode)\s*:\s*)?"
    r"(?P<url>(?:https?|ftp)://[^\s<>\"«»]+|www\.[^\s<>\"«»]+)",
    re.IGNORECASE,
)
DOI = re.compile(
    r"(?:\bDOI\s*:?\s*|https?://(?:dx\.)?doi\.org/)(?P<doi>10\.\d{4,9}/[^\s\"<>«»]+)", re.IGNORECASE
)
ISBN = re.compile(r"\bISBN(?:-1[03])?\s*:?\s*(?P<isbn>(?:97[89][\s‐-]?)?(?:\d[\s‐-]?){9}[\dXx])")
ISSN = re.compile(r"\bISSN\s*:?\s*(?P<issn>\d{4}[‐-]\d{3}[\dXx])")
#: GOST's content designation and the older general material designation, and the medium
#: of ISO 690, Harvard and IEEE ("[Online]", a sentence "Online." of its own). The punctuation
#: before it (". – ") is taken by ``_medium`` walking back from the match: a leading
#: ``[.\s–—-]*`` in the pattern would be tried from every character of a long dash run.
MEDIUM = re.compile(
    r"\[\s*(?:Электронный\s+ресурс|Electronic\s+resource|Текст|Text|Online|En\s+ligne)\s*\]|"
    r"(?<=[.,]\s)Online(?=\.(?:\s|$))|"
    r"(?:Текст|Text)\s*:\s*(?:электронный|непосредственный|electronic|unmediated|direct)",
    re.IGNORECASE,
)
_MEDIUM_LEAD = frozenset(".–—-")

YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_RANGE = r"\d+(?:\s*[–—-]\s*\d+)?"
_LOCATORS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("volume", re.compile(r"(?:Т\.|Том|Vol\.|Vol|vol\.|Volume|volume|V\.|Bd\.)\s*(?P<v>\d+[\w–-]*)")),
    ("issue", re.compile(r"(?:№|No\.|no\.|Nо\.|Iss\.|iss\.|Issue|issue|Вып\.|вып\.|Nr\.|N)\s*(?P<v>\d+[\w/–-]*)")),
    ("page", re.compile(rf"(?:С\.|с\.|pp\.|Pp\.|PP\.|P\.|p\.|S\.|стр\.|Стр\.)\s*(?P<v>{_RANGE})")),
    ("number-of-pages", re.compile(r"(?P<v>\d+)\s*(?:с\.|p\.|pp\.|pages|стр\.|л\.)")),
    ("edition", re.compile(r"(?P<v>\d+)(?:-?е|-?e|st|nd|rd|th)\s*(?:изд\.?|ed\.?|edition)(?:,?\s*\w+\.?)*")),
    ("year", re.compile(rf"(?P<v>{YEAR})(?:\s*г\.)?")),
    ("section", re.compile(r"(?:Ст\.|ст\.|Art\.|art\.)\s*(?P<v>\d+[\w.–-]*)")),
    ("volume-issue", re.compile(r"(?P<v>\d+)\s*\((?P<w>\d+[\w/–-]*)\)")),
)  # fmt: skip
BARE_PAGES = re.compile(r"(?P<v>\d+\s*[–—-]\s*\d+)")
PUBLISHER = re.compile(
    rf"(?P<place>[A-ZА-ЯЁ][\w.,;\- ]{{0,40}}?)\s*:\s*(?P<publisher>[^:]+?),\s*(?P<year>{YEAR})(?:\s*г\.)?"
)
EDITION_HEAD = re.compile(r"^(?P<v>\d+)(?:-?е|-?e|st|nd|rd|th)\s*(?:изд\.|ed\.|edition)[,.]?\s+(?=\S)")
#: A thesis's "М., 2015": an abbreviated place and a year, with no publisher named.
PLACE_YEAR = re.compile(rf"(?P<place>[A-ZА-ЯЁ][\w -]{{0,20}}\.),\s*(?P<year>{YEAR})\.?")
#: Words that make "X, 2017" a publisher's name rather than a place.
PUBLISHER_WORD = re.compile(
    r"\b(?:press|verlag|publish\w*|books|springer|routledge|wiley|elsevier|sage|inc|ltd|co|gmbh|"
    r"изд\w*|наука|питер|юрайт|academia|university|университет\w*)\b",
    re.IGNORECASE,
)
#: GOST's publication area without a publisher, after ". – ": "Oxford, 1983", "М., 2019".
AREA_PLACE_YEAR = re.compile(rf"(?P<place>[A-ZА-ЯЁ][\w.' -]{{0,30}}?),\s*(?P<year>{YEAR})\.?")
#: A volume's element after a multi-volume work's title, before its statement of
#: responsibility: "Собрание сочинений. Т. 2 / А. С. Пушкин", "Works. Vol. 7 / S. T. Coleridge".
_VOLUME_ELEMENT = re.compile(
    r"^(?:Vol|Т|Bd|Кн|Ч|Вып|Pt|Part)\.?\s*(?P<volume>\d+)(?P<rest>\s*(?:/\s|:\s).*|\.?)$", re.DOTALL
)
#: Day and month with the year elsewhere: GOST's "2021. – 28 июня."
DAY_MONTH = re.compile(r"(?P<d>\d{1,2})\s+(?P<m>[A-Za-zА-Яа-яё]+)\.?", re.IGNORECASE)


@dataclass(slots=True)
class Cut:
    """What was cut out of a reference before its description was read."""

    text: str
    url: str | None = None
    doi: str | None = None
    isbn: str | None = None
    issn: str | None = None
    accessed: DateValue | None = None
    accessed_raw: str | None = None  # the access date as written: its brackets tell the list's family
    language: str | None = None
    language_note: str | None = None
    medium: str | None = None
    unread: list[tuple[str, str]] = field(default_factory=list)  # (variable, raw) ambiguous dates


def read_date(raw: str, convention: SlashConvention, var: str, cut: Cut) -> DateValue | None:
    """A date element read with the document's slash convention; an ambiguous one that the
    document cannot decide is kept unread (raw text only) and listed in ``cut.unread``."""
    raw = raw.strip().rstrip(".,; ")
    if ambiguous_slash(raw) and convention.convention is None:
        cut.unread.append((var, raw))
        return unread_slash(raw)
    return parse_date(raw, convention.convention, convention.evidence)


def cut_parts(text: str, convention: SlashConvention) -> Cut:
    """Cut identifiers, the access date, language note and medium out of ``text``."""
    cut = Cut(text)

    def take(pattern: re.Pattern[str], group: str, trim: bool = False) -> str | None:
        match = pattern.search(cut.text)
        if match is None:
            return None
        value = _trim(match[group]) if trim else match[group]
        end = match.start(group) + len(value or "")  # the sentence's own period stays in the text
        cut.text = cut.text[: match.start()] + " " + cut.text[end:]
        return value

    cut.doi = take(DOI, "doi", trim=True)
    cut.url = take(URL, "url", trim=True)
    cut.isbn = _squash(take(ISBN, "isbn"))
    cut.issn = take(ISSN, "issn")
    for pattern in (ACCESSED, ACCESSED_BARE):
        match = pattern.search(cut.text)
        if match is not None:
            value = read_date(match["date"], convention, "accessed", cut)
            if value is not None:
                cut.accessed, cut.accessed_raw = value, match[0].strip()
                cut.text = cut.text[: match.start()] + " " + cut.text[match.end() :]
                break
    match = LANGUAGE_NOTE.search(cut.text)
    if match is not None:
        cut.language_note = match[0].strip()
        cut.language = _language(match["lang"])
        cut.text = cut.text[: match.start()] + " " + cut.text[match.end() :]
    match = MEDIUM.search(cut.text)
    if match is not None:
        start = match.start()
        while start and (cut.text[start - 1] in _MEDIUM_LEAD or cut.text[start - 1].isspace()):
            start -= 1
        cut.medium = cut.text[start : match.end()].strip(" .–—-")
        cut.text = cut.text[:start] + ". " + cut.text[match.end() :]
    cut.text = _tidy(cut.text)
    return cut


def _language(word: str) -> str | None:
    word = word.lower().replace(" ", "")
    if word.startswith(("russ", "рус")):
        return "ru"
    if word.startswith(("eng", "англ", "англий")):
        return "en"
    return _LANG_CODES.get(word[:3]) or {"ger": "de", "fre": "fr", "chi": "zh", "kor": "ko"}.get(word[:3])


def _trim(url: str | None) -> str | None:
    """A URL without the punctuation that ends the sentence around it."""
    if url is None:
        return None
    while url and url[-1] in ".,;:":
        url = url[:-1]
    if url.endswith(")") and url.count("(") < url.count(")"):
        url = url[:-1]
    return url


def _squash(isbn: str | None) -> str | None:
    return re.sub(r"\s+", "", isbn).replace("‐", "-") if isbn else None


def _tidy(text: str) -> str:
    """Collapse what cutting leaves behind: ". – .", "– –", spaces before periods."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"(?:\s*[.–—]\s*){2,}(?=\s|$)", lambda m: ". " if "." in m[0] else " – ", text)
    text = re.sub(r"\s+([.,;])", r"\1", text)
    text = re.sub(r"\s*[–—-]\s*$", "", text).strip()
    text = re.sub(r"^[\s.,;–—-]+", "", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def locator(piece: str) -> dict[str, str] | None:
    """The locator ``piece`` is ("Т. 1" → {"volume": "1"}), or None if it is not one."""
    piece = piece.strip()
    for name, pattern in _LOCATORS:
        match = pattern.fullmatch(piece) or pattern.fullmatch(piece.rstrip(".").strip())
        if match is not None:
            if name == "volume-issue":
                return {"volume": match["v"], "issue": match["w"]}
            return {name: re.sub(r"\s*[—-]\s*", "–", match["v"]) if name == "page" else match["v"]}
    return None


def publisher(element: str) -> dict[str, str] | None:
    """ "М.: Наука, 2019" / "London: Routledge, 2019" → place, publisher, year."""
    match = PUBLISHER.fullmatch(element.strip().rstrip("."))
    if match is None or len(match["place"].split()) > 4:
        return None
    return {"publisher-place": match["place"].strip(), "publisher": match["publisher"].strip(),
            "year": match["year"]}  # fmt: skip


def day_month(element: str) -> tuple[int, int] | None:
    """ "28 июня" / "2 March" → (month, day), for a year given in its own element."""
    match = DAY_MONTH.fullmatch(element.strip())
    if match is None:
        return None
    month = MONTHS.get(match["m"].lower())
    day = int(match["d"])
    return (month, day) if month and 1 <= day <= 31 else None


def volume_element(element: str) -> tuple[str, str] | None:
    """ "Vol. 7 / S. T. Coleridge" after a multi-volume work's title → ("7", "/ S. T.
    Coleridge"): the volume, and the statement that stays with the title ("" where none)."""
    match = _VOLUME_ELEMENT.match(element.strip())
    if match is None:
        return None
    rest = match["rest"].strip()
    return match["volume"], rest if rest.startswith(("/", ":")) else ""
