"""A character or word typed twice: 制度制度, 各项项, 进一步步, 全全面 — but not real reduplication.

Left alone: a doubled word jieba knows as one (常常, 人人, 层层), ABAB of a verb that
reduplicates (研究研究, 商量商量; not before 了, 过 or 着, which such a verb never takes:
学习学习了), a one-character verb doubled before its object (治治病) or a part of the body (踮踮脚),
AABB (实实在在, 家家户户), 一 + a doubled measure word (一个个, 一项项), and a character shared by two words that meet (为了了解, 学习习近平, 工作作风).
The function words 的了在和与及 doubled are :mod:`core.checks.text`'s ``repeated_char``.
等等 (a word) is flagged where something follows it: 等 introduces the count or noun that sums a
list up (支出等5项指标), 等等 only closes one.
"""

from __future__ import annotations

import itertools
import re

from core.proofread import data, official_counts
from core.proofread.hits import HAN_RUN, MAX_RUN, Hit, drop_overlaps
from core.proofread.lexicon import Lexicon
from core.proofread.loose_pairs import GRAMMAR, LEVELS
from core.proofread.particle_words import LIGHT_VERBS

SOURCE = "重复输入"
HANDLED_ELSEWHERE = frozenset("的了在和与及")  # core.checks.text.check_repeated
# Characters that stand alone before a word starting with the same character: 有有利条件,
# 要要求, 是是非 are words meeting, not a slip.
_FREE_BEFORE = frozenset("有是要对为把将向让给使从会能可以不都也就才又还更最很一大小老")
# Characters that stand alone after a word ending with the same one: 工作|作重要讲话,
# 中国共产党|党和国家机关.
_FREE_AFTER = frozenset(
    "的了在和与及是有要对为把将向让给使从以于由被比等也都就才又还更很不已并而或即则但却可能会该每各本其此这那上下中内外前后里时年月日人个次多少作做党任"
)  # 任: 副主任|任负责人 ("serves as")
# Of those, the function words that need a word after them: one ending its run is doubled.
_LEADS_ON = frozenset("在和与及对为把将向让给使从以于由被比也都就才又还更很不已并而或即则但却可能会该每各本其此这那要")
# Measure words and nouns that reduplicate to mean "every": 一个个, 月月有活动, 层层压实.
_EVERY = frozenset(
    "个件项次条批处户年天日月季周时步家位名座所间张份套台辆本篇首封场轮期层级代人事村镇乡县区组队班行市省届桩支"
    "科室岗校厂院"  # 人人都是宣传员，科科都有自媒体
)
# Parts of the body a one-character verb doubled acts on (踮踮脚, 揉揉眼, 伸伸腰): reduplication.
_BODY_PARTS = frozenset("脚手头眼腰腿肩背嘴身脸心")
_NUMERALS = frozenset("〇○零一二三四五六七八九十百千万亿两")
_ORDINAL_NUMERALS = frozenset("一二三四五六七八九十0123456789０１２３４５６７８９")
# A one-character verb whose doubled form jieba saw this often reduplicates (治治, 查查, 看看).
_SEEN_DOUBLED = 10
# A character jieba saw alone less often than this is rare: doubled, it is a name (屠呦呦).
RARE_CHARACTER = 200
# A duplicate that starts a compound with the next piece is no duplicate: 党组织|组织力.
_BOUND_SUFFIXES = frozenset("力化性型式度率者员家感观界群圈链网站点区")


def _starts_compound(pieces: list[str], index: int, lexicon: Lexicon) -> bool:
    """Does ``pieces[index]`` join the piece after it into one word (组织 + 生活会, 组织 + 力)?"""
    if index + 1 >= len(pieces):
        return False
    after = pieces[index + 1]
    listed = index + 2 < len(pieces) and pieces[index + 2] in ("、", "和", "与", "及")
    # 区 of 完成|区、市 is an item of a list, not a suffix (示范区, 组织力)
    return (after in _BOUND_SUFFIXES and not listed) or lexicon.frequency(pieces[index] + after) >= 5


# A degree word and an adjective of one character, said twice to end a clause, stress it (抓得很紧
# 很紧): the writer means it.
_DEGREE = frozenset("很太好真挺")


