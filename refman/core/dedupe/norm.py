"""Text and identifier normalisation for matching: what two spellings of one value share.

Records reach dedupe from BibTeX (``{Braces}``, ``\\"u``, ``\\textit``), from HTML pages
(``&amp;``, ``<i>``), from CSL-JSON and from pasted lists, in two scripts. Every comparison
goes through these functions first, so a difference of form never counts as a difference.
"""

from __future__ import annotations

import html
import re
import unicodedata

from .translit import skeleton_word

# --- free text -------------------------------------------------------------------------------

_LATEX_LETTERS = (
    (r"\ss", "ss"), (r"\ae", "ae"), (r"\AE", "AE"), (r"\oe", "oe"), (r"\OE", "OE"),
    (r"\aa", "a"), (r"\AA", "A"), (r"\o", "o"), (r"\O", "O"), (r"\l", "l"), (r"\L", "L"),
    (r"\i", "i"), (r"\j", "j"), (r"\&", "&"), (r"\%", "%"), (r"\$", "$"), (r"\_", "_"),
    (r"\#", "#"),
)  # fmt: skip
_LATEX_ACCENT = re.compile(r"\\[\"'`^~=.](?=\s*\{?\s*[A-Za-z])|\\[uvHckrdbt](?=\s*\{\s*[A-Za-z])")
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+\*?\s*|\\.")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_SPACES = re.compile(r"\s+")


def clean_text(text: str | None) -> str:
    """``text`` without LaTeX, HTML and brace debris, in Unicode NFKC, spaces collapsed."""
    if not text:
        return ""
    text = str(text)
    if "&" in text:
        text = html.unescape(text)
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    if "\\" in text:
        for command, letters in _LATEX_LETTERS:
            text = re.sub(re.escape(command) + r"(?![A-Za-z])\s*", letters, text)
        text = _LATEX_ACCENT.sub("", text)
        text = _LATEX_COMMAND.sub(" ", text)
    text = text.replace("{", "").replace("}", "").replace("~", " ")
    text = unicodedata.normalize("NFKC", text)
    return _SPACES.sub(" ", text).strip()


# --- identifiers -----------------------------------------------------------------------------

_DOI = re.compile(r"10\.\d{4,9}/\S+", re.IGNORECASE)


def normalize_doi(value: object) -> str | None:
    """ "https://doi.org/10.1000/ABC." and "doi:10.1000/abc" → "10.1000/abc"."""
    if value is None:
        return None
    match = _DOI.search(clean_text(str(value)).replace("%2F", "/").replace("%2f", "/"))
    if not match:
        return None
    return match[0].rstrip(".,;)]}").lower()


def _isbn10_to_13(digits: str) -> str | None:
    body = "978" + digits[:9]
    check = (10 - sum((1 if i % 2 == 0 else 3) * int(d) for i, d in enumerate(body)) % 10) % 10
    return body + str(check)


def isbns(value: object) -> frozenset[str]:
    """Every ISBN in a field, as ISBN-13 digits, so ISBN-10 and ISBN-13 of one book agree."""
    if value is None:
        return frozenset()
    out = set()
    for chunk in re.findall(r"[0-9Xx][0-9Xx\-\s]{8,20}[0-9Xx]", str(value)):
        digits = re.sub(r"[^0-9Xx]", "", chunk).upper()
        if len(digits) == 13 and digits.isdigit() and digits[:3] in ("978", "979"):
            out.add(digits)
        elif len(digits) == 10 and digits[:9].isdigit():
            converted = _isbn10_to_13(digits)
            if converted:
                out.add(converted)
    return frozenset(out)


_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|yclid|ref|source)$", re.IGNORECASE)


def normalize_url(value: object) -> str | None:
    """A URL up to trivial differences: scheme, ``www.``, host case, trailing slash, fragment,
    default index pages and tracking parameters."""
    if not value:
        return None
    text = str(value).strip().strip("<>")
    match = re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//(?:www\d?\.)?([^/?#\s]+)([^#\s]*)", text, re.IGNORECASE)
    if not match:
        return None
    host, rest = match[1].lower().rstrip("."), match[2]
    path, _, query = rest.partition("?")
    path = re.sub(r"/(index|default)\.(html?|php|aspx?)$", "/", path, flags=re.IGNORECASE).rstrip("/")
    params = sorted(p for p in query.split("&") if p and not _TRACKING.match(p.split("=")[0]))
    return host + path + ("?" + "&".join(params) if params else "")


# --- titles ----------------------------------------------------------------------------------

#: Bracketed notes that catalogues and GOST lists add to a title: not part of it.
_MARKERS = re.compile(
    r"\s*[\[(](?:electronic resource|электронный ресурс|text|текст|in russian|на русском языке|"
    r"in english|online|онлайн|сайт|website|web site|e-?book|pdf)[\])]\s*",
    re.IGNORECASE,
)
_TRAILING_BRACKET = re.compile(r"^(?P<main>.*\S)\s*\[(?P<inner>[^\[\]]{3,})\]\s*[.;,]?\s*$", re.DOTALL)


def title_variants(title: str | None) -> list[str]:
    """A title's readings: the title itself, and the parts of "Заглавие [Title]" (a Russian
    title with its translation, as Russian journals print it) or "Заглавие = Title"."""
    text = clean_text(title)
    if not text:
        return []
    text = _MARKERS.sub(" ", text).strip(" .;,")
    variants = [text]
    match = _TRAILING_BRACKET.match(text)
    if match:
        variants = [match["main"].strip(" .;,:"), match["inner"].strip(" .;,")]
    elif " = " in text:
        variants = [part.strip(" .;,") for part in text.split(" = ", 1)]
    return [v for v in variants if v]


