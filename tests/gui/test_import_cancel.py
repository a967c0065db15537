"""文件 ▸ 打开 a prior report (新建报告 from it) in the real main window: past half a second a
progress dialog whose bar moves with the fractions core reports (reading the paragraphs,
parsing the outline) and a 取消 that stops the import — a long .docx while its paragraphs are
read, an old .doc while LibreOffice converts it (the converter and its child killed, its
temporary folder gone). Afterwards the window is as it was: the same draft, no file written,
nothing remembered of the file; the event loop kept turning throughout. The long document is
generated here. 文件 ▸ 导入审阅稿 of an old .doc the same."""

from __future__ import annotations

import stat
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil
import pytest
from PySide6.QtWidgets import QProgressDialog

from core.draft.model import to_dict
from core.office import libreoffice
from gui.dialogs.new_report_dialog import NewReportDialog
from gui.workers import CANCELLING
from tests.docx_builders import write_long_report_docx
from tests.gui.conftest import ended_by, prior_read
from tests.gui.progress_watch import ProgressWatch


def _no_progress_dialog(window: Any) -> bool:
    return not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]


def _open_and_cancel(window: Any, answers: Any, monkeypatch: pytest.MonkeyPatch, path: Path, watch: ProgressWatch) -> None:
    """文件 ▸ 打开 ``path``; the 新建报告 dialog it opens is closed by the clerk after the cancel."""
    shown: list[tuple[object, str]] = []

    def close_dialog(dialog: NewReportDialog) -> int:  # the dialog as the clerk sees it, then 取消
        assert not prior_read(dialog)  # the file it was opened with: read, and cancelled
        shown.append((dialog._prior, dialog.prior_label.text()))
        return 0

    monkeypatch.setattr(NewReportDialog, "exec", close_dialog)
    before = to_dict(window.doc.report)
    steps = (window.doc.undo_stack.count(), window.doc.undo_stack.index())
    recent = list(window.settings.recent_documents)
    watch.timer.start(20)
    try:
        assert window.documents.open_draft(path) is False
    finally:
        watch.timer.stop()
    # The dialog came up as if no file had been chosen: nothing of the cancelled import in it.
    assert shown == [(None, shown[0][1])] and shown[0][1].startswith("未选择。")
    assert to_dict(window.doc.report) == before  # the draft as it was
    assert (window.doc.undo_stack.count(), window.doc.undo_stack.index()) == steps
    assert window.settings.recent_documents == recent  # the file not remembered
    assert _no_progress_dialog(window)
    assert not [kind for kind, _ in answers.asked if kind == "warn"]  # no error: the clerk chose it
    # Said it was stopping, until it had stopped.
    assert watch.after_click and set(watch.after_click) == {CANCELLING}


