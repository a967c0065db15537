"""Steps applied to the rendered document before it is saved.

* the chosen font scheme, written into the named styles (by style id, so a clerk's
  restyled copy of our template gets the scheme too, and their own styles are untouched);
* 发文机关署名 centred over 成文日期 (the indent depends on the two texts' lengths);
* a check that every paragraph of the report reached the document, in order.
"""

from __future__ import annotations

from collections.abc import Iterable

from docx.oxml.ns import qn
from lxml import etree

from core.render.fonts import FontScheme
from core.render.styles import (
    BODY_PT,
    PARAGRAPH_STYLES,
    STYLE_BY_ID,
    TWIPS_PER_PT,
    CharacterStyle,
    ParagraphStyle,
)
from core.render.title import text_width

W_P, W_PPR, W_PSTYLE, W_VAL = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:val")
W_T, W_BR, W_TAB, W_TYPE = qn("w:t"), qn("w:br"), qn("w:tab"), qn("w:type")
W_RPR, W_RFONTS, W_B, W_BCS, W_IND = qn("w:rPr"), qn("w:rFonts"), qn("w:b"), qn("w:bCs"), qn("w:ind")

SIGNATURE_STYLES = ("Signature", "SignatureMore")
DATE_STYLES = ("DocDate", "DocDateFirst")
SIGNATURE_MIN_RIGHT = 2.0  # 右空二字 (§7.3.5.2)
DATE_RIGHT = 4.0  # 成文日期右空四字 (§7.3.5.1)


def _set_fonts(rpr: etree._Element, scheme: FontScheme, slot: str) -> None:
    fonts = rpr.find(W_RFONTS)
    if fonts is None:
        fonts = etree.Element(W_RFONTS)
        rpr.insert(1 if rpr.find(qn("w:rStyle")) is not None else 0, fonts)
    for theme_attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme_attr}"), None)
    east = scheme.font(slot)
    latin = east if slot == "songti" else scheme.latin
    for attr, value in (("ascii", latin), ("hAnsi", latin), ("eastAsia", east), ("cs", latin)):
        fonts.set(qn(f"w:{attr}"), value)
    fonts.set(qn("w:hint"), "eastAsia")


def _set_bold(rpr: etree._Element, bold: bool) -> None:
    for tag in (W_B, W_BCS):
        element = rpr.find(tag)
        if element is None:
            # Schema order: b and bCs come right after rStyle/rFonts.
            element = etree.Element(tag)
            anchor = rpr.find(W_B) if tag == W_BCS and rpr.find(W_B) is not None else rpr.find(W_RFONTS)
            rpr.insert(list(rpr).index(anchor) + 1 if anchor is not None else 0, element)
        if bold:
            element.attrib.pop(W_VAL, None)
        else:
            element.set(W_VAL, "0")


def apply_font_scheme(styles_root: etree._Element, scheme: FontScheme) -> None:
    """Write the scheme's fonts into docDefaults and every style we define."""
    defaults = styles_root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{W_RPR}")
    if defaults is not None:
        _set_fonts(defaults, scheme, PARAGRAPH_STYLES[0].slot)
    for style in styles_root.iter(qn("w:style")):
        definition = STYLE_BY_ID.get(style.get(qn("w:styleId"), ""))
        if not isinstance(definition, (ParagraphStyle, CharacterStyle)):
            continue
        rpr = style.find(W_RPR)
        if rpr is None:
            rpr = etree.Element(W_RPR)
            ppr = style.find(W_PPR)
            if ppr is not None:  # rPr follows pPr in a style
                ppr.addnext(rpr)
            else:
                style.append(rpr)
        _set_fonts(rpr, scheme, definition.slot)
        if definition.slot == "title":
            _set_bold(rpr, definition.bold or scheme.title_bold)


def paragraph_style(paragraph: etree._Element) -> str:
    ppr = paragraph.find(W_PPR)
    style = ppr.find(W_PSTYLE) if ppr is not None else None
    return style.get(W_VAL, "") if style is not None else ""


# pPr children that the schema puts after w:ind.
_AFTER_IND = {
    qn(f"w:{name}")
    for name in (
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    )
}


def _set_right_indent(paragraph: etree._Element, chars: float) -> None:
    ppr = paragraph.find(W_PPR)
    if ppr is None:
        ppr = etree.Element(W_PPR)
        paragraph.insert(0, ppr)
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


def place_signature(body: etree._Element) -> None:
    """Centre the 发文机关署名 over the 成文日期, which stays 右空四字 (§7.3.5).

    A signature longer than the date would poke past 右空二字; then both move left.
    """
    signatures = [p for p in body.iter(W_P) if paragraph_style(p) in SIGNATURE_STYLES]
    dates = [p for p in body.iter(W_P) if paragraph_style(p) in DATE_STYLES]
    if not signatures or not dates:
        return
    signature_width = max(text_width(paragraph_text(p)) for p in signatures)
    date_width = text_width(paragraph_text(dates[-1]))
    signature_right = DATE_RIGHT + (date_width - signature_width) / 2
    date_right = DATE_RIGHT
    if signature_right < SIGNATURE_MIN_RIGHT:
        date_right += SIGNATURE_MIN_RIGHT - signature_right
        signature_right = SIGNATURE_MIN_RIGHT
    for paragraph in signatures:
        # Each line of a two-line signature is centred on the same axis.
        own = text_width(paragraph_text(paragraph))
        _set_right_indent(paragraph, signature_right + (signature_width - own) / 2)
    if date_right != DATE_RIGHT:
        _set_right_indent(dates[-1], date_right)


def paragraph_text(paragraph: etree._Element) -> str:
    """Text as Word shows it: w:t, line breaks as "\\n", tabs as "\\t" (page breaks: nothing)."""
    parts: list[str] = []
    for element in paragraph.iter(W_T, W_BR, W_TAB):
        if element.tag == W_T:
            parts.append(element.text or "")
        elif element.tag == W_TAB:
            parts.append("\t")
        elif element.get(W_TYPE, "textWrapping") == "textWrapping":
            parts.append("\n")
    return "".join(parts)


def missing_paragraphs(body: etree._Element, expected: Iterable[str]) -> list[str]:
    """Expected paragraph texts not found, in order, among the document's paragraphs.

    A clerk's template may add its own fixed paragraphs (a 密级 line, say); those are
    skipped. What must never happen is a paragraph of the report not arriving.
    """
    rendered = (paragraph_text(p) for p in body.iter(W_P))
    missing: list[str] = []
    for text in expected:
        for candidate in rendered:
            if candidate == text:
                break
        else:
            missing.append(text)
            rendered = iter(())
    return missing
