"""Autosave, crash recovery, lock files, the unsaved-changes prompt, failed exports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from core.draft.draft_file import load_draft, save_draft
from core.draft.model import Report, Section, to_dict
from core.draft.session import Session, find_recoverable, lock_file_for, read_lock
from gui.dialogs import prompts
from gui.dialogs.recovery_dialog import DISCARD, RECOVER, RecoveryDialog
from gui.main_window import START_PAGE
from tests.conftest import seed_path
from tests.gui.conftest import SETTLE_MS, append_chinese, export_and_wait


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _crash(autosave_file: Path) -> None:
    """What a killed process leaves behind: its autosave, owned by a pid that is gone."""
    payload = json.loads(autosave_file.read_text(encoding="utf-8"))
    payload["pid"] = _dead_pid()
    autosave_file.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")


def _draft(tmp_path: Path) -> Path:
    path = tmp_path / "工作要点.draft.json"
    report = Report(
        kind="annual_keypoints",
        title="2023年工作要点",
        sections=[Section(heading="抓好理论武装", body=["原有内容。"]), Section(heading="建强基层组织")],
    )
    save_draft(report, path)
    return path


def test_autosave_after_a_pause_then_recovery_restores_the_last_edit(
    make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    draft = _draft(tmp_path)
    window = make_window()
    assert window.documents.open_draft(draft)
    form = window.editor.section_form
    append_chinese(form.body_edit, "崩溃前的最后一次修改。")
    autosave_file = window.session.autosave_file
    assert not autosave_file.exists()  # not yet: autosave waits for a pause in typing
    qtbot.waitUntil(autosave_file.exists, timeout=SETTLE_MS)
    assert "崩溃前的最后一次修改。" in autosave_file.read_text(encoding="utf-8")
    assert window.autosave_label.text().startswith("已自动保存")

    _crash(autosave_file)  # the first window "dies" without closing
    found = find_recoverable()
    assert [a.draft_path for a in found] == [str(draft)]

    offered: list[list[str]] = []

    def choose(_parent: object, autosaves: list[Any]) -> tuple[str, Any]:
        offered.append([a.display_name for a in autosaves])
        return RECOVER, autosaves[0]

    monkeypatch.setattr(RecoveryDialog, "ask", staticmethod(choose))
    second = make_window()
    assert second.documents.offer_recovery()
    assert offered == [["工作要点.draft.json"]]
    section = second.doc.report.sections[0]
    assert section.body == ["原有内容。崩溃前的最后一次修改。"]
    assert second.doc.path == draft
    assert second.documents.needs_save() and second.isWindowModified()
    assert load_draft(draft).sections[0].body == ["原有内容。"]  # the file waits for the clerk to save
    # The orphan is gone; the recovered text lives on in the new session's autosave.
    assert not autosave_file.exists()
    assert "崩溃前的最后一次修改。" in second.session.autosave_file.read_text(encoding="utf-8")
    assert find_recoverable() == []


def test_discarding_a_recovery_deletes_it(make_window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    session = Session()
    session.autosave(Report(title="不要了"), None)
    _crash(session.autosave_file)
    monkeypatch.setattr(RecoveryDialog, "ask", staticmethod(lambda _p, found: (DISCARD, found[0])))
    window = make_window()
    assert not window.documents.offer_recovery()
    assert window.doc is None
    assert find_recoverable() == []


def test_clean_close_leaves_nothing_to_recover(make_window: Any, answers: Any, tmp_path: Path) -> None:
    draft = _draft(tmp_path)
    window = make_window()
    window.documents.open_draft(draft)
    append_chinese(window.editor.section_form.body_edit, "改动")
    window.autosave.flush()
    answers.save_changes = prompts.DISCARD
    assert window.close()
    assert answers.asked == [("save_changes", "工作要点")]
    assert find_recoverable() == []
    assert read_lock(draft) is None


def test_unsaved_changes_prompt_can_cancel_or_save(make_window: Any, answers: Any, tmp_path: Path) -> None:
    draft = _draft(tmp_path)
    window = make_window()
    window.documents.open_draft(draft)
    append_chinese(window.editor.section_form.body_edit, "要保存的修改。")
    answers.save_changes = prompts.CANCEL
    assert not window.close()
    assert window.isVisible()
    answers.save_changes = prompts.SAVE
    assert window.close()
    assert load_draft(draft).sections[0].body == ["原有内容。要保存的修改。"]


def test_lock_file_warns_a_second_window(make_window: Any, answers: Any, tmp_path: Path) -> None:
    draft = _draft(tmp_path)
    first = make_window()
    first.documents.open_draft(draft)
    assert read_lock(draft).session_id == first.session.id
    second = make_window()
    answers.open_locked = False
    assert not second.documents.open_draft(draft)
    assert second.doc is None
    assert answers.asked[-1][0] == "open_locked"
    answers.open_locked = True
    assert second.documents.open_draft(draft)
    assert second.doc.path == draft


def test_stale_lock_of_a_dead_process_is_ignored(make_window: Any, answers: Any, tmp_path: Path) -> None:
    draft = _draft(tmp_path)
    Session().lock(draft)
    lock = lock_file_for(draft)
    payload = json.loads(lock.read_text(encoding="utf-8"))
    payload["pid"] = _dead_pid()
    lock.write_text(json.dumps(payload), encoding="utf-8")
    window = make_window()
    assert window.documents.open_draft(draft)  # no question asked (answers.open_locked is None)
    assert read_lock(draft).session_id == window.session.id


def test_export_to_read_only_target_shows_error_and_loses_nothing(
    make_window: Any, new_report: Any, answers: Any, tmp_path: Path
) -> None:
    window = make_window()
    new_report(window, seed_path("004"))
    append_chinese(window.editor.section_form.body_edit, "导出前的修改。")
    draft = tmp_path / "草稿.draft.json"
    answers.save_paths.append(str(draft))
    assert window.documents.save()
    append_chinese(window.editor.section_form.body_edit, "尚未保存的修改。")
    report_before = to_dict(window.doc.report)
    draft_bytes = draft.read_bytes()

    locked = tmp_path / "只读.docx"
    locked.write_bytes(b"old contents")
    locked.chmod(0o444)
    fresh = tmp_path / "另一个名字.docx"
    answers.save_paths += [str(locked), str(fresh)]
    answers.overwrite = True
    export_and_wait(window, start=window.window_actions["export"].trigger)

    warnings = [text for kind, text in answers.asked if kind == "warn"]
    assert len(warnings) == 1
    assert "只读.docx" in warnings[0] and "没有写入权限" in warnings[0] and "另选" in warnings[0]
    assert locked.read_bytes() == b"old contents"
    assert fresh.is_file()  # the clerk picked another name and the export went through
    assert to_dict(window.doc.report) == report_before
    assert draft.read_bytes() == draft_bytes
    assert window.documents.needs_save()  # the unsaved edit is still marked unsaved
    assert not list(tmp_path.glob(".只读.docx.*"))  # no temp file left behind


def test_export_cancelled_at_overwrite_question_asks_again(
    make_window: Any, new_report: Any, answers: Any, tmp_path: Path
) -> None:
    window = make_window()
    new_report(window, seed_path("004"))
    existing = tmp_path / "已有.docx"
    existing.write_bytes(b"keep me")
    answers.save_paths += [str(existing), ""]  # say no to replacing, then cancel the dialog
    answers.overwrite = False
    assert export_and_wait(window) is None
    assert existing.read_bytes() == b"keep me"
    # The pre-flight lists the draft's empty sections first (仍然导出), then the overwrite question.
    assert [kind for kind, _ in answers.asked] == ["preflight", "overwrite"]


def test_save_to_read_only_draft_offers_another_name(
    make_window: Any, answers: Any, tmp_path: Path
) -> None:
    draft = _draft(tmp_path)
    window = make_window()
    window.documents.open_draft(draft)
    append_chinese(window.editor.section_form.body_edit, "新内容")
    draft.chmod(0o444)
    elsewhere = tmp_path / "副本.draft.json"
    answers.save_elsewhere = True
    answers.save_paths.append(str(elsewhere))
    assert window.documents.save()
    assert load_draft(elsewhere).sections[0].body == ["原有内容。新内容"]
    assert load_draft(draft).sections[0].body == ["原有内容。"]
    assert window.doc.path == elsewhere and not window.documents.needs_save()


def test_close_document_returns_to_start_page_with_recent_draft(
    make_window: Any, answers: Any, tmp_path: Path
) -> None:
    draft = _draft(tmp_path)
    window = make_window()
    window.documents.open_draft(draft)
    assert window.documents.close_document()
    assert window.pages.currentIndex() == START_PAGE
    assert not window.panel_host.docks["preview"].isVisible()
    recent = window.start_page.recent_buttons
    assert [button.text() for button in recent] == ["工作要点"]
    assert window.settings.recent_drafts == [str(draft.resolve())]
