"""Kill the real app with SIGKILL while the clerk types, and while it saves a 20 MB draft.

    python benchmarks/bench_crash.py [--quick]

Typing: the real window (gui.app.run_app, offscreen) opens a draft and types into a
section body through the input method (a pinyin preedit, then the committed character),
either continuously (a character every 100 ms) or in bursts (8 characters, then a pause
of 1.2 s). It is SIGKILLed 0.5, 2, 4, 10 and 30 s after typing began. The unsaved work is
then read back through core (what the recovery dialog at the next start loads), and the
characters lost are counted. The promise: 0 lost of everything typed more than 1 s before
the kill (characters of the last second are counted separately, for information).

Saving: the window opens a 20 MB draft and saves it over and over (every save changes
it, so each leaves a .bak and a history entry); it is killed at a random moment of a save
50 times. After each kill: the draft, its .bak, every history entry and the autosave must
load; after the start-up cleanup no temp file may be left anywhere.

The cost of the journal is measured beside the autosave it replaces on every keystroke:
writing one section's record versus writing the whole draft, on the same 20 MB draft.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

CHARS = "一二三四五六七八九十"
BASE_TEXT = "已有一段。"

TYPING_APP = """
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication
from gui.app import run_app

CHARS = {chars!r}
PATTERN = {pattern!r}
state = {{"n": 0, "in_burst": 0}}

def type_one(body):
    ch = CHARS[state["n"] % len(CHARS)]
    pre = QInputMethodEvent("yi", [])
    QApplication.sendEvent(body, pre)
    commit = QInputMethodEvent("", [])
    commit.setCommitString(ch)
    QApplication.sendEvent(body, commit)
    state["n"] += 1
    print(f"T {{time.time():.4f}} {{state['n']}}", flush=True)

def edit(window):
    assert window.documents.open_draft(Path({draft!r}))
    body = window.editor.section_form.body_edit
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    timer = QTimer(window)

    def tick():
        type_one(body)
        if PATTERN == "bursts":
            state["in_burst"] += 1
            if state["in_burst"] == 8:
                state["in_burst"] = 0
                timer.setInterval(1200)
            else:
                timer.setInterval(60)
    timer.timeout.connect(tick)
    timer.start(100 if PATTERN == "continuous" else 60)
    print(f"START {{time.time():.4f}}", flush=True)

sys.exit(run_app(on_started=edit))
"""

SAVING_APP = """
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from gui.app import run_app
from gui.panels.preview_pane import PreviewPane

# The live preview of a 20 MB draft kills this PySide6 build (none_dealloc): not measured here.
PreviewPane.render_now = lambda self: None

def edit(window):
    assert window.documents.open_draft(Path({draft!r}))
    state = {{"n": 0}}

    def save_again():
        state["n"] += 1
        window.doc.set_report_field("subtitle", f"第 {{state['n']}} 次保存")
        started = time.time()
        print(f"SAVING {{started:.4f}}", flush=True)
        assert window.documents.save()
        print(f"SAVED {{time.time() - started:.4f}}", flush=True)
        QTimer.singleShot(0, save_again)
    QTimer.singleShot(0, save_again)

