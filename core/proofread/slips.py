"""错别字: misspellings from the curated list, and slips found by sound and shape.

A clerk's slip is mostly the wrong character of a pinyin candidate list or a look-alike:
峻工 for 竣工, 惯彻 for 贯彻, 按步就班 for 按部就班. Such a span is no word (or a word jieba saw
only a handful of times, because its corpus had the same slips), while a word that sounds the
same — or looks alike — is common. The rules, from safest to boldest:

1. the curated list (data.misspellings): found anywhere, no dictionary needed;
2. a span of jieba's pieces that is no word, where changing one character to one that sounds
   the same (same main reading, same tone in a two-character span) *and* looks alike (the
   shape table: same phonetic part) gives a common word — 峻工, 记检, 侯选人;
3. in four characters or more (an idiom or a set phrase), one character that only sounds the
   same, or only looks alike, is enough — 一愁莫展, 末雨绸缪;
4. a two-character span that is a dictionary word seen a few times only, when the word that
   sounds the same is a thousand times commoner — 布署;
5. two loose characters that published reports never write side by side (report_bigrams.txt:
   多|办 in 多办实事 is written), one of them seldom a word alone, where the other in any tone,
   or a look-alike, makes a very common word (in jieba's counts or in the reports') — 该|造 → 改造;
6. two such loose characters where the corrected word is one reports write next to the word
   before or after it (report_collocations.txt), or official text at large does at least five
   times (rule 12's counts) — 就|叶|创业 → 就业 创业, 遂|项|梳理 → 逐项 梳理;
7. two loose characters, one a bound morpheme seldom a word alone, where one character that
   sounds alike in any tone, or looks alike, makes a dictionary word — 磋|伤 → 磋商;
8. (withdrawn) two loose characters between words where one character of the same syllable in
   another tone makes a word reports write. On 52 local 政府工作报告 it flagged 15 names and
   coinages (驻海, 尚品, 已批) and found no planted slip the other rules miss;
9. two loose characters between words where one character of exactly the same syllable and
   tone, the input method's other candidate, makes a word jieba saw often and the text far more
   probable — 鼓励|西|引|青年 → 吸引, 突出|则|任 → 责任;
10. a real word that reports never write, where a word of the same sound is what reports write
   beside its neighbour and is commoner — 核心技术|公关 → 攻关, 关心|关隘 → 关爱;
11. two loose characters no earlier rule settles, where the signs of rules 5–9 weighed together
   by a model learned from planted slips against published text pass its threshold
   (:mod:`core.proofread.pair_model`) — 干部|考|和|制度 → 考核, 岗位|职|则 → 职责;
12. a real word its neighbours rule out, where a word one character away (same syllable in any
   tone, or a look-alike) is what official text writes beside them, counted over laws,
   regulations and reports (:mod:`core.proofread.context_words`) — 各项|失业 → 事业,
   全市|前例 → 前列;
13. a character standing alone before a verb that only looks like the adverb meant there: 己 or
   巳 for 已 (目前|己|完成), 末 for 未 (全市|末|发生) — not in 悦己, 一己, nor 末 after a time (汛末).
14. a dictionary word official text never writes, where one character changed for another of the
   same syllable and tone makes a word it writes often (:mod:`core.proofread.unwritten_words`) — 打造|功业|强县 → 工业, 党课|溶入|日常 → 融入;
   and one it seldom writes where that word is written far more and makes the runs around it
   ones it writes — 凸出|政治 → 突出, 对|乘员|单位 → 成员.
15. 第 and 元 typed as another character of their sound where only an ordinal or an amount can
   stand (:mod:`core.proofread.counting_slips`) — 大会|地|五次会议 → 第, 400.07亿|援 → 元.
16. one of the commonest words one character of the same sound and tone off, wherever jieba cut
   the text (:mod:`core.proofread.common_word_windows`) — 人|大功|作|联络处 → 工作.
17. a character the runs of three and four characters around it rule out, where one of the same
   syllable or drawn alike makes runs official text writes often (:mod:`core.proofread.phrase_windows`)
   — 纳入民生实施 → 民生实事, 城镇常驻人口 → 常住人口.

A correction is always a word a report would write: one published reports use (report_words.txt,
counted over the 国务院 and the 2026 provincial reports), one of our 政务 words, or a set
phrase of four characters or more. A coinage of a report that happens to sound like a word of
another field (开园 → 开元, 产消 → 产销, 提级 → 提及) is left alone: on the provincial reports
this halved the false alarms of the sound rules, at the price of slips in words reports seldom
write (辩别 → 辨别: the curated list names the classic ones).

Which words may correct a span, and why, is :mod:`core.proofread.slip_corrections`'s; this
module finds the spans and weighs their context. Candidates for a span come from the sound index (the commonest word of each sound), the
blurred-sound and idiom indexes, the shape tables, and, in two or three loose characters, the
input method's other characters of each syllable (集具 → 集聚, though 机具 is the commonest
jiju). Of the corrections the rules accept, the one reports write beside a neighbouring word is
named first, then one of the very same sound and phonetic series (记律 → 纪律, not 记录).

A span counts only when it is built of jieba's pieces and at least one piece is a lone
character or a rare word (a word cut through by a slip leaves such debris), but not when it
is just a common word and a character that is a word on its own (不得|以, 的|意志), nor when a
changed character sits in a very common word or makes a word with its loose neighbour
(形成|合理, 自|住|性: meant as written), nor when laws or reports write the span as it stands
(rule 12's counts: 预可|研, 盒马|鲜生), and when the corrected text is more probable under jieba's
word frequencies by a clear margin.
"""

from __future__ import annotations

import re
from functools import cache

