"""Rule 12 of :mod:`core.proofread.slips`: a real word that its neighbours rule out.

A slip that makes another real word (各项失业 for 各项事业, 位居全市前例 for 前列, 鉴定拥护 for
坚定拥护) leaves no debris for the sound-and-shape rules: only the context tells. Here the
context is counted: how often official text writes each word and each two words side by side
(context_pairs.marisa, made by scripts/build_context_pairs.py from China's published laws and
regulations and from published 政府工作报告, some 18 million characters). A two-character word
is judged wrong when

* official text never writes it beside the word before or after it (nor, seven times or more,
  beside that word's nearest character: 逾期|不 of 逾期不缴纳 vouches for 逾期不再) — or, between
  two neighbours, far less often than the word meant (坚决|遏止|耕地) — while a word one character
  away — the same syllable in any tone (what the input method lists under the same letters) or
  a look-alike — is seen there at least MIN_EVIDENCE times;
* and the text with it is far more probable under a bigram model of those counts (MIN_GAIN);
* a word of the same two syllables with both characters changed (人物 → 任务) counts too, on
  far more evidence (WHOLE_WORD_EVIDENCE), and so does the word with its characters the other
  way round (民生|事实 → 实事), on more still (REVERSED_EVIDENCE);
* the two words are not ones official text uses interchangeably (督查/督察, 监测/检测:
  interchangeable_words.txt, from the same script: pairs that share many neighbours) — on the
  strongest evidence neither (异地|扶贫 → 易地 found, 听取|法治|工作 → 法制 and 全省|同类|开发区
  → 各类 raised on fresh local text);
* the word written is no name (渠县, 大荔) and not one of our or the office's words.

The same holds for two lone characters that make no word (很|抓|工作 → 狠抓, 请|式|报告 → 请示),
when official text never writes them side by side and the word one character away makes the
text far more probable still (MIN_LOOSE_GAIN): a slip that cuts a word leaves such debris.

Only neighbours of two characters or more count: 的, 和, 是 go with anything.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from functools import cache

from core.proofread import data, official_counts
from core.proofread.hits import HAN_RUN, MAX_RUN, Hit
from core.proofread.lexicon import Lexicon
from core.proofread.official_counts import ContextCounts

INTERCHANGEABLE_FILE = "interchangeable_words.txt"
# Kept by hand: pairs used alike that the script missed, and pairs it found that clerks confuse.
WORD_PAIRS_FILE = "word_pairs.toml"
# A correction must be a dictionary word jieba saw this often.
MIN_TARGET = 20
# The correction must be seen beside a neighbour this many times (on 300,000 characters of local
# reports 7 against 3 cut the false alarms from 7 to 1 and kept 42 of 46 random real-word slips
# found) ...
MIN_EVIDENCE = 7
# A word jieba knows that official text never writes (审察, 连动: none in 18 million characters) is
# judged on less: the same-sound word written beside a neighbour this often (合同|审查 4 times).
UNWRITTEN_EVIDENCE = 3
# ... and make the text this much more probable (e^7 ≈ 1,100 times). On 300,000 characters of
# local reports 6 raised one false alarm more than 7 and found no planted slip more.
MIN_GAIN = 7.0
# Two lone characters that make no word: the text with the word must be this much more probable
# (e^12): such pairs are often a report's terse coinage (综|试|区), and on 300,000 characters of
# local reports 12 against 10 halved the false alarms for one planted slip in four found.
MIN_LOOSE_GAIN = 12.0
# A loose character official text writes this often right after the word before it belongs to that
# word (情况 下: 840 times), whatever the character after it.
BOUND_TO_BEFORE = 100
DEGREE_ADVERBS = frozenset("很更较最太极挺")
CONJUNCTIONS = frozenset("及和与或暨并")
# A word of the same two syllables, both characters changed (人物 for 任务: the input method lists
# both under "renwu"), must be seen beside a neighbour this often and gain this much: on 2.5 million
# characters of local and provincial reports 20 and e^8 raised 2 false alarms (全县 → 权限), these
# none, for 3 of 692 planted slips (法律|富于 → 赋予: 39 times, e^17).
WHOLE_WORD_EVIDENCE = 30
WHOLE_WORD_GAIN = 12.0
# ... and beside a neighbour it goes with: official text writes the two side by side this much
# more often than chance would (the log of observed over expected: 弱势 群体 9.4, 职能 配置 4.2),
# not beside one that goes with anything (可以 上诉 2.8, 相关 主体 1.2). On 730,000 characters of
# fresh published reports this took 7 of the rule's 21 findings away, 6 of them false alarms; the
# planted sets lost no slip it found, the random same-sound words 9 of 131. A word official text
# never writes (审察) needs no such company, as it needs less evidence.
MIN_ASSOCIATION = 3.0
# A word with its two characters typed the other way round (民生|事实 for 民生实事) must be seen
# beside a neighbour this often; it needs only the ordinary gain: on 1.4 million characters of
# provincial and local reports it raised no false alarm (事实 and 实事 are both common words, so
# only overwhelming company tells them apart).
REVERSED_EVIDENCE = 100
# Two lone characters jieba's dictionary holds as a word seen fewer times than this are no word
# to it either (知|明, 3 times: 国内|知明|企业 → 知名): on 2.5 million characters of reports this
# found one planted slip more and raised no false alarm.
LOOSE_WORD_SEEN = 5
# Two lone characters official text writes side by side (多 办 of 多办实事) are meant, unless the
# word one character away is written beside both their neighbours this many times more (激发|内|
# 升|动力: 内 升 8 times across words in laws, 内生 beside 激发 and 动力 152 times).
SIDE_BY_SIDE_RATIO = 10
# A word official text writes beside its neighbours is meant, unless, with a neighbour on each
# side, the word one character away is written beside them this many times more (坚决|遏止|耕地:
# 坚决 遏止 5 times in laws, 遏制 beside 坚决 and 耕地 252): on 2.5 million characters of reports
# 20 and 50 alike raised no false alarm.
WRITTEN_BESIDE_RATIO = 20
# A word one character away that only looks alike (各地 → 落地, 形成 → 组成) must make the text
# this much more probable, as two loose characters must: on 280,000 characters of fresh local
# reports this dropped 2 false alarms and no planted or random slip.
LOOK_ALIKE_GAIN = 12.0
# ... and never stands for a word jieba saw this often (各地 7,252 times: 要求各地落实 is meant), whose
# neighbours the counts may not hold (they cut 各地区, 全省各地 otherwise).
LOOK_ALIKE_COMMON = 5000
# A word jieba saw this often, judged by a neighbour on one side only, is ruled out only where the
# word meant is written beside that neighbour this often: 推动|事业 15 times and 实现|省级 15 raised
# false alarms on fresh county reports (推动失业和就业困难人员, 实现升级), while the planted slips
# found so had 80 to 681 (各项|事业 266, 目标|任务 681).
ONE_SIDED_COMMON = 1000
ONE_SIDED_EVIDENCE = 50
# A neighbour this long at least is a content word whose company says something.
MIN_NEIGHBOUR = 2
SOURCE = "依据公文和法律法规文本中的词语搭配推断，常用词见《现代汉语词典》"


@cache
def interchangeable() -> frozenset[frozenset[str]]:
    """Pairs of words official text uses alike (督查 督察, 察看 查看): neither is a slip for the
    other. Sharing neighbours is not enough where clerks confuse the two (执法|检察 for 检查,
    即时|清理 for 及时): word_pairs.toml's ``confused`` pairs are left to the context."""
    path = data.shipped_dir() / INTERCHANGEABLE_FILE
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    found = {frozenset(pair) for pair in (line.split() for line in lines if line and not line.startswith("#")) if len(pair) == 2}
    by_hand = data._toml(data.shipped_dir() / WORD_PAIRS_FILE, office=False)
    found |= {frozenset(str(pair).split()) for pair in by_hand.get("alike", ())}  # type: ignore[union-attr]
    found -= {frozenset(str(pair).split()) for pair in by_hand.get("confused", ())}  # type: ignore[union-attr]
    return frozenset(pair for pair in found if len(pair) == 2)


