"""The document as it will print: A4 pages laid out from the same context as the .docx.

Paragraphs come from ``core.render.context.build_context`` and their look from
``core.render.styles`` (the one style table the Word templates are generated from), so
the preview and the exported file agree on ordinals, fonts, sizes, indents and the
22-line grid. Layout happens in points on a 72-dpi device and is scaled to the pane.
Edits re-render after a short pause (debounced), keeping the scroll position.

Units: QTextDocument scales format lengths (indents, line heights) by device dpi / 96,
while fonts follow the device's dpi. On a 96-dpi layout device both agree, whatever the
screen's scaling, so all geometry here is in 96-dpi pixels (``PX`` per point).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.render.fonts import DEFAULT_SCHEME, SCHEMES, FontScheme, get_scheme
from core.render.styles import (
    BODY_PT,
    LINE,
    PAGE,
    PAGE_NUMBER_PT,
    STYLE_BY_ID,
    TWIPS_PER_PT,
    CharacterStyle,
    ParagraphStyle,
)
from core.render.variants import VARIANT_BY_KEY
from gui import style
from gui.document import DraftDocument
from gui.panels.panel_base import Connections, Debounce, DocumentBound
from gui.panels.preview_fonts import SlotFont, map_scheme, stand_in_note

DEBOUNCE_MS = 350
PAGE_GAP = 20.0  # layout pixels between pages on screen
SHADOW = QColor(0, 0, 0, 40)


PX = 96 / 72  # layout pixels per point


def _pt(twips: int) -> float:
    """Twips → layout pixels."""
    return twips / TWIPS_PER_PT * PX


PAGE_W, PAGE_H = _pt(PAGE.width), _pt(PAGE.height)
TEXT_W, TEXT_H = _pt(PAGE.text_width), _pt(PAGE.text_height)
LEFT, TOP = _pt(PAGE.left), _pt(PAGE.top)
LINE_PT = _pt(LINE)
# Word fits 28 body characters in the 156 mm line with its character grid; so do we.
CHAR_PITCH = TEXT_W / PAGE.chars_per_line
_ALIGN = {
    "both": Qt.AlignmentFlag.AlignJustify,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
    "left": Qt.AlignmentFlag.AlignLeft,
}


def _layout_device() -> QImage:
    """A 96-dpi device, independent of the screen's scaling (kept alive with its document)."""
    device = QImage(4, 4, QImage.Format.Format_RGB32)
    dots_per_metre = round(96 / 0.0254)
    device.setDotsPerMeterX(dots_per_metre)
    device.setDotsPerMeterY(dots_per_metre)
    return device


@dataclass
class Layout:
    document: QTextDocument
    pages: int
    section_tops: dict[str, float]  # section id → y in the continuous layout (pixels)
    page_number_font: QFont
    device: QImage  # the document lays out against it, so it lives as long


# Word sets ASCII in the Latin font (w:ascii) and everything else, quotes “” included, in
# the East Asian one (w:eastAsia); the preview splits text into such runs too.
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")


@dataclass(frozen=True)
class RunFormats:
    east_asian: QTextCharFormat
    latin: QTextCharFormat


def _char_formats(font: SlotFont, size: float, bold: bool, latin: SlotFont) -> RunFormats:
    def make(families: list[str]) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if families:
            fmt.setFontFamilies(families)
        fmt.setFontPointSize(size)
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        if abs(size - BODY_PT) < 0.01:
            fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
            fmt.setFontLetterSpacing(CHAR_PITCH - size * PX - 0.01)
        return fmt

    return RunFormats(
        east_asian=make([f for f in (font.family, latin.family) if f]),
        latin=make([f for f in (latin.family, font.family) if f]),
    )


def _insert_runs(cursor: QTextCursor, text: str, formats: RunFormats) -> None:
    position = 0
    for match in _ASCII_RUN.finditer(text):
        if match.start() > position:
            cursor.insertText(text[position : match.start()], formats.east_asian)
        cursor.insertText(match.group(0), formats.latin)
        position = match.end()
    if position < len(text):
        cursor.insertText(text[position:], formats.east_asian)


