"""Offered at start when a previous session ended without closing (crash, kill, power cut)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from core.draft.session import Autosave
from gui.dialogs.modal import used_once
from gui.rows import list_row
from gui.window_state import fit_dialog

RECOVER, DISCARD, LATER = "recover", "discard", "later"


def _when(saved_at: str) -> str:
    date, _, time = saved_at.partition("T")
    try:
        year, month, day = (int(x) for x in date.split("-"))
    except ValueError:
        return saved_at
    return f"{year}年{month}月{day}日 {time[:5]}"


class RecoveryDialog(QDialog):
    def __init__(self, autosaves: list[Autosave], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("恢复草稿")
        self.choice = LATER
        intro = QLabel(
            "报告起草助手上次没有正常关闭。以下草稿有自动保存的内容，可能包含尚未保存的修改："
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        for autosave in autosaves:
            item = list_row(self.list, f"{autosave.display_name}　　自动保存于 {_when(autosave.saved_at)}")
            item.setData(Qt.ItemDataRole.UserRole, autosave)
            tip = autosave.draft_path or "（尚未保存过的新报告）"
            item.setData(Qt.ItemDataRole.ToolTipRole, tip)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self._finish(RECOVER))

        buttons = QDialogButtonBox()
        recover = buttons.addButton("恢复", QDialogButtonBox.ButtonRole.AcceptRole)
        discard = buttons.addButton("丢弃", QDialogButtonBox.ButtonRole.DestructiveRole)
        later = buttons.addButton("以后再说", QDialogButtonBox.ButtonRole.RejectRole)
        recover.clicked.connect(lambda: self._finish(RECOVER))
        discard.clicked.connect(lambda: self._finish(DISCARD))
        later.clicked.connect(lambda: self._finish(LATER))
        recover.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        fit_dialog(self, 520, 260)

    def _finish(self, choice: str) -> None:
        self.choice = choice
        self.accept() if choice != LATER else self.reject()

    def selected(self) -> Autosave | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    @staticmethod
    def ask(parent: QWidget | None, autosaves: list[Autosave]) -> tuple[str, Autosave | None]:
        with used_once(RecoveryDialog(autosaves, parent)) as dialog:
            dialog.exec()
            return dialog.choice, dialog.selected()
