"""The 落款 (GB/T 9704 §7.3.5): where 署名 and 成文日期 go, and that they never stand alone.

Two layouts, chosen per report (``Report.signature_layout``, default from kind.toml):

* 加盖印章 (§7.3.5.1): the date 右空四字, the 署名 centred over it. Both paragraphs are
  centred in one box that reaches the text block's right edge and whose axis is the date's
  centre, so the 署名 sits centred over the date whatever the fonts make of the date's
  width; only the box's place depends on that width. A 署名 wider than the box is broken
  between words (core.render.title's line breaker), each line centred.
* 不加盖印章 (§7.3.5.2): the 署名 右空二字, the date on the next line starting two
  characters right of the 署名's first character. Both are left-aligned from indents that
  depend only on the 署名's width (Chinese characters: the same in Word and LibreOffice).
  A date longer than the 署名 is 右空二字 and the 署名 moves left to keep the offset
  ("如成文日期长于发文机关署名"; a shorter one may reach into the 署名's 右空二字).

The one width that differs between the two programs is the date's: LibreOffice puts a gap
of about 0.22 em at each change between digits and Chinese even where the style says
``w:autoSpaceDE="0"`` (it reads the setting as ``ideograph-alpha``); Word puts none.
:func:`printed_width` takes LibreOffice's (measured on its PDF), so LibreOffice prints the
date exactly 右空四字 and Word about 3 mm further left, its 署名 still centred over it.
docs/ARCHITECTURE.md says why this geometry and not a frame or a table.

The last two lines of text are kept on the page of the 落款 and 附件说明 (keep-with-next),
so these never open a page on their own or under a single line.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from core.draft.model import SIGNATURE_SEALED, SIGNATURE_UNSEALED
from core.ooxml.names import W_BR, W_IND, W_JC, W_KEEP_NEXT, W_P, W_PPR, W_R, W_T, W_WIDOW_CONTROL, qn
from core.render.closing_block import (
    DATE_STYLES,
    SIGNATURE_STYLES,
    closing_keeps,
)
from core.render.fixups import child_in_order, paragraph_style, paragraph_text
from core.render.styles import BODY_PT, CHAR, LIBREOFFICE_SCRIPT_GAP_EM, PAGE
from core.render.title import char_width, text_width, title_lines

_BEFORE_WIDOW_CONTROL = {qn(f"w:{name}") for name in ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr")}

SIGNATURE_RIGHT = 2  # characters: 署名 右空二字 (unsealed), a date too long for the offset too
# Twips: a date no more than 1 mm longer than the 署名 is as long (the checker's tolerance of a
# place on paper); the date then reaches that far past the text block, with a little spare so
# that rounding never wraps it.
AS_LONG, OVERHANG_SPARE = 57, 20
DATE_RIGHT = 4  # characters: 成文日期 右空四字 (sealed)
UNSEALED_OFFSET = 2  # the date starts two characters right of the 署名 (§7.3.5.2)
ONE_CHAR = round(CHAR)  # twips: one 3号 character, the unit of 右空N字
CHAR_SPACING = PAGE.char_spacing(BODY_PT)  # twips: the body styles' w:spacing (28 characters a line)
LIBREOFFICE_SCRIPT_GAP = round(LIBREOFFICE_SCRIPT_GAP_EM * CHAR)  # twips at 3号: 69

# pPr children that the schema puts after w:ind (w:keepNext comes before all of these).
_AFTER_IND = {
    qn(f"w:{name}")
    for name in (
        "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
        "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
        "sectPr", "pPrChange",
    )
}  # fmt: skip
_AFTER_JC = {
    qn(f"w:{name}")
    for name in (
        "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
        "rPr", "sectPr", "pPrChange",
    )
}  # fmt: skip


@dataclass
class ClosingBlock:
    signatures: list[etree._Element]  # the 署名 lines' paragraphs (none: a date alone)
    date: etree._Element


def _ppr(paragraph: etree._Element) -> etree._Element:
    ppr = paragraph.find(W_PPR)
    if ppr is None:
        ppr = etree.Element(W_PPR)
        paragraph.insert(0, ppr)
    return ppr


def printed_width(text: str) -> int:
    """``text``'s width in twips as LibreOffice prints it in a 3号 body style: each character's
    advance plus the styles' character spacing, and LibreOffice's gap at each change between
    Chinese and digits/Latin (Word, which honours ``w:autoSpaceDE="0"``, prints no gap)."""
    width, previous = 0, None
    for ch in text:
        wide = char_width(ch) == 1.0
        width += (ONE_CHAR if wide else ONE_CHAR // 2) + CHAR_SPACING
        if previous is not None and wide != previous:
            width += LIBREOFFICE_SCRIPT_GAP
        previous = wide
    return width


def closing_blocks(body: etree._Element, ours: dict[str, str] | None = None) -> list[ClosingBlock]:
    """Each 成文日期 with the 署名 paragraphs right before it (the 印发通知 has its own 落款)."""
    blocks: list[ClosingBlock] = []
    signatures: list[etree._Element] = []
    for paragraph in body.iter(W_P):
        style = paragraph_style(paragraph, ours)
        if style in SIGNATURE_STYLES:
            signatures.append(paragraph)
        elif style in DATE_STYLES:
            blocks.append(ClosingBlock(signatures, paragraph))
            signatures = []
        elif paragraph_text(paragraph).strip():
            signatures = []
    return blocks


def place_signature(
    body: etree._Element, layout: str = SIGNATURE_SEALED, ours: dict[str, str] | None = None
) -> None:
    """Set each 落款's 署名 and 成文日期 out per ``layout`` (see the module's docstring).

    ``ours`` maps the template's style IDs to ours (:func:`core.render.style_names.our_style_ids`).
    """
    for block in closing_blocks(body, ours):
        if not block.signatures:
            continue  # a date alone keeps its style: 右空四字
        if layout == SIGNATURE_UNSEALED:
            _place_unsealed(block)
        else:
            _place_sealed(block)


def _place_sealed(block: ClosingBlock) -> None:
    """Both centred in one box whose axis is the date's centre at 右空四字 (§7.3.5.1)."""
    half = DATE_RIGHT * ONE_CHAR + printed_width(paragraph_text(block.date)) // 2  # axis to the right edge
    box_left = PAGE.text_width - 2 * half
    fits = 2 * half / (ONE_CHAR + CHAR_SPACING)  # characters a 署名 line may hold
    for paragraph in [*block.signatures, block.date]:
        if paragraph is not block.date:
            _break_lines(paragraph, fits)
        _set_indents(paragraph, left=box_left, right=0, align="center")


