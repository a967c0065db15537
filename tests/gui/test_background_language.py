"""jieba loads in a background thread after the window is shown, and the window stays responsive.

A fresh app process (the real start path, gui.app.run_app) ticks a 10 ms timer while jieba
loads and records the longest gap between ticks; meanwhile it searches the library, which
must answer from its literal scan without waiting for the dictionary.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from core.base.paths import data_dir
from core.library import Library
from tests.conftest import PROJECT_ROOT, seed_path

PROBE = """
import json, sys, time
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from gui.app import run_app

def started(window):
    from PySide6.QtWidgets import QApplication
    from core.text import language
    QApplication.processEvents()  # the first paint
    facts = {{"jieba_at_shown": "jieba" in sys.modules, "loaded_at_shown": language.is_loaded()}}
    clock = {{"last": time.perf_counter(), "start": time.perf_counter()}}
    gaps = []

    def answered(serial, hits):
        facts["hits_while_loading"] = len(hits)
        facts["answered_while_loading"] = not language.is_loaded()
        facts["answer_wait"] = time.perf_counter() - clock["asked_at"]

    window.library.searched.connect(answered)

    def tick():
        now = time.perf_counter()
        gaps.append(now - clock["last"])
        clock["last"] = now
        if window.library.is_open and "asked" not in facts:
            facts["asked"] = language.is_loaded()
            clock["asked_at"] = now
            window.library.search("人才")
        if language.is_loaded() and "hits_while_loading" in facts:
            timer.stop()
            facts.update(seconds=now - clock["start"], max_gap_ms=max(gaps) * 1000, ticks=len(gaps),
                         median_gap_ms=sorted(gaps)[len(gaps) // 2] * 1000, jieba_loaded="jieba" in sys.modules)
            print(json.dumps(facts), flush=True)
            window.close()
        elif now - clock["start"] > 90:
            print(json.dumps({{"timeout": True, **facts}}), flush=True)
            window.close()

    timer = QTimer(window)
    timer.timeout.connect(tick)
    timer.start(10)

sys.exit(run_app(on_started=started))
"""


def test_jieba_loads_in_the_background_while_the_window_responds(tmp_path: Path) -> None:
    with Library(data_dir()) as library:
        library.add_file(seed_path("004"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(root=str(PROJECT_ROOT))],
        env=env, capture_output=True, text=True, timeout=110,
    )
    assert done.returncode == 0, done.stderr
    facts = json.loads(done.stdout.strip().splitlines()[-1])
    assert "timeout" not in facts, facts
    assert facts["jieba_at_shown"] is False and facts["loaded_at_shown"] is False  # not on the start path
    assert facts["jieba_loaded"] is True
    assert facts["asked"] is False  # the library was open before the dictionary had loaded …
    assert facts["hits_while_loading"] > 0  # … and answered from its literal scan meanwhile
    # (on a busy machine the answer can arrive just after the load ended; it still did not wait)
    assert facts["answered_while_loading"] or facts["answer_wait"] < facts["seconds"] / 2, facts
    # The event loop kept running all along. (Loading on the GUI thread would stop the 10 ms
    # timer for the whole load, 1–3 s; a thread costs it short stalls where jieba builds its
    # half-million-entry table in single steps of the interpreter.)
    assert facts["seconds"] > 0.5, facts  # there was a load to be responsive through
    assert facts["median_gap_ms"] < 30, facts
    # At least a tick every 200 ms on average: loose enough for a shared, busy machine; a load
    # on the GUI thread gives none until it ends.
    assert facts["ticks"] >= facts["seconds"] * 1000 / 200, facts
    assert facts["max_gap_ms"] < 1000, facts
