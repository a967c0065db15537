"""公文 elements (issue 15) in the Word file: 版头, 印发通知, 版记 and 附件 pages in named styles,
with no direct formatting a unit cannot restyle."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from lxml import etree

from core.draft.draft_file import save_draft
from core.draft.fields import FIELD_BY_NAME, HEADER_PRETINTED
from core.draft.kinds import get_kind
from core.draft.model import Report
from core.render.engine import render_document
from core.render.package import read_zip
from tests.core.gongwen_samples import UNIT, attached_report, imprinted_report, upward_report

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


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


def test_several_signers_are_laid_two_a_line_with_the_number_on_the_last() -> None:
    from core.render.context import build_context

    report = upward_report()
    report.signers = "张三丰、李四光，王五 赵六,钱七"
    lines = [(p["style"], p["lead"], p["text"]) for p in build_context(report).paragraphs if p["part"] == "doc_number"]
    assert lines == [
        ("doc_number_signers_first", "\t签发人：", "张三丰\u3000李四光"),
        ("doc_number_signers_more", "\t\t", "王五\u3000赵六"),
        ("doc_number_signers_more", "某组发〔2024〕5号\t\t", "钱七"),
        ("header_rule", "", ""),
    ]
    report.signers = "阿不都热合曼 李四"  # a name too long to pair: one a line
    texts = [p["text"] for p in build_context(report).paragraphs if p["part"] == "doc_number"]
    assert texts == ["阿不都热合曼", "李四", ""]
    report.signers = "张三 李四"  # two: the one line of 7.2.6, reached by the right tab
    assert [p["style"] for p in build_context(report).paragraphs if p["part"] == "doc_number"] == [
        "doc_number_signed", "header_rule"]


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
    # The notice carries the 落款 and date: the 要点 after it does not repeat them.
    styles = [p.style.name for p in paragraphs[5:]]
    assert "发文机关署名" not in styles and "成文日期" not in styles
    assert not any(p.text.strip() == "2024年1月8日" for p in paragraphs[5:])


# ── 版记 ──


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


def test_a_mark_too_long_for_one_line_is_warned_about() -> None:
    report = upward_report()
    assert not [w for w in render_document(report).warnings if "发文机关标志" in w]
    report.issuer_mark = "中共某某市某某区委员会组织部文件"  # 16 characters
    assert [w for w in render_document(report).warnings if "一行排不下" in w]


def _template_before_issue_15() -> bytes:
    """The shipped template as a unit made it before the 公文 element paragraphs existed."""
    from core.render.engine import default_template
    from core.render.package import write_zip

    members = dict(read_zip(default_template("上半年工作总结")))
    xml = members["word/document.xml"].decode("utf-8")
    for kind in ("cover_date", "header_top", "issuer_mark", "doc_number", "doc_number_signed", "header_rule",
                 "header_rule_blank", "imprint_rule_thick", "imprint_rule_thin", "imprint_copy_to",
                 "imprint_printer", "attachment_label"):
        block = re.compile(
            r"<w:p>(?:(?!<w:p>).)*?\{%p elif p\.style == '" + kind + r"' %\}.*?</w:p><w:p>.*?</w:p>", re.S
        )
        xml, count = block.subn("", xml)
        assert count == 1, kind
    members["word/document.xml"] = xml.encode("utf-8")
    return write_zip(list(members.items()))


def test_an_older_unit_template_renders_every_element_through_its_fallback() -> None:
    report = attached_report()
    rendered = render_document(report, template=_template_before_issue_15())
    texts = [p.text for p in docx.Document(io.BytesIO(rendered.data)).paragraphs]
    for expected in ("000001", f"{UNIT}文件", "某组发〔2024〕5号\t签发人：张三\u3000李四", "附件1",
                     "抄送：区委办公室，区政府办公室。", f"{UNIT}办公室\t2024年7月2日印发"):
        assert expected in texts, expected
    assert any("发文机关标志" in w and "公文标题" in w for w in rendered.warnings)
