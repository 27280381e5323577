"""A citeproc-py output formatter for Markdown: emphasis as Markdown, the text as literal text.

citeproc-py ships plain, HTML and reST formatters; a formatter is a module-like object with
``preformat`` and one callable per font style, so this module is one.

Literal means literal in pandoc's Markdown (the richest reader, and the one a manuscript
goes through), which also covers CommonMark. Data and terms escape every character that can
start markup there: emphasis, code, links, spans, footnotes and citations (``[`` ``]``
``@`` ``^``), raw HTML and autolinks, math (``$``), sub- and superscript (``~`` ``^``), an
entity (``&amp;``), and what the ``smart`` extension would turn into other characters
(quotes, ``--``, ``...``), as pandoc's own Markdown writer does. The brackets of the
style's affixes ("[сайт]") are not escaped: citeproc-py does not pass affixes through here,
and a lone bracketed word is no markup. What is markup only at the start of a line (``#``,
``>``, ``-``, ``1984.``) is escaped by ``block_safe`` where the entry begins.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"""([\\`*_<>\[\]@$^~"'])|&(?=#?\w+;)|-(?=-)|\.(?=\.\.)""")
#: A line that starts like this is a block (heading, quote, list, rule, table, definition).
_BLOCK_MARK = re.compile(r"[#>+\-=:|%]")
#: "1984. ", "a) ", "IV. " or "(a) ": the start of a (fancy) ordered list in pandoc.
#: The abbreviations after which pandoc's ``smart`` extension turns a space into a no-break
#: space ("No. 7", "Mr. Smith", "p. 5"): the words of its default data file
#: ``abbreviations`` (``pandoc --print-default-data-file abbreviations``), case as there.
_PANDOC_ABBREVIATIONS = frozenset(
    "aet. aetat. al. Apr. Aug. bk. Bros. c. Capt. cf. ch. chap. chs. Co. col. Corp. cp. d. Dec. "
    "Dr. e.g. ed. eds. esp. f. fasc. Feb. ff. fig. fl. fol. fols. Fr. Gen. Gov. Hon. i.e. ill. "
    "Inc. incl. Jan. Jr. Jul. Jun. Ltd. M.A. M.D. Mar. Mr. Mrs. Ms. n. n.b. nn. No. Nov. Oct. "
    "p. Ph.D. pp. Pres. Prof. pt. q.v. Rep. Rev. s.v. s.vv. saec. sec. Sen. Sep. Sept. Sgt. Sr. "
    "St. univ. viz. vol. vs.".split()
)
_WORD_BEFORE_SPACE = re.compile(r"(?<![\w\\.])[A-Za-z][A-Za-z.]*\.(?=\s)")
_LIST_MARK = re.compile(r"(?:\d+|[A-Za-z]|[IVXLCDM]+|[ivxlcdm]+)(?=[.)](?:\s|$))|(?=\(\w+\)(?:\s|$))")


def preformat(text: object) -> str:
    """``text`` escaped as literal Markdown wherever it stands in a line (see the module doc)."""
    return _SPECIAL.sub(lambda m: "\\" + m.group(), str(text))


def block_safe(text: str) -> str:
    """An entry's Markdown that stays in its list item: line breaks as spaces, and a first
        character that would open a block (a heading, a nested list…) escaped, and the period of
    an abbreviation pandoc knows escaped, so that the space after it stays a space."""
    text = re.sub(r"\s*\n\s*", " ", text)
    text = _WORD_BEFORE_SPACE.sub(
        lambda m: m[0][:-1] + "\\." if m[0] in _PANDOC_ABBREVIATIONS else m[0], text
    )
    if _BLOCK_MARK.match(text):
        return "\\" + text
    mark = _LIST_MARK.match(text)
    if mark is not None:
        return f"{text[: mark.end()]}\\{text[mark.end() :]}"
    return text


def _wrapper(mark: str, closing: str | None = None) -> type:
    closing = mark if closing is None else closing

    class Wrapped(str):
        def __new__(cls, text: str) -> Wrapped:
            return super().__new__(cls, f"{mark}{text}{closing}" if str(text) else "")

    return Wrapped


Italic = _wrapper("*")
Oblique = Italic
Bold = _wrapper("**")
Light = str
Underline = str
SmallCaps = str
Superscript = _wrapper("<sup>", "</sup>")
Subscript = _wrapper("<sub>", "</sub>")
