"""A bibliography as a Word document: one numbered list with hanging indents, nothing else.

Written with python-docx from its blank template. The numbers are Word's own list numbering
(one decimal level, "1." then a tab, the text hanging from the tab stop), not typed digits,
so Word, LibreOffice and pandoc all read a numbered list; fonts are the style's (italics
where it sets them). The bytes depend on the input only: the template's metadata and the zip
members' timestamps are fixed, so the same input gives the same file.
"""

from __future__ import annotations

import io
import zipfile

from .runs import from_html

#: Twentieths of a point (1,440 a inch): the text starts 1 cm in, the number hangs in that
#: centimetre (room for "9999.").
INDENT = 567
#: A fixed time for the zip members and the document's dates (the zip format's first day).
_EPOCH = (1980, 1, 1, 0, 0, 0)
_NUM_ID = 90  # above the template's own numbering definitions


def write(entries: list[tuple[str, int, str]]) -> bytes:
    """``entries`` (id, number, text rendered as citeproc-py HTML) as a .docx file's bytes."""
    from datetime import UTC, datetime

    from docx import Document

    document = Document()
    props = document.core_properties
    props.author = props.comments = props.last_modified_by = props.title = ""
    props.created = props.modified = datetime(*_EPOCH, tzinfo=UTC)
    props.revision = 1
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):  # the template's picture of its own first page
            del package.rels[rel_id]
    body = document.element.body
    for paragraph in list(body.iterchildren()):
        if not paragraph.tag.endswith("}sectPr"):
            body.remove(paragraph)
    _numbering(document)
    for _, _, text in entries:
        paragraph = document.add_paragraph()
        _number(paragraph)
        for piece in from_html(text):
            run = paragraph.add_run(piece.text)
            run.italic = "italic" in piece.fonts or None
            run.bold = "bold" in piece.fonts or None
            run.font.small_caps = "small_caps" in piece.fonts or None
            run.underline = "underline" in piece.fonts or None
            run.font.superscript = "superscript" in piece.fonts or None
            run.font.subscript = "subscript" in piece.fonts or None
    out = io.BytesIO()
    document.save(out)
    return _fixed_times(out.getvalue())


def _numbering(document: object) -> None:
    """One numbering definition: decimal from 1, "%1." and a tab, hanging by INDENT."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{_NUM_ID}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{INDENT}"/></w:tabs>'
        f'<w:ind w:left="{INDENT}" w:hanging="{INDENT}"/></w:pPr></w:lvl></w:abstractNum>'
    )
    numbering.insert(0, abstract)  # every abstractNum comes before the first num
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="{_NUM_ID}"><w:abstractNumId w:val="{_NUM_ID}"/></w:num>')
    )


def _number(paragraph: object) -> None:
    """Make the paragraph an item of the list, its indents set on the paragraph as well (a
    reader that ignores numbering definitions still shows the hanging indent)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    ppr.append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{_NUM_ID}"/></w:numPr>')
    )
    ppr.append(parse_xml(f'<w:ind {nsdecls("w")} w:left="{INDENT}" w:hanging="{INDENT}"/>'))


def _fixed_times(data: bytes) -> bytes:
    """The same zip with every member dated _EPOCH (python-docx stamps the time of writing)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
