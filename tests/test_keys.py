"""Citation keys: readable, transliterated, unique ignoring case, stable, and kept when given."""

from __future__ import annotations

from refman.core.keys import assign_keys, base_key
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
