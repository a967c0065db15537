"""The size the app promises (core.draft.scale): past it, import, 资料库 and export each refuse
before their heavy work with a message naming the size and the limit. The large documents
are generated here, not stored."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from core.base.errors import ReportError
from core.draft.model import Report, Section
from core.draft.scale import MAX_CHARS, MAX_PARAGRAPHS, report_size, size_refusal
from core.library.records import LibraryError
from core.library.store import Library
from core.render.engine import render_document
from tests.core.hostile_support import assert_clear_refusal, changed_files, run_cli, snapshot
from tests.docx_builders import paragraph_xml, write_docx_xml

LIMIT = "超过本软件能处理的上限（500 万字、20 万段，约 8,532 页）。请确认选对了文件；确需处理的，请拆成几份分别处理。"


def test_the_promise_and_its_boundary() -> None:
    assert (MAX_CHARS, MAX_PARAGRAPHS) == (5_000_000, 200_000)
    assert size_refusal(5_000_000, 200_000) is None
    assert size_refusal(5_000_001, 10) == f"文档有 5,000,001 字、10 段（约 8,532 页），{LIMIT}"
    assert size_refusal(1_000, 200_001) == f"文档有 1,000 字、200,001 段（约 1 页），{LIMIT}"


def oversized_report() -> Report:
    """Title 2 + heading 4 + 5,400,000 characters in 6 paragraphs: over the promise in characters only."""
    return Report(title="汇编", sections=[Section(heading="一、汇编", body=["工" * 900_000] * 6)])


def test_report_size_counts_characters_and_paragraphs() -> None:
    report = Report(opening=["开头。"], sections=[Section(heading="一、甲", body=["正文。", "二段。"], children=[Section(heading="（一）乙")])])
    # characters: 开头。3 + 一、甲 3 + 正文。3 + 二段。3 + （一）乙 4; paragraphs: 1 + (1+2) + 1
    assert report_size(report) == (16, 5)


def test_an_oversized_text_file_is_refused_before_parsing(tmp_path: Path) -> None:
    line = "一是加强组织领导，压实工作责任，确保各项任务落到实处。" * 2  # 54 characters
    source = tmp_path / "汇编.txt"
    source.write_text((line + "\n") * 92_600, encoding="utf-8")  # 5,000,400 characters, 92,600 lines
    before = snapshot(tmp_path)
    result = run_cli("import", source, "-o", tmp_path / "汇编.draft.json")
    assert_clear_refusal(result, f"无法导入“汇编.txt”：文档有 5,000,400 字、92,600 段（约 8,533 页），{LIMIT}")
    assert changed_files(before, snapshot(tmp_path)) == set()


def test_a_text_file_of_too_many_paragraphs_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "清单.txt"
    source.write_text("甲\n" * 200_001, encoding="utf-8")
    result = run_cli("import", source, "-o", tmp_path / "清单.draft.json")
    assert_clear_refusal(result, f"无法导入“清单.txt”：文档有 200,001 字、200,001 段（约 341 页），{LIMIT}")
    assert not (tmp_path / "清单.draft.json").exists()


def test_an_oversized_docx_stops_reading_at_the_limit(tmp_path: Path) -> None:
    # Varied text, so it deflates as a real document does (a repeated one looks like a zip bomb).
    rng = random.Random(23)
    hanzi = "一二三是的工作推进落实加强组织领导责任建设发展改革服务群众基层党员干部制度监督"
    body = "".join(paragraph_xml("".join(rng.choices(hanzi, k=100_001))) for _ in range(50))  # 5,000,050 characters
    source = write_docx_xml(tmp_path / "汇编.docx", body)
    result = run_cli("import", source, "-o", tmp_path / "汇编.draft.json")
    assert_clear_refusal(result, "无法导入“汇编.docx”：文档展开后的文字超过本软件能处理的上限（500 万字或 200,000 段），已停止读取。")
    assert not (tmp_path / "汇编.draft.json").exists()


def test_the_library_refuses_an_oversized_report_before_indexing(tmp_path: Path) -> None:
    library = Library(tmp_path / "资料库")
    started = time.thread_time()
    with pytest.raises(LibraryError) as caught:
        library.add_report(oversized_report(), original=b"x", file_name="汇编.docx")
    # Cutting 5.4 million characters into words takes jieba half a minute; the refusal, none of it.
    assert time.thread_time() - started < 1.0
    assert str(caught.value) == f"无法把“汇编.docx”存入资料库：文档有 5,400,006 字、7 段（约 9,215 页），{LIMIT}"
    assert library.documents() == []


def test_render_refuses_an_oversized_report_before_any_template_work(tmp_path: Path) -> None:
    started = time.thread_time()
    with pytest.raises(ReportError) as caught:
        render_document(oversized_report())
    assert time.thread_time() - started < 1.0
    assert str(caught.value) == f"无法生成 Word 文档：文档有 5,400,006 字、7 段（约 9,215 页），{LIMIT}"
