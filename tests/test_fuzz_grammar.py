"""Grammar-based fuzzing: hypothesis builds structurally valid BibTeX entries and RIS records
from their grammar (so that the inputs reach the parsers' field mapping, not only their
error paths), then optionally damages them. On a valid input nothing may be lost: every entry
comes back with its key, type, title, authors, year, volume, issue, pages and DOI. On a damaged
one the reader must still not raise, and must keep every record the damage did not touch.

Each test prints its yield (references read per 100 generated inputs; run with ``-s``).
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from refman.readers import bibtex, ris

FAMILIES = ("Smith", "Иванов", "Müller", "Lee", "Петрова", "Okafor", "Nguyen")
GIVENS = ("John", "И. И.", "Anna Maria", "K.", "Ёлка", "Jean-Paul")
WORDS = (
    "on",
    "the",
    "theory",
    "of",
    "Russian",
    "coal",
    "экономика",
    "КНДР",
    "sanctions",
    "Ёж",
    "data",
    "2020s",
)
#: BibTeX type → (CSL type, RIS type); containers named for the types that have one
TYPES = {
    "article": ("article-journal", "JOUR", "journal"),
    "book": ("book", "BOOK", None),
    "inproceedings": ("paper-conference", "CONF", "booktitle"),
    "incollection": ("chapter", "CHAP", "booktitle"),
    "techreport": ("report", "RPRT", None),
}


@dataclass(frozen=True)
class Record:
    """What the generator meant: the values a reader must give back."""

    key: str
    kind: str
    title: str
    authors: tuple[tuple[str, str], ...]
    year: int
    volume: int | None
    issue: int | None
    pages: tuple[int, int] | None
    doi: str | None
    container: str | None


@st.composite
def records(draw: st.DrawFn) -> list[Record]:
    count = draw(st.integers(1, 4))
    keys = draw(st.lists(st.from_regex(r"[a-z][a-z0-9]{2,8}", fullmatch=True), min_size=count, max_size=count,
                         unique=True))  # fmt: skip
    out = []
    for key in keys:
        kind = draw(st.sampled_from(sorted(TYPES)))
        first = draw(st.integers(1, 900))
        out.append(
            Record(
                key=key,
                kind=kind,
                title=" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))).capitalize(),
                authors=tuple(
                    draw(st.lists(st.tuples(st.sampled_from(FAMILIES), st.sampled_from(GIVENS)), max_size=4))
                ),
                year=draw(st.integers(1800, 2024)),
                volume=draw(st.none() | st.integers(1, 300)),
                # BibTeX's "number" is a journal issue only in an article (a series or report
                # number elsewhere), so only articles are given one
                issue=draw(st.none() | st.integers(1, 12)) if kind == "article" else None,
                pages=draw(st.none() | st.just((first, first + draw(st.integers(0, 50))))),
                doi=draw(
                    st.none() | st.from_regex(r"10\.[0-9]{4,5}/[a-z0-9.]{0,9}[a-z0-9]", fullmatch=True)
                ),  # no final dot: in a list it is the full stop
                container=" ".join(
                    draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4))
                ).capitalize()
                if TYPES[kind][2]
                else None,
            )
        )
    return out


def to_bibtex(rec: Record) -> str:
    fields = [("title", "{" + rec.title + "}"), ("year", str(rec.year))]
    if rec.authors:
        fields.append(("author", "{" + " and ".join(f"{f}, {g}" for f, g in rec.authors) + "}"))
    if rec.container:
        fields.append((TYPES[rec.kind][2], "{" + rec.container + "}"))
    if rec.volume is not None:
        fields.append(("volume", str(rec.volume)))
    if rec.issue is not None:
        fields.append(("number", "{" + str(rec.issue) + "}"))
    if rec.pages:
        fields.append(("pages", "{" + f"{rec.pages[0]}--{rec.pages[1]}" + "}"))
    if rec.doi:
        fields.append(("doi", "{" + rec.doi + "}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{rec.kind}{{{rec.key},\n{body}\n}}\n"


def to_ris(rec: Record) -> str:
    lines = [f"TY  - {TYPES[rec.kind][1]}", f"ID  - {rec.key}", f"TI  - {rec.title}", f"PY  - {rec.year}"]
    lines += [f"AU  - {f}, {g}" for f, g in rec.authors]
    if rec.container:
        lines.append(f"T2  - {rec.container}")
    if rec.volume is not None:
        lines.append(f"VL  - {rec.volume}")
    if rec.issue is not None:
        lines.append(f"IS  - {rec.issue}")
    if rec.pages:
        lines += [f"SP  - {rec.pages[0]}", f"EP  - {rec.pages[1]}"]
    if rec.doi:
        lines.append(f"DO  - {rec.doi}")
    return "\n".join([*lines, "ER  - "]) + "\n"


def _page(rec: Record, dash: str) -> str | None:
    """Pages as written: BibTeX "5--5" is read "5–5" (an en dash), RIS SP 5 with EP 5 "5-5"."""
    return None if rec.pages is None else f"{rec.pages[0]}{dash}{rec.pages[1]}"


def _expected(rec: Record, dash: str) -> dict:
    return {
        "type": TYPES[rec.kind][0],
        "title": rec.title,
        "author": [(f, g) for f, g in rec.authors],
        "year": rec.year,
        "volume": None if rec.volume is None else str(rec.volume),
        "issue": None if rec.issue is None else str(rec.issue),
        "page": _page(rec, dash),
        "DOI": rec.doi,
        "container": rec.container,
    }


def _got(ref) -> dict:
    return {
        "type": ref.type,
        "title": ref.title,
        "author": [(n.family, n.given) for n in ref.author or []],
        "year": ref.issued.parts[0] if ref.issued is not None and ref.issued.parts else None,
        "volume": ref.volume,
        "issue": ref.issue,
        "page": ref.page,
        "DOI": ref.DOI,
        "container": ref.container_title,
    }


def _damage(text: str, data: st.DataObject) -> str:
    """One cut, insertion or swap somewhere in the text."""
    at = data.draw(st.integers(0, len(text)))
    kind = data.draw(st.integers(0, 2))
    if kind == 0:
        return text[:at] + text[at + data.draw(st.integers(1, 30)) :]
    noise = data.draw(st.text(st.sampled_from('{}"@,=#%\n -–'), min_size=1, max_size=5))
    return text[:at] + noise + text[at + (kind == 2) :]


class Yield:
    """References read per generated record, printed as a share per 100 records, and how many
    generated inputs gave at least one reference."""

    def __init__(self, name: str) -> None:
        self.name, self.inputs, self.refs, self.examples, self.fruitful = name, 0, 0, 0, 0

    def add(self, refs: int, records: int) -> None:
        self.inputs += records
        self.refs += refs
        self.examples += 1
        self.fruitful += refs > 0

    def report(self) -> float:
        share = 100 * self.refs / self.inputs if self.inputs else 0.0
        print(
            f"\n{self.name}: {self.refs} references from {self.inputs} generated records ({share:.0f} per 100);"
            f" {self.fruitful} of {self.examples} inputs gave a reference"
        )
        return share


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None)


def test_bibtex_grammar_nothing_lost():
    seen = Yield("BibTeX, valid")

    @SETTINGS
    @given(records())
    def run(recs: list[Record]) -> None:
        result = bibtex.read("\n".join(to_bibtex(r) for r in recs), "gen.bib")
        refs = result.library.references
        assert [str(r.id) for r in refs] == [r.key for r in recs]
        assert [_got(r) for r in refs] == [_expected(r, "–") for r in recs]
        assert [d for d in result.diagnostics if d.severity.value == "error"] == []
        seen.add(len(refs), len(recs))

    run()
    assert seen.report() == 100.0


def test_ris_grammar_nothing_lost():
    seen = Yield("RIS, valid")

    @SETTINGS
    @given(records())
    def run(recs: list[Record]) -> None:
        result = ris.read("\n".join(to_ris(r) for r in recs), "gen.ris")
        refs = result.library.references
        assert [_got(r) for r in refs] == [_expected(r, "-") for r in recs]
        assert [d for d in result.diagnostics if d.severity.value == "error"] == []
        seen.add(len(refs), len(recs))

    run()
    assert seen.report() == 100.0


def test_damaged_bibtex_keeps_the_untouched_entries():
    seen = Yield("BibTeX, damaged")

    @SETTINGS
    @given(records(), st.data())
    def run(recs: list[Record], data: st.DataObject) -> None:
        texts = [to_bibtex(r) for r in recs]
        hit = data.draw(st.integers(0, len(recs) - 1))
        texts[hit] = _damage(texts[hit], data)
        refs = bibtex.read("\n".join(texts), "gen.bib").library.references
        by_id = {str(r.id): r for r in refs}
        # an entry before the damaged one cannot be touched by it (a brace opened in the
        # damage may swallow what follows, as BibTeX itself would)
        for rec in recs[:hit]:
            assert _got(by_id[rec.key]) == _expected(rec, "–")
        assert len(refs) <= len(recs) + 1
        seen.add(len(refs), len(recs))

    run()
    assert seen.report() >= 50.0


def test_damaged_ris_keeps_the_untouched_records():
    seen = Yield("RIS, damaged")

    @SETTINGS
    @given(records(), st.data())
    def run(recs: list[Record], data: st.DataObject) -> None:
        texts = [to_ris(r) for r in recs]
        hit = data.draw(st.integers(0, len(recs) - 1))
        texts[hit] = _damage(texts[hit], data)
        result = ris.read("\n".join(texts), "gen.ris")
        refs = result.library.references
        if len(refs) < len(recs):  # a record lost to the damage is reported
            assert result.diagnostics
        assert [_got(r) for r in refs[:hit]] == [_expected(r, "-") for r in recs[:hit]]
        assert len(refs) <= len(recs) + 1
        seen.add(len(refs), len(recs))

    run()
    assert seen.report() >= 50.0


def test_a_rewritten_entry_stays_before_the_text_that_followed_it():
    """Found by the damaged-BibTeX fuzzing: the reader put an entry's trailing text (on the
    entry's own line) before it, so a rewritten entry moved after the text that followed it."""
    from refman import api
    from refman.writers.bibtex.writer import write_bibtex

    # "@article{k," lost 14 characters: "@ar{Theory x}" is an entry of its own, the rest text
    result = bibtex.read("@ar{Theory x},\n  year = 1808\n}\n@book{b, title={B}}\n", "gen.bib")
    assert write_bibtex(result.library) == "@misc{Theory-x\n},\n  year = 1808\n}\n@book{b, title={B}}\n"
    # the key BibTeX cannot take is changed, and export reports it (and writes it to --key-map)
    assert api.key_changes(result.library, "bibtex") == [("Theory x", "Theory-x")]
