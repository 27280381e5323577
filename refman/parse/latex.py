"""LaTeX ↔ Unicode for BibTeX values: fast, linear, and never raising.

Reading: accents (``\\"u``, ``{\\"{o}}``, ``\\'{\\i}``, ``\\v c``), named letters (``\\ss``, ``\\o``,
``\\i``), escaped specials (``\\&``), ligatures (``--``, ``---``, ``~``, ````…''``), old
T2A Cyrillic macros (``\\cyrchar\\CYRI``, ``{\\cyrya}``), text-formatting commands reduced to
their text, protective braces dropped. Math (``$…$``) is kept verbatim, and so is any command
we do not know, so nothing is silently lost. bibtexparser's own decoding middleware (through
pylatexenc) runs at a few hundred entries a second; this is one regex pass per value.

Writing: Unicode stays Unicode (UTF-8 output, never ``\\cyrchar``); only what LaTeX would
misread is escaped (``& % $ # _ { } ~ ^ \\``), and capitals that a style must not lower-case
are braced (see ``protect_case``).
"""

from __future__ import annotations

import re
import unicodedata

#: Accent commands → the combining character they put on their argument.
ACCENTS = {
    "`": "\u0300", "'": "\u0301", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
    ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "d": "\u0323",
    "b": "\u0331", "r": "\u030a", "k": "\u0328", "t": "\u0361",
}  # fmt: skip

#: Commands that stand for one character (or nothing).
SYMBOLS = {
    "i": "ı", "j": "ȷ", "ss": "ß", "SS": "SS", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ",
    "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "dh": "ð", "DH": "Ð",
    "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ",
    "textendash": "–", "textemdash": "—", "ldots": "…", "dots": "…", "textellipsis": "…",
    "textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“",
    "textquotedblright": "”", "guillemotleft": "«", "guillemotright": "»", "guillemetleft": "«",
    "guillemetright": "»", "flqq": "«", "frqq": "»", "quotedblbase": "„", "glqq": "„",
    "grqq": "“", "S": "§", "P": "¶", "copyright": "©", "textcopyright": "©",
    "textregistered": "®", "texttrademark": "™", "textdegree": "°", "textbackslash": "\\",
    "textasciitilde": "~", "textasciicircum": "^", "textunderscore": "_", "textbar": "|", "hyphen": "-", "textnbhyphen": "-", "textbraceleft": "{", "textbraceright": "}",
    "textless": "<", "textgreater": ">", "textbullet": "•", "textperiodcentered": "·",
    "textnumero": "№", "No": "№", "textsection": "§", "pounds": "£", "texteuro": "€", "euro": "€",
    "textdollar": "$", "LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX", "slash": "/",
    "-": "", "/": "", "@": "", "ignorespaces": "", "relax": "", "protect": "", "noopsort": "",
    "nobreakspace": "\u00a0", ",": "\u2009", " ": " ", "\\": " ", "newline": "\x00N", "par": "\x00P",
    "&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}",
}  # fmt: skip

_CYR = (
    "a а b б v в g г d д e е yo ё zh ж z з i и ishrt й k к l л m м n н o о p п r р s с t т "
    "u у f ф h х c ц ch ч sh ш shch щ hrdsn ъ ery ы sftsn ь erev э yu ю ya я ie є ii і yi ї"
).split()
for _latin, _cyr in zip(_CYR[::2], _CYR[1::2], strict=True):
    SYMBOLS["cyr" + _latin] = _cyr
    SYMBOLS["CYR" + _latin.upper()] = _cyr.upper()
SYMBOLS["cyrchar"] = ""

#: Commands whose (first) argument is their text: formatting and quoting.
TEXT_COMMANDS = frozenset(
    "emph textit textbf textsc textup textsl textmd textrm textsf texttt textnormal mbox hbox "
    "text mkbibquote enquote mkbibemph mkbibitalic mkbibbold uppercase lowercase MakeUppercase "
    "MakeLowercase url nolinkurl foreignlanguage hyphenation textsuperscript textsubscript "
    "it bf em sc rm sf tt itshape bfseries scshape upshape normalfont".split()
)
#: Commands with a first argument that is not text: ``\\href{url}{text}``, ``\\foreignlanguage{lang}{…}``.
SKIP_FIRST_ARG = frozenset(["href", "foreignlanguage", "hyphenation"])

