"""Rule 14 of :mod:`core.proofread.slips`: a dictionary word official text never writes.

Some slips of the input method land on a word of another register that no report means: 功业 for
工业, 会意 for 会议, 溶入 for 融入 — words the dictionary knows but that none of the 18 million
characters of laws, regulations and reports behind :mod:`core.proofread.context_words` writes.
Such a word is judged without its neighbours (it often has none worth counting: 一个|功业, 会意|。):
it is a slip where a word of exactly its sound — one character changed for another of the same
syllable and tone, what the input method lists first — is one official text writes at least
UNWRITTEN_TARGET times. Function words (总之), names and words official text uses alike are left
alone, and so is a word whose like word differs in tone (富于 fùyú beside 富裕 fùyù).
"""

from __future__ import annotations

import weakref

from core.proofread import data
from core.proofread.context_words import SOURCE, cut_runs, interchangeable, variants
from core.proofread.hits import Hit
from core.proofread.lexicon import Lexicon
from core.proofread.official_counts import ContextCounts, counts

# A word official text never writes is put right without its neighbours where the word of exactly
# its sound is written this often: on 470,000 characters of provincial 2025 and court, 人大 and 政协
# reports (none of them counted) 800 raised one false alarm (城厢, a district) and found 14 of 43
# random real-word slips the other rules missed; 300 raised 8.
UNWRITTEN_TARGET = 800


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
            hits.append(
                Hit(
                    start,
                    start + 2,
                    meant,
                    f"“{piece}”在公文和法律法规里从不出现，读音相同的“{meant}”很常用，“{piece}”可能是“{meant}”之误。",
                    f"如是“{meant}”，改为“{meant}”；如确是“{piece}”，可忽略或加入本单位词表。",
                    SOURCE,
                )
            )
    return hits


class _MeantWords:
    """What each word stands for, looked up once per word for the lexicon last used: a report repeats
    its words, and looking each up anew took a twentieth of the first pass. The lexicon is held
    weakly, so a new one (a test's, or the office's words changed) starts afresh."""

    MAX_WORDS = 50_000

    def __init__(self) -> None:
        self._lexicon: weakref.ref[Lexicon] | None = None
        self._meant: dict[str, str | None] = {}

    def lookup(self, lexicon: Lexicon, table: ContextCounts, piece: str) -> str | None:
        if self._lexicon is None or self._lexicon() is not lexicon or len(self._meant) >= self.MAX_WORDS:
            self._lexicon = weakref.ref(lexicon)
            self._meant = {}
        if piece not in self._meant:
            self._meant[piece] = _meant_for(lexicon, table, piece)
        return self._meant[piece]


_meant = _MeantWords()


def _meant_for(lexicon: Lexicon, table: ContextCounts, piece: str) -> str | None:
    content = piece in lexicon.nouns or piece in lexicon.verbs or piece in lexicon.adjectives  # no function word (总之)
    if not content or table.word(piece) or not lexicon.frequency(piece) or piece in lexicon.names:
        return None
    return _variant_written_often(lexicon, table, piece)


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
