"""The query language of ``list`` and ``search``: words, ``field:value`` and filters.

``author:ivanov title:санкции year:2020..`` is three conditions, all of which must hold. A
word matches in any search field, ``field:word`` in that one (``author``, ``title``,
``container``, ``abstract``, ``keyword``, ``note``, ``tag``); ``year:2015..2023``,
``year:2020..``, ``year:..1999``, ``type:book``, ``lang:ru`` and ``key:smith`` filter. Every
word goes through the dedupe engine's skeleton, so "Вишневецкий" finds "Vishnevetskii", and a
word matches as a prefix ("ivan" finds "Ivanov").
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field

from ..core.dedupe.translit import skeleton_words
from .records import FIELD_ALIASES

_YEARS = re.compile(r"^(-?\d{1,4})?(\.\.)?(-?\d{1,4})?$")


class QueryError(ValueError):
    """A query that cannot be read (a bad year range, an unknown field)."""


@dataclass(slots=True)
class Query:
    """Conditions that must all hold; ``terms`` are (search column or None, skeleton word)."""

    terms: list[tuple[str | None, str]] = field(default_factory=list)
    year_from: int | None = None
    year_to: int | None = None
    types: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)

    def years(self, text: str) -> None:
        """Narrow the year range by ``A..B``, ``A..``, ``..B`` or ``A``."""
        match = _YEARS.match(text.strip())
        if not text.strip() or match is None or (match[2] is None and match[3] is not None):
            raise QueryError(f"year {text!r}: write 2020, 2015..2023, 2020.. or ..1999")
        low = int(match[1]) if match[1] else None
        high = int(match[3]) if match[3] else (low if match[2] is None else None)
        if low is not None:
            self.year_from = low if self.year_from is None else max(self.year_from, low)
        if high is not None:
            self.year_to = high if self.year_to is None else min(self.year_to, high)


def parse(text: str | None, query: Query | None = None) -> Query:
    """``text`` read into ``query`` (a new one if None); QueryError when it cannot be read."""
    query = query or Query()
    try:
        tokens = shlex.split(text or "")
    except ValueError:  # an apostrophe in a name (O'Brien), not a quote: plain words
        tokens = (text or "").split()
    for token in tokens:
        name, sep, value = token.partition(":")
        name = name.lower()
        if not sep or not value or not name.isalpha():
            query.terms += [(None, word) for word in skeleton_words(token)]
        elif name == "year":
            query.years(value)
        elif name == "type":
            query.types.append(value)
        elif name in ("lang", "language"):
            query.languages.append(value.lower()[:2])
        elif name == "tag":
            query.tags.append(value)
        elif name == "key":
            query.keys.append(value)
        elif name in FIELD_ALIASES:
            query.terms += [(FIELD_ALIASES[name], word) for word in skeleton_words(value)]
        else:
            known = ", ".join(sorted({*FIELD_ALIASES, "year", "type", "lang", "key"}))
            raise QueryError(f"unknown field {name!r} in {token!r} (fields: {known})")
    return query
