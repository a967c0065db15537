"""Last year's paragraphs beside the section stay in their pane.

Found by the random clerks (tests/gui/random_clerk.py): with 报告信息 in front, a click on a
section rebuilt the 上年参考 cards twice in one turn of the event loop; the first cards, just
added to the pane and already let go, then opened as windows of their own — and took the
keyboard focus from the main window, so a cell being edited closed and typing went nowhere.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from core.reuse.new_draft import CARRY_OUTLINE
from gui.panels.reference_pane import PAGE_SIZE, ReferenceCard
from tests.conftest import seed_path


class CardWindows(QObject):
    """Counts reference cards shown as windows of their own."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, ReferenceCard) and watched.isWindow():
            self.shown.append(watched.text)
        return False


def test_a_section_clicked_from_the_report_form_opens_no_windows(make_window: Any, new_report: Any,
                                                                  qtbot: Any) -> None:
    window = make_window()
    new_report(window, seed_path("001"), mode=CARRY_OUTLINE)
    with_reference = [s for _, s in window.doc.report.walk() if s.reference.strip()]
    window.show_panel("reference")
    window.activateWindow()
    qtbot.waitActive(window)
    window.show_report_form()
    qtbot.wait(20)
    tree = window.editor.outline.tree
    tree.setFocus()
    windows = CardWindows()
    QApplication.instance().installEventFilter(windows)
    try:
        window.editor.outline.select_section(with_reference[1].id)
        qtbot.wait(50)
        # Straight from one section to the next in one turn, as a jump from a list does.
        window.panel_host.reference.show_section(with_reference[2].id)
        window.panel_host.reference.show_section(with_reference[3].id)
        qtbot.wait(50)
    finally:
        QApplication.instance().removeEventFilter(windows)
    assert windows.shown == []
    assert QApplication.activeWindow() is window
    assert QApplication.focusWidget() is tree
    assert [card.text for card in window.panel_host.reference.cards]  # the pane itself shows the section's text
    assert all(card.isVisible() and not card.isWindow() for card in window.panel_host.reference.cards)
    assert len(window.panel_host.reference.paragraphs) <= PAGE_SIZE and window.panel_host.reference.pager.isHidden()  # no pages


def test_no_pane_lets_go_of_a_widget_by_orphaning_it() -> None:
    """Every pane that rebuilds its cards or buttons discards them with gui.style.discard."""
    from pathlib import Path

    gui_folder = Path(__file__).resolve().parents[2] / "gui"
    orphaning = [str(path.relative_to(gui_folder.parent)) for path in sorted(gui_folder.rglob("*.py"))
                 if "setParent(None)" in path.read_text(encoding="utf-8")]
    assert orphaning == []
