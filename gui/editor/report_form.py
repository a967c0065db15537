"""The 报告信息 form: one row per report-level field, generated from core.draft.fields."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.draft.fields import (
    CHOICE,
    DATE,
    LINE,
    LINES,
    PARAGRAPHS,
    TEXTS,
    YEAR,
    ReportField,
    form_fields,
    offered_fields,
)
from core.draft.model import Section
from core.text.dates import read_date
from gui.document import DraftDocument
from gui.editor.review_box import ReviewBox
from gui.editor.widgets import (
    DateField,
    FieldLineEdit,
    ParagraphsEdit,
    PlainTextEdit,
    route_undo_keys,
    select_in_line,
)
from gui.panels.panel_base import Connections, DocumentBound

ATTACHMENT_FILTER = "Word 或文本文件 (*.docx *.doc *.wps *.txt *.md);;所有文件 (*)"
NO_YEAR = 1999  # the spin box's "not filled in" value, shown as 未填
_PARAGRAPH_ROWS = {"opening": 4}  # taller editors where clerks write most

TextEditor = FieldLineEdit | PlainTextEdit | ParagraphsEdit
# A field the reviewer changed: its label in the review marks' colour, until decided.
REVIEWED_LABEL = "color:#1d4ed8;font-weight:bold;"
REVIEWED_HINT = "审阅人改了这一项（见上方“审阅修改”），请在“审阅”面板中接受或拒绝"


class _ChoiceBox(QComboBox):
    """A field with a few fixed values (版头: 不加版头 / 电子红头 / 套红纸)."""

    def __init__(self, choices: tuple[tuple[str, str], ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for value, label in choices:
            self.addItem(label, value)
        route_undo_keys(self)

    def value(self) -> str:
        return str(self.currentData())

    def show_value(self, value: str) -> None:
        index = self.findData(value)
        if index >= 0 and index != self.currentIndex():
            self.setCurrentIndex(index)


class _AttachmentTexts(QWidget):
    """附件正文: pick an attachment (named in 附件说明) and write its text, one paragraph a line."""

    edited = Signal(list)
    importRequested = Signal()  # 从文件导入附件…

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picker = QComboBox()
        self.import_button = QPushButton("从文件导入附件…")
        self.import_button.setToolTip("选一个 Word 或文本文件：第一行作附件名称，其余作附件正文")
        self.import_button.clicked.connect(self.importRequested)
        self.text = PlainTextEdit(min_lines=4)
        self._texts: list[str] = []
        row = QHBoxLayout()
        row.addWidget(self.picker, 1)
        row.addWidget(self.import_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.text)
        self.picker.currentIndexChanged.connect(self._show_current)
        self.text.edited.connect(self._text_edited)

    def show_attachments(self, names: list[str], texts: list[str]) -> None:
        labels = [f"附件{i + 1}：{name}" for i, name in enumerate(n for n in names if n.strip())]
        labels += [f"附件{i + 1}" for i in range(len(labels), len(texts))]
        self._texts = list(texts)
        items = labels or ["（先在“附件说明”中填写附件名称）"]
        if items != [self.picker.itemText(i) for i in range(self.picker.count())]:
            current = self.picker.currentIndex()
            self.picker.blockSignals(True)
            self.picker.clear()
            self.picker.addItems(items)
            self.picker.setCurrentIndex(min(max(current, 0), max(len(labels) - 1, 0)))
            self.picker.blockSignals(False)
        self.text.setEnabled(bool(labels))
        self._show_current()

    def _show_current(self) -> None:
        index = self.picker.currentIndex()
        self.text.show_value(self._texts[index] if 0 <= index < len(self._texts) else "")

    def _text_edited(self, text: str) -> None:
        index = self.picker.currentIndex()
        if index < 0:
            return
        texts = self._texts + [""] * (index + 1 - len(self._texts))
        texts[index] = text
        while texts and not texts[-1].strip():
            texts.pop()  # trailing empty texts are not kept
        self.edited.emit(texts)


class _DateRow(QWidget):
    """成文日期 or 印发日期: a check box (filled in or not) and the date."""

    def __init__(self, label: str = "成文日期", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(f"填写{label}")
        self.edit = DateField()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.box)
        row.addWidget(self.edit, 1)

    def value(self) -> str:
        return self.edit.date().toString("yyyy-MM-dd") if self.box.isChecked() else ""

    def show_value(self, iso: str) -> None:
        self.box.setChecked(bool(iso))
        self.edit.setEnabled(bool(iso))
        date = _parse_date(iso) or QDate.currentDate()
        if self.edit.date() != date:
            self.edit.setDate(date)


class ReportForm(DocumentBound, QWidget):
    attachmentImported = Signal(str)  # the part a document was taken into (to show it)
    attachmentFinished = Signal(bool)  # 从文件导入附件 ended: True when a part was taken in

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: DraftDocument | None = None
        self._syncing = False
        self.kind_label = QLabel()
        self.editors: dict[str, QWidget] = {}
        self._kinds: dict[str, tuple[frozenset[str], bool]] = {}  # kind id → (offered elements, notice)
        form = self._form = QFormLayout(self)
        # The reviewer's pending changes of these fields, marked as a section's are beside it.
        self.review_box = ReviewBox()
        form.addRow(self.review_box)
        form.addRow("报告类型：", self.kind_label)
        # 工作要点: the 印发通知 is generated from the title and unit (core/reuse/notice.py).
        self.notice_button = QPushButton("生成印发通知")
        self.notice_button.setObjectName("noticeButton")
        self.notice_button.setToolTip("按标题和发文单位生成“关于印发《……》的通知”，可再修改；可撤销")
        self.notice_button.clicked.connect(self.generate_notice)
        for spec in form_fields():
            editor = self._make_editor(spec)
            editor.setObjectName(f"{spec.name}Edit")
            editor.setToolTip(spec.form_hint)
            self.editors[spec.name] = editor
            form.addRow(f"{spec.label}：", editor)
            if spec.name == "cover":
                form.addRow("", self.notice_button)

    # Named editors other widgets and tests address.
    @property
    def title_edit(self) -> FieldLineEdit:
        return self.editors["title"]  # type: ignore[return-value]

    @property
    def unit_edit(self) -> FieldLineEdit:
        return self.editors["unit"]  # type: ignore[return-value]

    @property
    def year_spin(self) -> QSpinBox:
        return self.editors["year"]  # type: ignore[return-value]

    @property
    def date_row(self) -> _DateRow:
        return self.editors["date"]  # type: ignore[return-value]

    def text_editors(self) -> dict[str, TextEditor]:
        """The editors of text fields that flags and checks read, by field name."""
        return {n: e for n, e in self.editors.items() if isinstance(e, (FieldLineEdit, PlainTextEdit, ParagraphsEdit))}

    def _make_editor(self, spec: ReportField) -> QWidget:
        name = spec.name
        if spec.value == LINE:
            line = FieldLineEdit()
            line.setPlaceholderText(spec.form_hint)
            line.edited.connect(lambda text, n=name: self._set(n, text.strip()))
            return line
        if spec.value == LINES:
            lines = PlainTextEdit(min_lines=2)
            # A few short lines (副标题, a joint 署名): no taller than three lines.
            lines.setMaximumHeight(lines.fontMetrics().lineSpacing() * 3 + 14)
            lines.setPlaceholderText(spec.form_hint)
            lines.edited.connect(lambda text, n=name: self._set(n, text))
            return lines
        if spec.value == PARAGRAPHS:
            paragraphs = ParagraphsEdit(min_lines=_PARAGRAPH_ROWS.get(name, 3))
            paragraphs.setPlaceholderText(spec.form_hint)
            paragraphs.edited.connect(lambda value, n=name: self._set(n, value))
            return paragraphs
        if spec.value == YEAR:
            spin = QSpinBox()
            spin.setRange(NO_YEAR, 2100)
            spin.setSpecialValueText("未填")
            spin.setSuffix(" 年")
            route_undo_keys(spin)
            spin.valueChanged.connect(lambda value, n=name: self._set(n, None if value == NO_YEAR else value))
            return spin
        if spec.value == TEXTS:
            attachments = _AttachmentTexts()
            attachments.edited.connect(lambda value, n=name: self._set(n, value))
            attachments.importRequested.connect(lambda: self.import_attachment())
            return attachments
        if spec.value == CHOICE:
            box = _ChoiceBox(spec.choices)
            box.currentIndexChanged.connect(lambda _i, n=name, b=box: self._set(n, b.value()))
            return box
        if spec.value == DATE:
            row = _DateRow(spec.label)
            row.box.toggled.connect(lambda _on, n=name: self._date_changed(n))
            row.edit.dateChanged.connect(lambda _d, n=name: self._date_changed(n))
            return row
        raise ValueError(f"no editor for value kind {spec.value}")

    def document_connections(self, doc: DraftDocument) -> Connections:
        return [(doc.reportChanged, self.sync)]

    def document_set(self) -> None:
        self.setEnabled(self._doc is not None)
        self.sync()

    def sync(self) -> None:
        if self._doc is None:
            return
        from gui.kind_names import kind_display_name

        report = self._doc.report
        self._syncing = True
        try:
            self.kind_label.setText(kind_display_name(report.kind))
            offered, notice = self._kind_elements(report.kind)
            shown = {spec.name for spec in offered_fields(offered, report)}
            for name, editor in self.editors.items():
                self._form.setRowVisible(editor, name in shown)
            self._form.setRowVisible(self.notice_button, notice)
            for name, editor in self.editors.items():
                value = getattr(report, name)
                if name == "signature_layout":  # an older draft: show what the export will use
                    from core.draft.kinds import signature_layout_for

                    value = signature_layout_for(report)
                if isinstance(editor, QSpinBox):
                    if editor.value() != (value or NO_YEAR):
                        editor.setValue(value or NO_YEAR)
                elif isinstance(editor, _AttachmentTexts):
                    editor.show_attachments(report.attachments, value)
                else:
                    editor.show_value(value)  # type: ignore[attr-defined]
        finally:
            self._syncing = False
        self.refresh_review()

    def refresh_review(self) -> None:
        """Mark the reviewer's pending changes of the report's fields: listed above the form,
        and each changed field's label coloured."""
        self.review_box.show_report()
        for name, editor in self.editors.items():
            label = self._form.labelForField(editor)
            if label is None:
                continue
            marked = name in self.review_box.marked_fields
            label.setStyleSheet(REVIEWED_LABEL if marked else "")
            label.setToolTip(REVIEWED_HINT if marked else "")

    def select_field(self, name: str, index: int, start: int, end: int) -> bool:
        """Focus a text field and select characters ``start``–``end`` of its paragraph ``index``."""
        editor = self.text_editors().get(name)
        if editor is None:
            return False
        if isinstance(editor, FieldLineEdit):
            return select_in_line(editor, start, end)
        if isinstance(editor, PlainTextEdit):
            return editor.select_span(start, end)
        return editor.select_span(index, start, end)

    def _kind_elements(self, kind_id: str) -> tuple[frozenset[str], bool]:
        """The 公文 elements a kind offers and whether it offers the 印发通知 (read once)."""
        if kind_id not in self._kinds:
            from core.draft.kinds import load_kinds

            kind = load_kinds().get(kind_id)
            self._kinds[kind_id] = (kind.offered, kind.notice) if kind else (frozenset(), False)
        return self._kinds[kind_id]

    def generate_notice(self) -> None:
        """Fill 印发通知 from the title and unit; one undo step puts back what was there."""
        from core.reuse.notice import notice_paragraphs

        if self._doc is not None:
            self._doc.set_report_field("cover", notice_paragraphs(self._doc.report))

    def import_attachment(self, path: Path | None = None) -> bool:
        """Take an attachment from a document (core.importing.attachments): it becomes a part
        of the outline ticked 作为附件, its headings and tables kept, edited in 本节内容 like any
        other part. The file is read in the background (a .doc or .wps goes through LibreOffice);
        a part of the same name is replaced where it stands if the clerk says so (one undo step).
        Returns whether reading started; ``attachmentFinished`` says how it ended."""
        from gui.workers import start_in_background

        doc = self._doc
        if doc is None:
            return False
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            chosen, _ = QFileDialog.getOpenFileName(self, "从文件导入附件", "", ATTACHMENT_FILTER)
            if not chosen:
                return False
            path = Path(chosen)
        from core.importing.attachments import attachment_from_document

        source = path
        start_in_background(
            self, f"正在读取附件“{source.name}”…", attachment_from_document, source,
            cancellable=True, progress=True,
            on_done=lambda part: self.attachmentFinished.emit(self._take_attachment(doc, source, part)),
            on_failed=lambda error: self._attachment_failed(error, source),
        )  # fmt: skip
        return True

    def _take_attachment(self, doc: DraftDocument, path: Path, part: Section) -> bool:
        from core.importing.attachments import attachment_part_named
        from gui.dialogs import prompts

        if doc is not self._doc:
            return False  # another draft is shown by now
        existing = attachment_part_named(doc.report, part.heading)
        if existing is not None and not prompts.ask_replace_attachment(self, part.heading, path.name):
            return False
        after = existing.id if existing is not None else (doc.report.sections[-1].id if doc.report.sections else None)
        label = f"从文件导入附件“{path.name}”"
        if existing is None:
            part_id = doc.insert_part_after(after, part, label)
        else:
            doc.undo_stack.beginMacro(label)
            try:
                part_id = doc.insert_part_after(after, part, label)
                if part_id:
                    doc.delete_section(existing.id)
            finally:
                doc.undo_stack.endMacro()
        if not part_id:
            return False
        self.attachmentImported.emit(part_id)
        return True

    def _attachment_failed(self, error: BaseException, path: Path) -> None:
        from core.base.errors import Cancelled, ReportError
        from gui.dialogs import prompts

        self.attachmentFinished.emit(False)
        if isinstance(error, Cancelled):
            return  # the clerk stopped it: nothing changed
        if isinstance(error, OSError):
            prompts.warn(self, "无法导入附件", f"读不了“{path.name}”（{error.strerror or error}）。请确认文件存在且未被占用。")
        elif isinstance(error, ReportError):
            prompts.warn(self, "无法导入附件", str(error))
        else:
            raise error  # not the clerk's doing: the app's error handler (gui/app.py) shows it

    def _set(self, name: str, value: object) -> None:
        if self._doc is not None and not self._syncing:
            self._doc.set_report_field(name, value)

    def _date_changed(self, name: str) -> None:
        if self._syncing:
            return
        row = self.editors[name]
        assert isinstance(row, _DateRow)
        row.edit.setEnabled(row.box.isChecked())
        self._set(name, row.value())


def _parse_date(iso: str) -> QDate | None:
    """A stored date ("2024-07-01") for the date field."""
    day = read_date(iso)
    return QDate(day.year, day.month, day.day) if day is not None else None
