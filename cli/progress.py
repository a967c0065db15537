"""Progress of long work on the terminal: one line on stderr, rewritten in place, and only
when stderr is a terminal (a pipe or a log file gets no progress lines)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from core.base.progress import Progress

REDRAW_SECONDS = 0.2  # no faster: a terminal line per step would cost more than the step


@contextmanager
def terminal_progress(label: str, stream: TextIO | None = None) -> Iterator[Callable[[int, int], None] | None]:
    """A ``progress(done, total)`` callback drawing "label  45%" on ``stream`` (stderr), or None
    when it is not a terminal; the line is cleared at the end, however the work ended."""
    out = stream if stream is not None else sys.stderr
    if not out.isatty():
        yield None
        return
    last = 0.0
    drawn = False

    def progress(done: int, total: int) -> None:
        nonlocal last, drawn
        now = time.monotonic()
        if now - last < REDRAW_SECONDS and done < total:
            return
        last = now
        out.write(f"\r{label} {100 * done // max(total, 1):3d}%")
        out.flush()
        drawn = True

    try:
        yield progress
    finally:
        if drawn:
            out.write("\r\033[K")
            out.flush()


@contextmanager
def terminal_steps(stream: TextIO | None = None) -> Iterator[Progress | None]:
    """A core.base.progress.Progress drawing "what is being done  45%" on ``stream`` (stderr) —
    just what is being done while a step cannot tell how far it is (LibreOffice) — or None
    when it is not a terminal; the line is cleared at the end, however the work ended."""
    out = stream if stream is not None else sys.stderr
    if not out.isatty():
        yield None
        return
    last = 0.0
    drawn_label = ""
    drawn = False

    def listen(fraction: float, label: str, measured: bool) -> None:
        nonlocal last, drawn_label, drawn
        now = time.monotonic()
        if not label or (now - last < REDRAW_SECONDS and label == drawn_label and fraction < 1.0):
            return  # (a part that has not said what it does yet: the next one will)
        last, drawn_label = now, label
        shown = f"{label} {round(100 * fraction):3d}%" if measured else f"{label}（请稍候）"
        out.write(f"\r\033[K{shown}")
        out.flush()
        drawn = True

    try:
        yield Progress(listen)
    finally:
        if drawn:
            out.write("\r\033[K")
            out.flush()
