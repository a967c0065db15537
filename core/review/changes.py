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

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from core.draft.model import Report
from core.render.title import PARTS_BROKEN_INTO_LINES
from core.review.builder import ChangeBuilder
from core.review.change import (
    MIN_MATCH,
    MOVED_SECTION,
    NO_BASE,
    STALE,
    UNTRACKED_AUTHOR,
    ReviewChange,
    ReviewResult,
    with_context,
)
from core.review.match import (
    AddedTable,
    CellKey,
    CopyCell,
    DraftParagraph,
    Piece,
    added_tables,
    cells_by_paragraph,
    copy_cells,
    copy_rate,
    draft_paragraphs,
    following_paragraph,
    match_cells,
    match_paragraphs,
    moved_runs,
    outside_tables,
    section_moves,
)
from core.review.model import (
    DELETE,
    INSERT,
    MOVE_FROM,
    MOVE_TO,
    ReviewedDocument,
    ReviewedParagraph,
    Revision,
)
from core.text.textslots import CELLS, table_cells

# What the window, the CLI and the tests take from here (defined in core.review.change).
__all__ = [
    "MIN_MATCH", "MOVED_SECTION", "NO_BASE", "STALE", "ChangeBuilder", "Placing", "ReviewChange", "ReviewResult",
    "review_changes", "start_placing",
]


