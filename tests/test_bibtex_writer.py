"""The BibTeX/BibLaTeX writers: raw write-back, escaping, case protection, types, keys,
and the round trip BibTeX → model → BibTeX keeping every field."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from refman.model import DateValue, Name, Reference
from refman.readers.bibtex import read
from refman.writers.bibtex.case import protect_words
from refman.writers.bibtex.writer import format_entry, unique_keys, write_biblatex, write_bibtex
from tests.conftest import DATA

MIXED = (DATA / "bibtex" / "mixed.bib").read_text(encoding="utf-8")


def _protected(text: str) -> str:
    return "".join("{" + w + "}" if braced else w for w, braced in protect_words(text))


def _fields(ref: Reference) -> dict:
    """What a record means: its CSL-JSON without the id, and without the LaTeX source forms
    (they always decode to the plain values compared here; their braces may differ)."""
    data = ref.model_copy(update={"latex": {}}).to_csl()
    data.pop("id", None)
    return data


CLASSIC = """@string{jgr = "J. Geophys. Res."}
% a comment between entries
@Article{Smith:2001,
  AUTHOR = {Smith, J. and M{\\"u}ller, K.},
  title  = "The {Pacific} {El Ni{\\~n}o}",
  journal = jgr,   year = 2001, month = jan,
}
"""


def test_unchanged_bibtex_is_written_back_byte_for_byte():
    out = write_bibtex(read(CLASSIC, "c.bib").library)
    assert out == CLASSIC  # blocks and the text between them as written


def test_unchanged_file_is_written_back_as_it_was():
    out = write_biblatex(read(MIXED, "mixed.bib").library)  # mixed.bib is BibLaTeX
    for block in ('@string{vi = "Вопросы истории"}', "@preamble{", "@comment{Exported by hand, 2023}",
                  "% A library of the kind", "journal   = vi,", "Journal = jas # { (Online)}",
                  "@xdata{tass,"):  # fmt: skip
        assert block in out
    entries = [b for b in MIXED.split("\n\n") if b.startswith(("@article", "@Article", "@book", "@misc"))]
    for entry in entries:
        assert entry.strip() in out  # byte for byte, field order and braces included


def test_changed_entry_is_regenerated_and_others_kept():
    library = read(MIXED, "mixed.bib").library
    library.references[0].title = "Новое заглавие о России"
    out = write_biblatex(library)
    # the changed title keeps its field's place and the entry's layout
    assert "  title     = {Новое заглавие о {России}}," in out
    assert "journaltitle = vi," in out  # unchanged field of a changed entry: as written, macro kept
    assert "Journal = jas # { (Online)}" in out  # the untouched entry stays raw


def test_biblatex_from_bibtex_converts_fields():
    library = read(MIXED, "mixed.bib").library
    library.preserved["bibtex:mixed.bib"]["dialect"] = "bibtex"  # as if read from plain BibTeX
    out = " ".join(write_biblatex(library).split(" "))  # the source's alignment aside
    out = re.sub(r" +", " ", out)
    assert "journaltitle = vi," in out and "date = {2019-03}" in out  # the macro stays
    assert "langid = {russian}" in out and "location = {London}" in out


def test_escaping_and_utf8():
    ref = Reference(id="k", type="book", title="Profits & losses: 50% of $5 in c_1 {x} #1 ~ ^",
                    author=[Name(family="Чернышёва", given="Юлия")])  # fmt: skip
    text = format_entry(ref, "k", "bibtex")
    assert r"Profits \& losses: 50\% of \$5 in c\_1 \{x\} \#1 \textasciitilde{} \textasciicircum{}" in text
    assert "Чернышёва, Юлия" in text and "\\cyr" not in text


def test_case_protection_rules():
    assert _protected("Russian coal exports to Asia: the DPRK and COVID-19") == (
        "Russian coal exports to {Asia}: the {DPRK} and {COVID-19}"
    )
    # Title Case: which capitals are proper nouns cannot be told, so none is lost ("North {Korea}")
    assert _protected("The Korean Peninsula After the War") == "The {Korean} {Peninsula} {After} the {War}"
    assert _protected("Санкции против России и КНДР") == "Санкции против {России} и {КНДР}"
    assert _protected("О мерах по реализации указа") == "О мерах по реализации указа"
    assert _protected("iPhone sales (UN data)") == "{iPhone} sales ({UN} data)"


def test_types_and_biblatex_fields():
    web = Reference(id="w", type="webpage", title="Page", language="ru", URL="https://x.ru/a_b",
                    issued=DateValue(date_parts=[[2022, 3, 2]]), accessed=DateValue(date_parts=[[2022, 8, 19]]))  # fmt: skip
    text = format_entry(web, "w", "biblatex")
    assert text.startswith("@online{w,") and "urldate = {2022-08-19}" in text
    assert (
        "langid = {russian}" in text and "date = {2022-03-02}" in text and "url = {https://x.ru/a_b}" in text
    )
    law = Reference(
        id="l", type="legislation", title="Law", genre="Federal law", number="5", authority="Duma"
    )
    for dialect in ("bibtex", "biblatex"):
        text = format_entry(law, "l", dialect)
        assert text.startswith("@misc{l,") and "type = {Federal law}" in text and "number = {5}" in text
        assert "organization = {Duma}" in text and "entrysubtype = {legislation}" in text
    speech = Reference(id="s", type="speech", title="Statement", event="Conference", event_place="Geneva")
    text = format_entry(speech, "s", "biblatex")
    assert "eventtitle = {Conference}" in text and "venue = {Geneva}" in text
    thesis = Reference(id="t", type="thesis", title="T", genre="Master's thesis", publisher="MSU")
    assert format_entry(thesis, "t", "bibtex").startswith("@mastersthesis{t,")
    assert "type = {mathesis}" in format_entry(thesis, "t", "biblatex")


def test_keys_unique_ignoring_case_and_legal():
    refs = [Reference(id="Smith2020"), Reference(id="smith2020"), Reference(id="a b,{c}"), Reference(id="")]
    assert unique_keys(refs) == ["Smith2020", "smith2020a", "a-b-c", "ref"]


def test_every_csl_type_written_and_read_back():
    from refman.model import CSL_TYPES

    for csl_type in CSL_TYPES:
        ref = Reference(id="k", type=csl_type, title="T", author=[Name(family="Doe", given="J.")],
                        issued=DateValue(date_parts=[[2020, 1, 2]]))  # fmt: skip
        for dialect in ("bibtex", "biblatex"):
            back = read(format_entry(ref, "k", dialect), "t.bib").library.references[0]
            assert (
                back.title == "T" and back.author == ref.author and back.issued.date_parts == [[2020, 1, 2]]
            )


# ---------------------------------------------------------------- property: every field kept

_TEXT = st.text(alphabet=st.sampled_from(list("abcXYZ жЖё&%$#_{}~^-–.,:'Ü")), min_size=1, max_size=25).map(
    lambda s: " ".join(s.split()) or "x"
)
_FIELDS = ["title", "journal", "booktitle", "publisher", "address", "volume", "pages", "note", "series",
           "edition", "isbn", "keywords", "abstract", "langid", "howpublished", "venue", "foo", "custom-x"]  # fmt: skip
_TYPES = ["article", "book", "incollection", "inproceedings", "misc", "online", "report", "thesis",
          "phdthesis", "techreport", "manual", "unpublished", "dataset"]  # fmt: skip


def _braced(text: str) -> str:
    from refman.parse.latex import escape

    return "{" + escape(text) + "}"


@settings(max_examples=60, deadline=None)
@given(
    etype=st.sampled_from(_TYPES),
    values=st.dictionaries(st.sampled_from(_FIELDS), _TEXT, min_size=1, max_size=8),
    year=st.integers(1800, 2030),
    authors=st.lists(st.tuples(_TEXT, _TEXT), max_size=3),
)
def test_bibtex_model_bibtex_keeps_every_field(etype, values, year, authors):
    lines = [f"@{etype}{{key1,"]
    if authors:
        lines.append("  author = {" + " and ".join(f"{_braced(f)}, {_braced(g)}" for f, g in authors) + "},")
    lines += [f"  {name} = {_braced(value)}," for name, value in values.items()]
    lines.append(f"  year = {year}\n}}")
    first = read("\n".join(lines), "p.bib").library.references[0]
    for dialect in ("bibtex", "biblatex"):
        again = read(format_entry(first, "key1", dialect), "q.bib").library.references[0]
        kept, back = _fields(first), _fields(again)
        # every field comes back with its value; the one addition allowed is the genre a
        # BibTeX type implies (@report written as @techreport reads back as "technical report")
        assert {k: v for k, v in back.items() if k != "genre" or "genre" in kept} == kept, dialect


def test_library_round_trip_through_fresh_writing():
    library = read(MIXED, "mixed.bib").library
    for dialect in ("bibtex", "biblatex"):
        text = "\n".join(format_entry(r, str(r.id), dialect) for r in library.references)
        again = read(text, "again.bib").library.references
        assert [r.id for r in again] == [r.id for r in library.references], dialect
        for ref, back in zip(library.references, again, strict=True):
            assert _fields(back) == _fields(ref), (dialect, ref.id)


def test_page_ranges_use_double_hyphens_without_making_new_dashes():
    """ "10–20" becomes "10--20"; a dash next to a hyphen must not turn into "---" (an em dash)."""
    for page, written in (("10–20", "10--20"), ("-–", "-–"), ("e1–e5", "e1--e5")):
        ref = Reference(id="p", type="article-journal", title="T", page=page)
        text = format_entry(ref, "p", "bibtex")
        assert f"pages = {{{written}}}" in text
        assert read(text, "p.bib").library.references[0].page == page


def test_a_tie_kept_verbatim_in_math_is_braced_in_a_name():
    """Found by the round-trip property: "$^~$" written bare read back as "$^ $" (a tie)."""
    from refman.model import Name
    from refman.parse.bibnames import format_name, parse_names

    written = format_name(Name(family=":", given="$^~$"))
    assert written == ":, {$^~$}"
    assert parse_names(written)[0][0].given == "$^~$"
