"""查找和替换 in the real window: count, next, replace one, replace all as one undo step."""

from __future__ import annotations

from typing import Any

from core.reuse.new_draft import CARRY_TEXT
from core.text.find import find_all, replace_all
from core.text.plaintext import report_text
from tests.conftest import seed_path
from tests.gui.conftest import SETTLE_MS


def test_replace_all_is_one_undo_step(make_window: Any, new_report: Any) -> None:
    window = make_window()
    new_report(window, seed_path("004"), mode=CARRY_TEXT)
    report = window.doc.report
    before = report_text(report)
    count = len(find_all(report, "区委"))
    assert count >= 5

    window.window_actions["replace"].trigger()  # Ctrl+H
    dialog = window.find_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.find_edit.setText("区委")
    dialog.replace_edit.setText("县委")
    assert f"共 {count} 处" in dialog.count_label.text()

    dialog.next_button.click()  # selects the first match in its field
    first = dialog.matches[0]
    assert dialog.current == 0 and "第 1 处" in dialog.count_label.text()
    if first.section_id:
        assert window.editor.section_form.section_id == first.section_id

    assert dialog.replace_everything() == count
    assert "区委" not in report_text(report) and report_text(report).count("县委") >= count
    assert window.doc.undo_stack.undoText() == "全部替换“区委”"
    window.window_actions["undo"].trigger()  # one step brings every occurrence back
    assert report_text(report) == before


def test_replace_one_then_the_next(make_window: Any, new_report: Any) -> None:
    window = make_window()
    new_report(window, seed_path("004"), mode=CARRY_TEXT)
    report = window.doc.report
    window.window_actions["find"].trigger()
    dialog = window.find_dialog
    dialog.find_edit.setText("2022年")
    dialog.replace_edit.setText("2023年")
    total = len(dialog.matches)
    assert total >= 1
    dialog.replace_current()  # the first press goes to the first match
    dialog.replace_current()  # the second replaces it and moves on
    assert len(find_all(report, "2022年")) == total - 1
    window.window_actions["undo"].trigger()
    assert len(find_all(report, "2022年")) == total


def test_whole_word_uses_words() -> None:
    from core.draft.model import Report, Section

    report = Report(sections=[Section(heading="人才工作", body=["建设人才库，引进人才。"])])
    assert len(find_all(report, "人才")) == 3
    whole = find_all(report, "人才", whole_word=True)
    assert [(m.field, m.start) for m in whole] == [("heading", 0), ("body", 8)]
    assert replace_all(report, "人才", "英才", whole_word=True) == 2
    assert report.sections[0].body == ["建设人才库，引进英才。"]


