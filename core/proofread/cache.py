"""Results per paragraph text, so a re-check after an edit only reads the edited paragraph.

Keyed by (rule, text): a paragraph that did not change is never read twice, wherever it moved.
Only complete results are kept — never the partial ones made while the dictionary was loading.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from core.proofread.hits import Hit

MAX_ENTRIES = 20_000  # paragraphs × rules; a 50-page report has about 600 paragraphs

_lock = threading.Lock()
_results: OrderedDict[tuple[str, str], tuple[Hit, ...]] = OrderedDict()


def cached(rule: str, text: str, compute: Callable[[str], list[Hit]], keep: bool = True) -> tuple[Hit, ...]:
    """The hits of ``rule`` in ``text``, computed once; ``keep`` False computes without storing."""
    key = (rule, text)
    with _lock:
        found = _results.get(key)
        if found is not None:
            _results.move_to_end(key)
            return found
    hits = tuple(compute(text))
    if keep:
        with _lock:
            _results[key] = hits
            while len(_results) > MAX_ENTRIES:
                _results.popitem(last=False)
    return hits


def clear() -> None:
    with _lock:
        _results.clear()
