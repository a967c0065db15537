"""Reading one kind's folder: ``kind.toml`` checked field by field into a :class:`Kind`.

A malformed or absurd file raises :class:`KindError` naming the file and what to fix; the
kind is then left out and the other kinds keep working (core.draft.kinds).
"""

from __future__ import annotations

import re
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

from core.draft.kind import GUESS_SHAPES, KIND_FILE, PLACEHOLDERS, GuessRule, Kind, KindError, SkeletonSection

MAX_KIND_FILE_BYTES = 256 * 1024
MAX_WORDING_CHARS = 2_000
MAX_FORMAT_CHARS = 20  # an ordinal format: "（{cn}）", "{n}."
MAX_ORDER = 1_000_000
ORDINAL_PLACEHOLDERS = ("cn", "n")

# The schema: every key a kind.toml may hold, with the type it must have. A key not listed
# (a typo such as "titel") is an error rather than silently ignored.
TEXT = "文字"
WORDING = "文字（可含占位符）"
WORDINGS = "文字或文字列表（可含占位符）"
ORDINAL = "编号格式"
FLAG = "true 或 false"
INTEGER = "整数"
CHOICE_OF = "选项"
TABLES = "表列表"
TABLE = "表"
MONTH = "月份（1–12）"
WORDS = "文字列表"
SHAPE = "文字特征"

TOP_KEYS: dict[str, str] = {
    "name": TEXT,
    "description": TEXT,
    "order": INTEGER,
    "title": WORDING,
    "signature": WORDING,
    "opening": WORDINGS,
    "opening_hint": WORDING,
    "closing": WORDINGS,
    "closing_hint": WORDING,
    "points": ORDINAL,
    "dated": FLAG,
    "signature_layout": CHOICE_OF,
    "upward": FLAG,
    "notice": FLAG,
    "plan": FLAG,
    "summary": FLAG,
    "next_year_from_month": MONTH,
    "last_year_until_month": MONTH,
    "guess": TABLES,
    "levels": TABLES,
    "sections": TABLES,
    "elements": TABLE,
}
LEVEL_KEYS: dict[str, str] = {"format": ORDINAL, "continuous": FLAG}
SECTION_KEYS: dict[str, str] = {
    "heading": WORDING,
    "hint": WORDING,
    "run_in": FLAG,
    "points_layout": CHOICE_OF,
    "points_joined": FLAG,  # the older form of points_layout = "joined"
    "children": TABLES,
}

GUESS_KEYS: dict[str, str] = {
    "rank": INTEGER,
    "title_has": WORDS,
    "title_also": WORDS,
    "title_lacks": WORDS,
    "title_ends": TEXT,
    "shape": SHAPE,
    "otherwise": FLAG,
    "reason": TEXT,
}
MAX_GUESS_WORDS = 50

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def _braces(path: Path, key: str, text: str, allowed: tuple[str, ...]) -> list[str]:
    """The placeholder names in ``text``; an error for a stray brace, a format spec or a name
    not in ``allowed``. One rule for wordings and ordinal formats: every brace belongs to a
    placeholder (a literal brace would be printed into every title or heading)."""
    if _PLACEHOLDER.sub("", text).count("{") or _PLACEHOLDER.sub("", text).count("}"):
        raise KindError(
            path, f"{key} 中的花括号不成对：“{text[:50]}”。花括号只能用来写占位符，如 {{{allowed[0]}}}。"
        )
    names = _PLACEHOLDER.findall(text)
    for name in names:
        if ":" in name or "!" in name:
            raise KindError(
                path, f"{key} 中的占位符只能写成 {{{allowed[0]}}} 这样，不能带格式（如 {{{name}}}）。"
            )
        if name not in allowed:
            choices = "、".join("{" + p + "}" for p in allowed)
            raise KindError(path, f"{key} 中的“{{{name}}}”无法识别，只能使用 {choices}。")
    return names


