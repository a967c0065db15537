"""Numbers in fixed names, as GB/T 15835—2011《出版物上数字用法》 writes them.

* Arabic digits in a fixed name (党的20大, 十九届6中全会, 人民代表大会第3次会议, “14五”, “8五”普法, 3会1课):
  4.2.3 writes such names in Chinese numerals — the names of formulations.toml's
  ``numbered_names`` and the names of meetings, plans and volumes matched by pattern;
* ○ (a circle) used as the zero of a year (二○二○年): the numeral is 〇 — :func:`find_zero_circles`;
  an estimate with 几 in figures (20几家) and a range of percentages with its first sign left out
  (10-20%) — :func:`find_number_slips`.
* ordinals of one noun listed the greater first (第三产业和第二产业) — :func:`ordinals_reversed`;
* a row of digits that names a strategy or a plan (532发展战略, 6543计划) left unquoted — a
  name is quoted (“3815战略”), as published reports write all such names — :func:`unquoted_code_names`;
* a national five-year plan's kind: 计划 to the tenth, 规划 from the eleventh — :func:`plan_kinds`.

A name's own number written wrong (三好农村路, 增强“三个意识”) is :mod:`core.proofread.numbered_names`'s.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from functools import cache

from core.draft.ordinals import cn_to_int, int_to_cn
from core.proofread import data
from core.proofread.five_year_plans import DATES_SOURCE
from core.proofread.hits import PUNCTUATION_STANDARD, Hit, quote_depth
from core.proofread.meetings import ordinal_value

NUMBER_SOURCE = "GB/T 15835—2011《出版物上数字用法》4.2.3"
ZERO_SOURCE = "GB/T 15835—2011《出版物上数字用法》（汉字数字“〇”）"
CHINESE_NUMERALS = "〇零一二三四五六七八九十两"
_DIGITS = "0123456789０１２３４５６７８９"
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _arabic(number: str) -> int:
    return int(number.translate(_FULL_WIDTH_DIGITS))


_DIGIT_OF = str.maketrans("〇零一二三四五六七八九", "00123456789")


def _numeral_value(numeral: str) -> str | None:
    """A Chinese numeral as digits: 十四 → 14, 两 → 2, and one that is no number but a row of
    digits read one by one (八八战略: 88); None for anything else."""
    try:
        return str(cn_to_int(numeral.replace("两", "二").replace("〇", "零")))
    except ValueError:
        digits = numeral.translate(_DIGIT_OF)
        return digits if digits.isdigit() else None


def _numbered_form(text: str) -> str:
    """Numerals in Chinese or in digits to one form: 两个确立 and 2个确立 give the same."""

    def to_digits(match: re.Match[str]) -> str:
        return _numeral_value(match.group()) or match.group()

    return re.sub(f"[{CHINESE_NUMERALS}]+", to_digits, text.translate(_FULL_WIDTH_DIGITS))


@cache
def _numbered_names() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One pattern for every fixed name with a Chinese numeral, each numeral also as digits;
    and each name under its :func:`_numbered_form`."""
    by_form: dict[str, str] = {}
    pieces = []
    for name in sorted(data.numbered_names(), key=len, reverse=True):
        parts, position = [], 0
        for match in re.finditer(f"[{CHINESE_NUMERALS}]+", name):
            parts.append(re.escape(name[position : match.start()]))
            numeral = match.group()
            value = _numeral_value(numeral)
            parts.append(re.escape(numeral) if value is None else f"(?:{re.escape(numeral)}|{value})")
            position = match.end()
        parts.append(re.escape(name[position:]))
        pieces.append("".join(parts))
        by_form.setdefault(_numbered_form(name), name)
    return (re.compile("|".join(pieces)) if pieces else None), by_form


def digits_in_names(text: str) -> Iterator[Hit]:
    pattern, by_form = _numbered_names()
    if pattern is not None:
        for match in pattern.finditer(text):
            written = match.group()
            canonical = by_form.get(_numbered_form(written))
            if canonical is not None and re.search(r"\d", written):
                yield _number_hit(match.start(), match.end(), written, canonical)
    for regex, build in _NUMBER_RULES:
        for match in regex.finditer(text):
            fixed = build(match)
            if fixed is not None and fixed != match.group():
                yield _number_hit(match.start(), match.end(), match.group(), fixed)


