"""Chinese text analysis behind one small module: jieba word segmentation, keywords, figures.

Words are cut as jieba cuts them, by :mod:`core.text.segmenter`: jieba's algorithm over a
compact copy of its dictionary (a few MB instead of jieba's 86 MB dict). Loading takes a
moment (about a second the very first time, when the compact copy is made in the per-user
cache folder, never the system temp folder). Nothing here loads it at import time:
the app calls :func:`start_background_load` right after the window appears, and every
function that needs words waits only for that one load (:func:`ensure_loaded`), never for
a second one.

The shipped user dictionary (``resources/jieba_dict.txt``) keeps 政务 terms of art such as
两个确立 or 三会一课 whole instead of cutting them into meaningless halves.

Only this module and core.text.segmenter use jieba; call them through here so the cache
location and the user dictionary always apply.
"""

from __future__ import annotations

import functools
import math
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from core.base.errors import ReportError
from core.base.memory import release_free_memory
from core.base.paths import cache_dir
from core.base.resources import resources_dir
from core.text import segmenter

RESOURCES_DIR = resources_dir()
USER_DICTIONARY = RESOURCES_DIR / "jieba_dict.txt"

_load_lock = threading.Lock()
_loaded = threading.Event()
_loader_lock = threading.Lock()  # guards _loader_thread only: never held while loading
_loader_thread: threading.Thread | None = None
_idf_lock = threading.Lock()
_idf_table: tuple[dict[str, float], float] | None = None
_segmenter: segmenter.Segmenter | None = None


