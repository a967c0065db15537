"""The open draft: the core Report, its file path, its undo stack and its outline model.

Widgets never change the Report themselves. They call the edit methods here, which make an
edit (core.draft.edits) and push it on the undo stack; the stack's command calls
:meth:`DraftDocument.apply`, the one place where the draft changes in the window: it applies
the edit with core's ``apply_edit`` inside the outline model's row signals, then tells the
views what changed and emits ``edited`` with the edit itself (the edit journal listens). So
every edit is undoable, recorded and shown, whichever widget made it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from core.draft import edits
from core.draft import outline_ops as ops
from core.draft.edits import Edit, Place
from core.draft.fields import FIELD_BY_NAME, SECTION_FIELD_LABELS
from core.draft.model import Point, Report, Section, snapshot
from gui.commands import EditCommand
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
    edited = Signal(object)  # every edit as applied (core.draft.edits), for the edit journal
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

    def value(self, place: Place) -> Any:
        return edits.value_at(self.report, place, self.outline.find)

    def _section(self, section_id: str) -> Section:
        section = self.outline.find(section_id)
        if section is None:
            raise ops.OutlineError(f"no section with id {section_id}")
        return section

    # ---- edits (push undo commands) -----------------------------------------------------

    def push(self, edit: Edit, label: str) -> None:
        """Make ``edit`` as one undo step, or as part of the typing step on top of the stack."""
        stack = self.undo_stack
        top = stack.command(stack.count() - 1) if stack.count() else None
        # Only the newest step takes more typing, and never the one the file was saved at
        # (the draft must then read as changed, which a new step says).
        if (isinstance(top, EditCommand) and stack.index() == stack.count() != stack.cleanIndex()
                and top.absorb(edit)):
            self.apply(edit)
            if top.changes_nothing():
                top.setObsolete(True)
                stack.undo()  # Qt drops an obsolete step when it is undone: nothing left to undo
            return
        stack.push(EditCommand(self, edit, label))

    def set_value(self, place: Place, new: Any) -> None:
        edit = edits.set_value(self.report, place, new, self.outline.find)
        if edit.old != edit.new:
            self.push(edit, _label_for(edit.place))

    def set_report_field(self, name: str, value: Any) -> None:
        self.set_value(edits.report_field(name), value)

    def set_section_field(self, section_id: str, name: str, value: Any) -> None:
        self.set_value(edits.section_field(section_id, name), value)

    def take_from_library(self, section_id: str, text: str) -> None:
        """A 资料库 paragraph added to the section's body as ONE undo step, and noted in
        Section.library_texts: its figures are last years' and 待核实 (core.reuse.flags)."""
        section = self._section(section_id)
        self.undo_stack.beginMacro("加入正文")
        try:
            self.set_section_field(section_id, "body", [*section.body, text])
            if text not in section.library_texts:
                self.set_section_field(section_id, "library_texts", [*section.library_texts, text])
        finally:
            self.undo_stack.endMacro()

    def set_point_text(self, section_id: str, row: int, text: str) -> None:
        self.set_value(edits.point_text(section_id, row), text)

    def add_point(self, section_id: str, row: int | None = None, text: str = "") -> int:
        points = self._section(section_id).points
        row = len(points) if row is None else max(0, min(row, len(points)))
        self.push(edits.InsertPoint(section_id, row, Point(text)), "添加要点")
        return row

    def remove_point(self, section_id: str, row: int) -> None:
        self.push(edits.RemovePoint(section_id, row), "删除要点")

    def move_point(self, section_id: str, row: int, to_row: int) -> bool:
        count = len(self._section(section_id).points)
        if not (0 <= row < count and 0 <= to_row < count) or row == to_row:
            return False
        label = "上移要点" if to_row < row else "下移要点"
        self.push(edits.MovePoint(section_id, row, to_row), label)
        return True

    def add_section_after(self, section_id: str | None, heading: str = "") -> str:
        """The new section's id, or "" when a limit refuses it (``refused`` says why)."""
        section = Section(heading=heading)
        at = ops.sibling_after_target(self.report, section_id)
        if not self._may_place(section, at):
            return ""
        self.push(edits.InsertSection(section, at), "添加同级标题")
        return section.id

    def insert_part_after(self, section_id: str | None, section: Section, label: str) -> str:
        """A part made elsewhere (an attachment read from a file, with its sub-parts and
        tables) placed after ``section_id``; its id, or "" when a limit refuses it."""
        at = ops.sibling_after_target(self.report, section_id)
        if not self._may_place(section, at):
            return ""
        self.push(edits.InsertSection(section, at), label)
        return section.id

    def add_child_section(self, section_id: str, heading: str = "") -> str:
        section = Section(heading=heading)
        at = ops.child_target(self.report, section_id)
        if not self._may_place(section, at):
            return ""
        self.push(edits.InsertSection(section, at), "添加下级标题")
        return section.id

    def _may_place(self, section: Section, at: ops.Location, moving: bool = False) -> bool:
        reason = ops.placement_refusal(self.report, section, at, moving=moving)
        if reason is not None:
            self.refused.emit(reason)
        return reason is None

    def delete_section(self, section_id: str) -> None:
        self.push(edits.RemoveSection(section_id), "删除标题")

    def _move(self, section_id: str, to: ops.Location | None, label: str) -> bool:
        if to is None or not self._may_place(self._section(section_id), to, moving=True):
            return False
        self.push(edits.MoveSection(section_id, to), label)
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
        from core.text.plaintext import turn_into_body_edit

        self.push(turn_into_body_edit(self.report, section_id), "转为正文")

    def drop_section(self, section_id: str, parent_id: str | None, row: int) -> bool:
        """A drag-and-drop move; ``row`` is the gap as displayed (-1: onto ``parent_id``)."""
        return self._move(section_id, ops.drop_location(self.report, section_id, parent_id, row), "拖动标题")

    def set_slot_texts(self, texts: dict[tuple[str, str, int], str], label: str) -> None:
        """New text for several strings (addressed as in core.text.textslots), as ONE undo step
        (none when nothing changes); the fields take them as core.text.textslots.edited_fields
        says (a paragraph left blank is no paragraph)."""
        from core.text.textslots import edited_fields

        wanted: list[tuple[Place, Any]] = []
        for (section_id, field), value in edited_fields(self.report, texts).items():
            if field == "points":
                wanted += [(edits.point_text(section_id, row), text) for row, text in enumerate(value)]
            else:
                wanted.append((Place(section_id, field), value))
        self.set_values(wanted, label)

    def set_values(self, wanted: list[tuple[Place, Any]], label: str) -> None:
        """Several fields at once, as ONE undo step (none when nothing changes)."""
        wanted = [(place, value) for place, value in wanted if self.value(place) != value]
        if not wanted:
            return
        self.undo_stack.beginMacro(label)
        try:
            for place, value in wanted:
                self.set_value(place, value)
        finally:
            self.undo_stack.endMacro()

    def set_flag_verified(self, flag_id: str, verified: bool = True) -> bool:
        """Mark a 待核实 flag 已核实 (saved with the draft); False when nothing changes."""
        if (flag_id in self.report.verified_flags) == verified:
            return False
        label = "标记已核实" if verified else "取消已核实"
        self.push(edits.VerifyFlag(flag_id, verified), label)
        return True

    def set_findings_ignored(self, keys: list[str], ignored: bool, label: str) -> bool:
        """Dismiss (忽略) or bring back the findings with these keys (core.checks.ignored), saved
        with the draft, as one undo step; False when nothing changes."""
        from core.checks.ignored import set_ignored

        after = Report(ignored_findings=list(self.report.ignored_findings))
        changed = [key for key in dict.fromkeys(keys) if key and set_ignored(after, key, ignored)]
        if not changed:
            return False
        self.push(edits.set_value(self.report, edits.report_field("ignored_findings"), after.ignored_findings), label)
        return True

    # ---- the one applier (called by the undo stack's commands) ---------------------------

    def apply(self, edit: Edit) -> Edit:
        """Make ``edit`` in the draft and tell every view; returns the edit that takes it back."""
        with self.outline.applying(edit):
            inverse = edits.apply_edit(self.report, edit, self.outline.find)
        self._announce(edit, inverse)
        self.edited.emit(edit)
        self.changed.emit()
        return inverse

    def _announce(self, edit: Edit, inverse: Edit) -> None:
        """The signals the views follow, for one applied edit."""
        if isinstance(edit, edits.SetValue):
            place = edit.place
            if place.is_report_field:
                self.reportChanged.emit()
                if place.field == "ignored_findings":
                    self.ignoredChanged.emit()
            elif place.is_point:
                self.pointsChanged.emit(place.section_id, -1)
            else:
                self.sectionChanged.emit(place.section_id)
        elif isinstance(edit, edits.VerifyFlag):
            self.flagsVerifiedChanged.emit(edit.flag_id)
        elif isinstance(edit, edits.InsertPoint):
            self.pointsChanged.emit(edit.section_id, edit.row)
        elif isinstance(edit, edits.RemovePoint):
            self.pointsChanged.emit(edit.section_id, edit.row - 1 if edit.row else 0)
        elif isinstance(edit, edits.MovePoint):
            self.pointsChanged.emit(edit.section_id, edit.to_row)
        else:
            if isinstance(edit, edits.ReplaceDraft):
                self.reportChanged.emit()
            self.structureChanged.emit()
            self.focusRequested.emit(self._focus_after(edit, inverse))

    def _focus_after(self, edit: Edit, inverse: Edit) -> str:
        """The section to select after a structural edit."""
        if isinstance(edit, edits.InsertSection):
            return edit.section.id
        if isinstance(edit, edits.RemoveSection) and isinstance(inverse, edits.InsertSection):
            return self.neighbour_of(inverse.at)
        if isinstance(edit, edits.TurnIntoBody) and isinstance(inverse, edits.UndoTurnIntoBody):
            merge = inverse.merge
            return merge.target_id or self.neighbour_of(merge.where)
        if isinstance(edit, edits.MoveSection):
            return edit.section_id
        if isinstance(edit, edits.UndoTurnIntoBody):
            return edit.merge.section.id
        return self.report.sections[0].id if self.report.sections else ""

    def neighbour_of(self, where: ops.Location) -> str:
        """What to select after the section at ``where`` went away."""
        container = ops.siblings(self.report, where.parent_id)
        if where.row < len(container):
            return container[where.row].id
        if container:
            return container[-1].id
        return where.parent_id or ""


def _label_for(place: Place) -> str:
    if place.is_report_field:
        spec = FIELD_BY_NAME.get(place.field)
        return spec.undo_label if spec is not None else "修改报告信息"
    if place.is_point:
        return "修改要点"
    return f"修改{SECTION_FIELD_LABELS.get(place.field, '内容')}"
