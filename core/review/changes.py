"""The reviewer's changes, each placed in the draft: section, field, paragraph and characters.

With the copy that was sent (every export keeps it, core.draft.history.record_sent, and the
.docx names it): a three-way merge. Every difference between the sent version and the
reviewed copy is the leader's, tracked or not, with or without comments (placed on the sent
version's slots); each is then carried onto the current draft (core.review.merge), where the
clerk's own edits since the export stay, and a change to words the clerk has changed too is
a conflict listed with both versions.

Without it (a copy retyped or pasted into a new file, or exported before versions were
kept): matched by text against the current draft, as follows, and the result says so. A
change is *applicable* when the text it changes is still in the draft, character for
character, at a place the draft can edit. A change in a paragraph the clerk has edited since
the copy was made (a copy of an older draft), or in text that belongs to no slot (a marker
"一、", the rendered date), is listed as 不再适用 and never applied. Edits made without
track changes count only when the copy has no tracked changes and no comments at all (then
every difference is the reviewer's, found by a word diff on jieba's cut so that a changed
phrase is one change); in a tracked copy such a difference cannot be told from the clerk's
later edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from core.draft.model import Report
from core.draft.ordinals import parse_point, strip_ordinal
from core.review.match import (
    CellKey,
    DraftParagraph,
    char_map,
    draft_paragraphs,
    map_span,
    match_cells,
    match_paragraphs,
    match_rate,
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
from core.review.textdiff import word_diff
from core.text.textslots import CELLS, describe_place, section_paths, slot_text, table_cells

# Kinds as the clerk reads them.
INSERTED, DELETED, REPLACED, MOVED, COMMENTED = "插入", "删除", "修改", "移动", "批注"
SPLIT_KIND, JOIN_KIND = "拆分段落", "合并段落"
# A split or a join goes into the paragraph's text as one of these characters, where the
# paragraph mark was inserted or deleted; core.review.apply turns it into the list's items.
PARAGRAPH_BREAK, JOIN_MARK = "\u2029", "\u2060"
STRUCTURE_MARKS = (PARAGRAPH_BREAK, JOIN_MARK)
JOIN_ACROSS = "不再适用：审阅人把这一段与下一部分的段落合为一段；如同意，请手工调整"
NOT_A_LIST = "不再适用：审阅人在标题或报告信息中另起一段或合并段落；如同意，请手工调整"
UNTRACKED_AUTHOR = "（未标修订）"
# Below this share of matching paragraphs a reviewed file is not a copy of the draft.
MIN_MATCH = 0.5
STALE = "不再适用：草稿此处已改动，审阅稿是旧版的副本"
NOT_FOUND = "不再适用：草稿中找不到这段原文"
NOT_EDITABLE = "不再适用：改动落在序号、日期等自动生成的文字上，请在草稿中手工修改"
NO_PLACE = "不再适用：无法确定新段落在草稿中的位置"
IN_TEXT_BOX = "不再适用：改动在文本框里，草稿中没有这段文字；如同意，请在草稿相应处手工修改"
IN_FOOTER = "不再适用：改动在页脚里，页脚由模板生成；如同意，请在模板或“报告信息”中修改"
IN_TABLE = "不再适用：改动在表格里，请在“本节内容”的表格中照此修改"
MOVED_SECTION = "不再适用：审阅人移动了带序号的一节；如同意，请在提纲中拖动该节（或用“上移”“下移”）到新位置"
MOVED_ORDER = "不再适用：审阅人调整了段落顺序；如同意，请把这些段落剪切、粘贴到新位置"
WHOLE_HEADING = "不再适用：整段删去了一个带序号的标题段落；如同意，请在提纲中选中它，用“删除标题”（Ctrl+Delete）删去"
NO_BASE = (
    "审阅稿中没有导出记录（可能是另存、重新录入或粘贴到新文件的），改动按文字与草稿比对放置；"
    "拟稿人导出后改过的段落里，审阅人未标修订的改动认不出来，请对照审阅稿核对。"
)
BASE_UNKNOWN = (
    "审阅稿导出时的版本在本机找不到（可能是在另一台电脑导出的，或记录已删），改动按文字与草稿比对放置；"
    "拟稿人导出后改过的段落里，审阅人未标修订的改动认不出来，请对照审阅稿核对。"
)
WHOLE_FIELD = "不再适用：整段删去了报告信息中的一项（标题、主送机关、落款等）；如同意，请在“报告信息”中删去"
# The index of a new paragraph that goes before the first of its list.
BEFORE_FIRST = -1
# Fields that are lists of paragraphs, where a new paragraph can be added or an emptied one removed.
LIST_FIELDS = frozenset({"body", "tail", "opening", "closing", "cover"})


@dataclass(frozen=True)
class ReviewChange:
    """One change or comment. ``start``–``end`` are offsets into the slot's text; ``old`` is the
    text there now (for a comment: the text it is attached to), ``new`` the replacement (for a
    comment: its text). ``new_paragraph``: ``new`` becomes a paragraph of its own after the slot."""

    id: str
    kind: str
    author: str
    date: str
    old: str
    new: str
    section_id: str = ""
    field: str = ""
    index: int = 0
    start: int = 0
    end: int = 0
    place: str = ""
    applicable: bool = True
    reason: str = ""
    tracked: bool = True
    format_only: bool = False
    new_paragraph: bool = False
    done: bool = False
    replies: tuple[Reply, ...] = ()
    # The slot text around the span when it was placed, to find it again after other edits.
    before: str = ""
    after: str = ""
    # A conflict: the clerk changed these words too since the export; ``draft_text`` is theirs.
    conflict: bool = False
    draft_text: str = ""

    @property
    def content(self) -> str:
        """ "old → new" in words, as listed."""
        if self.kind == COMMENTED:
            quoted = f"“{self.old}”：" if self.old else ""
            replies = "".join(f"（{r.author or '回复'}回复：{r.text}）" for r in self.replies)
            return f"{quoted}{self.new}{replies}"
        if self.format_only:
            return f"（格式修改）{self.old}"
        if self.new == PARAGRAPH_BREAK:
            return f"在“{self.before[-8:]}”之后另起一段" if self.before else "在此另起一段"
        if self.new == JOIN_MARK:
            return f"“{self.before[-8:]}”所在段与下一段合为一段" if self.before else "与下一段合为一段"
        if self.new_paragraph:
            return f"新增段落：{self.new}"
        if not self.old:
            return f"→ {self.new}"
        if not self.new:
            return f"{self.old} →"
        return f"{self.old} → {self.new}"

    @property
    def is_comment(self) -> bool:
        return self.kind == COMMENTED


@dataclass
class ReviewResult:
    changes: list[ReviewChange] = field(default_factory=list)
    rate: float = 0.0  # share of the copy's paragraphs found in the draft (or the sent version)
    authors: list[str] = field(default_factory=list)
    three_way: bool = False  # merged against the version that was sent
    note: str = ""  # for the clerk: how the changes were placed, when not three ways


def review_changes(report: Report, document: ReviewedDocument) -> ReviewResult:
    """Every change and comment of the reviewed copy, matched by text and placed in the
    draft, in reading order (without the sent version; with it: core.review.merge)."""
    drafts = draft_paragraphs(report)
    matched = match_paragraphs(outside_tables(document), [d.text for d in drafts])
    in_cells = match_cells(report, copy_cells(document))
    builder = ChangeBuilder(report)
    builder.section_moves = section_moves(document, matched, drafts)
    untracked_author = document.last_author or UNTRACKED_AUTHOR
    cells = {cell.strip() for _, s in report.walk() for t in s.tables for row in t.rows for cell in row}
    previous: DraftParagraph | None = None
    for i, paragraph in enumerate(document.paragraphs):
        j = matched.get(i)
        cell = in_cells.get(paragraph.cell) if paragraph.cell is not None else None
        if cell is not None:  # the draft's own table cell: changed in place
            if document.tracked:
                builder.tracked(paragraph.original, cell, paragraph.revisions)
            else:
                builder.untracked(paragraph.accepted, cell, untracked_author)
            continue
        if j is None and paragraph.where:
            builder.outside_body(paragraph, previous, untracked_author, untracked=not document.tracked)
            continue
        if j is None and paragraph.in_table:
            # A cell the draft's tables do not have (a table the leader added, a cell split).
            if document.tracked:
                builder.in_table(paragraph.revisions, previous)
            elif paragraph.accepted.strip() and paragraph.accepted.strip() not in cells:
                builder.in_table([Revision(INSERT, untracked_author, "", 0, 0, paragraph.accepted)], previous)
            continue
        if j is None:
            builder.unmatched(
                paragraph.original, paragraph.accepted, paragraph.revisions, previous, paragraph.inserted,
                following_paragraph(drafts, matched, i),
            )
            if not document.tracked and paragraph.accepted.strip():
                builder.new_paragraph(
                    paragraph.accepted, untracked_author, "", previous, tracked=False,
                    following=following_paragraph(drafts, matched, i),
                )
            continue
        draft = drafts[j]
        previous = draft
        if document.tracked:
            builder.tracked(paragraph.original, draft, paragraph.revisions)
        else:
            builder.untracked(paragraph.accepted, draft, untracked_author)
    if not document.tracked:
        for j in sorted(set(range(len(drafts))) - set(matched.values())):
            if drafts[j].text.strip():
                builder.removed_paragraph(drafts[j], untracked_author)
        for run in moved_runs(matched):
            builder.reordered(run, document, matched, drafts, untracked_author)
    for comment in document.comments:
        j = matched.get(comment.paragraph)
        builder.comment(
            comment,
            document.paragraphs[comment.paragraph].original if j is not None else "",
            drafts[j] if j is not None else None,
        )
    changes = [with_context(report, change) for change in builder.changes]
    return ReviewResult(changes, copy_rate(document, matched, in_cells), document.authors)


def moved_runs(matched: dict[int, int]) -> list[list[int]]:
    """Runs of the copy's matched paragraphs that stand in another order than in the draft:
    all but the longest run of paragraphs in the draft's order (an untracked move, such as
    two sections swapped), consecutive ones together."""
    order = sorted(matched)
    tails: list[int] = []  # tails[k]: position in ``order`` ending the best run of length k+1
    back: list[int] = [-1] * len(order)
    for position, i in enumerate(order):
        j = matched[i]
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if matched[order[tails[middle]]] < j:
                low = middle + 1
            else:
                high = middle
        back[position] = tails[low - 1] if low else -1
        if low == len(tails):
            tails.append(position)
        else:
            tails[low] = position
    kept: set[int] = set()
    position = tails[-1] if tails else -1
    while position >= 0:
        kept.add(order[position])
        position = back[position]
    runs: list[list[int]] = []
    for i in order:
        if i in kept:
            continue
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def section_moves(document: ReviewedDocument, matched: dict[int, int], paragraphs: list[DraftParagraph]) -> set[str]:
    """Names of the tracked moves whose moved-away text includes a section's heading."""
    return {
        r.move_name
        for i, p in enumerate(document.paragraphs)
        if i in matched and any(piece.field == "heading" for piece in paragraphs[matched[i]].pieces)
        for r in p.revisions
        if r.kind == MOVE_FROM and r.move_name
    }


