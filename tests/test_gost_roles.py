"""Role statements, multi-volume sets, series and theses (docs/GOST.md rules 15-20): each
expected line written from the rule it names."""

from __future__ import annotations

import pytest

from refman.model import Name
from refman.parse.morph import GEN, NOM
from refman.writers.csl.roles import statement

from .test_gost import one


def n(family: str, given: str) -> Name:
    return Name(family=family, given=given)


@pytest.mark.parametrize(("role", "names", "assumed", "origlanguage", "expected"), [
    # rule 16: nominative role word with a nominative name, unchanged
    ("editor", [n("Иванов", "Иван Иванович")], NOM, None, "редактор И. И. Иванов"),
    # rule 16: an unambiguous genitive brought to the nominative the role word needs
    ("editor", [n("Веселовского", "И. Н.")], NOM, None, "редактор И. Н. Веселовский"),
    # rule 16: ambiguous "Чанышева" (a woman, or a man in the genitive) is kept; the role word follows
    ("editor", [n("Чанышева", "А.")], GEN, None, "под редакцией А. Чанышева"),
    ("editor", [n("Базарова", "В. А.")], NOM, None, "редактор В. А. Базарова"),
    # rule 15: translation with its original language takes the genitive
    ("translator", [n("Автономовой", "Н. С."), n("Визгина", "В. П.")], GEN, "french",
     "перевод с французского Н. С. Автономовой, В. П. Визгина"),
    ("translator", [n("Иванов", "И.")], NOM, "english", "перевод с английского И. Иванова"),
    ("foreword", [n("Сидоров", "Пётр")], NOM, None, "предисловие П. Сидорова"),
    # an indeclinable name stays as it is; the role word follows the record's case
    ("editor", [n("Ромашко", "С. А.")], GEN, None, "под редакцией С. А. Ромашко"),
    ("editor", [n("Ромашко", "С. А.")], NOM, None, "редактор С. А. Ромашко"),
    ("compiler", [n("Сидоров", "П. С.")], NOM, None, "составитель П. С. Сидоров"),
])  # fmt: skip
def test_russian_statements_are_grammatical(role, names, assumed, origlanguage, expected):
    assert statement(role, names, "ru", assumed, origlanguage) == expected


def test_foreign_entries_take_their_own_words_rule_15():
    assert statement("editor", [n("Smith", "John")], "en", NOM) == "ed. by J. Smith"
    assert (
        statement("translator", [n("Smith", "John")], "en", NOM, "french")
        == "transl. from French by J. Smith"
    )
    assert statement("translator", [n("Müller", "Hans")], "de", NOM) == "übers. von H. Müller"


BOOK = {"type": "book", "title": "Сочинения", "publisher-place": "Москва", "publisher": "Мысль",
        "issued": {"date-parts": [[1990]]}}  # fmt: skip


def test_volume_of_a_set_with_series_rules_19_20():
    item = {**BOOK, "number-of-volumes": "4", "volume": "2", "volume-title": "Логика",
            "collection-title": "Философское наследие", "collection-number": "109",
            "editor": [{"family": "Иванов", "given": "Иван"}]}  # fmt: skip
    assert one(item) == (
        "Сочинения : в 4 т. Т. 2 : Логика / редактор И. Иванов. – Москва : Мысль, 1990. "
        "– (Философское наследие ; 109). – Текст : непосредственный."
    )
    assert one(item, style="gost-2008", short_areas=True) == (
        "Сочинения : в 4 т. Т. 2 : Логика / редактор И. Иванов. Москва : Мысль, 1990. (Философское наследие ; 109)."
    )


def test_translated_book_with_foreword_rules_15_16():
    item = {**BOOK, "author": [{"family": "Рикёр", "given": "Поль"}], "title": "Конфликт интерпретаций",
            "translator": [{"family": "Вдовиной", "given": "И."}],
            "custom": {"refman": {"unmapped": {"origlanguage": "french", "foreword": "И. Вдовиной"}}}}  # fmt: skip
    assert one(item) == (
        "Рикёр, П. Конфликт интерпретаций / П. Рикёр ; перевод с французского И. Вдовиной ; "
        "предисловие И. Вдовиной. – Москва : Мысль, 1990. – Текст : непосредственный."
    )


