"""Marks beside Latin letters or digits go into runs that name the Chinese font (exact XML)."""

from __future__ import annotations

from lxml import etree

from core.draft.model import Report, Section
from core.render import render_report_bytes
from core.render.package import read_zip

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _runs(report: Report, fonts: str | None = "gb2312") -> list[list[tuple[str, str | None]]]:
    body = etree.fromstring(read_zip(render_report_bytes(report, fonts=fonts).data)["word/document.xml"])
    out = []
    for paragraph in body.iter(f"{W}p"):
        runs = []
        for run in paragraph.iter(f"{W}r"):
            fonts_element = run.find(f"{W}rPr/{W}rFonts")
            runs.append(("".join(t.text or "" for t in run.iter(f"{W}t")),
                         fonts_element.get(f"{W}ascii") if fonts_element is not None else None))  # fmt: skip
        out.append(runs)
    return out


def test_marks_beside_latin_take_the_paragraphs_chinese_font() -> None:
    report = Report(
        kind="work_report",
        title="标点",
        opening=["为“ABC”和“中文”——共12…项"],
        sections=[Section(heading="推广“APP”应用", body=["正文。"])],
    )
    paragraphs = _runs(report)
    assert paragraphs[1] == [
        ("为", None), ("“", "仿宋_GB2312"), ("ABC", None), ("”", "仿宋_GB2312"),
        ("和“中文”——共12", None), ("…", "仿宋_GB2312"), ("项", None),
    ]  # fmt: skip
    # In a 一、 heading the font is the heading style's (黑体), not the body's.
    assert paragraphs[2] == [("一、推广", None), ("“", "黑体"), ("APP", None), ("”", "黑体"), ("应用", None)]


def test_marks_between_chinese_are_left_to_the_styles() -> None:
    report = Report(kind="work_report", title="标点", opening=["学习“两个确立”——深刻领会……"])
    assert _runs(report)[1] == [("学习“两个确立”——深刻领会……", None)]


def _mark_runs(report: Report) -> list[tuple[str, dict[str, str]]]:
    """(text, {rFonts hint, lang val, lang eastAsia}) of every run."""
    body = etree.fromstring(read_zip(render_report_bytes(report, fonts="gb2312").data)["word/document.xml"])
    out = []
    for run in body.iter(f"{W}r"):
        fonts, lang = run.find(f"{W}rPr/{W}rFonts"), run.find(f"{W}rPr/{W}lang")
        props = {}
        if fonts is not None and fonts.get(f"{W}hint"):
            props["hint"] = fonts.get(f"{W}hint")
        if lang is not None:
            props["lang"] = f"{lang.get(f'{W}val')}/{lang.get(f'{W}eastAsia')}"
        out.append(("".join(t.text or "" for t in run.iter(f"{W}t")), props))
    return out


def test_every_run_with_a_mark_says_east_asia_and_marks_beside_digits_are_chinese() -> None:
    # Word: the hint puts the marks in the east-asian font. LibreOffice: a mark split out
    # beside digits says it is Chinese, so a missing font falls back to a Chinese one.
    report = Report(kind="work_report", title="标点", opening=["完成“345”项，达98%……", "学习“两个确立”", "无标点"])
    runs = _mark_runs(report)
    chinese = {"hint": "eastAsia", "lang": "zh-CN/zh-CN"}
    assert runs[1:] == [
        ("完成", {"hint": "eastAsia"}), ("“", chinese), ("345", {"hint": "eastAsia"}), ("”", chinese),
        ("项，达98%", {"hint": "eastAsia"}), ("……", chinese),
        ("学习“两个确立”", {"hint": "eastAsia"}),
        ("无标点", {}),
    ]  # fmt: skip


def test_marks_beside_asterisks_or_other_ascii_signs_are_chinese() -> None:
    # The seeds write anonymised names as **: LibreOffice printed 擦亮“**”党建's ” in Liberation
    # Serif (0.44 em) until it was split out like a mark beside Latin letters.
    report = Report(kind="work_report", title="标点", opening=["擦亮“**”党建品牌，为**“新”时代", "见(“附表”)"])
    runs = _mark_runs(report)
    chinese = {"hint": "eastAsia", "lang": "zh-CN/zh-CN"}
    assert runs[1:] == [
        ("擦亮", {"hint": "eastAsia"}), ("“", chinese), ("**", {"hint": "eastAsia"}), ("”", chinese),
        ("党建品牌，为**", {"hint": "eastAsia"}), ("“", chinese), ("新”时代", {"hint": "eastAsia"}),
        ("见(", {"hint": "eastAsia"}), ("“", chinese), ("附表", {"hint": "eastAsia"}), ("”", chinese),
        (")", {"hint": "eastAsia"}),
    ]  # fmt: skip
