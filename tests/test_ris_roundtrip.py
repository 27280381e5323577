"""Property: RIS → model → RIS keeps every tag with its value (names in the spec's form)."""

from __future__ import annotations

import os
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from refman.parse.ris import tags as rt
from refman.readers.ris import read
from refman.writers.ris import write

EXAMPLES = int(os.environ.get("REFMAN_FUZZ_EXAMPLES", "150"))

_WORD = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzабвгдежзийклмнопрстуфхцчшщыэюяАБВГДЕЖЗИКЛМН", min_size=1, max_size=8
)
_TEXT = st.lists(_WORD, min_size=1, max_size=5).map(" ".join)
_NAME = st.tuples(_WORD, _WORD).map(lambda fg: f"{fg[0].capitalize()}, {fg[1].capitalize()}")
_YEAR = st.integers(1500, 2099)
_FULL = st.tuples(_YEAR, st.integers(1, 12), st.integers(1, 28))


def _date(parts: tuple[int, int, int], style: int) -> str:
    year, month, day = parts
    return (f"{year}", f"{year}/{month:02d}/{day:02d}/", f"{year}-{month:02d}-{day:02d}", f"{year}///Spring")[
        style
    ]


@st.composite
def records(draw: st.DrawFn) -> list[tuple[str, str]]:
    pairs = [("TY", draw(st.sampled_from(sorted(rt.RIS_TO_CSL))))]
    name_tag = draw(st.sampled_from(["AU", "A1"]))
    pairs += [(name_tag, n) for n in draw(st.lists(_NAME, max_size=3))]
    pairs += [("A2", n) for n in draw(st.lists(_NAME, max_size=2))]
    for tag in draw(st.lists(st.sampled_from(["TI", "T1", "T2", "JO", "T3", "J2", "PB", "CY", "VL", "IS",
                                              "AB", "LA", "ET", "M3", "ZZ", "C1", "AD"]),
                             unique=True, max_size=8)):  # fmt: skip
        pairs.append((tag, draw(_TEXT)))
    pairs += [("KW", k) for k in draw(st.lists(_TEXT, max_size=3))]
    pairs += [("N1", n) for n in draw(st.lists(_TEXT, max_size=2))]
    date = draw(_FULL)
    for tag in draw(st.lists(st.sampled_from(["PY", "Y1", "DA"]), unique=True, max_size=2)):
        pairs.append((tag, _date(date, draw(st.integers(0, 3)))))
    if draw(st.booleans()):
        pairs.append(("Y2", _date(draw(_FULL), draw(st.integers(1, 2)))))
    if draw(st.booleans()):
        first = draw(st.integers(1, 500))
        pairs += [("SP", str(first)), ("EP", str(first + draw(st.integers(0, 50))))]
    if draw(st.booleans()):
        pairs.append(("DO", f"10.{draw(st.integers(1000, 9999))}/{draw(_WORD)}"))
    body = pairs[1:]
    order = draw(st.permutations(range(len(body))))
    return [pairs[0], *(body[i] for i in order)]


def _render(pairs: list[tuple[str, str]]) -> str:
    return "".join(f"{tag}  - {value}\n" for tag, value in pairs) + "ER  - \n"


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2).strip()) for line in text.splitlines() if (m := rt.TAG_LINE.match(line))]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records())
def test_ris_round_trip_keeps_every_tag(pairs):
    result = read(_render(pairs), "gen.ris")
    assert [d for d in result.diagnostics if d.severity.value == "error"] == []
    out = _pairs(write(result.library))
    assert Counter(out) == Counter([*pairs, ("ER", "")])
    again = write(read(write(result.library), "again.ris").library)
    assert _pairs(again) == out, "writing what we wrote is stable"
