"""A table cell still being typed in (its editor open) is part of the draft for 保存, autosave,
export and close (F26): Ctrl+S or a toolbar click leaves the focus in the cell editor."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from core.draft.draft_file import load_draft
from tests.gui.test_table_editor import _open_with_table


def _type_in_open_cell(window: Any, text: str) -> QLineEdit:
    """Open the editor of the cell row 1, column 2 (F2), type ``text``, leave it open."""
    window.activateWindow()  # the keys go where a clerk's would: shortcuts need the active window
    assert QTest.qWaitForWindowActive(window)
    grid = window.editor.section_form.tables.grid
    grid.setFocus()
    grid.setCurrentCell(1, 2)
    QTest.keyClick(grid, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and grid.state() == QAbstractItemView.State.EditingState
    editor.selectAll()
    QTest.keyClicks(editor, text)
    return editor


def test_ctrl_s_saves_the_text_of_an_open_cell_editor(make_window: Any, tmp_path: Path) -> None:
    window, section = _open_with_table(make_window, tmp_path)
    editor = _type_in_open_cell(window, "99")
    assert window.doc.report.find(section.id).tables[0].rows[1][2] != "99"  # still only in the editor
    QTest.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.status_text.startswith("已保存")
    saved = load_draft(window.doc.path)
    assert saved.find(section.id).tables[0].rows[1][2] == "99"
    assert not window.documents.needs_save()


def test_close_asks_about_the_text_of_an_open_cell_editor(make_window: Any, answers: Any, tmp_path: Path) -> None:
    window, section = _open_with_table(make_window, tmp_path)
    _type_in_open_cell(window, "77")
    answers.save_changes = "save"
    assert window.close()
    assert [kind for kind, _name in answers.asked] == ["save_changes"]
    assert load_draft(tmp_path / "带表格.draft.json").find(section.id).tables[0].rows[1][2] == "77"


def test_autosave_writes_the_text_of_an_open_cell_editor(make_window: Any, tmp_path: Path) -> None:
    window, section = _open_with_table(make_window, tmp_path)
    _type_in_open_cell(window, "55")
    autosave_file = window.session.autosave_file
    assert not autosave_file.exists()
    assert window.documents.autosave.flush()  # what the autosave timer calls
    autosaved = autosave_file.read_text(encoding="utf-8")
    assert '"55"' in autosaved
    assert window.doc.report.find(section.id).tables[0].rows[1][2] == "55"


def test_autosave_leaves_the_cell_editor_open_for_more_typing(make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    window, section = _open_with_table(make_window, tmp_path)
    editor = _type_in_open_cell(window, "56")
    assert window.documents.autosave.flush()
    assert window.doc.report.find(section.id).tables[0].rows[1][2] == "56"
    grid = window.editor.section_form.tables.grid
    assert grid.state() == QAbstractItemView.State.EditingState and QApplication.focusWidget() is editor
    QTest.keyClicks(editor, "78")
    QTest.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the loop
    qtbot.waitUntil(lambda: grid.state() != QAbstractItemView.State.EditingState)
    assert window.doc.report.find(section.id).tables[0].rows[1][2] == "5678"
