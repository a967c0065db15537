"""Is a guessed slip plausible in a report? Filters on what the sound-and-shape rules guess.

The rules of :mod:`core.proofread.slips` find spans that are no dictionary word but sound or
look like one. Reports coin words on purpose, and such coinages are where those guesses go
wrong on text the rules never saw (the 2026 provincial reports: 沪持牌 → 护持, 教育强市 → 强势,
“理响重庆” → 理想). A guess is dropped when:

* the character it would change is a province's one-character name (沪 渝 皖 疆 …,
  resources/proofread/place_abbreviations.txt): 入沪, 渝快办, 稳疆固藏 are places;
* the span stands in a name — of a route, a work, a firm, a street, a village, a township, an
  organ, a person, or an item of a list of names closed by what they are
  (:mod:`core.proofread.named_spans`): local reports name many; or it follows a symbol put for a
  name withheld (☆县是: the end of the masked name);
* the span is two words meeting: an item and the 等 closing its list (天然气、钾等), or the 及 or 和
  joining the last item to items that end alike (不稳定户、边缘易返贫户及), a verb and its
  result (耕好), a word before a list of short items of one length (为|稳投资、扩内需、促发展);
* the span stands in a short quotation or a title (“两园一河”, “渝快办”, 《柳柳州》) that,
  corrected, is no term the dictionary knows (“第一易题” is 第一议题 misspelt) nor a phrase
  official text writes (“三支对伍” is 三支队伍 misspelt), goes on
  right after one (“专精特新”专板), or is a whole item of a list (泰达、城投、轨道): a slogan,
  brand or name the writer chose, character by character — unless, in the last two, it sounds
  exactly like a very common word (“过硬”赣部 → 干部), or the list's other items next to it are
  everyday words (管理、保章、服务: a list of ordinary words);
* (over the whole report, :func:`repeated_spans`) the report writes the same span again: a
  slip is made once, a coined term (智治, 体展, 综试区) is used throughout.

Only the guesses are filtered (their source is :data:`core.proofread.slips.GUESSED_SOURCE`); the curated list of wrong forms
is found wherever it stands. Doubled characters in a short quotation (“届届见金”, “宜荆荆恩”)
and two words that meet on a prefix (安全|全链条) are left alone for the same reasons.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache

from core.proofread import data, official_counts
from core.proofread.context_words import SOURCE as CONTEXT_SOURCE
from core.proofread.hits import MASK_CHARACTERS, Hit, zai_opens_before
from core.proofread.lexicon import Lexicon
from core.proofread.named_spans import EVERYDAY_WORD, given_name, names_something
from core.proofread.slips import GUESSED_SOURCE

_HAN = re.compile(r"[\u4e00-\u9fff]")
# A quotation or title at most this long is a name or slogan (“两园一河”, “渝快办”); a longer one
# is quoted prose and is proofread like any other.
MAX_NAME = 12
_QUOTED = re.compile("|".join(f"{a}[^{a}{b}]{{1,{MAX_NAME}}}{b}" for a, b in ("“”", "‘’", "《》", "「」")))
# What may end an item of a list (泰达、城投、轨道 / 、九洲江等) and start one.
_ITEM_END = "、等和与及"
_ITEM_START = "、，；：（“"
# Characters that prefix a noun to make a report term (全链条, 全周期, 总基调, 跨区域): after a
# word ending in the same character they are two words meeting, not a doubled character.
_NOUN_PREFIXES = frozenset("全总跨超非副准")
# A word at least this common in jieba's counts follows such a prefix as a noun.
_COMMON_NOUN = 30
# A correction this long and this common in jieba's own dictionary (基础设施 107) is what a province's
# name inside the span stood for (基楚设施): places are not written inside such a phrase. Our own words
# do not count: 和美|湘|村 is a pun on 湘 (Hunan), not 和美乡村 misspelt.
_SET_PHRASE = 4
_COMMON_SET_PHRASE = 50
# A correction this common, of the very same sound, is meant even after a quoted name or as an
# item of a list (“过硬”赣部 → 干部; 考核、讲励、培训 → 奖励).
_VERY_COMMON_WORD = 3000


@cache
def place_abbreviations() -> frozenset[str]:
    """The one-character names of provinces (沪 上海): place_abbreviations.txt."""
    lines = data._lines(data.shipped_dir() / "place_abbreviations.txt", office=False)
    return frozenset(line.split()[0] for line in lines)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start() + 1, m.end() - 1) for m in _QUOTED.finditer(text)]


def in_short_quotation(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` lie inside a quotation or title of at most MAX_NAME characters?"""
    return _short_quotation_around(text, start, end) is not None


