"""Standards, patents, preprints, journal issues and hosts of a GOST record, prepared in the
CSL item before rendering (docs/GOST.md rules 21-28).

CSL has a variable for most of what these records print but not for all of it, and BibLaTeX
data (biblatex-gost's above all) holds some of it in its own form: country keys
("countryru"), a patent's filing and publication dates, an eprint with its type, a journal
issue's name beside its number. What is done here, and why:

- a standard's designation heads its record with an en dash before the year
  ("ГОСТ Р 7.0.100–2018", rule 21);
- a patent's heading ("Патент № 2187888 Российская Федерация, МПК⁷ H 04 B 1/38") is one
  literal in ``genre``; its application number goes to ``call-number``, its filing date to
  ``submitted`` and its holder into the responsibility statement (rule 22);
- an eprint gives the address its resolver would (``URL``) and an arXiv preprint its
  identifier in ``number`` (rule 23);
- a legal act's issuing body is not repeated when its genre already names it (rule 24);
- an issue's name (a season, "Special issue") follows its number in parentheses, or stands
  alone without "№" (rule 25);
- a collection whose host title is its own title is a whole, not a part of a site (rule 26);
- a page count without its unit gets it, and one with its unit is left alone (rule 27);
- biblatex's country keys become names (rule 22).
"""

from __future__ import annotations

import re
from typing import Any

from ...model import Reference
from ...parse.dates import parse_date

#: biblatex's location keys (biblatex and biblatex-gost) → (Russian, English) name.
COUNTRIES = {
    "countryru": ("Российская Федерация", "Russian Federation"), "countryussr": ("СССР", "USSR"),
    "countryus": ("США", "United States"), "countryuk": ("Великобритания", "United Kingdom"),
    "countryde": ("Германия", "Germany"), "countryfr": ("Франция", "France"),
    "countryeu": ("Европейский союз", "European Union"), "countryep": ("Европейское патентное ведомство", "European Patent Office"),
}  # fmt: skip
#: A patent kind by biblatex's ``type`` prefix → (Russian, English) word before the number.
PATENT_KINDS = (
    ("patreq", ("Заявка", "Application")),
    ("invcert", ("А. с.", "Inventor's certificate")),
    ("patent", ("Патент", "Patent")),
)
#: An eprint type → the address its identifier resolves to (as biblatex's own handlers link).
EPRINT_URLS = {
    "arxiv": "https://arxiv.org/abs/{}", "jstor": "https://www.jstor.org/stable/{}",
    "pubmed": "https://pubmed.ncbi.nlm.nih.gov/{}/", "hdl": "https://hdl.handle.net/{}",
    "googlebooks": "https://books.google.com/books?id={}",
}  # fmt: skip
_ARTICLES = frozenset({"article-journal", "article-magazine", "article-newspaper"})
_PREPRINTS = frozenset({"article", "manuscript", "report"})
_LIST = re.compile(r"\s+and\s+|\s*;\s*")
_YEAR_DASH = re.compile(r"-(?=(?:\d{2}|\d{4})$)")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_LATEX_SUP = re.compile(r"\\ensuremath\{\^\{?(\d+)\}?\}|\\textsuperscript\{(\d+)\}")
_LATEX_CMD = re.compile(r"\\[A-Za-z]+\s*|[{}]")
#: A page count with no unit: digits, Roman numerals, commas, brackets, "+" ("IV, 27", "41+1").
_BARE_EXTENT = re.compile(r"[\dIVXLCDMivxlcdm\s,+\[\]()]+")
_UNITS = {"ru": "с.", "de": "S.", "fr": "p."}


def adjust(data: dict[str, Any], ref: Reference, language: str) -> None:
    """The preparations above, on the CSL-JSON item ``data`` of ``ref``."""
    ru = language == "ru"
    _collection_host(data)  # before the subtitles: the host repeats the title as read
    _subtitles(data, ref)
    _countries(data, ru)
    event_date = data.get("event-date")
    if isinstance(event_date, dict) and len(event_date.get("date-parts") or []) > 1:
        data.pop("event-date")  # a range ("19–25 мая 1968 г."): the compiled layout has no form for it yet
    kind = data.get("type")
    if kind == "standard":
        _standard(data)
    elif kind == "patent":
        _patent(data, ref, ru)
    elif kind in ("legislation", "bill", "regulation"):
        _act(data)
    if kind == "periodical" and data.get("number") and not data.get("issue"):
        data["issue"] = data.pop("number")  # a journal issue's number (rule 31)
    if kind in _ARTICLES or kind == "periodical":
        _issue_name(data, ref)
        _journal_series(data, ru)
    if kind == "report" and data.get("number"):
        _report_number(data, ru)
    _eprint(data, ref)
    _extent(data, language)


