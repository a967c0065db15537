"""Checks of years and dates: years that do not fit the report, dates not in GB/T 9704 form."""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.checks.base import SEVERITY_ERROR, CheckContext, Finding, register
from core.draft.ordinals import CN_DIGIT_CHARS, CN_SMALL_NUMBER_CHARS, cn_digits_to_int, cn_to_int
from core.reuse.carryover import infer_year
from core.text.dates import date_words
from core.text.detectors import find_years, short_quoted_spans
from core.text.textslots import Slot

# Before a year, words that make an older year a deliberate reference ("比2020年", "自2018年").
_REFERENCE_BEFORE = ("自", "从", "比", "较", "与", "同", "至", "到", "截至", "截止", "于", "在", "是", "为")
# After it, words of a period that runs on or a point of comparison.
# fmt: off
_REFERENCE_AFTER = (
    "以来", "至今", "起", "开始", "前", "以前", "底前", "相比", "同期", "的",
    "版", "届", "年版",
)
# fmt: on


def _report_period_slot(slot: Slot) -> bool:
    """Text that names the report's own period: the title, headings, the opening's start."""
    return slot.field in ("title", "subtitle", "heading") or (slot.field == "opening" and slot.index == 0)


@register("year_mismatch", "年份与报告年度不符", SEVERITY_ERROR)
def check_year_mismatch(ctx: CheckContext) -> Iterator[Finding]:
    """A 2023 report whose title, a heading or first words say 2022年, or whose text names a
    year two or more years back with no sign that the old year is meant (自/比/以来 …).

    Kept deliberately narrow: a check that cries wolf gets switched off.
    """
    year = ctx.report.year or infer_year(ctx.report)
    if year is None:
        return
    for slot in ctx.slots:
        names: list[tuple[int, int]] | None = None
        for hit in find_years(slot.text):
            if hit.last_year >= year or hit.year < 1949:
                continue  # current or future, a range reaching this year, or history
            period = _report_period_slot(slot)
            if slot.field == "opening" and slot.text[: hit.start].strip():
                period = False  # only the very first words of the opening name the period
            if period:
                yield ctx.finding(
                    "year_mismatch",
                    slot,
                    hit.start,
                    hit.end,
                    f"“{hit.text}”与报告年度（{year}年）不符。",
                    f"核实后改为{year}年。",
                )
                continue
            if hit.year >= year - 1:
                continue  # last year is routinely compared with
            names = short_quoted_spans(slot.text) if names is None else names
            if any(s <= hit.start < e for s, e in names):
                continue  # 《…》 and short “…” names are citations
            before = slot.text[max(0, hit.start - 2) : hit.start]
            after = slot.text[hit.end :]
            if before.endswith(_REFERENCE_BEFORE) or after.startswith(_REFERENCE_AFTER):
                continue
            yield ctx.finding(
                "year_mismatch",
                slot,
                hit.start,
                hit.end,
                f"“{hit.text}”比报告年度（{year}年）早{year - hit.year}年，可能是照抄往年的表述。",
                f"核实年份；如指本年度，改为{year}年。",
            )


_CN_DIGIT = CN_DIGIT_CHARS
_CN_SMALL = CN_SMALL_NUMBER_CHARS
_DATE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # 2022-07-01, 2022/7/1, 2022.7.1 (one separator throughout)
    (re.compile(r"(?<![\d.])((?:19|20)\d\d)([-/.])(\d{1,2})\2(\d{1,2})(?![\d.])"), "numeric"),
    # 2022年07月01日, 07月, 01日
    (re.compile(r"(?<!\d)(?:((?:19|20)\d\d)年)?(\d{1,2})月(?:(\d{1,2})日)?"), "padded"),
    # 二〇二二年七月一日
    (
        re.compile(rf"([{_CN_DIGIT}]{{4}})年([{_CN_SMALL}]{{1,2}})月(?:([{_CN_SMALL}]{{1,3}})日)?"),
        "chinese",
    ),
    # 7月1号
    (re.compile(r"(?<!\d)(\d{1,2})月(\d{1,2})号"), "hao"),
]


def _proper_form(kind: str, m: re.Match[str]) -> str | None:
    """The GB/T 9704 form of a matched date, or None when it already is one."""
    if kind == "numeric":
        month, day = int(m.group(3)), int(m.group(4))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return date_words(m.group(1), month, day)
    if kind == "padded":
        month_text, day_text = m.group(2), m.group(3)
        if not month_text.startswith("0") and not (day_text or "").startswith("0"):
            return None
        month = int(month_text)
        if not 1 <= month <= 12:
            return None
        return date_words(m.group(1), month, int(day_text) if day_text else None)
    if kind == "chinese":
        try:
            year, month = cn_digits_to_int(m.group(1)), cn_to_int(m.group(2))
            day = cn_to_int(m.group(3)) if m.group(3) else None
        except ValueError:
            return None  # 十十月, 三十十日: not a date to rewrite
        return date_words(year, month, day)
    return date_words(None, int(m.group(1)), int(m.group(2)))


@register("date_format", "日期格式")
def check_date_format(ctx: CheckContext) -> Iterator[Finding]:
    """Dates not written as GB/T 9704 wants them: 2025年7月1日 (Arabic, no leading zeros)."""
    for slot in ctx.slots:
        for pattern, kind in _DATE_PATTERNS:
            for m in pattern.finditer(slot.text):
                proper = _proper_form(kind, m)
                if proper is None:
                    continue
                yield ctx.finding(
                    "date_format",
                    slot,
                    m.start(),
                    m.end(),
                    f"日期“{m.group()}”不符合公文格式。",
                    f"写作“{proper}”（阿拉伯数字，不加0补位）。",
                    fix=proper,
                )
