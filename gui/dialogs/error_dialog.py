"""Unexpected errors: autosave first, write a log, show a Chinese dialog, keep running.

The dialog never shows a traceback up front; the details (for whoever supports the
clerk) are one click away and can be copied with 复制详细信息.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.base.crashlog import format_details, write_crash_log
from core.base.errors import ReportError
from gui import style
from gui.dialogs.modal import used_once
from gui.window_state import fit_dialog


class ErrorDialog(QDialog):
    def __init__(self, message: str, details: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("程序出错")
        self.details = details
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(self.style().StandardPixmap.SP_MessageBoxCritical).pixmap(40, 40))
        text = QLabel(message)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(text, 1)

        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setVisible(False)
        self.details_view.setMinimumHeight(200)

        self.copy_button = QPushButton("复制详细信息")
        self.copy_button.clicked.connect(self.copy_details)
        self.toggle_button = QPushButton("显示详细信息")
        self.toggle_button.clicked.connect(self._toggle_details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("继续工作")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.toggle_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        if log_path is not None:
            log = QLabel(f"详细信息已写入日志文件：{log_path}")
            log.setWordWrap(True)
            log.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            style.hint(log)
            layout.addWidget(log)
        layout.addWidget(self.details_view, 1)
        layout.addWidget(buttons)
        fit_dialog(self, 520, 200)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText("已复制")

    def _toggle_details(self) -> None:
        visible = not self.details_view.isVisible()
        self.details_view.setVisible(visible)
        self.toggle_button.setText("隐藏详细信息" if visible else "显示详细信息")
        self.adjustSize()


class ErrorHandler:
    """Installed as ``sys.excepthook``; ``before_report`` autosaves the open draft."""

    def __init__(self, before_report: Callable[[], bool], parent: Callable[[], QWidget | None]) -> None:
        self._before_report = before_report
        self._parent = parent
        self._showing = False
        self.last_log: Path | None = None

    def install(self) -> None:
        sys.excepthook = self

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        if exc.__traceback__ is None:
            exc.__traceback__ = tb
        if isinstance(exc, ReportError):
            # An expected problem that some code path forgot to catch: the message is
            # already a full Chinese sentence; no log, no alarm.
            self._show_plain(str(exc))
            return
        traceback.print_exception(exc_type, exc, tb)  # for whoever started the app from a terminal
        saved = self._safe_autosave()
        self.last_log = write_crash_log(exc)
        if self._showing:
            return  # an error while the dialog is up: logged, not stacked
        message = "程序遇到了意外错误，但仍可继续使用。"
        message += "当前草稿已自动保存。" if saved else "自动保存未能完成，请尽快手动保存草稿。"
        message += "\n\n如果问题反复出现，请点击“复制详细信息”，把内容发给技术支持人员。"
        self._showing = True
        try:
            with used_once(ErrorDialog(message, format_details(exc), self.last_log, self._parent())) as dialog:
                dialog.exec()
        finally:
            self._showing = False

    def _safe_autosave(self) -> bool:
        try:
            return self._before_report()
        except Exception:  # the autosave itself broke: report the original error anyway
            traceback.print_exc()
            return False

    def _show_plain(self, message: str) -> None:
        QMessageBox.warning(self._parent(), "报告起草助手", message)
