"""规范表述 of meetings and plans: how a meeting is named, listed and dated.

* a plenum of the Central Committee called like a local committee's (二十届二次全会), or after
  the congress (二十大二中全会), and a local committee's called like the Central Committee's
  (省委十二届四中全会); a session of a people's congress called a plenum;
* plenums listed out of the order they were held, or with one skipped (二中、三中、五中); a
  congress named with another term's plenums (党的十九大和十八届);
* one sentence naming a session of one term with two numbers (十六届四次党代会 … 十六届五次党代会),
  or a standing committee convening a session of another term;
* a plan or a meeting that the sentence's own year contradicts (below), and the 十二大 of 1982
  carried out as if it were the 二十大 (学习贯彻党的十二大精神).

A clerk drafts this year's report from last year's, so the year gets changed and a plan's or a
meeting's name beside it does not (2025年是“十三五”收官之年; 2023年是贯彻党的十九大精神的开局
之年), or the other way round. These are facts with dates, checked only where the sentence itself
says which year it speaks of:

* a year called the opening, closing or planning year of a five-year plan (2021年是“十四五”开局
  之年) must name the plan that opens, closes or is drawn up then;
* a year called the opening year of carrying out a party congress's spirit, or the year the
  congress meets, must name that congress;
* a sentence that opens with its year (2019年，…) cannot carry out a plenum held after it, nor
  a congress that a later one has replaced.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator

from core.draft.ordinals import cn_to_int, int_to_cn
from core.proofread.hits import Hit

MEETING_SOURCE = "党的中央委员会全体会议称“×中全会”；人民代表大会的会议称“第×次会议”（《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》）"
# A plenum of the Central Committee (党的二十届二中全会) written like a local committee's
# (省委十二届二次全会, which is right for a local one: not after 省委, 市委 …).
_CENTRAL_PLENUM = re.compile(r"(?<![省市县区州盟旗委])(?P<a>十八|十九|二十|二十一)届(?P<b>[一二三四五六七八九十])次全会")
# A local committee's plenum (自治区党委十届六次全会) written like the Central Committee's: only
# the Central Committee's are "中全会" (110 local plenums in 2.3 million characters of local
# reports, every one "次全会").
_LOCAL_PLENUM_AS_CENTRAL = re.compile(
    r"(?P<org>(?:[省市县区州盟旗]|党|工)委)(?P<a>[一二三四五六七八九十]+)届(?P<b>[一二三四五六七八九十]+)中全会"
)
# A plenum named after the congress instead of the committee's term (二十大二中全会).
_PLENUM_OF_CONGRESS = re.compile(r"(?P<a>十八|十九|二十|二十一)大(?P<b>[一二三四五六七八九]中全会)")
# A session of a people's congress called a plenum (人民代表大会第五次全会).
_CONGRESS_PLENUM = re.compile(r"(?P<body>人民代表大会|人代会)(?P<n>第[一二三四五六七八九十]+次)全会")


# A term of the Central Committee with no meeting of it after (党的十七届对全面建设小康社会提出了):
# the congress is meant, 党的十七大. Nothing of the term follows — no plenum (十七届三中全会, 十八届
# 历次全会), no 中央 or 中央委员会, no list of plenums.
_TERM_FOR_CONGRESS = re.compile(
    r"党的(?P<a>十[一二三四五六七八九]?|二十[一二]?)届(?![一二三四五六七八九十]+[中次]|中央|历次|全会|委员|代表|[、和至到])"
)


# Each pattern, what the name should read, and why.
_MEETING_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str], str], ...] = (
    (_CENTRAL_PLENUM, lambda m: f"{m['a']}届{m['b']}中全会", "党的中央委员会全体会议称“中全会”"),
    (_PLENUM_OF_CONGRESS, lambda m: f"{m['a']}届{m['b']}", "中央全会按中央委员会的届次称“×届×中全会”"),
    (
        _LOCAL_PLENUM_AS_CENTRAL,
        lambda m: f"{m['org']}{m['a']}届{m['b']}次全会",
        "地方党委的全体会议称“×届×次全会”，“×中全会”专指党的中央委员会全体会议",
    ),
    (
        _CONGRESS_PLENUM,
        lambda m: f"{m['body']}{m['n']}会议",
        "人民代表大会开的是“会议”，“全会”是党的委员会全体会议",
    ),
    (
        _TERM_FOR_CONGRESS,
        lambda m: f"党的{m['a']}大",
        "后面没有这一届的全会，党的全国代表大会称“党的×大”",
    ),
)


# Plenums of one term, one or a list, in the order they were held (十九届二中、三中、四中全会).
_PLENUM_LIST = re.compile(r"(?P<a>十八|十九|二十|二十一)届(?P<list>[一二三四五六七八九]中(?:、[一二三四五六七八九]中)*)全会")
_PLENUM_ORDER = "一二三四五六七八九"
# The congress and the committee's term named together must be the same (党的十九大和十九届…).
_CONGRESS_AND_TERM = re.compile(r"党的(?P<x>十八|十九|二十|二十一)大(?P<join>和|、|及|以及)(?P<y>十八|十九|二十|二十一)届")


def _gap_in_plenums(match: re.Match[str], plenums: list[str]) -> Iterator[Hit]:
    """Three plenums or more listed in order with one skipped (二中、三中、五中): 19 million characters
    of laws and reports list them without a gap, so one number is mistyped or one plenum left out."""
    numbers = [_PLENUM_ORDER.index(plenum[0]) for plenum in plenums]
    steps = [b - a for a, b in itertools.pairwise(numbers)]
    if len(plenums) < 3 or sorted(steps) != [1] * (len(steps) - 1) + [2]:
        return
    at = steps.index(2) + 1
    start = match.start("list") + sum(len(plenum) + 1 for plenum in plenums[:at])
    missing = f"{_PLENUM_ORDER[numbers[at] - 1]}中"
    yield Hit(
        start,
        start + len(plenums[at]),
        None,
        f"“{match['a']}届{match['list']}全会”中间缺了{missing}全会：是把“{missing}”写成了“{plenums[at]}”，还是漏写了“{missing}”？",
        f"核对后改为“{missing}”，或在“{plenums[at]}”前补上“{missing}、”。",
        MEETING_SOURCE,
    )


def _meetings_in_order(text: str) -> Iterator[Hit]:
    for match in _PLENUM_LIST.finditer(text):
        plenums = match["list"].split("、")
        ordered = sorted(plenums, key=lambda plenum: _PLENUM_ORDER.index(plenum[0]))
        if plenums == ordered:
            yield from _gap_in_plenums(match, plenums)
        if plenums != ordered:
            fixed = f"{match['a']}届{'、'.join(ordered)}全会"
            yield Hit(
                match.start(),
                match.end(),
                fixed,
                f"“{match.group()}”的次序颠倒：几次全会按召开的先后排列。",
                f"改为“{fixed}”。",
                MEETING_SOURCE,
            )
    for match in _CONGRESS_AND_TERM.finditer(text):
        if match["x"] != match["y"]:
            fixed = f"党的{match['x']}大{match['join']}{match['x']}届"
            yield Hit(
                match.start(),
                match.end(),
                fixed,
                f"“{match.group()}”前后不一：党的{match['x']}大选出的中央委员会是第{match['x']}届。",
                f"改为“{fixed}”。",
                MEETING_SOURCE,
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


def meeting_slips(text: str) -> Iterator[Hit]:
    yield from _dated_names(text)  # first: a plenum after the year says more than a gap
    yield from _swapped_congress(text)
    yield from _meetings_in_order(text)
    yield from _sessions_of_one_term(text)
    for pattern, build, reason in _MEETING_RULES:
        for match in pattern.finditer(text):
            fixed = build(match)
            yield Hit(
                match.start(),
                match.end(),
                fixed,
                f"“{match.group()}”应为“{fixed}”：{reason}。",
                f"改为“{fixed}”。",
                MEETING_SOURCE,
            )


DATES_SOURCE = "党的全国代表大会、中央全会的召开年份；国民经济和社会发展五年规划的起止年份"

# The first year of each five-year plan is 1956 + 5 × (its number − 1): 十四五 2021–2025.
_FIRST_PLAN_YEAR = 1956
# Party congresses since the 16th meet every five years: 十六大 2002 … 二十大 2022.
_CONGRESS_YEARS = {16: 2002, 17: 2007, 18: 2012, 19: 2017, 20: 2022}
# The year of each plenum of a Central Committee, first to last (十九届四中全会 2019).
_PLENUM_YEARS = {
    18: (2012, 2013, 2013, 2014, 2015, 2016, 2017),
    19: (2017, 2018, 2018, 2019, 2020, 2021, 2022),
    20: (2022, 2023, 2024, 2025),
}

_SENTENCE = re.compile(r"[^。！？!?\n]+")
_YEAR_IS = re.compile(r"(?P<year>(?:19|20)\d\d)年")
_OTHER_TIME = re.compile(r"(?:19|20)\d\d年|今年|明年|去年|下一步|下步|未来|近年|以来")

_CN_NUMBER = "[一二三四五六七八九十]+"
_PLAN = re.compile(
    # The plan's name, then up to a few words of it (规划目标任务的), not of a time after it (实施后的).
    r"“?(?P<name>十(?P<n>[一二三四五六七八九])五)”?(?:规划)?(?:(?:(?![后完末])[\u4e00-\u9fff]){0,6}?的)?"
    r"(?P<role>开局之年|开局年|起步之年|第一年|收官之年|收官年|最后一年|谋划之年|编制之年)"
)
# A session of one term of a body (十六届四次党代会, 四届人大三次会议, 第十八届人民代表大会第二次会议).
_SESSION = re.compile(
    rf"第?(?P<term>{_CN_NUMBER})届(?P<body>人民代表大会|人大|党代会|党员代表大会|政协)?"
    rf"第?(?P<n>{_CN_NUMBER})次(?P<kind>党代会|党员代表大会|代表大会|会议|全体会议)"
)
# The standing committee of a people's congress, then its decision to convene a session.
_STANDING_DECIDES = re.compile(
    rf"第?(?P<term>{_CN_NUMBER})届人民代表大会常务委员会[^。；]{{0,30}}?决定[^。；]{{0,20}}?第?(?P<term2>{_CN_NUMBER})届人民代表大会第"
)

# A local party congress and a plenum of the committee it elects: the Nth congress elects the Nth
# term's committee (市第十四次党代会、市委十四届二次全会). Not 自治区 against a district's 区委.
_LOCAL_PARTY_CONGRESS = re.compile(rf"(?<!自治)(?P<level>[省市县区州盟旗镇乡])第(?P<n>{_CN_NUMBER})次(?:党代会|党员代表大会)")
_LOCAL_PLENUM = re.compile(
    rf"(?<!自治)(?P<level>[省市县区州盟旗镇乡])委第?(?P<n>{_CN_NUMBER})届{_CN_NUMBER}次(?:全会|全体会议|全体（扩大）会议)"
)


def _congress_and_plenum(sentence: str, offset: int) -> Iterator[Hit]:
    """One sentence naming a local party congress and a plenum of the same level's committee
    with different numbers: the later one was not updated (第十四次党代会、市委十三届二次全会)."""
    congresses = {m["level"]: m for m in _LOCAL_PARTY_CONGRESS.finditer(sentence)}
    for plenum in _LOCAL_PLENUM.finditer(sentence):
        congress = congresses.get(plenum["level"])
        if congress is None or ordinal_value(congress["n"]) == ordinal_value(plenum["n"]):
            continue
        stale, kept = (plenum, congress) if plenum.start() > congress.start() else (congress, plenum)
        yield _number_at_odds(
            offset + stale.start("n"),
            stale["n"],
            kept["n"],
            f"第{congress['n']}次党代会选出的是第{congress['n']}届委员会，同一句里的“{plenum['level']}委{plenum['n']}届”与之不符。",
            f"核对后统一；如应与“{kept.group()}”一致，改为“{kept['n']}”。",
        )


def _number_at_odds(start: int, written: str, fix: str, message: str, suggestion: str) -> Hit:
    """The hit on a meeting's number that another name in the same sentence contradicts."""
    return Hit(start, start + len(written), fix, message, suggestion, MEETING_SOURCE)


