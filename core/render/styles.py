"""The one style definition behind every shipped Word template (GB/T 9704-2012).

Everything that decides how the output looks is here, as data: page geometry, the named
paragraph and character styles (with the font *slot* each uses, see :mod:`core.render.fonts`),
and which template paragraph each kind of rendered paragraph uses. The template builder
turns this into ``styles.xml``/``document.xml``/footers; the renderer uses the same table
to apply a font scheme. A unit restyles its template in Word/WPS by editing these named
styles, so every style has a Chinese name a clerk can find in the 样式 pane.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_PT = 20


def mm(value: float) -> int:
    return round(value * TWIPS_PER_MM)


@dataclass(frozen=True)
class PageSetup:
    """A4 with the GB/T 9704 margins; the text block is 156 × 225 mm."""

    width: int = mm(210)
    height: int = mm(297)
    top: int = mm(37)
    bottom: int = mm(35)
    left: int = mm(28)
    right: int = mm(26)
    # The page number's 一字线 sits 7 mm below the text block; a 4号 line is ~5 mm high,
    # so the footer's baseline is ~25 mm above the page edge.
    footer: int = mm(25)
    header: int = mm(15)
    lines_per_page: int = 22
    chars_per_line: int = 28

    @property
    def text_width(self) -> int:
        return self.width - self.left - self.right

    @property
    def text_height(self) -> int:
        return self.height - self.top - self.bottom

    @property
    def line_pitch(self) -> int:
        """Twips per line: floor, so that exactly ``lines_per_page`` lines fit."""
        return self.text_height // self.lines_per_page

    def char_spacing(self, font_pt: float) -> int:
        """Character spacing (``w:spacing``, 1/20 pt) that puts ``chars_per_line`` on a line.

        A 3号 character is 16 pt; 28 of them need 448 pt but the block is 442.25 pt wide,
        so each character is narrowed by a quarter point. Word's character grid would do
        the same, but LibreOffice lays a 16 pt character over two 15.8 pt grid cells, so
        the spacing is set on the styles and the grid only fixes the lines.
        """
        pitch_pt = self.text_width / TWIPS_PER_PT / self.chars_per_line
        return math.floor((pitch_pt - font_pt) * TWIPS_PER_PT)


PAGE = PageSetup()
BODY_PT = 16.0  # 3号
TITLE_PT = 22.0  # 2号
PAGE_NUMBER_PT = 14.0  # 4号
LINE = PAGE.line_pitch  # 579 twips ≈ 28.95 pt: 22 lines in 225 mm


@dataclass(frozen=True)
class Indent:
    """Indents in characters (Word stores both chars and twips; chars win where supported)."""

    first_line: float = 0
    left: float = 0
    right: float = 0
    hanging: float = 0


RED = "FF0000"  # 版头: 发文机关标志 and the separator line (GB/T 9704 7.2.4, 7.2.7)


@dataclass(frozen=True)
class Rule:
    """A line drawn as a paragraph border: ``side`` top/bottom, ``size`` in eighths of a point."""

    side: str
    size: int
    color: str = "000000"
    space: int = 0  # points between the text and the line


@dataclass(frozen=True)
class TabStop:
    align: str  # w:tab w:val: left / right / center
    position: int  # twips from the text block's left edge


@dataclass(frozen=True)
class ParagraphStyle:
    id: str
    name: str
    slot: str  # font slot, see core.render.fonts.SLOTS
    size_pt: float = BODY_PT
    bold: bool = False
    align: str = "both"  # w:jc: both / center / right / left
    indent: Indent = Indent(first_line=2)
    line: str = "exact"  # "exact" = the 22-line grid; "single" for the footer
    before_lines: float = 0
    after_lines: float = 0
    keep_next: bool = False
    page_break_before: bool = False
    outline_level: int | None = None  # 0-based, shows the heading in Word's navigation pane
    based_on: str | None = "Normal"
    default: bool = False
    color: str | None = None  # text colour (hex RGB); None: automatic (black)
    rules: tuple[Rule, ...] = ()
    tabs: tuple[TabStop, ...] = ()
    line_twips: int | None = None  # exact line height other than the 22-line grid's


@dataclass(frozen=True)
class CharacterStyle:
    id: str
    name: str
    slot: str
    bold: bool = False


# ── tables: the named table style 公文表格 (full single borders; core.render.tables) ──
TABLE_PT = 14.0  # 4号
# LibreOffice puts this much (of the font size) between digits or Latin and Chinese, even where
# w:autoSpaceDE="0" says not to (measured on its PDF: 1.22 mm at 3号); Word puts none.
LIBREOFFICE_SCRIPT_GAP_EM = 0.216
TABLE_STYLE_ID, TABLE_STYLE_NAME = "GongwenTable", "公文表格"

# ── 版头 (GB/T 9704 7.2) and 版记 (7.4) ──
ISSUER_MARK_PT = 36.0  # 小初: "中共某某区委组织部文件" (11 characters) fits the 156 mm line
IMPRINT_PT = 14.0  # 4号
CHAR = BODY_PT * TWIPS_PER_PT  # one 3号 character, in twips
# The 发文机关标志's top edge sits 35 mm below the text block's top edge (7.2.4). Its
# paragraph comes after three lines kept for 份号, 密级 and 紧急程度 (7.2.1–7.2.3), so it is
# pushed down by what is left of 35 mm; ISSUER_MARK_LINE is its exact line height, and the
# glyph's top lies ISSUER_MARK_GLYPH_TOP below its line's top (measured in LibreOffice's PDF).
HEADER_TOP_LINES = 3
ISSUER_MARK_LINE = round(ISSUER_MARK_PT * 1.25 * TWIPS_PER_PT)
ISSUER_MARK_GLYPH_TOP = mm(1.76)
ISSUER_MARK_BEFORE = mm(35) - HEADER_TOP_LINES * LINE - ISSUER_MARK_GLYPH_TOP
# The red line 4 mm below the 发文字号 line (7.2.7): an empty paragraph whose bottom border
# is the line; a 3号 line's box ends BODY_LINE_BELOW_GLYPHS below its characters (measured
# in LibreOffice's PDF). The title follows two blank lines below the line (7.3.1).
BODY_LINE_BELOW_GLYPHS = mm(1.55)
HEADER_RULE_LINE = mm(4) - BODY_LINE_BELOW_GLYPHS
HEADER_RULE = Rule("bottom", 8, RED)
# The title follows "two blank lines" below the line, less what the 版头's own heights (the
# 标志's exact line, the space above it, the line's paragraph) leave over a whole number of
# lines: so the text under it stays on the page's 22-line grid and page 1's last line is
# the 版心's 22nd (0.08 line less; GB/T 9704 7.3.1 空二行 still holds to the eye).
_HEADER_OVER_GRID = (ISSUER_MARK_BEFORE + ISSUER_MARK_LINE + HEADER_RULE_LINE + round(HEADER_RULE.size / 8 * TWIPS_PER_PT)) % LINE
HEADER_RULE_AFTER = 2 * LINE - _HEADER_OVER_GRID


def issuer_mark_grid_shift(lines: int) -> tuple[int, int]:
    """(twips more before the 发文字号, twips more after the red line) that bring a 版头 whose
    发文机关标志 has ``lines`` lines (联合行文: one organ a line) back onto the 22-line grid.

    Each line past the first adds ISSUER_MARK_LINE, not a whole number of lines; the
    nearest whole number is reached by the smaller shift, shared by the two 空二行 gaps
    (7.2.5 and 7.3.1), so each stays within a quarter line of two lines.
    """
    return header_grid_shift((max(1, lines) - 1) * ISSUER_MARK_LINE)


def header_grid_shift(extra_twips: int) -> tuple[int, int]:
    """(twips more before the 发文字号, twips more after the red line) that bring a 版头
    ``extra_twips`` taller than the one-line 标志's back onto the 22-line grid (see
    :func:`issuer_mark_grid_shift`; a joint 标志 laid out as a table, core.render.joint_mark)."""
    extra = extra_twips % LINE
    shift = -extra if extra <= LINE / 2 else LINE - extra
    return shift // 2, shift - shift // 2


SIGNER_LABEL_AT = PAGE.text_width - round(12 * CHAR)  # "签发人：" + 两个三字姓名 + 右空一字
SIGNER_TABS = (TabStop("left", SIGNER_LABEL_AT), TabStop("left", SIGNER_LABEL_AT + round(4 * CHAR)))

GONGWEN_STYLES: tuple[ParagraphStyle, ...] = (
    # 份号, 密级和保密期限, 紧急程度: 3号黑体, top left, one a line.
    ParagraphStyle("HeaderTop", "版头左上（份号、密级、紧急程度）", "heiti", align="left", indent=Indent()),
    ParagraphStyle(
        "IssuerMark",
        "发文机关标志",
        "title",
        ISSUER_MARK_PT,
        align="center",
        indent=Indent(),
        before_lines=ISSUER_MARK_BEFORE / LINE,
        color=RED,
        line_twips=ISSUER_MARK_LINE,
        keep_next=True,
    ),
    # 发文字号: two blank lines under the 发文机关标志, centred (7.2.5).
    ParagraphStyle(
        "DocNumber", "发文字号", "fangsong", align="center", indent=Indent(), before_lines=2, keep_next=True
    ),
    # With 签发人 (上行文): 发文字号 one character in from the left, "签发人：" and the names
    # one character in from the right on the same line (7.2.6), reached by a right tab.
    # The names are 3号楷体 (this style); the number and "签发人：" 仿宋 (SignerLabelChar).
    ParagraphStyle(
        "DocNumberSigned",
        "发文字号（有签发人）",
        "kaiti",
        align="left",
        indent=Indent(left=1, right=1),
        before_lines=2,
        keep_next=True,
        tabs=(TabStop("right", PAGE.text_width - round(CHAR)),),
    ),
    # Several 签发人 (7.2.6): two names a line, a new line's first name under the one above,
    # the 发文字号 on the last line. Left tabs: "签发人：" where two 3-character names end one
    # character in from the right, the names four characters further.
    ParagraphStyle(
        "DocNumberSignersFirst", "发文字号（多个签发人，首行）", "kaiti", align="left",
        indent=Indent(left=1), before_lines=2, keep_next=True, tabs=SIGNER_TABS,
    ),
    ParagraphStyle(
        "DocNumberSignersMore", "发文字号（多个签发人，续行）", "kaiti", align="left",
        indent=Indent(left=1), keep_next=True, tabs=SIGNER_TABS,
    ),
    ParagraphStyle(
        "HeaderRule",
        "版头分隔线",
        "fangsong",
        align="center",
        indent=Indent(),
        after_lines=HEADER_RULE_AFTER / LINE,
        keep_next=True,
        rules=(HEADER_RULE,),
        line_twips=HEADER_RULE_LINE,
    ),
    # 套红纸: the same space — the line's own width included — and no line (the paper has it).
    ParagraphStyle(
        "HeaderRuleBlank",
        "版头分隔线（套红纸）",
        "fangsong",
        align="center",
        indent=Indent(),
        after_lines=HEADER_RULE_AFTER / LINE,
        keep_next=True,
        line_twips=HEADER_RULE_LINE + round(HEADER_RULE.size / 8 * TWIPS_PER_PT),
    ),
)

# 版记 (7.4): 抄送机关 and 印发机关和印发日期 in 4号仿宋, 左右各空一字, between full-width
# lines — the first and last thick (0.35 mm), the one between thin (0.25 mm). The lines are
# empty paragraphs of their own (a border spans its paragraph's indents, the text does not).
IMPRINT_CHAR = IMPRINT_PT * TWIPS_PER_PT
IMPRINT_RULE_LINE = 20  # an empty line one point high that only carries its border
IMPRINT_STYLES: tuple[ParagraphStyle, ...] = (
    ParagraphStyle(
        "ImprintRuleThick",
        "版记分隔线（粗）",
        "fangsong",
        IMPRINT_PT,
        indent=Indent(),
        keep_next=True,
        rules=(Rule("bottom", 8),),
        line_twips=IMPRINT_RULE_LINE,
    ),
    ParagraphStyle(
        "ImprintRuleThin",
        "版记分隔线（细）",
        "fangsong",
        IMPRINT_PT,
        indent=Indent(),
        keep_next=True,
        rules=(Rule("bottom", 6),),
        line_twips=IMPRINT_RULE_LINE,
    ),
    # "抄送：" 左空一字; wrapped lines line up under the first name (回行时与冒号后的首字对齐).
    ParagraphStyle(
        "ImprintCopyTo", "抄送机关", "fangsong", IMPRINT_PT, align="left",
        indent=Indent(left=4, right=1, hanging=3), keep_next=True,
    ),
    # 印发机关 左空一字, 印发日期 右空一字 on the same line (a right tab).
    ParagraphStyle(
        "ImprintPrinter", "印发机关和印发日期", "fangsong", IMPRINT_PT, align="left",
        indent=Indent(left=1, right=1), keep_next=True,
        tabs=(TabStop("right", PAGE.text_width - round(IMPRINT_CHAR)),),
    ),
)

# 附件 pages (8): "附件1" in 3号黑体 on the first line of a new page, top left; the
# attachment's title centred on the third line, so one blank line follows the label.
ATTACHMENT_PAGE_STYLES: tuple[ParagraphStyle, ...] = (
    ParagraphStyle(
        "AttachmentLabel", "附件标识（附件1）", "heiti", align="left", indent=Indent(), keep_next=True,
        page_break_before=True, after_lines=1,
    ),
)

NORMAL = ParagraphStyle(id="Normal", name="Normal", slot="fangsong", based_on=None, default=True)

PARAGRAPH_STYLES: tuple[ParagraphStyle, ...] = (
    NORMAL,
    # The title block ends with one blank line before the text (GB/T 9704 §7.3.1–7.3.2).
    ParagraphStyle(
        "DocTitle",
        "公文标题",
        "title",
        TITLE_PT,
        align="center",
        indent=Indent(),
        after_lines=1,
        keep_next=True,
    ),
    ParagraphStyle(
        "DocTitleTight",
        "公文标题（后接副标题）",
        "title",
        TITLE_PT,
        align="center",
        indent=Indent(),
        keep_next=True,
    ),
    ParagraphStyle(
        "DocSubtitle", "副标题", "kaiti", align="center", indent=Indent(), after_lines=1, keep_next=True
    ),
    ParagraphStyle(
        "DocSubtitleTight", "副标题（后接副标题）", "kaiti", align="center", indent=Indent(), keep_next=True
    ),
    ParagraphStyle("Level1Heading", "一级标题（一、）", "heiti", keep_next=True, outline_level=0),
    ParagraphStyle("Level2Heading", "二级标题（（一））", "kaiti", keep_next=True, outline_level=1),
    # 1. and （1） are set in 仿宋 like the text, not bold (§7.3.3); a unit that wants them
    # bold says so in its own template.
    ParagraphStyle("Level3Heading", "三级标题（1.）", "fangsong", keep_next=True, outline_level=2),
    ParagraphStyle("Level4Heading", "四级标题（（1））", "fangsong", keep_next=True, outline_level=3),
    # 称谓 ("同志们：") stands flush left.
    ParagraphStyle("Salutation", "称谓", "fangsong", indent=Indent()),
    # 主送机关 (§7.3.2): under the title's blank line, 居左顶格, wrapped lines flush left too.
    ParagraphStyle("Addressee", "主送机关", "fangsong", align="left", indent=Indent()),
    # 附件说明 (§7.3.4): one blank line after the text, 左空二字 "附件：", names aligned;
    # kept on one page with the signature block that follows.
    ParagraphStyle(
        "Attachment", "附件说明", "fangsong", indent=Indent(left=5, hanging=3), before_lines=1, keep_next=True
    ),
    ParagraphStyle("AttachmentMore", "附件说明（续）", "fangsong", indent=Indent(left=5), keep_next=True),
    # 署名 and 成文日期 (§7.3.5): one blank line after the text, the date 右空四字, the
    # signature centred over the date (its right indent is computed per document).
    ParagraphStyle(
        "Signature",
        "发文机关署名",
        "fangsong",
        align="right",
        indent=Indent(right=2),
        before_lines=1,
        keep_next=True,
    ),
    ParagraphStyle(
        "SignatureMore",
        "发文机关署名（续）",
        "fangsong",
        align="right",
        indent=Indent(right=2),
        keep_next=True,
    ),
    ParagraphStyle("DocDate", "成文日期", "fangsong", align="right", indent=Indent(right=4)),
    ParagraphStyle(
        "DocDateFirst",
        "成文日期（无署名）",
        "fangsong",
        align="right",
        indent=Indent(right=4),
        before_lines=1,
    ),
    # Page numbers (§7.5): 4号 宋体, odd pages right and even pages left, one character in.
    ParagraphStyle(
        "PageNumberOdd",
        "页码（单页）",
        "songti",
        PAGE_NUMBER_PT,
        align="right",
        indent=Indent(right=1),
        line="single",
    ),
    ParagraphStyle(
        "PageNumberEven",
        "页码（双页）",
        "songti",
        PAGE_NUMBER_PT,
        align="left",
        indent=Indent(left=1),
        line="single",
    ),
    # Table cells (core.render.tables): 4号 仿宋, no first-line indent, single spacing so
    # a cell is as high as its text.
    ParagraphStyle("TableText", "表格文字", "fangsong", TABLE_PT, indent=Indent(), line="single"),
    *GONGWEN_STYLES,
    *IMPRINT_STYLES,
    *ATTACHMENT_PAGE_STYLES,
)

# Run-in headings ("（一）标题。正文…"): the paragraph is body text; only the heading
# part carries the heading's font (GB/T 9704 §7.3.3: 楷体 for （一）, etc.).
CHARACTER_STYLES: tuple[CharacterStyle, ...] = (
    CharacterStyle("Level1HeadingChar", "一级标题文字（段中）", "heiti"),
    CharacterStyle("Level2HeadingChar", "二级标题文字（段中）", "kaiti"),
    CharacterStyle("Level3HeadingChar", "三级标题文字（段中）", "fangsong"),
    CharacterStyle("Level4HeadingChar", "四级标题文字（段中）", "fangsong"),
    CharacterStyle("SignerLabelChar", "发文字号和“签发人：”", "fangsong"),
)

STYLE_BY_ID: dict[str, ParagraphStyle | CharacterStyle] = {
    s.id: s for s in (*PARAGRAPH_STYLES, *CHARACTER_STYLES)
}


FOOTER_STYLES = {"odd": "PageNumberOdd", "even": "PageNumberEven"}
