"""Review copies that change a table's surroundings or a cell's lines, written the way Word,
WPS and LibreOffice write them, with the accepted draft written out by hand."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.draft.model import Report
from core.draft.tables import Table
from core.office.libreoffice import find_soffice
from core.review.apply import apply_changes
from core.review.change import AFTER_LAST_TABLE
from core.review.merge import review_copy
from core.review.revisions import read_reviewed
from tests.core.review_builders import (
    DATE,
    dele,
    document_xml,
    exported_draft,
    ins,
    inserted_paragraph,
    plain_paragraph,
    replace_runs,
    run,
    sample_report,
    saved_by_libreoffice,
    write_reviewed,
)

CELL = "全年12次\n覆盖全员"
TABLE_TEXT = '<w:pPr><w:pStyle w:val="TableText"/></w:pPr>'
# The mark of a paragraph typed with tracking on, in the paragraph's own properties.
NEW_MARK = f'<w:pPr><w:pStyle w:val="TableText"/><w:rPr><w:ins w:id="950" w:author="李主任" w:date="{DATE}"/></w:rPr></w:pPr>'


def _table_report() -> Report:
    report = sample_report()
    report.sections[0].tables = [Table(rows=[["项目", "说明"], ["培训", CELL]])]
    return report


def _cell_lines(xml: str, how: str) -> str:
    """The cell "全年12次 / 覆盖全员" (our export writes each line as a paragraph) as
    two paragraphs with "新增一行" added between them, as each program writes it."""
    if how == "enter_at_line_end":
        # Word, WPS and LibreOffice alike: Enter at the end of the first line, then the words.
        # The first line's mark is the inserted one; the new line ends with the old mark.
        markup = "@" + run("全年12次") + "</w:p><w:p>" + TABLE_TEXT + ins("新增一行") + "</w:p><w:p>" + TABLE_TEXT + run("覆盖全员")
    elif how == "enter_after_new_words":
        # The words typed at the start of the second line, then Enter: a whole new paragraph.
        markup = run("全年12次") + "</w:p><w:p>" + NEW_MARK + ins("新增一行") + "</w:p><w:p>" + TABLE_TEXT + run("覆盖全员")
    else:  # typed with tracking off
        markup = run("全年12次") + "</w:p><w:p>" + TABLE_TEXT + run("新增一行") + "</w:p><w:p>" + TABLE_TEXT + run("覆盖全员")
    xml = replace_runs(xml, CELL, markup)
    if "@" in markup:  # the first line's own properties get the inserted mark
        at = xml.index("@" + run("全年12次"))
        properties = xml.rindex(TABLE_TEXT, 0, at)
        xml = xml[:properties] + NEW_MARK + xml[properties + len(TABLE_TEXT) : at] + xml[at + 1 :]
    return xml


def _without_sent_identifier(path: Path) -> Path:
    """The same copy without our custom property: no sent version, matched by text."""
    with zipfile.ZipFile(path) as package:
        members = {info.filename: package.read(info) for info in package.infolist() if info.filename != "docProps/custom.xml"}
    out = path.with_name("无记录" + path.name)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return out


@pytest.mark.parametrize("three_way", [True, False])
@pytest.mark.parametrize("how", ["enter_at_line_end", "enter_after_new_words", "untracked"])
def test_a_paragraph_added_between_two_lines_of_a_cell(tmp_path: Path, how: str, three_way: bool) -> None:
    report = _table_report()
    _draft, exported = exported_draft(report, tmp_path)
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", _cell_lines(document_xml(exported), how))
    if not three_way:
        reviewed = _without_sent_identifier(reviewed)
    result = review_copy(report, read_reviewed(reviewed))
    assert result.three_way == three_way
    (change,) = result.changes
    assert change.applicable and change.place.startswith("一、主要工作成效 表格1第2行第2列")
    assert change.new in ("\n新增一行", "新增一行\n")
    after = apply_changes(report, result.changes).report
    assert after.sections[0].tables[0].rows == [["项目", "说明"], ["培训", "全年12次\n新增一行\n覆盖全员"]]


def test_a_cells_line_break_struck_out_joins_its_lines(tmp_path: Path) -> None:
    """The first line's mark deleted with tracking on (Word: w:del in the mark's properties)."""
    report = _table_report()
    report.sections[0].tables[0].rows[1][1] = "全年12次，\n覆盖全员"
    _draft, exported = exported_draft(report, tmp_path)
    deleted_mark = f'<w:pPr><w:pStyle w:val="TableText"/><w:rPr><w:del w:id="951" w:author="李主任" w:date="{DATE}"/></w:rPr></w:pPr>'
    xml = replace_runs(document_xml(exported), "全年12次，\n覆盖全员",
                       "@" + run("全年12次，") + "</w:p><w:p>" + TABLE_TEXT + run("覆盖全员"))
    at = xml.index("@")
    properties = xml.rindex(TABLE_TEXT, 0, at)
    xml = xml[:properties] + deleted_mark + xml[properties + len(TABLE_TEXT) : at] + xml[at + 1 :]
    result = review_copy(report, read_reviewed(write_reviewed(exported, tmp_path / "审阅.docx", xml)))
    (change,) = result.changes
    assert (change.old, change.new, change.applicable) == ("\n", "", True)
    after = apply_changes(report, result.changes).report
    assert after.sections[0].tables[0].rows[1] == ["培训", "全年12次，覆盖全员"]


@pytest.mark.parametrize(("struck", "left"), [("覆盖全员", "全年12次\n考核合格"), ("考核合格", "全年12次\n覆盖全员")])
def test_a_cells_line_struck_out_whole_goes_with_its_line_break(tmp_path: Path, struck: str, left: str) -> None:
    """Word strikes a whole line of a cell as its text and its mark (the cell's last line: its
    text alone, the cell's end mark cannot go); the line goes, no empty line is left."""
    report = _table_report()
    report.sections[0].tables[0].rows[1][1] = "全年12次\n覆盖全员\n考核合格"
    _draft, exported = exported_draft(report, tmp_path)
    deleted_mark = f'<w:pPr><w:pStyle w:val="TableText"/><w:rPr><w:del w:id="952" w:author="李主任" w:date="{DATE}"/></w:rPr></w:pPr>'
    lines = []
    for text in ("全年12次", "覆盖全员", "考核合格"):
        own = deleted_mark if text == struck and text != "考核合格" else TABLE_TEXT
        body = dele(text) if text == struck else run(text)
        lines.append(own + body)
    markup = "</w:p><w:p>".join(lines)
    xml = replace_runs(document_xml(exported), "全年12次\n覆盖全员\n考核合格", "@" + markup)
    at = xml.index("@")
    properties = xml.rindex(TABLE_TEXT, 0, at)
    xml = xml[:properties] + xml[at + 1 :]  # the first line's properties are the markup's own
    result = review_copy(report, read_reviewed(write_reviewed(exported, tmp_path / "审阅.docx", xml)))
    (change,) = result.changes
    assert change.applicable and change.old.strip("\n") == struck
    after = apply_changes(report, result.changes).report
    assert after.sections[0].tables[0].rows[1] == ["培训", left]


def _after_table(report: Report, section: int, tracked: bool, tmp_path: Path, three_way: bool = True) -> Path:
    """Two paragraphs typed right after the table that ends section ``section``."""
    _draft, exported = exported_draft(report, tmp_path)
    xml = document_xml(exported)
    end = xml.index("</w:tbl>", xml.index(run("9月"))) + len("</w:tbl>")
    if tracked:  # Word and WPS: each new paragraph's mark and words tracked insertions
        new = inserted_paragraph("表后说明一。") + inserted_paragraph("表后说明二。")
    else:
        new = plain_paragraph("表后说明一。") + plain_paragraph("表后说明二。")
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml[:end] + new + xml[end:])
    return reviewed if three_way else _without_sent_identifier(reviewed)


