from __future__ import annotations

import datetime as dt

import pytest

from core.draft.model import Report, Section
from core.importing.importer import import_document, parse_text
from core.reuse.flags import FIGURE, flags_for
from core.reuse.new_draft import (
    CARRY_OUTLINE,
    CARRY_TEXT,
    FROM_PLAN,
    REFERENCE_ONLY,
    default_year,
    heading_similarity,
    match_sections,
    new_draft,
    plan_mode_available,
    section_text,
    skeleton_report,
)
from tests.conftest import seed_path


def test_default_year_by_kind_and_season() -> None:
    assert default_year("annual_keypoints", dt.date(2024, 12, 5)) == 2025  # 要点 for next year
    assert default_year("annual_keypoints", dt.date(2024, 3, 1)) == 2024
    assert default_year("annual_summary", dt.date(2025, 1, 10)) == 2024  # last year's summary
    assert default_year("annual_summary", dt.date(2024, 12, 10)) == 2024
    assert default_year("half_year_summary", dt.date(2024, 6, 20)) == 2024


def test_heading_similarity_ignores_ordinals_years_and_punctuation() -> None:
    assert heading_similarity("一、2022年上半年工作开展情况", "上半年工作开展情况") == 1.0
    assert heading_similarity("下半年工作计划", "二、下半年工作打算") == pytest.approx(2 * 4 / (6 + 6))
    assert heading_similarity("存在的问题", "下半年工作计划") == 0.0
    assert heading_similarity("", "任何标题") == 0.0


def test_section_text_has_ordinals_and_subsections() -> None:
    result = parse_text("一、总体情况\n（一）抓党建。全年开展活动5次。\n一是学习。\n二是调研。\n二、下步打算\n继续努力。")
    report = result.report
    assert section_text(report, report.sections[0]) == [
        "一、总体情况",
        "（一）抓党建。全年开展活动5次。",
        "一是学习。",
        "二是调研。",
    ]


def test_new_without_prior_is_the_kind_skeleton() -> None:
    draft = new_draft("half_year_summary", 2023, "某某局")
    assert draft.report.kind == "half_year_summary"
    assert draft.report.year == 2023
    assert [s.heading for s in draft.report.sections] == ["上半年工作开展情况", "存在的问题", "下半年工作计划"]
    assert "某某局" in draft.report.title and "2023" in draft.report.title


def test_carry_outline_from_seed_004_keeps_headings_and_moves_text_to_reference() -> None:
    prior = import_document(seed_path("004")).report
    draft = new_draft("half_year_summary", 2023, "某某区委组织部", prior, CARRY_OUTLINE).report
    assert [(d, s.heading) for d, s in draft.walk()] == [(d, s.heading) for d, s in prior.walk()]
    assert all(not s.body and not s.points for _, s in draft.walk())
    first = draft.sections[0].children[0]
    assert first.reference.startswith("注重在加强干部队伍建设上发力")
    assert "一是强化政治理论学习" in first.reference
    assert draft.reference_opening.startswith("2022年上半年，区委组织部认真贯彻落实")
    assert draft.year == 2023 and draft.unit == "某某区委组织部"
    assert prior.sections[0].children[0].body  # the prior report itself is unchanged


def test_reference_only_from_seed_004_matches_chapters_by_heading() -> None:
    prior = import_document(seed_path("004")).report
    draft = new_draft("half_year_summary", 2023, "", prior, REFERENCE_ONLY).report
    by_heading = {s.heading: s for s in draft.sections}
    assert [s.heading for s in draft.sections] == ["上半年工作开展情况", "存在的问题", "下半年工作计划"]
    work = by_heading["上半年工作开展情况"].reference.split("\n")
    assert work[0] == "一、上半年工作开展情况"
    assert work[1].startswith("（一）践行新时代好干部标准，着力打造忠诚干净担当的高素质干部队伍。注重")
    plan = by_heading["下半年工作计划"].reference.split("\n")
    assert plan[0] == "二、下半年工作计划"
    assert plan[-1].startswith("三是深入推进人才强区战略")
    assert by_heading["存在的问题"].reference == ""  # 004 has no such chapter
    assert draft.unit == "区委组织部"  # 004 opens "2022年上半年，区委组织部认真贯彻…": its unit, carried over


