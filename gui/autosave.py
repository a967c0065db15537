"""Autosave a few seconds after the last edit, into the per-user data folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from core.base.errors import SaveFailed

if TYPE_CHECKING:
    from core.draft.session import Session
    from gui.document import DraftDocument


class AutosaveController(QObject):
    saved = Signal(str)  # autosave file
    failed = Signal(str)  # Chinese message

    def __init__(self, session: Session, delay_seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._doc: DraftDocument | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(delay_seconds * 1000))
        self._timer.timeout.connect(self.flush)
        self._pending = False

    def watch(self, doc: DraftDocument | None) -> None:
        if self._doc is not None:
            self._doc.changed.disconnect(self._edited)
        self._doc = doc
        self._timer.stop()
        self._pending = False
        if doc is not None:
            doc.changed.connect(self._edited)

    def _edited(self) -> None:
        self._pending = True
        self._timer.start()  # restarted by every edit: saves once the clerk pauses

    def is_pending(self) -> bool:
        return self._pending

    def flush(self) -> bool:
        """Write now (also used before an error dialog). False if writing failed."""
        self._timer.stop()
        if self._doc is None:
            return True
        try:
            file = self.session.autosave(self._doc.report, self._doc.path)
        except SaveFailed as exc:
            self.failed.emit(f"自动保存失败：{exc}")
            return False
        self._pending = False
        self.saved.emit(str(file))
        return True

    def forget(self) -> None:
        """The draft is safe (saved or deliberately discarded): drop the autosave."""
        self._timer.stop()
        self._pending = False
        self.session.discard_autosave()
