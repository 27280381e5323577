"""BibTeX's name grammar (refman/parse/bibnames.py), one case per rule as Patashnik's
"BibTeXing" (1988, section 4) and "Tame the BeaST" (section 11) state it: "First von Last",
"von Last, First", "von Last, Jr, First"; von is a word whose first letter at brace level 0
is lower case; braces protect; "and" splits only at brace level 0; "and others" ends a list.
Russian names written surname first are read as surname first (the module's own rule)."""

from __future__ import annotations

import pytest

from refman.model import Name
from refman.parse.bibnames import format_name, format_names, parse_name, parse_names, split_names


def _parts(name: Name) -> tuple:
    return (name.given, name.non_dropping_particle, name.family, name.suffix, name.literal)


@pytest.mark.parametrize(
    ("raw", "given", "von", "family", "suffix"),
    [
        ("Donald E. Knuth", "Donald E.", None, "Knuth", None),
        ("Knuth, Donald E.", "Donald E.", None, "Knuth", None),
        ("Ludwig van Beethoven", "Ludwig", "van", "Beethoven", None),
        ("van Beethoven, Ludwig", "Ludwig", "van", "Beethoven", None),
        ("Jean de la Fontaine", "Jean", "de la", "Fontaine", None),
        ("Charles Louis Xavier Joseph de la Vallee Poussin", "Charles Louis Xavier Joseph", "de la",
         "Vallee Poussin", None),
        ("von der Leyen, Ursula", "Ursula", "von der", "Leyen", None),
        ("Ford, Jr., Henry", "Henry", None, "Ford", "Jr."),
        ("Ford, Jr, Henry, the elder", "Henry, the elder", None, "Ford", "Jr"),
        ("Maria {von Trapp}", "Maria", None, "von Trapp", None),  # braces: not a von
        ("{\\'E}mile Zola", "Émile", None, "Zola", None),  # a special character's letter is upper
        ("Plato", None, None, "Plato", None),
        ("Иванов Иван Иванович", "Иван Иванович", None, "Иванов", None),
        ("Иванов И. И.", "И. И.", None, "Иванов", None),
        ("Ivanov I. I.", "I. I.", None, "Ivanov", None),
        ("I. I. Ivanov", "I. I.", None, "Ivanov", None),
        ("Ivanov I.", "I.", None, "Ivanov", None),  # two words are enough for surname first
        ("Анна Мария Петрова", "Анна Мария", None, "Петрова", None),  # no patronymic: First Last
        ("Ludwig {v}an Beethoven", "Ludwig", "van", "Beethoven", None),  # first letter at level 0: a
        ("Jean \\'{e}tienne Zola", "Jean", "étienne", "Zola", None),  # a lower-case special character
        ("Jean {\\'a} Fontaine", "Jean", "á", "Fontaine", None),
        ("hooks, bell", "bell", None, "hooks", None),  # a one-word Last is Last, whatever its case
        ("{von Trapp},Maria", "Maria", None, "von Trapp", None),
        ("{Smith},{John}", "John", None, "Smith", None),  # a comma at level 0: not an institution
    ],
)  # fmt: skip
def test_parse_name(raw, given, von, family, suffix):
    assert _parts(parse_name(raw)) == (given, von, family, suffix, None)


def test_a_braced_name_is_an_institution():
    assert _parts(parse_name("{World Health Organization}")) == (
        None,
        None,
        None,
        None,
        "World Health Organization",
    )
    # braces around part of a name only protect that part
    assert _parts(parse_name("{World Health} Organization")) == (
        "World Health",
        None,
        "Organization",
        None,
        None,
    )


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("A and B", ["A", "B"]),
        ("A AND B", ["A", "B"]),
        ("{Barnes and Noble} and C", ["{Barnes and Noble}", "C"]),
        ("A\nand\tB", ["A", "B"]),
        ("A\nand B", ["A", "B"]),
        ("A\tand B", ["A", "B"]),
        ("{{A} and B} and C", ["{{A} and B}", "C"]),  # still inside the outer group
        ("A} and B", ["A}", "B"]),  # a stray closing brace does not go below level 0
        ("\\{x and y", ["\\{x", "y"]),  # an escaped brace opens no group
        ("Anderson, Sandy", ["Anderson, Sandy"]),
        ("   ", []),
    ],
)
def test_split_names(raw, names):
    assert split_names(raw) == names


def test_and_others():
    names, others = parse_names("Knuth, Donald and others")
    assert [n.family for n in names] == ["Knuth"] and others
    assert parse_names("Knuth, Donald and Lamport, Leslie")[1] is False
    assert parse_names("others") == ([], True)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (Name(family="Beethoven", given="Ludwig", non_dropping_particle="van"), "van Beethoven, Ludwig"),
        (Name(family="Vallee Poussin", given="Charles"), "{Vallee Poussin}, Charles"),
        (Name(family="hooks", given="bell"), "{hooks}, bell"),
        (Name(family="Ford", given="Henry", suffix="Jr."), "Ford, Jr., Henry"),
        (Name(literal="World Health Organization"), "{World Health Organization}"),
        (Name(family="Smith", given="A, B"), "Smith, {A, B}"),
        (Name(family="Smith", given="Tom and Jerry"), "Smith, {Tom and Jerry}"),
        (Name(family="Smith"), "Smith"),
        (Name(family="Иванов", given="И. И."), "Иванов, И. И."),
    ],
)
def test_format_name_reads_back(name, text):
    assert format_name(name) == text
    back = parse_name(text)
    assert _parts(back) == _parts(name)


def test_format_names():
    names = [Name(family="Knuth", given="D."), Name(family="Lamport", given="L.")]
    assert format_names(names) == "Knuth, D. and Lamport, L."
    assert format_names(names, others=True) == "Knuth, D. and Lamport, L. and others"