_ARG = r"(?:\{\s*(\\[ij](?![A-Za-z])|[^{}\\\s])\s*\}|(\\[ij](?![A-Za-z])|[A-Za-z]))"
_SYMBOL_ACCENT = re.compile(r"\\([`'^\"~=.])\s*" + _ARG)
_LETTER_ACCENT = re.compile(
    r"\\([uvHcdbrkt])(?:\s*\{\s*(\\[ij](?![A-Za-z])|[^{}\\\s])\s*\}|\s+(\\[ij](?![A-Za-z])|[A-Za-z]))"
)
_TOKEN = re.compile(r"\\([A-Za-z]+)\s*|\\(.)|(\$[^$]*\$)|(---|--|``|''|<<|>>|[{}~])", re.DOTALL)
#: biblatex's quoting commands (innermost, brace-free argument) become quotation marks.
_QUOTE = re.compile(r"\\(?:mkbibquote|enquote\*?|textquote)\s*\{((?:[^{}]|\{[^{}]*\})*)\}")
_SPACES = re.compile(r"[ \t\r\n\f\v]+")  # not \s: a no-break space is meant
#: A blank line in a value: a paragraph break, as LaTeX reads it.
_BLANK_LINE = re.compile(r"[ \t\r\f\v]*\n[ \t\r\f\v]*(?:\n[ \t\r\f\v]*)+")
#: Line and paragraph breaks (``\newline``, ``\par``, blank lines) marked while spaces fold.
_BREAKS = re.compile(r" ?\x00([NP]) ?")
#: Commands whose meaning the plain text cannot hold: a value using one keeps its LaTeX.
LOSSY_COMMANDS = re.compile(
    r"\\(?:textsuperscript|textsubscript|super|sub|ensuremath|sout|underline|emph|textit|textbf|textsc|"
    r"textsl|texttt|textsf|mkbibemph|mkbibitalic|mkbibbold|it|bf|em|sc|sl|tt|itshape|bfseries|scshape|"
    r"TeX|LaTeX|BibTeX|METAFONT|MF|AmS|AMS)(?![A-Za-z])"
)  # superscripts, font changes and logos: the plain text keeps the letters, not their look
_NEEDS_WORK = re.compile(r"[\\{}~$`']|--")


def _accent(match: re.Match[str]) -> str:
    base = match[2] or match[3] or ""
    if base.startswith("\\"):  # \i, \j: an accented dotless i is the accented i ("\\'{\\i}" → "í")
        base = base[1]
    return unicodedata.normalize("NFC", base + ACCENTS[match[1]])


def _group_end(text: str, start: int) -> int:
    """The end of the brace groups that follow ``start`` (``{a}{b}``), or ``start``."""
    end = start
    while end < len(text) and text[end] == "{":
        depth = 0
        for index in range(end, len(text)):
            ch = text[index]
            if ch == "\\":
                continue
            if ch == "{" and text[index - 1 : index] != "\\":
                depth += 1
            elif ch == "}" and text[index - 1 : index] != "\\":
                depth -= 1
                if depth == 0:
                    end = index + 1
                    break
        else:
            return end
    return end


def to_unicode(value: str) -> str:
    """A BibTeX field value (macros already expanded) as plain Unicode text.

    ``\\par`` and blank lines become a paragraph break ("\\n\\n"), ``\\newline`` a line break:
    an abstract's paragraphs and a note's lines survive."""
    if "\n" in value and _BLANK_LINE.search(value):
        value = _BLANK_LINE.sub(lambda _: " \\par ", value)
    if not _NEEDS_WORK.search(value):
        return _SPACES.sub(" ", value).strip() if "\n" in value or "  " in value else value
    text = _SYMBOL_ACCENT.sub(_accent, value)
    text = _LETTER_ACCENT.sub(_accent, text)
    if "quote" in text:
        text = _QUOTE.sub(r"“\1”", text)
    out: list[str] = []
    skip_group = 0  # brace depth at which an argument to drop ends (for \href's url)
    depth = 0
    pos = 0
    for match in _TOKEN.finditer(text):
        if match.start() < pos:  # inside a group copied verbatim
            continue
        if skip_group == 0:
            out.append(text[pos : match.start()])
        pos = match.end()
        word, char, math, lig = match.groups()
        if skip_group:
            if lig == "{":
                depth += 1
            elif lig == "}":
                depth -= 1
                if depth < skip_group:
                    skip_group = 0
            continue
        if word is not None:
            if word in SYMBOLS:
                out.append(SYMBOLS[word])
            elif word in SKIP_FIRST_ARG and text.startswith("{", match.end()):
                skip_group = depth + 1
            elif word not in TEXT_COMMANDS:  # unknown: kept as written, with its arguments
                end = _group_end(text, match.end())
                out.append(text[match.start() : end])
                pos = end
        elif char is not None:
            out.append(SYMBOLS.get(char, "\\" + char))
        elif math is not None:
            out.append(math)
        elif lig == "{":
            depth += 1
        elif lig == "}":
            depth -= 1
        elif lig == "~":
            out.append("\u00a0")
        else:
            out.append({"---": "—", "--": "–", "``": "“", "''": "”", "<<": "<<", ">>": ">>"}[lig])
    if skip_group == 0:
        out.append(text[pos:])
    plain = _SPACES.sub(" ", "".join(out)).strip()
    if "\x00" in plain:
        plain = _BREAKS.sub(lambda m: "\n" if m[1] == "N" else "\n\n", plain).strip("\n")
    return plain