# The variants of each word asked for, for one lexicon and its office words: a long draft asks for
# the same words again and again (a third of the calls are new on the seeds), each dozens of lookups.
_VARIANTS_KEPT = 50_000
_variants_of: dict[str, tuple[str, ...]] = {}
_variants_lexicon: list[object] = []


def variants(lexicon: Lexicon, word: str) -> tuple[str, ...]:
    """Dictionary words one character away from ``word``: that character the same syllable in
    any tone, or a look-alike (失业 → 事业, 前例 → 前列)."""
    if len(_variants_lexicon) != 2 or _variants_lexicon[0] is not lexicon or _variants_lexicon[1] is not lexicon.known or len(_variants_of) > _VARIANTS_KEPT:
        _variants_of.clear()
        _variants_lexicon[:] = [lexicon, lexicon.known]
    found = _variants_of.get(word)
    if found is None:
        found = _variants_of[word] = tuple(_variants(lexicon, word))
    return found


def forget_remembered(lexicon: Lexicon | None = None) -> None:
    """Forget the variants, counts and ``lexicon``'s jieba counts remembered so far (a benchmark's
    first pass starts from none, as in a new session)."""
    _variants_of.clear()
    if official_counts.counts.cache_info().currsize:  # the counts are read already: not read here for nothing
        table = official_counts.counts()
        if table is not None:
            table.asked.clear()
    if lexicon is not None:
        lexicon.forget_frequencies()


