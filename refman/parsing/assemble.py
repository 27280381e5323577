"""Labelled tokens → a ``Reference``: each field's text tidied into CSL's form, with the
model's confidence in it.

- names are split by ``people.split_names``; "et al." / "и др." set ``unmapped["et-al"]``;
- a date is read by ``parse.dates`` (its reading recorded); failing that, its year;
- "9(1)", ";571(7763):45-50", "vol. 36, no. 9", "Т. 5, № 2" give volume, issue and pages;
- of two containers, one named like a series ("Lecture Notes …", "Серия …") is the
  collection; a collection label is always one;
- text labelled "other" or "note" that is not a connective ("In:", "Retrieved from") goes to
  ``note``: no text is lost.

A field's confidence is the lowest marginal of its tokens: one doubtful token makes the
field doubtful.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import DateReading, DateValue, Name, Reference
from ..parse.dates import MONTHS, parse_date
from ..parse.text import strip_final_period
from .people import family_like, split_names
from .tokens import Token

_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_NUMBER = re.compile(r"\d+[A-Za-z]?|[IVXLC]+\b|[A-Z]?\d+")
_VOLUME_ISSUE = re.compile(r"(?P<v>\d+[A-Za-z]?)\s*\((?P<i>[\w/–-]+)\)")
_ISSUE_MARK = re.compile(r"(?:no\.?|nos\.|issue|iss\.|nr\.|№|n°|heft|вып\.)\s*(?P<i>[\w/–-]+)", re.IGNORECASE)
_PAGES = re.compile(r"(?P<p>[A-Z]?\d+[a-z]?(?:\s*[-–—]+\s*[A-Z]?\d+[a-z]?)?)")
_PAGE_LABEL = re.compile(r"^(?:pp?|с|сс|s|S)(?:\s*\.\s*|\s+)")
_ROMAN_OR_WORD = re.compile(r"[^\W\d_]{2,}|\b[ivxlcIVXLC]+\b")
_PAGE_COUNT = re.compile(r"(?P<n>\d+)\s*(?:с|p|pp|pages|стр|S|s|л)\.?", re.IGNORECASE)
_EDITION_STATEMENT = re.compile(
    r"(?:(?:\d+(?:st|nd|rd|th)|rev(?:ised)?|enl(?:arged)?|expanded|special|new|updated|corr(?:ected)?|"
    r"abridged|first|second|third|fourth|fifth)\.?,?\s+(?:(?:and|&)\s+)?)+(?:ed|edn|edition)",
    re.IGNORECASE,
)
_EDITION = re.compile(r"(?P<e>\d+)(?:st|nd|rd|th|-?е|-?e)?\b", re.IGNORECASE)
_CONNECTIVE = re.compile(
    r"^(?:in|in:|в|в:|//|retrieved|from|available|at|at:|online|\[online\]|url|url:|doi|doi:|"
    r"accessed|and|&|and|of|the|а|и|–|—|-|p|pp|s|с|т|vol|no|ed|eds|ред|пер|online\)|http)$",
    re.IGNORECASE,
)
#: A locator's label at a note's end belongs to the locator after it ("Supplement. p. A65").
_LOCATOR_TAIL = re.compile(r"\s+(?:pp?|с|С|vol|Vol|no|No|Т|т|№)\.?$")
#: A headline that opens with a speaker's name and a colon, not a byline.
#: "Anonymous:" and "Anon.:" stand for an author (Springer LNCS, DIN), never for a speaker.
_SPEAKER = re.compile(r"(?!anon(?:ymous)?\b)[^\W\d_][\w'’-]+(?:\s[^\W\d_][\w'’-]+)?:", re.IGNORECASE)
_OPEN_QUOTES = {"“": "”", "«": "»", "„": "“", '"': '"', "‘": "’"}
_SERIES = re.compile(r"\b(?:lecture\s+notes|series|studies\s+in|серия|библиотека)\b", re.IGNORECASE)
_THESIS = re.compile(r"dissertation|thesis|дис+\.|автореф", re.IGNORECASE)
_PROCEEDINGS = re.compile(r"proceedings|proc\.|conference|symposium|workshop|материалы|конференц|труды", re.I)
_IN_HEAD = re.compile(r"(?:in|в)(?:\s+кн\.)?:?\s+", re.IGNORECASE)
_ROLE_WORD = re.compile(r"\(?(?:eds?|éds?|hrsg|dir|ред|сост)\.?\)?[,;:.]?", re.IGNORECASE)
_INITIAL_WORD = re.compile(r"(?<![\w.])[A-ZА-ЯЁ]\.")
#: A given name closing an inverted first author: "Michael.", "Jean-Baptiste.", "Silvia:".
_GIVEN_END = re.compile(r"[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?[.:]")
#: A month (the date reader's names, English and Russian) or a journal issue's season.
_MONTH = re.compile(rf"(?:{'|'.join(MONTHS)}|spring|summer|autumn|fall|winter)\.?,?", re.IGNORECASE)
_DAY = re.compile(r"[0-3]?\d,?")
_AND = frozenset({"and", "&", "и", "und"})
_REPORT = re.compile(r"\breport\b|working\s+paper|отч[её]т", re.IGNORECASE)


@dataclass(slots=True)
class Assembled:
    ref: Reference
    confidence: dict[str, float] = field(default_factory=dict)  # field → lowest token marginal
    texts: dict[str, str] = field(default_factory=dict)  # field → its text as written


def segments(
    text: str, tokens: list[Token], labelled: list[tuple[str, float]]
) -> list[tuple[str, str, float]]:
    """Runs of tokens with one label: (label, exact text, lowest confidence)."""
    out: list[tuple[str, str, float]] = []
    start = 0
    for i in range(1, len(tokens) + 1):
        if i == len(tokens) or labelled[i][0] != labelled[start][0]:
            conf = min(p for _, p in labelled[start:i])
            out.append((labelled[start][0], text[tokens[start].start : tokens[i - 1].end], conf))
            start = i
    return out


def _dates_after_container(tokens: list[Token], labelled: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """A month, season or day the model left to the journal before the year is the date's:
    "Printing History (New Series). January 2010." (ISO 690), "Reuters 30 October 2014"."""
    out = list(labelled)
    for i in range(len(tokens) - 2, -1, -1):
        if out[i][0] != "container" or out[i + 1][0] != "date":
            continue
        word = tokens[i].text
        if _MONTH.fullmatch(word) or (_DAY.fullmatch(word) and _MONTH.fullmatch(tokens[i + 1].text)):
            out[i] = ("date", out[i][1])
    return out


def _given_after_family(tokens: list[Token], labelled: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """A given name the model gave to the title after a byline that ends with a family name
    and its comma: "Crichton, Michael. State of Fear.", "DE LAMARCK, Jean-Baptiste.
    Zoological Philosophy.", DIN's "De Renzi, Silvia: Resemblance …" (MLA, Chicago, ISO 690
    and DIN invert the first author so). The family's group has no initials, the word is
    shaped as a given name and the title goes on after it."""
    for i in range(1, len(tokens) - 1):
        if labelled[i][0] != "title" or labelled[i - 1][0] != "author" or labelled[i + 1][0] != "title":
            continue
        if not (tokens[i - 1].text.endswith(",") and _GIVEN_END.fullmatch(tokens[i].text)):
            continue
        group = []
        for j in range(i - 1, -1, -1):
            if labelled[j][0] != "author" or tokens[j].text.endswith(";") or tokens[j].text in _AND:
                break
            group.append(tokens[j].text)
        family = " ".join(reversed(group)).rstrip(",")
        if (
            "," not in family
            and not _INITIAL_WORD.search(family)
            and family_like(family)
            and family.split()[-1][:1].isupper()
        ):
            labelled = [*labelled[:i], ("author", labelled[i][1]), *labelled[i + 1 :]]
    return labelled


def assemble(
    text: str,
    tokens: list[Token],
    labelled: list[tuple[str, float]],
    read_date: Callable[[str], DateValue | None] = parse_date,
) -> Assembled:
    """The reference the labels describe; ``read_date`` reads a date's text (the free-text
    reader passes one that knows the list's slash convention)."""
    ref = Reference()
    out = Assembled(ref)
    by_label: dict[str, list[str]] = {}
    labelled = _dates_after_container(tokens, _given_after_family(tokens, labelled))
    spans = segments(text, tokens, labelled) if tokens else []
    edited = False  # an editors' span after the title: a title after it is the book's
    for label, value, conf in spans:
        if label == "editor" and _EDITION_STATEMENT.fullmatch(value.strip(" .,;")):
            label = "edition"  # "rev. and enl. ed.", "special ed.": the "ed." of an edition
        if label == "title" and edited:
            label = "container"  # "Title. In: Glick TF (ed) Book." labelled title twice
        edited = edited or (label == "editor" and "title" in by_label)
        split = _container_in_editors(value) if label == "editor" else None
        if split:  # "In Container, eds. Names" labelled editor whole: the container is its head
            by_label.setdefault("container", []).append(split[0])
            out.confidence["container"] = min(out.confidence.get("container", 1.0), conf)
            value = split[1]
        by_label.setdefault(label, []).append(value)
        out.confidence[label] = min(out.confidence.get(label, 1.0), conf)
    out.texts = {label: " ".join(values) for label, values in by_label.items()}
    notes: list[str] = []
    if (
        len(spans) > 1
        and spans[0][0] == "author"
        and spans[1][0] == "title"
        and _SPEAKER.fullmatch(spans[0][1])
    ):
        by_label["title"][0] = f"{spans[0][1]} {by_label['title'][0]}"  # "Zakharova: Russia expects …"
        del by_label["author"]
    for role in ("author", "editor", "translator"):
        if role in by_label:
            names, et_al = split_names(", ".join(by_label[role]))
            if len(by_label[role]) > 1:  # GOST repeats the heading's names after " / "
                seen: set[tuple[str | None, str]] = set()
                names = [n for n in names if not (_key(n) in seen or seen.add(_key(n)))]
            if names:
                setattr(ref, role, names)
            if et_al and role == "author":
                ref.unmapped["et-al"] = True
            if not names and not et_al:
                notes.append(" ".join(by_label[role]))
    if "title" in by_label:
        title, spill = _quoted_title(" ".join(by_label["title"]))
        ref.title = _tidy(title, quotes=True)
        if spill:
            by_label.setdefault("container", []).insert(0, spill)
    containers = [_container(v) for v in by_label.get("container", [])]
    containers = [c for c in containers if c]
    series = [_tidy(v) for v in by_label.get("collection", [])]
    if len(containers) > 1 and any(_SERIES.search(c) for c in containers):
        series += [c for c in containers if _SERIES.search(c)]
        containers = [c for c in containers if not _SERIES.search(c)]
    if containers:
        ref.container_title = containers[0] if len(containers) == 1 else ". ".join(containers)
    if series:
        ref.collection_title = "; ".join(series)
    _date(ref, " ".join(by_label.get("date", [])), read_date)
    _locators(ref, by_label)
    for var, label in (("publisher", "publisher"), ("publisher_place", "location"), ("genre", "genre")):
        if label in by_label:
            setattr(ref, var, _tidy("; ".join(_tidy(v) for v in by_label[label])) or None)
    if ref.publisher and not (ref.container_title or ref.publisher_place) and ref.issue and ref.page:
        # "Вопросы истории, 2019, № 3, с. 45–67": an issue and pages, no place: a journal
        ref.container_title, ref.publisher = ref.publisher, None
        out.confidence["container"] = out.confidence.pop("publisher")
        out.texts["container"] = out.texts.pop("publisher")
    if "edition" in by_label:
        edition = " ".join(by_label["edition"])
        found = _EDITION.search(edition)
        ref.edition = found["e"] if found else _tidy(edition)
    for var, label in (("URL", "url"), ("DOI", "doi"), ("ISBN", "isbn")):
        if label in by_label:
            setattr(ref, var, _identifier(label, " ".join(by_label[label])))
    for label in ("other", "note"):
        for value in by_label.get(label, []):
            if all(_CONNECTIVE.match(w.strip(".,:;()[]")) or not w.strip(".,:;()[]") for w in value.split()):
                continue
            if ref.genre is None and _THESIS.search(value) and len(value) < 80:
                ref.genre = _tidy(value)  # "(Unpublished doctoral dissertation)"
            else:
                notes.append(_tidy(_LOCATOR_TAIL.sub("", value)))
    if notes:
        ref.note = "; ".join(n for n in notes if n) or None
    ref.type = _type(ref)
    return out