def _block_format(style: ParagraphStyle, page_break_before: bool) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setAlignment(_ALIGN.get(style.align, Qt.AlignmentFlag.AlignJustify))
    pitch = CHAR_PITCH if abs(style.size_pt - BODY_PT) < 0.01 else style.size_pt * PX
    fmt.setTextIndent((style.indent.first_line - style.indent.hanging) * pitch)
    fmt.setLeftMargin(style.indent.left * pitch)
    fmt.setRightMargin(style.indent.right * pitch)
    fmt.setTopMargin(style.before_lines * LINE_PT)
    fmt.setBottomMargin(style.after_lines * LINE_PT)
    if style.line == "exact":
        height = LINE_PT * (style.line_twips or LINE) / LINE  # 发文机关标志, 版头/版记 lines: their own
        fmt.setLineHeight(height, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    if page_break_before or style.page_break_before:
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    if style.tabs:  # 发文字号 and 签发人, 印发机关 and 印发日期 on one line
        kinds = {"right": QTextOption.TabType.RightTab, "center": QTextOption.TabType.CenterTab}
        fmt.setTabPositions(
            [QTextOption.Tab(_pt(t.position), kinds.get(t.align, QTextOption.TabType.LeftTab)) for t in style.tabs]
        )
    return fmt


def build_layout(paragraphs: list[dict[str, str]], scheme: FontScheme, fonts: dict[str, SlotFont]) -> Layout:
    """Lay the context's paragraphs out on A4 pages (GB/T 9704 text block)."""
    document = QTextDocument()
    device = _layout_device()
    document.documentLayout().setPaintDevice(device)
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(TEXT_W, TEXT_H))
    cursor = QTextCursor(document)
    section_tops: dict[str, float] = {}
    blocks_for_sections: dict[str, int] = {}
    break_next = False
    for index, paragraph in enumerate(paragraphs):
        variant = VARIANT_BY_KEY.get(paragraph["style"], VARIANT_BY_KEY["body"])
        style = STYLE_BY_ID[variant.paragraph_style]
        assert isinstance(style, ParagraphStyle)
        block = _block_format(style, break_next)
        bold = style.bold or (style.slot == "title" and (scheme.title_bold or fonts["title"].bold_stand_in))
        body_formats = _char_formats(fonts[style.slot], style.size_pt, bold, fonts["latin"])
        if style.color:  # the red 发文机关标志
            for run_format in (body_formats.east_asian, body_formats.latin):
                run_format.setForeground(QColor(f"#{style.color}"))
        if index == 0:
            cursor.setBlockFormat(block)
            cursor.setBlockCharFormat(body_formats.east_asian)
        else:
            cursor.insertBlock(block, body_formats.east_asian)
        if paragraph.get("section") and paragraph["section"] not in blocks_for_sections:
            blocks_for_sections[paragraph["section"]] = cursor.block().blockNumber()
        if paragraph.get("lead"):
            lead_style = STYLE_BY_ID.get(variant.lead_style or "")
            lead_formats = body_formats
            if isinstance(lead_style, CharacterStyle):
                lead_formats = _char_formats(fonts[lead_style.slot], style.size_pt, lead_style.bold, fonts["latin"])
            _insert_runs(cursor, paragraph["lead"], lead_formats)
        # A title broken over lines keeps one paragraph: a line separator, as in Word.
        _insert_runs(cursor, paragraph.get("text", "").replace("\n", "\u2028"), body_formats)
        break_next = variant.page_break_after
    layout = document.documentLayout()
    document.size()  # forces the layout of every block
    for section_id, number in blocks_for_sections.items():
        section_tops[section_id] = layout.blockBoundingRect(document.findBlockByNumber(number)).top()
    page_font = QFont()
    families = [f for f in (fonts["latin"].family, fonts["songti"].family) if f]
    if families:
        page_font.setFamilies(families)
    page_font.setPixelSize(round(PAGE_NUMBER_PT * PX))
    return Layout(document, max(1, document.pageCount()), section_tops, page_font, device)


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
        pages = self.layout_.pages if self.layout_ else 1
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
        for page in range(self.layout_.pages):
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
            painter.translate(0, -page * TEXT_H)
            self.layout_.document.drawContents(painter, QRectF(0, page * TEXT_H, TEXT_W, TEXT_H))
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

        self._updates = Debounce(self, DEBOUNCE_MS, self.render_now)
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
        return self._updates.is_pending()

    def scheme_id(self) -> str:
        return self._scheme.id

    def _scheme_activated(self, index: int) -> None:
        self.set_scheme(str(self.scheme_combo.itemData(index)))
        self.schemeChosen.emit(self._scheme.id)

    def set_scheme(self, scheme_id: str) -> None:
        self._scheme = get_scheme(scheme_id)
        self._fonts = map_scheme(self._scheme)
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
        from core.render.context import build_context

        if self._doc is None:
            return []
        # The GUI thread never waits for jieba: until it has loaded, long titles break by rule.
        return build_context(self._doc.report, wait_for_words=False).paragraphs

    def render_now(self) -> None:
        self._updates.done()
        if self._doc is None:
            self.layout_ = None
            self.pages.set_layout(None)
            self.pages_label.setText("")
            return
        scroll = self.scroll.verticalScrollBar().value()
        self.layout_ = build_layout(self.paragraphs(), self._scheme, self._fonts)
        self._fit_width()
        self.pages.set_layout(self.layout_)
        self.pages_label.setText(f"共 {self.layout_.pages} 页")
        self.scroll.verticalScrollBar().setValue(scroll)

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
