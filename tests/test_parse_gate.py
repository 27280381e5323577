"""How the rules and the model share a reference (refman/readers/reflist/crf.py) and the
post-processing of labels (refman/parsing/assemble.py), on cases checked by hand."""

from __future__ import annotations

from refman.model import Name, Reference
from refman.parsing.assemble import assemble
from refman.parsing.tokens import tokenize
from refman.readers.reflist.crf import (
    _LEAD_IN,
    Reading,
    _dated_title,
    _gost,
    _keep_byline,
    _overreach,
    _parts,
    _pick,
    read_reference,
)
from refman.readers.reflist.fields import Context, Parsed, parse_reference
from refman.readers.reflist.parts import cut_parts


def _parsed(family: str, given: str, title: str) -> Parsed:
    return Parsed(Reference(author=[Name(family=family, given=given)], title=title))


def test_the_byline_repair_takes_the_rules_title_when_the_model_took_a_word_of_it_as_a_name() -> None:
    rules, model = (
        _parsed("Park", "Zh.", "North Korea's Economy"),
        _parsed("North Park", "Zh.", "Korea's Economy"),
    )
    _keep_byline(rules, model)
    assert (model.ref.author[0].family, model.ref.title) == ("Park", "North Korea's Economy")


def test_the_byline_repair_leaves_a_title_the_rules_read_with_a_date_in_front() -> None:
    """Harvard's "Hershey, A.V. (1970) Preparation of …": the year is no part of the title."""
    rules = _parsed("Hershey", "A. V.", "(1970) Preparation of Reports")
    model = _parsed("Hershey", "A. V.", "Preparation of Reports")
    _keep_byline(rules, model)
    assert model.ref.title == "Preparation of Reports"


def test_a_lone_page_label_is_no_page() -> None:
    """ACS prints "p ." for a book without a page count: "p" is the list's word, "xiv" a page."""
    for text, page in (("Title; Press, 1967; p .", None), ("Title; Press, 1988; p xiv.", "xiv")):
        tokens = tokenize(text)
        labels = ["title", "publisher", "date", *["pages"] * (len(tokens) - 3)]
        ref = assemble(text, tokens, [(label, 1.0) for label in labels]).ref
        assert (ref.title, ref.publisher, ref.page) == ("Title", "Press", page)


def test_gost_publication_area_with_a_comma_in_the_place() -> None:
    for text, place, publisher, year in (
        ("Katok, S. Fuchsian groups / S. Katok. – Chicago, IL : University of Chicago Press, 1992. – 175 p.",
         "Chicago, IL", "University of Chicago Press", 1992),
        ("Кузнецов П. А. Экономика Кореи. – Ростов-на-Дону, Россия : Феникс, 2001. – 300 с.",
         "Ростов-на-Дону, Россия", "Феникс", 2001),
    ):  # fmt: skip
        ref = parse_reference(text, Context()).ref
        assert (ref.publisher_place, ref.publisher, ref.issued.date_parts, ref.number_of_pages) == (
            place,
            publisher,
            [[year]],
            text.rsplit("– ", 1)[1].split()[0],
        )


def test_a_publisher_with_an_issue_and_pages_and_no_place_is_a_journal() -> None:
    text = "Вопросы истории, 2019, № 3, с. 45–67."
    labels = ["publisher", "publisher", "date", "issue", "issue", "pages", "pages"]
    ref = assemble(text, tokenize(text), [(label, 0.9) for label in labels]).ref
    assert (ref.container_title, ref.publisher, ref.issue, ref.page, ref.type) == (
        "Вопросы истории",
        None,
        "3",
        "45–67",
        "article-journal",
    )


def test_a_rules_title_holding_the_models_year_and_locators_overreaches() -> None:
    """RSC prints no article title: "F. Sowa, \\TUB{}, 1991, 12, 58–63." The rules take all
    after the names for a title; the model reads year, volume and pages out of it."""
    rules = _parsed("Sowa", "F.", "\\TUB{}, 1991, 12, 58–63")
    model = Parsed(Reference(issued={"date-parts": [[1991]]}, volume="12", page="58–63"))
    assert _overreach(rules, model) is True
    assert _overreach(_parsed("Sowa", "F.", "Graphics in TeX"), model) is False


