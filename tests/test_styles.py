"""Styles as a product: shipped as package data, named by aliases, any CSL file accepted safely,
the seed's golden bibliographies, and the CLI around them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from refman.errors import FormatError
from refman.model import Library, Reference
from refman.options import WriteOptions
from refman.writers.csl import styles as csl_styles
from refman.writers.csl.writer import write

from .conftest import ROOT, golden_text

GOLDEN = Path(__file__).parent / "golden"
SEED_CSL = GOLDEN / "seed.csl.json"
FORMATS = {"text": "txt", "html": "html", "markdown": "md", "json": "json"}
STYLES = ("gost-r-7.0.100-2018", "gost-r-7.0.5-2008")


def library(*items: dict) -> Library:
    return Library(references=[Reference.model_validate(item) for item in items])


def test_each_style_has_one_copy_in_the_source_tree():
    """styles/ is the only copy; the build puts it into the wheel (setup.py)."""
    copies = sorted(p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*.csl") if ".git" not in p.parts)
    copies = [c for c in copies if not c.startswith(("build/", "tests/"))]
    assert copies == [f"styles/{style.file}" for style in sorted(csl_styles.BUNDLED, key=lambda s: s.file)]


@pytest.mark.parametrize("style", csl_styles.BUNDLED, ids=lambda s: s.name)
def test_bundled_style_is_read_from_the_one_copy(style):
    assert csl_styles._bundled_bytes(style.file) == (ROOT / "styles" / style.file).read_bytes()


@pytest.mark.parametrize("style", csl_styles.BUNDLED, ids=lambda s: s.name)
def test_bundled_styles_are_valid_csl(style):
    from lxml import etree

    rng = Path(__import__("citeproc").__file__).parent / "data" / "schema" / "schemas" / "styles" / "csl.rng"
    schema = etree.RelaxNG(etree.parse(str(rng)))
    assert schema.validate(etree.parse(str(ROOT / "styles" / style.file))), schema.error_log


@pytest.mark.parametrize(("alias", "name"), [("gost", "gost-r-7.0.100-2018"), ("GOST-2018", "gost-r-7.0.100-2018"),
                                             ("gost-r-7.0.100-2018", "gost-r-7.0.100-2018"),
                                             ("gost-2008", "gost-r-7.0.5-2008"), ("gost-r-7.0.5-2008", "gost-r-7.0.5-2008")])  # fmt: skip
def test_aliases(alias, name):
    assert csl_styles.bundled(alias).name == name


def test_unknown_style_is_one_line_exit_2_naming_the_styles(run_cli, tmp_path):
    path = tmp_path / "refs.json"
    path.write_text("[]", encoding="utf-8")
    code, out, err = run_cli("export", str(path), "--to", "gost-1999")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "gost-r-7.0.100-2018" in err and "gost-2008" in err


def test_styles_command_lists_names_and_aliases(run_cli):
    code, out, _ = run_cli("styles")
    assert code == 0
    assert "gost-r-7.0.100-2018" in out and "gost-2008" in out and "--style" in out


USER_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE style [<!ENTITY secret SYSTEM "file://{path}">]>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>t &secret;</title><id>t</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout suffix="."><text variable="citation-number" suffix="."/>
    <text variable="title" font-style="italic"{attr}/></layout></bibliography>
</style>
"""


ENTITIES_REFUSED = (
    "the style declares XML entities (<!DOCTYPE … [<!ENTITY …>]>), which refman does not expand; "
    "write their text in place"
)


