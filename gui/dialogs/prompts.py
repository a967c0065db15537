"""The questions the app asks, each one function (so tests can answer them without a modal loop).

QMessageBox is imported inside each function: it is not needed until a question is asked,
and its type costs a few milliseconds at start.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from core.draft.session import LockInfo

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
APP_TITLE = "报告起草助手"


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(APP_TITLE)
    box.setText(f"“{name}”有尚未保存的修改。")
    box.setInformativeText("要先保存吗？不保存的话，这些修改将会丢失。")
    save = box.addButton("保存", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("不保存", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return SAVE if clicked is save else DISCARD if clicked is discard else CANCEL


def _confirm(
    parent: QWidget | None, text: str, detail: str, accept: str, *, warning: bool, default_accept: bool
) -> bool:
    """A two-button question (``accept`` / 取消); True when the clerk chose ``accept``."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Question)
    box.setWindowTitle(APP_TITLE)
    box.setText(text)
    box.setInformativeText(detail)
    accepted = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(accepted if default_accept else cancel)
    box.exec()
    return box.clickedButton() is accepted


def ask_open_locked(parent: QWidget | None, path: Path, holder: LockInfo) -> bool:
    since = holder.since.replace("T", " ")
    return _confirm(
        parent,
        f"“{path.name}”已在另一个报告起草助手窗口中打开（自 {since} 起）。",
        "两个窗口同时编辑同一份草稿，后保存的会覆盖先保存的。建议切换到那个窗口继续编辑。",
        "仍然打开",
        warning=True,
        default_accept=False,
    )


def ask_overwrite(parent: QWidget | None, path: Path) -> bool:
    return _confirm(
        parent,
        f"“{path.name}”已经存在。",
        "要用新导出的文档替换它吗？",
        "替换",
        warning=False,
        default_accept=False,
    )


def ask_save_elsewhere(parent: QWidget | None, message: str) -> bool:
    """A save failed; offer to pick another file name."""
    return _confirm(
        parent,
        message,
        "草稿内容没有丢失。要换一个文件名或位置保存吗？",
        "另选位置…",
        warning=True,
        default_accept=True,
    )


def warn(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title, text)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, title, text)