# Aspect particles: a two-character verb reduplicated (研究研究) is never followed by one.
_ASPECT = frozenset("了过着")


# Verbs whose object is a noun or a verb used as one (作了交流发言, 进行研究): a verb doubled to soften
# it (研究研究) is never their object.
_LIGHT_VERBS = LIGHT_VERBS | {"作", "做"}


def _after_light_verb(pieces: list[str], i: int) -> bool:
    """Does a light verb, with or without 了, stand right before pieces[i] (作了|交流|交流|发言)?"""
    before = pieces[i - 2] if i >= 2 and pieces[i - 1] == "了" else pieces[i - 1] if i >= 1 else ""
    return before in _LIGHT_VERBS


def _doubled_words(run: str, base: int, pieces: list[str], lexicon: Lexicon) -> list[Hit]:
    verbs = data.wordlists()["reduplicable_verbs"]
    hits = []
    position = 0
    for i, piece in enumerate(pieces[:-1]):
        position += len(piece)
        following = pieces[i + 1]
        if (
            i + 3 < len(pieces)
            and len(piece) + len(following) >= 3
            and pieces[i + 2 : i + 4] == [piece, following]
            and not (set(piece + following) & (_NUMERALS | HANDLED_ELSEWHERE))
            and piece not in verbs
        ):
            # 参保|率|参保|率: a word jieba cut in two, typed twice.
            unit = piece + following
            hits.append(
                Hit(
                    base + position + len(following),
                    base + position + len(following) + len(unit),
                    "",
                    f"“{unit}”重复了。",
                    f"删去一个“{unit}”。",
                    SOURCE,
                )
            )
            continue
        if len(piece) < 2 or len(following) < 2 or (piece != following and not following.startswith(piece) and _starts_compound(pieces, i + 1, lexicon)):
            continue  # (a word twice stays twice, whatever the second makes with the next: 基层|基层|基础, 基层|基层治理|体系)
        if following.startswith(piece) and following != piece:
            # 基层|基层治理: a word, then the same word again at the head of the next one.
            hits.append(
                Hit(
                    base + position - len(piece),
                    base + position,
                    "",
                    f"“{piece}{following}”中“{piece}”重复了。",
                    f"删去前一个“{piece}”。",
                    SOURCE,
                )
            )
        elif piece == following:
            after = pieces[i + 2] if i + 2 < len(pieces) else ""
            reduplicated = piece in verbs and after not in _ASPECT and not _after_light_verb(pieces, i)
            if reduplicated or piece[0] in _NUMERALS:
                continue  # 研究研究, 一件一件; a verb doubled so takes no 了 after it (学习学习了)
            hits.append(
                Hit(
                    base + position,
                    base + position + len(piece),
                    "",
                    f"“{piece}”重复了。",
                    f"删去一个“{piece}”。",
                    SOURCE,
                )
            )
        elif (
            len(piece) >= 3
            and len(following) >= 3
            and piece[-2:] == following[:2]
            and (
                lexicon.frequency(piece + following[2:])
                or piece + following[2:] in lexicon.known
                # Two words of four characters or more and of three or more sharing a word of two
                # (最低生活保障|保障制度, 公共服务|服务体系): published reports never write such a seam
                # once; 党组织|组织生活会 (three and five) is a subject and its verb.
                or (len(piece) >= 4 and lexicon.frequency(piece[-2:]) > 0 and piece[-2] not in _NUMERALS)
            )
        ):
            # 人民代表|代表大会: the two characters typed once for each word of a name the
            # dictionary holds whole (人民代表大会); 党组织|组织生活会 are two words meeting.
            hits.append(
                Hit(
                    base + position,
                    base + position + 2,
                    "",
                    f"“{piece}{following[2:]}”中“{following[:2]}”重复了。",
                    f"删去后一个“{following[:2]}”。",
                    SOURCE,
                )
            )
        elif len(piece) > len(following) and piece.endswith(following):
            # 乡村振兴振兴: the word repeats the end of the one before.
            hits.append(
                Hit(
                    base + position,
                    base + position + len(following),
                    "",
                    f"“{piece}{following}”中“{following}”重复了。",
                    f"删去后一个“{following}”。",
                    SOURCE,
                )
            )
    return hits