@pytest.mark.parametrize("attr", ["", ' prefix="&secret;"'], ids=["in-text", "in-attribute"])
def test_user_style_cannot_read_local_files_xxe(tmp_path, attr):
    """An entity declaration is refused: expanding one could read any file, and dropping it
    would change the style's text without a word."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    style = tmp_path / "evil.csl"
    style.write_text(USER_STYLE.format(path=secret, attr=attr), encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        write(library({"id": "a", "title": "A title"}), WriteOptions(style=str(style), output_format="html"))
    assert caught.value.message == f"{style}: {ENTITIES_REFUSED}"


def test_user_style_html_keeps_italics_and_drops_the_glued_number(tmp_path):
    style = tmp_path / "plain.csl"
    plain = USER_STYLE.replace('<!DOCTYPE style [<!ENTITY secret SYSTEM "file://{path}">]>\n', "")
    style.write_text(plain.replace(" &secret;", "").format(attr=""), encoding="utf-8")
    out = write(
        library({"id": "a", "title": "A title"}), WriteOptions(style=str(style), output_format="html")
    )
    # the style's own glued number is replaced by refman's list; italics kept, text escaped
    assert out == '<ol>\n  <li value="1"><i>A title</i>.</li>\n</ol>\n'


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE style [<!ENTITY x "y">]>',  # an internal entity, used nowhere
        '<!DOCTYPE style [\n  <!ENTITY x "y">\n]>',
        '<!DOCTYPE style [<!ENTITY % p "q">]>',  # a parameter entity
    ],
)
def test_a_style_declaring_entities_is_one_line_exit_2(run_cli, tmp_path, doctype):
    style = tmp_path / "my.csl"
    style.write_text(
        USER_STYLE.replace('<!DOCTYPE style [<!ENTITY secret SYSTEM "file://{path}">]>', doctype)
        .replace(" &secret;", "")
        .format(attr=""),
        encoding="utf-8",
    )
    refs = tmp_path / "x.json"
    refs.write_text(json.dumps([{"id": "a", "type": "book", "title": "T"}]), encoding="utf-8")
    code, out, err = run_cli("export", str(refs), "--style", str(style))
    assert (code, out, err) == (2, "", f"refman: {style}: {ENTITIES_REFUSED}\n")


def test_a_style_that_cannot_be_read_is_one_line(run_cli, tmp_path, monkeypatch):
    refs = tmp_path / "x.json"
    refs.write_text("[]", encoding="utf-8")
    code, _, err = run_cli("export", str(refs), "--style", str(tmp_path / "none.csl"))
    assert (code, err) == (2, f"refman: style {tmp_path / 'none.csl'}: no such file\n")
    code, _, err = run_cli("export", str(refs), "--style", str(tmp_path))
    assert (code, err) == (2, f"refman: style {tmp_path}: is a directory, not a file\n")
    monkeypatch.setenv("REFMAN_MAX_INPUT_MB", "0.001")
    code, _, err = run_cli("export", str(refs), "--style", "/dev/zero")
    assert code == 2
    assert err == (
        "refman: style /dev/zero: over the 1048 bytes input limit (stopped reading there); "
        "split the input or raise REFMAN_MAX_INPUT_MB\n"
    )


def test_any_csl_style_from_the_cli(run_cli, tmp_path):
    style = tmp_path / "plain.csl"
    plain = USER_STYLE.replace('<!DOCTYPE style [<!ENTITY secret SYSTEM "file://{path}">]>', "")
    style.write_text(plain.replace(" &secret;", "").format(attr=""), encoding="utf-8")
    refs = tmp_path / "refs.json"
    refs.write_text(
        json.dumps([{"id": "B", "title": "Beta <b>"}, {"id": "A", "title": "Alpha"}]), encoding="utf-8"
    )
    code, out, _ = run_cli("export", str(refs), "--style", str(style))
    assert code == 0 and out == "1. Beta <b>.\n2. Alpha.\n"
    code, out, _ = run_cli(
        "export", str(refs), "--style", str(style), "--output-format", "json", "--sort", "alphabetical"
    )
    assert json.loads(out) == [
        {"id": "A", "number": 1, "text": "Alpha."},
        {"id": "B", "number": 2, "text": "Beta <b>."},
    ]


def test_not_a_style_is_an_error(run_cli, tmp_path):
    bad = tmp_path / "bad.csl"
    bad.write_text("<html/>", encoding="utf-8")
    refs = tmp_path / "refs.json"
    refs.write_text("[]", encoding="utf-8")
    code, out, err = run_cli("export", str(refs), "--style", str(bad))
    assert code == 2 and out == "" and "not a CSL style" in err


def test_alphabetical_russian_collation_cyrillic_first():
    titles = ["Zebra", "Яблоко", "Ёж", "Еда", "Apple", "Жук", "Ель"]
    lib = library(*({"id": t, "type": "book", "title": t, "language": "ru"} for t in titles))
    out = write(lib, WriteOptions(style="gost", sort="alphabetical", output_format="json"))
    assert [row["id"] for row in json.loads(out)] == ["Еда", "Ёж", "Ель", "Жук", "Яблоко", "Apple", "Zebra"]


def test_ids_keep_their_case_and_numbers_have_a_space():
    lib = library({"id": "Smith2020", "type": "book", "title": "T", "language": "ru"})
    assert json.loads(write(lib, WriteOptions(style="gost", output_format="json")))[0]["id"] == "Smith2020"
    assert write(lib, WriteOptions(style="gost")).startswith("1. T. – Текст : непосредственный.")


def test_html_is_escaped_and_markdown_escapes_emphasis():
    lib = library({"id": "a", "type": "book", "title": "A <b> & *c*", "language": "en"})
    html = write(lib, WriteOptions(style="gost", output_format="html"))
    assert html.startswith("<ol>\n") and "A &lt;b&gt; &amp; *c*" in html and html.endswith("</ol>\n")
    md = write(lib, WriteOptions(style="gost", output_format="markdown"))
    assert md.startswith("1. A <b> & \\*c\\*") or md.startswith("1. A \\<b\\> & \\*c\\*")


def _seed_library() -> Library:
    return library(*json.loads(SEED_CSL.read_text(encoding="utf-8")))


@pytest.mark.parametrize("output", FORMATS)
@pytest.mark.parametrize("style", STYLES)
def test_seed_golden(style, output):
    """Reviewed line by line against docs/GOST.md; rewrite with REFMAN_UPDATE_GOLDEN=1 and review the diff."""
    text = write(_seed_library(), WriteOptions(style=style, output_format=output))
    path = GOLDEN / "gost" / f"seed.{style}.{FORMATS[output]}"
    assert text == golden_text(path, text)


def test_seed_worked_examples_character_for_character():
    lines = write(_seed_library(), WriteOptions(style="gost")).splitlines()
    assert lines[6] == (
        "7. Zainullin, E. Russian coal will follow the path of Juche / E. Zainullin. – Текст : электронный "
        "// Kommersant : [сайт]. – 2021. – 28 июня. – (дата обращения: 25.08.2022)."
    )
    assert lines[17] == (
        "18. Russia and China vetoed a resolution on sanctions against the DPRK in the UN Security Council. "
        "– Текст : электронный // Izvestia : [сайт]. – 2022. – 26 мая. – (дата обращения: 19.08.2022)."
    )
    assert lines[18] == "19. RasonConTrans : [сайт]. – (дата обращения: 06.08.2022). – Текст : электронный."


def test_seed_page_through_the_cli_matches_the_golden(run_cli):
    code, out, _ = run_cli("export", str(ROOT / "seeds" / "000_fe4f377d4096e258.txt"), "--to", "gost")
    assert code == 0
    assert out == (GOLDEN / "gost" / "seed.gost-r-7.0.100-2018.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [("--lang", "de"), ("--output-format", "xml"), ("--sort", "year")])
def test_bad_rendering_options_are_one_line_exit_2(run_cli, args):
    code, out, err = run_cli(
        "export", str(ROOT / "seeds" / "000_fe4f377d4096e258.txt"), "--to", "gost", *args
    )
    assert code == 2 and out == "" and err.count("\n") == 1


def test_parallel_rendering_changes_nothing():
    from refman.writers.csl import render as csl_render

    items = [{"id": f"i{i}", "type": "article-journal", "language": "ru" if i % 2 else "en", "title": f"T{i}",
              "author": [{"family": "Иванов", "given": "Иван"}] * (i % 5 + 1), "container-title": "J",
              "issued": {"date-parts": [[2000 + i % 20]]}, "volume": str(i)} for i in range(60)]  # fmt: skip
    data, _ = csl_styles.style_bytes("gost")
    entries = [(Reference.model_validate(item), item["language"]) for item in items]
    job = csl_render.Job(data, "ru", "text", entries, gost=True)
    assert csl_render.render_all(job, workers=2) == csl_render.render_all(job, workers=1)


# --- the pure string model is citeproc-py's string arithmetic ---------------------------------


def _citeproc_values():
    """Plain strings, Strings, MixedStrings and html wrappers over seam-prone characters."""
    from citeproc.formatter import html
    from citeproc.string import MixedString, String
    from hypothesis import strategies as st

    text = st.text(alphabet=" .,;:!?ab«", max_size=4)
    segments = st.lists(text.filter(bool).map(String), min_size=0, max_size=3)
    return st.one_of(text, text.map(String), segments.map(MixedString), text.filter(bool).map(html.Italic))


def _same(model, value) -> bool:
    from citeproc.string import MixedString, String

    from refman.writers.csl.compile.strings import T, W

    kind = T if isinstance(value, (String, MixedString)) else str if type(value) is str else W
    return type(model) is kind and model == str(value)


def _checked(operation, model_operation, *values):
    from hypothesis import assume

    from refman.writers.csl.compile.strings import OutsideModelError, conv

    try:
        model = model_operation(*[[conv(x) for x in v] if type(v) is list else conv(v) for v in values])
    except OutsideModelError:
        assume(False)  # citeproc-py renders such entries itself
    assert _same(model, operation(*values))


def test_pure_add_is_citeproc_py_plus():
    from hypothesis import given, settings

    from refman.writers.csl.compile.strings import add

    @settings(max_examples=400, deadline=None)
    @given(_citeproc_values(), _citeproc_values())
    def check(a, b):
        _checked(lambda x, y: x + y, add, a, b)

    check()


def test_pure_join_is_citeproc_py_join():
    from citeproc.string import join
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from refman.writers.csl.compile.strings import pure_join

    @settings(max_examples=300, deadline=None)
    @given(st.lists(_citeproc_values(), max_size=4), st.sampled_from(["", ". ", ". – ", " ", ", ", ": "]))
    def check(items, delimiter):
        _checked(lambda i, d: join(i, d), lambda i, d: pure_join(i, d), items, delimiter)

    check()
