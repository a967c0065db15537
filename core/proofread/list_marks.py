"""Marks between the items of a list, read with jieba's words (GB/T 15834—2011 4.5.3): one of the
punctuation families of :mod:`core.proofread.marks`, kept apart for they read the dictionary.

* a 顿号 before the conjunction that joins the last item (药物、疫苗、和检测试剂);
* a comma before the last item that 等, 和 or 及 closes (展销、自销，代销等活动), or between the first
  item and the rest when all end alike (医患纠纷，交通事故纠纷、诉前调解纠纷) or are of a kind and a verb
  takes them all or they open the clause (开展城镇燃气，水上运输、城市轨道交通等专项整治), or anywhere among items
  of one list (a mould filled in turn: 提高效率，提升效能、提增效益; like items parted from their last
  before its predicate: 村庄美化、亮化，绿化已完成; a sentence opening with a name, the rest closed by
  等), or between a verb's or a preposition's first object and the rest that 等 closes (对商场，宾馆、
  农贸市场等场所), or between two words of one suffix (推进规模化，标准化生产), or among short
  assessments (范围广，领域多、任务重);
* a 顿号 before an adverbial with 地 and its verb (……的方式、有力地促进了工作), which follows a list
  and is no item of it.

Each rule returns its hits; :mod:`core.checks.proofreading` runs them with the other punctuation
rules and keeps the first of overlapping hits.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from core.draft.ordinals import cn_to_int
from core.proofread import data
from core.proofread.hits import CLAUSE_BETWEEN_MARKS, HAN_RUN, PUNCTUATION_STANDARD, Hit, common_ending
from core.proofread.lexicon import Lexicon
from core.proofread.loose_pairs import WIDE_LEVELS
from core.proofread.particle_words import says_how

SOURCE = PUNCTUATION_STANDARD


# 和, 及, 以及 join the last item to the list: the 顿号 stands between items, never before the
# conjunction (药物、疫苗、和检测试剂 → 疫苗和检测试剂). Not 与 or 或, which also open a parallel
# predicate (为政治服务、与生产劳动相结合).
_DUNHAO_BEFORE_CONJUNCTION = re.compile(r"(?<=[\u4e00-\u9fff”》）)])、(?=和|以及|及)")


# jieba tags some everyday words names too (康复 1,018): from this count a "name" is such a word.
_COMMON_NAME = 500


def conjunction_after_dunhao(text: str, lexicon: Lexicon) -> list[Hit]:
    """A 顿号 right before 和, 及 or 以及 — where jieba reads the conjunction as a word of its own
    before a word that is no name (not 和美共荣, 和谷国际, 和安县: names and words that begin with 和)."""
    hits = []
    for match in _DUNHAO_BEFORE_CONJUNCTION.finditer(text):
        pieces = lexicon.words(text[match.end() : match.end() + 12])
        if len(pieces) < 2 or pieces[0] not in ("和", "及", "以及"):
            continue
        following = pieces[1]
        rare_name = following in lexicon.names and lexicon.frequency(following) < _COMMON_NAME
        titled = following in ("《", "“") and text[match.start() - 1] in "》”"  # 》、和《: titles listed
        if not titled and (len(following) < 2 or rare_name or not HAN_RUN.fullmatch(following)):
            continue
        hits.append(
            Hit(
                match.start(),
                match.end(),
                "",
                f"“、{pieces[0]}”：连词“{pieces[0]}”已把最后一项连上，前面不用顿号。",
                "删去“、”。",
                f"{SOURCE} 4.5.3.1",
            )
        )
    return hits


# ，Z等 and ，Z和W: a comma before the last item of a list that 顿号 began (展销、自销，代销等活动;
# 教育强省、文化强省，体育强省和健康河北), or between two items of one shape that 等 closes
# (电视机，洗衣机等): one list, which takes 顿号 throughout (4.5.3.1).
_COMMA_BEFORE_LAST_ITEM = re.compile(r"，(?P<item>[\u4e00-\u9fff]{1,4}?)(?P<closer>等|和|及|并重|并举)")
# What closes a list as 等 does: the items listed are all there is (安全、质量、速度并重).
_CLOSERS_OF_A_LIST = ("等", "并重", "并举")
# One-character words that open a clause or a phrase and no item of a list (在社会管理, 将创业投资).
_NO_ITEM_OPENERS = frozenset("在将因向对把被从为以与由使让其各这该此我要已并又也还都更再可能均共达至则而就且即是有")
_CLAUSE_ENDS = "，。；：！？（）“”《》\n"
_PAUSES = "，。；：！？\n"


def _like_item(words: list[str], lexicon: Lexicon) -> bool:
    """Words that may be an item of a list of things: not opened by a verb or a clause's word."""
    first = words[0]
    return first not in _NO_ITEM_OPENERS and (first not in lexicon.verbs or first in lexicon.nominal_verbs)


# What ends the item before an adverbial that says how (积极、主动地, 认真细致、扎实有效地): another
# adverbial of the list, which the 顿号 joins.
_ADVERBIAL_ITEM_ENDS = ("地", "性", "化")


