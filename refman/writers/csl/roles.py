"""Role statements of the responsibility area: "редактор И. И. Иванов", "перевод с
французского Н. С. Автономовой", "предисловие А. Б. Петрова" (docs/GOST.md rules 15, 16).

CSL can pair a role word with names only in the nominative and has no role for a foreword,
an afterword or a commentary; refman writes each statement here and passes it to the style
as a literal name with the style's role label taken out (``render.variant``).

Which form each role takes (styles/README.md): editor and compiler take the nominative role
word ("редактор", "составитель"), which leaves nominative data as it is; a translation and the
authors of a foreword, an afterword, an introduction or a commentary take the genitive, the
only form in which the original language fits ("перевод с французского"). A name whose case
is ambiguous is never changed: the role word takes that case's other form ("под редакцией
В. А. Базарова"). Foreign entries take their own language's words ("ed. by J. Smith").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...model import Name
from ...parse import morph
from ...parse.morph import GEN, NOM
from ...parse.text import has_cyrillic

#: role → (nominative form, genitive form, preferred case) for Russian entries.
RU_ROLES: dict[str, tuple[str, str, str]] = {
    "editor": ("редактор", "под редакцией", NOM),
    "compiler": ("составитель", "составление", NOM),
    "translator": ("переводчик", "перевод", GEN),
    "introduction": ("автор вступительной статьи", "вступительная статья", GEN),
    "foreword": ("автор предисловия", "предисловие", GEN),
    "afterword": ("автор послесловия", "послесловие", GEN),
    "commentator": ("автор комментариев", "комментарии", GEN),
    "annotator": ("автор примечаний", "примечания", GEN),
    "collaborator": ("участник", "при участии", GEN),
}
#: The order of the statements after the authors (GOST R 7.0.100-2018 4.5: as on the source;
#: the usual order of a title page).
ORDER = (
    "compiler",
    "translator",
    "editor",
    "introduction",
    "foreword",
    "afterword",
    "commentator",
    "annotator",
    "collaborator",
)
FOREIGN_ROLES: dict[str, dict[str, str]] = {
    "en": {"editor": "ed. by", "compiler": "comp. by", "translator": "transl. by",
           "introduction": "introd. by", "foreword": "foreword by", "afterword": "afterword by",
           "commentator": "comment. by", "annotator": "notes by", "collaborator": "with"},
    "de": {"editor": "hrsg. von", "compiler": "zusammengestellt von", "translator": "übers. von",
           "introduction": "eingel. von", "foreword": "mit einem Vorw. von", "afterword": "mit einem Nachw. von",
           "commentator": "komm. von", "annotator": "mit Anm. von", "collaborator": "unter Mitarb. von"},
    "fr": {"editor": "sous la dir. de", "compiler": "comp. par", "translator": "trad. par",
           "introduction": "introd. de", "foreword": "préf. de", "afterword": "postf. de",
           "commentator": "comment. de", "annotator": "notes de", "collaborator": "avec la collab. de"},
}  # fmt: skip
#: "перевод с французского": the original language in the genitive (BibLaTeX's language keys).
FROM_LANGUAGE = {
    "english": "английского", "american": "английского", "british": "английского", "french": "французского",
    "german": "немецкого", "ngerman": "немецкого", "latin": "латинского", "italian": "итальянского",
    "spanish": "испанского", "greek": "греческого", "ancientgreek": "древнегреческого",
    "polish": "польского", "czech": "чешского", "swedish": "шведского", "danish": "датского",
    "dutch": "нидерландского", "norwegian": "норвежского", "portuguese": "португальского",
    "ukrainian": "украинского", "finnish": "финского", "hungarian": "венгерского",
    "japanese": "японского", "chinese": "китайского", "hebrew": "иврита", "arabic": "арабского",
    "russian": "русского", "belarusian": "белорусского", "bulgarian": "болгарского",
    "serbian": "сербского", "croatian": "хорватского", "turkish": "турецкого", "sanskrit": "санскрита",
}  # fmt: skip
FROM_LANGUAGE_EN = {"english": "English", "french": "French", "german": "German", "latin": "Latin",
                    "italian": "Italian", "spanish": "Spanish", "greek": "Greek", "russian": "Russian"}  # fmt: skip


def initials(given: str) -> str:
    """ "Иван Иванович" → "И. И."; a word already abbreviated ("Вяч.") is kept; "Жан-Поль" → "Ж.-П."."""
    out = []
    for word in given.replace(".", ". ").split():
        if word.endswith("."):
            out.append(word)
        else:
            out.append("-".join(part[:1] + "." for part in word.split("-") if part))
    return " ".join(out)


def display(name: Name, family: str | None = None) -> str:
    """ "И. О. Фамилия" (docs/GOST.md rule 3), with ``family`` in place of the name's own."""
    if name.is_institution or not name.family:
        return name.literal or name.family or ""
    parts = [
        initials(name.given or ""),
        name.dropping_particle,
        name.non_dropping_particle,
        family or name.family,
    ]
    text = " ".join(p for p in parts if p)
    return f"{text}, {name.suffix}" if name.suffix else text


