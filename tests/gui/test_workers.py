"""Slow work runs off the GUI thread; progress shows only when it takes over half a second."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from gui.workers import PROGRESS_AFTER_SECONDS, run_in_background


def _progress_dialogs(parent: QWidget) -> list[QProgressDialog]:
    return [w for w in parent.findChildren(QProgressDialog) if w.isVisible()]


def test_quick_work_returns_its_result_without_a_dialog(
    app: QApplication, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    created: list[object] = []
    monkeypatch.setattr("gui.workers.QProgressDialog", lambda *a: created.append(a) or QProgressDialog(*a))
    threads: list[str] = []

    def work(x: int) -> int:
        threads.append(threading.current_thread().name)
        return x * 2

    assert run_in_background(parent, "计算", work, 21) == 42
    assert threads and threads[0] != threading.main_thread().name
    assert created == []  # done well before PROGRESS_AFTER_SECONDS: no dialog flashes up


def test_slow_work_shows_progress_and_the_window_keeps_running(app: QApplication, qtbot: Any) -> None:
    """The work runs until the window has ticked 10 times and shown its progress dialog: it can
    only end if the event loop kept turning while it ran (a frozen window never ticks)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    ticks: list[int] = []
    dialogs: list[str] = []
    seen_enough = threading.Event()

    def tick() -> None:
        ticks.append(1)
        if not dialogs:
            dialogs.extend(d.labelText() for d in _progress_dialogs(parent))
        if len(ticks) >= 10 and dialogs:
            seen_enough.set()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(50)

    def slow_work() -> bool:
        time.sleep(PROGRESS_AFTER_SECONDS)  # at least this long: the dialog is due
        return seen_enough.wait(60)  # a bound for a stuck loop, never reached while it turns

    assert run_in_background(parent, "正在读取“上年报告.docx”…", slow_work) is True
    timer.stop()
    assert dialogs == ["正在读取“上年报告.docx”…"]
    assert len(ticks) >= 10  # the event loop ran throughout: the window never froze
    assert _progress_dialogs(parent) == []


def test_errors_reach_the_caller(app: QApplication) -> None:
    def fail() -> None:
        raise ValueError("坏了")

    with pytest.raises(ValueError, match="坏了"):
        run_in_background(None, "出错", fail)


def test_cancellable_work_gets_a_cancel_button_that_stops_it(app: QApplication, qtbot: Any) -> None:
    from core.base.errors import Cancelled, stop_if_cancelled
    from gui.workers import CANCELLING

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    seen: list[str] = []

    def slow(step: float, cancelled: Any) -> str:
        for _ in range(400):  # 20 s unless stopped
            stop_if_cancelled(cancelled)
            time.sleep(step)
        return "finished"

    def click_cancel() -> None:
        dialogs = _progress_dialogs(parent)
        if not dialogs:
            QTimer.singleShot(50, click_cancel)
            return
        button = next(b for b in dialogs[0].findChildren(QPushButton) if b.text() == "取消")
        button.click()
        seen.extend(d.labelText() for d in _progress_dialogs(parent))  # still shown, now stopping
        seen.append(str(button.isEnabled()))

    QTimer.singleShot(int(PROGRESS_AFTER_SECONDS * 1000), click_cancel)
    with pytest.raises(Cancelled):  # (else it would return "finished" after 20 s)
        run_in_background(parent, "正在导出…", slow, 0.05, cancellable=True)
    assert seen == [CANCELLING, "False"]
    assert _progress_dialogs(parent) == []


