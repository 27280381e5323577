"""Kinds of reference that their wording gives away (legal acts and speeches), and the type
the rules give a reference from the fields they read (``decide_type``).

Judgment calls (the standards are silent; kept here so they can be changed in one place):

- A legal act's ``genre`` is its kind with the issuer ("Decree of the President of the Russian
  Federation"), ``authority`` the issuer in the nominative ("President of the Russian
  Federation"), ``number`` its number, ``issued`` the act's own date: only a date that follows
  the genre ("… of October 14, 2017", "от 14.10.2017"). A date inside the quoted title belongs
  to what the title names (a UN resolution) and is never the act's date.
- Amendment text in parentheses ("(As amended by …)", "(ред. от …)") goes to ``note``.
- A speech ("Statement by …", "Выступление …") keeps its title as written; its trailing place
  and date are also read into ``event-place`` and ``issued``; ``event`` is what follows "at the" ("на"),
  without a speaker's name the document names elsewhere with an honorific ("Mr. Igor
  Vishnevetskii"). The speaker is named in the title only: refman does not make them author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Reference
from ...parse.dates import MONTHS, find_dates
from ...parse.text import strip_outer_quotes

_MONTH = "|".join(sorted((m for m in MONTHS if m.isascii()), key=len, reverse=True))
_EN_KINDS = (
    r"Federal\s+Constitutional\s+Law|Federal\s+Law|Executive\s+Order|Decree|Order|Resolution|"
    r"Directive|Regulation|Ordinance|Law|Act|Instruction"
)
_RU_KINDS = (
    r"Федеральный\s+конституционный\s+закон|Федеральный\s+закон|Указ|Распоряжение|Постановление|"
    r"Приказ|Закон|Кодекс|Определение|Решение|Письмо"
)
#: Where the issuer's name ends: a date, a number, the quoted title.
_EN_STOP = (
    rf"(?=\s+(?:of|from|dated)\s+(?:\d|(?:{_MONTH})\b)|\s*,?\s+No\.|\s*,?\s*№|\s*[“\"«(]|\s*[.,]\s|\s*\.?$)"
)
_RU_STOP = r"(?=\s+от\s|\s*№|\s*[«\"“(]|\s*[.,]\s|\s*\.?$)"
LEGAL_EN = re.compile(
    rf"(?P<genre>(?:{_EN_KINDS})(?:\s+of\s+the\s+(?P<authority>[A-Z][^“\"«(]*?))?){_EN_STOP}", re.IGNORECASE
)
LEGAL_RU = re.compile(rf"(?P<genre>(?:{_RU_KINDS})(?:\s+(?P<authority>[А-ЯЁ][^«\"“(]*?))?){_RU_STOP}")
_ACT_DATE = re.compile(r"\s*,?\s*(?:of|from|dated|от)\s+(?P<date>[\w.,/ -]+?\d{4})(?:\s*г\.)?")
_ACT_NUMBER = re.compile(r"\s*[.,]?\s*(?:No\.|№|N)\s*(?P<number>[\w/–-]+)")
_QUOTED = re.compile(r"\s*[.,]?\s*(?P<title>[“\"«„](?P<inner>[^“”\"«»]+)[”\"»“])")
#: Issuers in the genitive, as a genre names them → the nominative for ``authority``.
NOMINATIVE = {
    "Президента Российской Федерации": "Президент Российской Федерации",
    "Президента РФ": "Президент РФ",
    "Правительства Российской Федерации": "Правительство Российской Федерации",
    "Правительства РФ": "Правительство РФ",
    "Министерства иностранных дел Российской Федерации": "Министерство иностранных дел Российской Федерации",
    "Государственной Думы": "Государственная Дума",
    "Конституционного Суда Российской Федерации": "Конституционный Суд Российской Федерации",
    "Верховного Суда Российской Федерации": "Верховный Суд Российской Федерации",
}


@dataclass(slots=True)
class LegalAct:
    genre: str
    authority: str | None
    date_text: str | None
    number: str | None
    title: str | None
    rest: str  # what follows the act's own description (notes, the portal)


def legal_act(text: str) -> LegalAct | None:
    """A legal act that ``text`` opens with: "Decree of the President … of October 14, 2017.
    No. 484 "On measures …". Portal." or "Указ Президента РФ от 14.10.2017 № 484 «О мерах…»"."""
    match = LEGAL_EN.match(text) or LEGAL_RU.match(text)
    if match is None:
        return None
    pos = match.end()
    date_text = number = title = None
    for _ in range(3):
        if date_text is None and (m := _ACT_DATE.match(text, pos)) and find_dates(m["date"]):
            date_text, pos = m["date"], m.end()
        elif number is None and (m := _ACT_NUMBER.match(text, pos)):
            number, pos = m["number"], m.end()
        elif title is None and (m := _QUOTED.match(text, pos)):
            title, pos = m["inner"].strip(), m.end()
    if title is None and date_text is None and number is None:
        return None  # "Law and order in …": a title that starts with a genre word
    authority = match["authority"]
    if authority:
        authority = NOMINATIVE.get(authority.strip(), authority.strip())
    return LegalAct(match["genre"].strip(), authority, date_text, number, title, text[pos:].lstrip(" .,"))