# A word seen this often in jieba's dictionary is a word a report writes (not a fragment).
_WORD_SEEN = 20


def _words_meet(run: str, i: int, lexicon: Lexicon, piece_ends: frozenset[int]) -> bool:
    """Do a word ending with ``run[i]`` and a word starting with ``run[i + 1]`` (the same
    character) meet there, each of two to four characters and each a known word? The second
    must end where one of jieba's pieces ends: 符合|合|法定人数 holds 合法, but jieba read 法定人数."""
    ending = any(lexicon.frequency(run[j : i + 1]) >= _WORD_SEEN for j in range(max(0, i - 3), i))
    starting = any(
        k in piece_ends and lexicon.frequency(run[i + 1 : k]) >= _WORD_SEEN for k in range(i + 3, min(len(run), i + 5) + 1)
    )
    return ending and starting


# Official text writes the word the copy starts this often: 铁路|路网 is two words, not 铁路网 typed
# with 路 twice.
_RIVAL_SEEN = 3


def _typed_twice_inside(run: str, i: int, word: str, lexicon: Lexicon) -> bool:
    """Was a word typed with its character at ``run[i]`` twice: ``word``, ending there, and the one
    or two characters after the copy make a known word (规律|律|性: 规律性; 积极|极性: 积极性) that is
    commoner than the word the copy would start (极性), and reports do not write that one?"""
    start = i + 1 - len(word)
    report_count = data.report_word_counts()
    for k in range(i + 3, min(len(run), i + 4) + 1):
        whole, rival = run[start : i + 1] + run[i + 2 : k], run[i + 1 : k]
        seen = lexicon.frequency(whole)
        if seen >= _WORD_SEEN and seen > lexicon.frequency(rival) and report_count(rival) < _RIVAL_SEEN:
            return True
    return False


