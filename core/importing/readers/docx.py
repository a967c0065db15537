"""Word .docx bodies as paragraph texts, read straight from the package's XML.

python-docx's object layer is too slow for the import budget (a 20,000-character report
in well under 100 ms) and does not render automatic numbers, so word/document.xml,
numbering.xml and styles.xml are parsed directly with a locked-down lxml parser.

What becomes a paragraph, in document order:
- each body paragraph, with its automatic number ("一、", "（三）", "12.") rendered in
  front of the text (see word_numbering), and runs' ``w:t`` text, ``w:tab`` as a tab;
  inserted revisions (``w:ins``) are kept, deleted ones (``w:del``) and hidden runs
  (``w:vanish``) dropped; fields keep their displayed result, not their code; content
  controls keep their content unless they still show placeholder text;
- a soft line break (Shift+Enter, ``w:br``) joins the two lines, without a space between
  Chinese characters, unless the next line visibly starts a paragraph of its own (the
  line before ends a sentence, or the next line starts with an ordinal such as "二、" or
  "一是", or is indented): text pasted from web pages often uses line breaks between
  paragraphs, while Shift+Enter inside a title should not split it;
- each table row, its cells' texts joined by a tab (paragraphs inside a cell joined like
  soft breaks); rows that are entirely empty are skipped;
- text boxes: their paragraphs follow the paragraph they are anchored in; of Word's two
  copies of a text box (``mc:Choice`` and ``mc:Fallback``) only the first is read.
Images, charts and equations' layout are ignored; headers, footers, footnotes and
comments are not part of the body and are not read.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from lxml import etree

from core.base.errors import ImportFailed
from core.draft.ordinals import parse_marker, parse_point
from core.importing.readers import messages
from core.importing.readers.guards import SafeZip, parse_xml, parse_xml_lenient
from core.importing.readers.ooxml import (
    ALTERNATE_CONTENT,
    MATH_TEXT,
    MC_CHOICE,
    MC_FALLBACK,
    RELATIONSHIP,
    WordNames,
    is_true,
    names_for,
)
from core.importing.readers.word_numbering import Label, ListCounter, Numbering, NumberRef, Styles

DEFAULT_MAIN_PART = "word/document.xml"
_SENTENCE_END = tuple("。！？!?；;：:")
_LABEL_CLOSERS = tuple("、.．)）]】:：")
_LINE_BREAK_IN_TEXT = re.compile(r"[\r\n]+")


def read_docx_package(package: SafeZip, path: Path) -> list[str]:
    """Paragraph texts of the Word document in an already opened (and checked) package."""
    main = main_document_part(package)
    if main is None:
        raise ImportFailed(path, messages.NO_DOCUMENT_XML)
    document_xml = package.read(main)
    root = parse_xml(path, document_xml)
    names = names_for(root)
    parts = _related_parts(package, main, path)
    numbering_root = _parse_optional(package, path, parts.get("numbering"))
    styles_root = None
    if numbering_root is not None and parts.get("styles"):
        styles_data = package.read(parts["styles"])
        # Styles matter here only for the numbering they carry; a big styles part (300 KB
        # in python-docx's template) costs more to parse than the whole body otherwise.
        if b"numPr" in styles_data or b"numStyleLink" in styles_data:
            styles_root = parse_xml(path, styles_data)
    styles = Styles(styles_root, names)
    numbering = Numbering(numbering_root, styles, names)
    body = root.find(names.body)
    # Hidden text and tracked deletions are rare: skip looking for them run by run when
    # the markup does not occur at all (a false positive only costs the lookups).
    walker = _BodyWalker(
        names,
        ListCounter(numbering),
        may_hide=b"vanish" in document_xml,
        may_delete=b"del" in document_xml,
    )
    if body is not None:
        try:
            walker.blocks(body)
        except RecursionError as exc:  # nesting libxml2 accepted but Python cannot walk
            raise ImportFailed(path, messages.TOO_DEEP) from exc
    return walker.paragraphs


def main_document_part(package: SafeZip) -> str | None:
    """The main document part named by the package relationships, else word/document.xml."""
    rels_name = package.find("_rels/.rels")
    rels = parse_xml_lenient(package.path, package.read(rels_name)) if rels_name else None
    for rel in rels.iter(RELATIONSHIP) if rels is not None else ():
        if rel.get("Type", "").endswith("/officeDocument") and rel.get("TargetMode") != "External":
            found = package.find(rel.get("Target", "").lstrip("/"))
            if found is not None:
                return found
    return package.find(DEFAULT_MAIN_PART)


def _related_parts(package: SafeZip, main: str, path: Path) -> dict[str, str]:
    """{"styles": member name, "numbering": member name} from the main part's rels."""
    folder, filename = posixpath.split(main)
    found: dict[str, str] = {}
    rels_name = package.find(posixpath.join(folder, "_rels", filename + ".rels"))
    rels = parse_xml_lenient(path, package.read(rels_name)) if rels_name else None
    for rel in rels.iter(RELATIONSHIP) if rels is not None else ():
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        if kind not in ("styles", "numbering") or rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        member = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        stored = package.find(posixpath.normpath(member))
        if stored is not None:
            found.setdefault(kind, stored)
    for kind in ("styles", "numbering"):
        if kind not in found:
            stored = package.find(posixpath.join(folder, f"{kind}.xml"))
            if stored is not None:
                found[kind] = stored
    return found


