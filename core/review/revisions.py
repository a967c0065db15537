"""Read a reviewed Word file: tracked changes and comments, paragraph by paragraph.

python-docx cannot do this (its ``paragraph.text`` mixes pending insertions in and drops
deletions), so the body is walked here: ``w:ins``/``w:moveTo`` text belongs to the
accepted text only, ``w:del``/``w:moveFrom`` text (``w:delText``) to the original only,
``w:rPrChange``/``w:pPrChange`` are formatting changes. Comments come from the comments
part, anchored by ``commentRangeStart``/``commentRangeEnd`` (or just the
``commentReference``); Word 2013+ stores replies in commentsExtended (``w15:paraIdParent``).
.doc/.wps/.rtf/.odt are converted through LibreOffice first, which keeps tracked changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from core.base import file_messages
from core.base.errors import ImportFailed
from core.base.progress import Progress, progress_or_none
from core.office.formats import DOCX_SUFFIXES, LEGACY_SUFFIXES, Signature, sniff
from core.office.libreoffice import read_converted
from core.ooxml import guards
from core.ooxml.guards import SafeZip, parse_xml, parse_xml_lenient
from core.ooxml.package import main_document_part, part_relationships
from core.ooxml.symbols import symbol_char
from core.ooxml.word_names import ALTERNATE_CONTENT, MC_CHOICE, MC_FALLBACK, WordNames, names_for
from core.render.sent_mark import SENT_PROPERTY, SENT_TEXT_PROPERTY
from core.review.copy_parts import (
    LEGACY_SIGNATURES,
    NOT_A_DOCUMENT,
    cell_of,
    inside,
    looks_like_web_page,
    row_struck,
    sent_properties,
)
from core.review.model import (
    DELETE,
    FOOTER,
    FORMAT,
    INSERT,
    JOIN,
    MOVE_FROM,
    MOVE_TO,
    SPLIT,
    TEXT_BOX,
    Comment,
    Reply,
    ReviewedDocument,
    ReviewedParagraph,
    Revision,
)

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
_CORE_PROPS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
NOT_WORD_REVIEW = "审阅稿应是 Word 文档（.docx；.doc、.wps 需本机装有 LibreOffice）。请在 Word 或 WPS 中另存为 .docx 后再试。"
_ADDED = (INSERT, MOVE_TO)
_REMOVED = (DELETE, MOVE_FROM)


@dataclass(frozen=True)
class _Mark:
    """The tracked change a piece of text sits in (kind "" for plain text)."""

    kind: str = ""
    author: str = ""
    date: str = ""
    move_name: str = ""


_PLAIN = _Mark()


def read_reviewed(path: Path | str, progress: Progress | None = None) -> ReviewedDocument:
    """The reviewed file's paragraphs and comments; ImportFailed (in Chinese) on bad input.
    ``progress`` hears what is being done; its 取消 stops a LibreOffice conversion at once."""
    path = Path(path)
    steps = progress_or_none(progress)
    guards.check_regular_file(path)
    suffix = path.suffix.lower()
    if suffix in LEGACY_SUFFIXES:
        found = sniff(guards.read_bytes(path, 64))
        if found is Signature.ZIP and suffix != ".odt":
            return _read_docx_file(path, path, steps)  # a .docx saved under an old name: read it as it is
        if found not in LEGACY_SIGNATURES[suffix] and not looks_like_web_page(guards.read_bytes(path, 512)):
            # LibreOffice would take any bytes as plain text and make a "document" of them.
            raise ImportFailed(path, NOT_A_DOCUMENT.format(suffix=suffix))
        return read_converted(
            path, suffix, lambda file, shown, reading: _read_docx_file(file, shown, reading), steps
        )
    if suffix not in DOCX_SUFFIXES:
        raise ImportFailed(path, NOT_WORD_REVIEW)
    if guards.is_encrypted_ooxml(guards.read_bytes(path, 64 * 1024)):
        raise ImportFailed(path, file_messages.ZIP_ENCRYPTED_MEMBER)
    return _read_docx_file(path, path, steps)


def _read_docx_file(file: Path, shown: Path, progress: Progress) -> ReviewedDocument:
    progress.part(0.0, 1.0, f"正在读取审阅稿“{shown.name}”的修订和批注…")
    with SafeZip(file, shown) as package:
        main = main_document_part(package)
        if main is None:
            raise ImportFailed(shown, file_messages.NO_DOCUMENT_XML)
        root = parse_xml(shown, package.read(main))
        names = names_for(root)
        body = root.find(names.body)
        reader = _BodyReader(names)
        if body is not None:
            tables: dict[etree._Element, tuple[int, dict[etree._Element, int]]] = {}
            try:
                ranges = (names.moveFromRangeStart, names.moveToRangeStart, names.moveFromRangeEnd, names.moveToRangeEnd)
                for p in body.iter(names.p, *ranges):
                    if p.tag != names.p:
                        if not inside(p, names.p, body):  # a move's range between paragraphs
                            reader.move_range(p)
                        continue
                    if inside(p, MC_FALLBACK, body):
                        continue  # the same text box again, for programs without DrawingML
                    in_box = inside(p, names.txbxContent, body)
                    in_table = not in_box and inside(p, names.tc, body)
                    cell = cell_of(p, names, body, tables) if in_table else None
                    reader.paragraph(p, in_table=in_table, cell=cell, where=TEXT_BOX if in_box else "")
                    if cell is not None and row_struck(p, names):
                        reader.paragraphs[-1].row_deleted = True
            except RecursionError as exc:
                raise ImportFailed(shown, file_messages.TOO_DEEP) from exc
        relationships = part_relationships(package, main, shown)
        # Footers hold our own 版记 on a page of its own (core.render.footer_notes): read after
        # the body, where the 版记 stands.
        for kind, member in relationships.values():
            if kind == "footer":
                footer = parse_xml(shown, package.read(member))
                try:
                    for p in footer.iter(names.p):
                        if not inside(p, MC_FALLBACK, footer):
                            reader.paragraph(p, where=FOOTER)
                except RecursionError as exc:
                    raise ImportFailed(shown, file_messages.TOO_DEEP) from exc
        parts = {kind: member for kind, member in relationships.values()}
        comments = _read_comments(package, shown, parts.get("comments"), parts.get("commentsExtended"))
        reader.anchor(comments)
        core_name = package.find("docProps/core.xml")
        core = parse_xml_lenient(shown, package.read(core_name)) if core_name else None
        last = core.findtext(f"{{{_CORE_PROPS}}}lastModifiedBy") if core is not None else None
        sent = sent_properties(package, shown)
        return ReviewedDocument(
            reader.paragraphs, comments, (last or "").strip(),
            sent.get(SENT_PROPERTY, ""), sent.get(SENT_TEXT_PROPERTY, ""),
        )  # fmt: skip


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _shown_text(element: etree._Element) -> str:
    """A w:t's text as Word shows it: blanks at its edges only kept with xml:space="preserve"
    (files written by hand or by tools that omit it lose them in Word, and in LibreOffice)."""
    text = element.text or ""
    return text if element.get(_XML_SPACE) == "preserve" else text.strip(" \t\n\r")


class _BodyReader:
    def __init__(self, names: WordNames) -> None:
        self.n = names
        self.paragraphs: list[ReviewedParagraph] = []
        # comment id → (paragraph, original offset) of its range start / end / reference
        self.starts: dict[str, tuple[int, int]] = {}
        self.ends: dict[str, tuple[int, int]] = {}
        self.references: dict[str, tuple[int, int]] = {}
        self._split_author = _PLAIN  # who typed the Enter of the paragraph being split
        self._move_name = ""  # the move whose range the reader is in
        n = names
        self._marks = {n.ins: INSERT, getattr(n, "del"): DELETE, n.moveFrom: MOVE_FROM, n.moveTo: MOVE_TO}
        self._skipped = {
            n.pPr,
            n.rPr,
            n.instrText,
            n.delInstrText,
            n.txbxContent,
            n.fldChar,
            n.footnoteReference,
        }

    def paragraph(
        self, p: etree._Element, in_table: bool = False, cell: tuple[int, int, int] | None = None, where: str = ""
    ) -> None:
        n = self.n
        self._pieces: list[tuple[str, _Mark, _Mark | None]] = []  # text, change, format change
        self._original_length = 0
        self._walk(p, _PLAIN, None)
        original = "".join(text for text, mark, _ in self._pieces if mark.kind not in _ADDED)
        accepted = "".join(text for text, mark, _ in self._pieces if mark.kind not in _REMOVED)
        revisions = _merge(self._pieces)
        inserted = split = False
        mark_deleted = None
        properties = p.find(n.pPr)
        if properties is not None:
            mark_props = properties.find(n.rPr)
            mark_inserted = mark_props.find(n.ins) if mark_props is not None else None
            mark_deleted = mark_props.find(getattr(n, "del")) if mark_props is not None else None
            mark_moved_to = mark_props.find(n.moveTo) if mark_props is not None else None
            # Original text that is only breaks (a page break LibreOffice moved in) is no text of
            # an old paragraph; spaces are.
            inserted = (mark_inserted is not None or mark_moved_to is not None) and not original.strip("\n")
            # Enter typed inside a paragraph (or a cell's line): its first part's mark is the new one.
            split = mark_inserted is not None and bool(original.strip("\n"))
            if mark_deleted is not None and original and accepted:
                # The mark struck out: this paragraph and the next are one (a deleted paragraph
                # whose text went too is a deletion of the paragraph, not a join).
                who = _who(mark_deleted, n)
                revisions.append(Revision(JOIN, who.author, who.date, len(original), len(original), ""))
            change = properties.find(n.pPrChange)
            if change is not None and original:
                who = _who(change, n)
                revisions.append(Revision(FORMAT, who.author, who.date, 0, len(original), original))
        last = self.paragraphs[-1] if self.paragraphs else None
        if last is not None and last.split_pending and (last.in_table, last.cell, last.where) == (in_table, cell, where):
            self._join_rest(last, original, accepted, revisions, split)
            return
        if (inserted and not accepted and last is not None and (last.in_table, last.cell, last.where) == (in_table, cell, where)
                and any(r.kind == JOIN for r in last.revisions)):
            # A paragraph's mark struck out and an empty paragraph with a new mark right after
            # it: Word's way of replacing a mark (numbering or style changed with tracking
            # on). Accepted, the text ends at the new mark; rejected, at the old: no join.
            last.revisions = [r for r in last.revisions if r.kind != JOIN]
            self._anchors_into(len(self.paragraphs), len(self.paragraphs) - 1, len(last.original))
            return
        self.paragraphs.append(
            ReviewedParagraph(original, accepted, revisions, inserted, in_table, cell, where, split,
                              mark_deleted=properties is not None and mark_deleted is not None)
        )
        if split:
            who = _who(mark_inserted, n)  # type: ignore[arg-type]
            self._split_author = who

    def move_range(self, element: etree._Element) -> None:
        """A move's range opens (its name pairs the two halves; it may span paragraphs) or closes."""
        n = self.n
        if element.tag in (n.moveFromRangeStart, n.moveToRangeStart):
            self._move_name = element.get(n.name, "") or element.get(n.id, "")
        else:
            self._move_name = ""

    def _join_rest(
        self, first: ReviewedParagraph, original: str, accepted: str, revisions: list[Revision], split: bool
    ) -> None:
        """The rest of a paragraph the leader split (Enter typed inside it, tracked): read back
        as one paragraph of the copy with the new paragraph mark a change (SPLIT) where it went,
        so that it matches the draft's one paragraph."""
        offset = len(first.original)
        who = self._split_author
        shifted = [
            Revision(r.kind, r.author, r.date, r.start + offset, r.end + offset, r.text, r.move_name)
            for r in revisions
        ]
        first.revisions = [
            *[r for r in first.revisions if r.kind != FORMAT],
            Revision(SPLIT, who.author, who.date, offset, offset, ""),
            *shifted,
            *[r for r in first.revisions if r.kind == FORMAT],
        ]
        first.original += original
        first.accepted += accepted
        first.split_pending = split
        # Comment anchors read in the rest are in the first part's paragraph now.
        self._anchors_into(len(self.paragraphs), len(self.paragraphs) - 1, offset)

    def _anchors_into(self, source: int, target: int, offset: int) -> None:
        """Comment anchors read in paragraph ``source`` moved into ``target``, ``offset`` on."""
        for anchors in (self.starts, self.ends, self.references):
            for key, (paragraph, at) in list(anchors.items()):
                if paragraph == source:
                    anchors[key] = (target, at + offset)

    def _add(self, text: str, mark: _Mark, format_mark: _Mark | None) -> None:
        if text:
            self._pieces.append((text, mark, format_mark))
            if mark.kind not in _ADDED:
                self._original_length += len(text)

    def _here(self) -> tuple[int, int]:
        return len(self.paragraphs), self._original_length

    def _walk(self, element: etree._Element, mark: _Mark, format_mark: _Mark | None) -> None:
        n = self.n
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in self._skipped:
                continue
            if tag in (n.t, n.delText):
                self._add(_shown_text(child), mark if mark.kind or tag == n.t else _Mark(DELETE), format_mark)
            elif tag == n.r:
                properties = child.find(n.rPr)
                change = properties.find(n.rPrChange) if properties is not None else None
                self._walk(child, mark, _who(change, n) if change is not None else None)
            elif tag in self._marks:
                kind = self._marks[tag]
                if mark.kind and (mark.kind in _ADDED) != (kind in _ADDED):
                    continue  # text added and removed again in review (either nesting): in neither version
                who = _who(child, n)
                self._walk(child, _Mark(kind, who.author, who.date, self._move_name), format_mark)
            elif tag in (n.moveFromRangeStart, n.moveToRangeStart, n.moveFromRangeEnd, n.moveToRangeEnd):
                self.move_range(child)
            elif tag in (n.tab, n.ptab):
                self._add("\t", mark, format_mark)
            elif tag in (n.br, n.cr):
                self._add("\n", mark, format_mark)
            elif tag == n.noBreakHyphen:
                self._add("-", mark, format_mark)
            elif tag == n.sym:
                self._add(symbol_char(child.get(n.font), child.get(n.char)), mark, format_mark)
            elif tag == n.commentRangeStart:
                self.starts[child.get(n.id, "")] = self._here()
            elif tag == n.commentRangeEnd:
                self.ends[child.get(n.id, "")] = self._here()
            elif tag == n.commentReference:
                self.references.setdefault(child.get(n.id, ""), self._here())
            elif tag == ALTERNATE_CONTENT:
                choice = child.find(MC_CHOICE)
                if choice is not None:
                    self._walk(choice, mark, format_mark)
            else:  # hyperlink, smartTag, sdt, fldSimple …: their text is in descendants
                self._walk(child, mark, format_mark)

    def anchor(self, comments: list[Comment]) -> None:
        """Place each comment on the original text its range covers (clipped to one paragraph)."""
        for comment in comments:
            start = self.starts.get(comment.id) or self.references.get(comment.id)
            if start is None:
                continue
            end = self.ends.get(comment.id) or self.references.get(comment.id) or start
            comment.paragraph, comment.start = start
            length = len(self.paragraphs[start[0]].original) if start[0] < len(self.paragraphs) else 0
            comment.end = end[1] if end[0] == start[0] else length


