"""Startup time of the app against a bare PySide6 window, and memory with seed 000 open.

    python benchmarks/bench_startup.py [--runs N]

Each measurement is a fresh process (offscreen unless a display is set): the time from
just before the process is spawned until the main window has been shown and the event
loop has run once. Bare and app runs alternate, so both see the same disk cache and
machine load; medians are compared. Target: the app at most 1.5× the bare window.
Then the app opens seed 000 (import, 沿用上年提纲, editor, preview) and reports its
resident memory beside the bare window's: just opened, and at steady state — the dictionary
and every other background load finished and the figure still for two seconds, helper
processes summed in. Target (issue 28): steady state ≤ 150 MB. Measured on the second start
with a fresh per-user folder; the very first (which makes the cached dictionary and lexicon)
is printed beside it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from benchmarks.interleave import record  # noqa: E402

SEED_000 = PROJECT_ROOT.parent / "shared" / "seeds" / "000_aac6eec4675da5c4.txt"
TARGET_RATIO = 1.5
TARGET_STEADY_MB = 150.0  # seed 000 open, background loads finished (issue 28)

RSS = """
def children_mb():
    # Resident memory of helper processes the app keeps running (summed into its figure).
    import psutil
    return sum(c.memory_info().rss for c in psutil.Process().children(recursive=True)) / 1024 / 1024
def settle():
    # Steady state: jieba's load and every other background load finished, memory no longer
    # moving. Waits for jieba's load, then for RSS to hold still (within 0.5 MB) for two seconds.
    from PySide6.QtWidgets import QApplication
    from core.text import language
    deadline = time.time() + 90
    while time.time() < deadline and not language.is_loaded():
        QApplication.processEvents(); time.sleep(0.05)
    last, still = rss_mb(), 0.0
    while time.time() < deadline and still < 2.0:
        for _ in range(10):
            QApplication.processEvents(); time.sleep(0.02)
        now = rss_mb()
        still = still + 0.2 if abs(now - last) < 0.5 else 0.0
        last = now
def rss_mb():
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import psutil
    return psutil.Process().memory_info().rss / 1024 / 1024
"""

BARE = (
    RSS
    + """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1200, 800)
window.show()
def shown():
    app.processEvents()  # the first paint
    print(f"SHOWN {time.time():.6f} {rss_mb():.1f}", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""
)

APP = (
    RSS
    + """
import sys, time
sys.path.insert(0, {root!r})
from gui.app import run_app
def shown(window):
    from PySide6.QtWidgets import QApplication
    QApplication.processEvents()  # the first paint
    print(f"SHOWN {{time.time():.6f}} {{rss_mb():.1f}}", flush=True)
    if {seed!r}:
        from pathlib import Path
        from core.importing.importer import import_document
        from gui.dialogs.new_report_dialog import NewReportRequest
        seed = Path({seed!r})
        request = NewReportRequest("annual_keypoints", 2023, "", seed, import_document(seed), "carry")
        made = []
        window.documents.creationFinished.connect(made.append)  # made in a background task
        window.documents.create_report(request)
        while not made:
            QApplication.processEvents()
            time.sleep(0.001)
        window.panel_host.preview.render_now()
        QApplication.processEvents()
        print(f"OPENED {{rss_mb():.1f}}", flush=True)
        settle()
        print(f"STEADY {{rss_mb():.1f}} {{children_mb():.1f}}", flush=True)
        window.autosave.watch(None)
        window.session.close()
        window.doc.unsaved = False
        window.doc.path = Path({seed!r})
    window.close()
sys.exit(run_app(on_started=shown))
"""
)


def run(code: str, home: Path) -> tuple[float, dict[str, float]]:
    env = {**os.environ, "BAOGAO_HOME": str(home)}
    # Measure the app as installed: with compiled bytecode, as PySide6 itself has.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")
    started = time.time()
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    figures: dict[str, float] = {}
    shown_at = None
    for line in done.stdout.splitlines():
        parts = line.split()
        if parts and parts[0] == "SHOWN":
            shown_at, figures["rss_shown"] = float(parts[1]), float(parts[2])
        elif parts and parts[0] == "OPENED":
            figures["rss_opened"] = float(parts[1])
        elif parts and parts[0] == "STEADY":
            figures["rss_steady"], figures["rss_children"] = float(parts[1]), float(parts[2])
    if shown_at is None:
        raise SystemExit(f"the process did not report its window:\n{done.stdout}\n{done.stderr}")
    return shown_at - started, figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    bare_times, app_times = [], []
    with tempfile.TemporaryDirectory(prefix="baogao-bench-") as tmp:
        home = Path(tmp)
        app_code = APP.format(root=str(PROJECT_ROOT), seed="")
        run(BARE, home)  # warm the disk cache for both
        run(app_code, home)
        for _ in range(args.runs):
            bare_times.append(run(BARE, home)[0])
            app_times.append(run(app_code, home)[0])
        bare, ours = statistics.median(bare_times), statistics.median(app_times)
        ratio = ours / bare
        print(f"startup, median of {args.runs} runs (process spawn → window shown):")
        print(f"  bare PySide6 window   {bare * 1000:7.0f} ms")
        print(f"  报告起草助手          {ours * 1000:7.0f} ms")
        verdict = "OK" if ratio <= TARGET_RATIO else "TOO SLOW"
        print(f"  ratio                 {ratio:7.2f}×  (target ≤ {TARGET_RATIO}×: {verdict})")
        record("start to window shown (vs a bare PySide6 window)", ours * 1000, bare * 1000, "ms", f"≤ {TARGET_RATIO}×")

        _, bare_mem = run(BARE, home)
        print("resident memory:")
        print(f"  bare PySide6 window            {bare_mem['rss_shown']:6.1f} MB")
        if SEED_000.is_file():
            seed_code = APP.format(root=str(PROJECT_ROOT), seed=str(SEED_000))
            # The very first start makes the compact dictionary and the proofreading lexicon in
            # the cache folder (a bundle ships the dictionary made); every later start reads them.
            _, first = run(seed_code, home)
            _, mem = run(seed_code, home)
            print(f"  app, start page                {mem['rss_shown']:6.1f} MB")
            print(f"  app, seed 000 open in editor   {mem['rss_opened']:6.1f} MB (just opened)")
            steady = mem["rss_steady"] + mem["rss_children"]
            verdict = "OK" if steady <= TARGET_STEADY_MB else "TOO MUCH"
            print(f"  same, steady state             {steady:6.1f} MB (background loads finished; "
                  f"helper processes {mem['rss_children']:.1f} MB included; target ≤ {TARGET_STEADY_MB:.0f} MB: {verdict})")
            print(f"  ratio steady/bare window       {steady / bare_mem['rss_shown']:6.2f}×")
            first_steady = first["rss_steady"] + first["rss_children"]
            print(f"  very first start, steady       {first_steady:6.1f} MB (dictionary and lexicon files made in this run)")
            record("memory, seed 000 open, steady state (vs a bare window)", steady, bare_mem["rss_shown"], "MB",
                   f"≤ {TARGET_STEADY_MB:.0f} MB")  # fmt: skip
        else:
            print(f"  (seed 000 not found at {SEED_000}; memory with a report open not measured)")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