# What convenes a session: the later one named after it is a new session (成功召开……二次会议).
_SESSION_CONVENED = re.compile(r"(?:召开|举行|开好|筹备|迎接|开幕)了?$")


def _two_sessions_told(sentence: str, later: re.Match[str]) -> bool:
    """完成区十九届人大一次会议确定的各项目标任务，并成功召开区十九届人大二次会议: the first
    session's work, then the next one convened — two sessions, not one named twice."""
    before_later = sentence[max(0, later.start() - 8) : later.start()].rstrip("区市县镇乡州省第")
    return bool(_SESSION_CONVENED.search(before_later))


def _sessions_of_one_term(text: str) -> Iterator[Hit]:
    """A sentence that names a session of one term twice with two numbers (完成了十六届四次党代会
    ……落实十六届五次党代会确定的任务: a draft edited in one place), or a standing committee that
    convenes a session of another term (第十九届人大常委会决定召开第十八届人民代表大会): the later
    name is the one that was not updated."""
    for sentence in _SENTENCE.finditer(text):
        yield from _congress_and_plenum(sentence.group(), sentence.start())
        seen: dict[tuple[str, str, str], re.Match[str]] = {}
        for match in _SESSION.finditer(sentence.group()):
            key = (match["term"], match["body"] or "", match["kind"])
            earlier = seen.setdefault(key, match)["n"]
            if earlier != match["n"] and not _two_sessions_told(sentence.group(), match):
                yield _number_at_odds(
                    sentence.start() + match.start("n"),
                    match["n"],
                    earlier,
                    f"同一句里“{match['term']}届”的会议先写“{earlier}次”、后写“{match['n']}次”，前后不一致。",
                    f"核对后统一；如应与前面一致，改为“{earlier}次”。",
                )
        for match in _STANDING_DECIDES.finditer(sentence.group()):
            if match["term"] != match["term2"]:
                yield _number_at_odds(
                    sentence.start() + match.start("term2"),
                    match["term2"],
                    match["term"],
                    f"第{match['term']}届人大常委会决定召开的应是第{match['term']}届人民代表大会的会议，不是第{match['term2']}届的。",
                    f"核对后改为“{match['term']}”。",
                )


