"""Hostile, broken and odd files: each ends in ImportFailed naming the file (with a hint
of what to do) or in a correct read, quickly; never a traceback, never a hang."""

from __future__ import annotations

import random
import struct
import zipfile
from pathlib import Path

import pytest

from core.base.errors import ImportFailed
from core.importing.readers import read_paragraphs
from core.ooxml import guards
from tests.cpu_budget import cpu_budget
from tests.docx_builders import paragraph_xml, write_docx_xml, write_typed_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def refused(path: Path, *fragments: str) -> str:
    """Assert that reading ``path`` fails with a message naming it and saying ``fragments``."""
    with pytest.raises(ImportFailed) as caught:
        read_paragraphs(path)
    message = str(caught.value)
    assert path.name in message
    for fragment in fragments:
        assert fragment in message
    return message


def docx_with_document_xml(path: Path, document_xml: bytes | str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", document_xml)
    return path


# --- Files that are not there or not files ------------------------------------------------


def test_nonexistent_file(tmp_path: Path) -> None:
    refused(tmp_path / "不存在的报告.docx", "不存在")


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "报告文件夹"
    folder.mkdir()
    refused(folder, "文件夹")
    dotted = tmp_path / "看起来像文件.docx"
    dotted.mkdir()
    refused(dotted, "文件夹")


def test_unknown_extension_lists_the_supported_ones(tmp_path: Path) -> None:
    path = tmp_path / "报告.xyz"
    path.write_text("内容", encoding="utf-8")
    message = refused(path, ".xyz")
    for suffix in (".docx", ".doc", ".wps", ".txt", ".md"):
        assert suffix in message


@pytest.mark.parametrize(
    ("name", "hint"), [("扫描件.pdf", "PDF"), ("数据.xlsx", "Excel"), ("无扩展名", "扩展名")]
)
def test_other_kinds_of_file_get_a_specific_hint(tmp_path: Path, name: str, hint: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.4\n" if name.endswith(".pdf") else b"data")
    refused(path, hint)


# --- Empty, blank, oversize ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["空.txt", "空.docx", "空.md", "空.doc"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    refused(path, "空")


def test_whitespace_only_text_reads_as_blank_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "空白.txt"
    path.write_text("   \n\t\n\u3000\u3000\n", encoding="utf-8")
    assert read_paragraphs(path) == ["", "", ""]


def test_file_over_50_mb_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "巨大.txt"
    with path.open("wb") as handle:  # sparse: no 50 MB actually written
        handle.truncate(guards.MAX_FILE_BYTES + 1)
    refused(path, "太大", "50 MB")


# --- Not what the name says ------------------------------------------------------------------


def test_binary_data_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "乱码.txt"
    path.write_bytes(random.Random(7).randbytes(20_000))
    refused(path)


def test_png_renamed_docx(tmp_path: Path) -> None:
    path = tmp_path / "截图.docx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 200)
    refused(path, "图片", "PNG")


def test_text_renamed_docx(tmp_path: Path) -> None:
    path = tmp_path / "其实是文本.docx"
    path.write_text("一、总体要求", encoding="utf-8")
    refused(path, "不是 Word 文档")


def test_spreadsheet_renamed_docx(tmp_path: Path) -> None:
    path = tmp_path / "表格.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
    refused(path, "Excel")


def test_zip_without_word_document(tmp_path: Path) -> None:
    path = tmp_path / "压缩包.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("readme.txt", "hello")
    refused(path, "找不到 Word 正文", "另存为")


def test_encrypted_office_file_saved_as_docx(tmp_path: Path) -> None:
    # Word writes a password-protected .docx as an OLE compound file with these streams.
    directory_entries = (
        "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50 + "EncryptedPackage".encode("utf-16-le")
    )
    path = tmp_path / "加密.docx"
    path.write_bytes(OLE_SIGNATURE + b"\x00" * 504 + directory_entries + b"\x00" * 1000)
    refused(path, "加密", "取消密码", ".docx")


# --- Broken and hostile packages -----------------------------------------------------------


def test_truncated_docx(tmp_path: Path) -> None:
    whole = write_typed_docx(tmp_path / "完整.docx", ["一、总体要求", "正文"] * 50).read_bytes()
    for cut in (len(whole) // 3, len(whole) - 30):
        path = tmp_path / f"截断{cut}.docx"
        path.write_bytes(whole[:cut])
        refused(path, "损坏")


def test_corrupted_member_data(tmp_path: Path) -> None:
    path = write_typed_docx(tmp_path / "坏块.docx", ["一、总体要求"] * 200)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as package:
        info = package.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 10, start + 60):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    refused(path, "损坏")


@pytest.mark.timeout(60)
def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    path = tmp_path / "炸弹.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", b"<w:document/>" + b" " * (80 * 1024 * 1024))
    assert path.stat().st_size < 200_000  # 80 MB declared, a few hundred KB stored
    with cpu_budget(5, "refusing the bomb"):  # refused from the declared sizes, nothing inflated
        refused(path, "体积过大")


def test_total_declared_size_over_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Many ordinary-looking members adding up: the total is checked, not only ratios.
    monkeypatch.setattr(guards, "MAX_TOTAL_UNCOMPRESSED", 1_000_000)
    path = tmp_path / "很多部件.docx"
    rng = random.Random(3)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as package:
        package.writestr("word/document.xml", f'<w:document xmlns:w="{W_NS}"><w:body/></w:document>')
        for i in range(12):
            package.writestr(f"word/media/image{i}.bin", rng.randbytes(100_000))
    refused(path, "体积过大")


def test_lying_size_header_never_inflates_more_than_declared(tmp_path: Path) -> None:
    """A member that declares 1 KB but inflates to 5 MB: reading stops at 1 KB and the
    checksum then fails, so the file is refused as damaged."""
    path = tmp_path / "谎报大小.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", b"<w:document/>" + b" " * (5 * 1024 * 1024))
    data = bytearray(path.read_bytes())
    central = data.rindex(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 1024)  # uncompressed size in the central directory
    path.write_bytes(bytes(data))
    refused(path, "损坏")


