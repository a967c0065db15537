"""The 检查 panel through the real main window: planted problems listed, filtered, click to jump."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt

from tests.conftest import seed_path
from tests.gui.conftest import SETTLE_MS, append_chinese, section_typed_into, type_chinese


def _click_row(qtbot: Any, tree: Any, item: Any) -> None:
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 20, rect.center().y()))


def test_checks_panel_lists_planted_problems_and_jumps_to_them(
    make_window: Any, new_report: Any, qtbot: Any
) -> None:
    window, target = section_typed_into(make_window, new_report)
    doc = window.doc
    form = window.editor.section_form
    text = "坚持大抓基层的的鲜明导向,推动基层党组织全面进步。"
    type_chinese(form.body_edit, text)

    window.window_actions["check"].trigger()  # 工具 → 检查 (F7)
    panel = window.panel_host.checks
    assert window.panel_host.docks["checks"].isVisible()
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
    qtbot.waitUntil(lambda: any(f.text == "了了" for f in panel.findings), timeout=SETTLE_MS)
    doc.undo_stack.undo()  # the typing above, and the fix goes away with it
    qtbot.waitUntil(lambda: not any(f.text == "了了" for f in panel.findings), timeout=SETTLE_MS)


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
    window.window_actions["check"].trigger()
    panel = window.panel_host.checks

    # Placeholders are listed one by one in 待核实: here they are one line that leads there.
    top = panel.tree.topLevelItem(0)
    assert top.text(0) == "已列入“待核实”"
    line = top.child(0)
    placeholders = [f for f in panel.findings if f.rule == "placeholder"]
    assert line.text(0) == f"占位符 {len(placeholders)} 处 → 见“待核实”"
    assert not any(panel.tree.finding_of(i).rule == "placeholder" for i in panel.tree.finding_items())
    _click_row(qtbot, panel.tree, line)
    assert window.panel_host.docks["flags"].isVisible()

    window.show_panel("checks")
    repeated = next(f for f in panel.findings if f.rule == "repeated_char" and f.section_id == target.id)
    panel.tree.setCurrentItem(panel.item_for(repeated.id))
    assert panel.fix_button.isEnabled()
    before = list(target.body)
    assert panel.fix_selected()
    assert target.body[-1] == "工作的重点,在基层。"
    assert doc.undo_stack.undoText() == "一键修正：重复字词"
    window.window_actions["undo"].trigger()
    assert target.body == before


def test_fix_a_whole_kind_or_everything_each_as_one_undo_step(make_window: Any, new_report: Any) -> None:
    from core.checks import run_checks
    from core.checks.fixes import fixable
    from core.text.plaintext import report_text

    window = make_window()
    new_report(window, seed_path("004"), carry=True)
    doc = window.doc
    first, second = doc.report.sections[0].children[:2]
    doc.set_section_field(first.id, "body", ["工作的的重点,在基层;", "新建党群服务中心13 个;"])
    doc.set_section_field(second.id, "body", ["要把(主体责任)落实,截至2024.6.30完成。"])
    start = report_text(doc.report)
    window.window_actions["check"].trigger()
    panel = window.panel_host.checks
    half = [f for f in panel.findings if f.rule == "halfwidth_punct"]
    assert len(half) == 5

    panel.tree.setCurrentItem(panel.item_for(half[0].id))
    assert panel.fix_button.isEnabled() and panel.fix_one_action.isEnabled()
    assert panel.fix_kind_action.text() == "修正本类全部 5 处（半角标点）"
    every = len(fixable(panel.findings))
    assert panel.fix_all_action.text() == f"修正全部可自动修正的问题（共 {every} 处）"

    steps = doc.undo_stack.count()
    panel.fix_kind_action.trigger()
    assert doc.undo_stack.count() == steps + 1
    assert doc.undo_stack.undoText() == "一键修正：半角标点全部（5 处）"
    assert first.body == ["工作的的重点，在基层；", "新建党群服务中心13 个；"]
    assert second.body == ["要把（主体责任）落实，截至2024.6.30完成。"]
    assert not any(f.rule == "halfwidth_punct" for f in panel.findings)
    assert panel.summary_label.text().startswith("已修正 5 处")
    window.window_actions["undo"].trigger()
    assert report_text(doc.report) == start

    panel.run_now()
    panel.fix_all_action.trigger()
    assert doc.undo_stack.count() == steps + 1  # the undone step was replaced by this one
    assert doc.undo_stack.undoText().startswith("一键修正：全部可自动修正的问题（")
    assert first.body == ["工作的重点，在基层；", "新建党群服务中心13 个；"]
    assert second.body == ["要把（主体责任）落实，截至2024年6月30日完成。"]
    assert fixable(run_checks(doc.report)) == [] and not panel.fix_button.isEnabled()
    window.window_actions["undo"].trigger()
    assert report_text(doc.report) == start
    window.window_actions["redo"].trigger()
    assert fixable(run_checks(doc.report)) == []


def test_fix_the_kind_the_list_is_filtered_to(make_window: Any, new_report: Any) -> None:
    window = make_window()
    new_report(window, seed_path("004"), carry=True)
    doc = window.doc
    section = doc.report.sections[0].children[0]
    doc.set_section_field(section.id, "body", ["工作的的重点,在基层。"])
    window.window_actions["check"].trigger()
    panel = window.panel_host.checks
    panel.tree.setCurrentItem(None)
    at = panel.check_combo.findData("repeated_char")
    panel.check_combo.setCurrentIndex(at)
    panel.check_combo.activated.emit(at)
    assert panel.fix_kind_action.text() == "修正本类全部 1 处（重复字词）"
    assert not panel.fix_one_action.isEnabled()  # nothing selected
    assert panel.fix_kind() == 1
    assert section.body == ["工作的重点,在基层。"]


def test_a_finding_clicked_before_the_list_caught_up_selects_its_text_or_says_it_is_gone(
    make_window: Any, new_report: Any, qtbot: Any, qtlog: Any
) -> None:
    """The list follows the draft a moment after the typing stops: a click in that moment
    finds the finding where it is now, never the characters that now stand at its old place."""
    window, target = section_typed_into(make_window, new_report)
    doc = window.doc
    form = window.editor.section_form
    address = (target.id, "body", 0)
    type_chinese(form.body_edit, "坚持大抓基层的的鲜明导向。")
    window.window_actions["check"].trigger()
    panel = window.panel_host.checks
    finding = next(f for f in panel.findings if f.section_id == target.id and f.check == "repeated_char")

    # Text typed before it (with a character beyond the BMP, two UTF-16 units in Qt): it moved.
    doc.set_slot_texts({address: "𬍛年来，坚持大抓基层的的鲜明导向。"}, "输入")
    window.editor.show_report_form()
    _click_row(qtbot, panel.tree, panel.item_for(finding.id))
    assert form.section_id == target.id and form.body_edit.textCursor().selectedText() == "的的"

    # Taken out, and the paragraph shortened: nothing is selected, the status bar says why.
    finding = next(f for f in panel.findings if f.section_id == target.id and f.check == "repeated_char")
    doc.set_slot_texts({address: "坚持导向。"}, "输入")
    form.body_edit.textCursor().clearSelection()
    _click_row(qtbot, panel.tree, panel.item_for(finding.id))
    assert form.body_edit.textCursor().selectedText() == ""
    assert window.status_text == "这处内容已经改动或删除，无法定位。"
    assert not [r for r in qtlog.records if "out of range" in r.message]
