"""Write resources/proofread/shape_glyphs.txt: for each of the 5,000 characters jieba's
dictionary uses most, the characters whose printed shapes are nearly the same (贵 责, 格 恪,
幕 募) — what a clerk misreads or an input method's shape code mixes up, whatever their sound.

    python scripts/build_shape_glyphs.py [FONT.ttc]

Each character is drawn at 40 px in a 48-px square with the system's Noto Sans CJK SC (Debian
package fonts-noto-cjk, which scripts/install_system_deps.sh installs); two characters are alike
when the pixels of each lie mostly on or next to the other's (the overlap of each with the
other thickened by one pixel, over both areas). A character keeps its TOP nearest others at
SIMILARITY or more. The file keeps pairs, not pictures; the proofreading rules read it as a third
shape table beside the hand-made shape_similar.txt and the phonetic series.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.base.atomic import atomic_write_text  # noqa: E402

TARGET = ROOT / "resources" / "proofread" / "shape_glyphs.txt"
FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
CHARACTERS = 5000
SIZE, DRAWN = 48, 40
TOP = 3
SIMILARITY = 0.92


def common_characters() -> list[str]:
    import jieba

    counts: Counter[str] = Counter()
    with jieba.get_dict_file() as handle:  # type: ignore[attr-defined]
        for raw in handle:
            word, count = raw.decode("utf-8").split()[:2]
            for ch in word:
                if "\u4e00" <= ch <= "\u9fff":
                    counts[ch] += int(count)
    return [ch for ch, _ in counts.most_common(CHARACTERS)]


def _thickened(pixels):  # type: ignore[no-untyped-def]
    """Each shape grown by one pixel in the four directions (a stroke a pixel off still meets)."""
    grown = pixels.copy()
    grown[:, 1:, :] |= pixels[:, :-1, :]
    grown[:, :-1, :] |= pixels[:, 1:, :]
    grown[:, :, 1:] |= pixels[:, :, :-1]
    grown[:, :, :-1] |= pixels[:, :, 1:]
    return grown


def glyph_similarity(characters: list[str], font_path: Path = FONT):  # type: ignore[no-untyped-def]
    """The square matrix of how alike the printed shapes of ``characters`` are (0 to 1, 0 on the
    diagonal): the pixels of each on or next to the other's, over both areas."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(font_path), DRAWN, index=0)

    def drawn(ch: str):  # type: ignore[no-untyped-def]
        image = Image.new("L", (SIZE, SIZE), 0)
        ImageDraw.Draw(image).text((SIZE / 2, SIZE / 2), ch, fill=255, font=font, anchor="mm")
        return np.asarray(image) > 100

    pixels = np.stack([drawn(ch) for ch in characters])
    flat = pixels.reshape(len(characters), -1).astype(np.float32)
    grown = _thickened(pixels).reshape(len(characters), -1).astype(np.float32)
    overlap = flat @ grown.T  # pixels of one on or next to the other's
    areas = flat.sum(axis=1)
    similarity = (overlap + overlap.T) / (areas[:, None] + areas[None, :])
    np.fill_diagonal(similarity, 0)
    return similarity


def main(argv: list[str]) -> int:
    import numpy as np

    font_path = Path(argv[0]) if argv else FONT
    if not font_path.is_file():
        print(f"找不到字体 {font_path}：请先运行 scripts/install_system_deps.sh，或指定一个思源黑体/Noto Sans CJK 字体文件。")
        return 2
    characters = common_characters()
    similarity = glyph_similarity(characters, font_path)
    lines = [
        "# 字形相近的字（由 scripts/build_shape_glyphs.py 生成，勿手改）：把 jieba 词典最常用的 "
        f"{CHARACTERS} 个字用思源黑体（Noto Sans CJK SC）画出来比较，",
        f"# 一行：一个字，后面是与它笔画几乎重合的字（每字至多 {TOP} 个，重合度不低于 {SIMILARITY}）。"
        "校对据此认出“贵任→责任”“格守→恪守”这类形近别字。",
    ]
    for i, ch in enumerate(characters):
        nearest = [j for j in np.argsort(-similarity[i])[:TOP] if similarity[i, j] >= SIMILARITY]
        if nearest:
            lines.append(ch + "".join(characters[j] for j in nearest))
    atomic_write_text(TARGET, "\n".join(lines) + "\n")
    print(f"{len(lines) - 2} 个字有形近字 → {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