def test_gost_statement_of_responsibility_names_every_author() -> None:
    """The heading names the first author; " / " names them all (up to three, then [и др.]),
    in its first group when groups of other roles follow after ";"."""
    for text, authors, et_al in (
        ("Андерссон, Э. Безопасность региона / Э. Андерссон, К. Зайнуллин, Э. Новак [и др.]. – Москва : "
         "Наука, 2018. – 200 с.", [("Андерссон", "Э."), ("Зайнуллин", "К."), ("Новак", "Э.")], True),
        ("Кузнецов, Д. В. История / Д. В. Кузнецов, П. П. Петров ; под ред. И. И. Иванова. – Москва : "
         "Наука, 2018. – 200 с.", [("Кузнецов", "Д. В."), ("Петров", "П. П.")], None),
    ):  # fmt: skip
        ref = parse_reference(text, Context()).ref
        assert ([(n.family, n.given) for n in ref.author], ref.unmapped.get("et-al")) == (authors, et_al)
        assert ref.unmapped["responsibility"] == text.split(" / ")[1].split(". –")[0].replace(" ;", ";")


def test_gost_statement_groups_give_editors_and_translators() -> None:
    """GOST R 7.0.100-2018 5.3.5: groups of other roles follow the authors after ";", each
    opened by its role word. After "под ред." and "пер. с …" names are in the genitive and
    go back to the nominative where pymorphy3 reads them in the genitive ("Иванова" → Иванов: a woman's
    genitive would be "Ивановой"); after "редактор", "ed. by" they stand as written."""
    for text, authors, editors, translators in (
        ("Кузнецов, Д. В. История / Д. В. Кузнецов ; под ред. И. И. Иванова ; пер. с англ. "
         "А. А. Смирновой. – Москва : Наука, 2018. – 200 с.", ["Кузнецов"], ["Иванов"], ["Смирнова"]),
        ("Маклейн, С. Категории для работающего математика / С. Маклейн ; переводчик "
         "В. А. Артамонова ; редактор В. А. Артамонова. – М. : ФИЗМАТЛИТ, 2004.",
         ["Маклейн"], ["Артамонова"], ["Артамонова"]),
        ("Handbook of International Economics. Vol. 3 / ed. by R. W. Jones, G. M. Grossman. – "
         "Amsterdam : Elsevier, 1997. – 400 p.", [], ["Jones", "Grossman"], []),
        ("Интердисциплинарный комитет. Отчёт / Интердисциплинарный комитет ; под ред. "
         "И. И. Иванова. – М., 2007.", [], [], []),  # a group that is no person's name: none read
    ):  # fmt: skip
        ref = parse_reference(text, Context()).ref
        got = [[n.family for n in names or []] for names in (ref.author, ref.editor, ref.translator)]
        assert got == [authors, editors, translators]


def test_a_volume_after_the_title_is_read_with_its_statement() -> None:
    """A multi-volume work: "Title. Vol. 7 / S. T. Coleridge ; ed. by …" (GOST 5.3.4)."""
    ref = parse_reference(
        "Coleridge, S. T. The collected works of Samuel Taylor Coleridge. Vol. 7 / S. T. Coleridge ; "
        "ed. by K. Coburn, J. Engell. – London : Routledge, 1983.",
        Context(),
    ).ref
    assert (ref.title, ref.volume, [n.family for n in ref.editor or []]) == (
        "The collected works of Samuel Taylor Coleridge",
        "7",
        ["Coburn", "Engell"],
    )
    ref = parse_reference(
        "Пушкин, А. С. Собрание сочинений. Т. 2. – М. : Наука, 1959. – 600 с.", Context()
    ).ref
    assert (ref.title, ref.volume, ref.publisher) == ("Собрание сочинений", "2", "Наука")


def test_the_words_that_led_to_a_cut_link_are_not_given_to_the_model() -> None:
    """cut_parts takes the URL out and leaves "Available at: < >." behind: the model would read
    it as a place. A lead-in followed by more text ("from Alderman Library") stays."""
    for text, words in (
        ("TASS. Available at: < >.", ["TASS.", "."]),
        ("Вопросы истории, 10(10), сс. 212–242. Доступно на:.", ["Вопросы", "истории,", "10(10),", "сс.", "212–242.", "."]),
        ("Kommersant. URL", ["Kommersant."]),
        ("Retrieved June 19, 1998, from Alderman Library", ["Retrieved", "June", "19,", "1998,", "from", "Alderman", "Library"]),
    ):  # fmt: skip
        assert _LEAD_IN.sub(" ", text).split() == words


