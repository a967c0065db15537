"""Giving memory back to the system after a large one-off build.

Loading the word dictionary and building the proofreading lexicon allocate and free a few
hundred thousand short-lived objects. Python frees them, but glibc's allocator keeps the
freed pages mapped until asked (``malloc_trim``): the app would stay 10–20 MB larger for as
long as it runs. Elsewhere (Windows, macOS, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
import sys
import threading
from collections.abc import Callable


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name or "libc.so.6")
        trim = libc.malloc_trim  # glibc only
    except (OSError, AttributeError):
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim  # type: ignore[no-any-return]


def release_free_memory() -> bool:
    """Collect garbage and hand freed heap pages back to the system; True when it could.
    Garbage is collected on the main thread only: the loaders call this from their workers, and
    a cycle freed there may hold a Qt object whose destructor must not run off the GUI thread
    (gui/collector.py); there the GUI thread's own collector frees the cycles."""
    if threading.current_thread() is threading.main_thread():
        gc.collect()
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


def collect_when_due(thresholds: tuple[int, int, int]) -> None:
    """Collect the oldest generation whose threshold is passed, as the automatic collector would —
    called on the main thread where automatic collection is off (gui/collector.py)."""
    counts = gc.get_count()
    if counts[0] <= thresholds[0]:
        return
    generation = 0
    if counts[1] > thresholds[1]:
        generation = 2 if counts[2] > thresholds[2] else 1
    gc.collect(generation)