def dunhao_before_adverbial(text: str, lexicon: Lexicon) -> list[Hit]:
    """A 顿号 before an adverbial with 地 and its verb (……找差距的方式、有力地促进了工作): what
    follows is the clause's predicate, not an item of the list before it, so a comma (4.5.3.1).
    Not after an adverbial of the same list (积极、主动地开展; 认真、有力地推进)."""
    hits = []
    for clause in CLAUSE_BETWEEN_MARKS.finditer(text):
        part = clause.group()
        at = part.rfind("、")
        if at < 0:
            continue
        pieces = lexicon.words(part[at + 1 : at + 12])
        if len(pieces) < 3 or pieces[1] != "地" or not 2 <= len(pieces[0]) <= 4 or pieces[2] not in lexicon.verbs:
            continue
        if not says_how(pieces[0], lexicon):
            continue  # 建设|用|地: land, no particle
        before = lexicon.words(part[:at])
        item = part[:at].rsplit("、", 1)[-1]
        if sum(map(len, HAN_RUN.findall(item))) <= 4 or not before:
            continue  # 确保按时、高质、高效地完成: short items are adverbials of one list
        last = before[-1]
        if last.endswith(_ADVERBIAL_ITEM_ENDS) or says_how(last, lexicon) or last in lexicon.idioms:
            continue
        hits.append(
            Hit(
                clause.start() + at,
                clause.start() + at + 1,
                "，",
                f"“{pieces[0]}地{pieces[2]}”引出的是句子的谓语，不是前面并列的一项，前面应用逗号，不用顿号。",
                "把顿号改为逗号“，”。",
                f"{SOURCE} 4.5.3.1",
            )
        )
    return hits


def comma_before_last_item(text: str, lexicon: Lexicon) -> list[Hit]:
    """A comma where a list goes on to the item 等, 和 or 及 closes it. Published reports write
    such a comma once in 3.1 million characters (主攻工业，酒烟煤电等 — two clauses)."""
    hits = []
    for match in _COMMA_BEFORE_LAST_ITEM.finditer(text):
        item, closer = match["item"], match["closer"]
        pieces = lexicon.words(text[match.start("item") : match.end() + 4])  # shared: read only
        ends = list(itertools.accumulate(map(len, pieces)))
        cut = ends.index(len(item)) + 1 if len(item) in ends else len(pieces)  # the item's words end there
        # jieba may read the conjunction into the next word (和|约见 cut 和约|见): the conjunction
        # still, when what follows it is a word of its own.
        read_in = closer in "和及" and cut < len(pieces) and pieces[cut].startswith(closer) and lexicon.frequency(text[match.end() : match.end() + 2]) > 0
        if cut >= len(pieces) or (pieces[cut] != closer and not read_in):
            continue  # 高等教育, 平等: 等 inside a word
        item_words = pieces[:cut]
        clause = text[max(text.rfind(mark, 0, match.start()) for mark in _CLAUSE_ENDS) + 1 : match.start()]
        listed = "、" in clause
        before = clause.rsplit("、", 1)[-1] if listed else clause[-len(item) :]
        if not HAN_RUN.fullmatch(before) or len(before) > 4 or abs(len(before) - len(item)) > 1:
            continue
        same_shape = (
            len(before) == len(item) >= 2
            and before[-1] == item[-1]
            and before[0] not in _NO_ITEM_OPENERS
            and item[0] not in _NO_ITEM_OPENERS
        )
        if not same_shape and not (_like_item(lexicon.words(before), lexicon) and _like_item(item_words, lexicon)):
            continue
        if closer in _CLOSERS_OF_A_LIST and not (listed or same_shape):
            continue
        # 和, 及 join clauses too: only items that end alike (文化强省、体育强省), or a list of three
        # or more items of one length, the item as long (执法检查、代表视察、工作评议，专题询问和约见).
        items = [word for word in re.split(r"[、]", clause)[-3:] if word]
        uniform = clause.count("、") >= 2 and len(item) >= 3 and all(len(word) == len(item) for word in items[1:])
        # Or three items of one shape with no 顿号 at all (价值观，人生观和世界观).
        last = text[match.end() : match.end() + len(item)]
        trio = same_shape and len(item) >= 3 and HAN_RUN.fullmatch(last) is not None and last[-1] == item[-1] and last != item
        if closer not in _CLOSERS_OF_A_LIST and not (listed and len(before) == len(item) >= 3 and (before[-2:] == item[-2:] or uniform)) and not trio:
            continue
        hits.append(_comma_in_list(match.start(), f"{before}，{item}"))
    return hits


# A comma before items that 顿号 go on to list, the words before it ending as the items do (建立了
# 医患纠纷，交通事故纠纷、诉前调解纠纷; 种植业，林业、畜牧业): the first item, its comma a slip.
# Items of any length, so not items of one shape only (_comma_before_list). The shared ending is a
# word of two characters or more, or a suffix that makes a noun (业, 站) ending every item.
_COMMA_BEFORE_ITEMS = re.compile(r"(?<=[\u4e00-\u9fff])，(?P<second>[\u4e00-\u9fff]{2,16})、(?P<third>[\u4e00-\u9fff]{1,16})")
_ITEM_SUFFIXES = frozenset("业站所室院馆场厂队会")
# Words that open a clause or a phrase of its own after a comma, never an item (还是遴选……、督促……).
_NOT_ITEM_OPENERS = ("还是", "或是", "或者", "而是", "就是", "特别是", "尤其是", "也是", "更是", "不仅", "而且", "以及")
_SHARED_WORD = 2
_SUFFIXED_ITEM_LONGEST = 4


# Words that say how often something is done, opening a clause (每月开展, 定期召开).
_HOW_OFTEN = ("每", "定期", "常年", "全年", "逐月", "按月", "按季")


