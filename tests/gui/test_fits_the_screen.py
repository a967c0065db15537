"""The window and every dialog fit a 1280×800 office screen, whatever panel or tab the clerk opens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from gui.window_state import FRAME_ALLOWANCE
from tests.conftest import seed_path
from tests.gui.conftest import read_prior


def test_no_dock_or_tab_widens_the_window(make_window: Any, new_report: Any, qtbot: Any) -> None:
    screen = QApplication.primaryScreen().availableGeometry()
    assert (screen.width(), screen.height()) == (1280, 800)  # the GUI tests' offscreen screen
    window = make_window(size=None)  # the first size is the app's own choice
    new_report(window, seed_path("004"))
    qtbot.wait(50)

    def fits() -> bool:
        frame = window.frameGeometry()
        return frame.width() <= screen.width() and frame.height() <= screen.height()

    assert fits()
    for name in window.panel_host.docks:
        window.show_panel(name)
        qtbot.wait(20)
        assert fits(), name
    tabs = window.panel_host.library.tabs
    for index in range(tabs.count()):  # 本节建议 once widened the window to 1733 px
        tabs.setCurrentIndex(index)
        window.panel_host.library.suggest_now()
        qtbot.wait(300)
        assert fits(), tabs.tabText(index)
    for index in range(window.editor.tabs.count()):
        window.editor.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        assert fits(), window.editor.tabs.tabText(index)
    assert window.minimumSizeHint().width() <= screen.width()


def test_a_saved_window_bigger_than_the_screen_is_repaired(make_window: Any) -> None:
    window = make_window(size=(2400, 1600))  # as saved on a large monitor
    window.close()
    again = make_window(size=None)
    screen = QApplication.primaryScreen().availableGeometry()
    assert again.width() <= screen.width() and again.height() <= screen.height()


# A 1280×800 screen less a 40 px taskbar: what Windows leaves a window on a common office PC.
TASKBAR_FREE = (1280, 760)


@pytest.fixture
def taskbar(monkeypatch: pytest.MonkeyPatch) -> QSize:
    """The offscreen screen has no taskbar; give it one. Returns the room a dialog may take:
    the free area less the title bar and frame a window manager adds."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(0, 0, *TASKBAR_FREE))
    return QSize(TASKBAR_FREE[0] - FRAME_ALLOWANCE[0], TASKBAR_FREE[1] - FRAME_ALLOWANCE[1])


def assert_fits(dialog: QWidget, room: QSize, qtbot: Any, what: str) -> None:
    """Shown, the dialog (and the least its layout allows) fits the room, every button inside it."""
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    size, least = dialog.size(), dialog.minimumSizeHint()
    assert size.width() <= room.width() and size.height() <= room.height(), (what, size)
    assert least.width() <= room.width() and least.height() <= room.height(), (what, least)
    buttons = [b for b in dialog.findChildren(QAbstractButton) if b.isVisibleTo(dialog)]
    assert buttons, what
    for button in buttons:
        corner = button.mapTo(dialog, button.rect().bottomRight())
        assert dialog.rect().contains(corner), (what, button.text(), corner)
    dialog.close()


def test_every_dialog_fits_a_screen_with_a_taskbar(
    make_window: Any, new_report: Any, qtbot: Any, taskbar: QSize, answers: Any, tmp_path: Path
) -> None:
    from core.checks.preflight import preflight
    from core.draft.session import Autosave
    from core.reuse.new_draft import CARRY_TEXT
    from gui.dialogs.error_dialog import ErrorDialog
    from gui.dialogs.help_dialog import HelpDialog, guide_markdown, shortcuts_markdown
    from gui.dialogs.history_dialog import HistoryDialog
    from gui.dialogs.library_dialogs import LibraryManager
    from gui.dialogs.new_report_dialog import NewReportDialog
    from gui.dialogs.preflight_dialog import PreflightDialog
    from gui.dialogs.recovery_dialog import RecoveryDialog

    window = make_window(size=None)

    # 新建报告 in each state it can be in: no file, last year's report, this year's 要点.
    dialog = NewReportDialog(window.settings, None, window)
    assert_fits(dialog, taskbar, qtbot, "新建报告")
    for kind, start, seed in (("annual_summary", "prior", "004"), ("half_year_summary", "plan", "002")):
        dialog = NewReportDialog(window.settings, None, window)
        dialog._select_kind(kind)
        if start == "plan":
            dialog.plan_radio.setChecked(True)
        assert read_prior(dialog, seed_path(seed))
        dialog.carry_text_radio.setChecked(True)
        assert_fits(dialog, taskbar, qtbot, f"新建报告 {start}")

    new_report(window, seed_path("001"), mode=CARRY_TEXT)
    window.window_actions["find"].trigger()
    assert_fits(window.find_dialog, taskbar, qtbot, "查找和替换")
    assert_fits(HelpDialog("使用指南", guide_markdown(), window), taskbar, qtbot, "使用指南")
    assert_fits(HelpDialog("快捷键一览", shortcuts_markdown([window.window_actions["undo"]]), window), taskbar, qtbot, "快捷键")
    items = preflight(window.doc.report)
    assert len(items) > 30  # more than fit: the list scrolls, the dialog does not grow
    assert_fits(PreflightDialog(items, window), taskbar, qtbot, "导出前检查")

    answers.save_paths.append(str(tmp_path / "草稿.draft.json"))
    assert window.documents.save()
    for n in range(3):
        window.doc.set_report_field("title", f"第{n}稿")
        assert window.documents.save()
    assert_fits(HistoryDialog(window.doc, window), taskbar, qtbot, "历史版本")
    assert_fits(LibraryManager(window.library, window), taskbar, qtbot, "管理资料库")
    from core.library import DocumentInfo
    from gui.dialogs.metadata_dialog import MetadataDialog

    long_title = "关于" + "加强和改进基层党建工作" * 8 + "的报告"
    documents = [
        DocumentInfo(n, f"报告{n}.docx", long_title, "annual_summary", 2020 + n, "区委组织部" * 4, "import",
                     "2024-07-01T09:30:00", "0" * 64, 10)
        for n in range(2)
    ]
    assert_fits(MetadataDialog(documents[:1], window), taskbar, qtbot, "修改信息")
    assert_fits(MetadataDialog(documents, window), taskbar, qtbot, "修改信息（多份）")

    autosaves = [Autosave(tmp_path / f"{n}.json", f"s{n}", n, "pc", "", "2024-07-01T09:30:00", f"草稿{n}" * 8)
                 for n in range(40)]
    assert_fits(RecoveryDialog(autosaves, window), taskbar, qtbot, "恢复草稿")
    error = ErrorDialog("程序出错了。" * 20, "Traceback\n" * 400, tmp_path / "crash.log", window)
    error.toggle_button.click()  # 显示详细信息
    assert_fits(error, taskbar, qtbot, "程序出错")
