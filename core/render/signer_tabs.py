"""The 签发人 lines' tab stops, written into the rendered document (GB/T 9704 7.2.6).

Apart from core/render/header.py, which the preview's context uses: this part needs
python-docx, which the window loads only for an export.
"""

from __future__ import annotations

from lxml import etree

from core.ooxml.names import qn
from core.render.fixups import paragraph_style, paragraph_text
from core.render.header import signer_tab_stops
from core.render.styles import SIGNER_TABS
from core.text.gongwen_layout import SIGNERS_LABEL

SIGNERS_STYLES = ("DocNumberSignersFirst", "DocNumberSignersMore")
# pPr children the schema puts before w:tabs.
_BEFORE_TABS = {
    qn(f"w:{name}")
    for name in ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
                 "suppressLineNumbers", "pBdr", "shd")
}  # fmt: skip


def place_signer_tabs(body: etree._Element, ours: dict[str, str] | None = None) -> None:
    """Write this document's 签发人 tab stops (:func:`signer_tab_stops`) on its 签发人 lines,
    in place of the styles' (which leave room for two three-character names)."""
    lines = [p for p in body.iter(qn("w:p")) if paragraph_style(p, ours) in SIGNERS_STYLES]
    if not lines:
        return
    rows = [paragraph_text(p).rsplit("\t", 1)[-1].removeprefix(SIGNERS_LABEL) for p in lines]
    stops = signer_tab_stops(rows)
    for paragraph in lines:
        ppr = paragraph.find(qn("w:pPr"))
        tabs = etree.Element(qn("w:tabs"))
        for stop in SIGNER_TABS:
            if stop.position not in stops:
                etree.SubElement(tabs, qn("w:tab"), {qn("w:val"): "clear", qn("w:pos"): str(stop.position)})
        for position in stops:
            etree.SubElement(tabs, qn("w:tab"), {qn("w:val"): "left", qn("w:pos"): str(position)})
        old = ppr.find(qn("w:tabs"))
        if old is not None:
            ppr.replace(old, tabs)
            continue
        before = [child for child in ppr if child.tag in _BEFORE_TABS]
        ppr.insert(ppr.index(before[-1]) + 1 if before else 0, tabs)
