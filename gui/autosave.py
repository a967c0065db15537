"""Never lose typing: the edit journal within a second of each edit, and an autosave of
the whole draft a few seconds after the clerk pauses (which empties the journal).

The journal timer is *not* restarted by further edits, so during continuous typing the
journal is still written every :data:`JOURNAL_INTERVAL_MS`. It follows the document's edits
(core.draft.edits, as the undo stack applies them) and writes what they touched: one
section's own text, the report fields, or after a structural edit the whole draft. It
records those parts as they stand rather than the edits themselves, so a replay never
depends on an edit meeting exactly the draft it was made on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from core.base.errors import SaveFailed
from core.draft.edits import REPORT, Edit, touched_section
from core.draft.journal import full_record, report_record, section_record

if TYPE_CHECKING:
    from core.draft.session import Session
    from gui.document import DraftDocument

JOURNAL_INTERVAL_MS = 250  # well inside the promise of one second, even with a slow disk
COMPACT_JOURNAL_BYTES = 4 * 1024 * 1024  # then the autosave takes over even while typing


class AutosaveController(QObject):
    saved = Signal(str)  # autosave file
    failed = Signal(str)  # Chinese message
    aboutToWrite = Signal()  # before a write: an open item editor hands in its text first

    def __init__(self, session: Session, delay_seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._doc: DraftDocument | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(delay_seconds * 1000))
        self._timer.timeout.connect(self.flush)
        self._journal_timer = QTimer(self)
        self._journal_timer.setSingleShot(True)
        self._journal_timer.setInterval(JOURNAL_INTERVAL_MS)
        self._journal_timer.timeout.connect(self.write_journal)
        self._pending = False
        self._dirty_sections: set[str] = set()
        self._dirty_report = False
        self._dirty_all = False
        self._said_what = False  # the edit named what it changed before `changed` came

    def watch(self, doc: DraftDocument | None) -> None:
        if self._doc is not None:
            self._doc.changed.disconnect(self._edited)
            self._doc.edited.disconnect(self._note_edit)
        self._doc = doc
        self._timer.stop()
        self._journal_timer.stop()
        self._pending = False
        self._clear_dirty()
        if doc is not None:
            self.session.start_journal(doc.path, doc.report.title)
            doc.edited.connect(self._note_edit)
            doc.changed.connect(self._edited)

    def _clear_dirty(self) -> None:
        self._dirty_sections.clear()
        self._dirty_report = self._dirty_all = self._said_what = False

    def _note_edit(self, edit: Edit) -> None:
        touched = touched_section(edit)
        if touched is None:
            self._dirty_all = True
        elif touched == REPORT:
            self._dirty_report = True
        else:
            self._dirty_sections.add(touched)
        self._said_what = True

    def _edited(self) -> None:
        if not self._said_what:
            self._dirty_all = True  # an edit that did not say what it changed: write it all
        self._said_what = False
        self._pending = True
        self._timer.start()  # restarted by every edit: saves once the clerk pauses
        if not self._journal_timer.isActive():
            self._journal_timer.start()  # not restarted: continuous typing is written too

    def is_pending(self) -> bool:
        return self._pending

    def write_journal(self) -> bool:
        """Append what changed since the last write to the journal. False if writing failed."""
        if not self._append_journal():
            return False
        if self.session.journal_size() > COMPACT_JOURNAL_BYTES:
            return self.flush()
        return True

    def _append_journal(self) -> bool:
        self.aboutToWrite.emit()
        self._journal_timer.stop()
        if self._doc is None:
            return True
        report = self._doc.report
        if self._dirty_all:
            records = [full_record(report)]
        else:
            records = [report_record(report)] if self._dirty_report else []
            for section_id in sorted(self._dirty_sections):
                section = report.find(section_id)
                if section is not None:
                    records.append(section_record(section))
        self._clear_dirty()
        try:
            self.session.journal(records)
        except SaveFailed as exc:
            self._dirty_all = True  # try again with everything next time
            self.failed.emit(f"自动保存失败：{exc}")
            return False
        return True

    def flush(self) -> bool:
        """Write the whole draft now (also used before an error dialog). False if writing failed."""
        self.aboutToWrite.emit()
        self._timer.stop()
        self._journal_timer.stop()
        if self._doc is None:
            return True
        try:
            file = self.session.autosave(self._doc.report, self._doc.path)
        except SaveFailed as exc:
            self.failed.emit(f"自动保存失败：{exc}")
            self._append_journal()  # the edits since the last write still reach the journal
            return False
        self._clear_dirty()
        self._pending = False
        self.saved.emit(str(file))
        return True

    def forget(self) -> None:
        """The draft is safe (saved or deliberately discarded): drop the autosave and journal."""
        self._timer.stop()
        self._journal_timer.stop()
        self._pending = False
        self._clear_dirty()
        self.session.discard_autosave()
