"""Report → the plain context the Word template is rendered with.

Every ordinal is computed here (core.draft.numbering), and the report is flattened into a list
of paragraphs in reading order. Each paragraph is a dict with

* ``style`` — which template paragraph to use (a key of ``variants.VARIANTS``);
* ``lead``  — the run-in heading part ("（一）标题。"), set in the heading's font; else "";
* ``text``  — the rest of the paragraph;
* ``part``  — what it is: cover/title/subtitle/opening/heading/body/point/closing/attachment/
  signature/date (for previews and tests);
* ``section`` — id of the section it belongs to, or "".

Only plain str/int/list/dict values: the template runs in a sandbox.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from core.base.errors import ReportError
from core.draft.fields import FIELD_BY_NAME, REPORT_FIELDS, ReportField
from core.draft.model import Numbering, Report
from core.draft.numbering import numbering_of, point_marker, section_markers
from core.draft.ordinals import CHAPTER, FAMILY_OF_FORMAT, ITEM, MAX_RENDERED_ORDINAL, SECTION, SUBITEM
from core.draft.tables import Table
from core.render.attachment_pages import attachment_page_paragraphs
from core.render.footer_notes import copy_to, printer
from core.render.header import doc_number, header_top, issuer_mark, signers
from core.render.title import organisation_names, title_lines
from core.text.dates import written_date
from core.text.layout import (
    ATTACHMENT_LABEL,
    ATTACHMENT_TITLE,
    HEADING,
    LaidParagraph,
    cover_is_dated,
    report_layout,
    tables_by_first_row,
)

# Characters XML 1.0 cannot carry (and docxtpl would turn \a \f into paragraph/page
# breaks). Tabs and line breaks are kept; lone surrogates cannot be saved as UTF-8.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_NEWLINES = re.compile(r"\r\n?")
_HEADING_STYLE = {CHAPTER: "h1", SECTION: "h2", ITEM: "h3", SUBITEM: "h4"}


class NumberingOverflow(ReportError):
    def __init__(self) -> None:
        super().__init__(
            f"有一级标题或“一是、二是”超过了 {MAX_RENDERED_ORDINAL} 个，无法用汉字序号编号。"
            "请把这一级拆分成几组，或改用阿拉伯数字编号。"
        )


def clean_text(text: str) -> str:
    """Text safe for XML, with Windows/Mac line ends turned into "\\n"."""
    return _UNSAFE.sub("", _NEWLINES.sub("\n", text))


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


def heading_style(report: Report, depth: int, numbering: Numbering | None = None) -> str:
    """h1–h4 by the marker's family (要点 items "1." at depth 2 look like 1. headings);
    ``numbering``: an attachment part's own, for its sub-parts."""
    family = FAMILY_OF_FORMAT.get((numbering or report.numbering).level(depth).fmt)
    return _HEADING_STYLE.get(family, f"h{min(depth, 4)}") if family else f"h{min(depth, 4)}"


@dataclass
class RenderContext:
    context: dict[str, Any]
    warnings: list[str] = field(default_factory=list)
    # (index of its first row in ``paragraphs``, table): core.render.tables builds them.
    tables: list[tuple[int, Table]] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[dict[str, str]]:
        return self.context["paragraphs"]

    def expected_texts(self) -> list[str]:
        """What each rendered paragraph must read (used to prove nothing was lost)."""
        return [p["lead"] + p["text"] for p in self.paragraphs]


def _paragraph(style: str, text: str, part: str, lead: str = "", section: str = "") -> dict[str, str]:
    return {"style": style, "lead": lead, "text": text, "part": part, "section": section}


Builder = Callable[[list[LaidParagraph], Report, bool, list[str]], list[dict[str, str]]]


