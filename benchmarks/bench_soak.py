"""A clerk's long sitting: the real window driven for half an hour, its resources read each minute.

    python benchmarks/bench_soak.py [--minutes 30] [--pages 50]

The real main window (offscreen, 1280×800, preview dock shown) holds a long draft
(tests/long_drafts.py) with a library of the seeds beside it, in a fresh BAOGAO_HOME. A
simulated clerk types Chinese through the input method at a person's pace (a character every
0.15–0.45 s, with pauses), switches to another section every half minute, undoes and redoes
now and then, searches the library every minute and exports a Word file every three minutes
(preflight answered 仍然导出, the file written to a temp folder). Autosave, the edit journal,
the 待核实/检查 lists and the preview all run as they do for a clerk.

Every minute it prints the process's RSS, Python objects, live QObjects, open file
descriptors and None's reference count. At the end it judges each series over the sitting
after the first two minutes (warm-up: jieba, the library, the proofreading lexicon load):
a series is flat when its least-squares growth over the whole sitting is within the slack
printed beside it. It also counts Qt warnings and log records at WARNING or above, and fails
(exit 1) on any growth, warning or crash.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CHARS = "推进高质量发展落实各项任务坚持人民至上加强基层治理"
WARM_UP_MINUTES = 2
# How much a series may grow over the whole sitting and still be called flat: a draft that
# grows by the typed text, caches that fill to their bound, and allocator noise.
SLACK = {"rss_mb": 12.0, "py_objects": 25_000.0, "qobjects": 200.0, "open_fds": 3.0, "none_refs": 2_000.0}
# Known harmless messages of the offscreen platform plugin.
IGNORED_QT = ("This plugin does not support",)


@dataclass
class Sample:
    minute: float
    rss_mb: float
    py_objects: int
    qobjects: int
    open_fds: int
    none_refs: int


@dataclass
class Sitting:
    typed: int = 0
    switches: int = 0
    searches: int = 0
    exports: int = 0
    undos: int = 0
    warnings: list[str] = field(default_factory=list)
    samples: list[Sample] = field(default_factory=list)


class _WarningCounter(logging.Handler):
    def __init__(self, sitting: Sitting) -> None:
        super().__init__(logging.WARNING)
        self.sitting = sitting

    def emit(self, record: logging.LogRecord) -> None:
        self.sitting.warnings.append(f"log {record.name}: {record.getMessage()}")


def _library_of_seeds(home: Path) -> int:
    from core.base.paths import data_dir
    from core.library import Library
    from core.library.bulk import add_files
    from tests.conftest import SEED_NAMES, SEEDS_DIR

    present = [SEEDS_DIR / name for name in SEED_NAMES.values() if (SEEDS_DIR / name).exists()]
    with Library(data_dir()) as library:
        add_files(library, present)
    return len(present)


def _qobject_count(app: object) -> int:
    from PySide6.QtCore import QObject

    return sum(1 + len(top.findChildren(QObject)) for top in app.topLevelWidgets())  # type: ignore[attr-defined]


def _sample(app: object, started: float) -> Sample:
    import psutil

    gc.collect()
    process = psutil.Process()
    return Sample(
        minute=(time.monotonic() - started) / 60,
        rss_mb=process.memory_info().rss / 2**20,
        py_objects=len(gc.get_objects()),
        qobjects=_qobject_count(app),
        open_fds=process.num_fds(),
        none_refs=sys.getrefcount(None),
    )


def _slope_over_sitting(samples: list[Sample], name: str) -> float:
    """Least-squares growth of one series across the sitting (per the sitting's length)."""
    xs = [s.minute for s in samples]
    ys = [float(getattr(s, name)) for s in samples]
    if len(xs) < 3:
        return 0.0
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread if spread else 0.0
    return slope * (xs[-1] - xs[0])


def run(minutes: float, pages: int) -> int:
    home = Path(tempfile.mkdtemp(prefix="bench-soak-"))
    os.environ["BAOGAO_HOME"] = str(home)
    out = home / "exports"
    out.mkdir()
    seeds = _library_of_seeds(home)

    from PySide6.QtCore import QEventLoop, QTimer, QtMsgType, qInstallMessageHandler
    from PySide6.QtGui import QInputMethodEvent, QTextCursor
    from PySide6.QtWidgets import QFileDialog

    from core.base.settings import Settings
    from gui.app import create_application
    from gui.dialogs.preflight_dialog import PreflightDialog
    from gui.document import DraftDocument
    from gui.main_window import MainWindow
    from gui.screenshots import leave_quietly
    from tests.long_drafts import long_draft

    sitting = Sitting()
    logging.getLogger().addHandler(_WarningCounter(sitting))

    def on_qt_message(kind: QtMsgType, _context: object, message: str) -> None:
        if kind != QtMsgType.QtDebugMsg and not message.startswith(IGNORED_QT):
            sitting.warnings.append(f"Qt: {message}")

    qInstallMessageHandler(on_qt_message)
    draft_path = home / "草稿.baogao"
    # The first file asked for is the draft's own (另存为), then one new file per export.
    asked_names = iter([str(draft_path), *(str(out / f"导出{n}.docx") for n in range(10_000))])
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (next(asked_names), ""))  # type: ignore[method-assign]

    def export_anyway(dialog: PreflightDialog) -> int:
        dialog.export_button.click()
        return dialog.result()

    PreflightDialog.exec = export_anyway  # type: ignore[method-assign]

    app = create_application()
    report = long_draft(pages)
    window = MainWindow(Settings(autosave_seconds=30.0))
    window.resize(1280, 800)
    window.show()
    window.set_document(DraftDocument(report))
    if not window.documents.save_as():  # a named draft: autosave and the journal beside it, as for a clerk
        print("soak: could not save the draft", file=sys.stderr)
        return 1
    window.show_panel("preview")
    sections = [section.id for _level, section in window.doc.report.walk()]
    rng = random.Random(20261123)
    started = time.monotonic()
    loop = QEventLoop()
    print(f"soak: {minutes:g} min, {pages}-page draft ({len(sections)} sections), library of {seeds} seeds, "
          f"home {home}", flush=True)
    print(f"{'min':>5}{'RSS MB':>9}{'objects':>10}{'QObjects':>10}{'fds':>6}{'None refs':>11}"
          f"{'typed':>7}{'switch':>7}{'search':>7}{'export':>7}{'warn':>6}", flush=True)

    def body_edit() -> object:
        return window.editor.section_form.body_edit

    def switch_section() -> None:
        window.editor.outline.select_section(rng.choice(sections))
        edit = body_edit()
        edit.setFocus()  # type: ignore[attr-defined]
        cursor = edit.textCursor()  # type: ignore[attr-defined]
        cursor.movePosition(QTextCursor.MoveOperation.End)
        edit.setTextCursor(cursor)  # type: ignore[attr-defined]
        sitting.switches += 1

    def type_key() -> None:
        edit = body_edit()
        preedit = QInputMethodEvent("tui", [])
        app.sendEvent(edit, preedit)
        commit = QInputMethodEvent("", [])
        commit.setCommitString(CHARS[sitting.typed % len(CHARS)])
        app.sendEvent(edit, commit)
        sitting.typed += 1
        if sitting.typed % 40 == 0:  # a sentence ends: the clerk reads it back
            app.sendEvent(edit, _commit("。"))
        gap = rng.uniform(0.15, 0.45) if rng.random() > 0.05 else rng.uniform(1.5, 4.0)
        next_key.start(int(gap * 1000))

    def _commit(text: str) -> QInputMethodEvent:
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        return event

    def undo_redo() -> None:
        window.window_actions["undo"].trigger()
        window.window_actions["redo"].trigger()
        sitting.undos += 1

    def search() -> None:
        window.search_library()
        panel = window.panel_host.library
        if panel is not None:
            panel.search_for(rng.choice(["党建", "基层治理", "工作要点", "高质量发展", "组织"]))
            sitting.searches += 1
        switch_section()  # back to the text, as a clerk does after reading the results

    def exported(target: object) -> None:  # an export ends in a background task's callback
        if target is not None:
            sitting.exports += 1

    window.documents.exportFinished.connect(exported)

    def export() -> None:
        window.documents.export_word()
        switch_section()

    next_at = {"switch": 30.0, "undo": 45.0, "search": 60.0, "export": 180.0, "sample": 60.0}
    actions = {"switch": (switch_section, 30.0), "undo": (undo_redo, 45.0), "search": (search, 60.0),
               "export": (export, 180.0)}

    def tick() -> None:
        now = time.monotonic() - started
        if now >= minutes * 60:
            loop.quit()
            return
        for name, (action, every) in actions.items():
            if now >= next_at[name]:
                next_at[name] = now + every
                action()
        if now >= next_at["sample"]:
            next_at["sample"] = now + 60.0
            sample = _sample(app, started)
            sitting.samples.append(sample)
            print(f"{sample.minute:5.1f}{sample.rss_mb:9.1f}{sample.py_objects:10d}{sample.qobjects:10d}"
                  f"{sample.open_fds:6d}{sample.none_refs:11d}{sitting.typed:7d}{sitting.switches:7d}"
                  f"{sitting.searches:7d}{sitting.exports:7d}{len(sitting.warnings):6d}", flush=True)
        type_key()

    # One timer for the clerk's pace: PySide6 6.11's QTimer.singleShot with a callable keeps
    # three references to None per call, which would be the harness's drift, not the app's.
    next_key = QTimer()
    next_key.setSingleShot(True)
    next_key.timeout.connect(tick)
    switch_section()
    next_key.start(200)
    loop.exec()
    leave_quietly(window)

    steady = [s for s in sitting.samples if s.minute >= WARM_UP_MINUTES]
    failed = False
    print("\nseries over the sitting after the warm-up (least-squares growth, slack):")
    for name, slack in SLACK.items():
        growth = _slope_over_sitting(steady, name)
        flat = abs(growth) <= slack if name == "none_refs" else growth <= slack
        failed |= not flat
        first = getattr(steady[0], name) if steady else 0
        last = getattr(steady[-1], name) if steady else 0
        print(f"  {name:<11} first {first:>10.1f}  last {last:>10.1f}  growth {growth:>+10.1f}  "
              f"slack {slack:>8.0f}  {'flat' if flat else 'GROWS'}")
    if len(steady) < 3:
        print("  (too short a sitting to judge: run at least five minutes)")
    print(f"typed {sitting.typed} characters, {sitting.switches} section switches, {sitting.undos} undo/redo, "
          f"{sitting.searches} library searches, {sitting.exports} exports")
    print(f"warnings: {len(sitting.warnings)}")
    for message in sitting.warnings[:20]:
        print(f"  {message}")
    failed |= bool(sitting.warnings) or (sitting.exports == 0 and minutes >= 3)
    print("soak:", "FAIL" if failed else "ok")
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--pages", type=int, default=50)
    args = parser.parse_args()
    return run(args.minutes, args.pages)


if __name__ == "__main__":
    raise SystemExit(main())
