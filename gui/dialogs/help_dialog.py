"""帮助: the user guide (offline, from resources/help), the shortcut list and 关于."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from core.base.version import app_version
from core.text.language import RESOURCES_DIR
from gui.window_state import fit_dialog

GUIDE_FILE = RESOURCES_DIR / "help" / "guide.md"


def guide_markdown() -> str:
    try:
        return GUIDE_FILE.read_text(encoding="utf-8")
    except OSError:
        return "# 使用指南\n\n找不到使用指南文件，请重新安装报告起草助手。"


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(what, key) for every action that has a shortcut: its first key, as its menu shows it."""
    rows = []
    for action in actions:
        if action.shortcuts():
            key = action.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText)
            rows.append((action.text().replace("&", "").split("\t")[0], key))
    return sorted(set(rows), key=rows.index)


def shortcuts_markdown(actions: list[QAction]) -> str:
    lines = ["# 快捷键", "", "| 操作 | 快捷键 |", "|---|---|"]
    lines += [f"| {what} | {keys} |" for what, keys in shortcut_rows(actions)]
    return "\n".join(lines) + "\n"


def about_text() -> str:
    return (
        f"报告起草助手 {app_version()}\n\n"
        "选择报告类型，导入上年报告作参考，逐节起草，导出符合 GB/T 9704-2012 的 Word 文档。\n"
        "完全离线运行；输入的内容 1 秒内记入磁盘，意外关闭后下次启动可以恢复。"
    )


class HelpDialog(QDialog):
    """A Markdown page in a browser window (使用指南 or 快捷键)."""

    def __init__(self, title: str, markdown: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)  # offline: nothing here leaves the machine
        self.browser.setMarkdown(markdown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        fit_dialog(self, 760, 640)