def test_the_online_medium_is_cut_like_gosts_content_designation() -> None:
    """ISO 690's "Online." sentence and Harvard's and IEEE's "[Online]" name the medium, not a
    field: they go to ``medium`` and the journal before them stays whole. "Online" inside a
    title or a journal's name is not a medium."""
    for text, rest, medium in (
        ("LAURENS, Jérôme, 2003. iTeXMac. TUGboat. Online. 2003. Vol. 24, no. 78, p. 420–426.",
         "LAURENS, Jérôme, 2003. iTeXMac. TUGboat. 2003. Vol. 24, no. 78, p. 420–426.", "Online"),
        ("Smith, J. (2019) Title [Online]. Available at: https://example.org (Accessed: 1 May 2020).",
         "Smith, J. (2019) Title.", "[Online]"),
        ("Smith, J. Shopping Online. Oxford, 2001.", "Smith, J. Shopping Online. Oxford, 2001.", None),
        ("Smith, J. Title. Online Journal of Things, 3, 2001.", "Smith, J. Title. Online Journal of Things, 3, 2001.", None),
    ):  # fmt: skip
        cut = cut_parts(text, Context().convention)
        assert (cut.text, cut.medium) == (rest, medium)


def test_a_model_title_with_the_year_the_rules_title_holds_is_read_by_the_model() -> None:
    rules = Parsed(Reference(title="Anon., 1996. FLEXChip Signal Processor. Motorola"), understood=False)
    model = Parsed(Reference(title="FLEXChip Signal Processor", issued={"date-parts": [[1996]]}))
    assert _dated_title(rules, model) is True
    assert _dated_title(rules, Parsed(Reference(title="FLEXChip Signal Processor"))) is False


def test_a_russian_author_date_reference_is_not_gost() -> None:
    """Chicago's and ASA's year after the names (". 1996. ") is no GOST structure, though the
    place is "М. :"; GOST gives the year after the place, or after "//". A place ("М.:") is
    no GOST structure either (Vancouver's "М.: Гнозис; 1995."): the model reads it too."""
    assert [
        _gost(text)
        for text in (
            "Рорти, Ричард. 1996. Случайность, ирония и солидарность. М. : Русское феноменологическое общество.",
            "Гуссерль, Эдмунд. 2010a. Картезианские медитации. М. : Академический Проект.",
            "Иванов И. И. Экономика Кореи. М. : Наука, 1996. 300 с.",
            "Иванов И. И. Экономика Кореи // Вопросы истории. 2019. № 3. С. 45–67.",
            "Лакан Ж. Функция и поле речи и языка в психоанализе. М.: Гнозис; 1995.",
        )
    ] == [False, False, True, True, False]


def test_a_title_and_a_place_with_a_date_make_a_reference() -> None:
    """A proceedings volume with no names and no publisher: title, place and year are enough
    for the model's reading to count (the place is a part like the publisher)."""
    text = "Proceedings of the XIV International Congress of Papyrologists. London; 1975."
    tokens = tokenize(text)
    labels = ["title"] * 8 + ["location", "date"]
    ref = assemble(text, tokens, [(label, 1.0) for label in labels]).ref
    assert (ref.title, ref.publisher_place, ref.issued.date_parts) == (
        "Proceedings of the XIV International Congress of Papyrologists",
        "London",
        [[1975]],
    )
    assert _parts(ref) == 2


def test_a_container_read_as_editors_is_split_off_before_the_names() -> None:
    """ "In Book, eds. Names" (ASA, APSA), ACS's "In Book; Name, I., ed.;" and IEEE's "in Book,
    I. Name, Ed.," labelled editors whole: the book is the container, the rest the editors."""
    cases = (
        ("Fraser, Z. In Key Concepts, eds. A. J. Bartlett and Justin Clemens.", 2,
         "Key Concepts", [("Bartlett", "A. J."), ("Clemens", "Justin")]),
        ("Norris, A. C. In TeX Applications, Uses, Methods; Clark, M., ed.;", 3,
         "TeX Applications, Uses, Methods", [("Clark", "M.")]),
        ("Smith, J. in Proc. IEEE Conf. Vision, J. Lee and K. Ng, Eds.,", 2,
         "Proc. IEEE Conf. Vision", [("Lee", "J."), ("Ng", "K.")]),
    )  # fmt: skip
    for text, authors, container, editors in cases:
        tokens = tokenize(text)
        labels = ["author"] * authors + ["editor"] * (len(tokens) - authors)
        ref = assemble(text, tokens, [(label, 1.0) for label in labels]).ref
        assert ref.container_title == container
        assert [(n.family, n.given) for n in ref.editor] == editors


