"""Edits as data: every change of a draft is one of these values, applied by :func:`apply_edit`.

A :class:`Place` says where in the draft something is: a report-level field (section id
""), a section's field, one paragraph or point of it (``index``), and characters in it. An
edit is a small frozen value: set a field (or one point's text), add/remove/move a section,
add/remove/move a point, turn a heading into text, mark a 待核实 flag, or put a whole saved
version in place. :func:`apply_edit` makes the change and returns the edit that takes it
back, so the window's undo stack, the edit journal and the tests all work from the same
values, and nothing else assigns into the draft while it is being edited.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from core.draft import outline_ops as ops
from core.draft.model import Point, Report, Section
from core.draft.tables import Table

REPORT = ""  # the section id of a report-level place
POINTS = "points"


@dataclass(frozen=True)
class Place:
    """Where in the draft: ``section_id`` "" for a report field; ``index`` the paragraph or
    point (-1: the field as a whole); ``start``–``end`` characters in it (end -1: to the end)."""

    section_id: str
    field: str
    index: int = -1
    start: int = 0
    end: int = -1

    @property
    def is_report_field(self) -> bool:
        return self.section_id == REPORT

    @property
    def is_point(self) -> bool:
        return self.field == POINTS and self.index >= 0

    def whole_field(self) -> Place:
        """The value an edit of this place sets: a field, or one point's text."""
        return Place(self.section_id, self.field, self.index if self.is_point else -1)


def report_field(name: str) -> Place:
    return Place(REPORT, name)


def section_field(section_id: str, name: str) -> Place:
    return Place(section_id, name)


def point_text(section_id: str, row: int) -> Place:
    return Place(section_id, POINTS, row)


# ---- the edits ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SetValue:
    """A field (or one point's text) goes from ``old`` to ``new``."""

    place: Place
    old: Any
    new: Any


@dataclass(frozen=True)
class InsertSection:
    section: Section
    at: ops.Location


@dataclass(frozen=True)
class RemoveSection:
    section_id: str


@dataclass(frozen=True)
class MoveSection:
    section_id: str
    to: ops.Location


@dataclass(frozen=True)
class TurnIntoBody:
    """转为正文: a heading the importer guessed wrongly becomes text again. Made by
    core.text.plaintext.turn_into_body_edit, which lays the heading's text out as paragraphs."""

    section_id: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class UndoTurnIntoBody:
    merge: ops.BodyMerge


@dataclass(frozen=True)
class InsertPoint:
    section_id: str
    row: int
    point: Point


@dataclass(frozen=True)
class RemovePoint:
    section_id: str
    row: int


@dataclass(frozen=True)
class MovePoint:
    section_id: str
    row: int
    to_row: int


@dataclass(frozen=True)
class VerifyFlag:
    """A 待核实 flag marked 已核实 (or the mark taken back)."""

    flag_id: str
    verified: bool
    row: int = -1  # where in the list of marks it goes back (an undone unmarking); -1: at the end


@dataclass(frozen=True)
class ReplaceDraft:
    """The whole draft becomes ``content`` (a saved version restored)."""

    content: Report


Edit = (SetValue | InsertSection | RemoveSection | MoveSection | TurnIntoBody | UndoTurnIntoBody
        | InsertPoint | RemovePoint | MovePoint | VerifyFlag | ReplaceDraft)
STRUCTURAL = (InsertSection, RemoveSection, MoveSection, TurnIntoBody, UndoTurnIntoBody, ReplaceDraft)
POINT_EDITS = (InsertPoint, RemovePoint, MovePoint)


def set_value(report: Report, place: Place, new: Any, find: FindSection | None = None) -> SetValue:
    """The edit that sets ``place`` to ``new`` (its ``old`` read from the draft now)."""
    return SetValue(place.whole_field(), own_copy(value_at(report, place, find)), own_copy(new))


# ---- reading and applying -------------------------------------------------------------------


FindSection = Callable[[str], Section | None]


