"""Write resources/proofread/law_titles.txt: the titles of China's laws, administrative
regulations, rules, judicial interpretations and local regulations, which the 校对 check of
cited titles reads (:mod:`core.proofread.law_titles`).

    python scripts/build_law_titles.py LAWS_FOLDER

LAWS_FOLDER holds them as Markdown (*.md), each opening with its title as a level-one heading,
as the LawRefBook/Laws collection on GitHub lays them out (taken from the national database of
laws and regulations, flk.npc.gov.cn). Only the titles are kept; cases (案例) are no titles one
cites.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.base.atomic import atomic_write_text  # noqa: E402
from core.proofread.law_titles import TITLES_FILE  # noqa: E402

TARGET = ROOT / "resources" / "proofread" / TITLES_FILE
SKIPPED_FOLDERS = ("案例",)
HEADER = (
    "# 法律、行政法规、部门规章、司法解释和部分地方性法规的名称，一行一个（由 scripts/build_law_titles.py 生成，勿手改）。\n"
    "# 来源：国家法律法规数据库（flk.npc.gov.cn）公布的文本，经 LawRefBook/Laws 整理。校对据此核对书名号里引用的法规名称。\n"
)


def title_of(path: Path) -> str | None:
    """The document's title: its first level-one heading."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("# "):
                return line[2:].strip() or None
    return None


def collect(folder: Path) -> list[str]:
    titles = set()
    for path in folder.rglob("*.md"):
        relative = path.relative_to(folder).parts
        if path.name.startswith("_") or len(relative) < 2 or relative[0] in SKIPPED_FOLDERS:
            continue  # an index page, the collection's own README, or a case
        title = title_of(path)
        if title:
            titles.add(title)
    return sorted(titles)


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("用法：python scripts/build_law_titles.py 法规文件夹（LawRefBook/Laws 的 Markdown 文本）")
        return 2
    titles = collect(Path(argv[0]))
    atomic_write_text(TARGET, HEADER + "\n".join(titles) + "\n")
    print(f"{len(titles)} 个名称 → {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
