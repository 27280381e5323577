"""GOST R 7.0.100-2018 and 7.0.5-2008 rendering: one test per kind and per rule of docs/GOST.md.

Each expected line was written from the rule it names (docs/GOST.md), not copied from
the output.
"""

from __future__ import annotations

import pytest

from refman.model import Library, Reference
from refman.options import WriteOptions
from refman.writers.csl.writer import write

ACCESSED = {"date-parts": [[2022, 8, 25]]}


def render(*items: dict, **options) -> list[str]:
    library = Library(references=[Reference.model_validate(item) for item in items])
    opts = WriteOptions(style=options.pop("style", "gost"), **options)
    return write(library, opts).splitlines()


def one(item: dict, **options) -> str:
    (line,) = render({"id": "x", "language": "ru", **item}, **options)
    assert line.startswith("1. ")
    return line[3:]


def person(family: str, given: str) -> dict:
    return {"family": family, "given": given}


# --- the three worked examples (docs/GOST.md), from seed refs 7, 18, 19 -------------------------

KOMMERSANT = {"type": "webpage", "title": "Russian coal will follow the path of Juche",
              "author": [person("Zainullin", "E.")], "container-title": "Kommersant",
              "issued": {"date-parts": [[2021, 6, 28]]}, "accessed": ACCESSED}  # fmt: skip


def test_worked_example_page_with_author():
    assert one(KOMMERSANT) == (
        "Zainullin, E. Russian coal will follow the path of Juche / E. Zainullin. – Текст : электронный "
        "// Kommersant : [сайт]. – 2021. – 28 июня. – (дата обращения: 25.08.2022)."
    )


def test_worked_example_news_without_author_raw_date():
    item = {"type": "webpage", "container-title": "Izvestia", "issued": {"raw": "2022-05-26"},
            "title": "Russia and China vetoed a resolution on sanctions against the DPRK in the UN Security Council",
            "accessed": {"date-parts": [[2022, 8, 19]]}}  # fmt: skip
    assert one(item) == (
        "Russia and China vetoed a resolution on sanctions against the DPRK in the UN Security Council. "
        "– Текст : электронный // Izvestia : [сайт]. – 2022. – 26 мая. – (дата обращения: 19.08.2022)."
    )


def test_worked_example_whole_website():
    item = {
        "type": "webpage",
        "title": "RasonConTrans",
        "genre": "website",
        "accessed": {"date-parts": [[2022, 8, 6]]},
    }
    assert one(item) == "RasonConTrans : [сайт]. – (дата обращения: 06.08.2022). – Текст : электронный."


# --- pages and news (rules 5–8, the judgment on a missing URL) -----------------------------


def test_page_with_url_rule_8():
    line = one({**KOMMERSANT, "URL": "https://www.kommersant.ru/doc/4874528"})
    assert line.endswith(
        "– 28 июня. – URL: https://www.kommersant.ru/doc/4874528 (дата обращения: 25.08.2022)."
    )


def test_page_without_outlet_is_a_whole_resource_rule_5():
    item = {"type": "webpage", "title": "Russia is actively supplying energy resources to North Korea",
            "issued": {"date-parts": [[2017, 5, 21]]}, "accessed": {"date-parts": [[2022, 8, 9]]}}  # fmt: skip
    assert one(item) == (
        "Russia is actively supplying energy resources to North Korea. – 2017. – 21 мая. "
        "– (дата обращения: 09.08.2022). – Текст : электронный."
    )


@pytest.mark.parametrize(("month", "day_month"), [(1, "10 янв."), (2, "1 февр."), (3, "2 марта"), (4, "5 апр."), (5, "26 мая"), (6, "28 июня"), (7, "18 июля"), (8, "2 авг."), (9, "3 сент."), (10, "4 окт."), (11, "3 нояб."), (12, "9 дек.")])  # fmt: skip
def test_month_abbreviations_rule_7_no_doubled_period_rule_1(month, day_month):
    day = int(day_month.split()[0])
    line = one({**KOMMERSANT, "issued": {"date-parts": [[2021, month, day]]}})
    period = "" if day_month.endswith(".") else "."  # the abbreviation's period is not doubled
    assert f"– 2021. – {day_month}{period} – (дата" in line
    assert ".." not in line


def test_question_mark_ending_a_title_stays_rule_1():
    item = {"type": "webpage", "title": "Why does Russia need a new bridge in North Korea?",
            "container-title": "East Russia", "accessed": ACCESSED}  # fmt: skip
    assert one(item).startswith(
        "Why does Russia need a new bridge in North Korea? – Текст : электронный // East Russia"
    )


