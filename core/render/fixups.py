"""Steps applied to the rendered document before it is saved.

* the chosen font scheme, written into our styles (found by name, so a clerk's restyled
  copy of our template gets the scheme too, and their own styles are untouched);
* the 落款 (:mod:`core.render.signature`);
* a check that every paragraph of the report reached the document, in order.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from core.ooxml.names import (
    W_B,
    W_BCS,
    W_BR,
    W_P,
    W_PPR,
    W_PSTYLE,
    W_RFONTS,
    W_RPR,
    W_T,
    W_TAB,
    W_TYPE,
    W_VAL,
    qn,
)
from core.render.fonts import FontScheme
from core.render.style_names import our_style_ids
from core.render.styles import (
    PARAGRAPH_STYLES,
    STYLE_BY_ID,
    CharacterStyle,
    ParagraphStyle,
)


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
    ours = our_style_ids(styles_root)
    for style in styles_root.iter(qn("w:style")):
        definition = STYLE_BY_ID.get(ours.get(style.get(qn("w:styleId"), ""), ""))
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


def child_in_order(parent: etree._Element, tag: str, later_tags: set[str] | frozenset[str]) -> etree._Element:
    """``parent``'s ``tag`` child, made where the schema puts it (before the first child whose
    tag is in ``later_tags``) when there is none: Word refuses properties out of order."""
    child = parent.find(tag)
    if child is None:
        child = etree.Element(tag)
        later = next((c for c in parent if c.tag in later_tags), None)
        if later is not None:
            later.addprevious(child)
        else:
            parent.append(child)
    return child


def paragraph_style(paragraph: etree._Element, ours: dict[str, str] | None = None) -> str:
    """The paragraph's style ID; with ``ours`` (:func:`our_style_ids`), our ID for it."""
    ppr = paragraph.find(W_PPR)
    style = ppr.find(W_PSTYLE) if ppr is not None else None
    style_id = style.get(W_VAL, "") if style is not None else ""
    return ours.get(style_id, style_id) if ours is not None else style_id


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