_WORD_NUMBERS = {
    w: str(n)
    for n, words in enumerate(
        (
            "zero",
            "one first i",
            "two second ii",
            "three third iii",
            "four fourth iv",
            "five fifth v",
            "six sixth vi",
            "seven seventh vii",
            "eight eighth viii",
            "nine ninth ix",
            "ten tenth x",
            "eleven eleventh xi",
            "twelve twelfth xii",
        )
    )
    for w in words.split()
}
_RU_ORDINAL = re.compile(
    r"^(перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)"
    r"(ый|ой|ий|ая|ое|ые|ого|ому|ом|ую|ья|ье|ьи|ьего|ьей|ей|ых|ым|ыми)$"
)
_RU_STEMS = ("перв", "втор", "трет", "четв", "пят", "шест", "седьм", "восьм", "девят", "десят")
#: Words after which a number (or a Roman numeral, or an ordinal) names a part of a work.
_PART_WORDS = frozenset(
    "part parts vol volume volumes book chapter chap ch section sec no number issue edition ed "
    "series ser suppl supplement phase stage tome tom t teil band bd heft appendix часть ч том "
    "книга кн глава гл выпуск вып раздел разд издание изд номер приложение".split()
)
#: A capital letter after one of these words names a part: "Teil A", "Part B", "Том Б" (not
#: after "book": "A Book A Day" and "A book a day" are one title in two cases).
_LETTER_PART_WORDS = frozenset("part vol volume section series teil band appendix часть том выпуск "
                               "раздел приложение".split())  # fmt: skip
_ROMAN = frozenset("ii iii iv vi vii viii ix xii xiii xiv xv xvi xvii xviii xix xx".split())
_ORDINAL_SUFFIX = re.compile(r"^(\d+)(?:st|nd|rd|th|[-–]?(?:й|я|е|го|ой|ая|ое))$")


def title_numbers(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(numbers, parts): the numbers a title names, however written ("10th" and "Tenth",
    "Part II" and "Second part", "Часть 2" and "вторая часть" alike), and those of them that
    number a part, volume, chapter or edition."""
    numbers: set[str] = set()
    parts: set[str] = set()
    written = re.findall(r"\w+", text)
    words = [w.lower() for w in written]
    for k, word in enumerate(words):
        previous = words[k - 1] if k else ""
        following = words[k + 1] if k + 1 < len(words) else ""
        value = _number_word(word, previous)
        if value is None and previous in _LETTER_PART_WORDS and len(word) == 1 and written[k].isupper():
            value = word
        if value is None:
            continue
        numbers.add(value)
        if previous in _PART_WORDS or following in _PART_WORDS:
            parts.add(value)
    return frozenset(numbers), frozenset(parts)


def _number_word(word: str, previous: str) -> str | None:
    ordinal = _ORDINAL_SUFFIX.match(word)
    if word.isdigit():
        return str(int(word))
    if ordinal:
        return str(int(ordinal[1]))
    if word in _ROMAN:
        return _roman(word)
    if word in _WORD_NUMBERS and (previous in _PART_WORDS or word in _ORDINAL_WORDS):
        return _WORD_NUMBERS[word]
    if previous in _PART_WORDS and len(word) <= 4 and _roman_ok(word):
        return _roman(word)
    russian = _RU_ORDINAL.match(word)
    if russian is not None:
        return str(next(n for n, stem in enumerate(_RU_STEMS, 1) if russian[1].startswith(stem)))
    return None


_ORDINAL_WORDS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
)


def _roman_ok(word: str) -> bool:
    return bool(re.fullmatch(r"[ivxlc]+", word))


def _roman(word: str) -> str:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for a, b in zip(word, word[1:] + " ", strict=True):
        va = values[a]
        total += -va if values.get(b, 0) > va else va
    return str(total)


STOP_WORDS = frozenset(
    "a an the of on in at to for and or by with from is are as its via und der die das des le la "
    "les de du et el y и в во на о об от по для с со к из за у а".split()
)


def significant_skeleton(words: list[str]) -> list[str]:
    """Skeletons of plain Latin words without stop words: the words that carry a title's
    meaning (all of them when a title is nothing but stop words)."""
    kept = [w for w in words if w not in STOP_WORDS] or words
    return [w if w.isdigit() else skeleton_word(w) for w in kept]


def number_value(value: object) -> str | None:
    """A volume, issue, edition or page as comparable text: "Vol. 12" → "12", "2nd ed." → "2"."""
    if value is None:
        return None
    text = clean_text(str(value)).lower()
    match = re.search(r"\d+", text)
    if match:
        return str(int(match[0]))
    words = re.findall(r"\w+", text)
    for word in words:
        if word in _WORD_NUMBERS and word not in ("i", "v", "x"):
            return _WORD_NUMBERS[word]
        if word in _ROMAN:
            return _roman(word)
    return " ".join(words) or None


def first_page(value: object) -> str | None:
    """The first page of "123–130", "pp. 123-30", "С. 123–130"; None when there is none."""
    if value is None:
        return None
    match = re.search(r"[A-Za-z]?\d+", str(value))
    return match[0].lower() if match else None