def test_encrypted_zip_member(tmp_path: Path) -> None:
    path = write_typed_docx(tmp_path / "加密部件.docx", ["正文"])
    data = bytearray(path.read_bytes())
    position = 0
    while (position := data.find(b"PK\x01\x02", position)) != -1:  # central directory entries
        data[position + 8] |= 0x01  # "encrypted" flag
        position += 4
    path.write_bytes(bytes(data))
    refused(path, "加密")


@pytest.mark.timeout(30)
def test_billion_laughs_entity_expansion(tmp_path: Path) -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    document = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    )
    path = docx_with_document_xml(tmp_path / "笑话.docx", document)
    with cpu_budget(5, "refusing the entities"):  # refused before anything is expanded
        refused(path, "实体")


def test_external_entity_is_never_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("机密", encoding="utf-8")
    document = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'
    )
    refused(docx_with_document_xml(tmp_path / "外部实体.docx", document), "实体")


def test_doctype_in_utf16_xml_is_refused_too(tmp_path: Path) -> None:
    document = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY a "b">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body/></w:document>'
    ).encode("utf-16")
    refused(docx_with_document_xml(tmp_path / "utf16实体.docx", document), "实体")


def test_malformed_xml(tmp_path: Path) -> None:
    path = docx_with_document_xml(tmp_path / "坏XML.docx", f'<w:document xmlns:w="{W_NS}"><w:body><w:p>')
    refused(path, "损坏", "另存为")


def test_malformed_styles_part(tmp_path: Path) -> None:
    path = write_docx_xml(
        tmp_path / "坏样式.docx",
        paragraph_xml("正文", num_id=1, ilvl=0),
        numbering_xml='<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
        styles_xml="<w:style><w:pPr><w:numPr>",  # unclosed
    )
    refused(path, "损坏")


@pytest.mark.timeout(30)
def test_absurdly_deep_nesting(tmp_path: Path) -> None:
    depth = 5000
    document = (
        f'<w:document xmlns:w="{W_NS}"><w:body>'
        + "<w:customXml>" * depth
        + "<w:p><w:r><w:t>深</w:t></w:r></w:p>"
        + "</w:customXml>" * depth
        + "</w:body></w:document>"
    )
    refused(docx_with_document_xml(tmp_path / "嵌套.docx", document))


def test_moderate_nesting_is_read(tmp_path: Path) -> None:
    depth = 100
    body = "<w:customXml>" * depth + paragraph_xml("深处的段落") + "</w:customXml>" * depth
    assert read_paragraphs(write_docx_xml(tmp_path / "嵌套.docx", body)) == ["深处的段落"]