# Words that end what comes before a list's first item: a particle or a preposition (建立了|医患纠纷).
_BEFORE_AN_ITEM = frozenset("的了为到在从向对把以于及和与")


def comma_before_like_items(text: str, lexicon: Lexicon) -> list[Hit]:
    """A comma between the first item of a list and the rest, which 顿号 list: all end alike
    (4.5.3.1). Not before a verb's phrase (加强党的建设，推进思想建设、组织建设), where the comma
    parts two predicates."""
    hits = []
    for match in _COMMA_BEFORE_ITEMS.finditer(text):
        second = match["second"]
        third, *closed = re.split("等", match["third"], maxsplit=1)
        before = text[max(text.rfind(mark, 0, match.start()) for mark in _CLAUSE_ENDS) + 1 : match.start()]
        if not HAN_RUN.fullmatch(before) or second.startswith(_NOT_ITEM_OPENERS):
            continue
        third = re.split("[及和与]", third, maxsplit=1)[0]
        shared = common_ending(before, second)
        second_words = lexicon.words(second)
        if shared >= _SHARED_WORD:
            # The words they share (人民银行邛崃支行，工商银行邛崃支行: 邛崃支行, not 银行邛崃支行).
            start = next((k for k in itertools.accumulate(map(len, second_words), initial=0) if k >= len(second) - shared), len(second))
            shared = len(second) - start
            if shared < _SHARED_WORD or start == 0:
                continue  # the whole item again, or an ending inside a word (…大局，全局、)
        elif not (
            shared == 1
            and second[-1] in _ITEM_SUFFIXES
            and third[-1] == second[-1]
            and len(second) <= _SUFFIXED_ITEM_LONGEST
            and len(third) <= _SUFFIXED_ITEM_LONGEST
        ):
            continue
        ending = second[-shared:]
        # The third item ends so too, or 等 closes the list (……服务站、县退役军人服务中心等): else the
        # words after the comma may be the next clause's subject (……中心，国家……中心、……中心获批).
        if not (third.endswith(ending) or closed) or not _like_item(second_words, lexicon) or second_words[0] in lexicon.adverbs:
            continue
        if second_words[0].startswith(_HOW_OFTEN) and len(second_words) > 1 and second_words[1] in lexicon.verbs:
            continue  # 每月开展党员活动日活动: how often, then a verb — the words after the comma are a clause
        # The first item, for the message: the words before the comma that hold the ending, and
        # more back to a verb or a function word (先后到|万张街道…, 检查了|县第一人民医院住院部), at
        # most a few characters longer than the second item.
        first, covered = "", 0
        for word in reversed(lexicon.words(before)):
            if covered > len(ending) and (covered >= len(second) + 4 or word in lexicon.verbs or word in _BEFORE_AN_ITEM):
                break
            first, covered = word + first, covered + len(word)
        hits.append(_comma_in_list(match.start(), f"{first}，{second}、{third}"))
    return hits


# A comma, then items that 顿号 list and 等 closes, then the noun they are instances of and the
# clause's end (对商场，宾馆、农贸市场等场所; 通过宣传栏，广播、微信群等渠道，): the
# words after the comma are no clause, only the rest of a list a verb or a preposition opened before
# it, whose first item the comma parts from the others.
_COMMA_BEFORE_CLOSED_LIST = re.compile(
    r"(?<=[\u4e00-\u9fff])，(?P<items>[\u4e00-\u9fff]{2,8}(?:、[\u4e00-\u9fff]{2,10})+)等(?P<kind>[\u4e00-\u9fff0-9]{0,8})(?=[，。；：]|$)"
)
_CLOSED_ITEM_SPREAD = 2
_BARE_ITEM = re.compile(r"[\u4e00-\u9fff]{1,8}")
# Words that end a clause's time or ground, not a list's first item (截至目前，; 在此基础上，).
_NO_FIRST_ITEM_ENDS = ("年", "月", "日", "目前", "以来", "期间", "方面", "上", "中", "下", "后", "前", "时", "此", "外", "内")


def _has_a_predicate(item: str, lexicon: Lexicon) -> bool:
    """A verb, an adverb or a preposition in ``item``, or one ending a longer word of it (紧紧围绕), or
    an aspect particle (壮大了煤炭)."""
    prepositions = data.wordlists()["prepositions"]

    def predicate(word: str) -> bool:
        return (word in lexicon.verbs and word not in lexicon.nominal_verbs) or word in lexicon.adverbs or word in prepositions

    words = lexicon.words(item)
    if len(words) > 1 and words[0] in lexicon.verbs:
        return True  # 综合运用法律: a verb and its object, though jieba also tags the verb a noun
    # A longer word opening with an adverbial is a predicate (大力发展, 全力推进), whatever its verb.
    adverbials = data.wordlists()["adverbials"]
    return any(
        predicate(word) or (len(word) > 2 and (predicate(word[-2:]) or word[:2] in adverbials)) or word in ("了", "着", "过")
        for word in words
    )


