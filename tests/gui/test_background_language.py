"""jieba loads in a background thread after the window is shown, and the window stays responsive.

A fresh app process (the real start path, gui.app.run_app) ticks a 10 ms timer while jieba
loads; ``language.ensure_loaded`` is watched, so the probe knows which thread loaded the
dictionary, which threads had to wait for it, and how many ticks the event loop made while
it loaded. Meanwhile it searches the library, which must answer from its literal scan
without waiting for the dictionary. Nothing is timed: a busy machine makes the load slower,
not the facts different. (How long the load takes is benchmarks/bench_startup.py's.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from core.base.paths import data_dir
from core.library import Library
from tests.conftest import PROJECT_ROOT, seed_path

PROBE = """
import json, sys, threading
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from core.text import language
from gui.app import run_app

GUI_THREAD = threading.get_ident()
ticks = [0]
loads = []  # one record per call of ensure_loaded, made when it returns

def watched_ensure_loaded():
    was_loaded, ticks_before = language.is_loaded(), ticks[0]
    try:
        watched_ensure_loaded.original()
    finally:
        loads.append({{"thread": threading.current_thread().name, "on_gui_thread": threading.get_ident() == GUI_THREAD,
                       "was_loaded": was_loaded, "ticks_while_in_it": ticks[0] - ticks_before}})

watched_ensure_loaded.original = language.ensure_loaded
language.ensure_loaded = watched_ensure_loaded  # what start_background_load and words() call

def started(window):
    from PySide6.QtWidgets import QApplication
    QApplication.processEvents()  # the first paint
    facts = {{"jieba_at_shown": "jieba" in sys.modules, "loaded_at_shown": language.is_loaded()}}

    def answered(serial, hits):
        facts["hits"] = len(hits)

    window.library.searched.connect(answered)
    window.language.failed.connect(lambda message: facts.setdefault("failed", message))

    def tick():
        ticks[0] += 1
        if window.library.is_open and "asked_while_loading" not in facts:
            facts["asked_while_loading"] = not language.is_loaded()
            window.library.search("人才")
        done = language.is_loaded() and "hits" in facts
        if done or "failed" in facts or ticks[0] > 30000:
            timer.stop()
            facts.update(loads=list(loads), ticks=ticks[0], jieba_loaded="jieba" in sys.modules, finished=done)
            print(json.dumps(facts), flush=True)
            window.close()

    timer = QTimer(window)
    timer.timeout.connect(tick)
    timer.start(10)

sys.exit(run_app(on_started=started))
"""


def test_jieba_loads_in_the_background_while_the_window_responds(tmp_path: Path) -> None:
    with Library(data_dir()) as library:
        library.add_file(seed_path("004"))
    done = subprocess.run(  # the environment is the tests' own: offscreen, 1280×800 (tests/conftest.py)
        [sys.executable, "-c", PROBE.format(root=str(PROJECT_ROOT))],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    facts = json.loads(done.stdout.strip().splitlines()[-1])
    assert facts["finished"], facts
    assert facts["jieba_at_shown"] is False and facts["loaded_at_shown"] is False  # not on the start path
    assert facts["jieba_loaded"] is True

    # The dictionary was loaded once, by the loader thread, never on the GUI thread …
    loaders = [load for load in facts["loads"] if not load["was_loaded"]]
    assert [load["thread"] for load in loaders] == ["jieba-loader"], facts["loads"]
    assert not any(load["on_gui_thread"] and not load["was_loaded"] for load in facts["loads"])
    # … and the event loop kept turning while it did: a load on the GUI thread would stop the
    # 10 ms timer for the whole load, and the loader would see no tick at all.
    assert loaders[0]["ticks_while_in_it"] >= 3, loaders

    # The library was asked before the dictionary had loaded and answered from its literal scan:
    # it found the paragraphs, and no thread but the loader ever waited for the dictionary.
    assert facts["asked_while_loading"] is True
    assert facts["hits"] > 0
