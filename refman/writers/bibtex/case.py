"""Which capitals in a title a style must not lower-case, braced as BibTeX expects.

BibTeX styles (``change.case$ "t"``) and biblatex's sentence casing lower-case a title except
its first letter; a braced word is left alone. We brace:

1. any word with a capital after its first letter: acronyms and mixed case (UN, DPRK, NPT,
   COVID-19, iPhone, McDonald, ООН, КНДР) — always, in any language;
2. a capitalised word that is not the first word of the title or of a subtitle (after ``:``,
   ``.``, ``?``, ``!``, ``—``): in a sentence-case title such a capital can only mean a proper
   noun (Russia, Asia, Путин, России); in a Title Case title capitals do not tell proper
   nouns apart, so all of them are kept — a style that sentence-cases would otherwise print
   "North korea", and a title kept as written loses nothing;
3. a lone capital letter other than the first word's ("Part A", "World War I").

Lower-case words are never braced, whatever the script, and neither is the first word.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\s]+")
_LETTER = re.compile(r"[^\W\d_]")
_CORE = re.compile(r"[\w][\w'’.&/+-]*[\w]|[\w]")
_SENTENCE_END = (":", ".", "?", "!", "—", "–")


def _letters(word: str) -> str:
    return "".join(_LETTER.findall(word))


def _needs_braces(word: str, sentence_start: bool) -> bool:
    letters = _letters(word)
    if not letters:
        return False
    if any(ch.isupper() for ch in letters[1:]):
        return True  # rule 1: acronyms and mixed case
    if sentence_start or not letters[0].isupper():
        return False
    if len(letters) == 1:
        return True  # rule 3
    return True  # rule 2 (for Title Case titles too: see the module docstring)


def protect_words(text: str) -> list[tuple[str, bool]]:
    """The title's words (with their trailing spaces) and whether each needs braces."""
    out: list[tuple[str, bool]] = []
    sentence_start = True
    pos = 0
    for match in _WORD.finditer(text):
        between = text[pos : match.start()]
        if between:
            out.append((between, False))
        word = match[0]
        if _needs_braces(word, sentence_start):
            core = _CORE.search(word)  # braces round the letters, not round "(" or ":"
            assert core is not None
            for piece, braced in (
                (word[: core.start()], False),
                (core[0], True),
                (word[core.end() :], False),
            ):
                if piece:
                    out.append((piece, braced))
        else:
            out.append((word, False))
        if _letters(word):
            sentence_start = word.endswith(_SENTENCE_END) or word in ("—", "–")
        pos = match.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out
