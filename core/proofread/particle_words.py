"""What the words around 的, 地 and 得 are, for the rules of :mod:`core.proofread.particles`:
adverbials, verbs and their objects, complements, noun phrases, and the 地 that is a noun
("place"); the clauses the rules read and the word lists they share."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Container

from core.proofread import data, official_counts
from core.proofread.hits import HAN_RUN, Hit
from core.proofread.lexicon import Lexicon

SOURCE = "《现代汉语词典》（第7版）“的”“地”“得”条"


CLAUSE = re.compile(r"[^，。；：！？,;:!?（）()“”‘’《》\s]+")


_DETERMINERS = ("一种", "一次", "这种", "这样")


# Kinds of document a verb before them names (实施意见, 工作方案, 管理办法).
DOCUMENT_KINDS = frozenset({"意见", "方案", "办法", "细则", "规定", "通知", "决定", "规划", "计划", "纲要", "条例"})
# Nouns a verb before them qualifies (起到很好的提升作用, 积极的带动效应): the phrase is a noun.
EFFECT_HEADS = frozenset({"作用", "效果", "效应", "功能"})


def piece_offsets(pieces: list[str]) -> list[int]:
    """Where each of jieba's pieces starts in its clause, and the clause's length last."""
    return [0, *itertools.accumulate(map(len, pieces))]


def is_adverbial(word: str, adverbials: frozenset[str]) -> bool:
    if word in adverbials:
        return True
    if len(word) >= 4 and word[:2] in data.wordlists()["degree"] and word[0] not in "不还仍" and word[2:] in adverbials:
        return True  # 比较顺利, 十分认真: jieba keeps the degree word whole with the adverbial
    # AABB reduplication (扎扎实实, 认认真真); 一X一X (一步一步, 一微克一微克: with_adverbials_joined).
    half = len(word) // 2
    return (len(word) == 4 and word[0] == word[1] and word[2] == word[3] and word[0] != word[2]) or (
        len(word) in (4, 6) and word[0] == "一" and word[:half] == word[half:]
    )


_CONJUNCTIONS = frozenset({"和", "与", "及", "以及"})


ASPECT = frozenset({"了", "着"})


LOCATING = frozenset({"在", "到", "于"})  # what a verb goes on to as a predicate (团结在, 认识到)

# Prepositions whose object is a noun phrase that a verb of the sentence follows (把党的政治建设摆在
# 首位, 以高度的政治热情参加, 对全局性的工作提出建议): inside that object what qualifies its noun
# takes 的, and a verb-like word ending it is a noun. Not 将, as often "will" (将始终不渝地信守).
OBJECT_PREPOSITIONS = frozenset({"把", "以", "对"})


def preposition_before(pieces: list[str], at: int, reach: int, prepositions: Container[str] = OBJECT_PREPOSITIONS) -> int | None:
    """Where the nearest of ``prepositions`` stands among the ``reach`` pieces before ``at``, if any:
    the preposition whose object the piece at ``at`` may be part of."""
    return next((k for k in range(at - 1, max(-1, at - 1 - reach), -1) if pieces[k] in prepositions), None)


# A count of things or of events, which opens a noun phrase (一个高质量的报告, 一些很好的意见,
# 一项项具体的举措, 一次很好的学习, 这场深刻的变革).
COUNT_OF_THINGS = re.compile(r"[一两二三四五六七八九十几每这那该此]([个份篇项部种批条件本套次场])\1?|一些|这些|那些|许多|很多|不少|诸多")


def counted_before(pieces: list[str], at: int) -> bool:
    """Does a count of things (一个, 这些) stand right before pieces[at], or before a degree word
    there (一个|很|好)? Then pieces[at] opens a noun phrase, and what follows its 的 is a noun
    (一个很好的动员), no verb an adverbial qualifies."""
    if at >= 2 and pieces[at - 1] in data.wordlists()["degree"]:
        at -= 1
    return at >= 1 and COUNT_OF_THINGS.fullmatch(pieces[at - 1]) is not None


PRONOUNS = frozenset({"我们", "他们", "你们", "我", "他", "她", "它", "其", "大家", "自己", "这", "那", "谁"})


# Adverbs that stand only in a predicate, never inside a noun phrase before its attribute.
PREDICATE_MARKERS = frozenset("也都还仍又就才已均")

# What joins a second predicate to the first (并健康快乐地成长), or stands only before a predicate.
_BEFORE_A_PREDICATE = PREDICATE_MARKERS | {"并", "并且", "而且", "从而", "进而"}


def _untagged_adjective(word: str, lexicon: Lexicon) -> bool:
    """A word of two characters jieba tags neither verb, noun nor name (快乐, 美丽): an adjective it left untagged."""
    return len(word) == 2 and lexicon.frequency(word) > 0 and word not in lexicon.verbs and word not in lexicon.nouns and word not in lexicon.names


def adjectives_after_predicate_word(pieces: list[str], at: int, lexicon: Lexicon) -> bool:
    """Do adjectives run back from ``pieces[at]`` to a word that stands only before a predicate (并,
    也, 都: 并|健康|快乐|地成长)? Then what follows them is that predicate, and they say how."""
    adjectives = data.wordlists()["adjectives"]
    k = at
    while k >= 0 and (pieces[k] in lexicon.adjectives or pieces[k] in adjectives or _untagged_adjective(pieces[k], lexicon)):
        k -= 1
    return 0 <= k < at and pieces[k] in _BEFORE_A_PREDICATE


_MORE_ATTRIBUTES = 4  # pieces of attributes stacked before X that are looked past (便捷、安全、)


_VERB_TAILS = frozenset({"了", "起", "起来", "出", "好", "成"})  # what jieba cuts off the verb before them


# The numbers that head a point (三是, 八、).
ORDINALS = frozenset("一二三四五六七八九十")


def opens_with_ordinal(pieces: list[str], at: int) -> bool:
    """Is pieces[at] the 是 of 一是, 二是 … that heads a point at the clause's start (三是|毫不放松的抓好)?"""
    return pieces[at] == "是" and at == 1 and pieces[0] in ORDINALS


