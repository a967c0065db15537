"""Write resources/proofread/fixed_phrases.txt: the set phrases published reports write alike
again and again, and the one-character edits the same reports make to each (see
core/proofread/fixed_phrases.py, which reads it).

    python scripts/build_fixed_phrases.py FOLDER [FOLDER ...] [--source TEXT] [--out FILE]

Every ``*.txt`` of each FOLDER (UTF-8 or GB 18030) is one document. Kept: runs of MIN_LENGTH to
MAX_LENGTH Han characters written MIN_COUNT times in MIN_DOCUMENTS documents or more, when no
longer kept run holds them nearly as often (the longest form of a phrase explains it), and
quoted names of four to ten characters written MIN_QUOTED times in MIN_QUOTED_DOCUMENTS
documents, marks included. The file keeps the phrases and counts, not the text: the reports
stay out of the repository. ``--source`` names the text in the file's header.

The 2026-11-27 table: /work/corpus/clean of the proofreading evaluation, 176 published 政府工作
报告 (国务院 1954–2025, the provinces' of 2025 and 2026, 河北 county reports 2000–2025), 2.85
million characters, gathered from public repositories.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.base.atomic import atomic_write_text  # noqa: E402
from core.importing.readers.text import decode  # noqa: E402
from core.proofread.fixed_phrases import FILE_NAME, build_index, one_edit_spans  # noqa: E402
from core.proofread.hits import HAN_RUN  # noqa: E402

TARGET = ROOT / "resources" / "proofread" / FILE_NAME
MIN_LENGTH = 7
MAX_LENGTH = 12
MIN_COUNT = 25
MIN_DOCUMENTS = 10
MIN_QUOTED = 8
MIN_QUOTED_DOCUMENTS = 4
# A run kept inside a longer kept one written at least this share as often is that one's part.
SUBSUMED = 0.8
_STRAIGHT_QUOTED = re.compile(r'"([^"\n]{1,40})"')
_QUOTED = re.compile(r"“([\u4e00-\u9fff]{4,10})”")


def documents(folders: list[Path]) -> list[str]:
    texts = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            text = decode(path.read_bytes())
            texts.append(_STRAIGHT_QUOTED.sub(r"“\1”", text))  # web copies quote with straight marks
    return texts


def frequent_runs(texts: list[str]) -> Counter[str]:
    """Runs of Han characters kept by count and spread, grown a character at a time (a run is
    frequent only if both its shorter parts are)."""
    runs = [run for text in texts for run in HAN_RUN.findall(text)]
    owners = [k for k, text in enumerate(texts) for _ in HAN_RUN.findall(text)]
    kept: Counter[str] = Counter()
    previous: set[str] | None = None
    for size in range(MIN_LENGTH, MAX_LENGTH + 1):
        counts: Counter[str] = Counter()
        spread: dict[str, set[int]] = defaultdict(set)
        for run, owner in zip(runs, owners, strict=True):
            for at in range(len(run) - size + 1):
                gram = run[at : at + size]
                if previous is not None and (gram[:-1] not in previous or gram[1:] not in previous):
                    continue
                counts[gram] += 1
                spread[gram].add(owner)
        frequent = {g for g, n in counts.items() if n >= MIN_COUNT and len(spread[g]) >= MIN_DOCUMENTS}
        for gram in frequent:
            kept[gram] = counts[gram]
        previous = frequent
        if not frequent:
            break
    longer: dict[str, list[str]] = defaultdict(list)  # a run → the kept runs one character longer
    for gram in kept:
        if len(gram) > MIN_LENGTH:
            longer[gram[1:]].append(gram)
            longer[gram[:-1]].append(gram)
    # A run inside a longer kept one written nearly as often is that one's part.
    return Counter({g: n for g, n in kept.items() if not any(kept[w] >= SUBSUMED * n for w in longer.get(g, ()))})


def frequent_quoted(texts: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    spread: dict[str, set[int]] = defaultdict(set)
    for k, text in enumerate(texts):
        for name in _QUOTED.findall(text):
            counts[name] += 1
            spread[name].add(k)
    return Counter(
        {f"“{n}”": c for n, c in counts.items() if c >= MIN_QUOTED and len(spread[n]) >= MIN_QUOTED_DOCUMENTS}
    )


def attested_edits(texts: list[str], phrases: Counter[str]) -> dict[str, set[str]]:
    """The edits the texts themselves make to each phrase (a slot, not a slip)."""
    table = build_index({p: frozenset() for p in phrases})
    edits: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        for _start, _end, phrase, edit in one_edit_spans(text, table):
            edits[phrase].add(edit.code)
    return edits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--source", default="已发布的政府工作报告")
    parser.add_argument("--out", type=Path, default=TARGET)
    args = parser.parse_args()
    main_with(args.folders, args.out, args.source)


def main_with(folders: list[Path], out: Path, source: str) -> None:
    texts = documents(folders)
    phrases = frequent_runs(texts) + frequent_quoted(texts)
    edits = attested_edits(texts, phrases)
    lines = [
        "# 公文固定说法：已发布的政府工作报告里反复写成同样样子的七至十二字连续汉字串，和四至十字的带引号名称（由",
        "# scripts/build_fixed_phrases.py 生成，勿手改）。一行：说法、出现次数、这些报告自己对它做过的一字改动",
        "# （s 换字、d 少字、i 多字、x 两字互换，后跟位置）：那里是可以变的位置，不算写错。",
        f"# 来源：{source}。只存说法和次数，不存原文。",
    ]
    for phrase in sorted(phrases):
        lines.append(f"{phrase}\t{phrases[phrase]}\t{' '.join(sorted(edits.get(phrase, ())))}")
    atomic_write_text(out, "\n".join(lines) + "\n")
    print(f"{len(phrases)} phrases → {out}")


if __name__ == "__main__":
    main()
