"""Edit operations on a Report's section tree and on a section's points.

Every operation names sections by id and places them by a ``Location`` (parent id, or
None for the top level, and a row), so an editor can undo any edit by applying the
inverse location. Functions that compute a target (``move_up_target`` …) return None
when the move is impossible, so a UI can grey out the action.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.draft.model import Point, Report, Section


class OutlineError(ValueError):
    """An edit that does not fit the tree (unknown id, moving a section into itself)."""


@dataclass(frozen=True)
class Location:
    parent_id: str | None  # None: top level of the report
    row: int


def siblings(report: Report, parent_id: str | None) -> list[Section]:
    """The list that holds the children of ``parent_id`` (the report's top level for None)."""
    if parent_id is None:
        return report.sections
    parent = report.find(parent_id)
    if parent is None:
        raise OutlineError(f"no section with id {parent_id}")
    return parent.children


def locate(report: Report, section_id: str) -> Location:
    parent = report.parent_of(section_id)
    container = parent.children if parent else report.sections
    for row, section in enumerate(container):
        if section.id == section_id:
            return Location(parent.id if parent else None, row)
    raise OutlineError(f"no section with id {section_id}")


def depth_of(report: Report, section_id: str) -> int:
    """1 for a top-level section."""
    for depth, section in report.walk():
        if section.id == section_id:
            return depth
    raise OutlineError(f"no section with id {section_id}")


def _contains(section: Section, section_id: str) -> bool:
    return any(s.id == section_id for _, s in section.walk())


def insert_section(report: Report, section: Section, at: Location) -> None:
    container = siblings(report, at.parent_id)
    if not 0 <= at.row <= len(container):
        raise OutlineError(f"row {at.row} out of range")
    if at.parent_id is not None and _contains(section, at.parent_id):
        raise OutlineError("a section cannot be placed inside itself")
    container.insert(at.row, section)


def _height(section: Section) -> int:
    """Levels in ``section``'s subtree, itself included."""
    return max(depth for depth, _ in section.walk(1))


def placement_refusal(report: Report, section: Section, at: Location, *, moving: bool = False) -> str | None:
    """Why ``section`` cannot go to ``at`` without making a draft that cannot be reopened
    (limits of :mod:`core.draft.validate`), in the clerk's words; None when it can."""
    from core.draft.validate import MAX_SECTION_DEPTH, MAX_SECTIONS, MAX_SIBLINGS

    parent_depth = 0 if at.parent_id is None else depth_of(report, at.parent_id)
    if parent_depth + _height(section) > MAX_SECTION_DEPTH:
        return f"标题最多 {MAX_SECTION_DEPTH} 级，不能再往下加一级。"
    same_parent = moving and locate(report, section.id).parent_id == at.parent_id
    if not same_parent and len(siblings(report, at.parent_id)) >= MAX_SIBLINGS:
        return f"同一级标题最多 {MAX_SIBLINGS} 个。请把这一级分成几组，放到不同的上级标题下。"
    if not moving and len(report.walk()) + len(section.walk()) > MAX_SECTIONS:
        return f"一份草稿最多 {MAX_SECTIONS} 个标题。"
    return None


def remove_section(report: Report, section_id: str) -> tuple[Section, Location]:
    """Take a section (with its sub-sections) out of the tree; return it and where it was."""
    where = locate(report, section_id)
    section = siblings(report, where.parent_id).pop(where.row)
    return section, where


def move_section(report: Report, section_id: str, to: Location) -> Location:
    """Move a section; ``to.row`` counts rows of the target list *after* removal.

    Returns the old location, which is the argument that undoes this move.
    """
    section = report.find(section_id)
    if section is None:
        raise OutlineError(f"no section with id {section_id}")
    if to.parent_id is not None and _contains(section, to.parent_id):
        raise OutlineError("a section cannot be moved inside itself")
    _, old = remove_section(report, section_id)
    try:
        insert_section(report, section, to)
    except OutlineError:
        insert_section(report, section, old)
        raise
    return old


def drop_location(report: Report, section_id: str, parent_id: str | None, row: int) -> Location | None:
    """Translate a drop "before row ``row`` of ``parent_id`` as it looks now" into a move target.

    Drag and drop names the gap in the tree as displayed, before the dragged section is
    taken out; ``move_section`` wants the row after removal. None if the drop is a no-op
    or would put a section inside itself.
    """
    section = report.find(section_id)
    if section is None or (parent_id is not None and _contains(section, parent_id)):
        return None
    where = locate(report, section_id)
    count = len(siblings(report, parent_id))
    row = count if row < 0 or row > count else row
    if where.parent_id == parent_id and row > where.row:
        row -= 1
    target = Location(parent_id, row)
    return None if target == where else target


def sibling_after_target(report: Report, section_id: str | None) -> Location:
    """Where a new sibling of ``section_id`` goes (end of the top level when None)."""
    if section_id is None:
        return Location(None, len(report.sections))
    where = locate(report, section_id)
    return Location(where.parent_id, where.row + 1)


def child_target(report: Report, section_id: str) -> Location:
    section = report.find(section_id)
    if section is None:
        raise OutlineError(f"no section with id {section_id}")
    return Location(section_id, len(section.children))


def move_up_target(report: Report, section_id: str) -> Location | None:
    where = locate(report, section_id)
    return Location(where.parent_id, where.row - 1) if where.row > 0 else None


def move_down_target(report: Report, section_id: str) -> Location | None:
    where = locate(report, section_id)
    last = len(siblings(report, where.parent_id)) - 1
    return Location(where.parent_id, where.row + 1) if where.row < last else None


def promote_target(report: Report, section_id: str) -> Location | None:
    """One level up: the section follows its former parent (None at the top level)."""
    where = locate(report, section_id)
    if where.parent_id is None:
        return None
    parent_where = locate(report, where.parent_id)
    return Location(parent_where.parent_id, parent_where.row + 1)


def demote_target(report: Report, section_id: str) -> Location | None:
    """One level down: the section becomes the last child of its previous sibling."""
    where = locate(report, section_id)
    if where.row == 0:
        return None
    previous = siblings(report, where.parent_id)[where.row - 1]
    return Location(previous.id, len(previous.children))


# Turning a wrongly recognised heading back into body text.


@dataclass
class BodyMerge:
    """What ``turn_into_body`` did, so ``undo_turn_into_body`` restores it exactly."""

    section: Section
    where: Location
    target_id: str | None  # the section that received the text; None: the report's opening
    field: str  # "body", "tail" or "opening"
    added: int  # paragraphs appended there
    lifted: int  # sub-sections that took the section's place


def _text_before(report: Report, where: Location) -> tuple[Section | None, str]:
    """Where text continues that comes right before the section at ``where``."""
    if where.row > 0:
        target = siblings(report, where.parent_id)[where.row - 1]
        while target.children:
            target = target.children[-1]
    elif where.parent_id is not None:
        target = _section(report, where.parent_id)
    else:
        return None, "opening"
    return target, "tail" if target.points else "body"


def turn_into_body(report: Report, section_id: str, paragraphs: Sequence[str]) -> BodyMerge:
    """Make a heading ordinary text: ``paragraphs`` (the heading with the ordinal typed in the
    source, and its text, as core.text.plaintext lays them out) continue the text before it;
    its sub-sections take its place."""
    where = locate(report, section_id)
    section = siblings(report, where.parent_id)[where.row]
    target, field_name = _text_before(report, where)
    (report.opening if target is None else getattr(target, field_name)).extend(paragraphs)
    container = siblings(report, where.parent_id)
    children, section.children = section.children, []
    container[where.row : where.row + 1] = children
    return BodyMerge(section, where, target.id if target else None, field_name, len(paragraphs), len(children))


def undo_turn_into_body(report: Report, merge: BodyMerge) -> tuple[str, ...]:
    """Put the heading back; returns the paragraphs taken back out of the text before it."""
    holder = report.opening if merge.target_id is None else getattr(_section(report, merge.target_id), merge.field)
    taken = tuple(holder[len(holder) - merge.added :]) if merge.added else ()
    if merge.added:
        del holder[-merge.added :]
    container = siblings(report, merge.where.parent_id)
    merge.section.children = container[merge.where.row : merge.where.row + merge.lifted]
    container[merge.where.row : merge.where.row + merge.lifted] = [merge.section]
    return taken


# Points (一是/二是…) of one section.


def _section(report: Report, section_id: str) -> Section:
    section = report.find(section_id)
    if section is None:
        raise OutlineError(f"no section with id {section_id}")
    return section


def insert_point(report: Report, section_id: str, row: int, point: Point) -> None:
    points = _section(report, section_id).points
    if not 0 <= row <= len(points):
        raise OutlineError(f"point row {row} out of range")
    points.insert(row, point)


def remove_point(report: Report, section_id: str, row: int) -> Point:
    points = _section(report, section_id).points
    if not 0 <= row < len(points):
        raise OutlineError(f"point row {row} out of range")
    return points.pop(row)


def move_point(report: Report, section_id: str, row: int, to_row: int) -> None:
    points = _section(report, section_id).points
    if not (0 <= row < len(points) and 0 <= to_row < len(points)):
        raise OutlineError(f"point row {row}→{to_row} out of range")
    points.insert(to_row, points.pop(row))


__all__ = [
    "BodyMerge",
    "Location",
    "OutlineError",
    "child_target",
    "demote_target",
    "depth_of",
    "drop_location",
    "insert_point",
    "insert_section",
    "locate",
    "move_down_target",
    "move_point",
    "move_section",
    "move_up_target",
    "placement_refusal",
    "promote_target",
    "remove_point",
    "remove_section",
    "sibling_after_target",
    "siblings",
    "turn_into_body",
    "undo_turn_into_body",
]


def forget_source_markers(report: Report) -> None:
    """Drop the ordinals as written in an imported source.

    They describe last year's document; once a draft is edited, sections move and the
    numbers are computed from position, so old markers would only mislead the checks.
    """
    for _, section in report.walk():
        section.source_marker = ""
