"""Saved web pages (.html/.htm, .mhtml/.mht) as paragraph texts, offline.

lxml.html parses the markup; nothing is ever fetched (no network, no external entities,
no images or style sheets). Block elements (p, div, h1–h6, li, table rows …) and <br>
end a paragraph; a table row's cells are joined by a tab, as in the Word reader.
Scripts, styles and forms carry no report text and are skipped; the page's navigation,
header, footer and sidebars (nav/header/footer/aside) are left out and listed as dropped,
so the importer can report them. The rest of the page chrome is recognised on the text
(see core.importing.web_chrome).
"""

from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path

import lxml.html
from lxml import etree

from core.base import file_messages
from core.base.errors import ImportFailed
from core.importing.readers.source import ORIGIN_WEB, SourceDocument
from core.importing.readers.text import decode
from core.ooxml import guards

_BLOCKS = frozenset(
    ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tbody", "thead", "tfoot", "tr", "section", "article", "main", "blockquote", "pre", "center", "address", "figure", "figcaption", "form", "fieldset", "hr", "title", "body"]
)
_SKIPPED = frozenset(["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "select", "option", "textarea", "button", "head"])
_CHROME = frozenset(["nav", "header", "footer", "aside"])
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")


def read_html_document(path: Path, *, mhtml: bool) -> SourceDocument:
    data = guards.read_bytes(path)
    if mhtml or data.lstrip()[:200].lower().find(b"mime-version") >= 0:
        data = _html_of_mhtml(data, path)
    paragraphs, dropped = html_paragraphs(_decode_html(data, path), path)
    return SourceDocument(paragraphs, ORIGIN_WEB, dropped=dropped)


def html_bytes_paragraphs(data: bytes, path: Path) -> list[str]:
    """Paragraphs of an HTML fragment (a Word altChunk): all of it is content."""
    if data.lstrip()[:200].lower().find(b"mime-version") >= 0:
        data = _html_of_mhtml(data, path)
    return html_paragraphs(_decode_html(data, path), path, keep_chrome=True)[0]


def html_paragraphs(markup: str, path: Path, *, keep_chrome: bool = False) -> tuple[list[str], list[str]]:
    markup = _XML_DECLARATION.sub("", markup)
    if not markup.strip():
        return [], []
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ImportFailed(path, file_messages.NOT_WEB_PAGE) from exc
    walker = _Walker(keep_chrome)
    try:
        walker.visit(root)
    except RecursionError as exc:
        raise ImportFailed(path, file_messages.TOO_DEEP) from exc
    walker.flush()
    return walker.paragraphs, walker.dropped


class _Walker:
    def __init__(self, keep_chrome: bool) -> None:
        self.keep_chrome = keep_chrome
        self.paragraphs: list[str] = []
        self.dropped: list[str] = []
        self._line: list[str] = []

    def flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self._line)).strip()
        self._line = []
        if text:
            self.paragraphs.append(text)

    def visit(self, element: etree._Element) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in _SKIPPED or not isinstance(element.tag, str):
            self._text(element.tail)
            return
        if tag in _CHROME and not self.keep_chrome:
            self.flush()
            inner = _Walker(keep_chrome=True)
            inner.visit_children(element)
            inner.flush()
            self.dropped.extend(inner.paragraphs)
            self._text(element.tail)
            return
        if tag == "br":
            self.flush()
            self._text(element.tail)
            return
        if tag == "tr":
            self.flush()
            cells = []
            for cell in element:
                if isinstance(cell.tag, str) and cell.tag.lower() in ("td", "th"):
                    inner = _Walker(keep_chrome=True)
                    inner.visit_children(cell)
                    inner.flush()
                    cells.append(" ".join(inner.paragraphs))
            if any(cells):
                self.paragraphs.append("\t".join(cells))
            self._text(element.tail)
            return
        if tag == "pre":
            self.flush()
            self.paragraphs.extend(line.strip() for line in element.text_content().splitlines() if line.strip())
            self._text(element.tail)
            return
        block = tag in _BLOCKS
        if block:
            self.flush()
        self.visit_children(element)
        if block:
            self.flush()
        self._text(element.tail)

    def visit_children(self, element: etree._Element) -> None:
        self._text(element.text)
        for child in element:
            self.visit(child)

    def _text(self, text: str | None) -> None:
        if text:
            self._line.append(text)


def _decode_html(data: bytes, path: Path) -> str:
    match = _CHARSET.search(data[:4096])
    if match and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = match.group(1).decode("ascii", "ignore").lower()
        name = "gb18030" if name in ("gb2312", "gbk", "gb18030", "x-gbk") else name
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, path)


def _html_of_mhtml(data: bytes, path: Path) -> bytes:
    """The first text/html part of a web archive (MIME multipart, as browsers save it)."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                charset = part.get_content_charset()
                if charset:
                    try:
                        text = payload.decode("gb18030" if charset.lower() in ("gb2312", "gbk") else charset)
                        return text.encode("utf-8")
                    except (LookupError, UnicodeDecodeError):
                        pass
                return payload
    raise ImportFailed(path, file_messages.NOT_WEB_PAGE)