def _doubled_characters(
    run: str, base: int, pieces: list[str], lexicon: Lexicon, after_digit: bool = False, listed: bool = False
) -> list[Hit]:
    """``after_digit``: the run follows a figure (近3|年年均); ``listed``: a 顿号 follows it (its last
    word is an item of a list)."""
    owner: list[int] = []  # piece index of each character
    for index, piece in enumerate(pieces):
        owner.extend([index] * len(piece))
    piece_ends = frozenset(itertools.accumulate(len(piece) for piece in pieces))
    hits = []
    for i in range(len(run) - 1):
        ch = run[i]
        if run[i + 1] != ch or ch in HANDLED_ELSEWHERE or ch in _NUMERALS:
            continue
        a, b = pieces[owner[i]], pieces[owner[i + 1]]
        if (
            owner[i] == owner[i + 1]
            and ch in _ADMIN_UNITS
            and _ORGAN.match(run, i + 2)
            and not lexicon.frequency(run[i + 1 : i + 3])  # 市|市场监管局: the second begins a word
        ):
            # 县县|统计局: 县县 is a word (县县通), but before an organ's name the unit is doubled.
            hits.append(Hit(base + i + 1, base + i + 2, "", f"“{ch}”字重复了。", f"删去一个“{ch}”。", SOURCE))
            continue
        if ch == "第" and run[i + 2 : i + 3] in _ORDINAL_NUMERALS:
            # 第第一位: 第 opens an ordinal and ends no word a report puts before one
            hits.append(Hit(base + i, base + i + 1, "", "“第”字重复了。", "删去一个“第”。", SOURCE))
            continue
        if owner[i] == owner[i + 1] and _copy_inside_word(run, i, pieces, owner, lexicon):
            # 主|阵阵|地: 阵阵 is a word, but one 阵 less leaves 主阵地, the loose characters its ends
            hits.append(Hit(base + i + 1, base + i + 2, "", f"“{ch}”字重复了。", f"删去一个“{ch}”。", SOURCE))
            continue
        if owner[i] == owner[i + 1]:
            continue  # one dictionary word: 常常, 人人, 县县通
        if len(a) >= 2 and len(b) >= 2 and not _typed_twice_inside(run, i, a, lexicon):
            continue  # two words meet: 为了了解, 工作作风, 大学|学生 (but not 积极|极性: 积极性)
        if _words_meet(run, i, lexicon, piece_ends) and not (len(a) >= 2 and _typed_twice_inside(run, i, a, lexicon)):
            continue  # the same, where jieba cut them otherwise: 产业链|链主, 慢病|病因, 地下水|水位
        if len(a) >= 2 and any(run[i + 1 : k] in lexicon.known for k in range(i + 3, min(len(run), i + 5) + 1)):
            continue  # 遂宁市|市本级: a word, then one of our 政务 words of three or four characters
        if ch in _EVERY and ((len(a) == 1 and len(b) == 1) or _starts_piece(owner, i - 1, "一", run)):
            continue  # 月月有活动, 一步步推进 (but not 进一步|步)
        if a == "一" + ch and len(b) == 1 and not (a in lexicon.adverbs or a in lexicon.adjectives or a in lexicon.verbs):
            continue  # 一筐|筐, 一股|股: jieba keeps 一 and a measure as one word, then the measure again (not 一定|定)
        if len(a) >= 2 and len(b) == 1 and ch in LEVELS and (run[i + 2 : i + 3] in LEVELS or (owner[i + 1] == len(pieces) - 1 and listed)):
            continue  # 全镇|镇、村干部, 全县|县乡级: the unit, then the first of the levels it lists
        if i == 0 and ch in _EVERY and after_digit:
            continue  # 近3年|年均: a count in figures, then a word starting with its unit
        if ch in _EVERY and len(a) >= 2 and i + 2 < len(run) and run[i + 2] == ch:
            continue  # 三百六十行|行行: a word ending in the character, then "every …"
        if i + 3 < len(run) and run[i + 2] == run[i + 3] and run[i + 2] != ch:
            continue  # AABB: 实实在在
        if len(a) == 1 and len(b) == 1 and run[i + 2 : i + 3] in ("的", "地"):
            continue  # 长得壮壮的, 好好地: a one-character adjective doubled before its particle
        if len(a) == 1 and len(b) == 1 and ch in lexicon.verbs and run[i + 2 : i + 3] in ("不", "得"):
            continue  # 想干|干不成: a verb, then the same verb with its potential complement
        if len(a) == 1 and len(b) == 1 and run.startswith(_ROUTES, i + 2):
            continue  # 荆荆高铁, 龙龙铁路: a line between two places named by one character each
        if i >= 2 and run[i - 2] == run[i - 1] and run[i - 1] != ch:
            continue  # the BB of AABB
        if len(a) == 1 and len(b) == 1 and lexicon.frequency(ch * 2) >= 30:
            continue  # 天天, 年年 cut apart by their neighbours
        if len(a) == 1 and len(b) == 1 and lexicon.frequency(ch) < RARE_CHARACTER:
            continue  # 屠呦呦, 潺潺: a rare character doubled is a name or a sound, not a slip
        if len(a) == 1 and len(b) >= 2 and ch in _FREE_BEFORE:
            continue  # 有有利条件, 要要求
        if len(a) == 1 and _after_self_reference(owner, pieces, i, run):
            continue  # 我部|部署, 我区|区委书记: "我部" names the writer's own unit
        if len(a) == 1 and len(b) == 2 and ch in lexicon.verbs and lexicon.frequency(ch * 2) >= _SEEN_DOUBLED:
            continue  # 治治病, 洗洗澡: a one-character verb doubled before its object (VVO)
        if len(a) == 1 and ch in lexicon.verbs and run[i + 1 : i + 2] == ch and run[i + 2 : i + 3] in _BODY_PARTS:
            continue  # 踮踮脚, 揉揉眼: a one-character verb doubled before the part of the body it moves
        if len(a) >= 2 and len(b) == 1 and ch in _FREE_AFTER and not (owner[i + 1] == len(pieces) - 1 and ch in _LEADS_ON):
            continue  # 工作|作重要讲话; but 务虚会|会 ending its run is no modal verb
        if len(a) >= 2 and len(b) == 1 and _loose_content(pieces, owner[i + 1] + 1) and not _typed_twice_inside(run, i, a, lexicon):
            continue  # 太湖|湖|体, 中国|国|新, 培育|育|繁|推: a word, then a coinage of loose characters
        if len(a) == 1 and len(b) >= 2 and _loose_content(pieces, owner[i] - 1):
            continue  # 徽|学|学术, 慢|病|病因, 中|煤|煤炭: a coinage of loose characters, then a word
        if len(a) == 1 and len(b) == 1 and _loose_content(pieces, owner[i + 1] + 1):
            continue  # 贝|贝|小|南瓜, 道|道|全|总部: a doubled character in a name of loose ones
        if data.inside_known_word(run, i, i + 2):
            continue  # 水水联运: one of our words
        if ch == "地" and len(a) >= 2 and len(b) == 1 and (
            a in lexicon.idioms or a in lexicon.adjectives or a in lexicon.adverbs or (len(a) == 4 and lexicon.frequency(a))
        ):
            continue  # 脚踏实地|地, 设身处地|地: a set phrase ending in 地 says how, then its particle
        if len(a) >= 2 and len(b) == 1 and ch in _ADMIN_UNITS and run.startswith(_UNIT_ORGANS, i + 2):
            continue  # 辖区|区人大代表, 城区|区政府: an area, then its unit's own organ
        if len(a) >= 2 and len(b) == 1 and ch in _ADMIN_UNITS and a in lexicon.names and (len(a) == 2 or a[:-1] not in lexicon.names):
            continue  # 乌镇|镇: a place named with the character, then its unit (not 成都市|市)
        if len(a) == 1 and len(b) >= 2 and owner[i] > 0 and _bound_to_word_before(pieces[owner[i] - 1], a):
            continue  # 出厂|水|水质: official text writes 出厂水, so two words meet (出厂水 + 水质)
        keep_first = len(a) >= 2  # 各项|项 → drop the loose second; 全|全面 → drop the loose first
        at = base + (i + 1 if keep_first else i)
        hits.append(Hit(at, at + 1, "", f"“{ch}”字重复了。", f"删去一个“{ch}”。", SOURCE))
    return hits


