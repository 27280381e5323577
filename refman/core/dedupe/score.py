"""Is this pair one work? A score, a threshold and the evidence for each field, in words.

Order of reasoning, as a bibliographer would go: identifiers decide first (the same DOI is one
work; two different DOIs are two works); then whatever proves two works apart (a different
year, volume, edition, part or chapter number, a different day for a speech, a book against
its chapter) vetoes; only then is the weighted similarity of title, authors, year, container
and pages compared with the profile's threshold.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .features import EXCLUSIVE, VERSIONS, Features
from .ids import differs, identifier_evidence, shared_container
from .similar import authors_similarity, container_similarity, title_similarity


@dataclass(frozen=True, slots=True)
class Profile:
    """A precision/recall trade-off: ``strict`` merges only near-certain pairs."""

    name: str
    threshold: float  # the weighted score a pair needs
    min_title: float  # below this title similarity, only an identifier can match a pair
    versions: bool  # a conference paper (a report, a reprint) and its journal version are one work
    year_slack: int  # a year difference this large is tolerated (with a penalty)


PROFILES: dict[str, Profile] = {
    "strict": Profile("strict", 0.90, 0.90, versions=False, year_slack=0),
    "balanced": Profile("balanced", 0.82, 0.84, versions=False, year_slack=0),
    "recall": Profile("recall", 0.74, 0.75, versions=True, year_slack=1),
}
DEFAULT_PROFILE = "strict"

#: With nothing but titles to compare (no authors, year, container or pages on one side),
#: "Dictionary of Cardiology" and "Dictionary of Rheumatology" must not pass as one work.
TITLE_ALONE = 0.95

_WEIGHTS = {"title": 0.55, "authors": 0.22, "year": 0.08, "container": 0.1, "numbering": 0.05}


@dataclass(slots=True)
class Decision:
    score: float
    same: bool
    evidence: dict[str, str] = field(default_factory=dict)
    veto: str | None = None  # the field that proved the pair apart


def proven_apart(a: Features, b: Features, profile: Profile) -> tuple[str, str] | None:
    """The first thing that proves the pair to be two works, as (field, evidence)."""
    if a.crossref == b.id.lower() or b.crossref == a.id.lower():
        part, whole = (a, b) if a.crossref == b.id.lower() else (b, a)
        return "crossref", f"{part.id} crossrefs {whole.id}: a part and its whole"
    if differs(a.page, b.page) and (container := shared_container(a, b)):
        return "pages", f"first pages {a.page} vs {b.page} in one container, {container}: two parts of it"
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
        if differs(x, y):
            return name, f"{name} {x} vs {y}"
    if a.group and b.group and a.group != b.group:
        pair = frozenset((a.group, b.group))
        if pair in EXCLUSIVE:
            return "type", f"type {a.type} vs {b.type}: different works"
        if pair in VERSIONS and not profile.versions:
            return (
                "type",
                f"type {a.type} vs {b.type}: two publications of one text (merged only with profile recall)",
            )
    dated = a.group not in ("journal", "conference", "book", "part", "thesis")
    if dated and len(a.date) == 3 and len(b.date) == 3 and a.date != b.date:
        return "date", f"date {_iso(a.date)} vs {_iso(b.date)}"
    return None


def _nums(values: frozenset[str]) -> str:
    return ", ".join(sorted(values, key=lambda v: (len(v), v))) or "none"


def _iso(parts: tuple[int, ...]) -> str:
    return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))


def compare(a: Features, b: Features, profile: Profile, describe_apart: bool = True) -> Decision:
    """Decide whether ``a`` and ``b`` are one work, with the evidence for every field.

    ``describe_apart=False`` leaves out the per-field evidence of a pair proven apart by a
    veto or by titles too far apart in one script (the decision is the same, its score 0):
    ``add`` keeps only the pairs that are one work, and most of the candidates it compares
    are vetoed (another year, volume, type)."""
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
        if describe_apart:
            _describe(a, b, evidence)
        evidence["decision"] = f"kept apart: {veto[1]}"
        return Decision(0.0, False, evidence, veto[0])
    if deciding == "isbn":
        _describe(a, b, evidence)
        evidence["decision"] = "ISBN equal: the same book"
        return Decision(1.0, True, evidence)
    titles = title_similarity(a, b) if a.titles and b.titles else None
    # in one script and without a shared URL, a title below min_title is never one work
    low = titles is None or titles[0] < profile.min_title
    if not describe_apart and low and a.cyrillic_title == b.cyrillic_title and "url" not in evidence:
        evidence["decision"] = (
            f"title similarity {titles[0] if titles else 0:.2f} below {profile.min_title:.2f}"
        )
        return Decision(0.0, False, evidence)
    parts = _describe(a, b, evidence, titles)
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
    if same and set(parts) == {"title"} and "url" not in evidence and title < TITLE_ALONE:
        same = False
        evidence["decision"] += (
            f"; but with nothing else to compare the titles must agree to {TITLE_ALONE:.2f}"
        )
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


def _describe(
    a: Features, b: Features, evidence: dict[str, str], titles: tuple[float, int, int] | None = None
) -> dict[str, float]:
    """Per-field similarities (0..1) and their evidence; a field missing on a side is left out
    (``titles``: the title similarity when already worked out)."""
    parts: dict[str, float] = {}
    cross = a.cyrillic_title != b.cyrillic_title
    if a.titles and b.titles:
        score, i, j = titles or title_similarity(a, b)
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
