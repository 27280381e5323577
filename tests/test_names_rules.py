"""Personal names in reference lists (refman/parse/names.py), one case per rule of its
grammar: the forms lists use, initials with digraphs (Yu., Zh., Дж.), hyphens, and text that
is not a name. Each expectation written from the module's docstring and GOST 7.0.100's use
of initials (each followed by a period, separated by a space)."""

from __future__ import annotations

import pytest

from refman.parse.names import initials_of, normalize_initials, parse_person


@pytest.mark.parametrize(
    ("given", "normal"),
    [
        ("E", "E."), ("I.I.", "I. I."), ("I. I.", "I. I."), ("Yu", "Yu."), ("Zh.-Zh.", "Zh.-Zh."),
        ("Ch", "Ch."), ("Ivan", "Ivan"), ("Ab", "Ab"), ("Дж", "Дж."), ("Юр", "Юр"), ("И.И.", "И. И."),
    ],
)  # fmt: skip
def test_normalize_initials(given, normal):
    assert normalize_initials(given) == normal


@pytest.mark.parametrize(
    ("text", "family", "given"),
    [
        ("Zainullin E.", "Zainullin", "E."),
        ("E. Zainullin", "Zainullin", "E."),
        ("Zainullin, E.", "Zainullin", "E."),
        ("Иванов И. И.", "Иванов", "И. И."),
        ("Иванов И.И.", "Иванов", "И. И."),
        ("И.И. Иванов", "Иванов", "И. И."),
        ("Иванов  Иван  Иванович", "Иванов", "Иван Иванович"),
        ("Петрова Анна Сергеевна", "Петрова", "Анна Сергеевна"),
        ("Sidorova-Petrova A. A.", "Sidorova-Petrova", "A. A."),
        ("Tadtaev, G.,", "Tadtaev", "G."),
        ("Smith, John Paul", "Smith", "John Paul"),
        ("van der Berg, Jan", "van der Berg", "Jan"),
        ("Yu. Ivanov", "Ivanov", "Yu."),
    ],
)
def test_parse_person(text, family, given):
    name = parse_person(text)
    assert (name.family, name.given) == (family, given)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " , ",
        "Иванов Иван",
        "de la Cruz Rivera Lopez, Ana",
        "de la Cruz Rivera, Ana",
        "ivanov i.",
        "Russian coal 2021",
        "Smith, 2020",
    ],
)
def test_not_a_person(text):
    assert parse_person(text) is None


@pytest.mark.parametrize(
    ("given", "initials"),
    [
        ("Yuri Ivanovich", "Yu. I."), ("Jean-Paul", "J.-P."), ("Zhanna", "Zh."), ("Джон", "Дж."),
        ("A.  B.", "A. B."), ("", ""), (None, ""), ("Юрий", "Ю."), ("Charles", "Ch."), ("Anna-", "A."),
    ],
)  # fmt: skip
def test_initials_of(given, initials):
    assert initials_of(given) == initials
