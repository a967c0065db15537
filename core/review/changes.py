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

from typing import NamedTuple

from core.draft.model import Report
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
    CellKey,
    DraftParagraph,
    added_tables,
    cell_line,
    cell_lines,
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
from core.review.model import INSERT, ReviewedDocument, Revision

# What the window, the CLI and the tests take from here (defined in core.review.change).
__all__ = [
    "MIN_MATCH", "MOVED_SECTION", "NO_BASE", "STALE", "ChangeBuilder", "ReviewChange", "ReviewResult",
    "review_changes",
]

class Placing(NamedTuple):
    """What placing a copy's paragraphs on a report (the draft, or the version sent) starts
    from: its paragraphs, which of them each copy paragraph matched, the copy's table cells
    on the report's, a builder knowing the section moves, whom untracked edits are from, and
    the report's cell texts."""

    paragraphs: list[DraftParagraph]
    matched: dict[int, int]
    in_cells: dict[CellKey, DraftParagraph]
    builder: ChangeBuilder
    untracked_author: str
    cells: set[str]


def start_placing(report: Report, document: ReviewedDocument) -> Placing:
    paragraphs = draft_paragraphs(report)
    matched = match_paragraphs(outside_tables(document), [p.text for p in paragraphs])
    builder = ChangeBuilder(report)
    builder.section_moves = section_moves(document, matched, paragraphs)
    return Placing(
        paragraphs, matched, match_cells(report, copy_cells(document)), builder,
        document.last_author or UNTRACKED_AUTHOR,
        {cell.strip() for _, s in report.walk() for t in s.tables for row in t.rows for cell in row},
    )


def review_changes(report: Report, document: ReviewedDocument) -> ReviewResult:
    """Every change and comment of the reviewed copy, matched by text and placed in the
    draft, in reading order (without the sent version; with it: core.review.merge)."""
    drafts, matched, in_cells, builder, untracked_author, cells = start_placing(report, document)
    previous: DraftParagraph | None = None
    # Without the sent version a table is the leader's only when all of it is a tracked insertion.
    new_tables = added_tables(document, in_cells, tracked_only=True)
    placed_tables: set[int] = set()
    lines_in_cells = cell_lines(document)
    cells_at = cells_by_paragraph(document, in_cells)
    for i, paragraph in enumerate(document.paragraphs):
        j = matched.get(i)
        cell = in_cells.get(paragraph.cell) if paragraph.cell is not None else None
        if cell is not None and paragraph.inserted:  # a paragraph the leader added inside a cell
            if paragraph.accepted.strip():
                builder.cell_paragraph_added(cell, lines_in_cells[i], paragraph, untracked_author)
            continue
        if cell is not None:  # the line of a cell of several paragraphs
            cell = cell_line(cell, lines_in_cells[i])
        table_number = paragraph.cell[0] if paragraph.cell is not None else -1
        if table_number in new_tables:  # a table the leader added: one change, at its first cell
            if table_number not in placed_tables:
                placed_tables.add(table_number)
                builder.new_table(new_tables[table_number], previous, following_paragraph(drafts, matched, i, cells_at),
                                  untracked_author)
            continue
        if cell is not None and paragraph.row_deleted:  # its row struck out: it goes with the row
            builder.row_cell_removed(cell, paragraph.revisions, untracked_author)
            continue
        if cell is not None:  # the draft's own table cell: changed in place
            if document.tracked:
                builder.tracked(paragraph.original, cell, paragraph.revisions)
            else:
                builder.untracked(paragraph.accepted, cell, untracked_author)
            previous = cell  # what a new paragraph after the table stands after
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
                following_paragraph(drafts, matched, i, cells_at),
            )
            if not document.tracked and paragraph.accepted.strip():
                builder.new_paragraph(
                    paragraph.accepted, untracked_author, "", previous, tracked=False,
                    following=following_paragraph(drafts, matched, i, cells_at),
                )
            continue
        draft = drafts[j]
        previous = draft
        if document.tracked:
            builder.tracked(paragraph.original, draft, paragraph.revisions, paragraph.accepted)
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