class LanguageError(ReportError):
    """The word segmenter could not be loaded."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"无法加载中文分词词典：{reason}请重新安装本程序。")


# --------------------------------------------------------------------------- loading


def is_loaded() -> bool:
    return _loaded.is_set()


PREBUILT_CACHE_DIR = "jieba_cache"  # in a bundled app: the compact dictionary made at build time


def _prebuilt_cache_dir() -> Path | None:
    """A bundled app ships the compact dictionary, so its first start does not spend a second making it."""
    import sys

    bundle = getattr(sys, "_MEIPASS", None)
    if not getattr(sys, "frozen", False) or bundle is None:
        return None
    folder = Path(bundle) / PREBUILT_CACHE_DIR
    return folder if folder.is_dir() else None


def ensure_loaded() -> None:
    """Load the dictionary once; safe from any thread, cheap once loaded.

    A second caller while a load is running waits for that load instead of starting its own.
    """
    global _segmenter
    if _loaded.is_set():
        return
    with _load_lock:
        if _loaded.is_set():
            return
        try:
            import jieba
            import jieba.finalseg
        except ImportError as exc:
            raise LanguageError("缺少 jieba 组件。") from exc
        try:
            dictionary, forced = segmenter.load_dictionary(
                USER_DICTIONARY, [_prebuilt_cache_dir(), cache_dir()], cache_dir()
            )
        except OSError as exc:
            raise LanguageError(f"读取词典文件失败（{exc.strerror or exc}）。") from exc
        except ValueError as exc:
            raise LanguageError(f"词典文件格式有误（{exc}）。") from exc
        for word in forced:  # as jieba's add_word does for a word of frequency 0
            jieba.finalseg.add_force_split(word)
        _segmenter = segmenter.Segmenter(dictionary)
        _dictionary_parts.cache_clear()
        release_free_memory()  # what reading or making the compact dictionary left behind
        _loaded.set()  # last: whoever sees it set finds the load over


def dictionary() -> segmenter.WordDictionary:
    """The words and their frequencies (loads them first)."""
    ensure_loaded()
    assert _segmenter is not None
    return _segmenter.dictionary


def cut(text: str, hmm: bool = True) -> list[str]:
    """jieba's accurate-mode cut of ``text`` (punctuation and spaces included), as ``jieba.lcut``
    gives with our dictionary; ``hmm=False`` leaves unknown words in single characters."""
    ensure_loaded()
    assert _segmenter is not None
    return _segmenter.cut(text, hmm)


def start_background_load(on_done: Callable[[BaseException | None], None] | None = None) -> threading.Thread:
    """Start loading in a daemon thread and return it; calling again returns the same thread.

    ``on_done(error)`` runs in that thread when loading ends (``error`` is None on success);
    a Qt caller should only emit a signal from it. A failed load is retried, and its
    message shown, by the next call that needs words.
    """
    global _loader_thread

    def run() -> None:
        error: BaseException | None = None
        try:
            ensure_loaded()
        except Exception as exc:  # reported through on_done and again on first use
            error = exc
        if on_done is not None:
            on_done(error)

    with _loader_lock:
        if _loader_thread is None or (not _loader_thread.is_alive() and not _loaded.is_set()):
            _loader_thread = threading.Thread(target=run, name="jieba-loader", daemon=True)
            _loader_thread.start()
        elif on_done is not None:
            # Already started: still tell this caller when it is done.
            threading.Thread(target=run, name="jieba-loader-wait", daemon=True).start()
        return _loader_thread


def wait_loaded(timeout: float | None = None) -> bool:
    """Block until loaded or ``timeout`` seconds pass; True when loaded."""
    return _loaded.wait(timeout)


# --------------------------------------------------------------------------- words

_CJK = re.compile(r"[\u3400-\u9fff]")


def normalise(text: str) -> str:
    """Full-width letters and digits to half-width (NFKC), lower case: "ＡＢ１２" → "ab12"."""
    # Most report text is already NFKC: checking costs a fraction of normalising it again.
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return text.lower()


# jieba cuts each run of Han characters, letters and digits as one block, and its HMM for
# unknown words copies a path per character: quadratic in the block's length. A real
# sentence has punctuation long before 100 characters; a longer run is cut in pieces so a
# hostile 300,000-character paragraph costs linear time.
MAX_JIEBA_BLOCK = 100
_JIEBA_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]{" + str(MAX_JIEBA_BLOCK + 1) + ",}")
# Longest dictionary word looked for inside a word (jieba's own dictionary tops out at 16).
MAX_PART_CHARS = 32


def _bounded_pieces(text: str) -> list[str]:
    """``text`` unchanged, unless it has over-long blocks: then those are cut in pieces."""
    if len(text) <= MAX_JIEBA_BLOCK:
        return [text] if text else []
    pieces: list[str] = []
    position = 0
    for match in _JIEBA_BLOCK.finditer(text):
        pieces.append(text[position : match.start()])
        block = match.group()
        pieces.extend(block[i : i + MAX_JIEBA_BLOCK] for i in range(0, len(block), MAX_JIEBA_BLOCK))
        position = match.end()
    pieces.append(text[position:])
    return [piece for piece in pieces if piece]


def words(text: str) -> list[str]:
    """The words of ``text`` as jieba cuts it (accurate mode), normalised, no punctuation."""
    ensure_loaded()
    assert _segmenter is not None
    out: list[str] = []
    for piece in _bounded_pieces(normalise(text)):
        _segmenter.words(piece, out)
    return out


def word_boundaries(text: str) -> set[int]:
    """Offsets in ``text`` where jieba's words begin and end (0 and len(text) included)."""
    bounds, position = {0}, 0
    for word in cut(text):
        # A long dictionary entry made of words (人才工作 = 人才 + 工作) has their seams too;
        # a short one (人才库) stays whole.
        parts = tiling(word) if len(word) > 3 else None
        for part in parts or []:
            position += len(part)
            bounds.add(position)
        if not parts:
            position += len(word)
            bounds.add(position)
    return bounds


def segments(text: str) -> list[str]:
    """jieba's cut of ``text`` as written, punctuation and spaces included: they join back to it.

    For word-level comparisons that must map back to character offsets (the review diff).
    """
    pieces = cut(text)
    return pieces if "".join(pieces) == text else list(text)


@functools.lru_cache(maxsize=8192)
def _dictionary_parts(word: str) -> tuple[str, ...]:
    """Every shorter dictionary word inside ``word`` (at least 2 characters), left to right
    (by where it starts, then shortest first: the trie gives the words at a place in one look-up).
    Kept for the last few thousand words: a report's long words come back paragraph after
    paragraph (高质量发展, 全面从严治党), and indexing asked the trie again each time (issue 28)."""
    prefixes = dictionary().trie.prefixes
    size = len(word)
    parts = []
    for start in range(size - 1):
        for part in prefixes(word[start : start + MAX_PART_CHARS]):
            if 2 <= len(part) < size:
                parts.append(part)
    return tuple(parts)


