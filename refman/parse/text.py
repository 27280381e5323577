"""Text cleanup shared by the free-text readers: spaces, quotes, sentences, hyphenation.

Reference lists copied from web pages and PDFs carry line-break hyphens ("sanc-tions"),
stray spaces before commas ("New York , August"), no-break spaces and typographic quotes.
These helpers clean only what is provably noise and report every repair to the caller,
so that a reader can say what it changed.
"""

from __future__ import annotations

import re

#: A run of two or more whitespace characters of any kind, or one space, tab, no-break or thin
#: space: each becomes one space. A lone em or ideographic space stays as written, but no run
#: survives: every ``\s*`` in the readers' patterns then spans one character at most, where a
#: long run would be retried from each of its characters (quadratic).
_SPACES = re.compile(r"\s{2,}|[ \t\u00a0\u2009\u202f]")
#: Quote pairs that enclose a title: straight, English curly, German low-high, Russian.
QUOTE_PAIRS: dict[str, str] = {'"': '"', "“": "”", "„": "“", "«": "»", "'": "'", "‘": "’"}
_OPENERS = '"“„«‘'
_CLOSERS = '"”“»’'

#: Abbreviations whose period never ends a sentence (compared lower-case, without the period).
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr no nos vol vols iss pp p ed eds rev repr transl comp"
    " univ dept inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec"
    " etc al vs cf ca approx fig ch art sec pt"
    " т тт с сс вып ч гл разд г гг им изд ред сост пер рус англ др см ст п пп"
    " м спб л акад проф доц канд докт дис дисс автореф полит ист экон юрид филол техн".split()
)

#: Word endings that are never a word of their own: the tail of a word broken at a line end.
_BROKEN_TAILS = re.compile(
    r"^(?:tions?|sions?|ments?|ness|ings?|ities|ity|ically|ally|ence|ances?|ences|ures?|ous|"
    r"ive|ives|ibility|ability|ism|isms|ist|ists|ции|ция|цией|ния|ние|нием|ости|ость|ства|ство|"
    r"ский|ская|ское|ские|ного|ной|ных|ения|ение)$"
)


def clean_spaces(text: str) -> str:
    """One space between words, none before , ; : . ) and none after (."""
    text = _SPACES.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()
    text = re.sub(r" +([,;)])", r"\1", text)
    text = re.sub(r"\( +", "(", text)
    return re.sub(r" +\.(?=\s|$)", ".", text)


_CYRILLIC = re.compile("[\u0400-\u04ff]")
_RUSSIAN_LETTERS = re.compile("[А-Яа-яЁё]")


def has_cyrillic(text: str) -> bool:
    """Any letter of the Cyrillic block (Russian, Ukrainian, Serbian, Old Church Slavonic…):
    the question a transliteration or a matcher asks."""
    return _CYRILLIC.search(text) is not None


def has_russian_letters(text: str) -> bool:
    """A letter of the modern Russian alphabet: the question a reader asks before it takes
    text to be in Russian (other Cyrillic letters alone do not make it so)."""
    return _RUSSIAN_LETTERS.search(text) is not None


def script_language(text: str) -> str | None:
    """ "ru" for text in Russian Cyrillic (ы or э, which Ukrainian, Bulgarian, Serbian and
    Macedonian lack, and none of the letters і ї є ґ ў); None otherwise: we name a language
    only when the script proves it."""
    if re.search(r"[ыэЫЭ]", text) and not re.search(r"[іїєґўІЇЄҐЎ]", text):
        return "ru"
    return None


def strip_outer_quotes(text: str) -> tuple[str, bool]:
    """ "“Title”" → ("Title", True) when one pair of quotes encloses the whole text."""
    text = text.strip()
    if len(text) >= 2 and text[0] in QUOTE_PAIRS:
        closer = QUOTE_PAIRS[text[0]]
        inner = text[1:-1]
        if text[-1] in (closer, *_CLOSERS) and not any(q in inner for q in (text[0], closer)):
            return inner.strip(), True
    return text, False


