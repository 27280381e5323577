"""Citation keys: readable, stable from run to run, unique even when case is ignored.

A key is the first author's surname (or, with no author, the first significant title word),
the year, and the next significant title word, all transliterated to ASCII:
"Zainullin E. Russian coal … 2021" → ``zainullin2021russian``; "Иванов И. И. Заглавие, 2019" →
``ivanov2019zaglavie``. Clashes get a, b, c … in input order, so the same input always gives
the same keys. Ids that an input already has are kept.

A key pattern (``key-pattern`` in ``refman.toml``) chooses other parts: a preset name or a
template of bracketed parts and literal text, for example ``[auth][year]`` → ``zainullin2021``
or ``[auth:capitalize]_[year]`` → ``Zainullin_2021``. Parts: ``auth`` (first author's surname,
else the first editor's), ``authors2`` (two surnames, or the first and ``etal``), ``year``,
``title`` (first significant title word), ``shorttitle`` (the first three). Each is ASCII,
lower case unless ``:upper`` or ``:capitalize`` follows its name; literal text may use
letters, digits, ``-``, ``_``, ``:`` and ``.``. A key that comes out empty is ``ref``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..errors import UsageError
from ..model import Library, Reference
from ..parse.text import unique_key
from ..parse.translit import to_latin

#: Words that say nothing about a work: articles, prepositions, auxiliaries, honorifics.
STOP_WORDS = frozenset(
    (
        "a an the of on in at to for and or by with from is are was were be as its it his her "
        "their about into over under how why what who does do did will new mr mrs ms dr prof sir "
        "и в во на о об от по для с со к из за у не а как что это при г-н г-жа"
    ).split()
)


def _ascii_words(text: str) -> list[str]:
    latin = to_latin(text).lower()
    return [w for w in re.split(r"[^a-z0-9]+", latin) if w]


def _significant(text: str | None) -> list[str]:
    if not text:
        return []
    words = []
    for word in re.split(r"[\s\-–—/:;,.!?\"'«»“”()\[\]]+", text):
        if word and word.lower() not in STOP_WORDS:
            words.extend(_ascii_words(word))
    return [w for w in words if not w.isdigit()] or words


def base_key(ref: Reference) -> str:
    title_words = _significant(ref.title)
    head = ""
    if ref.author:
        first = ref.author[0]
        head = "".join(_ascii_words(first.family or first.literal or ""))[:24]
    if not head:
        head = title_words.pop(0) if title_words else ""
    if not head:
        head = "".join(_ascii_words(ref.container_title or ""))[:16] or "ref"
    year = ref.issued.year if ref.issued is not None else None
    tail = title_words[0] if title_words else ""
    return f"{head}{year or ''}{tail}"


DEFAULT_PATTERN = "author-year-title"
#: Preset names and the templates they stand for (the default is ``base_key`` itself: with no
#: author it takes the title's first word as its head, which a template cannot say).
PRESETS = {
    DEFAULT_PATTERN: "[auth][year][title]",
    "author-year": "[auth][year]",
    "authors-year": "[authors2][year]",
    "author-year-shorttitle": "[auth][year][shorttitle]",
}
_PIECE = re.compile(r"\[(\w+)(?::(\w+))?\]|([A-Za-z0-9_\-:.]+)")


def _surname(ref: Reference, index: int = 0) -> str:
    people = ref.author or ref.editor or []
    if index >= len(people):
        return ""
    person = people[index]
    return "".join(_ascii_words(person.family or person.literal or ""))[:24]


def _authors2(ref: Reference) -> str:
    count = len(ref.author or ref.editor or [])
    second = "etal" if count > 2 else _surname(ref, 1)
    return _surname(ref, 0) + second


_PARTS: dict[str, Callable[[Reference], str]] = {
    "auth": _surname,
    "authors2": _authors2,
    "year": lambda ref: str(ref.issued.year) if ref.issued is not None and ref.issued.year else "",
    "title": lambda ref: "".join(_significant(ref.title)[:1]),
    "shorttitle": lambda ref: "".join(_significant(ref.title)[:3]),
}
_CASES: dict[str, Callable[[str], str]] = {
    "lower": str.lower,
    "upper": str.upper,
    "capitalize": str.capitalize,
}


def compile_pattern(pattern: str | None) -> Callable[[Reference], str]:
    """The key maker a pattern (preset name or template) stands for; a bad one is a usage
    error that names what is wrong."""
    if not pattern or pattern == DEFAULT_PATTERN:
        return base_key
    template = PRESETS.get(pattern, pattern)
    pieces: list[Callable[[Reference], str]] = []
    at = 0
    while at < len(template):
        found = _PIECE.match(template, at)
        if found is None:
            raise UsageError(
                f"key-pattern {pattern!r}: cannot read {template[at:]!r} "
                f"(presets: {', '.join(PRESETS)}; parts: {', '.join(f'[{p}]' for p in _PARTS)})"
            )
        name, case, literal = found.groups()
        if literal is not None:
            pieces.append(lambda ref, text=literal: text)
        elif name not in _PARTS:
            raise UsageError(f"key-pattern {pattern!r}: unknown part [{name}] (known: {', '.join(_PARTS)})")
        elif case is not None and case not in _CASES:
            raise UsageError(f"key-pattern {pattern!r}: unknown case :{case} (known: {', '.join(_CASES)})")
        else:
            part, change = _PARTS[name], _CASES[case or "lower"]
            pieces.append(lambda ref, part=part, change=change: change(part(ref)))
        at = found.end()
    return lambda ref: "".join(piece(ref) for piece in pieces) or "ref"


def assign_keys(library: Library, pattern: str | None = None, taken: set[str] | None = None) -> None:
    """Give every reference without an id a readable key (by ``pattern``: see the module
    docstring), unique ignoring case; ``taken`` holds the keys (lower case) of records read
    before (the parts of a streamed input), and gets this library's."""
    make = compile_pattern(pattern)
    taken = set() if taken is None else taken
    taken.update(str(ref.id).lower() for ref in library.references if ref.id != "")
    for ref in library.references:
        if ref.id != "":
            continue
        ref.id = unique_key(make(ref), taken)
