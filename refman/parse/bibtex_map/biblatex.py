"""Converters for what BibLaTeX says and classic BibTeX cannot: the editor's role, an arXiv
identifier, lists of places and publishers (the multi-volume work is in ``titles``).

- ``editortype = compiler`` makes the editor CSL's ``compiler`` (biblatex-gost's
  ``gecompiler``, a compiler named in the genitive, too: the type is kept to be written back).
- ``eprint`` with ``eprinttype = arxiv`` is the preprint's ``number``; ``eprinttype`` stays.
- ``issue`` of an article is the issue's name; a season ("Winter") is the season of
  ``issued`` (CSL has no other place), and the field is kept to be written back.
- ``location``, and in a BibLaTeX entry ``publisher``, ``institution`` and ``organization``,
  are lists (biblatex §2.2.2): "München and Berlin" is "München; Berlin" in CSL (not "and",
  which a style would print). Written back, "München; Berlin" is one item that reads back
  the same; the anchor writes an unchanged list as its source did.
"""

from __future__ import annotations

from ...model import DateValue
from ..bibnames import format_names, split_names
from ..bibtex_fields import BIBLATEX_MARKERS, SEASONS, season_number
from ..latex import escape, to_unicode
from .context import Reading, Writing

#: Fields that are lists in biblatex (literal lists, joined by "and").
LIST_FIELDS = frozenset(["location", "publisher", "institution", "organization"])
#: ``editortype`` values that mean CSL's ``compiler``; the first is the default (not kept).
COMPILER_TYPES = ("compiler", "gecompiler")
LIST_SEPARATOR = "; "


# ---------------------------------------------------------------- lists


def list_text(entry: Reading, field: str, raw: str) -> str:
    """A field's text; a biblatex list ("A and B") as "A; B"."""
    if field in LIST_FIELDS and (field == "location" or entry.fields.keys() & BIBLATEX_MARKERS):
        items = split_names(raw)
        if len(items) > 1:
            return LIST_SEPARATOR.join(to_unicode(item) for item in items)
    return to_unicode(raw)


def listed(out: Writing, var: str, field: str) -> str:
    """A variable for a list field. A value read from a list ("A; B") is written as one item,
    which reads back the same; a literal "and" in biblatex is braced, so it is no separator."""
    value = str(out.ref.get(var))
    if field not in LIST_FIELDS or out.dialect != "biblatex" or " and " not in value:
        return out.var(var)
    return escape(value).replace(" and ", " {and} ")


# ---------------------------------------------------------------- editor or compiler


def read_editortype(entry: Reading) -> None:
    kind = to_unicode(entry.fields.get("editortype", "")).strip().lower()
    if kind in COMPILER_TYPES and "editor" in entry.data and "compiler" not in entry.data:
        entry.data["compiler"] = entry.data.pop("editor")
        if kind == COMPILER_TYPES[0]:
            entry.unmapped.pop("editortype", None)


def write_editor(out: Writing) -> None:
    """``editor``; a compiler is an editor with ``editortype = compiler`` (biblatex §2.2.2)."""
    ref = out.ref
    others = ref.unmapped.get("others") or []
    if ref.editor:
        out.add("editor", format_names(ref.editor, "editor" in others))
    if not ref.compiler:
        return
    if ref.editor:
        out.add("compiler", format_names(ref.compiler))  # two roles: under its own name
        return
    out.add("editor", format_names(ref.compiler, "editor" in others))
    if "editortype" not in ref.unmapped:
        out.add("editortype", COMPILER_TYPES[0])


# ---------------------------------------------------------------- arXiv


def is_arxiv(kind: object) -> bool:
    return str(kind or "").strip().lower() == "arxiv"


def read_eprint(entry: Reading) -> None:
    """An arXiv identifier is the preprint's number (unless ``number`` gave one)."""
    fields = entry.fields
    eprint = fields.get("eprint", "").strip()
    if (
        eprint
        and is_arxiv(fields.get("eprinttype") or fields.get("archiveprefix"))
        and "number" not in entry.data
    ):
        entry.data["number"] = eprint
        entry.unmapped.pop("eprint", None)


def arxiv_number(out: Writing) -> bool:
    """Whether the record's ``number`` is written as its ``eprint`` (and not as ``number``)."""
    unmapped = out.ref.unmapped
    kind = unmapped.get("eprinttype", unmapped.get("archiveprefix"))
    return out.ref.number is not None and is_arxiv(kind) and "eprint" not in unmapped


# ---------------------------------------------------------------- issue: a season


def _season(text: object) -> int | None:
    return SEASONS.get(str(text or "").strip().lower().rstrip("."))


def read_issue(entry: Reading, field: str, raw: str) -> None:
    """An article's ``issue`` that names a season is kept (see ``read_season``)."""
    value = to_unicode(raw)
    if entry.csl_type.startswith("article") and _season(value):
        entry.keep(field)
    else:
        entry.put("issue", value, field)


def read_season(entry: Reading) -> None:
    """The season an ``issue`` names, on a publication date that has no month or season."""
    season = _season(entry.unmapped.get("issue"))
    issued = entry.data.get("issued")
    if season and isinstance(issued, DateValue) and issued.season is None and len(issued.parts) == 1:
        issued.season = season


def issued_to_write(out: Writing) -> DateValue | None:
    """``issued``, without the season that the kept ``issue`` gives back."""
    issued = out.ref.issued
    season = _season(out.ref.unmapped.get("issue"))
    if issued is not None and season and season_number(issued.season) == season and len(issued.parts) == 1:
        return issued.model_copy(update={"season": None})
    return issued
