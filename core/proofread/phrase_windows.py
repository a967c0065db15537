"""Rule 17 of :mod:`core.proofread.slips`: a character the runs of characters around it rule out.

Reports are built of set runs of characters that official text writes thousands of times
(切实可行, 乘势而上, 民生实事, 常住人口). One character slipped in such a run (民生实施, 常驻人口)
leaves a string official text never writes, often cut by jieba into real words, so the word
rules see no debris. Here the runs are counted (:mod:`core.proofread.phrase_counts`). A
character is flagged when

* a window of four characters holding it is one official text never writes (fewer than the
  counts keep), and one character put in for it — of the same syllable in any tone (what the
  input method lists under the same letters) or drawn alike (the shape tables' look-alikes) —
  makes a window it writes at least MASKED times;
* over all the windows of three and of four characters that hold it, official text writes the
  changed text far more often than the written one (the sum of the log ratios at least
  MIN_GAIN), and in none of them the written one more often;
* the character written is a common one (a slip types what the input method offers; a rare or
  traditional character is the copy's), it is no grammatical word (及, 暨, 和: chosen, not
  slipped), neither it nor the one meant is a numeral, and 做 and 作 (做报告 and 作报告 are both
  published) are left alone;
* the character is in no word of two among the commonest (形式, 地区: chosen; which of 形式 and
  形势 is meant is the word rules' to read), and the change makes no word official text uses alike
  (其它 → 其他, 检测 → 监测: :func:`core.proofread.context_words.interchangeable`) — unless the
  change makes a window official text writes at least OVERWHELMING_RUN times by a gain of
  OVERWHELMING_GAIN, which no choice between such words explains (推进县城经济 → 县域经济, 3,844
  times against none; 县城 and 县域 are otherwise written alike);
* the characters around it are no name, none of our or the office's words, and not a run of two
  or three the paragraph writes twice (a term or coinage it means); the report-wide filter of guesses
  (:func:`core.proofread.plausibility.repeated_spans`) applies to it as well.

On 570,000 characters of published local reports it added one finding to the other rules' (累计
written 累积, a slip of the published text); on 540 slips planted in published sentences (nine sets,
read whole as one report each) it found 2 the other rules missed, on random same-sound slips in the
seed reports one or two in 240.
"""

from __future__ import annotations

from collections.abc import Iterator

from core.proofread.context_words import interchangeable
from core.proofread.hits import Hit
from core.proofread.lexicon import Lexicon
from core.proofread.loose_pairs import GRAMMAR, NUMERALS
from core.proofread.phrase_counts import PhraseCounts, han_runs, phrase_counts

# The sum of log(changed + 1)/(written + 1) over the windows of three and four holding the
# character: e^20. In the first trial (before the guards below, on 600 random same-sound slips
# planted in the development bodies and those bodies' 570,000 characters as written) 18 raised 4
# findings more than 20 for 7 more slips, 25 lost 12 slips for 8 findings fewer; a mean per window
# instead (so that a slip at a run's end, with two windows, counts alike) raised four times the
# findings for a few more slips.
MIN_GAIN = 20.0
# A character official text writes fewer times than this is no common one: a copy's traditional
# or rare character, not what an input method offers for a common word.
COMMON_CHARACTER = 200
# A word of two jieba counts this often (形式 15,000, 地区 40,000) is written on purpose; the slips
# this rule finds in real words are in rarer ones (积聚 320, 县城 1,500, 检察 2,500).
VERY_COMMON_WORD = 5000
# ... unless the change makes a window of four official text writes this often and the runs around
# gain e^25: on the development sets one slip more (县城经济 → 县域经济) and nothing else on 570,000
# characters of local reports; 200 and e^20 raised three alarms on the sentences set right.
OVERWHELMING_RUN = 1000
OVERWHELMING_GAIN = 25.0
# Characters used one for the other in published reports (做报告 and 作报告, 做出 and 作出).
USED_ALIKE = frozenset("做作")
SOURCE = "依据公文、法律法规和新闻联播文本中的常用字串推断，常用词见《现代汉语词典》"


def _meant_as_written(lexicon: Lexicon, text: str, at: int) -> bool:
    """Is the character at ``at`` part of a name, one of our or the office's words, or a run of two
    or three around it the paragraph writes twice (检察 in a procuratorate's paragraph: 检察开放日,
    检察长, 监督检察工作)?"""
    for start in range(max(0, at - 3), at + 1):
        for end in range(max(at + 1, start + 2), min(len(text), start + 4) + 1):
            word = text[start:end]
            if word in lexicon.names or word in lexicon.known:
                return True
    return any(
        len(run) == size and text.count(run) > 1
        for size in (2, 3)
        for run in (text[start : start + size] for start in range(max(0, at - size + 1), at + 1))
    )