def _short_quotation_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The inside (from, to) of the short quotation or title that holds ``text[start:end]``."""
    return next(((left, right) for left, right in _quoted_spans(text) if left <= start and end <= right), None)


# A correction official text writes beside both the word before and the word after (each at least
# _EACH_NEIGHBOUR times, this often in all: 提升 干部 5, 干部 政治 20) is what a span no text writes meant.
_AMONG_NEIGHBOURS = 20
_EACH_NEIGHBOUR = 3


def _meant_among_neighbours(text: str, hit: Hit, lexicon: Lexicon) -> bool:
    """Is the correction what official text writes between the words on either side (提升|赣部|政治 →
    干部), and the span as written nowhere in it? Then a province's name in it is a slip, not a place."""
    table = official_counts.counts()
    if table is None or table.word(text[hit.start : hit.end]) or hit.fix is None:
        return False
    before = lexicon.words(text[max(0, hit.start - 6) : hit.start])
    after = lexicon.words(text[hit.end : hit.end + 6])
    if not before or not after or len(before[-1]) < 2 or len(after[0]) < 2:
        return False
    left, right = table.pair(before[-1], hit.fix), table.pair(hit.fix, after[0])
    return min(left, right) >= _EACH_NEIGHBOUR and left + right >= _AMONG_NEIGHBOURS


def _changes_place_name(written: str, fix: str) -> bool:
    places = place_abbreviations()
    return len(written) == len(fix) and any(a != b and a in places for a, b in zip(written, fix, strict=True))


# An idiom this many times as common as what is written stands for it, even inside a quotation.
_IDIOM_RATIO = 10


_KNOWN_TERM = 3


def _idiom_misspelt(written: str, fix: str, lexicon: Lexicon) -> bool:
    """Is the correction a whole idiom of the dictionary, ten times as common as what is written
    (jieba's dictionary keeps some misspellings: 如雷灌耳 4, 如雷贯耳 87)?"""
    return len(fix) == 4 and fix in lexicon.idioms and lexicon.frequency(written) * _IDIOM_RATIO <= lexicon.frequency(fix)


