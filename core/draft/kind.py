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
    plan = true                     # a 工作要点: summaries may be drawn from it (由今年工作要点生成)
    summary = true                  # looks back on its period and ends with the next one's plan;
                                    # may be drawn from this year's plan
    next_year_from_month = 11       # from November a new draft is about next year (要点)
    last_year_until_month = 2       # until February a new draft is about last year (年度总结)
    [[guess]]                       # how an imported document is recognised as this kind
    rank = 10                       # the rules of all kinds are tried by rank, lowest first
    title_has = ["要点"]             # the title holds one of these words …
    title_also = []                 # … and one of these …
    title_lacks = []                # … and none of these
    title_ends = ""                 # the title ends with this
    shape = ""                      # or a shape of the text (GUESS_SHAPES below)
    otherwise = false               # or: the kind when no rule holds ("未发现明确特征，" + reason)
    reason = "标题含“要点”"          # said to the clerk (title rules: made up when left out)
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from core.base.errors import ReportError
from core.base.resources import templates_dir
from core.draft.model import (
    LAYOUT_PARAGRAPHS,
    SIGNATURE_UNSEALED,
    LevelFormat,
    Numbering,
    Report,
    Section,
)

BUILTIN_KINDS_DIR = templates_dir()
KINDS_PATH_ENV = "BAOGAO_KINDS_PATH"
KIND_FILE = "kind.toml"
TEMPLATE_FILE = "template.docx"
PLACEHOLDERS = ("unit", "year", "next_year", "prev_year")

# Shapes of a document's text a kind may be recognised by (kind.toml ``[[guess]] shape``);
# each is worked out by core/importing/kind_guess.py, which says why in its reason.
GUESS_SHAPES: dict[str, str] = {
    "salutation": "开头是会上的称呼（各位代表、同志们…）",
    "speaker_reports": "开头“我代表…报告”",
    "closing_comrades": "结尾以“同志们”开头",
    "oral_report": "开头是口头汇报的说法（受…委托/汇报）",
    "given_at_meeting": "标题下（或文首）写明在哪次会议上、由谁所作",
    "half_year_mentioned": "章节或开头提到“上半年”",
    "so_far_this_year": "写“今年以来”并安排下半年或下一步",
    "whole_year": "总结全年工作并提出明年打算",
    "continuous_items": "条目 1.、2.… 跨章连续编号",
    "year_outlook": "开头写年份形势与总体要求，各章为任务部署",
    "looking_back": "章节多写已做的工作",
    "looking_ahead": "章节多为部署，且没有结尾",
}


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
class GuessRule:
    """One way an imported document is recognised as a kind (kind.toml ``[[guess]]``).

    A title rule holds when the title has one of ``title_has`` (and one of ``title_also``,
    when given), none of ``title_lacks`` and ends with ``title_ends``; a shape rule when the
    text has that shape; ``otherwise`` always."""

    rank: int
    title_has: tuple[str, ...] = ()
    title_also: tuple[str, ...] = ()
    title_lacks: tuple[str, ...] = ()
    title_ends: str = ""
    shape: str = ""
    otherwise: bool = False
    reason: str = ""

    @property
    def by_title(self) -> bool:
        return bool(self.title_has or self.title_ends)

    def title_holds(self, title: str) -> bool:
        return (
            (not self.title_has or any(word in title for word in self.title_has))
            and (not self.title_also or any(word in title for word in self.title_also))
            and not any(word in title for word in self.title_lacks)
            and title.endswith(self.title_ends)
        )

    def title_reason(self, title: str) -> str:
        if self.reason:
            return self.reason
        word = next((w for w in self.title_has if w in title), self.title_ends)
        return f"标题含“{word}”"


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
    plan: bool = False  # a 工作要点 that summaries may be drawn from
    summary: bool = False  # looks back on its period, ends with the next one's plan
    next_year_from_month: int = 0  # from this month on, a new draft is about next year (0: never)
    last_year_until_month: int = 0  # up to this month, a new draft is about last year (0: never)
    guess: tuple[GuessRule, ...] = ()  # how an imported document is recognised as this kind

    @property
    def offered(self) -> frozenset[str]:
        """Field names of the 公文 elements this kind offers in 报告信息."""
        return frozenset(name for name, _ in self.elements)

    @property
    def template_path(self) -> Path | None:
        """The kind's Word template, or None (the generated default is used then)."""
        path = self.folder / TEMPLATE_FILE
        return path if path.is_file() else None

    def default_year(self, today: _dt.date | None = None) -> int:
        """The year a clerk starting this kind today most likely writes about: 工作要点 are
        written late in the year for the next one, a 年度总结 early in the year may still be
        about the last one (kind.toml ``next_year_from_month``, ``last_year_until_month``)."""
        today = today or _dt.date.today()
        if self.next_year_from_month and today.month >= self.next_year_from_month:
            return today.year + 1
        if self.last_year_until_month and today.month <= self.last_year_until_month:
            return today.year - 1
        return today.year

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
