"""Report kinds as data: each is a folder ``<id>/`` holding ``kind.toml`` and ``template.docx``.

A new kind is a new folder, not new code. Folders are looked up, later ones overriding
earlier ones with the same id:

1. the built-in ``templates/`` next to ``core/``;
2. ``<per-user data folder>/kinds/`` (a unit's own kinds or restyled templates);
3. every folder in the ``BAOGAO_KINDS_PATH`` environment variable (``os.pathsep``-separated);
4. ``extra_dirs`` passed by the caller.

``kind.toml`` fields (strings may use ``{unit}``, ``{year}``, ``{next_year}``, ``{prev_year}``)::

    name = "年度工作要点"            # display name
    description = "…"               # one line for the picker
    order = 1                       # position in lists
    title = "{unit}{year}年工作要点"  # title pattern
    signature = "{unit}"            # 发文机关署名 (empty for speeches)
    opening = ["{year}年，"]         # fixed wording the opening starts with
    opening_hint = "…"
    closing = []
    closing_hint = "…"
    points = "{cn}是"                # 一是/二是…
    [[levels]]                      # numbering per depth
    format = "{cn}、"
    [[levels]]
    format = "{n}."
    continuous = true               # 1.–33. run on across chapters
    [[sections]]                    # the skeleton, nested through [[sections.children]]
    heading = "上半年工作开展情况"
    hint = "…"
    run_in = false
    points_layout = "paragraphs"    # or "inline": 一是…二是… in one paragraph; or "joined":
                                    # the points continue the section's first paragraph
    upward = true                   # sent upward as a 报告: a 签发人 is expected (a check)
    notice = true                   # offers the 印发通知 wrapper (生成印发通知)
    [elements]                      # 公文 elements offered in 报告信息, each with its default
    header_mode = "none"            # or "electronic" (电子红头) / "pretinted" (套红纸)
    issuer_mark = "{unit}文件"
    doc_number = ""
"""

from __future__ import annotations

