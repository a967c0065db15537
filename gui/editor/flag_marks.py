"""待核实 flags shown where they are: coloured spans in the editor's text fields, with tooltips.

:class:`FlagMarks` re-computes the flags of the section in the form (and of the report's
own fields) a moment after each edit — :func:`core.reuse.flags.flags_for_section` is cheap — and
hands each field its spans. Multi-line fields are marked by :class:`SpanHighlighter` (a
QSyntaxHighlighter); one-line fields by :class:`LineEditSpans`, which gives a QLineEdit
text formats the way an input method does. A span is painted only while the text under it
is still the flagged text, so typing never leaves a mark on the wrong characters.
Flags marked 已核实 are not painted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QHelpEvent,
    QInputMethodEvent,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
)
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QToolTip

from core.reuse.flags import (
    DOC_NUMBER,
    FIGURE,
    FLAG_KIND_LABELS,
    MEETING,
    PAST_DATE,
    PLACEHOLDER,
    ROLLED_YEAR,
    STALE_YEAR,
    Flag,
    flags_for_report_fields,
    flags_for_section,
)
from core.text.textslots import CELLS, table_cells
from gui.document import DraftDocument
from gui.editor.report_form import ReportForm
from gui.editor.section_form import SectionForm
from gui.editor.widgets import ParagraphsEdit, leading_space, qt_positions, utf16_length
from gui.panels.panel_base import Connections, Debounce, DocumentBound

# Light backgrounds that keep black text readable, one hue per kind, and a darker line below.
KIND_COLOURS = {
    PLACEHOLDER: ("#ffc9c9", "#c92a2a"),
    FIGURE: ("#ffe58f", "#b7791f"),
    STALE_YEAR: ("#ffd8a8", "#d9480f"),
    ROLLED_YEAR: ("#ffe8cc", "#e8590c"),
    PAST_DATE: ("#cfe3ff", "#1c5fb8"),
    MEETING: ("#e5d4ff", "#6741d9"),
    DOC_NUMBER: ("#d3f9d8", "#2b8a3e"),
}
REFRESH_MS = 250  # after the last keystroke
POINT_ROW_COLOUR = "#fff1c2"  # a point in the list that has something to check


@dataclass(frozen=True)
class Span:
    """A flag as one field shows it: paragraph ``index``, offsets into that paragraph."""

    index: int
    start: int
    end: int
    text: str
    kind: str
    tooltip: str


def flag_tooltip(flag: Flag) -> str:
    return f"{flag.kind_label}：{flag.message}\n建议：{flag.suggestion}\n（可在“待核实”面板中标记为已核实）"


def span_of(flag: Flag, index: int | None = None) -> Span:
    return Span(flag.index if index is None else index, flag.start, flag.end, flag.text, flag.kind,
                flag_tooltip(flag))


def kind_format(kind: str) -> QTextCharFormat:
    background, line = KIND_COLOURS.get(kind, KIND_COLOURS[FIGURE])
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(background))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(QColor(line))
    return fmt


def legend_html() -> str:
    """The colours and what they mean, for the 待核实 panel."""
    return "　".join(
        f'<span style="background:{KIND_COLOURS[kind][0]};">&nbsp;{FLAG_KIND_LABELS[kind]}&nbsp;</span>'
        for kind in (PLACEHOLDER, FIGURE, STALE_YEAR, ROLLED_YEAR, PAST_DATE, MEETING)
    )


def count_paragraphs_before(block: QTextBlock) -> int:
    """Non-blank blocks before ``block``, counted by walking to the top (a block not painted yet)."""
    index, previous = 0, block.previous()
    while previous.isValid():
        if previous.text().strip():
            index += 1
        previous = previous.previous()
    return index


class SpanHighlighter(QSyntaxHighlighter):
    """Spans in a QPlainTextEdit: one paragraph per non-blank line (``whole=False``, as
    ParagraphsEdit stores them) or the whole stripped text as one string (a point)."""

    def __init__(self, edit: QPlainTextEdit, whole: bool = False) -> None:
        super().__init__(edit.document())
        self._edit = edit
        self.whole = whole
        self.spans: list[Span] = []
        self._by_paragraph: dict[int, list[Span]] = {}
        edit.viewport().installEventFilter(self)

    def set_spans(self, spans: list[Span]) -> None:
        if spans != self.spans:
            self.spans = spans
            self._by_paragraph = {}
            for span in spans:
                self._by_paragraph.setdefault(span.index, []).append(span)
            self.rehighlight()

    @staticmethod
    def _paragraph_index(block: QTextBlock) -> int:
        """Non-blank blocks before ``block``: the paragraph it is (when not blank itself). Each
        block's state holds that count through itself (set in highlightBlock), so this is one
        look back, not a walk to the top: painting a field of a thousand paragraphs is linear."""
        previous = block.previous()
        if not previous.isValid():
            return 0
        if previous.userState() >= 0:
            return previous.userState()
        return count_paragraphs_before(block)

    def _matching(self, block: QTextBlock) -> list[tuple[int, int, Span]]:
        """(start, end) within ``block``, as Qt positions, of each span whose flagged text is
        still there."""
        text = block.text()
        found = []
        if self.whole:
            # One string: the spans index the stripped document text, which may span blocks.
            document = self.document().toPlainText()
            base = leading_space(document)
            for span in self.spans:
                if document[base + span.start : base + span.end] != span.text:
                    continue
                at, until = qt_positions(document, base + span.start, base + span.end)
                start = max(at - block.position(), 0)
                end = min(until - block.position(), utf16_length(text))
                if start < end:
                    found.append((start, end, span))
            return found
        if not text.strip():
            return found
        index = self._paragraph_index(block)
        base = leading_space(text)
        for span in self._by_paragraph.get(index, ()):
            if text[base + span.start : base + span.end] == span.text:
                found.append((*qt_positions(text, base + span.start, base + span.end), span))
        return found

    def highlightBlock(self, text: str) -> None:
        if not self.whole:  # paragraphs through this block (Qt re-highlights the next when it changes)
            self.setCurrentBlockState(max(self.previousBlockState(), 0) + (1 if text.strip() else 0))
        for start, end, span in self._matching(self.currentBlock()):
            self.setFormat(start, end - start, kind_format(span.kind))

    def span_at(self, block: QTextBlock, position: int) -> Span | None:
        for start, end, span in self._matching(block):
            if start <= position <= end:
                return span
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cursor = self._edit.cursorForPosition(event.pos())
            span = self.span_at(cursor.block(), cursor.positionInBlock())
            if span is not None:
                QToolTip.showText(event.globalPos(), span.tooltip, self._edit.viewport())
            else:
                QToolTip.hideText()
            return True
        return False


class LineEditSpans(QObject):
    """Spans in a one-line QLineEdit, applied as input-method text formats (QLineEdit has
    no other way to colour part of its text)."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self.spans: list[Span] = []
        self.applied: list[tuple[int, int, str]] = []  # (start, end, kind) as painted now
        edit.textChanged.connect(self._apply)
        edit.installEventFilter(self)

    def set_spans(self, spans: list[Span]) -> None:
        if spans != self.spans:
            self.spans = spans
            self._apply()

    def _matching(self) -> list[tuple[int, int, Span]]:
        text = self._edit.text()
        base = leading_space(text)
        return [
            (*qt_positions(text, base + s.start, base + s.end), s)
            for s in self.spans
            if text[base + s.start : base + s.end] == s.text
        ]

    def _apply(self) -> None:
        painted = [(start, end, span.kind) for start, end, span in self._matching()]
        if painted == self.applied:
            return
        self.applied = painted
        cursor = self._edit.cursorPosition()
        attributes = [
            QInputMethodEvent.Attribute(
                QInputMethodEvent.AttributeType.TextFormat, start - cursor, end - start, kind_format(kind)
            )
            for start, end, kind in painted
        ]
        QCoreApplication.sendEvent(self._edit, QInputMethodEvent("", attributes))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._edit and event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            position = self._edit.cursorPositionAt(event.pos())
            for start, end, span in self._matching():
                if start <= position <= end:
                    QToolTip.showText(event.globalPos(), span.tooltip, self._edit)
                    return True
            QToolTip.hideText()
            return True
        return False


