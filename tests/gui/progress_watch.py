"""Watching a progress dialog of the real window from a timer, as the clerk sees it: the bar,
the label, and 取消 pressed when the test says; the timer's ticks are the proof that the
GUI thread's event loop kept turning while the work ran."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton

from gui.workers import BAR_STEPS


class ProgressWatch:
    """Every 20 ms while the window works: note the progress dialog's bar and label, and press
    its 取消 once ``ready(value, label)`` holds."""

    def __init__(self, window: Any, ready: Callable[[int, str], bool]) -> None:
        self.window = window
        self.ready = ready
        self.ticks_while_shown = 0  # timer ticks while the dialog showed: the event loop turning
        # (bar value, label) while the dialog showed; the value -1 while the bar showed busy.
        self.seen: list[tuple[int, str]] = []
        self.clicked: list[tuple[int, str]] = []
        self.after_click: list[str] = []
        self.timer = QTimer()
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        dialogs = [d for d in self.window.findChildren(QProgressDialog) if d.isVisible()]
        if not dialogs:
            return
        dialog = dialogs[0]
        self.ticks_while_shown += 1
        if self.clicked:
            self.after_click.append(dialog.labelText())
            return
        assert dialog.maximum() in (0, BAR_STEPS)  # busy (LibreOffice) or thousandths
        value, label = dialog.value() if dialog.maximum() else -1, dialog.labelText()
        self.seen.append((value, label))
        if self.ready(value, label):
            self.clicked.append((value, label))
            next(b for b in dialog.findChildren(QPushButton) if b.text() == "取消").click()
            self.after_click.append(dialog.labelText() if dialog.isVisible() else "")
