"""Cost bounds in tests are CPU time, never the clock: a busy machine (CI, two test runs on
one laptop) makes work slower, not costlier, so a CPU bound fails only when the work itself
grew. How fast things are is measured in benchmarks/, against a baseline of the same run."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cpu_budget(seconds: float, what: str = "") -> Iterator[None]:
    """Fail when the block spends more than ``seconds`` of this thread's CPU time (threads
    other tests left running do not count), also when it ends in an expected exception."""
    started = time.thread_time()
    try:
        yield
    finally:
        used = time.thread_time() - started
        assert used < seconds, f"{what or 'the work'} took {used:.2f} s of CPU, more than {seconds} s"
