"""The open draft: the core Report, its file path, its undo stack and its outline model.

Widgets never change the Report themselves. They call the edit methods here, which push
undo commands; the commands call the ``apply_*`` methods, which change the Report and
emit signals that the views use to refresh. So every edit is undoable and every view
stays in step, whichever widget made the edit.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from core.draft import outline_ops as ops
from core.draft.fields import FIELD_BY_NAME, SECTION_FIELD_LABELS
from core.draft.model import Point, Report, Section, snapshot
from core.draft.tables import Table
from gui.commands import (
    FieldKey,
    IgnoreFindingsCommand,
    InsertPointCommand,
    InsertSectionCommand,
    MovePointCommand,
    MoveSectionCommand,
    RemovePointCommand,
    RemoveSectionCommand,
    SetValueCommand,
    TurnIntoBodyCommand,
    VerifyFlagCommand,
)
from gui.dialogs.file_dialogs import draft_display_name
from gui.editor.outline_model import OutlineModel


class DraftDocument(QObject):
    changed = Signal()  # any edit, for preview, autosave and the modified marker
    reportChanged = Signal()  # a report-level field
    sectionChanged = Signal(str)  # a field of one section (not its place in the tree)
    pointsChanged = Signal(str, int)  # section id, point row to select afterwards (-1: none)
    structureChanged = Signal()
    focusRequested = Signal(str)  # select this section ("" for none)
    flagsVerifiedChanged = Signal(str)  # a flag id marked or unmarked 已核实
    ignoredChanged = Signal()  # findings dismissed (忽略) or brought back
    refused = Signal(str)  # an edit that would break a limit, with the reason for the clerk

    def __init__(self, report: Report, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        ops.forget_source_markers(report)  # in the editor every ordinal is computed from position
        self.report = report
        self.path = path
        # True while the content exists only in memory/autosave (a new or recovered draft),
        # even if nothing has been edited since.
        self.unsaved = False
        self.undo_stack = QUndoStack(self)
        self._snapshot: Report | None = None
        self.changed.connect(self._forget_snapshot)  # connected first: runs before the views
        self.outline = OutlineModel(report, self)
        self.outline.moveRequested.connect(self.drop_section)

    # ---- identity -------------------------------------------------------------------

    @property
    def display_name(self) -> str:
        if self.path is not None:
            return draft_display_name(self.path)
        return self.report.title or "未命名报告"

    def snapshot(self) -> Report:
        """The draft as it is now, for worker threads: one copy shared until the next edit."""
        if self._snapshot is None:
            self._snapshot = snapshot(self.report)
        return self._snapshot

    def _forget_snapshot(self) -> None:
        self._snapshot = None

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    # ---- reading values ---------------------------------------------------------------

    def value(self, key: FieldKey) -> Any:
        kind = key[0]
        if kind == "report":
            return getattr(self.report, str(key[1]))
        section = self._section(str(key[1]))
        if kind == "section":
            return getattr(section, str(key[2]))
        return section.points[int(key[2])].text

    def _section(self, section_id: str) -> Section:
        section = self.outline.find(section_id)
        if section is None:
            raise ops.OutlineError(f"no section with id {section_id}")
        return section

    # ---- edits (push undo commands) -----------------------------------------------------

    def set_value(self, key: FieldKey, new: Any) -> None:
        old = self.value(key)
        if old == new:
            return
        self.undo_stack.push(SetValueCommand(self, key, _copy(old), _copy(new), _label_for(key)))

    def set_report_field(self, name: str, value: Any) -> None:
        self.set_value(("report", name), value)

    def set_section_field(self, section_id: str, name: str, value: Any) -> None:
        self.set_value(("section", section_id, name), value)

    def set_point_text(self, section_id: str, row: int, text: str) -> None:
        self.set_value(("point", section_id, row), text)

    def add_point(self, section_id: str, row: int | None = None, text: str = "") -> int:
        points = self._section(section_id).points
        row = len(points) if row is None else max(0, min(row, len(points)))
        self.undo_stack.push(InsertPointCommand(self, section_id, row, Point(text), "添加要点"))
        return row

    def remove_point(self, section_id: str, row: int) -> None:
        self.undo_stack.push(RemovePointCommand(self, section_id, row, "删除要点"))

    def move_point(self, section_id: str, row: int, to_row: int) -> bool:
        count = len(self._section(section_id).points)
        if not (0 <= row < count and 0 <= to_row < count) or row == to_row:
            return False
        label = "上移要点" if to_row < row else "下移要点"
        self.undo_stack.push(MovePointCommand(self, section_id, row, to_row, label))
        return True

    def add_section_after(self, section_id: str | None, heading: str = "") -> str:
        """The new section's id, or "" when a limit refuses it (``refused`` says why)."""
        section = Section(heading=heading)
        at = ops.sibling_after_target(self.report, section_id)
        if not self._may_place(section, at):
            return ""
        self.undo_stack.push(InsertSectionCommand(self, section, at, "添加同级标题"))
        return section.id

    def add_child_section(self, section_id: str, heading: str = "") -> str:
        section = Section(heading=heading)
        at = ops.child_target(self.report, section_id)
        if not self._may_place(section, at):
            return ""
        self.undo_stack.push(InsertSectionCommand(self, section, at, "添加下级标题"))
        return section.id

    def _may_place(self, section: Section, at: ops.Location, moving: bool = False) -> bool:
        reason = ops.placement_refusal(self.report, section, at, moving=moving)
        if reason is not None:
            self.refused.emit(reason)
        return reason is None

    def delete_section(self, section_id: str) -> None:
        self.undo_stack.push(RemoveSectionCommand(self, section_id, "删除标题"))

    def _move(self, section_id: str, to: ops.Location | None, label: str) -> bool:
        if to is None or not self._may_place(self._section(section_id), to, moving=True):
            return False
        self.undo_stack.push(MoveSectionCommand(self, section_id, to, label))
        return True

    def move_section_up(self, section_id: str) -> bool:
        return self._move(section_id, ops.move_up_target(self.report, section_id), "上移标题")

    def move_section_down(self, section_id: str) -> bool:
        return self._move(section_id, ops.move_down_target(self.report, section_id), "下移标题")

    def promote_section(self, section_id: str) -> bool:
        return self._move(section_id, ops.promote_target(self.report, section_id), "升级标题")

    def demote_section(self, section_id: str) -> bool:
        return self._move(section_id, ops.demote_target(self.report, section_id), "降级标题")

    def turn_section_into_body(self, section_id: str) -> None:
        self.undo_stack.push(TurnIntoBodyCommand(self, section_id, "转为正文"))

    def drop_section(self, section_id: str, parent_id: str | None, row: int) -> bool:
        """A drag-and-drop move; ``row`` is the gap as displayed (-1: onto ``parent_id``)."""
        return self._move(section_id, ops.drop_location(self.report, section_id, parent_id, row), "拖动标题")

    def set_slot_texts(self, texts: dict[tuple[str, str, int], str], label: str) -> None:
        """New text for several strings (addressed as in core.text.textslots), as ONE undo step
        (none when nothing changes); the fields take them as core.text.textslots.edited_fields
        says (a paragraph left blank is no paragraph)."""
        from core.text.textslots import edited_fields

        edits: list[tuple[FieldKey, Any]] = []
        for (section_id, field), value in edited_fields(self.report, texts).items():
            if field == "points":
                edits += [(("point", section_id, row), text) for row, text in enumerate(value)]
            else:
                edits.append((("section", section_id, field) if section_id else ("report", field), value))
        edits = [(key, value) for key, value in edits if self.value(key) != value]
        if not edits:
            return
        self.undo_stack.beginMacro(label)
        try:
            for key, value in edits:
                self.set_value(key, value)
        finally:
            self.undo_stack.endMacro()

    def set_flag_verified(self, flag_id: str, verified: bool = True) -> bool:
        """Mark a 待核实 flag 已核实 (saved with the draft); False when nothing changes."""
        if (flag_id in self.report.verified_flags) == verified:
            return False
        label = "标记已核实" if verified else "取消已核实"
        self.undo_stack.push(VerifyFlagCommand(self, flag_id, verified, label))
        return True

    def set_findings_ignored(self, keys: list[str], ignored: bool, label: str) -> bool:
        """Dismiss (忽略) or bring back the findings with these keys (core.checks.ignored), saved
        with the draft, as one undo step; False when nothing changes."""
        listed = set(self.report.ignored_findings)
        keys = list(dict.fromkeys(k for k in keys if k and (k in listed) != ignored))
        if not keys:
            return False
        self.undo_stack.push(IgnoreFindingsCommand(self, keys, ignored, label))
        return True

    # ---- appliers (called by undo commands) ---------------------------------------------

    def apply_findings_ignored(self, keys: list[str], ignored: bool) -> None:
        from core.checks.ignored import set_ignored

        for key in keys:
            set_ignored(self.report, key, ignored)
        self.ignoredChanged.emit()
        self.changed.emit()

    def apply_flag_verified(self, flag_id: str, verified: bool) -> None:
        from core.reuse.flags import set_flag_verified

        set_flag_verified(self.report, flag_id, verified)
        self.flagsVerifiedChanged.emit(flag_id)
        self.changed.emit()

    def apply_value(self, key: FieldKey, value: Any) -> None:
        kind = key[0]
        if kind == "report":
            setattr(self.report, str(key[1]), _copy(value))
            if key[1] == "attachments":
                self.outline.renumber()  # "附件N" follows the 附件说明
            self.reportChanged.emit()
        elif kind == "section":
            section = self._section(str(key[1]))
            setattr(section, str(key[2]), _copy(value))
            if key[2] == "attachment" or (section.attachment and key[2] == "heading"):
                self.outline.renumber()  # the text's parts and the attachments count apart
            else:
                self.outline.refresh_section(str(key[1]))
            self.sectionChanged.emit(str(key[1]))
        else:
            self._section(str(key[1])).points[int(key[2])].text = value
            self.outline.refresh_section(str(key[1]))
            self.pointsChanged.emit(str(key[1]), -1)
        self.changed.emit()

    def points_changed(self, section_id: str, focus_row: int) -> None:
        self.outline.refresh_section(section_id)
        self.pointsChanged.emit(section_id, focus_row)
        self.changed.emit()

    def structure_changed(self, focus: str) -> None:
        self.structureChanged.emit()
        self.focusRequested.emit(focus)
        self.changed.emit()

    def neighbour_of(self, where: ops.Location) -> str:
        """What to select after the section at ``where`` went away."""
        container = ops.siblings(self.report, where.parent_id)
        if where.row < len(container):
            return container[where.row].id
        if container:
            return container[-1].id
        return where.parent_id or ""


def _copy(value: Any) -> Any:
    # Lists are shared with the Report; an undo step must hold its own copy (of the
    # tables too, whose rows are lists).
    if isinstance(value, list) and any(isinstance(item, Table) for item in value):
        return copy.deepcopy(value)
    return list(value) if isinstance(value, list) else value


def _label_for(key: FieldKey) -> str:
    if key[0] == "report":
        spec = FIELD_BY_NAME.get(str(key[1]))
        return spec.undo_label if spec is not None else "修改报告信息"
    if key[0] == "section":
        return f"修改{SECTION_FIELD_LABELS.get(str(key[2]), '内容')}"
    return "修改要点"
