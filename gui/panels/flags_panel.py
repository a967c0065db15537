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
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.draft.model import Report
from core.reuse.flags import FLAG_KIND_LABELS, FLAG_KINDS, Flag, flags_for
from core.text.textslots import section_paths, slot_text
from gui import style
from gui.document import DraftDocument
from gui.editor.flag_marks import KIND_COLOURS, flag_tooltip, legend_html
from gui.panels.finding_list import FindingList, fill_rule_filter, place_now
from gui.panels.panel_base import BackgroundJob, Connections, Debounce, DocumentBound
from gui.rows import tree_row

COL_TEXT, COL_KIND, COL_VERIFIED = 0, 1, 2
REFRESH_MS = 400
# Characters shown before and after the flagged text: few before, so that the flag itself
# is still visible when a narrow panel cuts the row short.
CONTEXT_BEFORE, CONTEXT_AFTER = 5, 12
FINDING_FLAGS = "正在查找待核实的内容…"


def flag_context(text: str, flag: Flag) -> str:
    """“…开展培训【48次】，覆盖…”: the flagged text in its sentence."""
    before = text[max(0, flag.start - CONTEXT_BEFORE) : flag.start]
    after = text[flag.end : flag.end + CONTEXT_AFTER]
    lead = "…" if flag.start > CONTEXT_BEFORE else ""
    tail = "…" if flag.end + CONTEXT_AFTER < len(text) else ""
    return f"{lead}{before}【{flag.text}】{after}{tail}".replace("\n", " ")


