"""A comma between two names of bodies or places that 顿号 list (GB/T 15834—2011 4.5.3.1): 乡党委，
政府高度重视; 在区委，区政府的坚强领导下; 对县委政法委，珠岙镇等14个单位; 国土，工商等有关部门.

A body's name (ending in 委, 局, 院, 县, 镇 … or one of the short names 政府, 工商, 国土) that is its
whole clause is no clause: nothing is said of it, so a second name after the comma is the next item
of its list. A name that ends a clause a preposition opens (在, 对, 受) or a verb takes is an item
only when the second name is closed as an item is (等, 和, 的, 、), or the preposition's frame goes on
past it (为党委，政府决策; 在各地区，各部门……努力下): a frame may end at the comma (会在学术报告厅，医院
党政领导参加) and a verb's object end its clause, the next name then the next clause's subject (下设
办公室，党政办公室作为责任部门); a name said again is never a list's (下设办公室，办公室……). 抄送 and
主送 lines part bodies with commas, as GB/T 9704—2012 asks: left alone. On 570,000 Han characters of
published reports the rule found one comma, a slip (在市农业农村局，县委、县政府的正确领导下).
"""

from __future__ import annotations

import re

from core.proofread import data
from core.proofread.hits import PUNCTUATION_STANDARD, Hit
from core.proofread.lexicon import Lexicon
from core.proofread.particle_words import verb_like

# What ends the name of a body or a place (县委, 区政府, 市统计局, 昆山市, 珠岙镇).
_BODY_ENDINGS = frozenset("委府局会院部办厅所站队处科室司团校区县市省镇乡村")
# Words with such an ending that name no body (干部, 社会, 大会).
_NOT_BODIES = frozenset({"干部", "场所", "社会", "机会", "大会", "全会", "体会", "都会", "处室"})
# Bodies named short, without such an ending (国土，工商等有关部门; 中央，省委).
_SHORT_BODIES = frozenset(
    {
        "中央", "国务院", "人大", "政协", "工商", "国土", "财政", "税务", "公安", "法院", "检察院", "纪委", "监委",
        "政府", "党委", "工会", "团委", "妇联", "残联", "科协", "民政", "人社", "发改", "海关", "部门",
    }
)  # fmt: skip
# Words that open a frame going on past the comma (在……的领导下, 对……开展, 受……的选派).
_FRAME_OPENERS = frozenset({"在", "对", "向", "与", "和", "受", "由", "经", "把", "将", "为", "同", "跟", "给", "请", "以", "从", "及"})
# What closes the second name as an item of the list.
_ITEM_CLOSERS = frozenset({"等", "和", "及", "以及", "与", "的"})
# Grammar words no name holds.
_NO_NAME_WORDS = frozenset({"的", "地", "得", "了", "着", "是", "有", "在", "等", "和", "与", "及", "或", "为", "对", "以", "把", "被", "从", "向", "于", "已", "也", "都", "还", "又", "就", "才", "即", "则"})  # fmt: skip
_CLAUSE_MARKS = "，。；：！？（）“”《》、\n"
_LONGEST_NAME = 8
_LENGTH_SPREAD = 3
# Lines whose bodies GB/T 9704—2012 7.3.1 parts with commas.
_ADDRESS_LINES = ("抄送：", "主送：")


def _a_name(words: list[str], lexicon: Lexicon) -> bool:
    """Are ``words`` a name, holding no verb, adverb, adjective, preposition, idiom or grammar word?"""
    prepositions = data.wordlists()["prepositions"]
    return bool(words) and not any(
        word in _NO_NAME_WORDS
        or word in lexicon.verbs
        or verb_like(word, lexicon)
        or word in lexicon.adverbs
        or word in lexicon.adjectives
        or word in prepositions
        or word in lexicon.idioms
        or (len(word) == 4 and _says_or_does(word[:2], lexicon))
        or not re.fullmatch(r"[\u4e00-\u9fff]+", word)
        for word in words
    )


def _says_or_does(word: str, lexicon: Lexicon) -> bool:
    """A verb, adverb or adjective opening a phrase jieba keeps whole (认真贯彻, 全面加强)."""
    return word in lexicon.verbs or word in lexicon.adverbs or word in lexicon.adjectives or verb_like(word, lexicon)


def _names_a_body(name: str) -> bool:
    if len(name) < 2 or name[-2:] in _NOT_BODIES or name[0] == "全":  # 全省, 全村: a whole, no body
        return False
    return name[-1] in _BODY_ENDINGS or name in _SHORT_BODIES or name[-2:] in _SHORT_BODIES


