"""A 发文机关标志 of several lines (联合行文) kept on the page's 22-line grid (GB/T 9704 5.2.2).

The styles fit a one-line 标志: the 版头 is then a whole number of lines high and page 1
holds 22 lines of text. Each further organ line adds ISSUER_MARK_LINE (45 pt), which is not
a whole number of lines, so the 发文字号's space above and the red line's space below are
set on those two paragraphs by :func:`core.render.styles.issuer_mark_grid_shift`. A 标志 of
several organs becomes the table of core.render.joint_mark here, and its height is taken up
the same way (:func:`core.render.styles.header_grid_shift`).
"""

from __future__ import annotations

import math

from lxml import etree

from core.ooxml.names import qn
from core.render.fixups import W_P, W_PPR, child_in_order, paragraph_style, paragraph_text
from core.render.header import ISSUER_MARK_FITS
from core.render.joint_mark import (
    EM_HEIGHT,
    EM_TOP,
    INK_DROP_PER_PT,
    LINE_FACTOR,
    WENJIAN,
    JointMark,
    joint_mark,
)
from core.render.styles import LINE as LINE_TWIPS
from core.render.styles import STYLE_BY_ID, TWIPS_PER_PT, header_grid_shift, issuer_mark_grid_shift
from core.render.title import text_width

W_SPACING = qn("w:spacing")
# pPr children the schema puts after w:spacing.
_AFTER_SPACING = frozenset(
    qn(f"w:{name}")
    for name in (
        "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
        "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
    )
)  # fmt: skip
NUMBER_STYLES = ("DocNumber", "DocNumberSigned", "DocNumberSignersFirst")
RULE_STYLES = ("HeaderRule", "HeaderRuleBlank")


def keep_header_on_grid(body: etree._Element, styles_root: etree._Element, ours: dict[str, str]) -> None:
    """Shift the 发文字号's space above and the red line's space below by what a 标志 of
    more than one line puts off the grid (nothing for one line)."""
    paragraphs = list(body.iter(W_P))
    marks = [i for i, p in enumerate(paragraphs) if paragraph_style(p, ours) == "IssuerMark"]
    if not marks:
        return
    mark = paragraphs[marks[0]]
    following = paragraphs[marks[0] + 1 :]
    number = next((p for p in following if paragraph_style(p, ours) in NUMBER_STYLES), None)
    rule = next((p for p in following if paragraph_style(p, ours) in RULE_STYLES), None)
    if number is None or rule is None:
        return  # a template without our 版头 paragraphs: nothing of ours to shift
    joint = joint_mark(paragraph_text(mark))
    if joint is not None:
        # The names and "文件" in a table where the paragraph was (its space above included).
        mark.addprevious(mark_table(joint, mark.find(W_PPR).find(qn("w:pStyle")).get(qn("w:val"))))
        mark.getparent().remove(mark)
        before, after = header_grid_shift(joint.extra_height())
        before += joint.number_space_change()
    else:
        before, after = issuer_mark_grid_shift(printed_lines(paragraph_text(mark)))
    if before == after == 0:
        return
    _add_spacing(number, "before", before, styles_root, ours)
    _add_spacing(rule, "after", after, styles_root, ours)


def printed_lines(mark: str) -> int:
    """Lines the 标志 takes on paper: one per organ, and more where an organ's name is wider
    than the line (the export warns about those, core.render.header)."""
    return sum(max(1, math.ceil(text_width(line) / ISSUER_MARK_FITS)) for line in mark.split("\n"))


def _add_spacing(paragraph: etree._Element, side: str, twips: int, styles_root: etree._Element,
                 ours: dict[str, str]) -> None:  # fmt: skip
    """The paragraph's space on ``side`` set directly: its style's (as the template has it) plus ``twips``."""
    style = _style_spacing(styles_root, paragraph, ours, side)
    spacing = child_in_order(paragraph.find(W_PPR), W_SPACING, _AFTER_SPACING)
    spacing.set(qn(f"w:{side}"), str(max(0, style + twips)))