def _who(element: etree._Element, n: WordNames) -> _Mark:
    return _Mark(author=(element.get(n.author) or "").strip(), date=element.get(n.date) or "")


def _merge(pieces: list[tuple[str, _Mark, _Mark | None]]) -> list[Revision]:
    """Neighbouring pieces of the same change (Word splits one edit over many runs) as one revision."""
    out: list[Revision] = []
    position = 0
    for text, mark, format_mark in pieces:
        added = mark.kind in _ADDED
        end = position if added else position + len(text)
        if mark.kind:
            last = out[-1] if out else None
            if (
                last is not None
                and (last.kind, last.author, last.date, last.move_name)
                == (mark.kind, mark.author, mark.date, mark.move_name)
                and last.end == position
            ):
                out[-1] = Revision(
                    last.kind, last.author, last.date, last.start, end, last.text + text, last.move_name
                )
            else:
                out.append(Revision(mark.kind, mark.author, mark.date, position, end, text, mark.move_name))
        elif format_mark is not None:
            last = out[-1] if out else None
            if (
                last is not None
                and last.kind == FORMAT
                and last.author == format_mark.author
                and last.end == position
            ):
                out[-1] = Revision(FORMAT, last.author, last.date, last.start, end, last.text + text)
            else:
                out.append(Revision(FORMAT, format_mark.author, format_mark.date, position, end, text))
        position = end
    return out


