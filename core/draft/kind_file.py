"""Reading one kind's folder: ``kind.toml`` checked field by field into a :class:`Kind`.

A malformed or absurd file raises :class:`KindError` naming the file and what to fix; the
kind is then left out and the other kinds keep working (core.draft.kinds).
"""

from __future__ import annotations

import string
import sys
from pathlib import Path
from typing import Any

from core.draft.fields import (
    CHOICE,
    FIELD_BY_NAME,
    REPORT_FIELDS,
)
from core.draft.model import (
    LAYOUT_INLINE,
    LAYOUT_JOINED,
    LAYOUT_PARAGRAPHS,
    POINTS_LAYOUTS,
    SIGNATURE_LAYOUTS,
    SIGNATURE_UNSEALED,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, packaged separately
    import tomli as tomllib

from core.draft.kind import KIND_FILE, PLACEHOLDERS, Kind, KindError, SkeletonSection

MAX_KIND_FILE_BYTES = 256 * 1024
MAX_WORDING_CHARS = 2_000


def _check_wording(path: Path, what: str, text: Any) -> str:
    if not isinstance(text, str):
        raise KindError(path, f"“{what}”应为文字。")
    if len(text) > MAX_WORDING_CHARS:
        raise KindError(path, f"“{what}”过长（{len(text)} 字，上限 {MAX_WORDING_CHARS} 字）。")
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(text)]
    except ValueError as exc:
        raise KindError(path, f"“{what}”中的花括号不成对：{text[:50]}") from exc
    names = [name for name, _, _ in fields if name is not None]
    if any(spec or conversion for name, spec, conversion in fields if name is not None):
        raise KindError(path, f"“{what}”中的占位符只能写成 {{year}} 这样，不能带格式（如 {{year:>10}}）。")
    unknown = [n for n in names if n not in PLACEHOLDERS]
    if unknown:
        allowed = "、".join("{" + p + "}" for p in PLACEHOLDERS)
        raise KindError(path, f"“{what}”中的“{{{unknown[0]}}}”无法识别，只能使用 {allowed}。")
    try:
        text.format_map({"unit": "某单位", "year": 2025, "next_year": 2026, "prev_year": 2024})
    except (ValueError, IndexError, KeyError) as exc:
        raise KindError(path, f"“{what}”中的占位符写法有误：{text}") from exc
    return text