from core.proofread import data
from core.proofread.common_word_windows import common_word_slips, word_cut_by_its_complement
from core.proofread.context_words import words_out_of_context
from core.proofread.counting_slips import counting_slips
from core.proofread.hits import HAN_RUN, MAX_RUN, Hit, drop_overlaps, zai_opens_before
from core.proofread.idiom_windows import idiom_slips
from core.proofread.lexicon import Lexicon
from core.proofread.loose_pairs import (
    GRAMMAR,
    LEVELS,
    MEASURES,
    NUMERALS,
    REPORT_SEEN,
    beside_bound_character,
    collocated,
    starts_longer_word,
)
from core.proofread.official_counts import counts
from core.proofread.pair_model import BEFORE_GRAMMAR_MARGIN, scored_correction
from core.proofread.phrase_windows import phrase_slips
from core.proofread.slip_corrections import (
    COMMON_WORD,
    FREE_CHARACTER,
    OFFICIAL_SEEN,
    bound_debris_of_word,
    candidate_words,
    common_for_rare,
    correction_reason,
    report_like,
    sound_and_series_word,
    three_loose_homophone,
)
from core.proofread.term_windows import term_slips
from core.proofread.unwritten_words import seldom_written_words, unwritten_words

_JOINING = frozenset("和与及等")
# Localizers that close a phrase of place or time after a word (会议|上, 活动|中, 三年|内): a word's
# end, like the word's own, for what follows.
_LOCALIZERS = frozenset("上中下里内外")


def _closes_a_word(pieces: list[str], at: int) -> bool:
    """Does the loose character at ``at`` end the word before it: a localizer (会上), or the
    office an abbreviated name closes (妇儿工委|办 请|视)?"""
    return at >= 1 and (pieces[at] in _LOCALIZERS or pieces[at] in OFFICE_ENDINGS) and len(pieces[at - 1]) > 1


# The last character of an office's abbreviated name (工委办, 文广旅局, 发改委, 住建厅): named_spans
# reads it too.
OFFICE_ENDINGS = frozenset("办局委厅")
# Characters that end a noun after a word (江津区, 视频会, 保健站, 零售户, 工作组): levels of government,
# offices, bodies and places. Jieba's dictionary has dozens of words of three or more characters
# ending in each.
_NOUN_ENDINGS = LEVELS | OFFICE_ENDINGS | frozenset("会站户所处队组室院厂场科股部")
# Joiners and 于, 同 that open the phrase after a noun (零售户|及|消费者, 保健站|同|妇产科).
_PHRASE_OPENERS = frozenset("及暨与和同并或于")
# The structural particles: a piece that joins the words on either side, never a word of its own.
_STRUCTURAL = frozenset("的地得")
_STREET_ENDINGS = frozenset("路街巷道")
# "Nearly", "about", "over" before a figure (近5000亩, 约3万人, 逾百家): a count begins.
_ABOUT_A_FIGURE = frozenset("近约逾超")
# Particles that follow a whole word (推向了崩|馈|的地步, 杜|决|了违法), the localizers of time that
# close a verb's phrase (获|息|后, 到|达|时) and 各 that opens the next one (赶|付|各乡镇): a slip's
# debris may stand before them as before a word.
_AFTER_A_WORD = frozenset({"的", "了", "后", "时", "前", "各"})
# 现 "now" before a preposition or an adverb's verb of one character (现待批复, 现由县委负责, 现拟):
# an adverb, not the debris of 现代 or 现有.
_NOW_BEFORE = frozenset("待由拟需正将已仍尚予就在为按经")
# Verbs that take a count (分两次, 共三批, 计5项): a numeral and a measure word after one.
_TAKES_A_COUNT = frozenset("分共计")


def _count_at(text: str, at: int) -> bool:
    """Does a count begin at ``at``: a figure, or a Chinese numeral then a measure word (两次)?"""
    return text[at : at + 1].isdigit() or (text[at : at + 1] in NUMERALS and text[at + 1 : at + 2] in MEASURES)
# Suffixes that end the word before them (外向度, 覆盖率, 规范化, 创新型).
_WORD_SUFFIXES = frozenset("度率性化型")
# A level of government (LEVELS) before the unit or thing it runs (县苗圃, 市医院) follows a word of
# one character this common alone (有, 在, 是).
_FREE_WORD = 10000
# Common surnames that are seldom words of their own: two loose characters after one are likely
# a given name (王|东|伟), which may hold any rare character.
SURNAMES = frozenset(
    "王李张刘陈杨赵黄周吴徐孙胡朱郭何罗梁宋郑谢韩唐冯董萧曹袁邓许傅沈曾彭吕蔡贾魏薛阎潘杜夏钟汪姜范姚谭廖邹熊陆郝孔崔邱秦顾侯邵孟段雷钱汤尹黎龚"
)
MAX_PIECES = 4
# The source the sound-and-shape rules give their guesses (the curated list names its own).
GUESSED_SOURCE = "依据读音和字形推断，常用词见《现代汉语词典》"


@cache
def _misspelling_pattern() -> tuple[re.Pattern[str] | None, dict[str, data.Misspelling]]:
    entries = {entry.wrong: entry for entry in data.misspellings()}
    if not entries:
        return None, entries
    alternatives = sorted(entries, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in alternatives)), entries


def listed_misspellings(text: str) -> list[Hit]:
    """Rule 1: wrong forms from the curated list (and the office's)."""
    pattern, entries = _misspelling_pattern()
    if pattern is None:
        return []
    hits = []
    for match in pattern.finditer(text):
        if data.inside_known_word(text, match.start(), match.end()):
            continue
        entry = entries[match.group()]
        hits.append(
            Hit(
                match.start(),
                match.end(),
                entry.right,
                f"“{entry.wrong}”是错别字，应为“{entry.right}”。",
                f"改为“{entry.right}”。",
                entry.source,
            )
        )
    return hits


# A word jieba saw this often is written on purpose, even inside a longer span that sounds
# like one of our set phrases (形成|合理 → 形成合力).
VERY_COMMON_WORD = 1000


def _bonds(lexicon: Lexicon, span: str, at: int, firmly: bool = False) -> bool:
    """Does the character at ``at`` make a common word, or the start of one, with a neighbour
    inside ``span`` (自|住|性: 自住 starts 自住房)? ``firmly``: a common word only (形成|合理)."""
    for pair in (span[at - 1 : at + 1] if at else "", span[at : at + 2] if at + 1 < len(span) else ""):
        if pair and lexicon.frequency(pair) >= COMMON_WORD:
            return True
        if pair and not firmly and lexicon.begins_word(pair):
            return True
    return False


