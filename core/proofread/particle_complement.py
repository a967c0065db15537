"""的/地/得 → 得: the particle between a verb and its complement (开展的有声有色, 顶的上,
搬得出、稳的住), and 得 out of place (取的了 → 取得了, 较好得完成了 → 较好地); rules of
:mod:`core.proofread.particles`."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from core.proofread import data, official_counts
from core.proofread.hits import HAN_RUN, Hit
from core.proofread.lexicon import Lexicon
from core.proofread.particle_words import (
    ASPECT,
    BOUND_TO_WORD,
    DEGREE_PREFIXES,
    EFFECT_HEADS,
    PRONOUNS,
    SOURCE,
    counted_before,
    degree_and_adjective,
    is_complement,
    piece_offsets,
    verb_like,
)

_NOT_COMPLEMENT_START = ("是", "不是", "还是", "只是", "都是", "也是", "就是")


def _verb_and_complement(item: str, complements: frozenset[str], degree: frozenset[str], lexicon: Lexicon) -> bool:
    """Is ``item`` a verb, 得 and a complement (走得很坚定)?"""
    verb, found, rest = item.partition("得")
    return bool(found) and verb in lexicon.verbs and bool(rest) and (
        is_complement(rest, complements, degree) or degree_and_adjective(lexicon.words(rest), degree, lexicon)
    )


# One-character verbs jieba does not tag so that take a complement (日子过得红红火火, 学得更好:
# jieba tags 过 a particle, 学 a noun).
_VERBS_JIEBA_MISSES = frozenset({"过", "学"})


def _bare_adjective(item: str, lexicon: Lexicon) -> bool:
    """Is ``item`` one word that could be an adjective: jieba's adjective, or a word of two to four
    characters it tags neither verb nor noun (美丽, 富饶)?"""
    return lexicon.frequency(item) > 0 and (
        item in lexicon.adjectives
        or item in data.wordlists()["adjectives"]
        or (2 <= len(item) <= 4 and item not in lexicon.verbs and item not in lexicon.nouns)
    )


# 好/难 and one of these make an adjective (好用, 难办): 好不好用 asks of it, no complement of a verb.
_EASY_TO = frozenset("用看听吃玩走办使受懂记做")


def _asks_how_well(rest: str) -> bool:
    """Does ``rest`` open with an adjective asked of itself (好不好, 实不实, 严不严): a complement
    that asks how well (干得好不好要看实际效果)?"""
    return (
        len(rest) >= 3
        and rest[1] == "不"
        and rest[0] == rest[2]
        and rest[0] in data.wordlists()["one_character_adjectives"]
    )


def _clause_of_its_own(item: str, complements: frozenset[str], degree: frozenset[str], lexicon: Lexicon) -> bool:
    """Is ``item`` a clause of a subject and a complement-like predicate (动作快, 生活更舒心, 权力运行
    更加规范高效, 问题找得比较准), listed after a verb's complement (抓的早、动作快)? The subject: one or two nouns,
    or verbs that name a thing (运行)."""
    words = lexicon.words(item)
    if not words or len(words[0]) < 2 or (words[0] not in lexicon.nouns and words[0] not in lexicon.nominal_verbs):
        return False
    for size in (1, 2):
        subject, predicate = words[:size], words[size:]
        if not predicate or len(subject[-1]) < 2 or (size == 2 and subject[-1] not in lexicon.nouns and subject[-1] not in lexicon.verbs):
            return False
        if (
            is_complement("".join(predicate), complements, degree)
            or degree_and_adjective(predicate, degree, lexicon)
            or _degree_and_adjectives(predicate, complements, degree, lexicon)
            or _verb_and_complement("".join(predicate), complements, degree, lexicon)  # 问题|找得比较准
        ):
            return True
    return False


def _degree_and_adjectives(words: list[str], complements: frozenset[str], degree: frozenset[str], lexicon: Lexicon) -> bool:
    """A degree word and adjectives side by side (更加规范高效)."""
    return (
        len(words) >= 3
        and words[0] in degree
        and all(word in lexicon.adjectives or word in complements for word in words[1:])
    )


# Verbs of one character that do a thing (开会, 抓工作): after one, 的 and adjectives are how it was done.
_ONE_CHARACTER_DOING = frozenset("开搞抓干办做讲写管建唱演修种养")


def _after_ba_object(pieces: list[str], at: int, lexicon: Lexicon) -> bool:
    """Is pieces[at] the verb of a 把 clause, 把 and its object right before it with no other verb
    (把会场|布置; not 把加快工业发展|作为经济|工作: 作为 is the verb)?"""
    for before in range(at - 1, -1, -1):
        if pieces[before] == "把":
            return before < at - 1
        if (pieces[before] in lexicon.verbs and pieces[before] not in lexicon.nominal_verbs) or pieces[before] == "，":
            return False
    return False


def _adjectives(item: str, complements: frozenset[str], degree: frozenset[str], lexicon: Lexicon) -> bool:
    """Is ``item`` how a thing was done: a degree word and adjectives (更加富裕文明), two adjectives or
    more (庄严隆重), a listed complement, or a set phrase official text writes after 得 (富有成效)? One
    bare word is not enough (几年来的努力, 舌尖上的安全: a noun it qualifies)."""
    words = lexicon.words(item)
    graded = bool(words) and words[0] in degree
    if graded:
        words = words[1:]
    table = official_counts.counts()
    if not (graded or len(words) >= 2 or (words and (words[0] in complements or len(words[0]) == 4))):
        return False
    return bool(words) and all(
        word in complements
        or (len(word) < 4 and _bare_adjective(word, lexicon) and word not in lexicon.verbs)
        # a set phrase official text writes after 得 (有声有色), not one that names a thing (来龙去脉)
        or (len(word) == 4 and table is not None and table.pair("得", word) > 0)
        for word in words
    )


# What opens a complement that no attribute begins with: a negation, excess, a manner (这样紧张).
_EXCESS_OR_NOT = ("不", "过于", "这样", "那样", "如此")
_STRONG_DEGREE = ("很", "太", "十分", "非常", "极其", "相当")


def _pairs(text: str) -> list[str]:
    """``text`` cut into two-character pieces (过多过细过死 → 过多, 过细, 过死); [] when odd."""
    return [text[k : k + 2] for k in range(0, len(text), 2)] if len(text) % 2 == 0 else []


_NOT_COMPARING = ("比例", "比重", "比较", "比如", "比拼", "比赛", "比率", "比值", "比照", "比对", "比方", "比价")
_LONGEST_COMPARED = 6


# 像 … 一样 after a verb and its particle says how the thing turned out (日子过得像蜜一样甜, 建设得像
# 花园一样): a complement. Not 像样 or 像是 (干的像样, 说的像是真的: a word of its own).
_LIKENED = re.compile(r"像(?![样是章素])[^，。；：、的“”（）]{1,10}?(?:一样|一般|似的)")


def _compared(rest: str, complements: frozenset[str], degree: frozenset[str], lexicon: Lexicon) -> str | None:
    """比, what is compared against and a complement to the clause's end (做的比过去扎实, 发展的比预期
    快了; published reports write 吃得比过去好了, never 的比 but in 比价): the complement of the verb,
    with 得 — the whole, or None. Not where what is compared is itself a 的 phrase (说的比唱的好听)."""
    if not rest.startswith("比") or rest.startswith(_NOT_COMPARING):
        return None
    whole = rest[:-1] if rest.endswith("了") else rest
    for cut in range(2, min(len(whole) - 1, _LONGEST_COMPARED + 1) + 1):
        tail = whole[cut:]
        if "的" in whole[1:cut]:
            return None
        if is_complement(tail, complements, degree) or degree_and_adjective(lexicon.words(tail), degree, lexicon):
            return rest
    return None


def de_to_de(clause: str, base: int, pieces: list[str], lexicon: Lexicon, cut: bool = False) -> Iterator[Hit]:
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
        # 的 or 地 (生活地更有品质, 做地更好): no adverbial's 地 stands between a verb and its complement
        # a verb, or a word jieba tags a noun that is written as one (总结|的|比较深入: 总结了)
        # (after 把 and its object, the word before 的 is the verb whatever jieba's tag: 把会场|布置)
        if piece not in ("的", "地") or i == 0 or not (
            verb_like(pieces[i - 1], lexicon) or pieces[i - 1] in _VERBS_JIEBA_MISSES or _after_ba_object(pieces, i - 1, lexicon)
        ):
            continue
        if pieces[i - 1] == "有":
            continue  # 有的多一些，有的少一些: 有的 is "some", no verb and particle
        if "比" in pieces[max(0, i - 3) : i - 1]:
            continue  # 比预想的好: "预想的" is what is compared against, not a verb and its complement
        bound = lexicon.frequency(pieces[i - 1][-1] + "地")
        if piece == "地" and bound >= BOUND_TO_WORD and (len(pieces[i - 1]) == 1 or bound >= lexicon.frequency(pieces[i - 1])):
            continue  # 项目落地不够多: 地 is 落地's, however jieba cut it (not 暴露|地: 暴露 is the commoner word)
        rest = clause[position:]
        if rest.endswith("了") and len(rest) > 2:
            rest = rest[:-1]  # 进行的更多、更快、更好了: a change, said of the complement
        one_adjectives = data.wordlists()["one_character_adjectives"]
        if len(pieces[i - 1]) == 1 and pieces[i - 1] in lexicon.verbs and len(rest) == 1 and rest in one_adjectives and rest not in ("新", "老"):
            # 存案多、压的久: a verb of one character, then one adjective ending the clause, is its complement
            yield _complement_de(base + start, pieces[i - 1], rest, particle=piece)
            continue
        if _REDUPLICATED_STATE.fullmatch(rest):
            yield _complement_de(base + start, pieces[i - 1], rest, particle=piece)
            continue  # 定的低低的: a state said twice, after a verb, is its complement
        if not rest or rest.startswith(_NOT_COMPLEMENT_START):
            continue
        verb = pieces[i - 1]
        compared = _compared(rest, complements, degree, lexicon)
        if compared is not None:
            yield _complement_de(base + start, verb, compared, "比较的结果是补语，", piece)
            continue
        likened = _LIKENED.match(rest)
        if likened is not None:
            yield _complement_de(base + start, verb, likened.group(), "比喻的结果是补语，", piece)
            continue
        # The complement to the clause's end, or inside a phrase that qualifies a noun.
        # (or to the end of a list item: 管的过多过死、束缚地方积极性的倾向).
        inner = re.split("[的、]", rest, maxsplit=1)[0]
        if (
            inner.startswith(_EXCESS_OR_NOT)
            and inner[-1] not in "多少"
            and (
                is_complement(inner, complements, degree)
                or degree_and_adjective(lexicon.words(inner), degree, lexicon)
                or (inner[:2] in _EXCESS_OR_NOT and (is_complement(inner[2:], complements, degree) or _bare_adjective(inner[2:], lexicon)))
            )
        ) or (inner.startswith("过") and bool(_pairs(inner)) and all(part in complements for part in _pairs(inner))):
            # 办的不好的企业, 管的过多过细过死的模式, 定的过于保守的计划: a complement negated or of excess,
            # inside a phrase that qualifies a noun (不少的成绩 is a quantity's)
            yield _complement_de(base + start, verb, inner, particle=piece)
            continue
        # A verb of one character takes no 的 as an attribute before another (办的、比较好的 is no
        # reading): 办的比较好的企业, 抓的更加扎实的单位 — the degree word and adjective are its complement.
        lone_verb = len(verb) == 1 and inner.startswith(("比较", "更加", "较为"))
        if (
            (inner.startswith(_STRONG_DEGREE) or lone_verb)
            and rest[len(inner) : len(inner) + 1] == "的"
            and not verb.endswith("得")
            and inner[-1] not in "多少"
            and degree_and_adjective(lexicon.words(inner), degree, lexicon)
        ):
            # 隐藏的很深的分子, 提的很高的想法: a strong degree word and an adjective between two 的
            # is a complement; 更加 and 比较 also qualify nouns (创造的更加公平的环境, 反映的比较集中的问题)
            yield _complement_de(base + start, verb, inner, particle=piece)
            continue
        if _comparative(rest, lexicon):
            # 订的稳妥一些: an adjective and 一些 to the clause's end compare how a thing was done
            yield _complement_de(base + start, verb, rest, particle=piece)
            continue
        if _asks_how_well(rest) and not (rest[0] in "好难" and rest[3:4] and rest[3] in _EASY_TO):
            yield _complement_de(base + start, verb, rest[:3], f"“{rest[:3]}”是问结果的补语，", piece)
            continue
        # After 把 and its object, or after a verb of one character (开, 搞, 抓), a run of adjectives to
        # the clause's end is how the thing was done, never what it qualifies (把会场布置的庄严隆重, 会议开的
        # 务实热烈、富有成效): 把 leaves no noun to qualify, and a lone verb before 的 is no attribute.
        if (_after_ba_object(pieces, i - 1, lexicon) or verb in _ONE_CHARACTER_DOING) and all(
            _adjectives(item, complements, degree, lexicon) for item in rest.split("、")
        ):
            yield _complement_de(base + start, verb, rest, particle=piece)
            continue
        # One complement, or several listed with 顿号 (抓的更深入、更全面); an item after the first
        # may be a verb with a complement of its own (转的很艰辛、走得很坚定).
        items = rest.split("、")
        # After a degree word the items that follow share it (建设的更加富饶、美丽、幸福), the last
        # maybe joined by 和 (做的更加稳妥和周到).
        first_words = lexicon.words(items[0]) if items[0] else []
        shared_degree = bool(first_words) and first_words[0] in degree
        if shared_degree:
            items = [part for item in items for part in item.split("和")]
        if not all(
            item
            and (
                is_complement(item, complements, degree)
                or degree_and_adjective(lexicon.words(item), degree, lexicon)
                or (at > 0 and _verb_and_complement(item, complements, degree, lexicon))
                or (at > 0 and shared_degree and _bare_adjective(item, lexicon))
                or (at > 0 and _clause_of_its_own(item, complements, degree, lexicon))
            )
            for at, item in enumerate(items)
        ):
            continue
        yield _complement_de(base + start, verb, rest, particle=piece)


# An adjective of one character said twice with its 的 (低低的, 满满的, 紧紧的), ending the clause.
_REDUPLICATED_STATE = re.compile(r"([低高满紧松远近早晚多少大小快慢深浅宽窄长短稳实])\1的")


# What closes a comparison of how a thing is done (订的稳妥一些, 放的宽一点).
_COMPARISON_TAILS = ("一些", "一点儿", "一点")


def _comparative(rest: str, lexicon: Lexicon) -> bool:
    """Is ``rest`` (to the clause's end) an adjective and 一些 or 一点: a complement comparing how
    a thing is done? No 的-phrase compares so (提出的一些 is a quantity: no adjective before it)."""
    for tail in _COMPARISON_TAILS:
        if rest.endswith(tail):
            word = rest[: -len(tail)]
            lists = data.wordlists()
            return word in lexicon.adjectives or word in lists["adjectives"] or word in lists["one_character_adjectives"]
    return False


def _complement_de(at: int, verb: str, complement: str, why: str = "", particle: str = "的") -> Hit:
    """The hit for 的 (or 地) at ``at`` written where ``verb`` takes ``complement`` with 得."""
    return Hit(
        at,
        at + 1,
        "得",
        f"“{verb}{particle}{complement}”中“{particle}”应为“得”：{why}动词后面引出补语用“得”。",
        f"改为“{verb}得{complement}”。",
        SOURCE,
    )


# Items of a list or of parallel clauses: what lies between 、，；and the sentence's ends.
_ITEM = re.compile(r"[^、，；。！？：:;,\s“”‘’《》（）()]+")


_LONGEST_PARALLEL_COMPLEMENT = 3


# What a one-character verb can or cannot reach (顶得上, 招得来, 留得住, 叫得响, 过得硬, 打得赢, 摸得着,
# 看得见): after 的 at the end of a clause, the potential complement that takes 得.
_POTENTIAL_COMPLEMENTS = frozenset("上下来去住起动开完好到出进过响硬赢着见")


def potential_complement(clause: str, base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """的 (or 地) → 得 between a one-character verb and a potential complement that ends the clause
    or a list item, or goes on to qualify a noun (关键时刻顶的上, 招的来、留得住, 做地到, 叫的响的品牌)."""
    offsets = piece_offsets(pieces)
    for i, piece in enumerate(pieces):
        if piece not in ("的", "地") or i == 0 or i + 1 >= len(pieces):
            continue
        verb, complement = pieces[i - 1], pieces[i + 1]
        if len(verb) != 1 or verb not in lexicon.verbs or complement not in _POTENTIAL_COMPLEMENTS:
            continue
        if piece == "地" and (lexicon.frequency(verb + "地") >= BOUND_TO_WORD or lexicon.frequency("地" + complement) >= BOUND_TO_WORD):
            continue  # 落地, 地上, 地下: 地 of a word
        # (叫的响的品牌, 留的住的人才: the verb and its complement qualify a noun; 买的起房: 起 with
        # its object after it)
        takes_object = complement == "起" and i + 2 < len(pieces) and HAN_RUN.fullmatch(pieces[i + 2]) is not None
        if i + 2 < len(pieces) and pieces[i + 2] not in ("、", "的") and not takes_object:
            continue
        yield Hit(
            base + offsets[i],
            base + offsets[i] + 1,
            "得",
            f"“{verb}{piece}{complement}”中“{piece}”应为“得”：动词后面引出可能补语用“得”。",
            f"改为“{verb}得{complement}”。",
            SOURCE,
        )


def parallel_complements(text: str, lexicon: Lexicon) -> Iterator[Hit]:
    """花的其所、用得安全; 搬得出、稳的住; 住地舒心、过得顺心: two items side by side that end
    alike, a verb, a particle and a complement as long, one with 得 and one with 的 or 地: the
    parallel one takes 得 too. So also where the second item goes on to qualify a noun and only its
    start is parallel to the first item's end (用得上、留的住的人才, 统的过多、管得过死的体制)."""
    items = list(_ITEM.finditer(text))
    for one, other in itertools.pairwise(items):
        if other.start() != one.end() + 1 or text[one.end()] not in "、，":
            continue
        for size in range(1, _LONGEST_PARALLEL_COMPLEMENT + 1):
            if min(len(one.group()), len(other.group())) < size + 2:
                break
            ends = (one.start(), one.end() - size - 1), (other.start(), other.end() - size - 1)
            hit = _parallel_complement(text, size, *ends, lexicon)
            if hit is None:
                hit = _parallel_complement(text, size, ends[0], _opening_complement(text, other, size), lexicon)
            if hit is not None:
                yield hit
                break


def _opening_complement(text: str, item: re.Match[str], size: int) -> tuple[int, int]:
    """The item and the place of a particle after its first one or two characters where a complement
    of ``size`` characters then closes an attribute (留的住的人才, 管的过死的体制), or (start, -1)."""
    for verb_size in (1, 2):
        at = item.start() + verb_size
        if at + size + 1 < item.end() and text[at] in "的地得" and text[at + size + 1] == "的":
            return item.start(), at
    return item.start(), -1


def _without_state_de(complement: str) -> str:
    """A complement said twice ends with 的 of its own (长得壮壮的): without it."""
    return complement[:-1] if len(complement) == 3 and complement[0] == complement[1] and complement[2] == "的" else complement


def _parallel_complement(text: str, size: int, one: tuple[int, int], other: tuple[int, int], lexicon: Lexicon) -> Hit | None:
    """The hit for two parallel verb + particle + complement of ``size`` characters, each given as
    its item's start and the particle's place, one with 得 and the other with 的 or 地."""
    one_at, other_at = one[1], other[1]
    if one_at < 0 or other_at < 0:
        return None
    marks = text[one_at], text[other_at]
    if set(marks) not in ({"的", "得"}, {"地", "得"}):
        return None
    (item_start, at), (_, parallel_at) = (one, other) if marks[0] != "得" else (other, one)
    particle = text[at]
    verb, complement, its_parallel = text[at - 1], text[at + 1 : at + 1 + size], text[parallel_at + 1 : parallel_at + 1 + size]
    if lexicon.frequency(text[parallel_at - 1 : parallel_at + 1]) >= BOUND_TO_WORD and its_parallel[:1] not in _POTENTIAL_COMPLEMENTS:
        return None  # 工作取得|实效: the parallel 得 ends a word of its own (取得), no particle (but 记得住)
    if at - 1 < item_start or set(_without_state_de(complement) + _without_state_de(its_parallel)) & {"的", "得", "地"}:
        return None
    # Items of three characters each, a verb, the particle and a potential complement (接地住、管得好;
    # 进得来、留地下): the shape says 得, whatever word the verb makes with 地.
    lone_verb = verb in lexicon.verbs and (at - item_start == 1 or lexicon.frequency(text[at - 2 : at]) < BOUND_TO_WORD)  # 能|接 地住
    potential = size == 1 and complement in _POTENTIAL_COMPLEMENTS and lone_verb and text[at + 2 : at + 3] in ("、", "，", "。", "；", "")
    if not potential and (
        lexicon.frequency(verb + particle) >= BOUND_TO_WORD
        or (particle == "地" and lexicon.frequency(particle + complement[0]) >= BOUND_TO_WORD)
    ):
        return None  # 目的, 落地, 解决|地区冲突: the particle is part of a word
    bound = text[at - 2 : at] if at - 2 >= item_start else ""
    if bound and not lexicon.words(text[item_start:at])[-1].endswith(bound):
        bound = ""  # 资金|花的其所: jieba reads the verb alone, whatever word it makes with the one before
    if bound and lexicon.frequency(bound) >= BOUND_TO_WORD and bound not in lexicon.verbs:
        return None  # 群众的认可: a noun owns the 的 before a noun
    if bound and verb not in lexicon.verbs and bound not in lexicon.verbs:
        return None  # a verb opens a short item (稳的住) or is one (留的住)
    if complement in lexicon.nouns and complement[0] != its_parallel[0]:
        return None  # 企业的发展: a noun after 的, unlike the complement beside it
    shown_verb = bound if bound in lexicon.verbs else verb
    parallel_verb = text[parallel_at - 1] if text[parallel_at - 2 : parallel_at] not in lexicon.verbs else text[parallel_at - 2 : parallel_at]
    return Hit(
        at,
        at + 1,
        "得",
        f"“{shown_verb}{particle}{complement}”与“{parallel_verb}得{its_parallel}”并列，“{shown_verb}”后面引出补语也用“得”。",
        f"改为“{shown_verb}得{complement}”。",
        SOURCE,
    )


# A verb ending in 得 this common (取得, 获得, 赢得) is what a loose character before 的 了 meant.
_DE_VERB = 1000


# A character that makes a verb with 得 (取得, 获得) is that verb's, cut by a slip, when official text
# writes the verb this often and this many times as often as the character alone before 的.
_ONE_VERB_SEEN = 50


_ONE_VERB_RATIO = 20


def _written_as_one_verb(character: str, ratio: int = _ONE_VERB_RATIO) -> bool:
    """Does official text write ``character`` + 得 as one verb far more often than ``character``
    alone before 的 (取得 8,644 times, 取|的 7: 取的重大突破 is 取得; 值得 27, 值|的 11: not)?"""
    table = official_counts.counts()
    if table is None:
        return False
    seen = table.word(character + "得")
    return seen >= _ONE_VERB_SEEN and seen >= ratio * (table.pair(character, "的") + 1)


# Words that open the object of a verb in 得 (赢得更多信任, 取得良好成效) rather than name a thing
# a 的 could qualify; with them a lower ratio of the verb to the loose character before 的 will do
# (赢得 155, 赢|的 14).
_OBJECT_OPENERS = frozenset({"更", "更多", "更加", "更大", "更好", "良好", "显著", "明显", "广泛", "一致", "较好", "新"})


_OPENER_RATIO = 5


# A degree word opening what follows: 显|的|尤为重要 is the verb 显得 with its complement (the
# character alone, 显, never takes one).
_DEGREE_AFTER_VERB = ("尤为", "更加", "更为", "十分", "非常", "格外", "特别", "极为", "越发", "愈发", "愈加", "相当", "较为", "越来越")


def de_cutting_a_de_word(base: int, pieces: list[str], lexicon: Lexicon) -> Iterator[Hit]:
    """的 → 得 opening a clause, where 得 makes a verb with the next character (，的到了…支持:
    得到): no clause begins with the particle 的. Anywhere in a clause, 的 before the rest of a
    word with 得 that is seldom a word alone (成绩的益于 → 得益于, 的天独厚 → 得天独厚), and where
    the clause or an item of its list ends, 的 before the rest of an adjective with 得 (措施的力 → 得力)."""
    position = 0
    for i, piece in enumerate(pieces[:-1]):
        at, position = position, position + len(piece)
        if piece != "的":
            continue
        rest = pieces[i + 1]
        word = "得" + rest
        opening = i == 0 and len(rest) == 1 and word in lexicon.verbs and lexicon.frequency(word) >= _DE_VERB
        bound = len(rest) > 1 and lexicon.frequency(word) >= _DE_WORD and lexicon.frequency(rest) < lexicon.frequency(word)
        ending = word in _PREDICATE_WORDS_OF_DE and pieces[i + 2 : i + 3] in ([], ["、"])
        if opening or bound or ending:
            # 的|益于 (得益于): a word with 得 that jieba cut after the particle.
            yield Hit(base + at, base + at + 1, "得", f"“的{rest}”中“的”应为“得”：“{word}”是一个词。", f"改为“{word}”。", SOURCE)


# A word this common that begins with 得 (得益于) is what a clause opening with 的 + the rest meant.
_DE_WORD = 50
# Adjectives of 得 that end a predicate (措施得力, 处置得当, 着装得体): a clause never ends on 的
# and their second character alone.
_PREDICATE_WORDS_OF_DE = frozenset({"得力", "得当", "得体", "得法", "得宜"})


# 的|到 before what official text writes after 得到 this often, and more often than after 到 alone
# (基础设施的到新改善, 诉求的到了有效解决: 得到), is the verb 得到; the noun 到来 or 到位 is one
# piece and never read here, and 规定的到站 keeps its 到 (到 站 is written, 得到 站 never).
_DEDAO_SEEN = 20


def dedao(base: int, pieces: list[str]) -> Iterator[Hit]:
    table = official_counts.counts()
    if table is None:
        return
    offsets = piece_offsets(pieces)
    for i in range(1, len(pieces) - 2):
        if pieces[i] != "的" or pieces[i + 1] != "到":
            continue
        following = pieces[i + 2]
        if following[:1].isdigit() or following[:1] in "〇○零一二两三四五六七八九十":
            continue  # 提出的|到2015年实现: 到 a year or a figure is "by", no 得到
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


# Comparatives that say how a verb is done (更多地了解, 更好地服务): 得 after one before a verb is 地.
_COMPARATIVE_ADVERBIALS = frozenset({"更多", "更好", "更快", "更加", "更广", "更深", "更有力", "更有效", "更为"})


def _comparative_before(pieces: list[str], at: int) -> str:
    """The comparative right before pieces[at], whole or as jieba cut it (更|多), or ""."""
    before = pieces[at - 1]
    if before in _COMPARATIVE_ADVERBIALS:
        return before
    joined = pieces[at - 2] + before if at >= 2 else ""
    return joined if joined in _COMPARATIVE_ADVERBIALS else ""


def misplaced_de(clause: str, base: int, pieces: list[str], lexicon: Lexicon, cut: bool) -> Iterator[Hit]:
    """Three slips of one character each: 取的了 (a verb in 得 split), 较好得完成了 (得 before a
    verb with its aspect particle), 优异得“…” (得 before the quoted noun it qualifies)."""
    adjectives = data.wordlists()["adjectives"]
    offsets = piece_offsets(pieces)
    for i, piece in enumerate(pieces):
        if i == 0:
            continue
        before, start = pieces[i - 1], base + offsets[i]
        after = pieces[i + 1] if i + 1 < len(pieces) else ""
        verb = before + "得"
        # 互利|共|赢|的|开放: the loose character ends a word with the one before it (共赢), no 赢得.
        ends_word = i >= 2 and lexicon.frequency(pieces[i - 2][-1:] + before) >= _DE_VERB
        # 各站|所|的|政务: 所 after a noun names an office (站所, 派出所), no 所得.
        ends_word = ends_word or (before == "所" and i >= 2 and pieces[i - 2] not in PRONOUNS and pieces[i - 2] not in lexicon.verbs and pieces[i - 2][-1:].isalpha())
        if (
            piece == "的"
            and len(before) == 1
            and not ends_word
            and verb in lexicon.verbs
            and lexicon.frequency(verb) >= _DE_VERB
            and (
                after == "了"
                or _written_as_one_verb(before)
                or (len(after) >= 2 and after in lexicon.verbs and after not in lexicon.nominal_verbs)
                or after in PRONOUNS
                or (after in _OBJECT_OPENERS and _written_as_one_verb(before, _OPENER_RATIO))
                or after.startswith(_DEGREE_AFTER_VERB)
            )
        ):
            # 值|的|学习: a verb follows, which the verb in 得 takes (值得学习); so does a pronoun
            # (值得大家学习) or a word that opens its object (赢得更多信任); 增加值的增长 has a noun.
            shown = f"{before}的{after}"
            yield Hit(start, start + 1, "得", f"“{shown}”中“的”应为“得”：“{verb}”是一个词。", f"改为“{verb}{after}”。", SOURCE)
        elif (
            piece == "得"
            and i + 2 < len(pieces)
            and pieces[i + 2] in ASPECT
            and len(after) >= 2
            and after in lexicon.verbs
            and after not in adjectives
            and before not in lexicon.verbs
        ):
            # 较|好|得: name the adverbial whole in the message.
            degree = pieces[i - 2] if i >= 2 else ""
            adverbial = degree + before if len(before) == 1 and degree in DEGREE_PREFIXES | {"较"} else before
            yield Hit(
                start,
                start + 1,
                "地",
                f"“{adverbial}得{after}”中“得”应为“地”：修饰动词的状语后面用“地”。",
                f"改为“{adverbial}地{after}”。",
                SOURCE,
            )
        elif (
            piece == "得"
            and (comparative := _comparative_before(pieces, i))
            and len(after) >= 2
            and after in lexicon.verbs
            and after not in adjectives
            and after not in lexicon.adjectives
            and (opens := i - 1 if comparative == before else i - 2) >= 0
            and not (opens and pieces[opens - 1] in lexicon.verbs)
        ):
            # 更多得了解: a comparative says how the verb after it is done (变得更多 has its verb before)
            yield Hit(
                start,
                start + 1,
                "地",
                f"“{comparative}得{after}”中“得”应为“地”：修饰动词的状语后面用“地”。",
                f"改为“{comparative}地{after}”。",
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
            and pieces[i + 2] not in EFFECT_HEADS
            and pieces[i + 2] not in data.wordlists()["compound_heads"]  # 具备较好的统计|基础: one noun
            and not counted_before(pieces, i - 1)  # 做了一个很好的动员: a noun phrase
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