def _cover(laid: list[LaidParagraph], report: Report, wait: bool, warnings: list[str]) -> list[dict[str, str]]:
    """A 印发通知 before the report: its own title, 主送机关 flush left, its text; the
    report itself then starts on a new page (``cover_last`` carries the page break)."""
    out = []
    texts = [clean_text(p.text) for p in laid]
    # A notice that ends with its 落款 and date (core/reuse/notice.py) sets them as such.
    dated = cover_is_dated(texts)
    signed = dated and _title_like(texts[-2]) and not is_salutation(texts[-2]) and len(texts[-2].strip()) <= 30
    for index, paragraph in enumerate(laid):
        text = clean_text(paragraph.text)
        if dated and index == len(laid) - 1:
            out.append(_paragraph("cover_date", text.strip(), "cover"))
        elif signed and index == len(laid) - 2:
            out.append(_paragraph("signature", text.strip(), "cover"))
        elif index == len(laid) - 1:
            out.append(_paragraph("cover_last", text, "cover"))
        elif index == 0 and _title_like(text):
            out.append(_paragraph("title", "\n".join(title_lines(text.strip(), wait_for_words=wait, names=organisation_names(report))), "cover"))
        else:
            out.append(_paragraph("salutation" if is_salutation(text) else "body", text, "cover"))
    return out


def _title(laid: list[LaidParagraph], report: Report, wait: bool, warnings: list[str]) -> list[dict[str, str]]:
    """The title, broken between words if too long; the title block's last line has the
    style with one blank line after it, so a title followed by a subtitle is "tight"."""
    style = "title_tight" if report.subtitle.strip() else "title"
    return [
        _paragraph(style, "\n".join(title_lines(clean_text(p.text), wait_for_words=wait, names=organisation_names(report))), "title") for p in laid
    ]


def _subtitle(laid: list[LaidParagraph], report: Report, wait: bool, warnings: list[str]) -> list[dict[str, str]]:
    last = len(laid) - 1
    return [
        _paragraph("subtitle" if i == last else "subtitle_tight", clean_text(p.text), "subtitle")
        for i, p in enumerate(laid)
    ]


def _opening(laid: list[LaidParagraph], report: Report, wait: bool, warnings: list[str]) -> list[dict[str, str]]:
    out = []
    for paragraph in laid:
        text = clean_text(paragraph.text)
        out.append(_paragraph("salutation" if is_salutation(text) else "body", text, paragraph.part))
    return out


def _first_and_more(laid: list[LaidParagraph], report: Report, wait: bool, warnings: list[str]) -> list[dict[str, str]]:
    """附件说明 (§7.3.4) and 署名 lines: the first paragraph opens the block in the row's paragraph
    kind ("attachment", "signature"), the rest follow it ("attachment_more", "signature_more")."""
    first = (FIELD_BY_NAME[laid[0].part].render or "body") if laid else "body"
    return [_paragraph(first if i == 0 else f"{first}_more", clean_text(p.text), p.part) for i, p in enumerate(laid)]


def _date(laid: list[LaidParagraph], report: Report, wait: bool, warnings: list[str]) -> list[dict[str, str]]:
    """成文日期 (placed with the 署名 by core.render.fixups.place_signature)."""
    text = written_date(report.date)
    if text is None:
        text = clean_text(report.date).strip()
        warnings.append(f"成文日期“{report.date}”不是有效日期（应为 2025-07-01 这样的格式），已按原样输出。")
    style = "date" if report.signature.strip() else "date_first"
    return [_paragraph(style, text, "date")]


# How a row's paragraphs are styled, by the row's ``built`` (core.draft.fields.ReportField).
FIELD_BUILDERS: dict[str, Builder] = {
    "cover": _cover,
    "title": _title,
    "subtitle": _subtitle,
    "opening": _opening,
    "first_and_more": _first_and_more,
    "date": _date,
    "header_top": header_top,
    "issuer_mark": issuer_mark,
    "doc_number": doc_number,
    "signers": signers,
    "copy_to": copy_to,
    "printer": printer,
    "attachment_pages": attachment_page_paragraphs,
}


def _field(spec: ReportField, laid: list[LaidParagraph], report: Report, wait: bool, warnings: list[str]):
    if spec.built:
        return FIELD_BUILDERS[spec.built](laid, report, wait, warnings)
    # A plain field: each line in the template paragraph its row names.
    return [_paragraph(spec.render or "body", clean_text(p.text), spec.name) for p in laid]


