"""Run slow work (imports, rendering) off the GUI thread, with progress after half a second.

``run_in_background`` reads like a plain call: it returns the function's result or raises
its exception, while the window keeps painting. User input is held back for the first
half second; after that a modal progress dialog shows that the app is busy, not frozen.
Work that can stop safely (``cancellable``: it takes a ``cancelled`` callable and raises
core.base.errors.Cancelled, having written nothing) gets a 取消 button in that dialog.
Work that tells how far it is (``progress``: it takes a core.base.progress.Progress, which
then also carries the 取消) gets a bar that moves with the fractions core reports and a
label saying what is being done; the GUI thread only paints them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from core.base.progress import Progress

T = TypeVar("T")
PROGRESS_AFTER_SECONDS = 0.5
_POLL_MS = 15
CANCELLING = "正在取消…"
BAR_STEPS = 1000  # the bar's range: core tells fractions in thousandths


def run_in_background(
    parent: QWidget | None,
    label: str,
    fn: Callable[..., T],
    *args: object,
    cancellable: bool = False,
    progress: bool = False,
) -> T:
    outcome: dict[str, object] = {}
    done = threading.Event()
    stop = threading.Event()
    told: list[tuple[float, str, bool]] = []  # the worker's latest (fraction, what, measured)

    def listen(fraction: float, what: str, measured: bool) -> None:  # worker thread: store, never paint
        told[:] = [(fraction, what, measured)]

    keywords: dict[str, object] = {}
    if progress:
        keywords["progress"] = Progress(listen, stop.is_set if cancellable else None)
    elif cancellable:
        keywords["cancelled"] = stop.is_set

    def work() -> None:
        try:
            outcome["result"] = fn(*args, **keywords)
        except BaseException as exc:  # re-raised on the GUI thread below
            outcome["error"] = exc
        finally:
            done.set()

    thread = threading.Thread(target=work, name=f"baogao-{label}", daemon=True)
    thread.start()
    started = time.monotonic()
    while not done.is_set() and time.monotonic() - started < PROGRESS_AFTER_SECONDS:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents, _POLL_MS)
        done.wait(_POLL_MS / 1000)
    if not done.is_set():
        dialog = QProgressDialog(label, "", 0, BAR_STEPS if progress else 0, parent)
        dialog.setWindowTitle("请稍候")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoReset(False)  # the bar at its end is not a cancel: the dialog closes below
        dialog.setAutoClose(False)
        if cancellable:
            button = QPushButton("取消", dialog)
            dialog.setCancelButton(button)

            def cancel() -> None:  # after Qt's own slot has hidden the dialog: show it stopping
                stop.set()
                button.setEnabled(False)
                dialog.setLabelText(CANCELLING)
                dialog.show()

            dialog.canceled.connect(cancel)
        else:
            dialog.setCancelButton(None)  # the work cannot be interrupted safely; it always ends
        dialog.show()
        try:
            while not done.is_set():
                if progress and told and not stop.is_set():
                    _show(dialog, *told[0])
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, _POLL_MS)
                done.wait(_POLL_MS / 1000)
        finally:
            dialog.close()
            dialog.deleteLater()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]


def _show(dialog: QProgressDialog, fraction: float, what: str, measured: bool) -> None:
    """The worker's latest word: what it is doing (when it said) and how far — the bar, or a busy
    bar while a step that cannot tell (LibreOffice) runs. The label first: a modal dialog's
    setValue turns the event loop, where 取消 may relabel it."""
    if what and dialog.labelText() != what:
        dialog.setLabelText(what)
    if dialog.maximum() != (BAR_STEPS if measured else 0):
        dialog.setRange(0, BAR_STEPS if measured else 0)
    if measured:
        dialog.setValue(round(fraction * BAR_STEPS))