def _number_hit(start: int, end: int, written: str, fixed: str) -> Hit:
    return Hit(
        start,
        end,
        fixed,
        f"固定名称中的数字应使用汉字：“{written}”应写作“{fixed}”。",
        f"改为“{fixed}”。",
        NUMBER_SOURCE,
    )


def _cn(number: str) -> str:
    if number and number[0] in _DIGITS:
        return int_to_cn(_arabic(number))
    return number


_NUM = rf"[0-9０-９]{{1,2}}|[{CHINESE_NUMERALS}]{{1,3}}"
_HAS_DIGIT = re.compile(r"[0-9０-９]")


def _party_congress(match: re.Match[str]) -> str:
    return f"{match['pre']}{_cn(match['n'])}{match['post']}"


def _congress_alone(match: re.Match[str]) -> str:
    return f"{_cn(match['n'])}大"


def _plenary(match: re.Match[str]) -> str | None:
    if not _HAS_DIGIT.search(match.group()):
        return None
    return f"{_cn(match['a'])}届{_cn(match['b'])}中全会"


def _plenaries(match: re.Match[str]) -> str | None:
    """二十届2中、3中全会 → 二十届二中、三中全会: each number of a list of plenums."""
    if not _HAS_DIGIT.search(match.group()):
        return None
    numbers = re.sub(rf"{_NUM}(?=中)", lambda m: _cn(m.group()), match["list"])
    return f"{_cn(match['a'])}届{numbers}全会"


def _session(match: re.Match[str]) -> str | None:
    if not _HAS_DIGIT.search(match.group()):
        return None
    return f"{_cn(match['a'])}届{match['body']}{_cn(match['b'])}次{match['tail']}"


def _plenum_by_count(match: re.Match[str]) -> str | None:
    """十二届3次全会 → 十二届三次全会: a local committee's plenums counted with 次."""
    if not _HAS_DIGIT.search(match.group()):
        return None
    return f"{_cn(match['a'])}届{_cn(match['b'])}次{match['tail']}"


def _term(match: re.Match[str]) -> str:
    return f"{_cn(match['n'])}届"


def _committee_term(match: re.Match[str]) -> str:
    return f"{match['pre']}第{_cn(match['n'])}届{match['rest']}"


def _numbered_meeting(match: re.Match[str]) -> str:
    """第3次代表大会, 第4卷, and a body's numbered meeting (领导小组第2次会议)."""
    return f"{match.groupdict().get('body') or ''}第{_cn(match['n'])}{match['what']}"


def _numbered_meetings(match: re.Match[str]) -> str:
    """委员会第7、第8次会议 → 第七、第八次会议: each number of a list of a body's meetings."""
    numbers = re.sub(r"[0-9０-９]{1,2}", lambda m: _cn(m.group()), match["list"])
    return f"{match['body']}{numbers}{match['what']}"


def _congress_session(match: re.Match[str]) -> str:
    return f"{match['body']}{match['term'] or ''}{match['verb'] or ''}第{_cn(match['n'])}{match['what']}"


def _local_congress(match: re.Match[str]) -> str:
    return f"{_cn(match['n'])}{match['what']}"


def _five_year_plan(match: re.Match[str]) -> str:
    return f"{_cn(match['n'])}五"