def value_at(report: Report, place: Place, find: FindSection | None = None) -> Any:
    """The value an edit of ``place`` replaces: a field, or one point's text. ``find`` looks
    a section up by id (the window keeps an index; the default walks the tree)."""
    if place.is_report_field:
        return getattr(report, place.field)
    section = _section(report, place.section_id, find)
    if place.is_point:
        return section.points[place.index].text
    return getattr(section, place.field)


def apply_edit(report: Report, edit: Edit, find: FindSection | None = None) -> Edit:
    """Make ``edit`` in ``report``; returns the edit that takes it back exactly."""
    if isinstance(edit, SetValue):
        _assign(report, edit.place, own_copy(edit.new), find)
        return SetValue(edit.place, edit.new, edit.old)
    if isinstance(edit, InsertSection):
        ops.insert_section(report, edit.section, edit.at)
        return RemoveSection(edit.section.id)
    if isinstance(edit, RemoveSection):
        section, where = ops.remove_section(report, edit.section_id)
        return InsertSection(section, where)
    if isinstance(edit, MoveSection):
        return MoveSection(edit.section_id, ops.move_section(report, edit.section_id, edit.to))
    if isinstance(edit, TurnIntoBody):
        return UndoTurnIntoBody(ops.turn_into_body(report, edit.section_id, edit.paragraphs))
    if isinstance(edit, UndoTurnIntoBody):
        return TurnIntoBody(edit.merge.section.id, ops.undo_turn_into_body(report, edit.merge))
    if isinstance(edit, InsertPoint):
        ops.insert_point(report, edit.section_id, edit.row, edit.point)
        return RemovePoint(edit.section_id, edit.row)
    if isinstance(edit, RemovePoint):
        return InsertPoint(edit.section_id, edit.row, ops.remove_point(report, edit.section_id, edit.row))
    if isinstance(edit, MovePoint):
        ops.move_point(report, edit.section_id, edit.row, edit.to_row)
        return MovePoint(edit.section_id, edit.to_row, edit.row)
    if isinstance(edit, VerifyFlag):
        marks = report.verified_flags
        row = marks.index(edit.flag_id) if edit.flag_id in marks else -1
        set_flag_verified(report, edit.flag_id, edit.verified)
        if edit.verified and row < 0 and 0 <= edit.row < len(marks):
            marks.insert(edit.row, marks.pop())
        return VerifyFlag(edit.flag_id, row >= 0, row)
    if isinstance(edit, ReplaceDraft):
        before = copy.deepcopy(report)
        fresh = copy.deepcopy(edit.content)
        for spec in fields(Report):
            setattr(report, spec.name, getattr(fresh, spec.name))
        return ReplaceDraft(before)
    raise TypeError(f"not an edit: {edit!r}")


def touched_section(edit: Edit) -> str | None:
    """The one section whose own fields an edit changes; "" for report fields; None when it
    changes the tree (or the whole draft), so everything may have moved."""
    if isinstance(edit, SetValue):
        return edit.place.section_id
    if isinstance(edit, POINT_EDITS):
        return edit.section_id
    if isinstance(edit, VerifyFlag):
        return REPORT
    return None


def set_flag_verified(report: Report, flag_id: str, verified: bool = True) -> None:
    """Mark a flag 已核实 (or take the mark back); the mark is saved with the draft."""
    if verified and flag_id not in report.verified_flags:
        report.verified_flags.append(flag_id)
    elif not verified and flag_id in report.verified_flags:
        report.verified_flags.remove(flag_id)


def own_copy(value: Any) -> Any:
    """A value an edit can hold while the draft goes on changing: lists are shared with the
    Report, and tables' rows are lists too."""
    if isinstance(value, list) and any(isinstance(item, Table) for item in value):
        return copy.deepcopy(value)
    return list(value) if isinstance(value, list) else value


def _assign(report: Report, place: Place, value: Any, find: FindSection | None) -> None:
    if place.is_report_field:
        setattr(report, place.field, value)
        return
    section = _section(report, place.section_id, find)
    if place.is_point:
        section.points[place.index].text = value
    else:
        setattr(section, place.field, value)


def _section(report: Report, section_id: str, find: FindSection | None = None) -> Section:
    section = (find or report.find)(section_id)
    if section is None:
        raise ops.OutlineError(f"no section with id {section_id}")
    return section