def comma_before_closed_list(text: str, lexicon: Lexicon) -> list[Hit]:
    """A comma between the first item of a list and the rest, which 顿号 list and 等 closes, the
    words before the comma a verb's or a preposition's object (4.5.3.1)."""
    hits = []
    prepositions = data.wordlists()["prepositions"]
    for match in _COMMA_BEFORE_CLOSED_LIST.finditer(text):
        items = match["items"].split("、")
        if not match["kind"] or match["kind"].startswith("等"):
            continue  # 制造垃圾，废纸、塑料等等: no kind named after 等, the list may say what the word before is
        kind_words = lexicon.words(match["kind"])
        if any(word in lexicon.verbs and word not in lexicon.nominal_verbs for word in kind_words):
            continue  # 等项目顺利实施: a clause of its own
        if any(not _like_item(lexicon.words(item), lexicon) for item in items) or _has_a_predicate(items[0], lexicon):
            continue  # 全力推进招商引资、项目帮办等: a verb's phrase, its own clause
        before = text[max(text.rfind(mark, 0, match.start()) for mark in _CLAUSE_ENDS) + 1 : match.start()]
        *listed, before = before.split("、")
        if listed:
            # 顿号 before the comma too (做好就业、教育、养老，征地、公共文化等领域): one list, parted.
            if all(HAN_RUN.fullmatch(part) for part in listed) and _BARE_ITEM.fullmatch(before) and not _has_a_predicate(before, lexicon):
                hits.append(_comma_in_list(match.start(), f"{before}，{match['items']}等"))
            continue
        if not HAN_RUN.fullmatch(before) or before.startswith(_SENTENCE_OPENERS) or before.endswith(_NO_FIRST_ITEM_ENDS):
            continue
        # The first item: the words back to the verb or the preposition whose object it is.
        words = lexicon.words(before)
        first: list[str] = []
        for word in reversed(words):
            if (word in lexicon.verbs and word not in lexicon.nominal_verbs) or word in prepositions or word in _BEFORE_AN_ITEM:
                break
            first.insert(0, word)
        else:
            continue  # no verb or preposition before: the words may be the clause's subject
        item = "".join(first)
        # An item as long as the next (矿山，危险化学品): a longer run is a clause's object (维护国家
        # 政治安全，严厉打击渗透颠覆破坏、暴力恐怖等).
        if not item or abs(len(item) - len(items[0])) > _CLOSED_ITEM_SPREAD or not _like_item(first, lexicon):
            continue
        if any(word in lexicon.adverbs for word in first):
            continue
        hits.append(_comma_in_list(match.start(), f"{item}，{match['items']}等"))
    return hits


# A comma after a list's first item, the rest joined by 顿号 (开展城镇燃气，水上运输、城市轨道交通等专项
# 整治; 家电，汽车、工程机械等产业): the first item is like the second — as long within a character,
# and of its kind — and a verb or a preposition before it takes the whole list, which has no predicate
# of its own; at a clause's start the first item is a bare noun. Where the words after the comma are
# the next clause's subject (……取得重大突破，经济实力、人民生活明显提高) or its adverbials (……为契机，
# 全方位、立体式提升), they have a predicate or are not of the first item's kind.
_BARE_FIRST_ITEM_LONGEST = 4  # at a clause's start, with no verb before: 家电，汽车、……
_ITEM_LENGTH_SPREAD = 1  # the first item and the second
_LATER_ITEM_SPREAD = 2  # the first item and those between the second and the last
_SECOND_ITEM_LONGEST = 12
_LEVEL_LONGEST = 3
_SECTOR_NAME = 4
_NAMED_KIND_WORDS = 2
# Prepositions of one character the word list leaves to their longer forms (按 for 按照).
_ONE_CHARACTER_PREPOSITIONS = frozenset("按依据凭沿随趁")
# What ends a time opening a clause, not a first item (连日来，; 疫情初，; 年底，).
_TIME_ENDS = ("来", "初", "末", "底", "午", "晨", "晚", "夜", "间", "季", "度", "期", "天", "周")


def _word_class(word: str, lexicon: Lexicon) -> str | None:
    for name, words in (
        ("name", lexicon.names),
        ("verbal noun", lexicon.nominal_verbs),
        ("verb", lexicon.verbs),
        ("noun", lexicon.nouns),
        ("adjective", lexicon.adjectives),
    ):
        if word in words:
            return name
    return None


def _of_a_kind(first: str, second: str, lexicon: Lexicon) -> bool:
    """Items alike: ending or beginning alike (泡椒、杭椒; 市监察局、市法制办), levels (县、乡), or words
    of one class at their ends (二氧化硫、氮氧化物: nouns; 铜山、邳州: names)."""
    if common_ending(first, second) or first[0] == second[0]:
        return True
    if first[-1] in WIDE_LEVELS and second[-1] in WIDE_LEVELS and max(len(first), len(second)) <= _LEVEL_LONGEST:
        return True
    kinds = {_word_class(lexicon.words(first)[-1], lexicon), _word_class(lexicon.words(second)[-1], lexicon)}
    if len(kinds) == 1:
        return None not in kinds
    # Nouns and verbs used as nouns name sectors alike, in compounds as long (城镇燃气、水上运输).
    return kinds == {"noun", "verbal noun"} and len(first) == len(second) >= _SECTOR_NAME


def _commas_in_clauses(text: str) -> Iterator[tuple[int, int, str, str]]:
    """Each comma of ``text``: where it stands, where its clause starts, the clause's words before it
    and the words after it to the next mark."""
    for at, mark in enumerate(text):
        if mark == "，":
            clause_start = max(text.rfind(end, 0, at) for end in _CLAUSE_ENDS) + 1
            ends = [found for found in (text.find(end, at + 1) for end in _CLAUSE_ENDS) if found >= 0]
            yield at, clause_start, text[clause_start:at], text[at + 1 : min(ends, default=len(text))]


