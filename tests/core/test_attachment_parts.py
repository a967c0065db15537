"""Attachments written as parts of the report (Section.attachment): the same section editor,
their own pages after the 落款 (GB/T 9704 7.3.4, 8), their own numbering, tables and all."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest

from core.draft.draft_file import load_draft, save_draft
from core.draft.model import Point, Report, Section
from core.draft.numbering import attachment_names, section_markers
from core.draft.tables import Table
from core.render.engine import render_document
from core.reuse.carryover import carry_over
from core.reuse.flags import flags_for
from core.text.find import find_all
from core.text.plaintext import report_paragraphs
from tests.core.gongwen_samples import imprinted_report


def tasks_part() -> Section:
    return Section(
        heading="2024年重点任务分解表",
        attachment=True,
        body=["按任务逐项分解如下。"],
        tables=[Table(rows=[["任务", "责任单位"], ["落实第一议题制度", "办公室"]], after_body=1)],
        children=[
            Section(heading="政治建设", body=["落实第一议题制度XX次。"]),
            Section(heading="组织建设", points=[Point("建强支部。"), Point("发展党员。")]),
        ],
    )


def report_with_parts() -> Report:
    report = imprinted_report()
    report.date = "2024-07-01"
    report.attachments = ["干部培训计划"]  # typed in 附件说明, no page of its own
    report.sections.insert(1, tasks_part())  # where the clerk left it: numbering skips it
    report.sections.append(Section(heading="下一步打算", body=["继续努力。"]))
    return report


def test_numbering_skips_the_attachment_and_restarts_inside_it() -> None:
    report = report_with_parts()
    markers = section_markers(report)
    tops = [markers[s.id] for s in report.sections]
    assert tops == ["一、", "附件2：", "二、", "三、", "四、"]
    assert [markers[c.id] for c in report.sections[1].children] == ["一、", "二、"]
    assert attachment_names(report) == ["干部培训计划", "2024年重点任务分解表"]


def test_the_attachment_is_laid_out_after_the_signature_with_its_own_page() -> None:
    paragraphs = report_paragraphs(report_with_parts())
    date = paragraphs.index("2024年7月1日")
    assert paragraphs[date - 3 : date - 1] == ["附件：1.干部培训计划", "2.2024年重点任务分解表"]
    assert paragraphs[date + 1 : date + 10] == [
        "附件2",
        "2024年重点任务分解表",
        "按任务逐项分解如下。",
        "任务\t责任单位",
        "落实第一议题制度\t办公室",
        "一、政治建设",
        "落实第一议题制度XX次。",
        "二、组织建设",
        "一是建强支部。",
    ]
    assert "四、下一步打算" in paragraphs[:date]  # the text's own parts stay before the 落款


def test_the_docx_gives_the_attachment_a_page_a_title_headings_and_its_table() -> None:
    document = docx.Document(io.BytesIO(render_document(report_with_parts()).data))
    paragraphs = [(p.style.name, p.text.replace("\n", "")) for p in document.paragraphs]
    label = paragraphs.index(("附件标识（附件1）", "附件2"))
    assert paragraphs[label + 1] == ("公文标题", "2024年重点任务分解表")
    assert paragraphs[label + 3] == ("一级标题（一、）", "一、政治建设")
    assert [[c.text for c in row.cells] for row in document.tables[-1].rows] == [
        ["任务", "责任单位"], ["落实第一议题制度", "办公室"]]


def test_the_attachment_is_checked_flagged_found_saved_and_carried_over(tmp_path: Path) -> None:
    report = report_with_parts()
    part = report.sections[1]
    assert any(f.section_id == part.children[0].id for f in flags_for(report))  # its XX
    assert any(m.section_id == part.children[1].id for m in find_all(report, "发展党员"))
    path = tmp_path / "附件.draft.json"
    save_draft(report, path)
    assert load_draft(path).sections[1].attachment
    assert carry_over(load_draft(path), 2025).report.sections[1].attachment


@pytest.mark.skipif(shutil.which("soffice") is None, reason="未安装 LibreOffice（soffice），跳过 PDF 检查")
@pytest.mark.timeout(300)
def test_on_paper_the_attachment_starts_a_page_and_numbers_run_on(tmp_path: Path) -> None:
    from tests.pdf_layout import TEXT_LEFT_MM, TEXT_TOP_MM, page_count, page_text, page_words, render_pdfs

    report = report_with_parts()
    report.header_mode = ""
    pdf = render_pdfs({"parts": report}, tmp_path)["parts"]
    page = next(p for p in range(1, page_count(pdf) + 1) if page_text(pdf, p).startswith("附件2"))
    assert page > 1 and page_text(pdf, page).startswith("附件22024年重点任务分解表")
    first = page_words(pdf, page)[0]
    assert first.x0 == pytest.approx(TEXT_LEFT_MM, abs=0.5) and first.top == pytest.approx(TEXT_TOP_MM, abs=4)
    assert f"—{page}—" in page_text(pdf, page)  # numbers continue (table cells may follow in the text)


@pytest.mark.parametrize("attachment", [False, True])
def test_a_table_after_a_red_header_replaces_its_own_rows(attachment: bool) -> None:
    # The 版头 adds paragraphs of its own (blank lines, the red line): a table found by its
    # place in the layout must still replace its own rows, not the paragraphs before them.
    from tests.core.gongwen_samples import upward_report

    report = upward_report()
    report.copy_number = report.secrecy = report.urgency = ""  # three blank lines kept instead
    part = tasks_part() if attachment else report.sections[0]
    part.tables = [Table(rows=[["任务", "责任单位"], ["落实第一议题制度", "办公室"]])]
    if attachment:
        report.sections.append(part)
    document = docx.Document(io.BytesIO(render_document(report).data))
    assert [[c.text for c in row.cells] for row in document.tables[-1].rows] == [
        ["任务", "责任单位"], ["落实第一议题制度", "办公室"]]
    texts = [p.text for p in document.paragraphs]
    assert "任务\t责任单位" not in texts
    assert part.heading in [t.replace("\n", "") for t in texts] or part.heading.startswith("加强")
