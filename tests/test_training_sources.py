"""Where the parser's training records come from (training/train.py, training/validate.py):
the held-out sources stay out of training and validation, and validation's sources out of
fitting, by file and by title."""

from __future__ import annotations

import gzip
from pathlib import Path

from training import data, train, validate

_BIB = """@book{{a{n}, title = {{{title}}}, author = {{Smith, John}}, publisher = {{P}}, year = {{2001}}}}
"""


def _bib(path: Path, titles: list[str]) -> str:
    text = "".join(_BIB.format(n=n, title=t) for n, t in enumerate(titles))
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(text.encode()))
    else:
        path.write_text(text)
    return path.name


def test_more_records_skip_known_titles_and_take_at_most_the_cap_of_each_file(tmp_path: Path) -> None:
    _bib(tmp_path / "a.bib", [f"Title {n}" for n in range(5)])
    _bib(tmp_path / "b.bib.gz", ["Title 1", "A Held-Out Work", "Another Work"])
    _bib(tmp_path / "c.bib", [f"Work {n}" for n in range(train.RECORDS_PER_MORE_FILE + 20)])
    files = ["a.bib", "b.bib.gz", "c.bib"]
    got = [r.title for r in train.more_records(tmp_path, files, {"a held out work"})]
    assert sorted(got[:5]) == [f"Title {n}" for n in range(5)]
    assert got[5] == "Another Work"  # "Title 1" is drawn already, "A Held-Out Work" is known
    assert len(got) == 6 + train.RECORDS_PER_MORE_FILE and len(set(got)) == len(got)
    assert [r.title for r in train.more_records(tmp_path, files, {"a held out work"})] == got  # deterministic


def test_no_training_file_is_a_held_out_source_and_validation_files_are_training_files() -> None:
    names = [Path(rel).name.removesuffix(".gz") for rel in train.MORE_BIB_FILES]
    assert not set(names) & set(data.HELD_OUT_SOURCES)
    assert not set(train.MORE_BIB_FILES) & set(train.BIB_FILES)
    assert set(validate.VALIDATION_SOURCES) <= set(train.MORE_BIB_FILES)


def test_title_keys_ignore_case_and_punctuation() -> None:
    from refman.model import Reference

    assert train.title_key(Reference(title="The TeXbook: A Guide.")) == "the texbook a guide"
