"""The app's look, set in code rather than a style sheet.

A Qt style sheet routes every widget through QStyleSheetStyle, which costs more at start
than the whole start page does otherwise; these few helpers and a painted card give the
look we want and keep the native style everywhere else.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QWidget

ACCENT = QColor("#b3261e")  # 公文 red
HINT = QColor("#6b6b6b")
CARD_BORDER = QColor("#d0d0d0")
REFERENCE_BACKGROUND = QColor("#fffdf5")
REFERENCE_BORDER = QColor("#eadfb8")
PAGE_BACKGROUND = QColor("#d9dce1")


def _set_text_colour(widget: QWidget, colour: QColor) -> None:
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    palette.setColor(QPalette.ColorRole.Text, colour)
    widget.setPalette(palette)


def hint(label: QLabel) -> QLabel:
    """Grey explanatory text."""
    _set_text_colour(label, HINT)
    return label


def caption(label: QLabel) -> QLabel:
    """A bold heading above a group of fields."""
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


def accent(label: QLabel, scale: float = 1.0, bold: bool = True) -> QLabel:
    font = QFont(label.font())
    font.setBold(bold)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    _set_text_colour(label, ACCENT)
    return label


def accent_button(button: QPushButton) -> None:
    """The one obvious next step, in the accent colour. Styles that draw buttons natively
    (Windows) keep their own colours; the button is still the default button there."""
    palette = button.palette()
    palette.setColor(QPalette.ColorRole.Button, ACCENT)
    palette.setColor(QPalette.ColorRole.ButtonText, QColor("white"))
    button.setPalette(palette)


def bigger(widget: QWidget, scale: float) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    widget.setFont(font)


def discard(widget: QWidget) -> None:
    """Take a card or button out of its pane for good (the caller takes it out of the layout).

    Hidden and deleted on the next turn of the event loop, never orphaned (its parent
    taken away): a widget added to a layout moments before still has its show queued
    (QLayout shows new widgets on the next turn), and without a parent it would then open as
    a window of its own and take the keyboard focus from the main window.
    """
    widget.hide()
    widget.deleteLater()


class Card(QFrame):
    """A rounded panel (a paragraph of last year's text)."""

    def __init__(self, background: QColor | None = None, border: QColor = CARD_BORDER,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._background = background
        self._border = border

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self._border, 1))
        painter.setBrush(self._background or self.palette().color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
