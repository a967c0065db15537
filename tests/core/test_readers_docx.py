"""Reading .docx bodies: paragraphs in order, tables, images, text boxes, revisions,
fields, content controls and soft line breaks."""

from __future__ import annotations

import copy
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from core.importing.readers import read_document, read_paragraphs
from tests.docx_builders import NAMESPACES, paragraph_xml, write_docx_xml, write_typed_docx


def tiny_png(path: Path) -> Path:
    """A valid 1×1 PNG, written by hand so the test needs no imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
    return path


def run_xml(inner: str) -> str:
    return f"<w:r {NAMESPACES}>{inner}</w:r>"


def test_typed_paragraphs_come_back_in_order(tmp_path: Path) -> None:
    lines = ["关于2022年工作要点", "", "一、总体要求", "（一）加强党的建设。全面推进。", "1.持续推进"]
    assert read_paragraphs(write_typed_docx(tmp_path / "typed.docx", lines)) == lines


def test_table_becomes_a_table_item_in_reading_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("表格前")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["序号", "项目", "完成情况"], ["1", "党建", "已完成"], ["", "", ""]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(1, 2).add_paragraph("正在巩固")
    document.add_paragraph("表格后")
    path = tmp_path / "table.docx"
    document.save(str(path))
    source = read_document(path)
    assert source.paragraphs == ["表格前", "表格后"]
    [(at, found)] = source.tables
    assert at == 1  # stands before "表格后"
    # A cell's two paragraphs are two lines of the cell, never one run of text ("2期" and
    # "1期" must not read "2期1期"); the empty row is kept.
    assert found.rows == [["序号", "项目", "完成情况"], ["1", "党建", "已完成\n正在巩固"], ["", "", ""]]


def test_nested_table_is_flattened_into_its_cell(tmp_path: Path) -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "外层"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "内A"
    inner.cell(0, 1).text = "内B"
    path = tmp_path / "nested.docx"
    document.save(str(path))
    source = read_document(path)
    assert source.paragraphs == []
    assert [found.rows for _, found in source.tables] == [[["外层", "内A 内B"]]]


def test_inline_image_is_ignored_without_losing_text(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("图片前文字")
    paragraph.add_run().add_picture(str(tiny_png(tmp_path / "dot.png")))
    paragraph.add_run("图片后文字")
    document.add_picture(str(tmp_path / "dot.png"))  # a paragraph holding only a picture
    document.add_paragraph("下一段")
    path = tmp_path / "image.docx"
    document.save(str(path))
    assert read_paragraphs(path) == ["图片前文字图片后文字", "", "下一段"]



def test_pictures_are_counted_and_the_import_says_they_were_left_out(tmp_path: Path) -> None:
    """A draft holds text: a report's photos are not imported, and the clerk is told how many
    (walkthrough W6: 20 photos went without a word). A VML picture (older Word, WPS) counts; a
    picture saved in both forms (mc:AlternateContent) counts once; a text box is no picture."""
    from core.importing.importer import import_document

    document = docx.Document()
    document.add_paragraph("一、活动开展情况")
    document.add_paragraph("组织培训3期。")
    document.add_picture(str(tiny_png(tmp_path / "dot.png")))
    document.add_paragraph("图1：活动照片。")
    document.add_picture(str(tmp_path / "dot.png"))
    body = document.element.body
    vml = parse_xml(
        f'<w:p {NAMESPACES}><w:r><w:pict><v:shape style="width:10pt;height:10pt">'
        '<v:imagedata r:id="rId999"/></v:shape></w:pict></w:r></w:p>'
    )
    both = parse_xml(
        f'<w:p {NAMESPACES}><w:r><mc:AlternateContent><mc:Choice Requires="wps"/><mc:Fallback><w:pict><v:shape>'
        '<v:imagedata r:id="rId998"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>'
    )
    choice = both.find(".//{http://schemas.openxmlformats.org/markup-compatibility/2006}Choice")
    choice.append(copy.deepcopy(body.findall(".//" + qn("w:drawing"))[0]))
    body.insert(len(body) - 1, vml)
    body.insert(len(body) - 1, both)
    path = tmp_path / "photos.docx"
    document.save(str(path))
    assert read_document(path).pictures == 4
    assert import_document(path).warnings == [
        "“photos.docx”中的 4 张图片没有导入（草稿只收文字）；需要时请在导出的 Word 文件中重新插入。"
    ]
    without = tmp_path / "words.docx"
    write_typed_docx(without, ["一、活动开展情况", "组织培训3期。"])
    assert read_document(without).pictures == 0 and import_document(without).warnings == []


TEXT_BOX = (
    '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="框"/>'
    '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    "<wps:wsp><wps:txbx><w:txbxContent>"
    "<w:p><w:r><w:t>文本框第一段</w:t></w:r></w:p><w:p><w:r><w:t>文本框第二段</w:t></w:r></w:p>"
    "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
    "<w:p><w:r><w:t>文本框第一段</w:t></w:r></w:p><w:p><w:r><w:t>文本框第二段</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"
)


def test_text_box_paragraphs_stand_at_their_anchor_once(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("正文开头")
    paragraph._p.append(parse_xml(run_xml(TEXT_BOX)))
    paragraph.add_run("正文结尾")
    document.add_paragraph("下一段")
    path = tmp_path / "textbox.docx"
    document.save(str(path))
    # Word stores the box twice (DrawingML and VML fallback); it is read once.
    # Its paragraphs stand where it is anchored, between the text before and after it.
    assert read_paragraphs(path) == ["正文开头", "文本框第一段", "文本框第二段", "正文结尾", "下一段"]


def test_vml_only_text_box_is_read(tmp_path: Path) -> None:
    body = (
        "<w:p><w:r><w:t>锚</w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
        "<w:p><w:r><w:t>旧式文本框</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
    )
    assert read_paragraphs(write_docx_xml(tmp_path / "vml.docx", body)) == ["锚", "旧式文本框"]


def test_revisions_keep_insertions_and_drop_deletions(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("保留")
    revision = 'w:id="{}" w:author="审稿" w:date="2022-01-01T00:00:00Z"'
    paragraph._p.append(
        parse_xml(
            f"<w:del {NAMESPACES} {revision.format(1)}><w:r><w:delText>删掉的字</w:delText></w:r></w:del>"
        )
    )
    paragraph._p.append(
        parse_xml(f"<w:ins {NAMESPACES} {revision.format(2)}><w:r><w:t>新加的字</w:t></w:r></w:ins>")
    )
    path = tmp_path / "revisions.docx"
    document.save(str(path))
    assert read_paragraphs(path) == ["保留新加的字"]


def test_paragraph_deleted_with_its_mark_disappears(tmp_path: Path) -> None:
    body = (
        paragraph_xml("甲")
        + '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a" w:date="2022-01-01T00:00:00Z"/></w:rPr></w:pPr>'
        '<w:del w:id="2" w:author="a" w:date="2022-01-01T00:00:00Z"><w:r><w:delText>整段删除</w:delText></w:r></w:del>'
        "</w:p>" + paragraph_xml("乙")
    )
    assert read_paragraphs(write_docx_xml(tmp_path / "deleted.docx", body)) == ["甲", "乙"]


def test_hyperlinks_fields_smart_tags_and_hidden_text(tmp_path: Path) -> None:
    body = (
        "<w:p>"
        '<w:hyperlink r:id="rId99"><w:r><w:t>链接文字</w:t></w:r></w:hyperlink>'
        '<w:smartTag w:uri="urn:x" w:element="place"><w:r><w:t>某地</w:t></w:r></w:smartTag>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2022年1月1日</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>"
        '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>显示</w:t></w:r>'
        "</w:p>"
    )
    path = write_docx_xml(tmp_path / "fields.docx", body)
    # Field results are kept, field codes (DATE, PAGE) and hidden runs are not.
    assert read_paragraphs(path) == ["链接文字某地2022年1月1日3显示"]


def test_content_controls_block_and_inline(tmp_path: Path) -> None:
    body = (
        '<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent>'
        + paragraph_xml("控件里的标题")
        + "</w:sdtContent></w:sdt>"
        "<w:p><w:r><w:t>单位：</w:t></w:r><w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>某某局</w:t></w:r>"
        "</w:sdtContent></w:sdt></w:p>"
        "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
        + paragraph_xml("单击或点击此处输入文字。")
        + "</w:sdtContent></w:sdt>"
    )
    path = write_docx_xml(tmp_path / "sdt.docx", body)
    # A control still showing its placeholder prompt contributes nothing.
    assert read_paragraphs(path) == ["控件里的标题", "单位：某某局"]


def test_tabs_and_special_characters(tmp_path: Path) -> None:
    body = (
        "<w:p><w:r><w:t>姓名</w:t><w:tab/><w:t>职务</w:t><w:noBreakHyphen/><w:t>A</w:t>"
        '<w:softHyphen/><w:t>B</w:t><w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>'
    )
    assert read_paragraphs(write_docx_xml(tmp_path / "tabs.docx", body)) == ["姓名\t职务-AB✓"]


@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        # Shift+Enter inside a title: one paragraph, no space between hanzi.
        ("<w:t>关于2022年度</w:t><w:br/><w:t>工作要点的报告</w:t>", ["关于2022年度工作要点的报告"]),
        ("<w:t>Annual</w:t><w:br/><w:t>Report</w:t>", ["Annual Report"]),
        # Pasted from a web page: breaks between sentences or before an ordinal split.
        ("<w:t>第一段结束。</w:t><w:br/><w:t>第二段开始</w:t>", ["第一段结束。", "第二段开始"]),
        (
            "<w:t>总体要求</w:t><w:br/><w:t>一、加强党建</w:t><w:br/><w:t>一是抓学习</w:t>",
            ["总体要求", "一、加强党建", "一是抓学习"],
        ),
        (
            '<w:t>标题</w:t><w:br/><w:t xml:space="preserve">\u3000\u3000缩进的正文</w:t>',
            ["标题", "缩进的正文"],
        ),
        ('<w:br w:type="page"/><w:t>分页后的文字</w:t>', ["分页后的文字"]),
        ("<w:t>甲</w:t><w:cr/><w:t>乙</w:t>", ["甲乙"]),
    ],
)
def test_soft_line_breaks(tmp_path: Path, runs: str, expected: list[str]) -> None:
    path = write_docx_xml(tmp_path / "breaks.docx", f"<w:p><w:r>{runs}</w:r></w:p>")
    assert read_paragraphs(path) == expected


def test_equation_text_is_kept(tmp_path: Path) -> None:
    body = "<w:p><w:r><w:t>增长率</w:t></w:r><m:oMath><m:r><m:t>a+b</m:t></m:r></m:oMath></w:p>"
    assert read_paragraphs(write_docx_xml(tmp_path / "math.docx", body)) == ["增长率a+b"]


def test_strict_open_xml_namespace(tmp_path: Path) -> None:
    path = write_docx_xml(tmp_path / "strict.docx", paragraph_xml("严格格式") + paragraph_xml("第二段"))
    strict = tmp_path / "strict2.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(strict, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(
                    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
                )
            target.writestr(info, data)
    assert read_paragraphs(strict) == ["严格格式", "第二段"]


def test_main_part_found_through_package_relationships(tmp_path: Path) -> None:
    path = write_docx_xml(tmp_path / "plain.docx", paragraph_xml("改名的正文部件"))
    moved = tmp_path / "moved.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(moved, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            name = info.filename
            if name == "word/document.xml":
                name = "word/document2.xml"
            elif name == "word/_rels/document.xml.rels":
                name = "word/_rels/document2.xml.rels"
            elif name == "_rels/.rels":
                data = data.replace(b"word/document.xml", b"word/document2.xml")
            target.writestr(name, data)
    assert read_paragraphs(moved) == ["改名的正文部件"]


def test_docx_saved_with_a_doc_extension_is_read_directly(tmp_path: Path) -> None:
    source = write_typed_docx(tmp_path / "real.docx", ["其实是docx"])
    renamed = tmp_path / "报告.doc"
    renamed.write_bytes(source.read_bytes())
    assert read_paragraphs(renamed) == ["其实是docx"]


def test_python_docx_document_is_not_modified_by_reading(tmp_path: Path) -> None:
    path = write_typed_docx(tmp_path / "same.docx", ["甲", "乙"])
    before = path.read_bytes()
    read_paragraphs(path)
    assert path.read_bytes() == before


def test_body_order_across_tables_and_paragraphs(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("一")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "表"
    document.add_paragraph("二")
    path = tmp_path / "order.docx"
    document.save(str(path))
    source = read_document(path)
    assert source.paragraphs == ["一", "二"]
    assert [(at, found.rows) for at, found in source.tables] == [(1, [["表"]])]


def test_a_cell_of_several_lines_comes_back_from_our_export_line_by_line(tmp_path: Path) -> None:
    from core.draft.model import Report, Section
    from core.draft.tables import Table
    from core.importing.importer import import_document
    from core.render import render_report

    rows = [["项目", "完成"], ["培训", "完成2期\n1期（含线上）"]]
    report = Report(title="2023年工作总结", sections=[Section(heading="开展情况", body=["完成任务。"],
                                                             tables=[Table(rows=rows)])])
    render_report(report, tmp_path / "表.docx")
    [table] = [t for _, s in import_document(tmp_path / "表.docx").report.walk() for t in s.tables]
    assert table.rows == rows
