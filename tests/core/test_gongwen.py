"""公文 elements (issue 15): fields offered per kind, saved, carried over, flagged, checked,
and rendered in named styles with no direct formatting."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from core.checks import run_checks
from core.draft.draft_file import load_draft, loads, save_draft
from core.draft.fields import FIELD_BY_NAME, HEADER_ELECTRONIC, HEADER_PRETINTED, offered_fields
from core.draft.kinds import KindError, get_kind, load_kind
from core.draft.model import Report
from core.render.engine import render_document
from core.render.package import read_zip
from core.reuse.carryover import carry_over
from core.reuse.flags import DOC_NUMBER, flags_for
from core.text.doc_number import doc_number_problems, parse_doc_number

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
UNIT = "中共某某区委组织部"
GONGWEN_CHECKS = ["doc_number_form", "signers_upward", "secrecy_form", "print_date_order"]


def upward_report(mode: str = HEADER_ELECTRONIC) -> Report:
    report = get_kind("half_year_summary").new_report(2024, UNIT)
    report.header_mode = mode
    report.doc_number = "某组发〔2024〕5号"
    report.signers = "张三 李四"
    report.secrecy = "秘密★1年"
    report.copy_number = "000001"
    report.urgency = "特急"
    report.addressee = "区委"
    report.opening = ["2024年上半年，区委组织部扎实推进各项工作。"]
    report.sections[0].heading = "加强班子建设"
    report.sections[0].body = ["选派干部参加培训。"]
    return report


# ── fields and kinds ──


def test_kinds_offer_their_elements_with_defaults() -> None:
    summary = get_kind("half_year_summary")
    assert summary.upward and not summary.notice
    assert {"header_mode", "doc_number", "signers", "copy_to", "printer", "print_date"} <= summary.offered
    keypoints = get_kind("annual_keypoints")
    assert keypoints.notice and not keypoints.upward and "signers" not in keypoints.offered
    assert get_kind("work_report").offered == frozenset()
    report = summary.new_report(2024, UNIT)
    assert report.issuer_mark == f"{UNIT}文件"
    assert report.header_mode == ""  # never a red header unless asked


def test_form_rows_follow_the_kind() -> None:
    speech = get_kind("work_report").new_report(2024, UNIT)
    rows = {f.name for f in offered_fields(get_kind("work_report").offered, speech)}
    assert "doc_number" not in rows and "title" in rows
    speech.doc_number = "某组发〔2024〕1号"  # a value typed or imported stays visible
    assert "doc_number" in {f.name for f in offered_fields(frozenset(), speech)}
    summary = get_kind("half_year_summary")
    assert "signers" in {f.name for f in offered_fields(summary.offered, summary.new_report(2024, UNIT))}


def test_a_kind_with_an_unknown_element_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    source = (get_kind("half_year_summary").folder / "kind.toml").read_text(encoding="utf-8")
    (folder / "kind.toml").write_text(source.replace('doc_number = ""', 'doc_numbr = ""'), encoding="utf-8")
    with pytest.raises(KindError, match="doc_numbr"):
        load_kind(folder)
    (folder / "kind.toml").write_text(source.replace('header_mode = "none"', 'header_mode = "red"'), encoding="utf-8")
    with pytest.raises(KindError, match="header_mode"):
        load_kind(folder)


def test_elements_are_saved_and_loaded(tmp_path: Path) -> None:
    path = tmp_path / "a.draft.json"
    report = upward_report()
    report.copy_to = "区委办公室"
    report.print_date = "2024-07-02"
    save_draft(report, path)
    back = load_draft(path)
    for name in ("header_mode", "doc_number", "signers", "secrecy", "copy_number", "copy_to", "print_date"):
        assert getattr(back, name) == getattr(report, name), name


def test_drafts_saved_before_the_elements_still_open() -> None:
    # A version-2 draft as saved before issue 15: no 公文 element keys at all.
    old = {"format": "baogao-draft", "version": 2, "report": {"kind": "half_year_summary", "title": "总结"}}
    text = json.dumps(old, ensure_ascii=False)
    from core.draft.draft_file import FORMAT_NAME

    report = loads(text.replace("baogao-draft", FORMAT_NAME))
    assert (report.header_mode, report.doc_number, report.print_date) == ("", "", "")


# ── carry-over ──


def test_carry_over_keeps_signers_clears_print_date_and_flags_the_doc_number() -> None:
    prior = upward_report()
    prior.year = 2023
    prior.doc_number = "某组发〔2023〕5号"
    prior.print_date = "2023-07-03"
    prior.prior_source = "2023年上半年工作总结.docx"
    for draft in (get_kind("half_year_summary").carry_over(prior, 2024), carry_over(prior, 2024).report):
        assert draft.signers == "张三 李四"
        assert draft.secrecy == "秘密★1年"
        assert (draft.print_date, draft.copy_number, draft.urgency) == ("", "", "")
        assert draft.doc_number == "某组发〔2023〕5号"
        flagged = [(f.field, f.text) for f in flags_for(draft) if f.rule == DOC_NUMBER]
        assert flagged == [("doc_number", "2023"), ("doc_number", "5")]


def test_a_fresh_doc_number_is_not_flagged() -> None:
    report = upward_report()  # typed this year, not carried from a prior report
    assert [f for f in flags_for(report) if f.rule == DOC_NUMBER] == []


# ── checks ──


@pytest.mark.parametrize(
    ("typed", "spots"),
    [
        ("某组发〔2024〕5号", []),
        ("某组发[2024]5号", ["[2024]"]),
        ("某组发【2024】5号", ["【2024】"]),
        ("某组发（2024）5号", ["（2024）"]),
        ("某组发〔2024〕05号", ["05"]),
        ("某组发〔2024〕第5号", ["第"]),
        ("某组发〔2024〕5", ["5"]),
        ("5号", ["5号"]),
    ],
)
def test_doc_number_form(typed: str, spots: list[str]) -> None:
    assert [typed[p.start : p.end] for p in doc_number_problems(typed)] == spots
    report = upward_report()
    report.doc_number = typed
    assert [f.text for f in run_checks(report, only=["doc_number_form"])] == spots


def test_doc_number_parts() -> None:
    parsed = parse_doc_number("京组发〔2024〕12号")
    assert parsed is not None and (parsed.year, parsed.number) == (2024, "12")


def test_signers_are_expected_on_an_upward_report_with_a_header() -> None:
    report = upward_report()
    report.signers = ""
    assert [f.message for f in run_checks(report, only=["signers_upward"])] == ["上报的报告应在版头标注签发人。"]
    report.header_mode = ""
    assert run_checks(report, only=["signers_upward"]) == []
    keypoints = get_kind("annual_keypoints").new_report(2024, UNIT)
    keypoints.header_mode = HEADER_ELECTRONIC
    assert run_checks(keypoints, only=["signers_upward"]) == []


@pytest.mark.parametrize(
    ("secrecy", "copy_number", "urgency", "count"),
    [
        ("秘密★1年", "000001", "特急", 0),
        ("机密", "000001", "加急", 0),
        ("绝密★长期", "000001", "", 0),
        ("秘密☆1年", "000001", "", 1),
        ("内部", "000001", "", 1),
        ("秘密1年", "000001", "", 1),
        ("秘密★1年", "", "", 1),  # 涉密公文 without 份号
        ("", "", "急件", 1),
    ],
)
def test_secrecy_and_urgency_form(secrecy: str, copy_number: str, urgency: str, count: int) -> None:
    report = upward_report()
    report.secrecy, report.copy_number, report.urgency = secrecy, copy_number, urgency
    assert len(run_checks(report, only=["secrecy_form"])) == count


def test_print_date_is_not_before_the_date_written() -> None:
    report = upward_report()
    report.date, report.print_date = "2024-07-02", "2024-07-01"
    assert [f.text for f in run_checks(report, only=["print_date_order"])] == ["2024-07-01"]
    report.print_date = "2024-07-02"
    assert run_checks(report, only=["print_date_order"]) == []


def test_no_header_no_header_findings() -> None:
    report = upward_report(mode="")
    report.doc_number, report.secrecy, report.signers = "第05号", "内部", ""
    assert run_checks(report, only=GONGWEN_CHECKS) == []


# ── rendering: named styles, no direct formatting ──


def _body(report: Report) -> list[tuple[str, str]]:
    document = docx.Document(io.BytesIO(render_document(report).data))
    return [(p.style.name, p.text) for p in document.paragraphs]


def test_header_paragraphs_in_order_in_their_styles() -> None:
    assert _body(upward_report())[:8] == [
        ("版头左上（份号、密级、紧急程度）", "000001"),
        ("版头左上（份号、密级、紧急程度）", "秘密★1年"),
        ("版头左上（份号、密级、紧急程度）", "特急"),
        ("发文机关标志", f"{UNIT}文件"),
        ("发文字号（有签发人）", "某组发〔2024〕5号\t签发人：张三\u3000李四"),
        ("版头分隔线", ""),
        ("公文标题", f"{UNIT}2024年上半年工作总结"),
        ("主送机关", "区委："),
    ]


def test_header_keeps_its_height_with_fewer_top_lines_and_without_signers() -> None:
    report = upward_report()
    report.copy_number = report.secrecy = report.urgency = report.signers = ""
    assert _body(report)[:6] == [
        ("版头左上（份号、密级、紧急程度）", ""),
        ("版头左上（份号、密级、紧急程度）", ""),
        ("版头左上（份号、密级、紧急程度）", ""),
        ("发文机关标志", f"{UNIT}文件"),
        ("发文字号", "某组发〔2024〕5号"),
        ("版头分隔线", ""),
    ]


def test_pretinted_paper_leaves_the_mark_and_line_blank_and_prints_the_rest() -> None:
    body = _body(upward_report(HEADER_PRETINTED))
    assert body[3] == ("发文机关标志", "")
    assert body[4][1] == "某组发〔2024〕5号\t签发人：张三\u3000李四"
    assert body[5] == ("版头分隔线（套红纸）", "")


def test_no_header_prints_nothing_of_it() -> None:
    assert _body(upward_report(mode=""))[0] == ("公文标题", f"{UNIT}2024年上半年工作总结")


def _xml(element: etree._Element) -> str:
    """The element's XML with its namespace declarations left out."""
    import re

    return re.sub(r' xmlns:\w+="[^"]*"', "", etree.tostring(element, encoding="unicode"))


