"""A table's cells are text like any other (walkthrough W7): 检查 and the pre-flight read them
("**期" and a stale "2022年" in a carried 完成情况表 went out unnoticed), and 查找/全部替换 finds
and replaces in them — a merged cell once, the cells it covers untouched."""

from __future__ import annotations

from core.checks import run_checks
from core.checks.fixes import plan_fixes
from core.checks.preflight import preflight
from core.draft.model import Report, Section
from core.draft.tables import Table
from core.text.find import find_all, replace_all
from core.text.textslots import CELLS, apply_slot_texts


def _report() -> Report:
    table = Table(
        rows=[["项目", "计划", "完成"], ["专题培训", "6期", "**期"], ["网络学院", "全年持续", ""], ["换届", "2022年完成", "期满"]],
        merges=[[2, 1, 2, 1]],  # 全年持续 spans 计划 and 完成
    )
    section = Section(heading="主要工作完成情况", body=["具体见下表。"], tables=[table])
    return Report(title="某区2023年上半年工作总结", year=2023, kind="half_year_summary", sections=[section])


def test_checks_and_the_preflight_read_table_cells() -> None:
    report = _report()
    section = report.sections[0]
    placeholders = run_checks(report, only=["placeholder"])
    assert [(f.section_id, f.field, f.index, f.text) for f in placeholders] == [(section.id, CELLS, 5, "**")]
    # Placed as the clerk counts: the table, its row and its column (the ** is in 完成 of 专题培训).
    assert placeholders[0].place == "一、主要工作完成情况 表格1第2行第3列第1字"
    items = preflight(report)
    open_items = [(item.field, item.index, item.start) for item in items]
    assert (CELLS, 5, 0) in open_items  # the **: the pre-flight names the cell
    assert (CELLS, 10, 0) in open_items  # "2022年" in a 2023 report
    assert "一、主要工作完成情况 表格1第4行第2列第1字" in [item.place for item in items if item.field == CELLS]


def test_a_fix_in_a_cell_changes_that_cell_only() -> None:
    report = _report()
    report.sections[0].tables[0].rows[1][2] = "4期，，"  # a doubled comma in a cell
    assert any(f.field == CELLS and f.fix is not None for f in run_checks(report))
    plan = plan_fixes(report)
    assert (report.sections[0].id, CELLS, 5) in plan.texts
    apply_slot_texts(report, plan.texts)
    assert report.sections[0].tables[0].rows[1] == ["专题培训", "6期", "4期，"]
    assert report.sections[0].tables[0].rows[2] == ["网络学院", "全年持续", ""]


def test_find_and_replace_all_reach_the_cells() -> None:
    report = _report()
    assert [(m.field, m.index) for m in find_all(report, "期")] == [(CELLS, 4), (CELLS, 5), (CELLS, 11)]
    assert replace_all(report, "期", "届") == 3
    table = report.sections[0].tables[0]
    assert table.rows == [["项目", "计划", "完成"], ["专题培训", "6届", "**届"], ["网络学院", "全年持续", ""],
                          ["换届", "2022年完成", "届满"]]
    assert replace_all(report, "全年", "常年") == 1  # the merged cell, once
    table = report.sections[0].tables[0]
    assert table.rows[2] == ["网络学院", "常年持续", ""] and table.merges == [[2, 1, 2, 1]]
