"""Our styles found by NAME in a template, whatever IDs an office suite gave them.

A unit restyles ``template.docx`` in Word, WPS or LibreOffice and saves it; LibreOffice
renames style IDs on the way (DocTitle → Style19) but keeps the names a clerk sees in the
样式 pane ("公文标题"). Every step that looks for one of our styles goes through
:func:`our_style_ids`, which maps the template's IDs back to ours.
"""

from __future__ import annotations

from lxml import etree

from core.ooxml.names import qn
from core.render.styles import STYLE_BY_ID

_BY_NAME = {style.name: style.id for style in STYLE_BY_ID.values()}


def our_style_ids(styles_root: etree._Element) -> dict[str, str]:
    """Template style ID → our style ID, for every style of ours the template has.

    Matched by name first; a style whose name the clerk changed is still found by its ID
    when that ID is ours.
    """
    found: dict[str, str] = {}
    for style in styles_root.iter(qn("w:style")):
        style_id = style.get(qn("w:styleId"), "")
        name_element = style.find(qn("w:name"))
        name = name_element.get(qn("w:val"), "") if name_element is not None else ""
        ours = _BY_NAME.get(name) or (style_id if style_id in STYLE_BY_ID else None)
        if ours is not None:
            found[style_id] = ours
    return found
