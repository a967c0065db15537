"""Rendering: context with computed ordinals, escaping, strict templates, GB/T 9704 read-back."""

from __future__ import annotations

import io
import itertools
import os
import stat
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Mm
from lxml import etree

from core.base.errors import SaveFailed
from core.draft.kinds import get_kind
from core.draft.model import LAYOUT_INLINE, LAYOUT_JOINED, LAYOUT_PARAGRAPHS, Point, Report, Section
from core.render import backup_path, render_report, render_report_bytes
from core.render.context import NumberingOverflow, build_context
from core.render.engine import TemplateInvalid, default_template
from core.render.package import read_zip, write_zip
from core.render.title import text_width, title_lines
from core.text.dates import written_date as format_date
from tests.golden.samples import SAMPLES, half_year_sample, keypoints_sample

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(name: str) -> str:
    return f"{{{W}}}{name}"


def parts_of(data: bytes) -> dict[str, etree._Element]:
    return {name: etree.fromstring(blob) for name, blob in read_zip(data).items() if name.endswith(".xml")}


def style(styles: etree._Element, style_id: str) -> etree._Element:
    found = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
    assert found is not None, style_id
    return found


def prop(element: etree._Element, path: str, attr: str) -> str | None:
    node = element.find(path, NS)
    return None if node is None else node.get(q(attr))


def simple_report(**changes: object) -> Report:
    report = Report(kind="half_year_summary", title="测试报告", year=2025)
    for key, value in changes.items():
        setattr(report, key, value)
    return report


# ── context: ordinals and layout ──


def test_context_computes_ordinals_and_run_in_leads() -> None:
    report = keypoints_sample()
    paragraphs = build_context(report).paragraphs
    headings = [(p["style"], p["lead"] or p["text"]) for p in paragraphs if p["part"] == "heading"]
    assert headings[:3] == [
        ("h1", "一、突出政治建设，持续用党的创新理论凝心铸魂"),
        ("h3_run_in", "1.夯实党的创新理论武装。"),  # 要点 items look like 1. headings: 仿宋 bold
        ("h3_run_in", "2.严格党内政治生活。"),
    ]
    # Items run on across chapters; (1)(2) under item 4.
    leads = [p["lead"] for p in paragraphs if p["lead"]]
    assert leads[2:6] == [
        "3.深化党建引领基层治理。",
        "4.整顿软弱涣散基层党组织。",
        "（1）摸底排查。",
        "（2）集中整顿。",
    ]
    assert leads[-1] == "5.压实工作责任。"


def test_points_inline_joined_paragraphs_and_tail() -> None:
    joined = Section(
        heading="标题",
        run_in=True,
        body=["总述。"],
        points=[Point("甲。"), Point("乙。")],
        points_layout=LAYOUT_JOINED,
    )
    separate = Section(
        heading="计划",
        body=["引言。"],
        points=[Point("丙。\n丙的第二段。"), Point("丁。")],
        points_layout=LAYOUT_PARAGRAPHS,
    )
    tail = Section(
        heading="问题",
        points=[Point("戊。"), Point("己。")],
        points_layout=LAYOUT_INLINE,
        tail=["对此，我们将认真解决。"],
    )
    report = simple_report(sections=[Section(heading="情况", children=[joined, separate]), tail])
    texts = [(p["style"], p["lead"], p["text"]) for p in build_context(report).paragraphs]
    assert texts[1:] == [
        ("h1", "", "一、情况"),
        ("h2_run_in", "（一）标题。", "总述。一是甲。二是乙。"),
        ("h2", "", "（二）计划"),
        ("body", "", "引言。"),
        ("body", "", "一是丙。"),
        ("body", "", "丙的第二段。"),
        ("body", "", "二是丁。"),
        ("h1", "", "二、问题"),
        ("body", "", "一是戊。二是己。"),
        ("body", "", "对此，我们将认真解决。"),
    ]