def _takes_an_object(word: str, lexicon: Lexicon) -> bool:
    return (word in lexicon.verbs and word not in lexicon.nominal_verbs) or word in lexicon.adverbs or word in data.wordlists()["prepositions"]


# Prepositions whose object a predicate follows in the same clause (将……任务进行了分解; 对……开展检查);
# not 以 and 为 (以……为契机，), after which the clause ends.
_OBJECT_THEN_PREDICATE = frozenset({"将", "把", "对", "对于", "从", "通过", "按照", "围绕", "依照", "依据", "根据", "向", "就", "针对"})


def _first_item(before: str, lexicon: Lexicon) -> tuple[list[str], str | None]:
    """The words of ``before`` back to what takes the list: "preposition" when a preposition does
    (对|商场; or opens the clause's object with no verb after it, 将……的|年度目标任务: the predicate
    comes after the list), "verb" when a verb, an adverb or a particle does, None when nothing does
    (the list opens the clause)."""
    words = lexicon.words(before)
    first_words: list[str] = []
    for at in range(len(words) - 1, -1, -1):
        word = words[at]
        # A verb jieba also tags a noun takes the list too (培育|医药，新材料和高分子三大产业集群).
        if _takes_an_object(word, lexicon) or word in _BEFORE_AN_ITEM or (first_words and word in lexicon.verbs):
            for earlier in reversed(words[: at + 1]):
                if earlier in _OBJECT_THEN_PREDICATE:
                    return first_words, "preposition"
                if (earlier in lexicon.verbs and earlier not in lexicon.nominal_verbs) or earlier in lexicon.adverbs:
                    break
            return first_words, "verb"
        first_words.insert(0, word)
    return first_words, None


def _like_named_item(before: str, second: str, lexicon: Lexicon) -> list[str]:
    """The whole words ending ``before`` as long as ``second``, when they share its last two
    characters or more (年度目标任务，季度目标任务) or begin as it does (周督导，周例会): a longer
    run of words before them, or a verb inside, does not part such items (医院规范化管理，医疗质量管理)."""
    words = lexicon.words(before)
    size, at = 0, len(words)
    while at > 0 and size < len(second):
        at -= 1
        size += len(words[at])
    first = "".join(words[at:])
    if size != len(second):
        return []
    if common_ending(first, second) >= _SHARED_WORD or (first[0] == second[0] and common_ending(first, second) == 0 and first != second):
        return words[at:]
    return []


def _says_more(last: str, lexicon: Lexicon) -> bool:
    """Has the list's last item a predicate after it (……、人民生活明显提高)? What 的 opens is what the
    list qualifies; a verb in the kind 等 names is a noun's use when the kind is two words (等专项整治),
    a predicate when more (等先进典型荣获表彰, 等业务亮点纷呈)."""
    listed, closed, kind = last.split("的")[0].partition("等")
    kind_words = lexicon.words(kind) if kind else []
    verbs = [word for word in kind_words if word in ("了", "着") or (word in lexicon.verbs and word not in lexicon.nominal_verbs)]
    # Closed by 等, the last item is an item still, whatever verb it holds (农业资源出租等).
    return (not closed and _has_a_predicate(listed, lexicon)) or (bool(verbs) and len(kind_words) > _NAMED_KIND_WORDS)


# The items after the comma counted with one more, the first (医药，新材料和高分子三大产业集群).
_COUNTED_LIST = re.compile(r"(?P<listed>[\u4e00-\u9fff、]+?)(?P<number>[两二三四五六七八九])(?:大|个|项|类|种)")


def _counts_one_more(rest: str) -> bool:
    match = _COUNTED_LIST.match(rest)
    if match is None or not re.search("和|及|与", match["listed"]):
        return False
    *listed, last = match["listed"].split("、")
    listed += re.split("和|及|与", last, maxsplit=1)
    return all(listed) and cn_to_int(match["number"]) == len(listed) + 1


