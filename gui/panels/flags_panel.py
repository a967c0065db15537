"""待核实: every flag of the draft, by section, with counts per kind and a 已核实 box each.

Clicking a flag jumps to its section and field and selects the flagged text; ticking its
已核实 box marks it through the document (undoable, saved with the draft), after which
the editor no longer paints it. The list follows edits a moment after the typing stops.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.reuse.flags import FLAG_KIND_LABELS, FLAG_KINDS, Flag, flags_for
from core.text.textslots import FIELD_LABELS, section_paths, slot_text
from gui import style
from gui.document import DraftDocument
from gui.editor.flag_marks import KIND_COLOURS, flag_tooltip, legend_html
from gui.panels.panel_base import Connections, Debounce, DocumentBound

FLAG_ROLE = Qt.ItemDataRole.UserRole + 1
COL_TEXT, COL_KIND, COL_VERIFIED = 0, 1, 2
REFRESH_MS = 400
# Characters shown before and after the flagged text: few before, so that the flag itself
# is still visible when a narrow panel cuts the row short.
CONTEXT_BEFORE, CONTEXT_AFTER = 5, 12


def flag_context(text: str, flag: Flag) -> str:
    """“…开展培训【48次】，覆盖…”: the flagged text in its sentence."""
    before = text[max(0, flag.start - CONTEXT_BEFORE) : flag.start]
    after = text[flag.end : flag.end + CONTEXT_AFTER]
    lead = "…" if flag.start > CONTEXT_BEFORE else ""
    tail = "…" if flag.end + CONTEXT_AFTER < len(text) else ""
    return f"{lead}{before}【{flag.text}】{after}{tail}".replace("\n", " ")


def place_label(paths: dict[str, str], flag: Flag) -> str:
    if flag.section_id:
        return paths.get(flag.section_id, "（已删除的部分）")
    return f"报告{FIELD_LABELS.get(flag.field, flag.field)}"


class FlagsPanel(DocumentBound, QWidget):
    jumpRequested = Signal(str, str, int, int, int)  # section id, field, index, start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: DraftDocument | None = None
        self._filling = False
        self.flags: list[Flag] = []

        self.summary_label = QLabel()
        self.summary_label.setObjectName("flagsSummary")
        self.summary_label.setWordWrap(True)
        style.caption(self.summary_label)
        legend = QLabel(legend_html())
        legend.setToolTip("编辑区中待核实内容的底色")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("flagKindFilter")
        self.kind_combo.activated.connect(lambda _i: self._fill())
        self.hide_verified_box = QCheckBox("隐藏已核实")
        self.hide_verified_box.toggled.connect(lambda _on: self._fill())
        filters = QHBoxLayout()
        filters.addWidget(self.kind_combo, 1)
        filters.addWidget(self.hide_verified_box)

        self.tree = QTreeWidget()
        self.tree.setObjectName("flagsTree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["内容（点击定位）", "类别", "已核实"])
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_VERIFIED, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemClicked.connect(self._item_clicked)
        self.tree.itemActivated.connect(self._item_clicked)
        self.tree.itemChanged.connect(self._item_changed)

        hint = style.hint(QLabel("核实无误后勾选“已核实”，编辑区中的底色随即消失（可撤销）。"))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary_label)
        layout.addWidget(legend)
        layout.addLayout(filters)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)

        self._updates = Debounce(self, REFRESH_MS, self.refresh, only_when_shown=True)
        self.refresh()

    # ---- binding ----------------------------------------------------------------------

    def document_connections(self, doc: DraftDocument) -> Connections:
        return [(doc.changed, self._updates.schedule), (doc.flagsVerifiedChanged, self._verified_changed)]

    def document_set(self) -> None:
        self.refresh()

    def _verified_changed(self, _flag_id: str) -> None:
        self.refresh()

    # ---- contents -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-compute the flags (cheap: regular expressions over the draft's text)."""
        self._updates.done()
        self.flags = flags_for(self._doc.report) if self._doc is not None else []
        open_counts = Counter(f.kind for f in self.flags if not f.verified)
        verified = sum(f.verified for f in self.flags)
        if self._doc is None:
            self.summary_label.setText("尚未打开报告。")
        elif not self.flags:
            self.summary_label.setText("没有待核实的内容。")
        else:
            parts = "、".join(f"{FLAG_KIND_LABELS[k]} {open_counts[k]}" for k in FLAG_KINDS if open_counts[k])
            text = f"待核实 {sum(open_counts.values())} 处" + (f"（{parts}）" if parts else "")
            self.summary_label.setText(text + (f"；已核实 {verified} 处" if verified else "") + "。")
        chosen = self.kind_combo.currentData()
        all_counts = Counter(f.kind for f in self.flags)
        self.kind_combo.clear()
        self.kind_combo.addItem(f"全部类别（{len(self.flags)}）", "")
        for kind in FLAG_KINDS:
            if all_counts[kind]:
                self.kind_combo.addItem(f"{FLAG_KIND_LABELS[kind]}（{all_counts[kind]}）", kind)
        at = self.kind_combo.findData(chosen) if chosen else 0
        self.kind_combo.setCurrentIndex(max(at, 0))
        self._fill()

    def visible_flags(self) -> list[Flag]:
        kind = self.kind_combo.currentData() or ""
        hide_verified = self.hide_verified_box.isChecked()
        return [f for f in self.flags if (not kind or f.kind == kind) and not (hide_verified and f.verified)]

    def _fill(self) -> None:
        current = self.current_flag_id()
        scroll = self.tree.verticalScrollBar().value()
        self._filling = True
        try:
            self.tree.clear()
            if self._doc is None:
                return
            report = self._doc.report
            paths = section_paths(report)
            groups: dict[str, QTreeWidgetItem] = {}
            select: QTreeWidgetItem | None = None
            for flag in self.visible_flags():
                place = place_label(paths, flag)
                group = groups.get(place)
                if group is None:
                    group = QTreeWidgetItem([place, "", ""])
                    group.setFirstColumnSpanned(True)
                    group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    group.setToolTip(COL_TEXT, place)
                    style_group(group)
                    self.tree.addTopLevelItem(group)
                    groups[place] = group
                text = slot_text(report, flag.section_id, flag.field, flag.index) or flag.text
                item = QTreeWidgetItem([flag_context(text, flag), flag.kind_label, ""])
                item.setData(COL_TEXT, FLAG_ROLE, flag.id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(COL_VERIFIED, Qt.CheckState.Checked if flag.verified else Qt.CheckState.Unchecked)
                item.setBackground(COL_KIND, QBrush(QColor(KIND_COLOURS[flag.kind][0])))
                item.setToolTip(COL_TEXT, flag_tooltip(flag))
                item.setToolTip(COL_VERIFIED, "勾选表示已核实；再点一次取消")
                if flag.verified:
                    grey = QBrush(style.HINT)
                    item.setForeground(COL_TEXT, grey)
                    item.setForeground(COL_KIND, grey)
                group.addChild(item)
                if flag.id == current:
                    select = item
            self.tree.expandAll()
            if select is not None:
                self.tree.setCurrentItem(select)
            self.tree.verticalScrollBar().setValue(scroll)
        finally:
            self._filling = False

    # ---- items --------------------------------------------------------------------------

    def current_flag_id(self) -> str:
        item = self.tree.currentItem()
        return str(item.data(COL_TEXT, FLAG_ROLE) or "") if item is not None else ""

    def item_for(self, flag_id: str) -> QTreeWidgetItem | None:
        for row in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(row)
            for child in range(group.childCount()):
                item = group.child(child)
                if item.data(COL_TEXT, FLAG_ROLE) == flag_id:
                    return item
        return None

    def _flag(self, item: QTreeWidgetItem) -> Flag | None:
        flag_id = item.data(COL_TEXT, FLAG_ROLE)
        return next((f for f in self.flags if f.id == flag_id), None) if flag_id else None

    def _item_clicked(self, item: QTreeWidgetItem, column: int = 0) -> None:
        if column == COL_VERIFIED:
            return  # ticking the box is not a request to go there
        flag = self._flag(item)
        if flag is not None:
            self.jumpRequested.emit(flag.section_id, flag.field, flag.index, flag.start, flag.end)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != COL_VERIFIED or self._doc is None:
            return
        flag = self._flag(item)
        if flag is not None:
            # Deferred: the document's signal rebuilds this tree, which must not happen
            # inside the tree's own itemChanged.
            verified = item.checkState(COL_VERIFIED) == Qt.CheckState.Checked
            doc = self._doc
            QTimer.singleShot(0, lambda: doc.set_flag_verified(flag.id, verified))

    def set_verified(self, flag_id: str, verified: bool = True) -> bool:
        """Tick or untick a flag's 已核实 box as the clerk would."""
        item = self.item_for(flag_id)
        if item is None:
            return False
        item.setCheckState(COL_VERIFIED, Qt.CheckState.Checked if verified else Qt.CheckState.Unchecked)
        return True


def style_group(item: QTreeWidgetItem) -> None:
    font = item.font(COL_TEXT)
    font.setBold(True)
    item.setFont(COL_TEXT, font)