class FlagsPanel(DocumentBound, QWidget):
    jumpRequested = Signal(object)  # where the clicked flag is now (a Place), None when it is gone

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: DraftDocument | None = None
        self.flags: list[Flag] = []

        self.summary_label = QLabel()
        self.summary_label.setObjectName("flagsSummary")
        self.summary_label.setWordWrap(True)
        style.caption(self.summary_label)
        legend = QLabel(legend_html())
        legend.setWordWrap(True)  # never wider than the panel
        legend.setToolTip("编辑区中待核实内容的底色")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("flagKindFilter")
        self.kind_combo.activated.connect(lambda _i: self._fill())
        self.hide_verified_box = QCheckBox("隐藏已核实")
        self.hide_verified_box.toggled.connect(lambda _on: self._fill())
        filters = QHBoxLayout()
        filters.addWidget(self.kind_combo, 1)
        filters.addWidget(self.hide_verified_box)

        self.tree = FindingList(["内容（点击定位）", "类别", "已核实"], no_jump_column=COL_VERIFIED)
        self.tree.setObjectName("flagsTree")
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_VERIFIED, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.jumpRequested.connect(self._jump)
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

        # After a pause in typing the flags are found on a worker thread (the work grows
        # with the draft); the list is rebuilt only when they changed.
        self._updates = Debounce(self, REFRESH_MS, self._refresh_in_background, only_when_shown=True)
        self._background = BackgroundJob(self, self._found)
        self._texts: dict[str, str] = {}
        self._paths: dict[str, str] = {}
        self.refresh()

    # ---- binding ----------------------------------------------------------------------

    def document_connections(self, doc: DraftDocument) -> Connections:
        return [(doc.changed, self._updates.schedule), (doc.flagsVerifiedChanged, self._verified_changed)]

    def document_set(self) -> None:
        """A draft opened: its flags are found on the worker thread (on a thousand-page report
        that takes seconds), the list saying so meanwhile; the window opens at once."""
        self._updates.done()
        self._background.cancel()
        self._show(([], {}, {}))
        if self._doc is not None:
            self.summary_label.setText(FINDING_FLAGS)
            self._refresh_in_background()

    def finding(self) -> bool:
        """The flags of the draft just opened are still being found."""
        return self._background.running and self.summary_label.text() == FINDING_FLAGS

    def _verified_changed(self, _flag_id: str) -> None:
        self.refresh()

    # ---- contents -----------------------------------------------------------------------

    def _jump(self, flag: Flag) -> None:
        if self._doc is not None:
            self.jumpRequested.emit(place_now(flag, self._doc.report, self._flags_now))

    def _flags_now(self) -> list[Flag]:
        if self._doc is None:
            return []
        self._updates.done()
        self._background.cancel()
        result = _flags_and_texts(self._doc.report)
        # Shown a moment later: refilling the list now would delete the row being clicked.
        QTimer.singleShot(0, self, lambda: self._show(result))
        return result[0]

    def refresh(self) -> None:
        """Find the flags now (opening a draft, a flag ticked): on this thread, at once."""
        self._updates.done()
        self._background.cancel()
        self._show(_flags_and_texts(self._doc.report) if self._doc is not None else ([], {}, {}))

    def _refresh_in_background(self) -> None:
        if self._doc is not None:
            copy = self._doc.snapshot()
            self._background.start(lambda: _flags_and_texts(copy))

    def _found(self, result: object) -> None:
        flags, texts, paths = result  # type: ignore[misc]
        first = self.summary_label.text() == FINDING_FLAGS
        if first or flags != self.flags or texts != self._texts or paths != self._paths:
            self._show((flags, texts, paths))

    def _show(self, result: tuple[list[Flag], dict[str, str], dict[str, str]]) -> None:
        self.flags, self._texts, self._paths = result
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
        fill_rule_filter(self.kind_combo, self.flags, FLAG_KINDS, "全部类别")
        self._fill()

    def visible_flags(self) -> list[Flag]:
        kind = self.kind_combo.currentData() or ""
        hide_verified = self.hide_verified_box.isChecked()
        return [f for f in self.flags if (not kind or f.kind == kind) and not (hide_verified and f.verified)]

    def _fill(self) -> None:
        if self._doc is None:
            self.tree.fill([], {}, self._row)
            return
        self.tree.fill(self.visible_flags(), self._paths, self._row, self._row_contents)

    def _row_contents(self, flag: Flag) -> object:
        return flag, self._texts.get(flag.id)

    def _row(self, flag: Flag) -> QTreeWidgetItem:
        assert self._doc is not None
        text = self._texts.get(flag.id) or flag.text
        item = tree_row([flag_context(text, flag), flag.kind_label, ""])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
        item.setData(COL_VERIFIED, Qt.ItemDataRole.CheckStateRole, Qt.CheckState.Checked if flag.verified else Qt.CheckState.Unchecked)
        item.setData(COL_KIND, Qt.ItemDataRole.BackgroundRole, QBrush(QColor(KIND_COLOURS[flag.kind][0])))
        item.setData(COL_TEXT, Qt.ItemDataRole.ToolTipRole, flag_tooltip(flag))
        item.setData(COL_VERIFIED, Qt.ItemDataRole.ToolTipRole, "勾选表示已核实；再点一次取消")
        if flag.verified:
            grey = QBrush(style.HINT)
            item.setData(COL_TEXT, Qt.ItemDataRole.ForegroundRole, grey)
            item.setData(COL_KIND, Qt.ItemDataRole.ForegroundRole, grey)
        return item

    # ---- items --------------------------------------------------------------------------

    def current_flag_id(self) -> str:
        return self.tree.current_id()

    def item_for(self, flag_id: str) -> QTreeWidgetItem | None:
        return self.tree.item_for(flag_id)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self.tree.filling or column != COL_VERIFIED or self._doc is None:
            return
        flag = self.tree.finding_of(item)
        if flag is None:
            return
        verified = item.checkState(COL_VERIFIED) == Qt.CheckState.Checked
        doc = self._doc
        if (flag.id in doc.report.verified_flags) == verified:
            return  # the box shows the draft already: nothing the clerk asked for
        # Deferred: the document's signal rebuilds this tree, which must not happen inside the
        # tree's own itemChanged.
        QTimer.singleShot(0, lambda: doc.set_flag_verified(flag.id, verified))

    def set_verified(self, flag_id: str, verified: bool = True) -> bool:
        """Tick or untick a flag's 已核实 box as the clerk would."""
        item = self.item_for(flag_id)
        if item is None:
            return False
        item.setData(COL_VERIFIED, Qt.ItemDataRole.CheckStateRole, Qt.CheckState.Checked if verified else Qt.CheckState.Unchecked)
        return True


def _flags_and_texts(report: Report) -> tuple[list[Flag], dict[str, str], dict[str, str]]:
    """The flags, the text each stands in (for its row), and the sections' paths."""
    flags = flags_for(report)
    sections = {section.id: section for _level, section in report.walk()}
    texts = {f.id: slot_text(report, f.section_id, f.field, f.index, sections) or f.text for f in flags}
    return flags, texts, section_paths(report)