def following_paragraph(paragraphs: list[DraftParagraph], matched: dict[int, int], i: int) -> DraftParagraph | None:
    """The paragraph matched to the first paragraph of the copy after ``i`` that has one."""
    later = [k for k in matched if k > i]
    return paragraphs[matched[min(later)]] if later else None


def outside_tables(document: ReviewedDocument) -> list[str]:
    """The copy's paragraphs' original texts for matching with the draft's paragraphs; a
    table cell's is "" (it is matched as a cell, never to a paragraph of the same words)."""
    return ["" if p.in_table else p.original for p in document.paragraphs]


def copy_cells(document: ReviewedDocument) -> dict[CellKey, str]:
    """Original text of each of the copy's table cells that holds one paragraph."""
    count: dict[CellKey, int] = {}
    text: dict[CellKey, str] = {}
    for paragraph in document.paragraphs:
        if paragraph.cell is not None:
            count[paragraph.cell] = count.get(paragraph.cell, 0) + 1
            text[paragraph.cell] = paragraph.original
    return {key: value for key, value in text.items() if count[key] == 1}


def copy_rate(document: ReviewedDocument, matched: dict[int, int], in_cells: dict[CellKey, DraftParagraph]) -> float:
    """Share of the copy's non-empty paragraphs found in the draft: matched paragraphs and
    cells. Footers are left out (their page numbers are the template's, not the draft's)."""
    counted = [k for k, p in enumerate(document.paragraphs) if p.where != FOOTER]
    found = sum(1 for k in counted if k in matched or document.paragraphs[k].cell in in_cells)
    return match_rate([document.paragraphs[k].original for k in counted], found)


