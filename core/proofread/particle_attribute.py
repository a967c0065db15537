"""地/得 → 的: the particle after an attribute before its noun (良好地氛围, 存在得问题,
提供了坚强地组织保障, “生命至上”地理念); rules of :mod:`core.proofread.particles`."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from core.proofread import data, official_counts
from core.proofread.hits import HAN_RUN, Hit
from core.proofread.lexicon import Lexicon
from core.proofread.loose_pairs import GRAMMAR
from core.proofread.particle_words import (
    ASPECT,
    BOUND_TO_WORD,
    CLAUSE,
    DEGREE_PREFIXES,
    DOCUMENT_KINDS,
    EFFECT_HEADS,
    LIGHT_VERBS,
    PRONOUNS,
    SOURCE,
    adjectives_after_predicate_word,
    attribute_de,
    is_adverbial,
    is_complement,
    never_written_before_di,
    noun_not_verb,
    noun_phrase_to_end,
    piece_offsets,
    place_di,
    predicate_follows,
    preposition_before,
    reduplicated,
    starts_di_word,
    takes_aspect,
    verb_like,
    verbs_sharing_an_object,
)

# 得 right before a number, after a character it makes no word with (获得, 取得, 值得 are words):
# a complement never begins with a number, so it is 的 (下达得2025年目标, 是2015年得1.4倍); 17
# million characters of laws and 1.4 million of reports never write it. Digits only: a Chinese
# numeral begins words after a complement's 得 (组织得十分周密). 地 likewise before a share (为调整
# 预算地98.4%) or a year (刚刚过去地2022年): the noun 地 (land) is counted in 亩 or 平方米, never in
# per cent, and a year is a noun no adverbial's 地 stands before; nor a count of things (文件地4大板块)
# — 基地3个, 各地5家 are words of 地 the place, their count after them. A count in Chinese numerals
# too (这小小地十几亩土地), but not 一 alone nor a measure doubled (一个个, 一件件: an adverbial of
# its own, 扎实地一件件办好).
# Not before a figure that begins a term (嘉得5G: 5G is no number, 得 is part of a name).
_DE_BEFORE_NUMBER = re.compile(
    r"(?<=[\u4e00-\u9fff”])(?:得(?=[0-9０-９]+(?![0-9０-９]*[A-Za-zＡ-Ｚａ-ｚ]))|地(?=[0-9０-９][0-9０-９.．]*[%％]|[12１２][0-9０-９]{3}年"
    r"|[0-9０-９]+(?:大|个|项|条|类|种|批|件|位|名|家|所|方面)"
    r"|(?:[二三四五六七八九十两几][十百千万几余多]*|一[十百千万][几余多]*)(?:亩|个|项|条|类|种|批|位|名|家|所|户|座|处)(?![亩个项条类种批位名家所户座处])))"
)


_NUMBER_AFTER = re.compile(r"[0-9０-９.．%％]+")
# Verbs of winning that take 得 before what they won, counted (摘得2金2银, 夺得3枚): words, though
# jieba's counts hold 摘得 28 times only (获得, 取得, 赢得 are common words there).
_WINNING = frozenset("摘夺")


def de_before_number(text: str, lexicon: Lexicon) -> Iterator[Hit]:
    for match in _DE_BEFORE_NUMBER.finditer(text):
        at = match.start()
        if lexicon.frequency(text[at - 1 : at + 1]) >= BOUND_TO_WORD or text[at - 1] in _WINNING:
            continue  # 获得, 取得; 摘得2金: what is won is counted
        if match.group() == "地" and at >= 2 and (lexicon.frequency(text[at - 2 : at + 1]) or text[at - 2 : at] in data.wordlists()["place_words"]):
            continue  # 饮用水保护地4家养殖户, 所在地3个: a place, counted after (no adverbial is a word with 地)
        number = _NUMBER_AFTER.match(text, at + 1)
        begin = at - 2 if at >= 2 and HAN_RUN.fullmatch(text[at - 2 : at]) else at - 1
        shown = text[begin : number.end() if number else at + 1]
        yield Hit(
            at,
            at + 1,
            "的",
            f"“{shown}”中“{match.group()}”后面紧跟数量，应为“的”。",
            "改为“的”。",
            SOURCE,
        )


# 得 before 是 (就是, 便是, 正是), after a word it makes no word with (获得, 值得, 算得 are words): a
# complement never begins with 是, so the words before are a 的 phrase that 是 says what it is
# (最直观得就是 → 最直观的就是); the reports and laws we hold never write it.
_DE_BEFORE_SHI = re.compile(r"(?<=[\u4e00-\u9fff])得(?=((?:就|便|正)?是))")


def de_before_shi(text: str, lexicon: Lexicon) -> Iterator[Hit]:
    for match in _DE_BEFORE_SHI.finditer(text):
        at = match.start()
        if lexicon.frequency(text[at - 1 : at + 1]) >= BOUND_TO_WORD or text[at - 1] == "算":
            continue  # 获得是, 算得是: the verb's own 得
        begin = at - 2 if at >= 2 and HAN_RUN.fullmatch(text[at - 2 : at]) else at - 1
        shown = text[begin : at + 1] + match.group(1)
        yield Hit(
            at,
            at + 1,
            "的",
            f"“{shown}”中“得”应为“的”：“{text[begin:at]}的”是名词性的“的”字结构，后面接“是”，不是补语。",
            "改为“的”。",
            SOURCE,
        )


def _noun_before_noun(pieces: list[str], at: int, lists: dict[str, frozenset[str]], lexicon: Lexicon) -> bool:
    """Is ``pieces[at]`` a word that is neither verb nor adjective, before a noun that is no verb
    (坚实得|自然资源|根基): the two are one noun phrase, whatever jieba's tag of the first."""
    word = pieces[at]
    return (
        at + 1 < len(pieces)
        and len(word) >= 2
        and lexicon.frequency(word) > 0
        and not verb_like(word, lexicon)
        and word not in lexicon.adjectives
        and word not in lists["adjectives"] | lists["adverbials"] | lists["degree"]
        and pieces[at + 1] in lexicon.nouns
        and noun_not_verb(pieces, at + 1, lists, lexicon)
    )


# Words that open an object (这两个声明, 该项目): the word before them is a verb.
_DEMONSTRATIVES = frozenset({"这", "那", "该", "其", "这些", "那些", "这个", "那个", "这一", "此"})
# Prepositions a verb takes into itself (致力于, 投向, 落实到): such a word before its object is a verb.
_VERB_PREPOSITIONS = ("于", "到", "给", "往", "向")
# Nouns that end in 向 (方向, 导向): 正确地方向 is an attribute's 地 before a noun.
_NOUNS_IN_XIANG = frozenset({"方向", "导向", "取向", "动向", "意向", "志向", "去向", "倾向", "风向", "走向"})
# Results a verb takes (解决好, 抓实, 看到): the two are a predicate, never a noun.
_VERB_RESULTS = frozenset({"好", "实", "到", "完", "住", "牢", "紧", "成"})


def _verb_with_its_preposition(pieces: list[str], at: int, lexicon: Lexicon) -> bool:
    """Is ``pieces[at]`` a verb ending in the preposition it takes (致力于, 投向), its object after it?"""
    word = pieces[at]
    if len(word) < 2 or not word.endswith(_VERB_PREPOSITIONS) or word in _NOUNS_IN_XIANG:
        return False
    return word.endswith("于") or (at + 1 < len(pieces) and pieces[at + 1] in lexicon.nouns)