def latex_text(value: str) -> str:
    """biblatex-gost's text with its LaTeX taken out ("МПК\\ensuremath{^7}" → "МПК⁷")."""
    value = _LATEX_SUP.sub(lambda m: (m.group(1) or m.group(2)).translate(_SUPERSCRIPT), value)
    value = value.replace("\\,", "\u2009").replace("~", "\u00a0")
    return re.sub(r"\s+", " ", _LATEX_CMD.sub("", value)).strip()


def _subtitles(data: dict[str, Any], ref: Reference) -> None:
    """Other title information after " : " (rule 4), where the data says where it starts: a
    ``subtitle`` kept apart (``unmapped``), or a BibTeX subtitle the reader joined with ": "."""
    fields = dict(ref.origin.fields or []) if ref.origin is not None else {}
    for var, field in (("title", "subtitle"), ("container-title", "booksubtitle")):
        title = data.get(var)
        if not isinstance(title, str) or not title:
            continue
        apart = ref.unmapped.get(field)
        if isinstance(apart, str) and apart.strip():
            data[var] = f"{title.rstrip()} : {latex_text(apart)}"
        elif field in fields:
            cuts = [m.start() for m in re.finditer(r"(?<! ): ", title)]
            if len(cuts) > fields[field].count(":"):
                cut = cuts[-(fields[field].count(":") + 1)]
                data[var] = f"{title[:cut]} : {title[cut + 2 :]}"


def _countries(data: dict[str, Any], ru: bool) -> None:
    for var in ("publisher-place", "jurisdiction"):
        value = data.get(var)
        if isinstance(value, str) and "country" in value:
            parts = [
                COUNTRIES.get(p.strip().lower(), (p.strip(),) * 2)[0 if ru else 1] for p in _LIST.split(value)
            ]
            data[var] = " ; ".join(parts)


def _collection_host(data: dict[str, Any]) -> None:
    """A collection's ``booktitle`` is its own title: no host (not "// Title : [сайт]")."""
    host = data.get("container-title")
    if (
        data.get("type") in ("book", "report", "thesis", "standard")
        and isinstance(host, str)
        and _words(host) == _words(str(data.get("title", "")))
    ):
        data.pop("container-title")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _standard(data: dict[str, Any]) -> None:
    number = data.get("number")
    if isinstance(number, str) and number.strip():
        data["number"] = _YEAR_DASH.sub("\u2013", number.strip())


def _patent(data: dict[str, Any], ref: Reference, ru: bool) -> None:
    kind_key = str(data.get("genre") or ref.unmapped.get("type") or "patent").strip().lower()
    word = next((words for prefix, words in PATENT_KINDS if kind_key.startswith(prefix)), PATENT_KINDS[-1][1])
    heading = [word[0 if ru else 1]]
    number = str(data.pop("number", "") or "").strip()
    if number:
        heading.append(f"{'№' if ru else 'No.'} {number}")
    country = str(data.pop("publisher-place", "") or data.pop("jurisdiction", "") or "").strip()
    if country:
        heading.append(country)
    text = " ".join(heading)
    ipc = ref.unmapped.get("ipc")
    if isinstance(ipc, str) and ipc.strip():
        text += ", " + latex_text(ipc)
    data["genre"] = text
    application = ref.unmapped.get("reqnumber")
    if isinstance(application, str) and application.strip() and not data.get("call-number"):
        data["call-number"] = latex_text(application)
    published = ref.unmapped.get("publdate")
    parsed = parse_date(published) if isinstance(published, str) else None
    if parsed is not None and parsed.parts and "issued" in data and "submitted" not in data:
        data["submitted"] = data["issued"]  # biblatex-gost: date is the filing date
        data["issued"] = {"date-parts": [parsed.parts]}
    holder = ref.unmapped.get("holder")
    if isinstance(holder, str) and holder.strip():
        holder = ", ".join(latex_text(h) for h in _LIST.split(holder.strip()))
        if holder[:1].isupper():
            holder = f"{'заявитель' if ru else 'applicant'} {holder}"
        statements = [
            n["literal"] for n in data.get("compiler", []) if isinstance(n, dict) and "literal" in n
        ]
        data["compiler"] = [{"literal": " ; ".join([*statements, holder])}]


