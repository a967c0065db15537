"""Write the counts :mod:`core.proofread.phrase_counts` reads (rule 17 of the slip checks, particle_runs):
resources/proofread/phrase_counts.marisa — how often official text writes each character and
each run of three and of four Han characters (切实可行, 民生实事), and, for the runs of four it
writes often, each with one character hidden (切?可行 → 实), so a slip's window finds what was
meant in one look-up.

    python scripts/build_phrase_counts.py FOLDER [FOLDER ...]

Each FOLDER is read whole (*.md and *.txt, UTF-8 or GB 18030; README.md left out). The shipped
file was made from the 政府工作报告 (国务院, provinces, cities) and five-year plans of the
lawtext/gov collection and from China's laws and regulations as the LawRefBook/Laws collection
lays them out (official documents, which copyright law does not cover; some 60 million Han
characters in all), leaving out the reports our evaluation sets and bodies quote. The file keeps
counts only, never the text.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.base.atomic import atomic_write_bytes  # noqa: E402
from core.importing.readers.text import decode  # noqa: E402
from core.proofread import phrase_counts  # noqa: E402
from core.proofread.hits import HAN_RUN  # noqa: E402

TARGET = ROOT / "resources" / "proofread" / phrase_counts.PHRASE_FILE
# A character or run written fewer times than this is left out: the rules read it as never
# written (see phrase_counts.MASKED for what 20 costs against 10).
KEPT = 20
# MAX_COUNT: a count is kept as an unsigned 32-bit number.
MAX_COUNT = 2**32 - 1


def _count(paths: list[Path]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for path in paths:
        for run in HAN_RUN.findall(decode(path.read_bytes(), path)):
            counts.update(run)
            counts.update(run[at : at + 3] for at in range(len(run) - 2))
            counts.update(run[at : at + 4] for at in range(len(run) - 3))
    return counts


def count_all(paths: list[Path]) -> Counter[str]:
    counts: Counter[str] = Counter()
    chunks = [paths[i::16] for i in range(16)]
    with Pool(2) as pool:
        for chunk in pool.imap_unordered(_count, chunks):
            counts.update(chunk)
    return counts


def records(counts: Counter[str]) -> list[tuple[str, tuple[int]]]:
    """The kept counts, and every often-written run of four with each character hidden in turn
    (切?可行 → the code point of 实)."""
    kept = [(text, (min(count, MAX_COUNT),)) for text, count in counts.items() if count >= KEPT]
    for text, count in counts.items():
        if len(text) == 4 and count >= phrase_counts.MASKED:
            kept += [(phrase_counts.hidden(text, at), (ord(text[at]),)) for at in range(4)]
    return kept


def main() -> None:
    import marisa_trie

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", type=Path, nargs="+")
    args = parser.parse_args()
    paths = sorted(
        path
        for folder in args.folders
        for path in folder.rglob("*")
        if path.suffix in (".md", ".txt") and path.name != "README.md" and path.is_file()
    )
    trie = marisa_trie.RecordTrie("<I", records(count_all(paths)))
    atomic_write_bytes(TARGET, trie.tobytes())
    size = math.ceil(TARGET.stat().st_size / 1024)
    print(f"{len(paths)} files; {len(trie)} records, {size} KB")


if __name__ == "__main__":
    main()