def test_undo_and_redo_keys_in_the_dialog_act_on_the_draft(make_window: Any, new_report: Any, qtbot: Any) -> None:
    """After 全部替换 the dialog says Ctrl+Z undoes it: pressed there, it must — not clear 查找."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = make_window()
    new_report(window, seed_path("004"), mode=CARRY_TEXT)
    report = window.doc.report
    before = report_text(report)
    window.window_actions["replace"].trigger()
    dialog = window.find_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=SETTLE_MS)
    dialog.find_edit.setText("区委")
    dialog.replace_edit.setText("县委")
    count = dialog.replace_everything()
    assert count >= 5 and "可撤销" in dialog.count_label.text()
    after = report_text(report)
    dialog.find_edit.setFocus()

    qtbot.keyClick(dialog.find_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert report_text(report) == before  # every replacement back, in one step
    assert dialog.find_edit.text() == "区委"  # the query is still there
    assert f"共 {count} 处" in dialog.count_label.text()  # and finds them again
    qtbot.keyClick(dialog.replace_edit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert report_text(report) == after
    assert dialog.replace_edit.text() == "县委"


def test_the_dialogs_right_click_menu_offers_the_drafts_undo(make_window: Any, new_report: Any) -> None:
    from gui.editor.widgets import context_menu_with_window_undo

    window = make_window()
    new_report(window, seed_path("004"))
    window.window_actions["find"].trigger()
    actions = context_menu_with_window_undo(window.find_dialog.find_edit).actions()
    assert window.window_actions["undo"] in actions and window.window_actions["redo"] in actions


def test_replacing_a_whole_paragraph_with_nothing_removes_it(make_window: Any, new_report: Any) -> None:
    """Found by the random clerks: 全部替换 left an empty paragraph in the draft that the form
    did not show, and the next keystroke anywhere in that field silently removed it."""
    window = make_window()
    new_report(window, seed_path("004"), mode=CARRY_TEXT)
    report = window.doc.report
    opening = list(report.opening)
    assert len(opening) == 1
    section = next(s for _, s in report.walk() if s.body)
    window.doc.set_section_field(section.id, "body", [*section.body, "第二段，另起一行。"])
    window.doc.undo_stack.clear()
    body = list(section.body)

    window.window_actions["replace"].trigger()
    dialog = window.find_dialog
    dialog.find_edit.setText(opening[0])
    dialog.replace_edit.setText("")
    assert dialog.replace_everything() == 1
    assert report.opening == []
    assert window.editor.report_form.editors["opening"].paragraphs() == []
    dialog.find_edit.setText(body[0][:12])
    dialog.replace_edit.setText(" ")  # what is left of the paragraph keeps no blank space around it
    dialog.replace_everything()
    assert section.body == [body[0][12:].strip(), *body[1:]]
    window.window_actions["undo"].trigger()
    window.window_actions["undo"].trigger()
    assert (report.opening, section.body) == (opening, body)

    # The rule itself, in core: points stay (a point is a row even when empty), paragraphs go.
    from core.text.textslots import apply_slot_texts, edited_fields

    values = edited_fields(report, {(section.id, "body", 0): "  ", ("", "title", 0): " 标题 "})
    assert values == {(section.id, "body"): body[1:], ("", "title"): "标题"}
    apply_slot_texts(report, {(section.id, "body", 1): ""})
    assert section.body == [body[0], *body[2:]]


def test_replace_one_goes_past_what_it_put_in(make_window: Any, new_report: Any) -> None:
    """Found by the random clerks: with a replacement that holds the search text ("区" → "区委"),
    each 替换 replaced the same spot again (区委委委…) instead of moving on to the next match."""
    window = make_window()
    new_report(window, seed_path("004"), mode=CARRY_TEXT)
    report = window.doc.report
    window.window_actions["replace"].trigger()
    dialog = window.find_dialog
    dialog.find_edit.setText("区委")
    dialog.replace_edit.setText("中共区委")
    first = list(dialog.matches)
    assert len(first) >= 3
    dialog.replace_current()  # goes to the first match
    for _ in range(3):
        dialog.replace_current()
    assert report_text(report).count("中共区委") == 3  # three presses, three places
    assert "中共中共" not in report_text(report)
    assert len(find_all(report, "区委")) == len(first)
    assert dialog.matches[dialog.current].text == "区委" and "第 4 处" in dialog.count_label.text()

    # The rule, in core: past the text put in, then the next string, then round to the first.
    from core.text.find import Match, next_after_replacing

    def at(field: str, start: int) -> Match:
        return Match("", field, 0, start, start + 1, "区")

    before = [at("title", 2), at("title", 6), at("signature", 0)]
    assert next_after_replacing(before, 0, [at("title", 2), at("title", 7), at("signature", 0)], "区委") == 1
    assert next_after_replacing(before, 1, [at("title", 2), at("title", 6), at("signature", 0)], "区委") == 2
    assert next_after_replacing(before, 0, [at("title", 5), at("signature", 0)], "") == 0
    three = [at("title", 2), at("subtitle", 3), at("signature", 0)]
    assert next_after_replacing(three, 1, [at("title", 2), at("signature", 0)], "某") == 1
    assert next_after_replacing(before, 2, [at("title", 2), at("title", 6), at("signature", 0)], "区委") == 0
    assert next_after_replacing(before, 0, [], "") == -1


def test_find_and_replace_reach_the_table_cells(make_window: Any, new_report: Any) -> None:
    """Walkthrough W7: 全部替换 said it had replaced everything while the table kept the old
    words. A match in a cell is shown in its cell; one undo step brings the cells back."""
    from core.draft.tables import Table

    window = make_window()
    new_report(window, seed_path("004"), mode=CARRY_TEXT)
    section = window.doc.report.sections[0]
    window.doc.set_section_field(section.id, "tables", [Table(rows=[["项目", "完成"], ["专题培训", "4期"], ["网络学院", "2期"]])])
    in_text = len(find_all(window.doc.report, "期"))
    cells = [m for m in find_all(window.doc.report, "期") if m.field == "cells"]
    assert len(cells) == 2

    window.window_actions["replace"].trigger()
    dialog = window.find_dialog
    dialog.find_edit.setText("期")
    dialog.replace_edit.setText("届")
    assert f"共 {in_text} 处" in dialog.count_label.text()
    for _ in range(in_text):
        dialog.next_button.click()
        if dialog.matches[dialog.current].field == "cells":
            break
    match = dialog.matches[dialog.current]
    assert match.field == "cells" and window.editor.section_form.section_id == section.id
    grid = window.editor.section_form.tables.grid
    assert (grid.currentRow(), grid.currentColumn()) == (1, 1)  # the cell that holds the match, shown

    assert dialog.replace_everything() == in_text
    rows = window.doc.report.find(section.id).tables[0].rows
    assert rows == [["项目", "完成"], ["专题培训", "4届"], ["网络学院", "2届"]]
    window.window_actions["undo"].trigger()
    assert window.doc.report.find(section.id).tables[0].rows == [["项目", "完成"], ["专题培训", "4期"], ["网络学院", "2期"]]
