"""Write the counts :mod:`core.proofread.phrase_counts` reads (rule 17 of the slip checks, particle_runs):
resources/proofread/phrase_counts.marisa — how often official text writes each character and
each run of three and of four Han characters (切实可行, 民生实事), and, for the runs of four it
writes often, each with one character hidden (切?可行 → 实), so a slip's window finds what was
meant in one look-up; how often it writes each short name in quotation marks and without them,
by the character that follows (“三农”工 and 三农 工: core.proofread.official_quotes); and how often
it writes each three items of a list joined by 顿号 in each order, and two items a clause joins
by its one 顿号 (core.proofread.series_orders).

    python scripts/build_phrase_counts.py FOLDER [FOLDER ...]

Each FOLDER is read whole (*.md and *.txt, UTF-8 or GB 18030; README.md left out). The shipped
file was made from the 政府工作报告 (国务院, provinces, cities) and five-year plans of the
lawtext/gov collection and from China's laws and regulations as the LawRefBook/Laws collection
lays them out (official documents, which copyright law does not cover), and from the
transcripts of 新闻联播 2020–2026 as the landv/xwlb collection keeps them (news/*.md: the wording
of the party's and the state's meetings and leaders' titles the reports lack); some 73 million Han
characters in all, leaving out the reports and programmes our evaluation sets and bodies quote (a
run of 30 characters in common). The file keeps counts only, never the text.
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
from core.proofread import official_quotes, phrase_counts, series_orders  # noqa: E402
from core.proofread.hits import HAN_RUN  # noqa: E402

TARGET = ROOT / "resources" / "proofread" / phrase_counts.PHRASE_FILE
# A character or run written fewer times than this is left out: the rules read it as never
# written (see phrase_counts.MASKED for what 20 costs against 10).
KEPT = 20
# A name quoted before a character fewer times than the rule asks is never flagged there: its
# pair is left out. A list's orders are kept when official text writes its usual one this often.
QUOTED_KEPT = official_quotes.QUOTED_AT_LEAST
SERIES_KEPT = 20
# MAX_COUNT: a count is kept as an unsigned 32-bit number.
MAX_COUNT = 2**32 - 1


def _count(paths: list[Path]) -> Counter[str]:
    """The runs, the quoted names by their followers (“三农”工) and the lists' items in threes."""
    counts: Counter[str] = Counter()
    for path in paths:
        text = decode(path.read_bytes(), path)
        for run in HAN_RUN.findall(text):
            counts.update(run)
            counts.update(run[at : at + 3] for at in range(len(run) - 2))
            counts.update(run[at : at + 4] for at in range(len(run) - 3))
        for match in official_quotes.QUOTED_NAME.finditer(text):
            counts[official_quotes.quoted_key(match.group(1), official_quotes.follower(text, match.end()))] += 1
        counts.update(series_orders.series_key(window) for _, items in series_orders.series_lists(text) for window in series_orders.windows(items))
        counts.update(series_orders.series_key((first, second)) for _, first, second in series_orders.pairs(text))
        counts.update(series_orders.series_key((first, second)) for _, first, second in series_orders.whole_pairs(text))
    return counts


def _count_bare(job: tuple[list[Path], list[str]]) -> Counter[str]:
    """How often each of ``names`` is written bare, by its follower (三农 工): anywhere in a run of
    Han characters the rule reads as a name (not 第二十条's 二十条), but where the run is the name, quoted."""
    import marisa_trie

    paths, names = job
    known = marisa_trie.Trie(names)
    counts: Counter[str] = Counter()
    for path in paths:
        text = decode(path.read_bytes(), path)
        for match in HAN_RUN.finditer(text):
            run, start, end = match.group(), match.start(), match.end()
            quoted = text[start - 1 : start] == "“" and text[end : end + 1] == "”"
            for at in range(len(run) - 1):
                for name in known.prefixes(run[at : at + official_quotes.LONGEST_NAME]):
                    if not (quoted and at == 0 and len(name) == len(run)) and official_quotes.read_as_name(text, start + at, start + at + len(name)):
                        counts[official_quotes.bare_key(name, official_quotes.follower(text, start + at + len(name)))] += 1
                        counts[official_quotes.bare_key(name)] += 1
    return counts


def _chunks(paths: list[Path]) -> list[list[Path]]:
    return [paths[i::16] for i in range(16)]


def count_all(paths: list[Path]) -> Counter[str]:
    counts: Counter[str] = Counter()
    with Pool(2) as pool:
        for chunk in pool.imap_unordered(_count, _chunks(paths)):
            counts.update(chunk)
        quoted: Counter[str] = Counter()
        for key, count in counts.items():
            if name := _quoted_name(key):
                quoted[name] += count
        names = sorted(name for name, count in quoted.items() if count >= QUOTED_KEPT)
        for chunk in pool.imap_unordered(_count_bare, [(part, names) for part in _chunks(paths)]):
            counts.update(chunk)
    return counts


def _quoted_name(key: str) -> str | None:
    """三农 of the key “三农”工; None for a key of another kind."""
    return key[1 : key.index("”")] if key.startswith("“") else None


def records(counts: Counter[str]) -> list[tuple[str, tuple[int]]]:
    """The kept counts, and every often-written run of four with each character hidden in turn
    (切?可行 → the code point of 实); for the names quoted QUOTED_KEPT times, how often each is
    written quoted (“三农) and bare (三农 ) in all, and by the followers it is quoted before
    QUOTED_KEPT times (“三农”工, 三农 工); every order of the lists of three whose usual one is
    written SERIES_KEPT times, and of the pairs whose usual one is written PAIR_KEPT times."""
    kept: list[tuple[str, tuple[int]]] = []
    quoted: Counter[str] = Counter()
    orders: dict[tuple[int, frozenset[str]], list[tuple[str, int]]] = {}
    for text, count in counts.items():
        if text.startswith("“"):
            name, after = text[1:].split("”")
            quoted[name] += count
            if count >= QUOTED_KEPT:
                kept.append((text, (min(count, MAX_COUNT),)))
                if bare := counts[official_quotes.bare_key(name, after)]:
                    kept.append((official_quotes.bare_key(name, after), (min(bare, MAX_COUNT),)))
        elif "、" in text:
            orders.setdefault((text.count("、"), frozenset(text.split("、"))), []).append((text, count))
        elif " " not in text:
            if count >= KEPT:
                kept.append((text, (min(count, MAX_COUNT),)))
            if len(text) == 4 and count >= phrase_counts.MASKED:
                kept += [(phrase_counts.hidden(text, at), (ord(text[at]),)) for at in range(4)]
    for name, count in quoted.items():
        if count >= QUOTED_KEPT:
            kept.append((official_quotes.name_key(name), (min(count, MAX_COUNT),)))
            if bare := counts[official_quotes.bare_key(name)]:
                kept.append((official_quotes.bare_key(name), (min(bare, MAX_COUNT),)))
    for (marks, _), written in orders.items():
        if max(count for _, count in written) >= (series_orders.PAIR_KEPT if marks == 1 else SERIES_KEPT):
            kept += [(text, (min(count, MAX_COUNT),)) for text, count in written]
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
