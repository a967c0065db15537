"""Hostile suite: documents, library and kinds. Work is bounded by what a file really
contains (not its zip sizes), messages name the real cause, broken kinds stay local."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from tests.core.hostile_support import (
    assert_clear_refusal,
    assert_success,
    changed_files,
    good_report,
    run_cli,
    run_cli_limited,
    snapshot,
    write_draft,
)
from tests.docx_builders import paragraph_xml, write_docx_xml

# ── numbering and paragraph amplification ──


def _amplified_docx(path: Path, label: str, paragraphs: int) -> Path:
    """Every empty paragraph takes a style whose list level prints ``label``: a few KB of
    zip that asks for ``len(label) × paragraphs`` characters."""
    numbering = (
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="decimal"/><w:lvlText w:val="{label}"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    )
    styles = (
        '<w:style w:type="paragraph" w:styleId="a"><w:name w:val="List"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    body = '<w:p><w:pPr><w:pStyle w:val="a"/></w:pPr></w:p>' * paragraphs
    return write_docx_xml(path, body, numbering_xml=numbering, styles_xml=styles)


def test_numbering_amplification_is_bounded(tmp_path: Path) -> None:
    source = _amplified_docx(tmp_path / "放大.docx", "长" * 10_000 + "%1", 20_000)
    assert source.stat().st_size < 10_000
    before = snapshot(tmp_path)
    result = run_cli_limited(tmp_path, "import", source, "-o", tmp_path / "结果.draft.json")
    assert_clear_refusal(result, "放大.docx", "没有文字内容")
    assert changed_files(before, snapshot(tmp_path)) == set()


def test_ordinary_number_formats_still_print(tmp_path: Path) -> None:
    source = _amplified_docx(tmp_path / "编号.docx", "第%1项", 3)
    result = run_cli("import", source, "--outline")
    assert_success(result)


def test_document_text_is_capped_while_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.importing.readers import docx as docx_reader

    monkeypatch.setattr(docx_reader, "MAX_DOCUMENT_CHARS", 50_000)
    body = "".join(paragraph_xml(f"第{i}段：" + "加强基层治理能力建设。" * 10) for i in range(1_000))
    source = write_docx_xml(tmp_path / "很长.docx", body)
    result = run_cli("import", source, "--outline")
    assert_clear_refusal(result, "很长.docx", "上限（5 万字或 200,000 段）")


# ── zip structure: the message names the real cause ──


def _with_method(path: Path, member: str, method: int) -> Path:
    data = bytearray(path.read_bytes())
    name = member.encode()
    at = data.find(name)
    while at >= 0:
        if data[at - 30 : at - 26] == b"PK\x03\x04":
            struct.pack_into("<H", data, at - 30 + 8, method)
        if data[at - 46 : at - 42] == b"PK\x01\x02":
            struct.pack_into("<H", data, at - 46 + 10, method)
        at = data.find(name, at + 1)
    path.write_bytes(bytes(data))
    return path


def test_deflate64_is_not_called_encrypted(tmp_path: Path) -> None:
    source = write_docx_xml(tmp_path / "d64.docx", paragraph_xml("一、总体情况"))
    result = run_cli("import", _with_method(source, "word/document.xml", 9), "--outline")
    assert_clear_refusal(result, "Deflate64", "不是加密")
    assert "被加密" not in result.err


def test_an_encrypted_member_is_called_encrypted(tmp_path: Path) -> None:
    source = write_docx_xml(tmp_path / "密.docx", paragraph_xml("一、总体情况"))
    data = bytearray(source.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at >= 0:
            struct.pack_into("<H", data, at + offset, struct.unpack_from("<H", data, at + offset)[0] | 1)
            at = data.find(signature, at + 4)
    source.write_bytes(bytes(data))
    result = run_cli("import", source, "--outline")
    assert_clear_refusal(result, "密.docx")
    assert "加密" in result.err or "损坏" in result.err


def test_ten_thousand_and_one_entries_says_too_many_entries(tmp_path: Path) -> None:
    source = write_docx_xml(tmp_path / "多.docx", paragraph_xml("一、总体情况"))
    with zipfile.ZipFile(source, "a") as package:
        for i in range(10_001 - len(package.namelist())):
            package.writestr(f"x/{i}", b"")
    result = run_cli("import", source, "--outline")
    assert_clear_refusal(result, "10001 个部件")
    assert "解压后体积过大" not in result.err


# ── a huge paragraph: named as such, the template is not blamed ──


def test_a_huge_paragraph_is_named_not_the_template(tmp_path: Path) -> None:
    source = tmp_path / "长段.txt"
    source.write_text("一、总体情况\n" + "长" * 1_200_000 + "。\n", encoding="utf-8")
    result = run_cli("render", source, "-o", tmp_path / "输出.docx")
    assert_clear_refusal(result, "长段.txt", "“第1部分的正文第1段”过长", "拆分")
    assert "模板" not in result.err


def test_points_run_on_into_a_huge_paragraph_are_named_not_the_template(tmp_path: Path) -> None:
    report = good_report()
    report["sections"][1]["points"] = [{"text": "加" * 600_000}, {"text": "强" * 600_000}]
    report["sections"][1]["points_layout"] = "inline"
    draft = write_draft(tmp_path / "连排.draft.json", report)
    result = run_cli("render", draft, "-o", tmp_path / "输出.docx")
    assert_clear_refusal(result, "段文字过长", "拆成几段")
    assert "模板" not in result.err


# ── library: indexing and search bounded ──


def test_library_indexes_a_huge_unbroken_paragraph(tmp_path: Path) -> None:
    source = write_docx_xml(tmp_path / "巨段.docx", paragraph_xml("一、总体情况") + paragraph_xml("建" * 300_000))
    assert source.stat().st_size < 10_000
    result = run_cli_limited(tmp_path, "library", "add", source)
    assert result.code == 0, result.err
    assert "已收入" in result.out + result.err


def test_library_indexes_a_long_latin_run(tmp_path: Path) -> None:
    source = write_docx_xml(tmp_path / "字母.docx", paragraph_xml("一、总体情况") + paragraph_xml("a" * 500_000))
    result = run_cli("library", "add", source)
    assert_success(result)


def test_a_long_search_query_is_refused_clearly(tmp_path: Path) -> None:
    result = run_cli("library", "search", "加强党的建设" * 3_400)
    assert_clear_refusal(result, "检索词太长", "最多 200 字")


def test_a_search_query_at_the_limit_answers(tmp_path: Path) -> None:
    source = write_docx_xml(tmp_path / "报告.docx", paragraph_xml("一、总体情况") + paragraph_xml("加强党的建设。"))
    assert_success(run_cli("library", "add", source))
    result = run_cli("library", "search", "党" * 200)
    assert result.code in (0, 1), result.err
    assert "Traceback" not in result.err and result.cpu_seconds < 5


def test_tiling_a_long_word_is_linear() -> None:
    from core.text.language import tiling

    assert tiling("队伍建设") == ["队伍", "建设"]
    assert tiling("建" * 20_000) is None


# ── kinds: a broken kind.toml disables that kind only ──


def _kind_folder(root: Path, kind_id: str, toml: str) -> Path:
    folder = root / "kinds" / kind_id
    folder.mkdir(parents=True)
    (folder / "kind.toml").write_text(toml, encoding="utf-8")
    return folder


BROKEN_KINDS = [
    ("nested-arrays", "name = \"坏\"\nx = " + "[" * 200_000 + "]" * 200_000 + "\n", "文件过大"),
    ("nested-arrays-small", "name = \"坏\"\nx = " + "[" * 60_000 + "]" * 60_000 + "\n", "嵌套过深"),
    ("name-number", "name = 5\n[[levels]]\nformat = \"{cn}、\"\n", "缺少显示名称"),
    ("levels-string", "name = \"坏\"\nlevels = \"{cn}、\"\n", "编号方式"),
    ("sections-numbers", "name = \"坏\"\nsections = [1, 2]\n[[levels]]\nformat = \"{cn}、\"\n", "sections"),
    ("title-format-bomb", "name = \"坏\"\ntitle = \"{year:>1000000000}\"\n[[levels]]\nformat = \"{cn}、\"\n", "不能带格式"),
    ("not-toml", "name = \n", "格式错误"),
    ("nine-levels", "name = \"坏\"\n" + "[[levels]]\nformat = \"{n}.\"\n" * 9, "最多八级"),
]


@pytest.mark.parametrize(("toml", "words"), [k[1:] for k in BROKEN_KINDS], ids=[k[0] for k in BROKEN_KINDS])
def test_a_broken_kind_is_skipped_and_the_rest_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, toml: str, words: str
) -> None:
    monkeypatch.setenv("BAOGAO_KINDS_PATH", str(tmp_path / "kinds"))
    _kind_folder(tmp_path, "broken", toml)
    listing = run_cli("kinds")
    assert_success(listing)
    assert "annual_summary" in listing.out and "broken" not in listing.out
    assert "已跳过一个报告类型" in listing.err and words in listing.err
    draft = write_draft(tmp_path / "报告.draft.json", good_report())
    assert_success(run_cli("render", draft, "-o", tmp_path / "输出.docx"))
    refused = run_cli("render", draft, "--kind", "broken", "-o", tmp_path / "另一个.docx")
    assert_clear_refusal(refused, "已停用", words)
    assert not (tmp_path / "另一个.docx").exists()


def test_kinds_with_a_nested_kind_toml_in_a_limited_child(tmp_path: Path) -> None:
    _kind_folder(tmp_path, "nested", "name = \"坏\"\nx = " + "[" * 100_000 + "]" * 100_000 + "\n")
    result = run_cli_limited(tmp_path, "kinds", env={"BAOGAO_KINDS_PATH": str(tmp_path / "kinds")})
    assert result.code == 0, result.err
    assert "work_report" in result.out and "嵌套过深" in result.err


def test_an_import_that_could_not_be_reopened_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "标题.txt"
    source.write_text("\n".join(f"{i % 99 + 1}.标题" for i in range(12_000)) + "\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = run_cli("import", source, "-o", tmp_path / "标题.draft.json")
    assert_clear_refusal(result, "标题.txt", "超过上限 9999 项")
    assert changed_files(before, snapshot(tmp_path)) == set()


def test_an_import_with_too_many_lines_is_refused_before_parsing(tmp_path: Path) -> None:
    source = tmp_path / "行.txt"
    source.write_text("一行。\n" * 200_001, encoding="utf-8")
    result = run_cli("import", source, "--outline")
    assert_clear_refusal(result, "行.txt", "文档有 600,003 字、200,001 段", "上限（500 万字、20 万段")