# Names of meetings and volumes whose numbers are written in Chinese numerals.
_NUMBER_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str | None]], ...] = (
    (
        re.compile(r"(?P<pre>党的|中共|党的第)(?P<n>[0-9０-９]{1,2})(?P<post>大|次全国代表大会)"),
        _party_congress,
    ),
    (
        re.compile(
            r"(?<![0-9０-９])(?P<n>[0-9０-９]{2})大(?=以来|精神|报告|代表|胜利召开|召开|开幕|闭幕|党章)"
        ),
        _congress_alone,
    ),
    (re.compile(rf"(?P<a>{_NUM})届(?P<b>{_NUM})中全会"), _plenary),
    (re.compile(rf"(?P<a>{_NUM})届(?P<b>{_NUM})次(?P<tail>全会|全体会议|全体（扩大）会议)"), _plenum_by_count),
    (re.compile(rf"(?P<a>{_NUM})届(?P<list>(?:{_NUM})中(?:[、和与及至](?:{_NUM})中)+)全会"), _plenaries),
    (
        re.compile(
            rf"(?P<a>{_NUM})届(?P<body>全国人大|全国政协|全国人大常委会|[省市县区]?人大|[省市县区]?政协|人大常委会)"
            rf"(?P<b>{_NUM})次(?P<tail>会议|全体会议)"
        ),
        _session,
    ),
    # A plenum of a commission for discipline inspection (十九届中央纪委五次全会).
    (
        re.compile(
            rf"(?P<a>{_NUM})届(?P<body>中央纪委|中央纪律检查委员会|[省市县区州旗]?纪委)(?P<b>{_NUM})次(?P<tail>全会|全体会议)"
        ),
        _session,
    ),
    # A term of a CPPCC committee named with its place after it (政协第10届杭州市委员会).
    (re.compile(r"(?P<pre>政协|中国人民政治协商会议)第(?P<n>[0-9０-９]{1,2})届(?P<rest>[\u4e00-\u9fff]{2,8}?委员会)"), _committee_term),
    # A study session of the Political Bureau (中央政治局第二十五次集体学习).
    (re.compile(r"(?P<body>政治局)第(?P<n>[0-9０-９]{1,3})(?P<what>次集体学习)"), _numbered_meeting),
    # The national censuses are named with Chinese ordinals (第五次全国经济普查, 第三次全国国土调查).
    (re.compile(r"第(?P<n>[0-9０-９]{1,2})(?P<what>次全国(?:[\u4e00-\u9fff]{2,6}?普查|国土调查))"), _numbered_meeting),
    (
        re.compile(
            r"第(?P<n>[0-9０-９]{1,2})(?P<what>次[\u4e00-\u9fff]{0,6}?代表大会|次[\u4e00-\u9fff]?代会|届(?:全国)?人民代表大会|届(?:中央|纪律检查)?委员会)"
        ),
        _numbered_meeting,
    ),
    # A session of a congress (第十八届人民代表大会第3次会议, 县政协十届第2次会议); not the
    # numbered meetings of a standing body (国务院第12次常务会议), which official text writes in figures.
    (
        re.compile(
            r"(?P<body>人民代表大会|人大|人大常委会|政协)(?P<term>[一二三四五六七八九十]{1,3}届)?"
            r"(?P<verb>举行|召开)?第(?P<n>[0-9０-９]{1,2})(?P<what>次(?:全体)?会议)"
        ),
        _congress_session,
    ),
    # A term of a party committee, congress or government named by what follows it (19届历次全会,
    # 20届中央纪委, 县18届人大, 17届人民政府); 届 of other events (第3届运动会) may be written in figures.
    (
        re.compile(
            r"(?<![0-9０-９.第])(?P<n>[0-9０-９]{1,2})届(?=历次全会|历届全会|系列全会|[一二三四五六七八九十]{1,3}[中次]|中央委员会|中央纪委|"
            r"中央政治局|全国人大|全国政协|[省市县区州旗]?人大|[省市县区州旗]?政协|[省市县区州旗]委|纪委|党委|人民代表大会|人民政府)"
        ),
        _term,
    ),
    # The term of a local people's congress or CPPCC named with its place between (第10届盘龙区政协).
    (
        re.compile(r"第(?P<n>[0-9０-９]{1,2})(?P<what>届(?=[\u4e00-\u9fff]{0,8}?(?:人民代表大会|人大|政协|全国委员会|人民政府)))"),
        _numbered_meeting,
    ),
    # A numbered meeting of a committee or leading group (全面依法治县委员会第5次会议, 领导小组第2次
    # 会议), written as the central ones are (中央全面依法治国委员会第一次会议).
    (
        re.compile(r"(?P<body>委员会|领导小组)第(?P<n>[0-9０-９]{1,2})(?P<what>次(?:全体)?会议)"),
        _numbered_meeting,
    ),
    (
        re.compile(
            r"(?P<body>委员会|领导小组)(?P<list>第[0-9０-９]{1,2}次?(?:[、和及至]第?[0-9０-９]{1,2}次?)*"
            r"[、和及至]第?[0-9０-９]{1,2})(?P<what>次(?:全体)?会议)"
        ),
        _numbered_meetings,
    ),
    # A local party congress named without 第 (省15次党代会, 市14次党代会).
    (re.compile(r"(?<=[省市县区州旗盟])(?P<n>[0-9０-９]{1,2})(?P<what>次党代会|次党员代表大会)"), _local_congress),
    (re.compile(r"(?<![0-9０-９])(?P<n>1[0-9])五(?=”|规划|时期|期间|末|初|以来|开局|收官|之年|发展|目标)"), _five_year_plan),
    # The five-year 普法 plans (“八五”普法, 七五普法): one digit before 五.
    (re.compile(r"(?<![0-9０-９.．])(?P<n>[5-9５-９])五(?=”?普法)"), _five_year_plan),
    # the plans of 1981–2005 in quotation marks (“6五”计划)
    (re.compile(r"(?<=“)(?P<n>[6-9６-９])五(?=”)"), _five_year_plan),
    (re.compile(r"(?<=》)第(?P<n>[0-9０-９]{1,2})(?P<what>卷|册|辑)"), _numbered_meeting),
    # The five-year plans by their full names (第8个五年计划, 第14个五年规划).
    (re.compile(r"第(?P<n>[0-9０-９]{1,2})(?P<what>个五年(?:计划|规划))"), _numbered_meeting),
)


