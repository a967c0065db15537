"""Guess which kind of report a parsed document is, and say why.

The rules are the kinds' own (kind.toml ``[[guess]]``, read by core/draft/kind_file.py): the
rules of every kind are tried by rank, lowest first, and the first that holds decides. A rule
looks at the title's words, or at a shape of the text worked out here (``SHAPES``), or holds
whenever no other rule did (``otherwise``). A new kind is recognised by its folder alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from core.draft.kind import GuessRule, Kind
from core.draft.model import Report
from core.importing.title_block import heading_for_title, is_occasion_line, is_speaker_line
from core.text.heading_roles import PLAN_WORDS, REVIEW_WORDS

# How a speech or a report to a meeting opens ("各位代表：", "同志们：").
SALUTATIONS = ("各位代表", "同志们", "各位领导", "各位委员", "各位同志")

NO_RULE_REASON = "未发现明确特征"


@dataclass(frozen=True)
class _Text:
    """What the shapes look at, worked out once per document."""

    report: Report
    title: str  # the title line, or the first heading that stands for it (heading_for_title)
    headings: list[str]
    items: int  # sections at the second level
    opening: str  # the first two paragraphs of the opening, joined

    @classmethod
    def of(cls, report: Report) -> _Text:
        walked = report.walk()
        return cls(
            report=report,
            title=report.title.strip() or heading_for_title(report),
            headings=[s.heading for _, s in walked],
            items=sum(1 for depth, _ in walked if depth == 2),
            opening="".join(report.opening[:2]),
        )


def _salutation(text: _Text) -> str | None:
    report = text.report
    first_line = (report.addressee or (report.opening[0] if report.opening else "")).strip()
    return f"开头称呼“{first_line[:6]}”，是会上的讲话或报告" if first_line.startswith(SALUTATIONS) else None


def _speaker_reports(text: _Text) -> str | None:
    if any("我代表" in line[:60] and "报告" in line for line in text.report.opening[:3]):
        return "开头“我代表…报告”，是向会议作的报告"
    return None


def _closing_comrades(text: _Text) -> str | None:
    closing = text.report.closing
    return "结尾以“同志们”开头，是讲话或汇报" if closing and closing[0].startswith("同志们") else None


def _oral_report(text: _Text) -> str | None:
    opening = text.opening
    if any(w in opening[:40] for w in ("受", "委托", "汇报", "报告如下")) and "汇报" in opening[:60]:
        return "开头是口头汇报的说法（受…委托/汇报）"
    return None


def _given_at_meeting(text: _Text) -> str | None:
    for line in text.report.subtitle.split("\n"):
        if is_occasion_line(line):
            return f"标题下写明“{line.strip()[:24]}”，是会上的讲话或报告"
        if is_speaker_line(line):
            return f"标题下写明报告人“{line.strip()[:16]}”，是会上的讲话或报告"
    return None


def _half_year_mentioned(text: _Text) -> str | None:
    opening = text.opening
    if (
        any("上半年" in h for h in text.headings)
        or opening.lstrip().startswith(("上半年", "今年上半年"))
        or "上半年" in opening[:20]
    ):
        return "章节或开头提到“上半年”"
    return None


def _so_far_this_year(text: _Text) -> str | None:
    if any(h.startswith(("下半年", "下一步")) or "下半年" in h for h in text.headings) or "今年以来" in text.opening[:20]:
        return "写“今年以来”的开展情况并安排下一步，是年中的工作总结"
    return None


def _whole_year(text: _Text) -> str | None:
    text_head = text.title + text.opening + "".join(text.headings)
    return "总结全年工作并提出明年打算" if any(w in text_head for w in ("明年工作", "全年工作", "一年来")) else None


def _continuous_items(text: _Text) -> str | None:
    if text.report.numbering.level(2).continuous and text.items >= 5:
        return "条目 1.、2.… 跨章连续编号，是工作要点的写法"
    return None


def _year_outlook(text: _Text) -> str | None:
    if any(w in text.opening[:80] for w in ("是", "之年")) and not any("情况" in h for h in text.headings):
        return "开头写年份形势与总体要求，各章为任务部署"
    return None


def _looking_back(text: _Text) -> str | None:
    back = [h for h in text.headings if any(w in h for w in REVIEW_WORDS)]
    ahead = [h for h in text.headings if any(w in h for w in PLAN_WORDS)]
    return f"章节多写已做的工作（如“{back[0][:12]}”），是工作总结" if len(back) > len(ahead) else None


def _looking_ahead(text: _Text) -> str | None:
    back = [h for h in text.headings if any(w in h for w in REVIEW_WORDS)]
    ahead = [h for h in text.headings if any(w in h for w in PLAN_WORDS)]
    if len(ahead) > len(back) and not text.report.closing:
        return f"章节多为部署（如“{ahead[0][:12]}”），是工作要点"
    return None


# The shapes a kind.toml may name (their meanings: core.draft.kind.GUESS_SHAPES); each gives
# the reason told to the clerk, or None when the text does not have the shape.
SHAPES: dict[str, Callable[[_Text], str | None]] = {
    "salutation": _salutation,
    "speaker_reports": _speaker_reports,
    "closing_comrades": _closing_comrades,
    "oral_report": _oral_report,
    "given_at_meeting": _given_at_meeting,
    "half_year_mentioned": _half_year_mentioned,
    "so_far_this_year": _so_far_this_year,
    "whole_year": _whole_year,
    "continuous_items": _continuous_items,
    "year_outlook": _year_outlook,
    "looking_back": _looking_back,
    "looking_ahead": _looking_ahead,
}


def _rules(kinds: Mapping[str, Kind]) -> list[tuple[GuessRule, Kind]]:
    ordered = [(rule, kind) for kind in kinds.values() for rule in kind.guess]
    return sorted(ordered, key=lambda pair: (pair[0].rank, pair[1].order, pair[1].id))


def _holds(rule: GuessRule, text: _Text) -> str | None:
    if rule.otherwise:
        return f"{NO_RULE_REASON}，{rule.reason}"
    if rule.shape:
        found = SHAPES[rule.shape](text)
        return (rule.reason or found) if found else None
    if not rule.title_holds(text.title):
        return None
    reason = rule.title_reason(text.title)
    return reason if text.report.title.strip() else f"文中没有标题行，首个章节“{text.title}”：{reason}"


@dataclass(frozen=True)
class KindGuess:
    kind: str  # "" when no kind has a rule that holds
    reason: str  # Chinese, for the clerk
    by_title: bool  # the title's words decided (NO_RULE_REASON opens the reason when nothing did)


def guess_kind_among(report: Report, kinds: Mapping[str, Kind]) -> KindGuess:
    """The first rule of ``kinds`` (by rank) that holds for ``report``."""
    text = _Text.of(report)
    for rule, kind in _rules(kinds):
        reason = _holds(rule, text)
        if reason is not None:
            return KindGuess(kind.id, reason, rule.by_title)
    # No kind says "otherwise": the first in display order, and say so.
    fallback = next(iter(kinds.values()), None)
    if fallback is None:
        return KindGuess("", NO_RULE_REASON, False)
    return KindGuess(fallback.id, f"{NO_RULE_REASON}，按“{fallback.name}”处理", False)


def guess_kind(report: Report) -> tuple[str, str]:
    """(kind id, Chinese reason), by the rules of every kind the app knows."""
    from core.draft.kinds import load_kinds

    guess = guess_kind_among(report, load_kinds())
    return guess.kind, guess.reason
