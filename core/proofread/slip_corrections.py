"""Whether a dictionary word corrects a span of a slip's debris, and by which likeness: the tests
behind rules 2–10 of :mod:`core.proofread.slips`, which finds the spans and weighs the context.

:func:`candidate_words` lists the words a span may stand for (the sound index, the blurred-sound and idiom
indexes, the input method's other characters of a syllable, the shape tables); :func:`report_like`
keeps those a report would write; :func:`correction_reason` says why one corrects the span (音同,
音近, 形近, 音近形近, 一字之差) or that it does not: one character changed (or the same change twice
side by side), a word far commoner than the span, a text more probable by a clear margin, and the
likeness the span's length and looseness call for. The other public tests admit a candidate on
narrower evidence: a word of the same sound and phonetic series, the bound debris of a word, a
common word for a rare one, three loose characters that sound like a word.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from core.proofread import data
from core.proofread.lexicon import LONG_WORD, Lexicon
from core.proofread.loose_pairs import GRAMMAR, NUMERALS, REPORT_COMMON, REPORT_SEEN
from core.proofread.official_counts import counts

# A span at least this frequent is a word in its own right, never a slip.
COMMON_WORD = 30

# A word the input method's candidates make must be this common to be a correction.
MIN_TARGET = 20

# Log-probability the corrected text must gain (about e^3 ≈ 20 times more probable).
MIN_GAIN = 3.0

# A correction must be this many times commoner than the span it replaces.
MIN_RATIO = 10

# Two loose characters that are no word are a slip only for a word this common.
COMMON_TARGET = 500

# A character jieba saw less often than this on its own is mostly part of words (a bound morpheme).
BOUND_CHARACTER = 3000

# A character jieba saw this often on its own is a word, not debris of a slip (以, 像, 任, 对).
FREE_CHARACTER = 5000

# Rule 5: two loose characters no report writes side by side, a character away from a word
# jieba saw this often.
CONTEXT_TARGET = 1000

# ... or that published reports use this often (report_words.txt: 统筹 87).
REPORT_TARGET = 20

# Rule 4: a two-character dictionary word seen at most this often (a slip in jieba's own
# corpus: 布署 2, 编缉 2) against a homophone this many times commoner; a word seen more often
# is a rare word of its own (宪制, 时艰).
RARE_WORD = 4
RARE_RATIO = 800

REPORTED_RATIO = 200

# Rule 9: a correction by the very same syllable and tone must be a word jieba saw this often,
# and make the text this much more probable (e^6 ≈ 400 times).
SAME_SOUND_TARGET = 100
SAME_SOUND_GAIN = 6.0

# ... and among more loose characters (我|区|国|友, 项|幕|化), where a terse coinage is likelier,
# a word this common and a text this much more probable (e^8 ≈ 3,000 times).
SAME_SOUND_LOOSE_TARGET = 1000
SAME_SOUND_LOOSE_GAIN = 8.0

# A character jieba saw this seldom on its own belongs to a few set phrases (锲 in 锲而不舍).
RARE_IDIOM_CHARACTER = 100


def candidate_words(lexicon: Lexicon, span: str, loose: bool) -> Iterator[str]:
    # Three characters read with a polyphonic one's other reading too (长态化 as chang…: 常态化);
    # not a function word's (的 as dì: 第二十届), nor in shorter or longer spans, where a second
    # reading mostly finds words of another sense (吞下 → 天下).
    polyphonic = len(span) == 3 and not set(span) & GRAMMAR
    keys = lexicon.sound_keys(span) if polyphonic else [lexicon.sound_key(span)]
    for key in keys:
        word = lexicon.sound_index.get(key) if key is not None else None
        if word is not None and word != span and len(word) == len(span):
            yield word
    # The blurred sounds serve the rules for loose characters (two or three), the idiom masks
    # the rule for an idiom in debris.
    near = lexicon.near_key(span) if len(span) <= 3 and loose else None
    if near is not None:
        yield from (w for w in lexicon.near_index.get(near, ()) if w != span)
    if len(span) == 4 and loose:
        for position in range(4):
            yield from lexicon.idioms_like(span, position)
    # The trie itself, not the dictionary's methods: tens of thousands of words are tried per page.
    freq, words, known = lexicon.freq, lexicon.freq.trie, lexicon.known
    # A character changed after a beginning no word has makes no word (of 6 characters, most
    # beginnings of 3 or 4): those positions are not tried. A look-alike is tried by asking for
    # the word it makes: a character has a few, where a beginning of two may have hundreds of words.
    if len(span) >= LONG_WORD:
        yield from _long_look_alikes(lexicon, span)
        return
    positions = 1
    while positions < len(span) and lexicon.begins_any_word(span[:positions]):
        positions += 1
    if len(span) <= 3 and loose:
        # The input method's other candidates for one syllable (请式 → 请示: the sound index
        # keeps only the commonest word of a sound, 情势).
        for position in range(positions):
            before, after, mates = span[:position], span[position + 1 :], lexicon.same_syllable(span[position])
            if position >= 2:
                for word in _changed_at(lexicon, before, after, mates):
                    if freq.get(word, 0) >= MIN_TARGET or word in known:
                        yield word
                continue
            for other in mates:
                word = before + other + after
                if (word in words and freq.get(word, 0) >= MIN_TARGET) or word in known:
                    yield word
    for position in range(positions):
        before, after, alternatives = span[:position], span[position + 1 :], lexicon.shapes.alternatives(span[position])
        for other in alternatives:
            word = before + other + after
            if word in words or word in known:  # most look-alikes make no word: skip them here
                yield word


def _long_look_alikes(lexicon: Lexicon, span: str) -> Iterator[str]:
    """The look-alike words of a span of LONG_WORD characters or more: tried only at a position
    where a long word begins with what stands before it and ends with what stands after (most
    long spans have none)."""
    forward, backward = lexicon.long_words()
    # The longest beginning and the longest ending of the span that long words have: a changed
    # character lies after all of the one and before all of the other.
    begun = 0
    while begun < len(span) and next(forward.iterkeys(span[: begun + 1]), None) is not None:
        begun += 1
    last = min(begun, len(span) - 1)
    # A position up to ``last`` needs a long word ending with all that follows it: at least the
    # span's last len - 1 - last characters (the ending grows one character at a time, so when
    # that much is no long word's ending, no longer one is, and the span has no look-alike).
    backwards, ended = span[::-1], len(span) - 1 - last
    if ended and next(backward.iterkeys(backwards[:ended]), None) is None:
        return
    while ended < len(span) and next(backward.iterkeys(backwards[: ended + 1]), None) is not None:
        ended += 1
    for position in range(max(0, len(span) - 1 - ended), last + 1):
        before, after = span[:position], span[position + 1 :]
        for other in lexicon.shapes.alternatives(span[position]):
            word = before + other + after
            if word in forward:
                yield word


def _changed_at(lexicon: Lexicon, before: str, after: str, others: Container[str]) -> Iterator[str]:
    """The words ``before`` + one of ``others`` + ``after``, read from the words that begin so."""
    length, at = len(before) + 1 + len(after), len(before)
    for word in lexicon.words_beginning(before):
        if len(word) == length and word.endswith(after) and word[at] in others:
            yield word


def _target_frequency(lexicon: Lexicon, word: str) -> int:
    table = counts()
    return max(lexicon.frequency(word), table.word(word) if table is not None else 0)


def correction_reason(lexicon: Lexicon, span: str, pieces: list[str], word: str, between_words: bool = True) -> str | None:
    """Why ``word`` corrects ``span`` ("音近形近", "音近", "形近"), or None when it does not.
    ``between_words``: no loose character stands right before or after the span."""
    span_freq, word_freq = lexicon.frequency(span), _target_frequency(lexicon, word)
    if _rare_phrase_misspelt(lexicon, span, pieces, word, span_freq, word_freq):
        changed = next((a, b) for a, b in zip(span, word, strict=True) if a != b)
        return "音同" if lexicon.sounds_alike(*changed, tone=True) else "形近"
    # An idiom, however rare (筚路蓝缕 7), beats four characters that are no word at all; so does
    # any set phrase of the dictionary where the changed character sounds the same and is of one
    # phonetic series (创先|争|忧 → 创先争优, seen 3 times) — not common words side by side, for
    # jieba's dictionary has slips of its own (团结|拼搏 is no slip of its 团结拼博).
    rare_idiom = (
        len(word) >= 4
        and span_freq == 0
        and (
            word in lexicon.idioms
            or (
                _same_sound_and_series(lexicon, span, word)
                and not all(lexicon.frequency(p) >= COMMON_WORD for p in pieces)
            )
        )
    )
    if word_freq < MIN_RATIO * (span_freq + 1) and not rare_idiom:
        return None
    if len(word) >= 4:
        if not rare_idiom and word not in lexicon.idioms and word_freq < 5 * (span_freq + 1) + MIN_RATIO:
            return None
    elif word_freq < 20:
        return None
    # One change, or the same change made twice side by side (竞竞业业 → 兢兢业业); two in a long
    # phrase. Apart, the character repeated is the slot of a pattern filled on purpose (应建尽建,
    # not 应检尽检).
    changed = sorted({(a, b) for a, b in zip(span, word, strict=True) if a != b})
    if not changed or len(changed) > 1 + (len(span) >= 6):
        return None
    at = [i for i, (a, b) in enumerate(zip(span, word, strict=True)) if a != b]


    # Sounds as the word reads its characters (调 in 协调 is tiáo: 协条 sounds like it).
    def alike(tone: bool) -> bool:
        return all(lexicon.sounds_alike_in(span[k], word, k, tone) for k in at)

    def near(tone: bool = False) -> bool:
        return all(lexicon.sounds_near_in(span[k], word, k, tone) for k in at)


    if len(changed) == 1 and len(at) > 1 and at[-1] - at[0] >= len(at):
        return None
    if len(span) <= 2 and all(a in GRAMMAR and b in GRAMMAR for a, b in changed):
        return None  # one function word for another (其时|已|至 is no 以至): typed on purpose
    gain = lexicon.log_probability(word) - sum(lexicon.log_probability(p) for p in pieces)
    if gain < MIN_GAIN:
        return None
    short = len(span) <= 2
    same_sound = alike(short)
    shapes = lexicon.shapes
    similar = all(b in shapes.similar.get(a, ()) for a, b in changed)
    look_alike = all(shapes.looks_alike(a, b) for a, b in changed)
    # Of one phonetic series (the generated table: wider, so it alone is trusted less).
    in_series = all(b in shapes.similar.get(a, ()) or b in shapes.series.of(a) for a, b in changed)
    lone = all(len(p) == 1 for p in pieces)
    if same_sound and similar:
        return "音近形近"
    if same_sound and in_series and not (short and lone and _free_changed(lexicon, span, word)):
        # Not where the character changed is a word of its own (上|极 of 历史上极不平凡: 上级).
        return "音近形近"
    if len(span) >= 4 and in_series and all(lexicon.sounds_alike(a, b, tone=True) for a, b in changed):
        # 审时渡势: the phrase reads 度 duó, the clerk read it dù, as it is read elsewhere, and
        # typed another character of its series.
        return "音近形近"
    # Not a character said twice (太大 → 大大, 太太): a degree word before its adjective looks like
    # the adjective, and doubling it is no slip of the hand.
    doubled = len(word) == 2 and word[0] == word[1]
    if look_alike and not doubled and not _look_alike_meant(lexicon, span, pieces, word):
        return "形近"
    if (
        len(span) >= 4
        and (same_sound or (similar and not _look_alike_meant(lexicon, span, pieces, word)))
        and (len(pieces) > 1 or word in lexicon.idioms)
    ):
        # A rare dictionary word of four characters (职业资格) needs an idiom to stand for.
        return "形近" if similar else "音近"
    if (
        len(span) == 4
        and rare_idiom
        and len(pieces) >= 3
        and any(a == b and lexicon.frequency(a) < RARE_IDIOM_CHARACTER for a, b in zip(span, word, strict=True))
        and not _changed_piece_written_beside(pieces, span, word)
    ):
        # 锲|而|不合: an idiom's rare character (锲) names the idiom, whatever the changed one —
        # unless official text writes the changed piece beside its neighbour (奋|楫|前行: reports
        # write 奋楫前行 as a phrase of its own, not 奋楫笃行 misspelt).
        return "一字之差"
    if len(span) == 3 and same_sound and len(pieces) > 1 and (word in lexicon.idioms or word_freq >= 100):
        return "音近"
    # Two loose characters that make no word, one changed for a common word, neither a function word.
    loose_for_common = (
        short
        and lone
        and span_freq == 0
        and len(changed) == 1
        and word_freq >= COMMON_TARGET
        and not (set(span) | set(word)) & GRAMMAR
    )
    if loose_for_common and similar and near():
        return "音近形近"  # 增|张, 积|级: a look-alike of the same series that sounds near
    if loose_for_common and all(lexicon.frequency(ch) < BOUND_CHARACTER for ch in span) and near():
        # Two characters that are seldom words on their own, side by side, sounding like a
        # common word in another tone: pinyin input has no tones.
        return "音近"
    if len(span) == 3 and lone and len(changed) == 1 and near(True):
        return "音近"  # 攻|间|战: three loose characters where a word sounds the same
    if loose_for_common and near(True) and between_words:
        # 财|正, 城|香: two loose characters, no word, where a common word sounds the same
        # (pinyin input blurs tones, n/ng and z/zh) — the commonest kind of slip. Not where a
        # character is a numeral or a function word (二|是, 之|力, 赢|的: words of their own),
        # nor among more loose characters: a terse coinage (由降转升, 综试区, 上|极|不平凡)
        # reads as loose characters throughout, a slip's debris sits between words.
        return "音近"
    if (
        len(span) == 4
        and word in lexicon.idioms
        and len(pieces) >= 3
        and len(changed) == 1
        and near(True)
    ):
        # 凝心|据|力: an idiom with one character that sounds the same (n/ng, z/zh blurred).
        return "音近"
    if (
        short
        and lone
        and span_freq == 0
        and len(changed) == 1
        and (word_freq >= CONTEXT_TARGET or data.report_word_counts()(word) >= REPORT_TARGET)
        and not set(span) & GRAMMAR
        and between_words
        and all(lexicon.frequency(a) < FREE_CHARACTER for a, b in zip(span, word, strict=True) if a == b)
        and (in_series or near())
    ):
        # 该|造, 统|愁: two loose characters no report writes side by side (the caller has
        # asked report_pairs), one of them seldom a word on its own, where the other sounding
        # alike — in any tone — or looking alike makes a very common word.
        return "音近" if near() else "形近"
    if (
        short
        and lone
        and span_freq == 0
        and len(changed) == 1
        and word_freq >= SAME_SOUND_TARGET
        and gain >= SAME_SOUND_GAIN
        and (between_words or (word_freq >= SAME_SOUND_LOOSE_TARGET and gain >= SAME_SOUND_LOOSE_GAIN))
        and alike(True)
        and not set(span + word) & NUMERALS
        and (changed[0][0] not in GRAMMAR or data.report_word_counts()(word) >= REPORT_COMMON)
    ):
        # 西|引, 则|任, 及|石: two loose characters that sound exactly like a common word. A
        # function word is so common alone that the gain keeps it where it stands (重任|在|肩
        # is no 在建); one is replaced only where reports write the correction often (城|是 →
        # 城市, but 提升|年|暨 is no 年纪).
        return "音同"
    reports = data.report_word_counts()
    if (
        short
        and len(pieces) == 1
        and 0 < span_freq <= RARE_WORD
        and (
            word_freq >= RARE_RATIO * span_freq
            # ... or on less, where published reports write the word and never the span (赋于 3 →
            # 赋予 2,186, in reports 46 times)
            or (word_freq >= REPORTED_RATIO * span_freq and reports(word) >= REPORT_TARGET and reports(span) == 0)
        )
    ):
        if alike(False):
            return "音近"
        if similar:
            return "形近"  # 组识 → 组织: a look-alike of the same series
    return None


def _changed_piece_written_beside(pieces: list[str], span: str, word: str) -> bool:
    """Does official text write the piece holding the changed character beside a neighbouring
    piece of the span at least OFFICIAL_SEEN times?"""
    table = counts()
    if table is None:
        return False
    at = next(k for k, (a, b) in enumerate(zip(span, word, strict=True)) if a != b)
    position = 0
    for k, piece in enumerate(pieces):
        if position <= at < position + len(piece):
            neighbours = [(pieces[k - 1], piece)] if k else []
            neighbours += [(piece, pieces[k + 1])] if k + 1 < len(pieces) else []
            return any(table.pair(first, second) >= OFFICIAL_SEEN for first, second in neighbours)
        position += len(piece)
    return False


# Place names hold rare characters (沙埕港, 上岙村, 浛洸镇): before one of these the span is a name.
_PLACE_NAME_ENDINGS = frozenset("港湾岛澳山岭河江湖溪村庄寨镇乡县区市州省街路桥城")


def common_for_rare(lexicon: Lexicon, span: str, word: str, after: str) -> bool:
    """Is ``word`` ``span`` with a rare character (釆, 箅: outside the 5,000 common ones) put back
    as the common one it is drawn like (釆石场 → 采石场, 结箅 → 结算), no place's name going on
    after it (``after``, the next character)? A word of the dictionary, however seldom reports
    write it, is likelier than a rare character in a report."""
    changed = [(a, b) for a, b in zip(span, word, strict=True) if a != b]
    return (
        len(changed) == 1
        and changed[0][1] in lexicon.shapes.rare.of(changed[0][0])
        and after not in _PLACE_NAME_ENDINGS
        and lexicon.frequency(word) > 0
        and word not in lexicon.names
    )


def sound_and_series_word(lexicon: Lexicon, span: str, word: str) -> bool:
    """Is ``word`` a correction of ``span`` worth offering though reports seldom write it: a
    dictionary word seen SERIES_WORD_SEEN times, no name, no function word in either, whose
    changed character sounds exactly like the one written and is of its phonetic series (进住 →
    进驻, 珍株 → 珍珠, 净利闰 → 净利润)?"""
    return (
        lexicon.frequency(word) >= SERIES_WORD_SEEN
        and word not in lexicon.names
        and not set(span + word) & GRAMMAR
        and _same_sound_and_series(lexicon, span, word)
    )


def bound_debris_of_word(lexicon: Lexicon, part: list[str], span: str, word: str) -> bool:
    """Is one of the two loose characters of ``span`` bound (seldom a word alone: 轨|际, 触|脚,
    涵|授) and is ``word`` a dictionary word of exactly their sound (轨迹, 触角, 函授), though reports
    seldom write it? Debris of a slip, where a coinage of a report keeps free characters (开|园,
    提|级). (One bound character and 50 sightings, from both and 300: one more random slip of the
    seed reports found in each seed, and no new finding on 132,000 characters of published reports.)"""
    return (
        len(part) == 2
        and len(span) == 2
        and any(lexicon.frequency(ch) < BOUND_CHARACTER for ch in span)
        and _one_homophone_changed(lexicon, span, word, BOUND_DEBRIS_WORD)
    )


def _one_homophone_changed(lexicon: Lexicon, span: str, word: str, seen: int) -> bool:
    """Is ``word`` ``span`` with one character changed for one of exactly its sound, a dictionary
    word seen ``seen`` times, no name, and no function word in either?"""
    changed = [(a, b) for a, b in zip(span, word, strict=True) if a != b]
    return (
        len(changed) == 1
        and lexicon.frequency(word) >= seen
        and word not in lexicon.names
        and not set(span + word) & GRAMMAR
        and lexicon.sounds_alike(*changed[0], tone=True)
    )


BOUND_DEBRIS_WORD = 50


def three_loose_homophone(lexicon: Lexicon, part: list[str], span: str, word: str) -> bool:
    """Are the three characters of ``span`` each cut loose, and is ``word`` a dictionary word of
    three that reads exactly so (被|边|源|化 → 边缘化), no name and no function word in either?
    Three characters that make no word together sound like one only by a slip."""
    return len(part) == 3 and len(span) == 3 and _one_homophone_changed(lexicon, span, word, THREE_LOOSE_WORD)


THREE_LOOSE_WORD = 50

# A correction outside the report vocabulary is offered from this many of jieba's counts (进驻
# 721, 时隔 251); rarer ones (垦地 3, 猪瘟 14) and names (广元, 庐山) raised false alarms only.
SERIES_WORD_SEEN = 100


def _same_sound_and_series(lexicon: Lexicon, span: str, word: str) -> bool:
    """Is ``word`` a dictionary word whose one changed character sounds exactly like the one
    written and is of its phonetic series (忧 → 优, 燥 → 躁)?"""
    changed = [(a, b) for a, b in zip(span, word, strict=True) if a != b]
    if len(changed) != 1 or word not in lexicon.freq:
        return False
    a, b = changed[0]
    shapes = lexicon.shapes
    return lexicon.sounds_alike(a, b, tone=True) and (b in shapes.similar.get(a, ()) or b in shapes.series.of(a))


def _look_alike_meant(lexicon: Lexicon, span: str, pieces: list[str], word: str) -> bool:
    """Is a span that only looks like ``word`` (no sound in common) written as meant? When it is
    common words side by side (民生|改革 is no 民主改革), or when the character kept beside the
    changed one is a function word (增收|之|问, 时代|之|问: no 之间) — unless the changed character
    is itself too rare to be meant (祟|尚: 崇尚)."""
    if len(pieces) >= 2 and all(len(p) >= 2 and lexicon.frequency(p) >= COMMON_WORD for p in pieces):
        return True
    return (
        len(span) == 2
        and any(a == b and a in GRAMMAR for a, b in zip(span, word, strict=True))
        and all(lexicon.frequency(a) >= RARE_IDIOM_CHARACTER for a, b in zip(span, word, strict=True) if a != b)
    )


def _rare_phrase_misspelt(
    lexicon: Lexicon, span: str, pieces: list[str], word: str, span_freq: int, word_freq: int
) -> bool:
    """Rule 4 for set phrases: a four-character dictionary word seen at most RARE_WORD times —
    jieba's corpus had the slip too (集思广议 3, 并驾齐躯 3, 家谕户晓 3) — where one character
    of the very same sound gives a phrase ten times commoner (集思广益 33); not where the span is
    two common words (职业资格)."""
    if len(span) != 4 or len(pieces) != 1 or not 0 < span_freq <= RARE_WORD:
        return False
    if lexicon.frequency(span[:2]) >= COMMON_WORD and lexicon.frequency(span[2:]) >= COMMON_WORD:
        return False  # two common words make a term of their own (职业|资格, not 执业资格)
    changed = [(a, b) for a, b in zip(span, word, strict=True) if a != b]
    if len(changed) != 1:
        return False
    if word_freq >= max(COMMON_WORD, 10 * span_freq) and lexicon.sounds_alike(*changed[0], tone=True):
        return True
    # A set phrase of the dictionary with one character drawn alike, jieba's slip seen at its floor of
    # three (克已奉公 3 against 克己奉公 13): the idiom, however rare, is what was meant.
    a, b = changed[0]
    return (
        span_freq <= JIEBA_FLOOR
        and (word in lexicon.idioms or word_freq >= IDIOM_SEEN)
        and word_freq >= IDIOM_RATIO * (span_freq + 1)
        and b in lexicon.shapes.look_alike.get(a, ())
    )


# The count jieba gives the rarest words of its dictionary (its corpus's slips among them).
JIEBA_FLOOR = 3

# An idiom this many times commoner than its look-alike slip in jieba's counts; a set phrase of
# four characters jieba saw this often counts as one (克己奉公 13, untagged).
IDIOM_RATIO = 3
IDIOM_SEEN = 10


def _free_changed(lexicon: Lexicon, span: str, word: str) -> bool:
    """Is a character the correction changes one that is often a word on its own (极, 以, 对)?"""
    return any(a != b and lexicon.frequency(a) >= FREE_CHARACTER for a, b in zip(span, word, strict=True))


# A word jieba saw this often is an everyday word any report may write (策略, 执政), though the
# reports we counted happen not to: on a million characters of published text, 1,500 cost one
# false alarm where 200 cost thirty-five.
EVERYDAY_WORD = 1500

# A word official text (rule 12's counts of laws, regulations and reports) writes this often is one
# a report may write (查阅 725, 复审 350, 汇编 70), though the reports counted word by word do not.
OFFICIAL_WORD = 30


def report_like(lexicon: Lexicon, word: str) -> bool:
    """Is ``word`` one a report would write: one published reports use (report_words.txt), one 机关
    reports use (report_vocabulary.txt), one of our 政务 words or the office's, one official text
    writes, an everyday word, or a set phrase of four characters or more?"""
    table = counts()
    return (
        len(word) >= 4
        or data.report_word_counts()(word) >= REPORT_SEEN
        or word in lexicon.known
        or word in data.report_vocabulary()
        or lexicon.frequency(word) >= EVERYDAY_WORD
        or (table is not None and table.word(word) >= OFFICIAL_WORD)
    )


# A span official text (rule 12's counts of laws, regulations and reports) writes this often, as a
# word or as the same two pieces side by side, is meant as written. On 430,000 characters of
# local reports this dropped 16 guesses, 15 of them false alarms, for 1 of 480 random slips.
OFFICIAL_SEEN = 3
