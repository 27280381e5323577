"""The fast renderer (refman.writers.csl.compile) against plain citeproc-py: the same text,
character for character, on generated items, the seed and real .bib files, in every output
format; the bundled styles wholly on the compiled path; and the switch between the two."""

from __future__ import annotations

import importlib.util
import json

import pytest

from refman.model import Reference
from refman.writers.csl import prepare as csl_prepare
from refman.writers.csl import render as csl_render
from refman.writers.csl import styles as csl_styles
from refman.writers.csl.compile.fast import RENDERERS, Style

from .conftest import ROOT
from .test_styles import SEED_CSL, STYLES

OUTPUTS = ("text", "html", "markdown")

#: Exercises what the compiler does not model (text-case, quotes, name-part, position,
#: localized dates, ordinal days): those elements are delegated to citeproc-py's own.
RICH_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info><title>rich</title><id>rich</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <macro name="who"><names variable="author editor" delimiter="; "><name and="text" initialize-with=". "
    delimiter-precedes-last="always"><name-part name="family" text-case="uppercase"/></name>
    <label form="short" prefix=" (" suffix=")"/><substitute><text variable="title" quotes="true"/></substitute>
  </names></macro>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout suffix=".">
    <group delimiter=". "><text macro="who"/>
      <text variable="title" font-style="italic" text-case="title" strip-periods="true"/>
      <choose><if position="first"><text value="first"/></if><else-if is-numeric="edition">
        <number variable="edition" form="ordinal" suffix=" ed."/></else-if></choose>
      <date variable="issued" form="text"/><date variable="accessed" delimiter="-" prefix="[" suffix="]">
        <date-part name="year"/><date-part name="month" form="numeric-leading-zeros"/>
        <date-part name="day" form="ordinal"/></date>
      <text variable="page" prefix="pp. "/><text variable="container-title" form="short" font-weight="bold"/>
    </group></layout></bibliography>