def guess_is_implausible(text: str, hit: Hit, lexicon: Lexicon) -> bool:
    """Should the guessed slip ``hit`` in the paragraph ``text`` be dropped (see the module)?"""
    written = text[hit.start : hit.end]
    if hit.fix is None or len(hit.fix) != len(written):
        return False
    if (
        _changes_place_name(written, hit.fix)
        and not (len(hit.fix) >= _SET_PHRASE and lexicon.freq.get(hit.fix, 0) >= _COMMON_SET_PHRASE)
        and not _meant_among_neighbours(text, hit, lexicon)
    ):
        return True  # (but 基楚设施 is 基础设施 misspelt: a set phrase of four the dictionary knows well)
    if names_something(text, hit, lexicon) or _localizer_of_zai(text, hit.start, written) or _after_mask(text, hit.start):
        return True
    if _words_of_a_phrase(text, hit, lexicon) or _opens_listed_item(text, hit.start, hit.end):
        return True
    if _item_then_conjunction(text, hit.start, hit.end):
        return True
    if _degree_and_adjective_closing(text, hit) or _whole_unit_after(text, hit.start, hit.end):
        return True
    if _in_first_then_pattern(text, hit.start, hit.end):
        return True
    if _function_word_in_its_place(text, hit) or (len(written) == 2 and written[0] in _PRODUCTIVE_PREFIXES):
        return True  # (涉电施工, 涉农资金: 涉 makes a word of any field it is said of)
    if _broken_by_space(text, hit.start, hit.end, lexicon) or _place_slogan(text, hit.start, hit.end, lexicon):
        return True
    if _in_parallel_slogan(text, hit.start, hit.end) and not _idiom_misspelt(written, hit.fix, lexicon):
        return True  # “优资兴业、聚人兴城、强产兴市”: items of one mould, coined character by character
        # — but not an idiom misspelt among them (“如影随行、如雷灌耳”: 如雷贯耳)
    # A list item that, corrected, is one of our 政务 terms of three characters or more (出重拳、下蒙药:
    # 下猛药) is that term misspelt, not a coinage of the list.
    list_item = _whole_list_item(text, hit.start, hit.end) and not (len(hit.fix) >= _KNOWN_TERM and hit.fix in lexicon.known)
    if list_item and _among_coinages(text, hit.start, hit.end, lexicon):
        return True  # 稳粮、优棉、增菜、促经、强畜: a list of coined terms, however 促经 sounds
    if (
        _continues_name(text, hit.start) and not lexicon.frequency(written) and len(written) <= _LONGEST_NAME_TAIL
    ) or (list_item and not _among_everyday_words(text, hit.start, hit.end, lexicon)):
        return not _sounds_exactly_like(written, hit.fix, lexicon, _VERY_COMMON_WORD)
    quotation = _short_quotation_around(text, hit.start, hit.end)
    if quotation is None or _idiom_misspelt(written, hit.fix, lexicon):
        return False
    # A slogan the dictionary knows, misspelt inside its marks (“第一易题” for 第一议题), is a slip;
    # so is an item of a quoted list that sounds exactly like a common word (“守底线、查隐换、保安全”).
    left, right = quotation
    if (
        _item_of_quoted_list(text[left:right])
        and not lexicon.frequency(written)
        and _sounds_exactly_like(written, hit.fix, lexicon, _COMMON_IN_SLOGAN)
    ):
        return False
    corrected = text[left : hit.start] + hit.fix + text[hit.end : right]
    if right - left >= _QUOTED_PROSE and not lexicon.frequency(written) and _written_beside_in(corrected, hit.fix, lexicon):
        return False  # “福建省精济实力十强县”: a title of ordinary words, 经济|实力 among them
    return lexicon.frequency(corrected) < _COMMON_NOUN and not _written_in_official_text(corrected, lexicon)


# A quotation this long is a title or phrase of words (“福建省经济实力十强县”), not a coined name.
_QUOTED_PROSE = 7
# Official text writes the correction beside its neighbour in the quotation this often.
_WRITTEN_BESIDE = 20


def _written_beside_in(phrase: str, fix: str, lexicon: Lexicon) -> bool:
    """Is ``fix``, one of the words of ``phrase`` as jieba cuts it, written beside the word before
    or after it (each of two characters or more) at least _WRITTEN_BESIDE times in official text?"""
    table = official_counts.counts()
    words = lexicon.words(phrase)
    if table is None or fix not in words:
        return False
    at = words.index(fix)
    before = words[at - 1] if at else ""
    after = words[at + 1] if at + 1 < len(words) else ""
    return table.company(fix, before, after, shortest=2) >= _WRITTEN_BESIDE


# Two words official text writes side by side this often make a phrase it uses (两个 覆盖, 三支 队伍).
_WRITTEN_PHRASE = 3


def _written_in_official_text(phrase: str, lexicon: Lexicon) -> bool:
    """Is ``phrase`` — a quoted slogan with the guess put in — one official text writes: a word it
    counts, or words each written beside the next (“两个覆丐” → 两个|覆盖, “末位淘钛” → 末位|淘汰)?
    Then the quoted span misspells it; a coined slogan (“理响重庆” → 理想|重庆) is written nowhere."""
    table = official_counts.counts()
    if table is None or not _HAN.search(phrase):
        return False
    if table.word(phrase) >= _WRITTEN_PHRASE:
        return True
    words = lexicon.words(phrase)
    return len(words) >= 2 and all(
        len(a) >= 2 and len(b) >= 2 and table.pair(a, b) >= _WRITTEN_PHRASE for a, b in itertools.pairwise(words)
    )


def _after_mask(text: str, start: int) -> bool:
    """Does the span follow a mask (XX镇, **村)? What follows one is the end of the name withheld."""
    return start > 0 and text[start - 1] in MASK_CHARACTERS


_LOCALIZERS = "上中下里内外"


def _localizer_of_zai(text: str, start: int, written: str) -> bool:
    """在全面履职上|展作为: a localizer that closes 在…上 within the clause, not a word's first
    character (上展 → 上涨)."""
    # 在 right before it has no object for 上 to close.
    return written[0] in _LOCALIZERS and zai_opens_before(text, start, right_before=False)


