"""The export pre-flight in the real main window: the list, a click that jumps, 仍然导出."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from core.checks.preflight import EMPTY_SECTION, MISSING, PLACEHOLDER_ITEM
from gui.dialogs.preflight_dialog import PreflightDialog
from gui.editor.editor_view import REPORT_TAB, SECTION_TAB
from tests.gui.conftest import export_and_wait, type_chinese


def _fill(window: Any, text: str) -> Any:
    section = window.doc.report.sections[0]
    window.editor.outline.select_section(section.id)
    body = window.editor.section_form.body_edit
    body.setFocus()
    type_chinese(body, text)
    return section


def test_clicking_an_item_jumps_to_it_and_does_not_export(
    make_window: Any, new_report: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = make_window()
    new_report(window, None, kind="half_year_summary")
    section = _fill(window, "完成xx项任务。")
    shown: list[list[tuple[str, str]]] = []

    def click_placeholder(dialog: PreflightDialog) -> int:
        rows = [dialog.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.list.count())]
        shown.append([(row.kind, row.section_id) for row in rows])
        target = next(i for i, row in enumerate(rows) if row.kind == PLACEHOLDER_ITEM)
        window.editor.show_report_form()  # somewhere else, so the jump must bring it back
        dialog.list.itemClicked.emit(dialog.list.item(target))
        return dialog.result()

    monkeypatch.setattr(PreflightDialog, "exec", click_placeholder)
    assert export_and_wait(window) is None  # no file dialog was asked for
    kinds = shown[0]
    assert (PLACEHOLDER_ITEM, section.id) in kinds
    assert (EMPTY_SECTION, window.doc.report.sections[1].id) in kinds  # the skeleton's others
    body = window.editor.section_form.body_edit
    assert window.editor.section_form.section_id == section.id
    assert body.textCursor().selectedText() == "xx"
    assert list(tmp_path.iterdir()) == []


def test_export_anyway_writes_the_file_and_cancel_does_not(
    make_window: Any, new_report: Any, answers: Any, tmp_path: Path
) -> None:
    window = make_window()
    new_report(window, None, kind="half_year_summary")
    _fill(window, "完成xx项任务。")
    answers.preflight = "cancel"
    assert export_and_wait(window) is None
    assert answers.asked[-1][0] == "preflight"
    answers.preflight = "export"
    target = tmp_path / "报告.docx"
    answers.save_paths.append(str(target))
    assert export_and_wait(window) == target
    assert target.is_file()


def test_missing_title_is_listed_and_jumps_to_the_title(
    make_window: Any, new_report: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    new_report(window, None, kind="half_year_summary")
    window.doc.set_report_field("title", "")
    window.editor.outline.select_section(window.doc.report.sections[0].id)
    assert window.editor.tabs.currentIndex() == SECTION_TAB
    firsts: list[Any] = []

    def click_first(dialog: PreflightDialog) -> int:
        firsts.append(dialog.list.item(0).data(Qt.ItemDataRole.UserRole))
        dialog.list.itemClicked.emit(dialog.list.item(0))
        return dialog.result()

    monkeypatch.setattr(PreflightDialog, "exec", click_first)
    assert export_and_wait(window) is None
    assert (firsts[0].kind, firsts[0].field) == (MISSING, "title")
    assert window.editor.tabs.currentIndex() == REPORT_TAB
    assert window.focusWidget() is window.editor.report_form.title_edit


def test_signature_layout_is_chosen_in_the_report_form_and_saved(
    make_window: Any, new_report: Any, answers: Any, tmp_path: Path
) -> None:
    from core.draft.draft_file import load_draft

    window = make_window()
    new_report(window, None, kind="half_year_summary")
    box = window.editor.report_form.editors["signature_layout"]
    assert box.currentData() == "unsealed"  # the kind's default (kind.toml)
    box.setCurrentIndex(box.findData("sealed"))
    assert window.doc.report.signature_layout == "sealed"
    window.doc.undo_stack.undo()
    assert box.currentData() == "unsealed"
    window.doc.undo_stack.redo()
    path = tmp_path / "草稿.draft.json"
    answers.save_paths.append(str(path))
    assert window.documents.save_as()
    assert load_draft(path).signature_layout == "sealed"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="未安装 LibreOffice（soffice）")
@pytest.mark.timeout(300)
def test_export_pdf_from_the_file_menu(make_window: Any, new_report: Any, answers: Any, tmp_path: Path) -> None:
    window = make_window()
    new_report(window, None, kind="work_report")
    _fill(window, "各项工作稳步推进。")
    target = tmp_path / "讲话.pdf"
    answers.save_paths.append(str(tmp_path / "讲话"))  # the suffix is added
    export_and_wait(window, start=window.window_actions["export_pdf"].trigger)
    assert target.read_bytes().startswith(b"%PDF-")


def test_export_pdf_without_libreoffice_says_so(
    make_window: Any, new_report: Any, answers: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("core.office.libreoffice.find_soffice", lambda: None)
    window = make_window()
    new_report(window, None, kind="work_report")
    assert export_and_wait(window, pdf=True) is None
    assert answers.asked[-1][0] == "warn" and "导出 PDF 需要 LibreOffice" in answers.asked[-1][1]


def test_an_older_draft_shows_its_kinds_layout(make_window: Any, new_report: Any) -> None:
    window = make_window()
    new_report(window, None, kind="half_year_summary")
    box = window.editor.report_form.editors["signature_layout"]
    box.setCurrentIndex(box.findData("sealed"))
    window.doc.report.signature_layout = ""  # as saved before 落款格式 existed
    window.editor.report_form.sync()
    assert box.currentData() == "unsealed"  # the kind's default, which the export uses


def test_each_row_says_what_was_found_before_where(app: Any, qtbot: Any) -> None:
    from core.checks.preflight import OpenItem

    long_place = "一、上半年工作开展情况 / （一）全面构建人才引育新格局，努力为经济社会高质量发展提供人才支撑 正文第1段第23字"
    dialog = PreflightDialog([OpenItem(PLACEHOLDER_ITEM, "“xx”是占位符，尚未填写。", long_place)])
    qtbot.addWidget(dialog)
    text = dialog.list.item(0).text()
    assert text.startswith("【占位符】“xx”是占位符，尚未填写。") and text.endswith(long_place)
    assert dialog.list.wordWrap()
