"""Run slow work (imports, rendering) off the GUI thread, with progress after half a second.

``start_in_background`` (a :class:`BackgroundTask`, below) is the way: the work on Qt's thread
pool, the caller going on at once and continuing in ``on_done``/``on_failed``, called on the GUI
thread by a queued signal; no event loop is nested. Export, 新建报告, the 新建报告 dialog's
reading of the prior, 导入审阅稿 and 资料库 ▸ 添加文件 use it. User input to the waiting window is
held back; after half a second a window-modal progress dialog shows that the app is busy, not
frozen. Work that can stop safely (``cancellable``: it takes a ``cancelled`` callable and raises
core.base.errors.Cancelled, having written nothing) gets a 取消 button in that dialog. Work that
tells how far it is (``progress``: it takes a core.base.progress.Progress, which then also
carries the 取消) gets a bar that moves with the fractions core reports and a label saying what
is being done; the GUI thread only paints them. ``running_for``/``when_idle`` let a closing
window wait for its work (gui/main_window.py closeEvent).
"""

from __future__ import annotations

import contextlib
import itertools
import threading
import time
from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from core.base.progress import Progress

T = TypeVar("T")
PROGRESS_AFTER_SECONDS = 0.5
_POLL_MS = 15
CANCELLING = "正在取消…"
BAR_STEPS = 1000  # the bar's range: core tells fractions in thousandths


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


# ---- jobs on a QThreadPool, reporting by queued signal ----------------------------------------
#
# PySide6 6.11 drops references to None for each connection made on a Python-made QObject, each
# Python-made QTimer and each QTimer.singleShot with a delay (tests/gui/test_qt_refcount.py
# watches such leaks), so a task makes none of them: one long-lived dispatcher, made once and
# never deleted (a worker can always emit on it), carries every task's end to the GUI thread,
# holds off input and ticks for the progress dialogs (measured flat over 100 tasks in
# tests/gui/test_workers.py).

_INPUT_EVENTS = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut,
    QEvent.Type.Wheel, QEvent.Type.ContextMenu, QEvent.Type.Drop, QEvent.Type.DragEnter, QEvent.Type.DragMove,
    QEvent.Type.InputMethod,  # what a Chinese input method commits: held in order with the keys
})


_KEYBOARD_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut,
    QEvent.Type.InputMethod,
})


class _Dispatcher(QObject):
    """Carries each task's end from its pool thread to the GUI thread (a queued connection),
    holds off the clerk's input to the windows that wait for a task (their progress dialogs,
    windows of their own, still take it) and ticks while tasks run."""

    ended = Signal(int, object, object)  # task number, result, exception

    def __init__(self) -> None:
        super().__init__()
        self.running: dict[int, BackgroundTask] = {}  # also keeps each task's Python side alive
        self.when_idle: list[tuple[QWidget, Callable[[], object]]] = []  # (window, what to do once it has no task)
        self.held_keys: list[tuple[QWidget, QKeyEvent | QInputMethodEvent]] = []  # typed while the window waited
        self.ended.connect(self._deliver)
        self._tick = QTimer(self)
        self._tick.setInterval(_POLL_MS)
        self._tick.timeout.connect(self._ticked)

    def add(self, task: BackgroundTask) -> None:
        if not self.running:
            QCoreApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
            self._tick.start()
        self.running[task.number] = task

    def _deliver(self, number: int, result: object, error: BaseException | None) -> None:
        task = self.running.pop(number, None)
        if not self.running:
            self._tick.stop()
            QCoreApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
        if task is not None:
            task.end(result, error)  # may start the next task of the same work
        self._release_held_keys()
        self._call_idle()

    def _call_idle(self) -> None:
        waiting, self.when_idle = self.when_idle, []
        for window, then in waiting:
            if not shiboken6.isValid(window):
                continue
            if any(task.window is window for task in self.running.values()):
                self.when_idle.append((window, then))
            else:
                then()

    def _ticked(self) -> None:
        for task in list(self.running.values()):
            task.tick()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _INPUT_EVENTS or not isinstance(watched, QWidget):
            return False
        window = watched.window()
        waiting = next((task for task in self.running.values() if window in (task.window, task.dialog)), None)
        if waiting is None:
            return False
        if window is waiting.dialog:
            # A platform that gave the progress dialog the keyboard anyway: a click (on 取消) and
            # Esc are meant for it; what else is typed belongs to the text box behind it.
            if event.type() not in _KEYBOARD_EVENTS or (
                isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape
            ):
                return False
            watched = waiting.window.focusWidget() or waiting.window
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            # Held back, not lost: typed while an export starts, the keys reach the text box
            # once the task has ended (what the clerk typed is never dropped).
            self.held_keys.append((watched, QKeyEvent(
                event.type(), event.key(), event.modifiers(), event.text(), event.isAutoRepeat(), event.count()
            )))
        elif isinstance(event, QInputMethodEvent):
            # An input method's commit (and its composition) in the same queue as the keys: "20"
            # typed as keys and "年" committed by the IME arrive as "20年", never reordered.
            copy = QInputMethodEvent(event.preeditString(), event.attributes())
            copy.setCommitString(event.commitString(), event.replacementStart(), event.replacementLength())
            self.held_keys.append((watched, copy))
        return True

    def _release_held_keys(self) -> None:
        """Send on, in order, the keys held back for windows that no longer wait for a task."""
        waiting = {task.window for task in self.running.values()}
        kept: list[tuple[QWidget, QKeyEvent | QInputMethodEvent]] = []
        for widget, event in self.held_keys:
            if not shiboken6.isValid(widget):
                continue
            if widget.window() in waiting:
                kept.append((widget, event))
                continue
            # To the text box it was typed into, not to whatever has the focus now (a message
            # box the task's end opened must not take the clerk's keys as a button press).
            QCoreApplication.sendEvent(widget, event)
            if isinstance(event, QKeyEvent):
                release = QKeyEvent(QEvent.Type.KeyRelease, event.key(), event.modifiers(), event.text())
                QCoreApplication.sendEvent(widget, release)
        self.held_keys = kept


