"""Turning a reviewed copy's paragraphs into ReviewChanges placed on a report's slots:
tracked changes, untracked differences (a word diff), new and removed paragraphs, moves,
cells, text boxes, comments. Used against the draft (core.review.changes) and against the
version that was sent (core.review.merge)."""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from core.draft.fields import BEFORE_SECTIONS, slot_fields
from core.draft.model import Report
from core.draft.ordinals import parse_marker, parse_point, strip_ordinal
from core.importing.heading_rules import DI_FAMILY, HOW_MARKER, marker_heading
from core.review.change import (
    AFTER_LAST_TABLE,
    BEFORE_FIRST,
    COMMENTED,
    DELETED,
    HALF_OF_REPLACEMENT,
    HEADING_ADDED,
    IN_FOOTER,
    IN_TABLE,
    IN_TEXT_BOX,
    INSERTED,
    JOIN_ACROSS,
    JOIN_KIND,
    JOIN_MARK,
    LIST_FIELDS,
    MIN_MOVED_CHARS,
    MOVED,
    MOVED_ELSEWHERE,
    MOVED_ORDER,
    MOVED_SECTION,
    NO_PLACE,
    NOT_A_LIST,
    NOT_EDITABLE,
    NOT_FOUND,
    PARAGRAPH_BREAK,
    REPLACED,
    ROW_ADDED,
    ROW_DELETED,
    ROW_INSERTED,
    SPLIT_KIND,
    STALE,
    STRUCTURE_MARKS,
    TABLE_ADDED,
    WHOLE_FIELD,
    WHOLE_HEADING,
    ReviewChange,
    change_place,
)
from core.review.match import AddedTable, DraftParagraph, Piece, char_map, map_span
from core.review.model import (
    DELETE,
    FORMAT,
    INSERT,
    JOIN,
    MOVE_FROM,
    MOVE_TO,
    SPLIT,
    TEXT_BOX,
    Comment,
    ReviewedDocument,
    ReviewedParagraph,
    Revision,
)
from core.review.textdiff import word_diff
from core.text.dates import iso_date
from core.text.textslots import CELLS, section_paths, slot_text, table_cells

# A date as the layout prints it (2025年7月12日), or as a reviewer may write it over.
_PRINTED_DATE = re.compile(
    r"[0-9０-９〇○零一二三四五六七八九]{4}年[0-9０-９〇○零一二三四五六七八九十]{1,3}月[0-9０-９〇○零一二三四五六七八九十]{1,3}日"
)
# Laid-out paragraphs (core.text.layout) that print a date field: 成文日期 on its own line,
# 印发日期 after the 印发机关 on theirs.
_DATE_OF_PART = {"date": "date", "printer": "print_date"}
# The report fields printed before its text (版头, title, 主送机关): a new paragraph after
# them, with no 开头 in the draft, opens the text.
_BEFORE_TEXT = frozenset(field.name for field in slot_fields(BEFORE_SECTIONS))


# A paragraph whose words are less alike than this after the leader's edits, in two or more
# places, was rewritten rather than corrected (difflib's ratio: 1 the same, 0 nothing shared).
REWRITTEN_BELOW = 0.7


def rewritten(old: str, new: str, places: int) -> bool:
    """Whether the leader rewrote the paragraph (shown and decided as one change) rather than
    corrected words in it here and there."""
    return places >= 2 and SequenceMatcher(None, old, new, autojunk=False).ratio() < REWRITTEN_BELOW