</style>
"""


def _generate():
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    return generate


def _varied_items(count: int) -> list[dict]:
    """Generated items (benchmarks/generate.py) varied where seams, options and fallbacks hide."""
    variations = [
        {"edition": "2"}, {"edition": "2nd rev."}, {"title": "Ends with a period."},
        {"title": "Question?", "container-title": "Host."}, {"publisher-place": "Москва :"},
        {"editor": [{"family": "Петров", "given": "Пётр"}, {"family": "Smith", "given": "Yu."}]},
        {"issued": {"literal": "n.d."}}, {"issued": {"date-parts": [[2001, 2], [2003, 5]]}},
        {"number-of-pages": "xii, 300"}, {"page": "5-7"}, {"page": "15–17, 20"}, {"URL": "https://x.org/a b"},
        {"title": 'A "quoted" <span class="nocase">iPhone</span> title'}, {"container-title": ""},
        {"author": [{"literal": "World Health Organization"}]}, {"genre": "website", "container-title": ""},
        {"author": [{"family": "Doe", "given": "J.-P."}] * 5}, {"issued": {"date-parts": [[876]]}},
        {"title": "Trailing space ", "event": "Conference", "event-place": "Geneva"}, {},
    ]  # fmt: skip
    items = _generate().csl_items(count)
    return [{**item, **variations[i % len(variations)]} for i, item in enumerate(items)]


def _seed_items() -> list[dict]:
    return json.loads(SEED_CSL.read_text(encoding="utf-8"))


def _references(items: list[dict]) -> list[Reference]:
    return [Reference.model_validate(item) for item in items]


def _job(data: bytes, refs: list[Reference], output: str, renderer: str) -> csl_render.Job:
    """The job the writer makes for a Russian list (each entry in its own language's terms)."""
    entries = []
    for ref in refs:
        lang = csl_prepare.entry_language(ref, "ru")
        entries.append((ref, lang if csl_render.has_locale(lang) else "ru"))
    return csl_render.Job(data, "ru", output, entries, gost=True, renderer=renderer)


def _fast_styles(job: csl_render.Job) -> list[Style]:
    langs = sorted({lang for _, lang in job.entries})
    return [csl_render.style_for(job, lang) for lang in langs]


def _fast_and_citeproc(data: bytes, refs: list[Reference], output: str) -> tuple[list, list, dict]:
    """(fast texts, citeproc texts, what the fast renderer did: entries compiled, entries
    rendered whole by citeproc-py, elements delegated)."""
    job = _job(data, refs, output, "fast")
    styles = _fast_styles(job)
    before = [dict(style.counts) for style in styles]
    fast = csl_render.render_all(job, workers=1)
    done = {
        key: sum(style.counts[key] - counts[key] for style, counts in zip(styles, before, strict=True))
        for key in ("compiled", "citeproc")
    }
    done["delegated"] = sorted({d for style in styles for d in style.delegated})
    plain = csl_render.render_all(_job(data, refs, output, "citeproc"), workers=1)
    return fast, plain, done


# --- fast == plain citeproc-py, character for character ------------------------------------


@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("style", STYLES)
def test_fast_renderer_equals_citeproc_py_on_generated_items_and_the_seed(style, output):
    data, _ = csl_styles.style_bytes(style)
    refs = _references(_varied_items(60) + _seed_items())
    fast, plain, done = _fast_and_citeproc(data, refs, output)
    assert fast == plain
    assert None not in fast
    assert done == {"compiled": len(refs), "citeproc": 0, "delegated": []}


@pytest.mark.parametrize("style", STYLES)
def test_fast_renderer_equals_citeproc_py_on_real_bib_files(style):
    """A sample of biblatex's and biblatex-gost's example files (texlive, tests/corpus.py)."""
    from . import corpus

    root = corpus.texlive_root()
    refs: list[Reference] = []
    for name in ("biblatex-examples.bib", "biblatex-gost-examples.bib.gz"):
        path = next(p for p in corpus.bib_files(root) if p.name == name)
        loaded = corpus._load(corpus.read_bib(path).decode("utf-8"), name).library.references
        refs += loaded[:: max(1, len(loaded) // 15)]
    data, _ = csl_styles.style_bytes(style)
    for output in OUTPUTS:
        fast, plain, done = _fast_and_citeproc(data, refs, output)
        assert fast == plain, output
        assert done == {"compiled": len(refs), "citeproc": 0, "delegated": []}, output


# --- the bundled styles stay on the compiled path --------------------------------------------


@pytest.mark.parametrize("style", STYLES)
def test_bundled_style_renders_every_entry_compiled_with_nothing_delegated(style):
    """Fails when an edit to a bundled style uses a CSL feature the compiler does not model
    (the module doc of refman.writers.csl.compile.layout lists those it does)."""
    data, _ = csl_styles.style_bytes(style)
    refs = _references(_generate().csl_items(300) + _varied_items(100) + _seed_items())
    for output in OUTPUTS:
        job = _job(data, refs, output, "fast")
        styles = _fast_styles(job)
        before = [style.counts["compiled"] for style in styles]
        texts = csl_render.render_all(job, workers=1)
        assert [style.delegated for style in styles] == [()] * len(styles)
        assert sum(style.counts["compiled"] - b for style, b in zip(styles, before, strict=True)) == len(refs)
        assert None not in texts


def test_one_text_case_attribute_delegates_that_element_only():
    """Before, one attribute the compiler did not model sent every entry of the style to a
    slower path; now citeproc-py renders that one element and the rest stays compiled."""
    data, _ = csl_styles.style_bytes("gost")
    cased = data.replace(
        b'<text variable="title"/>', b'<text variable="title" text-case="capitalize-first"/>', 1
    )
    assert cased != data
    item = {"id": "x", "type": "book", "title": "iPhone in schools", "language": "en"}
    refs = _references([item, *_varied_items(40)])
    fast, plain, done = _fast_and_citeproc(cased, refs, "text")
    assert fast == plain
    assert fast[0] == "IPhone in schools. – Текст : непосредственный."  # capitalize-first: the first letter
    assert (done["compiled"], done["citeproc"]) == (len(refs), 0)
    assert [d.split(" in macro ")[0] for d in done["delegated"]] == [
        '<text variable="title" text-case="capitalize-first">'
    ]


@pytest.mark.parametrize("output", OUTPUTS)
def test_a_user_style_delegates_what_the_compiler_does_not_model(output):
    refs = _references(_varied_items(80))
    fast, plain, done = _fast_and_citeproc(RICH_STYLE.encode(), refs, output)
    assert fast == plain
    assert done["delegated"] == [
        "<choose> in the layout",
        '<date variable="accessed" delimiter="-" prefix="[" suffix="]"> in the layout',
        '<date variable="issued" form="text"> in the layout',
        '<names variable="author editor" delimiter="; "> in macro "who"',
        '<text variable="title" font-style="italic" text-case="title" strip-periods="true"> in the layout',
    ]
    assert done["compiled"] + done["citeproc"] == len(refs)


@pytest.mark.parametrize("output", OUTPUTS)
def test_formatter_wrappers_in_the_compiled_path_equal_citeproc_py(output):
    """Italic titles and a bold host in a GOST style: the formatter's wrappers in the string model."""
    data, _ = csl_styles.style_bytes("gost")
    data = data.replace(b'<text variable="title"/>', b'<text variable="title" font-style="italic"/>')
    data = data.replace(
        b'<text variable="container-title"/>', b'<text variable="container-title" font-weight="bold"/>'
    )
    fast, plain, done = _fast_and_citeproc(data, _references(_varied_items(60)), output)
    assert fast == plain
    assert done == {"compiled": 60, "citeproc": 0, "delegated": []}


def test_memoised_elements_equal_citeproc_py_elements():
    """What the compiled layout leaves to citeproc-py runs on memoised element classes: they
    render each entry as citeproc-py's own classes do."""
    data, _ = csl_styles.style_bytes("gost")
    items = _varied_items(60)
    fast_style = csl_render._style(data, "ru", "ru", "html", True, False, "fast")
    plain_style = csl_render._style(data, "ru", "ru", "html", True, False, "citeproc")
    escape = csl_render.formatter_for("html").preformat
    for index, ref in enumerate(_references(items)):
        item = csl_prepare.prepare(ref, f"r{index}", "ru", gost=True)
        data_in = csl_render._escaped(csl_render._supported(item, names=True), escape)
        memoised = fast_style.render_citeproc(csl_render.citeproc_item(item, data_in, index, "html"))
        plain = plain_style.render_citeproc(csl_render.citeproc_item(item, data_in, index, "html"))
        assert str(memoised) == str(plain)


# --- the switch ------------------------------------------------------------------------------


def test_renderer_choice_option_then_environment_then_fast():
    assert csl_render.renderer_from(None, {}) == "fast"
    assert csl_render.renderer_from(None, {"REFMAN_RENDERER": "citeproc"}) == "citeproc"
    assert csl_render.renderer_from("fast", {"REFMAN_RENDERER": "citeproc"}) == "fast"
    with pytest.raises(ValueError, match=r"^unknown REFMAN_RENDERER 'slow' \(known: fast, citeproc\)$"):
        csl_render.renderer_from(None, {"REFMAN_RENDERER": "slow"})


def test_cli_renderer_is_a_closed_choice_of_the_renderers():
    from refman.cli.export import Renderer

    assert tuple(r.value for r in Renderer) == RENDERERS


@pytest.mark.parametrize("renderer", RENDERERS)
def test_export_with_either_renderer_gives_the_golden(run_cli, renderer):
    code, out, err = run_cli(
        "export", str(ROOT / "seeds" / "000_fe4f377d4096e258.txt"), "--to", "gost", "--renderer", renderer
    )
    assert (code, err) == (0, "")
    assert out == (ROOT / "tests" / "golden" / "gost" / "seed.gost-r-7.0.100-2018.txt").read_text(
        encoding="utf-8"
    )


def test_an_unknown_renderer_is_one_line_exit_2(run_cli, monkeypatch):
    seed = str(ROOT / "seeds" / "000_fe4f377d4096e258.txt")
    code, out, err = run_cli("export", seed, "--to", "gost", "--renderer", "slow")
    # a usage error, worded by click as every unknown option value of the CLI is
    assert (code, out) == (2, "")
    assert "Invalid value for '--renderer'" in err and "'slow' is not one of 'fast', 'citeproc'" in err
    monkeypatch.setenv("REFMAN_RENDERER", "slow")
    code, out, err = run_cli("export", seed, "--to", "gost")
    assert (code, out, err) == (2, "", "refman: unknown REFMAN_RENDERER 'slow' (known: fast, citeproc)\n")
