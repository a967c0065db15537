"""Reading .txt/.md: every common Chinese encoding detected, text cleaned, one paragraph
per line; ``decode`` of arbitrary bytes never fails with anything but ImportFailed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.base.errors import ImportFailed
from core.importing.readers import read_paragraphs
from core.importing.readers.text import decode, text_paragraphs

REPORT = (
    "关于2022年工作要点的报告\n"
    "\n"
    "一、总体要求\n"
    "（一）加强党的建设。坚持“两个确立”，做到ABC、abc与123。\n"
    "1.持续推进基层党建“三化”建设，投资x万元，完成率达95％。\n"
    "（1）一是抓学习；二是抓落实！\n"
)
PARAGRAPHS = [
    "关于2022年工作要点的报告",
    "",
    "一、总体要求",
    "（一）加强党的建设。坚持“两个确立”，做到ABC、abc与123。",
    "1.持续推进基层党建“三化”建设，投资x万元，完成率达95％。",
    "（1）一是抓学习；二是抓落实！",
]


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]
)
def test_each_encoding_reads_to_the_same_paragraphs(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"report-{encoding}.txt"
    path.write_bytes(REPORT.encode(encoding))
    assert read_paragraphs(path) == PARAGRAPHS


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_bom_less_utf16_without_any_ascii(tmp_path: Path, encoding: str) -> None:
    # No ASCII means no NUL bytes: only the characters tell UTF-16 from GBK.
    text = "各位同志：现将全区党群系统工作要点印发给你们，请结合实际认真贯彻落实。"
    path = tmp_path / "pure.txt"
    path.write_bytes(text.encode(encoding))
    assert read_paragraphs(path) == [text]


def test_gb18030_only_characters(tmp_path: Path) -> None:
    # 䶮 (U+4DAE) and 𠀀 (U+20000) exist in GB18030 but not in GBK.
    path = tmp_path / "gb18030.txt"
    path.write_bytes("人名：王䶮、𠀀字\n".encode("gb18030"))
    assert read_paragraphs(path) == ["人名：王䶮、𠀀字"]


@pytest.mark.parametrize(("text", "encoding"), [("小", "gbk"), ("要实", "gbk"), ("取", "gb18030")])
def test_short_gbk_text_that_is_also_valid_utf8_reads_as_hanzi(
    tmp_path: Path, text: str, encoding: str
) -> None:
    data = text.encode(encoding)
    data.decode("utf-8")  # the trap: these bytes are valid UTF-8 too (小 = Cyrillic С)
    assert decode(data) == text


def test_lines_in_different_encodings_in_one_file(tmp_path: Path) -> None:
    path = tmp_path / "glued.txt"
    path.write_bytes(
        "一、来自UTF-8的部分\n".encode() + "（一）来自GBK的部分\n".encode("gbk") + "结尾。\n".encode()
    )
    assert read_paragraphs(path) == ["一、来自UTF-8的部分", "（一）来自GBK的部分", "结尾。"]


def test_utf8_bom_followed_by_gbk_lines(tmp_path: Path) -> None:
    path = tmp_path / "bom-gbk.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "标题\n".encode() + "正文内容\n".encode("gbk"))
    assert read_paragraphs(path) == ["标题", "正文内容"]


def test_line_endings_and_surrounding_whitespace() -> None:
    text = "甲\r\n乙\r丙\n\u3000\u3000丁  \u2028戊\x0c己\r\n"
    assert text_paragraphs(text) == ["甲", "乙", "丙", "丁", "戊", "己"]


def test_blank_lines_are_kept_and_the_final_newline_is_not_a_paragraph() -> None:
    assert text_paragraphs("甲\n\n\n乙\n") == ["甲", "", "", "乙"]
    assert text_paragraphs("甲") == ["甲"]


def test_control_characters_are_dropped_not_fatal(tmp_path: Path) -> None:
    lines = [f"第{i}段正文内容，说明工作情况。" for i in range(40)]
    lines[3] = "正文\x01中\x07有\x1b控制\x7f字符\ufeff。"
    path = tmp_path / "controls.txt"
    path.write_bytes("\n".join(lines).encode())
    paragraphs = read_paragraphs(path)
    assert paragraphs[3] == "正文中有控制字符。"
    assert paragraphs[4] == lines[4]
    assert len(paragraphs) == 40


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_lone_surrogates_in_utf16_are_dropped(tmp_path: Path, encoding: str) -> None:
    text = "一、总体要求\n坚持稳中求进\ud800工作总基调，推动\udfff高质量发展。\n"
    path = tmp_path / "surrogates.txt"
    path.write_bytes(text.encode(encoding, errors="surrogatepass"))
    assert read_paragraphs(path) == ["一、总体要求", "坚持稳中求进工作总基调，推动高质量发展。"]


def test_lone_surrogate_encoded_in_utf8_is_dropped() -> None:
    data = "前".encode() + b"\xed\xa0\x80" + "后".encode()  # UTF-8 encoded U+D800
    assert text_paragraphs(decode(data)) == ["前后"]


def test_markdown_syntax_is_stripped(tmp_path: Path) -> None:
    source = "\n".join(
        [
            "# 2022年工作要点 #",
            "",
            "## 一、总体要求",
            "> 引用的**重点**内容",
            "- 一是抓学习",
            "* 二是抓__落实__",
            "---",
            "正文里有[链接文字](http://example.com)和`代码`，以及\\*号。",
            "```",
            "1.编号保留",
        ]
    )
    path = tmp_path / "report.md"
    path.write_text(source, encoding="utf-8")
    assert read_paragraphs(path) == [
        "2022年工作要点",
        "",
        "一、总体要求",
        "引用的重点内容",
        "一是抓学习",
        "二是抓落实",
        "",
        "正文里有链接文字和代码，以及*号。",
        "",
        "1.编号保留",
    ]


def test_plain_text_keeps_markdown_like_characters(tmp_path: Path) -> None:
    # In .txt, "**" is a masked name (the seeds use it), "#" and "> " are text.
    line = "# 在**镇和**村开展调研 > 预期"
    path = tmp_path / "plain.txt"
    path.write_text(line, encoding="utf-8")
    assert read_paragraphs(path) == [line]


def test_decode_names_the_file_when_refusing() -> None:
    with pytest.raises(ImportFailed) as caught:
        decode(bytes(range(256)) * 4, "汇报材料.txt")
    assert "汇报材料.txt" in str(caught.value)
    assert "不是文本文件" in str(caught.value)


def test_undecodable_bytes_ask_for_a_utf8_copy() -> None:
    with pytest.raises(ImportFailed) as caught:
        decode(b"\xa1\xa1\x80\x80\xff\xfe\x81" * 50 + "正文".encode(), "x.txt")
    assert "编码" in str(caught.value) and "UTF-8" in str(caught.value)


# Random bytes, and random bytes behind each byte-order mark (so every branch is hit).
_BOMS = [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"]
_ANY_BYTES = st.one_of(
    st.binary(max_size=600),
    st.builds(lambda bom, rest: bom + rest, st.sampled_from(_BOMS), st.binary(max_size=300)),
)


@settings(max_examples=500, deadline=None)
@given(_ANY_BYTES)
def test_decode_of_random_bytes_never_raises_anything_but_import_failed(data: bytes) -> None:
    try:
        text = decode(data, "随机.txt")
    except ImportFailed as error:
        assert "随机.txt" in str(error)
    else:
        assert isinstance(text, str)
        text_paragraphs(text)  # and the clean-up copes with whatever came out


# Characters an office report is made of (no U+XX00 hanzi, which byte-swap to ASCII).
_REPORT_CHARS = (
    "党建工作要点年度总结计划推进落实加强全面深化改革发展会议组织干部群众服务质量"
    "，。、；：“”（）《》！？ 0123456789ABCabcxX%"
)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=_REPORT_CHARS, min_size=1, max_size=200),
    st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-32"]),
)
def test_decode_round_trips_report_text(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_text_paragraphs_never_raises_and_never_keeps_line_breaks(text: str) -> None:
    for paragraph in text_paragraphs(text, markdown=True):
        assert "\n" not in paragraph and "\r" not in paragraph


def test_a_few_damaged_bytes_read_as_unreadable_marks_the_checks_list(tmp_path: Path) -> None:
    # One stray byte in 6,000 characters must not refuse the whole file (Notepad and WPS
    # show one "�"); each place is then an error in 检查 for the clerk to retype.
    from core.checks import run_checks
    from core.importing.importer import import_document
    from tests.conftest import seed_path

    data = seed_path("004").read_bytes()
    damaged = tmp_path / "一处损坏.txt"
    damaged.write_bytes(data[:3000] + b"\x80" + data[3000:])
    report = import_document(damaged).report
    [finding] = run_checks(report, only=["unreadable_char"])
    assert finding.text == "\ufffd" and "无法识别" in finding.message
    original = import_document(seed_path("004")).report
    assert report.char_count() == original.char_count() + 1

    cut = tmp_path / "截断.txt"
    cut.write_bytes(data[:-2])  # cut inside the last character
    assert [f.check for f in run_checks(import_document(cut).report, only=["unreadable_char"])] == ["unreadable_char"]


def test_a_file_mostly_undecodable_is_still_refused(tmp_path: Path) -> None:
    import random

    from core.importing.importer import import_document

    rng = random.Random(7)
    lines = [("第一行文字。".encode() + bytes(rng.randrange(0x80, 0x100) for _ in range(30))) for _ in range(40)]
    bad = tmp_path / "乱码.txt"
    bad.write_bytes(b"\n".join(lines))
    with pytest.raises(ImportFailed):
        import_document(bad)
