"""资料库 in the window: add a folder of 50 reports with progress, again with no duplicates, manage."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from tests.conftest import SEED_NAMES, seed_path
from tests.gui.conftest import manager_settled, until_told


def _fifty_reports(folder: Path) -> None:
    folder.mkdir()
    seeds = [seed_path(key).read_text(encoding="utf-8") for key in sorted(SEED_NAMES)]
    for n in range(50):
        text = seeds[n % len(seeds)].replace("2022", str(1990 + n)).replace("2021", str(1989 + n))
        (folder / f"报告{n:02d}.txt").write_text(f"第{n}份\n{text}", encoding="utf-8")


def test_add_a_folder_twice_and_manage(
    make_window: Any, answers: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "十年的报告"
    _fifty_reports(folder)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))
    shown: list[int] = []
    real_set_value = QProgressDialog.setValue
    monkeypatch.setattr(QProgressDialog, "setValue", lambda self, v: (shown.append(v), real_set_value(self, v)))

    window = make_window()  # the start page: the library is filled without opening a draft
    until_told(answers, window.window_actions["library_add_folder"].trigger)
    assert answers.asked[-1] == ("inform", "新增 50 份。")
    assert shown and max(shown) >= 1  # the progress moved while the window stayed alive

    until_told(answers, window.window_actions["library_add_folder"].trigger)
    assert answers.asked[-1] == ("inform", "新增 0 份，50 份与已有文档相同，未重复收入。")

    from gui.dialogs.library_dialogs import LibraryManager

    manager = manager_settled(LibraryManager(window.library, window))
    assert len(manager.documents) == 50 and manager.table.rowCount() == 50
    manager.filter_edit.setText("报告07")
    assert manager.table.rowCount() == 1
    manager.table.selectRow(0)
    monkeypatch.setattr("gui.dialogs.prompts.ask_remove_from_library", lambda parent, count: True)
    assert manager.remove_selected() == 1
    manager_settled(manager)
    assert len(manager.documents) == 49
    assert manager.count_label.text().startswith("资料库中共 49 份文档")
    manager.close()


def test_a_library_without_years_or_units_is_not_called_empty(make_window: Any, new_report: Any, tmp_path: Path) -> None:
    from core.base.paths import data_dir
    from core.draft.model import Report, Section
    from core.library import Library
    from core.text.plaintext import report_text
    from gui.panels.library_panel import EMPTY_LIBRARY

    # A document with no year and no unit: its facets are empty, the library is not.
    report = Report(kind="", sections=[Section(heading="人才工作", body=["引进人才四十名。"])])
    with Library(data_dir()) as library:
        library.add_report(report, original=report_text(report).encode("utf-8"), file_name="无年份.txt")
    window = make_window()
    new_report(window, None)  # a blank report: nothing else goes into the library
    panel = window.panel_host.library
    window.show_panel("library")
    window.library.open()
    from PySide6.QtCore import QCoreApplication

    for _ in range(200):
        QCoreApplication.processEvents()
        if window.library.is_open and panel.status_label.text() not in ("正在打开资料库…",):
            break
    panel.search_for("人才")
    for _ in range(300):
        QCoreApplication.processEvents()
        if panel.hits:
            break
    assert panel.hits and panel.status_label.text() != EMPTY_LIBRARY
