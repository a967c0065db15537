"""GUI test fixtures: the real main window, with every modal question answered by the test.

A modal dialog in an offscreen test would wait forever, so the app's questions
(gui.dialogs.prompts) and Qt's file dialogs are replaced here; a test that expects a question
sets the answer, and an unexpected question fails the test instead of hanging it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from core.base.settings import Settings
from gui.dialogs import prompts
from tests.conftest import seed_path

# How long a GUI test waits for something that must happen (a debounced update, a file the app
# writes, a layout settling): the wait ends as soon as it happens, so the figure matters only
# on a machine so busy that a tighter one would fail by chance. How fast it happens is
# benchmarks/' business, never a test's.
SETTLE_MS = 30_000


def ended_by(signal: Any, start: Callable[[], object], seconds: float = 10 * SETTLE_MS / 1000) -> Any:
    """Call ``start`` and wait for ``signal``, which ends work the window continues in background
    tasks' callbacks (gui/workers.py); returns the signal's argument. The bound is for a machine
    so busy that LibreOffice crawls, not a measure of speed."""
    import time

    ended: list[object] = []

    def finished(value: object) -> None:
        ended.append(value)

    signal.connect(finished)
    try:
        assert start() is not False, "the work was not started"
        deadline = time.monotonic() + seconds
        while not ended:
            assert time.monotonic() < deadline, "the work never ended"
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.002)
    finally:
        signal.disconnect(finished)
    assert len(ended) == 1
    return ended[0]


def review_imported(window: Any, path: Path) -> bool:
    """导入审阅稿 of ``path``, waiting until it ends (``finished``): True when it shows."""
    return bool(ended_by(window.review.finished, lambda: window.review.import_review(path)))


def until_told(answers: Any, start: Callable[[], object], seconds: float = 10 * SETTLE_MS / 1000) -> None:
    """Call ``start`` (a menu action's trigger) and wait until the app says something (a message
    box, answered by the ``answers`` fixture): work that ends in a background task's callback."""
    import time

    count = len(answers.asked)
    start()
    deadline = time.monotonic() + seconds
    while len(answers.asked) == count:
        assert time.monotonic() < deadline, "the work never ended"
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.002)


def manager_settled(manager: Any, seconds: float = 10 * SETTLE_MS / 1000) -> Any:
    """Wait until 管理资料库 has every answer it asked the library for (it reads and corrects in
    background tasks); returns the manager."""
    import time

    deadline = time.monotonic() + seconds
    while manager.is_busy():
        assert time.monotonic() < deadline, "管理资料库 never got its answer"
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.002)
    return manager


def read_prior(dialog: Any, path: Path, dropped: bool = False) -> bool:
    """The 新建报告 dialog reads ``path`` (as 选择文件… or a drop does), waiting until it is read
    and shown (``priorRead``: True), or refused (False)."""
    return bool(ended_by(dialog.priorRead, lambda: dialog.set_prior(path, dropped=dropped)))


def prior_read(dialog: Any) -> bool:
    """Wait for the reading the 新建报告 dialog started by itself (a file it was opened with)."""
    return bool(ended_by(dialog.priorRead, lambda: None))


def export_and_wait(window: Any, pdf: bool = False, start: Callable[[], object] | None = None) -> Path | None:
    """导出 (or ``start``: a menu action's trigger), waiting for its end (``exportFinished``:
    the file, or None)."""
    return ended_by(window.documents.exportFinished, start or (lambda: window.documents.export_word(pdf=pdf)))


def created(window: Any, start: Callable[[], object] | None = None) -> bool:
    """新建报告 (or ``start``: create_report with a request), waiting until the report is made
    and shown (``creationFinished``)."""
    return bool(ended_by(window.documents.creationFinished, start or window.documents.new_report))


