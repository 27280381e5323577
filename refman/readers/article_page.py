"""Journal article pages like the seed: a header of labelled fields, an abstract, keywords,
a Russian text excerpt in numbered paragraphs, page noise, and a numbered reference list.

Pages copied from the site glue labels to values ("Journal nameVostok…", "EditionIssue 1",
"Publication date26.02.2023"), so a label is recognised at the start of a line followed by a
colon, a space, or directly by a capital letter or digit ("Addressing …" is not "Address").

Judgment calls:
- The page names no author: ``Article.author`` stays None and ``author_known`` False; an
  "Authors"/"Авторы" label, when a page has one, is read.
- "Edition: Issue 1" is the journal issue: ``issue`` = "1" (the number, as CSL wants it).
- The numbered paragraphs without a period ("2 После периода …") are the excerpt, not
  references: a reference list numbers with "1." / "1)" / "[1]".
- Price, the subscription notice, the excerpt's disclaimer and "Система Orphus" are page
  noise: skipped with an RM007 note (the price is kept in ``Article.price``); purchasers,
  views and rating votes go to ``Article.stats``.
- The references go in ``Library.references`` only; ``Article.references`` stays empty so
  that nothing is held (or written) twice.
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic, Location, ReadResult, Severity
from ..model import Article, Library, Paragraph
from ..parse.dates import parse_date
from ..parse.names import parse_name_list
from ..parse.text import clean_spaces, repair_hyphenation, script_language, words_of
from .reflist.reader import NUMBERED, PAGE_MARKERS, parse_items, split_items

#: Article field → the labels pages use for it (English and Russian), longest first per field.
LABELS: dict[str, tuple[str, ...]] = {
    "publication_type": ("Publication type", "Тип публикации"),
    "status": ("Status", "Статус публикации", "Статус"),
    "author": ("Authors", "Author", "Авторы", "Автор"),
    "occupation": ("Occupation", "Должность"),
    "affiliation": ("Affiliation", "Аффилиация"),
    "address": ("Address", "Адрес"),
    "journal": ("Journal name", "Название журнала"),
    "issue": ("Edition", "Выпуск"),
    "abstract": ("Abstract", "Аннотация"),
    "keywords": ("Keywords", "Ключевые слова"),
    "publication_date": ("Publication date", "Дата публикации"),
    "characters": ("Number of characters", "Количество символов", "Кол-во символов"),
}
_LABEL = re.compile(
    "^(?P<label>"
    + "|".join(sorted((re.escape(lb) for lbs in LABELS.values() for lb in lbs), key=len, reverse=True))
    + r")(?:\s*:\s*|\s+|(?=[A-ZА-ЯЁ0-9«\"]))(?P<value>.*)$"
)
_FIELD_OF = {label: fld for fld, labels in LABELS.items() for label in labels}
PRICE = re.compile(r"^\d+(?:[.,]\d+)?\s*(?:rub\.?|руб\.?|₽|RUB|USD|\$|EUR|€)$", re.IGNORECASE)
PURCHASERS = re.compile(
    r"^(?:Number of purchasers|Кол(?:ичест)?(?:-)?во покупателей)\s*:\s*(?P<p>\d+)\s*,\s*"
    r"(?:views|просмотров)\s*:\s*(?P<v>\d+)\s*$",
    re.IGNORECASE,
)
RATING = re.compile(
    r"^(?:Readers community rating|Оценка читателей)\s*:\s*(?:votes|голосов)\s*(?P<n>\d+)\s*$", re.I
)
NOISE = re.compile(
    r"^(?:When subscribing|При подписке|Need to register|Размещенный ниже текст|The text below|"
    r"Система Orphus|Orphus system|Orphus)",
    re.IGNORECASE,
)
_PARAGRAPH = re.compile(r"^(?P<n>\d{1,3})\s+(?P<text>[^\d\s.)\]].*)$")
_ISSUE_NUMBER = re.compile(r"^(?:Issue|No\.?|Выпуск|Вып\.|№)\s*(?P<n>\d+[\w/–-]*)$", re.IGNORECASE)


def sniff(text: str) -> float:
    """Confident when several header labels of such a page are present."""
    sample = text[:100_000]
    found = sum(1 for marker in PAGE_MARKERS if marker in sample)
    if found >= 3:
        return min(0.98, 0.6 + 0.1 * (found - 3))
    return 0.35 if found == 2 else 0.0


def read(text: str, name: str = "-") -> ReadResult:
    diagnostics: list[Diagnostic] = []
    lines = text.splitlines()
    if not text.strip():
        diagnostics.append(
            _diag(name, "RM001", "unreadable-input", Severity.ERROR, "empty input: no article page")
        )
        return ReadResult(Library(), diagnostics)
    list_start = _reference_list_start(lines)
    article = Article()
    vocabulary = words_of(text)
    abstract: list[str] = []
    for index, raw in enumerate(lines[: list_start - 1], start=1):
        line = raw.strip()
        if not line:
            continue
        if article.title is None and not _LABEL.match(line):
            article.title = clean_spaces(line)
        elif (label := _LABEL.match(line)) is not None:
            _header_field(article, _FIELD_OF[label["label"]], label["value"].strip(), vocabulary,
                          name, index, diagnostics)  # fmt: skip
        elif not _page_line(article, line, name, index, diagnostics):
            para = _PARAGRAPH.match(line)
            if para is not None and (abstract or article.abstract or article.keywords):
                article.excerpt.append(Paragraph(number=int(para["n"]), text=clean_spaces(para["text"])))
            else:
                abstract.append(clean_spaces(line))
    if abstract:
        article.abstract = _join(article.abstract, "\n\n".join(abstract))
    if article.excerpt:
        article.excerpt_language = script_language(" ".join(p.text for p in article.excerpt))
    article.author_known = bool(article.author)
    references = []
    if list_start <= len(lines):
        tail = ["" if _page_line(article, ln.strip(), name, i, diagnostics) else ln
                for i, ln in enumerate(lines[list_start - 1 :], start=list_start)]  # fmt: skip
        items, skipped, _ = split_items("\n" * (list_start - 1) + "\n".join(tail))
        for line_no, content in skipped:
            diagnostics.append(_diag(name, "RM007", "page-noise-skipped", Severity.INFO,
                                     f"not a reference, skipped: {content[:80]!r}", line_no))  # fmt: skip
        references = parse_items(items, name, diagnostics)
    else:
        diagnostics.append(_diag(name, "RM002", "unparsed-reference", Severity.WARNING,
                                 "no numbered reference list found on the page"))  # fmt: skip
    return ReadResult(Library(references=references, article=article), diagnostics)


def _reference_list_start(lines: list[str]) -> int:
    """The line where the reference list begins: the first "1." / "[1]" after the header."""
    for index, line in enumerate(lines, start=1):
        match = NUMBERED.match(line)
        if match is not None and (match["b"] or match["n"]) == "1":
            return index
    return len(lines) + 1


def _header_field(
    article: Article,
    field: str,
    value: str,
    vocabulary: set[str],
    name: str,
    line: int,
    out: list[Diagnostic],
) -> None:
    value = clean_spaces(value)
    if field == "keywords":
        for word in (w.strip().rstrip(".").strip() for w in re.split(r"[,;]", value)):
            if not word:
                continue
            fixed = repair_hyphenation(word, vocabulary)
            if fixed is not None:
                out.append(_diag(name, "RM003", "repaired-hyphenation", Severity.INFO,
                                 f"keyword {word!r} had a line-break hyphen; read as {fixed!r}", line))  # fmt: skip
                word = fixed
            article.keywords.append(word)
    elif field == "publication_date":
        article.publication_date = parse_date(value)
        if article.publication_date is None:
            out.append(_diag(name, "RM002", "unparsed-reference", Severity.WARNING,
                             f"publication date {value!r} is not a date refman reads", line))  # fmt: skip
    elif field == "characters":
        digits = re.sub(r"[\s\u00a0,.]", "", value)
        article.characters = int(digits) if digits.isdigit() else None
    elif field == "issue":
        match = _ISSUE_NUMBER.match(value)
        article.issue = match["n"] if match else value
    elif field == "author":
        names, _ = parse_name_list(value)
        article.author = names or None
    elif field == "abstract":
        article.abstract = _join(article.abstract, value) if value else article.abstract or ""
    else:
        setattr(article, field, value)


def _page_line(article: Article, line: str, name: str, index: int, out: list[Diagnostic]) -> bool:
    """Price, statistics and noise: taken or skipped (True), or not such a line (False)."""
    if not line:
        return False
    if PRICE.match(line):
        article.price = clean_spaces(line)
        line = f"{article.price} (kept as the article's price)"
    elif (match := PURCHASERS.match(line)) is not None:
        article.stats.purchasers, article.stats.views = int(match["p"]), int(match["v"])
        return True
    elif (match := RATING.match(line)) is not None:
        article.stats.rating_votes = int(match["n"])
        return True
    elif not NOISE.match(line):
        return False
    out.append(
        _diag(name, "RM007", "page-noise-skipped", Severity.INFO, f"page noise skipped: {line[:80]!r}", index)
    )
    return True


def _join(old: str | None, new: str) -> str:
    return f"{old}\n\n{new}" if old else new


def _diag(
    name: str, code: str, slug: str, severity: Severity, message: str, line: int | None = None
) -> Diagnostic:
    return Diagnostic(code, slug, severity, message, location=Location(name, line))
