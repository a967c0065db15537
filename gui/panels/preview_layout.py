"""The preview's page layout: each paragraph laid out once, pages counted by arithmetic.

Paragraphs come from ``core.render.context.build_context`` and their look from
``core.render.styles`` (the one style table the Word templates are generated from), so the
preview and the exported file agree on ordinals, fonts, sizes, indents and the 22-line
grid. Layout happens in points on a 96-dpi device and is scaled to the pane.

Why not one QTextDocument for the whole draft: laying out a 200-page document is one
C++ call that holds the interpreter lock for most of a second, and any change relays
every page after it. Here each paragraph is its own small QTextDocument, laid out once
and kept while its text and style stay the same (``ParagraphCache``); pagination is plain
arithmetic over the kept line heights. :func:`layout_steps` does the work in steps the
caller can spread over the event loop, so typing is never held up; :func:`build_layout`
runs the same steps at once. Both give the same pages, whatever was cached before.

Units: QTextDocument scales format lengths (indents, line heights) by device dpi / 96,
while fonts follow the device's dpi. On a 96-dpi layout device both agree, whatever the
screen's scaling, so all geometry here is in 96-dpi pixels (``PX`` per point).
"""

from __future__ import annotations

import math
import re
import weakref
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPainter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from core.render.closing_block import closing_keeps
from core.render.fonts import FontScheme
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
from gui.panels.preview_fonts import SlotFont

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
_FIT = 0.01  # pixels of rounding a line may overhang the text block and still fit
_ALIGN = {
    "both": Qt.AlignmentFlag.AlignJustify,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
    "left": Qt.AlignmentFlag.AlignLeft,
}
# Word sets ASCII in the Latin font (w:ascii) and everything else, quotes “” included, in
# the East Asian one (w:eastAsia); the preview splits text into such runs too.
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")


def layout_device() -> QImage:
    """A 96-dpi device, independent of the screen's scaling (kept alive with its documents)."""
    device = QImage(4, 4, QImage.Format.Format_RGB32)
    dots_per_metre = round(96 / 0.0254)
    device.setDotsPerMeterX(dots_per_metre)
    device.setDotsPerMeterY(dots_per_metre)
    return device


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