CONTEXT = 8


def with_context(report: Report, change: ReviewChange) -> ReviewChange:
    text = slot_text(report, change.section_id, change.field, change.index) if change.field else None
    if text is None:
        return change
    return replace(
        change,
        before=text[max(0, change.start - CONTEXT) : change.start],
        after=text[change.end : change.end + CONTEXT],
    )


class ChangeBuilder:
    def __init__(self, report: Report) -> None:
        self.report = report
        # Names of the tracked moves that carry a section heading (see section_moves()).
        self.section_moves: set[str] = set()
        self.paths = section_paths(report)
        self.first_section = report.sections[0].id if report.sections else ""
        self.changes: list[ReviewChange] = []

    def _add(self, **values: object) -> None:
        change = ReviewChange(id=str(len(self.changes) + 1), **values)  # type: ignore[arg-type]
        self.changes.append(_with_place(change, change_place(self.paths, change, self.report)))

    def _place(
        self, draft: DraftParagraph | None, blocks: list[tuple[int, int, int]] | None, start: int, end: int
    ) -> tuple[dict[str, object], str]:
        """Slot address of a span of the reviewed paragraph's original text, or why there is none."""
        if draft is None:
            return {}, NOT_FOUND
        span = map_span(blocks, start, end) if blocks is not None else (start, end)
        if span is None:
            return self._nearest(draft), STALE
        piece = draft.piece_for(*span)
        if piece is None:
            return self._nearest(draft), NOT_EDITABLE
        offset = piece.slot_start + span[0] - piece.para_start
        return {
            "section_id": piece.section_id,
            "field": piece.field,
            "index": piece.index,
            "start": offset,
            "end": offset + span[1] - span[0],
        }, ""

    def _nearest(self, draft: DraftParagraph) -> dict[str, object]:
        """The paragraph's own slot, for showing where a change that cannot apply was."""
        if draft.pieces:
            piece = draft.pieces[0]
            return {"section_id": piece.section_id, "field": piece.field, "index": piece.index}
        return {"section_id": draft.section_id, "field": draft.part if not draft.section_id else "heading"}

    def tracked(self, original: str, draft: DraftParagraph, revisions: list[Revision]) -> None:
        in_moves = [r for r in revisions if r.move_name and r.move_name in self.section_moves]
        if in_moves:  # a section moved: the outline moves sections, with all they hold
            self._not_applicable(in_moves, MOVED_SECTION, self._nearest(draft))
            revisions = [r for r in revisions if r not in in_moves]
        blocks = char_map(original, draft.text)
        for kind, author, date, start, end, old, new, fmt in _grouped(revisions):
            if kind == MOVED and old and old.strip() == original.strip() and draft.text.strip():
                self.removed_paragraph(draft, author, date, tracked=True, kind=MOVED)
                continue
            if kind == DELETED and old.strip() and old.strip() == original.strip() and draft.text.strip():
                # The whole paragraph struck out, its marker ("二是", "（一）") with it: the
                # point or paragraph goes; a heading is the outline's business.
                self.removed_paragraph(draft, author, date, tracked=True)
                continue
            address, reason = self._place(draft, blocks, start, end)
            if reason == STALE and old != old.strip():
                # Spaces at the edge of a struck-out stretch (Word selects the space after a
                # word): the draft keeps no such spaces, the words themselves are what changed.
                lead, trail = len(old) - len(old.lstrip()), len(old) - len(old.rstrip())
                trimmed, trimmed_reason = self._place(draft, blocks, start + lead, end - trail)
                if not trimmed_reason:
                    address, reason, old = trimmed, "", old.strip()
                    new = new.rstrip() if trail else new
            if fmt and reason == NOT_EDITABLE:  # formatting of a heading with its marker: nothing to apply
                reason = ""
            elif new in STRUCTURE_MARKS and (
                reason == NOT_EDITABLE
                or (not reason and address.get("field") not in LIST_FIELDS and address.get("field") != "points")
            ):
                reason = NOT_A_LIST
            elif new == JOIN_MARK and not reason and slot_text(
                self.report, str(address["section_id"]), str(address["field"]), int(address["index"]) + 1  # type: ignore[call-overload]
            ) is None:
                reason = JOIN_ACROSS  # the next paragraph is another part's
            self._add(
                kind=kind,
                author=author,
                date=date,
                old=old,
                new=new,
                applicable=not reason,
                reason=reason,
                format_only=fmt,
                **address,
            )

    def outside_body(
        self, paragraph: ReviewedParagraph, previous: DraftParagraph | None, author: str, untracked: bool
    ) -> None:
        """A text box's or a footer's paragraph that is none of the draft's (the 版记 is, and is
        matched like any paragraph): its tracked changes, and a text box's words typed in
        without tracking (``untracked``: where they are the leader's), listed for the clerk.
        A footer's own text (page numbers) is the template's and no change."""
        reason = IN_TEXT_BOX if paragraph.where == TEXT_BOX else IN_FOOTER
        place = self._nearest(previous) if previous is not None else {}
        if paragraph.revisions:
            self._not_applicable(paragraph.revisions, reason, place)
        elif untracked and paragraph.where == TEXT_BOX and paragraph.accepted.strip():
            self._not_applicable([Revision(INSERT, author, "", 0, 0, paragraph.accepted)], reason, place)

    def in_table(self, revisions: list[Revision], previous: DraftParagraph | None) -> None:
        self._not_applicable(revisions, IN_TABLE, self._nearest(previous) if previous is not None else {})

    def _not_applicable(self, revisions: list[Revision], reason: str, place: dict[str, object]) -> None:
        """List changes the draft has no place for, each with why."""
        for kind, author, date, _, _, old, new, fmt in _grouped(revisions):
            self._add(
                kind=kind, author=author, date=date, old=old, new=new, applicable=False,
                reason=reason, format_only=fmt, **place,
            )

    def unmatched(
        self,
        original: str,
        accepted: str,
        revisions: list[Revision],
        previous: DraftParagraph | None,
        inserted: bool,
        following: DraftParagraph | None = None,
    ) -> None:
        if not revisions:
            return
        if any(r.move_name in self.section_moves for r in revisions if r.move_name):
            self._not_applicable(revisions, MOVED_SECTION, self._nearest(previous) if previous is not None else {})
            return
        if inserted or not original.strip():
            author = revisions[0].author
            moved = all(r.kind == MOVE_TO for r in revisions if r.kind != FORMAT)
            self.new_paragraph(accepted, author, revisions[0].date, previous, tracked=True, following=following,
                               kind=MOVED if moved else INSERTED)
            return
        self._not_applicable(revisions, NOT_FOUND, {})

    def new_paragraph(
        self,
        text: str,
        author: str,
        date: str,
        previous: DraftParagraph | None,
        tracked: bool,
        following: DraftParagraph | None = None,
        kind: str = INSERTED,
    ) -> None:
        """A paragraph the leader added, placed after the one it follows (or, at the very
        start, before the one it precedes): after a list's paragraph, into that list; after a
        heading, first of the section's 正文; after a point, a new point (its "三是" dropped:
        points are numbered by position) unless it follows the last one without an ordinal,
        then first of the section's closing paragraphs."""
        piece = previous.pieces[-1] if previous is not None and previous.pieces else None
        place: dict[str, object] = {"applicable": False, "reason": NO_PLACE}
        if piece is not None and piece.field in LIST_FIELDS:
            place = {"section_id": piece.section_id, "field": piece.field, "index": piece.index}
        elif piece is not None and piece.field == "heading":
            place = {"section_id": piece.section_id, "field": "body", "index": BEFORE_FIRST}
        elif piece is not None and piece.field == "points":
            section = self.report.find(piece.section_id)
            last = section is not None and piece.index >= len(section.points) - 1
            if last and parse_point(text.lstrip()) is None:
                place = {"section_id": piece.section_id, "field": "tail", "index": BEFORE_FIRST}
            else:
                place = {"section_id": piece.section_id, "field": "points", "index": piece.index}
                text = strip_ordinal(text)
        if place.get("reason") == NO_PLACE and following is not None and following.pieces:
            # At the very start, or after a line of 报告信息 (标题, 主送机关): before what follows.
            first = following.pieces[0]
            if first.field in LIST_FIELDS or first.field == "points":
                place = {"section_id": first.section_id, "field": first.field, "index": first.index - 1}
                text = strip_ordinal(text) if first.field == "points" else text
        self._add(
            kind=kind, author=author, date=date, old="", new=text, tracked=tracked, new_paragraph=True, **place
        )

    def untracked(self, accepted: str, draft: DraftParagraph, author: str) -> None:
        for start, end, new in word_diff(draft.text, accepted):
            old = draft.text[start:end]
            if not old.strip() and not new.strip() and (start == 0 or end == len(draft.text)):
                continue  # spaces at a paragraph's edge: the draft keeps none there
            piece = draft.piece_for(start, end)
            kind = REPLACED if old and new else (DELETED if old else INSERTED)
            if piece is None:
                self._add(
                    kind=kind,
                    author=author,
                    date="",
                    old=old,
                    new=new,
                    applicable=False,
                    reason=NOT_EDITABLE,
                    tracked=False,
                    **self._nearest(draft),
                )
                continue
            offset = piece.slot_start + start - piece.para_start
            self._add(
                kind=kind,
                author=author,
                date="",
                old=old,
                new=new,
                section_id=piece.section_id,
                field=piece.field,
                index=piece.index,
                start=offset,
                end=offset + end - start,
                tracked=False,
            )

    def reordered(
        self, run: list[int], document: ReviewedDocument, matched: dict[int, int], paragraphs: list[DraftParagraph],
        author: str,
    ) -> None:
        """A run of paragraphs the leader moved without tracking: listed, with where to."""
        first = paragraphs[matched[run[0]]]
        heading = any(piece.field == "heading" for k in run for piece in paragraphs[matched[k]].pieces)
        before = next((document.paragraphs[k].accepted for k in range(run[0] - 1, -1, -1)
                       if document.paragraphs[k].accepted.strip()), "")
        text = "".join(paragraphs[matched[k]].text for k in run)
        where = f"（移到“{before[:12]}”之后）" if before else "（移到最前）"
        self._add(
            kind=MOVED, author=author, date="", old=text if len(text) <= 40 else text[:40] + "…", new=where,
            tracked=False, applicable=False, reason=MOVED_SECTION if heading else MOVED_ORDER, **self._nearest(first),
        )

    def removed_paragraph(
        self, draft: DraftParagraph, author: str, date: str = "", tracked: bool = False, kind: str = DELETED
    ) -> None:
        """A whole paragraph gone. A list's paragraph or a point goes; a heading (with the text
        run in after it) or a report field is not a paragraph to drop: one change, listed for
        the outline (删除标题) or 报告信息."""
        if any(piece.field not in LIST_FIELDS and piece.field != "points" for piece in draft.pieces):
            heading = any(piece.field == "heading" for piece in draft.pieces)
            self._add(
                kind=kind, author=author, date=date, old=draft.text, new="", tracked=tracked,
                applicable=False, reason=(MOVED_SECTION if kind == MOVED else WHOLE_HEADING) if heading else WHOLE_FIELD,
                **self._nearest(draft),
            )
            return
        for piece in draft.pieces:
            self._add(
                kind=kind,
                author=author,
                date=date,
                old=draft.text[piece.para_start : piece.para_end],
                new="",
                section_id=piece.section_id,
                field=piece.field,
                index=piece.index,
                start=piece.slot_start,
                end=piece.slot_start + piece.length,
                tracked=tracked,
            )

    def comment(self, comment: Comment, original: str, draft: DraftParagraph | None) -> None:
        quoted = original[comment.start : comment.end] if original else ""
        values: dict[str, object] = (
            {"section_id": self.first_section, "field": "heading"} if self.first_section else {}
        )
        if draft is not None:
            address, _ = self._place(draft, char_map(original, draft.text), comment.start, comment.end)
            values = address or self._nearest(draft)
        self._add(
            kind=COMMENTED,
            author=comment.author,
            date=comment.date,
            old=quoted,
            new=comment.text,
            done=comment.done,
            replies=tuple(comment.replies),
            **values,
        )


