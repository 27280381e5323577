"""GOST's statement of responsibility after " / ": its groups, one per role.

GOST R 7.0.100-2018 (5.3.5) separates groups of persons of different roles by " ; " and
opens each but the authors' with a word that names the role: "/ И. И. Иванов ; под редакцией
П. П. Петрова ; перевод с английского А. А. Смирновой", "/ J. Smith ; ed. by K. Brown".
Names after "под редакцией", "перевод с …" and the like are in the genitive (GOST rule 16) and
are put back in the nominative where pymorphy3 reads them in the genitive (``parse.morph``,
which the GOST writer uses the other way): "Петрова" after "под ред." is Петров's genitive (a
woman's would be "Петровой"); a name it cannot read so stays as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import Name, Reference
from ...parse import morph
from ...parse.names import parse_name_list

_GROUP = re.compile(r"\s*;\s+")
#: A group's role word; "gen" where the names after it are in the genitive.
_ROLES = (
    ("editor", True, r"под\s+(?:общ(?:ей|\.)\s+|науч(?:ной|\.)\s+)?ред(?:акцией|\.)"),
    ("editor", False, r"(?:отв\.\s+|науч\.\s+|гл\.\s+)?ред(?:актор(?:ы)?|\.)|редколлегия\s*:"),
    ("editor", False, r"(?:edited\s+by|ed\.\s+by|eds?\.|editors?\s*:?)"),
    ("translator", True, r"(?:пер(?:евод|\.)\s+с\s+[а-яё]+\.?(?:\s+яз\.)?)"),
    ("translator", False, r"(?:переводчик(?:и)?|пер\.|translated\s+by|transl?\.\s+by|trans\.)"),
)
_ROLE = [(role, gen, re.compile(rf"^{pattern}\s*", re.IGNORECASE)) for role, gen, pattern in _ROLES]


@dataclass(slots=True)
class Statement:
    authors: list[Name] = field(default_factory=list)
    et_al: bool = False
    editors: list[Name] = field(default_factory=list)
    translators: list[Name] = field(default_factory=list)
    whole: bool = True  # every group was read


def nominative(family: str) -> str:
    """A Russian family name in the genitive, in the nominative (as written where it cannot be
    read in the genitive)."""
    if not family:
        return family
    return morph.inflect(family, morph.GEN, morph.NOM) or family


def read_statement(text: str) -> Statement:
    """The groups of a statement of responsibility (module docstring)."""
    out = Statement()
    for number, group in enumerate(_GROUP.split(text.strip().rstrip("."))):
        role, genitive, rest = _role(group)
        names, et_al = parse_name_list(rest)
        if not names:
            out.whole = False
            continue
        if genitive:
            names = [n.model_copy(update={"family": nominative(n.family or "")}) for n in names]
        if role == "editor":
            out.editors += names
        elif role == "translator":
            out.translators += names
        elif number == 0:
            out.authors, out.et_al = names, et_al
        else:
            out.whole = False
    return out


def _role(group: str) -> tuple[str | None, bool, str]:
    for role, genitive, pattern in _ROLE:
        match = pattern.match(group)
        if match:
            return role, genitive, group[match.end() :]
    return None, False, group


def take_roles(ref: Reference, text: str) -> None:
    """Authors, editors and translators from a statement whose every group reads as names: the
    authors where the heading names none or only the first of them ("Андерссон, Э. Заглавие
    / Э. Андерссон, К. Зайнуллин"), then the groups of other roles ("; под ред. П. П. Петрова")."""
    statement = read_statement(text)
    if not statement.whole:
        return
    heading = ref.author or []
    if statement.authors and (
        not heading
        or (len(statement.authors) > len(heading) and statement.authors[0].family == heading[0].family)
    ):
        ref.author = statement.authors
        if statement.et_al:
            ref.unmapped["et-al"] = True
    ref.editor = ref.editor or statement.editors or None
    ref.translator = ref.translator or statement.translators or None
