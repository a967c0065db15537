"""A series official text always writes in one order, written in another (政治领悟力、政治判断力、
政治执行力 → 政治判断力、政治领悟力、政治执行力; 务实、为民、清廉 → 为民、务实、清廉; of two items,
牢记使命、不忘初心 → 不忘初心、牢记使命).

The counts (:mod:`core.proofread.phrase_counts`) keep how often official text writes each three
items side by side in a list joined by 顿号, for the lists whose items it writes together at least
SERIES_KEPT times in their most usual order. Three items written in an order official text writes
at most ONE_IN of the times it writes the usual one are flagged. Ordinary lists (教育、医疗、养老)
are written in several orders, so none of theirs is rare enough to flag.

:mod:`core.proofread.formulations` and :mod:`core.proofread.partial_series` find the series of our
formulations reordered; this finds the others official text fixes by use.

Two items joined by the one 顿号 of their clause are counted for each length from SHORTEST_PAIRED to
LONGEST_ITEM (the clause's words before and after the mark, that long): a pair official text writes
PAIR_KEPT times or more one way round and at most ONE_IN of that the other is flagged. The bar is
higher than for three items: a habit of two (机关、单位, 284 times against 3) is no formulation. Two
whole items of unlike length side by side in a longer list are counted and read the same way
(国家主席、中共中央总书记、中央军委主席 → 中共中央总书记、国家主席: the lists of three keep items of one
length only).

A series official text writes without marks (德智体美劳, 山水林田湖草, 专精特新, 共建共治共享) is a run of
characters the counts keep too: two of its characters written in each other's place, side by side
or one apart, leave four characters official text never writes where the two put back make four it
writes SWAPPED_USUAL times, and the windows of three and four holding them are written more often
so on the whole (the log ratios summed at least SWAP_GAIN). Left alone: numerals (十三届一次 is no
十一届三次), and two characters side by side that are a word of their own (理清工作 is no slip of
清理工作).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator

from core.proofread.hits import Hit
from core.proofread.lexicon import Lexicon
from core.proofread.loose_pairs import NUMERALS
from core.proofread.phrase_counts import PhraseCounts, han_runs, phrase_counts

SOURCE = "各级政府工作报告、法律法规和新闻联播的写法"
# Items joined by 顿号; the first may end and the last begin a longer run of text.
_RUN = re.compile(r"[\u4e00-\u9fff]+(?:、[\u4e00-\u9fff]+){2,}")
SHORTEST_ITEM, LONGEST_ITEM = 2, 6
# An order is rare when official text writes it at most this share of the usual one's times.
ONE_IN = 50
PAIR_KEPT = 50
# Items of two or three characters pair by habit (机关、单位; 各部门、各单位), formulations by four.
SHORTEST_PAIRED = 4
# Two whole items of a longer list of unlike length (国家主席、中共中央总书记) are counted up to this long.
LONGEST_WHOLE_ITEM = 10
# A clause: the text between marks that end one (a 顿号 does not), and quotation marks and brackets.
_CLAUSE = re.compile(r"[^，。；：！？\n（）()“”《》]+")
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")
# Two characters swapped: the four with them put back are written this often, and the windows of
# three and four around them gain e^SWAP_GAIN. On the development sets' 1,650 planted slips and
# 570,000 characters of local reports, 28 found four series (专精特新, 共建共治, 山水林田湖草,
# 德智体美劳) and nothing else; the highest of the rest was 27 (理清工作, which the word guard drops).
SWAPPED_USUAL = 100
SWAP_GAIN = 28.0
# A series near the end of its run has fewer windows to sum (坚持德智美体劳。 e^26): a lower bar there
# (e^20 at e^4 a window) also flagged a local report's own 高质优效 (优质高效), so it is left at that.
# Two characters side by side that jieba counts this often as a word are written as meant (理清, 产地).
WORD_OF_ITS_OWN = 50
# The places in a window of four of the two characters swapped: side by side, or one between.
_SWAPS = ((0, 1), (1, 2), (2, 3), (0, 2), (1, 3))


def series_lists(text: str) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Each list of three items or more joined by 顿号, with where its first item starts.

    The items between two marks set the list's item length; a list whose inner items differ in
    length is not read (where its first and last item begin and end is not known). The first
    item is the end of the text before the first mark, the last the start of the text after the
    last, as long as the inner ones: 全面增强获得感、幸福感、安全感 → 获得感、幸福感、安全感."""
    for match in _RUN.finditer(text):
        pieces = match.group().split("、")
        size = len(pieces[1])
        if not SHORTEST_ITEM <= size <= LONGEST_ITEM or any(len(piece) != size for piece in pieces[1:-1]):
            continue
        if len(pieces[0]) < size or len(pieces[-1]) < size:
            continue
        yield match.start() + len(pieces[0]) - size, (pieces[0][-size:], *pieces[1:-1], pieces[-1][:size])


