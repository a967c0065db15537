"""Last year's text for the section being edited, one card per paragraph.

A long reference is shown a page of paragraphs at a time, with 上一页/下一页: a section carried
over from a thousand-page report has thousands of paragraphs, and a card each (laid out again
with every card added) held the window for seconds. The cards alive are at most a page, however
long the section.

Each card has one-click buttons that copy the paragraph into the form: as a new body
paragraph, or as a new point (a leading 一是/二是 is dropped, since ordinals are computed);
for the report itself, into the opening or closing. All are ordinary undoable edits.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.draft.model import REFERENCE_NAMES
from core.draft.ordinals import strip_ordinal
from gui import style
from gui.document import DraftDocument
from gui.panels.panel_base import Connections, DocumentBound

_OPENING, _CLOSING = "开头", "结尾"
# Paragraphs on a page: more than a tall screen shows, few enough to make in a blink.
PAGE_SIZE = 40


# An inline 一是…二是… list starts a point after a sentence end; show each point on its own card.
_INLINE_POINT = re.compile(r"(?<=[。；！？])(?=[一二三四五六七八九十]{1,3}是)")


def reference_paragraphs(text: str) -> list[str]:
    """Reference text as cards: one per paragraph, inline points split apart."""
    return [part for line in text.split("\n") for part in _INLINE_POINT.split(line.strip()) if part.strip()]


class ReferenceCard(style.Card):
    """One paragraph of last year's text with its copy buttons."""

    def __init__(self, text: str, actions: list[tuple[str, str, Callable[[str], None]]]) -> None:
        super().__init__(style.REFERENCE_BACKGROUND, style.REFERENCE_BORDER)
        self.text = text
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.used_label = style.hint(QLabel("✓ 已加入"))
        self.used_label.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.used_label)
        buttons.addStretch(1)
        self.buttons: list[QPushButton] = []
        for caption, tip, callback in actions:
            button = QPushButton(caption)
            button.setToolTip(tip)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, cb=callback: cb(self.text))
            buttons.addWidget(button)
            self.buttons.append(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(label)
        if actions:
            layout.addLayout(buttons)

    def set_used(self, used: bool) -> None:
        """The paragraph is already in the draft: say so, and do not offer it twice."""
        self.used_label.setVisible(used)
        for button in self.buttons:
            button.setEnabled(not used)


class ReferencePane(DocumentBound, QWidget):
    """Shows ``section.reference`` (or the report's prior opening/closing) as cards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: DraftDocument | None = None
        self._section_id = ""
        self._report_level = False
        self.caption = style.caption(QLabel())
        self.caption.setWordWrap(True)
        self._cards_host = QWidget()
        self._cards = QVBoxLayout(self._cards_host)
        self._cards.setContentsMargins(0, 0, 0, 0)
        self._cards.setSpacing(6)
        self._cards.addStretch(1)
        scroll = self.scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._cards_host)
        self.previous_button = QPushButton("上一页")
        self.previous_button.clicked.connect(lambda: self.show_page(self.page_start - PAGE_SIZE))
        self.next_button = QPushButton("下一页")
        self.next_button.clicked.connect(lambda: self.show_page(self.page_start + PAGE_SIZE))
        self.page_label = style.hint(QLabel())
        self.pager = QWidget()
        pager = QHBoxLayout(self.pager)
        pager.setContentsMargins(0, 0, 0, 0)
        pager.addWidget(self.previous_button)
        pager.addWidget(self.page_label, 1, Qt.AlignmentFlag.AlignCenter)
        pager.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.caption)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.pager)
        self.cards: list[ReferenceCard] = []  # the cards made so far, in order
        self.paragraphs: list[str] = []  # every paragraph of the reference, on this page or not
        self.page_start = 0  # index in ``paragraphs`` of the first card
        self.show_section("")

    def document_connections(self, doc: DraftDocument) -> Connections:
        return [(doc.changed, self._mark_used)]

    def document_set(self) -> None:
        self.show_section("")

    def _in_draft(self) -> set[str]:
        """Paragraphs of the current section (or opening and closing) as they stand now."""
        if self._doc is None:
            return set()
        if self._report_level:
            report = self._doc.report
            return {*(self._tag(_OPENING) + p for p in report.opening), *(self._tag(_CLOSING) + p for p in report.closing)}
        section = self._doc.outline.find(self._section_id) if self._section_id else None
        if section is None:
            return set()
        return {*section.body, *(p.text for p in section.points)}

    def _mark_used(self) -> None:
        present = self._in_draft()
        for card in self.cards:
            card.set_used(card.text in present or strip_ordinal(card.text) in present)

    def show_report_level(self) -> None:
        self._report_level, self._section_id = True, ""
        self._rebuild()

    def show_section(self, section_id: str) -> None:
        self._report_level, self._section_id = False, section_id
        self._rebuild()

    def title(self) -> str:
        """The pane's name for the open draft: 上年参考, or 今年工作要点 for a summary drawn from one."""
        return self._names()[0]

    def _names(self) -> tuple[str, str]:
        origin = self._doc.report.reference_origin if self._doc is not None else ""
        return REFERENCE_NAMES.get(origin, REFERENCE_NAMES[""])

    def _tag(self, part: str) -> str:
        return f"【{self._names()[1]}{part}】"

    def _paragraphs(self) -> tuple[str, list[str]]:
        if self._doc is None:
            return "尚未打开报告。", []
        report = self._doc.report
        word = self._names()[1]
        source = f"（来自《{report.prior_source}》）" if report.prior_source else ""
        if self._report_level:
            parts = []
            if report.reference_opening:
                parts += [f"{self._tag(_OPENING)}{p}" for p in report.reference_opening.split("\n") if p.strip()]
            if report.reference_closing:
                parts += [f"{self._tag(_CLOSING)}{p}" for p in report.reference_closing.split("\n") if p.strip()]
            return (f"{word}的开头和结尾{source}" if parts else f"没有{word}的开头、结尾可供参考。"), parts
        section = report.find(self._section_id) if self._section_id else None
        if section is None:
            return f"在左侧提纲中选择一节，这里会显示{word}中对应的内容。", []
        paragraphs = reference_paragraphs(section.reference)
        heading = section.heading or "本节"
        if not paragraphs:
            return f"“{heading}”没有对应的{word}内容。", []
        return f"“{heading}”的{word}内容{source}：", paragraphs

    def _rebuild(self) -> None:
        caption, self.paragraphs = self._paragraphs()
        self.caption.setText(caption)
        self.show_page(0)

    def show_page(self, start: int) -> None:
        """Cards for the paragraphs from ``start`` (clamped to a page that exists), from the top."""
        last_page = max(0, (len(self.paragraphs) - 1) // PAGE_SIZE * PAGE_SIZE)
        self.page_start = min(max(0, start - start % PAGE_SIZE), last_page)
        for card in self.cards:
            self._cards.removeWidget(card)
            style.discard(card)
        self.cards = []
        for text in self.paragraphs[self.page_start : self.page_start + PAGE_SIZE]:
            card = ReferenceCard(text, self._actions_for(text))
            self._cards.insertWidget(self._cards.count() - 1, card)  # before the closing stretch
            self.cards.append(card)
        self._mark_used()
        end = self.page_start + len(self.cards)
        self.pager.setVisible(len(self.paragraphs) > PAGE_SIZE)
        self.page_label.setText(f"第 {self.page_start + 1}–{end} 段，共 {len(self.paragraphs)} 段")
        self.previous_button.setEnabled(self.page_start > 0)
        self.next_button.setEnabled(end < len(self.paragraphs))
        self.scroll.verticalScrollBar().setValue(0)

    def _actions_for(self, text: str) -> list[tuple[str, str, Callable[[str], None]]]:
        if self._report_level:
            if text.startswith(self._tag(_OPENING)):
                return [("加入开头", "把这一段加到开头末尾（可撤销）", self._copy_to_opening)]
            return [("加入结尾", "把这一段加到结尾末尾（可撤销）", self._copy_to_closing)]
        if not self._section_id:
            return []
        return [
            ("加入正文", "把这一段加到本节正文末尾（可撤销）", self._copy_to_body),
            ("加入要点", "把这一段作为一条新要点，序号自动生成（可撤销）", self._copy_to_point),
        ]

    def _copy_to_opening(self, text: str) -> None:
        if self._doc is not None:
            paragraph = text.removeprefix(self._tag(_OPENING))
            self._doc.set_report_field("opening", [*self._doc.report.opening, paragraph])

    def _copy_to_closing(self, text: str) -> None:
        if self._doc is not None:
            paragraph = text.removeprefix(self._tag(_CLOSING))
            self._doc.set_report_field("closing", [*self._doc.report.closing, paragraph])

    def _copy_to_body(self, text: str) -> None:
        if self._doc is None or not self._section_id:
            return
        section = self._doc.outline.find(self._section_id)
        if section is not None:
            self._doc.set_section_field(self._section_id, "body", [*section.body, strip_ordinal(text, points=False)])

    def _copy_to_point(self, text: str) -> None:
        if self._doc is not None and self._section_id:
            self._doc.add_point(self._section_id, None, strip_ordinal(text))
