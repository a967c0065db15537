"""待核实 flags through the real main window: a 沿用上年提纲和文字 draft from seed 001.

The flags are painted in the editor's fields and listed in the 待核实 panel; clicking one
jumps to it; ticking 已核实 removes its mark, is undoable and survives save and reopen;
a figure the clerk types fresh this year is not flagged, one copied from last year is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTabBar

from core.draft.draft_file import load_draft
from core.reuse.flags import FIGURE, PLACEHOLDER, Flag
from core.reuse.new_draft import CARRY_TEXT
from gui.editor.flag_marks import KIND_COLOURS, POINT_ROW_COLOUR, painted_ranges
from gui.panels.flags_panel import COL_VERIFIED
from tests.conftest import seed_path
from tests.gui.conftest import SETTLE_MS, type_chinese

FIGURE_COLOUR = KIND_COLOURS[FIGURE][0]


def _flag(window: Any, text: str, kind: str = FIGURE) -> Flag:
    return next(f for f in window.panel_host.flags.flags if f.text == text and f.kind == kind)


def _found(window: Any, qtbot: Any) -> None:
    """The draft just opened: its flags are found on the worker thread; wait for the list."""
    qtbot.waitUntil(lambda: not window.panel_host.flags.finding(), timeout=SETTLE_MS)


def _front_dock_tab(window: Any) -> str:
    """The panel in front among the docks tabbed together with 上年参考."""
    for bar in window.findChildren(QTabBar):
        if "上年参考" in [bar.tabText(i) for i in range(bar.count())]:
            return bar.tabText(bar.currentIndex())
    return ""


def _click_row(qtbot: Any, tree: Any, item: Any) -> None:
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 30, rect.center().y()))


def _typed_into(window: Any, new_report: Any, qtbot: Any, child: int, field: str, text: str) -> tuple[Any, Any]:
    """Seed 001 carried over with its text, then ``text`` typed over the ``field`` ("body" or
    "heading") of the first part's ``child``-th section (last year's text of the first says
    讲话精神48次): (the section, that field's editor)."""
    new_report(window, seed_path("001"), kind="half_year_summary", mode=CARRY_TEXT)
    _found(window, qtbot)
    section = window.doc.report.sections[0].children[child]
    window.editor.outline.select_section(section.id)
    edit = getattr(window.editor.section_form, f"{field}_edit")
    edit.setFocus()
    edit.selectAll()
    type_chinese(edit, text)
    assert (section.body if field == "body" else [section.heading]) == [text]
    return section, edit


def _painted(edit: Any, flag: Flag, colour: str = FIGURE_COLOUR) -> bool:
    return (0, flag.start, flag.end, colour) in painted_ranges(edit)


def test_carry_text_flags_are_listed_painted_and_verified(
    make_window: Any, new_report: Any, answers: Any, qtbot: Any, tmp_path: Path
) -> None:
    window = make_window()
    new_report(window, seed_path("001"), kind="half_year_summary", mode=CARRY_TEXT)
    _found(window, qtbot)
    doc, panel = window.doc, window.panel_host.flags
    form = window.editor.section_form

    # The draft keeps last year's text; the 待核实 panel is in front, listing every kind.
    assert window.panel_host.docks["flags"].isVisible()
    assert _front_dock_tab(window) == "待核实"  # in front of 上年参考, which shares its place
    assert "待核实" in window.status_text and "往年数字" in window.status_text
    texts = {(f.kind, f.text) for f in panel.flags}
    assert {(FIGURE, "48次"), (FIGURE, "38项"), (FIGURE, "27项"), (PLACEHOLDER, "**")} <= texts
    assert panel.summary_label.text().startswith(f"待核实 {len(panel.flags)} 处（占位符")
    assert panel.tree.topLevelItem(0).text(0) == "报告开头"  # grouped by place, in reading order

    # Clicking a flag jumps to its section and point and selects the flagged text, painted.
    figure = _flag(window, "48次")
    item = panel.item_for(figure.id)
    assert item is not None and "【48次】" in item.text(0) and item.text(1) == "往年数字"
    _click_row(qtbot, panel.tree, item)
    assert form.section_id == figure.section_id
    assert form.points.list.currentRow() == figure.index == 0
    assert form.points.editor.textCursor().selectedText() == "48次"
    assert _painted(form.points.editor, figure)
    assert form.points.list.item(0).background().color().name() == POINT_ROW_COLOUR  # 一是 has flags
    assert "待核实" in form.points.list.item(0).toolTip()

    # Ticking 已核实 takes the mark away; undo brings it back; redo takes it again.
    before = sum(not f.verified for f in panel.flags)
    assert panel.set_verified(figure.id)
    qtbot.waitUntil(lambda: figure.id in doc.report.verified_flags, timeout=SETTLE_MS)
    assert not _painted(form.points.editor, figure)
    assert panel.item_for(figure.id).checkState(COL_VERIFIED) == Qt.CheckState.Checked
    assert sum(not f.verified for f in panel.flags) == before - 1
    assert "已核实 1 处" in panel.summary_label.text()
    assert window.window_actions["undo"].text() == "撤销 标记已核实"
    window.window_actions["undo"].trigger()
    assert doc.report.verified_flags == []
    assert _painted(form.points.editor, figure)
    assert panel.item_for(figure.id).checkState(COL_VERIFIED) == Qt.CheckState.Unchecked
    window.window_actions["redo"].trigger()
    assert doc.report.verified_flags == [figure.id]

    # The mark is saved with the draft and is still there when it is opened again.
    path = tmp_path / "2023年上半年工作总结.draft.json"
    answers.save_paths.append(str(path))
    assert window.documents.save()
    assert load_draft(path).verified_flags == [figure.id]
    assert window.documents.close_document() and window.documents.open_draft(path)
    _found(window, qtbot)
    panel = window.panel_host.flags
    assert panel.item_for(figure.id).checkState(COL_VERIFIED) == Qt.CheckState.Checked
    others = _flag(window, "38项")
    _click_row(qtbot, panel.tree, panel.item_for(others.id))
    assert _painted(window.editor.section_form.points.editor, others)  # unverified: still marked
    window.jump_to(figure.address)
    assert window.editor.section_form.points.editor.textCursor().selectedText() == "48次"
    assert not _painted(window.editor.section_form.points.editor, figure)


def test_report_level_flags_are_painted_in_the_report_form(make_window: Any, new_report: Any, qtbot: Any) -> None:
    window = make_window()
    new_report(window, seed_path("001"), kind="half_year_summary", mode=CARRY_TEXT)
    _found(window, qtbot)
    masks = [f for f in window.panel_host.flags.flags if f.field == "opening"]
    assert [f.text for f in masks] == ["**", "**", "**"]
    _click_row(qtbot, window.panel_host.flags.tree, window.panel_host.flags.item_for(masks[1].id))
    opening = window.editor.report_form.editors["opening"]
    assert window.editor.tabs.currentIndex() == 1  # the report form is in front
    assert opening.textCursor().selectedText() == "**"
    colour = KIND_COLOURS[PLACEHOLDER][0]
    assert [(start, end) for _, start, end, c in painted_ranges(opening) if c == colour] == [
        (m.start, m.end) for m in masks
    ]


def test_fresh_figures_are_not_flagged_but_copied_ones_are(make_window: Any, new_report: Any, qtbot: Any) -> None:
    window = make_window()
    text = "今年开展专题培训52次，学习讲话精神48次。"
    section, body = _typed_into(window, new_report, qtbot, 0, "body", text)
    panel = window.panel_host.flags
    copied, fresh = text.index("48次"), text.index("52次")
    # A moment after typing stops: 48次 (as last year) is marked, 52次 (this year's) is not.
    qtbot.waitUntil(lambda: (0, copied, copied + 3, FIGURE_COLOUR) in painted_ranges(body), timeout=SETTLE_MS)
    assert all(start != fresh for _, start, _, _ in painted_ranges(body))
    qtbot.waitUntil(lambda: any(f.field == "body" and f.section_id == section.id for f in panel.flags), timeout=SETTLE_MS)
    body_flags = [(f.kind, f.text) for f in panel.flags if f.field == "body" and f.section_id == section.id]
    assert body_flags == [(FIGURE, "48次")]


def test_a_mark_after_a_character_beyond_the_bmp_covers_the_flagged_text(
    make_window: Any, new_report: Any, qtbot: Any
) -> None:
    """Qt counts UTF-16 units and 𬍛 (a name's rare character) is two of them: the marks sit
    on the flagged characters, not one place to their left."""
    window = make_window()
    text = "王𬍛同志带队学习讲话精神48次。"
    _section, body = _typed_into(window, new_report, qtbot, 0, "body", text)
    at = len(text[: text.index("48次")].encode("utf-16-le")) // 2
    assert at == text.index("48次") + 1
    qtbot.waitUntil(lambda: (0, at, at + 3, FIGURE_COLOUR) in painted_ranges(body), timeout=SETTLE_MS)
    cursor = body.textCursor()
    cursor.setPosition(at)
    cursor.setPosition(at + 3, cursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "48次"  # the painted positions hold the flagged text

    heading = window.editor.section_form.heading_edit
    heading.setFocus()
    heading.selectAll()
    type_chinese(heading, "推进𬍛XX工程")
    marks = window.editor.flag_marks.heading
    qtbot.waitUntil(lambda: marks.applied == [(4, 6, PLACEHOLDER)], timeout=SETTLE_MS)


def test_flags_in_a_heading_are_marked_too(make_window: Any, new_report: Any, qtbot: Any) -> None:
    window = make_window()
    section, _heading = _typed_into(window, new_report, qtbot, 1, "heading", "推进XX工程建设")
    marks = window.editor.flag_marks.heading
    qtbot.waitUntil(lambda: marks.applied == [(2, 4, PLACEHOLDER)], timeout=SETTLE_MS)
    qtbot.waitUntil(lambda: any(f.field == "heading" for f in window.panel_host.flags.flags), timeout=SETTLE_MS)
    flag = next(f for f in window.panel_host.flags.flags if f.section_id == section.id and f.field == "heading")
    assert (flag.kind, flag.text) == (PLACEHOLDER, "XX")
    window.doc.set_flag_verified(flag.id)
    assert marks.applied == []  # 已核实: no longer painted


def test_a_carried_tables_figures_are_listed_and_a_click_opens_their_cell(
    make_window: Any, new_report: Any, qtbot: Any, tmp_path: Path
) -> None:
    from core.render import render_report
    from tests.core.test_carried_flags import prior_with_table

    prior = tmp_path / "2024年上半年工作总结.docx"
    render_report(prior_with_table(), prior)
    window = make_window()
    new_report(window, prior, kind="half_year_summary", mode=CARRY_TEXT)
    _found(window, qtbot)
    panel, form = window.panel_host.flags, window.editor.section_form
    texts = [(f.field, f.text) for f in panel.flags if f.kind == FIGURE]
    assert texts == [("body", "12期"), ("cells", "6期"), ("cells", "4期"), ("cells", "2期")]
    assert "往年数字4处" in window.status_text
    cell = _flag(window, "4期")
    item = panel.item_for(cell.id)
    assert item is not None and item.text(0) == "【4期】" and item.text(1) == "往年数字"
    _click_row(qtbot, panel.tree, item)
    assert form.section_id == cell.section_id
    assert (form.tables.grid.currentRow(), form.tables.grid.currentColumn()) == (1, 2)
    assert form.tables.grid.currentItem().text() == "4期"
    grid = form.tables.grid  # the flagged cells are tinted, with the flag's tooltip; the others not
    assert grid.item(1, 2).background().color().name() == FIGURE_COLOUR
    assert "往年数字" in grid.item(1, 2).toolTip()
    assert grid.item(0, 2).background().style() == Qt.BrushStyle.NoBrush and not grid.item(0, 2).toolTip()
    assert window.doc.report.find(cell.section_id).tables[0].rows[1] == ["专题培训", "6期", "4期"]
    assert not window.doc.is_modified()  # painting is no edit


def test_last_years_paragraph_taken_from_the_reference_keeps_its_figures_flagged(
    make_window: Any, new_report: Any, qtbot: Any
) -> None:
    """上年参考's 加入正文 copies last year's text: its figures are 往年数字 like carried ones."""
    from core.reuse.flags import flags_for
    from core.reuse.new_draft import CARRY_OUTLINE

    window = make_window()
    new_report(window, seed_path("001"), kind="half_year_summary", mode=CARRY_OUTLINE)
    doc = window.doc
    target = next(s for _, s in doc.report.walk() if "38项" in s.reference)
    window.editor.outline.select_section(target.id)
    cards = window.panel_host.reference.cards
    card = next(c for c in cards if "38项" in c.text)
    assert not [f for f in flags_for(doc.report) if f.section_id == target.id and f.kind == FIGURE]
    qtbot.mouseClick(card.buttons[0], Qt.MouseButton.LeftButton)  # 加入正文
    figures = [f.text for f in flags_for(doc.report) if f.section_id == target.id and f.kind == FIGURE]
    assert "38项" in figures
