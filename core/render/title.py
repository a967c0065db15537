"""Break a title too long for one line at a word boundary (GB/T 9704 §7.3.3).

"回行时，要做到词意完整，排列对称，长短适宜" — Word would cut a 2号 title after its 20th
character, wherever that falls ("…上半年工作总" / "结"). We choose the breaks ourselves:
between words as jieba cuts them (through core.text.language, so the 政务 user dictionary
applies) and never inside the unit's or the 发文机关's name while the title can be broken
so in the fewest lines or one more, preferring the boundaries titles are usually broken at (after 的/关于/an
organisation's name, before the year or 工作总结…), never inside a number or a Latin
word, with lines of similar length. jieba is loaded only when a title is too long for one
line, and the result does not depend on anything but the title.
"""

from __future__ import annotations

import itertools
import math
import unicodedata
from functools import lru_cache

from core.draft.model import Report
from core.text.layout import ATTACHMENT_TITLE

# Laid paragraphs (core.text.layout parts) the export may break into lines itself: the title,
# a notice's title, an attachment's title (title_lines), a 署名 too wide for its box
# (core.render.signature). A line break a reviewed copy shows in them is layout, not words.
PARTS_BROKEN_INTO_LINES = frozenset({"title", "cover", ATTACHMENT_TITLE, "signature"})

TITLE_LINE_WIDTH = 20  # 2号 (22 pt) characters in the 156 mm text block
MOST_TITLE_LINES = 4  # a longer title is left to Word to wrap (and is no title)

_CLOSING = "，。、：；！？）》”’」】〕,.;:!?)"
_OPENING = "（《“‘「【〔("
_PAIRS = {"《": "》", "“": "”", "（": "）", "(": ")"}
_AFTER_WORDS = (
    "关于",
    "的",
    "委员会",
    "组织部",
    "宣传部",
    "统战部",
    "政法委",
    "区委",
    "市委",
    "县委",
    "省委",
    "党委",
    "党组",
    "党工委",
    "管委会",
    "政府",
    "办公室",
    "常委会",
    "纪委",
    "监委",
    "中心",
    "局",
    "厅",
)
_BEFORE_WORDS = (
    "工作要点",
    "工作总结",
    "工作报告",
    "工作汇报",
    "工作情况",
    "工作计划",
    "工作安排",
    "工作方案",
    "实施方案",
    "实施意见",
    "的讲话",
    "讲话",
    "的通知",
    "的报告",
    "的意见",
    "上半年",
    "下半年",
)
_FORBIDDEN = math.inf