def _style_spacing(styles_root: etree._Element, paragraph: etree._Element, ours: dict[str, str], side: str) -> int:
    """The space the paragraph's style gives on ``side``, in twips (ours when the template's has none)."""
    style_id = paragraph.find(W_PPR).find(qn("w:pStyle")).get(qn("w:val"))
    for style in styles_root.iter(qn("w:style")):
        if style.get(qn("w:styleId")) == style_id:
            spacing = style.find(f"{W_PPR}/{W_SPACING}")
            if spacing is not None and spacing.get(qn(f"w:{side}")) is not None:
                return int(spacing.get(qn(f"w:{side}")))
    ours_style = STYLE_BY_ID[ours.get(style_id, style_id)]
    return round((ours_style.before_lines if side == "before" else ours_style.after_lines) * LINE_TWIPS)


def _el(tag: str, **attrs: str) -> etree._Element:
    element = etree.Element(qn(f"w:{tag}"))
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    element = _el(tag, **attrs)
    parent.append(element)
    return element


def _paragraph(style_id: str, text: str, size_pt: float, before: int, line: int, align: str) -> etree._Element:
    p = _el("p")
    ppr = _sub(p, "pPr")
    _sub(ppr, "pStyle", val=style_id)
    _sub(ppr, "keepNext")
    _sub(ppr, "spacing", before=str(max(0, before)), after="0", line=str(line), lineRule="exact")
    _sub(ppr, "ind", left="0", right="0", firstLine="0")
    _sub(ppr, "jc", val=align)
    run = _sub(p, "r")
    rpr = _sub(run, "rPr")
    half = str(round(size_pt * 2))
    _sub(rpr, "sz", val=half)
    _sub(rpr, "szCs", val=half)
    t = _sub(run, "t")
    t.text = text
    return p


def _cell(width: int, paragraphs: list[etree._Element]) -> etree._Element:
    tc = _el("tc")
    tcpr = _sub(tc, "tcPr")
    _sub(tcpr, "tcW", w=str(width), type="dxa")
    tc.extend(paragraphs)
    return tc


def mark_table(laid: JointMark, style_id: str) -> etree._Element:
    """The 标志 as a borderless, centred one-row table (style ``style_id``: the 标志's red
    title font); the row is exactly :attr:`JointMark.height` high."""
    tbl = _el("tbl")
    tblpr = _sub(tbl, "tblPr")
    _sub(tblpr, "tblW", w=str(laid.width), type="dxa")
    _sub(tblpr, "jc", val="center")
    borders = _sub(tblpr, "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _sub(borders, side, val="nil")
    _sub(tblpr, "tblLayout", type="fixed")
    margins = _sub(tblpr, "tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        _sub(margins, side, w="0", type="dxa")
    _sub(tblpr, "tblLook", val="0000", firstRow="0", lastRow="0", firstColumn="0", lastColumn="0", noHBand="1", noVBand="1")
    grid = _sub(tbl, "tblGrid")
    widths = [laid.names_width] + ([laid.wenjian_width] if laid.wenjian else [])
    for width in widths:
        _sub(grid, "gridCol", w=str(width))
    tr = _sub(tbl, "tr")
    trpr = _sub(tr, "trPr")
    _sub(trpr, "cantSplit")
    _sub(trpr, "trHeight", val=str(laid.height), hRule="exact")
    name_pt = laid.name_pt * TWIPS_PER_PT
    first_before = EM_TOP - (laid.name_line - round(EM_HEIGHT * name_pt))
    names = [
        _paragraph(style_id, name, laid.name_pt, first_before if i == 0 else 0, laid.name_line, "distribute")
        for i, name in enumerate(laid.names)
    ]
    tr.append(_cell(laid.names_width, names))
    if laid.wenjian:
        wenjian_pt = laid.wenjian_pt * TWIPS_PER_PT
        line = round(LINE_FACTOR * wenjian_pt)
        before = EM_TOP - (line - round(EM_HEIGHT * wenjian_pt))
        before -= round(INK_DROP_PER_PT * (laid.wenjian_pt - laid.name_pt) * TWIPS_PER_PT)
        tr.append(_cell(laid.wenjian_width, [_paragraph(style_id, WENJIAN, laid.wenjian_pt, before, line, "right")]))
    return tbl
