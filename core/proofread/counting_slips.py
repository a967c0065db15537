"""错别字 in counts: the 第 of an ordinal and the 元 of an amount typed as another character of
their sound (dì, yuán), which pinyin input offers first as often as the one meant.

* 第 before an ordinal count written 地, 弟, 递 or 帝: 人民代表大会地五次会议, 地一部分是…. Only
  where the count can be nothing but an ordinal — a meeting's session (届/次 then 会议, 全会,
  全体会议) or the opening of a clause — for 地 also ends words before a count (落地一批, 基地一期,
  “三地一区”); neither place holds it in the 32 million characters of report text we hold.
* 元 after an amount in Arabic figures written 圆, 员, 原, 援, 园, 源, 院, 缘 or 远: 400.07亿援，
  28.36亿原. Only where the amount ends there (a mark, 增长, 同比 …) — 10万员工 and 3万园区
  go on into a word of their own.
"""

from __future__ import annotations

import re

from core.proofread.hits import Hit
from core.proofread.numbers_in_names import CHINESE_NUMERALS

_ORDINAL_SOUND = "地弟递帝"
_CHINESE_NUMERAL = CHINESE_NUMERALS + "百"
_SESSION = re.compile(
    rf"([{_ORDINAL_SOUND}])[{_CHINESE_NUMERAL}]+[届次](?:会议|全会|全体会议|常务会议|常委会议)"
)
_CLAUSE_OPENING = re.compile(
    rf"(?:^|(?<=[，。；：、！？“（]))([{_ORDINAL_SOUND}])(?:[{_CHINESE_NUMERAL}]+|[0-9]+)"
    r"(?:部分|章|节|条|款|项|批|个|名|次|届|阶段|季度|轮|期|篇|位|类|种)"
)
_YUAN_SOUND = "圆员原援园源院缘远"
_AMOUNT = re.compile(
    rf"[0-9](?:[0-9.]*[0-9])?(?:千万|百万|万|亿)?([{_YUAN_SOUND}])"
    r"(?=[，。；、：）)%！？”]|增长|下降|同比|以上|左右|以内|的|$)"
)
_SOURCE = "《现代汉语词典》（第7版）“第”“元”条"


def counting_slips(text: str) -> list[Hit]:
    """第 and 元 typed as another character of the same sound in an ordinal or an amount."""
    hits = []
    for pattern in (_SESSION, _CLAUSE_OPENING):
        for match in pattern.finditer(text):
            at = match.start(1)
            if at and text[at - 1] == "第":
                continue
            hits.append(_hit(at, match.group(1), "第", "序数"))
    for match in _AMOUNT.finditer(text):
        hits.append(_hit(match.start(1), match.group(1), "元", "金额的单位"))
    return hits


def _hit(at: int, written: str, meant: str, what: str) -> Hit:
    return Hit(
        at,
        at + 1,
        meant,
        f"这里是{what}，“{written}”应为同音的“{meant}”。",
        f"改为“{meant}”。",
        _SOURCE,
    )
