"""A dialog used once is gone afterwards: a sitting of exports and questions leaves no dialogs
(with their lists) behind the window. bench_soak found each 导出 keeping its 导出前检查."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from core.draft.model import Report, Section
from gui.dialogs import prompts
from gui.dialogs.help_dialog import HelpDialog
from gui.dialogs.preflight_dialog import PreflightDialog
from gui.document import DraftDocument
from tests.gui.conftest import export_and_wait


def _deferred_deletes_done() -> None:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_exports_questions_and_help_leave_no_dialogs(make_window: Any, answers: Any, tmp_path: Path,
                                                   monkeypatch: Any) -> None:
    window = make_window()
    # An empty section and no date: the pre-flight has things to list.
    window.set_document(DraftDocument(Report(title="工作总结", sections=[Section(heading="一、主要工作")])))
    for number in range(3):
        answers.save_paths.append(str(tmp_path / f"导出{number}.docx"))
        assert export_and_wait(window) == tmp_path / f"导出{number}.docx"
    assert [kind for kind, _count in answers.asked if kind == "preflight"] == ["preflight"] * 3
    monkeypatch.setattr(HelpDialog, "exec", lambda self: 0)
    window.window_actions["guide"].trigger()
    window.window_actions["shortcuts"].trigger()
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    assert prompts.ask_remove_from_library(window, 2) is False  # (a question the fixture does not answer)
    _deferred_deletes_done()
    assert window.findChildren(PreflightDialog) == []
    assert window.findChildren(HelpDialog) == []
    assert window.findChildren(QMessageBox) == []
    assert [type(d).__name__ for d in window.findChildren(QDialog) if not d.isVisible()] == []
