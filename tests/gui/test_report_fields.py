"""主送机关 in the window: the 报告信息 form edits it, and it survives save, reopen, export, import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.draft.fields import form_fields
from core.importing.importer import import_document
from tests.conftest import seed_path
from tests.gui.conftest import type_chinese


def test_the_form_has_a_row_for_every_field_of_the_table(make_window: Any, new_report: Any) -> None:
    window = make_window()
    new_report(window, seed_path("004"))
    assert list(window.editor.report_form.editors) == [f.name for f in form_fields()]


def test_addressee_edit_save_reopen_export_reimport(
    make_window: Any, new_report: Any, answers: Any, qtbot: Any, tmp_path: Path
) -> None:
    window = make_window()
    new_report(window, seed_path("004"))
    window.report_info_action.trigger()
    edit = window.editor.report_form.editors["addressee"]
    edit.setFocus()
    type_chinese(edit, "区委")
    assert window.doc.report.addressee == "区委"
    assert window.undo_action.text().endswith("修改主送机关")

    draft = tmp_path / "上半年.draft.json"
    answers.save_paths.append(str(draft))
    assert window.save()
    assert window.close_document()
    assert window.open_draft(draft)
    window.report_info_action.trigger()
    assert window.editor.report_form.editors["addressee"].text() == "区委"

    out = tmp_path / "上半年.docx"
    answers.save_paths.append(str(out))
    window.export_action.trigger()
    qtbot.waitUntil(out.is_file, timeout=10_000)
    back = import_document(out).report
    assert back.addressee == "区委"
    assert back.title == window.doc.report.title
