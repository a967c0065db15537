"""The namespaces of a Word package and the WordprocessingML element names the code uses.

One place for them: the readers (core/ooxml/word_names.py builds names in either of
Word's two namespaces from these), the render fix-ups and the template writer
(core/render/ooxml.py). Plain strings in Clark notation ("{ns}p"), with no python-docx
import: the preview builds its context from modules using these, and python-docx costs 12 MB.
"""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"  # Transitional, as Word writes
W_STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"  # "Strict Open XML"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MATH_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
MATH_STRICT_NS = "http://purl.oclc.org/ooxml/officeDocument/math"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"  # drawings in the text

PREFIXES = {"w": W_NS, "r": R_NS, "mc": MC_NS, "m": MATH_NS, "wp": WP_NS}


def qn(tag: str) -> str:
    """ "w:p" → "{http://…/main}p", as python-docx's ``qn`` for the prefixes in ``PREFIXES``."""
    prefix, local = tag.split(":")
    return f"{{{PREFIXES[prefix]}}}{local}"


# Elements and attributes of the text, as the render fix-ups use them.
W_P, W_PPR, W_R, W_RPR, W_T = qn("w:p"), qn("w:pPr"), qn("w:r"), qn("w:rPr"), qn("w:t")
W_BR, W_TAB, W_IND, W_JC = qn("w:br"), qn("w:tab"), qn("w:ind"), qn("w:jc")
W_PSTYLE, W_RSTYLE, W_VAL, W_TYPE = qn("w:pStyle"), qn("w:rStyle"), qn("w:val"), qn("w:type")
W_RFONTS, W_B, W_BCS, W_LANG = qn("w:rFonts"), qn("w:b"), qn("w:bCs"), qn("w:lang")
W_EAST_ASIA, W_HINT = qn("w:eastAsia"), qn("w:hint")
W_KEEP_NEXT, W_WIDOW_CONTROL, W_SECTPR = qn("w:keepNext"), qn("w:widowControl"), qn("w:sectPr")
