"""一键修正 of many findings: one kind of check, or all of them, worked out on a copy."""

from __future__ import annotations

import pytest

from core.checks import run_checks
from core.checks.fixes import fixable, plan_fixes
from core.draft.model import Point, Report, Section
from core.text.textslots import set_slot_text


def _report() -> Report:
    first = Section(heading="加强学习", body=["工作的的的重点,在基层;", "完成13 个;二是学习.学习"],
                    points=[Point("做到:学深悟透")])
    second = Section(heading="从严管理", body=["要把(主体责任)落实。", "截至2024.6.30，已完成。"])
    return Report(title="工作总结", year=2024, opening=["今年以来,我们"], sections=[first, second])


def _apply(report: Report, texts: dict[tuple[str, str, int], str]) -> None:
    for address, text in texts.items():
        set_slot_text(report, *address, text)


def test_every_fix_of_one_kind() -> None:
    report = _report()
    first, second = report.sections
    listed = fixable(run_checks(report), "halfwidth_punct")
    plan = plan_fixes(report, "halfwidth_punct")
    assert plan.count == len(listed) == 7
    assert plan.texts == {
        (first.id, "body", 0): "工作的的的重点，在基层；",
        (first.id, "body", 1): "完成13 个；二是学习。学习",
        (first.id, "points", 0): "做到：学深悟透",
        (second.id, "body", 0): "要把（主体责任）落实。",
        ("", "opening", 0): "今年以来，我们",
    }
    assert report.sections[0].body[0] == "工作的的的重点,在基层;"  # the report itself is untouched
    _apply(report, plan.texts)
    assert fixable(run_checks(report), "halfwidth_punct") == []
    assert [f.rule for f in fixable(run_checks(report))] == ["repeated_char", "date_format"]


def test_every_fixable_problem_until_none_is_left() -> None:
    report = _report()
    plan = plan_fixes(report)
    # "的的的" takes two passes of the doubled-character fix; all the rest one.
    assert plan.count == 7 + 2 + 1
    _apply(report, plan.texts)
    assert report.sections[0].body == ["工作的重点，在基层；", "完成13 个；二是学习。学习"]
    assert report.sections[1].body == ["要把（主体责任）落实。", "截至2024年6月30日，已完成。"]
    assert fixable(run_checks(report)) == []
    assert plan_fixes(report).texts == {} and plan_fixes(report).count == 0


def test_a_fix_that_leaves_another_is_followed_up() -> None:
    # The half-width comma becomes "，", which then doubles the one after it.
    report = Report(sections=[Section(heading="标题", body=["加强学习,，提升能力。"])])
    report.sections[0].body[0] = "加强学习,提升能力，，做好工作。"
    plan = plan_fixes(report)
    assert list(plan.texts.values()) == ["加强学习，提升能力，做好工作。"]


def test_unknown_check_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown check"):
        plan_fixes(_report(), "no_such_check")
