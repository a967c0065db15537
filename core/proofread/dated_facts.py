"""规范表述 that are facts with dates: when a plan ran, when a meeting was held, what it put forward.

A clerk drafts this year's report from last year's, so the year gets changed and a plan's or a
meeting's name beside it does not (2025年是“十三五”收官之年; 2023年是贯彻党的十九大精神的开局
之年), or the other way round. Checked only where the sentence itself says which year it speaks of:

* the facts of the five-year plans, :mod:`core.proofread.five_year_plans`' rules, run here in turn
  with the others (2025年是“十三五”收官之年, 2021年，实现“十三五”良好开局, 第五个五年计划一九七五年
  也将胜利完成);
* a year called the opening year of carrying out a party congress's spirit, or the year the
  congress meets, must name that congress; the year after it is the spirit's opening year, never a
  closing one (2023年是全面贯彻党的二十大精神收官之年);
* a formulation of a span of years is not written in a year before or after it (2013年，在以习近平
  同志为核心的党中央坚强领导下: 为总书记 then; 2008年，全面建成小康社会: 全面建设 then);
* a sentence that opens with its year (2019年，…) cannot carry out a plenum held after it, nor
  a congress that a later one has replaced;
* a year called an anniversary, or celebrating one, counts the years since the event (2019年是
  新中国成立70周年: :mod:`core.proofread.anniversaries`).

Given the report's year, 今年, 去年 and 明年 say the year as well: a sentence kept whole from last
year's report (今年是“十四五”规划收官之年 in a report of 2026) is the commonest stale fact of all.

Without a year, a sentence still ties meetings and plans to each other, and these must agree:

* a plan period and the congress it reached (“十五”时期特别是党的十六大以来), or the first year
  of a congress's spirit called a year of a plan: the congress met within the plan's five years;
* the 十二大 of 1982 carried out as if it were the 二十大 (学习贯彻党的十二大精神).

Which year a sentence speaks of is :mod:`core.proofread.stated_years`'s; what each meeting adopted
or put forward is in adopted_by_meetings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.draft.ordinals import int_to_cn
from core.proofread.anniversaries import anniversary_slips
from core.proofread.five_year_plans import (
    DATES_SOURCE,
    PLAN,
    PLAN_STAGE,
    QUOTED_PLAN,
    legal_education_plans,
    plan_and_the_next,
    plan_completed,
    plan_for,
    plan_name,
    plan_number,
    plan_opened,
    plan_opening,
    plan_period,
    plan_roles,
    plan_stages,
    plan_years,
    plan_years_text,
)
from core.proofread.hits import Hit
from core.proofread.meetings import CN_NUMBER, PLENUM_LIST, PLENUM_ORDER, SENTENCE, ordinal_value
from core.proofread.stated_years import OTHER_TIME, opening_year, stated_year

# Since the 12th (1982), party congresses meet every five years, each in the second year of a plan:
# the 十二大 in the 六五 (1981–1985) … the 二十大 in the 十四五 (2021–2025).
_FIRST_REGULAR_CONGRESS, _FIRST_REGULAR_CONGRESS_YEAR = 12, 1982
CONGRESS_NUMBER = "十[二三四五六七八九]|二十"


def _congress_year(number: int) -> int:
    return _FIRST_REGULAR_CONGRESS_YEAR + 5 * (number - _FIRST_REGULAR_CONGRESS)


# The congresses a report of this century carries out or names with a year: 十六大 2002 … 二十大 2022.
_CONGRESS_YEARS = {number: _congress_year(number) for number in range(16, 21)}
# The year of each plenum of a Central Committee, first to last (十九届四中全会 2019).
_PLENUM_YEARS = {
    18: (2012, 2013, 2013, 2014, 2015, 2016, 2017),
    19: (2017, 2018, 2018, 2019, 2020, 2021, 2022),
    20: (2022, 2023, 2024, 2025),
}


_CONGRESS_ROLE = re.compile(
    rf"党的(?P<n>{CN_NUMBER})大(?:精神)?的?(?P<role>开局之年|第一年)"
    rf"|党的(?P<n2>{CN_NUMBER})大(?:胜利)?召开之年"
)
_CARRIED_OUT_CONGRESS = re.compile(rf"(?:学习|贯彻|落实)[^，。；]{{0,6}}?党的(?P<n>{CN_NUMBER})大(?=精神|和|、|及)")


# Full-width digits (１９５６年) read as the year they write; one character for one, so offsets hold.
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def dated_fact_slips(text: str, this_year: int | None = None) -> Iterator[Hit]:
    """The rules over every sentence of ``text``; given the report's year, 今年, 去年 and 明年
    are read as the years they are."""
    for sentence_match in SENTENCE.finditer(text):
        sentence, offset = sentence_match.group().translate(_FULL_WIDTH_DIGITS), sentence_match.start()
        yield from plan_roles(sentence, offset, this_year)
        yield from legal_education_plans(sentence, offset, this_year)
        yield from plan_stages(sentence, offset, this_year)
        yield from plan_and_the_next(sentence, offset)
        yield from plan_years(sentence, offset, this_year)
        yield from plan_completed(sentence, offset)
        yield from plan_period(sentence, offset)
        yield from _congresses(sentence, offset, this_year)
        yield from _congress_closing(sentence, offset, this_year)
        yield from plan_opened(sentence, offset, this_year)
        yield from _forms_of_another_era(sentence, offset, this_year)
        yield from _meetings_after(sentence, offset, this_year)
        yield from _period_and_congress(sentence, offset)
        yield from _congress_and_plan_years(sentence, offset, this_year)
        yield from anniversary_slips(sentence, offset, this_year)
    yield from _swapped_congress(text)


def _congresses(sentence: str, offset: int, this_year: int | None = None) -> Iterator[Hit]:
    for match in _CONGRESS_ROLE.finditer(sentence):
        year = stated_year(sentence, match.start(), this_year)
        if year is None:
            continue
        name = match["n"] or match["n2"]
        named = ordinal_value(name)
        held = year - 1 if match["n"] else year
        if named is None or _CONGRESS_YEARS.get(named, held) == held:
            continue
        right = next((n for n, when in _CONGRESS_YEARS.items() if when == held), None)
        fixed = int_to_cn(right) if right else None
        if match["n"]:
            said = f"{year}年是贯彻党的{fixed}大精神的开局之年" if fixed else f"{held}年没有召开党的全国代表大会"
        else:
            said = f"{year}年召开的是党的{fixed}大" if fixed else f"{year}年没有召开党的全国代表大会"
        start = match.start("n") if match["n"] else match.start("n2")
        yield Hit(
            offset + start,
            offset + start + len(name),
            fixed,
            f"{said}，党的{name}大是{_CONGRESS_YEARS[named]}年召开的。",
            f"改为“{fixed}”；如年份写错了，请改年份。" if fixed else "请核对年份和党的全国代表大会的届次。",
            DATES_SOURCE,
        )


# A congress's spirit is carried out from the year after it met, its opening year; it has no closing
# year (2023年是全面贯彻党的二十大精神收官之年: 开局之年).
_CONGRESS_CLOSING = re.compile(rf"党的(?P<n>{CN_NUMBER})大(?:精神)?的?(?P<role>收官之年)")


def _congress_closing(sentence: str, offset: int, this_year: int | None = None) -> Iterator[Hit]:
    for match in _CONGRESS_CLOSING.finditer(sentence):
        year, named = stated_year(sentence, match.start(), this_year), ordinal_value(match["n"])
        if year is None or named is None or _CONGRESS_YEARS.get(named) != year - 1:
            continue
        yield Hit(
            offset + match.start("role"),
            offset + match.end("role"),
            "开局之年",
            f"党的{match['n']}大{_CONGRESS_YEARS[named]}年召开，{year}年是全面贯彻党的{match['n']}大精神的开局之年，不是收官之年。",
            "改为“开局之年”。",
            DATES_SOURCE,
        )


# Formulations of a span of years, and the form of the years before or after it. 核心 from the 18th
# Central Committee's sixth plenum (October 2016); 为总书记 from the 18th congress (November 2012);
# 全面建成小康社会 from the 18th congress, 全面建设 before it (the 16th and 17th).
_ERA_FORMS = (
    # (form, first year it may be written, last year, the form before, the form after, when it was set)
    ("以习近平同志为核心的党中央", 2016, None, "以习近平同志为总书记的党中央", None, "2016年10月党的十八届六中全会以后"),
    ("以习近平同志为总书记的党中央", 2013, 2016, None, "以习近平同志为核心的党中央", "2012年11月党的十八大至2016年10月党的十八届六中全会"),
    ("全面建成小康社会", 2012, None, "全面建设小康社会", None, "2012年11月党的十八大以后"),
)
# The first year of reports that write each earlier form: before it there is no form to put back.
_EARLIEST_BEFORE_FORM = {"以习近平同志为总书记的党中央": 2013, "全面建设小康社会": 2003}


def _forms_of_another_era(sentence: str, offset: int, this_year: int | None = None) -> Iterator[Hit]:
    """A formulation in a sentence of a year it was not yet, or no longer, written (2013年，在以习近平
    同志为核心的党中央坚强领导下: 以习近平同志为总书记的党中央): the year the sentence opens with or
    states, else the report's. Not in a year it may have been written either way (2016, 2012)."""
    for form, first, last, before, after, written_when in _ERA_FORMS:
        at = sentence.find(form)
        if at < 0:
            continue
        opening = opening_year(sentence, this_year)
        year = stated_year(sentence, at, this_year) or (opening[0] if opening else this_year)
        if year is None:
            continue
        if year < first and before is not None and year >= _EARLIEST_BEFORE_FORM[before]:
            fixed = before
        elif last is not None and year > last and after is not None:
            fixed = after
        else:
            continue
        yield Hit(
            offset + at,
            offset + at + len(form),
            fixed,
            f"{year}年的提法是“{fixed}”；“{form}”是{written_when}的提法。",
            f"改为“{fixed}”；如年份写错了，请改年份。",
            DATES_SOURCE,
        )


