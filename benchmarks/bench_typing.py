"""Typing at a person's pace into a long draft, with the preview shown, beside a bare editor.

    python benchmarks/bench_typing.py [--keys 120] [--rounds 4] [--pages 50 200]

The real main window (offscreen, 1280×800) holds a long draft (tests/long_drafts.py: the
seeds' sections repeated; 50 pages ≈ 29,300 characters) with its longest section open and
the 预览 dock shown. Characters are committed through the input method, as a clerk types
Chinese, 50–500 ms apart (a fixed random sequence), so the preview's pause-then-render
cycle runs as it does for a clerk. The baseline is a bare QPlainTextEdit holding the same
text in the same process, typed into with the same sequence; app and baseline take turns
round by round.

A key's latency runs from the moment it was due until the window has handled it and
painted the edit: time spent waiting for the GUI thread (a layout slice, the interpreter
lock held by the preview's worker) counts. A frame is 16 ms. Prints p50/p95/max for both,
the keys that missed a frame, and the ratio of the p95s. Goal: p95 < 16 ms and ≤ 3× the
bare edit's, at 50 and at 200 pages, with the preview shown; and with it hidden. Where the bare
edit misses the frame too (a machine under other load), the ratio alone is judged.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from benchmarks.interleave import record  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FRAME_MS = 16.0
CHARS = "推进高质量发展落实各项任务坚持人民至上"


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _type_paced(app: object, target: object, gaps: list[float], before_key: object = None) -> list[float]:
    """Commit one character per gap into ``target``; each key's latency in ms."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtGui import QInputMethodEvent

    latencies: list[float] = []
    loop = QEventLoop()
    state = {"n": 0, "due": 0.0}

    def key() -> None:
        commit = QInputMethodEvent("", [])
        commit.setCommitString(CHARS[state["n"] % len(CHARS)])
        app.sendEvent(target, commit)  # type: ignore[attr-defined]
        target.viewport().repaint()  # type: ignore[attr-defined]  # the edit painted
        latencies.append((time.perf_counter() - state["due"]) * 1000)
        state["n"] += 1
        if state["n"] == len(gaps):
            loop.quit()
            return
        schedule()

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setSingleShot(True)
    timer.timeout.connect(key)

    def schedule() -> None:
        gap = gaps[state["n"]]
        state["due"] = time.perf_counter() + gap
        timer.start(int(gap * 1000))

    schedule()
    loop.exec()
    return latencies


def _bench(pages: int, keys: int, rounds: int, preview: bool) -> dict[str, list[float]]:
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from core.base.settings import Settings
    from core.text.plaintext import report_text
    from gui.app import create_application
    from gui.document import DraftDocument
    from gui.main_window import MainWindow
    from gui.screenshots import leave_quietly
    from tests.long_drafts import long_draft, longest_section

    app = create_application()
    report = long_draft(pages)
    section = longest_section(report)
    window = MainWindow(Settings(autosave_seconds=60.0))
    window.resize(1280, 800)
    window.show()
    window.set_document(DraftDocument(report))
    window.editor.outline.select_section(section.id)
    if not preview:
        window.panel_host.docks["preview"].close()
    else:
        window.show_panel("preview")
    assert window.panel_host.preview is not None
    window.panel_host.preview.wait_until_rendered(120)
    body = window.editor.section_form.body_edit
    body.setFocus()
    cursor = body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    body.setTextCursor(cursor)

    bare = QPlainTextEdit()
    bare.resize(700, 700)
    bare.setPlainText(report_text(report))
    bare.show()
    bare.moveCursor(QTextCursor.MoveOperation.End)

    rng = random.Random(20261123)
    figures: dict[str, list[float]] = {"app": [], "bare": []}
    for _round in range(rounds):
        gaps = [rng.uniform(0.05, 0.5) for _ in range(keys)]
        for name, target in (("app", body), ("bare", bare)):
            figures[name] += _type_paced(app, target, gaps)
        app.processEvents()
    if window.panel_host.preview is not None and preview:
        pages_shown = window.panel_host.preview.layout_.page_count if window.panel_host.preview.layout_ else 0
        print(f"    preview: {pages_shown} pages, {window.panel_host.preview.renders} renders", flush=True)
    leave_quietly(window)
    bare.close()
    QApplication.processEvents()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keys", type=int, default=60, help="keys per round and variant")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--pages", type=int, nargs="+", default=[50, 200])
    args = parser.parse_args()
    print(f"typing {args.keys}×{args.rounds} keys, 50–500 ms apart; latency in ms (due → handled and painted)")
    print(f"{'draft':<22}{'app p50':>9}{'p95':>8}{'max':>8}{'missed':>8}   {'bare p50':>9}{'p95':>8}{'max':>8}"
          f"{'missed':>8}   {'p95 ratio':>9}")
    ok = True
    loaded = False
    for pages in args.pages:
        for preview in (True, False):
            figures = _bench(pages, args.keys, args.rounds, preview)
            app_l, bare_l = figures["app"], figures["bare"]
            app95, bare95 = _percentile(app_l, 0.95), _percentile(bare_l, 0.95)
            ratio = app95 / bare95 if bare95 > 0 else float("inf")
            label = f"{pages} pages, 预览{'shown' if preview else 'hidden'}"
            missed_app = sum(v > FRAME_MS for v in app_l)
            missed_bare = sum(v > FRAME_MS for v in bare_l)
            print(f"{label:<22}{statistics.median(app_l):9.1f}{app95:8.1f}{max(app_l):8.1f}"
                  f"{missed_app:>5}/{len(app_l):<3}{statistics.median(bare_l):9.1f}{bare95:8.1f}{max(bare_l):8.1f}"
                  f"{missed_bare:>5}/{len(bare_l):<3}{ratio:9.2f}", flush=True)
            record(f"typing p95, {pages} pages, 预览 {'shown' if preview else 'hidden'} (vs a bare QPlainTextEdit)",
                   app95, bare95, "ms", f"< {FRAME_MS:.0f} ms and ≤ 3×")  # fmt: skip
            ok = ok and ratio <= 3.0
            # The frame is judged only where the bare editor keeps it: on a loaded machine it misses too,
            # and the ratio alone says what the app adds.
            loaded = loaded or bare95 >= FRAME_MS
            ok = ok and (app95 < FRAME_MS or bare95 >= FRAME_MS)
    if loaded:
        print("the bare editor's p95 is over a frame as well: the machine is loaded, the frame is judged by the ratio")
    print("goal met: p95 < 16 ms and ≤ 3× the bare edit" if ok else "goal NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