# A word this common, read across a space, is one word a PDF's line or column broke (实 施).
_BROKEN_WORD = 100


def _broken_by_space(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Does a space cut the span's edge character from the one it makes a word with (2024年是
    …，是实 施“十四五”: 实施)?"""
    after = end + 1 < len(text) and text[end] in " \u3000" and lexicon.frequency(text[end - 1] + text[end + 1]) >= _BROKEN_WORD
    before = start >= 2 and text[start - 1] in " \u3000" and lexicon.frequency(text[start - 2] + text[start]) >= _BROKEN_WORD
    return after or before


# Characters that end a place's slogan (工业强州、乡村振兴富州、生态靓州、开放活州).
_PLACE_ENDINGS = "州县市区镇乡村省城"
# How far around the span the other slogans of its series are looked for.
_SLOGAN_REACH = 30


def _place_slogan(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Is the two-character span one of a series of coined slogans that end in the same place
    character (强州、富州、靓州、活州: no word among them)? A slip is made once, a series on purpose."""
    if end - start != 2 or text[end - 1] not in _PLACE_ENDINGS:
        return False
    ending = text[end - 1]
    others = {
        text[at : at + 2]
        for at in range(max(0, start - _SLOGAN_REACH), min(len(text) - 1, end + _SLOGAN_REACH))
        if at != start and text[at + 1] == ending and _HAN.match(text[at]) and not lexicon.frequency(text[at : at + 2])
    }
    return len(others) >= 2


# Items of a list that are no words at all: two of them beside the span make the list one of
# coined terms (稳粮、优棉、增菜、促经、强畜、兴果).
_COINED_NEIGHBOURS = 2


