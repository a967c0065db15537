"""Results per paragraph text, so a re-check after an edit only reads the edited paragraph;
and a background worker that fills them, so the window never proofreads on its own thread.

Keyed by (rule, text): a paragraph that did not change is never read twice, wherever it moved.
:func:`cached` computes on the caller's thread (the command line, the pre-flight);
:func:`lookup_or_queue` only looks, queueing what is missing for the worker thread, which
also waits for the dictionary to load. :func:`idle` says when the queue is worked off, and
:func:`last_error` why it could not be (the clerk's message).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections import OrderedDict
from collections.abc import Callable

from core.base.errors import ReportError
from core.proofread.hits import Hit

log = logging.getLogger(__name__)

MAX_ENTRIES = 30_000  # paragraphs × rules (8 with the report year's): 200 pages hold about 2,400 paragraphs

Rule = Callable[[str], list[Hit]]

_lock = threading.Lock()
_results: OrderedDict[tuple[str, str], tuple[Hit, ...]] = OrderedDict()
_queued: set[tuple[str, str]] = set()
_jobs: queue.SimpleQueue[tuple[str, str, Rule]] = queue.SimpleQueue()
_worker: threading.Thread | None = None
_error: str = ""


def _store(key: tuple[str, str], hits: tuple[Hit, ...]) -> None:
    with _lock:
        _results[key] = hits
        while len(_results) > MAX_ENTRIES:
            _results.popitem(last=False)


def lookup(rule: str, text: str) -> tuple[Hit, ...] | None:
    with _lock:
        found = _results.get((rule, text))
        if found is not None:
            _results.move_to_end((rule, text))
        return found


def cached(rule: str, text: str, compute: Rule) -> tuple[Hit, ...]:
    """The hits of ``rule`` in ``text``, computed here once."""
    found = lookup(rule, text)
    if found is None:
        found = tuple(compute(text))
        _store((rule, text), found)
    return found


def lookup_or_queue(rule: str, text: str, compute: Rule) -> tuple[Hit, ...] | None:
    """The hits if known; else None, and ``compute`` is queued for the worker thread."""
    found = lookup(rule, text)
    if found is not None:
        return found
    global _worker
    with _lock:
        if (rule, text) not in _queued:
            _queued.add((rule, text))
            _jobs.put((rule, text, compute))
        if _worker is None or not _worker.is_alive():
            _worker = threading.Thread(target=_work, name="proofread-worker", daemon=True)
            _worker.start()
    return None


def _work() -> None:
    global _error
    while True:
        try:
            rule, text, compute = _jobs.get(timeout=5)
        except queue.Empty:
            return  # started again by the next lookup_or_queue
        try:
            _store((rule, text), tuple(compute(text)))
            _error = ""
        except ReportError as exc:
            _error = str(exc)
        except Exception as exc:  # a bug must not kill the worker: log it, show a sentence
            log.exception("proofreading failed")
            _error = f"校对出错（{exc.__class__.__name__}），已跳过这一段。"
        finally:
            with _lock:
                _queued.discard((rule, text))


def idle() -> bool:
    """Nothing queued or being worked on."""
    with _lock:
        return not _queued


def last_error() -> str:
    return _error


def clear() -> None:
    with _lock:
        _results.clear()