_CONGRESS_ROLE = re.compile(
    rf"党的(?P<n>{_CN_NUMBER})大(?:精神)?的?(?P<role>开局之年|第一年)"
    rf"|党的(?P<n2>{_CN_NUMBER})大(?:胜利)?召开之年"
)
_CARRIED_OUT_CONGRESS = re.compile(rf"(?:学习|贯彻|落实)[^，。；]{{0,6}}?党的(?P<n>{_CN_NUMBER})大(?=精神|和|、|及)")


def _plan_opening(number: int) -> int:
    return _FIRST_PLAN_YEAR + 5 * (number - 1)


def _plan_for(year: int, role: str) -> int | None:
    """The number of the plan that ``role`` (开局之年, 收官之年 …) makes ``year`` part of."""
    if role in ("开局之年", "开局年", "起步之年", "第一年"):
        opening = year
    elif role in ("收官之年", "收官年", "最后一年"):
        opening = year - 4
    else:  # 谋划之年, 编制之年: the year before the plan opens
        opening = year + 1
    number, rest = divmod(opening - _FIRST_PLAN_YEAR, 5)
    return number + 1 if rest == 0 and number >= 0 else None


def ordinal_value(text: str) -> int | None:
    """一 to 九十九 in Chinese numerals as a number, or None."""
    try:
        return cn_to_int(text)
    except ValueError:
        return None


