"""Help in the window: the guide, the shortcut list, the version, and no English in Qt's dialogs."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit

from core.base.version import app_version
from gui.dialogs.help_dialog import HelpDialog, about_text, shortcut_rows
from tests.conftest import seed_path


def test_guide_and_shortcuts_open_from_the_help_menu(
    make_window: Any, new_report: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(HelpDialog, "exec", lambda self: shown.append((self.windowTitle(), self.browser.toPlainText())))
    window = make_window()
    new_report(window, seed_path("004"))
    window.guide_action.trigger()
    title, text = shown[-1]
    assert title == "使用指南" and "从哪里开始" in text and "恢复" in text and "模板" in text
    window.shortcuts_action.trigger()
    title, text = shown[-1]
    assert title == "快捷键一览"
    rows = dict(shortcut_rows(window.findChildren(type(window.undo_action))))
    assert rows["查找…"] == "Ctrl+F" and rows["替换…"] == "Ctrl+H"
    assert rows["重做"] == "Ctrl+Y" and rows["撤销"] == "Ctrl+Z"
    assert "Ctrl+F" in text


def test_about_names_the_version(make_window: Any, answers: Any) -> None:
    window = make_window()
    window.about_action.trigger()
    assert answers.asked[-1] == ("inform", about_text())
    assert app_version() in about_text() and app_version() != ""


def test_qt_file_dialog_labels_are_chinese(app: Any) -> None:
    dialog = QFileDialog(None, "打开", "", "草稿 (*.draft.json)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    labels = [re.sub(r"\(&\w\)", "", label.text()) for label in dialog.findChildren(QLabel) if label.text()]
    assert labels == ["查找范围：", "文件名称：", "文件类型："]


def test_right_click_undo_is_the_windows(make_window: Any, new_report: Any) -> None:
    from gui.editor.widgets import context_menu_with_window_undo

    window = make_window()
    new_report(window, seed_path("004"))
    edit = window.editor.section_form.heading_edit
    assert isinstance(edit, QLineEdit)
    actions = context_menu_with_window_undo(edit).actions()
    assert window.undo_action in actions and window.redo_action in actions
    assert not any(a.objectName() in ("edit-undo", "edit-redo") for a in actions)