def _meant(lexicon: Lexicon, pieces: list[str], word: str) -> bool:
    """Was the span of ``pieces`` meant as written, though ``word`` sounds or looks like it? In
    three characters or more, when a changed character lies in a very common word (形成|合理) or,
    among loose characters, makes a word or the start of one with its neighbour (自|住|性: 自住房)
    — unless ``word`` is a phrase of four characters or more in jieba's dictionary (an idiom,
    whose characters belong together: 一股|作|气 → 一鼓作气, 标|新|力|异 → 标新立异) or an
    idiom of our list one character of like sound or shape away (殊|为|不宜 → 殊为不易),
    not only one of our 政务 phrases (形成合力), or the bond is only a rare word or the start of one
    and ``word`` is one reports write (真|对|性 → 针对性: 真对 starts 真对不起, seen 3 times)."""
    span = "".join(pieces)
    if len(span) < 3 or (len(word) >= 4 and word in lexicon.freq):
        return False
    changed = [i for i, (a, b) in enumerate(zip(span, word, strict=True)) if a != b]
    if len(word) >= 4 and word in lexicon.idioms and all(lexicon.sounds_or_looks_alike(span[i], word[i]) for i in changed):
        return False  # 勇|立|朝|头 → 勇立潮头, 殊|为|不宜 → 殊为不易: an idiom a slip of sound or shape away
    holder: list[str] = []
    for piece in pieces:
        holder += [piece] * len(piece)
    if any(len(holder[i]) >= 2 and lexicon.frequency(holder[i]) >= VERY_COMMON_WORD for i in changed):
        return True
    if not all(len(p) == 1 for p in pieces):
        return False
    firmly = data.report_word_counts()(word) >= REPORT_SEEN
    return any(_bonds(lexicon, span, i, firmly) for i in changed)


def _cuts_known_word(lexicon: Lexicon, run: str, start: int, end: int, word: str) -> bool:
    """Does the correction ``word`` of the span change a character of one of our 政务 words
    that reaches outside the span (用好|抗疫: 好抗), which jieba's cut does not know? One that
    only shares the characters kept is no matter (美力|乡村建设 → 美丽乡村)."""
    changed = [start + i for i, (a, b) in enumerate(zip(run[start:end], word, strict=True)) if a != b]
    for size in range(2, 7):
        for at in range(max(0, start - size + 1), min(end, len(run) - size + 1)):
            inside = start <= at and at + size <= end
            if not inside and any(at <= i < at + size for i in changed) and run[at : at + size] in lexicon.known:
                return True
    return False


def _parallel(text: str, at: int, boundaries: frozenset[int]) -> bool:
    """Does the two-character span at ``at`` share a character, in the same place, with the two
    characters before or after it, one further (集众智汇众力), or with an item across a 、 or ，
    (民事民议, 细化实化, 述学、评学, 拉长长板、锻造新板)? Coined parallel phrases do; a slip does not.
    ``boundaries``: where jieba's pieces of the span's run begin and end."""
    for step in (2, 3, 4, 5):
        for position in (at, at + 1):
            for other in (position - step, position + step):
                if not 0 <= other < len(text) or text[other] != text[position]:
                    continue
                between = text[min(position, other) + 1 : max(position, other)]
                if step == 2 and not HAN_RUN.fullmatch(between):
                    continue  # 问题，题供: the words meet across a mark, no pattern of two
                if step == 3 and HAN_RUN.fullmatch(between) and not _units_of_three(at, other - position, boundaries):
                    continue  # 统计局|统愁|部署: no two units of three side by side, no pattern
                if HAN_RUN.fullmatch(between):
                    if step <= 3:
                        return True
                elif "、" in between or ("，" in between and _same_place_in_item(text, position, other)):
                    return True  # across a comma, clauses: only items of one shape (民事民议，民事民办)
                elif _QUOTED_PAIR_GAP.fullmatch(between) and _same_place_in_item(text, position, other):
                    return True  # 从“有名”向“有实”: two quoted terms set against each other
    return False


# Between a character of one quoted term and the same of the next: the rest of the first, its
# closing mark, a word or two (向, 到, 变) and the next one's opening mark.
_QUOTED_PAIR_GAP = re.compile("[\u4e00-\u9fff]*[”’][\u4e00-\u9fff]{0,2}[“‘][\u4e00-\u9fff]*")


def _same_place_in_item(text: str, one: int, other: int) -> bool:
    """Do characters ``one`` and ``other`` stand as far from the start, or the end, of their runs
    of Han characters (民事民议，民事民办)? Parallel clauses do; 设在县统计局，统愁部署 do not."""
    first, second = (_item_at(text, at) for at in (one, other))
    return one - first[0] == other - second[0] or first[1] - one == second[1] - other


def _item_at(text: str, at: int) -> tuple[int, int]:
    start, end = at, at + 1
    while start > 0 and HAN_RUN.fullmatch(text[start - 1]):
        start -= 1
    while end < len(text) and HAN_RUN.fullmatch(text[end]):
        end += 1
    return start, end


def _units_of_three(at: int, shift: int, boundaries: frozenset[int]) -> bool:
    """Is the span at ``at`` part of three characters that jieba's pieces bound, beside three
    more ``shift`` away that they bound too (集|众智 汇|众力)?"""
    return any(
        {unit, unit + 3, unit + shift, unit + shift + 3} <= boundaries for unit in (at - 1, at)
    )


# A correction official text writes beside a neighbour this often fits its place (宜传|工作 → 宣传,
# not 遗传, which sounds exactly alike but never stands before 工作).
SEEN_BESIDE = 3


def _seen_beside(pieces: list[str], i: int, j: int, word: str) -> bool:
    table = counts()
    before = pieces[i - 1] if i else ""
    after = pieces[j] if j < len(pieces) else ""
    return table is not None and table.beside(word, before, after) >= SEEN_BESIDE