def comma_after_first_item(text: str, lexicon: Lexicon) -> list[Hit]:
    """A comma between a list's first item and the rest, which 顿号 list (4.5.3.1): the items alike,
    the list the object of a verb or a preposition before it, or a bare list opening its clause; or
    a count after the list that counts the first item too."""
    hits = []
    for at, clause_start, before, rest in _commas_in_clauses(text):
        # The clause's end past brackets and quotes, where its predicate may stand (……、毕业设计（论文）质量得到了提升).
        pause = min((found for found in (text.find(mark, at + 1) for mark in _PAUSES) if found >= 0), default=len(text))
        items = rest.split("、")
        counted = _counts_one_more(rest)
        # The second item ends where 和 joins one more (水上运输和渔业船舶、城市轨道交通).
        second = re.split("和|及|与", items[0], maxsplit=1)[0]
        if (len(items) < 2 and not counted) or not HAN_RUN.fullmatch(before) or not HAN_RUN.fullmatch(second):
            continue
        if len(second) > _SECOND_ITEM_LONGEST or before.startswith(_SENTENCE_OPENERS) or before.endswith(_NO_FIRST_ITEM_ENDS):
            continue
        second_words = lexicon.words(second)
        first_words, taker = _first_item(before, lexicon)
        if abs(len("".join(first_words)) - len(second)) > _ITEM_LENGTH_SPREAD and taker is not None:
            first_words = _like_named_item(before, second, lexicon)
        first, taken = "".join(first_words), taker is not None
        # Items that share their last two characters or begin alike (周督导，周例会) are items of one
        # list whatever jieba tags their words and however long the items after them.
        named_alike = bool(first) and (common_ending(first, second) >= _SHARED_WORD or (first[0] == second[0] and len(first) == len(second)))
        if second.startswith(_NOT_ITEM_OPENERS) or not _like_item(second_words, lexicon) or (_has_a_predicate(second, lexicon) and not named_alike):
            continue  # 统筹发展和安全，战疫情、战高温: verbs' phrases, a clause of their own
        if _takes_an_object(second_words[0], lexicon) or second_words[0] in _ONE_CHARACTER_PREPOSITIONS or "等等" in items[-1]:
            continue  # 梳理档案库，按年份、主题分类; 制造垃圾，废纸、塑料等等: what the words before are
        if len(second_words) > 1 and len(second_words[0]) == 1 and second_words[0] not in lexicon.nouns and second_words[0] not in lexicon.names:
            continue  # 优化粮食结构，稳口粮、稳玉米: a verb of one character and its object, a clause of their own
        if not first or (not taken and len(first) > _BARE_FIRST_ITEM_LONGEST) or abs(len(first) - len(second)) > _ITEM_LENGTH_SPREAD:
            continue
        if not _like_item(first_words, lexicon) or any(word in lexicon.adverbs or word in lexicon.idioms for word in first_words):
            continue
        if any(word in lexicon.idioms for word in second_words):
            continue
        # (but a verb also used as a noun among three items or more that 等 closes is an item: 外事，改革、档案、信息等)
        listed_nouns = second_words[0] in lexicon.nominal_verbs and len(items) >= 3 and "等" in items[-1]
        if second_words[0] in lexicon.verbs and first_words[-1] not in lexicon.verbs and not listed_nouns:
            continue  # 化解车辆矛盾，规范货车: a verb after a noun opens a clause
        if any(
            (abs(len(item) - len(first)) > _LATER_ITEM_SPREAD and not named_alike) or _takes_an_object(lexicon.words(item)[0], lexicon)
            for item in items[1:-1]
        ):
            continue
        if taker == "verb" and _says_more(text[at + 1 : pause].split("、")[-1], lexicon):
            continue  # 取得重大突破，经济实力、人民生活明显提高: the next clause's subject
        if not taken and clause_start > 0 and text[clause_start - 1] in "”）》":
            continue  # after a closing quote or bracket (“……”工作思路，扎实苦干、……): no clause's start
        # A word of no class opening the clause may be a short name (家电，汽车、……) or a time (连日来，).
        unknown = not taken and len(first_words) == 1 and _word_class(first, lexicon) is None and not first.endswith(_TIME_ENDS)
        if not taken and not (all(word in lexicon.nouns or word in lexicon.names for word in first_words) or unknown):
            continue
        alike = _of_a_kind(first, second, lexicon) or (
            unknown and len(first) == len(second) and _word_class(second_words[-1], lexicon) in ("noun", "name")
        )
        if counted or alike or (listed_nouns and len(first) == len(second)):
            third = re.split("等|和|及|与|的", items[1] if len(items) > 1 else items[0][len(second) + 1 :])[0]
            # Its first words, as many as make it about as long as the second (月目标任务|进行了……).
            shown = next((size for size in itertools.accumulate(map(len, lexicon.words(third))) if size >= len(second) - _ITEM_LENGTH_SPREAD), len(third))
            hits.append(_comma_in_list(at, f"{first}，{second}、{third[:shown]}"))
    return hits


# Two words a suffix makes of one kind, a comma between them (推进规模化，标准化生产; 具有前瞻性，现实性):
# published reports write them with 顿号; a comma is a slip. Not before a verb (实现信息化，优化服务).
_SUFFIXED_PAIR = re.compile(r"(?<=[\u4e00-\u9fff](?P<suffix>[化性式型者]))，(?=[\u4e00-\u9fff]{1,3}(?P=suffix))")
# Words of three or four characters: two-character ones are verbs (优化, 美化) or plain nouns (模式).
_SUFFIXED_WORD = range(3, 5)


def comma_between_suffixed_words(text: str, lexicon: Lexicon) -> list[Hit]:
    """A comma between two words of one suffix (化, 性, 式, 型, 者: 组织者，推动者), each a whole word (4.5.3.1)."""
    hits = []
    for match in _SUFFIXED_PAIR.finditer(text):
        before_words = lexicon.words(text[max(text.rfind(end, 0, match.start()) for end in _CLAUSE_ENDS) + 1 : match.start()])
        first, second = before_words[-1], lexicon.words(text[match.end() : match.end() + 8])[0]
        if not (first.endswith(match["suffix"]) and second.endswith(match["suffix"])) or first == second:
            continue  # an ending inside a longer word (高新技术|化), or the second opening one
        if len(first) not in _SUFFIXED_WORD or len(second) not in _SUFFIXED_WORD or abs(len(first) - len(second)) > _ITEM_LENGTH_SPREAD:
            continue
        if second in lexicon.verbs and second not in lexicon.nominal_verbs:
            continue
        clause_end = min((found for found in (text.find(end, match.end()) for end in _CLAUSE_ENDS) if found >= 0), default=len(text))
        rest = lexicon.words(text[match.end() + len(second) : clause_end])
        # A verb ending the clause is a noun's use (标准化生产); one with words after it, or an adverb
        # before it (逐步提高), is the predicate of a clause the second word opens.
        if any(
            word in lexicon.adverbs
            or word in ("了", "着")
            or (word in lexicon.verbs and word not in lexicon.nominal_verbs and at < len(rest) - 1)
            or (len(word) > 2 and word[-2:] in lexicon.verbs)
            for at, word in enumerate(rest)
        ):
            continue  # 实现产业化，市场化程度不断提高
        hits.append(_comma_in_list(match.start(), f"{first}，{second}"))
    return hits


