"""A citeproc-py output formatter for Markdown: emphasis as Markdown, specials escaped.

citeproc-py ships plain, HTML and reST formatters; a formatter is a module-like object with
``preformat`` and one callable per font style, so this module is one.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_<>])")


def preformat(text: object) -> str:
    """Escape what Markdown would read as markup (brackets stay: "[сайт]" is never a link)."""
    return _SPECIAL.sub(r"\\\1", str(text))


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
