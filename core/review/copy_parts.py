"""What a reviewed copy is beside its paragraphs: the kind of file its first bytes say, the
sent version its custom property names, where a table cell's paragraph stands."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from core.office.formats import Signature
from core.ooxml.guards import SafeZip, parse_xml_lenient
from core.ooxml.word_names import WordNames
from core.render.sent_mark import CUSTOM_PART, SENT_PROPERTY, SENT_TEXT_PROPERTY

NOT_A_DOCUMENT = (
    "文件内容不像 Word/WPS 文档（扩展名是 {suffix}，内容却不是这种格式，可能已损坏或并非文档）。"
    "请在 Word 或 WPS 中打开它，确认是领导的审阅稿后另存为 .docx 再试。"
)
# What each older format's file begins with (Word and WPS write .doc/.wps as compound files,
# and Word saves RTF under .doc too).
LEGACY_SIGNATURES = {
    ".doc": (Signature.OLE, Signature.RTF),
    ".dot": (Signature.OLE, Signature.RTF),
    ".wps": (Signature.OLE, Signature.RTF),
    ".wpt": (Signature.OLE, Signature.RTF),
    ".rtf": (Signature.RTF,),
    ".odt": (Signature.ZIP,),
}
_WEB_PAGE_STARTS = (b"<html", b"<!doctype", b"<?xml", b"<head", b"<meta", b"mime-version")


def looks_like_web_page(head: bytes) -> bool:
    """A web page saved as .doc (Word's 网页 formats): LibreOffice reads those as documents."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith(_WEB_PAGE_STARTS)


def sent_properties(package: SafeZip, shown: Path) -> dict[str, str]:
    """The custom document properties the export wrote (core.render.sent_mark): the draft
    version this copy was exported from and the digest of its words, by name."""
    member = package.find(CUSTOM_PART)
    if member is None:
        return {}
    root = parse_xml_lenient(shown, package.read(member))
    if root is None:
        return {}
    return {
        str(element.get("name")): "".join(element.itertext()).strip()
        for element in root
        if element.get("name") in (SENT_PROPERTY, SENT_TEXT_PROPERTY)
    }


def row_struck(p: etree._Element, n: WordNames) -> bool:
    """Whether the table row holding ``p`` is a tracked deletion (the row itself, not only
    its text: w:tr/w:trPr/w:del)."""
    row = p.getparent()
    while row is not None and row.tag != n.tr:
        row = row.getparent()
    properties = row.find(n.trPr) if row is not None else None
    return properties is not None and properties.find(getattr(n, "del")) is not None


def cell_of(
    p: etree._Element, n: WordNames, body: etree._Element, tables: dict[etree._Element, tuple[int, dict[etree._Element, int]]]
) -> tuple[int, int, int] | None:
    """(table, row, grid column) of a paragraph in a cell of a table of the body itself
    (tables counted in reading order); None inside a table nested in a cell."""
    cell = p.getparent()
    while cell is not None and cell.tag != n.tc:
        cell = cell.getparent()
    row = cell.getparent() if cell is not None else None
    while row is not None and row.tag != n.tr:
        row = row.getparent()
    table = row.getparent() if row is not None else None
    while table is not None and table.tag != n.tbl:
        table = table.getparent()
    if cell is None or row is None or table is None or inside(table, n.tc, body):
        return None
    if table not in tables:
        own_rows = [r for r in table.iter(n.tr) if not inside(r, n.tc, table)]
        tables[table] = (len(tables), {r: k for k, r in enumerate(own_rows)})
    number, rows = tables[table]
    column = 0
    for sibling in row.iter(n.tc):
        if sibling is cell:
            break
        if inside(sibling, n.tc, row):
            continue  # a cell of a table nested in this row's cells
        column += _grid_span(sibling, n)
    return number, rows[row], column


def _grid_span(cell: etree._Element, n: WordNames) -> int:
    properties = cell.find(n.tcPr)
    span = properties.find(n.gridSpan) if properties is not None else None
    try:
        return max(1, int(span.get(n.val, "1"))) if span is not None else 1
    except ValueError:
        return 1


def inside(element: etree._Element, tag: str, stop: etree._Element) -> bool:
    """Whether ``element`` sits in a ``tag`` element (a text box, a table cell) below ``stop``."""
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False
