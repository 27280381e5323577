"""What dedupe compares, computed once per record: identifiers, title skeletons, authors, dates.

Scoring looks at a pair many times over (a record sits in several blocks), so every
normalisation happens here, once, and pairs compare ready-made strings and tuples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Name, Reference
from ...parse.text import has_cyrillic
from .norm import (
    STOP_WORDS,
    clean_text,
    first_page,
    isbns,
    normalize_doi,
    normalize_url,
    number_value,
    significant_skeleton,
    title_numbers,
    title_variants,
)
from .translit import latin_words, skeleton, skeleton_word

#: CSL types grouped by what kind of work they are: a pair from two groups that exclude each
#: other (see ``EXCLUSIVE``) is two works (a chapter is not its book).
TYPE_GROUPS: dict[str, str] = {
    "article-journal": "journal", "article": "journal", "article-magazine": "journal",
    "article-newspaper": "journal", "review": "journal", "review-book": "journal",
    "paper-conference": "conference",
    "book": "book", "classic": "book", "collection": "book", "periodical": "book",
    "chapter": "part", "entry": "part", "entry-dictionary": "part", "entry-encyclopedia": "part",
    "thesis": "thesis", "report": "report", "patent": "patent", "dataset": "dataset",
    "software": "software", "legislation": "law", "bill": "law", "regulation": "law",
    "legal_case": "law", "treaty": "law", "standard": "standard", "speech": "speech",
}  # fmt: skip
#: Pairs of groups that are never one work, and (second set) two publications of one text (a
#: conference paper or a technical report and its journal version, an article reprinted in a
#: book) that are different works unless the user asks for recall.
EXCLUSIVE = frozenset({frozenset(p) for p in (("book", "part"), ("book", "journal"), ("book", "conference"),
                                                ("patent", "journal"), ("dataset", "journal"),
                                                ("software", "journal"), ("standard", "journal"))})  # fmt: skip
VERSIONS = frozenset({frozenset(p) for p in (("journal", "conference"), ("journal", "report"),
                                               ("conference", "report"), ("journal", "part"))})  # fmt: skip
#: Groups whose records are parts of a larger publication: the ISBN (or a DOI) they carry may
#: be the container's, shared by every other part of it.
PART_GROUPS = frozenset({"journal", "conference", "part"})


@dataclass(slots=True, frozen=True)
class Author:
    family: str  # skeleton of the family name (or of an institution's name)
    initial: str  # the first given name in plain Latin ("yuri", "yu", "j"); "" if unknown
    given: str  # skeleton of the given names, for "Yuri" vs "Yu."
    institution: bool = False


@dataclass(slots=True)
class Features:
    """One record, ready for comparison (all text in skeleton form, see dedupe.translit)."""

    index: int
    id: str
    doi: str | None  # the record's own DOI (not one known to be its container's)
    isbns: frozenset[str]  # its own ISBNs: a whole book's, never a part's
    url: str | None
    pmid: str | None
    titles: tuple[str, ...]  # skeleton of each title variant; the first is the main one
    title_words: tuple[tuple[str, ...], ...]  # significant skeleton words of each variant
    numbers: frozenset[str]  # numbers the title names (parts, years, resolutions …)
    parts: frozenset[str]  # those numbers that number a part, volume, chapter, edition
    cyrillic_title: bool  # in Cyrillic: evidence says "after transliteration"
    cyrillic_authors: bool
    authors: tuple[Author, ...]
    year: int | None
    date: tuple[int, ...]  # full issued date when known: speeches and news differ by day
    container: tuple[str, ...]  # significant plain Latin words of the journal/book/site
    group: str | None  # TYPE_GROUPS of its type; None for generic types
    type: str
    volume: str | None
    issue: str | None
    edition: str | None
    page: str | None
    number: str | None  # law, report or patent number
    chapter: str | None
    accessed: tuple[int, ...]  # when a web page was read: a weak sign for one-word titles
    publisher: str  # skeleton of publisher or genre
    part: bool = False  # a part of a larger publication (see ``is_part``)
    crossref: str | None = None  # the lower-case key of the entry it crossrefs (its whole)
    container_doi: str | None = None  # a DOI it carries that is its container's
    container_isbns: frozenset[str] = frozenset()  # ISBNs it carries that are its container's


def _split_run_on(names: list[Name]) -> list[Name]:
    """A list of people squeezed into one name ("J Smith, K Lee", from data that joined authors
    with commas where BibTeX wants "and") read as the people it lists."""
    if len(names) != 1:
        return names
    whole = names[0].literal or ", ".join(p for p in (names[0].family, names[0].given) if p)
    people = [p.strip() for p in re.split(r"\s*(?:,|;|\band\b|&)\s*", whole) if p.strip()]
    if len(people) < 2 or any(len(p.split()) < 2 for p in people):
        return names
    return [Name(family=p.split()[-1], given=" ".join(p.split()[:-1])) for p in people]


def _authors(names: list[Name] | None) -> tuple[Author, ...]:
    out = []
    for name in _split_run_on(names or []):
        if name.family:
            family = skeleton(" ".join(p for p in (name.non_dropping_particle, name.family) if p))
            given_words = latin_words(name.given or "")
            out.append(Author(family.replace(" ", ""), given_words[0] if given_words else "",
                              " ".join(skeleton_word(w) for w in given_words)))  # fmt: skip
        elif name.literal:
            out.append(Author(skeleton(name.literal).replace(" ", ""), "", "", institution=True))
    return tuple(a for a in out if a.family)


#: One empty frozenset for every record's empty sets: each new one takes 216 bytes, and four
#: of them were 40 % of a record's features (``add`` keeps many in memory).
EMPTY: frozenset[str] = frozenset()


def _first(value: object) -> str | None:
    if value is None:
        return None
    text = clean_text(str(value))
    return text or None


def is_part(ref: Reference) -> bool:
    """A part of a larger publication: a paper, chapter, entry or article, or any record of a
    type that does not say (a ``document``) yet names a container or crossrefs a parent."""
    group = TYPE_GROUPS.get(ref.type)
    if group in PART_GROUPS:
        return True
    return group is None and bool(ref.container_title or ref.unmapped.get("crossref"))


def crossref_key(ref: Reference) -> str | None:
    """The key of the entry ``ref`` crossrefs, lower case as BibTeX compares keys."""
    value = ref.unmapped.get("crossref")
    text = str(value).strip().lower() if value else ""
    return text or None


def features(index: int, ref: Reference, parent: Reference | None = None) -> Features:
    """Everything dedupe compares about ``ref`` (its position ``index`` in the input).

    Identifiers are sorted into the record's own and its container's: a part's ISBN is always
    its book's (or proceedings'), and an ISBN or DOI equal to that of ``parent`` (the entry it
    crossrefs) was inherited from it. Only its own identifiers can prove two records one work.
    """
    variants = title_variants(ref.title)
    if not variants:  # an untitled record is known by its container (a website, a journal issue)
        variants = title_variants(ref.container_title or ref.publisher)
    for extra in (ref.original_title,):
        variants.extend(v for v in title_variants(extra) if v not in variants)
    plain = [latin_words(v) for v in variants]
    numbers, parts = title_numbers(variants[0]) if variants else (frozenset(), frozenset())
    names = ref.author or ref.editor or ref.director or ref.compiler
    issued = ref.issued.parts if ref.issued is not None else []
    if not issued and ref.event_date is not None:
        issued = ref.event_date.parts
    container = ref.container_title or ref.container_title_short or ref.journalAbbreviation
    if not container and ref.title and ref.type in ("book", "thesis", "report"):
        container = ref.publisher
    identifier_text = " ".join(str(v) for v in (ref.DOI, ref.URL, ref.note) if v)
    pmid = str(ref.PMID).strip() if ref.PMID else None
    doi = normalize_doi(ref.DOI) or (normalize_doi(identifier_text) if "10." in identifier_text else None)
    part = is_part(ref)
    own_isbns, container_isbns = (frozenset(), isbns(ref.ISBN)) if part else (isbns(ref.ISBN), frozenset())
    container_doi = None
    if parent is not None:
        inherited = own_isbns & isbns(parent.ISBN)
        own_isbns, container_isbns = own_isbns - inherited, container_isbns | inherited
        if doi is not None and doi == normalize_doi(parent.DOI):
            doi, container_doi = None, doi
    return Features(
        index=index,
        id=str(ref.id),
        doi=doi,
        isbns=own_isbns or EMPTY,
        url=normalize_url(ref.URL),
        pmid=pmid or None,
        titles=tuple(" ".join(w if w.isdigit() else skeleton_word(w) for w in words) for words in plain),
        title_words=tuple(tuple(significant_skeleton(words)) for words in plain),
        numbers=numbers or EMPTY,
        parts=parts or EMPTY,
        cyrillic_title=has_cyrillic(" ".join(variants)),
        cyrillic_authors=any(has_cyrillic(n.family or n.literal or "") for n in names or []),
        authors=_authors(names),
        year=issued[0] if issued else None,
        date=tuple(issued),
        container=tuple(w for w in latin_words(clean_text(container)) if w not in STOP_WORDS)
        if container
        else (),
        group=TYPE_GROUPS.get(ref.type),
        type=ref.type,
        volume=number_value(ref.volume),
        issue=number_value(ref.issue),
        edition=number_value(ref.edition),
        page=first_page(ref.page or ref.page_first),
        number=_first(ref.number),
        chapter=number_value(ref.chapter_number),
        accessed=tuple(ref.accessed.parts) if ref.accessed is not None else (),
        publisher=skeleton(clean_text(ref.publisher or "")),
        part=part,
        crossref=crossref_key(ref),
        container_doi=container_doi,
        container_isbns=container_isbns or EMPTY,
    )