def _variants(lexicon: Lexicon, word: str) -> Iterator[str]:
    seen = {word}
    words, known = lexicon.freq.trie, lexicon.known  # most candidates are no word: ask the trie first
    for position, ch in enumerate(word):
        before, after = word[:position], word[position + 1 :]
        for other in (*lexicon.same_sound(ch), *lexicon.shapes.similar.get(ch, ())):
            candidate = before + other + after
            if (candidate in words or candidate in known) and candidate not in seen and lexicon.frequency(candidate) >= MIN_TARGET:
                seen.add(candidate)
                yield candidate


def same_syllables(lexicon: Lexicon, word: str) -> Iterator[str]:
    """Common words of two characters, both changed, each the same syllable in any tone (人物 →
    任务, 归化 → 规划): of the lexicon's few most frequent words under the blurred sound key (one
    lookup, where pairing every same-syllable character took half the first pass), those that
    sound exactly alike — blurred ones (党委 → 单位, 市县 → 事项) raised false alarms only."""
    if len(word) != 2:
        return
    key = lexicon.near_key(word)
    for candidate in lexicon.near_index.get(key, ()) if key is not None else ():
        if (
            len(candidate) == 2
            and candidate[0] != word[0]
            and candidate[1] != word[1]
            and candidate[0] in lexicon.same_sound(word[0])
            and candidate[1] in lexicon.same_sound(word[1])
        ):
            yield candidate


def _sounds_the_same(lexicon: Lexicon, span: str, word: str) -> bool:
    return all(a == b or b in lexicon.same_sound(a) for a, b in zip(span, word, strict=True))


def _neighbour(piece: str) -> str:
    return piece if len(piece) >= MIN_NEIGHBOUR else ""


def _written_beside(table: ContextCounts, word: str, before: str, after: str) -> bool:
    """Does official text write ``word`` beside the word before or after it, or beside its nearest
    character (逾期|不 of 逾期不缴纳 vouches for 逾期|不再)?"""
    return bool(
        (before and (table.pair(before, word) or table.pair(before[-1], word) >= MIN_EVIDENCE))
        or (after and (table.pair(word, after) or table.pair(word, after[0]) >= MIN_EVIDENCE))
    )


def _closest_company(table: ContextCounts, word: str, before: str, after: str) -> float:
    """How much more often than chance official text writes ``word`` beside the neighbour it is
    written beside at all (the log of observed over expected; the higher of the two)."""
    found = [table.association(before, word)] if before and table.pair(before, word) else []
    found += [table.association(word, after)] if after and table.pair(word, after) else []
    return max(found, default=-math.inf)


def _best_variant(
    lexicon: Lexicon, table: ContextCounts, span: str, before: str, after: str, written: float, min_gain: float
) -> str | None:
    """The word one character away from ``span`` (for a whole word, also one of the same two
    syllables, or its two characters reversed) that official text writes beside ``before`` or
    ``after`` and that makes the text most probable, by more than ``min_gain``."""
    # A word official text never writes at all needs less evidence for a word of the same sound.
    unwritten = table.word(span) == 0
    # A word this common is no look-alike's slip (要求各地落实 is no 落地落实).
    common = lexicon.frequency(span) >= LOOK_ALIKE_COMMON
    candidates = [
        (word, UNWRITTEN_EVIDENCE, min_gain)
        if unwritten and _sounds_the_same(lexicon, span, word)
        else (word, MIN_EVIDENCE, min_gain if _sounds_the_same(lexicon, span, word) else max(min_gain, LOOK_ALIKE_GAIN))
        for word in variants(lexicon, span)
        if not common or _sounds_the_same(lexicon, span, word)
    ]
    if min_gain == MIN_GAIN:
        candidates += [(word, WHOLE_WORD_EVIDENCE, WHOLE_WORD_GAIN) for word in same_syllables(lexicon, span)]
        if len(span) == 2 and lexicon.frequency(span[::-1]) >= MIN_TARGET:
            candidates.append((span[::-1], REVERSED_EVIDENCE, min_gain))  # 事实 → 实事
    best: tuple[float, str] | None = None
    for word, needed, needed_gain in candidates:
        if word in lexicon.names or frozenset((span, word)) in interchangeable():
            continue  # two words official text uses alike: however strong the evidence (law text
            # of the 1990s writes 法制工作 where today's reports write 法治), neither is a slip
        evidence = (table.pair(before, word) if before else 0) + (table.pair(word, after) if after else 0)
        if evidence < needed:
            continue
        if min_gain == MIN_GAIN and not unwritten and _closest_company(table, word, before, after) < MIN_ASSOCIATION:
            continue  # 可以|上溯 → 上诉, 相关|主题 → 主体: a neighbour that goes with anything vouches for nothing (a word official text never writes needs less)
        gain = table.fit(word, before, after) - written
        if gain > needed_gain and (best is None or gain > best[0]):
            best = (gain, word)
    return None if best is None else best[1]


