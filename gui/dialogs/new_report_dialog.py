"""新建报告: kind, unit, year, and optionally last year's report with how to use it.

Laid out to fit a 1280×800 screen with its taskbar (gui.window_state.fit_dialog): the unit and
the year share a row, and one line under the choices explains the chosen one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.base.errors import Cancelled, ReportError
from core.base.progress import Progress
from core.base.settings import Settings, existing
from core.importing.importer import ImportResult
from core.reuse.new_draft import (
    CARRY_OUTLINE,
    CARRY_TEXT,
    FROM_PLAN,
    MODE_LABELS,
    REFERENCE_ONLY,
    drawn_from_plan,
    is_plan,
    plan_kind_names,
    plan_mode_available,
    starting_year,
)
from gui import style
from gui.dialogs import prompts
from gui.dialogs.file_dialogs import PRIOR_FILTER, is_importable, local_paths
from gui.editor.delegates import TwoLineDelegate
from gui.rows import list_row
from gui.window_state import fit_dialog
from gui.workers import start_in_background

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
START_PRIOR, START_PLAN, START_BLANK = "prior", "plan", "blank"
START_LABELS = {START_PRIOR: "上年同类报告", START_PLAN: "今年工作要点", START_BLANK: "从空白提纲开始"}
MODE_HINTS = {  # the one line under the choices
    CARRY_OUTLINE: "保留上年的标题结构和编号，各节上年原文显示在右侧“上年参考”中，逐节改写。",
    CARRY_TEXT: "标题和文字都沿用上年的，报告年份自动顺延；数字、日期、占位符、会议届次等标出“待核实”，"
    "逐条核实后勾选。上年原文仍显示在“上年参考”中。",
    REFERENCE_ONLY: "按“{kind}”的标准提纲起草；上年原文按标题对应，显示在右侧“上年参考”中。",
    FROM_PLAN: "工作要点的每一部分成为“工作开展情况”下的一个小标题，计划内容显示在右侧“今年工作要点”中，"
    "对照着写做了什么。",
}


@dataclass
class NewReportRequest:
    kind_id: str
    year: int
    unit: str
    prior_path: Path | None
    prior: ImportResult | None
    mode: str


def _import(path: Path, progress: Progress) -> ImportResult:
    from core.importing.importer import import_document

    return import_document(path, progress=progress)


class NewReportDialog(QDialog):
    priorRead = Signal(bool)  # the newest chosen file was read and shown (True), or not

    def __init__(self, settings: Settings, prior_path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("新建报告")
        self.setAcceptDrops(True)
        self._settings = settings
        self._prior_path: Path | None = None
        self._prior: ImportResult | None = None
        # A file dropped on the window or the dialog, before the clerk has picked a kind, may set
        # the kind it looks like. A kind the clerk picked (mouse or keys) never changes.
        self._kind_picked = False
        self._selecting = False
        self._prior_year: int | None = None
        self._reading = 0  # counts set_prior calls: only the newest read is shown

        from core.draft.kinds import load_kinds

        self.kinds = load_kinds()
        self.kind_list = QListWidget()
        self.kind_list.setObjectName("kindList")
        self.kind_list.setItemDelegate(TwoLineDelegate(self.kind_list))
        for kind in self.kinds.values():
            item = list_row(self.kind_list, f"{kind.name}\n{kind.description}")
            item.setData(KIND_ROLE, kind.id)
            item.setData(Qt.ItemDataRole.ToolTipRole, kind.description)
        row_height = TwoLineDelegate.row_height(self.kind_list.font())
        self.kind_list.setMinimumHeight(min(len(self.kinds), 4) * row_height + 6)
        self.kind_list.setMaximumHeight(max(len(self.kinds), 4) * row_height + 6)
        self.kind_list.currentRowChanged.connect(self._kind_changed)
        self.kind_list.itemClicked.connect(self._kind_clicked)

        self.unit_edit = QLineEdit(settings.unit)
        self.unit_edit.setPlaceholderText("如：中共某某区委组织部（下次自动填入）")
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setSuffix(" 年")
        self.year_spin.setMaximumWidth(140)
        self._year_touched = False
        self.year_spin.valueChanged.connect(self._year_edited)
        # Says so when the chosen file set the year (or would have, had the clerk not set it).
        self.year_note = QLabel()
        self.year_note.setObjectName("yearNote")
        self.year_note.setWordWrap(True)
        style.hint(self.year_note)
        self.year_note.setVisible(False)
        basics = QHBoxLayout()
        unit_label, year_label = QLabel("发文单位："), QLabel("年度：")
        unit_label.setBuddy(self.unit_edit)
        year_label.setBuddy(self.year_spin)
        basics.addWidget(unit_label)
        basics.addWidget(self.unit_edit, 1)
        basics.addSpacing(12)
        basics.addWidget(year_label)
        basics.addWidget(self.year_spin)

        self.prior_label = QLabel()
        self.prior_label.setObjectName("priorLabel")
        self.prior_label.setWordWrap(True)
        self.choose_button = QPushButton("选择文件…")
        self.choose_button.clicked.connect(self._choose_file)
        self.recent_combo = QComboBox()
        self.recent_combo.setObjectName("recentPriorCombo")
        self.recent_combo.setMinimumWidth(180)
        self._fill_recent()
        self.recent_combo.activated.connect(self._recent_chosen)
        self.clear_button = QPushButton("不使用")
        self.clear_button.clicked.connect(lambda: self.set_prior(None))
        prior_buttons = QHBoxLayout()
        prior_buttons.addWidget(self.choose_button)
        prior_buttons.addWidget(self.recent_combo, 1)
        prior_buttons.addWidget(self.clear_button)

        # Where the draft starts from, asked first: the kind is the clerk's choice and stays so.
        self.start_prior_radio = QRadioButton(START_LABELS[START_PRIOR])
        self.plan_radio = QRadioButton(START_LABELS[START_PLAN])
        self.start_blank_radio = QRadioButton(START_LABELS[START_BLANK])
        self.start_prior_radio.setObjectName("startPriorRadio")
        self.plan_radio.setObjectName("planRadio")
        self.start_blank_radio.setObjectName("startBlankRadio")
        self.start_prior_radio.setChecked(True)
        self.start_group = QButtonGroup(self)
        start_row = QHBoxLayout()
        for radio in (self.start_prior_radio, self.plan_radio, self.start_blank_radio):
            self.start_group.addButton(radio)
            start_row.addWidget(radio)
            radio.toggled.connect(lambda on: on and self._start_changed())
        start_row.addStretch(1)

        self.carry_radio = QRadioButton(MODE_LABELS[CARRY_OUTLINE])
        self.carry_text_radio = QRadioButton(MODE_LABELS[CARRY_TEXT])
        self.reference_radio = QRadioButton(MODE_LABELS[REFERENCE_ONLY])
        self.carry_radio.setObjectName("carryRadio")
        self.carry_text_radio.setObjectName("carryTextRadio")
        self.reference_radio.setObjectName("referenceRadio")
        self.carry_radio.setChecked(True)
        self.mode_group = QButtonGroup(self)
        for radio in (self.carry_radio, self.carry_text_radio, self.reference_radio):
            self.mode_group.addButton(radio)
            radio.toggled.connect(lambda on: on and self._explain_mode())
        # One line explains the chosen way (or, from a 工作要点, what becomes of it).
        self.mode_hint = QLabel()
        self.mode_hint.setObjectName("modeHint")
        style.hint(self.mode_hint)
        self.mode_hint.setWordWrap(True)
        self.mode_hint.setIndent(22)
        self._mode_widgets = (self.carry_radio, self.carry_text_radio, self.reference_radio)
        modes = QVBoxLayout()
        modes.setSpacing(4)
        for widget in (*self._mode_widgets, self.mode_hint):
            modes.addWidget(widget)

        self.prior_box = QGroupBox()
        prior_layout = QVBoxLayout(self.prior_box)
        prior_layout.addWidget(self.prior_label)
        prior_layout.addLayout(prior_buttons)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        prior_layout.addWidget(line)
        prior_layout.addLayout(modes)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("创建")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        kinds_label = QLabel("报告类型")
        style.caption(kinds_label)
        layout = QVBoxLayout(self)
        layout.addWidget(kinds_label)
        layout.addWidget(self.kind_list)
        layout.addLayout(basics)
        layout.addWidget(self.year_note)
        start_label = QLabel("从哪里开始")
        style.caption(start_label)
        layout.addWidget(start_label)
        layout.addLayout(start_row)
        layout.addWidget(self.prior_box)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self._select_kind(settings.last_kind if settings.last_kind in self.kinds else next(iter(self.kinds), ""))
        self.set_prior(None)
        if prior_path is not None:
            self.set_prior(prior_path, dropped=True)
        fit_dialog(self, 680)

    # ---- kind and year --------------------------------------------------------------------

    def kind_id(self) -> str:
        item = self.kind_list.currentItem()
        return str(item.data(KIND_ROLE)) if item is not None else ""

    def _select_kind(self, kind_id: str) -> None:
        for row in range(self.kind_list.count()):
            if self.kind_list.item(row).data(KIND_ROLE) == kind_id:
                self._selecting = True
                try:
                    self.kind_list.setCurrentRow(row)
                finally:
                    self._selecting = False
                return

    def _kind_clicked(self) -> None:
        self._kind_picked = True

    def _kind_changed(self) -> None:
        if not self._selecting:
            self._kind_picked = True  # by the clerk, with the keyboard or the mouse
        if self.kinds.get(self.kind_id()) is None:
            return
        self._update_start()
        self._apply_default_year()
        self._describe_prior()  # "与所选的…不同" must follow the kind, or vanish when they match

    def _explain_mode(self) -> None:
        chosen = CARRY_TEXT if self.carry_text_radio.isChecked() else CARRY_OUTLINE
        chosen = REFERENCE_ONLY if self.reference_radio.isChecked() else chosen
        kind = self.kinds.get(self.kind_id())
        hint = MODE_HINTS[FROM_PLAN if self.start() == START_PLAN else chosen]
        self.mode_hint.setText(hint.format(kind=kind.name if kind is not None else "所选类型"))

    def _apply_default_year(self) -> None:
        """The year the clerk most likely means, until they set one themselves.

        After last year's report: the year after it; from this year's 工作要点: its year.
        When the chosen file moves the year, or would have but the clerk set their own, a line
        under the year says so: a clerk who glanced at the year before choosing the file must
        not send a report dated a year out.
        """
        prior_year = self._prior_year if self._prior is not None and self.start() != START_BLANK else None
        plan = self.start() == START_PLAN
        year = starting_year(self.kind_id(), prior_year, from_plan=plan)
        source = f"所选{'工作要点' if plan else '上年报告'}是 {prior_year} 年的"
        current = self.year_spin.value()
        if self._year_touched:
            wrong = prior_year and year != current
            self._set_year_note(f"{source}，按它应为 {year} 年；年度仍是您填写的 {current} 年。" if wrong else "")
        elif year != current:
            self._set_year_note(f"年度已改为 {year} 年：{source}。" if prior_year else "")
            self.year_spin.blockSignals(True)
            self.year_spin.setValue(year)
            self.year_spin.blockSignals(False)
        elif not prior_year:
            self._set_year_note("")

    def _set_year_note(self, text: str) -> None:
        self.year_note.setText(text)
        self.year_note.setVisible(bool(text))

    def start(self) -> str:
        if self.start_blank_radio.isChecked():
            return START_BLANK
        if self.plan_radio.isChecked() and self.plan_radio.isEnabled():
            return START_PLAN
        return START_PRIOR

    def _start_changed(self) -> None:
        self._update_start()
        self._apply_default_year()
        self._describe_prior()
        self._explain_mode()

    def _update_start(self) -> None:
        """Show what the chosen start needs: a file and how to use it, a 要点, or nothing."""
        summary = drawn_from_plan(self.kind_id())
        self.plan_radio.setEnabled(summary)
        summaries, _ = plan_kind_names()
        self.plan_radio.setToolTip(
            "对照今年的工作要点写总结：要点的每一部分成为一个小标题。"
            if summary else f"只有{'和'.join(summaries) or '总结类报告'}可以由今年的工作要点生成。"
        )
        start = self.start()
        if start == START_PRIOR and self.plan_radio.isChecked():
            self.start_prior_radio.setChecked(True)  # the kind no longer allows a plan
            return
        self.prior_box.setVisible(start != START_BLANK)
        self.prior_box.setTitle("今年的工作要点" if start == START_PLAN else "上年同类报告（可选）")
        for widget in self._mode_widgets:
            widget.setVisible(start == START_PRIOR)
        self._explain_mode()
        self.choose_button.setText("选择工作要点…" if start == START_PLAN else "选择文件…")

    def _year_edited(self) -> None:
        self._year_touched = True
        self._set_year_note("")  # the clerk's own year needs no comment

    # ---- prior report ---------------------------------------------------------------------

    def _fill_recent(self) -> None:
        self.recent_combo.clear()
        recent = existing(self._settings.recent_documents)
        self.recent_combo.addItem("最近导入的文件…" if recent else "（没有最近导入的文件）", "")
        for text in recent:
            self.recent_combo.addItem(Path(text).name, text)
        self.recent_combo.setEnabled(bool(recent))

    def _recent_chosen(self, index: int) -> None:
        path = self.recent_combo.itemData(index)
        self.recent_combo.setCurrentIndex(0)
        if path:
            self.set_prior(Path(path))

    def _choose_file(self) -> None:
        start = self._settings.last_folder or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, "选择上年报告", start, PRIOR_FILTER)
        if path:
            self.set_prior(Path(path))

    def set_prior(self, path: Path | None, dropped: bool = False) -> bool:
        """Read ``path`` and show what was found; None clears it (at once).

        The file is read in a background task (gui/workers.py) and shown in its callback;
        ``priorRead`` then says whether it was (the newest choice wins: an older read that ends
        later is dropped). True: cleared, or the reading started.
        ``dropped``: the clerk dropped the file to start from it; if they have not picked a
        kind yet, the kind the file looks like is selected (never for 今年工作要点)."""
        self._reading += 1
        if path is None:
            self._show_prior(None, None, dropped)
            return True
        reading = self._reading

        def read(result: ImportResult) -> None:
            if reading == self._reading:
                self._show_prior(path, result, dropped)
                self.priorRead.emit(True)

        def failed(error: BaseException) -> None:
            if reading != self._reading:
                return
            self.priorRead.emit(False)
            if isinstance(error, Cancelled):
                return  # the clerk stopped it: the choice stays as it was
            if not isinstance(error, ReportError):
                raise error  # not the clerk's doing: the app's error handler (gui/app.py) shows it
            prompts.warn(self, "无法读取上年报告", str(error))

        start_in_background(
            self, f"正在读取“{path.name}”…", _import, path, on_done=read, on_failed=failed,
            cancellable=True, progress=True,
        )
        return True

    def _show_prior(self, path: Path | None, result: ImportResult | None, dropped: bool) -> None:
        self._prior_path, self._prior = (path, result) if result is not None else (None, None)
        has_prior = self._prior is not None
        for widget in (*self._mode_widgets, self.clear_button):
            widget.setEnabled(has_prior)
        if result is None or path is None:
            self._prior_year = None
            self.prior_label.setText(
                "未选择。不用文件时，按所选类型的标准提纲起草。也可以把文件（.docx、.txt、.md）直接拖到此窗口。"
            )
            self._update_start()
            self._apply_default_year()
            return
        guessed = self.kinds.get(result.kind)
        if guessed is not None and dropped and not self._kind_picked and self.start() == START_PRIOR:
            self._select_kind(guessed.id)
        from core.reuse.carryover import infer_year  # the report's year, from its text if need be

        self._prior_year = infer_year(result.report)  # + 1, as `main.py new --from` does
        self._update_start()
        self._apply_default_year()
        self._describe_prior()

    def _describe_prior(self) -> None:
        """What the chosen file is, and a word when it does not fit the chosen kind or start."""
        if self._prior is None or self._prior_path is None:
            return
        result, chosen = self._prior, self.kinds.get(self.kind_id())
        guessed = self.kinds.get(result.kind)
        text = f"<b>{self._prior_path.name}</b>：识别出 {len(result.report.walk())} 个标题"
        if guessed is not None:
            text += f"，看起来是“{guessed.name}”（{result.kind_reason}）"
        text += "。"
        start = self.start()
        if start == START_PLAN and not is_plan(result.kind):
            text += "<br>这份文件看起来不是工作要点，生成的小标题可能不合适。"
        elif start == START_PRIOR and chosen is not None and guessed is not None and guessed.id != chosen.id:
            if plan_mode_available(chosen.id, result.kind):
                text += "<br>这是工作要点：如要对照它写今年的总结，请在上方选择“今年工作要点”。"
            else:
                text += f"<br>与所选的“{chosen.name}”不同；将按“{chosen.name}”起草。"
        self.prior_label.setText(text)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(is_importable(p) for p in local_paths(event.mimeData())):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [p for p in local_paths(event.mimeData()) if is_importable(p)]
        if paths:
            event.acceptProposedAction()
            self.set_prior(paths[0], dropped=True)

    # ---- result ---------------------------------------------------------------------------

    def request(self) -> NewReportRequest:
        blank = self.start() == START_BLANK
        return NewReportRequest(
            kind_id=self.kind_id(),
            year=self.year_spin.value(),
            unit=self.unit_edit.text().strip(),
            prior_path=None if blank else self._prior_path,
            prior=None if blank else self._prior,
            mode=self.mode(),
        )

    def mode(self) -> str:
        if self.start() == START_PLAN and self._prior is not None:
            return FROM_PLAN
        for radio, mode in ((self.carry_text_radio, CARRY_TEXT), (self.reference_radio, REFERENCE_ONLY)):
            if radio.isChecked() and radio.isEnabled() and self.start() == START_PRIOR:
                return mode
        return CARRY_OUTLINE
