"""Pages of a PDF as LibreOffice writes it: how to ask for one laid out for measuring, how
many pages it has, and on which page a named place is.

LibreOffice writes a classic cross-reference table and plain (uncompressed) dictionaries
for the catalog, the page tree and the named destinations; only page contents are
compressed. That is all this reads: enough to learn where LibreOffice laid out a Word
bookmark (exported as a named destination) without a PDF library. Anything unexpected
gives None, and the caller falls back to what is right without a layout.
"""

from __future__ import annotations

import re

# LibreOffice leaves out the blank pages inserted to reach an even page unless told not to.
PDF_KEEPING_BLANK_PAGES = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'
# … and exports Word bookmarks as named destinations (page and position) only when asked.
PDF_FOR_LAYOUT = (
    'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"},'
    '"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}'
)

_PAGE_TREE = re.compile(rb"<<[^<>]*/Type\s*/Pages\b[^<>]*>>")
_COUNT = re.compile(rb"/Count\s+(\d+)")
_START_XREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_SECTION = re.compile(rb"(\d+)\s+(\d+)\s*\r?\n")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_REFERENCE = rb"(\d+)\s+0\s+R"
_ROOT = re.compile(rb"/Root\s+" + _REFERENCE)
_PAGES = re.compile(rb"/Pages\s+" + _REFERENCE)
_DESTS = re.compile(rb"/Dests\s+" + _REFERENCE)
_KIDS = re.compile(rb"/Kids\s*\[([^\]]*)\]")
_DESTINATION = re.compile(rb"/([A-Za-z0-9]+)\s*\[\s*" + _REFERENCE)
_MAX_PAGE_TREE_DEPTH = 32


def pdf_page_count(pdf: bytes) -> int | None:
    """Pages of a PDF as LibreOffice writes it (one page tree); None if it cannot be read."""
    counts = [int(m.group(1)) for tree in _PAGE_TREE.findall(pdf) for m in [_COUNT.search(tree)] if m]
    return max(counts) if counts else None


def _objects(pdf: bytes) -> dict[int, int] | None:
    """Object number → byte offset, from the one cross-reference table at the end."""
    end = _START_XREF.search(pdf[-64:])
    if end is None:
        return None
    position = int(end.group(1))
    if not pdf.startswith(b"xref", position):
        return None  # a cross-reference stream: not what LibreOffice writes
    position += 4
    offsets: dict[int, int] = {}
    while True:
        while pdf[position : position + 1].isspace():
            position += 1
        section = _XREF_SECTION.match(pdf, position)
        if section is None:
            break
        first, count = int(section.group(1)), int(section.group(2))
        position = section.end()
        for number in range(first, first + count):
            entry = _XREF_ENTRY.match(pdf, position)
            if entry is None:
                return None
            if entry.group(3) == b"n":
                offsets[number] = int(entry.group(1))
            position = entry.end()
            while pdf[position : position + 1] in (b" ", b"\r", b"\n"):
                position += 1
    return offsets or None


def _dictionary(pdf: bytes, offsets: dict[int, int], number: int) -> bytes | None:
    """The text of object ``number`` up to its end or its stream (never the stream itself)."""
    start = offsets.get(number)
    if start is None or not re.match(rb"\s*%d\s+0\s+obj" % number, pdf[start : start + 32]):
        return None
    end = min((i for i in (pdf.find(b"endobj", start), pdf.find(b"stream", start)) if i != -1), default=-1)
    return pdf[start:end] if end != -1 else None


def _leaf_pages(pdf: bytes, offsets: dict[int, int], node: int, depth: int = 0) -> list[int] | None:
    """The page objects under a page-tree node, in page order."""
    text = _dictionary(pdf, offsets, node)
    if text is None or depth > _MAX_PAGE_TREE_DEPTH:
        return None
    kids = _KIDS.search(text)
    if kids is None:
        return [node] if re.search(rb"/Type\s*/Page\b", text) else None
    pages: list[int] = []
    for kid in re.findall(_REFERENCE, kids.group(1)):
        below = _leaf_pages(pdf, offsets, int(kid), depth + 1)
        if below is None:
            return None
        pages += below
    return pages


def _catalog(pdf: bytes, offsets: dict[int, int]) -> bytes | None:
    root = _ROOT.search(pdf[pdf.rfind(b"trailer") :])
    return _dictionary(pdf, offsets, int(root.group(1))) if root else None


def destination_pages(pdf: bytes) -> tuple[int, dict[str, int]] | None:
    """The number of pages, and the page (from 1) of each named destination whose name is
    plain letters and digits; None when the PDF is not one this can read."""
    offsets = _objects(pdf)
    catalog = _catalog(pdf, offsets) if offsets else None
    if offsets is None or catalog is None:
        return None
    tree = _PAGES.search(catalog)
    pages = _leaf_pages(pdf, offsets, int(tree.group(1))) if tree else None
    if not pages:
        return None
    dests = _DESTS.search(catalog)
    if dests is None:
        return len(pages), {}
    table = _dictionary(pdf, offsets, int(dests.group(1)))
    if table is None:
        return None
    index = {page: number for number, page in enumerate(pages, start=1)}
    found = {name.decode("ascii"): index[int(page)] for name, page in _DESTINATION.findall(table) if int(page) in index}
    return len(pages), found


__all__ = ["destination_pages", "pdf_page_count"]
