"""The 资料库 panel's result cards: a past paragraph with its source, matches highlighted,
and the buttons that put it into the draft."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.library import SearchHit
from gui import style

MATCH_STYLE = "background:#ffe08a; font-weight:bold;"
RESULT_BACKGROUND = style.REFERENCE_BACKGROUND


def highlighted_html(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` as HTML with each span marked."""
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at:
            continue
        out.append(html.escape(text[at:start]))
        out.append(f'<span style="{MATCH_STYLE}">{html.escape(text[start:end])}</span>')
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def hit_source(hit: SearchHit) -> str:
    """"《2022年上半年工作总结》 2022年 · 一、… / （二）…"."""
    from gui.kind_names import kind_display_name

    # A title goes in 书名号; a document without one is named by its file.
    parts = [f"《{hit.document}》" if hit.document != hit.file_name else hit.file_name]
    if hit.year:
        parts.append(f"{hit.year}年")
    if hit.kind:
        parts.append(kind_display_name(hit.kind))
    where = " · ".join(parts)
    return f"{where}\n{hit.section_path}" if hit.section_path else where


class ResultCard(style.Card):
    """One paragraph found in the library, with the button that copies it into the draft.

    A card is filled with :meth:`show_hit` and filled again for the next results (see
    :class:`CardList`)."""

    insertRequested = Signal(object)  # the SearchHit

    def __init__(self, hit: SearchHit | None = None, can_insert: bool = False) -> None:
        super().__init__(RESULT_BACKGROUND, style.REFERENCE_BORDER)
        self.hit: SearchHit | None = None
        self.snippet_label = QLabel()
        self.snippet_label.setTextFormat(Qt.TextFormat.RichText)
        self.snippet_label.setWordWrap(True)
        self.source_label = style.hint(QLabel())
        self.source_label.setWordWrap(True)
        self.used_label = style.hint(QLabel("✓ 已加入"))
        self.used_label.setVisible(False)
        self.insert_button = QPushButton("加入正文")
        self.insert_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.insert_button.clicked.connect(self._insert)
        buttons = QHBoxLayout()
        buttons.addWidget(self.used_label)
        buttons.addStretch(1)
        buttons.addWidget(self.insert_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.snippet_label)
        layout.addWidget(self.source_label)
        layout.addLayout(buttons)
        if hit is not None:
            self.show_hit(hit, can_insert)

    def show_hit(self, hit: SearchHit, can_insert: bool) -> None:
        self.hit = hit
        self.snippet_label.setText(highlighted_html(hit.snippet, hit.snippet_spans))
        self.snippet_label.setToolTip(hit.text)
        self.source_label.setText(hit_source(hit))
        self.used_label.setVisible(False)
        self.set_can_insert(can_insert)

    def set_can_insert(self, can: bool) -> None:
        self.insert_button.setEnabled(can)
        self.insert_button.setToolTip(
            "把这一整段加到本节正文末尾（可撤销）；也可双击此卡片" if can else "请先在左侧提纲中选择要加入的一节"
        )

    def set_used(self, used: bool) -> None:
        self.used_label.setVisible(used)

    def _insert(self) -> None:
        if self.hit is not None:
            self.insertRequested.emit(self.hit)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.insert_button.isEnabled():
            self._insert()
        event.accept()


class CardList(QScrollArea):
    """A scrolling column of result cards, one per hit.

    Cards are kept and filled again for the next results, never made anew: PySide6 6.11
    keeps references to None for every widget made from Python once Qt has called it (see
    gui/rows.py), and thirty new cards a search grew None's count by 1,500 a search. The
    cards made are as many as the most results ever shown (the panels' limit)."""

    insertRequested = Signal(object)  # the SearchHit of the card whose button was used

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        host = QWidget()
        self._layout = QVBoxLayout(host)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._layout.addStretch(1)
        self.setWidget(host)
        self._made: list[ResultCard] = []
        self.cards: list[ResultCard] = []  # the cards showing a hit, in order

    def show_hits(self, hits: Sequence[SearchHit], can_insert: bool) -> None:
        while len(self._made) < len(hits):
            card = ResultCard()
            card.insertRequested.connect(self.insertRequested)
            self._layout.insertWidget(len(self._made), card)
            self._made.append(card)
        for card, hit in zip(self._made, hits, strict=False):
            card.show_hit(hit, can_insert)
            card.setVisible(True)
        for card in self._made[len(hits) :]:
            card.setVisible(False)
            card.hit = None
        self.cards = self._made[: len(hits)]
        self.verticalScrollBar().setValue(0)
