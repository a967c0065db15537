"""The body of a Word document walked block by block into paragraph texts (what becomes a
paragraph, and how, is listed in core/importing/readers/docx.py, which opens the package and
hands the body here): paragraphs with their numbers, runs, breaks, fields, content controls,
text boxes, tables, altChunks, heading hints, and the reading budget."""

from __future__ import annotations

import re

from lxml import etree

from core.base.progress import Progress
from core.draft.model import SIGNATURE_SEALED, SIGNATURE_UNSEALED
from core.draft.tables import Table
from core.importing.heading_rules import HeadingHint
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
from core.importing.readers.word_numbering import ListCounter, NumberRef
from core.importing.readers.word_tables import read_table
from core.importing.readers.word_text import (
    attach_label,
    chunks_at_boxes,
    is_placeholder_text,
    split_soft_breaks,
)
from core.ooxml.symbols import symbol_char
from core.ooxml.word_names import ALTERNATE_CONTENT, MATH_TEXT, MC_CHOICE, MC_FALLBACK, WordNames, is_true
from core.text.dates import read_date

R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_LINE_BREAK_IN_TEXT = re.compile(r"[\r\n]+")
_BLOCKS_PER_UPDATE = 256  # paragraphs read between two words to the progress bar


class TooMuchText(Exception):
    """Past the reading budget (the limits the walker was given)."""


class BodyWalker:
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
        max_chars: int,
        max_paragraphs: int,
    ) -> None:
        self.n = names
        self.counter = counter
        self._may_hide = may_hide
        self._may_delete = may_delete
        self._headings = headings
        self._placeholders = placeholders
        self._chunks = chunks
        self._max_chars, self._max_paragraphs = max_chars, max_paragraphs
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
        if self._chars > self._max_chars or len(self.paragraphs) > self._max_paragraphs:
            raise TooMuchText
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
                self._emit(self._chunks.paragraphs(child.get(R_ID)))

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
        # In a table cell every line is kept as a line: "2期" and "1期（含线上）" on two lines
        # of one cell are two figures, not one run of text (Table cells hold "\n").
        split = _cell_lines if self._cell_depth else split_soft_breaks
        texts = [split("".join(c)) if isinstance(c, list) else None for c in chunks]
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
        return "\n".join(part for part in self._cell_parts(cell) if part)

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


def _cell_lines(text: str) -> list[str]:
    """A paragraph in a table cell, its soft breaks kept as lines of the cell."""
    return ["\n".join(line.strip() for line in text.split("\n") if line.strip())]
