"""A long table measured on LibreOffice's PDF: its header row repeats on the next page,
and it is as wide as the 156 mm text block."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.draft.model import Report, Section
from core.draft.tables import Table
from tests.pdf_layout import TEXT_LEFT_MM, TEXT_WIDTH_MM, page_count, page_text, page_words, render_pdfs

pytestmark = [
    pytest.mark.skipif(shutil.which("soffice") is None, reason="未安装 LibreOffice（soffice），跳过 PDF 检查"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="未安装 poppler-utils，跳过 PDF 检查"),
]


def test_header_row_repeats_on_the_second_page(tmp_path: Path) -> None:
    rows = [["序号", "工作项目", "完成情况"]] + [[str(i), f"第{i}项重点工作", "已完成"] for i in range(1, 41)]
    section = Section(heading="完成情况", body=["上半年各项工作完成情况见下表。"])
    section.tables.append(Table(rows=rows, header_rows=1, after_body=1))
    report = Report(kind="half_year_summary", title="某区2024年上半年工作总结", sections=[section])
    pdf = render_pdfs({"long_table": report}, tmp_path)["long_table"]
    assert page_count(pdf) >= 2
    first, second = page_text(pdf, 1), page_text(pdf, 2)
    assert "工作项目" in first and "第1项重点工作" in first
    assert "第40项重点工作" not in first
    assert "工作项目" in second  # the header row, repeated by w:tblHeader
    assert "第40项重点工作" in second
    # The header cell "序号" starts inside the left edge of the text block, and the last
    # column's text ends inside its right edge.
    header = next(w for w in page_words(pdf, 2) if w.text == "序号")
    assert TEXT_LEFT_MM <= header.x0 < TEXT_LEFT_MM + TEXT_WIDTH_MM / 3
    done = [w for w in page_words(pdf, 2) if w.text == "已完成"]
    assert done and max(w.x1 for w in done) <= TEXT_LEFT_MM + TEXT_WIDTH_MM + 0.5
