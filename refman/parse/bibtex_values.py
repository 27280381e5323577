"""BibTeX value expressions: ``{…}``, ``"…"``, numbers, ``@string`` macros and ``#``.

bibtexparser (with an empty parse stack) hands us each value as written; we evaluate it
ourselves so that the raw text stays available for lossless writing. Expansion is bounded:
a ``@string`` chain that doubles at every step cannot exhaust memory.
"""

from __future__ import annotations

import re

from .bibtex_fields import field_name
from .latex import balanced

#: BibTeX's predefined month macros (plain BibTeX styles expand them to full names).
MONTH_MACROS = {
    "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May",
    "jun": "June", "jul": "July", "aug": "August", "sep": "September", "oct": "October",
    "nov": "November", "dec": "December",
}  # fmt: skip
#: A value longer than this after macro expansion is cut (and reported by the caller).
MAX_VALUE = 1_000_000


class ValueTooLongError(Exception):
    """A macro expansion beyond ``MAX_VALUE`` characters."""


def split_concatenation(raw: str) -> list[str]:
    """The pieces of ``a # "b" # {c}`` at the top level (outside braces and quotes)."""
    if "#" not in raw:
        return [raw.strip()]
    pieces: list[str] = []
    depth = 0
    quoted = False
    start = 0
    for index, ch in enumerate(raw):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == '"' and depth == 0:
            quoted = not quoted
        elif ch == "#" and depth == 0 and not quoted:
            pieces.append(raw[start:index].strip())
            start = index + 1
    pieces.append(raw[start:].strip())
    return pieces


def evaluate(raw: str, macros: dict[str, str], unknown: list[str] | None = None) -> str:
    """The LaTeX text a raw value stands for; names of undefined macros go to ``unknown``.

    An undefined macro is kept as its own name (what a reader can still make sense of) rather
    than dropped. Raises ``ValueTooLongError`` past ``MAX_VALUE``.
    """
    out: list[str] = []
    size = 0
    for piece in split_concatenation(raw):
        if (len(piece) >= 2 and piece[0] == "{" and piece[-1] == "}") or (
            len(piece) >= 2 and piece[0] == '"' and piece[-1] == '"'
        ):
            text = piece[1:-1]
        elif piece.isdigit() or not piece:
            text = piece
        else:
            name = piece.lower()
            if name in macros:
                text = macros[name]
            elif name in MONTH_MACROS:
                text = MONTH_MACROS[name]
            else:
                if unknown is not None:
                    unknown.append(piece)
                text = piece
        size += len(text)
        if size > MAX_VALUE:
            raise ValueTooLongError(f"value longer than {MAX_VALUE:,} characters after @string expansion")
        out.append(text)
    return "".join(out)


_FIELD_NAME = re.compile(r"^[A-Za-z_][^\s=,{}\"#%'()]*$")


def damage(source: list[tuple[str, str]]) -> str | None:
    """Why fields as bibtexparser split them cannot be the entry's own (it misreads a quoted
    value holding a brace group with a '"' in it, such as {"a}), or None."""
    for key, value in source:
        name = field_name(key)
        if not _FIELD_NAME.match(name):
            return f"{name[:40]!r} is not a field name"
        for piece in split_concatenation(value):
            inner = piece[1:-1] if piece[:1] in '{"' else piece
            if piece[:1] in '{"' and (len(piece) < 2 or piece[-1] != {"{": "}", '"': '"'}[piece[0]]):
                return f"the value of {name} is not closed"
            if not balanced(inner):
                return f"the braces of {name} do not balance"
    return None