import copy
import datetime as _dt
import os
import string
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.base.errors import ReportError
from core.base.resources import templates_dir
from core.draft.fields import (
    CARRY_GIVEN,
    CARRY_KEEP,
    CARRY_KIND_DEFAULT,
    CARRY_KIND_WORDING,
    CARRY_ROLL_YEAR,
    CARRY_SAME_UNIT,
    CHOICE,
    FIELD_BY_NAME,
    REPORT_FIELDS,
    ReportField,
    empty_value,
)
from core.draft.model import (
    LAYOUT_INLINE,
    LAYOUT_JOINED,
    LAYOUT_PARAGRAPHS,
    POINTS_LAYOUTS,
    SIGNATURE_LAYOUTS,
    SIGNATURE_UNSEALED,
    LevelFormat,
    Numbering,
    Report,
    Section,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, packaged separately
    import tomli as tomllib

BUILTIN_KINDS_DIR = templates_dir()
KINDS_PATH_ENV = "BAOGAO_KINDS_PATH"
KIND_FILE = "kind.toml"
TEMPLATE_FILE = "template.docx"
PLACEHOLDERS = ("unit", "year", "next_year", "prev_year")


class KindError(ReportError):
    """A kind folder whose ``kind.toml`` cannot be used."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"报告类型定义“{self.path}”有误：{reason}")


class UnknownKind(ReportError):
    def __init__(self, kind_id: str, available: Iterable[str]) -> None:
        self.kind_id = kind_id
        names = "、".join(available) or "（无）"
        super().__init__(
            f"没有名为“{kind_id}”的报告类型。可选：{names}。运行 python main.py kinds 查看说明。"
        )


@dataclass(frozen=True)
class SkeletonSection:
    heading: str = ""
    hint: str = ""
    run_in: bool = False
    points_layout: str = LAYOUT_PARAGRAPHS
    children: tuple[SkeletonSection, ...] = ()


@dataclass(frozen=True)
class Kind:
    id: str
    name: str
    description: str
    folder: Path
    title_pattern: str
    levels: tuple[tuple[str, bool], ...]
    points_format: str = "{cn}是"
    opening: tuple[str, ...] = ()
    closing: tuple[str, ...] = ()
    opening_hint: str = ""
    closing_hint: str = ""
    signature: str = ""
    skeleton: tuple[SkeletonSection, ...] = ()
    order: int = 100
    builtin: bool = field(default=False, compare=False)
    elements: tuple[tuple[str, str], ...] = ()  # 公文 element fields offered, with defaults
    dated: bool = False  # the report ends with a 成文日期: new drafts get today's date
    signature_layout: str = SIGNATURE_UNSEALED  # default 落款 layout (GB/T 9704 7.3.5)
    upward: bool = False  # a 报告 sent upward: 签发人 expected
    notice: bool = False  # the 印发通知 wrapper is offered

    @property
    def offered(self) -> frozenset[str]:
        """Field names of the 公文 elements this kind offers in 报告信息."""
        return frozenset(name for name, _ in self.elements)

    @property
    def template_path(self) -> Path | None:
        """The kind's Word template, or None (the generated default is used then)."""
        path = self.folder / TEMPLATE_FILE
        return path if path.is_file() else None

    def numbering(self) -> Numbering:
        return Numbering(
            levels=[LevelFormat(fmt, cont) for fmt, cont in self.levels], points=self.points_format
        )

    def fill(self, text: str, year: int, unit: str = "") -> str:
        """Replace ``{unit}``/``{year}``/``{next_year}``/``{prev_year}`` in a kind's wording."""
        values = {"unit": unit, "year": year, "next_year": year + 1, "prev_year": year - 1}
        return text.format_map(values)

    def title_for(self, year: int, unit: str = "") -> str:
        return self.fill(self.title_pattern, year, unit).strip()

    def new_report(self, year: int | None = None, unit: str = "") -> Report:
        """A fresh draft from the skeleton: headings, hints, fixed wording, numbering."""
        year = year or _dt.date.today().year
        return Report(
            kind=self.id,
            title=self.title_for(year, unit),
            unit=unit,
            year=year,
            opening=[self.fill(t, year, unit) for t in self.opening],
            sections=[self._section(s, year, unit) for s in self.skeleton],
            closing=[self.fill(t, year, unit) for t in self.closing],
            signature=self.fill(self.signature, year, unit).strip(),
            numbering=self.numbering(),
            **self.element_defaults(year, unit),
            **self.kind_defaults(year),
        )

    def kind_defaults(self, year: int, today: _dt.date | None = None) -> dict[str, str]:
        """Fields whose starting value the kind decides: the 落款 layout, and 成文日期 for
        kinds that end with one — today, when today is in the report's year or the next
        (a 年度总结 is often dated in January); the clerk adjusts it."""
        today = today or _dt.date.today()
        dated = self.dated and today.year in (year, year + 1)
        return {"date": today.isoformat() if dated else "", "signature_layout": self.signature_layout}

    def element_defaults(self, year: int, unit: str = "") -> dict[str, str]:
        """Each offered 公文 element's starting value (kind.toml ``[elements]``)."""
        return {name: self.fill(default, year, unit).strip() for name, default in self.elements}

    def _section(self, skeleton: SkeletonSection, year: int, unit: str) -> Section:
        return Section(
            heading=self.fill(skeleton.heading, year, unit),
            hint=self.fill(skeleton.hint, year, unit),
            run_in=skeleton.run_in,
            points_layout=skeleton.points_layout,
            children=[self._section(c, year, unit) for c in skeleton.children],
        )

    def carry_over(self, prior: Report, year: int | None = None, unit: str | None = None) -> Report:
        """A new draft that keeps last year's outline (沿用上年提纲).

        Headings and layout are kept; every section's text is cleared and shown beside it
        as reference, so the clerk rewrites rather than retypes. The title's year rolls
        forward; rolling years inside the text and flagging stale figures is the
        carry-over step's job (issue 5).
        """
        from core.text.plaintext import section_text_paragraphs

        year = year or ((prior.year + 1) if prior.year else _dt.date.today().year)
        unit = prior.unit if unit is None else unit
        if prior.title and prior.year and str(prior.year) in prior.title:
            title = prior.title.replace(str(prior.year), str(year))
        else:
            title = self.title_for(year, unit)

        def carry(section: Section) -> Section:
            return Section(
                heading=section.heading,
                run_in=section.run_in,
                points_layout=section.points_layout,
                children=[carry(c) for c in section.children],
                reference="\n".join(section_text_paragraphs(prior, section)),
                hint=section.hint,
                recognized_by=section.recognized_by,  # so a wrong guess can still be spotted
            )

        report = Report(
            kind=self.id,
            unit=unit,
            year=year,
            sections=[carry(s) for s in prior.sections],
            numbering=copy.deepcopy(prior.numbering) if prior.sections else self.numbering(),
            prior_source=prior.prior_source,
            reference_opening="\n".join(prior.opening),
            reference_closing="\n".join(prior.closing),
        )
        for spec in REPORT_FIELDS:
            if spec.carry != CARRY_GIVEN:
                setattr(report, spec.name, self._carried(spec, prior, report, title))
        return report

    def _carried(self, spec: ReportField, prior: Report, new: Report, title: str) -> Any:
        """One field of next year's draft, by the field's carry-over rule."""
        year, unit = new.year or _dt.date.today().year, new.unit
        value = getattr(prior, spec.name)
        if spec.carry == CARRY_KEEP and spec.element and not value:
            return self.element_defaults(year, unit).get(spec.name, empty_value(spec))  # the kind's default
        if spec.carry == CARRY_KIND_DEFAULT and not (spec.value == CHOICE and value):
            return self.kind_defaults(year).get(spec.name, empty_value(spec))
        if spec.carry == CARRY_KEEP:
            return copy.deepcopy(value)
        if spec.carry == CARRY_ROLL_YEAR:
            return title
        if spec.carry == CARRY_KIND_WORDING:
            return [self.fill(t, year, unit) for t in getattr(self, spec.name)]
        if spec.carry == CARRY_SAME_UNIT:
            own = self.fill(getattr(self, spec.name), year, unit)
            # A kind without a standard wording keeps last year's (a 讲话 signed by a person).
            return (value if value and (unit == prior.unit or not own.strip()) else own).strip()
        return empty_value(spec)


# ── reading kind.toml ──


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


def kind_dirs(extra_dirs: Sequence[Path | str] | None = None) -> list[Path]:
    """Folders searched for kinds, lowest priority first."""
    from core.base.paths import data_dir

    dirs = [BUILTIN_KINDS_DIR, data_dir() / "kinds"]
    dirs += [Path(p) for p in os.environ.get(KINDS_PATH_ENV, "").split(os.pathsep) if p.strip()]
    dirs += [Path(p) for p in extra_dirs or ()]
    return dirs


def load_kinds_with_errors(
    extra_dirs: Sequence[Path | str] | None = None,
) -> tuple[dict[str, Kind], list[str]]:
    """All kinds by id (in display order) and a message per unusable folder.

    A broken built-in kind is a bug and raises; a broken kind a unit added is skipped so
    that the rest of the app keeps working.
    """
    found, failures = _scan_kinds(extra_dirs)
    return found, [str(exc) for exc in failures.values()]


def _scan_kinds(extra_dirs: Sequence[Path | str] | None) -> tuple[dict[str, Kind], dict[str, KindError]]:
    found: dict[str, Kind] = {}
    failures: dict[str, KindError] = {}
    for directory in kind_dirs(extra_dirs):
        builtin = directory == BUILTIN_KINDS_DIR
        if not directory.is_dir():
            continue
        for folder in sorted(p for p in directory.iterdir() if (p / KIND_FILE).is_file()):
            try:
                kind = load_kind(folder, builtin=builtin)
            except KindError as exc:
                if builtin:
                    raise
                failures[folder.name] = exc
                continue
            found[kind.id] = kind
    ordered = sorted(found.values(), key=lambda k: (k.order, k.id))
    return {k.id: k for k in ordered}, failures


def load_kinds(extra_dirs: Sequence[Path | str] | None = None) -> dict[str, Kind]:
    return load_kinds_with_errors(extra_dirs)[0]


def builtin_kinds() -> dict[str, Kind]:
    kinds = (
        load_kind(p, builtin=True) for p in sorted(BUILTIN_KINDS_DIR.iterdir()) if (p / KIND_FILE).is_file()
    )
    return {k.id: k for k in sorted(kinds, key=lambda k: (k.order, k.id))}


def get_kind(kind_id: str, extra_dirs: Sequence[Path | str] | None = None) -> Kind:
    """The kind with this id; a kind whose definition is broken is named with the reason."""
    kinds, failures = _scan_kinds(extra_dirs)
    if kind_id in kinds:
        return kinds[kind_id]
    if kind_id in failures:
        raise KindError(failures[kind_id].path, f"{failures[kind_id].reason}该类型已停用，其他类型不受影响。")
    raise UnknownKind(kind_id, kinds)


__all__ = [
    "BUILTIN_KINDS_DIR",
    "KINDS_PATH_ENV",
    "Kind",
    "KindError",
    "SkeletonSection",
    "UnknownKind",
    "builtin_kinds",
    "get_kind",
    "kind_dirs",
    "load_kind",
    "load_kinds",
    "load_kinds_with_errors",
]