def _container_in_editors(value: str) -> tuple[str, str] | None:
    """(container, editors) of an editors' span that opens with "In" and holds the book's
    title before the names: "In Key Concepts, eds. A. J. Bartlett and J. Clemens" (role word
    before the names: the container ends before it) or ACS's "In Methods; Clark, M., ed."
    and IEEE's "in Methods, J. Smith, Ed." (role word last: the names are the chunks after
    the last ";", else the comma chunks with initials before it). None when it is not so."""
    found = _IN_HEAD.match(value)
    if not found:
        return None
    rest = value[found.end() :]
    words = rest.split()
    roles = [i for i, w in enumerate(words) if _ROLE_WORD.fullmatch(w)]
    if not roles or roles[0] == 0:
        return None
    k = roles[0]
    if k < len(words) - 1:  # names after the role word
        head, names = " ".join(words[:k]), " ".join(words[k:])
    else:
        body = " ".join(words[:k]).rstrip(" ,;")
        if ";" in body:
            head, _, names = body.rpartition(";")
        else:
            chunks = body.split(", ")
            cut = len(chunks)
            while cut > 1 and _INITIAL_WORD.search(chunks[cut - 1]):
                cut -= 1
            if cut == len(chunks) or " " not in chunks[cut - 1].strip():
                return None  # no names, or "Smith, J., ed.": a family name before initials
            head, names = ", ".join(chunks[:cut]), ", ".join(chunks[cut:])
        names = f"{names.strip()}, {words[k]}"
    head = head.strip().rstrip(",;:")
    if not head or not names.strip():
        return None
    return head, names.strip()


