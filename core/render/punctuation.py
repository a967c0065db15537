"""Chinese quotation marks, dashes and ellipses keep a Chinese font in every office suite,
also on a machine that lacks the fonts the document names.

“ ” ‘ ’ — … – · are shared by Chinese and Western text. Word and WPS set them in the
east-asian font where the run says ``w:hint="eastAsia"``: every run holding one gets the
hint (on the run, not only on its style, so a unit's template without it is covered too).
LibreOffice ignores the hint and sets such a mark in the Latin font when a Latin letter or
digit — or any ASCII sign, ** say — is beside it (为“ABC”: a half-width ” in Times New Roman). So those marks go into a
run of their own whose Latin font slots name the east-asian font that applies there (the
paragraph's style, or the run's character style) — the same font the styles give the
surrounding Chinese, so nothing the unit's template says is overridden — and whose
language is Chinese (``w:lang``): where that font is not installed, LibreOffice falls back
to a font for the run's language, a Chinese one, not DejaVu Sans (a half-width ” and
ellipsis dots on the baseline).
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from core.ooxml.names import (
    W_EAST_ASIA,
    W_HINT,
    W_LANG,
    W_P,
    W_PSTYLE,
    W_R,
    W_RFONTS,
    W_RPR,
    W_RSTYLE,
    W_T,
    W_VAL,
    qn,
)
from core.render.fixups import child_in_order

# rPr children the schema puts after w:lang.
_AFTER_LANG = {qn("w:eastAsianLayout"), qn("w:specVanish"), qn("w:oMath")}
CHINESE = "zh-CN"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

_MARKS = "“”‘’—…–·"
_MARK_RUN = re.compile(f"[{_MARKS}]+")
# Beside any Latin-script or ASCII character (letters, digits, %, but also the ** of an
# anonymised name: 擦亮“**”党建) LibreOffice takes the mark for Latin text.
_LATIN = re.compile(r"[\x21-\x7e\u00a0-\u024f]")


def _east_asia_fonts(styles_root: etree._Element) -> tuple[dict[str, str], str]:
    """Style ID → its east-asian font (through basedOn), and the document default."""
    default_fonts = styles_root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{W_RPR}/{W_RFONTS}")
    default = default_fonts.get(W_EAST_ASIA, "") if default_fonts is not None else ""
    own: dict[str, str] = {}
    based_on: dict[str, str] = {}
    for style in styles_root.iter(qn("w:style")):
        style_id = style.get(qn("w:styleId"), "")
        fonts = style.find(f"{W_RPR}/{W_RFONTS}")
        if fonts is not None and fonts.get(W_EAST_ASIA):
            own[style_id] = fonts.get(W_EAST_ASIA, "")
        parent = style.find(qn("w:basedOn"))
        if parent is not None:
            based_on[style_id] = parent.get(W_VAL, "")
    resolved: dict[str, str] = {}
    for style_id in {*own, *based_on}:
        current, seen = style_id, set()
        while current and current not in own and current not in seen:
            seen.add(current)
            current = based_on.get(current, "")
        resolved[style_id] = own.get(current, "")
    return resolved, default


def _needs_own_font(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return bool(_LATIN.match(before) or _LATIN.match(after))


def _split_text(text: str) -> list[tuple[str, bool]]:
    """(piece, is_mark_needing_the_chinese_font) in order; pieces join to ``text``."""
    pieces: list[tuple[str, bool]] = []
    last = 0
    for m in _MARK_RUN.finditer(text):
        if not _needs_own_font(text, m.start(), m.end()):
            continue
        if m.start() > last:
            pieces.append((text[last : m.start()], False))
        pieces.append((m.group(), True))
        last = m.end()
    if last < len(text):
        pieces.append((text[last:], False))
    return pieces


def _run_with(run: etree._Element, text: str, font: str | None) -> etree._Element:
    new = etree.Element(W_R)
    rpr = run.find(W_RPR)
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    if font:
        new_rpr = new.find(W_RPR)
        if new_rpr is None:
            new_rpr = etree.SubElement(new, W_RPR)
        fonts = _rfonts(new_rpr)
        for attr in ("ascii", "hAnsi", "eastAsia"):
            fonts.set(qn(f"w:{attr}"), font)
        fonts.set(W_HINT, "eastAsia")
        _set_chinese_language(new_rpr)
    t = etree.SubElement(new, W_T)
    t.text = text
    t.set(XML_SPACE, "preserve")
    return new


def _rfonts(rpr: etree._Element) -> etree._Element:
    fonts = rpr.find(W_RFONTS)
    if fonts is None:
        fonts = etree.Element(W_RFONTS)
        style = rpr.find(W_RSTYLE)
        if style is not None:
            style.addnext(fonts)
        else:
            rpr.insert(0, fonts)
    return fonts


def _set_chinese_language(rpr: etree._Element) -> None:
    lang = child_in_order(rpr, W_LANG, _AFTER_LANG)
    lang.set(qn("w:val"), CHINESE)
    lang.set(W_EAST_ASIA, CHINESE)


def _hint_east_asia(run: etree._Element) -> None:
    rpr = run.find(W_RPR)
    if rpr is None:
        rpr = etree.Element(W_RPR)
        run.insert(0, rpr)
    _rfonts(rpr).set(W_HINT, "eastAsia")


def keep_chinese_punctuation(body: etree._Element, styles_root: etree._Element) -> None:
    """Split out “ ” ‘ ’ — … beside Latin letters, digits or ASCII signs into runs in the Chinese font."""
    fonts, default = _east_asia_fonts(styles_root)
    for paragraph in body.iter(W_P):
        style = paragraph.find(f"{qn('w:pPr')}/{W_PSTYLE}")
        paragraph_font = fonts.get(style.get(W_VAL, "") if style is not None else "Normal", "") or fonts.get(
            "Normal", default
        )
        for run in list(paragraph.iter(W_R)):
            texts = run.findall(W_T)
            if len(texts) != 1 or len(run) > 2 or not _MARK_RUN.search(texts[0].text or ""):
                continue  # runs with breaks or fields are left alone
            _hint_east_asia(run)  # Word: the marks in the east-asian font
            pieces = _split_text(texts[0].text or "")
            if not any(is_mark for _, is_mark in pieces):
                continue
            rstyle = run.find(f"{W_RPR}/{W_RSTYLE}")
            font = (fonts.get(rstyle.get(W_VAL, ""), "") if rstyle is not None else "") or paragraph_font
            if not font:
                continue
            for piece, is_mark in pieces:
                run.addprevious(_run_with(run, piece, font if is_mark else None))
            run.getparent().remove(run)
