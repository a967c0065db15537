"""The outline as tab-separated lines, as printed by ``import FILE --outline``."""

from __future__ import annotations

from core.draft.model import Report, first_sentence
from core.draft.numbering import point_marker, section_markers


def heading_text(heading: str) -> str:
    return heading.rstrip().rstrip("。").rstrip()


def outline_lines(report: Report, source_markers: bool = True, show_how: bool = False) -> list[str]:
    """``KIND``, ``TITLE``, ``ADDRESSEE`` (主送机关, when there is one), then ``H`` per heading
    and ``P`` per point, in reading order.

    ``show_how`` adds a column saying how each heading was recognised (marker, style,
    formatting, layout; empty for a section made in the app).
    """
    computed = section_markers(report)
    lines = [f"KIND\t{report.kind}", f"TITLE\t{report.title}"]
    if report.addressee:
        lines.append(f"ADDRESSEE\t{report.addressee}")
    for depth, section in report.walk():
        marker = section.source_marker if source_markers and section.source_marker else computed[section.id]
        how = f"\t{section.recognized_by}" if show_how else ""
        lines.append(f"H\t{depth}\t{marker}\t{heading_text(section.heading)}{how}")
        for index, point in enumerate(section.points):
            lines.append(f"P\t{depth + 1}\t{point_marker(report, index)}\t{first_sentence(point.text)}")
    return lines


def dropped_lines(dropped: list[str]) -> list[str]:
    """``DROPPED<TAB>text`` for each piece of page chrome or furniture left out."""
    return [f"DROPPED\t{text}" for text in dropped]
