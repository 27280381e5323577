"""One free-text reference → a CSL item: the description read element by element.

The text is cut into elements at ". " (GOST's ". – " included, never inside quotes or after an
initial), with " // " opening the container. The first element after the byline is the
title; elements that are dates, locators (Т./Vol., №/no., С./pp.) or "Place: Publisher, Year"
fill those variables; the text element before the locators, or the last free element of a
web reference, is the container. What fits nowhere is kept in ``unmapped["unparsed"]``.

Types (judgment, the list itself rarely says): a legal act → legislation; a speech → speech;
a container with volume/issue/pages → article-journal (chapter when a publisher is given
too, paper-conference when the container is proceedings); a publisher and no container →
book; a container whose name is a statistics service → dataset; otherwise anything with a
URL or an access date → webpage (a lone name with only an access date is a whole website:
genre "website"); a container and a day-precise date → article-newspaper; else document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ...model import DateValue, Name, Reference
from ...parse.dates import SlashConvention
from ...parse.names import parse_name_list, split_byline
from ...parse.text import split_sentences, strip_final_period
from .kinds import HONORIFIC_NAME, LegalAct, decide_type, legal_act, quoted_title, speech
from .parts import (
    AREA_PLACE_YEAR,
    BARE_PAGES,
    EDITION_HEAD,
    PLACE_YEAR,
    PUBLISHER_WORD,
    Cut,
    cut_parts,
    day_month,
    locator,
    publisher,
    read_date,
    volume_element,
)
from .responsibility import take_roles

#: A corporate body that a reference may open with ("United Nations Security Council. …").
_ORGANIZATION = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w-]*\s+)*(?:Council|Committee|Ministry|Organization|Organisation|Nations|"
    r"Bank|Agency|Service|Commission|Office|Department|Institute|Association|Union)"
    r"(?:\s+(?:of|for|on|and|the|[A-Z][\w-]*))*\.?$|"
    r"^(?:Министерство|Комитет|Совет|Организация|Федеральная служба|Институт)(?:\s+[\w-]+)*\.?$"
)
_ELLIPSIS = re.compile(r"(?<=\s)\.\.\.(?=\s)")
#: A thesis designation after a colon written without its leading space ("…: дис. … канд.").
_THESIS_AFTER_COLON = re.compile(r":\s?(?=(?:дис|дисс|автореф)\.)", re.IGNORECASE)
_THESIS = re.compile(r"\b(?:дис\.|дисс\.|автореф\.|dissertation|thesis|Ph\.\s?D\.)", re.IGNORECASE)
_FOUR_DIGITS = re.compile(r"\d{4}")
#: The most sentences a container's name is taken to hold ("Восток. Афро-азиатские общества").
_CONTAINER_SENTENCES = 8
_SITE_MARK = re.compile(r"\s*:?\s*\[(?:сайт|site|website|веб-сайт)\]\s*", re.IGNORECASE)


@dataclass(slots=True)
class Context:
    """What the whole document decided: its slash convention, the speakers it names."""

    convention: SlashConvention = field(default_factory=lambda: SlashConvention(None))
    speakers: set[str] = field(default_factory=set)


@dataclass(slots=True)
class Parsed:
    ref: Reference
    quotes: tuple[str, str] | None = None  # quotes cut from the title, restored by the caller
    unread: list[tuple[str, str]] = field(default_factory=list)  # ambiguous dates left unread
    understood: bool = True  # False: nothing but a title could be read
    repeats: list[str] = field(default_factory=list)  # a second publisher or locator: unparsed


_AREAS = re.compile(r"\. [–—] ")


def parse_reference(text: str, ctx: Context, cut: Cut | None = None) -> Parsed:
    """Read one reference: its number removed, its spaces cleaned (``clean_spaces``: no
    whitespace runs, which the patterns here would retry from every character), and no
    longer than ``reflist.LONGEST_REFERENCE``. ``cut``: ``cut_parts`` of ``text`` when the
    caller has it already (a copy is read: the reading adds to its ``unread``)."""
    # "..." is the ellipsis GOST prints as "…" ("дис. … канд. ист. наук"); read as one glyph
    # so the sentence splitter does not take its periods for element ends.
    if cut is None or _ELLIPSIS.search(text):
        cut = cut_parts(_ELLIPSIS.sub("…", text), ctx.convention)
    else:
        cut = replace(cut, unread=list(cut.unread))
    ref = Reference()
    out = Parsed(ref)
    names, rest, et_al = split_byline(cut.text)
    if names:
        ref.author = names
    if et_al:
        ref.unmapped["et-al"] = True
    act = legal_act(rest)
    if act is not None:
        _take_act(ref, act, ctx, cut)
        rest = act.rest
        if act.title is None:  # "Decree … No. 5. On something. Portal.": the title follows
            elements = split_sentences(rest.partition(" // ")[0])
            ref.title = strip_final_period(elements[0]) if elements else None
            rest = rest[rest.index(elements[0]) + len(elements[0]) :] if elements else rest
        head, _, container = f" {rest}".partition("//")
        _read_elements(ref, cut, ctx, _elements(head), _elements(container), out)
    else:
        head, _, container = rest.partition(" // ")
        elements = split_sentences(head)
        if not ref.author and len(elements) >= 2 and _ORGANIZATION.search(elements[0]):
            ref.author = [Name(literal=strip_final_period(elements.pop(0)))]
        title = elements.pop(0) if elements else ""
        if elements and (volume := volume_element(elements[0])) is not None:  # "Title. Vol. 7 / …"
            ref.volume, statement = volume
            title = f"{title.rstrip().rstrip('.')} {statement}" if statement else title
            elements.pop(0)
        _read_title(ref, title, ctx, cut, out)
        _read_elements(ref, cut, ctx, elements, _elements(container), out, bool(_AREAS.search(text)))
    _apply_cut(ref, cut)
    out.unread = cut.unread
    if not decide_type(ref, online=bool(cut.url or cut.accessed)):
        out.understood = False
    return out


def _take_act(ref: Reference, act: LegalAct, ctx: Context, cut: Cut) -> None:
    ref.type, ref.genre, ref.authority, ref.number = "legislation", act.genre, act.authority, act.number
    ref.title = act.title or ref.title
    if act.date_text:
        ref.issued = read_date(act.date_text, ctx.convention, "issued", cut)


def _elements(text: str) -> list[str]:
    return split_sentences(text) if text.strip() else []


def _read_title(ref: Reference, title: str, ctx: Context, cut: Cut, out: Parsed) -> None:
    """The title element: " / responsibility", " : other title information", quotes, speeches."""
    title, _, responsibility = title.partition(" / ")
    if responsibility:
        names, et_al = parse_name_list(responsibility)
        if names and not ref.author:
            ref.author = names
            if et_al:
                ref.unmapped["et-al"] = True
        else:  # no names, or the byline named the authors already: kept as the list has it
            ref.unmapped["responsibility"] = strip_final_period(responsibility)
            take_roles(ref, responsibility)  # all the authors, editors, translators it names
    main, _, info = title.partition(" : ")
    if not info and (unspaced := _THESIS_AFTER_COLON.search(title)) is not None:
        main, info = title[: unspaced.start()], title[unspaced.end() :]  # "Заглавие: дис. … канд."
    if info:
        info = strip_final_period(info)
        act = legal_act(info)
        if act is not None and not act.rest:  # GOST: "Title : Указ Президента … от … № …"
            _take_act(ref, act, ctx, cut)
            title = main
        elif _THESIS.search(info):
            ref.type, ref.genre, title = "thesis", info, main
        elif _SITE_MARK.fullmatch(f"[{info.strip('[]')}]") and info.startswith("["):
            ref.genre, title = "website", main
        else:
            title = f"{main}: {info}"
    found = speech(title, ctx.speakers)
    if found is not None:
        ref.type, ref.event, ref.event_place = "speech", found.event, found.place
        if found.date_text:
            ref.issued = read_date(found.date_text, ctx.convention, "issued", Cut(""))
        # the title stays as written: its place and date are part of it (seed refs 3, 4)
    title, quotes = quoted_title(strip_final_period(title)) if title else (title, None)
    out.quotes = quotes
    ref.title = title or None


def _read_elements(
    ref: Reference,
    cut: Cut,
    ctx: Context,
    free: list[str],
    container_part: list[str],
    out: Parsed,
    areas: bool = False,
) -> None:
    """Elements after the title: dates, locators and publisher; the container; notes."""
    texts: list[str] = []
    explicit = None
    areas = areas and not container_part  # a book's areas, GOST's ". – " between them
    if container_part:
        first, *more = container_part
        # a container's name may hold ". " ("Восток. Афро-азиатские общества"): join its parts,
        # a few at most (rechecking an ever longer name for every part would be quadratic)
        joined = 0
        while joined < min(len(more), _CONTAINER_SENTENCES - 1) and _plain_text(first):
            if not _plain_text(more[joined]):
                break
            first = f"{first} {more[joined]}"
            joined += 1
        more = more[joined:]
        explicit, pieces = _container_pieces(first)
        if explicit is None and pieces and locator(pieces[0]) is None:
            explicit, pieces = pieces[0], pieces[1:]
        _read_pieces(ref, pieces, texts, cut, ctx, out.repeats)
        free = free + more
    for element in free:
        if ref.edition is None and (edition := EDITION_HEAD.match(element)) is not None:
            ref.edition, element = edition["v"], element[edition.end() :]
        place = PLACE_YEAR.fullmatch(element.strip()) if ref.type == "thesis" else None
        if place is None and areas and ref.publisher is None:
            place = AREA_PLACE_YEAR.fullmatch(element.strip())
        if place is not None and PUBLISHER_WORD.search(place["place"]) and ref.type != "thesis":
            ref.publisher = place["place"]  # "– Routledge, 2017": a publisher with no place
            _year(ref, place["year"])
            continue
        if place is not None:
            ref.publisher_place = place["place"]
            _year(ref, place["year"])
            continue
        if element.startswith("(") and element.rstrip(".").endswith(")"):
            ref.note = _join(ref.note, element.rstrip(".")[1:-1].strip())
            continue
        if (pub := publisher(element)) is not None:
            if ref.publisher is not None:  # a second "Place: Publisher, Year": kept as written
                out.repeats.append(strip_final_period(element))
                continue
            ref.publisher, ref.publisher_place = pub["publisher"], pub["publisher-place"]
            _year(ref, pub["year"])
            continue
        if _date_element(ref, element, cut, ctx):
            continue
        if _add_day_month(ref, element):
            continue
        head, pieces = _container_pieces(element)
        before = len(texts)
        _read_pieces(ref, pieces, texts, cut, ctx, out.repeats)
        if head is not None:
            texts.insert(before, head)
    if explicit is not None:
        ref.container_title = _SITE_MARK.sub(" ", explicit).strip() or None
        if _SITE_MARK.search(explicit):
            ref.unmapped.setdefault("container-genre", "site")
        leftovers = texts
    elif texts and ref.publisher and ref.volume is None and ref.issue is None and ref.page is None:
        ref.title = ". ".join([ref.title or "", *texts]).strip(". ")  # a book's subtitle
        leftovers = []
    elif texts:
        *middle, last = texts
        has_locators = any(v is not None for v in (ref.volume, ref.issue, ref.page))
        ref.container_title = _SITE_MARK.sub(" ", texts[0] if has_locators else last).strip() or None
        leftovers = texts[1:] if has_locators else middle
        if leftovers and not has_locators and ref.type != "legislation":
            ref.section, leftovers = ". ".join(leftovers), []
    else:
        leftovers = []
    if leftovers or out.repeats:
        ref.unmapped["unparsed"] = ". ".join([*leftovers, *out.repeats])


def _plain_text(element: str) -> bool:
    """An element that is neither a date, a locator, nor "Place: Publisher, Year"."""
    return (
        not _looks_dated(element)
        and publisher(element) is None
        and _container_pieces(element)[0] is None
        and locator(_container_pieces(element)[1][0]) is None
    )


def _container_pieces(element: str) -> tuple[str | None, list[str]]:
    """ "Journal, 2019, vol. 1, no. 2, pp. 3–4" → ("Journal", ["2019", "vol. 1", …]); an element
    with no locator at all is one text piece (its commas belong to it)."""
    element = strip_final_period(element)
    pieces = [p.strip() for p in re.split(r",\s+|\.\s+(?=[–—]\s)|\s+[–—]\s+", element) if p.strip()]
    if not any(locator(p) for p in pieces):
        return None, [element]
    head = None
    if pieces and locator(pieces[0]) is None:
        head = pieces.pop(0)
        while pieces and locator(pieces[0]) is None and not BARE_PAGES.fullmatch(pieces[0]):
            head += ", " + pieces.pop(0)
    return head, pieces


def _read_pieces(
    ref: Reference, pieces: list[str], texts: list[str], cut: Cut, ctx: Context, repeats: list[str]
) -> None:
    """Locators, dates and text pieces of an element; a locator given twice goes to ``repeats``."""
    for piece in pieces:
        found = locator(piece)
        if found is None and BARE_PAGES.fullmatch(piece.strip(" .")) and (ref.volume or ref.issue):
            found = {"page": re.sub(r"\s*[—-]\s*", "–", piece.strip(" ."))}
        if found is None:
            if not _date_element(ref, piece, cut, ctx) and piece.strip(" .–—"):
                texts.append(strip_final_period(piece))
            continue
        if any(key != "year" and ref.get(key) not in (None, v) for key, v in found.items()):
            repeats.append(strip_final_period(piece))
            continue
        for key, value in found.items():
            if key == "year":
                _year(ref, value)
            elif ref.get(key) is None:
                ref.set(key, value)


def _date_element(ref: Reference, element: str, cut: Cut, ctx: Context) -> bool:
    """Take ``element`` as the issued date if it is one (and none is known yet)."""
    value = read_date(element, ctx.convention, "issued", cut) if _looks_dated(element) else None
    if value is None:
        return False
    if ref.issued is None or (len(ref.issued.parts) < len(value.parts)):
        ref.issued = value
    else:
        old = ref.unmapped.get("unparsed-date")
        ref.unmapped["unparsed-date"] = f"{old}; {element.strip(' .')}" if old else element.strip(" .")
    return True


def _looks_dated(element: str) -> bool:
    return len(element) <= 40 and _FOUR_DIGITS.search(element) is not None


def _add_day_month(ref: Reference, element: str) -> bool:
    """GOST's "2021. – 28 июня.": a day and month completing a year read before."""
    if ref.issued is None or len(ref.issued.parts) != 1:
        return False
    found = day_month(strip_final_period(element))
    if found is None:
        return False
    ref.issued = DateValue(
        date_parts=[[ref.issued.parts[0], *found]], raw=f"{ref.issued.raw}. {element.strip()}"
    )
    return True


def _year(ref: Reference, year: str) -> None:
    if ref.issued is None:
        ref.issued = DateValue(date_parts=[[int(year)]], raw=year)


def _join(old: str | None, new: str) -> str:
    return f"{old}; {new}" if old else new


def _apply_cut(ref: Reference, cut: Cut) -> None:
    ref.URL, ref.DOI, ref.ISBN, ref.ISSN = cut.url, cut.doi, cut.isbn, cut.issn
    ref.accessed = cut.accessed
    if cut.language:
        ref.language = cut.language
        ref.unmapped["language-note"] = cut.language_note
    elif cut.language_note:
        ref.unmapped["language-note"] = cut.language_note
    if cut.medium:
        ref.unmapped["medium"] = cut.medium


def names_of_speakers(texts: list[str]) -> set[str]:
    """People a document names with an honorific ("Mr. Igor Vishnevetskii"), for ``speech``."""
    return {m["name"] for text in texts for m in HONORIFIC_NAME.finditer(text)}
