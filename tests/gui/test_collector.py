"""The cyclic garbage collector runs on the GUI thread only (gui/collector.py): a Qt object in a
garbage cycle is never destroyed on a worker thread, where its destructor can deadlock with the
GUI thread."""

from __future__ import annotations

import gc
import threading
import weakref
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication


class _Cyclic(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.me = self  # a cycle only the cyclic collector frees


def test_a_qt_object_in_a_cycle_is_freed_on_the_gui_thread(app: QApplication, qtbot: Any) -> None:
    assert not gc.isenabled()
    freed_on: list[str] = []
    obj = _Cyclic()
    weakref.finalize(obj, lambda: freed_on.append(threading.current_thread().name))
    del obj

    kept: list[list[int]] = []

    def allocate() -> None:  # far past the young generation's threshold, as a check pass does
        kept.extend([index] for index in range(50_000))

    worker = threading.Thread(target=allocate, name="worker")
    worker.start()
    worker.join()
    assert freed_on == []  # no collection ran on the worker
    qtbot.waitUntil(lambda: bool(freed_on), timeout=5000)
    assert freed_on == [threading.main_thread().name]


def test_a_plain_test_after_the_window_collects_on_the_main_thread() -> None:
    """After a window ran, automatic collection stays off (its workers may still run); what is
    due is collected on the main thread, as the window's collector does."""
    from core.base.memory import collect_when_due

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        freed: list[str] = []
        obj = _Cyclic()
        weakref.finalize(obj, lambda: freed.append(threading.current_thread().name))
        del obj
        kept = [[index] for index in range(2 * gc.get_threshold()[0])]  # past the young threshold
        collect_when_due((0, 10**9, 10**9))
        assert freed == [threading.main_thread().name] and kept
    finally:
        if was_enabled:
            gc.enable()