class ChangeBuilder:
    def __init__(self, report: Report) -> None:
        self.report = report
        # Names of the tracked moves that carry a section heading (see section_moves()).
        self.section_moves: set[str] = set()
        self.paths = section_paths(report)
        self.first_section = report.sections[0].id if report.sections else ""
        self.changes: list[ReviewChange] = []
        self._dated: set[int] = set()  # paragraphs whose printed date has been placed
        # How many of the copy's paragraphs that stay have been placed: paragraphs removed and
        # added between the same two such paragraphs replace one another (bind_replacements).
        self.gap = 0
        # New headings placed so far, (family, number, gap) → the section they go after, and
        # the last one's change (its index, its gap): plain new paragraphs after it are its text.
        self._added_headings: dict[tuple[str, int, int], str] = {}
        self._open_heading: tuple[int, int] | None = None

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
        blank = ("", "")
        if piece is None and span[0] == span[1]:
            piece, snapped = _snapped(draft, span[0])
            blank = (draft.text[snapped[0] : span[0]], draft.text[span[0] : snapped[0]])
            span = snapped
        if piece is None:
            return self._nearest(draft), NOT_EDITABLE
        offset = piece.slot_start + span[0] - piece.para_start
        return {
            "section_id": piece.section_id,
            "field": piece.field,
            "index": piece.index,
            "start": offset,
            "end": offset + span[1] - span[0],
        } | ({"blank": blank} if any(blank) else {}), ""

    def _delete_across(
        self, draft: DraftParagraph, span: tuple[int, int], author: str, date: str, tracked: bool
    ) -> bool:
        """A deletion over several slots of one paragraph (points run on in one paragraph, or
        a paragraph and the points after it), their markers between them: each slot's part
        deleted, a slot struck out whole going as a whole. Not when a heading is touched
        (the outline's business): False, and the caller lists it."""
        touched = [p for p in draft.pieces if p.para_start < span[1] and span[0] < p.para_end]
        if not touched or any(p.field not in LIST_FIELDS and p.field != "points" for p in touched):
            return False
        for piece in touched:
            start, end = max(span[0], piece.para_start), min(span[1], piece.para_end)
            offset = piece.slot_start + start - piece.para_start
            self._add(
                kind=DELETED, author=author, date=date, old=draft.text[start:end], new="",
                section_id=piece.section_id, field=piece.field, index=piece.index,
                start=offset, end=offset + end - start, tracked=tracked,
            )
        return True

    def _nearest(self, draft: DraftParagraph) -> dict[str, object]:
        """The paragraph's own slot, for showing where a change that cannot apply was."""
        if draft.pieces:
            piece = draft.pieces[0]
            return {"section_id": piece.section_id, "field": piece.field, "index": piece.index}
        return {"section_id": draft.section_id, "field": draft.part if not draft.section_id else "heading"}

    def printed_date(self, draft: DraftParagraph, final: str | None, author: str, date: str, tracked: bool) -> bool:
        """A change on a date the layout prints (no slot holds its characters): when the
        paragraph, as the leader left it, writes another day, one change of the date field
        (ISO, as drafts keep dates) is made, once per paragraph. False when the date is the
        same (the change is listed as on generated text)."""
        field = _DATE_OF_PART.get(draft.part)
        if field is None or final is None:
            return False
        if id(draft) in self._dated:
            return True
        found = _PRINTED_DATE.search(final.replace(" ", "").replace("\u3000", ""))
        new = iso_date(found.group()) if found else None
        old = str(getattr(self.report, field, "") or "")
        if new is None or new == old:
            return False
        self._dated.add(id(draft))
        self._add(
            kind=REPLACED, author=author, date=date, old=old, new=new, section_id="", field=field,
            index=0, start=0, end=len(old), tracked=tracked,
        )
        return True

    def tracked(
        self, original: str, draft: DraftParagraph, revisions: list[Revision], final: str | None = None
    ) -> None:
        """The tracked ``revisions`` of a paragraph of the copy (``original``: its text before
        them, ``final``: after them) placed on ``draft``."""
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
            if start == end and new not in STRUCTURE_MARKS and map_span(blocks, start, end) is None:
                # Words put in after (or before) blanks of the copy that the draft does not
                # keep: placed at the draft's edge, the blanks going in with them.
                start, new = _past_blanks(original, blocks, start, new)
                end = start
            address, reason = self._place(draft, blocks, start, end)
            lead, trail = address.pop("blank", ("", ""))  # type: ignore[misc]
            if new not in STRUCTURE_MARKS:  # words put in after a blank the draft does not keep
                new = lead + new + trail if new else new
            if reason in (STALE, NOT_EDITABLE) and old != old.strip():
                # Spaces at the edge of a struck-out stretch (Word selects the space after a
                # word): the draft keeps no such spaces, the words themselves are what changed.
                lead, trail = len(old) - len(old.lstrip()), len(old) - len(old.rstrip())
                trimmed, trimmed_reason = self._place(draft, blocks, start + lead, end - trail)
                if not trimmed_reason:
                    address, reason, old = trimmed, "", old.strip()
                    new = new.rstrip() if trail else new
            if reason == NOT_EDITABLE and self.printed_date(draft, final, author, date, tracked=True):
                continue
            if reason == NOT_EDITABLE and kind == DELETED:
                span = map_span(blocks, start, end)
                if span is not None and self._delete_across(draft, span, author, date, tracked=True):
                    continue
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

    def in_table(self, revisions: list[Revision], previous: DraftParagraph | None, reason: str = IN_TABLE) -> None:
        self._not_applicable(revisions, reason, self._nearest(previous) if previous is not None else {})

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
        # A break at its edge is no line of it (LibreOffice, saving a copy again, moves the page
        # break before the 版记 into the paragraph before).
        text = text.strip("\n")
        piece = previous.pieces[-1] if previous is not None and previous.pieces else None
        if kind == INSERTED and self._new_heading(text, piece, author, date, tracked):
            return
        place: dict[str, object] = {"applicable": False, "reason": NO_PLACE}
        if piece is not None and piece.field in LIST_FIELDS:
            place = {"section_id": piece.section_id, "field": piece.field, "index": piece.index}
        elif piece is not None and piece.field == "heading":
            place = {"section_id": piece.section_id, "field": "body", "index": BEFORE_FIRST, "before_tables": True}
        elif piece is not None and piece.field == CELLS:
            place = self._beside_table(piece, after=True)
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
            if first.field == CELLS:
                place = self._beside_table(first, after=False)
            elif first.field in LIST_FIELDS or first.field == "points":
                place = {"section_id": first.section_id, "field": first.field, "index": first.index - 1}
                text = strip_ordinal(text) if first.field == "points" else text
        if (place.get("reason") == NO_PLACE and not any(paragraph.strip() for paragraph in self.report.opening)
                and (piece is None or (not piece.section_id and piece.field in _BEFORE_TEXT))):
            # After the title and 主送机关 (or at the very start) of a draft with no 开头: the
            # leader wrote one (in a draft of a title alone, the text itself).
            place = {"section_id": "", "field": "opening", "index": BEFORE_FIRST}
        elif (place.get("reason") == NO_PLACE and (piece is None or (not piece.section_id and piece.field in _BEFORE_TEXT))
              and (following is None or any(p.field == "heading" for p in following.pieces[:1]))):
            # Between the title or 主送机关 and the first heading: the 开头 stands there, and
            # the new paragraph is its last.
            place = {"section_id": "", "field": "opening", "index": len(self.report.opening) - 1}
        self._add(
            kind=kind, author=author, date=date, old="", new=text, tracked=tracked, new_paragraph=True,
            pair=f"gap{self.gap}", **place,
        )

    def _new_heading(self, text: str, piece: Piece | None, author: str, date: str, tracked: bool) -> bool:
        """A new paragraph that opens with the next ordinal of the section it follows or of
        one above it ("（四）" after "（三）", "三、" after "二、", or after a heading the leader
        added just before): a new section after that one (HEADING_ADDED), recognised by the
        importer's heading rules. A plain paragraph right after such a heading, with no kept
        paragraph between, is that section's text. False: neither."""
        found = marker_heading(text.strip())
        if found is None or found.how != HOW_MARKER or found.family == DI_FAMILY:
            if self._open_heading is not None and self._open_heading[1] == self.gap and text.strip():
                k = self._open_heading[0]
                self.changes[k] = replace(self.changes[k], new=self.changes[k].new + "\n" + text.strip())
                return True
            return False
        after = self._added_headings.get((found.family, found.number - 1, self.gap))
        section_id = piece.section_id if piece is not None else ""
        while after is None and section_id:
            marker = parse_marker(self.paths.get(section_id, "").split(" / ")[-1])
            if marker is not None and (marker.family, marker.number + 1) == (found.family, found.number):
                after = section_id
            parent = self.report.parent_of(section_id)
            section_id = parent.id if parent is not None else ""
        if after is None:
            return False
        self._added_headings[(found.family, found.number, self.gap)] = after
        self._open_heading = (len(self.changes), self.gap)
        self._add(kind=HEADING_ADDED, author=author, date=date, old="", new=text.strip(), tracked=tracked,
                  new_paragraph=True, section_id=after, field="heading", index=0)
        return True

    def _beside_table(self, piece: Piece, after: bool) -> dict[str, object]:
        """Where a new paragraph goes that stands right after (or before) the table holding
        the cell ``piece``: by the body paragraph the table is placed after."""
        section = self.report.find(piece.section_id)
        cells = table_cells(section) if section is not None else []
        if section is None or not 0 <= piece.index < len(cells):
            return {"applicable": False, "reason": NO_PLACE}
        stands = section.tables[cells[piece.index][0]].after_body
        if stands is None and after:  # the table ends the section (it stands after the tail)
            if section.points or section.tail:
                return {"applicable": False, "reason": AFTER_LAST_TABLE, "section_id": section.id, "field": "tail",
                        "index": max(len(section.tail) - 1, BEFORE_FIRST)}
            # Nothing but the body before it: it stays after the body, the paragraph closes the section.
            return {"section_id": section.id, "field": "tail", "index": BEFORE_FIRST, "after_tables": True}
        if stands is None:
            stands = len(section.body)
        stands = min(stands, len(section.body))
        if stands == 0:
            return {"section_id": section.id, "field": "body", "index": BEFORE_FIRST, "before_tables": not after}
        return {"section_id": section.id, "field": "body", "index": stands - 1}

    def untracked(self, accepted: str, draft: DraftParagraph, author: str, final: str | None = None) -> None:
        """Differences between ``draft`` and the copy's ``accepted`` text, made without
        tracking (``final``: the copy's paragraph with its tracked changes made too). A
        paragraph rewritten (:func:`rewritten`) is one change from its first difference to its
        last: taken or left whole, it never mixes the two texts (walkthrough W5)."""
        differences = word_diff(draft.text, accepted)
        if (final is None or final == accepted) and rewritten(draft.text, accepted, len(differences)):
            start, end = differences[0][0], differences[-1][1]
            if draft.piece_for(start, end) is not None:
                differences = [(start, end, accepted[start : len(accepted) - (len(draft.text) - end)])]
        for start, end, new in differences:
            old = draft.text[start:end]
            if not old.strip() and not new.strip() and (start == 0 or end == len(draft.text)):
                continue  # spaces at a paragraph's edge: the draft keeps none there
            piece = draft.piece_for(start, end)
            kind = REPLACED if old and new else (DELETED if old else INSERTED)
            if piece is None and kind == DELETED and self._delete_across(draft, (start, end), author, "", tracked=False):
                continue
            if piece is None and self.printed_date(draft, accepted if final is None else final, author, "", False):
                continue
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
        if any(piece.field not in LIST_FIELDS and piece.field not in ("points", CELLS) for piece in draft.pieces):
            heading = any(piece.field == "heading" for piece in draft.pieces)
            self._add(
                kind=kind, author=author, date=date, old=draft.text, new="", tracked=tracked,
                applicable=False, reason=(MOVED_SECTION if kind == MOVED else WHOLE_HEADING) if heading else WHOLE_FIELD,
                pair=f"gap{self.gap}", **self._nearest(draft),
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
                pair=f"gap{self.gap}",
            )

    def bind_replacements(self) -> None:
        """Paragraphs removed and paragraphs added between the same two kept ones replace each
        other. The new ones go where the first removed one of a list stood (after the last
        section's text, a new paragraph in place of the 结尾 is the 结尾); when one half still cannot apply, none does (the clerk's text is never deleted
        while the leader's replacement is skipped), each listed with why."""
        groups: dict[str, list[int]] = {}
        for k, change in enumerate(self.changes):
            if change.pair:
                groups.setdefault(change.pair, []).append(k)
        for members in groups.values():
            # A new paragraph placed as the next point of the list before it (its ordinal goes
            # on: 三是 after 二是) is that list's, not a replacement of what was removed after it
            # (walkthrough W1: with the 结尾 rewritten, the new point went into the 结尾).
            points = [k for k in members if self.changes[k].new_paragraph and self.changes[k].field == "points"
                      and self.changes[k].applicable]
            for k in points:
                self.changes[k] = replace(self.changes[k], pair="")
            members = [k for k in members if k not in points]
            added = [k for k in members if self.changes[k].new_paragraph]
            removed = [k for k in members if not self.changes[k].new_paragraph]
            if not added or not removed:
                for k in members:
                    self.changes[k] = replace(self.changes[k], pair="")
                continue
            spot = next((self.changes[k] for k in removed if self.changes[k].field in LIST_FIELDS
                         or self.changes[k].field == "points"), None)
            for k in added:
                change = self.changes[k]
                if spot is not None and (change.applicable or change.reason == NO_PLACE):
                    text = strip_ordinal(change.new) if spot.field == "points" else change.new
                    moved = replace(change, applicable=True, reason="", section_id=spot.section_id,
                                    field=spot.field, index=spot.index - 1, new=text)
                    self.changes[k] = _with_place(moved, change_place(self.paths, moved, self.report))
            if all(self.changes[k].applicable for k in members):
                continue
            for k in members:
                change = self.changes[k]
                if change.applicable:
                    self.changes[k] = replace(change, applicable=False, reason=HALF_OF_REPLACEMENT)

    def keep_moved_words(self) -> None:
        """A paragraph removed whose words the leader wrote into another one (two paragraphs
        joined, or text moved without 修订): when that insertion cannot apply, the removal does
        not either, or the words would be nowhere. Checked after the replacements are bound."""
        skipped = [c.new for c in self.changes if not c.applicable and c.new.strip() and not c.old.strip()]
        if not skipped:
            return
        for k, change in enumerate(self.changes):
            removed = change.old.strip()
            if (change.applicable and not change.new.strip() and len(removed) >= MIN_MOVED_CHARS
                    and any(removed in text for text in skipped)):
                self.changes[k] = replace(change, applicable=False, reason=MOVED_ELSEWHERE)

    def new_table(
        self, table: AddedTable, previous: DraftParagraph | None, following: DraftParagraph | None, author: str
    ) -> None:
        """A table the leader added, into the section of the paragraph it follows, after that
        paragraph (or before the body of the section whose text follows it)."""
        place: dict[str, object] = {"applicable": False, "reason": IN_TABLE}
        piece = previous.pieces[-1] if previous is not None and previous.pieces else None
        if piece is not None and piece.section_id and piece.field == "body":
            place = {"section_id": piece.section_id, "field": "body", "index": piece.index}
        elif piece is not None and piece.section_id and piece.field == "heading":
            place = {"section_id": piece.section_id, "field": "body", "index": BEFORE_FIRST}
        elif following is not None and following.pieces and following.pieces[0].section_id:
            first = following.pieces[0]
            if first.field == "body" or first.field == "heading":
                index = first.index - 1 if first.field == "body" else BEFORE_FIRST
                place = {"section_id": first.section_id, "field": "body", "index": index}
        if any("\t" in cell or "\n" in cell for row in table.rows for cell in row):
            place |= {"applicable": False, "reason": IN_TABLE}  # cells of several paragraphs: by hand
        self._add(
            kind=TABLE_ADDED, author=table.author or author, date=table.date, old="",
            new="\n".join("\t".join(row) for row in table.rows), tracked=table.tracked, new_paragraph=True,
            **place,
        )

    def row_added(
        self, cells: list[str], above: DraftParagraph | None, previous: DraftParagraph | None, author: str, date: str,
        tracked: bool,
    ) -> None:
        """A table row the leader inserted, after the draft row of the cell ``above`` (a cell of
        the row before it in the copy). Listed for the clerk to add by hand when there is none
        (a row above the first) or a cell holds a tab."""
        place: dict[str, object] = (
            {"applicable": False, "reason": ROW_INSERTED, **self._nearest(previous)} if previous is not None
            else {"applicable": False, "reason": ROW_INSERTED}
        )
        if above is not None and not any("\t" in cell for cell in cells):
            piece = above.pieces[0]
            place = {"section_id": piece.section_id, "field": piece.field, "index": piece.index}
        self._add(kind=ROW_ADDED, author=author, date=date, old="", new="\t".join(cells), tracked=tracked, **place)

    def row_cell_removed(self, cell: DraftParagraph, revisions: list[Revision], author: str) -> None:
        """A cell of a table row the leader struck out (w:trPr/w:del): its text goes, and the
        row with it once every cell of the row is gone (core.review.apply)."""
        if not cell.text.strip():
            return  # nothing to strike: an empty cell goes with its row
        who = revisions[0] if revisions else None
        piece = cell.pieces[0]
        self._add(
            kind=ROW_DELETED, author=who.author if who else author, date=who.date if who else "",
            old=cell.text, new="", section_id=piece.section_id, field=piece.field, index=piece.index,
            start=piece.slot_start, end=piece.slot_start + piece.length, tracked=who is not None,
        )

    def comment(self, comment: Comment, original: str, draft: DraftParagraph | None) -> None:
        quoted = original[comment.start : comment.end] if original else ""
        values: dict[str, object] = (
            {"section_id": self.first_section, "field": "heading"} if self.first_section else {}
        )
        if draft is not None:
            blocks = char_map(original, draft.text)
            address, reason = self._place(draft, blocks, comment.start, comment.end)
            if reason == NOT_EDITABLE:
                # Anchored across several slots (a run-in heading's text and the points after
                # it) or on a marker: at the first slot its words reach, those of them quoted.
                address, quoted = self._comment_at_first_slot(draft, blocks, comment.start, comment.end, quoted)
            address.pop("blank", None)
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

    def _comment_at_first_slot(
        self, draft: DraftParagraph, blocks: list[tuple[int, int, int]], start: int, end: int, quoted: str
    ) -> tuple[dict[str, object], str]:
        """The address of the commented words inside the first slot piece they overlap, and
        those words; ``({}, quoted)`` when the comment's range maps to no piece."""
        span = map_span(blocks, start, end)
        if span is None:
            return {}, quoted
        for piece in draft.pieces:
            low, high = max(span[0], piece.para_start), min(span[1], piece.para_end)
            if low < high or (span[0] == span[1] and piece.para_start <= span[0] <= piece.para_end):
                offset = piece.slot_start + low - piece.para_start
                return {
                    "section_id": piece.section_id, "field": piece.field, "index": piece.index,
                    "start": offset, "end": offset + high - low,
                }, draft.text[low:high]
        return {}, quoted