def decoded_completely(latex: str, plain: str) -> bool:
    """Whether ``plain`` (``to_unicode(latex)``) says all that ``latex`` does: no math, no
    command that reading kept as written, none whose meaning plain text cannot hold."""
    if "\\" not in latex and "$" not in latex:
        return True
    if _UNESCAPED_DOLLAR.search(latex) or LOSSY_COMMANDS.search(latex):
        return False
    return all(
        name in SYMBOLS or name in TEXT_COMMANDS or name in ACCENTS for name in _COMMAND_NAME.findall(latex)
    )


_UNESCAPED_DOLLAR = re.compile(r"(?<!\\)\$")
_COMMAND_NAME = re.compile(r"\\([A-Za-z]+|.)")


# ---------------------------------------------------------------- writing

_ESCAPES = {
    "\n": r"\newline{}", "\n\n": r"\par{}",
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "#": r"\#",
    "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "$": r"\$",
    "\u00a0": "~",
}  # fmt: skip
_SPECIAL = re.compile(r"\n\n|[\\{}&%#_~^$\u00a0\n]")
#: A command we kept while reading (``\\foo{bar}``): written back as it is, not escaped.
_COMMAND = re.compile(r"\\[A-Za-z]+(?:\{[^{}\\]*\})*")
#: ``$…$`` that looks like math (a command, a super/subscript, or one letter): kept verbatim.
_MATH = re.compile(r"\$(?=[^$\s])[^$]*?(?:\\[A-Za-z]+|[\^_=])[^$]*\$|\$[A-Za-z]\$")


_LIGATURE = re.compile(r"-(?=-)|`(?=`)|'(?=')")


def _escape_plain(text: str) -> str:
    escaped = _SPECIAL.sub(lambda m: _ESCAPES[m[0]], text)
    if "--" in escaped or "``" in escaped or "''" in escaped:
        escaped = _LIGATURE.sub(lambda m: m[0] + "{}", escaped)  # "--" is text here, not a dash
    if ("{" in text or "}" in text) and not _braces_pair(text):
        # BibTeX counts "\{" and "\}" as braces too: unpaired ones must be spelled out
        escaped = escaped.replace(r"\{", r"\textbraceleft{}").replace(r"\}", r"\textbraceright{}")
    return escaped


def _braces_pair(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += 1 if ch == "{" else -1 if ch == "}" else 0
        if depth < 0:
            return False
    return depth == 0


def escape(text: str) -> str:
    """Unicode text as a BibTeX value body: specials escaped; math and LaTeX commands that
    reading kept (``\\foo{bar}``) written back as they are; Unicode left alone (UTF-8)."""
    if not _SPECIAL.search(text) and "--" not in text and "``" not in text and "''" not in text:
        return text
    if "$" not in text and "\\" not in text:
        return _escape_plain(text)
    out: list[str] = []
    pos = 0
    verbatim = [m.span() for m in _MATH.finditer(text) if balanced(m[0])]
    verbatim += [
        m.span() for m in _COMMAND.finditer(text) if not any(a <= m.start() < b for a, b in verbatim)
    ]
    for start, end in sorted(verbatim):
        out.append(_escape_plain(text[pos:start]))
        out.append(text[start:end])
        pos = end
    out.append(_escape_plain(text[pos:]))
    return "".join(out)


def balanced(text: str) -> bool:
    """Braces balanced (ignoring escaped ones): the condition for a value to be brace-delimited."""
    depth = 0
    escaped = False
    for ch in text:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0
