"""The editing area: outline on the left, the forms beside it.

The reference and preview panes are separate panels (docks) of the main window, like any
panel added later; this view tells them which section is current.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtWidgets import QScrollArea, QSplitter, QTabWidget, QWidget

from core.draft.edits import Place
from core.text.textslots import CELLS, table_cells
from gui.document import DraftDocument
from gui.editor.flag_marks import FlagMarks
from gui.editor.outline_panel import OutlinePanel
from gui.editor.report_form import ReportForm
from gui.editor.section_form import SectionForm
from gui.editor.widgets import select_in_line

SECTION_TAB, REPORT_TAB = 0, 1


class EditorView(QSplitter):
    sectionShown = Signal(str)  # the section in the form ("" for none)
    reportShown = Signal()  # the report-level form is in front

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("editorSplitter")
        self.setChildrenCollapsible(False)
        self.doc: DraftDocument | None = None

        self.outline = OutlinePanel()
        self.section_form = SectionForm()
        self.report_form = ReportForm()
        report_scroll = QScrollArea()
        report_scroll.setWidgetResizable(True)
        report_scroll.setWidget(self.report_form)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("formTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.section_form, "本节内容")
        self.tabs.addTab(report_scroll, "报告信息（标题、开头、结尾）")
        self.tabs.currentChanged.connect(self._tab_changed)

        self._report_scroll = report_scroll
        self.addWidget(self.outline)
        self.addWidget(self.tabs)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 3)
        self.setSizes([320, 520])
        self.outline.sectionSelected.connect(self._section_selected)
        # A document taken in as an attachment: show its part, ready to edit.
        self.report_form.attachmentImported.connect(self.outline.select_section)
        # 待核实 spans painted in the fields above
        self.flag_marks = FlagMarks(self, self.section_form, self.report_form, self.current_section_id)
        self.sectionShown.connect(lambda _id: self.flag_marks.refresh())
        self.reportShown.connect(self.flag_marks.refresh)

    def set_document(self, doc: DraftDocument | None) -> None:
        self.doc = doc
        self.section_form.set_document(doc)
        self.report_form.set_document(doc)
        self.outline.set_document(doc)
        self.tabs.setCurrentIndex(SECTION_TAB)
        self.flag_marks.set_document(doc)

    def splitter_states(self) -> dict[str, QByteArray]:
        """The clerk's splitter positions, by the key they are remembered under."""
        return {"editorSplitter": self.saveState(), "sectionFormSplitter": self.section_form.splitter.saveState()}

    def restore_splitter_states(self, states: dict[str, QByteArray | None]) -> None:
        for key, splitter in (("editorSplitter", self), ("sectionFormSplitter", self.section_form.splitter)):
            saved = states.get(key)
            if saved is not None:
                splitter.restoreState(saved)

    def current_section_id(self) -> str:
        return self.section_form.section_id

    def _section_selected(self, section_id: str) -> None:
        self.section_form.show_section(section_id)
        if section_id and self.tabs.currentIndex() != SECTION_TAB:
            self.tabs.setCurrentIndex(SECTION_TAB)  # announces the section (_tab_changed)
        else:
            self._announce()

    def _tab_changed(self, _index: int) -> None:
        self._announce()

    def _announce(self) -> None:
        if self.tabs.currentIndex() == REPORT_TAB:
            self.reportShown.emit()
        else:
            self.sectionShown.emit(self.section_form.section_id)

    def show_report_form(self) -> None:
        self.tabs.setCurrentIndex(REPORT_TAB)

    def jump_to(self, place: Place) -> bool:
        """Show the field holding a flag or finding and select its text; False if it is gone."""
        if self.doc is None:
            return False
        section_id, field, index, start, end = place.section_id, place.field, place.index, place.start, place.end
        if section_id:
            if self.doc.report.find(section_id) is None:
                return False
            self.outline.select_section(section_id)
            if self.section_form.section_id != section_id:
                self.section_form.show_section(section_id)
            self.tabs.setCurrentIndex(SECTION_TAB)
            return self._select_in_section(field, index, start, end)
        self.show_report_form()
        editor = self.report_form.text_editors().get(field)
        if editor is None:
            return True  # a field the form does not show: the form at least
        self._report_scroll.ensureWidgetVisible(editor)
        return self.report_form.select_field(field, index, start, end)

    def _select_in_section(self, field: str, index: int, start: int, end: int) -> bool:
        form = self.section_form
        if field == "heading":
            return select_in_line(form.heading_edit, start, end)
        if field == "points":
            if not 0 <= index < form.points.list.count():
                return False
            form.points.list.setCurrentRow(index)
            return form.points.editor.select_span(start, end)
        if field in ("body", "tail"):
            edit = form.body_edit if field == "body" else form.tail_edit
            return edit.select_span(index, start, end)
        if field == CELLS:  # a 待核实 figure in a table: its cell, selected in the table editor
            section = self.doc.report.find(form.section_id) if self.doc is not None else None
            cells = table_cells(section) if section is not None else []
            return 0 <= index < len(cells) and form.tables.select_cell(*cells[index])
        return False
