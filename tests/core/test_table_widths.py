"""Column widths the clerk sets in the table editor (issue 21, point 7): draft data kept by
the draft file, rendered into w:tblGrid/w:tcW, and measured on LibreOffice's PDF."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import docx
import pytest
from lxml import etree

from core.base.errors import DraftFileError
from core.draft.draft_file import dumps, loads
from core.draft.model import Report, Section
from core.draft.tables import Table
from core.render.engine import render_document
from core.render.table_widths import column_widths, printed_widths_mm
from tests.pdf_layout import (
    TEXT_LEFT_MM,
    TEXT_WIDTH_MM,
    page_count,
    page_text,
    page_vertical_lines,
    render_pdfs,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
TEXT_BLOCK = 8845  # twips: 210 − 28 − 26 mm, each side rounded to twips first (11906 − 1587 − 1474)
ROWS = [["序号", "重点任务", "责任单位"], ["1", "培训计划", "组织科"]]


def _table(widths: list[float] | None = None) -> Table:
    return Table(rows=[list(row) for row in ROWS], header_rows=1, after_body=1, column_widths=widths or [])


def _report(table: Table) -> Report:
    section = Section(heading="完成情况", body=["上半年各项工作完成情况见下表。"], tables=[table])
    return Report(kind="half_year_summary", title="某区2024年上半年工作总结", sections=[section])


# ---------------------------------------------------------------- the draft data


def test_setting_a_width_keeps_the_others_automatic_and_zero_clears_it() -> None:
    table = _table()
    wide = table.with_width(0, 20.04)
    assert wide.column_widths == [20.0, 0.0, 0.0]  # a tenth of a millimetre is enough
    assert table.column_widths == []  # a copy: the draft's table is not touched
    assert wide.width_set(0) == 20.0 and wide.width_set(2) == 0.0 and wide.width_set(7) == 0.0
    assert wide.with_width(0, 0).column_widths == []  # all automatic again: one way to say it
    assert wide.automatic_widths().column_widths == []


def test_adding_and_removing_columns_carries_the_widths() -> None:
    wide = _table([20.0, 0.0, 35.5])
    assert wide.resized(0, 1).column_widths == [20.0, 0.0, 35.5, 0.0]
    assert wide.resized(0, -1).column_widths == [20.0, 0.0]
    assert _table([0.0, 0.0, 35.5]).resized(0, -1).column_widths == []  # only the removed one was set
    assert wide.resized(1, 0).rows == [*ROWS, ["", "", ""]] and wide.resized(1, 0).column_widths == wide.column_widths


def test_widths_survive_the_draft_file_and_are_left_out_when_automatic() -> None:
    report = _report(_table([20.0, 0.0, 35.5]))
    text = dumps(report)
    assert json.loads(text)["report"]["sections"][0]["tables"][0]["column_widths"] == [20.0, 0.0, 35.5]
    again = loads(text)
    assert again.sections[0].tables[0].column_widths == [20.0, 0.0, 35.5]
    assert dumps(again) == text
    assert "column_widths" not in json.loads(dumps(_report(_table())))["report"]["sections"][0]["tables"][0]


@pytest.mark.parametrize("bad", [[-1], ["20"], [True], [1e9], [float("nan")]])
def test_a_bad_width_in_a_draft_file_is_a_clear_error(bad: list[object]) -> None:
    table = {"rows": ROWS, "column_widths": bad}
    payload = {"format": "baogao-draft", "version": 4, "report": {"sections": [{"heading": "一", "tables": [table]}]}}
    with pytest.raises(DraftFileError) as caught:
        loads(json.dumps(payload, ensure_ascii=False), "坏.draft.json")
    assert "第1部分的第1个表格第1列的列宽" in str(caught.value) and "毫米" in str(caught.value)


# ---------------------------------------------------------------- the widths in twips


def test_a_set_width_is_kept_and_the_automatic_columns_share_the_rest() -> None:
    # 20 mm = 1133.86 twips → 1134. 重点任务 and 责任单位 want the same (4 characters: 1120
    # + 216 of margins), so they share 8845 − 1134 = 7711 evenly: 3855.5 each, rounded to
    # 3856 and 3856, one twip too many, taken from the first of the widest.
    assert column_widths(_table([20.0]), TEXT_BLOCK) == [1134, 3855, 3856]


def test_with_every_width_set_they_fill_the_block_in_proportion() -> None:
    # 30 : 60 : 30 mm is 1 : 2 : 1 of 8845: 2211.25, 4422.5, 2211.25 → 2211, 4423, 2211.
    assert column_widths(_table([30.0, 60.0, 30.0]), TEXT_BLOCK) == [2211, 4423, 2211]
    assert printed_widths_mm(_table([30.0, 60.0, 30.0])) == [39.0, 78.0, 39.0]


def test_set_widths_too_wide_leave_an_automatic_column_one_character() -> None:
    # 100 + 100 mm (5669 twips each) do not fit beside an automatic column: the middle one
    # keeps one 4号 character and its margins (280 + 216 = 496); the two set ones are
    # narrowed in proportion to share the 8349 left, 4174.5 each (the odd twip to the first).
    assert column_widths(_table([100.0, 0.0, 100.0]), TEXT_BLOCK) == [4175, 496, 4174]


def test_rendered_grid_and_cell_widths_xml() -> None:
    document = docx.Document(io.BytesIO(render_document(_report(_table([20.0]))).data))
    [table] = document.tables
    tbl = table._tbl
    grid = etree.tostring(tbl.find("w:tblGrid", NS), encoding="unicode")
    assert re.sub(r' xmlns:\w+="[^"]+"', "", grid) == (
        '<w:tblGrid><w:gridCol w:w="1134"/><w:gridCol w:w="3855"/><w:gridCol w:w="3856"/></w:tblGrid>'
    )
    for row in tbl.findall("w:tr", NS):
        cells = [etree.tostring(tc.find("w:tcPr", NS), encoding="unicode") for tc in row.findall("w:tc", NS)]
        assert [re.sub(r' xmlns:\w+="[^"]+"', "", cell) for cell in cells] == [
            f'<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
            for width in (1134, 3855, 3856)
        ]
    width = tbl.find("w:tblPr/w:tblW", NS)
    assert (width.get(f"{{{W}}}w"), width.get(f"{{{W}}}type")) == ("8845", "dxa")


def test_a_merged_cell_is_as_wide_as_the_set_columns_it_covers() -> None:
    table = Table(rows=[["项目", "计划", "完成"], ["调研", "按季度开展", "按季度开展"]], merges=[[1, 1, 2]],
                  column_widths=[30.0, 40.0, 0.0])  # fmt: skip
    document = docx.Document(io.BytesIO(render_document(_report(table)).data))
    tbl = document.tables[0]._tbl
    grid = [int(col.get(f"{{{W}}}w")) for col in tbl.findall("w:tblGrid/w:gridCol", NS)]
    assert grid == [1701, 2268, 8845 - 1701 - 2268]  # 30 mm, 40 mm, the rest
    merged = tbl.findall("w:tr", NS)[1].findall("w:tc", NS)[1]
    assert merged.find("w:tcPr/w:tcW", NS).get(f"{{{W}}}w") == str(2268 + 8845 - 1701 - 2268)
    assert merged.find("w:tcPr/w:gridSpan", NS).get(f"{{{W}}}val") == "2"


# ---------------------------------------------------------------- on paper


@pytest.mark.skipif(shutil.which("soffice") is None, reason="未安装 LibreOffice（soffice），跳过 PDF 检查")
@pytest.mark.skipif(shutil.which("pdftocairo") is None, reason="未安装 poppler-utils，跳过 PDF 检查")
@pytest.mark.usefixtures("layout_fonts")
@pytest.mark.timeout(300)
def test_set_widths_measured_on_the_pdf(tmp_path: Path) -> None:
    reports = {"set": _report(_table([30.0, 0.0, 50.0])), "automatic": _report(_table())}
    pdfs = render_pdfs(reports, tmp_path)
    borders = {}
    for name, pdf in pdfs.items():
        page = next(p for p in range(1, page_count(pdf) + 1) if "重点任务" in page_text(pdf, p))
        borders[name] = sorted({line.x for line in page_vertical_lines(pdf, page)})
    # Four column borders: the block's edges and two between, 30 mm and 50 mm as set.
    left, first, second, right = borders["set"]
    assert left == pytest.approx(TEXT_LEFT_MM, abs=0.5)
    assert right == pytest.approx(TEXT_LEFT_MM + TEXT_WIDTH_MM, abs=0.5)
    assert first - left == pytest.approx(30.0, abs=0.3)
    assert right - second == pytest.approx(50.0, abs=0.3)
    assert second - first == pytest.approx(TEXT_WIDTH_MM - 80.0, abs=0.3)
    # Sized from the text, 序号 is narrow: 2 characters of 4号 and the margins, 13.7 mm.
    auto_left, auto_first, _, _ = borders["automatic"]
    assert auto_first - auto_left == pytest.approx(776 / 1440 * 25.4, abs=0.3)
