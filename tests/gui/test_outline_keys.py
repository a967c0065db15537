"""The outline's keys act only in the outline: in 正文 or 标题 Ctrl+Del deletes the next word
and Ctrl+Enter adds no heading (F15). 删除标题 on a part that holds text asks first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from core.draft.model import to_dict
from tests.conftest import seed_path
from tests.gui.conftest import type_chinese

CONTROL = Qt.KeyboardModifier.ControlModifier


def _window_with_text(make_window: Any, new_report: Any) -> tuple[Any, Any]:
    """A draft whose first part has the 正文 "今年工作 取得成效", shown in the form."""
    window = make_window()
    new_report(window, seed_path("004"), carry=True)
    first = window.doc.report.sections[0]
    window.editor.outline.select_section(first.id)
    body = window.editor.section_form.body_edit
    body.setFocus()
    body.selectAll()
    type_chinese(body, "今年工作 取得成效")
    assert first.body == ["今年工作 取得成效"]
    return window, first


def _ids(window: Any) -> list[str]:
    return [section.id for _depth, section in window.doc.report.walk()]


def test_ctrl_delete_in_body_deletes_the_next_word_not_the_part(make_window: Any, new_report: Any) -> None:
    window, first = _window_with_text(make_window, new_report)
    ids = _ids(window)
    body = window.editor.section_form.body_edit
    body.moveCursor(QTextCursor.MoveOperation.Start)
    QTest.keyClick(body, Qt.Key.Key_Delete, CONTROL)
    assert _ids(window) == ids
    assert first.body == ["取得成效"]


def test_ctrl_delete_in_heading_deletes_the_next_word(make_window: Any, new_report: Any) -> None:
    window, _first = _window_with_text(make_window, new_report)
    ids = _ids(window)
    heading = window.editor.section_form.heading_edit
    heading.setFocus()
    heading.selectAll()
    type_chinese(heading, "总体 情况")
    heading.setCursorPosition(0)
    QTest.keyClick(heading, Qt.Key.Key_Delete, CONTROL)
    assert _ids(window) == ids
    assert heading.text() == "情况"


def test_ctrl_enter_in_body_adds_no_heading(make_window: Any, new_report: Any) -> None:
    window, _first = _window_with_text(make_window, new_report)
    before = to_dict(window.doc.report)
    body = window.editor.section_form.body_edit
    body.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClick(body, Qt.Key.Key_Return, CONTROL)
    QTest.keyClick(body, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert to_dict(window.doc.report) == before


def test_keys_in_the_outline_add_and_delete(make_window: Any, new_report: Any, answers: Any) -> None:
    window, first = _window_with_text(make_window, new_report)
    tree = window.editor.outline.tree
    window.editor.outline.select_section(first.id)
    tree.setFocus()
    ids = _ids(window)

    QTest.keyClick(tree, Qt.Key.Key_Return, CONTROL)  # 添加同级标题: an empty part after the first
    added = [section_id for section_id in _ids(window) if section_id not in ids]
    assert len(added) == 1
    assert window.editor.outline.current_id() == added[0]

    tree.setFocus()
    QTest.keyClick(tree, Qt.Key.Key_Delete, CONTROL)  # an empty heading goes without a question
    assert _ids(window) == ids
    assert not [kind for kind, _text in answers.asked if kind == "delete_section"]

    window.editor.outline.select_section(first.id)
    tree.setFocus()
    answers.delete_section = False  # a part with text: asked, and 取消 keeps it
    QTest.keyClick(tree, Qt.Key.Key_Delete, CONTROL)
    assert _ids(window) == ids
    asked = [text for kind, text in answers.asked if kind == "delete_section"]
    assert len(asked) == 1 and asked[0].startswith(first.heading)

    answers.delete_section = True  # 删除: it goes, and Ctrl+Z brings it back whole
    before = to_dict(window.doc.report)
    QTest.keyClick(tree, Qt.Key.Key_Delete, CONTROL)
    assert first.id not in _ids(window)
    window.doc.undo_stack.undo()
    assert to_dict(window.doc.report) == before


def test_enter_in_the_heading_goes_on_in_the_body(make_window: Any, new_report: Any) -> None:
    """Walkthrough W12: Enter did nothing, so the next sentence went onto the heading's line."""
    window, first = _window_with_text(make_window, new_report)
    heading = window.editor.section_form.heading_edit
    heading.setFocus()
    heading.end(False)
    before = first.heading
    QTest.keyClick(heading, Qt.Key.Key_Return)
    body = window.editor.section_form.body_edit
    assert body.hasFocus() and body.textCursor().position() == 0
    type_chinese(body, "新的一句。")
    assert first.heading == before and first.body[0].startswith("新的一句。")
