"""Free-text reference lists of our own (tests/data/reflists), read field by field.

Every expected value was written by hand from the list text. The lists cover: GOST R 7.0.5 and
7.0.100 Russian references ("//", ". – ", Т./№/С., "М.: Наука, 2019. 300 с.", [и др.], legal acts
in both orders, a thesis, a whole website), English journal/book/web references with DOI, ISBN
and "Available at:", transliterated references with "(In Russ.)", numbering "1." / "1)" / "[1]",
wrapped lines and blank-line separators, slash dates proving day/month, and no evidence at all.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refman import formats
from refman.readers.reflist import reader as reflist

LISTS = Path(__file__).resolve().parent / "data" / "reflists"


def _read(name: str):
    return reflist.read((LISTS / name).read_text(encoding="utf-8"), name=name)


def _csl(ref) -> dict:
    """The CSL dump, with each date's source text beside its parts (the dump keeps that text
    in custom.refman, which is compared separately)."""
    item = ref.to_csl()
    item.pop("custom", None)
    item.pop("id")
    for var in ("issued", "accessed"):
        value = ref.get(var)
        if value is not None and value.raw and var in item:
            item[var]["raw"] = value.raw
    return item


def _date(raw: str, *parts: int) -> dict:
    return {"date-parts": [list(parts)], "raw": raw}


def _names(*pairs: tuple[str, str]) -> list[dict]:
    return [{"family": family, "given": given} for family, given in pairs]


GOST_RU = {
    1: {"type": "article-journal", "language": "ru", "author": _names(("Иванов", "И. И.")),
        "title": "Заглавие статьи", "container-title": "Журнал", "issued": _date("2019", 2019),
        "volume": "1", "issue": "2", "page": "3–4"},
    2: {"type": "book", "language": "ru", "author": _names(("Иванов", "И. И."), ("Петров", "П. П.")),
        "title": "Книга о главном", "publisher-place": "М.", "publisher": "Наука",
        "issued": _date("2019", 2019), "number-of-pages": "300"},
    3: {"type": "article-journal", "language": "ru", "author": _names(("Сидорова", "Ю. А.")),
        "title": "Российско-корейские отношения на современном этапе",
        "container-title": "Восток. Афро-азиатские общества: история и современность",
        "issued": _date("2021", 2021), "issue": "3", "page": "45–67", "DOI": "10.31857/S086919080015143-9"},
    4: {"type": "webpage", "language": "ru", "author": _names(("Зайнуллин", "Э.")),
        "title": "Российский уголь пойдет путем чучхе", "container-title": "Коммерсантъ",
        "URL": "https://www.kommersant.ru/doc/4873366", "accessed": _date("25.08.2022", 2022, 8, 25)},
    5: {"type": "book", "language": "ru", "author": _names(("Ланьков", "А. Н.")),
        "title": "Август, 1956 год. Кризис в Северной Корее", "publisher-place": "М.",
        "publisher": "РОССПЭН", "issued": _date("2009", 2009), "number-of-pages": "279",
        "ISBN": "978-5-8243-1050-6"},
    6: {"type": "article-journal", "language": "ru",
        "author": _names(("Толорая", "Г. Д."), ("Жебин", "А. З."), ("Асмолов", "К. В.")),
        "title": "Корейский полуостров: вызовы и возможности",
        "container-title": "Мировая экономика и международные отношения", "issued": _date("2018", 2018),
        "volume": "62", "issue": "5", "page": "5–14"},
    7: {"type": "article-journal", "language": "ru", "author": _names(("Кузнецов", "Д. В.")),
        "title": "Дальневосточная политика России", "container-title": "Вестник МГИМО",
        "issued": _date("2020", 2020), "volume": "13", "issue": "4", "page": "120–135"},
    8: {"type": "legislation", "language": "ru",
        "title": "О мерах по выполнению резолюции Совета Безопасности ООН 2321 от 30 ноября 2016 года",
        "genre": "Указ Президента Российской Федерации", "authority": "Президент Российской Федерации",
        "number": "484", "issued": _date("14.10.2017", 2017, 10, 14),
        "URL": "http://publication.pravo.gov.ru/Document/View/0001201710140001",
        "accessed": _date("22.08.2022", 2022, 8, 22)},
    9: {"type": "legislation", "language": "ru",
        "title": "О мерах по выполнению резолюции Совета Безопасности ООН 2321",
        "genre": "Указ Президента Российской Федерации", "authority": "Президент Российской Федерации",
        "number": "484", "issued": _date("14.10.2017", 2017, 10, 14),
        "URL": "http://kremlin.ru/acts/bank/42382", "accessed": _date("22.08.2022", 2022, 8, 22)},
    10: {"type": "legislation", "language": "ru",
         "title": "Об информации, информационных технологиях и о защите информации",
         "genre": "Федеральный закон", "number": "149-ФЗ", "issued": _date("27.07.2006", 2006, 7, 27),
         "container-title": "Собрание законодательства РФ", "issue": "31", "section": "3448"},
    11: {"type": "webpage", "language": "ru", "title": "Коммерсантъ", "genre": "website",
         "URL": "https://www.kommersant.ru", "accessed": _date("01.02.2023", 2023, 2, 1)},
    12: {"type": "thesis", "language": "ru", "author": _names(("Хохлов", "Ю. Е.")), "title": "Россия в АТР",
         "genre": "дис. … канд. полит. наук", "publisher-place": "М.", "issued": _date("2015", 2015),
         "number-of-pages": "210"},
}  # fmt: skip

ENGLISH = {
    1: {"type": "article-journal", "author": _names(("Smith", "J."), ("Doe", "A.")),
        "title": "Sanctions and trade in Northeast Asia", "container-title": "Journal of Asian Economics",
        "issued": _date("2019", 2019), "volume": "12", "issue": "3", "page": "45–67",
        "DOI": "10.1016/j.asieco.2019.01.002"},
    2: {"type": "book", "author": _names(("Kim", "Yu."), ("Park", "Zh.")), "title": "North Korea's Economy",
        "edition": "2", "publisher-place": "London", "publisher": "Routledge", "issued": _date("2020", 2020),
        "number-of-pages": "312", "ISBN": "978-0-367-12345-6"},
    3: {"type": "book", "author": _names(("Lankov", "A.")),
        "title": "The Real North Korea: Life and Politics in the Failed Stalinist Utopia",
        "publisher-place": "Oxford", "publisher": "Oxford University Press", "issued": _date("2013", 2013),
        "number-of-pages": "283"},
    4: {"type": "webpage", "author": _names(("Brown", "K.")), "title": "Russia's pivot to Asia",
        "container-title": "The Diplomat", "issued": _date("12 March 2021", 2021, 3, 12),
        "URL": "https://thediplomat.com/2021/03/russias-pivot-to-asia/",
        "accessed": _date("05.05.2021", 2021, 5, 5)},
    5: {"type": "paper-conference", "author": _names(("O'Neill", "P."), ("McDonald", "R.")),
        "title": "Border bridges and regional integration",
        "container-title": "Proceedings of the International Conference on Transport",
        "issued": _date("2018", 2018), "page": "101–110"},
    6: {"type": "webpage", "author": [{"literal": "United Nations Security Council"}],
        "title": "Resolution 2397 (2017)", "URL": "https://undocs.org/S/RES/2397(2017)",
        "accessed": _date("14.03.2022", 2022, 3, 14)},
}  # fmt: skip

TRANSLIT = {
    1: {"type": "article-journal", "language": "ru", "author": _names(("Ivanov", "I. I."), ("Petrov", "P. P.")),
        "title": "Rossiisko-koreiskie otnosheniya [Russian-Korean relations]", "container-title": "Vostok",
        "issued": _date("2019", 2019), "issue": "2", "page": "3–14"},
    2: {"type": "book", "language": "ru", "author": _names(("Zhebin", "A. Z.")),
        "title": "Severnaya Koreya i Rossiya [North Korea and Russia]", "publisher-place": "Moscow",
        "publisher": "Nauka", "issued": _date("2017", 2017), "number-of-pages": "250"},
    3: {"type": "article-journal", "language": "ru", "author": _names(("Asmolov", "K. V.")),
        "title": "Koreiskii poluostrov", "container-title": "Mezhdunarodnaya zhizn'",
        "issued": _date("2021", 2021), "volume": "18", "issue": "7", "page": "52–60",
        "DOI": "10.5555/mz.2021.7.52"},
}  # fmt: skip

CASES = [("gost_ru.txt", GOST_RU), ("english.txt", ENGLISH), ("translit.txt", TRANSLIT)]


@pytest.mark.parametrize(
    ("name", "number"), [(name, n) for name, table in CASES for n in table], ids=lambda v: str(v)
)
def test_every_field(name, number):
    table = dict(CASES)[name]
    refs = {r.origin.number: r for r in _read(name).library.references}
    assert set(refs) == set(table)
    assert _csl(refs[number]) == table[number]


def test_unmapped_keeps_what_has_no_csl_variable():
    gost = {r.origin.number: r for r in _read("gost_ru.txt").library.references}
    assert gost[6].unmapped == {"et-al": True}
    assert gost[7].unmapped == {"medium": "Текст : непосредственный", "responsibility": "Д. В. Кузнецов"}
    assert gost[11].unmapped == {"medium": "Текст : электронный"}
    assert gost[10].unmapped == {"unparsed-date": "2006"}  # the collection's year, not the law's
    translit = _read("translit.txt").library.references
    assert all(r.unmapped == {"language-note": "(In Russ.)"} for r in translit)


def test_headings_are_skipped_and_reported():
    result = _read("gost_ru.txt")
    (note,) = [d for d in result.diagnostics if d.code == "RM007"]
    assert "Список литературы" in note.message and note.location.line == 1
    assert [d.code for d in result.diagnostics] == ["RM007"]


def test_wrapped_reference_keeps_its_lines():
    ref = {r.origin.number: r for r in _read("gost_ru.txt").library.references}[3]
    assert (ref.origin.line, ref.origin.end_line) == (5, 6)
    assert ref.origin.raw.count("\n") == 1


def test_slash_dates_day_month_from_evidence():
    result = _read("dmy_slash.txt")
    issued = [r.issued.date_parts[0] for r in result.library.references]
    assert issued == [[2021, 3, 25], [2021, 5, 4], [2022, 11, 9]]
    resolved = [d for d in result.diagnostics if d.code == "RM004"]
    assert [d.number for d in resolved] == [2, 3]
    assert all("day/month: ref 1 has a first field over 12 (25/03/2021)" in d.message for d in resolved)
    assert result.library.references[1].issued.reading.pattern == "DD/MM/YYYY"


def test_no_evidence_no_guess_and_unparsable_kept():
    result = _read("no_evidence.txt")
    first, second, third = result.library.references
    assert first.issued.date_parts is None and first.issued.raw == "03/04/2021"
    assert first.issued.reading.ambiguous and first.issued.reading.evidence is None
    assert second.issued.date_parts == [[2021]]
    assert third.type == "document" and third.title == "Some text that is not really a reference at all"
    codes = [(d.code, d.number, d.severity.value) for d in result.diagnostics]
    assert codes == [("RM005", 1, "warning"), ("RM002", 3, "warning")]
    items = json.loads(json.dumps([r.to_csl() for r in result.library.references]))
    assert items[0]["issued"] == {"raw": "03/04/2021"}


def test_conflicting_evidence_is_reported_not_guessed():
    text = (
        "1. Bridge opened. News. 25/03/2021.\n2. Port closed. News. 03/25/2021.\n3. Rail. News. 04/05/2021.\n"
    )
    result = reflist.read(text)
    assert result.library.references[2].issued.date_parts is None
    (warning,) = [d for d in result.diagnostics if d.code == "RM005"]
    assert "contradicts itself" in warning.message and "(25/03/2021)" in warning.message


@pytest.mark.parametrize(
    "text",
    [
        "1) Smith J. Title one. Journal, 2019, vol. 1, pp. 1-2.\n2) Doe A. Title two. Journal, 2020, no. 3.\n",
        "[1] Smith J. Title one. Journal, 2019, vol. 1, pp. 1-2.\n\n[2] Doe A. Title two. Journal, 2020, no. 3.\n",
        "1. Smith J. Title one. Journal,\n2019, vol. 1, pp. 1-2.\n2. Doe A. Title two. Journal, 2020, no. 3.\n",
    ],
    ids=["paren", "brackets-blank-lines", "wrapped"],
)
def test_numbering_forms(text):
    refs = reflist.read(text).library.references
    assert [r.origin.number for r in refs] == [1, 2]
    assert [r.title for r in refs] == ["Title one", "Title two"]
    assert refs[0].page == "1–2" and refs[0].volume == "1" and refs[1].issue == "3"


def test_unnumbered_list_one_reference_per_line():
    text = "Smith J. Title one. Journal, 2019, vol. 1.\nDoe A. Title two. Journal, 2020, no. 3.\n"
    refs = reflist.read(text).library.references
    assert [(r.origin.number, r.title) for r in refs] == [(None, "Title one"), (None, "Title two")]


def test_line_break_hyphen_repaired_with_evidence():
    text = "1. Smith J. Economic sanc-\ntions and trade. Journal, 2019, no. 1.\n2. Doe A. Russian-\nNorth Korean sanctions. Journal, 2020, no. 2.\n"
    result = reflist.read(text)
    assert [r.title for r in result.library.references] == [
        "Economic sanctions and trade",
        "Russian-North Korean sanctions",
    ]
    (repair,) = [d for d in result.diagnostics if d.code == "RM003"]
    assert "sanc-tions" in repair.message and repair.location.line == 2


def test_person_in_title_is_not_an_author():
    refs = reflist.read(
        "1. Zakharova: Russia expects a reply. TASS. 07.09.2022.\n"
        "2. Georgy Zinoviev: relations are entering a new stage. RIA Novosti. 07.09.2022.\n"
        "3. Yu. A. Kim, Zh. Park. Title. Journal, 2019, no. 1.\n"
    ).library.references
    assert refs[0].author is None and refs[1].author is None
    assert [n.family for n in refs[2].author] == ["Kim", "Park"] and refs[2].author[0].given == "Yu. A."


def test_english_accessed_without_brackets():
    (ref,) = reflist.read(
        "1. Brown K. Pivot. The Diplomat. https://example.org/a. Accessed 5 May 2021.\n"
    ).library.references
    assert ref.accessed.date_parts == [[2021, 5, 5]] and ref.URL == "https://example.org/a"


def test_sniffers():
    gost = (LISTS / "gost_ru.txt").read_text(encoding="utf-8")
    assert formats.detect(gost, "list.txt", ".txt").name == "reflist"
    assert reflist.sniff('[{"id": "a", "type": "book"}]') == 0.0
    assert reflist.sniff("") == 0.0
    assert reflist.sniff("Hello world.\nJust some prose here.") < formats.MIN_CONFIDENCE


def test_empty_input_is_an_error_diagnostic():
    result = reflist.read("  \n\n")
    assert [d.code for d in result.diagnostics] == ["RM001"] and not result.library.references


def test_csl_output_validates(validate_csl):
    for name in ("gost_ru.txt", "english.txt", "translit.txt", "dmy_slash.txt", "no_evidence.txt"):
        validate_csl([r.to_csl() for r in _read(name).library.references])


def _letters(text: str) -> str:
    return re.sub(r"[\W_]", "", text)


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list('1234567890.,:;/()[]«»"“” –-—\nАБВабвTitleJ.И.№С.Т.pp.vol')),
        max_size=300,
    )
)
def test_never_raises_on_arbitrary_text(text):
    result = reflist.read(text)
    if not text.strip():
        assert [d.code for d in result.diagnostics] == ["RM001"]
    lines = text.count("\n") + 1
    for ref in result.library.references:
        # nothing is lost or invented: every item has at least its text as the title, taken
        # from its own source lines (letters and digits: the reader tidies dashes and spaces,
        # so "А–." gives the title "А.")
        assert ref.title and ref.origin.raw and 1 <= ref.origin.line <= lines
        assert _letters(ref.title)[:5] in _letters(ref.origin.raw)
        assert ref.to_csl()["title"] == ref.title


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_on_any_unicode(text):
    result = reflist.read(text)
    assert 0.0 <= reflist.sniff(text) <= 1.0
    assert all(re.fullmatch(r"RM\d{3}", d.code) for d in result.diagnostics)
    assert all(ref.origin.raw for ref in result.library.references)


def test_numbers_past_9999_start_their_own_items():
    text = "\n\n".join(
        f"{n}. Ivanov I. Title number {n}. Moscow: Nauka, 2019. 100 p." for n in range(9997, 10004)
    )
    refs = reflist.read(text).library.references
    assert [r.origin.number for r in refs] == list(range(9997, 10004))
    assert refs[-1].title == "Title number 10003"


def test_thesis_with_an_unspaced_colon_and_three_dots():
    """Lists often write "Заглавие: дис. ... канд." (no space before the colon, three periods)."""
    text = "1. Ким Е. Ю. Российско-корейские отношения: дис. ... канд. ист. наук. М., 2019. 210 с.\n"
    ref = reflist.read(text).library.references[0]
    assert (ref.type, ref.title, ref.genre) == (
        "thesis",
        "Российско-корейские отношения",
        "дис. … канд. ист. наук",
    )
    assert (ref.publisher_place, str(ref.number_of_pages), ref.issued.year) == ("М.", "210", 2019)
    assert [(n.family, n.given) for n in ref.author] == [("Ким", "Е. Ю.")]