@pytest.mark.parametrize(("tracked", "three_way"), [(True, True), (True, False), (False, True)])
def test_new_paragraphs_after_a_table_that_ends_its_section(tmp_path: Path, tracked: bool, three_way: bool) -> None:
    """The last section: its body, then the table (placed after the tail, as the importer
    places a table after the section's text), then the report's 结尾. The leader's two
    paragraphs after the table close the section after the table, in the order typed."""
    report = sample_report()
    report.sections[2].tables = [Table(rows=[["任务", "时限"], ["调研", "9月"]], after_body=None)]
    result = review_copy(report, read_reviewed(_after_table(report, 2, tracked, tmp_path, three_way)))
    assert [(c.new, c.applicable, c.place) for c in result.changes] == [
        ("表后说明一。", True, "三、下半年工作打算 表格之后"),
        ("表后说明二。", True, "三、下半年工作打算 表格之后"),
    ]
    after = apply_changes(report, result.changes).report
    section = after.sections[2]
    assert (section.body, section.tail) == (["围绕中心工作，抓好各项任务落实。"], ["表后说明一。", "表后说明二。"])
    assert [t.after_body for t in section.tables] == [1]  # still after the body: before the new paragraphs
    assert after.closing == report.closing


def test_new_paragraphs_after_a_table_that_ends_a_section_of_points_are_listed(tmp_path: Path) -> None:
    """A table after a section's points stands after all its text: the draft has no place
    after it, so the paragraphs are listed with what to do, never put before the table."""
    report = sample_report()
    report.sections[1].tables = [Table(rows=[["任务", "时限"], ["调研", "9月"]], after_body=None)]
    result = review_copy(report, read_reviewed(_after_table(report, 1, True, tmp_path)))
    assert [(c.new, c.applicable, c.reason) for c in result.changes] == [
        ("表后说明一。", False, AFTER_LAST_TABLE), ("表后说明二。", False, AFTER_LAST_TABLE),
    ]
    after = apply_changes(report, result.changes).report
    assert after.sections[1] == report.sections[1]


