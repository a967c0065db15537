"""Shown before an export when something is still open (see core.checks.preflight).

The clerk can click an item to go to its place (the export stops there), export anyway,
or cancel.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.checks.preflight import OpenItem, summary
from gui.rows import list_row
from gui.window_state import fit_dialog

EXPORT, JUMP, CANCEL = "export", "jump", "cancel"


class PreflightDialog(QDialog):
    def __init__(self, items: list[OpenItem], parent: QWidget | None = None, note: str = "") -> None:
        """``note``: the 校对 count (core.checks.preflight.proofreading_note), shown beside the list."""
        super().__init__(parent)
        self.setWindowTitle("导出前检查")
        self.choice = CANCEL
        self.target: OpenItem | None = None
        extra = f"\n{note}" if note else ""
        intro = QLabel(f"{summary(items)}\n单击一项可转到相应位置修改；也可以仍然导出，稍后再改。{extra}")
        intro.setObjectName("preflightIntro")
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("preflightList")
        self.list.setWordWrap(True)  # a long heading path must not hide what was found
        for open_item in items:
            # What was found first, where second: rows of one long section look alike by place.
            row = list_row(self.list, f"【{open_item.label}】{open_item.message}\n　　位置：{open_item.place}")
            row.setData(Qt.ItemDataRole.UserRole, open_item)
            row.setData(Qt.ItemDataRole.ToolTipRole, f"{open_item.message}\n位置：{open_item.place}")
        self.list.itemClicked.connect(self._jump)

        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton("仍然导出", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(self._export)
        self.cancel_button.clicked.connect(self.reject)
        self.cancel_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        fit_dialog(self, 640, 360)

    def _jump(self, row: QListWidgetItem) -> None:
        self.target = row.data(Qt.ItemDataRole.UserRole)
        self.choice = JUMP
        self.accept()

    def _export(self) -> None:
        self.choice = EXPORT
        self.accept()
