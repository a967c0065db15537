"""Two loose characters (jieba cut each alone) that are no word: rules 6–8 of :mod:`core.proofread.slips`
and the signs that the two belong together as written.

A slip cuts a word into debris: 磋|伤 for 磋商. Each rule names one more sign that the pair is
debris rather than a terse coinage of a published report (综|试|区, 由|降|转|升): the corrected word
is one reports write beside a neighbour (rule 6), or one character is a bound morpheme that cannot
stand alone (rule 7).
"""

from __future__ import annotations

from collections.abc import Iterable

from core.proofread import data
from core.proofread.lexicon import Lexicon

# Numerals and function words: typed on purpose, and words of their own beside anything.
GRAMMAR = frozenset(
    "〇零一二三四五六七八九十百千万亿两第之的地得是以在要也就对于与和及暨既已等了着过被把将从向为而并或即则但却都又还更很不没这那其此各每所到由仍均亦尚"
)
# Rule 6: a correction that makes a word reports write next to a neighbour, when the word is at
# least this common; numerals are typed on purpose.
COLLOCATED_WORD = 20
NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两第余")  # 余: 十余期, XX余人
# Measure words: after a numeral they begin a count (15个新项目, 十个新优势), not a slip (革新).
MEASURES = frozenset("个件项次条批处户名位家座所间张份套台辆本篇首封场轮期种类届")
# Levels of government, by their characters (镇、村干部; 县乡级河长; 县苗圃); WIDE_LEVELS adds the
# nation and the units of minority regions (国, 州, 盟, 旗), whose exchange makes another name too.
LEVELS = frozenset("省市县区乡镇村")
WIDE_LEVELS = LEVELS | frozenset("国州盟旗")
# Rule 7: a character jieba saw less often than this on its own is a bound morpheme (磋, 韧, 绩):
# loose in the text, it is debris of a slip; the word it belongs to must be this common.
LONE_BOUND_CHARACTER = 500
BOUND_TARGET = 50
# A correction by sound alone must be a word the reports wrote (the list keeps words seen at
# least 3 times).
REPORT_SEEN = 3
REPORT_COMMON = 100


def collocated(
    lexicon: Lexicon, span: str, candidates: Iterable[str], before: str, after: str
) -> tuple[str, str] | None:
    """Rule 6: two loose characters (no word, no pair reports write) where one character that
    sounds alike in any tone, or looks alike, makes a word that reports, or official text at
    large, write next to the word before or after (就|叶|创业: 就业 创业; 遂|项|梳理: 逐项 梳理)."""
    if lexicon.frequency(span) or set(span) & NUMERALS:
        return None
    found: tuple[str, str] | None = None
    for word in candidates:  # the loose span's: sound, blurred sound and shape
        changed = [(a, b) for a, b in zip(span, word, strict=True) if a != b]
        if len(changed) != 1 or set(changed[0]) & GRAMMAR or lexicon.frequency(word) < COLLOCATED_WORD:
            continue  # a function word or numeral is typed on purpose (这是|可以 is no 不可)
        if not lexicon.sounds_or_looks_alike(*changed[0]):
            continue
        near = lexicon.sounds_near(*changed[0])
        pairs = data.report_collocations()
        fits = (before and f"{before} {word}" in pairs) or (after and f"{word} {after}" in pairs) or _written_beside(word, before, after)
        if fits and (found is None or lexicon.frequency(word) > lexicon.frequency(found[0])):
            found = (word, "音近" if near else "形近")
    return found


# ... or that official text at large (rule 12's counts of laws, regulations and reports) writes
# beside a neighbour of two characters or more this often (的, 和 go with anything: 提|气|的 is
# no 提起 for 提起的).
WRITTEN_BESIDE = 5


def _written_beside(word: str, before: str, after: str) -> bool:
    from core.proofread.official_counts import counts

    table = counts()
    return table is not None and table.beside(word, before, after) >= WRITTEN_BESIDE


def beside_bound_character(lexicon: Lexicon, span: str, candidates: Iterable[str]) -> tuple[str, str] | None:
    """Rule 7: two loose characters, one of them a bound morpheme that jieba hardly ever saw as a
    word alone (磋, 韧, 绩, 介): it cannot stand there, so one character of the pair is a slip
    when changing it to one that sounds alike in any tone, or looks alike, makes a dictionary word
    (磋|伤 → 磋商, 绩|郊 → 绩效, 化|介 → 化解). The words a bound character starts are
    candidates too (韧|形 → 韧性, rarer than the words the blurred sound index keeps)."""
    if lexicon.frequency(span) or set(span) & (NUMERALS | GRAMMAR):
        return None
    if min(lexicon.frequency(ch) for ch in span) >= LONE_BOUND_CHARACTER:
        return None
    pool = set(candidates)
    if lexicon.frequency(span[0]) < LONE_BOUND_CHARACTER:
        pool.update(w for w in lexicon.freq.trie.iterkeys(span[0]) if len(w) == 2)
    found: tuple[str, str] | None = None
    for word in pool:
        changed = [(a, b) for a, b in zip(span, word, strict=True) if a != b]
        if len(changed) != 1 or set(changed[0]) & GRAMMAR or lexicon.frequency(word) < BOUND_TARGET:
            continue
        if not lexicon.sounds_or_looks_alike(*changed[0]):
            continue
        near = lexicon.sounds_near(*changed[0])
        if found is None or lexicon.frequency(word) > lexicon.frequency(found[0]):
            found = (word, "音近" if near else "形近")
    return found


# A longer word must have been seen this often to vouch for its start (西引荆, seen twice, is a
# place name that says nothing of 西|引 in 鼓励西引青年).
LONGER_WORD_SEEN = 5


def starts_longer_word(lexicon: Lexicon, span: str) -> bool:
    """Is ``span`` no word but the start of a longer dictionary word (无房 in 无房户)? Then its
    characters belong together; a slip's characters seldom begin any word."""
    if lexicon.frequency(span):
        return False
    return any(lexicon.frequency(word) >= LONGER_WORD_SEEN for word in lexicon.freq.trie.iterkeys(span))