@pytest.mark.skipif(find_soffice() is None, reason="未安装 LibreOffice（soffice），无法转换审阅稿")
def test_both_cases_in_a_copy_saved_by_libreoffice(tmp_path: Path) -> None:
    """The same two edits in a copy LibreOffice has saved again (its own runs, its own
    revision ids): the new line in the cell and the paragraph after the table both come back."""
    report = _table_report()
    report.sections[0].tables[0].after_body = None
    report.sections[0].children = []
    _draft, exported = exported_draft(report, tmp_path)
    xml = _cell_lines(document_xml(exported), "enter_at_line_end")
    end = xml.index("</w:tbl>", xml.index("覆盖全员")) + len("</w:tbl>")
    xml = xml[:end] + inserted_paragraph("表后说明。") + xml[end:]
    saved = saved_by_libreoffice(exported, xml, tmp_path)
    assert b"w:ins " in zipfile.ZipFile(saved).read("word/document.xml")
    result = review_copy(report, read_reviewed(saved))
    after = apply_changes(report, result.changes).report
    assert [c.applicable for c in result.changes] == [True, True]
    section = after.sections[0]
    assert section.tables[0].rows == [["项目", "说明"], ["培训", "全年12次\n新增一行\n覆盖全员"]]
    assert (section.body, section.tail, section.tables[0].after_body) == (report.sections[0].body, ["表后说明。"], 2)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_rows_pair_with_the_rows_they_were_whatever_the_leader_inserted_or_deleted(data: st.DataObject) -> None:
    # Distinct rows of 4 cells (a 序号 and three texts); the leader deletes some, inserts new
    # ones anywhere and edits one cell of some kept rows: each kept row pairs with itself and
    # no inserted row pairs with a draft row.
    from core.review.match import align_rows

    count = data.draw(st.integers(1, 12))
    draft = [[str(i + 1), f"项目{i}", f"{i}期", f"完成{i}"] for i in range(count)]
    kept = data.draw(st.lists(st.booleans(), min_size=count, max_size=count))
    copy_rows: list[dict[int, str]] = []
    expected: dict[int, int] = {}
    for j, row in enumerate(draft):
        for _ in range(data.draw(st.integers(0, 2))):  # inserted before it: new words, a 序号 may repeat
            copy_rows.append({0: row[0], 1: f"新增{len(copy_rows)}", 2: "99期", 3: f"新{len(copy_rows)}"})
        if kept[j]:
            cells = dict(enumerate(row))
            if data.draw(st.booleans()):
                cells[data.draw(st.integers(1, 3))] += "（改）"
            expected[len(copy_rows)] = j
            copy_rows.append(cells)
    assert align_rows(copy_rows, draft) == expected
