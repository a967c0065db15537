"""Section tables in the Word file (GB/T 9704 style), built after docxtpl has rendered.

docxtpl first writes each table row as a body paragraph of tab-joined cells, so the
nothing-lost check (:func:`core.render.fixups.missing_paragraphs`) proves every row
arrived; :func:`build_tables` then replaces each run of row paragraphs with a ``w:tbl``
in the named table style 公文表格: full single borders, width of the 156 mm text block,
fixed layout, header rows repeated on each page (``w:tblHeader``), rows kept whole
(``w:cantSplit``), cells in 表格文字.

Column widths come from :mod:`core.render.table_widths` (no Word parts: the table editor shows them).
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from core.draft.tables import Table
from core.ooxml.names import qn
from core.render.fixups import paragraph_text
from core.render.styles import TABLE_PT, TABLE_STYLE_ID, TABLE_STYLE_NAME, PageSetup
from core.render.table_widths import column_widths

W_P = qn("w:p")
BORDER_SIZE = 4  # eighths of a point: a 0.5 pt single line
_BORDERS = ("top", "left", "bottom", "right", "insideH", "insideV")


def _w(tag: str, **attrs: str | int) -> etree._Element:
    element = etree.Element(qn(f"w:{tag}"))
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


def _sub(parent: etree._Element, tag: str, **attrs: str | int) -> etree._Element:
    child = _w(tag, **attrs)
    parent.append(child)
    return child


def table_style_xml(fonts_xml: str) -> str:
    """The 公文表格 table style for ``styles.xml`` (a unit may restyle it by name);
    ``fonts_xml`` is the scheme's 仿宋 ``w:rFonts`` (cells also carry 表格文字)."""
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="{BORDER_SIZE}" w:space="0" w:color="000000"/>' for side in _BORDERS
    )
    return (
        f'<w:style w:type="table" w:customStyle="1" w:styleId="{TABLE_STYLE_ID}">'
        f'<w:name w:val="{TABLE_STYLE_NAME}"/><w:basedOn w:val="TableNormal"/><w:qFormat/>'
        f'<w:rPr>{fonts_xml}<w:sz w:val="{round(TABLE_PT * 2)}"/><w:szCs w:val="{round(TABLE_PT * 2)}"/></w:rPr>'
        f"<w:tblPr><w:jc w:val=\"center\"/><w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr></w:style>"
    )


def table_style_id(styles_root: etree._Element) -> str | None:
    """The template's ID of 公文表格, found by name (an office suite may rename the ID)."""
    for style in styles_root.iter(qn("w:style")):
        name = style.find(qn("w:name"))
        if style.get(qn("w:type")) == "table" and name is not None and name.get(qn("w:val")) == TABLE_STYLE_NAME:
            return style.get(qn("w:styleId"))
    return None


def table_element(table: Table, table_style: str | None, cell_style: str | None) -> etree._Element:
    """A ``w:tbl`` for ``table`` as wide as the text block, columns sized from their text."""
    grid = table.grid()
    columns = max(1, table.column_count)
    widths = column_widths(table, PageSetup().text_width)
    tbl = _w("tbl")
    properties = _sub(tbl, "tblPr")
    if table_style:
        _sub(properties, "tblStyle", val=table_style)
    _sub(properties, "tblW", w=sum(widths), type="dxa")
    _sub(properties, "tblLayout", type="fixed")
    if not table_style:  # a template without our style still gets the borders
        borders = _sub(properties, "tblBorders")
        for side in _BORDERS:
            _sub(borders, side, val="single", sz=BORDER_SIZE, space=0, color="000000")
    _sub(properties, "tblLook", val="0000", firstRow=0, lastRow=0, firstColumn=0, lastColumn=0, noHBand=1, noVBand=1)
    columns_element = _sub(tbl, "tblGrid")
    for width in widths:
        _sub(columns_element, "gridCol", w=width)
    for row_index, row in enumerate(grid):
        tr = _sub(tbl, "tr")
        row_properties = _sub(tr, "trPr")
        _sub(row_properties, "cantSplit")  # a row never breaks across pages
        if row_index < table.header_rows:
            _sub(row_properties, "tblHeader")
        for column, text in enumerate(row):
            merge = table.covering(row_index, column)
            if merge is not None and column != merge[1]:
                continue  # inside a merged cell's columns: Word counts them in its w:gridSpan
            span = min(merge[2] if merge else 1, columns - column)
            tc = _sub(tr, "tc")
            cell_properties = _sub(tc, "tcPr")
            _sub(cell_properties, "tcW", w=sum(widths[column : column + span]), type="dxa")
            if span > 1:
                _sub(cell_properties, "gridSpan", val=span)
            if merge is not None and merge[3] > 1:  # spanning rows: its first row restarts, the rest continue
                if merge[0] == row_index:
                    _sub(cell_properties, "vMerge", val="restart")
                else:
                    _sub(cell_properties, "vMerge")
            _sub(cell_properties, "vAlign", val="center")
            shown = text if merge is None or merge[0] == row_index else ""
            tc.extend(_cell_paragraph(line, cell_style) for line in shown.split("\n"))
    return tbl


def _cell_paragraph(text: str, cell_style: str | None) -> etree._Element:
    """One line of a cell: a cell's lines are paragraphs, as Word writes a cell where Enter
    was pressed (a "\n" inside w:t would print as a space)."""
    paragraph = _w("p")
    if cell_style:
        _sub(_sub(paragraph, "pPr"), "pStyle", val=cell_style)
    if text:
        run = _sub(paragraph, "r")
        t = _sub(run, "t")
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return paragraph


def build_tables(
    body: etree._Element,
    expected: list[str],
    tables: Iterable[tuple[int, Table]],
    table_style: str | None,
    cell_style: str | None,
) -> list[etree._Element]:
    """Replace each table's row paragraphs (``expected[first:first + rows]``) by a ``w:tbl``.

    Rendered paragraphs are matched to ``expected`` in order, as the nothing-lost check
    does; a table whose rows cannot all be found is left as its row paragraphs.
    """
    rendered = iter(list(body.iter(W_P)))
    found: dict[int, etree._Element] = {}
    for index, text in enumerate(expected):
        for candidate in rendered:
            if paragraph_text(candidate) == text:
                found[index] = candidate
                break
    built: list[etree._Element] = []
    for first, table in tables:
        rows = [found.get(i) for i in range(first, first + len(table.rows))]
        if not rows or any(row is None for row in rows):
            continue
        tbl = table_element(table, table_style, cell_style)
        rows[0].addprevious(tbl)
        for row in rows:
            row.getparent().remove(row)
        built.append(tbl)
    return built