def _first_body(clause: str, lexicon: Lexicon) -> tuple[str, str | None, str] | None:
    """The body ending ``clause``, what takes it and the word that does: None when the name is the
    whole clause, "frame" when a preposition opens it, "verb" when a verb does; None when no body
    ends the clause."""
    words = list(lexicon.words(clause))  # a copy: the lexicon shares its cached lists
    if _a_name(words, lexicon):
        return (clause, None, "") if len(clause) <= _LONGEST_NAME else None
    name = ""
    while words and len(words[-1] + name) <= _LONGEST_NAME and _a_name([words[-1]], lexicon):
        name = words.pop() + name
    if not name or not words:
        return None
    if words[-1] in _FRAME_OPENERS:
        return name, "frame", words[-1]
    taker = words[-1]
    # a verb, or a phrase jieba keeps whole that ends in one (认真贯彻)
    return (name, "verb", taker) if any(verb_like(word, lexicon) for word in (taker, taker[-2:])) else None


def _second_body(rest: str, size: int, lexicon: Lexicon) -> tuple[str, bool]:
    """The words after the comma that name a body, the longest such run of them no longer than the
    first name allows, and whether an item's closer or a 顿号 follows it."""
    name, found = "", ""
    words = lexicon.words(rest)
    for word in words:
        if word in _ITEM_CLOSERS or word == "、" or len(name + word) > size + _LENGTH_SPREAD:
            break
        name += word
        if _names_a_body(name):
            found = name
    closed = bool(found) and (
        rest[len(found) : len(found) + 1] == "、" or any(rest.startswith(closer, len(found)) for closer in _ITEM_CLOSERS)
    )
    return found, closed


def comma_between_bodies(text: str, lexicon: Lexicon) -> list[Hit]:
    """A comma between two bodies' names, items of one list (乡党委，政府; 在区委，区政府的领导下)."""
    hits = []
    adverbials = data.wordlists()["adverbials"]
    for at, mark in enumerate(text):
        if mark != "，":
            continue
        start = max(text.rfind(end, 0, at) for end in _CLAUSE_MARKS) + 1
        if start > 0 and text[start - 1] in "、”）》\n":
            continue  # the end of a list, a quotation or a title: no clause's start
        if text[max(0, start - 3) : start].endswith(_ADDRESS_LINES):
            continue
        first = _first_body(text[start:at], lexicon)
        following = re.match(r"[\u4e00-\u9fff、]+", text[at + 1 :])
        if first is None or following is None:
            continue
        name, taker, preposition = first
        second, closed = _second_body(following.group(), len(name), lexicon)
        if not (_names_a_body(name) and _names_a_body(second)) or abs(len(second) - len(name)) > _LENGTH_SPREAD:
            continue
        if second == name or name.endswith(second):
            continue  # 小组下设办公室，办公室设在……: the name said again opens the next clause, no list repeats an item
        if second[0] == "各" and name[0] != "各" and taker is not None:
            continue  # 总局有关司局，各省……部门有关负责同志: 各 opens another group (but 各地区，各部门)
        second_words = lexicon.words(second)
        if not _a_name(second_words, lexicon) or second_words[0] in adverbials or text[at + 1 + len(second) : at + 2 + len(second)] == "：":
            continue  # 各位领导，同志们：— a salutation
        # A preposition's frame that goes on to a noun after the second name (为党委，政府决策提供参考:
        # the decisions of both) still holds both; 在's often ends at the comma.
        noun_after = _a_name(lexicon.words(following.group()[len(second) : len(second) + 2]), lexicon)
        # (在's frame goes on only where 下 or 中 closes it after the second name: 在各地区，各部门积极努力下)
        closes_zai = re.match(r"[\u4e00-\u9fff]*[下中](?=[，。；：]|$)", text[at + 1 :]) is not None
        goes_on = taker == "frame" and ((preposition != "在" and noun_after) or (preposition == "在" and closes_zai))
        if taker is not None and not closed and not goes_on:
            # 下设办公室，党政办公室作为责任部门: the next clause's subject; 会在学术报告厅，医院党政
            # 领导参加: the frame ended at the comma. Only a name that is its whole clause (乡党委，
            # 政府高度重视) needs no closer.
            continue
        hits.append(
            Hit(
                at,
                at + 1,
                "、",
                f"“{name}，{second}”是并列的机关或地方名称，中间的逗号应为顿号。",
                "把逗号改为顿号“、”。",
                f"{PUNCTUATION_STANDARD} 4.5.3.1",
            )
        )
    return hits
