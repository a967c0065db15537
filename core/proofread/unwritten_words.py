"""Rule 14 of :mod:`core.proofread.slips`: a dictionary word official text never writes.

Some slips of the input method land on a word of another register that no report means: 功业 for
工业, 会意 for 会议, 溶入 for 融入 — words the dictionary knows but that none of the 18 million
characters of laws, regulations and reports behind :mod:`core.proofread.context_words` writes.
Such a word is judged without its neighbours (it often has none worth counting: 一个|功业, 会意|。):
it is a slip where a word of exactly its sound — one character changed for another of the same
syllable and tone, what the input method lists first — is one official text writes at least
UNWRITTEN_TARGET times. Function words (总之), names and words official text uses alike are left
alone, and so is a word whose like word differs in tone (富于 fùyú beside 富裕 fùyù).

Its second half reads a word official text seldom writes with its neighbours instead: 凸出, 乘员 and
液态 are words of laws and standards, but 凸出政治建设, 对乘员单位进行增补 and 新领域新液态 are slips
where the like word is written far more often and :mod:`core.proofread.phrase_counts`' runs
around the word are written with it (突出政治, 成员单位, 新业态); 结核病 and 与智利 stay.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

from core.proofread import data
from core.proofread.context_words import SOURCE, cut_runs, interchangeable, variants
from core.proofread.hits import Hit
from core.proofread.lexicon import Lexicon
from core.proofread.official_counts import ContextCounts, counts
from core.proofread.phrase_counts import PhraseCounts, phrase_counts

_Found = TypeVar("_Found")

# A word official text never writes is put right without its neighbours where the word of exactly
# its sound is written this often: on 470,000 characters of provincial 2025 and court, 人大 and 政协
# reports (none of them counted) 800 raised one false alarm (城厢, a district) and found 14 of 43
# random real-word slips the other rules missed; 300 raised 8.
UNWRITTEN_TARGET = 800


# A word official text writes seldom is a slip, judged by the runs around it, where the word of
# exactly its sound is written this often and this many times more, the runs of three and four
# around it gain e^RUNS_GAIN with it put in and one of them is then written RUN_WRITTEN times. On
# 278 random real-word slips of the seeds' sentences (random_homophone_words, seeds 21–23) these
# and the strong runs below found 39 of the 86 the other rules missed, and nothing on the same
# sentences put right.
SELDOM_TARGET = 100
SELDOM_RATIO = 30
RUNS_GAIN = 4.0
RUN_WRITTEN = 20
# ... or, where the runs gain e^STRONG_GAIN, written STRONG_RATIO times more, even a name or a word
# of no content class (提供智利支持 → 智力, 持续构件“亲”“清”政商 → 构建).
STRONG_GAIN = 20.0
STRONG_RATIO = 10


class _PerWord(Generic[_Found]):
    """What ``find`` says of each word, looked up once per word for the lexicon last used: a report
    repeats its words, and looking each up anew took a twentieth of the first pass. The lexicon is
    held weakly, so a new one (a test's, or the office's words changed) starts afresh."""

    MAX_WORDS = 50_000

    def __init__(self, find: Callable[[Lexicon, ContextCounts, str], _Found]) -> None:
        self._find = find
        self._lexicon: weakref.ref[Lexicon] | None = None
        self._found: dict[str, _Found] = {}

    def lookup(self, lexicon: Lexicon, table: ContextCounts, piece: str) -> _Found:
        if self._lexicon is None or self._lexicon() is not lexicon or len(self._found) >= self.MAX_WORDS:
            self._lexicon = weakref.ref(lexicon)
            self._found = {}
        if piece not in self._found:
            self._found[piece] = self._find(lexicon, table, piece)
        return self._found[piece]


def _meant_for(lexicon: Lexicon, table: ContextCounts, piece: str) -> str | None:
    content = piece in lexicon.nouns or piece in lexicon.verbs or piece in lexicon.adjectives  # no function word (总之)
    if not content or table.word(piece) or not lexicon.frequency(piece) or piece in lexicon.names:
        return None
    return _variant_written_often(lexicon, table, piece)


def unwritten_words(text: str, lexicon: Lexicon) -> list[Hit]:
    """Two-character dictionary words official text never writes (政制, 后背, 自决) where a word of
    exactly their sound, one character changed, is one it writes often (政治, 后备, 自觉)."""
    table = counts()
    if table is None:
        return []
    hits: list[Hit] = []
    for pieces, starts in cut_runs(text, lexicon):
        for i, piece in enumerate(pieces):
            if len(piece) != 2 or piece in lexicon.known:
                continue
            meant = _meant.lookup(lexicon, table, piece)
            start = starts[i]
            if meant is None or data.inside_known_word(text, start, start + 2):
                continue
            hits.append(_slip_of_word(start, piece, meant, f"在公文和法律法规里从不出现，读音相同的“{meant}”很常用"))
    return hits


def _slip_of_word(start: int, piece: str, meant: str, why: str) -> Hit:
    return Hit(
        start,
        start + 2,
        meant,
        f"“{piece}”{why}，“{piece}”可能是“{meant}”之误。",
        f"如是“{meant}”，改为“{meant}”；如确是“{piece}”，可忽略或加入本单位词表。",
        SOURCE,
    )


def seldom_written_words(text: str, lexicon: Lexicon) -> list[Hit]:
    """Two-character dictionary words official text seldom writes (凸出, 乘员) where a word of
    exactly their sound, one character changed, is written far more often and makes the runs
    around it ones official text writes (突出政治, 成员单位)."""
    table, runs = counts(), phrase_counts()
    if table is None or runs is None:
        return []
    hits: list[Hit] = []
    for pieces, starts in cut_runs(text, lexicon):
        run = "".join(pieces)
        for i, piece in enumerate(pieces):
            if len(piece) != 2 or piece in lexicon.known:
                continue
            # A name (智利) or a word of no content class (互连) only where the runs are overwhelming.
            plain = piece not in lexicon.names and (piece in lexicon.nouns or piece in lexicon.verbs or piece in lexicon.adjectives)
            start = starts[i]
            meant = _meant_by_the_runs(lexicon, table, runs, piece, run, start - starts[0], plain)
            if meant is None or data.inside_known_word(text, start, start + 2):
                continue
            hits.append(_slip_of_word(start, piece, meant, f"在公文里很少出现，读音相同的“{meant}”常用，公文也常这样写它前后的字"))
    return hits


def _written_far_more(lexicon: Lexicon, table: ContextCounts, word: str) -> tuple[tuple[str, int, str, bool], ...]:
    """(word, place, character, far enough) for each word of exactly ``word``'s sound, one character
    changed, that official text writes more often than ``word`` (far enough: SELDOM_RATIO times, else
    STRONG_RATIO)."""
    seen = table.word(word)
    found = []
    for candidate in variants(lexicon, word):
        changed = [(place, a, b) for place, (a, b) in enumerate(zip(word, candidate, strict=True)) if a != b]
        if len(changed) != 1 or not lexicon.sounds_alike(changed[0][1], changed[0][2], tone=True):
            continue
        if candidate in lexicon.names or frozenset((word, candidate)) in interchangeable():
            continue
        written = table.word(candidate)
        if written >= max(SELDOM_TARGET, STRONG_RATIO * seen):
            found.append((candidate, changed[0][0], changed[0][2], written >= SELDOM_RATIO * seen))
    return tuple(found)


_far_more: _PerWord[tuple[tuple[str, int, str, bool], ...]] = _PerWord(_written_far_more)


def _meant_by_the_runs(lexicon: Lexicon, table: ContextCounts, runs: PhraseCounts, word: str, run: str, at: int, plain: bool) -> str | None:
    """The word of exactly ``word``'s sound (at ``at`` of ``run``) the runs around it choose, or None;
    ``plain``: a word of a content class and no name."""
    best: tuple[float, str] | None = None
    for candidate, place_in_word, meant, far_enough in _far_more.lookup(lexicon, table, word):
        place = at + place_in_word
        gain = runs.gain(run, place, meant)
        needed = RUNS_GAIN if plain and far_enough else STRONG_GAIN
        if gain is None or gain < needed or (best is not None and gain <= best[0]):
            continue
        # A window written often with it, holding a word of its neighbours, not a particle alone
        # (突出|政治; not 的|机动 of 内心的激动: 的机动车 is written often whatever the word meant).
        windows = (
            (start, run[start:place] + meant + run[place + 1 : start + size])
            for size in (3, 4)
            for start in range(max(0, place - size + 1), min(place, len(run) - size) + 1)
        )
        if any(runs.count(window) >= RUN_WRITTEN and _holds_a_neighbour(run, start, len(window), at) for start, window in windows):
            best = (gain, candidate)
    return None if best is None else best[1]


def _holds_a_neighbour(run: str, start: int, size: int, at: int) -> bool:
    """Does the window at ``start`` hold a character of ``run`` outside the word at ``at`` (two
    characters) that is no particle (和|后备, 下沉|到 do; 的|机动 does not)?"""
    return any(run[k] not in _PARTICLES for k in range(start, start + size) if not at <= k < at + 2)


# Particles that go with any word: a window of one of them and the word says nothing of the word.
_PARTICLES = frozenset("的地得之了着过")


_meant: _PerWord[str | None] = _PerWord(_meant_for)


def _variant_written_often(lexicon: Lexicon, table: ContextCounts, word: str) -> str | None:
    """The word of exactly ``word``'s sound, one character changed, that official text writes most,
    at least UNWRITTEN_TARGET times; none where the two are used alike."""
    best: tuple[int, str] | None = None
    for candidate in variants(lexicon, word):
        changed = [(a, b) for a, b in zip(word, candidate, strict=True) if a != b]
        if len(changed) != 1 or not lexicon.sounds_alike(*changed[0], tone=True):
            continue
        if candidate in lexicon.names or frozenset((word, candidate)) in interchangeable():
            continue
        if lexicon.frequency(word) >= lexicon.frequency(candidate):
            continue  # 出主意 (主意 2,900, 主义 2,416): as common as the word it would stand for, a word of another register, not a slip
        seen = table.word(candidate)
        if seen >= UNWRITTEN_TARGET and (best is None or seen > best[0]):
            best = (seen, candidate)
    return None if best is None else best[1]