def test_editors_alone_after_in_are_not_split() -> None:
    """ "In: Smith, J., ed." holds no book: "Smith" is a family name, not a container."""
    text = "In: Smith, J., ed."
    tokens = tokenize(text)
    ref = assemble(text, tokens, [("editor", 1.0)] * len(tokens)).ref
    assert (ref.container_title, [(n.family, n.given) for n in ref.editor]) == (None, [("Smith", "J.")])


def _year_1990(**fields: object) -> Reference:
    return Reference(issued={"date-parts": [[1990]]}, **fields)


def test_a_models_title_and_year_beat_a_whole_rules_reading_that_missed_the_year() -> None:
    """Springer LNCS "Law Commission: Intoxication and Criminal Liability. (2009).": the rules
    read the title and leave "2009" as a note; the model's title and year are only two parts,
    but where the rules read a whole reference, so does the model."""
    title = "Law Commission: Intoxication and Criminal Liability"
    rules = Parsed(Reference(title=title, note="2009"))
    model = Reading(
        Parsed(Reference(title=title, issued={"date-parts": [[2009]]}), understood=False), "model"
    )
    picked = _pick(rules, model, sure=True)
    assert (picked.by, picked.parsed.understood, picked.parsed.ref.issued.date_parts) == (
        "model",
        True,
        [[2009]],
    )


def test_a_whole_rules_reading_with_more_parts_stands_against_a_models_title_and_year() -> None:
    """ "The sanctions. Book. 2019.": the rules read a title, a container and the year; the
    model one title "The sanctions. Book" and the year: two parts against one, the rules'."""
    rules = Parsed(Reference(title="The sanctions", container_title="Book", issued={"date-parts": [[2019]]}))
    found = Reference(title="The sanctions. Book", issued={"date-parts": [[2019]]})
    picked = _pick(rules, Reading(Parsed(found, understood=False), "model"), sure=True)
    assert (picked.by, picked.parsed.ref.title, picked.parsed.ref.container_title) == (
        "rules",
        "The sanctions",
        "Book",
    )


def test_where_neither_reading_is_whole_the_models_names_and_year_are_kept_and_reported() -> None:
    """ "Philip Norton (ed.), Legislatures (Oxford: Oxford University Press, 1990).": the rules
    keep it whole as a title; the model finds the editor, the year and the publisher (no title,
    so it stays not understood and the reader reports it)."""
    text = "Philip Norton (ed.), Legislatures (Oxford: Oxford University Press, 1990)."
    rules = Parsed(Reference(title=text), understood=False)
    found = _year_1990(editor=[Name(family="Norton", given="Philip")], publisher="Oxford University Press")
    picked = _pick(rules, Reading(Parsed(found, understood=False), "model"), sure=False)
    assert (picked.by, picked.parsed.understood, picked.parsed.ref.publisher) == (
        "model",
        False,
        "Oxford University Press",
    )


def test_where_neither_reading_is_whole_a_model_reading_without_names_or_year_is_not_kept() -> None:
    """RIS lines read as a reference ("TY  - JOUR": a name "T. Y." and the title "JOUR"), and
    a year with no names: the rules' whole-text title stands."""
    rules = Parsed(Reference(title="TY  - JOUR"), understood=False)
    for found in (
        Reference(author=[Name(family="-", given="T. Y.")], title="JOUR"),
        _year_1990(title="JOUR"),
    ):
        picked = _pick(rules, Reading(Parsed(found, understood=False), "model"), sure=False)
        assert (picked.by, picked.parsed.ref.title) == ("rules", "TY  - JOUR")


def test_where_neither_reading_is_whole_a_line_of_names_alone_is_read_as_names() -> None:
    """A list's broken line "Hüper, K., Kleinsteuber, M., Silva Leite, F.": the rules take the
    whole line as a title; the model's three names and no title are kept (and reported). A
    family of one letter is not a person: "P. 0-1. P. 1-2." stays the rules'."""
    line = "Hüper, K., Kleinsteuber, M., Silva Leite, F."
    rules = Parsed(Reference(title=line), understood=False)
    names = [Name(family="Hüper", given="K."), Name(family="Kleinsteuber", given="M."),
             Name(family="Silva Leite", given="F.")]  # fmt: skip
    picked = _pick(rules, Reading(Parsed(Reference(author=names), understood=False), "model"), sure=False)
    assert (picked.by, picked.parsed.ref.title, picked.parsed.ref.author) == ("model", None, names)
    rules = Parsed(Reference(title="P. 0-1. P. 1-2"), understood=False)
    found = Reference(author=[Name(family="P")], page="1–2")
    picked = _pick(rules, Reading(Parsed(found, understood=False), "model"), sure=False)
    assert (picked.by, picked.parsed.ref.title) == ("rules", "P. 0-1. P. 1-2")


