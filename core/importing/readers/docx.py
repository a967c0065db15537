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
- a top-level table as a table item (core.importing.readers.word_tables) at its reading
  position; a cell's paragraphs are joined like soft breaks; a table nested in a cell
  stays lines of tab-joined cells there (entirely empty rows skipped);
- text boxes: their paragraphs stand where they are anchored, splitting the paragraph
  there (a title is never joined across a box); of Word's two copies of a text box
  (``mc:Choice`` and ``mc:Fallback``) only the first is read;
- symbol-font characters (``w:sym``) as Unicode (see word_symbols);
- altChunk parts: HTML read like a saved web page, an embedded .docx like this one.
Content controls that still show their placeholder are dropped only when their text is
that placeholder (the glossary's text, or Word's and WPS's standard prompts): templating
tools fill controls and leave the flag set, and Word displays what they hold.
Paragraphs set in a heading style or as a bold/黑体/楷体 lead line get a HeadingHint.
Images, charts and equations' layout are ignored; headers, footers, footnotes and
comments are not part of the body and are not read — except a 版记 in the last section's
footer (core.importing.readers.word_imprint), which is read as the last paragraphs.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from core.base.errors import ImportFailed
from core.base.progress import Progress, progress_or_none
from core.draft import scale
from core.draft.model import SIGNATURE_SEALED, SIGNATURE_UNSEALED
from core.draft.tables import Table
from core.importing.heading_rules import HeadingHint
from core.importing.readers import messages
from core.importing.readers.guards import SafeZip, parse_xml
from core.importing.readers.ooxml import (
    ALTERNATE_CONTENT,
    MATH_TEXT,
    MC_CHOICE,
    MC_FALLBACK,
    WordNames,
    is_true,
    names_for,
)
from core.importing.readers.source import ORIGIN_WORD, SourceDocument
from core.importing.readers.word_chunks import ChunkReader
from core.importing.readers.word_headings import (
    HeadingStyles,
    formatting_hints,
    heading_sized,
    lead_line_like,
    paragraph_rank,
    style_hint,
)
from core.importing.readers.word_imprint import imprint_lines
from core.importing.readers.word_numbering import ListCounter, Numbering, NumberRef, Styles
from core.importing.readers.word_package import (
    glossary_placeholders,
    main_document_part,
    parse_part,
    part_relationships,
    related_parts,
)
from core.importing.readers.word_symbols import symbol_char
from core.importing.readers.word_tables import read_table
from core.importing.readers.word_text import (
    attach_label,
    chunks_at_boxes,
    is_placeholder_text,
    join_pieces,
    split_soft_breaks,
)
from core.text.dates import read_date

__all__ = ["main_document_part", "read_docx_document", "read_docx_package"]

_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_LINE_BREAK_IN_TEXT = re.compile(r"[\r\n]+")
_EMPHASIS_BYTES = (b"<w:b/>", b"<w:b ", "黑体".encode(), "楷体".encode(), b"SimHei", b"KaiTi", b"outlineLvl")


def read_docx_package(package: SafeZip, path: Path) -> list[str]:
    """Paragraph texts of the Word document in an already opened (and checked) package."""
    return read_docx_document(package, path).paragraphs


def read_docx_document(
    package: SafeZip, path: Path, depth: int = 0, progress: Progress | None = None
) -> SourceDocument:
    """The Word document in an opened package: paragraphs, heading hints, text-box seams.
    ``progress`` hears of the body's paragraphs as they are read (and carries 取消)."""
    steps = progress_or_none(progress)
    steps.part(0.0, _PARSING_SHARE, f"正在打开“{path.name}”…")
    main = main_document_part(package)
    if main is None:
        raise ImportFailed(path, messages.NO_DOCUMENT_XML)
    document_xml = package.read(main)
    root = parse_xml(path, document_xml)
    names = names_for(root)
    relationships = part_relationships(package, main, path)
    parts = related_parts(relationships, package, main)
    numbering_root = parse_part(package, path, parts.get("numbering"))
    styles_root = None
    wants_headings = b"pStyle" in document_xml or any(mark in document_xml for mark in _EMPHASIS_BYTES)
    if parts.get("styles") and (numbering_root is not None or wants_headings):
        styles_data = package.read(parts["styles"])
        # A big styles part (300 KB in python-docx's template) costs more to parse than the
        # whole body: only read it when the body uses styles, numbering or emphasis.
        if wants_headings or b"numPr" in styles_data or b"numStyleLink" in styles_data:
            styles_root = parse_xml(path, styles_data)
    styles = Styles(styles_root, names)
    numbering = Numbering(numbering_root, styles, names)
    walker = _BodyWalker(
        names,
        ListCounter(numbering),
        # Hidden text and tracked deletions are rare: skip looking for them run by run
        # when the markup does not occur at all (a false positive only costs the lookups).
        may_hide=b"vanish" in document_xml,
        may_delete=b"del" in document_xml,
        headings=HeadingStyles(styles_root, names) if wants_headings else None,
        placeholders=glossary_placeholders(package, path, parts.get("glossaryDocument"))
        if b"showingPlcHdr" in document_xml
        else {},
        chunks=ChunkReader(package, path, relationships, depth, read_docx_document),
    )
    body = root.find(names.body)
    if body is not None:
        try:
            walker.blocks(body, steps.part(_PARSING_SHARE, 1.0, f"正在读取“{path.name}”的段落…"))
        except RecursionError as exc:  # nesting libxml2 accepted but Python cannot walk
            raise ImportFailed(path, messages.TOO_DEEP) from exc
        except _TooMuchText as exc:
            raise ImportFailed(path, messages.TOO_MUCH_TEXT.format(
                    limit=MAX_DOCUMENT_CHARS // 10_000, paragraphs=MAX_DOCUMENT_PARAGRAPHS
                )) from exc
        walker.paragraphs += imprint_lines(package, path, body, names, relationships)
    return walker.document()


# What the document really contains, counted as it is read: a few KB of XML can ask for
# far more text than its zip sizes suggest (numbering, fields repeated on every paragraph).
# Of reading a Word file: its XML parsed (before any paragraph is read), then the body.
_PARSING_SHARE = 0.1
_BLOCKS_PER_UPDATE = 256  # paragraphs read between two words to the progress bar

# The limits are the app's promise (core.draft.scale); past them reading stops at once.
MAX_DOCUMENT_CHARS = scale.MAX_CHARS
MAX_DOCUMENT_PARAGRAPHS = scale.MAX_PARAGRAPHS


class _TooMuchText(Exception):
    pass


class _BodyWalker:
    """Collects paragraph texts from block containers (body, cells, text boxes)."""

    def __init__(
        self,
        names: WordNames,
        counter: ListCounter,
        *,
        may_hide: bool,
        may_delete: bool,
        headings: HeadingStyles | None,
        placeholders: dict[str, str],
        chunks: ChunkReader,
    ) -> None:
        self.n = names
        self.counter = counter
        self._may_hide = may_hide
        self._may_delete = may_delete
        self._headings = headings
        self._placeholders = placeholders
        self._chunks = chunks
        self.paragraphs: list[str] = []
        self._chars = 0  # everything emitted, cells included: the reading budget
        # Sparse, by paragraph index: most paragraphs have neither.
        self.hints: dict[int, HeadingHint] = {}
        self.ranks: dict[int, int] = {}
        self.seams: set[int] = set()  # paragraphs that begin or follow a text box
        # Top-level tables, each with the paragraph index it stands before.
        self.tables: list[tuple[int, Table]] = []
        self._cell_depth = 0
        self.signature_layout = ""  # as the last date paragraph outside tables is set
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

    def document(self) -> SourceDocument:
        if self._headings is not None:
            formatting_hints(self.paragraphs, self.ranks, self.hints)
        hints = [self.hints.get(i) for i in range(len(self.paragraphs))] if self.hints else None
        return SourceDocument(
            self.paragraphs,
            ORIGIN_WORD,
            hints=hints,
            seams=self.seams,
            tables=self.tables,
            signature_layout=self.signature_layout,
        )

    def _emit(self, texts: list[str], hint: HeadingHint | None = None, rank: int | None = None) -> None:
        if hint is not None or rank is not None:
            for index in range(len(self.paragraphs), len(self.paragraphs) + len(texts)):
                if hint is not None:
                    self.hints[index] = hint
                if rank is not None:
                    self.ranks[index] = rank
        self._chars += sum(len(t) for t in texts)  # the promise counts characters of text
        if self._chars > MAX_DOCUMENT_CHARS or len(self.paragraphs) > MAX_DOCUMENT_PARAGRAPHS:
            raise _TooMuchText
        self.paragraphs.extend(texts)

    # Block level -------------------------------------------------------------------
    def blocks(self, container: etree._Element, progress: Progress | None = None) -> None:
        """Read ``container``'s blocks; ``progress`` (the body only) hears how many are read."""
        n = self.n
        total = len(container)
        for index, child in enumerate(container):
            if progress is not None and index % _BLOCKS_PER_UPDATE == 0:
                progress.update(index, total)
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
            elif tag == n.altChunk:
                self._emit(self._chunks.paragraphs(child.get(_R_ID)))

    def _sdt_content(self, sdt: etree._Element) -> etree._Element | None:
        """A content control's content, or None while what it shows is its placeholder."""
        n = self.n
        content = sdt.find(n.sdtContent)
        properties = sdt.find(n.sdtPr)
        if content is None or properties is None or not is_true(properties.find(n.showingPlcHdr), n):
            return content
        part = properties.find(f"{n.placeholder}/{n.docPart}")
        own = self._placeholders.get(part.get(n.val, "")) if part is not None else None
        shown = "".join(t.text or "" for t in content.iter(n.t))
        return None if is_placeholder_text(shown, own) else content

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
        pieces: list[str | etree._Element] = []
        self._inline(p, pieces)
        # Fast path: no text box, so one chunk of text (nearly every paragraph).
        if all(isinstance(piece, str) for piece in pieces):
            chunks: list[list[str] | etree._Element] = [pieces]  # type: ignore[list-item]
        else:
            chunks = chunks_at_boxes(pieces)
        texts = [split_soft_breaks("".join(c)) if isinstance(c, list) else None for c in chunks]
        # A paragraph deleted as a whole (text and mark) is gone, number and all.
        if mark_deleted and all(t is not None and not any(t) for t in texts):
            return
        if self._cell_depth == 0 and len(texts) == 1 and texts[0] is not None and len(texts[0]) == 1:
            self._note_date_layout(texts[0][0], properties)
        label = self.counter.label(NumberRef(num_id=num_id, ilvl=ilvl, style_id=style_id))
        hint, rank = self._heading_of(p, properties, style_id, [t for t in texts if t is not None])
        labelled = False
        for chunk, segments in zip(chunks, texts, strict=True):
            if segments is None:
                self.seams.add(len(self.paragraphs))
                self.blocks(chunk)  # type: ignore[arg-type]
                self.seams.add(len(self.paragraphs))
                continue
            if not any(segments) and (len(chunks) > 1 or mark_deleted):
                continue
            if label is not None and not labelled:
                segments[0] = attach_label(label, segments[0])
                labelled = True
            self._emit(segments, hint, rank)

    def _note_date_layout(self, text: str, properties: etree._Element | None) -> None:
        """The 落款 is read by its date paragraph (core/render/signature.py sets both layouts):
        加盖印章 centres it, 不加盖印章 aligns it left from an indent."""
        if len(text) > MAX_DATE_CHARS or read_date(text, typed_forms=False) is None:
            return
        n = self.n
        jc = properties.find(n.jc) if properties is not None else None
        ind = properties.find(n.ind) if properties is not None else None
        alignment = jc.get(n.val, "") if jc is not None else ""
        indent = _to_int(ind.get(n.left) or ind.get(n.start)) if ind is not None else None
        if alignment == "center":
            self.signature_layout = SIGNATURE_SEALED
        elif alignment in ("left", "start") and indent:
            self.signature_layout = SIGNATURE_UNSEALED
        else:
            self.signature_layout = ""

    def _heading_of(
        self, p: etree._Element, properties: etree._Element | None, style_id: str | None, texts: list[list[str]]
    ) -> tuple[HeadingHint | None, int | None]:
        """Style hint and emphasis rank of a paragraph of one line (a heading is one line)."""
        if self._headings is None or sum(len(t) for t in texts) != 1:
            return None, None
        text = texts[0][0]
        hint = style_hint(properties, style_id, self._headings)
        if hint is not None and not heading_sized(text):
            # A style that gives body text an outline level (templates do) makes no headings.
            hint = None
        if hint is not None or not text:
            return hint, None
        # Only a lead line's rank is a hint; a long paragraph's rank tells the body face.
        return None, paragraph_rank(p, style_id, self._headings) if lead_line_like(text) or len(text) > 60 else None

    def table(self, tbl: etree._Element) -> None:
        rows = [row for row in self._children(tbl, self.n.tr) if not self._row_deleted(row)]
        if self._cell_depth == 0 and (mark := self._joint_issuer_mark(rows)):
            for line in mark:
                self._emit([line])
            return
        if self._cell_depth == 0:
            found = read_table(tbl, self.n, rows, lambda row: self._children(row, self.n.tc), self._cell_text)
            if found is not None:
                self.tables.append((len(self.paragraphs), found))
            return
        # A table inside a table cell stays lines of tab-separated cells within that cell.
        for row in rows:
            cells = [self._cell_text(cell) for cell in self._children(row, self.n.tc)]
            if any(cells):
                self._emit(["\t".join(cells)])

    def _row_deleted(self, row: etree._Element) -> bool:
        n = self.n
        return self._may_delete and _has_grandchild(row, n.trPr, self._deleted)

    def _joint_issuer_mark(self, rows: list[etree._Element]) -> list[str]:
        """A 联合行文 发文机关标志 laid out as a table (ours, core.render.joint_mark, and Word's
        usual recipe): one row, the organs one a paragraph in the first cell, "文件" alone in
        the second. Its lines as the 标志 is typed, one organ a line; [] for other tables."""
        if len(rows) != 1:
            return []
        cells = self._children(rows[0], self.n.tc)
        if len(cells) != 2 or self._cell_text(cells[1]) != "文件":
            return []
        organs = [part for part in self._cell_parts(cells[0]) if part]
        if len(organs) < 2:
            return []
        return [*organs[:-1], organs[-1] + "文件"]

    def _cell_parts(self, cell: etree._Element) -> list[str]:
        outer = self.paragraphs, self.hints, self.ranks, self.seams
        self.paragraphs, self.hints, self.ranks, self.seams = [], {}, {}, set()
        self._cell_depth += 1
        try:
            self.blocks(cell)
            return [part.replace("\t", " ").strip() for part in self.paragraphs]
        finally:
            self._cell_depth -= 1
            self.paragraphs, self.hints, self.ranks, self.seams = outer

    def _cell_text(self, cell: etree._Element) -> str:
        parts = self._cell_parts(cell)
        text = ""
        for part in parts:
            if part:
                text = join_pieces(text, part) if text else part
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
    def _inline(self, element: etree._Element, pieces: list[str | etree._Element]) -> None:
        n = self.n
        for child in element:
            tag = child.tag
            if tag == n.t:
                if child.text:
                    pieces.append(_LINE_BREAK_IN_TEXT.sub(" ", child.text))
            elif tag == n.r:
                if not self._hidden(child):
                    self._inline(child, pieces)
            elif tag in self._tabs:
                pieces.append("\t")
            elif tag in self._breaks:
                pieces.append("\n")
            elif tag == n.noBreakHyphen:
                pieces.append("-")
            elif tag == n.txbxContent:
                pieces.append(child)  # read where it is anchored
            elif tag == n.sym:
                pieces.append(symbol_char(child.get(n.font), child.get(n.char)))
            elif tag == n.sdt:
                content = self._sdt_content(child)
                if content is not None:
                    self._inline(content, pieces)
            elif tag == ALTERNATE_CONTENT:
                chosen = _first_alternative(child)
                if chosen is not None:
                    self._inline(chosen, pieces)
            elif tag in MATH_TEXT:
                pieces.append(child.text or "")
            elif tag in self._skipped_inline or not isinstance(tag, str):
                continue
            else:
                # hyperlink, smartTag, fldSimple, ins, moveTo, customXml, drawing, pict,
                # ruby base, bidi wrappers, equations: their text is in descendants.
                self._inline(child, pieces)

    def _hidden(self, run: etree._Element) -> bool:
        if not self._may_hide:
            return False
        n = self.n
        properties = run.find(n.rPr)
        return properties is not None and is_true(properties.find(n.vanish), n)


MAX_DATE_CHARS = 24  # "（二〇二四年十二月二十日）" and spaces: longer is not a date line


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