def _parse_optional(package: SafeZip, path: Path, member: str | None) -> etree._Element | None:
    return parse_xml(path, package.read(member)) if member else None


class _BodyWalker:
    """Collects paragraph texts from block containers (body, cells, text boxes)."""

    def __init__(self, names: WordNames, counter: ListCounter, *, may_hide: bool, may_delete: bool) -> None:
        self.n = names
        self.counter = counter
        self._may_hide = may_hide
        self._may_delete = may_delete
        self.paragraphs: list[str] = []
        n = names
        self._block_containers = frozenset({n.customXml, n.ins, n.moveTo})
        self._skipped_inline = frozenset(
            {
                n.pPr,
                n.rPr,
                getattr(n, "del"),
                n.moveFrom,
                n.delText,
                n.instrText,
                n.delInstrText,
                n.rt,
                n.sdtPr,
                n.sdtEndPr,
                n.fldData,
                n.sym,
                n.footnoteReference,
                n.endnoteReference,
                n.commentReference,
                n.annotationRef,
                MC_FALLBACK,
            }
        )
        self._breaks = frozenset({n.br, n.cr})
        self._deleted = getattr(n, "del")
        self._tabs = frozenset({n.tab, n.ptab})

    # Block level -------------------------------------------------------------------
    def blocks(self, container: etree._Element) -> None:
        n = self.n
        for child in container:
            tag = child.tag
            if tag == n.p:
                self.paragraph(child)
            elif tag == n.tbl:
                self.table(child)
            elif tag == n.sdt:
                content = self._sdt_content(child)
                if content is not None:
                    self.blocks(content)
            elif tag in self._block_containers:
                self.blocks(child)
            elif tag == ALTERNATE_CONTENT:
                chosen = _first_alternative(child)
                if chosen is not None:
                    self.blocks(chosen)

    def _sdt_content(self, sdt: etree._Element) -> etree._Element | None:
        """A content control's content, or None while it still shows placeholder text."""
        n = self.n
        properties = sdt.find(n.sdtPr)
        if properties is not None and is_true(properties.find(n.showingPlcHdr), n):
            return None
        return sdt.find(n.sdtContent)

    def paragraph(self, p: etree._Element) -> None:
        n = self.n
        properties = p.find(n.pPr)
        style_id = num_id = None
        ilvl: int | None = None
        mark_deleted = False
        if properties is not None:
            style = properties.find(n.pStyle)
            style_id = style.get(n.val) if style is not None else None
            num_pr = properties.find(n.numPr)
            if num_pr is not None:
                num_id_el = num_pr.find(n.numId)
                ilvl_el = num_pr.find(n.ilvl)
                num_id = num_id_el.get(n.val) if num_id_el is not None else None
                ilvl = _to_int(ilvl_el.get(n.val)) if ilvl_el is not None else None
            mark_deleted = self._may_delete and _has_grandchild(properties, n.rPr, self._deleted)
        pieces: list[str] = []
        boxes: list[etree._Element] = []
        self._inline(p, pieces, boxes)
        segments = _split_soft_breaks("".join(pieces))
        # A paragraph deleted as a whole (text and mark) is gone, number and all.
        if not (mark_deleted and not any(segments) and not boxes):
            label = self.counter.label(NumberRef(num_id=num_id, ilvl=ilvl, style_id=style_id))
            if label is not None:
                segments[0] = _attach_label(label, segments[0])
            self.paragraphs.extend(segments)
        for box in boxes:
            self.blocks(box)

    def table(self, tbl: etree._Element) -> None:
        for row in self._children(tbl, self.n.tr):
            if self._row_deleted(row):
                continue
            cells = [self._cell_text(cell) for cell in self._children(row, self.n.tc)]
            if any(cells):
                self.paragraphs.append("\t".join(cells))

    def _row_deleted(self, row: etree._Element) -> bool:
        n = self.n
        return self._may_delete and _has_grandchild(row, n.trPr, self._deleted)

    def _cell_text(self, cell: etree._Element) -> str:
        outer = self.paragraphs
        self.paragraphs = []
        try:
            self.blocks(cell)
            parts = [part.replace("\t", " ").strip() for part in self.paragraphs]
        finally:
            self.paragraphs = outer
        text = ""
        for part in parts:
            if part:
                text = _join(text, part) if text else part
        return text

    def _children(self, parent: etree._Element, wanted: str) -> list[etree._Element]:
        """Rows of a table or cells of a row, looking through content controls."""
        found: list[etree._Element] = []
        for child in parent:
            if child.tag == wanted:
                found.append(child)
            elif child.tag == self.n.sdt:
                content = self._sdt_content(child)
                if content is not None:
                    found.extend(self._children(content, wanted))
            elif child.tag in self._block_containers:
                found.extend(self._children(child, wanted))
        return found

    # Inside a paragraph ----------------------------------------------------------------
    def _inline(self, element: etree._Element, pieces: list[str], boxes: list[etree._Element]) -> None:
        n = self.n
        for child in element:
            tag = child.tag
            if tag == n.t:
                if child.text:
                    pieces.append(_LINE_BREAK_IN_TEXT.sub(" ", child.text))
            elif tag == n.r:
                if not self._hidden(child):
                    self._inline(child, pieces, boxes)
            elif tag in self._tabs:
                pieces.append("\t")
            elif tag in self._breaks:
                pieces.append("\n")
            elif tag == n.noBreakHyphen:
                pieces.append("-")
            elif tag == n.txbxContent:
                boxes.append(child)
            elif tag == n.sdt:
                content = self._sdt_content(child)
                if content is not None:
                    self._inline(content, pieces, boxes)
            elif tag == ALTERNATE_CONTENT:
                chosen = _first_alternative(child)
                if chosen is not None:
                    self._inline(chosen, pieces, boxes)
            elif tag in MATH_TEXT:
                pieces.append(child.text or "")
            elif tag in self._skipped_inline or not isinstance(tag, str):
                continue
            else:
                # hyperlink, smartTag, fldSimple, ins, moveTo, customXml, drawing, pict,
                # ruby base, bidi wrappers, equations: their text is in descendants.
                self._inline(child, pieces, boxes)

    def _hidden(self, run: etree._Element) -> bool:
        if not self._may_hide:
            return False
        n = self.n
        properties = run.find(n.rPr)
        return properties is not None and is_true(properties.find(n.vanish), n)