def _likelihood(lexicon: Lexicon, pieces: list[str], i: int, j: int, word: str) -> tuple[bool, bool, int, int]:
    """How likely ``word`` is what pieces ``i:j`` meant, of the corrections the rules accept:
    one that reports write beside the word before or after comes first (专相|整治 → 专项, not
    the commoner 专线), then one official text writes beside them (宜传|工作 → 宣传, not 遗传);
    then one whose changed characters sound exactly alike and are of one phonetic series (遗误
    → 贻误, not the commoner 遗物), or sound exactly alike; then the commoner."""
    changed = [(a, b) for a, b in zip("".join(pieces[i:j]), word, strict=True) if a != b]
    same_sound = all(lexicon.sounds_alike(a, b, tone=True) for a, b in changed)
    shapes = lexicon.shapes
    same_series = all(b in shapes.similar.get(a, ()) or b in shapes.series.of(a) for a, b in changed)
    return (
        _collocated_parallel(pieces, i, j, word),
        _seen_beside(pieces, i, j, word),
        same_sound + (same_sound and same_series),
        lexicon.frequency(word),
    )


# How far around a two-character span words of its series are looked for (前端……中端……后端).
SERIES_REACH = 25


def _series(text: str, at: int, fix: str, lexicon: Lexicon) -> bool:
    """Is the two-character span at ``at`` one of a series the sentence writes: two other words
    that keep one of its characters in its place and change the other (前端研发、中端生产、后端
    销售: 中端 is no slip of 终端)? One such word is not enough (全部 beside 赣部). A coined
    word that ends an item of a list counts too, however rare (联点、联建、联帮)."""
    span = text[at : at + 2]
    place = _place_in_segment(text, at)
    for kept in (0, 1):
        others = set()
        for other_at in range(max(0, at - SERIES_REACH), min(len(text) - 1, at + 2 + SERIES_REACH)):
            if abs(other_at - at) < 2:
                continue
            other = text[other_at : other_at + 2]
            if (
                other[kept] == span[kept]
                and other[1 - kept] != span[1 - kept]
                and other != fix
                and (
                    (lexicon.frequency(other) >= COMMON_WORD and _place_in_segment(text, other_at) == place)
                    or text[other_at + 2 : other_at + 3] == "、"
                )
            ):
                others.add(other)
        if len(others) >= 2:
            return True
    return False


_SEGMENT_MARKS = "，、；：。！？（）“”《》\n"


def _place_in_segment(text: str, at: int) -> int:
    """How far ``text[at]`` stands from the mark before it: common words of a series stand alike
    in their items (前端研发、中端生产), not anywhere (秉持严瑾…，严守…，每月严格 is no series)."""
    start = at
    while start > 0 and text[start - 1] not in _SEGMENT_MARKS:
        start -= 1
    return at - start


def _our_word_for_nothing(lexicon: Lexicon, span: str, word: str) -> bool:
    """Is ``word`` one of our 政务 words (延链, 企稳) and ``span`` written nowhere, neither in jieba's
    counts nor in official text (廷链, 启稳)? Then a pattern around it is the one the word belongs
    to (强链、延链、补链; 企稳向好、稳中有进), not a coinage of the text's own."""
    table = counts()
    return (
        word in lexicon.known
        and not lexicon.frequency(span)
        and table is not None
        and not table.word(span)
        and not table.pair(span[0], span[1])
    )


def _collocated_parallel(pieces: list[str], i: int, j: int, word: str) -> bool:
    """Does ``word``, put for pieces ``i:j``, make a pair reports write with the word before
    or after it (失职|读|职 → 失职 渎职)? Then a parallel pattern is what the reports write
    with the correction, not a coinage of the text's own."""
    pairs = data.report_collocations()
    return (i > 0 and f"{pieces[i - 1]} {word}" in pairs) or (j < len(pieces) and f"{word} {pieces[j]}" in pairs)


def _ending_then_opener(pieces: list[str], i: int, j: int) -> bool:
    """Are pieces ``i:j`` two loose characters, the first ending the noun whose word stands before
    it and the second a joiner opening the phrase whose word follows (视频|会|暨|责任书)?"""
    return (
        j - i == 2
        and i > 0
        and j < len(pieces)
        and len(pieces[i - 1]) >= 2
        and len(pieces[j]) >= 2
        and pieces[i] in _NOUN_ENDINGS
        and pieces[i + 1] in _PHRASE_OPENERS
    )


def _is_debris(lexicon: Lexicon, piece: str) -> bool:
    return len(piece) == 1 or lexicon.frequency(piece) < COMMON_WORD


def _among_bound(lexicon: Lexicon, pieces: list[str], i: int, j: int) -> bool:
    """Does a loose character that is seldom a word alone stand right before or after pieces
    ``i:j`` (红格|南|钒|钛, 同|央|企)? Then the span is part of a run of abbreviations, a name
    (钒钛, 央企), not the debris of one slip; a free word beside it (有|韧|形) is no such run."""
    return any(
        0 <= k < len(pieces)
        and len(pieces[k]) == 1
        and pieces[k] not in GRAMMAR
        and lexicon.frequency(pieces[k]) < FREE_CHARACTER
        for k in (i - 1, j)
    )


def _two_words(lexicon: Lexicon, part: list[str]) -> bool:
    """A common word and a character that is a word of its own (负责|任, 不得|以, 的|意志,
    对|集体经济): the span reads as two words, whatever one word sounds like it."""
    if len(part) != 2:
        return False
    lone = [p for p in part if len(p) == 1]
    whole = [p for p in part if len(p) >= 2]
    return (
        len(lone) == 1
        and len(whole) == 1
        and lexicon.frequency(lone[0]) >= FREE_CHARACTER
        and lexicon.frequency(whole[0]) >= COMMON_WORD
    )


# A word of three characters official text writes this often stands for a common word and a lone
# character beside it that official text never writes together (规范|话 → 规范化: 524 times).
WHOLE_OVER_TWO = 300


def _may_be_one_word(part: list[str]) -> bool:
    """The cheap half of :func:`_common_word_over_two`, before any candidate is looked up: a
    word of two and a lone character that is no function word, which official text never
    writes side by side."""
    table = counts()
    lone = part[0] if len(part[0]) == 1 else part[1]
    return (
        table is not None
        and len(part[0]) + len(part[1]) == 3
        and lone not in GRAMMAR
        and table.pair(part[0], part[1]) == 0
    )


