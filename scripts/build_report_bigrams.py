"""Write resources/proofread/report_bigrams.txt: the pairs of Han characters that
published report text has side by side, each standing alone in jieba's cut, where the pair is
no word of jieba's dictionary; report_words.txt: how often the reports use each dictionary
word of two to four characters (at least three times); report_collocations.txt: two such words
side by side, seen at least three times.

    python scripts/build_report_bigrams.py ANSWERS.tsv REPORTS_FOLDER [--until YEAR]
    python scripts/build_report_bigrams.py --add FOLDER [--add FOLDER ...] [--source TEXT]

ANSWERS.tsv and REPORTS_FOLDER are /work/corpus-meta's (国务院政府工作报告 1978–2025 from
中文维基文库, public domain as official documents; the text itself stays out of the repository).
Only the reports delivered up to YEAR (2016: the years after it are the proofreading checks'
sealed false-alarm corpus) are read. The file keeps counts, not text: a pair such as 多办
(多办实事) that reports write is no slip, whatever word it sounds like.

``--add`` merges the plain-text reports (``*.txt``, UTF-8 or GB 18030) of each FOLDER into the
files as they are: pairs it writes at least MIN_ADDED_PAIR times are joined, and two words side
by side kept when this text has them at least MIN_COLLOCATION times (the files keep no counts of
pairs of words); the word counts are left as the official reports give them.
``--source`` names that text in the files' source line. The 2026 provincial 政府工作报告
(github johncodes404/china-provincial-gov-reports-2026, from the provinces' official sites)
were added this way, with their word counts (before MIN_ADDED_PAIR and the rule above); then 52
local 政府工作报告 (2010–2023, from public web pages: /work/corpus-meta3 of the proofreading
evaluation, which is no longer a false-alarm corpus since).
"""

from __future__ import annotations

import csv
import itertools
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.base.atomic import atomic_write_text  # noqa: E402
from core.importing.readers.text import decode  # noqa: E402
from core.text import language  # noqa: E402

TARGET = ROOT / "resources" / "proofread" / "report_bigrams.txt"
WORDS_TARGET = TARGET.with_name("report_words.txt")
COLLOCATIONS_TARGET = TARGET.with_name("report_collocations.txt")
MIN_WORD_COUNT = 3
MIN_COLLOCATION = 3
# Text added later (``--add``) is often reposted and carries its slips: a pair of loose characters
# counts only when it stands there this often (a slip is made once, a coinage is written again).
MIN_ADDED_PAIR = 2
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def report_paths(answers: Path, folder: Path, until: int) -> list[tuple[int, Path]]:
    with answers.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle, delimiter="\t") if row["kind"] == "work_report"]
    return sorted(
        (int(row["year"]), folder / row["file"])
        for row in rows
        if row["file"].startswith("gov_") and int(row["year"]) <= until
    )


class Counts:
    """What the three files hold, counted over report text."""

    def __init__(self) -> None:
        self.pairs: Counter[str] = Counter()
        self.words: Counter[str] = Counter()
        self.word_pairs: Counter[str] = Counter()

    def read(self, text: str) -> None:
        for run in _HAN_RUN.findall(text):
            # As the slip rules see text: jieba's cut without its guesser. Only two characters
            # that stand alone side by side count (多|办|实事), not a pair across two words
            # (利用|利率 holds 用利, which is a slip in 持续用利).
            pieces = language.cut(run, hmm=False)
            self.pairs.update(a + b for a, b in itertools.pairwise(pieces) if len(a) == 1 and len(b) == 1)
            self.words.update(piece for piece in pieces if 2 <= len(piece) <= 4)
            self.word_pairs.update(
                f"{a} {b}" for a, b in itertools.pairwise(pieces) if len(a) >= 2 and len(b) >= 2
            )


