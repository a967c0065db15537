"""How often official text writes each character and each run of three and of four Han characters.

The counts (phrase_counts.marisa, made by scripts/build_phrase_counts.py from the 政府工作报告 of
the State Council, the provinces and the cities, the five-year plans, China's laws and the
transcripts of 新闻联播 2020–2026, some 73 million characters) are what three rules read of the runs:
a slipped character in a set run (:mod:`core.proofread.phrase_windows`: 民生实施 → 民生实事), 的, 地 or
得 where the runs around it are written with another of the three (:mod:`core.proofread.particle_runs`:
稳中提质地良好局面), and two characters of a series written in each other's place
(:func:`core.proofread.series_orders.characters_swapped`: 德智美体劳). Runs of four written often are
also kept with each character hidden (切?可行 → 实), so the window of a slip finds what was meant in
one look-up. The same file keeps how often a short name is written quoted and bare
(:mod:`core.proofread.official_quotes`'s keys: “三农”工, 三农 工) and how often items of a list are
written in each order (:mod:`core.proofread.series_orders`'s: 获得感、幸福感、安全感; 国家主席、中共中央
总书记): no key of those holds only Han characters.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from core.proofread import data
from core.proofread.hits import HAN_RUN, MAX_RUN

PHRASE_FILE = "phrase_counts.marisa"
# Runs of four official text writes this often are kept with each character hidden. With
# scripts/build_phrase_counts.py's KEPT, what the file holds: 20 and 100 make it 3 MB, against 6 MB
# for 10 and 50, for one planted slip fewer in 855 (the 540 typos and 315 的地得 of nine planted
# sets) and the same findings on 570,000 characters of local reports but one (坚定不移的抓好).
MASKED = 100
# What stands for the hidden character in those keys: never a Han character.
HIDDEN = "?"


def hidden(window: str, at: int) -> str:
    """``window`` with the character at ``at`` hidden: the key of the characters that fill it."""
    return window[:at] + HIDDEN + window[at + 1 :]


@dataclass(frozen=True)
class PhraseCounts:
    """How often official text writes each character and each run of three and four."""

    records: object  # marisa_trie.RecordTrie("<I"), memory-mapped

    def count(self, text: str) -> int:
        found = self.records.get(text)  # type: ignore[attr-defined]
        return found[0][0] if found else 0

    def fills(self, window: str, at: int) -> list[str]:
        """The characters official text writes often at ``at`` of ``window`` (切实可行 for 切?可行)."""
        found = self.records.get(hidden(window, at))  # type: ignore[attr-defined]
        return [chr(code) for (code,) in found] if found else []

    def gain(self, run: str, at: int, meant: str) -> float | None:
        """Over the windows of three and four characters of ``run`` that hold ``at``, the sum of
        log (changed + 1) / (written + 1), ``meant`` put in at ``at``: how much more often official
        text writes them so. None when one of them is written more often as it stands."""
        total = 0.0
        for size in (3, 4):
            for start in range(max(0, at - size + 1), min(at, len(run) - size) + 1):
                window = run[start : start + size]
                changed = window[: at - start] + meant + window[at - start + 1 :]
                step = math.log((self.count(changed) + 1) / (self.count(window) + 1))
                if step < 0:
                    return None
                total += step
        return total


@cache
def phrase_counts() -> PhraseCounts | None:
    """The shipped counts, memory-mapped (a few MB read as pages are touched); None without them."""
    import marisa_trie

    path = data.shipped_dir() / PHRASE_FILE
    if not path.exists():
        return None
    return PhraseCounts(marisa_trie.RecordTrie("<I").mmap(str(path)))


def han_runs(text: str, shortest: int = 1) -> Iterator[tuple[int, str]]:
    """Each run of Han characters of ``text`` the rules read, with where it starts: at least
    ``shortest`` long and at most MAX_RUN (a longer one is no prose)."""
    for match in HAN_RUN.finditer(text):
        if shortest <= len(match.group()) <= MAX_RUN:
            yield match.start(), match.group()
