"""The 版记 (GB/T 9704 7.4) as template paragraphs, and its place: the foot of an even page.

The 版记 is 抄送机关 and 印发机关和印发日期 between full-width lines. It stands at the bottom
of the document's last page, which is an even page (the back of the last sheet): the 版记
gets a section of its own that starts on the next even page (``w:type evenPage``) and is
aligned to the page's bottom (``w:vAlign bottom``) — laid out the same by Word, WPS and
LibreOffice — and carries no page number (7.5: 版记页不编排页码). A text that ends on an
odd page thus gets its 版记 on the page after it; one that ends on an even page gets a blank
page and the 版记 on the next even page. That is right whatever lays the document out; a
text that ends on an even page with room under it should have its 版记 there instead,
which core.render.imprint_fit decides on LibreOffice's layout (core.render.imprint_box).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from core.draft.model import Report
from core.text.layout import LaidParagraph

if TYPE_CHECKING:
    from lxml import etree

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"  # as core.render.ooxml.W_NS


def qn(tag: str) -> str:
    """ "w:p" → Clark notation, as python-docx's qn does for the w: prefix. Not imported from
    python-docx: the preview builds its context from this module, and python-docx costs 12 MB."""
    prefix, local = tag.split(":")
    assert prefix == "w", tag
    return f"{{{_W_NS}}}{local}"

W_P, W_PPR, W_SECTPR = qn("w:p"), qn("w:pPr"), qn("w:sectPr")


def _paragraph(style: str, text: str, part: str) -> dict[str, str]:
    return {"style": style, "lead": "", "text": text, "part": part, "section": ""}


def _has_printer_line(report: Report) -> bool:
    return bool(report.printer.strip() or report.print_date.strip())


def copy_to(laid: list[LaidParagraph], report: Report, wait: bool, warnings: list[str]) -> list[dict[str, str]]:
    """The first line, 抄送, and the last line when no 印发 line follows."""
    out = [_paragraph("imprint_rule_thick", "", "copy_to")]
    out += [_paragraph("imprint_copy_to", p.text, "copy_to") for p in laid]
    if not _has_printer_line(report):
        out.append(_paragraph("imprint_rule_thick", "", "copy_to"))
    return out


def printer(laid: list[LaidParagraph], report: Report, wait: bool, warnings: list[str]) -> list[dict[str, str]]:
    """A thin line under 抄送 (or the first line), 印发机关和印发日期, the last line."""
    has_copy_to = bool(report.copy_to.strip().rstrip("。."))
    out = [_paragraph("imprint_rule_thin" if has_copy_to else "imprint_rule_thick", "", "printer")]
    out += [_paragraph("imprint_printer", p.text, "printer") for p in laid]
    out.append(_paragraph("imprint_rule_thick", "", "printer"))
    return out


IMPRINT_STYLES = {"ImprintRuleThick", "ImprintRuleThin", "ImprintCopyTo", "ImprintPrinter"}


def _style_of(paragraph: etree._Element, ours: dict[str, str]) -> str:
    """Our ID of the paragraph's style (an office suite may have renamed the template's IDs)."""
    style = paragraph.find(f"{W_PPR}/{qn('w:pStyle')}")
    style_id = style.get(qn("w:val"), "") if style is not None else ""
    return ours.get(style_id, style_id)


def imprint_paragraphs(document: Any) -> tuple[list[etree._Element], list[str]]:
    """The 版记's paragraphs in the body, and our ID of each one's style."""
    from core.render.style_names import our_style_ids

    ours = our_style_ids(document.styles.element)
    found = [(p, _style_of(p, ours)) for p in document.element.body.iter(W_P)]
    found = [(p, style) for p, style in found if style in IMPRINT_STYLES]
    return [p for p, _ in found], [style for _, style in found]


def place_imprint(document: Any) -> bool:
    """Give the 版记 the foot of its own last page: an even page without a page number.

    ``document`` is the rendered python-docx Document. The 版记's paragraphs move from the
    text into the footer of a last section of their own: that section starts on the next
    even page (``w:type evenPage``), and its footer stands on the text block's bottom edge
    (footer distance = bottom margin), so the last line is the page's last line in every
    application. The odd footer of that section stays empty: a blank page inserted to reach
    the even page carries no page number either. Returns whether there was a 版记.
    """
    from lxml import etree  # here: the preview's context uses this module and needs no lxml (5 MB)

    body = document.element.body
    imprint, _ = imprint_paragraphs(document)
    final = body.find(W_SECTPR)
    if not imprint or final is None:
        return False
    before = imprint[0].getprevious()
    if before is None or before.tag != W_P:
        return False
    ppr = before.find(W_PPR)
    if ppr is None:
        ppr = etree.Element(W_PPR)
        before.insert(0, ppr)
    ppr.append(copy.deepcopy(final))  # the text's own section: its footers and page setup
    for paragraph in imprint:
        body.remove(paragraph)
    final.addprevious(etree.Element(W_P))  # the 版记 section's one (empty) body paragraph
    for reference in final.findall(qn("w:footerReference")):
        final.remove(reference)
    section = document.sections[-1]
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    footer = section.even_page_footer._element
    for child in list(footer):
        footer.remove(child)
    footer.extend(imprint)
    kind = etree.Element(qn("w:type"))
    kind.set(qn("w:val"), "evenPage")
    references = [c for c in final if c.tag in (qn("w:headerReference"), qn("w:footerReference"))]
    final.insert(len(references), kind)  # CT_SectPr: references, then type, then pgSz …
    margins = final.find(qn("w:pgMar"))
    if margins is not None:
        margins.set(qn("w:footer"), margins.get(qn("w:bottom"), "0"))
    return True
