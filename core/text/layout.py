"""The one layout of a report as typed paragraphs, in reading order, with ordinals computed.

The Word file (:mod:`core.render.context`), the plain text (library, search and check
offsets, round-trip comparisons) and the preview all start from :func:`report_layout`, so a
paragraph indexed in one is the same paragraph in the others. Only presentation differs:
the renderer breaks a long title over lines and picks template paragraphs by ``part``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from core.draft.fields import (
    AFTER_SECTIONS,
    BEFORE_SECTIONS,
    LAID_ADDRESSEE,
    LAID_ATTACHMENT_LIST,
    LAID_ATTACHMENT_PAGES,
    LAID_BLOCK,
    LAID_DATE,
    LAID_ELEMENT,
    LAID_LINES,
    ReportField,
    field_lines,
    fields_at,
)
from core.draft.model import LAYOUT_INLINE, LAYOUT_JOINED, Report, Section
from core.draft.numbering import attachment_names, attachment_parts, point_marker, section_markers
from core.draft.tables import Table
from core.text.attachment_layout import attachment_pages
from core.text.dates import gb_date
from core.text.gongwen_layout import gongwen_field_lines

_NEWLINES = re.compile(r"\r\n?")
RUN_IN_END = "。"
# Marks a run-in heading may close with: the clerk's own is kept ("总体要求：正文…"), any
# other heading gets RUN_IN_END. The importer splits a run-in line at the same marks
# (core.importing.outline_parser.run_in_cut), so both directions agree.
RUN_IN_CLOSING_MARKS = ("。", "！", "？", "：", "；", "…")
ADDRESSEE_END = "："

# Parts of a section's own text.
HEADING, BODY, POINT, TAIL = "heading", "body", "point", "tail"
# One row of a section's table: its cells joined by a tab (plain text, search, library).
TABLE_ROW = "table"
# An attachment part's page opens with its label ("附件1") and its heading as the title.
ATTACHMENT_LABEL, ATTACHMENT_TITLE = "attachment_label", "attachment_title"


@dataclass(frozen=True)
class LaidParagraph:
    """One paragraph: ``lead`` is a run-in heading ("（一）标题。"), set in the heading's font.

    ``part`` is a report field's name ("title", "addressee", "signature" …) or, inside a
    section, heading/body/point/tail. ``depth`` is the section's depth (1 = 一、).
    """

    part: str
    text: str
    lead: str = ""
    section: str = ""
    depth: int = 0

    @property
    def full_text(self) -> str:
        return self.lead + self.text


def split_lines(text: str) -> list[str]:
    """A stored string as paragraphs: "\\n" (or a Windows/Mac line end) starts a new one."""
    return _NEWLINES.sub("\n", text).split("\n")


def run_in_lead(marker: str, heading: str) -> str:
    """"（一）" + "加强班子建设" → "（一）加强班子建设。"; a heading that already closes with one
    of RUN_IN_CLOSING_MARKS ("总体要求：", "如何抓好落实？") keeps its own mark."""
    heading = heading.rstrip()
    if heading and not heading.endswith(RUN_IN_CLOSING_MARKS):
        heading += RUN_IN_END
    return marker + heading


CN_DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")


def cover_is_dated(cover: list[str]) -> bool:
    """A 印发通知 that ends with its date (core/reuse/notice.py): it carries the 落款 and date."""
    lines = [line for text in cover for line in split_lines(text)]
    return len(lines) > 2 and CN_DATE.match(lines[-1].strip()) is not None


def addressee_line(text: str) -> str:
    """主送机关 ends with a full-width colon (GB/T 9704 7.3.2), whatever was typed."""
    text = text.strip().rstrip(":：").rstrip()
    return text + ADDRESSEE_END if text else ""


def section_content(report: Report, section: Section) -> list[tuple[str, str]]:
    """(part, text) for the section's own paragraphs after its heading; a table's rows
    stand after the body entry they follow (or after the tail)."""
    content: list[tuple[str, str]] = []
    for index, text in enumerate(section.body):
        content += _table_rows(section, index)
        content += [(BODY, line) for line in split_lines(text)]
    content += _table_rows(section, len(section.body))
    if section.points:
        marked = [point_marker(report, i) + point.text for i, point in enumerate(section.points)]
        if section.points_layout in (LAYOUT_INLINE, LAYOUT_JOINED):
            joined = split_lines("".join(marked))
            if section.points_layout == LAYOUT_JOINED and content and content[-1][0] == BODY:
                part, last = content.pop()
                content.append((part, last + joined[0]))
                joined = joined[1:]
            content += [(POINT, line) for line in joined]
        else:
            content += [(POINT, line) for text in marked for line in split_lines(text)]
    content += [(TAIL, line) for text in section.tail for line in split_lines(text)]
    return content + _table_rows(section, None)


def _table_place(section: Section, table: Table) -> int | None:
    """Where a table stands: after this many body entries (a stale index beyond the body
    counts as its end, so no table is ever left out), or None after the tail."""
    return None if table.after_body is None else min(table.after_body, len(section.body))


def _tables_in_reading_order(section: Section) -> list[Table]:
    end = len(section.body) + 1
    return sorted(section.tables, key=lambda t: end if _table_place(section, t) is None else _table_place(section, t))


def tables_by_first_row(report: Report, laid: list[LaidParagraph]) -> list[tuple[int, Table]]:
    """Each table with the index in ``laid`` of its first row paragraph."""
    queues = {section.id: [t for t in _tables_in_reading_order(section) if t.rows] for _, section in report.walk()}
    out: list[tuple[int, Table]] = []
    index = 0
    while index < len(laid):
        paragraph = laid[index]
        queue = queues.get(paragraph.section)
        if paragraph.part == TABLE_ROW and queue:
            table = queue.pop(0)
            out.append((index, table))
            index += len(table.rows)
        else:
            index += 1
    return out


def _table_rows(section: Section, after_body: int | None) -> list[tuple[str, str]]:
    """Rows of the tables placed at ``after_body`` (see :func:`_table_place`)."""
    return [
        (TABLE_ROW, line)
        for table in section.tables
        if _table_place(section, table) == after_body
        for line in table.text_lines()
    ]


def section_layout(report: Report, section: Section, marker: str, depth: int = 1) -> list[LaidParagraph]:
    """The section's own paragraphs (not its children): heading, standalone or run in."""
    content = section_content(report, section)
    if section.run_in:
        first = content.pop(0)[1] if content and content[0][0] != TABLE_ROW else ""
        out = [LaidParagraph(HEADING, first, run_in_lead(marker, section.heading), section.id, depth)]
    else:
        out = [LaidParagraph(HEADING, marker + section.heading.strip(), "", section.id, depth)]
    out += [LaidParagraph(part, text, "", section.id, depth) for part, text in content]
    return out