# A word the doubled character makes with the one after it this often at least (阵地) is what the
# clerk meant to type, the character before belonging to it too (主阵地).
_WORD_AFTER_COPY = 1000


def _copy_inside_word(run: str, i: int, pieces: list[str], owner: list[int], lexicon: Lexicon) -> bool:
    """Is the doubled piece ``run[i:i + 2]`` (a word: 阵阵) a character typed twice inside a word,
    a loose character on either side, the word whole without the copy (主阵地) and the character
    with the one after it a common word (阵地)?"""
    if i == 0 or i + 2 >= len(run) or len(pieces[owner[i]]) != 2:
        return False
    if len(pieces[owner[i - 1]]) != 1 or len(pieces[owner[i + 2]]) != 1:
        return False
    ch = run[i]
    return lexicon.frequency(run[i - 1] + ch + run[i + 2]) > 0 and lexicon.frequency(ch + run[i + 2]) >= _WORD_AFTER_COPY


# A line between two places, each named by one character (荆门–荆州: 荆荆高铁).
_ROUTES = ("高铁", "铁路", "高速", "城际", "公路", "航线")


# 县县, 村村 are words (县县通, 村村通); before an organ's name (县县统计局) the unit is doubled.
_ADMIN_UNITS = LEVELS - {"村"}
# The organs a unit names right before them (区人大, 县政府, 市委): a word ending in the unit's
# character may meet them (辖区区人大代表).
_UNIT_ORGANS = ("人大", "政府", "人民政府", "政协", "党委", "纪委", "委", "法院", "人民法院", "检察院", "人民检察院")
_ORGAN = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:局|委员会|委|办公室|人民政府|政府|人大|政协|法院|检察院)")


# A loose character official text writes right after the word before it this often ends a word
# with it (出厂|水: 出厂水 8 times in laws and reports).
_BOUND_AFTER = 5


def _bound_to_word_before(word: str, character: str) -> bool:
    table = official_counts.counts()
    return len(word) >= 2 and table is not None and table.pair(word, character) >= _BOUND_AFTER


# Before a loose one-character unit (部, 局, 区, 委 …) these name the writer's own or that unit:
# 我部部署, 本局局长, 该所所长, 我县县委 are a unit's name meeting a word, not a slip.
# 各 and 每 name each such unit (各班班主任, 每村村医).
_SELF_REFERENCE = frozenset("我本该贵此其各每")