_dispatcher: _Dispatcher | None = None
_numbers = itertools.count(1)


def _the_dispatcher() -> _Dispatcher:
    global _dispatcher
    if _dispatcher is None:
        _dispatcher = _Dispatcher()  # made on the GUI thread, by the first task's start
    return _dispatcher


def _nothing(*_args: object, **_kwargs: object) -> None:
    """What an ended task calls: nothing."""


class BackgroundTask:
    """Slow work (an export, an import) on Qt's thread pool; its end comes back to the GUI thread
    by queued signal and goes to ``on_done(result)`` or ``on_failed(exception)``. No event loop
    is nested: the caller returns at once and continues in those callbacks.

    Meanwhile the clerk's input to the window is held off (the work may read the draft), and past
    half a second a window-modal progress dialog says what is being done — with 取消 for work
    that can stop (``cancellable``: it takes ``cancelled``; or ``progress``: it takes a
    core.base.progress.Progress, whose fractions move the bar). A window closed meanwhile gets
    no call back. Start it with :meth:`start`.
    """

    def __init__(
        self,
        parent: QWidget,
        label: str,
        fn: Callable[..., T],
        *args: object,
        on_done: Callable[[T], object],
        on_failed: Callable[[BaseException], object],
        cancellable: bool = False,
        progress: bool = False,
        show_after: float = PROGRESS_AFTER_SECONDS,
    ) -> None:
        self.window = parent.window()
        self._show_after = show_after
        self._label = label
        self._on_done = on_done
        self._on_failed = on_failed
        self._cancellable = cancellable
        self._measured = progress
        self._stop = threading.Event()
        self._told: list[tuple[float, str, bool]] = []  # the worker's latest word, read by the GUI thread
        self._started = 0.0
        self.dialog: QProgressDialog | None = None
        keywords: dict[str, object] = {}
        if progress:
            keywords["progress"] = Progress(self._listen, self._stop.is_set if cancellable else None)
        elif cancellable:
            keywords["cancelled"] = self._stop.is_set
        self._work = (fn, args, keywords)
        self.number = next(_numbers)

    def start(self) -> BackgroundTask:
        from PySide6.QtCore import QThreadPool

        dispatcher = _the_dispatcher()
        dispatcher.add(self)
        self._started = time.monotonic()
        QThreadPool.globalInstance().start(lambda: self._run(dispatcher))
        return self

    def _listen(self, fraction: float, what: str, measured: bool) -> None:  # worker thread: store, never paint
        self._told[:] = [(fraction, what, measured)]

    def _run(self, dispatcher: _Dispatcher) -> None:  # on a pool thread
        fn, args, keywords = self._work
        result: object = None
        error: BaseException | None = None
        try:
            result = fn(*args, **keywords)
        except BaseException as exc:  # handed to on_failed on the GUI thread
            error = exc
        with contextlib.suppress(RuntimeError):  # the application ended meanwhile: nobody to tell
            dispatcher.ended.emit(self.number, result, error)

    def tick(self) -> None:
        """Every few milliseconds while the work runs: past half a second the dialog, then the
        worker's latest word on it (the GUI thread only paints)."""
        if not shiboken6.isValid(self.window):
            return
        if self.dialog is None:
            if time.monotonic() - self._started < self._show_after:
                return
            self._show_dialog()
        if self._measured and self._told and not self._stop.is_set() and shiboken6.isValid(self.dialog):
            _show(self.dialog, *self._told[0])

    def _show_dialog(self) -> None:
        dialog = QProgressDialog(self._label, "", 0, BAR_STEPS if self._measured else 0, self.window)
        dialog.setWindowTitle("请稍候")
        # Not modal and never activated: the window keeps the keyboard, so what the clerk goes on
        # typing is held for the text box (the dispatcher holds the window's input anyway) instead
        # of landing on 取消 — where a space would cancel the export and the characters be lost.
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        dialog.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus)  # nor later: 取消 is a click
        dialog.setMinimumDuration(0)
        dialog.setAutoReset(False)  # the bar at its end is not a cancel: the dialog closes at the end
        dialog.setAutoClose(False)
        if self._cancellable:
            button = QPushButton("取消", dialog)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a deliberate click only, never a stray key
            button.setAutoDefault(False)
            dialog.setCancelButton(button)

            def cancel() -> None:  # after Qt's own slot has hidden the dialog: show it stopping
                self._stop.set()
                button.setEnabled(False)
                dialog.setLabelText(CANCELLING)
                dialog.show()

            dialog.canceled.connect(cancel)
        else:
            dialog.setCancelButton(None)  # the work cannot be interrupted safely; it always ends
        self.dialog = dialog
        dialog.show()

    def cancel(self) -> bool:
        """Stop the work as its 取消 would (True), or say it cannot stop (False: it always ends)."""
        if not self._cancellable:
            return False
        self._stop.set()
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.setLabelText(CANCELLING)
        return True

    def end(self, result: object, error: BaseException | None) -> None:
        """On the GUI thread, once the work has ended: the dialog goes, input comes back, and
        the continuation runs (unless the window has gone)."""
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = None
        on_done, on_failed = self._on_done, self._on_failed
        # What the task held goes now, on the GUI thread, rather than at some later collection of
        # the cycle it makes (the work's Progress calls back into the task): widgets, the draft.
        self._work = (_nothing, (), {})
        self._on_done = self._on_failed = _nothing
        if not shiboken6.isValid(self.window):
            return
        if error is not None:
            on_failed(error)
        else:
            on_done(result)


