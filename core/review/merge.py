"""The three-way review merge: the leader's changes, placed on the version that was sent,
carried onto the current draft. :func:`review_copy` is the entry point (CLI and window): it
finds the sent version the copy names and merges, or falls back to matching by text.

Every difference between the sent version and the copy is the leader's: tracked changes,
edits made without tracking (a word diff of the sent text against the copy's text with its
tracked changes undone), paragraphs added or removed either way, comments.

The clerk may have written on after the export. Each of the sent version's strings (a
heading, a paragraph of a list field, a point) is found again in the draft: at the same
address when the text is the same, else by aligning the field's strings (a paragraph the
clerk added or removed shifts the others). Inside a string the clerk has edited, a change
of the leader keeps its place when the characters it touches are ones the clerk left alone;
where both changed the same characters it is a conflict: listed with the leader's and the
clerk's version, never applied by 全部接受. Where both made the same change, it is listed as
already done.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from difflib import SequenceMatcher

from core.draft.model import Report
from core.review.change import (
    BASE_UNKNOWN,
    BASE_UNKNOWN_TRACKED,
    BEFORE_FIRST,
    LIST_FIELDS,
    NO_BASE,
    NO_BASE_TRACKED,
    ROW_ADDED,
    ReviewChange,
    ReviewResult,
    change_place,
    with_context,
)
from core.review.changes import review_changes, start_placing
from core.review.match import (
    char_map,
    copy_rate,
    map_span,
)
from core.review.model import ReviewedDocument
from core.text.textslots import CELLS, field_texts, section_paths, text_digest

SECTION_GONE = "不再适用：拟稿人导出后已删去这一部分"
# The sent paragraph has no counterpart in the draft: deleted, or rewritten past recognition
# (both happen; saying "deleted" of a paragraph still there misleads the clerk).
PARAGRAPH_GONE = "不再适用：拟稿人导出后删去或改写了这一段，审阅人改动的原文已不在草稿中；如同意，请对照审阅稿手工修改"
ALREADY_DONE = "草稿中已是这样改的，无需再改"
CONFLICT = "冲突：导出后拟稿人也改了这里，草稿现为“{draft}”，审阅人改为“{leader}”；请在“审阅”面板中对照选定"
# A string the clerk rewrote still is "the same paragraph" down to this similarity.
SIMILAR_STRING = 0.5

Address = tuple[str, str, int]


def review_copy(report: Report, document: ReviewedDocument) -> ReviewResult:
    """The copy's changes against the version it was exported from when that is kept (a
    three-way merge), else matched by text against the draft; ``note`` says which."""
    from core.draft.history import load_sent

    base = load_sent(document.sent_id) if document.sent_id else None
    if base is not None and not _same_draft(base, report):
        base = None  # exported from another draft: the sections it names are not this one's
    if base is None and document.sent_text and document.sent_text == text_digest(report):
        # No record of the export here (the draft came on a USB stick), but the copy says the
        # draft's words are still as sent: the draft itself is the version the leader read.
        base = copy.deepcopy(report)
    result = three_way(report, document, base) if base is not None else review_changes(report, document)
    if base is None:
        if document.tracked:
            result.note = BASE_UNKNOWN_TRACKED if document.sent_id else NO_BASE_TRACKED
        else:
            result.note = BASE_UNKNOWN if document.sent_id else NO_BASE
    return result


def _same_draft(base: Report, report: Report) -> bool:
    """Whether the current draft is a later state of ``base`` (they share sections)."""
    base_ids = {s.id for _, s in base.walk()}
    return not base_ids or any(s.id in base_ids for _, s in report.walk())


def three_way(report: Report, document: ReviewedDocument, base: Report) -> ReviewResult:
    """Every difference between ``base`` and the copy is the leader's: placed on the base's
    slots first, then carried onto the draft (core.review.merge)."""
    placing = start_placing(base, document, three_way=True)
    bases, matched, builder, untracked_author = placing.paragraphs, placing.matched, placing.builder, placing.untracked_author
    # Sent paragraphs the copy no longer has: listed where they stood, in reading order.
    removed = sorted(j for j in set(range(len(bases))) - set(matched.values()) if bases[j].text.strip())

    def remove_up_to(limit: int) -> None:
        while removed and removed[0] < limit:
            builder.removed_paragraph(bases[removed.pop(0)], untracked_author)

    for i, paragraph, j in placing.in_flow():
        previous = placing.previous
        if j is None:
            if not paragraph.accepted.strip():
                if paragraph.revisions:  # a paragraph of the copy deleted again in review
                    builder.unmatched(paragraph.original, paragraph.accepted, paragraph.revisions, previous,
                                      paragraph.inserted)
                continue
            following = placing.following(i)
            if paragraph.inserted or (paragraph.revisions and not paragraph.original.strip()):
                # Added (or moved here) with tracking on.
                builder.unmatched(paragraph.original, paragraph.accepted, paragraph.revisions, previous,
                                  paragraph.inserted, following)
            else:  # typed in without tracking (perhaps edited again with it): the leader's new paragraph
                builder.new_paragraph(paragraph.accepted, untracked_author, "", previous, tracked=False,
                                      following=following)
            continue
        remove_up_to(j)
        sent = bases[j]
        placing.previous = sent
        if paragraph.accepted.strip():  # kept: what is removed or added after it replaces nothing before it
            builder.gap += 1
        builder.untracked(paragraph.original, sent, untracked_author, paragraph.accepted)
        builder.tracked(paragraph.original, sent, paragraph.revisions, paragraph.accepted)
    remove_up_to(len(bases))
    builder.bind_replacements()
    builder.keep_moved_words()
    placing.removed_rows()
    placing.moves_and_comments()
    changes = [with_context(report, change) for change in carry_over(builder.changes, base, report)]
    return ReviewResult(changes, copy_rate(document, matched, placing.in_cells), document.authors, three_way=True,
                        sent_id=document.sent_id)


def carry_over(changes: list[ReviewChange], base: Report, draft: Report) -> list[ReviewChange]:
    """``changes`` (addressed on ``base``) addressed on ``draft``; conflicts marked."""
    carrier = _Carrier(base, draft)
    return [carrier.carry(change) for change in changes]


class _Carrier:
    def __init__(self, base: Report, draft: Report) -> None:
        self.base = base
        self.draft = draft
        self.paths = section_paths(draft)
        self._indices: dict[tuple[str, str], dict[int, int]] = {}

    def draft_index(self, section_id: str, field: str, index: int) -> int | None:
        """Where the sent version's string ``index`` of a field is in the draft, if still there."""
        key = (section_id, field)
        if key not in self._indices:
            sent, now = field_texts(self.base, *key), field_texts(self.draft, *key)
            if field == CELLS and len(sent) == len(now):  # the same tables: cell for cell
                self._indices[key] = {k: k for k in range(len(sent))}
            else:
                self._indices[key] = _align(sent, now)
        return self._indices[key].get(index)

    def carry(self, change: ReviewChange) -> ReviewChange:
        if not change.field:
            return change
        if change.section_id and self.draft.find(change.section_id) is None:
            return self._placed(replace(change, applicable=False, reason=change.reason or SECTION_GONE))
        if change.index == BEFORE_FIRST:
            index: int | None = BEFORE_FIRST
        elif change.field in LIST_FIELDS or change.field in ("points", CELLS):
            index = self.draft_index(change.section_id, change.field, change.index)
        else:  # a heading or a report field: one string, however much the clerk rewrote it
            index = 0 if field_texts(self.draft, change.section_id, change.field) else None
        if index is None:
            if change.is_comment:
                return self._placed(replace(change, index=0, start=0, end=0))
            return self._placed(replace(change, applicable=False, reason=change.reason or PARAGRAPH_GONE))
        moved = replace(change, index=index)
        if change.new_paragraph or not change.applicable or change.kind == ROW_ADDED:  # nothing of the text to map
            return self._placed(moved) if index != change.index else change
        sent = field_texts(self.base, change.section_id, change.field)[change.index]
        now = field_texts(self.draft, change.section_id, change.field)[index]
        if sent == now:
            return self._placed(moved) if index != change.index else change
        blocks = char_map(sent, now)
        span = map_span(blocks, change.start, change.end)
        if span is not None:
            return self._placed(replace(moved, start=span[0], end=span[1]))
        if change.is_comment:
            return self._placed(replace(moved, start=0, end=0))
        return self._placed(self._conflict(moved, sent, now, blocks))

    def _conflict(
        self, change: ReviewChange, sent: str, now: str, blocks: list[tuple[int, int, int]]
    ) -> ReviewChange:
        """The clerk changed characters the leader's change touches: both versions of the
        smallest stretch holding the two changes."""
        sent_start, now_start = _left(blocks, change.start)
        sent_end, now_end = _right(blocks, change.end, len(sent), len(now))
        leader = sent[sent_start : change.start] + change.new + sent[change.end : sent_end]
        clerk = now[now_start:now_end]
        if leader == clerk:
            return replace(
                change, applicable=False, reason=ALREADY_DONE, start=now_start, end=now_end, old=clerk, new=leader
            )
        return replace(
            change,
            applicable=False,
            conflict=True,
            draft_text=clerk,
            leader_text=leader,
            reason=CONFLICT.format(draft=clerk or "（已删去）", leader=leader or "（删去）"),
            start=now_start,
            end=now_end,
        )

    def _placed(self, change: ReviewChange) -> ReviewChange:
        """The change's place described on the draft (its index may have moved)."""
        return replace(change, place=change_place(self.paths, change, self.draft))


