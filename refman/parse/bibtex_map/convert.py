"""The named converters beside the table: mappings whose field or variable depends on the
entry type, the dialect or a neighbouring field, so that they cannot be one row.

Each converter has a ``read_…`` (called for a field as read, or after all fields) and a
``write_…`` (called at its place in the table's order); both sides run the same converter.
"""

from __future__ import annotations

from ..bibtex_fields import AUTHORITY_TYPES, langid_to_language, language_to_langid
from ..latex import escape, to_unicode
from .biblatex import arxiv_number, list_text, listed
from .context import Reading, Writing
from .titles import titled, write_part_titles

BOOKISH = frozenset("book mvbook collection mvcollection proceedings mvproceedings reference "
                    "mvreference incollection inbook inproceedings bookinbook".split())  # fmt: skip
#: ``type`` values (biblatex keys and BibTeX entry types) with the genre they mean.
THESIS_GENRES = {
    "phdthesis": "PhD thesis", "mathesis": "Master's thesis", "mastersthesis": "Master's thesis",
    "candthesis": "Candidate thesis", "techreport": "technical report",
    "resreport": "research report",
}  # fmt: skip
#: Genres that are the default meaning of a type (written as the type, not as ``type``).
DEFAULT_GENRES = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis",
                  "techreport": "technical report"}  # fmt: skip
#: biblatex ``type`` keys for those genres (biblatex manual §4.9.2.13 localisation keys).
BIBLATEX_GENRE_KEYS = {"PhD thesis": "phdthesis", "Master's thesis": "mathesis",
                       "technical report": "techreport", "research report": "resreport",
                       "Candidate thesis": "candthesis"}  # fmt: skip


# ---------------------------------------------------------------- container: journal, booktitle


def read_container(entry: Reading, field: str, raw: str) -> None:
    """``journal``/``journaltitle`` as written; ``booktitle`` with its ``booksubtitle``."""
    if field == "booktitle":
        entry.put("container-title", titled(raw, entry.fields.get("booksubtitle")), field)
    else:
        entry.put("container-title", to_unicode(raw), field)


def read_booksubtitle(entry: Reading, field: str, raw: str) -> None:
    if "booktitle" not in entry.fields:  # else it is part of the container title
        entry.keep(field)


def container_field(out: Writing) -> str:
    """The field a container title goes to: the journal of an article, a book's title for a
    part of one, the site of an @online, the outlet (``howpublished``) of a @misc."""
    ref, etype = out.ref, out.etype
    if etype in ("article", "periodical", "review") or ref.type.startswith("article"):
        return "journaltitle" if out.dialect == "biblatex" else "journal"
    if etype.startswith("in") or etype in ("bookinbook", "suppbook", "suppcollection", "conference"):
        return "booktitle"
    if etype == "online":
        return "organization"
    if etype in ("misc", "dataset", "software", "audio", "video", "legislation", "legal",
                 "jurisdiction", "standard", "patent", "artwork", "image", "letter"):  # fmt: skip
        return "howpublished"
    return "booktitle"


def write_container(out: Writing) -> None:
    ref = out.ref
    if not (ref.container_title or ref.volume_title):
        return
    field = container_field(out)
    if field == "booktitle" and write_part_titles(out, field):
        return
    if field in ref.unmapped:  # that field holds another value read from the input
        alternatives = ("journal", "booktitle", "howpublished", "journaltitle")
        field = next((f for f in alternatives if f not in ref.unmapped), "container-title")
    if ref.container_title:
        out.add(field, out.var("container-title", title=field == "booktitle"))


# ---------------------------------------------------------------- events


def write_event(out: Writing) -> None:
    """``event`` and ``event-title`` share ``eventtitle`` (the first wins); ``venue`` the place."""
    for var, field in (("event", "eventtitle"), ("event-title", "eventtitle"), ("event-place", "venue")):
        if out.ref.get(var) and not out.written(field):
            out.add(field, out.var(var, title=field == "eventtitle"))


# ---------------------------------------------------------------- number: issue, series number


def read_number(entry: Reading) -> None:
    """``number`` is an article's issue, a book's number in its series, else a document number."""
    if "number" not in entry.fields:
        return
    number = to_unicode(entry.fields["number"])
    data = entry.data
    if entry.csl_type.startswith("article") and "issue" not in data:
        data["issue"] = number
    elif "series" in entry.fields and entry.etype in BOOKISH:
        data["collection-number"] = number
    elif "number" not in data:
        data["number"] = number
    else:
        entry.keep("number")


