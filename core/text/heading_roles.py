"""What a heading's part of a report does: look back, name problems, or set tasks.

Kind guessing counts headings that look back against headings that set tasks (a 总结 looks
back, a 要点 sets tasks); starting a draft from last year's report pairs a part of last year's
with this year's part that does the same job, when their words share nothing ("2022年党的建设
重点任务" is what this year's "2023年工作安排" rewrites).
"""

from __future__ import annotations

import re

LOOKS_BACK, PROBLEMS, SETS_TASKS = "looks_back", "problems", "sets_tasks"

# Words of headings that look back (problems included, as a 总结 has them) and that set tasks.
REVIEW_WORDS = ("情况", "成效", "成绩", "回顾", "存在", "问题", "不足", "经验", "体会", "完成")
PLAN_WORDS = ("任务", "目标", "要求", "措施", "安排", "计划", "打算", "思路", "举措")
# A part about the report's own shortcomings; "着力解决…问题" and "补齐短板" set tasks instead.
_PROBLEMS = re.compile(r"存在的?(?:主要)?(?:问题|不足)|问题(?:和|与|及)不足|不足之处|困难和问题|问题和困难")
_MORE_PLAN_WORDS = ("部署", "下一步", "展望", "重点工作")
# Looking back without the problem words, which _PROBLEMS reads more narrowly.
_BACK_WORDS = tuple(word for word in REVIEW_WORDS if word not in ("存在", "问题", "不足"))
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")


def heading_role(heading: str, report_year: int | None = None) -> str | None:
    """LOOKS_BACK, PROBLEMS, SETS_TASKS, or None when the heading says neither or both.

    A heading naming a year after the report's ("2022年党的建设重点任务" in a 2021 report)
    sets tasks; one naming the report's own year or an earlier one looks back, unless its
    words say otherwise.
    """
    if _PROBLEMS.search(heading):
        return PROBLEMS
    back = any(word in heading for word in _BACK_WORDS)
    ahead = any(word in heading for word in (*PLAN_WORDS, *_MORE_PLAN_WORDS))
    if back != ahead:
        return LOOKS_BACK if back else SETS_TASKS
    years = [int(y) for y in _YEAR.findall(heading)]
    if report_year is not None and len(years) == 1:
        return SETS_TASKS if years[0] > report_year else LOOKS_BACK
    return None