def tokens(text: str) -> list[str]:
    """Search tokens: each word, preceded by every dictionary word inside it.

    Like jieba's ``cut_for_search`` but not limited to 2- and 3-character parts, so
    "全面从严治党" also yields 从严治党, 从严, 治党 and a search for any of them finds it.
    Two-character words (人才, 党建) are tokens of their own wherever they occur in a word,
    and also where jieba cut them apart around a lone character.
    """
    return tokens_of_words(words(text))


def tokens_of_words(pieces: list[str]) -> list[str]:
    """:func:`tokens` of a text whose :func:`words` are ``pieces`` (words of several texts
    joined by spaces are their lists one after the other)."""
    known = dictionary().trie
    out: list[str] = []
    for index, word in enumerate(pieces):
        size = len(word)
        if size > 2 and ("\u3400" <= word[0] <= "\u9fff" or _CJK.search(word)):
            out.extend(_dictionary_parts(word))
        out.append(word)
        if size == 1 and "\u3400" <= word <= "\u9fff":
            # A lone character is where jieba most often cut through a word ("压实党建工"
            # → 压实/党/建工): the dictionary words it forms with its neighbours count too.
            if index > 0 and (pair := pieces[index - 1][-1] + word) in known:
                out.append(pair)
            if index + 1 < len(pieces) and (pair := word + pieces[index + 1][0]) in known:
                out.append(pair)
    return out


def tiling(word: str) -> list[str] | None:
    """The fewest dictionary words (2+ characters) that exactly cover ``word``, or None.

    A query word such as "队伍建设" may sit across two words of an indexed paragraph
    ("人才队伍/建设"); its tiling 队伍 + 建设 still finds it.
    """
    known = dictionary().trie
    size = len(word)
    best: list[list[str] | None] = [None] * (size + 1)
    best[0] = []
    for end in range(2, size + 1):
        for start in range(max(0, end - MAX_PART_CHARS), end - 1):
            piece = word[start:end]
            prefix = best[start]
            if prefix is None or piece == word or piece not in known:
                continue
            candidate = [*prefix, piece]
            if best[end] is None or len(candidate) < len(best[end] or []):
                best[end] = candidate
    return best[size]


# --------------------------------------------------------------------------- keywords