def windows(items: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The list's items three by three, side by side: what the counts keep of a list."""
    return [items[at : at + 3] for at in range(len(items) - 2)]


def pairs(text: str) -> Iterator[tuple[int, str, str]]:
    """Each two items joined by the one 顿号 of their clause, at each length that both sides have,
    from SHORTEST_PAIRED characters up, with where the first starts: 全面推进民族复兴、强国建设伟业 →
    (民族复兴, 强国建设), (进民族复兴, 强国建设伟) …"""
    for match in _CLAUSE.finditer(text):
        clause = match.group()
        if clause.count("、") != 1:
            continue
        first, second = clause.split("、")
        if not (_HAN_ONLY.fullmatch(first) and _HAN_ONLY.fullmatch(second)):
            continue
        for size in range(SHORTEST_PAIRED, min(LONGEST_ITEM, len(first), len(second)) + 1):
            yield match.start() + len(first) - size, first[-size:], second[:size]


def whole_pairs(text: str) -> Iterator[tuple[int, str, str]]:
    """Two items of unlike length side by side in a list of three or more joined by 顿号, each whole
    between its marks, of SHORTEST_PAIRED to LONGEST_WHOLE_ITEM characters, with where the first
    starts: 1月12日，国家主席、中共中央总书记、中央军委主席习近平… → (国家主席, 中共中央总书记). The last
    piece is left out, for it may run on past its item (中央军委主席习近平); items of one length are
    the lists of three's."""
    for match in _CLAUSE.finditer(text):
        pieces = match.group().split("、")
        if len(pieces) < 3:
            continue
        start = match.start()
        for first, second in itertools.pairwise(pieces[:-1]):
            if (
                len(first) != len(second)
                and all(SHORTEST_PAIRED <= len(item) <= LONGEST_WHOLE_ITEM and _HAN_ONLY.fullmatch(item) for item in (first, second))
            ):
                yield start, first, second
            start += len(first) + 1


def pairs_out_of_order(text: str) -> Iterator[Hit]:
    if "、" not in text:
        return
    counts = phrase_counts()
    if counts is None:
        return
    last_end = -1
    for start, first, second in sorted((*pairs(text), *whole_pairs(text))):
        usual_count = counts.count(series_key((second, first)))
        written = counts.count(series_key((first, second)))
        if start < last_end or usual_count < PAIR_KEPT or written * ONE_IN > usual_count:
            continue
        last_end = start + len(first) + 1 + len(second)
        yield _out_of_order(start, (first, second), (second, first), usual_count, written)


def series_key(items: tuple[str, ...]) -> str:
    return "、".join(items)


def series_out_of_order(text: str) -> Iterator[Hit]:
    if "、" not in text:
        return
    counts = phrase_counts()
    if counts is None:
        return
    for first, items in series_lists(text):
        size = len(items[0]) + 1  # an item and its mark
        at = 0
        while at < len(items) - 2:
            window = items[at : at + 3]
            usual, usual_count = _usual_order(counts, window)
            written = counts.count(series_key(window))
            if usual is None or usual == window or written * ONE_IN > usual_count:
                at += 1
                continue
            mended = (*items[:at], *usual, *items[at + 3 :])
            if all(_written_so(counts, other) for other in windows(mended)):
                # (法治、清廉、务实、为民 mended to 法治、为民、务实、清廉 would begin with 法治、为民、务实,
                # which no series has: a list of its own, which only holds the series' items.)
                yield _out_of_order(first + at * size, window, usual, usual_count, written)
                at += 3
            else:
                at += 1


def _written_so(counts: PhraseCounts, window: tuple[str, ...]) -> bool:
    """Is ``window`` a series official text writes in this order, and not seldom?"""
    usual, usual_count = _usual_order(counts, window)
    return usual is not None and counts.count(series_key(window)) * ONE_IN > usual_count


def _usual_order(counts: PhraseCounts, items: tuple[str, ...]) -> tuple[tuple[str, ...] | None, int]:
    """The order official text writes three items in most, and how often; None for items it does
    not keep as a series (the counts keep only those written SERIES_KEPT times), or with one twice."""
    if len(set(items)) < len(items):
        return None, 0
    usual, usual_count = max(((order, counts.count(series_key(order))) for order in itertools.permutations(items)), key=lambda pair: pair[1])
    return (usual, usual_count) if usual_count else (None, 0)


def characters_swapped(text: str, lexicon: Lexicon) -> Iterator[Hit]:
    """Two characters of a series official text writes without marks, each in the other's place."""
    counts = phrase_counts()
    if counts is None:
        return
    for offset, run in han_runs(text, shortest=4):
        start = 0
        while start <= len(run) - 4:
            found = None if counts.count(run[start : start + 4]) else _swapped_back(counts, lexicon, run, start)
            if found is None:
                start += 1
                continue
            one, other = found
            mended = run[:one] + run[other] + run[one + 1 : other] + run[one] + run[other + 1 :]
            # Shown: the four holding both that official text writes most, mended (专精特新, not 家级专精).
            shown = max(range(max(0, other - 3), min(one, len(run) - 4) + 1), key=lambda at: counts.count(mended[at : at + 4]))
            written, usual = run[shown : shown + 4], mended[shown : shown + 4]
            yield Hit(
                offset + shown,
                offset + shown + 4,
                usual,
                f"“{written}”的字序与通行写法不同：公文写作“{usual}”（政府工作报告、法律法规和新闻联播中写了{counts.count(usual)}次），几乎不写“{written}”。",
                f"改为“{usual}”。",
                SOURCE,
            )
            start = other + 1


def _swapped_back(counts: PhraseCounts, lexicon: Lexicon, run: str, start: int) -> tuple[int, int] | None:
    """Where in ``run`` two characters of the window of four at ``start`` stand in each other's place,
    official text writing them the other way round (see SWAP_GAIN), or None."""
    window = run[start : start + 4]
    for first, second in _SWAPS:
        one, other = window[first], window[second]
        if one == other or one in NUMERALS or other in NUMERALS:
            continue
        if second == first + 1 and lexicon.frequency(one + other) >= WORD_OF_ITS_OWN:
            continue
        swapped = window[:first] + other + window[first + 1 : second] + one + window[second + 1 :]
        if counts.count(swapped) < SWAPPED_USUAL:
            continue
        mended = run[:start] + swapped + run[start + 4 :]
        # Summed over the windows holding either character, the ones that lose included (共建共享 of
        # 共治共建共享 is a run of its own): the series as a whole must be what official text writes.
        gain = sum(
            math.log((counts.count(mended[at : at + size]) + 1) / (counts.count(run[at : at + size]) + 1))
            for size in (3, 4)
            for at in range(max(0, start + first - size + 1), min(start + second, len(run) - size) + 1)
        )
        if gain >= SWAP_GAIN:
            return start + first, start + second
    return None


def _out_of_order(start: int, items: tuple[str, ...], usual: tuple[str, ...], usual_count: int, written: int) -> Hit:
    shown = series_key(usual)
    return Hit(
        start,
        start + len(series_key(items)),
        shown,
        f"“{series_key(items)}”的次序与通行写法不同：公文写作“{shown}”（政府工作报告、法律法规和新闻联播中写了{usual_count}次，这个次序{written}次）。",
        f"改为“{shown}”。",
        SOURCE,
    )
