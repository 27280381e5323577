"""RM3xx identifiers: DOI syntax, ISBN and ISSN check digits, URL syntax, access dates."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from ...diagnostics import FixSafety, Severity
from ...model import Reference
from ...parse.identifiers import bare_doi
from .registry import Context, Finding, make_fix, rule

DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_ISBN_TOKEN = re.compile(r"(?:97[89][-\s]?)?\d[\d\s-]{7,}[\dXx]")
_ISSN_TOKEN = re.compile(r"\b\d{4}-?\d{3}[\dXx]\b")
_URL_PREFIX = re.compile(r"^(?:URL|Режим доступа)\s*:\s*", re.IGNORECASE)


def isbn_ok(isbn: str) -> bool:
    """ISBN-10 (mod 11, X = 10) or ISBN-13 (weights 1, 3; prefix 978/979) check digit."""
    digits = re.sub(r"[\s-]", "", isbn).upper()
    if re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if ch == "X" else int(ch)) for i, ch in enumerate(digits))
        return total % 11 == 0
    if re.fullmatch(r"97[89]\d{10}", digits):
        total = sum(int(ch) * (3 if i % 2 else 1) for i, ch in enumerate(digits))
        return total % 10 == 0
    return False


def issn_ok(issn: str) -> bool:
    """ISSN NNNN-NNNC: weights 8..2, check digit (11 - sum mod 11) mod 11, 10 written X."""
    digits = issn.replace("-", "").upper()
    if not re.fullmatch(r"\d{7}[\dX]", digits):
        return False
    total = sum(int(ch) * (8 - i) for i, ch in enumerate(digits[:7]))
    check = (11 - total % 11) % 11
    return digits[7] == ("X" if check == 10 else str(check))


@rule("RM301", "invalid-doi", Severity.ERROR, fix=FixSafety.SAFE)
def invalid_doi(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A DOI that is not of the form 10.NNNN/suffix, or carries a resolver prefix.

    What it checks:
        `DOI` matches "10." + a registrant code of 4 to 9 digits + "/" + a suffix without
        spaces (the DOI Handbook's syntax). "doi:" or "https://doi.org/" in front is debris.
    Why it matters:
        Styles print "https://doi.org/" themselves; a doubled prefix or a broken DOI gives a
        dead link, and pandoc or Zotero cannot resolve it.
    Example:
        "DOI": "https://doi.org/10.1000/xyz" fires (safe fix: "10.1000/xyz"); "10.1000/xyz"
        does not; "DOI": "10.10/x" fires without a fix.
    Fix safety:
        Safe for removing a resolver prefix or surrounding spaces; anything else needs a look
        at the source.
    """
    if not ref.DOI:
        return
    doi = ref.DOI
    bare = bare_doi(doi)
    if bare != doi and DOI.match(bare):
        yield Finding(ref, "DOI", f"DOI {doi!r} carries a resolver prefix or spaces",
                      make_fix("DOI", doi, bare, f"DOI {doi!r} → {bare!r}"))  # fmt: skip
    elif not DOI.match(bare):
        yield Finding(ref, "DOI", f"DOI {doi!r} is not of the form 10.NNNN/suffix")


@rule("RM302", "invalid-isbn", Severity.ERROR)
def invalid_isbn(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """An ISBN with a wrong length, prefix or check digit.

    What it checks:
        Every ISBN in the `ISBN` field (several may be separated by ";" or ","): ten
        characters with the mod-11 check digit (X stands for 10), or thirteen digits starting
        978 or 979 with the mod-10 check digit (ISO 2108).
    Why it matters:
        A mistyped ISBN points to another book or to none; catalogues reject it.
    Example:
        "978-5-02-039165-3" fires only if its check digit is wrong; "0-8044-2957-X" is valid (X = 10).
    Fix safety:
        No fix: the right digits must come from the book.
    """
    if not ref.ISBN:
        return
    tokens = _ISBN_TOKEN.findall(str(ref.ISBN))
    if not tokens:
        yield Finding(ref, "ISBN", f"ISBN {ref.ISBN!r} is not an ISBN")
    for token in tokens:
        if not isbn_ok(token):
            yield Finding(ref, "ISBN", f"ISBN {token.strip()!r} has a wrong length or check digit")


@rule("RM303", "invalid-issn", Severity.ERROR)
def invalid_issn(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """An ISSN with a wrong form or check digit.

    What it checks:
        Every ISSN in the `ISSN` field: eight characters NNNN-NNNC whose last is the mod-11
        check digit (X stands for 10), per ISO 3297.
    Why it matters:
        A wrong ISSN identifies another serial or none; indexes match journals by it.
    Example:
        "0317-8471" is valid; "0317-8472" fires.
    Fix safety:
        No fix.
    """
    if not ref.ISSN:
        return
    tokens = _ISSN_TOKEN.findall(str(ref.ISSN))
    if not tokens:
        yield Finding(ref, "ISSN", f"ISSN {ref.ISSN!r} is not of the form NNNN-NNNC")
    for token in tokens:
        if not issn_ok(token):
            yield Finding(ref, "ISSN", f"ISSN {token!r} has a wrong check digit")


@rule("RM304", "invalid-url", Severity.ERROR, fix=FixSafety.SAFE)
def invalid_url(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A URL that is not an absolute http(s) or ftp address.

    What it checks:
        `URL` has a scheme (http, https, ftp), a host with a dot (or localhost) and no
        spaces. "URL:" or "Режим доступа:" in front, angle brackets or spaces around it are
        debris from a pasted GOST record.
    Why it matters:
        A broken URL is a dead link in every output; a pasted "URL:" is printed twice.
    Example:
        "URL: https://tass.ru/1" fires (safe fix: "https://tass.ru/1"); "tass.ru/1" fires
        (unsafe fix: "https://tass.ru/1", since the scheme is a guess).
    Fix safety:
        Safe for removing a label, brackets or spaces; adding a missing scheme is unsafe.
    """
    if not ref.URL:
        return
    url = ref.URL
    bare = _URL_PREFIX.sub("", url.strip()).strip("<> ")
    if bare != url and _url_ok(bare):
        yield Finding(ref, "URL", "URL has a label, brackets or spaces around it",
                      make_fix("URL", url, bare, f"URL {url!r} → {bare!r}"))  # fmt: skip
    elif not _url_ok(bare):
        guess = f"https://{bare}"
        fix = None
        if "://" not in bare and _url_ok(guess):
            fix = make_fix("URL", url, guess, f"URL {url!r} → {guess!r}", safe=False)
        yield Finding(ref, "URL", f"URL {url!r} is not an absolute http(s) address", fix)


def _url_ok(url: str) -> bool:
    if not url or any(ch.isspace() for ch in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme in ("http", "https", "ftp") and ("." in host or host == "localhost")


@rule("RM305", "access-date-without-url", Severity.WARNING)
def access_date_without_url(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """An access date with no URL: the record says it was read online but not where.

    What it checks:
        A record with `accessed` has a `URL` (or a DOI, which resolves to one).
    Why it matters:
        "(дата обращения: …)" qualifies the URL in a GOST record; alone it points nowhere,
        and the source cannot be found again.
    Example:
        {"title": "T", "accessed": {"date-parts": [[2022, 8, 6]]}} fires.
    Fix safety:
        No fix: the address must come from the user's notes or a search.
    """
    if ref.accessed is not None and not (ref.URL or "").strip() and not (ref.DOI or "").strip():
        yield Finding(ref, "URL", "an access date but no URL: where was it read?")
