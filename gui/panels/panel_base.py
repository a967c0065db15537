"""What every panel that follows the open draft shares: binding to it, and updating once
the clerk pauses (never on every keystroke, never while hidden)."""

from __future__ import annotations

import concurrent.futures
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QWidget

    from gui.document import DraftDocument

Connections = list[tuple["SignalInstance", Callable[..., object]]]


class DocumentBound:
    """Mixed into a widget that shows the open draft: ``set_document`` (re)connects the
    signals :meth:`document_connections` names and then calls :meth:`document_set`."""

    _doc: DraftDocument | None = None

    def document_connections(self, doc: DraftDocument) -> Connections:
        return []

    def document_set(self) -> None:
        """The draft changed (or went away, ``self._doc is None``): show it."""

    def set_document(self, doc: DraftDocument | None) -> None:
        if self._doc is not None:
            for signal, slot in self.document_connections(self._doc):
                signal.disconnect(slot)
        self._doc = doc
        if doc is not None:
            for signal, slot in self.document_connections(doc):
                signal.connect(slot)
        self.document_set()


class Debounce(QObject):
    """Runs ``action`` once calls to :meth:`schedule` pause for ``interval_ms``.

    With ``only_when_shown`` a hidden widget is not updated; it remembers and updates when
    it is shown again (a panel behind another tab costs nothing while the clerk types).
    """

    def __init__(
        self, widget: QWidget, interval_ms: int, action: Callable[[], None], only_when_shown: bool = False
    ) -> None:
        super().__init__(widget)
        self._widget = widget
        self._action = action
        self._only_when_shown = only_when_shown
        self.dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.run_now)
        if only_when_shown:
            widget.installEventFilter(self)

    def schedule(self) -> None:
        self.dirty = True
        if not self._only_when_shown or self._widget.isVisible():
            self._timer.start()

    def run_now(self) -> None:
        self.done()
        self._action()

    def done(self) -> None:
        """The owner has just updated by itself: nothing is pending any more."""
        self._timer.stop()
        self.dirty = False

    def is_pending(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self.dirty:
            self.run_now()
        return False


class ObjectLife:
    """Whether a QObject still exists, for its worker threads to ask before they emit.

    Connect the object's ``destroyed`` to :meth:`end` (a plain object's method: the QObject
    is going). A worker emits through :meth:`emit`, under the lock that :meth:`end` takes
    first, so the object is never deleted while another thread emits its signal (Qt forbids
    it; under load the race crashed the process). ``pools`` are shut down when it ends."""

    def __init__(self, *pools: concurrent.futures.ThreadPoolExecutor) -> None:
        self.lock = threading.Lock()
        self.alive = True
        self._pools = pools

    def end(self, *_destroyed: object) -> None:
        with self.lock:  # waits for an emit under way
            self.alive = False
        for pool in self._pools:
            pool.shutdown(wait=False, cancel_futures=True)

    def emit(self, signal: SignalInstance, *args: object) -> bool:
        """Emit ``signal`` unless the object is gone; True when emitted."""
        with self.lock:
            if self.alive:
                signal.emit(*args)
                return True
        return False


class BackgroundJob(QObject):
    """Runs ``compute`` on a worker thread and hands its result to ``apply`` on the GUI
    thread; the newest start wins and an older result is dropped.

    For panels whose work grows with the draft (flags, checks, the preview's context): the
    GUI thread only takes a snapshot and shows the answer. ``compute`` must read only what
    it is given. At most one job runs and one waits: a start while a job runs replaces the
    waiting one, so a clerk who types faster than the worker reads never piles up snapshots
    of the draft (each a copy of the whole report) in the worker's queue.

    When the job's owner is deleted (a window closed while a check is still reading), the
    worker must not emit on the deleted object: Qt forbids deleting a QObject while another
    thread emits its signal, and under load that race crashed the process. The worker emits
    under a lock that the object's ``destroyed`` takes first; the worker thread then ends.
    """

    _finished = Signal(int, object)

    def __init__(self, parent: QObject, apply: Callable[[object], None], name: str = "panel") -> None:
        super().__init__(parent)
        self._apply = apply
        self._generation = 0
        self.running = False  # a result is still owed for the newest start
        self._busy = False  # the worker thread holds a job
        self._waiting: tuple[int, Callable[[], object]] | None = None
        self._pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix=f"baogao-{name}")
        self._life = ObjectLife(self._pool)
        self.destroyed.connect(self._life.end)  # a plain object's method: ``self`` is going
        self._finished.connect(self._done)

    def start(self, compute: Callable[[], object]) -> None:
        self._generation += 1
        self.running = True
        if self._busy:
            self._waiting = (self._generation, compute)
        else:
            self._submit(self._generation, compute)

    def _submit(self, generation: int, compute: Callable[[], object]) -> None:
        self._busy = True

        def work() -> None:
            try:
                result = compute()
            except Exception:  # the panel keeps what it showed; the log says why
                logging.getLogger(__name__).exception("background panel work failed")
                result = None
            self._life.emit(self._finished, generation, result)

        self._pool.submit(work)

    def cancel(self) -> None:
        """Whatever is under way is no longer wanted (the panel updated by itself)."""
        self._generation += 1
        self._waiting = None
        self.running = False

    def _done(self, generation: int, result: object) -> None:
        self._busy = False
        if self._waiting is not None:
            waiting, self._waiting = self._waiting, None
            self._submit(*waiting)
        if generation != self._generation:
            return
        self.running = False
        if result is not None:
            self._apply(result)