# --- Big, odd but legitimate text -----------------------------------------------------------


@pytest.mark.timeout(60)
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_ten_megabyte_text(tmp_path: Path, encoding: str) -> None:
    line = "持续推进基层党建“三化”建设提质增效，全面启动基层党建信息化建设，完成率95％。"
    count = 10 * 1024 * 1024 // len(line.encode(encoding)) + 1
    path = tmp_path / "很长.txt"
    path.write_bytes("\n".join(f"{i}.{line}" for i in range(count)).encode(encoding))
    assert path.stat().st_size > 10 * 1024 * 1024
    paragraphs = read_paragraphs(path)
    assert len(paragraphs) == count
    assert paragraphs[0] == f"0.{line}"
    assert paragraphs[-1] == f"{count - 1}.{line}"


def test_five_thousand_headings(tmp_path: Path) -> None:
    lines = []
    for chapter in range(1, 1001):
        lines += [
            f"{chapter}.第{chapter}项工作",
            "（1）细化措施",
            "（2）落实责任",
            "一是抓学习",
            "二是抓落实",
        ]
    path = tmp_path / "五千标题.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    paragraphs = read_paragraphs(path)
    assert len(paragraphs) == 5000
    assert paragraphs[4995] == "1000.第1000项工作"


def test_control_characters_everywhere_are_dropped(tmp_path: Path) -> None:
    # One stray control in every line (bell, escape, NUL in turn), as left behind by
    # old converters; a file made mostly of controls is binary and refused instead.
    controls = "\x07\x1b\x00"
    lines = [f"第{i}段正文{controls[i % 3]}内容，说明工作开展情况。" for i in range(200)]
    path = tmp_path / "控制字符.txt"
    path.write_bytes("\n".join(lines).encode("utf-8"))
    assert read_paragraphs(path) == [f"第{i}段正文内容，说明工作开展情况。" for i in range(200)]
    heavy = tmp_path / "满是控制字符.txt"
    heavy.write_bytes(("正\x01\x02\x03\x04文\n" * 50).encode("utf-8"))
    refused(heavy, "二进制")


def test_lone_surrogates_in_utf16_file(tmp_path: Path) -> None:
    text = "一、总体要求\n坚持稳中求进\udc00工作总基调\ud801。\n"
    path = tmp_path / "孤立代理.txt"
    path.write_bytes(text.encode("utf-16", errors="surrogatepass"))
    assert read_paragraphs(path) == ["一、总体要求", "坚持稳中求进工作总基调。"]


def test_mixed_encodings_in_one_file(tmp_path: Path) -> None:
    path = tmp_path / "混合编码.txt"
    path.write_bytes(
        "一、总体要求\n".encode() + "（一）加强党建\n".encode("gb18030") + "1.持续推进\n".encode()
    )
    assert read_paragraphs(path) == ["一、总体要求", "（一）加强党建", "1.持续推进"]


def test_docx_text_with_controls_and_odd_whitespace(tmp_path: Path) -> None:
    body = (
        paragraph_xml("\u3000\u3000首行缩进的正文  ")
        + "<w:p><w:r><w:t>多行\n写在\r\n一个元素里</w:t></w:r></w:p>"
    )
    assert read_paragraphs(write_docx_xml(tmp_path / "空白.docx", body)) == [
        "首行缩进的正文",
        "多行 写在 一个元素里",
    ]


def _replace_member(source: Path, target: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            new.writestr(info, data if info.filename == name else old.read(info))
    return target


def test_entity_declaration_in_relationships_is_refused(tmp_path: Path) -> None:
    source = write_docx_xml(tmp_path / "正常.docx", paragraph_xml("正文"))
    rels = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><Relationships/>'
    refused(_replace_member(source, tmp_path / "关系实体.docx", "_rels/.rels", rels), "实体")


def test_damaged_relationships_fall_back_to_the_usual_part_names(tmp_path: Path) -> None:
    source = write_docx_xml(tmp_path / "正常.docx", paragraph_xml("正文照常读取"))
    damaged = _replace_member(source, tmp_path / "关系损坏.docx", "_rels/.rels", b"<Relationships><oops")
    assert read_paragraphs(damaged) == ["正文照常读取"]