def test_a_whole_rules_reading_stands_where_the_model_has_no_title() -> None:
    rules = Parsed(Reference(author=[Name(family="Chaucer", given="J.")], title="Canterbury Tales"))
    found = _year_1990(author=[Name(family="Chaucer", given="J.")])
    assert _pick(rules, Reading(Parsed(found, understood=False), "model"), sure=True).by == "rules"


def test_a_title_after_the_editors_is_the_books() -> None:
    """Springer's "Title. In: Editor (ed) Book." where the model labels the book as a title
    too: a title span after an editors' span (which follows the first title) is the container."""
    text = "Montgomery WM (1974) Germany. In: Glick TF (ed) The Comparative Reception of Darwinism. University of Texas Press, Austin, pp 81–116"
    labels = ["author"] * 2 + ["date", "title", "other"] + ["editor"] * 3 + ["title"] * 5
    labels += ["publisher"] * 4 + ["location"] + ["pages"] * 2
    ref = assemble(text, tokenize(text), [(label, 0.9) for label in labels]).ref
    assert (
        ref.title,
        ref.container_title,
        ref.editor,
        ref.publisher,
        ref.publisher_place,
        ref.page,
        ref.type,
    ) == (
        "Germany",
        "The Comparative Reception of Darwinism",
        [Name(family="Glick", given="T. F.")],
        "University of Texas Press",
        "Austin",
        "81–116",
        "chapter",
    )


def test_a_whole_rules_reading_with_a_second_publisher_stands_and_is_reported() -> None:
    """ "Петров П. П. Книга. М.: Наука, 2019. СПб.: Питер, 2020. 300 с." has no GOST structure
    but its place, so the model reads it too (as "Наука; Питер" of "М.; СПб."); the rules found
    the second publisher and report it: theirs stands."""
    reading = read_reference("Петров П. П. Книга. М.: Наука, 2019. СПб.: Питер, 2020. 300 с.", Context())
    ref = reading.parsed.ref
    assert (reading.by, ref.publisher, ref.publisher_place, ref.unmapped) == (
        "rules",
        "Наука",
        "М.",
        {"unparsed": "СПб.: Питер, 2020"},
    )


def test_a_genitive_family_name_goes_back_to_the_nominative_where_it_reads_as_a_genitive() -> None:
    from refman.readers.reflist.responsibility import nominative

    cases = {
        "Иванова": "Иванов", "Петровой": "Петрова", "Сидоровского": "Сидоровский",
        "Вяземской": "Вяземская", "Пушкина": "Пушкин", "Шоу": "Шоу", "Smith": "Smith",
        "Римского-Корсакова": "Римский-Корсаков", "Петровой-Водкиной": "Петрова-Водкина",
    }  # fmt: skip
    assert {name: nominative(name) for name in cases} == cases


def test_a_translated_title_marked_in_russian_is_not_kept_from_the_model() -> None:
    """ "(In Russ.)" marks a Russian journal's transliterated reference, which the rules read
    whole (tests/data/reflists/translit.txt); "(in Russian)" after an English title is a
    Western list's note, and the reference is read as any other: here the model finds the
    place, publisher, year and extent the rules left unread."""
    ref = read_reference(
        "Masaitis, V. L., Danilin, A. N. and Raykhlin, A. I., The Geology of Astroblemes (in Russian). "
        "Leningrad, Nedra, 231 p. 1980.",
        Context(),
    ).parsed.ref
    assert (
        [(n.family, n.given) for n in ref.author or []],
        ref.title, ref.publisher_place, ref.publisher, ref.issued.date_parts, ref.number_of_pages, ref.language,
    ) == (
        [("Masaitis", "V. L."), ("Danilin", "A. N."), ("Raykhlin", "A. I.")],
        "The Geology of Astroblemes", "Leningrad", "Nedra", [[1980]], "231", "ru",
    )  # fmt: skip