def _has_grandchild(element: etree._Element, child: str, grandchild: str) -> bool:
    # Two plain finds: a "a/b" path goes through lxml's Python-level ElementPath, which
    # costs more than the rest of a paragraph's work.
    found = element.find(child)
    return found is not None and found.find(grandchild) is not None


def _first_alternative(alternate: etree._Element) -> etree._Element | None:
    choice = alternate.find(MC_CHOICE)
    return choice if choice is not None else alternate.find(MC_FALLBACK)


def _to_int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _split_soft_breaks(text: str) -> list[str]:
    """Split a paragraph's text at soft breaks that visibly start a new paragraph; join
    the other lines (see the module docstring). Always at least one (maybe empty) text."""
    if "\n" not in text:
        return [text.strip()]
    lines = [line.strip() for line in text.split("\n")]
    raw = text.split("\n")
    result: list[str] = []
    for line, original in zip(lines, raw, strict=True):
        if not line:
            continue
        if result and not _starts_paragraph(result[-1], line, original):
            result[-1] = _join(result[-1], line)
        else:
            result.append(line)
    return result or [""]


def _starts_paragraph(previous: str, line: str, original: str) -> bool:
    if previous.endswith(_SENTENCE_END):
        return True
    if original.startswith(("\u3000", "  ", "\t")):
        return True
    return parse_marker(line) is not None or parse_point(line) is not None


def _join(left: str, right: str) -> str:
    """Join two pieces of one sentence: a space only between two Latin letters/digits."""
    if left and right and _is_latin_word_char(left[-1]) and _is_latin_word_char(right[0]):
        return f"{left} {right}"
    return left + right


def _is_latin_word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _attach_label(label: Label, text: str) -> str:
    """Put Word's rendered number in front of the text, as the reader of the page sees it.

    Word separates them with a tab, a space or nothing (``w:suff``); after "、" or "）"
    nothing is needed, after "第一章" a space is. A digit right after "1." is always
    spaced, so "1. 2022年…" is not mistaken for the figure "1.2022".
    """
    if not label.text:
        return text
    if not text:
        return label.text
    starts_latin = _is_latin_word_char(text[0])
    if (text[0].isdigit() and label.text.endswith((".", "．"))) or (
        label.suffix != "nothing" and (starts_latin or not label.text.endswith(_LABEL_CLOSERS))
    ):
        return f"{label.text} {text}"
    return label.text + text
