"""查找和替换 (Ctrl+F / Ctrl+H) across the whole draft: count, next/previous, replace one or all.

The finding and replacing are core.text.find's; this dialog shows the count, asks the window
to select each match in its field, and turns replacements into undoable edits (全部替换 is
one undo step). Ctrl+Z / Ctrl+Y here are the window's 撤销/重做 of the draft, as the dialog
promises after 全部替换 — its two text fields keep no history of their own.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.draft.edits import Place
from core.text.find import (
    MAX_QUERY_LENGTH,
    Match,
    find_all,
    next_after_replacing,
    replaced_text,
    replacements,
)
from gui import style
from gui.document import DraftDocument
from gui.editor.widgets import route_undo_keys

JumpTo = Callable[[Place], None]


class FindReplaceDialog(QDialog):
    def __init__(
        self, jump_to: JumpTo, parent: QWidget | None = None, history: tuple[QAction, QAction] | None = None
    ) -> None:
        """``history``: the window's 撤销 and 重做 actions, whose keys then work here too."""
        super().__init__(parent)
        self.setWindowTitle("查找和替换")
        self.setModal(False)
        self._jump_to = jump_to
        self._doc: DraftDocument | None = None
        self.matches: list[Match] = []
        self.current = -1

        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("findText")
        self.find_edit.setMaxLength(MAX_QUERY_LENGTH)
        self.find_edit.setPlaceholderText("要查找的文字，如：2022年")
        self.replace_edit = QLineEdit()
        self.replace_edit.setObjectName("replaceText")
        self.replace_edit.setPlaceholderText("替换为，如：2023年")
        # The right-click menus of the two fields (gui.editor.widgets) look these up.
        self.undo_action, self.redo_action = history if history is not None else (None, None)
        if history is not None:
            self.addActions(list(history))  # their shortcuts now also work while this dialog is active
        for edit in (self.find_edit, self.replace_edit):
            route_undo_keys(edit)
        self.whole_word_box = QCheckBox("全词匹配（按词语切分，“人才”不匹配“人才库”）")
        self.count_label = style.caption(QLabel())
        self.count_label.setObjectName("findCount")
        self.count_label.setWordWrap(True)

        self.previous_button = QPushButton("上一个")
        self.next_button = QPushButton("下一个")
        self.replace_button = QPushButton("替换")
        self.replace_all_button = QPushButton("全部替换")
        self.next_button.setDefault(True)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_everything)
        self.find_edit.textChanged.connect(lambda _t: self.refresh())
        self.whole_word_box.toggled.connect(lambda _on: self.refresh())

        form = QFormLayout()
        form.addRow("查找：", self.find_edit)
        form.addRow("替换为：", self.replace_edit)
        buttons = QHBoxLayout()
        for button in (self.previous_button, self.next_button, self.replace_button, self.replace_all_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.whole_word_box)
        layout.addWidget(self.count_label)
        layout.addLayout(buttons)
        self.refresh()

    def set_document(self, doc: DraftDocument | None) -> None:
        if self._doc is not None:
            self._doc.changed.disconnect(self._draft_changed)
        self._doc = doc
        if doc is not None:
            doc.changed.connect(self._draft_changed)
        self.refresh()

    def show_for(self, replace: bool) -> None:
        """Open (or bring back) the dialog; Ctrl+H puts the cursor in 替换为 when 查找 is filled."""
        self.show()
        self.raise_()
        self.activateWindow()
        target = self.replace_edit if replace and self.find_edit.text() else self.find_edit
        target.setFocus()
        target.selectAll()

    def _draft_changed(self) -> None:
        if self.isVisible():
            self.refresh(keep_position=True)

    def refresh(self, keep_position: bool = False) -> None:
        query = self.find_edit.text()
        report = self._doc.report if self._doc is not None else None
        self.matches = find_all(report, query, self.whole_word_box.isChecked()) if report else []
        if not keep_position or self.current >= len(self.matches):
            self.current = -1
        has = bool(self.matches)
        for button in (self.previous_button, self.next_button, self.replace_button, self.replace_all_button):
            button.setEnabled(has)
        if self._doc is None:
            self.count_label.setText("尚未打开报告。")
        elif not query:
            self.count_label.setText("输入要查找的文字。")
        elif not has:
            self.count_label.setText("全文没有找到。")
        else:
            at = f"第 {self.current + 1} 处，" if self.current >= 0 else ""
            self.count_label.setText(f"{at}共 {len(self.matches)} 处（标题、正文、要点和报告信息）。")

    def step(self, direction: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + direction) % len(self.matches)
        match = self.matches[self.current]
        self._jump_to(match.address)
        self.refresh(keep_position=True)

    def replace_current(self) -> None:
        """Replace the selected match (or go to the first one), then move to the next."""
        if self._doc is None or not self.matches:
            return
        if self.current < 0:
            self.step(1)
            return
        before, replaced, replacement = list(self.matches), self.current, self.replace_edit.text()
        match = before[replaced]
        new = replaced_text(self._doc.report, match, replacement)
        if new is not None:
            self._doc.set_slot_texts({(match.section_id, match.field, match.index): new}, "替换")
        self.refresh()  # found again in the changed text
        following = next_after_replacing(before, replaced, self.matches, replacement if new is not None else match.text)
        if following >= 0:
            self.current = following - 1
            self.step(1)

    def replace_everything(self) -> int:
        """Every match replaced as one undo step; returns how many."""
        if self._doc is None or not self.matches:
            return 0
        query, replacement = self.find_edit.text(), self.replace_edit.text()
        texts, count = replacements(self._doc.report, query, replacement, self.whole_word_box.isChecked())
        self._doc.set_slot_texts(texts, f"全部替换“{query}”")
        self.refresh()
        self.count_label.setText(f"已替换 {count} 处（可撤销，Ctrl+Z 一步恢复）。")
        return count
