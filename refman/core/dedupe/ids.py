"""What identifiers say about a pair: the same DOI or ISBN decides, a different one vetoes,
unless the identifier is not the record's own.

A paper, chapter or entry carries the ISBN of its book, and often (inherited through
``crossref``, or copied) the DOI of its proceedings: shared by every other part of that
book, it says "the same container", not "the same work". So only a record's own identifiers
decide (``dedupe.features`` sorts them), a DOI on two parts at different first pages or on
two records with unlike titles and no author in common decides nothing, and two parts of one
known container at different first pages are two works (``shared_container``).
"""

from __future__ import annotations

from .features import Features
from .similar import authors_similarity, title_similarity


def differs(x: str | None, y: str | None) -> bool:
    return x is not None and y is not None and x != y


def identifier_evidence(a: Features, b: Features) -> tuple[str | None, dict[str, str], str | None]:
    """(deciding field or None, evidence, vetoing field or None). Only a record's own
    identifiers decide (see ``features``): the ISBN of a part names its book, so a shared
    one says "the same container" and leaves the pair to titles, authors and pages."""
    evidence: dict[str, str] = {}
    # one identifier each side: equal decides the pair, different vetoes it
    for name, label in (("doi", "DOI"), ("pmid", "PMID")):
        mine, theirs = getattr(a, name), getattr(b, name)
        if mine and theirs:
            if mine != theirs:
                evidence[name] = f"{label} {mine} vs {theirs}"
                return None, evidence, name
            doubt = _in_doubt(a, b) if name == "doi" else None
            if doubt is None:
                evidence[name] = f"{label} equal ({mine})"
                return name, evidence, None
            evidence[name] = f"DOI equal ({mine}), but {doubt}: the DOI alone does not decide"
            break
    if (a.container_doi and a.container_doi in (b.container_doi, b.doi)) or (
        b.container_doi and b.container_doi == a.doi
    ):
        evidence["doi"] = (
            f"DOI equal ({a.container_doi or b.container_doi}): the container's, not a part's own"
        )
    deciding = None
    if a.isbns and b.isbns:
        shared = a.isbns & b.isbns
        if not shared:
            evidence["isbn"] = f"ISBN {min(a.isbns)} vs {min(b.isbns)}: different books or editions"
            return None, evidence, "isbn"
        evidence["isbn"] = f"ISBN equal ({min(shared)})" + (
            " (ISBN-10 and ISBN-13 of one book)" if len(shared) == 1 else ""
        )
        doubt = _in_doubt(a, b)
        if doubt is None:
            deciding = "isbn"
        else:
            evidence["isbn"] += f", but {doubt}: the ISBN alone does not decide"
    elif shared_isbn := (a.isbns | a.container_isbns) & (b.isbns | b.container_isbns):
        evidence["isbn"] = (
            f"ISBN equal ({min(shared_isbn)}): one container, which alone does not make one work"
        )
    if a.url and b.url and a.url == b.url:
        evidence["url"] = "URL equal (up to scheme, www, slash, tracking parameters)"
    return deciding, evidence, None


def _in_doubt(a: Features, b: Features) -> str | None:
    """Why one DOI (or ISBN) on two records does not make them one work, or None. Two parts
    on different first pages cannot both own it (it is their container's, or one record's
    copy is wrong); nor can two records in one script with unlike titles and not one author
    in common (a Russian title and its English translation may well be one work; a record
    without authors or with a garbled title is left to its identifier)."""
    if a.part and b.part and differs(a.page, b.page):
        return f"first pages {a.page} vs {b.page}"
    if a.cyrillic_title == b.cyrillic_title and a.titles and b.titles and a.authors and b.authors:
        title = title_similarity(a, b)[0]
        if title < 0.6 and authors_similarity(a.authors, b.authors)[1] == 0:
            return f"title similarity {title:.2f} and no author in common"
    return None


def shared_container(a: Features, b: Features) -> str | None:
    """The container two parts are known to share (one crossref parent, one ISBN, one DOI),
    in words, or None."""
    if not (a.part and b.part):
        return None
    if a.crossref and a.crossref == b.crossref:
        return f"the entry {a.crossref} (both crossref it)"
    if shared := (a.container_isbns | a.isbns) & (b.container_isbns | b.isbns):
        return f"the book with ISBN {min(shared)}"
    dois = sorted(d for d in {a.doi, a.container_doi} & {b.doi, b.container_doi} if d)
    return f"the publication with DOI {dois[0]}" if dois else None
