"""Which year a sentence of a report speaks of: a year written out ahead of what it says (2025年是…,
一九九九年，…), or, given the report's own year, 今年, 去年 and 明年 — the anchor the dated rules
(:mod:`core.proofread.dated_facts`, :mod:`core.proofread.anniversaries`) check their facts against."""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.draft.ordinals import cn_digits_to_int

# A year in figures or, as the older reports wrote it, in Chinese digits (一九五六年, 二〇〇五年).
YEAR_WRITTEN = r"(?:19|20)\d\d|一九[〇○零一二三四五六七八九]{2}|二[〇○零][〇○零一二三四五六七八九]{2}"
_YEAR_IS = re.compile(rf"(?P<year>{YEAR_WRITTEN})年")
OTHER_TIME = re.compile(rf"(?:{YEAR_WRITTEN})年|今年|明年|去年|下一步|下步|未来|近年|以来")


def year_value(written: str) -> int:
    return int(written) if written.isdigit() else cn_digits_to_int(written.replace("○", "〇"))


# Words that name a year by the report's own (今年 of a 2026 report is 2026), and how far from it.
# Not 过去的一年: it is the year a report looks back on, the report's own in a 2025年工作总结 and
# the one before in a 2026年工作要点 or 政府工作报告, and the report's year alone cannot tell.
_REPORT_RELATIVE_YEAR = re.compile(r"今年|明年|去年")
_YEARS_FROM_REPORT = {"今年": 0, "明年": 1, "去年": -1}


def stated_year(sentence: str, before: int, this_year: int | None = None) -> int | None:
    """The year the sentence speaks of at ``before``: the last 'YYYY年' ahead of it — or, given
    the report's year, 今年, 去年 … — with 是 in between and no other time word, or None."""
    anchors: list[tuple[int, int, int]] = [(m.start(), m.end(), year_value(m["year"])) for m in _YEAR_IS.finditer(sentence, 0, before)]
    if this_year is not None:
        anchors += [
            (m.start(), m.end(), this_year + _YEARS_FROM_REPORT[m.group()])
            for m in _REPORT_RELATIVE_YEAR.finditer(sentence, 0, before)
        ]
    if not anchors:
        return None
    _, end, year = max(anchors)
    between = sentence[end:before]
    if "是" not in between or OTHER_TIME.search(between) or sentence[end : end + 2] == "以来":
        return None
    return year


def opening_year(sentence: str, this_year: int | None = None) -> tuple[int, int] | None:
    """The year a sentence opens with (2019年，…; 今年，… given the report's year) and where it
    ends, or None."""
    match = re.match(rf"\s*(?P<year>{YEAR_WRITTEN})年[，,]", sentence)
    if match:
        return year_value(match["year"]), match.end()
    match = re.match(r"\s*今年[，,]", sentence)
    return (this_year, match.end()) if match and this_year is not None else None


def latest_year_written(texts: Iterable[str]) -> int | None:
    """The latest year the texts write out (2002年, 二〇〇二年), or None: what dates a draft of no
    year of its own. Years of a plan's target (到2020年) count too, so only a draft of old years
    throughout reads as old."""
    years = [year_value(match["year"]) for text in texts for match in _YEAR_IS.finditer(text)]
    return max(years, default=None)
