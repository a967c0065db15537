"""The document lifecycle of one window: new, open, save, export, close and recover a draft.

The controller decides and talks to core (draft files, rendering, the session's autosave
and lock). It never calls into the window it serves: it tells it by signal what to show
(``documentReady``, ``panelWanted``, ``jumpWanted``, ``status``) and what to keep in the library
(``forLibrary``); the window passes it the document shown (:meth:`document_shown`) and is the
parent of its dialogs, nothing more (tests/gui/test_window_wiring.py walks this file's AST).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from core.base.errors import Cancelled, ReportError, SaveFailed
from core.base.settings import Settings, push_recent, save_settings
from gui.dialogs import prompts
from gui.dialogs.file_dialogs import (
    DRAFT_SUFFIX,
    OPEN_FILTER,
    PDF_FILTER,
    WORD_FILTER,
    is_draft,
    is_importable,
    safe_file_name,
    with_suffix,
)
from gui.dialogs.modal import used_once

if TYPE_CHECKING:
    from core.checks.preflight import OpenItem
    from core.draft.model import Report
    from core.draft.session import Autosave, Session
    from core.reuse.new_draft import NewDraft
    from gui.autosave import AutosaveController
    from gui.dialogs.new_report_dialog import NewReportRequest
    from gui.document import DraftDocument


class DocumentController(QObject):
    status = Signal(str, int)  # a message for the status bar and how long to show it (ms)
    recentChanged = Signal()  # the recent-drafts list changed
    saved = Signal()  # the open draft was written to its file
    autosaved = Signal(str)
    documentReady = Signal(object)  # a DraftDocument to show, or None: back to the start page
    panelWanted = Signal(str)  # a panel to bring forward, by its name in gui/window_panels.py
    panelToFront = Signal(str)  # the same, but only if the clerk keeps it open (never reopened)
    jumpWanted = Signal(object)  # a Place to show in the editor
    forLibrary = Signal(object, object, str)  # a Report, the file it came from or went to, its source
    exportFinished = Signal(object)  # the file an export wrote, or None (cancelled, refused, failed)
    creationFinished = Signal(bool)  # a report started by create_report was made and shown, or not
    # Before every save, export, autosave and close: what is still typed in an open item editor
    # (a table cell) goes into the draft first (the window commits it: gui/editor/widgets.py).
    editsPending = Signal()

    def __init__(self, dialog_parent: QWidget, settings: Settings) -> None:
        super().__init__(dialog_parent)
        self._dialog_parent = dialog_parent  # only ever the parent of a dialog, never called
        self.settings = settings
        self._doc: DraftDocument | None = None  # the document the window shows
        self._session: Session | None = None
        self._autosave: AutosaveController | None = None
        self._shared_knowingly: Path | None = None  # opened although another window has it
        self._stopping = False  # the window waits for its work to end before it closes

    def _agreed_to_share(self, path: Path) -> bool:
        """The clerk was already asked about the window holding ``path`` (ask once, not twice)."""
        agreed, self._shared_knowingly = self._shared_knowingly == path.resolve(), None
        return agreed

    @property
    def doc(self) -> DraftDocument | None:
        return self._doc

    # Created on first use (a draft opened): the start page shows without them.
    @property
    def session(self) -> Session:
        if self._session is None:
            from core.draft.session import Session

            self._session = Session()
        return self._session

    @property
    def autosave(self) -> AutosaveController:
        if self._autosave is None:
            from gui.autosave import AutosaveController

            self._autosave = AutosaveController(self.session, self.settings.autosave_seconds, self)
            self._autosave.saved.connect(self.autosaved.emit)
            self._autosave.aboutToWrite.connect(self.editsPending.emit)
            self._autosave.failed.connect(lambda message: self.status.emit(message, 10000))
        return self._autosave

    def store_settings(self) -> None:
        try:
            save_settings(self.settings)
        except SaveFailed as exc:
            self.status.emit(f"无法保存设置：{exc}", 8000)

    def document_shown(self, doc: DraftDocument | None) -> None:
        """After the window switched documents: autosave and lock follow the new one."""
        self._doc = doc
        self.autosave.watch(doc)
        if doc is not None and doc.path is not None:
            holder = self.session.lock(doc.path)
            if holder is not None and not self._agreed_to_share(doc.path):
                prompts.tell_locked(self._dialog_parent, doc.path, holder)
        else:
            self.session.unlock()

    def needs_save(self) -> bool:
        doc = self.doc
        if doc is None or not shiboken6.isValid(doc.undo_stack):
            return False  # the process is ending and Qt has already dropped the document
        return doc.is_modified() or doc.path is None or doc.unsaved

    def emergency_autosave(self) -> bool:
        """Before an error dialog: write what the clerk has, whatever else is broken."""
        return self.autosave.flush() if self.doc is not None else True

    def stop_work(self) -> bool:
        """The window wants to close while work runs for it: cancel what can stop (an export's
        rendering), start nothing after what cannot (no save dialog after the pre-flight).
        True when something was cancelled."""
        from gui.workers import running_for

        self._stopping = True
        cancelled = [task.cancel() for task in running_for(self._dialog_parent)]
        return any(cancelled)

    def work_stopped(self) -> None:
        """The work has ended (the window closes, or the clerk kept it open)."""
        self._stopping = False

    def shutdown(self) -> None:
        """The window is closing (the clerk already agreed to leave the draft)."""
        self._doc = None
        if self._autosave is not None:
            self._autosave.watch(None)
        if self._session is not None:
            self._session.close()

    # ---- new, open, save ------------------------------------------------------------------------

    def confirm_discard(self) -> bool:
        """True when the open draft may be replaced or closed (saved, or the clerk said so)."""
        self.editsPending.emit()
        if self.doc is None or not self.needs_save():
            return True
        answer = prompts.ask_save_changes(self._dialog_parent, self.doc.display_name)
        if answer == prompts.SAVE:
            return self.save()
        if answer == prompts.DISCARD:
            self.autosave.forget()
            return True
        return False

    def new_report(self, prior_path: Path | None = None) -> bool:
        if not self.confirm_discard():
            return False
        from gui.dialogs.new_report_dialog import NewReportDialog

        with used_once(NewReportDialog(self.settings, prior_path, self._dialog_parent)) as dialog:
            if not dialog.exec():
                return False
            request = dialog.request()
        return self.create_report(request)

    def create_report(self, request: object) -> bool:
        """Start making the draft a NewReportRequest asks for; it is shown (unsaved) once made,
        in a background task's callback, and ``creationFinished`` says how it ended. True: started."""
        from core.reuse.new_draft import new_draft
        from gui.dialogs.new_report_dialog import NewReportRequest
        from gui.workers import start_in_background

        assert isinstance(request, NewReportRequest)
        prior = request.prior.report if request.prior is not None else None
        # Carrying a thousand-page report over takes a second or more: off the GUI thread.
        start_in_background(
            self._dialog_parent, "正在生成新报告…", new_draft, request.kind_id, request.year, request.unit, prior,
            request.mode, on_done=lambda draft: self._created(request, draft), on_failed=self._creation_failed,
        )
        return True

    def _creation_failed(self, error: BaseException) -> None:
        self.creationFinished.emit(False)
        if not isinstance(error, ReportError):
            raise error  # not the clerk's doing: the app's error handler (gui/app.py) shows it
        prompts.warn(self._dialog_parent, "无法新建报告", str(error))

    def _created(self, request: NewReportRequest, draft: NewDraft) -> None:
        from gui.document import DraftDocument

        self.settings.unit = request.unit
        self.settings.last_kind = request.kind_id
        if request.prior_path is not None:
            self.settings.recent_documents = push_recent(self.settings.recent_documents, request.prior_path)
            self.settings.last_folder = str(request.prior_path.parent)
        self.store_settings()
        if request.prior_path is not None and not draft.report.prior_source:
            draft.report.prior_source = request.prior_path.name
        doc = DraftDocument(draft.report, None)
        doc.unsaved = True
        self.documentReady.emit(doc)
        self.autosave.flush()  # an import is work worth keeping even before the first edit
        if request.prior is not None and request.prior_path is not None:
            from core.library import SOURCE_IMPORT

            self.forLibrary.emit(request.prior.report, request.prior_path, SOURCE_IMPORT)
        # In front: the tab the status line names (待核实, or 上年参考/今年工作要点 where the prior
        # shows), not the one left from the previous draft; a pane the clerk closed stays closed.
        if draft.review_flags:
            self.panelWanted.emit("flags")
        elif request.prior is not None:
            self.panelToFront.emit("reference")
        warnings = request.prior.warnings if request.prior is not None else []
        self.status.emit("　".join([*draft.notes, *warnings]), 30000 if draft.review_flags or warnings else 15000)
        self.creationFinished.emit(True)

    def open_draft(self, path: Path | None = None) -> bool:
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            start = self.settings.last_folder or str(Path.home())
            chosen, _ = QFileDialog.getOpenFileName(self._dialog_parent, "打开草稿", start, OPEN_FILTER)
            if not chosen:
                return False
            path = Path(chosen)
        if not is_draft(path) and is_importable(path):
            return self.new_report(prior_path=path)
        if not is_draft(path):  # a .pdf, .xlsx, .png… chosen under 所有文件: never read as a draft
            from core.importing.readers import check_suffix

            try:
                check_suffix(path)
            except ReportError as exc:
                prompts.warn(self._dialog_parent, "无法打开文件", f"{exc}\n报告草稿（{DRAFT_SUFFIX}）可以直接打开。")
                return False
        doc = self.doc
        if doc is not None and doc.path is not None and doc.path.resolve() == path.resolve():
            return True  # already open here
        holder = self.session.lock_holder(path)
        if holder is not None and not prompts.ask_open_locked(self._dialog_parent, path, holder):
            return False
        self._shared_knowingly = path.resolve() if holder is not None else None
        if not self.confirm_discard():
            return False
        from core.draft.draft_file import read_draft
        from gui.document import DraftDocument

        try:
            report, sha = read_draft(path)
        except ReportError as exc:
            prompts.warn(self._dialog_parent, "无法打开草稿", str(exc))
            return False
        self.session.remember_disk(path, sha)
        self.autosave.forget()
        self.documentReady.emit(DraftDocument(report, path))
        self._remember_draft(path)
        return True

    def _remember_draft(self, path: Path) -> None:
        self.settings.recent_drafts = push_recent(self.settings.recent_drafts, path)
        self.settings.last_folder = str(path.parent)
        self.store_settings()
        self.recentChanged.emit()

    def save(self) -> bool:
        self.editsPending.emit()
        if self.doc is None:
            return False
        if self.doc.path is None:
            return self.save_as()
        return self._write_draft(self.doc.path)

    def save_as(self) -> bool:
        self.editsPending.emit()
        doc = self.doc
        if doc is None:
            return False
        folder = Path(self.settings.last_folder) if self.settings.last_folder else Path.home()
        suggested = folder / (safe_file_name(doc.report.title, "未命名报告") + DRAFT_SUFFIX)
        if doc.path is not None:
            suggested = doc.path
        from PySide6.QtWidgets import QFileDialog

        from gui.dialogs.file_dialogs import DRAFT_FILTER

        chosen, _ = QFileDialog.getSaveFileName(self._dialog_parent, "保存草稿", str(suggested), DRAFT_FILTER)
        if not chosen:
            return False
        path = with_suffix(chosen, DRAFT_SUFFIX)
        holder = self.session.lock_holder(path)
        if holder is not None and not prompts.ask_open_locked(self._dialog_parent, path, holder):
            return False
        return self._write_draft(path)

    def _write_draft(self, path: Path) -> bool:
        from core.draft.history import save_and_keep

        doc = self.doc
        assert doc is not None
        if self.session.changed_on_disk(path):
            answer = prompts.ask_changed_on_disk(self._dialog_parent, path)
            if answer == prompts.SAVE_AS:
                return self.save_as()
            if answer != prompts.OVERWRITE:
                return False
        try:
            sha, note = save_and_keep(doc.report, path)
        except SaveFailed as exc:
            if prompts.ask_save_elsewhere(self._dialog_parent, str(exc)):
                return self.save_as()
            return False
        doc.path = path
        doc.unsaved = False
        doc.undo_stack.setClean()
        self.session.remember_disk(path, sha)
        self.session.lock(path)
        self.autosave.forget()
        self._remember_draft(path)
        self.saved.emit()
        self.status.emit(note or f"已保存：{path}", 10000 if note else 5000)
        return True

    def show_history(self) -> bool:
        """文件 ▸ 历史版本…; True when a version was restored."""
        if self.doc is None or self.doc.path is None:
            return False
        from gui.dialogs.history_dialog import HistoryDialog

        with used_once(HistoryDialog(self.doc, self._dialog_parent)) as dialog:
            dialog.exec()
            return dialog.restored

    def close_document(self) -> bool:
        if not self.confirm_discard():
            return False
        self.autosave.forget()
        self.documentReady.emit(None)
        self.recentChanged.emit()
        return True

    # ---- export ---------------------------------------------------------------------------------

    def export_word(self, pdf: bool = False) -> None:
        """Export through the rendering pipeline (``pdf``: then LibreOffice); a failed target
        never touches the draft. The pre-flight and the rendering run as background tasks
        (gui/workers.py) and the export goes on in their callbacks; every export ends with
        ``exportFinished`` (the file written, or None)."""
        self.editsPending.emit()
        doc = self.doc
        if doc is None:
            self.exportFinished.emit(None)
            return
        if pdf:
            from core.render.pdf import NO_LIBREOFFICE, pdf_available

            if not pdf_available():
                prompts.warn(self._dialog_parent, "无法导出 PDF", NO_LIBREOFFICE)
                self.exportFinished.emit(None)
                return
        from gui.workers import start_in_background

        # Off the GUI thread: on a thousand-page draft the checks take seconds.
        start_in_background(
            self._dialog_parent, "正在做导出前检查…", _before_export, doc.report,
            on_done=lambda found: self._preflight_done(doc, pdf, *found),
            on_failed=self._export_failed,
        )

    def _preflight_done(self, doc: DraftDocument, pdf: bool, items: list[OpenItem], proofreading: str) -> None:
        if self._stopping or doc is not self.doc or not self._preflight_passed(items, proofreading):
            self.exportFinished.emit(None)
            return
        suffix = ".pdf" if pdf else ".docx"
        folder = self.settings.last_folder or str(Path.home())
        self._choose_target(doc, pdf, proofreading, str(Path(folder) / (safe_file_name(doc.report.title, "报告") + suffix)))

    def _choose_target(self, doc: DraftDocument, pdf: bool, proofreading: str, suggested: str) -> None:
        """Ask where to write (again after a target that could not be written), then render."""
        from PySide6.QtWidgets import QFileDialog

        from core.draft.model import report_from_dict, to_dict
        from core.render.export import export_report
        from gui.workers import start_in_background

        suffix, title, file_filter = (".pdf", "导出 PDF", PDF_FILTER) if pdf else (".docx", "导出 Word 文档", WORD_FILTER)
        while True:
            chosen, _ = QFileDialog.getSaveFileName(
                self._dialog_parent, title, suggested, file_filter, "",
                QFileDialog.Option.DontConfirmOverwrite,
            )
            if not chosen:
                self.exportFinished.emit(None)
                return
            target = with_suffix(chosen, suffix)
            suggested = str(target)
            if not target.exists() or prompts.ask_overwrite(self._dialog_parent, target):
                break
        snapshot = report_from_dict(to_dict(doc.report))  # the clerk may type on once it is written
        if target.suffix.lower() == ".pdf":
            label = f"正在生成 PDF“{target.name}”（LibreOffice 排版）…"
        else:
            label = f"正在生成 Word 文档“{target.name}”…"
        # Past half a second a progress dialog whose bar follows core's progress (the template's
        # paragraphs, the fix-ups, LibreOffice) with 取消 (which stops LibreOffice and writes
        # nothing: core.base.errors.Cancelled).
        start_in_background(
            self._dialog_parent, label, export_report, snapshot, target, doc.path, self.settings.font_scheme,
            cancellable=True, progress=True,
            on_done=lambda warnings: self._exported(snapshot, target, warnings, proofreading),
            on_failed=lambda error: self._render_failed(error, doc, pdf, proofreading, target),
        )

    def _render_failed(
        self, error: BaseException, doc: DraftDocument, pdf: bool, proofreading: str, target: Path
    ) -> None:
        if isinstance(error, Cancelled):
            self.status.emit(f"已取消导出，没有写入“{target.name}”。", 10000)
            self.exportFinished.emit(None)
        elif isinstance(error, SaveFailed):
            again = "" if "另选" in str(error) else "请另选一个文件名或位置。"  # said once, not twice
            prompts.warn(self._dialog_parent, "无法导出", f"{error}\n\n草稿没有受到影响。{again}")
            self._choose_target(doc, pdf, proofreading, str(target))
        else:
            self._export_failed(error)

    def _export_failed(self, error: BaseException) -> None:
        self.exportFinished.emit(None)
        if not isinstance(error, ReportError):
            raise error  # not the clerk's doing: the app's error handler (gui/app.py) shows it
        prompts.warn(self._dialog_parent, "无法导出", str(error))

    def _exported(self, snapshot: Report, target: Path, warnings: list[str], proofreading: str) -> None:
        self.settings.last_folder = str(target.parent)
        self.store_settings()
        from core.library import SOURCE_EXPORT

        self.forLibrary.emit(snapshot, target, SOURCE_EXPORT)
        note = f"已导出：{target}"
        if warnings:
            note += "　提示：" + " ".join(warnings)
        if proofreading:
            note += "　" + proofreading
        self.status.emit(note, 20000)
        self.exportFinished.emit(target)

    def _preflight_passed(self, items: list[OpenItem], proofreading: str) -> bool:
        """List what is still open before writing; False when the clerk went to fix it or cancelled."""
        from gui.dialogs.preflight_dialog import EXPORT, JUMP, PreflightDialog

        if not items:
            return True
        with used_once(PreflightDialog(items, self._dialog_parent, proofreading)) as dialog:
            dialog.exec()
            choice, target = dialog.choice, dialog.target
        if choice == JUMP and target is not None:
            self.jumpWanted.emit(target.address)
        return choice == EXPORT

    # ---- recovery -------------------------------------------------------------------------------

    def offer_recovery(self) -> bool:
        """At start: offer the autosave of a session that ended without closing."""
        from core.draft.session import clean_stale_files, discard_autosave, find_recoverable

        clean_stale_files([Path(p).parent for p in self.settings.recent_drafts])
        found = find_recoverable()
        if not found:
            return False
        from gui.dialogs.recovery_dialog import DISCARD, RECOVER, RecoveryDialog

        choice, chosen = RecoveryDialog.ask(self._dialog_parent, found)
        if chosen is None:
            return False
        if choice == DISCARD:
            discard_autosave(chosen)
            return False
        if choice == RECOVER:
            return self.recover(chosen)
        return False

    def recover(self, autosave: Autosave) -> bool:
        from core.draft.session import discard_autosave
        from gui.document import DraftDocument

        if not self.confirm_discard():
            return False
        try:
            report, notes = autosave.load_with_notes()
        except (ReportError, OSError, ValueError, KeyError) as exc:
            prompts.warn(self._dialog_parent, "无法恢复草稿", f"自动保存的文件已损坏，无法恢复（{exc}）。")
            return False
        path = Path(autosave.draft_path) if autosave.draft_path else None
        doc = DraftDocument(report, path)
        doc.unsaved = True  # what was recovered is not in the draft file yet
        self.documentReady.emit(doc)
        if self.autosave.flush():  # our own autosave holds it now; the orphan can go
            discard_autosave(autosave)
        self.status.emit("　".join(["已恢复自动保存的内容。请检查后保存。", *notes]), 15000)
        return True


def _before_export(report: Report) -> tuple[list[OpenItem], str]:
    """What is still open in ``report`` and the 校对's note on it (only what the background 校对
    has read: never waiting for it)."""
    from core.checks.preflight import preflight, proofreading_note

    return preflight(report), proofreading_note(report, wait=False)

