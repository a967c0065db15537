"""An idiom with one character slipped, wherever jieba cut the text (财税工作桌有成效: jieba reads
工作桌, a desk, and the slip rules, which work on its pieces, see no debris).

Every four characters of a run of Han characters that are no word are compared with the idioms
of jieba's dictionary one character away (the idiom masks of :mod:`core.proofread.sounds`); a
window is flagged when

* the idiom is one jieba saw often (MIN_IDIOM_SEEN) and not one of our own 政务 words (善作善成,
  减税降费: reports write variants of those on purpose, 善做善成, 减税减费);
* the character written sounds like the idiom's (any tone, n/ng, z/zh blurred) or looks like it;
* and it makes no common word with the character before or after it in the text, inside the
  window or outside (失业|人员 is no slip of 事业人员, 为民办实|事 none of 为民办事).

On the 2.85 million characters of the published reports this flags one span, a real slip
(北洋军伐).
"""

from __future__ import annotations

from collections.abc import Iterator

from core.proofread.hits import HAN_RUN, Hit
from core.proofread.lexicon import Lexicon

# jieba's count for an idiom to be meant (卓有成效 243); rarer ones (再进一步 74, 悬而未决 50)
# are as often another phrase's characters side by side (在进一步做好).
MIN_IDIOM_SEEN = 100
# A word this common, of the written character and its neighbour, means the text is as written.
NEIGHBOUR_WORD_SEEN = 20
SOURCE = "成语的规范写法，见《现代汉语词典》"
_SIZE = 4


def makes_a_word(text: str, at: int, lexicon: Lexicon) -> bool:
    """Does the character at ``at`` make a common word with the one before or after it?"""
    return any(
        lexicon.frequency(pair) >= NEIGHBOUR_WORD_SEEN
        for pair in (text[at - 1 : at + 1] if at > 0 else "", text[at : at + 2])
        if len(pair) == 2
    )


# The idioms' pairs of the lexicon last read, with the idioms they were taken from.
_pairs_of: tuple[object, tuple[frozenset[str], ...]] | None = None


def _idiom_pairs(lexicon: Lexicon) -> tuple[frozenset[str], ...]:
    """The two characters side by side of the four-character idioms a slip may be meant for (seen
    MIN_IDIOM_SEEN times), by where they stand (at 0, 1 and 2): a window one character off such an
    idiom keeps one such pair in place, so others are passed over without a look-up of each mask
    (most windows of a draft). Only the idioms the rule may name are read: a fifth of jieba's,
    and of the memory the pairs of all of them took (3 MB)."""
    global _pairs_of
    idioms = lexicon.idioms
    if _pairs_of is None or _pairs_of[0] is not idioms:
        fours = [idiom for idiom in idioms if len(idiom) == _SIZE and lexicon.frequency(idiom) >= MIN_IDIOM_SEEN]
        _pairs_of = (idioms, tuple(frozenset(idiom[at : at + 2] for idiom in fours) for at in range(_SIZE - 1)))
    return _pairs_of[1]


def idiom_slips(text: str, lexicon: Lexicon) -> Iterator[Hit]:
    first, middle, last = _idiom_pairs(lexicon)
    for run in HAN_RUN.finditer(text):
        for offset in range(len(run.group()) - _SIZE + 1):
            window = run.group()[offset : offset + _SIZE]
            if not (window[:2] in first or window[1:3] in middle or window[2:] in last):
                continue
            if lexicon.frequency(window) or window in lexicon.known:
                continue
            start = run.start() + offset
            for position in range(_SIZE):
                written = window[position]
                for idiom in lexicon.idioms_like(window, position):
                    meant = idiom[position]
                    if (
                        idiom == window
                        or idiom not in lexicon.idioms
                        or idiom in lexicon.known
                        or lexicon.frequency(idiom) < MIN_IDIOM_SEEN
                        or not lexicon.sounds_or_looks_alike(written, meant)
                        or makes_a_word(text, start + position, lexicon)
                    ):
                        continue
                    yield Hit(
                        start,
                        start + _SIZE,
                        idiom,
                        f"“{window}”应为成语“{idiom}”：“{written}”是“{meant}”之误。",
                        f"改为“{idiom}”。",
                        SOURCE,
                    )
