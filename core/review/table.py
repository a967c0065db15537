"""The 修改对照表: a Word table of the reviewer's changes (序号 / 位置 / 原文 / 修改后 / 审阅人)."""

from __future__ import annotations

import io
from pathlib import Path

from core.base.atomic import atomic_write_bytes
from core.draft.reviews import ACCEPTED, REJECTED
from core.review.change import MOVED, ReviewChange

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
        else:
            after = change.new or "（删除）"
        if change.id in decisions:
            after += f"\n{DECISION_NOTES[decisions[change.id]]}"
        elif not change.applicable:
            after += f"\n【{change.reason}】"
        rows.append((str(number), f"{change.place}（{change.kind}）", change.old, after, change.author))
    return rows


def write_change_table(
    changes: list[ReviewChange], out: Path | str, title: str = TITLE, decisions: dict[str, str] | None = None
) -> None:
    """Write the table as .docx atomically (python-docx, the body font of the report)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt
    from docx.table import _Cell

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
    # Row by row on the XML: python-docx finds a row's cells by walking the whole table, so
    # filling thousands of rows through table.rows[k].cells takes time growing with their square.
    grid = table._tbl
    for values in rows:
        tr = grid.add_tr()
        for value, width in zip(values, widths, strict=True):
            tc = tr.add_tc()
            tc.width = width
            _Cell(tc, table).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    atomic_write_bytes(out, buffer.getvalue())
