"""文件 ▸ 导入审阅稿… on the real window: accept one change, reject one, undo, accept the rest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from core.draft.draft_file import save_draft
from core.text.plaintext import report_paragraphs
from tests.core.review_builders import (
    LEADER_COMMENTS,
    document_xml,
    leader_markup,
    render_draft,
    sample_report,
    write_reviewed,
)
from tests.core.test_review_roundtrip import LEADER_TEXT


def _reviewed_draft(folder: Path) -> tuple[Path, Path]:
    report = sample_report()
    draft = folder / "报告.draft.json"
    save_draft(report, draft)
    exported = render_draft(report, folder / "报告.docx")
    reviewed = write_reviewed(
        exported, folder / "报告（审阅稿）.docx", leader_markup(document_xml(exported)), LEADER_COMMENTS
    )
    return draft, reviewed


def _select(panel: Any, text_start: str) -> str:
    item = next(i for i in panel._items() if i.text(0).startswith(text_start))
    panel.tree.clearSelection()
    item.setSelected(True)
    return item.data(0, Qt.ItemDataRole.UserRole)


def test_accept_reject_undo_accept_all(make_window: Any, answers: Any, tmp_path: Path) -> None:
    draft, reviewed = _reviewed_draft(tmp_path)
    window = make_window()
    assert window.open_draft(draft)
    answers.open_paths.append(str(reviewed))
    window.import_review_action.trigger()
    panel = window.review.panel
    assert panel is not None and window.panel_host.docks["review"].isVisible()
    assert "李主任、王处长" in panel.summary.text()
    groups = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert groups == ["一、主要工作成效", "二、存在的问题", "三、下半年工作打算", "报告信息"]
    report = window.doc.report

    first = _select(panel, "修改：12 → 15")
    panel.accept_button.click()
    assert report.sections[0].body[0] == "一是抓好党建工作，全年召开党组会议15次。"
    assert panel.item_for(first).text(2) == "已接受"
    second = _select(panel, "删除：固定资产")
    panel.reject_button.click()
    assert report.sections[0].body[1] == "二是推进项目建设，完成固定资产投资3亿元。"
    assert panel.item_for(second).text(2) == "已拒绝"

    window.undo_action.trigger()  # the rejection
    assert panel.item_for(second).text(2) == "待定"
    window.undo_action.trigger()  # the acceptance: text and decision back
    assert report.sections[0].body[0] == "一是抓好党建工作，全年召开党组会议12次。"
    assert panel.item_for(first).text(2) == "待定"
    window.redo_action.trigger()
    assert report.sections[0].body[0] == "一是抓好党建工作，全年召开党组会议15次。"

    # A comment marked 已处理, undoably.
    comment = next(i for i in panel._items() if i.text(0).startswith("批注：“3亿元”"))
    comment.setCheckState(0, Qt.CheckState.Checked)
    assert panel.item_for(comment.data(0, Qt.ItemDataRole.UserRole)).text(2) == "待定·已处理"

    panel.accept_all_button.click()
    assert report_paragraphs(window.doc.report) == LEADER_TEXT
    assert window.doc.report.sections[0].notes == ["王处长（2025-07-12）批注“3亿元”：请核实投资数据。"]
    assert not panel.accept_all_button.isEnabled()
    window.undo_action.trigger()  # 全部接受 is one step
    assert report_paragraphs(window.doc.report)[5] == "二是推进项目建设，完成固定资产投资3亿元。"
    assert window.doc.report.sections[0].notes == []


def test_a_copy_of_another_report_is_refused(make_window: Any, answers: Any, tmp_path: Path) -> None:
    draft, _ = _reviewed_draft(tmp_path)
    window = make_window()
    assert window.open_draft(draft)
    other = tmp_path / "别的.docx"
    import docx

    document = docx.Document()
    for i in range(5):
        document.add_paragraph(f"另一份文件的第{i}段，内容完全不同。")
    document.save(str(other))
    assert not window.review.import_review(other)
    assert answers.asked[-1][0] == "warn" and "0%" in answers.asked[-1][1]
