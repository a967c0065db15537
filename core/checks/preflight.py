"""Pre-flight before export: what is still open in a report, each with its place.

The window shows this list before it writes a Word or PDF file, and ``render`` prints it
as warnings (``render --strict`` refuses). It gathers, in reading order:

* placeholders and unverified 待核实 flags (:func:`core.reuse.flags.flags_for`);
* sections with no text at all (neither their own nor any sub-section's);
* a missing title, 署名 (for kinds that end with one) or 成文日期 (for dated kinds);
* a reviewed copy with changes still 待定, and reviewers' comments not marked 已处理;
* findings of the checks marked as errors (:data:`core.checks.base.CHECKS`).

Each item carries the address the editor's ``jump_to`` takes. The 校对 findings are warnings
and no item: :func:`proofreading_note` only says how many remain, beside the list.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.checks import run_checks
from core.checks.base import CHECKS, SEVERITY_ERROR
from core.draft.edits import Place
from core.draft.model import Report
from core.reuse.flags import PLACEHOLDER, flags_for
from core.text.textslots import describe_place, section_paths

# Item kinds, in the order the clerk should deal with them.
MISSING, PLACEHOLDER_ITEM, FLAG_ITEM, REVIEW_ITEM, EMPTY_SECTION, CHECK_ITEM = (
    "missing",
    "placeholder",
    "flag",
    "review",
    "empty_section",
    "check",
)
ITEM_LABELS = {
    MISSING: "缺少",
    PLACEHOLDER_ITEM: "占位符",
    FLAG_ITEM: "待核实",
    REVIEW_ITEM: "审阅未处理",
    EMPTY_SECTION: "空白部分",
    CHECK_ITEM: "检查问题",
}
# Checks whose subject pre-flight already lists in its own words.
_COVERED_CHECKS = frozenset({"placeholder", "missing_title"})


@dataclass(frozen=True)
class OpenItem:
    """One thing still open before the report can be sent, and where it is."""

    kind: str  # one of ITEM_LABELS
    message: str
    place: str  # in words, for the list and the CLI
    section_id: str = ""
    field: str = ""
    index: int = 0
    start: int = 0
    end: int = 0

    @property
    def label(self) -> str:
        return ITEM_LABELS[self.kind]

    @property
    def address(self) -> Place:
        """Where it is in the draft (``place`` says it in words)."""
        return Place(self.section_id, self.field, self.index, self.start, self.end)

    def line(self) -> str:
        """One line for the command line: "[待核实] 一、… 正文第1段：……"."""
        return f"[{self.label}] {self.place}：{self.message}"


def preflight(report: Report) -> list[OpenItem]:
    """Everything still open in ``report``; empty means it is ready to send."""
    from core.draft.kinds import load_kinds

    kind = load_kinds().get(report.kind)
    items = _missing_parts(report, kind)
    paths = section_paths(report)
    for flag in flags_for(report, include_verified=False):
        path = paths.get(flag.section_id, "")
        items.append(
            OpenItem(
                PLACEHOLDER_ITEM if flag.kind == PLACEHOLDER else FLAG_ITEM,
                flag.message,
                describe_place(path, flag.section_id, flag.field, flag.index, flag.start, flag.cell),
                flag.section_id,
                flag.field,
                flag.index,
                flag.start,
                flag.end,
            )
        )
    items += _open_review(report, paths)
    for _, section in report.walk():
        if section.char_count() - len("".join(section.heading.split())) == 0:
            items.append(
                OpenItem(
                    EMPTY_SECTION,
                    "这一部分还没有写内容。",
                    paths.get(section.id, "") or "（无标题的部分）",
                    section.id,
                    "heading",
                    0,
                    0,
                    len(section.heading),
                )
            )
    errors = [n for n, c in CHECKS.items() if c.severity == SEVERITY_ERROR and n not in _COVERED_CHECKS]
    for finding in run_checks(report, only=errors):
        items.append(
            OpenItem(
                CHECK_ITEM,
                finding.message,
                finding.place,
                finding.section_id,
                finding.field,
                finding.index,
                finding.start,
                finding.end,
            )
        )
    return items


def _open_review(report: Report, paths: dict[str, str]) -> list[OpenItem]:
    """The leader's review not yet worked through (core.draft.reviews, Section.notes)."""
    items = [
        OpenItem(REVIEW_ITEM, f"{record.label}。请导入这份审阅稿，在“审阅”栏接受或拒绝其余改动。", "审阅稿")
        for record in report.reviews
        if not record.finished
    ]
    for _, section in report.walk():
        for note in section.notes:
            if note not in section.handled_notes:
                items.append(
                    OpenItem(
                        REVIEW_ITEM,
                        f"批注尚未标为已处理：{note}",
                        paths.get(section.id, "") or "（无标题的部分）",
                        section.id,
                        "heading",
                        0,
                        0,
                        len(section.heading),
                    )
                )
    return items


def _missing_parts(report: Report, kind: object) -> list[OpenItem]:
    items: list[OpenItem] = []
    if not report.title.strip():
        items.append(OpenItem(MISSING, "没有标题。请在“报告信息”中填写标题。", "标题", field="title"))
    if kind is not None and getattr(kind, "signature", "") and not report.signature.strip():
        items.append(
            OpenItem(
                MISSING, "没有发文机关署名（落款）。请在“报告信息”中填写署名。", "署名", field="signature"
            )
        )
    if kind is not None and getattr(kind, "dated", False) and not report.date.strip():
        items.append(
            OpenItem(MISSING, "没有成文日期。请在“报告信息”中勾选并填写成文日期。", "成文日期", field="date")
        )
    return items


def proofreading_note(report: Report, wait: bool = True) -> str:
    """ "另有校对提示 3 处（错别字 2 处、规范表述 1 处），可在“检查”中逐条查看；不影响导出。" — or "".

    ``wait`` False (the window) counts what the background 校对 has read so far.
    """
    from core.checks import check_report
    from core.checks.proofreading import PROOFREADING_CHECKS

    run = check_report(report, only=PROOFREADING_CHECKS, wait_for_words=wait)
    counts: dict[str, int] = {}
    for finding in run.findings:
        counts[finding.check] = counts.get(finding.check, 0) + 1
    still = "（校对尚未全部完成）" if run.pending else ""
    if not counts:
        return "校对尚未完成，可稍后在“检查”中查看。" if run.pending else ""
    parts = "、".join(
        f"{CHECKS[name].label}{counts[name]}处" for name in PROOFREADING_CHECKS if name in counts
    )
    return f"另有校对提示 {len(run.findings)} 处（{parts}）{still}，可在“检查”中逐条查看；不影响导出。"


def summary(items: list[OpenItem]) -> str:
    """ "还有 3 处待处理：占位符2处、缺少1处。" (empty list: "")."""
    if not items:
        return ""
    counts: dict[str, int] = {}
    for item in items:
        counts[item.kind] = counts.get(item.kind, 0) + 1
    parts = "、".join(f"{ITEM_LABELS[k]}{counts[k]}处" for k in ITEM_LABELS if k in counts)
    return f"还有 {len(items)} 处待处理：{parts}。"
