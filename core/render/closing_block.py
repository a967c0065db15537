"""The 附件说明/落款 block's keep rule, with no Word parts: the one decision the .docx
(core/render/signature.py writes it as keepNext and widowControl) and the preview's pagination
(gui/panels/preview_layout.py) both follow. Kept apart so the preview needs no lxml."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from core.render.styles import PAGE
from core.render.title import text_width

SIGNATURE_STYLES = ("Signature", "SignatureMore")
DATE_STYLES = ("DocDate", "DocDateFirst")
CLOSING_BLOCK_STYLES = ("Attachment", "AttachmentMore", *SIGNATURE_STYLES, *DATE_STYLES)
MIN_TEXT_LINES_WITH_CLOSING = 2  # lines of text on the page of the 附件说明/落款
BODY_INDENT = 2  # characters: a paragraph's first-line indent


@dataclass(frozen=True)
class ClosingKeeps:
    """Which paragraphs the closing-block rule binds: by index in the paragraphs given."""

    keep_with_next: frozenset[int]  # the paragraph's last line goes on the page of the next one's first
    two_lines_together: frozenset[int]  # where the paragraph breaks, two lines at least on each side


def closing_keeps(paragraphs: Sequence[tuple[str, str]]) -> ClosingKeeps:
    """The closing-block rule over (style id, text) pairs in reading order: the one decision
    the .docx (:func:`keep_closing_with_text`) and the preview's pagination both follow.

    At least two lines of text stand on the page of each 附件说明/落款 block: the text
    paragraphs before the block keep with the next, back to the second line of text
    (estimated from the characters), and the last one keeps two lines together where it
    breaks, so two lines move over with the block rather than leave it alone under one
    (the 附件说明 is not text). The block's own styles keep each of its lines with the next.
    """
    closing = [style in CLOSING_BLOCK_STYLES for style, _text in paragraphs]
    keep, together = set(), set()
    for index in range(1, len(paragraphs)):
        if not closing[index] or closing[index - 1]:
            continue  # not the first paragraph of a block
        lines, before = 0, index - 1
        while before >= 0 and not closing[before] and lines < MIN_TEXT_LINES_WITH_CLOSING:
            text = paragraphs[before][1]
            if text.strip():
                keep.add(before)
                if lines == 0:
                    together.add(before)
                # (less one character: a full stop may hang past the margin rather than wrap)
                lines += math.ceil((text_width(text) + BODY_INDENT - 1) / PAGE.chars_per_line)
            before -= 1
    return ClosingKeeps(frozenset(keep), frozenset(together))
