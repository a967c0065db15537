"""的/地/得 → 地: the particle after an adverbial before its verb (认真的落实 → 认真地落实,
全面的、辩证地看待), one of the rules of :mod:`core.proofread.particles`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.proofread import data, official_counts
from core.proofread.hits import HAN_RUN, MASK_CHARACTERS, Hit
from core.proofread.lexicon import Lexicon
from core.proofread.loose_pairs import GRAMMAR, MEASURES
from core.proofread.particle_words import (
    ASPECT,
    DOCUMENT_KINDS,
    EFFECT_HEADS,
    LIGHT_VERBS,
    LOCATING,
    ORDINALS,
    PREDICATE_MARKERS,
    PRONOUNS,
    SOURCE,
    adjectives_after_predicate_word,
    counted_adverbial,
    counted_before,
    is_adverbial,
    mostly_before_di,
    never_written_before_di,
    noun_phrase_context,
    only_a_verb,
    opens_with_ordinal,
    piece_offsets,
    preposition_before,
    reduplicated,
    takes_aspect,
    verb_like,
    verb_with_object,
    verbs_sharing_an_object,
    written_after_di,
    written_before_di,
)

_NEGATIONS = frozenset({"不", "未", "没有", "不够", "不太"})


# The aspect particles after a predicate verb, 过 of experience too (多次的进行过: 地).
_ASPECT_OF_PREDICATE = ASPECT | {"过"}
# Verbs that make no document's name with its kind, only take it as their object (完成计划, 编制规划).
_DOCUMENT_VERBS = frozenset({"完成", "超额完成", "制定", "编制", "出台", "印发", "修订", "起草", "下达"})


# A character that makes a verb before it a noun (知晓度, 参与率, 获得感, 创造力).
_NOUN_SUFFIXES = frozenset("度率感性力")


_LOCALIZERS = frozenset({"之间", "之中", "之外", "之下", "之上", "之后", "之前", "以来", "方面", "过程中"})


_LINKING_VERBS = frozenset({"是", "成为", "已成为", "将成为", "正成为"})


# Prepositions that begin no noun phrase (更加便捷的关于……的规定 qualifies one; 把, 向 do not): after
# 的 they open the verb phrase, so what stands before 的 is an adverbial.
_PREPOSITIONS_BEFORE_VERBS = frozenset({"把", "向", "对", "从", "朝", "往", "为", "将", "按照", "根据", "通过", "围绕"})


_DEGREE_MODALS = frozenset({"更", "更加", "更为", "进一步"})


# Adverbs of direction jieba keeps as a word before the verb they qualify (向前推进, 向纵深发展).
_ONWARD = frozenset({"向前", "往前", "向纵深", "纵深"})

# 来/去 between an adverbial and its verb (有步骤的来进行, 无限制的去扩大).
_PURPOSE_LINKS = frozenset({"来", "去"})

_PREDICATE_ADVERBS = frozenset("也都还又再就才更已均来")  # 来: 采取办法来适当地处理


def _should_be_di(at: int, message: str, advice: str) -> Hit:
    """The finding that the particle at ``at`` should be 地."""
    return Hit(at, at + 1, "地", message, advice, SOURCE)


def _attribute_clause(
    pieces: list[str],
    x_index: int,
    modals: frozenset[str],
    adverbials: frozenset[str],
    degree: frozenset[str],
    lexicon: Lexicon,
    verb_only: bool = False,
) -> bool:
    """Is X (pieces[x_index]) the predicate of a short clause that qualifies a noun, not an
    adverbial? So when a verb, an adjective or a degree word stands right before it (支撑有力的
    现代化宁夏, 运行高效的服务体系, 更加牢固的防线, 树立科学的执政理念), but not a modal or a subject
    (要认真的落实, 我们积极的推进, 网格员耐心的讲解: those are adverbials put with 的)."""
    if x_index == 0:
        return False
    before = pieces[x_index - 1]
    opens_clause = x_index == 1 or pieces[x_index - 2] in modals
    if before in ("更加", "更为", "比较", "较为", "相对") or (before in degree and before not in modals):
        # ... unless a modal opens the degree word's phrase (要更加充分的发挥: an adverbial), or
        # the phrase opens the clause before a verb that is only a verb (，更加扎扎实实的做好).
        return not (x_index >= 2 and pieces[x_index - 2] in modals) and not (x_index == 1 and verb_only)
    if before in modals:
        return False
    if before in adverbials and pieces[x_index] in adverbials and (before not in lexicon.verbs or opens_clause):
        return False  # 细致认真的做好, ，合理有效的使用: two adverbials before one verb
    if before in lexicon.adjectives and before not in adverbials:
        return True  # 便捷有效的申请途径: an adjective no adverbial, stacked with X, qualifies a noun
    return len(before) >= 2 and (before in lexicon.verbs or before in adverbials)


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


# Directional complements: a verb with one after it (开展起来, 发展下去) is a predicate, no noun.
_DIRECTIONS = frozenset({"起来", "下去", "出来", "下来", "上来", "过来"})


def _directed_verb(pieces: list[str], at: int) -> bool:
    """Is pieces[at] a verb followed by a directional complement that ends its phrase (扎扎实实的开展
    起来，)? Not before 的 (建立起来的制度: the whole then qualifies a noun)."""
    after = pieces[at + 1] if at + 1 < len(pieces) else None
    return after in _DIRECTIONS and (at + 2 == len(pieces) or pieces[at + 2] != "的")


# How far before X a 顿号 still lists attributes with it (公平公正、服务高效的).
_LIST_REACH = 3


def _last_of_listed_attributes(pieces: list[str], x_index: int, lexicon: Lexicon) -> bool:
    """Is X the last item of a list of attributes (统一、权威、全面的)? A 顿号 a few pieces before it,
    not the one of a numbered heading (一、认真地有步骤的) nor one an adverbial with 地 follows
    (有秩序地、自上而下的) — and not one far back in the clause's subject (增产节约、增收节支运动扎扎实实的),
    nor one of a list a noun right before X closes (热点、难点问题有序的: the list qualified 问题)."""
    if x_index >= 1 and pieces[x_index - 1] in lexicon.nouns and pieces[x_index - 1] not in lexicon.adjectives:
        return False
    for at in range(x_index - 1, max(-1, x_index - 1 - _LIST_REACH), -1):
        if pieces[at] == "地":
            return False
        if pieces[at] == "、":
            return not (at == 1 and pieces[0] in ORDINALS)
    return False


# What closes a phrase that 在 opens (在……基础上, 在……过程中): after it the predicate follows, as
# it does after the object 把 puts before the verb.
_PHRASE_CLOSERS = frozenset({"上", "中", "下"})


def _takes_a_clause(verb: str, lexicon: Lexicon) -> bool:
    """Is ``verb`` one whose object is the clause after it (看到, 认识到, 意识到)? Ending its own
    clause (我们也清醒的看到，……) it is still the predicate, never a noun."""
    return len(verb) >= 2 and verb.endswith("到") and verb in lexicon.verbs


# Words of a subject that are no nouns: a number, a measure, a pronoun of its own (各项, 全市).
_SUBJECT_WORDS = frozenset({"各项", "各类", "各级", "全市", "全县", "全区", "全省", "我们", "我县", "我市", "我区", "我省"})


# Words that open a noun phrase, not a subject (这样一个彻底的革命, 所谓合理的使用).
_NOUN_PHRASE_OPENERS = frozenset({"这样", "这种", "这个", "那样", "那种", "一个", "一种", "一场", "所谓", "这", "那", "而是", "就是"})


def _subject_then_predicate(before: list[str], lexicon: Lexicon) -> bool:
    """Are ``before`` the words of a subject and nothing else (各项|工作, 群众|满意度): nouns or
    activities, none a verb that could take the phrase after them as its object, no 的 making them
    an attribute?"""
    if not before or any(word in _NOUN_PHRASE_OPENERS for word in before):
        return False
    if all(word in data.wordlists()["degree"] and word not in PREDICATE_MARKERS for word in before):
        return False  # 更|扎实的工作: a degree word grades what follows, it is no subject
    for word in before:
        if word in _SUBJECT_WORDS:
            continue
        # A verb jieba also tags a noun (工作, 管理) names an activity; one that is only a verb
        # (实现, 得到), an adjective or an adverb opens a predicate.
        if not HAN_RUN.fullmatch(word) or only_a_verb(word, lexicon) or word in lexicon.adjectives or word in lexicon.adverbs:
            return False
        if word in lexicon.verbs and word not in lexicon.nominal_verbs:
            return False
    return True


# Verbs whose object is a clause with its own subject and predicate (确保|各项工作|顺利地开展, 使|工作|
# 有序地推进, 推动|经济|更好地发展).
_TAKES_A_CLAUSE = frozenset({"确保", "保证", "使", "使得", "让", "促使", "推动", "促进", "带动", "做到"})


def _subject_of_taken_clause(before: list[str], lexicon: Lexicon) -> bool:
    """Are ``before`` a verb that takes a clause (确保, 使; 了 may follow), then that clause's subject
    (各项|工作), then perhaps more adverbials (扎实)?"""
    taker = max((at for at, word in enumerate(before) if word in _TAKES_A_CLAUSE), default=None)
    if taker is None:
        return False
    subject = before[taker + 1 :]
    if subject[:1] == ["了"]:
        subject = subject[1:]
    while subject and (subject[-1] in lexicon.adjectives or subject[-1] in lexicon.adverbs) and subject[-1] not in lexicon.nouns:
        subject = subject[:-1]  # 工作|扎实|有序的进行: an adverbial before the last
    if subject[:2] in (["我", "县"], ["我", "市"], ["我", "区"], ["我", "省"], ["我", "镇"]):
        subject = ["我" + subject[1], *subject[2:]]  # jieba cuts 我|县
    # Words of two characters or more: one of one is as often a verb's complement (过|上).
    return all(len(word) >= 2 for word in subject) and _subject_then_predicate(subject, lexicon)


# A number or a demonstrative and a measure word (一个, 这份, 每项): what follows is a thing counted.


# A verb and a noun after it that official text writes side by side this often make a noun
# (工作|报告: 961 times), whatever the verb alone.
_NOUN_COMPOUND_SEEN = 300


def _verbs_then_noun(rest: list[str], lexicon: Lexicon) -> bool:
    """Are ``rest`` verbs joined by 及/和/与/、 and then a plain noun closing the clause (建设及落实情况)?"""
    return (
        len(rest) >= 4
        and any(p in ("及", "和", "与", "、") for p in rest[:-1])
        and _plain_noun_word(rest[-1], lexicon)
        and not verb_like(rest[-1], lexicon)  # 开展协商: 协商 a verb too, the object of 开展
        and all(p in lexicon.verbs or p in lexicon.nominal_verbs or p in ("及", "和", "与", "、") for p in rest[:-1])
    )


def _plain_noun_word(word: str, lexicon: Lexicon) -> bool:
    """A noun of two characters or more that is no verb, adjective or adverb (制度, 工作机制)."""
    return len(word) >= 2 and word in lexicon.nouns and word not in lexicon.verbs and word not in lexicon.adjectives and word not in lexicon.adverbs


def _written_together(first: str, second: str) -> int:
    table = official_counts.counts()
    return table.pair(first, second) if table is not None else 0


# Words that open a sentence's predicate after its subject (网络|正在|铺展, 工作|已经|完成).
_PREDICATE_OPENERS = frozenset({"正在", "已经", "已", "将", "正", "均", "都", "也", "还", "仍", "仍然", "即将", "是"})


def _phrase_is_a_subject(pieces: list[str], at: int, lexicon: Lexicon) -> bool:
    """Does the phrase the preposition at ``at`` opens reach, before any verb, a word that opens a
    predicate (一张……高效的|为|农|服务网络|正在|铺展)? Then the preposition is inside the subject, a
    noun phrase the 的 before it rightly qualifies, not the start of an adverbial."""
    for piece in pieces[at + 1 :]:
        if piece in _PREDICATE_OPENERS:
            return True
        if piece in lexicon.verbs:
            return False
    return False


# How far back in its clause 对 may open the phrase that "X的V" ends (对全局性的工作, 对与会同志和
# 各基层多年来卓有成效的工作). The object of 对 can be long; 把 and 以 meet their verb sooner,
# and a 的 twelve pieces after them is more often past it, so only 对 is looked for this far.
_DUI_REACH = 12
_DUI = frozenset({"对"})


def _inside_object_of_dui(pieces: list[str], x_index: int, after: str | None, lexicon: Lexicon) -> bool:
    """Is "X的V" at ``x_index`` the end of what 对 opens, a verb after it (对……卓有成效的工作|予以
    肯定, 对全局性的工作|提出建议)? Then V is a noun, the object of 对, and 的 is right."""
    return after is not None and after in lexicon.verbs and preposition_before(pieces, x_index, _DUI_REACH, _DUI) is not None


def de_to_di(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    lists = data.wordlists()
    adverbials, np_verbs, degree = lists["adverbials"], lists["np_verbs"], lists["degree"]
    offsets = piece_offsets(pieces)
    for i, piece in enumerate(pieces):
        if piece not in ("的", "得") or i == 0 or i + 1 >= len(pieces):
            continue
        x, verb = pieces[i - 1], pieces[i + 1]
        # jieba keeps some verb phrases whole (推进改革): their head is the verb.
        after = pieces[i + 2] if i + 2 < len(pieces) else None
        located = after in LOCATING and len(verb) >= 2 and is_adverbial(x, adverbials) and _opens_predicate(pieces, i - 1, lists, lexicon)
        # X的V到了 after an adjective (真切的感受到了, 深刻的认识到了): a verb with its complement and
        # aspect, never a noun, so what qualifies it is an adverbial.
        reached = after == "到" and pieces[i + 3 : i + 4] == ["了"] and len(verb) >= 2 and (x in lexicon.adjectives or x in lexicon.adverbs)
        located = located or reached
        if (
            piece == "的"
            and (after in ASPECT or located)
            and (
                verb in lexicon.verbs
                or (located and written_after_di(verb))
                or (after == "着" and verb in lexicon.adjectives)
                or (after == "了" and i + 3 < len(pieces) and takes_aspect(verb))
            )
            and x not in PRONOUNS
            and x not in np_verbs
            and not (after == "了" and i + 3 == len(pieces) and "是" in pieces[: i - 1])
        ):
            # X的V了: a verb that takes an aspect particle is a predicate, so what stands before
            # 的 qualifies it, whatever the word (较好的完成了, 坚持不懈的开展了, 成功的实现了);
            # so is one that goes on to 在/到/于 after an adverbial (紧密的团结在, 清醒的认识到).
            # Not 是……的工作了 at a clause's end: 了 there ends the sentence, 的 a noun phrase.
            start = base + offsets[i]
            yield _should_be_di(start, f"“{x}{piece}{verb}{after}”中“{piece}”应为“地”：修饰动词的状语后面用“地”。", f"改为“{x}地{verb}{after}”。")
            continue
        if verb in _LINKING_VERBS:
            continue  # 最让我们欣喜的是: what went before 的 names a thing
        if piece == "的" and i >= 2 and x in lexicon.nouns and _plain_noun_word(pieces[i - 2], lexicon) and _verbs_then_noun(pieces[i + 1 :], lexicon):
            continue  # 制度|规范的建设及落实情况: a compound noun, then verbs a noun closes: one noun phrase
        if piece == "的" and after is not None and after in lexicon.nouns and _written_together(verb, after) >= _NOUN_COMPOUND_SEEN:
            continue  # 这么务实的工作|报告: the "verb" begins a noun jieba cut apart
        if piece == "的" and i >= 3 and pieces[i - 2] == "了" and pieces[i - 3] in lexicon.verbs and after is not None and (after in lexicon.nouns or after in lexicon.nominal_verbs) and i + 3 == len(pieces):
            continue  # 成立了|相应的组织|机构: the object of a verb done, a noun phrase to the clause's end
        if piece == "的" and counted_before(pieces, i - 1):
            continue  # 起草好一个高质量的报告: a count of things opens a noun phrase, not a verb's adverbial
        if piece == "的" and verb in _ONWARD and after is not None and verb_like(after, lexicon):
            verb, after = after, pieces[i + 3] if i + 3 < len(pieces) else None  # 积极稳妥的向前|推进
        if piece == "的" and verb in _PURPOSE_LINKS and after is not None and only_a_verb(after, lexicon):
            verb, after = after, pieces[i + 3] if i + 3 < len(pieces) else None  # 有步骤的来进行: the verb after 来
        # 依法的及时解决: two adverbials before the verb.
        chained = piece == "的" and verb in adverbials and after is not None and verb_like(after, lexicon)
        # Before a preposition (正确的为……服务): no noun follows that an attribute could qualify, so an
        # adjective or adverb there says how the verb after the prepositional phrase is done.
        if piece == "的" and verb in lists["prepositions"] and _phrase_is_a_subject(pieces, i + 1, lexicon):
            continue
        before_preposition = verb in lists["prepositions"] and (x in lexicon.adverbs or x in lexicon.adjectives)
        counted = len(x) >= 2 and x not in PRONOUNS and counted_adverbial(x, verb)
        # An adjective or an adverb between the clause's subject and a verb ending the clause (群众满意度
        # 显著的提升。有些还远远的超过，): nothing before it could take a noun phrase, so it is an
        # adverbial, as 地 says.
        ends_clause = i + 2 == len(pieces) or pieces[i + 2] in "，。；、"
        taken = piece == "的" and _subject_of_taken_clause(pieces[: i - 1], lexicon)
        after_subject = (
            piece == "的"
            and len(x) >= 2
            and (x in lexicon.adjectives or x in lexicon.adverbs)
            and verb in lexicon.verbs
            and verb not in lexicon.nominal_verbs  # 人民群众幸福的生活: a noun phrase too
            and ends_clause
            and _subject_then_predicate(pieces[: i - 1], lexicon)
        )
        # The same inside the clause a verb such as 确保 or 使 takes (确保各项工作顺利的开展。使工作
        # 有序扎实的推进，): that clause's verb is its predicate, though jieba tags it a noun too.
        after_subject = after_subject or (
            piece == "的"
            and len(x) >= 2
            and (x in lexicon.adjectives or x in lexicon.adverbs or is_adverbial(x, adverbials))
            and verb in lexicon.verbs
            and ends_clause
            and taken
        )
        if not (is_adverbial(x, adverbials) or before_preposition or counted or after_subject) or not (
            chained or verb_like(verb, lexicon) or verb in lists["prepositions"] or after == "而"  # 顺势而动: 而 joins verbs
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
            # Before a preposition that opens no noun (更加自觉的把……贯穿), no noun follows for the
            # phrase to qualify, whatever stands before it.
            opens_no_noun = verb in _PREPOSITIONS_BEFORE_VERBS or _directed_verb(pieces, i + 1)
            if noun_phrase_context(pieces, i - 1, np_verbs, degree, lexicon.verbs) and not opens_no_noun and not taken:
                continue  # (推动|全县经济|更好的发展: the subject of the clause 推动 takes stands between)
            listed_adverbials = (
                i >= 3 and pieces[i - 2] == "、" and pieces[i - 3] in adverbials and x in adverbials and only_a_verb(verb, lexicon)
            )  # 有计划、有步骤的解决: adverbials listed before a verb that is only a verb
            # A verb with its result and an object after it (创造性的贯彻落实好党中央……) is a predicate,
            # whatever list stands before: no noun phrase goes on so.
            with_result_and_object = i + 3 < len(pieces) and pieces[i + 2] in _RESULTS and HAN_RUN.fullmatch(pieces[i + 3]) is not None
            if _last_of_listed_attributes(pieces, i - 1, lexicon) and not opens_no_noun and not listed_adverbials and not with_result_and_object:
                continue  # 统一、权威、全面的咨询答问库: the last of a list of attributes before a noun
            verb_only = (only_a_verb(verb, lexicon) or chained) and after not in lists["compound_heads"]
            # 一如既往的关心和支持。: two verbs joined to the clause's end end it as one does.
            phrase_final = after is None or (after in _VERB_JOINERS and i + 4 == len(pieces))
            # The clause's subject, then X的V ending it (各项工作有条不紊的推进。): V is its predicate.
            subject_led = phrase_final and (_subject_then_predicate(pieces[: i - 1], lexicon) or taken)
            if (
                _attribute_clause(pieces, i - 1, lists["modals"], adverbials, degree, lexicon, verb_only)
                and not opens_no_noun
                and not subject_led
            ):
                continue
            if i == 1 and "是" in pieces[i + 2 :]:
                continue  # 合理的收入分配制度是……: the phrase is the subject, a noun phrase
            # After a modal, a verb that takes a clause or is only a verb is the predicate (还应清醒的看到
            # 不足): what follows is its object, not something said of a noun phrase.
            modal_led = i >= 2 and pieces[i - 2] in lists["modals"] and (_takes_a_clause(verb, lexicon) or only_a_verb(verb, lexicon))
            said_of_noun = after in LIGHT_VERBS or after in _SAID_OF_A_NOUN or _inside_object_of_dui(pieces, i - 1, after, lexicon)
            if after in _LINKING_VERBS or (said_of_noun and not modal_led):
                continue  # 更加充分的就业成为……亮点, 成功的把握较大: the phrase is a subject
            if i >= 2 and pieces[i - 2] in _NEGATIONS:
                continue  # 不充分的发展, 不规范的行为: a negated attribute before a noun
            if i >= 2 and (pieces[i - 2] == "最" or (pieces[i - 2] == "可" and (x in lexicon.verbs or lexicon.frequency("可" + x) > 0))):
                continue  # 最有力的支持, 可持续的增收模式: a superlative, or 可 with a verb, is an attribute (可因地制宜的: 可 a modal)
            if never_written_before_di(x):
                continue  # 信息公开的深度, 公开的覆盖范围: official text never writes 公开地
            if after is not None and after[:1].isdigit() and "".join(pieces[i + 3 : i + 4]) in MEASURES and i + 4 == len(pieces):
                continue  # 信息公开的申请0条: a count ends the clause, so the verb is a noun counted
            if after in _LOCALIZERS or after in _NOUN_SUFFIXES:
                continue  # 不平衡的发展之间, 政务公开的知晓度: the verb is part of a noun
            if phrase_final and not verb_with_object(verb, lexicon) and not _takes_a_clause(verb, lexicon):
                # Phrase-final "X的V": only after a modal (要认真的落实。); a degree word before
                # X (更有力的举措、更加集中的支持) marks a noun phrase of a list. A verb jieba
                # keeps whole with its object (推进改革, 发挥作用) goes on as a verb does.
                head = pieces[i - 2] if i >= 2 else None
                step_by_step = x[:1] == "一" and len(x) == 4 and verb not in lexicon.nominal_verbs and verb not in lexicon.nouns
                # At the clause's start, a word the counts make an adverbial before a verb they
                # put after 地 (，有步骤的进行。): the clause is that verb's, not a noun phrase's.
                step_by_step = step_by_step or (counted and head is None)
                # ... or after an adverb that stands only in a predicate (设施也不断的增加。).
                step_by_step = step_by_step or head in PREDICATE_MARKERS
                # ... or after a phrase of place or scope that 在 opens (在……基础上逐步的发展。).
                step_by_step = step_by_step or (head in _PHRASE_CLOSERS and "在" in pieces[: i - 2])
                # ... or after the object that 把 puts first (把……农具认真的推广和普及。).
                step_by_step = step_by_step or "把" in pieces[: i - 2]
                # ... or after the clause's subject, no verb before it to take a noun phrase.
                step_by_step = step_by_step or subject_led
                if not step_by_step and (head is None or head in degree | _DEGREE_MODALS):
                    continue
                if not step_by_step and head not in lists["modals"] and not _subject_after_verb_phrase_taker(pieces, i - 2, verb, lexicon):
                    continue  # but 一步一步的爬行: step by step, before a verb that names nothing
            elif (verb in lexicon.nominal_verbs and after in lists["compound_heads"]) or after in EFFECT_HEADS:
                continue  # 有效的监督机制: the verb and the next word are one noun
            elif after in DOCUMENT_KINDS and "".join(pieces[i + 3 : i + 4]) != "、":
                continue  # 政务公开的实施意见: the verb and the kind of document name a document (not 深化计划、投资体制改革)
        start = base + offsets[i]
        yield _should_be_di(start, f"“{x}{piece}{verb}”中“{piece}”应为“地”：修饰动词的状语后面用“地”。", f"改为“{x}地{verb}”。")


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
    if word in lists["modals"] or word in _PREDICATE_ADVERBS or word in PRONOUNS or opens_with_ordinal(pieces, j):
        return True
    if word == "决定" or word in _NEEDS or word in _FOR_THE_SAKE_OF:
        # 决定积极的加以整顿, 需要有计划的引进, 有利于更加科学合理的编制: the verb phrase after it
        # is its object
        return True
    if word == "、" and j == 1 and pieces[0] in ORDINALS:
        return True  # 八、积极稳妥的改革经济体制: a numbered heading opens the clause
    # A subject noun, before a phrase that makes no compound with it (成果实实在在的惠及, 群众更加
    # 全面的了解: a degree word between them; but 政务公开的实施意见 is one noun).
    return (
        (len(pieces[x_index]) >= 3 or pieces[x_index] == "有" or (j < x_index - 1 and not verb_like(word, lexicon)))
        and word in lexicon.nouns
        and word not in lexicon.verbs
        and word not in lexicon.adjectives
    )


# Verbs whose object is a verb phrase (确保……落实, 做到……公开): a list after them qualifies its verb.
_TAKES_A_VERB_PHRASE = frozenset({"确保", "做到", "保证", "力争", "力求", "坚持"})


def _subject_after_verb_phrase_taker(pieces: list[str], at: int, verb: str, lexicon: Lexicon) -> bool:
    """Is pieces[at] the subject of a clause that 确保 or 做到 takes (确保|政府|认真的落实), before a
    verb that is only a verb? Then what stands between them qualifies the verb."""
    word = pieces[at]
    return (
        at >= 1
        and pieces[at - 1] in _TAKES_A_VERB_PHRASE
        and word in lexicon.nouns
        and word not in lexicon.verbs
        and word not in lexicon.adjectives
        and verb not in lexicon.nominal_verbs
        and verb not in lexicon.nouns
    )


def _heads_listed_adverbials(pieces: list[str], j: int, i: int, lists: dict[str, frozenset[str]], lexicon: Lexicon) -> bool:
    """Does pieces[j], right before a list of adverbials that ends at 的 (pieces[i]), make the
    list the verb's: a modal, a verb that takes a verb phrase (确保, 做到), or — before a verb
    that is only a verb — the clause's subject (各项工作稳步、有序的开展) or its start (自觉、具体的
    贯彻到……)?"""
    verb = pieces[i + 1]
    if j >= 0 and pieces[j] in lists["degree"]:
        # 更加公开、透明的管理: a degree word before attributes; but before a verb that is only a
        # verb, with its object after it, the adverbials' (更加自觉、更加主动的推进全方位对接)
        obj = pieces[i + 2] if i + 2 < len(pieces) else ""
        return (
            only_a_verb(verb, lexicon)
            and len(obj) >= 2
            and HAN_RUN.fullmatch(obj) is not None
            and not verb_like(obj, lexicon)  # 更加充分的就业成为……: the verb names a thing, the subject
        )
    if j >= 0 and (pieces[j] in lists["modals"] or pieces[j] in _TAKES_A_VERB_PHRASE):
        return True
    if verb in lexicon.nominal_verbs or verb in lexicon.nouns or verb in lexicon.adjectives or "是" in pieces[i + 2 :]:
        return False
    if j < 0:
        return True
    word = pieces[j]
    return (word in lexicon.nouns or word in lexicon.nominal_verbs) and word not in lexicon.adjectives


def _degree_and_one_character(pieces: list[str], j: int, lists: dict[str, frozenset[str]]) -> bool:
    """Is pieces[j] an adjective of one character after a degree word (更|多, 更|快): an item of a
    list of adverbials that jieba cut in two?"""
    return j >= 1 and pieces[j - 1] in lists["degree"] and pieces[j] in lists["one_character_adjectives"] | {"多"}


def listed_adverbials_before_verb(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """的 → 地 after adverbials listed with 顿号 before a verb (能够及时、准确、安全的发布; 确保
    公开、公正的处理; 各项工作稳步、有序的开展): after a modal or 确保 a verb phrase follows, and after
    the clause's subject the list qualifies its predicate. After a verb the list qualifies its
    object (提供及时、准确的信息)."""
    lists = data.wordlists()
    offsets = piece_offsets(pieces)
    for i, piece in enumerate(pieces):
        if piece != "的" or i + 1 >= len(pieces) or not verb_like(pieces[i + 1], lexicon):
            continue
        j, items = i - 1, 0
        while j >= 0 and (
            is_adverbial(pieces[j], lists["adverbials"])
            or pieces[j] in lexicon.adjectives
            or pieces[j] in lists["adjectives"]
            or _degree_and_one_character(pieces, j, lists)
        ):
            items += 1
            if _degree_and_one_character(pieces, j, lists):
                j -= 1  # 更|多、更好的共享: the degree word jieba cut off is the item's
            if j >= 1 and pieces[j - 1] == "、":
                j -= 2
            elif j >= 2 and pieces[j - 1] in lists["degree"] and pieces[j - 2] == "、":
                j -= 3  # 更加自觉、更加主动、更加紧密: each item with its own degree word
            else:
                j -= 1
                break
        if items >= 2 and j >= 0 and pieces[j + 1] == "、" and len(pieces[j]) == 2 and HAN_RUN.fullmatch(pieces[j]) and not verb_like(pieces[j], lexicon):
            j -= 1  # 真实、准确、完整的做好: the list's first item, a word our lists lack
        if items < 2 or not _heads_listed_adverbials(pieces, j, i, lists, lexicon):
            continue
        if j >= 0 and pieces[j + 1] in lexicon.nouns and pieces[j] in lexicon.nouns and pieces[j] not in lexicon.verbs:
            continue  # 饱满的政治|热情、强烈的使命担当: the first "item" ends a noun (政治热情), no list of adverbials
        after = pieces[i + 2] if i + 2 < len(pieces) else ""
        if after in _LOCALIZERS or after in _NOUN_SUFFIXES or after in lists["compound_heads"]:
            continue  # 要公开、透明的管理之中, 必须科学、规范的管理制度: the verb begins a noun
        start = base + offsets[i]
        listed = "".join(pieces[j + 1 : i])
        head = pieces[j] if j >= 0 else ""  # none at the clause's start
        why = f"“{head}”后面是动词短语，" if head else ""
        yield _should_be_di(start, f"“{head}{listed}的{pieces[i + 1]}”中“的”应为“地”：{why}并列的状语修饰动词用“地”。", f"改为“{listed}地{pieces[i + 1]}”。")


# Results a one-character verb takes before its object (守好底线, 抓实整改, 扛牢责任).
_RESULTS = frozenset("好牢实紧严稳准细")


# Adverbs that qualify nothing but a verb (逐步的实施计划收购: no 逐步的 + noun), so the verb after
# them is the predicate even where jieba tags it a noun too.
_ONLY_ADVERBS = frozenset(
    {"逐步", "逐渐", "逐一", "逐年", "日益", "一再", "不断", "随时", "大大", "陆续", "相继", "逐个", "逐项", "逐级", "分批", "成批"}
)


# Verbs whose object is what a verb phrase brings about (有利于……编制预算, 便于……查询).
_FOR_THE_SAKE_OF = frozenset({"有利于", "有助于", "便于", "利于"})


# Verbs of need that take a verb phrase as readily as a noun (更需要有计划的引进先进技术): before a
# verb that is only a verb, with its object, what they take is the verb phrase.
_NEEDS = frozenset({"需要", "需", "要求"})


# Verbs whose subject may be a 的-phrase standing for a thing (不足的加以完善, 多余的予以清退): after
# an adjective alone at the clause's start they say nothing of how.
_TOPIC_VERBS = frozenset({"加以", "予以", "给予", "进行", "作出", "做出"})


# What joins two verbs that share an object (预防和减少安全事故).
_VERB_JOINERS = frozenset({"和", "与", "并", "及"})


# Verbs of one character that open a phrase of means, agent or place before the clause's own verb
# (正常的开支|靠拆借资金|维持): what stands before them is the subject, no predicate and its object.
_COVERBS = frozenset("靠由被从向在用以按经")


def _first_possessed(pieces: list[str], at: int) -> int:
    """Where a list of 有 and a noun that ends at ``at`` begins (有部署、有检查的: the first 有)."""
    while at >= 3 and pieces[at - 1] == "、" and pieces[at - 3] == "有" and HAN_RUN.fullmatch(pieces[at - 2]):
        at -= 3
    return at


def de_before_verb_and_object(clause: str, base: int, pieces: list[str], lexicon: Lexicon, cut: bool = False) -> Iterator[Hit]:
    """的 → 地 before a verb that is only a verb, with its object after it (奋发有为的推动经济社会发展,
    便捷的获取计算资源, 源源不断的转化为动能): the verb is the clause's predicate, so the word before
    的 — an adverbial, an adjective or a set phrase, not a noun — qualifies it. Not where a verb
    before makes the whole its object (进行深入的研究), nor before a noun the verb and object name
    together (明显的提升效果). ``cut``: a quotation or a bracket opens right after the clause, and a
    verb that ends it takes what is quoted as its object (毫不松懈的抓好“三农”工作)."""
    lists = data.wordlists()
    adverbials, np_verbs, degree, heads = lists["adverbials"], lists["np_verbs"], lists["degree"], lists["compound_heads"]
    offsets = piece_offsets(pieces)
    for i, piece in enumerate(pieces):
        # the verb (抓好, or 抓|好 with its result) ends the clause right before the quotation
        quoted_object = cut and (i + 2 == len(pieces) or (i + 3 == len(pieces) and pieces[i + 2] in _RESULTS))
        # a verb of perceiving (看到, 认识到) ends the clause: what it perceives is the next clause
        clause_object = i + 2 == len(pieces) and len(pieces[i + 1]) >= 2 and pieces[i + 1][-1] == "到" and pieces[i + 1][:-1] in lexicon.verbs
        if piece != "的" or i == 0 or (i + 2 >= len(pieces) and not (quoted_object or clause_object)):
            continue
        x, verb = pieces[i - 1], pieces[i + 1]
        following = pieces[i + 2] if i + 2 < len(pieces) else ""
        if len(verb) == 1 and verb in lexicon.verbs and following in _RESULTS and (i + 3 < len(pieces) or quoted_object):
            verb, following = verb + following, "".join(pieces[i + 3 : i + 4])  # 守|好|底线: a verb and its result
        if following in _VERB_JOINERS and i + 4 < len(pieces) and only_a_verb(pieces[i + 3], lexicon):
            following = pieces[i + 4]  # 预防|和|减少|安全事故: two verbs share the object
        x_at = i - 1
        if i >= 2 and (
            pieces[i - 2] + x in adverbials
            or pieces[i - 2] + x in lexicon.idioms
            or (len(pieces[i - 2]) == len(x) == 2 and pieces[i - 2] in adverbials and x in adverbials)
        ):
            # 最大|限度, 深入|持久: one adverbial cut in two; 持续|深入: two adverbials side by side
            x, x_at = pieces[i - 2] + x, i - 2
        # 有部署、有检查的贯彻落实: 有 and a noun before a verb with its object say how it is done, as
        # the listed 有计划 and 有步骤 do.
        possessed = x_at == i - 1 and i >= 2 and pieces[i - 2] == "有" and len(x) == 2 and (x in lexicon.nouns or x in lexicon.nominal_verbs)
        if possessed and only_a_verb(following, lexicon):
            possessed = False  # 有问题的整改到位: those that have problems, then what is done with them
        if possessed:
            x, x_at = "有" + x, i - 2
        set_phrase = len(x) == 4 and (
            (x[:2] in adverbials and x[2:] in adverbials) or (x in lexicon.idioms and written_before_di(x))
        )
        # A verb with its result (做好, 抓实, 看到) or said twice (谈谈) is never a noun: what
        # qualifies it is an adverbial.
        with_result = len(verb) == 2 and verb[0] in lexicon.verbs and (verb[1] in _RESULTS | {"到"} or verb[0] == verb[1])
        qualifier = len(x) >= 2 and x not in lexicon.nouns and x not in lexicon.verbs
        # A degree word makes what follows it an adjective (更加突出的抓好): before a verb with its result
        # it says how.
        graded = with_result and x_at > 0 and pieces[x_at - 1] in degree and x not in lexicon.nouns
        # A verb that is only a verb, with its aspect (多次的进行过, 积极的开展了), is the predicate.
        with_aspect = following in _ASPECT_OF_PREDICATE and only_a_verb(verb, lexicon) and len(x) >= 2 and x not in lexicon.nouns
        # After a modal an adjective can only say how (应该适当的照顾私营工业). (Not any idiom before a
        # verb that is only a verb: our four-character terms count as idioms, 基础教育的纵向帮扶.)
        after_modal = x_at > 0 and pieces[x_at - 1] in lists["modals"] and x in lexicon.adjectives
        # An adverb (随时, 如实: jieba's tag) or a word said twice (大大, 牢牢) before a verb with its
        # object says how.
        how = x in lexicon.adverbs or reduplicated(x)
        # An adjective opening its clause before a verb that is only a verb, with its object (，片面的
        # 追求产值, ，正规的授予博士学位): the clause's predicate, said how it is done.
        # Not before a noun of effect the verb begins (强大的牵引带动作用).
        opening = (
            x_at == 0
            and x in lexicon.adjectives
            and only_a_verb(verb, lexicon)
            and verb not in _TOPIC_VERBS
            and not set(pieces[i + 2 : i + 5]) & EFFECT_HEADS
        )
        if not (
            is_adverbial(x, adverbials)
            or set_phrase
            or mostly_before_di(x)
            or (with_result and qualifier)
            or graded
            or with_aspect
            or after_modal
            or x in _ONLY_ADVERBS
            or how
            or opening
            or possessed
        ):
            continue  # an adjective before 的 is as often an attribute (强大的牵引带动作用)
        if x in PRONOUNS or (x in lexicon.names and not with_result) or (x in lexicon.verbs and x not in adverbials and x not in _ONLY_ADVERBS and not graded):
            continue  # (jieba takes 周密 for a name too; before 做好 it can only say how)
        # A verb (jieba's tag, or official text writes it after 地: 惠及), not one used as a noun too.
        # A verb also used as a noun (节约, 保障) is the predicate after a set adverbial of four
        # characters (最大限度的节约资源), which no noun takes.
        set_adverbial = (len(x) >= 4 and is_adverbial(x, adverbials)) or x in _ONLY_ADVERBS
        listed_object = verbs_sharing_an_object(pieces, i + 1, lexicon)  # 检查、修正和补充|原定的计划
        if len(verb) < 2 or (verb in lexicon.nominal_verbs and not with_result and not set_adverbial and not listed_object):
            continue
        if not (verb in lexicon.verbs or written_after_di(verb) or verb_with_object(verb, lexicon)):
            continue
        # An adverb after its subject noun (学生确切的讲明, 把竞争机制恰当的引入) or anywhere, if it
        # qualifies verbs only (以逐步的满足), opens the predicate too.
        after_subject = (
            how
            and x not in lexicon.nouns
            and x_at > 0
            and pieces[x_at - 1] in lexicon.nouns
            and not never_written_before_di(x)  # 政务公开的知晓度: 公开的 qualifies nouns only
            and following not in _NOUN_SUFFIXES
        )
        opens = x in _ONLY_ADVERBS or after_subject or _opens_clause_predicate(pieces, _first_possessed(pieces, x_at) if possessed else x_at, lists, lexicon)
        if not opens or "是" in pieces[i + 2 :]:
            continue  # 合理的收入分配制度是……: the phrase is the subject
        cut_object = (  # an object jieba cut into characters (实现|雨|污|分流), not a coverb (开支|靠|拆借资金)
            len(following) == 1
            and HAN_RUN.fullmatch(following) is not None
            and following not in GRAMMAR
            and following not in _COVERBS
            and i + 3 < len(pieces)
            and HAN_RUN.fullmatch(pieces[i + 3]) is not None
        )
        # A verb jieba keeps whole with its object (发挥优势) has it already, whatever follows.
        # A light verb takes whatever follows as its object, a plan's name too (进行规划部署).
        light_object = verb in LIGHT_VERBS and len(following) >= 2 and HAN_RUN.fullmatch(following) is not None
        if following in _SAID_OF_A_NOUN:
            continue  # 成功的把握较大: what is said of the verb after 的 makes it a noun, the subject
        if _inside_object_of_dui(pieces, x_at, following, lexicon):
            continue  # 对……卓有成效的工作|予以肯定: the object of 对, a noun, before the clause's verb
        object_opens = quoted_object or clause_object or with_aspect or listed_object or light_object or following in ("为", "于") or cut_object or verb_with_object(verb, lexicon) or (
            len(following) >= 2 and (HAN_RUN.fullmatch(following) is not None or set(following) <= MASK_CHARACTERS) and following not in heads
            and following[-2:] not in heads
            and following not in EFFECT_HEADS
            and following not in _LOCALIZERS
            and (following not in DOCUMENT_KINDS or verb in _DOCUMENT_VERBS)
        )
        if not object_opens:
            continue
        if noun_phrase_context(pieces, x_at, np_verbs, degree, lexicon.verbs) and x not in _ONLY_ADVERBS and not (
            x_at > 0 and pieces[x_at - 1] in _NEEDS and only_a_verb(verb, lexicon)
        ):
            continue
        start = base + offsets[i]
        yield _should_be_di(start, f"“{x}的{verb}”中“的”应为“地”：“{verb}”后面带着宾语，是谓语动词，修饰它的状语后面用“地”。", f"改为“{x}地{verb}”。")


def parallel_adverbials(text: str, lexicon: Lexicon) -> Iterator[Hit]:
    """全面的、辩证地看待; 积极地、主动的开辟; 最迅速地和最急进的过渡: of two parallel adverbials, the one
    with 的 takes 地 like the other. Also two adverbials side by side (积极的有计划地把), and one
    after an adverbial with 地 before a verb (有秩序地、自上而下的进行): the second need not be listed."""
    adverbials = data.wordlists()["adverbials"]

    def adverbial_end(word: str) -> str | None:
        """The adverbial ``word`` ends in (最|急进: official text writes 急进地), if any."""
        return next(
            (word[-size:] for size in range(len(word), 1, -1) if word[-size:] in adverbials or written_before_di(word[-size:])),
            None,
        )

    for match in _DE_THEN_DI.finditer(text):
        word = match.group(1)
        found = adverbial_end(word)
        if found is not None:
            yield _parallel_de(match.start(1) + len(word), found, f"{found}的、{match.group(2)}地")
    for match in _STACKED_DE_DI.finditer(text):
        word, second = match.group(1), match.group(2)
        found = next((word[-size:] for size in range(len(word), 1, -1) if word[-size:] in adverbials), None)
        if found is not None and second in adverbials:
            yield _parallel_de(match.start(1) + len(word), found, f"{found}的{second}地")
    for match in _DI_THEN_DE.finditer(text):
        word = match.group(3)
        found, first = adverbial_end(word), adverbial_end(match.group(1))
        if first is None:
            continue
        if found is None and _verb_follows(text, match.end(), lexicon):
            found = word  # 有秩序地、自上而下的进行: parallel to an adverbial, before a verb
        if found is not None:
            yield _parallel_de(match.start(3) + len(word), found, f"{first}地{match.group(2)}{word}的")
    for match in _DI_VERB_THEN_DE.finditer(text):
        # 清醒地看到和认真的解决好: two predicates joined, each said how — the second with 地 too
        first, word = adverbial_end(match.group(1)), match.group(4)
        found = adverbial_end(word)
        if first is not None and found is not None and _verb_follows(text, match.end(), lexicon) and _verb_follows(text, match.start(2), lexicon):
            yield _parallel_de(match.start(4) + len(word), found, f"{first}地{match.group(2)}{match.group(3)}{word}的")


# A degree and an adjective said of what comes before them (把握较大, 空间很大): a predicate, no object.
_SAID_OF_A_NOUN = frozenset({"较大", "很大", "更大", "不大", "较小", "很小", "更小", "不小", "较高", "很高", "不高", "较低", "不足", "有限"})


def _verb_follows(text: str, at: int, lexicon: Lexicon) -> bool:
    """Does a verb that is no noun begin at ``at`` (进行, 发展 are verbs first; 工作, 问题 nouns)?"""
    pieces = lexicon.words(text[at : at + 8])
    return bool(pieces) and verb_like(pieces[0], lexicon) and pieces[0] not in lexicon.nouns


_STACKED_DE_DI = re.compile(r"([\u4e00-\u9fff]{2,4})的([\u4e00-\u9fff]{2,4})地")
_DE_THEN_DI = re.compile(r"([\u4e00-\u9fff]{2,4})的、([\u4e00-\u9fff]{2,4})地")
_DI_THEN_DE = re.compile(r"([\u4e00-\u9fff]{2,4})地(、|和|而且|并且)([\u4e00-\u9fff]{2,4})的")
_DI_VERB_THEN_DE = re.compile(r"([\u4e00-\u9fff]{2,4})地([\u4e00-\u9fff]{2,4}?)(和|并且|并|又)([\u4e00-\u9fff]{2,4})的")


def _parallel_de(at: int, word: str, shown: str) -> Hit:
    return _should_be_di(at, f"“{shown}”并列作状语，“的”应为“地”。", f"改为“{word}地”。")


# Prepositions that open a verb phrase (把饭碗端牢, 将政策落实到位): 的 right before one is an adverbial's.
_PHRASE_PREPOSITIONS = frozenset({"把"})


def de_before_ba(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """始终不懈的把……端牢, 积极的把……: 把 standing alone after 的 opens the predicate's object (把
    of 把握, 把关 is a word of its own, jieba's whole piece), so what stands before 的 says how."""
    adverbials = data.wordlists()["adverbials"]
    offsets = piece_offsets(pieces)
    for i in range(1, len(pieces) - 2):
        if pieces[i] != "的" or pieces[i + 1] not in _PHRASE_PREPOSITIONS:
            continue
        x = pieces[i - 1]
        # … or a character doubled, as adverbs of manner are (早早, 默默, 牢牢; 妈妈 is a noun)
        doubled = len(x) == 2 and x[0] == x[1]
        says_how = is_adverbial(x, adverbials) or written_before_di(x) or ((x in lexicon.idioms or doubled) and x not in lexicon.nouns)
        if not says_how or x in PRONOUNS or x in lexicon.nouns:
            continue
        start = base + offsets[i]
        yield _should_be_di(start, f"“{x}的{pieces[i + 1]}”中“的”应为“地”：“{pieces[i + 1]}”引出后面的动作，“{x}”说的是怎样做，状语后面用“地”。", f"改为“{x}地{pieces[i + 1]}”。")


