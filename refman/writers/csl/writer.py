"""A library as a numbered bibliography in a CSL style (GOST by default): text, HTML, Markdown,
JSON, LaTeX (``latex``) or a Word document (``docx``, bytes).

citeproc-py renders each entry; refman owns everything around it: the order (input order or
Russian collation with Cyrillic first), the numbers ("1. " with a space), the language of
each entry's terms against the list's prescribed words, the ids (citeproc-py lower-cases
them), dates it would drop, and the output format. LaTeX and Word are made from the HTML
rendering (``runs``), so the renderer knows three outputs and every format the same fonts.
"""

from __future__ import annotations

import html
import json
import re

from ...model import Library, Reference
from ...options import OUTPUT_FORMATS, SORTS, WriteOptions
from . import collate as csl_collate
from . import markdown as csl_markdown
from . import prepare as csl_prepare
from . import render as csl_render
from . import styles as csl_styles

__all__ = ["OUTPUT_FORMATS", "SORTS", "StyleError", "format_entries", "render", "write"]
#: The citeproc-py output each format is rendered in (the others in their own name).
_RENDERED_AS = {"json": "text", "latex": "html", "docx": "html"}
#: "Title?. – " → "Title? – ": a ? or ! that ends an element takes no period (docs/GOST.md rule 1).
_PUNCT_BEFORE_PERIOD = re.compile(r"(?<=[?!])\.(?=\s|$)")


class StyleError(ValueError):
    """An unknown style, output format or sort (api turns it into FormatError, exit 2)."""


def write(library: Library, options: WriteOptions) -> str | bytes:
    """The bibliography in ``options.output_format``: text, or bytes for docx."""
    from ...errors import FormatError

    try:
        entries = render(library.references, options)
    except (StyleError, csl_styles.StyleNotFoundError) as exc:
        raise FormatError(str(exc)) from None
    return format_entries(entries, options.output_format)


def render(references: list[Reference], options: WriteOptions) -> list[tuple[str, int, str]]:
    """(id, number, text) for each reference, in the list's order, text as citeproc-py renders
    it for the output format (HTML for latex and docx, which ``format_entries`` converts)."""
    output = options.output_format
    if output not in OUTPUT_FORMATS:
        raise StyleError(f"unknown output format {output!r} (known: {', '.join(OUTPUT_FORMATS)})")
    if options.sort not in SORTS:
        raise StyleError(f"unknown sort {options.sort!r} (known: {', '.join(SORTS)})")
    try:
        renderer = csl_render.renderer_from(options.renderer)
    except ValueError as exc:
        raise StyleError(str(exc)) from None
    data, entry = csl_styles.style_bytes(options.style or "gost")
    root = csl_styles.check_style(data, options.style or "gost")
    list_lang = (options.lang or csl_styles.default_language(root)).lower().split("-")[0]
    own = sorted(
        {
            (loc.get(csl_styles.XML_LANG) or "").split("-")[0]
            for loc in root.iter(f"{{{csl_styles.CSL_NS}}}locale")
        }
        - {""}
    )
    if not csl_render.has_locale(list_lang) or (entry is not None and list_lang not in own):
        known = ", ".join(own) if entry is not None else "ru, en, de, …"
        raise StyleError(f"no prescribed words in list language {list_lang!r} (known: {known})")
    gost = entry is not None and entry.gost
    items = []
    for ref in references:
        lang = csl_prepare.entry_language(ref, list_lang)
        if not csl_render.has_locale(lang):
            lang = list_lang
        items.append((ref, lang))
    render_format = rendered_as(output)
    job = csl_render.Job(data, list_lang, render_format, items, gost, renderer, options.short_areas)
    texts = csl_render.render_all(job)
    rendered = [
        (str(ref.id), _finish(text, ref, render_format)) for ref, text in zip(references, texts, strict=True)
    ]
    if options.sort == "alphabetical":
        order = sorted(
            range(len(rendered)), key=lambda i: csl_collate.sort_key(_plain(rendered[i][1], render_format))
        )
        rendered = [rendered[i] for i in order]
    return [(ref_id, number, text) for number, (ref_id, text) in enumerate(rendered, start=1)]


def rendered_as(output: str) -> str:
    """The citeproc-py output (text, html or markdown) an output format is made from."""
    return _RENDERED_AS.get(output, output)


def _finish(text: str | None, ref: Reference, output: str) -> str:
    """The entry as printed: GOST punctuation after ?/!, and never an empty line."""
    if not text:
        fallback = ref.title or str(ref.id)
        escape = {"html": lambda t: html.escape(t, quote=False), "markdown": csl_markdown.preformat}
        text = escape.get(output, str)(fallback)
    return _PUNCT_BEFORE_PERIOD.sub("", text.strip())


def _plain(text: str, output: str) -> str:
    """The words of a rendered entry without markup, for sorting."""
    if output == "html":
        return html.unescape(re.sub(r"<[^>]+>", "", text))
    if output == "markdown":
        return re.sub(r"\\(.)", r"\1", text.replace("*", ""))
    return text


def format_entries(entries: list[tuple[str, int, str]], output: str) -> str | bytes:
    """``render``'s entries as one document in ``output`` (bytes for docx)."""
    if output == "latex":
        from . import latex

        return latex.write(entries)
    if output == "docx":
        from . import docx

        return docx.write(entries)
    if output == "markdown":
        return "".join(f"{number}. {csl_markdown.block_safe(text)}\n" for _, number, text in entries)
    if output == "json":
        rows = [{"id": ref_id, "number": number, "text": text} for ref_id, number, text in entries]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if output == "html":
        items = "".join(f'  <li value="{number}">{text}</li>\n' for _, number, text in entries)
        return f"<ol>\n{items}</ol>\n"
    return "".join(f"{number}. {text}\n" for _, number, text in entries)
