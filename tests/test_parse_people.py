"""Name lists as the common styles write them, split into family and given names
(refman/parsing/people.py), and reference tokens (refman/parsing/tokens.py)."""

from __future__ import annotations

import pytest

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
    ],
)  # fmt: skip
def test_name_lists(text: str, expected: list, et_al: bool) -> None:
    assert _names(text) == (expected, et_al)


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
