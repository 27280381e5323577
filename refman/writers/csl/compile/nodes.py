"""What every part of the layout compiler shares: the refusal signal, the absent marker and
the CSL tag reader. Its own module so that the element compilers (``dates``, ``names``) and
the layout that calls them depend on it and not on one another."""

from __future__ import annotations

from typing import Any

#: The CSL namespace as lxml spells it in a tag.
CS = "{http://purl.org/net/xbiblio/csl}"
#: A name variable the item does not have (distinct from one that renders empty).
ABSENT = object()


class NotCompiledError(Exception):
    """Something only citeproc-py itself renders (typed: delegate; pure: no pure compile)."""


def local(element: Any) -> str:
    """An element's tag without its namespace ("" for comments and processing instructions)."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