def test_reference_only_gives_last_years_tasks_to_this_years_plan_chapter() -> None:
    # Seed 003 is a 2021 汇报 whose fourth part sets the 2022 tasks: it shares no word with the
    # skeleton's "2023年工作安排", but it is what the clerk rewrites there, not more 工作回顾.
    prior = import_document(seed_path("003")).report
    draft = new_draft("work_report", 2022, "", prior, REFERENCE_ONLY).report
    by_heading = {s.heading: s.reference.split("\n")[0] for s in draft.sections if s.heading}
    assert by_heading == {
        "2022年工作回顾": "一、在基层党建工作方面",
        "存在的主要问题": "三、存在的主要问题",
        "2023年工作安排": "四、2022年党的建设重点任务",
    }
    review = next(s for s in draft.sections if s.heading == "2022年工作回顾").reference
    assert "二、在宣传思想文化和意识形态工作方面" in review.split("\n")
    assert "四、2022年党的建设重点任务" not in review


def test_unmatched_prior_chapters_fill_untitled_skeleton_chapters_in_order() -> None:
    skeleton = Report(sections=[Section(id="s1"), Section(id="s2"), Section(heading="加强组织领导", id="s3")])
    prior = Report(
        sections=[
            Section(heading="抓党建", id="p1"),
            Section(heading="抓人才", id="p2"),
            Section(heading="抓作风", id="p3"),
            Section(heading="切实加强组织领导", id="p4"),
        ]
    )
    matched = match_sections(skeleton, prior)
    assert {k: [s.id for s in v] for k, v in matched.items()} == {"s3": ["p4"], "s1": ["p1"], "s2": ["p2", "p3"]}


def test_nested_match_is_not_repeated_under_its_parent() -> None:
    skeleton = Report(sections=[Section(heading="工作开展情况", id="t", children=[Section(heading="干部工作", id="tc")])])
    prior = Report(
        sections=[Section(heading="工作开展情况", id="p", children=[Section(heading="干部工作", id="pc")])]
    )
    matched = match_sections(skeleton, prior)
    assert {k: [s.id for s in v] for k, v in matched.items()} == {"t": ["p"]}


def test_skeleton_report_unknown_kind_is_a_chinese_error() -> None:
    from core.base.errors import ReportError

    with pytest.raises(ReportError, match="没有名为"):
        skeleton_report("no_such_kind", 2023, "")


def test_carry_text_from_seed_001_keeps_the_text_rolls_years_and_flags_figures() -> None:
    prior = import_document(seed_path("001")).report
    draft = new_draft("half_year_summary", 2023, "某某区委组织部", prior, CARRY_TEXT)
    report = draft.report
    assert draft.review_flags
    assert (report.kind, report.year, report.unit) == ("half_year_summary", 2023, "某某区委组织部")
    assert report.title == "某某区委组织部2023年上半年工作总结"  # the seed has no title line
    # Outline and text are last year's; the text is also kept beside each section.
    assert [s.heading for _, s in report.walk()] == [s.heading for _, s in prior.walk()]
    first = report.sections[0].children[0]
    assert [p.text for p in first.points] == [p.text for p in prior.sections[0].children[0].points]
    assert first.reference.startswith("一是加强理论学习。")
    figures = {f.text for f in flags_for(report) if f.kind == FIGURE}
    assert {"48次", "38项", "27项"} <= figures
    assert "待核实" in draft.notes[0] and "往年数字" in draft.notes[0]
    assert prior.sections[0].children[0].reference == ""  # the prior itself is unchanged


def test_carry_text_rolls_the_report_year_of_seed_000() -> None:
    prior = import_document(seed_path("000")).report
    report = new_draft("annual_keypoints", 2023, "", prior, CARRY_TEXT).report
    assert report.opening[0].startswith("2023年是党的二十大召开之年，")
    assert report.reference_opening.startswith("2022年是党的二十大召开之年，")


def test_from_plan_turns_this_years_keypoints_into_the_work_chapter() -> None:
    plan = import_document(seed_path("002")).report
    draft = new_draft("half_year_summary", 2022, "某某区委组织部", plan, FROM_PLAN)
    report = draft.report
    assert (report.kind, report.year, report.unit) == ("half_year_summary", 2022, "某某区委组织部")
    work = report.sections[0]
    assert work.heading == "上半年工作开展情况"
    assert [c.heading for c in work.children] == [s.heading for s in plan.sections]
    assert work.children[0].reference.startswith("一、突出政治建设")
    assert not draft.review_flags and "5 个部分" in draft.notes[0]


def test_from_plan_needs_a_summary_kind() -> None:
    plan = import_document(seed_path("002")).report
    with pytest.raises(ValueError):
        new_draft("annual_keypoints", 2023, "", plan, FROM_PLAN)


def test_plan_mode_is_offered_for_summaries_from_keypoints_only() -> None:
    assert plan_mode_available("half_year_summary", "annual_keypoints")
    assert plan_mode_available("annual_summary", "annual_keypoints")
    assert not plan_mode_available("annual_keypoints", "annual_keypoints")
    assert not plan_mode_available("half_year_summary", "half_year_summary")
