"""Report → the plain context the Word template is rendered with.

Every ordinal is computed here (core.draft.numbering), and the report is flattened into a list
of paragraphs in reading order. Each paragraph is a dict with

* ``style`` — which template paragraph to use (a key of ``styles.VARIANTS``);
* ``lead``  — the run-in heading part ("（一）标题。"), set in the heading's font; else "";
* ``text``  — the rest of the paragraph;
* ``part``  — what it is: cover/title/subtitle/opening/heading/body/point/closing/attachment/
  signature/date (for previews and tests);
* ``section`` — id of the section it belongs to, or "".

Only plain str/int/list/dict values: the template runs in a sandbox.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

from core.base.errors import ReportError
from core.draft.model import LAYOUT_INLINE, Report, Section
from core.draft.numbering import point_marker, section_markers
from core.draft.ordinals import CHAPTER, FAMILY_OF_FORMAT, ITEM, SECTION, SUBITEM
from core.render.title import title_lines

# Characters XML 1.0 cannot carry (and docxtpl would turn \a \f into paragraph/page
# breaks). Tabs and line breaks are kept; lone surrogates cannot be saved as UTF-8.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_NEWLINES = re.compile(r"\r\n?")
_HEADING_STYLE = {CHAPTER: "h1", SECTION: "h2", ITEM: "h3", SUBITEM: "h4"}
_RUN_IN_END = "。"
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


class NumberingOverflow(ReportError):
    def __init__(self) -> None:
        super().__init__(
            "有一级标题或“一是、二是”超过了 99 个，无法用汉字序号编号。请把这一级拆分成几组，或改用阿拉伯数字编号。"
        )


def clean_text(text: str) -> str:
    """Text safe for XML, with Windows/Mac line ends turned into "\\n"."""
    return _UNSAFE.sub("", _NEWLINES.sub("\n", text))


def split_paragraphs(text: str) -> list[str]:
    return clean_text(text).split("\n")


def format_date(value: str) -> str | None:
    """ISO "2025-07-01" → "2025年7月1日" (GB/T 9704: Arabic numerals, no zero padding)."""
    match = _ISO_DATE.match(value)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        _dt.date(year, month, day)
    except ValueError:
        return None
    return f"{year}年{month}月{day}日"


def is_salutation(text: str) -> bool:
    """ "同志们：", "各位领导、同志们：" — a 称谓 line, set flush left."""
    stripped = text.strip()
    return (
        0 < len(stripped) <= 30
        and stripped.endswith(("：", ":"))
        and not any(ch in stripped for ch in "。；！？")
    )


def _title_like(text: str) -> bool:
    stripped = text.strip()
    return 0 < len(stripped) <= 60 and not any(ch in stripped for ch in "。；！？：")


def heading_style(report: Report, depth: int) -> str:
    """h1–h4 by the marker's family (要点 items "1." at depth 2 look like 1. headings)."""
    family = FAMILY_OF_FORMAT.get(report.numbering.level(depth).fmt)
    return _HEADING_STYLE.get(family, f"h{min(depth, 4)}") if family else f"h{min(depth, 4)}"


def section_paragraphs(report: Report, section: Section) -> list[str]:
    """The section's own text as paragraphs, points with their ordinals, heading excluded.

    Follows the layout rules in :class:`core.draft.model.Section`: body, then the points (each
    its own paragraph, or one inline paragraph that continues the last body paragraph
    when ``points_joined``), then the tail.
    """
    paragraphs = list(section.body)
    if section.points:
        marked = [point_marker(report, i) + point.text for i, point in enumerate(section.points)]
        if section.points_layout == LAYOUT_INLINE:
            joined = "".join(marked)
            if section.points_joined and paragraphs:
                paragraphs[-1] += joined
            else:
                paragraphs.append(joined)
        else:
            paragraphs.extend(marked)
    paragraphs.extend(section.tail)
    # "\n" inside any piece (a point's extra paragraphs) starts a new paragraph.
    return [line for text in paragraphs for line in split_paragraphs(text)]


def _heading_lead(marker: str, heading: str, run_in: bool) -> str:
    heading = clean_text(heading)
    if run_in and heading and not heading.endswith(_RUN_IN_END):
        heading += _RUN_IN_END
    return marker + heading


@dataclass
class RenderContext:
    context: dict[str, Any]
    warnings: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[dict[str, str]]:
        return self.context["paragraphs"]

    def expected_texts(self) -> list[str]:
        """What each rendered paragraph must read (used to prove nothing was lost)."""
        return [p["lead"] + p["text"] for p in self.paragraphs]


def _paragraph(style: str, text: str, part: str, lead: str = "", section: str = "") -> dict[str, str]:
    return {"style": style, "lead": lead, "text": text, "part": part, "section": section}


def _cover(report: Report, wait_for_words: bool) -> list[dict[str, str]]:
    """A 印发通知 before the report: its own title, 主送机关 flush left, its text; the
    report itself then starts on a new page (``cover_last`` carries the page break)."""
    lines = [line for text in report.cover for line in split_paragraphs(text)]
    out = []
    for index, text in enumerate(lines):
        if index == len(lines) - 1:
            out.append(_paragraph("cover_last", text, "cover"))
        elif index == 0 and _title_like(text):
            out.append(_paragraph("title", "\n".join(title_lines(text.strip(), wait_for_words=wait_for_words)), "cover"))
        else:
            out.append(_paragraph("salutation" if is_salutation(text) else "body", text, "cover"))
    return out