def cut_runs(text: str, lexicon: Lexicon) -> Iterator[tuple[list[str], list[int]]]:
    """Each run of Han characters as jieba cuts it, with where each piece starts in ``text``."""
    for run in HAN_RUN.finditer(text):
        if len(run.group()) <= MAX_RUN:
            pieces = lexicon.words(run.group())
            yield pieces, list(itertools.accumulate((len(piece) for piece in pieces), initial=run.start()))


def words_out_of_context(text: str, lexicon: Lexicon) -> list[Hit]:
    """Rule 12: two-character words that their neighbours rule out, and two lone characters that
    make no word, each with the word official text writes there instead."""
    table = official_counts.counts()
    if table is None:
        return []
    hits: list[Hit] = []
    for pieces, starts in cut_runs(text, lexicon):
        for i, piece in enumerate(pieces):
            before = _neighbour(pieces[i - 1]) if i else ""
            if len(piece) == 2:
                after = _neighbour(pieces[i + 1]) if i + 1 < len(pieces) else ""
                if not lexicon.frequency(piece) or piece in lexicon.names or piece in lexicon.known:
                    continue
                if not (before or after):
                    continue  # no neighbour to judge by
                beside = (table.pair(before, piece) if before else 0) + (table.pair(piece, after) if after else 0)
                if _written_beside(table, piece, before, after) and not (beside and before and after):
                    continue  # official text writes it beside one of them
                if not after and i >= 2 and table.pair(_neighbour(pieces[i - 2]), piece) >= MIN_EVIDENCE:
                    continue  # 形成|部门|合力: the verb before its attribute takes it (形成合力), as written
                word = _best_variant(lexicon, table, piece, before, after, table.fit(piece, before, after), MIN_GAIN)
                if word and beside * WRITTEN_BESIDE_RATIO > table.pair(before, word) + table.pair(word, after):
                    continue
                if (
                    word
                    and not (before and after)
                    and lexicon.frequency(piece) >= ONE_SIDED_COMMON
                    and (table.pair(before, word) if before else 0) + (table.pair(word, after) if after else 0)
                    < ONE_SIDED_EVIDENCE
                ):
                    continue  # a common word judged by one neighbour on weak evidence (推动|失业|和)
                span = piece
            elif len(piece) == 1 and i + 1 < len(pieces) and len(pieces[i + 1]) == 1:
                span = piece + pieces[i + 1]
                after = _neighbour(pieces[i + 2]) if i + 2 < len(pieces) else ""
                side_by_side = table.pair(piece, pieces[i + 1])
                if lexicon.frequency(span) >= LOOSE_WORD_SEEN or not (before or after) or (side_by_side and not (before and after)):
                    continue  # a word, or two characters official text writes side by side (多 办)
                if before and table.pair(before, piece) >= BOUND_TO_BEFORE:
                    continue  # 情况|下|能: the first goes with the word before (情况下), not with the second
                if pieces[i + 1] in DEGREE_ADVERBS:
                    continue  # 有|很|强: a degree word goes with the adjective after it
                if pieces[i + 1] in CONJUNCTIONS:
                    continue  # 依法治市|暨|法治政府建设: a conjunction after a phrase joins it to the next
                written = (
                    (table.following(piece, before) if before else table.fit(piece, "", ""))
                    + table.following(pieces[i + 1], piece)
                    + (table.following(after, pieces[i + 1]) if after else 0.0)
                )
                word = _best_variant(lexicon, table, span, before, after, written, MIN_LOOSE_GAIN)
                if word and side_by_side * SIDE_BY_SIDE_RATIO > table.pair(before, word) + table.pair(word, after):
                    continue  # written so often enough, against the word's company, to be meant
            else:
                continue
            start, end = starts[i], starts[i] + 2
            if word is None or data.inside_known_word(text, start, end):
                continue
            if (start >= 2 and text[start - 2] == text[start]) or text[end : end + 1] == text[start]:
                continue  # 优机优补, 应建尽建: the first character repeated two on, a pattern coined on purpose
            phrase = before + word if before and table.pair(before, word) >= table.pair(word, after) else word + after
            hits.append(
                Hit(
                    start,
                    end,
                    word,
                    f"“{span}”与前后文不搭配：公文常写“{phrase}”，“{span}”可能是“{word}”之误。",
                    f"如是“{word}”，改为“{word}”；如确是“{span}”，可忽略或加入本单位词表。",
                    SOURCE,
                )
            )
    return hits
