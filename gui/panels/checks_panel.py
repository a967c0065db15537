"""检查: the 公文 checks on the draft, with where, what and how to fix; click to jump.

The checks run when the clerk presses 检查 (or F7) and again a moment after each edit
while the panel is open; they take a few milliseconds on a real report.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.checks import CHECKS, Finding, run_checks
from core.text.textslots import describe_place
from gui import style
from gui.document import DraftDocument
from gui.panels.panel_base import Connections, Debounce, DocumentBound

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
RERUN_MS = 800


def finding_place(finding: Finding, full: bool = False) -> str:
    """Where, in words: "（二）持之以恒… 正文第1段第7字" (the whole path with ``full``);
    report-level text says so ("报告开头第1段第3字")."""
    if not finding.section_id:
        return f"报告{finding.place}"
    if full:
        return finding.place
    own = finding.path.split(" / ")[-1]  # the section itself; its parents are in the tooltip
    return describe_place(own, finding.section_id, finding.field, finding.index, finding.start)


def finding_text(finding: Finding) -> str:
    """A row of the list: what, how to fix, where — on lines of their own, for a narrow panel."""
    return f"{finding.message}\n建议：{finding.suggestion}\n位置：{finding_place(finding)}"


class ChecksPanel(DocumentBound, QWidget):
    jumpRequested = Signal(str, str, int, int, int)  # section id, field, index, start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: DraftDocument | None = None
        self.findings: list[Finding] = []

        self.run_button = QPushButton("检查")
        self.run_button.setObjectName("runChecks")
        self.run_button.setToolTip("检查序号、标点、引号括号、重复字、年份日期、占位符和长句（F7）")
        self.run_button.clicked.connect(self.run_now)
        self.check_combo = QComboBox()
        self.check_combo.setObjectName("checkFilter")
        self.check_combo.activated.connect(lambda _i: self._fill())
        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.check_combo, 1)
        self.summary_label = style.caption(QLabel())
        self.summary_label.setObjectName("checksSummary")
        self.summary_label.setWordWrap(True)

        self.tree = QTreeWidget()
        self.tree.setObjectName("checksTree")
        self.tree.setColumnCount(1)
        self.tree.setHeaderLabels(["问题、建议和位置（点击定位到原文）"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tree.itemClicked.connect(self._item_clicked)
        self.tree.itemActivated.connect(self._item_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tree, 1)

        self._updates = Debounce(self, RERUN_MS, self.run_now, only_when_shown=True)
        self.run_now()

    def document_connections(self, doc: DraftDocument) -> Connections:
        return [(doc.changed, self._updates.schedule)]

    def document_set(self) -> None:
        self.run_now()

    def run_now(self) -> None:
        self._updates.done()
        self.findings = run_checks(self._doc.report) if self._doc is not None else []
        counts = Counter(f.check for f in self.findings)
        chosen = self.check_combo.currentData()
        self.check_combo.clear()
        self.check_combo.addItem(f"全部检查项（{len(self.findings)}）", "")
        for name, check in CHECKS.items():
            if counts[name]:
                self.check_combo.addItem(f"{check.label}（{counts[name]}）", name)
        at = self.check_combo.findData(chosen) if chosen else 0
        self.check_combo.setCurrentIndex(max(at, 0))
        if self._doc is None:
            self.summary_label.setText("尚未打开报告。")
        elif not self.findings:
            self.summary_label.setText("没有发现问题。")
        else:
            self.summary_label.setText(f"发现 {len(self.findings)} 处可能的问题，点击一行定位到原文。")
        self._fill()

    def visible_findings(self) -> list[Finding]:
        name = self.check_combo.currentData() or ""
        return [f for f in self.findings if not name or f.check == name]

    def _fill(self) -> None:
        current = self.tree.currentItem()
        current_id = current.data(0, FINDING_ROLE) if current is not None else None
        scroll = self.tree.verticalScrollBar().value()
        self.tree.clear()
        for finding in self.visible_findings():
            item = QTreeWidgetItem([finding_text(finding)])
            item.setData(0, FINDING_ROLE, finding.id)
            item.setToolTip(
                0, f"{finding.label}：{finding.message}\n建议：{finding.suggestion}\n位置：{finding_place(finding, True)}"
            )
            self.tree.addTopLevelItem(item)
            if finding.id == current_id:
                self.tree.setCurrentItem(item)
        self.tree.verticalScrollBar().setValue(scroll)

    def item_for(self, finding_id: str) -> QTreeWidgetItem | None:
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item.data(0, FINDING_ROLE) == finding_id:
                return item
        return None

    def _item_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding_id = item.data(0, FINDING_ROLE)
        finding = next((f for f in self.findings if f.id == finding_id), None)
        if finding is not None:
            self.jumpRequested.emit(finding.section_id, finding.field, finding.index, finding.start, finding.end)