def _meetings_after(sentence: str, offset: int, this_year: int | None = None) -> Iterator[Hit]:
    opening = opening_year(sentence, this_year)
    if opening is None:
        return
    year, body = opening
    if OTHER_TIME.search(sentence, body):
        return  # another time named: the meetings may belong to it
    for match in PLENUM_LIST.finditer(sentence, body):
        years = _PLENUM_YEARS.get(ordinal_value(match["a"]) or 0)
        if years is None:
            continue
        at = match.start("list")
        for plenum in match["list"].split("、"):
            index = PLENUM_ORDER.index(plenum[0])
            if index < len(years) and years[index] > year:
                yield Hit(
                    offset + at,
                    offset + at + len(plenum),
                    None,
                    f"{match['a']}届{plenum}全会{years[index]}年才召开，写{year}年的工作不会贯彻它：请核对全会的届次或年份。",
                    "核对后改正全会的届次或开头的年份。",
                    DATES_SOURCE,
                )
            at += len(plenum) + 1
    for match in _CARRIED_OUT_CONGRESS.finditer(sentence, body):
        named = ordinal_value(match["n"])
        if named is None or named not in _CONGRESS_YEARS:
            continue
        current = max((n for n, when in _CONGRESS_YEARS.items() if when < year), default=None)
        if current is None or current <= named:
            continue
        fixed = int_to_cn(current)
        yield Hit(
            offset + match.start("n"),
            offset + match.end("n"),
            fixed,
            f"党的{fixed}大已于{_CONGRESS_YEARS[current]}年召开，{year}年贯彻的是党的{fixed}大精神，不是党的{match['n']}大。",
            f"改为“{fixed}”；如年份写错了，请改年份。",
            DATES_SOURCE,
        )


