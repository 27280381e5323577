"""What every part of the layout compiler shares: the refusal signal, the absent marker and
the CSL tag reader. Its own module so that the element compilers (``dates``, ``names``) and
the layout that calls them depend on it and not on one another."""

from __future__ import annotations

from typing import Any

#: The CSL namespace as lxml spells it in a tag.
CS = "{http://purl.org/net/xbiblio/csl}"
#: A name variable the item does not have (distinct from one that renders empty).
ABSENT = object()
#: Romanised Russian letters written with two Latin letters: "Yu." is one initial, not "Y.".
TWO_LETTER_INITIALS = frozenset({"Yu", "Ya", "Yo", "Ye", "Zh", "Kh", "Ts", "Ch", "Sh", "Shch"})


class NotCompiledError(Exception):
    """Something the compiler does not model: citeproc-py's own element renders it."""


def local(element: Any) -> str:
    """An element's tag without its namespace ("" for comments and processing instructions)."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def initials(text: str, mark: str) -> str:
    """A given name as initials joined by ``mark``: particles (lower-case words) kept, and a
    two-letter abbreviation written with its period ("Yu.", "Ch.") kept whole."""
    out: list[str] = []
    group: list[str] = []
    for token in text.split():
        for word in filter(None, token.split(".")):
            if word[0].isupper():
                abbreviated = word in TWO_LETTER_INITIALS and token.endswith(".")
                group.append(word if abbreviated else word[0])
            else:
                out.append(mark.join(group) + mark if group else "")
                out.append(word)
                group = []
    out.append(mark.join(group) + mark if group else "")
    return " ".join(" ".join(out).split()) if group or out else ""