def _block_format(style: ParagraphStyle) -> QTextBlockFormat:
    """The paragraph's look inside its own document; space before/after and page breaks
    are the pagination's (:func:`layout_steps`)."""
    fmt = QTextBlockFormat()
    fmt.setAlignment(_ALIGN.get(style.align, Qt.AlignmentFlag.AlignJustify))
    pitch = CHAR_PITCH if abs(style.size_pt - BODY_PT) < 0.01 else style.size_pt * PX
    fmt.setTextIndent((style.indent.first_line - style.indent.hanging) * pitch)
    fmt.setLeftMargin(style.indent.left * pitch)
    fmt.setRightMargin(style.indent.right * pitch)
    if style.line == "exact":
        height = LINE_PT * (style.line_twips or LINE) / LINE  # 发文机关标志, 版头/版记 lines: their own
        fmt.setLineHeight(height, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    if style.tabs:  # 发文字号 and 签发人, 印发机关 and 印发日期 on one line
        kinds = {"right": QTextOption.TabType.RightTab, "center": QTextOption.TabType.CenterTab}
        fmt.setTabPositions(
            [QTextOption.Tab(_pt(t.position), kinds.get(t.align, QTextOption.TabType.LeftTab)) for t in style.tabs]
        )
    return fmt


# A paragraph as far as its look goes: style key, lead (run-in heading), text.
ParagraphKey = tuple[str, str, str]


def paragraph_key(paragraph: dict[str, str]) -> ParagraphKey:
    return (paragraph["style"], paragraph.get("lead", ""), paragraph.get("text", ""))


@dataclass
class LaidParagraph:
    """One paragraph laid out at the text block's width, in its own document."""

    document: QTextDocument
    line_tops: list[float]  # top of each line's box, from the paragraph's first line
    line_heights: list[float]
    space_before: float
    space_after: float
    break_before: bool  # the style starts a page (附件 pages)
    break_after: bool  # the variant ends its page (印发通知 before the report)
    style_id: str  # the paragraph style (core.render.styles), for the closing-block rule
    keep_next: bool  # the style keeps the paragraph on the page of the next one's first line

    @property
    def line_count(self) -> int:
        return len(self.line_heights)

    @property
    def text(self) -> str:
        return self.document.toPlainText()


class ParagraphCache:
    """Laid-out paragraphs by what they say and look like, for one font scheme.

    A redraw lays out only the paragraphs that are new since the last one; the rest are
    kept. Paragraphs no layout uses any more are dropped by :meth:`keep_only`; once no
    layout on screen holds them either, their documents are used again for new paragraphs.
    (A new QTextDocument's layout object costs PySide6 6.11 three references to None that
    it never gives back; a clerk's day of typing would add them up.)
    """

    SPARE_DOCUMENTS = 256

    def __init__(self, scheme: FontScheme, fonts: dict[str, SlotFont]) -> None:
        self.scheme, self.fonts = scheme, fonts
        self.device = layout_device()
        self._laid: dict[ParagraphKey, LaidParagraph] = {}
        self._spare: list[QTextDocument] = []

    def get(self, key: ParagraphKey) -> LaidParagraph | None:
        return self._laid.get(key)

    def __len__(self) -> int:
        return len(self._laid)

    def lay_out(self, key: ParagraphKey) -> LaidParagraph:
        laid = self._laid.get(key)
        if laid is None:
            laid = self._laid[key] = self._make(*key)
            # When the last layout holding it is gone, its document is free for another paragraph.
            weakref.finalize(laid, self._spare_document, laid.document)
        return laid

    def _spare_document(self, document: QTextDocument) -> None:
        if len(self._spare) < self.SPARE_DOCUMENTS:
            self._spare.append(document)

    def _document(self) -> QTextDocument:
        if self._spare:
            document = self._spare.pop()
            document.clear()
            return document
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setTextWidth(TEXT_W)
        return document

    def keep_only(self, keys: set[ParagraphKey]) -> None:
        self._laid = {key: laid for key, laid in self._laid.items() if key in keys}

    def _make(self, style_key: str, lead: str, text: str) -> LaidParagraph:
        variant = VARIANT_BY_KEY.get(style_key, VARIANT_BY_KEY["body"])
        style = STYLE_BY_ID[variant.paragraph_style]
        assert isinstance(style, ParagraphStyle)
        fonts, scheme = self.fonts, self.scheme
        bold = style.bold or (style.slot == "title" and (scheme.title_bold or fonts["title"].bold_stand_in))
        body_formats = _char_formats(fonts[style.slot], style.size_pt, bold, fonts["latin"])
        if style.color:  # the red 发文机关标志
            for run_format in (body_formats.east_asian, body_formats.latin):
                run_format.setForeground(QColor(f"#{style.color}"))
        document = self._document()
        cursor = QTextCursor(document)
        cursor.setBlockFormat(_block_format(style))
        cursor.setBlockCharFormat(body_formats.east_asian)
        if lead:
            lead_style = STYLE_BY_ID.get(variant.lead_style or "")
            lead_formats = body_formats
            if isinstance(lead_style, CharacterStyle):
                lead_formats = _char_formats(fonts[lead_style.slot], style.size_pt, lead_style.bold, fonts["latin"])
            _insert_runs(cursor, lead, lead_formats)
        # A title broken over lines keeps one paragraph: a line separator, as in Word.
        _insert_runs(cursor, text.replace("\n", "\u2028"), body_formats)
        # Attached after the text is in: laid out once, not after every insertion.
        document.documentLayout().setPaintDevice(self.device)
        block = document.firstBlock()
        document.documentLayout().blockBoundingRect(block)  # lays the paragraph out
        lines = block.layout()
        fixed = style.line == "exact"
        fixed_height = LINE_PT * (style.line_twips or LINE) / LINE
        tops, heights = [], []
        top = 0.0
        for index in range(max(1, lines.lineCount())):
            line = lines.lineAt(index) if lines.lineCount() else None
            if fixed or line is None:
                height = fixed_height if fixed else LINE_PT
            else:
                height = float(math.ceil(line.ascent() + line.descent() + line.leading()))
            tops.append(top)
            heights.append(height)
            top += height
        return LaidParagraph(
            document=document,
            line_tops=tops,
            line_heights=heights,
            space_before=style.before_lines * LINE_PT,
            space_after=style.after_lines * LINE_PT,
            break_before=style.page_break_before,
            break_after=variant.page_break_after,
            style_id=style.id,
            keep_next=style.keep_next,
        )


@dataclass(frozen=True)
class Placement:
    """Lines ``first``–``last`` (exclusive) of a paragraph, on a page at ``y`` (text-block pixels)."""

    paragraph: int
    first: int
    last: int
    y: float


@dataclass
class Layout:
    paragraphs: list[LaidParagraph]
    pages: list[list[Placement]]
    section_tops: dict[str, float]  # section id → y in the continuous layout (page × TEXT_H + y)
    page_number_font: QFont
    cache: ParagraphCache = field(repr=False)  # the documents drawn from live as long

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def page_of_section(self, section_id: str) -> int:
        return int(self.section_tops[section_id] // TEXT_H)

    def draw_page(self, painter: QPainter, page: int) -> None:
        """Paint one page's text; the painter's origin is the text block's top left."""
        for placed in self.pages[page]:
            laid = self.paragraphs[placed.paragraph]
            top = laid.line_tops[placed.first]
            bottom = laid.line_tops[placed.last - 1] + laid.line_heights[placed.last - 1]
            painter.save()
            painter.translate(0, placed.y - top)
            # The clip keeps the lines of this page only; glyphs may reach a little past.
            laid.document.drawContents(painter, QRectF(-CHAR_PITCH, top, TEXT_W + 2 * CHAR_PITCH, bottom - top))
            painter.restore()


def page_number_font(fonts: dict[str, SlotFont]) -> QFont:
    font = QFont()
    families = [f for f in (fonts["latin"].family, fonts["songti"].family) if f]
    if families:
        font.setFamilies(families)
    font.setPixelSize(round(PAGE_NUMBER_PT * PX))
    return font


def layout_steps(paragraphs: list[dict[str, str]], cache: ParagraphCache) -> Iterator[Layout | None]:
    """Lay the context's paragraphs out on A4 pages (GB/T 9704 text block), in steps.

    Yields ``None`` after each unit of work (one paragraph laid out, or a stretch of
    pagination) so the caller may stop and go on later; the last item is the Layout.
    Pages break as in the exported file (:func:`_paginate`).
    """
    laid: list[LaidParagraph] = []
    for paragraph in paragraphs:
        key = paragraph_key(paragraph)
        known = cache.get(key)
        if known is None:
            known = cache.lay_out(key)
            yield None
        laid.append(known)
    cache.keep_only({paragraph_key(p) for p in paragraphs})
    # The .docx's own decision (core.render.signature), over the text Word sees: lead and text.
    closing = closing_keeps([(this.style_id, p["lead"] + p["text"]) for p, this in zip(paragraphs, laid, strict=True)])
    keep = [this.keep_next or index in closing.keep_with_next for index, this in enumerate(laid)]
    pages, section_tops = yield from _paginate(paragraphs, laid, keep, closing.two_lines_together)
    yield Layout(laid, pages, section_tops, page_number_font(cache.fonts), cache)


# Where a page break falls: before line ``[1]`` of paragraph ``[0]``.
BreakPoint = tuple[int, int]


def _paginate(
    paragraphs: list[dict[str, str]], laid: list[LaidParagraph], keep: list[bool], together: frozenset[int]
) -> Generator[None, None, tuple[list[list[Placement]], dict[str, float]]]:
    """Pages by arithmetic over the laid-out lines, as Word and LibreOffice break them.

    A paragraph's lines go on the page while they fit; space before a paragraph is dropped
    where its first line starts a page. Where a break falls, :func:`_break_before` may move
    it earlier (keep with next, two lines together); the lines after the new break are
    taken off the page and placed again overleaf. Yields now and then; returns the pages
    and each section's top (page × TEXT_H + y).
    """
    pages: list[list[Placement]] = [[]]
    section_tops: dict[str, float] = {}
    marked: list[tuple[int, str]] = []  # (paragraph, section) in the order their tops were set
    page_start: BreakPoint = (0, 0)
    y = 0.0
    index, resume_line, steps = 0, 0, 0
    overleaf = False  # placing from a break: on a fresh page, no space before
    while index < len(laid):
        this = laid[index]
        if not overleaf:
            if ((index and laid[index - 1].break_after) or this.break_before) and (pages[-1] or y > 0):
                pages.append([])
                page_start, y = (index, 0), 0.0
            y += this.space_before
        overleaf = False
        first, first_y = resume_line, y
        broken_at = -1
        for line in range(resume_line, this.line_count):
            height = this.line_heights[line]
            if y + height > TEXT_H + _FIT:
                if pages[-1] or line > first:  # the page holds something: go on overleaf
                    broken_at = line
                    break
                y = 0.0  # a line too tall for any page (or after space alone) stands at the top
                first_y = y
            if line == 0:
                section = paragraphs[index].get("section")
                if section and section not in section_tops:
                    section_tops[section] = (len(pages) - 1) * TEXT_H + y
                    marked.append((index, section))
            y += height
        if broken_at < 0:
            pages[-1].append(Placement(index, first, this.line_count, first_y))
            y += this.space_after
            index, resume_line = index + 1, 0
            steps += 1
            if steps % 64 == 0:
                yield None
            continue
        if broken_at > first:
            pages[-1].append(Placement(index, first, broken_at, first_y))
        index, resume_line = _break_before((index, broken_at), laid, keep, together, page_start)
        pages[-1] = _cut(pages[-1], (index, resume_line))
        while marked and (marked[-1][0] > index or (marked[-1][0] == index and resume_line == 0)):
            del section_tops[marked.pop()[1]]
        pages.append([])
        page_start, y, overleaf = (index, resume_line), 0.0, True
    return pages, section_tops


def _break_before(
    natural: BreakPoint, laid: list[LaidParagraph], keep: list[bool], together: frozenset[int], page_start: BreakPoint
) -> BreakPoint:
    """Where the page really breaks when the lines run out at ``natural``.

    As LibreOffice breaks them (measured on its PDF, tests/gui/test_preview_pages_on_paper.py):
    a paragraph that keeps with the next is not split but goes over whole, and so does the
    one before it if that keeps with it too (a chain of headings). A chain that would empty
    the page is ignored, as in Word and LibreOffice; then the breaking paragraph's own
    two-lines-together rule (widow control) holds if it can: two lines at least on each side.
    """
    index, line = natural
    if not (line > 0 and keep[index]):
        index, line = _two_lines_together(natural, laid, together)
    else:
        line = 0
    while line == 0 and index > 0 and keep[index - 1] and not (laid[index - 1].break_after or laid[index].break_before):
        index -= 1
    if (index, line) > page_start:
        return index, line
    own = _two_lines_together(natural, laid, together)
    return own if own > page_start else natural


def _two_lines_together(point: BreakPoint, laid: list[LaidParagraph], together: frozenset[int]) -> BreakPoint:
    """``point`` moved so that a paragraph with widow control leaves no line alone on either page."""
    index, line = point
    if index in together and line > 0:
        count = laid[index].line_count
        if count - line < 2:  # a widow: one line over alone
            line = count - 2
        if line < 2:  # an orphan: one line left alone
            line = 0
    return index, line


def _cut(page: list[Placement], point: BreakPoint) -> list[Placement]:
    """The page's placements before ``point``."""
    index, line = point
    kept = []
    for placed in page:
        if placed.paragraph < index or (placed.paragraph == index and placed.last <= line):
            kept.append(placed)
        elif placed.paragraph == index and placed.first < line:
            kept.append(Placement(placed.paragraph, placed.first, line, placed.y))
    return kept


def build_layout(paragraphs: list[dict[str, str]], scheme: FontScheme, fonts: dict[str, SlotFont],
                 cache: ParagraphCache | None = None) -> Layout:
    """The whole layout at once (tests, screenshots, and the reference for step-wise layout)."""
    result: Layout | None = None
    for result in layout_steps(paragraphs, cache if cache is not None else ParagraphCache(scheme, fonts)):  # noqa: B007
        pass
    assert result is not None
    return result