def _common_word_over_two(lexicon: Lexicon, part: list[str], word: str) -> bool:
    """Is ``word`` (three characters) the two words ``part`` with the lone one mistyped (网格|话 →
    网格化, 毕业|声 → 毕业生), where official text writes the word often and the two never side by
    side? A lone character that is a word of its own otherwise stands as written."""
    table = counts()
    span = "".join(part)
    if table is None or len(word) != 3 or len(span) != 3:
        return False
    lone_at = 0 if len(part[0]) == 1 else 2
    if any(a != b for k, (a, b) in enumerate(zip(span, word, strict=True)) if k != lone_at):
        return False
    written, meant = span[lone_at], word[lone_at]
    # The same syllable in the same tone, or a look-alike: in another tone a word of its own stands
    # (报告|数 is no 报告书, 责任|之 no 责任制); so does a function word (又|利于).
    # Of one phonetic series and the same syllable in any tone counts too (产业|连 → 产业链).
    alike = (
        lexicon.sounds_alike(written, meant, tone=True)
        or meant in lexicon.shapes.look_alike.get(written, ())
        or (meant in lexicon.shapes.series.of(written) and lexicon.sounds_alike(written, meant, tone=False))
    )
    return (
        written != meant
        and written not in GRAMMAR
        and alike
        and (table.word(word) >= WHOLE_OVER_TWO or word in lexicon.known)  # 获得感: our 政务 word, cut in the counts
        and table.pair(part[0], part[1]) == 0
    )


# After a number, these make it approximate and a measure word follows (140余期, 20多项).
_ABOUT = "余多"


def _number_or_mask(ch: str) -> bool:
    """A figure, or a letter masking one in a template (XX余期)."""
    return ch.isascii() and ch.isalnum()


# Two words of two characters or more seen this often are words, not a slip's debris.
_WHOLE_WORD_SEEN = 100


def _written_side_by_side(first: str, second: str) -> bool:
    """Does official text write the two words side by side (SEEN_BESIDE times or more)?"""
    counted = counts()
    return counted is not None and counted.pair(first, second) >= SEEN_BESIDE