def test_thesis_degree_and_speciality_rule_18():
    item = {"type": "thesis", "title": "Религиозная политика Золотой Орды на Руси в XIII–XIV вв.",
            "author": [{"family": "Белозеров", "given": "Олег Петрович"}], "genre": "PhD thesis",
            "number": "07.00.02", "publisher-place": "Москва", "issued": {"date-parts": [[2008]]},
            "custom": {"refman": {"unmapped": {"science": "ист. наук"}}}}  # fmt: skip
    assert one(item) == (
        "Белозеров, О. П. Религиозная политика Золотой Орды на Руси в XIII–XIV вв. : дис. … канд. "
        "ист. наук : 07.00.02 / О. П. Белозеров. – Москва, 2008. – Текст : непосредственный."
    )


def test_several_places_and_publishers_rule_17():
    item = {
        **BOOK,
        "publisher-place": "München and Berlin",
        "publisher": "Beck; Springer",  # the BibLaTeX reader's list of two publishers
        "title": "Werke",
    }
    assert "– München ; Berlin : Beck : Springer, 1990." in one(item)


def test_publisher_with_and_is_one_publisher_rule_29():
    """biblatex-examples.bib, wilde: ``{and}`` is protected, "and" is part of the name."""
    from refman import api
    from refman.io import InputText
    from refman.options import WriteOptions
    from refman.writers.csl.writer import render

    bib = (
        "@book{wilde, author = {Wilde, Oscar}, title = {The Importance of Being Earnest},"
        " year = 1899, publisher = {Leonard Smithers {and} Company}, location = {London}}"
    )
    refs = api.read_input(InputText("w.bib", bib, "utf-8", ".bib"))[0].references
    assert refs[0].get("publisher") == "Leonard Smithers and Company"
    [(_, _, text)] = render(refs, WriteOptions(style="gost-r-7.0.100-2018"))
    assert text == (
        "Wilde, O. The Importance of Being Earnest / O. Wilde. – London : Leonard Smithers and "
        "Company, 1899. – Текст : непосредственный."
    )
    assert "Taylor and Francis, 1990." in one({**BOOK, "publisher": "Taylor and Francis"})


def _bib_text(bib: str, style: str = "gost-r-7.0.100-2018") -> str:
    from refman import api
    from refman.io import InputText
    from refman.options import WriteOptions
    from refman.writers.csl.writer import render

    refs = api.read_input(InputText("x.bib", bib, "utf-8", ".bib"))[0].references
    return render(refs, WriteOptions(style=style))[0][2]


def test_annotator_and_collaborator_beside_authors_rule_33():
    """biblatex-gost sartre:bin and burtsev:zsl: ``annotator`` and an ``editora`` of type
    ``editorcollaborator`` (read as CSL contributor) are statements after the authors."""
    sartre = _bib_text(
        "@book{s, author = {Сартр, Жан-Поль}, title = {Бытие и ничто}, year = 2000,"
        " location = {М.}, publisher = {Республика}, annotator = {В. И. Колядко and Р. К. Медведевой},"
        " langid = {russian}}"
    )
    assert sartre == (
        "Сартр, Ж.-П. Бытие и ничто / Ж.-П. Сартр ; примечания В. И. Колядко, Р. К. Медведевой. – "
        "М. : Республика, 2000. – Текст : непосредственный."
    )
    burtsev = _bib_text(
        "@mvbook{b, author = {Бурцев, В.}, title = {За сто лет}, year = 1897, location = {London},"
        " editora = {С. М. {Кравчинского (Степняка)}}, editoratype = {editorcollaborator},"
        " langid = {russian}}",
        "gost-r-7.0.5-2008",
    )
    assert burtsev == "Бурцев В. За сто лет / при участии С. М. Кравчинского (Степняка). – London, 1897."
