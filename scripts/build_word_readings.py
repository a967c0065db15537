"""Write resources/proofread/word_readings.txt: how a polyphonic character is read inside the
words that read it other than its main reading — 调 is diào alone but tiáo in 协调, 行 is xíng
but háng in 银行.

    python scripts/build_word_readings.py

The proofreading rules compare a character written with the one a word wants by their sounds
(core.proofread.lexicon.Lexicon.reading_in): with main readings only, 协条 would not sound like
协调. The words are those of jieba's dictionary of two to four Han characters seen at least
MIN_FREQUENCY times, and our 政务 words; the readings are pypinyin's, which reads a word by its
phrase table (a fact of the language, kept as toned syllables, one line a word).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.base.atomic import atomic_write_text  # noqa: E402
from core.proofread import data  # noqa: E402
from core.proofread.sounds import readings  # noqa: E402
from core.text import language  # noqa: E402

TARGET = ROOT / "resources" / "proofread" / "word_readings.txt"
MIN_FREQUENCY = 20
_WORD = re.compile(r"[\u4e00-\u9fff]{2,4}")


def main() -> int:
    from pypinyin import Style, lazy_pinyin

    table = readings()
    dictionary = language.dictionary()
    words = {word for word, count in dictionary.items() if count >= MIN_FREQUENCY and _WORD.fullmatch(word)}
    words |= {word for word in data.known_words() if _WORD.fullmatch(word)}
    lines = [
        "# 多音字在词中的读音：词里某个字不读它最常用的读音时（协调的“调”读 tiáo，银行的“行”读 háng），"
        "记下整个词的读音（由 scripts/build_word_readings.py 据 pypinyin 的词语读音生成，勿手改）。",
        "# 校对据此比较别字和词里该有的字读音是否相同：“协条”与“协调”读音相同。",
    ]
    for word in sorted(words):
        toned = lazy_pinyin(word, style=Style.TONE)
        if len(toned) != len(word):
            continue
        if all(table.toned(ch) == syllable for ch, syllable in zip(word, toned, strict=True)):
            continue
        if any(syllable.lower() not in _toned_readings(ch) for ch, syllable in zip(word, toned, strict=True)):
            continue  # a reading the character table does not know (a neutral tone, a variant)
        lines.append(f"{word} {' '.join(toned)}")
    atomic_write_text(TARGET, "\n".join(lines) + "\n")
    print(f"{len(lines) - 2} 个词 → {TARGET}")
    return 0


def _toned_readings(ch: str) -> set[str]:
    from pypinyin import Style, pinyin

    return {reading for group in pinyin(ch, style=Style.TONE, heteronym=True) for reading in group}


if __name__ == "__main__":
    sys.exit(main())
