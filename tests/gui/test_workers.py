"""Slow work runs off the GUI thread as a BackgroundTask; progress shows only when it takes over
half a second. (The polling run_in_background these tests once covered is gone.)"""

from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget


def _progress_dialogs(parent: QWidget) -> list[QProgressDialog]:
    return [w for w in parent.findChildren(QProgressDialog) if w.isVisible()]


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


# ---- BackgroundTask: the pool, queued signals, continuations --------------------------------


def _task(parent: QWidget, fn: Any, *args: object, **options: Any) -> tuple[list[object], list[BaseException]]:
    """Start ``fn`` as a BackgroundTask; what it hands back lands in the two lists."""
    from gui.workers import start_in_background

    done: list[object] = []
    failed: list[BaseException] = []
    start_in_background(parent, options.pop("label", "计算"), fn, *args, on_done=done.append,
                        on_failed=failed.append, **options)
    return done, failed


def test_task_returns_at_once_and_hands_its_result_to_the_continuation(app: QApplication, qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    threads: list[str] = []
    release = threading.Event()

    def work(x: int) -> int:
        threads.append(threading.current_thread().name)
        release.wait(30)
        return x * 2

    done, failed = _task(parent, work, 21)
    assert done == []  # the caller went on while the work waits: nothing nested, nothing blocked
    release.set()
    qtbot.waitUntil(lambda: bool(done or failed), timeout=30_000)
    assert done == [42] and failed == []
    assert threads and threads[0] != threading.main_thread().name
    assert _progress_dialogs(parent) == []


def test_task_errors_reach_the_continuation(app: QApplication, qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def fail() -> None:
        raise ValueError("坏了")

    done, failed = _task(parent, fail)
    qtbot.waitUntil(lambda: bool(done or failed), timeout=30_000)
    assert done == [] and [str(e) for e in failed] == ["坏了"] and isinstance(failed[0], ValueError)


def test_slow_task_shows_a_dialog_and_holds_off_input_until_it_ends_then_delivers_it(app: QApplication, qtbot: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    parent = QWidget()
    field = QLineEdit(parent)
    QVBoxLayout(parent).addWidget(field)
    qtbot.addWidget(parent)
    parent.show()
    qtbot.waitExposed(parent)
    field.setFocus()
    release = threading.Event()
    done, failed = _task(parent, lambda: release.wait(60) and "读完了", label="正在读取“上年报告.docx”…")
    qtbot.keyClicks(field, "ab")  # the work may be reading what the clerk would change
    assert field.text() == ""
    qtbot.waitUntil(lambda: bool(_progress_dialogs(parent)), timeout=30_000)
    assert [d.labelText() for d in _progress_dialogs(parent)] == ["正在读取“上年报告.docx”…"]
    assert [b for d in _progress_dialogs(parent) for b in d.findChildren(QPushButton) if b.isVisible()] == []
    release.set()
    qtbot.waitUntil(lambda: bool(done or failed), timeout=30_000)
    assert done == ["读完了"] and _progress_dialogs(parent) == []
    assert field.text() == "ab"  # held back, not lost: the keys arrive once the work has ended
    qtbot.keyClick(field, Qt.Key.Key_C)
    assert field.text() == "abc"  # the window takes input again


def _commit(widget: QWidget, text: str) -> None:
    """What an input method sends when the clerk picks a candidate: a commit, not keys."""
    from PySide6.QtGui import QInputMethodEvent

    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_typing_on_through_an_export_keeps_every_character_in_order_and_never_cancels_it(
    app: QApplication, qtbot: Any
) -> None:
    """A clerk clicks 导出 and goes on typing — keys ("20", " ") and input-method commits ("我部",
    "年") mixed, before and after the progress dialog shows (walkthrough W2, W3): the dialog takes
    no keyboard (a space on its 取消 had cancelled the export and lost the characters), and the
    text arrives in the order typed once the export has ended."""
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    from gui.workers import CANCELLING

    parent = QWidget()
    field = QLineEdit(parent)
    field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    QVBoxLayout(parent).addWidget(field)
    qtbot.addWidget(parent)
    parent.show()
    qtbot.waitExposed(parent)
    parent.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is parent, timeout=10_000)
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field, timeout=10_000)
    release = threading.Event()
    done, failed = _task(parent, lambda cancelled: release.wait(60) and "导出了", label="正在导出…", cancellable=True)
    qtbot.keyClicks(field, "20")
    _commit(field, "我部")  # the input method's commit lands between the keys, as typed
    qtbot.waitUntil(lambda: bool(_progress_dialogs(parent)), timeout=30_000)
    dialog = _progress_dialogs(parent)[0]
    # Where the keyboard is now: the field (the dialog is shown without activating) or, on a
    # platform that activates every new window (offscreen does), the dialog.
    typing_at = QApplication.focusWidget() or dialog
    assert typing_at in (field, dialog)
    qtbot.keyClicks(typing_at, "23 ")
    _commit(typing_at, "年")
    qtbot.keyClick(typing_at, Qt.Key.Key_Space)
    assert dialog.labelText() != CANCELLING and field.text() == ""
    release.set()
    qtbot.waitUntil(lambda: bool(done or failed), timeout=30_000)
    assert done == ["导出了"] and failed == []
    assert field.text() == "20我部23 年 "


def test_task_cancel_button_stops_the_work(app: QApplication, qtbot: Any) -> None:
    from core.base.errors import Cancelled, stop_if_cancelled
    from gui.workers import CANCELLING

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    def slow(cancelled: Any) -> str:
        for _ in range(1200):  # a minute unless stopped
            stop_if_cancelled(cancelled)
            time.sleep(0.05)
        return "finished"

    done, failed = _task(parent, slow, label="正在导出…", cancellable=True)
    qtbot.waitUntil(lambda: bool(_progress_dialogs(parent)), timeout=30_000)
    dialog = _progress_dialogs(parent)[0]
    button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "取消")
    button.click()
    assert (dialog.labelText(), button.isEnabled(), dialog.isVisible()) == (CANCELLING, False, True)
    qtbot.waitUntil(lambda: bool(done or failed), timeout=30_000)
    assert done == [] and len(failed) == 1 and isinstance(failed[0], Cancelled)
    assert _progress_dialogs(parent) == []