def test_cancelling_a_long_import_while_its_paragraphs_are_read(
    make_window: Any, new_report: Any, answers: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "上年"
    folder.mkdir()
    big = write_long_report_docx(folder / "十年汇编.docx", 99, 1000)  # 99,100 paragraphs, ~3M characters
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    window = make_window()
    new_report(window, None)
    reading = "正在读取“十年汇编.docx”的段落…"

    def moved_twice(value: int, label: str) -> bool:  # 取消 once the bar has moved while reading
        return label == reading and len({v for v, text in watch.seen if text == reading}) >= 3

    watch = ProgressWatch(window, moved_twice)
    _open_and_cancel(window, answers, monkeypatch, big, watch)

    assert watch.clicked and watch.clicked[0][1] == reading
    values = [value for value, _ in watch.seen]
    assert values == sorted(values)  # only forward
    # Core's fractions: reading the body's paragraphs is 0.1–1.0 of 0–0.9 of 0–0.55 of the import.
    read = sorted({value for value, label in watch.seen if label == reading})
    assert len(read) >= 3 and read[0] >= 49 and read[-1] <= 495
    assert watch.ticks_while_shown >= 3  # the event loop kept turning while the work ran
    assert list(folder.iterdir()) == [big]  # nothing written beside the file
    assert list(temp.iterdir()) == []  # and nothing left in the temporary folder


def _slow_soffice(tmp_path: Path) -> tuple[Path, Path]:
    """A stand-in for LibreOffice at the boundary core exposes (find_soffice): it starts a child
    (soffice.bin in real life) and waits for it, as a conversion of a huge file would."""
    pid_file = tmp_path / "child.pid"
    fake = tmp_path / "fake-soffice"
    fake.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > '{pid_file}'\nwait\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    return fake, pid_file


def _gone(pid: int) -> bool:
    """Killed: at most a zombie nobody has reaped yet. (Polled while the kernel finishes the
    kill; not a measure of speed.)"""
    for _ in range(1200):
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in for soffice is a POSIX shell script")
@pytest.mark.timeout(120)
def test_cancelling_an_import_while_libreoffice_converts_it(
    make_window: Any, new_report: Any, answers: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake, pid_file = _slow_soffice(tmp_path)
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: str(fake))
    monkeypatch.setattr(libreoffice, "CONVERT_TIMEOUT_S", 600.0)  # only 取消 can end it
    folder = tmp_path / "上年"
    folder.mkdir()
    old = folder / "上年报告.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))  # an OLE header: a .doc
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    window = make_window()
    new_report(window, None)
    converting = "正在用 LibreOffice 转换“上年报告.doc”…"

    def converter_running(_value: int, label: str) -> bool:  # and the window turning meanwhile
        return label == converting and pid_file.exists() and watch.ticks_while_shown >= 5

    watch = ProgressWatch(window, converter_running)
    _open_and_cancel(window, answers, monkeypatch, old, watch)

    assert watch.clicked == [(-1, converting)]  # LibreOffice cannot tell how far: a busy bar
    assert _gone(int(pid_file.read_text())), "LibreOffice's child outlived the cancel"
    assert not libreoffice._RUNNING
    assert list(folder.iterdir()) == [old]
    assert list(temp.iterdir()) == []  # no copy, no converted file, no LibreOffice profile


def _soffice_processes() -> list[psutil.Process]:
    found = []
    for child in psutil.Process().children(recursive=True):
        try:
            if "soffice" in child.name() or "oosplash" in child.name():
                found.append(child)
        except psutil.NoSuchProcess:
            continue
    return found


def _write_long_rtf(path: Path, paragraphs: int) -> None:
    """An RTF report of our own words (Chinese as \\uN escapes), long enough that LibreOffice
    takes seconds over it."""

    def rtf(text: str) -> str:
        return "".join(f"\\u{ord(c)}?" if ord(c) > 127 else c for c in text)

    lines = [rtf("某某区2024年工作总结")]
    lines += [rtf(f"第{k}项工作按计划推进，完成全年任务的百分之{k % 100}。") for k in range(paragraphs)]
    path.write_text("{\\rtf1\\ansi\\ansicpg936\\deff0 " + "\\par\n".join(lines) + "\\par}", encoding="ascii")


@pytest.mark.skipif(libreoffice.find_soffice() is None, reason="需要 LibreOffice（soffice）")
@pytest.mark.timeout(180)
def test_cancelling_a_real_libreoffice_conversion(
    make_window: Any, new_report: Any, answers: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "上年"
    folder.mkdir()
    old = folder / "上年报告.rtf"
    _write_long_rtf(old, 30_000)
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    window = make_window()
    new_report(window, None)
    converting = "正在用 LibreOffice 转换“上年报告.rtf”…"

    def converter_running(_value: int, label: str) -> bool:  # and the window turning meanwhile
        return label == converting and bool(_soffice_processes()) and watch.ticks_while_shown >= 5

    watch = ProgressWatch(window, converter_running)
    _open_and_cancel(window, answers, monkeypatch, old, watch)

    assert watch.clicked == [(-1, converting)]
    for _ in range(1200):  # the kernel finishing the kill; not a measure of speed
        if not [p for p in _soffice_processes() if p.status() != psutil.STATUS_ZOMBIE]:
            break
        time.sleep(0.05)
    assert not [p for p in _soffice_processes() if p.status() != psutil.STATUS_ZOMBIE], "soffice outlived the cancel"
    assert list(folder.iterdir()) == [old]
    assert list(temp.iterdir()) == []  # no copy, no converted file, no LibreOffice profile


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in for soffice is a POSIX shell script")
@pytest.mark.timeout(120)
def test_cancelling_a_reviewed_copy_while_libreoffice_converts_it(
    make_window: Any, new_report: Any, answers: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """文件 ▸ 导入审阅稿 of a .doc: read off the GUI thread, LibreOffice stopped by 取消, the
    draft and the window as they were (no 审阅 panel, no change marked)."""
    fake, pid_file = _slow_soffice(tmp_path)
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: str(fake))
    monkeypatch.setattr(libreoffice, "CONVERT_TIMEOUT_S", 600.0)
    copy = tmp_path / "领导审阅稿.doc"
    copy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    window = make_window()
    new_report(window, None)
    before = to_dict(window.doc.report)
    converting = "正在用 LibreOffice 转换“领导审阅稿.doc”…"

    def converter_running(_value: int, label: str) -> bool:
        return label == converting and pid_file.exists() and watch.ticks_while_shown >= 5

    watch = ProgressWatch(window, converter_running)
    answers.open_paths.append(str(copy))
    watch.timer.start(20)
    try:
        assert ended_by(window.review.finished, window.window_actions["import_review"].trigger) is False
    finally:
        watch.timer.stop()
    assert watch.clicked == [(-1, converting)]
    assert watch.after_click[0] == CANCELLING
    assert _gone(int(pid_file.read_text())), "LibreOffice's child outlived the cancel"
    assert list(temp.iterdir()) == []
    assert to_dict(window.doc.report) == before
    assert window.review.panel is None  # no review began
    assert _no_progress_dialog(window)
    assert not [kind for kind, _ in answers.asked if kind == "warn"]
