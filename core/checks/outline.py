"""Checks of the numbering as written: heading ordinals and 一是/二是 points.

Ordinals of sections are computed when a draft is rendered, so a gap or a mixed style can
only exist in the *source*: ``Section.source_marker`` keeps the marker as it was written
in the imported document ("" for sections made in the app, which are skipped). Points
that the importer left inline in a paragraph ("一是…二是…") are read from the text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from core.checks.base import SEVERITY_ERROR, CheckContext, Finding, register
from core.draft.model import Section
from core.draft.ordinals import Marker, cn_to_int, format_ordinal, int_to_cn, parse_marker
from core.text.textslots import Slot, section_slots

_FAMILY_NAMES = {"chapter": "一、", "section": "（一）", "item": "1.", "subitem": "（1）"}


def _marker(section: Section) -> Marker | None:
    return parse_marker(section.source_marker.strip()) if section.source_marker.strip() else None


def _sibling_groups(ctx: CheckContext) -> Iterator[tuple[int, Section | None, list[Section]]]:
    """(depth, parent, children) for the top level and every section with children."""
    yield 1, None, ctx.report.sections
    for depth, section in ctx.report.walk():
        if section.children:
            yield depth + 1, section, section.children


def _render(marker: Marker, number: int) -> str:
    try:
        return format_ordinal(marker.fmt, number)
    except ValueError:
        return str(number)


@register("ordinal_sequence", "编号不连续", SEVERITY_ERROR)
def check_ordinal_sequence(ctx: CheckContext) -> Iterator[Finding]:
    """一、二、四、 (gap), 二、二、 (repeat), 三、二、 (backwards), a level starting at （二）.

    Items numbered on across chapters (要点: 1.–33.) are accepted: a group may start at 1
    or right after the last number of the same style at the same depth.
    """
    last_at_depth: dict[tuple[int, str], int] = {}
    for depth, _parent, children in _sibling_groups(ctx):
        previous: dict[str, int] = {}
        for section in children:
            marker = _marker(section)
            if marker is None:
                continue
            key = (depth, marker.family)
            n = marker.number
            before = previous.get(marker.family)
            if before is None:
                run_on = last_at_depth.get(key)
                if n != 1 and (run_on is None or n != run_on + 1):
                    first = _render(marker, 1)
                    yield ctx.at_heading(
                        "ordinal_sequence",
                        section,
                        f"原文本级编号从“{marker.raw}”开始，缺少“{first}”。",
                        f"检查原文是否漏了“{first}”部分；导出时将按位置重新编号。",
                    )
            elif n == before:
                yield ctx.at_heading(
                    "ordinal_sequence",
                    section,
                    f"原文编号重复：连续两个“{marker.raw}”。",
                    f"改为“{_render(marker, before + 1)}”；导出时将按位置自动编号。",
                )
            elif n > before + 1:
                missing = "、".join(f"“{_render(marker, k)}”" for k in range(before + 1, min(n, before + 4)))
                yield ctx.at_heading(
                    "ordinal_sequence",
                    section,
                    f"原文编号不连续：“{_render(marker, before)}”之后是“{marker.raw}”，缺少{missing}。",
                    "检查是否漏了内容；如是编号错误，导出时将按位置自动改正。",
                )
            elif n < before:
                yield ctx.at_heading(
                    "ordinal_sequence",
                    section,
                    f"原文编号顺序颠倒：“{_render(marker, before)}”之后是“{marker.raw}”。",
                    "检查各部分的先后顺序；导出时将按位置自动编号。",
                )
            previous[marker.family] = n
            last_at_depth[key] = n


@register("ordinal_level", "层级错乱", SEVERITY_ERROR)
def check_ordinal_level(ctx: CheckContext) -> Iterator[Finding]:
    """（一） under 1., or siblings of different ranks (1. 2. （一）) in one level."""
    for _depth, parent, children in _sibling_groups(ctx):
        parent_marker = _marker(parent) if parent is not None else None
        markers = [(s, m) for s in children if (m := _marker(s)) is not None]
        if parent_marker is not None:
            for section, marker in markers:
                if marker.rank <= parent_marker.rank:
                    yield ctx.at_heading(
                        "ordinal_level",
                        section,
                        f"原文层级颠倒：“{marker.raw}”出现在“{parent_marker.raw}”之下。",
                        f"按“一、（一）1.（1）”的顺序，“{marker.raw}”应高于“{parent_marker.raw}”；调整层级或编号。",
                    )
        families = Counter(m.family for _, m in markers)
        if len(families) < 2:
            continue
        usual = families.most_common(1)[0][0]
        for section, marker in markers:
            if marker.family != usual:
                yield ctx.at_heading(
                    "ordinal_level",
                    section,
                    f"原文同一层级混用不同级别的编号：此处为“{marker.raw}”，同级其他部分为“{_FAMILY_NAMES[usual]}”式。",
                    f"“{_FAMILY_NAMES[marker.family]}”与“{_FAMILY_NAMES[usual]}”不是同一级：调整本部分的层级。",
                )


@register("ordinal_style", "编号样式不统一")
def check_ordinal_style(ctx: CheckContext) -> Iterator[Finding]:
    """1. beside 1、 (or （一） beside (一), 1. beside 1．) at the same level of the document."""
    by_level: dict[tuple[int, str], list[tuple[Section, Marker]]] = {}
    for depth, section in ctx.report.walk():
        marker = _marker(section)
        if marker is not None:
            by_level.setdefault((depth, marker.family), []).append((section, marker))
    for entries in by_level.values():
        styles = Counter(m.fmt for _, m in entries)
        if len(styles) < 2:
            continue
        usual = styles.most_common(1)[0][0]
        example = format_ordinal(usual, 1)
        for section, marker in entries:
            if marker.fmt != usual:
                yield ctx.at_heading(
                    "ordinal_style",
                    section,
                    f"原文编号样式不统一：此处为“{marker.raw}”，同级其他为“{example}”式。",
                    f"统一为“{example}”式（导出时按统一格式自动编号）。",
                )


# A point ordinal at a clause start; "三是否" is not one.
_POINT_RE = re.compile(r"(?:^|(?<=[。；;：:！？，,、\s”）)]))第?([一二三四五六七八九十]{1,3})是(?!否)")
_CN_VALUES = {int_to_cn(n): n for n in range(1, 31)}


def _point_units(ctx: CheckContext) -> Iterator[tuple[int | None, list[Slot]]]:
    """(number already reached, slots): runs of text in which one series can continue.

    A point of the model has its ordinal computed (the i-th point is i是), so a "三是" the
    importer left inside the text of point 一是 means 二是 is missing.
    """
    report = ctx.report
    for name in ("opening", "closing"):
        yield None, [s for s in ctx.slots if not s.section_id and s.field == name]
    for _, section in report.walk():
        slots = list(section_slots(section))
        yield None, [s for s in slots if s.field == "body"]
        for slot in slots:
            if slot.field == "points":
                yield slot.index + 1, [slot]
        yield (len(section.points) or None), [s for s in slots if s.field == "tail"]


# An ordinal typed or pasted at the head of a point, which gets its own when printed:
# "一是加强学习" would print as "一是一是加强学习". 第一，(一) 1. (1) forms too; not "1.5万".
_TYPED_POINT_MARKER = re.compile(
    r"^\s*(?:第?[一二三四五六七八九十]{1,3}是(?!否)|第[一二三四五六七八九十]{1,3}[，,、]"
    r"|[（(][一二三四五六七八九十0-9０-９]{1,3}[）)]|[0-9０-９]{1,2}[.．、](?![0-9０-９]))[，,、：:]?\s*"
)


_CN_DIGITS = "一二三四五六七八九十"
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_NUMERAL_CHARS = "一二三四五六七八九十〇零两0123456789０１２３４５６７８９"
_TYPED_NUMBER = re.compile(r"[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2}")
# 一是一、二是二 (say what is so): two "X是X" in a row are a saying, never ordinals.
_SAYING = re.compile(r"([一二三四五六七八九十])是\1[、，,]([一二三四五六七八九十])是\2")


def _words_not_a_marker(text: str, end: int, typed: str) -> bool:
    """What follows a start that looks like an ordinal makes it words: 一、二线城市 and 三、四季度
    (the next numeral, then no more numerals: an enumeration), 一是一、二是二 (the same numeral
    again, then a pause: a saying), （一）号文件 (a number before 号)."""
    rest = text[end:]
    if rest.startswith("号"):
        return True
    found = _TYPED_NUMBER.search(typed)
    if found is None:
        return False
    digits = found.group()
    number = cn_to_int(digits) if digits[0] in _CN_DIGITS else int(digits.translate(_FULL_WIDTH_DIGITS))
    following = int_to_cn(number + 1)
    if rest.startswith(following) and rest[len(following) : len(following) + 1] not in _NUMERAL_CHARS:
        return True
    return bool(_SAYING.match(text.lstrip()))


@register("typed_point_marker", "要点前多打了序号", SEVERITY_ERROR)
def check_typed_point_marker(ctx: CheckContext) -> Iterator[Finding]:
    """A point that starts with its own 一是/（一）/1.: the export numbers points itself."""
    if not ctx.report.numbering.points.strip():
        return  # points printed without ordinals: a typed one is the only one
    for slot in ctx.slots:
        if slot.field != "points":
            continue
        m = _TYPED_POINT_MARKER.match(slot.text)
        if m and m.end() < len(slot.text) and not _words_not_a_marker(slot.text, m.end(), m.group()):
            typed = m.group().strip().rstrip("，,、：:")
            yield ctx.finding(
                "typed_point_marker",
                slot,
                m.start(),
                m.end(),
                f"要点开头多打了序号“{typed}”：导出时序号自动生成，会印成两个序号。",
                f"删去“{typed}”。",
                fix="",
            )


@register("typed_heading_marker", "标题前多打了序号", SEVERITY_ERROR)
def check_typed_heading_marker(ctx: CheckContext) -> Iterator[Finding]:
    """A heading typed or pasted with its own 二、/（一）/1.: the export numbers headings itself
    and would print "二、二、下半年工作计划"."""
    for depth, section in ctx.report.walk():
        marker = parse_marker(section.heading)
        if marker is None or section.attachment or not ctx.report.numbering.level(depth).fmt.strip():
            continue  # an attachment's title, or a level printed without numbers, keeps it
        rest = section.heading[len(marker.raw) :]
        if not rest.strip() or _words_not_a_marker(section.heading, len(marker.raw), marker.raw):
            continue
        cut = len(marker.raw) + len(rest) - len(rest.lstrip())
        yield ctx.finding(
            "typed_heading_marker",
            Slot(section.id, "heading", 0, section.heading),
            0,
            cut,
            f"标题开头多打了序号“{marker.raw}”：导出时序号自动生成，会印成两个序号。",
            f"删去“{marker.raw}”。",
            fix="",
        )


@register("point_sequence", "一是二是不连续", SEVERITY_ERROR)
def check_point_sequence(ctx: CheckContext) -> Iterator[Finding]:
    """一是…三是 with 二是 missing, a repeated 二是, or 三是 before 二是, in written text."""
    for reached, unit in _point_units(ctx):
        before = reached
        for slot in unit:
            typed = _TYPED_POINT_MARKER.match(slot.text) if slot.field == "points" else None
            if typed and _words_not_a_marker(slot.text, typed.end(), typed.group()):
                typed = None
            sayings = [saying.span() for saying in _SAYING.finditer(slot.text)]
            for m in _POINT_RE.finditer(slot.text):
                if any(start <= m.start() < end for start, end in sayings):
                    continue  # 一是一、二是二: a saying, not ordinals
                if typed and m.start() < typed.end():
                    continue  # typed_point_marker's: the fix is to delete it, not to renumber it
                n = _CN_VALUES.get(m.group(1))
                if n is None:
                    continue
                word = m.group(0)
                if n == 1:
                    before = 1
                    continue
                if before is None:
                    message = f"“{word}”之前没有“一是”。"
                    suggestion = "补上“一是”，或改正序号。"
                elif n == before + 1:
                    before = n
                    continue
                elif n == before:
                    message = f"“{word}”重复出现。"
                    suggestion = f"改为“{int_to_cn(n + 1)}是”，并顺改其后的序号。"
                elif n > before:
                    missing = "、".join(f"“{int_to_cn(k)}是”" for k in range(before + 1, n))
                    message = f"“{int_to_cn(before)}是”之后是“{word}”，缺少{missing}。"
                    suggestion = f"补上缺少的内容，或把“{word}”改为“{int_to_cn(before + 1)}是”。"
                else:
                    message = f"“{int_to_cn(before)}是”之后是“{word}”，序号颠倒。"
                    suggestion = "按顺序改正序号。"
                yield ctx.finding("point_sequence", slot, m.start(), m.end(), message, suggestion)
                before = n
