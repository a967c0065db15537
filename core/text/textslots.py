"""Every piece of text in a Report, addressed so that a flag or a finding can point at it.

A *slot* is one editable string: a report-level field (``title``, one ``opening``
paragraph …) or a section's heading, body paragraph, point text or tail paragraph.
Flags (:mod:`core.reuse.flags`) and check findings (:mod:`core.checks`) carry the address of
their slot — ``section_id`` ("" for report-level text), ``field`` and ``index`` — plus
character offsets into the slot's text, so the GUI can highlight and jump to them.

Offsets are Python string indices (code points). Qt counts UTF-16 units; the two differ
only after characters outside the Basic Multilingual Plane (rare CJK extension B).
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from core.draft.fields import (
    AFTER_SECTIONS,
    BEFORE_SECTIONS,
    FIELD_BY_NAME,
    LINE,
    PARAGRAPHS,
    SECTION_FIELD_LABELS,
    ReportField,
    field_label,
    slot_fields,
)
from core.draft.model import Report, Section
from core.draft.numbering import section_markers
from core.text.lines import one_line

# Report-level text fields (core.draft.fields), in reading order; single strings use index 0.
REPORT_FIELDS = tuple(f.name for f in (*slot_fields(BEFORE_SECTIONS), *slot_fields(AFTER_SECTIONS)))
REPORT_LIST_FIELDS = tuple(name for name in REPORT_FIELDS if FIELD_BY_NAME[name].is_list)
SECTION_FIELDS = ("heading", "body", "points", "tail")
# Dates the layout prints in its own form (2025年7月12日) from the stored one (2025-07-12):
# not slots (checks and search read the printed text), but addressed like one when a
# reviewed copy changes them (core.review), the value being the stored form.
DATE_FIELDS = ("date", "print_date")
FIELD_LABELS = {name: FIELD_BY_NAME[name].label for name in REPORT_FIELDS} | SECTION_FIELD_LABELS


@dataclass(frozen=True)
class Slot:
    """One editable string of a report and its address."""

    section_id: str  # "" for report-level text
    field: str
    index: int
    text: str
    cell: tuple[int, int, int] | None = None  # a table cell's (table, row, column), field CELLS

    @property
    def owner(self) -> str:
        """The section id, or the report-level field name ("title", "opening" …)."""
        return self.section_id or self.field


def section_slots(section: Section, cells: bool = False) -> Iterator[Slot]:
    """The section's own text (not its children), in reading order; with ``cells``, its
    table cells after it (field CELLS: the 待核实 flags, the checks and find/replace read them)."""
    yield Slot(section.id, "heading", 0, section.heading)
    for i, text in enumerate(section.body):
        yield Slot(section.id, "body", i, text)
    for i, point in enumerate(section.points):
        yield Slot(section.id, "points", i, point.text)
    for i, text in enumerate(section.tail):
        yield Slot(section.id, "tail", i, text)
    if cells:
        for i, (table, row, column) in enumerate(table_cells(section)):
            yield Slot(section.id, CELLS, i, section.tables[table].rows[row][column], (table, row, column))


def text_digest(report: Report) -> str:
    """A digest of the report's words where they stand: every text at its address (table cells
    included; a section by its place in reading order, not its id) and the outline's shape
    (each section's depth, its tables' merges). Equal for two states of a draft that a review
    could not tell apart; the exported .docx carries it (core.render.sent_mark), so a reviewed
    copy shows whether the draft is still as it was sent even on a computer that kept no record
    of the export."""
    digest = hashlib.sha256()
    walked = report.walk()
    place = {section.id: number for number, (_, section) in enumerate(walked)}
    for depth, section in walked:
        digest.update(f"{depth}\x1f{[table.merges for table in section.tables]!r}\x1e".encode())
    for slot in iter_slots(report, cells=True):
        where = place.get(slot.section_id, -1) if slot.section_id else -1
        digest.update(f"{where}\x1f{slot.field}\x1f{slot.index}\x1f{slot.text}\x1e".encode())
    return digest.hexdigest()


def iter_slots(report: Report, cells: bool = False) -> Iterator[Slot]:
    """All text of the report in reading order: cover, title, opening, sections, closing …
    (``cells``: each section's table cells too, as :func:`section_slots`)."""
    yield from _report_field_slots(report, slot_fields(BEFORE_SECTIONS))
    for _, section in report.walk():
        yield from section_slots(section, cells)
    yield from _report_field_slots(report, slot_fields(AFTER_SECTIONS))


def report_field_slots(report: Report) -> Iterator[Slot]:
    """The report-level text only (cover, title, opening, closing …), in the order of
    :func:`iter_slots`, without visiting a section."""
    yield from _report_field_slots(report, slot_fields(BEFORE_SECTIONS))
    yield from _report_field_slots(report, slot_fields(AFTER_SECTIONS))


def _report_field_slots(report: Report, specs: tuple[ReportField, ...]) -> Iterator[Slot]:
    for spec in specs:
        value = getattr(report, spec.name)
        if isinstance(value, list):
            for i, text in enumerate(value):
                yield Slot("", spec.name, i, text)
        elif value:
            yield Slot("", spec.name, 0, value)


def slot_text(report: Report, section_id: str, field: str, index: int,
              sections: dict[str, Section] | None = None) -> str | None:
    """The current text at an address, or None when it no longer exists (``sections``: the
    report's sections by id, when many addresses are read at once)."""
    if not section_id:
        if field not in REPORT_FIELDS and field not in DATE_FIELDS:
            return None
        value = getattr(report, field)
        if isinstance(value, list):
            return value[index] if 0 <= index < len(value) else None
        return value if index == 0 else None
    section = sections.get(section_id) if sections is not None else report.find(section_id)
    if section is None:
        return None
    if field == "heading":
        return section.heading if index == 0 else None
    if field == "points":
        return section.points[index].text if 0 <= index < len(section.points) else None
    if field in ("body", "tail"):
        items: list[str] = getattr(section, field)
        return items[index] if 0 <= index < len(items) else None
    if field == CELLS:
        cells = table_cells(section)
        if not 0 <= index < len(cells):
            return None
        table, row, column = cells[index]
        return section.tables[table].rows[row][column]
    return None


# A table cell's address: field CELLS, index = its place among all the section's cells
# (table by table, row by row). A slot of iter_slots only when asked (cells=True): the
# 待核实 flags, the checks and find/replace read cells like body text; the review writes into them.
CELLS = "cells"


def table_cells(section: Section) -> list[tuple[int, int, int]]:
    """(table, row, column) of each of the section's table cells, in the order CELLS counts."""
    return [
        (t, r, c)
        for t, table in enumerate(section.tables)
        for r, row in enumerate(table.rows)
        for c in range(len(row))
    ]


def cell_index(section: Section, table: int, row: int, column: int) -> int | None:
    """The CELLS index of a cell, or None when the section has no such cell."""
    try:
        return table_cells(section).index((table, row, column))
    except ValueError:
        return None


def set_slot_text(report: Report, section_id: str, field: str, index: int, text: str) -> None:
    """Replace the text at an address (used by carry-over; raises KeyError when absent)."""
    if slot_text(report, section_id, field, index) is None:
        raise KeyError(f"no text at {section_id or '-'}/{field}/{index}")
    if not section_id:
        value = getattr(report, field)
        if isinstance(value, list):
            value[index] = text
        else:
            setattr(report, field, text)
        return
    section = report.find(section_id)
    assert section is not None  # checked by slot_text above
    if field == "heading":
        section.heading = text
    elif field == "points":
        section.points[index].text = text
    elif field == CELLS:
        table_number, row, column = table_cells(section)[index]
        table = section.tables[table_number]
        # A merged cell's text is in its first grid cell only (core.draft.tables).
        row, column = table.holder(row, column)
        table.rows[row][column] = text
    else:
        getattr(section, field)[index] = text


# Strings that are one line: a section's heading and the report's LINE fields (标题, 主送机关 …).
ONE_LINE_FIELDS = frozenset({"heading", *(n for n in REPORT_FIELDS if FIELD_BY_NAME[n].value == LINE)})
# Lists whose items are paragraphs, one a line in the editor: an item left blank is no paragraph.
# (Points are rows of their own even when empty; an 附件正文 belongs to its attachment's name.)
PARAGRAPH_LISTS = frozenset({"body", "tail", *(n for n in REPORT_LIST_FIELDS if FIELD_BY_NAME[n].value == PARAGRAPHS)})

Address = tuple[str, str, int]  # section id ("" for report-level text), field, index


def edited_fields(report: Report, texts: dict[Address, str]) -> dict[tuple[str, str], str | list[str]]:
    """The new value of every field these strings belong to, when each addressed string
    becomes its new text (find and replace, 一键修正): kept as the editors keep what the clerk
    types — without blank space around it, a heading or one-line field on one line, and a
    paragraph left blank removed from its list.

    Keys are (section id or "", field); a list field's value is the list of its texts (for
    points, of the points' texts). Raises KeyError for an address with no text.
    """
    values: dict[tuple[str, str], str | list[str]] = {}
    emptied: dict[tuple[str, str], set[int]] = {}
    for (section_id, field, index), text in texts.items():
        if slot_text(report, section_id, field, index) is None:
            raise KeyError(f"no text at {section_id or '-'}/{field}/{index}")
        key = (section_id, field)
        if key not in values:
            values[key] = _field_value(report, section_id, field)
        if field in ONE_LINE_FIELDS:
            text = one_line(text)
        value, text = values[key], text.strip()
        if isinstance(value, list):
            value[index] = text
            if not text and field in PARAGRAPH_LISTS:
                emptied.setdefault(key, set()).add(index)
        else:
            values[key] = text
    for key, indices in emptied.items():
        values[key] = [text for i, text in enumerate(values[key]) if i not in indices]
    for section_id, field in [key for key in values if key[1] == CELLS]:
        # Cells are kept in their tables: the section's "tables" field takes them (a merged
        # cell's text in its first grid cell, as core.draft.tables stores it).
        texts = values.pop((section_id, field))
        section = report.find(section_id)
        assert section is not None  # slot_text found it above
        tables = copy.deepcopy(section.tables)
        for (number, row, column), text in zip(table_cells(section), texts, strict=True):
            if tables[number].holder(row, column) == (row, column):  # a covered cell holds no text
                tables[number].rows[row][column] = text
        values[(section_id, "tables")] = tables  # type: ignore[assignment]
    return values


def _field_value(report: Report, section_id: str, field: str) -> str | list[str]:
    owner: object = report.find(section_id) if section_id else report
    if field == "points":
        return [point.text for point in owner.points]  # type: ignore[attr-defined]
    if field == CELLS:
        section: Section = owner  # type: ignore[assignment]
        return [section.tables[t].rows[r][c] for t, r, c in table_cells(section)]
    value = getattr(owner, field)
    return list(value) if isinstance(value, list) else value


def field_texts(report: Report, section_id: str, field: str) -> list[str]:
    """Every string of one field, by index ([] when the section is gone): the paragraphs of a
    list field, a section's points, or the one string of a heading or report-level text."""
    if section_id and report.find(section_id) is None:
        return []
    if not section_id and field not in REPORT_FIELDS and field not in DATE_FIELDS:
        return []
    value = _field_value(report, section_id, field)
    return value if isinstance(value, list) else [value]


def apply_slot_texts(report: Report, texts: dict[Address, str]) -> None:
    """Give the addressed strings their new texts, by the rules of :func:`edited_fields`."""
    for (section_id, field), value in edited_fields(report, texts).items():
        owner: object = report.find(section_id) if section_id else report
        if field == "points":
            for point, text in zip(owner.points, value, strict=True):  # type: ignore[attr-defined]
                point.text = text
        else:
            setattr(owner, field, value)


def short_heading(heading: str, limit: int = 16) -> str:
    heading = heading.strip()
    return heading if len(heading) <= limit else heading[:limit] + "…"


def section_paths(report: Report, prefer_source_markers: bool = False) -> dict[str, str]:
    """Section id → "一、开展情况 / （二）从严选拔管理…" (markers as numbered now).

    With ``prefer_source_markers`` the marker written in the imported document is shown
    where there is one, which is what a clerk sees when checking a document on disk.
    """
    markers = section_markers(report)
    paths: dict[str, str] = {}

    def visit(sections: list[Section], prefix: str) -> None:
        for section in sections:
            marker = markers.get(section.id, "")
            if prefer_source_markers and section.source_marker:
                marker = section.source_marker
            part = marker + short_heading(section.heading)
            path = f"{prefix} / {part}" if prefix else part
            paths[section.id] = path
            visit(section.children, path)

    visit(report.sections, "")
    return paths


def cell_words(table: int, row: int, column: int) -> str:
    """A table cell in words, as the clerk counts: "表格1第2行第3列"."""
    return f"表格{table + 1}第{row + 1}行第{column + 1}列"


def describe_place(
    path: str, section_id: str, field: str, index: int, start: int | None = None,
    cell: tuple[int, int, int] | None = None,
) -> str:
    """Plain Chinese location: "一、开展情况 / （三）坚持固本强基… 正文第1段第35字", a table
    cell by its table, row and column ("… 表格1第2行第3列第1字") when ``cell`` is given.

    ``path`` is the section's path from :func:`section_paths` (ignored for report-level text).
    """  # fmt: skip
    if section_id:
        where = path or "（已删除的部分）"
        if field == "heading":
            where += " 标题"
        elif field == CELLS and cell is not None:
            where += f" {cell_words(*cell)}"
        elif field == CELLS:
            where += f" 表格第{index + 1}格"
        else:
            unit = "点" if field == "points" else "段"
            where += f" {FIELD_LABELS.get(field, field)}第{index + 1}{unit}"
    else:
        label = FIELD_LABELS.get(field) or field_label(field)
        where = f"{label}第{index + 1}段" if field in REPORT_LIST_FIELDS else label
    if start is not None and not (field == "heading" and start == 0) and field not in DATE_FIELDS:
        where += f"第{start + 1}字"
    return where
