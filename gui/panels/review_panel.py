"""The 审阅 panel: a reviewed copy's changes grouped by section, with the reviewer's name;
接受 / 拒绝 one by one, 全部接受; comments listed as notes with a 已处理 box; a conflict (the
same words changed by the clerk since the export) shown with both versions side by side, for
the clerk to keep theirs, take the leader's or keep both."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.review.apply import CONFLICT_CHOICES, KEEP_BOTH, TAKE_CLERK, TAKE_LEADER
from core.review.changes import ReviewChange
from gui.flow_layout import FlowLayout
from gui.review_session import DECISION_LABELS, PENDING, ReviewSession
from gui.rows import tree_row

ID_ROLE = Qt.ItemDataRole.UserRole
# Each state in its own colour as well as in words: 待定 as text is, 已接受 green, 已拒绝 and
# 不再适用 grey, 冲突 orange (the clerk must choose).
STATE_COLOURS = {"已接受": "#2e7d32", "已拒绝": "#8a8a8a", "不再适用": "#8a8a8a", "冲突": "#c55a00"}


CANNOT_ACCEPT = "这处原文在草稿中已经改动，无法接受这条修改：可以“拒绝”，或在正文中照着手工修改。"
CANNOT_CHOOSE = "冲突处的文字在草稿中又改过了，无法替换：请在正文中照着手工修改，或选“保留拟稿人的”。"
# The changed words in each version, marked as the editor's review marks mark insertions.
_CHANGED = '<span style="color:#1d4ed8;text-decoration:underline;">{}</span>'


def version_html(before: str, changed: str, after: str) -> str:
    """One side of a conflict: its words (underlined) with the unchanged text around them."""
    words = _CHANGED.format(html.escape(changed)) if changed else '<span style="color:#8a8a8a">（删去）</span>'
    return f"…{html.escape(before)}{words}{html.escape(after)}…"


class ConflictBox(QGroupBox):
    """The clerk's and the leader's version of the words both changed, side by side, and the
    three ways to settle it."""

    chosen = Signal(str)  # TAKE_CLERK, TAKE_LEADER or KEEP_BOTH

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("冲突：导出后拟稿人和审阅人改了同一处，请选定", parent)
        self.setObjectName("reviewConflict")
        self.clerk_text = QLabel()
        self.leader_text = QLabel()
        grid = QGridLayout(self)
        for column, (title, label) in enumerate((("拟稿人（草稿现为）", self.clerk_text),
                                                 ("审阅人（审阅稿改为）", self.leader_text))):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(QLabel(title), 0, column)
            grid.addWidget(label, 1, column)
        self.buttons: dict[str, QPushButton] = {}
        row = QWidget()
        wrapping = FlowLayout(row)  # the buttons wrap in a narrow dock instead of widening it
        for choice in (TAKE_CLERK, TAKE_LEADER, KEEP_BOTH):
            button = QPushButton(CONFLICT_CHOICES[choice])
            button.clicked.connect(lambda _checked=False, c=choice: self.chosen.emit(c))
            self.buttons[choice] = button
            wrapping.addWidget(button)
        self.buttons[KEEP_BOTH].setToolTip("先拟稿人的、后审阅人的，都放进草稿，再手工合并")
        grid.addWidget(row, 2, 0, 1, 2)
        self.hide()

    def show_change(self, change: ReviewChange | None) -> None:
        if change is not None:
            self.clerk_text.setText(version_html(change.before, change.draft_text, change.after))
            self.leader_text.setText(version_html(change.before, change.leader_text, change.after))
        self.setVisible(change is not None)


class ReviewPanel(QWidget):
    tableRequested = Signal()  # 导出修改对照表…
    message = Signal(str)  # for the status bar
    jumpRequested = Signal(str)  # a change's id: show its text in the editor

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: ReviewSession | None = None
        self.summary = QLabel("尚未导入审阅稿。请用 文件 ▸ 导入审阅稿…")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["改动", "审阅人", "状态"])
        self.tree.setColumnWidth(0, 310)
        self.tree.setColumnWidth(1, 64)
        self.tree.setWordWrap(True)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.itemClicked.connect(self._item_clicked)
        self.accept_button = QPushButton("接受")
        self.reject_button = QPushButton("拒绝")
        self.accept_all_button = QPushButton("全部接受")
        self.accept_button.clicked.connect(lambda: self._decide(accept=True))
        self.reject_button.clicked.connect(lambda: self._decide(accept=False))
        self.accept_all_button.clicked.connect(self.accept_all)
        self.table_button = QPushButton("导出修改对照表…")
        self.table_button.setToolTip("把全部改动列成 原文 / 修改后 / 审阅人 的 Word 表格")
        self.table_button.clicked.connect(self.tableRequested)
        buttons = QWidget()
        wrapping = FlowLayout(buttons)  # wraps in a narrow dock: the panel never widens the window
        for button in (self.accept_button, self.reject_button, self.accept_all_button, self.table_button):
            wrapping.addWidget(button)
        self.progress = QLabel()
        self.progress.setWordWrap(True)
        self.progress.setObjectName("reviewProgress")
        self.conflict = ConflictBox()
        self.conflict.chosen.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.conflict)
        layout.addWidget(buttons)
        self._filling = False
        self._update_buttons()

    def show_session(self, session: ReviewSession | None) -> None:
        if self.session is not None and self.session is not session:
            self.session.decisionsChanged.disconnect(self._refresh_states)
            self.session.close()
        self.session = session
        if session is not None:
            session.decisionsChanged.connect(self._refresh_states)
        self._fill()

    def _fill(self) -> None:
        self._filling = True
        self.tree.clear()
        session = self.session
        if session is None:
            self.summary.setText("尚未导入审阅稿。请用 文件 ▸ 导入审阅稿…")
            self.progress.setText("")  # nothing of another draft's review stays
        else:
            result = session.result
            # Changes decided already (an import again) count as decided, not as 不再适用.
            stale = sum(1 for c in result.changes if not c.applicable and not c.conflict and not session.decided(c))
            conflicts = sum(1 for c in result.changes if c.conflict)
            people = "、".join(result.authors) or "未署名"
            against = "导出时的版本" if result.three_way else "草稿"
            clash = f"，{conflicts} 处与导出后的改动冲突" if conflicts else ""
            self.summary.setText(
                f"审阅稿“{session.file_name}”（{people}）：{len(result.changes)} 处改动和批注，"
                f"{stale} 处不再适用{clash}；{round(result.rate * 100)}% 的段落与{against}对应。"
                + (f"\n{result.note}" if result.note else "")
            )
            groups: dict[str, QTreeWidgetItem] = {}
            for change in result.changes:
                group_name = change.place.split(" ")[0] if change.section_id else "报告信息"
                group = groups.get(group_name)
                if group is None:
                    group = tree_row([group_name, "", ""], self.tree)
                    group.setFirstColumnSpanned(True)
                    groups[group_name] = group
                item = tree_row([f"{change.kind}：{change.content}", change.author or "未署名", ""], group)
                item.setData(0, ID_ROLE, change.id)
                item.setData(
                    0, Qt.ItemDataRole.ToolTipRole, f"{change.place}\n{change.content}" + (f"\n{change.reason}" if change.reason else "")
                )
                if change.is_comment:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            self.tree.expandAll()
            self._refresh_states()
        self._filling = False
        self._update_buttons()

    def _items(self) -> list[QTreeWidgetItem]:
        out = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            out += [group.child(k) for k in range(group.childCount())]
        return out

    def item_for(self, change_id: str) -> QTreeWidgetItem | None:
        return next((item for item in self._items() if item.data(0, ID_ROLE) == change_id), None)

    def _refresh_states(self) -> None:
        session = self.session
        if session is None:
            return
        self._filling = True
        record = session.record
        self.progress.setText(record.label if record is not None else "")
        for item in self._items():
            change = session.changes[item.data(0, ID_ROLE)]
            item.setData(2, Qt.ItemDataRole.DisplayRole, self._state_text(change))
            if change.is_comment:
                handled = session.handled(change.id)
                item.setData(0, Qt.ItemDataRole.CheckStateRole, Qt.CheckState.Checked if handled else Qt.CheckState.Unchecked)
            colour = STATE_COLOURS.get(item.text(2).split("·")[0])
            for column in range(3):
                item.setData(column, Qt.ItemDataRole.ForegroundRole, QBrush(QColor(colour)) if colour else None)
        self._filling = False
        self._update_buttons()

    def _state_text(self, change: ReviewChange) -> str:
        assert self.session is not None
        decision = self.session.decision(change.id)
        if decision == PENDING and change.conflict:
            return "冲突"
        if decision == PENDING and not change.applicable:
            return "不再适用"
        state = DECISION_LABELS[decision]
        if self.session.handled(change.id):
            state += "·已处理"
        return state

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or self.session is None or column != 0:
            return
        change_id = item.data(0, ID_ROLE)
        if change_id and self.session.changes[change_id].is_comment:
            self.session.set_handled(change_id, item.checkState(0) == Qt.CheckState.Checked)
            self._refresh_states()  # a box that could not be ticked (a rejected comment) goes back

    def _item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        change_id = item.data(0, ID_ROLE)
        if change_id:
            self.jumpRequested.emit(change_id)

    def selected_ids(self) -> list[str]:
        return [i.data(0, ID_ROLE) for i in self.tree.selectedItems() if i.data(0, ID_ROLE)]

    def _decide(self, accept: bool) -> None:
        if self.session is None:
            return
        ids = self.selected_ids()
        if accept:
            if not self.session.accept(ids):
                self.message.emit(CANNOT_ACCEPT)
        else:
            self.session.reject(ids)

    def selected_conflict(self) -> ReviewChange | None:
        """The one selected change, when it is a conflict still to settle."""
        ids = self.selected_ids()
        if self.session is None or len(ids) != 1:
            return None
        change = self.session.changes[ids[0]]
        return change if self.session.choosable(change) else None

    def _choose(self, choice: str) -> None:
        change = self.selected_conflict()
        if change is not None and not self.session.choose(change.id, choice):  # type: ignore[union-attr]
            self.message.emit(CANNOT_CHOOSE)

    def accept_all(self) -> None:
        if self.session is not None:
            self.session.accept([c.id for c in self.session.pending()])

    def _update_buttons(self) -> None:
        session = self.session
        pending = (
            [
                i
                for i in self.selected_ids()
                if session.applicable(session.changes[i])
            ]
            if session is not None
            else []
        )
        self.accept_button.setEnabled(bool(pending))
        self.reject_button.setEnabled(bool(pending))
        self.accept_all_button.setEnabled(session is not None and bool(session.pending()))
        self.conflict.show_change(self.selected_conflict())
        self.table_button.setEnabled(session is not None and bool(session.result.changes))
