"""The list both 待核实 and 检查 show: findings grouped by where they are, click to jump.

A panel gives the findings and a row builder; the list groups rows under their place
(section path, or "报告标题" …), keeps the selection and scroll position when it is filled
again after an edit, and asks to jump to a finding when its row is clicked. When the same
findings come back in the same places (the clerk typed on), only the rows whose contents
changed are touched: a refill would cost every row on the GUI thread after every pause.
At most MAX_ROWS rows are made (a row each for the 99,000 figures of a thousand-page report
carried over held the window for ten seconds); a last line says how many more there are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QTreeWidget, QTreeWidgetItem, QWidget

from core.draft.edits import Place
from core.draft.model import Report
from core.text.findings import Finding
from core.text.textslots import FIELD_LABELS
from gui.rows import tree_row

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
ALL_RULES = ""
MAX_ROWS = 1000
MORE_ROWS = "以上列出前 {shown} 处，另有 {count} 处未列出：可用上方的类别筛选，或先处理已列出的。"

RowBuilder = Callable[[Finding], QTreeWidgetItem]
RowContents = Callable[[Finding], object]  # what a row shows: rows whose contents are equal are left alone
# What a row builder may set on a row, compared and copied when a row is updated in place.
_ROW_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.CheckStateRole,
              Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole)


def place_label(paths: dict[str, str], finding: Finding) -> str:
    """The group a finding is listed under: its section's path, or the report-level field."""
    if finding.section_id:
        return paths.get(finding.section_id, "（已删除的部分）")
    return f"报告{FIELD_LABELS.get(finding.field, finding.field)}"


def place_now(finding: Finding, report: Report, catch_up: Callable[[], Sequence[Finding]]) -> Place | None:
    """Where ``finding`` is in the draft as it is now, None when it is gone. A list is a moment
    behind the clerk's typing: a finding whose text no longer stands where it points is looked
    up again (by its id, which edits elsewhere leave alone) in what ``catch_up`` finds now."""
    if finding.is_current(report):
        return finding.address
    again = next((f for f in catch_up() if f.id == finding.id), None)
    return again.address if again is not None and again.is_current(report) else None


def fill_rule_filter(combo: QComboBox, findings: Sequence[Finding], rules: Sequence[str], everything: str) -> None:
    """"全部…（N）" then one entry per rule that has findings, keeping the clerk's choice."""
    chosen = combo.currentData()
    counts = Counter(f.rule for f in findings)
    combo.clear()
    combo.addItem(f"{everything}（{len(findings)}）", ALL_RULES)
    for rule in rules:
        if counts[rule]:
            label = next(f.label for f in findings if f.rule == rule)
            combo.addItem(f"{label}（{counts[rule]}）", rule)
    at = combo.findData(chosen) if chosen else 0
    combo.setCurrentIndex(max(at, 0))


