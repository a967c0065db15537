"""How far long work has come, told by core as it goes; a window or a terminal shows it.

Work is split into parts, each a share of the whole (reading 0–0.5, parsing 0.5–0.8, …),
and a part into smaller parts; each part says what it does ("正在读取段落…") and how far it
is (``update(done, total)``). The one listener gets the fraction of the whole, the label of
the part under way and whether the part can tell how far it is (LibreOffice cannot: a window
then shows that it is busy rather than a bar that stands still), only when the fraction has
moved by a thousandth or the label changed (a step per paragraph costs less than telling each
one), and never backwards.

The same object carries the clerk's 取消: ``update`` and ``check`` raise
core.base.errors.Cancelled once it is asked for, so work that reports also stops.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from core.base.errors import stop_if_cancelled

# Fraction of the whole (0–1), what is being done, whether the part under way tells how far it is.
Listener = Callable[[float, str, bool], None]
_RESOLUTION = 1000  # a listener hears of at most this many steps of the whole


class _Shared:
    """What every part of one piece of work shares: the listener, the stop, what was told."""

    def __init__(self, listener: Listener | None, cancelled: Callable[[], bool] | None) -> None:
        self.listener = listener
        self.cancelled = cancelled
        self.told_step = -1
        self.told_label: tuple[str, bool] | None = None
        self.lock = threading.Lock()

    def tell(self, fraction: float, label: str, measured: bool) -> None:
        if self.listener is None:
            return
        with self.lock:
            step = max(self.told_step, min(int(fraction * _RESOLUTION), _RESOLUTION))
            if step == self.told_step and (label, measured) == self.told_label:
                return
            self.told_step, self.told_label = step, (label, measured)
        self.listener(step / _RESOLUTION, label, measured)


class Progress:
    """One part of a piece of work: ``start``–``end`` of the whole, doing ``label``."""

    __slots__ = ("_end", "_label", "_measured", "_shared", "_start")

    def __init__(
        self,
        listener: Listener | None = None,
        cancelled: Callable[[], bool] | None = None,
        label: str = "",
    ) -> None:
        self._shared = _Shared(listener, cancelled)
        self._start, self._end, self._label, self._measured = 0.0, 1.0, label, True

    @property
    def cancelled(self) -> Callable[[], bool] | None:
        """The clerk's stop, for work that only checks it (a LibreOffice run)."""
        return self._shared.cancelled

    @property
    def label(self) -> str:
        return self._label

    def part(self, start: float, end: float, label: str | None = None, *, measured: bool = True) -> Progress:
        """The share ``start``–``end`` (fractions of this part) as a part of its own, doing
        ``label`` (this part's label when None); told at once that it has begun.
        ``measured=False``: work that cannot tell how far it is (it only ends, or is stopped)."""
        child = Progress.__new__(Progress)
        span = self._end - self._start
        child._shared = self._shared
        child._start = self._start + span * start
        child._end = self._start + span * end
        child._label = self._label if label is None else label
        child._measured = measured
        child.update(0, 1)
        return child

    def update(self, done: float, total: float) -> None:
        """``done`` of ``total`` of this part is done; Cancelled if the clerk asked to stop."""
        stop_if_cancelled(self._shared.cancelled)
        share = min(max(done / total, 0.0), 1.0) if total > 0 else 1.0
        self._shared.tell(self._start + (self._end - self._start) * share, self._label, self._measured)

    def finished(self) -> None:
        """This part is done. No 取消 check: what is done (a file written) stays done."""
        self._shared.tell(self._end, self._label, self._measured)

    def check(self) -> None:
        """Between steps that report nothing: Cancelled if the clerk asked to stop."""
        stop_if_cancelled(self._shared.cancelled)


def progress_or_none(progress: Progress | None, cancelled: Callable[[], bool] | None = None) -> Progress:
    """The progress a caller gave, or a silent one that still honours ``cancelled``."""
    return progress if progress is not None else Progress(cancelled=cancelled)


__all__ = ["Listener", "Progress", "progress_or_none"]
