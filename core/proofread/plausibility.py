"""Is a guessed slip plausible in a report? Filters on what the sound-and-shape rules guess.

The rules of :mod:`core.proofread.slips` find spans that are no dictionary word but sound or
look like one. Reports coin words on purpose, and such coinages are where those guesses go
wrong on text the rules never saw (the 2026 provincial reports: 沪持牌 → 护持, 教育强市 → 强势,
“理响重庆” → 理想). A guess is dropped when:

* the character it would change is a province's one-character name (沪 渝 皖 疆 …,
  resources/proofread/place_abbreviations.txt): 入沪, 渝快办, 稳疆固藏 are places;
* the span names a route or work after its places (集大原高铁, 中武段, 罗泾港区), or is the name
  of a firm, a street, a village or a project right before the word that says what it names
  (双帆蓄电池, 尚品国际, 晨阳大街, 大李各庄, 郦水花园, 驻海部队, 诚鑫能源, 由良柑橘, 靓彩节,
  大律社区, 石柱峰景区, 方氏眼镜), or
  the tail of a town's name (贤|庠镇), or a township's name before its unit (木场乡2023年度,
  黄泥乡党委), or an item of a list of names closed by what they are (超聚变、郑州合晶等企业;
  威宁、德江机场), or an end of a route (久治至马尔康……高速公路): local reports name many;
* the span is two words meeting: an item and the 等 closing its list (天然气、钾等), a verb and its
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
from collections.abc import Iterable
from functools import cache

from core.proofread import context_words, data
from core.proofread.hits import Hit
from core.proofread.lexicon import Lexicon
from core.proofread.slips import GUESSED_SOURCE, SURNAMES

_HAN = re.compile(r"[\u4e00-\u9fff]")
# A quotation or title at most this long is a name or slogan (“两园一河”, “渝快办”); a longer one
# is quoted prose and is proofread like any other.
MAX_NAME = 12
_QUOTED = re.compile("|".join(f"{a}[^{a}{b}]{{1,{MAX_NAME}}}{b}" for a, b in ("“”", "‘’", "《》", "「」")))
# Routes and works are named after the places they join (中吉乌铁路, 集大原高铁, 西成铁路, 罗泾港区):
# a span this close before such a word is a list of place names, not a slip.
_NAMED_WORK = re.compile(
    r"[\u4e00-\u9fff]{0,2}?(?:铁路|高铁|城际|高速|公路|国道|段|港区|机场|大桥|隧道|运河|灌区)"
)
# What follows a name of a firm, a street, a village, an estate or a troop (双帆蓄电池, 龙田医药,
# 尚品国际, 晨阳大街, 通兴西路, 大李各庄, 市头村, 郦水花园, 鑫城壹号, 嘉园一期, 驻海部队) or a
# place with its county in brackets (涧河（新安段）): a span right before it is a name.
# Also a firm's trade (诚鑫能源, 大塚食品, 佳晟制衣, 兰天科技, 荣合电子), a variety (由良柑橘), a
# festival (靓彩节) or a plot of a plan (前金团块): on 129,000 characters of local reports the
# first of these dropped 5 false alarms, each a name; on 77,000 more the rest dropped 4.
_NAME_HEAD = re.compile(
    r"(?:国际|集团|公司|股份|实业|医药|电器|电力|蓄电池|酒店|康养|大街|大道|[东西南北中]路|路|街|村|各庄|庄"
    r"|花园|家园|小区|广场|[一二三四五]期|壹号|部队|军警|女校|中学|小学|医院|论坛|智库|客厅|（"
    r"|能源|食品|制衣|服饰|纺织|机械|药业|置业|商贸|传媒|物流|柑橘|蜜橘|脐橙"
    r"|科技|电子|节能|新材料|化工|生物|精密|智能|片区|地块|团块"
    r"|社区|街道|景区|合作社|农场|林场|牧场|眼镜|家具|建材|陶瓷|乳业|茶业|酒业|节"  # 节 after 节能: the first match is taken
    r"|大剧院|剧院|大礼堂|礼堂|体育馆|体育场|纪念馆|博物馆|美术馆|文化馆|大厦|宾馆"  # venues (尹桂芳大剧院)
    r"|寺|阁|故城|古城|古镇|遗址"  # sites (奉国寺, 茗清阁, 路县故城: 2025 provincial and county reports)
    r"|抽水蓄能|水电站|电站|电厂|水库|枢纽"  # works (云阳建全抽水蓄能电站, 双槐电厂)
    r"|字〔|发〔|函〔|办〔|字\[|发\[)"  # a document number: 淄政字〔2024〕13号
)
# The tail of a town's or an estate's name, where the character before is loose (贤|庠镇, 九|星城):
# a guess that keeps that last character names the place after another word (乡镇, 新城).
_TOWN_ENDINGS = frozenset("镇乡城")
# A firm's name: the span, then at most eight characters of what it does, then 公司 or 集团
# (杰能动力科技有限公司, 一汇贸易有限公司).
_FIRM = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:有限责任公司|有限公司|股份公司|公司|集团)")
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
    table = context_words.counts()
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
    if _NAMED_WORK.match(text, hit.end) or _before_name_head(text, hit.end, lexicon):
        return True
    if _tail_of_place_name(text, hit, lexicon) or _abbreviated_organ(text, hit, lexicon) or _township_name(text, hit):
        return True
    if _place_before_its_unit(text, hit, lexicon) or _rare_named_landform(written, hit.fix, lexicon):
        return True
    if _localizer_of_zai(text, hit.start, written):
        return True
    if _DOCUMENT_NUMBER.match(text, hit.end) or _unit_of_our(text, hit.start):
        return True
    if _BYLINE.fullmatch(text, hit.start - 1) or _numbered_variety(text, hit.end) or _units_listed(text, hit.start, hit.end):
        return True
    if _FIRM.match(text, hit.end) or _given_name(text, hit.start) or _full_name(text, hit.start, hit.end):
        return True
    if _in_list_of_names(text, hit.start, hit.end, lexicon) or _end_of_route(text, hit.start, hit.end):
        return True
    if _words_of_a_phrase(text, hit, lexicon) or _opens_listed_item(text, hit.start, hit.end):
        return True
    if hit.start and text[hit.start - 1] in _NAME_JOINERS:
        return True  # 钱塘门户•星城客厅, 4·7: names joined by a middle dot
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
    return lexicon.frequency(corrected) < _COMMON_NOUN and not _written_in_official_text(corrected, lexicon)


# Two words official text writes side by side this often make a phrase it uses (两个 覆盖, 三支 队伍).
_WRITTEN_PHRASE = 3


def _written_in_official_text(phrase: str, lexicon: Lexicon) -> bool:
    """Is ``phrase`` — a quoted slogan with the guess put in — one official text writes: a word it
    counts, or words each written beside the next (“两个覆丐” → 两个|覆盖, “末位淘钛” → 末位|淘汰)?
    Then the quoted span misspells it; a coined slogan (“理响重庆” → 理想|重庆) is written nowhere."""
    table = context_words.counts()
    if table is None or not _HAN.search(phrase):
        return False
    if table.word(phrase) >= _WRITTEN_PHRASE:
        return True
    words = lexicon.words(phrase)
    return len(words) >= 2 and all(
        len(a) >= 2 and len(b) >= 2 and table.pair(a, b) >= _WRITTEN_PHRASE for a, b in itertools.pairwise(words)
    )


# What follows an issuing office's code in a document number (三政字〔2024〕96号, 县政办发[2023]5号):
# the code is a name, whatever its characters sound like.
_DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{0,3}[〔\[［（(][0-9]{4}[〕\]］）)]")


# A name in brackets closing a paragraph: the writer's or the photographer's credit (（曾静）).
_BYLINE = re.compile(r"[（(](?:记者|通讯员|文|图)?[\u4e00-\u9fff]{2,4}[）)]\s*")
# A number right after a name, with no unit after it, or 号: a variety's or a model's number
# (南粳5055当家, 武运粳23号), not a count.
_NUMBER_AFTER_NAME = re.compile(r"[0-9]{2,}")
_COUNT_UNITS = frozenset("万亿千百余多个件项家户人名元吨亩米年月日天周时次批所座条场期轮种类处栋套辆台部篇张本份宗起例支头只株棵块间段公千%％.．")


def _numbered_variety(text: str, end: int) -> bool:
    found = _NUMBER_AFTER_NAME.match(text, end)
    if found is None:
        return False
    after = text[found.end() : found.end() + 1]
    return after == "号" or after not in _COUNT_UNITS


def _units_listed(text: str, start: int, end: int) -> bool:
    """Does the span end or begin with a place's unit listed with another by a 顿号 (医共体县、乡差异
    化发展: 县、乡)? The unit is an item of its own, not debris of a slip."""
    return (
        (text[end : end + 1] == "、" and text[end - 1] in _PLACE_UNITS and text[end + 1 : end + 2] in _PLACE_UNITS)
        or (start > 0 and text[start - 1] == "、" and text[start] in _PLACE_UNITS and text[start - 2 : start - 1] in _PLACE_UNITS)
    )


def _unit_of_our(text: str, start: int) -> bool:
    """Does the span begin with the unit of 我县, 本市 (在我县呈加速扩散态势): that character
    is the place the writer speaks for, not debris of a slip."""
    return start > 0 and text[start] in _PLACE_UNITS and text[start - 1] in "我本"


def _before_name_head(text: str, at: int, lexicon: Lexicon) -> bool:
    """Does a word that follows a name (大街, 蓄电池, 村) begin at ``at``? A one-character one only
    when it begins no word with the next character (强化|街道, 发展|村集体 are no names)."""
    head = _NAME_HEAD.match(text, at)
    if head is None:
        return False
    if head.group() == "（":
        # A name's bracket (…（集团）), not a figure in brackets (同比持评（100）).
        return not text[at + 1 : at + 2].isdigit()
    if len(head.group()) > 1:
        return True
    return not lexicon.begins_word(text[at : at + 2])


def _tail_of_place_name(text: str, hit: Hit, lexicon: Lexicon) -> bool:
    """Is the guess two characters ending in 镇, 乡 or 城, kept by the correction, right after a
    character that makes no word with what follows (贤|庠镇 → 乡镇, 九|星城 → 新城)?"""
    written = text[hit.start : hit.end]
    return (
        len(written) == 2
        and written[-1] in _TOWN_ENDINGS
        and hit.fix is not None
        and hit.fix[-1] == written[-1]
        and hit.start > 0
        and _HAN.match(text[hit.start - 1]) is not None
        and not lexicon.begins_word(text[hit.start - 1 : hit.start + 1])
    )


# The last character of an organ's abbreviated name (文广旅局, 资规局, 发改委, 住建厅).
_ORGAN_ENDINGS = frozenset("局委办厅")
# Characters before a guess cut to see the word it follows; a word this common right before it is
# no piece of an abbreviation (文广 42 in 县文广|旅局 is; 城乡 2,316 is not).
_ORGAN_REACH = 4
_WHOLE_WORD_BEFORE_ORGAN = 1000


# After a township's unit (木场乡2023年, 石门镇人民政府, 黄泥乡党委): the two characters before it
# are the township's name, whatever common word they sound like (牧场).
_AFTER_TOWNSHIP = re.compile(r"[乡镇](?:[0-9０-９，。、；：）)]|人民政府|人民代表大会|人大|党委|政府|纪委|$)")


def _township_name(text: str, hit: Hit) -> bool:
    return hit.end - hit.start == 2 and _AFTER_TOWNSHIP.match(text, hit.end) is not None


def _abbreviated_organ(text: str, hit: Hit, lexicon: Lexicon) -> bool:
    """Is the guess two characters ending in an organ's last character, which the correction
    changes, right after another Han character (县文广|旅局 → 旅居, 县资|规局 → 规矩)? Then it ends
    the abbreviated name of an organ, made of one character of each word of its full name — not
    right after a verb, whose object it is (参加|旁厅|庭审 is 旁听), nor after a common word whole
    (缩小城乡|差局 is 差距: an abbreviation's characters stand loose, 县|资|规局)."""
    written = text[hit.start : hit.end]
    before = text[max(0, hit.start - 2) : hit.start]
    words_before = lexicon.words(text[max(0, hit.start - _ORGAN_REACH) : hit.start])
    return (
        len(written) == 2
        and written[-1] in _ORGAN_ENDINGS
        and hit.fix is not None
        and hit.fix[-1] != written[-1]
        and hit.start > 0
        and _HAN.match(text[hit.start - 1]) is not None
        and not (len(before) == 2 and before in lexicon.verbs and before not in lexicon.nouns)
        and not (words_before and len(words_before[-1]) >= 2 and lexicon.frequency(words_before[-1]) >= _WHOLE_WORD_BEFORE_ORGAN)
    )


_PLACE_UNITS = frozenset("省市县区州旗盟镇乡")
# The provinces (国务院公布的省级行政区), by the name written before 省.
_PROVINCES = frozenset(
    {"河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南"}
    | {"湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾"}
)


def _place_before_its_unit(text: str, hit: Hit, lexicon: Lexicon) -> bool:
    """靖州县 → 荆州: a guess that makes the name of another place, right before the unit that
    names a place (县, 市, 镇): one place's name, not another's mistyped. Not before 省, whose
    names are few and known: 安微省 is no province (安徽省)."""
    if hit.fix is None:
        return False
    written = text[hit.start : hit.end]
    if hit.fix.endswith("省") and written.endswith("省"):
        return written[:-1] in _PROVINCES
    if hit.fix not in lexicon.names:
        return False
    unit = text[hit.end : hit.end + 1]
    if unit == "省":
        return written in _PROVINCES
    return unit in _PLACE_UNITS


# A river, lake or hill named with a character jieba has hardly seen (澴河, 浉河, 氿湖): pinyin
# input lists common characters first, so no slip of sound puts it there.
_LANDFORMS = frozenset("河江湖溪山岭")
_RARE_CHARACTER = 50


def _rare_named_landform(written: str, fix: str | None, lexicon: Lexicon) -> bool:
    return (
        fix is not None
        and len(written) == 2
        and written[1] in _LANDFORMS
        and written[0] != fix[0]
        and lexicon.frequency(written[0]) < _RARE_CHARACTER
    )


_LOCALIZERS = "上中下里内外"
_ZAI_REACH = 12


def _localizer_of_zai(text: str, start: int, written: str) -> bool:
    """在全面履职上|展作为: a localizer that closes 在…上 within the clause, not a word's first
    character (上展 → 上涨)."""
    if written[0] not in _LOCALIZERS:
        return False
    clause = re.split(r"[，。；：！？、]", text[max(0, start - _ZAI_REACH) : start])[-1]
    return "在" in clause[:-1]  # 在 right before it has no object for 上 to close


# Surnames that are also common words alone (高, 林, 马, 金): a name only after a title or a
# space, where slips.SURNAMES may stand anywhere.
_MORE_SURNAMES = frozenset("卢蒋余于叶程苏丁任田石白严金万方付戴高林马牛毛江武史常康乔贺赖龙阮葛覃莫洪庞章柳翟殷申焦左向易骆肖")


_NAME_JOINERS = "•·・"
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


def _full_name(text: str, start: int, end: int) -> bool:
    """Does the span start with a surname right after a space (审计局局长 郑创平) or a title
    (镇长王业宽), or with a common surname right before a leader's title (龚正省长), or open a
    clause right before one (宝雨书记、杨灏区长带头讲授: a given name)? A signature line or a
    title names a person."""
    if text.startswith(_LEADERS, end) and (text[start] in SURNAMES or start == 0 or text[start - 1] in _CLAUSE_OPENERS):
        return True
    if start > 0 and text[start - 1] in " \u3000\t" and text[:start].rstrip(" \u3000\t").endswith(_TITLES):
        return True  # a signature line (市长 巩建波): the name follows the title and a space, whatever the surname
    if text[start] not in SURNAMES and text[start] not in _MORE_SURNAMES:
        return False
    return (start > 0 and text[start - 1] in " \u3000\t") or text.endswith(_TITLES, 0, start)


# What a clause opens after (a name before a title there is no word of a phrase: 宝雨书记).
_CLAUSE_OPENERS = "，、；：。！？（“ \u3000\t"
# Titles and other words for a person that a name follows (所长黄芳芳, 同志王丽丽, 运动员何珊珊).
_LEADERS = (
    *("书记", "主任", "所长", "县长", "区长", "市长", "镇长", "乡长", "局长", "处长", "科长", "部长", "厅长"),
    *("省长", "州长", "旗长", "盟长", "主委", "董事长", "总经理"),
)
_TITLES = (
    *_LEADERS,
    *("同志", "委员", "代表", "院长", "校长", "站长", "队长", "组长", "村长", "主席", "经理"),
    *("运动员", "教练员", "教练", "选手", "教师", "老师", "医生", "记者", "学生", "同学", "党员"),
    *("村民", "居民", "冠军", "志愿者"),
)


def _given_name(text: str, start: int) -> bool:
    """Does ``text[start]`` follow a surname that follows a title or a word for a person, or
    stands apart (县长 卢继成, 运动员何珊珊)?"""
    if start < 1 or (text[start - 1] not in SURNAMES and text[start - 1] not in _MORE_SURNAMES):
        return False
    return start < 2 or not _HAN.match(text[start - 2]) or text.endswith(_TITLES, 0, start - 1)


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


# A list closed by 等 and what its items are (超聚变、郑州合晶、华为安驰等企业; 威宁、德江机场): the items
# are the names of those things, whatever their characters sound like.
_NAMES_KIND = re.compile(
    r"等?(?:企业|公司|集团|品牌|项目|园区|景区|机场|港口|码头|高速公路|铁路|高铁|电站|水库|医院|学校|高校|院校|龙头企业|市场主体)"
)
# The longest list item of a name, and the longest such list read back from 等.
_LONGEST_LISTED_NAME = 8
_LONGEST_LIST = 60


def _in_list_of_names(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Does the span stand in an item of a list of names, closed by 等 (or by the last item's kind,
    威宁、德江机场) and a word saying what they are?"""
    kind = _NAMES_KIND.match(text, end)
    if kind is not None and kind.group()[0] != "等" and start > 0 and text[start - 1] == "、":
        # the last item, its kind right after it (威宁、德江机场) — not after an everyday word (教育、科枝项目)
        before = re.search(r"[\u4e00-\u9fff]+$", text[: start - 1])
        return before is not None and lexicon.frequency(before.group()) < _EVERYDAY_ITEM
    at = end
    while at < len(text) and at - end <= _LONGEST_LIST and text[at] not in "等，；：。！？（）“”《》":
        at += 1
    if not (at < len(text) and text[at] == "等" and _NAMES_KIND.match(text, at)):
        return False
    item_start = start
    while item_start > 0 and text[item_start - 1] not in "、，；：。（“和及与等":
        item_start -= 1
    if end - item_start > _LONGEST_LISTED_NAME:
        return False
    # the span is one of several items: a 、 before its own item or between it and 等
    if not ((item_start > 0 and text[item_start - 1] == "、") or "、" in text[end:at]):
        return False
    # ... and none of the others is an everyday word (制追业、服务业等企业: a list of trades)
    list_start = item_start
    while list_start > 0 and text[list_start - 1] not in "，；：。（“" and item_start - list_start <= _LONGEST_LIST:
        list_start -= 1
    items = re.split("[、和及与]", text[list_start:at])
    own = text[item_start:end]
    return not any(item != own and lexicon.frequency(item) >= _EVERYDAY_ITEM for item in items)


# A route written from one place to another (久治至马尔康、郎木寺至汶川等高速公路): both ends are places.
_ROUTE_KINDS = re.compile(r"(?:高速公路|高速|铁路|高铁|城际|公路|国道|省道|航线|班列|段)")
_ROUTE_END = 6


# Results a verb of one character takes (耕好, 抓实, 建强): the two make a phrase of their own.
_RESULTS = frozenset("好实强优牢")
# The longest item of a short list a word may stand before (为|稳投资、扩内需、促发展).
_SHORT_ITEM = 4


def _words_of_a_phrase(text: str, hit: Hit, lexicon: Lexicon) -> bool:
    """Is the two-character span two words that meet: an item and the 等 closing its list (天然气、
    钾等), or a verb and its result (耕好“责任田”)?"""
    written, fix = text[hit.start : hit.end], hit.fix or ""
    if len(written) != 2 or len(fix) != 2:
        return False
    if written[1] == "等" and hit.start and text[hit.start - 1] == "、":
        return True
    return written[1] in _RESULTS and written[0] in lexicon.verbs and written[0] != fix[0] and written[1] == fix[1]


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
    return len(second) == size and _HAN.fullmatch(second[0]) is not None and all(_HAN.match(ch) for ch in second) and closing in ("、", "，", "。", "；", "等", "")


def _end_of_route(text: str, start: int, end: int) -> bool:
    """Is the span one end of a route, X至Y, the route's kind following within the sentence?"""
    if text.startswith("至", end):
        other_end = end + 1
    elif start and text[start - 1] == "至":
        other_end = end
    else:
        return False
    rest = text[other_end : other_end + _LONGEST_LIST]
    stop = re.search(r"[，；。：]", rest)
    return _ROUTE_KINDS.search(rest[: stop.start() if stop else len(rest)]) is not None


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


# Items of a list this common are ordinary words (管理、保章、服务; 渗透、颠复、分裂: 渗透 is seen 834
# times), so the list is no list of names.
_EVERYDAY_ITEM = 500
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
    # A loose character is no everyday word of an item (中粮|润|远 is a name's tail).
    return bool(words) and all(len(word) >= 2 and lexicon.frequency(word) >= _EVERYDAY_ITEM for word in words)


def plausible_slips(text: str, hits: list[Hit], lexicon: Lexicon | None) -> list[Hit]:
    """``hits`` without the guesses a report would not have meant."""
    if lexicon is None:
        return hits
    return [h for h in hits if h.source != GUESSED_SOURCE or not guess_is_implausible(text, h, lexicon)]


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
            or _doubled_given_name(text, hit.start)
        ):
            continue
        kept.append(hit)
    return kept


# The last character of a unit's or a place's name (沙沟镇, 司法所, 三里街, 村居, 在市|市场监管局)
# or of a standing meeting (常务会|会前学法): doubled, the second begins a word of its own (镇长,
# 所长, 街道, 居家, 市场, 会前).
_UNIT_ENDINGS = frozenset("省市县区镇乡村街居所局委办处科室队站院校厂园会")
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


def _doubled_given_name(text: str, at: int) -> bool:
    """Is ``text[at]`` of a doubled given name after a title and a surname (所长黄芳芳)?"""
    return _given_name(text, at - 1 if at and text[at - 1] == text[at] else at)


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


def repeated_spans(texts: Iterable[str], spans: Iterable[str], lexicon: Lexicon | None = None) -> set[str]:
    """Of ``spans``, those the report (all its ``texts``) writes at least twice: a coined term
    used throughout, not a slip made once. With the ``lexicon``, a place where the span's
    characters lie across a common word's edge is no use of it (关建 in 机关建设)."""
    wanted = set(spans)
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
