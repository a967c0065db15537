"""Start a new draft: from a kind's skeleton, or from last year's report.

Two ways to use a prior report, offered side by side in the app and the CLI:

* ``CARRY_OUTLINE`` (沿用上年提纲): the draft keeps last year's outline — headings,
  levels, numbering — with each section's text moved beside it as reference
  (:func:`core.reuse.outline_carry.carry_outline`), so the clerk rewrites section by section.
* ``REFERENCE_ONLY`` (仅作参考): the draft is the kind's skeleton; each skeleton section
  gets the text of the prior section whose heading is most alike as its reference, so
  last year's text is still beside the section the clerk writes. Prior chapters that
  match nothing are not dropped: they fill the skeleton's untitled chapters in order,
  the rest go to the most alike chapter.
* ``CARRY_TEXT`` (沿用上年提纲和文字): the draft keeps last year's outline *and text*, with
  years that mean the report's own period rolled forward and everything else that may be
  stale flagged 待核实 (:func:`core.reuse.carryover.carry_over`); last year's text also stays
  beside each section as reference, so the clerk can see what was changed.
* ``FROM_PLAN`` (由今年工作要点生成): for a 上半年/年度工作总结 whose prior document is this
  year's 工作要点: each chapter of the plan becomes a （一） of 工作开展情况 with the planned
  items as its reference (:func:`core.reuse.plan_to_summary.summary_from_plan`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from core.draft.kind import Kind
from core.draft.model import Report, Section
from core.draft.numbering import section_markers
from core.draft.ordinals import parse_marker
from core.draft.outline_ops import forget_source_markers
from core.text.heading_roles import heading_role
from core.text.plaintext import section_paragraphs

CARRY_OUTLINE = "carry"
REFERENCE_ONLY = "reference"
CARRY_TEXT = "carry_text"
FROM_PLAN = "plan"
MODES = (CARRY_OUTLINE, REFERENCE_ONLY, CARRY_TEXT, FROM_PLAN)
MODE_LABELS = {
    CARRY_OUTLINE: "沿用上年提纲",
    REFERENCE_ONLY: "仅作参考",
    CARRY_TEXT: "沿用上年提纲和文字（年份顺延，数字标出待核实）",
    FROM_PLAN: "由今年工作要点生成",
}
MATCH_THRESHOLD = 0.34  # Dice similarity of heading bigrams; below this a match is a guess


@dataclass
class NewDraft:
    report: Report
    notes: list[str] = field(default_factory=list)  # Chinese sentences for the clerk
    review_flags: bool = False  # text was carried over: the clerk should go through its 待核实 flags


def _kind(kind_id: str) -> Kind | None:
    from core.draft.kinds import load_kinds

    return load_kinds().get(kind_id)


def drawn_from_plan(kind_id: str) -> bool:
    """Whether a draft of this kind may be drawn from this year's plan (kind.toml ``summary``)."""
    kind = _kind(kind_id)
    return kind is not None and kind.summary


def is_plan(kind_id: str) -> bool:
    """Whether a document of this kind is a plan summaries are drawn from (kind.toml ``plan``)."""
    kind = _kind(kind_id)
    return kind is not None and kind.plan


def plan_mode_available(kind_id: str, prior_kind: str) -> bool:
    """由今年工作要点生成 makes sense for a summary started from a 工作要点."""
    return drawn_from_plan(kind_id) and is_plan(prior_kind)


def plan_kind_names() -> tuple[list[str], list[str]]:
    """(names of the kinds that may be drawn from a plan, names of the plans), for messages."""
    from core.draft.kinds import load_kinds

    kinds = load_kinds().values()
    return [k.name for k in kinds if k.summary], [k.name for k in kinds if k.plan]


def default_year(kind_id: str, today: dt.date | None = None) -> int:
    """The year a clerk starting a ``kind_id`` draft today most likely writes about
    (:meth:`core.draft.kind.Kind.default_year`); this year for a kind not known."""
    kind = _kind(kind_id)
    return kind.default_year(today) if kind is not None else (today or dt.date.today()).year


