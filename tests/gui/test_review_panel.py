"""文件 ▸ 导入审阅稿… on the real window: changes marked in the section editor, accepted and
rejected with undo, comments 已处理, decisions kept across a restart, history, 对照表, export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from PySide6.QtCore import Qt

from core.importing.readers import read_paragraphs
from core.text.plaintext import report_paragraphs
from tests.core.review_builders import reviewed_copy
from tests.core.test_review_roundtrip import LEADER_TEXT
from tests.gui.conftest import ended_by, export_and_wait, review_imported


def _select(panel: Any, text_start: str) -> str:
    item = next(i for i in panel._items() if i.text(0).startswith(text_start))
    panel.tree.clearSelection()
    item.setSelected(True)
    return item.data(0, Qt.ItemDataRole.UserRole)


def _state(panel: Any, text_start: str) -> str:
    return next(i for i in panel._items() if i.text(0).startswith(text_start)).text(2)


def test_accept_reject_undo_accept_all(make_window: Any, answers: Any, tmp_path: Path) -> None:
    draft, reviewed = reviewed_copy(tmp_path)
    window = make_window()
    assert window.documents.open_draft(draft)
    answers.open_paths.append(str(reviewed))
    assert ended_by(window.review.finished, window.window_actions["import_review"].trigger)
    panel = window.review.panel
    assert panel is not None and window.panel_host.docks["review"].isVisible()
    assert "李主任、王处长" in panel.summary.text()
    groups = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert groups == ["一、主要工作成效", "二、存在的问题", "三、下半年工作打算", "报告信息"]
    report = window.doc.report

    # The section editor shows the pending changes in the section's text.
    form = window.editor.section_form
    window.editor.outline.select_section(report.sections[0].id)
    box = form.review_box
    assert box.isVisible() and box.marks.isVisible()
    marked = box.marks.toHtml()
    assert "line-through" in marked and "underline" in marked
    assert "正文第1段：一是抓好党建工作，全年召开党组会议1215次。" in box.marks.toPlainText()
    assert "正文第2段：二是推进项目建设，完成固定资产投资3亿元。" in box.marks.toPlainText()
    assert form.body_edit.toPlainText().startswith("一是抓好党建工作，全年召开党组会议12次。")

    first = _select(panel, "修改：12 → 15")
    panel.accept_button.click()
    assert report.sections[0].body[0] == "一是抓好党建工作，全年召开党组会议15次。"
    assert panel.item_for(first).text(2) == "已接受"
    assert "1215" not in box.marks.toPlainText()  # decided: no longer marked
    second = _select(panel, "删除：固定资产")
    panel.reject_button.click()
    assert report.sections[0].body[1] == "二是推进项目建设，完成固定资产投资3亿元。"
    assert panel.item_for(second).text(2) == "已拒绝"
    assert not box.marks.isVisible()

    window.window_actions["undo"].trigger()  # the rejection
    assert panel.item_for(second).text(2) == "待定"
    window.window_actions["undo"].trigger()  # the acceptance: text and decision back
    assert report.sections[0].body[0] == "一是抓好党建工作，全年召开党组会议12次。"
    assert panel.item_for(first).text(2) == "待定"
    window.window_actions["redo"].trigger()
    window.window_actions["redo"].trigger()
    assert report.sections[0].body[0] == "一是抓好党建工作，全年召开党组会议15次。"
    assert panel.item_for(second).text(2) == "已拒绝"

    # A comment ticked 已处理 in the panel is kept as a note beside its section, ticked there too.
    comment = next(i for i in panel._items() if i.text(0).startswith("批注：“3亿元”"))
    comment.setCheckState(0, Qt.CheckState.Checked)
    note = "王处长（2025-07-12）批注“3亿元”：请核实投资数据。"
    assert report.sections[0].notes == [note] and report.sections[0].handled_notes == [note]
    assert _state(panel, "批注：“3亿元”") == "已接受·已处理"
    assert box.notes.count() == 1 and box.notes.item(0).checkState() == Qt.CheckState.Checked
    box.notes.item(0).setCheckState(Qt.CheckState.Unchecked)  # un-ticked beside the section
    assert report.sections[0].handled_notes == []
    assert _state(panel, "批注：“3亿元”") == "已接受"
    window.window_actions["undo"].trigger()
    assert _state(panel, "批注：“3亿元”") == "已接受·已处理"
    assert "处理中：已接受 2 处，已拒绝 1 处" in panel.progress.text()

    # Saved, closed, reopened, the same copy imported again: the clerk's decisions are back.
    assert window.documents.save()
    assert window.documents.close_document()
    assert ended_by(window.review.finished, lambda: window.documents.open_draft(draft))  # the review in progress
    assert review_imported(window, reviewed)
    panel = window.review.panel
    assert panel.item_for(first).text(2) == "已接受"
    assert panel.item_for(second).text(2) == "已拒绝"
    assert _state(panel, "批注：“3亿元”") == "已接受·已处理"

    panel.accept_all_button.click()
    assert not panel.accept_all_button.isEnabled()
    assert panel.progress.text() == "审阅稿（李主任、王处长，7月12日）已处理"
    expected = list(LEADER_TEXT)
    expected[5] = "二是推进项目建设，完成固定资产投资3亿元。"  # the rejected deletion
    assert report_paragraphs(window.doc.report) == expected
    window.window_actions["undo"].trigger()  # 全部接受 is one step
    assert "处理中" in panel.progress.text()
    window.window_actions["redo"].trigger()
    assert window.documents.save()

    # The history of saved versions says what happened to the review.
    from gui.dialogs.history_dialog import HistoryDialog

    dialog = HistoryDialog(window.doc, window)
    labels = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    dialog.deleteLater()
    assert labels[0].endswith("审阅稿（李主任、王处长，7月12日）已处理")
    assert "审阅稿（李主任、王处长，7月12日）处理中" in labels[1]

    # The 修改对照表, and the report itself, exported.
    table = tmp_path / "对照表.docx"
    answers.save_paths.append(str(table))
    panel.table_button.click()
    cells = [c.text for row in docx.Document(str(table)).tables[0].rows for c in row.cells]
    assert cells[:5] == ["序号", "位置", "原文", "修改后", "审阅人"] and cells[5:10] == ["1", "一、主要工作成效 正文第1段第1字（修改）", "12", "15\n【已接受】", "李主任"]
    target = tmp_path / "定稿.docx"
    answers.save_paths.append(str(target))
    assert export_and_wait(window) == target
    assert answers.asked[-1] == ("preflight", "2")  # the two comments not yet marked 已处理
    assert read_paragraphs(target) == expected


def test_a_copy_of_another_report_is_refused(make_window: Any, answers: Any, tmp_path: Path) -> None:
    draft, _ = reviewed_copy(tmp_path)
    window = make_window()
    assert window.documents.open_draft(draft)
    other = tmp_path / "别的.docx"
    document = docx.Document()
    for i in range(5):
        document.add_paragraph(f"另一份文件的第{i}段，内容完全不同。")
    document.save(str(other))
    assert not review_imported(window, other)
    assert answers.asked[-1][0] == "warn" and "0%" in answers.asked[-1][1]


def test_accepting_after_the_clerk_moved_or_rewrote_the_paragraph(make_window: Any, tmp_path: Path) -> None:
    """A paragraph typed above the leader's one still lets 接受 work; a paragraph rewritten
    since says why 接受 cannot, instead of doing nothing."""
    from PySide6.QtGui import QTextCursor

    from tests.gui.conftest import type_chinese

    draft, reviewed = reviewed_copy(tmp_path)
    window = make_window()
    assert window.documents.open_draft(draft)
    assert review_imported(window, reviewed)
    panel = window.review.panel
    report = window.doc.report
    window.editor.outline.select_section(report.sections[0].id)
    body = window.editor.section_form.body_edit
    body.moveCursor(QTextCursor.MoveOperation.Start)
    type_chinese(body, "新加的一段。\n")
    assert report.sections[0].body[1] == "一是抓好党建工作，全年召开党组会议12次。"

    first = _select(panel, "修改：12 → 15")
    panel.accept_button.click()
    assert report.sections[0].body[1] == "一是抓好党建工作，全年召开党组会议15次。"
    assert panel.item_for(first).text(2) == "已接受"

    window.doc.set_section_field(report.sections[0].id, "body", [*report.sections[0].body[:2], "二是推进项目建设。"])
    second = _select(panel, "删除：固定资产")
    panel.accept_button.click()
    from gui.panels.review_panel import CANNOT_ACCEPT

    assert window.status_text == CANNOT_ACCEPT
    assert panel.item_for(second).text(2) == "待定"


def test_a_copy_of_what_was_exported_merges_three_ways(make_window: Any, answers: Any, tmp_path: Path) -> None:
    """Exported from the window, reviewed with tracked changes, untracked edits and a comment
    together; the clerk wrote on after the export: that edit survives 全部接受, and the words
    both changed are a conflict left to the clerk."""
    from core.draft.draft_file import save_draft
    from tests.core.review_builders import CommentSpec, document_xml, sample_report, write_reviewed
    from tests.core.test_review_merge import TEAM, _leader_copy

    report = sample_report()
    draft = tmp_path / "报告.draft.json"
    save_draft(report, draft)
    window = make_window()
    assert window.documents.open_draft(draft)
    exported = tmp_path / "报告.docx"
    answers.save_paths.append(str(exported))
    assert export_and_wait(window) == exported
    reviewed = write_reviewed(
        exported, tmp_path / "审阅.docx", _leader_copy(document_xml(exported)), [CommentSpec(1, "王处长", "请核实投资数据。")]
    )

    doc = window.doc
    doc.set_report_field("closing", ["下半年，我们将继续努力，确保圆满完成全年目标任务。"])
    team = doc.report.sections[0].children[0]
    doc.set_section_field(team.id, "body", [TEAM.replace("4次", "5次")])
    assert review_imported(window, reviewed)
    panel = window.review.panel
    assert "与导出时的版本对应" in panel.summary.text() and "1 处与导出后的改动冲突" in panel.summary.text()
    assert _state(panel, "修改：4 → 6") == "冲突"
    conflict = next(i for i in panel._items() if i.text(0).startswith("修改：4 → 6"))
    assert conflict.foreground(0).color().name() == "#c55a00"
    panel.accept_all_button.click()
    report = window.doc.report
    assert report.sections[0].body == ["一是抓好党建工作，全年召开党组会议15次。", "二是推进项目建设，完成固定资产投资3亿元。"]
    assert report.sections[0].children[0].body == ["班子成员带头学习，开展专题研讨5次。"]
    assert [p.text for p in report.sections[1].points] == ["基层基础仍然薄弱。"]
    assert report.sections[2].body == ["围绕中心工作，抓好各项任务落实。", "同时，认真谋划明年工作。"]
    assert report.closing == ["下半年，我们将继续努力，确保圆满完成全年目标任务。"]
    assert report.sections[0].notes == ["王处长（2025-07-12）批注“3亿元”：请核实投资数据。"]
    assert _state(panel, "修改：4 → 6") == "冲突"
    window.window_actions["undo"].trigger()  # 全部接受 is one step, the deleted point included
    assert [p.text for p in window.doc.report.sections[1].points] == ["基层基础仍然薄弱。", "人才队伍结构不够优化。"]
    assert window.doc.report.closing == ["下半年，我们将继续努力，确保圆满完成全年目标任务。"]

    # The conflict: both versions side by side, each choice one undo step.
    def team_body() -> list[str]:
        return window.doc.report.sections[0].children[0].body

    assert panel.conflict.isHidden()
    _select(panel, "修改：4 → 6")
    box = panel.conflict
    assert not box.isHidden() and not panel.accept_button.isEnabled()
    assert box.clerk_text.text().endswith('>5</span>次。…') and box.leader_text.text().endswith('>6</span>次。…')
    assert "研讨" in box.clerk_text.text()
    box.buttons["leader"].click()
    assert team_body() == ["班子成员带头学习，开展专题研讨6次。"]
    assert _state(panel, "修改：4 → 6") == "已接受" and box.isHidden()
    window.window_actions["undo"].trigger()
    assert team_body() == ["班子成员带头学习，开展专题研讨5次。"] and _state(panel, "修改：4 → 6") == "冲突"
    _select(panel, "修改：4 → 6")
    box.buttons["both"].click()
    assert team_body() == ["班子成员带头学习，开展专题研讨56次。"]
    window.window_actions["undo"].trigger()
    _select(panel, "修改：4 → 6")
    box.buttons["clerk"].click()
    assert team_body() == ["班子成员带头学习，开展专题研讨5次。"] and _state(panel, "修改：4 → 6") == "已拒绝"
    window.window_actions["undo"].trigger()
    assert _state(panel, "修改：4 → 6") == "冲突"
    # The clerk's words edited again since: the leader's cannot replace them, and it says so.
    doc.set_section_field(team.id, "body", ["班子成员带头学习，开展专题研讨多次。"])
    _select(panel, "修改：4 → 6")
    box.buttons["leader"].click()
    assert team_body() == ["班子成员带头学习，开展专题研讨多次。"] and _state(panel, "修改：4 → 6") == "冲突"
    from gui.panels.review_panel import CANNOT_CHOOSE

    assert window.status_text == CANNOT_CHOOSE


def test_points_and_table_cells_change_through_the_panel(make_window: Any, answers: Any, tmp_path: Path) -> None:
    from core.draft.draft_file import save_draft
    from core.draft.tables import Table
    from tests.core.review_builders import (
        add_paragraph_after,
        dele,
        document_xml,
        ins,
        inserted_paragraph,
        replace_runs,
        run,
        sample_report,
        write_reviewed,
    )

    report = sample_report()
    report.sections[0].tables = [Table(rows=[["项目", "次数"], ["培训", "12"]])]
    draft = tmp_path / "报告.draft.json"
    save_draft(report, draft)
    window = make_window()
    assert window.documents.open_draft(draft)
    exported = tmp_path / "报告.docx"
    answers.save_paths.append(str(exported))
    assert export_and_wait(window) == exported
    xml = document_xml(exported)
    start, end = xml.index("<w:tbl"), xml.index("</w:tbl>")
    xml = xml[:start] + xml[start:end].replace(run("12"), dele("12") + ins("15"), 1) + xml[end:]
    xml = replace_runs(xml, "一是基层基础仍然薄弱。", dele("一是基层基础仍然薄弱。"))
    xml = add_paragraph_after(xml, "二是人才队伍结构不够优化。", inserted_paragraph("三是干部作风有待转变。"))
    reviewed = write_reviewed(exported, tmp_path / "审阅.docx", xml)
    assert review_imported(window, reviewed)
    panel = window.review.panel
    panel.accept_all_button.click()
    doc_report = window.doc.report
    assert doc_report.sections[0].tables[0].rows == [["项目", "次数"], ["培训", "15"]]
    assert [p.text for p in doc_report.sections[1].points] == ["人才队伍结构不够优化。", "干部作风有待转变。"]
    window.window_actions["undo"].trigger()
    assert doc_report.sections[0].tables[0].rows == [["项目", "次数"], ["培训", "12"]]
    assert [p.text for p in window.doc.report.sections[1].points] == ["基层基础仍然薄弱。", "人才队伍结构不够优化。"]


def test_the_panel_goes_to_a_change_shows_states_and_belongs_to_its_draft(
    make_window: Any, answers: Any, tmp_path: Path
) -> None:
    from core.draft.draft_file import save_draft
    from gui.panels.review_panel import STATE_COLOURS
    from tests.core.review_builders import sample_report

    draft, reviewed = reviewed_copy(tmp_path)
    window = make_window()
    assert window.documents.open_draft(draft)
    # In 视图 from the start, before any copy came in.
    assert "审阅" in [action.text() for action in window.window_actions.menu("view").actions()]
    assert review_imported(window, reviewed)
    panel = window.review.panel
    report = window.doc.report

    # Clicking a change shows its field with its characters selected.
    item = next(i for i in panel._items() if i.text(0).startswith("修改：12 → 15"))
    panel.tree.itemClicked.emit(item, 0)
    body = window.editor.section_form.body_edit
    assert window.editor.section_form.section_id == report.sections[0].id
    assert body.textCursor().selectedText() == "12"

    first = _select(panel, "修改：12 → 15")
    panel.accept_button.click()
    second = _select(panel, "删除：固定资产")
    panel.reject_button.click()
    for change_id, state in ((first, "已接受"), (second, "已拒绝")):
        shown = panel.item_for(change_id)
        assert shown.text(2) == state
        assert shown.foreground(0).color().name() == STATE_COLOURS[state]
    pending = next(i for i in panel._items() if i.text(2) == "待定")
    assert pending.foreground(0).style() == Qt.BrushStyle.NoBrush  # 待定: as text is

    # Saved, closed and opened again: the review in progress comes back with the draft.
    assert window.documents.save()
    assert window.documents.close_document()
    assert ended_by(window.review.finished, lambda: window.documents.open_draft(draft))  # read again
    panel = window.review.panel
    assert panel.session is not None and panel.session.doc is window.doc
    assert panel.item_for(first).text(2) == "已接受" and panel.item_for(second).text(2) == "已拒绝"
    # The same copy imported again: what was decided shows as decided, not as 不再适用.
    assert review_imported(window, reviewed)
    assert "0 处不再适用" in panel.summary.text()

    # Another draft: nothing of this one's review is shown.
    other = tmp_path / "另一份.draft.json"
    save_draft(sample_report(), other)
    assert window.documents.open_draft(other)
    assert panel.session is None and panel.progress.text() == "" and not panel._items()
    assert panel.summary.text().startswith("尚未导入审阅稿")


def test_report_fields_the_leader_changed_are_marked_in_the_report_form(
    make_window: Any, answers: Any, tmp_path: Path
) -> None:
    from core.draft.draft_file import save_draft
    from tests.core.review_builders import (
        dele,
        document_xml,
        edit_run,
        ins,
        replace_runs,
        run,
        sample_report,
        write_reviewed,
    )

    report = sample_report()
    draft = tmp_path / "报告.draft.json"
    save_draft(report, draft)
    window = make_window()
    assert window.documents.open_draft(draft)
    exported = tmp_path / "报告.docx"
    answers.save_paths.append(str(exported))
    assert export_and_wait(window) == exported
    xml = edit_run(document_xml(exported), "某某局2025年上半年工作总结", "某某局2025年上半年工作情况总结")
    xml = replace_runs(xml, "2025年7月10日", run("2025年7月") + dele("10") + ins("12") + run("日"))
    assert review_imported(window, write_reviewed(exported, tmp_path / "审阅.docx", xml))
    panel, form = window.review.panel, window.editor.report_form
    window.editor.show_report_form()

    box = form.review_box
    assert not box.isHidden()
    assert box.marks.toPlainText().split("\n") == ["标题：某某局2025年上半年工作情况总结", "成文日期：2025年7月10日2025年7月12日"]
    assert "line-through" in box.marks.toHtml()
    assert form._form.labelForField(form.editors["title"]).styleSheet() != ""
    assert form._form.labelForField(form.editors["addressee"]).styleSheet() == ""

    _select(panel, "插入：→ 情况")
    panel.accept_button.click()
    assert window.doc.report.title == "某某局2025年上半年工作情况总结" == form.title_edit.text()
    assert box.marks.toPlainText() == "成文日期：2025年7月10日2025年7月12日"
    assert form._form.labelForField(form.editors["title"]).styleSheet() == ""
    _select(panel, "修改：2025年7月10日 → 2025年7月12日")
    panel.reject_button.click()
    assert window.doc.report.date == "2025-07-10" and box.isHidden()
    window.window_actions["undo"].trigger()
    window.window_actions["undo"].trigger()
    assert window.doc.report.title == "某某局2025年上半年工作总结" and not box.isHidden()
    _select(panel, "修改：2025年7月10日 → 2025年7月12日")
    panel.accept_button.click()
    assert window.doc.report.date == "2025-07-12"
    assert form.date_row.value() == "2025-07-12"


def test_a_table_the_leader_added_comes_in_with_its_section(make_window: Any, answers: Any, tmp_path: Path) -> None:
    from core.draft.draft_file import save_draft
    from tests.core.review_builders import (
        add_paragraph_after,
        document_xml,
        ins,
        inserted_paragraph,
        sample_report,
        write_reviewed,
    )

    report = sample_report()
    draft = tmp_path / "报告.draft.json"
    save_draft(report, draft)
    window = make_window()
    assert window.documents.open_draft(draft)
    exported = tmp_path / "报告.docx"
    answers.save_paths.append(str(exported))
    assert export_and_wait(window) == exported
    row = '<w:trPr><w:ins w:id="901" w:author="李主任" w:date="2025-07-12T09:30:00Z"/></w:trPr>'
    table = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
             + "".join(f"<w:tr>{row}<w:tc><w:p>{ins(a)}</w:p></w:tc><w:tc><w:p>{ins(b)}</w:p></w:tc></w:tr>"
                       for a, b in (("任务", "时限"), ("调研", "9月")))
             + "</w:tbl>")
    xml = add_paragraph_after(document_xml(exported), "围绕中心工作，抓好各项任务落实。", table)
    xml = add_paragraph_after(xml, "围绕中心工作，抓好各项任务落实。", inserted_paragraph("具体安排见下表。"))
    assert review_imported(window, write_reviewed(exported, tmp_path / "审阅.docx", xml))
    panel = window.review.panel
    assert _state(panel, "新增表格：新增表格（2行）：任务、时限") == "待定"
    panel.accept_all_button.click()
    section = window.doc.report.sections[2]
    assert section.body == ["围绕中心工作，抓好各项任务落实。", "具体安排见下表。"]
    assert [(t.rows, t.after_body) for t in section.tables] == [([["任务", "时限"], ["调研", "9月"]], 2)]
    window.window_actions["undo"].trigger()
    assert window.doc.report.sections[2].tables == [] and window.doc.report.sections[2].body == [
        "围绕中心工作，抓好各项任务落实。"
    ]


def test_a_heading_the_leader_typed_comes_in_as_a_section_and_undoes(make_window: Any, answers: Any,
                                                                      tmp_path: Path) -> None:
    from core.draft.draft_file import save_draft
    from tests.core.review_builders import (
        add_paragraph_after,
        document_xml,
        edit_run,
        plain_paragraph,
        sample_report,
        write_reviewed,
    )

    report = sample_report()
    draft = tmp_path / "报告.draft.json"
    save_draft(report, draft)
    window = make_window()
    assert window.documents.open_draft(draft)
    exported = tmp_path / "报告.docx"
    answers.save_paths.append(str(exported))
    assert export_and_wait(window) == exported
    # Without tracking: a new 四、 after 三、's text, and the opening rewritten whole.
    xml = add_paragraph_after(document_xml(exported), "围绕中心工作，抓好各项任务落实。", plain_paragraph("四、抓好宣传工作"))
    xml = edit_run(xml, report.opening[0], "现将有关情况报告如下。")
    assert review_imported(window, write_reviewed(exported, tmp_path / "审阅.docx", xml))
    panel = window.review.panel
    assert _state(panel, "新增标题：四、抓好宣传工作") == "待定"
    panel.accept_all_button.click()
    after = window.doc.report
    assert [s.heading for s in after.sections] == ["主要工作成效", "存在的问题", "下半年工作打算", "抓好宣传工作"]
    assert after.opening == ["现将有关情况报告如下。"]
    window.window_actions["undo"].trigger()
    assert [s.heading for s in window.doc.report.sections] == ["主要工作成效", "存在的问题", "下半年工作打算"]
    assert window.doc.report.opening == report.opening
