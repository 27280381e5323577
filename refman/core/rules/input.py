"""RM0xx input: what readers notice while reading. Documented here, emitted by the readers."""

from __future__ import annotations

from ...diagnostics import FixSafety, Severity
from .registry import reader_rule

reader_rule(
    "RM001",
    "unreadable-input",
    Severity.ERROR,
    """An input, or one item in it, that cannot be read.

    What it checks:
        Emitted by every reader: invalid JSON or BibTeX syntax, an empty input, an item that
        is not a record. The reader reports it with its line and goes on with the rest.
    Why it matters:
        A record that was not read is missing from everything that follows; when nothing at
        all could be read, the command stops with exit status 2.
    Example:
        A CSL-JSON array with one item written as a bare string: that item is reported and
        skipped, the others are read.
    Fix safety:
        No fix: the input must be corrected by hand.
    """,
)

reader_rule(
    "RM002",
    "unparsed-reference",
    Severity.WARNING,
    """A reference list entry that could not be split into fields.

    What it checks:
        Emitted by the free-text readers (reference lists, article pages) when an entry
        matches none of the forms they know (it is kept whole as the title), or when text of
        an entry went into no field (a second page range, a second publisher): that text is
        kept in `unmapped` ("unparsed") and quoted in the message, so nothing is lost.
    Why it matters:
        An unparsed entry has no author, date or outlet of its own: styles cannot format it
        and the other rules cannot check it.
    Example:
        "14. ???" in a numbered list.
    Fix safety:
        No fix: split the entry by hand or rewrite it in a form the reader knows.
    """,
)

reader_rule(
    "RM003",
    "repaired-hyphenation",
    Severity.INFO,
    """A word broken by a line-end hyphen that the reader joined again.

    What it checks:
        Emitted by the free-text readers when a hyphen at a line break (or inside a word
        that occurs unbroken elsewhere in the same input, like "sanc-tions") is removed.
    Why it matters:
        Copied PDFs and web pages keep hyphenation; the repair is reported so that it can be
        checked. Rule RM206 finds the same debris in data read from other formats.
    Example:
        "sanc-tions" read as "sanctions".
    Fix safety:
        Applied by the reader when the joined word is attested in the same input.
    """,
    FixSafety.SAFE,
)

reader_rule(
    "RM004",
    "ambiguous-date-resolved",
    Severity.WARNING,
    """A slash date that fits two readings, read by the list's convention.

    What it checks:
        Emitted by the free-text readers for a date like "02/01/2019" whose two fields are
        both 12 or less: it is read by the convention that other dates in the same input
        prove (a "06/28/2021" proves month/day), and the evidence is recorded.
    Why it matters:
        Month/day and day/month give different dates; the reading must be checked, never
        silently guessed. `refman validate` reports the same finding as RM401 (with the
        reference's id), so RM004 shows only in the read diagnostics of other commands.
    Example:
        "02/01/2019" read as 1 February 2019 because "06/28/2021" in the same list.
    Fix safety:
        No fix: confirm the date against the source.
    """,
)

reader_rule(
    "RM005",
    "undated-ambiguous-date",
    Severity.WARNING,
    """A slash date that fits two readings, with no evidence to choose one.

    What it checks:
        Emitted by the free-text readers when a date like "03/04/2020" is ambiguous and no
        other date in the input proves the convention. The date is kept as text only.
    Why it matters:
        Guessing would put a wrong date in the record in one case out of two.
    Example:
        A list whose only slash date is "03/04/2020".
    Fix safety:
        No fix: write the date unambiguously (2020-03-04 or 4 March 2020).
    """,
)

reader_rule(
    "RM007",
    "page-noise-skipped",
    Severity.INFO,
    """Text on an article page that is not bibliographic data and was skipped.

    What it checks:
        Emitted by the article-page reader for page furniture: subscription notices, view
        counters, ratings, widgets ("Система Orphus").
    Why it matters:
        It tells what was left out, so that nothing is dropped without a word.
    Example:
        "Number of purchasers: 1, views: 429".
    Fix safety:
        No fix needed. Not reported by `refman validate` unless selected (--select RM007):
        skipped furniture is not a problem of the data.
    """,
    default=False,
)

reader_rule(
    "RM008",
    "input-structure",
    Severity.WARNING,
    """A structural slip in a structured input that the reader worked around.

    What it checks:
        Emitted by the BibTeX, RIS and CSL-JSON readers: a duplicate field or key, a RIS
        record without its ER line, text outside a record, a tag before TY, NUL bytes.
    Why it matters:
        The reader's choice (the first of two fields, a record closed at the next TY) may not
        be what the author of the file meant; it is said, so that it can be checked.
    Example:
        A BibTeX entry with two `title` fields: the first is used, and this is reported.
    Fix safety:
        No fix: correct the input file by hand.
    """,
)

reader_rule(
    "RM009",
    "input-data",
    Severity.WARNING,
    """A value in a structured input that refman could not use as given, and kept aside.

    What it checks:
        Emitted by the BibTeX, RIS and CSL-JSON readers: an undefined @string macro, a missing
        crossref or xdata parent, an unknown RIS type, a CSL value of the wrong kind (a
        fractional volume, an author given as a string).
    Why it matters:
        The value is kept (in `unmapped`, or as text) so nothing is lost, but it does not
        take part in formatting and checking until it is corrected.
    Example:
        `journal = jasa` where no `@string{jasa = …}` is defined: kept as the text "jasa".
    Fix safety:
        No fix: define the macro or correct the value by hand.
    """,
)