def _left(blocks: list[tuple[int, int, int]], position: int) -> tuple[int, int]:
    """``position`` in both texts when it lies in shared text, else the end of the shared
    text before it (the start of the clerk's edit)."""
    at = (0, 0)
    for a, b, size in blocks:
        if a <= position <= a + size:
            return position, b + position - a
        if a + size < position:
            at = (a + size, b + size)
    return at


def _right(blocks: list[tuple[int, int, int]], position: int, sent_length: int, now_length: int) -> tuple[int, int]:
    """``position`` in both texts when it lies in shared text, else the start of the shared
    text after it (the end of the clerk's edit)."""
    for a, b, size in blocks:
        if a <= position <= a + size:
            return position, b + position - a
        if a > position:
            return a, b
    return sent_length, now_length


def _align(sent: list[str], now: list[str]) -> dict[int, int]:
    """Sent index → draft index for the strings of one field: equal runs first, then the
    strings the clerk rewrote paired with the most similar one in the same stretch."""
    if sent == now:
        return {k: k for k in range(len(sent))}
    found: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, sent, now, autojunk=False).get_opcodes():
        if tag == "equal":
            found.update({i1 + k: j1 + k for k in range(i2 - i1)})
        elif tag == "replace":
            taken: set[int] = set()
            for i in range(i1, i2):
                scored = [
                    (SequenceMatcher(None, sent[i], now[j], autojunk=False).ratio(), j)
                    for j in range(j1, j2)
                    if j not in taken
                ]
                best = max(scored, default=(0.0, -1))
                if best[0] >= SIMILAR_STRING:
                    found[i] = best[1]
                    taken.add(best[1])
    return found


__all__ = ["ALREADY_DONE", "CONFLICT", "carry_over", "review_copy", "three_way"]
