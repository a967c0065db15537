"""The clerk's whole journey through the real main window, offscreen.

New report from seed 004 with 沿用上年提纲 → edit a section → add and reorder points →
undo and redo → export .docx → the exported file imports back to exactly the edited outline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from core.draft.model import to_dict
from core.importing.importer import import_document
from core.importing.outline_text import outline_lines
from core.text.plaintext import report_paragraphs
from gui.main_window import EDITOR_PAGE
from tests.conftest import seed_path
from tests.gui.conftest import SETTLE_MS, export_and_wait, type_chinese


def _tree_labels(window: Any) -> list[str]:
    model = window.doc.outline
    labels = []

    def visit(parent: Any) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            labels.append(model.data(index))
            visit(index)

    from PySide6.QtCore import QModelIndex

    visit(QModelIndex())
    return labels


def test_new_edit_points_undo_redo_export_reimport(
    make_window: Any, new_report: Any, answers: Any, qtbot: Any, tmp_path: Path
) -> None:
    window = make_window()
    new_report(window, seed_path("004"), carry=True)
    doc = window.doc
    assert window.pages.currentIndex() == EDITOR_PAGE
    assert doc.path is None and window.documents.needs_save()
    assert _tree_labels(window) == [
        "一、上半年工作开展情况",
        "（一）践行新时代好干部标准，着力打造忠诚干净担当的高素质干部队伍",
        "（二）持之以恒抓基层打基础，推动基层党组织全面进步全面过硬",
        "（三）全面构建人才引育新格局，努力为经济社会高质量发展提供智力支持",
        "二、下半年工作计划",
    ]
    before_edits = to_dict(doc.report)

    # Select （二）: the form shows it, the reference pane shows last year's text for it.
    target = doc.report.sections[0].children[1]
    window.editor.outline.select_section(target.id)
    form = window.editor.section_form
    assert form.section_id == target.id
    assert form.marker_label.text() == "（二）"
    cards = window.panel_host.reference.cards
    assert cards[0].text.startswith("以“五基三化”攻坚年行动为牵引")
    assert cards[1].text.startswith("一是推深做实抓党建促乡村振兴")  # inline points split per card

    # Edit the heading and the body by typing.
    form.heading_edit.setFocus()
    form.heading_edit.selectAll()
    type_chinese(form.heading_edit, "抓基层打基础")
    form.body_edit.setFocus()
    type_chinese(form.body_edit, "坚持大抓基层的鲜明导向。")
    assert target.heading == "抓基层打基础"
    assert target.body == ["坚持大抓基层的鲜明导向。"]
    assert target.status == "draft"

    # Add two points, then move the second one up: the ordinals renumber themselves.
    qtbot.mouseClick(form.points.add_button, Qt.MouseButton.LeftButton)
    type_chinese(form.points.editor, "推深做实抓党建促乡村振兴。")
    qtbot.mouseClick(form.points.add_button, Qt.MouseButton.LeftButton)
    type_chinese(form.points.editor, "抓实党员教育管理。")
    assert [p.text for p in target.points] == ["推深做实抓党建促乡村振兴。", "抓实党员教育管理。"]
    qtbot.mouseClick(form.points.up_button, Qt.MouseButton.LeftButton)
    assert [p.text for p in target.points] == ["抓实党员教育管理。", "推深做实抓党建促乡村振兴。"]
    assert [form.points.list.item(i).text() for i in range(2)] == [
        "一是　抓实党员教育管理。",
        "二是　推深做实抓党建促乡村振兴。",
    ]

    # One click copies last year's paragraph into the body.
    qtbot.mouseClick(window.panel_host.reference.cards[0].buttons[0], Qt.MouseButton.LeftButton)
    assert target.body[0] == "坚持大抓基层的鲜明导向。"
    assert target.body[1].startswith("以“五基三化”攻坚年行动为牵引")
    assert not window.panel_host.reference.cards[0].used_label.isHidden()  # marked, and not offered twice
    assert not window.panel_host.reference.cards[0].buttons[0].isEnabled()

    # Move the section up: it becomes （一） and the tree renumbers live.
    window.editor.outline.up_action.trigger()
    assert _tree_labels(window)[1:3] == [
        "（一）抓基层打基础",
        "（二）践行新时代好干部标准，着力打造忠诚干净担当的高素质干部队伍",
    ]
    assert form.marker_label.text() == "（一）"

    edited = to_dict(doc.report)
    steps = doc.undo_stack.index()
    assert steps >= 8  # heading, body, 2×(add, type), move point, copy, move section

    # Undo everything through the menu action, then redo it all.
    for _ in range(steps):
        assert window.window_actions["undo"].isEnabled()
        window.window_actions["undo"].trigger()
    assert to_dict(doc.report) == before_edits
    assert window.panel_host.reference.cards[0].buttons[0].isEnabled()
    assert form.body_edit.paragraphs() == []
    assert _tree_labels(window)[2] == "（二）持之以恒抓基层打基础，推动基层党组织全面进步全面过硬"
    for _ in range(steps):
        window.window_actions["redo"].trigger()
    assert to_dict(doc.report) == edited
    assert form.points.list.count() == 2

    # Export to Word and import the file back: exactly the edited outline and text.
    out = tmp_path / "2023年上半年工作总结.docx"
    answers.save_paths.append(str(out))
    export_and_wait(window, start=window.window_actions["export"].trigger)
    assert out.is_file()
    back = import_document(out).report
    assert outline_lines(back, source_markers=False) == outline_lines(doc.report, source_markers=False)
    assert report_paragraphs(back) == report_paragraphs(doc.report)
    assert "已导出" in window.status_text


def test_ctrl_z_in_a_text_field_undoes_through_the_window_stack(
    make_window: Any, new_report: Any, qtbot: Any
) -> None:
    window = make_window()
    new_report(window, seed_path("004"))
    form = window.editor.section_form
    window.activateWindow()
    form.body_edit.setFocus()
    qtbot.waitUntil(form.body_edit.hasFocus, timeout=SETTLE_MS)
    type_chinese(form.body_edit, "第一段")
    section = window.doc.report.find(form.section_id)
    assert section.body == ["第一段"]
    qtbot.keyClick(form.body_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert section.body == []
    assert form.body_edit.toPlainText() == ""
    qtbot.keyClick(form.body_edit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert section.body == ["第一段"]
    assert form.body_edit.toPlainText() == "第一段"


def test_report_level_form_edits_are_undoable(make_window: Any, new_report: Any, qtbot: Any) -> None:
    window = make_window()
    new_report(window, seed_path("004"), unit="某某县委组织部")
    report_form = window.editor.report_form
    window.window_actions["report_info"].trigger()
    assert window.editor.tabs.currentIndex() == 1
    assert report_form.unit_edit.text() == "某某县委组织部"
    assert report_form.kind_label.text() == "上半年工作总结"
    report_form.title_edit.selectAll()
    type_chinese(report_form.title_edit, "关于上半年工作情况的报告")
    report_form.date_row.box.setChecked(True)
    report_form.year_spin.setValue(2024)
    report = window.doc.report
    assert report.title == "关于上半年工作情况的报告"
    assert report.date != "" and report.year == 2024
    # The reference pane shows last year's opening with a one-click copy into the opening.
    cards = window.panel_host.reference.cards
    assert cards[0].text.startswith("【上年开头】2022年上半年")
    qtbot.mouseClick(cards[0].buttons[0], Qt.MouseButton.LeftButton)
    assert report.opening[-1].startswith("2022年上半年，区委组织部")
    for _ in range(4):
        window.window_actions["undo"].trigger()
    assert report.title == "某某县委组织部2023年上半年工作总结"
    assert report.date == "" and report.year == 2023
    assert report_form.title_edit.text() == "某某县委组织部2023年上半年工作总结"