def _style(styles: etree._Element, style_id: str) -> etree._Element:
    found = styles.find(f"{W}style[@{W}styleId='{style_id}']")
    assert found is not None, style_id
    return found


def test_header_styles_xml() -> None:
    parts = read_zip(render_document(upward_report(), fonts="gb2312").data)
    styles = etree.fromstring(parts["word/styles.xml"])
    mark = _style(styles, "IssuerMark")
    assert _xml(mark.find(f"{W}name")) == '<w:name w:val="发文机关标志"/>'
    assert _xml(mark.find(f"{W}rPr/{W}color")) == '<w:color w:val="FF0000"/>'
    assert mark.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "方正小标宋简体"
    assert _xml(mark.find(f"{W}pPr/{W}jc")) == '<w:jc w:val="center"/>'
    rule = _style(styles, "HeaderRule")
    assert _xml(rule.find(f"{W}pPr/{W}pBdr")) == (
        '<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="0" w:color="FF0000"/></w:pBdr>'
    )
    assert _xml(rule.find(f"{W}pPr/{W}ind")) == (
        '<w:ind w:left="0" w:leftChars="0" w:right="0" w:rightChars="0" w:firstLine="0" w:firstLineChars="0"/>'
    )
    assert _style(styles, "HeaderRuleBlank").find(f"{W}pPr/{W}pBdr") is None
    signed = _style(styles, "DocNumberSigned")
    assert _xml(signed.find(f"{W}pPr/{W}tabs")) == '<w:tabs><w:tab w:val="right" w:pos="8525"/></w:tabs>'
    assert _xml(signed.find(f"{W}pPr/{W}ind")) == (
        '<w:ind w:left="320" w:leftChars="100" w:right="320" w:rightChars="100" w:firstLine="0" w:firstLineChars="0"/>'
    )
    assert signed.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "楷体_GB2312"
    label = _style(styles, "SignerLabelChar")
    assert label.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "仿宋_GB2312"
    top = _style(styles, "HeaderTop")
    assert top.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "黑体"


