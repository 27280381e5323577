"""How alike two records' titles, author lists and venues are, each as a number in 0..1.

Kept apart from the decision rules (``dedupe.score``) so that the identifier rules
(``dedupe.ids``) can weigh a shared DOI against the titles and authors too.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from .features import Author, Features
from .translit import skeleton


def title_similarity(a: Features, b: Features) -> tuple[float, int, int]:
    """Best similarity over the title readings of both, and which readings gave it."""
    best, pair = 0.0, (0, 0)
    for i, ta in enumerate(a.titles):
        for j, tb in enumerate(b.titles):
            if not ta or not tb:
                continue
            if ta == tb:
                return 1.0, i, j
            score = max(fuzz.ratio(ta, tb), 0.97 * fuzz.token_sort_ratio(ta, tb)) / 100
            shorter, longer = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
            if longer.startswith(shorter + " ") and shorter.count(" ") >= 3:
                score = max(score, 0.9)  # a title given without its subtitle, or cut short
            if score > best:
                best, pair = score, (i, j)
    return best, pair[0], pair[1]


#: How the romanisations begin a given name written with these Russian letters: Юрий is
#: Yu./Iu./Ju., Яна Ya./Ia./Ja., Евгений E./Ye./Je., Ёлкин Yo./Jo., Жанна Zh./Ž.
_INITIAL_UNITS = (("yu", "u"), ("iu", "u"), ("ju", "u"), ("ya", "a"), ("ia", "a"), ("ja", "a"),
                  ("ye", "e"), ("je", "e"), ("yo", "o"), ("jo", "o"), ("zh", "z"), ("kh", "h"),
                  ("ts", "c"), ("tc", "c"), ("ch", "c"), ("sh", "s"))  # fmt: skip


def _initial_unit(given: str) -> str:
    for prefix, unit in _INITIAL_UNITS:
        if given.startswith(prefix):
            return unit
    return given[:1]


def initials_agree(x: str, y: str) -> bool:
    """First given names agree as initials: "J." ~ "John", "Yu." ~ "Iurii", "K." ~ "Ksenia"."""
    if not x or not y or x[0] == y[0]:
        return True
    return _initial_unit(x) == _initial_unit(y)


def _author_match(x: Author, y: Author) -> bool:
    if x.institution or y.institution:
        return x.family == y.family or fuzz.ratio(x.family, y.family) >= 88
    if not initials_agree(x.initial, y.initial):
        return False
    if x.family == y.family:
        return True
    return min(len(x.family), len(y.family)) >= 4 and fuzz.ratio(x.family, y.family) >= 80


def authors_similarity(a: tuple[Author, ...], b: tuple[Author, ...]) -> tuple[float, int, int]:
    """(similarity, matched, of): authors matched one to one, in any order, initials against
    full given names; an "et al." list is judged on the authors it names."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    short, long_ = short[:12], long_[:24]
    free = list(long_)
    matched = 0
    for x in short:
        for k, y in enumerate(free):
            if _author_match(x, y):
                matched += 1
                del free[k]
                break
    if not short:
        return 0.0, 0, 0
    coverage = matched / len(short)
    overall = matched / max(len(a), len(b))
    return 0.7 * coverage + 0.3 * overall, matched, max(len(a), len(b))


def _acronym(tokens: tuple[str, ...]) -> str:
    return "".join(t[0] for t in tokens if t)


def container_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Similarity of two venues, tolerating abbreviations ("J. Asian Stud." ~ "Journal of
    Asian Studies") and acronyms ("VLDB" ~ "Very Large Data Bases")."""
    if a == b:
        return 1.0
    if _abbreviates(a, b) or _abbreviates(b, a):
        return 0.9
    return fuzz.token_sort_ratio(skeleton(" ".join(a)), skeleton(" ".join(b))) / 100


def _abbreviates(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """Each word of ``short`` begins a word of ``long_``, in order, covering half of it at
    least; or ``short`` is the acronym of ``long_``."""
    if len(short) > len(long_) or not short:
        return False
    if len(short) == 1 and len(long_) >= 2 and short[0] == _acronym(long_):
        return True
    k = 0
    for token in short:
        while k < len(long_) and not long_[k].startswith(token):
            k += 1
        if k == len(long_):
            break
        k += 1
    else:
        return len(short) >= max(1, len(long_) // 2)
    return False