def _markers(report: Report) -> dict[str, str]:
    try:
        markers = section_markers(report)
        for _, section in report.walk():
            for index in range(len(section.points)):
                point_marker(report, index)
    except ValueError as exc:
        raise NumberingOverflow() from exc
    return markers


def _section_paragraph(
    report: Report, laid: LaidParagraph, wait: bool, numberings: dict[str, Numbering] | None = None
) -> dict[str, str]:
    if laid.part == ATTACHMENT_LABEL:  # an attachment part's page: "附件1" opens it
        return _paragraph("attachment_label", laid.text, "attachment_texts", section=laid.section)
    if laid.part == ATTACHMENT_TITLE:
        title = "\n".join(title_lines(clean_text(laid.text), wait_for_words=wait, names=organisation_names(report)))
        return _paragraph("title", title, "attachment_texts", section=laid.section)
    if laid.part != HEADING:
        return _paragraph("body", clean_text(laid.text), laid.part, section=laid.section)
    style = heading_style(report, laid.depth, (numberings or {}).get(laid.section))
    if laid.lead:
        return _paragraph(f"{style}_run_in", clean_text(laid.text), "heading", clean_text(laid.lead), laid.section)
    return _paragraph(style, clean_text(laid.text), "heading", section=laid.section)


def _untitled_warning(report: Report, markers: dict[str, str]) -> list[str]:
    untitled: list[str] = []
    path: list[str] = []
    for depth, section in report.walk():
        del path[depth - 1 :]
        path.append(markers[section.id])
        if not section.heading.strip():
            untitled.append(f"“{''.join(path)}”")
    return [f"以下部分尚未填写标题，文档中只有序号：{'、'.join(untitled)}。"] if untitled else []


def build_context(report: Report, kind_name: str = "", wait_for_words: bool = True) -> RenderContext:
    """Flatten ``report`` into template paragraphs, with Chinese warnings about gaps.

    The paragraphs are :func:`core.text.layout.report_layout`'s, one for one.
    ``wait_for_words=False`` (the live preview on the GUI thread) never waits for jieba:
    a long title is then broken by punctuation and function-word rules alone.
    """
    warnings: list[str] = []
    markers = _markers(report)
    laid = report_layout(report, markers)
    out: list[dict[str, str]] = []
    # Where each section paragraph of ``laid`` lands in ``out``: field builders may add
    # paragraphs (the 版头's blank lines and red line), so the two counts differ.
    position: dict[int, int] = {}
    at = 0
    numberings = numbering_of(report)  # attachment parts' own
    for part, group in groupby(laid, key=lambda p: p.part if p.section == "" else "§"):
        paragraphs = list(group)
        if part == "§":
            position.update((at + k, len(out) + k) for k in range(len(paragraphs)))
            out += [_section_paragraph(report, p, wait_for_words, numberings) for p in paragraphs]
        else:
            out += _field(FIELD_BY_NAME[part], paragraphs, report, wait_for_words, warnings)
        at += len(paragraphs)
    warnings += _untitled_warning(report, markers)
    tables = [(position[first], table) for first, table in tables_by_first_row(report, laid)]
    if not out:
        out.append(_paragraph("body", "", "body"))  # Word needs at least one paragraph

    fields = {spec.name: _context_value(getattr(report, spec.name)) for spec in REPORT_FIELDS}
    context = {
        "paragraphs": out,
        "report": fields
        | {
            "kind": report.kind,
            "kind_name": kind_name,
            "year": report.year if report.year is not None else "",
            "date": next((p["text"] for p in out if p["part"] == "date"), ""),
        },
    }
    return RenderContext(context=context, warnings=warnings, tables=tables)


def _context_value(value: object) -> object:
    if isinstance(value, list):
        return [clean_text(str(v)) for v in value]
    if isinstance(value, str):
        return clean_text(value)
    return value if value is not None else ""
