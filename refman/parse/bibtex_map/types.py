"""The entry-type converter: an entry type (with ``entrysubtype``) ↔ a CSL type, both ways.

The type tables themselves (``TYPE_TO_CSL``, ``CSL_TO_TYPES``) live in ``parse.bibtex_fields``;
this module holds the rules that are not one row of them: a subtype that names a CSL type, a
@misc with a URL that is a web page, and the entry type refman remembers when CSL has no twin.
"""

from __future__ import annotations

from ...model import CSL_TYPES, Reference
from ..bibtex_fields import ARTICLE_SUBTYPES, CSL_TO_TYPES, TYPE_TO_CSL, entry_head
from .context import Reading, Writing

#: The 14 classic BibTeX entry types (anything else is @misc in the BibTeX dialect).
BIBTEX_TYPES = frozenset("article book booklet conference inbook incollection inproceedings manual "
                         "mastersthesis misc phdthesis proceedings techreport unpublished".split())  # fmt: skip
#: The key in ``unmapped`` that remembers an entry type CSL has no twin for (@manual, @mvbook).
ENTRY_TYPE_KEY = "entrytype"


def csl_type(etype: str, fields: dict[str, str]) -> tuple[str, bool]:
    """(CSL type, whether ``entrysubtype`` said it): the writer writes such a subtype back."""
    found = TYPE_TO_CSL.get(etype, "document")
    subtype = fields.get("entrysubtype", "").strip().lower()
    if etype == "article" and subtype in ARTICLE_SUBTYPES:
        found = ARTICLE_SUBTYPES[subtype]
    elif subtype in CSL_TYPES and etype in CSL_TO_TYPES.get(subtype, ()):
        found = subtype  # a CSL type refman wrote as the nearest entry type (@misc, @online)
    elif etype == "misc" and "url" in fields and not fields.keys() & {"journal", "booktitle"}:
        found = "webpage"
    by_subtype = found == ARTICLE_SUBTYPES.get(subtype, subtype) != TYPE_TO_CSL.get(etype, "document")
    return found, by_subtype


def read_entry_type(entry: Reading) -> None:
    """Remember an entry type that the CSL type does not write back (@manual, @mvbook, @inbook)."""
    if entry.etype not in CSL_TO_TYPES.get(entry.csl_type, ()):
        entry.unmapped[ENTRY_TYPE_KEY] = entry.etype


def entry_type(ref: Reference, dialect: str) -> str:
    """The entry type to write: the one read where it still says the record's CSL type (a
    @misc with a URL stays @misc), else the dialect's type for it."""
    recorded = str(ref.unmapped.get(ENTRY_TYPE_KEY, "")).lower()
    if recorded and (dialect == "biblatex" or recorded in BIBTEX_TYPES):
        return recorded
    head = entry_head(ref.origin.raw) if ref.origin is not None and ref.origin.fields is not None else None
    read_as = head[0].lower() if head else ""
    if read_as and (dialect == "biblatex" or read_as in BIBTEX_TYPES):
        says_it = TYPE_TO_CSL.get(read_as) == ref.type or read_as in CSL_TO_TYPES.get(ref.type, ())
        if says_it or (read_as == "misc" and ref.type == "webpage" and ref.URL):  # (with entrysubtype)
            return read_as
    bibtex, biblatex = CSL_TO_TYPES.get(ref.type, ("misc", "misc"))
    if dialect == "biblatex":
        return biblatex
    if bibtex == "phdthesis" and ref.genre and "master" in ref.genre.lower():
        return "mastersthesis"
    return bibtex


def write_subtype(out: Writing) -> None:
    """``entrysubtype`` for a CSL type the entry type cannot say (read back by ``csl_type``)."""
    ref, etype = out.ref, out.etype
    if "entrysubtype" in ref.unmapped:
        return
    if ref.type in ("article-magazine", "article-newspaper") and etype == "article":
        out.add("entrysubtype", ref.type.split("-")[1])
    elif (
        ref.type != TYPE_TO_CSL.get(etype, "document")
        and etype in CSL_TO_TYPES.get(ref.type, ())
        and not (ref.type == "webpage" and etype == "misc" and ref.URL)  # the reader infers it
    ):
        out.add("entrysubtype", ref.type)