def test_english_list_language_rule_9():
    assert one(KOMMERSANT, lang="en") == (
        "Zainullin, E. Russian coal will follow the path of Juche / E. Zainullin. – Text : electronic "
        "// Kommersant : [site]. – 2021. – 28 June. – (accessed: 25.08.2022)."
    )


# --- speech, statistics, legal act (rules 4, 6, 11) ----------------------------------------


def test_speech_place_is_other_title_information():
    item = {"type": "speech", "title": "Statement by Igor Vishnevetskii at the 10th NPT Review Conference",
            "event": "10th NPT Review Conference", "event-place": "New York",
            "container-title": "The Ministry of Foreign Affairs of the Russian Federation",
            "issued": {"date-parts": [[2022, 8, 2]]}, "accessed": {"date-parts": [[2022, 8, 19]]}}  # fmt: skip
    assert one(item) == (
        "Statement by Igor Vishnevetskii at the 10th NPT Review Conference : New York. – Текст : электронный "
        "// The Ministry of Foreign Affairs of the Russian Federation : [сайт]. – 2022. – 2 авг. "
        "– (дата обращения: 19.08.2022)."
    )


def test_statistical_page_is_part_of_a_site():
    item = {"type": "dataset", "title": "Foreign trade of the Russian Federation with foreign countries",
            "container-title": "Federal State Statistics Service", "accessed": {"date-parts": [[2022, 8, 6]]}}  # fmt: skip
    assert one(item) == (
        "Foreign trade of the Russian Federation with foreign countries. – Текст : электронный "
        "// Federal State Statistics Service : [сайт]. – (дата обращения: 06.08.2022)."
    )


def test_legal_act_rule_11():
    item = {"type": "legislation", "title": "О мерах по выполнению резолюции Совета Безопасности ООН 2321",
            "genre": "Указ Президента Российской Федерации", "number": "484",
            "issued": {"date-parts": [[2017, 10, 14]]}, "note": "ред. от 12.04.2019",
            "container-title": "Официальный интернет-портал правовой информации",
            "URL": "http://pravo.gov.ru", "accessed": {"date-parts": [[2022, 8, 22]]}}  # fmt: skip
    assert one(item) == (
        "О мерах по выполнению резолюции Совета Безопасности ООН 2321 : Указ Президента Российской Федерации "
        "от 14 октября 2017 г. № 484 : ред. от 12.04.2019. – Текст : электронный "
        "// Официальный интернет-портал правовой информации : [сайт]. – URL: http://pravo.gov.ru "
        "(дата обращения: 22.08.2022)."
    )


# --- journal article, book, chapter, thesis, conference paper (rules 3, 12) ----------------

ARTICLE = {"type": "article-journal", "title": "Заглавие статьи", "container-title": "Журнал",
           "issued": {"date-parts": [[2019]]}, "volume": "12", "issue": "3", "page": "45-67"}  # fmt: skip


def test_journal_article_print_rule_12():
    item = {**ARTICLE, "author": [person("Иванов", "Иван Олегович")]}
    assert one(item) == (
        "Иванов, И. О. Заглавие статьи / И. О. Иванов. – Текст : непосредственный // Журнал. – 2019. "
        "– Т. 12, № 3. – С. 45–67."
    )


def test_journal_article_online_with_doi():
    item = {**ARTICLE, "author": [person("Иванов", "И. О.")], "DOI": "10.31857/S0869190800",
            "URL": "https://example.org/a", "accessed": {"date-parts": [[2023, 1, 5]]}}  # fmt: skip
    assert one(item) == (
        "Иванов, И. О. Заглавие статьи / И. О. Иванов. – Текст : электронный // Журнал. – 2019. "
        "– Т. 12, № 3. – С. 45–67. – DOI 10.31857/S0869190800. – URL: https://example.org/a "
        "(дата обращения: 05.01.2023)."
    )


def test_english_entry_gets_english_terms_in_a_russian_list():
    item = {**ARTICLE, "language": "en", "title": "Trade and sanctions", "container-title": "Pacific Affairs",
            "author": [person("Smith", "John"), person("Chen", "Li")]}  # fmt: skip
    (line,) = render(item)
    assert line == (
        "1. Smith, J. Trade and sanctions / J. Smith, L. Chen. – Текст : непосредственный // Pacific Affairs. "
        "– 2019. – Vol. 12, No. 3. – P. 45–67."
    )


