"""Start a 上半年工作总结 or 年度工作总结 from this year's 工作要点.

Each chapter of the plan (一、…) becomes a （一） subsection of the summary's first
chapter (工作开展情况), with the chapter's planned items as its reference text, so the
clerk reports against what was planned, item by item. The summary's other chapters
(存在的问题, 下半年工作计划 / 明年工作打算) come from the summary kind's skeleton.
"""

from __future__ import annotations

from core.draft.kinds import get_kind
from core.draft.model import REFERENCE_FROM_PLAN, Report, Section
from core.draft.numbering import section_markers
from core.importing.outline_text import heading_text
from core.text.plaintext import section_paragraphs

_WORK_CHAPTER_WORDS = ("开展情况", "工作情况", "完成情况", "主要工作", "主要成效", "工作成效")
SUBSECTION_HINT = "对照工作要点，写明做了什么、怎么做的、取得了什么成效（用数据和事例说明）。"


def new_summary_skeleton(kind: str, year: int | None, unit: str) -> Report:
    """The kind's own skeleton (templates/<kind>/kind.toml): title, chapters, numbering."""
    return get_kind(kind).new_report(year, unit)


def work_chapter(summary: Report) -> Section:
    """The chapter that reports the work done: 工作开展情况 or the kind's equivalent."""
    for section in summary.sections:
        if any(word in section.heading for word in _WORK_CHAPTER_WORDS):
            return section
    if not summary.sections:
        summary.sections.append(Section(heading="工作开展情况"))
    return summary.sections[0]


def planned_text(plan: Report, chapter: Section) -> str:
    """A plan chapter with everything under it, numbered as in the plan, one paragraph per line."""
    markers = section_markers(plan)
    lines: list[str] = []
    for _, section in chapter.walk():
        lines.extend(section_paragraphs(plan, section, markers[section.id]))
    return "\n".join(line for line in lines if line.strip())


def _drop_empty_subsections(summary: Report) -> None:
    """The skeleton's untitled （一）（二） placeholders: a summary drawn from a plan has its
    own subsections where they matter, and empty ones would only be deleted by hand."""
    for chapter in summary.sections:
        chapter.children = [c for c in chapter.children if c.heading.strip() or c.own_text().strip() or c.children]


def summary_from_plan(
    plan: Report, kind: str, year: int | None = None, unit: str | None = None
) -> Report:
    """A new summary of ``kind`` whose work chapter has one （一） per chapter of ``plan``.

    ``year`` and ``unit`` default to the plan's. Raises ValueError for a kind that is not
    a summary. The plan is left unchanged.
    """
    if not get_kind(kind).summary:
        raise ValueError(f"not a summary kind: {kind}")
    year = year if year is not None else plan.year
    unit = unit if unit is not None else plan.unit
    summary = new_summary_skeleton(kind, year, unit)
    summary.reference_origin = REFERENCE_FROM_PLAN
    _drop_empty_subsections(summary)
    if plan.opening:
        summary.reference_opening = "\n".join(plan.opening)
    if not plan.sections:
        return summary  # nothing planned to report against: the plain skeleton
    chapter = work_chapter(summary)
    # The skeleton's own subsections show the kind's layout (run-in heading, inline 一是…).
    layout = chapter.children[0] if chapter.children else Section(run_in=True)
    chapter.children = [
        Section(
            heading=heading_text(part.heading),
            reference=planned_text(plan, part),
            hint=SUBSECTION_HINT,
            run_in=layout.run_in,
            points_layout=layout.points_layout,
        )
        for part in plan.sections
    ]
    return summary
