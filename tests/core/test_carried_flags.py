"""Figures copied from last years' reports are 待核实 wherever they stand: in a carried
table's cells as in its body text (F17), and in a paragraph taken from the 资料库 (F24)."""

from __future__ import annotations

from pathlib import Path

from core.draft.draft_file import load_draft, save_draft
from core.draft.model import Report, Section
from core.draft.tables import Table
from core.reuse.carryover import carry_over
from core.reuse.flags import FIGURE, PLACEHOLDER, flags_for, flags_for_section
from core.text.textslots import CELLS, slot_text


def prior_with_table() -> Report:
    section = Section(
        heading="干部教育培训",
        body=["上半年举办培训班12期，具体见下表。"],
        tables=[Table(rows=[["项目", "计划", "完成"], ["专题培训", "6期", "4期"], ["网络培训", "XX期", "2期"]],
                      after_body=1)],
    )
    return Report(kind="half_year_summary", year=2024, title="2024年上半年工作总结",
                  sections=[Section(heading="主要工作完成情况", children=[section])])


def test_figures_in_a_carried_table_are_flagged_like_the_body() -> None:
    draft = carry_over(prior_with_table(), 2025).report
    part = draft.sections[0].children[0]
    flags = [(f.field, f.index, f.kind, f.text) for f in flags_for(draft) if f.section_id == part.id]
    # Cells counted row by row: 项目 计划 完成 / 专题培训 6期 4期 / 网络培训 XX期 2期.
    assert flags == [
        ("body", 0, FIGURE, "12期"),
        (CELLS, 4, FIGURE, "6期"),
        (CELLS, 5, FIGURE, "4期"),
        (CELLS, 7, PLACEHOLDER, "XX"),
        (CELLS, 8, FIGURE, "2期"),
    ]
    assert slot_text(draft, part.id, CELLS, 4) == "6期"
    assert [f.id for f in flags_for_section(draft, part.id)] == [f.id for f in flags_for(draft) if f.section_id == part.id]


def test_a_figure_typed_fresh_into_a_cell_is_not_flagged() -> None:
    draft = carry_over(prior_with_table(), 2025).report
    part = draft.sections[0].children[0]
    part.tables[0].rows[1][1] = "9期"
    assert "9期" not in [f.text for f in flags_for(draft)]


def test_a_paragraph_from_the_library_is_last_years_text(tmp_path: Path) -> None:
    taken = "严格落实双签字制度，全年培训48名，选派7人。"
    section = Section(heading="下半年工作计划", body=["继续抓好培训。", taken])
    report = Report(kind="half_year_summary", year=2025, sections=[section])
    assert [f.text for f in flags_for(report)] == []  # typed by the clerk: this year's figures
    section.library_texts = [taken]
    assert [(f.kind, f.text, f.index) for f in flags_for(report)] == [(FIGURE, "48名", 1), (FIGURE, "7人", 1)]
    path = tmp_path / "lib.draft.json"
    save_draft(report, path)
    assert [f.id for f in flags_for(load_draft(path))] == [f.id for f in flags_for(report)]