def test_title_block_salutation_attachments_signature_date() -> None:
    report = simple_report(
        cover=["关于印发《测试报告》的通知", "各单位：", "现将《测试报告》印发给你们。"],
        subtitle="——在全区大会上的讲话\n（2025年2月10日）",
        opening=["同志们：", "下面我讲三点意见。"],
        attachments=["甲表", "乙表"],
        signature="XX区委\nXX区政府",
        date="2025-07-01",
    )
    styles = [(p["style"], p["text"]) for p in build_context(report).paragraphs]
    assert styles == [
        ("title", "关于印发《测试报告》的通知"),
        ("salutation", "各单位："),
        ("cover_last", "现将《测试报告》印发给你们。"),
        ("title_tight", "测试报告"),
        ("subtitle_tight", "——在全区大会上的讲话"),
        ("subtitle", "（2025年2月10日）"),
        ("salutation", "同志们："),
        ("body", "下面我讲三点意见。"),
        ("attachment", "附件：1.甲表"),
        ("attachment_more", "2.乙表"),
        ("signature", "XX区委"),
        ("signature_more", "XX区政府"),
        ("date", "2025年7月1日"),
    ]
    alone = build_context(simple_report(date="2025-07-01", attachments=["清单"])).paragraphs
    assert [(p["style"], p["text"]) for p in alone][1:] == [
        ("attachment", "附件：清单"),
        ("date_first", "2025年7月1日"),
    ]


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2025-07-01", "2025年7月1日"),
        ("2024-12-20", "2024年12月20日"),
        ("2025-2-3", "2025年2月3日"),
        ("2025-02-30", None),
        ("2025年7月1日", None),
        ("", None),
    ],
)
def test_dates_have_no_zero_padding(iso: str, expected: str | None) -> None:
    assert format_date(iso) == expected


def test_invalid_date_is_kept_with_a_warning() -> None:
    prepared = build_context(simple_report(date="2025年7月"))
    assert prepared.paragraphs[-1]["text"] == "2025年7月"
    assert any("不是有效日期" in w for w in prepared.warnings)


def test_untitled_sections_are_reported() -> None:
    report = get_kind("half_year_summary").new_report(2025)
    warning = next(w for w in build_context(report).warnings if "尚未填写标题" in w)
    assert "“一、（一）”" in warning and "“三、（二）”" in warning


def test_numbering_goes_past_ninety_nine() -> None:
    report = simple_report(sections=[Section(heading=f"第{i}项") for i in range(1, 102)])
    texts = [p["text"] for p in build_context(report).paragraphs]
    assert "九十九、第99项" in texts and "一百、第100项" in texts and "一百零一、第101项" in texts


def test_numbering_past_the_last_ordinal_is_a_clear_error() -> None:
    report = simple_report(sections=[Section(heading="项") for _ in range(10_000)])
    with pytest.raises(NumberingOverflow) as info:
        build_context(report)
    assert "超过了 9999 个" in str(info.value)


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        ("XX区委组织部2025年工作要点", ("XX区委组织部2025年工作要点",)),
        (
            "中共XX市XX区委员会组织部2025年上半年工作总结",
            ("中共XX市XX区委员会组织部", "2025年上半年工作总结"),
        ),
        (
            "关于进一步加强和改进新时代基层党组织建设工作的实施意见",
            ("关于进一步加强和改进新时代", "基层党组织建设工作的实施意见"),
        ),
        (
            "在全区2025年党建工作暨党风廉政建设工作会议上的讲话",
            ("在全区2025年党建工作暨", "党风廉政建设工作会议上的讲话"),
        ),
        (
            "中共XX省XX市XX区委员会关于印发《XX区2025年党建工作要点》的通知",
            ("中共XX省XX市XX区委员会关于印发", "《XX区2025年党建工作要点》的通知"),
        ),
        ("自己\n断行", ("自己", "断行")),
    ],
)
def test_long_titles_break_between_words(title: str, lines: tuple[str, ...]) -> None:
    assert title_lines(title) == lines
    for line in lines:
        assert text_width(line) <= 20


def test_title_never_breaks_inside_a_number() -> None:
    lines = title_lines("关于2025年度全区12345678901234567890项重点工作推进情况的报告")
    assert all(not (a[-1:].isdigit() and b[:1].isdigit()) for a, b in itertools.pairwise(lines))


# ── escaping and strict templates ──


