"""Labels of synthetic training strings (training/synth.py): every token of a rendered
reference takes the field it came from, including the parts no sentinel wraps (given names,
role words before an editor's names, a locator's label)."""

from __future__ import annotations

from training import data
from training.synth import CLOSE, OPEN, label_rendered


def _wrap(label: str, text: str) -> str:
    return f"{OPEN[label]}{text}{CLOSE}"


def _labelled(rendered: str, year: str | None, given: dict[str, set[str]]) -> list[tuple[str, str]]:
    found = label_rendered(rendered, year, given)
    assert found is not None
    text, labels = found
    return list(zip(text.split(), labels, strict=True))


def test_the_inverted_first_authors_given_name_is_the_authors() -> None:
    """Chicago and MLA: "Lamport, Leslie." (the sentinels wrap family names only)."""
    rendered = (
        f"{_wrap('author', 'Lamport')}, Leslie. {_wrap('title', 'LaTeX: A Document System')}. "
        f"{_wrap('location', 'Reading, MA')}: {_wrap('publisher', 'Addison-Wesley')}, 1986."
    )
    assert _labelled(rendered, "1986", {"author": {"leslie"}}) == [
        ("Lamport,", "author"), ("Leslie.", "author"), ("LaTeX:", "title"), ("A", "title"),
        ("Document", "title"), ("System.", "title"), ("Reading,", "location"), ("MA:", "location"),
        ("Addison-Wesley,", "publisher"), ("1986.", "date"),
    ]  # fmt: skip


def test_edited_by_and_given_names_before_the_editor_are_the_editors() -> None:
    rendered = (
        f"{_wrap('title', 'Handbook')}. Edited by Ei-Ichi {_wrap('editor', 'Negishi')}, "
        f"{_wrap('publisher', 'Wiley')}, (pp. {_wrap('pages', '5-9')}) 2002."
    )
    assert _labelled(rendered, "2002", {"editor": {"ei-ichi"}}) == [
        ("Handbook.", "title"), ("Edited", "editor"), ("by", "editor"), ("Ei-Ichi", "editor"),
        ("Negishi,", "editor"), ("Wiley,", "publisher"), ("(pp.", "pages"), ("5-9)", "pages"),
        ("2002.", "date"),
    ]  # fmt: skip


def test_a_word_of_the_title_equal_to_a_given_name_stays_the_titles() -> None:
    """Only unwrapped tokens beside the name list take its label."""
    rendered = f"{_wrap('author', 'Smith')}, John. {_wrap('title', 'John Brown')}. 1999."
    assert _labelled(rendered, "1999", {"author": {"john"}}) == [
        ("Smith,", "author"), ("John.", "author"), ("John", "title"), ("Brown.", "title"), ("1999.", "date"),
    ]  # fmt: skip


def test_a_particle_is_the_names() -> None:
    """An unbraced corporate name as BibTeX reads it: family "Nations", particle "Food and
    Agriculture Organization of the United"."""
    from refman.model import Name, Reference
    from training.synth import given_words

    ref = Reference(
        author=[Name(family="Nations", non_dropping_particle="Food and Agriculture of the United")]
    )
    words = given_words(ref)
    assert words == {"author": {"food", "and", "agriculture", "of", "the", "united"}}
    rendered = f"Food and Agriculture of the United {_wrap('author', 'Nations')} (1988) {_wrap('title', 'Yearbook')}."
    assert [label for _, label in _labelled(rendered, "1988", words)] == ["author"] * 7 + ["date", "title"]


def test_a_token_shared_by_two_fields_takes_the_one_with_more_characters_else_the_first() -> None:
    """Biomed Central's "13/14 26–27:??–??.": issue and pages in one token. The field with
    more of its characters takes it; a tie goes to the field written first, whatever the hash
    seed."""
    rendered = (
        f"{_wrap('volume', '13')} {_wrap('issue', '26–27')}:{_wrap('pages', '??–??')}. "
        f"{_wrap('issue', '3–4')}:{_wrap('pages', '??–??')}."
    )
    assert _labelled(rendered, None, {}) == [
        ("13", "volume"),
        ("26–27:??–??.", "issue"),
        ("3–4:??–??.", "pages"),
    ]


#: Words in a style's name that tie it to a held-out family (training/data.py).
_HELD_OUT_WORDS = (
    "harvard", "ieee", "acm", "spie", "modern-language", "modern-humanities", "mla", "mhra",
    "american-chemical", "royal-society-of-chemistry", "wiley-vch", "7-0-100", "7.0.100",
)  # fmt: skip


def test_no_training_style_is_named_for_a_held_out_family() -> None:
    """The held-out split scores styles the model never trained on: a journal's copy of a
    held-out family's style among the assorted ones would make that score a lie."""
    for family in data.FAMILIES:
        if family in data.HELD_OUT_FAMILIES:
            continue
        for style in data.FAMILIES[family]:
            assert not any(word in style for word in _HELD_OUT_WORDS), (family, style)