def noun_phrase_context(
    pieces: list[str], x_index: int, np_verbs: frozenset[str], degree: frozenset[str], verbs: Container[str]
) -> bool:
    """Is "X的V" the object of a verb such as 进行 (进行更加深入的研究), also past more
    attributes before X (构建便捷、安全、高效的综合运输体系; 通过艰苦细致的工作), or joined to a
    noun phrase before it (实施就业优先战略和更加积极的就业政策)?"""
    i = x_index - 1
    while i >= 0 and pieces[i] in degree | {"更加", "更为", "极为", "十分", "非常"}:
        if pieces[i] in PREDICATE_MARKERS:
            return False  # 设施也不断的增加: 也 opens a predicate, no noun phrase goes on past it
        i -= 1
    looked_past = 0
    while (
        i >= 0
        and looked_past < _MORE_ATTRIBUTES
        and pieces[i] not in np_verbs
        and (pieces[i] == "、" or (len(pieces[i]) == 2 and pieces[i] not in verbs))
    ):
        i -= 1  # more attributes (便捷、安全、; 艰苦): not a verb, so not what governs the phrase
        looked_past += 1
    if i < 0:
        return False
    if pieces[i] in _VERB_TAILS and i > 0:
        i -= 1  # jieba cuts 取得|了, 建立|起: the verb before its aspect or complement governs the phrase
    word = pieces[i]
    if opens_with_ordinal(pieces, i):
        return False  # 三是|毫不放松的抓好: 是 after an ordinal heads a point, no copula
    return (
        word in np_verbs
        or (len(word) >= 4 and word[-2:] in np_verbs)  # jieba keeps 逐步形成 whole
        or (word.endswith("了") and word[:-1] in np_verbs)
        or word in _DETERMINERS
        or word in _CONJUNCTIONS
    )


# A word official text writes before 了 this often is used as a verb, whatever jieba's tag (总结 is
# tagged a noun: 认真的总结了一年来 is 认真地总结了); 问题, 工作, 任务 never come before 了.
_BEFORE_LE_SEEN = 3


