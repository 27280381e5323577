"""Name lists as the common styles write them, split into family and given names
(refman/parsing/people.py), and reference tokens (refman/parsing/tokens.py)."""

from __future__ import annotations

import pytest

from refman.parsing.assemble import assemble
from refman.parsing.people import split_names
from refman.parsing.tokens import tokenize


def _names(text: str) -> tuple[list[tuple[str | None, ...]], bool]:
    names, et_al = split_names(text)
    return [(n.non_dropping_particle, n.family, n.given, n.literal) for n in names], et_al


@pytest.mark.parametrize(
    ("text", "expected", "et_al"),
    [
        # APA: "Family, I., …, & Family, I."
        ("Rachlin, H., Sommerbeck, L., & Frankel, M.",
         [(None, "Rachlin", "H.", None), (None, "Sommerbeck", "L.", None), (None, "Frankel", "M.", None)], False),
        # MLA / Chicago: the first author inverted, full given name
        ("Crichton, Michael.", [(None, "Crichton", "Michael", None)], False),
        ("Lee, L. L., W. E. Howard, and R. E. Marsh.",
         [(None, "Lee", "L. L.", None), (None, "Howard", "W. E.", None), (None, "Marsh", "R. E.", None)], False),
        # Vancouver: run-together initials written out, a particle kept apart
        ("Pérez-Higueras JJ, Arias A, de la Macorra JC, Peters OA.",
         [(None, "Pérez-Higueras", "J. J.", None), (None, "Arias", "A.", None),
          ("de la", "Macorra", "J. C.", None), (None, "Peters", "O. A.", None)], False),
        # IEEE: initials first
        ("S. E. Han, G. Chen,", [(None, "Han", "S. E.", None), (None, "Chen", "G.", None)], False),
        # GOST: Cyrillic initials after the family name, "и др."
        ("Иванов И. И., Петров П. П. и др.", [(None, "Иванов", "И. И.", None), (None, "Петров", "П. П.", None)], True),
        ("Pridham, K.F. et al. eds.", [(None, "Pridham", "K. F.", None)], True),
        ("World Health Organization", [(None, None, None, "World Health Organization")], False),
        # an inverted first author whose family name opens with a particle (ISO 690, DIN, MLA)
        ("DE LAMARCK, Jean-Baptiste.", [(None, "DE LAMARCK", "Jean-Baptiste", None)], False),
        ("De Renzi, Silvia:", [(None, "De Renzi", "Silvia", None)], False),
        # ISO 690: family names in capitals, so "H. George" after one is its given name
        ("FLETCHER, H. George, and SMITH, John",
         [(None, "FLETCHER", "H. George", None), (None, "SMITH", "John", None)], False),
        ("van Gogh, Vincent, and Theo van Gogh.",
         [("van", "Gogh", "Vincent", None), ("van", "Gogh", "Theo", None)], False),
    ],
)  # fmt: skip
def test_name_lists(text: str, expected: list, et_al: bool) -> None:
    assert _names(text) == (expected, et_al)


def test_a_given_name_the_model_gave_to_the_title_goes_back_to_the_inverted_author() -> None:
    """Labels as the model gave them: "Michael." and "Silvia:" as the title's first word. The
    word returns to the byline where the author's group has a family name and its comma only;
    an initialled byline ("Smith, J.,") or a one-word title ("Aristotle, Physics.") keeps it."""

    def read(text: str, labels: list[str]) -> tuple[list[tuple[str | None, str | None]], str | None]:
        tokens = tokenize(text)
        ref = assemble(text, tokens, [(label, 0.9) for label in labels]).ref
        return [(n.family, n.given) for n in ref.author or []], ref.title

    assert read("Crichton, Michael. State of Fear.", ["author", "title", "title", "title", "title"]) == (
        [("Crichton", "Michael")],
        "State of Fear",
    )
    assert read("De Renzi, Silvia: Resemblance in Courts.", ["author"] * 2 + ["title"] * 4) == (
        [("De Renzi", "Silvia")],
        "Resemblance in Courts",
    )
    assert read("Smith, J., Jones. Tales of Things.", ["author"] * 2 + ["title"] * 4) == (
        [("Smith", "J.")],
        "Jones. Tales of Things",
    )
    assert read("Aristotle, Physics. Putnam, 1929.", ["author", "title", "publisher", "date"]) == (
        [("Aristotle", None)],
        "Physics",
    )


def test_a_speakers_name_opens_a_headline_but_anonymous_is_an_author() -> None:
    """The seed's news headline "Zakharova: Russia expects …" keeps the name in its title;
    Springer LNCS's "Anonymous: Calendar." names the author."""

    def read(text: str, labels: list[str]) -> tuple[list[str | None], str | None]:
        tokens = tokenize(text)
        ref = assemble(text, tokens, [(label, 0.9) for label in labels]).ref
        return [n.family for n in ref.author or []], ref.title

    assert read("Zakharova: Russia expects help.", ["author", "title", "title", "title"]) == (
        [],
        "Zakharova: Russia expects help",
    )
    assert read("Anonymous: Calendar. TUGboat.", ["author", "title", "container"]) == (
        ["Anonymous"],
        "Calendar",
    )


def test_an_edition_statement_labelled_editor_is_the_edition() -> None:
    """ISO 690's "rev. and enl. ed." after the title: the "ed." is the edition's, not an
    editor's; "J. Smith, ed." stays an editor."""
    text = "A History. rev. and enl. ed. Louisville"
    tokens = tokenize(text)
    labels = ["title", "title", "editor", "editor", "editor", "editor", "location"]
    ref = assemble(text, tokens, [(label, 0.9) for label in labels]).ref
    assert (ref.editor, ref.edition, ref.publisher_place) == (None, "rev. and enl. ed.", "Louisville")
    text = "A History. J. Smith, ed. Louisville"
    tokens = tokenize(text)
    labels = ["title", "title", "editor", "editor", "editor", "location"]
    ref = assemble(text, tokens, [(label, 0.9) for label in labels]).ref
    assert ([(n.family, n.given) for n in ref.editor or []], ref.edition) == ([("Smith", "J.")], None)


def test_a_month_the_model_left_to_the_journal_is_the_dates() -> None:
    """ISO 690's "Printing History. January 2009." and a news agency's "Reuters 30 October
    2014": the month (and a day before it) go to the date; a number alone stays."""

    def read(text: str, labels: list[str]) -> tuple[str | None, object]:
        tokens = tokenize(text)
        ref = assemble(text, tokens, [(label, 0.9) for label in labels]).ref
        return ref.container_title, ref.issued.date_parts if ref.issued else None

    assert read("Printing History. January 2009.", ["container", "container", "container", "date"]) == (
        "Printing History",
        [[2009, 1]],
    )
    assert read("Reuters 30 October 2014.", ["container"] * 3 + ["date"]) == ("Reuters", [[2014, 10, 30]])
    assert read("Zeitschrift 35 1987.", ["container"] * 2 + ["date"]) == ("Zeitschrift 35", [[1987]])


def test_tokens_split_fused_locators_and_keep_offsets() -> None:
    text = "Nature. 2019;571(7763):45-50"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["Nature.", "2019;", "571", "(7763):", "45-50"]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_tokens_leave_links_whole() -> None:
    assert [t.text for t in tokenize("doi:10.1000/x(1):2 https://a.org/b;c:1")] == [
        "doi:10.1000/x(1):2",
        "https://a.org/b;c:1",
    ]