def change_place(paths: dict[str, str], change: ReviewChange, report: Report | None = None) -> str:
    """Where a change is, in words: "一、… 正文第2段第5字", "… 标题之后", "… 表格1第2行第3列第1字"."""
    if not change.field:
        return "（草稿中找不到的位置）"
    section = report.find(change.section_id) if report is not None and change.field == CELLS else None
    if section is not None:
        cells = table_cells(section)
        if 0 <= change.index < len(cells):
            table, row, column = cells[change.index]
            at = "" if change.is_comment and not change.old else f"第{change.start + 1}字"
            return f"{paths.get(change.section_id, '')} 表格{table + 1}第{row + 1}行第{column + 1}列{at}"
    if change.new_paragraph and change.index == BEFORE_FIRST:
        field = "heading" if change.section_id else change.field
        return describe_place(paths.get(change.section_id, ""), change.section_id, field, 0) + (
            "之后" if change.section_id else "之前"
        )
    where = describe_place(
        paths.get(change.section_id, ""),
        change.section_id,
        change.field,
        change.index,
        None if change.new_paragraph or (change.is_comment and not change.old) else change.start,
    )
    return where + "之后" if change.new_paragraph else where


def _with_place(change: ReviewChange, place: str) -> ReviewChange:
    return replace(change, place=place)


