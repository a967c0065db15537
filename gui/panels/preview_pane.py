"""The document as it will print: A4 pages laid out from the same context as the .docx.

The layout itself is gui/panels/preview_layout.py. This pane keeps it current without
ever making the clerk wait: edits re-render after a short pause (debounced), and only
while the pane is shown; the render context is built on a worker thread from a snapshot
of the draft; the paragraphs that changed are laid out on the GUI thread in slices of a
few milliseconds between events; a newer edit supersedes a render under way, and a
stale result is dropped. The scroll position is kept.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.render.fonts import DEFAULT_SCHEME, SCHEMES, get_scheme
from core.render.styles import PAGE_NUMBER_PT
from gui import style
from gui.document import DraftDocument
from gui.panels.panel_base import BackgroundJob, Connections, Debounce, DocumentBound
from gui.panels.preview_fonts import map_scheme, stand_in_note
from gui.panels.preview_layout import (
    LEFT,
    PAGE_H,
    PAGE_W,
    PX,
    TEXT_H,
    TEXT_W,
    TOP,
    Layout,
    ParagraphCache,
    build_layout,
    layout_steps,
)

__all__ = ["PreviewPane", "build_layout"]

DEBOUNCE_MS = 350
SLICE_SECONDS = 0.004  # GUI-thread layout per turn of the event loop: well inside a frame
PAGE_GAP = 20.0  # layout pixels between pages on screen
SHADOW = QColor(0, 0, 0, 40)


def _context_paragraphs(report: object) -> list[dict[str, str]]:
    from core.render.context import build_context

    # Never waits for jieba: until it has loaded, long titles break by rule.
    return build_context(report, wait_for_words=False).paragraphs  # type: ignore[arg-type]


class PagesWidget(QWidget):
    """Paints the pages, scaled to the width of the pane."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_: Layout | None = None
        self.scale = 0.7
        self.setAutoFillBackground(False)

    def set_layout(self, layout: Layout | None) -> None:
        self.layout_ = layout
        self._resize()
        self.update()

    def set_scale(self, scale: float) -> None:
        if abs(scale - self.scale) > 0.001:
            self.scale = scale
            self._resize()
            self.update()

    def page_top(self, page: int) -> float:
        return (PAGE_GAP + page * (PAGE_H + PAGE_GAP)) * self.scale

    def y_for(self, layout_y: float) -> int:
        """Widget y of a point in the continuous layout."""
        page = int(layout_y // TEXT_H)
        return int(self.page_top(page) + (TOP + layout_y - page * TEXT_H) * self.scale)

    def _resize(self) -> None:
        pages = self.layout_.page_count if self.layout_ else 1
        width = int((PAGE_W + 2 * PAGE_GAP) * self.scale)
        height = int(self.page_top(pages) + PAGE_GAP * self.scale)
        self.setFixedSize(width, height)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), style.PAGE_BACKGROUND)
        if self.layout_ is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(self.scale, self.scale)
        visible = QRectF(event.rect()).adjusted(-2, -2, 2, 2)
        for page in range(self.layout_.page_count):
            top = PAGE_GAP + page * (PAGE_H + PAGE_GAP)
            page_rect = QRectF(PAGE_GAP, top, PAGE_W, PAGE_H)
            on_screen = QRectF(page_rect.x() * self.scale, top * self.scale, PAGE_W * self.scale, PAGE_H * self.scale)
            if not on_screen.intersects(visible):
                continue
            painter.fillRect(page_rect.translated(2, 3), SHADOW)
            painter.fillRect(page_rect, Qt.GlobalColor.white)
            painter.save()
            painter.translate(page_rect.x() + LEFT, top + TOP)
            painter.setClipRect(QRectF(0, 0, TEXT_W, TEXT_H))
            self.layout_.draw_page(painter, page)
            painter.restore()
            self._page_number(painter, page_rect, page + 1)
        painter.end()

    def _page_number(self, painter: QPainter, page_rect: QRectF, number: int) -> None:
        assert self.layout_ is not None
        painter.setFont(self.layout_.page_number_font)
        painter.setPen(Qt.GlobalColor.black)
        # GB/T 9704 §7.5: 7 mm below the text block; odd pages right, even left, one character in.
        size = PAGE_NUMBER_PT * PX
        baseline_y = page_rect.y() + TOP + TEXT_H + 7 * 96 / 25.4 + size * 0.8
        text = f"— {number} —"
        width = painter.fontMetrics().horizontalAdvance(text)
        odd = number % 2 == 1
        x = page_rect.x() + LEFT + (TEXT_W - size - width if odd else size)
        painter.drawText(QPointF(x, baseline_y), text)