# The national five-year plans: 计划 up to the tenth (第一个五年计划, “七五”计划, “十五”计划),
# 规划 from the eleventh (第十一个五年规划, “十四五”规划). The 普法 plans are named otherwise
# (“七五”普法规划, 法治宣传教育的第八个五年规划), so any sentence speaking of them is left alone.
_PLAN_NAME = re.compile(
    r"(?:第(?P<full>十[一二三四五六七八九]|[一二三四五六七八九十])个五年|"
    r"(?<![一二三四五六七八九十〇两])“?(?P<short>十[一二三四五六七八九]|[一二三四五六七八九十])五”?)"
    r"(?P<kind>计划|规划)"
)
_LEGAL_EDUCATION = re.compile("普法|法治宣传|法制宣传")
# What the national plans were named of before their number (发展国民经济的第六个五年计划).
_OF_THE_ECONOMY = ("国民经济的", "社会发展的")
_FIRST_PLANNED_AS_GUIDANCE = 11


def plan_kinds(text: str) -> Iterator[Hit]:
    """第一个五年规划, “十四五”计划: a national five-year plan is a 计划 up to the tenth and a 规划 from
    the eleventh (2006: 国民经济和社会发展第十一个五年规划纲要)."""
    for sentence in re.finditer(r"[^。！？；\n]+", text):
        if _LEGAL_EDUCATION.search(sentence.group()):
            continue
        for match in _PLAN_NAME.finditer(sentence.group()):
            number = ordinal_value(match.group("full") or match.group("short"))
            before = sentence.group()[: match.start()]
            if number is None or (match.group("full") and before.endswith("的") and not before.endswith(_OF_THE_ECONOMY)):
                continue  # 新征程的第一个五年规划: a plan counted from another start, not a plan's name
            kind = "规划" if number >= _FIRST_PLANNED_AS_GUIDANCE else "计划"
            if match.group("kind") == kind:
                continue
            start = sentence.start() + match.start("kind")
            yield Hit(
                start,
                start + 2,
                kind,
                f"第{int_to_cn(number)}个五年{kind}称“{kind}”：国民经济和社会发展五年计划自“十一五”起改称“规划”。",
                f"改为“{kind}”。",
                DATES_SOURCE,
            )


_ZERO_RUN = re.compile(r"[○〇零一二三四五六七八九十]*○[○〇零一二三四五六七八九十]*")


# 第三产业和第二产业: ordinals of one noun listed, the greater first.
_ORDINAL_PAIR = re.compile(
    r"第([一二三四五六七八九十]{1,3})([\u4e00-\u9fff]{1,4}?)(和|、|及|与|以及)第([一二三四五六七八九十]{1,3})\2"
)


