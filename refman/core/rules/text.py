"""RM20x typography: what a copy editor fixes in titles, outlets and notes.

Only prose fields are checked (``common.TEXT_FIELDS``), never URLs, identifiers or pages.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from ...diagnostics import FixSafety, Severity
from ...model import Reference
from .common import CYRILLIC, LATEX_FORMATS, WORD, script, source_format, text_fields
from .registry import Context, Finding, make_fix, rule

_SPACE_BEFORE = re.compile(r"(?<=\S)[ \u00a0\t]+([,.;:!?)\]»”])(?=\s|$|[,;:!?)\]»”\"'])")
_SPACE_BEFORE_FR = re.compile(r"(?<=\S)[ \u00a0\t]+([,.)\]»”])(?=\s|$|[,;:!?)\]»”\"'])")
_NO_SPACE_AFTER = re.compile(r"(?<=[^\W\d_])([,;)])(?=[^\W\d_])|(?<=[^\W\d_]{2})(:)(?=[^\W\d_/])")
_DOUBLED = re.compile(r"(?<!\.)\.\.(?!\.)|,,|;;|::|[,;:]\.(?!\.)")
_SPACED_HYPHEN = re.compile(r"(?<=[\w\"»”)]) (-{1,3}) (?=[\w\"«“(])")
_YEAR_RANGE = re.compile(r"(?<![\d-])(1[5-9]\d\d|20\d\d)(-{1,2})(1[5-9]\d\d|20\d\d)(?![\d-])")
_LATEX_DASH = re.compile(r"(?<=\w)--(?=\w)")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
#: HTML elements that publishers' exports leave in titles: "<ctrl-M>" or "<box>" in a TeX
#: title is text, not a tag.
_HTML_ELEMENTS = frozenset(
    "a abbr b big br cite code del div em font h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p "
    "pre q s samp small span strike strong sub sup table tbody td th tr tt u ul var".split()
)
#: Markup that CSL-JSON itself allows in rich text fields (CSL 1.0.2, "Rich text markup").
_CSL_TAGS = frozenset({"i", "b", "sup", "sub", "span"})
_LATEX_CMD = re.compile(r"\\[a-zA-Z]+\*?|\\['\"`^~=.]")
_LATEX_ESCAPE = re.compile(r"\\([&%$#_])")
_FUNCTION_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or over the to up upon via with".split()
)


def typography_clean(text: str) -> bool:
    """Whether RM201, RM202 and RM203 leave ``text`` as it is: a spelling other rules may
    choose as the one to write (so that two fixes never undo each other)."""
    return not (_SPACE_BEFORE.search(text) or _NO_SPACE_AFTER.search(text) or _DOUBLED.search(text))


def _sub_all(pattern: re.Pattern[str], text: str, repl: str) -> str:
    return pattern.sub(repl, text)


@rule("RM201", "space-before-punctuation", Severity.WARNING, fix=FixSafety.SAFE)
def space_before_punctuation(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A space before a comma, period, semicolon, colon, closing bracket or quote.

    What it checks:
        Prose fields for whitespace before , . ; : ! ? ) ] » ”. An ellipsis is not a period;
        French text keeps its space before ; : ! ?.
    Why it matters:
        "New York , August 2" is a typing slip that every output repeats; in GOST output the
        prescribed " : " of the style would be confused with a stray one from the data.
    Example:
        "the integrity of their territories , secondly" fires (fix: "territories, secondly");
        "Title ... and more" does not.
    Fix safety:
        Safe: removing the space changes no word.
    """
    french = (ref.language or "").lower().startswith("fr")
    pattern = _SPACE_BEFORE_FR if french else _SPACE_BEFORE
    for var, value in text_fields(ref):
        found = pattern.findall(value)
        if found:
            fixed = pattern.sub(r"\1", value)
            marks = " ".join(dict.fromkeys(found))
            yield Finding(ref, var, f"{var} has a space before {marks!r}",
                          make_fix(var, value, fixed, f"{var}: removed space before {marks!r}"))  # fmt: skip


