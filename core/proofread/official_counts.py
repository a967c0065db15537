"""How often official text writes each word and each two words side by side.

The counts (context_pairs.marisa, made by scripts/build_context_pairs.py from China's published
laws and regulations and from published 政府工作报告, some 18 million characters) are what rule
12 (:mod:`core.proofread.context_words`) judges a real word by, what the particle rules choose
的, 地 or 得 by, and what many rules ask before they raise a guess official text writes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache

from core.proofread import data

PAIRS_FILE = "context_pairs.marisa"
# The record under which the file keeps how many words it counted in all.
TOTAL_KEY = "Σ"
# How much a word's own frequency counts against the pair counts (additive smoothing mass).
SMOOTHING = 50.0


# At most this many counts remembered (under 1 MB): most repeats come soon after.
_COUNTS_KEPT = 5_000


@dataclass(frozen=True)
class ContextCounts:
    """How often official text writes a word, and two words side by side ("各项 事业")."""

    records: object  # marisa_trie.RecordTrie("<I"), memory-mapped
    total: int
    # The counts asked for lately: a draft asks for the same words and pairs again and again (on
    # the seeds two lookups in three repeat one), each a walk down the trie.
    asked: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def count(self, key: str) -> int:
        found = self.asked.get(key)
        if found is None:
            if len(self.asked) >= _COUNTS_KEPT:
                self.asked.clear()
            records = self.records.get(key)  # type: ignore[attr-defined]
            found = self.asked[key] = records[0][0] if records else 0
        return found

    def word(self, word: str) -> int:
        return self.count(word)

    def pair(self, first: str, second: str) -> int:
        return self.count(f"{first} {second}")

    def beside(self, word: str, before: str, after: str) -> int:
        """How often official text writes ``word`` right after ``before`` plus right before
        ``after``; a neighbour of one character (的, 和: they go with anything) counts nothing."""
        return (self.pair(before, word) if len(before) >= 2 else 0) + (self.pair(word, after) if len(after) >= 2 else 0)

    def company(self, word: str, before: str, after: str, shortest: int = 1) -> int:
        """How often official text writes ``word`` right after ``before`` or right before ``after``,
        whichever is more; neighbours shorter than ``shortest`` characters ("" for none) count 0."""
        return max(
            self.pair(before, word) if len(before) >= max(1, shortest) else 0,
            self.pair(word, after) if len(after) >= max(1, shortest) else 0,
        )

    def association(self, first: str, second: str) -> float:
        """How much more often official text writes ``first second`` side by side than chance
        would put them there (the log of observed over expected): 惠 企 7.4, 县 和 −1.6."""
        expected = (self.word(first) + 1) * (self.word(second) + 1) / self.total
        return math.log((self.pair(first, second) + 0.5) / expected)

    def following(self, word: str, before: str) -> float:
        """log P(word | the word before), smoothed towards the word's own frequency."""
        own = (self.word(word) + 0.5) / self.total
        return math.log((self.pair(before, word) + SMOOTHING * own) / (self.word(before) + SMOOTHING))

    def fit(self, word: str, before: str, after: str) -> float:
        """log-probability of ``word`` between ``before`` and ``after`` ("" where none)."""
        score = self.following(word, before) if before else math.log((self.word(word) + 0.5) / self.total)
        return score + (self.following(after, word) if after else 0.0)


@cache
def counts() -> ContextCounts | None:
    """The shipped counts, memory-mapped (a few MB read as pages are touched); None without them."""
    import marisa_trie

    path = data.shipped_dir() / PAIRS_FILE
    if not path.exists():
        return None
    records = marisa_trie.RecordTrie("<I").mmap(str(path))
    found = records.get(TOTAL_KEY)
    if not found:
        return None
    return ContextCounts(records, found[0][0])