def ordinals_reversed(text: str) -> Iterator[Hit]:
    """从事第三产业和第二产业活动: items named by ordinals go in their order (第二产业和第三产业)."""
    for match in _ORDINAL_PAIR.finditer(text):
        first, second = ordinal_value(match.group(1)), ordinal_value(match.group(4))
        if first is None or second is None or second >= first:
            continue
        noun, joint = match.group(2), match.group(3)
        fixed = f"第{match.group(4)}{noun}{joint}第{match.group(1)}{noun}"
        yield Hit(
            match.start(),
            match.end(),
            fixed,
            f"“{match.group()}”次序颠倒：按序数列举时，小的在前。",
            f"改为“{fixed}”。",
            "按序数列举的通例（第二产业和第三产业、第一批和第二批）",
        )


def find_zero_circles(text: str) -> list[Hit]:
    """二○二○年: ○ is a circle; as the numeral zero it is written 〇."""
    hits = []
    for match in _ZERO_RUN.finditer(text):
        run = match.group()
        if run.strip("○") == "":
            continue  # ○○ alone is a placeholder, reported as one
        fixed = run.replace("○", "〇")
        hits.append(
            Hit(
                match.start(),
                match.end(),
                fixed,
                f"“{run}”中的“○”是圆圈符号，作数字零应写作汉字“〇”。",
                f"改为“{fixed}”。",
                ZERO_SOURCE,
            )
        )
    return hits


FIGURES_SOURCE = "GB/T 15835—2011《出版物上数字用法》"
# A figure with 几 is an estimate, written in Chinese numerals throughout (二十几个, 几十万): 20几家.
_DIGITS_WITH_JI = re.compile(r"(?<![0-9.．])(?P<digits>[1-9]0)几(?=[\u4e00-\u9fff])")
# A range of percentages keeps the sign on both figures (15%～30%): 15～30% reads as fifteen to
# thirty per cent only by guessing.
_PERCENT_RANGE = re.compile(r"(?<![0-9.．%％])(?P<low>[0-9]+(?:\.[0-9]+)?)(?P<dash>[～~—－-])(?P<high>[0-9]+(?:\.[0-9]+)?)(?P<sign>[%％])")

# 二 before the measure word 个, not in a figure (十二个) nor an ordinal (第二个): 两个 (二个确立).
_ER_GE = re.compile(r"(?<![第十百千万亿零〇○一二三四五六七八九两0-9０-９])二个")
# The two courts of “一府两院” named alone in quotation marks.
_QUOTED_ER_YUAN = re.compile(r"“二院”")


def find_number_slips(text: str) -> list[Hit]:
    """Figures written against GB/T 15835: ○ as a zero (see :func:`find_zero_circles`), 20几 for
    二十几, a range of percentages with the first sign left out (10-20%); and 二 where a count of
    two before a measure word is 两 (二个维护, 法检“二院”)."""
    hits = find_zero_circles(text)
    for match in (*_ER_GE.finditer(text), *_QUOTED_ER_YUAN.finditer(text)):
        fixed = match.group().replace("二", "两")
        hits.append(
            Hit(
                match.start(),
                match.end(),
                fixed,
                f"“{match.group()}”应写作“{fixed}”：量词前面表示“二”的数目用“两”（两个、两院）。",
                f"改为“{fixed}”。",
                TWO_SOURCE,
            )
        )
    for match in _DIGITS_WITH_JI.finditer(text):
        written = match.group()
        fixed = int_to_cn(int(match["digits"])) + "几"
        hits.append(
            Hit(
                match.start(),
                match.end(),
                fixed,
                f"“{written}”是带“几”的概数，应全用汉字写作“{fixed}”。",
                f"改为“{fixed}”。",
                FIGURES_SOURCE,
            )
        )
    for match in _PERCENT_RANGE.finditer(text):
        fixed = f"{match['low']}{match['sign']}～{match['high']}{match['sign']}"
        hits.append(
            Hit(
                match.start(),
                match.end(),
                fixed,
                f"“{match.group()}”是百分数的范围，前一个数的百分号不能省略。",
                f"改为“{fixed}”。",
                FIGURES_SOURCE,
            )
        )
    return hits