def sound_and_shape_slips(text: str, lexicon: Lexicon) -> list[Hit]:
    """Rules 2–4 over every run of Han characters in ``text``."""
    found: list[tuple[float, Hit]] = []
    for run in HAN_RUN.finditer(text):
        if len(run.group()) > MAX_RUN:
            continue
        pieces = lexicon.words(run.group())
        offsets = [0]
        for piece in pieces:
            offsets.append(offsets[-1] + len(piece))
        boundaries = frozenset(run.start() + offset for offset in offsets)
        for i in range(len(pieces)):
            for j in range(i + 1, min(len(pieces), i + MAX_PIECES + 1) + 1):
                span = "".join(pieces[i:j])
                if len(span) < 2:
                    continue
                if len(span) > 7 or (j - i > MAX_PIECES and len(span) > j - i):
                    break  # five pieces only as five loose characters: an idiom's debris (任|重|而|到|远)
                if len(span) == 2 and span[0] == span[1]:
                    continue  # 节节攀高, 层层压实: a character doubled on purpose, no slip of 姐姐
                part = pieces[i:j]
                if lexicon.frequency(span) >= COMMON_WORD:
                    continue
                if len(span) < 4 and not any(_is_debris(lexicon, p) for p in part):
                    continue
                if len(span) == 2 and span in data.report_pairs():
                    continue  # 多|办 (多办实事): reports write these two side by side
                if _written_in_official_text(span, part):
                    continue  # 预可|研, 一房两站, 盒马鲜生: laws or reports write it as it stands
                if len(part) == 2 and len(span) == 2 and starts_longer_word(lexicon, span):
                    continue  # 无|房 (无房户), 可|降 (可降解): two characters that go together
                if (
                    len(part) == 2
                    and j < len(pieces)
                    and all(len(piece) >= 2 and lexicon.frequency(piece) >= _WHOLE_WORD_SEEN for piece in part)
                    and (pieces[j] in lexicon.nouns or _written_side_by_side(part[-1], pieces[j]))
                ):
                    continue  # 发扬|广大|团员青年: the second word qualifies what follows, not 发扬光大
                two_words = _two_words(lexicon, part)
                if (span[0] in MEASURES or span[0] in _ABOUT) and (
                    (i > 0 and pieces[i - 1][-1] in NUMERALS) or (i == 0 and run.start() and _number_or_mask(text[run.start() - 1]))
                ):
                    continue  # 15|个|新|项目, 十|个|新|优势, 140|余|期, XX|余|期: a count, not 革新 or 逾期
                after = text[run.start() + offsets[j] : run.start() + offsets[j] + 1]
                if span[-1] in NUMERALS and (after in MEASURES or after == "大"):
                    continue  # 智能物|联|两|大产业链: a count begins, not 联网
                if _ending_then_opener(pieces, i, j):
                    continue  # 江津|区|于|今年, 零售|户|及|消费者: a noun's ending, then the next phrase; not 区域, 户籍
                if span[-1] in _STREET_ENDINGS and after.isdigit():
                    continue  # 大公|岛|路|5号: a street in an address, not 道路
                if span[-1] in _ABOUT_A_FIGURE and after.isdigit():
                    continue  # 低改|近|5000亩: "nearly" before a figure, not 改进
                if span[-1] in "至到" and after.isdigit() and len(span) == 2 and run.start() + offsets[i] > 0 and text[run.start() + offsets[i] - 1].isdigit():
                    continue  # 52|栋|至|54栋: a figure's unit, then a range to the next figure, not 东至
                if len(part) == 2 and part[1] == "至" and part[0] in lexicon.verbs:
                    continue  # 开|至|各镇, 送|至|县局: a verb and "to" where it reaches, not 开支
                if len(part) == 2 and part[0] == "现" and part[1] in _NOW_BEFORE and (
                    part[1] != "由" or any(p in lexicon.verbs for p in pieces[j:])
                ):
                    continue  # 现|待|正式批复, 现由县委负责: "now" before its verb (not 现代; 现由企业25家 is 现有)
                if span[-1] in _TAKES_A_COUNT and _count_at(text, run.start() + offsets[j]) and lexicon.frequency(span[-2]) >= FREE_CHARACTER:
                    continue  # 9月|分|两次组织: a verb that takes a count, not 月份 (but 纠|分|4起 is 纠纷)
                if span[-1] in _LOCALIZERS and not HAN_RUN.match(after) and zai_opens_before(text, run.start() + offsets[i]):
                    continue  # 在做精做特|中，: a localizer closes 在's phrase before a mark, not 特种
                if len(part[0]) == 1 and part[0] in _WORD_SUFFIXES and i > 0 and len(pieces[i - 1]) >= 2:
                    continue  # 外向|度|方面: the suffix ends the word before it, not 多方面
                if (
                    len(span) == 2
                    and span[1] in LEVELS
                    and lexicon.frequency(span[0]) >= _FREE_WORD
                    and j < len(pieces)
                    and len(pieces[j]) >= 2
                    and lexicon.frequency(pieces[j]) > 0
                    and pieces[j] not in lexicon.verbs
                ):
                    continue  # 有|县|苗圃: a word, then a level of government before what it runs, not 有限 (权|区 is 全区)
                best: tuple[str, str] | None = None
                loose = all(len(p) == 1 for p in part) if len(span) <= 3 else len(part) >= 3
                # A function word may stand loose before a slip (要|豹|持); after it only a
                # conjunction that joins words (促进|冒|易|和|投资), not 不 or 的 (上|极|不, 禁|入|的).
                between_words = (i == 0 or len(pieces[i - 1]) > 1 or pieces[i - 1] in GRAMMAR or _closes_a_word(pieces, i - 1)) and (
                    j == len(pieces) or len(pieces[j]) > 1 or pieces[j] in _JOINING or pieces[j] in _AFTER_A_WORD
                )
                if two_words and not (between_words and _may_be_one_word(part)):
                    continue  # two words, as most such pairs are: no candidates to look up
                candidates = {
                    w
                    for w in candidate_words(lexicon, span, loose)
                    if report_like(lexicon, w)
                    or (between_words and sound_and_series_word(lexicon, span, w))
                    or (between_words and bound_debris_of_word(lexicon, part, span, w))
                    or common_for_rare(lexicon, span, w, after)
                    or three_loose_homophone(lexicon, part, span, w)
                }
                if j - i == 3 and pieces[i + 1] in _STRUCTURAL:
                    # 有|的|事|议成了, 喜的是……忧|的|是: a phrase built on 的, no 有的是; but the
                    # particle itself may be the slip (经|的|起 → 经得起).
                    at = len(pieces[i])
                    candidates = {w for w in candidates if w[at : at + 1] != pieces[i + 1]}
                if two_words:
                    # Two words, unless they are a common word of three mistyped (规范|话 → 规范化)
                    # between words (所有|入|黄 is 入黄, no 所有人).
                    candidates = {w for w in candidates if _common_word_over_two(lexicon, part, w)}
                    if not candidates:
                        continue
                accepted = [(word, kind) for word in candidates if (kind := correction_reason(lexicon, span, part, word, between_words))]
                if accepted:
                    best = max(accepted, key=lambda found: _likelihood(lexicon, pieces, i, j, found[0]))
                if best is None and len(part) == 2 and len(span) == 2:
                    best = collocated(
                        lexicon, span, candidates, pieces[i - 1] if i else "", pieces[j] if j < len(pieces) else ""
                    )
                after_surname = i > 0 and pieces[i - 1] in SURNAMES
                if (
                    best is None
                    and len(part) == 2
                    and len(span) == 2
                    and not after_surname
                    and not _among_bound(lexicon, pieces, i, j)
                ):
                    best = beside_bound_character(lexicon, span, candidates)
                if best is None and len(part) == 2 and len(span) == 2 and not lexicon.frequency(span):
                    # Before a loose function word only by a clear margin: 尽|展|其|才 is a set
                    # pattern (人尽其才), 作|初|了 a slip of 作出.
                    before_grammar = j < len(pieces) and pieces[j] in GRAMMAR and pieces[j] not in _JOINING
                    best = scored_correction(lexicon, pieces, i, candidates, BEFORE_GRAMMAR_MARGIN if before_grammar else 0.0)
                if best is None:
                    continue
                start, end = run.start() + offsets[i], run.start() + offsets[j]
                word, kind = best
                if data.inside_known_word(text, start, end) or _cuts_known_word(lexicon, run.group(), offsets[i], offsets[j], word):
                    continue
                if (
                    len(span) == 2
                    and (_parallel(text, start, boundaries) or _series(text, start, word, lexicon))
                    and not _collocated_parallel(pieces, i, j, word)
                    and not _our_word_for_nothing(lexicon, span, word)
                ):
                    continue  # 细化实化, 师德师风, 建好建强: a pattern of two, not a slip
                if _meant(lexicon, part, word):
                    continue
                if _loose_end_bound_outside(pieces, i, j, span, word):
                    continue  # 发布|惠|企政策: 惠 goes with 企 (惠企), not 发布会
                if _last_makes_word_after(lexicon, pieces, j, span, word):
                    continue  # 为|来|年丰收: 来 goes with 年 (来年), not 未来
                if len(part) == 2 and len(span) == 2 and _written_fits_better(lexicon, pieces, i, word):
                    continue  # 施|策|化|风险, 亲|致|贺信: each character belongs with its neighbour
                hit = Hit(
                    start,
                    end,
                    word,
                    f"“{span}”不是常用词语，{kind}的常用词是“{word}”，可能是错别字。",
                    f"如是“{word}”，改为“{word}”；如是专名或本单位用语，可加入本单位词表。",
                    GUESSED_SOURCE,
                )
                found.append((len(span), hit))
    # Of overlapping spans the longest explains most (刻不荣缓 rather than 不荣).
    found.sort(key=lambda item: -item[0])
    return [hit for _, hit in found]


def _written_fits_better(lexicon: Lexicon, pieces: list[str], i: int, word: str) -> bool:
    """Do the two loose characters at ``i`` fit the words beside them far better than ``word``
    would, by official text's word-pair counts (化 before 风险 in 施策化风险, 致 before 贺信 in
    亲致贺信)? A slip's debris fits its neighbours no better than the word it stands for."""
    table = counts()
    if table is None or word in lexicon.known:
        return False  # one of our 政务 words (质效): the counts of older laws hardly know it
    first, second = pieces[i], pieces[i + 1]
    before = pieces[i - 1] if i else ""
    after = pieces[i + 2] if i + 2 < len(pieces) else ""
    margin = 0.0
    if before:
        margin += table.following(first, before) - table.following(word, before)
    if after:
        margin += table.following(after, second) - table.following(after, word)
    return margin > WRITTEN_FIT_MARGIN


