"""A change of the leader's as the clerk sees it (ReviewChange), the reasons a change cannot
apply, and where a change is in words."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from core.draft.model import Report
from core.review.model import Reply
from core.text.layout import gb_date
from core.text.textslots import CELLS, DATE_FIELDS, cell_words, describe_place, slot_text, table_cells

# Kinds as the clerk reads them.
INSERTED, DELETED, REPLACED, MOVED, COMMENTED = "插入", "删除", "修改", "移动", "批注"
SPLIT_KIND, JOIN_KIND = "拆分段落", "合并段落"
ROW_DELETED = "删除表格行"  # a cell of a row struck out: the row goes when all its cells do
ROW_ADDED = "新增表格行"  # a row the leader inserted: its cells tab-joined, after the row of the cell addressed
# A table the leader added: ``new`` holds its rows, cells split by TAB and rows by LF
# (table_rows), placed like a new paragraph after body paragraph ``index``.
TABLE_ADDED = "新增表格"
# A heading the leader typed with the next ordinal of a level ("（四）" after "（三）"): a new
# section after section ``section_id``; ``new`` is its paragraph as typed, then (one a line)
# the paragraphs the leader typed under it. The app numbers it (core.review.apply).
HEADING_ADDED = "新增标题"


def table_rows(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.split("\n")]
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
AFTER_LAST_TABLE = ("不能自动放入：新段落在本节最后的表格之后，而本节在表格之前还有要点或结尾段，草稿中表格之后放不下段落；"
                    "请在“本节内容”中自行添加")
IN_TEXT_BOX = "不再适用：改动在文本框里，草稿中没有这段文字；如同意，请在草稿相应处手工修改"
IN_FOOTER = "不再适用：改动在页脚里，页脚由模板生成；如同意，请在模板或“报告信息”中修改"
IN_TABLE = "不再适用：改动在表格里，请在“本节内容”的表格中照此修改"
ROW_INSERTED = "不再适用：审阅人在表格中新增了一行；如同意，请在“本节内容”的表格中照此添加"
MOVED_SECTION = "不再适用：审阅人移动了带序号的一节；如同意，请在提纲中拖动该节（或用“上移”“下移”）到新位置"
MOVED_ORDER = "不再适用：审阅人调整了段落顺序；如同意，请把这些段落剪切、粘贴到新位置"
WHOLE_HEADING = "不再适用：整段删去了一个带序号的标题段落；如同意，请在提纲中选中它，用“删除标题”（Ctrl+Delete）删去"
_NO_RECORD = "审阅稿中没有导出记录（可能是另存、重新录入或粘贴到新文件的），改动按文字与草稿比对放置；"
_RECORD_UNKNOWN = "审阅稿导出时的版本在本机找不到（可能是在另一台电脑导出的，或记录已删），改动按文字与草稿比对放置；"
_PLAIN_COPY = "拟稿人导出后改过的段落里，审阅人未标修订的改动认不出来，请对照审阅稿核对。"
# With 修订 in the copy, a difference without 修订 may be the leader's or the clerk's own later
# edit: without the exported version nothing tells them apart, so none is listed — say so.
_TRACKED_COPY = ("审阅稿中有修订，这里只列出标了修订的改动和批注；审阅人没标修订直接改的文字无法与拟稿人导出后的改动区分，"
                 "没有列出，请对照审阅稿逐段核对。")
NO_BASE = _NO_RECORD + _PLAIN_COPY
NO_BASE_TRACKED = _NO_RECORD + _TRACKED_COPY
BASE_UNKNOWN = _RECORD_UNKNOWN + _PLAIN_COPY
BASE_UNKNOWN_TRACKED = _RECORD_UNKNOWN + _TRACKED_COPY
MOVED_ELSEWHERE = (
    "不再适用：审阅人把这段文字并入或移到了别处，而那一处无法自动放入；这段保留未删，请对照审阅稿手工合并"
)
MIN_MOVED_CHARS = 6  # a removed stretch this long found again in a skipped insertion was moved, not cut
HALF_OF_REPLACEMENT = (
    "不再适用：这是审阅人替换一段文字的一半（删去原段、写上新段），另一半无法自动放入；"
    "两半都未改动，请对照审阅稿手工修改"
)
WHOLE_FIELD = "不再适用：整段删去了报告信息中的一项（标题、主送机关、落款等）；如同意，请在“报告信息”中删去"
# A comment quotes at most this many of the words it is attached to, then "…".
QUOTE_LENGTH = 30
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
    # A conflict: the clerk changed these words too since the export; ``draft_text`` is the
    # clerk's version of the stretch (``start``–``end`` of the draft), ``leader_text`` the leader's.
    conflict: bool = False
    draft_text: str = ""
    leader_text: str = ""
    # A new paragraph at the start of a section's body (index BEFORE_FIRST) that stands before
    # the tables placed there too (right after the heading, not after a table).
    before_tables: bool = False
    # A new paragraph after a table that ends its section (after_body None): the section's
    # first closing paragraph, the tables ending the section kept before it (core.review.apply).
    after_tables: bool = False
    # Paragraphs the leader removed and paragraphs he added between the same two paragraphs he
    # kept share this key: together they replace what stood there, applied together or not at
    # all (core.review.builder.bind_replacements, core.review.apply).
    pair: str = ""

    @property
    def content(self) -> str:
        """ "old → new" in words, as listed."""
        if self.kind == COMMENTED:
            words = self.old if len(self.old) <= QUOTE_LENGTH else self.old[:QUOTE_LENGTH] + "…"
            quoted = f"“{words}”：" if words else ""
            replies = "".join(f"（{r.author or '回复'}回复：{r.text}）" for r in self.replies)
            return f"{quoted}{self.new}{replies}"
        if self.format_only:
            return f"（格式修改）{self.old}"
        if self.new == PARAGRAPH_BREAK:
            return f"在“{self.before[-8:]}”之后另起一段" if self.before else "在此另起一段"
        if self.new == JOIN_MARK:
            return f"“{self.before[-8:]}”所在段与下一段合为一段" if self.before else "与下一段合为一段"
        if self.kind == ROW_ADDED:
            return " | ".join(self.new.split("\t"))  # the kind (新增表格行) is shown beside it
        if self.kind == TABLE_ADDED:
            rows = table_rows(self.new)
            return f"新增表格（{len(rows)}行）：{'、'.join(cell for cell in rows[0] if cell)[:30]}"
        if self.kind == HEADING_ADDED:
            first, *rest = self.new.split("\n")
            return f"{first}（其下另有{len(rest)}段）" if rest else first
        if self.new_paragraph:
            return f"新增段落：{self.new}"
        if self.field in DATE_FIELDS and not self.section_id:  # kept as 2025-07-12, printed in words
            return f"{gb_date(self.old)} → {gb_date(self.new)}"
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
    sent_id: str = ""  # that version's identifier, when three ways
    note: str = ""  # for the clerk: how the changes were placed, when not three ways


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


def change_place(paths: dict[str, str], change: ReviewChange, report: Report | None = None) -> str:
    """Where a change is, in words: "一、… 正文第2段第5字", "… 标题之后", "… 表格1第2行第3列第1字"."""
    if not change.field:
        return "（草稿中找不到的位置）"
    section = report.find(change.section_id) if report is not None and change.field == CELLS else None
    if section is not None:
        cells = table_cells(section)
        if 0 <= change.index < len(cells):
            table, row, column = cells[change.index]
            if change.kind == ROW_ADDED:
                return f"{paths.get(change.section_id, '')} 表格{table + 1}第{row + 1}行之后"
            at = "" if change.is_comment and not change.old else f"第{change.start + 1}字"
            return f"{paths.get(change.section_id, '')} {cell_words(table, row, column)}{at}"
    if change.kind == HEADING_ADDED:
        return f"{paths.get(change.section_id, '')} 这一节之后"
    if change.new_paragraph and change.after_tables:
        return f"{paths.get(change.section_id, '')} 表格之后"
    if change.new_paragraph and change.index == BEFORE_FIRST and change.section_id and change.field != "body":
        # First of the points or of the closing paragraphs: before the first there is.
        return describe_place(paths.get(change.section_id, ""), change.section_id, change.field, 0) + "之前"
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
