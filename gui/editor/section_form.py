"""The form for one section: heading, body, points, text after the points, status."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.draft.model import POINTS_LAYOUT_LABELS, POINTS_LAYOUTS, Section
from gui import style
from gui.document import DraftDocument
from gui.editor.points_editor import PointsEditor
from gui.editor.review_box import ReviewBox
from gui.editor.table_editor import TablesEditor
from gui.editor.widgets import FieldLineEdit, ParagraphsEdit
from gui.flow_layout import FlowLayout


def _section_label(text: str) -> QLabel:
    return style.caption(QLabel(text))


class SectionForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: DraftDocument | None = None
        self.section_id = ""
        self._loading = False

        self.marker_label = style.accent(QLabel())
        self.heading_edit = FieldLineEdit()
        self.heading_edit.setObjectName("headingEdit")
        self.heading_edit.setPlaceholderText("本节标题（序号自动生成）")
        self.heading_edit.edited.connect(lambda text: self._set("heading", text.strip()))
        self.attachment_box = QCheckBox("作为附件")
        self.attachment_box.setObjectName("attachmentBox")
        self.attachment_box.setToolTip(
            "这一部分是附件：排在落款之后，另起一页，左上角标“附件1”，标题居中，其下标题从“一、”重新编号；"
            "附件名称自动列入附件说明。只有一级标题可以作为附件。"
        )
        self.attachment_box.toggled.connect(lambda on: self._set("attachment", on))
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.marker_label)
        heading_row.addWidget(self.heading_edit, 1)
        heading_row.addWidget(self.attachment_box)

        self.run_in_box = QCheckBox("标题与正文同段（如“（一）标题。正文……”）")
        self.run_in_box.toggled.connect(lambda on: self._set("run_in", on))
        self.done_box = QCheckBox("本节已完成")
        self.done_box.setObjectName("doneBox")
        self.done_box.toggled.connect(lambda on: self._set("done", on))
        options = QWidget()
        wrapping = FlowLayout(options, spacing=16)  # a narrow form puts 本节已完成 on a line of its own
        wrapping.addWidget(self.run_in_box)
        wrapping.addWidget(self.done_box)

        self.review_box = ReviewBox()
        self.review_box.handledChanged.connect(lambda handled: self._set("handled_notes", handled))

        self.hint_label = style.hint(QLabel())
        self.hint_label.setWordWrap(True)

        self.body_edit = ParagraphsEdit(min_lines=3)
        self.body_edit.setObjectName("bodyEdit")
        self.body_edit.edited.connect(lambda paragraphs: self._set("body", paragraphs))
        # Enter after a heading starts the text under it, as in Word: the next sentence goes
        # into 正文, not onto the heading's line.
        self.heading_edit.returnPressed.connect(self._to_body_start)

        self.layout_combo = QComboBox()
        for value, label in POINTS_LAYOUT_LABELS.items():
            self.layout_combo.addItem(label, value)
        self.layout_combo.activated.connect(self._layout_chosen)
        points_header = QHBoxLayout()
        points_header.addWidget(_section_label("要点（一是、二是……）"))
        points_header.addStretch(1)
        points_header.addWidget(self.layout_combo)
        self.points = PointsEditor()

        self.tail_label = _section_label("要点之后的段落")
        self.tail_edit = ParagraphsEdit(min_lines=2)
        self.tail_edit.setObjectName("tailEdit")
        self.tail_edit.edited.connect(lambda paragraphs: self._set("tail", paragraphs))

        self.tables = TablesEditor(lambda tables: self._set("tables", tables))
        self.tables.setObjectName("tablesEditor")

        body_box = QWidget()
        body_layout = QVBoxLayout(body_box)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(_section_label("正文（每行一段）"))
        body_layout.addWidget(self.hint_label)
        body_layout.addWidget(self.body_edit, 1)

        points_box = QWidget()
        points_layout = QVBoxLayout(points_box)
        points_layout.setContentsMargins(0, 0, 0, 0)
        points_layout.addLayout(points_header)
        points_layout.addWidget(self.points, 1)
        points_layout.addWidget(self.tail_label)
        points_layout.addWidget(self.tail_edit)
        # Tables share the lower pane: the splitter keeps its two remembered panes.
        points_layout.addWidget(_section_label("表格"))
        points_layout.addWidget(self.tables)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("sectionFormSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(body_box)
        self.splitter.addWidget(points_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(_section_label("标题"))
        layout.addLayout(heading_row)
        layout.addWidget(options)
        layout.addWidget(self.review_box)
        layout.addWidget(self.splitter, 1)
        self.setEnabled(False)

    # ---- binding ----------------------------------------------------------------------

    def set_document(self, doc: DraftDocument | None) -> None:
        if self._doc is not None:
            for signal, slot in self._connections():
                signal.disconnect(slot)
        self._doc = doc
        if doc is not None:
            for signal, slot in self._connections():
                signal.connect(slot)
        self.show_section("")

    def _connections(self) -> list[tuple[object, object]]:
        assert self._doc is not None
        return [
            (self._doc.sectionChanged, self._section_changed),
            (self._doc.pointsChanged, self._points_changed),
            (self._doc.structureChanged, self._structure_changed),
        ]

    def section(self) -> Section | None:
        if self._doc is None or not self.section_id:
            return None
        return self._doc.outline.find(self.section_id)

    def show_section(self, section_id: str) -> None:
        # While the widgets still hold the previous section's text, nothing they say may
        # reach the draft: the one guard where the form loads a section.
        self._loading = True
        try:
            self.section_id = section_id
            section = self.section()
            self.setEnabled(section is not None)
            self.points.bind(self._doc if section else None, section_id if section else "")
            self._sync()
        finally:
            self._loading = False

    def _sync(self) -> None:
        """Bring every widget in line with the model without disturbing the one being typed in."""
        section = self.section()
        if section is None or self._doc is None:
            self.marker_label.setText("")
            self.heading_edit.show_value("")
            self.body_edit.show_value([])
            self.tail_edit.show_value([])
            self.tables.show_tables([])
            self.review_box.show_section(None)
            self.hint_label.hide()
            return
        self.marker_label.setText(self._doc.outline.marker(section.id))
        self.heading_edit.setPlaceholderText(
            "附件名称（附件页的标题，自动列入附件说明）" if section.attachment else "本节标题（序号自动生成）"
        )
        self.heading_edit.show_value(section.heading)
        top_level = any(s is section for s in self._doc.report.sections)
        self.attachment_box.setVisible(top_level)
        self.run_in_box.setVisible(not section.attachment)  # an attachment's heading is its title
        boxes = ((self.run_in_box, section.run_in), (self.done_box, section.done), (self.attachment_box, section.attachment))
        for box, value in boxes:
            if box.isChecked() != value:
                box.blockSignals(True)
                box.setChecked(value)
                box.blockSignals(False)
        self.hint_label.setText(f"提示：{section.hint}" if section.hint else "")
        self.hint_label.setVisible(bool(section.hint))
        self.body_edit.setPlaceholderText(section.hint or "在此输入本节正文，每行一段")
        self.body_edit.show_value(section.body)
        layout = section.points_layout if section.points_layout in POINTS_LAYOUTS else POINTS_LAYOUTS[0]
        self.layout_combo.setCurrentIndex(POINTS_LAYOUTS.index(layout))
        show_tail = bool(section.tail)  # rare: text after inline points, as imported
        self.tail_label.setVisible(show_tail)
        self.tail_edit.setVisible(show_tail)
        self.tail_edit.show_value(section.tail)
        self.tables.show_tables(section.tables)
        self.review_box.show_section(section)

    def refresh_review(self) -> None:
        """The reviewer's pending changes moved on (a decision in the 审阅 panel)."""
        self.review_box.show_section(self.section())

    def _section_changed(self, section_id: str) -> None:
        if section_id == self.section_id:
            self._sync()

    def _points_changed(self, section_id: str, focus_row: int) -> None:
        if section_id != self.section_id:
            return
        if focus_row >= 0:
            self.points.reload(focus_row)
        else:
            self.points.refresh_texts()

    def _structure_changed(self) -> None:
        if self.section() is None:
            self.show_section("")
        else:
            self.marker_label.setText(self._doc.outline.marker(self.section_id) if self._doc else "")

    # ---- edits --------------------------------------------------------------------------

    def _to_body_start(self) -> None:
        self.body_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.body_edit.moveCursor(QTextCursor.MoveOperation.Start)

    def _set(self, name: str, value: object) -> None:
        if not self._loading and self._doc is not None and self.section() is not None:
            self._doc.set_section_field(self.section_id, name, value)

    def _layout_chosen(self, index: int) -> None:
        self._set("points_layout", self.layout_combo.itemData(index))
