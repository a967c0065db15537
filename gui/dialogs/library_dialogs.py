"""资料库 ▸ 添加文件… / 添加文件夹… (with progress and 取消) and 管理资料库 (see, filter, correct
kind/year/unit/title, remove).

The work is core.library's, on the library service's write thread; these dialogs only show
progress and results, and the window stays responsive throughout.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QCursor, QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from core.base.errors import Cancelled, ReportError
from core.base.progress import Progress
from gui import style
from gui.dialogs import prompts
from gui.dialogs.metadata_dialog import MetadataDialog
from gui.kind_names import kind_display_name
from gui.panels.library_service import LibraryService
from gui.rows import table_cell
from gui.window_state import fit_dialog
from gui.workers import start_in_background

SOURCE_NAMES = {"import": "导入", "export": "导出"}


class _Stop:
    """The progress dialog's 取消 as core.library.bulk reads it between files."""

    def __init__(self, progress: Progress) -> None:
        self._cancelled = progress.cancelled

    def is_set(self) -> bool:
        return self._cancelled is not None and self._cancelled()


def add_to_library(
    parent: QWidget, service: LibraryService, paths: list[Path], on_done: Callable[[Any], object] | None = None
) -> None:
    """Import ``paths`` into the library as a background task (gui/workers.py): a progress dialog
    at once whose bar moves within each file, and 取消; the summary is shown when it ends, then
    ``on_done(result)``. Returns at once."""
    if not paths:
        prompts.inform(parent, "添加到资料库", "没有找到可以导入的报告文件（.docx、.doc、.wps、.txt、.md、网页）。")
        return

    def add(progress: Progress) -> Any:  # on a pool thread, waiting for the library's write thread
        def told(done: float, total: int, name: str) -> None:  # on the write thread
            with contextlib.suppress(Cancelled):  # the stop is read by core between steps
                progress.part(0.0, 1.0, f"正在收入资料库：{name}（{int(done) + 1}/{total}）").update(done, total)

        return service.add_files(paths, told, _Stop(progress)).result()  # type: ignore[arg-type]

    def added(result: Any) -> None:
        details = "".join(f"\n· {name}：{reason}" for name, reason in result.failed[:10])
        if len(result.failed) > 10:
            details += f"\n……另有 {len(result.failed) - 10} 份"
        prompts.inform(parent, "添加到资料库", result.summary() + details)
        if on_done is not None:
            on_done(result)

    def failed(error: BaseException) -> None:
        if not isinstance(error, ReportError):
            raise error  # not the clerk's doing: the app's error handler (gui/app.py) shows it
        prompts.warn(parent, "添加到资料库", str(error))

    start_in_background(
        parent, "正在收入资料库…", add, on_done=added, on_failed=failed, cancellable=True, progress=True, show_after=0
    )


