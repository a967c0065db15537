"""The questions the app asks, each one function (so tests can answer them without a modal loop).

QMessageBox is imported inside each function: it is not needed until a question is asked,
and its type costs a few milliseconds at start.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from gui.dialogs.modal import used_once

if TYPE_CHECKING:
    from core.draft.session import LockInfo

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
APP_TITLE = "报告起草助手"


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    from PySide6.QtWidgets import QMessageBox

    with used_once(QMessageBox(parent)) as box:
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

    with used_once(QMessageBox(parent)) as box:
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
    from core.render import backup_path
    from core.render.previous_copy import review_marks

    marks = review_marks(path) if path.suffix.lower() == ".docx" else ""
    if marks:  # likely the leader's reviewed copy, returned under the exported name
        return _confirm(
            parent,
            f"“{path.name}”含有{marks}，可能是领导的审阅稿。",
            f"替换后它保留为“{backup_path(path).name}”。如要把审阅意见合入草稿，请取消，"
            "再用“文件 ▸ 导入审阅稿…”导入它。仍要替换吗？",
            "替换",
            warning=True,
            default_accept=False,
        )
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


OVERWRITE, SAVE_AS = "overwrite", "save_as"


def holder_text(holder: LockInfo) -> str:
    """Who has a draft open, as the clerk can recognise it."""
    since = holder.since.replace("T", " ")[:16]
    where = f"计算机“{holder.host}”上" if holder.host else ""
    who = f"{where}的另一个报告起草助手窗口（进程号 {holder.pid}）" if holder.pid else "另一个报告起草助手窗口"
    return f"{who}，自 {since} 起" if since else who


def tell_locked(parent: QWidget | None, path: Path, holder: LockInfo) -> None:
    """Another window took the draft first: this one may read and edit, but is told who writes."""
    warn(
        parent,
        "草稿已被另一个窗口打开",
        f"“{path.name}”正由{holder_text(holder)}编辑。\n\n"
        "本窗口中的修改在保存前会检查文件是否已被那个窗口改过，不会悄悄覆盖它的内容。",
    )


def ask_changed_on_disk(parent: QWidget | None, path: Path) -> str:
    """The draft file changed since it was opened or saved here: OVERWRITE, SAVE_AS or CANCEL."""
    from PySide6.QtWidgets import QMessageBox

    with used_once(QMessageBox(parent)) as box:
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(APP_TITLE)
        box.setText(f"“{path.name}”在本窗口打开之后，已被其他窗口或程序修改过。")
        box.setInformativeText(
            "覆盖：用本窗口的内容替换它（那边的修改会丢失，但仍可在“历史版本”和 .bak 备份中找到）。\n"
            "另存为：把本窗口的内容存成另一个文件，两边的内容都保留。"
        )
        overwrite = box.addButton("覆盖", QMessageBox.ButtonRole.DestructiveRole)
        save_as = box.addButton("另存为…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save_as)
        box.exec()
        clicked = box.clickedButton()
        return OVERWRITE if clicked is overwrite else SAVE_AS if clicked is save_as else CANCEL


def ask_delete_section(parent: QWidget | None, heading: str, chars: int) -> bool:
    """删除标题 on a part that holds text: the whole part goes (its text and sub-headings)."""
    name = f"“{heading}”" if heading.strip() else "这个无标题的部分"
    return _confirm(
        parent,
        f"删除{name}及其下的全部内容？",
        f"这一部分连同正文和下级标题共 {chars} 字会一起删除（可以用“撤销”（Ctrl+Z）找回）。",
        "删除",
        warning=True,
        default_accept=False,
    )


def ask_replace_attachment(parent: QWidget | None, name: str, file_name: str) -> bool:
    """从文件导入附件 found a part of the same name: replace it with the file's?"""
    return _confirm(
        parent,
        f"已有附件“{name}”，用“{file_name}”中的内容替换它吗？",
        "替换后，原来这份附件中的文字（包括您改过的地方）由文件中的内容代替，可以用“撤销”（Ctrl+Z）找回。",
        "替换",
        warning=True,
        default_accept=False,
    )


def ask_remove_from_library(parent: QWidget | None, count: int) -> bool:
    return _confirm(
        parent,
        f"从资料库中移除选中的 {count} 份文档？",
        "只移除资料库中的副本，您电脑上的原文件不受影响。",
        "移除",
        warning=True,
        default_accept=False,
    )


def ask_switch_font_scheme(parent: QWidget | None, current: str, suggested: str) -> bool:
    return _confirm(
        parent,
        f"本机缺少“{current}”方案的字体，改用“{suggested}”吗？",
        "字体方案决定导出的 Word 文档用哪些字体（可随时在预览上方更改）。"
        "不改也可以：文档照常按原方案写入，在装有这些字体的电脑上显示正确。",
        "改用",
        warning=False,
        default_accept=True,
    )