def _lines(report: Report, spec: ReportField) -> list[str]:
    return [line for text in field_lines(getattr(report, spec.name)) for line in split_lines(text)]


def _block(report: Report, spec: ReportField) -> list[str]:
    # Lines of a title block or a signature: blank lines carry nothing on paper.
    return [line.strip() for line in field_lines(getattr(report, spec.name)) if line.strip()]


def _addressee(report: Report, spec: ReportField) -> list[str]:
    line = addressee_line(getattr(report, spec.name))
    return [line] if line else []


def _attachment_list(report: Report, spec: ReportField) -> list[str]:
    names = attachment_names(report)
    numbered = [f"{i + 1}.{n}" if len(names) > 1 else n for i, n in enumerate(names)]
    return [("附件：" if i == 0 else "") + n for i, n in enumerate(numbered)]


def _attachment_pages(report: Report, spec: ReportField) -> list[str]:
    return [text for _, text in attachment_pages(report)]


def _date(report: Report, spec: ReportField) -> list[str]:
    value = getattr(report, spec.name)
    return [gb_date(value)] if value.strip() else []


def _element(report: Report, spec: ReportField) -> list[str]:
    return gongwen_field_lines(report, spec.name, gb_date)


# How each kind of row (ReportField.laid) becomes the texts of its paragraphs.
FIELD_LAYOUTS: dict[str, Callable[[Report, ReportField], list[str]]] = {
    LAID_LINES: _lines,
    LAID_BLOCK: _block,
    LAID_ADDRESSEE: _addressee,
    LAID_ATTACHMENT_LIST: _attachment_list,
    LAID_ATTACHMENT_PAGES: _attachment_pages,
    LAID_DATE: _date,
    LAID_ELEMENT: _element,
}


def field_layout(report: Report, spec: ReportField) -> list[LaidParagraph]:
    """A report-level field's paragraphs as they appear in the document, by its row."""
    if spec.notice_carries and cover_is_dated(report.cover):
        # Issued with a 印发通知: the notice carries the 落款 and date; the 要点 after it ends
        # with its text, as issued documents do (its own would repeat them a page later).
        return []
    return [LaidParagraph(spec.name, text) for text in FIELD_LAYOUTS[spec.laid](report, spec)]


def report_layout(report: Report, markers: dict[str, str] | None = None) -> list[LaidParagraph]:
    """Every paragraph of the report in reading order.

    ``markers`` overrides the computed ordinals (an imported source's own numbers).
    """
    markers = section_markers(report) if markers is None else markers
    out: list[LaidParagraph] = []
    for spec in fields_at(BEFORE_SECTIONS):
        out += field_layout(report, spec)
    for section in report.sections:
        if not section.attachment:
            for depth, part in section.walk():
                out += section_layout(report, part, markers.get(part.id, ""), depth)
    for spec in fields_at(AFTER_SECTIONS):
        out += field_layout(report, spec)
        if spec.laid == LAID_ATTACHMENT_PAGES:  # the attachment parts follow the 附件 pages
            out += attachment_sections_layout(report, markers)
    return out


def attachment_sections_layout(report: Report, markers: dict[str, str]) -> list[LaidParagraph]:
    """The pages of the attachment parts, after the 落款: "附件N", the title, the part's own
    text, then its sub-parts numbered afresh (their depth counted from the attachment)."""
    out: list[LaidParagraph] = []
    for root, _number in attachment_parts(report):
        label = markers.get(root.id, "").rstrip("：")
        out.append(LaidParagraph(ATTACHMENT_LABEL, label, "", root.id, 0))
        if root.heading.strip():
            out.append(LaidParagraph(ATTACHMENT_TITLE, root.heading.strip(), "", root.id, 0))
        out += [LaidParagraph(part, text, "", root.id, 0) for part, text in section_content(report, root)]
        for depth, part in root.walk():
            if part is not root:
                out += section_layout(report, part, markers.get(part.id, ""), depth - 1)
    return out
