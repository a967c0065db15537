"""Ordinals computed from position: moving a section renumbers everything."""

from __future__ import annotations

from core.draft.model import Report, Section
from core.draft.ordinals import format_ordinal


def section_markers(report: Report) -> dict[str, str]:
    """Map each section id to its rendered marker ("一、", "（二）", "12." …)."""
    markers: dict[str, str] = {}
    running: dict[int, int] = {}  # depth → last number, for continuous levels

    def visit(sections: list[Section], depth: int) -> None:
        level = report.numbering.level(depth)
        for index, section in enumerate(sections, start=1):
            if level.continuous:
                running[depth] = running.get(depth, 0) + 1
                number = running[depth]
            else:
                number = index
            markers[section.id] = format_ordinal(level.fmt, number)
            visit(section.children, depth + 1)

    visit(report.sections, 1)
    return markers


def point_marker(report: Report, index: int) -> str:
    """0-based point index → "一是", "二是" … in the report's point format."""
    return format_ordinal(report.numbering.points, index + 1)
