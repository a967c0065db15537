"""The year of a report that never writes it, from what a reader would work it out by.

A national 政府工作报告 often says "今年" and never "2019年": a person dates it by the session
of the 全国人民代表大会 it is given to, by "今年是“十四五”规划开局之年", by "今年是新中国成立
70周年", or by "去年…五届人大三次会议". These are facts with fixed years (the tables below:
the first session of each 届 since the fifth, held every spring since 1978; the first year of
each 五年计划; the founding years that anniversaries count from), so the arithmetic is safe.

Each finder takes the report's text (spaces and full-width digits already normalised by the
caller) and returns (year, the words that gave it) or None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.draft.ordinals import cn_to_int

# First session of each 全国人民代表大会 since the fifth; one session a year after it
# (the fourth 届 and earlier did not meet every year).
NPC_FIRST_SESSION = {5: 1978, 6: 1983, 7: 1988, 8: 1993, 9: 1998, 10: 2003, 11: 2008, 12: 2013, 13: 2018, 14: 2023}
# Year of each 中国共产党全国代表大会 (a fact; a 届 中央委员会 reports to the next congress).
CPC_CONGRESS_YEAR = {
    1: 1921, 2: 1922, 3: 1923, 4: 1925, 5: 1927, 6: 1928, 7: 1945, 8: 1956, 9: 1969, 10: 1973, 11: 1977,
    12: 1982, 13: 1987, 14: 1992, 15: 1997, 16: 2002, 17: 2007, 18: 2012, 19: 2017, 20: 2022,
}  # fmt: skip
# First year of each 五年计划/规划, by its short name (“十四五”).
PLAN_FIRST_YEAR = {
    "一五": 1953, "二五": 1958, "三五": 1966, "四五": 1971, "五五": 1976, "六五": 1981, "七五": 1986,
    "八五": 1991, "九五": 1996, "十五": 2001, "十一五": 2006, "十二五": 2011, "十三五": 2016,
    "十四五": 2021, "十五五": 2026,
}  # fmt: skip
# Which year of its plan "今年" is.
_PLAN_YEAR_WORDS = {
    "第一年": 0, "头一年": 0, "开局之年": 0, "开局年": 0, "起步之年": 0, "第二年": 1, "第三年": 2, "第四年": 3,
    "第五年": 4, "最后一年": 4, "收官之年": 4, "收官年": 4,
}  # fmt: skip
# What an anniversary ("…成立70周年") counts from.
FOUNDED = (
    ("中华人民共和国成立", 1949), ("新中国成立", 1949), ("中国共产党成立", 1921), ("建党", 1921),
    ("改革开放", 1978), ("抗日战争", 1945), ("反法西斯战争胜利", 1945), ("中国人民解放军建军", 1927),
    ("香港回归", 1997), ("澳门回归", 1999), ("五四运动", 1919), ("辛亥革命", 1911),
)  # fmt: skip

_CN = "[一二三四五六七八九十]+"
_NPC = rf"第?({_CN})届(?:全国人民代表大会|全国人大)(?:第({_CN})次会议)?"
_NPC_SHORT = rf"第?({_CN})届(?:全国人民代表大会|全国人大|人大)第?({_CN})次会议"
# "在第十三届全国人民代表大会第三次会议上", "向第五届全国人民代表大会作政府工作报告"
_THIS_SESSION = re.compile(rf"(?:向|在){_NPC}(?:上|作|报告|提出)")
# "去年9月第五届全国人民代表大会第三次会议", "去年举行的六届人大一次会议"
_LAST_SESSION = re.compile(rf"去年[^，。；]{{0,12}}?{_NPC_SHORT}")
# "第十一届全国人民代表大会第一次会议以来的五年", "从第七届…第一次会议，到这次大会的召开，已经
# 整整过去了五年": the report closes that 届.
_TERM_SINCE = re.compile(rf"第?({_CN})届全国人民代表大会第一次会议(?:以来的|[^。；]{{0,20}}?)五年")
_TERM_DURING = re.compile(rf"第?({_CN})届全国人民代表大会期间")
# "在中国共产党第十八次全国代表大会上的报告", "向第十次全国代表大会作报告".
_CPC_THIS_CONGRESS = re.compile(rf"(?:在中国共产党|向(?:党的|中国共产党)?)第({_CN})次全国代表大会(?:上|作|报告)")
# A speech whose first sentence is of its congress: "中国共产党第十一次全国代表大会，现在开幕了".
_CPC_OPENING_CONGRESS = re.compile(rf"^(?:中国共产党|党的)第({_CN})次全国代表大会，")
# How far into the text (title, the line under it, the first paragraphs) that first sentence is.
_OPENING_TEXTS = 4
# "我代表第十七届中央委员会向大会作报告", "我受十二届中央委员会委托": the 届 that ends at this congress.
_CPC_OUTGOING = re.compile(rf"(?:代表|受)(?:中国共产党)?第?({_CN})届中央委员会(?:，?向|委托)")
_PLAN = "|".join(sorted(PLAN_FIRST_YEAR, key=len, reverse=True))
_PLAN_YEAR = re.compile(
    rf"今年是[^。；]{{0,30}}?[“\"]?({_PLAN})[”\"]?(?:计划|规划|时期)?[^。；，]{{0,16}}?"
    rf"({'|'.join(_PLAN_YEAR_WORDS)})"
)
_ANNIVERSARY = re.compile(
    r"今年[^。；]{0,16}?是[^。；]{0,30}?(" + "|".join(name for name, _ in FOUNDED) + r")[^。；，]{0,24}?"
    r"([一二三四五六七八九十百]+|\d{1,3})周年"
)
# "对今后五年和2012年的工作提出建议": a government's report puts the year's work to its congress,
# and is of that year. A 汇报 that "对2022年相关工作进行部署" is of the year it reports on.
_PROPOSED_YEAR = re.compile(
    r"对(?:今后[^，。；]{0,6}?和)?((?:19|20)\d\d)年[^，。；]{0,8}?工作[^，。；]{0,4}?提出(?:建议|意见)"
)
_PLAN_REVIEW = re.compile(rf"[“\"]?({_PLAN})[”\"]?时期[^。；]{{0,24}}回顾")


def _number(text: str) -> int | None:
    """75, 七十五, 一百零五 → the number (None for anything else)."""
    if text.isdigit():
        return int(text)
    hundreds, _, rest = text.rpartition("百")
    if hundreds not in ("", "一") or ("百" in text and not hundreds and text[0] != "百"):
        return None
    rest = rest.lstrip("零")
    try:
        return (100 if "百" in text else 0) + (cn_to_int(rest) if rest else 0) or None
    except ValueError:
        return None


def _session_year(term: str, session: str | None) -> int | None:
    first = NPC_FIRST_SESSION.get(_number(term) or 0)
    number = _number(session) if session else 1
    if first is None or number is None or not 1 <= number <= 5:
        return None
    return first + number - 1


def strong_clue(texts: Iterable[str]) -> tuple[int, str] | None:
    """The year as the report names its own occasion: the session it is given to, which year
    of a 五年规划 "今年" is, the year whose work it proposes, an anniversary "今年" marks."""
    for index, text in enumerate(texts):
        match = _CPC_THIS_CONGRESS.search(text) or (_CPC_OPENING_CONGRESS.match(text) if index < _OPENING_TEXTS else None)
        if match and (year := CPC_CONGRESS_YEAR.get(_number(match.group(1)) or 0)):
            return year, f"“{match.group(0)}”：党的第{match.group(1)}次全国代表大会在 {year} 年"
        if (match := _CPC_OUTGOING.search(text)) and (year := CPC_CONGRESS_YEAR.get((_number(match.group(1)) or 0) + 1)):
            return year, f"“{match.group(0)[:24]}”：第{match.group(1)}届中央委员会向下一次全国代表大会报告，在 {year} 年"
        if (match := _THIS_SESSION.search(text)) and (year := _session_year(match.group(1), match.group(2))) is not None:
            return year, f"“{match.group(0)}”：第{match.group(1)}届全国人大{'' if match.group(2) else '第一次会议'}在 {year} 年"
        if match := _PLAN_YEAR.search(text):
            year = PLAN_FIRST_YEAR[match.group(1)] + _PLAN_YEAR_WORDS[match.group(2)]
            return year, f"“{match.group(0)[:30]}”：“{match.group(1)}”始于 {PLAN_FIRST_YEAR[match.group(1)]} 年"
        if match := _PROPOSED_YEAR.search(text):
            return int(match.group(1)), f"“{match.group(0)[:30]}”：报告部署的是这一年的工作"
        if match := _ANNIVERSARY.search(text):
            founded = dict(FOUNDED)[match.group(1)]
            if (count := _number(match.group(2))) is not None:
                return founded + count, f"“{match.group(0)[:30]}”：{founded} 年起的第 {count} 年"
    return None


def weak_clue(texts: Iterable[str]) -> tuple[int, str] | None:
    """The year after an event the report looks back on: last year's session, the 届 or the
    五年规划 that the report reviews as ended."""
    texts = list(texts)
    for text in texts:
        if (match := _LAST_SESSION.search(text)) and (year := _session_year(match.group(1), match.group(2))) is not None:
            return year + 1, f"“{match.group(0)[:30]}”在 {year} 年，报告是下一年的"
        if (match := _TERM_SINCE.search(text)) and (first := NPC_FIRST_SESSION.get(_number(match.group(1)) or 0)) is not None:
            return first + 5, f"“{match.group(0)[:30]}”：该届始于 {first} 年，报告在 {first + 5} 年"
    for text in texts:
        if (match := _TERM_DURING.search(text)) and (first := NPC_FIRST_SESSION.get(_number(match.group(1)) or 0)) is not None:
            return first + 5, f"回顾“{match.group(0)}”：该届 {first}—{first + 4} 年，报告在 {first + 5} 年"
        if match := _PLAN_REVIEW.search(text):
            year = PLAN_FIRST_YEAR[match.group(1)] + 5
            return year, f"“{match.group(0)[:24]}”：“{match.group(1)}”到 {year - 1} 年结束，报告在 {year} 年"
    return None