class LibraryManager(QDialog):
    """Every document in the library: filter by typing, correct what was guessed wrong
    (double-click, right-click ▸ 修改信息…), remove the ones no longer wanted.

    Reads and corrections run on the library service's threads; the dialog waits for them as a
    background task (gui/workers.py) and continues when it ends, never turning the event loop."""

    HEADERS = ("文件", "标题", "类型", "年度", "单位", "来源", "收入时间")
    # Columns whose value was guessed on import: their tooltip says why (core.importing.metadata_guess).
    REASON_COLUMNS: ClassVar[dict[int, tuple[str, str]]] = {1: ("title", "标题"), 2: ("kind", "类型"), 3: ("year", "年度"), 4: ("unit", "单位")}

    settled = Signal()  # every read and correction asked for has been answered

    def __init__(self, service: LibraryService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("管理资料库")
        self._service = service
        self._waiting = 0  # background waits not yet ended
        self.documents: list[Any] = []
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("输入文件名、标题、单位或年份筛选")
        self.filter_edit.textChanged.connect(lambda _t: self._fill())
        self.count_label = style.caption(QLabel("正在读取资料库…"))
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setHorizontalHeaderLabels(list(self.HEADERS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_menu)
        self.table.cellDoubleClicked.connect(lambda row, _column: self._edit_row(row))
        self.table.viewport().installEventFilter(self)
        self._reasons: dict[int, dict[str, str]] = {}  # document id → why its values are what they are
        self.edit_button = QPushButton("修改信息…")
        self.edit_button.setToolTip("修改选中文档的类型、年度、单位和标题（也可双击或右键）")
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = QPushButton("从资料库移除…")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.edit_button)
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

    # ---- waiting for the library's threads --------------------------------------------------

    def is_busy(self) -> bool:
        return self._waiting > 0

    def _when_done(self, answer: Callable[[], Any], label: str, title: str, then: Callable[[Any], object],
                   after_refusal: Callable[[], object] | None = None) -> None:
        """Wait for ``answer()`` on a pool thread (it waits for the service's read or write thread)
        and continue with ``then(result)`` on the GUI thread; a refusal of core's (ReportError)
        is shown under ``title``."""
        self._waiting += 1

        def done(result: Any) -> None:
            try:
                then(result)
            finally:
                self._ended()

        def failed(error: BaseException) -> None:
            try:
                if not isinstance(error, ReportError):
                    raise error  # not the clerk's doing: the app's error handler (gui/app.py) shows it
                prompts.warn(self, title, str(error))
                if after_refusal is not None:
                    after_refusal()
            finally:
                self._ended()

        start_in_background(self, label, answer, on_done=done, on_failed=failed)

    def _ended(self) -> None:
        self._waiting -= 1
        if self._waiting == 0:
            self.settled.emit()

    def reload(self, then: Callable[[], object] | None = None) -> None:
        def loaded(documents: Any) -> None:
            self.documents = documents or []
            self._reasons.clear()
            self._fill()
            if then is not None:
                then()

        self._when_done(self._service.documents().result, "正在读取资料库…", "管理资料库", loaded)

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
                item = table_cell(value)
                item.setData(Qt.ItemDataRole.UserRole, doc.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(0)
        self.count_label.setText(f"资料库中共 {len(self.documents)} 份文档" + (
            f"，显示 {len(shown)} 份" if len(shown) != len(self.documents) else "") + "。")

    def selected_ids(self) -> list[int]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [int(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)) for row in sorted(rows)]

    def remove_selected(self) -> int:
        """Remove the selected documents (after asking); returns how many removals were started."""
        ids = self.selected_ids()
        if not ids or not prompts.ask_remove_from_library(self, len(ids)):
            return 0
        removals = [self._service.remove_document(doc_id) for doc_id in ids]  # in order, on the write thread

        def each() -> tuple[int, list[str]]:
            removed, refused = 0, []
            for future in removals:
                try:
                    removed += bool(future.result())
                except ReportError as exc:  # another unit's shared document, or the server is away
                    refused.append(str(exc))
            return removed, refused

        def answered(outcome: tuple[int, list[str]]) -> None:
            _removed, refused = outcome
            if refused:
                more = f"（另有 {len(refused) - 1} 份同样未能移除）" if len(refused) > 1 else ""
                prompts.warn(self, "从资料库移除", refused[0] + more)
            self.reload()

        self._when_done(each, "正在从资料库移除…", "从资料库移除", answered)
        return len(ids)

    # ---- correcting what was guessed ------------------------------------------------------

    def _documents_of(self, ids: list[int]) -> list[Any]:
        by_id = {doc.id: doc for doc in self.documents}
        return [by_id[i] for i in ids if i in by_id]

    def _edit_row(self, row: int) -> int:
        if not self.table.item(row, 0).isSelected() or len(self.selected_ids()) < 2:
            self.table.selectRow(row)
        return self.edit_selected()

    def context_menu_at(self, position: QPoint) -> QMenu | None:
        """The right-click menu for the row at ``position`` (viewport coordinates), which it selects
        unless it is part of the selection already; None below the last row."""
        row = self.table.rowAt(position.y())
        if row < 0:
            return None
        if not self.table.item(row, 0).isSelected():
            self.table.selectRow(row)
        menu = QMenu(self)
        menu.addAction("修改信息…", self.edit_selected)
        menu.addAction("从资料库移除…", self.remove_selected)
        return menu

    def _show_menu(self, position: QPoint) -> None:
        menu = self.context_menu_at(position)
        if menu is not None:
            menu.exec(self.table.viewport().mapToGlobal(position))
            menu.deleteLater()

    def edit_selected(self) -> int:
        """Ask for new values for the selected documents and store them in the background;
        returns how many documents the clerk asked to change (0: none, or cancelled)."""
        documents = self._documents_of(self.selected_ids())
        if not documents:
            prompts.inform(self, "修改信息", "请先在列表中选中要修改的文档。")
            return 0
        return self._ask_and_store(MetadataDialog(documents, self), documents)

    def _ask_and_store(self, dialog: MetadataDialog, documents: list[Any]) -> int:
        """One round of the 修改信息 dialog; a refusal (a mistyped year) opens it again with what was typed."""
        changes = dialog.changes() if dialog.exec() == QDialog.DialogCode.Accepted else {}
        if not changes:
            dialog.deleteLater()
            return 0
        ids = [d.id for d in documents]

        def stored(_changed: Any) -> None:
            dialog.deleteLater()
            self.reload(then=lambda: self._select(ids))

        self._when_done(self._service.update_metadata(ids, changes).result, "正在保存修改…", "修改信息", stored,
                        after_refusal=lambda: self._ask_and_store(dialog, documents))
        return len(ids)

    def _select(self, ids: list[int]) -> None:
        wanted = set(ids)
        for row in range(self.table.rowCount()):
            if int(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)) in wanted:
                self.table.selectionModel().select(
                    self.table.model().index(row, 0),
                    self.table.selectionModel().SelectionFlag.Select | self.table.selectionModel().SelectionFlag.Rows,
                )

    def reason_tooltip(self, row: int, column: int) -> str | None:
        """What the tooltip of a title/kind/year/unit cell says: why the value is what it is.
        None while the reasons are still being read (they are asked for, and shown when they come)."""
        field = self.REASON_COLUMNS.get(column)
        item = self.table.item(row, column)
        if field is None or item is None:
            return ""
        document_id = int(item.data(Qt.ItemDataRole.UserRole))
        if document_id not in self._reasons:
            self._read_reasons(document_id)
            return None
        reason = self._reasons[document_id].get(field[0])
        return f"{field[1]}：{reason}（双击可修改）" if reason else "双击可修改"

    def _read_reasons(self, document_id: int) -> None:
        def read(reasons: Any) -> None:
            self._reasons[document_id] = reasons or {}
            self._show_tooltip(self.table.viewport().mapFromGlobal(QCursor.pos()), QCursor.pos())

        self._when_done(self._service.metadata_reasons(document_id).result, "正在读取…", "管理资料库", read)

    def _show_tooltip(self, position: QPoint, global_position: QPoint) -> None:
        index = self.table.indexAt(position)
        text = self.reason_tooltip(index.row(), index.column()) if index.isValid() else ""
        if text:
            QToolTip.showText(global_position, text, self.table.viewport())
        elif text == "":
            QToolTip.hideText()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            self._show_tooltip(event.pos(), event.globalPos())
            return True
        return super().eventFilter(watched, event)