def _key(name: Name) -> tuple[str | None, str]:
    return name.family or name.literal, (name.given or "")[:1]


def _quoted_title(value: str) -> tuple[str, str | None]:
    """A title in quotes ends at its closing quote: what follows ("“Title”, in Book", "“Title”,
    Journal") was labelled with it but is the container."""
    value = value.strip()
    if value[:1] not in _OPEN_QUOTES:
        return value, None
    close = value.find(_OPEN_QUOTES[value[0]], 1)
    rest = value[close + 1 :].strip(" ,.;:") if close > 0 else ""
    if not rest or not any(ch.isalpha() for ch in rest):
        return value, None
    return value[: close + 1], rest


def _tidy(value: str, quotes: bool = False) -> str:
    value = value.strip(" ,;:/")
    if quotes:
        value = value.strip("“”\"«»„'‘’ ,.")
    if value.startswith("(") and value.endswith((")", ").", "),")):
        value = value.rstrip(".,")[1:-1]
    if value.startswith("[") and value.rstrip(".,").endswith("]"):
        value = value.rstrip(".,")[1:-1]
    return strip_final_period(value.strip(" ,;:"))


def _container(value: str) -> str:
    value = re.sub(r"^(?:in:?|в:?|//)\s+", "", value.strip(), flags=re.IGNORECASE)
    return _tidy(value, quotes=True)


