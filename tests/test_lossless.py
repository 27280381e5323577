"""Nothing refman writes damages a user's data: LaTeX stays LaTeX, rewrites are fixed points,
no field or key is dropped or changed silently, round trips keep what the model holds, and
``validate --fix`` with nothing to fix gives the input back."""

from __future__ import annotations

import json
import re

import pytest

from refman import api
from refman.io import InputText
from tests.conftest import DATA

LOSSLESS = DATA / "lossless"
LATEX = LOSSLESS / "latex.bib"


def _read(text: str, name: str = "x.bib", fmt: str | None = None):
    return api.read_input(InputText(name, text, "utf-8", "." + name.rsplit(".", 1)[-1]), fmt)[0]


def _export(path_or_text: str, target: str, name: str = "x.bib") -> str:
    library = api.load([path_or_text]).library if "\n" not in path_or_text else _read(path_or_text, name)
    return api.export(library, target)


#: What latex.bib says that plain text cannot, each as its author wrote it.
KEPT_AS_WRITTEN = [
    r"{The {\METAFONT{}book}}",
    r"\ce{^{14}C}",
    r"$10\textsuperscript{-3}$",
    r"{Resolution \ensuremath{\alpha}, dose 10\textsuperscript{-3} s}",
    "tb # { Supplement}",
    'may # "/" # jun',
    'month = "??"',
    "_related = {radiocarbon}",
    "_shorthand = {WI}",
    "@Commentary{comm1,",
    "@COMMENTED{jura1,",
    "@book{SO42-,",
    "@book{Anonymous:TB21-2-,",
]


@pytest.mark.parametrize("target", ["bibtex", "biblatex"])
def test_latex_macros_odd_months_and_keys_survive_and_rewriting_is_a_fixed_point(target):
    first = _export(str(LATEX), target)
    flat = re.sub(r" +", " ", first)
    for text in KEPT_AS_WRITTEN:
        assert text in flat, text
    assert "\\textbackslash" not in first and "\\{" not in first
    assert _export(first, target) == first  # the second run gives the same bytes


def test_seasons_and_months_that_are_not_one_month():
    refs = {str(r.id): r for r in api.load([str(LATEX)]).library.references}
    assert refs["season"].issued.season == 4 and refs["season"].issued.date_parts == [[1999]]
    assert refs["radiocarbon"].unmapped["month"] == "May/June"
    assert refs["unknown-month"].unmapped["month"] == "??"
    biblatex = re.sub(r" +", " ", _export(str(LATEX), "biblatex"))
    assert "date = {1999-24}" in biblatex  # EDTF season 24: winter (biblatex §2.3.8)
    assert _read(biblatex).references[2].issued.season == 4


def test_only_comment_is_a_comment():
    refs = {str(r.id): r for r in api.load([str(LATEX)]).library.references}
    assert "comm1" in refs and "jura1" in refs
    assert refs["comm1"].unmapped.get("entrytype", "commentary") == "commentary"
    assert "@comment{Only this block is a comment.}" in _export(str(LATEX), "biblatex")


def test_latex_travels_through_csl_json():
    """BibTeX → CSL-JSON → BibTeX: the plain text serves CSL-JSON, the LaTeX comes back."""
    csl = _export(str(LATEX), "csl-json")
    item = next(i for i in json.loads(csl) if i["id"] == "radiocarbon")
    assert item["title"] == r"Age determination by \ce{^{14}C}: a decay of $10\textsuperscript{-3}$ per year"
    assert (
        item["custom"]["refman"]["latex"]["note"]
        == r"Resolution \ensuremath{\alpha}, dose 10\textsuperscript{-3} s"
    )
    again = api.export(_read(csl, "x.json"), "bibtex")
    assert (
        r"title = {Age determination by \ce{^{14}C}: a decay of $10\textsuperscript{-3}$ per year}" in again
    )
    assert r"note = {Resolution \ensuremath{\alpha}, dose 10\textsuperscript{-3} s}" in again
    assert "\\textbackslash" not in again


def test_a_changed_value_is_escaped_and_its_latex_dropped():
    library = api.load([str(LATEX)]).library
    ref = next(r for r in library.references if r.id == "radiocarbon")
    ref.note = "Resolution α, dose 10^-3 s"  # edited: the old LaTeX no longer says this
    out = api.export(library, "biblatex")
    assert r"note    = {Resolution α, dose 10\textasciicircum{}-3 s}," in out
    assert r"\ensuremath" not in out


