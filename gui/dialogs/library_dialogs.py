"""资料库 ▸ 添加文件… / 添加文件夹… (with progress and 取消) and 管理资料库 (see, filter, remove).

The work is core.library's, on the library service's write thread; these dialogs only show
progress and results, and the window stays responsive throughout.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import style
from gui.dialogs import prompts
from gui.kind_names import kind_display_name
from gui.panels.library_service import LibraryService
from gui.window_state import fit_dialog
from gui.workers import CANCELLING

_POLL_MS = 30
SOURCE_NAMES = {"import": "导入", "export": "导出"}


# The bar moves within a file (a long one takes a while to cut into words): steps per file.
STEPS_PER_FILE = 100


def wait_for(future: Future[Any], dialog: QProgressDialog | None = None, state: dict[str, Any] | None = None) -> Any:
    """Keep the window alive while ``future`` runs; show ``state``'s progress in ``dialog``."""
    while not future.done():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, _POLL_MS)
        if dialog is not None and state is not None and not state.get("cancelling"):
            total = max(state.get("total", 0), 1)
            done = min(float(state.get("done", 0)), total)
            dialog.setMaximum(total * STEPS_PER_FILE)
            dialog.setValue(int(done * STEPS_PER_FILE))
            if state.get("name"):
                dialog.setLabelText(f"正在收入资料库：{state['name']}（{int(done) + 1}/{total}）")
        time.sleep(_POLL_MS / 1000)
    return future.result()


def add_to_library(parent: QWidget, service: LibraryService, paths: list[Path]) -> Any:
    """Import ``paths`` into the library with a progress dialog and a 取消 button."""
    if not paths:
        prompts.inform(parent, "添加到资料库", "没有找到可以导入的报告文件（.docx、.doc、.wps、.txt、.md、网页）。")
        return None
    cancel = threading.Event()
    state: dict[str, Any] = {"done": 0, "total": len(paths), "name": ""}

    def progress(done: float, total: int, name: str) -> None:  # called on the worker thread
        state.update(done=done, total=total, name=name)

    dialog = QProgressDialog("正在收入资料库…", "取消", 0, len(paths) * STEPS_PER_FILE, parent)
    dialog.setWindowTitle("添加到资料库")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    # QProgressDialog resets (and hides) itself on 取消; it shows again saying it is stopping
    # until the file under way has been dropped (the work stops at its next step).
    dialog.setAutoReset(False)

    def cancelled() -> None:
        cancel.set()
        state["cancelling"] = True
        dialog.setLabelText(CANCELLING)
        dialog.show()

    dialog.canceled.connect(cancelled)
    dialog.show()
    try:
        result = wait_for(service.add_files(paths, progress, cancel), dialog, state)
    finally:
        dialog.close()
        dialog.deleteLater()
    details = "".join(f"\n· {name}：{reason}" for name, reason in result.failed[:10])
    if len(result.failed) > 10:
        details += f"\n……另有 {len(result.failed) - 10} 份"
    prompts.inform(parent, "添加到资料库", result.summary() + details)
    return result


class LibraryManager(QDialog):
    """Every document in the library: filter by typing, remove the ones no longer wanted."""

    HEADERS = ("文件", "标题", "类型", "年度", "单位", "来源", "收入时间")

    def __init__(self, service: LibraryService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("管理资料库")
        self._service = service
        self.documents: list[Any] = []
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("输入文件名、标题、单位或年份筛选")
        self.filter_edit.textChanged.connect(lambda _t: self._fill())
        self.count_label = style.caption(QLabel())
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setHorizontalHeaderLabels(list(self.HEADERS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.remove_button = QPushButton("从资料库移除…")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.remove_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        fit_dialog(self, 900, 560)
        self.reload()

    def reload(self) -> None:
        self.documents = wait_for(self._service.documents()) or []
        self._fill()

    def visible_documents(self) -> list[Any]:
        words = self.filter_edit.text().split()
        def text_of(doc: Any) -> str:
            return f"{doc.file_name} {doc.title} {doc.unit} {doc.year or ''} {kind_display_name(doc.kind)}"
        return [d for d in self.documents if all(w in text_of(d) for w in words)]

    def _fill(self) -> None:
        shown = self.visible_documents()
        self.table.setRowCount(len(shown))
        for row, doc in enumerate(shown):
            values = (doc.file_name, doc.title, kind_display_name(doc.kind), str(doc.year or ""), doc.unit,
                      SOURCE_NAMES.get(doc.source, doc.source), doc.added_at[:16].replace("T", " "))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, doc.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(0)
        self.count_label.setText(f"资料库中共 {len(self.documents)} 份文档" + (
            f"，显示 {len(shown)} 份" if len(shown) != len(self.documents) else "") + "。")

    def selected_ids(self) -> list[int]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [int(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)) for row in sorted(rows)]

    def remove_selected(self) -> int:
        ids = self.selected_ids()
        if not ids or not prompts.ask_remove_from_library(self, len(ids)):
            return 0
        removed = sum(bool(wait_for(self._service.remove_document(doc_id))) for doc_id in ids)
        self.reload()
        return removed
