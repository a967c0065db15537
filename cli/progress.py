"""Progress of long work on the terminal: one line on stderr, rewritten in place, and only
when stderr is a terminal (a pipe or a log file gets no progress lines)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

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