@dataclass
class Answers:
    """What the patched dialogs return, and a record of what was asked."""

    save_changes: str = prompts.DISCARD
    open_locked: bool | None = None
    overwrite: bool | None = None
    save_elsewhere: bool | None = None
    preflight: str = "export"  # the export pre-flight dialog: "export" (仍然导出) or "cancel"
    changed_on_disk: str | None = None  # prompts.OVERWRITE / SAVE_AS / CANCEL
    delete_section: bool = True  # 删除标题 on a part that holds text: 删除 (or 取消)
    replace_attachment: bool | None = None  # 从文件导入附件 of a name already there: 替换 (or 取消)
    save_paths: list[str] = field(default_factory=list)  # QFileDialog.getSaveFileName, in order
    open_paths: list[str] = field(default_factory=list)  # QFileDialog.getOpenFileName, in order
    asked: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)

    def take(self, queue: list[str], kind: str) -> str:
        if not queue:
            raise AssertionError(f"unexpected file dialog: {kind}")
        return queue.pop(0)


def _unexpected(name: str) -> Callable[..., Any]:
    def fail(*_args: object, **_kwargs: object) -> Any:
        raise AssertionError(f"unexpected modal dialog: {name}")

    return fail


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> Iterator[Answers]:
    state = Answers()

    def save_changes(_parent: object, name: str) -> str:
        state.asked.append(("save_changes", name))
        return state.save_changes

    def answer(kind: str, value_of: Callable[[], bool | None]) -> Callable[..., bool]:
        def ask(_parent: object, *args: object) -> bool:
            state.asked.append((kind, " ".join(str(a) for a in args)))
            value = value_of()
            if value is None:
                raise AssertionError(f"unexpected question: {kind} {args}")
            return value

        return ask

    def warn(_parent: object, title: str, text: str) -> None:
        state.asked.append(("warn", f"{title}：{text}"))

    monkeypatch.setattr(prompts, "ask_save_changes", save_changes)
    monkeypatch.setattr(prompts, "ask_open_locked", answer("open_locked", lambda: state.open_locked))
    monkeypatch.setattr(prompts, "ask_overwrite", answer("overwrite", lambda: state.overwrite))
    monkeypatch.setattr(prompts, "ask_save_elsewhere", answer("save_elsewhere", lambda: state.save_elsewhere))
    monkeypatch.setattr(prompts, "warn", warn)
    monkeypatch.setattr(prompts, "ask_delete_section", answer("delete_section", lambda: state.delete_section))
    monkeypatch.setattr(
        prompts, "ask_replace_attachment", answer("replace_attachment", lambda: state.replace_attachment)
    )

    def changed_on_disk(_parent: object, path: Path) -> str:
        state.asked.append(("changed_on_disk", str(path)))
        if state.changed_on_disk is None:
            raise AssertionError(f"unexpected question: changed_on_disk {path}")
        return state.changed_on_disk

    monkeypatch.setattr(prompts, "ask_changed_on_disk", changed_on_disk)
    monkeypatch.setattr(prompts, "inform", lambda _p, title, text: state.asked.append(("inform", text)))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (state.take(state.save_paths, "save"), ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (state.take(state.open_paths, "open"), ""))
    )
    from gui.dialogs.preflight_dialog import PreflightDialog

    def preflight(dialog: PreflightDialog) -> int:
        state.asked.append(("preflight", str(dialog.list.count())))
        button = dialog.export_button if state.preflight == "export" else dialog.cancel_button
        button.click()
        return dialog.result()

    monkeypatch.setattr(PreflightDialog, "exec", preflight)
    for name in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(_unexpected(f"QMessageBox.{name}")))
    yield state


def type_chinese(widget: Any, text: str) -> None:
    """Type as a Chinese input method does: each phrase arrives as a committed string.

    (QTest.keyClicks cannot send characters that have no key on the keyboard.)
    """
    from PySide6.QtGui import QInputMethodEvent

    for chunk in [text[i : i + 4] for i in range(0, len(text), 4)]:
        event = QInputMethodEvent("", [])
        event.setCommitString(chunk)
        QApplication.sendEvent(widget, event)