def _text(path: Path, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise KindError(path, f"{key} 应为文字（用英文双引号括起），现在是 {_toml_type(value)}。")
    if len(value) > MAX_WORDING_CHARS:
        raise KindError(path, f"{key} 过长（{len(value)} 字，上限 {MAX_WORDING_CHARS} 字）。")
    return value


def _check_wording(path: Path, key: str, value: Any) -> str:
    text = _text(path, key, value)
    _braces(path, key, text, PLACEHOLDERS)
    return text


def _ordinal_format(path: Path, key: str, value: Any) -> str:
    """An ordinal format: some text around exactly one {cn} (一、二…) or {n} (1、2…)."""
    text = _text(path, key, value)
    if len(text) > MAX_FORMAT_CHARS:
        raise KindError(path, f"{key} 过长（{len(text)} 字，编号格式最多 {MAX_FORMAT_CHARS} 字）。")
    names = _braces(path, key, text, ORDINAL_PLACEHOLDERS)
    if len(names) != 1:
        raise KindError(
            path,
            f"{key}（“{text}”）须恰好含一个 {{cn}}（汉字序号）或 {{n}}（阿拉伯数字），"
            f'现在有 {len(names)} 个。如 "{{cn}}、" 或 "（{{n}}）"。',
        )
    return text


def _flag(path: Path, key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise KindError(path, f"{key} 应为 true 或 false，现在是 {_toml_type(value)}。")
    return value


def _integer(path: Path, key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise KindError(path, f"{key} 应为整数，现在是 {_toml_type(value)}。")
    if abs(value) > MAX_ORDER:
        raise KindError(path, f"{key} 超出范围（应在 -{MAX_ORDER} 到 {MAX_ORDER} 之间）。")
    return value


def _choice(path: Path, key: str, value: Any, choices: tuple[str, ...]) -> str:
    if value not in choices:
        allowed = "、".join(f"“{name}”" for name in choices)
        raise KindError(path, f"{key} 只能是 {allowed}。")
    return str(value)


def _toml_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "整数"
    if isinstance(value, float):
        return "小数"
    if isinstance(value, str):
        return "文字"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "表"
    return "日期或时间"


def _known_keys(path: Path, where: str, table: dict[str, Any], schema: dict[str, str]) -> None:
    for key in table:
        if key not in schema:
            allowed = "、".join(schema)
            raise KindError(path, f"{where}无法识别的键“{key}”（可能拼写有误）。可用的键：{allowed}。")


def _tables(path: Path, key: str, value: Any, schema: dict[str, str]) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        table_name = re.sub(r"\[\d+\]", "", key)
        raise KindError(path, f"“{key}”应为 [[{table_name}]] 表列表，每一项是一个表。")
    for index, item in enumerate(value, start=1):
        _known_keys(path, f"{key}[{index}] 中", item, schema)
    return value


def _wording_list(path: Path, data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise KindError(path, f"{key} 应为文字或文字列表，现在是 {_toml_type(value)}。")
    return tuple(_check_wording(path, f"{key}[{i}]", t) for i, t in enumerate(value, start=1))


def _skeleton(path: Path, items: Any, where: str = "sections", depth: int = 1) -> tuple[SkeletonSection, ...]:
    if depth > 4:
        raise KindError(path, f"{where}：提纲最多四级。")
    out = []
    for index, item in enumerate(_tables(path, where, items, SECTION_KEYS), start=1):
        at = f"{where}[{index}]"
        layout = _choice(
            path, f"{at}.points_layout", item.get("points_layout", LAYOUT_PARAGRAPHS), POINTS_LAYOUTS
        )
        if layout == LAYOUT_INLINE and _flag(path, f"{at}.points_joined", item.get("points_joined", False)):
            layout = LAYOUT_JOINED  # the older two-setting form
        out.append(
            SkeletonSection(
                heading=_check_wording(path, f"{at}.heading", item.get("heading", "")),
                hint=_check_wording(path, f"{at}.hint", item.get("hint", "")),
                run_in=_flag(path, f"{at}.run_in", item.get("run_in", False)),
                points_layout=layout,
                children=_skeleton(path, item.get("children", []), f"{at}.children", depth + 1),
            )
        )
    return tuple(out)


def _levels(path: Path, items: Any) -> tuple[tuple[str, bool], ...]:
    if not isinstance(items, list) or not items:
        raise KindError(path, '缺少编号方式 [[levels]]（至少一级，如 format = "{cn}、"）。')
    if len(items) > 8:
        raise KindError(path, "编号方式 [[levels]] 最多八级。")
    levels = []
    for index, item in enumerate(_tables(path, "levels", items, LEVEL_KEYS), start=1):
        if "format" not in item:
            raise KindError(
                path, f'levels[{index}] 缺少 format（编号格式须含 {{cn}} 或 {{n}}，如 "{{cn}}、"）。'
            )
        fmt = _ordinal_format(path, f"levels[{index}].format", item["format"])
        levels.append((fmt, _flag(path, f"levels[{index}].continuous", item.get("continuous", False))))
    return tuple(levels)


def _elements(path: Path, table: Any) -> tuple[tuple[str, str], ...]:
    """``[elements]``: field name = default wording ("" or true: offered, empty)."""
    if table is None:
        return ()
    if not isinstance(table, dict):
        raise KindError(path, '[elements] 应为一个表，如 doc_number = ""。')
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
                raise KindError(path, f"elements.{name} 只能是 {'、'.join(values)}。")
            default = values[default]
        out.append((name, _check_wording(path, f"elements.{name}", default)))
    return tuple(out)


def _month(path: Path, key: str, value: Any) -> int:
    month = _integer(path, key, value)
    if not 0 <= month <= 12:
        raise KindError(path, f"{key} 应为 1 到 12 之间的月份（0 表示不用），现在是 {month}。")
    return month


def _words(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or len(value) > MAX_GUESS_WORDS:
        raise KindError(path, f'{key} 应为文字列表（最多 {MAX_GUESS_WORDS} 个），如 ["要点"]。')
    words = tuple(_text(path, f"{key}[{i}]", word).strip() for i, word in enumerate(value, start=1))
    if not all(words):
        raise KindError(path, f"{key} 中有空的文字：空文字在任何标题里都能找到。")
    return words


def _guess_rules(path: Path, items: Any) -> tuple[GuessRule, ...]:
    """``[[guess]]``: how an imported document is recognised as this kind."""
    rules = []
    for index, item in enumerate(_tables(path, "guess", items, GUESS_KEYS), start=1):
        at = f"guess[{index}]"
        shape = _text(path, f"{at}.shape", item.get("shape", ""))
        if shape and shape not in GUESS_SHAPES:
            allowed = "；".join(f"{name}（{meaning}）" for name, meaning in GUESS_SHAPES.items())
            raise KindError(path, f"{at}.shape“{shape}”无法识别，只能是：{allowed}。")
        rule = GuessRule(
            rank=_integer(path, f"{at}.rank", item.get("rank", 100)),
            title_has=_words(path, f"{at}.title_has", item.get("title_has", [])),
            title_also=_words(path, f"{at}.title_also", item.get("title_also", [])),
            title_lacks=_words(path, f"{at}.title_lacks", item.get("title_lacks", [])),
            title_ends=_text(path, f"{at}.title_ends", item.get("title_ends", "")).strip(),
            shape=shape,
            otherwise=_flag(path, f"{at}.otherwise", item.get("otherwise", False)),
            reason=_text(path, f"{at}.reason", item.get("reason", "")).strip(),
        )
        conditions = sum((rule.by_title, bool(rule.shape), rule.otherwise))
        if conditions != 1:
            raise KindError(
                path,
                f"{at} 须恰好写一种判断方式：标题（title_has 或 title_ends）、文字特征（shape）"
                "或 otherwise = true。",
            )
        if (rule.title_also or rule.title_lacks) and not rule.by_title:
            raise KindError(path, f"{at}：title_also、title_lacks 须与 title_has 或 title_ends 一起使用。")
        if rule.otherwise and not rule.reason:
            raise KindError(path, f"{at}：otherwise 规则须写 reason，说明为什么按这一类型处理。")
        rules.append(rule)
    return tuple(rules)


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
    _known_keys(path, "", data, TOP_KEYS)
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise KindError(path, '缺少显示名称 name（应为文字，如 name = "年度工作总结"）。')
    points = _ordinal_format(path, "points", data.get("points", "{cn}是"))
    if "{cn}" not in points:
        raise KindError(path, 'points 须含 {cn}，如 "{cn}是"。')
    return Kind(
        id=folder.name,
        name=_text(path, "name", name).strip(),
        description=_text(path, "description", data.get("description", "")).strip(),
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
        order=_integer(path, "order", data.get("order", 100)),
        builtin=builtin,
        elements=_elements(path, data.get("elements")),
        dated=_flag(path, "dated", data.get("dated", False)),
        signature_layout=_choice(
            path, "signature_layout", data.get("signature_layout", SIGNATURE_UNSEALED), SIGNATURE_LAYOUTS
        ),
        upward=_flag(path, "upward", data.get("upward", False)),
        notice=_flag(path, "notice", data.get("notice", False)),
        plan=_flag(path, "plan", data.get("plan", False)),
        summary=_flag(path, "summary", data.get("summary", False)),
        next_year_from_month=_month(path, "next_year_from_month", data.get("next_year_from_month", 0)),
        last_year_until_month=_month(path, "last_year_until_month", data.get("last_year_until_month", 0)),
        guess=_guess_rules(path, data.get("guess", [])),
    )
