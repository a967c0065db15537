""".docx files as Word shows them: filled placeholder controls, symbol characters, text
boxes at their anchor, altChunk parts, Word content never taken for page furniture, and
headings from styles and lead-line formatting. Files are built by hand, outlines
expected by hand."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from core.importing.importer import import_document
from core.importing.outline_text import outline_lines
from core.importing.readers import read_document, read_paragraphs
from tests.docx_builders import _CONTENT_TYPES, _PACKAGE_RELS, NAMESPACES, paragraph_xml, write_docx_xml

BODY = "今年以来，我局坚持稳中求进工作总基调，统筹推进各项工作，主要经济指标保持平稳增长，全年任务圆满完成。"


def run(text: str, props: str = "") -> str:
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*runs: str, ppr: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{''.join(runs)}</w:p>"


def control(inner: str, *, placeholder_part: str | None = None) -> str:
    ref = f'<w:placeholder><w:docPart w:val="{placeholder_part}"/></w:placeholder>' if placeholder_part else ""
    return f"<w:sdt><w:sdtPr>{ref}<w:showingPlcHdr/></w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>"


GLOSSARY = (
    f'<w:glossaryDocument {NAMESPACES}><w:docParts><w:docPart><w:docPartPr><w:name w:val="DefaultPlaceholder_1"/>'
    "</w:docPartPr><w:docPartBody><w:p><w:r><w:t>请输入本单位名称</w:t></w:r></w:p></w:docPartBody></w:docPart>"
    "</w:docParts></w:glossaryDocument>"
).encode()


def test_placeholder_flag_drops_only_placeholder_text(tmp_path: Path) -> None:
    body = (
        control(paragraph_xml("固定资产投资128亿元"))  # filled by a templating tool, flag left set
        + control(paragraph_xml("单击或点击此处输入文字。"))  # Word's prompt
        + control(paragraph_xml("Click or tap here to enter text."))
        + control(paragraph_xml("请输入本单位名称"), placeholder_part="DefaultPlaceholder_1")  # its glossary text
        + control(paragraph_xml("某某区统计局"), placeholder_part="DefaultPlaceholder_1")
        + para(run("单位："), control(run("某某局")))
    )
    path = write_docx_xml(
        tmp_path / "controls.docx",
        body,
        extra_parts=[("rId7", "glossaryDocument", "glossary/document.xml", GLOSSARY)],
    )
    assert read_paragraphs(path) == ["固定资产投资128亿元", "某某区统计局", "单位：某某局"]


def test_symbol_characters_become_unicode(tmp_path: Path) -> None:
    body = para(
        '<w:r><w:sym w:font="Wingdings 2" w:char="0052"/></w:r>',
        run("同意 "),
        '<w:r><w:sym w:font="Wingdings" w:char="F06F"/></w:r>',
        run("不同意 "),
        '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>',
        '<w:r><w:sym w:font="Symbol" w:char="F0B1"/></w:r>',
        '<w:r><w:sym w:font="某字体" w:char="F041"/></w:r>',  # unknown font: the code is kept
    )
    assert read_paragraphs(write_docx_xml(tmp_path / "sym.docx", body)) == ["☑同意 □不同意 ✓±\uf041"]


def _box(*texts: str) -> str:
    inner = "".join(paragraph_xml(t) for t in texts)
    return f"<w:r><w:pict><v:shape><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"


def test_title_never_joined_across_a_text_box(tmp_path: Path) -> None:
    body = (
        para(run("Horizontal Line"))
        + para(run("Hyphens"))
        + para(run(BODY))
        + para(run("一、主要工作"))
        + para(run(BODY))
    )
    report = import_document(write_docx_xml(tmp_path / "latin.docx", body)).report
    assert report.title == "Horizontal Line Hyphens"

    body = para(run("xx区统计局工作总结"), _box("本期导读")) + para(run(BODY)) + para(run("一、主要工作")) + para(run(BODY))
    path = write_docx_xml(tmp_path / "sidebar.docx", body)
    assert read_paragraphs(path) == ["xx区统计局工作总结", "本期导读", BODY, "一、主要工作", BODY]
    report = import_document(path).report
    assert report.title == "xx区统计局工作总结" and report.subtitle == ""
    assert report.opening == ["本期导读", BODY]


HTML_CHUNK = (
    "<html><head><meta charset='utf-8'><style>p{color:red}</style><script>var x=1;</script></head><body>"
    "<h1>一、总体要求</h1><p>坚持稳中求进，<b>推动</b>高质量发展。</p><p>第二段<br>换行后</p>"
    "<table><tr><td>指标</td><td>数值</td></tr></table></body></html>"
).encode()


def _inner_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _PACKAGE_RELS)
        package.writestr(
            "word/document.xml", f"<w:document {NAMESPACES}><w:body>{paragraph_xml('嵌入文档的一段')}</w:body></w:document>"
        )
    return buffer.getvalue()


def test_alt_chunk_html_and_embedded_docx_are_read(tmp_path: Path) -> None:
    body = para(run("前言")) + '<w:altChunk r:id="rId8"/>' + '<w:altChunk r:id="rId9"/>' + para(run("结尾"))
    path = write_docx_xml(
        tmp_path / "chunk.docx",
        body,
        extra_parts=[("rId8", "aFChunk", "chunk.htm", HTML_CHUNK), ("rId9", "aFChunk", "inner.docx", _inner_docx())],
    )
    assert read_paragraphs(path) == [
        "前言",
        "一、总体要求",
        "坚持稳中求进，推动高质量发展。",
        "第二段",
        "换行后",
        "指标\t数值",
        "嵌入文档的一段",
        "结尾",
    ]


def test_document_that_is_only_an_html_chunk_imports(tmp_path: Path) -> None:
    path = write_docx_xml(
        tmp_path / "only.docx", '<w:altChunk r:id="rId8"/>', extra_parts=[("rId8", "aFChunk", "c.htm", HTML_CHUNK)]
    )
    assert [s.heading for _, s in import_document(path).report.walk()] == ["总体要求"]


def test_word_paragraphs_that_look_like_web_furniture_are_content(tmp_path: Path) -> None:
    texts = ["一、数据说明", "来源：区统计局2023年统计公报", "字号：三号仿宋", "1/27", BODY]
    result = import_document(write_docx_xml(tmp_path / "furniture.docx", "".join(paragraph_xml(t) for t in texts)))
    assert result.report.sections[0].body == texts[1:]
    assert result.dropped == []


STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="MyLevel2"><w:name w:val="我的二级标题"/><w:basedOn w:val="a"/>'
    '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Kai"><w:name w:val="楷体段"/><w:rPr>'
    '<w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style>'
)


def test_unnumbered_headings_from_styles_and_lead_lines(tmp_path: Path) -> None:
    body = (
        para(run("xx区发展和改革局2023年工作总结"))
        + para(run(BODY))
        + para(run("经济运行总体平稳"), ppr='<w:pStyle w:val="1"/>')  # heading 1 by style NAME
        + para(run(BODY))
        + para(run("投资保持较快增长"), ppr='<w:pStyle w:val="MyLevel2"/>')  # custom style, outline level 1
        + para(run(BODY))
        + para(run("重大项目进展顺利"), ppr='<w:outlineLvl w:val="2"/>')  # direct outline level
        + para(run(BODY))
        + para(run("民生保障持续加强"), ppr='<w:pStyle w:val="1"/>')
        + para(run("就业形势稳定", "<w:b/>"))  # bold lead line
        + para(run(BODY))
        + para(run("社会保障扩面提质", "<w:b/>"))
        + para(run(BODY))
        + para(run("全年新增城镇就业", "<w:b/>"), run("1.2万人。"))  # bold lead-in of a paragraph: body
        + para(run("下一步打算"), ppr='<w:pStyle w:val="Kai"/>')  # 楷体 by its style
        + para(run(BODY))
    )
    path = write_docx_xml(tmp_path / "styled.docx", body, styles_xml=STYLES)
    result = import_document(path)
    assert outline_lines(result.report, show_how=True)[1:] == [
        "TITLE\txx区发展和改革局2023年工作总结",
        "H\t1\t\t经济运行总体平稳\tstyle",
        "H\t2\t\t投资保持较快增长\tstyle",
        "H\t3\t\t重大项目进展顺利\tstyle",
        "H\t1\t\t民生保障持续加强\tstyle",
        "H\t2\t\t就业形势稳定\tformatting",
        "H\t2\t\t社会保障扩面提质\tformatting",
        "H\t2\t\t下一步打算\tformatting",
    ]
    sections = [s for _, s in result.report.walk()]
    assert sections[5].body == [BODY, "全年新增城镇就业1.2万人。"]


def test_reader_reports_word_origin_and_hints(tmp_path: Path) -> None:
    path = write_docx_xml(tmp_path / "h.docx", para(run("标题一"), ppr='<w:pStyle w:val="1"/>'), styles_xml=STYLES)
    document = read_document(path)
    assert document.origin == "word"
    assert document.hints is not None and document.hints[0] is not None and document.hints[0].level == 1


def test_styled_headings_stay_aligned_after_a_gongwen_header(tmp_path: Path) -> None:
    body = (
        para(run("000001"))
        + para(run("xx区发展和改革局文件"))
        + para(run("x发改〔2024〕1号"))
        + para(run("xx区发展和改革局2023年工作总结"))
        + para(run(BODY))
        + para(run("经济运行总体平稳"), ppr='<w:pStyle w:val="1"/>')
        + para(run(BODY))
        + para(run("投资保持较快增长"), ppr='<w:pStyle w:val="MyLevel2"/>')
        + para(run(BODY))
    )
    report = import_document(write_docx_xml(tmp_path / "gongwen.docx", body, styles_xml=STYLES)).report
    assert report.copy_number == "000001" and report.title == "xx区发展和改革局2023年工作总结"
    assert [(d, s.heading, s.recognized_by) for d, s in report.walk()] == [
        (1, "经济运行总体平稳", "style"),
        (2, "投资保持较快增长", "style"),
    ]


def test_body_style_with_an_outline_level_makes_no_headings(tmp_path: Path) -> None:
    styles = STYLES + (
        '<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="正文缩进"/>'
        '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    )
    body = (
        para(run("xx区统计局2023年工作总结"))
        + para(run(BODY), ppr='<w:pStyle w:val="Body"/>')
        + para(run("经济运行总体平稳"), ppr='<w:pStyle w:val="1"/>')
        + para(run(BODY), ppr='<w:pStyle w:val="Body"/>')
    )
    report = import_document(write_docx_xml(tmp_path / "body.docx", body, styles_xml=styles)).report
    assert [s.heading for _, s in report.walk()] == ["经济运行总体平稳"]
    assert report.opening == [BODY] and report.sections[0].body == [BODY]