@rule("RM202", "missing-space-after-punctuation", Severity.WARNING, fix=FixSafety.UNSAFE)
def missing_space_after(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A comma, semicolon, colon or closing bracket glued to the next word.

    What it checks:
        Prose fields for "word,word", "word;word", "word:word" and "(note)word" between
        letters. Numbers ("1,5") and URLs are left alone.
    Why it matters:
        Glued punctuation is a typing or extraction slip; it also breaks word search.
    Example:
        "Russia,China" fires (fix: "Russia, China"); "2,5 %" does not.
    Fix safety:
        Unsafe: some terms are written glued on purpose ("N,N-dimethyl", "Re:Invent").
    """
    for var, value in text_fields(ref):
        if "://" in value:
            continue
        found = [a or b for a, b in _NO_SPACE_AFTER.findall(value)]
        if found:
            fixed = _NO_SPACE_AFTER.sub(lambda m: (m[1] or m[2]) + " ", value)
            marks = " ".join(dict.fromkeys(found))
            yield Finding(ref, var, f"{var} has no space after {marks!r}",
                          make_fix(var, value, fixed, f"{var}: added space after {marks!r}", safe=False))  # fmt: skip


@rule("RM203", "doubled-punctuation", Severity.WARNING, fix=FixSafety.SAFE)
def doubled_punctuation(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """Doubled punctuation: "..", ",,", ";;", "::", ",." (an ellipsis is fine).

    What it checks:
        Prose fields for a mark written twice, or a comma, semicolon or colon directly
        before a period. A period after an abbreviation followed by a comma ("et al.,",
        "2000 г.,") is correct and does not fire.
    Why it matters:
        Styles add their own separators after each field; doubled marks in the data end up as
        "Title.. – " in the output.
    Example:
        "Resolutions.." fires (fix: "Resolutions."); "Wait..." does not.
    Fix safety:
        Safe: the doubled mark is replaced by the single one that was meant.
    """
    for var, value in text_fields(ref):
        found = _DOUBLED.findall(value)
        if found:
            fixed = _DOUBLED.sub(lambda m: m[0][-1], value)
            marks = " ".join(dict.fromkeys(found))
            yield Finding(ref, var, f"{var} has doubled punctuation {marks!r}",
                          make_fix(var, value, fixed, f"{var}: {marks!r} made single"))  # fmt: skip


def _dash_for(value: str) -> str:
    if " — " in value:
        return "—"
    if " – " in value:
        return "–"
    return "—" if CYRILLIC.search(value) else "–"


@rule("RM204", "hyphen-as-dash", Severity.WARNING, fix=FixSafety.SAFE)
def hyphen_as_dash(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A hyphen (or "--") where a dash belongs: between words, or in a year range.

    What it checks:
        Prose fields for a hyphen with a space on each side ("field - both"), the TeX dashes
        "--" and "---", and year ranges written with a hyphen ("2000-2001"). In a record read
        from BibTeX or BibLaTeX, "--" and "---" are that format's dashes and do not fire.
    Why it matters:
        A hyphen joins words; a dash separates clauses and ranges. GOST and every house style
        use "–" for ranges and a spaced dash between clauses.
    Example:
        "in the economic field - both sides" fires (fix: the dash the field already uses, else
        "–" in Latin and "—" in Cyrillic text); "Russian-North Korean" does not.
    Fix safety:
        Safe: only the character changes, not the words.
    """
    tex = source_format(ref) in LATEX_FORMATS  # there "--" and "---" are the format's dashes
    for var, value in text_fields(ref):
        dash = _dash_for(value)

        def spaced(m: re.Match[str], dash: str = dash) -> str:
            if tex and m[1] != "-":
                return m[0]
            return " — " if m[1] == "---" else f" {dash} "

        fixed = _SPACED_HYPHEN.sub(spaced, value)
        fixed = _YEAR_RANGE.sub(lambda m: m[0] if tex and m[2] != "-" else f"{m[1]}–{m[3]}", fixed)
        if not tex:
            fixed = _LATEX_DASH.sub("–", fixed)
        if fixed != value:
            spots = [m[0] for p in (_SPACED_HYPHEN, _YEAR_RANGE, _LATEX_DASH) for m in _around(p, value)
                     if not tex or "--" not in m[0]]  # fmt: skip
            yield Finding(ref, var, f"{var} has a hyphen where a dash belongs: {', '.join(map(repr, spots[:3]))}",
                          make_fix(var, value, fixed, f"{var}: hyphen made a dash"))  # fmt: skip


def _around(pattern: re.Pattern[str], value: str) -> Iterator[re.Match[str]]:
    """Each match widened to the words on either side, for quoting it in a message."""
    for m in pattern.finditer(value):
        yield re.search(r"\S*\s?" + re.escape(m[0]) + r"\s?\S*", value[max(0, m.start() - 20) : m.end() + 20])


@rule("RM207", "all-caps-title", Severity.WARNING, fix=FixSafety.UNSAFE)
def all_caps(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A title or container title written entirely in capital letters.

    What it checks:
        `title` and `container-title` with at least two words of two or more letters and no
        lower-case letter at all. Single acronyms ("NATO", "JAMA") do not fire.
    Why it matters:
        Styles change case from the stored form; from ALL CAPS they cannot recover proper
        nouns, and GOST transcribes titles in ordinary sentence case.
    Example:
        "RUSSIAN COAL WILL FOLLOW THE PATH OF JUCHE" fires (fix: "Russian coal will follow
        the path of juche"); "UN News" does not.
    Fix safety:
        Unsafe: sentence case lowers proper nouns and acronyms, which must then be restored
        by hand.
    """
    for var in ("title", "container-title"):
        value = ref.get(var)
        if not isinstance(value, str):
            continue
        words = [w for w in WORD.findall(value) if len(w) >= 2 and w.isupper()]  # CJK has no case
        if len(words) >= 2 and not any(ch.islower() for ch in value) and sum(map(len, words)) >= 8:
            lowered = value.lower()
            fixed = lowered[:1].upper() + lowered[1:]
            yield Finding(ref, var, f"{var} is in ALL CAPS",
                          make_fix(var, value, fixed, f"{var}: sentence case", safe=False))  # fmt: skip


@rule("RM208", "markup-debris", Severity.WARNING, fix=FixSafety.SAFE)
def markup_debris(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """HTML entities or tags, or LaTeX commands and braces, left in plain text.

    What it checks:
        Prose fields for HTML entities ("&amp;", "&#8212;"), HTML tags other than the rich
        text CSL-JSON allows (<i>, <b>, <sup>, <sub>, <span>), LaTeX commands ("\\textit",
        "\\&", "\\'e") and TeX braces ("{NASA}"), in records read from formats where
        markup is foreign: free-text lists, pages, CSL-JSON, CSL-YAML, RIS. In a record read
        from BibTeX or BibLaTeX, LaTeX is the format itself: only HTML is flagged there.
    Why it matters:
        Data exported from web pages and BibTeX carries markup that other formats print
        literally: "Smith &amp; Jones", "{\\'E}tudes".
    Example:
        "Trade &amp; Sanctions" fires (fix: "Trade & Sanctions"); "<i>Homo sapiens</i>" does not.
    Fix safety:
        Safe for entities, TeX escapes ("\\&" → "&") and plain braces; tags and other
        commands are reported without a fix, since what they meant must be decided by hand.
    """
    latex_is_the_format = source_format(ref) in LATEX_FORMATS
    for var, value in text_fields(ref):
        problems = []
        if _ENTITY.search(value):
            problems.append("HTML entities")
        tags = ({m[1].lower() for m in _TAG.finditer(value)} & _HTML_ELEMENTS) - _CSL_TAGS
        if tags:
            problems.append("HTML tags " + ", ".join(sorted(tags)))
        commands: list[str] = []
        if not latex_is_the_format:
            commands = [c for c in _LATEX_CMD.findall(value) if not _LATEX_ESCAPE.fullmatch(c)]
            if commands:
                problems.append("LaTeX commands " + " ".join(dict.fromkeys(commands)))
            elif _LATEX_ESCAPE.search(value) or "{" in value or "}" in value:
                problems.append("TeX escapes or braces")
        if not problems:
            continue
        fix = None
        if not tags and not commands:
            fixed = html.unescape(value)
            if not latex_is_the_format:
                fixed = _LATEX_ESCAPE.sub(r"\1", fixed)
                if value.count("{") == value.count("}"):
                    fixed = fixed.replace("{", "").replace("}", "")
            if fixed != value:
                fix = make_fix(var, value, fixed, f"{var}: removed markup")
        yield Finding(ref, var, f"{var} contains {'; '.join(problems)}", fix)


@rule("RM209", "capitalized-function-words", Severity.INFO, fix=FixSafety.UNSAFE)
def capitalized_function_words(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """An English title with every word capitalized, articles and prepositions included.

    What it checks:
        Latin-script titles of five words or more in which every word starts with a capital
        and at least two function words ("And", "For", "In", "The", "Of") do too, away from
        the start and from a colon.
    Why it matters:
        No title-case convention (Chicago, APA, MLA) capitalizes these words, and GOST and CSL
        store titles in sentence case; styles cannot tell proper nouns from such capitals.
    Example:
        "Current State And Future Prospects For Russian-North Korea Relations" fires (fix
        lowers "And", "For"); "Current State and Future Prospects" does not.
    Fix safety:
        Unsafe: a capitalized function word may begin a name ("The Hague", "Of Mice and Men").
    """
    title = ref.title
    if not title or script(title) != "latin" or (ref.language or "en")[:2] != "en":
        return
    if not any(ch.islower() for ch in title):
        return  # ALL CAPS is RM207's
    words = title.split()
    if len(words) < 5 or not all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return
    hits = [
        i
        for i, w in enumerate(words)
        if i and w.lower() in _FUNCTION_WORDS and not words[i - 1].endswith(":")
    ]
    if len(hits) < 2:
        return
    fixed = " ".join(w.lower() if i in hits else w for i, w in enumerate(words))
    shown = ", ".join(dict.fromkeys(words[i] for i in hits))
    yield Finding(ref, "title", f"title capitalizes every word, function words too ({shown})",
                  make_fix("title", title, fixed, f"title: lowered {shown}", safe=False))  # fmt: skip