def test_header_paragraphs_carry_no_direct_formatting() -> None:
    parts = read_zip(render_document(upward_report()).data)
    body = etree.fromstring(parts["word/document.xml"]).find(f"{W}body")
    for paragraph in list(body)[:6]:
        ppr = paragraph.find(f"{W}pPr")
        assert ppr is None or [child.tag for child in ppr] == [f"{W}pStyle"]
        for rpr in paragraph.iter(f"{W}rPr"):
            assert [child.tag for child in rpr] == [f"{W}rStyle"]


def test_field_labels_are_unique_and_elements_marked() -> None:
    elements = [f.name for f in FIELD_BY_NAME.values() if f.element]
    assert elements == [
        "copy_number", "secrecy", "urgency", "issuer_mark", "doc_number", "signers",
        "copy_to", "printer", "print_date", "header_mode",
    ]


# ── 印发通知 ──


def test_notice_is_generated_from_title_unit_and_date() -> None:
    import datetime as dt

    from core.reuse.notice import notice_paragraphs

    report = get_kind("annual_keypoints").new_report(2024, UNIT)
    assert notice_paragraphs(report, today=dt.date(2024, 1, 8)) == [
        f"关于印发《{UNIT}2024年工作要点》的通知",
        "各有关单位：",
        f"现将《{UNIT}2024年工作要点》印发给你们，请结合实际认真贯彻落实。",
        UNIT,
        "2024年1月8日",
    ]
    report.date = "2024-01-10"
    assert notice_paragraphs(report)[-1] == "2024年1月10日"