def _data_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def merge(folders: list[Path], source: str) -> int:
    """Add the reports of ``folders`` to the three files as they are (``--add``)."""
    counts = Counts()
    paths = sorted(path for folder in folders for path in folder.glob("*.txt"))
    if not paths:
        print("没有找到 .txt 报告。")
        return 2
    for path in paths:
        counts.read(decode(path.read_bytes(), path))
    dictionary = language.dictionary()
    old_pairs = {line[0] + second for line in _data_lines(TARGET) for second in line[1:]}
    pairs = old_pairs | {pair for pair, count in counts.pairs.items() if count >= MIN_ADDED_PAIR and pair not in dictionary}
    # Word counts stay those of the official reports: added text's words would make more
    # corrections eligible, and on 52 local reports added that way the false alarms on other
    # local text rose (fa9: 23 → 26 typo findings) for no planted slip found.
    words = Counter({word: int(count) for word, count in (line.split() for line in _data_lines(WORDS_TARGET))})
    collocations = set(_data_lines(COLLOCATIONS_TARGET))
    collocations.update(pair for pair, count in counts.word_pairs.items() if count >= MIN_COLLOCATION)
    old_source = next(line for line in TARGET.read_text(encoding="utf-8").splitlines() if line.startswith("# 来源："))
    sources = old_source.removeprefix("# 来源：").split("；只存字对")[0] + f"；{source} 共 {len(paths)} 篇"
    _write(pairs, words, collocations, sources)
    print(f"{len(paths)} 篇报告已并入：字对 {len(old_pairs)} → {len(pairs)} 个")
    return 0


def _write(pairs: set[str], words: Counter[str], collocations: set[str], sources: str) -> None:
    by_first: dict[str, list[str]] = {}
    for pair in sorted(pairs):
        by_first.setdefault(pair[0], []).append(pair[1])
    lines = [
        "# 公文里相邻出现、各自单独成词（jieba 切分）、合起来不是词典词的两个汉字（由 scripts/build_report_bigrams.py 生成，勿手改）。",
        f"# 来源：{sources}；只存字对，不存原文。",
        "# 一行：第一个字，后面是在它后面出现过的字。校对据此认定“多办（实事）”这类字对是有意写的，不当作别字。",
        *(first + "".join(seconds) for first, seconds in sorted(by_first.items())),
    ]
    atomic_write_text(TARGET, "\n".join(lines) + "\n")
    common = sorted((word, count) for word, count in words.items() if count >= MIN_WORD_COUNT)
    atomic_write_text(
        WORDS_TARGET,
        "\n".join(
            [
                "# 公文常用词：上述来源中国务院与各省区市的政府工作报告里 jieba 切出的二至四字词典词及其出现次数（至少 "
                f"{MIN_WORD_COUNT} 次；由 scripts/build_report_bigrams.py 生成，勿手改）。",
                "# 校对据此知道“谋划”“统筹”“整改”这类词在公文里很常用，尽管 jieba 的通用词频不高。",
                *(f"{word} {count}" for word, count in common),
            ]
        )
        + "\n",
    )
    print(f"公文常用词 {len(common)} 个 → {WORDS_TARGET}")
    atomic_write_text(
        COLLOCATIONS_TARGET,
        "\n".join(
            [
                "# 公文常见搭配：上述报告里 jieba 切出的相邻两词（各二字以上，至少 "
                f"{MIN_COLLOCATION} 次；由 scripts/build_report_bigrams.py 生成，勿手改）。",
                "# 校对据此判断改正后的词与前后词是否是公文常见搭配（就业|创业、科技|创新）。",
                *sorted(collocations),
            ]
        )
        + "\n",
    )
    print(f"公文常见搭配 {len(collocations)} 对 → {COLLOCATIONS_TARGET}")


def main(argv: list[str]) -> int:
    if "--add" in argv:
        folders = [Path(argv[at + 1]) for at, arg in enumerate(argv[:-1]) if arg == "--add"]
        source = argv[argv.index("--source") + 1] if "--source" in argv[:-1] else "另加的报告"
        return merge(folders, source)
    until = 2016
    if "--until" in argv:
        at = argv.index("--until")
        until = int(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    if len(argv) != 2:
        print(__doc__)
        return 2
    paths = report_paths(Path(argv[0]), Path(argv[1]), until)
    counts = Counts()
    for _, path in paths:
        counts.read(path.read_text(encoding="utf-8"))
    dictionary = language.dictionary()
    kept = {pair for pair in counts.pairs if pair not in dictionary}
    words = Counter({word: count for word, count in counts.words.items() if word in dictionary})
    collocations = {pair for pair, count in counts.word_pairs.items() if count >= MIN_COLLOCATION}
    years = sorted({year for year, _ in paths})
    _write(kept, words, collocations, f"国务院政府工作报告 {years[0]}—{years[-1]} 年共 {len(paths)} 篇（中文维基文库，官方文件属公有领域）")
    print(f"{len(paths)} 篇报告，单字相邻 {sum(counts.pairs.values())} 处，其中不是词典词的字对 {len(kept)} 个 → {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
