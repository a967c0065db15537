"""Looking at the draft never changes it.

A clerk clicks through the outline, the 待核实 list, the 检查 list, the find results and the
审阅 panel's changes of a real prior report, in every way 新建报告 can start from it. Afterwards the draft is the
same to the byte and the undo stack holds nothing. (Before this test, selecting a section
whose points and flags differed from the previous one wrote the previous section's body
into it: a highlighter's repaint counted as typing.)
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from core.draft.model import to_dict
from core.reuse.new_draft import CARRY_OUTLINE, CARRY_TEXT, REFERENCE_ONLY
from tests.conftest import SEED_NAMES, seed_path
from tests.gui.clerk_review import Wish, reviewed_copy_of
from tests.gui.conftest import ended_by


def _snapshot(window: Any) -> str:
    return json.dumps(to_dict(window.doc.report), ensure_ascii=False, sort_keys=True)


def _every_section_id(window: Any) -> list[str]:
    return [section.id for _level, section in window.doc.report.walk()]


def _click_every_row(tree: Any) -> int:
    rows = tree.finding_items()
    for item in rows:
        tree.setCurrentItem(item)
        tree._clicked(item)
    return len(rows)


@pytest.mark.parametrize("mode", [CARRY_OUTLINE, CARRY_TEXT, REFERENCE_ONLY])
@pytest.mark.parametrize("seed", sorted(SEED_NAMES))
def test_selecting_every_section_every_way_changes_nothing(make_window: Any, new_report: Any, answers: Any,
                                                           tmp_path: Any, seed: str, mode: str) -> None:
    window = make_window()
    new_report(window, seed_path(seed), mode=mode)
    window.doc.undo_stack.clear()  # what creating the draft did is not the clerk's
    before = _snapshot(window)
    sections = _every_section_id(window)
    assert sections

    outline = window.editor.outline
    form = window.editor.section_form
    for section_id in [*sections, *reversed(sections)]:
        outline.select_section(section_id)
        assert form.section_id == section_id
        for row in range(form.points.list.count()):  # each 一是/二是 shown in the point editor
            form.points.list.setCurrentRow(row)
    assert _snapshot(window) == before, "selecting sections in the outline changed the draft"

    window.show_panel("flags")
    window.panel_host.flags.refresh()
    flagged = _click_every_row(window.panel_host.flags.tree)
    assert _snapshot(window) == before, "clicking 待核实 rows changed the draft"

    window.run_checks()
    _click_every_row(window.panel_host.checks.tree)
    assert _snapshot(window) == before, "clicking 检查 rows changed the draft"

    window.show_find()
    finder = window.find_dialog
    finder.find_edit.setText("工作")
    for _ in range(len(finder.matches)):
        finder.step(1)
    finder.close()

    assert _snapshot(window) == before, "stepping through 查找 results changed the draft"
    assert window.doc.undo_stack.count() == 0, [window.doc.undo_stack.text(i)
                                                 for i in range(window.doc.undo_stack.count())]
    if mode == CARRY_TEXT:
        assert flagged > 0  # carried text always has figures to verify: the 待核实 path ran

    # The leader's copy comes back: importing it records the copy in the draft (the clerk's
    # act); clicking through its changes afterwards must change nothing more.
    wishes = [Wish(paragraph, paragraph * 7, "改动", comment=paragraph % 3 == 0) for paragraph in range(0, 40, 5)]
    marked = reviewed_copy_of(window.doc.report, tmp_path / "导出.docx", tmp_path / "审阅稿.docx", wishes)
    answers.open_paths.append(str(tmp_path / "审阅稿.docx"))
    assert ended_by(window.review.finished, window.window_actions["import_review"].trigger)
    panel = window.review.panel
    assert panel is not None and panel.session is not None
    after_import, steps = _snapshot(window), window.doc.undo_stack.count()
    rows = panel._items()
    assert len(rows) >= len(marked)
    if mode == CARRY_TEXT:
        assert marked  # drafts without carried text have no words for the leader to change
    window.show_panel("review")
    for item in [*rows, *reversed(rows)]:
        panel.tree.scrollToItem(item)
        rect = panel.tree.visualItemRect(item)
        QTest.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QTest.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert _snapshot(window) == after_import, "clicking the 审阅 panel's changes changed the draft"
    assert window.doc.undo_stack.count() == steps
