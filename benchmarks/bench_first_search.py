"""How long after the app starts the first library search can run, with jieba loading in the background.

    python benchmarks/bench_first_search.py [--runs N]

Each run is a fresh process on the real start path (gui.app.run_app). The library holds
the five seed reports. Measured from just before the process is spawned:

* the window shown (beside a bare PySide6 window measured in the same run, as baseline);
* the library open and a first search for 人才 answered — until jieba has loaded, the
  library answers from a scan for the literal text, so searching does not wait for it;
* jieba loaded in its background thread and the same search answered ranked by BM25;
* how the event loop kept turning meanwhile: a 10 ms timer's longest and median gap while
  jieba loads, beside the same timer's gaps in the second after (the idle window, baseline).
  (tests/gui/test_background_language.py checks the facts — the load runs off the GUI thread
  and the timer ticks through it; the figures are this script's.)

Runs use a warm dictionary cache (as every start after the first); one run with no cache
shows the very first start, when the compact copy of jieba's dictionary is made
(core.text.segmenter).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT_ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(PROJECT_ROOT))

from benchmarks.interleave import record  # noqa: E402

BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 800)
window.show()
def shown():
    app.processEvents()
    print(f"SHOWN {time.time():.6f}", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

APP = """
import sys, time
sys.path.insert(0, {root!r})
from gui.app import run_app

def started(window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from core.text import language
    QApplication.processEvents()  # the first paint
    print(f"SHOWN {{time.time():.6f}}", flush=True)
    asked = {{}}
    gaps = {{"loading": [], "idle": []}}
    clock = {{"last": time.perf_counter(), "idle_until": None}}

    def tick():
        now = time.perf_counter()
        phase = "loading" if clock["idle_until"] is None else "idle"
        gaps[phase].append(now - clock["last"])
        clock["last"] = now
        if clock["idle_until"] is not None and now >= clock["idle_until"]:
            timer.stop()
            for name, values in gaps.items():
                values = sorted(values) or [0.0]
                print(f"GAPS_{{name.upper()}} {{max(values):.6f}} {{values[len(values) // 2]:.6f}}", flush=True)
            window.close()

    timer = QTimer(window)
    timer.timeout.connect(tick)
    timer.start(10)

    def ask(what):
        asked[window.library.search("人才")] = what

    def answered(serial, hits):
        what = asked.pop(serial, None)
        if what is None:
            return
        ranked = language.is_loaded() and what == "ranked"
        print(f"{{what.upper()}} {{time.time():.6f}} {{len(hits)}} {{int(ranked)}}", flush=True)
        if what == "ranked":
            clock["idle_until"] = time.perf_counter() + 1.0  # a second of the idle window, then quit

    window.library.searched.connect(answered)
    window.library.opened.connect(lambda _notice: ask("first"))
    window.language.ready.connect(lambda: ask("ranked"))

sys.exit(run_app(on_started=started))
"""


def run(code: str, home: Path) -> dict[str, float]:
    env = {**os.environ, "BAOGAO_HOME": str(home)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")
    started = time.time()
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=180)
    figures: dict[str, float] = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if parts and parts[0].startswith("GAPS_"):
            figures[parts[0].lower() + "_max"], figures[parts[0].lower() + "_median"] = float(parts[1]), float(parts[2])
        elif parts and parts[0] in ("SHOWN", "FIRST", "RANKED"):
            figures[parts[0].lower()] = float(parts[1]) - started
            if len(parts) > 2:
                figures[parts[0].lower() + "_hits"] = float(parts[2])
    if "shown" not in figures or (code is not BARE and "ranked" not in figures):
        raise SystemExit(f"the process did not report its figures:\n{done.stdout}\n{done.stderr}")
    return figures


def build_library(home: Path) -> int:
    """The five seeds in the library of ``home`` (and jieba's cache there, warm)."""
    os.environ["BAOGAO_HOME"] = str(home)
    from core.base.paths import data_dir
    from core.library import Library

    paths = sorted(SEEDS.glob("0*.txt"))
    with Library(data_dir()) as library:
        for path in paths:
            library.add_file(path)
    return len(paths)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not SEEDS.is_dir():
        print(f"种子文件不存在（需要 {SEEDS}），无法测量。")
        return 1
    with tempfile.TemporaryDirectory(prefix="baogao-first-search-") as tmp:
        home = Path(tmp)
        count = build_library(home)
        app_code = APP.format(root=str(PROJECT_ROOT))
        run(BARE, home)  # warm the disk cache
        run(app_code, home)
        bare, shown, first, ranked = [], [], [], []
        gaps: dict[str, list[float]] = {key: [] for key in ("loading_max", "loading_median", "idle_max", "idle_median")}
        hits_first = hits_ranked = 0.0
        for _ in range(args.runs):
            bare.append(run(BARE, home)["shown"])
            figures = run(app_code, home)
            shown.append(figures["shown"])
            first.append(figures["first"])
            ranked.append(figures["ranked"])
            for key, values in gaps.items():
                values.append(figures[f"gaps_{key}"])
            hits_first, hits_ranked = figures["first_hits"], figures["ranked_hits"]
        shutil.rmtree(home / "cache", ignore_errors=True)  # the very first start: no dictionary cache
        cold = run(app_code, home)

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:7.0f} ms"

    print(f"first library search after start, median of {args.runs} runs (library: {count} seed reports)")
    print(f"  bare PySide6 window shown                      {ms(bare)}")
    print(f"  报告起草助手 window shown                      {ms(shown)}")
    print(f"  first search answered (literal scan, {int(hits_first):>2} hits)  {ms(first)}")
    print(f"  jieba loaded, search ranked by BM25 ({int(hits_ranked):>2} hits)  {ms(ranked)}")
    print(f"  first search / bare window                     {statistics.median(first) / statistics.median(bare):7.2f}×")
    print("event loop (10 ms timer) while jieba loads, beside the idle window after it:")
    print(f"  longest gap while loading                      {ms(gaps['loading_max'])}")
    print(f"  longest gap idle (baseline)                    {ms(gaps['idle_max'])}")
    print(f"  median gap while loading / idle                {ms(gaps['loading_median'])} / "
          f"{statistics.median(gaps['idle_median']) * 1000:.0f} ms")
    print(f"  longest gap, loading / idle                    "
          f"{statistics.median(gaps['loading_max']) / statistics.median(gaps['idle_max']):7.2f}×")
    record("app start to first library search answered (vs bare window shown)", statistics.median(first) * 1000,
           statistics.median(bare) * 1000, "ms")  # fmt: skip
    print("very first start (no dictionary cache yet):")
    print(f"  first search answered                          {cold['first'] * 1000:7.0f} ms")
    print(f"  jieba loaded, search ranked                    {cold['ranked'] * 1000:7.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
