"""的/地/得: 认真的落实 → 认真地落实, 开展的有声有色 → 开展得有声有色.

Worked on jieba's pieces of each clause, with word classes from :mod:`core.proofread.data`
(wordlists.toml) and jieba's dictionary (verbs):

* 地 or 得 → 的 — an adjective + 地/得 + a noun that is no verb (有效地机制, 良好地氛围, 热烈地掌声,
  热烈得掌声): wordlists.toml adjectives and jieba's, jieba's nouns official text never writes after 地/得;
  and 地 or 得 in the object of a verb, before a noun phrase to the clause's end (提供了坚强地组织
  保障, 营造良好地思想舆论环境);
* 的 → 地 — any word but a pronoun + 的 + a verb + 了/着 (出色的完成了: a predicate), or an
  adjective + 着 (紧张的忙碌着);
* 的 → 地 — an adverbial (认真, 积极, 扎扎实实) + 的 + a verb that goes on to an object or
  an aspect particle (落实各项政策, 化解了), or ends a clause after 要/将/必须…; but not when a
  verb such as 进行/给予/得到 before it makes the whole a noun phrase (进行深入的研究, 得到了认真的
  落实; also past more attributes, or after 和 joining a noun phrase), nor when X is the last
  of a list of attributes or the predicate of a short clause qualifying a noun (约束有力的预算制度,
  树立科学的执政理念: a verb, an adjective or a degree word before X), nor when the phrase
  opens the clause as its subject (合理的收入分配制度是……), nor when the verb and the next
  word are one noun (有效的监督机制);
* 的 → 得 — a verb + 的 + only a complement to the clause's end (完成的较好, 推进的不够扎实,
  or a degree word and any adjective: 迈的更沉稳),
  but not in a comparison (比预想的好: what is compared against);
* 得 → 地 — an adverbial + 得 + a verb (认真得落实), but not 积极得多; any word but a verb
  + 得 + a verb + 了/着 (较好得完成了: a complement follows its verb, it does not precede one);
* 的 → 得 — opening a clause, where 得 makes a verb with the next character (，的到了: 得到); and
  的|到 before what official text writes after 得到 (基础设施的到新改善), or before any word official
  text writes after 得到 as often as after 到 (妙招的到大家好评: published text has 的|到 only in 的到账);
* 得 → 的 — right before a number (下达得2025年目标: a complement never begins with one); 地 → 的
  right before a share (为调整预算地98.4%);
* 的 → 得 — a one-character verb + 的 + a potential complement ending the clause or a list item
  (顶的上, 招的来、留得住);
* 的 → 得 — a character cut loose before 的 that makes a common verb with 得, then 了 (取的了,
  获的了: 取得, 获得), or anything, where official text writes that verb far more often than the
  character alone before 的 (取的重大突破);
* 得 → 的 — an adjective + 得 right before a quotation or title (优异得“抗疫答卷”: the quoted
  noun it qualifies);
* 地 or 得 → 的 — where official text, counted (context_words), writes 的 between the word before
  and the word after and hardly ever 地 or 得 (强大地信心, 乡村振兴得重要抓手).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Container, Iterator

from core.proofread import context_words, data
from core.proofread.hits import HAN_RUN, MAX_RUN, Hit
from core.proofread.lexicon import Lexicon
from core.proofread.loose_pairs import GRAMMAR

SOURCE = "《现代汉语词典》（第7版）“的”“地”“得”条"
_OPENERS = ("“", "‘", "《", "（", "(")
_CLAUSE = re.compile(r"[^，。；：！？,;:!?（）()“”‘’《》\s]+")
# A title is cited as its issuer wrote it (《全面推进政务公开的实施意见》): not the clerk's to mend.
_TITLE = re.compile(r"《[^《》]*》")
_DETERMINERS = ("一种", "一次", "这种", "这样")
_NOT_COMPLEMENT_START = ("是", "不是", "还是", "只是", "都是", "也是", "就是")
_NEGATIONS = frozenset({"不", "未", "没有", "不够", "不太"})
# Nouns a verb before them qualifies (起到很好的提升作用, 积极的带动效应): the phrase is a noun.
_EFFECT_HEADS = frozenset({"作用", "效果", "效应", "功能"})
# Kinds of document a verb before them names (实施意见, 工作方案, 管理办法).
_DOCUMENT_KINDS = frozenset({"意见", "方案", "办法", "细则", "规定", "通知", "决定", "规划", "计划", "纲要", "条例"})
# A character that makes a verb before it a noun (知晓度, 参与率, 获得感, 创造力).
_NOUN_SUFFIXES = frozenset("度率感性力")
_LOCALIZERS = frozenset({"之间", "之中", "之外", "之下", "之上", "之后", "之前", "以来", "方面", "过程中"})
_LINKING_VERBS = frozenset({"是", "成为", "已成为", "将成为", "正成为"})
_DEGREE_MODALS = frozenset({"更", "更加", "更为", "进一步"})


def _offsets(pieces: list[str]) -> list[int]:
    """Where each of jieba's pieces starts in its clause, and the clause's length last."""
    return [0, *itertools.accumulate(map(len, pieces))]


def _adverbial(word: str, adverbials: frozenset[str]) -> bool:
    if word in adverbials:
        return True
    # AABB reduplication: 扎扎实实, 认认真真.
    return len(word) == 4 and word[0] == word[1] and word[2] == word[3] and word[0] != word[2]


_CONJUNCTIONS = frozenset({"和", "与", "及", "以及"})
_ASPECT = frozenset({"了", "着"})
_LOCATING = frozenset({"在", "到", "于"})  # what a verb goes on to as a predicate (团结在, 认识到)
_PREDICATE_ADVERBS = frozenset("也都还又再就才更已均")
_PRONOUNS = frozenset({"我们", "他们", "你们", "我", "他", "她", "它", "其", "大家", "自己", "这", "那", "谁"})


_MORE_ATTRIBUTES = 4  # pieces of attributes stacked before X that are looked past (便捷、安全、)
_VERB_TAILS = frozenset({"了", "起", "起来", "出", "好", "成"})  # what jieba cuts off the verb before them


def _noun_phrase_context(
    pieces: list[str], x_index: int, np_verbs: frozenset[str], degree: frozenset[str], verbs: Container[str]
) -> bool:
    """Is "X的V" the object of a verb such as 进行 (进行更加深入的研究), also past more
    attributes before X (构建便捷、安全、高效的综合运输体系; 通过艰苦细致的工作), or joined to a
    noun phrase before it (实施就业优先战略和更加积极的就业政策)?"""
    i = x_index - 1
    while i >= 0 and pieces[i] in degree | {"更加", "更为", "极为", "十分", "非常"}:
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
    return (
        word in np_verbs
        or (len(word) >= 4 and word[-2:] in np_verbs)  # jieba keeps 逐步形成 whole
        or (word.endswith("了") and word[:-1] in np_verbs)
        or word in _DETERMINERS
        or word in _CONJUNCTIONS
    )


def _attribute_clause(
    pieces: list[str], x_index: int, modals: frozenset[str], adverbials: frozenset[str], degree: frozenset[str], lexicon: Lexicon
) -> bool:
    """Is X (pieces[x_index]) the predicate of a short clause that qualifies a noun, not an
    adverbial? So when a verb, an adjective or a degree word stands right before it (支撑有力的
    现代化宁夏, 运行高效的服务体系, 更加牢固的防线, 树立科学的执政理念), but not a modal or a subject
    (要认真的落实, 我们积极的推进, 网格员耐心的讲解: those are adverbials put with 的)."""
    if x_index == 0:
        return False
    before = pieces[x_index - 1]
    if before in ("更加", "更为", "比较", "较为", "相对") or (before in degree and before not in modals):
        # ... unless a modal opens the degree word's phrase (要更加充分的发挥: an adverbial).
        return not (x_index >= 2 and pieces[x_index - 2] in modals)
    if before in modals:
        return False
    if before in adverbials and before not in lexicon.verbs and pieces[x_index] in adverbials:
        return False  # 细致认真的做好: two adverbials before one verb
    if before in lexicon.adjectives and before not in adverbials:
        return True  # 便捷有效的申请途径: an adjective no adverbial, stacked with X, qualifies a noun
    return len(before) >= 2 and (before in lexicon.verbs or before in adverbials)


def _verb_like(word: str, lexicon: Lexicon) -> bool:
    # jieba keeps some verb phrases whole (推进改革): their head is the verb.
    return word in lexicon.verbs or (len(word) >= 4 and word[:2] in lexicon.verbs)


def _verb_with_object(word: str, lexicon: Lexicon) -> bool:
    """Is ``word`` a verb and its object that jieba keeps as one piece (推进改革, 发挥作用,
    履行职责): a verb of two characters, then a noun (or a verb that is also a noun: 改革)?"""
    tail = word[2:]
    return (
        len(word) == 4
        and word[:2] in lexicon.verbs
        and word[:2] not in lexicon.nominal_verbs  # 监督管理: two verbs that are nouns, a noun
        and lexicon.frequency(tail) > 0
        and (tail not in lexicon.verbs or tail in lexicon.nominal_verbs)
    )


# A word official text writes after 地 this often is used as a verb, whatever jieba's tag (团结 is
# tagged an adjective: 紧密地团结 255 times); 人们, 群众 never follow 地.
_AFTER_DI_SEEN = 10


def _written_before_di(word: str) -> bool:
    """Does official text write ``word`` before 地 (源源不断地), as an adverbial? An idiom it never
    writes so qualifies nouns (井然有序的社会发展环境)."""
    table = context_words.counts()
    return table is not None and table.pair(word, "地") > 0


def _written_after_di(word: str) -> bool:
    table = context_words.counts()
    return table is not None and table.pair("地", word) >= _AFTER_DI_SEEN


# A word official text writes before 了 this often is used as a verb, whatever jieba's tag (总结 is
# tagged a noun: 认真的总结了一年来 is 认真地总结了); 问题, 工作, 任务 never come before 了.
_BEFORE_LE_SEEN = 3


def _takes_aspect(word: str) -> bool:
    table = context_words.counts()
    return table is not None and table.pair(word, "了") >= _BEFORE_LE_SEEN


def _opens_predicate(pieces: list[str], x_index: int, lists: dict[str, frozenset[str]], lexicon: Lexicon) -> bool:
    """Does the adverbial at ``x_index`` (past its degree words) follow a modal, an adverb or the
    clause's start (要更加紧密的团结在, 也清醒的认识到), not a verb whose object it begins (跨出了
    历史性的移植)?"""
    j = x_index - 1
    while j >= 0 and pieces[j] in lists["degree"]:
        j -= 1
    if j < 0 or pieces[j] in lists["modals"] or pieces[j] in _PREDICATE_ADVERBS:
        return True
    return pieces[j] not in lexicon.verbs and pieces[j] not in ("了", "过", "的", "是")


def _takes_a_clause(verb: str, lexicon: Lexicon) -> bool:
    """Is ``verb`` one whose object is the clause after it (看到, 认识到, 意识到)? Ending its own
    clause (我们也清醒的看到，……) it is still the predicate, never a noun."""
    return len(verb) >= 2 and verb.endswith("到") and verb in lexicon.verbs


def _de_to_di(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    lists = data.wordlists()
    adverbials, np_verbs, degree = lists["adverbials"], lists["np_verbs"], lists["degree"]
    offsets = _offsets(pieces)
    for i, piece in enumerate(pieces):
        if piece not in ("的", "得") or i == 0 or i + 1 >= len(pieces):
            continue
        x, verb = pieces[i - 1], pieces[i + 1]
        # jieba keeps some verb phrases whole (推进改革): their head is the verb.
        after = pieces[i + 2] if i + 2 < len(pieces) else None
        located = after in _LOCATING and len(verb) >= 2 and _adverbial(x, adverbials) and _opens_predicate(pieces, i - 1, lists, lexicon)
        if (
            piece == "的"
            and (after in _ASPECT or located)
            and (
                verb in lexicon.verbs
                or (located and _written_after_di(verb))
                or (after == "着" and verb in lexicon.adjectives)
                or (after == "了" and i + 3 < len(pieces) and _takes_aspect(verb))
            )
            and x not in _PRONOUNS
            and x not in np_verbs
            and not (after == "了" and i + 3 == len(pieces) and "是" in pieces[: i - 1])
        ):
            # X的V了: a verb that takes an aspect particle is a predicate, so what stands before
            # 的 qualifies it, whatever the word (较好的完成了, 坚持不懈的开展了, 成功的实现了);
            # so is one that goes on to 在/到/于 after an adverbial (紧密的团结在, 清醒的认识到).
            # Not 是……的工作了 at a clause's end: 了 there ends the sentence, 的 a noun phrase.
            start = base + offsets[i]
            yield Hit(
                start,
                start + 1,
                "地",
                f"“{x}{piece}{verb}{after}”中“{piece}”应为“地”：修饰动词的状语后面用“地”。",
                f"改为“{x}地{verb}{after}”。",
                SOURCE,
            )
            continue
        if verb in _LINKING_VERBS:
            continue  # 最让我们欣喜的是: what went before 的 names a thing
        # 依法的及时解决: two adverbials before the verb.
        chained = piece == "的" and verb in adverbials and after is not None and _verb_like(after, lexicon)
        if not _adverbial(x, adverbials) or not (
            chained or _verb_like(verb, lexicon) or verb in lists["prepositions"]
        ):
            continue
        if verb in adverbials and not chained:
            continue  # 广泛的合理结构: two adjectives before a noun
        if after == "、":
            after = None  # the end of an item of a list ends the phrase as a clause end does
        if piece == "得":
            if verb in ("多", "很", "不", "更"):
                continue  # 积极得多: a comparison, not an adverbial
        else:
            if _noun_phrase_context(pieces, i - 1, np_verbs, degree, lexicon.verbs):
                continue
            if "、" in pieces[: i - 1]:
                continue  # 统一、权威、全面的咨询答问库: the last of a list of attributes before a noun
            if _attribute_clause(pieces, i - 1, lists["modals"], adverbials, degree, lexicon):
                continue
            if i == 1 and "是" in pieces[i + 2 :]:
                continue  # 合理的收入分配制度是……: the phrase is the subject, a noun phrase
            if after in _LINKING_VERBS or after in _LIGHT_VERBS:
                continue  # 更加充分的就业成为……亮点, 信息公开的规范做出了规定: the phrase is a subject
            if i >= 2 and pieces[i - 2] in _NEGATIONS:
                continue  # 不充分的发展, 不规范的行为: a negated attribute before a noun
            if i >= 2 and pieces[i - 2] in ("最", "可"):
                continue  # 最有力的支持, 可持续的增收模式: a superlative or 可 + verb is an attribute
            if after in _LOCALIZERS or after in _NOUN_SUFFIXES:
                continue  # 不平衡的发展之间, 政务公开的知晓度: the verb is part of a noun
            if after is None and not _verb_with_object(verb, lexicon) and not _takes_a_clause(verb, lexicon):
                # Phrase-final "X的V": only after a modal (要认真的落实。); a degree word before
                # X (更有力的举措、更加集中的支持) marks a noun phrase of a list. A verb jieba
                # keeps whole with its object (推进改革, 发挥作用) goes on as a verb does.
                head = pieces[i - 2] if i >= 2 else None
                if head is None or head not in lists["modals"] or head in degree | _DEGREE_MODALS:
                    continue
            elif (verb in lexicon.nominal_verbs and after in lists["compound_heads"]) or after in _EFFECT_HEADS:
                continue  # 有效的监督机制: the verb and the next word are one noun
            elif after in _DOCUMENT_KINDS:
                continue  # 政务公开的实施意见: the verb and the kind of document name a document
        start = base + offsets[i]
        yield Hit(
            start,
            start + 1,
            "地",
            f"“{x}{piece}{verb}”中“{piece}”应为“地”：修饰动词的状语后面用“地”。",
            f"改为“{x}地{verb}”。",
            SOURCE,
        )


# What may close a complement of degree (做得更扎实一些, 发展得更快一点).
_COMPLEMENT_TAILS = ("一些", "一点儿", "一点", "些")


def _without_tail(text: str) -> str:
    for tail in _COMPLEMENT_TAILS:
        if text.endswith(tail) and len(text) > len(tail):
            return text[: -len(tail)]
    return text


def _opens_clause_predicate(pieces: list[str], x_index: int, lists: dict[str, frozenset[str]], lexicon: Lexicon) -> bool:
    """Does the word at ``x_index`` (past its degree words) open the clause's predicate: at the
    clause's start, after a modal, an adverb, a pronoun or a noun that is its subject — not after
    a verb whose object it begins (构筑更加牢固的防止返贫防线), an attribute before it (稳定可持续的)
    or a 顿号 that lists attributes (公平公正、服务高效的)?"""
    j = x_index - 1
    while j >= 0 and (pieces[j] in lists["degree"] or pieces[j] in _DEGREE_MODALS):
        j -= 1
    if j < 0:
        return True
    word = pieces[j]
    if word in lists["modals"] or word in _PREDICATE_ADVERBS or word in _PRONOUNS:
        return True
    # A subject noun, before a phrase that makes no compound with it (成果实实在在的惠及; but 政务
    # 公开的实施意见 is one noun).
    return (
        len(pieces[x_index]) >= 3
        and word in lexicon.nouns
        and word not in lexicon.verbs
        and word not in lexicon.adjectives
    )


def _de_before_verb_and_object(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """的 → 地 before a verb that is only a verb, with its object after it (奋发有为的推动经济社会发展,
    便捷的获取计算资源, 源源不断的转化为动能): the verb is the clause's predicate, so the word before
    的 — an adverbial, an adjective or a set phrase, not a noun — qualifies it. Not where a verb
    before makes the whole its object (进行深入的研究), nor before a noun the verb and object name
    together (明显的提升效果)."""
    lists = data.wordlists()
    adverbials, np_verbs, degree, heads = lists["adverbials"], lists["np_verbs"], lists["degree"], lists["compound_heads"]
    offsets = _offsets(pieces)
    for i, piece in enumerate(pieces):
        if piece != "的" or i == 0 or i + 2 >= len(pieces):
            continue
        x, verb, following = pieces[i - 1], pieces[i + 1], pieces[i + 2]
        x_at = i - 1
        if i >= 2 and (pieces[i - 2] + x in adverbials or pieces[i - 2] + x in lexicon.idioms):
            x, x_at = pieces[i - 2] + x, i - 2  # 最大|限度, 深入|持久: one adverbial cut in two
        set_phrase = len(x) == 4 and (
            (x[:2] in adverbials and x[2:] in adverbials) or (x in lexicon.idioms and _written_before_di(x))
        )
        if not (_adverbial(x, adverbials) or set_phrase):
            continue  # an adjective before 的 is as often an attribute (强大的牵引带动作用)
        if x in _PRONOUNS or x in lexicon.names or (x in lexicon.verbs and x not in adverbials):
            continue
        # A verb (jieba's tag, or official text writes it after 地: 惠及), not one used as a noun too.
        if len(verb) < 2 or verb in lexicon.nominal_verbs:
            continue
        if not (verb in lexicon.verbs or _written_after_di(verb) or _verb_with_object(verb, lexicon)):
            continue
        if not _opens_clause_predicate(pieces, x_at, lists, lexicon) or "是" in pieces[i + 2 :]:
            continue  # 合理的收入分配制度是……: the phrase is the subject
        cut_object = (  # an object jieba cut into characters (实现|雨|污|分流)
            len(following) == 1
            and HAN_RUN.fullmatch(following) is not None
            and following not in GRAMMAR
            and i + 3 < len(pieces)
            and HAN_RUN.fullmatch(pieces[i + 3]) is not None
        )
        object_opens = following in ("为", "于") or cut_object or (
            len(following) >= 2 and HAN_RUN.fullmatch(following) is not None and following not in heads
            and following[-2:] not in heads
            and following not in _EFFECT_HEADS
            and following not in _LOCALIZERS
            and following not in _DOCUMENT_KINDS
        )
        if not object_opens:
            continue
        if _noun_phrase_context(pieces, x_at, np_verbs, degree, lexicon.verbs):
            continue
        start = base + offsets[i]
        yield Hit(
            start,
            start + 1,
            "地",
            f"“{x}的{verb}”中“的”应为“地”：“{verb}”后面带着宾语，是谓语动词，修饰它的状语后面用“地”。",
            f"改为“{x}地{verb}”。",
            SOURCE,
        )


def _is_complement(text: str, complements: frozenset[str], degree: frozenset[str], depth: int = 0) -> bool:
    """``text`` is a complement, after up to two degree words (较好, 不够扎实, 还不够到位), or two
    of them side by side (扎实有效, 有力有序, 更稳更实), and perhaps 一些 after it (更扎实一些)."""
    if depth == 0:
        text = _without_tail(text)
    if text in complements:
        return True
    if depth >= 2:
        return False
    if any(
        text.startswith(word) and _is_complement(text[len(word) :], complements, degree, depth + 1)
        for word in degree
    ):
        return True
    # Two side by side: each of two characters or more, or the second opening with a degree word
    # of its own (更实更好) — 大小 or 多少 alone are nouns.
    return any(
        _is_complement(text[:cut], complements, degree, 2)
        and (cut >= 2 or text[:cut] in complements)
        and (
            (cut >= 2 and len(text) - cut >= 2 and text[cut:] in complements)
            or (text[cut] in "更很还" and _is_complement(text[cut:], complements, degree, 1))
        )
        for cut in range(1, len(text) - 1)
    )


def _degree_and_adjective(rest: list[str], degree: frozenset[str], lexicon: Lexicon) -> bool:
    """Are ``rest`` (to the clause's end) a degree word and one word that is no noun and no verb
    (迈的更沉稳, 走的更稳健, 转的很艰辛), perhaps with 一些 after it: a complement, whatever the
    adjective?"""
    if len(rest) == 3 and rest[-1] in _COMPLEMENT_TAILS:
        rest = rest[:2]
    if len(rest) != 2 or rest[0] not in degree or rest[0] == "最" or len(rest[1]) < 2:
        return False  # 最 makes nouns too (需求的最前线)
    word = rest[1]
    heads = data.wordlists()["compound_heads"]
    return lexicon.frequency(word) > 0 and word not in heads and word not in lexicon.verbs


def _verb_and_complement(item: str, complements: frozenset[str], degree: frozenset[str], lexicon: Lexicon) -> bool:
    """Is ``item`` a verb, 得 and a complement (走得很坚定)?"""
    verb, found, rest = item.partition("得")
    return bool(found) and verb in lexicon.verbs and bool(rest) and (
        _is_complement(rest, complements, degree) or _degree_and_adjective(lexicon.words(rest), degree, lexicon)
    )


def _de_to_de(clause: str, base: int, pieces: list[str], lexicon: Lexicon, cut: bool = False) -> Iterator[Hit]:
    """``cut``: the clause stops at an opening quote or bracket, so what follows 的 there is no
    complement that ends the clause (发展的最大“富矿”)."""
    if cut:
        return
    lists = data.wordlists()
    complements, degree = lists["complements"], lists["degree"]
    position = 0
    for i, piece in enumerate(pieces):
        start = position
        position += len(piece)
        if piece != "的" or i == 0 or pieces[i - 1] not in lexicon.verbs:
            continue
        if "比" in pieces[max(0, i - 3) : i - 1]:
            continue  # 比预想的好: "预想的" is what is compared against, not a verb and its complement
        rest = clause[position:]
        if not rest or rest.startswith(_NOT_COMPLEMENT_START):
            continue
        # One complement, or several listed with 顿号 (抓的更深入、更全面); an item after the first
        # may be a verb with a complement of its own (转的很艰辛、走得很坚定).
        items = rest.split("、")
        if not all(
            item
            and (
                _is_complement(item, complements, degree)
                or _degree_and_adjective(lexicon.words(item), degree, lexicon)
                or (at > 0 and _verb_and_complement(item, complements, degree, lexicon))
            )
            for at, item in enumerate(items)
        ):
            continue
        verb = pieces[i - 1]
        yield Hit(
            base + start,
            base + start + 1,
            "得",
            f"“{verb}的{clause[position:]}”中“的”应为“得”：动词后面引出补语用“得”。",
            f"改为“{verb}得{clause[position:]}”。",
            SOURCE,
        )


def _parallel_adverbials(text: str) -> Iterator[Hit]:
    """全面的、辩证地看待: the first of two parallel adverbials takes 地 like the second."""
    adverbials = data.wordlists()["adverbials"]
    for match in re.finditer(r"([\u4e00-\u9fff]{2,4})的、([\u4e00-\u9fff]{2,4})地", text):
        word = match.group(1)
        for size in range(len(word), 1, -1):
            if word[-size:] in adverbials:
                at = match.start(1) + len(word)
                yield Hit(
                    at,
                    at + 1,
                    "地",
                    f"“{word[-size:]}的、{match.group(2)}地”并列作状语，“的”应为“地”。",
                    f"改为“{word[-size:]}地”。",
                    SOURCE,
                )
                break


# Items of a list or of parallel clauses: what lies between 、，；and the sentence's ends.
_ITEM = re.compile(r"[^、，；。！？：:;,\s“”‘’《》（）()]+")
_LONGEST_PARALLEL_COMPLEMENT = 3
# What a one-character verb can or cannot reach (顶得上, 招得来, 留得住): after 的 at the end of a
# clause, the potential complement that takes 得.
_POTENTIAL_COMPLEMENTS = frozenset("上下来去住起动开完好到出进过")
# A character that makes a word this common with the one before it is no verb of its own (发展的).
_BOUND_TO_WORD = 30


# 得 right before a number, after a character it makes no word with (获得, 取得, 值得 are words):
# a complement never begins with a number, so it is 的 (下达得2025年目标, 是2015年得1.4倍); 17
# million characters of laws and 1.4 million of reports never write it. Digits only: a Chinese
# numeral begins words after a complement's 得 (组织得十分周密). 地 likewise before a share (为调整
# 预算地98.4%): the noun 地 (land) is counted in 亩 or 平方米, never in per cent.
# Not before a figure that begins a term (嘉得5G: 5G is no number, 得 is part of a name).
_DE_BEFORE_NUMBER = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:得(?=[0-9０-９]+(?![0-9０-９]*[A-Za-zＡ-Ｚａ-ｚ]))|地(?=[0-9０-９][0-9０-９.．]*[%％]))"
)
_NUMBER_AFTER = re.compile(r"[0-9０-９.．%％]+")


def _de_before_number(text: str, lexicon: Lexicon) -> Iterator[Hit]:
    for match in _DE_BEFORE_NUMBER.finditer(text):
        at = match.start()
        if lexicon.frequency(text[at - 1 : at + 1]) >= _BOUND_TO_WORD:
            continue
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


def _potential_complement(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """的 → 得 between a one-character verb and a potential complement that ends the clause or a
    list item (关键时刻顶的上, 招的来、留得住)."""
    offsets = _offsets(pieces)
    for i, piece in enumerate(pieces):
        if piece != "的" or i == 0 or i + 1 >= len(pieces):
            continue
        verb, complement = pieces[i - 1], pieces[i + 1]
        if len(verb) != 1 or verb not in lexicon.verbs or complement not in _POTENTIAL_COMPLEMENTS:
            continue
        if i + 2 < len(pieces) and pieces[i + 2] != "、":
            continue
        yield Hit(
            base + offsets[i],
            base + offsets[i] + 1,
            "得",
            f"“{verb}的{complement}”中“的”应为“得”：动词后面引出可能补语用“得”。",
            f"改为“{verb}得{complement}”。",
            SOURCE,
        )


def _parallel_complements(text: str, lexicon: Lexicon) -> Iterator[Hit]:
    """花的其所、用得安全; 搬得出、稳的住; 留的住乡韵、记得住乡愁: two items side by side that end
    alike, a verb, a particle and a complement as long, one with 得 and one with 的: the parallel
    one takes 得 too."""
    items = list(_ITEM.finditer(text))
    for one, other in itertools.pairwise(items):
        if other.start() != one.end() + 1 or text[one.end()] not in "、，":
            continue
        for size in range(1, _LONGEST_PARALLEL_COMPLEMENT + 1):
            if min(len(one.group()), len(other.group())) < size + 2:
                break
            marks = one.group()[-size - 1], other.group()[-size - 1]
            if set(marks) != {"的", "得"}:
                continue
            de_item, de_item_with = (one, other) if marks[0] == "的" else (other, one)
            written, parallel = de_item.group(), de_item_with.group()
            verb, complement, its_parallel = written[-size - 2], written[-size:], parallel[-size:]
            if set(complement + its_parallel) & {"的", "得", "地"}:
                continue
            if lexicon.frequency(verb + "的") >= _BOUND_TO_WORD:
                continue  # 目的, 的确: 的 is part of a word
            bound = written[-size - 3 : -size - 1] if len(written) >= size + 3 else ""
            if bound and lexicon.frequency(bound) >= _BOUND_TO_WORD and bound not in lexicon.verbs:
                continue  # 群众的认可: a noun owns the 的 before a noun
            if bound and verb not in lexicon.verbs and bound not in lexicon.verbs:
                continue  # a verb opens a short item (稳的住) or is one (留的住)
            if complement in lexicon.nouns and complement[0] != its_parallel[0]:
                continue  # 企业的发展: a noun after 的, unlike the complement beside it
            at = de_item.start() + len(written) - size - 1
            shown_verb = bound if bound in lexicon.verbs else verb
            yield Hit(
                at,
                at + 1,
                "得",
                f"“{shown_verb}的{complement}”与“{parallel[-size - 2 :]}”并列，“{shown_verb}”后面引出补语也用“得”。",
                f"改为“{shown_verb}得{complement}”。",
                SOURCE,
            )
            break


def _noun_not_verb(pieces: list[str], at: int, lists: dict[str, frozenset[str]], lexicon: Lexicon) -> bool:
    """Is ``pieces[at]``, after 地 or 得, a noun and not a verb: one of our compound heads, or a
    noun of jieba's that official text never writes after that particle (掌声, 饲草料 — but jieba
    tags 履行 and 面向 nouns too) and that no 到, 在, 于 or aspect particle follows (深刻地体会到)?"""
    word, particle = pieces[at], pieces[at - 1]
    if _verb_like(word, lexicon):
        return False  # also a verb and its object jieba keeps whole and tags a noun (发挥作用)
    if pieces[at + 1 : at + 2] == ["、"] and at + 2 < len(pieces) and _verb_like(pieces[at + 2], lexicon):
        return False  # 关心、支持: listed with a verb, a verb too, whatever jieba's tag
    if word in lists["compound_heads"]:
        return True
    table = context_words.counts()
    after = pieces[at + 1] if at + 1 < len(pieces) else ""
    return (
        word in lexicon.nouns
        and table is not None
        and not table.pair(particle, word)
        and after not in _LOCATING | _ASPECT | {"过"}
    )


def _noun_before_noun(pieces: list[str], at: int, lists: dict[str, frozenset[str]], lexicon: Lexicon) -> bool:
    """Is ``pieces[at]`` a word that is neither verb nor adjective, before a noun that is no verb
    (坚实得|自然资源|根基): the two are one noun phrase, whatever jieba's tag of the first."""
    word = pieces[at]
    return (
        at + 1 < len(pieces)
        and len(word) >= 2
        and lexicon.frequency(word) > 0
        and not _verb_like(word, lexicon)
        and word not in lexicon.adjectives
        and word not in lists["adjectives"] | lists["adverbials"] | lists["degree"]
        and pieces[at + 1] in lexicon.nouns
        and _noun_not_verb(pieces, at + 1, lists, lexicon)
    )


