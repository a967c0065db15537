"""The window fits a 1280×800 office screen, whatever panel or tab the clerk opens."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from tests.conftest import seed_path


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
    for name in window.panels:
        window.show_panel(name)
        qtbot.wait(20)
        assert fits(), name
    tabs = window.library_panel.tabs
    for index in range(tabs.count()):  # 本节建议 once widened the window to 1733 px
        tabs.setCurrentIndex(index)
        window.library_panel.suggest_now()
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
