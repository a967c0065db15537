"""转为正文 in the outline's context menu: a wrong heading guess is corrected in one click,
and Ctrl+Z brings it back."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from core.draft.model import to_dict
from tests.conftest import seed_path


def test_turn_heading_into_body_and_undo(make_window: Any, new_report: Any) -> None:
    window = make_window()
    new_report(window, seed_path("004"), carry=True)
    report = window.doc.report
    before = to_dict(report)
    first, second = report.sections[0], report.sections[1]
    panel = window.editor.outline
    panel.select_section(second.id)
    tip = window.doc.outline.data(window.doc.outline.index_for(second.id), Qt.ItemDataRole.ToolTipRole)
    assert "依据编号识别为标题" in tip
    assert panel.to_body_action.isEnabled()

    panel.to_body_action.trigger()
    assert second.id not in [s.id for s in report.sections]
    last = first
    while last.children:
        last = last.children[-1]
    assert second.heading in "".join(last.body + last.tail)
    # Its sub-sections take its place.
    ids_before = [s["id"] for s in before["sections"]]
    assert [s.id for s in report.sections] == [ids_before[0], *(c.id for c in second.children), *ids_before[2:]]

    window.doc.undo_stack.undo()
    assert to_dict(report) == before

