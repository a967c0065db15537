"""A section's text, or the report's own fields (section id ""), with the reviewer's pending
changes marked in place, as Word shows them: inserted words underlined, deleted words struck
through. The editor shows it beside the section's fields and in 报告信息; the fields
themselves keep the draft's text until a change is accepted.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.draft.model import Report
from core.review.apply import find_again
from core.review.change import ReviewChange
from core.text.layout import gb_date
from core.text.textslots import DATE_FIELDS, REPORT_FIELDS, SECTION_FIELDS, slot_text

PLAIN, INSERTED, DELETED = "", "insert", "delete"


@dataclass(frozen=True)
class Segment:
    text: str
    mark: str = PLAIN


@dataclass(frozen=True)
class MarkedParagraph:
    field: str
    index: int
    segments: tuple[Segment, ...]
    added: bool = False  # a new paragraph, to go after paragraph ``index``


def marked_section(report: Report, section_id: str, changes: list[ReviewChange]) -> list[MarkedParagraph]:
    """Each paragraph of the section (or of the report's fields, ``section_id`` "") that has
    pending text changes, with them marked; a date in the form it is printed.

    ``changes`` are the ones still 待定; comments and format-only changes carry no text to mark.
    A change is marked where accepting it would make it (core.review.apply.find_again); one
    whose text is gone (the clerk edited the spot) is left out.
    """
    by_slot: dict[tuple[str, int], list[tuple[ReviewChange, int, int]]] = {}
    added: dict[tuple[str, int], list[str]] = {}
    for change in changes:
        if change.section_id != section_id or change.is_comment or change.format_only or not change.field:
            continue
        if change.new_paragraph:
            added.setdefault((change.field, change.index), []).append(change.new)
            continue
        found = find_again(report, change)
        if found is not None:
            (_section, field, index), start, end = found
            by_slot.setdefault((field, index), []).append((change, start, end))
    out: list[MarkedParagraph] = []
    order = SECTION_FIELDS if section_id else (*REPORT_FIELDS, *DATE_FIELDS)
    for field, index in sorted(set(by_slot) | set(added), key=lambda s: (order.index(s[0]) if s[0] in order else len(order), s[1])):
        text = slot_text(report, section_id, field, index)
        if text is None:
            continue
        if field in DATE_FIELDS and not section_id:  # stored as 2025-07-12: shown as printed, whole
            changes_here = by_slot.get((field, index), [])
            new = changes_here[0][0].new if changes_here else text
            segments = [Segment(gb_date(text), DELETED), Segment(gb_date(new), INSERTED)]
            out.append(MarkedParagraph(field, index, tuple(segments)))
            continue
        segments = _marked(text, by_slot.get((field, index), []))
        if any(s.mark for s in segments):
            out.append(MarkedParagraph(field, index, tuple(segments)))
        out += [MarkedParagraph(field, index, (Segment(new, INSERTED),), added=True) for new in added.get((field, index), [])]
    return out


def _marked(text: str, changes: list[tuple[ReviewChange, int, int]]) -> list[Segment]:
    spans: list[tuple[int, int, ReviewChange]] = []
    for change, start, end in changes:
        if not any(start < e and s < end for s, e, _ in spans):
            spans.append((start, end, change))
    segments: list[Segment] = []
    at = 0
    for start, end, change in sorted(spans, key=lambda s: (s[0], s[1])):
        if start < at:
            continue  # two insertions at one spot: the first is shown
        segments.append(Segment(text[at:start]))
        if end > start:
            segments.append(Segment(text[start:end], DELETED))
        if change.new:
            segments.append(Segment(change.new, INSERTED))
        at = end
    segments.append(Segment(text[at:]))
    return [s for s in segments if s.text]