def _stated_year(sentence: str, before: int) -> int | None:
    """The year the sentence speaks of at ``before``: the last 'YYYY年' ahead of it with 是 in
    between and no other time word, or None."""
    found = None
    for match in _YEAR_IS.finditer(sentence, 0, before):
        found = match
    if found is None:
        return None
    between = sentence[found.end() : before]
    if "是" not in between or _OTHER_TIME.search(between) or sentence[found.end() : found.end() + 2] == "以来":
        return None
    return int(found["year"])


def _opening_year(sentence: str) -> tuple[int, int] | None:
    """The year a sentence opens with (2019年，…) and where it ends, or None."""
    match = re.match(r"\s*(?P<year>(?:19|20)\d\d)年[，,]", sentence)
    return (int(match["year"]), match.end()) if match else None


# Full-width digits (１９５６年) read as the year they write; one character for one, so offsets hold.
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _dated_names(text: str) -> Iterator[Hit]:
    for sentence_match in _SENTENCE.finditer(text):
        sentence, offset = sentence_match.group().translate(_FULL_WIDTH_DIGITS), sentence_match.start()
        yield from _plans(sentence, offset)
        yield from _plan_and_the_next(sentence, offset)
        yield from _plan_years(sentence, offset)
        yield from _congresses(sentence, offset)
        yield from _meetings_after(sentence, offset)


