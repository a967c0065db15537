"""The window's actions and panels are tables (gui/window_actions.py, gui/window_panels.py):
walk them on the real window, and try the ARCHITECTURE recipes of adding a row."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from core.draft.model import Report, Section
from gui import window_actions, window_panels
from gui.document import DraftDocument
from gui.panels.panel_base import DocumentBound
from gui.window_actions import ACTIONS, MENUS, ActionRow
from gui.window_panels import PANELS, PanelRow

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def test_every_action_is_in_its_menu_in_chinese_with_unique_keys(make_window: Any) -> None:
    window = make_window()
    keys: dict[str, str] = {}
    for row in ACTIONS:
        assert CHINESE.search(row.text), row.name
        menu = window.window_actions.menu(row.menu)
        if row.submenu:
            assert window.window_actions.menu(row.name).menuAction() in menu.actions()
            continue
        action = window.window_actions[row.name]
        assert action in menu.actions(), row.name
        assert CHINESE.search(action.text()), row.name
        for key in action.shortcuts():
            assert key.toString() not in keys, f"{row.name} and {keys.get(key.toString())} share {key.toString()}"
            keys[key.toString()] = row.name
    assert [action.text() for action in window.menuBar().actions()] == [row.title for row in MENUS]
    assert window.window_actions["save"].shortcuts()[0].toString() == "Ctrl+S"
    assert window.window_actions["redo"].shortcuts()[0].toString() == "Ctrl+Y"  # then the platform's own


def _rule_holds(window: Any, doc: DraftDocument | None) -> None:
    for row in ACTIONS:
        if row.submenu or row.enabled is None:
            continue
        assert window.window_actions[row.name].isEnabled() == row.enabled(doc), (row.name, doc)


def test_each_action_is_enabled_as_its_row_says(make_window: Any, answers: Any, tmp_path: Path) -> None:
    window = make_window()
    _rule_holds(window, None)
    assert not window.window_actions["save"].isEnabled() and window.window_actions["new"].isEnabled()
    window.set_document(DraftDocument(Report(title="工作总结", sections=[Section(heading="一、主要工作")])))
    _rule_holds(window, window.doc)
    assert window.window_actions["save"].isEnabled() and not window.window_actions["history"].isEnabled()
    answers.save_paths.append(str(tmp_path / "工作总结.draft.json"))
    assert window.documents.save()
    _rule_holds(window, window.doc)
    assert window.window_actions["history"].isEnabled()
    assert window.documents.close_document()
    _rule_holds(window, None)


def test_editor_menus_follow_the_editor_page(make_window: Any) -> None:
    window = make_window()
    editor_menus = [row.name for row in MENUS if row.with_editor]
    assert editor_menus == ["outline", "tools", "view"]
    assert not any(window.window_actions.menu(name).isEnabled() for name in editor_menus)
    window.set_document(DraftDocument(Report(title="工作总结", sections=[Section(heading="一、主要工作")])))
    assert all(window.window_actions.menu(name).isEnabled() for name in editor_menus)
    toolbar = [a.text() for a in window.toolbar.actions() if not a.isSeparator()]
    assert toolbar == ["新建报告…", "打开草稿…", "保存", "导出 Word…", "撤销", "重做"]


def test_a_new_action_is_one_row(make_window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The ARCHITECTURE recipe: a row in ACTIONS, and the action is in its menu with its key,
    enabled by its rule and doing what its row says."""
    said: list[str] = []
    row = ActionRow("count_words", "统计字数", "tools", lambda w: said.append(w.objectName()), ("Ctrl+Alt+J",),
                    enabled=window_actions.with_draft)
    monkeypatch.setattr(window_actions, "ACTIONS", (*ACTIONS, row))
    window = make_window()
    action = window.window_actions["count_words"]
    assert action in window.window_actions.menu("tools").actions()
    assert [k.toString() for k in action.shortcuts()] == ["Ctrl+Alt+J"]
    assert not action.isEnabled()
    window.set_document(DraftDocument(Report(title="工作总结", sections=[Section(heading="一、主要工作")])))
    assert action.isEnabled()
    action.trigger()
    assert said == ["mainWindow"]


def _open_editor(window: Any) -> None:
    window.set_document(DraftDocument(Report(title="工作总结", sections=[Section(heading="一、主要工作")])))


def test_every_panel_is_docked_and_listed_in_view(make_window: Any) -> None:
    window = make_window()
    _open_editor(window)
    view = window.window_actions.menu("view").actions()
    assert [row.name for row in PANELS] == list(window.panel_host.docks)
    for row in PANELS:
        dock = window.panel_host.docks[row.name]
        assert CHINESE.search(row.title) and dock.windowTitle() in (row.title, window.panel_host.reference.title())
        assert dock.toggleViewAction() in view, row.name
        assert dock.widget() is window.panel_host.widgets[row.name]
        if row.dock == window_panels.TAB:
            assert dock in window.tabifiedDockWidgets(window.panel_host.docks[row.of]), row.name
    bound = {name for name, widget in window.panel_host.widgets.items() if isinstance(widget, DocumentBound)}
    assert bound == {"reference", "preview", "flags", "library", "checks"}
    assert all(widget._doc is window.doc for widget in window.panel_host.document_panels())


def test_a_new_panel_is_one_row(make_window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The ARCHITECTURE recipe: a DocumentBound widget and a row in PANELS; the panel is docked
    as a tab, listed in 视图, and follows the open draft."""
    from PySide6.QtWidgets import QLabel

    class WordCount(DocumentBound, QLabel):
        def document_set(self) -> None:
            self.setText(f"{self._doc.report.char_count()} 字" if self._doc is not None else "")

    row = PanelRow("word_count", "字数", lambda _services: WordCount(), window_panels.TAB, "reference")
    monkeypatch.setattr(window_panels, "PANELS", (*PANELS, row))
    window = make_window()
    _open_editor(window)
    dock = window.panel_host.docks["word_count"]
    assert dock.toggleViewAction() in window.window_actions.menu("view").actions()
    assert dock in window.tabifiedDockWidgets(window.panel_host.docks["reference"])
    assert dock.widget().text() == f"{window.doc.report.char_count()} 字"
    window.documents.close_document()
    assert dock.widget().text() == ""
