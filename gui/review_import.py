"""文件 ▸ 导入审阅稿…: read the leader's marked-up copy and open it in the 审阅 panel."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.base.errors import ReportError
from gui.dialogs import prompts

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from gui.panels.review_panel import ReviewPanel

REVIEW_FILTER = "Word 文档 (*.docx *.doc *.wps);;所有文件 (*)"


class ReviewImport:
    """Owns the 审阅 dock of one window (built the first time a reviewed copy comes in)."""

    def __init__(self, window: QMainWindow) -> None:
        # The main window: its open draft (doc), add_panel, show_panel, show_status, panel_host.
        self._window: Any = window
        self.panel: ReviewPanel | None = None

    def import_review(self, path: Path | None = None) -> bool:
        from core.review.changes import MIN_MATCH, review_changes
        from core.review.revisions import read_reviewed
        from gui.review_session import ReviewSession

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
        try:
            result = review_changes(doc.report, read_reviewed(path))
        except ReportError as exc:
            prompts.warn(window, "无法导入审阅稿", str(exc))
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
        panel.show_session(ReviewSession(doc, result, path.name, panel))
        window.show_panel("review")
        window.show_status(f"已导入审阅稿“{path.name}”：{len(result.changes)} 处改动和批注。", 8000)
        return True

    def document_changed(self) -> None:
        """Another draft (or none) is shown: the session belonged to the old one."""
        if (
            self.panel is not None
            and self.panel.session is not None
            and self.panel.session.doc is not self._window.doc
        ):
            self.panel.show_session(None)

    def _ensure_panel(self) -> ReviewPanel:
        if self.panel is None:
            from gui.panels.review_panel import ReviewPanel

            self.panel = ReviewPanel()
            dock = self._window.add_panel("review", "审阅", self.panel)
            reference = self._window.panel_host.docks.get("reference")
            if reference is not None:
                self._window.tabifyDockWidget(reference, dock)
        return self.panel
