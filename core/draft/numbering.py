"""Ordinals computed from position: moving a section renumbers everything.

A top-level section marked ``attachment`` is not numbered with the text: it is "附件N"
(N its place in the 附件说明, :func:`attachment_names`), and its sub-parts are numbered
afresh from the first level, as an attachment is a document of its own — with its own
numbering when it has one (Section.numbering: an attachment read from a file).
"""

from __future__ import annotations

from core.draft.model import Numbering, Report, Section
from core.draft.ordinals import format_ordinal

ATTACHMENT_MARK = "："  # "附件1：" before an attachment part's title, where a marker would be


def attachment_names(report: Report) -> list[str]:
    """The 附件说明 as printed: the names typed, then the title of each attachment part
    that is not among them, in order."""
    names = [n.strip() for n in report.attachments if n.strip()]
    for section in report.sections:
        title = section.heading.strip()
        if section.attachment and title and title not in names:
            names.append(title)
    return names


def attachment_label(index: int, count: int) -> str:
    """ "附件1" — or "附件" when there is only one (GB/T 9704 8)."""
    return "附件" if count == 1 else f"附件{index + 1}"


def attachment_parts(report: Report) -> list[tuple[Section, int]]:
    """Each attachment part with its 0-based number, in the order of the 附件说明."""
    names = attachment_names(report)
    parts: list[tuple[Section, int]] = []
    extra = len(names)
    for section in report.sections:
        if not section.attachment:
            continue
        title = section.heading.strip()
        if title in names:
            parts.append((section, names.index(title)))
        else:
            parts.append((section, extra))
            extra += 1
    return sorted(parts, key=lambda part: part[1])


def attachment_count(report: Report) -> int:
    untitled = sum(1 for s in report.sections if s.attachment and not s.heading.strip())
    return max(len(attachment_names(report)) + untitled, len(report.attachment_texts))


def section_markers(report: Report) -> dict[str, str]:
    """Map each section id to its rendered marker ("一、", "（二）", "12." …; "附件1：")."""
    markers: dict[str, str] = {}
    running: dict[int, int] = {}  # depth → last number, for continuous levels

    def visit(sections: list[Section], depth: int, numbering: Numbering = report.numbering) -> None:
        level = numbering.level(depth)
        index = 0
        for section in sections:
            if depth == 1 and section.attachment and sections is report.sections:
                continue
            index += 1
            if level.continuous:
                running[depth] = running.get(depth, 0) + 1
                number = running[depth]
            else:
                number = index
            markers[section.id] = format_ordinal(level.fmt, number)
            visit(section.children, depth + 1, numbering)

    visit(report.sections, 1)
    count = attachment_count(report)
    for section, number in attachment_parts(report):
        markers[section.id] = attachment_label(number, count) + ATTACHMENT_MARK
        running.clear()  # an attachment's items count from 1 again
        visit(section.children, 1, section.numbering or report.numbering)
    return markers


def numbering_of(report: Report) -> dict[str, Numbering]:
    """The numbering of each section inside an attachment part that has its own
    (Section.numbering); the others follow the report's."""
    own: dict[str, Numbering] = {}
    for part, _number in attachment_parts(report):
        if part.numbering is not None:
            own |= {section.id: part.numbering for _depth, section in part.walk()}
    return own


def point_marker(report: Report, index: int) -> str:
    """0-based point index → "一是", "二是" … in the report's point format."""
    return format_ordinal(report.numbering.points, index + 1)