def starting_year(kind_id: str, prior_year: int | None, from_plan: bool, today: dt.date | None = None) -> int:
    """The year a new draft is about, before the clerk says otherwise — one rule for the
    新建报告 dialog and ``main.py new``: after last year's report, the year after it; from
    this year's 工作要点, its own year; with neither, the kind's :func:`default_year`."""
    if prior_year:
        return prior_year if from_plan else prior_year + 1
    return default_year(kind_id, today)


# ---- heading similarity -----------------------------------------------------------------

_YEARS_AND_NUMBERS = re.compile(r"[0-9０-９]{4}年度?|[0-9０-９]+")
_PUNCTUATION = re.compile(r"[\s、，。；：:（）()“”‘’《》!！?？.．,—-]+")


def _normalise(heading: str) -> str:
    text = heading.strip()
    marker = parse_marker(text)
    if marker is not None:
        text = text[len(marker.raw) :]
    return _PUNCTUATION.sub("", _YEARS_AND_NUMBERS.sub("", text))


def _bigrams(heading: str) -> set[str]:
    text = _normalise(heading)
    if len(text) < 2:
        return {text} if text else set()
    return {text[i : i + 2] for i in range(len(text) - 1)}


def heading_similarity(a: str, b: str) -> float:
    """Dice coefficient of character bigrams, ignoring ordinals, years and punctuation."""
    x, y = _bigrams(a), _bigrams(b)
    if not x or not y:
        return 0.0
    return 2 * len(x & y) / (len(x) + len(y))


def section_text(report: Report, section: Section) -> list[str]:
    """A prior section and its sub-sections as paragraphs, ordinals included."""
    markers = section_markers(report)
    lines = [line for _, node in section.walk() for line in section_paragraphs(report, node, markers[node.id])]
    return [line for line in lines if line.strip()]


def match_sections(skeleton: Report, prior: Report) -> dict[str, list[Section]]:
    """Skeleton section id → prior sections whose text becomes its reference.

    Best pairs first, each section used once; a prior section is not matched when an
    ancestor or descendant of it already is (its text is in that match already).
    """
    pairs = []
    for _, target in skeleton.walk():
        for _, source in prior.walk():
            score = heading_similarity(target.heading, source.heading)
            if score >= MATCH_THRESHOLD:
                pairs.append((score, target, source))
    pairs.sort(key=lambda item: -item[0])
    matched: dict[str, list[Section]] = {}
    covered: set[str] = set()  # prior ids inside a match (the match and its subtree)
    taken_by_ancestor: set[str] = set()  # prior ids that are ancestors of a match
    for _, target, source in pairs:
        if target.id in matched or source.id in covered or source.id in taken_by_ancestor:
            continue
        matched[target.id] = [source]
        covered.update(s.id for _, s in source.walk())
        taken_by_ancestor.update(_ancestors(prior, source.id))
    if not skeleton.sections:
        return matched
    # Prior chapters with nothing matched anywhere inside: in order into the skeleton's
    # untitled chapters (slots the clerk fills), then to the most alike chapter.
    leftover = [c for c in prior.sections if not any(s.id in covered for _, s in c.walk())]
    slots = [s for s in skeleton.sections if s.id not in matched and not s.heading.strip()]
    for chapter, slot in zip(leftover, slots, strict=False):
        matched[slot.id] = [chapter]
    for chapter in leftover[len(slots) :]:
        best = _chapter_doing_the_same(skeleton, chapter, prior.year)
        if best is None:
            best = max(skeleton.sections, key=lambda s: heading_similarity(s.heading, chapter.heading))
            if heading_similarity(best.heading, chapter.heading) == 0 and slots:
                best = slots[-1]
        matched.setdefault(best.id, []).append(chapter)
    return matched


def _chapter_doing_the_same(skeleton: Report, chapter: Section, prior_year: int | None) -> Section | None:
    """The skeleton's chapter whose heading does the same job as ``chapter``'s (looks back,
    names problems, sets tasks), the most alike one if several do; None when none does.

    Last year's "2022年党的建设重点任务" shares no word with this year's "2023年工作安排",
    but both set the next year's tasks, and the first is what the clerk rewrites for the second.
    """
    role = heading_role(chapter.heading, prior_year)
    if role is None:
        return None
    alike = [s for s in skeleton.sections if heading_role(s.heading, skeleton.year) == role]
    if not alike:
        return None
    return max(alike, key=lambda s: heading_similarity(s.heading, chapter.heading))