def write_number(out: Writing) -> None:
    ref = out.ref
    number = ref.number
    if arxiv_number(out):  # a preprint's number is its arXiv identifier
        text = str(number)
        out.add("eprint", text if "{" not in text and "}" not in text else escape(text))
        number = None
    article = ref.type.startswith("article") or out.etype == "article"
    if article and ref.issue is not None and number is None:
        out.add("number", out.var("issue"))
        return
    if number is not None:
        out.add("number", out.var("number"))
    elif ref.collection_number is not None:
        out.add("number", out.var("collection-number"))
    if ref.issue is not None:
        out.add("issue", out.var("issue"))


# ---------------------------------------------------------------- bodies: publisher, authority


def read_body(entry: Reading, field: str, raw: str) -> None:
    """``institution``, ``school``, ``organization``, ``howpublished``: the publisher, the
    issuing authority of an act, a web page's site or a @misc's outlet, or a URL."""
    value = list_text(entry, field, raw)
    csl_type = entry.csl_type
    if field == "howpublished" and (value.startswith(("http", "www.")) or "\\url" in raw):
        entry.put("URL", value, field)
    elif csl_type in AUTHORITY_TYPES and field in ("institution", "organization"):
        entry.put("authority", value, field)
    elif field == "howpublished" or (
        csl_type in ("webpage", "post", "post-weblog") and field == "organization"
    ):
        entry.put("container-title", value, field)  # a @misc's outlet: the site, the portal
    else:
        entry.put("publisher", value, field)


def write_bodies(out: Writing) -> None:
    ref, etype = out.ref, out.etype
    if ref.authority:
        if ref.type in AUTHORITY_TYPES:  # the issuing body of an act: @misc allows organization
            field = "organization" if etype in ("misc", "standard") else "institution"
        else:
            field = "authority"
        out.add(field, listed(out, "authority", field))
    if ref.publisher:
        if ref.type == "thesis":
            field = "institution" if out.dialect == "biblatex" else "school"
        elif etype in ("report", "techreport"):
            field = "institution"
        else:
            field = "publisher"
        taken = {f for f, _, _ in out.out} | set(ref.unmapped)  # a field another value holds
        if field in taken:
            field = next(
                (f for f in ("publisher", "institution", "organization", "school") if f not in taken), field
            )
        out.add(field, listed(out, "publisher", field))
    if ref.publisher_place:
        field = "location" if out.dialect == "biblatex" else "address"
        out.add(field, listed(out, "publisher-place", field))


# ---------------------------------------------------------------- genre (``type``)


def genre(etype: str, type_field: str | None) -> str | None:
    if type_field is not None:
        return THESIS_GENRES.get(type_field.strip().lower(), type_field)
    return THESIS_GENRES.get(etype)


def read_genre(entry: Reading, field: str, raw: str) -> None:
    entry.put("genre", genre(entry.etype, to_unicode(raw)), field)


def read_default_genre(entry: Reading) -> None:
    """A thesis or report without ``type`` has the genre its entry type says (@phdthesis)."""
    found = genre(entry.etype, None) if "type" not in entry.fields else None
    if found and entry.csl_type in ("thesis", "report"):
        entry.data["genre"] = found


def write_genre(out: Writing) -> None:
    ref, etype = out.ref, out.etype
    if not ref.genre or DEFAULT_GENRES.get(etype) == ref.genre:
        return
    if out.dialect == "biblatex" and ref.genre in BIBLATEX_GENRE_KEYS and etype in ("thesis", "report"):
        out.add("type", BIBLATEX_GENRE_KEYS[ref.genre])
    else:
        out.add("type", out.var("genre"))


# ---------------------------------------------------------------- language: langid / language


def read_language(entry: Reading, field: str, raw: str) -> None:
    """biblatex ``langid`` (a babel name) → ISO code. Beside a ``langid``, ``language`` is the
    work's languages as biblatex prints them ("russian and english"): kept as written."""
    if field == "langid" or "langid" not in entry.fields:
        entry.put("language", langid_to_language(to_unicode(raw)), field)
    else:
        entry.keep(field)


def write_language(out: Writing) -> None:
    if out.ref.language:
        langid = language_to_langid(out.ref.language) or out.ref.language
        kept = "language" in out.ref.unmapped  # biblatex's own ``language`` list, read beside it
        out.add("langid" if out.dialect == "biblatex" or kept else "language", escape(str(langid)))
