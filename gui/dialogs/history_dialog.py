"""文件 ▸ 历史版本…: the saved versions of the open draft, what differs from the current
text part by part, and restoring one as a single undoable step."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.base.errors import ReportError
from core.draft.edits import ReplaceDraft
from core.draft.history import Change, Version, compare, list_versions, version_events
from gui.rows import list_row
from gui.window_state import fit_dialog

if TYPE_CHECKING:
    from gui.document import DraftDocument

_KIND_LABELS = {"added": "新增", "removed": "删除", "changed": "修改"}


def restore_version(doc: DraftDocument, version: Version) -> None:
    """Raises ReportError when the version file cannot be read."""
    doc.push(ReplaceDraft(version.load()), f"恢复 {version.label} 的版本")


def changes_html(changes: list[Change]) -> str:
    if not changes:
        return "<p>这个版本与当前内容完全相同。</p>"
    parts = []
    for change in changes:
        parts.append(f"<h3>{html.escape(change.title)}（{_KIND_LABELS[change.kind]}）</h3>")
        for line in change.lines:
            text = html.escape(line[2:])
            if line.startswith("- "):
                parts.append(f'<p style="background:#fde2e2;color:#8a1c1c">− 历史版本：{text}</p>')
            elif line.startswith("+ "):
                parts.append(f'<p style="background:#ddf4dd;color:#1c5e1c">＋ 当前内容：{text}</p>')
            else:
                parts.append(f'<p style="color:#777">{text}</p>')
    return "\n".join(parts)


class HistoryDialog(QDialog):
    def __init__(self, doc: DraftDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert doc.path is not None
        self.doc = doc
        self.restored = False
        self.setWindowTitle(f"历史版本 — {doc.display_name}")
        self.versions = list_versions(doc.path)
        intro = QLabel("每次保存都会留下一个版本（最近 20 次，以及近 30 天里每天最后一次）。"
                       "选中一个版本，右边列出它与当前内容的不同之处。")
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        events = version_events(self.versions)
        for version in self.versions:
            item = list_row(self.list, "\n".join([version.label, *events.get(version.file, [])]))
            item.setData(Qt.ItemDataRole.UserRole, version)
        self.diff = QTextBrowser()
        self.list.currentRowChanged.connect(self._show)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.diff)
        splitter.setSizes([200, 560])

        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("恢复此版本", QDialogButtonBox.ButtonRole.AcceptRole)
        close = buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.restore_selected)
        close.clicked.connect(self.reject)
        self.note = QLabel("恢复后仍可用“撤销”（Ctrl+Z）回到恢复前的内容。")
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addLayout(row)
        fit_dialog(self, 820, 520)
        if self.versions:
            self.list.setCurrentRow(0)
        else:
            self.diff.setHtml("<p>这份草稿还没有历史版本：保存一次后就会有。</p>")
            self.restore_button.setEnabled(False)

    def selected(self) -> Version | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _show(self, _row: int) -> None:
        version = self.selected()
        if version is None:
            return
        try:
            self.diff.setHtml(changes_html(compare(version.load(), self.doc.report)))
            self.restore_button.setEnabled(True)
        except ReportError as exc:
            self.diff.setPlainText(f"这个版本无法读取：{exc}")
            self.restore_button.setEnabled(False)

    def restore_selected(self) -> bool:
        version = self.selected()
        if version is None:
            return False
        try:
            restore_version(self.doc, version)
        except ReportError as exc:
            self.diff.setPlainText(f"无法恢复：{exc}")
            return False
        self.restored = True
        self.accept()
        return True