def _loose_content(pieces: list[str], index: int) -> bool:
    """Is ``pieces[index]`` a loose character that is no function word or numeral? Beside the
    loose half of a doubled character it makes a terse name with it (湖体, 国新, 徽学, 中煤),
    where a slip stands between words (全面|面|推进)."""
    return 0 <= index < len(pieces) and len(pieces[index]) == 1 and pieces[index] not in GRAMMAR


def _after_self_reference(owner: list[int], pieces: list[str], position: int, run: str) -> bool:
    """Is ``run[position]`` a loose character right after a loose 我/本/该/各 (我|部|部署, 各|班|班主任)?"""
    before = position - 1
    return (
        before >= 0
        and run[before] in _SELF_REFERENCE
        and owner[before] != owner[position]
        and len(pieces[owner[before]]) == 1
    )


def _starts_piece(owner: list[int], position: int, char: str, run: str) -> bool:
    """Is ``run[position]`` the character ``char`` and the first of its piece (一|个个, not 进一步)?"""
    if position < 0 or run[position] != char:
        return False
    return position == 0 or owner[position - 1] != owner[position]


# 等等 followed by what sums the list up (等等5项指标, 等等工作): 19 million characters of laws and
# reports never write it so; only punctuation follows 等等 there. Not 等等看, 等等吧 (wait a while).
_ETC_TWICE = re.compile(r"等等(?=[0-9０-９\u4e00-\u9fff])(?![看吧呢啊再])")


def _etc_twice(text: str) -> list[Hit]:
    return [
        Hit(m.start() + 1, m.end(), "", "“等等”后面紧接着总括的数量或名词时应只用一个“等”。", "删去一个“等”。", SOURCE)
        for m in _ETC_TWICE.finditer(text)
    ]


# A measure typed twice after a count (第五次次会议, 三个个项目): only 一 makes a measure doubled
# mean "one after another" (一次次, 一个个), and an ordinal counts one thing, never many.
# Units after a figure likewise (26日日, 62万人人, 100亩亩); not 年 and 月, which begin words of
# their own after a date (2019年|年中, 年度; 月初, 月度) that jieba may not know.
_MEASURE_TWICE = re.compile(
    r"(?:第[一二三四五六七八九十百]+|[二三四五六七八九十两百千0-9]+|[0-9]+(?:\.[0-9]+)?[万亿千百]?)"
    r"(?P<measure>[次个项届件名批条家日天户元亩吨座所人位辆台篇场期轮])(?P=measure)"
)


# Measures that 一 and the measure doubled make "one after another" (一个个, 一户户); the other units
# (日, 元, 亩) are only doubled by a slip.
_ONE_BY_ONE = frozenset("次个项届件名批条家户座所位辆台篇场期轮")


def _measure_said_twice(match: re.Match[str]) -> str:
    measure = match["measure"]
    if measure in _ONE_BY_ONE:
        return f"“{match.group()}”中的量词“{measure}”重复了（只有“一{measure}{measure}”表示逐一）。"
    return f"“{match.group()}”中的“{measure}”重复了。"


def _measure_twice(text: str, lexicon: Lexicon) -> list[Hit]:
    return [
        Hit(m.start("measure") + 1, m.end(), "", _measure_said_twice(m), f"删去一个“{m['measure']}”。", SOURCE)
        for m in _MEASURE_TWICE.finditer(text)
        # 三个个体户, 五项项目, 两名名师: the second begins a word of its own; 户户通: the two begin one
        if not lexicon.frequency(text[m.end() - 1 : m.end() + 1]) and not lexicon.frequency(text[m.end() - 2 : m.end() + 1])
    ]


def _doubled_loose_pairs(run: str, base: int, pieces: list[str]) -> list[Hit]:
    """援|疆|援|疆: two characters typed twice that jieba, knowing no word in them, cut apart;
    real reduplication (研究研究, 一步一步) is of words or of a numeral and its measure."""
    hits = []
    position = 0
    for k, piece in enumerate(pieces):
        four = pieces[k : k + 4]
        if (
            len(four) == 4
            and all(len(p) == 1 for p in four)
            and four[0] == four[2] != four[1] == four[3]
            and four[0] not in _NUMERALS
            and not (four[0] in _DEGREE and k + 4 == len(pieces))
        ):
            pair = four[0] + four[1]
            hits.append(Hit(base + position + 2, base + position + 4, "", f"“{pair}”重复了。", f"删去一个“{pair}”。", SOURCE))
        position += len(piece)
    return hits


