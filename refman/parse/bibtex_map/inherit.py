"""Crossref and xdata inheritance by biblatex's default rules (biblatex.def, the manual's
appendix B "Default Crossref Setup"): the child's own fields always win.

- Every field goes to the field of the same name (``\\DefaultInheritance{all=true,
  override=false}``) except those never inherited (``\\DeclareDataInheritance{*}{*}``).
- A declared source/target pair renames some fields: a @book's ``title`` becomes an
  @inbook's ``booktitle``, an @mvbook's ``title`` becomes a volume's or a chapter's
  ``maintitle``, a @periodical's ``title`` an @article's ``journaltitle``; ``shorttitle``
  and the sorting/index titles are not inherited there.
- An @mvbook's or @book's ``author`` is both ``author`` and ``bookauthor`` of an @inbook,
  @bookinbook or @suppbook (so a @bookinbook's author stays its author).
- A part whose pair biblatex leaves undeclared (an @incollection crossref'ing a @book, as
  classic BibTeX files do) still takes the parent's title as its ``booktitle``: BibTeX's
  crossref convention means it so, and the host would otherwise be lost.
- A parent that itself crossrefs resolves first (biber's cascading crossrefs); a cycle stops.
- The date is one value: a child with its own ``year`` or ``date`` takes neither from the
  parent (biber splits ``date`` into year/month/day before inheriting, so the child's year
  would win over the parent's date range).
- ``xdata`` merges an entry's fields in (all of them, same names), before crossref.
"""

from __future__ import annotations

#: Fields never inherited (``\DeclareDataInheritance{*}{*}``), plus ``xdata`` itself.
NOT_INHERITED = frozenset(
    "ids crossref xref entryset entrysubtype execute label options presort related "
    "relatedoptions relatedstring relatedtype shorthand shorthandintro sortkey xdata".split()
)
_NO_TITLES = {"shorttitle": "", "sorttitle": "", "indextitle": "", "indexsorttitle": ""}
_MAIN = {"title": "maintitle", "subtitle": "mainsubtitle", "titleaddon": "maintitleaddon", **_NO_TITLES}
_BOOK = {"title": "booktitle", "subtitle": "booksubtitle", "titleaddon": "booktitleaddon", **_NO_TITLES}
_JOURNAL = {"title": "journaltitle", "subtitle": "journalsubtitle", "titleaddon": "journaltitleaddon",
            **_NO_TITLES}  # fmt: skip
_AUTHORS = ("inbook", "bookinbook", "suppbook")
_PARTS = frozenset("inbook incollection inproceedings inreference bookinbook suppbook suppcollection".split())


def _rules() -> dict[tuple[str, str], dict[str, str]]:
    rules: dict[tuple[str, str], dict[str, str]] = {}

    def declare(sources: str, targets: str, renames: dict[str, str]) -> None:
        for source in sources.split():
            for target in targets.split():
                rules.setdefault((source, target), {}).update(renames)

    declare("mvbook", "book inbook bookinbook suppbook", _MAIN)
    declare("mvcollection mvreference", "collection reference incollection inreference suppcollection", _MAIN)
    declare("mvproceedings", "proceedings inproceedings", _MAIN)
    declare("book", "inbook bookinbook suppbook", _BOOK)
    declare("collection reference", "incollection inreference suppcollection", _BOOK)
    declare("proceedings", "inproceedings", _BOOK)
    declare("periodical", "article suppperiodical", _JOURNAL)
    return rules


#: (parent type, child type) → {parent field: child field, or "" for not inherited}.
RULES = _rules()
_DATE = frozenset(["year", "month", "day", "date"])


def inherit(fields: dict[str, str], etype: str, parent: dict[str, str], parent_type: str) -> None:
    """Fill ``fields`` (an entry of type ``etype``) from its crossref ``parent``, in place."""
    renames = RULES.get((parent_type, etype))
    if renames is None:
        renames = _BOOK if etype in _PARTS and parent_type not in _PARTS else {}
    dated = bool(_DATE & fields.keys())
    for name, value in parent.items():
        if name in NOT_INHERITED or (dated and name in _DATE):
            continue
        targets = [renames.get(name, name)]
        if name == "author" and etype in _AUTHORS and parent_type in ("mvbook", "book"):
            targets = ["author", "bookauthor"]
        for target in targets:
            if target and target not in fields:
                fields[target] = value


def resolve(
    etype: str,
    own: dict[str, str],
    entries: dict[str, tuple[str, dict[str, str]]],
    xdata: dict[str, dict[str, str]],
    missing: list[str],
    seen: frozenset[str] = frozenset(),
) -> dict[str, str]:
    """An entry's fields (``own``, of type ``etype``) with xdata and crossref data filled in.

    ``entries``: key (lower case) → (type, own fields); ``xdata``: key → an @xdata's fields.
    Keys that name nothing are appended to ``missing`` ("xdata 'x'", "crossref 'y'")."""
    if "xdata" not in own and "crossref" not in own:
        return own
    fields = dict(own)
    _merge_xdata(fields, xdata, missing, set())
    parent_key = fields.get("crossref", "").strip().lower()
    if not parent_key:
        return fields
    if parent_key not in entries:
        missing.append(f"crossref {parent_key!r}")
    elif parent_key not in seen:
        parent_type, parent_own = entries[parent_key]
        parent = resolve(parent_type, parent_own, entries, xdata, [], seen | {parent_key})
        inherit(fields, etype.lower(), parent, parent_type.lower())
    return fields


def _merge_xdata(
    fields: dict[str, str], xdata: dict[str, dict[str, str]], missing: list[str], seen: set[str]
) -> None:
    """xdata entries' fields, merged in order (own fields win); an @xdata may name others."""
    todo = [k.strip().lower() for k in fields.get("xdata", "").split(",") if k.strip()]
    while todo:
        key = todo.pop(0)
        if key in seen:
            continue
        seen.add(key)
        if key not in xdata:
            missing.append(f"xdata {key!r}")
            continue
        for name, value in xdata[key].items():
            if name != "xdata":
                fields.setdefault(name, value)
        todo += [k.strip().lower() for k in xdata[key].get("xdata", "").split(",") if k.strip()]
