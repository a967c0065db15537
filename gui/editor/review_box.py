"""Beside a section's fields: the reviewer's pending changes marked in its text (inserted
words underlined, deleted ones struck through), and the reviewers' comments kept on the
section as notes, each with a 已处理 box. Hidden when the section has neither."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QTextBrowser, QVBoxLayout, QWidget

from core.draft.fields import SECTION_FIELD_LABELS
from core.draft.model import Section
from core.review.markup import DELETED, INSERTED, MarkedParagraph
from gui import style
from gui.rows import list_row

# Word's colours for revisions: insertions and deletions in one reviewer colour.
_STYLES = {
    INSERTED: "color:#1d4ed8;text-decoration:underline;",
    DELETED: "color:#b91c1c;text-decoration:line-through;",
}
MAX_MARKS_HEIGHT, MAX_NOTES_HEIGHT = 96, 100  # pixels; more scrolls
MarksSource = Callable[[str], list[MarkedParagraph]]


def marks_html(paragraphs: list[MarkedParagraph]) -> str:
    rows = []
    for paragraph in paragraphs:
        where = SECTION_FIELD_LABELS.get(paragraph.field, paragraph.field)
        if paragraph.field != "heading":
            where += f"第{paragraph.index + 1}{'条' if paragraph.field == 'points' else '段'}"
        if paragraph.added:
            where += "之后（新段落）"
        text = "".join(
            f'<span style="{_STYLES[s.mark]}">{html.escape(s.text)}</span>' if s.mark else html.escape(s.text)
            for s in paragraph.segments
        )
        rows.append(f'<p style="margin:2px 0"><span style="color:#666">{where}：</span>{text}</p>')
    return "".join(rows)


class ReviewBox(QWidget):
    handledChanged = Signal(list)  # the section's new list of notes marked 已处理

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._marks_source: MarksSource | None = None
        self._filling = False
        self.marks_label = style.caption(QLabel("审阅修改（待处理；下划线为增加，删除线为删去，在“审阅”面板中接受或拒绝）"))
        self.marks_label.setWordWrap(True)
        self.marks = QTextBrowser()
        self.marks.setObjectName("reviewMarks")
        self.marks.setFrameShape(QTextBrowser.Shape.StyledPanel)
        self.notes_label = style.caption(QLabel("审阅批注（处理后勾选“已处理”）"))
        self.notes = QListWidget()
        self.notes.setObjectName("reviewNotes")
        self.notes.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.notes.setWordWrap(True)
        self.notes.itemChanged.connect(self._ticked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.marks_label, self.marks, self.notes_label, self.notes):
            layout.addWidget(widget)
        self.hide()

    def set_marks_source(self, source: MarksSource | None) -> None:
        """Where the pending changes of a section come from (the open 审阅 session)."""
        self._marks_source = source

    def show_section(self, section: Section | None) -> None:
        paragraphs = self._marks_source(section.id) if section is not None and self._marks_source else []
        self.marks.setHtml(marks_html(paragraphs))
        self.marks_label.setVisible(bool(paragraphs))
        self.marks.setVisible(bool(paragraphs))
        notes = section.notes if section is not None else []
        self._filling = True
        self.notes.clear()
        for note in notes:
            item = list_row(self.notes, note)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            handled = section is not None and note in section.handled_notes
            item.setData(Qt.ItemDataRole.CheckStateRole, Qt.CheckState.Checked if handled else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.ToolTipRole, "勾选表示这条批注已处理（随草稿保存）")
        self._filling = False
        self.notes_label.setVisible(bool(notes))
        self.notes.setVisible(bool(notes))
        self.setVisible(bool(paragraphs) or bool(notes))
        self._fit_heights()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_heights()

    def _fit_heights(self) -> None:
        """As tall as the content, up to a few lines: the section's fields keep the room."""
        document = self.marks.document()
        document.setTextWidth(self.marks.viewport().width())
        frame = 2 * self.marks.frameWidth() + 4
        self.marks.setFixedHeight(min(int(document.size().height()) + frame, MAX_MARKS_HEIGHT))
        rows = sum(self.notes.sizeHintForRow(row) for row in range(self.notes.count()))
        self.notes.setFixedHeight(min(rows + 2 * self.notes.frameWidth() + 2, MAX_NOTES_HEIGHT))

    def _ticked(self, _item: QListWidgetItem) -> None:
        if self._filling:
            return
        handled = [
            self.notes.item(row).text()
            for row in range(self.notes.count())
            if self.notes.item(row).checkState() == Qt.CheckState.Checked
        ]
        self.handledChanged.emit(handled)
