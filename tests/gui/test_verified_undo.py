"""撤销/重做 over a 已核实 tick, pressed faster than the window repaints (keys held during an export
are delivered back to back): the 待核实 box follows the draft and never feeds an edit back
(walkthrough W13, random clerk seed 500: the box ticked and unticked itself hundreds of times,
the redo history with the clerk's typing was wiped)."""

from __future__ import annotations

from typing import Any

from PySide6.QtTest import QTest

from core.reuse.new_draft import REFERENCE_ONLY
from tests.conftest import seed_path


def test_undo_all_and_redo_all_over_a_verified_tick_give_back_the_draft(make_window: Any, new_report: Any, qtbot: Any) -> None:
    window = make_window(size=(1280, 800))
    new_report(window, seed_path("004"), mode=REFERENCE_ONLY)
    doc, panel = window.doc, window.panel_host.flags
    window.show_panel("flags")
    panel.refresh()
    flag = next(f for f in panel.flags if "2023" in f.text)
    assert panel.set_verified(flag.id, True)
    qtbot.waitUntil(lambda: flag.id in doc.report.verified_flags, timeout=5_000)
    target = doc.report.sections[0]
    window.editor.outline.select_section(target.id)
    body = window.editor.section_form.body_edit
    body.setFocus()
    QTest.keyClicks(body, "6")
    assert panel.set_verified(flag.id, False)
    qtbot.waitUntil(lambda: flag.id not in doc.report.verified_flags, timeout=5_000)
    stack = doc.undo_stack
    steps = [stack.text(i) for i in range(stack.count())]
    before = list(target.body)
    assert steps[-1] == "取消已核实" and before

    while stack.canUndo():  # back to back: no event loop between the presses
        window.window_actions["undo"].trigger()
    while stack.canRedo():
        window.window_actions["redo"].trigger()
    qtbot.wait(300)  # every deferred call there is has run
    assert [stack.text(i) for i in range(stack.count())] == steps and stack.index() == len(steps)
    assert doc.report.find(target.id).body == before
    assert flag.id not in doc.report.verified_flags