class FlagMarks(DocumentBound, QObject):
    """Keeps the spans of every text field in the editor in step with the draft's flags."""

    def __init__(
        self, parent: QObject, form: SectionForm, report_form: ReportForm, current_section: Callable[[], str]
    ) -> None:
        """``current_section`` says which section the form shows ("" when none); the owner
        calls :meth:`refresh` when the shown section or tab changes."""
        super().__init__(parent)
        self._form = form
        self._current_section = current_section
        self._doc: DraftDocument | None = None
        self.heading = LineEditSpans(form.heading_edit)
        self.body = SpanHighlighter(form.body_edit)
        self.point = SpanHighlighter(form.points.editor, whole=True)
        self.tail = SpanHighlighter(form.tail_edit)
        self.report_fields: dict[str, LineEditSpans | SpanHighlighter] = {
            name: LineEditSpans(edit) if isinstance(edit, QLineEdit) else SpanHighlighter(edit, whole=not isinstance(edit, ParagraphsEdit))
            for name, edit in report_form.text_editors().items()
        }
        self._updates = Debounce(form, REFRESH_MS, self.refresh)
        form.points.list.currentRowChanged.connect(lambda _row: self.refresh())

    def document_connections(self, doc: DraftDocument) -> Connections:
        return [(doc.changed, self._updates.schedule), (doc.flagsVerifiedChanged, self._verified_changed)]

    def document_set(self) -> None:
        self.refresh()

    def _verified_changed(self, _flag_id: str) -> None:
        self.refresh()  # at once: the clerk just asked for the mark to go (or come back)

    def refresh(self) -> None:
        self._updates.done()
        doc = self._doc
        section_id = self._current_section()
        section_flags = (
            flags_for_section(doc.report, section_id, include_verified=False) if doc and section_id else []
        )
        by_field: dict[str, list[Flag]] = {}
        for flag in section_flags:
            by_field.setdefault(flag.field, []).append(flag)
        row = self._form.points.list.currentRow()
        self.heading.set_spans([span_of(f) for f in by_field.get("heading", [])])
        self.body.set_spans([span_of(f) for f in by_field.get("body", [])])
        self.tail.set_spans([span_of(f) for f in by_field.get("tail", [])])
        self.point.set_spans([span_of(f, 0) for f in by_field.get("points", []) if f.index == row])
        self._mark_point_rows(by_field.get("points", []))
        self._mark_cells(section_id, by_field.get(CELLS, []))

        report_flags = flags_for_report_fields(doc.report, include_verified=False) if doc else []
        by_field = {}
        for flag in report_flags:
            by_field.setdefault(flag.field, []).append(flag)
        for name, marks in self.report_fields.items():
            whole = isinstance(marks, SpanHighlighter) and marks.whole
            marks.set_spans([span_of(f, 0 if whole else None) for f in by_field.get(name, [])])


    def _mark_cells(self, section_id: str, flags: list[Flag]) -> None:
        """Tint the table cells that hold a flag (a carried 完成情况表's figures), with its tooltip."""
        section = self._doc.report.find(section_id) if self._doc is not None and section_id else None
        cells = table_cells(section) if section is not None else []
        marks: dict[tuple[int, int, int], tuple[str, str]] = {}
        for flag in flags:
            if 0 <= flag.index < len(cells):
                marks[cells[flag.index]] = (KIND_COLOURS[flag.kind][0], flag_tooltip(flag))
        self._form.tables.mark_cells(marks)

    def _mark_point_rows(self, flags: list[Flag]) -> None:
        """Tint the points in the list that have flags, so the clerk sees which to open."""
        counts: dict[int, int] = {}
        for flag in flags:
            counts[flag.index] = counts.get(flag.index, 0) + 1
        rows = self._form.points.list
        for row in range(rows.count()):
            item = rows.item(row)
            count = counts.get(row, 0)
            item.setData(Qt.ItemDataRole.BackgroundRole, QBrush(QColor(POINT_ROW_COLOUR)) if count else None)
            text = item.toolTip().split("\n\n待核实")[0]
            item.setData(Qt.ItemDataRole.ToolTipRole, f"{text}\n\n待核实 {count} 处" if count else text)


def painted_ranges(edit: QPlainTextEdit) -> list[tuple[int, int, int, str]]:
    """(block number, start, end, background colour) of every span painted in ``edit``
    (what the highlighter actually gave the text layout; for tests and screenshots)."""
    out = []
    block = edit.document().firstBlock()
    while block.isValid():
        for fmt in block.layout().formats():
            out.append((block.blockNumber(), fmt.start, fmt.start + fmt.length, fmt.format.background().color().name()))
        block = block.next()
    return out


__all__ = ["KIND_COLOURS", "FlagMarks", "LineEditSpans", "Span", "SpanHighlighter", "painted_ranges"]
