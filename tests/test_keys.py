"""Citation keys: readable, transliterated, unique ignoring case, stable, and kept when given."""

from __future__ import annotations

import pytest

from refman.core.keys import assign_keys, base_key, compile_pattern
from refman.errors import UsageError
from refman.model import DateValue, Library, Name, Reference


def _ref(**fields) -> Reference:
    return Reference(**fields)


def test_readable_and_transliterated():
    ivanov = _ref(author=[Name(family="Иванов", given="И. И.")], title="Заглавие статьи",
                  issued=DateValue(date_parts=[[2019]]))  # fmt: skip
    assert base_key(ivanov) == "ivanov2019zaglavie"
    zh = _ref(
        author=[Name(family="Жуков", given="Ю.")],
        title="Щедрость и юмор",
        issued=DateValue(date_parts=[[2020]]),
    )
    assert base_key(zh) == "zhukov2020shchedrost"
    no_author = _ref(
        title="The road bridge between Primorye and North Korea", issued=DateValue(date_parts=[[2019]])
    )
    assert base_key(no_author) == "road2019bridge"


def test_unique_ignoring_case_stable_and_given_ids_kept():
    def library() -> Library:
        refs = [
            _ref(id="Smith2020a"),
            _ref(author=[Name(family="Smith")], title="A study", issued=DateValue(date_parts=[[2020]])),
            _ref(author=[Name(family="SMITH")], title="Study", issued=DateValue(date_parts=[[2020]])),
            _ref(author=[Name(family="Smith")], title="Study", issued=DateValue(date_parts=[[2020]])),
        ]
        return Library(references=refs)

    first, second = library(), library()
    assign_keys(first)
    assign_keys(second)
    keys = [str(r.id) for r in first.references]
    assert keys == [str(r.id) for r in second.references]  # same input, same keys
    assert keys[0] == "Smith2020a"  # an id from the input is kept
    assert len({k.lower() for k in keys}) == len(keys)  # unique even ignoring case
    assert all(k.startswith("smith2020") for k in keys[1:])


def _three_authors() -> Reference:
    return _ref(
        author=[Name(family="Щербаков", given="А."), Name(family="O'Neil"), Name(family="Doe")],
        title="The coal of Kuzbass and its exports",
        issued=DateValue(date_parts=[[2021, 5]]),
    )


def test_key_patterns_presets_and_templates():
    ref = _three_authors()
    assert compile_pattern(None)(ref) == base_key(ref) == "shcherbakov2021coal"
    assert compile_pattern("author-year-title")(ref) == "shcherbakov2021coal"
    assert compile_pattern("author-year")(ref) == "shcherbakov2021"
    assert compile_pattern("authors-year")(ref) == "shcherbakovetal2021"  # three authors: "etal"
    assert compile_pattern("author-year-shorttitle")(ref) == "shcherbakov2021coalkuzbassexports"
    assert compile_pattern("[auth:capitalize]_[year]")(ref) == "Shcherbakov_2021"
    assert compile_pattern("[auth:upper]:[title]")(ref) == "SHCHERBAKOV:coal"
    two = _ref(author=[Name(family="Smith"), Name(family="O'Neil")], issued=DateValue(date_parts=[[1999]]))
    assert compile_pattern("authors-year")(two) == "smithoneil1999"  # the apostrophe is not a key character


def test_key_pattern_falls_back_to_editors_and_never_gives_an_empty_key():
    edited = _ref(editor=[Name(family="Петров", given="П.")], title="Сборник статей")
    assert compile_pattern("[auth][year][title]")(edited) == "petrovsbornik"
    assert compile_pattern("[auth][year]")(_ref(title="Untitled")) == "ref"


def test_assign_keys_uses_the_pattern_and_keeps_keys_unique():
    refs = [_three_authors(), _three_authors(), _ref(id="shcherbakov2021")]
    library = Library(references=refs)
    assign_keys(library, "author-year")
    assert [str(r.id) for r in refs] == ["shcherbakov2021a", "shcherbakov2021b", "shcherbakov2021"]


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("[AUTH]", "key-pattern '[AUTH]': unknown part [AUTH] (known: auth, authors2, year, title, shorttitle)"),
        ("[year:title]", "key-pattern '[year:title]': unknown case :title (known: lower, upper, capitalize)"),
        ("a b", "key-pattern 'a b': cannot read ' b' (presets: author-year-title, author-year, authors-year, "
         "author-year-shorttitle; parts: [auth], [authors2], [year], [title], [shorttitle])"),
    ],
)  # fmt: skip
def test_a_bad_key_pattern_names_what_is_wrong(pattern, message):
    with pytest.raises(UsageError) as caught:
        compile_pattern(pattern)
    assert str(caught.value) == message
