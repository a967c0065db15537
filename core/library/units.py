"""A Report cut into the units the library indexes: paragraphs that know their section path."""

from __future__ import annotations

from dataclasses import dataclass

from core.draft.fields import AFTER_SECTIONS, BEFORE_SECTIONS, slot_fields
from core.draft.model import Report, Section
from core.draft.numbering import section_markers
from core.importing.outline_text import heading_text
from core.text.layout import field_layout
from core.text.plaintext import section_text_paragraphs

# Paragraphs outside the numbered sections take their report field's name as role and its
# label (core.draft.fields) as the place shown in place of a section path.
ROLE_HEADING, ROLE_BODY = "heading", "body"
PATH_SEPARATOR = " / "


@dataclass(frozen=True)
class Unit:
    """One searchable paragraph. ``headings`` are the plain heading texts of its section path."""

    position: int
    role: str
    section_path: str
    headings: tuple[str, ...]
    text: str


def _section_path(chain: list[tuple[str, Section]]) -> str:
    return PATH_SEPARATOR.join(marker + heading_text(section.heading) for marker, section in chain)


def report_units(report: Report) -> list[Unit]:
    """Every non-empty paragraph of ``report`` in reading order.

    A section's heading is a unit of its own; its paragraphs follow as they appear in the
    document (points rendered with 一是/二是…, inline points joined), except that a
    run-in heading is not repeated in front of the first paragraph.
    """
    markers = section_markers(report)
    units: list[Unit] = []

    def add(role: str, path: str, headings: tuple[str, ...], text: str) -> None:
        if text.strip():
            units.append(Unit(len(units), role, path, headings, text.strip()))

    def add_fields(placement: str) -> None:
        for spec in slot_fields(placement):
            for paragraph in field_layout(report, spec):
                add(spec.name, spec.label, (), paragraph.text)

    add_fields(BEFORE_SECTIONS)

    def visit(section: Section, chain: list[tuple[str, Section]]) -> None:
        chain = [*chain, (markers[section.id], section)]
        path = _section_path(chain)
        headings = tuple(heading_text(s.heading) for _, s in chain if s.heading.strip())
        add(ROLE_HEADING, path, headings, heading_text(section.heading))
        for paragraph in section_text_paragraphs(report, section):
            add(ROLE_BODY, path, headings, paragraph)
        for child in section.children:
            visit(child, chain)

    for section in report.sections:
        visit(section, [])
    add_fields(AFTER_SECTIONS)
    return units
