"""Write the counts rule 12 of the slip checks reads (:mod:`core.proofread.official_counts`, for
:mod:`core.proofread.context_words`):

* resources/proofread/context_pairs.marisa — how often official text writes each word, and two
  words side by side ("各项 事业"), as the slip rules cut it (jieba without its guesser); only
  pairs seen at least MIN_PAIR times with a two-character word on one side, of two lone
  characters (多 办), or with 的, 地 or 得 on one side (乡村振兴 的) are kept;
* resources/proofread/interchangeable_words.txt — two-character words one character apart
  (督查 督察) that official text writes among the same neighbours: used alike, neither is a
  slip for the other.

    python scripts/build_context_pairs.py LAWS_FOLDER [--reports FOLDER ...]

LAWS_FOLDER holds China's published laws, administrative regulations, rules, judicial
interpretations and local regulations as Markdown (*.md), as the LawRefBook/Laws collection on
GitHub lays them out (official documents, which copyright law does not cover; 3,504 files, some
17 million Han characters). Each FOLDER of --reports holds published report text (*.txt, UTF-8
or GB 18030); a report's pair counts REPORT_WEIGHT times, since reports are what the clerk writes.
The files keep counts only, never the text.
"""

from __future__ import annotations

import argparse
import itertools
import math
import sys
from collections import Counter, defaultdict
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.base.atomic import atomic_write_bytes, atomic_write_text  # noqa: E402
from core.importing.readers.text import decode  # noqa: E402
from core.proofread import context_words, official_counts  # noqa: E402
from core.proofread.hits import HAN_RUN  # noqa: E402

TARGET = ROOT / "resources" / "proofread" / official_counts.PAIRS_FILE
ALIKE_TARGET = TARGET.with_name(context_words.INTERCHANGEABLE_FILE)
REPORT_WEIGHT = 5
# The structural particles: every word official text writes them beside is kept (的/地/得 by
# counts in core.proofread.particles).
PARTICLES = frozenset({"的", "地", "得"})
MIN_PAIR = 2
# A compound cut whole (各项事业, 合作意向) also counts as its two words side by side, when each
# is a word jieba saw this often: a slip in it cuts it into those words (各项|失业).
COMPOUND_PART = 1
# Two words share a neighbour when each is seen beside it this often ...
SHARED_NEIGHBOUR = 2
# ... and are used alike when this share of the rarer one's neighbours are the other's too
# (on 300,000 characters of local reports 0.25 found one planted slip more than 0.15 for half as
# many false alarms again, 12 against 8).
ALIKE_SHARE = 0.15
ALIKE_MIN_NEIGHBOURS = 5
# A count is kept as an unsigned 32-bit number.
MAX_COUNT = 2**32 - 1


def _count(paths: list[Path]) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    from core.proofread.lexicon import get_lexicon

    lexicon = get_lexicon()
    assert lexicon is not None
    words: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for path in paths:
        for line in decode(path.read_bytes(), path).splitlines():
            for run in HAN_RUN.findall(line.lstrip("#")):
                pieces = lexicon.words(run)
                words.update(pieces)
                pairs.update(itertools.pairwise(pieces))
                for k, piece in enumerate(pieces):
                    for cut in range(2, len(piece) - 1):
                        first, second = piece[:cut], piece[cut:]
                        if min(lexicon.frequency(first), lexicon.frequency(second)) >= COMPOUND_PART:
                            words.update((first, second))
                            pairs[first, second] += 1
                            if k:
                                pairs[pieces[k - 1], first] += 1
                            if k + 1 < len(pieces):
                                pairs[second, pieces[k + 1]] += 1
                            break
    return words, pairs


def count_all(paths: list[Path]) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    words: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    chunks = [paths[i::16] for i in range(16)]
    with Pool(2) as pool:
        for chunk_words, chunk_pairs in pool.imap_unordered(_count, chunks):
            words.update(chunk_words)
            pairs.update(chunk_pairs)
    return words, pairs


def interchangeable_pairs(words: Counter[str], pairs: Counter[tuple[str, str]]) -> list[tuple[str, str]]:
    """Two-character words one character apart that share many neighbours."""
    from core.proofread.lexicon import get_lexicon

    lexicon = get_lexicon()
    assert lexicon is not None
    left: defaultdict[str, set[str]] = defaultdict(set)
    right: defaultdict[str, set[str]] = defaultdict(set)
    for (first, second), count in pairs.items():
        if count >= SHARED_NEIGHBOUR:
            right[first].add(second)
            left[second].add(first)
    found = set()
    for word in words:
        if len(word) != 2:
            continue
        for other in context_words.variants(lexicon, word):
            pair = (min(word, other), max(word, other))
            if other not in words or pair in found:
                continue
            smaller = min(len(left[word]) + len(right[word]), len(left[other]) + len(right[other]))
            if smaller < ALIKE_MIN_NEIGHBOURS:
                continue
            shared = len(left[word] & left[other]) + len(right[word] & right[other])
            if shared / smaller >= ALIKE_SHARE:
                found.add(pair)
    return sorted(found)


def main() -> None:
    import marisa_trie

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("laws", type=Path)
    parser.add_argument("--reports", type=Path, action="append", default=[])
    args = parser.parse_args()
    laws = sorted(p for p in args.laws.rglob("*.md") if p.name != "README.md")
    words, pairs = count_all(laws)
    for folder in args.reports:
        report_words, report_pairs = count_all(sorted(p for p in folder.glob("*.txt") if p.name != "SOURCES.md"))
        for word, count in report_words.items():
            words[word] += REPORT_WEIGHT * count
        for pair, count in report_pairs.items():
            pairs[pair] += REPORT_WEIGHT * count
    records = [(word, (min(count, MAX_COUNT),)) for word, count in words.items()]
    records += [
        (f"{first} {second}", (min(count, MAX_COUNT),))
        for (first, second), count in pairs.items()
        if count >= MIN_PAIR and (2 in (len(first), len(second)) or len(first) == len(second) == 1 or {first, second} & PARTICLES)
    ]
    records.append((official_counts.TOTAL_KEY, (min(sum(words.values()), MAX_COUNT),)))
    trie = marisa_trie.RecordTrie("<I", records)
    atomic_write_bytes(TARGET, trie.tobytes())
    alike = interchangeable_pairs(words, pairs)
    header = (
        "# Two-character words one character apart that official text writes among the same neighbours:\n"
        "# used alike, neither is a slip for the other. Made by scripts/build_context_pairs.py.\n"
    )
    atomic_write_text(ALIKE_TARGET, header + "".join(f"{a} {b}\n" for a, b in alike))
    size = math.ceil(TARGET.stat().st_size / 1024)
    print(f"{len(laws)} law files; {sum(words.values())} words; {len(records)} records, {size} KB; {len(alike)} pairs used alike")


if __name__ == "__main__":
    main()
