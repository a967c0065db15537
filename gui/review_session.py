"""A reviewed copy being worked through in the window: each change 待定 / 已接受 / 已拒绝,
each comment 已处理 or not.

Every decision is kept in the draft itself (its review record, core.draft.reviews, and the
sections' notes), and made as one undo step of ordinary field edits: undo brings back the
text and the decision together, saving keeps them, and importing the same file again after
a restart shows where the clerk left off.
"""

from __future__ import annotations

import copy
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from core.draft import edits
from core.draft import outline_ops as ops
from core.draft.edits import Place
from core.draft.model import Point, Report
from core.draft.reviews import ACCEPTED, REJECTED, ReviewRecord, find_record, replace_record
from core.review.apply import CONFLICT_CHOICES, apply_changes, note_section, note_text, settled
from core.review.change import HEADING_ADDED
from core.review.changes import ReviewChange, ReviewResult
from core.review.progress import comment_handled, start_record
from core.text.textslots import CELLS
from gui.document import DraftDocument

PENDING = ""
# A value for a place, a point added or struck, or a section the leader's new heading made.
Wanted = tuple[Place, Any] | edits.InsertPoint | edits.RemovePoint | edits.InsertSection
DECISION_LABELS = {PENDING: "待定", ACCEPTED: "已接受", REJECTED: "已拒绝"}


class ReviewSession(QObject):
    """The changes of one reviewed file against one open draft."""

    decisionsChanged = Signal()

    def __init__(
        self, doc: DraftDocument, result: ReviewResult, path: Path, digest: str,
        parent: QObject | None = None, restoring: bool = False,
    ) -> None:
        """``restoring``: the copy comes back with its draft on opening, which must not change
        the draft (its record is already there; a recount only happens on a real import)."""
        super().__init__(parent)
        self.doc = doc
        self.result = result
        self.path = path
        self.file_name = file_name = path.name
        self.digest = digest
        self.changes = {c.id: c for c in result.changes}
        record = start_record(doc.report, result, file_name, digest)
        if find_record(doc.report.reviews, digest) != record and not restoring:
            old = list(doc.report.reviews)
            doc.push(edits.SetValue(edits.report_field("reviews"), old, replace_record(old, record)),
                     f"导入审阅稿“{file_name}”")
        self._shown = self._state()
        doc.changed.connect(self._draft_changed)

    def close(self) -> None:
        self.doc.changed.disconnect(self._draft_changed)

    # ---- state, read from the draft --------------------------------------------------------

    @property
    def record(self) -> ReviewRecord | None:
        return find_record(self.doc.report.reviews, self.digest)

    def decision(self, change_id: str) -> str:
        record = self.record
        return record.decisions.get(change_id, PENDING) if record is not None else PENDING

    def handled(self, change_id: str) -> bool:
        change = self.changes[change_id]
        return change.is_comment and self.decision(change_id) == ACCEPTED and comment_handled(
            self.doc.report, change
        )

    def decided(self, change: ReviewChange) -> bool:
        return self.decision(change.id) != PENDING

    def applicable(self, change: ReviewChange) -> bool:
        """Still to decide and still possible (an accepted change no longer matches the text)."""
        return change.applicable and not self.decided(change)

    def pending(self) -> list[ReviewChange]:
        return [c for c in self.result.changes if self.applicable(c)]

    def _state(self) -> tuple[Any, ...]:
        record = self.record
        decisions = record.decided_pairs if record is not None else ()
        return decisions, tuple(self.handled(c.id) for c in self.result.changes if c.is_comment)

    def _draft_changed(self) -> None:
        state = self._state()
        if state != self._shown:  # an undo, or 已处理 ticked beside the section
            self._shown = state
            self.decisionsChanged.emit()

    # ---- decisions (each one undo step) ----------------------------------------------------

    def accept(self, ids: list[str], handled: bool = False) -> bool:
        """Apply these changes as one undo step; False when none of them could be applied."""
        wanted = [self.changes[i] for i in ids if self.applicable(self.changes[i])]
        if not wanted:
            return False
        outcome = apply_changes(self.doc.report, wanted)
        applied = [i for i in outcome.applied if i in ids]
        if not applied:
            return False
        after = outcome.report
        if handled:
            for change_id in applied:
                _mark_handled(after, self.changes[change_id], True)
        label = (
            f"接受审阅修改（{len(applied)} 处）"
            if len(applied) > 1
            else f"接受审阅修改：{_short(self.changes[applied[0]])}"
        )
        self._push(label, _field_edits(self.doc.report, after, [self.changes[i] for i in applied]),
                   dict.fromkeys(applied, ACCEPTED))
        return True

    def reject(self, ids: list[str]) -> bool:
        wanted = [i for i in ids if self.applicable(self.changes[i])]
        if not wanted:
            return False
        self._push(f"拒绝审阅修改：{_short(self.changes[wanted[0]])}", [], dict.fromkeys(wanted, REJECTED))
        return True

    def choosable(self, change: ReviewChange) -> bool:
        """A conflict still to settle."""
        return change.conflict and not self.decided(change)

    def choose(self, change_id: str, choice: str) -> bool:
        """Settle a conflict as one undo step: keep the clerk's words (the change counts as
        rejected), take the leader's or keep both (accepted). False when the clerk's words are
        no longer in the draft (edited again since), so nothing could be changed."""
        change = self.changes[change_id]
        if not self.choosable(change):
            return False
        label = f"审阅冲突：{CONFLICT_CHOICES[choice]}（{_short(change)}）"
        made = settled(change, choice)
        if made is None:
            self._push(label, [], {change_id: REJECTED})
            return True
        outcome = apply_changes(self.doc.report, [made])
        if change_id not in outcome.applied:
            return False
        self._push(label, _field_edits(self.doc.report, outcome.report, [made]), {change_id: ACCEPTED})
        return True

    def set_handled(self, change_id: str, handled: bool) -> None:
        """Tick a comment 已处理: it is kept as a note on its section (accepted) if not yet."""
        change = self.changes[change_id]
        if not change.is_comment or self.handled(change_id) == handled:
            return
        if self.decision(change_id) == PENDING:
            if handled:
                self.accept([change_id], handled=True)
            return
        if self.decision(change_id) != ACCEPTED:
            return
        after = copy.deepcopy(self.doc.report)
        _mark_handled(after, change, handled)
        self._push("标记批注已处理" if handled else "取消批注已处理",
                   _field_edits(self.doc.report, after, [change]), {})

    def _push(self, label: str, wanted: list[Wanted], decisions: dict[str, str | None]) -> None:
        stack = self.doc.undo_stack
        stack.beginMacro(label)
        try:
            for item in wanted:
                if isinstance(item, edits.RemovePoint):
                    self.doc.remove_point(item.section_id, item.row)
                elif isinstance(item, edits.InsertPoint):
                    self.doc.add_point(item.section_id, item.row, item.point.text)
                elif isinstance(item, edits.InsertSection):
                    self.doc.push(item, "添加同级标题")
                else:
                    self.doc.set_value(*item)
            record = self.record or start_record(self.doc.report, self.result, self.file_name, self.digest)
            if decisions:
                updated = replace_record(self.doc.report.reviews, record.with_decisions(decisions))
                self.doc.set_report_field("reviews", updated)
        finally:
            stack.endMacro()


