"""Write resources/proofread/local_report_words.txt: the dictionary words that local 机关 reports use
(工作总结, 工作要点 and 工作汇报 of departments, towns and streets, 人大 and 政协 reports) in at least
MIN_DOCUMENTS of them, and that the official reports' counts (report_words.txt) and the hand-kept
report_vocabulary.txt do not already hold.

    python scripts/build_local_vocabulary.py [--source TEXT] FOLDER [FOLDER ...]

Each FOLDER holds plain-text reports (``*.txt``, UTF-8 or GB 18030), one document a file. The
file keeps words, not text. Its one use: a 错别字 guess may correct to such a word (答付 → 答复,
全综 → 全宗), as it may to a word of the 政府工作报告; 政府工作报告 seldom write 答复 or 馆藏.
A word must stand in several documents: one report's own coinage or slip is no vocabulary.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.base.atomic import atomic_write_text  # noqa: E402
from core.importing.readers.text import decode  # noqa: E402
from core.text import language  # noqa: E402

RESOURCES = ROOT / "resources" / "proofread"
TARGET = RESOURCES / "local_report_words.txt"
MIN_DOCUMENTS = 3
WORDS_PER_LINE = 20
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def listed_words(path: Path) -> set[str]:
    """Every word a data file lists (report_words.txt's counts come along, and match no word)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {word for line in lines if line and not line.startswith("#") for word in line.split()}


def document_counts(paths: list[Path]) -> Counter[str]:
    """In how many of ``paths`` each dictionary word of two to four characters stands, cut as the
    slip rules cut text (jieba without its guesser)."""
    dictionary = language.dictionary()
    counts: Counter[str] = Counter()
    for path in paths:
        words = {
            piece
            for run in _HAN_RUN.findall(decode(path.read_bytes(), path))
            for piece in language.cut(run, hmm=False)
            if 2 <= len(piece) <= 4 and piece in dictionary
        }
        counts.update(words)
    return counts


def main(argv: list[str]) -> int:
    source = "各地机关的工作总结、工作要点和工作汇报"
    if "--source" in argv[:-1]:
        at = argv.index("--source")
        source = argv[at + 1]
        argv = argv[:at] + argv[at + 2 :]
    paths = sorted(path for folder in map(Path, argv) for path in folder.glob("*.txt"))
    if not paths:
        print(__doc__)
        return 2
    known = listed_words(RESOURCES / "report_words.txt") | listed_words(RESOURCES / "report_vocabulary.txt")
    counts = document_counts(paths)
    words = sorted(word for word, documents in counts.items() if documents >= MIN_DOCUMENTS and word not in known)
    lines = [
        "# 机关公文用词（由 scripts/build_local_vocabulary.py 生成，勿手改）：各地机关报告里常用、"
        "而政府工作报告用词表（report_words.txt）和 report_vocabulary.txt 都没有的词典词。",
        f"# 来源：{source} 共 {len(paths)} 篇，每个词至少见于其中 {MIN_DOCUMENTS} 篇；只存词语，不存原文。",
        "# 用途同 report_vocabulary.txt：校对的读音字形规则可以把别字改成这些词（答付→答复），不影响分词。",
        *(" ".join(words[at : at + WORDS_PER_LINE]) for at in range(0, len(words), WORDS_PER_LINE)),
    ]
    atomic_write_text(TARGET, "\n".join(lines) + "\n")
    print(f"{len(paths)} 篇报告：机关公文用词 {len(words)} 个 → {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
