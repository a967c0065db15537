"""Start page, 新建报告 dialog, translations, errors, and what the window remembers."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from core.base.errors import DraftFileError
from core.base.paths import config_dir, log_dir
from core.base.settings import Settings, load_settings
from core.draft.draft_file import save_draft
from core.draft.kinds import KINDS_PATH_ENV, load_kinds
from core.draft.model import Report, Section
from gui.dialogs.error_dialog import ErrorDialog, ErrorHandler
from gui.dialogs.new_report_dialog import NewReportDialog
from gui.main_window import EDITOR_PAGE, START_PAGE
from tests.conftest import PROJECT_ROOT, seed_path
from tests.gui.conftest import SETTLE_MS, ended_by, prior_read, read_prior


def _drop(widget: Any, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    widget.dropEvent(event)


def test_qt_standard_buttons_are_chinese(app: QApplication) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "确定"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_start_page_lists_recent_drafts_and_opens_one(make_window: Any, tmp_path: Path, qtbot: Any) -> None:
    draft = tmp_path / "年度总结.draft.json"
    save_draft(Report(title="年度总结", sections=[Section(heading="一项工作")]), draft)
    missing = tmp_path / "已删除.draft.json"
    window = make_window(Settings(recent_drafts=[str(draft), str(missing)]))
    assert window.pages.currentIndex() == START_PAGE
    assert window.windowTitle() == "报告起草助手"
    recent = window.start_page.recent_buttons
    assert len(recent) == 1  # a draft that no longer exists is not offered
    assert recent[0].text() == "年度总结"
    assert str(tmp_path) in recent[0].description()
    assert [a.text() for a in window.window_actions.menu("recent").actions()] == ["年度总结.draft.json"]
    recent[0].click()
    assert window.pages.currentIndex() == EDITOR_PAGE
    assert window.doc.path == draft
    assert window.windowTitle() == "年度总结[*] — 报告起草助手"
    assert not window.isWindowModified()


def test_new_report_dialog_offers_a_kind_that_is_only_a_folder(
    app: QApplication, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KINDS_PATH_ENV, str(PROJECT_ROOT / "tests" / "fixtures" / "kinds"))
    dialog = NewReportDialog(Settings(last_kind="duty_report"))
    qtbot.addWidget(dialog)
    labels = [dialog.kind_list.item(i).text() for i in range(dialog.kind_list.count())]
    assert labels[-1].startswith("述职报告\n") and len(labels) == len(load_kinds())
    assert dialog.kind_id() == "duty_report"
    assert not dialog.plan_radio.isEnabled()  # not a summary: kind.toml has no summary = true


def test_new_report_dialog_offers_kinds_unit_year_and_prior(app: QApplication, qtbot: Any) -> None:
    dialog = NewReportDialog(Settings(unit="某某县委办公室", last_kind="annual_summary"))
    qtbot.addWidget(dialog)
    labels = [dialog.kind_list.item(i).text() for i in range(dialog.kind_list.count())]
    assert len(labels) == len(load_kinds())
    assert all("\n" in label and label.split("\n")[1] for label in labels)  # name + one-line description
    assert dialog.kind_id() == "annual_summary"  # last used kind preselected
    assert dialog.unit_edit.text() == "某某县委办公室"  # unit remembered
    assert not dialog.carry_radio.isEnabled()  # no prior chosen yet
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "创建"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"

    # Dropping last year's report onto the dialog (read in a background task: waited for).
    assert ended_by(dialog.priorRead, lambda: _drop(dialog, seed_path("000")))
    assert dialog.carry_radio.isEnabled() and dialog.carry_radio.isChecked()
    assert dialog.kind_id() == "annual_keypoints"  # recognised from the document
    assert "40 个标题" in dialog.prior_label.text() and "年度工作要点" in dialog.prior_label.text()
    assert dialog.year_spin.value() == 2023  # the year after the prior report's
    dialog.reference_radio.setChecked(True)
    request = dialog.request()
    assert (request.kind_id, request.year, request.unit, request.mode) == (
        "annual_keypoints", 2023, "某某县委办公室", "reference"
    )
    assert request.prior is not None and request.prior_path == seed_path("000")


def test_clerks_kind_choice_wins_over_the_guess(app: QApplication, qtbot: Any) -> None:
    dialog = NewReportDialog(Settings())
    qtbot.addWidget(dialog)
    dialog._select_kind("work_report")
    dialog._kind_clicked()
    assert read_prior(dialog, seed_path("004"))
    assert dialog.kind_id() == "work_report"


def test_unreadable_prior_is_refused_with_a_message(
    app: QApplication, qtbot: Any, answers: Any, tmp_path: Path
) -> None:
    bad = tmp_path / "坏文件.docx"
    bad.write_bytes(b"not a zip")
    dialog = NewReportDialog(Settings())
    qtbot.addWidget(dialog)
    assert not read_prior(dialog, bad)
    assert answers.asked[-1][0] == "warn" and "坏文件.docx" in answers.asked[-1][1]
    assert not dialog.carry_radio.isEnabled()


def test_dropping_a_prior_report_on_the_window_starts_a_new_report(
    make_window: Any, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    window = make_window()
    seen: list[str] = []

    def accept(dialog: NewReportDialog) -> int:
        assert prior_read(dialog)  # the dropped file, read
        seen.append(dialog.prior_label.text())
        return 1

    monkeypatch.setattr(NewReportDialog, "exec", accept)
    _drop(window, seed_path("004"))
    qtbot.waitUntil(lambda: window.doc is not None, timeout=SETTLE_MS)
    assert "004_742d758d5c42f273.txt" in seen[0]
    assert window.doc.report.kind == "half_year_summary"
    settings = load_settings()
    assert settings.unit == "" and settings.last_kind == "half_year_summary"
    assert settings.recent_documents == [str(seed_path("004").resolve())]


def test_reference_only_mode_through_the_window(make_window: Any, new_report: Any) -> None:
    window = make_window()
    new_report(window, seed_path("004"), carry=False)
    report = window.doc.report
    assert [s.heading for s in report.sections] == ["上半年工作开展情况", "存在的问题", "下半年工作计划"]
    window.editor.outline.select_section(report.sections[2].id)
    assert window.panel_host.reference.cards[0].text == "二、下半年工作计划"
    assert "找到上年对应内容" in window.status_text


def test_window_geometry_is_remembered_apart_from_settings(make_window: Any) -> None:
    screen = QApplication.primaryScreen().availableGeometry()
    wanted = (screen.width() - 37, screen.height() - 63)  # restoring clamps to the screen
    window = make_window()
    window.resize(*wanted)
    assert window.close()
    assert (config_dir() / "window.ini").is_file()
    again = make_window(size=None)
    assert (again.size().width(), again.size().height()) == wanted
    settings_file = config_dir() / "settings.json"
    assert not settings_file.exists() or "geometry" not in settings_file.read_text(encoding="utf-8")


def test_splitters_and_panels_are_remembered(make_window: Any, new_report: Any, qtbot: Any) -> None:
    window = make_window()
    new_report(window, seed_path("004"))
    qtbot.wait(50)  # the first-run layout is applied once the editor is shown
    window.editor.setSizes([200, 700])
    window.editor.section_form.splitter.setSizes([120, 300])
    window.panel_host.docks["reference"].hide()
    qtbot.wait(100)  # let the docks settle: the splitter's share is read as the window closes
    sizes = window.editor.sizes()
    form_sizes = window.editor.section_form.splitter.sizes()
    assert window.close()
    assert (config_dir() / "settings.json").is_file()  # the unit etc., in their own file

    again = make_window()
    new_report(again, seed_path("004"))
    qtbot.waitUntil(lambda: again.editor.sizes() == sizes, timeout=SETTLE_MS)
    # Within a pixel or two: the form's height depends on the tab bar, laid out meanwhile.
    restored = again.editor.section_form.splitter.sizes()
    assert all(abs(a - b) <= 2 for a, b in zip(restored, form_sizes, strict=True)), (restored, form_sizes)
    assert not again.panel_host.docks["reference"].isVisible()
    assert again.panel_host.docks["preview"].isVisible()


def test_error_handler_autosaves_logs_and_keeps_running(
    app: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[ErrorDialog] = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: shown.append(self) or 0)
    autosaved: list[bool] = []
    handler = ErrorHandler(lambda: autosaved.append(True) or True, lambda: None)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError:
        handler(*sys.exc_info())  # type: ignore[arg-type]
    assert autosaved == [True]
    dialog = shown[0]
    assert dialog.windowTitle() == "程序出错"
    assert handler.last_log is not None and handler.last_log.parent == log_dir()
    assert "ZeroDivisionError: boom" in handler.last_log.read_text(encoding="utf-8")
    assert "ZeroDivisionError" in dialog.details
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == dialog.details
    assert dialog.copy_button.text() == "已复制"


def test_error_handler_shows_report_errors_plainly(app: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text: messages.append(text)))
    handler = ErrorHandler(lambda: True, lambda: None)
    error = DraftFileError("x.draft.json", "文件不存在，可能已被移动或删除。")
    handler(type(error), error, None)
    assert messages == ["无法打开草稿“x.draft.json”：文件不存在，可能已被移动或删除。"]
    assert handler.last_log is None  # an expected problem is not a crash


def test_exception_in_a_slot_reaches_the_handler_and_the_draft_is_autosaved(
    make_window: Any, new_report: Any, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    window = make_window()
    new_report(window, seed_path("004"))
    window.autosave.forget()
    shown: list[str] = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: shown.append(self.details) or 0)
    handler = ErrorHandler(window.documents.emergency_autosave, lambda: window)
    monkeypatch.setattr(sys, "excepthook", handler)
    with qtbot.capture_exceptions() as caught:
        monkeypatch.setattr(window.editor.outline, "current_id", lambda: 1 / 0)
        window.editor.outline.add_child_action.trigger()
    for exc_type, exc, tb in caught:
        handler(exc_type, exc, tb)
    assert shown and "ZeroDivisionError" in shown[0]
    assert window.session.autosave_file.is_file()
    assert window.isVisible() and window.doc is not None


def test_the_start_pages_draft_suffix_is_the_draft_formats() -> None:
    from core.draft.draft_file import DRAFT_SUFFIX
    from gui.dialogs.file_dialogs import DRAFT_SUFFIX as SHOWN_SUFFIX
    from gui.dialogs.file_dialogs import draft_display_name, is_draft

    assert SHOWN_SUFFIX == DRAFT_SUFFIX
    assert draft_display_name(Path("a/2023年工作要点.draft.json")) == "2023年工作要点"
    assert draft_display_name(Path("a/上年报告.docx")) == "上年报告.docx"
    assert is_draft(Path("X.DRAFT.JSON")) and not is_draft(Path("x.json"))


def test_the_window_opens_every_format_the_importer_reads() -> None:
    """A file the importer reads, opened by 文件 ▸ 打开 or dropped, is imported (an .rtf was
    taken for a damaged draft: "文件内容已损坏…可尝试打开 .bak 备份")."""
    from core.office.formats import SUPPORTED_SUFFIXES
    from gui.dialogs.file_dialogs import OPEN_FILTER, PRIOR_FILTER, PRIOR_SUFFIXES, is_importable

    assert sorted(PRIOR_SUFFIXES) == sorted(SUPPORTED_SUFFIXES)
    for suffix in SUPPORTED_SUFFIXES:
        assert is_importable(Path(f"上年报告{suffix.upper()}"))
        assert f"*{suffix} " in PRIOR_FILTER.replace(")", " ") and f"*{suffix} " in OPEN_FILTER.replace(")", " ")
    assert not is_importable(Path("上年报告.draft.json")) and not is_importable(Path("上年报告.pdf"))
