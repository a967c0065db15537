"""A click anywhere on a heading's row in the 提纲 shows that heading's form, however deep it
sits; and at 1280×800 a fourth-level heading still shows its words (walkthrough F2; the random
clerk's seed 33 found a deep heading whose row ignored every click)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from gui.editor.outline_model import COL_CHARS, COL_HEADING, COL_STATUS
from tests.conftest import seed_path


def _deep_draft(window: Any, levels: int = 4) -> list[str]:
    """Levels under the first chapter: 一、 → （一） → 1. → （1） → … Returns the new ids, top first."""
    doc = window.doc
    parent = doc.report.sections[0].id
    made = []
    headings = ("加强政治建设", "理论学习", "专题读书班", "第一期学员结业考核", "考核方式", "成绩评定办法")
    for heading in headings[:levels]:
        new_id = doc.add_child_section(parent, heading)
        made.append(new_id)
        parent = new_id
    window.editor.outline.tree.expandAll()
    QTest.qWait(50)
    return made


def _click(tree: Any, section_id: str, column: int) -> None:
    index = tree.model().index_for(section_id, column)
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(rect.center().x(), rect.center().y()))


def test_a_click_on_any_column_of_a_deep_heading_shows_its_form(make_window: Any, new_report: Any) -> None:
    window = make_window(size=(1280, 800))
    new_report(window, seed_path("004"), carry=True)
    deep = _deep_draft(window, levels=6)  # deeper than a report goes: the branch marks spill over
    tree, form = window.editor.outline.tree, window.editor.section_form
    others = [s.id for _d, s in window.doc.report.walk() if s.id not in deep]
    for column in (COL_STATUS, COL_CHARS, COL_HEADING):
        for section_id in deep:
            _click(tree, others[0], COL_HEADING)  # from elsewhere each time: the click must move the form
            assert form.section_id == others[0]
            _click(tree, section_id, column)
            assert form.section_id == section_id, (column, window.doc.report.find(section_id).heading)


def test_a_fourth_level_heading_shows_its_words_at_1280_by_800(make_window: Any, new_report: Any) -> None:
    window = make_window(size=(1280, 800))
    new_report(window, seed_path("004"), carry=True)
    deepest = _deep_draft(window)[-1]
    tree = window.editor.outline.tree
    rect = tree.visualRect(tree.model().index_for(deepest, COL_HEADING))
    one_character = tree.fontMetrics().horizontalAdvance("一")
    # The marker （1） and at least four characters of the heading itself.
    assert rect.width() >= tree.fontMetrics().horizontalAdvance("（1）") + 4 * one_character, rect