def takes_aspect(word: str) -> bool:
    table = official_counts.counts()
    return table is not None and table.pair(word, "了") >= _BEFORE_LE_SEEN


def verb_like(word: str, lexicon: Lexicon) -> bool:
    """Is ``word`` a verb: by jieba's tag, or written before 了 or after 地 whatever the tag (总结,
    惠及); also a verb phrase jieba keeps whole (推进改革, 总结经验 tagged a noun), whose head is the verb."""
    head = word[:2] if len(word) >= 4 else word
    return word in lexicon.verbs or head in lexicon.verbs or takes_aspect(head) or (written_after_di(word) and word not in lexicon.nouns)


def verb_with_object(word: str, lexicon: Lexicon) -> bool:
    """Is ``word`` a verb and its object that jieba keeps as one piece (推进改革, 发挥作用,
    履行职责): a verb of two characters, then a noun (or a verb that is also a noun: 改革)?"""
    tail = word[2:]
    return (
        len(word) == 4
        and (word[:2] in lexicon.verbs or takes_aspect(word[:2]))
        and word[:2] not in lexicon.nominal_verbs  # 监督管理: two verbs that are nouns, a noun
        and lexicon.frequency(tail) > 0
        and (tail not in lexicon.verbs or tail in lexicon.nominal_verbs)
    )


# A word official text writes after 地 this often is used as a verb, whatever jieba's tag (团结 is
# tagged an adjective: 紧密地团结 255 times); 人们, 群众 never follow 地.
_AFTER_DI_SEEN = 10


def written_before_di(word: str) -> bool:
    """Does official text write ``word`` before 地 (源源不断地), as an adverbial? An idiom it never
    writes so qualifies nouns (井然有序的社会发展环境)."""
    table = official_counts.counts()
    return table is not None and table.pair(word, "地") > 0


def says_how(word: str, lexicon: Lexicon) -> bool:
    """Can ``word`` say how something is done: an adjective or adverb (jieba's tags, our list), or a
    word official text writes before 地?"""
    return word in lexicon.adjectives or word in lexicon.adverbs or word in data.wordlists()["adjectives"] or written_before_di(word)


# A word official text writes before 地 this often, and more often than before 的, is an adverb
# first (极大: 15 and 0), whatever jieba tags it.
_ADVERB_FIRST_SEEN = 10


def mostly_before_di(word: str) -> bool:
    """Does official text, counted, write ``word`` before 地 often, and more often than before 的?"""
    table = official_counts.counts()
    return table is not None and table.pair(word, "地") >= max(_ADVERB_FIRST_SEEN, table.pair(word, "的"))


# A word official text writes before 的 this often and never before 地 qualifies nouns only.
_ATTRIBUTE_ONLY_SEEN = 100


def never_written_before_di(word: str) -> bool:
    """Does official text, counted, write ``word`` before 的 often and never before 地 (公开: 392
    and 0)? Then 的 after it qualifies a noun, whatever jieba takes the next word for."""
    table = official_counts.counts()
    return table is not None and table.pair(word, "地") == 0 and table.pair(word, "的") >= _ATTRIBUTE_ONLY_SEEN


# How much likelier, as a log-odds, the counts must make 地 than 的 between X and a verb for X to
# count as an adverbial whatever its tag (on the published reports 1 gained 30 slips found for no
# false alarm more).
_DI_ODDS = 1.0


def counted_adverbial(word: str, verb: str) -> bool:
    """Do the counts make ``word`` 地 ``verb`` likelier than ``word`` 的 ``verb`` by _DI_ODDS (a
    log-odds): official text writes ``word`` before 地 more often than before 的, and the two
    sides' odds together (有步骤 before 地, 地 before 进行: 2.8 + 1.1) are high? A word written
    before 的 as often (阵营 0, 积极性 −1.4) is a noun whatever the verb after it (阵营的团结)."""
    table = official_counts.counts()
    if table is None:
        return False
    word_odds = math.log((table.pair(word, "地") + 1) / (table.pair(word, "的") + 1))
    verb_odds = math.log((table.pair("地", verb) + 1) / (table.pair("的", verb) + 1))
    return word_odds > 0 and word_odds + verb_odds > _DI_ODDS


