"""What CSL cannot hold of a GOST record, prepared in the item before rendering.

- role statements (docs/GOST.md rules 15, 16): editors, compilers, translators of the whole
  and the authors of a foreword, afterword, introduction or commentary (BibLaTeX fields kept
  in ``Reference.unmapped``) become one literal name in ``compiler``, in grammatical Russian or
  the entry's language; a part's host editors become one literal name in ``editor``. The style
  prints both without its role labels (``render.variant`` takes them out for refman);
- a thesis's degree (rule 18): "PhD thesis" → "дис. … канд. наук" with its speciality code
  after " : ";
- several places and publishers (rule 17): "München and Berlin" → "München ; Berlin",
  publishers of one place "A; B" → "A : B" (never a publisher's own "and", rule 29);
- the host's authors head the host when they are not the record's own (rule 32);
- the original title of a translation (rule 30) as a note, "Загл. ориг.: Pragmatism".
"""

from __future__ import annotations

import re
from typing import Any

from ...model import Name, Reference
from . import roles

#: Part types whose ``editor`` edits the host (printed after "//").
PART_TYPES = frozenset({"chapter", "paper-conference", "entry-dictionary", "entry-encyclopedia"})
_WHOLE_ROLES = ("compiler", "translator", "editor")
_UNMAPPED_ROLES = ("introduction", "foreword", "afterword", "commentator", "annotator")
#: biblatex and biblatex-gost thesis types → the Russian degree phrase (GOST R 7.0.100-2018,
#: abbreviations of GOST R 7.0.12-2011: "дис. … канд.", "автореф. дис. … д-ра").
THESIS_RU = {
    "phdthesis": "дис. … канд.", "phd thesis": "дис. … канд.", "candthesis": "дис. … канд.",
    "docthesis": "дис. … д-ра", "candautoref": "автореф. дис. … канд.",
    "docautoref": "автореф. дис. … д-ра",
}  # fmt: skip
_AND = re.compile(r"\s+and\s+")
_LIST = re.compile(r"\s*;\s*")
_PLACES = re.compile(r"\s*;\s*|\s+and\s+")


def _names(values: Any) -> list[Name]:
    return [Name.model_validate(v) if isinstance(v, dict) else v for v in values or []]


def _unmapped_names(text: str) -> list[Name]:
    """A BibLaTeX name list kept as text ("И. Вдовиной and Н. С. Автономовой")."""
    out = []
    for part in _AND.split(text.strip()):
        part = part.strip(" {}")
        if not part:
            continue
        if "," in part:
            family, given = (p.strip() for p in part.split(",", 1))
        else:
            words = part.split()
            family, given = words[-1], " ".join(words[:-1])
        out.append(Name(family=family, given=given or None))
    return out


def adjust(data: dict[str, Any], ref: Reference, language: str) -> None:
    """The GOST preparations above, on the CSL-JSON item ``data`` of ``ref``."""
    _responsibility(data, ref, language)
    _thesis(data, ref, language)
    _original_title(data, language)
    _host_heading(data)
    # The reader gives a biblatex list as "A; B". A place list may also say "and" ("München
    # and Berlin"), but a publisher's "and" is part of one name ("Leonard Smithers {and}
    # Company", "Taylor and Francis"): only ";" separates publishers (docs/GOST.md rule 29).
    for var, joiner, separator in (("publisher-place", " ; ", _PLACES), ("publisher", " : ", _LIST)):
        if isinstance(data.get(var), str) and separator.search(data[var]):
            data[var] = separator.sub(joiner, data[var].strip(" ;"))


#: The note's words in the entry's language (GOST R 7.0.12-2011: "Загл. ориг."); English else.
_ORIGINAL_TITLE = {
    "ru": "Загл. ориг.: ",
    "uk": "Загл. ориг.: ",
    "de": "Originaltitel: ",
    "fr": "Titre original : ",
}