def _place_unsealed(block: ClosingBlock) -> None:
    """署名 lines start on one axis, 右空二字; the date starts two characters further right;
    a date longer than the 署名 is 右空二字 and the 署名 moves left to keep the offset (§7.3.5.2)."""
    signature_width = max(printed_width(paragraph_text(p)) for p in block.signatures)
    date_width = printed_width(paragraph_text(block.date))
    offset = UNSEALED_OFFSET * ONE_CHAR
    if date_width <= signature_width + AS_LONG:  # it may reach into the 署名's 右空二字: "长于" is the test
        start = PAGE.text_width - SIGNATURE_RIGHT * ONE_CHAR - signature_width
        # A date a hair longer (by LibreOffice's gaps between digits and Chinese, which Word
        # does not print) is not "longer": it may reach as far past the text block, not wrap.
        overhang = max(0, date_width - signature_width)
        _set_indents(block.date, left=start + offset, right=-(overhang + OVERHANG_SPARE) if overhang else 0,
                     align="left")
    else:
        start = PAGE.text_width - SIGNATURE_RIGHT * ONE_CHAR - date_width - offset
        _set_indents(block.date, left=0, right=SIGNATURE_RIGHT * ONE_CHAR, align="right")
    for paragraph in block.signatures:
        _set_indents(paragraph, left=max(0, start), right=0, align="left")


def _break_lines(paragraph: etree._Element, fits: float) -> None:
    """A 署名 too wide for its box is broken between words (one run of text only: the
    app's own output; a clerk's formatted 署名 is left to Word)."""
    text = paragraph_text(paragraph)
    lines = title_lines(text, width=fits) if "\n" not in text and text_width(text) > fits else None
    texts = paragraph.findall(f"{W_R}/{W_T}")
    if not lines or len(lines) < 2 or len(texts) != 1:
        return
    run_text = texts[0]
    run_text.text = lines[0]
    for line in lines[1:]:
        run_text.addnext(etree.Element(W_BR))
        run_text = run_text.getnext()
        follower = etree.Element(W_T)
        follower.text = line
        follower.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run_text.addnext(follower)
        run_text = follower


def _set_indents(paragraph: etree._Element, left: int, right: int, align: str) -> None:
    ppr = _ppr(paragraph)
    ind = child_in_order(ppr, W_IND, _AFTER_IND)
    for side, twips in (("left", left), ("right", right)):
        ind.set(qn(f"w:{side}"), str(twips))
        ind.set(qn(f"w:{side}Chars"), "0")  # the style's character units would override the twips
    ind.set(qn("w:firstLine"), "0")
    ind.set(qn("w:firstLineChars"), "0")
    jc = child_in_order(ppr, W_JC, _AFTER_JC)
    jc.set(qn("w:val"), align)


def keep_closing_with_text(body: etree._Element, ours: dict[str, str] | None = None) -> None:
    """Mark the .docx's paragraphs per :func:`closing_keeps`: keep-with-next, and widow
    control (off elsewhere to keep 22 lines a page) where two lines stay together."""
    paragraphs = list(body.iter(W_P))
    keeps = closing_keeps([(paragraph_style(p, ours), paragraph_text(p)) for p in paragraphs])
    for index in sorted(keeps.keep_with_next):
        _keep_with_next(paragraphs[index], two_lines_together=index in keeps.two_lines_together)


def _keep_with_next(paragraph: etree._Element, two_lines_together: bool) -> None:
    ppr = _ppr(paragraph)
    keep = ppr.find(W_KEEP_NEXT)
    if keep is None:
        keep = etree.Element(W_KEEP_NEXT)
        style = ppr.find(qn("w:pStyle"))
        if style is not None:
            style.addnext(keep)
        else:
            ppr.insert(0, keep)
    if two_lines_together and ppr.find(W_WIDOW_CONTROL) is None:
        earlier = [child for child in ppr if child.tag in _BEFORE_WIDOW_CONTROL]
        ppr.insert(ppr.index(earlier[-1]) + 1 if earlier else 0, etree.Element(W_WIDOW_CONTROL))