class FindingList(QTreeWidget):
    jumpRequested = Signal(object)  # the clicked Finding (its panel says where it is now: place_now)

    def __init__(self, headers: list[str], no_jump_column: int = -1, parent: QWidget | None = None) -> None:
        """``no_jump_column``: a click there (a check box) is not a request to go to the text."""
        super().__init__(parent)
        self.setColumnCount(len(headers))
        self.setHeaderLabels(headers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.filling = False
        self._no_jump_column = no_jump_column
        self._findings: dict[str, Finding] = {}
        self._order: list[tuple[str, str]] = []  # (place, finding id) of every row, top to bottom
        self._contents: dict[str, object] = {}
        self._unlisted = 0  # findings past MAX_ROWS, counted on the last line
        self._items: dict[str, QTreeWidgetItem] = {}
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)

    def fill(self, findings: Sequence[Finding], paths: dict[str, str], row: RowBuilder,
             contents: RowContents | None = None) -> None:
        """Show ``findings`` grouped by place in reading order, keeping selection and scroll.
        With ``contents``, the same findings in the same places update only changed rows.
        Past MAX_ROWS findings the rest are counted on a last line, not listed."""
        unlisted = max(0, len(findings) - MAX_ROWS)
        findings = findings[:MAX_ROWS]
        order = [(place_label(paths, f), f.id) for f in findings]
        if contents is not None and order == self._order and self._items and unlisted == self._unlisted:
            self._update_rows(findings, row, contents)
            return
        self._order = order if contents is not None else []
        self._unlisted = unlisted
        self._contents = {f.id: contents(f) for f in findings} if contents is not None else {}
        self._items = {}
        current = self.current_id()
        scroll = self.verticalScrollBar().value()
        self.filling = True
        try:
            self.clear()
            self._findings = {f.id: f for f in findings}
            groups: dict[str, QTreeWidgetItem] = {}
            select: QTreeWidgetItem | None = None
            for finding in findings:
                place = place_label(paths, finding)
                group = groups.get(place)
                if group is None:
                    group = tree_row([place], self)
                    group.setFirstColumnSpanned(True)
                    group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    group.setData(0, Qt.ItemDataRole.ToolTipRole, place)
                    font = group.font(0)
                    font.setBold(True)
                    group.setData(0, Qt.ItemDataRole.FontRole, font)
                    groups[place] = group
                item = row(finding)
                item.setData(0, FINDING_ROLE, finding.id)
                group.addChild(item)
                if contents is not None:
                    self._items[finding.id] = item
                if finding.id == current:
                    select = item
            if unlisted:
                more = tree_row([MORE_ROWS.format(count=unlisted, shown=MAX_ROWS)], self)
                more.setFirstColumnSpanned(True)
                more.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.expandAll()
            if select is not None:
                self.setCurrentItem(select)
            self.verticalScrollBar().setValue(scroll)
        finally:
            self.filling = False

    def _update_rows(self, findings: Sequence[Finding], row: RowBuilder, contents: RowContents) -> None:
        self._findings = {f.id: f for f in findings}
        # Rows following the draft are no clerk's click: a check box set here must not come back
        # as an edit (it did: a burst of 撤销/重做 over 已核实 ticked and unticked on its own).
        self.filling = True
        try:
            for finding in findings:
                shown = contents(finding)
                if shown == self._contents.get(finding.id):
                    continue
                self._contents[finding.id] = shown
                item, fresh = self._items[finding.id], row(finding)
                if item.flags() != fresh.flags():
                    item.setFlags(fresh.flags())
                for column in range(self.columnCount()):
                    for role in _ROW_ROLES:
                        value = fresh.data(column, role)
                        if item.data(column, role) != value:
                            item.setData(column, role, value)
        finally:
            self.filling = False

    def current_id(self) -> str:
        item = self.currentItem()
        return str(item.data(0, FINDING_ROLE) or "") if item is not None else ""

    def finding_of(self, item: QTreeWidgetItem) -> Finding | None:
        return self._findings.get(str(item.data(0, FINDING_ROLE) or ""))

    def item_for(self, finding_id: str) -> QTreeWidgetItem | None:
        if finding_id in self._items:
            return self._items[finding_id]
        for row in range(self.topLevelItemCount()):
            group = self.topLevelItem(row)
            for child in range(group.childCount()):
                item = group.child(child)
                if item.data(0, FINDING_ROLE) == finding_id:
                    return item
        return None

    def finding_items(self) -> list[QTreeWidgetItem]:
        """Every finding's row (not the group headers), top to bottom."""
        rows = [self.topLevelItem(r).child(c) for r in range(self.topLevelItemCount())
                for c in range(self.topLevelItem(r).childCount())]
        return [row for row in rows if row.data(0, FINDING_ROLE)]

    def _clicked(self, item: QTreeWidgetItem, column: int = 0) -> None:
        if column == self._no_jump_column:
            return
        finding = self.finding_of(item)
        if finding is not None:
            self.jumpRequested.emit(finding)
