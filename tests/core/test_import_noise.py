"""Noise refused, text kept: random bytes behind every magic number the readers accept
"convert" (LibreOffice reads them as UTF-16 or a Western code page) and must end in a
clear refusal, never a draft of mojibake; real reports and real conversions still import."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.importing.readers.noise import measure_noise, noise_reason
from core.office import libreoffice
from tests.conftest import seed_path
from tests.core.hostile_support import assert_clear_refusal, assert_success, changed_files, run_cli, snapshot
from tests.docx_builders import paragraph_xml, write_docx_xml

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
NOISE = "读出的内容是乱码，不像一份报告"
NOT_READABLE = "不是正常的汉字、字母、数字或标点"
RESAVE = "请“另存为”→“Word 文档（*.docx）”后再导入"


def random_bytes(seed: int, size: int = 20_000) -> bytes:
    return random.Random(seed).randbytes(size)


def random_odt(path: Path, seed: int) -> None:
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", random_bytes(seed))


def noise_docx(path: Path, seed: int) -> None:
    """A well-formed .docx whose text is random BMP characters (XML-legal ones): a damaged
    file a recovery tool "repaired", or binary junk pasted as text."""
    rng = random.Random(seed)
    legal = [c for c in range(0x20, 0xFFFE) if not 0xD800 <= c <= 0xDFFF]
    paragraphs = ["".join(chr(rng.choice(legal)) for _ in range(200)) for _ in range(30)]
    write_docx_xml(path, "".join(paragraph_xml(escape(p)) for p in paragraphs))


# (file name, content or builder, words of the refusal a clerk reads)
CASES = [
    ("随机.doc", OLE + random_bytes(1), NOT_READABLE),
    ("随机.wps", OLE + random_bytes(2), NOT_READABLE),
    ("随机.docx", OLE + random_bytes(3), NOT_READABLE),  # the case: OLE noise named .docx
    ("随机.rtf", b"{\\rtf1" + random_bytes(4), NOT_READABLE),
    ("随机rtf.doc", b"{\\rtf1\\ansi\\ansicpg936 " + random_bytes(5), "是无法识别的字符“�”"),
    ("乱码.docx", noise_docx, NOT_READABLE),
    ("随机.odt", random_odt, "LibreOffice 无法转换这个OpenDocument 文档"),
    ("随机zip.docx", b"PK\x03\x04" + random_bytes(6), "文件已损坏或不完整"),
    ("随机.txt", b"\xff\xfe" + random_bytes(7), "这不是文本文件"),
]
NEEDS_LIBREOFFICE = {"随机.doc", "随机.wps", "随机.docx", "随机.rtf", "随机rtf.doc", "随机.odt"}


@pytest.mark.timeout(180)
@pytest.mark.parametrize(("name", "content", "words"), CASES, ids=[case[0] for case in CASES])
def test_random_bytes_behind_an_accepted_magic_number_are_refused(
    tmp_path: Path, name: str, content: bytes | object, words: str
) -> None:
    if name in NEEDS_LIBREOFFICE and libreoffice.find_soffice() is None:
        pytest.skip("LibreOffice（soffice）未安装")
    source = tmp_path / name
    if isinstance(content, bytes):
        source.write_bytes(content)
    else:
        content(source, 8)  # type: ignore[operator]
    before = snapshot(tmp_path)
    result = run_cli("import", source, "-o", tmp_path / "草稿.draft.json")
    assert_clear_refusal(result, f"无法导入“{name}”", words)
    if words != "文件已损坏或不完整" and "LibreOffice" not in words and "文本文件" not in words:
        assert NOISE in result.err and RESAVE in result.err
    assert changed_files(before, snapshot(tmp_path)) == set()


def test_noise_is_refused_by_library_add_too(tmp_path: Path) -> None:
    noise_docx(tmp_path / "乱码.docx", 9)
    result = run_cli("library", "add", tmp_path / "乱码.docx")
    assert result.code != 0 and NOISE in result.err, result.err
    assert "乱码.docx" not in run_cli("library", "list").out


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_real_seeds_are_not_noise(tmp_path: Path, seed: str) -> None:
    result = run_cli("import", seed_path(seed), "-o", tmp_path / "草稿.draft.json")
    assert_success(result)
    assert (tmp_path / "草稿.draft.json").is_file()


def test_the_measure_by_hand() -> None:
    # 50 characters: 40 hanzi and 10 Hangul (unreadable) → 20 % unreadable, under the 25 % bar.
    assert measure_noise(["总结工作部署任务" * 5, "한국" * 5]).unreadable == 10
    assert noise_reason(["总结工作部署任务" * 5, "한국" * 5]) is None
    # 15 Hangul of 50 → 30 %: noise, and the clerk is told the share.
    reason = noise_reason(["总结工作部署" * 5 + "总结工作部", "한국어" * 5])
    assert reason is not None and "其中 30% 不是正常的汉字、字母、数字或标点" in reason
    # Under 50 characters the share is not judged: a short form with symbol-font marks is text.
    assert noise_reason(["同意\uf041\uf042\uf043"]) is None
    # 2 replacement characters in 100: above the 1 % bar.
    reason = noise_reason(["工" * 98 + "\ufffd\ufffd"])
    assert reason is not None and "其中 2% 是无法识别的字符“�”" in reason
    assert noise_reason(["工" * 99 + "\ufffd"]) is None
    # Controls and lone surrogates alike.
    reason = noise_reason(["工" * 97 + "\x01\ud800\x9c"])
    assert reason is not None and "其中 3% 是控制字符等不可见的乱码" in reason
    assert noise_reason([]) is None and noise_reason(["", "   "]) is None


def test_traditional_characters_english_and_a_few_emoji_are_text() -> None:
    traditional = "國務院關於進一步優化營商環境的實施意見。各縣區人民政府，市政府各部門："
    english = "The Annual Work Report of the Committee, 2024 (summary)."
    assert noise_reason([traditional, english, "成效显著👍，群众满意😊。" * 3]) is None
    assert noise_reason(["☑同意 □不同意 ✓ ① → ■ ◆ ★ ±" * 10]) is None


def test_a_five_million_character_text_is_judged_on_a_bounded_sample() -> None:
    text = ["一、总体要求。全面推进各项工作，取得明显成效。" * 100] * 2_000
    measure = measure_noise(text)
    assert measure.characters == 40_000 and measure.unreadable == 0


_OFFICE_TEXT = st.text(alphabet=st.sampled_from("一二三是的工作推进落实。，、；：“”（）《》0123456789abcXYZ%-. \n"))


@given(st.lists(_OFFICE_TEXT, max_size=20))
@settings(max_examples=200, deadline=None)
def test_office_text_is_never_noise(paragraphs: list[str]) -> None:
    assert noise_reason(paragraphs) is None


@given(st.binary(min_size=400, max_size=4_000))
@settings(max_examples=200, deadline=None)
def test_random_bytes_read_as_utf16_are_always_noise(data: bytes) -> None:
    text = data[: len(data) // 2 * 2].decode("utf-16-le", errors="surrogatepass")
    if len("".join(text.split())) >= 200:
        assert noise_reason([text]) is not None
