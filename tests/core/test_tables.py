"""Tables in a prior report: kept as tables through import, the draft file and layout."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from core.base.errors import DraftFileError
from core.draft.draft_file import FORMAT_VERSION, dumps, load_draft, loads
from core.draft.model import Section
from core.draft.tables import Table
from core.importing.importer import import_document
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
    assert table.rows == [HEADER, ["培训", "10", "12", "超额"], ["调研", "按季度开展", "按季度开展", "进行中"]]
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
        (TABLE_ROW, "调研\t按季度开展\t按季度开展\t进行中"),
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
    section.tables.append(Table(rows=[HEADER, ["a", "b", "b", "c"]], header_rows=1, after_body=1, merges=[[1, 1, 2]]))
    from core.draft.model import Report

    report = Report(sections=[section])
    text = dumps(report)
    assert json.loads(text)["version"] == FORMAT_VERSION == 3
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
    assert "草稿内容不完整或格式不对" in str(caught.value)
