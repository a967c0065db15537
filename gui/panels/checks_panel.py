"""检查: the 公文 checks on the draft, with where, what and how to fix; click to jump.

The checks run when the clerk presses 检查 (or F7) and again a moment after each edit
while the panel is open; they take a few milliseconds on a real report. 一键修正 fixes the
selected finding; its menu also fixes every finding of that kind, or every fixable one
(worked out by core.checks.fixes), each as one undo step. 忽略 dismisses the selected warning
(remembered in the draft by its paragraph's text, core.checks.ignored; undoable); 恢复已忽略
brings every dismissed one back. The 校对 checks only read what
the background worker has already proofread (core.proofread.cache) when the clerk presses
检查: the panel says what is still being read and lists it when the worker is done.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.checks import CHECKS, CheckRun, Finding, check_report, run_checks_now
from core.checks.fixes import fixable, plan_fixes
from core.proofread import cache as proofread_cache
from core.reuse.flags import FLAG_KIND_LABELS, FLAG_KINDS
from core.text.findings import fixed_text
from core.text.textslots import describe_place, section_paths, slot_text
from gui import style
from gui.document import DraftDocument
from gui.flow_layout import FlowLayout
from gui.panels.finding_list import FindingList, fill_rule_filter, place_now
from gui.panels.panel_base import BackgroundJob, Connections, Debounce, DocumentBound
from gui.rows import tree_row

RERUN_MS = 800
PROOFREAD_POLL_MS = 150  # how often to look whether the background 校对 is done
CHECKING = "正在检查…"


def finding_place(finding: Finding, full: bool = False) -> str:
    """Where, in words: "（二）持之以恒… 正文第1段第7字" (the whole path with ``full``);
    report-level text says so ("报告开头第1段第3字")."""
    if not finding.section_id:
        return f"报告{finding.place}"
    if full:
        return finding.place
    own = finding.path.split(" / ")[-1]  # the section itself; its parents are in the tooltip
    return describe_place(own, finding.section_id, finding.field, finding.index, finding.start, finding.cell)


def finding_text(finding: Finding) -> str:
    """A row of the list: what, how to fix, where — on lines of their own, for a narrow panel."""
    return f"{finding.message}\n建议：{finding.suggestion}\n位置：{finding_place(finding)}"


def finding_tooltip(finding: Finding) -> str:
    source = f"\n依据：{finding.source}" if finding.source else ""
    return (
        f"{finding.label}：{finding.message}\n建议：{finding.suggestion}{source}\n"
        f"位置：{finding_place(finding, True)}"
    )


LISTED_ROLE = Qt.ItemDataRole.UserRole + 2


class ChecksPanel(DocumentBound, QWidget):
    jumpRequested = Signal(object)  # where the clicked finding is now (a Place), None when it is gone
    flagsRequested = Signal()  # the clerk wants the 待核实 list, where some findings already are

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: DraftDocument | None = None
        self.findings: list[Finding] = []
        self.ignored: tuple[Finding, ...] = ()  # dismissed by the clerk (忽略), not listed

        self.run_button = QPushButton("检查")
        self.run_button.setObjectName("runChecks")
        self.run_button.setToolTip("检查序号、标点、引号括号、重复字、年份日期、占位符、长句，并校对错别字和规范表述（F7）")
        self.run_button.clicked.connect(self.run_now)
        self.check_combo = QComboBox()
        self.check_combo.setObjectName("checkFilter")
        # As wide as the dock allows, not as its longest rule name: a long name is elided.
        self.check_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.check_combo.setMinimumContentsLength(4)
        self.check_combo.activated.connect(lambda _i: self._fill())
        # A click fixes the selected finding; the arrow offers the same for a whole kind or for all.
        self.fix_button = QToolButton()
        self.fix_button.setText("一键修正")
        self.fix_button.setObjectName("fixFinding")
        self.fix_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.fix_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.fix_button.setEnabled(False)
        self.fix_button.clicked.connect(self._fix_clicked)
        self.fix_menu = QMenu(self.fix_button)
        self.fix_one_action = self.fix_menu.addAction("修正选中的这一处", self.fix_selected)
        self.fix_kind_action = self.fix_menu.addAction("修正本类全部", self.fix_kind)
        self.fix_all_action = self.fix_menu.addAction("修正全部可自动修正的问题", self.fix_everything)
        self.fix_menu.aboutToShow.connect(self._catch_up)
        self.fix_button.setMenu(self.fix_menu)
        self.word_button = QPushButton("加入本单位词表")
        self.word_button.setObjectName("addOfficeWord")
        self.word_button.setToolTip("选中的“错别字”其实是本单位的地名、人名或专用词：以后一律按正确处理")
        self.word_button.setEnabled(False)
        self.word_button.clicked.connect(self.add_selected_word)
        self.ignore_button = QPushButton("忽略")
        self.ignore_button.setObjectName("ignoreFinding")
        self.ignore_button.setToolTip("选中的提示不是问题：不再列出（记在草稿里；这一段改动后会重新检查；可撤销）")
        self.ignore_button.setEnabled(False)
        self.ignore_button.clicked.connect(self.ignore_selected)
        self.restore_button = QPushButton("恢复已忽略")
        self.restore_button.setObjectName("restoreIgnored")
        self.restore_button.setToolTip("把忽略过的提示重新列出（可撤销）")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_ignored)
        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.check_combo, 1)
        top.addWidget(self.fix_button)
        # A row of its own, so the dock is no wider than before the button came.
        actions = QWidget()
        wrapping = FlowLayout(actions)  # wraps in a narrow dock instead of widening the window
        for button in (self.ignore_button, self.restore_button, self.word_button):
            wrapping.addWidget(button)
        self.summary_label = style.caption(QLabel())
        self.summary_label.setObjectName("checksSummary")
        self.summary_label.setWordWrap(True)

        self.tree = FindingList(["问题、建议和位置（点击定位到原文）"])
        self.tree.setObjectName("checksTree")
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tree.jumpRequested.connect(self._jump)
        self.tree.currentItemChanged.connect(lambda *_: self._update_fix_button())
        self.tree.itemClicked.connect(self._summary_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(actions)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tree, 1)

        # After a pause in typing the checks run on a worker thread (the work grows with the
        # draft); the list is rebuilt only when the findings changed.
        self._updates = Debounce(self, RERUN_MS, self._run_in_background, only_when_shown=True)
        self._background = BackgroundJob(self, self._found)
        # While the 校对 rules work in the background, look every so often and check again.
        self.pending: frozenset[str] = frozenset()
        self._proofread_poll = QTimer(self)
        self._proofread_poll.setInterval(PROOFREAD_POLL_MS)
        self._proofread_poll.timeout.connect(self._poll_proofreading)
        self.run_now()

    def document_connections(self, doc: DraftDocument) -> Connections:
        return [(doc.changed, self._updates.schedule)]

    def document_set(self) -> None:
        """A draft opened: checked on the worker thread (seconds on a thousand-page report),
        the list saying so meanwhile; the window opens at once."""
        self._updates.done()
        self._background.cancel()
        self._show(None)
        if self._doc is not None:
            self.summary_label.setText(CHECKING)
            copy = self._doc.snapshot()
            self._background.start(lambda: run_checks_now(copy))

    def _jump(self, finding: Finding) -> None:
        if self._doc is not None:
            self.jumpRequested.emit(place_now(finding, self._doc.report, self._findings_now))

    def _findings_now(self) -> list[Finding]:
        if self._doc is None:
            return []
        self._updates.done()
        self._background.cancel()
        run = run_checks_now(self._doc.report)
        # Shown a moment later: refilling the list now would delete the row being clicked.
        QTimer.singleShot(0, self, lambda: self._show(run))
        return run.findings

    def run_now(self) -> None:
        """Run the checks now (F7, opening a draft): on this thread, at once — the 校对 checks
        from what the background worker has read, the rest of it pending."""
        self._updates.done()
        self._background.cancel()
        if self._doc is None:
            self._show(None)
            return
        self._show(run_checks_now(self._doc.report))

    def _poll_proofreading(self) -> None:
        """The 校对 reading finished: check again, on the worker thread like any update."""
        if proofread_cache.idle():
            self._proofread_poll.stop()
            self._run_in_background()

    def _run_in_background(self) -> None:
        if self._doc is not None:
            copy = self._doc.snapshot()
            self._background.start(lambda: check_report(copy))

    def _found(self, run: object) -> None:
        assert isinstance(run, CheckRun)
        first = self.summary_label.text() == CHECKING
        if first or run.findings != self.findings or run.ignored != self.ignored or run.pending != self.pending:
            self._show(run)

    def _show(self, run: CheckRun | None) -> None:
        """``run.pending``: the 校对 checks still reading in the background (shown as such)."""
        self.findings = list(run.findings) if run is not None else []
        self.ignored = run.ignored if run is not None else ()
        pending = self.pending = run.pending if run is not None else frozenset()
        fill_rule_filter(self.check_combo, self.findings, list(CHECKS), "全部检查项")
        if self._doc is None:
            text = "尚未打开报告。"
        elif not self.findings:
            text = "没有发现问题。"
        else:
            text = f"发现 {len(self.findings)} 处可能的问题，点击一行定位到原文。"
        if self.ignored:
            text += f"\n另有 {len(self.ignored)} 处已忽略（点“恢复已忽略”重新列出）。"
        if pending:
            labels = "、".join(CHECKS[name].label for name in CHECKS if name in pending)
            text += f"\n正在后台校对（{labels}），完成后自动列出。"
            self._proofread_poll.start()
        elif proofread_cache.last_error():
            text += f"\n{proofread_cache.last_error()}"
        self.summary_label.setText(text)
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
            group = tree_row(["已列入“待核实”"])
            for rule, count in listed.items():
                row = tree_row([f"{FLAG_KIND_LABELS[rule]} {count} 处 → 见“待核实”"], group)
                row.setData(0, LISTED_ROLE, rule)
                row.setData(0, Qt.ItemDataRole.ToolTipRole, "这些问题已在“待核实”中逐条列出，点击打开“待核实”。")
            self.tree.insertTopLevelItem(0, group)
            group.setFirstColumnSpanned(True)  # only takes effect once the row is in the tree
            group.setExpanded(True)
        self._update_fix_button()

    def _summary_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        if item.data(0, LISTED_ROLE):
            self.flagsRequested.emit()

    def selected_finding(self) -> Finding | None:
        item = self.tree.currentItem()
        return self.tree.finding_of(item) if item is not None else None

    def _catch_up(self) -> None:
        """Before offering counts, check again if an edit is still waiting to be checked (or
        is being checked on the worker thread)."""
        if self._updates.is_pending() or self._background.running:
            self.run_now()

    def kind_to_fix(self) -> str:
        """The kind of check 修正本类 means: the selected finding's, else the one the list is filtered to."""
        finding = self.selected_finding()
        return finding.rule if finding is not None else str(self.check_combo.currentData() or "")

    def _update_fix_button(self) -> None:
        finding = self.selected_finding()
        one = finding is not None and finding.fix is not None
        every = fixable(self.findings)
        kind = self.kind_to_fix()
        of_kind = fixable(self.findings, kind) if kind else []
        self.fix_one_action.setEnabled(one)
        label = CHECKS[kind].label if kind in CHECKS else ""
        self.fix_kind_action.setText(f"修正本类全部 {len(of_kind)} 处（{label}）" if of_kind else "修正本类全部")
        self.fix_kind_action.setEnabled(bool(of_kind))
        self.fix_all_action.setText(f"修正全部可自动修正的问题（共 {len(every)} 处）")
        self.fix_all_action.setEnabled(bool(every))
        self.fix_button.setEnabled(one or bool(every))
        self.word_button.setEnabled(finding is not None and finding.check == "typo")
        self.ignore_button.setEnabled(finding is not None and bool(finding.ignore_key))
        self.restore_button.setEnabled(bool(self.ignored))
        self.restore_button.setText(f"恢复已忽略（{len(self.ignored)}）" if self.ignored else "恢复已忽略")
        if one:
            assert finding is not None
            after = finding.fix or "（删去）"
            self.fix_button.setToolTip(f"把“{finding.text}”改为“{after}”（可撤销）；点右侧箭头可修正本类全部或全部")
        else:
            self.fix_button.setToolTip(
                "按建议改正半角标点、重复字、日期写法、发文字号括号等：选中一条后点此按钮，"
                "或点右侧箭头修正本类全部、全部可自动修正的问题（每次都可一步撤销）"
            )

    def _fix_clicked(self) -> None:
        finding = self.selected_finding()
        if finding is not None and finding.fix is not None:
            self.fix_selected()
        else:
            self.fix_button.showMenu()  # nothing selected to fix: offer the whole kind or all

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

    def fix_kind(self) -> int:
        """Every fixable finding of the kind :meth:`kind_to_fix` names, as one undo step; how many."""
        kind = self.kind_to_fix()
        if not kind:
            return 0
        return self._apply_plan(kind, f"一键修正：{CHECKS[kind].label}全部")

    def fix_everything(self) -> int:
        """Every fixable finding of every check, as one undo step; how many."""
        return self._apply_plan(None, "一键修正：全部可自动修正的问题")

    def _apply_plan(self, kind: str | None, label: str) -> int:
        if self._doc is None:
            return 0
        plan = plan_fixes(self._doc.report, kind)
        if plan.count:
            self._doc.set_slot_texts(plan.texts, f"{label}（{plan.count} 处）")
        self.run_now()
        if plan.count:
            self.summary_label.setText(f"已修正 {plan.count} 处（可撤销，Ctrl+Z 一步恢复）。{self.summary_label.text()}")
        return plan.count

    def ignore_selected(self) -> bool:
        """忽略: the selected warning is no problem here; it is not listed while its paragraph
        reads the same (one undo step)."""
        finding = self.selected_finding()
        if self._doc is None or finding is None or not finding.ignore_key:
            return False
        changed = self._doc.set_findings_ignored([finding.ignore_key], True, f"忽略：{finding.label}“{finding.text}”")
        self.run_now()
        return changed

    def restore_ignored(self) -> int:
        """List every dismissed finding again (one undo step); how many."""
        if self._doc is None or not self.ignored:
            return 0
        count = len(self.ignored)
        self._doc.set_findings_ignored([f.ignore_key for f in self.ignored], False, f"恢复已忽略的 {count} 处")
        self.run_now()
        return count

    def add_selected_word(self) -> bool:
        """加入本单位词表: the selected 错别字 is a word of the office; check again without it."""
        from core.base.errors import ReportError
        from core.proofread.office import add_office_word
        from gui.dialogs import prompts

        finding = self.selected_finding()
        if finding is None or finding.check != "typo":
            return False
        try:
            add_office_word(finding.text)
        except (ReportError, OSError) as exc:
            prompts.warn(self, "无法加入本单位词表", str(exc))
            return False
        self.run_now()
        return True

    def _row(self, finding: Finding) -> QTreeWidgetItem:
        item = tree_row([finding_text(finding)])
        item.setData(0, Qt.ItemDataRole.ToolTipRole, finding_tooltip(finding))
        return item

    def item_for(self, finding_id: str) -> QTreeWidgetItem | None:
        return self.tree.item_for(finding_id)