# How much better (natural log of the pair probabilities) loose characters must fit their
# neighbours than the correction for the span to be read as written. Lower, on the random slips
# and 1.3 million characters of published reports, real slips were lost about as fast as false
# alarms.
WRITTEN_FIT_MARGIN = 8.0


def _loose_end_bound_outside(pieces: list[str], i: int, j: int, span: str, word: str) -> bool:
    """Is a changed character at the span's edge, loose, one that official text writes together
    with the character beside it outside the span, as a term (惠 企: 193 times, far above chance)?"""
    table = counts()
    if table is None:
        return False
    edges = []
    if span[-1] != word[-1] and len(pieces[j - 1]) == 1 and j < len(pieces):
        edges.append((span[-1], pieces[j][0]))
    if span[0] != word[0] and len(pieces[i]) == 1 and i > 0:
        edges.append((pieces[i - 1][-1], span[0]))
    return any(
        table.pair(first, second) >= BOUND_TERM_SEEN and table.association(first, second) >= BOUND_TERM_ASSOCIATION
        for first, second in edges
    )


def _last_makes_word_after(lexicon: Lexicon, pieces: list[str], j: int, span: str, word: str) -> bool:
    """Does the span's last character, loose and kept by the correction, make a word with the
    loose character after the span (为|来|年: 来年)? Then it belongs to that word, not to the span."""
    return (
        span[-1] == word[-1]
        and len(pieces[j - 1]) == 1
        and j < len(pieces)
        and len(pieces[j]) == 1
        and lexicon.frequency(pieces[j - 1] + pieces[j]) >= COMMON_WORD
    )


# Two loose characters official text writes side by side this often, and this much more often
# than chance would (the log of observed over expected), are a term of its own (惠 企, 企 稳).
BOUND_TERM_SEEN = 20
BOUND_TERM_ASSOCIATION = 4.0


def _written_in_official_text(span: str, part: list[str]) -> bool:
    table = counts()
    if table is None:
        return False
    return table.word(span) >= OFFICIAL_SEEN or (len(part) == 2 and table.pair(part[0], part[1]) >= OFFICIAL_SEEN)


# Function words that stand alone after a verb, before its object (调整|该|项目, 完善|其|功能).
_EDGE_FUNCTION_WORDS = frozenset("该其此这那各每")


def _straddles_words(text: str, hit: Hit, lexicon: Lexicon) -> bool:
    """Does a listed wrong form lie across two words of their own, each reaching outside it (平安|祥和 holds 安祥, 谨慎|密切合作 holds 慎密)?
    Then nothing there is misspelt."""
    run = next((m for m in HAN_RUN.finditer(text) if m.start() <= hit.start and hit.end <= m.end()), None)
    if run is None or len(run.group()) > MAX_RUN:
        return False
    at, overlapping = run.start(), []
    for piece in lexicon.words(run.group()):
        if at < hit.end and hit.start < at + len(piece):
            overlapping.append((at, piece))
        at += len(piece)
    table = counts()

    def word_of_its_own(piece: str) -> bool:
        # A word common in jieba's counts, a longer dictionary word, or a word official text
        # writes (开展|转诊 holds 展转: 转诊 is rare in jieba's counts, not in the health laws').
        if lexicon.frequency(piece) >= COMMON_WORD or (len(piece) >= 3 and lexicon.frequency(piece) > 0) or piece in lexicon.known:
            return True
        return len(piece) == 2 and table is not None and table.word(piece) >= OFFICIAL_SEEN

    def reaches_outside(start: int, piece: str) -> bool:
        return start < hit.start or start + len(piece) > hit.end

    # Each piece a word reaching outside (平安|祥和); or a word of one character at the edge beside
    # a longer one that does (多|做|为民造福 holds 做为: 做 is a word, 为 is 为民造福's).
    # So does a function word at the edge beside a word of two that reaches outside (调整|该|项目
    # holds 整该: 该 is "this", no slip of 整改).
    edge_word = (
        len(overlapping) == 2
        and any(len(piece) == 1 for _, piece in overlapping)
        and any(
            (len(piece) >= 3 or (len(piece) == 2 and any(p in _EDGE_FUNCTION_WORDS for _, p in overlapping)))
            and reaches_outside(start, piece)
            for start, piece in overlapping
        )
    )
    # Or a character at the edge that begins a word with the one after the span, beside a word that
    # reaches outside (认真|对|标 holds 真对: 对标 is a word, cut apart by jieba).
    edge_word = edge_word or (
        len(overlapping) == 2
        and overlapping[-1][1] == text[hit.end - 1 : hit.end]
        and word_of_its_own(text[hit.end - 1 : hit.end + 1])
        and reaches_outside(*overlapping[0])
    )
    return len(overlapping) >= 2 and all(
        word_of_its_own(piece) and (reaches_outside(start, piece) or edge_word) for start, piece in overlapping
    )


def _inside_longer_word(text: str, hit: Hit, lexicon: Lexicon) -> bool:
    """Does a listed wrong form lie inside a longer word of the dictionary, neither beginning nor
    ending it (认真对待 holds 真对)? Then it is no word of its own there."""
    run = next((m for m in HAN_RUN.finditer(text) if m.start() <= hit.start and hit.end <= m.end()), None)
    if run is None or len(run.group()) > MAX_RUN:
        return False
    at = run.start()
    for piece in lexicon.words(run.group()):
        if at <= hit.start and hit.end <= at + len(piece):
            # Strictly inside: a variant spelling may begin or end a longer word (折衷|方案).
            seen = lexicon.frequency(piece)
            return at < hit.start and hit.end < at + len(piece) and seen > 0
        at += len(piece)
    return False


# Rule 10: a real word reports never write (report count 0) and jieba saw fewer than
# VERY_COMMON_WORD times (检察 is meant), where a word of the very same sound, one character
# changed, is this many times commoner and is what reports write beside the neighbouring word —
# 核心技术|公关 → 攻关. On the provincial reports, cross-validated, 2 rather than 20 found a
# quarter more of the random real-word slips for one more false alarm in 600,000 characters.
HOMOPHONE_RATIO = 2