# Words that judge what goes before them (范围广, 思路清晰, 管理严格): short assessments of this
# shape, one after another, are items of one list (时间紧、任务重、压力大).
_JUDGEMENTS = frozenset(
    ["清晰", "扎实", "明显", "明确", "严格", "规范", "清楚", "到位", "有力", "有效", "突出", "显著", "完善", "健全", "齐全", "充分", "良好", "稳定", "顺利", "合理", "科学", "畅通", "通畅", "整洁", "优美", "干净", "有序", "及时", "准确", "全面", "细致", "务实", "高效", "便捷", "过硬", "精干", "团结", "廉洁", "优良", "较快", "较大", "较好", "较高", "强劲", "坚实", "牢固"]
) | frozenset("广多重大紧高强实快好准细深优正硬净少低弱慢差")
_JUDGED_SPREAD = 2  # characters between the assessments' lengths


def _an_assessment(item: str, lexicon: Lexicon) -> bool:
    """A noun and the word that judges it (任务重, 资金管理严格), no verb or adverb before that word."""
    for size in (2, 1):
        head = item[:-size]
        if len(head) >= 2 and item[-size:] in _JUDGEMENTS:
            head_words = lexicon.words(head)
            if head_words[0] not in _BEFORE_AN_ITEM and not any(_takes_an_object(word, lexicon) for word in head_words):
                return True
    return False


def comma_among_assessments(text: str, lexicon: Lexicon) -> list[Hit]:
    """A comma before short assessments that 顿号 list, after one of their shape (范围广，领域多、任务重;
    思路清晰，工作扎实、成效明显): one list (4.5.3.1)."""
    hits = []
    for at, _, before, rest in _commas_in_clauses(text):
        items = rest.split("、")
        if len(items) < 2 or not HAN_RUN.fullmatch(before) or not all(HAN_RUN.fullmatch(item) for item in items[:-1]):
            continue
        size = len(items[0])
        # The last item: its first words that make an assessment about as long (压力大|，但……).
        last = next(
            (items[-1][:end] for end in itertools.accumulate(map(len, lexicon.words(items[-1]))) if abs(end - size) <= _JUDGED_SPREAD and _an_assessment(items[-1][:end], lexicon)),
            None,
        )
        if last is None or not all(_an_assessment(item, lexicon) for item in items[:-1]):
            continue
        # The first: the assessment ending the words before, as long as the second or nearest to it.
        starts = itertools.accumulate(map(len, lexicon.words(before)), initial=0)
        firsts = [before[start:] for start in starts if abs(len(before) - start - size) <= _JUDGED_SPREAD and _an_assessment(before[start:], lexicon)]
        if firsts:
            first = min(firsts, key=lambda found: (abs(len(found) - size), len(found)))
            hits.append(_comma_in_list(at, f"{first}，{items[0]}、{last}"))
    return hits


# Two phrases of one mould that qualify one noun, a comma between them (建立起横向到边，纵向到底的组织
# 体系; 坚持日产日清，随脏随扫的原则): one attribute of two items, which a 顿号 joins. Moulded: of one
# length, sharing characters in the same places, or repeating theirs alike (日产日清, 随脏随扫).
_PAIRED_ATTRIBUTE = re.compile(r"(?P<first>[\u4e00-\u9fff]{3,4})，(?P<second>[\u4e00-\u9fff]{3,4})(?=的[\u4e00-\u9fff])")


def _repeats_alike(one: str, other: str) -> bool:
    def shape(item: str) -> tuple[int, ...]:
        return tuple(item.index(ch) for ch in item)

    return len(one) == len(other) and shape(one) == shape(other) and len(set(one)) < len(one)


def comma_between_paired_attributes(text: str, lexicon: Lexicon) -> list[Hit]:
    """A comma between two moulded phrases before 的 and the noun they qualify (4.5.3.1)."""
    hits = []
    for match in _PAIRED_ATTRIBUTE.finditer(text):
        second = match["second"]
        first = match["first"][-len(second) :]
        before = text[max(text.rfind(end, 0, match.start()) for end in _CLAUSE_ENDS) + 1 : match.end("first")]
        if len(before) > len(first) and len(before) - len(first) not in itertools.accumulate(map(len, lexicon.words(before))):
            continue  # the first would begin inside a word
        second_words = lexicon.words(second)
        if _takes_an_object(second_words[0], lexicon) and second_words[-1] in lexicon.nouns:
            continue  # 教育职工，提高|职工的事业心: a verb and the noun 的 makes the owner of what follows
        if _moulded([first, second]) or _repeats_alike(first, second):
            hits.append(_comma_in_list(match.end("first"), f"{first}，{second}"))
    return hits


