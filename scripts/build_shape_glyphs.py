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

It also writes resources/proofread/shape_rare.txt: every other character of the basic CJK block
(厍, 釆, 箅) with the common characters drawn nearly as it is (库, 采, 算), read one way only.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.base.atomic import atomic_write_text  # noqa: E402

TARGET = ROOT / "resources" / "proofread" / "shape_glyphs.txt"
RARE_TARGET = ROOT / "resources" / "proofread" / "shape_rare.txt"
FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
CHARACTERS = 5000
SIZE, DRAWN = 48, 40
TOP = 3
SIMILARITY = 0.92
# The other characters of the basic block, each against the common ones: drawn in chunks (a
# matrix of all at once would hold a gigabyte), kept when nearly the same shape as a common one.
RARE_CHUNK = 2000
RARE_TOP = 3
RARE_SIMILARITY = 0.9
MIN_AREA = 20


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


def _drawn(characters: list[str], font_path: Path):  # type: ignore[no-untyped-def]
    """Each character drawn in a SIZE-px square, as an array of booleans (ink or not)."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(font_path), DRAWN, index=0)

    def drawn(ch: str):  # type: ignore[no-untyped-def]
        image = Image.new("L", (SIZE, SIZE), 0)
        ImageDraw.Draw(image).text((SIZE / 2, SIZE / 2), ch, fill=255, font=font, anchor="mm")
        return np.asarray(image) > 100

    return np.stack([drawn(ch) for ch in characters])


def glyph_similarity(characters: list[str], font_path: Path = FONT):  # type: ignore[no-untyped-def]
    """The square matrix of how alike the printed shapes of ``characters`` are (0 to 1, 0 on the
    diagonal): the pixels of each on or next to the other's, over both areas."""
    import numpy as np

    pixels = _drawn(characters, font_path)
    flat = pixels.reshape(len(characters), -1).astype(np.float32)
    grown = _thickened(pixels).reshape(len(characters), -1).astype(np.float32)
    overlap = flat @ grown.T  # pixels of one on or next to the other's
    areas = flat.sum(axis=1)
    similarity = (overlap + overlap.T) / (areas[:, None] + areas[None, :])
    np.fill_diagonal(similarity, 0)
    return similarity


def rare_look_alikes(common: list[str], font_path: Path = FONT) -> dict[str, list[str]]:
    """Each other character of the basic CJK block (厍, 釆: rare, or in no word of jieba's) → the
    common characters drawn nearly as it is (库, 采), nearest first: in a report such a character is
    mostly one of those misread or mistyped."""
    import numpy as np

    known = set(common)
    rare = [chr(code) for code in range(0x4E00, 0x9FA6) if chr(code) not in known]
    flat_common = _drawn(common, font_path)
    grown_common = _thickened(flat_common).reshape(len(common), -1).astype(np.float32)
    flat_common = flat_common.reshape(len(common), -1).astype(np.float32)
    area_common = flat_common.sum(axis=1)
    found: dict[str, list[str]] = {}
    for at in range(0, len(rare), RARE_CHUNK):
        chunk = rare[at : at + RARE_CHUNK]
        pixels = _drawn(chunk, font_path)
        grown = _thickened(pixels).reshape(len(chunk), -1).astype(np.float32)
        flat = pixels.reshape(len(chunk), -1).astype(np.float32)
        area = flat.sum(axis=1)
        similarity = (flat @ grown_common.T + grown @ flat_common.T) / (area[:, None] + area_common[None, :])
        for i, ch in enumerate(chunk):
            if area[i] < MIN_AREA:
                continue  # the font has no shape for it
            nearest = [j for j in np.argsort(-similarity[i])[:RARE_TOP] if similarity[i, j] >= RARE_SIMILARITY]
            if nearest:
                found[ch] = [common[j] for j in nearest]
    return found


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
    rare = [
        "# 不常用的字（生僻字，或 jieba 词典里没有的字，如“厍”“釆”）与字形几乎相同的常用字（由 scripts/build_shape_glyphs.py "
        "生成，勿手改）：",
        f"# 一行：一个基本区汉字中不在上述 {CHARACTERS} 个常用字里的字，后面是与它笔画几乎重合的常用字（至多 {RARE_TOP} 个，"
        f"重合度不低于 {RARE_SIMILARITY}）。只从生僻字指向常用字：报告里的生僻字多半是认错、打错的常用字（在厍→在库）。",
    ]
    rare += [ch + "".join(alike) for ch, alike in rare_look_alikes(characters, font_path).items()]
    atomic_write_text(RARE_TARGET, "\n".join(rare) + "\n")
    print(f"{len(rare) - 2} 个生僻字有形近的常用字 → {RARE_TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
