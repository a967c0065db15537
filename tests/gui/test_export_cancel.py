"""导出 in the real main window: past half a second a progress dialog with 取消; cancelling
stops LibreOffice, leaves no file (not even a temporary one) and leaves the draft as it was."""

from __future__ import annotations

import stat
import sys
import time
from pathlib import Path
from typing import Any

import psutil
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton

from core.draft.model import to_dict
from core.office import libreoffice
from gui.workers import CANCELLING
from tests.gui.conftest import export_and_wait


def _draft_with_imprint(window: Any, new_report: Any) -> None:
    new_report(window, None, kind="half_year_summary")
    window.doc.set_report_field("copy_to", "区委办公室，区政府办公室")
    window.doc.set_report_field("printer", "中共某某区委组织部办公室")
    window.doc.set_report_field("print_date", "2024-07-02")


def _soffice_processes() -> list[psutil.Process]:
    out = []
    for child in psutil.Process().children(recursive=True):
        try:
            if "soffice" in child.name() or "sleep" in child.name():
                out.append(child)
        except psutil.NoSuchProcess:
            continue
    return out


def _ends(condition: Any) -> bool:
    """Polled while the kernel finishes a kill: up to a minute on a busy machine, milliseconds
    as a rule; not a measure of speed."""
    for _ in range(1200):
        try:
            if condition():
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.05)
    return False


def _cancel_once(window: Any, ready: Any, clicked: list[str]) -> None:
    """Click 取消 in the export's progress dialog as soon as it shows and ``ready()`` holds."""
    dialogs = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    if not dialogs or not ready():
        QTimer.singleShot(20, lambda: _cancel_once(window, ready, clicked))
        return
    clicked.append(dialogs[0].labelText())
    next(b for b in dialogs[0].findChildren(QPushButton) if b.text() == "取消").click()
    clicked.append(dialogs[0].labelText() if dialogs[0].isVisible() else "")


def _export_and_cancel(window: Any, answers: Any, target: Path, ready: Any) -> list[str]:
    before = to_dict(window.doc.report)
    steps = (window.doc.undo_stack.count(), window.doc.undo_stack.index())
    answers.save_paths.append(str(target))
    clicked: list[str] = []
    QTimer.singleShot(0, lambda: _cancel_once(window, ready, clicked))
    assert export_and_wait(window) is None  # (LibreOffice would go on for seconds or minutes)
    assert list(target.parent.iterdir()) == []  # no file, no temporary file
    assert to_dict(window.doc.report) == before  # the draft as it was
    assert (window.doc.undo_stack.count(), window.doc.undo_stack.index()) == steps
    assert "已取消导出" in window.statusBar().currentMessage()
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    assert not [kind for kind, _ in answers.asked if kind == "warn"]  # no error shown: the clerk chose it
    return clicked


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in for soffice is a POSIX shell script")
def test_cancel_stops_a_hanging_libreoffice_and_writes_nothing(
    make_window: Any, new_report: Any, answers: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid_file = tmp_path / "child.pid"
    fake = tmp_path / "fake-soffice"  # LibreOffice that would take five minutes
    fake.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > '{pid_file}'\nwait\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: str(fake))
    window = make_window()
    _draft_with_imprint(window, new_report)
    folder = tmp_path / "导出"
    folder.mkdir()
    laying_out = "正在用 LibreOffice 排版（定版记的位置）…"

    def libreoffice_is_told() -> bool:  # it starts before the rendering: 取消 once it is what the dialog says
        shown = [d.labelText() for d in window.findChildren(QProgressDialog) if d.isVisible()]
        return pid_file.exists() and shown == [laying_out]

    clicked = _export_and_cancel(window, answers, folder / "报告.docx", libreoffice_is_told)
    assert clicked == [laying_out, CANCELLING]  # what it was doing, from core
    child = int(pid_file.read_text())
    assert _ends(lambda: not psutil.pid_exists(child) or psutil.Process(child).status() == psutil.STATUS_ZOMBIE), (
        "LibreOffice's child survived the cancel"
    )


@pytest.mark.skipif(libreoffice.find_soffice() is None, reason="需要 LibreOffice（soffice）")
@pytest.mark.timeout(120)
def test_cancel_while_libreoffice_lays_out_the_imprint(
    make_window: Any, new_report: Any, answers: Any, tmp_path: Path
) -> None:
    window = make_window()
    _draft_with_imprint(window, new_report)
    folder = tmp_path / "导出"
    folder.mkdir()
    clicked = _export_and_cancel(window, answers, folder / "报告.docx", lambda: bool(_soffice_processes()))
    assert clicked[-1] == CANCELLING
    assert _ends(lambda: not _soffice_processes()), "soffice outlived the cancelled export"
    # The next export runs to its end and writes the file.
    target = folder / "报告.docx"
    answers.save_paths.append(str(target))
    assert export_and_wait(window) == target
    assert target.is_file()


def test_a_long_export_moves_the_bar_paragraph_by_paragraph_and_cancels_cleanly(
    make_window: Any, answers: Any, tmp_path: Path
) -> None:
    from core.draft.model import Report, Section
    from gui.document import DraftDocument
    from tests.gui.progress_watch import ProgressWatch

    # 29,700 paragraphs of finished text (nothing 待核实: the pre-flight has nothing to show).
    report = Report(title="某某区工作总结", signature="某某区人民政府", date="2024-12-31", sections=[
        Section(heading=f"抓好第{'一二三四五六七八九十'[n % 10]}方面的工作",
                body=["各项工作按计划推进，取得明显成效，群众满意度进一步提高。"] * 300)
        for n in range(99)
    ])
    window = make_window()
    window.set_document(DraftDocument(report, None))
    writing = "正在套用模板写出各段…"

    def moved_twice(value: int, label: str) -> bool:  # 取消 once the bar has moved within the template
        return label == writing and len({v for v, text in watch.seen if text == writing}) >= 3

    watch = ProgressWatch(window, moved_twice)
    folder = tmp_path / "导出"
    folder.mkdir()
    before = to_dict(window.doc.report)
    answers.save_paths.append(str(folder / "报告.docx"))
    watch.timer.start(20)
    try:
        assert export_and_wait(window) is None
    finally:
        watch.timer.stop()
    assert watch.clicked and watch.clicked[0][1] == writing
    values = [value for value, _ in watch.seen]
    assert values == sorted(values)
    # Core's fractions: the template's loop is 0.1–0.6 of 0–0.95 of the export, its first 0.7.
    moved = sorted({value for value, label in watch.seen if label == writing})
    assert len(moved) >= 3 and moved[0] >= 95 and moved[-1] <= 428
    assert watch.after_click[0] == CANCELLING
    assert list(folder.iterdir()) == []  # no file, no temporary file
    assert to_dict(window.doc.report) == before
    assert "已取消导出" in window.statusBar().currentMessage()
