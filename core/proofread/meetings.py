"""规范表述 of meetings: how a meeting is named and listed.

* a plenum of the Central Committee called like a local committee's (二十届二次全会), or after
  the congress (二十大二中全会), and a local committee's called like the Central Committee's
  (省委十二届四中全会); a session of a people's congress called a plenum; a committee counted by
  次 (政协某县第九次委员会), a people's organisation's congress by 届 (县工会第九届代表大会);
* plenums listed out of the order they were held, or with one skipped (二中、三中、五中); a
  congress named with another term's plenums (党的十九大和十八届);
* one sentence naming a session of one term with two numbers (十六届四次党代会 … 十六届五次党代会),
  or a standing committee convening a session of another term.

When meetings and plans were held and what each put forward are in dated_facts.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator

from core.draft.ordinals import cn_to_int, int_to_cn
from core.proofread.hits import Hit

MEETING_SOURCE = "党的中央委员会全体会议称“×中全会”；人民代表大会的会议称“第×次会议”（《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》）"
# A plenum of the Central Committee (党的二十届二中全会) written like a local committee's
# (省委十二届二次全会, which is right for a local one: not after 省委, 市委 …), or by its count
# (二十届第三次全会, 二十届第三次中央全会).
# The last of a list may be written so too (十九届二中、三中、四次全会).
_CENTRAL_PLENUM = re.compile(
    r"(?<![省市县区州盟旗委])(?P<a>十八|十九|二十|二十一)届(?P<list>(?:[一二三四五六七八九]中、)*)第?(?P<b>[一二三四五六七八九十])次(?:中央)?全会"
)
# A plenum listed before the last as a session (十九届二次、三中全会): each is a 中全会.
_PLENUM_LISTED_AS_SESSION = re.compile(
    r"(?<![省市县区州盟旗委])(?P<a>十八|十九|二十|二十一)届(?P<pre>(?:[一二三四五六七八九]中、)*)(?P<b>[一二三四五六七八九])次、"
    r"(?P<rest>(?:[一二三四五六七八九]中、)*[一二三四五六七八九]中全会)"
)
# A local Party congress numbered by 届 (县十五届党代会): the congress is held once a term and
# numbered by 次 (县第十五次党代会); its committee has the 届. Not a session of a congress's term
# (第十五届党代会第二次会议, as some places held yearly).
_LOCAL_CONGRESS_BY_TERM = re.compile(
    r"(?P<level>[省市县区州盟旗镇乡])第?(?P<n>[一二三四五六七八九十]+)届(?P<kind>党代会|党员代表大会)(?!第?[一二三四五六七八九十]+次会议|年会)"
)
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
    r"党的(?P<a>十[一二三四五六七八九]?|二十[一二]?)届(?!第?[一二三四五六七八九十]+[中次]|中央|历次|全会|委员|代表|[、和至到])"
)

# The Party's national congress named without 全国 (中国共产党第二十次代表大会): a local one names
# its place first (中国共产党浙江省第十五次代表大会), so right after 中国共产党 it is the national one.
_NATIONAL_CONGRESS = re.compile(r"(?P<party>中国共产党|中共|党的)(?P<n>第[一二三四五六七八九十]+次)代表大会")
# A plenum of the Central Committee called a 会议 (二十届三中会议): 中 stands only in 中全会.
_PLENUM_AS_MEETING = re.compile(r"(?P<a>[一二三四五六七八九十]+)届(?P<b>[一二三四五六七八九])中会议")
# A session of a people's congress or of a 政协 called like a plenum of the Central Committee
# (县十五届人大四中会议): only the Central Committee's are "中全会"; a congress holds 第×次会议.
_SESSION_AS_PLENUM = re.compile(r"(?P<body>人大|人代会|人民代表大会|政协)(?P<n>第?[一二三四五六七八九十]+)中全?会议?")
# A plenum of the Central Committee called a session (党的十八届三次会议): only a congress of the
# people holds sessions; the Party's Central Committee holds 中全会.
_CENTRAL_PLENUM_AS_SESSION = re.compile(r"(?P<party>党的|中共)(?P<a>十[一二三四五六七八九]?|二十[一二]?)届(?P<b>[一二三四五六七八九])次会议")
# Plenums of one term run together with no 顿号 between them (十九届二中三中四中全会).
_PLENUMS_RUN_TOGETHER = re.compile(r"(?P<a>十八|十九|二十|二十一)届(?P<list>[一二三四五六七八九]中(?:[一二三四五六七八九]中)+)全会")
# A meeting's number in figures after its term in Chinese numerals (区委十二届3次（扩大）会议): a
# fixed name's numbers are Chinese numerals (GB/T 15835—2011 4.2.3).
_FIGURES_AFTER_TERM = re.compile(r"(?P<term>[一二三四五六七八九十]+届)(?P<n>[1-9][0-9]?)(?P<kind>次|中)")
# A congress's short name in quotation marks (党的“十八大”): the name of a meeting is no term
# to set off, and official text never quotes it.
_QUOTED_CONGRESS = re.compile(r"党的“(?P<name>十[一二三四五六七八九]?大|二十[一二]?大|[一二三四五六七八九]大)”")
# A people's congress's standing committee in its full name shortened halfway (人民代表大会常委会):
# the full name is 人民代表大会常务委员会, the short one 人大常委会.
_HALF_SHORT_STANDING = re.compile(r"(?P<body>人民代表大会)常委会")

# A session of a people's congress with the body after the session (九届二次人大会议): the term
# belongs to the congress, the session to its meeting — 九届人大二次会议.
_SESSION_BEFORE_BODY = re.compile(r"(?P<a>[一二三四五六七八九十]+)届(?P<b>[一二三四五六七八九十]+)次(?P<body>人大|人民代表大会)会议")
# 届 and 次 swapped around the congress (三次人大二届会议 for 三届人大二次会议): the numbers stay, as
# they are written, the units change places.
_SESSION_AND_TERM_SWAPPED = re.compile(r"(?P<first>[一二三四五六七八九十]+)次(?P<body>人大|人民代表大会)(?P<second>[一二三四五六七八九十]+)届会议")
# The Party's national congress called short with 第 (中共第十六大): the short name has none (十六大),
# the full one says 第十六次全国代表大会.
_ORDINAL_IN_SHORT_CONGRESS = re.compile(r"(?P<party>中共|党的)第(?P<n>十[一二三四五六七八九]?|二十[一二三]?)大")
# The national congress before its term (全国人大十一届四次会议): the term goes first, as it belongs
# to the congress, the session after it (十一届全国人大四次会议). Not the CPPCC: its short name is
# written the other way (全国政协十三届二次会议, for 政协第十三届全国委员会第二次会议).
_NATIONAL_BODY_BEFORE_TERM = re.compile(r"(?P<body>全国人大)(?P<a>[一二三四五六七八九十]+)届(?P<b>[一二三四五六七八九十]+)次会议")
# The Party's national congress numbered by 届 (中国共产党第十三届全国代表大会): a people's congress has
# terms (届), the Party's congress sessions (次).
# The eighth congress of 1956 had a term with sessions (中共第八届全国代表大会第二次会议, 1958): 届 before its 第×次会议.
_CONGRESS_BY_TERM = re.compile(r"(?P<party>中国共产党|中共|党的)第(?P<n>[一二三四五六七八九十]+)届全国代表大会(?!第[一二三四五六七八九十]+次会议)")
# The Party's national congress as an X次大会 (党的十九次大会): its short name is 党的十九大.
_CONGRESS_AS_SESSION = re.compile(r"(?P<party>中国共产党|中共|党的)第?(?P<n>十[一二三四五六七八九]?|二十[一二]?|[一二三四五六七八九])次大会")

# A session numbered before the term (县委九次三届全体会议, 市委第十二次六届全会): the term comes
# first, the session of it after (九届三次, 第十二届六次).
_SESSION_BEFORE_TERM = re.compile(
    r"(?P<a>第?[一二三四五六七八九十]+)次(?P<b>[一二三四五六七八九十]+)届(?=全会|全体|全委会|（扩大）|\(扩大\)|会议)"
)
# A plenum after the Party's congress (党的十六大五中全会): a plenum belongs to the committee's term,
# 十六届五中全会.
_PLENUM_AFTER_CONGRESS = re.compile(r"(?P<a>十[一二三四五六七八九]?|二十[一二]?)大(?P<b>[一二三四五六七八九])中全会")
# A local people's congress numbered by 次 (县第十四次人民代表大会第一次会议): a people's congress
# has terms (届); 次 numbers its sessions. Only before a session or its standing committee, where
# the body is the people's congress itself.
_PEOPLES_CONGRESS_BY_SESSION = re.compile(
    r"第(?P<n>[一二三四五六七八九十]+)次人民代表大会(?=第[一二三四五六七八九十]+次会议|常务委员会)"
)
# A committee numbered by 次 (中国共产党第十九次中央委员会, 政协开化县第九次委员会第三次会议): a
# committee has terms (届), its plenums and sessions are counted by 次. Published reports never
# write a committee so (none in 44 million characters).
_COMMITTEE_BY_SESSION = re.compile(
    r"第(?P<n>[一二三四五六七八九十]+)次(?P<body>中央委员会|委员会(?=第[一二三四五六七八九十]+次(?:全体)?会议))"
)
# The congress of a people's organisation numbered by 届 (县总工会第九届代表大会, 第十届妇女代表大会):
# the congresses of the trade unions, the women's federations, the Youth League and the like are
# counted by 次 (县总工会第九次代表大会); 届 is for a people's congress, a workers' congress (职工代表大会)
# or a members' one (会员代表大会), which hold sessions. Not before a session (第×届…代表大会第×次会议).
_ORGANISATION_CONGRESS_BY_TERM = re.compile(
    r"(?:(?P<org>总工会|工会|妇联|妇女联合会|共青团|青年团|科协|侨联|文联|残联)(?P<place>[\u4e00-\u9fff]{0,8}?)第(?P<n>[一二三四五六七八九十]+)届(?P<kind>)"
    r"|第(?P<n2>[一二三四五六七八九十]+)届(?P<kind2>妇女|工会|团员|归侨侨眷))代表大会(?!第?[一二三四五六七八九十]+次)"
)
# A term's 精神 with no meeting named (中国妇女十一届精神): what has a spirit is the congress, 十一大.
_TERM_SPIRIT = re.compile(r"(?<![第])(?P<a>十[一二三四五六七八九]?|二十[一二]?)届(?=精神)")


# Each pattern, what the name should read, and why.
_MEETING_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str], str], ...] = (
    (_CENTRAL_PLENUM, lambda m: f"{m['a']}届{m['list']}{m['b']}中全会", "党的中央委员会全体会议称“中全会”"),
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
        _NATIONAL_CONGRESS,
        lambda m: f"{m['party']}{m['n']}全国代表大会",
        "党的全国代表大会的全称是“中国共产党第×次全国代表大会”",
    ),
    (
        _PLENUM_LISTED_AS_SESSION,
        lambda m: f"{m['a']}届{m['pre']}{m['b']}中、{m['rest']}",
        "党的中央委员会全体会议称“×中全会”，列举的每一次都是“中全会”",
    ),
    (
        _LOCAL_CONGRESS_BY_TERM,
        lambda m: f"{m['level']}第{m['n']}次{m['kind']}",
        "党的代表大会按次数称“第×次党代会”，“×届”是它选出的委员会的届次",
    ),
    (
        _PLENUM_AS_MEETING,
        lambda m: f"{m['a']}届{m['b']}中全会",
        "中央委员会的全体会议称“×中全会”",
    ),
    (
        _COMMITTEE_BY_SESSION,
        lambda m: f"第{m['n']}届{m['body']}",
        "委员会按届称“第×届委员会”，“第×次”是它的全体会议或会议的次数",
    ),
    (
        _ORGANISATION_CONGRESS_BY_TERM,
        lambda m: f"{m['org']}{m['place']}第{m['n']}次代表大会" if m["org"] else f"第{m['n2']}次{m['kind2']}代表大会",
        "工会、妇联、共青团等人民团体的代表大会按次数称“第×次代表大会”",
    ),
    (
        _PLENUMS_RUN_TOGETHER,
        lambda m: f"{m['a']}届{'、'.join(re.findall('.中', m['list']))}全会",
        "列举几次全会，各次之间用顿号隔开",
    ),
    (
        _FIGURES_AFTER_TERM,
        lambda m: f"{m['term']}{int_to_cn(int(m['n']))}{m['kind']}",
        "固定名称中的届次、会次用汉字数字",
    ),
    (
        _CENTRAL_PLENUM_AS_SESSION,
        lambda m: f"{m['party']}{m['a']}届{m['b']}中全会",
        "党的中央委员会全体会议称“×中全会”，“第×次会议”是人民代表大会的会议",
    ),
    (
        _SESSION_AS_PLENUM,
        lambda m: f"{m['body']}{m['n']}次会议",
        "人民代表大会、政协开的是“第×次会议”，“×中全会”专指党的中央委员会全体会议",
    ),
    (
        _QUOTED_CONGRESS,
        lambda m: f"党的{m['name']}",
        "会议名称不加引号",
    ),
    (
        _HALF_SHORT_STANDING,
        lambda m: f"{m['body']}常务委员会",
        "全称是“人民代表大会常务委员会”，简称“人大常委会”，不能全称简称混用",
    ),
    (
        _SESSION_BEFORE_BODY,
        lambda m: f"{m['a']}届人大{m['b']}次会议" if m["body"] == "人大" else f"第{m['a']}届人民代表大会第{m['b']}次会议",
        "人民代表大会的会议写作“×届人大×次会议”，届次跟着人大，次数跟着会议",
    ),
    (
        _SESSION_AND_TERM_SWAPPED,
        lambda m: f"{m['first']}届{m['body']}{m['second']}次会议",
        "人民代表大会的会议写作“×届人大×次会议”，届次跟着人大，次数跟着会议",
    ),
    (
        _ORDINAL_IN_SHORT_CONGRESS,
        lambda m: f"{m['party']}{m['n']}大",
        "党的全国代表大会的简称不加“第”，全称是“中国共产党第×次全国代表大会”",
    ),
    (
        _NATIONAL_BODY_BEFORE_TERM,
        lambda m: f"{m['a']}届{m['body']}{m['b']}次会议",
        "全国人大的会议届次在前、次数在后（十一届全国人大四次会议）",
    ),
    (
        _SESSION_BEFORE_TERM,
        lambda m: f"{m['a']}届{m['b']}次",
        "会议名称先写届次、后写会次（×届×次全会），届次在前",
    ),
    (
        _PLENUM_AFTER_CONGRESS,
        lambda m: f"{m['a']}届{m['b']}中全会",
        "中央全会按中央委员会的届次称“×届×中全会”，“×大”是党的全国代表大会",
    ),
    (
        _PEOPLES_CONGRESS_BY_SESSION,
        lambda m: f"第{m['n']}届人民代表大会",
        "人民代表大会按届次称“第×届人民代表大会”，“第×次”是它的会议",
    ),
    (
        _TERM_SPIRIT,
        lambda m: f"{m['a']}大",
        "贯彻的是代表大会的精神（×大精神），“×届”是委员会的任期，后面要有全会",
    ),
    (
        _CONGRESS_BY_TERM,
        lambda m: f"{m['party']}第{m['n']}次全国代表大会",
        "党的全国代表大会按次数称“第×次全国代表大会”，“届”是人民代表大会的任期",
    ),
    (
        _CONGRESS_AS_SESSION,
        lambda m: f"党的{m['n']}大" if m["party"] == "党的" else f"{m['party']}第{m['n']}次全国代表大会",
        "党的全国代表大会简称“党的×大”，全称“中国共产党第×次全国代表大会”",
    ),
    (
        _TERM_FOR_CONGRESS,
        lambda m: f"党的{m['a']}大",
        "后面没有这一届的全会，党的全国代表大会称“党的×大”",
    ),
)


# Plenums of one term, one or a list, in the order they were held (十九届二中、三中、四中全会).
PLENUM_LIST = re.compile(r"(?P<a>十八|十九|二十|二十一)届(?P<list>[一二三四五六七八九]中(?:、[一二三四五六七八九]中)*)全会")
PLENUM_ORDER = "一二三四五六七八九"
# The congress and the committee's term named together must be the same (党的十九大和十九届…).
_CONGRESS_AND_TERM = re.compile(r"党的(?P<x>十八|十九|二十|二十一)大(?P<join>和|、|及|以及)(?P<y>十八|十九|二十|二十一)届")


def _gap_in_plenums(match: re.Match[str], plenums: list[str]) -> Iterator[Hit]:
    """Three plenums or more listed in order with one skipped (二中、三中、五中): 19 million characters
    of laws and reports list them without a gap, so one number is mistyped or one plenum left out."""
    numbers = [PLENUM_ORDER.index(plenum[0]) for plenum in plenums]
    steps = [b - a for a, b in itertools.pairwise(numbers)]
    if len(plenums) < 3 or sorted(steps) != [1] * (len(steps) - 1) + [2]:
        return
    at = steps.index(2) + 1
    start = match.start("list") + sum(len(plenum) + 1 for plenum in plenums[:at])
    missing = f"{PLENUM_ORDER[numbers[at] - 1]}中"
    yield Hit(
        start,
        start + len(plenums[at]),
        None,
        f"“{match['a']}届{match['list']}全会”中间缺了{missing}全会：是把“{missing}”写成了“{plenums[at]}”，还是漏写了“{missing}”？",
        f"核对后改为“{missing}”，或在“{plenums[at]}”前补上“{missing}、”。",
        MEETING_SOURCE,
    )


def _meetings_in_order(text: str) -> Iterator[Hit]:
    for match in PLENUM_LIST.finditer(text):
        plenums = match["list"].split("、")
        ordered = sorted(plenums, key=lambda plenum: PLENUM_ORDER.index(plenum[0]))
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


def meeting_slips(text: str) -> Iterator[Hit]:
    yield from _meetings_in_order(text)
    yield from _sessions_of_one_term(text)
    for pattern, build, reason in _MEETING_RULES:
        for match in pattern.finditer(text):
            fixed = build(match)
            # Written with quotation marks of its own: shown in 「」, as ““…”” is unreadable.
            shown = f"「{match.group()}」" if set(match.group()) & set("“”") else f"“{match.group()}”"
            yield Hit(
                match.start(),
                match.end(),
                fixed,
                f"{shown}应为“{fixed}”：{reason}。",
                f"改为“{fixed}”。",
                MEETING_SOURCE,
            )



SENTENCE = re.compile(r"[^。！？!?\n]+")

CN_NUMBER = "[一二三四五六七八九十]+"
# A session of one term of a body (十六届四次党代会, 四届人大三次会议, 第十八届人民代表大会第二次会议).
_SESSION = re.compile(
    rf"第?(?P<term>{CN_NUMBER})届(?P<body>人民代表大会|人大|党代会|党员代表大会|政协)?"
    rf"第?(?P<n>{CN_NUMBER})次(?P<kind>党代会|党员代表大会|代表大会|会议|全体会议)"
)
# The standing committee of a people's congress, then its decision to convene a session.
_STANDING_DECIDES = re.compile(
    rf"第?(?P<term>{CN_NUMBER})届人民代表大会常务委员会[^。；]{{0,30}}?决定[^。；]{{0,20}}?第?(?P<term2>{CN_NUMBER})届人民代表大会第"
)

# A local party congress and a plenum of the committee it elects: the Nth congress elects the Nth
# term's committee (市第十四次党代会、市委十四届二次全会). Not 自治区 against a district's 区委.
_LOCAL_PARTY_CONGRESS = re.compile(rf"(?<!自治)(?P<level>[省市县区州盟旗镇乡])第(?P<n>{CN_NUMBER})次(?:党代会|党员代表大会)")
_LOCAL_PLENUM = re.compile(
    rf"(?<!自治)(?P<level>[省市县区州盟旗镇乡])委第?(?P<n>{CN_NUMBER})届{CN_NUMBER}次(?:全会|全体会议|全体（扩大）会议)"
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


def _listed_sessions(sessions: list[re.Match[str]]) -> set[tuple[str, str, str]]:
    """The terms a sentence names three sessions or more of (七届二次……；七届三次……；七届四次): a
    list of sessions one after another, not one session named twice."""
    numbers: dict[tuple[str, str, str], set[str]] = {}
    for match in sessions:
        numbers.setdefault((match["term"], match["body"] or "", match["kind"]), set()).add(match["n"])
    return {key for key, found in numbers.items() if len(found) >= 3}


def _told_apart(sentence: str, first: re.Match[str], later: re.Match[str]) -> bool:
    """Are two sessions told apart: the first as a time since which (九届二次会议以来), or the two in
    clauses a semicolon parts (items of a list of the work)?"""
    return sentence.startswith(_SINCE, first.end()) or "；" in sentence[first.end() : later.start()]


# What makes a session the start of a span of time (二次会议以来, 闭会之后).
_SINCE = ("以来", "之后", "后", "闭会以来", "闭会后")


def _sessions_of_one_term(text: str) -> Iterator[Hit]:
    """A sentence that names a session of one term twice with two numbers (完成了十六届四次党代会
    ……落实十六届五次党代会确定的任务: a draft edited in one place), or a standing committee that
    convenes a session of another term (第十九届人大常委会决定召开第十八届人民代表大会): the later
    name is the one that was not updated."""
    for sentence in SENTENCE.finditer(text):
        yield from _congress_and_plenum(sentence.group(), sentence.start())
        seen: dict[tuple[str, str, str], re.Match[str]] = {}
        sessions = list(_SESSION.finditer(sentence.group()))
        listed = _listed_sessions(sessions)
        for match in sessions:
            key = (match["term"], match["body"] or "", match["kind"])
            first = seen.setdefault(key, match)
            earlier = first["n"]
            if key in listed or _told_apart(sentence.group(), first, match):
                continue
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


def ordinal_value(text: str) -> int | None:
    """一 to 九十九 in Chinese numerals as a number, or None."""
    try:
        return cn_to_int(text)
    except ValueError:
        return None
