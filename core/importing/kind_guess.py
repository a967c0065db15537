"""Guess which kind of report a parsed document is, and say why."""

from __future__ import annotations

from core.draft.model import Report

# How a speech or a report to a meeting opens ("各位代表：", "同志们：").
SALUTATIONS = ("各位代表", "同志们", "各位领导", "各位委员", "各位同志")

# Headings of a summary look back; headings of 要点 set tasks.
_REVIEW_WORDS = ("情况", "成效", "成绩", "回顾", "存在", "问题", "不足", "经验", "体会", "完成")
_PLAN_WORDS = ("任务", "目标", "要求", "措施", "安排", "计划", "打算", "思路", "举措")

KEYPOINTS, HALF_YEAR, ANNUAL, WORK_REPORT = "annual_keypoints", "half_year_summary", "annual_summary", "work_report"


def guess_kind(report: Report) -> tuple[str, str]:
    """(kind id, Chinese reason). Title words win; otherwise the shape of the text decides."""
    title = report.title
    walked = report.walk()
    headings = [s.heading for _, s in walked]
    opening = "".join(report.opening[:2])
    text_head = title + opening + "".join(headings)

    if "要点" in title:
        return KEYPOINTS, "标题含“要点”"
    if "上半年" in title or "半年" in title:
        return HALF_YEAR, "标题含“上半年”"
    if any(w in title for w in ("讲话", "汇报", "发言")):
        return WORK_REPORT, "标题含“讲话/汇报”"
    if "总结" in title and any(w in title for w in ("年度", "全年")):
        return ANNUAL, "标题为年度工作总结"
    if title.endswith("报告") and "总结" not in title:
        return WORK_REPORT, "标题是“…报告”，按工作汇报处理"

    first_line = (report.addressee or (report.opening[0] if report.opening else "")).strip()
    if first_line.startswith(SALUTATIONS):
        return WORK_REPORT, f"开头称呼“{first_line[:6]}”，是会上的讲话或报告"
    if any("我代表" in line[:60] and "报告" in line for line in report.opening[:3]):
        return WORK_REPORT, "开头“我代表…报告”，是向会议作的报告"
    if report.closing and report.closing[0].startswith("同志们"):
        return WORK_REPORT, "结尾以“同志们”开头，是讲话或汇报"
    if any(w in opening[:40] for w in ("受", "委托", "汇报", "报告如下")) and "汇报" in opening[:60]:
        return WORK_REPORT, "开头是口头汇报的说法（受…委托/汇报）"
    if any("上半年" in h for h in headings) or opening.lstrip().startswith(("上半年", "今年上半年")) or (
        "上半年" in opening[:20]
    ):
        return HALF_YEAR, "章节或开头提到“上半年”"
    if any(h.startswith(("下半年", "下一步")) or "下半年" in h for h in headings) or "今年以来" in opening[:20]:
        return HALF_YEAR, "写“今年以来”的开展情况并安排下一步，是年中的工作总结"
    if any(w in text_head for w in ("明年工作", "全年工作", "一年来")):
        return ANNUAL, "总结全年工作并提出明年打算"
    items = [s for depth, s in walked if depth == 2]
    if report.numbering.level(2).continuous and len(items) >= 5:
        return KEYPOINTS, "条目 1.、2.… 跨章连续编号，是工作要点的写法"
    if "总结" in title:
        return ANNUAL, "标题含“总结”"
    if any(w in opening[:80] for w in ("是", "之年")) and not any("情况" in h for h in headings):
        return KEYPOINTS, "开头写年份形势与总体要求，各章为任务部署"
    looking_back = [h for h in headings if any(w in h for w in _REVIEW_WORDS)]
    looking_ahead = [h for h in headings if any(w in h for w in _PLAN_WORDS)]
    if len(looking_back) > len(looking_ahead):
        return ANNUAL, f"章节多写已做的工作（如“{looking_back[0][:12]}”），是工作总结"
    if len(looking_ahead) > len(looking_back) and not report.closing:
        return KEYPOINTS, f"章节多为部署（如“{looking_ahead[0][:12]}”），是工作要点"
    return WORK_REPORT, "未发现明确特征，按工作汇报处理"
