"""A list row with a bold title and a grey second line (the report kinds)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem

PADDING = 8
ICON = 28


class TwoLineDelegate(QStyledItemDelegate):
    """Paints an item whose text is "title\\nsubtitle"; long subtitles are elided in the middle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    @staticmethod
    def _parts(index: QModelIndex | QPersistentModelIndex) -> tuple[str, str]:
        title, _, subtitle = str(index.data(Qt.ItemDataRole.DisplayRole) or "").partition("\n")
        return title, subtitle

    @staticmethod
    def row_height(font: QFont) -> int:
        return 2 * QFontMetrics(font).lineSpacing() + 2 * PADDING + 2

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(200, self.row_height(option.font))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        view = option.widget
        selected = isinstance(view, QAbstractItemView) and view.selectionModel().isSelected(index)
        palette = option.palette
        if selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight))
        rect: QRect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if icon is not None and not icon.isNull():
            icon.paint(painter, QRect(rect.left(), rect.center().y() - ICON // 2, ICON, ICON))
            rect.setLeft(rect.left() + ICON + PADDING)
        title, subtitle = self._parts(index)
        bold = QFont(option.font)
        bold.setBold(True)
        line = QFontMetrics(option.font).lineSpacing()
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        title_rect = QRect(rect.left(), rect.top(), rect.width(), line)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(title_rect, left, QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight, rect.width()))
        painter.setFont(option.font)
        if not selected:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        sub_rect = QRect(rect.left(), rect.top() + line + 2, rect.width(), line)
        subtitle = QFontMetrics(option.font).elidedText(subtitle, Qt.TextElideMode.ElideMiddle, rect.width())
        painter.drawText(sub_rect, left, subtitle)
        painter.restore()
