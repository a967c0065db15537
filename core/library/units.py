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


# One level of a paragraph's place: the section's marker (一、 （一） …, or a report field's
# label) and its heading's plain text (None for a section without a heading). The library
# stores each level once, with a link to the level above (core.library.records).
Step = tuple[str, str | None]
Chain = tuple[Step, ...]


def chain_path(chain: Chain) -> str:
    """The place shown with a search hit: "一、主要工作 / （二）加强人才队伍建设"."""
    return PATH_SEPARATOR.join(marker + (heading or "") for marker, heading in chain)


def chain_headings(chain: Chain) -> tuple[str, ...]:
    """The heading texts of the path, the paragraph's ``heading`` column in the index."""
    return tuple(heading for _, heading in chain if heading is not None)


@dataclass(frozen=True)
class Unit:
    """One searchable paragraph, with the chain of sections it sits in."""

    position: int
    role: str
    chain: Chain
    text: str

    @property
    def section_path(self) -> str:
        return chain_path(self.chain)

    @property
    def headings(self) -> tuple[str, ...]:
        return chain_headings(self.chain)


def _step(marker: str, section: Section) -> Step:
    return marker, (heading_text(section.heading) if section.heading.strip() else None)


def report_units(report: Report) -> list[Unit]:
    """Every non-empty paragraph of ``report`` in reading order.

    A section's heading is a unit of its own; its paragraphs follow as they appear in the
    document (points rendered with 一是/二是…, inline points joined), except that a
    run-in heading is not repeated in front of the first paragraph.
    """
    markers = section_markers(report)
    units: list[Unit] = []

    def add(role: str, chain: Chain, text: str) -> None:
        if text.strip():
            units.append(Unit(len(units), role, chain, text.strip()))

    def add_fields(placement: str) -> None:
        for spec in slot_fields(placement):
            for paragraph in field_layout(report, spec):
                add(spec.name, ((spec.label, None),), paragraph.text)

    add_fields(BEFORE_SECTIONS)

    def visit(section: Section, above: Chain) -> None:
        chain = (*above, _step(markers[section.id], section))
        add(ROLE_HEADING, chain, heading_text(section.heading))
        for paragraph in section_text_paragraphs(report, section):
            add(ROLE_BODY, chain, paragraph)
        for child in section.children:
            visit(child, chain)

    for section in report.sections:
        visit(section, ())
    add_fields(AFTER_SECTIONS)
    return units