def _ancestors(report: Report, section_id: str) -> set[str]:
    found: set[str] = set()
    parent = report.parent_of(section_id)
    while parent is not None:
        found.add(parent.id)
        parent = report.parent_of(parent.id)
    return found


# ---- building the draft -------------------------------------------------------------------


def skeleton_report(kind_id: str, year: int, unit: str) -> Report:
    from core.draft.kinds import get_kind

    return get_kind(kind_id).new_report(year, unit)


def new_draft(
    kind_id: str,
    year: int,
    unit: str = "",
    prior: Report | None = None,
    mode: str = CARRY_OUTLINE,
) -> NewDraft:
    """The report a new draft starts with. ``prior`` is left unchanged."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    if prior is None:
        draft = NewDraft(skeleton_report(kind_id, year, unit))
    elif mode == CARRY_OUTLINE:
        draft = _carry(kind_id, year, unit, prior)
    elif mode == CARRY_TEXT:
        draft = _carry_text(kind_id, year, unit, prior)
    elif mode == FROM_PLAN:
        draft = _from_plan(kind_id, year, unit, prior)
    else:
        draft = _reference_only(kind_id, year, unit, prior)
    forget_source_markers(draft.report)
    return draft


def _carry(kind_id: str, year: int, unit: str, prior: Report) -> NewDraft:
    from core.draft.kinds import get_kind
    from core.reuse.outline_carry import carry_outline

    report = carry_outline(get_kind(kind_id), prior, year, unit or prior.unit)
    count = len(report.walk())
    notes = [f"已沿用上年提纲（{count} 个标题），上年各节原文显示在右侧“上年参考”中。"]
    return NewDraft(report, notes)


def _reference_only(kind_id: str, year: int, unit: str, prior: Report) -> NewDraft:
    report = skeleton_report(kind_id, year, unit or prior.unit)
    report.prior_source = prior.prior_source
    report.reference_opening = "\n".join(prior.opening)
    report.reference_closing = "\n".join(prior.closing)
    matches = match_sections(report, prior)
    for _, section in report.walk():
        sources = matches.get(section.id, [])
        section.reference = "\n".join(line for source in sources for line in section_text(prior, source))
    notes = [f"已为 {len(matches)} 个标题找到上年对应内容，显示在右侧“上年参考”中。"]
    return NewDraft(report, notes)


def _carry_text(kind_id: str, year: int, unit: str, prior: Report) -> NewDraft:
    from core.reuse.carryover import carry_over

    result = carry_over(prior, year)
    report = result.report
    report.kind = kind_id
    if unit and unit != report.unit:
        report.unit = unit
    from core.draft.kinds import get_kind

    kind = get_kind(kind_id)
    if not report.title.strip():
        report.title = kind.title_for(year, report.unit)
    # Last year's 署名 stays (it was carried with the text); a prior without one gets the
    # kind's, and the kinds that end with a 成文日期 get today's, for the clerk to adjust.
    if not report.signature.strip():
        report.signature = kind.fill(kind.signature, year, report.unit).strip()
    report.date = kind.kind_defaults(year)["date"]
    report.signature_layout = report.signature_layout or kind.signature_layout
    count = len(report.walk())
    notes = [f"已沿用上年提纲和文字（{count} 个标题）。{result.summary()}请逐条核实（“待核实”面板）。"]
    return NewDraft(report, notes, review_flags=True)


def _from_plan(kind_id: str, year: int, unit: str, prior: Report) -> NewDraft:
    from core.reuse.plan_to_summary import summary_from_plan

    if not drawn_from_plan(kind_id):
        raise ValueError(f"{kind_id} is not a summary: 由今年工作要点生成 needs a summary kind")
    report = summary_from_plan(prior, kind_id, year, unit or prior.unit)
    report.prior_source = prior.prior_source
    parts = len(prior.sections)
    notes = [f"已按工作要点的 {parts} 个部分列出“工作开展情况”的小标题，各部分计划内容显示在右侧“今年工作要点”中。"]
    return NewDraft(report, notes)