def repair_hyphenation(word: str, vocabulary: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The word a line-break hyphen split ("sanc-tions" → "sanctions"), or None if the hyphen
    is a real one ("Russian-North", "COVID-19", "well-being").

    Evidence, in order: the joined form appears elsewhere in the same document (``vocabulary``,
    lower-case words), or the part after the hyphen is a bare suffix that is never a word."""
    match = re.fullmatch(r"([^\W\d_]+)-([^\W\d_]+)", word)
    if match is None or not match[2][0].islower():
        return None
    joined = match[1] + match[2]
    if joined.lower() in vocabulary or _BROKEN_TAILS.match(match[2].lower()):
        return joined
    return None


def words_of(text: str) -> set[str]:
    """Lower-case words of a text, for ``repair_hyphenation``'s evidence."""
    return {w.lower() for w in re.findall(r"[^\W\d_]+", text)}


#: The word a period follows. Searched in a short window before the period: a longer word
#: is neither an abbreviation nor an initial, and a search over all the text before every
#: period would be quadratic in a long item ("I. I. I. …").
_LAST_WORD = re.compile(r"([^\W\d_]+)$")
_WORD_WINDOW = 16  # longer than any abbreviation in ABBREVIATIONS


def _ends_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` ends an abbreviation or an initial, not a sentence."""
    match = _LAST_WORD.search(text, max(0, dot - _WORD_WINDOW), dot)
    if match is None:
        return False
    word = match[1]
    if word.lower() in ABBREVIATIONS:
        return True
    # an initial ("E.", "Yu.", "И."), unless it is a capitalised acronym's last letter
    return (len(word) == 1 and word.isupper()) or (
        len(word) == 2 and word[0].isupper() and word[1].islower() and word in _DIGRAPH_INITIALS
    )


_DIGRAPH_INITIALS = frozenset("Yu Ya Ye Yo Zh Ch Sh Ts Kh Th Ph Sz Cz Дж Юр".split())


def split_sentences(text: str, quotes: bool = True) -> list[str]:
    """Split a reference into its elements at ". " (and GOST's ". – "), never inside quotes,
    parentheses or brackets, nor after an abbreviation or an initial ("Mr.", "No.", "E.").
    A quote left open (a typo) would hide every later boundary: then quotes are ignored."""
    out: list[str] = []
    depth = 0
    quote: str | None = None
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if quote is not None:
            if ch == QUOTE_PAIRS.get(quote) or (quote == '"' and ch == '"'):
                quote = None
                if i > 0 and text[i - 1] in ".!?" and _boundary_after(text, i + 1):
                    out.append(text[start : i + 1])
                    start = i + 1
        elif quotes and ch in _OPENERS and (i == 0 or not text[i - 1].isalnum()):
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch in ".?!" and depth == 0 and _boundary_after(text, i + 1) and not _ends_abbreviation(text, i):
            out.append(text[start : i + 1])
            start = i + 1
        i += 1
    if quote is not None:
        return split_sentences(text, quotes=False)
    out.append(text[start:])
    parts = [re.sub(r"^[\s–—-]+(?=\S)", "", p).strip() for p in out]
    return [p for p in parts if p and p not in {".", "–", "—", "-"}]


def _boundary_after(text: str, pos: int) -> bool:
    """A sentence may end here: end of text, or a space (GOST's " – " included)."""
    return pos >= len(text) or text[pos] == " "


def strip_final_period(text: str) -> str:
    """ "Title." → "Title"; an abbreviation's period ("Inc.", "Vol.") and "?"/"!" stay."""
    text = text.strip()
    if text.endswith(".") and not text.endswith("..") and not _ends_abbreviation(text, len(text) - 1):
        return text[:-1].rstrip()
    return text


def unique_key(base: str, taken: set[str]) -> str:
    """``base``, or ``base`` + a, b, … z, aa, … : the first not in ``taken`` ignoring case.

    Adds the result (lower-cased) to ``taken``. Keys must be unique ignoring case because
    citeproc-py lower-cases ids and file systems and BibTeX tools often ignore case.
    """
    key, n = base, 0
    while key.lower() in taken:
        n += 1
        key = base + _letter_suffix(n)
    taken.add(key.lower())
    return key


def _letter_suffix(n: int) -> str:
    """1 → a, 26 → z, 27 → aa: suffixes that stay readable past 26 clashes."""
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(ord("a") + rem) + out
    return out
