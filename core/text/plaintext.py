"""A Report as plain paragraphs, in reading order, with ordinals computed.

Used to compare drafts character for character (import round trips, "nothing lost"),
to index text in the library, and as the outline printed by the CLI.
"""

from __future__ import annotations

from core.draft.model import LAYOUT_INLINE, Report, Section
from core.draft.numbering import point_marker, section_markers


def gb_date(iso: str) -> str:
    """"2025-07-01" → "2025年7月1日" (GB/T 9704: Arabic numerals, no zero padding)."""
    try:
        year, month, day = (int(part) for part in iso.split("-"))
    except ValueError:
        return iso
    return f"{year}年{month}月{day}日"


def section_paragraphs(report: Report, section: Section, marker: str) -> list[str]:
    """The paragraphs of one section (without its children), per the Section layout rules."""
    content = list(section.body)
    if section.points:
        texts = [point_marker(report, i) + p.text for i, p in enumerate(section.points)]
        if section.points_layout == LAYOUT_INLINE:
            point_paras = ["".join(texts)]
        else:
            point_paras = [para for text in texts for para in text.split("\n")]
        if section.points_joined and content:
            content[-1] += point_paras[0]
            point_paras = point_paras[1:]
        content.extend(point_paras)
    content.extend(section.tail)
    head = marker + section.heading
    if section.run_in:
        first = content.pop(0) if content else ""
        return [head + "。" + first, *content]
    return [head, *content]


def report_paragraphs(report: Report, include_cover: bool = True, source_markers: bool = False) -> list[str]:
    """All paragraphs; ``source_markers`` uses the ordinals as written in an imported source."""
    markers = section_markers(report)
    if source_markers:
        markers |= {s.id: s.source_marker for _, s in report.walk() if s.source_marker}
    out: list[str] = []
    if include_cover:
        out.extend(report.cover)
    if report.title:
        out.append(report.title)
    if report.subtitle:
        out.extend(report.subtitle.split("\n"))
    out.extend(report.opening)
    for _, section in report.walk():
        out.extend(section_paragraphs(report, section, markers[section.id]))
    out.extend(report.closing)
    if report.signature:
        out.extend(report.signature.split("\n"))
    if report.date:
        out.append(gb_date(report.date))
    return out


def report_text(report: Report) -> str:
    return "\n".join(report_paragraphs(report))