def append_chinese(edit: Any, text: str) -> None:
    """Click to the end of a text field's content, then type."""
    from PySide6.QtGui import QTextCursor

    edit.moveCursor(QTextCursor.MoveOperation.End)
    type_chinese(edit, text)


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    from gui.app import create_application
    from gui.collector import collect_on_gui_thread

    application = create_application()
    yield application
    # The collector turns automatic collection off for the app's life. It stays off here:
    # pytest-qt still processes the window's events after this (a preview slice lays out) while
    # a panel's worker may still be checking the draft, and a collection on that worker frees Qt
    # objects there and deadlocks with the GUI thread (seen in CI). It stays off for the session;
    # every later test collects what is due on the main thread (tests/conftest.py).
    collector = collect_on_gui_thread(application)
    collector.stop(resume_automatic=False)
    if collector.automatic_was_on:
        from tests.conftest import AUTOMATIC_COLLECTION_OWED

        AUTOMATIC_COLLECTION_OWED.set()
    collector.setParent(None)  # gone with this reference: the next test makes its own


@pytest.fixture
def make_window(app: QApplication, qtbot: Any) -> Callable[..., Any]:
    """Build real main windows; autosave after 0.2 s so tests need not wait long."""
    from gui.main_window import MainWindow

    def make(settings: Settings | None = None, size: tuple[int, int] | None = (1400, 900)) -> MainWindow:
        window = MainWindow(settings or Settings(autosave_seconds=1.0))
        window.autosave._timer.setInterval(200)
        qtbot.addWidget(window)
        if size is not None:
            window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def fill_new_report_dialog(dialog: Any, prior: Path | None, *, carry: bool = True, unit: str = "某某区委组织部",
                           kind: str | None = None, mode: str | None = None) -> int:
    """Fill in the 新建报告 dialog as a clerk would and press 创建 (returns what exec would).

    ``mode`` (a core.reuse.new_draft mode) picks the matching choice; else ``carry`` picks
    沿用上年提纲 or 仅作参考."""
    from core.reuse.new_draft import CARRY_OUTLINE, CARRY_TEXT, FROM_PLAN, REFERENCE_ONLY

    dialog.unit_edit.setText(unit)
    if prior is not None:
        # Dropped onto the dialog: the kind it looks like is taken unless the test names one.
        assert read_prior(dialog, prior, dropped=kind is None)
    if kind is not None:
        dialog._select_kind(kind)
    radios = {CARRY_OUTLINE: dialog.carry_radio, REFERENCE_ONLY: dialog.reference_radio,
              CARRY_TEXT: dialog.carry_text_radio, FROM_PLAN: dialog.plan_radio}
    chosen = mode if mode is not None else (CARRY_OUTLINE if carry else REFERENCE_ONLY)
    if prior is None and mode is None:
        return 1  # no prior document: the choices do not apply
    radio = radios[chosen]
    assert radio.isEnabled() and radio.isVisibleTo(dialog), f"{chosen} is not offered"
    radio.setChecked(True)
    assert dialog.mode() == chosen
    return 1


@pytest.fixture
def new_report(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Create a report through the real 新建报告 dialog, filled in as a clerk would."""
    from gui.dialogs.new_report_dialog import NewReportDialog

    def create(window: Any, prior: Path | None, carry: bool = True, unit: str = "某某区委组织部",
               kind: str | None = None, mode: str | None = None) -> None:
        """See :func:`fill_new_report_dialog`."""

        def fill_in(dialog: NewReportDialog) -> int:
            return fill_new_report_dialog(dialog, prior, carry=carry, unit=unit, kind=kind, mode=mode)

        monkeypatch.setattr(NewReportDialog, "exec", fill_in)
        assert created(window)

    return create


def section_typed_into(make_window: Callable[..., Any], new_report: Callable[..., None]) -> tuple[Any, Any]:
    """A window with a draft carried over from seed 004, its second section open in the form
    and its 正文 focused, ready for typing: (window, that section)."""
    window = make_window()
    new_report(window, seed_path("004"), carry=True)
    target = window.doc.report.sections[0].children[1]
    window.editor.outline.select_section(target.id)
    window.editor.section_form.body_edit.setFocus()
    return window, target