def test_a_thesis_type_its_entry_type_implies_stays_when_another_field_changes():
    # "PhD thesis" is what @phdthesis says anyway, so the fresh fields leave ``type`` out;
    # the rewritten entry keeps it as read (nothing the user wrote is dropped)
    text = (
        "@phdthesis{k,\n  author = {Ivanov, Ivan},\n  title = {The title},\n  school = {MSU},\n"
        "  year = {2000},\n  type = {PhD thesis},\n}\n"
    )
    library, _, _ = api.read_input(InputText("t.bib", text, "utf-8", ".bib"))
    library.references[0].title = "Another title"
    assert api.export(library, "bibtex") == text.replace("The title", "Another title")


def test_csl_json_through_biblatex_keeps_what_the_model_holds():
    items = json.loads((LOSSLESS / "csl.json").read_text(encoding="utf-8"))
    library = api.load([str(LOSSLESS / "csl.json")]).library
    biblatex = api.export(library, "biblatex")
    assert "langid = {brazilian}" in biblatex and "entrysubtype = {post-weblog}" in biblatex
    assert r"abstract = {First paragraph.\par{}Second paragraph.}" in biblatex
    assert "eventtitle = {Конференция «{Восток}»}" in biblatex and "date = {2019-24}" in biblatex
    back = [r.to_csl() for r in _read(biblatex).references]
    for before, after in zip(items, back, strict=True):
        after.pop("custom", None)
        assert after == before


def test_keys_biber_accepts_are_kept_and_changed_keys_reported(run_cli, tmp_path):
    bib = tmp_path / "keys.bib"
    bib.write_text(
        "@book{SO42-, title = {A}}\n@book{a:b, title = {B}}\n@book{Smith, title = {C}}\n@book{smith, title = {D}}\n",
        encoding="utf-8",
    )
    keymap = tmp_path / "keys.tsv"
    status, out, err = run_cli("export", str(bib), "--to", "bibtex", "--key-map", str(keymap))
    assert status == 0
    assert "@book{SO42-," in out and "@book{a:b," in out and "@book{Smith," in out
    assert "@book{smitha," in out  # clashes with Smith ignoring case (biber, citeproc)
    assert "refman: warning: key 'smith' written as 'smitha': another record has this key" in err
    assert keymap.read_text(encoding="utf-8") == "old\tnew\nsmith\tsmitha\n"


def test_key_from_another_format_made_legal_and_reported(run_cli, tmp_path):
    data = tmp_path / "items.json"
    data.write_text('[{"id": "Smith 2020, p", "type": "book", "title": "T"}]', encoding="utf-8")
    status, out, err = run_cli("export", str(data), "--to", "biblatex")
    assert status == 0 and "@book{Smith-2020-p," in out
    assert "key 'Smith 2020, p' written as 'Smith-2020-p'" in err


def test_fix_with_nothing_to_fix_gives_the_input_back_in_its_dialect(run_cli):
    path = DATA / "bibtex" / "mixed.bib"
    status, out, err = run_cli("validate", str(path), "--fix", "--select", "RM301")
    assert status == 0 and "0 fixes applied" in err
    assert out == path.read_text(encoding="utf-8")  # byte for byte: BibLaTeX, macros, comments


def test_a_fix_on_a_value_with_latex_is_made_to_the_latex_or_not_at_all(run_cli, tmp_path):
    bib = tmp_path / "math.bib"
    entry = (
        "@article{so3,\n  title = {The group {$ {\\rm SO}(3) $} , and its spin cover},\n  year = {1990},\n}\n"
    )
    bib.write_text(entry, encoding="utf-8")
    status, out, err = run_cli("validate", str(bib), "--fix", "--select", "RM201")
    assert status == 0 and "refman: 1 fixes applied, 0 findings remain" in err
    assert out == entry.replace("$} ,", "$},")  # the math and its braces as written
    # where the edit cannot be placed in the LaTeX without doubt, the finding stays unfixed
    entry = "@article{a,\n  title = {A report with \\emph{emphasis} .},\n  year = 2000,\n}\n"
    bib.write_text(entry, encoding="utf-8")
    status, out, err = run_cli("validate", str(bib), "--fix", "--select", "RM201")
    assert status == 1 and "refman: 0 fixes applied, 1 findings remain" in err and out == entry


