"""Write resources/proofread/report_bigrams.txt: the pairs of Han characters that
published report text has side by side, each standing alone in jieba's cut, where the pair is
no word of jieba's dictionary; report_words.txt: how often the reports use each dictionary
word of two to four characters (at least three times); report_collocations.txt: two such words
side by side, seen at least three times.

    python scripts/build_report_bigrams.py ANSWERS.tsv REPORTS_FOLDER [--until YEAR]

ANSWERS.tsv and REPORTS_FOLDER are /work/corpus-meta's (国务院政府工作报告 1978–2025 from
中文维基文库, public domain as official documents; the text itself stays out of the repository).
Only the reports delivered up to YEAR (2016: the years after it are the proofreading checks'
sealed false-alarm corpus) are read. The file keeps counts, not text: a pair such as 多办
(多办实事) that reports write is no slip, whatever word it sounds like.
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
from core.text import language  # noqa: E402

TARGET = ROOT / "resources" / "proofread" / "report_bigrams.txt"
WORDS_TARGET = TARGET.with_name("report_words.txt")
COLLOCATIONS_TARGET = TARGET.with_name("report_collocations.txt")
MIN_WORD_COUNT = 3
MIN_COLLOCATION = 3
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def report_paths(answers: Path, folder: Path, until: int) -> list[tuple[int, Path]]:
    with answers.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle, delimiter="\t") if row["kind"] == "work_report"]
    return sorted(
        (int(row["year"]), folder / row["file"])
        for row in rows
        if row["file"].startswith("gov_") and int(row["year"]) <= until
    )


def main(argv: list[str]) -> int:
    until = 2016
    if "--until" in argv:
        at = argv.index("--until")
        until = int(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    if len(argv) != 2:
        print(__doc__)
        return 2
    paths = report_paths(Path(argv[0]), Path(argv[1]), until)
    pairs: Counter[str] = Counter()
    words: Counter[str] = Counter()
    word_pairs: Counter[str] = Counter()
    for _, path in paths:
        for run in _HAN_RUN.findall(path.read_text(encoding="utf-8")):
            # As the slip rules see text: jieba's cut without its guesser. Only two characters
            # that stand alone side by side count (多|办|实事), not a pair across two words
            # (利用|利率 holds 用利, which is a slip in 持续用利).
            pieces = language.cut(run, hmm=False)
            pairs.update(a + b for a, b in itertools.pairwise(pieces) if len(a) == 1 and len(b) == 1)
            words.update(piece for piece in pieces if 2 <= len(piece) <= 4)
            word_pairs.update(f"{a} {b}" for a, b in itertools.pairwise(pieces) if len(a) >= 2 and len(b) >= 2)
    dictionary = language.dictionary()
    kept = sorted(pair for pair in pairs if pair not in dictionary)
    by_first: dict[str, list[str]] = {}
    for pair in kept:
        by_first.setdefault(pair[0], []).append(pair[1])
    years = sorted({year for year, _ in paths})
    lines = [
        "# 公文里相邻出现、各自单独成词（jieba 切分）、合起来不是词典词的两个汉字（由 scripts/build_report_bigrams.py 生成，勿手改）。",
        f"# 来源：国务院政府工作报告 {years[0]}—{years[-1]} 年共 {len(paths)} 篇（中文维基文库，官方文件属公有领域）；只存字对，不存原文。",
        "# 一行：第一个字，后面是在它后面出现过的字。校对据此认定“多办（实事）”这类字对是有意写的，不当作别字。",
        *(first + "".join(seconds) for first, seconds in sorted(by_first.items())),
    ]
    atomic_write_text(TARGET, "\n".join(lines) + "\n")
    common = sorted((word, count) for word, count in words.items() if count >= MIN_WORD_COUNT and word in dictionary)
    atomic_write_text(
        WORDS_TARGET,
        "\n".join(
            [
                "# 公文常用词：上述报告里 jieba 切出的二至四字词典词及其出现次数（至少 "
                f"{MIN_WORD_COUNT} 次；由 scripts/build_report_bigrams.py 生成，勿手改）。",
                "# 校对据此知道“谋划”“统筹”“整改”这类词在公文里很常用，尽管 jieba 的通用词频不高。",
                *(f"{word} {count}" for word, count in common),
            ]
        )
        + "\n",
    )
    print(f"公文常用词 {len(common)} 个 → {WORDS_TARGET}")
    collocations = sorted(pair for pair, count in word_pairs.items() if count >= MIN_COLLOCATION)
    atomic_write_text(
        COLLOCATIONS_TARGET,
        "\n".join(
            [
                "# 公文常见搭配：上述报告里 jieba 切出的相邻两词（各二字以上，至少 "
                f"{MIN_COLLOCATION} 次；由 scripts/build_report_bigrams.py 生成，勿手改）。",
                "# 校对据此判断改正后的词与前后词是否是公文常见搭配（就业|创业、科技|创新）。",
                *collocations,
            ]
        )
        + "\n",
    )
    print(f"公文常见搭配 {len(collocations)} 对 → {COLLOCATIONS_TARGET}")
    print(f"{len(paths)} 篇报告，单字相邻 {sum(pairs.values())} 处，其中不是词典词的字对 {len(kept)} 个 → {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