def _reported_pair(before: str, word: str, after: str) -> bool:
    """Do reports write ``word`` right after ``before`` or right before ``after``?"""
    pairs = data.report_collocations()
    return bool(before and f"{before} {word}" in pairs) or bool(after and f"{word} {after}" in pairs)


def homophone_words(text: str, lexicon: Lexicon) -> list[Hit]:
    """Rule 10: a two-character word put for another of the same sound (茅盾 for 矛盾, 公关 for
    攻关): the word written is one the reports never use and that does not go with its
    neighbours, while its homophone is far commoner and is what the reports write beside them."""
    report_count = data.report_word_counts()
    hits: list[Hit] = []
    for run in HAN_RUN.finditer(text):
        if len(run.group()) > MAX_RUN:
            continue
        pieces = lexicon.words(run.group())
        at = run.start()
        for i, piece in enumerate(pieces):
            start, at = at, at + len(piece)
            if len(piece) != 2 or piece in lexicon.known or report_count(piece):
                continue
            written = lexicon.frequency(piece)
            if not 0 < written < VERY_COMMON_WORD:
                continue  # no word at all (the sound-and-shape rules' case), or one meant (检察)
            before = pieces[i - 1] if i and len(pieces[i - 1]) >= 2 else ""
            after = pieces[i + 1] if i + 1 < len(pieces) and len(pieces[i + 1]) >= 2 else ""
            if not (before or after) or _reported_pair(before, piece, after):
                continue
            best = ""
            for position, ch in enumerate(piece):
                for other in lexicon.same_syllable(ch):
                    word = piece[:position] + other + piece[position + 1 :]
                    if (
                        report_count(word) >= REPORT_SEEN
                        and lexicon.frequency(word) >= HOMOPHONE_RATIO * written
                        and _reported_pair(before, word, after)
                        and (not best or lexicon.frequency(word) > lexicon.frequency(best))
                    ):
                        best = word
            if best and not data.inside_known_word(text, start, at):
                hits.append(
                    Hit(
                        start,
                        at,
                        best,
                        f"“{piece}”与“{best}”同音，公文在这里常写“{best}”，可能是错别字。",
                        f"如是“{best}”，改为“{best}”；如确是“{piece}”，可忽略或加入本单位词表。",
                        GUESSED_SOURCE,
                    )
                )
    return hits


# Rule 13: a look-alike of an adverb, alone before a verb (目前己完成, 全市末发生). Neither 己 nor
# 末 stands alone before a verb in the 1.9 million characters of published reports we hold but
# as this slip, except after the characters below.
_LOOK_ALIKE_ADVERBS = {"己": "已", "巳": "已", "末": "未"}
_OWN_SELF_BEFORE = frozenset("悦一利克舍知异为自")  # 悦己消费, 一己之力: 己 "oneself"
_TIME_ENDINGS = frozenset("年月日周季期汛纪度初中底")  # 汛末, 年末: 末 "the end"
_PERIOD_CLOSERS = frozenset("”’》）)")  # “十四五”末: the end of the period named


def look_alike_adverbs(text: str, lexicon: Lexicon) -> list[Hit]:
    hits = []
    for run in HAN_RUN.finditer(text):
        if len(run.group()) > MAX_RUN or not _LOOK_ALIKE_ADVERBS.keys() & set(run.group()):
            continue
        pieces = lexicon.words(run.group())
        at = run.start()
        for i, piece in enumerate(pieces):
            start, at = at, at + len(piece)
            fix = _LOOK_ALIKE_ADVERBS.get(piece)
            if fix is None or i + 1 >= len(pieces) or len(pieces[i + 1]) < 2 or pieces[i + 1] not in lexicon.verbs:
                continue
            before = pieces[i - 1][-1] if i else text[run.start() - 1 : run.start()]
            if fix == "已" and before in _OWN_SELF_BEFORE:
                continue
            if fix == "未" and (not before or before in _TIME_ENDINGS or before in _PERIOD_CLOSERS):
                continue  # “十四五”末 after its quotation mark, 汛末: the end of a period
            hits.append(
                Hit(
                    start,
                    at,
                    fix,
                    f"“{piece}{pieces[i + 1]}”中“{piece}”与“{fix}”形近，这里应是副词“{fix}”。",
                    f"改为“{fix}”。",
                    "《现代汉语词典》（第7版）“已”“未”条",
                )
            )
    return hits


def find_slips(text: str, lexicon: Lexicon | None) -> list[Hit]:
    """All 错别字 in ``text``; without the lexicon, the curated list and the counts' alone."""
    hits = listed_misspellings(text)
    if lexicon is not None:
        hits = [hit for hit in hits if not _straddles_words(text, hit, lexicon) and not _inside_longer_word(text, hit, lexicon)]
        hits += sound_and_shape_slips(text, lexicon)
        hits += homophone_words(text, lexicon)
        hits += words_out_of_context(text, lexicon)
        hits += unwritten_words(text, lexicon)
        hits += seldom_written_words(text, lexicon)
        hits += look_alike_adverbs(text, lexicon)
        hits += idiom_slips(text, lexicon)
        hits += term_slips(text, lexicon)
        hits += common_word_slips(text, lexicon, GUESSED_SOURCE)
        hits += word_cut_by_its_complement(text, lexicon, GUESSED_SOURCE)
        hits += phrase_slips(text, lexicon)
        hits = [hit for hit in hits if not _puts_in_a_listed_misspelling(text[hit.start : hit.end], hit.fix)]
    return drop_overlaps(hits + counting_slips(text))


def _puts_in_a_listed_misspelling(written: str, fix: str | None) -> bool:
    """Would the fix write a form the curated list calls wrong, which ``written`` does not hold
    (影像判读 → 影象判读: jieba counts the old variant 影象 more often than 影像)? A guess never
    suggests what rule 1 would then flag."""
    pattern, _ = _misspelling_pattern()
    return pattern is not None and fix is not None and any(match.group() not in written for match in pattern.finditer(fix))