def _past_blanks(original: str, blocks: list[tuple[int, int, int]], at: int, new: str) -> tuple[int, str]:
    """An insertion point ``at`` inside blanks of ``original`` that no shared block covers,
    moved to the nearest end of those blanks that one does, the blanks crossed added to
    ``new`` on their side; unchanged when there is none."""
    back = at
    while back > 0 and original[back - 1] in " \t\u3000\u00a0":
        back -= 1
        if map_span(blocks, back, back) is not None:
            return back, original[back:at] + new
    ahead = at
    while ahead < len(original) and original[ahead] in " \t\u3000\u00a0":
        ahead += 1
        if map_span(blocks, ahead, ahead) is not None:
            return ahead, new + original[at:ahead]
    return at, new


def _snapped(draft: DraftParagraph, at: int) -> tuple[Piece | None, tuple[int, int]]:
    """An insertion point in blank space at a slot's edge (a space the draft does not keep
    after a paragraph, or before it) is that edge: the piece and the point there."""
    for piece in draft.pieces:
        if piece.para_end <= at and not draft.text[piece.para_end : at].strip():
            return piece, (piece.para_end, piece.para_end)
        if at <= piece.para_start and not draft.text[at : piece.para_start].strip():
            return piece, (piece.para_start, piece.para_start)
    return None, (at, at)


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