# 二十 typed with its digits swapped: 党的十二大 (1982) is no congress whose spirit a report of
# today carries out (学习贯彻党的十二大精神, 统一到党的十二大精神上来).
_SWAPPED_CONGRESS = re.compile(r"(?:学习|贯彻|落实|领会|统一到)[^，。；]{0,6}?党的(?P<n>十二)大(?=精神)")


def _swapped_congress(text: str) -> Iterator[Hit]:
    for match in _SWAPPED_CONGRESS.finditer(text):
        yield Hit(
            match.start("n"),
            match.end("n"),
            "二十",
            "党的十二大是1982年召开的，现在学习贯彻的是党的二十大精神：“二十”可能写成了“十二”。",
            "改为“二十”。",
            DATES_SOURCE,
        )


def _congress_and_plan_years(sentence: str, offset: int, this_year: int | None = None) -> Iterator[Hit]:
    """A sentence that calls its year both the first of carrying out a congress's spirit and a year
    of a plan (今年是全面贯彻党的十六大精神的第一年，是实施“十五”计划的关键一年), with no year
    written: the two must name one year. The congress is the one mended where a stage of the plan
    is named (a congress meets in a plan's second year), the plan where its first or last year is."""
    congress = next((m for m in _CONGRESS_ROLE.finditer(sentence) if m["n"]), None)
    if congress is None or stated_year(sentence, congress.start(), this_year) is not None:
        return
    number = ordinal_value(congress["n"])
    if number is None or number < _FIRST_REGULAR_CONGRESS:
        return
    year = _congress_year(number) + 1
    for match in PLAN_STAGE.finditer(sentence, congress.end()):
        named = plan_number(match["name"])
        if named is None or named < 6 or plan_opening(named) <= year <= plan_opening(named) + 4:
            continue
        fixed = int_to_cn(named + 6)
        yield Hit(
            offset + congress.start("n"),
            offset + congress.end("n"),
            fixed,
            f"贯彻党的{congress['n']}大精神的第一年是{year}年，不在“{match['name']}”（{plan_years_text(named)}）之内；"
            f"“{match['name']}”时期召开的是党的{fixed}大。",
            f"改为“{fixed}”；如规划写错了，请改规划。",
            DATES_SOURCE,
        )
        return
    for match in PLAN.finditer(sentence, congress.end()):
        right = plan_for(year, match["role"])
        named = ordinal_value(match["name"][:-1])
        if right is None or named is None or right == named or right <= 10:
            continue
        fixed = plan_name(right)
        yield Hit(
            offset + match.start("name"),
            offset + match.end("name"),
            fixed,
            f"贯彻党的{congress['n']}大精神的第一年是{year}年，是“{fixed}”的{match['role']}，不是“{match['name']}”的。",
            f"改为“{fixed}”；如党的代表大会写错了，请改届次。",
            DATES_SOURCE,
        )


# A plan's years and a congress since which (“十五”时期特别是党的十六大以来): the congress met in them.
_PERIOD_SINCE_CONGRESS = re.compile(
    QUOTED_PLAN + rf"(?:时期|期间|以来)[^。；“”]{{0,8}}?特别是(?:党的)?(?P<n>{CONGRESS_NUMBER})大以来"
)


def _period_and_congress(sentence: str, offset: int) -> Iterator[Hit]:
    for match in _PERIOD_SINCE_CONGRESS.finditer(sentence):
        plan, congress = plan_number(match["name"]), ordinal_value(match["n"])
        if plan is None or congress is None or plan < 6:
            continue
        held, opening = _congress_year(congress), plan_opening(plan)
        if opening <= held <= opening + 4:
            continue
        fixed = int_to_cn(plan + 6)  # the congress held in the plan's second year
        yield Hit(
            offset + match.start("n"),
            offset + match.end("n"),
            fixed,
            f"党的{match['n']}大是{held}年召开的，不在“{match['name']}”时期（{plan_years_text(plan)}）之内；"
            f"“{match['name']}”时期召开的是党的{fixed}大。",
            f"改为“{fixed}”；如规划写错了，请改规划。",
            DATES_SOURCE,
        )