def test_task_bar_follows_cores_progress(app: QApplication, qtbot: Any) -> None:
    from gui.workers import BAR_STEPS

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    halfway = threading.Event()
    release = threading.Event()

    def measured(progress: Any) -> str:
        progress.part(0.0, 1.0, "正在套用模板写出各段…").update(1, 2)
        halfway.set()
        release.wait(60)
        return "ok"

    done, failed = _task(parent, measured, label="正在生成 Word 文档…", progress=True)
    qtbot.waitUntil(lambda: halfway.is_set() and bool(_progress_dialogs(parent))
                    and _progress_dialogs(parent)[0].value() == BAR_STEPS // 2, timeout=30_000)
    assert _progress_dialogs(parent)[0].labelText() == "正在套用模板写出各段…"
    release.set()
    qtbot.waitUntil(lambda: bool(done or failed), timeout=30_000)
    assert done == ["ok"]


def test_task_outlived_by_its_window_never_calls_back(app: QApplication, qtbot: Any) -> None:
    """The window closed (and deleted) while the work runs: the worker must not emit on the
    deleted task, and nothing is called back."""
    import shiboken6

    parent = QWidget()
    release = threading.Event()
    ran: list[str] = []

    def work() -> str:
        release.wait(30)
        ran.append("ended")
        return "late"

    done, failed = _task(parent, work)
    shiboken6.delete(parent)
    release.set()
    qtbot.waitUntil(lambda: ran == ["ended"], timeout=30_000)
    QApplication.processEvents()
    assert done == [] and failed == []


def test_a_hundred_tasks_leave_none_refcount_flat(app: QApplication, qtbot: Any) -> None:
    """PySide6 6.11 leaks references to None through some Python-made Qt objects; a task per
    export or import must not (measured with this loop: 0 over 100 tasks, as for the
    polling run_in_background it replaced; 700 when each task made its own QObject, timers
    and connections)."""
    import gc
    import sys

    parent = QWidget()
    qtbot.addWidget(parent)

    def run_one() -> None:
        done, failed = _task(parent, int, "7")
        deadline = time.monotonic() + 30
        while not (done or failed):  # (qtbot.waitUntil's own timers would leak here)
            assert time.monotonic() < deadline
            QApplication.processEvents()
            time.sleep(0.001)
        assert done == [7]

    for _ in range(5):
        run_one()  # warm up: lazily made objects settle first
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(100):
        run_one()
    QApplication.sendPostedEvents(None, 0)  # DeferredDelete of the ended tasks
    gc.collect()
    assert sys.getrefcount(None) - before < 20  # a leak per task would be ≥ 100
