"""The undo stack's one command: an edit (core.draft.edits) and the edit that takes it back.

Text edits of the same field merge while the clerk keeps typing (pauses longer than
``MERGE_SECONDS`` start a new undo step), so Ctrl+Z undoes a burst of typing, not a letter.
The document merges them itself (:meth:`EditCommand.absorb`) instead of through Qt's
``mergeWith``: PySide6 6.11 never frees the Python command Qt merges away, so every
keystroke would keep a copy of its field for the rest of the sitting.
"""

from __future__ import annotations

import time
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from core.draft.edits import Edit, SetValue

MERGE_SECONDS = 2.0


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

    def absorb(self, edit: Edit) -> bool:
        """Take the next keystrokes' ``edit`` into this step (same field, typed within
        ``MERGE_SECONDS`` of the last); the caller applies it. False: it is a step of its own."""
        mine = self.edit
        if not isinstance(mine, SetValue) or not isinstance(edit, SetValue) or edit.place != mine.place:
            return False
        if mine.place.field == "tables":
            return False  # a table cell or row is edited as a whole: each is its own step
        now = time.monotonic()
        if now - self._last_edit > MERGE_SECONDS:
            return False
        self.edit = SetValue(mine.place, mine.old, edit.new)
        self._inverse = SetValue(mine.place, edit.new, mine.old)
        self._last_edit = now
        return True

    def changes_nothing(self) -> bool:
        """Something typed and deleted again: nothing to undo."""
        return isinstance(self.edit, SetValue) and self.edit.old == self.edit.new

    def redo(self) -> None:
        self._inverse = self._target.apply(self.edit)

    def undo(self) -> None:
        assert self._inverse is not None
        self.edit = self._target.apply(self._inverse)
