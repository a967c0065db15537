"""Editing a section's table in the real main window: a cell, undo, export, re-import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from core.draft.draft_file import save_draft
from core.importing.importer import import_document
from tests.core.test_tables import _write_report_with_table
from tests.gui.conftest import export_and_wait


def _open_with_table(make_window: Any, tmp_path: Path) -> Any:
    report = import_document(_write_report_with_table(tmp_path / "prior.docx")).report
    report.kind = "half_year_summary"
    draft = tmp_path / "带表格.draft.json"
    save_draft(report, draft, keep_backup=False)
    window = make_window(size=(1280, 800))
    assert window.documents.open_draft(draft)
    section = window.doc.report.sections[0]
    window.editor.outline.select_section(section.id)
    return window, section


def test_edit_a_cell_undo_export_and_reimport(make_window: Any, answers: Any, tmp_path: Path) -> None:
    window, section = _open_with_table(make_window, tmp_path)
    editor = window.editor.section_form.tables
    assert editor.grid.rowCount() == 3 and editor.grid.columnCount() == 4
    assert editor.grid.item(1, 2).text() == "12"
    assert editor.header_box.isChecked()

    editor.grid.item(1, 2).setText("15")
    assert window.doc.report.find(section.id).tables[0].rows[1] == ["培训", "10", "15", "超额"]
    window.doc.undo_stack.undo()
    assert window.doc.report.find(section.id).tables[0].rows[1] == ["培训", "10", "12", "超额"]
    assert editor.grid.item(1, 2).text() == "12"
    window.doc.undo_stack.redo()
    assert editor.grid.item(1, 2).text() == "15"

    # A merged cell shows once (a span over the columns it covers) and keeps its text once.
    assert (editor.grid.rowSpan(2, 1), editor.grid.columnSpan(2, 1)) == (1, 2)
    editor.grid.item(2, 1).setText("每月开展")
    assert window.doc.report.find(section.id).tables[0].rows[2] == ["调研", "每月开展", "", "进行中"]

    editor.buttons["add_row"].click()
    assert editor.grid.rowCount() == 4
    window.doc.undo_stack.undo()
    assert editor.grid.rowCount() == 3

    answers.preflight = "export"
    target = tmp_path / "导出.docx"
    answers.save_paths.append(str(target))
    assert export_and_wait(window) == target
    again = import_document(target).report
    assert again.sections[0].tables == window.doc.report.find(section.id).tables
    assert again.sections[0].tables[0].rows[1][2] == "15"


def test_header_row_checkbox_and_columns(make_window: Any, tmp_path: Path) -> None:
    window, section = _open_with_table(make_window, tmp_path)
    editor = window.editor.section_form.tables
    editor.header_box.setChecked(False)
    assert window.doc.report.find(section.id).tables[0].header_rows == 0
    editor.buttons["remove_column"].click()
    table = window.doc.report.find(section.id).tables[0]
    assert table.column_count == 3 and table.merges == [[2, 1, 2]]
    editor.buttons["remove_column"].click()
    assert window.doc.report.find(section.id).tables[0].merges == []  # the merge was cut
    window.doc.undo_stack.undo()
    window.doc.undo_stack.undo()
    window.doc.undo_stack.undo()
    assert window.doc.report.find(section.id).tables[0] == import_document(tmp_path / "prior.docx").report.sections[0].tables[0]


def _type_width(editor: Any, text: str) -> None:
    """The clerk types a width into the box and presses Enter (keyboard tracking is off)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    box = editor.width_box
    box.setFocus()
    box.selectAll()
    QTest.keyClicks(box, text)
    QTest.keyClick(box, Qt.Key.Key_Return)


def _grid_twips(path: Path) -> list[int]:
    import docx

    word = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    tbl = docx.Document(str(path)).tables[0]._tbl
    return [int(col.get(f"{word}w")) for col in tbl.iter(f"{word}gridCol")]


