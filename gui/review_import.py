"""文件 ▸ 导入审阅稿…: read the leader's marked-up copy and open it in the 审阅 panel."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from core.base.errors import Cancelled, ReportError
from gui.dialogs import prompts
from gui.dialogs.file_dialogs import with_suffix

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from core.base.progress import Progress
    from core.draft.model import Report
    from core.review.change import ReviewResult
    from gui.panels.review_panel import ReviewPanel
    from gui.review_session import ReviewSession

REVIEW_FILTER = "Word 文档 (*.docx *.doc *.wps);;所有文件 (*)"
TABLE_FILTER = "Word 文档 (*.docx)"


def _read_and_place(report: Report, path: Path, progress: Progress) -> tuple[ReviewResult, str]:
    """On a worker: the copy read (a .doc converted by LibreOffice), its changes placed on the
    draft, and the file's digest (to find it again when the draft reopens)."""
    from core.review.merge import review_copy
    from core.review.progress import file_digest
    from core.review.revisions import read_reviewed

    reviewed = read_reviewed(path, progress.part(0.0, 0.7))
    progress.part(0.7, 1.0, "正在把修改对到草稿上…")
    return review_copy(report, reviewed), file_digest(path)


class ReviewImport(QObject):
    """Owns the 审阅 dock of one window (built the first time a reviewed copy comes in)."""

    # An import started by import_review has ended: True when its changes show in the panel.
    finished = Signal(bool)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        # The main window: its open draft (doc), add_panel, show_panel, show_status, panel_host.
        self._window: Any = window
        self.panel: ReviewPanel | None = None

    def import_review(self, path: Path | None = None, restoring: bool = False) -> bool:
        """Start reading a reviewed copy into the 审阅 panel (``restoring``: the one in progress
        when the draft was opened; quietly, the panel not brought forward). The reading runs as
        a background task (gui/workers.py); ``finished`` says how it ended. True: started."""
        from gui.workers import start_in_background

        window = self._window
        doc = window.doc
        if doc is None:
            return False
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            chosen, _ = QFileDialog.getOpenFileName(window, "导入审阅稿", "", REVIEW_FILTER)
            if not chosen:
                return False
            path = Path(chosen)
        chosen_path = path
        start_in_background(
            window, f"正在读取审阅稿“{path.name}”…", _read_and_place, doc.report, path,
            cancellable=True, progress=True,
            on_done=lambda found: self.finished.emit(self._read(doc, chosen_path, restoring, *found)),
            on_failed=lambda error: self._failed(error, chosen_path, restoring),
        )
        return True

    def _failed(self, error: BaseException, path: Path, restoring: bool) -> None:
        window = self._window
        self.finished.emit(False)
        if isinstance(error, Cancelled):
            return  # the clerk stopped it: nothing changed
        if isinstance(error, OSError):
            if not restoring:
                prompts.warn(window, "无法导入审阅稿", f"读不了“{path.name}”（{error.strerror or error}）。请确认文件存在且未被占用。")
            return
        if not isinstance(error, ReportError):
            raise error  # not the clerk's doing: the app's error handler (gui/app.py) shows it
        if not restoring:
            prompts.warn(window, "无法导入审阅稿", str(error))

    def _read(self, doc: Any, path: Path, restoring: bool, result: ReviewResult, digest: str) -> bool:
        """The copy is read: show its changes (unless another draft is shown by now)."""
        from core.review.changes import MIN_MATCH
        from gui.review_session import ReviewSession

        window = self._window
        if doc is not window.doc:
            return False
        if result.rate < MIN_MATCH and restoring:
            return False
        if result.rate < MIN_MATCH:
            prompts.warn(
                window,
                "审阅稿与草稿对不上",
                f"“{path.name}”只有 {round(result.rate * 100)}% 的段落能在当前草稿中找到，"
                "不像是这份草稿的审阅稿。请确认打开的是对应的草稿。",
            )
            return False
        panel = self._ensure_panel()
        session = ReviewSession(doc, result, path, digest, panel, restoring=restoring)
        panel.show_session(session)
        self._mark_sections(session)
        if restoring:
            window.show_status(f"已接着处理审阅稿“{path.name}”。", 8000)
            return True
        window.show_panel("review")
        note = f"　{result.note}" if result.note else ""
        window.show_status(f"已导入审阅稿“{path.name}”：{len(result.changes)} 处改动和批注。{note}", 15000)
        return True

    def export_table(self, out: Path | None = None) -> bool:
        """导出修改对照表…: every change of the reviewed copy as a Word table."""
        from core.base.output_paths import refuse_clobbering
        from core.review.table import write_change_table

        window = self._window
        session = self.panel.session if self.panel is not None else None
        if session is None:
            return False
        if out is None:
            from PySide6.QtWidgets import QFileDialog

            folder = window.doc.path.parent if window.doc.path is not None else Path.home()
            suggested = folder / f"{Path(session.file_name).stem}-修改对照表.docx"
            chosen, _ = QFileDialog.getSaveFileName(window, "导出修改对照表", str(suggested), TABLE_FILTER)
            if not chosen:
                return False
            out = with_suffix(chosen, ".docx")
        try:
            refuse_clobbering(out, [(window.doc.path, "草稿"), (session.path, "审阅稿")])
            record = session.record
            write_change_table(session.result.changes, out, decisions=record.decisions if record else None)
        except ReportError as exc:
            prompts.warn(window, "无法导出修改对照表", str(exc))
            return False
        window.show_status(f"修改对照表已导出：{out}", 8000)
        return True

    def document_changed(self) -> None:
        """Another draft (or none) is shown: the session belonged to the old one; the new one's
        review in progress comes back."""
        if (
            self.panel is not None
            and self.panel.session is not None
            and self.panel.session.doc is not self._window.doc
        ):
            self.panel.show_session(None)
            self._mark_sections(None)
        if self._window.doc is not None and (self.panel is None or self.panel.session is None):
            self.restore()

    def _mark_sections(self, session: ReviewSession | None) -> None:
        """Let the section form and 报告信息 show this session's pending changes in their text."""
        from core.review.markup import marked_section

        editor = self._window.editor
        if editor is None:
            return
        for form in (editor.section_form, editor.report_form):
            if session is None:
                form.review_box.set_marks_source(None)
            else:
                form.review_box.set_marks_source(
                    lambda section_id: marked_section(session.doc.report, section_id, session.pending())
                )
                session.decisionsChanged.connect(form.refresh_review)
            form.refresh_review()

    def _ensure_panel(self) -> ReviewPanel:
        """The 审阅 panel the panel host built with the editor (listed in 视图 from the start)."""
        if self.panel is None:
            panel = self._window.panel_host.review
            assert panel is not None  # built with the editor, before any draft is shown
            self.panel = panel
            panel.tableRequested.connect(self.export_table)
            panel.message.connect(lambda text: self._window.show_status(text, 10000))
            panel.jumpRequested.connect(self._jump)
        return self.panel

    def _jump(self, change_id: str) -> None:
        """Show the field and select the characters a change is about, where they are now."""
        from core.review.apply import current_place

        session = self.panel.session if self.panel is not None else None
        if session is None or change_id not in session.changes:
            return
        place = current_place(session.doc.report, session.changes[change_id])
        if place is None:
            self._window.show_status("这处内容在草稿中已经改动或删除，无法定位。", 5000)
            return
        self._window.jump_to(place)

    def restore(self) -> bool:
        """A draft opened with a review still in progress: its copy, found beside the draft
        under the name it was imported with and unchanged since, comes back in the panel
        (True: its reading started)."""
        from core.review.progress import file_digest

        doc = self._window.doc
        if doc is None or doc.path is None:
            return False
        for record in reversed(doc.report.reviews):
            if record.finished:
                continue
            copy = doc.path.parent / record.file
            try:
                if copy.is_file() and file_digest(copy) == record.digest:
                    return self.import_review(copy, restoring=True)
            except OSError:
                continue
        return False
