"""Start this year's draft from last year's report: roll the year forward, flag the rest.

What rolls forward automatically is only text that clearly refers to the report's own
year: the title ("2022年工作要点"), "2022年是…之年", "2022年度", "2022年上半年",
"2022年以来", "2022年底" and a year opening a sentence or heading. Everything else that
may be stale — other years, dates, figures, placeholders, meeting names — stays as it was
and is flagged (:mod:`core.reuse.flags`) for the clerk to check; "今年以来" needs no change.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from core.draft.fields import CARRY_CLEAR, REPORT_FIELDS, empty_value
from core.draft.model import Report, report_from_dict, to_dict
from core.draft.ordinals import cn_digits
from core.reuse.flags import FLAG_KIND_LABELS, FLAG_KINDS, Flag, flags_for
from core.text.detectors import YearHit, find_years, short_quoted_spans
from core.text.plaintext import section_text_paragraphs
from core.text.textslots import Slot, iter_slots, set_slot_text

# After "2022年", these words show that the year is the report's own period.
# fmt: off
_OWN_PERIOD_AFTER = (
    "是", "度", "上半年", "下半年", "全年", "以来", "底", "初",
    "内", "年底", "年初", "工作要点", "工作总结", "工作计划", "工作打算", "工作思路",
    "工作报告", "工作安排", "重点工作", "工作重点", "重点任务", "目标任务",
)
# fmt: on
_SENTENCE_START = re.compile(r"(?:^|[。；！？：:])\s*$")
_WHOLE_FIELDS = ("title", "subtitle")


@dataclass(frozen=True)
class RolledYear:
    """A year changed by carry-over; offsets are into the new text."""

    section_id: str
    field: str
    index: int
    start: int
    end: int
    old: str
    new: str


@dataclass
class CarryOverResult:
    report: Report
    flags: list[Flag]
    rolled: list[RolledYear] = field(default_factory=list)
    old_year: int | None = None

    def counts(self) -> dict[str, int]:
        """Flag count per kind, every kind present (0 when none)."""
        found = Counter(f.kind for f in self.flags)
        return {kind: found.get(kind, 0) for kind in FLAG_KINDS}

    def summary(self) -> str:
        """One Chinese sentence for the status bar or a message box."""
        parts = [f"{FLAG_KIND_LABELS[k]}{n}处" for k, n in self.counts().items() if n]
        year = self.report.year
        rolled = f"已将{len(self.rolled)}处年份改为{year}年" if self.rolled else "没有需要自动改动的年份"
        flagged = f"待核实{len(self.flags)}处（{'、'.join(parts)}）" if parts else "没有发现待核实的内容"
        return f"{rolled}；{flagged}。"


def _year_text(year: int, chinese: bool) -> str:
    return cn_digits(year) if chinese else str(year)


def _refers_to_own_period(text: str, hit: YearHit) -> bool:
    after = text[hit.end :]
    if any(after.startswith(word) for word in _OWN_PERIOD_AFTER):
        return True
    return bool(_SENTENCE_START.search(text[: hit.start]))


def _years_to_roll(slot: Slot, old_year: int) -> list[YearHit]:
    """Mentions of the report year, and of the year after it (a summary's "2023年工作打算")."""
    names = [(s, e) for s, e in short_quoted_spans(slot.text) if slot.text[s] == "《"]
    chosen: list[YearHit] = []
    for hit in find_years(slot.text):
        if (
            hit.year not in (old_year, old_year + 1)
            or hit.last_year != hit.year
            or not hit.text.endswith("年")
        ):
            continue  # ranges (2019—2023年) and bare numbers (2022漆器大赛) are left alone
        if any(s <= hit.start < e for s, e in names):
            continue  # 《2022年…方案》 names a document that exists; flagged, not rewritten
        if slot.field in _WHOLE_FIELDS or _refers_to_own_period(slot.text, hit):
            chosen.append(hit)
    return chosen


def roll_years(report: Report, old_year: int, new_year: int) -> list[RolledYear]:
    """Rewrite, in place, mentions of ``old_year`` (and of the year after it) that mean the
    report's own period, shifting them by ``new_year - old_year``."""
    rolled: list[RolledYear] = []
    for slot in list(iter_slots(report)):
        hits = _years_to_roll(slot, old_year)
        if not hits:
            continue
        text = slot.text
        for hit in hits:
            chinese = not hit.text[:4].isdigit()
            new = _year_text(hit.year + new_year - old_year, chinese)
            text = text[: hit.start] + new + text[hit.start + 4 :]
            rolled.append(
                RolledYear(
                    slot.section_id, slot.field, slot.index, hit.start, hit.start + 4, hit.text[:4], new
                )
            )
        set_slot_text(report, slot.section_id, slot.field, slot.index, text)
    return rolled


def infer_year(report: Report) -> int | None:
    """The report's year: ``report.year``, else the year in the title, else the opening's
    first year, else the most frequent year in the text."""
    if report.year:
        return report.year
    for text in (report.title, report.subtitle, *report.opening[:1]):
        years = find_years(text)
        if years:
            return years[0].year
    counts = Counter(h.year for slot in iter_slots(report) for h in find_years(slot.text))
    return counts.most_common(1)[0][0] if counts else None


def copy_report(report: Report) -> Report:
    """A deep copy that keeps section ids (so flags and references line up)."""
    return report_from_dict(to_dict(report))


def _keep_prior_text_as_reference(report: Report) -> None:
    """Last year's text goes beside each section, so it stays visible while edited.

    Same form as :meth:`core.draft.kinds.Kind.carry_over`: the section's own paragraphs with
    point ordinals, heading excluded.
    """
    if report.opening:
        report.reference_opening = "\n".join(report.opening)
    if report.closing:
        report.reference_closing = "\n".join(report.closing)
    for _, section in report.walk():
        own = "\n".join(section_text_paragraphs(report, section))
        if own.strip():
            section.reference = own
        for point in section.points:
            if point.text.strip():
                point.reference = point.text
        section.done = False
        section.notes, section.handled_notes = [], []  # last year's review is done with


def carry_over(report: Report, new_year: int) -> CarryOverResult:
    """A new draft for ``new_year`` made from last year's ``report`` (left unchanged).

    The copy keeps last year's text as each section's reference, has its year, title and
    report-year mentions rolled forward, no date, no 已核实 marks, and comes with the flags
    of everything else the clerk must check.
    """
    old_year = infer_year(report)
    draft = copy_report(report)
    _keep_prior_text_as_reference(draft)
    rolled = roll_years(draft, old_year, new_year) if old_year and old_year != new_year else []
    draft.year = new_year
    draft.date = ""
    draft.verified_flags = []
    draft.reviews = []
    for spec in REPORT_FIELDS:  # 份号, 紧急程度, 印发日期 belong to one sending only
        if spec.element and spec.carry == CARRY_CLEAR:
            setattr(draft, spec.name, empty_value(spec))
    return CarryOverResult(report=draft, flags=flags_for(draft), rolled=rolled, old_year=old_year)
