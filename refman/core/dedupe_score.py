"""Is this pair one work? A score, a threshold and the evidence for each field, in words.

Order of reasoning, as a bibliographer would go: identifiers decide first (the same DOI is one
work; two different DOIs are two works); then whatever proves two works apart (a different
year, volume, edition, part or chapter number, a different day for a speech, a book against
its chapter) vetoes; only then is the weighted similarity of title, authors, year, container
and pages compared with the profile's threshold.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .dedupe_features import EXCLUSIVE, VERSIONS, Author, Features
from .dedupe_translit import skeleton


@dataclass(frozen=True, slots=True)
class Profile:
    """A precision/recall trade-off: ``strict`` merges only near-certain pairs."""

    name: str
    threshold: float  # the weighted score a pair needs
    min_title: float  # below this title similarity, only an identifier can match a pair
    versions: bool  # a conference paper and its journal version count as one work
    year_slack: int  # a year difference this large is tolerated (with a penalty)


PROFILES: dict[str, Profile] = {
    "strict": Profile("strict", 0.90, 0.90, versions=False, year_slack=0),
    "balanced": Profile("balanced", 0.82, 0.84, versions=False, year_slack=0),
    "recall": Profile("recall", 0.74, 0.75, versions=True, year_slack=1),
}
DEFAULT_PROFILE = "strict"

_WEIGHTS = {"title": 0.55, "authors": 0.22, "year": 0.08, "container": 0.1, "numbering": 0.05}


@dataclass(slots=True)
class Decision:
    score: float
    same: bool
    evidence: dict[str, str] = field(default_factory=dict)
    veto: str | None = None  # the field that proved the pair apart


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


def _differs(x: str | None, y: str | None) -> bool:
    return x is not None and y is not None and x != y


def proven_apart(a: Features, b: Features, profile: Profile) -> tuple[str, str] | None:
    """The first thing that proves the pair to be two works, as (field, evidence)."""
    if a.year is not None and b.year is not None and abs(a.year - b.year) > profile.year_slack:
        return "year", f"year {a.year} vs {b.year}"
    if a.parts != b.parts:
        return "numbers", f"parts differ: {_nums(a.parts - b.parts)} vs {_nums(b.parts - a.parts)}"
    if a.numbers and b.numbers and not (a.numbers <= b.numbers or b.numbers <= a.numbers):
        return (
            "numbers",
            f"numbers in titles differ: {_nums(a.numbers - b.numbers)} vs {_nums(b.numbers - a.numbers)}",
        )
    for name, x, y in (("volume", a.volume, b.volume), ("edition", a.edition, b.edition),
                       ("chapter", a.chapter, b.chapter), ("number", a.number, b.number)):  # fmt: skip
        if _differs(x, y):
            return name, f"{name} {x} vs {y}"
    if a.group and b.group and a.group != b.group:
        pair = frozenset((a.group, b.group))
        if pair in EXCLUSIVE:
            return "type", f"type {a.type} vs {b.type}: different works"
        if pair in VERSIONS and not profile.versions:
            return (
                "type",
                f"type {a.type} vs {b.type}: a conference paper and its journal version (merged only with profile recall)",
            )
    dated = a.group not in ("journal", "conference", "book", "part", "thesis")
    if dated and len(a.date) == 3 and len(b.date) == 3 and a.date != b.date:
        return "date", f"date {_iso(a.date)} vs {_iso(b.date)}"
    return None


def _nums(values: frozenset[str]) -> str:
    return ", ".join(sorted(values, key=lambda v: (len(v), v))) or "none"


def _iso(parts: tuple[int, ...]) -> str:
    return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))


def identifier_evidence(a: Features, b: Features) -> tuple[str | None, dict[str, str], str | None]:
    """(deciding field or None, evidence, vetoing field or None)."""
    evidence: dict[str, str] = {}
    # one identifier each side: equal decides the pair, different vetoes it
    for name, label in (("doi", "DOI"), ("pmid", "PMID")):
        mine, theirs = getattr(a, name), getattr(b, name)
        if mine and theirs:
            if mine == theirs:
                evidence[name] = f"{label} equal ({mine})"
                return name, evidence, None
            evidence[name] = f"{label} {mine} vs {theirs}"
            return None, evidence, name
    deciding = None
    if a.isbns and b.isbns:
        shared = a.isbns & b.isbns
        if not shared:
            evidence["isbn"] = f"ISBN {min(a.isbns)} vs {min(b.isbns)}: different books or editions"
            return None, evidence, "isbn"
        if "part" in (a.group, b.group):
            evidence["isbn"] = (
                f"ISBN equal ({min(shared)}): the same book, which alone does not make one chapter"
            )
        else:
            evidence["isbn"] = f"ISBN equal ({min(shared)})" + (
                " (ISBN-10 and ISBN-13 of one book)" if len(shared) == 1 else ""
            )
            deciding = "isbn"
    if a.url and b.url and a.url == b.url:
        evidence["url"] = "URL equal (up to scheme, www, slash, tracking parameters)"
    return deciding, evidence, None


def compare(a: Features, b: Features, profile: Profile) -> Decision:
    """Decide whether ``a`` and ``b`` are one work, with the evidence for every field."""
    deciding, evidence, id_veto = identifier_evidence(a, b)
    if id_veto is not None:
        evidence["decision"] = f"{id_veto.upper()} conflict vetoes a match"
        return Decision(0.0, False, evidence, id_veto)
    if deciding in ("doi", "pmid"):
        evidence["decision"] = f"{deciding.upper()} equal: the same work"
        _describe(a, b, evidence)
        return Decision(1.0, True, evidence)
    veto = proven_apart(a, b, profile)
    if veto is not None:
        evidence[veto[0]] = veto[1]
        _describe(a, b, evidence)
        evidence["decision"] = f"kept apart: {veto[1]}"
        return Decision(0.0, False, evidence, veto[0])
    if deciding == "isbn":
        _describe(a, b, evidence)
        evidence["decision"] = "ISBN equal: the same book"
        return Decision(1.0, True, evidence)
    parts = _describe(a, b, evidence)
    total = sum(_WEIGHTS[k] for k in parts)
    score = sum(_WEIGHTS[k] * v for k, v in parts.items()) / total if total else 0.0
    if "url" in evidence:
        score = min(1.0, score + 0.05)
    if a.year is not None and b.year is not None and a.year != b.year:
        score -= 0.05
    title = parts.get("title", 0.0)
    same = score >= profile.threshold and (title >= profile.min_title or "url" in evidence)
    if not same and a.cyrillic_title != b.cyrillic_title and _same_coordinates(a, b, parts, evidence):
        rest = {k: v for k, v in parts.items() if k != "title"}
        score = sum(_WEIGHTS[k] * v for k, v in rest.items()) / sum(_WEIGHTS[k] for k in rest)
        evidence["decision"] = (
            f"titles in two languages; the same authors, year and place of publication "
            f"(score {score:.2f} without the title ≥ threshold {profile.threshold:.2f}, {profile.name})"
        )
        return Decision(round(score, 4), score >= profile.threshold, evidence)
    relation = "≥" if score >= profile.threshold else "<"
    evidence["decision"] = f"score {score:.2f} {relation} threshold {profile.threshold:.2f} ({profile.name})"
    if same and _needs_support(a, b, parts, evidence):
        same = False
        evidence["decision"] += "; but a title of one or two words needs another field to agree"
    if score >= profile.threshold and title < profile.min_title and not same:
        evidence["decision"] += f"; but title similarity is below {profile.min_title:.2f}"
    return Decision(round(score, 4), same, evidence)


def _same_coordinates(a: Features, b: Features, parts: dict[str, float], evidence: dict[str, str]) -> bool:
    """One work catalogued in two languages (a Russian record and an English database's):
    the same authors and year, and the same journal, volume or issue and first page, or
    the same URL and day."""
    if parts.get("authors", 0) < 0.75 or a.year is None or a.year != b.year:
        return False
    if "url" in evidence and len(a.date) == 3 and a.date == b.date:
        return True
    same_issue = (a.volume is not None and a.volume == b.volume) or (
        a.issue is not None and a.issue == b.issue
    )
    return parts.get("container", 0) >= 0.85 and a.page is not None and a.page == b.page and same_issue


def _needs_support(a: Features, b: Features, parts: dict[str, float], evidence: dict[str, str]) -> bool:
    """A title of one or two words ("Introduction", "Resolutions") is one work only when
    something else agrees: an author, the venue, the year or the URL."""
    words = min(len(a.title_words[0]) if a.title_words else 0, len(b.title_words[0]) if b.title_words else 0)
    if words > 2:
        return False
    support = (
        parts.get("authors", 0) >= 0.5
        or parts.get("container", 0) >= 0.85
        or (a.year is not None and a.year == b.year)
        or "url" in evidence
        or (len(a.accessed) == 3 and a.accessed == b.accessed)
        or (bool(a.publisher) and a.publisher == b.publisher)
    )
    if support and len(a.accessed) == 3 and a.accessed == b.accessed and "url" not in evidence:
        evidence["accessed"] = f"accessed {'-'.join(str(p) for p in a.accessed)} on both"
    return not support


def _describe(a: Features, b: Features, evidence: dict[str, str]) -> dict[str, float]:
    """Per-field similarities (0..1) and their evidence; a field missing on a side is left out."""
    parts: dict[str, float] = {}
    cross = a.cyrillic_title != b.cyrillic_title
    if a.titles and b.titles:
        score, i, j = title_similarity(a, b)
        parts["title"] = score
        text = f"title similarity {score:.2f}"
        if i or j:
            text += " (a title against the translation in brackets)" if max(i, j) == 1 else " (other title)"
        evidence["title"] = text + (" after transliteration" if cross else "")
    if a.authors and b.authors:
        score, matched, of = authors_similarity(a.authors, b.authors)
        parts["authors"] = score
        evidence["authors"] = f"authors {matched} of {of} match" + (
            " after transliteration" if a.cyrillic_authors != b.cyrillic_authors else ""
        )
    if a.year is not None and b.year is not None:
        parts["year"] = 1.0 if a.year == b.year else 0.3
        evidence["year"] = f"year {a.year} equal" if a.year == b.year else f"year {a.year} vs {b.year}"
    elif a.year is not None or b.year is not None:
        evidence["year"] = f"year {a.year or b.year} on one side only"
    if a.container and b.container:
        score = container_similarity(a.container, b.container)
        parts["container"] = score
        evidence["container"] = f"container similarity {score:.2f}"
    checks = [(n, x, y) for n, x, y in (("page", a.page, b.page), ("issue", a.issue, b.issue))
              if x is not None and y is not None]  # fmt: skip
    if checks:
        agree = [n for n, x, y in checks if x == y]
        parts["numbering"] = len(agree) / len(checks)
        for name, x, y in checks:
            evidence[name] = f"{name} {x} equal" if x == y else f"{name} {x} vs {y}"
    return parts