def running_for(widget: QWidget) -> list[BackgroundTask]:
    """The tasks still running for ``widget``'s window (started with it or a widget in it as parent)."""
    if _dispatcher is None:
        return []
    window = widget.window()
    return [task for task in _dispatcher.running.values() if task.window is window]


def when_idle(window: QWidget, then: Callable[[], object]) -> None:
    """Call ``then`` once no task runs for ``window`` (at once when none does); never for a
    window that has gone meanwhile."""
    if not running_for(window):
        then()
        return
    _the_dispatcher().when_idle.append((window, then))


def start_in_background(
    parent: QWidget,
    label: str,
    fn: Callable[..., T],
    *args: object,
    on_done: Callable[[T], object],
    on_failed: Callable[[BaseException], object],
    cancellable: bool = False,
    progress: bool = False,
    show_after: float = PROGRESS_AFTER_SECONDS,
) -> BackgroundTask:
    """Start ``fn(*args)`` as a :class:`BackgroundTask`; returns at once. ``show_after``: seconds
    before the progress dialog shows (0: at once, for work a clerk expects to take a while)."""
    task = BackgroundTask(
        parent, label, fn, *args, on_done=on_done, on_failed=on_failed, cancellable=cancellable, progress=progress,
        show_after=show_after,
    )
    return task.start()
