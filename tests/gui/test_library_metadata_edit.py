"""管理资料库 corrects what the import guessed: a document's kind and year are changed there
(double-click, and right-click ▸ 修改信息… for a selection), and the 资料库 panel's filters find it
under the new values at once. The guess's reason shows as the cell's tooltip."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEventLoop, QPoint
from PySide6.QtWidgets import QDialog, QMenu

from tests.gui.conftest import manager_settled, until_told

_KEYPOINTS = "区科协2023年工作要点\n一、强化引领\n1.深化学习。引进高层次人才四十名。\n2.抓好培训。\n二、夯实基础\n3.推进建设。\n4.加强管理。\n5.做好发展。\n"
_SPEECH = "各位代表：\n现在，我代表区人民政府向大会报告工作。\n一、2022年工作回顾\n人才工作扎实推进，新引进人才三十名。\n"


def _settle(condition: Any, seconds: float = 30.0) -> None:
    """Let the window work (its library threads answer by signals) until ``condition`` holds."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if condition():
            return
        time.sleep(0.005)
    raise AssertionError("the window did not get there")


def _search(panel: Any, kind: str | None, year: int | None) -> set[str]:
    """What the panel finds for 人才 with these filters picked (nothing when a filter cannot be picked)."""
    kind_at = panel.kind_combo.findData(kind) if kind else 0
    year_at = panel.year_combo.findData(year) if year else 0
    if kind_at < 0 or year_at < 0:
        return set()  # no document has that value: the filter offers no such choice
    panel.kind_combo.setCurrentIndex(kind_at)
    panel.year_combo.setCurrentIndex(year_at)
    panel.hits = ["not yet"]
    panel.search_for("人才")
    _settle(lambda: panel.hits != ["not yet"] and panel.status_label.text() != "正在搜索…")
    return {hit.file_name for hit in panel.hits}


def test_edit_kind_and_year_and_find_it_under_the_new_values(
    make_window: Any, new_report: Any, answers: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from gui.dialogs.library_dialogs import LibraryManager
    from gui.dialogs.metadata_dialog import MetadataDialog

    folder = tmp_path / "往年报告"
    folder.mkdir()
    (folder / "要点.txt").write_text(_KEYPOINTS, encoding="utf-8")
    (folder / "报告.txt").write_text(_SPEECH, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))
    window = make_window()
    until_told(answers, window.window_actions["library_add_folder"].trigger)
    assert answers.asked[-1] == ("inform", "新增 2 份。")

    new_report(window, None)  # a blank report beside the panel: nothing else goes into the library
    panel = window.panel_host.library
    window.show_panel("library")
    _settle(lambda: panel.kind_combo.findData("work_report") >= 0 and panel.year_combo.findData(2023) >= 0)
    assert _search(panel, "work_report", 2023) == {"报告.txt"}  # guessed: a speech of 2023
    assert _search(panel, "annual_summary", 2021) == set()

    manager = manager_settled(LibraryManager(window.library, window))
    row = next(r for r in range(manager.table.rowCount()) if manager.table.item(r, 0).text() == "报告.txt")
    assert manager.reason_tooltip(row, 2) is None  # asked for: the reasons are read in the background
    manager_settled(manager)
    assert manager.reason_tooltip(row, 2) == "类型：开头称呼“各位代表：”，是会上的讲话或报告（双击可修改）"
    assert "回顾上一年" in manager.reason_tooltip(row, 3)

    # Double-click the row: the dialog opens on its values; the clerk picks 年度工作总结, 2021.
    def fill(dialog: MetadataDialog) -> int:
        assert dialog.year_edit.text() == "2023" and dialog.kind_combo.currentData() == "work_report"
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("annual_summary"))
        dialog.year_edit.setText("2021")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MetadataDialog, "exec", fill)
    manager.table.cellDoubleClicked.emit(row, 1)
    manager_settled(manager)
    row = next(r for r in range(manager.table.rowCount()) if manager.table.item(r, 0).text() == "报告.txt")
    assert (manager.table.item(row, 2).text(), manager.table.item(row, 3).text()) == ("年度工作总结", "2021")
    manager.reason_tooltip(row, 2)
    assert "手工修改" in manager_settled(manager).reason_tooltip(row, 2)

    _settle(lambda: panel.kind_combo.findData("annual_summary") >= 0 and panel.year_combo.findData(2021) >= 0)
    assert _search(panel, "annual_summary", 2021) == {"报告.txt"}
    assert _search(panel, "work_report", 2023) == set()

    # A year the clerk mistyped: a clear message, the dialog stays with what was typed, nothing changes.
    typed: list[str] = []

    def mistype(dialog: MetadataDialog) -> int:
        if typed:
            return QDialog.DialogCode.Rejected  # the clerk gives up
        dialog.year_edit.setText("二〇二一")
        typed.append(dialog.year_edit.text())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MetadataDialog, "exec", mistype)
    manager.table.selectRow(row)
    assert manager.edit_selected() == 1  # one document asked to change …
    manager_settled(manager)  # … refused, the dialog again with what was typed, then given up
    assert typed == ["二〇二一"]
    assert answers.asked[-1][0] == "warn" and "年度“二〇二一”不对" in answers.asked[-1][1]
    assert manager.table.item(row, 3).text() == "2021"

    # Right-click ▸ 修改信息… on a selection of both: one year for both, kinds left as they are.
    def both_2020(dialog: MetadataDialog) -> int:
        assert dialog.kind_combo.currentText() == "（多个值，不修改）"
        dialog.year_edit.setText("2020")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MetadataDialog, "exec", both_2020)
    manager.table.selectAll()
    menu = manager.context_menu_at(QPoint(5, manager.table.rowViewportPosition(1) + 5))
    assert isinstance(menu, QMenu) and [a.text() for a in menu.actions()] == ["修改信息…", "从资料库移除…"]
    assert len(manager.selected_ids()) == 2  # right-clicking inside the selection keeps it
    menu.actions()[0].trigger()
    manager_settled(manager)
    assert {manager.table.item(r, 3).text() for r in range(2)} == {"2020"}
    assert {manager.table.item(r, 2).text() for r in range(2)} == {"年度工作总结", "年度工作要点"}
    _settle(lambda: panel.year_combo.findData(2020) >= 0)
    assert _search(panel, None, 2020) == {"报告.txt", "要点.txt"}
    manager.close()
