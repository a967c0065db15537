"""The 提纲 tree view: headings readable in a narrow dock, and every click on a row selects it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from core.draft.model import STATUS_DONE, STATUS_DRAFT, STATUS_EMPTY, STATUS_LABELS
from gui.editor.outline_model import COL_HEADING, COL_STATUS

# A dot says the status in a column one glyph wide; the word is in the tooltip and the
# model (what screen readers and tests read), so the heading keeps the dock's width.
_DOT_COLOURS = {STATUS_EMPTY: QColor("#9a9a9a"), STATUS_DRAFT: QColor("#d08a1a"), STATUS_DONE: QColor("#2e7d32")}
_STATUS_BY_LABEL = {label: status for status, label in STATUS_LABELS.items()}


class StatusDotDelegate(QStyledItemDelegate):
    """Paints a section's status as a dot: a grey ring (空), an amber dot (草稿), a green one (已完成)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        status = _STATUS_BY_LABEL.get(str(index.data()))
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, widget)
        if status is None:
            return
        rect: QRect = option.rect  # type: ignore[attr-defined]
        diameter = max(6, min(rect.height(), rect.width()) // 2)
        dot = QRect(0, 0, diameter, diameter)
        dot.moveCenter(rect.center())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = _DOT_COLOURS[status]
        if status == STATUS_EMPTY:
            painter.setPen(QPen(colour, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
        painter.drawEllipse(dot)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        height = super().sizeHint(option, index).height()
        return QSize(height, height)


class OutlineTree(QTreeView):
    """The outline's tree. Headings are indented by less than Qt's default so a fourth-level
    heading still shows its words in a dock a fifth of the screen wide."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIndentation(max(12, self.fontMetrics().horizontalAdvance("一")))
        self.setItemDelegateForColumn(COL_STATUS, StatusDotDelegate(self))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # QTreeView reads a press beside a deeply indented heading as a press on its branch mark
        # (the mark's box spills past a narrow heading column) and drops it, so the click did not
        # select the row. Only the heading column holds branch marks: a press anywhere else on a
        # row is a plain selection.
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and index.column() != COL_HEADING:
            QAbstractItemView.mousePressEvent(self, event)
            return
        super().mousePressEvent(event)
