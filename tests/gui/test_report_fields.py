"""主送机关 in the window: the 报告信息 form edits it, and it survives save, reopen, export, import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.draft.fields import form_fields
from core.importing.importer import import_document
from tests.conftest import seed_path
from tests.gui.conftest import export_and_wait, type_chinese


def test_the_form_has_a_row_for_every_field_of_the_table(make_window: Any, new_report: Any) -> None:
    window = make_window()
    new_report(window, seed_path("004"))
    assert list(window.editor.report_form.editors) == [f.name for f in form_fields()]


def test_addressee_edit_save_reopen_export_reimport(
    make_window: Any, new_report: Any, answers: Any, qtbot: Any, tmp_path: Path
) -> None:
    window = make_window()
    new_report(window, seed_path("004"))
    window.window_actions["report_info"].trigger()
    edit = window.editor.report_form.editors["addressee"]
    edit.setFocus()
    type_chinese(edit, "区委")
    assert window.doc.report.addressee == "区委"
    assert window.window_actions["undo"].text().endswith("修改主送机关")

    draft = tmp_path / "上半年.draft.json"
    answers.save_paths.append(str(draft))
    assert window.documents.save()
    assert window.documents.close_document()
    assert window.documents.open_draft(draft)
    window.window_actions["report_info"].trigger()
    assert window.editor.report_form.editors["addressee"].text() == "区委"

    out = tmp_path / "上半年.docx"
    answers.save_paths.append(str(out))
    export_and_wait(window, start=window.window_actions["export"].trigger)
    qtbot.waitUntil(out.is_file, timeout=10_000)
    back = import_document(out).report
    assert back.addressee == "区委"
    assert back.title == window.doc.report.title


def test_the_date_field_is_chinese_and_takes_dates_as_typed(make_window: Any, new_report: Any, qtbot: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit, QToolButton

    window = make_window()
    new_report(window, None, kind="half_year_summary")
    doc = window.doc
    window.editor.show_report_form()
    row = window.editor.report_form.date_row
    row.box.setChecked(True)
    edit = row.edit
    calendar = edit.calendarWidget()
    assert edit.locale().name() == calendar.locale().name() == "zh_CN"
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    month = calendar.findChild(QToolButton, "qt_calendar_monthbutton")
    assert month.text().endswith("月")  # "七月", not "July"
    assert edit.text().endswith("日")

    line = edit.findChild(QLineEdit)
    for typed, stored in (("2024-7-1", "2024-07-01"), ("20240915", "2024-09-15"), ("2024.3.8", "2024-03-08"),
                          ("2024/12/31", "2024-12-31"), ("2024年7月1日", "2024-07-01")):
        edit.setFocus()
        line.selectAll()
        if typed.isascii():
            qtbot.keyClicks(line, typed)
        else:
            type_chinese(line, typed)  # typed through the input method
        qtbot.keyClick(line, Qt.Key.Key_Return)
        assert doc.report.date == stored, typed
        assert edit.text() == window.editor.report_form.date_row.edit.date().toString("yyyy年M月d日")

    # Not a date: refused keys leave the field as it was, and nothing is stored.
    line.selectAll()
    qtbot.keyClicks(line, "abc")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert doc.report.date == "2024-07-01" and edit.text() == "2024年7月1日"
    window.window_actions["undo"].trigger()
    assert doc.report.date != "2024-07-01"


def test_text_pasted_into_a_heading_or_the_title_stays_one_line(make_window: Any, new_report: Any) -> None:
    """Found while writing the random clerks' paste: a QLineEdit keeps a pasted line break, so a
    heading held two lines, and every plain-text copy of the draft (资料库, round trips) split it."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from core.text.plaintext import report_text

    window = make_window()
    new_report(window, seed_path("004"))
    report = window.doc.report
    section = report.sections[0]
    window.editor.outline.select_section(section.id)
    heading = window.editor.section_form.heading_edit
    QApplication.clipboard().setText("加强班子\n建设 \r\n Team\nWork\n")
    heading.setFocus()
    heading.end(False)
    QTest.keyClick(heading, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert section.heading.endswith("加强班子建设Team Work")
    assert heading.text() == section.heading
    assert any(line.endswith(section.heading) for line in report_text(report).split("\n"))

    window.window_actions["report_info"].trigger()
    title = window.editor.report_form.title_edit
    title.setFocus()
    title.selectAll()
    QTest.keyClick(title, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert report.title == "加强班子建设Team Work"

    # The rule, in core: for typing and for replacing alike.
    from core.text.lines import one_line
    from core.text.textslots import edited_fields

    assert one_line("第一行\n　第二行") == "第一行第二行" and one_line("a\nb") == "a b" and one_line(" 无换行 ") == " 无换行 "
    assert edited_fields(report, {(section.id, "heading", 0): "上半句\n下半句"}) == {(section.id, "heading"): "上半句下半句"}


def test_typing_after_a_character_beyond_the_bmp_keeps_the_order(make_window: Any, new_report: Any) -> None:
    """Found while marking flags: the one-line validator measured Qt's cursor (UTF-16 units) in
    characters, so after a rare character of a name (𬍛, two units) it put the cursor back one
    place and the next characters typed went in before the last one."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from gui.editor.widgets import index_at
    from tests.gui.conftest import type_chinese

    window = make_window()
    new_report(window, seed_path("004"))
    section = window.doc.report.sections[0]
    window.editor.outline.select_section(section.id)
    heading = window.editor.section_form.heading_edit
    heading.setFocus()
    heading.selectAll()
    for chunk in ("王𬍛", "同志", "带队𠀀", "调研"):
        type_chinese(heading, chunk)
    assert section.heading == heading.text() == "王𬍛同志带队𠀀调研"
    assert heading.cursorPosition() == 11  # after the last character, in UTF-16 units

    # A paste with a line break goes through the validator's other branch.
    QApplication.clipboard().setText("𬍛一\n二")
    QTest.keyClick(heading, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    type_chinese(heading, "三")
    assert section.heading == "王𬍛同志带队𠀀调研𬍛一二三"

    assert [index_at("a𬍛b", units) for units in range(5)] == [0, 1, 2, 2, 3]