def _plans(sentence: str, offset: int) -> Iterator[Hit]:
    for match in _PLAN.finditer(sentence):
        year = _stated_year(sentence, match.start())
        named = ordinal_value(match["name"][:-1])
        right = _plan_for(year, match["role"]) if year else None
        if year is None or named is None or right is None or right == named or right <= 10:
            continue
        fixed = f"十{int_to_cn(right - 10)}五"
        opening = _plan_opening(right)
        yield Hit(
            offset + match.start("name"),
            offset + match.end("name"),
            fixed,
            f"{year}年是“{fixed}”（{opening}—{opening + 4}年）的{match['role']}，不是“{match['name']}”的。",
            f"改为“{fixed}”；如年份写错了，请改年份。",
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


def _plan_years(sentence: str, offset: int) -> Iterator[Hit]:
    for match in _PLAN_YEAR.finditer(sentence):
        year = _stated_year(sentence, match.start())
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
        fixed = f"十{int_to_cn(current + 1 - 10)}五"
        yield Hit(
            offset + match.start("name"),
            offset + match.end("name"),
            fixed,
            f"实施“十{int_to_cn(current - 10)}五”时谋划、编制的是下一个五年规划“{fixed}”，不是“{match['name']}”。",
            f"改为“{fixed}”；如前面的规划写错了，请改前面的。",
            DATES_SOURCE,
        )


def _congresses(sentence: str, offset: int) -> Iterator[Hit]:
    for match in _CONGRESS_ROLE.finditer(sentence):
        year = _stated_year(sentence, match.start())
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


def _meetings_after(sentence: str, offset: int) -> Iterator[Hit]:
    opening = _opening_year(sentence)
    if opening is None:
        return
    year, body = opening
    if _OTHER_TIME.search(sentence, body):
        return  # another time named: the meetings may belong to it
    for match in _PLENUM_LIST.finditer(sentence, body):
        years = _PLENUM_YEARS.get(ordinal_value(match["a"]) or 0)
        if years is None:
            continue
        at = match.start("list")
        for plenum in match["list"].split("、"):
            index = _PLENUM_ORDER.index(plenum[0])
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