def test_book_rule_12():
    item = {"type": "book", "title": "Заглавие", "author": [person("Иванов", "Иван Олегович")], "edition": "2",
            "publisher-place": "Москва", "publisher": "Наука", "issued": {"date-parts": [[2019]]},
            "number-of-pages": "300", "ISBN": "978-5-02-040000-1"}  # fmt: skip
    assert one(item) == (
        "Иванов, И. О. Заглавие / И. О. Иванов. – 2-е изд. – Москва : Наука, 2019. – 300 с. "
        "– ISBN 978-5-02-040000-1. – Текст : непосредственный."
    )


def test_chapter_in_a_book():
    item = {"type": "chapter", "title": "Глава", "author": [person("Петрова", "Анна")],
            "container-title": "Сборник", "editor": [person("Сидоров", "Сергей")], "publisher-place": "Москва",
            "publisher": "Наука", "issued": {"date-parts": [[2020]]}, "page": "10-20"}  # fmt: skip
    assert one(item) == (
        "Петрова, А. Глава / А. Петрова. – Текст : непосредственный // Сборник / редактор С. Сидоров. "
        "– Москва : Наука, 2020. – С. 10–20."
    )


def test_thesis_genre_is_other_title_information():
    item = {"type": "thesis", "title": "Российско-корейские отношения", "author": [person("Орлов", "Пётр")],
            "genre": "диссертация на соискание ученой степени кандидата исторических наук",
            "publisher-place": "Москва", "issued": {"date-parts": [[2015]]}, "number-of-pages": "210"}  # fmt: skip
    assert one(item) == (
        "Орлов, П. Российско-корейские отношения : диссертация на соискание ученой степени кандидата "
        "исторических наук / П. Орлов. – Москва, 2015. – 210 с. – Текст : непосредственный."
    )


def test_conference_paper():
    item = {"type": "paper-conference", "title": "Доклад", "author": [person("Юдин", "Юрий")],
            "container-title": "Востоковедение сегодня", "event": "материалы конференции",
            "publisher-place": "Москва", "publisher": "ИВ РАН", "issued": {"date-parts": [[2021]]}, "page": "5-9"}  # fmt: skip
    assert one(item) == (
        "Юдин, Ю. Доклад / Ю. Юдин. – Текст : непосредственный // Востоковедение сегодня : материалы "
        "конференции. – Москва : ИВ РАН, 2021. – С. 5–9."
    )


# --- authors: 1, 2, 3, 4+; Cyrillic and Latin; two-letter initials (rule 3) --------------

A = [person("Иванов", "Иван"), person("Петров", "Пётр"), person("Сидоров", "Сергей"), person("Жуков", "Жан")]


@pytest.mark.parametrize(("count", "start"), [
    (1, "Иванов, И. Заглавие статьи / И. Иванов. – "),
    (2, "Иванов, И. Заглавие статьи / И. Иванов, П. Петров. – "),
    (3, "Иванов, И. Заглавие статьи / И. Иванов, П. Петров, С. Сидоров. – "),
    (4, "Заглавие статьи / И. Иванов, П. Петров, С. Сидоров [и др.]. – "),
])  # fmt: skip
def test_heading_for_one_to_three_title_first_for_four(count, start):
    assert one({**ARTICLE, "author": A[:count]}).startswith(start)


def test_four_latin_authors_in_an_english_entry_get_et_al():
    (line,) = render({**ARTICLE, "language": "en", "title": "T", "author": [person("Smith", "John")] * 4})
    assert line.startswith("1. T / J. Smith, J. Smith, J. Smith [et al.]. – ")


@pytest.mark.parametrize("given", ["Yu.", "Ya.", "Zh.", "Ch.", "Yu. A."])
def test_two_letter_initials_are_kept(given):
    line = one({**ARTICLE, "author": [person("Zainullin", given)]})
    assert line.startswith(f"Zainullin, {given} Заглавие статьи / {given} Zainullin. – ")


def test_romanised_russian_given_name_gives_two_letters():
    assert one({**ARTICLE, "author": [person("Gagarin", "Yuri Alekseevich")]}).startswith("Gagarin, Yu. A. ")


# --- GOST R 7.0.5-2008 -----------------------------------------------------------------


