"""A term of ours with one character slipped, wherever jieba cut the text (新长态 for 新常态: jieba
reads 新|长|态, three loose characters, and the slip rules, which work on its pieces, see no word to
put right).

Our terms are the words of words.txt and the office's of three to six characters: set phrases and
the names of policies, industries and procedures that jieba's dictionary lacks or barely counts.
Every window of a run of Han characters as long as one of them is compared with them one character
away (a mask per place, built once for the words the lexicon holds); a window is flagged when

* it is no word of jieba's or ours itself, and lies inside none of our words;
* the character written sounds like the term's (any tone, n/ng, z/zh blurred) or looks like it;
* it makes no common word with the character before or after it in the text (the rule the idioms
  keep), nor is it a common character at the window's edge (省|农科, 上|保障: the word beside's);
* and it is no coined name in a short quotation (打造“邻距离”供销商超: a pun on 零距离).

The idioms of jieba's that are not ours are :mod:`core.proofread.idiom_windows`'.
"""

from __future__ import annotations

from collections.abc import Iterator

import marisa_trie

from core.proofread import data, sounds
from core.proofread.hits import HAN_RUN, Hit
from core.proofread.idiom_windows import makes_a_word
from core.proofread.lexicon import Lexicon
from core.proofread.loose_pairs import WIDE_LEVELS

SHORTEST, LONGEST = 3, 6
SOURCE = "公文常用术语和固定说法（本软件整理的政务词表）"

# The masks of the terms last read, with what one slip leaves of them whole to look up first (the
# first two characters, the last two, or a term of three's first and last): (the ``known`` set they
# were made from, {masked window: terms}, anchors). Most windows of a draft share no anchor.
_Index = tuple["marisa_trie.BytesTrie", frozenset[str]]
_index_of: tuple[frozenset[str], _Index] | None = None


def _index(known: frozenset[str]) -> _Index:
    global _index_of
    if _index_of is None or _index_of[0] is not known:
        masks: dict[str, list[str]] = {}
        anchors: set[str] = set()
        for term in known:
            if SHORTEST <= len(term) <= LONGEST and HAN_RUN.fullmatch(term):
                for at in range(len(term)):
                    masks.setdefault(term[:at] + "?" + term[at + 1 :], []).append(term)
                anchors |= _anchors(term)
        # a trie of masked window → terms (UTF-8): some 12,000 masks in a few hundred KB, where a dict
        # of tuples held 2.5 MB for as long as the app runs
        trie = marisa_trie.BytesTrie((mask, term.encode("utf-8")) for mask, terms in masks.items() for term in terms)
        _index_of = (known, (trie, frozenset(anchors)))
    return _index_of[1]


def _anchors(window: str) -> set[str]:
    size = len(window)
    found = {f"{size}<{window[:2]}", f"{size}>{window[-2:]}"}
    if size == SHORTEST:
        found.add(f"{size}|{window[0]}{window[-1]}")
    return found


def _alike(lexicon: Lexicon, written: str, meant: str) -> bool:
    """Does ``meant`` sound like ``written`` in any of their readings (长 is cháng too), or look like it?"""
    if meant in lexicon.shapes.similar.get(written, ()):
        return True
    heard = {sounds.blurred(r) for r in lexicon.readings.plain_readings(written)}
    return any(sounds.blurred(r) in heard for r in lexicon.readings.plain_readings(meant))


# A character jieba counts this often stands alone or ends or begins the word beside it (上, 从, 省).
COMMON_CHARACTER = 10000
# A quotation this short around the window names a thing coined on purpose (打造“邻距离”供销商超).
_COINED_NAME = 10


def _in_a_coined_name(text: str, start: int, end: int) -> bool:
    opened = text.rfind("“", max(0, start - _COINED_NAME), start + 1)
    closed = text.find("”", end - 1, end + _COINED_NAME)
    return opened != -1 and closed != -1 and "”" not in text[opened:start] and closed - opened <= _COINED_NAME + 1


def term_slips(text: str, lexicon: Lexicon) -> Iterator[Hit]:
    masks, anchors = _index(lexicon.known)
    if not len(masks):
        return
    for run in HAN_RUN.finditer(text):
        chars = run.group()
        for size in range(LONGEST, SHORTEST - 1, -1):
            for offset in range(len(chars) - size + 1):
                window = chars[offset : offset + size]
                if anchors.isdisjoint(_anchors(window)) or lexicon.frequency(window) or window in lexicon.known:
                    continue
                start = run.start() + offset
                for at in range(size):
                    for found in masks.get(window[:at] + "?" + window[at + 1 :], ()):
                        term = found.decode("utf-8")
                        written, meant = window[at], term[at]
                        if not _alike(lexicon, written, meant) or makes_a_word(text, start + at, lexicon):
                            continue
                        if written in WIDE_LEVELS and meant in WIDE_LEVELS:
                            continue  # 整乡推进 beside 整县推进: a term said of another level, no slip
                        if at in (0, size - 1) and lexicon.frequency(written) >= COMMON_CHARACTER:
                            continue  # 省|农科, 上|保障, 从|大项目: a common character at the edge is the word beside's
                        if _in_a_coined_name(text, start, start + size):
                            continue
                        if data.inside_known_word(text, start, start + size):
                            continue
                        yield Hit(
                            start,
                            start + size,
                            term,
                            f"“{window}”不是常用词语，音近形近的常用说法是“{term}”，可能是错别字。",
                            f"如是“{term}”，改为“{term}”；如是专名或本单位用语，可加入本单位词表。",
                            SOURCE,
                        )
