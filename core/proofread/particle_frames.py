"""地 → 的 where what stands right beside the particle leaves no adverbial reading, whatever the
words further on: a frame's noun or a span of time after it (在……的基础上, ……的同时, 充满挑战的
一年), 所 and its verb before it (所作的报告), a quantity before it (12平方公里的园区), a phrase of
leadership closed by 下 (党建引领下的社区), a loose one-character adjective before a noun (新的起点),
or a one-character noun that official text writes before 的 again and again and never before 地
(党的创新理论); a word that only qualifies after it (全局的一批项目), a meeting and 上 before it
(大会上的讲话), leadership 下 closes after it (省委的坚强领导下), a count and an adjective before it
(一些很好的意见), 新 before it, a noun of feeling or measure after it (获得感, 重要性), a one-character
adjective and a noun after it (发展的好形势); and 地 before nouns listed, or before a noun phrase
that 之 builds (贯彻落实的思想自觉、政治自觉, 充满挑战的奋斗之路): no adverbial stands before a noun;
rules of :mod:`core.proofread.particles`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.proofread import data, official_counts
from core.proofread.hits import HAN_RUN, Hit
from core.proofread.lexicon import Lexicon
from core.proofread.loose_pairs import MEASURES
from core.proofread.particle_words import (
    SOURCE,
    attribute_de,
    counted_before,
    is_adverbial,
    noun_not_verb,
    piece_offsets,
    starts_di_word,
    verb_like,
)

# Nouns that close a frame of time or condition (在……的基础上, 在……的前提下, ……的同时，): an attribute
# stands before each, so 的. 同时 only before a mark: before a verb it is the adverb (全面地同时推进).
# So do a span of time that ends the clause or a phrase of time (充满挑战的一年。在新的一年里,
# 全面建成小康社会的决胜阶段，): an adverbial's 地 never stands before a span of time.
_FRAME_NOUN = re.compile(
    r"(?<=[\u4e00-\u9fff])地(?=基础上|前提下|情况下|条件下|过程中|背景下|大背景下|时候|同时[，,、]"
    r"|[一二三四五六七八九十]年(?:[，。；、]|里|中|以来|$)|[\u4e00-\u9fff]{0,2}(?:时期|阶段)(?:[，。；、]|$))"
)


# A verb of what came about, its attribute, then its object noun ending the phrase (发生了日新月异地
# 变化, 呈现出一体化发展得良好趋势, 取得了令人瞩目地成绩): the noun is the verb's object, so what
# stands before it is an attribute and takes 的. The noun only before a mark: 变化 before its own
# object would be a verb.
_OUTCOME_OBJECT = re.compile(
    r"(?:发生|取得|呈现|形成|营造|迎来|出现)(?:了|出|着)?(?P<attribute>[\u4e00-\u9fff]{2,10}?)(?P<mark>[地得])"
    r"(?=(?:良好|喜人|可喜|显著|明显|巨大|深刻|重大|积极|崭新|全新|浓厚|良性)?"
    r"(?:变化|成绩|成效|成果|进展|突破|态势|趋势|局面|格局|氛围|面貌)(?:[，。；、！]|$))"
)


def di_in_object_of_outcome(text: str, lexicon: Lexicon) -> Iterator[Hit]:
    """发生了日新月异地变化 → 的变化, 呈现出良好发展得态势 → 的态势."""
    for match in _OUTCOME_OBJECT.finditer(text):
        at = match.start("mark")
        if match.group("mark") == "地" and _di_ends_a_word(text, at, lexicon):
            continue  # 呈现出各地|成效: 地 the place
        noun = re.match(r"[\u4e00-\u9fff]+", text[at + 1 :])
        shown = noun.group() if noun else ""
        yield Hit(
            at,
            at + 1,
            "的",
            f"“{match.group('attribute')}{match.group('mark')}{shown}”中“{match.group('mark')}”应为“的”：“{shown}”是前面动词的宾语，它前面是定语，用“的”。",
            f"改为“的{shown}”。",
            SOURCE,
        )


def _di_ends_a_word(text: str, at: int, lexicon: Lexicon) -> bool:
    """Does jieba read the 地 at text[at] as the end of a word with the characters before it (各地,
    当地, 所在地), not as a piece of its own (生产|地|同时)?"""
    run = HAN_RUN.match(text[: at + 1][::-1])
    before = text[at + 1 - len(run.group()) : at + 1] if run else "地"
    return lexicon.words(before)[-1] != "地"


def di_before_frame_noun(text: str, lexicon: Lexicon) -> Iterator[Hit]:
    """在稳定粮食生产地同时 → 的同时, 在全覆盖地基础上 → 的基础上."""
    for match in _FRAME_NOUN.finditer(text):
        at = match.start()
        if _di_ends_a_word(text, at, lexicon):
            continue  # 全省各地同时, 在当地情况下: 地 the place
        frame = re.match(r"[\u4e00-\u9fff]+", text[at + 1 :])
        noun = frame.group()[:3] if frame else ""
        yield Hit(
            at,
            at + 1,
            "的",
            f"“{text[max(0, at - 4) : at]}地{noun}”中“地”应为“的”：“{noun}”前面是它的定语，用“的”。",
            f"改为“的{noun}”。",
            SOURCE,
        )


# Characters that make a word with 所 before them (派出所, 研究所, 场所): no 所 of a 所-phrase.
_NOT_SUO = 30
# Units of land: a count of them is land itself (3亩地, 50公顷地), 地 the noun.
_LAND_UNITS = frozenset({"亩", "公顷", "顷", "分", "块", "片", "垄"})
# Units that end a quantity before the noun it measures (4.8公里的水泥路, 1000万美元的项目).
_QUANTITY_UNITS = frozenset(
    {"公里", "千米", "米", "平方公里", "平方米", "万元", "亿元", "元", "美元", "万美元", "亿美元", "亿", "万", "千瓦", "万千瓦", "吨", "万吨", "人次", "万人", "岁", "倍"}
) | MEASURES
_FIGURE = re.compile(r"^[0-9０-９.．]+$|^[〇零一二三四五六七八九十百千万亿两]+$")
# A one-character word written before 的 this often in the counted text, and never before 地.
_BEFORE_DE = 100


def di_beside_fixed_words(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """地 → 的 after 所 and its verb (所作地报告, 用所学地知识), after a quantity (12平方公里地园区,
    由一千亿到两千亿地跨越), after a one-character noun never written before 地 (党地创新理论), after
    a loose one-character adjective before a noun (新地起点, 新地更大贡献) or after a verb and 下
    (党建引领下地社区): none of these says how something is done."""
    table = official_counts.counts()
    lists = data.wordlists()
    offsets = piece_offsets(pieces)
    for i in range(1, len(pieces) - 1):
        if pieces[i] != "地" or starts_di_word(clause, offsets[i]) or not HAN_RUN.match(pieces[i + 1]) or pieces[i - 1] in lists["place_words"]:
            continue  # (地市; 榆林等地: the noun "place")
        x = pieces[i - 1]
        suo = (
            i >= 2
            and pieces[i - 2] == "所"
            and x in lexicon.verbs
            and len(x) <= 2
            and (offsets[i - 2] == 0 or lexicon.frequency(clause[offsets[i - 2] - 1 : offsets[i - 2] + 1]) < _NOT_SUO)
        )
        quantity = (
            x in _QUANTITY_UNITS
            and x not in _LAND_UNITS
            and i >= 2
            and _FIGURE.match(pieces[i - 2]) is not None
        ) or (len(x) >= 2 and _FIGURE.match(x[:-1]) is not None and x[-1] in _QUANTITY_UNITS and x[-1] not in _LAND_UNITS)
        # 一批一批地, 一个个地: a count said twice says how, one by one.
        quantity = quantity and not (
            (i >= 2 and (pieces[i - 2] == x or pieces[i - 2][-1:] == x[-1:] or x[-2:-1] == x[-1:])) or (i >= 4 and pieces[i - 4 : i - 2] == pieces[i - 2 : i])
        )
        party = (
            table is not None
            and len(x) == 1
            and HAN_RUN.match(x) is not None
            and table.pair(x, "的") >= _BEFORE_DE
            and not table.pair(x, "地")
            and x not in lexicon.verbs
            and x not in lists["one_character_adjectives"]
            and x not in lists["adverbials"]
            and not lexicon.frequency(x + "地")
        )
        # 新地起点: a one-character adjective jieba leaves loose, before a noun that is no verb (not
        # 大地, 实地: words of their own, cut whole), or past a degree word and another adjective of
        # one before a noun (新地更大贡献).
        head = i + 3 if i + 3 < len(pieces) and pieces[i + 1] in lists["degree"] and pieces[i + 2] in lists["one_character_adjectives"] else i + 1
        loose_adjective = (
            x in lists["one_character_adjectives"]
            and not lexicon.frequency(x + "地")
            and pieces[head] in lexicon.nouns
            and (head > i + 1 or noun_not_verb(pieces, head, lists, lexicon))  # (更大贡献: after 更大 a noun, whatever else it is)
        )
        # 党建引领下地社区: a verb and 下 close a phrase of support or leadership that qualifies the noun
        # after it (not 农民下地劳动: 下地 after a noun is going to the fields).
        under = x == "下" and i >= 2 and len(pieces[i - 2]) >= 2 and (pieces[i - 2] in lexicon.verbs or pieces[i - 2] in lists["heads_under"] or pieces[i - 2][-2:] in lexicon.verbs)
        # 全局地一批重要项目, 建设地主要举措: a word that only ever qualifies a noun comes after; 大会上地
        # 重要讲话: a meeting and 上 name where it was said.
        before_attribute = pieces[i + 1] in _ATTRIBUTIVE_ONLY and HAN_RUN.fullmatch(x) is not None and not lexicon.frequency(x + "地")
        at_meeting = x == "上" and i >= 2 and pieces[i - 2].endswith(_MEETINGS)
        # 在省委地坚强领导下, 在社会各界地关心支持下: leadership or support that 下 closes is a noun
        # its holder qualifies (not 坚强地领导: an adjective before 地 says how).
        under_support = _closes_support(pieces, i + 1) and HAN_RUN.fullmatch(x) is not None and not (
            is_adverbial(x, lists["adverbials"]) or x in lexicon.adjectives or x in lists["adjectives"] or lexicon.frequency(x + "地")
        )
        # 一些很好地修改意见: a count of things opens a noun phrase, and the adjective after it qualifies
        # the noun; 新地集聚效应: 新 says how nothing is done; 实实在在地获得感: a noun of feeling.
        counted = x in lexicon.adjectives or x in lists["one_character_adjectives"] or x in lists["adverbials"]
        after_count = counted and counted_before(pieces, i - 1) and not _said_twice(pieces, i)
        new_thing = x == "新" and not lexicon.frequency(x + "地")
        feeling = _noun_of_feeling(clause, offsets[i] + 1, lexicon)
        # 发展地好形势, 建设地新阵地: a one-character adjective and a noun after 地 are a noun phrase
        adjective_and_noun = (
            i + 2 < len(pieces)
            and pieces[i + 1] in lists["one_character_adjectives"]
            and not lexicon.frequency(pieces[i + 1] + pieces[i + 2][:1])
            and noun_not_verb(pieces, i + 2, lists, lexicon)
            and len(pieces[i + 2]) >= 2
        )
        if not (
            suo or quantity or party or loose_adjective or under or before_attribute or at_meeting or under_support or after_count or new_thing or feeling
            or adjective_and_noun
        ):
            continue
        attribute = "所" + x if suo else (pieces[i - 2] + x if (quantity and len(x) < 2) or under or at_meeting else x)
        yield attribute_de(base + offsets[i], attribute, "地", pieces[i + 1])


def _said_twice(pieces: list[str], at: int) -> bool:
    """Is a count said twice before the 地 at pieces[at] (一个一个地, 一批批地): one by one, how."""
    window = pieces[max(0, at - 4) : at]
    return len(window) != len(set(window)) or any(len(p) >= 2 and p[-1] == p[-2] for p in window)


# A noun of feeling this common (获得感 2,000 in jieba's counts, 幸福感, 紧迫感) is one word, however cut.
_FEELING_SEEN = 50
_FEELING = re.compile(r"[\u4e00-\u9fff]{2}[感性度率](?![\u4e00-\u9fff])|[\u4e00-\u9fff]{2}[感性度率](?=[和与及])")


def _noun_of_feeling(clause: str, at: int, lexicon: Lexicon) -> bool:
    """Does a noun of feeling or of a measure (获得感, 重要性, 满意度, 覆盖率) begin at clause[at],
    the word ending there (not 感受, 性质)?"""
    match = _FEELING.match(clause, at)
    return match is not None and lexicon.frequency(match.group()[:3]) >= _FEELING_SEEN


# Words that qualify a noun and never stand as a predicate (区别词 and counts of kinds): no adverbial's
# 地 stands before one.
_ATTRIBUTIVE_ONLY = frozenset({"主要", "重大", "相关", "有关", "若干", "一批", "一大批", "一系列", "各项", "各类", "诸多", "所有", "广大", "首要", "各级", "全体", "历次"})
# What 上 after names a meeting (大会上, 座谈会上, 论坛上).
_MEETINGS = ("会", "会议", "论坛", "典礼", "仪式", "峰会")
# Nouns of leadership and support a phrase of 在……下 closes, with the adjectives that go with them.
_SUPPORT_NOUNS = frozenset({"领导", "支持", "关心", "关怀", "帮助", "指导", "带领", "关心支持", "帮助支持", "支持帮助", "关心关怀", "大力支持"})
_SUPPORT_ADJECTIVES = frozenset({"坚强", "正确", "亲切", "大力", "悉心", "精心", "鼎力", "高度", "英明", "有力", "统一", "和", "与"})


def _closes_support(pieces: list[str], at: int) -> bool:
    """Do pieces from ``at`` on name leadership or support that 下 closes (坚强领导下, 关心和支持下)?"""
    k = at
    while k < len(pieces) and k < at + 4 and (pieces[k] in _SUPPORT_ADJECTIVES or pieces[k] in _SUPPORT_NOUNS):
        k += 1
    return k > at and pieces[k - 1] in _SUPPORT_NOUNS and k < len(pieces) and pieces[k] == "下"


# One-character nouns 之 closes a phrase with (奋斗之路, 务实之举), which jieba tags nothing.
_HEADS_AFTER_ZHI = frozenset({"路", "举", "道", "年", "际", "策", "本", "源", "责", "势"})
# What joins the items of a list of nouns (思想自觉、政治自觉和行动自觉).
_ITEM_JOINERS = frozenset({"、", "和", "与", "及"})
# What 与 takes as a preposition, its phrase closed by one of these (与……相关, 与……一致, 与……挂钩).
_WITH_PREDICATES = frozenset({"一致", "结合", "挂钩", "对接", "接轨", "衔接", "有关", "无关", "合作", "交流"})


def _noun_item(item: list[str], joined: bool, lexicon: Lexicon) -> bool:
    """Is ``item`` (the pieces after 地 up to a joiner, or to the clause's end) a noun phrase no
    adverbial could qualify: no verb in it, and a noun last — before a joiner, also a word jieba
    tags an adverb (自觉), for no adverb stands before 、 — or 之 and a noun (奋斗之路)?"""
    if not item or any(not HAN_RUN.fullmatch(p) for p in item):
        return False
    if len(item) >= 2 and item[-2] == "之" and len(item) <= 3 and (item[-1] in lexicon.nouns or item[-1] in _HEADS_AFTER_ZHI):
        return item[0] not in lexicon.adverbs  # 奋斗之路: the verb before 之 qualifies the noun
    head = item[-1]
    if any(p in lexicon.verbs or verb_like(p, lexicon) for p in item):
        return False
    return len(head) >= 2 and (head in lexicon.nouns or (joined and head in lexicon.adverbs))


def di_before_listed_nouns(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """地 → 的 before nouns a joiner lists (贯彻落实地思想自觉、政治自觉, 工作地机制化、信息化,
    来势汹汹地新冠肺炎疫情和……) or before 之 and its noun ending the clause (充满挑战地奋斗之路):
    an adverbial's 地 stands before a verb, never before a noun."""
    lists = data.wordlists()
    offsets = piece_offsets(pieces)
    for i in range(1, len(pieces) - 1):
        x = pieces[i]
        if x != "地" or starts_di_word(clause, offsets[i]) or not HAN_RUN.fullmatch(pieces[i - 1]) or len(pieces[i - 1]) < 2:
            continue
        before = pieces[i - 1]
        if (is_adverbial(before, lists["adverbials"]) and before not in lexicon.idioms) or (i >= 2 and is_adverbial(pieces[i - 2] + before, lists["adverbials"])):
            continue  # 全面地、系统地, 最大|限度地: what stands before is how, whatever follows
        end = next((k for k in range(i + 1, len(pieces)) if pieces[k] in _ITEM_JOINERS), len(pieces))
        item = pieces[i + 1 : end]
        joined = end < len(pieces)
        if joined and pieces[end] == "与" and any("相" in p[:3] or p in _WITH_PREDICATES for p in pieces[end + 1 :]):
            continue  # 毫无保留地公开|与群众利益密切相关的事项: 与 opens the phrase 相关 closes, it lists nothing
        if not joined and "之" not in item:
            continue  # nouns to the clause's end: the rules of particle_attribute weigh those
        if not _noun_item(item, joined, lexicon):
            continue
        if joined and len(item) == 1 and end + 1 < len(pieces) and verb_like(pieces[end + 1], lexicon):
            continue  # 代表和维护: one word listed with a verb is a verb, whatever jieba's tag
        yield attribute_de(base + offsets[i], pieces[i - 1], "地", "".join(item))
