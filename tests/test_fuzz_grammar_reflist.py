"""Grammar-based fuzzing of the free-text reference-list reader: hypothesis writes the records
of ``test_fuzz_grammar`` as a numbered GOST R 7.0.100 list (journal articles "Автор И. О.
Заглавие // Журнал. – 2019. – Т. 5, № 3. – С. 10–20.", books "… – М. : Наука, 2019. – 300 с."),
with Russian or English labels, then damages one item.

Properties: on a valid list every field comes back as generated; on a damaged one the reader
does not raise, every item before the damaged one comes back whole, and no word of any item
goes nowhere (each is in a field, or kept in ``unmapped["unparsed"]`` with an RM002 warning).
Each test prints its yield (references per 100 generated items; run with ``-s``).
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from refman.model import Reference
from refman.readers.reflist import reader as reflist
from refman.readers.reflist.account import unplaced

from .test_fuzz_grammar import SETTINGS, Record, Yield, _damage, records

#: (place, publisher) of the books
PUBLISHERS = (("М.", "Наука"), ("СПб.", "Питер"), ("London", "Routledge"), ("New York", "Springer"))
#: labels of volume, issue and pages: GOST's Russian ones, and the English ones it allows
LABELS = {"ru": ("Т.", "№", "С."), "en": ("Vol.", "no.", "P.")}


def _initials(given: str) -> str:
    """GOST gives initials: "Anna Maria" → "A. M.", "Jean-Paul" → "J.-P."."""
    return " ".join(
        "-".join(part[0] + "." for part in word.split("-")) for word in given.replace(".", " ").split()
    )


@st.composite
def items(draw: st.DrawFn) -> list[tuple[Record, dict]]:
    """Records as list items: (record, what the item must be read as)."""
    out = []
    for rec in draw(records()):
        kind = "article" if rec.kind == "article" else "book"
        rec = replace(rec, kind=kind)
        if kind == "article" and rec.volume is None and rec.issue is None:
            rec = replace(rec, volume=draw(st.integers(1, 300)))  # a journal article gives one
        if kind == "book":
            rec = replace(rec, volume=None, issue=None, container=None)
        place, publisher = draw(st.sampled_from(PUBLISHERS))
        out.append(
            (rec, {"labels": draw(st.sampled_from(sorted(LABELS))), "place": place, "publisher": publisher})
        )
    return out


def to_item(number: int, rec: Record, how: dict) -> str:
    vol, no, page = LABELS[how["labels"]]
    head = ", ".join(f"{f} {_initials(g)}" for f, g in rec.authors)
    parts = [f"{number}. " + (f"{head} " if head else "") + rec.title]
    if rec.kind == "article":
        parts[0] += f" // {rec.container}"
        parts.append(str(rec.year))
        numbers = [f"{vol} {rec.volume}" if rec.volume is not None else None,
                   f"{no} {rec.issue}" if rec.issue is not None else None]  # fmt: skip
        parts.append(", ".join(n for n in numbers if n))
        if rec.pages:
            parts.append(f"{page} {rec.pages[0]}–{rec.pages[1]}")
    else:
        parts.append(f"{how['place']} : {how['publisher']}, {rec.year}")
        if rec.pages:
            parts.append(f"{rec.pages[1]} {'с.' if how['labels'] == 'ru' else 'p.'}")
    if rec.doi:
        parts.append(f"DOI: {rec.doi}")
    return ". – ".join(parts) + "."


def expected(rec: Record, how: dict) -> dict:
    out = {"type": "article-journal" if rec.kind == "article" else "book", "title": rec.title,
           "author": [(f, _initials(g)) for f, g in rec.authors], "year": rec.year, "DOI": rec.doi}  # fmt: skip
    if rec.kind == "article":
        out |= {"container": rec.container,
                "volume": None if rec.volume is None else str(rec.volume),
                "issue": None if rec.issue is None else str(rec.issue),
                "page": None if rec.pages is None else f"{rec.pages[0]}–{rec.pages[1]}"}  # fmt: skip
    else:
        out |= {"place": how["place"], "publisher": how["publisher"],
                "pages": None if rec.pages is None else str(rec.pages[1])}  # fmt: skip
    return out


def got(ref: Reference, kind: str) -> dict:
    out = {"type": ref.type, "title": ref.title, "author": [(n.family, n.given) for n in ref.author or []],
           "year": ref.issued.parts[0] if ref.issued is not None and ref.issued.parts else None, "DOI": ref.DOI}  # fmt: skip
    if kind == "article":
        out |= {"container": ref.container_title, "volume": ref.volume, "issue": ref.issue, "page": ref.page}
    else:
        out |= {"place": ref.publisher_place, "publisher": ref.publisher, "pages": ref.number_of_pages}
    return out


def test_reflist_grammar_nothing_lost():
    seen = Yield("reference list, valid")

    @SETTINGS
    @given(items())
    def run(generated: list[tuple[Record, dict]]) -> None:
        text = "\n".join(to_item(n, rec, how) for n, (rec, how) in enumerate(generated, 1)) + "\n"
        result = reflist.read(text, "gen.txt")
        refs = result.library.references
        assert [got(r, rec.kind) for r, (rec, _) in zip(refs, generated, strict=True)] == [
            expected(rec, how) for rec, how in generated
        ]
        assert [r.origin.number for r in refs] == list(range(1, len(generated) + 1))
        assert [d for d in result.diagnostics if d.code == "RM002"] == []
        seen.add(len(refs), len(generated))

    run()
    assert seen.report() == 100.0


def test_damaged_reflist_keeps_the_untouched_items_and_every_word():
    seen = Yield("reference list, damaged")

    @SETTINGS
    @given(items(), st.data())
    def run(generated: list[tuple[Record, dict]], data: st.DataObject) -> None:
        texts = [to_item(n, rec, how) for n, (rec, how) in enumerate(generated, 1)]
        hit = data.draw(st.integers(0, len(texts) - 1))
        texts[hit] = _damage(texts[hit], data)
        text = "\n".join(texts) + "\n"
        items_read, _, _ = reflist.split_items(text)
        result = reflist.read(text, "gen.txt")
        refs = result.library.references
        # a damaged item may lose its number and join the one before it; earlier items cannot
        # be touched by it
        for ref, (rec, how) in zip(refs[: max(hit - 1, 0)], generated[: max(hit - 1, 0)], strict=True):
            assert got(ref, rec.kind) == expected(rec, how)
        assert len(refs) == len(items_read)
        warnings = [d.message for d in result.diagnostics if d.code == "RM002"]
        for ref in refs:  # each piece kept aside is reported, quoted
            if "unparsed" in ref.unmapped:
                assert any(
                    w.endswith(f"kept in unmapped 'unparsed': {ref.unmapped['unparsed']!r}") for w in warnings
                )
        for item, ref in zip(items_read, refs, strict=True):
            assert unplaced(item.text, Reference.model_validate(ref.to_csl())) == []
        seen.add(len(refs), len(generated))

    run()
    assert seen.report() >= 50.0
