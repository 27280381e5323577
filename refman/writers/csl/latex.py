"""A bibliography as LaTeX: a ``thebibliography`` environment of ``\\bibitem{key}`` items.

Every character the text holds comes out as itself under pdfLaTeX, XeLaTeX and LuaLaTeX:
the ten specials are escaped (``\\textbackslash{}``, ``\\%``…), characters OT1 fonts print
as others (``<`` as "¡", ``|`` as "—", a backquote as "‘") are named, ligatures a run of
punctuation would form (``--``, ``''``, ``,,``) are broken with ``{}``, and a no-break space
is ``~``. Letters,
Cyrillic included, stay UTF-8 (the document's preamble chooses the fonts). Keys follow the BibTeX
writer's rule, so ``\\cite`` in a manuscript finds the same item in a ``.bib`` and here: a key
BibTeX or LaTeX cannot take (a space, a brace, ``%``, ``#``, ``\\``…) has those characters
replaced by ``-``, and two keys equal ignoring case get ``a``, ``b``… in list order.
"""

from __future__ import annotations

import re

from ...parse.bibtex_fields import safe_key
from ...parse.text import unique_key
from .runs import Run, from_html

#: Characters with a meaning to TeX or that fonts print as something else.
_SPECIALS = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
    "%": r"\%", "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}",
    "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}", '"': r"\textquotedbl{}",
    "`": r"\textasciigrave{}",
    "\u00a0": "~",
}  # fmt: skip
_SPECIAL = re.compile("[" + re.escape("".join(_SPECIALS)) + "]")
#: Pairs that fonts join into one glyph: -- (en dash), '' (a closing double quote), ,, (T1's
#: low quotes); a {} between keeps the characters as written. (A backquote, which would make
#: ``, ?` and !`, is named above.)
_LIGATURE = re.compile(r"(?<=-)(?=-)|(?<=')(?=')|(?<=,)(?=,)")
#: Fonts → the LaTeX command that sets each (light has none; a no-op font is dropped).
_COMMANDS = {
    "italic": "textit", "bold": "textbf", "small_caps": "textsc", "underline": "underline",
    "superscript": "textsuperscript", "subscript": "textsubscript",
}  # fmt: skip


def escape(text: str) -> str:
    """Plain text as LaTeX that typesets exactly that text (see the module doc)."""
    return _LIGATURE.sub("{}", _SPECIAL.sub(lambda m: _SPECIALS[m.group()], text))


def run_latex(run: Run) -> str:
    out = escape(run.text)
    for font in sorted(run.fonts):
        out = f"\\{_COMMANDS[font]}{{{out}}}"
    return out


def keys(ids: list[str]) -> list[str]:
    """The ``\\bibitem`` key of each id: as the BibTeX writer's ``unique_keys`` writes it."""
    taken: set[str] = set()
    return [unique_key(safe_key(ref_id) if ref_id else "ref", taken) for ref_id in ids]


def write(entries: list[tuple[str, int, str]]) -> str:
    """``entries`` (id, number, text rendered as citeproc-py HTML) as a thebibliography
    environment whose label width is the widest number."""
    widest = "9" * len(str(max((number for _, number, _ in entries), default=0)))
    lines = [f"\\begin{{thebibliography}}{{{widest}}}\n"]
    for key, (_, _, text) in zip(keys([ref_id for ref_id, _, _ in entries]), entries, strict=True):
        lines.append(f"\\bibitem{{{key}}} {''.join(run_latex(run) for run in from_html(text))}\n")
    lines.append("\\end{thebibliography}\n")
    return "".join(lines)