def di_to_de(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """地 or 得 → 的: an adjective + 地 + a noun that is no verb (重要地作用, 有效地机制, 良好地氛围,
    热烈地掌声): an attribute before a noun takes 的. An adjective is one of our list or one jieba
    tags so (热烈, 完整). So does one + 得 + such a noun (热烈得掌声): a complement is no noun."""
    lists = data.wordlists()
    position = 0
    for i, piece in enumerate(pieces):
        start = position
        position += len(piece)
        if piece not in ("地", "得") or i == 0 or i + 1 >= len(pieces):
            continue
        x, noun = pieces[i - 1], pieces[i + 1]
        bare = x
        if len(x) == 1 and i >= 2 and pieces[i - 2] in lists["degree"]:
            x = pieces[i - 2] + x  # 较|好, 很|强 cut apart: the adjective with its degree word (较好)
        # A degree word before one character makes an adjective of it (很|强, 较|好); before a word
        # jieba tags a noun, it is one used as an adjective (最|现实|地|利益: 现实 n).
        graded = i >= 2 and pieces[i - 2] in lists["degree"]
        adjective = x in lists["adjectives"] or x in lexicon.adjectives or x != bare or graded
        # After 是, X地 + a noun is what the subject is (都是了不起地奋斗者): X qualifies the noun.
        after_copula = i >= 2 and pieces[i - 2] == "是" and HAN_RUN.fullmatch(x) is not None
        # An idiom of four characters qualifies a noun as often as a verb (求真务实的作风, 求真务实地工作).
        idiom = len(x) == 4 and x in lexicon.idioms
        if len(x) < 2 or not (is_adverbial(x, lists["adverbials"]) or adjective or after_copula or idiom):
            continue
        year_ending = noun in _TIME_HEADS and i + 2 == len(pieces)  # 十分繁重地一年: the clause's noun
        # 高产高效地高标准农田: a compound noun jieba tags nothing, whose first two characters are no
        # word of their own (面向|社会: 面向 a verb, whatever jieba's tag)
        compound = (
            _noun_compound(noun, lexicon)
            and not verb_like(noun, lexicon)
            and not (noun[:2] in lexicon.nouns and lexicon.frequency(noun[:2]) >= BOUND_TO_WORD)
            and pieces[i + 2 : i + 3] != ["的"]
        )
        # 求真务实地工作|作风，: a verb used as a noun before a compound's head, the two ending the clause
        # or its item, are one noun (工作作风), which no adverbial qualifies.
        ends = i + 3 >= len(pieces) or pieces[i + 3] in "，。；、"
        headed = (noun in lexicon.nominal_verbs and pieces[i + 2 : i + 3] != [] and pieces[i + 2] in lists["compound_heads"] and ends) or (
            len(noun) == 4 and noun[:2] in lexicon.nominal_verbs and noun[2:] in lists["compound_heads"] and (i + 2 == len(pieces) or pieces[i + 2] in "，。；、")
        )
        if not (year_ending or compound or headed or noun_not_verb(pieces, i + 1, lists, lexicon) or _noun_before_noun(pieces, i + 1, lists, lexicon)):
            continue
        if noun in lists["adverbials"] and i + 2 < len(pieces) and verb_like(pieces[i + 2], lexicon):
            continue  # 坚定不移地全面推进改革: a second adverbial (jieba tags 全面 a noun), then the verb
        if i + 2 < len(pieces) and pieces[i + 2] in _DEMONSTRATIVES:
            continue  # 始终不渝地信守这两个声明: what takes 这 as its object's start is a verb, whatever its tag
        if _verb_with_its_preposition(pieces, i + 1, lexicon):
            continue  # 一如既往地致力于, 更多地投向农业农村: a verb and its preposition, whatever jieba's tag
        yield Hit(
            base + start,
            base + start + 1,
            "的",
            f"“{x}{piece}{noun}”中“{piece}”应为“的”：名词前的定语后面用“的”。",
            f"改为“{x}的{noun}”。",
            SOURCE,
        )


# Official text writes a noun before 地 this often where 地 is 地方, the locality (军地, 兵地, 央地:
# 99, 40, 35 times), or a place (先行地, 10): then no particle.
_NOUN_BEFORE_DI = 10
# A character official text writes before 的 this often is a noun that qualifies (党 632 times).
_BEFORE_DE = 100


# Words that end a phrase of place or of time (国企中, 一年来): a 地 after one never says how
# something is done; the phrase qualifies the noun after it (国企中的贪污, 一年来的工作).
_PLACE_OR_TIME_ENDS = frozenset({"中", "内", "外", "里", "之中", "之间", "期间", "以来", "年来", "来"})
# How words of a span of place or time end that jieba keeps whole (职责范围内, 五年以来, 疫情期间).
_SPAN_WORD_ENDS = ("范围内", "区域内", "辖区内", "以来", "期间")
# The units of a date written in digits (2020年, 6月, 15日).
_DATE_UNITS = frozenset({"年", "月", "日", "年度"})
# Prepositions that take a noun phrase as verbs do (通过数字的对比, 对问题的研究).
_NOUN_TAKING_PREPOSITIONS = frozenset({"通过", "对", "对于", "关于", "随着", "经过"})
# What may follow a verb heading a noun phrase: the clause's end, or a joiner to the next item.
_NOUN_PHRASE_JOINERS = frozenset({"和", "与", "及", "、"})
# Prepositions of manner that make the noun after them an adverbial (按比例地, 依法地).
_MANNER_PREPOSITIONS = frozenset({"按", "依", "照", "凭", "以", "按照", "依照"})
# Words before a noun that make the two a measure of how (分阶段地, 跨部门地, 不同程度地, 全流程地,
# 成体系地): the noun then says how a thing is done, and its 地 is an adverbial's.
_EXTENT_BEFORE_NOUN = frozenset(
    {"分", "跨", "全", "多", "成", "整", "逐", "按", "超", "宽", "大", "小", "高", "深", "零", "有", "无", "一", "点", "面", "手"}
    | {"不同", "一定", "最大", "更大", "较大", "很大", "相当", "各种", "多种", "一种"}
)


# Nouns that say how a thing is done before 地 though official text hardly writes them so (机械地照搬,
# 历史地看, 专业地开展服务).
_NOUNS_OF_MANNER = frozenset({"机械", "历史", "战略", "专业", "艺术", "本能", "辩证", "系统", "科学", "民主", "集体", "整体", "局部", "部分", "个别", "原则", "能动", "动态", "实时"})


def _says_extent(pieces: list[str], at: int, lists: dict[str, frozenset[str]]) -> bool:
    """Does a word of extent stand before the noun at pieces[at] (分|阶段, 不同|程度), or the two make
    a manner attribute or an adverbial of our lists (全|方位)?"""
    if at == 0:
        return False
    before = pieces[at - 1]
    joined = before + pieces[at]
    return before in _EXTENT_BEFORE_NOUN or before in lists["degree"] or joined in lists["manner_attributes"] or joined in lists["adverbials"]


# Words of time and persons no adverbial's 地 follows (今后地路程, 我们地目标).
_TIMES_AND_PERSONS = frozenset(
    {"今后", "今年", "明年", "去年", "当年", "往年", "近年", "以往", "过去", "未来", "当前", "目前", "我们", "他们", "大家", "自身", "自己", "各自", "彼此"}
)


def _named_thing(word: str, lexicon: Lexicon, lists: dict[str, frozenset[str]]) -> bool:
    """Is ``word`` a thing named, a plain noun or a name jieba tags (祝福, 满意度 are tagged names), and no
    verb or adjective?"""
    return _plain_noun(word, lexicon, lists) or (
        len(word) >= 2 and word in lexicon.names and not verb_like(word, lexicon) and word not in lexicon.adjectives
    )


def di_after_noun(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """地 → 的 after a noun or a phrase of place or time: an adverbial's 地 never follows one, and
    what qualifies a noun takes 的 —

    * between two nouns (干部职工地法治意识, 党地领导);
    * after a phrase of place or time (发生在国企中地贪污, 一年来地工作: 年来 after a count of years);
    * after a noun a verb or a preposition governs, before a verb heading the object (强化职能作用地
      发挥，通过数字地对比、), or before two verbs that are one noun phrase (实现经济社会地协调发展) —
      not a noun official text puts before 地 as an adverbial (历史地, 系统地)."""
    table = official_counts.counts()
    if table is None:
        return
    lists = data.wordlists()
    offsets = piece_offsets(pieces)
    for i in range(1, len(pieces) - 1):
        x = pieces[i - 1]
        if pieces[i] != "地":
            continue
        if x in _DATE_UNITS and i >= 2 and pieces[i - 2].isdigit() and not starts_di_word(clause, offsets[i]):
            # 2020年地工作: a date is a noun, and what it qualifies takes 的
            yield attribute_de(base + offsets[i], pieces[i - 2] + x, "地", pieces[i + 1])
            continue
        if (x in _PLACE_OR_TIME_ENDS and (x != "来" or (i >= 2 and pieces[i - 2].endswith(("年", "月", "天"))))) or (
            len(x) >= 3 and x.endswith(_SPAN_WORD_ENDS)
        ):
            if x not in ("中", "内", "外", "里") or (i >= 2 and len(pieces[i - 2]) >= 2):  # not 暗中, 心里
                yield attribute_de(base + offsets[i], pieces[i - 2] + x if i >= 2 else x, "地", pieces[i + 1])
            continue
        if (x in _TIMES_AND_PERSONS or (x == "们" and i >= 2 and len(pieces[i - 2]) >= 2)) and _named_thing(pieces[i + 1], lexicon, lists):
            # 今后地路程, 代表们地投票: after a time or persons 地 says no how, and a thing
            # named after it is what they qualify
            yield attribute_de(base + offsets[i], pieces[i - 2] + x if x == "们" else x, "地", pieces[i + 1])
            continue
        shown = x
        if len(x) >= 4 and (x not in lexicon.nouns or not (table.pair(x, "的") or table.pair(x, "地"))):
            x = _counted_head(x, lexicon)  # 经济指标, 党和政府: a compound no noun the counts know, judged by its head
        if not (x in lexicon.nouns or _noun_compound(x, lexicon) or (len(x) == 1 and table.pair(x, "的") >= _BEFORE_DE)):
            continue
        if verb_like(x, lexicon) or x in lexicon.adjectives or x in lists["adjectives"] | lists["adverbials"] | lists["degree"]:
            continue
        if table.pair(x, "地") >= _NOUN_BEFORE_DI and not _noun_never_before_di(x, table, lexicon, lists):
            continue  # 军地, 兵地: 地 the locality
        # 到 a verb's complement (感受|到|党和政府地关爱), no preposition of place before a place's 地.
        reached = i >= 3 and pieces[i - 2] == "到" and pieces[i - 3] in lexicon.verbs
        if place_di(pieces, i, clause, offsets, lists) and not reached:
            continue
        manner = i >= 2 and pieces[i - 2] in _MANNER_PREPOSITIONS  # 按|比例|地|协调发展: an adverbial
        if (
            not manner
            and _noun_never_before_di(x, table, lexicon, lists)
            and x not in _NOUNS_OF_MANNER
            and not _says_extent(pieces, i - 1, lists)
            and not _noun_ending_in_di(x, lexicon, lists)
            and not _loose_character_after(pieces, i, lexicon)
        ):
            # 困难职工地生活保障, 省委地坚强领导, 法律法规地实施: a plain noun official text writes
            # before 的 again and again and never before 地 says nothing of how, whatever follows.
            yield attribute_de(base + offsets[i], shown, "地", pieces[i + 1])
            continue
        if not noun_not_verb(pieces, i + 1, lists, lexicon) and (
            manner
            or not (
                _object_of_development(pieces, i, table, lexicon)
                or _heads_governed_object(pieces, i, lexicon, farther=_noun_never_before_di(x, table, lexicon, lists))
            )
        ):
            continue
        two_verbs = (
            i + 3 == len(pieces) and pieces[i + 2] in lexicon.verbs and pieces[i + 2] not in lists["verbs_of_giving_or_getting"]
        )
        yield attribute_de(base + offsets[i], shown, "地", "".join(pieces[i + 1 :]) if two_verbs else pieces[i + 1])


def _loose_character_after(pieces: list[str], at: int, lexicon: Lexicon) -> bool:
    """Is the piece after the 地 at ``at`` one character that is no noun (公园|地|掷|球场: 地掷球, a
    sport)? No attribute's noun stands there: 地 begins a word jieba could not cut."""
    following = pieces[at + 1]
    return len(following) == 1 and HAN_RUN.fullmatch(following) is not None and following not in lexicon.nouns


def _heads_governed_object(pieces: list[str], at: int, lexicon: Lexicon, farther: bool = False) -> bool:
    """Does the verb after 地 (pieces[at]) head the object of a verb or a preposition before the
    noun — the clause's end or the first of items after it (强化|职能作用|地|发挥, 通过|数字|地|对比|、)?
    ``farther``: the noun takes no adverbial's 地 at all, so its attributes may stand between it and
    the verb (助推了|县委|重大|决策|地|实施)."""
    if pieces[at + 1] not in lexicon.verbs:
        return False
    distance = _GOVERNED_REACH + (_ATTRIBUTES_BETWEEN if farther else 0)
    reach = pieces[max(0, at - 1 - distance) : at - 1]
    giving = data.wordlists()["verbs_of_giving_or_getting"]
    if "为" in reach and any(p in giving or p[:2] in giving for p in pieces[at + 2 :]):
        return True  # 为|物质文明|地|发展|提供…: 为 takes the noun phrase a verb of giving follows
    if at + 2 < len(pieces) and pieces[at + 2] not in _NOUN_PHRASE_JOINERS:
        return False
    return _governing_verb(pieces, at - 1, data.wordlists()["modals"], lexicon, distance) or any(
        word in _NOUN_TAKING_PREPOSITIONS for word in reach
    )


# Pieces of attributes (县委|重大) that may stand between a governing verb and a noun never written
# before 地.
_ATTRIBUTES_BETWEEN = 2


# Two verbs official text writes side by side this often are one noun phrase (协调 发展).
_VERB_COMPOUND = 50


def _object_of_development(pieces: list[str], at: int, table: official_counts.ContextCounts, lexicon: Lexicon) -> bool:
    """After a verb that governs the noun before 地 (实现|经济社会|地|协调|发展), two verbs that
    official text writes as one phrase end the clause: they are the object's head, a noun
    phrase, and the noun before them qualifies it — no adverbial (历史地看 has no verb before it)."""
    if at + 3 != len(pieces) or not _governing_verb(pieces, at - 1, data.wordlists()["modals"], lexicon):
        return False
    first, second = pieces[at + 1], pieces[at + 2]
    return first in lexicon.verbs and second in lexicon.verbs and table.pair(first, second) >= _VERB_COMPOUND


# An adjective and a noun official text writes side by side this often make a noun phrase.
_WRITTEN_PHRASE = 3


def _adjective_then_noun_to_end(pieces: list[str], at: int, lists: dict[str, frozenset[str]], lexicon: Lexicon) -> bool:
    """Do an adjective and a noun end the clause from pieces[at] (摆在政府建设得|重要|位置), a
    phrase official text writes (重要位置 21 times)? A complement of 得 is no noun phrase."""
    table = official_counts.counts()
    if table is None or at + 2 != len(pieces):
        return False
    adjective, noun = pieces[at], pieces[at + 1]
    return (
        (adjective in lexicon.adjectives or adjective in lists["adjectives"])
        and noun not in _COMPARATIVE_TAILS  # 估计得严峻|一些: a complement of degree
        and not takes_aspect(noun)  # a noun: never before 了 (jieba tags 位置 a verb)
        and noun not in lexicon.adjectives
        and table.pair(adjective, noun) >= _WRITTEN_PHRASE
    )


# Localizers closing a place phrase (建设中, 会议上) that qualifies the noun after it.
_LOCALIZERS = frozenset({"中", "上", "里", "内"})


# Words that only ever qualify a noun, as a quantity (大量工作, 一系列举措): no complement.
_QUANTITIES = frozenset({"大量", "大批", "一大批", "诸多", "一系列", "许多", "许许多多", "种种", "各项", "各种", "大批量"})


def _quantity_before_noun(pieces: list[str], at: int, lexicon: Lexicon) -> bool:
    return (
        pieces[at] in _QUANTITIES
        and at + 1 < len(pieces)
        and (pieces[at + 1] in lexicon.nouns or pieces[at + 1] in lexicon.nominal_verbs)
    )


def de_before_noun(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """得 → 的 between a verb or an adjective and a noun that is no verb (存在得问题, 功能齐全得
    基地, 推进改革开放得任务): a complement after 得 is never a noun, so the noun is what the
    words before qualify. Not after a noun or a pronoun, where 得 is the verb "to get" (群众得实惠)."""
    lists = data.wordlists()
    offsets = piece_offsets(pieces)
    for i in range(1, len(pieces) - 1):
        if pieces[i] != "得":
            continue
        x = pieces[i - 1]
        if x in _LOCALIZERS and i >= 2 and len(pieces[i - 2]) >= 2 and _adjective_then_noun_to_end(pieces, i + 1, lists, lexicon):
            # 法治政府建设中得重大问题: a place phrase qualifies the noun as a verb would
            yield attribute_de(base + offsets[i], pieces[i - 2] + x, "得", "".join(pieces[i + 1 :]))
            continue
        qualifies = x in lexicon.verbs or x in lexicon.adjectives or x in lists["adjectives"] or verb_like(x, lexicon)
        if x in lexicon.verbs and _quantity_before_noun(pieces, i + 1, lexicon):
            # 做得大量工作: 大量 only ever qualifies a noun, so no complement follows 得
            yield attribute_de(base + offsets[i], x, "得", "".join(pieces[i + 1 : i + 3]))
            continue
        if len(x) < 2 or not (qualifies or x in lexicon.idioms) or x in lexicon.nouns or x in PRONOUNS:
            continue
        if _adjective_then_noun_to_end(pieces, i + 1, lists, lexicon):
            yield attribute_de(base + offsets[i], x, "得", "".join(pieces[i + 1 :]))
            continue
        if not noun_not_verb(pieces, i + 1, lists, lexicon) or pieces[i + 1] in lexicon.adjectives:
            continue
        start = base + offsets[i]
        yield Hit(
            start,
            start + 1,
            "的",
            f"“{x}得{pieces[i + 1]}”中“得”应为“的”：“得”后面的补语不会是名词，名词前的定语后面用“的”。",
            f"改为“{x}的{pieces[i + 1]}”。",
            SOURCE,
        )


# How many pieces of attributes may stand between a verb and the X of "X地 + noun" it governs.
_GOVERNED_REACH = 3
# Degree words before X, which leave open whether X qualifies a verb or a noun.
_DEGREE_OF_ATTRIBUTE = frozenset({"更加", "更", "更为", "十分", "非常", "很", "最", "较为", "比较", "越来越"})


def _governing_verb(pieces: list[str], x_index: int, modals: frozenset[str], lexicon: Lexicon, reach: int = _GOVERNED_REACH) -> bool:
    """Does a verb of two characters or more govern X (pieces[x_index]) from at most
    _GOVERNED_REACH pieces before it (提供了|坚强, 营造|干事|创业)? A modal on the way means X
    is an adverbial of the verb after it (要认真地落实), not part of an object."""
    for k in range(x_index - 1, max(-1, x_index - 1 - reach), -1):
        word = pieces[k]
        if word == "了" or word in _DEGREE_OF_ATTRIBUTE:
            continue  # 落实更加积极地就业政策: a degree word qualifies X, whatever X then qualifies
        if k == x_index - 1 and word in _MAKES_AN_ADJECTIVE:
            continue  # 具有不可|替代|地作用: 不可替代 says what kind, no modal before a verb
        if word in modals or word == "、":
            return False
        if len(word) >= 2 and word in lexicon.verbs:
            return True
    return False


# Before a verb, these make one adjective of it (不可替代, 无可比拟, 难以估量).
_MAKES_AN_ADJECTIVE = frozenset({"不可", "无可", "难以"})


def di_to_de_in_object(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """地 or 得 → 的 in the object of a verb: a verb + X + 地 + a noun phrase to the clause's end
    (提供了坚强地组织保障, 营造良好地思想舆论环境, 提供舒适得办事环境): what follows is no verb
    the 地 could qualify, so X qualifies the noun, and an attribute takes 的."""
    lists = data.wordlists()
    offsets = piece_offsets(pieces)
    for i, piece in enumerate(pieces):
        if piece not in ("地", "得") or i < 2 or i + 1 >= len(pieces):
            continue
        if len(pieces[i - 1]) < 2 and not _loose_adjective(pieces[i - 1], piece, lexicon, lists):
            continue  # one character: only an adjective that makes no word with 地 (前景好|地)
        if piece == "得" and (pieces[i - 1] in PRONOUNS or pieces[i - 1] in _SUBJECTS_OF_MUST):
            continue  # 我认为一切得从头开始: 得 děi "must" after its subject
        if _complement_of_ba(pieces, i, lexicon):
            continue  # 把走廊装点得新颖别致: the verb 把 took the object of, and its complement
        if lexicon.frequency(pieces[i - 1][-1] + piece) >= BOUND_TO_WORD:
            continue  # 留用|地, 用地: the character is part of a noun (land), no particle
        if piece == "地" and pieces[i - 1] in lexicon.verbs and pieces[i - 1] not in lists["adjectives"] and pieces[i + 1] not in EFFECT_HEADS:
            continue  # 首倡|地, 消费|地: the place where something is done, a noun (not before 作用: 监督组织地作用)
        if piece == "地" and pieces[i - 1][0] == "天":
            continue  # 天蓝|地|绿: 天 and 地 of a four-character pattern
        if not _governing_verb(pieces, i - 1, lists["modals"], lexicon):
            continue
        if piece == "地" and place_di(pieces, i, clause, offsets, lists):
            continue
        if not noun_phrase_to_end(pieces[i + 1 :], lists, lexicon) or predicate_follows(pieces[i + 1 :]):
            continue
        if i + 2 < len(pieces) and pieces[i + 1] in lexicon.verbs and pieces[i + 2] in _VERB_RESULTS:
            continue  # 认真地解决好这些问题: a verb with its result is a predicate, never a noun
        if piece == "地" and _verb_and_its_object(pieces, i + 1, lexicon):
            continue  # 实事求是地总结2008年的工作: the verb takes an object of its own
        if piece == "地" and _two_verbs_as_one(pieces[i + 1], lexicon):
            continue  # 响鼓重锤地抓紧抓好: two verbs jieba keeps as one piece, a predicate
        yield attribute_de(base + offsets[i], pieces[i - 1], piece, "".join(pieces[i + 1 :]))


# Words that are a clause's subject, after which 得 is děi, "must" (一切得从头开始).
_SUBJECTS_OF_MUST = frozenset({"一切", "凡事", "事事", "这事", "此事"})


# What ends a complement of degree after 得 (估计得严峻一些, 做得更好一点).
_COMPARATIVE_TAILS = frozenset({"一些", "一点", "一点儿", "许多", "多了"})


# A four-character phrase before 地: one piece of four or more characters, or two of two.
_PHRASE_CHARACTERS = 4


def _phrase_before(pieces: list[str], i: int, lexicon: Lexicon) -> str:
    """The four-character phrase that ends right before pieces[i] ("实干|争先", "令人满意",
    "极|不平凡"), else "". Not a phrase ending in a word of one character (扛|牢|首倡: 首倡地,
    the place)."""
    last = pieces[i - 1]
    if len(last) >= _PHRASE_CHARACTERS:
        return last
    for back in (2, 3):  # 极|不平凡, 极|不|平凡
        words = pieces[i - back : i] if i >= back else []
        if words and words[0] in DEGREE_PREFIXES and len("".join(words)) == _PHRASE_CHARACTERS:
            return "".join(words)
    if i >= 2 and len(last) == 2 and len(pieces[i - 2]) == 2:
        return pieces[i - 2] + last
    if i >= 3 and len(last) == 2 and pieces[i - 2] == "、" and len(pieces[i - 3]) >= 2:
        return pieces[i - 3] + "、" + last  # 洁净美满、祥和: the last of attributes listed
    for back in (3, 4):  # 凝|心|聚|力: a set phrase of the dictionary that jieba cut loose
        words = pieces[i - back : i] if i >= back else []
        joined = "".join(words)
        if len(joined) == _PHRASE_CHARACTERS and lexicon.frequency(joined):
            return joined
    return ""


def _complement_of_ba(pieces: list[str], i: int, lexicon: Lexicon) -> bool:
    """Is the 得 at pieces[i] after the verb that 把 or 将 put its object before (把走廊装点得新颖别致)?
    That verb's 得 opens a complement, whatever jieba tags the verb (装点 n) or the words after it."""
    if pieces[i] != "得" or pieces[i - 1] in lexicon.adjectives or not any(p in ("把", "将") for p in pieces[: i - 1]):
        return False
    # No verb after it to the clause's end: else 得 stands in 把's object (把工作得重点放在……: 的).
    rest = itertools.takewhile(lambda p: p not in "，。；：、！？", pieces[i + 1 :])
    return not any(p in lexicon.verbs and p not in lexicon.adjectives for p in rest)


def di_to_de_after_phrase(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """地 or 得 → 的 after a four-character phrase when a noun phrase that holds no verb ends the
    clause (迈出了转型升级地有力步伐, 保持实干争先地姿态, 极为难忘得一年): an adverbial's 地 needs
    a verb after it and a complement's 得 a predicate; with neither, the phrase is an attribute,
    and an attribute takes 的. The noun may be no word that also serves as a verb (兢兢业业地工作)
    or an adjective (坚持不懈地努力)."""
    lists = data.wordlists()
    offsets = piece_offsets(pieces)
    for i, piece in enumerate(pieces):
        if piece not in ("地", "得") or i == 0 or i + 1 >= len(pieces):
            continue
        phrase = _phrase_before(pieces, i, lexicon)
        if (piece == "地" and place_di(pieces, i, clause, offsets, lists)) or _complement_of_ba(pieces, i, lexicon):
            continue
        bound = len(pieces[i - 1]) < _PHRASE_CHARACTERS and lexicon.frequency(pieces[i - 1][-1] + piece) >= BOUND_TO_WORD
        if not phrase or lexicon.frequency(pieces[i - 1] + piece) or bound:
            continue  # 所在地, 留用|地: the character is part of a noun (land, place); not 蒸蒸日上|地
        if phrase.endswith(tuple(lists["degree_nouns"])) or is_adverbial(pieces[i - 1], lists["adverbials"]):
            continue  # 最大限度地, 坚定不移地: an adverbial, whatever the word after it is tagged
        rest = pieces[i + 1 :]
        if rest[-2:] == ["之", "年"]:
            rest = [*rest[:-2], "之年"]  # 开局|之|年: one head, the year of
        if "的" in rest or any(p in lexicon.verbs or p[:2] in lexicon.verbs for p in rest):
            continue  # a verb (节约资源 kept whole), or 天蓝地绿水秀的家园: its noun further on
        if not noun_phrase_to_end(rest, lists, lexicon) or (piece == "得" and rest[-1] in _COMPARATIVE_TAILS):
            continue  # 把形势估计得严峻一些: a complement of degree, not a noun
        if predicate_follows(rest):
            continue
        yield attribute_de(base + offsets[i], phrase, piece, "".join(rest))


# Heads of a noun phrase that ends a clause (负重前行的一年, 开局之年): with the compound heads.
_TIME_HEADS = frozenset({"一年", "之年", "时期", "阶段", "时刻", "年份"})


def di_to_de_before_head(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """地 → 的 after any word that is no adverbial, when no verb follows 地 and a noun head ends
    the clause (上下贯通、左右联动地战时指挥体系, 贯彻党的二十大精神地开局之年): an
    adverbial's 地 stands right before its verb; before a noun phrase it is an attribute's 的."""
    lists = data.wordlists()
    heads = lists["compound_heads"] | _TIME_HEADS
    offsets = piece_offsets(pieces)
    for i, piece in enumerate(pieces):
        if piece != "地" or i == 0 or i + 2 > len(pieces):
            continue
        x, rest = pieces[i - 1], pieces[i + 1 :]
        if x in lists["adjectives"] or x in lists["degree_nouns"] or x in GRAMMAR:
            continue
        if len(x) < 2 and not (x in _CLASS_SUFFIXES and i >= 2 and HAN_RUN.fullmatch(pieces[i - 2])):
            continue  # 央|地|合作, 兵|地|融合: 地 is the locality, one of a pair of parties (not 百亿|级|地)
        if (lexicon.frequency(x[-1] + piece) >= BOUND_TO_WORD and not never_written_before_di(x)) or place_di(
            pieces, i, clause, offsets, lists
        ):
            continue
        # A noun phrase follows: its first word no verb, or a verb used as a noun before the
        # phrase's head (…公开地|工作|要求: 工作要求). After an adverbial only the first. A long
        # noun that starts with a verb's characters (制造业, 突出成绩) is a noun.
        noun_first = _plain_noun(rest[0], lexicon, lists) or (
            rest[0] in lexicon.nouns and (rest[0][:2] in lexicon.adjectives or rest[0][:2] in lists["adjectives"])  # 突出|成绩, not 解决|问题
        )
        verb_first = rest[0] in lexicon.verbs or (rest[0][:2] in lexicon.verbs and not noun_first)
        nominal_first = len(rest) == 2 and rest[0] in lexicon.nominal_verbs and not is_adverbial(x, lists["adverbials"])
        if (verb_first and not nominal_first) or len(rest[0]) < 2:
            continue
        if rest[0] in lists["adverbials"] and rest[1:2] and rest[1] in lexicon.verbs and rest[1] not in lexicon.nominal_verbs:
            continue  # 有条不紊地|扎实|开展|防汛|准备|工作: a second adverbial, then its verb and object
        if any(p in ("的", "了", "着", "过", "、", "和", "与", "及") for p in rest):
            continue
        head = rest[-1] if len(rest[-1]) >= 2 else "".join(rest[-2:])
        # Nouns only to the clause's end (地|制造业|企业): no verb for an adverbial's 地 to stand before.
        only_nouns = len(rest) >= 2 and all(_plain_noun(p, lexicon, lists) for p in rest)
        if not any(head.endswith(h) for h in heads) and not only_nouns:
            continue
        yield attribute_de(base + offsets[i], pieces[i - 2] + x if len(x) == 1 else x, piece, "".join(rest))


# One-character suffixes that end a phrase naming a class or a size (百亿级, 创新型): what follows is
# the noun it qualifies.
_CLASS_SUFFIXES = frozenset("级型类式")


# 地/得 → 的 by counts: the text with 的 must be this much more probable (e^5 ≈ 150 times), and
# official text must write 的 beside the word before or after this often. On the planted sets,
# 5 against 4 lost no slip found and dropped a false alarm on 300,000 characters of local reports.
_COUNTED_GAIN = 5.0


_PERCENT = frozenset({"%", "％"})


_COUNTED_EVIDENCE = 10


def _noun_ending_in_di(before: str, lexicon: Lexicon, lists: dict[str, frozenset[str]]) -> bool:
    """Does 地 make a noun with the last character before it (山林|地 of 林地, 基地), rather than
    follow an adjective (强大地, 最大地: 大地 is a word too)?"""
    if before in lists["adjectives"] or before[0] in DEGREE_PREFIXES or never_written_before_di(before):
        return False  # 环境|地, 平台|地: official text writes the word before 的, never 地 (境地, 台地 aside)
    return lexicon.frequency(before[-1] + "地") >= BOUND_TO_WORD


# Where a rule above lets a case through on the counts alone, they must say 的 this much more
# strongly (natural log): e^8 ≈ 3,000 times more probable.
_STRONG_GAIN = 8.0
# ... and after a loose character that is no adjective, e^12 (some 160,000 times).
_LOOSE_GAIN = 12.0


def _loose_adjective(before: str, particle: str, lexicon: Lexicon, lists: dict[str, frozenset[str]]) -> bool:
    """Is the one character before 地/得 an adjective that makes no word with it (新|地, not 大地)?"""
    return before in lists["one_character_adjectives"] and not lexicon.frequency(before + particle)


def _plain_noun(word: str, lexicon: Lexicon, lists: dict[str, frozenset[str]]) -> bool:
    """A noun of two characters or more that is no verb, adjective or adverbial (平台, 政府): no
    adverbial's 地 follows it."""
    return (
        len(word) >= 2
        and (word in lexicon.nouns or _noun_compound(word, lexicon))
        and not verb_like(word, lexicon)
        and word not in lexicon.adjectives
        and word not in lists["adjectives"] | lists["adverbials"] | lists["degree"]
    )


# A compound this long at least is named by its last noun; shorter ones are often attributes that say
# how (高水平地建设, 大规模地开展, 全方位地推进).
_NOUN_COMPOUND = 4


def _noun_compound(word: str, lexicon: Lexicon) -> bool:
    """A word of four characters or more jieba tags no noun (it tags few long words) that ends in a
    noun of two characters and is no idiom (人民代表大会, 自然灾害, 社会各界)."""
    return len(word) >= _NOUN_COMPOUND and word[-2:] in lexicon.nouns and word not in lexicon.idioms


# A noun written before 的 this often in the counted text, and before 地 hardly ever (措施 1,540 times
# and 11: 措施|地方 too is counted), takes no adverbial's 地.
_NEVER_DI_EVIDENCE = 50
_DE_PER_DI = 50


def _counted_head(compound: str, lexicon: Lexicon) -> str:
    """The noun that ends ``compound``: its last item after 和 or 与 (党和|政府), or its last two
    characters when they are a noun (经济|指标); else the compound itself."""
    last = re.split("[和与及]", compound)[-1]
    if len(last) < len(compound) and last in lexicon.nouns:
        return last
    return compound[-2:] if compound[-2:] in lexicon.nouns else compound


def _noun_never_before_di(word: str, table: official_counts.ContextCounts, lexicon: Lexicon, lists: dict[str, frozenset[str]]) -> bool:
    return _plain_noun(word, lexicon, lists) and table.pair(word, "的") >= max(_NEVER_DI_EVIDENCE, _DE_PER_DI * table.pair(word, "地"))


def _names_someone(word: str, lexicon: Lexicon) -> bool:
    """Is a word of the modals' list a subject (全市, 我们) rather than a modal verb or an adverb (已经, 可以)?"""
    return word in PRONOUNS or (word in lexicon.nouns and word not in lexicon.verbs)


def _noun_after_de(word: str, lexicon: Lexicon, lists: dict[str, frozenset[str]]) -> bool:
    """Is the word after 得 a noun, or a verb jieba also tags a noun (进展, 考验), and nothing a
    complement begins with (好, 扎实, 更)?"""
    return (
        (word in lexicon.nouns or word in lexicon.nominal_verbs)
        and word not in lexicon.adjectives
        and word not in lists["adjectives"] | lists["adverbials"] | lists["degree"] | lists["complements"]
    )


def _two_verbs_as_one(word: str, lexicon: Lexicon) -> bool:
    """Is ``word`` two verbs of two characters, neither one used as a noun (抓紧抓好, 研究部署 is not:
    部署 names a thing too)?"""
    halves = (word[:2], word[2:])
    return len(word) == 4 and all(half in lexicon.verbs and half not in lexicon.nominal_verbs and half not in lexicon.nouns for half in halves)


def _verb_and_its_object(pieces: list[str], at: int, lexicon: Lexicon) -> bool:
    """Is ``pieces[at]`` a verb followed by an object of its own: a date (总结2008年的工作) or a
    verb opening a phrase closed by 的 (分析存在的问题)? Then it is a predicate, never a noun."""
    if at + 1 >= len(pieces) or not verb_like(pieces[at], lexicon):
        return False
    follower = pieces[at + 1]
    return "的" in pieces[at + 2 :] and (follower[:1].isdigit() or (len(follower) >= 2 and verb_like(follower, lexicon) and follower not in lexicon.nouns))


def _verb_as_predicate(pieces: list[str], at: int, lexicon: Lexicon) -> bool:
    """Is ``pieces[at]`` a verb that is no noun, with its aspect particle or its object after it
    (打击了, 钻研业务, 破坏我们): a predicate, which a 的 phrase never is?"""
    word = pieces[at]
    if word not in lexicon.verbs or at + 1 >= len(pieces):
        return False
    follower = pieces[at + 1]
    if follower in ASPECT:
        return True  # 正确地分析了: even a verb used as a noun too is a predicate with 了 or 着
    if word in lexicon.nominal_verbs:
        return False
    return predicate_follows(pieces[at:]) or follower in PRONOUNS or (follower in lexicon.nouns and not verb_like(follower, lexicon))


def _verb_before_its_object(
    pieces: list[str], at: int, table: official_counts.ContextCounts, lexicon: Lexicon, lists: dict[str, frozenset[str]]
) -> bool:
    """Is ``pieces[at]`` a verb (one used as a noun too) before a plain noun official text never
    writes right after it (宣传|野生动物, where 宣传|活动 is a compound written 111 times)? Then the
    noun is its object and the verb a predicate, whatever 的 the verb alone is written after."""
    if at + 1 >= len(pieces) or not verb_like(pieces[at], lexicon):
        return False
    noun = pieces[at + 1]
    return _plain_noun(noun, lexicon, lists) and table.pair(pieces[at], noun) == 0


def attribute_de_by_counts(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """地 or 得 → 的 where official text (:mod:`core.proofread.context_words`' counts of laws and
    reports) writes 的 between the word before and the word after, and hardly 地 or 得: 注入强大地
    信心, 作为乡村振兴得重要抓手, 开展多样化地宣传 (宣传 a verb used as a noun). Not 地 the noun (先行地,
    全省地市, 山林地经济) or before a verb that is no noun (严格地执行), nor 得 after a verb or an
    adjective or before an idiom (开展得有声有色: its complement)."""
    table = official_counts.counts()
    if table is None:
        return
    lists = data.wordlists()
    offsets = piece_offsets(pieces)
    for i, piece in enumerate(pieces):
        if piece not in ("地", "得") or i == 0 or i + 1 >= len(pieces):
            continue
        before, after = pieces[i - 1], pieces[i + 1]
        if _complement_of_ba(pieces, i, lexicon):
            continue  # 把会场布置得庄严隆重: 把's verb, then its complement
        # A share (给予50%地补助) is an attribute as a word is.
        share = before in _PERCENT and i >= 2 and pieces[i - 2][-1:].isdigit()
        # One character, an adjective jieba left loose (新|地|考验, 大|得|收支): judged on more evidence.
        loose_adjective = len(before) == 1 and _loose_adjective(before, piece, lexicon, lists)
        # Any other loose character (党|得|最新, 蝶|变|地|成果) on overwhelming evidence only.
        loose_other = (
            len(before) == 1
            and not loose_adjective
            and HAN_RUN.fullmatch(before) is not None
            and before not in GRAMMAR
            and not lexicon.frequency(before + piece)
        )
        if not (share or loose_adjective or loose_other or (len(before) >= 2 and HAN_RUN.fullmatch(before))) or len(after) < 2 or not HAN_RUN.fullmatch(after):
            continue
        # to the clause's end or the end of its list item (总结得比较深入、问题找得比较准)
        rest = "".join(itertools.takewhile(lambda p: p != "、", pieces[i + 1 :]))
        strong = False  # the word after is a noun only, or a verb used as one: 的 on strong evidence alone
        if piece == "得" and (before in lexicon.verbs or before in lists["adjectives"] or rest in lexicon.idioms):
            if rest in lexicon.idioms or not _noun_after_de(after, lexicon, lists):
                continue  # a complement follows (开展得有声有色, 发展得蓬勃兴旺)
            strong = True  # 工作得进展: a complement is never a noun
        if is_complement(rest, lists["complements"], lists["degree"]):
            continue
        if after in lists["adverbials"] and not (i + 2 < len(pieces) and _plain_noun(pieces[i + 2], lexicon, lists)):
            continue  # 依法地及时解决 — but 工作地主要指标: an adverb's word before a plain noun qualifies it
        if piece == "地" and i >= 2 and (pieces[i - 2] in _PERSONS or pieces[i - 2] == "们") and (before in lexicon.adjectives or before in lists["adjectives"]):
            continue  # 扶植它们健康地成长, 让孩子|们|健康地成长: persons, then how they do what they do — their predicate (not 我|县|地)
        if piece == "地" and (is_adverbial(before, lists["adverbials"]) or before in lists["manner_attributes"]):
            continue  # an adverbial's 地 before its verb (认真地工作, 严格地执行, 高水平地建设), however often 的 is written
        if piece == "地" and verb_like(after, lexicon) and adjectives_after_predicate_word(pieces, i - 1, lexicon):
            continue  # 并健康快乐地成长: 并 (or 也, 都 …) joins a predicate, so what follows it says how
        if piece == "地" and verb_like(after, lexicon) and (
            before in lexicon.idioms
            or (i >= 3 and pieces[i - 3] in lists["degree"] and pieces[i - 2] in lists["one_character_adjectives"])
        ):
            continue  # 昂首阔步地前进, 更|大|范围地利用: an idiom or a measure of extent says how
        # A plain noun official text writes before 的 again and again and never before 地 (人民, 决策,
        # 区委) says nothing of how: what follows is the noun it qualifies, even an adjective jieba
        # reads as a predicate (区委地坚强领导), or after a subject on the modals' list (全市|人民地重托).
        never_di = piece == "地" and _noun_never_before_di(before, table, lexicon, lists)
        adjective_after = after in lexicon.adjectives or after in lists["adjectives"]
        if piece == "地" and (_verb_and_its_object(pieces, i + 1, lexicon) or verbs_sharing_an_object(pieces, i + 1, lexicon)):
            continue  # 透彻地分析存在的问题, 有效地防范和处置各类事件: the verbs take an object of their own
        if piece == "地" and _verb_before_its_object(pieces, i + 1, table, lexicon, lists):
            continue  # 长期不懈地宣传野生动物保护工作: 宣传 is a noun too, but here it takes an object
        if piece == "地" and _verb_as_predicate(pieces, i + 1, lexicon) and not (never_di and adjective_after and pieces[i + 2 : i + 3] not in (["了"], ["着"])):
            continue  # 严厉地打击了, 认真地钻研业务: whatever the counts say of the word before 地
        if piece == "地" and i >= 2 and pieces[i - 2] in lists["modals"] and not (never_di and _names_someone(pieces[i - 2], lexicon)):
            continue  # 必须定期地检查: after a modal what takes 地 says how the verb is done (not 全市|人民地重托)
        strong = strong or never_di
        # A verb that is no noun, written after 地 in official text, or ending the clause after a verb
        # (对脱贫户全覆盖地帮扶; not 守护一方平安地使命, 给予50%地补助): X地V says how V is done.
        ends_after_verb = i + 2 == len(pieces) and before in lexicon.verbs
        if piece == "地" and after in lexicon.verbs and after not in lexicon.nominal_verbs and (table.pair(piece, after) or ends_after_verb):
            if not _plain_noun(before, lexicon, lists):
                continue  # a "verb" official text never writes after 地 is used as a noun (使命, 示范, 补助)
            strong = True  # 平台地作用: after a plain noun 地 is no adverbial's
        # 在|区委|地: a preposition of place names no place with a noun never written before 地
        at_no_place = never_di and pieces[i - 2 : i - 1] == ["在"] and not starts_di_word(clause, offsets[i])
        if piece == "地" and (place_di(pieces, i, clause, offsets, lists) or _noun_ending_in_di(before, lexicon, lists)) and not at_no_place:
            continue
        if table.pair(before, "的") + table.pair("的", after) < _COUNTED_EVIDENCE:
            continue
        written = table.following(piece, before) + table.following(after, piece)
        needed = _LOOSE_GAIN if loose_other else _STRONG_GAIN if strong or loose_adjective else _COUNTED_GAIN
        if table.following("的", before) + table.following(after, "的") - written > needed:
            attribute = pieces[i - 2] + before if share else before
            yield attribute_de(base + offsets[i], attribute, piece, "".join(pieces[i + 1 : i + 3]))


# Pronouns for persons and things: what follows one is its predicate (使它们健康地成长).
_PERSONS = PRONOUNS | {"它们", "她们", "人们"}


_LIGHT_REACH = 3  # pieces of the attribute between the verb (and its 了) and 地
# Verbs whose object is an action named as a thing (进行全面的考核, 得到了有效的遏制): the light verbs, and
# those of receiving and giving — in 2.85 million characters of published reports, one of these, a short
# attribute and 的 before the action 509 times, 地 once.
_ACTION_AS_OBJECT = LIGHT_VERBS | frozenset({"展开", "得到", "受到", "取得", "获得", "赢得", "付出", "遭到", "提供"})


def di_after_light_verb(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """进行了全方位地考核, 给予大力地支持, 得到了有效地遏制: after such a verb, X地V is its object,
    so 的."""
    lists = data.wordlists()
    offsets = piece_offsets(pieces)
    for i, piece in enumerate(pieces):
        if piece != "地" or i < 2 or i + 1 >= len(pieces) or place_di(pieces, i, clause, offsets, lists):
            continue
        if pieces[i - 1] in _ACTION_AS_OBJECT and len(pieces[i + 1]) >= 2 and HAN_RUN.fullmatch(pieces[i + 1]):
            # 作出地努力, 付出地心血: 地 right after the verb, which no adverbial is; what it made is
            # named after it, and 的 joins the two (作出的努力).
            start, verb, made = base + offsets[i], pieces[i - 1], pieces[i + 1]
            yield Hit(
                start,
                start + 1,
                "的",
                f"“{verb}地{made}”中“地”应为“的”：“地”只用在状语后面，动词“{verb}”后面修饰“{made}”用“的”。",
                f"改为“{verb}的{made}”。",
                SOURCE,
            )
            continue
        degree_and_adjective = pieces[i - 2] in lists["degree"] and pieces[i - 1] in lists["one_character_adjectives"]
        # What was given closing the clause is its object whatever jieba tags it (提供了有力地依据).
        closing = i + 2 == len(pieces) and len(pieces[i + 1]) >= 2 and HAN_RUN.fullmatch(pieces[i + 1]) is not None
        if not (verb_like(pieces[i + 1], lexicon) or closing) or (len(pieces[i - 1]) < 2 and not degree_and_adjective):
            continue  # 便利地|示范区, 央|地|互访: 地 the place, after a word or before a noun (较|好|地 is an attribute)
        for k in range(i - 2, max(-1, i - 2 - _LIGHT_REACH), -1):
            # 作了, 做了: made, as 作出 is (作了很好地报告, 做了详细地要求)
            if pieces[k] in _ACTION_AS_OBJECT or (pieces[k] in ("作", "做") and pieces[k + 1] == "了"):
                attribute = "".join(p for p in pieces[k + 1 : i] if p != "了")
                if attribute and not any(p in lexicon.verbs or p in _ACTION_AS_OBJECT for p in pieces[k + 1 : i]):
                    start, action = base + offsets[i], pieces[i + 1]
                    yield Hit(
                        start,
                        start + 1,
                        "的",
                        f"“{''.join(pieces[k : i + 2])}”中“地”应为“的”：“{action}”在这里是“{pieces[k]}”的宾语，"
                        "作名词用，修饰它的定语后面用“的”。",
                        f"改为“{attribute}的{action}”。",
                        SOURCE,
                    )
                break
            if not HAN_RUN.fullmatch(pieces[k]):
                break


# Not 得: after a quoted name it is the verb "to get" (“最多跑一次”得民心).
_AFTER_QUOTE = re.compile(r"[”’](地)")


def di_after_quote(text: str, lexicon: Lexicon) -> Iterator[Hit]:
    """地 → 的 right after a closing quotation mark, before a noun phrase (“人民至上、生命
    至上”地理念, “稳中有进”地良好态势): what is quoted names or describes, it does not say how.
    The text after the particle is cut on its own, for jieba reads 地理|念 across it; where 地
    begins a word of the text (”地位, ”地方特色) the cut leaves one character first."""
    lists = data.wordlists()
    for mark in _AFTER_QUOTE.finditer(text):
        clause = CLAUSE.match(text, mark.end())
        if clause is None:
            continue
        quoted = text[text.rfind("“", 0, mark.start()) + 1 : mark.start()]
        if len(quoted) >= 3 and reduplicated(quoted[-2:]):
            continue  # “静悄悄”地上门, “扎扎实实”地推进: a word said twice says how
        rest = lexicon.words(clause.group())
        # “……”地发展理念: a verb and the idea it names, as two words or one (工作思路)
        idea = (len(rest) == 2 and rest[1] in _IDEA_HEADS) or (len(rest[0]) >= 4 and rest[0][-2:] in _IDEA_HEADS)
        if not idea and (len(rest[0]) < 2 or verb_like(rest[0], lexicon) or not noun_phrase_to_end(rest, lists, lexicon)):
            continue  # 不搞“一刀切”地处理问题: how it is done, before a verb
        particle = mark.group(1)
        yield Hit(
            mark.start(1),
            mark.end(1),
            "的",
            f"引号后的“{particle}{clause.group()}”中“{particle}”应为“的”：引号里的词语修饰后面的名词，用“的”。",
            f"改为“的{clause.group()}”。",
            SOURCE,
        )


# Nouns of an idea or a state that a verb before them names the kind of (发展理念, 保护责任, 发展
# 态势): a verb and one of these closing the clause are a noun, never a verb and its object.
_IDEA_HEADS = frozenset({"理念", "思路", "战略", "格局", "态势", "局面", "形势", "目标", "责任", "方向", "路径", "成果", "成效", "势头", "前景"})


# 地 right before a short quotation (加速向好地“上升曲线”, 高质量发展地“助推器”).
_BEFORE_QUOTE = re.compile(r"(?<=[\u4e00-\u9fff])(地)“([^“”]{2,12})”")
# A count of things right before the attribute (一份|优异地“抗疫答卷”): what the quotation names is a thing.
_COUNTED_THING = re.compile(r"[一两二三四五六七八九十几数]+[份个张条项批种位件篇幅部]$")
_SHOWN_BEFORE = 5


def di_before_quote(text: str, lexicon: Lexicon) -> Iterator[Hit]:
    """地 → 的 right before a quoted name whose last word is a noun (“上升曲线”, “助推器”), or before
    a quotation a noun follows (确定地“四个翻番、六个提升”奋斗目标): a quotation that names a thing,
    or qualifies one, is what the words before qualify. Not after an adverbial (主动地“亮剑”), nor
    before a quoted verb phrase (创造性地“走出去”)."""
    lists = data.wordlists()
    for match in _BEFORE_QUOTE.finditer(text):
        quoted = lexicon.words(match.group(2))
        head = quoted[-1]
        names_thing = len(head) >= 2 and head in lexicon.nouns and not verb_like(head, lexicon) and head not in lexicon.adjectives
        before = lexicon.words(text[max(0, match.start() - 6) : match.start()])
        word = before[-1] if before else ""
        counted = _COUNTED_THING.search(text, 0, max(0, match.start() - len(word))) is not None  # 一份优异地“抗疫答卷”
        if not (names_thing or counted or _noun_after_quotes(text, match.end(), lexicon)):
            continue
        ends_noun = lexicon.frequency(word[-1:] + "地") >= BOUND_TO_WORD and not (counted and word in lexicon.adjectives)
        ends_noun = ends_noun or word in lists["place_words"]  # 坚持三地“一盘棋”: 两地, 三地, 各地 are places
        if is_adverbial(word, lists["adverbials"]) or word in lists["degree_nouns"] or ends_noun:
            continue  # 主动地“亮剑”, 最大限度地: an adverbial; 基地“…”: 地 ends a noun (not after 一份优异)
        lead = ""
        for piece in reversed(before):  # whole words, up to five characters (高质量发展地)
            if not HAN_RUN.fullmatch(piece) or len(lead) + len(piece) > _SHOWN_BEFORE:
                break
            lead = piece + lead
        lead = lead or word
        yield Hit(
            match.start(1),
            match.end(1),
            "的",
            f"“{lead}地‘{match.group(2)}’”中“地”应为“的”：引号里是名称，修饰它的定语后面用“的”。",
            f"改为“{lead}的‘{match.group(2)}’”。",
            SOURCE,
        )


# Quotations listed after the first (“套路贷”“校园贷”), and 等 closing them.
_MORE_QUOTES = re.compile(r"(?:、?“[^“”]{1,12}”)*等?")


def _noun_after_quotes(text: str, end: int, lexicon: Lexicon) -> bool:
    """Does a noun that is no verb follow the quotation (and any listed after it): “四个翻番、六个提升”
    奋斗目标, “套路贷”“校园贷”等重点领域? The quotation then qualifies it, and so does what stands before."""
    rest = text[_MORE_QUOTES.match(text, end).end() :]  # type: ignore[union-attr]
    run = HAN_RUN.match(rest)
    if run is None:
        return False
    first = lexicon.words(run.group())[0]
    head = first if first in lexicon.nouns or len(first) < 4 else first[-2:]  # 奋斗目标: a phrase ending in 目标
    return len(head) >= 2 and head in lexicon.nouns and not verb_like(head, lexicon) and head not in lexicon.adjectives


# Two list items of one shape, word + particle + word, side by side or joined by 和: 饱满地热情、昂扬的
# 斗志; 饱满地工作热情和务实的工作作风 (a head of four characters, a compound noun).
_PARALLEL_PAIR = re.compile(
    r"(?P<a>[\u4e00-\u9fff]{2})(?P<p>[的地得])(?P<b>[\u4e00-\u9fff]{2}|[\u4e00-\u9fff]{4})[、和](?:更加|更)?"
    r"(?P<c>[\u4e00-\u9fff]{2})(?P<q>[的地得])(?P<d>[\u4e00-\u9fff]{2}|[\u4e00-\u9fff]{4})(?=[、，。；）]|$)"
)


def _head_verb_like(head: str, lexicon: Lexicon) -> bool:
    """Is the item's head a verb? One of four characters is a compound noun when its last word is a
    noun that is no verb (工作|热情), else a verb and its object (推进|改革)."""
    if len(head) == 4 and head[2:] in lexicon.nouns and not verb_like(head[2:], lexicon):
        return False
    return verb_like(head, lexicon)


def _pairs_overlapping(text: str) -> Iterator[re.Match[str]]:
    """Each two neighbouring items of a list, the second of one pair the first of the next."""
    at = 0
    while (match := _PARALLEL_PAIR.search(text, at)) is not None:
        yield match
        at = match.start("c")


def _third_noun_item(text: str, match: re.Match[str], head: str, lexicon: Lexicon) -> bool:
    """The last of three items that qualify nouns with 的 (更好的房子、更鼓的钱包、更幸福地生活),
    its head a verb jieba also tags a noun: two 的 before make it a noun phrase too."""
    return (
        match["p"] == "的"
        and head == match["d"]
        and head in lexicon.nominal_verbs
        and re.search(r"的[\u4e00-\u9fff]{2}、$", text[: match.start()]) is not None
    )


def parallel_attributes(text: str, lexicon: Lexicon) -> Iterator[Hit]:
    """地/得 → 的 in a list item beside items that qualify a noun with 的, when its own head is
    a noun too (以更加饱满地热情、昂扬的斗志: 饱满的热情): items of one list are of one kind.
    Published local reports never write such a pair (2.3 million characters)."""
    for match in _pairs_overlapping(text):
        particles = (match["p"], match["q"])
        if particles.count("的") != 1:
            continue
        wrong = "p" if particles[0] != "的" else "q"
        head = match["b"] if wrong == "p" else match["d"]
        other = match["d"] if wrong == "p" else match["b"]
        if _head_verb_like(other, lexicon) or (_head_verb_like(head, lexicon) and not _third_noun_item(text, match, head, lexicon)):
            continue  # 认真地学习、深入的研究: a verb's adverbial beside a noun's attribute
        at = match.start(wrong)
        word = match["a"] if wrong == "p" else match["c"]
        yield Hit(
            at,
            at + 1,
            "的",
            f"“{word}{text[at]}{head}”与并列的“…的…”同是名词短语，“{text[at]}”应为“的”。",
            f"改为“{word}的{head}”。",
            SOURCE,
        )


# What one receives or wins (争取上级部门地支持): the verb after 地 ends the clause as the object of
# 争取, 得到 … — a noun, which an attribute qualifies with 的.
_RECEIVED = re.compile(
    r"(?:争取|得到|获得|赢得|离不开|感谢)[^，。；：！？、]{0,12}?(?P<di>地)"
    r"(?P<what>支持|帮助|关心|指导|关怀|重视|厚爱|信任|肯定|认可|配合)(?=[，。；、和与及]|$)"
)


def di_before_received_support(text: str) -> Iterator[Hit]:
    """地 → 的 before the support one wins (积极争取上级部门地支持: 上级部门的支持)."""
    for match in _RECEIVED.finditer(text):
        at = match.start("di")
        owner = text[max(match.start(), at - 4) : at]
        yield Hit(
            at,
            at + 1,
            "的",
            f"“{owner}地{match['what']}”是“{match.group()[:2]}”的宾语，名词前的定语用“的”。",
            f"改为“{owner}的{match['what']}”。",
            SOURCE,
        )



# What closes a phrase that 在 opens (在县委的直接领导下, 在随后召开的座谈会上).
_FRAME_CLOSERS = frozenset({"上", "中", "下"})
_FRAME_REACH = 4


# How far before the word that 地 follows the preposition may open the object: its noun comes
# soon after 把, 以 or 对, so a preposition further back is more often another phrase's.
_PREPOSITION_REACH = 3
# Nouns of one character that own what follows (把党的政治建设, 把国家的利益): other single
# characters before 地 are more often a word with it (祖地, 腹地).
_ONE_CHARACTER_OWNERS = frozenset("党国省市县区乡镇村人我")


def di_in_object_of_preposition(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """地 → 的 in the object of 把, 以 or 对, where a noun follows 地 and a verb follows the object
    (把党地政治建设摆在首位, 以饱满地热情投入工作, 对脏乱差地背街小巷进行整治): the words before 地
    qualify that noun. Not before a verb (以更好地服务群众: 以 "so as to", and how the verb is done)."""
    lists = data.wordlists()
    offsets = piece_offsets(pieces)
    for i, piece in enumerate(pieces):
        if piece != "地" or i < 2 or i + 2 >= len(pieces):
            continue
        opened = preposition_before(pieces, i - 1, _PREPOSITION_REACH)
        if opened is None or any(p in ("的", "地") or not HAN_RUN.fullmatch(p) for p in pieces[opened + 1 : i]):
            continue
        # A verb used as a noun, then the noun it qualifies, up to the next verb (以有力有效地|工作|
        # 举措，…; 以扎实地工作作风推动): no verb the 地 could qualify, whatever the word before it.
        heads = lists["compound_heads"]
        end = next(
            (k for k in range(i + 2, len(pieces)) if verb_like(pieces[k], lexicon) and pieces[k] not in lexicon.nouns and pieces[k] not in heads),
            len(pieces),
        )
        compound = (
            end - i - 1 >= 2 and pieces[i + 1] in lexicon.nominal_verbs
            and noun_phrase_to_end(pieces[i + 1 : end], lists, lexicon) and (pieces[end - 1] in lexicon.nouns or pieces[end - 1] in heads)
        )
        if not compound and (pieces[i - 1] in lexicon.idioms or is_adverbial(pieces[i - 1], lists["adverbials"])):
            continue  # an adverbial's 地 (一如既往地致力于)
        if len(pieces[i - 1]) == 1 and pieces[i - 1] not in _ONE_CHARACTER_OWNERS:
            continue  # 以祖|地|文化: 地 the land of a word jieba cut (祖地), not a particle
        noun = pieces[i + 1]
        plain_noun = noun in lexicon.nouns and noun not in lexicon.verbs and noun not in lexicon.adjectives
        named_thing = len(noun) >= 4 and lexicon.frequency(noun) > 0 and not verb_like(noun, lexicon) and noun not in lexicon.idioms
        if not (plain_noun or named_thing or compound) or place_di(pieces, i, clause, offsets, lists):
            continue
        # Opening the clause, the object may be all the rest and the verb in the next clause.
        verb_after = end < len(pieces) if compound else any(verb_like(p, lexicon) or p in lexicon.idioms for p in pieces[i + 2 :])
        if not verb_after and not (compound and opened == 0):
            continue  # no verb after the object: 以 may open a phrase of its own (以人民地位为本 …)
        yield attribute_de(base + offsets[i], "".join(pieces[opened + 1 : i]), "地", "".join(pieces[i + 1 : end]) if compound else noun)


# Comparatives a clause's object is qualified by (付出更多的努力, 作出更大的贡献).
_COMPARATIVES = frozenset({"更多", "更大", "更好", "更高", "更强", "更优", "最大", "最多", "最好", "更加优质"})


def de_in_object_of_getting(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """地 or 得 → 的 between a comparative and the noun that ends the clause, after a verb of getting
    or giving (付出了更多得努力, 得到更多地实惠): the noun is that verb's object, and the comparative
    qualifies it — no complement (干得更多) nor adverbial (更多地参与) has a verb of its own there."""
    giving = data.wordlists()["verbs_of_giving_or_getting"]
    offsets = piece_offsets(pieces)
    for i in range(2, len(pieces) - 1):
        rest = pieces[i + 1 :]
        # The comparative as one piece, or its degree word cut off (更|多)
        size = 1 if pieces[i - 1] in _COMPARATIVES else 2 if "".join(pieces[i - 2 : i]) in _COMPARATIVES else 0
        if pieces[i] not in ("地", "得") or not size or len(rest) > 2:
            continue
        head = rest[-1]
        if len(head) < 2 or head in lexicon.verbs or any(p in GRAMMAR for p in rest) or not HAN_RUN.fullmatch("".join(rest)):
            continue
        if not any(p in giving for p in pieces[max(0, i - size - 3) : i - size]):
            continue
        yield attribute_de(base + offsets[i], "".join(pieces[i - size : i]), pieces[i], "".join(rest))


# Kinds of document that are verbs too (及时地报告, 积极地建议): read as a document's kind only at the
# end of a title or of a clause that 关于 opens (关于……预算草案地报告).
_DOCUMENTS_AS_VERBS = ("报告", "议案", "提案", "建议", "决议", "请示", "通报", "批复")


def di_before_document_kind(clause: str, base: int, pieces: list[str], lexicon: Lexicon, ends_title: bool = False) -> Iterator[Hit]:
    """地 → 的 before a document's name ending the clause (服务保障新福州建设地实施意见, 关于做好
    防汛工作地通知): the words before it name what the document is about, an attribute; no
    adverbial's verb ends a clause as a kind of document. ``ends_title``: 》 closes the clause."""
    kinds = tuple(DOCUMENT_KINDS) + (_DOCUMENTS_AS_VERBS if ends_title or "关于" in pieces else ())
    lists = data.wordlists()
    offsets = piece_offsets(pieces)
    for i in range(1, len(pieces) - 1):
        x, rest = pieces[i - 1], pieces[i + 1 :]
        if pieces[i] != "地" or len(x) < 2 or lexicon.frequency(x[-1] + "地") >= BOUND_TO_WORD:
            continue  # 属|地, 用|地: the land, part of a word
        if x in lexicon.idioms or x in lexicon.adverbs or is_adverbial(x, lists["adverbials"]) or x in lists["adjectives"]:
            continue  # 及时地通知: how the notice is given
        name = "".join(rest)
        if len(rest) > 2 or not name.endswith(kinds) or (len(rest) == 2 and rest[0] not in lexicon.verbs):
            continue
        yield attribute_de(base + offsets[i], x, "地", name)


def di_inside_frame(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """地 → 的 inside a phrase of place that 在 opens and 上, 中 or 下 closes, right after a noun or a
    verb (在县委地直接领导下, 在随后召开地座谈会上): what follows 地 there is the phrase's noun, and
    no verb of the sentence. Not after an adverbial (在积极稳妥地推进改革中: a verb phrase)."""
    table = official_counts.counts()
    if table is None or "在" not in pieces:
        return
    lists = data.wordlists()
    offsets = piece_offsets(pieces)
    opened = pieces.index("在")
    for i in range(opened + 2, len(pieces) - 1):
        if pieces[i] != "地":
            continue
        x = pieces[i - 1]
        # 在……坚持不懈地|努力|下: the verb right before 下 heads the phrase, whatever qualifies it.
        head_under = i + 2 < len(pieces) and pieces[i + 2] == "下" and pieces[i + 1] in lists["heads_under"]
        if not head_under and (
            x in lists["adverbials"] or x in lexicon.adverbs or x in lexicon.adjectives or table.pair(x, "地") >= _NOUN_BEFORE_DI
        ):
            continue
        if not head_under and not (x in lexicon.nouns or x in lexicon.verbs or (x in lexicon.idioms and not table.pair(x, "地"))):
            continue  # (an idiom official text never writes before 地 names a thing: 在脱贫致富地道路上)
        closer = next((k for k in range(i + 2, min(len(pieces), i + 1 + _FRAME_REACH)) if pieces[k] in _FRAME_CLOSERS), None)
        # (from the second piece on: 地 right before 中 is the place itself, 重要实践地|中)
        following = pieces[closer + 1] if closer is not None and closer + 1 < len(pieces) else ""
        predicate_after = (
            bool(HAN_RUN.fullmatch(following))
            and following not in GRAMMAR
            and (following not in lexicon.nouns or following[:1] in lexicon.verbs)  # 做文章 (a "noun" to jieba)
        )
        if closer is None or "的" in pieces[i + 1 : closer] or not (closer + 1 == len(pieces) or predicate_after):
            continue  # the phrase goes on, or has an attribute of its own (在认真地研究的基础上); the
            # clause may go on with its verb (在红枣地贮藏和深加工上|做文章)
        yield attribute_de(base + offsets[i], x, "地", "".join(pieces[i + 1 : closer + 1]))