def _di_to_de(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
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
        # A degree word before one character makes an adjective of it (很|强, 较|好).
        adjective = x in lists["adjectives"] or x in lexicon.adjectives or x != bare
        if len(x) < 2 or not (_adverbial(x, lists["adverbials"]) or adjective):
            continue
        if not (_noun_not_verb(pieces, i + 1, lists, lexicon) or _noun_before_noun(pieces, i + 1, lists, lexicon)):
            continue
        yield Hit(
            base + start,
            base + start + 1,
            "的",
            f"“{x}{piece}{noun}”中“{piece}”应为“的”：名词前的定语后面用“的”。",
            f"改为“{x}的{noun}”。",
            SOURCE,
        )


def _de_before_noun(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """得 → 的 between a verb or an adjective and a noun that is no verb (存在得问题, 功能齐全得
    基地, 推进改革开放得任务): a complement after 得 is never a noun, so the noun is what the
    words before qualify. Not after a noun or a pronoun, where 得 is the verb "to get" (群众得实惠)."""
    lists = data.wordlists()
    offsets = _offsets(pieces)
    for i in range(1, len(pieces) - 1):
        if pieces[i] != "得":
            continue
        x = pieces[i - 1]
        qualifies = x in lexicon.verbs or x in lexicon.adjectives or x in lists["adjectives"] or _verb_like(x, lexicon)
        if len(x) < 2 or not (qualifies or x in lexicon.idioms) or x in lexicon.nouns or x in _PRONOUNS:
            continue
        if not _noun_not_verb(pieces, i + 1, lists, lexicon) or pieces[i + 1] in lexicon.adjectives:
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


def _governing_verb(pieces: list[str], x_index: int, modals: frozenset[str], lexicon: Lexicon) -> bool:
    """Does a verb of two characters or more govern X (pieces[x_index]) from at most
    _GOVERNED_REACH pieces before it (提供了|坚强, 营造|干事|创业)? A modal on the way means X
    is an adverbial of the verb after it (要认真地落实), not part of an object."""
    for k in range(x_index - 1, max(-1, x_index - 1 - _GOVERNED_REACH), -1):
        word = pieces[k]
        if word in modals or word == "、":
            return False
        if word == "了":
            continue
        if len(word) >= 2 and word in lexicon.verbs:
            return True
    return False


# Noun phrases joined by 和/与/及/、 after 地 or 得 that are read as one object, at most.
_JOINED_PHRASES = 3
_PHRASE_JOINERS = frozenset({"、", "和", "与", "及"})


def _noun_phrase_to_end(rest: list[str], lists: dict[str, frozenset[str]], lexicon: Lexicon) -> bool:
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
            part and part[-1] in lexicon.nouns and _noun_phrase_to_end(part, lists, lexicon) for part in parts
        )
    if not rest or any(p in lists["degree"] or p in lists["prepositions"] for p in rest):
        return False  # a complement, or a clause of its own (以骨干企业为平台)
    head, attributes = rest[-1], rest[:-1]
    if lexicon.frequency(head) == 0 or len(head) < 2:
        return False
    if _is_complement(head, lists["complements"], lists["degree"]) or head in lists["adjectives"] | lists["adverbials"]:
        return False
    if head in lists["compound_heads"]:
        return sum(p in lexicon.verbs and p not in lexicon.nominal_verbs for p in attributes) <= 1
    # No verb, nor one jieba keeps whole with what follows (转化为产业动能).
    return head not in lexicon.verbs and not any(p in lexicon.verbs or p[:2] in lexicon.verbs for p in attributes)


def _attribute_de(start: int, attribute: str, written: str, noun_phrase: str) -> Hit:
    """The hit for 地 or 得 at ``start`` written where an attribute takes 的 before its noun."""
    return Hit(
        start,
        start + 1,
        "的",
        f"“{attribute}{written}{noun_phrase}”中“{written}”应为“的”：名词前的定语后面用“的”。",
        f"改为“{attribute}的{noun_phrase}”。",
        SOURCE,
    )


def _di_to_de_in_object(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """地 or 得 → 的 in the object of a verb: a verb + X + 地 + a noun phrase to the clause's end
    (提供了坚强地组织保障, 营造良好地思想舆论环境, 提供舒适得办事环境): what follows is no verb
    the 地 could qualify, so X qualifies the noun, and an attribute takes 的."""
    lists = data.wordlists()
    offsets = _offsets(pieces)
    for i, piece in enumerate(pieces):
        if piece not in ("地", "得") or i < 2 or i + 1 >= len(pieces) or len(pieces[i - 1]) < 2:
            continue
        if lexicon.frequency(pieces[i - 1][-1] + piece) >= _BOUND_TO_WORD:
            continue  # 留用|地, 用地: the character is part of a noun (land), no particle
        if piece == "地" and pieces[i - 1] in lexicon.verbs and pieces[i - 1] not in lists["adjectives"]:
            continue  # 首倡|地, 消费|地: the place where something is done, a noun
        if piece == "地" and pieces[i - 1][0] == "天":
            continue  # 天蓝|地|绿: 天 and 地 of a four-character pattern
        if not _governing_verb(pieces, i - 1, lists["modals"], lexicon):
            continue
        if piece == "地" and _place_di(pieces, i, clause, offsets, lists):
            continue
        if not _noun_phrase_to_end(pieces[i + 1 :], lists, lexicon) or _predicate_follows(pieces[i + 1 :]):
            continue
        yield _attribute_de(base + offsets[i], pieces[i - 1], piece, "".join(pieces[i + 1 :]))


# Asking how a thing was done (完成得怎样): the complement of 得 as a question.
_QUESTION_COMPLEMENTS = frozenset({"怎样", "怎么样", "如何", "咋样"})


def _predicate_follows(rest: list[str]) -> bool:
    """Is what follows 地 or 得 a predicate after all: a verb with its aspect particle (实事求是地
    总结了过去五年成绩) or a question of how (完成得怎样)?"""
    return bool(rest) and (rest[0] in _QUESTION_COMPLEMENTS or (len(rest) > 1 and rest[1] in _ASPECT | {"过"}))


# What ends a complement of degree after 得 (估计得严峻一些, 做得更好一点).
_COMPARATIVE_TAILS = frozenset({"一些", "一点", "一点儿", "许多", "多了"})
def _place_di(pieces: list[str], i: int, clause: str, offsets: list[int], lists: dict[str, frozenset[str]]) -> bool:
    """Is the 地 at pieces[i] the noun "place": after a word that names a place with it (先行地,
    样板地, 人流密集地: wordlists.toml place_words), the earth after 天 and a character (天蓝地绿),
    or the start of a word with the next character (全省地市, 地区)?"""
    if pieces[i - 1] in lists["place_words"]:
        return True
    at = offsets[i]
    if at >= 2 and clause[at - 2] == "天":
        return True  # 天蓝地绿, 天高地阔: 天 and 地 of a four-character pattern, the earth
    if not (at + 2 <= len(clause) and clause[at : at + 2] in _DI_WORDS):
        return False
    # Read across the cut only where what the 地 word leaves of the next piece is nothing or a
    # word (全省|地|市司法局: 地市 + 司法局), not a bound character (举手表决|地|方式: 地方 + 式).
    leftover = pieces[i + 1][1:] if i + 1 < len(pieces) else ""
    return len(leftover) != 1


# Words that begin with 地, read across jieba's cut (全省|地|市司法局).
_DI_WORDS = frozenset({"地市", "地州", "地县", "地区", "地方", "地域", "地块", "地段", "地标", "地铁", "地税", "地震", "地质", "地灾", "地下", "地上", "地面", "地理"})
# A degree word before a three-character word makes a phrase of it (极|不平凡, 很|不容易).
_DEGREE_PREFIXES = frozenset({"极", "很", "最", "更", "太", "非常", "十分", "极其", "极为"})
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
        if words and words[0] in _DEGREE_PREFIXES and len("".join(words)) == _PHRASE_CHARACTERS:
            return "".join(words)
    if i >= 2 and len(last) == 2 and len(pieces[i - 2]) == 2:
        return pieces[i - 2] + last
    for back in (3, 4):  # 凝|心|聚|力: a set phrase of the dictionary that jieba cut loose
        words = pieces[i - back : i] if i >= back else []
        joined = "".join(words)
        if len(joined) == _PHRASE_CHARACTERS and lexicon.frequency(joined):
            return joined
    return ""


def _di_to_de_after_phrase(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """地 or 得 → 的 after a four-character phrase when a noun phrase that holds no verb ends the
    clause (迈出了转型升级地有力步伐, 保持实干争先地姿态, 极为难忘得一年): an adverbial's 地 needs
    a verb after it and a complement's 得 a predicate; with neither, the phrase is an attribute,
    and an attribute takes 的. The noun may be no word that also serves as a verb (兢兢业业地工作)
    or an adjective (坚持不懈地努力)."""
    lists = data.wordlists()
    offsets = _offsets(pieces)
    for i, piece in enumerate(pieces):
        if piece not in ("地", "得") or i == 0 or i + 1 >= len(pieces):
            continue
        phrase = _phrase_before(pieces, i, lexicon)
        if piece == "地" and _place_di(pieces, i, clause, offsets, lists):
            continue
        if not phrase or lexicon.frequency(pieces[i - 1] + piece) or lexicon.frequency(pieces[i - 1][-1] + piece) >= _BOUND_TO_WORD:
            continue  # 所在地, 留用地: the character is part of a noun (land, place)
        if phrase.endswith(tuple(lists["degree_nouns"])) or _adverbial(pieces[i - 1], lists["adverbials"]):
            continue  # 最大限度地, 坚定不移地: an adverbial, whatever the word after it is tagged
        rest = pieces[i + 1 :]
        if rest[-2:] == ["之", "年"]:
            rest = [*rest[:-2], "之年"]  # 开局|之|年: one head, the year of
        if "的" in rest or any(p in lexicon.verbs or p[:2] in lexicon.verbs for p in rest):
            continue  # a verb (节约资源 kept whole), or 天蓝地绿水秀的家园: its noun further on
        if not _noun_phrase_to_end(rest, lists, lexicon) or (piece == "得" and rest[-1] in _COMPARATIVE_TAILS):
            continue  # 把形势估计得严峻一些: a complement of degree, not a noun
        if _predicate_follows(rest):
            continue
        yield _attribute_de(base + offsets[i], phrase, piece, "".join(rest))


# A verb ending in 得 this common (取得, 获得, 赢得) is what a loose character before 的 了 meant.
_DE_VERB = 1000


# A character that makes a verb with 得 (取得, 获得) is that verb's, cut by a slip, when official text
# writes the verb this often and this many times as often as the character alone before 的.
_ONE_VERB_SEEN = 50
_ONE_VERB_RATIO = 20


def _written_as_one_verb(character: str, ratio: int = _ONE_VERB_RATIO) -> bool:
    """Does official text write ``character`` + 得 as one verb far more often than ``character``
    alone before 的 (取得 8,644 times, 取|的 7: 取的重大突破 is 取得; 值得 27, 值|的 11: not)?"""
    table = context_words.counts()
    if table is None:
        return False
    seen = table.word(character + "得")
    return seen >= _ONE_VERB_SEEN and seen >= ratio * (table.pair(character, "的") + 1)


# Words that open the object of a verb in 得 (赢得更多信任, 取得良好成效) rather than name a thing
# a 的 could qualify; with them a lower ratio of the verb to the loose character before 的 will do
# (赢得 155, 赢|的 14).
_OBJECT_OPENERS = frozenset({"更", "更多", "更加", "更大", "更好", "良好", "显著", "明显", "广泛", "一致", "较好", "新"})
_OPENER_RATIO = 5


def _de_cutting_a_de_word(base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """的 → 得 opening a clause, where 得 makes a verb with the next character (，的到了…支持:
    得到): no clause begins with the particle 的. Anywhere in a clause, 的 before the rest of a
    word with 得 that is seldom a word alone (成绩的益于 → 得益于, 的天独厚 → 得天独厚)."""
    position = 0
    for i, piece in enumerate(pieces[:-1]):
        at, position = position, position + len(piece)
        if piece != "的":
            continue
        rest = pieces[i + 1]
        word = "得" + rest
        opening = i == 0 and len(rest) == 1 and word in lexicon.verbs and lexicon.frequency(word) >= _DE_VERB
        bound = len(rest) > 1 and lexicon.frequency(word) >= _DE_WORD and lexicon.frequency(rest) < lexicon.frequency(word)
        if opening or bound:
            # 的|益于 (得益于): a word with 得 that jieba cut after the particle.
            yield Hit(base + at, base + at + 1, "得", f"“的{rest}”中“的”应为“得”：“{word}”是一个词。", f"改为“{word}”。", SOURCE)


# A word this common that begins with 得 (得益于) is what a clause opening with 的 + the rest meant.
_DE_WORD = 50


# 的|到 before what official text writes after 得到 this often, and more often than after 到 alone
# (基础设施的到新改善, 诉求的到了有效解决: 得到), is the verb 得到; the noun 到来 or 到位 is one
# piece and never read here, and 规定的到站 keeps its 到 (到 站 is written, 得到 站 never).
_DEDAO_SEEN = 20


def _dedao(base: int, pieces: list[str]) -> Iterator[Hit]:
    table = context_words.counts()
    if table is None:
        return
    offsets = _offsets(pieces)
    for i in range(1, len(pieces) - 2):
        if pieces[i] != "的" or pieces[i + 1] != "到":
            continue
        following = pieces[i + 2]
        after_verb, after_to = table.pair("得到", following), table.pair("到", following)
        # Published text writes 的 and a loose 到 side by side only where 到 starts a word jieba
        # cut apart (的|到|账, 的|到|站): before a word of two characters or more, 的到 is 得到
        # unless official text writes 到 before that word more often than 得到 (到社会).
        if (after_verb >= _DEDAO_SEEN and after_verb > after_to) or (len(following) >= 2 and after_to <= after_verb):
            yield Hit(
                base + offsets[i],
                base + offsets[i] + 1,
                "得",
                f"“的到{following}”中“的”应为“得”：这里是动词“得到”。",
                "改为“得到”。",
                SOURCE,
            )


def _misplaced_de(clause: str, base: int, pieces: list[str], lexicon: Lexicon, cut: bool) -> Iterator[Hit]:
    """Three slips of one character each: 取的了 (a verb in 得 split), 较好得完成了 (得 before a
    verb with its aspect particle), 优异得“…” (得 before the quoted noun it qualifies)."""
    adjectives = data.wordlists()["adjectives"]
    offsets = _offsets(pieces)
    for i, piece in enumerate(pieces):
        if i == 0:
            continue
        before, start = pieces[i - 1], base + offsets[i]
        after = pieces[i + 1] if i + 1 < len(pieces) else ""
        verb = before + "得"
        if (
            piece == "的"
            and len(before) == 1
            and verb in lexicon.verbs
            and lexicon.frequency(verb) >= _DE_VERB
            and (
                after == "了"
                or _written_as_one_verb(before)
                or (len(after) >= 2 and after in lexicon.verbs and after not in lexicon.nominal_verbs)
                or after in _PRONOUNS
                or (after in _OBJECT_OPENERS and _written_as_one_verb(before, _OPENER_RATIO))
            )
        ):
            # 值|的|学习: a verb follows, which the verb in 得 takes (值得学习); so does a pronoun
            # (值得大家学习) or a word that opens its object (赢得更多信任); 增加值的增长 has a noun.
            shown = f"{before}的{after}"
            yield Hit(start, start + 1, "得", f"“{shown}”中“的”应为“得”：“{verb}”是一个词。", f"改为“{verb}{after}”。", SOURCE)
        elif (
            piece == "得"
            and i + 2 < len(pieces)
            and pieces[i + 2] in _ASPECT
            and len(after) >= 2
            and after in lexicon.verbs
            and after not in adjectives
            and before not in lexicon.verbs
        ):
            # 较|好|得: name the adverbial whole in the message.
            degree = pieces[i - 2] if i >= 2 else ""
            adverbial = degree + before if len(before) == 1 and degree in _DEGREE_PREFIXES | {"较"} else before
            yield Hit(
                start,
                start + 1,
                "地",
                f"“{adverbial}得{after}”中“得”应为“地”：修饰动词的状语后面用“地”。",
                f"改为“{adverbial}地{after}”。",
                SOURCE,
            )
        elif piece == "得" and i >= 2 and pieces[i - 2] == "所" and len(before) == 1 and (after not in lexicon.verbs or after in lexicon.nominal_verbs):
            # 所做得工作: 所 + a verb + 的 names what was done
            yield Hit(start, start + 1, "的", f"“所{before}得{after}”中“得”应为“的”：“所”加动词后面用“的”，如“所做的工作”。", f"改为“所{before}的”。", SOURCE)
        elif (
            piece == "的"
            and before == "好"
            and i >= 2
            and pieces[i - 2] in ("较", "更", "很", "最")
            and after in lexicon.verbs
            and after not in lexicon.nominal_verbs
            and after not in adjectives
            and i + 2 < len(pieces)
            and pieces[i + 2] not in _EFFECT_HEADS
        ):
            # 较好的完成各项工作: a verb with its object after it is qualified by an adverbial
            yield Hit(
                start,
                start + 1,
                "地",
                f"“{pieces[i - 2]}好的{after}”中“的”应为“地”：修饰动词的状语后面用“地”。",
                f"改为“{pieces[i - 2]}好地{after}”。",
                SOURCE,
            )
        elif piece == "得" and cut and i == len(pieces) - 1 and len(before) >= 2 and (before in adjectives or before not in lexicon.verbs):
            yield Hit(
                start,
                start + 1,
                "的",
                f"“{before}得”中“得”应为“的”：它修饰后面引号里的名词，定语后面用“的”。",
                f"改为“{before}的”。",
                SOURCE,
            )


# Heads of a noun phrase that ends a clause (负重前行的一年, 开局之年): with the compound heads.
_TIME_HEADS = frozenset({"一年", "之年", "时期", "阶段", "时刻", "年份"})


def _di_to_de_before_head(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """地 → 的 after any word that is no adverbial, when no verb follows 地 and a noun head ends
    the clause (上下贯通、左右联动地战时指挥体系, 贯彻党的二十大精神地开局之年): an
    adverbial's 地 stands right before its verb; before a noun phrase it is an attribute's 的."""
    lists = data.wordlists()
    offsets = _offsets(pieces)
    for i, piece in enumerate(pieces):
        if piece != "地" or i == 0 or i + 2 > len(pieces):
            continue
        x, rest = pieces[i - 1], pieces[i + 1 :]
        if len(x) < 2 or _adverbial(x, lists["adverbials"]) or x in lists["adjectives"] or x in lists["degree_nouns"]:
            continue
        if lexicon.frequency(x[-1] + piece) >= _BOUND_TO_WORD or _place_di(pieces, i, clause, offsets, lists):
            continue
        if rest[0] in lexicon.verbs or rest[0][:2] in lexicon.verbs or len(rest[0]) < 2:
            continue
        if any(p in ("的", "了", "着", "过", "、", "和", "与", "及") for p in rest):
            continue
        head = rest[-1] if len(rest[-1]) >= 2 else "".join(rest[-2:])
        if head not in lists["compound_heads"] and head not in _TIME_HEADS:
            continue
        yield _attribute_de(base + offsets[i], x, piece, "".join(rest))


# 地/得 → 的 by counts: the text with 的 must be this much more probable (e^5 ≈ 150 times), and
# official text must write 的 beside the word before or after this often. On the planted sets,
# 5 against 4 lost no slip found and dropped a false alarm on 300,000 characters of local reports.
_COUNTED_GAIN = 5.0
_PERCENT = frozenset({"%", "％"})
_COUNTED_EVIDENCE = 10


def _noun_ending_in_di(before: str, lexicon: Lexicon, lists: dict[str, frozenset[str]]) -> bool:
    """Does 地 make a noun with the last character before it (山林|地 of 林地, 基地), rather than
    follow an adjective (强大地, 最大地: 大地 is a word too)?"""
    if before in lists["adjectives"] or before[0] in _DEGREE_PREFIXES:
        return False
    return lexicon.frequency(before[-1] + "地") >= _BOUND_TO_WORD


def _attribute_de_by_counts(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """地 or 得 → 的 where official text (:mod:`core.proofread.context_words`' counts of laws and
    reports) writes 的 between the word before and the word after, and hardly 地 or 得: 注入强大地
    信心, 作为乡村振兴得重要抓手, 开展多样化地宣传 (宣传 a verb used as a noun). Not 地 the noun (先行地,
    全省地市, 山林地经济) or before a verb that is no noun (严格地执行), nor 得 after a verb or an
    adjective or before an idiom (开展得有声有色: its complement)."""
    table = context_words.counts()
    if table is None:
        return
    lists = data.wordlists()
    offsets = _offsets(pieces)
    for i, piece in enumerate(pieces):
        if piece not in ("地", "得") or i == 0 or i + 1 >= len(pieces):
            continue
        before, after = pieces[i - 1], pieces[i + 1]
        # A share (给予50%地补助) is an attribute as a word is.
        share = before in _PERCENT and i >= 2 and pieces[i - 2][-1:].isdigit()
        if not (share or (len(before) >= 2 and HAN_RUN.fullmatch(before))) or len(after) < 2 or not HAN_RUN.fullmatch(after):
            continue
        rest = "".join(pieces[i + 1 :])
        if piece == "得" and (before in lexicon.verbs or before in lists["adjectives"] or rest in lexicon.idioms):
            continue  # a complement follows (开展得有声有色, 发展得蓬勃兴旺)
        if _is_complement(rest, lists["complements"], lists["degree"]) or after in lists["adverbials"]:
            continue  # 依法地及时解决
        if piece == "地" and (
            _adverbial(before, lists["adverbials"])
            or (after in lexicon.verbs and after not in lexicon.nominal_verbs and table.pair(piece, after))
        ):
            continue  # an adverbial's 地 before its verb (认真地工作, 严格地执行), however often 的 is written;
            # a "verb" official text never writes after 地 is used as a noun (使命, 示范, 补助)
        if piece == "地" and (_place_di(pieces, i, clause, offsets, lists) or _noun_ending_in_di(before, lexicon, lists)):
            continue
        if table.pair(before, "的") + table.pair("的", after) < _COUNTED_EVIDENCE:
            continue
        written = table.following(piece, before) + table.following(after, piece)
        if table.following("的", before) + table.following(after, "的") - written > _COUNTED_GAIN:
            attribute = pieces[i - 2] + before if share else before
            yield _attribute_de(base + offsets[i], attribute, piece, "".join(pieces[i + 1 : i + 3]))


# Verbs whose object is an action named as a noun (进行考核, 给予支持, 加以研究): what qualifies
# that action is an attribute, 的, never an adverbial's 地. Only these of wordlists' np_verbs:
# after most of those (坚持, 推动) an adverbial and its verb may follow (坚持认真地学习).
_LIGHT_VERBS = frozenset({"进行", "加以", "给予", "予以", "作出", "做出", "开展"})
_LIGHT_REACH = 3  # pieces of the attribute between the verb (and its 了) and 地


def _di_after_light_verb(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """进行了全方位地考核, 给予大力地支持: after such a verb, X地V is its object, so 的."""
    lists = data.wordlists()
    offsets = _offsets(pieces)
    for i, piece in enumerate(pieces):
        if piece != "地" or i < 2 or i + 1 >= len(pieces) or _place_di(pieces, i, clause, offsets, lists):
            continue
        if not _verb_like(pieces[i + 1], lexicon) or len(pieces[i - 1]) < 2:
            continue  # 便利地|示范区, 央|地|互访: 地 the place, after a word or before a noun
        for k in range(i - 2, max(-1, i - 2 - _LIGHT_REACH), -1):
            if pieces[k] in _LIGHT_VERBS:
                attribute = "".join(p for p in pieces[k + 1 : i] if p != "了")
                if attribute and not any(p in lexicon.verbs or p in _LIGHT_VERBS for p in pieces[k + 1 : i]):
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


def _with_you_adverbials(pieces: list[str]) -> list[str]:
    """jieba cuts 有|针对性: join 有 to the word after it where the two are one of our adverbials
    (有针对性, 有计划), or the verb 有 reads as the start of an attribute clause."""
    adverbials = data.wordlists()["adverbials"]
    joined: list[str] = []
    for piece in pieces:
        if joined and joined[-1] == "有" and "有" + piece in adverbials:
            joined[-1] = "有" + piece
        else:
            joined.append(piece)
    return joined


# Not 得: after a quoted name it is the verb "to get" (“最多跑一次”得民心).
_AFTER_QUOTE = re.compile(r"[”’](地)")


def _di_after_quote(text: str, lexicon: Lexicon) -> Iterator[Hit]:
    """地 → 的 right after a closing quotation mark, before a noun phrase (“人民至上、生命
    至上”地理念, “稳中有进”地良好态势): what is quoted names or describes, it does not say how.
    The text after the particle is cut on its own, for jieba reads 地理|念 across it; where 地
    begins a word of the text (”地位, ”地方特色) the cut leaves one character first."""
    lists = data.wordlists()
    for mark in _AFTER_QUOTE.finditer(text):
        clause = _CLAUSE.match(text, mark.end())
        if clause is None:
            continue
        rest = lexicon.words(clause.group())
        if len(rest[0]) < 2 or _verb_like(rest[0], lexicon) or not _noun_phrase_to_end(rest, lists, lexicon):
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


def find_particle_slips(text: str, lexicon: Lexicon) -> list[Hit]:
    hits: list[Hit] = [
        *_parallel_adverbials(text),
        *_parallel_complements(text, lexicon),
        *_de_before_number(text, lexicon),
        *_di_after_quote(text, lexicon),
    ]
    for clause in _CLAUSE.finditer(text):
        if len(clause.group()) > MAX_RUN or not {"的", "得", "地"} & set(clause.group()):
            continue
        pieces = lexicon.words(clause.group())
        hits += _di_to_de(clause.group(), clause.start(), _with_you_adverbials(pieces), lexicon)
        hits += _de_before_noun(clause.group(), clause.start(), pieces, lexicon)
        hits += _di_to_de_in_object(clause.group(), clause.start(), pieces, lexicon)
        hits += _di_to_de_after_phrase(clause.group(), clause.start(), pieces, lexicon)
        hits += _di_to_de_before_head(clause.group(), clause.start(), pieces, lexicon)
        hits += _attribute_de_by_counts(clause.group(), clause.start(), _with_you_adverbials(pieces), lexicon)
        hits += _di_after_light_verb(clause.group(), clause.start(), pieces, lexicon)
        hits += _potential_complement(clause.group(), clause.start(), pieces, lexicon)
        hits += _de_cutting_a_de_word(clause.start(), pieces, lexicon)
        hits += _de_to_di(clause.group(), clause.start(), _with_you_adverbials(pieces), lexicon)
        hits += _de_before_verb_and_object(clause.group(), clause.start(), _with_you_adverbials(pieces), lexicon)
        cut = text[clause.end() : clause.end() + 1] in _OPENERS
        hits += _de_to_de(clause.group(), clause.start(), pieces, lexicon, cut)
        hits += _misplaced_de(clause.group(), clause.start(), pieces, lexicon, cut)
        hits += _dedao(clause.start(), pieces)  # last: it names the verb 得到 the others miss
    titles = [m.span() for m in _TITLE.finditer(text)]
    unique = {(h.start, h.end): h for h in hits if not any(start < h.start < end for start, end in titles)}
    return sorted(unique.values(), key=lambda h: h.start)
