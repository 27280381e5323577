"""Long hostile text through the free-text readers: each returns its result, keeps the text,
and reads a long item the same way it reads a short one.

No timed asserts (benchmarks/adversarial.py measures the time ratio N→2N). What these tests
pin is that every pattern finishes at 50,000 characters: the patterns here once took minutes
at that size (a regex retried from every character of a dash or whitespace run, a search over
all the text before every period, a container name rechecked whole for every sentence joined).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from refman.parse import text as text_module
from refman.parse.text import clean_spaces
from refman.readers import article_page
from refman.readers.reflist import reader as reflist
from refman.readers.reflist.fields import Context, parse_reference

N = 50_000
_BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "adversarial.py"


def _benchmark_patterns() -> dict[str, str]:
    """The benchmark's own patterns (one source of truth), built at N characters."""
    spec = importlib.util.spec_from_file_location("adversarial_bench", _BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {name: eval(expr, {"n": N}) for name, expr in module.PATTERNS.items()}


#: Shapes that reached quadratic paths in the reference reader itself (found by a random
#: search over repeated reference fragments): " // " runs, hyphenated line ends, dots.
EXTRA = {
    "container-sentences": "1. " + "И // мая.. " * (N // 11),
    "container-isbn": "1. Ivanov I. I. " + " // ”ISBNMayизд." * (N // 16),
    "hyphen-lines": "1. " + "ab-\n" * (N // 4),
    "suffix-lines": "1. sanc-\n" + "tions-\n" * (N // 7),
    "dot-dash": "1. " + ". – " * (N // 4),
    "place-colons": "1. A. " + "М.: " * (N // 4) + ", 2019",
    "names-and": "1. " + "I. Ivanov and " * (N // 14) + "x",
    "em-space-runs": "".join(f"{i}. a" + "\u2003" * 4_000 + " b\n" for i in range(1, N // 4_000 + 1)),
    "lone-em-spaces": "1. " + "a\u2003" * (N // 2),
}
PATTERNS = {**_benchmark_patterns(), **EXTRA}


@pytest.mark.parametrize("reader", [reflist, article_page], ids=["reflist", "page"])
@pytest.mark.parametrize("text", PATTERNS.values(), ids=PATTERNS.keys())
def test_long_hostile_text_is_read(reader, text):
    result = reader.read(text, name="hostile")
    # nothing read is invented: each item's source is a piece of the input; and the reader
    # says that it could not read the text (RM002), never silently
    cleaned = clean_spaces(text)
    for ref in result.library.references:
        assert ref.title, "an unread item keeps its text as its title"
        assert ref.origin.raw and (ref.origin.raw in text or ref.origin.raw in cleaned)
    codes = {d.code for d in result.diagnostics}
    if text.strip():
        assert "RM002" in codes and codes <= {"RM002", "RM003"}
    else:  # nothing but line breaks: an empty input, an error
        assert codes == {"RM001"} and not result.library.references


@pytest.mark.parametrize("text", PATTERNS.values(), ids=PATTERNS.keys())
def test_long_item_through_the_full_reading(text):
    """The readers cut over-long items short; the item reader itself must also finish (on
    text as the readers give it: spaces cleaned)."""
    cleaned = clean_spaces(text)
    ref = parse_reference(cleaned, Context()).ref
    assert ref.type == "document"  # none of these shapes is mistaken for a typed reference
    assert (ref.title or "") in cleaned


def test_over_long_item_kept_whole_with_a_warning():
    text = (
        "1. Ivanov I. A title. " + "–" * (reflist.LONGEST_REFERENCE + 1) + "\n2. Petrov P. Other. М., 2019.\n"
    )
    result = reflist.read(text, name="long")
    first, second = result.library.references
    assert first.title.startswith("Ivanov I. A title. ––") and first.title.endswith("–")
    assert first.type == "document" and first.origin.number == 1
    warnings = [d for d in result.diagnostics if d.code == "RM002"]
    assert len(warnings) == 1 and "longer than any reference" in warnings[0].message
    assert warnings[0].number == 1
    assert second.author[0].family == "Petrov"


def test_abbreviations_fit_the_window_searched_before_a_period():
    """``_ends_abbreviation`` looks at most ``_WORD_WINDOW`` letters back: every abbreviation
    must be shorter, or a longer one would never be recognised."""
    assert max(map(len, text_module.ABBREVIATIONS)) < text_module._WORD_WINDOW
    assert text_module.split_sentences("Иванов И. И. Заглавие. М.: Наука, 2019.") == [
        "Иванов И. И. Заглавие.",
        "М.: Наука, 2019.",
    ]


def test_whitespace_runs_collapse_but_a_lone_em_space_stays():
    assert clean_spaces("a\u2003\u2003b \u3000 c\u2003d\x1f\x1fe") == "a b c\u2003d e"


def test_line_break_hyphen_over_a_long_word_is_kept():
    """Past 64 letters a "word" is not one: its line-end hyphen stays (with no space added);
    a real word's broken hyphen is still repaired from the suffix evidence."""
    long_word = "a" * 70
    result = reflist.read(f"1. {long_word}-\ntions. Title. 2019.\n2. The sanc-\ntions. Book. 2019.\n")
    first, second = result.library.references
    assert first.origin.raw.splitlines()[0] == f"{long_word}-"
    assert f"{long_word}-tions" in (first.title or "")
    assert second.title == "The sanctions"
    assert [d.code for d in result.diagnostics].count("RM003") == 1
