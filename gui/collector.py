"""Python's cyclic garbage collector, run on the GUI thread only.

Left automatic, the collector runs in whichever thread allocates past its threshold: the checks,
the preview or jieba's worker. When the cycle it frees holds a Qt object (a QTextDocument a
layout made, a widget's wrapper), that object's C++ destructor then runs on the worker: it takes
Qt's signal lock and waits for the interpreter lock, while the GUI thread, holding the
interpreter lock, waits for the signal lock to connect one — both wait for ever (seen in CI: a
check pass froze the window). So automatic collection is turned off and the GUI thread collects,
generation by generation as the thresholds say, on a timer.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from core.base.memory import collect_when_due

# How often the GUI thread looks whether a collection is due: a young-generation collection
# takes well under a millisecond, so typing never feels it.
COLLECT_INTERVAL_MS = 300


class GuiThreadCollector(QObject):
    """Turns automatic collection off for as long as it runs, and collects when due."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(COLLECT_INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> None:
        """Collect the oldest generation whose threshold is passed, as the automatic collector would."""
        collect_when_due(self._thresholds)

    def stop(self, resume_automatic: bool = True) -> None:
        """Stop collecting; ``resume_automatic``: turn automatic collection back on if it was on
        (not while any worker thread may still run beside a live event loop)."""
        self._timer.stop()
        if self._was_enabled and resume_automatic:
            gc.enable()

    @property
    def automatic_was_on(self) -> bool:
        return self._was_enabled


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """The application's collector, made the first time."""
    existing = app.findChild(GuiThreadCollector)
    return existing if isinstance(existing, GuiThreadCollector) else GuiThreadCollector(app)
