"""The 一是/二是… points of a section: a list with add/remove/reorder and an editor below.

Ordinals are never typed: the list shows them from each point's position, so removing
or moving a point renumbers the rest at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.draft.model import first_sentence
from core.draft.numbering import point_marker
from gui.document import DraftDocument
from gui.editor.widgets import PlainTextEdit
from gui.rows import list_row


class PointsEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: DraftDocument | None = None
        self._section_id = ""

        self.list = QListWidget()
        self.list.setObjectName("pointsList")
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMinimumHeight(80)
        self.list.currentRowChanged.connect(self._show_current)

        self.add_button = QPushButton("添加要点")
        self.remove_button = QPushButton("删除")
        self.up_button = QPushButton("上移")
        self.down_button = QPushButton("下移")
        self.add_button.setToolTip("在所选要点之后添加一条要点")
        self.add_button.clicked.connect(self.add_point)
        self.remove_button.clicked.connect(self.remove_point)
        self.up_button.clicked.connect(lambda: self.move_point(-1))
        self.down_button.clicked.connect(lambda: self.move_point(1))
        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(buttons)

        self.editor_label = QLabel()
        self.editor = PlainTextEdit(min_lines=2)
        self.editor.setObjectName("pointText")
        self.editor.setPlaceholderText("在此输入所选要点的内容（序号会自动生成，不必输入“一是”）")
        self.editor.edited.connect(self._text_edited)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top, 3)
        layout.addWidget(self.editor_label)
        layout.addWidget(self.editor, 2)
        self._update_enabled()

    # ---- binding ----------------------------------------------------------------------

    def bind(self, doc: DraftDocument | None, section_id: str) -> None:
        self._doc, self._section_id = doc, section_id
        self.reload(focus_row=0)

    def _points(self) -> list[str]:
        if self._doc is None or not self._section_id:
            return []
        section = self._doc.outline.find(self._section_id)
        return [p.text for p in section.points] if section else []

    def reload(self, focus_row: int = -1) -> None:
        """Rebuild the list from the model; keep or move the selection."""
        texts = self._points()
        row = self.list.currentRow() if focus_row < 0 else focus_row
        self.list.blockSignals(True)
        self.list.clear()
        for index, text in enumerate(texts):
            item = list_row(self.list, self._row_text(index, text))
            item.setData(Qt.ItemDataRole.ToolTipRole, text)
        self.list.blockSignals(False)
        if texts:
            self.list.setCurrentRow(max(0, min(row, len(texts) - 1)))
        self._show_current()

    def _row_text(self, index: int, text: str) -> str:
        """Ordinal and the point's first sentence: enough to recognise and reorder it."""
        assert self._doc is not None
        marker = point_marker(self._doc.report, index)
        if not text:
            return f"{marker}　（空）"
        head = first_sentence(text)
        more = text[len(head) :].strip("。；！？ \n")
        return f"{marker}　{head}……" if more else f"{marker}　{text}"

    def _show_current(self) -> None:
        row = self.list.currentRow()
        texts = self._points()
        if 0 <= row < len(texts):
            assert self._doc is not None
            self.editor_label.setText(f"所选要点（{point_marker(self._doc.report, row)}）：")
            self.editor.setEnabled(True)
            self.editor.show_value(texts[row])
        else:
            self.editor_label.setText("所选要点：")
            self.editor.show_value("")
            self.editor.setEnabled(False)
        self._update_enabled()

    def refresh_texts(self) -> None:
        """A point's text changed (typing, undo): update rows in place, keep the cursor."""
        texts = self._points()
        if len(texts) != self.list.count():
            self.reload()
            return
        for index, text in enumerate(texts):
            item = self.list.item(index)
            label = self._row_text(index, text)
            if item.text() != label:
                item.setData(Qt.ItemDataRole.DisplayRole, label)
                item.setData(Qt.ItemDataRole.ToolTipRole, text)
        row = self.list.currentRow()
        if 0 <= row < len(texts):
            self.editor.show_value(texts[row])

    def _update_enabled(self) -> None:
        bound = self._doc is not None and bool(self._section_id)
        row, count = self.list.currentRow(), self.list.count()
        self.add_button.setEnabled(bound)
        self.remove_button.setEnabled(bound and 0 <= row < count)
        self.up_button.setEnabled(bound and row > 0)
        self.down_button.setEnabled(bound and 0 <= row < count - 1)

    # ---- edits --------------------------------------------------------------------------

    def add_point(self) -> None:
        if self._doc is None:
            return
        row = self.list.currentRow()
        self._doc.add_point(self._section_id, row + 1 if row >= 0 else None)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_point(self) -> None:
        row = self.list.currentRow()
        if self._doc is not None and row >= 0:
            self._doc.remove_point(self._section_id, row)

    def move_point(self, step: int) -> None:
        row = self.list.currentRow()
        if self._doc is not None and row >= 0:
            self._doc.move_point(self._section_id, row, row + step)

    def _text_edited(self, text: str) -> None:
        row = self.list.currentRow()
        if self._doc is not None and row >= 0:
            self._doc.set_point_text(self._section_id, row, text)
