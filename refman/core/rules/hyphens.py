"""RM206: hyphens left from line breaks, joined only where the input proves them artefacts.

A hyphen inside a word is usually meant ("pretty-printing", "Xy-pic", "plug-in"), even when
the same input also writes the word closed up. The evidence that a hyphen is a line-break
artefact: a soft hyphen (U+00AD); a hyphen followed by a space or line break ("sanc- tions");
or a word written once as "sanc-tions" while the input has "sanctions" and neither "sanc" nor
"tions" on its own. Without it, a spelling that varies is only noted (info, unsafe fix).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ...diagnostics import FixSafety, Severity
from ...model import Reference
from .common import text_fields
from .registry import Context, Finding, make_fix, rule

_SOFT_HYPHEN = "\u00ad"
#: Words with their inner hyphens: "sanc-tions" stays one token, so its halves are not
#: mistaken for words that the input uses on their own.
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_BROKEN_SPACE = re.compile(r"(?<![^\W\d_])([^\W\d_]{2,})-\s+([a-zа-яё][^\W\d_]+)")
_BROKEN_IN_WORD = re.compile(r"(?<![\w-])([^\W\d_]{2,})-([a-zа-яё]{2,})(?![\w-])")
#: Prefixes that really take a hyphen: "non-proliferation" is not a broken "nonproliferation".
_HYPHEN_PREFIXES = frozenset(
    "non anti pre post co re multi inter self ex sub over under semi pro counter cross well mid "
    "quasi ultra neo pseudo socio geo bio eco euro trans extra intra vice full half "
    "северо юго западно восточно"
    .split()
)  # fmt: skip
#: "pre- and post-war", "Hoch- und Tiefbau": a hyphen before a conjunction shares the
#: second half of the next word.
_SUSPENSION = frozenset("and or nor to und oder bzw sowie bis et ou en of og eller och и или либо а".split())


@dataclass(frozen=True, slots=True)
class _Words:
    """The input's prose words, case-folded: those written without a hyphen, and how often
    each hyphenated word occurs."""

    plain: frozenset[str]
    hyphenated: Counter[str]


def _words(ctx: Context) -> _Words:
    plain: set[str] = set()
    hyphenated: Counter[str] = Counter()
    subjects = ([ctx.article] if ctx.article is not None else []) + ctx.refs
    for ref in subjects:
        for _var, value in text_fields(ref):
            for token in _TOKEN.findall(value.replace(_SOFT_HYPHEN, "")):
                folded = token.casefold()
                if "-" in folded:
                    hyphenated[folded] += 1
                else:
                    plain.add(folded)
    return _Words(frozenset(plain), hyphenated)


def _in_word(m: re.Match[str], words: _Words, shown: list[str], variants: list[tuple[str, str]]) -> str:
    """ "sanc-tions" → "sanctions" on evidence; a meant hyphen with a closed-up variant
    elsewhere ("pretty-printing" beside "prettyprinting") goes to ``variants``."""
    head, tail = m[1], m[2]
    joined = head + tail
    if head.casefold() in _HYPHEN_PREFIXES or joined.casefold() not in words.plain:
        return m[0]
    halves_are_words = head.casefold() in words.plain or tail.casefold() in words.plain
    if halves_are_words or words.hyphenated[m[0].casefold()] > 1:
        variants.append((m[0], joined))  # a compound, or a spelling used more than once
        return m[0]
    shown.append(m[0])
    return joined


def _spaced(m: re.Match[str], words: _Words, shown: list[str]) -> str:
    """ "sanc- tions" → "sanctions", or "well- known" → "well-known", as the input attests."""
    head, tail = m[1], m[2]
    if tail.casefold() in _SUSPENSION:
        return m[0]
    for candidate in (head + tail, f"{head}-{tail}"):
        folded = candidate.casefold()
        if folded in words.plain or words.hyphenated[folded]:
            shown.append(f"{head}- {tail}")
            return candidate
    return m[0]


def _quote(items: list[str]) -> str:
    return ", ".join(repr(s) for s in dict.fromkeys(items))


@rule("RM206", "line-break-hyphen", Severity.WARNING, fix=FixSafety.SAFE)
def line_break_hyphen(ref: Reference, ctx: Context) -> Iterator[Finding]:
    """A hyphen left from a line break inside a word ("sanc-tions"), or a soft hyphen.

    What it checks:
        Prose fields for soft hyphens (U+00AD), for "word- continuation" with a space or line
        break after the hyphen, and for "sanc-tions" written once where the joined word
        ("sanctions") occurs elsewhere in the input, neither half occurs on its own, and the
        first half is not a prefix that takes a hyphen (non-, co-, anti-). A hyphenated word
        whose closed-up form occurs elsewhere but without that evidence ("pretty-printing"
        beside "prettyprinting", "plug-in" beside "plugin") is reported as info only.
    Why it matters:
        Text copied from PDFs and typeset pages keeps line-end hyphens; they spoil search,
        sorting and every output.
    Example:
        keyword "sanc-tions" fires when "sanctions" occurs in the abstract (fix:
        "sanctions"); "Russian-North Korean", "Xy-pic" and "pre- and post-war" do not.
    Fix safety:
        Safe for soft hyphens, for words attested unbroken in the same input, and for a
        spaced hyphen whose joined or hyphenated form the input attests; joining another
        "word- continuation" is unsafe (it may be a compound), and so is closing up a
        hyphenated spelling that is only a variant.
    """
    words: _Words = ctx.memo("hyphen-words", lambda: _words(ctx))
    for var, value in text_fields(ref):
        shown: list[str] = []
        variants: list[tuple[str, str]] = []
        fixed = value.replace(_SOFT_HYPHEN, "")
        if fixed != value:
            shown.append("soft hyphen")
        fixed = _BROKEN_IN_WORD.sub(lambda m, s=shown, v=variants: _in_word(m, words, s, v), fixed)
        fixed = _BROKEN_SPACE.sub(lambda m, s=shown: _spaced(m, words, s), fixed)
        if shown:
            what = _quote(shown)
            yield Finding(ref, var, f"{var} has line-break hyphens: {what}",
                          make_fix(var, value, fixed, f"{var}: joined {what}"))  # fmt: skip
        guessed = [
            f"{m[1]}- {m[2]}" for m in _BROKEN_SPACE.finditer(fixed) if m[2].casefold() not in _SUSPENSION
        ]
        if guessed:
            what = _quote(guessed)
            joined = _BROKEN_SPACE.sub(
                lambda m: m[0] if m[2].casefold() in _SUSPENSION else m[1] + m[2], fixed
            )
            yield Finding(ref, var, f"{var} has words broken at a line end: {what}",
                          make_fix(var, value, joined, f"{var}: joined {what}", safe=False))  # fmt: skip
        if variants:
            what = ", ".join(f"{form!r} (elsewhere {closed!r})" for form, closed in dict.fromkeys(variants))
            closed_up = value
            for form, closed in variants:
                closed_up = re.sub(rf"(?<![\w-]){re.escape(form)}(?![\w-])", closed, closed_up)
            yield Finding(ref, var, f"{var} hyphenates a word the input also writes closed up: {what}",
                          make_fix(var, value, closed_up, f"{var}: closed up {what}", safe=False),
                          severity=Severity.INFO)  # fmt: skip
