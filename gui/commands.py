"""Undo commands: every edit of a draft is one of these, pushed on the document's stack.

Text edits of the same field merge while the clerk keeps typing (pauses longer than
``MERGE_SECONDS`` start a new undo step), so Ctrl+Z undoes a burst of typing, not a letter.
"""

from __future__ import annotations

import time
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from core.draft import outline_ops as ops
from core.draft.model import Point, Report, Section
from gui.editor.outline_model import OutlineModel

# ("report", field) | ("section", section_id, field) | ("point", section_id, row)
FieldKey = tuple[str, ...] | tuple[str, str, int]


class DraftDocument(Protocol):
    """What the commands change and notify (gui.document.DraftDocument implements it)."""

    report: Report
    outline: OutlineModel

    def apply_value(self, key: FieldKey, value: Any) -> None: ...
    def apply_flag_verified(self, flag_id: str, verified: bool) -> None: ...
    def points_changed(self, section_id: str, focus_row: int) -> None: ...
    def structure_changed(self, focus: str) -> None: ...
    def neighbour_of(self, where: ops.Location) -> str: ...

MERGE_SECONDS = 2.0
_TEXT_EDIT_ID = 4001


class SetValueCommand(QUndoCommand):
    """Set one field: a report field, a section field, or a point's text."""

    def __init__(self, doc: DraftDocument, key: FieldKey, old: Any, new: Any, label: str) -> None:
        super().__init__(label)
        self._doc, self.key, self.old, self.new = doc, key, old, new
        self._last_edit = time.monotonic()

    def id(self) -> int:
        return _TEXT_EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetValueCommand) or other.key != self.key:
            return False
        if self.key[-1] == "tables":
            return False  # a table cell or row is edited as a whole: each is its own step
        if other._last_edit - self._last_edit > MERGE_SECONDS:
            return False
        self.new, self._last_edit = other.new, other._last_edit
        # Typing something and deleting it again leaves nothing to undo.
        self.setObsolete(self.new == self.old)
        return True

    def redo(self) -> None:
        self._doc.apply_value(self.key, self.new)

    def undo(self) -> None:
        self._doc.apply_value(self.key, self.old)


class InsertSectionCommand(QUndoCommand):
    def __init__(self, doc: DraftDocument, section: Section, at: ops.Location, label: str) -> None:
        super().__init__(label)
        self._doc, self._section, self._at = doc, section, at

    def redo(self) -> None:
        self._doc.outline.insert_section(self._section, self._at)
        self._doc.structure_changed(focus=self._section.id)

    def undo(self) -> None:
        self._doc.outline.remove_section(self._section.id)
        self._doc.structure_changed(focus=self._doc.neighbour_of(self._at))


class RemoveSectionCommand(QUndoCommand):
    def __init__(self, doc: DraftDocument, section_id: str, label: str) -> None:
        super().__init__(label)
        self._doc, self._section_id = doc, section_id
        self._section: Section | None = None
        self._where: ops.Location | None = None

    def redo(self) -> None:
        self._section, self._where = self._doc.outline.remove_section(self._section_id)
        self._doc.structure_changed(focus=self._doc.neighbour_of(self._where))

    def undo(self) -> None:
        assert self._section is not None and self._where is not None
        self._doc.outline.insert_section(self._section, self._where)
        self._doc.structure_changed(focus=self._section_id)


class MoveSectionCommand(QUndoCommand):
    def __init__(self, doc: DraftDocument, section_id: str, to: ops.Location, label: str) -> None:
        super().__init__(label)
        self._doc, self._section_id, self._to = doc, section_id, to
        self._from: ops.Location | None = None

    def redo(self) -> None:
        self._from = self._doc.outline.move_section(self._section_id, self._to)
        self._doc.structure_changed(focus=self._section_id)

    def undo(self) -> None:
        assert self._from is not None
        self._doc.outline.move_section(self._section_id, self._from)
        self._doc.structure_changed(focus=self._section_id)


class TurnIntoBodyCommand(QUndoCommand):
    """转为正文: a heading the importer guessed wrongly becomes text again (undoable)."""

    def __init__(self, doc: DraftDocument, section_id: str, label: str) -> None:
        super().__init__(label)
        self._doc, self._section_id = doc, section_id
        self._merge: ops.BodyMerge | None = None

    def redo(self) -> None:
        self._merge = self._doc.outline.turn_into_body(self._section_id)
        where = self._merge.where
        self._doc.structure_changed(focus=self._merge.target_id or self._doc.neighbour_of(where))

    def undo(self) -> None:
        assert self._merge is not None
        self._doc.outline.undo_turn_into_body(self._merge)
        self._doc.structure_changed(focus=self._section_id)


class InsertPointCommand(QUndoCommand):
    def __init__(self, doc: DraftDocument, section_id: str, row: int, point: Point, label: str) -> None:
        super().__init__(label)
        self._doc, self._section_id, self._row, self._point = doc, section_id, row, point

    def redo(self) -> None:
        ops.insert_point(self._doc.report, self._section_id, self._row, self._point)
        self._doc.points_changed(self._section_id, focus_row=self._row)

    def undo(self) -> None:
        ops.remove_point(self._doc.report, self._section_id, self._row)
        self._doc.points_changed(self._section_id, focus_row=self._row - 1)


class RemovePointCommand(QUndoCommand):
    def __init__(self, doc: DraftDocument, section_id: str, row: int, label: str) -> None:
        super().__init__(label)
        self._doc, self._section_id, self._row = doc, section_id, row
        self._point: Point | None = None

    def redo(self) -> None:
        self._point = ops.remove_point(self._doc.report, self._section_id, self._row)
        self._doc.points_changed(self._section_id, focus_row=self._row - 1 if self._row else 0)

    def undo(self) -> None:
        assert self._point is not None
        ops.insert_point(self._doc.report, self._section_id, self._row, self._point)
        self._doc.points_changed(self._section_id, focus_row=self._row)


class MovePointCommand(QUndoCommand):
    def __init__(self, doc: DraftDocument, section_id: str, row: int, to_row: int, label: str) -> None:
        super().__init__(label)
        self._doc, self._section_id, self._row, self._to_row = doc, section_id, row, to_row

    def redo(self) -> None:
        ops.move_point(self._doc.report, self._section_id, self._row, self._to_row)
        self._doc.points_changed(self._section_id, focus_row=self._to_row)

    def undo(self) -> None:
        ops.move_point(self._doc.report, self._section_id, self._to_row, self._row)
        self._doc.points_changed(self._section_id, focus_row=self._row)


class VerifyFlagCommand(QUndoCommand):
    """Mark a 待核实 flag 已核实 (or take the mark back)."""

    def __init__(self, doc: DraftDocument, flag_id: str, verified: bool, label: str) -> None:
        super().__init__(label)
        self._doc, self._flag_id, self._verified = doc, flag_id, verified

    def redo(self) -> None:
        self._doc.apply_flag_verified(self._flag_id, self._verified)

    def undo(self) -> None:
        self._doc.apply_flag_verified(self._flag_id, not self._verified)


class IgnoreFindingsCommand(QUndoCommand):
    """Dismiss (忽略) check findings, or bring them back; the keys are core.checks.ignored's."""

    def __init__(self, doc: DraftDocument, keys: list[str], ignored: bool, label: str) -> None:
        super().__init__(label)
        self._doc, self._keys, self._ignored = doc, list(keys), ignored

    def redo(self) -> None:
        self._doc.apply_findings_ignored(self._keys, self._ignored)

    def undo(self) -> None:
        self._doc.apply_findings_ignored(self._keys, not self._ignored)