@dataclass
class Placing:
    """Placing a copy's paragraphs on a report (the draft, or the version sent): its
    paragraphs, which of them each copy paragraph matched, the copy's table cells on the
    report's, a builder knowing the section moves, whom untracked edits are from, the report's
    cell texts, and whether an edit made without tracking is the leader's (``untracked_is_leaders``:
    always against the version sent; against the draft only in a copy with no tracked change
    and no comment)."""

    document: ReviewedDocument
    paragraphs: list[DraftParagraph]
    matched: dict[int, int]
    in_cells: dict[CellKey, DraftParagraph]
    builder: ChangeBuilder
    untracked_author: str
    cells: set[str]
    untracked_is_leaders: bool
    new_tables: dict[int, AddedTable] = field(default_factory=dict)
    copy_cells: dict[CellKey, CopyCell] = field(default_factory=dict)
    cells_at: dict[int, DraftParagraph] = field(default_factory=dict)
    placed_tables: set[int] = field(default_factory=set)
    placed_rows: set[tuple[int, int]] = field(default_factory=set)  # rows the leader added, listed once
    # The non-empty cells of the draft's rows that no row of the copy pairs with: rows the leader deleted.
    rows_gone: list[DraftParagraph] = field(default_factory=list)
    # The report paragraph (or cell) the copy's last placed paragraph is: what a new one follows.
    previous: DraftParagraph | None = None

    def following(self, i: int) -> DraftParagraph | None:
        """What the copy's paragraph ``i`` stands before in the report."""
        return following_paragraph(self.paragraphs, self.matched, i, self.cells_at)

    def in_flow(self) -> Iterator[tuple[int, ReviewedParagraph, int | None]]:
        """The copy's paragraphs of the body's flow, for the caller to place: (index, paragraph,
        the report paragraph it matched or None). The others are placed here (outside_flow)."""
        for i, paragraph in enumerate(self.document.paragraphs):
            if not self.outside_flow(i):
                yield i, paragraph, self.matched.get(i)

    def outside_flow(self, i: int) -> bool:
        """The copy's paragraph ``i`` when it is none of the report's body paragraphs: a table
        cell's (the cell changed in place as one text, its lines added, split, joined or
        edited, or struck out with its row; placed at the cell's first paragraph), a table the
        leader added, a text box's or footer's paragraph. False: not placed here."""
        paragraph = self.document.paragraphs[i]
        builder, author, previous = self.builder, self.untracked_author, self.previous
        cell = self.in_cells.get(paragraph.cell) if paragraph.cell is not None else None
        table_number = paragraph.cell[0] if paragraph.cell is not None else -1
        if table_number in self.new_tables:  # a table the leader added: one change, at its first cell
            if table_number not in self.placed_tables:
                self.placed_tables.add(table_number)
                builder.new_table(self.new_tables[table_number], previous, self.following(i), author)
            return True
        if cell is not None and paragraph.cell is not None:  # the report's own cell: its paragraphs at once
            whole = self.copy_cells[paragraph.cell]
            if i != whole.paragraphs[0]:
                return True
            lines = [self.document.paragraphs[k] for k in whole.paragraphs]
            if any(line.row_deleted for line in lines):  # its row struck out: it goes with the row
                builder.row_cell_removed(cell, [r for line in lines for r in line.revisions], author)
                return True
            if self.untracked_is_leaders:
                builder.untracked(whole.original, cell, author)
            builder.tracked(whole.original, cell, list(whole.revisions))
            self.previous = cell  # what a new paragraph after the table stands after
            return True
        if self.matched.get(i) is not None:
            return False
        if paragraph.where:
            builder.outside_body(paragraph, previous, author, untracked=self.untracked_is_leaders)
            return True
        if paragraph.cell is not None and self._row_added(paragraph.cell[0], paragraph.cell[1]):
            self._list_added_row(paragraph.cell[0], paragraph.cell[1], previous)
            return True
        if paragraph.in_table:  # a cell the report's tables do not have (a table the leader added, a cell split)
            if paragraph.revisions:
                builder.in_table(paragraph.revisions, previous)
            elif self.untracked_is_leaders and paragraph.accepted.strip() and paragraph.accepted.strip() not in self.cells:
                builder.in_table([Revision(INSERT, author, "", 0, 0, paragraph.accepted)], previous)
            return True
        return False

    def _row_added(self, table: int, row: int) -> bool:
        """A row of a copy table that is the draft's (some of its cells are) with none of its
        cells the draft's: a row the leader inserted (core.review.match.align_rows)."""
        keys = [key for key in self.copy_cells if key[0] == table]
        return any(key in self.in_cells for key in keys) and not any(
            key in self.in_cells for key in keys if key[1] == row
        )

    def _list_added_row(self, table: int, row: int, previous: DraftParagraph | None) -> None:
        """The row, once (at its first cell), as a 新增表格行 change after the draft row the copy's
        row before it is: accepting adds it there, its words the leader's, the table's merges and
        widths the draft's."""
        if (table, row) in self.placed_rows:
            return
        self.placed_rows.add((table, row))
        cells = [self.copy_cells[key] for key in sorted(self.copy_cells) if key[:2] == (table, row)]
        revisions = [revision for cell in cells for revision in cell.revisions]
        if not revisions and not self.untracked_is_leaders:
            return  # matched by text only: a row the draft lacks may be one the clerk deleted since
        words = ["\n".join(self.document.paragraphs[k].accepted for k in cell.paragraphs) for cell in cells]
        above = max((key for key in self.in_cells if key[0] == table and key[1] < row), default=None)
        who = revisions[0] if revisions else None
        self.builder.row_added(
            words, self.in_cells[above] if above is not None else None, previous,
            who.author if who else self.untracked_author, who.date if who else "", tracked=who is not None,
        )

    def removed_rows(self) -> None:
        """Rows of the draft's tables the leader deleted without tracking (his when untracked
        edits are his): each cell a 删除表格行 change, the row gone once all are accepted."""
        if self.untracked_is_leaders:
            for cell in self.rows_gone:
                self.builder.row_cell_removed(cell, [], self.untracked_author)

    def moves_and_comments(self) -> None:
        """After the paragraphs: runs of them the leader moved without tracking (when such
        edits are the leader's), then the comments, each on the paragraph it is anchored in."""
        document, matched, builder = self.document, self.matched, self.builder
        if self.untracked_is_leaders:
            for run in moved_runs(matched):
                builder.reordered(run, document, matched, self.paragraphs, self.untracked_author)
        for comment in document.comments:
            j = matched.get(comment.paragraph)
            builder.comment(
                comment,
                document.paragraphs[comment.paragraph].original if j is not None else "",
                self.paragraphs[j] if j is not None else None,
            )


def start_placing(report: Report, document: ReviewedDocument, three_way: bool) -> Placing:
    """Matching the copy with ``report``: with ``three_way`` the report is the version sent
    (every difference is the leader's), else the current draft."""
    paragraphs = draft_paragraphs(report)
    matched = match_paragraphs(outside_tables(document), [p.text for p in paragraphs])
    document = without_line_breaks(document, {i for i, j in matched.items() if paragraphs[j].part in PARTS_BROKEN_INTO_LINES})
    builder = ChangeBuilder(report)
    builder.section_moves = section_moves(document, matched, paragraphs)
    whole_cells = copy_cells(document)
    in_cells = match_cells(report, {key: cell.original for key, cell in whole_cells.items()})
    return Placing(
        document, paragraphs, matched, in_cells, builder, document.last_author or UNTRACKED_AUTHOR,
        {cell.strip() for _, s in report.walk() for t in s.tables for row in t.rows for cell in row},
        untracked_is_leaders=three_way or not document.tracked,
        # Without the sent version a table is the leader's only when all of it is a tracked insertion.
        new_tables=added_tables(document, in_cells, tracked_only=not three_way),
        copy_cells=whole_cells,
        cells_at=cells_by_paragraph(document, in_cells),
        rows_gone=unpaired_rows(report, in_cells),
    )


