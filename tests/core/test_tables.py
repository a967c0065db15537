"""Tables in a prior report: kept as tables through import, the draft file and layout."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from core.base.errors import DraftFileError
from core.draft.draft_file import FORMAT_VERSION, dumps, load_draft, loads
from core.draft.model import Section
from core.draft.tables import Table, merge_record
from core.importing.importer import import_document
from core.render.styles import PageSetup
from core.text.layout import TABLE_ROW, section_content

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "drafts"

HEADER = ["项目", "计划", "完成", "备注"]


def _write_report_with_table(path: Path) -> Path:
    """A 上半年总结 with a 3×4 统计表 (header row, a merged cell) between two paragraphs."""
    document = docx.Document()
    document.add_paragraph("某区2024年上半年工作总结")
    document.add_paragraph("一、主要工作")
    document.add_paragraph("上半年完成情况如下。")
    table = document.add_table(rows=3, cols=4)
    for column, text in enumerate(HEADER):
        table.cell(0, column).text = text
    for column, text in enumerate(["培训", "10", "12", "超额"]):
        table.cell(1, column).text = text
    table.cell(2, 0).text = "调研"
    merged = table.cell(2, 1).merge(table.cell(2, 2))
    merged.text = "按季度开展"
    table.cell(2, 3).text = "进行中"
    document.add_paragraph("下一步将继续推进。")
    document.add_paragraph("二、存在问题")
    document.add_paragraph("问题仍然存在。")
    document.save(str(path))
    return path


def test_import_keeps_the_table_in_its_section_and_reading_order(tmp_path: Path) -> None:
    report = import_document(_write_report_with_table(tmp_path / "prior.docx")).report
    first = report.sections[0]
    assert first.heading == "主要工作"
    assert first.body == ["上半年完成情况如下。", "下一步将继续推进。"]
    assert len(first.tables) == 1
    table = first.tables[0]
    # The merged cell's text once, in its first column; the column it covers holds "".
    assert table.rows == [HEADER, ["培训", "10", "12", "超额"], ["调研", "按季度开展", "", "进行中"]]
    assert table.merges == [[2, 1, 2]]
    assert table.header_rows == 1
    assert table.after_body == 1
    assert report.sections[1].tables == []
    # No tab-separated leftovers anywhere in the text.
    assert not any("\t" in text for text in [*first.body, *report.opening, *report.closing])


def test_layout_places_table_rows_between_the_paragraphs(tmp_path: Path) -> None:
    report = import_document(_write_report_with_table(tmp_path / "prior.docx")).report
    content = section_content(report, report.sections[0])
    assert content == [
        ("body", "上半年完成情况如下。"),
        (TABLE_ROW, "项目\t计划\t完成\t备注"),
        (TABLE_ROW, "培训\t10\t12\t超额"),
        (TABLE_ROW, "调研\t按季度开展\t\t进行中"),
        ("body", "下一步将继续推进。"),
    ]


def test_table_before_first_heading_stays_lines_in_opening(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("某区2024年工作总结")
    document.add_paragraph("今年以来，我们做了以下工作。")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "甲"
    table.cell(0, 1).text = "乙"
    document.add_paragraph("一、主要工作")
    document.add_paragraph("正文。")
    path = tmp_path / "opening.docx"
    document.save(str(path))
    report = import_document(path).report
    assert report.opening == ["今年以来，我们做了以下工作。", "甲\t乙"]
    assert report.sections[0].tables == []


def test_draft_file_round_trip_keeps_tables() -> None:
    section = Section(heading="主要工作", body=["甲。", "乙。"])
    section.tables.append(Table(rows=[HEADER, ["a", "b", "", "c"], ["d", "", "", "e"]], header_rows=1, after_body=1,
                                merges=[[1, 1, 2, 2]]))
    from core.draft.model import Report

    report = Report(sections=[section])
    text = dumps(report)
    assert json.loads(text)["version"] == FORMAT_VERSION == 5
    again = loads(text)
    assert again.sections[0].tables == section.tables
    assert dumps(again) == text


def test_format_2_draft_loads_without_tables() -> None:
    report = load_draft(FIXTURES / "format2_work_report.draft.json")
    assert report.sections and all(s.tables == [] for _, s in report.walk())
    assert report.sections[0].heading == "主要工作"


@pytest.mark.parametrize(
    "bad",
    [
        {"rows": "甲"},
        {"rows": [["甲", 1]]},
        {"rows": [], "header_rows": -1},
        {"rows": [], "after_body": "x"},
        {"rows": [], "merges": [[0, 1]]},
        "not a table",
    ],
)
def test_malformed_table_is_a_clear_draft_error(bad: object) -> None:
    payload = {"format": "baogao-draft", "version": 3, "report": {"sections": [{"heading": "一", "tables": [bad]}]}}
    with pytest.raises(DraftFileError) as caught:
        loads(json.dumps(payload, ensure_ascii=False), "坏.draft.json")
    assert "第1部分的第1个表格" in str(caught.value) or "第1部分的表格" in str(caught.value)


def test_round_trip_edit_a_cell_render_and_reimport(tmp_path: Path) -> None:
    from core.render.engine import render_document

    report = import_document(_write_report_with_table(tmp_path / "prior.docx")).report
    report.sections[0].tables[0].rows[1][2] = "15"
    out = tmp_path / "out.docx"
    out.write_bytes(render_document(report).data)
    again = import_document(out).report
    assert again.sections[0].body == report.sections[0].body
    assert again.sections[0].tables == report.sections[0].tables
    assert again.sections[0].tables[0].rows[1] == ["培训", "10", "15", "超额"]
    # The rows are a Word table, not paragraphs of tab-joined text.
    assert not any("\t" in p.text for p in docx.Document(str(out)).paragraphs)


def test_rendered_table_xml(tmp_path: Path) -> None:
    from core.render.engine import render_document

    report = import_document(_write_report_with_table(tmp_path / "prior.docx")).report
    document = docx.Document(io.BytesIO(render_document(report).data))
    [table] = document.tables
    tbl = table._tbl
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    properties = etree.tostring(tbl.find("w:tblPr", ns), encoding="unicode")
    width = PageSetup().text_width  # 156 mm
    assert re.sub(r' xmlns:\w+="[^"]+"', "", properties) == (
        '<w:tblPr><w:tblStyle w:val="GongwenTable"/>'
        f'<w:tblW w:w="{width}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/></w:tblPr>'
    )
    # Columns from their text (4号: 280 twips a character, 108 of margin each side): 项目 and
    # 备注 (进行中) are text, 计划 and 完成 numbers under the header. 按季度开展 (1400 + 216)
    # spans 计划 and 完成 (776 each): 32 more each, 808. The 5445 left go to the text columns
    # in proportion, 776 : 1056.
    grid = [int(col.get(f"{{{ns['w']}}}w")) for col in tbl.findall("w:tblGrid/w:gridCol", ns)]
    spare = 8845 - 776 - 808 - 808 - 1056
    assert grid == [round(776 + spare * 776 / 1832), 808, 808, round(1056 + spare * 1056 / 1832)]
    rows = tbl.findall("w:tr", ns)
    assert [r.find("w:trPr/w:tblHeader", ns) is not None for r in rows] == [True, False, False]
    assert all(r.find("w:trPr/w:cantSplit", ns) is not None for r in rows)
    assert [len(r.findall("w:tc", ns)) for r in rows] == [4, 4, 3]
    assert rows[2].findall("w:tc", ns)[1].find("w:tcPr/w:gridSpan", ns).get(f"{{{ns['w']}}}val") == "2"
    cell_style = rows[0].find("w:tc/w:p/w:pPr/w:pStyle", ns).get(f"{{{ns['w']}}}val")
    assert cell_style == "TableText"
    style = etree.tostring(
        document.styles.element.find("w:style[@w:styleId='GongwenTable']", ns), encoding="unicode"
    )
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        assert f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>' in style
    text_style = document.styles.element.find("w:style[@w:styleId='TableText']", ns)
    assert text_style.find("w:rPr/w:sz", ns).get(f"{{{ns['w']}}}val") == "28"  # 4号
    assert "仿宋" in etree.tostring(text_style.find("w:rPr/w:rFonts", ns), encoding="unicode")


def _write_report_with_block(path: Path) -> Path:
    """A 4×3 table whose cell (1, 1) is merged over two columns and two rows (Word's merge)."""
    document = docx.Document()
    document.add_paragraph("某区2024年上半年工作总结")
    document.add_paragraph("一、主要工作")
    document.add_paragraph("情况如下。")
    table = document.add_table(rows=4, cols=3)
    for column, text in enumerate(["项目", "说明", "备注"]):
        table.cell(0, column).text = text
    table.cell(1, 0).text = "培训"
    table.cell(1, 1).merge(table.cell(2, 2)).text = "全年分批开展"
    table.cell(2, 0).text = "调研"
    for column, text in enumerate(["督查", "按季", "完成"]):
        table.cell(3, column).text = text
    document.add_paragraph("下一步继续推进。")
    document.save(str(path))
    return path


BLOCK_ROWS = [["项目", "说明", "备注"], ["培训", "全年分批开展", ""], ["调研", "", ""], ["督查", "按季", "完成"]]


def test_a_cell_merged_over_rows_and_columns_is_read_once_with_its_span(tmp_path: Path) -> None:
    table = import_document(_write_report_with_block(tmp_path / "prior.docx")).report.sections[0].tables[0]
    assert table.rows == BLOCK_ROWS
    assert table.merges == [[1, 1, 2, 2]]
    assert [table.merge_at(1, 1), table.merge_at(1, 2), table.merge_at(2, 1), table.merge_at(2, 0)] == [2, 0, 0, 1]
    assert table.holder(2, 2) == (1, 1)


def test_render_writes_grid_span_and_vertical_merge_and_import_reads_them_back(tmp_path: Path) -> None:
    from core.render.engine import render_document

    report = import_document(_write_report_with_block(tmp_path / "prior.docx")).report
    data = render_document(report).data
    [table] = docx.Document(io.BytesIO(data)).tables
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    rows = table._tbl.findall("w:tr", ns)

    val = f"{{{ns['w']}}}val"

    def merge_marks(row: etree._Element) -> list[str]:
        marks = []
        for tc in row.findall("w:tc", ns):
            span = tc.find("w:tcPr/w:gridSpan", ns)
            vertical = tc.find("w:tcPr/w:vMerge", ns)
            text = "".join(t.text or "" for t in tc.iter(f"{{{ns['w']}}}t"))
            marks.append(
                text
                + (f" span={span.get(val)}" if span is not None else "")
                + (f" vMerge={vertical.get(val)}" if vertical is not None else "")
            )
        return marks

    assert [merge_marks(row) for row in rows] == [
        ["项目", "说明", "备注"],
        ["培训", "全年分批开展 span=2 vMerge=restart"],
        ["调研", " span=2 vMerge=None"],  # continues the cell above: no text of its own
        ["督查", "按季", "完成"],
    ]
    out = tmp_path / "out.docx"
    out.write_bytes(data)
    again = import_document(out).report
    assert again.sections[0].tables == report.sections[0].tables
    assert render_document(again).data == data  # round trip identical


def test_every_visible_word_of_a_merged_cell_is_seen_once(tmp_path: Path) -> None:
    from core.text.plaintext import report_text
    from core.text.textslots import CELLS, cell_index, field_texts, set_slot_text

    report = import_document(_write_report_with_block(tmp_path / "prior.docx")).report
    section = report.sections[0]
    assert report_text(report).count("全年分批开展") == 1  # the library's text and plain text
    assert field_texts(report, section.id, CELLS).count("全年分批开展") == 1  # the review's cells
    covered = cell_index(section, 0, 2, 2)
    assert covered is not None
    set_slot_text(report, section.id, CELLS, covered, "按月开展")  # a covered cell stands for the merged one
    assert section.tables[0].rows[1:3] == [["培训", "按月开展", ""], ["调研", "", ""]]
    assert report_text(report).count("按月开展") == 1


def test_a_format_4_draft_with_repeated_merged_text_opens_with_the_text_once() -> None:
    report = load_draft(FIXTURES / "format4_merged_table.draft.json")
    [table] = report.sections[0].tables
    assert table.rows == [["项目", "计划", "完成", "备注"], ["培训", "10", "12", "超额"], ["调研", "按季度开展", "", "进行中"]]
    assert table.merges == [[2, 1, 2]]
    assert loads(dumps(report)).sections[0].tables == [table]


def test_a_covered_cell_holding_other_text_keeps_it_in_the_merged_cell() -> None:
    from core.draft.tables import table_from_dict

    old = {"rows": [["甲", "乙", "丙"], ["丁", "戊", "己"]], "merges": [[0, 0, 2], [0, 2, 1, 2]]}
    table = table_from_dict(old)
    assert table.rows == [["甲\n乙", "", "丙\n己"], ["丁", "戊", ""]]
    assert table_from_dict({"rows": table.rows, "merges": table.merges}) == table  # nothing more to move


@pytest.mark.parametrize("three_way", [True, False])
def test_the_leader_changing_a_merged_cell_is_one_change_into_its_first_cell(tmp_path: Path, three_way: bool) -> None:
    from core.review.apply import apply_changes
    from core.review.changes import review_changes
    from core.review.merge import review_copy
    from core.review.revisions import read_reviewed
    from tests.core.review_builders import (
        dele,
        document_xml,
        exported_draft,
        ins,
        run,
        sample_report,
        write_reviewed,
    )

    report = sample_report()
    report.sections[0].tables = [
        Table(rows=[["项目", "说明", "备注"], ["培训", "全年分批开展", ""], ["调研", "", ""]], merges=[[1, 1, 2, 2]])
    ]
    _, exported = exported_draft(report, tmp_path)
    xml = document_xml(exported)
    start, end = xml.index("<w:tbl"), xml.index("</w:tbl>")
    assert xml[start:end].count("全年分批开展") == 1  # written once, in the merged cell
    table = xml[start:end].replace(run("全年分批开展"), dele("全年分批开展") + ins("每季度开展"), 1)
    reviewed = read_reviewed(write_reviewed(exported, tmp_path / "审阅.docx", xml[:start] + table + xml[end:]))
    result = review_copy(report, reviewed) if three_way else review_changes(report, reviewed)
    assert [(c.place, c.old, c.new) for c in result.changes] == [
        ("一、主要工作成效 表格1第2行第2列第1字", "全年分批开展", "每季度开展")
    ]
    after = apply_changes(report, result.changes).report
    assert after.sections[0].tables[0].rows == [["项目", "说明", "备注"], ["培训", "每季度开展", ""], ["调研", "", ""]]
    assert after.sections[0].tables[0].merges == [[1, 1, 2, 2]]


@st.composite
def _tables_with_merges(draw: st.DrawFn) -> Table:
    """A grid of up to 5×5 with merged cells that do not overlap, each text in its first cell."""
    height, width = draw(st.integers(1, 5)), draw(st.integers(1, 5))
    taken: set[tuple[int, int]] = set()
    merges: list[list[int]] = []
    for row, column, columns, rows in draw(
        st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4), st.integers(1, 4), st.integers(1, 4)), max_size=4)
    ):
        area = {(r, c) for r in range(row, row + rows) for c in range(column, column + columns)}
        if (columns, rows) == (1, 1) or row + rows > height or column + columns > width or area & taken:
            continue
        taken |= area
        merges.append(merge_record(row, column, columns, rows))
    merges.sort()
    texts = st.text(alphabet="培训调研完成12", max_size=4)
    grid = [[draw(texts) for _ in range(width)] for _ in range(height)]
    table = Table(rows=grid, header_rows=1, merges=merges)
    for r, c in taken:
        if table.holder(r, c) != (r, c):
            grid[r][c] = ""
    grid[0][0] = grid[0][0] or "项目"  # a table of no text at all is not read as one
    return table


@settings(max_examples=150, deadline=None)
@given(_tables_with_merges())
def test_a_table_written_and_read_back_is_the_same_table(table: Table) -> None:
    # The writer (core.render.tables) and the reader (word_tables) over the cells and spans alone.
    from core.importing.readers.word_tables import read_table
    from core.ooxml.word_names import names_for
    from core.render.tables import table_element

    tbl = table_element(table, None, None)
    n = names_for(tbl)
    read = read_table(
        tbl, n, tbl.findall(n.tr), lambda row: row.findall(n.tc), lambda cell: "".join(t.text or "" for t in cell.iter(n.t))
    )
    assert read == Table(rows=table.grid(), header_rows=1, merges=table.merges)