_ITEM_EDGES = "、，,；;：“”‘’（）()。！？"
# Items of a repeated pattern are short (喝喝水, 具体抓抓具体); two slips in two clauses of the same
# length (增强工作的规律律性，调动群众的积极极性) are still two slips.
_SHORT_ITEM = 6


def _place_in_item(text: str, hit: Hit) -> tuple[int, int]:
    """Where the doubled pair of ``hit`` stands in its item of a list, and the item's length."""
    first = hit.start - 1 if hit.start > 0 and text[hit.start - 1] == text[hit.start] else hit.start
    start = first
    while start > 0 and text[start - 1] not in _ITEM_EDGES:
        start -= 1
    end = first
    while end < len(text) and text[end] not in _ITEM_EDGES:
        end += 1
    return first - start, end - start


def _not_parallel(text: str, hits: list[Hit]) -> list[Hit]:
    """Leave out doubled characters at the same place in short items of the same length (歇歇脚、
    喝喝水、热热饭; 具体抓抓具体、深入抓抓深入): one pattern repeated, which a slip of the hand never is."""
    places = [_place_in_item(text, hit) for hit in hits]
    return [hit for hit, place in zip(hits, places, strict=True) if place[1] > _SHORT_ITEM or places.count(place) < 2]


# Characters written twice side by side (的的, 制度制度, 援疆援疆): every rule below reads a run only
# where they are, so a run without them is not cut into words at all.
_SOMETHING_TWICE = re.compile(r"(.+?)\1")


# Three characters or more typed again at once (中心组中心组成员, 鼓舞了鼓舞了士气, 总书记总书记): no
# reduplication repeats so long a unit — but 一 and a measure said twice (一个环节一个环节) does.
_LONG_RUN_TWICE = re.compile(r"([\u4e00-\u9fff]{3,8})\1")


def _long_run_twice(text: str, lexicon: Lexicon) -> list[Hit]:
    hits = []
    for run in HAN_RUN.finditer(text):
        matches = list(_LONG_RUN_TWICE.finditer(run.group())) if len(run.group()) <= MAX_RUN else []
        if not matches:
            continue  # the run cut into words only where a long run is typed twice
        starts = frozenset(run.start() + size for size in itertools.accumulate([0, *map(len, lexicon.words(run.group()))]))
        for match in matches:
            unit, at = match.group(1), run.start() + match.start()
            if unit.startswith("一") or at not in starts or len(set(unit)) == 1:
                continue  # 一个环节一个环节; 工会委员会委员: 会委员 twice across the words' edges
            second = at + len(unit)
            hits.append(Hit(second, second + len(unit), "", f"“{unit}”重复了。", f"删去一个“{unit}”。", SOURCE))
    return hits


def find_doubling(text: str, lexicon: Lexicon) -> list[Hit]:
    measures = _measure_twice(text, lexicon)
    hits: list[Hit] = [*_etc_twice(text), *measures, *_long_run_twice(text, lexicon)]
    doubled_characters: list[Hit] = []
    for run in HAN_RUN.finditer(text):
        if not 2 <= len(run.group()) <= MAX_RUN or not _SOMETHING_TWICE.search(run.group()):
            continue
        pieces = lexicon.words(run.group())
        mark = text[run.end() : run.end() + 1]  # 、 after the run: its last word is an item of a list
        hits += _doubled_words(run.group(), run.start(), [*pieces, mark] if mark == "、" else pieces, lexicon)
        after_digit = run.start() > 0 and text[run.start() - 1].isdigit()
        doubled_characters += _doubled_characters(run.group(), run.start(), pieces, lexicon, after_digit, mark == "、")
        hits += _doubled_loose_pairs(run.group(), run.start(), pieces)
    # A measure twice is told once, as a measure (100亩|亩: not also as a doubled character).
    first_measures = {hit.start - 1 for hit in measures}
    doubled_characters = [hit for hit in doubled_characters if hit.start not in first_measures]
    return drop_overlaps(hits + _not_parallel(text, doubled_characters))
