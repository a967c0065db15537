"""Opening a draft made from a thousand-page prior report: how long the GUI thread is held.

    python benchmarks/bench_open_large.py [--runs 3] [--sections 99] [--paragraphs 1000] [--modes carry,carry_text]

The real main window (offscreen) makes a new report from an imported prior (沿用上年提纲 and
沿用上年提纲和文字), as 新建报告 does once the file is read: the draft is made, the editor, the
上年参考 pane and the 待核实 and 检查 panels show it. A 5 ms timer ticks throughout; the figure
is the longest gap between two ticks (the GUI thread held: no input handled, nothing painted)
from the start until every panel has shown its results, and the time until then. The baseline
is the same window opening a prior a hundredth the size (the same sections, 1/100 of the
paragraphs), interleaved run by run; medians. Goal: the longest hold does not grow with the
draft (ratio ≈ 1) and stays well under a second. The import itself (run off the GUI thread,
with progress and 取消) is timed by bench_scale.py.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.interleave import interleaved, median, record, spread  # noqa: E402

TICK_MS = 5


def _open(window: Any, request: Any) -> tuple[float, float]:
    """(longest gap between ticks, seconds until the panels are done) for one opening."""
    from PySide6.QtCore import QCoreApplication, QTimer

    from gui.panels.checks_panel import CHECKING

    ticks: list[float] = [time.perf_counter()]
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(TICK_MS)
    start = time.perf_counter()
    made: list[bool] = []
    window.documents.creationFinished.connect(made.append)  # the report is made in a background task
    assert window.documents.create_report(request)
    while not made:
        QCoreApplication.processEvents()
        time.sleep(0.001)
    assert made == [True]
    while window.panel_host.flags.finding() or window.panel_host.checks.summary_label.text() == CHECKING:
        QCoreApplication.processEvents()
        time.sleep(0.001)
    ticks.append(time.perf_counter())
    done = time.perf_counter() - start
    timer.stop()
    gap = max(b - a for a, b in itertools.pairwise(ticks))
    window.documents.autosave.forget()
    window.set_document(None)
    QCoreApplication.processEvents()
    return gap, done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sections", type=int, default=99)
    parser.add_argument("--paragraphs", type=int, default=1000, help="paragraphs per section")
    parser.add_argument("--modes", default="carry,carry_text", help="core.reuse.new_draft modes")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-open-"))
    os.environ["BAOGAO_HOME"] = str(folder / "home")  # the library and settings of this run only

    from core.base.settings import Settings
    from core.importing.importer import import_document
    from gui.app import create_application
    from gui.dialogs import prompts
    from gui.dialogs.new_report_dialog import NewReportRequest
    from gui.main_window import MainWindow
    from tests.docx_builders import write_long_report_docx

    prompts.ask_save_changes = lambda *_a: prompts.DISCARD  # type: ignore[assignment]
    app = create_application()
    window = MainWindow(Settings(autosave_seconds=3600.0))
    window.resize(1280, 800)
    window.show()
    app.processEvents()

    sizes = {"large": args.paragraphs, "baseline": max(1, args.paragraphs // 100)}
    priors = {}
    for name, per_section in sizes.items():
        path = write_long_report_docx(folder / f"{name}.docx", args.sections, per_section)
        priors[name] = (path, import_document(path))
    for mode in args.modes.split(","):
        gaps: dict[str, list[float]] = {name: [] for name in sizes}

        def opener(name: str, mode: str = mode, gaps: dict[str, list[float]] = gaps) -> Any:
            path, prior = priors[name]
            request = NewReportRequest(prior.kind, 2025, "某某区委组织部", path, prior, mode)
            return lambda: gaps[name].append(_open(window, request)[0])

        opener("baseline")()  # warm-up: the editor and panels built, modules loaded
        gaps["baseline"].clear()
        times = interleaved({name: opener(name) for name in sizes}, args.runs)
        paragraphs = {name: args.sections * (per + 1) + 1 for name, per in sizes.items()}
        print(f"{mode}（{args.runs} 次，中位数）")
        for name in sizes:
            print(
                f"  {name:8} {paragraphs[name]:>7,} 段: GUI 线程最长占用 {median(gaps[name]) * 1000:7.0f} ms"
                f"（{spread(gaps[name])}），面板全部完成 {median(times[name]):6.2f} s"
            )
        ratio = median(gaps["large"]) / median(gaps["baseline"])
        print(f"  最长占用之比 large/baseline = {ratio:.2f}")
        record(f"open_large_{mode}_longest_hold", median(gaps["large"]) * 1000, median(gaps["baseline"]) * 1000, "ms",
               "≈ baseline, < 1000 ms")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
