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
    window.window_actions["guide"].trigger()
    title, text = shown[-1]
    assert title == "使用指南" and "从哪里开始" in text and "恢复" in text and "模板" in text
    window.window_actions["shortcuts"].trigger()
    title, text = shown[-1]
    assert title == "快捷键一览"
    rows = dict(shortcut_rows(window.findChildren(type(window.window_actions["undo"]))))
    assert rows["查找…"] == "Ctrl+F" and rows["替换…"] == "Ctrl+H"
    assert rows["重做"] == "Ctrl+Y" and rows["撤销"] == "Ctrl+Z"
    assert "Ctrl+F" in text


def test_about_names_the_version(make_window: Any, answers: Any) -> None:
    window = make_window()
    window.window_actions["about"].trigger()
    assert answers.asked[-1] == ("inform", about_text())
    assert app_version() in about_text() and app_version() != ""


def test_qt_file_dialog_labels_are_chinese(app: Any) -> None:
    dialog = QFileDialog(None, "打开", "", "草稿 (*.draft.json)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    labels = [re.sub(r"\(&\w\)", "", label.text()) for label in dialog.findChildren(QLabel) if label.text()]
    assert labels == ["查找范围：", "文件名称：", "文件类型："]


def _right_click(widget: Any, target: Any) -> list[tuple[str, str]]:
    """(text, key) of each entry of the menu a right-click on ``target`` opens (then closed)."""
    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    entries: list[tuple[str, str]] = []

    def read_and_close() -> None:
        menu = QApplication.activePopupWidget()
        if menu is not None:
            entries.extend((a.text(), a.shortcut().toString()) for a in menu.actions() if a.isVisible())
            menu.close()

    QTimer.singleShot(0, read_and_close)
    at = QPoint(5, 5)
    QApplication.sendEvent(target, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, target.mapToGlobal(at)))
    QApplication.processEvents()
    return entries


def test_every_editor_fields_right_click_menu_has_the_windows_undo_keys(make_window: Any, new_report: Any) -> None:
    """The menus name the window's own keys: 撤销 Ctrl+Z, 重做 Ctrl+Y — never a field's own history."""
    from PySide6.QtWidgets import QAbstractSpinBox, QCalendarWidget, QPlainTextEdit

    def in_calendar(widget: Any) -> bool:  # the date popup's own year box is not a field of the draft
        while widget is not None and not isinstance(widget, QCalendarWidget):
            widget = widget.parentWidget()
        return widget is not None

    window = make_window()
    new_report(window, seed_path("004"))
    window.doc.set_report_field("title", "改过的标题")  # something to undo: the entry names it
    editor = window.editor
    fields = [editor.section_form.heading_edit, editor.section_form.body_edit, editor.section_form.tail_edit,
              *editor.report_form.editors.values()]
    checked = 0
    for field in fields:
        for widget in [field, *field.findChildren(QAbstractSpinBox)]:
            if not isinstance(widget, (QLineEdit, QPlainTextEdit, QAbstractSpinBox)) or in_calendar(widget):
                continue
            widget.setEnabled(True)
            if isinstance(widget, QPlainTextEdit):
                target = widget.viewport()  # where a right-click arrives
            elif isinstance(widget, QAbstractSpinBox):
                target = widget.findChild(QLineEdit)
            else:
                target = widget
            entries = _right_click(widget, target)
            undo = [(text, key) for text, key in entries if "撤" in text or "重做" in text]
            assert undo == [("撤销 修改标题", "Ctrl+Z"), ("重做", "Ctrl+Y")], (widget.objectName(), entries)
            checked += 1
    assert checked >= 15


def test_right_click_undo_is_the_windows(make_window: Any, new_report: Any) -> None:
    from gui.editor.widgets import context_menu_with_window_undo

    window = make_window()
    new_report(window, seed_path("004"))
    edit = window.editor.section_form.heading_edit
    assert isinstance(edit, QLineEdit)
    actions = context_menu_with_window_undo(edit).actions()
    assert window.window_actions["undo"] in actions and window.window_actions["redo"] in actions
    assert not any(a.objectName() in ("edit-undo", "edit-redo") for a in actions)


def test_the_guide_covers_what_the_app_does_by_the_names_it_shows(make_window: Any, new_report: Any) -> None:
    """Every feature the guide explains is named as the window names it, so a clerk can find it."""
    from gui.dialogs.help_dialog import guide_markdown

    guide = guide_markdown()
    window = make_window()
    new_report(window, seed_path("004"))
    for action in (window.window_actions["import_review"], window.window_actions["history"], window.window_actions["library_add_files"],
                   window.window_actions["library_add_folder"], window.window_actions["library_manage"], window.window_actions["find"],
                   window.window_actions["check"], window.window_actions["undo"], window.window_actions["redo"]):
        name = action.text().split(" ")[0].rstrip("…")
        assert name in guide, name
    form = window.editor.section_form
    checks = window.panel_host.checks
    named = [form.attachment_box.text(), checks.fix_button.text(), "修正本类全部", "修正全部可自动修正的问题",
             "附件说明", "附件正文", "从文件导入附件", "版头", "版记", "电子红头", "套红纸", "发文字号", "抄送机关",
             "印发机关", "恢复草稿", "恢复", "丢弃", "以后再说", "恢复此版本", "接受", "拒绝", "全部接受",
             "导出修改对照表", "本节建议", "加入正文", "成文日期", "2024-7-1", "20240701"]
    missing = [name for name in named if name not in guide]
    assert missing == []
    headings = re.findall(r"^#+ (?:[一二三四五六七八九十]+、)?(.+)$", guide, re.MULTILINE)
    assert {"资料库", "领导审阅后", "附件", "版头和版记（公文格式要素）", "不丢稿"} <= set(headings), headings