def _host_heading(data: dict[str, Any]) -> None:
    """The host's authors head the host after "//" (rule 32), unless the record's own
    authors are they: the heading is not said twice ("Маркс, К. … // Сочинения")."""
    hosts = data.get("container-author")
    if not hosts:
        return
    own = {_family(n) for n in data.get("author") or []}
    if all(_family(n) in own for n in hosts):
        data.pop("container-author")
    elif data.get("type") in PART_TYPES and not data.get("composer"):
        # citeproc-py renders no hyphenated name variable ("container-author"); the styles
        # print "container-author composer" there, and a part has no composer of its own
        data["composer"] = data.pop("container-author")


def _family(name: Any) -> str:
    name = name if isinstance(name, dict) else name.model_dump(exclude_none=True)
    return str(name.get("family") or name.get("literal") or "").casefold()


def _original_title(data: dict[str, Any], language: str) -> None:
    """The original title is a note (rule 30); one the title already holds is not repeated."""
    original = data.get("original-title")
    if not isinstance(original, str) or not original.strip():
        data.pop("original-title", None)
        return
    if original.strip().casefold() in str(data.get("title") or "").casefold():
        data.pop("original-title")
        return
    data["original-title"] = _ORIGINAL_TITLE.get(language, "Original title: ") + original.strip()


def _responsibility(data: dict[str, Any], ref: Reference, language: str) -> None:
    part = data.get("type") in PART_TYPES
    groups: list[tuple[str, list[Name]]] = []
    for role in _WHOLE_ROLES:
        if role == "editor" and part:
            continue
        if ref.get(role):
            groups.append((role, list(ref.get(role))))
    for role in _UNMAPPED_ROLES:
        value = ref.unmapped.get(role)
        if isinstance(value, str) and value.strip():
            groups.append((role, _unmapped_names(value)))
    contributed = _contributor_role(ref) if ref.get("contributor") and ref.get("author") else None
    if contributed:
        groups.append((contributed, list(ref.get("contributor"))))
        data.pop("contributor", None)
    host = list(ref.editor or []) if part else []
    declined = bool(ref.origin and ref.origin.format in ("bibtex", "biblatex"))
    assumed = roles.convention([names for _, names in groups] + [host], declined)
    origlanguage = roles.language_key(ref.unmapped.get("origlanguage"))
    lang = "ru" if language == "ru" else language
    if groups:
        ordered = sorted(groups, key=lambda g: roles.ORDER.index(g[0]))
        text = " ; ".join(roles.statement(r, names, lang, assumed, origlanguage) for r, names in ordered)
        for role in _WHOLE_ROLES:
            if not (role == "editor" and part):
                data.pop(role, None)
        data["compiler"] = [{"literal": text}]
    if host:
        data["editor"] = [{"literal": roles.statement("editor", host, lang, assumed)}]


def _contributor_role(ref: Reference) -> str | None:
    """The role of BibLaTeX's ``annotator`` or ``editora`` (a collaborator), which the reader
    keeps as CSL ``contributor``: beside the authors it is a statement of its own (rule 33)."""
    fields = {k.lower(): v for k, v in (ref.origin.fields or [])} if ref.origin is not None else {}
    if "annotator" in fields:
        return "annotator"
    kind = str(ref.unmapped.get("editoratype") or fields.get("editoratype") or "").strip(' {}"').lower()
    if kind in ("collaborator", "editorcollaborator"):
        return "collaborator"
    return None


def _thesis(data: dict[str, Any], ref: Reference, language: str) -> None:
    if data.get("type") != "thesis" or language != "ru":
        return
    genre = str(data.get("genre") or "").strip()
    degree = THESIS_RU.get(genre.lower())
    if degree is None:
        return
    science = ref.unmapped.get("science")
    science = science.strip() if isinstance(science, str) else ""
    if not science.endswith("наук"):  # biblatex-gost writes "ист. наук"; "ист." alone needs it
        science = f"{science} наук".strip()
    data["genre"] = f"{degree} {science}"