def test_notice_renders_with_its_signature_and_date_then_the_keypoints_on_a_new_page() -> None:
    import datetime as dt

    from core.reuse.notice import notice_paragraphs

    report = get_kind("annual_keypoints").new_report(2024, UNIT)
    report.cover = notice_paragraphs(report, today=dt.date(2024, 1, 8))
    document = docx.Document(io.BytesIO(render_document(report).data))
    paragraphs = document.paragraphs
    # (where the long title breaks is core/render/title.py's business)
    assert [(p.style.name, p.text.replace("\n", "")) for p in paragraphs[:6]] == [
        ("公文标题", f"关于印发《{UNIT}2024年工作要点》的通知"),
        ("称谓", "各有关单位："),
        ("Normal", f"现将《{UNIT}2024年工作要点》印发给你们，请结合实际认真贯彻落实。"),
        ("发文机关署名", UNIT),
        ("成文日期", "2024年1月8日"),
        ("公文标题", f"{UNIT}2024年工作要点"),
    ]
    assert paragraphs[4]._p.xpath(".//w:br[@w:type='page']")  # the 要点 starts a new page


# ── 版记 ──


def imprinted_report(copy_to: str = "区委办公室，区政府办公室") -> Report:
    report = upward_report()
    report.copy_to = copy_to
    report.printer = f"{UNIT}办公室"
    report.print_date = "2024-07-02"
    return report


def _footer_paragraphs(report: Report) -> tuple[list[tuple[str, str]], docx.document.Document]:
    document = docx.Document(io.BytesIO(render_document(report).data))
    footer = document.sections[-1].even_page_footer
    return [(p.style.name, p.text) for p in footer.paragraphs], document


def test_imprint_lines_and_text_in_the_last_sections_even_footer() -> None:
    paragraphs, document = _footer_paragraphs(imprinted_report())
    assert paragraphs == [
        ("版记分隔线（粗）", ""),
        ("抄送机关", "抄送：区委办公室，区政府办公室。"),
        ("版记分隔线（细）", ""),
        ("印发机关和印发日期", f"{UNIT}办公室\t2024年7月2日印发"),
        ("版记分隔线（粗）", ""),
    ]
    assert len(document.sections) == 2
    last = document.sections[-1]._sectPr
    assert last.find(f"{W}type").get(f"{W}val") == "evenPage"
    margins = last.find(f"{W}pgMar")
    assert margins.get(f"{W}footer") == margins.get(f"{W}bottom")  # the footer stands on the text block
    assert [p.text for p in last.getparent().iter(f"{W}p")][-1] == ""  # nothing of it left in the text
    assert document.sections[-1].footer.paragraphs[0].text == ""  # a blank odd page: no page number
    assert "抄送" not in "".join(p.text for p in document.paragraphs)