def _date(ref: Reference, raw: str, read_date: Callable[[str], DateValue | None]) -> None:
    raw = raw.strip(" ,.;:()[]")
    if not raw:
        return
    value = read_date(raw)
    if value is None:
        inner = re.sub(r"[()\[\],;]", " ", raw)
        value = read_date(" ".join(inner.split()))
    if value is None:
        year = _YEAR.search(raw)
        if year is None:
            ref.unmapped["unparsed-date"] = raw
            return
        value = DateValue(
            date_parts=[[int(year[1])]], raw=raw, reading=DateReading(source=raw, pattern="YYYY (year only)")
        )
    ref.issued = value


def _locators(ref: Reference, by_label: dict[str, list[str]]) -> None:
    volume = " ".join(by_label.get("volume", []))
    issue = " ".join(by_label.get("issue", []))
    pages = " ".join(by_label.get("pages", []))
    both = _VOLUME_ISSUE.search(volume) or _VOLUME_ISSUE.search(f"{volume} {issue}".strip())
    if both is not None:
        ref.volume, ref.issue = both["v"], both["i"]
    elif volume:
        marked = _ISSUE_MARK.search(volume)
        head = volume[: marked.start()] if marked else volume
        found = _NUMBER.search(head.replace("Vol", "").replace("vol", ""))
        ref.volume = found[0] if found else _tidy(volume)
        if marked and not issue:
            ref.issue = marked["i"].strip(".,")
    if issue and ref.issue is None:
        marked = _ISSUE_MARK.search(issue)
        ref.issue = marked["i"].strip(".,") if marked else issue.strip(" .,:;()[]") or None
    if pages and (count := _PAGE_COUNT.fullmatch(pages.strip(" ,;"))) is not None:
        ref.number_of_pages = count["n"]  # "300 с.", "312 p.": the book's extent
    elif pages and (found := _PAGES.search(pages)) is not None:
        ref.page = re.sub(r"\s*[-–—]+\s*", "–", found["p"])
    elif pages and _ROMAN_OR_WORD.search(page := _PAGE_LABEL.sub("", pages.strip())):
        ref.page = _tidy(page)  # "xiv", "A-C"; a lone "p." or "с." is the list's word


def _identifier(label: str, value: str) -> str:
    value = value.strip(" .,;")
    if label == "doi":
        value = re.sub(r"^(?:doi:?\s*|https?://(?:dx\.)?doi\.org/)", "", value, flags=re.IGNORECASE)
    elif label == "isbn":
        value = re.sub(r"^ISBN(?:-1[03])?:?\s*", "", value, flags=re.IGNORECASE)
    elif label == "url":
        value = re.sub(
            r"^(?:URL:?|Retrieved from|Available (?:at|from):?)\s*", "", value, flags=re.IGNORECASE
        )
    return value


def _type(ref: Reference) -> str:
    located = any(v is not None for v in (ref.volume, ref.issue, ref.page))
    if ref.genre and _THESIS.search(ref.genre):
        return "thesis"
    if ref.genre and _REPORT.search(ref.genre):
        return "report"
    if ref.container_title:
        if _PROCEEDINGS.search(ref.container_title):
            return "paper-conference"
        if ref.editor or (ref.publisher and not (ref.volume or ref.issue)):
            return "chapter"
        if located or ref.DOI:
            return "article-journal"
        return "webpage" if ref.URL else "article-journal"
    if ref.publisher or ref.ISBN:
        return "book"
    if ref.URL:
        return "webpage"
    return "document"
