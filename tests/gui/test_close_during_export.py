"""Closing the window while an export runs (F9): the export is cancelled (or, where it cannot
stop, finishes without asking anything more), then the window closes; nothing raises."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

import core.render.export
import gui.document_controller
from core.base.progress import Progress
from core.draft.model import Report


def test_close_cancels_a_running_export_then_closes(
    make_window: Any, new_report: Any, answers: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = threading.Event()

    def rendering(_report: Report, _target: Path, *_rest: object, progress: Progress) -> list[str]:
        started.set()
        while True:  # LibreOffice that takes minutes, stopped only by 取消
            progress.check()
            time.sleep(0.01)

    monkeypatch.setattr(core.render.export, "export_report", rendering)
    window = make_window()
    new_report(window, None, kind="half_year_summary")
    target = tmp_path / "报告.docx"
    answers.save_paths.append(str(target))
    finished: list[object] = []
    window.documents.exportFinished.connect(finished.append)
    window.documents.export_word()
    qtbot.waitUntil(started.is_set)
    assert not window.close()  # not yet: the export is stopped first
    assert window.status_text == "正在取消导出，取消后关闭窗口…"
    qtbot.waitUntil(lambda: not window.isVisible())
    assert finished == [None]
    assert not target.exists()
    # 仍然导出 at the pre-flight, then only the draft's own question, as at any close.
    assert [kind for kind, _text in answers.asked] == ["preflight", "save_changes"]


def test_close_during_the_preflight_asks_no_file_name_afterwards(
    make_window: Any, new_report: Any, answers: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    release, started = threading.Event(), threading.Event()
    checked = gui.document_controller._before_export

    def slow_preflight(report: Report) -> Any:  # cannot be cancelled: it always ends
        started.set()
        release.wait(10)
        return checked(report)

    monkeypatch.setattr(gui.document_controller, "_before_export", slow_preflight)
    window = make_window()
    new_report(window, None, kind="half_year_summary")
    finished: list[object] = []
    window.documents.exportFinished.connect(finished.append)
    window.documents.export_word()
    qtbot.waitUntil(started.is_set)
    assert not window.close()
    assert window.status_text == "正在完成后台工作，完成后关闭窗口…"
    release.set()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert finished == [None]  # no save dialog (answers.save_paths is empty: one would fail)
    assert [kind for kind, _text in answers.asked] == ["save_changes"]