def test_a_string_defined_again_is_kept_and_the_later_value_used(tmp_path):
    text = (
        "%@String{cup = {Cambridge Univ.\\ Press}}% old form\n\n"
        "@String{cup = {Cambridge University Press}}\n\n"
        "@book{b, title = {T}, publisher = cup}\n"
    )
    library = _read(text)
    assert library.references[0].publisher == "Cambridge University Press"  # BibTeX: the later
    assert api.export(library, "bibtex") == text  # both definitions, and the comment, kept


def test_an_entry_bibtexparser_misreads_is_kept_as_written_and_never_fixed(run_cli, tmp_path):
    """A quoted value with a brace group holding '"' ({"a}: babel's ä) is valid BibTeX that
    bibtexparser splits wrongly; refman must not rewrite it from the wrong fields."""
    entry = (
        '@Book{Tschichold:NT91,\n  author = "Jan Tschichold",\n  title = "{Die Neue Typographie}",\n'
        '  subtitle = "{Ein Handbuch f{\\"u}r zeitgem{"a}{\\ss} Schaffende}",\n  year = "1991",\n}\n'
    )
    bib = tmp_path / "t.bib"
    bib.write_text(entry, encoding="utf-8")
    status, out, err = run_cli("validate", str(bib), "--fix", "--to", "biblatex")
    assert status == 1 and out == entry and "refman: 0 fixes applied" in err
    messages = [d.message for d in api.load([str(bib)]).diagnostics]
    assert (
        "Tschichold:NT91: the value of subtitle is not closed; the entry is kept exactly as written"
        in messages
    )


def test_a_fix_edits_the_value_as_written(run_cli, tmp_path):
    """Beebe's layout, a macro and a multi-line quoted note: only the doubled period goes."""
    entry = (
        '@Book{Beccari:TLS91,\n  author =       "Claudio Beccari",\n  publisher =    pub-EUH,\n'
        '  year =         "1991",\n  address =      pub-EUH:adr,\n'
        '  note =         "The pages were reduced to the final size..\n\n'
        '                 The fonts are those of the standard {\\TeX} set.",\n}\n'
    )
    bib = tmp_path / "b.bib"
    bib.write_text(
        '@String{pub-EUH = "Ed. Univ."}\n@String{pub-EUH:adr = "Roma"}\n\n' + entry, encoding="utf-8"
    )
    status, out, err = run_cli("validate", str(bib), "--fix", "--select", "RM203")
    assert status == 0 and "refman: fixed Beccari:TLS91: note: '..' made single (RM203)" in err
    assert "refman: 1 fixes applied, 0 findings remain" in err
    assert out.endswith(entry.replace("final size..", "final size."))  # nothing else moved


def test_a_plain_bibtex_entry_in_a_biblatex_file_stays_bibtex_when_rewritten(run_cli, tmp_path):
    text = (
        "@book{new, title = {New}, date = {2020}, location = {Berlin}}\n\n"
        "@book{old,\n  title = {Old book .},\n  year = {1990},\n  address = {Paris},\n}\n"
    )
    bib = tmp_path / "mixed.bib"
    bib.write_text(text, encoding="utf-8")
    status, out, err = run_cli("validate", str(bib), "--fix", "--select", "RM201")
    assert status == 0 and "refman: fixed old: title: removed space before '.' (RM201)" in err
    assert out == text.replace("Old book .", "Old book.")  # year and address stay; no date


def test_a_subtitle_joined_for_bibtex_stays_inside_the_braces():
    text = (
        "@proceedings{icp1975pic,\n  title = {Proceedings of the {XIV} {International} {Congress} of {Papyrologists}},\n"
        "  subtitle = {{Oxford}, 24--31 {July} 1974},\n  location = {London},\n  date = {1975}}\n"
    )
    out = api.export(_read(text), "bibtex")
    assert (
        "  title = {Proceedings of the {XIV} {International} {Congress} of {Papyrologists}: Oxford, 24–31 July 1974},\n"
        in out
    )
    again = _read(out).references[0]
    assert (
        again.title
        == "Proceedings of the XIV International Congress of Papyrologists: Oxford, 24–31 July 1974"
    )