def _among_coinages(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Are at least two other items of the list around ``text[start:end]`` as long as it and no
    dictionary words (增菜, 强畜)?"""
    size = end - start
    items = re.split("[、，；。：]", text)
    ends = list(itertools.accumulate(len(item) + 1 for item in items))
    index = next((k for k, item_end in enumerate(ends) if start < item_end), None)
    if index is None:
        return False
    around = items[max(0, index - 3) : index] + items[index + 1 : index + 4]
    coined = [i for i in around if len(i) == size and _HAN_RUN_ONLY.fullmatch(i) and not lexicon.frequency(i)]
    return len(coined) >= _COINED_NEIGHBOURS


_HAN_RUN_ONLY = re.compile(r"[\u4e00-\u9fff]+")


_QUOTATION = re.compile(r"“([^“”]{1,60})”")
# A slogan of at least this many items, each this long, one character in the same place of each.
_SLOGAN_ITEMS = 3
_SLOGAN_ITEM = 3


def _in_parallel_slogan(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` lie in an item of a quoted slogan whose items (、 or ， between
    them) are of one length and share a character in the same place (优资兴业、聚人兴城、强产兴市:
    兴)? Such a slogan is coined to a mould; its words are the writer's, not slips."""
    for match in _QUOTATION.finditer(text):
        if not (match.start(1) <= start and end <= match.end(1)):
            continue
        items = re.split("[、，]", match.group(1))
        sizes = {len(item) for item in items}
        if len(items) < _SLOGAN_ITEMS or len(sizes) != 1 or min(sizes) < _SLOGAN_ITEM:
            return False
        return any(len({item[at] for item in items}) == 1 for at in range(min(sizes)))
    return False


def _sounds_exactly_like(written: str, fix: str, lexicon: Lexicon, floor: int) -> bool:
    """Is ``fix`` a word seen ``floor`` times at least that ``written`` sounds exactly like, one
    character changed (赣部 → 干部)? That outweighs the name a quotation before it or a list around
    it suggests."""
    changed = [(a, b) for a, b in zip(written, fix, strict=True) if a != b]
    common = lexicon.frequency(fix) >= floor or data.report_word_counts()(fix) >= _REPORT_STAPLE
    return len(changed) == 1 and common and lexicon.sounds_alike(*changed[0], tone=True)


# A word published reports write this often is a staple of theirs, however middling jieba's count
# (成效: 1,139 in jieba, 247 in the reports): “禁塑”诚效 is a slip of it.
_REPORT_STAPLE = 100


def _item_of_quoted_list(quoted: str) -> bool:
    return "、" in quoted or "，" in quoted


# A word this common, of the very same sound as a word-less span in a quoted list, is what the
# list's item meant (隐患 502).
_COMMON_IN_SLOGAN = 300


def _continues_name(text: str, start: int) -> bool:
    """Does the span start right after a closing quotation or title mark? It goes on with the
    name quoted (“专精特新”专板, “蒙”字标), a term built on it — unless the span is a word of the
    dictionary (“产业村长”幅射: a rare spelling of 辐射, no coinage)."""
    return start > 0 and text[start - 1] in "”’》」"


# A span this long right after a quotation is no term built on the name (“城市之眼”呼之预出).
_LONGEST_NAME_TAIL = 3


# A list item this long is a set phrase of a list (集中学习、主题党日等), not a short name.
_LONGEST_NAME_ITEM = 3


# Results a verb of one character takes (耕好, 抓实, 建强): the two make a phrase of their own.
_RESULTS = frozenset("好实强优牢")
# The longest item of a short list a word may stand before (为|稳投资、扩内需、促发展).
_SHORT_ITEM = 4


# What joins the last item of a list to those before it (A、B及C).
_LAST_ITEM_JOINERS = frozenset("及和与")


def _ends_like_an_item_before(text: str, at: int) -> bool:
    """Does an item listed before a 顿号 earlier in the clause end with the character at ``at``
    (不稳定户、边缘易返贫户: both end in 户)? The character ends an item of the list too."""
    opening = max(text.rfind(mark, 0, at) for mark in "，。；：！？") + 1
    items = text[opening : at + 1].split("、")
    return any(item.endswith(text[at]) for item in items[:-1])


def _words_of_a_phrase(text: str, hit: Hit, lexicon: Lexicon) -> bool:
    """Is the two-character span two words that meet: an item and the 等 closing its list (天然气、
    钾等), or a verb and its result (耕好“责任田”)?"""
    written, fix = text[hit.start : hit.end], hit.fix or ""
    if len(written) != 2 or len(fix) != 2:
        return False
    if written[1] == "等" and hit.start and text[hit.start - 1] == "、":
        return True
    if written[1] in _LAST_ITEM_JOINERS and _ends_like_an_item_before(text, hit.start):
        return True  # 脱贫不稳定户、边缘易返贫户|及: the last item and the word joining it
    return written[1] in _RESULTS and written[0] in lexicon.verbs and written[0] != fix[0] and written[1] == fix[1]


# Degree words that make a predicate of the one character after them (让农业更兴。).
_DEGREE_CHARACTERS = frozenset("更最很较太越挺")
# Units a 全 before names whole (五年间|全|旗, 全县).
_WHOLE_UNITS = frozenset("省市县区镇乡村旗盟州国")


# Adjectives of one character a degree word grades as a clause's predicate (自然环境极差), and a degree
# word that grades only those here (极 also begins words: 极至 is 极致 misspelt).
_GRADED_ADJECTIVES = frozenset("差好高低大小强弱多少快慢优劣深浅广窄")
_DEGREE_OF_ADJECTIVES = frozenset("极")


def _degree_and_adjective_closing(text: str, hit: Hit) -> bool:
    """Is the two-character span a degree word and the character it grades, closing its clause
    (让农业更兴。), the guess changing the graded one? A predicate of two words, not a slip of 更新 —
    but a guess that changes the degree word says it is none (增收太势 → 态势), unless what is graded
    is an adjective (自然环境极差: no 级差)."""
    start, end = hit.start, hit.end
    if end - start != 2 or hit.fix is None or (end < len(text) and _HAN.match(text[end])):
        return False
    keeps_degree = text[start] in _DEGREE_CHARACTERS and hit.fix[:1] == text[start]
    # (极差，: an adjective graded, however the guess reads the degree word: no 级差; but 极至 is 极致)
    adjective_graded = text[start] in _DEGREE_CHARACTERS | _DEGREE_OF_ADJECTIVES and text[start + 1] in _GRADED_ADJECTIVES
    return keeps_degree or adjective_graded


# Prefixes that make a word with any one-character field (涉农, 涉企, 涉电, 涉水): a guess there
# corrects a word no dictionary lists.
_PRODUCTIVE_PREFIXES = frozenset("涉")
# 将 or 把 before what is disposed of, the verb of disposal later in the clause (将河作为县级示范河湖).
_DISPOSAL = re.compile(r"[^，。；：！？]{0,16}?(?:作为|列为|纳入|打造成|建成|建设成|确定为|评为|改为|变为|当作)")
# A ranking after 已/均/稳 + 居 or 列 (粮食商品量已居全国首位, 稳居全省前列).
_RANKED = re.compile(r"[已均稳位仍]([居列])(?=全国|全省|全市|全区|全县|全州|前列|首位|第|同类|榜首)")


def _function_word_in_its_place(text: str, hit: Hit) -> bool:
    """Does the guess change a function word standing where it does its work: 暨 joining meetings'
    names (部党组会暨理论学习中心组学习会: no slip types so rare a character), 将 or 把 before what
    a verb of disposal acts on, 居 or 列 ranking after 已 or 稳?"""
    written = text[hit.start : hit.end]
    assert hit.fix is not None
    changed = [(at, a) for at, (a, b) in enumerate(zip(written, hit.fix, strict=True)) if a != b]
    for at, character in changed:
        place = hit.start + at
        if character == "暨":
            return True
        if character in "将把" and _DISPOSAL.match(text, place + 2):
            return True
        if character == "之" and _classical_noun_after_zhi(text, place):
            return True
    ranked = _RANKED.match(text, max(0, hit.start - 1)) or _RANKED.match(text, hit.start)
    return ranked is not None and hit.start <= ranked.start(1) < hit.end


_PHRASE_CLOSERS = frozenset("，、；。：！？”）")


def _classical_noun_after_zhi(text: str, at: int) -> bool:
    """Is 之 at ``at`` the classical 的 before a noun of one character that closes the phrase (聚创新之能、
    乘合作之势, 突破之能, 立身之本): words before it, a mark right after the noun?"""
    noun, after = text[at + 1 : at + 2], text[at + 2 : at + 3]
    return at > 0 and bool(_HAN.match(text[at - 1])) and bool(_HAN.match(noun)) and (not after or after in _PHRASE_CLOSERS)


def _in_first_then_pattern(text: str, start: int, end: int) -> bool:
    """Is the span inside 先X后Y, two steps in their order (先通后畅, 先易后难, 先建后补): each a
    character chosen for its step, no word to be read across?"""
    return any(
        text[at] == "先" and text[at + 2] == "后" and all(_HAN.match(c) for c in text[at : at + 4])
        for at in range(max(0, end - 4), min(start, len(text) - 4) + 1)
    )


def _whole_unit_after(text: str, start: int, end: int) -> bool:
    """Does the span end in 全 before a unit it names whole (五年间全旗: 间|全旗, no 健全)?"""
    return end - start == 2 and text[end - 1] == "全" and text[end : end + 1] in _WHOLE_UNITS


def _opens_listed_item(text: str, start: int, end: int) -> bool:
    """Does the span's last character begin the first of short items of one length (为|稳投资、扩内需、
    促发展): a word before a list, then the list, not a slip across them?"""
    at = end - 1
    mark = next((k for k in range(at + 2, min(len(text), at + _SHORT_ITEM + 1)) if text[k] == "、"), None)
    if end - start < 2 or mark is None:
        return False
    size = mark - at
    second = text[mark + 1 : mark + 1 + size]
    closing = text[mark + 1 + size : mark + 2 + size]
    if not (len(second) == size and all(_HAN.match(ch) for ch in second) and closing in ("、", "，", "。", "；", "等", "")):
        return False
    # A third item is no shorter (构|置摄像机、数码相机、录音笔: the items are 摄像机 and 录音笔, of
    # three; 数码相机 only happens to match the span's last character and the first). The last
    # item may run on into the rest of the sentence (促发展|提供保障).
    third = re.match(r"[\u4e00-\u9fff]+", text[mark + 2 + size :]) if closing == "、" else None
    return third is None or len(third.group()) >= size


def _whole_list_item(text: str, start: int, end: int) -> bool:
    """Is the span a whole item of a list, nothing else between its marks (泰达、城投、轨道;
    深蓝、启源和赛力斯), and short? Such items are names of firms, brands and places."""
    if end - start > _LONGEST_NAME_ITEM:
        return False
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return (before == "、" and after != "" and after in _ITEM_END) or (
        after == "、" and before != "" and before in _ITEM_START
    )


_ITEM_STOP = "、，；：。（）“”《》等和与及"


def _among_everyday_words(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Are the items of its list right before and after the item ``text[start:end]`` everyday
    words (管理、保章、服务; the first item has only one after it: 挡案馆、图书馆)? Then the list is
    of ordinary words, and a slip in it is a slip."""
    words = []
    if start and text[start - 1] == "、":
        before_start = start - 1
        while before_start > 0 and text[before_start - 1] not in _ITEM_STOP:
            before_start -= 1
        if before_start < start - 1:
            words.append(lexicon.words(text[before_start : start - 1])[-1])
    if text[end : end + 1] == "、":
        after_end = end + 1
        while after_end < len(text) and text[after_end] not in _ITEM_STOP:
            after_end += 1
        if after_end > end + 1:
            words.append(lexicon.words(text[end + 1 : after_end])[0])
    # The word of each item next to the span (突出|管理、保章、服务|三项职能).
    # A loose character is no everyday word of an item (中粮|润|远 is a name's tail); a rare compound
    # jieba keeps whole holds one at the edge (渗透、颠复、破坏|活动: 破坏活动, seen 3 times).
    return bool(words) and all(len(word) >= 2 and _everyday_at_its_edge(word, lexicon) for word in words)


def _everyday_at_its_edge(word: str, lexicon: Lexicon) -> bool:
    if lexicon.frequency(word) >= EVERYDAY_WORD:
        return True
    return len(word) >= 4 and (lexicon.frequency(word[:2]) >= EVERYDAY_WORD or lexicon.frequency(word[-2:]) >= EVERYDAY_WORD)


def _item_then_conjunction(text: str, start: int, end: int) -> bool:
    """Is the span a one-character item of a list (after 、) and the conjunction that joins the
    last item (乡镇、村、社|及|农机合作社), read together as one word (涉及)?"""
    return end - start == 2 and start > 0 and text[start - 1] == "、" and text[start + 1] in "及和与或"


def plausible_slips(text: str, hits: list[Hit], lexicon: Lexicon | None) -> list[Hit]:
    """``hits`` without the guesses a report would not have meant."""
    if lexicon is None:
        return hits
    # A word out of its context's pairs (context_words) is a guess too: never inside a name.
    return [
        h
        for h in hits
        if not (h.source == GUESSED_SOURCE and guess_is_implausible(text, h, lexicon))
        and not (h.source == CONTEXT_SOURCE and names_something(text, h, lexicon))
    ]


def plausible_doubling(text: str, hits: list[Hit], lexicon: Lexicon | None) -> list[Hit]:
    """Doubled characters without those in a short quotation (“届届见金”) and those where a word
    ends and a prefixed noun begins with the same character (安全|全|链条)."""
    kept = []
    for hit in hits:
        if hit.end - hit.start == 1 and in_short_quotation(text, hit.start, hit.end):
            continue
        if lexicon is not None and (
            _prefix_meets_word(text, hit.start, lexicon)
            or _unit_meets_word(text, hit.start, lexicon)
            or _body_then_its_head(text, hit.start, hit.end, lexicon)
            or _doubled_given_name(text, hit.start)
            or _passive_then_passive_noun(text, hit.start)
        ):
            continue
        kept.append(hit)
    return kept


# Verbs that 被 makes the party acted on (被审计单位, 被执行人, 被巡察党组织, 被帮扶对象): after the
# passive 被 such a noun begins with 被 again (均被被审计单位采纳).
_ACTED_ON = re.compile("被(?:审计|执行|巡察|巡视|检查|调查|帮扶|考核|评估|申请|征收|告|害|保险|监护|抽查|督查|监督)")


def _passive_then_passive_noun(text: str, at: int) -> bool:
    """Is ``text[at]`` of 被被 where the second begins the party acted on (均被被审计单位采纳)?"""
    first = at - 1 if at and text[at - 1] == text[at] else at
    return text[first : first + 2] == "被被" and _ACTED_ON.match(text, first + 1) is not None


# The last character of a unit's or a place's name (沙沟镇, 司法所, 三里街, 村居, 领导小组, 天井湖,
# 在市|市场监管局) or of a standing meeting (常务会|会前学法): doubled, the second begins a word of
# its own (镇长, 所长, 街道, 居家, 组长, 湖心, 市场, 会前).
_UNIT_ENDINGS = frozenset("省市县区镇乡村街居所局委办处科室队站院校厂园会组湖")
# A ministry or a department of a province meets only its head or its verb (交通运输部|部长,
# 民政厅|厅长, 城建司|司长, 宣传部|部署); 各部|部门 is a slip.
_DEPARTMENT_WORDS = frozenset({"部长", "部署", "厅长", "司长"})
# The word the second character begins must be this common.
_COMMON_WORD_AFTER_UNIT = 50


def _unit_meets_word(text: str, at: int, lexicon: Lexicon) -> bool:
    """Is ``text[at]`` one of two equal characters where the first ends a unit's name and the
    second begins a common word (沙沟镇|镇长, 三里街|街道, 在市|市场监管局)?"""
    first = at - 1 if at and text[at - 1] == text[at] else at
    if first + 1 >= len(text) or text[first + 1] != text[first]:
        return False
    if text[first + 1 : first + 3] in _DEPARTMENT_WORDS:
        return True
    return text[first] in _UNIT_ENDINGS and lexicon.frequency(text[first + 1 : first + 3]) >= _COMMON_WORD_AFTER_UNIT


def _body_then_its_head(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Is the doubled word ``text[start:end]`` a body's name, then the title of its head made of
    the name and 长 (消防支队|支队长, 交警大队|大队长)?"""
    word = text[start:end]
    second = end if text[end : end + len(word)] == word else start if text[start - len(word) : start] == word else -1
    if len(word) < 2 or second < 0:
        return False
    return text[second + len(word) : second + len(word) + 1] == "长" and lexicon.frequency(word + "长") >= _COMMON_WORD_AFTER_UNIT


def _doubled_given_name(text: str, at: int) -> bool:
    """Is ``text[at]`` of a doubled given name after a title and a surname (所长黄芳芳)?"""
    return given_name(text, at - 1 if at and text[at - 1] == text[at] else at)


def _prefix_meets_word(text: str, at: int, lexicon: Lexicon) -> bool:
    """Is ``text[at]`` one of two equal characters where the first ends a common word and the
    second prefixes a common noun (安全|全链条)?"""
    first = at - 1 if at and text[at - 1] == text[at] else at
    if first + 1 >= len(text) or text[first + 1] != text[first]:
        return False
    if text[first] not in _NOUN_PREFIXES:
        return False
    ends_word = first >= 1 and lexicon.frequency(text[first - 1 : first + 1]) >= _COMMON_NOUN
    noun = text[first + 2 : first + 4]
    return ends_word and len(noun) == 2 and lexicon.frequency(noun) >= _COMMON_NOUN


def repeated_spans(
    texts: Iterable[str], spans: Iterable[str], lexicon: Lexicon | None = None, fixes: Mapping[str, str] | None = None
) -> set[str]:
    """Of ``spans``, those the report (all its ``texts``) writes at least twice: a coined term
    used throughout, not a slip made once. With the ``lexicon``, a place where the span's
    characters lie across a common word's edge is no use of it (关建 in 机关建设); and a span that
    sounds exactly like one of the commonest words it would be put right to (``fixes``: 则任 →
    责任, 工做 → 工作) is that word slipped twice, as an input method that learnt the slip offers it
    again, not a term."""
    wanted = set(spans)
    if lexicon is not None and fixes:
        wanted = {span for span in wanted if not (span in fixes and len(span) == len(fixes[span]) and _sounds_exactly_like(span, fixes[span], lexicon, _VERY_COMMON_WORD))}
    if not wanted:
        return set()
    counts: Counter[str] = Counter()
    for text in texts:
        for span in wanted:
            at = text.find(span)
            while at != -1:
                if lexicon is None or not _across_word_edge(text, at, at + len(span), lexicon):
                    counts[span] += 1
                at = text.find(span, at + 1)
    return {span for span in wanted if counts[span] >= 2}


def _across_word_edge(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Does a common word of two to four characters begin before ``start`` and end inside the
    span, or begin inside it and end after ``end``?"""
    for size in range(2, 5):
        for edge in (start, end):
            for first in range(max(0, edge - size + 1), edge):
                if first + size > len(text) or (first >= start and first + size <= end):
                    continue
                if lexicon.frequency(text[first : first + size]) >= _COMMON_NOUN:
                    return True
    return False
