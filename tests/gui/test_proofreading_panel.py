"""校对 in the 检查 panel, through the real main window: the dictionary is built and the
paragraphs are read off the GUI thread, the findings appear when that is done, and 一键修正
of a 错别字 is one undoable step."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from core.checks.fixes import fixable
from tests.gui.conftest import append_chinese, section_typed_into


@pytest.fixture
def fresh_lexicon(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Forget the built dictionary and the cached results; record the threads that build it."""
    from core.proofread import cache, lexicon

    threads: list[str] = []
    build = lexicon.build

    def recording_build() -> Any:
        threads.append(threading.current_thread().name)
        return build()

    monkeypatch.setattr(lexicon, "build", recording_build)
    lexicon.reset_for_tests()
    cache.clear()
    return threads


def test_typo_found_in_background_and_fixed_in_one_undoable_click(
    make_window: Any, new_report: Any, qtbot: Any, fresh_lexicon: list[str]
) -> None:
    window, target = section_typed_into(make_window, new_report)
    doc = window.doc
    form = window.editor.section_form
    append_chinese(form.body_edit, "\n今年新建的3个项目已全面峻工。")

    window.window_actions["check"].trigger()
    panel = window.panel_host.checks
    # The window did not wait: the 校对 checks are pending and say so.
    assert "typo" in panel.pending
    assert "正在后台校对" in panel.summary_label.text()
    qtbot.waitUntil(lambda: any(f.check == "typo" for f in panel.findings), timeout=20000)
    assert not panel.pending and "正在后台校对" not in panel.summary_label.text()
    assert fresh_lexicon and threading.main_thread().name not in fresh_lexicon

    typo = next(f for f in panel.findings if f.check == "typo" and f.section_id == target.id)
    assert (typo.text, typo.fix) == ("峻工", "竣工")
    row = panel.item_for(typo.id)
    assert "依据：" in row.toolTip(0)
    panel.tree.setCurrentItem(row)
    assert panel.fix_button.isEnabled()
    assert panel.fix_button.toolTip().startswith("把“峻工”改为“竣工”（可撤销）")
    # A likely word is fixed one by one, never with 修正本类全部 or 修正全部.
    assert not panel.fix_kind_action.isEnabled()
    assert all(f.check != "typo" for f in fixable(panel.findings))
    assert panel.fix_selected()
    assert target.body[-1] == "今年新建的3个项目已全面竣工。"
    assert doc.undo_stack.undoText() == "一键修正：错别字"
    window.window_actions["undo"].trigger()
    assert target.body[-1] == "今年新建的3个项目已全面峻工。"


def test_office_word_stops_a_typo_everywhere(make_window: Any, new_report: Any, qtbot: Any) -> None:
    from core.proofread import office

    window, target = section_typed_into(make_window, new_report)
    form = window.editor.section_form
    append_chinese(form.body_edit, "\n峻工村的扶恤站点已建成。")
    window.window_actions["check"].trigger()
    panel = window.panel_host.checks
    qtbot.waitUntil(lambda: not panel.pending, timeout=20000)
    try:
        typo = next(f for f in panel.findings if f.check == "typo" and f.text == "峻工")
        panel.tree.setCurrentItem(panel.item_for(typo.id))
        assert panel.word_button.isEnabled() and panel.add_selected_word()
        qtbot.waitUntil(lambda: not panel.pending, timeout=20000)
        typos = [f.text for f in panel.findings if f.check == "typo" and f.section_id == target.id]
        assert typos == ["扶恤"]  # 峻工村 is the office's own name now; the other slip stays
    finally:
        office.reload()


def test_ignore_is_remembered_in_the_draft_undoable_and_lost_when_the_paragraph_changes(
    make_window: Any, new_report: Any, qtbot: Any, answers: Any, tmp_path: Any
) -> None:
    import subprocess
    import sys
    from pathlib import Path

    from PySide6.QtCore import Qt

    from core.checks import check_report
    from core.draft.draft_file import load_draft

    window, target = section_typed_into(make_window, new_report)
    doc = window.doc
    form = window.editor.section_form
    append_chinese(form.body_edit, "\n峻工村的扶恤站点已建成。")
    window.window_actions["check"].trigger()
    panel = window.panel_host.checks
    qtbot.waitUntil(lambda: not panel.pending, timeout=20000)

    def typos() -> list[str]:
        return [f.text for f in panel.findings if f.check == "typo" and f.section_id == target.id]

    assert typos() == ["峻工", "扶恤"]
    assert not panel.restore_button.isEnabled()
    typo = next(f for f in panel.findings if f.check == "typo" and f.text == "峻工")
    panel.tree.setCurrentItem(panel.item_for(typo.id))
    assert panel.ignore_button.isEnabled()
    qtbot.mouseClick(panel.ignore_button, Qt.MouseButton.LeftButton)
    assert typos() == ["扶恤"]  # the other slip of the same paragraph stays listed
    assert "另有 1 处已忽略" in panel.summary_label.text()
    assert panel.restore_button.isEnabled() and panel.restore_button.text() == "恢复已忽略（1）"
    assert doc.undo_stack.undoText() == "忽略：错别字“峻工”"
    window.window_actions["undo"].trigger()
    panel.run_now()
    assert typos() == ["峻工", "扶恤"] and doc.report.ignored_findings == []
    window.window_actions["redo"].trigger()
    panel.run_now()
    assert typos() == ["扶恤"] and len(doc.report.ignored_findings) == 1

    # Saved with the draft: the command line and a fresh check of the file leave it out.
    path = tmp_path / "忽略.draft.json"
    answers.save_paths.append(str(path))
    assert window.documents.save_as()
    saved = load_draft(path)
    assert saved.ignored_findings == doc.report.ignored_findings
    assert [f.text for f in check_report(saved, only=["typo"]).findings if f.section_id == target.id] == ["扶恤"]
    root = Path(__file__).resolve().parents[2]
    cli = subprocess.run(
        [sys.executable, str(root / "main.py"), "check", str(path), "--only", "typo"],
        capture_output=True, text=True, encoding="utf-8", cwd=root, timeout=120,
    )
    assert "峻工" not in cli.stdout and "扶恤" in cli.stdout
    assert "另有1处已在草稿中忽略" in cli.stderr

    # 恢复已忽略 lists it again, as one undo step.
    assert panel.restore_ignored() == 1
    assert typos() == ["峻工", "扶恤"] and doc.undo_stack.undoText() == "恢复已忽略的 1 处"
    window.window_actions["undo"].trigger()
    panel.run_now()
    assert typos() == ["扶恤"]

    # An edit of the paragraph checks it again: the old 忽略 no longer applies.
    append_chinese(form.body_edit, "今年完成。")
    window.window_actions["check"].trigger()
    qtbot.waitUntil(lambda: not panel.pending, timeout=20000)
    assert typos() == ["峻工", "扶恤"]
    assert "已忽略" not in panel.summary_label.text()