def _texts(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def test_user_text_is_escaped_and_never_executed() -> None:
    nasty = "A<&>B \"引号\" 'x' {{ report.title }} {%p if true %} {_{ y }_} {# c #} \x07\x0c\x00完"
    report = simple_report(title="标题{{ 1+1 }}", opening=[nasty], signature="<单位>")
    data = render_report_bytes(report).data
    texts = _texts(data)
    assert texts[0] == "标题{{ 1+1 }}"
    assert texts[1] == "A<&>B \"引号\" 'x' {{ report.title }} {%p if true %} {_{ y }_} {# c #} 完"
    assert texts[2] == "<单位>"
    document = read_zip(data)["word/document.xml"].decode()
    assert "A&lt;&amp;&gt;B" in document


def test_tab_and_newline_inside_text() -> None:
    report = simple_report(opening=["甲\t乙"], sections=[Section(heading="一\n二")])
    assert _texts(render_report_bytes(report).data)[1:] == ["甲\t乙", "一、一\n二"]


def _template_with(document_xml_change: tuple[str, str]) -> bytes:
    parts = read_zip(default_template())
    old, new = document_xml_change
    text = parts["word/document.xml"].decode()
    assert old in text
    parts["word/document.xml"] = text.replace(old, new).encode()
    return write_zip(parts.items())


def test_undefined_variable_in_template_is_an_error() -> None:
    template = _template_with(("{{ p.text }}", "{{ p.txet }}"))
    with pytest.raises(TemplateInvalid) as info:
        render_report_bytes(simple_report(opening=["正文"]), template=template)
    assert "不存在的内容" in str(info.value) and "txet" in str(info.value)


def test_sandbox_refuses_python_internals() -> None:
    template = _template_with(("{{ p.text }}", "{{ p.__class__.__mro__ }}"))
    with pytest.raises(TemplateInvalid):
        render_report_bytes(simple_report(opening=["正文"]), template=template)


def test_template_syntax_error_is_explained() -> None:
    template = _template_with(("{{ p.text }}", "{{ p.text }"))
    with pytest.raises(TemplateInvalid) as info:
        render_report_bytes(simple_report(opening=["正文"]), template=template)
    assert "花括号标记写法有误" in str(info.value)


def test_template_missing_a_paragraph_kind_loses_nothing_silently() -> None:
    template = _template_with(("p.style == 'h2_run_in'", "p.style == 'never'"))
    report = half_year_sample()
    with pytest.raises(TemplateInvalid) as info:
        render_report_bytes(report, template=template)
    assert "段内容无法写入" in str(info.value)


def test_template_without_the_loop_is_refused() -> None:
    template = _template_with(("{%p for p in paragraphs %}", "{%p for p in [] %}"))
    with pytest.raises(TemplateInvalid) as info:
        render_report_bytes(simple_report(), template=template)
    assert "循环标记" in str(info.value)


def test_not_a_docx_template(tmp_path: Path) -> None:
    fake = tmp_path / "模板.docx"
    fake.write_bytes(b"not a zip")
    with pytest.raises(TemplateInvalid) as info:
        render_report_bytes(simple_report(), template=fake)
    assert str(info.value).startswith("模板“模板.docx”无法使用") and "另存为 .docx" in str(info.value)
    with pytest.raises(TemplateInvalid) as info:
        render_report_bytes(simple_report(), template=tmp_path / "absent.docx")
    assert "不存在" in str(info.value)


# ── GB/T 9704 read back from the output ──


@pytest.fixture(scope="module")
def sample_parts() -> dict[str, etree._Element]:
    report = half_year_sample()
    return parts_of(render_report_bytes(report).data)


def test_page_is_a4_with_gbt9704_margins_and_22_lines(sample_parts: dict[str, etree._Element]) -> None:
    sect = sample_parts["word/document.xml"].find(".//w:body/w:sectPr", NS)
    size = {a: int(prop(sect, "w:pgSz", a)) for a in ("w", "h")}
    assert size == {"w": 11906, "h": 16838}  # 210 × 297 mm
    margins = {a: int(prop(sect, "w:pgMar", a)) for a in ("top", "left", "right", "bottom")}
    assert margins == {"top": 2098, "left": 1587, "right": 1474, "bottom": 1984}  # 37/28/26/35 mm
    assert prop(sect, "w:docGrid", "linePitch") == "579"
    assert 22 * 579 <= 16838 - 2098 - 1984 < 23 * 579


def test_python_docx_agrees_on_the_page_setup() -> None:
    section = docx.Document(io.BytesIO(render_report_bytes(half_year_sample()).data)).sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert abs(section.top_margin - Mm(37)) < Mm(0.1) and abs(section.left_margin - Mm(28)) < Mm(0.1)
    assert abs(section.right_margin - Mm(26)) < Mm(0.1) and abs(section.bottom_margin - Mm(35)) < Mm(0.1)
    assert section.even_page_footer.paragraphs[0].text == "— 1 —"
    assert section.footer.paragraphs[0].text == "— 1 —"


@pytest.mark.parametrize(
    ("style_id", "east_asia", "size", "bold", "align"),
    [
        ("Normal", "仿宋_GB2312", "32", False, "both"),
        ("DocTitle", "方正小标宋简体", "44", False, "center"),
        ("Level1Heading", "黑体", "32", False, "both"),
        ("Level2Heading", "楷体_GB2312", "32", False, "both"),
        ("Level3Heading", "仿宋_GB2312", "32", False, "both"),
        ("Level4Heading", "仿宋_GB2312", "32", False, "both"),
        ("PageNumberOdd", "宋体", "28", False, "right"),
        ("PageNumberEven", "宋体", "28", False, "left"),
    ],
)
def test_named_styles_carry_fonts_sizes_and_alignment(
    sample_parts: dict[str, etree._Element], style_id: str, east_asia: str, size: str, bold: bool, align: str
) -> None:
    found = style(sample_parts["word/styles.xml"], style_id)
    assert prop(found, "w:rPr/w:rFonts", "eastAsia") == east_asia
    latin = "宋体" if style_id.startswith("PageNumber") else "Times New Roman"
    assert prop(found, "w:rPr/w:rFonts", "ascii") == latin and prop(found, "w:rPr/w:rFonts", "hAnsi") == latin
    assert prop(found, "w:rPr/w:sz", "val") == size
    b = found.find("w:rPr/w:b", NS)
    assert (b is not None and b.get(q("val")) is None) == bold
    assert prop(found, "w:pPr/w:jc", "val") == align


def test_body_line_spacing_and_indent(sample_parts: dict[str, etree._Element]) -> None:
    normal = style(sample_parts["word/styles.xml"], "Normal")
    assert prop(normal, "w:pPr/w:spacing", "line") == "579"
    assert prop(normal, "w:pPr/w:spacing", "lineRule") == "exact"
    assert prop(normal, "w:pPr/w:ind", "firstLineChars") == "200"
    assert prop(normal, "w:pPr/w:ind", "firstLine") == "640"
    assert prop(normal, "w:rPr/w:spacing", "val") == "-5"  # 28 characters a line
    assert prop(style(sample_parts["word/styles.xml"], "DocDate"), "w:pPr/w:ind", "rightChars") == "400"


def test_every_style_names_east_asian_and_latin_fonts_and_no_theme_fonts(
    sample_parts: dict[str, etree._Element],
) -> None:
    styles = sample_parts["word/styles.xml"]
    for found in styles.findall("w:style", NS):
        if found.get(q("styleId")) in ("DefaultParagraphFont", "TableNormal", "NoList"):
            continue
        fonts = found.find("w:rPr/w:rFonts", NS)
        assert fonts is not None, found.get(q("styleId"))
        assert fonts.get(q("eastAsia")) and fonts.get(q("ascii")) and fonts.get(q("hAnsi"))
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert defaults.get(q("eastAsia")) == "仿宋_GB2312"
    for name, root in sample_parts.items():
        for fonts in root.iter(q("rFonts")):
            assert not any("Theme" in key or "theme" in key for key in fonts.attrib), name
    assert not any(name.startswith("word/theme") for name in sample_parts)


def test_run_in_heading_only_lead_run_is_styled(sample_parts: dict[str, etree._Element]) -> None:
    body = sample_parts["word/document.xml"].find("w:body", NS)
    paragraph = next(p for p in body.findall("w:p", NS) if "".join(p.itertext()).startswith("（一）践行"))
    runs = paragraph.findall("w:r", NS)
    assert paragraph.find("w:pPr/w:pStyle", NS) is None  # a body (Normal) paragraph
    assert prop(runs[0], "w:rPr/w:rStyle", "val") == "Level2HeadingChar"
    assert "".join(runs[0].itertext()) == "（一）践行新时代好干部标准，着力打造高素质干部队伍。"
    # The text run: no character style, only the hint for its “” (core/render/punctuation.py).
    assert [(child.tag, dict(child.attrib)) for child in runs[1].find("w:rPr", NS)] == [
        (q("rFonts"), {q("hint"): "eastAsia"})
    ]
    char_style = style(sample_parts["word/styles.xml"], "Level2HeadingChar")
    assert prop(char_style, "w:rPr/w:rFonts", "eastAsia") == "楷体_GB2312"


def test_page_numbers_are_page_fields_odd_right_even_left(sample_parts: dict[str, etree._Element]) -> None:
    document = sample_parts["word/document.xml"]
    refs = {r.get(q("type")): r.get(f"{{{NS_R}}}id") for r in document.iterfind(".//w:footerReference", NS)}
    assert set(refs) == {"default", "even"}
    assert sample_parts["word/settings.xml"].find("w:evenAndOddHeaders", NS) is not None
    for part, style_id in (("word/footer1.xml", "PageNumberOdd"), ("word/footer2.xml", "PageNumberEven")):
        footer = sample_parts[part]
        chars = [f.get(q("fldCharType")) for f in footer.iter(q("fldChar"))]
        assert chars == ["begin", "separate", "end"]
        assert "".join(t.text for t in footer.iter(q("instrText"))).strip() == "PAGE"
        assert prop(footer, ".//w:pPr/w:pStyle", "val") == style_id
        assert "".join(t.text for t in footer.iter(q("t"))) == "— 1 —"
    styles = sample_parts["word/styles.xml"]
    assert prop(style(styles, "PageNumberOdd"), "w:pPr/w:ind", "rightChars") == "100"
    assert prop(style(styles, "PageNumberEven"), "w:pPr/w:ind", "leftChars") == "100"


NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@pytest.mark.parametrize(
    ("scheme", "body", "title", "heading", "title_bold"),
    [
        ("gb2312", "仿宋_GB2312", "方正小标宋简体", "黑体", False),
        ("windows", "仿宋", "方正小标宋简体", "黑体", False),
        ("xinchuang", "方正仿宋_GBK", "方正小标宋_GBK", "方正黑体_GBK", False),
    ],
)
def test_font_schemes(scheme: str, body: str, title: str, heading: str, title_bold: bool) -> None:
    styles = parts_of(render_report_bytes(half_year_sample(), fonts=scheme).data)["word/styles.xml"]
    assert prop(style(styles, "Normal"), "w:rPr/w:rFonts", "eastAsia") == body
    assert prop(styles, "w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", "eastAsia") == body
    assert prop(style(styles, "DocTitle"), "w:rPr/w:rFonts", "eastAsia") == title
    assert prop(style(styles, "Level1Heading"), "w:rPr/w:rFonts", "eastAsia") == heading
    bold = style(styles, "DocTitle").find("w:rPr/w:b", NS)
    assert (bold.get(q("val")) is None) == title_bold


def test_windows_scheme_title_prints_in_songti_where_xiaobiaosong_is_missing() -> None:
    # Word tries the font table's w:altName before guessing by metrics (ISO/IEC 29500 17.8.3.1).
    parts = parts_of(render_report_bytes(half_year_sample(), fonts="windows").data)
    font = parts["word/fontTable.xml"].find("w:font[@w:name='方正小标宋简体']", NS)
    assert prop(font, "w:altName", "val") == "宋体"
    assert prop(style(parts["word/styles.xml"], "IssuerMark"), "w:rPr/w:rFonts", "eastAsia") == "方正小标宋简体"


def test_missing_fonts_warn_but_the_document_is_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("core.render.fonts.installed_fonts", lambda: frozenset({"times new roman"}))
    rendered = render_report_bytes(half_year_sample(), fonts="xinchuang")
    warning = next(w for w in rendered.warnings if w.startswith("本机未安装字体"))
    assert "方正仿宋_GBK" in warning and "方正小标宋_GBK" in warning
    assert rendered.data[:2] == b"PK"


def _signature_paragraphs(signature: str, layout: str) -> list[tuple[str, str, str, str, str]]:
    """(style, text with line breaks as "|", left, right, jc) of the 署名 and date paragraphs."""
    report = simple_report(signature=signature, date="2025-07-01")
    report.signature_layout = layout
    body = parts_of(render_report_bytes(report).data)["word/document.xml"].find("w:body", NS)
    out = []
    for p in body.findall("w:p", NS):
        if prop(p, "w:pPr/w:pStyle", "val") not in ("Signature", "SignatureMore", "DocDate"):
            continue
        text = "".join("|" if el.tag == q("br") else el.text or "" for el in p.iter(q("t"), q("br")))
        ind = [prop(p, "w:pPr/w:ind", side) for side in ("left", "right")]
        out.append((prop(p, "w:pPr/w:pStyle", "val"), text, *ind, prop(p, "w:pPr/w:jc", "val")))
    return out


# "2025年7月1日" as LibreOffice prints it: 6 digits of 155 twips (8 pt less the styles'
# 0.25 pt spacing), 3 characters of 315 twips, 5 changes of script of 69 twips: 2220.
DATE_WIDTH = 6 * 155 + 3 * 315 + 5 * 69
BLOCK = 8845  # the 156 mm text block, twips


def test_sealed_signature_and_date_are_centred_on_the_axis_of_the_date_at_four_characters() -> None:
    # The box reaches the block's right edge; its centre is the date's, 4 characters + half
    # the date from the edge: both paragraphs centred in it.
    half = 4 * 320 + DATE_WIDTH // 2
    left = str(BLOCK - 2 * half)
    assert _signature_paragraphs("区委办", "sealed") == [
        ("Signature", "区委办", left, "0", "center"),
        ("DocDate", "2025年7月1日", left, "0", "center"),
    ]
    # 14 characters still fit the box (2 × 2390 twips): one line, as wide as it is.
    assert _signature_paragraphs("中共XX市XX区委员会组织部", "sealed")[0] == (
        "Signature",
        "中共XX市XX区委员会组织部",
        left,
        "0",
        "center",
    )
    # 22 characters do not: broken between words, each line centred.
    assert _signature_paragraphs("某某省某某市某某区人力资源和社会保障局办公室", "sealed")[0] == (
        "Signature",
        "某某省某某市某某区|人力资源和社会保障局办公室",
        left,
        "0",
        "center",
    )


def test_unsealed_signature_right_two_and_the_date_starts_two_characters_further_right() -> None:
    # 10 characters (315 twips), 4 digits (155) and 4 changes of script (69): 4046 twips.
    start = BLOCK - 2 * 320 - 4046
    assert _signature_paragraphs("中共XX市XX区委员会组织部", "unsealed") == [
        ("Signature", "中共XX市XX区委员会组织部", str(start), "0", "left"),
        ("DocDate", "2025年7月1日", str(start + 640), "0", "left"),
    ]
    # A 署名 of seven characters (2205 twips) and the date (2220, with LibreOffice's gaps) are as
    # long: the 署名 右空二字, the date two characters further right, reaching 15 twips (and 20
    # spare) past the text block rather than wrapping (it was taken for longer: 署名 右空四字).
    start = BLOCK - 2 * 320 - 7 * 315
    assert _signature_paragraphs("某某区委组织部", "unsealed") == [
        ("Signature", "某某区委组织部", str(start), "0", "left"),
        ("DocDate", "2025年7月1日", str(start + 640), str(-(DATE_WIDTH - 7 * 315) - 20), "left"),
    ]
    # A date longer than the 署名 (1324 twips): the date 右空二字, the 署名 keeps the offset.
    assert _signature_paragraphs("XX区委办", "unsealed") == [
        ("Signature", "XX区委办", str(BLOCK - 640 - DATE_WIDTH - 640), "0", "left"),
        ("DocDate", "2025年7月1日", "0", "640", "right"),
    ]


def test_last_paragraph_of_text_keeps_with_the_closing_block() -> None:
    report = simple_report(signature="区委办", date="2025-07-01")
    report.opening = ["第一段。", "第二段。", "最后一段。"]
    body = parts_of(render_report_bytes(report).data)["word/document.xml"].find("w:body", NS)
    paragraphs = body.findall("w:p", NS)
    texts = ["".join(t.text or "" for t in p.iter(f"{{{NS['w']}}}t")) for p in paragraphs]
    keeps = {
        text: p.find("w:pPr/w:keepNext", NS) is not None for text, p in zip(texts, paragraphs, strict=True)
    }
    # Two lines of text go with the 落款: the last two one-line paragraphs; the last one
    # keeps two of its lines together where it breaks (widow control).
    assert (keeps["第一段。"], keeps["第二段。"], keeps["最后一段。"]) == (False, True, True)
    widows = {text: p.find("w:pPr/w:widowControl", NS) is not None for text, p in zip(texts, paragraphs, strict=True)}
    assert (widows["第一段。"], widows["第二段。"], widows["最后一段。"]) == (False, False, True)
    assert keeps["区委办"] is False  # the Signature style itself keeps with the date: no direct copy


def test_clerk_template_keeps_its_own_styles(tmp_path: Path) -> None:
    parts = read_zip(default_template())
    styles = parts["word/styles.xml"].decode()
    normal_start = styles.index('w:styleId="Normal"')
    size_at = styles.index('<w:sz w:val="32"/>', normal_start)
    parts["word/styles.xml"] = (styles[:size_at] + '<w:sz w:val="30"/>' + styles[size_at + 18 :]).encode()
    custom = tmp_path / "本单位模板.docx"
    custom.write_bytes(write_zip(parts.items()))

    own = parts_of(render_report_bytes(half_year_sample(), fonts=None, template=custom).data)[
        "word/styles.xml"
    ]
    assert prop(style(own, "Normal"), "w:rPr/w:sz", "val") == "30"
    assert prop(style(own, "Normal"), "w:rPr/w:rFonts", "eastAsia") == "仿宋_GB2312"
    schemed = parts_of(render_report_bytes(half_year_sample(), fonts="windows", template=custom).data)
    normal = style(schemed["word/styles.xml"], "Normal")
    assert prop(normal, "w:rPr/w:sz", "val") == "30"
    assert prop(normal, "w:rPr/w:rFonts", "eastAsia") == "仿宋"


def test_unknown_kind_falls_back_to_the_generic_template() -> None:
    rendered = render_report_bytes(simple_report(kind="no_such_kind", opening=["正文"]))
    assert any("未找到报告类型“no_such_kind”" in w for w in rendered.warnings)
    assert _texts(rendered.data) == ["测试报告", "正文"]


def test_output_is_deterministic() -> None:
    assert render_report_bytes(half_year_sample()).data == render_report_bytes(half_year_sample()).data


def test_every_kind_renders_every_paragraph() -> None:
    for kind_id, make in SAMPLES.items():
        report = make()
        rendered = render_report_bytes(report)
        expected = build_context(report).expected_texts()
        assert _texts(rendered.data) == expected, kind_id
        with zipfile.ZipFile(io.BytesIO(rendered.data)) as archive:
            assert archive.testzip() is None
            assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


# ── saving ──


def test_render_report_saves_atomically_and_keeps_the_previous_version(tmp_path: Path) -> None:
    out = tmp_path / "报告.docx"
    assert render_report(half_year_sample(), out)  # warnings: fonts missing here, untitled none
    first = out.read_bytes()
    render_report(half_year_sample(), out)  # same content: no backup needed
    assert not backup_path(out).exists()
    changed = half_year_sample()
    changed.opening = ["改过的开头。"]
    render_report(changed, out)
    assert backup_path(out).read_bytes() == first
    assert backup_path(out).name == "报告（上一版）.docx"
    assert _texts(out.read_bytes())[1:3] == ["区委：", "改过的开头。"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告.docx", "报告（上一版）.docx"]


@pytest.mark.skipif(sys.platform == "win32", reason="chmod read-only semantics differ on Windows")
def test_read_only_target_fails_cleanly(tmp_path: Path) -> None:
    out = tmp_path / "只读.docx"
    out.write_bytes(b"old")
    os.chmod(out, stat.S_IRUSR)
    with pytest.raises(SaveFailed) as info:
        render_report(half_year_sample(), out)
    assert "无法保存“只读.docx”" in str(info.value) and "Word/WPS" in str(info.value)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["只读.docx"]  # no temp file, no backup


def test_missing_folder_and_wrong_suffix(tmp_path: Path) -> None:
    with pytest.raises(SaveFailed) as info:
        render_report(half_year_sample(), tmp_path / "nowhere" / "a.docx")
    assert "保存位置不存在" in str(info.value)
    with pytest.raises(SaveFailed) as info:
        render_report(half_year_sample(), tmp_path / "a.pdf")
    assert ".docx" in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_live_preview_context_never_waits_for_jieba(monkeypatch: pytest.MonkeyPatch) -> None:
    # The preview builds its context on the GUI thread; a long title must not load jieba there.
    from core.draft.model import Report
    from core.render.context import build_context
    from core.text import language

    def must_not_load() -> None:
        raise AssertionError("jieba loaded on the preview path")

    monkeypatch.setattr(language, "is_loaded", lambda: False)
    monkeypatch.setattr(language, "ensure_loaded", must_not_load)
    title = "中共某某市某某区委员会组织部关于2025年上半年干部队伍建设工作情况的总结报告"
    paragraphs = build_context(Report(title=title), wait_for_words=False).paragraphs
    title_text = next(p["text"] for p in paragraphs if p["part"] == "title")
    assert title_text.replace("\n", "") == title
    assert "\n" in title_text  # still broken over lines, by rule


def test_content_types_are_the_ones_python_docx_writes_itself() -> None:
    # core.render.package writes [Content_Types].xml from the parts' public attributes: byte for
    # byte what python-docx's own save writes, for a document with a picture and a header.
    from core.render.package import content_types_xml

    document = docx.Document()
    document.add_paragraph("正文")
    document.sections[0].header.add_paragraph("页眉")
    png = _one_pixel_png()
    document.add_picture(io.BytesIO(png))
    saved = io.BytesIO()
    document.save(saved)
    parts = list(document.part.package.iter_parts())
    assert content_types_xml(parts) == read_zip(saved.getvalue())["[Content_Types].xml"]
    assert b'<Default Extension="png" ContentType="image/png"/>' in content_types_xml(parts)


def _one_pixel_png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1×1, 8-bit RGB
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _reviewed_copy(data: bytes) -> bytes:
    """The leader's copy: one tracked insertion in the first paragraph, as Word writes it."""
    parts = read_zip(data)
    xml = parts["word/document.xml"].decode("utf-8")
    at = xml.index("<w:p>") if "<w:p>" in xml else xml.index("<w:p ")
    close = xml.index(">", at) + 1
    insertion = '<w:ins w:id="901" w:author="李主任" w:date="2025-07-12T09:00:00Z"><w:r><w:t>审阅增补</w:t></w:r></w:ins>'
    parts["word/document.xml"] = (xml[:close] + insertion + xml[close:]).encode("utf-8")
    return write_zip(parts.items())


def test_exporting_twice_over_the_leaders_returned_copy_never_loses_it(tmp_path: Path) -> None:
    from core.render.previous_copy import review_marks

    out = tmp_path / "报告.docx"
    render_report(half_year_sample(), out)
    reviewed = _reviewed_copy(out.read_bytes())
    out.write_bytes(reviewed)  # returned under the exported name
    assert review_marks(out) == "修订"
    second, third = half_year_sample(), half_year_sample()
    second.opening, third.opening = ["第二次导出。"], ["第三次导出。"]
    render_report(second, out)
    render_report(third, out)
    assert (tmp_path / "报告（上一版）.docx").read_bytes() == reviewed
    assert _texts((tmp_path / "报告（上一版2）.docx").read_bytes())[2] == "第二次导出。"
    assert _texts(out.read_bytes())[2] == "第三次导出。"
    assert review_marks(out) == "" and review_marks(tmp_path / "不存在.docx") == ""