def _grouped(revisions: list[Revision]) -> list[tuple[str, str, str, int, int, str, str, bool]]:
    """(kind, author, date, start, end, old, new, format only): a deletion next to an insertion
    by the same reviewer is one 修改; a move's two halves are each a 移动."""
    out: list[tuple[str, str, str, int, int, str, str, bool]] = []
    skip = -1
    for k, rev in enumerate(revisions):
        if k == skip:
            continue
        following = revisions[k + 1] if k + 1 < len(revisions) else None
        if (
            following is not None
            and {rev.kind, following.kind} == {DELETE, INSERT}
            and rev.author == following.author
            and (following.start == rev.end if rev.kind == DELETE else following.start == rev.start)
        ):
            deleted, inserted = (rev, following) if rev.kind == DELETE else (following, rev)
            out.append(
                (
                    REPLACED,
                    rev.author,
                    rev.date,
                    deleted.start,
                    deleted.end,
                    deleted.text,
                    inserted.text,
                    False,
                )
            )
            skip = k + 1
        elif rev.kind == INSERT:
            out.append((INSERTED, rev.author, rev.date, rev.start, rev.start, "", rev.text, False))
        elif rev.kind == DELETE:
            out.append((DELETED, rev.author, rev.date, rev.start, rev.end, rev.text, "", False))
        elif rev.kind == MOVE_FROM:
            out.append((MOVED, rev.author, rev.date, rev.start, rev.end, rev.text, "", False))
        elif rev.kind == MOVE_TO:
            out.append((MOVED, rev.author, rev.date, rev.start, rev.start, "", rev.text, False))
        elif rev.kind == FORMAT:
            out.append((REPLACED, rev.author, rev.date, rev.start, rev.end, rev.text, rev.text, True))
        elif rev.kind == SPLIT:
            out.append((SPLIT_KIND, rev.author, rev.date, rev.start, rev.start, "", PARAGRAPH_BREAK, False))
        elif rev.kind == JOIN:
            out.append((JOIN_KIND, rev.author, rev.date, rev.start, rev.start, "", JOIN_MARK, False))
    return out