# Function words and the verbs every 公文 paragraph uses: never a keyword of a section.
_STOP_WORDS_TEXT = """
    的 了 和 与 及 等 在 对 为 以 把 将 是 有 也 又 并 或 从 向 由 被 于 其 之 这 那 此 各 每 该
    我们 我区 我县 我市 我局 我委 我部 全区 全县 全市 今年 去年 明年 今年以来 上半年 下半年 一年来
    进一步 不断 持续 积极 认真 切实 扎实 全面 深入 大力 着力 努力 坚持 加强 推进 推动 落实 开展
    提升 提高 强化 完善 健全 做好 抓好 抓实 确保 实现 围绕 聚焦 按照 通过 根据 结合 进行 组织
    工作 方面 情况 问题 活动 有关 相关 各类 一批 一是 二是 三是 四是 五是 六是 七是 八是 九是 十是
    一些 一个 这些 那些 其中 同时 以及 还是 就是 已经 正在 能够 可以 需要 主要 重要 重点 共计
    狠抓 注重 发挥 促进 有效 充分 及时 广泛 严格 各项 各级 为主 共同 不断 继续 始终 更加 做到 形成
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


def _idf() -> tuple[dict[str, float], float]:
    """jieba's general-purpose IDF table (read directly: importing jieba.analyse costs a second)."""
    global _idf_table
    with _idf_lock:
        if _idf_table is None:
            import jieba

            table: dict[str, float] = {}
            path = Path(jieba.__file__).parent / "analyse" / "idf.txt"
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    word, _, value = line.strip().partition(" ")
                    if value:
                        table[word] = float(value)
            median = sorted(table.values())[len(table) // 2] if table else 10.0
            _idf_table = (table, median)
        return _idf_table


def general_idf(word: str) -> float:
    """Inverse document frequency of ``word`` in jieba's general corpus."""
    table, median = _idf()
    return table.get(word, median)


def keyword_candidates(text: str) -> list[str]:
    """Words that can be keywords: 2+ characters with a Chinese character, not a stop word."""
    return [w for w in words(text) if len(w) >= 2 and _CJK.search(w) and w not in STOP_WORDS]


def keywords(text: str, k: int = 8, idf: Callable[[str], float] | None = None) -> list[tuple[str, float]]:
    """The ``k`` words of ``text`` with the highest TF-IDF, as (word, weight), best first.

    ``idf`` defaults to jieba's general corpus; :mod:`core.reuse.suggest` passes the library's.
    Ties keep the order of first appearance.
    """
    candidates = keyword_candidates(text)
    if not candidates or k <= 0:
        return []
    idf = idf or general_idf
    counts: dict[str, int] = {}
    for word in candidates:
        counts[word] = counts.get(word, 0) + 1
    total = len(candidates)
    weighted = [(word, count / total * idf(word)) for word, count in counts.items()]
    weighted.sort(key=lambda item: -item[1])  # stable: ties stay in reading order
    return [(word, round(weight, 6)) for word, weight in weighted[:k] if weight > 0 and math.isfinite(weight)]


# --------------------------------------------------------------------------- figures

# Placeholders the publisher left for numbers: xx, XX, X, XXX, **, ××, ○○.
PLACEHOLDER = r"(?:[xX]{1,3}|\*{1,3}|×{1,3}|○{1,3})"
_ARABIC = r"\d+(?:[.,]\d+)*"
_CN_NUMBER = r"[一二三四五六七八九十百千万两〇零]{2,}"
# Longest first so "个百分点" wins over "个" and "人次" over "人".
_MEASURE_WORDS_TEXT = (
    "个百分点 平方公里 平方米 百分点 人次 批次 场次 户次 万元 亿元 千元 元 公里 千米 小时 分钟"
    " 次 项 个 人 名 位 件 篇 条 场 期 批 家 所 户 倍 亩 吨 天 处 座 台 辆 支 份 本 册 种 类 轮 堂 节 届 周 年 % ％ ‰"
)
MEASURE_WORDS = tuple(_MEASURE_WORDS_TEXT.split())
# Chinese-numeral figures are only read with these: 两个确立 and 十九届 are not figures.
_CN_MEASURE_WORDS = (
    "次",
    "项",
    "个",
    "人",
    "名",
    "件",
    "篇",
    "条",
    "场",
    "批",
    "家",
    "所",
    "户",
    "元",
    "万元",
    "亿元",
    "天",
)
_MEASURE = "|".join(re.escape(m) for m in MEASURE_WORDS)
_FIGURE_RE = re.compile(
    rf"(?<![0-9A-Za-z.])(?P<di>第)?(?P<number>{_ARABIC}|{PLACEHOLDER}|{_CN_NUMBER})"
    rf"(?P<scale>[万亿千百]*)(?P<approx>[余多]?)(?P<unit>{_MEASURE})"
)
_YEAR_NUMBER = re.compile(r"(19|20)\d\d")


@dataclass(frozen=True)
class Figure:
    """A number with its measure word found in text: 48次, 3.5亿元, 第xx次, 100％."""

    start: int
    end: int
    text: str
    number: str
    unit: str
    placeholder: bool  # the number is xx/**/×× left to be filled
    ordinal: bool  # 第…: a count of meetings or batches ("第3批")


def figures(text: str) -> list[Figure]:
    """Every number + measure-word figure in ``text``, in order. Needs no dictionary.

    Years (2022年) and dates are not figures; Chinese numerals count only with a
    counting word and at least two characters (二十余人, not 两个确立 or 十九届).
    """
    found: list[Figure] = []
    for match in _FIGURE_RE.finditer(text):
        number, unit = match.group("number"), match.group("unit")
        is_placeholder = re.fullmatch(PLACEHOLDER, number) is not None
        if unit == "年" and (_YEAR_NUMBER.fullmatch(number) or is_placeholder):
            continue  # 2022年 / xx年 is a year, checked as a date, not a count
        if re.fullmatch(_CN_NUMBER, number) and unit not in _CN_MEASURE_WORDS:
            continue
        found.append(
            Figure(
                start=match.start(),
                end=match.end(),
                text=match.group(0),
                number=number,
                unit=match.group("scale") + match.group("approx") + unit,
                placeholder=is_placeholder,
                ordinal=match.group("di") is not None,
            )
        )
    return found