sys.exit(run_app(on_started=edit))
"""


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BAOGAO_HOME": str(home)}


def _spawn(script: str, home: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script], env=_env(home), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True, cwd=PROJECT_ROOT,
    )


def _use_home(home: Path) -> None:
    os.environ["BAOGAO_HOME"] = str(home)


def typing_case(pattern: str, kill_after: float, workdir: Path) -> dict[str, float | int]:
    from core.draft.draft_file import save_draft
    from core.draft.model import Report, Section
    from core.draft.session import discard_autosave, find_recoverable

    home = Path(tempfile.mkdtemp(prefix="home-", dir=workdir))
    _use_home(home)
    draft = home / "上半年总结.draft.json"
    save_draft(Report(title="2024年上半年工作总结", sections=[Section(heading="工作开展情况", body=[BASE_TEXT])]),
               draft)
    script = TYPING_APP.format(root=str(PROJECT_ROOT), chars=CHARS, pattern=pattern, draft=str(draft))
    proc = _spawn(script, home)
    assert proc.stdout is not None
    typed_at: list[float] = []
    started = None
    while started is None:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError("the app ended before typing began")
        if line.startswith("START"):
            started = float(line.split()[1])
    kill_at = started + kill_after
    while time.time() < kill_at:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    killed = time.time()
    rest, _ = proc.communicate(timeout=30)
    for line in rest.splitlines():
        if line.startswith("T "):
            typed_at.append(float(line.split()[1]))
    typed_at = [t for t in typed_at if t <= killed]
    found = find_recoverable()
    recovered = ""
    if found:
        body = found[0].load().sections[0].body
        text = "".join(body)
        recovered = text[len(BASE_TEXT):] if text.startswith(BASE_TEXT) else ""
        for autosave in found:
            discard_autosave(autosave)
    typed = "".join(CHARS[i % len(CHARS)] for i in range(len(typed_at)))
    kept = 0
    while kept < min(len(recovered), len(typed)) and recovered[kept] == typed[kept]:
        kept += 1
    old_enough = sum(1 for t in typed_at if t <= killed - 1.0)
    return {
        "typed": len(typed_at),
        "old_enough": old_enough,
        "lost_old": max(0, old_enough - kept),
        "lost_last_second": max(0, len(typed_at) - max(kept, old_enough)),
    }


def _big_report(megabytes: int):  # type: ignore[no-untyped-def]
    """About ``megabytes`` of text in 20 parts of 20 sub-sections (numbering stays below 100)."""
    from core.draft.model import Point, Report, Section

    paragraph = "围绕年度目标任务，统筹推进各项工作，取得了阶段性成效。" * 100
    per_child = megabytes * 1024 * 1024 // 400
    paragraphs = max(1, per_child // (len(paragraph.encode("utf-8")) + 8) - 4)
    sections = [
        Section(heading=f"第{n}部分", body=[paragraph] * 2, children=[
            Section(heading=f"第{n}部分第{k}项", body=[paragraph] * paragraphs,
                    points=[Point(paragraph) for _ in range(4)]) for k in range(1, 21)])
        for n in range(1, 21)
    ]
    return Report(title="大草稿", year=2024, sections=sections)


def _loads_ok(path: Path) -> bool:
    from core.base.errors import ReportError
    from core.draft.draft_file import load_draft

    try:
        load_draft(path)
        return True
    except ReportError:
        return False


def _temp_files(*folders: Path) -> list[Path]:
    found: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            found += [p for p in folder.rglob("*") if p.name.endswith(".tmp") or ".stale-" in p.name]
    return found


def saving_kills(kills: int, workdir: Path) -> dict[str, object]:
    from core.base.paths import data_dir
    from core.draft.draft_file import backup_path, save_draft
    from core.draft.history import list_versions
    from core.draft.session import clean_stale_files, discard_autosave, find_recoverable

    home = Path(tempfile.mkdtemp(prefix="home-save-", dir=workdir))
    _use_home(home)
    folder = home / "drafts"
    folder.mkdir()
    draft = folder / "大草稿.draft.json"
    save_draft(_big_report(20), draft)
    size_mb = draft.stat().st_size / 1024 / 1024
    rng = random.Random(9)
    bad: list[str] = []
    save_seconds: list[float] = []
    checked_versions: set[Path] = set()
    left_before_cleanup = 0
    for i in range(kills):
        proc = _spawn(SAVING_APP.format(root=str(PROJECT_ROOT), draft=str(draft)), home)
        assert proc.stdout is not None
        line = proc.stdout.readline()
        while line and not line.startswith("SAVING"):
            line = proc.stdout.readline()
        if not line:
            raise RuntimeError("the app ended before saving")
        typical = sorted(save_seconds)[len(save_seconds) // 2] if save_seconds else 1.0
        time.sleep(rng.uniform(0.0, typical * 1.1))  # somewhere inside the first save
        proc.send_signal(signal.SIGKILL)
        rest, _ = proc.communicate(timeout=60)
        save_seconds += [float(x.split()[1]) for x in rest.splitlines() if x.startswith("SAVED")]
        if not _loads_ok(draft):
            bad.append(f"kill {i + 1}: draft unreadable")
        if backup_path(draft).exists() and not _loads_ok(backup_path(draft)):
            bad.append(f"kill {i + 1}: .bak unreadable")
        for version in list_versions(draft):
            if version.file not in checked_versions:
                if not _loads_ok(version.file):
                    bad.append(f"kill {i + 1}: history {version.file.name} unreadable")
                checked_versions.add(version.file)
        for autosave in find_recoverable():
            try:
                autosave.load()
            except Exception as exc:  # any failure to recover is a finding
                bad.append(f"kill {i + 1}: autosave unreadable ({exc})")
            discard_autosave(autosave)
        left_before_cleanup += len(_temp_files(folder, data_dir()))
        clean_stale_files([folder])  # what the next start does
        left = _temp_files(folder, data_dir())
        if left:
            bad.append(f"kill {i + 1}: temp files left: {[p.name for p in left]}")
    return {
        "draft_mb": round(size_mb, 1),
        "kills": kills,
        "save_seconds_median": round(sorted(save_seconds)[len(save_seconds) // 2], 2) if save_seconds else None,
        "temp_files_before_cleanup": left_before_cleanup,
        "history_versions_checked": len(checked_versions),
        "problems": bad,
    }


def journal_cost(workdir: Path) -> dict[str, float]:
    """Per keystroke: one section record into the journal, versus the whole autosave."""
    from core.draft.journal import JournalWriter, frame, section_record
    from core.draft.session import Session

    _use_home(Path(tempfile.mkdtemp(prefix="home-cost-", dir=workdir)))
    report = _big_report(20)
    section = report.sections[0].children[0]
    writer = JournalWriter(workdir / "cost.journal", {"session": "x"}, background_sync=False)
    runs = 50
    started = time.perf_counter()
    for i in range(runs):
        section.body[0] = section.body[0] + CHARS[i % 10]
        writer.append([section_record(section)])
    journal_ms = (time.perf_counter() - started) / runs * 1000
    writer.close(delete=True)
    session = Session()
    started = time.perf_counter()
    for _ in range(3):
        session.autosave(report, None)
    autosave_ms = (time.perf_counter() - started) / 3 * 1000
    session.close()
    return {
        "record_bytes": float(len(frame(section_record(section)))),
        "journal_write_ms": round(journal_ms, 2),
        "autosave_ms": round(autosave_ms, 1),
        "ratio": round(autosave_ms / journal_ms, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer kills: 0.5/2/4 s typing, 5 kills while saving")
    args = parser.parse_args()
    kill_times = [0.5, 2.0, 4.0] if args.quick else [0.5, 2.0, 4.0, 10.0, 30.0]
    patterns = ["continuous"] if args.quick else ["continuous", "bursts"]
    kills = 5 if args.quick else 50
    failed = False
    with tempfile.TemporaryDirectory(prefix="bench-crash-") as tmp:
        workdir = Path(tmp)
        print("Typing, SIGKILL after t seconds (lost = characters typed more than 1 s before the kill):")
        print(f"{'pattern':<11} {'t':>5} {'typed':>6} {'>1s old':>8} {'lost':>5} {'lost (last 1 s)':>16}")
        for pattern in patterns:
            for kill_after in kill_times:
                r = typing_case(pattern, kill_after, workdir)
                failed |= bool(r["lost_old"])
                print(f"{pattern:<11} {kill_after:>5} {r['typed']:>6} {r['old_enough']:>8} {r['lost_old']:>5} "
                      f"{r['lost_last_second']:>16}")
        cost = journal_cost(workdir)
        print(f"\nPer keystroke on a 20 MB draft: journal record {cost['journal_write_ms']} ms "
              f"({int(cost['record_bytes'])} B) vs whole autosave {cost['autosave_ms']} ms "
              f"(ratio {cost['ratio']}×)")
        print(f"\nSIGKILL during saves ({kills} kills):")
        result = saving_kills(kills, workdir)
        print(json.dumps(result, ensure_ascii=False, indent=2))
        failed |= bool(result["problems"])
    print("\nRESULT:", "FAIL" if failed else "OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
