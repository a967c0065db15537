"""In the real window: the journal during continuous typing, two windows on one draft, a
draft changed on disk while open, and restoring a history version (undoable)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from core.draft import session as session_mod
from core.draft.draft_file import load_draft, save_draft
from core.draft.history import list_versions
from core.draft.model import Report, Section, to_dict
from core.draft.session import Session, find_recoverable, read_lock
from gui.dialogs import prompts
from gui.dialogs.history_dialog import HistoryDialog, changes_html
from gui.dialogs.recovery_dialog import RECOVER, RecoveryDialog
from tests.gui.conftest import SETTLE_MS, append_chinese


def _draft(tmp_path: Path, name: str = "工作要点.draft.json") -> Path:
    path = tmp_path / name
    report = Report(
        kind="annual_keypoints",
        title="2023年工作要点",
        sections=[Section(heading="抓好理论武装", body=["原有内容。"]), Section(heading="建强基层组织")],
    )
    save_draft(report, path)
    return path


def test_continuous_typing_reaches_the_journal_before_any_pause(
    make_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    draft = _draft(tmp_path)
    window = make_window()
    window.autosave._timer.setInterval(60_000)  # the clerk never pauses long enough to autosave
    assert window.documents.open_draft(draft)
    body = window.editor.section_form.body_edit
    journal = window.session.journal_file
    typed = ""
    for phrase in ("第一句，", "第二句，", "第三句。"):
        append_chinese(body, phrase)
        typed += phrase
        qtbot.waitUntil(lambda t=typed: journal.exists() and t in journal.read_text(encoding="utf-8"),
                        timeout=SETTLE_MS)  # the autosave (60 s) stays out of it
    assert not window.session.autosave_file.exists()

    # The window dies without closing; the next start replays the journal over the draft.
    session_mod._LIVE_SESSIONS.discard(window.session.id)
    window.session.id = "gone"  # its close() must not delete the dead session's files
    [found] = find_recoverable()
    assert found.journal == journal and found.draft_path == str(draft)
    monkeypatch.setattr(RecoveryDialog, "ask", staticmethod(lambda _p, f: (RECOVER, f[0])))
    second = make_window()
    assert second.documents.offer_recovery()
    assert second.doc.report.sections[0].body == ["原有内容。" + typed]
    assert second.doc.unsaved and load_draft(draft).sections[0].body == ["原有内容。"]


def test_two_windows_racing_for_one_draft(make_window: Any, answers: Any,
                                          monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    draft = _draft(tmp_path)
    first, second = make_window(), make_window()
    # Both windows check for a holder at the same instant and see none...
    monkeypatch.setattr(Session, "lock_holder", lambda self, path: None)
    assert first.documents.open_draft(draft)
    assert second.documents.open_draft(draft)
    # ...but taking the lock is atomic: the first has it, the second is told who does.
    assert read_lock(draft).session_id == first.session.id
    assert first.session.locked_draft == draft.resolve() and second.session.locked_draft is None
    [(_kind, text)] = [a for a in answers.asked if a[0] == "warn"]
    assert text.startswith("草稿已被另一个窗口打开：“工作要点.draft.json”正由")
    assert f"进程号 {first.session.pid}" in text

    # The second window's save still cannot silently overwrite what the first saved.
    append_chinese(first.editor.section_form.body_edit, "第一个窗口的修改。")
    assert first.documents.save()
    append_chinese(second.editor.section_form.body_edit, "第二个窗口的修改。")
    answers.changed_on_disk = prompts.CANCEL
    assert not second.documents.save()
    assert load_draft(draft).sections[0].body == ["原有内容。第一个窗口的修改。"]


def test_draft_changed_on_disk_while_open_asks_what_to_do(make_window: Any, answers: Any, tmp_path: Path) -> None:
    draft = _draft(tmp_path)
    window = make_window()
    assert window.documents.open_draft(draft)
    append_chinese(window.editor.section_form.body_edit, "窗口里的修改。")
    elsewhere = load_draft(draft)
    elsewhere.sections[1].body = ["别的程序写进去的。"]
    save_draft(elsewhere, draft)
    on_disk = draft.read_bytes()

    answers.changed_on_disk = prompts.CANCEL
    assert not window.documents.save()
    assert draft.read_bytes() == on_disk
    assert answers.asked[-1] == ("changed_on_disk", str(draft))

    answers.changed_on_disk = prompts.SAVE_AS
    copy = tmp_path / "另存的.draft.json"
    answers.save_paths.append(str(copy))
    assert window.documents.save()
    assert draft.read_bytes() == on_disk
    assert load_draft(copy).sections[0].body == ["原有内容。窗口里的修改。"]
    assert window.doc.path == copy

    # Saving the copy again asks nothing: nobody changed it.
    append_chinese(window.editor.section_form.body_edit, "再改。")
    asked = len(answers.asked)
    assert window.documents.save()
    assert len(answers.asked) == asked


def test_overwrite_after_change_on_disk(make_window: Any, answers: Any, tmp_path: Path) -> None:
    draft = _draft(tmp_path)
    window = make_window()
    assert window.documents.open_draft(draft)
    append_chinese(window.editor.section_form.body_edit, "窗口里的修改。")
    elsewhere = load_draft(draft)
    elsewhere.title = "别处改的标题"
    save_draft(elsewhere, draft)
    answers.changed_on_disk = prompts.OVERWRITE
    assert window.documents.save()
    assert load_draft(draft).title == "2023年工作要点"
    # What was overwritten is still in the .bak.
    assert load_draft(draft.with_name(draft.name + ".bak")).title == "别处改的标题"


def test_restore_a_history_version_and_undo_it(make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    draft = _draft(tmp_path)
    window = make_window()
    assert window.documents.open_draft(draft)
    body = window.editor.section_form.body_edit
    append_chinese(body, "第一次保存的内容。")
    assert window.documents.save()
    window.doc.undo_stack.clear()  # what follows must be undone in one step, not many
    append_chinese(body, "第二次保存时加的。")
    assert window.documents.save()
    append_chinese(body, "还没保存的。")
    current = to_dict(window.doc.report)
    assert window.window_actions["history"].isEnabled()

    dialog = HistoryDialog(window.doc, window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    assert [v.load().sections[0].body for v in dialog.versions] == [
        ["原有内容。第一次保存的内容。第二次保存时加的。"], ["原有内容。第一次保存的内容。"]]
    dialog.list.setCurrentRow(1)
    shown = dialog.diff.toPlainText()
    assert "抓好理论武装（修改）" in shown
    assert "− 历史版本：原有内容。第一次保存的内容。" in shown
    assert "＋ 当前内容：原有内容。第一次保存的内容。第二次保存时加的。还没保存的。" in shown
    assert dialog.restore_selected()

    assert window.doc.report.sections[0].body == ["原有内容。第一次保存的内容。"]
    assert body.toPlainText() == "原有内容。第一次保存的内容。"
    assert window.isWindowModified()
    window.undo_group.undo()
    assert to_dict(window.doc.report) == current
    assert body.toPlainText() == "原有内容。第一次保存的内容。第二次保存时加的。还没保存的。"
    window.undo_group.redo()
    assert window.doc.report.sections[0].body == ["原有内容。第一次保存的内容。"]
    assert len(list_versions(draft)) == 2  # restoring is an edit; only a save adds a version


def test_history_dialog_without_versions(make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    window = make_window()
    assert window.documents.open_draft(_draft(tmp_path))
    dialog = HistoryDialog(window.doc, window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 0 and not dialog.restore_button.isEnabled()
    assert "还没有历史版本" in dialog.diff.toPlainText()
    assert changes_html([]) == "<p>这个版本与当前内容完全相同。</p>"


def test_opening_a_held_draft_anyway_asks_once_and_leaves_the_lock(
    make_window: Any, answers: Any, tmp_path: Path
) -> None:
    draft = _draft(tmp_path)
    first, second = make_window(), make_window()
    assert first.documents.open_draft(draft)
    answers.open_locked = True  # 仍然打开
    assert second.documents.open_draft(draft)
    assert [kind for kind, _ in answers.asked] == ["open_locked"]  # not a second warning
    assert read_lock(draft).session_id == first.session.id
