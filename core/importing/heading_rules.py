"""Which paragraphs are headings, and how each was recognised.

Four ways, in this order of trust:
- ``marker``: a typed or automatic ordinal (一、 （一） 1. （1）, and 第一、 in older reports);
- ``style``: a Word heading style or outline level (the reader passes a ``HeadingHint``);
- ``formatting``: a short lead line set apart by bold, 黑体 or 楷体 (also from the reader);
- ``layout``: in plain text, a short line without punctuation standing between body
  paragraphs (过去五年的回顾 / 结束语), only where the document shows at least two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.draft.ordinals import cn_to_int, int_to_cn, parse_marker, parse_point

HOW_MARKER, HOW_STYLE, HOW_FORMATTING, HOW_LAYOUT = "marker", "style", "formatting", "layout"
HOW_LABELS = {HOW_MARKER: "编号", HOW_STYLE: "样式", HOW_FORMATTING: "格式", HOW_LAYOUT: "版式"}

DI_FAMILY = "di"  # 第一、第二、 as chapter headings
_DI_HEADING = re.compile(r"^第([一二三四五六七八九十]{1,3})、")
_NO_PUNCT = re.compile(r"^[^，。、；：！？,.;:!?（）()“”\"《》\d]+$")
_OPENERS = ("同志们", "各位领导", "各位同志", "各位代表")
_BODY_END = tuple("。！？…”；")
MAX_LAYOUT_TITLE = 16
MIN_BODY_AFTER_LAYOUT = 30
MAX_DI_HEADING = 40


@dataclass(frozen=True)
class HeadingHint:
    """What a reader saw: a heading style at ``level`` (1–4), or formatting of ``rank``
    (1 黑体, 2 楷体, 3 bold) — the ranks GB/T 9704 gives 一、（一）1. headings."""

    how: str
    level: int


@dataclass(slots=True)
class Heading:
    family: str
    rank: int
    text: str  # the heading text without its ordinal
    how: str
    raw_marker: str = ""
    fmt: str = ""
    number: int = 0
    absolute_level: int | None = None  # styles say their depth outright


def marker_heading(text: str) -> Heading | None:
    marker = parse_marker(text)
    if marker is not None:
        rest = text[len(marker.raw) :].lstrip(" \u3000")
        return Heading(marker.family, marker.rank, rest, HOW_MARKER, marker.raw, marker.fmt, marker.number)
    match = _DI_HEADING.match(text) if text.startswith("第") else None
    if match and len(text) <= MAX_DI_HEADING and not any(ch in text[:-1] for ch in "。；！？"):
        try:
            number = cn_to_int(match.group(1))
        except ValueError:
            return None
        rest = text[match.end() :].lstrip(" \u3000")
        if rest:
            return Heading(DI_FAMILY, 1, rest, HOW_MARKER, match.group(0), "第{cn}、", number)
    return None


def _hinted(text: str, hint: HeadingHint) -> Heading:
    if hint.how == HOW_STYLE:
        return Heading(f"style{hint.level}", hint.level, text, HOW_STYLE, absolute_level=hint.level)
    return Heading(f"format{hint.level}", hint.level, text, HOW_FORMATTING)


def _layout_title_like(text: str) -> bool:
    return (
        2 <= len(text) <= MAX_LAYOUT_TITLE
        and bool(_NO_PUNCT.match(text))
        and not text.startswith(_OPENERS)
        and parse_point(text) is None
    )


def find_headings(
    paras: list[str], start: int, end: int, hints: list[HeadingHint | None] | None
) -> dict[int, Heading]:
    """Index → Heading for the paragraphs in ``[start, end)``."""
    found: dict[int, Heading] = {}
    for j in range(start, end):
        text = paras[j]
        heading = marker_heading(text)
        if heading is not None and heading.family == DI_FAMILY:
            heading = heading if _di_sequence_ok(paras, j, end) else None
        if heading is None and hints is not None and hints[j] is not None:
            heading = _hinted(text, hints[j])
        if heading is not None:
            found[j] = heading
    if hints is None:
        _add_layout_titles(paras, start, end, found)
    return found


def _di_sequence_ok(paras: list[str], j: int, end: int) -> bool:
    """第一、 heads a chapter only when 第二、 follows (or 第N-1、 came before) as a heading."""
    match = _DI_HEADING.match(paras[j])
    number = cn_to_int(match.group(1)) if match else 0
    wanted = {f"第{_cn(number + 1)}、", f"第{_cn(number - 1)}、"} if number > 1 else {f"第{_cn(number + 1)}、"}
    return any(p.startswith(tuple(wanted)) and len(p) <= MAX_DI_HEADING for p in paras[:end])


def _cn(n: int) -> str:
    return int_to_cn(n) if n >= 1 else "〇"


def _add_layout_titles(paras: list[str], start: int, end: int, found: dict[int, Heading]) -> None:
    candidates = [
        j
        for j in range(start + 1, end - 1)
        if j not in found
        and _layout_title_like(paras[j])
        and (j - 1 in found or paras[j - 1].endswith(_BODY_END))
        and (j + 1 in found or len(paras[j + 1]) >= MIN_BODY_AFTER_LAYOUT)
    ]
    # One short line between paragraphs may be anything; a pattern of them is structure.
    if len(candidates) < 2:
        return
    numbered = [found[j] for j in sorted(found)]
    if not numbered or candidates[0] < min(found):
        # Titles that come before any numbered heading are the outer level (过去五年的回顾
        # above 第一、第二、).
        family, rank = "layout", 0
    else:
        # After numbered parts (结束语 after 四、) they stand beside the outermost ones.
        top = min(numbered, key=lambda h: h.rank)
        family, rank = top.family, top.rank
    for j in candidates:
        found[j] = Heading(family, rank, paras[j], HOW_LAYOUT, absolute_level=1)