TWO_SOURCE = "《现代汉语词典》（第7版）“两”条（在量词前一般用“两”不用“二”）"
QUOTED_NAME_SOURCE = f"{PUNCTUATION_STANDARD}4.8.3.2（需要着重论述或有特殊含义的词语加引号）"
# A code of three to five digits right before what it names; not a year (2035远景目标), a figure
# with its unit or sign, or a code already inside quotation marks.
# National programmes of the 1980s and 1990s written bare since (985工程, 211工程, 863计划, 973计划).
_BARE_NATIONAL_CODES = frozenset({"211", "985", "863", "973"})
_CODE_NAME = re.compile(
    r"(?<![0-9０-９.．%％“‘+×/:：\-])(?P<code>[0-9]{3,5})(?![0-9.．%％”’+×\-])"
    r"(?=(?:发展战略|战略|计划|工程|行动|工作法|工作机制|模式|产业体系|体系|发展思路|思路|布局)(?![量款师费额数单]))"
)


def unquoted_code_names(text: str) -> Iterator[Hit]:
    """532发展战略 → “532”发展战略: digits that name a strategy or a plan are quoted, as published
    reports write every such name (43 times quoted, never bare, in 1.8 million characters)."""
    depth = quote_depth(text)
    for match in _CODE_NAME.finditer(text):
        code = match["code"]
        if re.fullmatch(r"(?:19|20)\d\d", code) or depth[match.start()] > 0 or code in _BARE_NATIONAL_CODES:
            continue  # a year; or inside a quoted name already (“五个1000行动”, “…实施1530工程…先进单位”)
        yield Hit(
            match.start(),
            match.end(),
            f"“{code}”",
            f"“{code}”是用数字简称的名称，应加引号。",
            f"改为“{code}”。",
            QUOTED_NAME_SOURCE,
        )



# A quoted slogan made of a count and a short word (“五个中心”, “四个一批”, “三大高地”): a set name, so
# its number is a Chinese numeral (GB/T 15835—2011 4.2.3). One digit only, and a word of three
# characters at most: “13条政策”, “7个专项行动” count what a document holds, as reports write them.
# A run of years quoted as a name (“9连增”, “5连冠”) counts too: “九连增”.
_QUOTED_DIGIT_NAME = re.compile(r"(?<=“)(?P<digit>[2-9２-９])(?P<measure>[个大项连])(?P<word>[\u4e00-\u9fff]{1,3})(?=”)")


def quoted_digit_names(text: str) -> Iterator[Hit]:
    """“5个中心” → “五个中心”: the digit of a quoted numbered slogan written as a Chinese numeral."""
    for match in _QUOTED_DIGIT_NAME.finditer(text):
        if match["measure"] == "连" and _arabic(match["digit"]) == 2:
            continue  # “2连冠”: 两连冠 and 二连冠 are both written
        numeral = "两" if _arabic(match["digit"]) == 2 else _cn(match["digit"])  # 两个, 两大, 两项
        yield _number_hit(match.start(), match.end(), match.group(), numeral + match["measure"] + match["word"])


# Digits among the characters of a numbered abbreviation (3清5改, “5水共治”): an abbreviation is a set
# name, so its numbers are Chinese numerals (GB/T 15835—2011 4.2.3: 缩略语). Two counted parts anywhere,
# or one digit opening a quoted name; never a digit before a measure or a unit (1月7日, 5户5人, “4个清单”
# count what they count, as reports write them), nor a figure of two digits or more (“90后”).
_UNIT_CHARACTERS = "年月日天周次个项批种类所名人户元亿万千百十倍成届级期遍条件家座台辆吨亩米斤部栋套份间处张位支分秒时点号岁篇场楼层大连至余多"
_NO_UNIT = rf"[^\W\d_{_UNIT_CHARACTERS}a-zA-Z]"
# Units of two characters after a digit count too (“8小时”外, “5公里”圈).
_TWO_CHARACTER_UNITS = "小时|分钟|公里|公斤|公顷|平方|立方|千米|千克|毫米|厘米|周岁|年级|季度|星级|人次|课时|学时"
_DIGITS_AMONG_PARTS = re.compile(
    rf"(?<![0-9０-９.．])[1-9](?={_NO_UNIT})(?!{_TWO_CHARACTER_UNITS})[\u4e00-\u9fff][1-9](?={_NO_UNIT})(?!{_TWO_CHARACTER_UNITS})[\u4e00-\u9fff](?![0-9０-９])"
)
_QUOTED_DIGIT_ABBREVIATION = re.compile(rf"(?<=“)[1-9](?={_NO_UNIT})(?!{_TWO_CHARACTER_UNITS})[\u4e00-\u9fff]{{2,5}}(?=”)")