def without_line_breaks(document: ReviewedDocument, indices: set[int]) -> ReviewedDocument:
    """The copy with the line breaks of its paragraphs ``indices`` taken out: paragraphs the
    export breaks into lines itself (a long title), whose stored lines never hold a break, so
    that a break there, the export's or the leader's re-breaking, is no change of words."""
    indices = {i for i in indices if "\n" in document.paragraphs[i].original + document.paragraphs[i].accepted}
    if not indices:
        return document
    paragraphs = list(document.paragraphs)
    shifts: dict[int, list[int]] = {}
    for i in indices:
        paragraph = paragraphs[i]
        breaks = [k for k, ch in enumerate(paragraph.original) if ch == "\n"]
        shifts[i] = breaks

        def moved(offset: int, breaks: list[int] = breaks) -> int:
            return offset - bisect_left(breaks, offset)

        revisions = []
        for revision in paragraph.revisions:
            if revision.kind in (INSERT, DELETE, MOVE_FROM, MOVE_TO):
                text = revision.text.replace("\n", "")
                if not text:
                    continue  # a line break put in or struck out, nothing else
                revision = replace(revision, start=moved(revision.start), end=moved(revision.end), text=text)
            else:
                revision = replace(revision, start=moved(revision.start), end=moved(revision.end))
            revisions.append(revision)
        paragraphs[i] = replace(
            paragraph,
            original=paragraph.original.replace("\n", ""),
            accepted=paragraph.accepted.replace("\n", ""),
            revisions=revisions,
        )
    comments = []
    for comment in document.comments:
        breaks = shifts.get(comment.paragraph)
        if breaks:
            comment = replace(
                comment, start=comment.start - bisect_left(breaks, comment.start),
                end=comment.end - bisect_left(breaks, comment.end),
            )
        comments.append(comment)
    return replace(document, paragraphs=paragraphs, comments=comments)


def unpaired_rows(report: Report, in_cells: dict[CellKey, DraftParagraph]) -> list[DraftParagraph]:
    """The non-empty cells of every row of a draft table the copy has (some of its cells are
    matched) that no row of the copy pairs with, in reading order."""
    paired: dict[tuple[str, int], set[int]] = defaultdict(set)
    for draft in in_cells.values():
        piece = draft.pieces[0]
        section = report.find(piece.section_id)
        if section is not None:
            table, row, _column = table_cells(section)[piece.index]
            paired[(section.id, table)].add(row)
    gone = []
    for (section_id, table_number), rows in paired.items():
        section = report.find(section_id)
        assert section is not None
        for index, (table, row, column) in enumerate(table_cells(section)):
            text = section.tables[table].rows[row][column]
            if table == table_number and row not in rows and text.strip():
                gone.append(DraftParagraph(text, section_id, CELLS, (Piece(section_id, CELLS, index, 0, 0, len(text)),)))
    return gone


def review_changes(report: Report, document: ReviewedDocument) -> ReviewResult:
    """Every change and comment of the reviewed copy, matched by text and placed in the
    draft, in reading order (without the sent version; with it: core.review.merge)."""
    placing = start_placing(report, document, three_way=False)
    drafts, matched, builder, untracked_author = placing.paragraphs, placing.matched, placing.builder, placing.untracked_author
    for i, paragraph, j in placing.in_flow():
        previous = placing.previous
        if j is None:
            builder.unmatched(
                paragraph.original, paragraph.accepted, paragraph.revisions, previous, paragraph.inserted,
                placing.following(i),
            )
            if not document.tracked and paragraph.accepted.strip():
                builder.new_paragraph(
                    paragraph.accepted, untracked_author, "", previous, tracked=False, following=placing.following(i),
                )
            continue
        draft = drafts[j]
        placing.previous = draft
        if paragraph.accepted.strip():  # kept: what is removed or added after it replaces nothing before it
            builder.gap += 1
        if document.tracked:
            builder.tracked(paragraph.original, draft, paragraph.revisions, paragraph.accepted)
        else:
            builder.untracked(paragraph.accepted, draft, untracked_author)
    if not document.tracked:
        kept = sorted(j for i, j in matched.items() if document.paragraphs[i].accepted.strip())
        for j in sorted(set(range(len(drafts))) - set(matched.values())):
            if drafts[j].text.strip():
                builder.gap = bisect_left(kept, j)  # between the same kept paragraphs as the new ones there
                builder.removed_paragraph(drafts[j], untracked_author)
    builder.bind_replacements()
    builder.keep_moved_words()
    placing.removed_rows()
    placing.moves_and_comments()
    changes = [with_context(report, change) for change in builder.changes]
    return ReviewResult(changes, copy_rate(document, matched, placing.in_cells), document.authors)