def test_imprint_without_copy_to_or_without_printer() -> None:
    report = imprinted_report(copy_to="")
    paragraphs, _ = _footer_paragraphs(report)
    assert [style for style, _ in paragraphs] == ["版记分隔线（粗）", "印发机关和印发日期", "版记分隔线（粗）"]
    report = imprinted_report()
    report.printer = report.print_date = ""
    paragraphs, _ = _footer_paragraphs(report)
    assert paragraphs == [
        ("版记分隔线（粗）", ""),
        ("抄送机关", "抄送：区委办公室，区政府办公室。"),
        ("版记分隔线（粗）", ""),
    ]


def test_no_imprint_no_extra_section() -> None:
    document = docx.Document(io.BytesIO(render_document(upward_report()).data))
    assert len(document.sections) == 1


def test_imprint_styles_xml() -> None:
    parts = read_zip(render_document(imprinted_report(), fonts="gb2312").data)
    styles = etree.fromstring(parts["word/styles.xml"])
    assert _xml(_style(styles, "ImprintRuleThick").find(f"{W}pPr/{W}pBdr")) == (
        '<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/></w:pBdr>'
    )
    assert _xml(_style(styles, "ImprintRuleThin").find(f"{W}pPr/{W}pBdr")) == (
        '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr>'
    )
    copy_to = _style(styles, "ImprintCopyTo")
    assert _xml(copy_to.find(f"{W}pPr/{W}ind")) == (
        '<w:ind w:left="1120" w:leftChars="400" w:right="280" w:rightChars="100"'
        ' w:hanging="840" w:hangingChars="300"/>'
    )
    assert _xml(copy_to.find(f"{W}rPr/{W}sz")) == '<w:sz w:val="28"/>'
    printer = _style(styles, "ImprintPrinter")
    assert _xml(printer.find(f"{W}pPr/{W}tabs")) == '<w:tabs><w:tab w:val="right" w:pos="8565"/></w:tabs>'


# ── 附件 pages ──


def attached_report() -> Report:
    report = imprinted_report()
    report.date = "2024-07-01"
    report.attachments = ["上半年重点工作完成情况", "干部培训计划"]
    report.attachment_texts = ["党建工作完成情况良好。\n组织工作稳步推进。", "全年培训干部500人次。"]
    return report


def test_attachment_pages_follow_the_signature_each_on_a_new_page() -> None:
    document = docx.Document(io.BytesIO(render_document(attached_report()).data))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    at = paragraphs.index(("成文日期", "2024年7月1日"))
    assert paragraphs[at + 1 : at + 8] == [
        ("附件标识（附件1）", "附件1"),
        ("公文标题", "上半年重点工作完成情况"),
        ("Normal", "党建工作完成情况良好。"),
        ("Normal", "组织工作稳步推进。"),
        ("附件标识（附件1）", "附件2"),
        ("公文标题", "干部培训计划"),
        ("Normal", "全年培训干部500人次。"),
    ]
    parts = read_zip(render_document(attached_report(), fonts="gb2312").data)
    label = _style(etree.fromstring(parts["word/styles.xml"]), "AttachmentLabel")
    assert label.find(f"{W}pPr/{W}pageBreakBefore") is not None
    assert label.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "黑体"
    assert _xml(label.find(f"{W}pPr/{W}jc")) == '<w:jc w:val="left"/>'


def test_one_attachment_is_labelled_without_number_and_empty_texts_get_no_page() -> None:
    from core.text.attachment_layout import attachment_pages

    report = attached_report()
    report.attachments = ["上半年重点工作完成情况"]
    report.attachment_texts = ["完成情况良好。"]
    assert attachment_pages(report) == [("label", "附件"), ("title", "上半年重点工作完成情况"), ("body", "完成情况良好。")]
    report.attachment_texts = ["  \n "]
    assert attachment_pages(report) == []


