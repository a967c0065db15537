"""The 检查 panel through the real main window: planted problems listed, filtered, click to jump."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt

from tests.conftest import seed_path
from tests.gui.conftest import append_chinese, type_chinese


def _click_row(qtbot: Any, tree: Any, item: Any) -> None:
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 20, rect.center().y()))


def test_checks_panel_lists_planted_problems_and_jumps_to_them(
    make_window: Any, new_report: Any, qtbot: Any
) -> None:
    window = make_window()
    new_report(window, seed_path("004"), carry=True)
    doc = window.doc
    target = doc.report.sections[0].children[1]
    window.editor.outline.select_section(target.id)
    form = window.editor.section_form
    form.body_edit.setFocus()
    text = "坚持大抓基层的的鲜明导向,推动基层党组织全面进步。"
    type_chinese(form.body_edit, text)

    window.check_action.trigger()  # 工具 → 检查 (F7)
    panel = window.checks_panel
    assert window.panels["checks"].isVisible()
    planted = [(f.check, f.text, f.start) for f in panel.findings if f.section_id == target.id]
    assert planted == [("repeated_char", "的的", text.index("的的")), ("halfwidth_punct", ",", text.index(","))]
    assert panel.summary_label.text().startswith(f"发现 {len(panel.findings)} 处")
    rows = panel.tree.finding_items()
    # Grouped by section, like 待核实: the group header names the section.
    assert any(panel.tree.topLevelItem(i).text(0).startswith("一、上半年工作开展情况 / （二）") for i in range(panel.tree.topLevelItemCount()))
    repeated = next(r for r in rows if r.text(0).startswith("“的”字重复。"))
    assert repeated.toolTip(0).endswith("位置：一、上半年工作开展情况 / （二）持之以恒抓基层打基础，推动基层党… 正文第1段第7字")
    assert repeated.text(0).split("\n") == [
        "“的”字重复。",
        "建议：删去一个“的”。",
        f"位置：（二）持之以恒抓基层打基础，推动基层党… 正文第1段第{text.index('的的') + 1}字",
    ]

    # Filter by kind of check: only the half-width punctuation is left.
    at = panel.check_combo.findData("halfwidth_punct")
    assert panel.check_combo.itemText(at).startswith("半角标点（")
    panel.check_combo.setCurrentIndex(at)
    panel.check_combo.activated.emit(at)
    shown = [item.text(0) for item in panel.tree.finding_items()]
    assert shown and all(message.startswith("中文中使用了半角标点") for message in shown)

    # From elsewhere (the report form), a click on a finding jumps back and selects it.
    panel.check_combo.setCurrentIndex(0)
    panel.check_combo.activated.emit(0)
    window.editor.show_report_form()
    repeated = panel.item_for(next(f.id for f in panel.findings if f.check == "repeated_char"
                                   and f.section_id == target.id))
    _click_row(qtbot, panel.tree, repeated)
    assert window.editor.tabs.currentIndex() == 0 and form.section_id == target.id
    assert form.body_edit.textCursor().selectedText() == "的的"

    # The list follows edits a moment after the typing stops.
    append_chinese(form.body_edit, "开展了了调研。")
    qtbot.waitUntil(lambda: any(f.text == "了了" for f in panel.findings), timeout=3000)
    doc.undo_stack.undo()  # the typing above, and the fix goes away with it
    qtbot.waitUntil(lambda: not any(f.text == "了了" for f in panel.findings), timeout=3000)


def test_one_click_fix_is_undoable_and_flags_are_one_line(
    make_window: Any, new_report: Any, qtbot: Any
) -> None:
    from core.reuse.new_draft import CARRY_TEXT

    window = make_window()
    new_report(window, seed_path("004"), mode=CARRY_TEXT)  # seed 004 has ** masks: placeholders
    doc = window.doc
    target = doc.report.sections[0].children[1]
    window.editor.outline.select_section(target.id)
    form = window.editor.section_form
    form.body_edit.setFocus()
    append_chinese(form.body_edit, "\n工作的的重点,在基层。")
    window.check_action.trigger()
    panel = window.checks_panel

    # Placeholders are listed one by one in 待核实: here they are one line that leads there.
    top = panel.tree.topLevelItem(0)
    assert top.text(0) == "已列入“待核实”"
    line = top.child(0)
    placeholders = [f for f in panel.findings if f.rule == "placeholder"]
    assert line.text(0) == f"占位符 {len(placeholders)} 处 → 见“待核实”"
    assert not any(panel.tree.finding_of(i).rule == "placeholder" for i in panel.tree.finding_items())
    _click_row(qtbot, panel.tree, line)
    assert window.panels["flags"].isVisible()

    window.show_panel("checks")
    repeated = next(f for f in panel.findings if f.rule == "repeated_char" and f.section_id == target.id)
    panel.tree.setCurrentItem(panel.item_for(repeated.id))
    assert panel.fix_button.isEnabled()
    before = list(target.body)
    assert panel.fix_selected()
    assert target.body[-1] == "工作的重点,在基层。"
    assert doc.undo_stack.undoText() == "一键修正：重复字词"
    window.undo_action.trigger()
    assert target.body == before