class PreviewPane(DocumentBound, QWidget):
    schemeChosen = Signal(str)

    def __init__(self, scheme_id: str = DEFAULT_SCHEME, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: DraftDocument | None = None
        self._section_id = ""
        self._scheme = get_scheme(scheme_id if scheme_id in SCHEMES else DEFAULT_SCHEME)
        self._fonts = map_scheme(self._scheme)
        self.layout_: Layout | None = None

        self.scheme_combo = QComboBox()
        for scheme in SCHEMES.values():
            self.scheme_combo.addItem(scheme.label, scheme.id)
            self.scheme_combo.setItemData(self.scheme_combo.count() - 1, scheme.description, Qt.ItemDataRole.ToolTipRole)
        self.scheme_combo.setCurrentIndex(list(SCHEMES).index(self._scheme.id))
        self.scheme_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scheme_combo.setMinimumContentsLength(6)
        self.scheme_combo.activated.connect(self._scheme_activated)
        self.pages_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel("字体："))
        top.addWidget(self.scheme_combo, 1)
        top.addWidget(self.pages_label)

        self.note_label = style.hint(QLabel())
        self.note_label.setWordWrap(True)

        self.pages = PagesWidget()
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.pages)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        palette = self.scroll.palette()
        palette.setColor(QPalette.ColorRole.Window, style.PAGE_BACKGROUND)
        self.scroll.setPalette(palette)
        self.scroll.setBackgroundRole(QPalette.ColorRole.Window)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.note_label)
        layout.addWidget(self.scroll, 1)

        # Hidden (closed, or behind another dock's tab), the pane does no work; shown again,
        # it catches up once.
        self._updates = Debounce(self, DEBOUNCE_MS, self.render_now, only_when_shown=True)
        self._cache = ParagraphCache(self._scheme, self._fonts)
        self._steps: Iterator[Layout | None] | None = None
        # The render context is built from a snapshot on a worker thread; the newest wins.
        self._context_job = BackgroundJob(self, self._context_arrived, name="preview")
        self._slices = QTimer(self)
        self._slices.setInterval(0)
        self._slices.timeout.connect(self._lay_out_slice)
        self.renders = 0  # finished renders, for tests and benchmarks
        self._update_note()

    # ---- binding ------------------------------------------------------------------------------

    def document_connections(self, doc: DraftDocument) -> Connections:
        return [(doc.changed, self.schedule)]

    def document_set(self) -> None:
        self._section_id = ""
        self.render_now()

    def schedule(self) -> None:
        self._updates.schedule()

    def is_pending(self) -> bool:
        """An edit is waiting for the pause before its render."""
        return self._updates.is_pending()

    def is_busy(self) -> bool:
        """A render is waiting, under way, or owed to a hidden pane."""
        return self._updates.dirty or self._context_job.running or self._steps is not None

    def scheme_id(self) -> str:
        return self._scheme.id

    def _scheme_activated(self, index: int) -> None:
        self.set_scheme(str(self.scheme_combo.itemData(index)))
        self.schemeChosen.emit(self._scheme.id)

    def set_scheme(self, scheme_id: str) -> None:
        self._scheme = get_scheme(scheme_id)
        self._fonts = map_scheme(self._scheme)
        self._cache = ParagraphCache(self._scheme, self._fonts)
        self.scheme_combo.setCurrentIndex(list(SCHEMES).index(scheme_id))
        self._update_note()
        self.render_now()

    def _update_note(self) -> None:
        note = stand_in_note(self._fonts)
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))
        lines = [f"{f.wanted} → {f.family or '系统默认字体'}" for f in self._fonts.values()]
        self.note_label.setToolTip("\n".join(lines))

    # ---- rendering ----------------------------------------------------------------------------

    def paragraphs(self) -> list[dict[str, str]]:
        return _context_paragraphs(self._doc.report) if self._doc is not None else []

    def render_now(self) -> None:
        """Start a render of the draft as it is now (it finishes over the next few turns
        of the event loop); a hidden pane renders when it is shown again."""
        self._updates.done()
        self._steps = None
        self._slices.stop()
        if self._doc is None:
            self._context_job.cancel()
            self._show_layout(None)
            return
        if not self.isVisible():
            self._updates.dirty = True  # owed: done when the pane is shown
            self._context_job.cancel()
            return
        copy = self._doc.snapshot()
        self._context_job.start(lambda: _context_paragraphs(copy))

    def _context_arrived(self, paragraphs: object) -> None:
        """The newest context (an older one, or a failed build, never reaches here)."""
        self._steps = layout_steps(paragraphs, self._cache)  # type: ignore[arg-type]
        self._lay_out_slice()

    def _lay_out_slice(self) -> None:
        """Lay out for a few milliseconds, then give the event loop back."""
        if self._steps is None:
            self._slices.stop()
            return
        deadline = time.perf_counter() + SLICE_SECONDS
        for result in self._steps:
            if result is not None:
                self._steps = None
                self._slices.stop()
                self._show_layout(result)
                return
            if time.perf_counter() >= deadline:
                break
        self._slices.start()

    def _show_layout(self, layout: Layout | None) -> None:
        scroll = self.scroll.verticalScrollBar().value()
        self.layout_ = layout
        self._fit_width()
        self.pages.set_layout(layout)
        self.pages_label.setText(f"共 {layout.page_count} 页" if layout is not None else "")
        self.scroll.verticalScrollBar().setValue(scroll)
        self.renders += 1

    def wait_until_rendered(self, timeout_seconds: float = 30.0) -> bool:
        """Finish the render under way now (screenshots, tests): the event loop turns meanwhile."""
        from PySide6.QtCore import QCoreApplication

        if self._updates.is_pending():
            self.render_now()
        deadline = time.monotonic() + timeout_seconds
        while (self._context_job.running or self._steps is not None) and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.001)
        return not (self._context_job.running or self._steps is not None)

    def _fit_width(self) -> None:
        available = max(200, self.scroll.viewport().width())
        self.pages.set_scale(available / (PAGE_W + 2 * PAGE_GAP))

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit_width()

    def show_section(self, section_id: str) -> None:
        """Scroll so the section's heading is near the top of the pane."""
        self._section_id = section_id
        if self.layout_ is None or section_id not in self.layout_.section_tops:
            return
        y = self.pages.y_for(self.layout_.section_tops[section_id])
        self.scroll.verticalScrollBar().setValue(max(0, y - 24))
