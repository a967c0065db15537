"""The 落款 (GB/T 9704 §7.3.5): where 署名 and 成文日期 go, and that they never stand alone.

Two layouts, chosen per report (``Report.signature_layout``, default from kind.toml):

* 加盖印章 (§7.3.5.1): the date 右空四字, the 署名 centred over it; a 署名 longer than
  the date would poke past 右空二字, then both move left.
* 不加盖印章 (§7.3.5.2): the 署名 右空二字, the date on the next line starting two
  characters right of the 署名's first character; a date too long for that is 右空二字
  and the 署名 moves left to keep the two-character offset.

The styles carry the usual case (署名 右空二字, date 右空四字); a right indent is written on a
paragraph only where this document's texts need a different one, so a unit's own 署名
style is not overridden for nothing. The last lines of text are kept on the page of the
落款 and 附件说明 (keep-with-next), so these never open a page on their own.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml import etree

from core.draft.model import SIGNATURE_SEALED, SIGNATURE_UNSEALED
from core.render.fixups import paragraph_style, paragraph_text
from core.render.styles import BODY_PT, TWIPS_PER_PT
from core.render.title import text_width

W_P, W_PPR, W_IND, W_KEEP_NEXT = qn("w:p"), qn("w:pPr"), qn("w:ind"), qn("w:keepNext")

SIGNATURE_STYLES = ("Signature", "SignatureMore")
DATE_STYLES = ("DocDate", "DocDateFirst")
CLOSING_BLOCK_STYLES = ("Attachment", "AttachmentMore", *SIGNATURE_STYLES, *DATE_STYLES)
SIGNATURE_STYLE_RIGHT = 2.0  # the 署名 styles' own right indent (右空二字)
DATE_STYLE_RIGHT = 4.0  # the 成文日期 styles' own right indent (右空四字)
UNSEALED_OFFSET = 2.0  # the date starts two characters right of the 署名 (§7.3.5.2)

# pPr children that the schema puts after w:ind (w:keepNext comes before all of these).
_AFTER_IND = {
    qn(f"w:{name}")
    for name in (
        "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
        "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
        "sectPr", "pPrChange",
    )
}  # fmt: skip


def _ppr(paragraph: etree._Element) -> etree._Element:
    ppr = paragraph.find(W_PPR)
    if ppr is None:
        ppr = etree.Element(W_PPR)
        paragraph.insert(0, ppr)
    return ppr


def _set_right_indent(paragraph: etree._Element, chars: float, style_chars: float) -> None:
    if abs(chars - style_chars) < 0.01:
        return  # the style already says so
    ppr = _ppr(paragraph)
    ind = ppr.find(W_IND)
    if ind is None:
        ind = etree.Element(W_IND)
        later = next((child for child in ppr if child.tag in _AFTER_IND), None)
        if later is not None:
            later.addprevious(ind)
        else:
            ppr.append(ind)
    ind.set(qn("w:right"), str(round(chars * BODY_PT * TWIPS_PER_PT)))
    ind.set(qn("w:rightChars"), str(round(chars * 100)))


def signature_indents(signature_width: float, date_width: float, layout: str) -> tuple[float, float]:
    """(署名 right indent, 成文日期 right indent) in characters, for the widest 署名 line."""
    if layout == SIGNATURE_UNSEALED:
        signature_right = SIGNATURE_STYLE_RIGHT
        date_right = signature_right + signature_width - UNSEALED_OFFSET - date_width
        if date_right < SIGNATURE_STYLE_RIGHT:
            date_right = SIGNATURE_STYLE_RIGHT
            signature_right = date_right + date_width + UNSEALED_OFFSET - signature_width
        return signature_right, date_right
    signature_right = DATE_STYLE_RIGHT + (date_width - signature_width) / 2
    date_right = DATE_STYLE_RIGHT
    if signature_right < SIGNATURE_STYLE_RIGHT:
        date_right += SIGNATURE_STYLE_RIGHT - signature_right
        signature_right = SIGNATURE_STYLE_RIGHT
    return signature_right, date_right


def place_signature(
    body: etree._Element, layout: str = SIGNATURE_SEALED, ours: dict[str, str] | None = None
) -> None:
    """Write the indents of ``layout`` on the 署名 and 成文日期 paragraphs.

    ``ours`` maps the template's style IDs to ours (:func:`core.render.style_names.our_style_ids`).
    """
    signatures = [p for p in body.iter(W_P) if paragraph_style(p, ours) in SIGNATURE_STYLES]
    dates = [p for p in body.iter(W_P) if paragraph_style(p, ours) in DATE_STYLES]
    if not signatures or not dates:
        return
    widths = [text_width(paragraph_text(p)) for p in signatures]
    signature_width = max(widths)
    signature_right, date_right = signature_indents(
        signature_width, text_width(paragraph_text(dates[-1])), layout
    )
    for paragraph, own in zip(signatures, widths, strict=True):
        # Each line of a two-line 署名 is centred (sealed) or starts (unsealed) on one axis.
        extra = (signature_width - own) / 2 if layout == SIGNATURE_SEALED else signature_width - own
        _set_right_indent(paragraph, signature_right + extra, SIGNATURE_STYLE_RIGHT)
    _set_right_indent(dates[-1], date_right, DATE_STYLE_RIGHT)


def keep_closing_with_text(body: etree._Element, ours: dict[str, str] | None = None) -> None:
    """The paragraph before the 附件说明/落款 keeps with it, so the block never opens a page.

    The block's own styles keep each line with the next; this joins the last line of text
    to them (Word and LibreOffice then move that line over with the block).
    """
    paragraphs = list(body.iter(W_P))
    first = next(
        (i for i, p in enumerate(paragraphs) if paragraph_style(p, ours) in CLOSING_BLOCK_STYLES), None
    )
    if first is None or first == 0:
        return
    previous = paragraphs[first - 1]
    ppr = _ppr(previous)
    if ppr.find(W_KEEP_NEXT) is not None:
        return
    keep = etree.Element(W_KEEP_NEXT)
    style = ppr.find(qn("w:pStyle"))
    if style is not None:
        style.addnext(keep)
    else:
        ppr.insert(0, keep)
