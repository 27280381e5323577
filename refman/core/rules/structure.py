"""RM1xx structure: the elements a record of each type needs (GOST R 7.0.100-2018 areas)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...diagnostics import FixSafety, Severity
from ...model import DateValue, Name, Reference, csl_value
from .registry import Context, Finding, make_fix, rule

JOURNAL_PARTS = frozenset({"article-journal", "article-magazine", "article-newspaper"})
BOOK_PARTS = frozenset({"chapter", "paper-conference", "entry", "entry-dictionary", "entry-encyclopedia"})
ONLINE = frozenset({"webpage", "post", "post-weblog"})
LEGAL = frozenset({"legislation", "regulation", "bill", "treaty"})
#: Types whose records are normally entered under an author; a missing one is an omission.
AUTHORED = frozenset({"article-journal", "article-magazine", "chapter", "paper-conference", "thesis"})
#: Judgment: where GOST puts "Place : Publisher, Year" and which of the two a type needs.
PUBLICATION = {
    "book": ("publisher-place", "publisher"),
    "chapter": ("publisher-place", "publisher"),
    "paper-conference": ("publisher-place", "publisher"),
    "report": ("publisher-place", "publisher"),
    "thesis": ("publisher-place",),
}
WEBSITE_GENRES = frozenset({"website", "web site", "сайт", "site"})


def is_website(ref: Reference) -> bool:
    """A whole website (the seed's ref 19) rather than a page of one."""
    return (ref.genre or "").strip().lower().strip("[]") in WEBSITE_GENRES


def _a(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def _has(ref: Reference, var: str) -> bool:
    value = ref.get(var)
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def _people(ref: Reference) -> bool:
    return any(ref.get(v) for v in ("author", "editor", "collection-editor", "compiler", "translator"))


@rule("RM101", "no-author-no-title", Severity.ERROR)
def no_author_no_title(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A record with neither an author nor a title.

    What it checks:
        Every record has at least one responsible person or body, or a title.
    Why it matters:
        A GOST record starts with the author's heading or, failing that, with the title; with
        neither there is nothing to start it with, and a reader cannot identify the source.
    Example:
        {"type": "webpage", "URL": "https://tass.ru/x"} fires; adding "title" silences it.
    Fix safety:
        No fix: the missing data must come from the source.
    """
    if not _people(ref) and not _has(ref, "title"):
        yield Finding(ref, "title", "no author and no title: nothing identifies this source")


@rule("RM102", "missing-author", Severity.WARNING)
def missing_author(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A scholarly article, chapter, paper or thesis with no author.

    What it checks:
        Types that are always written by someone (article-journal, article-magazine, chapter,
        paper-conference, thesis), and the article that a journal page describes, name an
        author. News items, web pages and legal acts may legitimately have none.
    Why it matters:
        Such records are entered under the author's name; without it the record is filed
        under the title, and the work cannot be cited or attributed correctly.
    Example:
        {"type": "article-journal", "title": "Current State…", "container-title": "Vostok"}
        fires; an "author" silences it. A "webpage" with no author does not fire.
    Fix safety:
        No fix: an author is never invented.
    """
    if _people(ref) or (ref.type not in AUTHORED and ref is not ctx.article):
        return
    if ref is ctx.article:
        yield Finding(ref, "author", "the article names no author: the page does not say who wrote it")
    else:
        yield Finding(ref, "author", f"{_a(ref.type)} with no author")


@rule("RM103", "missing-container", Severity.WARNING)
def missing_container(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A part of something (article, chapter, web page) that does not name the whole.

    What it checks:
        Articles name their journal or newspaper, chapters and papers their book or
        proceedings, and pages of a website (webpage, post) the site or outlet that published
        them (`container-title`). A whole website (genre "website") is exempt.
    Why it matters:
        The container is what a reader looks up: GOST puts it after "//"; a news item without
        its outlet ("Izvestia", "TASS") cannot be found or weighed.
    Example:
        {"type": "webpage", "title": "Russia is actively supplying energy…"} fires;
        "container-title": "RIA Novosti" silences it.
    Fix safety:
        No fix: the outlet must come from the source.
    """
    is_part = ref.type in JOURNAL_PARTS | BOOK_PARTS or (ref.type in ONLINE and not is_website(ref))
    if is_part and not _has(ref, "container-title"):
        what = "outlet (the site that published it)" if ref.type in ONLINE else "container"
        yield Finding(ref, "container-title", f"no {what}: {ref.type} without container-title")


@rule("RM104", "missing-publication-details", Severity.WARNING)
def missing_publication(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A book, chapter, report or thesis without its place or publisher.

    What it checks:
        The publication area "Place : Publisher, Year" of GOST R 7.0.100-2018: books,
        chapters, conference papers and reports need `publisher-place` and `publisher`;
        a thesis needs its place.
    Why it matters:
        The publication area is obligatory in a GOST record of a printed document, and
        editors return lists that lack it.
    Example:
        {"type": "book", "title": "Заглавие", "publisher": "Наука"} fires for the place;
        adding "publisher-place": "Москва" silences it.
    Fix safety:
        No fix: the data must come from the book's title page.
    """
    for var in PUBLICATION.get(ref.type, ()):
        if not _has(ref, var):
            word = "place of publication" if var == "publisher-place" else "publisher"
            yield Finding(ref, var, f"{_a(ref.type)} without its {word}")


@rule("RM105", "missing-volume-issue", Severity.WARNING)
def missing_volume_issue(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A journal article with neither a volume nor an issue number.

    What it checks:
        An article-journal has `volume` or `issue` (GOST: "Т. 12, № 3").
    Why it matters:
        Without them the article cannot be found in the journal's year.
    Example:
        {"type": "article-journal", "container-title": "Вопросы истории"} fires;
        "issue": "3" silences it.
    Fix safety:
        No fix.
    """
    if ref.type == "article-journal" and not (_has(ref, "volume") or _has(ref, "issue")):
        yield Finding(ref, "issue", "a journal article with no volume and no issue")


@rule("RM106", "missing-pages", Severity.INFO)
def missing_pages(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A part of a printed publication without its pages, or a book without its extent.

    What it checks:
        Journal articles, chapters and conference papers give `page` (GOST: "С. 45–67");
        books give `number-of-pages` ("300 с."). Online newspapers and pages are exempt.
    Why it matters:
        GOST R 7.0.100-2018 makes the location within the whole (or the extent of a book)
        part of the record; journals check it.
    Example:
        {"type": "chapter", "container-title": "Сборник"} fires; "page": "45-67" silences it.
    Fix safety:
        No fix.
    """
    if ref.type in BOOK_PARTS or ref.type == "article-journal":
        if not _has(ref, "page") and not _has(ref, "page-first"):
            what = (
                "the article's pages are not given"
                if ref is ctx.article
                else f"{_a(ref.type)} without its pages"
            )
            yield Finding(ref, "page", what)
    elif ref.type == "book" and not _has(ref, "number-of-pages"):
        yield Finding(ref, "number-of-pages", "a book without its number of pages")


@rule("RM107", "missing-online-locator", Severity.WARNING)
def missing_online_locator(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """An online resource without a URL, or with a URL but no access date.

    What it checks:
        Web pages, posts and websites give a `URL` and the date it was consulted
        (`accessed`). (An access date without any URL is RM305.)
    Why it matters:
        GOST R 7.0.100-2018 ends an online record with "URL: … (дата обращения: DD.MM.YYYY)";
        both are obligatory for network documents.
    Example:
        {"type": "webpage", "title": "T", "URL": "https://tass.ru/1"} fires (no access date).
    Fix safety:
        No fix: the access date is when the user read the page.
    """
    if ref.type not in ONLINE:
        return
    has_url = _has(ref, "URL")
    if has_url and ref.accessed is None:
        yield Finding(ref, "accessed", "an online resource with a URL but no access date")
    elif not has_url and ref.accessed is None:
        yield Finding(ref, "URL", "an online resource with no URL and no access date")


@rule("RM108", "legal-act-details", Severity.WARNING)
def legal_act_details(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A legal act without its genre, issuing body, date or number.

    What it checks:
        Legislation, regulations and treaties give `genre` ("Decree"), `authority` (the
        issuer), `issued` (the act's own date) and `number`.
    Why it matters:
        GOST records an act as "Title : Genre Issuer of Date No. N": the date and number are
        what identifies an act; dates inside its title often belong to what it cites.
    Example:
        {"type": "legislation", "title": "On Measures…", "genre": "Decree",
        "authority": "President", "issued": {"date-parts": [[2017, 10, 14]]}} fires for the number.
    Fix safety:
        No fix: an act's date and number come from its text.
    """
    if ref.type not in LEGAL:
        return
    words = {"genre": "genre (decree, law…)", "authority": "issuing body",
             "issued": "own date", "number": "number"}  # fmt: skip
    for var, word in words.items():
        if not _has(ref, var):
            extra = ""
            if var == "issued" and ref.title and any(ch.isdigit() for ch in ref.title):
                extra = " (dates in its title belong to the acts it cites)"
            yield Finding(ref, var, f"a legal act without its {word}{extra}")


def _empty(value: Any) -> bool:
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list):
        return not value or all(_empty(v) for v in value)
    if isinstance(value, Name):
        return not any((part or "").strip() for part in (value.family, value.given, value.literal))
    if isinstance(value, DateValue):
        return not (value.date_parts and value.date_parts[0]) and not (
            value.raw or value.literal or value.season
        )
    return False


@rule("RM109", "empty-field", Severity.INFO, fix=FixSafety.SAFE)
def empty_field(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A field that is present but empty (blank text, no names, a date with nothing in it).

    What it checks:
        Every field of the record: blank strings, empty name lists, names with no part,
        dates with no parts, text or season.
    Why it matters:
        Empty fields make writers print stray separators (". – ." or "//  :") and hide the
        fact that the data is missing from the other rules.
    Example:
        {"title": "T", "publisher": "  "} fires; removing "publisher" silences it.
    Fix safety:
        Safe: removing an empty field loses nothing.
    """
    for var, attr in _FIELDS:
        value = getattr(ref, attr)
        if value is None or var in ("id", "type"):
            continue
        if _empty(value):
            old = value if isinstance(value, str) else csl_value(value)
            yield Finding(ref, var, f"{var} is empty", make_fix(var, old, None, f"removed empty {var}"))
        elif isinstance(value, list) and any(isinstance(v, Name) and _empty(v) for v in value):
            kept = [v for v in value if not _empty(v)]
            yield Finding(ref, var, f"{var} has an empty name",
                          make_fix(var, csl_value(value), csl_value(kept), f"removed empty names from {var}"))  # fmt: skip


_FIELDS = [
    (info.alias or attr, attr)
    for attr, info in Reference.model_fields.items()
    if attr not in ("unmapped", "latex", "origin", "custom", "categories")
]