def digits_in_abbreviations(text: str) -> Iterator[Hit]:
    """3清5改 → 三清五改, “5水共治” → “五水共治”: the digits of a numbered abbreviation as Chinese numerals."""
    for pattern in (_DIGITS_AMONG_PARTS, _QUOTED_DIGIT_ABBREVIATION):
        for match in pattern.finditer(text):
            written = match.group()
            fixed = re.sub(r"[1-9]", lambda digit: "两" if digit.group() == "2" else _cn(digit.group()), written)
            yield _number_hit(match.start(), match.end(), written, fixed)


# A coined name of three numbered parts or more (一城三线四业五区, 三基地一屏障一高地): each part a
# Chinese numeral and a word of one or two characters, all of one length. Published reports quote
# such names (some 30 in the 2026 provincial reports, none bare but a count of years: 五十年一遇).
_CN_NUMERALS = "一二三四五六七八九十两双"
_NUMBERED_PARTS = {
    size: re.compile(rf"(?<![{_CN_NUMERALS}“‘])(?:[{_CN_NUMERALS}][\u4e00-\u9fff]{{{size}}}){{3,}}(?![{_CN_NUMERALS}])")
    for size in (1, 2)
}
# Words of counting and of time in a part make a count or a frequency (一年一次, 三个一批), no name.
_COUNTING = frozenset("年月日天周次个项批种类所名人户元亿万倍成届级期遍")
_FIGURE_CHARACTERS = frozenset(_CN_NUMERALS + "百千万亿点零〇")
# A numeral that makes a word this common with the character before it (统一, 进一步) is no part's number.
_WORD_AROUND_A_NUMERAL = 100


def unquoted_numbered_coinages(text: str) -> Iterator[Hit]:
    """一城三线四业五区创业富民战略 → “一城三线四业五区”…: a coined name of numbered parts, quoted."""
    if not any(ch in _CN_NUMERALS for ch in text):
        return
    from core.text import language  # jieba's words: loaded only when a text has numerals

    words = language.dictionary()
    depth = quote_depth(text)
    taken: list[tuple[int, int]] = []
    for size, pattern in _NUMBERED_PARTS.items():
        for match in pattern.finditer(text):
            start, end = match.span()
            name = match.group()
            parts = [name[at + 1 : at + 1 + size] for at in range(0, len(name), size + 1)]
            if depth[start] > 0 or any(s < end and start < e for s, e in taken):
                continue
            if any(ch in _COUNTING or ch in _FIGURE_CHARACTERS for part in parts for ch in part):
                continue  # 三百二十二辆, 三百八十七点四二斤: a figure in Chinese numerals, no name
            if parts[0] == "者":
                continue  # 二者一体两面: 二者 "the two" is the clause's subject, no part of a name
            if text.startswith(("：", ":"), end):
                continue  # ［9］一委一办：…: a note's headword, defined
            if text.startswith("全会", end) and name.endswith("中"):
                continue  # 十九届二中三中四中全会: plenums run together (core.proofread.meetings)
            if end < len(text) and words.frequency(text[end - 1 : end + 1]):
                continue  # 一委一办一平|台: the last part is longer than the others, a name of mixed parts
            groups = [name[at : at + size + 1] for at in range(0, len(name), size + 1)]
            if any(words.frequency(a + b) for a, b in itertools.pairwise(groups)):
                continue  # 一心一意|一以贯之: idioms side by side, no name
            numerals_at = range(size + 1, len(name), size + 1)
            if any(words.frequency(name[at - 1 : at + 1]) >= _WORD_AROUND_A_NUMERAL for at in numerals_at):
                continue  # 一是进一步统一思想: 统一, 进一(步) — the numerals are characters of words, no parts
            taken.append((start, end))
            yield Hit(start, end, f"“{name}”", f"“{name}”是用数字概括的名称，应加引号。", f"改为“{name}”。", QUOTED_NAME_SOURCE)
