"""What a reader hands to the importer: paragraphs, and what it knows about them."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.draft.tables import Table
from core.importing.heading_rules import HeadingHint

ORIGIN_WORD = "word"  # .docx and what LibreOffice converts: no page furniture to strip
ORIGIN_TEXT = "text"  # .txt/.md: maybe a PDF copy (page numbers) or a browser paste
ORIGIN_WEB = "web"  # a saved web page: chrome is recognised


@dataclass
class SourceDocument:
    """Paragraph texts in reading order; ``hints`` (parallel, Word only) say which look
    like headings by style or formatting; ``dropped`` lists what a reader left out."""

    paragraphs: list[str]
    origin: str
    hints: list[HeadingHint | None] | None = None
    dropped: list[str] = field(default_factory=list)
    seams: set[int] = field(default_factory=set)  # a text box begins or ends before these
    # Word tables, each with the index of the paragraph it stands before (reading order).
    tables: list[tuple[int, Table]] = field(default_factory=list)
    # The 落款's layout as the last date paragraph is set (Word only; core.draft.model
    # SIGNATURE_*): centred is 加盖印章, left-aligned from an indent 不加盖印章, else "" (unknown).
    signature_layout: str = ""
    pictures: int = 0  # pictures in the body (Word only): a draft holds text, so they are left out
