"""From plan to summary: each chapter of the 工作要点 becomes a （一） of 工作开展情况."""

from __future__ import annotations

import pytest

from core.draft.model import LevelFormat, Numbering, Point, Report, Section, to_dict
from core.draft.numbering import section_markers
from core.importing.importer import parse_text
from core.reuse.plan_to_summary import summary_from_plan
from tests.conftest import seed_path


def plan() -> Report:
    """A 要点 with two chapters and items numbered on across them (1.–3.)."""
    return Report(
        kind="annual_keypoints",
        title="xx区2023年工作要点",
        unit="xx区",
        year=2023,
        opening=["2023年全区工作的总体要求是：坚持稳中求进。"],
        numbering=Numbering(levels=[LevelFormat("{cn}、"), LevelFormat("{n}.", continuous=True)]),
        sections=[
            Section(
                heading="突出政治建设",
                children=[
                    Section(heading="夯实理论武装", run_in=True, body=["组织开展集中轮训。"]),
                    Section(
                        heading="拓展学习成果",
                        run_in=True,
                        body=["建立长效机制。"],
                        points=[Point("办好读书班；"), Point("开展宣讲。")],
                        points_layout="joined",
                    ),
                ],
            ),
            Section(
                heading="突出人才工作",
                children=[Section(heading="加大引才力度", run_in=True, body=["引进急需紧缺人才。"])],
            ),
        ],
    )


def test_each_plan_chapter_becomes_a_subsection_of_the_work_chapter() -> None:
    summary = summary_from_plan(plan(), kind="half_year_summary")
    work = summary.sections[0]
    assert "开展情况" in work.heading
    assert [s.heading for s in work.children] == ["突出政治建设", "突出人才工作"]
    markers = section_markers(summary)
    assert [markers[s.id] for s in work.children] == ["（一）", "（二）"]
    assert all(not s.body and not s.points and not s.children for s in work.children)
    assert all(s.hint for s in work.children)


def test_planned_items_are_the_reference_text_with_their_numbers() -> None:
    work = summary_from_plan(plan(), kind="half_year_summary").sections[0]
    assert work.children[0].reference == (
        "一、突出政治建设\n"
        "1.夯实理论武装。组织开展集中轮训。\n"
        "2.拓展学习成果。建立长效机制。一是办好读书班；二是开展宣讲。"
    )
    assert work.children[1].reference == "二、突出人才工作\n3.加大引才力度。引进急需紧缺人才。"


def test_half_year_summary_keeps_its_other_chapters() -> None:
    summary = summary_from_plan(plan(), kind="half_year_summary")
    assert summary.kind == "half_year_summary" and summary.year == 2023 and summary.unit == "xx区"
    assert "2023年上半年工作总结" in summary.title
    headings = [s.heading for s in summary.sections]
    assert len(headings) == 3
    assert "问题" in headings[1] and "下半年" in headings[2]
    assert summary.reference_opening == "2023年全区工作的总体要求是：坚持稳中求进。"


def test_annual_summary_with_given_year_and_unit() -> None:
    summary = summary_from_plan(plan(), kind="annual_summary", year=2024, unit="yy局")
    assert summary.kind == "annual_summary" and summary.year == 2024 and summary.unit == "yy局"
    headings = [s.heading for s in summary.sections]
    assert "2024" in summary.title and "工作总结" in summary.title
    assert "开展情况" in headings[0] and "问题" in headings[1] and "2025年" in headings[2]
    assert [s.heading for s in summary.sections[0].children] == ["突出政治建设", "突出人才工作"]


def test_plan_is_left_unchanged_and_other_kinds_are_refused() -> None:
    source = plan()
    before = to_dict(source)
    summary_from_plan(source, kind="half_year_summary")
    assert to_dict(source) == before
    with pytest.raises(ValueError):
        summary_from_plan(source, kind="work_report")


def test_plan_without_chapters_gives_the_plain_skeleton() -> None:
    summary = summary_from_plan(Report(year=2023), kind="half_year_summary")
    assert summary.sections and "开展情况" in summary.sections[0].heading


def test_seed_000_plan_becomes_seven_subsections() -> None:
    seed = parse_text(seed_path("000").read_text(encoding="utf-8")).report
    summary = summary_from_plan(seed, kind="half_year_summary")
    work = summary.sections[0]
    assert len(work.children) == 7
    assert work.children[0].heading == "持续深化党建“三化”建设，筑牢基层党建的“主阵地”"
    first = work.children[0].reference.split("\n")
    assert first[0].startswith("一、持续深化党建") and first[1].startswith(
        "1.持续推进基层党建“三化”建设提质增效。"
    )
    assert work.children[6].reference.split("\n")[-1].startswith("33.主动服务中心和重点工作。")