def written_after_di(word: str) -> bool:
    table = official_counts.counts()
    return table is not None and table.pair("地", word) >= _AFTER_DI_SEEN


# What may close a complement of degree (做得更扎实一些, 发展得更快一点).
_COMPLEMENT_TAILS = ("一些", "一点儿", "一点", "些", "了")  # 知道的多了: the complement and its 了


def _without_tail(text: str) -> str:
    for tail in _COMPLEMENT_TAILS:
        if text.endswith(tail) and len(text) > len(tail):
            if tail == "了" and text[-2] in "多少":
                return text  # 取得的多了: what was got grew, as often as how much
            shorter = text[: -len(tail)]
            # 快了一些: the complement, its 了 and 一些
            return _without_tail(shorter) if tail != "了" and shorter.endswith("了") else shorter
    return text


def _doubled_with_you(text: str) -> bool:
    """Is ``text`` an adjective of one character said twice around 之又 or 而又 (严而又严, 细之又细,
    实之又实): a complement of degree?"""
    return (
        len(text) == 4
        and text[0] == text[3]
        and text[1:3] in ("之又", "而又")
        and text[0] in data.wordlists()["one_character_adjectives"]
    )


def is_complement(text: str, complements: frozenset[str], degree: frozenset[str], depth: int = 0) -> bool:
    """``text`` is a complement, after up to two degree words (较好, 不够扎实, 还不够到位), or two
    of them side by side (扎实有效, 有力有序, 更稳更实), and perhaps 一些 after it (更扎实一些)."""
    if depth == 0:
        text = _without_tail(text)
    if text in complements or _doubled_with_you(text):
        return True
    if depth >= 2:
        return False
    if any(
        text.startswith(word) and is_complement(text[len(word) :], complements, degree, depth + 1)
        for word in degree
    ):
        return True
    # Two side by side: each of two characters or more, or the second opening with a degree word
    # of its own (更实更好) — 大小 or 多少 alone are nouns.
    return any(
        is_complement(text[:cut], complements, degree, 2)
        and (cut >= 2 or text[:cut] in complements)
        and (
            (cut >= 2 and len(text) - cut >= 2 and text[cut:] in complements)
            or (text[cut] in "更很还太较" and is_complement(text[cut:], complements, degree, 1))
        )
        for cut in range(1, len(text) - 1)
    )


# Verbs of feeling jieba tags verbs that, after a degree word, say how one fares (更安心, 更放心).
_FEELINGS = frozenset({"安心", "放心", "开心", "满意", "称心", "省心", "顺心", "暖心", "贴心", "宽心", "舒心", "踏实", "自在"})


def degree_and_adjective(rest: list[str], degree: frozenset[str], lexicon: Lexicon) -> bool:
    """Are ``rest`` (to the clause's end) a degree word and a word that is no noun and no verb
    (迈的更沉稳, 走的更稳健, 转的很艰辛), perhaps with 一些 after it, or more degree words and such
    words (扎的更紧更牢, 走的都很不容易): a complement, whatever the adjective?"""
    if len(rest) >= 2 and rest[-1] in _COMPLEMENT_TAILS:
        rest = rest[:-1]  # 学的更好|一些, 做得更扎实|一些
    if len(rest) == 1 and len(rest[0]) == 2 and rest[0][0] in "很太较更挺极":
        # 拖的太久: jieba keeps the degree word and the adjective whole (not 不足, a noun too)
        rest = [rest[0][0], rest[0][1]]
    if len(rest) == 3 and rest[1] == "有" and rest[0] in degree and rest[0] != "最":
        return rest[2] in lexicon.nouns or rest[2] in lexicon.adjectives  # 生活的更有尊严: 有 + a noun is a state
    if len(rest) < 2 or rest[0] not in degree or rest[0] == "最":
        return False  # 最 makes nouns too (需求的最前线)
    if len(rest) == 2:
        return _state_word(rest[1], lexicon)
    if len(rest) == 4 and rest[2] in ("和", "而", "又") and all(_state_word(w, lexicon) and w not in lexicon.nouns for w in rest[1::2]):
        return True  # 做的更加稳妥和周到: two state words joined after one degree word
    # More words: each a degree word, or a state word that is no noun right after one (更紧更牢;
    # not 确定的特别|行政区|宪制秩序, where 特别 is the name's and the rest are nouns).
    return all(
        word in degree or (rest[k - 1] in degree and _state_word(word, lexicon) and word not in lexicon.nouns)
        for k, word in enumerate(rest[1:], 1)
    ) and rest[-1] not in degree