def test_attachment_from_a_docx_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cli.main import main

    source = docx.Document()
    for text in ("附件2", "干部培训计划", "全年培训干部500人次。", "完成率100%。"):
        source.add_paragraph(text)
    attachment = tmp_path / "培训.docx"
    source.save(attachment)
    draft = tmp_path / "a.draft.json"
    report = attached_report()
    report.attachment_texts = report.attachment_texts[:1]
    save_draft(report, draft)
    out = tmp_path / "out.docx"
    assert main(["render", str(draft), "-o", str(out), "--attach", str(attachment)]) == 0
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    at = texts.index("附件2")
    assert texts[at : at + 4] == ["附件2", "干部培训计划", "全年培训干部500人次。", "完成率100%。"]
    assert texts.count("附件2") == 1


def test_a_missing_attachment_file_is_a_clear_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cli.main import main

    draft = tmp_path / "a.draft.json"
    save_draft(attached_report(), draft)
    code = main(["render", str(draft), "-o", str(tmp_path / "o.docx"), "--attach", str(tmp_path / "无.docx")])
    assert code != 0
    assert "无.docx" in capsys.readouterr().err
    assert not (tmp_path / "o.docx").exists()


# ── import: the 版头 and 附件 pages come back as fields ──


def test_render_then_import_keeps_header_attachments_and_outline(tmp_path: Path) -> None:
    from core.importing.importer import import_document
    from core.render import render_report

    report = attached_report()
    out = tmp_path / "报告.docx"
    render_report(report, out)
    back = import_document(out).report
    for name in ("title", "addressee", "copy_number", "secrecy", "urgency", "issuer_mark", "doc_number",
                 "header_mode", "attachments", "attachment_texts", "signature", "date"):
        assert getattr(back, name) == getattr(report, name), name
    assert back.signers == "张三 李四"
    assert [s.heading for s in back.sections] == [s.heading for s in report.sections]


def test_imprint_typed_as_paragraphs_is_taken_from_the_end() -> None:
    from core.importing.importer import parse_text

    text = "\n".join([
        "某组发〔2024〕5号", "", "关于某事的报告", "区委：", "现将有关情况报告如下。", "中共某某区委组织部",
        "2024年7月1日", "抄送：区委办公室，区政府办公室。", "中共某某区委组织部办公室 2024年7月2日印发",
    ])
    report = parse_text(text).report
    assert (report.doc_number, report.copy_to) == ("某组发〔2024〕5号", "区委办公室，区政府办公室")
    assert (report.printer, report.print_date) == ("中共某某区委组织部办公室", "2024-07-02")
    assert report.title == "关于某事的报告" and report.date == "2024-07-01"


def test_documents_without_a_header_are_left_alone() -> None:
    from core.importing.gongwen_parts import take_gongwen_parts

    lines = ["2024年上半年工作总结", "今年以来，我们做了很多工作。", "一、主要做法", "附件1"]
    assert take_gongwen_parts(lines) == ({}, lines)


_LINE = st.sampled_from([
    "", "000001", "秘密★1年", "特急", "某某文件", "某组发〔2024〕5号", "某组发〔2024〕5号\t签发人：张三", "标题",
    "区委：", "正文一段。", "一、标题", "2024年7月1日", "附件1", "附件", "抄送：甲。", "乙 2024年7月2日印发",
]) | st.text(max_size=12)


@given(st.lists(_LINE, max_size=20))
def test_taking_parts_never_invents_or_reorders_lines(lines: list[str]) -> None:
    from core.importing.gongwen_parts import take_gongwen_parts

    fields, rest = take_gongwen_parts(lines)
    assert not fields or rest != lines or not any(lines)
    # What is left is one run of the input, in order.
    joined = "\x00".join(lines)
    assert "\x00".join(rest) in joined


def test_a_mark_too_long_for_one_line_is_warned_about() -> None:
    report = upward_report()
    assert not [w for w in render_document(report).warnings if "发文机关标志" in w]
    report.issuer_mark = "中共某某市某某区委员会组织部文件"  # 16 characters
    assert [w for w in render_document(report).warnings if "一行排不下" in w]
