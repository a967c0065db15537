"""Editing a section's table in the real main window: a cell, undo, export, re-import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.draft.draft_file import save_draft
from core.importing.importer import import_document
from tests.core.test_tables import _write_report_with_table


def _open_with_table(make_window: Any, tmp_path: Path) -> Any:
    report = import_document(_write_report_with_table(tmp_path / "prior.docx")).report
    report.kind = "half_year_summary"
    draft = tmp_path / "带表格.draft.json"
    save_draft(report, draft, keep_backup=False)
    window = make_window(size=(1280, 800))
    assert window.open_draft(draft)
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

    # A merged cell edited in one column changes every column it covers.
    editor.grid.item(2, 2).setText("每月开展")
    assert window.doc.report.find(section.id).tables[0].rows[2] == ["调研", "每月开展", "每月开展", "进行中"]

    editor.buttons["add_row"].click()
    assert editor.grid.rowCount() == 4
    window.doc.undo_stack.undo()
    assert editor.grid.rowCount() == 3

    answers.preflight = "export"
    target = tmp_path / "导出.docx"
    answers.save_paths.append(str(target))
    assert window.export_word() == target
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