def _case(name: Name) -> frozenset[str]:
    """The cases the name can be in; both for a name that declension does not touch."""
    if name.is_institution or not name.family or not has_cyrillic(name.family):
        return frozenset({NOM, GEN})
    found = morph.cases(name.family)
    if not found and " " in name.family.strip():  # "Кравчинского (Степняка)": its first word
        found = morph.cases(name.family.split()[0])
    return found or frozenset({NOM, GEN})


def convention(groups: Iterable[list[Name]], declined_source: bool) -> str:
    """The case a record's ambiguous names are taken in: the case its unambiguous role names
    show (a record is written one way), else genitive for biblatex-gost-style BibLaTeX data
    (``declined_source``), else nominative."""
    votes = {NOM: 0, GEN: 0}
    for names in groups:
        for name in names:
            found = _case(name)
            if len(found) == 1:
                votes[next(iter(found))] += 1
    if votes[GEN] != votes[NOM]:
        return GEN if votes[GEN] > votes[NOM] else NOM
    return GEN if declined_source else NOM


def _in_case(names: list[Name], target: str, assumed: str) -> list[str] | None:
    """The names displayed in ``target``, or None when one cannot be brought to it."""
    out = []
    for name in names:
        found = _case(name)
        if target in found and (len(found) == 1 or assumed == target or not has_cyrillic(name.family or "")):
            out.append(display(name))
            continue
        if len(found) == 2 and has_cyrillic(name.family or ""):
            return None  # ambiguous and taken in the other case: never changed
        source = next(iter(found))
        changed = morph.inflect(name.family or "", source, target)
        if changed is None:
            return None
        out.append(display(name, changed))
    return out


def statement(role: str, names: list[Name], lang: str, assumed: str, origlanguage: str | None = None) -> str:
    """One role statement in the entry's language: role word(s) and names, grammatical."""
    if lang != "ru":
        words = FOREIGN_ROLES.get(lang, FOREIGN_ROLES["en"])[role]
        if role == "translator" and lang == "en" and origlanguage in FROM_LANGUAGE_EN:
            words = f"transl. from {FROM_LANGUAGE_EN[origlanguage]} by"
        return f"{words} {', '.join(display(n) for n in names)}"
    nominative, genitive, preferred = RU_ROLES[role]
    other = GEN if preferred == NOM else NOM
    for target in (preferred, other):
        shown = _in_case(names, target, assumed)
        if shown is not None:
            break
    else:  # every reading fails: the names as given, with the role word of the record's case
        target, shown = assumed, [display(n) for n in names]
    words = nominative if target == NOM else genitive
    if role == "translator" and target == GEN and origlanguage in FROM_LANGUAGE:
        words = f"перевод с {FROM_LANGUAGE[origlanguage]}"
    return f"{words} {', '.join(shown)}"


def language_key(value: str | None) -> str | None:
    """BibLaTeX's origlanguage value as a key ("French", "french" → "french")."""
    if not value:
        return None
    key = re.sub(r"[^a-z]", "", value.strip().lower().split(" and ")[0])
    return key or None