def _words_of_two(run: str, at: int, meant: str) -> Iterator[tuple[str, str]]:
    """Each word of two holding the character at ``at``, as written and with ``meant`` put in."""
    for start in (at - 1, at):
        if start >= 0 and start + 2 <= len(run):
            word = run[start : start + 2]
            yield word, word[: at - start] + meant + word[at - start + 1 :]


def _in_a_very_common_word(lexicon: Lexicon, run: str, at: int, meant: str) -> bool:
    """Is the character in a word of two that is one of the commonest (形式: the clerk chose it, and
    which of 形式 and 形势 is meant is for the word rules to read)?"""
    return any(lexicon.frequency(word) >= VERY_COMMON_WORD for word, _ in _words_of_two(run, at, meant))


def _makes_a_word_used_alike(run: str, at: int, meant: str) -> bool:
    """Would the change make a word official text uses alike (其它 → 其他, 检测 → 监测)?"""
    alike = interchangeable()
    return any(frozenset((word, changed)) in alike for word, changed in _words_of_two(run, at, meant))


def _overwhelming(counts: PhraseCounts, run: str, at: int, meant: str, gain: float) -> bool:
    """Does official text write a window of four with ``meant`` so often, and the runs around so
    much more, that even a common word's character is a slip (推进县城经济 → 县域经济, 3,844 times)?"""
    if gain < OVERWHELMING_GAIN:
        return False
    starts = range(max(0, at - 3), min(at, len(run) - 4) + 1)
    return any(counts.count(run[start:at] + meant + run[at + 1 : start + 4]) >= OVERWHELMING_RUN for start in starts)


def _may_be_meant(lexicon: Lexicon, written: str, meant: str) -> bool:
    """Would a slip put ``written`` for ``meant``: of the same syllable in any tone (the input
    method's list), or drawn like it (the shape tables' look-alikes; a character of the same
    phonetic series only where it also sounds alike, which the first covers)?"""
    return meant in lexicon.same_sound(written) or lexicon.shapes.looks_alike(written, meant)


def _candidates(counts: PhraseCounts, lexicon: Lexicon, run: str) -> Iterator[tuple[int, str]]:
    """(place in ``run``, character meant) for every character a window official text never writes
    would, changed, make one it writes often."""
    seen: set[tuple[int, str]] = set()
    for start in range(len(run) - 3):
        window = run[start : start + 4]
        if counts.count(window):
            continue
        for at in range(4):
            fills = counts.fills(window, at)
            if not fills:
                continue
            for meant in fills:
                if (start + at, meant) not in seen and _may_be_meant(lexicon, window[at], meant):
                    seen.add((start + at, meant))
                    yield start + at, meant


def _may_be_slipped(counts: PhraseCounts, written: str, meant: str) -> bool:
    if written in GRAMMAR or written in NUMERALS or meant in NUMERALS:
        return False
    if written in USED_ALIKE and meant in USED_ALIKE:
        return False
    return counts.count(written) >= COMMON_CHARACTER


def phrase_slips(text: str, lexicon: Lexicon) -> list[Hit]:
    counts = phrase_counts()
    if counts is None:
        return []
    hits: list[Hit] = []
    for offset, run in han_runs(text, shortest=4):
        best: dict[int, tuple[float, str]] = {}
        for at, meant in _candidates(counts, lexicon, run):
            if not _may_be_slipped(counts, run[at], meant):
                continue
            gain = counts.gain(run, at, meant)
            if gain is None or gain < MIN_GAIN:
                continue
            on_purpose = _in_a_very_common_word(lexicon, run, at, meant) or _makes_a_word_used_alike(run, at, meant)
            if on_purpose and not _overwhelming(counts, run, at, meant, gain):
                continue
            if gain > best.get(at, (0.0, ""))[0]:
                best[at] = (gain, meant)
        for at, (_, meant) in sorted(best.items()):
            if not _meant_as_written(lexicon, text, offset + at):
                hits.append(_hit(counts, run, at, meant, offset))
    return hits


def _hit(counts: PhraseCounts, run: str, at: int, meant: str, offset: int) -> Hit:
    """The finding over the window of four the change makes commonest: what the clerk sees."""

    def changed(start: int) -> str:
        return run[start:at] + meant + run[at + 1 : start + 4]

    start = max(range(max(0, at - 3), min(at, len(run) - 4) + 1), key=lambda s: counts.count(changed(s)))
    window, fixed = run[start : start + 4], changed(start)
    return Hit(
        offset + start,
        offset + start + 4,
        fixed,
        f"“{window}”中的“{run[at]}”可能是“{meant}”之误：公文常写“{fixed}”，几乎不写“{window}”。",
        f"如是“{fixed}”，改为“{fixed}”；如确是“{window}”，可忽略或加入本单位词表。",
        SOURCE,
    )
