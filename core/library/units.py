"""A Report cut into the units the library indexes: paragraphs that know their section path."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from core.draft.model import Report, Section
from core.draft.numbering import section_markers
from core.importing.outline_text import heading_text
from core.text.plaintext import section_paragraphs

ROLE_TITLE, ROLE_COVER, ROLE_OPENING = "title", "cover", "opening"
ROLE_HEADING, ROLE_BODY, ROLE_CLOSING = "heading", "body", "closing"
# Where a paragraph outside the numbered sections sits, as shown in place of a section path.
PLACE_NAMES = {ROLE_TITLE: "标题", ROLE_COVER: "印发通知", ROLE_OPENING: "开头", ROLE_CLOSING: "结尾"}
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

    for paragraph in report.cover:
        add(ROLE_COVER, PLACE_NAMES[ROLE_COVER], (), paragraph)
    add(ROLE_TITLE, PLACE_NAMES[ROLE_TITLE], (), report.title)
    for paragraph in report.opening:
        add(ROLE_OPENING, PLACE_NAMES[ROLE_OPENING], (), paragraph)

    def visit(section: Section, chain: list[tuple[str, Section]]) -> None:
        chain = [*chain, (markers[section.id], section)]
        path = _section_path(chain)
        headings = tuple(heading_text(s.heading) for _, s in chain if s.heading.strip())
        add(ROLE_HEADING, path, headings, heading_text(section.heading))
        # run_in=False: the heading comes back as paragraph 0, which is dropped here.
        laid_out = section_paragraphs(report, dataclasses.replace(section, run_in=False), "")
        for paragraph in laid_out[1:]:
            add(ROLE_BODY, path, headings, paragraph)
        for child in section.children:
            visit(child, chain)

    for section in report.sections:
        visit(section, [])
    for paragraph in report.closing:
        add(ROLE_CLOSING, PLACE_NAMES[ROLE_CLOSING], (), paragraph)
    return units
