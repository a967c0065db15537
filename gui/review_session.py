"""A reviewed copy being worked through in the window: each change 待定 / 已接受 / 已拒绝,
each comment 已处理 or not, every decision one step on the draft's undo stack.

Accepting a change edits the draft through the document's own appliers (the same field keys
as gui.commands.SetValueCommand), so undo brings back the text and the decision together.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from core.draft.model import Report
from core.review.apply import apply_changes
from core.review.changes import ReviewChange, ReviewResult
from gui.commands import FieldKey
from gui.document import DraftDocument

PENDING, ACCEPTED, REJECTED = "", "accepted", "rejected"
DECISION_LABELS = {PENDING: "待定", ACCEPTED: "已接受", REJECTED: "已拒绝"}


class ReviewSession(QObject):
    """The changes of one reviewed file against one open draft."""

    decisionsChanged = Signal()

    def __init__(
        self, doc: DraftDocument, result: ReviewResult, file_name: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.result = result
        self.file_name = file_name
        self.changes = {c.id: c for c in result.changes}
        self.decisions: dict[str, str] = dict.fromkeys(self.changes, PENDING)
        self.handled: dict[str, bool] = {c.id: c.done for c in result.changes if c.is_comment}

    def pending(self) -> list[ReviewChange]:
        return [c for c in self.result.changes if c.applicable and self.decisions[c.id] == PENDING]

    def accept(self, ids: list[str]) -> bool:
        """Apply these changes as one undo step; False when none of them could be applied."""
        wanted = [self.changes[i] for i in ids if self.changes[i].applicable and self.decisions[i] == PENDING]
        if not wanted:
            return False
        outcome = apply_changes(self.doc.report, wanted)
        applied = [i for i in outcome.applied if i in ids]
        if not applied:
            return False
        edits = _field_edits(self.doc.report, outcome.report, [self.changes[i] for i in applied])
        label = (
            f"接受审阅修改（{len(applied)} 处）"
            if len(applied) > 1
            else f"接受审阅修改：{_short(self.changes[applied[0]])}"
        )
        self.doc.undo_stack.push(DecisionCommand(self, applied, ACCEPTED, edits, label))
        return True

    def reject(self, ids: list[str]) -> bool:
        wanted = [i for i in ids if self.decisions[i] == PENDING]
        if not wanted:
            return False
        self.doc.undo_stack.push(
            DecisionCommand(self, wanted, REJECTED, [], f"拒绝审阅修改：{_short(self.changes[wanted[0]])}")
        )
        return True

    def set_handled(self, change_id: str, handled: bool) -> None:
        if self.handled.get(change_id) != handled:
            self.doc.undo_stack.push(HandledCommand(self, change_id, handled))

    def _set(self, ids: list[str], decision: str | list[str]) -> None:
        for k, change_id in enumerate(ids):
            self.decisions[change_id] = decision[k] if isinstance(decision, list) else decision
        self.decisionsChanged.emit()


def _short(change: ReviewChange) -> str:
    text = change.content
    return text if len(text) <= 14 else text[:14] + "…"


def _field_edits(
    before: Report, after: Report, changes: list[ReviewChange]
) -> list[tuple[FieldKey, Any, Any]]:
    """(key, old value, new value) for every field the changes touched."""
    edits: list[tuple[FieldKey, Any, Any]] = []
    seen: set[tuple[str, str]] = set()
    for change in changes:
        name = "notes" if change.is_comment else change.field
        section_id = change.section_id
        if change.is_comment and before.find(section_id) is None and before.sections:
            section_id = before.sections[0].id
        if (section_id, name) in seen:
            continue
        seen.add((section_id, name))
        if not section_id:
            old, new = getattr(before, name), getattr(after, name)
            if old != new:
                edits.append((("report", name), _copy(old), _copy(new)))
            continue
        old_section, new_section = before.find(section_id), after.find(section_id)
        if old_section is None or new_section is None:
            continue
        if name == "points":
            old_points, new_points = old_section.points, new_section.points
            for row, (old_point, new_point) in enumerate(zip(old_points, new_points, strict=False)):
                if old_point.text != new_point.text:
                    edits.append((("point", section_id, row), old_point.text, new_point.text))
            continue
        old, new = getattr(old_section, name), getattr(new_section, name)
        if old != new:
            edits.append((("section", section_id, name), _copy(old), _copy(new)))
    return edits


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


class DecisionCommand(QUndoCommand):
    """Accept or reject changes: the field edits (if any) and the decisions, undone together."""

    def __init__(
        self,
        session: ReviewSession,
        ids: list[str],
        decision: str,
        edits: list[tuple[FieldKey, Any, Any]],
        label: str,
    ) -> None:
        super().__init__(label)
        self._session, self._ids, self._decision, self._edits = session, ids, decision, edits
        self._before = [session.decisions[i] for i in ids]

    def redo(self) -> None:
        for key, _, new in self._edits:
            self._session.doc.apply_value(key, _copy(new))
        self._session._set(self._ids, self._decision)

    def undo(self) -> None:
        for key, old, _ in reversed(self._edits):
            self._session.doc.apply_value(key, _copy(old))
        self._session._set(self._ids, list(self._before))


class HandledCommand(QUndoCommand):
    def __init__(self, session: ReviewSession, change_id: str, handled: bool) -> None:
        super().__init__("标记批注已处理" if handled else "取消批注已处理")
        self._session, self._id, self._handled = session, change_id, handled

    def _apply(self, handled: bool) -> None:
        self._session.handled[self._id] = handled
        self._session.decisionsChanged.emit()

    def redo(self) -> None:
        self._apply(self._handled)

    def undo(self) -> None:
        self._apply(not self._handled)