def _state_word(word: str, lexicon: Lexicon) -> bool:
    """Does ``word`` say how a thing is, after a degree word: an adjective of one character of our
    list (牢, 亮), or a word that is no noun head and no verb — but a verb of feeling (安心) is one."""
    if len(word) < 2:
        return word in data.wordlists()["one_character_adjectives"]  # 端的更牢, 擦的更亮
    lists = data.wordlists()
    return (
        lexicon.frequency(word) > 0
        and word not in lists["compound_heads"]
        and (word not in lexicon.verbs or word in _FEELINGS or word in lists["adjectives"])  # jieba's verb 周到
    )


# A character that makes a word this common with the one before it is no verb of its own (发展的).
BOUND_TO_WORD = 30


# The last character of a word that names a person (责任人, 联络员, 建设者).
_PERSON_ENDINGS = frozenset("人者员")


def only_a_verb(word: str, lexicon: Lexicon) -> bool:
    """Is ``word`` a verb that jieba never tags a noun, a verb used as one, or an adjective (推进,
    做好; not 管理, 服务, 满意)?"""
    return word in lexicon.verbs and word not in lexicon.nominal_verbs and word not in lexicon.nouns and word not in lexicon.adjectives


_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")


def noun_not_verb(pieces: list[str], at: int, lists: dict[str, frozenset[str]], lexicon: Lexicon) -> bool:
    """Is ``pieces[at]``, after 地 or 得, a noun and not a verb: one of our compound heads, or a
    noun of jieba's that official text never writes after that particle (掌声, 饲草料 — but jieba
    tags 履行 and 面向 nouns too) and that no 到, 在, 于 or aspect particle follows (深刻地体会到)?"""
    word, particle = pieces[at], pieces[at - 1]
    if verb_like(word, lexicon):
        return False  # also a verb and its object jieba keeps whole and tags a noun (发挥作用)
    listed = at + 3 if at + 3 < len(pieces) and pieces[at + 2 : at + 3] and pieces[at + 2] in lists["degree"] else at + 2
    if pieces[at + 1 : at + 2] in (["、"], ["和"], ["与"], ["及"]) and listed < len(pieces) and verb_like(pieces[listed], lexicon):
        # 关心、支持, 代表和维护: listed with a verb, a verb too, whatever jieba's tag (a degree
        # word before the next item is no verb: 更坚定地信心、更务实的举措)
        return False
    if word in lists["compound_heads"] or (len(word) >= 3 and word[-1] in _PERSON_ENDINGS and word[-2:] not in lexicon.verbs):
        return True  # 第一责任人, 联络员: a person named, which no complement is
    follower = pieces[at + 1] if at + 1 < len(pieces) else ""
    if follower == "而":
        return False  # 主动地顺势而动: 而 joins a verb to the next, whatever jieba's tag
    if pieces[at + 2 : at + 3] == ["的"] and _HAN_WORD.fullmatch(follower) and follower not in lexicon.verbs and follower not in lexicon.adverbs:
        return False  # 自觉地牢记|党|的初心使命: a word with an object of its own after it is a verb, whatever jieba's tag
    table = official_counts.counts()
    after = pieces[at + 1] if at + 1 < len(pieces) else ""
    return (
        word in lexicon.nouns
        and table is not None
        and not table.pair(particle, word)
        and after not in LOCATING | ASPECT | {"过"}
    )


