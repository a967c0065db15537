"""Checks a draft's JSON before it becomes a :class:`Report`, so a bad file fails at once.

A draft can be edited by hand, truncated, or written by another program. Every field is
checked against its type and range here, and the refusal names the field in the clerk's
words ("第3部分的正文第2段应为文字"), instead of a crash later in the editor or the
renderer, or silently wrong output (a string where a list belongs is iterated one
character per paragraph).

The JSON itself is bounded before it is parsed: its nesting depth is measured on the raw
text, so a 100,000-deep array is refused without recursion.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from itertools import accumulate
from typing import Any

from core.draft.fields import CHOICE, REPORT_FIELDS, YEAR, ReportField
from core.draft.model import POINTS_LAYOUTS, Report, to_dict
from core.draft.ordinals import MAX_RENDERED_ORDINAL
from core.draft.reviews import DECISIONS
from core.draft.scale import MAX_PARAGRAPHS
from core.draft.tables import MAX_COLUMN_MM

# Far above any real report (the seeds have at most 4 levels and about 60 sections).
MAX_JSON_DEPTH = 40
MAX_SECTION_DEPTH = 8
MAX_SECTIONS = 50_000
MAX_SIBLINGS = MAX_RENDERED_ORDINAL  # beyond it no Chinese ordinal can number them
MAX_PARAGRAPHS_PER_LIST = MAX_PARAGRAPHS  # as many as the app promises to handle (core.draft.scale)
MAX_TEXT_CHARS = 1_000_000
MAX_LEVELS = 16
MAX_TABLES, MAX_TABLE_ROWS, MAX_TABLE_COLUMNS = 1_000, 10_000, 64
MIN_YEAR, MAX_YEAR = 1900, 2200

_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
# Openers become +1 and closers -1 as signed bytes, so the running sum is the depth.
_DEPTH_STEP = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")


class DraftInvalid(ValueError):
    """One field is wrong; ``str()`` is the Chinese sentence without the file name."""


def json_depth(text: str) -> int:
    """The deepest ``[``/``{`` nesting of ``text`` outside strings, without recursion."""
    brackets = _JSON_STRING.sub("", text).encode("utf-8", "replace").translate(None, _NOT_BRACKET)
    steps = array("b", brackets.translate(_DEPTH_STEP))
    return max(accumulate(steps), default=0)


def check_json_depth(text: str) -> None:
    if json_depth(text) > MAX_JSON_DEPTH:
        raise DraftInvalid(f"内容嵌套超过 {MAX_JSON_DEPTH} 层，不是正常的草稿。")


# ── the clerk's names for fields ──

# Report fields outside the field table (core.draft.fields), which names the rest.
_REPORT_TEXTS = {
    "kind": "报告类型",
    "prior_source": "往年报告文件名",
    "reference_opening": "去年的开头",
    "reference_closing": "去年的结尾",
    "reference_origin": "去年文字的来源",
}
_REPORT_LISTS = {"verified_flags": "已核实标记", "ignored_findings": "已忽略的检查结果"}
_SECTION_TEXTS = {
    "heading": "标题",
    "reference": "去年对照文字",
    "hint": "填写提示",
    "source_marker": "原序号",
    "recognized_by": "标题识别方式",
    "id": "编号",
}
_SECTION_LISTS = {
    "body": "正文",
    "tail": "要点后的正文",
    "library_texts": "取自资料库的文字",
    "notes": "审阅批注",
    "handled_notes": "已处理的审阅批注",
}
MAX_REVIEWS = 1_000
_SECTION_FLAGS = {"run_in": "标题接排", "points_joined": "要点接排", "done": "完成标记", "attachment": "作为附件"}


def _text(where: str, value: Any, *, limit: int = MAX_TEXT_CHARS) -> None:
    if not isinstance(value, str):
        raise DraftInvalid(f"“{where}”应为文字，实际是{_describe(value)}。")
    if len(value) > limit:
        raise DraftInvalid(f"“{where}”过长（{len(value)} 字，上限 {limit} 字）。")


def _flag(where: str, value: Any) -> None:
    if not isinstance(value, bool):
        raise DraftInvalid(f"“{where}”应为 true 或 false，实际是{_describe(value)}。")


def _list(where: str, value: Any, limit: int) -> list[Any]:
    if not isinstance(value, list):
        raise DraftInvalid(f"“{where}”应为列表，实际是{_describe(value)}。")
    if len(value) > limit:
        raise DraftInvalid(f"“{where}”有 {len(value)} 项，超过上限 {limit} 项。")
    return value


def _object(where: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DraftInvalid(f"“{where}”应为一组字段（JSON 对象），实际是{_describe(value)}。")
    return value


def _text_list(where: str, value: Any) -> None:
    for index, item in enumerate(_list(where, value, MAX_PARAGRAPHS_PER_LIST), start=1):
        _text(f"{where}第{index}段", item)


def _describe(value: Any) -> str:
    if value is None:
        return "空值（null）"
    if isinstance(value, bool):
        return "真假值"
    if isinstance(value, (int, float)):
        return f"数字 {value}"
    if isinstance(value, str):
        return f"文字“{value[:20]}”"
    if isinstance(value, list):
        return "列表"
    return "一组字段"


def _each_field(data: dict[str, Any], names: dict[str, str], where: str, check: Callable[[str, Any], None]) -> None:
    for key, label in names.items():
        if key in data:
            check(f"{where}{label}", data[key])


# ── the draft ──


def validate_report(data: Any) -> None:
    """Raise :class:`DraftInvalid` naming the first wrong field of a draft's ``report``."""
    report = _object("报告内容", data)
    _each_field(report, _REPORT_TEXTS, "", _text)
    _each_field(report, _REPORT_LISTS, "", _text_list)
    for row in REPORT_FIELDS:
        if row.name in report:
            _table_field(row, report[row.name])
    if "numbering" in report:
        _numbering(report["numbering"])
    if "reviews" in report:
        _reviews(report["reviews"])
    counter = [0]
    sections = _list("各部分", report.get("sections", []), MAX_SIBLINGS)
    _sections(sections, "", 1, counter)


def _table_field(row: ReportField, value: Any) -> None:
    if row.value == YEAR:
        _year(row.label, value)
    elif row.is_list:
        _text_list(row.label, value)
    else:
        _text(row.label, value)
        # "" is always allowed: "not chosen", the kind's default where the choice has one.
        if row.value == CHOICE and value and value not in (choice for choice, _ in row.choices):
            allowed = "、".join(f"“{label}”" for _, label in row.choices)
            raise DraftInvalid(f"“{row.label}”只能是{allowed}之一。")


def _reviews(value: Any) -> None:
    """Reviewed copies taken in (core.draft.reviews)."""
    for row, item in enumerate(_list("审阅记录", value, MAX_REVIEWS), start=1):
        where = f"第{row}条审阅记录"
        record = _object(where, item)
        for key in ("file", "digest", "reviewed_on"):
            _text(f"{where}的{key}", record.get(key, ""), limit=1_000)
        _text_list(f"{where}的审阅人", record.get("authors", []))
        _count(f"{where}的改动数", record.get("total", 0))
        decisions = _object(f"{where}的处理结果", record.get("decisions", {}))
        if len(decisions) > MAX_PARAGRAPHS_PER_LIST:
            raise DraftInvalid(f"“{where}的处理结果”条目过多。")
        for decision in decisions.values():
            if decision not in DECISIONS:
                raise DraftInvalid(f"“{where}的处理结果”只能是 accepted 或 rejected。")


def _year(label: str, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise DraftInvalid(f"“{label}”应为整数（如 2025），实际是{_describe(value)}。")
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise DraftInvalid(f"“{label}”{value} 不在 {MIN_YEAR}—{MAX_YEAR} 之间。")


def _numbering(value: Any, label: str = "编号方式") -> None:
    numbering = _object(label, value)
    if "points" in numbering:
        points = numbering["points"]
        _text(f"{label}的要点序号", points, limit=20)
        if points.count("{cn}") != 1 or "{n}" in points:
            raise DraftInvalid(f"“{label}的要点序号”须含一个 {{cn}}，如“{{cn}}是”。")
    levels = _list(f"{label}的各级序号", numbering.get("levels", []), MAX_LEVELS)
    for depth, level in enumerate(levels, start=1):
        where = f"{label}的第{depth}级序号"
        fields = _object(where, level)
        fmt = fields.get("fmt")
        _text(where, fmt, limit=20)
        # "" (or text without a placeholder) is a level whose headings carry no number.
        if fmt.count("{cn}") + fmt.count("{n}") > 1:
            raise DraftInvalid(f"“{where}”最多含一个 {{cn}}（汉字）或 {{n}}（数字），如“{{cn}}、”。")
        if "continuous" in fields:
            _flag(f"{where}的连续编号", fields["continuous"])


def _sections(items: list[Any], parent: str, depth: int, counter: list[int]) -> None:
    for index, item in enumerate(items, start=1):
        where = f"{parent}第{index}部分" if depth == 1 else f"{parent}第{index}小节"
        counter[0] += 1
        if counter[0] > MAX_SECTIONS:
            raise DraftInvalid(f"标题总数超过上限 {MAX_SECTIONS} 个，不是正常的草稿。")
        section = _object(where, item)
        _each_field(section, _SECTION_TEXTS, f"{where}的", _text)
        _each_field(section, _SECTION_LISTS, f"{where}的", _text_list)
        _each_field(section, _SECTION_FLAGS, f"{where}的", _flag)
        if "points_layout" in section and section["points_layout"] not in POINTS_LAYOUTS:
            raise DraftInvalid(f"“{where}的要点排法”只能是 {'、'.join(POINTS_LAYOUTS)} 之一。")
        points = _list(f"{where}的要点", section.get("points", []), MAX_SIBLINGS)
        for row, point in enumerate(points, start=1):
            fields = _object(f"{where}的第{row}个要点", point)
            _text(f"{where}的第{row}个要点", fields.get("text"))
            if "reference" in fields:
                _text(f"{where}的第{row}个要点的去年对照文字", fields["reference"])
        _tables(where, section.get("tables", []))
        if section.get("numbering") is not None:
            _numbering(section["numbering"], f"{where}的编号方式")
        children = _list(f"{where}的下级标题", section.get("children", []), MAX_SIBLINGS)
        if children and depth >= MAX_SECTION_DEPTH:
            raise DraftInvalid(f"“{where}”下的标题超过 {MAX_SECTION_DEPTH} 级，不是正常的草稿。")
        _sections(children, where, depth + 1, counter)


def _count(where: str, value: Any, *, nullable: bool = False) -> None:
    if value is None and nullable:
        return
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise DraftInvalid(f"“{where}”应为不小于 0 的整数，实际是{_describe(value)}。")


def _tables(where: str, value: Any) -> None:
    """A section's tables (core.draft.tables): rows of cell texts, header rows, place, merges, widths."""
    for number, item in enumerate(_list(f"{where}的表格", value, MAX_TABLES), start=1):
        label = f"{where}的第{number}个表格"
        table = _object(label, item)
        for row_number, row in enumerate(_list(f"{label}的行", table.get("rows", []), MAX_TABLE_ROWS), start=1):
            for column, cell in enumerate(_list(f"{label}第{row_number}行", row, MAX_TABLE_COLUMNS), start=1):
                _text(f"{label}第{row_number}行第{column}格", cell)
        if "header_rows" in table:
            _count(f"{label}的表头行数", table["header_rows"])
        if "after_body" in table:
            _count(f"{label}的位置", table["after_body"], nullable=True)
        for merge_number, merge in enumerate(_list(f"{label}的合并单元格", table.get("merges", []), MAX_TABLE_ROWS), 1):
            if not isinstance(merge, list) or len(merge) not in (3, 4):
                raise DraftInvalid(
                    f"“{label}的第{merge_number}处合并单元格”应为 [行, 列, 列数] 三个整数，跨行时为 [行, 列, 列数, 行数]。"
                )
            for part in merge:
                _count(f"{label}的第{merge_number}处合并单元格", part)
        for column, width in enumerate(_list(f"{label}的列宽", table.get("column_widths", []), MAX_TABLE_COLUMNS), 1):
            if not isinstance(width, int | float) or isinstance(width, bool) or not 0 <= width <= MAX_COLUMN_MM:
                raise DraftInvalid(
                    f"“{label}第{column}列的列宽”应为 0 到 {MAX_COLUMN_MM} 之间的毫米数（0 表示按内容），"
                    f"实际是{_describe(width)}。"
                )


def outline_refusal(report: Report) -> str | None:
    """Why a report (an imported document's) could not be saved as a draft that opens
    again, or None: the same checks as loading, so import and open never disagree."""
    try:
        validate_report(to_dict(report))
    except DraftInvalid as exc:
        return str(exc).rstrip("。")
    return None


__all__ = [
    "MAX_JSON_DEPTH",
    "DraftInvalid",
    "check_json_depth",
    "json_depth",
    "outline_refusal",
    "validate_report",
]
