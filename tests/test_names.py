"""Names in reference lists: bylines (only at the start, only in byline form), responsibility lists."""

from __future__ import annotations

import pytest

from refman.parse.names import (
    initials_of,
    normalize_initials,
    parse_name_list,
    parse_person,
    split_byline,
)


@pytest.mark.parametrize(
    ("text", "expected", "rest"),
    [
        ("Zainullin E. Russian coal will follow the path of Juche.", [("Zainullin", "E.")], "Russian coal"),
        ("Иванов И. И., Петров П. П. Книга.", [("Иванов", "И. И."), ("Петров", "П. П.")], "Книга."),
        ("Ivanov I.I., Petrov Yu.A. Title", [("Ivanov", "I. I."), ("Petrov", "Yu. A.")], "Title"),
        ("Иванов, И. И. Заглавие / И. И. Иванов", [("Иванов", "И. И.")], "Заглавие"),
        ("J. Smith and A. Doe. Title", [("Smith", "J."), ("Doe", "A.")], "Title"),
        ("O'Neill P., McDonald R. Border", [("O'Neill", "P."), ("McDonald", "R.")], "Border"),
        ("Шмелев Дж. Р. и др. Книга", [("Шмелев", "Дж. Р.")], "Книга"),
    ],
)
def test_byline(text, expected, rest):
    names, remainder, _ = split_byline(text)
    assert [(n.family, n.given) for n in names] == expected
    assert remainder.startswith(rest)


@pytest.mark.parametrize(
    "text",
    [
        "Zakharova: Russia expects a constructive attitude",
        "Georgy Zinoviev: Russian-Chinese relations are entering a new stage",
        "Pushilin expressed readiness to visit North Korea",
        "Statement by Mr. Igor Vishnevetskii, Deputy Head",
        "Заглавие статьи // Журнал",
        "Zainullin E.",  # nothing after the name: not a byline
    ],
)
def test_not_a_byline(text):
    assert split_byline(text) == ([], text, False)


def test_et_al():
    names, rest, et_al = split_byline("Толорая Г. Д., Жебин А. З. [и др.] Корейский полуостров")
    assert len(names) == 2 and et_al and rest == "Корейский полуостров"


def test_responsibility_list():
    names, et_al = parse_name_list("И. И. Иванов, П. П. Петров [и др.]")
    assert [(n.family, n.given) for n in names] == [("Иванов", "И. И."), ("Петров", "П. П.")] and et_al
    assert parse_name_list("под редакцией коллектива") == ([], False)


def test_existing_helpers_still_work():
    assert normalize_initials("Yu") == "Yu." and normalize_initials("I.I.") == "I. I."
    assert initials_of("Yuri Ivanovich") == "Yu. I."
    person = parse_person("Иванов Иван Иванович")
    assert (person.family, person.given) == ("Иванов", "Иван Иванович")


def test_a_family_name_with_an_inner_capital_after_initials() -> None:
    """ "B. McGuire" is McGuire, not "B. Mc" Guire (an initial may lack its period only before a
    space); O'Brien, MacKenzie and DiCaprio are one family name each."""
    from refman.parse.names import parse_name_list

    names, _ = parse_name_list(
        "W. E. Bemis, B. McGuire, E. O'Brien, L. E. MacKenzie, L. DiCaprio, И.И.Иванов"
    )
    assert [(n.family, n.given) for n in names] == [
        ("Bemis", "W. E."), ("McGuire", "B."), ("O'Brien", "E."), ("MacKenzie", "L. E."),
        ("DiCaprio", "L."), ("Иванов", "И. И."),
    ]  # fmt: skip
