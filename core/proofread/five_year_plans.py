"""规范表述 that are facts of the five-year plans: when each ran and what a year of it is called.

* a year called the opening, closing or planning year of a five-year plan (2021年是“十四五”开局
  之年) must name the plan that opens, closes or is drawn up then, and a year called a stage
  inside one (2025年是“十四五”决胜之年) the plan it falls in; likewise the plans of legal education
  (2021年是“八五”普法起步之年);
* a plan's good start achieved in a year that opens a plan must name that plan (2021年，实现
  “十三五”良好开局);
* a numbered five-year plan completed in a year outside its five (第五个五年计划一九七五年也将胜利
  完成: the fourth ran 1971–1975), or said to run years it did not (第二个五年计划的期间是从一九五三年
  到一九五七年), and a year called the Kth year of a plan it is not.

A year called the opening or closing year of a plan it opens or closes none of is told as such,
with what the year is, and no fix. :mod:`core.proofread.dated_facts` runs these rules with those
of congresses and meetings, and ties plans to congresses; which year a sentence speaks of is
:mod:`core.proofread.stated_years`'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.draft.ordinals import cn_to_int, int_to_cn
from core.proofread.hits import Hit
from core.proofread.meetings import ordinal_value
from core.proofread.stated_years import YEAR_WRITTEN, opening_year, stated_year, year_value

DATES_SOURCE = "党的全国代表大会、中央全会的召开年份；国民经济和社会发展五年规划的起止年份"


# The first year of each five-year plan is 1956 + 5 × (its number − 1): 十四五 2021–2025.
_FIRST_PLAN_YEAR = 1956


PLAN = re.compile(
    # The plan's name, then up to a few words of it (规划目标任务的), not of a time after it (实施后的).
    r"“?(?P<name>十(?P<n>[一二三四五六七八九])五)”?(?:规划)?(?:(?:(?![后完末])[\u4e00-\u9fff]){0,6}?的)?"
    r"(?P<role>开局起步之年|开局之年|开局年|起步之年|第一年|收官之年|收官年|最后一年|谋划之年|编制之年"
    # … or the verb of it, one of two things the year does (“十四五”规划冲刺收官、“十五五”规划谋篇布局).
    r"|(?:冲刺|全面|圆满)?收官(?=[、，]|和|与)|谋篇布局)"
)


def plan_opening(number: int) -> int:
    return _FIRST_PLAN_YEAR + 5 * (number - 1)


def _role_named(role: str) -> str:
    """The role as the year is called in the message: 冲刺收官 → 收官之年, 谋篇布局 → 谋划之年."""
    return "收官之年" if role.endswith("收官") else "谋划之年" if role == "谋篇布局" else role


def plan_for(year: int, role: str) -> int | None:
    """The number of the plan that ``role`` (开局之年, 收官之年 …) makes ``year`` part of."""
    if role in ("开局起步之年", "开局之年", "开局年", "起步之年", "第一年"):
        opening = year
    elif role in ("收官之年", "收官年", "最后一年") or role.endswith("收官"):
        opening = year - 4
    else:  # 谋划之年, 编制之年, 谋篇布局: the year before the plan opens
        opening = year + 1
    number, rest = divmod(opening - _FIRST_PLAN_YEAR, 5)
    return number + 1 if rest == 0 and number >= 0 else None


def plan_roles(sentence: str, offset: int, this_year: int | None = None) -> Iterator[Hit]:
    for match in PLAN.finditer(sentence):
        year = stated_year(sentence, match.start(), this_year)
        named = ordinal_value(match["name"][:-1])
        if year is None or named is None or named <= 10:
            continue
        right = plan_for(year, match["role"])
        if right is None:
            yield _no_plan_in_that_role(sentence, offset, match, year)
            continue
        if right == named or right <= 10:
            continue
        fixed = plan_name(right)
        said = f"{year}年是“{fixed}”（{plan_years_text(right)}）的{_role_named(match['role'])}，不是“{match['name']}”的。"
        yield _plan_renamed(offset, match, right, said, f"改为“{fixed}”；如年份写错了，请改年份。")


# The five-year plans of legal education (“七五”普法, 2016–2020) open with the national plans
# six numbers on: the first ran 1986–1990, beside the seventh national plan.
_LEGAL_EDUCATION_PLAN = re.compile(
    r"“?(?P<name>[一二三四五六七八九]五)”?(?:普法|法治宣传教育)(?:规划)?(?:(?:(?![后完末])[\u4e00-\u9fff]){0,4}?的)?"
    r"(?P<role>开局起步之年|开局之年|开局年|起步之年|第一年|收官之年|收官年|最后一年)"
)


_LEGAL_EDUCATION_OFFSET = 6


def legal_education_plans(sentence: str, offset: int, this_year: int | None = None) -> Iterator[Hit]:
    """2021年……也是“七五”普法起步之年 → “八五”: the legal-education plan a year opens or closes."""
    for match in _LEGAL_EDUCATION_PLAN.finditer(sentence):
        year = stated_year(sentence, match.start(), this_year)
        named = ordinal_value(match["name"][:-1])
        national = plan_for(year, match["role"]) if year is not None else None
        if named is None or national is None or national - _LEGAL_EDUCATION_OFFSET < 1:
            continue
        right = national - _LEGAL_EDUCATION_OFFSET
        if right == named:
            continue
        fixed = f"{int_to_cn(right)}五"
        first = plan_opening(national)
        yield Hit(
            offset + match.start("name"),
            offset + match.end("name"),
            fixed,
            f"{year}年是“{fixed}”普法（{first}—{first + 4}年）的{_role_named(match['role'])}，不是“{match['name']}”普法的。",
            f"改为“{fixed}”；如年份写错了，请改年份。",
            DATES_SOURCE,
        )


def _no_plan_in_that_role(sentence: str, offset: int, match: re.Match[str], year: int) -> Hit:
    """A year called the opening or closing year of a plan that it opens or closes none of
    (2026年是“十四五”收官之年: last year's sentence kept): what the year is, no fix to apply."""
    plan = _plan_of_year(year)
    named = ordinal_value(match["name"][:-1]) or 0
    told = f"“{match['name']}”是{plan_years_text(named)}" if named > 10 else ""
    if plan is not None:
        told += f"，{year}年是“{plan_name(plan[0])}”（{plan_years_text(plan[0])}）的第{int_to_cn(plan[1])}年"
    return Hit(
        offset + match.start(),
        offset + match.end(),
        None,
        f"{year}年不是哪个五年规划的{_role_named(match['role'])}：{told.lstrip('，')}。",
        "核对年份、规划和说法后改正（多是沿用了往年的句子）。",
        DATES_SOURCE,
    )


# A plan named with what the sentence does with it: carries one out, or draws up the next.
_PLAN_WITH_VERB = re.compile(
    r"(?P<verb>实施|执行|落实|推进|完成|谋划|编制|制定)(?:好|了)?“?(?P<name>十(?P<n>[一二三四五六七八九])五)”?"
)


_DRAWING_UP = frozenset({"谋划", "编制", "制定"})


# A year called the Kth year of the Nth five-year plan (1956年是……第一个五年计划的第四年). The first
# two plans ran 1953–1957 and 1958–1962; from the third (1966) on, each opened five years after the last.
_PLAN_YEAR = re.compile(r"第(?P<n>[一二三四五六七八九十]{1,2})个五年计划的第(?P<k>[一二三四五])年")


_EARLY_PLAN_OPENINGS = {1: 1953, 2: 1958}


def _plan_of_year(year: int) -> tuple[int, int] | None:
    """The plan that ``year`` is part of and the year of it (1956 → the first, its fourth year)."""
    for number, opening in _EARLY_PLAN_OPENINGS.items():
        if opening <= year < opening + 5:
            return number, year - opening + 1
    if year < plan_opening(3):
        return None  # 1963–1965, the years of readjustment between the second plan and the third
    number, rest = divmod(year - _FIRST_PLAN_YEAR, 5)
    return number + 1, rest + 1


def plan_years(sentence: str, offset: int, this_year: int | None = None) -> Iterator[Hit]:
    for match in _PLAN_YEAR.finditer(sentence):
        year = stated_year(sentence, match.start(), this_year)
        named, nth = ordinal_value(match["n"]), ordinal_value(match["k"])
        right = _plan_of_year(year) if year else None
        if right is None or named is None or right == (named, nth) or right[1] != nth:
            continue
        fixed = f"第{int_to_cn(right[0])}个五年计划"
        yield Hit(
            offset + match.start(),
            offset + match.start() + len(fixed),
            fixed,
            f"{year}年是{fixed}的第{match['k']}年，不是第{match['n']}个五年计划的。",
            f"改为“{fixed}”；如年份写错了，请改年份。",
            DATES_SOURCE,
        )


# A numbered plan and the year it is completed in, either way round: 第五个五年计划一九七五年也将胜利
# 完成, 一九七五年完成第四个五年计划. A plan is completed within its five years, early or on time.
_PLAN_COMPLETED = re.compile(
    rf"第(?P<n>[一二三四五六七八九十]{{1,2}})个五年(?P<kind>计划|规划)(?:[^，。；]{{0,2}}?)(?P<year>{YEAR_WRITTEN})年[^，。；]{{0,6}}?完成"
    rf"|(?P<year2>{YEAR_WRITTEN})年[^，。；]{{0,6}}?完成了?第(?P<n2>[一二三四五六七八九十]{{1,2}})个五年(?P<kind2>计划|规划)"
)


# A numbered plan and the years it ran (第一个五年计划的期间是从一九五三年到一九五七年).
_PLAN_PERIOD = re.compile(
    rf"第(?P<n>[一二三四五六七八九十]{{1,2}})个五年(?P<kind>计划|规划)[^，。；]{{0,6}}?从(?P<first>{YEAR_WRITTEN})年到(?P<last>{YEAR_WRITTEN})年"
)


def plan_period(sentence: str, offset: int) -> Iterator[Hit]:
    for match in _PLAN_PERIOD.finditer(sentence):
        named = ordinal_value(match["n"])
        first, last = year_value(match["first"]), year_value(match["last"])
        if named is None or (first, last) == _plan_window(named):
            continue
        right = _plan_of_year(first)
        fixed = f"第{int_to_cn(right[0])}个五年" if right is not None and right[1] == 1 and _plan_window(right[0]) == (first, last) else None
        start = offset + match.start()
        opening, closing = _plan_window(named)
        yield Hit(
            start,
            start + len(f"第{match['n']}个五年"),
            fixed,
            f"第{match['n']}个五年{match['kind']}是{opening}—{closing}年，不是{first}—{last}年"
            + (f"；{first}—{last}年是第{int_to_cn(right[0])}个五年{match['kind']}。" if fixed and right else "。"),
            f"改为“{fixed}”；如年份写错了，请改年份。" if fixed else "请核对五年计划的序号或年份。",
            DATES_SOURCE,
        )


def _plan_window(number: int) -> tuple[int, int]:
    opening = _EARLY_PLAN_OPENINGS.get(number, plan_opening(number))
    return opening, opening + 4


def plan_completed(sentence: str, offset: int) -> Iterator[Hit]:
    for match in _PLAN_COMPLETED.finditer(sentence):
        group, kind = ("n", match["kind"]) if match["n"] else ("n2", match["kind2"])
        named = ordinal_value(match[group])
        year = year_value(match["year"] or match["year2"])
        if named is None:
            continue
        opening, closing = _plan_window(named)
        if opening <= year <= closing:
            continue
        right = _plan_of_year(year)
        # The plan that closes that year is meant; a year inside another plan says no more than that.
        fixed = f"第{int_to_cn(right[0])}个五年" if right is not None and right[1] == 5 else None
        start = offset + match.start(group) - 1
        yield Hit(
            start,
            start + len(f"第{match[group]}个五年"),
            fixed,
            f"第{match[group]}个五年{kind}是{opening}—{closing}年，不会在{year}年完成"
            + (f"；{year}年完成的是第{int_to_cn(right[0])}个五年{kind}。" if fixed else "。"),
            f"改为“{fixed}”；如年份写错了，请改年份。" if fixed else "请核对五年计划的序号或年份。",
            DATES_SOURCE,
        )


def plan_and_the_next(sentence: str, offset: int) -> Iterator[Hit]:
    """One sentence carrying out one plan and drawing up another (实施“十一五”规划、谋划“十二五”规划):
    the plan drawn up is the one after the plan carried out."""
    carried, drawn = set(), []
    for match in _PLAN_WITH_VERB.finditer(sentence):
        number = 10 + cn_to_int(match["n"])
        if match["verb"] in _DRAWING_UP:
            drawn.append((match, number))
        else:
            carried.add(number)
    if len(carried) != 1:
        return
    (current,) = carried
    for match, number in drawn:
        if number in (current, current + 1):
            continue
        fixed = plan_name(current + 1)
        said = f"实施“{plan_name(current)}”时谋划、编制的是下一个五年规划“{fixed}”，不是“{match['name']}”。"
        yield _plan_renamed(offset, match, current + 1, said, f"改为“{fixed}”；如前面的规划写错了，请改前面的。")


# A plan's good start achieved in a year (2021年，实现“十三五”良好开局): the plan that year opens.
_PLAN_OPENED = re.compile(r"(?:实现|迎来|取得)了?“?(?P<name>十(?P<n>[一二三四五六七八九])五)”?(?:规划)?(?:良好|顺利|精彩|强劲)?开局")


def plan_opened(sentence: str, offset: int, this_year: int | None = None) -> Iterator[Hit]:
    for match in _PLAN_OPENED.finditer(sentence):
        opening = opening_year(sentence, this_year)
        year = stated_year(sentence, match.start(), this_year) or (opening[0] if opening else None)
        named = ordinal_value(match["name"][:-1])
        right = plan_for(year, "开局之年") if year is not None else None
        if named is None or right is None or right == named or right <= 10:
            continue  # a year no plan opens in: the sentence may look back (去年实现了……良好开局)
        fixed = plan_name(right)
        said = f"{year}年开局的是“{fixed}”（{plan_years_text(right)}），不是“{match['name']}”。"
        yield _plan_renamed(offset, match, right, said, f"改为“{fixed}”；如年份写错了，请改年份。")


# A plan's name in quotes (“十四五”, "十二五", “九五”, “十五”): the number before 五 is the plan's.
QUOTED_PLAN = r"[“\"](?P<name>(?:十[一二三四五六七八九]?|[六七八九])五)[”\"]"


def plan_number(name: str) -> int | None:
    """十四五 → 14, 十五 → 10, 九五 → 9."""
    return ordinal_value(name[:-1])


def plan_years_text(number: int) -> str:
    opening = plan_opening(number)
    return f"{opening}—{opening + 4}年"


def _plan_renamed(offset: int, match: re.Match[str], number: int, message: str, suggestion: str) -> Hit:
    """The plan ``match`` names (its group "name") renamed the plan of ``number``."""
    return Hit(offset + match.start("name"), offset + match.end("name"), plan_name(number), message, suggestion, DATES_SOURCE)


def plan_name(number: int) -> str:
    return f"{int_to_cn(number)}五" if number != 10 else "十五"


# A year called a stage inside a plan, not its ends (2025年是“十四五”决胜之年, 2023年是实施“十四五”
# 规划承上启下的关键一年): the plan must be the one the year falls in. Not a plan being prepared
# or drawn up (谋划“十五五”的关键之年, 为“十一五”打好基础的关键一年, “十五五”谋划承上启下之年).
PLAN_STAGE = re.compile(
    r"(?<!谋划|编制|制定|衔接|迎接)(?<![为向])"
    + QUOTED_PLAN
    + r"(?:规划|计划)?(?:目标任务)?(?:承上启下|承前启后)?的?"
    r"(?P<role>决胜之年|决胜年|决战之年|关键之年|关键一年|攻坚之年|攻坚年|冲刺之年|重要一年|中期之年|承上启下之年|承前启后之年|第[二三四]年)"
)


def plan_stages(sentence: str, offset: int, this_year: int | None = None) -> Iterator[Hit]:
    for match in PLAN_STAGE.finditer(sentence):
        year = stated_year(sentence, match.start(), this_year)
        named = plan_number(match["name"])
        found = _plan_of_year(year) if year else None
        if found is None or named is None or found[0] == named or found[0] < 3:
            continue
        right = found[0]
        fixed = plan_name(right)
        yield Hit(
            offset + match.start("name"),
            offset + match.end("name"),
            fixed,
            f"{year}年在“{fixed}”（{plan_years_text(right)}）之内，是“{fixed}”的{match['role']}，不是“{match['name']}”的。",
            f"改为“{fixed}”；如年份写错了，请改年份。",
            DATES_SOURCE,
        )
