"""The undo stack's one command: an edit (core.draft.edits) and the edit that takes it back.

Text edits of the same field merge while the clerk keeps typing (pauses longer than
``MERGE_SECONDS`` start a new undo step), so Ctrl+Z undoes a burst of typing, not a letter.
"""

from __future__ import annotations

import time
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from core.draft.edits import Edit, SetValue

MERGE_SECONDS = 2.0
_TEXT_EDIT_ID = 4001


class EditTarget(Protocol):
    """What applies edits (gui.document.DraftDocument): returns the inverse of each."""

    def apply(self, edit: Edit) -> Edit: ...


class EditCommand(QUndoCommand):
    """One edit on the stack: redo applies it, undo applies what it returned."""

    def __init__(self, target: EditTarget, edit: Edit, label: str) -> None:
        super().__init__(label)
        self._target, self.edit = target, edit
        self._inverse: Edit | None = None
        self._last_edit = time.monotonic()

    def id(self) -> int:
        # Only typing merges; every other edit is its own step.
        return _TEXT_EDIT_ID if isinstance(self.edit, SetValue) else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        mine, theirs = self.edit, getattr(other, "edit", None)
        if not isinstance(mine, SetValue) or not isinstance(theirs, SetValue) or theirs.place != mine.place:
            return False
        if mine.place.field == "tables":
            return False  # a table cell or row is edited as a whole: each is its own step
        assert isinstance(other, EditCommand)
        if other._last_edit - self._last_edit > MERGE_SECONDS:
            return False
        self.edit = SetValue(mine.place, mine.old, theirs.new)
        self._inverse = SetValue(mine.place, theirs.new, mine.old)
        self._last_edit = other._last_edit
        # Typing something and deleting it again leaves nothing to undo.
        self.setObsolete(theirs.new == mine.old)
        return True

    def redo(self) -> None:
        self._inverse = self._target.apply(self.edit)

    def undo(self) -> None:
        assert self._inverse is not None
        self.edit = self._target.apply(self._inverse)
