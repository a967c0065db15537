"""规范表述 that are facts with dates: when a plan ran, when a meeting was held, what it put forward.

A clerk drafts this year's report from last year's, so the year gets changed and a plan's or a
meeting's name beside it does not (2025年是“十三五”收官之年; 2023年是贯彻党的十九大精神的开局
之年), or the other way round. Checked only where the sentence itself says which year it speaks of:

* a year called the opening, closing or planning year of a five-year plan (2021年是“十四五”开局
  之年) must name the plan that opens, closes or is drawn up then, and a year called a stage
  inside one (2025年是“十四五”决胜之年) the plan it falls in;
* a year called the opening year of carrying out a party congress's spirit, or the year the
  congress meets, must name that congress; the year after it is the spirit's opening year, never a
  closing one (2023年是全面贯彻党的二十大精神收官之年);
* a plan's good start achieved in a year that opens a plan must name that plan (2021年，实现
  “十三五”良好开局);
* a formulation of a span of years is not written in a year before or after it (2013年，在以习近平
  同志为核心的党中央坚强领导下: 为总书记 then; 2008年，全面建成小康社会: 全面建设 then);
* a sentence that opens with its year (2019年，…) cannot carry out a plenum held after it, nor
  a congress that a later one has replaced;
* a year called an anniversary, or celebrating one, counts the years since the event (2019年是
  新中国成立70周年: :mod:`core.proofread.anniversaries`);
* a numbered five-year plan completed in a year outside its five (第五个五年计划一九七五年也将胜利
  完成: the fourth ran 1971–1975), or said to run years it did not (第二个五年计划的期间是从一九五三年
  到一九五七年).

Given the report's year, 今年, 去年 and 明年 say the year as well: a sentence kept whole from last
year's report (今年是“十四五”规划收官之年 in a report of 2026) is the commonest stale fact of all. A
year called the opening or closing year of a plan it opens or closes none of is told as such,
with what the year is, and no fix.

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

from core.draft.ordinals import cn_to_int, int_to_cn
from core.proofread.anniversaries import anniversary_slips
from core.proofread.hits import Hit
from core.proofread.meetings import CN_NUMBER, PLENUM_LIST, PLENUM_ORDER, SENTENCE, ordinal_value
from core.proofread.stated_years import OTHER_TIME, YEAR_WRITTEN, opening_year, stated_year, year_value

DATES_SOURCE = "党的全国代表大会、中央全会的召开年份；国民经济和社会发展五年规划的起止年份"

# The first year of each five-year plan is 1956 + 5 × (its number − 1): 十四五 2021–2025.
_FIRST_PLAN_YEAR = 1956
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

_PLAN = re.compile(
    # The plan's name, then up to a few words of it (规划目标任务的), not of a time after it (实施后的).
    r"“?(?P<name>十(?P<n>[一二三四五六七八九])五)”?(?:规划)?(?:(?:(?![后完末])[\u4e00-\u9fff]){0,6}?的)?"
    r"(?P<role>开局起步之年|开局之年|开局年|起步之年|第一年|收官之年|收官年|最后一年|谋划之年|编制之年"
    # … or the verb of it, one of two things the year does (“十四五”规划冲刺收官、“十五五”规划谋篇布局).
    r"|(?:冲刺|全面|圆满)?收官(?=[、，]|和|与)|谋篇布局)"
)


_CONGRESS_ROLE = re.compile(
    rf"党的(?P<n>{CN_NUMBER})大(?:精神)?的?(?P<role>开局之年|第一年)"
    rf"|党的(?P<n2>{CN_NUMBER})大(?:胜利)?召开之年"
)
_CARRIED_OUT_CONGRESS = re.compile(rf"(?:学习|贯彻|落实)[^，。；]{{0,6}}?党的(?P<n>{CN_NUMBER})大(?=精神|和|、|及)")


def _plan_opening(number: int) -> int:
    return _FIRST_PLAN_YEAR + 5 * (number - 1)


def _role_named(role: str) -> str:
    """The role as the year is called in the message: 冲刺收官 → 收官之年, 谋篇布局 → 谋划之年."""
    return "收官之年" if role.endswith("收官") else "谋划之年" if role == "谋篇布局" else role


def _plan_for(year: int, role: str) -> int | None:
    """The number of the plan that ``role`` (开局之年, 收官之年 …) makes ``year`` part of."""
    if role in ("开局起步之年", "开局之年", "开局年", "起步之年", "第一年"):
        opening = year
    elif role in ("收官之年", "收官年", "最后一年") or role.endswith("收官"):
        opening = year - 4
    else:  # 谋划之年, 编制之年, 谋篇布局: the year before the plan opens
        opening = year + 1
    number, rest = divmod(opening - _FIRST_PLAN_YEAR, 5)
    return number + 1 if rest == 0 and number >= 0 else None


# Full-width digits (１９５６年) read as the year they write; one character for one, so offsets hold.
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def dated_fact_slips(text: str, this_year: int | None = None) -> Iterator[Hit]:
    """The rules over every sentence of ``text``; given the report's year, 今年, 去年 and 明年
    are read as the years they are."""
    for sentence_match in SENTENCE.finditer(text):
        sentence, offset = sentence_match.group().translate(_FULL_WIDTH_DIGITS), sentence_match.start()
        yield from _plans(sentence, offset, this_year)
        yield from _legal_education_plans(sentence, offset, this_year)
        yield from _plan_stages(sentence, offset, this_year)
        yield from _plan_and_the_next(sentence, offset)
        yield from _plan_years(sentence, offset, this_year)
        yield from _plan_completed(sentence, offset)
        yield from _plan_period(sentence, offset)
        yield from _congresses(sentence, offset, this_year)
        yield from _congress_closing(sentence, offset, this_year)
        yield from _plan_opened(sentence, offset, this_year)
        yield from _forms_of_another_era(sentence, offset, this_year)
        yield from _meetings_after(sentence, offset, this_year)
        yield from _period_and_congress(sentence, offset)
        yield from _congress_and_plan_years(sentence, offset, this_year)
        yield from anniversary_slips(sentence, offset, this_year)
    yield from _swapped_congress(text)


def _plans(sentence: str, offset: int, this_year: int | None = None) -> Iterator[Hit]:
    for match in _PLAN.finditer(sentence):
        year = stated_year(sentence, match.start(), this_year)
        named = ordinal_value(match["name"][:-1])
        if year is None or named is None or named <= 10:
            continue
        right = _plan_for(year, match["role"])
        if right is None:
            yield _no_plan_in_that_role(sentence, offset, match, year)
            continue
        if right == named or right <= 10:
            continue
        fixed = plan_name(right)
        said = f"{year}年是“{fixed}”（{_plan_years_text(right)}）的{_role_named(match['role'])}，不是“{match['name']}”的。"
        yield _plan_renamed(offset, match, right, said, f"改为“{fixed}”；如年份写错了，请改年份。")


# The five-year plans of legal education (“七五”普法, 2016–2020) open with the national plans
# six numbers on: the first ran 1986–1990, beside the seventh national plan.
_LEGAL_EDUCATION_PLAN = re.compile(
    r"“?(?P<name>[一二三四五六七八九]五)”?(?:普法|法治宣传教育)(?:规划)?(?:(?:(?![后完末])[\u4e00-\u9fff]){0,4}?的)?"
    r"(?P<role>开局起步之年|开局之年|开局年|起步之年|第一年|收官之年|收官年|最后一年)"
)
_LEGAL_EDUCATION_OFFSET = 6


def _legal_education_plans(sentence: str, offset: int, this_year: int | None = None) -> Iterator[Hit]:
    """2021年……也是“七五”普法起步之年 → “八五”: the legal-education plan a year opens or closes."""
    for match in _LEGAL_EDUCATION_PLAN.finditer(sentence):
        year = stated_year(sentence, match.start(), this_year)
        named = ordinal_value(match["name"][:-1])
        national = _plan_for(year, match["role"]) if year is not None else None
        if named is None or national is None or national - _LEGAL_EDUCATION_OFFSET < 1:
            continue
        right = national - _LEGAL_EDUCATION_OFFSET
        if right == named:
            continue
        fixed = f"{int_to_cn(right)}五"
        first = _plan_opening(national)
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
    told = f"“{match['name']}”是{_plan_years_text(named)}" if named > 10 else ""
    if plan is not None:
        told += f"，{year}年是“{plan_name(plan[0])}”（{_plan_years_text(plan[0])}）的第{int_to_cn(plan[1])}年"
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
    if year < _plan_opening(3):
        return None  # 1963–1965, the years of readjustment between the second plan and the third
    number, rest = divmod(year - _FIRST_PLAN_YEAR, 5)
    return number + 1, rest + 1


def _plan_years(sentence: str, offset: int, this_year: int | None = None) -> Iterator[Hit]:
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


def _plan_period(sentence: str, offset: int) -> Iterator[Hit]:
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
    opening = _EARLY_PLAN_OPENINGS.get(number, _plan_opening(number))
    return opening, opening + 4


def _plan_completed(sentence: str, offset: int) -> Iterator[Hit]:
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


def _plan_and_the_next(sentence: str, offset: int) -> Iterator[Hit]:
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


# A plan's good start achieved in a year (2021年，实现“十三五”良好开局): the plan that year opens.
_PLAN_OPENED = re.compile(r"(?:实现|迎来|取得)了?“?(?P<name>十(?P<n>[一二三四五六七八九])五)”?(?:规划)?(?:良好|顺利|精彩|强劲)?开局")


def _plan_opened(sentence: str, offset: int, this_year: int | None = None) -> Iterator[Hit]:
    for match in _PLAN_OPENED.finditer(sentence):
        opening = opening_year(sentence, this_year)
        year = stated_year(sentence, match.start(), this_year) or (opening[0] if opening else None)
        named = ordinal_value(match["name"][:-1])
        right = _plan_for(year, "开局之年") if year is not None else None
        if named is None or right is None or right == named or right <= 10:
            continue  # a year no plan opens in: the sentence may look back (去年实现了……良好开局)
        fixed = plan_name(right)
        said = f"{year}年开局的是“{fixed}”（{_plan_years_text(right)}），不是“{match['name']}”。"
        yield _plan_renamed(offset, match, right, said, f"改为“{fixed}”；如年份写错了，请改年份。")


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
    for match in _PLAN_STAGE.finditer(sentence, congress.end()):
        named = plan_number(match["name"])
        if named is None or named < 6 or _plan_opening(named) <= year <= _plan_opening(named) + 4:
            continue
        fixed = int_to_cn(named + 6)
        yield Hit(
            offset + congress.start("n"),
            offset + congress.end("n"),
            fixed,
            f"贯彻党的{congress['n']}大精神的第一年是{year}年，不在“{match['name']}”（{_plan_years_text(named)}）之内；"
            f"“{match['name']}”时期召开的是党的{fixed}大。",
            f"改为“{fixed}”；如规划写错了，请改规划。",
            DATES_SOURCE,
        )
        return
    for match in _PLAN.finditer(sentence, congress.end()):
        right = _plan_for(year, match["role"])
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


# A plan's name in quotes (“十四五”, "十二五", “九五”, “十五”): the number before 五 is the plan's.
QUOTED_PLAN = r"[“\"](?P<name>(?:十[一二三四五六七八九]?|[六七八九])五)[”\"]"


def plan_number(name: str) -> int | None:
    """十四五 → 14, 十五 → 10, 九五 → 9."""
    return ordinal_value(name[:-1])


def _plan_years_text(number: int) -> str:
    opening = _plan_opening(number)
    return f"{opening}—{opening + 4}年"


def _plan_renamed(offset: int, match: re.Match[str], number: int, message: str, suggestion: str) -> Hit:
    """The plan ``match`` names (its group "name") renamed the plan of ``number``."""
    return Hit(offset + match.start("name"), offset + match.end("name"), plan_name(number), message, suggestion, DATES_SOURCE)


def plan_name(number: int) -> str:
    return f"{int_to_cn(number)}五" if number != 10 else "十五"


# A year called a stage inside a plan, not its ends (2025年是“十四五”决胜之年, 2023年是实施“十四五”
# 规划承上启下的关键一年): the plan must be the one the year falls in. Not a plan being prepared
# or drawn up (谋划“十五五”的关键之年, 为“十一五”打好基础的关键一年, “十五五”谋划承上启下之年).
_PLAN_STAGE = re.compile(
    r"(?<!谋划|编制|制定|衔接|迎接)(?<![为向])"
    + QUOTED_PLAN
    + r"(?:规划|计划)?(?:目标任务)?(?:承上启下|承前启后)?的?"
    r"(?P<role>决胜之年|决胜年|决战之年|关键之年|关键一年|攻坚之年|攻坚年|冲刺之年|重要一年|中期之年|承上启下之年|承前启后之年|第[二三四]年)"
)


def _plan_stages(sentence: str, offset: int, this_year: int | None = None) -> Iterator[Hit]:
    for match in _PLAN_STAGE.finditer(sentence):
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
            f"{year}年在“{fixed}”（{_plan_years_text(right)}）之内，是“{fixed}”的{match['role']}，不是“{match['name']}”的。",
            f"改为“{fixed}”；如年份写错了，请改年份。",
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
        held, opening = _congress_year(congress), _plan_opening(plan)
        if opening <= held <= opening + 4:
            continue
        fixed = int_to_cn(plan + 6)  # the congress held in the plan's second year
        yield Hit(
            offset + match.start("n"),
            offset + match.end("n"),
            fixed,
            f"党的{match['n']}大是{held}年召开的，不在“{match['name']}”时期（{_plan_years_text(plan)}）之内；"
            f"“{match['name']}”时期召开的是党的{fixed}大。",
            f"改为“{fixed}”；如规划写错了，请改规划。",
            DATES_SOURCE,
        )
