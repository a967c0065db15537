"""The 修改对照表: a Word table of the reviewer's changes (序号 / 位置 / 原文 / 修改后 / 审阅人)."""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

from core.base.atomic import atomic_write_bytes
from core.draft.reviews import ACCEPTED, REJECTED
from core.review.change import MOVED, ROW_ADDED, ReviewChange

COLUMNS = ("序号", "位置", "原文", "修改后", "审阅人")
COLUMN_WIDTHS_CM = (1.4, 4.4, 4.4, 4.4, 1.9)  # 16.5 cm: the A4 text width with python-docx's margins
TITLE = "修改对照表"


DECISION_NOTES = {ACCEPTED: "【已接受】", REJECTED: "【未采纳】"}


def table_rows(
    changes: list[ReviewChange], decisions: dict[str, str] | None = None
) -> list[tuple[str, str, str, str, str]]:
    """One row per change, comments included (修改后 then holds the comment); with the
    clerk's ``decisions`` (change id → accepted / rejected) each decided row says which."""
    decisions = decisions or {}
    rows = []
    for number, change in enumerate(changes, 1):
        if change.is_comment:
            after = f"（批注）{change.new}"
        elif change.format_only:
            after = "（格式修改）"
        elif change.kind == MOVED and not change.new:
            after = "（移到别处）"
        elif change.kind == ROW_ADDED:
            after = f"（新增一行）{change.content}"
        else:
            after = change.new or "（删除）"
        if change.id in decisions:
            after += f"\n{DECISION_NOTES[decisions[change.id]]}"
        elif change.is_comment:
            # A comment also has a state: resolved in Word, or still for the clerk to handle.
            after += "\n【审阅人已标为已解决】" if change.done else "\n【待处理】"
        elif not change.applicable:
            after += f"\n【{change.reason}】"
        rows.append((str(number), f"{change.place}（{change.kind}）", change.old, after, change.author))
    return rows


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _cell_xml(value: str, width_twips: int) -> str:
    """One cell: its width, and its text with line breaks and tabs as Word keeps them."""
    lines = []
    for line in value.split("\n"):
        pieces = "<w:tab/>".join(f'<w:t xml:space="preserve">{escape(piece)}</w:t>' for piece in line.split("\t"))
        lines.append(pieces)
    text = "<w:br/>".join(lines)
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width_twips}" w:type="dxa"/></w:tcPr>'
        f"<w:p><w:r>{text}</w:r></w:p></w:tc>"
    )


def write_change_table(
    changes: list[ReviewChange], out: Path | str, title: str = TITLE, decisions: dict[str, str] | None = None
) -> None:
    """Write the table as .docx atomically (python-docx, the body font of the report)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    from core.ooxml.names import qn

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "FangSong"
    style.font.size = Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    heading = document.add_paragraph(title)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.runs[0].font.size = Pt(18)
    heading.runs[0].bold = True
    rows = table_rows(changes, decisions)
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    table.autofit = False
    widths = [Cm(width) for width in COLUMN_WIDTHS_CM]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # LibreOffice reads the grid's widths, Word the cells'
    for cell, label, width in zip(table.rows[0].cells, COLUMNS, widths, strict=True):
        cell.text = label
        cell.width = width
        cell.paragraphs[0].runs[0].bold = True
    # The rows as XML, parsed at once: python-docx builds each cell element by element
    # (about half a millisecond a cell), and finds a row's cells by walking the whole table.
    twips = [int(width.twips) for width in widths]
    rows_xml = "".join(
        "<w:tr>" + "".join(_cell_xml(value, width) for value, width in zip(values, twips, strict=True)) + "</w:tr>"
        for values in rows
    )
    holder = etree.fromstring(f'<w:tbl xmlns:w="{W_NS}">{rows_xml}</w:tbl>')
    table._tbl.extend(list(holder))
    buffer = io.BytesIO()
    document.save(buffer)
    atomic_write_bytes(out, buffer.getvalue())
