"""The draft model shared by import, editing, rendering, checks and the GUI.

Ordinals are never part of any text here: they are computed from a section's position
and the report's numbering scheme (see :mod:`core.draft.numbering`).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field, replace
from typing import Any

from core.draft.reviews import ReviewRecord, record_from_dict, record_to_dict
from core.draft.tables import Table, table_from_dict, table_to_dict

STATUS_EMPTY, STATUS_DRAFT, STATUS_DONE = "empty", "draft", "done"
STATUS_LABELS = {STATUS_EMPTY: "空", STATUS_DRAFT: "草稿", STATUS_DONE: "已完成"}

REFERENCE_FROM_PLAN = "plan"
# The reference pane's title and the word for where its text comes from, by origin.
REFERENCE_NAMES = {"": ("上年参考", "上年"), REFERENCE_FROM_PLAN: ("今年工作要点", "工作要点")}

LAYOUT_PARAGRAPHS = "paragraphs"  # each point 一是… is its own paragraph
LAYOUT_INLINE = "inline"  # all points run on in one paragraph of their own
LAYOUT_JOINED = "joined"  # all points run on, continuing the last body paragraph
POINTS_LAYOUTS = (LAYOUT_PARAGRAPHS, LAYOUT_INLINE, LAYOUT_JOINED)
POINTS_LAYOUT_LABELS = {
    LAYOUT_PARAGRAPHS: "每条要点单独成段",
    LAYOUT_INLINE: "要点连排成一段",
    LAYOUT_JOINED: "要点接在正文之后",
}

# 落款 layouts of GB/T 9704 7.3.5: 加盖印章 and 不加盖印章.
SIGNATURE_SEALED, SIGNATURE_UNSEALED = "sealed", "unsealed"
SIGNATURE_LAYOUTS = (SIGNATURE_SEALED, SIGNATURE_UNSEALED)


def new_id() -> str:
    return secrets.token_hex(6)


@dataclass
class Point:
    """One 一是/二是… point. ``text`` excludes the ordinal; "\\n" separates extra paragraphs."""

    text: str
    reference: str = ""

    @property
    def first_sentence(self) -> str:
        return first_sentence(self.text)


@dataclass
class Section:
    """A numbered heading with what belongs to it, and its sub-sections.

    Layout of the text, in reading order (:func:`core.text.layout.section_layout` is the
    one function that lays it out, for the Word file, the plain text and the preview):
      heading  — run in with the first paragraph when ``run_in`` ("（一）标题。正文…");
      body     — paragraphs before the points;
      points   — per ``points_layout``: each its own paragraph (``LAYOUT_PARAGRAPHS``),
                 all in one paragraph (``LAYOUT_INLINE``), or all continuing the last
                 body paragraph (``LAYOUT_JOINED``);
      tail     — paragraphs after the points;
      tables   — each placed after ``after_body`` body entries, or after the tail
                 (see :mod:`core.draft.tables`);
      children — sub-sections.
    """

    heading: str = ""
    run_in: bool = False
    body: list[str] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    points_layout: str = LAYOUT_PARAGRAPHS
    tail: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    reference: str = ""
    # Paragraphs the clerk took into this section from the 资料库 (last years' reports): their
    # figures and meeting names are 待核实 like the reference's (core.reuse.flags).
    library_texts: list[str] = field(default_factory=list)
    hint: str = ""
    done: bool = False
    source_marker: str = ""
    # How the importer recognised the heading: marker / style / formatting / layout
    # (see core.importing.heading_rules); "" for sections made in the app.
    recognized_by: str = ""
    # A top-level part that is an attachment (GB/T 9704 7.3.4, 8): it starts its own page
    # after the 落款 as "附件N" with its heading as the title, its sub-parts numbered afresh.
    attachment: bool = False
    # An attachment part's own numbering of its sub-parts (an attachment read from a file
    # keeps the numbering it was written with); None: the report's.
    numbering: Numbering | None = None
    # Reviewers' comments kept with the section (core.review), "李主任（2025-07-12）批注…".
    notes: list[str] = field(default_factory=list)
    handled_notes: list[str] = field(default_factory=list)  # the notes the clerk marked 已处理
    id: str = field(default_factory=new_id)

    @property
    def status(self) -> str:
        if self.done:
            return STATUS_DONE
        return STATUS_DRAFT if self.own_text().strip() else STATUS_EMPTY

    def own_text(self) -> str:
        """Every character the clerk wrote in this section, excluding sub-sections."""
        parts = [*self.body, *(p.text for p in self.points), *self.tail]
        parts += [line for table in self.tables for line in table.text_lines()]
        return "\n".join(parts)

    def char_count(self) -> int:
        """Characters of heading and text, without whitespace, including sub-sections."""
        total = sum(len("".join(t.split())) for t in (self.heading, self.own_text()))
        return total + sum(child.char_count() for child in self.children)

    def walk(self, depth: int = 1) -> list[tuple[int, Section]]:
        """This section and all below it with their depths, in reading order."""
        out: list[tuple[int, Section]] = []
        stack = [(depth, self)]
        while stack:
            current_depth, section = stack.pop()
            out.append((current_depth, section))
            stack.extend((current_depth + 1, child) for child in reversed(section.children))
        return out


@dataclass
class LevelFormat:
    """How headings at one depth are numbered: a format such as "{cn}、" or "（{n}）"."""

    fmt: str
    continuous: bool = False  # numbers run on across parents (要点: items 1.–33.)


DEFAULT_LEVELS = ("{cn}、", "（{cn}）", "{n}.", "（{n}）")


@dataclass
class Numbering:
    levels: list[LevelFormat] = field(default_factory=lambda: [LevelFormat(f) for f in DEFAULT_LEVELS])
    points: str = "{cn}是"

    def level(self, depth: int) -> LevelFormat:
        """The format for a 1-based depth; deeper than defined falls back to the defaults."""
        if depth <= len(self.levels):
            return self.levels[depth - 1]
        return LevelFormat(DEFAULT_LEVELS[min(depth, len(DEFAULT_LEVELS)) - 1])


@dataclass
class Report:
    kind: str = "work_report"
    title: str = ""
    subtitle: str = ""
    addressee: str = ""  # 主送机关 (GB/T 9704 7.3.2), without its closing colon
    unit: str = ""
    year: int | None = None
    date: str = ""  # ISO yyyy-mm-dd, rendered as 2025年7月1日
    cover: list[str] = field(default_factory=list)  # 印发通知 paragraphs before the real title
    opening: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    signature: str = ""
    signature_layout: str = ""  # one of SIGNATURE_LAYOUTS; "" = the kind's default
    attachments: list[str] = field(default_factory=list)
    numbering: Numbering = field(default_factory=Numbering)
    prior_source: str = ""  # file name of last year's report the draft started from
    # What the reference text beside each section is: last year's report (""), or this
    # year's 工作要点 (REFERENCE_FROM_PLAN) for a summary written against the plan.
    reference_origin: str = ""
    reference_opening: str = ""
    reference_closing: str = ""
    verified_flags: list[str] = field(default_factory=list)
    # Warnings the clerk dismissed (忽略), each keyed by its paragraph's text: core.checks.ignored.
    ignored_findings: list[str] = field(default_factory=list)
    # 公文 elements (GB/T 9704 7.2 版头, 7.4 版记); see core.draft.fields for each one's rules.
    header_mode: str = ""  # "" 不加版头 / "electronic" 电子红头 / "pretinted" 套红纸
    copy_number: str = ""  # 份号
    secrecy: str = ""  # 密级和保密期限, "秘密★1年"
    urgency: str = ""  # 紧急程度
    issuer_mark: str = ""  # 发文机关标志, one organ a line
    doc_number: str = ""  # 发文字号, "某组发〔2024〕5号"
    signers: str = ""  # 签发人 names
    copy_to: str = ""  # 抄送机关
    printer: str = ""  # 印发机关
    print_date: str = ""  # 印发日期, ISO
    # 附件 pages (GB/T 9704 7.3.4, 8): the text of attachment i, paragraphs separated by "\n";
    # its name is attachments[i] (the 附件说明). An attachment without text gets no page.
    attachment_texts: list[str] = field(default_factory=list)
    # Reviewed copies taken in (core.review) and the clerk's decisions on their changes.
    reviews: list[ReviewRecord] = field(default_factory=list)

    def walk(self) -> list[tuple[int, Section]]:
        """Every section with its 1-based depth, in reading order."""
        out: list[tuple[int, Section]] = []
        for section in self.sections:
            out.extend(section.walk(1))
        return out

    def find(self, section_id: str) -> Section | None:
        # Depth first in reading order, stopping at the match: no list of every section made
        # (called as the clerk types, on drafts of hundreds of sections).
        stack = self.sections[::-1]
        while stack:
            section = stack.pop()
            if section.id == section_id:
                return section
            stack.extend(reversed(section.children))
        return None

    def parent_of(self, section_id: str) -> Section | None:
        for _, s in self.walk():
            if any(c.id == section_id for c in s.children):
                return s
        return None

    def char_count(self) -> int:
        from core.draft.fields import REPORT_FIELDS, field_lines

        loose = [line for f in REPORT_FIELDS if f.slot for line in field_lines(getattr(self, f.name))]
        return sum(len("".join(t.split())) for t in loose) + sum(s.char_count() for s in self.sections)


_SENTENCE_ENDS = "。！？；"


def first_sentence(text: str) -> str:
    """Text up to (not including) the first sentence end outside quotes and brackets."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in "“‘《（(「【":
            depth += 1
        elif ch in "”’》）)」】":
            depth = max(0, depth - 1)
        elif (ch in _SENTENCE_ENDS and depth == 0) or ch == "\n":
            return text[:i]
    return text


def to_dict(obj: Any) -> Any:
    """Plain JSON-ready structure; field order is kept so the file reads naturally."""
    if isinstance(obj, (Report, Section, Point, Numbering, LevelFormat)):
        return {name: to_dict(getattr(obj, name)) for name in obj.__dataclass_fields__}
    if isinstance(obj, Table):
        return table_to_dict(obj)
    if isinstance(obj, ReviewRecord):
        return record_to_dict(obj)
    if isinstance(obj, list):
        return [to_dict(x) for x in obj]
    return obj


def _pick(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ValueError(f"{cls.__name__} must be an object")
    return {k: v for k, v in data.items() if k in cls.__dataclass_fields__}


def point_from_dict(data: dict[str, Any]) -> Point:
    return Point(**_pick(Point, data))


def section_from_dict(data: dict[str, Any]) -> Section:
    fields = _pick(Section, data)
    if data.get("points_joined") and fields.get("points_layout") == LAYOUT_INLINE:
        fields["points_layout"] = LAYOUT_JOINED  # format 1 kept the two as separate flags
    fields["points"] = [point_from_dict(p) for p in fields.get("points", [])]
    fields["children"] = [section_from_dict(c) for c in fields.get("children", [])]
    fields["tables"] = [table_from_dict(t) for t in fields.get("tables", [])]
    if fields.get("numbering") is not None:
        fields["numbering"] = numbering_from_dict(fields["numbering"])
    return Section(**fields)


def numbering_from_dict(data: dict[str, Any]) -> Numbering:
    fields = _pick(Numbering, data)
    fields["levels"] = [LevelFormat(**_pick(LevelFormat, lv)) for lv in fields.get("levels", [])]
    return Numbering(**fields)


def report_from_dict(data: dict[str, Any]) -> Report:
    fields = _pick(Report, data)
    fields["sections"] = [section_from_dict(s) for s in fields.get("sections", [])]
    fields["reviews"] = [record_from_dict(r) for r in fields.get("reviews", [])]
    if "numbering" in fields:
        fields["numbering"] = numbering_from_dict(fields["numbering"])
    return Report(**fields)


def _own_lists(obj: Any, **changes: Any) -> Any:
    """A copy of a dataclass with its own list fields (the items are shared). Built from
    the instance's dict: ``dataclasses.replace`` would run __init__ for every section."""
    copied = object.__new__(type(obj))
    values = dict(obj.__dict__)
    for name, value in values.items():
        if isinstance(value, list):
            values[name] = list(value)
    values.update(changes)
    copied.__dict__.update(values)
    return copied


def snapshot(report: Report) -> Report:
    """A copy a background thread may read while the clerk goes on editing the original.

    Edits replace strings and lists rather than changing them in place, and points and
    sections are copied, so the copy costs pointers, not text (tables are replaced whole
    by every edit and shared).
    """

    def section_copy(section: Section) -> Section:
        return _own_lists(section, points=[replace(p) for p in section.points],
                          children=[section_copy(c) for c in section.children])

    return _own_lists(report, sections=[section_copy(s) for s in report.sections])