def _read_comments(package: SafeZip, path: Path, member: str | None, extended: str | None) -> list[Comment]:
    if member is None:
        return []
    root = parse_xml(path, package.read(member))
    n = names_for(root)
    comments: list[Comment] = []
    by_para_id: dict[str, Comment] = {}
    for element in root.iter(n.comment):
        paragraphs = element.findall(f".//{n.p}")
        text = "\n".join("".join(t.text or "" for t in p.iter(n.t)) for p in paragraphs).strip()
        comment = Comment(
            element.get(n.id, ""), (element.get(n.author) or "").strip(), element.get(n.date) or "", text
        )
        comments.append(comment)
        if paragraphs:
            para_id = paragraphs[-1].get(f"{{{W14}}}paraId")
            if para_id:
                by_para_id[para_id] = comment
    if extended is None:
        return comments
    ext_root = parse_xml(path, package.read(extended))
    replies: set[str] = set()
    for entry in ext_root.iter(f"{{{W15}}}commentEx"):
        comment = by_para_id.get(entry.get(f"{{{W15}}}paraId", ""))
        if comment is None:
            continue
        comment.done = entry.get(f"{{{W15}}}done") in ("1", "true")
        parent = by_para_id.get(entry.get(f"{{{W15}}}paraIdParent", ""))
        if parent is not None and parent is not comment:
            parent.replies.append(Reply(comment.author, comment.date, comment.text))
            replies.add(comment.id)
    return [c for c in comments if c.id not in replies]
