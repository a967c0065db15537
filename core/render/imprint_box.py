"""The 版记 at the foot of the text's own last page: a text box on the text block's bottom.

core.render.footer_notes gives the 版记 a page of its own (the next even page). When the
text ends on an even page with room under it, the 版记 belongs at the foot of that same
page (GB/T 9704 7.4.1, 9.1: the last page of a 公文 is an even page and the 版记 stands at
its bottom). Which page the text ends on only a layout engine knows, so this placement is
chosen by core.render.imprint_fit after LibreOffice has laid the document out.

The box is anchored to a paragraph after the text, as wide as the text block, its bottom
on the text block's bottom edge (the 版记's last line is the page's last line), and text
may not stand beside it. Its paragraphs keep their named styles.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml
from lxml import etree

from core.ooxml.names import W_P, qn
from core.render.styles import PAGE, STYLE_BY_ID, TWIPS_PER_PT, ParagraphStyle

EMU_PER_TWIP = 635
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"

_ANCHOR = """<w:r {ns}><w:drawing>
<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251659264" behindDoc="0"
 locked="0" layoutInCell="1" allowOverlap="0">
<wp:simplePos x="0" y="0"/>
<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>
<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>
<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>
<wp:wrapTopAndBottom/><wp:docPr id="{shape_id}" name="版记"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/>
<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>
<wps:txbx><w:txbxContent/></wps:txbx>
<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b">
<a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"""


def _lines(paragraph: etree._Element, style: ParagraphStyle) -> int:
    """Lines the paragraph takes: its characters over what fits between its indents."""
    text = "".join(paragraph.xpath(".//w:t/text()"))  # (python-docx's elements override .text)
    if not text:
        return 1
    char = style.size_pt * TWIPS_PER_PT
    fits = max(1, int((PAGE.text_width - (style.indent.left + style.indent.right) * char) // char))
    return max(1, -(-len(text) // fits))


def box_height(paragraphs: list[etree._Element], style_ids: list[str]) -> int:
    """The 版记's height in twips: exact line heights times lines, plus the lines' widths."""
    height = 0
    for paragraph, style_id in zip(paragraphs, style_ids, strict=True):
        style = STYLE_BY_ID.get(style_id)
        if style is None:
            height += PAGE.line_pitch
            continue
        height += (style.line_twips or PAGE.line_pitch) * _lines(paragraph, style)
        height += sum(round(rule.size / 8 * TWIPS_PER_PT) for rule in style.rules)
    return height


def box_imprint(imprint: list[etree._Element], style_ids: list[str]) -> etree._Element:
    """Move the 版记 paragraphs ``imprint`` (in the body, after the text) into a text box;
    returns the body paragraph the box is anchored to."""
    height = box_height(imprint, style_ids)
    run = parse_xml(
        _ANCHOR.format(
            ns=nsdecls("w", "wp", "a") + f' xmlns:wps="{WPS}"',
            cx=PAGE.text_width * EMU_PER_TWIP,
            cy=height * EMU_PER_TWIP,
            shape_id=9704,
        ).replace("\n", "")
    )
    holder = etree.Element(W_P)
    imprint[0].addprevious(holder)
    holder.append(run)
    content = run.find(f".//{qn('w:txbxContent')}")
    for paragraph in imprint:
        content.append(paragraph)  # moves it out of the body
    return holder


def place_imprint_under_text(document: Any) -> bool:
    from core.render.footer_notes import imprint_paragraphs

    imprint, style_ids = imprint_paragraphs(document)
    if not imprint:
        return False
    box_imprint(imprint, style_ids)
    return True


def place_imprint_on_next_page(document: Any) -> bool:
    """The 版记 box at the foot of the page after the text's last page, for a text that ends
    on an odd page: the 版记 page follows text, not a blank page, so it keeps its page
    number (GB/T 9704 7.5) — the text's own footers go on. The text's last paragraph stops
    keeping with the box, so nothing of the text moves over with it."""
    from core.render.footer_notes import imprint_paragraphs

    imprint, style_ids = imprint_paragraphs(document)
    if not imprint:
        return False
    holder = box_imprint(imprint, style_ids)
    before = holder.getprevious()
    if before is not None and before.tag == W_P:
        _keep_next_off(before)
    ppr = holder.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        holder.insert(0, ppr)
    ppr.insert(0, etree.Element(qn("w:pageBreakBefore")))
    return True


# Word bookmarks LibreOffice exports as named destinations (plain letters: it mangles "_").
TEXT_END_MARK = "baogaoTextEnd"
IMPRINT_MARK = "baogaoImprint"
_BOX_NAME = "版记"


def _bookmark(paragraph: etree._Element, mark_id: int, name: str, at_start: bool) -> None:
    start, end = etree.Element(qn("w:bookmarkStart")), etree.Element(qn("w:bookmarkEnd"))
    start.set(qn("w:id"), str(mark_id))
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), str(mark_id))
    if at_start:
        position = 1 if len(paragraph) and paragraph[0].tag == qn("w:pPr") else 0
        paragraph.insert(position, end)
        paragraph.insert(position, start)
    else:
        paragraph.extend((start, end))


def _keep_next_off(paragraph: etree._Element) -> None:
    """Override keep-with-next (its own or its style's) on ``paragraph``."""
    ppr = paragraph.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        paragraph.insert(0, ppr)
    keep = ppr.find(qn("w:keepNext"))
    if keep is None:
        keep = etree.Element(qn("w:keepNext"))
        style = ppr.find(qn("w:pStyle"))
        ppr.insert(0 if style is None else ppr.index(style) + 1, keep)  # CT_PPr: pStyle, keepNext, …
    keep.set(qn("w:val"), "0")


def mark_for_layout(body: etree._Element) -> bool:
    """Mark a body holding the 版记 box so that LibreOffice's PDF tells where things fell.

    A bookmark at the end of the text's last paragraph gives the page the text ends on,
    one in the box the page the 版记 went to. The last paragraph stops keeping with the
    box's paragraph: the text then ends where it ends with the 版记 on a page of its own,
    and a box that does not fit goes to the next page alone. (That changes nothing where
    the box fits, and the box is only kept where it fits.) False when there is no box.
    """
    shape = next((d for d in body.iter(qn("wp:docPr")) if d.get("name") == _BOX_NAME), None)
    if shape is None:
        return False
    holder = shape
    while holder.getparent() is not body:
        holder = holder.getparent()
    content = holder.find(f".//{qn('w:txbxContent')}")
    box_paragraphs = content.findall(W_P) if content is not None else []
    before = next((c for c in holder.itersiblings(preceding=True) if c.tag == W_P or c.find(f".//{W_P}") is not None), None)
    if not box_paragraphs or before is None:
        return False
    last = before if before.tag == W_P else list(before.iter(W_P))[-1]
    if last.getparent() is body:
        _keep_next_off(last)
    ids = [int(i) for m in body.iter(qn("w:bookmarkStart")) if (i := m.get(qn("w:id"), "")).isdigit()]
    first_id = max(ids, default=0) + 1
    _bookmark(last, first_id, TEXT_END_MARK, at_start=False)
    _bookmark(box_paragraphs[0], first_id + 1, IMPRINT_MARK, at_start=True)
    return True