def test_column_width_set_undone_saved_reopened_and_exported(make_window: Any, answers: Any, tmp_path: Path) -> None:
    window, section = _open_with_table(make_window, tmp_path)
    editor = window.editor.section_form.tables

    def table() -> Any:
        return window.doc.report.find(section.id).tables[0]

    assert table().column_widths == []
    assert editor.width_box.text() == "按内容"
    assert editor.grid.horizontalHeaderItem(0).text().startswith("第1列\n")  # no 定宽: from the text

    editor.grid.setCurrentCell(1, 0)  # the 项目 column
    assert editor.width_label.text() == "第1列宽度："
    _type_width(editor, "30")
    assert table().column_widths == [30.0, 0.0, 0.0, 0.0]
    assert (window.doc.undo_stack.count(), window.doc.undo_stack.undoText()) == (1, "修改表格")  # one step
    assert editor.grid.horizontalHeaderItem(0).text() == "第1列·定宽\n30 毫米"
    assert editor.grid.item(1, 0).text() == "培训"  # the cells stay as they were

    editor.grid.setCurrentCell(0, 3)  # 备注: the box follows the current column
    assert editor.width_box.text() == "按内容"
    _type_width(editor, "25.5")
    assert table().column_widths == [30.0, 0.0, 0.0, 25.5]
    # The two automatic columns share what is left of the 156 mm (both numbers under the header).
    shared = [float(editor.grid.horizontalHeaderItem(c).text().split("\n")[1].split(" ")[0]) for c in (1, 2)]
    assert sum(shared) == pytest.approx(156 - 30 - 25.5, abs=0.15)

    window.doc.undo_stack.undo()
    assert table().column_widths == [30.0, 0.0, 0.0, 0.0]
    assert editor.width_box.text() == "按内容" and editor.grid.horizontalHeaderItem(3).text().startswith("第4列\n")
    window.doc.undo_stack.redo()
    assert table().column_widths == [30.0, 0.0, 0.0, 25.5]
    assert editor.width_box.value() == 25.5

    editor.buttons["add_column"].click()  # a new column is sized from its text
    assert table().column_widths == [30.0, 0.0, 0.0, 25.5, 0.0]
    window.doc.undo_stack.undo()

    # Saved and opened again: the widths are draft data.
    assert window.documents.save()
    draft = window.doc.path
    assert window.documents.close_document()
    assert window.documents.open_draft(draft)
    window.editor.outline.select_section(section.id)
    editor = window.editor.section_form.tables
    assert table().column_widths == [30.0, 0.0, 0.0, 25.5]
    assert editor.grid.horizontalHeaderItem(0).text() == "第1列·定宽\n30 毫米"

    answers.preflight = "export"
    target = tmp_path / "列宽.docx"
    answers.save_paths.append(str(target))
    assert export_and_wait(window) == target
    grid = _grid_twips(target)
    assert grid[0] == 1701 and grid[3] == 1446 and sum(grid) == 8845  # 30 mm, 25.5 mm, 156 mm

    editor.automatic_button.click()  # back to widths from the text, one undo step
    assert table().column_widths == []
    assert not editor.automatic_button.isEnabled()
    window.doc.undo_stack.undo()
    assert table().column_widths == [30.0, 0.0, 0.0, 25.5]


def test_a_cell_merged_over_rows_shows_once_and_exports_merged(make_window: Any, answers: Any, tmp_path: Path) -> None:
    from tests.core.test_tables import _write_report_with_block

    report = import_document(_write_report_with_block(tmp_path / "prior.docx")).report
    report.kind = "half_year_summary"
    draft = tmp_path / "合并.draft.json"
    save_draft(report, draft, keep_backup=False)
    window = make_window(size=(1280, 800))
    assert window.documents.open_draft(draft)
    section = window.doc.report.sections[0]
    window.editor.outline.select_section(section.id)
    editor = window.editor.section_form.tables
    assert (editor.grid.rowSpan(1, 1), editor.grid.columnSpan(1, 1)) == (2, 2)
    editor.grid.item(1, 1).setText("每月开展")
    table = window.doc.report.find(section.id).tables[0]
    assert table.rows[1:3] == [["培训", "每月开展", ""], ["调研", "", ""]] and table.merges == [[1, 1, 2, 2]]
    answers.preflight = "export"
    target = tmp_path / "导出.docx"
    answers.save_paths.append(str(target))
    assert export_and_wait(window) == target
    assert import_document(target).report.sections[0].tables == [table]
