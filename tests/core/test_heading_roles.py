"""Heading roles: hand-written headings of real 总结, 要点 and 汇报, each with the job it does."""

from __future__ import annotations

import pytest

from core.text.heading_roles import LOOKS_BACK, PROBLEMS, SETS_TASKS, heading_role


@pytest.mark.parametrize(
    ("heading", "year", "role"),
    [
        ("一、2021年工作开展情况", 2021, LOOKS_BACK),
        ("2022年工作回顾", 2022, LOOKS_BACK),
        ("主要工作成效", None, LOOKS_BACK),
        ("三、存在的主要问题", 2021, PROBLEMS),
        ("存在问题和不足", None, PROBLEMS),
        ("四、2022年党的建设重点任务", 2021, SETS_TASKS),
        ("2023年工作安排", 2022, SETS_TASKS),
        ("下一步工作打算", None, SETS_TASKS),
        ("着力解决群众急难愁盼问题", None, None),  # a task in a 要点, not a list of shortcomings
        ("2022年新区党建亮点", 2021, SETS_TASKS),  # no word either way: the year after the report's
        ("2021年新区党建亮点", 2021, LOOKS_BACK),
        ("在基层党建工作方面", 2021, None),
        ("2021年工作完成情况和2022年工作计划", 2021, None),  # both
    ],
)
def test_heading_role(heading: str, year: int | None, role: str | None) -> None:
    assert heading_role(heading, year) == role
