"""A Report as plain paragraphs, in reading order, with ordinals computed.

Used to compare drafts character for character (import round trips, "nothing lost"),
to index text in the library, and as the outline printed by the CLI. The paragraphs are
those of :func:`core.text.layout.report_layout`, the same the Word file gets.
"""

from __future__ import annotations

from core.draft.edits import TurnIntoBody
from core.draft.model import Report, Section
from core.draft.numbering import section_markers
from core.draft.outline_ops import OutlineError
from core.text.layout import report_layout, section_content, section_layout

__all__ = ["report_paragraphs", "report_text", "section_paragraphs", "section_text_paragraphs"]


def section_paragraphs(report: Report, section: Section, marker: str) -> list[str]:
    """The paragraphs of one section (without its children), its heading first."""
    return [p.full_text for p in section_layout(report, section, marker)]


def turn_into_body_edit(report: Report, section_id: str) -> TurnIntoBody:
    """转为正文 of one heading: the edit carries the heading (with the ordinal typed in the
    source) and its text as the paragraphs they become, laid out here, above the draft layer."""
    section = report.find(section_id)
    if section is None:
        raise OutlineError(f"no section with id {section_id}")
    paragraphs = tuple(p for p in section_paragraphs(report, section, section.source_marker) if p)
    return TurnIntoBody(section_id, paragraphs)


def section_text_paragraphs(report: Report, section: Section) -> list[str]:
    """The section's own text after its heading: what a clerk wrote, points with ordinals."""
    return [text for _, text in section_content(report, section)]


def report_paragraphs(report: Report, include_cover: bool = True, source_markers: bool = False) -> list[str]:
    """All paragraphs; ``source_markers`` uses the ordinals as written in an imported source."""
    markers = section_markers(report)
    if source_markers:
        # As written: a heading the importer recognised without a number (by style or
        # layout) had none in the source. Sections made in the app keep their computed one.
        markers |= {
            s.id: s.source_marker for _, s in report.walk() if s.source_marker or s.recognized_by not in ("", "marker")
        }
    laid = report_layout(report, markers)
    return [p.full_text for p in laid if include_cover or p.part != "cover"]


def report_text(report: Report) -> str:
    return "\n".join(report_paragraphs(report))
