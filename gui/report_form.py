"""Report-level fields: title, unit, year, date, opening, closing, signature."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from gui.document import DraftDocument
from gui.widgets import FieldLineEdit, ParagraphsEdit, route_undo_keys

NO_YEAR = 1999  # the spin box's "not filled in" value, shown as 未填


class ReportForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: DraftDocument | None = None

        self.kind_label = QLabel()
        self.title_edit = FieldLineEdit()
        self.title_edit.setObjectName("titleEdit")
        self.title_edit.setPlaceholderText("如：2023年上半年工作总结")
        self.title_edit.edited.connect(lambda text: self._set("title", text.strip()))
        self.unit_edit = FieldLineEdit()
        self.unit_edit.setPlaceholderText("如：中共某某区委组织部")
        self.unit_edit.edited.connect(lambda text: self._set("unit", text.strip()))

        self.year_spin = QSpinBox()
        self.year_spin.setRange(NO_YEAR, 2100)
        self.year_spin.setSpecialValueText("未填")
        self.year_spin.setSuffix(" 年")
        route_undo_keys(self.year_spin)
        self.year_spin.valueChanged.connect(self._year_changed)

        self.date_box = QCheckBox("填写成文日期")
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy年M月d日")
        route_undo_keys(self.date_edit)
        self.date_box.toggled.connect(self._date_changed)
        self.date_edit.dateChanged.connect(self._date_changed)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_box)
        date_row.addWidget(self.date_edit, 1)

        self.opening_edit = ParagraphsEdit(min_lines=4)
        self.opening_edit.setObjectName("openingEdit")
        self.opening_edit.setPlaceholderText("开头段落，每行一段（如：今年以来，在……的坚强领导下……）")
        self.opening_edit.edited.connect(lambda paragraphs: self._set("opening", paragraphs))
        self.closing_edit = ParagraphsEdit(min_lines=3)
        self.closing_edit.setPlaceholderText("结尾段落，每行一段（可不填）")
        self.closing_edit.edited.connect(lambda paragraphs: self._set("closing", paragraphs))
        self.signature_edit = FieldLineEdit()
        self.signature_edit.setPlaceholderText("发文机关署名（可不填）")
        self.signature_edit.edited.connect(lambda text: self._set("signature", text.strip()))

        form = QFormLayout(self)
        form.addRow("报告类型：", self.kind_label)
        form.addRow("标题：", self.title_edit)
        form.addRow("发文单位：", self.unit_edit)
        form.addRow("年度：", self.year_spin)
        form.addRow("成文日期：", date_row)
        form.addRow("开头：", self.opening_edit)
        form.addRow("结尾：", self.closing_edit)
        form.addRow("署名：", self.signature_edit)
        self._syncing = False

    def set_document(self, doc: DraftDocument | None) -> None:
        if self._doc is not None:
            self._doc.reportChanged.disconnect(self.sync)
        self._doc = doc
        if doc is not None:
            doc.reportChanged.connect(self.sync)
        self.setEnabled(doc is not None)
        self.sync()

    def sync(self) -> None:
        if self._doc is None:
            return
        from gui.kind_names import kind_display_name

        report = self._doc.report
        self._syncing = True
        try:
            self.kind_label.setText(kind_display_name(report.kind))
            self.title_edit.show_value(report.title)
            self.unit_edit.show_value(report.unit)
            year = report.year or NO_YEAR
            if self.year_spin.value() != year:
                self.year_spin.setValue(year)
            has_date = bool(report.date)
            self.date_box.setChecked(has_date)
            self.date_edit.setEnabled(has_date)
            date = _parse_date(report.date) or QDate.currentDate()
            if self.date_edit.date() != date:
                self.date_edit.setDate(date)
            self.opening_edit.show_value(report.opening)
            self.closing_edit.show_value(report.closing)
            self.signature_edit.show_value(report.signature)
        finally:
            self._syncing = False

    def _set(self, name: str, value: object) -> None:
        if self._doc is not None and not self._syncing:
            self._doc.set_report_field(name, value)

    def _year_changed(self, value: int) -> None:
        self._set("year", None if value == NO_YEAR else value)

    def _date_changed(self) -> None:
        if self._syncing:
            return
        self.date_edit.setEnabled(self.date_box.isChecked())
        self._set("date", self.date_edit.date().toString("yyyy-MM-dd") if self.date_box.isChecked() else "")


def _parse_date(text: str) -> QDate | None:
    try:
        value = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return QDate(value.year, value.month, value.day)
