"""Section tables in the Word file (GB/T 9704 style), built after docxtpl has rendered.

docxtpl first writes each table row as a body paragraph of tab-joined cells, so the
nothing-lost check (:func:`core.render.fixups.missing_paragraphs`) proves every row
arrived; :func:`build_tables` then replaces each run of row paragraphs with a ``w:tbl``
in the named table style 公文表格: full single borders, width of the 156 mm text block,
fixed layout, header rows repeated on each page (``w:tblHeader``), rows kept whole
(``w:cantSplit``), cells in 表格文字.

Columns are sized from their text (:func:`column_widths`), as a browser sizes an automatic
table: each column wants its longest cell on one line; if all fit, the 156 mm are shared
in proportion to those widths among the columns of text (a 序号 column, numbers only,
keeps its own width); if not, each column keeps at
least its header, its short cells (a date, a name) and its longest number or Latin word unbroken and the rest of the width
goes to the columns with the most text to wrap. A width the clerk set in the table editor
(``Table.column_widths``) is kept, and the other columns share what it leaves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from core.draft.tables import Table
from core.ooxml.names import qn
from core.render.fixups import paragraph_text
from core.render.styles import (
    LIBREOFFICE_SCRIPT_GAP_EM,
    TABLE_PT,
    TABLE_STYLE_ID,
    TABLE_STYLE_NAME,
    TWIPS_PER_MM,
    TWIPS_PER_PT,
    PageSetup,
    mm,
)
from core.render.title import char_width, text_width

W_P = qn("w:p")
BORDER_SIZE = 4  # eighths of a point: a 0.5 pt single line
_BORDERS = ("top", "left", "bottom", "right", "insideH", "insideV")
CELL_MARGIN = 108  # twips each side (the style's w:tblCellMar)
SHORT_CELL_CHARS = 8  # a cell this short (a date, a name) is not broken while the table has room
_UNBREAKABLE = re.compile(r"[0-9A-Za-z.%％\-/:]+")


def text_width_twips(text: str, size_pt: float = TABLE_PT) -> int:
    """``text`` on one line, in twips, as LibreOffice prints it (its gap between digits or
    Latin and Chinese included: the wider of the two programs)."""
    em = size_pt * TWIPS_PER_PT
    width, previous = 0.0, None
    for ch in text:
        wide = char_width(ch) == 1.0
        width += em * char_width(ch)
        if previous is not None and wide != previous:
            width += LIBREOFFICE_SCRIPT_GAP_EM * em
        previous = wide
    return round(width)


def column_widths(table: Table, total: int) -> list[int]:
    """Twips of each column, summing to ``total`` (see the module's docstring).

    A width the clerk set (``Table.column_widths``, mm) is kept as set while the columns
    sized from their text keep at least one character; the set widths are narrowed in
    proportion when they leave less. With every column set, they are widened or narrowed
    in proportion to fill the block: a 公文 table is as wide as the text.
    """
    columns = max(1, table.column_count)
    natural, floor, numbers_only = _wanted_widths(table, columns)
    chosen = {c: mm(table.width_set(c)) for c in range(columns) if table.width_set(c) > 0}
    if not chosen:
        return _rounded(_shared(natural, floor, numbers_only, total), total, columns)
    automatic = [c for c in range(columns) if c not in chosen]
    least = round(TABLE_PT * TWIPS_PER_PT) + 2 * CELL_MARGIN  # one character and the margins
    room = total - least * len(automatic)
    if not automatic or sum(chosen.values()) > room:
        scale = (room if automatic else total) / sum(chosen.values())
        chosen = {c: w * scale for c, w in chosen.items()}
    widths: list[float] = [0.0] * columns
    for c, width in chosen.items():
        widths[c] = width
    if automatic:
        shared = _shared(
            [natural[c] for c in automatic], [floor[c] for c in automatic],
            [numbers_only[c] for c in automatic], total - sum(chosen.values()),
        )  # fmt: skip
        for c, width in zip(automatic, shared, strict=True):
            widths[c] = width
    return _rounded(widths, total, columns)


def _wanted_widths(table: Table, columns: int) -> tuple[list[float], list[float], list[bool]]:
    """Per column: its text on one line, the least it may be, and whether it holds numbers only."""
    natural, floor = [0.0] * columns, [0.0] * columns
    numbers_only = [True] * columns  # 序号-like: numbers or Latin words only under the header
    for row_index, row in enumerate(table.grid()):
        for column, text in enumerate(row[:columns]):
            if table.merge_at(row_index, column) != 1:
                continue  # a merged cell spans several columns: it sizes none of them
            if row_index >= table.header_rows and text.strip() and not _UNBREAKABLE.fullmatch(text.strip()):
                numbers_only[column] = False
            lines = text.split("\n")
            natural[column] = max(natural[column], *(text_width_twips(line) for line in lines))
            if row_index < table.header_rows:
                keep = [text_width_twips(line) for line in lines]
            else:  # numbers, Latin words and short phrases (a date, a name) stay whole
                keep = [text_width_twips(word) for line in lines for word in _UNBREAKABLE.findall(line)]
                keep += [text_width_twips(line) for line in lines if text_width(line) <= SHORT_CELL_CHARS]
            floor[column] = max(floor[column], *keep, round(TABLE_PT * TWIPS_PER_PT))  # at least one character
    natural = [max(n, f) + 2 * CELL_MARGIN for n, f in zip(natural, floor, strict=True)]
    floor = [f + 2 * CELL_MARGIN for f in floor]
    for row_index, row in enumerate(table.grid()):  # a merged cell's text on one line over its columns
        for column, text in enumerate(row[:columns]):
            span = min(table.merge_at(row_index, column), columns - column)
            if span > 1:
                need = max(text_width_twips(line) for line in text.split("\n")) + 2 * CELL_MARGIN
                short = need - sum(natural[column : column + span])
                for covered in range(column, column + span):
                    natural[covered] += max(0, short) / span
    return natural, floor, numbers_only


def _shared(natural: list[float], floor: list[float], numbers_only: list[bool], total: float) -> list[float]:
    """``total`` shared among columns that want ``natural`` and need at least ``floor``."""
    if sum(natural) <= total:  # the room left goes to the columns of text, a 序号 stays narrow
        growing = [n if not numbers_only[c] else 0 for c, n in enumerate(natural)]
        if not any(growing):
            growing = natural
        return [n + (total - sum(natural)) * g / sum(growing) for n, g in zip(natural, growing, strict=True)]
    if sum(floor) < total:
        spare, wrap = total - sum(floor), [n - f for n, f in zip(natural, floor, strict=True)]
        return [f + spare * w / sum(wrap) for f, w in zip(floor, wrap, strict=True)]
    return [total * f / sum(floor) for f in floor]


def _rounded(widths: list[float], total: int, columns: int) -> list[int]:
    """Whole twips summing to ``total``: the rounding goes to the widest column."""
    rounded = [round(w) for w in widths]
    rounded[max(range(columns), key=lambda c: rounded[c])] += total - sum(rounded)
    return rounded


def printed_widths_mm(table: Table) -> list[float]:
    """Each column's width on paper, in mm, as the Word file will have it (the editor shows them)."""
    return [round(w / TWIPS_PER_MM, 1) for w in column_widths(table, PageSetup().text_width)]


def text_block_mm() -> float:
    """The width a table fills: GB/T 9704's 156 mm text block."""
    return round(PageSetup().text_width / TWIPS_PER_MM, 1)


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