# Noun phrases joined by 和/与/及/、 after 地 or 得 that are read as one object, at most.
_JOINED_PHRASES = 3


_PHRASE_JOINERS = frozenset({"、", "和", "与", "及"})


def noun_phrase_to_end(rest: list[str], lists: dict[str, frozenset[str]], lexicon: Lexicon) -> bool:
    """Are ``rest`` (the pieces after 地 to the clause's end) a noun phrase: a noun last (思想
    舆论环境, 浓厚氛围, 头等大事) or a noun head after one verb used as its attribute (组织保障)?
    Not a complement (推进得比较顺利) nor an adjective."""
    if rest and any(p in _PHRASE_JOINERS for p in rest):
        # Noun phrases joined (紧迫感和责任感): each is one, and none is a bare word of one piece
        # that may be a verb's object or a complement of its own.
        parts: list[list[str]] = [[]]
        for p in rest:
            if p in _PHRASE_JOINERS:
                parts.append([])
            else:
                parts[-1].append(p)
        return len(parts) <= _JOINED_PHRASES and all(
            part and part[-1] in lexicon.nouns and noun_phrase_to_end(part, lists, lexicon) for part in parts
        )
    if not rest or any(p in lists["degree"] or p in lists["prepositions"] for p in rest):
        return False  # a complement, or a clause of its own (以骨干企业为平台)
    if "的" in rest and rest[0] in lexicon.verbs and rest[0] not in lexicon.nominal_verbs:
        return False  # 迅速地发挥投资的效果: a verb and its object, itself a noun with an attribute
    head, attributes = rest[-1], rest[:-1]
    if lexicon.frequency(head) == 0 or len(head) < 2:
        return False
    if is_complement(head, lists["complements"], lists["degree"]) or head in lists["adjectives"] | lists["adverbials"]:
        return False
    if head in lexicon.idioms:
        return False  # 照顾得无微不至, 干得热火朝天: a set phrase of four ends the clause as a complement
    if not attributes and len(head) >= 4 and takes_aspect(head[:2]):
        return False  # 总结经验, 解决问题: a verb and its object jieba keeps whole and tags a noun
    if head in lists["compound_heads"]:
        verbs = [at for at, p in enumerate(attributes) if p in lexicon.verbs and p not in lexicon.nominal_verbs]
        # One verb as an attribute stands next to what it qualifies (宣传|工作), not first before
        # other words: 开展|森林防火|宣传教育|工作 is a verb and its object.
        return len(verbs) <= 1 and not (verbs == [0] and len(attributes) >= 2)
    # No verb, nor one jieba keeps whole with what follows (转化为产业动能).
    return head not in lexicon.verbs and not any(verb_like(p, lexicon) or p[:2] in lexicon.verbs for p in attributes)


def attribute_de(start: int, attribute: str, written: str, noun_phrase: str) -> Hit:
    """The hit for 地 or 得 at ``start`` written where an attribute takes 的 before its noun."""
    return Hit(
        start,
        start + 1,
        "的",
        f"“{attribute}{written}{noun_phrase}”中“{written}”应为“的”：名词前的定语后面用“的”。",
        f"改为“{attribute}的{noun_phrase}”。",
        SOURCE,
    )


# Asking how a thing was done (完成得怎样): the complement of 得 as a question.
_QUESTION_COMPLEMENTS = frozenset({"怎样", "怎么样", "如何", "咋样"})


def predicate_follows(rest: list[str]) -> bool:
    """Is what follows 地 or 得 a predicate after all: a verb with its aspect particle (实事求是地
    总结了过去五年成绩) or a question of how (完成得怎样)?"""
    return bool(rest) and (rest[0] in _QUESTION_COMPLEMENTS or (len(rest) > 1 and rest[1] in ASPECT | {"过"}))