# Verbs of saying that end their clause, what is said following it (王先生满心欢喜的说：“……”).
_SAYING = frozenset({"说", "讲", "道", "问", "答", "说道", "表示", "介绍", "告诉"})


def de_before_saying(base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """激动的说, 满心欢喜的说: a verb of saying ends the clause (``pieces``), so what stands before 的
    says how it was said — an adjective, an idiom or an adverbial, not a noun or a pronoun (我们的说)."""
    lists = data.wordlists()
    adverbials = lists["adverbials"]
    offsets = piece_offsets(pieces)
    if len(pieces) < 3 or pieces[-2] != "的" or pieces[-1] not in _SAYING:
        return
    x = pieces[-3]
    if x in lists["manners_of_speaking"]:
        yield _should_be_di(base + offsets[-3], f"“{x}的{pieces[-1]}”中“的”应为“地”：“{x}”说的是怎样{pieces[-1]}，状语后面用“地”。", f"改为“{x}地{pieces[-1]}”。")
        return
    # After a modal (可以自豪的说): the clause is the saying, and what stands before it says how,
    # whatever jieba tags it (自豪 n).
    after_modal = len(pieces) >= 4 and pieces[-4] in lists["modals"]
    if x in PRONOUNS or (x in lexicon.nouns and not after_modal) or len(x) < 2:
        return
    set_phrase = len(x) >= 4 and lexicon.frequency(x) > 0 and x not in lexicon.verbs  # 满心欢喜, 语重心长
    if not (x in lexicon.adjectives or x in lexicon.idioms or set_phrase or is_adverbial(x, adverbials) or written_before_di(x) or after_modal):
        return
    yield _should_be_di(base + offsets[-3], f"“{x}的{pieces[-1]}”中“的”应为“地”：“{x}”说的是怎样{pieces[-1]}，状语后面用“地”。", f"改为“{x}地{pieces[-1]}”。")


def de_after_predicate_word(base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """并健康快乐的成长, 也积极的参与了: adjectives after a word that stands only before a predicate (并,
    也, 都), then 的 and a verb — the verb is that predicate, so the adjectives say how it is done."""
    offsets = piece_offsets(pieces)
    for i, piece in enumerate(pieces):
        if piece != "的" or i < 2 or i + 1 >= len(pieces):
            continue
        verb, after = pieces[i + 1], pieces[i + 2] if i + 2 < len(pieces) else ""
        if not only_a_verb(verb, lexicon) and not (verb in lexicon.verbs and not after):
            continue  # 并加强的管理制度: a verb also a noun is said of only when it ends the clause
        if after == "的" or not adjectives_after_predicate_word(pieces, i - 1, lexicon):
            continue
        x = pieces[i - 1]
        yield _should_be_di(base + offsets[i], f"“{x}的{verb}”中“的”应为“地”：“{verb}”是谓语，修饰它的状语后面用“地”。", f"改为“{x}地{verb}”。")


# 的 right before 向前 and the verb it directs (相互协调的向前发展, 扎扎实实的向前推进): 向前 says where
# the action goes, so the words before say how — none of 2.5 million characters of reports writes 的向前.
_DE_BEFORE_FORWARD = re.compile(r"(?<=[\u4e00-\u9fff])的(?=向前(?:发展|推进|迈进|推动|延伸|迈出|进发))")


def de_before_forward(text: str, lexicon: Lexicon) -> Iterator[Hit]:
    for match in _DE_BEFORE_FORWARD.finditer(text):
        if text[max(0, match.start() - 2) : match.start()] in lexicon.nominal_verbs:
            continue  # 推动各项工作的向前发展: a noun's progress, named as a thing (not 工作地)
        yield _should_be_di(match.start(), "“向前”引出动作的方向，前面说的是怎样做，是状语，后面用“地”。", "改为“地”。")
