"""Anniversaries counted from the year of their event (2019年是新中国成立70周年; 1999年，我们将庆祝
新中国成立五十周年), one of the dated facts a clerk leaves standing when the year of last year's
sentence is changed (:mod:`core.proofread.dated_facts` holds the plans and the meetings)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.draft.ordinals import int_to_cn
from core.proofread.hits import Hit
from core.proofread.meetings import ordinal_value
from core.proofread.stated_years import OTHER_TIME, opening_year, stated_year

ANNIVERSARY_SOURCE = "所纪念事件的年份（新中国成立1949年，中国共产党成立1921年，改革开放1978年等）"

# The year each anniversary counts from (2019年是新中国成立70周年, 2026年是中国共产党成立105周年).
_FOUNDED = {
    "新中国成立": 1949,
    "中华人民共和国成立": 1949,
    "建国": 1949,
    "人民政协成立": 1949,
    "中国共产党成立": 1921,
    "建党": 1921,
    "中国人民解放军建军": 1927,
    "建军": 1927,
    "改革开放": 1978,
    "五四运动": 1919,
    "辛亥革命": 1911,
    "红军长征胜利": 1936,
    "抗日战争胜利": 1945,
    "抗战胜利": 1945,
    "世界反法西斯战争胜利": 1945,
    "香港回归祖国": 1997,
    "澳门回归祖国": 1999,
    "全国人民代表大会成立": 1954,
    "毛泽东同志诞辰": 1893,
    "周恩来同志诞辰": 1898,
    "邓小平同志诞辰": 1904,
    "内蒙古自治区成立": 1947,
    "新疆维吾尔自治区成立": 1955,
    "广西壮族自治区成立": 1958,
    "宁夏回族自治区成立": 1958,
    "西藏自治区成立": 1965,
}
_ANNIVERSARY = re.compile(
    "(?P<event>" + "|".join(sorted(_FOUNDED, key=len, reverse=True)) + ")"
    r"(?P<n>\d{1,3}|[一二三四五六七八九十百零]{1,5})周年"
)


_CELEBRATED = re.compile(r"(?:庆祝|纪念|迎来|喜迎)")


def anniversary_slips(sentence: str, offset: int, this_year: int | None = None) -> Iterator[Hit]:
    """A year called an anniversary (2024年是新中国成立75周年), or celebrating one in a sentence
    that opens with it (1999年，我们将庆祝新中国成立五十周年): the count is the years since."""
    opening = opening_year(sentence, this_year)
    for match in _ANNIVERSARY.finditer(sentence):
        year = stated_year(sentence, match.start(), this_year)
        if (
            year is None
            and opening is not None
            and _CELEBRATED.search(sentence, max(opening[1], match.start() - 8), match.start())
            and not OTHER_TIME.search(sentence, opening[1], match.start())
        ):
            year = opening[0]
        written = match["n"]
        count = int(written) if written.isdigit() else _chinese_count(written)
        if year is None or count is None:
            continue
        right = year - _FOUNDED[match["event"]]
        if right <= 0 or right == count:
            continue
        fixed = str(right) if written.isdigit() else int_to_cn(right)
        yield Hit(
            offset + match.start("n"),
            offset + match.end("n"),
            fixed,
            f"{match['event']}于{_FOUNDED[match['event']]}年，{year}年是{match['event']}{fixed}周年，不是{written}周年。",
            f"改为“{fixed}”；如年份写错了，请改年份。",
            ANNIVERSARY_SOURCE,
        )


def _chinese_count(text: str) -> int | None:
    """七十, 一百零五 → 70, 105: a count of years in Chinese numerals, or None."""
    if text.startswith("一百") or text.startswith("百"):
        rest = text.split("百", 1)[1].lstrip("零")
        tail = ordinal_value(rest) if rest else 0
        return None if tail is None else 100 + tail
    return ordinal_value(text)