def char_width(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5


def text_width(text: str) -> float:
    return sum(char_width(ch) for ch in text)


# LibreOffice sets a gap of about a fifth of a character between Chinese and digits or
# Latin letters (its reading of autoSpaceDE/DN); a title measured without it that just fits
# wraps its last character alone ("…工作要点》的通 / 知").
_SCRIPT_GAP = 0.25


def _gap_before(previous: str, ch: str) -> float:
    wide_then_alnum = char_width(previous) == 1.0 and ch.isascii() and ch.isalnum()
    alnum_then_wide = previous.isascii() and previous.isalnum() and char_width(ch) == 1.0
    return _SCRIPT_GAP if wide_then_alnum or alnum_then_wide else 0.0


def printed_width(text: str) -> float:
    """A title's width in characters as it prints, the gaps between scripts included."""
    return text_width(text) + sum(_gap_before(a, b) for a, b in itertools.pairwise(text))


def word_boundaries(title: str, wait_for_words: bool = True) -> set[int]:
    """Positions between two words of ``title``; none (break by the rules below alone) when
    jieba is still loading and the caller — the live preview — must not wait for it."""
    from core.text import language

    if not wait_for_words and not language.is_loaded():
        return set()
    cuts, position = set(), 0
    for word in language.cut(title):
        position += len(word)
        cuts.add(position)
    return cuts


def _break_penalty(title: str, i: int, depth: int, boundaries: set[int]) -> float:
    """Cost of starting a new line before ``title[i]``."""
    before, after = title[i - 1], title[i]
    if after in _CLOSING or before in _OPENING:
        return _FORBIDDEN
    if before.isascii() and after.isascii() and before.isalnum() and after.isalnum():
        return _FORBIDDEN  # inside a number or a Latin word
    cost = 3.0 if i in boundaries else 30.0
    head, tail = title[:i], title[i:]
    if any(head.endswith(w) for w in _AFTER_WORDS):
        cost = 1.0 if not head.endswith("的") else 1.5
    if any(tail.startswith(w) for w in _BEFORE_WORDS) or (after.isdigit() and not before.isdigit()):
        cost = min(cost, 1.0)
    if after in _OPENING:
        cost = min(cost, 2.0)
    if before in _CLOSING:
        # Fine to the eye, but a line ending in punctuation reads as a sentence, not a title.
        cost = min(cost, 6.0)
    if depth > 0:
        cost += 8.0  # inside 《…》 or “…”
    return cost


def _penalties(title: str, wait_for_words: bool) -> list[float]:
    boundaries = word_boundaries(title, wait_for_words)
    depth = 0
    costs = [_FORBIDDEN]
    for i in range(1, len(title)):
        ch = title[i - 1]
        if ch in _PAIRS:
            depth += 1
        elif ch in _PAIRS.values():
            depth = max(0, depth - 1)
        costs.append(_break_penalty(title, i, depth, boundaries))
    return costs


def title_lines(
    title: str, width: float = TITLE_LINE_WIDTH, wait_for_words: bool = True, names: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """The title's lines. A clerk's own line breaks are kept as they are.

    Lines break between words and never inside one of ``names`` (the unit, the 发文机关)
    whenever that is possible in the fewest lines or one more; only a title that cannot be
    broken so is broken by the costs alone (a mid-word break expensive, not refused).
    """
    if "\n" in title or printed_width(title) <= width:
        return tuple(title.split("\n"))
    if not wait_for_words:
        from core.text import language

        if not language.is_loaded():
            return _title_lines_now(title, width, names)
    return _title_lines_cached(title, width, tuple(names))


def _title_lines_now(title: str, width: float, names: tuple[str, ...]) -> tuple[str, ...]:
    return _break_title(title, width, _penalties(title, wait_for_words=False), set(), names)


@lru_cache(maxsize=256)
def _title_lines_cached(title: str, width: float, names: tuple[str, ...]) -> tuple[str, ...]:
    return _break_title(title, width, _penalties(title, wait_for_words=True), word_boundaries(title), names)


def _inside_words(title: str, boundaries: set[int], names: tuple[str, ...]) -> set[int]:
    """Break positions inside a word (between two boundaries) or inside one of ``names``."""
    inside = {i for i in range(1, len(title)) if i not in boundaries}
    for name in filter(None, names):
        start = title.find(name)
        while start >= 0:
            inside.update(range(start + 1, start + len(name)))
            start = title.find(name, start + 1)
    return inside


def _break_title(
    title: str, width: float, costs: list[float], boundaries: set[int], names: tuple[str, ...] = ()
) -> tuple[str, ...]:
    fewest = math.ceil(printed_width(title) / width)
    if boundaries:  # words known: first try without a break inside a word or a name
        inside = _inside_words(title, boundaries, names)
        whole = [_FORBIDDEN if i in inside else cost for i, cost in enumerate(costs)]
        lines = _cheapest_lines(title, width, whole, range(fewest, min(fewest + 2, MOST_TITLE_LINES + 1)))
        if lines is not None:
            return lines
    return _cheapest_lines(title, width, costs, range(fewest, MOST_TITLE_LINES + 1)) or (title,)  # else: Word wraps it


def _cheapest_lines(title: str, width: float, costs: list[float], counts: range) -> tuple[str, ...] | None:
    """The least costly breaking into the first of ``counts`` lines that has one."""
    widths = [0.0]
    for at, ch in enumerate(title):
        gap = _gap_before(title[at - 1], ch) if at else 0.0
        widths.append(widths[-1] + char_width(ch) + gap)
    total = widths[-1]
    for count in counts:
        ideal = total / count
        # best[k][j]: least cost of putting title[:j] on k lines, and the previous break.
        best: list[dict[int, tuple[float, int]]] = [{0: (0.0, 0)}]
        for _k in range(1, count + 1):
            row: dict[int, tuple[float, int]] = {}
            for j in range(1, len(title) + 1):
                if j < len(title) and costs[j] == _FORBIDDEN:
                    continue
                for i, (cost_i, _) in best[-1].items():
                    line = widths[j] - widths[i]
                    if i >= j or line > width:
                        continue
                    cost = cost_i + (costs[j] if j < len(title) else 0) + 0.15 * (line - ideal) ** 2
                    if j not in row or cost < row[j][0]:
                        row[j] = (cost, i)
            best.append(row)
        if len(title) in best[count]:
            cuts = [len(title)]
            for k in range(count, 0, -1):
                cuts.append(best[k][cuts[-1]][1])
            cuts.reverse()
            return tuple(title[a:b] for a, b in itertools.pairwise(cuts))
    return None


def organisation_names(report: Report) -> tuple[str, ...]:
    """Names a title must not be broken inside: the unit, the 发文机关 (标志 less its 文件),
    the 署名 and 印发机关 lines."""
    lines = [report.unit, report.printer, *report.signature.split("\n")]
    lines += [line.strip().removesuffix("文件") for line in report.issuer_mark.split("\n")]
    return tuple(sorted({line.strip() for line in lines if len(line.strip()) >= 3}, key=len, reverse=True))


def title_for_untitled(report: Report) -> tuple[str, str]:
    """(title, warning) for a report without a title, such as a body copied without one.

    With the report's year known (stated or read from its text) the kind's title pattern
    gives one ("某某区委组织部2023年工作要点"); otherwise the title stays empty. Either way
    the warning tells the clerk.
    """
    from core.draft.kinds import load_kinds
    from core.reuse.carryover import infer_year

    kind = load_kinds().get(report.kind)
    year = report.year or infer_year(report)
    if kind is None or year is None:
        return "", "报告没有标题，文档中也就没有标题。请在“报告信息”中填写标题。"
    title = kind.title_for(year, report.unit)
    return title, f"报告没有标题，已按报告类型生成标题“{title}”，请核对。"