def test_7_0_5_online_resource():
    """docs/GOST.md rule 1: ". – " between areas by default in 7.0.5 too; short_areas gives the
    ". " that GOST R 7.0.5-2008 permits."""
    assert one(KOMMERSANT, style="gost-r-7.0.5-2008") == (
        "Zainullin E. Russian coal will follow the path of Juche [Электронный ресурс] // Kommersant. "
        "– 2021. – 28 июня. – (дата обращения: 25.08.2022)."
    )
    assert one(KOMMERSANT, style="gost-r-7.0.5-2008", short_areas=True) == (
        "Zainullin E. Russian coal will follow the path of Juche [Электронный ресурс] // Kommersant. "
        "2021. 28 июня. (дата обращения: 25.08.2022)."
    )


def test_7_0_5_article_and_four_authors():
    """docs/GOST.md rule 13: up to three authors head a 7.0.5 reference; four or more: title first."""
    line = one({**ARTICLE, "author": A}, style="gost-2008", short_areas=True)
    assert line == "Заглавие статьи / И. Иванов [и др.] // Журнал. 2019. Т. 12, № 3. С. 45–67."
    line = one({**ARTICLE, "author": A[:2]}, style="gost-2008", short_areas=True)
    assert line == "Иванов И., Петров П. Заглавие статьи // Журнал. 2019. Т. 12, № 3. С. 45–67."
    line = one({**ARTICLE, "author": A[:3]}, style="gost-2008")
    assert (
        line
        == "Иванов И., Петров П., Сидоров С. Заглавие статьи // Журнал. – 2019. – Т. 12, № 3. – С. 45–67."
    )


def test_an_entry_without_language_takes_the_terms_of_its_script():
    """docs/GOST.md: terms follow each entry's language; with none given, a Latin title is read as
    English ("283 p.") and a Cyrillic one as Russian ("312 с."); prescribed words stay Russian."""
    latin, cyrillic = render(
        {"id": "l", "type": "book", "title": "The Real North Korea", "author": [{"family": "Lankov", "given": "A."}],
         "publisher-place": "Oxford", "publisher": "Oxford University Press", "number-of-pages": "283",
         "issued": {"date-parts": [[2013]]}},
        {"id": "c", "type": "book", "title": "Корейский полуостров", "author": [{"family": "Толорая", "given": "Г. Д."}],
         "publisher-place": "Москва", "publisher": "Аспект Пресс", "number-of-pages": "312",
         "issued": {"date-parts": [[2021]]}},
    )  # fmt: skip
    assert "– 283 p. – Текст : непосредственный." in latin
    assert "– 312 с. – Текст : непосредственный." in cyrillic


def test_a_legal_act_on_no_portal_says_its_date_once():
    """docs/GOST.md rule 11: the act's date and number are other title information ("от … № …");
    with no portal and no publisher there is no year area to repeat the year in."""
    line = one({"type": "legislation", "title": "О мерах", "genre": "Указ Президента Российской Федерации",
                "number": "484", "issued": {"date-parts": [[2017, 10, 14]]},
                "URL": "http://www.kremlin.ru/acts/bank/42383", "accessed": {"date-parts": [[2022, 8, 22]]}})  # fmt: skip
    assert line == (
        "О мерах : Указ Президента Российской Федерации от 14 октября 2017 г. № 484. – "
        "URL: http://www.kremlin.ru/acts/bank/42383 (дата обращения: 22.08.2022). – Текст : электронный."
    )


def test_a_doi_is_printed_without_its_resolver_prefix():
    """docs/GOST.md rule 12 examples print "DOI 10.…"; a stored "https://doi.org/…" must not double it."""
    line = one({"type": "article-journal", "title": "T", "container-title": "J", "volume": "1",
                "issued": {"date-parts": [[2019]]}, "DOI": "https://doi.org/10.1000/ABC"})  # fmt: skip
    assert line.endswith("– DOI 10.1000/ABC.")


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("gost", "Аристотель. Политика / Аристотель. – Москва : Наука, 2019. – Текст : непосредственный."),
        ("gost-r-7.0.5-2008", "Аристотель. Политика. – Москва : Наука, 2019."),
    ],
)
def test_a_heading_without_initials_ends_with_a_period(style, expected):
    """The heading is an element of its own: "Аристотель. Политика". A name with initials
    ends with their period already ("Иванов, И. О. Заглавие"), never doubled."""
    item = {"type": "book", "title": "Политика", "author": [{"family": "Аристотель"}],
            "publisher-place": "Москва", "publisher": "Наука", "issued": {"date-parts": [[2019]]}}  # fmt: skip
    assert one(item, style=style) == expected
