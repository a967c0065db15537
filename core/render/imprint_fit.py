"""Where the 版记 goes, decided on LibreOffice's layout: under the text, or on a page of its own.

GB/T 9704 (7.4.1, 9.1): the 版记 stands at the bottom of the document's last page, and
that page is an even page (the back of the last sheet); the last 版记 line is the page's
last line. Read with 7.5 (a blank page before the 版记 page, and the 版记 page itself,
carry no page number), that gives three cases once the text has ended on page T:

* T even, and the 版记 fits under the text: at the foot of page T (T keeps its number);
* T even, no room under the text: page T+1 stays blank and the 版记 is at the foot of
  page T+2, neither numbered;
* T odd: the 版记 is at the foot of page T+1, unnumbered.

Which page the text ends on only a layout engine knows. The document as
core.render.footer_notes builds it (the 版记 in the footer of a section that starts on the
next even page) is right in the last two cases whatever lays it out; when LibreOffice is
installed both placements are laid out and the one under the text
(core.render.imprint_box) is used when it keeps the document to an even number of pages
two shorter — which happens exactly in the first case. Without LibreOffice, or if it
fails, the own-page placement stands: it is never wrong, at worst a sheet longer.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

from core.draft.model import Report
from core.render.engine import RenderedDocument, TemplateSource, render_document
from core.render.fonts import DEFAULT_SCHEME
from core.text.gongwen_layout import IMPRINT_FIELDS

FIT_TIMEOUT_S = 120.0
# LibreOffice leaves out the blank pages inserted to reach an even page unless told not to.
PDF_KEEPING_BLANK_PAGES = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'
_PAGE_TREE = re.compile(rb"<<[^<>]*/Type\s*/Pages\b[^<>]*>>")
_COUNT = re.compile(rb"/Count\s+(\d+)")


def has_imprint(report: Report) -> bool:
    return any(getattr(report, name).strip() for name in IMPRINT_FIELDS)


def pdf_page_count(pdf: bytes) -> int | None:
    """Pages of a PDF as LibreOffice writes it (one page tree); None if it cannot be read."""
    counts = [int(m.group(1)) for tree in _PAGE_TREE.findall(pdf) for m in [_COUNT.search(tree)] if m]
    return max(counts) if counts else None


def laid_out_pdfs(documents: list[bytes], soffice: str, timeout: float = FIT_TIMEOUT_S) -> list[bytes] | None:
    """Each .docx as LibreOffice's PDF (blank pages kept); None when LibreOffice fails."""
    from core.importing.readers.legacy import convert_with_soffice

    out: list[bytes] = []
    with tempfile.TemporaryDirectory(prefix="baogao-fit-") as folder:
        work = Path(folder)
        for index, data in enumerate(documents):
            source = work / f"layout{index}.docx"
            source.write_bytes(data)
            try:
                convert_with_soffice(soffice, source, work, work / "profile", PDF_KEEPING_BLANK_PAGES, timeout)
            except (OSError, subprocess.TimeoutExpired):
                return None
            pdf = source.with_suffix(".pdf")
            if not pdf.is_file():
                return None
            out.append(pdf.read_bytes())
    return out


def imprint_under_text_is_right(own_page_pages: int, under_text_pages: int) -> bool:
    """The 版记 under the text is right when the text ends on an even page with room: the
    document then ends there (even), two pages before the own-page placement ends."""
    return under_text_pages % 2 == 0 and own_page_pages == under_text_pages + 2


def render_fitted(
    report: Report, fonts: str | None = DEFAULT_SCHEME, template: TemplateSource = None
) -> tuple[RenderedDocument, bytes | None]:
    """The rendered document with its 版记 placed as above, and its PDF when one was made."""
    from core.importing.readers.legacy import find_soffice

    rendered = render_document(report, fonts=fonts, template=template)
    soffice = find_soffice()
    if soffice is None or not has_imprint(report):
        return rendered, None
    under = render_document(report, fonts=fonts, template=template, imprint_under_text=True)
    pdfs = laid_out_pdfs([rendered.data, under.data], soffice)
    if pdfs is None:
        return rendered, None
    own_pages, under_pages = (pdf_page_count(pdf) for pdf in pdfs)
    if own_pages is not None and under_pages is not None and imprint_under_text_is_right(own_pages, under_pages):
        return under, pdfs[1]
    return rendered, pdfs[0]