SPEECH = re.compile(
    r"(?:Statement|Speech|Remarks|Address|Opening\s+remarks|Closing\s+remarks|Keynote|Briefing|"
    r"Выступление|Заявление|Речь|Доклад|Обращение)\b"
)
_AT_EVENT = re.compile(r"\s(?:at\s+the|at|на)\s+(?P<event>.+)$")
_PLACE = re.compile(r",\s*(?P<place>[A-ZА-ЯЁ][\w.-]*(?:\s+[A-ZА-ЯЁ][\w.-]*){0,2})\s*$")
HONORIFIC_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|H\.E)\.\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+){1,2})"
)


@dataclass(slots=True)
class Speech:
    title: str
    event: str | None
    place: str | None
    date_text: str | None


def speech(element: str, speakers: set[str]) -> Speech | None:
    """A speech's title element: "Statement by Mr. X, … at the Conference, New York, August 2,
    2022" → title, event, place, date."""
    if SPEECH.match(element) is None:
        return None
    text = element.strip().rstrip(".")
    date_text = None
    dates = find_dates(text)
    if dates and dates[-1].end == len(text) and text[: dates[-1].start].rstrip().endswith(","):
        date_text = text[dates[-1].start :]
        text = text[: dates[-1].start].rstrip(" ,")
    place = None
    if date_text is not None and (m := _PLACE.search(text)):
        place = m["place"]
        text = text[: m.start()].rstrip(" ,")
    event = None
    if (m := _AT_EVENT.search(text)) is not None:
        event = m["event"]
        for name in sorted(speakers, key=len, reverse=True):
            event = re.sub(rf"\s*\b{re.escape(name)}\b", "", event)
        event = re.sub(r"\s+,", ",", event).strip(" ,")
    return Speech(text, event or None, place, date_text)


def quoted_title(text: str) -> tuple[str, tuple[str, str] | None]:
    """A title without the quotes that enclose it whole, and those quotes (to restore them)."""
    inner, quoted = strip_outer_quotes(text)
    if not quoted:
        return text, None
    inner = inner[:-1].rstrip() if inner.endswith(".") and not inner.endswith("..") else inner
    return inner, (text.strip()[0], text.strip()[-1])


_STATISTICS = re.compile(r"statistic|census|росстат|статистик", re.IGNORECASE)
_PROCEEDINGS = re.compile(
    r"proceedings|conference|symposium|материалы|конференц|сборник|труды", re.IGNORECASE
)


def decide_type(ref: Reference, online: bool) -> bool:
    """The reference's type from the fields the rules read (a legal act, a speech and a thesis
    keep theirs); False where nothing but a title was read."""
    if ref.type in ("legislation", "speech", "thesis"):
        return True
    located = any(v is not None for v in (ref.volume, ref.issue, ref.page))
    if ref.container_title and located:
        if ref.publisher:
            ref.type = "chapter"
        elif _PROCEEDINGS.search(ref.container_title):
            ref.type = "paper-conference"
        else:
            ref.type = "article-journal"
    elif (ref.publisher or ref.publisher_place) and not ref.container_title:
        ref.type = "book"
    elif ref.container_title and ref.publisher:
        ref.type = "chapter"
    elif ref.container_title and _STATISTICS.search(ref.container_title):
        ref.type = "dataset"
    elif online:
        ref.type = "webpage"
        if not ref.container_title and ref.issued is None and not ref.author and not ref.section:
            ref.genre = ref.genre or "website"
    elif ref.genre == "website":
        ref.type = "webpage"
    elif ref.container_title and ref.issued is not None and len(ref.issued.parts) == 3:
        ref.type = "article-newspaper"
    elif ref.DOI:
        ref.type = "article-journal"
    else:
        ref.type = "document"
        return bool(
            ref.author or ref.issued or ref.container_title or ref.ISBN or ref.note
            or set(ref.unmapped) - {"unparsed"}
        )  # fmt: skip
    return True