def place_di(pieces: list[str], i: int, clause: str, offsets: list[int], lists: dict[str, frozenset[str]]) -> bool:
    """Is the 地 at pieces[i] the noun "place": after a word that names a place with it (先行地,
    样板地, 人流密集地: wordlists.toml place_words) or after a preposition of place and a word (在
    就业地), the earth after 天 and a character (天蓝地绿),
    or the start of a word with the next character (全省地市, 地区)?"""
    if pieces[i - 1] in lists["place_words"]:
        return True
    if i >= 2 and pieces[i - 2] in _PLACE_PREPOSITIONS and pieces[i - 1] not in lists["adjectives"] | lists["adverbials"]:
        return True  # 在就业地平等享受, 回户籍地办理: a place the preposition names
    at = offsets[i]
    if at >= 2 and clause[at - 2] == "天":
        return True  # 天蓝地绿, 天高地阔: 天 and 地 of a four-character pattern, the earth
    if not starts_di_word(clause, at):
        return False
    # Read across the cut only where what the 地 word leaves of the next piece is nothing or a
    # word (全省|地|市司法局: 地市 + 司法局), not a bound character (举手表决|地|方式: 地方 + 式).
    leftover = pieces[i + 1][1:] if i + 1 < len(pieces) else ""
    return len(leftover) != 1


# Prepositions and verbs of place before a word and 地 (在就业地, 回户籍地).
_PLACE_PREPOSITIONS = frozenset({"在", "于", "到", "赴", "回", "从", "至", "来自"})


# Words that begin with 地, read across jieba's cut (全省|地|市司法局).
_DI_WORDS = frozenset({"地市", "地州", "地县", "地区", "地方", "地域", "地块", "地段", "地标", "地铁", "地税", "地震", "地质", "地灾", "地下", "地上", "地面", "地理"})


def starts_di_word(clause: str, at: int) -> bool:
    """Does the 地 at clause[at] begin a word with the next character (地市, 地区, 地下)?"""
    return clause[at : at + 2] in _DI_WORDS


# A degree word before a three-character word makes a phrase of it (极|不平凡, 很|不容易).
DEGREE_PREFIXES = frozenset({"极", "很", "最", "更", "太", "非常", "十分", "极其", "极为"})


# Verbs whose object is an action named as a noun (进行考核, 给予支持, 加以研究): what qualifies
# that action is an attribute, 的, never an adverbial's 地. Only these of wordlists' np_verbs:
# after most of those (坚持, 推动) an adverbial and its verb may follow (坚持认真地学习).
LIGHT_VERBS = frozenset({"进行", "加以", "给予", "予以", "作出", "做出", "开展"})


def with_adverbials_joined(pieces: list[str]) -> list[str]:
    """Adverbials jieba cuts apart, joined: 有 and the word after it where the two are one of our
    adverbials (有|针对性, 有|计划), any two pieces that are one (最大|限度), and a numeral and its measure word said twice (一步|一步, 一件|一件:
    step by step, which :func:`is_adverbial` reads as one)."""
    adverbials = data.wordlists()["adverbials"]
    joined: list[str] = []
    for piece in pieces:
        if joined and joined[-1] == "有" and "有" + piece in adverbials:
            joined[-1] = "有" + piece
        elif joined and len(joined[-1] + piece) >= 3 and joined[-1] + piece in adverbials:
            joined[-1] += piece  # 最大|限度, 积极|稳妥: one of our adverbials jieba cut in two
        elif joined and joined[-1] == piece and _ONE_BY_ONE.fullmatch(piece):
            joined[-1] = piece * 2
        elif len(joined) >= 3 and joined[-3] == "一" and joined[-1] == "一" and joined[-2] == piece and len(piece) <= 2:
            joined[-3:] = [f"一{piece}一{piece}"]  # 一|微克|一|微克
        else:
            joined.append(piece)
    return joined


# Characters that said twice mean "each" (人人, 家家, 村村): such a word before 的 names who or what.
_DISTRIBUTIVE = frozenset("人家户个年月天日处事样条件村代层岁")


def reduplicated(word: str) -> bool:
    """Is ``word`` a one-character adjective or adverb said twice (大大, 牢牢, 悄悄, 紧紧): before a
    verb it says how; not a distributive (人人, 村村)."""
    return len(word) == 2 and word[0] == word[1] and word[0] not in _DISTRIBUTIVE and HAN_RUN.fullmatch(word) is not None


