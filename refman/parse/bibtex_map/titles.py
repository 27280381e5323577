"""The title converters: a title with its subtitle, and the multi-volume work.

``maintitle`` (with ``mainsubtitle``) is the whole work: CSL ``title`` for a volume, with the
volume's own title in ``volume-title``; for a part (@inbook, @incollection…) it is the
``container-title``, with the volume's ``booktitle`` in ``volume-title`` (CSL 1.0.2 defines
``volume-title`` as the title of one volume of a multi-volume work).
"""

from __future__ import annotations

from ..latex import to_unicode
from .context import Reading, Writing

#: Entry types that are part of a book: their container is the book, ``booktitle``.
PART_TYPES = frozenset("inbook bookinbook suppbook incollection suppcollection inproceedings "
                       "inreference conference".split())  # fmt: skip


#: The key in ``unmapped`` saying which variable holds a ``maintitle`` that came alone (a
#: volume without a title of its own): the writer writes it back as ``maintitle``.
MAIN_KEY = "main-title-of"


def is_part(etype: str) -> bool:
    return etype in PART_TYPES


def titled(raw: str, subtitle: str | None) -> str:
    """A title with its subtitle, as one CSL title ("Title: Subtitle")."""
    title = to_unicode(raw)
    if not subtitle:
        return title
    sub = to_unicode(subtitle)
    return f"{title} {sub}" if title.endswith(("?", "!", ":")) else f"{title}: {sub}"


def read_main(entry: Reading) -> None:
    """``maintitle`` as the title (of a part: the container), the volume's in ``volume-title``."""
    main = entry.fields.get("maintitle")
    if not main or "volume-title" in entry.data:
        return
    sub = entry.fields.get("mainsubtitle")
    value = titled(main, sub)
    target = "container-title" if is_part(entry.etype) else "title"
    data, latex = entry.data, entry.latex  # type: ignore[attr-defined]
    if target in data and data[target] != value:  # (the whole's title again is no volume's)
        data["volume-title"] = data.pop(target)
        if target in latex:
            latex["volume-title"] = latex.pop(target)
    if target not in data:  # the whole's title alone: remembered, to be written as maintitle
        entry.unmapped[MAIN_KEY] = target
    data[target] = value
    for field in ("maintitle", "mainsubtitle"):
        entry.unmapped.pop(field, None)
        source = latex.pop("unmapped:" + field, None)
        if field == "maintitle" and source is not None and not sub:
            latex[target] = source


def write_titles(out: Writing) -> None:
    """``title``, and ``maintitle`` where the record is one volume of a whole (not a part:
    the container converter writes a part's)."""
    ref = out.ref
    if ref.unmapped.get(MAIN_KEY) == "title" and not ref.volume_title and ref.title:
        out.add("maintitle", out.var("title", title=True))
    elif ref.volume_title and not is_part(out.etype):
        out.add("title", out.var("volume-title", title=True))
        if ref.title:
            out.add("maintitle", out.var("title", title=True))
    elif ref.title:
        out.add("title", out.var("title", title=True))


def write_part_titles(out: Writing, field: str) -> bool:
    """A part of one volume of a whole: ``booktitle`` the volume, ``maintitle`` the whole."""
    ref = out.ref
    if ref.unmapped.get(MAIN_KEY) == "container-title" and not ref.volume_title and is_part(out.etype):
        out.add("maintitle", out.var("container-title", title=True))
        return True
    if not (ref.volume_title and is_part(out.etype)):
        return False
    out.add(field, out.var("volume-title", title=True))
    if ref.container_title:
        out.add("maintitle", out.var("container-title", title=True))
    return True