def _wording_list(path: Path, data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise KindError(path, f"“{key}”应为文字列表。")
    return tuple(_check_wording(path, key, t) for t in value)


def _skeleton(path: Path, items: Any, depth: int = 1) -> tuple[SkeletonSection, ...]:
    if not isinstance(items, list):
        raise KindError(path, "“sections”应为 [[sections]] 表列表。")
    if depth > 4:
        raise KindError(path, "提纲最多四级。")
    out = []
    for item in items:
        if not isinstance(item, dict):
            raise KindError(path, "“sections”中每一项都应是一个表。")
        layout = item.get("points_layout", LAYOUT_PARAGRAPHS)
        if layout == LAYOUT_INLINE and item.get("points_joined"):
            layout = LAYOUT_JOINED  # the older two-setting form
        if layout not in POINTS_LAYOUTS:
            allowed = "、".join(f"“{name}”" for name in POINTS_LAYOUTS)
            raise KindError(path, f"points_layout 只能是 {allowed}。")
        out.append(
            SkeletonSection(
                heading=_check_wording(path, "heading", item.get("heading", "")),
                hint=_check_wording(path, "hint", item.get("hint", "")),
                run_in=bool(item.get("run_in", False)),
                points_layout=layout,
                children=_skeleton(path, item.get("children", []), depth + 1),
            )
        )
    return tuple(out)


def _levels(path: Path, items: Any) -> tuple[tuple[str, bool], ...]:
    if not isinstance(items, list) or not items:
        raise KindError(path, '缺少编号方式 [[levels]]（至少一级，如 format = "{cn}、"）。')
    levels = []
    if len(items) > 8:
        raise KindError(path, "编号方式 [[levels]] 最多八级。")
    for item in items:
        fmt = item.get("format") if isinstance(item, dict) else None
        if not isinstance(fmt, str) or ("{cn}" not in fmt and "{n}" not in fmt):
            raise KindError(path, "每级编号的 format 须含 {cn}（汉字序号）或 {n}（阿拉伯数字）。")
        levels.append((fmt, bool(item.get("continuous", False))))
    return tuple(levels)


def _elements(path: Path, table: Any) -> tuple[tuple[str, str], ...]:
    """``[elements]``: field name = default wording ("" or true: offered, empty)."""
    if table is None:
        return ()
    if not isinstance(table, dict):
        raise KindError(path, "[elements] 应为一个表，如 doc_number = \"\"。")
    out = []
    for name, default in table.items():
        spec = FIELD_BY_NAME.get(name)
        if spec is None or not spec.element:
            allowed = "、".join(f.name for f in REPORT_FIELDS if f.element)
            raise KindError(path, f"[elements] 中的“{name}”无法识别，只能是 {allowed}。")
        if default is True:
            default = ""
        if spec.value == CHOICE:
            values = {value or "none": value for value, _ in spec.choices}
            if default not in values:
                raise KindError(path, f"{name} 只能是 {'、'.join(values)}。")
            default = values[default]
        out.append((name, _check_wording(path, name, default)))
    return tuple(out)


def load_kind(folder: Path | str, builtin: bool = False) -> Kind:
    """Read one kind folder; raises KindError with a Chinese message."""
    folder = Path(folder)
    path = folder / KIND_FILE
    try:
        if path.stat().st_size > MAX_KIND_FILE_BYTES:
            raise KindError(path, f"文件过大（超过 {MAX_KIND_FILE_BYTES // 1024} KB），不像是报告类型定义。")
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise KindError(path, "文件不存在。") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise KindError(path, "无法读取（须为 UTF-8 文本）。") from exc
    except tomllib.TOMLDecodeError as exc:
        raise KindError(path, f"格式错误（{exc}）。") from exc
    except RecursionError as exc:  # [[[[… nested past what the TOML reader can follow
        raise KindError(path, "格式错误（方括号或花括号嵌套过深）。") from exc
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise KindError(path, "缺少显示名称 name。")
    points = data.get("points", "{cn}是")
    if not isinstance(points, str) or "{cn}" not in points:
        raise KindError(path, 'points 须含 {cn}，如 "{cn}是"。')
    order = data.get("order", 100)
    if not isinstance(order, int):
        raise KindError(path, "order 应为整数。")
    return Kind(
        id=folder.name,
        name=name.strip(),
        description=str(data.get("description", "")).strip(),
        folder=folder,
        title_pattern=_check_wording(path, "title", data.get("title", "{unit}{year}年工作报告")),
        levels=_levels(path, data.get("levels")),
        points_format=points,
        opening=_wording_list(path, data, "opening"),
        closing=_wording_list(path, data, "closing"),
        opening_hint=_check_wording(path, "opening_hint", data.get("opening_hint", "")),
        closing_hint=_check_wording(path, "closing_hint", data.get("closing_hint", "")),
        signature=_check_wording(path, "signature", data.get("signature", "")),
        skeleton=_skeleton(path, data.get("sections", [])),
        order=order,
        builtin=builtin,
        elements=_elements(path, data.get("elements")),
        dated=_flag(path, data, "dated"),
        signature_layout=_signature_layout(path, data),
        upward=bool(data.get("upward", False)),
        notice=bool(data.get("notice", False)),
    )


def _flag(path: Path, data: dict[str, Any], key: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise KindError(path, f"{key} 应为 true 或 false。")
    return value


def _signature_layout(path: Path, data: dict[str, Any]) -> str:
    value = data.get("signature_layout", SIGNATURE_UNSEALED)
    if value not in SIGNATURE_LAYOUTS:
        raise KindError(path, f"signature_layout 应为 {' 或 '.join(SIGNATURE_LAYOUTS)}。")
    return value