# A whole clause of like items, then a comma, then more of them joined by 顿号 (“提高效率，提升效能、
# 提增效益”): items of one length sharing characters in the same places, a mould filled in turn.
# The first item may end a longer clause (提高政治判断力，政治领悟力、政治执行力): its last characters,
# as many as each item has, beginning a word of the clause.
_MOULDED_ITEMS = re.compile(
    r"(?P<before>[\u4e00-\u9fff]+)，(?P<rest>[\u4e00-\u9fff]{4,8}(?:、[\u4e00-\u9fff]{4,8})+)(?=[”，。；：！？]|$)"
)
_MOULD_SHARED = 2  # characters in the same places, at least


def _moulded(items: list[str]) -> bool:
    size = len(items[0])
    if any(len(item) != size for item in items) or len(set(items)) < len(items):
        return False
    shared = sum(1 for at in range(size) if len({item[at] for item in items}) == 1)
    return _MOULD_SHARED <= shared < size


# Items of one shape that end alike (美化、亮化), the clause nothing but them after a noun, then a comma
# and one more (，绿化已完成): with no verb of its own the list is the next clause's subject.
_BARE_LIST_ITEM = re.compile(r"[\u4e00-\u9fff]{2,3}")


def comma_inside_a_list(text: str, lexicon: Lexicon) -> list[Hit]:
    """A comma among the items of one list: a mould's items (提高效率，提升效能、提增效益), or like items
    that a comma parts from their last before its predicate (村庄美化、亮化，绿化已完成95%)."""
    hits = []
    for match in _MOULDED_ITEMS.finditer(text):
        before, rest = match["before"], match["rest"].split("、")
        first = before[-len(rest[0]) :]
        if len(before) > len(first) and len(before) - len(first) not in itertools.accumulate(map(len, lexicon.words(before))):
            continue  # the item would begin inside a word of the clause
        if len(before) > len(first) and any(lexicon.words(item)[0] in lexicon.verbs for item in rest):
            continue  # 提升服务质量，服务职工、服务会员，是……: a verb's phrases after its object, a clause of their own
        if _moulded([first, *rest]):
            hits.append(_comma_in_list(match.end("before"), f"{first}，{match['rest']}"))
    for at, mark in enumerate(text):
        if mark != "，":
            continue
        clause = text[max(text.rfind(end, 0, at) for end in _CLAUSE_ENDS) + 1 : at]
        parts = clause.split("、")
        if len(parts) < 2 or not all(HAN_RUN.fullmatch(part) for part in parts):
            continue
        size, ending = len(parts[-1]), parts[-1][-1]
        following = text[at + 1 : at + 1 + size]
        after = text[at + 1 + size : at + 2 + size]
        if not _BARE_LIST_ITEM.fullmatch(parts[-1]) or len(parts[0]) < size or not HAN_RUN.fullmatch(after or "。"):
            continue
        listed = [parts[0][-size:], *parts[1:], following]
        if len(set(listed)) < len(listed) or any(len(item) != size or item[-1] != ending for item in listed):
            continue
        head = parts[0][:-size]
        if any(word in lexicon.verbs for word in lexicon.words(head)) or head.endswith(tuple(_NO_ITEM_OPENERS)):
            continue  # 完成美化、亮化，绿化正在推进: the list is a verb's object, a clause of its own
        hits.append(_comma_in_list(at, f"{'、'.join(listed[:-1])}，{following}"))
    return hits + _name_before_list(text, lexicon)


# A sentence that opens with a bare name, then a comma, then more names joined by 顿号 and closed by 等
# (东部华侨城，京基喜来登酒店、大梅沙湾游艇会、奥特莱斯购物村等一批……建成): the name is the list's first.
_NAME_BEFORE_LIST = re.compile(
    r"(?:(?<=[。；：！？\n])|^)(?P<first>[\u4e00-\u9fff]{3,10})，(?P<rest>[\u4e00-\u9fff]{2,12}(?:、[\u4e00-\u9fff]{2,12})+等)"
)
# Words that open a sentence and no list (其中，…; 目前，…; 今年，…).
_SENTENCE_OPENERS = ("其中", "同时", "此外", "另外", "目前", "首先", "其次", "最后", "今年", "去年", "明年", "近年", "一是", "二是", "三是")
# What ends the name of a place or a body (东部华侨城, 京基喜来登酒店).
_ENDS_IN_A_NAME = re.compile(r"(?:城|酒店|公园|广场|中心|大厦|景区|基地|园区|博物馆|体育馆|剧院|学校|医院|公司|集团)$")


def _name_before_list(text: str, lexicon: Lexicon) -> list[Hit]:
    hits = []
    prepositions = data.wordlists()["prepositions"]
    for match in _NAME_BEFORE_LIST.finditer(text):
        first = match["first"]
        if first.startswith(_SENTENCE_OPENERS) or first.endswith(("年", "月", "日", "以来", "期间", "方面")):
            continue
        words = lexicon.words(first)
        if not _ENDS_IN_A_NAME.search(first) or any(
            (word in lexicon.verbs and word not in lexicon.nominal_verbs) or word in lexicon.adverbs or word in prepositions for word in words
        ):
            continue  # 严格按照时间节点，稳步推进……: a clause's adverbial, no name
        hits.append(_comma_in_list(match.end("first"), f"{first}，{match['rest']}"))
    return hits



def _comma_in_list(at: int, shown: str) -> Hit:
    """The comma at ``at`` among the items ``shown``, which a 顿号 parts (4.5.3.1)."""
    return Hit(at, at + 1, "、", f"“{shown}”是同一组并列的词语，中间的逗号应为顿号。", "把逗号改为顿号“、”。", f"{SOURCE} 4.5.3.1")
