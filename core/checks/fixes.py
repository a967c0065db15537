"""一键修正 of many findings at once: every fix of one kind of check, or every fix there is.

The fixes are worked out on a copy of the report, so the caller gets the new text of each
slot it changes and applies them together (the window as ONE undo step). A fix can leave
another behind — "的的的" loses one "的" per pass, a half-width comma beside a full-width
one becomes a doubled "，，" — so the checks run again on the result until nothing fixable
is left, a few rounds at most.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field

from core.checks.base import CHECKS
from core.draft.model import Report
from core.text.findings import Finding, with_fixes
from core.text.textslots import set_slot_text, slot_text

SlotAddress = tuple[str, str, int]  # section id ("" for report fields), field, index
MAX_ROUNDS = 5


@dataclass(frozen=True)
class FixPlan:
    """The new text of every slot the fixes change, and how many fixes went into them."""

    texts: dict[SlotAddress, str] = field(default_factory=dict)
    count: int = 0


def fixable(findings: Iterable[Finding], rule: str | None = None) -> list[Finding]:
    """The findings with a mechanical fix (of ``rule`` only, when given) that may be applied
    many at once (not a 错别字's likely word: see ``Check.bulk_fix``)."""
    return [
        f
        for f in findings
        if f.fix is not None
        and (rule is None or f.rule == rule)
        and (f.rule not in CHECKS or CHECKS[f.rule].bulk_fix)
    ]


def plan_fixes(report: Report, rule: str | None = None) -> FixPlan:
    """Every 一键修正 of the check ``rule`` (of every check when None); ``report`` is not changed."""
    from core.checks import run_checks

    if rule is not None and rule not in CHECKS:
        raise ValueError(f"unknown check: {rule}")
    work = copy.deepcopy(report)
    touched: set[SlotAddress] = set()
    count = 0
    for _ in range(MAX_ROUNDS):
        by_slot: dict[SlotAddress, list[Finding]] = {}
        for finding in fixable(run_checks(work, only=None if rule is None else [rule]), rule):
            by_slot.setdefault((finding.section_id, finding.field, finding.index), []).append(finding)
        applied = 0
        for address, findings in by_slot.items():
            text, done = with_fixes(slot_text(work, *address) or "", findings)
            if done:
                set_slot_text(work, *address, text)
                touched.add(address)
                applied += done
        count += applied
        if not applied:
            break
    texts = {a: new for a in touched if (new := slot_text(work, *a) or "") != slot_text(report, *a)}
    return FixPlan(texts, count if texts else 0)


# What text taken into the draft from elsewhere (a paragraph from the 资料库) goes through on
# its way in: the fixes of these checks, the same rules the clerk's own typing is checked by.
TAKEN_TEXT_CHECKS = ("halfwidth_punct",)


def as_taken_into_draft(text: str) -> tuple[str, int]:
    """``text`` with the fixes of :data:`TAKEN_TEXT_CHECKS` applied, and how many there were:
    "新建党群服务中心13 个;" → "新建党群服务中心13 个；"."""
    from core.draft.model import Section

    paragraph = Section(body=[text])
    count = 0
    for rule in TAKEN_TEXT_CHECKS:
        plan = plan_fixes(Report(sections=[paragraph]), rule)
        if plan.texts:
            paragraph.body = list(plan.texts.values())
            count += plan.count
    return paragraph.body[0], count