def test_work_that_cannot_stop_offers_no_cancel_button(app: QApplication, qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    buttons: list[list[str]] = []
    QTimer.singleShot(int(PROGRESS_AFTER_SECONDS * 1000) + 200, lambda: buttons.extend(
        [b.text() for b in d.findChildren(QPushButton) if b.isVisible()] for d in _progress_dialogs(parent)))
    run_in_background(parent, "正在读取…", time.sleep, 1.0)
    assert buttons == [[]]


def test_background_job_never_queues_more_than_the_newest_start(app: QApplication, qtbot: Any) -> None:
    """A clerk typing faster than the worker reads: starts made while a job runs replace one
    another, so only the running job and the newest start are ever computed, and the newest
    result is the one applied (the old queue kept a snapshot of the whole draft per start)."""
    from gui.panels.panel_base import BackgroundJob

    owner = QWidget()
    qtbot.addWidget(owner)
    applied: list[object] = []
    job = BackgroundJob(owner, applied.append)
    computed: list[int] = []
    first_may_finish = threading.Event()

    def compute(n: int) -> object:
        if n == 0:
            first_may_finish.wait(30)
        computed.append(n)
        return n

    for n in range(50):
        job.start(lambda n=n: compute(n))
    first_may_finish.set()
    qtbot.waitUntil(lambda: not job.running, timeout=30_000)
    assert computed == [0, 49]
    assert applied == [49]  # the first job's result was stale when it came back


def test_background_job_cancel_drops_the_waiting_start(app: QApplication, qtbot: Any) -> None:
    from gui.panels.panel_base import BackgroundJob

    owner = QWidget()
    qtbot.addWidget(owner)
    applied: list[object] = []
    job = BackgroundJob(owner, applied.append)
    release = threading.Event()
    job.start(lambda: release.wait(30) and "first")
    job.start(lambda: "second")
    job.cancel()
    release.set()
    qtbot.waitUntil(lambda: not job._busy, timeout=30_000)
    assert applied == [] and not job.running


def test_background_job_outlived_by_its_work_neither_emits_nor_keeps_its_thread(app: QApplication) -> None:
    """A window closed while a check still reads: the job's QObject is deleted before the
    work ends. The worker must not emit on the deleted object (a crash under load), and its
    thread ends rather than waiting for work forever."""
    import shiboken6

    from gui.panels.panel_base import BackgroundJob

    owner = QWidget()
    applied: list[object] = []
    job = BackgroundJob(owner, applied.append, name="outlived-test")
    release = threading.Event()

    def compute() -> object:
        release.wait(30)
        return "late"

    job.start(compute)
    shiboken6.delete(owner)  # deletes the job with it, as closing a window does
    release.set()
    deadline = time.monotonic() + 30
    while any(t.name.startswith("baogao-outlived-test") for t in threading.enumerate()):
        assert time.monotonic() < deadline, "the job's worker thread never ended"
        time.sleep(0.01)
    QApplication.processEvents()
    assert applied == []


def test_library_service_deleted_while_a_worker_emits_waits_for_that_emit(app: QApplication, tmp_path: Any) -> None:
    """The library's workers emit results while the window may be closing: the service's
    deletion waits for an emit under way, and later emits do nothing (checking isValid and
    then emitting left a gap in which Qt could delete the object mid-emit)."""
    import shiboken6
    from PySide6.QtCore import Qt

    from gui.panels.library_service import LibraryService

    service = LibraryService(tmp_path / "library")
    order: list[str] = []
    in_emit, release = threading.Event(), threading.Event()

    def slow_slot(number: int, hits: object) -> None:  # runs in the worker, inside its emit
        order.append(f"emit {number} begins")
        in_emit.set()
        release.wait(30)
        order.append(f"emit {number} ends")

    service.searched.connect(slow_slot, Qt.ConnectionType.DirectConnection)
    worker = threading.Thread(target=service._emit, args=("searched", 1, []))
    worker.start()
    assert in_emit.wait(30)
    releaser = threading.Timer(0.3, release.set)
    releaser.start()
    shiboken6.delete(service)
    order.append("deleted")
    worker.join(30)
    releaser.join(30)
    assert order == ["emit 1 begins", "emit 1 ends", "deleted"]
    service._emit("searched", 2, [])  # after deletion: neither an emit nor a RuntimeError
    assert order == ["emit 1 begins", "emit 1 ends", "deleted"]
