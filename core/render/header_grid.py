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

from docx.oxml.ns import qn
from lxml import etree

from core.render.fixups import W_P, W_PPR, child_in_order, paragraph_style, paragraph_text
from core.render.header import ISSUER_MARK_FITS
from core.render.joint_mark import joint_mark, mark_table
from core.render.styles import LINE as LINE_TWIPS
from core.render.styles import STYLE_BY_ID, header_grid_shift, issuer_mark_grid_shift
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
