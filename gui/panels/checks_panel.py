"""检查: the 公文 checks on the draft, with where, what and how to fix; click to jump.

The checks run when the clerk presses 检查 (or F7) and again a moment after each edit
while the panel is open; they take a few milliseconds on a real report.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.checks import CHECKS, Finding, run_checks
from core.reuse.flags import FLAG_KIND_LABELS, FLAG_KINDS
from core.text.findings import fixed_text
from core.text.textslots import describe_place, section_paths, slot_text
from gui import style
from gui.document import DraftDocument
from gui.panels.finding_list import FindingList, fill_rule_filter
from gui.panels.panel_base import BackgroundJob, Connections, Debounce, DocumentBound

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


LISTED_ROLE = Qt.ItemDataRole.UserRole + 2


class ChecksPanel(DocumentBound, QWidget):
    jumpRequested = Signal(str, str, int, int, int)  # section id, field, index, start, end
    flagsRequested = Signal()  # the clerk wants the 待核实 list, where some findings already are

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
        self.fix_button = QPushButton("一键修正")
        self.fix_button.setObjectName("fixFinding")
        self.fix_button.setToolTip("把选中的问题按建议改正（半角标点、重复字、日期写法、发文字号括号等；可撤销）")
        self.fix_button.setEnabled(False)
        self.fix_button.clicked.connect(self.fix_selected)
        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.check_combo, 1)
        top.addWidget(self.fix_button)
        self.summary_label = style.caption(QLabel())
        self.summary_label.setObjectName("checksSummary")
        self.summary_label.setWordWrap(True)

        self.tree = FindingList(["问题、建议和位置（点击定位到原文）"])
        self.tree.setObjectName("checksTree")
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tree.jumpRequested.connect(self.jumpRequested)
        self.tree.currentItemChanged.connect(lambda *_: self._update_fix_button())
        self.tree.itemClicked.connect(self._summary_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tree, 1)

        # After a pause in typing the checks run on a worker thread (the work grows with the
        # draft); the list is rebuilt only when the findings changed.
        self._updates = Debounce(self, RERUN_MS, self._run_in_background, only_when_shown=True)
        self._background = BackgroundJob(self, self._found)
        self.run_now()

    def document_connections(self, doc: DraftDocument) -> Connections:
        return [(doc.changed, self._updates.schedule)]

    def document_set(self) -> None:
        self.run_now()

    def run_now(self) -> None:
        """Run the checks now (F7, opening a draft): on this thread, at once."""
        self._updates.done()
        self._background.cancel()
        self._show(run_checks(self._doc.report) if self._doc is not None else [])

    def _run_in_background(self) -> None:
        if self._doc is not None:
            copy = self._doc.snapshot()
            self._background.start(lambda: run_checks(copy))

    def _found(self, findings: object) -> None:
        if findings != self.findings:
            self._show(findings)  # type: ignore[arg-type]

    def _show(self, findings: list[Finding]) -> None:
        self.findings = findings
        fill_rule_filter(self.check_combo, self.findings, list(CHECKS), "全部检查项")
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
        paths = section_paths(self._doc.report) if self._doc is not None else {}
        shown = self.visible_findings()
        # What 待核实 already lists (placeholders) is one line per kind here, not one per spot.
        listed = Counter(f.rule for f in shown if f.rule in FLAG_KINDS)
        self.tree.fill([f for f in shown if f.rule not in FLAG_KINDS], paths, self._row)
        if listed:
            group = QTreeWidgetItem(["已列入“待核实”"])
            group.setFirstColumnSpanned(True)
            for rule, count in listed.items():
                row = QTreeWidgetItem([f"{FLAG_KIND_LABELS[rule]} {count} 处 → 见“待核实”"])
                row.setData(0, LISTED_ROLE, rule)
                row.setToolTip(0, "这些问题已在“待核实”中逐条列出，点击打开“待核实”。")
                group.addChild(row)
            self.tree.insertTopLevelItem(0, group)
            group.setExpanded(True)
        self._update_fix_button()

    def _summary_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        if item.data(0, LISTED_ROLE):
            self.flagsRequested.emit()

    def selected_finding(self) -> Finding | None:
        item = self.tree.currentItem()
        return self.tree.finding_of(item) if item is not None else None

    def _update_fix_button(self) -> None:
        finding = self.selected_finding()
        self.fix_button.setEnabled(finding is not None and finding.fix is not None)
        if finding is not None and finding.fix is not None:
            after = finding.fix or "（删去）"
            self.fix_button.setToolTip(f"把“{finding.text}”改为“{after}”（可撤销）")

    def fix_selected(self) -> bool:
        """Apply the selected finding's mechanical correction as one undoable edit."""
        finding = self.selected_finding()
        if self._doc is None or finding is None:
            return False
        address = (finding.section_id, finding.field, finding.index)
        new = fixed_text(slot_text(self._doc.report, *address), finding)
        if new is None:
            return False
        self._doc.set_slot_texts({address: new}, f"一键修正：{finding.label}")
        self.run_now()
        return True

    def _row(self, finding: Finding) -> QTreeWidgetItem:
        item = QTreeWidgetItem([finding_text(finding)])
        item.setToolTip(
            0, f"{finding.label}：{finding.message}\n建议：{finding.suggestion}\n位置：{finding_place(finding, True)}"
        )
        return item

    def item_for(self, finding_id: str) -> QTreeWidgetItem | None:
        return self.tree.item_for(finding_id)