def _act(data: dict[str, Any]) -> None:
    """An issuing body its genre already names ("Указ Президента РФ", "Президент РФ") is said once."""
    genre, authority = data.get("genre"), data.get("authority")
    if isinstance(genre, str) and isinstance(authority, str) and genre.strip():
        stems = {w[:5] for w in _words(genre)}
        if all(w[:5] in stems for w in _words(authority)):
            data.pop("authority")


def _issue_name(data: dict[str, Any], ref: Reference) -> None:
    issue = str(data.get("issue") or "").strip()
    number = str(data.get("number") or "").strip()
    name = ref.unmapped.get("issue")
    name = name.strip() if isinstance(name, str) else ""
    if issue and not re.search(r"\d", issue):
        name, issue = issue, number
        data.pop("number", None)
    elif name and not issue and number:
        issue = number
        data.pop("number", None)
    if not name:
        return
    if issue:
        data["issue"] = f"{issue} ({name})"
    else:
        data.pop("issue", None)
        data["volume-title"] = name


#: biblatex's keys for a journal's series → the phrase (Russian after GOST R 7.0.12-2011).
JOURNAL_SERIES = {"newseries": ("Нов. сер.", "New Series"), "oldseries": ("Стар. сер.", "Old Series")}


def _journal_series(data: dict[str, Any], ru: bool) -> None:
    """A journal's series ("newseries") is part of the journal's title: "Publications of the
    English Goethe Society. New Series" (rule 34)."""
    phrase = JOURNAL_SERIES.get(str(data.get("collection-title") or "").strip().lower())
    if phrase is None:
        return
    data.pop("collection-title")
    words = phrase[0 if ru else 1]
    title = str(data.get("container-title") or data.get("title") or "")
    data["container-title" if data.get("container-title") else "title"] = (
        f"{title}. {words}" if title else words
    )


def _report_number(data: dict[str, Any], ru: bool) -> None:
    """A report's number follows its kind as other title information ("research report
    RC-6947"), or stands there with "№" / "No." (rule 31)."""
    number = str(data.pop("number")).strip()
    genre = str(data.get("genre") or "").strip()
    data["genre"] = f"{genre} {number}" if genre else f"{'№' if ru else 'No.'} {number}"


def _eprint(data: dict[str, Any], ref: Reference) -> None:
    eprint = ref.unmapped.get("eprint")
    kind = str(ref.unmapped.get("eprinttype") or ref.unmapped.get("archiveprefix") or "").strip().lower()
    number = str(data.get("number") or "").strip()
    if (not isinstance(eprint, str) or not eprint.strip()) and kind == "arxiv" and number:
        eprint = number  # the BibLaTeX reader keeps an arXiv identifier in ``number``
    if not isinstance(eprint, str) or not eprint.strip():
        return
    eprint = eprint.strip()
    if kind == "arxiv" and data.get("type") == "article-journal" and not data.get("container-title"):
        data["type"] = "article"  # an arXiv "article" without a journal is a preprint (rule 23)
    if kind == "arxiv" and data.get("type") in _PREPRINTS and number in ("", eprint):
        data["number"] = f"arXiv:{eprint}"
    if kind in EPRINT_URLS and not data.get("URL") and not (data.get("DOI") and kind != "arxiv"):
        data["URL"] = EPRINT_URLS[kind].format(eprint)


def _extent(data: dict[str, Any], language: str) -> None:
    """ "IV, 27" → "IV, 27 с.": the style adds the unit only to a plain number (rule 27)."""
    extent = data.get("number-of-pages")
    if isinstance(extent, str) and not extent.strip().isdigit() and _BARE_EXTENT.fullmatch(extent.strip()):
        data["number-of-pages"] = f"{extent.strip()} {_UNITS.get(language, 'p.')}"