def _title_block(report: Report, wait_for_words: bool) -> list[dict[str, str]]:
    """Title (broken between words if too long) and subtitle lines; the block's last line
    uses the style with one blank line after it."""
    subtitles = (
        [line for line in split_paragraphs(report.subtitle) if line.strip()] if report.subtitle else []
    )
    out = []
    if report.title.strip():
        lines = title_lines(clean_text(report.title).strip(), wait_for_words=wait_for_words)
        out.append(_paragraph("title_tight" if subtitles else "title", "\n".join(lines), "title"))
    for index, text in enumerate(subtitles):
        style = "subtitle" if index == len(subtitles) - 1 else "subtitle_tight"
        out.append(_paragraph(style, text, "subtitle"))
    return out


def _markers(report: Report) -> dict[str, str]:
    try:
        markers = section_markers(report)
        for _, section in report.walk():
            for index in range(len(section.points)):
                point_marker(report, index)
    except ValueError as exc:
        raise NumberingOverflow() from exc
    return markers


def _sections(report: Report, warnings: list[str]) -> list[dict[str, str]]:
    """Every section: its heading (standalone, or run in with the first paragraph) and text."""
    markers = _markers(report)
    out: list[dict[str, str]] = []
    untitled: list[str] = []
    path: list[str] = []
    for depth, section in report.walk():
        marker = markers[section.id]
        del path[depth - 1 :]
        path.append(marker)
        if not section.heading.strip():
            untitled.append(f"“{''.join(path)}”")
        style = heading_style(report, depth)
        lead = _heading_lead(marker, section.heading, section.run_in)
        paragraphs = section_paragraphs(report, section)
        if section.run_in:
            first = paragraphs.pop(0) if paragraphs else ""
            out.append(_paragraph(f"{style}_run_in", first, "heading", lead=lead, section=section.id))
        else:
            out.append(_paragraph(style, lead, "heading", section=section.id))
        points = tuple(point_marker(report, i) for i in range(len(section.points)))
        for text in paragraphs:
            part = "point" if points and text.startswith(points) else "body"
            out.append(_paragraph("body", text, part, section=section.id))
    if untitled:
        warnings.append(f"以下部分尚未填写标题，文档中只有序号：{'、'.join(untitled)}。")
    return out


def _attachments(report: Report) -> list[dict[str, str]]:
    """附件说明 (§7.3.4): "附件：名称", or "附件：1.名称" with the rest numbered below."""
    names = [clean_text(a).strip() for a in report.attachments if a.strip()]
    out = []
    for index, name in enumerate(names):
        numbered = f"{index + 1}.{name}" if len(names) > 1 else name
        if index == 0:
            out.append(_paragraph("attachment", "附件：" + numbered, "attachment"))
        else:
            out.append(_paragraph("attachment_more", numbered, "attachment"))
    return out


def _signature_and_date(report: Report, warnings: list[str]) -> tuple[list[dict[str, str]], str]:
    """发文机关署名 lines and 成文日期 (placed by core.render.fixups.place_signature)."""
    signature = [line.strip() for line in split_paragraphs(report.signature) if line.strip()]
    out = [
        _paragraph("signature" if index == 0 else "signature_more", text, "signature")
        for index, text in enumerate(signature)
    ]
    date_text = ""
    if report.date.strip():
        date_text = format_date(report.date) or clean_text(report.date).strip()
        if format_date(report.date) is None:
            warnings.append(
                f"成文日期“{report.date}”不是有效日期（应为 2025-07-01 这样的格式），已按原样输出。"
            )
        out.append(_paragraph("date" if signature else "date_first", date_text, "date"))
    return out, date_text


def build_context(report: Report, kind_name: str = "", wait_for_words: bool = True) -> RenderContext:
    """Flatten ``report`` into template paragraphs, with Chinese warnings about gaps.

    ``wait_for_words=False`` (the live preview on the GUI thread) never waits for jieba:
    a long title is then broken by punctuation and function-word rules alone.
    """
    warnings: list[str] = []
    out = _cover(report, wait_for_words) + _title_block(report, wait_for_words)
    for text in report.opening:
        for line in split_paragraphs(text):
            out.append(_paragraph("salutation" if is_salutation(line) else "body", line, "opening"))
    out += _sections(report, warnings)
    for text in report.closing:
        out.extend(_paragraph("body", line, "closing") for line in split_paragraphs(text))
    out += _attachments(report)
    end, date_text = _signature_and_date(report, warnings)
    out += end
    if not out:
        out.append(_paragraph("body", "", "body"))  # Word needs at least one paragraph

    context = {
        "paragraphs": out,
        "report": {
            "kind": report.kind,
            "kind_name": kind_name,
            "title": clean_text(report.title),
            "subtitle": clean_text(report.subtitle),
            "unit": clean_text(report.unit),
            "year": report.year if report.year is not None else "",
            "date": date_text,
            "signature": clean_text(report.signature),
        },
    }
    return RenderContext(context=context, warnings=warnings)