def _short(change: ReviewChange) -> str:
    text = change.content
    return text if len(text) <= 14 else text[:14] + "…"


def _mark_handled(report: Report, change: ReviewChange, handled: bool) -> None:
    section = note_section(report, change)
    if section is None:
        return
    note = note_text(change)
    section.handled_notes = [n for n in section.handled_notes if n != note] + ([note] if handled else [])


def _field_edits(before: Report, after: Report, changes: list[ReviewChange]) -> list[Wanted]:
    """(place, new value) for every field the changes touched."""
    wanted: list[Wanted] = []
    seen: set[tuple[str, str]] = set()
    for change in changes:
        section_id = change.section_id
        if change.kind == HEADING_ADDED:
            wanted += [item for item in _new_sections(before, after) if item not in wanted]
            continue
        if change.is_comment:
            section = note_section(before, change)
            section_id = section.id if section is not None else ""
            names = ["notes", "handled_notes"]
        else:
            # The body's paragraphs carry the section's tables along (core.review.apply); a
            # table the leader added is one of them.
            names = [change.field, "tables"] if change.field == "body" else [change.field]
        for name in names:
            if (section_id, name) in seen:
                continue
            seen.add((section_id, name))
            wanted += _edits_of(before, after, section_id, name)
    return wanted


def _new_sections(before: Report, after: Report) -> list[edits.InsertSection]:
    """The sections of ``after`` that ``before`` does not have, each where it stands, in
    reading order (each row counted with the ones before it already in)."""
    known = {s.id for _, s in before.walk()}
    found: list[edits.InsertSection] = []
    for _, section in after.walk():
        if section.id not in known:
            parent = after.parent_of(section.id)
            container = parent.children if parent is not None else after.sections
            row = next(k for k, s in enumerate(container) if s.id == section.id)
            found.append(edits.InsertSection(copy.deepcopy(section), ops.Location(parent.id if parent else None, row)))
    return found


def _point_edits(section_id: str, old: list[str], new: list[str]) -> list[Wanted]:
    """The point edits turning ``old`` into ``new``: texts by row, rows removed and added,
    from the last stretch to the first so that every row named is still where it was."""
    wanted: list[Wanted] = []
    opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in reversed(opcodes):
        if tag == "equal":
            continue
        kept = min(i2 - i1, j2 - j1)
        wanted += [(edits.point_text(section_id, i1 + k), new[j1 + k]) for k in range(kept)]
        wanted += [edits.RemovePoint(section_id, row) for row in range(i2 - 1, i1 + kept - 1, -1)]
        wanted += [edits.InsertPoint(section_id, i1 + kept + k, Point(new[j1 + kept + k])) for k in range(j2 - j1 - kept)]
    return wanted


def _edits_of(before: Report, after: Report, section_id: str, name: str) -> list[Wanted]:
    if name == CELLS:  # a table cell: the section's tables are one field
        name = "tables"
    if not section_id:
        old, new = getattr(before, name), getattr(after, name)
        return [(edits.report_field(name), new)] if old != new else []
    old_section, new_section = before.find(section_id), after.find(section_id)
    if old_section is None or new_section is None:
        return []
    if name == "points":
        return _point_edits(section_id, [p.text for p in old_section.points], [p.text for p in new_section.points])
    old, new = getattr(old_section, name), getattr(new_section, name)
    return [(edits.section_field(section_id, name), new)] if old != new else []
