"""One section layout: the Word file, the plain text and the library see the same paragraphs."""

from __future__ import annotations

import io

import docx
import pytest

from core.draft.model import (
    LAYOUT_INLINE,
    LAYOUT_JOINED,
    LAYOUT_PARAGRAPHS,
    POINTS_LAYOUTS,
    Point,
    Report,
    Section,
)
from core.importing.importer import parse_text
from core.render.engine import render_document
from core.render.title import title_for_untitled
from core.text.layout import report_layout, section_layout
from core.text.plaintext import report_paragraphs
from tests.conftest import SEED_NAMES, seed_path


def docx_paragraphs(data: bytes) -> list[str]:
    # A long title is broken with line breaks inside one paragraph; the plain text has it whole.
    return [p.text.replace("\n", "") for p in docx.Document(io.BytesIO(data)).paragraphs]


@pytest.mark.parametrize("layout", POINTS_LAYOUTS)
@pytest.mark.parametrize("seed", sorted(SEED_NAMES))
def test_every_seed_in_every_layout_renders_its_plain_text(seed: str, layout: str) -> None:
    report = parse_text(seed_path(seed).read_text(encoding="utf-8")).report
    for _, section in report.walk():
        section.points_layout = layout
    rendered = render_document(report).data
    # The seeds carry no title: rendering builds one from the kind's pattern (issue 11).
    assert not report.title
    report.title = title_for_untitled(report)[0]
    assert docx_paragraphs(rendered) == report_paragraphs(report)


def _section(**fields: object) -> Section:
    defaults: dict[str, object] = {
        "heading": "加强组织领导",
        "body": ["总述。"],
        "points": [Point("甲。"), Point("乙。\n乙的第二段。")],
    }
    return Section(**(defaults | fields))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        (LAYOUT_PARAGRAPHS, ["一、加强组织领导", "总述。", "一是甲。", "二是乙。", "乙的第二段。"]),
        (LAYOUT_INLINE, ["一、加强组织领导", "总述。", "一是甲。二是乙。", "乙的第二段。"]),
        (LAYOUT_JOINED, ["一、加强组织领导", "总述。一是甲。二是乙。", "乙的第二段。"]),
    ],
)
def test_points_layouts(layout: str, expected: list[str]) -> None:
    report = Report(sections=[_section(points_layout=layout)])
    assert report_paragraphs(report) == expected
    assert docx_paragraphs(render_document(report).data) == expected


@pytest.mark.parametrize("heading", ["加强组织领导", "加强组织领导。", "如何加强组织领导？"])
def test_run_in_heading_ends_its_sentence_once(heading: str) -> None:
    report = Report(sections=[_section(heading=heading, run_in=True, points=[])])
    laid = section_layout(report, report.sections[0], "一、")
    end = "" if heading.endswith(("。", "？")) else "。"
    assert [(p.lead, p.text) for p in laid] == [(f"一、{heading}{end}", "总述。")]
    assert report_paragraphs(report) == [f"一、{heading}{end}总述。"]


def test_report_fields_in_reading_order() -> None:
    report = Report(
        title="关于2024年工作情况的报告",
        addressee="区委:",
        opening=["2024年，……"],
        sections=[_section(points=[])],
        closing=["特此报告。"],
        attachments=["指标完成情况表", "项目清单"],
        signature="中共某某区委组织部",
        date="2025-01-05",
    )
    assert [(p.part, p.full_text) for p in report_layout(report)] == [
        ("title", "关于2024年工作情况的报告"),
        ("addressee", "区委："),
        ("opening", "2024年，……"),
        ("heading", "一、加强组织领导"),
        ("body", "总述。"),
        ("closing", "特此报告。"),
        ("attachments", "附件：1.指标完成情况表"),
        ("attachments", "2.项目清单"),
        ("signature", "中共某某区委组织部"),
        ("date", "2025年1月5日"),
    ]