def with_reduplicated_apart(pieces: list[str]) -> list[str]:
    """A word said twice and 的, which jieba keeps as one word (大大的, 静静的, 红红绿绿的), cut apart:
    就将大大的提高 is 大大 + 的 + a verb. (Kept whole with 地, 远远地 is right as it stands.)"""
    apart: list[str] = []
    for piece in pieces:
        stem = piece[:-1]
        if piece[-1:] == "的" and (reduplicated(stem) or (len(stem) == 4 and reduplicated(stem[:2]) and reduplicated(stem[2:]))):
            apart += [stem, piece[-1]]
        else:
            apart.append(piece)
    return apart


def with_adjective_and_di_apart(pieces: list[str], lexicon: Lexicon) -> list[str]:
    """An adjective and 地 that jieba keeps as one word (可贵地, 熟练地, 牢固地), cut apart before a
    word that is no verb, so the rules see the particle: 积累了可贵地经验 is 可贵 + 地 + a noun. Not
    a word said twice (远远地), nor one before a verb (系统地全面地研究: an adverbial, as written)."""
    lists = data.wordlists()
    apart: list[str] = []
    for k, piece in enumerate(pieces):
        stem = piece[:-1]
        following = pieces[k + 1] if k + 1 < len(pieces) else ""
        if (
            len(piece) >= 3
            and piece[-1] == "地"
            and not reduplicated(stem)
            and following
            and not verb_like(following, lexicon)
            and pieces[k + 2 : k + 3] != ["地"]  # 系统地|全面|地|研究: adverbials side by side
            and (stem in lexicon.adjectives or stem in lists["adjectives"] or stem in lists["adverbials"])
        ):
            apart += [stem, "地"]
        else:
            apart.append(piece)
    return apart


def with_verb_and_de_apart(pieces: list[str], lexicon: Lexicon) -> list[str]:
    """A one-character verb and 的 (or 地) that jieba keeps as a word (端的, 说的, 离地), cut apart
    where a degree word follows: 把饭碗端的更牢 is 端 + 的 + a complement."""
    degree = data.wordlists()["degree"]
    apart: list[str] = []
    for k, piece in enumerate(pieces):
        following = pieces[k + 1] if k + 1 < len(pieces) else ""
        if len(piece) == 2 and piece[1] in "的地" and piece[0] in lexicon.verbs and piece[0] not in "有是" and following in degree:
            apart += [piece[0], piece[1]]  # 离地|更近: 离 + 地 written for 得
        else:
            apart.append(piece)
    return apart


# 一 and a measure word or a noun used as one (一步, 一件, 一点, 一项): said twice, an adverbial.
_ONE_BY_ONE = re.compile(r"一[\u4e00-\u9fff]{1,2}")


# Words that open an object of its own after listed verbs (检查、修正和补充|这些问题).
_SHARED_OBJECT_OPENERS = frozenset({"这些", "那些", "各项", "有关", "相关", "一批", "各类", "各种", "所有"})


def verbs_sharing_an_object(pieces: list[str], at: int, lexicon: Lexicon) -> bool:
    """Do verbs listed from ``pieces[at]`` (检查、修正和补充) share an object after the last, a noun
    phrase to the clause's end (原定的计划)? Listed verbs with one object are the predicate, however
    each alone may be a noun too."""
    k, listed = at, 1
    while k + 2 < len(pieces) and pieces[k + 1] in ("、", "和", "及", "并") and (pieces[k + 2] in lexicon.verbs or verb_like(pieces[k + 2], lexicon) or pieces[k + 2] not in lexicon.nouns):
        k, listed = k + 2, listed + 1
    rest = pieces[k + 1 :]
    # the object a noun phrase of its own (原定的计划, 这些问题), not a noun closing a compound (管理和服务工作)
    own_phrase = "的" in rest or (bool(rest) and rest[0] in _SHARED_OBJECT_OPENERS)
    return listed >= 2 and own_phrase and (rest[-1] in lexicon.nouns or rest[-1] in lexicon.nominal_verbs)
